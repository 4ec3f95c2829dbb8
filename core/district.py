"""The district depot's month: review the requisitions of the facilities it supplies, set
approved quantities, produce its own requisition one level up (approved quantities of its
facilities plus its own needs, minus its usable stock) and the delivery notes (lots FEFO from
its ledger); and, at the facility, receive a delivery note line by line."""

from __future__ import annotations

import logging
import unicodedata
import uuid as uuidlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from core.catalogue import Product
from core.delivery import DeliveryNote, DeliveryRequest, delivery_number, plan_deliveries
from core.errors import DomainError, NotFound
from core.exchange.movements import Problem
from core.facilities import Facility, FacilityType
from core.french import int_fr
from core.ledger import LotStock, Movement, MovementKind, Reason, fefo_order
from core.ports import UnitOfWork
from core.requisition import Requisition, period_label_fr
from core.requisition_import import requisition_flags, rutf_tolerance
from core.services import Context, _check_date, _lot_for_incoming, _post, get_facility
from core.stock import month_start

log = logging.getLogger(__name__)

MAX_NOTE = 500


@dataclass(frozen=True, slots=True)
class ApprovedQuantity:
    """What the depot approves for one facility, product and month (a version per change)."""

    depot_code: str
    facility_code: str
    period: date
    product_code: str
    quantity: int
    note: str = ""
    record_uuid: str = ""
    version: int = 1
    entered_by: str = ""
    device: str = ""
    recorded_at: datetime | None = None


def approved_record_uuid(depot: str, facility: str, period: date, product: str) -> str:
    """One record per depot, facility, month and product: its versions are the changes."""
    key = f"sahelstock:approved:{depot}:{facility}:{period:%Y-%m}:{product}"
    return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, key))


@dataclass(frozen=True, slots=True)
class ReceivedLine:
    """What the facility confirms for one line of a delivery note."""

    line_no: int
    received: int
    reason: str = ""  # why received differs from shipped (required then)
    movement_uuid: str = ""
    received_on: date | None = None
    entered_by: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredNote:
    """A delivery note kept in the database: issued here ("out") or imported ("in")."""

    note: DeliveryNote
    direction: str
    checksum: str = ""
    received: tuple[ReceivedLine, ...] = ()
    note_id: int | None = None

    @property
    def is_received(self) -> bool:
        return bool(self.received)

    @property
    def discrepancies(self) -> list[tuple[int, int, int, str]]:
        """(line n°, shipped, received, reason) of the lines received differently."""
        shipped = {n: line.quantity for n, line in enumerate(self.note.lines, start=1)}
        return [
            (r.line_no, shipped[r.line_no], r.received, r.reason)
            for r in self.received
            if r.received != shipped.get(r.line_no)
        ]


# --- which depot, which facilities ------------------------------------------------------------


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def resolve_depot(uow: UnitOfWork, code_or_district: str) -> Facility:
    """The district depot from the code of its CSRéf or the health district's name."""
    with uow:
        found = uow.facilities.find(code_or_district.strip())
        if found is not None:
            return found
        wanted = _folded(code_or_district)
        candidates = [
            f
            for f in uow.facilities.list()
            if _folded(f.district) == wanted and f.type is FacilityType.CSREF
        ]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFound(
            f"Aucun CSRéf ni district « {code_or_district} » : donnez le code du CSRéf "
            "(voir « python main.py facilities ») ou le nom du district sanitaire."
        )
    raise DomainError(
        f"Plusieurs CSRéf dans le district « {code_or_district} » : donnez le code de l'un "
        f"d'eux ({', '.join(f.code for f in candidates)})."
    )


# --- the review -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewFacility:
    """One facility's requisition of the month as the depot sees it."""

    facility: Facility
    requisition: Requisition | None  # None: not received for this month
    flags: list[Problem] = field(default_factory=list)
    approved: dict[str, int] = field(default_factory=dict)  # product → approved quantity
    set_by_depot: frozenset[str] = frozenset()  # products whose approval was changed
    delivery_note: str = ""  # the number of the delivery note already issued, if any

    @property
    def code(self) -> str:
        return self.facility.code


@dataclass(frozen=True, slots=True)
class ReviewProduct:
    product_code: str
    product_name: str
    base_unit: str
    pack_size: int
    requested: int
    approved: int
    depot_usable: int
    to_ship: int = 0  # approved for facilities whose delivery note is not issued yet

    @property
    def over_supply(self) -> bool:
        """More is approved, for facilities still to be delivered, than the depot holds."""
        return self.to_ship > self.depot_usable


