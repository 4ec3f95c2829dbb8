"""The Réquisitions screen, tab "District": the depot imports its CSComs' R&R workbooks (a whole
folder, in the background), reviews them side by side with their flags, approves quantities
(a comment when they differ from the request, a warning beyond its stock), then produces its
own requisition one level up and the delivery notes."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from core import services
from core.exchange.delivery_workbook import read_delivery_workbook
from core.exchange.requisition_workbook import (
    DATA_SHEET,
    read_requisition_workbook,
    write_requisition_workbook,
)
from core.facilities import new_facility
from core.ledger import MovementKind
from core.requisition import ImportOutcome
from core.requisition_services import approve_requisition, compute_requisition
from core.services import Context, ReceiptLine
from gui.requisition.district_dialogs import (
    CommentDialog,
    DeliveryNotesDialog,
    DistrictRequisitionDialog,
)
from gui.requisition.district_model import (
    D_FACILITY,
    D_LOT,
    D_QUANTITY,
    D_REMARK,
    DETAILS,
    F_FLAGS,
    F_NUMBER,
    F_STATUS,
    FILE,
    FLAGGED_COLOUR,
    M_APPROVED,
    M_CODE,
    M_NAME,
    M_REQUESTED,
    M_UNIT,
    M_USABLE,
    OUTCOME,
    OVER_BACKGROUND,
    R_DOWNSTREAM,
    R_REQUESTED,
    REFUSED_COLOUR,
    ImportResultsModel,
    MatrixModel,
    QuantityInputError,
    ReviewFacilityModel,
    parse_approved,
)
from gui.requisition.district_tab import DistrictRequisitionTab
from main import build_application

NOW = datetime(2026, 11, 21, 12, 0)
AUGUST, OCTOBER = date(2026, 8, 1), date(2026, 10, 1)
CSREF, SEVARE, SOCOURA = "CSREF-MOP", "CSCOM-SEV", "CSCOM-SOC"
WAIT = 15_000  # ms
SHOTS = Path("/tmp/shots")


def plain(text: object) -> str:
    """French digit grouping uses narrow no-break spaces: compare with plain ones."""
    return " ".join(str(text).replace("\u202f", " ").replace("\xa0", " ").split())


def laptop(path: Path):  # type: ignore[no-untyped-def]
    built = build_application(str(path))
    return replace(built, ctx=Context(device=path.stem, user="pharmacien", clock=lambda: NOW))


@dataclass(frozen=True)
class Workbooks:
    """The R&R workbooks the CSComs sent, as the pharmacist copies them into a folder."""

    folder: Path
    sevare_august: Path
    sevare: Path
    socoura: Path
    edited: Path


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> Workbooks:
    """Two CSComs, each on its own laptop, three months of RUTF (as tests/integration/
    test_referral_chain.py): Sévaré AMC 450, 150 left → requests 1200 sachets (8 cartons);
    Socoura AMC 300, 100 left → 900 (6 cartons). Sévaré also sent its August R&R but not
    September's (a flag at the district); a copy of Socoura's file was edited by hand."""
    base = tmp_path_factory.mktemp("cscoms")
    folder = base / "clé USB"
    folder.mkdir()
    paths: dict[str, Path] = {}
    for code, name, received, dispensed in (
        (SEVARE, "CSCom de Sévaré", 1500, 450),
        (SOCOURA, "CSCom de Socoura", 1000, 300),
    ):
        app = laptop(base / f"{code}.db")
        uow, ctx = app.uow, app.ctx
        services.add_facility(
            uow(), new_facility(CSREF, "CSRéf de Mopti", "CSRef", "Mopti", "Mopti")
        )
        services.add_facility(uow(), new_facility(code, name, "CSCom", "Mopti", "Mopti", CSREF))
        services.receive_stock(
            uow(),
            ctx,
            code,
            date(2026, 8, 2),
            [ReceiptLine("RUTF", received, "C1", date(2028, 3, 31))],
        )
        for month in (8, 9, 10):
            services.dispense(uow(), ctx, code, "RUTF", dispensed, date(2026, month, 20))
        periods = (AUGUST, OCTOBER) if code == SEVARE else (OCTOBER,)
        for period in periods:
            draft = compute_requisition(uow(), ctx, code, period)
            approved = approve_requisition(uow(), ctx, draft, f"DTC {name}")
            paths[f"{code}-{period:%m}"] = write_requisition_workbook(
                approved, folder / f"RR_{code}_{period:%Y-%m}.xlsx"
            )
    edited = folder / f"RR_{SOCOURA}_2026-10_modifie.xlsx"
    shutil.copy(paths[f"{SOCOURA}-10"], edited)
    book = openpyxl.load_workbook(edited)
    sheet = book[DATA_SHEET]
    for row in sheet.iter_rows():
        if row[0].value == "record_uuid" and row[1].value == "product_code":
            header = [c.value for c in row]
            sheet.cell(row=row[0].row + 1, column=header.index("requested") + 1).value = 3000
            break
    book.save(edited)
    (folder / "lisez-moi.txt").write_text("pas un classeur", encoding="utf-8")
    return Workbooks(
        folder, paths[f"{SEVARE}-08"], paths[f"{SEVARE}-10"], paths[f"{SOCOURA}-10"], edited
    )


@pytest.fixture
def app(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The CSRéf's laptop: only itself in its database. 900 sachets of lot EARLY (expiring
    February 2027) and 1500 of lot LATE; 150 dispensed in September and in October, EARLY
    first: 2100 usable today, just what the two CSComs request."""
    app = laptop(tmp_path / "csref.db")
    uow, ctx = app.uow, app.ctx
    services.add_facility(uow(), new_facility(CSREF, "CSRéf de Mopti", "CSRef", "Mopti", "Mopti"))
    services.receive_stock(
        uow(),
        ctx,
        CSREF,
        date(2026, 9, 1),
        [
            ReceiptLine("RUTF", 900, "EARLY", date(2027, 2, 28)),
            ReceiptLine("RUTF", 1500, "LATE", date(2027, 12, 31)),
        ],
    )
    services.dispense(uow(), ctx, CSREF, "RUTF", 150, date(2026, 9, 15))
    services.dispense(uow(), ctx, CSREF, "RUTF", 150, date(2026, 10, 15))
    return app


