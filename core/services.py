"""Use cases: each opens the unit of work, checks the rules and commits once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TypeVar
from uuid import uuid4

from core.catalogue import Product
from core.consumption import StockPolicy
from core.errors import DomainError, InsufficientStock, NotFound
from core.facilities import Facility
from core.ledger import (
    REASON_LABELS_FR,
    LotStock,
    Movement,
    MovementKind,
    Origin,
    Reason,
    StockCardLine,
    allocate_fefo,
    check_lot_choice,
    check_movement,
    fefo_order,
    is_expired,
    reversal_of,
    stock_card,
)
from core.ports import Change, LotBalance, UnitOfWork
from core.requisition import period_label_fr
from core.settings import POLICY_FIELDS, parse_policy_value, resolve_policy
from core.stock import (
    MonthSummary,
    StockLine,
    add_months,
    complete_months,
    month_end,
    month_start,
    month_summaries,
    stock_line,
    stockout_start,
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Context:
    """Who is at the keyboard, on which machine, and what day it is."""

    device: str
    user: str
    clock: Callable[[], datetime] = field(default=datetime.now)

    def today(self) -> date:
        return self.clock().date()

    def origin(self, facility_code: str) -> Origin:
        return Origin(facility_code=facility_code, device=self.device, user=self.user)


# --- facilities and catalogue -------------------------------------------------------------


def add_facility(uow: UnitOfWork, facility: Facility) -> Facility:
    with uow:
        if uow.facilities.find(facility.code) is not None:
            raise DomainError(f"Le code d'établissement {facility.code} existe déjà.")
        if facility.supplier_code and uow.facilities.find(facility.supplier_code) is None:
            raise NotFound(
                f"Fournisseur {facility.supplier_code} inconnu : créez d'abord cet établissement."
            )
        stored = uow.facilities.add(facility)
        uow.commit()
        return stored


def set_supplier(uow: UnitOfWork, facility_code: str, supplier_code: str | None) -> None:
    with uow:
        facility = get_facility(uow, facility_code)
        if supplier_code is not None:
            if supplier_code == facility.code:
                raise DomainError("Un établissement ne peut pas être son propre fournisseur.")
            get_facility(uow, supplier_code)
        uow.facilities.set_supplier(facility.code, supplier_code)
        uow.commit()


def update_facility(uow: UnitOfWork, facility: Facility) -> None:
    """Change a facility's details (name, type, region, district, supplier), never its code."""
    with uow:
        get_facility(uow, facility.code)
        if facility.supplier_code is not None:
            if facility.supplier_code == facility.code:
                raise DomainError("Un établissement ne peut pas être son propre fournisseur.")
            get_facility(uow, facility.supplier_code)
        uow.facilities.update(facility)
        uow.commit()


def list_facilities(uow: UnitOfWork) -> list[Facility]:
    with uow:
        return uow.facilities.list()


def list_products(uow: UnitOfWork) -> list[Product]:
    with uow:
        return uow.products.list()


def seed_catalogue(uow: UnitOfWork, products: Iterable[Product]) -> int:
    """Add the catalogue's products that the database does not have yet."""
    with uow:
        added = uow.products.add_missing(products)
        uow.commit()
        return added


def get_facility(uow: UnitOfWork, code: str) -> Facility:
    """Inside an open unit of work: the facility, or a NotFound the user can act on (every use
    case that names a facility asks through this)."""
    facility = uow.facilities.find(code)
    if facility is None:
        raise NotFound(f"Établissement {code} inconnu (voir « python main.py facilities »).")
    return facility


def get_product(uow: UnitOfWork, code: str) -> Product:
    """Inside an open unit of work: the product, or a NotFound the user can act on."""
    product = uow.products.find(code)
    if product is None:
        raise NotFound(f"Produit {code} inconnu (voir « python main.py products »).")
    return product


# --- posting to the ledger ------------------------------------------------------------------


def _check_date(ctx: Context, on: date) -> None:
    if on > ctx.today():
        raise DomainError(
            f"La date {on:%d/%m/%Y} est dans le futur : on n'enregistre que ce qui s'est passé."
        )


