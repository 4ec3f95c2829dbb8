"""Delivery notes (bons de livraison) from a district depot to its facilities: the lots shipped,
chosen FEFO from the depot's stock, and the approved quantities the depot could not supply."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from core.catalogue import Product
from core.errors import DomainError
from core.ledger import LotStock, fefo_order

# The approved quantities of one facility, in the order facilities are served:
# (facility code, {product code: approved quantity in base units}).
DeliveryRequest = tuple[str, Mapping[str, int]]


@dataclass(frozen=True, slots=True)
class DeliveryLine:
    """One lot of one product shipped; `quantity` is in base units (> 0)."""

    product_code: str
    product_name: str
    base_unit: str
    pack_unit: str
    pack_size: int
    lot: str  # "" for products without lots
    expiry: date | None
    quantity: int

    @property
    def whole_packs(self) -> int | None:
        """The quantity in packs when it is a whole number of packs of more than one unit."""
        if self.pack_size > 1 and self.quantity % self.pack_size == 0:
            return self.quantity // self.pack_size
        return None


@dataclass(frozen=True, slots=True)
class DeliveryShortfall:
    """A product the depot could not ship in full: approved quantity and what was shipped."""

    product_code: str
    product_name: str
    base_unit: str
    approved: int
    shipped: int

    @property
    def missing(self) -> int:
        return self.approved - self.shipped


@dataclass(frozen=True, slots=True)
class DeliveryNote:
    """The delivery note of one facility for one requisition month: the lots to ship."""

    number: str
    record_uuid: str
    from_code: str
    from_name: str
    to_code: str
    to_name: str
    region: str
    district: str
    period: date  # first day of the requisition's month
    requisition_sequence: int | None  # n° of the facility's R&R this note answers
    issued_on: date
    created_at: datetime | None
    created_by: str
    lines: tuple[DeliveryLine, ...]
    shortfalls: tuple[DeliveryShortfall, ...] = ()

    @property
    def line_count(self) -> int:
        return len(self.lines)

    @property
    def shipped_by_product(self) -> dict[str, int]:
        """Base units shipped per product code, all lots together, in the order of the lines."""
        totals: dict[str, int] = {}
        for line in self.lines:
            totals[line.product_code] = totals.get(line.product_code, 0) + line.quantity
        return totals


def delivery_number(from_code: str, to_code: str, period: date) -> str:
    """« BL-CSREF-MOP-2026-10-CSCOM-SEV »: one note per depot, facility and month."""
    return f"BL-{from_code}-{period:%Y-%m}-{to_code}"


def _usable(lots: Sequence[LotStock], on: date) -> list[LotStock]:
    """Lots that can leave on that day, FEFO: not expired, something available."""
    return [s for s in fefo_order(lots) if not s.is_expired(on) and s.available > 0]


def _check_requests(requests: Sequence[DeliveryRequest]) -> None:
    seen: set[str] = set()
    for facility_code, approved in requests:
        if facility_code in seen:
            raise DomainError(
                f"L'établissement {facility_code} figure deux fois dans la répartition : "
                "regroupez ses quantités approuvées sur une seule ligne."
            )
        seen.add(facility_code)
        for product_code, quantity in approved.items():
            if quantity < 0:
                raise DomainError(
                    f"{facility_code}, {product_code} : la quantité approuvée ne peut pas "
                    f"être négative ({quantity})."
                )


def plan_deliveries(
    requests: Sequence[DeliveryRequest],
    lots: Mapping[str, Sequence[LotStock]],
    on: date,
    products: Mapping[str, Product],
) -> dict[str, tuple[list[DeliveryLine], list[DeliveryShortfall]]]:
    """The lots each facility receives, FEFO across all facilities in the order they are
    served: a lot's available quantity is shared out once (the first facility gets the
    earliest expiry, the next continues with what remains), expired lots never leave, and
    what the depot cannot supply becomes a shortfall. Products keep the order of each
    facility's mapping; lots of equal expiry go by lot number (fefo_order)."""
    _check_requests(requests)
    # Per product: the usable lots in FEFO order and what is left of each as we go.
    usable: dict[str, list[LotStock]] = {}
    left: dict[str, list[int]] = {}
    plan: dict[str, tuple[list[DeliveryLine], list[DeliveryShortfall]]] = {}
    for facility_code, approved in requests:
        lines: list[DeliveryLine] = []
        shortfalls: list[DeliveryShortfall] = []
        for product_code, quantity in approved.items():
            if quantity == 0:
                continue
            product = products.get(product_code)
            if product is None:
                raise DomainError(
                    f"Le produit {product_code} n'est pas au catalogue : ajoutez-le avant "
                    "d'établir les bons de livraison."
                )
            if product_code not in usable:
                usable[product_code] = _usable(lots.get(product_code, ()), on)
                left[product_code] = [s.available for s in usable[product_code]]
            remaining = quantity
            for index, stock in enumerate(usable[product_code]):
                if remaining == 0:
                    break
                take = min(left[product_code][index], remaining)
                if take <= 0:
                    continue
                left[product_code][index] -= take
                remaining -= take
                lines.append(
                    DeliveryLine(
                        product_code=product_code,
                        product_name=product.name,
                        base_unit=product.base_unit,
                        pack_unit=product.pack_unit,
                        pack_size=max(product.pack_size, 1),
                        lot=stock.lot,
                        expiry=stock.expiry,
                        quantity=take,
                    )
                )
            if remaining:
                shortfalls.append(
                    DeliveryShortfall(
                        product_code=product_code,
                        product_name=product.name,
                        base_unit=product.base_unit,
                        approved=quantity,
                        shipped=quantity - remaining,
                    )
                )
        plan[facility_code] = (lines, shortfalls)
    return plan


def over_supply(
    requests: Sequence[DeliveryRequest],
    lots: Mapping[str, Sequence[LotStock]],
    on: date,
) -> dict[str, tuple[int, int]]:
    """Products whose approved total over all facilities exceeds the depot's usable stock on
    that day (not expired, available): {product code: (approved total, usable)}."""
    approved_total: dict[str, int] = {}
    for _, approved in requests:
        for product_code, quantity in approved.items():
            approved_total[product_code] = approved_total.get(product_code, 0) + quantity
    result: dict[str, tuple[int, int]] = {}
    for product_code, total in approved_total.items():
        available = sum(s.available for s in _usable(lots.get(product_code, ()), on))
        if total > available:
            result[product_code] = (total, available)
    return result
