"""The Réquisitions screen, tab "Vue consolidée": an NGO officer imports the requisition
workbooks of facilities of two regions in the background, reads the month by region, district
and facility, filters it and exports the consolidated workbook."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from PySide6.QtCore import QModelIndex, Qt

from core import services
from core.consolidation import FacilityStockStatus
from core.exchange.consolidated_workbook import FACILITIES_SHEET, PRODUCTS_SHEET, SUMMARY_SHEET
from core.exchange.requisition_workbook import DATA_SHEET, write_requisition_workbook
from core.facilities import new_facility
from core.requisition import Requisition
from core.requisition_services import approve_requisition, compute_requisition
from core.services import Context, ReceiptLine
from gui.requisition.consolidated_model import (
    BELOW_MIN,
    DETAILS,
    FILE,
    MEDIAN_MOS,
    NAME,
    OUTCOME,
    PRODUCTS,
    RUTF_MOS,
    RUTF_REQUESTED,
    RUTF_USABLE,
    SEQUENCE,
    STATUS,
    STATUS_BACKGROUND,
    STOCKED_OUT,
    STOCKOUT_DAYS,
    ConsolidatedImportModel,
    ConsolidatedModel,
)
from gui.requisition.consolidated_tab import ConsolidatedRequisitionTab
from main import build_application

NOW = datetime(2026, 11, 21, 12, 0)
OCTOBER = date(2026, 10, 1)
WAIT = 20_000  # ms
DAMAGED = "RR_CSCOM-KON_2026-10.xlsx"

# (code, name, region, district, {product: (received in August, dispensed each month)})
SOURCES = (
    (
        "CSCOM-SEV",
        "CSCom de Sévaré",
        "Mopti",
        "Mopti",
        {"RUTF": (1500, 450), "AMOX250D": (1000, 100)},
    ),
    ("CSCOM-SOC", "CSCom de Socoura", "Mopti", "Mopti", {"RUTF": (900, 300)}),
    ("CSCOM-BAN", "CSCom de Bandiagara", "Mopti", "Bandiagara", {"RUTF": (3000, 300)}),
    ("CSCOM-SEG", "CSCom de Pelengana", "Ségou", "Ségou", {"AMOX250D": (1000, 200)}),
    ("CSCOM-KON", "CSCom de Konna", "Mopti", "Mopti", {"RUTF": (600, 150)}),
)
# Columns whose figures add up from facilities to districts, regions and the total.
ADDITIVE = (PRODUCTS, STOCKED_OUT, STOCKOUT_DAYS, BELOW_MIN, RUTF_USABLE, RUTF_REQUESTED)


def plain(text: object) -> str:
    """French digit grouping uses narrow no-break spaces: compare with plain ones."""
    return " ".join(str(text).replace("\u202f", " ").replace("\xa0", " ").split())


def numbers(text: object) -> list[int]:
    """The figures of a cell: "1 200 (8)" → [1200, 8] (French digit groups joined)."""
    joined = re.sub(r"(?<=\d)[\u202f\xa0 ](?=\d{3}\b)", "", str(text))
    return [int(n) for n in re.findall(r"\d+", joined)]


def number(text: object) -> int:
    (value,) = numbers(text) or [0]
    return value


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Requisition]]:
    """Five facilities' approved October R&R, each as its own laptop would export it (one
    database stands for them all), in one folder; Konna's file edited by hand afterwards."""
    base = tmp_path_factory.mktemp("consolidated")
    built = build_application(str(base / "facilities.db"))
    uow, ctx = built.uow, Context(device="cscoms", user="dtc", clock=lambda: NOW)
    folder = base / "usb"
    folder.mkdir()
    approved: dict[str, Requisition] = {}
    for code, name, region, district, products in SOURCES:
        services.add_facility(uow(), new_facility(code, name, "CSCom", region, district))
        services.receive_stock(
            uow(),
            ctx,
            code,
            date(2026, 8, 2),
            [ReceiptLine(p, q, "L1", date(2028, 3, 31)) for p, (q, _) in products.items()],
        )
        for product, (_, dispensed) in products.items():
            for month in (8, 9, 10):
                services.dispense(uow(), ctx, code, product, dispensed, date(2026, month, 20))
        draft = compute_requisition(uow(), ctx, code, OCTOBER)
        approved[code] = approve_requisition(uow(), ctx, draft, f"DTC {name}")
        write_requisition_workbook(approved[code], folder / f"RR_{code}_2026-10.xlsx")
    damaged = load_workbook(folder / DAMAGED)
    sheet = damaged[DATA_SHEET]
    for row in sheet.iter_rows():
        if row[0].value == "approved_by":
            row[1].value = "Quelqu'un d'autre"
    damaged.save(folder / DAMAGED)
    return folder, approved