def _lot_for_incoming(
    uow: UnitOfWork, product: Product, lot: str, expiry: date | None
) -> tuple[str, date | None]:
    """Check the lot and expiry of stock coming in against the product and known lots."""
    lot = lot.strip()
    if not product.has_lots:
        if lot:
            raise DomainError(f"{product.code} n'est pas suivi par lot : laissez le lot vide.")
        return "", None
    if not lot:
        raise DomainError(f"Numéro de lot obligatoire pour {product.code}.")
    known, known_expiry = uow.ledger.lot_expiry(product.code, lot)
    if product.has_expiry and expiry is None:
        if known:
            return lot, known_expiry
        raise DomainError(f"Date de péremption obligatoire pour le lot {lot} de {product.code}.")
    if known and expiry != known_expiry:
        shown = f"{known_expiry:%d/%m/%Y}" if known_expiry else "sans date"
        raise DomainError(
            f"Le lot {lot} de {product.code} est déjà enregistré avec la péremption {shown} : "
            "vérifiez le lot ou la date."
        )
    return lot, expiry if product.has_expiry else None


def _post(uow: UnitOfWork, ctx: Context, movement: Movement) -> Movement:
    """Append one checked movement; outgoing stock must exist on that day and every day after,
    and its day must not be in a period closed by an approved requisition."""
    check_movement(movement)
    _check_open_period(uow, movement.facility_code, movement.occurred_on)
    if movement.quantity < 0:
        stock = _lot(
            uow, movement.facility_code, movement.product_code, movement.lot, movement.occurred_on
        )
        if -movement.quantity > stock.available:
            raise InsufficientStock(
                f"Stock insuffisant : lot {movement.lot or '(sans lot)'} de "
                f"{movement.product_code} à {movement.facility_code} : {stock.available} "
                f"disponible(s) le {movement.occurred_on:%d/%m/%Y}, {-movement.quantity} "
                "demandé(s).",
                available=stock.available,
            )
    stamped = movement.stamped(ctx.origin(movement.facility_code), ctx.clock())
    uow.ledger.add(stamped)
    return stamped


def _check_open_period(uow: UnitOfWork, facility_code: str, on: date) -> None:
    """Approving a month's requisition (R&R) closes that month and every month before it:
    a correction is dated in the current period, so the approved figures never change."""
    closed = uow.requisitions.closed_period(facility_code)
    if closed is None:
        return
    period, sequence = closed
    if on <= month_end(period):
        raise DomainError(
            f"La période de {period_label_fr(period)} est close à {facility_code} : sa "
            f"réquisition (R&R n° {sequence}) a été approuvée, et le {on:%d/%m/%Y} tombe dans "
            "cette période ou avant. Datez la correction dans la période en cours (à partir "
            f"du {month_end(period) + timedelta(days=1):%d/%m/%Y})."
        )


def _lot(uow: UnitOfWork, facility: str, product: str, lot: str, on: date) -> LotStock:
    for stock in uow.ledger.lot_stock(facility, product, on):
        if stock.lot == lot:
            return stock
    return LotStock(product, lot, None, 0, 0)


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    product_code: str
    quantity: int
    lot: str = ""
    expiry: date | None = None


def receive_stock(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    on: date,
    lines: Sequence[ReceiptLine],
    supplier: str = "",
    reference: str = "",
    kind: MovementKind = MovementKind.RECEIPT,
) -> list[Movement]:
    """A delivery note: several lines, all saved or none."""
    if not lines:
        raise DomainError("Le bon de réception n'a aucune ligne.")
    _check_date(ctx, on)
    with uow:
        get_facility(uow, facility_code)
        posted = []
        for number, line in enumerate(lines, start=1):
            try:
                product = get_product(uow, line.product_code)
                lot, expiry = _lot_for_incoming(uow, product, line.lot, line.expiry)
                movement = Movement(
                    facility_code=facility_code,
                    product_code=product.code,
                    occurred_on=on,
                    kind=kind,
                    quantity=line.quantity,
                    lot=lot,
                    expiry=expiry,
                    reason=Reason.TRANSFER_IN if kind is MovementKind.TRANSFER_IN else None,
                    counterpart=supplier,
                    reference=reference,
                )
                posted.append(_post(uow, ctx, movement))
            except DomainError as exc:
                raise DomainError(f"Ligne {number} : {exc}") from None
        uow.commit()
        return posted


