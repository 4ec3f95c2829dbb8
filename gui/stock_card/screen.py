"""Stock card screen: one product's movements with running balances and its stock chart."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.catalogue import Product
from core.errors import DomainError
from core.ledger import StockCardLine
from gui.charts import ChartLabels, Series, save_png, stock_chart
from gui.screen import Screen
from gui.stock.model import format_quantity, unit_text
from gui.stock_card.model import (
    BALANCE,
    EXPIRY,
    LOT,
    LOT_BALANCE,
    StockCardModel,
    format_date,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CardData:
    """What the screen shows for one product: its card and its current min and max."""

    product: Product
    facility_name: str
    lines: list[StockCardLine]
    soh: int
    min_quantity: int | None
    max_quantity: int | None


def daily_balances(lines: list[StockCardLine], per_lot: bool) -> tuple[list[date], list[int]]:
    """End-of-day balances (of the product, or of the lot when all lines are one lot's)."""
    days: list[date] = []
    values: list[int] = []
    for line in lines:
        day = line.movement.occurred_on
        value = line.lot_balance if per_lot else line.balance
        if days and days[-1] == day:
            values[-1] = value
        else:
            days.append(day)
            values.append(value)
    return days, values


class StockCardScreen(Screen):
    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        # Loaded here, not at module level: only users who open the card pay for matplotlib.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._products: list[Product] = []
        self._data: CardData | None = None
        self._wanted: str | None = None

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.product_box = QComboBox()
        self.product_box.setEditable(True)
        self.product_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product_box.setMaxVisibleItems(20)
        self.product_box.lineEdit().setPlaceholderText(self.tr("Rechercher un produit…"))
        completer = self.product_box.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.product_box.setToolTip(self.tr("Tapez une partie du code ou du nom du produit"))
        self.lot_box = QComboBox()
        self.lot_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_button = QPushButton(self.tr("Exporter en PNG…"))
        self.export_button.setToolTip(
            self.tr("Enregistrer le graphique comme image pour un rapport")
        )
        bar.addWidget(QLabel(self.tr("Produit :")))
        bar.addWidget(self.product_box, 1)
        bar.addWidget(QLabel(self.tr("Lot :")))
        bar.addWidget(self.lot_box)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)

        self.model = StockCardModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # Fixed row heights and widths: sizing thousands of rows to their contents is slow.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((82, 160, 95, 85, 65, 65, 90, 80, 200, 80)):
            self.table.setColumnWidth(column, width)

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("font-size: 13pt; color: #555;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)

        self.figure = Figure(figsize=(8, 3), dpi=100, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(180)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.canvas)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)

        self.product_box.currentIndexChanged.connect(self._on_product_changed)
        self.product_box.lineEdit().editingFinished.connect(self._restore_product_text)
        self.lot_box.currentIndexChanged.connect(self._on_lot_changed)
        self.export_button.clicked.connect(self._on_export)
        self._load_products()

    # --- loading ----------------------------------------------------------------------------

    def _load_products(self) -> None:
        self._products = services.list_products(self.app.uow())
        self.product_box.blockSignals(True)
        self.product_box.clear()
        for product in self._products:
            self.product_box.addItem(f"{product.code} – {product.name}", product.code)
        self.product_box.setCurrentIndex(0 if self._products else -1)
        self.product_box.blockSignals(False)

    @property
    def product_code(self) -> str | None:
        code = self.product_box.currentData()
        return str(code) if code is not None else None

    @property
    def lot(self) -> str | None:
        """The lot shown, None for all lots."""
        lot = self.lot_box.currentData()
        return str(lot) if lot is not None else None

    def open_item(self, item: object) -> None:
        """Show the card of a product (its code), e.g. from the stock screen or the dashboard."""
        code = str(item)
        index = self.product_box.findData(code)
        if index < 0:
            self._load_products()
            index = self.product_box.findData(code)
        if index < 0:
            self._show_message(self.tr("Produit {0} inconnu du catalogue.").format(code))
            return
        if index == self.product_box.currentIndex():
            self.lot_box.setCurrentIndex(0)
            self.refresh()
        else:
            self.product_box.setCurrentIndex(index)

    def refresh(self) -> None:
        """Reload the card of the selected product, keeping the lot if it still exists."""
        self._show_message("")
        code = self.product_code
        if self.facility is None or code is None:
            self._data = None
            self._fill_lots([])
            self._show(
                self.tr("Choisissez un établissement pour voir ses fiches de stock.")
                if self.facility is None
                else self.tr("Le catalogue ne contient aucun produit.")
            )
            return
        try:
            self._data = self._load(self.facility, code)
        except DomainError as exc:
            self._data = None
            self._fill_lots([])
            self._show(str(exc))
            return
        self._fill_lots(self._data.lines)
        self._show_card()

    def _load(self, facility: str, code: str) -> CardData:
        lines = services.product_stock_card(self.app.uow(), facility, code)
        stock = services.facility_stock(
            self.app.uow(), facility, self.app.ctx.today(), product_codes=[code]
        )
        product = next(p for p in self._products if p.code == code)
        names = {f.code: f.name for f in services.list_facilities(self.app.uow())}
        name = names.get(facility, facility)
        line = stock[0] if stock else None
        if line is None:
            return CardData(product, name, lines, 0, None, None)
        # Min and max follow from the AMC: with no consumption yet there is no line to draw.
        return CardData(
            line.product,
            name,
            lines,
            line.soh,
            line.min_quantity or None,
            line.max_quantity or None,
        )

    def _fill_lots(self, lines: list[StockCardLine]) -> None:
        keep = self.lot
        balances: dict[str, tuple[date | None, int]] = {}
        for line in lines:
            balances[line.movement.lot] = (line.movement.expiry, line.lot_balance)
        self.lot_box.blockSignals(True)
        self.lot_box.clear()
        self.lot_box.addItem(self.tr("Tous les lots"), None)
        has_lots = self._data is not None and self._data.product.has_lots
        if has_lots:
            locale = QLocale()
            ordered = sorted(
                balances.items(),
                key=lambda item: (item[1][1] <= 0, item[1][0] or date.max, item[0]),
            )
            for lot, (expiry, balance) in ordered:
                parts = [lot or self.tr("(sans lot)")]
                if expiry:
                    parts.append(self.tr("pér. {0}").format(format_date(expiry, locale)))
                parts.append(
                    self.tr("solde {0}").format(locale.toString(balance))
                    if balance > 0
                    else self.tr("épuisé")
                )
                self.lot_box.addItem(" · ".join(parts), lot)
        index = self.lot_box.findData(keep) if keep is not None else 0
        self.lot_box.setCurrentIndex(max(index, 0))
        self.lot_box.setEnabled(has_lots and len(balances) > 0)
        self.lot_box.blockSignals(False)

    # --- showing ----------------------------------------------------------------------------

    def _show(self, empty_text: str) -> None:
        self.model.set_lines([], None, frozenset())
        self.empty.setText(empty_text)
        self.pages.setCurrentWidget(self.empty)
        self.summary.clear()
        self.figure.clear()
        self.canvas.hide()
        self.export_button.setEnabled(False)

    def _show_card(self) -> None:
        data = self._data
        assert data is not None
        product = data.product
        lot = self.lot
        lines = data.lines if lot is None else [x for x in data.lines if x.movement.lot == lot]
        reversed_ = frozenset(x.movement.reverses for x in data.lines if x.movement.reverses)
        self.model.set_lines(lines, product, reversed_)
        self.table.setColumnHidden(LOT, not product.has_lots)
        self.table.setColumnHidden(EXPIRY, not product.has_expiry)
        self.table.setColumnHidden(LOT_BALANCE, not product.has_lots)
        # Filtered on one lot, the product's total is not known line by line: hide it.
        self.table.setColumnHidden(BALANCE, lot is not None)
        if not data.lines:
            self._show(
                self.tr(
                    "Aucun mouvement de {0} dans cet établissement.\n"
                    "Les réceptions, dispensations, pertes et inventaires de ce produit "
                    "apparaîtront ici."
                ).format(product.name)
            )
            return
        self.pages.setCurrentWidget(self.table)
        self.table.scrollToBottom()
        self.export_button.setEnabled(True)
        self.summary.setText(self._summary_text(data, lines))
        self.canvas.show()
        self._draw(self.figure)
        self.canvas.draw_idle()

    def _summary_text(self, data: CardData, shown: list[StockCardLine]) -> str:
        locale = QLocale()
        product = data.product
        today = format_date(self.app.ctx.today(), locale)
        parts = [
            self.tr("Stock au {0} : {1}").format(today, format_quantity(product, data.soh, locale))
        ]
        if data.min_quantity and data.max_quantity:
            parts.append(
                self.tr("stock minimum {0} · maximum {1}").format(
                    locale.toString(data.min_quantity), locale.toString(data.max_quantity)
                )
            )
        else:
            parts.append(self.tr("pas de minimum ni de maximum (aucune consommation récente)"))
        count = (
            self.tr("1 mouvement")
            if len(shown) == 1
            else self.tr("{0} mouvements").format(locale.toString(len(shown)))
        )
        parts.append(
            count if self.lot is None else self.tr("lot {0} : {1}").format(self.lot, count)
        )
        return " · ".join(parts)

    def chart_title(self) -> str:
        assert self._data is not None
        return self.tr("{0} – {1} : stock au jour le jour").format(
            self._data.product.code, self._data.facility_name
        )

    def _draw(self, figure: Figure | None) -> Figure:
        """Draw the chart of the current card into `figure` (or a new one) and return it."""
        data = self._data
        assert data is not None
        locale = QLocale()
        labels = ChartLabels(
            stock=self.tr("Stock (tous lots)"),
            minimum=self.tr("Stock minimum"),
            maximum=self.tr("Stock maximum"),
            stockout=self.tr("Rupture de stock"),
            quantity=self.tr("Quantité ({0})").format(unit_text(data.product.base_unit, 2)),
            empty=self.tr("Aucun mouvement pour ce produit"),
            months=[locale.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)],
            number=lambda value: locale.toString(round(value)),
        )
        days, balances = daily_balances(data.lines, per_lot=False)
        lot_series = None
        if self.lot is not None:
            lot_lines = [x for x in data.lines if x.movement.lot == self.lot]
            lot_days, lot_values = daily_balances(lot_lines, per_lot=True)
            lot_series = Series(self.tr("Lot {0}").format(self.lot), lot_days, lot_values)
        return stock_chart(
            days,
            balances,
            data.min_quantity,
            data.max_quantity,
            self.chart_title(),
            labels,
            until=self.app.ctx.today(),
            lot=lot_series,
            figure=figure,
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- slots ------------------------------------------------------------------------------

    def _on_product_changed(self, _index: int) -> None:
        self.lot_box.blockSignals(True)
        self.lot_box.setCurrentIndex(0)
        self.lot_box.blockSignals(False)
        self.refresh()

    def _restore_product_text(self) -> None:
        """Typed text that matches no product: show the selected product again."""
        index = self.product_box.currentIndex()
        if index >= 0 and self.product_box.currentText() != self.product_box.itemText(index):
            self.product_box.setEditText(self.product_box.itemText(index))

    def _on_lot_changed(self, _index: int) -> None:
        if self._data is not None:
            self._show_card()

    def _on_export(self) -> None:
        if self._data is None:
            return
        suggested = self.tr("fiche-{0}-{1}-{2}.png").format(
            self._data.product.code, self.facility, f"{self.app.ctx.today():%Y-%m-%d}"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exporter le graphique"), suggested, self.tr("Image PNG (*.png)")
        )
        if path:
            self.export_png(Path(path))

    def export_png(self, path: Path) -> Path | None:
        """Write the chart of the current card as a PNG at report size; None when it failed."""
        if self._data is None:
            return None
        try:
            written = save_png(self._draw(None), path)
        except OSError as exc:
            log.warning("PNG export failed: %s", exc)
            self._show_message(
                self.tr(
                    "Impossible d'écrire l'image {0} : {1}. Choisissez un autre dossier."
                ).format(path, exc.strerror or exc)
            )
            return None
        self._show_message("")
        self.status_message.emit(self.tr("Graphique enregistré : {0}").format(written))
        return written