@pytest.fixture
def app(tmp_path: Path):
    """The NGO officer's own database: no facility until the files come in."""
    built = build_application(str(tmp_path / "ngo.db"))
    return replace(built, ctx=Context(device="ong", user="logisticien", clock=lambda: NOW))


@pytest.fixture
def tab(qtbot, app) -> ConsolidatedRequisitionTab:
    tab = ConsolidatedRequisitionTab(app)
    qtbot.addWidget(tab)
    tab.resize(1400, 760)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def import_folder(qtbot, tab: ConsolidatedRequisitionTab, folder: Path) -> None:
    """Import `folder` and wait until the month the files are of is read and shown."""
    with qtbot.waitSignals([tab.import_finished, tab.month_shown], timeout=WAIT):
        assert tab.import_folder(folder)
        assert tab.is_busy() and tab.progress_row.isVisible()
    assert not tab.is_busy() and tab.progress_row.isHidden()


def rows_under(model: ConsolidatedModel, parent: QModelIndex) -> list[QModelIndex]:
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def text(model: ConsolidatedModel, index: QModelIndex, column: int) -> str:
    return plain(model.index(index.row(), column, index.parent()).data())


def find_row(model: ConsolidatedModel, start: str, parent: QModelIndex | None = None):
    """The first row (depth first) whose name starts with `start`."""
    for index in rows_under(model, parent or QModelIndex()):
        if text(model, index, NAME).startswith(start):
            return index
        found = find_row(model, start, index)
        if found is not None:
            return found
    return None


# --- importing --------------------------------------------------------------------------------


def test_a_folder_imports_in_the_background_and_the_damaged_file_is_refused(qtbot, tab, workbooks):
    folder, _ = workbooks
    assert "Aucune réquisition" in tab.empty.text()
    assert not tab.export_button.isEnabled()

    import_folder(qtbot, tab, folder)

    assert tab.progress_bar.maximum() == 5
    assert tab.progress_bar.value() == 5
    assert plain(tab.progress_bar.text()) == "5 / 5 fichiers"
    summary = plain(tab.results_summary.text())
    assert summary.startswith("5 fichiers : 4 importées, 1 refusée")
    assert tab.results_panel.isVisible()
    results: ConsolidatedImportModel = tab.results_model
    assert results.rowCount() == 5
    files = [results.index(r, FILE).data() for r in range(5)]
    assert files == sorted(files, key=str.casefold)
    refused = files.index(DAMAGED)
    assert results.index(refused, OUTCOME).data() == "✖ refusée"
    reason = results.index(refused, DETAILS).data()
    assert "feuille Données" in reason and "somme de contrôle" in reason
    assert "exporter de nouveau" in reason
    others = [r for r in range(5) if r != refused]
    assert all(results.index(r, OUTCOME).data() == "✔ importée" for r in others)

    # The month of the files is shown, Konna (refused) is not in it.
    assert tab.period == OCTOBER
    assert tab.month_box.currentText() == "Octobre 2026"
    assert find_row(tab.model, "CSCom de Konna") is None
    assert tab.export_button.isEnabled()


def test_importing_the_same_folder_again_changes_nothing(qtbot, tab, workbooks):
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    import_folder(qtbot, tab, folder)
    summary = plain(tab.results_summary.text())
    assert summary.startswith("5 fichiers : 4 déjà importées, 1 refusée")
    assert tab.model.consolidation is not None
    assert tab.model.consolidation.total.facilities == 4


def test_cancel_stops_after_the_file_being_read(qtbot, tab, workbooks):
    folder, _ = workbooks
    with qtbot.waitSignal(tab.import_finished, timeout=WAIT):
        tab.import_folder(folder)
        tab.cancel_import()
        assert not tab.cancel_button.isEnabled()
    rows = tab.results_model.rows()
    assert len(rows) == 5
    not_processed = [r for r in rows if r.outcome is None]
    assert len(not_processed) >= 4  # stopped at the latest after the first file
    assert plain(tab.results_summary.text()).startswith("Import arrêté. 5 fichiers")
    assert "non traité" in tab.results_model.index(4, OUTCOME).data()
    with tab.app.uow() as uow:
        stored = uow.requisitions.for_period(OCTOBER)
    assert len(stored) == 5 - len(not_processed)