def _post_all(uow: UnitOfWork, ctx: Context, movements: Iterable[Movement]) -> list[Movement]:
    return [_post(uow, ctx, movement) for movement in movements]


def _outgoing_movements(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    product_code: str,
    quantity: int,
    on: date,
    kind: MovementKind,
    lot: str | None,
    reason: Reason | None = None,
    counterpart: str = "",
    reference: str = "",
    note: str = "",
) -> list[Movement]:
    """The movements of stock leaving, checked but not posted (the caller may set their uuids)."""
    if quantity <= 0:
        raise DomainError("La quantité doit être un nombre entier supérieur à zéro.")
    _check_date(ctx, on)
    get_facility(uow, facility_code)
    product = get_product(uow, product_code)
    lots = uow.ledger.lot_stock(facility_code, product.code, on)
    if lot is not None and (lot.strip() or not product.has_lots):
        chosen = next((s for s in lots if s.lot == lot.strip()), None)
        if chosen is None:
            raise NotFound(f"Le lot {lot} de {product.code} n'est pas en stock à {facility_code}.")
        check_lot_choice(chosen, quantity, on, product.code)
        allocation = [(chosen, quantity)]
    else:
        allocation = allocate_fefo(lots, quantity, on, product.code)
    return [
        Movement(
            facility_code=facility_code,
            product_code=product.code,
            occurred_on=on,
            kind=kind,
            quantity=-take,
            lot=stock.lot,
            expiry=stock.expiry,
            reason=reason,
            counterpart=counterpart,
            reference=reference,
            note=note,
        )
        for stock, take in allocation
    ]


def dispense(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    product_code: str,
    quantity: int,
    on: date,
    lot: str | None = None,
    reference: str = "",
) -> list[Movement]:
    """Dispensing to patients (consumption): FEFO unless a lot is chosen; expired lots refused."""
    with uow:
        posted = _post_all(
            uow,
            ctx,
            _outgoing_movements(
                uow,
                ctx,
                facility_code,
                product_code,
                quantity,
                on,
                MovementKind.ISSUE,
                lot,
                reference=reference,
            ),
        )
        uow.commit()
        return posted


def propose_lots(
    uow: UnitOfWork, facility_code: str, product_code: str, on: date
) -> list[LotStock]:
    """The lots a form offers, FEFO first (expired lots are included so the form can say why)."""
    with uow:
        return fefo_order(
            s for s in uow.ledger.lot_stock(facility_code, product_code, on) if s.balance > 0
        )


def transfer_stock(
    uow: UnitOfWork,
    ctx: Context,
    from_code: str,
    to_code: str,
    product_code: str,
    quantity: int,
    on: date,
    lot: str | None = None,
    reference: str = "",
) -> list[Movement]:
    """Transfer out of one facility; when the other facility is in this database it receives it."""
    if from_code == to_code:
        raise DomainError("Un transfert doit aller vers un autre établissement.")
    with uow:
        destination = uow.facilities.find(to_code)
        out = _post_all(
            uow,
            ctx,
            _outgoing_movements(
                uow,
                ctx,
                from_code,
                product_code,
                quantity,
                on,
                MovementKind.TRANSFER_OUT,
                lot,
                reason=Reason.TRANSFER_OUT,
                counterpart=to_code,
                reference=reference,
            ),
        )
        posted = list(out)
        if destination is not None:
            for movement in out:
                posted.append(
                    _post(
                        uow,
                        ctx,
                        replace(
                            movement,
                            uuid=str(uuid4()),
                            facility_code=to_code,
                            kind=MovementKind.TRANSFER_IN,
                            quantity=-movement.quantity,
                            reason=Reason.TRANSFER_IN,
                            counterpart=from_code,
                            id=None,
                        ),
                    )
                )
        uow.commit()
        return posted


