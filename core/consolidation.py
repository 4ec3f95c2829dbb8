"""The consolidated view of many facilities' requisitions (R&R): one row per facility with its
stock status, totals by district and region, and one row per product across facilities.

This is what an NGO logistics officer or the regional level reads after importing the
workbooks of a hundred facilities. Months of stock follow DOMAIN.md §2: MSD = usable stock
(SDU) ÷ AMC, none when the AMC is 0 (never infinity); the minimum, emergency order point and
maximum are settings passed in, in months."""

from __future__ import annotations

import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from core.consumption import StockPolicy, months_of_stock
from core.errors import DomainError
from core.pcima_services import RUTF_PRODUCT
from core.requisition import Requisition, RequisitionLine, period_label_fr

_DEFAULTS = StockPolicy()
DEFAULT_MIN_MONTHS = _DEFAULTS.min_months  # 1.5
DEFAULT_EOP_MONTHS = _DEFAULTS.eop_months  # 1
DEFAULT_MAX_MONTHS = _DEFAULTS.max_months  # 3


class FacilityStockStatus(StrEnum):
    """How a facility's month ended, worst first."""

    STOCKED_OUT = "stocked_out"
    BELOW_MIN = "below_min"
    OK = "ok"


FACILITY_STATUS_LABELS_FR = {
    FacilityStockStatus.STOCKED_OUT: "rupture",
    FacilityStockStatus.BELOW_MIN: "sous le minimum",
    FacilityStockStatus.OK: "correct",
}


class AreaLevel(StrEnum):
    DISTRICT = "district"
    REGION = "region"
    TOTAL = "total"


@dataclass(frozen=True, slots=True)
class RutfStatus:
    """The RUTF sachet line of one facility's requisition (quantities in sachets)."""

    usable_stock: int
    amc: int
    months_of_stock: Decimal | None  # None when the AMC is 0
    requested: int  # sachets
    requested_packs: int  # cartons (the line's pack size, rounded up)
    pack_size: int


@dataclass(frozen=True, slots=True)
class FacilityStatus:
    """One facility and month of the consolidated view.

    The product counts are nested by construction: a product stocked out (SDU 0 with an
    AMC) has 0 months of stock, so it is also below the emergency order point, which is
    below the minimum."""

    region: str
    district: str
    facility_code: str
    facility_name: str
    facility_type: str
    period: date  # first day of the month
    sequence: int | None  # R&R number; None for a draft
    approved: bool
    products: int  # lines of the requisition
    stocked_out: int  # products with no usable stock at the end of the month
    stocked_out_products: tuple[str, ...]  # their product codes
    with_stockout_days: int  # products with stock-out days reported (X > 0)
    stockout_days: int  # total of X over the products
    below_min: int  # months of stock < minimum
    below_eop: int  # months of stock < emergency order point
    overstocked: int  # months of stock > maximum
    median_months_of_stock: Decimal | None  # over products with an AMC; None when none
    rutf: RutfStatus | None  # None when the requisition has no RUTF line
    status: FacilityStockStatus

    @property
    def status_label_fr(self) -> str:
        return FACILITY_STATUS_LABELS_FR[self.status]

    @property
    def period_label_fr(self) -> str:
        return period_label_fr(self.period)


@dataclass(frozen=True, slots=True)
class AreaTotals:
    """The sums over the facilities of a district, a region or all of them.

    `facilities` counts facility rows: one per facility and month (a single month is the
    usual case, and then it is the number of facilities)."""

    level: AreaLevel
    region: str  # "" for the grand total
    district: str  # "" for a region or the grand total
    facilities: int
    facilities_stocked_out: int
    facilities_below_min: int  # status "sous le minimum" (not counting those in rupture)
    products: int
    stocked_out: int
    with_stockout_days: int
    stockout_days: int
    below_min: int
    below_eop: int
    overstocked: int
    rutf_facilities: int  # facilities with a RUTF line
    rutf_usable_stock: int
    rutf_amc: int
    rutf_requested: int  # sachets
    rutf_requested_packs: int  # cartons, as each facility requested them

    @property
    def rutf_months_of_stock(self) -> Decimal | None:
        """Months of RUTF the area holds: total usable stock ÷ total AMC."""
        return months_of_stock(self.rutf_usable_stock, self.rutf_amc)


