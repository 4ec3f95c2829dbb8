"""The stock outlook of a facility: each product's forecast, projected stock and what to do.

History comes from the database (`all_monthly_histories`: the ledger, or imported monthly
reports); the forecast is `auto` (core.forecast) trained on every series of the database; the
projection walks the facility's usable lots FEFO with the pending orders (core.orders) and
the lead time of the product's stock policy. For RUTF the caseload-driven need of the PCIMA
register is given alongside.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from core.catalogue import Category, Product
from core.forecast.methods import AUTO
from core.forecast.predict import ForecastLine, predict
from core.forecast.projection import Lot, MonthDemand, PendingReceipt, Projection, project_stock
from core.forecast.series import build_series
from core.ledger import is_expired
from core.monthly import MonthlyStockReport
from core.monthly_services import all_monthly_histories
from core.orders import StockOrder
from core.pcima_services import RUTF_PRODUCT, rutf_needs_for
from core.ports import UnitOfWork
from core.services import get_facility
from core.settings import resolve_policy
from core.stock import add_months, month_start

HORIZON_MONTHS = 6
HISTORY_MONTHS = 24
# Requisitions are monthly: an order placed now must last until the next one arrives.
REVIEW_PERIOD_DAYS = 30
DAYS_PER_MONTH = 30
LEAN_SEASON_MONTHS = frozenset({6, 7, 8, 9})  # DOMAIN.md §3: June to September
# The pooled model learns from this many facilities at most (the facility itself, then those
# of the same type, then the others, by code): enough series to learn seasons and intermittent
# demand, few enough that a district server with hundreds of facilities answers in seconds.
POOL_FACILITIES = 25

METHOD_LABELS_FR = {
    "pooled": "modèle commun à tous les sites",
    "amc": "CMM des 3 derniers mois",
    "naive": "dernier mois",
    "median": "médiane des 4 derniers mois",
    "mean": "moyenne des 6 derniers mois",
    "ses": "lissage exponentiel",
    "croston": "Croston (demande intermittente)",
    "sba": "Croston corrigé (demande intermittente)",
    "tsb": "TSB (demande intermittente)",
    "seasonal": "saisonnier",
    "trend": "tendance",
}


class Risk(StrEnum):
    """How soon the projected stock-out comes, against the time a delivery takes."""

    NOW = "now"  # no usable stock today
    BEFORE_DELIVERY = "before_delivery"  # runs out before an order placed today could arrive
    BEFORE_NEXT_ORDER = "before_next_order"  # within lead time + review period
    LATER = "later"  # within the forecast horizon
    NONE = "none"  # lasts the whole horizon


RISK_LABELS_FR = {
    Risk.NOW: "en rupture",
    Risk.BEFORE_DELIVERY: "rupture avant la livraison",
    Risk.BEFORE_NEXT_ORDER: "rupture avant la prochaine commande",
    Risk.LATER: "rupture plus tard",
    Risk.NONE: "couvert",
}


@dataclass(frozen=True, slots=True)
class ProductOutlook:
    product: Product
    as_of: date
    history: tuple[MonthlyStockReport, ...]
    forecast: tuple[MonthDemand, ...]
    method: str
    projection: Projection
    amc: int
    min_quantity: int
    max_quantity: int
    lead_time_days: int
    pending: tuple[StockOrder, ...]
    caseload: tuple[tuple[date, int], ...] | None = None  # RUTF: sachets a month by caseload

    @property
    def days_to_stockout(self) -> int | None:
        stockout = self.projection.stockout_date
        return None if stockout is None else (stockout - self.as_of).days

    @property
    def risk(self) -> Risk:
        days = self.days_to_stockout
        if self.projection.usable_stock <= 0 and self.forecast_total > 0:
            return Risk.NOW
        if days is None:
            return Risk.NONE
        if days < self.lead_time_days:
            return Risk.BEFORE_DELIVERY
        if days < self.lead_time_days + REVIEW_PERIOD_DAYS:
            return Risk.BEFORE_NEXT_ORDER
        return Risk.LATER

    @property
    def forecast_total(self) -> float:
        return sum(m.forecast for m in self.forecast)

    @property
    def order_packs(self) -> int:
        return -(-self.projection.order_quantity // self.product.pack_size)

    @property
    def order_rounded(self) -> int:
        """The quantity to order now, rounded up to whole packs."""
        return self.order_packs * self.product.pack_size


def _context(product: Product, months: Sequence[MonthDemand], amc: int, method: str) -> str:
    """Why the rate is what it is, in a few French words."""
    parts = []
    if product.category is Category.NUTRITION and any(
        m.month in LEAN_SEASON_MONTHS for m in months[:3]
    ):
        parts.append("saison de soudure")
    if months and amc > 0:
        ahead = months[0].forecast
        if ahead > 1.2 * amc:
            parts.append("demande en hausse")
        elif ahead < 0.8 * amc:
            parts.append("demande en baisse")
    parts.append(f"prévision : {METHOD_LABELS_FR.get(method, method)}")
    return ", ".join(parts)


def _lots(balances: Sequence[tuple[str, date | None, int]], as_of: date) -> list[Lot]:
    return [
        Lot(code, quantity, expiry)
        for code, expiry, quantity in balances
        if quantity > 0 and not is_expired(expiry, as_of)
    ]


def facility_outlook(
    uow_factory: Callable[[], UnitOfWork],
    facility_code: str,
    as_of: date,
    product_codes: Sequence[str] | None = None,
) -> list[ProductOutlook]:
    """The outlook of every product the facility has history of, most at risk first."""
    uow = uow_factory()
    with uow:
        facility = get_facility(uow, facility_code)
        products = {p.code: p for p in uow.products.list()}
        settings = uow.settings.all()
        balances = uow.ledger.lot_balances(facility_code, as_of)
        pending = uow.orders.pending(facility_code)
        others = sorted(
            (f for f in uow.facilities.list() if f.code != facility_code),
            key=lambda f: (f.type is not facility.type, f.code),
        )
    pool = {facility_code, *(f.code for f in others[: POOL_FACILITIES - 1])}
    histories = all_monthly_histories(uow_factory(), as_of, pool)
    series = build_series(histories)
    wanted = set(product_codes) if product_codes is not None else None
    mine = [
        s
        for s in series
        if s.site_code == facility_code
        and s.product_code in products
        and (wanted is None or s.product_code in wanted)
    ]
    lines: list[ForecastLine] = predict(series, HORIZON_MONTHS, AUTO) if mine else []
    by_product: dict[str, list[ForecastLine]] = {}
    for line in lines:
        if line.site_code == facility_code:
            by_product.setdefault(line.product_code, []).append(line)
    first_history = add_months(month_start(as_of), -HISTORY_MONTHS)
    history_by_product: dict[str, list[MonthlyStockReport]] = {}
    for report in histories:
        if (
            report.site_code == facility_code
            and date(report.year, report.month, 1) >= first_history
        ):
            history_by_product.setdefault(report.product_code, []).append(report)

    outlooks = []
    for one in mine:
        code = one.product_code
        product = products[code]
        forecast_lines = sorted(by_product.get(code, []), key=lambda f: (f.year, f.month))
        if not forecast_lines:
            continue
        months = tuple(
            MonthDemand(f.year, f.month, f.forecast, f.lower, f.upper) for f in forecast_lines
        )
        policy = resolve_policy(settings, product, facility)
        recent = [r.adjusted_consumption for r in history_by_product.get(code, [])][
            -policy.amc_periods :
        ]
        amc = -(-sum(recent) // len(recent)) if recent else 0
        lots = _lots(
            [(b.lot, b.expiry, b.balance) for b in balances if b.product_code == code], as_of
        )
        orders = tuple(o for o in pending if o.product_code == code)
        receipts = [PendingReceipt(o.quantity, max(o.expected_on, as_of)) for o in orders]
        lead_days = int(policy.lead_time_months * DAYS_PER_MONTH)
        minimum = int(amc * policy.min_months)
        projection = project_stock(
            as_of,
            lots,
            months,
            receipts,
            lead_time_days=lead_days,
            review_days=REVIEW_PERIOD_DAYS,
            minimum=minimum,
            amc=amc,
            unit=plural(product.base_unit),
            context=_context(product, months, amc, forecast_lines[0].method),
        )
        outlooks.append(
            ProductOutlook(
                product=product,
                as_of=as_of,
                history=tuple(history_by_product.get(code, [])),
                forecast=months,
                method=forecast_lines[0].method,
                projection=projection,
                amc=amc,
                min_quantity=minimum,
                max_quantity=int(amc * policy.max_months),
                lead_time_days=lead_days,
                pending=orders,
                caseload=_caseload(uow_factory, facility_code, as_of)
                if code == RUTF_PRODUCT
                else None,
            )
        )
    order = list(Risk)
    outlooks.sort(
        key=lambda o: (
            order.index(o.risk),
            o.days_to_stockout if o.days_to_stockout is not None else 10**6,
            o.product.code,
        )
    )
    return outlooks


def plural(unit: str) -> str:
    """« sachets », « comprimés » — units are French nouns in the singular in the catalogue."""
    return unit if unit.endswith(("s", "x")) or not unit else unit + "s"


def _caseload(
    uow_factory: Callable[[], UnitOfWork], facility_code: str, as_of: date
) -> tuple[tuple[date, int], ...] | None:
    """RUTF sachets a month by the PCIMA caseload (N × P × K × C), when it is entered."""
    needs = rutf_needs_for(uow_factory, facility_code, as_of, HORIZON_MONTHS)
    if needs.annual_caseload is None:
        return None
    return tuple((month, c) for month, _, c in needs.monthly_sachets() if c is not None)
