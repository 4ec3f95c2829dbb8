"""Use cases of the R&R: compute a facility's requisition of a month from the ledger, approve it
(which stores it and closes the period in the ledger), read approved ones back; keep what the
director types into one not yet approved until it is approved."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from core.consumption import average_monthly_consumption
from core.errors import DomainError, NotFound
from core.ledger import is_expired
from core.monthly import MonthlyStockReport
from core.pcima import new_record_uuid
from core.ports import UnitOfWork
from core.requisition import (
    Requisition,
    RequisitionLine,
    RequisitionStatus,
    check_requisition,
    period_label_fr,
    requisition_line,
)
from core.requisition_drafts import LineEdit, SavedEdits, check_edits
from core.services import Context, _group, _step_back, get_facility
from core.settings import resolve_policy
from core.stock import add_months, month_end, month_start, month_summaries

log = logging.getLogger(__name__)

# What approval compares between the draft the director saw and the ledger at that moment.
_LEDGER_FIELDS = ("usable_stock", "amc", "max_quantity", "on_order", "downstream", "calculated")


def _check_period(ctx: Context, period: date) -> date:
    period = month_start(period)
    if month_end(period) > ctx.today():
        raise DomainError(
            f"Le mois de {period_label_fr(period)} n'est pas terminé : la réquisition se fait "
            f"à partir du dernier jour du mois ({month_end(period):%d/%m/%Y})."
        )
    return period


def compute_requisition(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    period: date,
    downstream: Mapping[str, int] | None = None,
) -> Requisition:
    """The draft R&R of a facility for the month of `period`, from the ledger: one line per
    product with a movement at the facility by the end of the month, in catalogue order.

    A to E and the stock-out days are the month's MonthlyStockReport (core.stock
    month_summaries); the AMC is the mean of the adjusted consumptions of the month and the
    months before it (amc_periods, months before the product's first movement left out, as on
    the stock screen); usable stock is E less expired lots at the end of the month; stock on
    order is the facility's pending orders.

    A depot passes `downstream`, the quantities it approved for the facilities it supplies
    per product: they are added to its order quantity, and a product it does not stock yet
    gets a line of its own."""
    downstream = dict(downstream or {})
    period = _check_period(ctx, period)
    end = month_end(period)
    with uow:
        facility = get_facility(uow, facility_code)
        first_dates = uow.ledger.first_movement_dates(facility.code)
        products = [
            p
            for p in uow.products.list()
            if (p.code in first_dates and first_dates[p.code] <= end) or downstream.get(p.code)
        ]
        settings = uow.settings.all()
        policies = {p.code: resolve_policy(settings, p, facility) for p in products}
        periods = max((p.amc_periods for p in policies.values()), default=3)
        window_start = add_months(period, -(periods - 1))
        lots_end = uow.ledger.lot_balances(facility.code, end)
        changes = uow.ledger.changes(facility.code, window_start, end)
        on_order: dict[str, int] = {}
        for order in uow.orders.pending(facility.code):
            on_order[order.product_code] = on_order.get(order.product_code, 0) + order.quantity
    months = [add_months(window_start, i) for i in range(periods)]
    opening = _group(_step_back(lots_end, changes))
    by_product = _group(changes)
    by_product_end = _group(lots_end)
    lines: list[RequisitionLine] = []
    for product in products:
        policy = policies[product.code]
        first = min(first_dates.get(product.code, end), end)
        summaries = month_summaries(
            months,
            opening.get(product.code, []),
            by_product.get(product.code, []),
            tracked_from=first,
        )
        month = summaries[-1]
        report = MonthlyStockReport(
            site_code=facility.code,
            product_code=product.code,
            year=period.year,
            month=period.month,
            beginning_balance=month.opening,
            received=month.received,
            consumed=month.consumed,
            adjustments=month.adjustments,
            stock_on_hand=month.closing,
            stockout_days=month.stockout_days,
            region=facility.region,
            district=facility.district,
        )
        history = [m for m in summaries[-policy.amc_periods :] if m.month >= month_start(first)]
        amc_adjusted = [m.adjusted for m in history]
        amc = average_monthly_consumption(amc_adjusted, policy.amc_periods)
        usable = sum(
            b.balance
            for b in by_product_end.get(product.code, [])
            if b.balance > 0 and not is_expired(b.expiry, end)
        )
        lines.append(
            requisition_line(
                report,
                product,
                usable,
                amc,
                policy,
                on_order.get(product.code, 0),
                record_uuid=new_record_uuid(),
                downstream=downstream.get(product.code, 0),
            )
        )
    return Requisition(
        admissions=urenas_admissions(uow, facility.code, period, lines),
        facility_code=facility.code,
        facility_name=facility.name,
        facility_type=facility.type.value,
        region=facility.region,
        district=facility.district,
        period=period,
        lines=tuple(lines),
        record_uuid=new_record_uuid(),
        created_at=ctx.clock(),
        supplier_code=facility.supplier_code or "",
        entered_by=ctx.user,
        device=ctx.device,
    )


def urenas_admissions(
    uow: UnitOfWork, facility_code: str, period: date, lines: list[RequisitionLine]
) -> int | None:
    """The month's URENAS admissions from the PCIMA registers, sent with the R&R so that the
    district can check RUTF requested against them; None without RUTF or PCIMA records."""
    from core.pcima import children_for_rutf
    from core.pcima_services import RUTF_PRODUCT, pcima_report

    if not any(line.product_code == RUTF_PRODUCT for line in lines):
        return None
    report = pcima_report(uow, facility_code, period)
    if all(unit.source == "none" for unit in report.units):
        return None
    return children_for_rutf(report.units)


def requisition_for(uow: UnitOfWork, ctx: Context, facility_code: str, period: date) -> Requisition:
    """The approved requisition of that month if there is one, else a fresh draft; a depot's
    draft includes what it approved for the facilities it supplies (core.district)."""
    with uow:
        facility = get_facility(uow, facility_code)
        stored = uow.requisitions.find(facility.code, month_start(period))
    if stored is not None:
        return stored
    from core.district import district_requisition, served_facilities

    if served_facilities(uow, facility.code, period):
        return district_requisition(uow, ctx, facility.code, period)
    return compute_requisition(uow, ctx, facility.code, period)


def approve_requisition(
    uow: UnitOfWork, ctx: Context, draft: Requisition, director: str
) -> Requisition:
    """The director approves a draft: it is checked (every difference from the calculated
    quantity justified), compared with the ledger now (an entry made since the draft was
    computed makes it stale), given the facility's next sequence number and stored; its month
    and every month before it are then closed in the ledger. The edits saved for that month
    (save_draft_edits), and those of earlier months' drafts, are discarded in the same
    transaction."""
    director = " ".join(director.split())
    if not director:
        raise DomainError("Indiquez le nom du directeur (DTC) qui approuve la réquisition.")
    if len(director) > 200:
        raise DomainError("Nom du directeur : 200 caractères au plus.")
    if not draft.is_draft:
        raise DomainError(
            f"La réquisition n° {draft.sequence} de {draft.facility_code} est déjà approuvée."
        )
    check_requisition(draft)
    fresh = compute_requisition(
        uow,
        ctx,
        draft.facility_code,
        draft.period,
        downstream={line.product_code: line.downstream for line in draft.lines if line.downstream},
    )
    if _ledger_figures(fresh) != _ledger_figures(draft):
        raise DomainError(
            "Le registre a changé depuis le calcul de cette réquisition "
            f"({draft.facility_code}, {period_label_fr(draft.period)}) : recalculez-la, "
            "vérifiez-la et approuvez-la de nouveau."
        )
    with uow:
        existing = uow.requisitions.find(draft.facility_code, draft.period)
        if existing is not None:
            raise DomainError(
                f"La réquisition de {draft.facility_code} pour {period_label_fr(draft.period)} "
                f"est déjà approuvée (n° {existing.sequence}, par {existing.approved_by})."
            )
        closed = uow.requisitions.closed_period(draft.facility_code)
        if closed is not None and closed[0] > draft.period:
            raise DomainError(
                f"La période de {period_label_fr(closed[0])} est déjà close à "
                f"{draft.facility_code} : la réquisition de {period_label_fr(draft.period)} "
                "ne peut plus être approuvée (ses chiffres ont pu changer depuis)."
            )
        approved = replace(
            draft,
            status=RequisitionStatus.APPROVED,
            sequence=uow.requisitions.next_sequence(draft.facility_code),
            version=1,
            created_at=ctx.clock(),
            approved_by=director,
            entered_by=ctx.user,
            device=ctx.device,
        )
        uow.requisitions.add(approved)
        # Its month and those before it are closed now: their drafts can no longer be approved.
        uow.requisitions.discard_draft(approved.facility_code, approved.period, earlier_drafts=True)
        uow.commit()
    log.info(
        "Requisition %s %s approved: n° %s, %d lines",
        approved.facility_code,
        approved.period,
        approved.sequence,
        len(approved.lines),
    )
    return approved


def reopen_requisition(approved: Requisition) -> Requisition:
    """A draft copy of an approved requisition, to change requested quantities,
    justifications or remarks; its ledger figures stay those approved (the period is
    closed). Approving it with revise_requisition sends a newer version to the district."""
    if approved.is_draft:
        raise DomainError("Cette réquisition n'est pas encore approuvée : modifiez-la directement.")
    return replace(approved, status=RequisitionStatus.DRAFT, sequence=None)


def revise_requisition(
    uow: UnitOfWork, ctx: Context, revised: Requisition, director: str
) -> Requisition:
    """Approve a revised copy of the approved requisition of the same month: same record,
    next version, the facility's next sequence number (the district replaces the older file
    with it). Only requested quantities, justifications and remarks may differ. The edits
    saved for that month are discarded in the same transaction."""
    director = " ".join(director.split())
    if not director:
        raise DomainError("Indiquez le nom du directeur (DTC) qui approuve la réquisition.")
    check_requisition(revised)
    with uow:
        current = uow.requisitions.find(revised.facility_code, revised.period)
        if current is None or current.record_uuid != revised.record_uuid:
            raise DomainError(
                f"Aucune réquisition approuvée de {revised.facility_code} pour "
                f"{period_label_fr(revised.period)} ne correspond à cette révision."
            )
        if current.version != revised.version:
            raise DomainError(
                f"La réquisition de {period_label_fr(revised.period)} a été révisée entre-temps "
                f"(n° {current.sequence}) : rouvrez la dernière version."
            )
        if _ledger_figures(current) != _ledger_figures(revised):
            raise DomainError(
                "Une révision ne change que les quantités demandées, les justifications et les "
                "observations : les chiffres du registre restent ceux approuvés."
            )
        approved = replace(
            revised,
            status=RequisitionStatus.APPROVED,
            sequence=uow.requisitions.next_sequence(revised.facility_code),
            version=current.version + 1,
            created_at=ctx.clock(),
            approved_by=director,
            entered_by=ctx.user,
            device=ctx.device,
        )
        uow.requisitions.add(approved)
        uow.requisitions.discard_draft(approved.facility_code, approved.period)
        uow.commit()
    log.info(
        "Requisition %s %s revised: n° %s replaces n° %s",
        approved.facility_code,
        approved.period,
        approved.sequence,
        current.sequence,
    )
    return approved


def _ledger_figures(requisition: Requisition) -> list[tuple[object, ...]]:
    return [
        (line.report, *(getattr(line, name) for name in _LEDGER_FIELDS))
        for line in requisition.lines
    ]


def list_requisitions(uow: UnitOfWork, facility_code: str) -> list[Requisition]:
    """The facility's approved requisitions (without their lines), oldest period first."""
    with uow:
        if uow.facilities.find(facility_code) is None:
            raise NotFound(f"Établissement {facility_code} inconnu.")
        return uow.requisitions.list(facility_code)