def shown_tab(qtbot, app) -> DistrictRequisitionTab:  # type: ignore[no-untyped-def]
    tab = DistrictRequisitionTab(app)
    qtbot.addWidget(tab)
    tab.resize(1150, 720)
    tab.set_facility(CSREF)
    assert not tab.is_busy()  # hidden: nothing is loaded until shown
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        tab.show()
    return tab


def imported(qtbot, tab: DistrictRequisitionTab, workbooks: Workbooks) -> None:  # type: ignore[no-untyped-def]
    """The whole folder, as the pharmacist imports it; then the review of October."""
    assert tab.import_folder(workbooks.folder)
    assert tab.is_importing() and tab.progress_row.isVisibleTo(tab)
    assert plain(tab.progress_bar.text()) == "0 / 4 fichiers"
    qtbot.waitUntil(lambda: not tab.is_importing() and not tab.is_busy(), timeout=WAIT)
    assert tab.progress_row.isHidden()


@pytest.fixture
def tab(qtbot, app, workbooks) -> DistrictRequisitionTab:  # type: ignore[no-untyped-def]
    tab = shown_tab(qtbot, app)
    imported(qtbot, tab, workbooks)
    return tab


def matrix_value(tab: DistrictRequisitionTab, column: int, code: str = "RUTF") -> str:
    model = tab.matrix_model
    return plain(model.index(model.row_of(code), column).data())