def test_a_folder_without_workbooks_is_said_plainly(tab, tmp_path):
    empty = tmp_path / "vide"
    empty.mkdir()
    assert not tab.import_folder(empty)
    assert not tab.is_busy()
    assert tab.message.isVisible() and "Aucun classeur Excel" in tab.message.text()


# --- the consolidated month ------------------------------------------------------------------


def test_regions_districts_and_facilities_with_subtotals_equal_to_their_sums(qtbot, tab, workbooks):
    folder, approved = workbooks
    import_folder(qtbot, tab, folder)
    model = tab.model
    top = [text(model, i, NAME) for i in rows_under(model, QModelIndex())]
    assert top == [
        "Région de Mopti · 3 établ.",
        "Région de Ségou · 1 établ.",
        "Total général · 4 établ.",
    ]
    mopti = find_row(model, "Région de Mopti")
    districts = [text(model, i, NAME) for i in rows_under(model, mopti)]
    assert districts == ["District de Bandiagara · 1 établ.", "District de Mopti · 2 établ."]

    def facilities(index: QModelIndex) -> list[QModelIndex]:
        children = rows_under(model, index)
        if not children:
            return [index]
        return [f for child in children for f in facilities(child)]

    # Every area row holds the sums of the facility rows under it, as shown.
    regions = [find_row(model, n) for n in ("Région de Mopti", "Région de Ségou")]
    areas = [(area, facilities(area)) for area in regions]
    areas += [
        (find_row(model, n), facilities(find_row(model, n)))
        for n in ("District de Bandiagara", "District de Mopti")
    ]
    every = [f for region in regions for f in facilities(region)]
    assert len(every) == 4
    areas.append((find_row(model, "Total général"), every))
    for area, leaves in areas:
        assert text(model, area, NAME).endswith(f" · {len(leaves)} établ.")
        for column in ADDITIVE:
            shown = numbers(text(model, area, column))
            cells = [numbers(text(model, f, column)) for f in leaves]
            width = max(len(c) for c in [shown, *cells])
            padded = [c + [0] * (width - len(c)) for c in cells]
            expected = [sum(c[i] for c in padded) for i in range(width)]
            assert shown + [0] * (width - len(shown)) == expected, (text(model, area, NAME), column)

    # The facility rows are those of the files.
    sevare = find_row(model, "CSCom de Sévaré")
    line = approved["CSCOM-SEV"].line("RUTF")
    assert number(text(model, sevare, RUTF_USABLE)) == line.usable_stock == 150
    assert numbers(text(model, sevare, RUTF_REQUESTED)) == [line.requested, 8] == [1200, 8]
    assert text(model, sevare, RUTF_MOS) == "0,3"  # 150 / 450, decimal comma
    assert text(model, sevare, PRODUCTS) == "2"
    assert text(model, sevare, SEQUENCE) == str(approved["CSCOM-SEV"].sequence)
    assert text(model, sevare, STATUS) == "sous le minimum"

    socoura = find_row(model, "CSCom de Socoura")
    assert text(model, socoura, STATUS) == "rupture"
    assert text(model, socoura, STOCKED_OUT) == "1"
    days = approved["CSCOM-SOC"].line("RUTF").report.stockout_days
    assert days > 0
    assert text(model, socoura, STOCKOUT_DAYS) == f"1 ({days} j)"
    assert text(model, socoura, BELOW_MIN) == "1 / 1"
    status = model.index(socoura.row(), STATUS, socoura.parent())
    assert (
        status.data(Qt.ItemDataRole.BackgroundRole)
        == STATUS_BACKGROUND[FacilityStockStatus.STOCKED_OUT]
    )
    assert "RUTF" in status.data(Qt.ItemDataRole.ToolTipRole)

    bandiagara = find_row(model, "CSCom de Bandiagara")
    assert text(model, bandiagara, STATUS) == "correct"
    assert text(model, bandiagara, RUTF_MOS) == "7,0"  # 2 100 / 300

    pelengana = find_row(model, "CSCom de Pelengana")
    assert text(model, pelengana, RUTF_USABLE) == ""  # no RUTF line: nothing, not 0

    # Areas: the facilities' statuses counted; RUTF months of stock of the area's totals.
    district = find_row(model, "District de Mopti")
    assert text(model, district, STATUS) == "1 en rupture · 1 sous min."
    assert text(model, district, RUTF_MOS) == "0,2"  # (150 + 0) / (450 + 300)
    assert plain(tab.status.text()) == "4 établissements · 1 en rupture, 1 sous le minimum"
    assert "1,5 mois" in tab.parameters.text() and "« – »" in tab.parameters.text()