# --- what the director typed, kept until approval ------------------------------------------


def save_draft_edits(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    period: date,
    edits: Mapping[str, LineEdit],
    revising: int | None = None,
) -> SavedEdits | None:
    """Save what was typed into the facility's requisition of the month of `period`, in place
    of what was saved before: a draft's edits, or (`revising`, a sequence number) those of a
    revision of the approved requisition n° `revising`. Stamped with who and when; no edits
    discard the saved ones (None is returned)."""
    period = month_start(period)
    check_edits(edits)
    if revising is not None and revising < 1:
        raise DomainError(
            f"Numéro de la réquisition révisée : un entier à partir de 1 (reçu : {revising})."
        )
    saved = SavedEdits(
        edits=dict(edits), revising=revising, saved_at=ctx.clock(), saved_by=ctx.user
    )
    with uow:
        facility = get_facility(uow, facility_code)
        uow.requisitions.save_draft(facility.code, period, saved)
        uow.commit()
    return saved if edits else None


def draft_edits(uow: UnitOfWork, facility_code: str, period: date) -> SavedEdits | None:
    """What was saved for the facility's requisition of the month of `period`, if anything."""
    with uow:
        facility = get_facility(uow, facility_code)
        return uow.requisitions.draft(facility.code, month_start(period))


def discard_draft_edits(uow: UnitOfWork, facility_code: str, period: date) -> None:
    """Forget what was saved for the facility's requisition of that month (recalculated from
    the ledger, revision cancelled)."""
    with uow:
        facility = get_facility(uow, facility_code)
        uow.requisitions.discard_draft(facility.code, month_start(period))
        uow.commit()
    log.info("Requisition %s %s: saved edits discarded", facility_code, month_start(period))
