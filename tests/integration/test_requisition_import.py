"""Importing facilities' requisition workbooks at the district: every validation rule, the
duplicate, older and newer files, hand-edited and damaged files (nothing written)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from core import services
from core.catalogue import load_catalogue
from core.exchange.requisition_workbook import DATA_SHEET, write_requisition_workbook
from core.monthly import MonthlyStockReport
from core.requisition import (
    ImportOutcome,
    Requisition,
    RequisitionLine,
    RequisitionStatus,
    edit_line,
)
from core.requisition_import import import_requisition_files
from core.requisition_services import (
    approve_requisition,
    compute_requisition,
    reopen_requisition,
    revise_requisition,
)
from db.engine import Database, open_database
from db.tables import requisition_lines, requisitions
from db.uow import SqlAlchemyUnitOfWork
from tests.conftest import CATALOGUE
from tests.integration.test_requisition import OCTOBER, worked_example

BACKENDS = ("sqlite", "postgresql")
SEPTEMBER = date(2026, 9, 1)


@pytest.fixture
def district(tmp_path: Path) -> tuple[Database, Callable[[], SqlAlchemyUnitOfWork]]:
    """The district pharmacist's own database (another laptop): catalogue, no facilities."""
    db = open_database(str(tmp_path / "district.db"))
    services.seed_catalogue(SqlAlchemyUnitOfWork(db.engine), load_catalogue(CATALOGUE))
    yield db, lambda: SqlAlchemyUnitOfWork(db.engine)
    db.dispose()


def _counts(db: Database) -> tuple[int, int]:
    with db.engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(requisitions)).scalar_one(),
            conn.execute(select(func.count()).select_from(requisition_lines)).scalar_one(),
        )


def _line(code: str, a: int, b: int, c: int, d: int, e: int, **changes: object) -> RequisitionLine:
    line = RequisitionLine(
        report=MonthlyStockReport(
            site_code="CSCOM-X",
            product_code=code,
            year=2026,
            month=10,
            beginning_balance=a,
            received=b,
            consumed=c,
            adjustments=d,
            stock_on_hand=e,
            stockout_days=0,
        ),
        product_name=f"Produit {code}",
        base_unit="sachet",
        pack_unit="carton",
        pack_size=150,
        usable_stock=e,
        amc=567,
        max_quantity=1701,
        on_order=0,
        calculated=1650,
        requested=1650,
        record_uuid=f"line-{code}",
    )
    return replace(line, **changes)  # type: ignore[arg-type]


def _requisition(
    lines: tuple[RequisitionLine, ...], period: date = OCTOBER, sequence: int = 1, **changes: object
) -> Requisition:
    req = Requisition(
        facility_code="CSCOM-X",
        facility_name="CSCom de X",
        facility_type="CSCom",
        region="Mopti",
        district="Mopti",
        period=period,
        lines=lines,
        status=RequisitionStatus.APPROVED,
        sequence=sequence,
        record_uuid=f"req-{period:%Y%m}",
        created_at=datetime(2026, 11, 2, 9, 0),
        approved_by="Awa Traoré",
    )
    return replace(req, **changes)  # type: ignore[arg-type]


def _import(district, ctx, *paths: Path):
    _, factory = district
    return import_requisition_files(factory, ctx, list(paths))


# --- a real R&R from one laptop to another -------------------------------------------------


