"""Stock screen: stock on hand, usable stock, AMC, MOS, expiring and order quantities."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.catalogue import CATEGORY_LABELS_FR, Category
from core.consumption import StockStatus
from core.facilities import fold
from gui.screen import Screen
from gui.stock.model import SORT_ROLE, StockTableModel


class StockFilter(QSortFilterProxyModel):
    """Search on code and name (accents ignored) and filter by programme."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._category: str | None = None
        self._show_unstocked = False
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = fold(text)
        self.endFilterChange()

    def set_category(self, category: str | None) -> None:
        self.beginFilterChange()
        self._category = category
        self.endFilterChange()

    def set_show_unstocked(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_unstocked = show
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # type: ignore[no-untyped-def]
        model = self.sourceModel()
        assert isinstance(model, StockTableModel)
        line = model.line(source_row)
        product = line.product
        if not self._show_unstocked and line.status is StockStatus.NOT_STOCKED:
            return False
        if self._category and product.category.value != self._category:
            return False
        return not self._text or self._text in fold(f"{product.code} {product.name}")


class StockScreen(Screen):
    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher un produit (code ou nom)…"))
        self.search.setClearButtonEnabled(True)
        self.programme = QComboBox()
        self.programme.addItem(self.tr("Tous les programmes"), None)
        for category in Category:
            self.programme.addItem(self.tr(CATEGORY_LABELS_FR[category]), category.value)
        self.show_unstocked = QCheckBox(self.tr("Produits jamais reçus"))
        self.show_unstocked.setToolTip(
            self.tr("Afficher aussi les produits du catalogue jamais reçus ici")
        )
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel(self.tr("Programme :")))
        bar.addWidget(self.programme)
        bar.addWidget(self.show_unstocked)
        layout.addLayout(bar)
        self.model = StockTableModel()
        self.proxy = StockFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 250)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self.proxy.set_text)
        self.programme.currentIndexChanged.connect(
            lambda _: self.proxy.set_category(self.programme.currentData())
        )
        self.show_unstocked.toggled.connect(self.proxy.set_show_unstocked)

    def refresh(self) -> None:
        if self.facility is None:
            self.model.set_lines([])
            self.summary.clear()
            return
        lines = services.facility_stock(self.app.uow(), self.facility, self.app.ctx.today())
        self.model.set_lines(lines)
        stocked = sum(1 for line in lines if line.status is not StockStatus.NOT_STOCKED)
        self.summary.setText(
            self.tr("{0} produits suivis dans cet établissement · état à la fin du {1}").format(
                stocked, self.app.ctx.today().strftime("%d/%m/%Y")
            )
        )
