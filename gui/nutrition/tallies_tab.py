"""Community tallies: counts per class from ReCo, "PB mères", campaigns or the paper register,
where children are not recorded one by one."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import pcima_services as pcima
from core.application import Application
from core.pcima import Group, Tally
from core.stock import month_end
from gui.forms.common import EntryForm
from gui.nutrition.registers_dialogs import (
    HistoryDialog,
    MonthRegisterTab,
    TallyForm,
    VoidForm,
    history_rows,
)
from gui.nutrition.registers_model import (
    T_PLACE,
    T_SOURCE,
    MonthCombo,
    TallyModel,
    register_table,
    source_label,
    tally_summary_text,
)
from gui.nutrition.screening_tab import pcima_places
from gui.stock.model import format_date

log = logging.getLogger(__name__)


class TalliesTab(MonthRegisterTab):
    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._places: list[str] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Décomptes des dépistages communautaires (relais, PB mères, campagnes) et du "
                "registre papier : seuls les nombres par classe sont saisis."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        top = QHBoxLayout()
        self.month = MonthCombo(app.ctx.today())
        self.add_button = QPushButton(self.tr("Nouveau décompte…"))
        top.addWidget(QLabel(self.tr("Mois :")))
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.add_button)
        layout.addLayout(top)

        self.model = TallyModel(self)
        self.table = register_table(self.model, stretch=(T_PLACE, T_SOURCE))
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        actions = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Corriger…"))
        self.void_button = QPushButton(self.tr("Annuler le décompte…"))
        self.history_button = QPushButton(self.tr("Historique…"))
        for button in (self.correct_button, self.void_button, self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.month.currentIndexChanged.connect(self.refresh)
        self.add_button.clicked.connect(self.open_new)
        self.correct_button.clicked.connect(self.open_correction)
        self.void_button.clicked.connect(self.open_void)
        self.history_button.clicked.connect(self.show_history)
        self.table.doubleClicked.connect(lambda _index: self.show_history())
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.update_buttons()

    what = "Tally register"

    def load_rows(self, facility: str, first: date) -> list[Tally]:
        rows = pcima.tally_register(self.app.uow(), facility, first, month_end(first))
        self._places = pcima_places(self.app, facility)
        return rows

    def selected(self) -> Tally | None:
        record = self.selected_record()
        assert record is None or isinstance(record, Tally)
        return record

    def update_buttons(self, *_: object) -> None:
        t = self.selected()
        self.correct_button.setEnabled(t is not None and not t.voided)
        self.void_button.setEnabled(t is not None and not t.voided)
        self.history_button.setEnabled(t is not None)

    def show_summary(self, rows: Sequence[Tally]) -> None:
        children = [t for t in rows if t.group is Group.CHILD and not t.voided]
        women = [t for t in rows if t.group is Group.PLW and not t.voided]
        if not children and not women:
            self.summary.setText(self.tr("Aucun décompte ce mois."))
            return
        text = self.tr("Enfants : {0} dépistés, {1} MAS, {2} MAM, {3} normaux.").format(
            sum(t.screened for t in children),
            sum(t.sam for t in children),
            sum(t.mam for t in children),
            sum(t.normal for t in children),
        )
        if women:
            text += " " + self.tr("Femmes enceintes/allaitantes : {0} dépistées, {1} MAM.").format(
                sum(t.screened for t in women), sum(t.mam for t in women)
            )
        self.summary.setText(text)

    # --- actions --------------------------------------------------------------------------

    def saved_record(self, form: EntryForm) -> tuple[str, date] | None:
        saved = getattr(form, "saved_tally", None)
        return (saved.record_uuid, saved.screened_on) if isinstance(saved, Tally) else None

    def open_new(self) -> TallyForm | None:
        if self.facility is None:
            return None
        form = TallyForm(self.app, self.facility, self._places, parent=self)
        self.open_form(form)
        return form

    def open_correction(self) -> TallyForm | None:
        t = self.selected()
        if t is None or t.voided or self.facility is None:
            return None
        form = TallyForm(self.app, self.facility, self._places, original=t, parent=self)
        self.open_form(form)
        return form

    def open_void(self) -> VoidForm | None:
        t = self.selected()
        if t is None or t.voided or self.facility is None:
            return None

        def void(reason: str) -> str:
            pcima.void_tally(self.app.uow(), self.app.ctx, t.record_uuid, reason)
            return self.tr("Décompte du {0} annulé.").format(format_date(t.screened_on))

        form = VoidForm(
            self.app,
            self.facility,
            self.tr("Annuler un décompte"),
            self.tr(
                "Le décompte du {0} ({1}, {2} dépistés) ne comptera plus dans le rapport. Il "
                "reste dans l'historique, avec le motif que vous indiquez."
            ).format(format_date(t.screened_on), source_label(t.source), t.screened),
            void,
            self,
        )
        self.open_form(form)
        return form

    def history_dialog(self) -> HistoryDialog | None:
        t = self.selected()
        if t is None:
            return None
        versions = pcima.tally_history(self.app.uow(), t.record_uuid)
        return HistoryDialog(
            self.tr("Historique du décompte du {0}").format(format_date(t.screened_on)),
            history_rows(versions, tally_summary_text),  # type: ignore[arg-type]
            self,
        )