def record_loss(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    product_code: str,
    quantity: int,
    reason: Reason,
    on: date,
    lot: str | None = None,
    note: str = "",
) -> list[Movement]:
    """Damaged, expired, stolen, lost or cold-chain failure; expired lots may be written off."""
    _check_date(ctx, on)
    with uow:
        get_facility(uow, facility_code)
        product = get_product(uow, product_code)
        if reason is Reason.EXPIRED or lot is not None:
            loss = _lot_loss_movement(uow, facility_code, product, quantity, reason, on, lot, note)
            posted = [_post(uow, ctx, loss)]
        else:
            posted = _post_all(
                uow,
                ctx,
                _outgoing_movements(
                    uow,
                    ctx,
                    facility_code,
                    product.code,
                    quantity,
                    on,
                    MovementKind.LOSS,
                    None,
                    reason=reason,
                    note=note,
                ),
            )
        uow.commit()
        return posted


def _lot_loss_movement(
    uow: UnitOfWork,
    facility_code: str,
    product: Product,
    quantity: int,
    reason: Reason,
    on: date,
    lot: str | None,
    note: str = "",
) -> Movement:
    """A loss from one lot, expired or not (writing off expired stock is what losses are for)."""
    if product.has_lots and not (lot or "").strip():
        raise DomainError(
            f"Indiquez le lot de {product.code} à sortir en perte (motif "
            f"« {REASON_LABELS_FR[reason]} »)."
        )
    if quantity <= 0:
        raise DomainError("La quantité doit être un nombre entier supérieur à zéro.")
    lot_stock = _lot(uow, facility_code, product.code, (lot or "").strip(), on)
    if lot_stock.available < quantity:
        raise InsufficientStock(
            f"Stock insuffisant dans le lot {lot or '(sans lot)'} de {product.code} : "
            f"{lot_stock.available} disponible(s), {quantity} demandé(s).",
            available=lot_stock.available,
        )
    return Movement(
        facility_code=facility_code,
        product_code=product.code,
        occurred_on=on,
        kind=MovementKind.LOSS,
        quantity=-quantity,
        lot=lot_stock.lot,
        expiry=lot_stock.expiry,
        reason=reason,
        note=note,
    )


def adjust_stock(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    product_code: str,
    lot: str,
    change: int,
    reason: Reason,
    on: date,
    expiry: date | None = None,
    note: str = "",
) -> Movement:
    """A signed adjustment of one lot with its reason (a return adds, a correction either way)."""
    _check_date(ctx, on)
    with uow:
        get_facility(uow, facility_code)
        product = get_product(uow, product_code)
        lot_code, lot_expiry = lot.strip(), expiry
        if change > 0:
            lot_code, lot_expiry = _lot_for_incoming(uow, product, lot, expiry)
        else:
            lot_expiry = _lot(uow, facility_code, product.code, lot_code, on).expiry
        posted = _post(
            uow,
            ctx,
            Movement(
                facility_code=facility_code,
                product_code=product.code,
                occurred_on=on,
                kind=MovementKind.ADJUSTMENT,
                quantity=change,
                lot=lot_code,
                expiry=lot_expiry,
                reason=reason,
                note=note,
            ),
        )
        uow.commit()
        return posted


@dataclass(frozen=True, slots=True)
class CountLine:
    """What was counted: of one lot, or of the whole product when `lot` is None."""

    product_code: str
    counted: int
    lot: str | None = None
    expiry: date | None = None


