"""The Nutrition tabs that read the registers: monthly report, RUTF needs and dose, charts,
and the PCIMA settings that change what the registers mean."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from core import pcima_services, services
from core.facilities import new_facility
from core.nutrition import NUTRITION_SETTING_LABELS, NutritionClass, Referral
from core.pcima import (
    CATCHMENT_FIELDS,
    REPORT_SETTING_LABELS,
    AdmissionType,
    Criterion,
    ExitOutcome,
    Group,
    Tally,
    TallySource,
)
from core.pcima_services import ScreeningEntry
from core.services import Context, ReceiptLine
from gui.nutrition.charts_tab import ChartsTab
from gui.nutrition.needs_tab import CATCHMENT_TEXTS, NeedsModel, NeedsTab
from gui.nutrition.report_tab import FAIL_BACKGROUND, PASS_BACKGROUND, ReportTab
from gui.nutrition.settings_tab import SETTING_TEXTS, DosingModel, NutritionSettingsTab
from main import build_application

FACILITY = "CSCOM-SEV"
TODAY = datetime(2025, 8, 15, 10, 0)  # the last complete month is July 2025
JUNE, JULY = date(2025, 6, 1), date(2025, 7, 1)


def plain(text: str) -> str:
    """French numbers use (narrow) no-break spaces: compare with ordinary ones."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def following(text: str, label: str, count: int) -> list[str]:
    """The `count` cells shown after a row's label in the report (one cell per line)."""
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index(label)
    return [plain(cell) for cell in lines[start + 1 : start + 1 + count]]


@pytest.fixture
def app(tmp_path: Path):
    app = build_application(str(tmp_path / "nutrition.db"))
    app = replace(app, ctx=Context(device="poste-test", user="awa", clock=lambda: TODAY))
    services.add_facility(
        app.uow(), new_facility(FACILITY, "CSCom Sévaré", "CSCom", "Mopti", "Mopti")
    )
    return app


@pytest.fixture
def programme(app):
    """June typed from the paper report (URENAS, URENAM); July child by child in URENAS; RUTF
    received in May and dispensed in June and July; July's screenings and tallies."""
    ctx = app.ctx
    pcima_services.record_monthly_totals(
        app.uow(),
        ctx,
        FACILITY,
        Referral.URENAS,
        JUNE,
        {
            "new_muac": 10,
            "new_whz": 2,
            "new_oedema": 1,
            "relapse": 1,
            "transfer_in": 2,
            "cured": 10,
            "died": 1,
            "defaulted": 3,
            "non_response": 1,
            "transfer_out": 1,
        },
        beginning=20,
    )
    pcima_services.record_monthly_totals(
        app.uow(),
        ctx,
        FACILITY,
        Referral.URENAM,
        JUNE,
        {"new_muac": 25, "cured": 20, "defaulted": 1},
        beginning=40,
    )
    for n in (1, 2, 3):
        pcima_services.admit_child(
            app.uow(),
            ctx,
            FACILITY,
            Referral.URENAS,
            date(2025, 7, 2 + n),
            f"SEV-2025-{n:03d}",
            AdmissionType.NEW,
            Criterion.MUAC,
        )
    pcima_services.discharge_child(
        app.uow(),
        ctx,
        FACILITY,
        Referral.URENAS,
        date(2025, 7, 28),
        "SEV-2025-001",
        ExitOutcome.CURED,
    )
    services.receive_stock(
        app.uow(),
        ctx,
        FACILITY,
        date(2025, 5, 2),
        [ReceiptLine("RUTF", 3000, "A12", date(2027, 3, 31))],
    )
    services.dispense(app.uow(), ctx, FACILITY, "RUTF", 400, date(2025, 6, 10))
    services.dispense(app.uow(), ctx, FACILITY, "RUTF", 500, date(2025, 7, 10))
    for n, muac in enumerate((110, 118, 130, 135)):
        pcima_services.record_screening(
            app.uow(),
            ctx,
            ScreeningEntry(FACILITY, date(2025, 7, 5), f"D-{n}", muac, "Sévaré", age_months=20),
            app.growth_standards(),
        )
    pcima_services.record_tally(
        app.uow(),
        ctx,
        Tally(FACILITY, date(2025, 7, 12), "Mopti", TallySource.RECO, Group.CHILD, 96, 3, 10, 83),
    )
    return app


def report_tab(qtbot, app) -> ReportTab:
    tab = ReportTab(app)
    qtbot.addWidget(tab)
    tab.resize(1000, 580)
    tab.show()
    tab.set_facility(FACILITY)
    return tab


