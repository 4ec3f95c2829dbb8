"""Importing movements files into a migrated SQLite ledger: all or nothing, never twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from core import services
from core.catalogue import Category, Product
from core.exchange.movements import HEADINGS_FR, write_template
from core.facilities import new_facility
from core.importing import ImportResult, import_movements
from core.ledger import MovementKind, Reason
from core.services import Context
from db.uow import SqlAlchemyUnitOfWork

HEADER = "Date;Établissement;Produit;Mouvement;Quantité;Lot;Péremption;Motif;Référence"
TODAY = date(2026, 11, 21)

BACKENDS = ("sqlite", "postgresql")


def csv_file(tmp_path: Path, lines: list[str], name: str = "mouvements.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def soh(uow: SqlAlchemyUnitOfWork, facility: str, product: str) -> int:
    (line,) = services.facility_stock(uow, facility, TODAY, product_codes=[product])
    return line.soh


def card(uow: SqlAlchemyUnitOfWork, facility: str, product: str) -> list[tuple[object, ...]]:
    return [
        (c.movement.kind, c.movement.lot, c.movement.quantity, c.balance)
        for c in services.product_stock_card(uow, facility, product)
    ]


def run(uow: SqlAlchemyUnitOfWork, ctx: Context, path: Path, dry_run: bool = False) -> ImportResult:
    return import_movements(uow, ctx, path, dry_run=dry_run)


OPENING = [
    "01/10/2026;CSCOM-SEV;RUTF;Réception;450;A12;2027-03;CSREF-MOP;BL-0412",
    "01/10/2026;CSCOM-SEV;RUTF;Réception;300;B07;30/06/2027;CSREF-MOP;BL-0412",
    "15/10/2026;CSCOM-SEV;RUTF;Dispensation;600;;;;registre p. 4",
    "31/10/2026;CSCOM-SEV;RUTF;Inventaire;140;;;;",
    "05/10/2026;CSCOM-SEV;AMOX250D;Réception;1 000;L1;2028-01;;",
    "20/10/2026;CSCOM-SEV;AMOX250D;Perte;20;L1;;Avarié;",
]


def test_valid_file_imports_and_the_stock_card_shows_the_balances(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    result = run(uow, ctx, csv_file(tmp_path, OPENING))
    assert result.problems == []
    assert (result.rows, result.added, result.already_imported) == (6, 6, 0)
    assert result.committed
    # receive 450 (A12) and 300 (B07); dispense 600, FEFO: all of A12 then 150 of B07;
    # count 140 where the ledger says 150: a -10 count on the lot that is left.
    assert card(uow, cscom, "RUTF") == [
        (MovementKind.RECEIPT, "A12", 450, 450),
        (MovementKind.RECEIPT, "B07", 300, 750),
        (MovementKind.ISSUE, "A12", -450, 300),
        (MovementKind.ISSUE, "B07", -150, 150),
        (MovementKind.COUNT, "B07", -10, 140),
    ]
    assert soh(uow, cscom, "RUTF") == 140
    assert soh(uow, cscom, "AMOX250D") == 980
    first = services.product_stock_card(uow, cscom, "RUTF")[0].movement
    assert first.expiry == date(2027, 3, 31)
    assert (first.reference, first.counterpart) == ("BL-0412", "CSREF-MOP")
    assert first.note == "Import mouvements.csv, ligne 2"
    assert first.entered_by == "dtc"


def test_rows_are_applied_in_date_order_whatever_their_order_in_the_file(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    lines = [
        "10/10/2026;CSCOM-SEV;RUTF;Dispensation;100;;;;",
        "01/10/2026;CSCOM-SEV;RUTF;Réception;150;A12;2027-03;;",
    ]
    result = run(uow, ctx, csv_file(tmp_path, lines))
    assert result.problems == [] and result.committed
    assert soh(uow, cscom, "RUTF") == 50


def test_one_bad_row_among_good_ones_writes_nothing_and_every_problem_is_listed(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    lines = [
        "01/10/2026;CSCOM-SEV;RUTF;Réception;450;A12;2027-03;;",
        "02/10/2026;CSCOM-SEV;ATPE;Réception;10;A12;2027-03;;",
        "15/10/2026;CSCOM-SEV;RUTF;Dispensation;100;;;;",
        "16/10/2026;CSCOM-SEV;RUTF;Dispensation;500;;;;",
    ]
    result = run(uow, ctx, csv_file(tmp_path, lines))
    assert not result.committed
    assert [(p.row, p.column) for p in result.problems] == [(3, "Produit"), (5, "Quantité")]
    assert "« ATPE » inconnu" in result.problems[0].message
    assert "350 utilisable(s)" in result.problems[1].message
    assert str(result.problems[1]).startswith("mouvements.csv, ligne 5, colonne Quantité : ")
    assert card(uow, cscom, "RUTF") == []
    assert soh(uow, cscom, "RUTF") == 0


def test_a_file_that_cannot_be_read_writes_nothing(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    lines = [*OPENING, "01/10/2026;CSCOM-SEV;RUTF;Réception;12,5;A12;2027-03;;"]
    result = run(uow, ctx, csv_file(tmp_path, lines))
    assert not result.committed
    assert result.rows == 7
    assert [(p.row, p.column) for p in result.problems] == [(8, "Quantité")]
    assert soh(uow, cscom, "RUTF") == 0


def test_reimporting_the_same_rows_adds_nothing(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    path = csv_file(tmp_path, OPENING)
    assert run(uow, ctx, path).added == 6
    before = card(uow, cscom, "RUTF")

    again = run(uow, ctx, path)
    assert again.problems == []
    assert (again.added, again.already_imported, again.rows) == (0, 6, 6)
    assert card(uow, cscom, "RUTF") == before
    assert soh(uow, cscom, "RUTF") == 140

    # The same rows in another file, in another order, with codes typed in lower case.
    other = csv_file(
        tmp_path, [line.replace("CSCOM-SEV", "cscom-sev") for line in reversed(OPENING)], "b.csv"
    )
    assert (run(uow, ctx, other).added, soh(uow, cscom, "RUTF")) == (0, 140)

    # A later file that repeats them and adds one row adds only that row.
    more = csv_file(tmp_path, [*OPENING, "01/11/2026;CSCOM-SEV;RUTF;Dispensation;40;;;;"], "c.csv")
    result = run(uow, ctx, more)
    assert (result.added, result.already_imported) == (1, 6)
    assert soh(uow, cscom, "RUTF") == 100


def test_identical_rows_in_one_file_are_two_movements(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    lines = [
        "01/10/2026;CSCOM-SEV;RUTF;Réception;450;A12;2027-03;;",
        "02/10/2026;CSCOM-SEV;RUTF;Dispensation;10;;;;",
        "02/10/2026;CSCOM-SEV;RUTF;Dispensation;10;;;;",
    ]
    path = csv_file(tmp_path, lines)
    assert run(uow, ctx, path).added == 3
    assert soh(uow, cscom, "RUTF") == 430
    assert run(uow, ctx, path).already_imported == 3
    assert soh(uow, cscom, "RUTF") == 430


def test_count_of_a_lot_records_the_reconciling_adjustment(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    lines = [
        "01/10/2026;CSCOM-SEV;RUTF;Réception;150;A12;2027-03;;",
        "31/10/2026;CSCOM-SEV;RUTF;Inventaire;140;A12;;;",
    ]
    assert run(uow, ctx, csv_file(tmp_path, lines)).committed
    count = services.product_stock_card(uow, cscom, "RUTF")[-1].movement
    assert (count.kind, count.quantity, count.counted) == (MovementKind.COUNT, -10, 140)
    assert count.reason is Reason.COUNT_CORRECTION
    assert soh(uow, cscom, "RUTF") == 140


def test_opening_count_of_a_new_lot_needs_its_expiry(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    missing = run(uow, ctx, csv_file(tmp_path, ["01/10/2026;CSCOM-SEV;RUTF;Inventaire;80;N1;;;"]))
    assert [(p.row, p.column) for p in missing.problems] == [(2, "Péremption")]
    path = csv_file(tmp_path, ["01/10/2026;CSCOM-SEV;RUTF;Inventaire;80;N1;2027-05;;"], "b.csv")
    assert run(uow, ctx, path).committed
    assert card(uow, cscom, "RUTF") == [(MovementKind.COUNT, "N1", 80, 80)]


def test_issue_without_lot_takes_the_first_expiring_lot(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    lines = [
        "01/10/2026;CSCOM-SEV;RUTF;Réception;200;LATE;2027-12;;",
        "01/10/2026;CSCOM-SEV;RUTF;Réception;200;EARLY;2027-01;;",
        "02/10/2026;CSCOM-SEV;RUTF;Dispensation;120;;;;",
    ]
    assert run(uow, ctx, csv_file(tmp_path, lines)).committed
    issues = [row for row in card(uow, cscom, "RUTF") if row[0] is MovementKind.ISSUE]
    assert issues == [(MovementKind.ISSUE, "EARLY", -120, 280)]


def test_issue_from_an_expired_lot_is_refused_but_it_can_be_written_off(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    receipts = [
        "01/08/2026;CSCOM-SEV;RUTF;Réception;100;OLD;30/09/2026;;",
        "01/08/2026;CSCOM-SEV;RUTF;Réception;100;NEW;2027-09;;",
    ]
    refused = run(
        uow,
        ctx,
        csv_file(tmp_path, [*receipts, "05/10/2026;CSCOM-SEV;RUTF;Dispensation;10;OLD;;;"]),
    )
    assert not refused.committed
    (problem,) = refused.problems
    assert (problem.row, problem.column) == (4, "Lot")
    assert "périmé depuis le 30/09/2026" in problem.message
    assert soh(uow, cscom, "RUTF") == 0

    written_off = run(
        uow,
        ctx,
        csv_file(
            tmp_path, [*receipts, "05/10/2026;CSCOM-SEV;RUTF;Perte;100;OLD;;périmé;"], "b.csv"
        ),
    )
    assert written_off.problems == []
    assert soh(uow, cscom, "RUTF") == 100


def test_a_movement_dated_in_the_future_is_refused(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    result = run(
        uow, ctx, csv_file(tmp_path, ["22/11/2026;CSCOM-SEV;RUTF;Réception;1;A;2027-03;;"])
    )
    assert [(p.row, p.column) for p in result.problems] == [(2, "Date")]
    assert "22/11/2026 est dans le futur" in result.problems[0].message
    assert soh(uow, cscom, "RUTF") == 0


def test_lots_are_checked_against_the_product(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    lines = [
        "01/10/2026;CSCOM-SEV;RUTF;Réception;10;;2027-03;;",
        "01/10/2026;CSCOM-SEV;RUTF;Réception;10;A12;;;",
        "01/10/2026;CSCOM-SEV;BAL-ENF;Réception;1;X1;;;",
        "01/10/2026;CSCOM-SEV;RUTF;Ajustement;-2;;;Avarié;",
    ]
    result = run(uow, ctx, csv_file(tmp_path, lines))
    assert [(p.row, p.column) for p in result.problems] == [
        (2, "Lot"),
        (3, "Péremption"),
        (4, "Lot"),
        (5, "Lot"),
    ]


def test_transfers_keep_the_other_facility(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    csref, cscom = facilities
    lines = [
        "01/10/2026;CSCOM-SEV;RUTF;Transfert reçu;300;A12;2027-03;CSREF-MOP;BL-7",
        "03/10/2026;CSCOM-SEV;RUTF;transfer_out;50;A12;;CSCOM-KON;",
    ]
    assert run(uow, ctx, csv_file(tmp_path, lines)).committed
    got = [
        (c.movement.kind, c.movement.reason, c.movement.counterpart, c.movement.quantity)
        for c in services.product_stock_card(uow, cscom, "RUTF")
    ]
    assert got == [
        (MovementKind.TRANSFER_IN, Reason.TRANSFER_IN, "CSREF-MOP", 300),
        (MovementKind.TRANSFER_OUT, Reason.TRANSFER_OUT, "CSCOM-KON", -50),
    ]
    # Each row is one facility's record: the sender's side is not invented from the receiver's.
    assert card(uow, csref, "RUTF") == []


def test_unknown_facility_is_reported_on_its_column(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    result = run(
        uow, ctx, csv_file(tmp_path, ["01/10/2026;CSCOM-XYZ;RUTF;Réception;1;A;2027-03;;"])
    )
    assert [(p.row, p.column) for p in result.problems] == [(2, "Établissement")]


def test_dry_run_checks_everything_and_writes_nothing(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    path = csv_file(tmp_path, OPENING)
    trial = run(uow, ctx, path, dry_run=True)
    assert trial.problems == []
    assert (trial.dry_run, trial.committed, trial.added) == (True, False, 6)
    assert card(uow, cscom, "RUTF") == []
    real = run(uow, ctx, path)
    assert (real.committed, real.added) == (True, 6)


def test_progress_is_reported_and_cancelling_writes_nothing(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    lines = ["01/10/2026;CSCOM-SEV;RUTF;Réception;1000;A12;2027-03;;"] + [
        "02/10/2026;CSCOM-SEV;RUTF;Dispensation;1;;;;" for _ in range(449)
    ]
    path = csv_file(tmp_path, lines)
    calls: list[tuple[float, str]] = []
    done = import_movements(
        uow, ctx, path, dry_run=True, progress=lambda f, m: calls.append((f, m))
    )
    assert done.problems == [] and done.added == 450
    fractions = [f for f, _ in calls]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert "Ligne 200 sur 450…" in [m for _, m in calls]
    assert len(calls) == 4

    seen = 0

    def stop_after_100() -> bool:
        nonlocal seen
        seen += 1
        return seen > 100

    stopped = import_movements(uow, ctx, path, cancelled=stop_after_100)
    assert not stopped.committed
    assert "annulé" in stopped.problems[-1].message
    assert card(uow, cscom, "RUTF") == []


def test_template_round_trip(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    csref, cscom = facilities
    formula_like = Product("FORMULE", "=1+1", Category.KITS, "kit")
    site = new_facility("CSCOM-AT", "@SOMME(A1)", "CSCom", "Mopti", "Mopti")
    products = [*services.list_products(uow), formula_like]
    sites = [*services.list_facilities(uow), site]
    path = tmp_path / "modele.xlsx"
    write_template(path, sites, products)

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[0] == "Mouvements"
    sheet = workbook["Mouvements"]
    assert tuple(c.value for c in sheet[1]) == HEADINGS_FR
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].number_format == "DD/MM/YYYY"
    assert sheet.column_dimensions["G"].number_format == "DD/MM/YYYY"
    validations = {
        str(v.sqref): (v.type, v.formula1) for v in sheet.data_validations.dataValidation
    }
    assert validations["B2:B5000"] == ("list", "Listes!$A$2:$A$4")
    assert validations["C2:C5000"] == ("list", f"Listes!$C$2:$C${len(products) + 1}")
    assert validations["D2:D5000"] == ("list", "Listes!$F$2:$F$8")
    assert validations["H2:H5000"][0] == "list"
    lists = workbook["Listes"]
    assert lists.sheet_state == "hidden"
    codes = [c.value for c in lists["A"][1:] if c.value]
    assert {csref, cscom, "CSCOM-AT"} == set(codes)
    assert [c.value for c in lists["F"][1:8]] == [
        "Réception",
        "Dispensation",
        "Transfert reçu",
        "Transfert cédé",
        "Perte",
        "Ajustement",
        "Inventaire",
    ]
    formula_cells = [c for c in lists["D"] if c.value == "=1+1"]
    assert formula_cells and formula_cells[0].data_type == "s"
    assert next(c for c in lists["B"] if c.value == "@SOMME(A1)").data_type == "s"
    instructions = " ".join(str(c.value) for c in workbook["Instructions"]["A"] if c.value)
    assert "sachets" in instructions and "tout ou rien" in instructions

    # Filled in like a user would, the template imports.
    sheet.append([date(2026, 10, 1), cscom, "RUTF", "Réception", 150, "A12", date(2027, 3, 31)])
    sheet.append([date(2026, 10, 2), cscom, "RUTF", "Dispensation", 30])
    workbook.save(path)
    result = run(uow, ctx, path)
    assert result.problems == []
    assert result.added == 2
    assert soh(uow, cscom, "RUTF") == 120


@pytest.mark.parametrize("kind", ["Perte", "Ajustement"])
def test_losses_and_adjustments_need_a_reason(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path, kind: str
) -> None:
    result = run(uow, ctx, csv_file(tmp_path, [f"01/10/2026;CSCOM-SEV;RUTF;{kind};-5;A12;;;"]))
    assert "Motif" in [p.column for p in result.problems]
    assert not result.committed