def edit_approved(qtbot, tab: DistrictRequisitionTab, facility: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """As a user does: go to the cell, F2, type, Enter."""
    model = tab.matrix_model
    index = model.index(model.row_of("RUTF"), model.approved_column(facility))
    tab.matrix.setFocus()
    tab.matrix.setCurrentIndex(index)
    qtbot.keyClick(tab.matrix, Qt.Key.Key_F2)
    editor = tab.matrix.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.matrix.indexWidget(index) is None)


def raise_sevare(qtbot, tab: DistrictRequisitionTab) -> CommentDialog:  # type: ignore[no-untyped-def]
    """Sévaré gets a carton more than it asked for: 1350, with the reason."""
    edit_approved(qtbot, tab, SEVARE, "1 350")
    dialog = tab.comment_dialog
    assert isinstance(dialog, CommentDialog) and dialog.isVisible()
    assert not dialog.save_button.isEnabled()  # no comment, no approval
    dialog.comment.setText("   ")
    assert not dialog.save_button.isEnabled()
    dialog.comment.setText("Afflux de patients à Sévaré")
    shot(dialog, "district-comment.png")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        dialog.save_button.click()
    return dialog


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # the layout after the last change
    assert widget.grab().save(str(SHOTS / name))


# --- importing ------------------------------------------------------------------------------


def test_a_folder_imports_in_the_background_with_each_files_outcome(qtbot, tab, workbooks):
    results = tab.results_model
    assert tab.results_panel.isVisibleTo(tab)
    # the four workbooks, by name; the text file is not a workbook and is left alone
    assert [results.result(n).file for n in range(results.rowCount())] == [
        "RR_CSCOM-SEV_2026-08.xlsx",
        "RR_CSCOM-SEV_2026-10.xlsx",
        "RR_CSCOM-SOC_2026-10.xlsx",
        "RR_CSCOM-SOC_2026-10_modifie.xlsx",
    ]
    assert plain(tab.results_summary.text()) == (
        "4 fichiers : 3 importés, 1 refusé ; 1 avec signalements (en orange) ; "
        "2 établissements ajoutés"
    )
    good = results.row_of("RR_CSCOM-SOC_2026-10.xlsx")
    assert results.index(good, OUTCOME).data() == "Importée"
    assert plain(results.index(good, 2).data()) == "CSCom de Socoura (CSCOM-SOC)"
    assert plain(results.index(good, 3).data()) == "octobre 2026 R&R n° 1"
    assert results.index(good, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    refused = results.row_of("RR_CSCOM-SOC_2026-10_modifie.xlsx")
    assert results.index(refused, OUTCOME).data() == "Refusée (rien n'est importé)"
    assert results.index(refused, FILE).data(Qt.ItemDataRole.ForegroundRole) == REFUSED_COLOUR
    details = results.index(refused, DETAILS).data().split("\n")
    checksum = next(line for line in details if "somme de contrôle" in line)
    # the problem says where: the file, the data sheet, its row and column
    assert checksum.startswith(f"RR_CSCOM-SOC_2026-10_modifie.xlsx, feuille {DATA_SHEET}, ligne ")
    assert ", colonne B : " in checksum and "exporter de nouveau" in checksum

    flagged = results.row_of("RR_CSCOM-SEV_2026-10.xlsx")
    assert plain(results.index(flagged, OUTCOME).data()) == "Importée 2 signalements"
    assert results.index(flagged, FILE).data(Qt.ItemDataRole.ForegroundRole) == FLAGGED_COLOUR
    flags = [x for x in results.index(flagged, DETAILS).data().split("\n") if x.startswith("⚠")]
    assert len(flags) == 2
    assert any("la réquisition de septembre 2026 manque" in x for x in flags)
    assert any("colonne" in x and "stock initial A" in x for x in flags)
    shot(tab, "district-import-results.png")


def test_importing_the_same_folder_again_changes_nothing(qtbot, tab, workbooks):
    imported(qtbot, tab, workbooks)
    assert plain(tab.results_summary.text()) == (
        "4 fichiers : 0 importé, 3 déjà importés, 1 refusé"
    )
    outcomes = [r.outcome for r in tab.results_model.results]
    assert outcomes.count(ImportOutcome.DUPLICATE) == 3


def test_several_files_can_be_chosen_and_the_import_can_be_stopped(qtbot, app, workbooks):
    tab = shown_tab(qtbot, app)
    paths = [workbooks.sevare, workbooks.socoura, workbooks.edited, workbooks.sevare_august]
    with qtbot.waitSignal(tab.import_finished, timeout=WAIT):
        assert tab.import_paths(paths)
        assert not tab.import_paths(paths)  # one import at a time
        tab.cancel_import()
        assert not tab.cancel_button.isEnabled()
        assert "Arrêt après le fichier en cours" in tab.progress_label.text()
    done = tab.results_model.rowCount()
    assert done < len(paths)
    assert f"import arrêté : {len(paths) - done} non essayé(s)" in tab.results_summary.text()
    with app.uow() as uow:  # the files done before the stop are kept, the others not tried
        assert len(uow.requisitions.imports()) == done


def test_the_months_are_those_of_the_requisitions_and_the_last_complete_one(qtbot, tab):
    months = [tab.month_box.itemText(n) for n in range(tab.month_box.count())]
    assert months == ["octobre 2026", "août 2026"]
    assert tab.period == OCTOBER  # the last complete month, as before the import
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        tab.month_box.setCurrentIndex(1)
    facilities = tab.facility_model
    statuses = {
        facilities.facility(n).code: facilities.index(n, F_STATUS).data()
        for n in range(facilities.rowCount())
    }
    assert statuses == {SEVARE: "reçue", SOCOURA: "non reçue"}
    assert tab.matrix_model.facilities[0].code == SEVARE  # only those received have columns
    assert tab.matrix_model.columnCount() == 6 + 2


def test_files_of_one_other_month_show_that_month(qtbot, app, workbooks):
    tab = shown_tab(qtbot, app)
    assert tab.period == OCTOBER
    with qtbot.waitSignal(tab.import_finished, timeout=WAIT):
        tab.import_paths([workbooks.sevare_august])
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=WAIT)
    assert tab.period == AUGUST and tab.month_box.currentText() == "août 2026"
    assert plain(tab.results_summary.text()) == (
        "1 fichier : 1 importé, 0 refusé ; 1 établissement ajouté"
    )
    assert tab.facility_model.rowCount() == 1