@dataclass(frozen=True)
class DistrictReview:
    depot: Facility
    period: date
    as_of: date
    facilities: list[ReviewFacility]
    products: list[ReviewProduct]
    depot_lots: dict[str, list[LotStock]] = field(default_factory=dict)  # FEFO, on `as_of`

    def requests(self) -> list[DeliveryRequest]:
        """Approved quantities per facility with a requisition and no delivery note yet."""
        return [
            (f.code, dict(f.approved))
            for f in self.facilities
            if f.requisition is not None and not f.delivery_note
        ]

    def downstream(self) -> dict[str, int]:
        """Approved quantities of all facilities together, per product."""
        return {p.product_code: p.approved for p in self.products if p.approved}

    def warnings(self) -> list[str]:
        """A French sentence per product approved beyond what the depot can supply."""
        return [
            f"{p.product_code} ({p.product_name}) : {int_fr(p.to_ship)} {p.base_unit} "
            "approuvé(s) pour les établissements à livrer, le dépôt n'en a que "
            f"{int_fr(p.depot_usable)} utilisable(s) le "
            f"{self.as_of:%d/%m/%Y} ; réduisez les quantités approuvées ou attendez la "
            "livraison du niveau supérieur."
            for p in self.products
            if p.over_supply
        ]


def served_facilities(uow: UnitOfWork, depot_code: str, period: date) -> list[Facility]:
    """Facilities the depot supplies (their supplier setting) and those whose requisition of
    the month names it as supplier, by code."""
    with uow:
        facilities = {f.code: f for f in uow.facilities.list() if f.supplier_code == depot_code}
        for req in uow.requisitions.for_period(month_start(period)):
            if req.supplier_code == depot_code and req.facility_code not in facilities:
                found = uow.facilities.find(req.facility_code)
                if found is not None:
                    facilities[found.code] = found
    facilities.pop(depot_code, None)
    return [facilities[code] for code in sorted(facilities)]


def _depot_lots(
    uow: UnitOfWork, depot_code: str, codes: Sequence[str], on: date
) -> dict[str, list[LotStock]]:
    return {code: fefo_order(uow.ledger.lot_stock(depot_code, code, on)) for code in codes}


def _usable(lots: Sequence[LotStock], on: date) -> int:
    return sum(s.available for s in lots if not s.is_expired(on) and s.available > 0)


def district_review(uow: UnitOfWork, ctx: Context, depot_code: str, period: date) -> DistrictReview:
    """Every supplied facility's requisition of the month side by side, its flags
    (continuity, RUTF versus admissions), approved quantities (the requested ones until the
    depot changes them) and, per product, the totals against the depot's usable stock today."""
    period = month_start(period)
    on = ctx.today()
    served = served_facilities(uow, depot_code, period)
    with uow:
        by_facility = {r.facility_code: r for r in uow.requisitions.for_period(period)}
    by_facility = {code: _with_admissions_known_here(uow, req) for code, req in by_facility.items()}
    with uow:
        depot = get_facility(uow, depot_code)
        nutrition, tolerance = rutf_tolerance(uow)
        stored = {
            (a.facility_code, a.product_code): a for a in uow.district.approved(depot.code, period)
        }
        issued = {
            n.note.to_code: n.note.number
            for n in uow.district.notes("out", period=period, from_code=depot.code)
        }
        rows: list[ReviewFacility] = []
        for facility in served:
            req = by_facility.get(facility.code)
            if req is None:
                rows.append(ReviewFacility(facility, None))
                continue
            previous = uow.requisitions.latest_before(facility.code, period)
            flags = requisition_flags(req, previous, nutrition, tolerance)
            approved: dict[str, int] = {}
            changed: set[str] = set()
            for line in req.lines:
                decision = stored.get((facility.code, line.product_code))
                if decision is not None:
                    approved[line.product_code] = decision.quantity
                    changed.add(line.product_code)
                else:
                    approved[line.product_code] = line.requested
            rows.append(
                ReviewFacility(
                    facility,
                    req,
                    flags,
                    approved,
                    frozenset(changed),
                    issued.get(facility.code, ""),
                )
            )
        catalogue = {p.code: p for p in uow.products.list()}
        codes = sorted(
            {code for row in rows for code in row.approved},
            key=lambda c: catalogue[c].name if c in catalogue else c,
        )
        lots = _depot_lots(uow, depot.code, codes, on)
    products = []
    for code in codes:
        product = catalogue.get(code)
        requested = sum(
            row.requisition.line(code).requested
            for row in rows
            if row.requisition is not None and code in row.approved
        )
        products.append(
            ReviewProduct(
                product_code=code,
                product_name=product.name if product else code,
                base_unit=product.base_unit if product else "",
                pack_size=max(product.pack_size, 1) if product else 1,
                requested=requested,
                approved=sum(row.approved.get(code, 0) for row in rows),
                depot_usable=_usable(lots[code], on),
                to_ship=sum(row.approved.get(code, 0) for row in rows if not row.delivery_note),
            )
        )
    return DistrictReview(depot, period, on, rows, products, lots)