def test_median_months_of_stock_shows_a_dash_without_consumption(qtbot, tab, workbooks):
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    socoura = find_row(tab.model, "CSCom de Socoura")
    # Socoura's only product ended at 0 with an AMC of 300: median 0,0, not a dash.
    assert text(tab.model, socoura, MEDIAN_MOS) == "0,0"
    total = find_row(tab.model, "Total général")
    assert text(tab.model, total, MEDIAN_MOS) == ""  # a median belongs to one facility


def test_the_filter_keeps_a_region_or_a_district_with_its_own_totals(qtbot, tab, workbooks):
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    tab.set_filter("segou")  # accents and case ignored
    top = [text(tab.model, i, NAME) for i in rows_under(tab.model, QModelIndex())]
    assert top == ["Région de Ségou · 1 établ.", "Total « segou » · 1 établ."]
    tab.set_filter("Bandiagara")
    assert tab.model.consolidation is not None
    assert [f.facility_code for f in tab.model.consolidation.facilities] == ["CSCOM-BAN"]
    assert tab.suggested_name() == "Consolidation_2026-10_bandiagara.xlsx"
    tab.set_filter("Kayes")
    assert tab.pages.currentWidget() is tab.empty
    assert "Aucune région ni district" in tab.empty.text()
    assert not tab.export_button.isEnabled()
    tab.set_filter("")
    assert tab.model.consolidation is not None
    assert tab.model.consolidation.total.facilities == 4
    assert tab.suggested_name() == "Consolidation_2026-10.xlsx"


def test_the_month_is_read_in_the_background_and_a_filter_typed_meanwhile_applies(
    qtbot, app, tab, workbooks
):
    """The officer opens the tab again later (a new session): the month's requisitions are
    read off the GUI thread; the tab says so, and what is typed in the filter meanwhile is
    applied once they are read, never answered with "no region matches"."""
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    later = ConsolidatedRequisitionTab(app)
    qtbot.addWidget(later)
    with qtbot.waitSignal(later.month_shown, timeout=WAIT):
        later.show()
        assert later.pages.currentWidget() is later.empty
        assert later.empty.text() == "Lecture des réquisitions d'octobre 2026…"
        later.set_filter("Mopti")
        assert "Aucune région" not in later.empty.text()
        assert not later.export_button.isEnabled()
    assert later.pages.currentWidget() is later.tree
    assert later.model.consolidation is not None
    codes = sorted(f.facility_code for f in later.model.consolidation.facilities)
    assert codes == ["CSCOM-BAN", "CSCOM-SEV", "CSCOM-SOC"]  # Konna's file was refused
    assert later.export_button.isEnabled()


def test_export_writes_the_consolidated_workbook(qtbot, tab, workbooks, tmp_path):
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    written = tab.export_workbook(tmp_path / "Consolidation_2026-10")
    assert written is not None and written.suffix == ".xlsx" and written.exists()
    book = load_workbook(written, read_only=True)
    assert book.sheetnames == [SUMMARY_SHEET, FACILITIES_SHEET, PRODUCTS_SHEET]
    codes = {
        row[2] for row in book[FACILITIES_SHEET].iter_rows(min_row=5, values_only=True) if row[2]
    }
    assert codes == {"CSCOM-SEV", "CSCOM-SOC", "CSCOM-BAN", "CSCOM-SEG"}
    assert tab.message.isVisible() and "Classeur consolidé enregistré" in tab.message.text()


def test_export_to_a_folder_that_cannot_be_written_says_so(qtbot, tab, workbooks, tmp_path):
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    assert tab.export_workbook(tmp_path / "absent" / "x.xlsx") is None
    assert "Classeur non enregistré" in tab.message.text()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, tab, workbooks):
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.results_model)


def test_the_stock_settings_of_the_database_set_the_minimum(qtbot, tab, app, workbooks):
    """Paramètres: a minimum of 0,2 month for all products; Sévaré's RUTF (0,3 month) is no
    longer under it, and the line under the table says the minimum used."""
    services.set_policy_value(app.uow(), "", "min_months", "0.2")
    services.set_policy_value(app.uow(), "", "eop_months", "0.1")
    folder, _ = workbooks
    import_folder(qtbot, tab, folder)
    assert text(tab.model, find_row(tab.model, "CSCom de Sévaré"), STATUS) == "correct"
    assert text(tab.model, find_row(tab.model, "CSCom de Socoura"), STATUS) == "rupture"
    assert "sous 0,2 mois de stock" in tab.parameters.text()