def test_an_unknown_facility_says_so_instead_of_a_review(qtbot, app):
    tab = shown_tab(qtbot, app)
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        tab.set_facility("INCONNU")
    assert tab.pages.currentWidget() is tab.empty
    assert "INCONNU" in tab.empty.text()
    assert not tab.district_button.isEnabled() and not tab.delivery_button.isEnabled()


def test_a_folder_without_workbooks_says_what_to_choose(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    empty = tmp_path / "vide"
    empty.mkdir()
    assert not tab.import_folder(empty)
    assert "Aucun classeur .xlsx" in tab.message.text()
    assert not tab.is_importing()


# --- the review -----------------------------------------------------------------------------


def test_a_depot_supplying_nobody_says_how_to_set_the_supplier(qtbot, app):
    tab = shown_tab(qtbot, app)
    assert tab.pages.currentWidget() is tab.empty
    text = plain(tab.empty.text())
    assert "CSRéf de Mopti (CSREF-MOP) n'approvisionne aucun établissement" in text
    assert "Paramètres › Établissement" in text and "Fournisseur : CSRéf de Mopti" in text
    assert not tab.delivery_button.isEnabled()
    assert tab.import_button.isEnabled()  # importing their requisitions adds them
    shot(tab, "district-nobody.png")


def test_the_review_lists_every_supplied_facility_and_its_flags(qtbot, app, tab):
    # A third CSCom names the CSRéf as supplier but sent nothing: "non reçue".
    services.add_facility(
        app.uow(), new_facility("CSCOM-FAT", "CSCom de Fatoma", "CSCom", "Mopti", "Mopti", CSREF)
    )
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        tab.refresh()
    facilities = tab.facility_model
    assert [facilities.facility(n).code for n in range(facilities.rowCount())] == [
        "CSCOM-FAT",
        SEVARE,
        SOCOURA,
    ]
    fatoma, sevare, socoura = range(3)
    assert facilities.index(fatoma, F_STATUS).data() == "non reçue"
    assert facilities.index(fatoma, F_NUMBER).data() == "—"
    assert facilities.index(sevare, F_NUMBER).data() == "2"  # its August R&R was n° 1
    assert facilities.index(sevare, F_FLAGS).data() == "2"
    assert facilities.index(socoura, F_FLAGS).data() == "0"
    assert plain(tab.status.text()) == (
        "CSRéf de Mopti (CSREF-MOP) · Octobre 2026 · 2 réquisitions reçues sur 3 · ⚠ 2 signalements"
    )

    tab.select_facility(SEVARE)
    assert "R&R n° 2, approuvée par DTC CSCom de Sévaré" in tab.flags_title.text()
    flags = tab.flags_view.toPlainText().split("\n")
    assert len(flags) == 2 and all(x.startswith("⚠ ") for x in flags)
    assert "⚠ La réquisition de septembre 2026 manque" in flags[0]
    assert flags[1] == (
        "⚠ RUTF : le stock initial A (600) n'est pas le stock final E d'août 2026 (1050) ; "
        "écart -450."
    )
    tab.select_facility("CSCOM-FAT")
    assert "d'octobre 2026 non reçue" in tab.flags_view.toPlainText()
    assert "importez-la" in tab.flags_view.toPlainText()
    tab.select_facility(SOCOURA)
    assert tab.flags_view.toPlainText().startswith("Aucun signalement")


def test_the_matrix_shows_requests_approvals_and_the_depot_stock(tab):
    model = tab.matrix_model
    assert model.rowCount() == 1 and model.product(0).product_code == "RUTF"
    headers = [
        plain(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    assert headers[6:] == [
        "CSCOM-SEV demandé",
        "CSCOM-SEV approuvé ✎",
        "CSCOM-SOC demandé",
        "CSCOM-SOC approuvé ✎",
    ]
    assert matrix_value(tab, model.requested_column(SEVARE)) == "1 200"
    assert matrix_value(tab, model.approved_column(SEVARE)) == "1 200"
    assert matrix_value(tab, model.requested_column(SOCOURA)) == "900"
    assert matrix_value(tab, model.approved_column(SOCOURA)) == "900"
    # 1200 + 900 requested and approved; 900 + 1500 − 300 dispensed = 2100 usable: just enough
    assert (
        matrix_value(tab, M_REQUESTED),
        matrix_value(tab, M_APPROVED),
        matrix_value(tab, M_USABLE),
    ) == ("2 100", "2 100", "2 100")
    assert tab.banner.isHidden()
    row = model.row_of("RUTF")
    assert model.flags(model.index(row, model.approved_column(SEVARE))) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, model.requested_column(SEVARE))) & (
        Qt.ItemFlag.ItemIsEditable
    )
    assert not model.flags(model.index(row, M_APPROVED)) & Qt.ItemFlag.ItemIsEditable


def test_the_product_stays_in_view_next_to_the_last_facilitys_approval(qtbot, tab):
    """Code, Produit and Unité stay on the left when the matrix scrolls to the last column."""
    tab.resize(820, 720)
    matrix = tab.matrix
    model = tab.matrix_model
    qtbot.waitUntil(lambda: matrix.horizontalScrollBar().maximum() > 0)
    assert matrix.frozen_columns() == M_UNIT + 1
    approved = model.index(model.row_of("RUTF"), model.approved_column(SOCOURA))
    matrix.setFocus()
    matrix.setCurrentIndex(approved)
    assert matrix.horizontalScrollBar().value() == matrix.horizontalScrollBar().maximum()
    rect = matrix.visualRect(approved)
    assert rect.left() >= matrix.frozen_width() > 0
    assert rect.right() <= matrix.viewport().rect().right()
    frozen = matrix.frozen_view
    for column, text in ((M_CODE, "RUTF"), (M_NAME, "ATPE"), (M_UNIT, "sachets")):
        cell = frozen.visualRect(model.index(approved.row(), column))
        assert frozen.viewport().rect().contains(cell)
        assert plain(matrix.indexAt(cell.center()).data()).startswith(text)
    qtbot.keyClick(matrix, Qt.Key.Key_F2)
    assert isinstance(matrix.indexWidget(approved), QLineEdit)
    qtbot.keyClick(matrix.indexWidget(approved), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: matrix.indexWidget(approved) is None)


def test_approving_more_needs_a_comment_and_warns_beyond_the_depot_stock(qtbot, app, tab):
    raise_sevare(qtbot, tab)
    model = tab.matrix_model
    assert matrix_value(tab, model.approved_column(SEVARE)) == "1 350"
    assert matrix_value(tab, model.requested_column(SEVARE)) == "1 200"
    assert matrix_value(tab, M_APPROVED) == "2 250"
    row = model.row_of("RUTF")
    assert model.index(row, M_APPROVED).data(Qt.ItemDataRole.BackgroundRole) == OVER_BACKGROUND
    assert model.index(row, M_USABLE).data(Qt.ItemDataRole.BackgroundRole) == OVER_BACKGROUND
    tooltip = model.index(row, model.approved_column(SEVARE)).data(Qt.ItemDataRole.ToolTipRole)
    assert "Commentaire du dépôt : Afflux de patients à Sévaré" in tooltip
    # the banner, kept after the review was loaded again
    assert tab.banner.isVisibleTo(tab)
    banner = plain(tab.banner.text())
    assert "Quantités approuvées au-delà du stock utilisable du dépôt" in banner
    assert "RUTF" in banner and "2 250" in banner.replace("\u202f", " ") and "2 100" in banner
    assert "réduisez les quantités approuvées" in banner
    assert "CSCOM-SEV, RUTF : 1 350 approuvé(s)." in plain(tab.message.text())
    facilities = tab.facility_model
    assert facilities.index(facilities.row_of(SEVARE), F_STATUS).data() == (
        "reçue · 1 quantité modifiée"
    )
    tab.hide_results_button.click()
    tab.select_facility(SEVARE)
    shot(tab, "district-review.png")

    # Socoura a carton less: back within the depot's stock, no comment needed? It differs
    # from its request, so a comment is asked again; the banner goes once it is stored.
    edit_approved(qtbot, tab, SOCOURA, "750")
    dialog = tab.comment_dialog
    assert isinstance(dialog, CommentDialog)
    dialog.comment.setText("Stock du dépôt")
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        dialog.save_button.click()
    assert matrix_value(tab, M_APPROVED) == "2 100"
    assert tab.banner.isHidden()

    # Back to what Sévaré requested: no comment asked, stored at once.
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        edit_approved(qtbot, tab, SEVARE, "1200")
    assert tab.comment_dialog is None
    assert matrix_value(tab, model.approved_column(SEVARE)) == "1 200"


def test_a_cancelled_comment_stores_nothing(qtbot, app, tab):
    edit_approved(qtbot, tab, SEVARE, "0")
    dialog = tab.comment_dialog
    assert isinstance(dialog, CommentDialog)
    dialog.cancel_button.click()
    assert tab.comment_dialog is None
    assert matrix_value(tab, tab.matrix_model.approved_column(SEVARE)) == "1 200"
    with app.uow() as uow:
        assert uow.district.approved(CSREF, OCTOBER) == []


def test_what_is_not_a_quantity_is_refused_with_what_to_type(qtbot, tab):
    edit_approved(qtbot, tab, SEVARE, "1,5")
    assert tab.comment_dialog is None
    text = tab.message.text()
    assert text.startswith("⚠ CSCOM-SEV, RUTF – quantité approuvée : ")
    assert "sans point ni virgule" in text


def test_parse_approved():
    assert parse_approved("1 350") == 1350
    assert parse_approved("1\u202f350") == 1350
    assert parse_approved("  ") is None
    for wrong in ("-5", "1.350", "beaucoup"):
        with pytest.raises(QuantityInputError):
            parse_approved(wrong)


# --- the depot's requisition ------------------------------------------------------------------


def test_the_district_requisition_is_approved_and_exported_one_level_up(qtbot, app, tab, tmp_path):
    raise_sevare(qtbot, tab)  # 1350 + 900 = 2250 approved for the CSComs
    dialog = tab.open_district_requisition()
    assert isinstance(dialog, DistrictRequisitionDialog) and dialog.isVisible()
    assert dialog.suggested_name() == "RR_CSREF-MOP_2026-10.xlsx"
    row = dialog.model.row_of("RUTF")
    assert plain(dialog.model.index(row, R_DOWNSTREAM).data()) == "2 250"
    # own AMC 150 → max 450; + 2250 approved − 2100 usable − 0 on order = 600 → 4 cartons
    assert plain(dialog.model.index(row, R_REQUESTED).data()) == "600"
    assert dialog.approve_button.isVisible() and not dialog.export_button.isVisible()
    shot(dialog, "district-requisition.png")

    dialog.name.setText("")
    dialog.approve_button.click()  # no name: said before any file is asked for
    assert "nom du pharmacien" in dialog.message.text()

    dialog.name.setText("Dr Koné, pharmacien")
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        written = dialog.approve_and_export(tmp_path / "RR_CSREF-MOP_2026-10")
    assert written == tmp_path / "RR_CSREF-MOP_2026-10.xlsx"
    assert "Réquisition n° 1 enregistrée" in dialog.message.text()
    assert not dialog.approve_button.isVisible() and dialog.export_button.isVisible()
    assert "Approuvée — n° 1, par Dr Koné, pharmacien" in dialog.status.text()

    read = read_requisition_workbook(written)
    assert read.checksum_matches and read.requisition is not None
    assert read.requisition.facility_code == CSREF and read.requisition.period == OCTOBER
    assert read.requisition.sequence == 1 and read.requisition.approved_by == "Dr Koné, pharmacien"
    assert read.requisition.line("RUTF").downstream == 2250
    assert read.requisition.line("RUTF").requested == 600
    assert "R&R du district n° 1 approuvée" in tab.status.text()
    dialog.close_button.click()

    # Opened again: the stored one, read-only, to export again.
    again = tab.open_district_requisition()
    assert isinstance(again, DistrictRequisitionDialog)
    assert again.is_approved and not again.approve_button.isVisible()
    assert again.export_button.isVisible() and again.export_button.isEnabled()
    assert again.export(tmp_path / "copie.xlsx") == tmp_path / "copie.xlsx"
    assert read_requisition_workbook(tmp_path / "copie.xlsx").requisition == read.requisition
    assert again.export(tmp_path / "absent" / "x.xlsx") is None
    assert "impossible d'écrire" in again.message.text()


# --- delivery notes ----------------------------------------------------------------------------


def test_delivery_notes_preview_fefo_issue_and_export(qtbot, app, tab, tmp_path):
    raise_sevare(qtbot, tab)  # 1350 + 900 = 2250 approved, 2100 usable: 150 short
    dialog = tab.open_delivery_notes()
    assert isinstance(dialog, DeliveryNotesDialog) and dialog.isVisible()
    model = dialog.model
    rows = [
        (
            plain(model.index(n, D_FACILITY).data()),
            model.index(n, D_LOT).data(),
            plain(model.index(n, D_QUANTITY).data()),
            plain(model.index(n, D_REMARK).data()),
        )
        for n in range(model.rowCount())
    ]
    # Sévaré first (code order): the 600 left of EARLY, then LATE; Socoura what remains.
    assert rows == [
        ("CSCom de Sévaré (CSCOM-SEV)", "EARLY", "600 sachets (4 cartons)", ""),
        ("", "LATE", "750 sachets (5 cartons)", ""),
        ("CSCom de Socoura (CSCOM-SOC)", "LATE", "750 sachets (5 cartons)", ""),
        ("", "", "", "150 sachets (approuvé 900, livré 750)"),
    ]
    assert "le dépôt ne peut pas tout livrer pour : RUTF" in dialog.summary.text()
    shot(dialog, "district-delivery.png")

    folder = tmp_path / "bons"
    folder.mkdir()
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        written = dialog.issue_and_export(folder)
    assert sorted(p.name for p in written) == [
        "BL-CSREF-MOP-2026-10-CSCOM-SEV.xlsx",
        "BL-CSREF-MOP-2026-10-CSCOM-SOC.xlsx",
    ]
    assert all(p.exists() for p in written)
    message = plain(dialog.message.text())
    assert message.startswith("✔ 2 bons de livraison établi(s) ; 2 enregistré(s) dans ")
    assert str(folder) in message

    with app.uow() as uow:
        stored = {s.note.to_code: s.note for s in uow.district.notes("out", period=OCTOBER)}
        outs = [
            m for m in uow.ledger.movements(CSREF, "RUTF") if m.kind is MovementKind.TRANSFER_OUT
        ]
    assert sum(-m.quantity for m in outs) == 2100  # everything usable left the depot
    for path in written:
        read = read_delivery_workbook(path)
        assert read.checksum_matches and not read.problems and read.note is not None
        assert read.note == stored[read.note.to_code]
    socoura = read_delivery_workbook(folder / "BL-CSREF-MOP-2026-10-CSCOM-SOC.xlsx").note
    assert socoura is not None
    assert [(s.approved, s.shipped) for s in socoura.shortfalls] == [(900, 750)]

    # Nothing left to issue; the issued notes can be written again.
    assert not dialog.issue_button.isVisible() and dialog.export_again_button.isVisible()
    assert dialog.summary.text() == "Tous les bons de livraison du mois sont établis."
    assert "2 bons établis" in tab.status.text()
    assert tab.banner.isHidden()  # the stock went to the facilities: no shortage to warn of
    again = tmp_path / "copie"
    again.mkdir()
    assert len(dialog.export_issued(again)) == 2
    assert (again / "BL-CSREF-MOP-2026-10-CSCOM-SEV.xlsx").exists()


# --- models ------------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, tab):
    for model in (tab.results_model, tab.facility_model, tab.matrix_model):
        qtmodeltester.check(model, force_py=True)
    for empty in (ImportResultsModel(), ReviewFacilityModel(), MatrixModel()):
        qtmodeltester.check(empty, force_py=True)


def test_the_tab_fits_the_screens_tab_contract(qtbot, app, monkeypatch):
    """What gui/requisition/screen.py asks of a tab: built from the application, with
    set_facility(), refresh(), data_changed and status_message."""
    from gui.requisition import screen as screen_module

    entry = ("district", DistrictRequisitionTab, "District")
    monkeypatch.setattr(screen_module, "TABS", (*screen_module.TABS, entry))
    screen = screen_module.RequisitionScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1150, 700)
    screen.set_facility(CSREF)
    screen.show()
    tab = screen.tab("district")
    assert isinstance(tab, DistrictRequisitionTab) and tab.data is None  # hidden: not loaded
    with qtbot.waitSignal(tab.review_shown, timeout=WAIT):
        screen.show_tab("district")
    assert tab.data is not None and tab.data.depot_code == CSREF
    assert [screen.tabs.tabText(n) for n in range(screen.tabs.count())][-1] == "District"
