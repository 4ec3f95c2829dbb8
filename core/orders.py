"""Stock on order: deliveries a facility expects (requested, approved or in transit).

An order is a versioned record like the PCIMA registers: changing its date or quantity, or
marking it received or cancelled, adds a version; the latest version is the order. Pending
orders are the "stock on order" of the order quantity, the RUTF needs and the projection.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from core.errors import DomainError, NotFound
from core.pcima import Stamp, new_record_uuid
from core.ports import UnitOfWork
from core.services import Context, get_facility, get_product


class OrderStatus(StrEnum):
    PENDING = "pending"
    RECEIVED = "received"
    CANCELLED = "cancelled"


ORDER_STATUS_LABELS_FR = {
    OrderStatus.PENDING: "en cours",
    OrderStatus.RECEIVED: "reçue",
    OrderStatus.CANCELLED: "annulée",
}


@dataclass(frozen=True, slots=True)
class StockOrder:
    facility_code: str
    product_code: str
    quantity: int
    expected_on: date
    reference: str = ""
    supplier: str = ""
    status: OrderStatus = OrderStatus.PENDING
    record_uuid: str = ""
    version: int = 1
    voided: bool = False
    stamp: Stamp | None = None


def _check(order: StockOrder) -> StockOrder:
    if order.quantity <= 0:
        raise DomainError("Quantité commandée : un nombre entier positif (en unités) est attendu.")
    reference = " ".join(order.reference.split())
    supplier = " ".join(order.supplier.split())
    if len(reference) > 200 or len(supplier) > 200:
        raise DomainError("Référence et fournisseur : 200 caractères au plus.")
    return replace(order, reference=reference, supplier=supplier)


def add_order(uow: UnitOfWork, ctx: Context, order: StockOrder, note: str = "") -> StockOrder:
    """Record a delivery the facility expects (stock on order / in transit)."""
    order = _check(order)
    with uow:
        get_facility(uow, order.facility_code)
        get_product(uow, order.product_code)
        order = replace(
            order,
            status=OrderStatus.PENDING,
            record_uuid=new_record_uuid(),
            version=1,
            stamp=Stamp(ctx.user, ctx.device, ctx.clock(), note),
        )
        uow.orders.add(order)
        uow.commit()
    return order


def update_order(
    uow: UnitOfWork,
    ctx: Context,
    record_uuid: str,
    *,
    quantity: int | None = None,
    expected_on: date | None = None,
    status: OrderStatus | None = None,
    note: str = "",
) -> StockOrder:
    """A new date or quantity, or the order received or cancelled: a new version."""
    with uow:
        versions = uow.orders.versions(record_uuid)
        if not versions:
            raise NotFound("Commande introuvable.")
        current = versions[-1]
        if current.status is not OrderStatus.PENDING:
            raise DomainError(
                f"Cette commande est déjà {ORDER_STATUS_LABELS_FR[current.status]} : "
                "enregistrez une nouvelle commande."
            )
        changed = _check(
            replace(
                current,
                quantity=current.quantity if quantity is None else quantity,
                expected_on=current.expected_on if expected_on is None else expected_on,
                status=current.status if status is None else status,
                version=current.version + 1,
                stamp=Stamp(ctx.user, ctx.device, ctx.clock(), note),
            )
        )
        uow.orders.add(changed)
        uow.commit()
    return changed


def pending_orders(
    uow: UnitOfWork, facility_code: str, product_code: str | None = None
) -> list[StockOrder]:
    """Orders not yet received nor cancelled, by expected date."""
    with uow:
        return uow.orders.pending(facility_code, product_code)


def on_order_by_product(orders: list[StockOrder]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for order in orders:
        totals[order.product_code] = totals.get(order.product_code, 0) + order.quantity
    return totals
