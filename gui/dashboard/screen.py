"""Dashboard: the facility's products at risk first, counted on tiles that filter the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.consumption import StockStatus
from gui.dashboard.model import COLOUR, SYMBOL, Risk, RiskTableModel, risk_items
from gui.i18n import takes_singular
from gui.screen import Screen
from gui.stock.empty import EmptyState
from gui.stock.model import format_date
from gui.stock.screen import TwoLineQuantityDelegate

# Movements read at a time when looking back for the day a stock-out began.


class RiskFilter(QSortFilterProxyModel):
    """Keeps the rows of one kind of risk, or all of them."""

    def __init__(self) -> None:
        super().__init__()
        self._risk: Risk | None = None

    @property
    def risk(self) -> Risk | None:
        return self._risk

    def set_risk(self, risk: Risk | None) -> None:
        self.beginFilterChange()
        self._risk = risk
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # type: ignore[no-untyped-def]
        if self._risk is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, RiskTableModel)
        return model.item(source_row).risk is self._risk


class RiskTile(QPushButton):
    """A big count with its symbol, and a label that wraps; checked when it filters the list.
    The labels let clicks through to the button."""

    def __init__(self, risk: Risk | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.risk = risk
        self.count = 0
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.count_label = QLabel()
        count_font = QFont(self.font())
        count_font.setPointSizeF(count_font.pointSizeF() * 1.35)
        count_font.setBold(True)
        self.count_label.setFont(count_font)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 8, 4)
        layout.setSpacing(0)
        for label in (self.count_label, self.name_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)
        background = COLOUR[risk].name() if risk is not None else "#eef1f5"
        self.setStyleSheet(
            "QPushButton { background: BACKGROUND; border: 1px solid #8a8a8a;"
            " border-radius: 5px; }"
            "QPushButton:checked { border: 3px solid #1f1f1f; }"
            "QPushButton:disabled { background: #f3f3f3; border: 1px dashed #b0b0b0; }"
            "QLabel { color: black; background: transparent; }"
            "QLabel:disabled { color: #555555; }".replace("BACKGROUND", background)
        )

    def set_text(self, count: int, label: str) -> None:
        self.count = count
        symbol = SYMBOL[self.risk] if self.risk is not None else "≡"
        self.count_label.setText(f"{symbol} {count}")
        self.name_label.setText(label)
        self.setToolTip(label)
        self.setAccessibleName(f"{symbol} {count} {label}")

    def caption(self) -> str:
        """What the tile reads: "✖ 2 en rupture"."""
        return f"{self.count_label.text()} {self.name_label.text()}"


class DashboardScreen(Screen):
    """Tiles on top (click one to see only those items), the list of risks below, worst first;
    double-click or Enter on a row opens the product's stock card."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        layout.addWidget(self.title)

        tiles = QHBoxLayout()
        self.tile_group = QButtonGroup(self)
        self.tile_group.setExclusive(True)
        self.tiles: dict[Risk | None, RiskTile] = {}
        for risk in (None, *Risk):
            tile = RiskTile(risk)
            tile.clicked.connect(lambda _=False, r=risk: self.set_filter(r))
            self.tile_group.addButton(tile)
            tiles.addWidget(tile, 1)
            self.tiles[risk] = tile
        self.tiles[None].setChecked(True)
        layout.addLayout(tiles)

        self.model = RiskTableModel()
        self.proxy = RiskFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows of two lines, all the same height (no measuring of every row): a long
        # sentence or product name wraps, quantities show units over packs.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        self.quantity_delegate = TwoLineQuantityDelegate(self.table)
        for column in (2, 3):
            self.table.setItemDelegateForColumn(column, self.quantity_delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.activated.connect(self._on_activated)

        self.empty = EmptyState()
        self.empty.clicked.connect(lambda key: self.navigate.emit(key, None))

        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        layout.addWidget(self.pages, 1)

        self.hint = QLabel(
            self.tr(
                "Double-cliquez sur une ligne (ou appuyez sur Entrée) pour ouvrir la fiche de "
                "stock du produit. Cliquez sur une case ci-dessus pour ne voir que ces alertes."
            )
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self._fit_columns()
        self._update_tiles()

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.app.ctx.today()
        if self.facility is None:
            self.model.set_items([], today)
            self.title.setText(self.tr("Produits à risque"))
            self._show_empty(
                self.tr("Aucun établissement pour l'instant"),
                self.tr(
                    "Ajoutez votre établissement dans Paramètres › Établissement (Ctrl+7) : le "
                    "tableau de bord montrera ensuite ses ruptures, ses commandes d'urgence et "
                    "ses lots proches de la péremption."
                ),
                self.tr("Ouvrir les paramètres"),
                "settings",
            )
            self._update_tiles()
            return
        facility = self.facility
        lines = services.facility_stock(self.app.uow(), facility, today)
        alerts = services.expiry_alerts(self.app.uow(), facility, today)
        since = {
            line.product.code: self._stockout_start(line.product.code, today)
            for line in lines
            if line.status is StockStatus.STOCKED_OUT
        }
        items = risk_items(lines, alerts, since)
        self.model.set_items(items, today)
        name = self._facility_name(facility)
        self.title.setText(
            self.tr("Produits à risque — {0}, situation au {1}").format(name, format_date(today))
        )
        if items:
            self.pages.setCurrentWidget(self.table)
            self.hint.show()
        elif all(line.status is StockStatus.NOT_STOCKED for line in lines):
            self._show_empty(
                self.tr("Aucun stock enregistré"),
                self.tr(
                    "{0} n'a encore aucun mouvement de stock. Commencez par enregistrer une "
                    "réception (bouton « Réception » ou Ctrl+R) ou importez vos mouvements "
                    "(Import / Export, Ctrl+6)."
                ).format(name),
                self.tr("Ouvrir Import / Export"),
                "exchange",
            )
        else:
            self._show_empty(
                "✔ " + self.tr("Aucun produit à risque"),
                self.tr(
                    "À {0}, au {1} : aucune rupture, aucune commande d'urgence, aucun produit "
                    "sous le minimum, aucun lot périmé ou proche de la péremption."
                ).format(name, format_date(today)),
                self.tr("Voir tout le stock"),
                "stock",
            )
        self._update_tiles()

    def _stockout_start(self, product_code: str, today: date) -> date | None:
        assert self.facility is not None
        return services.stockout_since(self.app.uow, self.facility, product_code, today)

    def _facility_name(self, code: str) -> str:
        for facility in services.list_facilities(self.app.uow()):
            if facility.code == code:
                return facility.name
        return code

    def _show_empty(self, title: str, text: str, button: str, target: str) -> None:
        self.empty.show_message(title, text, button, target)
        self.pages.setCurrentWidget(self.empty)
        self.hint.hide()

    def _update_tiles(self) -> None:
        items = self.model.items()
        counts = {risk: sum(1 for i in items if i.risk is risk) for risk in Risk}
        labels = {
            Risk.STOCKED_OUT: (self.tr("en rupture"), self.tr("en rupture")),
            Risk.EMERGENCY: (self.tr("commande d'urgence"), self.tr("commandes d'urgence")),
            Risk.EXPIRED: (self.tr("lot périmé en rayon"), self.tr("lots périmés en rayon")),
            Risk.BELOW_MIN: (self.tr("sous le minimum"), self.tr("sous le minimum")),
            Risk.EXPIRING: (self.tr("lot périme bientôt"), self.tr("lots périment bientôt")),
        }
        self.tiles[None].set_text(len(items), self.tr("toutes les alertes"))
        self.tiles[None].setEnabled(bool(items))
        for risk, (one, many) in labels.items():
            count = counts[risk]
            tile = self.tiles[risk]
            tile.set_text(count, one if takes_singular(count) else many)
            tile.setEnabled(count > 0)
        current = self.proxy.risk
        if current is not None and counts[current] == 0:
            self.set_filter(None)

    def _fit_columns(self) -> None:
        """Widths from the font, not from measuring every cell; the sentence takes the rest."""
        metrics = self.fontMetrics()
        quantity = metrics.horizontalAdvance("14 295 comprimés") + 14
        self.table.setColumnWidth(0, metrics.horizontalAdvance("ACT-AL6 – Artéméther-lumé") + 14)
        for column in (2, 3):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, max(quantity, metrics.horizontalAdvance(title) + 20))

    # --- actions ----------------------------------------------------------------------------

    def set_filter(self, risk: Risk | None) -> None:
        """Show only one kind of risk (None: all of them), as clicking a tile does."""
        self.tiles[risk].setChecked(True)
        self.proxy.set_risk(risk)

    def selected_product(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.item(self.proxy.mapToSource(index).row()).product.code

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.model.item(self.proxy.mapToSource(index).row())
            self.navigate.emit("card", item.product.code)
