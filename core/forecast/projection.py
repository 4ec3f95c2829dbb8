"""Stock-out projection for one product at one facility: the usable stock walked forward day
by day against the forecast, lots used first-expiry-first-out (FEFO), units of lots that
expire before they can be used counted as losses, pending receipts added on their expected
date; the projected stock-out date, the probability of a stock-out before the next delivery
could arrive, the quantity to order now, and a French sentence that says why.

Conventions:
- a lot is usable up to the day before its expiry date (on that date it is expired);
- the monthly forecast is spread evenly over the days of its month;
- the probability comes from the band: lower and upper are read as the 10th and 90th
  percentiles of a normal monthly demand, and the months' errors as fully correlated (the
  cautious choice: a month that is above its forecast is usually followed by another); it is
  the largest, over the days before a delivery ordered today could arrive, of the chance that
  the demand so far exceeds the stock so far (a receipt due before that day counts, one due
  after it does not);
- the quantity to order covers the forecast demand of the lead time plus the review period
  and keeps `minimum` units at its end, net of the usable stock, the receipts expected in that
  time and the units that will expire unused before its end."""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.french import MONTHS_FR

Z90 = 1.2815515655446004  # the 90th percentile of the standard normal


@dataclass(frozen=True, slots=True)
class Lot:
    """Usable stock of one lot on hand; `expiry` None for a product without expiry."""

    code: str
    quantity: int
    expiry: date | None = None


@dataclass(frozen=True, slots=True)
class PendingReceipt:
    """Stock on order or in transit, expected on `expected`."""

    quantity: int
    expected: date
    lot: str = ""
    expiry: date | None = None


@dataclass(frozen=True, slots=True)
class MonthDemand:
    """The forecast of one calendar month and its band (as ForecastLine gives them)."""

    year: int
    month: int
    forecast: float
    lower: float
    upper: float


@dataclass(frozen=True, slots=True)
class Loss:
    lot: str
    quantity: int
    expiry: date


@dataclass(frozen=True, slots=True)
class Projection:
    usable_stock: int
    stockout_date: date | None
    losses: tuple[Loss, ...]
    stockout_probability: float
    order_quantity: int
    explanation: str
    daily_stock: tuple[tuple[date, float], ...] = field(default=(), repr=False)


