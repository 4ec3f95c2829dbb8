"""DOMAIN.md §2 formulas against its test vectors and worked example."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.consumption import (
    StockPolicy,
    StockStatus,
    adjusted_consumption,
    average_monthly_consumption,
    consumption_from_count,
    months_of_stock,
    order_quantity,
    stock_level,
    stock_status,
)


@pytest.mark.parametrize(
    ("consumed", "stockout_days", "expected"),
    [(21, 15, 42), (21, 0, 21), (10, 10, 15), (5, 30, 5), (0, 12, 0), (7, 31, 7)],
)
def test_adjusted_consumption_test_vectors(
    consumed: int, stockout_days: int, expected: int
) -> None:
    assert adjusted_consumption(consumed, stockout_days) == expected


def test_adjusted_consumption_over_several_months() -> None:
    # 3 months = 90 days, 30 of them out of stock: 60 consumed in 60 days → 90.
    assert adjusted_consumption(60, 30, months=3) == 90


def test_amc_is_the_ceiling_of_the_mean_of_the_last_three() -> None:
    assert average_monthly_consumption([42, 21, 30]) == 31
    assert average_monthly_consumption([999, 42, 21, 30]) == 31
    assert average_monthly_consumption([10, 11], periods=3) == 11
    assert average_monthly_consumption([]) == 0


def test_months_of_stock_has_no_value_without_consumption() -> None:
    assert months_of_stock(140, 0) is None
    assert months_of_stock(140, 567) == Decimal(140) / Decimal(567)


def test_worked_example_of_domain_md() -> None:
    """A=300, B=450, D=−10, counted E=140 → C=600; AMC 567; order 1561 → 11 cartons."""
    consumed = consumption_from_count(opening=300, received=450, adjustments=-10, counted=140)
    assert consumed == 600
    adjusted = adjusted_consumption(consumed, 0)
    assert adjusted == 600
    amc = average_monthly_consumption([520, 580, adjusted])
    assert amc == 567
    assert stock_level(amc, Decimal(3)) == 1701
    assert order_quantity(amc, Decimal(3), usable_soh=140, pack_size=1) == 1561
    quantity = order_quantity(amc, Decimal(3), usable_soh=140, pack_size=150)
    assert quantity == 1650 and quantity // 150 == 11
    mos = months_of_stock(140, amc)
    assert mos is not None and round(mos, 2) == Decimal("0.25")
    assert stock_status(140, amc, StockPolicy()) is StockStatus.EMERGENCY


def test_order_quantity_deducts_stock_on_order_and_never_goes_negative() -> None:
    assert order_quantity(100, Decimal(3), usable_soh=100, on_order=50) == 150
    assert order_quantity(100, Decimal(3), usable_soh=400) == 0
    assert order_quantity(0, Decimal(3), usable_soh=0) == 0


def test_max_min_and_emergency_levels_use_months_from_the_policy() -> None:
    policy = StockPolicy()
    assert stock_level(567, policy.min_months) == 851  # 850.5 rounded up
    assert stock_level(567, policy.eop_months) == 567
    assert stock_status(800, 567, policy) is StockStatus.BELOW_MIN
    assert stock_status(1200, 567, policy) is StockStatus.OK
    assert stock_status(2000, 567, policy) is StockStatus.OVERSTOCKED
    assert stock_status(0, 567, policy) is StockStatus.STOCKED_OUT
    assert stock_status(50, 0, policy) is StockStatus.NO_CONSUMPTION