@dataclass(frozen=True, slots=True)
class ProductTotals:
    """One product across the facilities: what the officer orders."""

    product_code: str
    product_name: str
    base_unit: str
    pack_unit: str
    pack_size: int  # of the first facility's line
    facilities: int  # facility rows with a line for the product
    facilities_stocked_out: int
    usable_stock: int
    amc: int
    requested: int  # base units
    requested_packs: int  # whole packs, as each facility requested them
    # What the level above is asked for: `requested` less the lines of facilities whose
    # supplier's requisition, imported too, already carries their approved quantities
    # (its `downstream` column); equal to `requested` when no such depot is in the view.
    requested_above: int
    requested_above_packs: int

    @property
    def months_of_stock(self) -> Decimal | None:
        return months_of_stock(self.usable_stock, self.amc)


@dataclass(frozen=True, slots=True)
class Consolidation:
    """Everything the consolidated view shows, sorted region → district → facility code."""

    facilities: tuple[FacilityStatus, ...]
    districts: tuple[AreaTotals, ...]
    regions: tuple[AreaTotals, ...]
    total: AreaTotals
    products: tuple[ProductTotals, ...]  # sorted by product code
    periods: tuple[date, ...]  # the months covered, in order
    notes: tuple[str, ...]  # what was set aside or deserves a look, in French
    min_months: Decimal
    eop_months: Decimal
    max_months: Decimal

    def summary_rows(self) -> Iterator[AreaTotals]:
        """The summary table in reading order: each region's districts, then the region's
        subtotal; the grand total last."""
        for region in self.regions:
            yield from (d for d in self.districts if d.region == region.region)
            yield region
        yield self.total


# --- one facility -------------------------------------------------------------------------------


def months_label_fr(value: Decimal) -> str:
    """A number of months as a French reader writes it: 1,5 ; 3."""
    return f"{value.normalize():f}".replace(".", ",")


def _check_settings(min_months: Decimal, eop_months: Decimal, max_months: Decimal) -> None:
    if not Decimal(0) < eop_months <= min_months <= max_months:
        raise DomainError(
            "Paramètres de stock incohérents : il faut 0 < point de commande d'urgence "
            f"({months_label_fr(eop_months)} mois) ≤ stock minimum "
            f"({months_label_fr(min_months)} mois) ≤ stock maximum "
            f"({months_label_fr(max_months)} mois). Corrigez-les dans les paramètres."
        )


def _is_stocked_out(line: RequisitionLine) -> bool:
    """No stock at the end of the month (E or SDU at 0) for a product the facility uses: one
    with an AMC, or one with stock-out days reported (a product out for whole months has
    no consumption, hence an AMC of 0, yet is plainly in rupture). A product with neither is
    not managed there and is not counted."""
    empty = min(line.report.stock_on_hand, line.usable_stock) <= 0
    return empty and (line.amc > 0 or line.report.stockout_days > 0)


def facility_status(
    requisition: Requisition,
    min_months: Decimal = DEFAULT_MIN_MONTHS,
    eop_months: Decimal = DEFAULT_EOP_MONTHS,
    max_months: Decimal = DEFAULT_MAX_MONTHS,
    rutf_product: str = RUTF_PRODUCT,
) -> FacilityStatus:
    """The consolidated row of one requisition."""
    stocked_out: list[str] = []
    months: list[Decimal] = []
    below_min = below_eop = overstocked = 0
    rutf: RutfStatus | None = None
    for line in requisition.lines:
        if _is_stocked_out(line):
            stocked_out.append(line.product_code)
        mos = months_of_stock(line.usable_stock, line.amc)
        if mos is not None:
            months.append(mos)
            below_min += mos < min_months
            below_eop += mos < eop_months
            overstocked += mos > max_months
        if line.product_code == rutf_product and rutf is None:
            rutf = RutfStatus(
                usable_stock=line.usable_stock,
                amc=line.amc,
                months_of_stock=mos,
                requested=line.requested,
                requested_packs=line.requested_packs,
                pack_size=line.pack_size,
            )
    if stocked_out:
        status = FacilityStockStatus.STOCKED_OUT
    elif below_min:
        status = FacilityStockStatus.BELOW_MIN
    else:
        status = FacilityStockStatus.OK
    return FacilityStatus(
        region=_tidy(requisition.region),
        district=_tidy(requisition.district),
        facility_code=requisition.facility_code,
        facility_name=requisition.facility_name,
        facility_type=requisition.facility_type,
        period=requisition.period,
        sequence=requisition.sequence,
        approved=not requisition.is_draft,
        products=len(requisition.lines),
        stocked_out=len(stocked_out),
        stocked_out_products=tuple(stocked_out),
        with_stockout_days=sum(1 for x in requisition.lines if x.report.stockout_days > 0),
        stockout_days=sum(x.report.stockout_days for x in requisition.lines),
        below_min=below_min,
        below_eop=below_eop,
        overstocked=overstocked,
        median_months_of_stock=statistics.median(months) if months else None,
        rutf=rutf,
        status=status,
    )


