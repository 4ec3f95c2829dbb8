"""The demo database, loaded once into a migrated SQLite file and read through the use cases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from core import services
from core.catalogue import load_catalogue
from core.demo import DemoSummary, load_demo
from core.errors import DomainError
from core.facilities import FacilityType
from core.ledger import MovementKind, Reason, StockCardLine
from core.services import Context
from core.stock import StockLine
from db.engine import Database, open_database
from db.uow import SqlAlchemyUnitOfWork
from tests.conftest import CATALOGUE

TODAY = date(2026, 11, 21)
CTX = Context(device="test", user="test", clock=lambda: datetime(2026, 11, 21, 12))


@dataclass
class Demo:
    database: Database
    uow: SqlAlchemyUnitOfWork
    summary: DemoSummary
    stock: dict[str, list[StockLine]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    home = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("SAHELSTOCK_HOME", str(home))
        database = open_database(str(home / "demo.db"))
        uow = SqlAlchemyUnitOfWork(database.engine)
        services.seed_catalogue(uow, load_catalogue(CATALOGUE))
        summary = load_demo(uow, CTX, TODAY)
        stock = {
            f.code: services.facility_stock(uow, f.code, TODAY)
            for f in services.list_facilities(uow)
        }
        yield Demo(database, uow, summary, stock)
        database.dispose()


def _daily_usable(card: list[StockCardLine], until: date) -> dict[date, int]:
    """Usable (non-expired) stock at the end of every day from the first movement on."""
    by_day: dict[date, list[StockCardLine]] = defaultdict(list)
    for line in card:
        by_day[line.movement.occurred_on].append(line)
    lots: dict[str, int] = defaultdict(int)
    expiry: dict[str, date | None] = {}
    usable: dict[date, int] = {}
    day = card[0].movement.occurred_on
    while day <= until:
        for line in by_day.get(day, []):
            lots[line.movement.lot] += line.movement.quantity
            expiry[line.movement.lot] = line.movement.expiry
        usable[day] = sum(q for lot, q in lots.items() if (e := expiry[lot]) is None or e > day)
        day += timedelta(days=1)
    return usable


def _issued_by_month(card: list[StockCardLine]) -> dict[date, int]:
    months: dict[date, int] = defaultdict(int)
    for line in card:
        if line.movement.kind is MovementKind.ISSUE:
            months[line.movement.occurred_on.replace(day=1)] -= line.movement.quantity
    return months


def test_facilities_of_three_regions_with_their_suppliers(demo: Demo) -> None:
    facilities = services.list_facilities(demo.uow)
    assert demo.summary.facilities == len(facilities) == 11
    by_code = {f.code: f for f in facilities}
    mopti = [f for f in facilities if f.supplier_code == "CSREF-MOPTI"]
    assert {f.code for f in mopti} == {
        "CSCOM-SEVARE",
        "CSCOM-FATOMA",
        "CSCOM-SOCOURA",
        "CM-IMC-MOPTI",
    }
    assert by_code["CM-IMC-MOPTI"].type is FacilityType.MOBILE_CLINIC
    for facility in facilities:
        if facility.type is FacilityType.CSREF:
            assert facility.supplier_code is None
        else:
            assert by_code[facility.supplier_code or ""].type is FacilityType.CSREF
    assert {f.region for f in facilities} == {"Mopti", "Ségou", "Tombouctou"}


def test_the_ledger_is_consistent_and_stamped_by_the_loader(demo: Demo) -> None:
    assert services.check_database(demo.uow) == []
    assert demo.summary.movements > 20_000
    card = services.product_stock_card(demo.uow, "CSCOM-SEVARE", "RUTF")
    first = card[0].movement
    assert first.occurred_on == TODAY - timedelta(days=729)
    assert first.kind is MovementKind.COUNT  # the opening inventory
    assert {(m.movement.entered_by, m.movement.origin_device) for m in card} == {("test", "test")}
    assert {m.movement.origin_facility for m in card} == {"CSCOM-SEVARE"}
    assert {m.movement.recorded_at for m in card} == {datetime(2026, 11, 21, 12)}


def test_a_cscom_ran_out_of_rutf_for_several_days_months_ago_then_was_resupplied(
    demo: Demo,
) -> None:
    card = services.product_stock_card(demo.uow, "CSCOM-FATOMA", "RUTF")
    usable = _daily_usable(card, TODAY)
    runs: list[tuple[date, date]] = []
    start: date | None = None
    for day, quantity in usable.items():
        if quantity <= 0 and start is None:
            start = day
        elif quantity > 0 and start is not None:
            runs.append((start, day - timedelta(days=1)))
            start = None
    long_ago = [(a, b) for a, b in runs if (b - a).days + 1 >= 5 and b < TODAY - timedelta(60)]
    assert long_ago, runs
    _, last_empty = long_ago[0]
    resupply = [
        line.movement
        for line in card
        if line.movement.occurred_on == last_empty + timedelta(days=1)
        and line.movement.kind is MovementKind.RECEIPT
    ]
    assert resupply and all(m.counterpart == "CSREF-MOPTI" for m in resupply)
    assert usable[TODAY] > 0  # and it has RUTF again today


def test_a_product_is_about_to_run_out_today(demo: Demo) -> None:
    about_to_run_out = [
        (code, line.product.code)
        for code, lines in demo.stock.items()
        for line in lines
        if line.usable_soh > 0
        and line.months_of_stock is not None
        and line.months_of_stock < Decimal("0.5")
    ]
    assert ("CSCOM-SOCOURA", "RUTF") in about_to_run_out
    socoura = next(x for x in demo.stock["CSCOM-SOCOURA"] if x.product.code == "RUTF")
    assert socoura.order_quantity > 0 and socoura.order_quantity % 150 == 0


def test_a_lot_expiring_within_three_months_is_still_in_stock(demo: Demo) -> None:
    expiring = [
        (code, line.product.code, line.expiring_soon)
        for code, lines in demo.stock.items()
        for line in lines
        if line.expiring_soon > 0
    ]
    assert expiring
    with demo.uow:
        lots = demo.uow.ledger.lot_balances("CSREF-SEGOU", TODAY)
    assert any(
        lb.expiry is not None and TODAY < lb.expiry <= TODAY + timedelta(days=92) and lb.balance
        for lb in lots
    )


def test_an_expired_lot_is_still_on_the_shelf(demo: Demo) -> None:
    expired = [
        (code, line.product.code)
        for code, lines in demo.stock.items()
        for line in lines
        if line.expired > 0
    ]
    assert expired
    code, product = expired[0]
    card = services.product_stock_card(demo.uow, code, product)
    on_shelf = {
        line.movement.lot
        for line in card
        if line.movement.expiry is not None
        and line.movement.expiry <= TODAY
        and line.lot_balance > 0
    }
    written_off = {line.movement.lot for line in card if line.movement.reason is Reason.EXPIRED}
    assert on_shelf - written_off


def test_rutf_use_peaks_in_the_lean_season(demo: Demo) -> None:
    months = _issued_by_month(services.product_stock_card(demo.uow, "CSCOM-SEVARE", "RUTF"))
    lean = [q for m, q in months.items() if m.month in (7, 8, 9)]
    dry = [q for m, q in months.items() if m.month in (1, 2, 3)]
    assert len(lean) == len(dry) == 6
    lean_mean, dry_mean = sum(lean) / len(lean), sum(dry) / len(dry)
    assert lean_mean > 1.8 * dry_mean
    assert 200 < dry_mean < 900  # a CSCom's few hundred sachets a month outside the peak


def test_expired_lots_are_never_dispensed_or_transferred(demo: Demo) -> None:
    for facility, lines in demo.stock.items():
        for line in lines:
            if line.soh == 0 and line.amc == 0:
                continue
            for card_line in services.product_stock_card(demo.uow, facility, line.product.code):
                m = card_line.movement
                if m.kind in (MovementKind.ISSUE, MovementKind.TRANSFER_OUT):
                    assert m.expiry is None or m.expiry > m.occurred_on, m


def test_loading_the_demo_twice_is_refused_and_changes_nothing(demo: Demo) -> None:
    with pytest.raises(DomainError, match="déjà des établissements"):
        load_demo(demo.uow, CTX, TODAY)
    assert len(services.list_facilities(demo.uow)) == demo.summary.facilities
    assert services.check_database(demo.uow) == []
