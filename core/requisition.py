"""The Report & Requisition (R&R) of a facility and month: one line per product it stocks.

Each line carries the month's MonthlyStockReport (A, B, C, D, E, stock-out days X, adjusted
consumption N: the one model of a monthly report line) and adds what the requisition needs:
usable stock, AMC, maximum, stock on order, the calculated order quantity (DOMAIN.md §2) and
the quantity requested, which may differ from the calculated one only with a justification."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from core.catalogue import Product
from core.consumption import StockPolicy, order_quantity, stock_level
from core.errors import DomainError
from core.french import month_year_fr
from core.monthly import MonthlyStockReport

MAX_TEXT = 500  # characters of a justification or a remark


def period_label_fr(period: date) -> str:
    """« mars 2026 »."""
    return month_year_fr(period)


def of_period_fr(period: date) -> str:
    """« de mars 2026 », « d'août 2026 » (elided before a vowel)."""
    label = period_label_fr(period)
    return f"d'{label}" if label[0] in "aeiouéè" else f"de {label}"


class RequisitionStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


STATUS_LABELS_FR = {
    RequisitionStatus.DRAFT: "brouillon",
    RequisitionStatus.APPROVED: "approuvée",
}


@dataclass(frozen=True, slots=True)
class RequisitionLine:
    """One product of the R&R. Quantities are base units; packs are whole packs (rounded up)."""

    report: MonthlyStockReport  # A, B, C, D, E, X of the month
    product_name: str
    base_unit: str
    pack_unit: str
    pack_size: int
    usable_stock: int  # SDU at the end of the month
    amc: int
    max_quantity: int
    on_order: int
    calculated: int  # order quantity, whole packs, in base units
    requested: int
    justification: str = ""
    remarks: str = ""
    record_uuid: str = ""
    # A depot's own requisition: quantities it approved for the facilities it supplies,
    # added to its own needs (0 on a facility's R&R).
    downstream: int = 0

    @property
    def product_code(self) -> str:
        return self.report.product_code

    @property
    def adjusted_consumption(self) -> int:
        return self.report.adjusted_consumption

    def packs(self, quantity: int) -> int:
        return math.ceil(quantity / self.pack_size) if quantity > 0 else 0

    @property
    def needed(self) -> int:
        """max(0, maximum + downstream − usable stock − on order), before rounding up to
        whole packs."""
        return max(0, self.max_quantity + self.downstream - self.usable_stock - self.on_order)

    @property
    def calculated_packs(self) -> int:
        return self.packs(self.calculated)

    @property
    def requested_packs(self) -> int:
        return self.packs(self.requested)


@dataclass(frozen=True, slots=True)
class Requisition:
    """A facility's R&R for one month. A draft is computed from the ledger and may be edited;
    an approved one is stored (append-only versions) with its per-facility sequence number."""

    facility_code: str
    facility_name: str
    facility_type: str
    region: str
    district: str
    period: date  # first day of the month
    lines: tuple[RequisitionLine, ...]
    status: RequisitionStatus = RequisitionStatus.DRAFT
    sequence: int | None = None
    record_uuid: str = ""
    version: int = 1
    created_at: datetime | None = None
    approved_by: str = ""
    supplier_code: str = ""
    entered_by: str = ""
    device: str = ""
    admissions: int | None = None  # URENAS admissions of the month, when the facility has them
    source: str = "local"  # "imported" when read from a facility's workbook
    file_name: str = ""
    checksum: str = ""

    @property
    def is_draft(self) -> bool:
        return self.status is RequisitionStatus.DRAFT

    def line(self, product_code: str) -> RequisitionLine:
        for line in self.lines:
            if line.product_code == product_code:
                return line
        raise DomainError(
            f"Le produit {product_code} n'est pas sur la réquisition de {self.facility_code} "
            f"({period_label_fr(self.period)})."
        )