def french_date(day: date) -> str:
    """'9 novembre' (the year only when it is not the year of `today` is added by callers)."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS_FR[day.month - 1]}"


def french_number(value: float) -> str:
    return f"{round(value):,}".replace(",", "\u202f")


def _daily_demand(months: Sequence[MonthDemand], day: date, which: str = "forecast") -> float:
    for m in months:
        if (m.year, m.month) == (day.year, day.month):
            return float(getattr(m, which)) / calendar.monthrange(day.year, day.month)[1]
    return 0.0


def _last_day(months: Sequence[MonthDemand]) -> date:
    last = max((m.year, m.month) for m in months)
    return date(last[0], last[1], calendar.monthrange(*last)[1])


@dataclass(slots=True)
class _Walk:
    stockout: date | None = None
    losses: dict[tuple[str, date], float] = field(default_factory=dict)
    demand: float = 0.0
    unmet: float = 0.0
    stock: list[tuple[date, float]] = field(default_factory=list)


def _walk(
    today: date,
    end: date,
    lots: Sequence[Lot],
    receipts: Sequence[PendingReceipt],
    months: Sequence[MonthDemand],
) -> _Walk:
    """Day by day from `today` to `end` (inclusive), FEFO, with the point forecast."""
    on_hand: list[list[object]] = [
        [lot.expiry, lot.code, float(lot.quantity)] for lot in lots if lot.quantity > 0
    ]
    walk = _Walk()
    day = today
    while day <= end:
        for receipt in receipts:
            if receipt.expected == day and receipt.quantity > 0:
                on_hand.append([receipt.expiry, receipt.lot, float(receipt.quantity)])
        kept = []
        for expiry, code, quantity in on_hand:
            assert isinstance(quantity, float)
            if isinstance(expiry, date) and expiry <= day:
                if quantity > 0:
                    key = (str(code), expiry)
                    walk.losses[key] = walk.losses.get(key, 0.0) + quantity
            else:
                kept.append([expiry, code, quantity])
        kept.sort(key=lambda lot: (lot[0] is None, lot[0] or date.max))
        on_hand = kept
        need = _daily_demand(months, day)
        walk.demand += need
        for lot in on_hand:
            quantity = lot[2]
            assert isinstance(quantity, float)
            used = min(quantity, need)
            lot[2] = quantity - used
            need -= used
            if need <= 1e-9:
                break
        if need > 1e-9:
            walk.unmet += need
            if walk.stockout is None:
                walk.stockout = day
        remaining = 0.0
        for lot in on_hand:
            quantity = lot[2]
            assert isinstance(quantity, float)
            remaining += quantity
        walk.stock.append((day, remaining))
        day += timedelta(days=1)
    return walk


def _normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def project_stock(
    today: date,
    lots: Sequence[Lot],
    months: Sequence[MonthDemand],
    receipts: Sequence[PendingReceipt] = (),
    lead_time_days: int = 30,
    review_days: int = 30,
    minimum: int = 0,
    amc: int | None = None,
    unit: str = "unités",
    context: str = "",
) -> Projection:
    """Project the usable stock from `today` over the forecast `months` (see the module)."""
    usable = sum(
        lot.quantity
        for lot in lots
        if lot.quantity > 0 and (lot.expiry is None or lot.expiry > today)
    )
    end = max(_last_day(months), today + timedelta(days=lead_time_days + review_days))
    walk = _walk(today, end, lots, receipts, months)

    # Probability of running out before a delivery ordered today could arrive: on each day
    # until then, the chance that the demand so far exceeds what has been on the shelf so far
    # (usable stock, plus receipts arrived, minus units expired); the largest of these.
    arrival = today + timedelta(days=lead_time_days)
    mean = sigma = 0.0
    probability = 0.0
    day = today
    while day < arrival:
        mean += _daily_demand(months, day)
        spread = _daily_demand(months, day, "upper") - _daily_demand(months, day, "lower")
        sigma += max(0.0, spread) / (2 * Z90)
        arrived = sum(r.quantity for r in receipts if today <= r.expected <= day)
        lost = sum(q for (_, expiry), q in walk.losses.items() if expiry <= day)
        supply = usable + arrived - lost
        if sigma > 0:
            chance = 1.0 - _normal_cdf((supply - mean) / sigma)
        else:
            chance = 1.0 if mean > supply + 1e-9 else 0.0
        probability = max(probability, chance)
        day += timedelta(days=1)

    # Quantity to order now: demand through lead time + review, plus the minimum at its end.
    cover_end = today + timedelta(days=lead_time_days + review_days)
    demand = 0.0
    day = today
    while day < cover_end:
        demand += _daily_demand(months, day)
        day += timedelta(days=1)
    coming = sum(r.quantity for r in receipts if today <= r.expected < cover_end)
    expiring = sum(q for (_, expiry), q in walk.losses.items() if expiry < cover_end)
    order = max(0, math.ceil(demand + minimum - (usable + coming - expiring) - 1e-9))

    losses = tuple(
        Loss(code, round(quantity), expiry)
        for (code, expiry), quantity in sorted(walk.losses.items(), key=lambda kv: kv[0][1])
        if round(quantity) > 0
    )
    return Projection(
        usable_stock=usable,
        stockout_date=walk.stockout,
        losses=losses,
        stockout_probability=probability,
        order_quantity=order,
        explanation=explain(today, usable, walk.stockout, losses, receipts, amc, unit, context),
        daily_stock=tuple(walk.stock),
    )


def explain(
    today: date,
    usable: int,
    stockout: date | None,
    losses: Sequence[Loss],
    receipts: Sequence[PendingReceipt],
    amc: int | None,
    unit: str,
    context: str,
) -> str:
    """« À ce rythme (CMM ajustée 567 sachets, saison de soudure), le stock utilisable de 140
    sachets sera épuisé vers le 9 novembre ; 300 sachets du lot A12 périment le 30 octobre. »"""
    why = [f"CMM ajustée {french_number(amc)} {unit}"] if amc is not None else []
    if context:
        why.append(context)
    opening = "À ce rythme" + (f" ({', '.join(why)})" if why else "")
    stock = f"le stock utilisable de {french_number(usable)} {unit}"
    if stockout is None:
        sentence = f"{opening}, {stock} couvre toute la période prévue"
    else:
        sentence = f"{opening}, {stock} sera épuisé vers le {_dated(stockout, today)}"
    parts = [sentence]
    for receipt in sorted(receipts, key=lambda r: r.expected):
        if receipt.expected >= today and receipt.quantity > 0:
            parts.append(
                f"{french_number(receipt.quantity)} {unit} sont attendus le "
                f"{_dated(receipt.expected, today)}"
            )
    for loss in losses:
        lot = f" du lot {loss.lot}" if loss.lot else ""
        verb = "périment" if loss.quantity > 1 else "périme"
        parts.append(
            f"{french_number(loss.quantity)} {unit}{lot} {verb} le {_dated(loss.expiry, today)}"
        )
    return " ; ".join(parts) + "."


def _dated(day: date, today: date) -> str:
    text = french_date(day)
    return text if day.year == today.year else f"{text} {day.year}"
