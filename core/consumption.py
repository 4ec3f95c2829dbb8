"""LMIS formulas of DOMAIN.md §2: adjusted consumption, AMC, MOS, max-min, order quantity."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum


def ceil_decimal(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def adjusted_consumption(consumed: int, stockout_days: int, months: int = 1) -> int:
    """N = ceil(C × 30M / (30M − X)); N = C when X = 0 or 30M − X ≤ 0; N = 0 when C = 0."""
    if consumed < 0:
        raise ValueError("consumption cannot be negative")
    if stockout_days < 0:
        raise ValueError("stock-out days cannot be negative")
    if consumed == 0:
        return 0
    period_days = 30 * months
    if stockout_days == 0 or period_days - stockout_days <= 0:
        return consumed
    # Integer ceiling division: exact, no floating point.
    return -(-consumed * period_days // (period_days - stockout_days))


def average_monthly_consumption(adjusted: Sequence[int], periods: int = 3) -> int:
    """AMC = ceil(mean of the last `periods` adjusted consumptions); 0 with no history."""
    if periods < 1:
        raise ValueError("the AMC needs at least one period")
    recent = list(adjusted)[-periods:]
    if not recent:
        return 0
    return -(-sum(recent) // len(recent))


def months_of_stock(usable_soh: int, amc: int) -> Decimal | None:
    """MOS = usable SOH ÷ AMC; None when AMC is 0 (shown as "–", never infinity)."""
    if amc <= 0:
        return None
    return Decimal(usable_soh) / Decimal(amc)


def stock_level(amc: int, months: Decimal) -> int:
    """A max, min or emergency-order quantity: ceil(AMC × months)."""
    return ceil_decimal(Decimal(amc) * months)


def order_quantity(
    amc: int, max_months: Decimal, usable_soh: int, on_order: int = 0, pack_size: int = 1
) -> int:
    """max(0, ceil(AMC × max) − usable SOH − on order), rounded up to whole packs (base units)."""
    if pack_size < 1:
        raise ValueError("pack size must be at least 1")
    needed = max(0, stock_level(amc, max_months) - usable_soh - on_order)
    return math.ceil(needed / pack_size) * pack_size if needed else 0


class StockStatus(StrEnum):
    """Where a product stands against its stock policy, worst first."""

    STOCKED_OUT = "stocked_out"
    EMERGENCY = "emergency"
    BELOW_MIN = "below_min"
    OK = "ok"
    OVERSTOCKED = "overstocked"
    NO_CONSUMPTION = "no_consumption"
    NOT_STOCKED = "not_stocked"


@dataclass(frozen=True, slots=True)
class StockPolicy:
    """Max-min parameters (settings per facility level, category or product)."""

    max_months: Decimal = Decimal(3)
    min_months: Decimal = Decimal("1.5")
    eop_months: Decimal = Decimal(1)
    amc_periods: int = 3
    expiry_warning_months: int = 3
    lead_time_months: Decimal = Decimal(1)


def stock_status(usable_soh: int, amc: int, policy: StockPolicy) -> StockStatus:
    """Standard max-min: emergency below the EOP, order when at or below min."""
    if usable_soh <= 0:
        return StockStatus.STOCKED_OUT
    mos = months_of_stock(usable_soh, amc)
    if mos is None:
        return StockStatus.NO_CONSUMPTION
    if mos < policy.eop_months:
        return StockStatus.EMERGENCY
    if mos <= policy.min_months:
        return StockStatus.BELOW_MIN
    if mos > policy.max_months:
        return StockStatus.OVERSTOCKED
    return StockStatus.OK


def consumption_from_count(opening: int, received: int, adjustments: int, counted: int) -> int:
    """When E is a physical count, C = A + B + D − E."""
    return opening + received + adjustments - counted
