"""Stock status of a facility: monthly series, stock-out days, AMC, MOS and order quantities."""

from __future__ import annotations

import calendar
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby

from core.catalogue import Product
from core.consumption import (
    StockPolicy,
    StockStatus,
    adjusted_consumption,
    average_monthly_consumption,
    months_of_stock,
    order_quantity,
    stock_level,
    stock_status,
)
from core.ledger import LotStock, Movement, MovementKind, is_expired
from core.ports import Change, LotBalance


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def complete_months(as_of: date, count: int) -> list[date]:
    """First days of the last `count` calendar months that ended on or before `as_of`."""
    last = month_start(as_of) if as_of == month_end(as_of) else add_months(month_start(as_of), -1)
    return [add_months(last, -i) for i in range(count - 1, -1, -1)]


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """One month of the R&R: A, B, C, D, E, stock-out days X and adjusted consumption N."""

    month: date
    opening: int
    received: int
    consumed: int
    adjustments: int
    closing: int
    stockout_days: int
    adjusted: int


def month_summaries(
    months: Sequence[date],
    opening_lots: Iterable[LotBalance],
    changes: Iterable[Change],
    tracked_from: date | None = None,
) -> list[MonthSummary]:
    """Walk one product's lots day by day through consecutive months.

    `opening_lots` are the balances at the end of the day before the first month; `changes`
    are that product's ledger rows within the months. A stock-out day is a day that ended with
    no usable (non-expired) stock; days before `tracked_from` (the product's first movement at
    the facility) are not counted.
    """
    if not months:
        return []
    lots: dict[str, int] = {}
    expiry: dict[str, date | None] = {}
    for lb in opening_lots:
        lots[lb.lot] = lots.get(lb.lot, 0) + lb.balance
        expiry[lb.lot] = lb.expiry
    by_day: dict[date, list[Change]] = defaultdict(list)
    for change in changes:
        by_day[change.occurred_on].append(change)
        expiry.setdefault(change.lot, change.expiry)
    # Usable stock only changes on a day with movements or on a lot's expiry date: recompute
    # it on those days only (the stock screen walks 300 products through several months).
    expiry_days = {e for e in expiry.values() if e is not None}
    usable: int | None = None
    one_day = timedelta(days=1)
    summaries: list[MonthSummary] = []
    for first in months:
        last = month_end(first)
        opening = sum(lots.values())
        received = consumed = adjustments = stockout = 0
        day = first
        while day <= last:
            todays = by_day.get(day)
            if todays:
                for change in todays:
                    lots[change.lot] = lots.get(change.lot, 0) + change.quantity
                    if change.kind is MovementKind.RECEIPT:
                        received += change.quantity
                    elif change.kind is MovementKind.ISSUE:
                        consumed -= change.quantity
                    else:
                        adjustments += change.quantity
            if usable is None or todays or day in expiry_days:
                usable = sum(
                    q for lot, q in lots.items() if q > 0 and not is_expired(expiry.get(lot), day)
                )
            if usable <= 0 and (tracked_from is None or day >= tracked_from):
                stockout += 1
            day += one_day
        summaries.append(
            MonthSummary(
                month=first,
                opening=opening,
                received=received,
                consumed=consumed,
                adjustments=adjustments,
                closing=opening + received - consumed + adjustments,
                stockout_days=stockout,
                adjusted=adjusted_consumption(max(consumed, 0), stockout),
            )
        )
    return summaries


@dataclass(frozen=True, slots=True)
class StockLine:
    """A product's stock position at a facility at the end of a day."""

    product: Product
    soh: int
    usable_soh: int
    expired: int
    expiring_soon: int
    amc: int
    months_of_stock: Decimal | None
    max_quantity: int
    min_quantity: int
    eop_quantity: int
    order_quantity: int
    status: StockStatus
    projected_stockout: date | None
    policy: StockPolicy
    on_order: int = 0

    @property
    def order_packs(self) -> int:
        return self.order_quantity // self.product.pack_size