def _count_movements(
    uow: UnitOfWork, facility_code: str, on: date, line: CountLine, reason: Reason, note: str
) -> list[Movement]:
    """The count assertion(s) of one line, each carrying the adjustment that reconciles it."""
    if line.counted < 0:
        raise DomainError("La quantité comptée ne peut pas être négative.")
    product = get_product(uow, line.product_code)
    lots = uow.ledger.lot_stock(facility_code, product.code, on)

    def assertion(stock: LotStock, counted: int) -> Movement:
        return Movement(
            facility_code=facility_code,
            product_code=product.code,
            occurred_on=on,
            kind=MovementKind.COUNT,
            quantity=counted - stock.balance,
            lot=stock.lot,
            expiry=stock.expiry,
            reason=reason,
            counted=counted,
            note=note,
        )

    if line.lot is not None or not product.has_lots:
        lot = (line.lot or "").strip()
        stock = next((s for s in lots if s.lot == lot), None)
        if stock is None:
            lot, expiry = _lot_for_incoming(uow, product, lot, line.expiry)
            stock = LotStock(product.code, lot, expiry, 0, 0)
        return [assertion(stock, line.counted)]
    # A product counted as a whole: the difference comes off the lots that go first (expired,
    # then FEFO); a surplus goes to the lot that expires last.
    held = [s for s in fefo_order(lots) if s.balance != 0]
    if not held:
        if line.counted == 0:
            return []
        raise DomainError(
            f"{product.code} n'a aucun lot en stock : indiquez le lot et la péremption comptés."
        )
    difference = line.counted - sum(s.balance for s in held)
    if difference >= 0:
        return [assertion(held[-1], held[-1].balance + difference)]
    result = []
    to_remove = -difference
    for stock in held:
        if to_remove == 0:
            break
        take = min(max(stock.balance, 0), to_remove)
        if take:
            result.append(assertion(stock, stock.balance - take))
            to_remove -= take
    return result


def record_count(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    on: date,
    lines: Sequence[CountLine],
    reason: Reason = Reason.COUNT_CORRECTION,
    note: str = "",
) -> list[Movement]:
    """A physical count: every line's assertion and reconciling adjustment, all or nothing."""
    _check_date(ctx, on)
    with uow:
        get_facility(uow, facility_code)
        posted = []
        for number, line in enumerate(lines, start=1):
            try:
                for movement in _count_movements(uow, facility_code, on, line, reason, note):
                    posted.append(_post(uow, ctx, movement))
            except InsufficientStock as exc:
                raise InsufficientStock(
                    f"Ligne {number} ({_line_label(line)}) : {exc}", exc.available
                ) from None
            except DomainError as exc:
                raise DomainError(f"Ligne {number} ({_line_label(line)}) : {exc}") from None
        uow.commit()
        return posted


def _line_label(line: CountLine) -> str:
    return f"{line.product_code}, lot {line.lot}" if line.lot else line.product_code


def reverse_movement(
    uow: UnitOfWork, ctx: Context, uuid: str, note: str, on: date | None = None
) -> Movement:
    """Cancel a wrong entry with a reversing one; the original stays in the ledger."""
    with uow:
        original = uow.ledger.get(uuid)
        if original is None:
            raise NotFound(f"Aucune saisie {uuid} dans le registre.")
        existing = uow.ledger.reversal_of(uuid)
        if existing is not None:
            raise DomainError(
                f"Cette saisie a déjà été annulée le {existing.occurred_on:%d/%m/%Y}."
            )
        reversal = reversal_of(original, note, on or ctx.today())
        try:
            posted = _post(uow, ctx, reversal)
        except InsufficientStock as exc:
            raise InsufficientStock(
                "Cette saisie ne peut pas être annulée : le stock qu'elle a apporté est déjà "
                f"sorti ({exc.available} encore disponible(s)). Annulez d'abord les sorties "
                "qui ont suivi.",
                available=exc.available,
            ) from None
        uow.commit()
        return posted


# --- reading --------------------------------------------------------------------------------