def _with_admissions_known_here(uow: UnitOfWork, req: Requisition) -> Requisition:
    """A requisition that came without the facility's URENAS admissions (no PCIMA register
    on its laptop) takes them from this database when the district keeps its PCIMA reports
    (typed monthly totals or registers), so that RUTF requested is still checked."""
    if req.admissions is not None:
        return req
    from core.requisition_services import urenas_admissions

    admissions = urenas_admissions(uow, req.facility_code, req.period, list(req.lines))
    return req if admissions is None else replace(req, admissions=admissions)


def set_approved_quantity(
    uow: UnitOfWork,
    ctx: Context,
    depot_code: str,
    facility_code: str,
    period: date,
    product_code: str,
    quantity: int,
    note: str = "",
    warn: bool = True,
) -> list[str]:
    """The depot approves `quantity` of a product for a facility's requisition of the month
    (a new version each time). Returns warnings: approving more than the depot's usable
    stock is allowed, and said. They take a review of the whole month: a caller that reads
    the review again anyway (the District tab) passes `warn=False` and gets none."""
    period = month_start(period)
    if quantity < 0:
        raise DomainError(f"{product_code} : la quantité approuvée ne peut pas être négative.")
    note = " ".join(note.split())
    if len(note) > MAX_NOTE:
        raise DomainError(f"Commentaire : {MAX_NOTE} caractères au plus.")
    with uow:
        get_facility(uow, depot_code)
        req = uow.requisitions.find(facility_code, period)
        if req is None:
            raise DomainError(
                f"Aucune réquisition de {facility_code} pour {period_label_fr(period)} : "
                "importez-la avant d'approuver des quantités."
            )
        line = req.line(product_code)
        if quantity != line.requested and not note:
            raise DomainError(
                f"{facility_code}, {product_code} : la quantité approuvée ({quantity}) diffère "
                f"de la quantité demandée ({line.requested}) : écrivez pourquoi dans le "
                "commentaire."
            )
        record = approved_record_uuid(depot_code, facility_code, period, product_code)
        versions = [
            a.version for a in uow.district.approved(depot_code, period) if a.record_uuid == record
        ]
        uow.district.add_approved(
            ApprovedQuantity(
                depot_code=depot_code,
                facility_code=facility_code,
                period=period,
                product_code=product_code,
                quantity=quantity,
                note=note,
                record_uuid=record,
                version=max(versions, default=0) + 1,
                entered_by=ctx.user,
                device=ctx.device,
                recorded_at=ctx.clock(),
            )
        )
        uow.commit()
    if not warn:
        return []
    review = district_review(uow, ctx, depot_code, period)
    return [w for w in review.warnings() if w.startswith(f"{product_code} ")]


# --- the depot's own requisition -----------------------------------------------------------------


def district_requisition(
    uow: UnitOfWork, ctx: Context, depot_code: str, period: date
) -> Requisition:
    """The depot's R&R of the month to the regional hospital / PPM: its own lines from its
    ledger, each product's order quantity raised by what it approved for its facilities."""
    from core.requisition_services import compute_requisition

    review = district_review(uow, ctx, depot_code, period)
    return compute_requisition(uow, ctx, depot_code, period, downstream=review.downstream())


# --- delivery notes -------------------------------------------------------------------------------


def prepare_delivery_notes(
    uow: UnitOfWork, ctx: Context, depot_code: str, period: date, on: date | None = None
) -> list[DeliveryNote]:
    """A delivery note per facility with a requisition of the month and no note yet (one
    whose requisition arrived late gets its note later, from what is left): the approved
    quantities shipped from the depot's lots, FEFO, facilities served in code order; what
    the depot cannot supply is listed as a shortfall. Nothing is stored (issue_delivery_notes
    does)."""
    on = on or ctx.today()
    review = district_review(uow, ctx, depot_code, period)
    requests = review.requests()
    with uow:
        catalogue = {p.code: p for p in uow.products.list()}
        lots = (
            review.depot_lots
            if on == review.as_of
            else _depot_lots(uow, depot_code, [p.product_code for p in review.products], on)
        )
    plan = plan_deliveries(requests, lots, on, catalogue)
    notes = []
    for row in review.facilities:
        if row.requisition is None or row.delivery_note or row.code not in plan:
            continue
        lines, shortfalls = plan[row.code]
        if not lines and not shortfalls:
            continue
        number = delivery_number(depot_code, row.code, review.period)
        notes.append(
            DeliveryNote(
                number=number,
                record_uuid=str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"sahelstock:{number}")),
                from_code=review.depot.code,
                from_name=review.depot.name,
                to_code=row.code,
                to_name=row.facility.name,
                region=row.facility.region,
                district=row.facility.district,
                period=review.period,
                requisition_sequence=row.requisition.sequence,
                issued_on=on,
                created_at=ctx.clock(),
                created_by=ctx.user,
                lines=tuple(lines),
                shortfalls=tuple(shortfalls),
            )
        )
    return notes