# --- the monthly report ----------------------------------------------------------------------


def test_report_opens_on_the_last_complete_month_with_the_units_figures(qtbot, programme):
    tab = report_tab(qtbot, programme)
    assert tab.month == JULY
    assert plain(tab.month_box.currentText()) == "juillet 2025"
    text = tab.shown_text()
    assert "Rapport mensuel PCIMA – juillet 2025" in text
    # URENAS carries June's end (20) into July; URENAM has nothing typed in July.
    assert following(text, "Total au début du mois", 2) == ["20", "44"]
    assert following(text, "dont critère PB", 2) == ["3", "0"]
    assert following(text, "Total des admissions", 2) == ["3", "0"]
    assert following(text, "Guéris", 2) == ["1", "0"]
    assert following(text, "Total à la fin du mois", 2) == ["22", "44"]
    assert "registre enfant par enfant" in text
    assert "rien de saisi ce mois" in text


def test_failing_rates_are_written_non_conforme_in_red(qtbot, programme):
    tab = report_tab(qtbot, programme)
    tab.month_box.setCurrentIndex(tab.month_box.currentIndex() + 1)  # June, the month before
    assert tab.month == JUNE
    text = tab.shown_text()
    assert following(text, "Total au début du mois", 2) == ["20", "40"]
    assert following(text, "Total des admissions", 2) == ["16", "25"]
    assert following(text, "Transferts sortants", 2) == ["1", "0"]
    assert following(text, "Total des sorties", 2) == ["16", "21"]
    assert following(text, "Total à la fin du mois", 2) == ["20", "44"]
    # URENAS: 10 cured of 15 exits (transfers out apart) = 66.7 %, under 75 %: not conforming;
    # 1 death = 6.7 %: conforming; URENAM: 20 of 21 = 95.2 %.
    rates = plain(text[text.index("Taux de guérison") : text.index("Contrôle de l'ATPE")])
    assert "66,7 % ✘ non conforme 95,2 % ✔ conforme" in rates
    assert "6,7 % ✔ conforme" in rates
    assert "20,0 % ✘ non conforme" in rates
    html = tab.view.toHtml()
    assert FAIL_BACKGROUND in html and PASS_BACKGROUND in html


def test_a_unit_without_exits_says_so(qtbot, programme):
    tab = report_tab(qtbot, programme)
    rates = plain(tab.shown_text())
    # URENAM in July: no exit, no rate.
    assert "pas de sortie" in rates


def test_the_units_warnings_are_shown(qtbot, programme):
    # July typed from paper as well, disagreeing with the children entered one by one.
    pcima_services.record_monthly_totals(
        programme.uow(), programme.ctx, FACILITY, Referral.URENAS, JULY, {"new_muac": 5}
    )
    tab = report_tab(qtbot, programme)
    text = plain(tab.shown_text())
    assert "⚠ À vérifier" in text
    assert "URENAS : Totaux saisis (5 admissions, 0 sorties) différents du registre" in text
    assert following(tab.shown_text(), "Total des admissions", 2) == ["5", "0"]


def test_rutf_check_and_screening_summary_are_shown(qtbot, programme):
    tab = report_tab(qtbot, programme)
    text = plain(tab.shown_text())
    check = tab.report.rutf
    assert check.flagged  # 900 sachets for 19 children: far under 150 each
    assert plain(check.message_fr) in text
    assert "900 sachets distribués pour 19 enfant(s)" in text
    assert "⚠ À vérifier :" in text
    # 4 individual screenings (110 → SAM, 118 → MAM) and a tally of 96 (3 SAM, 10 MAM).
    assert "Enfants de 6 à 59 mois dépistés 100" in text
    assert "MAS (malnutrition aiguë sévère) 4 (4,0 % des dépistés)" in text
    assert "MAM (malnutrition aiguë modérée) 11 (11,0 % des dépistés)" in text


def test_print_html_is_the_report_with_a_signature_line(qtbot, programme):
    tab = report_tab(qtbot, programme)
    tab.month_box.setCurrentIndex(tab.month_box.currentIndex() + 1)
    html = tab.print_html()
    assert html is not None
    assert "Rapport mensuel PCIMA – juin 2025" in html
    assert "CSCom Sévaré (CSCOM-SEV)" in html
    assert "non conforme" in html and FAIL_BACKGROUND in html
    assert "Établi par" in html


