"""Lots, FEFO, stock card and monthly series, without a database."""

from __future__ import annotations

from datetime import date

import pytest

from core.errors import DomainError, InsufficientStock
from core.ledger import (
    LotStock,
    Movement,
    MovementKind,
    Reason,
    allocate_fefo,
    check_lot_choice,
    check_movement,
    is_expired,
    min_future_balance,
    reversal_of,
    stock_card,
)
from core.ports import Change, LotBalance
from core.stock import add_months, complete_months, month_summaries

TODAY = date(2026, 11, 21)


def lot(name: str, expiry: date | None, quantity: int) -> LotStock:
    return LotStock("RUTF", name, expiry, quantity, quantity)


def test_fefo_takes_the_earliest_expiry_first_and_skips_expired_lots() -> None:
    lots = [
        lot("LATE", date(2027, 9, 30), 300),
        lot("GONE", date(2026, 10, 31), 500),
        lot("SOON", date(2027, 1, 31), 100),
    ]
    allocation = allocate_fefo(lots, 250, TODAY, "RUTF")
    assert [(s.lot, q) for s, q in allocation] == [("SOON", 100), ("LATE", 150)]


def test_fefo_refuses_more_than_the_usable_stock_and_says_how_much_there_is() -> None:
    lots = [lot("GONE", date(2026, 10, 31), 500), lot("OK", date(2027, 5, 31), 120)]
    with pytest.raises(InsufficientStock) as error:
        allocate_fefo(lots, 200, TODAY, "RUTF")
    assert error.value.available == 120
    assert "120" in str(error.value) and "200" in str(error.value)


def test_a_chosen_lot_may_not_be_expired() -> None:
    with pytest.raises(DomainError, match="périmé"):
        check_lot_choice(lot("GONE", date(2026, 10, 31), 500), 10, TODAY, "RUTF")
    check_lot_choice(lot("OK", date(2027, 5, 31), 120), 120, TODAY, "RUTF")


def test_a_lot_is_expired_on_its_expiry_date() -> None:
    assert not is_expired(date(2026, 11, 22), TODAY)
    assert is_expired(date(2026, 11, 21), TODAY)
    assert not is_expired(None, TODAY)


def test_movement_signs_and_reasons_are_checked() -> None:
    base = {"facility_code": "F", "product_code": "RUTF", "occurred_on": TODAY}
    with pytest.raises(DomainError):
        check_movement(Movement(**base, kind=MovementKind.RECEIPT, quantity=-5))
    with pytest.raises(DomainError):
        check_movement(Movement(**base, kind=MovementKind.LOSS, quantity=-5))  # no reason
    with pytest.raises(DomainError, match="signe"):
        check_movement(
            Movement(**base, kind=MovementKind.ADJUSTMENT, quantity=5, reason=Reason.DAMAGED)
        )
    check_movement(Movement(**base, kind=MovementKind.LOSS, quantity=-5, reason=Reason.STOLEN))
    check_movement(
        Movement(**base, kind=MovementKind.ADJUSTMENT, quantity=-3, reason=Reason.COUNT_CORRECTION)
    )


def test_reversal_points_at_the_original_and_cancels_its_quantity() -> None:
    original = Movement("F", "RUTF", date(2026, 11, 2), MovementKind.ISSUE, -600, lot="A12")
    reversal = reversal_of(original, "saisie en double", TODAY)
    assert reversal.reverses == original.uuid
    assert reversal.quantity == 600 and reversal.kind is MovementKind.ISSUE
    assert reversal.lot == "A12" and reversal.uuid != original.uuid
    with pytest.raises(DomainError):
        reversal_of(original, "  ", TODAY)
    with pytest.raises(DomainError):
        reversal_of(reversal, "encore", TODAY)


def test_min_future_balance_sees_a_later_dip() -> None:
    assert min_future_balance(100, [-30, -60, +200]) == 10
    assert min_future_balance(100, []) == 100


def test_stock_card_keeps_a_running_balance_per_lot_and_in_total() -> None:
    day = date(2026, 10, 1)
    movements = [
        Movement("F", "RUTF", day, MovementKind.RECEIPT, 450, lot="A12"),
        Movement("F", "RUTF", day, MovementKind.RECEIPT, 300, lot="B07"),
        Movement("F", "RUTF", day, MovementKind.ISSUE, -400, lot="A12"),
        Movement("F", "RUTF", day, MovementKind.ISSUE, -200, lot="B07"),
    ]
    card = stock_card(movements)
    assert [(c.lot_balance, c.balance) for c in card] == [
        (450, 450),
        (300, 750),
        (50, 350),
        (100, 150),
    ]


def test_complete_months_stop_at_the_last_month_that_has_ended() -> None:
    assert complete_months(date(2026, 11, 21), 3) == [
        date(2026, 8, 1),
        date(2026, 9, 1),
        date(2026, 10, 1),
    ]
    assert complete_months(date(2026, 10, 31), 2) == [date(2026, 9, 1), date(2026, 10, 1)]
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_month_summary_counts_days_that_end_without_usable_stock() -> None:
    # 100 sachets on 1 Sept, 21 dispensed by the 15th, the rest found damaged on the 15th:
    # days 15..30 end with nothing usable → 16 stock-out days.
    changes = [
        Change("RUTF", "A", date(2026, 9, 1), MovementKind.RECEIPT, 100, date(2027, 6, 30)),
        Change("RUTF", "A", date(2026, 9, 10), MovementKind.ISSUE, -21, date(2027, 6, 30)),
        Change("RUTF", "A", date(2026, 9, 15), MovementKind.LOSS, -79, date(2027, 6, 30)),
    ]
    (september,) = month_summaries([date(2026, 9, 1)], [], changes, tracked_from=date(2026, 9, 1))
    assert (september.opening, september.received, september.consumed) == (0, 100, 21)
    assert september.adjustments == -79 and september.closing == 0
    assert september.stockout_days == 16
    assert september.adjusted == 45  # ceil(21 × 30 / 14)


def test_an_expired_lot_on_the_shelf_is_not_usable_stock() -> None:
    opening = [LotBalance("RUTF", "OLD", date(2026, 9, 16), 50)]
    (september,) = month_summaries([date(2026, 9, 1)], opening, [])
    assert september.closing == 50
    assert september.stockout_days == 15  # from the 16th to the 30th


def test_unit_names_take_the_french_plural() -> None:
    from core.catalogue import unit_label

    assert unit_label("sachet", 1) == "sachet"
    assert unit_label("sachet", 1561) == "sachets"
    assert unit_label("carton", 1.5) == "carton"
    assert unit_label("carton", 10.4) == "cartons"
    assert unit_label("boîte", 3) == "boîtes"
