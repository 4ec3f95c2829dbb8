"""The demo database: facilities in Mopti, Ségou and Tombouctou with two years of daily stock."""

from __future__ import annotations

import calendar
import logging
import math
import random
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.catalogue import Product
from core.consumption import StockPolicy, adjusted_consumption, average_monthly_consumption
from core.consumption import order_quantity as max_min_quantity
from core.errors import DomainError
from core.facilities import Facility, FacilityType, new_facility
from core.ledger import Movement, MovementKind, Reason
from core.ports import UnitOfWork
from core.services import Context
from core.settings import resolve_policy
from core.stock import add_months, complete_months, month_end, month_start

log = logging.getLogger(__name__)

HISTORY_DAYS = 730

# Seasonal multipliers, January to December, of the dry-season level. SAM admissions (and with
# them RUTF, F-75/F-100 and the systematic medicines) peak in the lean season, June to
# September (DOMAIN.md §3); malaria peaks at the end of the rains.
_SAM = (1.0, 1.0, 1.05, 1.15, 1.4, 1.9, 2.4, 2.7, 2.4, 1.7, 1.25, 1.05)
_MAM = (1.0, 1.0, 1.0, 1.1, 1.25, 1.5, 1.8, 1.9, 1.8, 1.4, 1.15, 1.0)
_MALARIA = (0.6, 0.5, 0.45, 0.45, 0.5, 0.7, 1.0, 1.6, 2.0, 2.1, 1.6, 0.9)
_SCREENING = (1.0, 1.0, 1.0, 1.0, 1.2, 1.5, 1.5, 1.5, 1.3, 1.0, 1.0, 1.0)
_FLAT = (1.0,) * 12

UNICEF = "UNICEF"
PPM = "PPM"


@dataclass(frozen=True, slots=True)
class _ProductPlan:
    """How a product moves: who supplies it, its season, what one patient gets at a visit,
    its shelf life, and its dry-season monthly use by facility level (0: not stocked there)."""

    code: str
    supplier: str
    season: tuple[float, ...]
    visit: tuple[int, ...]
    shelf_months: int
    lot_prefix: str
    csref: int
    cscom: int
    mobile: int


# One SAM child ≈ 150 sachets of RUTF over about 7 weeks, handed out as weekly rations by weight
# (DOMAIN.md §3): a CSCom uses about 300 sachets a month in the dry season and 2–3 times that in
# the lean season.
_PRODUCTS = (
    _ProductPlan("RUTF", UNICEF, _SAM, (14, 18, 21, 21, 25, 28, 32), 24, "NF", 250, 330, 280),
    _ProductPlan("RUSF", UNICEF, _MAM, (14, 15, 28, 30), 24, "NS", 300, 450, 250),
    _ProductPlan("F75", UNICEF, _SAM, (6, 8, 12), 24, "TF", 150, 0, 0),
    _ProductPlan("F100", UNICEF, _SAM, (6, 9, 12), 24, "TC", 200, 0, 0),
    _ProductPlan("RESOMAL", UNICEF, _SAM, (1, 1, 2, 3), 24, "RS", 30, 0, 0),
    _ProductPlan("AMOX250D", PPM, _SAM, (10, 14, 14, 20), 24, "AX", 800, 600, 400),
    _ProductPlan("ALB400", PPM, _SAM, (1, 1, 1, 2), 36, "AB", 80, 60, 40),
    _ProductPlan("ACT-AL6", PPM, _MALARIA, (1,), 24, "AL", 150, 120, 100),
    _ProductPlan("TDR-PALU", PPM, _MALARIA, (1,), 24, "RD", 300, 200, 150),
    _ProductPlan("FLUOX20", PPM, _FLAT, (28, 30), 36, "FX", 300, 0, 0),
    _ProductPlan("HALO5", PPM, _FLAT, (30, 60), 36, "HP", 180, 0, 0),
    _ProductPlan("PHENO50", PPM, _FLAT, (30, 60, 90), 36, "PB", 450, 0, 0),
    _ProductPlan("DIAZ5", PPM, _FLAT, (5, 10, 15), 36, "DZ", 60, 0, 0),
    _ProductPlan("MUAC-E", UNICEF, _SCREENING, (1, 1, 2, 5, 10), 0, "", 10, 15, 20),
    _ProductPlan("MUAC-A", UNICEF, _FLAT, (1, 2), 0, "", 5, 0, 0),
)

DEMO_PRODUCT_CODES = tuple(p.code for p in _PRODUCTS)


