"""Stock screen: stock on hand, usable stock, AMC, MOS, expiring and order quantities."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.catalogue import Category
from core.consumption import StockStatus
from core.facilities import fold
from gui.screen import Screen
from gui.stock.empty import EmptyState
from gui.stock.model import QUANTITY_COLUMNS, StockTableModel, format_date, status_text

# The empty state's button target that clears the search instead of opening a screen.
CLEAR_FILTERS = "clear-filters"


class StockFilter(QSortFilterProxyModel):
    """Search on code and name (accents ignored) and filter by programme. Sorting is passed
    on to the source model, which sorts its lines in Python (fast); this proxy keeps its
    order."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._category: str | None = None
        self._show_unstocked = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

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


class TwoLineQuantityDelegate(QStyledItemDelegate):
    """Shows "1 561 sachets (10,4 cartons)" as units over packs, so that eight columns fit
    in a 1200-pixel window."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = option.text.replace(" (", "\u2028(", 1)


class StockScreen(Screen):
    """Every product's position at the facility; double-click (or Enter) opens its stock card."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher un produit (code ou nom)…"))
        self.search.setClearButtonEnabled(True)
        self.programme = QComboBox()
        # Imported here: the dashboard imports this module at start-up, and gui.forms with it
        # would cost some tens of milliseconds there.
        from gui.labels import category_label

        self.programme.addItem(self.tr("Tous les programmes"), None)
        for category in Category:
            self.programme.addItem(category_label(category), category.value)
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
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.quantity_delegate = TwoLineQuantityDelegate(self.table)
        for column in QUANTITY_COLUMNS:
            self.table.setItemDelegateForColumn(column, self.quantity_delegate)
        # Rows of two lines, all the same height: no measuring of every row (300 products).
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The product name takes what the figures leave (its full name is in the tooltip).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicatorShown(True)
        self.table.activated.connect(self._on_activated)
        self.empty = EmptyState()
        self.empty.clicked.connect(self._on_empty_button)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        layout.addWidget(self.pages, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self._on_search)
        self.programme.currentIndexChanged.connect(self._on_programme)
        self.show_unstocked.toggled.connect(self._on_show_unstocked)
        self._fit_columns()

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.facility is None:
            self.model.set_lines([])
        else:
            today = self.app.ctx.today()
            self.model.set_lines(services.facility_stock(self.app.uow(), self.facility, today))
        self._update_summary()
        self._update_page()

    def _update_page(self) -> None:
        lines = self.model.lines()
        if self.facility is None:
            self.empty.show_message(
                self.tr("Aucun établissement pour l'instant"),
                self.tr(
                    "Ajoutez votre établissement dans Paramètres › Établissement (Ctrl+7) : "
                    "son stock s'affichera ici."
                ),
                self.tr("Ouvrir les paramètres"),
                "settings",
            )
        elif all(line.status is StockStatus.NOT_STOCKED for line in lines) and not (
            self.show_unstocked.isChecked()
        ):
            self.empty.show_message(
                self.tr("Aucun stock enregistré"),
                self.tr(
                    "Cet établissement n'a encore aucun mouvement de stock. Enregistrez une "
                    "réception (bouton « Réception » ou Ctrl+R) ou importez vos mouvements. "
                    "Cochez « Produits jamais reçus » pour voir tout le catalogue."
                ),
                self.tr("Ouvrir Import / Export"),
                "exchange",
            )
        elif self.proxy.rowCount() == 0:
            self.empty.show_message(
                self.tr("Aucun produit ne correspond"),
                self.tr(
                    "Aucun produit suivi ici ne correspond à la recherche « {0} » dans le "
                    "programme « {1} ». Vérifiez l'orthographe, choisissez un autre programme, "
                    "ou cochez « Produits jamais reçus » pour chercher dans tout le catalogue."
                ).format(self.search.text(), self.programme.currentText()),
                self.tr("Effacer la recherche"),
                CLEAR_FILTERS,
            )
        else:
            self.pages.setCurrentWidget(self.table)
            return
        self.pages.setCurrentWidget(self.empty)

    def _on_empty_button(self, target: str) -> None:
        if target == CLEAR_FILTERS:
            self.search.clear()
            self.programme.setCurrentIndex(0)
            self.table.setFocus()
        else:
            self.navigate.emit(target, None)

    def _fit_columns(self) -> None:
        """Widths from the font, not from measuring every cell (fast with 300 products)."""
        metrics = self.fontMetrics()

        def width(text: str) -> int:
            return metrics.horizontalAdvance(text) + 12

        def header(column: int) -> int:
            # room for the sort arrow
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            return width(str(title)) + 16

        quantity = width("14 295 comprimés")
        widths = {
            1: quantity,
            2: quantity,
            3: max(width("12 345"), header(3)),
            4: max(width("10,5"), header(4)),
            5: max(quantity, header(5)),
            6: max(quantity, header(6)),
            7: max(width(status_text(s)) for s in StockStatus),
        }
        for column, pixels in widths.items():
            self.table.setColumnWidth(column, pixels)

    def _update_summary(self) -> None:
        lines = self.model.lines()
        if self.facility is None:
            self.summary.clear()
            return
        stocked = sum(1 for line in lines if line.status is not StockStatus.NOT_STOCKED)
        day = format_date(self.app.ctx.today())
        if stocked == 0:
            text = self.tr("Aucun produit reçu dans cet établissement au {0}.").format(day)
        else:
            text = self.tr(
                "{0} produits suivis dans cet établissement · état à la fin du {1}"
            ).format(stocked, day)
            counts = [
                (sum(1 for line in lines if line.status is status), status)
                for status in (
                    StockStatus.STOCKED_OUT,
                    StockStatus.EMERGENCY,
                    StockStatus.BELOW_MIN,
                )
            ]
            alarms = [
                self.tr("{0} : {1}").format(status_text(status), n) for n, status in counts if n
            ]
            if alarms:
                text += " · " + " · ".join(alarms)
        shown = self.proxy.rowCount()
        if shown < len(lines) and (self.search.text() or self.programme.currentData()):
            text += " · " + self.tr("{0} affiché(s)").format(shown)
        self.summary.setText(text)

    # --- actions ----------------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_summary()
        self._update_page()

    def _on_programme(self, _index: int) -> None:
        self.proxy.set_category(self.programme.currentData())
        self._update_summary()
        self._update_page()

    def _on_show_unstocked(self, show: bool) -> None:
        self.proxy.set_show_unstocked(show)
        self._update_summary()
        self._update_page()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            line = self.model.line(self.proxy.mapToSource(index).row())
            self.navigate.emit("card", line.product.code)

    def open_item(self, item: object) -> None:
        """Select a product (by code), clearing a search that would hide it."""
        if not isinstance(item, str):
            return
        for row in range(self.model.rowCount()):
            if self.model.line(row).product.code == item:
                source = self.model.index(row, 0)
                if not self.proxy.mapFromSource(source).isValid():
                    self.search.clear()
                    self.programme.setCurrentIndex(0)
                    if self.model.line(row).status is StockStatus.NOT_STOCKED:
                        self.show_unstocked.setChecked(True)
                index = self.proxy.mapFromSource(source)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return