def test_an_approved_rr_imports_at_the_district_with_the_same_numbers(
    uow, ctx, facilities, district, tmp_path
) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    approved = approve_requisition(uow, ctx, compute_requisition(uow, ctx, cscom, OCTOBER), "DTC")
    path = write_requisition_workbook(approved, tmp_path / "rr.xlsx")
    progress: list[tuple[int, int, str]] = []
    db, factory = district
    (result,) = import_requisition_files(
        factory, ctx, [path], progress=lambda *a: progress.append(a)
    )
    assert result.outcome is ImportOutcome.IMPORTED and not result.errors
    assert result.created_facility  # the district laptop did not know this CSCom yet
    assert progress == [(1, 1, "rr.xlsx")]
    with factory() as duow:
        stored = duow.requisitions.find(cscom, OCTOBER)
        facility = duow.facilities.find(cscom)
        log = duow.requisitions.imports()
    assert stored is not None and facility is not None
    assert facility.name == "CSCom Sévaré" and facility.district == "Mopti"
    assert stored.source == "imported" and stored.sequence == approved.sequence
    assert [(x.product_code, x.report, x.requested) for x in stored.lines] == [
        (x.product_code, x.report, x.requested) for x in approved.lines
    ]
    assert [(r.file_name, r.outcome) for r in log] == [("rr.xlsx", ImportOutcome.IMPORTED)]

    # The same file again: nothing changes, the attempt is logged.
    before = _counts(db)
    (again,) = import_requisition_files(factory, ctx, [path])
    assert again.outcome is ImportOutcome.DUPLICATE and "rien ne change" in again.message
    assert _counts(db) == before
    with factory() as duow:
        assert [r.outcome for r in duow.requisitions.imports()][-1] is ImportOutcome.DUPLICATE

    # The director revises the requested quantity: a newer version replaces the older one.
    revised = edit_line(
        reopen_requisition(approved), "RUTF", requested=2100, justification="Afflux de déplacés"
    )
    newer = revise_requisition(uow, ctx, revised, "DTC")
    assert newer.sequence == approved.sequence + 1 and newer.record_uuid == approved.record_uuid
    newer_path = write_requisition_workbook(newer, tmp_path / "rr-v2.xlsx")
    (replaced,) = import_requisition_files(factory, ctx, [newer_path])
    assert replaced.outcome is ImportOutcome.REPLACED
    assert replaced.replaced_sequence == approved.sequence
    with factory() as duow:
        current = duow.requisitions.find(cscom, OCTOBER)
        log = duow.requisitions.imports()
    assert current is not None and current.sequence == newer.sequence
    assert current.line("RUTF").requested == 2100
    assert log[-1].outcome is ImportOutcome.REPLACED
    assert f"n° {approved.sequence}" in log[-1].message and "rr.xlsx" in log[-1].message

    # The older file again after the newer one: nothing changes.
    before = _counts(db)
    (older,) = import_requisition_files(factory, ctx, [path])
    assert older.outcome is ImportOutcome.OLDER
    assert _counts(db) == before
    with factory() as duow:
        assert duow.requisitions.find(cscom, OCTOBER).sequence == newer.sequence


