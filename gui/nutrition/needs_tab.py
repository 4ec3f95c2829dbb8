"""RUTF needs tab: the caseload inputs, the coming months' needs by two methods, the dose."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import orders, pcima_services
from core.application import Application
from core.errors import DomainError
from core.nutrition import (
    NutritionSettings,
    RutfDoseBand,
    check_weight_kg,
    fr_number,
    rutf_dose,
    sam_caseload,
)
from core.pcima import CATCHMENT_FIELDS, RutfNeeds, parse_catchment
from gui.nutrition.report_tab import decimal_text, month_text, number_text, percent_text
from gui.table_model import Index, TableModel

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #505050;"
OK_STYLE = "color: #0d5c24;"
BAD_FIELD_STYLE = "border: 2px solid #c00000;"

#: core.pcima.CATCHMENT_FIELDS, marked for translation (a test keeps them equal)
CATCHMENT_TEXTS = {
    "catchment_population": QT_TRANSLATE_NOOP(
        "PcimaCatchment", "Enfants de 6 à 59 mois de l'aire de santé"
    ),
    "sam_prevalence_percent": QT_TRANSLATE_NOOP("PcimaCatchment", "Prévalence de la MAS (%)"),
    "expected_coverage_percent": QT_TRANSLATE_NOOP(
        "PcimaCatchment", "Couverture attendue du programme (%)"
    ),
}

DEFAULT_MONTHS = 6


@dataclass(frozen=True, slots=True)
class NeedRow:
    month: date
    trend_children: Decimal
    trend_sachets: int
    caseload_children: Decimal | None
    caseload_sachets: int | None


def need_rows(needs: RutfNeeds) -> list[NeedRow]:
    sachets = {month: (t, c) for month, t, c in needs.monthly_sachets()}
    return [
        NeedRow(
            m.month,
            m.trend_children,
            sachets[m.month][0],
            m.caseload_children,
            sachets[m.month][1],
        )
        for m in needs.months
    ]


class NeedsModel(TableModel):
    """One row per coming month: children and sachets by the trend and by the caseload."""

    CONTEXT = "NeedsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("NeedsModel", "Mois"),
        QT_TRANSLATE_NOOP("NeedsModel", "Tendance :\nenfants"),
        QT_TRANSLATE_NOOP("NeedsModel", "Tendance :\nsachets"),
        QT_TRANSLATE_NOOP("NeedsModel", "Charge de cas :\nenfants"),
        QT_TRANSLATE_NOOP("NeedsModel", "Charge de cas :\nsachets"),
    )
    TOOLTIPS = (
        None,
        QT_TRANSLATE_NOOP("NeedsModel", "Admissions URENAS attendues d'après les mois passés"),
        None,
        QT_TRANSLATE_NOOP(
            "NeedsModel", "Part du mois dans la charge de cas annuelle N × P × K × C"
        ),
        None,
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[NeedRow] = []

    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: Sequence[NeedRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return month_text(row.month)
        if column == 1:
            return decimal_text(row.trend_children)
        if column == 2:
            return number_text(row.trend_sachets)
        if column == 3:
            return "–" if row.caseload_children is None else decimal_text(row.caseload_children)
        if column == 4:
            return "–" if row.caseload_sachets is None else number_text(row.caseload_sachets)
        return None


def parse_weight(text: str) -> Decimal:
    """A weight typed "6,5" or "6.5", in kg."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal("NaN")
    if not cleaned or not value.is_finite():
        raise DomainError(
            translate(
                "NeedsTab", "Poids « {0} » : attendu un nombre de kilos, par exemple 6,5."
            ).format(text.strip())
        )
    check_weight_kg(float(value))
    return value


def band_range_text(bands: Sequence[RutfDoseBand], band: RutfDoseBand) -> str:
    position = list(bands).index(band)
    low = fr_number(band.from_kg)
    if position + 1 < len(bands):
        high = fr_number(bands[position + 1].from_kg)
        return translate("NeedsTab", "de {0} kg à moins de {1} kg").format(low, high)
    return translate("NeedsTab", "{0} kg et plus").format(low)