def requisition_line(
    report: MonthlyStockReport,
    product: Product,
    usable_stock: int,
    amc: int,
    policy: StockPolicy,
    on_order: int,
    record_uuid: str = "",
    downstream: int = 0,
) -> RequisitionLine:
    """The line of one product: order quantity = max(0, ceil(AMC × max) − SDU − on order),
    rounded up to whole packs; the requested quantity starts equal to it. A depot adds what
    it approved for the facilities it supplies (`downstream`) to its own maximum."""
    pack = max(product.pack_size, 1)
    calculated = order_quantity(amc, policy.max_months, usable_stock, on_order, pack)
    if downstream:
        needed = max(0, stock_level(amc, policy.max_months) + downstream - usable_stock - on_order)
        calculated = -(-needed // pack) * pack
    return RequisitionLine(
        report=report,
        product_name=product.name,
        base_unit=product.base_unit,
        pack_unit=product.pack_unit,
        pack_size=max(product.pack_size, 1),
        usable_stock=usable_stock,
        amc=amc,
        max_quantity=stock_level(amc, policy.max_months),
        on_order=on_order,
        calculated=calculated,
        requested=calculated,
        record_uuid=record_uuid,
        downstream=downstream,
    )


def _clean(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_TEXT:
        raise DomainError(f"{what} : {MAX_TEXT} caractères au plus ({len(cleaned)} saisis).")
    return cleaned


def check_line(line: RequisitionLine) -> None:
    """A requested quantity different from the calculated one needs a written justification."""
    if line.requested < 0:
        raise DomainError(f"{line.product_code} : la quantité demandée ne peut pas être négative.")
    if line.requested != line.calculated and not line.justification.strip():
        raise DomainError(
            f"{line.product_code} : la quantité demandée ({line.requested}) diffère de la "
            f"quantité calculée ({line.calculated}) : écrivez une justification."
        )


def edit_line(
    requisition: Requisition,
    product_code: str,
    requested: int | None = None,
    justification: str | None = None,
    remarks: str | None = None,
) -> Requisition:
    """A draft with one line's requested quantity (rounded up to whole packs), justification
    or remarks changed; an approved requisition is not edited."""
    if not requisition.is_draft:
        raise DomainError(
            f"La réquisition n° {requisition.sequence} de {requisition.facility_code} "
            f"({period_label_fr(requisition.period)}) est approuvée : elle ne se modifie plus."
        )
    line = requisition.line(product_code)
    changes: dict[str, object] = {}
    if requested is not None:
        if requested < 0:
            raise DomainError(f"{product_code} : la quantité demandée ne peut pas être négative.")
        changes["requested"] = line.packs(requested) * line.pack_size
    if justification is not None:
        changes["justification"] = _clean(justification, "Justification")
    if remarks is not None:
        changes["remarks"] = _clean(remarks, "Observations")
    edited = replace(line, **changes)  # type: ignore[arg-type]
    check_line(edited)
    return replace(
        requisition,
        lines=tuple(edited if x.product_code == product_code else x for x in requisition.lines),
    )


def check_requisition(requisition: Requisition) -> None:
    """Every line obeys check_line; the first problem is raised, naming its product."""
    for line in requisition.lines:
        check_line(line)


class ImportOutcome(StrEnum):
    """What importing one requisition workbook did."""

    IMPORTED = "imported"  # a new requisition
    REPLACED = "replaced"  # a newer version of a period already imported took its place
    DUPLICATE = "duplicate"  # the same requisition again: nothing changed
    OLDER = "older"  # older than the one already imported: nothing changed
    REFUSED = "refused"  # invalid: nothing imported


OUTCOME_LABELS_FR = {
    ImportOutcome.IMPORTED: "importée",
    ImportOutcome.REPLACED: "remplace la version précédente",
    ImportOutcome.DUPLICATE: "déjà importée (rien ne change)",
    ImportOutcome.OLDER: "plus ancienne que celle importée (rien ne change)",
    ImportOutcome.REFUSED: "refusée (rien n'est importé)",
}


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One line of the import log: a file, what it was and what importing it did."""

    file_name: str
    outcome: ImportOutcome
    message: str = ""
    checksum: str = ""
    facility_code: str = ""
    period: date | None = None
    sequence: int | None = None
    record_uuid: str = ""
    version: int | None = None
    entered_by: str = ""
    device: str = ""
    recorded_at: datetime | None = None
