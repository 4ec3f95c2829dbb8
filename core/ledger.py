"""The append-only stock ledger: movement kinds, loss reasons, lots, FEFO and the stock card."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from core.errors import DomainError, InsufficientStock


class MovementKind(StrEnum):
    """What happened to the stock. The sign of a movement's quantity follows from its kind."""

    RECEIPT = "receipt"
    ISSUE = "issue"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    LOSS = "loss"
    ADJUSTMENT = "adjustment"
    COUNT = "count"


KIND_LABELS_FR = {
    MovementKind.RECEIPT: "Réception",
    MovementKind.ISSUE: "Dispensation",
    MovementKind.TRANSFER_IN: "Transfert reçu",
    MovementKind.TRANSFER_OUT: "Transfert cédé",
    MovementKind.LOSS: "Perte",
    MovementKind.ADJUSTMENT: "Ajustement",
    MovementKind.COUNT: "Inventaire",
}

OUTGOING = frozenset({MovementKind.ISSUE, MovementKind.TRANSFER_OUT, MovementKind.LOSS})
INCOMING = frozenset({MovementKind.RECEIPT, MovementKind.TRANSFER_IN})


class Reason(StrEnum):
    """Loss and adjustment reasons of DOMAIN.md §2."""

    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    RETURN = "return"
    DAMAGED = "damaged"
    EXPIRED = "expired"
    STOLEN = "stolen"
    LOST = "lost"
    COLD_CHAIN = "cold_chain"
    COUNT_CORRECTION = "count_correction"
    REVERSAL = "reversal"


REASON_LABELS_FR = {
    Reason.TRANSFER_IN: "Transfert reçu",
    Reason.TRANSFER_OUT: "Transfert cédé",
    Reason.RETURN: "Retour",
    Reason.DAMAGED: "Avarié",
    Reason.EXPIRED: "Périmé",
    Reason.STOLEN: "Volé",
    Reason.LOST: "Perdu",
    Reason.COLD_CHAIN: "Rupture de la chaîne du froid",
    Reason.COUNT_CORRECTION: "Correction d'inventaire",
    Reason.REVERSAL: "Annulation d'une saisie",
}

# +1: the reason only adds stock, -1: only removes it, 0: either way.
REASON_SIGN = {
    Reason.TRANSFER_IN: 1,
    Reason.TRANSFER_OUT: -1,
    Reason.RETURN: 1,
    Reason.DAMAGED: -1,
    Reason.EXPIRED: -1,
    Reason.STOLEN: -1,
    Reason.LOST: -1,
    Reason.COLD_CHAIN: -1,
    Reason.COUNT_CORRECTION: 0,
    Reason.REVERSAL: 0,
}

LOSS_REASONS = frozenset(r for r, sign in REASON_SIGN.items() if sign < 0) - {Reason.TRANSFER_OUT}


@dataclass(frozen=True, slots=True)
class Origin:
    """Who entered a record and where: kept on every ledger row so files from laptops merge."""

    facility_code: str
    device: str
    user: str


@dataclass(frozen=True, slots=True)
class Movement:
    """One ledger row. `quantity` is the signed change to stock on hand, in base units."""

    facility_code: str
    product_code: str
    occurred_on: date
    kind: MovementKind
    quantity: int
    lot: str = ""
    expiry: date | None = None
    reason: Reason | None = None
    counterpart: str = ""
    reference: str = ""
    note: str = ""
    counted: int | None = None
    reverses: str | None = None
    uuid: str = field(default_factory=lambda: str(uuid_module.uuid4()))
    origin_facility: str = ""
    origin_device: str = ""
    entered_by: str = ""
    recorded_at: datetime | None = None
    id: int | None = None

    def stamped(self, origin: Origin, now: datetime) -> Movement:
        return replace(
            self,
            origin_facility=origin.facility_code,
            origin_device=origin.device,
            entered_by=origin.user,
            recorded_at=now,
        )


@dataclass(frozen=True, slots=True)
class LotStock:
    """A lot's stock at a facility on a date. `available` is what can leave on that date
    without any later day of the ledger going negative."""

    product_code: str
    lot: str
    expiry: date | None
    balance: int
    available: int

    def is_expired(self, on: date) -> bool:
        return is_expired(self.expiry, on)


def is_expired(expiry: date | None, on: date) -> bool:
    """A lot may be issued up to the day before its expiry date, never on or after it."""
    return expiry is not None and expiry <= on


