"""Delivery planning at a district depot: approved quantities shared out FEFO across facilities."""

from __future__ import annotations

from datetime import date

import pytest

from core.catalogue import Category, Product
from core.delivery import (
    DeliveryLine,
    DeliveryNote,
    DeliveryShortfall,
    delivery_number,
    over_supply,
    plan_deliveries,
)
from core.errors import DomainError
from core.ledger import LotStock

ON = date(2026, 11, 5)
PRODUCTS = {
    "RUTF": Product("RUTF", "ATPE, sachet 92 g", Category.NUTRITION, "sachet", "carton", 150),
    "AMOX250D": Product(
        "AMOX250D", "Amoxicilline 250 mg", Category.MEDICINES, "comprimé", "boîte", 100
    ),
    "MUAC-E": Product(
        "MUAC-E",
        "Bande PB enfant",
        Category.EQUIPMENT,
        "pièce",
        "paquet",
        50,
        has_lots=False,
        has_expiry=False,
    ),
}


def lot(product: str, name: str, expiry: date | None, available: int) -> LotStock:
    return LotStock(product, name, expiry, balance=available, available=available)


def shipped(lines: list[DeliveryLine]) -> list[tuple[str, str, int]]:
    return [(line.product_code, line.lot, line.quantity) for line in lines]


def test_the_delivery_number_names_depot_month_and_facility() -> None:
    number = delivery_number("CSREF-MOP", "CSCOM-SEV", date(2026, 10, 1))
    assert number == "BL-CSREF-MOP-2026-10-CSCOM-SEV"


def test_two_facilities_share_a_lot_first_served_gets_the_earliest_expiry() -> None:
    # The depot holds RUTF lot A (200 sachets, expiring January) and lot B (600, June);
    # lot OLD expired on 1 November and must stay on the shelf.
    lots = {
        "RUTF": [
            lot("RUTF", "B", date(2027, 6, 30), 600),
            lot("RUTF", "OLD", date(2026, 11, 1), 500),
            lot("RUTF", "A", date(2027, 1, 31), 200),
        ]
    }
    plan = plan_deliveries(
        [("CSCOM-SEV", {"RUTF": 300}), ("CSCOM-FAT", {"RUTF": 300})], lots, ON, PRODUCTS
    )
    sev_lines, sev_short = plan["CSCOM-SEV"]
    fat_lines, fat_short = plan["CSCOM-FAT"]
    assert shipped(sev_lines) == [("RUTF", "A", 200), ("RUTF", "B", 100)]
    assert shipped(fat_lines) == [("RUTF", "B", 300)]  # 600 − 100 already given to Sévaré
    assert sev_short == [] and fat_short == []
    first = sev_lines[0]
    assert (first.product_name, first.base_unit, first.pack_unit, first.pack_size) == (
        "ATPE, sachet 92 g",
        "sachet",
        "carton",
        150,
    )
    assert first.expiry == date(2027, 1, 31)


def test_an_expired_lot_is_never_shipped_even_the_day_it_expires() -> None:
    lots = {"AMOX250D": [lot("AMOX250D", "X1", ON, 1000), lot("AMOX250D", "X2", None, 50)]}
    lines, shortfalls = plan_deliveries([("S", {"AMOX250D": 300})], lots, ON, PRODUCTS)["S"]
    assert shipped(lines) == [("AMOX250D", "X2", 50)]
    assert shortfalls == [DeliveryShortfall("AMOX250D", "Amoxicilline 250 mg", "comprimé", 300, 50)]
    assert shortfalls[0].missing == 250


def test_lots_with_nothing_available_are_skipped() -> None:
    # Lot R holds 400 but all of it is already committed to a later issue.
    reserved = LotStock("RUTF", "R", date(2027, 1, 1), balance=400, available=0)
    lots = {"RUTF": [reserved, lot("RUTF", "S", date(2027, 5, 1), 150)]}
    lines, shortfalls = plan_deliveries([("S", {"RUTF": 150})], lots, ON, PRODUCTS)["S"]
    assert shipped(lines) == [("RUTF", "S", 150)] and shortfalls == []


def test_a_product_without_lots() -> None:
    lots = {"MUAC-E": [lot("MUAC-E", "", None, 80)]}
    lines, shortfalls = plan_deliveries([("S", {"MUAC-E": 50})], lots, ON, PRODUCTS)["S"]
    assert lines == [DeliveryLine("MUAC-E", "Bande PB enfant", "pièce", "paquet", 50, "", None, 50)]
    assert shortfalls == []