def stock_line(
    product: Product,
    as_of: date,
    lots_now: Sequence[LotBalance],
    history: Sequence[MonthSummary],
    policy: StockPolicy,
    on_order: int = 0,
    ever_stocked: bool = True,
) -> StockLine:
    """Combine the lots at `as_of` and the recent months into the figures of DOMAIN.md §2."""
    soh = sum(lb.balance for lb in lots_now)
    usable = sum(lb.balance for lb in lots_now if not is_expired(lb.expiry, as_of))
    expired = soh - usable
    horizon = add_months(as_of, policy.expiry_warning_months)
    expiring = sum(
        lb.balance
        for lb in lots_now
        if lb.expiry is not None and as_of < lb.expiry <= horizon and lb.balance > 0
    )
    amc = average_monthly_consumption([m.adjusted for m in history], policy.amc_periods)
    mos = months_of_stock(usable, amc)
    if amc <= 0:
        projected = None
    elif usable <= 0:
        projected = as_of
    else:
        projected = as_of + timedelta(days=int(Decimal(usable) / Decimal(amc) * 30))
    return StockLine(
        product=product,
        soh=soh,
        usable_soh=usable,
        expired=expired,
        expiring_soon=expiring,
        amc=amc,
        months_of_stock=mos,
        max_quantity=stock_level(amc, policy.max_months),
        min_quantity=stock_level(amc, policy.min_months),
        eop_quantity=stock_level(amc, policy.eop_months),
        order_quantity=order_quantity(amc, policy.max_months, usable, on_order, product.pack_size),
        status=stock_status(usable, amc, policy) if ever_stocked else StockStatus.NOT_STOCKED,
        projected_stockout=projected,
        policy=policy,
        on_order=on_order,
    )


def stockout_start(
    lots_now: Iterable[LotStock], history: Iterable[Movement], as_of: date
) -> date | None:
    """The day a product's current stock-out began: the first day of the last run of days,
    up to `as_of`, that ended with no usable stock (nothing left, or only expired lots).

    `lots_now` are the lots with stock at the end of `as_of` (expired ones included, as
    services.propose_lots gives them); `history` is the product's movements newest first, read
    lazily: walking back from today stops at the last day that still had usable stock, so a
    recent stock-out needs only the last few movements. None when there is usable stock at
    `as_of`, or nothing ever moved."""
    lots = list(lots_now)
    balances = {s.lot: s.balance for s in lots}
    expiries: dict[str, date | None] = {s.lot: s.expiry for s in lots}

    def usable(day: date) -> int:
        return sum(
            q for lot, q in balances.items() if q > 0 and not is_expired(expiries.get(lot), day)
        )

    if usable(as_of) > 0:
        return None
    # Usable stock only changes on a day with movements or on an expiry date: visit those
    # days newest first, undoing each day's movements after looking at how it ended.
    expiry_days = [-e.toordinal() for e in expiries.values() if e is not None and e <= as_of]
    heapq.heapify(expiry_days)
    moves = groupby((m for m in history if m.occurred_on <= as_of), key=lambda m: m.occurred_on)
    next_moves = next(moves, None)
    since: date | None = None
    first_move: date | None = None
    while next_moves is not None or expiry_days:
        candidates = []
        if next_moves is not None:
            candidates.append(next_moves[0])
        if expiry_days:
            candidates.append(date.fromordinal(-expiry_days[0]))
        day = max(candidates)
        while expiry_days and -expiry_days[0] == day.toordinal():
            heapq.heappop(expiry_days)
        if usable(day) > 0:
            return since  # the next day that changed anything ended with nothing usable
        since = day
        if next_moves is not None and next_moves[0] == day:
            first_move = day
            for movement in next_moves[1]:
                balances[movement.lot] = balances.get(movement.lot, 0) - movement.quantity
                if movement.lot not in expiries:
                    expiries[movement.lot] = movement.expiry
                    if movement.expiry is not None and movement.expiry < day:
                        heapq.heappush(expiry_days, -movement.expiry.toordinal())
            next_moves = next(moves, None)
    # Nothing usable as far back as the history goes: out of stock since the first movement
    # (an expiry date before it changes nothing).
    return first_move if since is None or first_move is None else max(since, first_move)