def _tidy(text: str) -> str:
    return " ".join(text.split())


# --- duplicates ---------------------------------------------------------------------------------


def _who(requisition: Requisition) -> str:
    name = f" – {requisition.facility_name}" if requisition.facility_name else ""
    return f"{requisition.facility_code}{name}, {period_label_fr(requisition.period)}"


def _number(requisition: Requisition) -> str:
    if requisition.sequence is None:
        return "le brouillon"
    return f"la n° {requisition.sequence}"


def _rank(requisition: Requisition) -> tuple[bool, int, int]:
    """Higher is newer: any approved R&R over a draft, then the sequence, then the version."""
    sequence = requisition.sequence
    return (sequence is not None, sequence or 0, requisition.version)


def _latest(requisitions: Sequence[Requisition]) -> tuple[list[Requisition], list[str]]:
    """One requisition per facility and month, the highest sequence; notes on the others."""
    groups: dict[tuple[str, date], list[Requisition]] = defaultdict(list)
    for requisition in requisitions:
        groups[(requisition.facility_code, requisition.period)].append(requisition)
    kept: list[Requisition] = []
    notes: list[str] = []
    for group in groups.values():
        chosen = max(range(len(group)), key=lambda i: _rank(group[i]))  # first of equals
        best = group[chosen]
        kept.append(best)
        others = [r for i, r in enumerate(group) if i != chosen]
        if not others:
            continue
        if all(_rank(r) == _rank(best) for r in others):
            notes.append(
                f"{_who(best)} : {_number(best)} figure {len(group)} fois ; elle n'est "
                "comptée qu'une fois."
            )
        else:
            set_aside = ", ".join(_number(r) for r in sorted(others, key=_rank, reverse=True))
            notes.append(
                f"{_who(best)} : {len(group)} réquisitions reçues ; seule {_number(best)} "
                f"(la plus récente) est comptée, écartée(s) : {set_aside}."
            )
    return kept, notes


# --- totals -------------------------------------------------------------------------------------