def test_a_hand_edited_cell_is_flagged_and_nothing_is_written(
    uow, ctx, facilities, district, tmp_path
) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    approved = approve_requisition(uow, ctx, compute_requisition(uow, ctx, cscom, OCTOBER), "DTC")
    path = write_requisition_workbook(approved, tmp_path / "rr.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book[DATA_SHEET]
    for row in sheet.iter_rows():
        if row[0].value == "record_uuid" and row[1].value == "product_code":
            header = [c.value for c in row]
            target = sheet.cell(row=row[0].row + 1, column=header.index("requested") + 1)
            target.value = 9000  # a bigger request typed over the approved one
            break
    book.save(path)
    db, _ = district
    (result,) = _import(district, ctx, path)
    assert result.outcome is ImportOutcome.REFUSED
    problem, unjustified = result.errors  # the edit also left the request unjustified
    assert "sans justification" in unjustified.message
    assert problem.sheet == DATA_SHEET and problem.column == "B" and problem.row is not None
    assert "somme de contrôle" in problem.message and "exporter de nouveau" in problem.message
    assert _counts(db) == (0, 0)


@pytest.mark.parametrize("damage", ["truncated", "renamed text"])
def test_a_damaged_or_renamed_file_is_refused_clearly(
    uow, ctx, facilities, district, tmp_path, damage
) -> None:
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    approved = approve_requisition(uow, ctx, compute_requisition(uow, ctx, cscom, OCTOBER), "DTC")
    path = write_requisition_workbook(approved, tmp_path / "rr.xlsx")
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        path.write_text("site;produit;quantité\nCSCOM-SEV;RUTF;1650\n", encoding="utf-8")
    db, factory = district
    (result,) = _import(district, ctx, path)
    assert result.outcome is ImportOutcome.REFUSED and result.requisition is None
    assert "pas un classeur Excel .xlsx lisible" in str(result.errors[0])
    assert _counts(db) == (0, 0)
    with factory() as duow:
        assert duow.facilities.list() == []  # no facility created either
        assert [r.outcome for r in duow.requisitions.imports()] == [ImportOutcome.REFUSED]


# --- each validation rule on a file written by hand ------------------------------------------


def _write(tmp_path: Path, req: Requisition, name: str = "rr.xlsx") -> Path:
    return write_requisition_workbook(req, tmp_path / name)


def _refused_with(district, ctx, path: Path, column: str) -> str:
    db, _ = district
    (result,) = _import(district, ctx, path)
    assert result.outcome is ImportOutcome.REFUSED
    assert _counts(db) == (0, 0)
    located = [p for p in result.errors if p.column == column]
    assert located, result.errors
    assert located[0].sheet == DATA_SHEET and located[0].row is not None
    return located[0].message


def test_stock_on_hand_must_equal_a_plus_b_plus_d_minus_c(ctx, district, tmp_path) -> None:
    good = _line("RUTF", 300, 450, 600, -10, 140)
    bad = _line("F75", 100, 0, 30, 0, 75, usable_stock=70)  # 100 − 30 = 70, not 75
    path = _write(tmp_path, _requisition((good, bad)))
    message = _refused_with(district, ctx, path, "K")  # stock_on_hand's column
    assert "F75" in message and "A + B + D − C" in message and "70" in message


def test_stockout_days_must_fit_in_the_month(ctx, district, tmp_path) -> None:
    line = _line("RUTF", 300, 450, 600, -10, 140)
    line = replace(line, report=replace(line.report, stockout_days=32))
    message = _refused_with(district, ctx, _write(tmp_path, _requisition((line,))), "M")
    assert "32 jours" in message and "entre 0 et 31" in message


def test_a_request_different_from_the_calculation_needs_a_justification(
    ctx, district, tmp_path
) -> None:
    line = _line("RUTF", 300, 450, 600, -10, 140, requested=3000)
    message = _refused_with(district, ctx, _write(tmp_path, _requisition((line,))), "W")
    assert "3000" in message and "1650" in message and "sans justification" in message
    justified = replace(line, justification="Campagne de dépistage de masse en novembre")
    (result,) = _import(district, ctx, _write(tmp_path, _requisition((justified,)), "ok.xlsx"))
    assert result.outcome is ImportOutcome.IMPORTED


def test_a_draft_is_refused(ctx, district, tmp_path) -> None:
    req = _requisition(
        (_line("RUTF", 300, 450, 600, -10, 140),), status=RequisitionStatus.DRAFT, sequence=None
    )
    db, _ = district
    (result,) = _import(district, ctx, _write(tmp_path, req))
    assert result.outcome is ImportOutcome.REFUSED
    assert "brouillon" in str(result.errors[0])
    assert _counts(db) == (0, 0)


def test_continuity_with_the_last_imported_month_is_flagged(ctx, district, tmp_path) -> None:
    september = _requisition(
        (
            replace(_line("RUTF", 200, 700, 550, 0, 350), record_uuid="s1"),
            replace(_line("F75", 10, 0, 10, 0, 0), record_uuid="s2"),
        ),
        period=SEPTEMBER,
        sequence=1,
    )
    # October starts RUTF at 300 where September ended at 350; F75 continues from 0.
    october = _requisition(
        (_line("RUTF", 300, 450, 600, -10, 140), _line("F75", 0, 50, 20, 0, 30)), sequence=2
    )
    first, second = _import(
        district, ctx, _write(tmp_path, september, "s.xlsx"), _write(tmp_path, october, "o.xlsx")
    )
    assert first.outcome is ImportOutcome.IMPORTED and not first.flags
    assert second.outcome is ImportOutcome.IMPORTED  # flagged, not refused
    (flag,) = second.flags
    assert flag.column == "G" and flag.sheet == DATA_SHEET  # beginning_balance
    assert "RUTF" in flag.message and "300" in flag.message and "350" in flag.message
    assert "septembre 2026" in flag.message and "-50" in flag.message


def test_a_missing_month_is_said_when_continuity_is_checked(ctx, district, tmp_path) -> None:
    august = _requisition(
        (replace(_line("RUTF", 100, 700, 500, 0, 300), record_uuid="a1"),),
        period=date(2026, 8, 1),
    )
    october = _requisition((_line("RUTF", 300, 450, 600, -10, 140),), sequence=3)
    _, second = _import(
        district, ctx, _write(tmp_path, august, "a.xlsx"), _write(tmp_path, october, "o.xlsx")
    )
    assert second.outcome is ImportOutcome.IMPORTED
    assert [f.message for f in second.flags] == [
        "la réquisition de septembre 2026 manque : la continuité est vérifiée avec celle "
        "d'août 2026."
    ]


def test_rutf_requested_is_checked_against_reported_admissions(ctx, district, tmp_path) -> None:
    # 4 admissions × 150 sachets × 3 months (max 1701 / AMC 567) = 1800 expected;
    # requested 1650 + usable 140 = 1790: within 30 %.
    line = _line("RUTF", 300, 450, 600, -10, 140)
    within = _requisition((line,), admissions=4)
    (ok,) = _import(district, ctx, _write(tmp_path, within, "ok.xlsx"))
    assert ok.outcome is ImportOutcome.IMPORTED and ok.flags == []
    # 10 admissions would need 4500 sachets: 1790 is 60 % short.
    short = _requisition((line,), period=date(2026, 9, 1), admissions=10, record_uuid="r2")
    (flagged,) = _import(district, ctx, _write(tmp_path, short, "short.xlsx"))
    assert flagged.outcome is ImportOutcome.IMPORTED
    (flag,) = flagged.flags
    assert flag.column == "U"  # requested
    assert "10 admission(s)" in flag.message and "4500" in flag.message
    assert "60 % de moins" in flag.message


def test_unknown_products_are_added_to_the_catalogue(ctx, district, tmp_path) -> None:
    line = replace(
        _line("NEW-ORS", 10, 0, 5, 0, 5, calculated=0, requested=0), product_name="SRO nouveau"
    )
    (result,) = _import(district, ctx, _write(tmp_path, _requisition((line,))))
    assert result.outcome is ImportOutcome.IMPORTED and result.created_products == ("NEW-ORS",)
    _, factory = district
    with factory() as duow:
        product = duow.products.find("NEW-ORS")
    assert product is not None and product.name == "SRO nouveau" and product.pack_size == 150


def test_two_different_files_with_the_same_number_are_a_conflict(ctx, district, tmp_path) -> None:
    line = _line("RUTF", 300, 450, 600, -10, 140)
    first = _requisition((line,))
    other = _requisition((replace(line, remarks="autre"),), record_uuid="another")
    _, second = _import(
        district, ctx, _write(tmp_path, first, "a.xlsx"), _write(tmp_path, other, "b.xlsx")
    )
    assert second.outcome is ImportOutcome.REFUSED
    assert "même numéro" in str(second.errors[0])


def test_imports_run_on_both_backends(database, ctx, tmp_path) -> None:
    """The import on the configured backends (PostgreSQL for a district server)."""
    unit = SqlAlchemyUnitOfWork(database.engine)
    services.seed_catalogue(unit, load_catalogue(CATALOGUE))
    req = _requisition((_line("RUTF", 300, 450, 600, -10, 140),))
    path = _write(tmp_path, req)
    factory = lambda: SqlAlchemyUnitOfWork(database.engine)  # noqa: E731
    (first,) = import_requisition_files(factory, ctx, [path])
    (second,) = import_requisition_files(factory, ctx, [path])
    assert (first.outcome, second.outcome) == (ImportOutcome.IMPORTED, ImportOutcome.DUPLICATE)
    with factory() as duow:
        assert duow.requisitions.find("CSCOM-X", OCTOBER).lines[0].report.stock_on_hand == 140
    # the log is append-only, like the ledger
    with pytest.raises(DBAPIError, match="ne se modifient pas"), database.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM requisition_imports")


def test_the_district_checks_rutf_with_the_pcima_reports_it_keeps(ctx, district, tmp_path) -> None:
    """A CSCom without PCIMA registers on its laptop sends no admissions; the district, which
    types the CSCom's monthly PCIMA report, checks RUTF requested against those."""
    from core.district import district_review
    from core.facilities import new_facility
    from core.pcima import Referral
    from core.pcima_services import record_monthly_totals

    _, factory = district
    services.add_facility(factory(), new_facility("CSREF-X", "CSRéf X", "CSRef", "Mopti", "Mopti"))
    req = _requisition((_line("RUTF", 300, 450, 600, -10, 140),), supplier_code="CSREF-X")
    assert req.admissions is None
    (result,) = _import(district, ctx, _write(tmp_path, req))
    assert result.outcome is ImportOutcome.IMPORTED and result.flags == []
    (row,) = district_review(factory(), ctx, "CSREF-X", OCTOBER).facilities
    assert row.flags == []  # nothing known about admissions yet
    record_monthly_totals(factory(), ctx, "CSCOM-X", Referral.URENAS, OCTOBER, {"new_muac": 10})
    (row,) = district_review(factory(), ctx, "CSREF-X", OCTOBER).facilities
    (flag,) = row.flags
    assert "10 admission(s)" in flag.message and "4500" in flag.message