def issue_delivery_notes(
    uow: UnitOfWork, ctx: Context, notes: Sequence[DeliveryNote]
) -> list[DeliveryNote]:
    """Store the notes and take the stock out of the depot's ledger (a transfer out per lot,
    referenced by the note's number), all or nothing. A note already issued is refused."""
    from core.exchange.delivery_workbook import delivery_data
    from core.exchange.requisition_workbook import checksum

    if not notes:
        raise DomainError(
            "Aucun bon de livraison à établir : chaque établissement ayant une réquisition ce "
            "mois-là a déjà son bon, ou aucune quantité n'est approuvée."
        )
    with uow:
        for note in notes:
            _check_date(ctx, note.issued_on)
            if uow.district.notes("out", record_uuid=note.record_uuid):
                raise DomainError(
                    f"Le bon de livraison {note.number} a déjà été établi : il n'est pas refait. "
                    "Un complément se livre par un transfert (Mouvements)."
                )
            for line in note.lines:
                _post(
                    uow,
                    ctx,
                    Movement(
                        facility_code=note.from_code,
                        product_code=line.product_code,
                        occurred_on=note.issued_on,
                        kind=MovementKind.TRANSFER_OUT,
                        quantity=-line.quantity,
                        lot=line.lot,
                        expiry=line.expiry,
                        reason=Reason.TRANSFER_OUT,
                        counterpart=note.to_code,
                        reference=note.number,
                    ),
                )
            uow.district.add_note(
                note, "out", checksum(delivery_data(note)), ctx.user, ctx.device, ctx.clock()
            )
        uow.commit()
    log.info("%d delivery note(s) issued", len(notes))
    return list(notes)


# --- at the facility: receiving a delivery note ---------------------------------------------------


def import_delivery_note(uow: UnitOfWork, ctx: Context, path: object) -> StoredNote:
    """Read a delivery note workbook meant for a facility of this database and keep it, to be
    received line by line (receive_delivery). A damaged or hand-edited file, a note for
    another facility, or a note already imported is refused with the reason."""
    from pathlib import Path

    from core.exchange.delivery_workbook import read_delivery_workbook

    read = read_delivery_workbook(Path(str(path)))
    if read.problems or read.note is None:
        raise DomainError(
            "Bon de livraison illisible : " + " ; ".join(str(p) for p in read.problems[:10])
        )
    if not read.checksum_matches:
        raise DomainError(
            f"{read.file} : la somme de contrôle ne correspond pas aux données : le bon de "
            "livraison a été modifié après son export. Demandez au dépôt de l'exporter de "
            "nouveau ; notez les écarts constatés à la réception, pas dans le fichier."
        )
    note = read.note
    with uow:
        if uow.facilities.find(note.to_code) is None:
            raise DomainError(
                f"Ce bon de livraison est destiné à {note.to_name} ({note.to_code}), qui n'est "
                "pas dans cette base : vérifiez que c'est le bon fichier."
            )
        existing = uow.district.notes("in", record_uuid=note.record_uuid)
        if existing:
            state = "réceptionné" if existing[0].is_received else "importé, à réceptionner"
            raise DomainError(f"Le bon de livraison {note.number} est déjà {state}.")
        uow.district.add_note(note, "in", read.stored_checksum, ctx.user, ctx.device, ctx.clock())
        uow.commit()
        (stored,) = uow.district.notes("in", record_uuid=note.record_uuid)
    return stored


def pending_deliveries(uow: UnitOfWork, facility_code: str) -> list[StoredNote]:
    """Delivery notes for the facility not yet received (imported, or issued in this same
    database by its depot)."""
    with uow:
        notes = uow.district.notes("in", to_code=facility_code) + uow.district.notes(
            "out", to_code=facility_code
        )
        received = {n.note.record_uuid for n in notes if n.is_received}
    seen: set[str] = set()
    pending = []
    for stored in notes:
        uid = stored.note.record_uuid
        if uid in received or uid in seen:
            continue
        seen.add(uid)
        pending.append(stored)
    return pending