@dataclass(frozen=True, slots=True)
class _SitePlan:
    """A facility of the demo (its health district is its region's capital), its size
    relative to an average one and, for those a CSRéf supplies, the day of the month its
    delivery usually arrives."""

    code: str
    name: str
    type: str
    region: str
    supplier: str | None
    size: float
    delivery_day: int = 0

    @property
    def short(self) -> str:
        return self.code.split("-", 1)[-1]


_MOPTI, _SEGOU, _TBT = "CSREF-MOPTI", "CSREF-SEGOU", "CSREF-TOMBOUCTOU"
_SITES = (
    _SitePlan(_MOPTI, "CSRéf de Mopti", "CSRef", "Mopti", None, 1.2),
    _SitePlan("CSCOM-SEVARE", "CSCom de Sévaré", "CSCom", "Mopti", _MOPTI, 1.3, 4),
    _SitePlan("CSCOM-FATOMA", "CSCom de Fatoma", "CSCom", "Mopti", _MOPTI, 1.0, 6),
    _SitePlan("CSCOM-SOCOURA", "CSCom de Socoura", "CSCom", "Mopti", _MOPTI, 0.9, 8),
    _SitePlan("CM-IMC-MOPTI", "Clinique mobile IMC de Mopti", "mobile", "Mopti", _MOPTI, 1.0, 10),
    _SitePlan(_SEGOU, "CSRéf de Ségou", "CSRef", "Ségou", None, 1.0),
    _SitePlan("CSCOM-PELENGANA", "CSCom de Pélengana", "CSCom", "Ségou", _SEGOU, 1.1, 5),
    _SitePlan("CSCOM-SEBOUGOU", "CSCom de Sébougou", "CSCom", "Ségou", _SEGOU, 0.85, 7),
    _SitePlan(_TBT, "CSRéf de Tombouctou", "CSRef", "Tombouctou", None, 0.8),
    _SitePlan("CSCOM-BELLAFARANDI", "CSCom de Bellafarandi", "CSCom", "Tombouctou", _TBT, 0.9, 9),
    _SitePlan("CSCOM-KABARA", "CSCom de Kabara", "CSCom", "Tombouctou", _TBT, 0.75, 12),
)

# The scenario every demo shows, whatever the seed (tests check each one).
STOCKOUT_SITE = "CSCOM-FATOMA"  # RUTF ran out some months ago, then was resupplied
LOW_STOCK_SITE = "CSCOM-SOCOURA"  # RUTF about to run out today
LOW_STOCK_NEIGHBOUR = "CSCOM-SEVARE"  # which Socoura helped out with RUTF
EXPIRING_SITE, EXPIRING_PRODUCT = "CSREF-SEGOU", "ALB400"  # a lot expiring within 3 months
EXPIRED_SITE, EXPIRED_PRODUCT = "CSREF-TOMBOUCTOU", "DIAZ5"  # an expired lot not yet written off

_SLOW_MOVERS = ("RESOMAL", "F75", "F100", "FLUOX20", "HALO5", "PHENO50", "DIAZ5")

