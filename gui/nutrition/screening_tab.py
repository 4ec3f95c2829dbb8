"""The screening register (dépistage): a month's screened children and women, entered one by
one, corrected or withdrawn with a reason, with their history."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import pcima_services as pcima
from core.application import Application
from core.nutrition import NutritionClass, Oedema, Referral
from core.pcima import Criterion, Group, Screening
from core.stock import add_months, month_end, month_start
from gui.forms.common import EntryForm
from gui.i18n import takes_singular
from gui.nutrition.registers_dialogs import (
    HistoryDialog,
    MonthRegisterTab,
    ScreeningForm,
    VoidForm,
    history_rows,
)
from gui.nutrition.registers_model import (
    S_PERSON,
    S_PLACE,
    MonthCombo,
    ScreeningModel,
    register_table,
    screening_summary_text,
)
from gui.stock.model import format_date

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AdmissionRequest:
    """Admit the child of a screening: who, to which unit, by which criterion, from when."""

    child_ref: str
    unit: Referral
    criterion: Criterion
    screened_on: date


def admission_criterion(s: Screening) -> Criterion:
    """What made the child SAM or MAM: oedema first, then MUAC, then weight-for-height."""
    if s.oedema is not Oedema.NONE:
        return Criterion.OEDEMA
    if s.muac_class is s.classification:
        return Criterion.MUAC
    return Criterion.WHZ


class ScreeningTab(MonthRegisterTab):
    #: the user asked to admit the selected screened child (an AdmissionRequest)
    admission_requested = Signal(object)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._places: list[str] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.month = MonthCombo(app.ctx.today())
        self.show_voided = QCheckBox(self.tr("Montrer les annulés"))
        self.add_button = QPushButton(self.tr("Nouveau dépistage…"))
        self.add_button.setToolTip(self.tr("Saisir un enfant ou une femme dépisté(e)"))
        top.addWidget(QLabel(self.tr("Mois :")))
        top.addWidget(self.month)
        top.addWidget(self.show_voided)
        top.addStretch(1)
        top.addWidget(self.add_button)
        layout.addLayout(top)

        self.model = ScreeningModel(self)
        self.table = register_table(self.model, stretch=(S_PLACE, S_PERSON))
        layout.addWidget(self.table, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        actions = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Corriger…"))
        self.void_button = QPushButton(self.tr("Annuler la fiche…"))
        self.history_button = QPushButton(self.tr("Historique…"))
        self.admit_button = QPushButton(self.tr("Admettre cet enfant…"))
        self.admit_button.setToolTip(
            self.tr("Ouvre l'onglet Programme avec l'admission pré-remplie dans l'unité indiquée")
        )
        for button in (self.correct_button, self.void_button, self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.admit_button)
        layout.addLayout(actions)

        self.month.currentIndexChanged.connect(self.refresh)
        self.show_voided.toggled.connect(self.refresh)
        self.add_button.clicked.connect(self.open_new)
        self.correct_button.clicked.connect(self.open_correction)
        self.void_button.clicked.connect(self.open_void)
        self.history_button.clicked.connect(self.show_history)
        self.admit_button.clicked.connect(self.request_admission)
        self.table.doubleClicked.connect(lambda _index: self.show_history())
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.update_buttons()

    # --- the tab contract -----------------------------------------------------------------

    what = "Screening register"

    def load_rows(self, facility: str, first: date) -> list[Screening]:
        rows = pcima.screening_register(
            self.app.uow(),
            facility,
            first,
            month_end(first),
            include_voided=self.show_voided.isChecked(),
        )
        self._places = pcima_places(self.app, facility)
        return rows

    def selected(self) -> Screening | None:
        record = self.selected_record()
        assert record is None or isinstance(record, Screening)
        return record

    def update_buttons(self, *_: object) -> None:
        s = self.selected()
        editable = s is not None and not s.voided
        self.correct_button.setEnabled(editable)
        self.void_button.setEnabled(editable)
        self.history_button.setEnabled(s is not None)
        self.admit_button.setEnabled(
            editable and s is not None and s.group is Group.CHILD and s.referral is not None
        )

    def show_summary(self, rows: Sequence[Screening]) -> None:
        counted = [s for s in rows if not s.voided]
        children = [s for s in counted if s.group is Group.CHILD]
        women = len(counted) - len(children)
        by_class = {c: sum(s.classification is c for s in children) for c in NutritionClass}
        if not counted:
            self.summary.setText(self.tr("Aucun dépistage enregistré ce mois."))
            return
        if takes_singular(len(children)):
            text = self.tr("{0} enfant dépisté").format(len(children))
        else:
            text = self.tr("{0} enfants dépistés").format(len(children))
        text += self.tr(" : {0} MAS, {1} MAM, {2} normaux").format(
            by_class[NutritionClass.SAM],
            by_class[NutritionClass.MAM],
            by_class[NutritionClass.NORMAL],
        )
        if women:
            text += self.tr(" ; {0} femme(s) enceinte(s) ou allaitante(s)").format(women)
        self.summary.setText(text + ".")

    # --- actions --------------------------------------------------------------------------

    def saved_record(self, form: EntryForm) -> tuple[str, date] | None:
        saved = getattr(form, "saved_screening", None)
        return (saved.record_uuid, saved.screened_on) if isinstance(saved, Screening) else None

    def open_new(self) -> ScreeningForm | None:
        if self.facility is None:
            return None
        form = ScreeningForm(self.app, self.facility, self._places, parent=self)
        self.open_form(form)
        return form

    def open_correction(self) -> ScreeningForm | None:
        s = self.selected()
        if s is None or s.voided or self.facility is None:
            return None
        form = ScreeningForm(self.app, self.facility, self._places, original=s, parent=self)
        self.open_form(form)
        return form

    def open_void(self) -> VoidForm | None:
        s = self.selected()
        if s is None or s.voided or self.facility is None:
            return None

        def void(reason: str) -> str:
            pcima.void_screening(self.app.uow(), self.app.ctx, s.record_uuid, reason)
            return self.tr("Dépistage de {0} annulé.").format(s.person_ref)

        form = VoidForm(
            self.app,
            self.facility,
            self.tr("Annuler un dépistage"),
            self.tr(
                "Le dépistage de {0} du {1} ne comptera plus dans le rapport. Il reste dans "
                "l'historique, avec le motif que vous indiquez."
            ).format(s.person_ref, format_date(s.screened_on)),
            void,
            self,
        )
        self.open_form(form)
        return form

    def history_dialog(self) -> HistoryDialog | None:
        s = self.selected()
        if s is None:
            return None
        versions = pcima.screening_history(self.app.uow(), s.record_uuid)
        return HistoryDialog(
            self.tr("Historique du dépistage de {0}").format(s.person_ref),
            history_rows(versions, screening_summary_text),  # type: ignore[arg-type]
            self,
        )

    def request_admission(self) -> None:
        s = self.selected()
        if s is None or s.referral is None:
            return
        if s.group is not Group.CHILD:
            QMessageBox.information(
                self,
                self.tr("Admission"),
                self.tr("Le registre du programme concerne les enfants de 6 à 59 mois."),
            )
            return
        self.admission_requested.emit(
            AdmissionRequest(s.person_ref, s.referral, admission_criterion(s), s.screened_on)
        )


def pcima_places(app: Application, facility: str) -> list[str]:
    """Places already typed in the facility's screenings and tallies over the last year, to
    complete what the user types (the same village written the same way)."""
    today = app.ctx.today()
    first = add_months(month_start(today), -12)
    places = {s.place for s in pcima.screening_register(app.uow(), facility, first, today)}
    places |= {t.place for t in pcima.tally_register(app.uow(), facility, first, today)}
    return sorted(p for p in places if p)