def receive_delivery(
    uow: UnitOfWork,
    ctx: Context,
    record_uuid: str,
    on: date,
    received: Mapping[int, tuple[int, str]],
) -> StoredNote:
    """Confirm a delivery note line by line: `received` maps a line number to (quantity
    received, reason). Every line must be confirmed; a quantity different from the one shipped
    needs its reason (recorded as a discrepancy). The received quantities enter the ledger as
    a receipt from the depot with the note's lots and expiry dates, and the facility's
    pending orders of those products from that depot are marked received; all or nothing."""
    from core.orders import OrderStatus

    _check_date(ctx, on)
    with uow:
        notes = uow.district.notes("in", record_uuid=record_uuid) or uow.district.notes(
            "out", record_uuid=record_uuid
        )
        if not notes:
            raise NotFound("Bon de livraison introuvable : importez-le d'abord.")
        stored = notes[0]
        note = stored.note
        if stored.is_received:
            raise DomainError(f"Le bon de livraison {note.number} est déjà réceptionné.")
        if on < note.issued_on:
            raise DomainError(
                f"La réception ({on:%d/%m/%Y}) ne peut pas précéder l'expédition du "
                f"{note.issued_on:%d/%m/%Y}."
            )
        missing = [n for n in range(1, len(note.lines) + 1) if n not in received]
        if missing:
            raise DomainError(
                "Confirmez chaque ligne du bon (quantité reçue, 0 si rien) : lignes "
                + ", ".join(str(n) for n in missing)
                + " non confirmées."
            )
        confirmations: list[ReceivedLine] = []
        for number, line in enumerate(note.lines, start=1):
            quantity, reason = received[number]
            reason = " ".join(reason.split())
            label = f"Ligne {number} ({line.product_code}, lot {line.lot or '-'})"
            if quantity < 0:
                raise DomainError(f"{label} : la quantité reçue ne peut pas être négative.")
            if quantity != line.quantity and not reason:
                raise DomainError(
                    f"{label} : {quantity} reçu(s) pour {line.quantity} expédié(s) : indiquez "
                    "la raison de l'écart (cassé, manquant, périmé…)."
                )
            if len(reason) > MAX_NOTE:
                raise DomainError(f"{label} : raison de l'écart, {MAX_NOTE} caractères au plus.")
            movement_uuid = ""
            if quantity > 0:
                product = get_product_or_fail(uow, line.product_code, note.number)
                lot, expiry = _lot_for_incoming(uow, product, line.lot, line.expiry)
                posted = _post(
                    uow,
                    ctx,
                    Movement(
                        facility_code=note.to_code,
                        product_code=line.product_code,
                        occurred_on=on,
                        kind=MovementKind.RECEIPT,
                        quantity=quantity,
                        lot=lot,
                        expiry=expiry,
                        counterpart=note.from_code,
                        reference=note.number,
                        note=(
                            f"Écart : {line.quantity} expédié(s), {quantity} reçu(s) — {reason}"
                            if quantity != line.quantity
                            else ""
                        ),
                    ),
                )
                movement_uuid = posted.uuid
            confirmations.append(
                ReceivedLine(
                    line_no=number,
                    received=quantity,
                    reason=reason,
                    movement_uuid=movement_uuid,
                    received_on=on,
                    entered_by=ctx.user,
                    recorded_at=ctx.clock(),
                )
            )
        assert stored.note_id is not None
        uow.district.add_receipts(stored.note_id, confirmations, ctx.device)
        products = {line.product_code for line in note.lines}
        for order in uow.orders.pending(note.to_code):
            if order.product_code in products and order.supplier in (note.from_code, ""):
                from core.pcima import Stamp

                uow.orders.add(
                    replace(
                        order,
                        status=OrderStatus.RECEIVED,
                        version=order.version + 1,
                        stamp=Stamp(
                            entered_by=ctx.user,
                            device=ctx.device,
                            recorded_at=ctx.clock(),
                            note=f"Reçue par le bon de livraison {note.number}.",
                        ),
                    )
                )
        uow.commit()
        (done,) = [n for n in uow.district.notes(stored.direction, record_uuid=record_uuid)]
    log.info("Delivery %s received at %s", note.number, note.to_code)
    return done


def get_product_or_fail(uow: UnitOfWork, code: str, number: str) -> Product:
    product = uow.products.find(code)
    if product is None:
        raise DomainError(
            f"Le produit {code} du bon {number} n'est pas au catalogue de cette base : "
            "ajoutez-le (Paramètres) puis réceptionnez de nouveau."
        )
    return product