def facility_stock(
    uow: UnitOfWork,
    facility_code: str,
    as_of: date,
    on_order: dict[str, int] | None = None,
    product_codes: Sequence[str] | None = None,
) -> list[StockLine]:
    """Stock position of every catalogue product at a facility at the end of `as_of`; stock on
    order is the facility's pending orders unless `on_order` is given."""
    with uow:
        facility = get_facility(uow, facility_code)
        if on_order is None:
            on_order = {}
            for order in uow.orders.pending(facility_code):
                on_order[order.product_code] = on_order.get(order.product_code, 0) + order.quantity
        products = uow.products.list()
        if product_codes is not None:
            wanted = set(product_codes)
            products = [p for p in products if p.code in wanted]
        settings = uow.settings.all()
        policies = {p.code: resolve_policy(settings, p, facility) for p in products}
        periods = max((p.amc_periods for p in policies.values()), default=3)
        months = complete_months(as_of, periods)
        window_start = months[0]
        lots_now = uow.ledger.lot_balances(facility_code, as_of)
        # One range scan gives both the months' movements and, by stepping back from the
        # balances at `as_of`, the balances the day before the window.
        changes = uow.ledger.changes(facility_code, window_start, as_of)
        first_dates = uow.ledger.first_movement_dates(facility_code)
    opening = _step_back(lots_now, changes)
    by_product_now = _group(lots_now)
    by_product_opening = _group(opening)
    by_product_changes = _group(changes)
    lines = []
    for product in products:
        first = first_dates.get(product.code)
        policy = policies[product.code]
        history: list[MonthSummary] = []
        if first is not None:
            summaries = month_summaries(
                months,
                by_product_opening.get(product.code, []),
                by_product_changes.get(product.code, []),
                tracked_from=first,
            )
            history = [m for m in summaries[-policy.amc_periods :] if m.month >= month_start(first)]
        lines.append(
            stock_line(
                product,
                as_of,
                by_product_now.get(product.code, []),
                history,
                policy,
                (on_order or {}).get(product.code, 0),
                ever_stocked=first is not None,
            )
        )
    return lines


def _step_back(balances: Sequence[LotBalance], changes: Sequence[Change]) -> list[LotBalance]:
    """Lot balances before `changes` happened, from the balances after them."""
    totals = {(b.product_code, b.lot): b.balance for b in balances}
    expiries = {(b.product_code, b.lot): b.expiry for b in balances}
    for change in changes:
        key = (change.product_code, change.lot)
        totals[key] = totals.get(key, 0) - change.quantity
        expiries.setdefault(key, change.expiry)
    return [
        LotBalance(product, lot, expiries[(product, lot)], quantity)
        for (product, lot), quantity in totals.items()
        if quantity != 0
    ]


def _group(items: Iterable[T]) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = {}
    for item in items:
        grouped.setdefault(item.product_code, []).append(item)  # type: ignore[attr-defined]
    return grouped


def product_stock_card(
    uow: UnitOfWork, facility_code: str, product_code: str, lot: str | None = None
) -> list[StockCardLine]:
    """The fiche de stock: every movement with its running balance, per lot and in total."""
    with uow:
        get_facility(uow, facility_code)
        product = get_product(uow, product_code)
        movements = uow.ledger.movements(facility_code, product.code, lot)
    return stock_card(movements)


def check_database(uow: UnitOfWork) -> list[str]:
    """Ledger consistency: balances equal the sum of movements, no lot below zero."""
    with uow:
        return uow.ledger.consistency_problems()


# --- screens: movements, count sheet, alerts, settings ------------------------------------


@dataclass(frozen=True, slots=True)
class MovementPage:
    """One page of a facility's movements, newest first."""

    movements: list[Movement]
    total: int
    reversed: frozenset[str]


def movement_page(
    uow: UnitOfWork,
    facility_code: str,
    offset: int = 0,
    limit: int = 200,
    product_code: str | None = None,
    kinds: Sequence[MovementKind] | None = None,
) -> MovementPage:
    """Movements sorted and paged in storage, with which of them were already reversed."""
    with uow:
        get_facility(uow, facility_code)
        rows, total = uow.ledger.page(facility_code, offset, limit, product_code, kinds)
        reversed_ = uow.ledger.reversed_among(m.uuid for m in rows)
    return MovementPage(rows, total, frozenset(reversed_))


