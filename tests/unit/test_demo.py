"""The demo simulation on its own: deterministic, and every movement one the ledger accepts."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

import pytest

from core.catalogue import Category, Product, load_catalogue
from core.demo import HISTORY_DAYS, DemoData, build_demo
from core.errors import DomainError
from core.facilities import FacilityType
from core.ledger import MovementKind, Reason, check_movement
from tests.conftest import CATALOGUE

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def products() -> list[Product]:
    return load_catalogue(CATALOGUE)


@pytest.fixture(scope="module")
def demo(products: list[Product]) -> DemoData:
    return build_demo(products, TODAY)


def test_the_same_seed_gives_the_same_demo_and_another_seed_another(
    products: list[Product], demo: DemoData
) -> None:
    again = build_demo(products, TODAY)
    assert again.facilities == demo.facilities
    assert again.movements == demo.movements  # UUIDs included
    other = build_demo(products, TODAY, seed=7)
    assert [m.quantity for m in other.movements] != [m.quantity for m in demo.movements]


def test_three_regions_each_a_csref_supplying_its_cscoms(demo: DemoData) -> None:
    by_code = {f.code: f for f in demo.facilities}
    csrefs = [f for f in demo.facilities if f.type is FacilityType.CSREF]
    assert {f.region for f in csrefs} == {"Mopti", "Ségou", "Tombouctou"}
    assert all(f.supplier_code is None for f in csrefs)
    for facility in demo.facilities:
        if facility.type is not FacilityType.CSREF:
            supplier = by_code[facility.supplier_code or ""]
            assert supplier.type is FacilityType.CSREF and supplier.region == facility.region
    mopti = [f for f in demo.facilities if f.supplier_code == "CSREF-MOPTI"]
    assert sorted(f.type.value for f in mopti) == ["CSCom", "CSCom", "CSCom", "mobile"]
    # Suppliers come before the facilities they supply, so they can be stored in order.
    seen: set[str] = set()
    for facility in demo.facilities:
        assert facility.supplier_code is None or facility.supplier_code in seen
        seen.add(facility.code)


def test_every_movement_is_one_the_ledger_accepts(demo: DemoData) -> None:
    start = TODAY - timedelta(days=HISTORY_DAYS - 1)
    for movement in demo.movements:
        check_movement(movement)
        assert start <= movement.occurred_on <= TODAY
        assert movement.recorded_at is None  # stamped when stored
    assert len({m.uuid for m in demo.movements}) == len(demo.movements)


def test_no_lot_ever_ends_a_day_below_zero(demo: DemoData) -> None:
    daily: dict[tuple[str, str, str], dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for m in demo.movements:
        daily[(m.facility_code, m.product_code, m.lot)][m.occurred_on] += m.quantity
    for key, changes in daily.items():
        balance = 0
        for day in sorted(changes):
            balance += changes[day]
            assert balance >= 0, (key, day, balance)


def test_movements_come_in_the_order_they_happened(demo: DemoData) -> None:
    days = [m.occurred_on for m in demo.movements]
    assert days == sorted(days)


def test_expired_lots_are_never_issued_or_transferred(demo: DemoData) -> None:
    for m in demo.movements:
        if m.kind in (MovementKind.ISSUE, MovementKind.TRANSFER_OUT):
            assert m.expiry is None or m.expiry > m.occurred_on, m


def test_a_lot_has_one_expiry_everywhere(demo: DemoData) -> None:
    expiries: dict[tuple[str, str], set[date | None]] = defaultdict(set)
    for m in demo.movements:
        expiries[(m.product_code, m.lot)].add(m.expiry)
    assert all(len(found) == 1 for found in expiries.values())


def test_every_transfer_out_is_received_the_same_day_with_the_same_lot(demo: DemoData) -> None:
    """A depot's delivery arrives at the facility as a receipt (B of its R&R), a loan between
    neighbours as a transfer in; either way the same lot, day and note."""

    def key(facility: str, counterpart: str, m_lot: str, day: date, ref: str) -> tuple[str, ...]:
        return (facility, counterpart, m_lot, day.isoformat(), ref)

    outs: dict[tuple[str, ...], int] = defaultdict(int)
    ins: dict[tuple[str, ...], int] = defaultdict(int)
    for m in demo.movements:
        if m.kind is MovementKind.TRANSFER_OUT:
            outs[key(m.facility_code, m.counterpart, m.lot, m.occurred_on, m.reference)] -= (
                m.quantity
            )
        elif m.kind is MovementKind.TRANSFER_IN or (
            m.kind is MovementKind.RECEIPT and m.counterpart.startswith("CSREF-")
        ):
            ins[key(m.counterpart, m.facility_code, m.lot, m.occurred_on, m.reference)] += (
                m.quantity
            )
    assert outs and outs == ins
    kinds = {m.kind for m in demo.movements if m.counterpart.startswith("CSREF-")}
    assert MovementKind.RECEIPT in kinds and MovementKind.TRANSFER_IN not in kinds


def test_suppliers_deliver_the_csrefs_with_delivery_notes(demo: DemoData) -> None:
    receipts = [
        m
        for m in demo.movements
        if m.kind is MovementKind.RECEIPT and not m.counterpart.startswith("CSREF-")
    ]
    assert {m.counterpart for m in receipts} == {"UNICEF", "PPM"}
    assert all(re.fullmatch(r"BL-\d{4}-\d{4}", m.reference) for m in receipts)
    assert all(m.facility_code.startswith("CSREF-") for m in receipts)
    rutf = [m for m in receipts if m.product_code == "RUTF"]
    assert {m.counterpart for m in rutf} == {"UNICEF"}
    # RUTF keeps 24 months: a delivery never brings more than that.
    assert all(
        m.expiry is not None and m.expiry <= m.occurred_on + timedelta(days=731) for m in rutf
    )


def test_inpatient_milks_and_psychotropics_are_only_at_csrefs(
    products: list[Product], demo: DemoData
) -> None:
    mhgap = {p.code for p in products if p.category is Category.MHGAP}
    csref_only = {"F75", "F100", "RESOMAL"} | mhgap
    for m in demo.movements:
        if m.product_code in csref_only:
            assert m.facility_code.startswith("CSREF-"), m


def test_each_quarter_ends_with_a_physical_count(demo: DemoData) -> None:
    counts = [m for m in demo.movements if m.kind is MovementKind.COUNT]
    quarter_ends = {m.occurred_on for m in counts if "trimestriel" in m.note}
    assert quarter_ends == {
        date(2024, 12, 31),
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 9, 30),
        date(2025, 12, 31),
        date(2026, 3, 31),
        date(2026, 6, 30),
        date(2026, 9, 30),
    }
    assert all(m.reason is Reason.COUNT_CORRECTION for m in counts)
    differences = [m.quantity for m in counts if "trimestriel" in m.note]
    assert any(d < 0 for d in differences) and any(d == 0 for d in differences)
    assert all(abs(d) <= 60 for d in differences)  # small differences only


def test_losses_have_reasons_and_expired_lots_are_written_off(demo: DemoData) -> None:
    losses = [m for m in demo.movements if m.kind is MovementKind.LOSS]
    assert {Reason.DAMAGED, Reason.EXPIRED} <= {m.reason for m in losses}
    for m in losses:
        if m.reason is Reason.EXPIRED:
            assert m.expiry is not None and m.expiry <= m.occurred_on


def test_a_catalogue_without_the_demo_products_is_refused(products: list[Product]) -> None:
    with pytest.raises(DomainError, match="RUTF"):
        build_demo([p for p in products if p.code != "RUTF"], TODAY)
