"""Forecast screen: the facility's products by stock-out risk, and for the selected one the
chart of history, forecast and projected stock with the sentence that explains it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
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
from core.outlook import ProductOutlook, Risk, facility_outlook
from core.ports import UnitOfWork
from gui.charts import ForecastChartData, ForecastChartLabels, forecast_chart
from gui.forecast.model import (
    AMC,
    CHANCE,
    DAYS,
    ON_ORDER,
    RISK,
    STOCKOUT,
    TO_ORDER,
    USABLE,
    OutlookModel,
    risk_text,
)
from gui.screen import RefreshWhenShown, Screen, open_dialog
from gui.stock.model import format_date, unit_text
from gui.stock.screen import TwoLineQuantityDelegate
from gui.tasks import BackgroundRefresh, Progress

if TYPE_CHECKING:
    from matplotlib.figure import FigureBase

    from gui.forecast.orders import OrdersDialog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OutlookResult:
    """What the background computation hands the screen: plain data only."""

    facility: str
    facility_name: str
    as_of: date
    outlooks: list[ProductOutlook]
    products: list[Product]


def compute_outlook(
    uow: Callable[[], UnitOfWork], facility: str, as_of: date
) -> Callable[[Progress, Callable[[], bool]], OutlookResult]:
    """The work of one refresh, run off the GUI thread (gui.tasks)."""

    def work(progress: Progress, _cancelled: Callable[[], bool]) -> OutlookResult:
        progress(0.0, facility)
        names = {f.code: f.name for f in services.list_facilities(uow())}
        products = services.list_products(uow())
        outlooks = facility_outlook(uow, facility, as_of)
        progress(1.0, facility)
        return OutlookResult(facility, names.get(facility, facility), as_of, outlooks, products)

    return work


class ForecastScreen(RefreshWhenShown, Screen):
    """Products most at risk first; computed in the background when the screen is shown,
    after a change of facility, of the ledger or of the orders."""

    #: emitted once a computation's result is on screen (tests wait for it)
    outlook_shown = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        # Loaded here, not at module level: only users who open the screen pay for matplotlib.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._computing = BackgroundRefresh(self, self._reload, self._set_busy)
        self._stale = True  # the facility or the ledger changed while the screen was hidden
        self._result: OutlookResult | None = None
        self._selected: str | None = None  # product code to keep selected
        self.orders_dialog: OrdersDialog | None = None

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy, no fraction to show
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_label = QLabel(self.tr("Calcul en cours…"))
        self.busy_label.setStyleSheet("color: #505050;")
        self.orders_button = QPushButton(self.tr("Commandes en cours…"))
        self.orders_button.setToolTip(
            self.tr(
                "Livraisons attendues : en ajouter une, changer sa date ou sa quantité, la "
                "marquer reçue ou annulée"
            )
        )
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.busy_bar)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.orders_button)
        layout.addLayout(bar)

        self.model = OutlookModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setToolTip(
            self.tr("Double-cliquez sur un produit pour ouvrir sa fiche de stock")
        )
        self.two_lines = TwoLineQuantityDelegate(self.table)
        self.table.setItemDelegateForColumn(TO_ORDER, self.two_lines)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self._fit_columns()

        self.figure = Figure(figsize=(10, 4), dpi=100, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(260)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet("font-size: 10.5pt;")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.canvas, 1)
        lower_layout.addWidget(self.explanation)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([190, 410])

        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt; color: #555;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.message)
        layout.addWidget(self.pages, 1)

        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.activated.connect(self._on_activated)
        self.orders_button.clicked.connect(self.open_orders)
        self._set_busy(False)
        self._show_message(self.tr("Choisissez un établissement pour voir ses prévisions."))

    # --- computing ----------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._computing.is_running()

    def _reload(self) -> None:
        """Compute again, in the background (refresh() calls it once the screen is seen)."""
        self._stale = False
        if self._computing.postpone():  # the running one answers an older question
            return
        facility = self.facility
        if facility is None:
            self._result = None
            self.model.set_outlooks([])
            self.summary.clear()
            self._show_message(self.tr("Choisissez un établissement pour voir ses prévisions."))
            return
        if self._result is None or self._result.facility != facility:
            self._show_message(self.tr("Calcul des prévisions en cours…\n(quelques secondes)"))
        work = compute_outlook(self.app.uow, facility, self.app.ctx.today())
        self._computing.start(work, self._on_computed, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.orders_button.setEnabled(self.facility is not None)

    def _on_computed(self, result: OutlookResult) -> None:
        if result.facility != self.facility:
            return
        self._result = result
        self._show_result()
        self.outlook_shown.emit()

    def _on_failed(self, exc: BaseException, _details: str) -> None:
        self._result = None
        self.model.set_outlooks([])
        self.summary.clear()
        if isinstance(exc, DomainError):
            self._show_message(str(exc))
        else:  # the traceback is in the log (gui.tasks)
            self._show_message(
                self.tr("Les prévisions n'ont pas pu être calculées : {0}").format(exc)
            )
        self.outlook_shown.emit()

    # --- showing ------------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)

    def _show_result(self) -> None:
        result = self._result
        assert result is not None
        keep = self._selected
        self.model.set_outlooks(result.outlooks)
        self.summary.setText(self._summary_text(result))
        if not result.outlooks:
            self.figure.clear()
            self._show_message(
                self.tr(
                    "Aucun historique de consommation dans cet établissement.\nLes prévisions "
                    "demandent quelques mois de mouvements (ou des rapports mensuels importés)."
                )
            )
            return
        self.pages.setCurrentWidget(self.splitter)
        row = self.model.row_of(keep) if keep else -1
        self.table.selectRow(max(row, 0))
        self._show_product()

    def _summary_text(self, result: OutlookResult) -> str:
        locale = QLocale()
        text = self.tr("{0} · prévisions au {1} pour {2} produit(s)").format(
            result.facility_name,
            format_date(result.as_of, locale),
            locale.toString(len(result.outlooks)),
        )
        counts = {
            risk: sum(1 for o in result.outlooks if o.risk is risk)
            for risk in (Risk.NOW, Risk.BEFORE_DELIVERY, Risk.BEFORE_NEXT_ORDER)
        }
        alarms = [
            self.tr("{0} : {1}").format(risk_text(risk), locale.toString(n))
            for risk, n in counts.items()
            if n
        ]
        return " · ".join([text, *alarms])

    def selected_outlook(self) -> ProductOutlook | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.outlook(index.row())

    def open_item(self, item: object) -> None:
        """Select a product (by code) once the outlook is there."""
        if not isinstance(item, str):
            return
        self._selected = item
        row = self.model.row_of(item)
        if row >= 0:
            self.table.selectRow(row)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected = self.model.outlook(current.row()).product.code
        self._show_product()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.navigate.emit("card", self.model.outlook(index.row()).product.code)

    def _show_product(self) -> None:
        outlook = self.selected_outlook()
        if outlook is None or self._result is None:
            self.figure.clear()
            self.canvas.draw_idle()
            self.explanation.clear()
            return
        self.draw(outlook, self.figure)
        self.canvas.draw_idle()
        self.explanation.setText(self.explanation_text(outlook))

    def explanation_text(self, outlook: ProductOutlook) -> str:
        """Core's sentence, and for RUTF with a caseload one comparing the two needs."""
        parts = [outlook.projection.explanation]
        comparison = self.caseload_sentence(outlook)
        if comparison:
            parts.append(comparison)
        return "\n".join(parts)

    def caseload_sentence(self, outlook: ProductOutlook) -> str:
        if not outlook.caseload:
            return ""
        forecast = {(m.year, m.month): m.forecast for m in outlook.forecast}
        months = [(day, n) for day, n in outlook.caseload if (day.year, day.month) in forecast]
        if not months:
            return ""
        locale = QLocale()
        need = sum(n for _, n in months)
        expected = sum(forecast[(day.year, day.month)] for day, _ in months)
        unit = unit_text(outlook.product.base_unit, 2)

        def month_name(day: date) -> str:
            return f"{locale.monthName(day.month, QLocale.FormatType.LongFormat)} {day.year}"

        span = self.tr("de {0} à {1}").format(month_name(months[0][0]), month_name(months[-1][0]))
        base = self.tr(
            "Selon les cas de malnutrition attendus (PCIMA), il faut {0} {1} {2}"
        ).format(locale.toString(need), unit, span)
        gap = (need - expected) / expected if expected > 0 else 0.0
        consumption = locale.toString(round(expected))
        if expected > 0 and gap > 0.1:
            return self.tr(
                "{0}, soit {1} % de plus que la consommation prévue ({2}) : la prévision "
                "pourrait sous-estimer le besoin."
            ).format(base, locale.toString(round(gap * 100)), consumption)
        if expected > 0 and gap < -0.1:
            return self.tr("{0}, soit {1} % de moins que la consommation prévue ({2}).").format(
                base, locale.toString(round(-gap * 100)), consumption
            )
        return self.tr("{0}, proche de la consommation prévue ({1}).").format(base, consumption)

    def chart_title(self, outlook: ProductOutlook) -> str:
        name = self._result.facility_name if self._result else ""
        return self.tr("{0} – {1} : consommation, prévision et stock projeté").format(
            outlook.product.code, name
        )

    def draw(self, outlook: ProductOutlook, figure: FigureBase | None = None) -> FigureBase:
        """Draw the chart of `outlook` into `figure` (or a new one) and return it."""
        locale = QLocale()
        labels = ForecastChartLabels(
            quantity=self.tr("Quantité ({0})").format(unit_text(outlook.product.base_unit, 2)),
            months=[locale.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)],
            number=lambda value: locale.toString(round(value)),
            day=lambda day: format_date(day, locale),
        )
        projection = outlook.projection
        data = ForecastChartData(
            today=outlook.as_of,
            history=[
                (date(r.year, r.month, 1), r.consumed, r.adjusted_consumption)
                for r in outlook.history
            ],
            forecast=[
                (date(m.year, m.month, 1), m.forecast, m.lower, m.upper) for m in outlook.forecast
            ],
            stock=list(projection.daily_stock),
            min_quantity=outlook.min_quantity,
            max_quantity=outlook.max_quantity,
            stockout=projection.stockout_date,
            expiries=[(loss.expiry, loss.lot, loss.quantity) for loss in projection.losses],
            deliveries=[(max(o.expected_on, outlook.as_of), o.quantity) for o in outlook.pending],
            caseload=list(outlook.caseload) if outlook.caseload else None,
        )
        return forecast_chart(
            data,
            self.chart_title(outlook),
            labels,
            figure=figure,
        )

    def _fit_columns(self) -> None:
        """Widths from the font, not from measuring every cell."""
        metrics = self.fontMetrics()

        def width(text: str) -> int:
            return metrics.horizontalAdvance(text) + 14

        def header(column: int) -> int:
            return width(str(self.model.headerData(column, Qt.Orientation.Horizontal)))

        # The risk wraps on two lines, as does the order (units over packs).
        widths = {
            USABLE: max(width("14 295 comprimés"), header(USABLE)),
            AMC: max(width("12 345"), header(AMC)),
            STOCKOUT: max(width("— (couvert)"), header(STOCKOUT)),
            DAYS: max(width("132 / 30 j"), header(DAYS)),
            RISK: width("▼ Rupture avant la prochaine"),
            CHANCE: max(width("100 %"), header(CHANCE)),
            ON_ORDER: max(width("1 500 sachets"), header(ON_ORDER)),
            TO_ORDER: max(width("14 295 comprimés"), header(TO_ORDER)),
        }
        for column, pixels in widths.items():
            self.table.setColumnWidth(column, pixels)

    # --- orders -------------------------------------------------------------------------

    def open_orders(self) -> OrdersDialog | None:
        """The facility's pending orders; the outlook is computed again after each change."""
        from gui.forecast.orders import OrdersDialog

        if self.facility is None:
            return None
        name = self._result.facility_name if self._result else self.facility
        products = self._result.products if self._result else services.list_products(self.app.uow())
        selected = self.selected_outlook()
        dialog = OrdersDialog(
            self.app,
            self.facility,
            name,
            products,
            selected.product.code if selected else None,
            self,
        )
        dialog.changed.connect(self._on_orders_changed)
        return open_dialog(self, "orders_dialog", dialog)

    def _on_orders_changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()
        # The stock screen shows the quantity on order; the needs of RUTF use it too.
        self.ledger_changed.emit()
