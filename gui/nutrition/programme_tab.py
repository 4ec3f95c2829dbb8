"""The programme register of one unit (URENAS, URENI, URENAM): children in care, the month's
admissions and exits child by child, and the month's totals typed from a paper report."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core import pcima_services as pcima
from core.application import Application
from core.errors import DomainError
from core.pcima import EventKind, ProgrammeEvent, Unit
from core.pcima_services import UNITS, InCare
from core.stock import month_end
from gui.forms.common import EntryForm
from gui.nutrition.registers_dialogs import (
    ADMISSION_KEYS,
    EXIT_KEYS,
    AdmissionForm,
    ExitForm,
    HistoryDialog,
    RegisterTab,
    TotalsForm,
    VoidForm,
    history_rows,
)
from gui.nutrition.registers_model import (
    C_ADMISSION,
    C_CHILD,
    E_CHILD,
    E_DETAIL,
    EventModel,
    InCareModel,
    InCareRow,
    MonthCombo,
    ValueCombo,
    event_summary_text,
    month_text,
    register_table,
    unit_label,
)
from gui.nutrition.screening_tab import AdmissionRequest
from gui.stock.model import format_date

log = logging.getLogger(__name__)


class ProgrammeTab(RegisterTab):
    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.in_care: list[InCare] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.unit = ValueCombo()
        for unit in UNITS:
            self.unit.add(unit_label(unit), unit)
        self.month = MonthCombo(app.ctx.today())
        self.admit_button = QPushButton(self.tr("Admettre…"))
        self.exit_button = QPushButton(self.tr("Sortie…"))
        self.exit_button.setToolTip(self.tr("Sortie de l'enfant choisi dans la liste des présents"))
        self.totals_button = QPushButton(self.tr("Saisir les totaux du mois…"))
        self.totals_button.setToolTip(
            self.tr("Pour un centre qui n'a que le rapport mensuel papier de l'unité")
        )
        top.addWidget(QLabel(self.tr("Unité :")))
        top.addWidget(self.unit)
        top.addStretch(1)
        top.addWidget(self.admit_button)
        top.addWidget(self.exit_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.in_care_box = QGroupBox()
        in_care_layout = QVBoxLayout(self.in_care_box)
        self.in_care_model = InCareModel(self)
        self.in_care_table = register_table(self.in_care_model)
        header = self.in_care_table.horizontalHeader()
        header.setSectionResizeMode(C_CHILD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(C_ADMISSION, QHeaderView.ResizeMode.Stretch)
        in_care_layout.addWidget(self.in_care_table)
        splitter.addWidget(self.in_care_box)

        month_box = QGroupBox(self.tr("Admissions et sorties du mois"))
        month_layout = QVBoxLayout(month_box)
        month_bar = QHBoxLayout()
        month_bar.addWidget(QLabel(self.tr("Mois :")))
        month_bar.addWidget(self.month)
        month_bar.addStretch(1)
        month_bar.addWidget(self.totals_button)
        month_layout.addLayout(month_bar)
        self.events_model = EventModel(self)
        self.events_table = register_table(self.events_model)
        header = self.events_table.horizontalHeader()
        header.setSectionResizeMode(E_CHILD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(E_DETAIL, QHeaderView.ResizeMode.Stretch)
        month_layout.addWidget(self.events_table, 1)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        month_layout.addWidget(self.totals_label)
        actions = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Corriger…"))
        self.void_button = QPushButton(self.tr("Annuler…"))
        self.void_button.setToolTip(
            self.tr("Retirer une admission ou une sortie saisie par erreur")
        )
        self.history_button = QPushButton(self.tr("Historique…"))
        for button in (self.correct_button, self.void_button, self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        month_layout.addLayout(actions)
        splitter.addWidget(month_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.unit.currentIndexChanged.connect(self.refresh)
        self.month.currentIndexChanged.connect(self.refresh)
        self.admit_button.clicked.connect(lambda: self.open_admission())
        self.exit_button.clicked.connect(lambda: self.open_exit())
        self.totals_button.clicked.connect(lambda: self.open_totals())
        self.correct_button.clicked.connect(lambda: self.open_correction())
        self.void_button.clicked.connect(lambda: self.open_void())
        self.history_button.clicked.connect(self.show_history)
        self.events_table.doubleClicked.connect(lambda _index: self.show_history())
        self.events_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.in_care_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- what is shown --------------------------------------------------------------------

    def current_unit(self) -> Unit:
        value = self.unit.value()
        assert isinstance(value, Unit)
        return value

    def set_unit(self, unit: Unit) -> None:
        self.unit.set_value(unit)

    def refresh(self) -> None:
        unit = self.current_unit()
        today = self.app.ctx.today()
        first = self.month.month()
        events: list[ProgrammeEvent] = []
        self.in_care = []
        totals = None
        if self.facility is not None:
            try:
                self.in_care = pcima.children_in_care(self.app.uow(), self.facility, today, unit)
                events = [
                    e
                    for e in pcima.programme_events(
                        self.app.uow(), self.facility, first, month_end(first)
                    )
                    if e.unit is unit
                ]
                totals = pcima.monthly_totals(self.app.uow(), self.facility, unit, first)
            except DomainError as exc:
                log.warning("Programme register unavailable: %s", exc)
        events.sort(key=lambda e: (e.occurred_on, e.kind is EventKind.EXIT, e.child_ref))
        self.in_care_model.set_rows(
            [InCareRow(c, (today - c.admitted_on).days) for c in self.in_care]
        )
        self.events_model.set_rows(events)
        self.in_care_box.setTitle(
            self.tr("Enfants en charge aujourd'hui en {0} : {1}").format(
                unit.value, len(self.in_care)
            )
        )
        admitted = sum(e.kind is EventKind.ADMISSION for e in events)
        text = self.tr("{0} : {1} admission(s), {2} sortie(s) saisies enfant par enfant.").format(
            month_text(first), admitted, len(events) - admitted
        )
        if totals is not None:
            text += " " + self.tr(
                "Totaux saisis du rapport papier : {0} admission(s), {1} sortie(s) ; c'est eux "
                "que le rapport mensuel reprend."
            ).format(
                sum(totals.count(k) for k in ADMISSION_KEYS),
                sum(totals.count(k) for k in EXIT_KEYS),
            )
        self.totals_label.setText(text)
        for button in (self.admit_button, self.totals_button):
            button.setEnabled(self.facility is not None)
        self._update_buttons()

    def selected_event(self) -> ProgrammeEvent | None:
        rows = self.events_table.selectionModel().selectedRows()
        if not rows:
            return None
        record = self.events_model.record(rows[0].row())
        assert isinstance(record, ProgrammeEvent)
        return record

    def selected_child(self) -> InCare | None:
        rows = self.in_care_table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.in_care_model.record(rows[0].row())
        assert isinstance(row, InCareRow)
        return row.child

    def _update_buttons(self, *_: object) -> None:
        event = self.selected_event()
        for button in (self.correct_button, self.void_button, self.history_button):
            button.setEnabled(event is not None)
        self.exit_button.setEnabled(self.facility is not None and bool(self.in_care))

    # --- actions --------------------------------------------------------------------------

    def after_save(self, form: EntryForm, message: str) -> None:
        event = getattr(form, "saved_event", None)
        if isinstance(event, ProgrammeEvent):
            self.set_unit(event.unit)
            self.month.set_month(event.occurred_on)
        totals = getattr(form, "saved_totals", None)
        if totals is not None:
            self.month.set_month(totals.month)
        super().after_save(form, message)

    def open_admission(self, request: AdmissionRequest | None = None) -> AdmissionForm | None:
        if self.facility is None:
            return None
        if request is not None:
            self.set_unit(request.unit)
            on = min(request.screened_on, self.app.ctx.today())
            form = AdmissionForm(
                self.app,
                self.facility,
                request.unit,
                child_ref=request.child_ref,
                criterion=request.criterion,
                on=on,
                parent=self,
            )
        else:
            form = AdmissionForm(self.app, self.facility, self.current_unit(), parent=self)
        self.open_form(form)
        return form

    def open_exit(self) -> ExitForm | None:
        if self.facility is None:
            return None
        child = self.selected_child()
        form = ExitForm(
            self.app,
            self.facility,
            self.current_unit(),
            self.in_care,
            child.child_ref if child else None,
            parent=self,
        )
        self.open_form(form)
        return form

    def open_totals(self) -> TotalsForm | None:
        if self.facility is None:
            return None
        form = TotalsForm(
            self.app, self.facility, self.current_unit(), self.month.month(), parent=self
        )
        self.open_form(form)
        return form

    def open_correction(self) -> EntryForm | None:
        event = self.selected_event()
        if event is None or self.facility is None:
            return None
        form: EntryForm
        if event.kind is EventKind.ADMISSION:
            form = AdmissionForm(self.app, self.facility, event.unit, original=event, parent=self)
        else:
            form = ExitForm(
                self.app, self.facility, event.unit, self.in_care, original=event, parent=self
            )
        self.open_form(form)
        return form

    def open_void(self) -> VoidForm | None:
        event = self.selected_event()
        if event is None or self.facility is None:
            return None

        def void(reason: str) -> str:
            pcima.void_event(self.app.uow(), self.app.ctx, event.record_uuid, reason)
            return self.tr("Saisie annulée : {0}.").format(event_summary_text(event))

        kind = self.tr("L'admission") if event.kind is EventKind.ADMISSION else self.tr("La sortie")
        form = VoidForm(
            self.app,
            self.facility,
            self.tr("Annuler une admission ou une sortie"),
            self.tr(
                "{0} de {1} du {2} ne comptera plus dans le rapport. Elle reste dans "
                "l'historique, avec le motif que vous indiquez."
            ).format(kind, event.child_ref, format_date(event.occurred_on)),
            void,
            self,
        )
        self.open_form(form)
        return form

    def history_dialog(self) -> HistoryDialog | None:
        event = self.selected_event()
        if event is None:
            return None
        versions = pcima.event_history(self.app.uow(), event.record_uuid)
        return HistoryDialog(
            self.tr("Historique : {0}").format(event.child_ref),
            history_rows(versions, event_summary_text),  # type: ignore[arg-type]
            self,
        )

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()