class NeedsTab(QWidget):
    """What RUTF the facility needs over the coming months, and the dose for one child."""

    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None
        self.needs: RutfNeeds | None = None
        self._settings = NutritionSettings()

        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self._catchment_box())
        left.addWidget(self._dose_box())
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMinimumWidth(360)
        holder.setMaximumWidth(470)
        layout.addWidget(holder)
        layout.addLayout(self._needs_panel(), 1)

    # --- building ----------------------------------------------------------------------------

    def _catchment_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Charge de cas attendue (aire de santé)"))
        form = QVBoxLayout(box)
        intro = QLabel(
            self.tr(
                "Les chiffres de l'aire de santé, tirés du plan du district ou de la dernière "
                "enquête nutritionnelle (SMART)."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        form.addWidget(intro)
        self.catchment_edits: dict[str, QLineEdit] = {}
        self.catchment_errors: dict[str, QLabel] = {}
        for key in CATCHMENT_FIELDS:
            label = QLabel(translate("PcimaCatchment", CATCHMENT_TEXTS[key]))
            label.setWordWrap(True)
            edit = QLineEdit()
            edit.setMaximumWidth(140)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            label.setBuddy(edit)
            error = QLabel()
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(edit)
            form.addLayout(row)
            form.addWidget(error)
            self.catchment_edits[key] = edit
            self.catchment_errors[key] = error
            edit.textChanged.connect(self._on_catchment_edited)
            edit.returnPressed.connect(self.save_catchment)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        form.addWidget(self.formula)
        buttons = QHBoxLayout()
        self.catchment_message = QLabel()
        self.catchment_message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setToolTip(self.tr("Garder ces chiffres pour l'établissement"))
        buttons.addWidget(self.catchment_message, 1)
        buttons.addWidget(self.save_button)
        form.addLayout(buttons)
        self.save_button.clicked.connect(self.save_catchment)
        return box

    def _dose_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Dose d'ATPE pour un enfant"))
        grid = QFormLayout(box)
        self.weight_edit = QLineEdit()
        self.weight_edit.setPlaceholderText(self.tr("ex. 6,5"))
        self.weight_edit.setMaximumWidth(100)
        self.weight_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addRow(self.tr("Poids de l'enfant (kg) :"), self.weight_edit)
        self.dose_error = QLabel()
        self.dose_error.setWordWrap(True)
        self.dose_error.setStyleSheet(ERROR_STYLE)
        self.dose_error.hide()
        grid.addRow(self.dose_error)
        self.dose_band = QLabel()
        self.dose_day = QLabel()
        self.dose_week = QLabel()
        for label in (self.dose_day, self.dose_week):
            label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        grid.addRow(self.tr("Tranche de poids :"), self.dose_band)
        grid.addRow(self.tr("Sachets par jour :"), self.dose_day)
        grid.addRow(self.tr("Sachets par semaine :"), self.dose_week)
        note = QLabel(
            self.tr(
                "D'après la table de dosage (200 kcal/kg/jour) des paramètres PCIMA. Le test "
                "de l'appétit reste à faire à chaque visite."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        grid.addRow(note)
        self.weight_edit.textChanged.connect(self._on_weight_changed)
        return box

    def _needs_panel(self) -> QVBoxLayout:
        panel = QVBoxLayout()
        bar = QHBoxLayout()
        self.months_spin = QSpinBox()
        self.months_spin.setRange(1, 12)
        self.months_spin.setValue(DEFAULT_MONTHS)
        self.on_order_spin = QSpinBox()
        self.on_order_spin.setRange(0, 10_000_000)
        self.on_order_spin.setSingleStep(150)
        self.on_order_spin.setGroupSeparatorShown(True)
        self.on_order_spin.setToolTip(
            self.tr("Sachets commandés et pas encore reçus (150 sachets par carton)")
        )
        bar.addWidget(QLabel(self.tr("Mois à prévoir :")))
        bar.addWidget(self.months_spin)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Déjà commandé, pas encore reçu (sachets) :")))
        bar.addWidget(self.on_order_spin)
        bar.addStretch(1)
        panel.addLayout(bar)

        self.model = NeedsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        panel.addWidget(self.table)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        panel.addWidget(self.summary)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setStyleSheet(HINT_STYLE)
        panel.addWidget(self.explanation)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        panel.addWidget(self.message)
        panel.addStretch(1)

        self.months_spin.valueChanged.connect(self._on_parameters_changed)
        self.on_order_spin.valueChanged.connect(self._on_parameters_changed)
        return panel

    # --- contract of the nutrition tabs ------------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()

    def refresh(self) -> None:
        self._settings = pcima_services.nutrition_settings(self.app.uow())
        self._load_catchment()
        self._load_pending_orders()
        self._compute_needs()
        self._on_weight_changed(self.weight_edit.text())

    def _load_pending_orders(self) -> None:
        """Start from the RUTF orders the facility is waiting for; the user may change it."""
        pending = (
            orders.pending_orders(self.app.uow(), self.facility, pcima_services.RUTF_PRODUCT)
            if self.facility is not None
            else []
        )
        self.on_order_spin.blockSignals(True)
        self.on_order_spin.setValue(sum(o.quantity for o in pending))
        self.on_order_spin.blockSignals(False)

    # --- catchment -----------------------------------------------------------------------------

    def _load_catchment(self) -> None:
        values = (
            pcima_services.catchment_values(self.app.uow(), self.facility)
            if self.facility is not None
            else dict.fromkeys(CATCHMENT_FIELDS, "")
        )
        for key, edit in self.catchment_edits.items():
            edit.setText(values.get(key, "").replace(".", ","))
            edit.setEnabled(self.facility is not None)
        self.save_button.setEnabled(self.facility is not None)
        self._clear_catchment_errors()
        self.catchment_message.clear()
        self._update_formula()

    def _texts(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.catchment_edits.items()}

    def _clear_catchment_errors(self) -> None:
        for key, error in self.catchment_errors.items():
            error.hide()
            error.clear()
            self.catchment_edits[key].setStyleSheet("")

    def _show_catchment_error(self, text: str) -> None:
        """Next to the field the message names; the population's field if none is named."""
        key = next(
            (k for k, label in CATCHMENT_FIELDS.items() if label in text), "catchment_population"
        )
        self.catchment_errors[key].setText(text)
        self.catchment_errors[key].show()
        self.catchment_edits[key].setStyleSheet(BAD_FIELD_STYLE)

    def _on_catchment_edited(self, _text: str) -> None:
        self._clear_catchment_errors()
        self.catchment_message.clear()
        self._update_formula()

    def _update_formula(self) -> None:
        """N × P × K × C with the numbers typed, as the user types them."""
        k = self._settings.incidence_correction
        try:
            inputs = parse_catchment(self._texts())
        except DomainError:
            inputs = None
        head = self.tr("Enfants MAS attendus par an = N × P × K × C")
        if inputs is None:
            hint = self.tr(
                "N : enfants de 6 à 59 mois ; P : prévalence de la MAS ; K : facteur "
                "d'incidence ({0}) ; C : couverture attendue."
            ).format(decimal_text(k, 1))
            self.formula.setText(f"{escape(head)}<br/><small>{escape(hint)}</small>")
            return
        exact = Decimal(inputs.population) * inputs.prevalence * k * inputs.coverage
        caseload = sam_caseload(
            inputs.population, inputs.prevalence, inputs.coverage, settings=self._settings
        )
        numbers = (
            f"{number_text(inputs.population)} × {percent_text(inputs.prevalence * 100)} × "
            f"{decimal_text(k, 1)} × {percent_text(inputs.coverage * 100, 0)} "
            f"= {decimal_text(exact, 1)}"
        )
        result = self.tr("soit {0} enfants par an").format(number_text(caseload))
        self.formula.setText(
            f"{escape(head)}<br/>{escape(numbers)}<br/><b style='font-size: 12pt;'>"
            f"{escape(result)}</b>"
        )

    def save_catchment(self) -> bool:
        if self.facility is None:
            return False
        self._clear_catchment_errors()
        try:
            pcima_services.set_catchment(self.app.uow(), self.facility, self._texts())
        except DomainError as exc:
            self._show_catchment_error(str(exc))
            self.catchment_message.clear()
            return False
        self.catchment_message.setStyleSheet(OK_STYLE)
        self.catchment_message.setText(self.tr("✔ Enregistré"))
        self.status_message.emit(self.tr("Charge de cas enregistrée"))
        self._compute_needs()
        self.data_changed.emit()
        return True

    # --- needs ---------------------------------------------------------------------------------

    def _on_parameters_changed(self, _value: int) -> None:
        self._compute_needs()

    def _compute_needs(self) -> None:
        self.message.hide()
        if self.facility is None:
            self.needs = None
            self.model.set_rows([])
            self.summary.setText(
                escape(self.tr("Choisissez un établissement pour calculer ses besoins."))
            )
            self.explanation.clear()
            return
        try:
            self.needs = pcima_services.rutf_needs_for(
                self.app.uow,
                self.facility,
                self.app.ctx.today(),
                self.months_spin.value(),
                self.on_order_spin.value(),
            )
        except DomainError as exc:
            self.needs = None
            self.model.set_rows([])
            self.summary.clear()
            self.message.setText(str(exc))
            self.message.show()
            return
        self.model.set_rows(need_rows(self.needs))
        self._fit_table()
        self.summary.setText(self._summary_html(self.needs))
        self.explanation.setText(self._explanation_html(self.needs))

    def _fit_table(self) -> None:
        """As tall as its rows (12 at most): the totals and explanations stay just below."""
        rows = max(1, self.model.row_count())
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.table.setFixedHeight(height)

    def _summary_html(self, needs: RutfNeeds) -> str:
        def pair(sachets: int) -> str:
            return self.tr("{0} sachets ({1} cartons)").format(
                number_text(sachets), number_text(needs.cartons(sachets))
            )

        columns: list[tuple[str, int | None]] = [
            (self.tr("Par la tendance des admissions"), needs.trend_sachets()),
            (self.tr("Par la charge de cas"), needs.caseload_sachets()),
        ]
        head = "<th></th>" + "".join(
            f"<th align=right bgcolor='#d9d9d9'>{escape(title)}</th>" for title, _ in columns
        )
        not_entered = self.tr("charge de cas non saisie")

        def cells(value: Any) -> str:
            shown = [not_entered if total is None else value(total) for _, total in columns]
            return "".join(
                f"<td align=right style='white-space: nowrap;'>{escape(text)}</td>"
                for text in shown
            )

        rows = [
            (self.tr("Besoin sur la période"), lambda s: pair(s), False),
            (self.tr("Stock utilisable aujourd'hui"), lambda s: pair(needs.usable_stock), False),
            (self.tr("Déjà commandé"), lambda s: pair(needs.on_order), False),
            (self.tr("Manque à commander"), lambda s: pair(needs.shortfall(s)), True),
        ]
        body = ""
        for label, value, strong in rows:
            style = " style='font-weight: bold;'" if strong else ""
            body += f"<tr{style}><td>{escape(label)}</td>{cells(value)}</tr>"
        return (
            "<table width='100%' border='1' cellspacing='0' cellpadding='4' "
            "style='border-collapse: collapse; border-color: #999;'>"
            f"<tr>{head}</tr>{body}</table>"
        )

    def _explanation_html(self, needs: RutfNeeds) -> str:
        per_child = number_text(needs.sachets_per_child)
        trend = self.tr(
            "<b>Tendance</b> : les admissions URENAS du même mois l'an dernier, ajustées selon "
            "l'évolution des 3 derniers mois par rapport à l'an dernier (entre la moitié et le "
            "double) ; avec moins d'un an de registre, la moyenne des 3 derniers mois. "
            "× {0} sachets par enfant."
        ).format(per_child)
        if needs.annual_caseload is None:
            caseload = self.tr(
                "<b>Charge de cas</b> : renseignez la population, la prévalence et la "
                "couverture à gauche pour la calculer."
            )
        elif needs.seasonal_profile == "admissions":
            caseload = self.tr(
                "<b>Charge de cas</b> : {0} enfants par an (N × P × K × C), répartis sur les mois "
                "comme les admissions des 12 derniers mois (pic de la soudure). "
                "× {1} sachets par enfant."
            ).format(number_text(needs.annual_caseload), per_child)
        else:
            caseload = self.tr(
                "<b>Charge de cas</b> : {0} enfants par an (N × P × K × C), un douzième par mois "
                "faute d'un an de registre. × {1} sachets par enfant."
            ).format(number_text(needs.annual_caseload), per_child)
        return f"{trend}<br/>{caseload}"

    # --- dose ------------------------------------------------------------------------------------

    def dosing_table(self) -> tuple[RutfDoseBand, ...]:
        return pcima_services.rutf_dosing(self.app.uow(), self.app.rutf_dosing())

    def _on_weight_changed(self, text: str) -> None:
        self.dose_error.hide()
        self.weight_edit.setStyleSheet("")
        for label in (self.dose_band, self.dose_day, self.dose_week):
            label.setText("–")
        if not text.strip():
            return
        try:
            bands = self.dosing_table()
            band = rutf_dose(parse_weight(text), bands)
        except DomainError as exc:
            self.dose_error.setText(str(exc))
            self.dose_error.show()
            self.weight_edit.setStyleSheet(BAD_FIELD_STYLE)
            return
        self.dose_band.setText(band_range_text(bands, band))
        self.dose_day.setText(fr_number(band.sachets_per_day))
        self.dose_week.setText(str(band.sachets_per_week))

    def dose_text(self) -> tuple[str, str, str]:
        """(per day, per week, error) as shown: for tests."""
        error = self.dose_error.text() if not self.dose_error.isHidden() else ""
        return self.dose_day.text(), self.dose_week.text(), error