def _sort_key(text: str) -> str:
    """Alphabetical as a reader expects it: accents and case do not reorder (Ségou < Sikasso)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _totals(
    level: AreaLevel, region: str, district: str, rows: Sequence[FacilityStatus]
) -> AreaTotals:
    with_rutf = [r.rutf for r in rows if r.rutf is not None]
    return AreaTotals(
        level=level,
        region=region,
        district=district,
        facilities=len(rows),
        facilities_stocked_out=sum(r.status is FacilityStockStatus.STOCKED_OUT for r in rows),
        facilities_below_min=sum(r.status is FacilityStockStatus.BELOW_MIN for r in rows),
        products=sum(r.products for r in rows),
        stocked_out=sum(r.stocked_out for r in rows),
        with_stockout_days=sum(r.with_stockout_days for r in rows),
        stockout_days=sum(r.stockout_days for r in rows),
        below_min=sum(r.below_min for r in rows),
        below_eop=sum(r.below_eop for r in rows),
        overstocked=sum(r.overstocked for r in rows),
        rutf_facilities=len(with_rutf),
        rutf_usable_stock=sum(x.usable_stock for x in with_rutf),
        rutf_amc=sum(x.amc for x in with_rutf),
        rutf_requested=sum(x.requested for x in with_rutf),
        rutf_requested_packs=sum(x.requested_packs for x in with_rutf),
    )


def _covered_by_depot(requisitions: Sequence[Requisition]) -> set[tuple[str, str]]:
    """(facility, product) whose requested quantity is already inside its supplier's own
    requisition in the same view: the supplier's line of that product has a `downstream`
    column, which adds the quantities the district approved for the facilities it serves."""
    depot_products = {
        (r.facility_code, r.period, line.product_code)
        for r in requisitions
        for line in r.lines
        if line.downstream
    }
    return {
        (r.facility_code, line.product_code)
        for r in requisitions
        for line in r.lines
        if (r.supplier_code, r.period, line.product_code) in depot_products
    }


def _product_totals(requisitions: Sequence[Requisition]) -> tuple[ProductTotals, ...]:
    lines: dict[str, list[RequisitionLine]] = defaultdict(list)
    above: dict[str, list[RequisitionLine]] = defaultdict(list)
    covered = _covered_by_depot(requisitions)
    for requisition in requisitions:
        for line in requisition.lines:
            lines[line.product_code].append(line)
            if (requisition.facility_code, line.product_code) not in covered:
                above[line.product_code].append(line)
    products = []
    for code in sorted(lines, key=lambda c: (_sort_key(c), c)):
        group = lines[code]
        first = group[0]
        products.append(
            ProductTotals(
                product_code=code,
                product_name=first.product_name,
                base_unit=first.base_unit,
                pack_unit=first.pack_unit,
                pack_size=first.pack_size,
                facilities=len(group),
                facilities_stocked_out=sum(_is_stocked_out(x) for x in group),
                usable_stock=sum(x.usable_stock for x in group),
                amc=sum(x.amc for x in group),
                requested=sum(x.requested for x in group),
                requested_packs=sum(x.requested_packs for x in group),
                requested_above=sum(x.requested for x in above[code]),
                requested_above_packs=sum(x.requested_packs for x in above[code]),
            )
        )
    return tuple(products)


def consolidate(
    requisitions: Sequence[Requisition],
    min_months: Decimal = DEFAULT_MIN_MONTHS,
    eop_months: Decimal = DEFAULT_EOP_MONTHS,
    max_months: Decimal = DEFAULT_MAX_MONTHS,
    rutf_product: str = RUTF_PRODUCT,
) -> Consolidation:
    """The consolidated view of the requisitions of many facilities.

    Of two requisitions of the same facility and month, the one with the highest sequence
    number is kept (an approved one over a draft) and `notes` says which were set aside.
    Drafts are counted but named in the notes, as are requisitions of several months."""
    min_months, eop_months, max_months = (
        Decimal(str(x)) for x in (min_months, eop_months, max_months)
    )
    _check_settings(min_months, eop_months, max_months)
    kept, notes = _latest(requisitions)
    kept.sort(
        key=lambda r: (
            _sort_key(_tidy(r.region)),
            _sort_key(_tidy(r.district)),
            r.facility_code,
            r.period,
        )
    )
    for requisition in kept:
        if requisition.is_draft:
            notes.append(
                f"{_who(requisition)} : réquisition en brouillon (non approuvée) ; ses "
                "chiffres peuvent encore changer."
            )
    covered = _covered_by_depot(kept)
    served = sorted({facility for facility, _ in covered})
    if served:
        depots = sorted({r.supplier_code for r in kept if r.facility_code in served})
        notes.append(
            "Les réquisitions de "
            + ", ".join(depots)
            + " comprennent déjà les quantités approuvées pour les établissements qu'ils "
            "servent, dont "
            + ", ".join(served[:10])
            + (" …" if len(served) > 10 else "")
            + " : les totaux par district et région additionnent les demandes de tous les "
            "établissements (ces quantités y sont comptées deux fois) ; la colonne « À "
            "commander au niveau supérieur » des produits ne les compte qu'une fois."
        )
    periods = tuple(sorted({r.period for r in kept}))
    if len(periods) > 1:
        notes.append(
            "Les réquisitions couvrent plusieurs mois ("
            + ", ".join(period_label_fr(p) for p in periods)
            + ") : un établissement compte une ligne par mois et les totaux additionnent "
            "les mois."
        )
    facilities = tuple(
        facility_status(r, min_months, eop_months, max_months, rutf_product) for r in kept
    )

    by_district: dict[tuple[str, str], list[FacilityStatus]] = defaultdict(list)
    by_region: dict[str, list[FacilityStatus]] = defaultdict(list)
    for row in facilities:  # already in region → district order, so the dicts are too
        by_district[(row.region, row.district)].append(row)
        by_region[row.region].append(row)
    districts = tuple(
        _totals(AreaLevel.DISTRICT, region, district, rows)
        for (region, district), rows in by_district.items()
    )
    regions = tuple(
        _totals(AreaLevel.REGION, region, "", rows) for region, rows in by_region.items()
    )
    return Consolidation(
        facilities=facilities,
        districts=districts,
        regions=regions,
        total=_totals(AreaLevel.TOTAL, "", "", facilities),
        products=_product_totals(kept),
        periods=periods,
        notes=tuple(notes),
        min_months=min_months,
        eop_months=eop_months,
        max_months=max_months,
    )