# A CSRéf keeps lots that expire within this many days instead of sending them to a CSCom that
# could not use them up in time.
_TRANSFER_MIN_SHELF = timedelta(days=120)
_FIXED_OPEN_DAYS = 5.3  # Monday to Friday and about one Saturday in three
_MOBILE_OPEN_DAYS = 1.8  # Tuesday and Thursday, sometimes cancelled


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo loaded."""

    facilities: int
    movements: int


@dataclass(frozen=True, slots=True)
class DemoData:
    """The demo before it is stored: facilities (suppliers first) and unstamped movements in
    the order they happened."""

    facilities: list[Facility]
    movements: list[Movement]


MaxMonths = Callable[[Facility, Product], Decimal]


def load_demo(uow: UnitOfWork, ctx: Context, today: date, seed: int = 2026) -> DemoSummary:
    """Fill an empty database (catalogue already seeded) with the demo, in one transaction."""
    started = time.perf_counter()
    with uow:
        if uow.facilities.list():
            raise DomainError(
                "La base contient déjà des établissements : les données de démonstration ne se "
                "chargent que dans une base vide. Ouvrez une nouvelle base (option --db)."
            )
        products = uow.products.list()
        settings = uow.settings.all()

        def max_months(facility: Facility, product: Product) -> Decimal:
            return resolve_policy(settings, product, facility).max_months

        data = build_demo(products, today, seed, max_months)
        for facility in data.facilities:
            uow.facilities.add(facility)
        now = ctx.clock()
        origins = {f.code: ctx.origin(f.code) for f in data.facilities}
        stamped = [m.stamped(origins[m.facility_code], now) for m in data.movements]
        count = uow.ledger.add_many(stamped)
        from core.demo_nutrition import load_demo_nutrition  # it reads this module's plan

        load_demo_nutrition(uow, ctx, today, data.facilities, stamped, seed, now)
        uow.commit()
    log.info(
        "Demo loaded: %d facilities, %d movements in %.1f s",
        len(data.facilities),
        count,
        time.perf_counter() - started,
    )
    return DemoSummary(facilities=len(data.facilities), movements=count)


def build_demo(
    products: Sequence[Product],
    today: date,
    seed: int = 2026,
    max_months: MaxMonths | None = None,
) -> DemoData:
    """Simulate the demo's facilities day by day; the same products, day and seed always give
    the same movements (UUIDs included)."""
    by_code = {p.code: p for p in products}
    missing = [code for code in DEMO_PRODUCT_CODES if code not in by_code]
    if missing:
        raise DomainError(
            "Le catalogue ne contient pas " + ", ".join(missing) + " : chargez d'abord le "
            "catalogue de base (resources/catalogue.csv) avant la démonstration."
        )
    policy = StockPolicy()
    simulation = _Simulation(by_code, today, seed, max_months or (lambda _f, _p: policy.max_months))
    simulation.run()
    return DemoData(simulation.facilities, simulation.movements)


# --- the simulation -------------------------------------------------------------------------


@dataclass(slots=True)
class _Lot:
    code: str
    expiry: date | None
    quantity: int


def _fefo_key(lot: _Lot) -> tuple[bool, date, str]:
    return (lot.expiry is None, lot.expiry or date.max, lot.code)


@dataclass(slots=True, eq=False)
class _Stock:
    """One product at one facility, as the simulation keeps it."""

    site: _SitePlan
    product: Product
    plan: _ProductPlan
    monthly: float  # dry-season use per month
    max_months: Decimal
    lots: list[_Lot] = field(default_factory=list)
    consumed: dict[date, int] = field(default_factory=dict)
    stockout_days: dict[date, int] = field(default_factory=dict)
    zero_run: int = 0

    def expected(self, month: date) -> float:
        return self.monthly * self.plan.season[month.month - 1]

    def usable(self, on: date) -> int:
        """What can still be issued on `on`: lots that expire after it."""
        return sum(lot.quantity for lot in self.lots if lot.expiry is None or lot.expiry > on)

    def add(self, code: str, expiry: date | None, quantity: int) -> None:
        for lot in self.lots:
            if lot.code == code:
                lot.quantity += quantity
                return
        self.lots.append(_Lot(code, expiry, quantity))
        self.lots.sort(key=_fefo_key)

    def take(self, quantity: int, after: date) -> list[tuple[_Lot, int]]:
        """Up to `quantity` FEFO from lots that expire after `after`."""
        taken: list[tuple[_Lot, int]] = []
        remaining = quantity
        for lot in self.lots:
            if remaining <= 0:
                break
            if lot.quantity <= 0 or (lot.expiry is not None and lot.expiry <= after):
                continue
            amount = min(lot.quantity, remaining)
            lot.quantity -= amount
            remaining -= amount
            taken.append((lot, amount))
        self.lots = [lot for lot in self.lots if lot.quantity > 0]
        return taken


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    threshold = math.exp(-mean)
    count = 0
    product = rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count


def _expected_between(stock: _Stock, start: date, end: date) -> float:
    """Expected use in [start, end), month by month."""
    total = 0.0
    day = start
    while day < end:
        last = month_end(day)
        stop = min(end, last + timedelta(days=1))
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        total += stock.expected(day) * (stop - day).days / days_in_month
        day = stop
    return total


def _is_quarter_end(day: date) -> bool:
    return day.month % 3 == 0 and day == month_end(day)


class _Simulation:
    """Walks every day of the history at every facility: deliveries, transfers, dispensing,
    losses, expiries and counts, keeping lots in Python and writing movements as it goes."""

    def __init__(
        self, products: Mapping[str, Product], today: date, seed: int, max_months: MaxMonths
    ) -> None:
        self.rng = random.Random(seed)
        self._uuids = random.Random(f"sahelstock-demo-uuids-{seed}")
        self.today = today
        self.start = today - timedelta(days=HISTORY_DAYS - 1)
        self.movements: list[Movement] = []
        self.facilities: list[Facility] = []
        self.sites: dict[str, _SitePlan] = {}
        self.stocks: dict[tuple[str, str], _Stock] = {}
        self.children: dict[str, list[_SitePlan]] = {}
        for site in _SITES:
            facility = new_facility(
                site.code, site.name, site.type, site.region, site.region, site.supplier
            )
            self.facilities.append(facility)
            self.sites[site.code] = site
            if site.supplier:
                self.children.setdefault(site.supplier, []).append(site)
            for plan in _PRODUCTS:
                base = {
                    FacilityType.CSREF: plan.csref,
                    FacilityType.CSCOM: plan.cscom,
                    FacilityType.MOBILE_CLINIC: plan.mobile,
                }.get(facility.type, 0)
                if base:
                    product = products[plan.code]
                    self.stocks[(site.code, plan.code)] = _Stock(
                        site,
                        product,
                        plan,
                        base * site.size,
                        max_months(facility, product),
                    )
        self._lot_numbers = {plan.code: self.rng.randint(10, 400) for plan in _PRODUCTS}
        self._note_numbers: dict[tuple[str, int], int] = {}
        self._write_offs: dict[date, list[tuple[_Stock, str]]] = {}
        self._kept_on_shelf: set[tuple[str, str, str]] = set()
        self._next_supply = {
            (site.code, supplier): self.start + timedelta(days=self.rng.randint(20, 60))
            for site in _SITES
            if site.supplier is None
            for supplier in (UNICEF, PPM)
        }
        self._delivery_days = self._plan_delivery_days()
        self._donations = self._plan_donations()
        # Past stock-out: RUTF stops reaching Fatoma a month before a lean-season month at
        # least three months ago, until the CSCom has been empty for a week or more.
        target = next(
            add_months(month_start(today), -k)
            for k in range(3, 16)
            if add_months(month_start(today), -k).month in (6, 7, 8, 9)
        )
        self._cut_from = add_months(target, -1)
        self._cut_state = "before"
        self._cut_days_empty = self.rng.randint(7, 12)
        # About to run out: for five months the CSRéf rationed Socoura's RUTF, sending only
        # enough to last until about now; this month's delivery has not come yet.
        self._ration_from = today - timedelta(days=150)
        self._low_from = max(month_start(today), today - timedelta(days=10))
        if today == month_end(today):
            self._low_from = today
        self._low_floor = 1

    # --- helpers ---------------------------------------------------------------------------

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self._uuids.getrandbits(128), version=4))

    def _emit(
        self,
        stock: _Stock,
        day: date,
        kind: MovementKind,
        quantity: int,
        lot: _Lot | tuple[str, date | None],
        reason: Reason | None = None,
        counterpart: str = "",
        reference: str = "",
        note: str = "",
        counted: int | None = None,
    ) -> None:
        code, expiry = (lot.code, lot.expiry) if isinstance(lot, _Lot) else lot
        self.movements.append(
            Movement(
                facility_code=stock.site.code,
                product_code=stock.product.code,
                occurred_on=day,
                kind=kind,
                quantity=quantity,
                lot=code,
                expiry=expiry,
                reason=reason,
                counterpart=counterpart,
                reference=reference,
                note=note,
                counted=counted,
                uuid=self._uuid(),
            )
        )

    def _new_lot(self, stock: _Stock, made: date) -> tuple[str, date | None]:
        product = stock.product
        if not product.has_lots:
            return "", None
        self._lot_numbers[product.code] += self.rng.randint(1, 7)
        prefix = stock.plan.lot_prefix or product.code[:2]
        code = f"{prefix}{made:%y%m}{self._lot_numbers[product.code]:03d}"
        if not product.has_expiry:
            return code, None
        shelf = stock.plan.shelf_months or 24
        return code, month_end(add_months(made, shelf))

    def _note_number(self, issuer: str, day: date) -> str:
        key = (issuer, day.year)
        if key not in self._note_numbers:
            self._note_numbers[key] = self.rng.randint(20, 300) if issuer in (UNICEF, PPM) else 0
        step = self.rng.randint(3, 25) if issuer in (UNICEF, PPM) else 1
        self._note_numbers[key] += step
        number = self._note_numbers[key]
        if issuer in (UNICEF, PPM):
            return f"BL-{day.year}-{number:04d}"
        return f"BL-{self.sites[issuer].short}-{day.year}-{number:03d}"

    def _amc(self, stock: _Stock, as_of: date) -> int:
        """AMC of the last complete months as the R&R computes it; months before the history
        count at the expected level, as if the facility's earlier records were known."""
        adjusted = []
        for month in complete_months(as_of, 3):
            if month < self.start:
                adjusted.append(round(stock.expected(month)))
            else:
                adjusted.append(
                    adjusted_consumption(
                        stock.consumed.get(month, 0), stock.stockout_days.get(month, 0)
                    )
                )
        return average_monthly_consumption(adjusted, 3)

    def _plan_delivery_days(self) -> dict[tuple[str, date], date]:
        days: dict[tuple[str, date], date] = {}
        month = add_months(month_start(self.start), 1)
        while month <= self.today:
            for site in _SITES:
                if site.supplier is None:
                    continue
                day = month.replace(
                    day=min(28, max(1, site.delivery_day + self.rng.randint(-2, 2)))
                )
                if day.weekday() == 6:
                    day += timedelta(days=1)
                days[(site.code, month)] = day
            month = add_months(month, 1)
        return days

    def _transfer(
        self, source: _Stock, target: _Stock, quantity: int, day: date, reference: str, note: str
    ) -> int:
        moved = 0
        for lot, amount in source.take(quantity, day + _TRANSFER_MIN_SHELF):
            self._emit(
                source,
                day,
                MovementKind.TRANSFER_OUT,
                -amount,
                lot,
                Reason.TRANSFER_OUT,
                target.site.code,
                reference,
                note,
            )
            # The facility receives its supplier's delivery note: a receipt (B of its R&R);
            # for the depot, what leaves for the facilities it serves is a transfer (D).
            self._emit(
                target,
                day,
                MovementKind.RECEIPT,
                amount,
                lot,
                None,
                source.site.code,
                reference,
                note,
            )
            target.add(lot.code, lot.expiry, amount)
            moved += amount
        return moved

    # --- the days --------------------------------------------------------------------------

    def run(self) -> None:
        self._opening_count(self.start)
        day = self.start
        while day <= self.today:
            self._note_expiries(day)
            self._supplier_deliveries(day)
            self._scenario_receipts(day)
            self._expired_write_offs(day)
            self._stockout_scenario(day)
            self._monthly_transfers(day)
            self._low_stock_scenario(day)
            open_sites = {code: self._is_open(site, day) for code, site in self.sites.items()}
            self._dispense(day, open_sites)
            self._losses(day, open_sites)
            if _is_quarter_end(day):
                self._count(day)
            self._close(day)
            day += timedelta(days=1)

    def _opening_count(self, day: date) -> None:
        """The first physical count, the day the facility starts using SahelStock."""
        for stock in self.stocks.values():
            if stock.site.supplier is None:
                district = sum(s.expected(day) for s in self._district_stocks(stock))
                quantity = round(self.rng.uniform(2.5, 4.0) * district)
            else:
                quantity = round(self.rng.uniform(1.5, 3.0) * stock.expected(day))
            if quantity < 50 or not stock.product.has_lots:
                parts = [quantity]
            else:
                parts = [quantity // 3, quantity - quantity // 3]
            for part in parts:
                if part <= 0:
                    continue
                lot = self._new_lot(stock, day - timedelta(days=self.rng.randint(60, 300)))
                stock.add(lot[0], lot[1], part)
                self._emit(
                    stock,
                    day,
                    MovementKind.COUNT,
                    part,
                    lot,
                    Reason.COUNT_CORRECTION,
                    note="Inventaire initial (mise en service de SahelStock)",
                    counted=part,
                )

    def _note_expiries(self, day: date) -> None:
        """A lot that expires today will be written off some days later (or not yet)."""
        for stock in self.stocks.values():
            for lot in stock.lots:
                if lot.expiry != day or lot.quantity <= 0:
                    continue
                if (stock.site.code, stock.product.code, lot.code) in self._kept_on_shelf:
                    continue
                when = day + timedelta(days=self.rng.randint(5, 45))
                self._write_offs.setdefault(when, []).append((stock, lot.code))

    def _expired_write_offs(self, day: date) -> None:
        for stock, code in self._write_offs.pop(day, []):
            lot = next((x for x in stock.lots if x.code == code and x.quantity > 0), None)
            if lot is None:
                continue
            self._emit(
                stock,
                day,
                MovementKind.LOSS,
                -lot.quantity,
                lot,
                Reason.EXPIRED,
                note="Lot périmé retiré du stock",
            )
            stock.lots.remove(lot)

    def _supplier_deliveries(self, day: date) -> None:
        """UNICEF (nutrition, MUAC tapes) and the PPM (medicines) deliver each CSRéf every one
        to three months, sized on the district's expected use until the next delivery plus three
        months (the CSCom orders are lumpy: up to three months of their AMC at once)."""
        for (site_code, supplier), when in self._next_supply.items():
            if when != day:
                continue
            interval = self.rng.randint(30, 90)
            self._next_supply[(site_code, supplier)] = day + timedelta(days=interval)
            horizon = day + timedelta(days=interval + 90)
            reference = ""
            for (code, _), stock in self.stocks.items():
                if code != site_code or stock.plan.supplier != supplier:
                    continue
                need = sum(
                    _expected_between(s, day, horizon) for s in self._district_stocks(stock)
                ) - stock.usable(day + _TRANSFER_MIN_SHELF)
                pack = stock.product.pack_size
                if need <= 0:
                    continue
                quantity = math.ceil(need / pack) * pack
                reference = reference or self._note_number(supplier, day)
                packs = quantity // pack
                split = packs >= 2 and stock.product.has_lots and self.rng.random() < 0.25
                parts = [packs // 2 * pack, quantity - packs // 2 * pack] if split else [quantity]
                for part in parts:
                    made = day - timedelta(days=self.rng.randint(30, 240))
                    lot = self._new_lot(stock, made)
                    stock.add(lot[0], lot[1], part)
                    self._emit(
                        stock,
                        day,
                        MovementKind.RECEIPT,
                        part,
                        lot,
                        counterpart=supplier,
                        reference=reference,
                    )

    def _district_stocks(self, stock: _Stock) -> list[_Stock]:
        return [stock] + [
            self.stocks[(child.code, stock.product.code)]
            for child in self.children.get(stock.site.code, [])
            if (child.code, stock.product.code) in self.stocks
        ]

    def _plan_donations(self) -> dict[date, tuple[_Stock, int, int]]:
        """Once in the first year and a half each CSRéf accepts a short-dated donation of a
        slow-moving product, more than it can use before the expiry: the rest is written off."""
        donations: dict[date, tuple[_Stock, int, int]] = {}
        for site in _SITES:
            if site.supplier is not None:
                continue
            candidates = [
                stock
                for (code, product), stock in self.stocks.items()
                if code == site.code
                and product in _SLOW_MOVERS
                and (code, product) != (EXPIRED_SITE, EXPIRED_PRODUCT)
            ]
            stock = self.rng.choice(candidates)
            day = self.start + timedelta(days=self.rng.randint(60, 420))
            while day in donations:
                day += timedelta(days=1)
            shelf_days = self.rng.randint(75, 150)
            use = _expected_between(stock, day, day + timedelta(days=shelf_days))
            extra = stock.monthly * self.rng.uniform(1.0, 2.5)
            pack = stock.product.pack_size
            donations[day] = (stock, math.ceil((use + extra) / pack) * pack, shelf_days)
        return donations

    def _scenario_receipts(self, day: date) -> None:
        """Short-dated donations: one still in stock today that expires within three months,
        one that expired three weeks ago and is still on the shelf, and one per CSRéf earlier
        on (written off when it expired)."""
        if day in self._donations:
            stock, quantity, shelf_days = self._donations[day]
            lot = (self._new_lot(stock, day)[0], day + timedelta(days=shelf_days))
            stock.add(lot[0], lot[1], quantity)
            self._emit(
                stock,
                day,
                MovementKind.RECEIPT,
                quantity,
                lot,
                counterpart=stock.plan.supplier,
                reference=self._note_number(stock.plan.supplier, day),
                note="Don à péremption courte",
            )
        if day == self.today - timedelta(days=40):
            stock = self.stocks[(EXPIRING_SITE, EXPIRING_PRODUCT)]
            lot = (self._new_lot(stock, day)[0], self.today + timedelta(days=55))
            stock.add(lot[0], lot[1], 2000)
            self._emit(
                stock,
                day,
                MovementKind.RECEIPT,
                2000,
                lot,
                counterpart=PPM,
                reference=self._note_number(PPM, day),
                note="Don à péremption courte",
            )
        if day == self.today - timedelta(days=330):
            stock = self.stocks[(EXPIRED_SITE, EXPIRED_PRODUCT)]
            lot = (self._new_lot(stock, day)[0], self.today - timedelta(days=21))
            stock.add(lot[0], lot[1], 1200)
            self._kept_on_shelf.add((stock.site.code, stock.product.code, lot[0]))
            self._emit(
                stock,
                day,
                MovementKind.RECEIPT,
                1200,
                lot,
                counterpart=PPM,
                reference=self._note_number(PPM, day),
                note="Don",
            )

    def _stockout_scenario(self, day: date) -> None:
        stock = self.stocks[(STOCKOUT_SITE, "RUTF")]
        if self._cut_state == "before" and day >= self._cut_from:
            self._cut_state = "cut"
        if self._cut_state != "cut":
            return
        if stock.zero_run >= self._cut_days_empty:
            source = self.stocks[(stock.site.supplier or "", "RUTF")]
            quantity = max_min_quantity(
                self._amc(stock, day),
                stock.max_months,
                stock.usable(day),
                0,
                stock.product.pack_size,
            )
            reference = self._note_number(source.site.code, day)
            if self._transfer(
                source, stock, quantity, day, reference, "Dépannage après rupture de stock"
            ):
                self._cut_state = "done"
        elif day == self._cut_from + timedelta(days=75) and stock.usable(day) > 0:
            # Never seen with the shipped seeds: the lean season empties the CSCom long before.
            for lot, amount in stock.take(stock.usable(day), day):
                self._emit(
                    stock,
                    day,
                    MovementKind.LOSS,
                    -amount,
                    lot,
                    Reason.DAMAGED,
                    note="Magasin inondé",
                )

    def _skips_delivery(self, stock: _Stock, day: date) -> bool:
        if stock.product.code != "RUTF":
            return False
        if stock.site.code == STOCKOUT_SITE:
            return self._cut_state == "cut"
        return stock.site.code == LOW_STOCK_SITE and day >= self._low_from

    def _ration(self, stock: _Stock, day: date, quantity: int) -> tuple[int, str]:
        """What the CSRéf sends Socoura in the last months: enough to reach about a quarter of
        a month's use on the last day, in whole packs."""
        if not (
            stock.site.code == LOW_STOCK_SITE
            and stock.product.code == "RUTF"
            and day >= self._ration_from
        ):
            return quantity, ""
        months = complete_months(self.today, 3)
        target = 0.25 * sum(stock.expected(m) for m in months) / len(months)
        end = self.today + timedelta(days=1)
        wanted = target + _expected_between(stock, day, end) - stock.usable(self.today)
        pack = stock.product.pack_size
        rationed = max(0, int(wanted // pack) * pack)
        if rationed >= quantity:
            return quantity, ""
        return rationed, "Livraison partielle (stock du CSRéf limité)"

    def _monthly_transfers(self, day: date) -> None:
        """Each CSRéf delivers its CSComs and the mobile clinic once a month, up to the
        maximum (max months × AMC) as the max-min rule orders."""
        month = month_start(day)
        for csref_code, children in self.children.items():
            for child in children:
                if self._delivery_days.get((child.code, month)) != day:
                    continue
                reference = ""
                for plan in _PRODUCTS:
                    stock = self.stocks.get((child.code, plan.code))
                    source = self.stocks.get((csref_code, plan.code))
                    if stock is None or source is None or self._skips_delivery(stock, day):
                        continue
                    quantity = max_min_quantity(
                        self._amc(stock, day),
                        stock.max_months,
                        stock.usable(day),
                        0,
                        stock.product.pack_size,
                    )
                    quantity, note = self._ration(stock, day, quantity)
                    if quantity <= 0:
                        continue
                    reference = reference or self._note_number(csref_code, day)
                    self._transfer(source, stock, quantity, day, reference, note)

    def _low_stock_scenario(self, day: date) -> None:
        """Ten days before the end Socoura keeps about a third of a month of RUTF, lending any
        surplus to Sévaré (or getting a few cartons if it already ran out); its delivery is
        then pending and it rations what is left, so its months of stock end well under 0.5."""
        if day != self._low_from:
            return
        stock = self.stocks[(LOW_STOCK_SITE, "RUTF")]
        amc = self._amc(stock, self.today)
        target = max(2, math.ceil(0.3 * amc))
        self._low_floor = max(1, target // 4)
        lasting = stock.usable(self.today)
        if lasting > target:
            neighbour = self.stocks[(LOW_STOCK_NEIGHBOUR, "RUTF")]
            reference = self._note_number(LOW_STOCK_SITE, day)
            for lot, amount in stock.take(lasting - target, self.today):
                self._emit(
                    stock,
                    day,
                    MovementKind.TRANSFER_OUT,
                    -amount,
                    lot,
                    Reason.TRANSFER_OUT,
                    neighbour.site.code,
                    reference,
                    "Dépannage",
                )
                self._emit(
                    neighbour,
                    day,
                    MovementKind.TRANSFER_IN,
                    amount,
                    lot,
                    Reason.TRANSFER_IN,
                    stock.site.code,
                    reference,
                    "Dépannage",
                )
                neighbour.add(lot.code, lot.expiry, amount)
        elif lasting < self._low_floor:
            source = self.stocks[(stock.site.supplier or "", "RUTF")]
            reference = self._note_number(source.site.code, day)
            self._transfer(source, stock, target - lasting, day, reference, "Livraison partielle")

    def _is_open(self, site: _SitePlan, day: date) -> bool:
        weekday = day.weekday()
        if site.type == "mobile":
            return weekday in (1, 3) and self.rng.random() < 0.9
        if weekday < 5:
            return True
        return weekday == 5 and self.rng.random() < 0.3

    def _dispense(self, day: date, open_sites: Mapping[str, bool]) -> None:
        month = month_start(day)
        for stock in self.stocks.values():
            if not open_sites[stock.site.code]:
                continue
            per_week = _MOBILE_OPEN_DAYS if stock.site.type == "mobile" else _FIXED_OPEN_DAYS
            per_day = stock.expected(month) * 12 / 365 * 7 / per_week
            visit = stock.plan.visit
            visits = _poisson(self.rng, per_day * len(visit) / sum(visit))
            demand = sum(self.rng.choice(visit) for _ in range(visits))
            if demand <= 0:
                continue
            usable = stock.usable(day)
            if self._protected(stock, day):
                usable = max(0, usable - self._low_floor)
            quantity = min(demand, usable)
            if quantity <= 0:
                continue
            for lot, amount in stock.take(quantity, day):
                self._emit(stock, day, MovementKind.ISSUE, -amount, lot)
            stock.consumed[month] = stock.consumed.get(month, 0) + quantity

    def _protected(self, stock: _Stock, day: date) -> bool:
        return (
            stock.site.code == LOW_STOCK_SITE
            and stock.product.code == "RUTF"
            and day >= self._low_from
        )

    def _losses(self, day: date, open_sites: Mapping[str, bool]) -> None:
        """Now and then a few units are found damaged (or missing) on an open day."""
        for stock in self.stocks.values():
            if not open_sites[stock.site.code] or self.rng.random() >= 1 / 180:
                continue
            usable = stock.usable(day)
            if usable <= 0 or self._protected(stock, day):
                continue
            quantity = self.rng.randint(1, max(1, min(usable // 40, stock.product.pack_size)))
            reason, note = (
                (Reason.DAMAGED, "Emballage abîmé")
                if self.rng.random() < 0.85
                else (Reason.LOST, "Manquant constaté au rangement")
            )
            for lot, amount in stock.take(quantity, day):
                self._emit(stock, day, MovementKind.LOSS, -amount, lot, reason, note=note)

    def _count(self, day: date) -> None:
        """The end-of-quarter physical count: every lot on the shelf, expired ones included;
        most agree with the book, some are a few units short, a few a unit or two over."""
        for stock in self.stocks.values():
            for lot in list(stock.lots):
                if lot.quantity <= 0:
                    continue
                draw = self.rng.random()
                if draw < 0.72 or self._protected(stock, day):
                    difference = 0
                elif draw < 0.93:
                    difference = -self.rng.randint(1, max(1, min(20, lot.quantity // 100)))
                else:
                    difference = self.rng.randint(1, 3)
                counted = lot.quantity + difference
                self._emit(
                    stock,
                    day,
                    MovementKind.COUNT,
                    difference,
                    lot,
                    Reason.COUNT_CORRECTION,
                    note="Inventaire trimestriel",
                    counted=counted,
                )
                lot.quantity = counted
            stock.lots = [lot for lot in stock.lots if lot.quantity > 0]

    def _close(self, day: date) -> None:
        """End of day: a day that ends with no usable stock is a stock-out day."""
        month = month_start(day)
        for stock in self.stocks.values():
            if stock.usable(day) <= 0:
                stock.stockout_days[month] = stock.stockout_days.get(month, 0) + 1
                stock.zero_run += 1
            else:
                stock.zero_run = 0