def check_movement(movement: Movement) -> None:
    """Rules every ledger row obeys whatever its source (form, file or reversal)."""
    kind, qty = movement.kind, movement.quantity
    if movement.reverses is not None:
        return
    if kind in INCOMING and qty <= 0:
        raise DomainError("La quantité reçue doit être supérieure à zéro.")
    if kind in OUTGOING and qty >= 0:
        raise DomainError("La quantité sortie doit être supérieure à zéro.")
    if kind is MovementKind.ADJUSTMENT:
        if qty == 0:
            raise DomainError("Un ajustement de zéro ne change rien : indiquez une quantité.")
        if movement.reason is None:
            raise DomainError("Un ajustement doit avoir un motif.")
        sign = REASON_SIGN[movement.reason]
        if sign and (qty > 0) != (sign > 0):
            direction = "ajoute" if sign > 0 else "retire"
            raise DomainError(
                f"Le motif « {REASON_LABELS_FR[movement.reason]} » {direction} du stock : "
                "le signe de la quantité ne correspond pas."
            )
    if kind is MovementKind.LOSS and movement.reason not in LOSS_REASONS:
        raise DomainError(
            "Une perte doit avoir un de ces motifs : "
            + ", ".join(REASON_LABELS_FR[r] for r in sorted(LOSS_REASONS))
            + "."
        )
    if kind is MovementKind.COUNT:
        if movement.counted is None or movement.counted < 0:
            raise DomainError("Un inventaire doit indiquer la quantité comptée (zéro ou plus).")
        sign = REASON_SIGN[movement.reason] if movement.reason else 0
        if sign and qty and (qty > 0) != (sign > 0):
            assert movement.reason is not None
            raise DomainError(
                f"Le motif « {REASON_LABELS_FR[movement.reason]} » ne peut expliquer qu'un "
                + ("surplus" if sign > 0 else "manque")
                + " : choisissez « Correction d'inventaire » pour cet écart."
            )


def fefo_order(lots: Iterable[LotStock]) -> list[LotStock]:
    """First expiry, first out; lots without expiry last, then by lot number."""
    return sorted(lots, key=lambda s: (s.expiry is None, s.expiry or date.max, s.lot))


def allocate_fefo(
    lots: Sequence[LotStock], quantity: int, on: date, product_label: str
) -> list[tuple[LotStock, int]]:
    """Split an outgoing quantity across non-expired lots, earliest expiry first."""
    if quantity <= 0:
        raise DomainError("La quantité doit être supérieure à zéro.")
    usable = [s for s in fefo_order(lots) if not s.is_expired(on) and s.available > 0]
    total = sum(s.available for s in usable)
    if quantity > total:
        raise InsufficientStock(
            f"Stock insuffisant pour {product_label} : {total} utilisable(s) le "
            f"{on:%d/%m/%Y}, {quantity} demandé(s).",
            available=total,
        )
    allocation: list[tuple[LotStock, int]] = []
    remaining = quantity
    for stock in usable:
        take = min(stock.available, remaining)
        allocation.append((stock, take))
        remaining -= take
        if remaining == 0:
            break
    return allocation


def check_lot_choice(stock: LotStock, quantity: int, on: date, product_label: str) -> None:
    """A lot picked by the user: never an expired one, never more than it holds."""
    if stock.is_expired(on):
        assert stock.expiry is not None
        raise DomainError(
            f"Le lot {stock.lot} de {product_label} est périmé depuis le "
            f"{stock.expiry:%d/%m/%Y} : il ne peut pas être dispensé ni transféré. "
            "Enregistrez-le comme perte (motif périmé)."
        )
    if quantity > stock.available:
        raise InsufficientStock(
            f"Stock insuffisant dans le lot {stock.lot or '(sans lot)'} de {product_label} : "
            f"{stock.available} disponible(s) le {on:%d/%m/%Y}, {quantity} demandé(s).",
            available=stock.available,
        )


def reversal_of(original: Movement, note: str, on: date) -> Movement:
    """The entry that cancels a wrong one: same lot and kind, opposite quantity."""
    if not note.strip():
        raise DomainError("Indiquez pourquoi cette saisie est annulée.")
    if original.reverses is not None:
        raise DomainError(
            "Cette ligne est elle-même une annulation : elle ne peut pas être annulée."
        )
    return Movement(
        facility_code=original.facility_code,
        product_code=original.product_code,
        occurred_on=max(on, original.occurred_on),
        kind=original.kind,
        quantity=-original.quantity,
        lot=original.lot,
        expiry=original.expiry,
        reason=Reason.REVERSAL,
        counterpart=original.counterpart,
        reference=original.reference,
        note=note.strip(),
        counted=None,
        reverses=original.uuid,
    )


def min_future_balance(balance_on_day: int, later_daily_changes: Iterable[int]) -> int:
    """The lowest end-of-day balance from a day on, given the net change of each later day."""
    lowest = running = balance_on_day
    for change in later_daily_changes:
        running += change
        lowest = min(lowest, running)
    return lowest


@dataclass(frozen=True, slots=True)
class StockCardLine:
    """A movement on the stock card with the balances after it."""

    movement: Movement
    lot_balance: int
    balance: int


def stock_card(movements: Iterable[Movement]) -> list[StockCardLine]:
    """Running balance per lot and in total, in ledger order (date, then entry order)."""
    lines: list[StockCardLine] = []
    total = 0
    per_lot: dict[str, int] = {}
    for movement in movements:
        total += movement.quantity
        per_lot[movement.lot] = per_lot.get(movement.lot, 0) + movement.quantity
        lines.append(StockCardLine(movement, per_lot[movement.lot], total))
    return lines
