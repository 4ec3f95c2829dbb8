"""The Nutrition (PCIMA) registers driven as a health worker would: screenings typed with their
live classification, corrected and withdrawn; community tallies; admissions, exits and a unit's
monthly totals; then the monthly report built from them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import QDate, QSettings, Qt

from core import pcima_services as pcima
from core import services
from core.facilities import new_facility
from core.nutrition import NUTRITION_CLASS_LABELS_FR, NUTRITION_CLASS_SHORT_FR, Oedema, Referral
from core.pcima import (
    ADMISSION_LABELS_FR,
    CRITERION_LABELS_FR,
    EXIT_LABELS_FR,
    GROUP_LABELS_FR,
    TALLY_SOURCE_LABELS_FR,
    TOTAL_FIELDS,
    UNIT_LABELS_FR,
    AdmissionType,
    Criterion,
    ExitOutcome,
    Group,
    TallySource,
)
from core.services import Context
from gui.main_window import SCREENS, MainWindow
from gui.nutrition import NutritionScreen
from gui.nutrition.programme_tab import ProgrammeTab
from gui.nutrition.registers_dialogs import (
    AdmissionForm,
    ExitForm,
    ScreeningForm,
    TallyForm,
    TotalsForm,
)
from gui.nutrition.registers_model import (
    ADMISSION_TEXTS,
    CLASS_SHORT_TEXTS,
    CLASS_TEXTS,
    CRITERION_TEXTS,
    EXIT_TEXTS,
    GROUP_TEXTS,
    H_NOTE,
    S_CLASS,
    S_PERSON,
    S_REFERRAL,
    S_STATE,
    TALLY_SOURCE_TEXTS,
    TOTAL_FIELD_TEXTS,
    UNIT_TEXTS,
    EventModel,
    HistoryModel,
    InCareModel,
    ScreeningModel,
    TallyModel,
)
from gui.nutrition.report_tab import ReportTab
from gui.nutrition.screening_tab import ScreeningTab
from gui.nutrition.tallies_tab import TalliesTab
from gui.ui_settings import UiSettings
from main import build_application

FAC = "CSCOM-SEV"
TODAY = date(2026, 7, 20)
JUNE = date(2026, 6, 1)
JULY = date(2026, 7, 1)


@pytest.fixture
def app(tmp_path: Path):
    built = build_application(str(tmp_path / "pcima.db"))
    services.add_facility(built.uow(), new_facility(FAC, "CSCom Sévaré", "CSCom", "Mopti", "Mopti"))
    # A fixed day, so that the month's admissions and exits stay in one month.
    clock = Context(built.ctx.device, "aminata", clock=lambda: datetime(2026, 7, 20, 10, 30))
    return replace(built, ctx=clock)


@pytest.fixture
def screen(qtbot, app) -> NutritionScreen:
    widget = NutritionScreen(app)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.set_facility(FAC)
    return widget


def cell(model, row: int, column: int) -> str:
    return str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))


def row_of(model, column: int, text: str) -> int:
    return next(r for r in range(model.rowCount()) if cell(model, r, column) == text)


def type_screening(tab: ScreeningTab, person: str, muac: str, **fields: str) -> ScreeningForm:
    form = tab.open_new()
    assert isinstance(form, ScreeningForm)
    form.person.setText(person)
    form.place.setText(fields.get("place", "Sévaré"))
    form.age.setText(fields.get("age", "30"))
    form.muac.setText(muac)
    if "oedema" in fields:
        form.oedema.set_value(Oedema(fields["oedema"]))
    if "sex" in fields:
        form.sex.set_value(fields["sex"])
    form.weight_kg.setText(fields.get("weight", ""))
    form.height_cm.setText(fields.get("height", ""))
    return form


# --- screenings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("muac", "oedema", "shown_class", "referral"),
    [
        ("114", "0", "MAS", "URENAS"),
        ("115", "0", "MAM", "URENAM"),
        ("124", "0", "MAM", "URENAM"),
        ("125", "0", "normal", "aucune"),
        ("130", "+++", "MAS", "URENI"),
    ],
)
def test_the_screening_form_shows_the_classification_at_the_boundaries_and_saves_it(
    screen, muac, oedema, shown_class, referral
):
    tab = screen.screening
    form = type_screening(tab, "ENF-001", muac, oedema=oedema)
    assert form.save_button.isEnabled()
    assert shown_class in form.class_chip.text()
    if referral == "aucune":
        assert "aucune" in form.referral_chip.text()
    else:
        assert referral in form.referral_chip.text()  # written, not only coloured
    why = "œdèmes bilatéraux +++" if oedema == "+++" else f"PB {muac} mm"
    assert why in form.reasons_label.text()
    form.save_button.click()
    assert tab.form is None or not tab.form.isVisible()
    assert tab.model.rowCount() == 1
    assert cell(tab.model, 0, S_PERSON) == "ENF-001"
    assert cell(tab.model, 0, S_CLASS) == shown_class
    assert cell(tab.model, 0, S_REFERRAL) == referral
    background = tab.model.data(tab.model.index(0, S_REFERRAL), Qt.ItemDataRole.BackgroundRole)
    assert background is not None  # colour-coded as well


def test_weight_for_height_is_shown_live_from_the_who_tables(screen):
    form = type_screening(
        screen.screening, "ENF-002", "130", sex="M", weight="6,0", height="65", age="30"
    )
    assert form.whz_label.text() == "P/T : −2,71 z (MAM)"
    assert "MAM" in form.class_chip.text() and "URENAM" in form.referral_chip.text()
    form.weight_kg.setText("5,5")
    assert form.whz_label.text() == "P/T : −3,79 z (MAS)"
    assert "URENAS" in form.referral_chip.text()


def test_typing_errors_are_shown_next_to_their_field_and_nothing_is_saved(screen, app):
    tab = screen.screening
    form = type_screening(tab, "ENF-003", "11a", age="3")
    assert not form.save_button.isEnabled()
    assert "PB « 11a »" in form.field_errors["muac"].text()
    assert "6 à 59" in form.field_errors["age"].text()
    assert form.field_errors["muac"].isVisibleTo(form)
    assert not form.field_errors["person"].isVisibleTo(form)
    form.muac.setText("118")
    form.age.setText("24")
    form.weight_kg.setText("7,2")  # weight without height: no P/T possible
    assert "Taille" in form.field_errors["height"].text()
    assert not form.save_button.isEnabled()
    form.save_button.click()
    assert pcima.screening_register(app.uow(), FAC, JULY, TODAY) == []
    # What was typed is kept; completing it makes the form ready.
    assert form.person.text() == "ENF-003"
    form.height_cm.setText("72")
    assert "Sexe" in form.field_errors["sex"].text()
    form.sex.set_value("M")
    assert form.save_button.isEnabled()
    assert form.date.maximumDate() == QDate(TODAY)  # never a future day


def test_a_pregnant_woman_has_only_her_muac_and_her_own_cut_off(screen):
    form = screen.screening.open_new()
    assert isinstance(form, ScreeningForm)
    form.group.set_value(Group.PLW)
    for key in ("sex", "age", "oedema", "weight", "height", "complications"):
        assert not form.row_visible(key)
    form.person.setText("Awa T.")
    form.muac.setText("229")
    assert "MAM" in form.class_chip.text() and "URENAM" in form.referral_chip.text()
    form.muac.setText("230")
    assert "normal" in form.class_chip.text()
    form.save_button.click()
    assert cell(screen.screening.model, 0, 4) == "FE/FA"


def test_a_screening_is_corrected_with_a_reason_and_its_history_has_both_versions(screen, app):
    tab = screen.screening
    type_screening(tab, "ENF-010", "114").save_button.click()
    tab.table.selectRow(0)
    form = tab.open_correction()
    assert isinstance(form, ScreeningForm)
    assert form.muac.text() == "114" and form.person.text() == "ENF-010"
    form.muac.setText("121")
    assert not form.save_button.isEnabled()  # the reason is required
    assert "motif de la correction" in form.message.text()
    form.reason.setText("PB mal relu sur la bande")
    form.save_button.click()
    assert tab.model.rowCount() == 1
    assert cell(tab.model, 0, S_CLASS) == "MAM"
    assert cell(tab.model, 0, S_STATE) == "✎ corrigé (v2)"
    tab.table.selectRow(0)
    dialog = tab.history_dialog()
    assert dialog is not None
    history: HistoryModel = dialog.model
    assert history.rowCount() == 2
    assert "PB 114 mm" in cell(history, 0, 5) and "PB 121 mm" in cell(history, 1, 5)
    assert cell(history, 1, H_NOTE) == "PB mal relu sur la bande"
    assert cell(history, 1, 2) == "aminata"
    dialog.close()


def test_a_withdrawn_screening_is_hidden_unless_asked_for(screen, app):
    tab = screen.screening
    type_screening(tab, "ENF-020", "110").save_button.click()
    type_screening(tab, "ENF-021", "140").save_button.click()
    tab.table.selectRow(row_of(tab.model, S_PERSON, "ENF-021"))
    form = tab.open_void()
    assert form is not None and not form.save_button.isEnabled()
    form.reason.setText("saisi deux fois")
    form.save_button.click()
    assert [cell(tab.model, r, S_PERSON) for r in range(tab.model.rowCount())] == ["ENF-020"]
    tab.show_voided.setChecked(True)
    voided = row_of(tab.model, S_PERSON, "ENF-021")
    assert cell(tab.model, voided, S_STATE) == "✖ annulé"
    assert pcima.pcima_report(app.uow(), FAC, JULY).screening.children == 1


def test_admit_this_child_opens_the_programme_tab_with_the_admission_filled_in(screen):
    tab = screen.screening
    type_screening(tab, "ENF-030", "130", oedema="+++").save_button.click()
    tab.table.selectRow(0)
    assert tab.admit_button.isEnabled()
    tab.admit_button.click()
    assert screen.tabs.currentWidget() is screen.programme
    form = screen.programme.form
    assert isinstance(form, AdmissionForm)
    assert form.person.text() == "ENF-030"
    assert form.unit.value() is Referral.URENI
    assert form.criterion.value() is Criterion.OEDEMA
    form.save_button.click()
    assert screen.programme.current_unit() is Referral.URENI
    assert cell(screen.programme.in_care_model, 0, 0) == "ENF-030"


# --- tallies --------------------------------------------------------------------------------


def test_a_tally_whose_classes_do_not_add_up_is_refused_then_saved_once_right(screen, app):
    tab: TalliesTab = screen.tallies
    form = tab.open_new()
    assert isinstance(form, TallyForm)
    form.place.setText("Ouro Nguéou")
    form.source.set_value(TallySource.RECO)
    form.screened.setValue(40)
    form.sam.setValue(2)
    form.mam.setValue(5)
    form.normal.setValue(32)
    form.oedema.setValue(1)
    assert not form.save_button.isEnabled()
    assert form.sum_label.text() == "MAS + MAM + normaux = 39 ; dépistés : 40"
    assert "MAS + MAM + normaux = 39, mais 40 dépisté(s)" in form.message.text()
    form.save_button.click()
    assert pcima.tally_register(app.uow(), FAC, JULY, TODAY) == []
    form.normal.setValue(33)
    assert form.save_button.isEnabled()
    form.save_button.click()
    model: TallyModel = tab.model
    assert model.rowCount() == 1
    assert [cell(model, 0, c) for c in range(4, 9)] == ["40", "2", "5", "33", "1"]
    # corrected with a reason: two versions in the history
    tab.table.selectRow(0)
    correction = tab.open_correction()
    assert isinstance(correction, TallyForm)
    correction.mam.setValue(6)
    correction.normal.setValue(32)
    correction.reason.setText("un MAM oublié")
    correction.save_button.click()
    assert cell(model, 0, 6) == "6"
    tab.table.selectRow(0)
    dialog = tab.history_dialog()
    assert dialog is not None and dialog.model.rowCount() == 2
    assert pcima.pcima_report(app.uow(), FAC, JULY).screening.mam == 6


def test_women_tallies_count_no_sam(screen):
    form = screen.tallies.open_new()
    assert isinstance(form, TallyForm)
    form.group.set_value(Group.PLW)
    assert not form.row_visible("sam") and not form.row_visible("oedema")
    form.screened.setValue(12)
    form.mam.setValue(2)
    form.normal.setValue(10)
    assert form.save_button.isEnabled()


# --- programme and the monthly report -------------------------------------------------------


def admit(tab: ProgrammeTab, child: str, day: date, admission=AdmissionType.NEW, criterion=None):
    form = tab.open_admission()
    assert isinstance(form, AdmissionForm)
    form.person.setText(child)
    form.date.setDate(QDate(day))
    form.admission.set_value(admission)
    if criterion is not None:
        form.criterion.set_value(criterion)
    assert form.save_button.isEnabled(), form.message.text()
    form.save_button.click()


def test_admissions_exits_and_typed_totals_make_the_monthly_report(screen, app):
    tab: ProgrammeTab = screen.show_tab("programme")  # type: ignore[assignment]
    assert tab.current_unit() is Referral.URENAS
    admit(tab, "ENF-101", date(2026, 7, 3), criterion=Criterion.MUAC)
    admit(tab, "ENF-102", date(2026, 7, 5), AdmissionType.RELAPSE)
    in_care: InCareModel = tab.in_care_model
    assert [cell(in_care, r, 0) for r in range(in_care.rowCount())] == ["ENF-101", "ENF-102"]
    assert cell(in_care, 0, 2) == "17 jours"
    assert tab.in_care_box.title().endswith(": 2")

    tab.in_care_table.selectRow(1)
    exit_form = tab.open_exit()
    assert isinstance(exit_form, ExitForm)
    assert exit_form.child.value() == "ENF-102"
    exit_form.date.setDate(QDate(2026, 7, 18))
    exit_form.outcome.set_value(ExitOutcome.CURED)
    exit_form.save_button.click()
    assert [cell(in_care, r, 0) for r in range(in_care.rowCount())] == ["ENF-101"]
    events: EventModel = tab.events_model
    assert [(cell(events, r, 1), cell(events, r, 2)) for r in range(events.rowCount())] == [
        ("ENF-101", "Admission"),
        ("ENF-102", "Admission"),
        ("ENF-102", "Sortie"),
    ]
    assert cell(events, 0, 3) == "Nouvelle admission – critère PB"
    assert cell(events, 2, 3) == "Guéri"

    # An exit before the admission is refused inline, with what was typed kept.
    bad = tab.open_exit()
    assert isinstance(bad, ExitForm)
    bad.child.set_value("ENF-101")
    bad.date.setDate(QDate(2026, 7, 1))
    bad.save_button.click()
    assert bad.isVisible() and "n'est pas suivi" in bad.message.text()
    bad.confirm_discard = lambda: True  # type: ignore[method-assign]
    bad.reject()

    # URENAM has only the paper report: June typed as totals, with its opening total.
    tab.set_unit(Referral.URENAM)
    totals = tab.open_totals()
    assert isinstance(totals, TotalsForm)
    totals.month.set_month(JUNE)
    typed = {"new_muac": 5, "relapse": 1, "cured": 4, "defaulted": 1}
    for key, value in typed.items():
        totals.spins[key].setValue(value)
    totals.has_beginning.setChecked(True)
    totals.beginning.setValue(10)
    assert "total à la fin du mois : 11" in totals.summary.text()
    totals.save_button.click()
    stored = pcima.monthly_totals(app.uow(), FAC, Referral.URENAM, JUNE)
    assert stored is not None and stored.beginning == 10
    assert {k: v for k, v in stored.counts.items() if v} == typed
    # typed again: the form opens with what is stored
    again = tab.open_totals()
    assert isinstance(again, TotalsForm)
    again.month.set_month(JUNE)
    assert again.spins["new_muac"].value() == 5 and again.beginning.value() == 10
    assert "version 1" in again.stored_label.text()
    again.reject()

    report: ReportTab = screen.show_tab("report")  # type: ignore[assignment]
    report.set_month(JULY)
    assert report.report is not None
    by_unit = {u.unit: u for u in report.report.units}
    urenas, urenam = by_unit[Referral.URENAS], by_unit[Referral.URENAM]
    assert (urenas.beginning, urenas.admitted, urenas.exited, urenas.end) == (0, 2, 1, 1)
    assert (urenam.beginning, urenam.admitted, urenam.exited, urenam.end) == (11, 0, 0, 11)
    text = report.shown_text()
    assert "Total au début du mois" in text and "Total à la fin du mois" in text
    report.set_month(JUNE)
    assert report.report is not None
    june = {u.unit: u for u in report.report.units}[Referral.URENAM]
    assert (june.beginning, june.admitted, june.exited, june.end) == (10, 6, 5, 11)


def test_an_admission_is_corrected_or_withdrawn_with_a_reason(screen, app):
    tab: ProgrammeTab = screen.show_tab("programme")  # type: ignore[assignment]
    admit(tab, "ENF-201", date(2026, 7, 2), criterion=Criterion.MUAC)
    admit(tab, "ENF-202", date(2026, 7, 4), criterion=Criterion.MUAC)
    tab.events_table.selectRow(0)
    form = tab.open_correction()
    assert isinstance(form, AdmissionForm) and form.person.text() == "ENF-201"
    form.criterion.set_value(Criterion.WHZ)
    assert not form.save_button.isEnabled()
    form.reason.setText("admis sur le P/T, pas le PB")
    form.save_button.click()
    assert cell(tab.events_model, 0, 3) == "Nouvelle admission – critère P/T"
    assert cell(tab.events_model, 0, 5) == "✎ corrigé (v2)"
    tab.events_table.selectRow(1)
    void = tab.open_void()
    assert void is not None
    void.reason.setText("enfant d'un autre centre")
    void.save_button.click()
    assert tab.events_model.rowCount() == 1
    assert [c.child_ref for c in pcima.children_in_care(app.uow(), FAC, TODAY)] == ["ENF-201"]


# --- the screen -----------------------------------------------------------------------------


def test_the_nutrition_screen_has_its_tabs_and_reloads_the_others_after_a_save(screen):
    titles = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert titles == [
        "Dépistage",
        "Décomptes communautaires",
        "Programme",
        "Rapport mensuel",
        "Besoins en ATPE",
        "Graphiques",
        "Paramètres PCIMA",
    ]
    assert all(getattr(page, "facility", None) == FAC for page in screen.pages.values())
    report: ReportTab = screen.show_tab("report")  # type: ignore[assignment]
    report.set_month(JULY)
    assert report.report is not None and report.report.units[0].admitted == 0
    admit(screen.show_tab("programme"), "ENF-301", date(2026, 7, 10), criterion=Criterion.MUAC)
    screen.show_tab("report")
    assert {u.unit: u.admitted for u in report.report.units}[Referral.URENAS] == 1


def test_the_main_window_offers_nutrition_with_its_shortcut(qtbot, app, tmp_path):
    entry = next(e for e in SCREENS if e.key == "nutrition")
    assert (entry.label, entry.shortcut) == ("Nutrition (PCIMA)", "Ctrl+8")
    assert len({e.shortcut for e in SCREENS}) == len(SCREENS)
    ui = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(next(i for i, e in enumerate(SCREENS) if e.key == "nutrition"))
    screen = window.screens["nutrition"]
    assert isinstance(screen, NutritionScreen) and screen.facility == FAC


def test_register_models_pass_the_model_tester(qtmodeltester, screen):
    type_screening(screen.screening, "ENF-401", "112").save_button.click()
    for model in (ScreeningModel(), screen.screening.model):
        qtmodeltester.check(model)


def test_core_labels_are_copied_for_translation_unchanged():
    assert GROUP_TEXTS == GROUP_LABELS_FR
    assert TALLY_SOURCE_TEXTS == TALLY_SOURCE_LABELS_FR
    assert ADMISSION_TEXTS == ADMISSION_LABELS_FR
    assert CRITERION_TEXTS == CRITERION_LABELS_FR
    assert EXIT_TEXTS == EXIT_LABELS_FR
    assert UNIT_TEXTS == UNIT_LABELS_FR
    assert CLASS_TEXTS == NUTRITION_CLASS_LABELS_FR
    assert CLASS_SHORT_TEXTS == NUTRITION_CLASS_SHORT_FR
    assert TOTAL_FIELD_TEXTS == TOTAL_FIELDS


def test_totals_typed_for_a_month_are_not_lost_by_switching_month(screen):
    tab: ProgrammeTab = screen.show_tab("programme")  # type: ignore[assignment]
    form = tab.open_totals()
    assert isinstance(form, TotalsForm)
    form.spins["cured"].setValue(7)
    form.confirm_discard = lambda: False  # type: ignore[method-assign]  # the user says "keep"
    form.month.set_month(JUNE)
    assert form.month.month() == JULY and form.spins["cured"].value() == 7


def test_a_withdrawn_tally_no_longer_counts(screen, app):
    tab: TalliesTab = screen.tallies
    form = tab.open_new()
    assert isinstance(form, TallyForm)
    form.screened.setValue(20)
    form.mam.setValue(2)
    form.normal.setValue(18)
    form.save_button.click()
    tab.table.selectRow(0)
    void = tab.open_void()
    assert void is not None
    void.reason.setText("campagne saisie deux fois")
    void.save_button.click()
    assert tab.model.rowCount() == 0
    assert pcima.pcima_report(app.uow(), FAC, JULY).screening.children == 0