def test_what_the_depot_cannot_supply_becomes_a_shortfall() -> None:
    lots = {"AMOX250D": [lot("AMOX250D", "K1", date(2027, 3, 31), 1200)]}
    requests = [("CSCOM-SEV", {"AMOX250D": 1000}), ("CSCOM-FAT", {"AMOX250D": 500, "RUTF": 150})]
    plan = plan_deliveries(requests, lots, ON, PRODUCTS)
    assert shipped(plan["CSCOM-SEV"][0]) == [("AMOX250D", "K1", 1000)]
    assert plan["CSCOM-SEV"][1] == []
    fat_lines, fat_short = plan["CSCOM-FAT"]
    assert shipped(fat_lines) == [("AMOX250D", "K1", 200)]
    # RUTF: nothing in stock at all, nothing shipped.
    assert [(s.product_code, s.approved, s.shipped, s.missing) for s in fat_short] == [
        ("AMOX250D", 500, 200, 300),
        ("RUTF", 150, 0, 150),
    ]


def test_zero_approved_gives_neither_line_nor_shortfall() -> None:
    lots = {"RUTF": [lot("RUTF", "A", date(2027, 1, 31), 200)]}
    plan = plan_deliveries([("S", {"RUTF": 0, "AMOX250D": 0})], lots, ON, PRODUCTS)
    assert plan == {"S": ([], [])}


def test_lots_expiring_the_same_day_go_by_lot_number() -> None:
    same = date(2027, 2, 28)
    lots = {"RUTF": [lot("RUTF", "L2", same, 100), lot("RUTF", "L1", same, 100)]}
    lines, _ = plan_deliveries([("S", {"RUTF": 150})], lots, ON, PRODUCTS)["S"]
    assert shipped(lines) == [("RUTF", "L1", 100), ("RUTF", "L2", 50)]


def test_the_caller_lots_are_not_changed() -> None:
    lots = {"RUTF": [lot("RUTF", "A", date(2027, 1, 31), 200)]}
    plan_deliveries([("S", {"RUTF": 150})], lots, ON, PRODUCTS)
    again = plan_deliveries([("S", {"RUTF": 150})], lots, ON, PRODUCTS)
    assert shipped(again["S"][0]) == [("RUTF", "A", 150)]
    assert lots["RUTF"][0].available == 200


def test_unknown_product_negative_quantity_and_twice_the_same_facility_are_refused() -> None:
    lots: dict[str, list[LotStock]] = {}
    with pytest.raises(DomainError, match="XYZ n'est pas au catalogue"):
        plan_deliveries([("S", {"XYZ": 10})], lots, ON, PRODUCTS)
    with pytest.raises(DomainError, match="négative"):
        plan_deliveries([("S", {"RUTF": -10})], lots, ON, PRODUCTS)
    with pytest.raises(DomainError, match="deux fois"):
        plan_deliveries([("S", {"RUTF": 10}), ("S", {"RUTF": 5})], lots, ON, PRODUCTS)


def test_over_supply_lists_products_approved_beyond_usable_stock() -> None:
    lots = {
        "RUTF": [lot("RUTF", "A", date(2027, 1, 31), 800), lot("RUTF", "OLD", ON, 900)],
        "AMOX250D": [lot("AMOX250D", "K1", date(2027, 3, 31), 1200)],
    }
    requests = [
        ("CSCOM-SEV", {"RUTF": 450, "AMOX250D": 1000, "MUAC-E": 0}),
        ("CSCOM-FAT", {"RUTF": 300, "AMOX250D": 500, "MUAC-E": 50}),
    ]
    # RUTF 750 ≤ 800 usable (the expired 900 do not count); AMOX 1500 > 1200; MUAC 50 > 0.
    assert over_supply(requests, lots, ON) == {"AMOX250D": (1500, 1200), "MUAC-E": (50, 0)}


def test_the_note_totals_shipped_per_product() -> None:
    lots = {
        "RUTF": [
            lot("RUTF", "A", date(2027, 1, 31), 200),
            lot("RUTF", "B", date(2027, 6, 30), 900),
        ],
        "AMOX250D": [lot("AMOX250D", "K1", date(2027, 3, 31), 1200)],
    }
    lines, _ = plan_deliveries([("S", {"RUTF": 450, "AMOX250D": 300})], lots, ON, PRODUCTS)["S"]
    note = DeliveryNote(
        number=delivery_number("CSREF-MOP", "S", date(2026, 10, 1)),
        record_uuid="u",
        from_code="CSREF-MOP",
        from_name="CSRéf de Mopti",
        to_code="S",
        to_name="CSCom",
        region="Mopti",
        district="Mopti",
        period=date(2026, 10, 1),
        requisition_sequence=3,
        issued_on=ON,
        created_at=None,
        created_by="",
        lines=tuple(lines),
    )
    assert note.line_count == 3
    assert note.shipped_by_product == {"RUTF": 450, "AMOX250D": 300}
