"""The R&R of a facility and month: computed from the ledger, edited, approved (which closes the
period in the ledger), exported to a workbook and read back."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, datetime

import openpyxl
import pytest

from core import services
from core.errors import DomainError
from core.exchange.requisition_workbook import (
    DATA_SHEET,
    PRINT_SHEET,
    read_requisition_workbook,
    requisition_data,
    write_requisition_workbook,
)
from core.importing import import_movements
from core.ledger import Reason
from core.orders import StockOrder, add_order
from core.requisition import RequisitionStatus, edit_line
from core.requisition_services import (
    approve_requisition,
    compute_requisition,
    list_requisitions,
    requisition_for,
)
from core.services import Context, CountLine, ReceiptLine
from db.engine import Database
from db.uow import SqlAlchemyUnitOfWork

BACKENDS = ("sqlite", "postgresql")
OCTOBER = date(2026, 10, 1)


def worked_example(uow: SqlAlchemyUnitOfWork, ctx: Context, cscom: str) -> None:
    """DOMAIN.md §2: adjusted consumption 520 in August, 580 in September; in October A=300,
    B=450, D=−10 (expired), counted E=140, so C=600."""
    services.receive_stock(
        uow, ctx, cscom, date(2026, 8, 1), [ReceiptLine("RUTF", 1000, "L1", date(2028, 1, 31))]
    )
    services.dispense(uow, ctx, cscom, "RUTF", 520, date(2026, 8, 15), lot="L1")
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 9, 1),
        [
            ReceiptLine("RUTF", 390, "L1", date(2028, 1, 31)),
            ReceiptLine("RUTF", 10, "L0", date(2026, 10, 5)),
        ],
    )
    services.dispense(uow, ctx, cscom, "RUTF", 580, date(2026, 9, 15), lot="L1")
    services.receive_stock(
        uow, ctx, cscom, date(2026, 10, 2), [ReceiptLine("RUTF", 450, "L1", date(2028, 1, 31))]
    )
    services.record_loss(uow, ctx, cscom, "RUTF", 10, Reason.EXPIRED, date(2026, 10, 10), "L0")
    services.dispense(uow, ctx, cscom, "RUTF", 600, date(2026, 10, 20))
    services.record_count(uow, ctx, cscom, date(2026, 10, 31), [CountLine("RUTF", 140)])


def test_the_rr_of_the_worked_example(uow, ctx, facilities) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    draft = compute_requisition(uow, ctx, cscom, OCTOBER)
    assert draft.status is RequisitionStatus.DRAFT and draft.sequence is None
    assert (draft.facility_code, draft.district, draft.region) == (cscom, "Mopti", "Mopti")
    (line,) = draft.lines  # only the products the facility stocks
    r = line.report
    assert (r.beginning_balance, r.received, r.consumed, r.adjustments, r.stock_on_hand) == (
        300,
        450,
        600,
        -10,
        140,
    )
    assert r.identity_holds and r.stockout_days == 0 and line.adjusted_consumption == 600
    assert (line.usable_stock, line.amc, line.max_quantity) == (140, 567, 1701)
    assert line.needed == 1561
    assert (line.calculated, line.calculated_packs) == (1650, 11)  # 11 cartons of 150
    assert line.requested == line.calculated and line.record_uuid
    # The stock screen at the end of the month says the same.
    (stock,) = services.facility_stock(uow, cscom, date(2026, 10, 31), product_codes=["RUTF"])
    assert (stock.amc, stock.order_quantity) == (line.amc, line.calculated)


def test_stock_on_order_lowers_the_calculated_quantity(uow, ctx, facilities) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    add_order(uow, ctx, StockOrder(cscom, "RUTF", 600, date(2026, 12, 5)))
    (line,) = compute_requisition(uow, ctx, cscom, OCTOBER).lines
    assert line.on_order == 600 and line.needed == 961 and line.calculated_packs == 7


def test_a_month_not_over_has_no_requisition(uow, ctx, facilities) -> None:
    _, cscom = facilities
    with pytest.raises(DomainError, match="n'est pas terminé"):
        compute_requisition(uow, ctx, cscom, date(2026, 11, 1))


def test_a_requested_quantity_different_from_calculated_needs_a_justification(
    uow, ctx, facilities
) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    draft = compute_requisition(uow, ctx, cscom, OCTOBER)
    with pytest.raises(DomainError, match="justification"):
        edit_line(draft, "RUTF", requested=2000)
    with pytest.raises(DomainError, match="justification"):  # nor at approval
        approve_requisition(
            uow, ctx, replace(draft, lines=(replace(draft.lines[0], requested=1),)), "Dr Traoré"
        )
    edited = edit_line(
        draft, "RUTF", requested=2000, justification="Campagne de dépistage de masse en novembre"
    )
    line = edited.lines[0]
    assert (line.requested, line.requested_packs) == (2100, 14)  # rounded up to whole cartons
    back = edit_line(edited, "RUTF", requested=1650, justification="")
    assert back.lines[0].requested == 1650  # equal to calculated again: no justification needed


def test_approval_stores_the_rr_and_locks_the_period(database: Database, uow, ctx, facilities):
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    draft = edit_line(
        compute_requisition(uow, ctx, cscom, OCTOBER), "RUTF", remarks="Magasin rangé"
    )
    with pytest.raises(DomainError, match="nom du directeur"):
        approve_requisition(uow, ctx, draft, "  ")
    approved = approve_requisition(uow, ctx, draft, "Dr Aminata Traoré")
    assert approved.status is RequisitionStatus.APPROVED and approved.sequence == 1
    assert approved.created_at == datetime(2026, 11, 21, 12, 0)
    stored = requisition_for(SqlAlchemyUnitOfWork(database.engine), ctx, cscom, OCTOBER)
    assert stored == approved  # figures, texts, UUIDs and stamps as approved
    assert [r.sequence for r in list_requisitions(uow, cscom)] == [1]
    with pytest.raises(DomainError, match="déjà approuvée"):
        approve_requisition(uow, ctx, draft, "Dr Aminata Traoré")

    # Any entry dated in the closed period, or before it, is refused with what to do.
    with pytest.raises(DomainError, match="Datez la correction dans la période en cours") as exc:
        services.dispense(uow, ctx, cscom, "RUTF", 5, date(2026, 10, 25))
    assert "à partir du 01/11/2026" in str(exc.value)
    with pytest.raises(DomainError, match="close"):
        services.record_count(uow, ctx, cscom, date(2026, 9, 30), [CountLine("RUTF", 100)])
    with pytest.raises(DomainError, match="close"):
        services.receive_stock(
            uow, ctx, cscom, date(2026, 10, 31), [ReceiptLine("RUTF", 5, "L1", date(2028, 1, 31))]
        )
    # A transfer into it from another facility is refused too (all or nothing).
    csref, _ = facilities
    services.receive_stock(
        uow, ctx, csref, date(2026, 10, 1), [ReceiptLine("RUTF", 50, "L1", date(2028, 1, 31))]
    )
    with pytest.raises(DomainError, match="close"):
        services.transfer_stock(uow, ctx, csref, cscom, "RUTF", 10, date(2026, 10, 15))
    # Dated after the period: accepted, and the approved R&R does not change.
    services.dispense(uow, ctx, cscom, "RUTF", 5, date(2026, 11, 2))
    services.transfer_stock(uow, ctx, csref, cscom, "RUTF", 10, date(2026, 11, 3))
    (line,) = services.facility_stock(uow, cscom, date(2026, 11, 21), product_codes=["RUTF"])
    assert line.soh == 145
    assert requisition_for(uow, ctx, cscom, OCTOBER) == approved
    # A reversal is dated the day it is made: it goes through.
    movement = services.product_stock_card(uow, cscom, "RUTF")[-1].movement
    services.reverse_movement(uow, ctx, movement.uuid, "saisie en double")
    # The next month gets the next sequence number.
    later = Context("poste-test", "dtc", clock=lambda: datetime(2026, 12, 1, 9, 0))
    november = approve_requisition(
        uow, later, compute_requisition(uow, later, cscom, date(2026, 11, 1)), "Dr Traoré"
    )
    assert november.sequence == 2 and november.lines[0].report.beginning_balance == 140


def test_an_import_row_in_a_closed_period_imports_nothing(uow, ctx, facilities, tmp_path):
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    approve_requisition(uow, ctx, compute_requisition(uow, ctx, cscom, OCTOBER), "Dr Traoré")
    path = tmp_path / "mouvements.csv"
    path.write_text(
        "Date;Établissement;Produit;Mouvement;Quantité;Lot;Péremption;Motif;Référence\n"
        f"05/11/2026;{cscom};RUTF;Dispensation;5;;;;\n"
        f"30/10/2026;{cscom};RUTF;Dispensation;5;;;;\n",
        encoding="utf-8",
    )
    result = import_movements(uow, ctx, path)
    assert not result.committed
    assert [p.row for p in result.problems] == [3]
    assert "période en cours" in result.problems[0].message
    (line,) = services.facility_stock(uow, cscom, date(2026, 11, 21), product_codes=["RUTF"])
    assert line.soh == 140


def test_a_stale_draft_is_not_approved(uow, ctx, facilities) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    draft = compute_requisition(uow, ctx, cscom, OCTOBER)
    services.dispense(uow, ctx, cscom, "RUTF", 10, date(2026, 10, 30))
    with pytest.raises(DomainError, match="recalculez"):
        approve_requisition(uow, ctx, draft, "Dr Traoré")


# --- the workbook ---------------------------------------------------------------------------


@pytest.fixture
def approved(uow, ctx, facilities):
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    services.receive_stock(
        uow, ctx, cscom, date(2026, 10, 3), [ReceiptLine("AMOX250D", 1000, "A1", date(2028, 1, 31))]
    )
    services.dispense(uow, ctx, cscom, "AMOX250D", 300, date(2026, 10, 12))
    draft = compute_requisition(uow, ctx, cscom, OCTOBER)
    draft = edit_line(
        draft,
        "AMOX250D",
        requested=2000,
        justification='=HYPERLINK("http://x";"clic")',
        remarks="+33 612 ; -5 ; @moi",
    )
    return approve_requisition(uow, ctx, draft, "=Dr Traoré")


def test_export_and_read_back_round_trip(approved, tmp_path) -> None:
    path = write_requisition_workbook(approved, tmp_path / "rr.xlsx")
    found = read_requisition_workbook(path)
    assert found.problems == [] and found.checksum_matches
    assert found.requisition is not None
    assert requisition_data(found.requisition) == requisition_data(approved)
    assert found.requisition.lines == approved.lines
    assert (found.requisition.sequence, found.requisition.period) == (1, OCTOBER)


def test_no_cell_is_a_formula_and_user_text_stays_text(approved, tmp_path) -> None:
    path = write_requisition_workbook(approved, tmp_path / "rr.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [PRINT_SHEET, DATA_SHEET]
    texts = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert any(t.startswith("=HYPERLINK") for t in texts)  # kept as the text typed
    assert any(t == "=Dr Traoré" for t in texts)
    sheet = workbook[PRINT_SHEET]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)


def test_a_hand_edited_cell_breaks_the_checksum(approved, tmp_path) -> None:
    path = write_requisition_workbook(approved, tmp_path / "rr.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DATA_SHEET]
    header = next(r for r in range(1, 40) if sheet.cell(r, 1).value == "record_uuid" and r > 18)
    requested = [c.value for c in sheet[header]].index("requested") + 1
    sheet.cell(header + 1, requested).value = 9999
    workbook.save(path)
    found = read_requisition_workbook(path)
    assert found.problems == [] and not found.checksum_matches
    assert found.requisition is not None and found.requisition.lines[0].requested == 9999


def test_truncated_and_non_excel_files_are_refused_clearly(approved, tmp_path) -> None:
    path = write_requisition_workbook(approved, tmp_path / "rr.xlsx")
    data = path.read_bytes()
    truncated = tmp_path / "tronque.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    text = tmp_path / "texte.xlsx"
    text.write_text("Ceci n'est pas un classeur\n", encoding="utf-8")
    for bad in (truncated, text):
        found = read_requisition_workbook(bad)
        assert found.requisition is None and not found.checksum_matches
        (problem,) = found.problems
        assert "n'est pas un classeur Excel .xlsx lisible" in problem.message
    other = tmp_path / "autre.xlsx"
    openpyxl.Workbook().save(other)
    (problem,) = read_requisition_workbook(other).problems
    assert "Données" in problem.message


def test_a_draft_exports_marked_brouillon(uow, ctx, facilities, tmp_path) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    draft = compute_requisition(uow, ctx, cscom, OCTOBER)
    path = write_requisition_workbook(draft, tmp_path / "brouillon.xlsx")
    sheet = openpyxl.load_workbook(path)[PRINT_SHEET]
    assert "BROUILLON" in str(sheet["A1"].value)
    found = read_requisition_workbook(path)
    assert found.checksum_matches and found.requisition is not None
    assert found.requisition.status is RequisitionStatus.DRAFT
    assert found.requisition.sequence is None


def test_the_export_command(database: Database, uow, ctx, facilities, tmp_path, capsys) -> None:
    from main import main

    if database.engine.dialect.name != "sqlite":
        pytest.skip("the command line keeps its engine to the end of the process: SQLite only")
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    target = tmp_path / "rr.xlsx"
    argv = ["--db", database.url, "export", "requisition", "--facility", cscom]
    code = main([*argv, "--period", "2026-10", "-o", str(target)])
    out = capsys.readouterr().out
    assert code == 0 and "BROUILLON" in out
    found = read_requisition_workbook(target)
    assert found.checksum_matches and found.requisition is not None
    assert found.requisition.lines[0].calculated_packs == 11
    assert main([*argv, "-o", str(target)]) != 0  # the month is required
    assert "--period AAAA-MM" in capsys.readouterr().err