def test_excel_export_holds_counts_and_no_child_identifier(qtbot, programme, tmp_path):
    pytest.importorskip("core.exchange.pcima_report", reason="core.exchange.pcima_report absent")
    from openpyxl import load_workbook

    tab = report_tab(qtbot, programme)
    with qtbot.waitSignal(tab.status_message):
        written = tab.export_excel(tmp_path / "rapport")
    assert written == tmp_path / "rapport.xlsx" and written.exists()
    assert "✔ Rapport enregistré" in tab.message.text()
    cells = [
        str(cell.value)
        for sheet in load_workbook(written).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert "22" in cells  # URENAS at the end of July
    assert not [c for c in cells if "SEV-2025" in c or c.startswith("D-")]


def test_excel_export_to_an_unwritable_place_says_so(qtbot, programme, tmp_path):
    pytest.importorskip("core.exchange.pcima_report", reason="core.exchange.pcima_report absent")
    tab = report_tab(qtbot, programme)
    assert tab.export_excel(tmp_path / "missing-folder" / "rapport.xlsx") is None
    assert "Rapport non enregistré" in tab.message.text()


def test_without_facility_the_report_asks_for_one(qtbot, app):
    tab = ReportTab(app)
    qtbot.addWidget(tab)
    tab.set_facility(None)
    assert "Choisissez un établissement" in tab.shown_text()
    assert not tab.excel_button.isEnabled() and not tab.print_button.isEnabled()


# --- RUTF needs and dose ---------------------------------------------------------------------


def needs_tab(qtbot, app) -> NeedsTab:
    tab = NeedsTab(app)
    qtbot.addWidget(tab)
    tab.resize(1000, 580)
    tab.show()
    tab.set_facility(FACILITY)
    return tab


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_caseload_worked_example(qtbot, programme):
    tab = needs_tab(qtbot, programme)
    type_into(qtbot, tab.catchment_edits["catchment_population"], "10 501")
    type_into(qtbot, tab.catchment_edits["sam_prevalence_percent"], "8,7")
    type_into(qtbot, tab.catchment_edits["expected_coverage_percent"], "46")
    # The formula with the numbers shows before saving...
    assert "10 501 × 8,7 % × 2,6 × 46 % = 1 092,7" in plain(tab.formula.text())
    assert "soit 1 093 enfants par an" in plain(tab.formula.text())
    with qtbot.waitSignal(tab.data_changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    # ...and, saved, the caseload drives the needs.
    assert pcima_services.catchment_values(programme.uow(), FACILITY) == {
        "catchment_population": "10 501",
        "sam_prevalence_percent": "8,7",
        "expected_coverage_percent": "46",
    }
    assert tab.needs is not None and tab.needs.annual_caseload == 1093
    assert "1 093 enfants par an" in plain(tab.explanation.text())
    assert tab.model.rowCount() == 6
    first = tab.model.rows[0]
    assert first.month == date(2025, 8, 1)
    shown = plain(tab.model.data(tab.model.index(0, 4)))
    assert shown == plain(f"{first.caseload_sachets:,}".replace(",", " "))
    summary = plain(tab.summary.text())
    caseload = tab.needs.caseload_sachets()
    assert caseload is not None
    assert f"{caseload:,}".replace(",", " ") + " sachets" in summary
    # 2 100 sachets left of the 3 000 received: the stock shown against the needs.
    assert "2 100 sachets (14 cartons)" in summary


def test_a_wrong_catchment_value_is_shown_next_to_its_field_and_kept(qtbot, programme):
    tab = needs_tab(qtbot, programme)
    type_into(qtbot, tab.catchment_edits["catchment_population"], "10501")
    type_into(qtbot, tab.catchment_edits["sam_prevalence_percent"], "huit")
    type_into(qtbot, tab.catchment_edits["expected_coverage_percent"], "46")
    assert not tab.save_catchment()
    error = tab.catchment_errors["sam_prevalence_percent"]
    assert error.isVisible()
    assert CATCHMENT_FIELDS["sam_prevalence_percent"] in error.text()
    assert "n'est pas un nombre" in error.text()
    assert tab.catchment_edits["sam_prevalence_percent"].text() == "huit"
    assert not tab.catchment_errors["catchment_population"].isVisible()
    assert (
        pcima_services.catchment_values(programme.uow(), FACILITY)["sam_prevalence_percent"] == ""
    )


def test_more_months_ahead_and_stock_on_order(qtbot, programme):
    tab = needs_tab(qtbot, programme)
    tab.months_spin.setValue(12)
    assert tab.model.rowCount() == 12
    tab.on_order_spin.setValue(1500)
    assert tab.needs is not None and tab.needs.on_order == 1500
    assert "1 500 sachets (10 cartons)" in plain(tab.summary.text())


@pytest.mark.parametrize(
    ("weight", "per_day", "per_week"),
    [
        ("3,5", "1,5", "11"),
        ("3.9", "1,5", "11"),
        ("4", "2", "14"),
        ("6.5", "2,5", "18"),
        ("12", "5", "35"),
        ("18,2", "5", "35"),
    ],
)
def test_dose_calculator_at_band_edges(qtbot, app, weight, per_day, per_week):
    tab = needs_tab(qtbot, app)
    type_into(qtbot, tab.weight_edit, weight)
    assert tab.dose_text() == (per_day, per_week, "")


@pytest.mark.parametrize(
    ("weight", "message"),
    [("3,4", "commence à 3,5 kg"), ("six", "attendu un nombre de kilos"), ("90", "de 0,5 à 60")],
)
def test_dose_calculator_refuses_what_the_table_does_not_cover(qtbot, app, weight, message):
    tab = needs_tab(qtbot, app)
    type_into(qtbot, tab.weight_edit, weight)
    day, week, error = tab.dose_text()
    assert (day, week) == ("–", "–")
    assert message in error
    assert tab.dose_error.isVisible()
    assert tab.weight_edit.text() == weight


def test_needs_model_passes_the_model_tester(qtmodeltester, qtbot, programme):
    tab = needs_tab(qtbot, programme)
    model: NeedsModel = tab.model
    assert model.rowCount() == 6
    qtmodeltester.check(model)


# --- charts ---------------------------------------------------------------------------------


def test_charts_show_the_last_twelve_months(qtbot, programme, tmp_path):
    tab = ChartsTab(programme)
    qtbot.addWidget(tab)
    tab.resize(1000, 580)
    tab.show()
    tab.set_facility(FACILITY)
    data = tab.series()
    assert data["months"][0] == date(2024, 8, 1) and data["months"][-1] == JULY
    assert len(data["months"]) == 12
    assert data["URENAS"][-2:] == [16, 3]
    assert data["URENAM"][-2:] == [25, 0]
    assert "URENI" not in data
    assert data["dispensed"][-2:] == [400, 500]
    assert data["children"][-2:] == [16, 3]
    assert data["sam_percent"][-1] == pytest.approx(4.0)
    assert data["mam_percent"][-1] == pytest.approx(11.0)
    assert data["sam_percent"][0] is None  # nobody screened a year ago
    assert "août 2024" in tab.period.text() and "juillet 2025" in tab.period.text()
    assert len(tab.figure.subfigs) == 2
    with qtbot.waitSignal(tab.status_message):
        written = tab.export_png(tmp_path / "pcima")
    assert written == tmp_path / "pcima.png" and written.stat().st_size > 10_000


def test_charts_without_data_say_so(qtbot, app):
    tab = ChartsTab(app)
    qtbot.addWidget(tab)
    tab.set_facility(FACILITY)
    assert not tab.figure.subfigs  # drawn when first shown
    tab.show()
    texts = [t.get_text() for sub in tab.figure.subfigs for ax in sub.axes for t in ax.texts]
    assert texts == ["Aucune donnée PCIMA sur ces mois"] * 2


# --- PCIMA settings ---------------------------------------------------------------------------


def settings_tab(qtbot, app) -> NutritionSettingsTab:
    tab = NutritionSettingsTab(app)
    qtbot.addWidget(tab)
    tab.resize(1000, 580)
    tab.show()
    tab.set_facility(FACILITY)
    return tab


def classify(app, muac: int) -> NutritionClass:
    screening = pcima_services.record_screening(
        app.uow(),
        app.ctx,
        ScreeningEntry(FACILITY, date(2025, 8, 1), "X-1", muac, age_months=24),
        app.growth_standards(),
    )
    return screening.classification


def test_changing_the_muac_cut_off_changes_the_classification(qtbot, app):
    assert classify(app, 127) is NutritionClass.NORMAL
    tab = settings_tab(qtbot, app)
    edit = tab.edits["muac_mam_below_mm"]
    assert isinstance(edit, QLineEdit)
    assert edit.text() == "125"
    assert not tab.reset_buttons["muac_mam_below_mm"].isEnabled()
    edit.setFocus()
    type_into(qtbot, edit, "130")
    with qtbot.waitSignal(tab.data_changed):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert pcima_services.nutrition_setting_values(app.uow())["muac_mam_below_mm"] == "130"
    assert "✔ Enregistré : 130" in tab.errors["muac_mam_below_mm"].text()
    assert tab.reset_buttons["muac_mam_below_mm"].isEnabled()
    assert classify(app, 127) is NutritionClass.MAM
    with qtbot.waitSignal(tab.data_changed):
        qtbot.mouseClick(tab.reset_buttons["muac_mam_below_mm"], Qt.MouseButton.LeftButton)
    assert edit.text() == "125"
    assert classify(app, 127) is NutritionClass.NORMAL


def test_an_incoherent_cut_off_is_refused_next_to_its_field(qtbot, app):
    tab = settings_tab(qtbot, app)
    edit = tab.edits["muac_sam_below_mm"]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    type_into(qtbot, edit, "140")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    error = tab.errors["muac_sam_below_mm"]
    assert error.isVisible() and "Seuils du PB incohérents" in error.text()
    assert edit.text() == "140"  # what was typed stays, to be corrected
    assert pcima_services.nutrition_setting_values(app.uow())["muac_sam_below_mm"] == "115"
    assert classify(app, 120) is NutritionClass.MAM


def test_choices_and_report_settings_are_saved(qtbot, app):
    tab = settings_tab(qtbot, app)
    assert tab.set_text("whz_table_mode", "boys_for_both")
    assert tab.set_text("rates_include_transfers", "oui")
    assert tab.set_text("cured_above_percent", "80")
    values = pcima_services.nutrition_setting_values(app.uow())
    assert values["whz_table_mode"] == "boys_for_both"
    assert values["rates_include_transfers"] == "oui"
    assert values["cured_above_percent"] == "80"
    assert not tab.set_text("rutf_check_months", "2,5")
    assert "nombre entier de mois" in tab.errors["rutf_check_months"].text()


def test_the_report_follows_the_sphere_threshold_setting(qtbot, programme):
    tab = report_tab(qtbot, programme)
    settings = settings_tab(qtbot, programme)
    assert settings.set_text("cured_above_percent", "60")
    tab.month_box.setCurrentIndex(tab.month_box.currentIndex() + 1)
    text = plain(tab.shown_text())
    assert "attendu plus de 60 %" in text
    assert "66,7 % ✔ conforme" in text


def test_dosing_table_edited_then_restored(qtbot, app):
    tab = settings_tab(qtbot, app)
    model = tab.dosing_model
    assert model.rowCount() == 8
    assert not tab.shipped_button.isEnabled()
    model.setData(model.index(7, 1), "5,5")
    model.setData(model.index(7, 2), "38")
    assert tab.save_dosing_button.isEnabled()
    with qtbot.waitSignal(tab.data_changed):
        assert tab.save_dosing()
    needs = needs_tab(qtbot, app)
    type_into(qtbot, needs.weight_edit, "12")
    assert needs.dose_text() == ("5,5", "38", "")
    assert tab.shipped_button.isEnabled()
    tab.restore_shipped_dosing()
    needs.refresh()
    assert needs.dose_text() == ("5", "35", "")
    assert not tab.shipped_button.isEnabled()


def test_dosing_rows_added_removed_and_checked(qtbot, app):
    tab = settings_tab(qtbot, app)
    model = tab.dosing_model
    row = model.add_row()
    for column, text in enumerate(("15", "6", "quarante")):
        model.setData(model.index(row, column), text)
    assert not tab.save_dosing()
    assert "ligne 9" in tab.dosing_message.text() and "« quarante »" in tab.dosing_message.text()
    model.setData(model.index(row, 2), "42")
    assert tab.save_dosing()
    bands = pcima_services.rutf_dosing(app.uow(), app.rutf_dosing())
    assert len(bands) == 9 and bands[-1].sachets_per_week == 42
    tab.dosing_table.setCurrentIndex(model.index(8, 0))
    tab.remove_button.click()
    model.setData(model.index(3, 0), "3")  # weights must increase
    assert not tab.save_dosing()
    assert "croissant" in tab.dosing_message.text()


def test_dosing_model_passes_the_model_tester(qtmodeltester, qtbot, app):
    model: DosingModel = settings_tab(qtbot, app).dosing_model
    qtmodeltester.check(model)


def test_label_copies_match_core():
    assert SETTING_TEXTS == {**NUTRITION_SETTING_LABELS, **REPORT_SETTING_LABELS}
    assert CATCHMENT_TEXTS == CATCHMENT_FIELDS
