"""Importing monthly LMIS reports (versions, report sites and products, mapping) and one
monthly history per facility and product, from the ledger or from imported reports."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from core import monthly_services as ms
from core import services
from core.errors import DomainError, NotFound
from core.facilities import new_facility
from core.ledger import Reason
from core.monthly import MonthlyStockReport
from core.services import Context, CountLine, ReceiptLine
from core.stock import add_months, month_summaries
from db.engine import Database, open_database
from db.uow import SqlAlchemyUnitOfWork
from tests.conftest import REPO_ROOT

BACKENDS = ("sqlite", "postgresql")

LMIS_DEV = REPO_ROOT.parent / "shared" / "data" / "lmis_dev.csv"
HEADER = (
    "year,month,region,district,site_code,product_code,stock_initial,stock_received,"
    "stock_distributed,stock_adjustment,stock_end,average_monthly_consumption,"
    "stock_stockout_days,stock_ordered"
)
TODAY = date(2026, 11, 21)


def lmis_file(tmp_path: Path, lines: list[str], name: str = "rapports.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def first_rows_of_dev_data(tmp_path: Path, count: int = 2000) -> Path:
    if not LMIS_DEV.is_file():
        pytest.skip(f"{LMIS_DEV} absent")
    lines = LMIS_DEV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "lmis_2000.csv"
    path.write_text("\n".join(lines[: count + 1]) + "\n", encoding="utf-8")
    return path


def stored_rows(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM monthly_reports")).scalar_one())


def test_first_2000_rows_of_the_dev_data_import_once_and_only_once(
    database: Database, uow: SqlAlchemyUnitOfWork, ctx: Context, tmp_path: Path
) -> None:
    path = first_rows_of_dev_data(tmp_path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    sites = sorted({r["site_code"] for r in rows})
    products = sorted({r["product_code"] for r in rows})

    trial = ms.import_monthly_reports(uow, ctx, path, dry_run=True)
    assert (trial.rows, trial.added, trial.committed) == (2000, 2000, False)
    assert stored_rows(database) == 0 and ms.list_report_sites(uow) == []

    first = ms.import_monthly_reports(uow, ctx, path)
    assert (first.rows, first.added, first.replaced, first.unchanged) == (2000, 2000, 0, 0)
    assert first.committed and not first.problems
    assert sorted(first.sites_created) == sites and sorted(first.products_created) == products
    # Côte d'Ivoire sites and contraceptives: report-only, nothing linked.
    assert sorted(first.unlinked_sites) == sites
    assert [s.code for s in ms.list_report_sites(uow)] == sites
    assert all(s.facility_code is None for s in ms.list_report_sites(uow))
    assert stored_rows(database) == 2000

    # One stored report matches its row, and the region and district are the site's.
    row = rows[0]
    (stored,) = ms.report_versions(
        uow, row["site_code"], row["product_code"], int(row["year"]), int(row["month"])
    )
    report = stored.report
    assert (report.beginning_balance, report.consumed, report.stock_on_hand) == (
        int(row["stock_initial"]),
        int(row["stock_distributed"]),
        int(row["stock_end"]),
    )
    assert (report.region, report.district) == (row["region"], row["district"])
    assert (stored.version, stored.source_file, stored.entered_by) == (1, path.name, "dtc")

    again = ms.import_monthly_reports(uow, ctx, path)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 2000)
    assert again.sites_created == () and again.products_created == ()
    assert stored_rows(database) == 2000


def test_a_changed_value_adds_a_version_that_replaces_the_old_one_and_says_where_from(
    database: Database, uow: SqlAlchemyUnitOfWork, tmp_path: Path
) -> None:
    ctx = Context("poste-district", "pharmacien", clock=lambda: _at(2026, 11, 1))
    ms.import_monthly_reports(
        uow,
        ctx,
        lmis_file(
            tmp_path,
            [
                "2019,1,R,D,C4023,AS27000,40,0,0,0,40,10,0,0",
                "2019,2,R,D,C4023,AS27000,40,0,20,0,20,10,0,30",
            ],
            "janvier.csv",
        ),
    )
    later = Context("poste-district", "superviseur", clock=lambda: _at(2026, 11, 15))
    corrected = lmis_file(
        tmp_path,
        [
            "2019,1,R,D,C4023,AS27000,40,0,0,0,40,10,0,0",
            "2019,2,R,D,C4023,AS27000,40,0,25,0,15,10,3,30",
        ],
        "corrige.csv",
    )
    result = ms.import_monthly_reports(uow, later, corrected)
    assert (result.added, result.replaced, result.unchanged) == (0, 1, 1)
    versions = ms.report_versions(uow, "C4023", "AS27000", 2019, 2)
    assert [(v.version, v.report.consumed, v.report.stockout_days) for v in versions] == [
        (1, 20, 0),
        (2, 25, 3),
    ]
    assert [(v.source_file, v.entered_by, v.recorded_at) for v in versions] == [
        ("janvier.csv", "pharmacien", _at(2026, 11, 1)),
        ("corrige.csv", "superviseur", _at(2026, 11, 15)),
    ]
    history = ms.monthly_history(uow, "C4023", "AS27000", date(2019, 1, 1), date(2019, 3, 1))
    assert [(r.month, r.consumed, r.stock_on_hand) for r in history] == [(1, 0, 40), (2, 25, 15)]
    assert history[1].adjusted_consumption == 28  # ceil(25 × 30 / 27)
    assert stored_rows(database) == 3
    # The old version stays: the table refuses to be rewritten.
    for statement in ("UPDATE monthly_reports SET stock_end = 0", "DELETE FROM monthly_reports"):
        with database.engine.connect() as conn, pytest.raises(Exception, match="modifient"):
            conn.execute(text(statement))


def _at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 30)


def test_a_bad_value_imports_nothing_and_names_the_row_and_column(
    database: Database, uow: SqlAlchemyUnitOfWork, ctx: Context, tmp_path: Path
) -> None:
    path = lmis_file(
        tmp_path,
        [
            "2019,1,R,D,C4023,AS27000,40,0,0,0,40,10,0,0",
            "2019,2,R,D,C4023,AS27000,40,douze,20,0,20,10,0,30",
        ],
    )
    result = ms.import_monthly_reports(uow, ctx, path)
    assert not result.committed and result.added == 0
    (problem,) = result.problems
    assert (problem.file, problem.row, problem.column) == ("rapports.csv", 3, "stock_received")
    assert "douze" in problem.message and "nombre entier" in problem.message
    assert stored_rows(database) == 0
    assert ms.list_report_sites(uow) == [] and ms.list_report_products(uow) == []


def test_an_identity_warning_is_listed_and_the_row_kept_as_it_is(
    uow: SqlAlchemyUnitOfWork, ctx: Context, tmp_path: Path
) -> None:
    path = lmis_file(
        tmp_path,
        [
            "2019,1,R,D,C4023,AS27000,40,0,0,0,40,10,0,0",
            "2019,2,R,D,C4023,AS27000,40,0,20,0,25,10,0,30",  # 40 − 20 = 20, not 25
        ],
    )
    result = ms.import_monthly_reports(uow, ctx, path)
    assert result.committed and result.added == 2 and not result.problems
    (warning,) = result.warnings
    assert (warning.row, warning.column) == (3, "stock_end")
    assert "25" in warning.message and "20" in warning.message
    (stored,) = ms.report_versions(uow, "C4023", "AS27000", 2019, 2)
    assert stored.report.stock_on_hand == 25 and not stored.report.identity_holds


def test_unknown_sites_and_products_are_created_then_mapped(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    csref, cscom = facilities
    path = lmis_file(
        tmp_path,
        [
            "2026,7,ABIDJAN,COCODY,C4023,AS27000,40,0,10,0,30,,,",
            "2026,9,ABIDJAN,COCODY,C4023,AS27000,30,100,20,-5,105,,2,",
            "2026,7,MOPTI,MOPTI,csref-mop,RUTF,300,450,600,-10,140,,,",
        ],
    )
    result = ms.import_monthly_reports(uow, ctx, path)
    assert result.sites_created == ("C4023", "csref-mop")
    # A code that is a facility's / a catalogue product's (case ignored) is linked at once.
    assert result.unlinked_sites == ("C4023",) and result.unlinked_products == ("AS27000",)
    assert ms.list_report_sites(uow)[0] == ms.ReportSite("C4023", "ABIDJAN", "COCODY", None)
    assert ms.list_report_products(uow) == [
        ms.ReportProduct("AS27000", None),
        ms.ReportProduct("RUTF", "RUTF"),
    ]
    assert [r.site_code for r in ms.all_monthly_histories(uow, TODAY)] == [
        "C4023",
        "C4023",
        "CSREF-MOP",
    ]

    with pytest.raises(NotFound, match="XYZ"):
        ms.map_report_site(uow, "C4023", "XYZ")
    with pytest.raises(DomainError, match="déjà relié"):
        ms.map_report_site(uow, "C4023", csref)
    site = ms.map_report_site(uow, "C4023", cscom)
    assert site.facility_code == cscom
    item = ms.map_report_product(uow, "AS27000", "AMOX250D")
    assert item.product_code == "AMOX250D"

    history = ms.monthly_history(uow, cscom, "AMOX250D", date(2026, 6, 1), date(2026, 10, 1))
    # The month with no report (August) is absent, not a zero month.
    assert [(r.site_code, r.product_code, r.month, r.consumed) for r in history] == [
        (cscom, "AMOX250D", 7, 10),
        (cscom, "AMOX250D", 9, 20),
    ]
    assert (history[1].adjustments, history[1].stockout_days, history[1].region) == (
        -5,
        2,
        "ABIDJAN",
    )
    # The report codes still find the same history.
    assert ms.monthly_history(uow, "C4023", "AS27000", date(2026, 6, 1), date(2026, 10, 1))
    series = {(r.site_code, r.product_code) for r in ms.all_monthly_histories(uow, TODAY)}
    assert series == {(cscom, "AMOX250D"), (csref, "RUTF")}

    ms.map_report_site(uow, "C4023", None)
    assert ms.list_report_sites(uow)[0].facility_code is None


def build_ledger(uow: SqlAlchemyUnitOfWork, ctx: Context, cscom: str) -> None:
    """Receive 450 sachets in August, dispense 300; dispense the last 150 on 10 September
    (out of stock from that evening); receive 300 in October, 10 damaged, dispense 100,
    count 180."""
    services.receive_stock(
        uow, ctx, cscom, date(2026, 8, 5), [ReceiptLine("RUTF", 450, "A12", date(2027, 3, 31))]
    )
    services.dispense(uow, ctx, cscom, "RUTF", 300, date(2026, 8, 20))
    services.dispense(uow, ctx, cscom, "RUTF", 150, date(2026, 9, 10))
    services.receive_stock(
        uow, ctx, cscom, date(2026, 10, 1), [ReceiptLine("RUTF", 300, "B07", date(2027, 6, 30))]
    )
    services.record_loss(uow, ctx, cscom, "RUTF", 10, Reason.DAMAGED, date(2026, 10, 15), "B07")
    services.dispense(uow, ctx, cscom, "RUTF", 100, date(2026, 10, 20))
    services.record_count(uow, ctx, cscom, date(2026, 10, 31), [CountLine("RUTF", 180, "B07")])


def test_monthly_history_from_the_ledger_matches_month_summaries(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    build_ledger(uow, ctx, cscom)
    history = ms.monthly_history(uow, cscom, "RUTF", date(2026, 6, 1), date(2026, 11, 1), TODAY)
    # Before the first movement: no report; November is not over on 21/11: no report.
    assert [
        (
            r.month,
            r.beginning_balance,
            r.received,
            r.consumed,
            r.adjustments,
            r.stock_on_hand,
            r.stockout_days,
            r.adjusted_consumption,
        )
        for r in history
    ] == [
        (8, 0, 450, 300, 0, 150, 0, 300),
        (9, 150, 0, 150, 0, 0, 21, 500),  # ceil(150 × 30 / 9)
        (10, 0, 300, 100, -20, 180, 0, 100),
    ]
    assert all(r.identity_holds for r in history)
    assert {(r.site_code, r.product_code, r.region) for r in history} == {(cscom, "RUTF", "Mopti")}
    months = [date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)]
    with uow:
        changes = [
            c
            for c in uow.ledger.changes(cscom, months[0], date(2026, 10, 31))
            if c.product_code == "RUTF"
        ]
    expected = month_summaries(months, [], changes, tracked_from=date(2026, 8, 5))
    assert [
        (r.beginning_balance, r.received, r.consumed, r.adjustments, r.stock_on_hand)
        for r in history
    ] == [(m.opening, m.received, m.consumed, m.adjustments, m.closing) for m in expected]
    assert [r.stockout_days for r in history] == [m.stockout_days for m in expected]
    assert [r.adjusted_consumption for r in history] == [m.adjusted for m in expected]

    # A window that starts mid-history opens on the ledger's balance.
    (october,) = ms.monthly_history(uow, cscom, "RUTF", date(2026, 10, 1), date(2026, 10, 31))
    assert october == history[2]
    # all_monthly_histories gives the same months for the forecast.
    everything = [r for r in ms.all_monthly_histories(uow, TODAY) if r.site_code == cscom]
    assert everything == history


def test_imported_reports_fill_the_months_before_the_ledger_starts(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    build_ledger(uow, ctx, cscom)
    path = lmis_file(
        tmp_path,
        [
            "2026,6,MOPTI,MOPTI,SEV-R,RUTF,0,200,120,0,80,,,",
            "2026,7,MOPTI,MOPTI,SEV-R,RUTF,80,0,80,0,0,,10,",
            "2026,8,MOPTI,MOPTI,SEV-R,RUTF,0,999,1,0,998,,,",  # the ledger has August
        ],
    )
    assert ms.import_monthly_reports(uow, ctx, path).unlinked_sites == ("SEV-R",)
    ms.map_report_site(uow, "SEV-R", cscom)
    history = ms.monthly_history(uow, cscom, "RUTF", date(2026, 5, 1), date(2026, 10, 1))
    assert [(r.month, r.consumed, r.stock_on_hand) for r in history] == [
        (6, 120, 80),
        (7, 80, 0),
        (8, 300, 150),
        (9, 150, 0),
        (10, 100, 180),
    ]
    assert history[1].adjusted_consumption == 120  # ceil(80 × 30 / 20)
    # Asked by the report site's code: the same history, under that code.
    by_report_code = ms.monthly_history(uow, "SEV-R", "RUTF", date(2026, 5, 1), date(2026, 10, 1))
    assert by_report_code == [replace(r, site_code="SEV-R") for r in history]
    series = [r for r in ms.all_monthly_histories(uow, TODAY) if r.site_code == cscom]
    assert series == history
    by_month = {add_months(date(2026, 1, 1), r.month - 1): r for r in series}
    assert date(2026, 5, 1) not in by_month  # no report that month: absent, never zero


def test_unknown_codes_are_said_in_french(uow: SqlAlchemyUnitOfWork) -> None:
    with pytest.raises(NotFound, match="inconnu"):
        ms.monthly_history(uow, "NULLE-PART", "RUTF", date(2026, 1, 1), date(2026, 2, 1))
    with pytest.raises(NotFound, match="Site de rapport"):
        ms.map_report_site(uow, "C9999", None)


def test_the_import_command_routes_each_file_by_its_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line on a SQLite file (it opens and closes its own database)."""
    from main import main

    url = str(tmp_path / "cli.db")
    database = open_database(url)
    services.add_facility(
        SqlAlchemyUnitOfWork(database.engine),
        new_facility("CSCOM-SEV", "CSCom Sévaré", "CSCom", "Mopti", "Mopti"),
    )
    reports = lmis_file(tmp_path, ["2019,1,R,D,C4023,AS27000,40,0,0,0,40,10,0,0"])
    movements = tmp_path / "mouvements.csv"
    movements.write_text(
        "Date;Établissement;Produit;Mouvement;Quantité;Lot;Péremption;Motif;Référence\n"
        "01/10/2026;CSCOM-SEV;RUTF;Réception;450;A12;2027-03;;BL-1\n",
        encoding="utf-8",
    )
    code = main(["--db", url, "import", str(reports), str(movements), "--dry-run", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(r["file"], r.get("kind"), r["added"], r["committed"]) for r in out] == [
        ("rapports.csv", "monthly_reports", 1, False),
        ("mouvements.csv", None, 1, False),
    ]
    assert stored_rows(database) == 0

    assert main(["--db", url, "import", str(reports), str(movements)]) == 0
    shown = capsys.readouterr().out
    assert "rapports LMIS mensuels" in shown and "1 rapport(s) ajouté(s)" in shown
    assert "Sites sans établissement relié : C4023" in shown
    assert "mouvements.csv : 1 mouvement(s) ajouté(s)" in shown

    code = main(
        [
            "--db",
            url,
            "import",
            "--map-site",
            "C4023=CSCOM-SEV",
            "--map-product",
            "AS27000=AMOX250D",
            "--json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["mappings"] == [
        {"kind": "site", "code": "C4023", "to": "CSCOM-SEV"},
        {"kind": "product", "code": "AS27000", "to": "AMOX250D"},
    ]
    uow = SqlAlchemyUnitOfWork(database.engine)
    assert ms.list_report_sites(uow)[0].facility_code == "CSCOM-SEV"

    bad = lmis_file(tmp_path, ["2019,13,R,D,C4023,AS27000,40,0,0,0,40,10,0,0"], "bad.csv")
    assert main(["--db", url, "import", str(bad)]) == 1
    assert "bad.csv, ligne 2, colonne month" in capsys.readouterr().out
    database.dispose()


def test_monthly_report_records_are_plain_monthly_stock_reports(
    uow: SqlAlchemyUnitOfWork, ctx: Context, tmp_path: Path
) -> None:
    ms.import_monthly_reports(
        uow, ctx, lmis_file(tmp_path, ["2019,3,R,D,C1,P1,10,5,3,-2,10,4,1,6"])
    )
    (report,) = ms.all_monthly_histories(uow, TODAY)
    assert report == MonthlyStockReport("C1", "P1", 2019, 3, 10, 5, 3, -2, 10, 1, 4, 6, "R", "D")