@dataclass(frozen=True, slots=True)
class CountSheetLine:
    """A line of the inventory form: what the ledger expects on a shelf."""

    product: Product
    lot: str
    expiry: date | None
    expected: int


def count_sheet(uow: UnitOfWork, facility_code: str, on: date) -> list[CountSheetLine]:
    """Every lot with stock at the end of `on` (expired ones too: they are on the shelf),
    in catalogue order then FEFO."""
    with uow:
        get_facility(uow, facility_code)
        products = uow.products.list()
        balances = uow.ledger.lot_balances(facility_code, on)
    by_product = _group(balances)
    lines: list[CountSheetLine] = []
    for product in products:
        lots = sorted(
            by_product.get(product.code, []),
            key=lambda b: (b.expiry is None, b.expiry or date.max, b.lot),
        )
        lines.extend(CountSheetLine(product, b.lot, b.expiry, b.balance) for b in lots)
    return lines


@dataclass(frozen=True, slots=True)
class LotAlert:
    """A lot past or near its expiry date that is still in stock."""

    product: Product
    lot: str
    expiry: date
    quantity: int
    expired: bool


def expiry_alerts(uow: UnitOfWork, facility_code: str, as_of: date) -> list[LotAlert]:
    """Expired lots still on the shelf, then lots expiring within each product's horizon."""
    with uow:
        facility = get_facility(uow, facility_code)
        products = {p.code: p for p in uow.products.list()}
        settings = uow.settings.all()
        balances = uow.ledger.lot_balances(facility_code, as_of)
    alerts = []
    for balance in balances:
        if balance.expiry is None or balance.balance <= 0:
            continue
        product = products[balance.product_code]
        policy = resolve_policy(settings, product, facility)
        expired = is_expired(balance.expiry, as_of)
        if expired or balance.expiry <= add_months(as_of, policy.expiry_warning_months):
            alerts.append(LotAlert(product, balance.lot, balance.expiry, balance.balance, expired))
    return sorted(alerts, key=lambda a: (not a.expired, a.expiry, a.product.code))


def policy_settings(uow: UnitOfWork) -> dict[tuple[str, str], str]:
    """Every stock-policy value set, by (scope, key); scopes are "" (all products),
    "category:<category>" and "product:<code>"."""
    with uow:
        return {k: v for k, v in uow.settings.all().items() if k[1] in POLICY_FIELDS}


def set_policy_value(uow: UnitOfWork, scope: str, key: str, value: str | None) -> None:
    """Set (or clear, with None) one stock-policy value after checking it."""
    if value is not None:
        parsed = parse_policy_value(key, value)
        value = str(parsed)
    elif key not in POLICY_FIELDS:
        raise DomainError(f"Paramètre inconnu « {key} ».")
    with uow:
        uow.settings.set(scope, key, value)
        settings = uow.settings.all()
        for product in uow.products.list():
            resolve_policy(settings, product, None)  # refuses a minimum above the maximum
        uow.commit()


def effective_policy(
    uow: UnitOfWork, product_code: str, facility_code: str | None = None
) -> StockPolicy:
    with uow:
        product = get_product(uow, product_code)
        facility = get_facility(uow, facility_code) if facility_code else None
        return resolve_policy(uow.settings.all(), product, facility)


def stockout_since(
    uow_factory: Callable[[], UnitOfWork], facility_code: str, product_code: str, as_of: date
) -> date | None:
    """The first day of a product's current stock-out at a facility (None if it has usable
    stock). Reads the movements back from `as_of` a page at a time, each page in its own unit
    of work, and stops as soon as it finds a day that ended with usable stock."""

    def newest_first() -> Iterator[Movement]:
        offset = 0
        while True:
            page = movement_page(uow_factory(), facility_code, offset, 50, product_code)
            yield from page.movements
            offset += len(page.movements)
            if not page.movements or offset >= page.total:
                return

    lots = propose_lots(uow_factory(), facility_code, product_code, as_of)
    return stockout_start(lots, newest_first(), as_of)
