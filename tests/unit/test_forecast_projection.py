"""Stock-out projection: FEFO with an expiring lot, a pending receipt, the probability from
the band, the quantity to order and the French explanation."""

from __future__ import annotations

from datetime import date

import pytest

from core.forecast.projection import (
    Lot,
    MonthDemand,
    PendingReceipt,
    french_date,
    project_stock,
)

TODAY = date(2026, 10, 1)


def flat(per_month: float, spread: float = 0.0) -> list[MonthDemand]:
    """31 units a day in October, 30 in November, 31 in December (per_month 930 ~ 30/day)."""
    return [
        MonthDemand(
            2026,
            10,
            per_month * 31 / 30,
            per_month * 31 / 30 - spread,
            per_month * 31 / 30 + spread,
        ),
        MonthDemand(2026, 11, per_month, per_month - spread, per_month + spread),
        MonthDemand(
            2026,
            12,
            per_month * 31 / 30,
            per_month * 31 / 30 - spread,
            per_month * 31 / 30 + spread,
        ),
    ]


def test_stock_runs_out_on_the_day_the_usable_stock_is_used_up() -> None:
    # 30 a day, 300 usable: days 1..10 October are covered, the 11th is short.
    result = project_stock(TODAY, [Lot("B1", 300)], flat(900))
    assert result.usable_stock == 300
    assert result.stockout_date == date(2026, 10, 11)
    assert result.losses == ()


def test_a_lot_expiring_before_use_is_a_loss_and_fefo_uses_it_first() -> None:
    # A12 (300) expires 20 October; A13 (600) later. 30 a day from A12 first: by the 20th
    # 19 days used 570 > 300, so A12 is used up, nothing lost.
    used_first = project_stock(
        TODAY, [Lot("A13", 600, date(2027, 6, 30)), Lot("A12", 300, date(2026, 10, 20))], flat(900)
    )
    assert used_first.losses == ()
    assert used_first.stockout_date == date(2026, 10, 31)
    # At 10 a day, only 190 of A12 are used before the 20th: 110 are lost and the stock
    # runs out 11 days earlier than without the loss (90 days of 10 would reach 29 December).
    slow = project_stock(
        TODAY,
        [Lot("A13", 600, date(2027, 6, 30)), Lot("A12", 300, date(2026, 10, 20))],
        flat(300),
        amc=300,
        unit="sachets",
        context="saison de soudure",
    )
    assert [(loss.lot, loss.quantity, loss.expiry) for loss in slow.losses] == [
        ("A12", 110, date(2026, 10, 20))
    ]
    assert slow.stockout_date == date(2026, 12, 19)  # 790 usable ÷ 10 a day = 79 days
    assert slow.explanation == (
        "À ce rythme (CMM ajustée 300 sachets, saison de soudure), le stock utilisable de "
        "900 sachets sera épuisé vers le 19 décembre ; 110 sachets du lot A12 périment le "
        "20 octobre."
    )


def test_a_pending_receipt_arrives_on_its_date_and_pushes_the_stock_out_back() -> None:
    without = project_stock(TODAY, [Lot("B1", 300)], flat(900))
    receipt = PendingReceipt(600, date(2026, 10, 8), "B2", date(2027, 12, 31))
    with_receipt = project_stock(TODAY, [Lot("B1", 300)], flat(900), [receipt])
    assert without.stockout_date == date(2026, 10, 11)
    assert with_receipt.stockout_date == date(2026, 10, 31)
    assert "600 unités sont attendus le 8 octobre" in with_receipt.explanation
    # A receipt that arrives after the stock-out does not prevent it.
    late = PendingReceipt(600, date(2026, 10, 15))
    assert project_stock(TODAY, [Lot("B1", 300)], flat(900), [late]).stockout_date == date(
        2026, 10, 11
    )


def test_probability_of_stock_out_before_delivery_from_the_band() -> None:
    # Lead time 30 days: demand 930 ± band; stock 930 → about one chance in two.
    even = project_stock(TODAY, [Lot("B1", 930)], flat(900, spread=300), lead_time_days=31)
    assert even.stockout_probability == pytest.approx(0.5, abs=0.02)
    plenty = project_stock(TODAY, [Lot("B1", 3000)], flat(900, spread=300), lead_time_days=31)
    assert plenty.stockout_probability < 0.01
    short = project_stock(TODAY, [Lot("B1", 100)], flat(900, spread=300), lead_time_days=31)
    assert short.stockout_probability > 0.99
    # Without a band: certain or impossible.
    assert (
        project_stock(TODAY, [Lot("B1", 100)], flat(900), lead_time_days=31).stockout_probability
        == 1.0
    )


def test_order_quantity_covers_lead_time_and_review_and_keeps_the_minimum() -> None:
    # 30 days lead + 31 review from 1 October: 31 × 31 + 30 × 30 = 1861 of demand (Oct 31
    # a day, Nov 30); + minimum 200 − usable 500 − receipt 300 = 1261.
    months = [
        MonthDemand(2026, 10, 961, 961, 961),
        MonthDemand(2026, 11, 900, 900, 900),
        MonthDemand(2026, 12, 930, 930, 930),
    ]
    result = project_stock(
        TODAY,
        [Lot("B1", 500)],
        months,
        [PendingReceipt(300, date(2026, 10, 20))],
        lead_time_days=30,
        review_days=31,
        minimum=200,
    )
    assert result.order_quantity == 1261
    # Units that will expire unused are not counted as cover: OLD (100) expires on 2 October,
    # 31 of it are used on the 1st, the other 69 are lost: 1861 + 200 − (600 + 300 − 69).
    expiring = project_stock(
        TODAY,
        [Lot("B1", 500), Lot("OLD", 100, date(2026, 10, 2))],
        months,
        [PendingReceipt(300, date(2026, 10, 20))],
        lead_time_days=30,
        review_days=31,
        minimum=200,
    )
    assert expiring.order_quantity == 1230
    assert [(loss.lot, loss.quantity) for loss in expiring.losses] == [("OLD", 69)]


def test_no_stock_out_within_the_forecast_and_french_dates() -> None:
    result = project_stock(TODAY, [Lot("B1", 10_000)], flat(900), lead_time_days=10, review_days=10)
    assert result.stockout_date is None
    assert result.order_quantity == 0
    assert result.explanation.startswith("À ce rythme, le stock utilisable de 10\u202f000 unités")
    assert "couvre toute la période prévue" in result.explanation
    assert french_date(date(2026, 11, 1)) == "1er novembre"
