"""PCIMA use cases: screening and programme registers, the monthly report and RUTF needs.

Each opens the unit of work, checks the rules and commits once. Registers are append-only:
corrections and withdrawals add a version (core.pcima).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from core.errors import DomainError, NotFound
from core.ledger import MovementKind
from core.nutrition import (
    NUTRITION_SETTING_LABELS,
    ChildMeasures,
    GrowthStandards,
    NutritionClass,
    NutritionSettings,
    Oedema,
    Referral,
    RutfDoseBand,
    Sex,
    assess_child,
    check_muac,
    classify_muac_pregnant_or_lactating,
    parse_rutf_dosing,
    referral_for,
    resolve_nutrition_settings,
)
from core.pcima import (
    CATCHMENT_FIELDS,
    REPORT_SETTING_LABELS,
    AdmissionType,
    Criterion,
    EventKind,
    ExitOutcome,
    Group,
    MonthlyTotals,
    PcimaReport,
    ProgrammeEvent,
    ReportSettings,
    RutfCheck,
    RutfNeeds,
    Screening,
    ScreeningSummary,
    Stamp,
    Tally,
    Unit,
    UnitMonth,
    UnitReport,
    check_event,
    check_person_ref,
    check_place,
    check_tally,
    check_totals,
    children_for_rutf,
    months_between,
    new_record_uuid,
    parse_catchment,
    rate_checks,
    resolve_report_settings,
    rutf_needs,
    screening_summary,
    totals_record_uuid,
    unit_month_from_events,
    unit_month_from_totals,
    unit_reports,
)
from core.ports import UnitOfWork
from core.services import Context, facility_stock, get_facility
from core.stock import add_months, month_end, month_start

RUTF_PRODUCT = "RUTF"  # catalogue code of the RUTF sachet (UNICEF S0000240)
UNITS = (Referral.URENAS, Referral.URENI, Referral.URENAM)


def facility_scope(facility_code: str) -> str:
    return f"facility:{facility_code}"


def _facility_name(uow: UnitOfWork, code: str) -> str:
    return get_facility(uow, code).name


def _check_day(ctx: Context, on: date, what: str) -> None:
    if on > ctx.today():
        raise DomainError(
            f"{what} : le {on:%d/%m/%Y} est dans le futur ; on n'enregistre que ce qui a eu lieu."
        )


def _stamp(ctx: Context, note: str = "") -> Stamp:
    return Stamp(entered_by=ctx.user, device=ctx.device, recorded_at=ctx.clock(), note=note)


def _correction_note(note: str) -> str:
    cleaned = " ".join(note.split())
    if not cleaned:
        raise DomainError("Motif de la correction : obligatoire (pourquoi corrigez-vous ?).")
    return cleaned


def nutrition_settings(uow: UnitOfWork) -> NutritionSettings:
    with uow:
        return resolve_nutrition_settings(uow.settings.all())


def report_settings(uow: UnitOfWork) -> ReportSettings:
    with uow:
        return resolve_report_settings(uow.settings.all())


# --- screening register -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScreeningEntry:
    """What the screening form holds: the measures of one child (or one woman)."""

    facility_code: str
    screened_on: date
    person_ref: str
    muac_mm: int
    place: str = ""
    group: Group = Group.CHILD
    sex: Sex | None = None
    age_months: int | None = None
    oedema: Oedema = Oedema.NONE
    weight_kg: Decimal | None = None
    height_cm: Decimal | None = None
    measured_lying: bool | None = None
    complications: bool = False


def assess_entry(
    entry: ScreeningEntry, settings: NutritionSettings, standards: GrowthStandards | None
) -> Screening:
    """Classify the entry by the protocol's rules; the result is what gets stored."""
    person_ref = check_person_ref(entry.person_ref)
    place = check_place(entry.place)
    if entry.group is Group.PLW:
        check_muac(entry.muac_mm)
        if entry.oedema is not Oedema.NONE or entry.weight_kg is not None:
            raise DomainError(
                "Femme enceinte ou allaitante : seul le PB se note (ni œdèmes ni poids)."
            )
        cls = classify_muac_pregnant_or_lactating(entry.muac_mm, settings)
        cut = settings.pregnant_muac_mam_below_mm
        reason = (
            f"PB {entry.muac_mm} mm < {cut} mm"
            if cls is NutritionClass.MAM
            else f"PB {entry.muac_mm} mm ≥ {cut} mm"
        )
        return Screening(
            facility_code=entry.facility_code,
            screened_on=entry.screened_on,
            place=place,
            person_ref=person_ref,
            group=Group.PLW,
            muac_mm=entry.muac_mm,
            classification=cls,
            muac_class=cls,
            referral=referral_for(cls, Oedema.NONE, False),
            sex=Sex.FEMALE,
            reasons=(reason,),
        )
    if entry.age_months is None:
        raise DomainError("Âge en mois : obligatoire pour un enfant (6 à 59 mois).")
    whz_wanted = entry.weight_kg is not None or entry.height_cm is not None
    if whz_wanted and (entry.weight_kg is None or entry.height_cm is None or entry.sex is None):
        raise DomainError(
            "Pour le poids-pour-taille, indiquez ensemble le sexe, le poids et la taille "
            "(ou laissez poids et taille vides)."
        )
    measures = ChildMeasures(
        muac_mm=entry.muac_mm,
        oedema=entry.oedema,
        sex=entry.sex if whz_wanted else None,
        age_months=entry.age_months,
        weight_kg=None if entry.weight_kg is None else float(entry.weight_kg),
        height_cm=None if entry.height_cm is None else float(entry.height_cm),
        complications=entry.complications,
        measured_lying=entry.measured_lying,
    )
    if not whz_wanted:
        measures = replace(measures, sex=None, age_months=None)
    assessment = assess_child(measures, settings, standards)
    return Screening(
        facility_code=entry.facility_code,
        screened_on=entry.screened_on,
        place=place,
        person_ref=person_ref,
        group=Group.CHILD,
        muac_mm=entry.muac_mm,
        classification=assessment.classification,
        muac_class=assessment.muac_class,
        referral=assessment.referral,
        sex=entry.sex,
        age_months=entry.age_months,
        oedema=entry.oedema,
        weight_kg=entry.weight_kg,
        height_cm=entry.height_cm,
        measured_lying=entry.measured_lying,
        complications=entry.complications,
        whz=assessment.whz,
        whz_class=assessment.whz_class,
        reasons=assessment.reasons,
    )


# The register records _as_version and _as_voided make versions of.
R = TypeVar("R", Screening, Tally, ProgrammeEvent)


def _next_version(uow: UnitOfWork, table: str, record_uuid: str, what: str) -> int:
    latest = uow.pcima.latest_version(table, record_uuid)
    if latest is None:
        raise NotFound(f"{what} introuvable : il a peut-être été saisi sur une autre base.")
    return latest + 1


def _as_version(
    uow: UnitOfWork, ctx: Context, record: R, table: str, corrects: str | None, note: str, what: str
) -> R:
    """A new register record (a new uuid, version 1), or the next version of `corrects`
    with the correction's reason; stamped with who, where and when."""
    if corrects is None:
        return replace(record, record_uuid=new_record_uuid(), version=1, stamp=_stamp(ctx, note))
    return replace(
        record,
        record_uuid=corrects,
        version=_next_version(uow, table, corrects, what),
        stamp=_stamp(ctx, _correction_note(note)),
    )


def _as_voided(ctx: Context, versions: Sequence[R], note: str, what: str, already: str) -> R:
    """The next version of a register record (its versions, oldest first), withdrawn: its
    history stays, it no longer counts."""
    if not versions:
        raise NotFound(f"{what} introuvable : il a peut-être été saisi sur une autre base.")
    old = versions[-1]
    if old.voided:
        raise DomainError(already)
    stamp = _stamp(ctx, _correction_note(note))
    return replace(old, version=old.version + 1, voided=True, stamp=stamp)


def record_screening(
    uow: UnitOfWork,
    ctx: Context,
    entry: ScreeningEntry,
    standards: GrowthStandards | None,
    corrects: str | None = None,
    note: str = "",
) -> Screening:
    """Record a screening, or (with `corrects`) a corrected version of an earlier one."""
    _check_day(ctx, entry.screened_on, "Date du dépistage")
    with uow:
        _facility_name(uow, entry.facility_code)
        settings = resolve_nutrition_settings(uow.settings.all())
        screening = assess_entry(entry, settings, standards)
        screening = _as_version(uow, ctx, screening, "screenings", corrects, note, "Dépistage")
        if corrects is not None:
            old = uow.pcima.screening_versions(corrects)[-1]
            if old.facility_code != entry.facility_code:
                raise DomainError("Un dépistage se corrige dans son établissement.")
        uow.pcima.add_screening(screening)
        uow.commit()
    return screening


def void_screening(uow: UnitOfWork, ctx: Context, record_uuid: str, note: str) -> Screening:
    """Withdraw a screening entered by mistake: its history stays, it no longer counts."""
    with uow:
        voided = _as_voided(
            ctx,
            uow.pcima.screening_versions(record_uuid),
            note,
            "Dépistage",
            "Ce dépistage est déjà annulé.",
        )
        uow.pcima.add_screening(voided)
        uow.commit()
    return voided


def screening_register(
    uow: UnitOfWork, facility_code: str, start: date, end: date, include_voided: bool = False
) -> list[Screening]:
    with uow:
        _facility_name(uow, facility_code)
        return uow.pcima.screenings(facility_code, start, end, include_voided)


def screening_history(uow: UnitOfWork, record_uuid: str) -> list[Screening]:
    """Every version of a screening, the first entry first."""
    with uow:
        return uow.pcima.screening_versions(record_uuid)


# --- campaign tallies ---------------------------------------------------------------------


def record_tally(
    uow: UnitOfWork, ctx: Context, tally: Tally, corrects: str | None = None, note: str = ""
) -> Tally:
    check_tally(tally)
    _check_day(ctx, tally.screened_on, "Date du dépistage")
    tally = replace(tally, place=check_place(tally.place))
    with uow:
        _facility_name(uow, tally.facility_code)
        tally = _as_version(uow, ctx, tally, "screening_tallies", corrects, note, "Décompte")
        uow.pcima.add_tally(tally)
        uow.commit()
    return tally


def void_tally(uow: UnitOfWork, ctx: Context, record_uuid: str, note: str) -> Tally:
    with uow:
        voided = _as_voided(
            ctx,
            uow.pcima.tally_versions(record_uuid),
            note,
            "Décompte",
            "Ce décompte est déjà annulé.",
        )
        uow.pcima.add_tally(voided)
        uow.commit()
    return voided


def tally_register(uow: UnitOfWork, facility_code: str, start: date, end: date) -> list[Tally]:
    with uow:
        _facility_name(uow, facility_code)
        return uow.pcima.tallies(facility_code, start, end)


def tally_history(uow: UnitOfWork, record_uuid: str) -> list[Tally]:
    with uow:
        return uow.pcima.tally_versions(record_uuid)


# --- admissions and exits, child by child -------------------------------------------------


@dataclass(frozen=True, slots=True)
class InCare:
    """A child in a unit of the programme on a given day."""

    child_ref: str
    unit: Unit
    admitted_on: date
    admission: AdmissionType
    criterion: Criterion | None
    record_uuid: str


def _replay(events: Sequence[ProgrammeEvent]) -> tuple[ProgrammeEvent | None, str | None]:
    """Replay one child's events day by day: one stay at a time, exits from the unit the child
    is in, never before the admission. Events of the same day are taken in whichever order
    makes sense (a transfer out then in; an admission then a death). Returns the stay still
    open at the end and the first problem, in French, or None."""
    open_stay: ProgrammeEvent | None = None
    by_day: dict[date, list[ProgrammeEvent]] = defaultdict(list)
    for event in events:
        by_day[event.occurred_on].append(event)

    def fits(event: ProgrammeEvent) -> bool:
        if event.kind is EventKind.ADMISSION:
            return open_stay is None
        return open_stay is not None and open_stay.unit is event.unit

    for day in sorted(by_day):
        waiting = sorted(by_day[day], key=lambda e: e.kind is EventKind.ADMISSION)
        while waiting:
            event = next((e for e in waiting if fits(e)), waiting[0])
            waiting.remove(event)
            if event.kind is EventKind.ADMISSION:
                if open_stay is not None:
                    return open_stay, (
                        f"L'enfant {event.child_ref} est déjà suivi en {open_stay.unit.value} "
                        f"depuis le {open_stay.occurred_on:%d/%m/%Y} : enregistrez d'abord sa "
                        "sortie (un transfert sortant s'il change d'unité)."
                    )
                open_stay = event
            else:
                if open_stay is None or open_stay.unit is not event.unit:
                    return open_stay, (
                        f"L'enfant {event.child_ref} n'est pas suivi en {event.unit.value} le "
                        f"{event.occurred_on:%d/%m/%Y} : enregistrez d'abord son admission."
                    )
                open_stay = None
    return open_stay, None


def _timeline_problem(events: Sequence[ProgrammeEvent]) -> str | None:
    return _replay(events)[1]


def _child_events(uow: UnitOfWork, facility_code: str, child_ref: str) -> list[ProgrammeEvent]:
    far = date(9999, 12, 31)
    return [e for e in uow.pcima.events(facility_code, far) if e.child_ref == child_ref]


def _save_event(
    uow: UnitOfWork, ctx: Context, event: ProgrammeEvent, corrects: str | None, note: str
) -> ProgrammeEvent:
    check_event(event)
    _check_day(
        ctx,
        event.occurred_on,
        "Date d'admission" if event.kind is EventKind.ADMISSION else "Date de sortie",
    )
    event = replace(event, child_ref=check_person_ref(event.child_ref, "Identifiant de l'enfant"))
    with uow:
        _facility_name(uow, event.facility_code)
        event = _as_version(uow, ctx, event, "pcima_events", corrects, note, "Admission ou sortie")
        others = [
            e
            for e in _child_events(uow, event.facility_code, event.child_ref)
            if e.record_uuid != event.record_uuid
        ]
        problem = _timeline_problem([*others, event] if not event.voided else others)
        if problem:
            raise DomainError(problem)
        if corrects is not None:
            old = uow.pcima.event_versions(corrects)[-1]
            if old.child_ref != event.child_ref:
                # The old child's remaining events must still make sense without this one.
                rest = _child_events(uow, event.facility_code, old.child_ref)
                problem = _timeline_problem([e for e in rest if e.record_uuid != corrects])
                if problem:
                    raise DomainError(problem)
        uow.pcima.add_event(event)
        uow.commit()
    return event


def admit_child(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    unit: Unit,
    on: date,
    child_ref: str,
    admission: AdmissionType,
    criterion: Criterion | None = None,
    note: str = "",
) -> ProgrammeEvent:
    event = ProgrammeEvent(
        facility_code=facility_code,
        unit=unit,
        occurred_on=on,
        child_ref=child_ref,
        kind=EventKind.ADMISSION,
        admission=admission,
        criterion=criterion,
    )
    return _save_event(uow, ctx, event, None, note)


def discharge_child(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    unit: Unit,
    on: date,
    child_ref: str,
    outcome: ExitOutcome,
    note: str = "",
) -> ProgrammeEvent:
    event = ProgrammeEvent(
        facility_code=facility_code,
        unit=unit,
        occurred_on=on,
        child_ref=child_ref,
        kind=EventKind.EXIT,
        outcome=outcome,
    )
    return _save_event(uow, ctx, event, None, note)


def correct_event(
    uow: UnitOfWork, ctx: Context, record_uuid: str, corrected: ProgrammeEvent, note: str
) -> ProgrammeEvent:
    return _save_event(uow, ctx, replace(corrected, voided=False), record_uuid, note)


def void_event(uow: UnitOfWork, ctx: Context, record_uuid: str, note: str) -> ProgrammeEvent:
    with uow:
        versions = uow.pcima.event_versions(record_uuid)
    if not versions:
        raise NotFound("Admission ou sortie introuvable.")
    if versions[-1].voided:
        raise DomainError("Cette admission ou sortie est déjà annulée.")
    return _save_event(uow, ctx, replace(versions[-1], voided=True), record_uuid, note)


def event_history(uow: UnitOfWork, record_uuid: str) -> list[ProgrammeEvent]:
    with uow:
        return uow.pcima.event_versions(record_uuid)


def programme_events(
    uow: UnitOfWork, facility_code: str, start: date, end: date
) -> list[ProgrammeEvent]:
    with uow:
        _facility_name(uow, facility_code)
        return uow.pcima.events(facility_code, end, start)


def children_in_care(
    uow: UnitOfWork, facility_code: str, as_of: date, unit: Unit | None = None
) -> list[InCare]:
    """Children admitted and not yet discharged at the end of `as_of`, longest stay first."""
    with uow:
        _facility_name(uow, facility_code)
        events = uow.pcima.events(facility_code, as_of)
    by_child: dict[str, list[ProgrammeEvent]] = defaultdict(list)
    for event in events:
        by_child[event.child_ref].append(event)
    stays = {
        child: stay
        for child, child_events in by_child.items()
        if (stay := _replay(child_events)[0])
    }
    found = [
        InCare(
            child_ref=e.child_ref,
            unit=e.unit,
            admitted_on=e.occurred_on,
            admission=e.admission or AdmissionType.NEW,
            criterion=e.criterion,
            record_uuid=e.record_uuid,
        )
        for e in stays.values()
        if unit is None or e.unit is unit
    ]
    return sorted(found, key=lambda c: (c.admitted_on, c.child_ref))


# --- monthly totals -----------------------------------------------------------------------


def record_monthly_totals(
    uow: UnitOfWork,
    ctx: Context,
    facility_code: str,
    unit: Unit,
    month: date,
    counts: Mapping[str, int],
    beginning: int | None = None,
    note: str = "",
) -> MonthlyTotals:
    """Type a unit's month from the paper report; typing it again makes a new version."""
    month = month_start(month)
    _check_day(ctx, month, "Mois du rapport")
    totals = MonthlyTotals(
        facility_code=facility_code,
        unit=unit,
        month=month,
        counts=dict(counts),
        beginning=beginning,
        record_uuid=totals_record_uuid(facility_code, unit, month),
    )
    check_totals(totals)
    with uow:
        _facility_name(uow, facility_code)
        latest = uow.pcima.latest_version("pcima_totals", totals.record_uuid)
        version = 1 if latest is None else latest + 1
        totals = replace(totals, version=version, stamp=_stamp(ctx, note))
        uow.pcima.add_totals(totals)
        uow.commit()
    return totals


def monthly_totals(
    uow: UnitOfWork, facility_code: str, unit: Unit, month: date
) -> MonthlyTotals | None:
    with uow:
        versions = uow.pcima.totals_versions(
            totals_record_uuid(facility_code, unit, month_start(month))
        )
    return versions[-1] if versions and not versions[-1].voided else None


# --- the monthly report -------------------------------------------------------------------


def _unit_months(
    events: Iterable[ProgrammeEvent], totals: Iterable[MonthlyTotals]
) -> tuple[dict[Unit, dict[date, UnitMonth]], dict[tuple[Unit, date], str]]:
    """Each unit's figures by month: typed totals where they exist, otherwise the children's
    admissions and exits; and a warning where both exist and disagree."""
    by_unit_month: dict[tuple[Unit, date], list[ProgrammeEvent]] = defaultdict(list)
    for event in events:
        by_unit_month[(event.unit, month_start(event.occurred_on))].append(event)
    months: dict[Unit, dict[date, UnitMonth]] = defaultdict(dict)
    for (unit, month), unit_events in by_unit_month.items():
        months[unit][month] = unit_month_from_events(unit_events)
    warnings: dict[tuple[Unit, date], str] = {}
    for total in totals:
        typed = unit_month_from_totals(total)
        per_child = months[total.unit].get(total.month)
        if per_child is not None and (
            per_child.admitted != typed.admitted or per_child.exited != typed.exited
        ):
            warnings[(total.unit, total.month)] = (
                f"Totaux saisis ({typed.admitted} admissions, {typed.exited} sorties) différents "
                f"du registre enfant par enfant ({per_child.admitted} admissions, "
                f"{per_child.exited} sorties) : le rapport reprend les totaux saisis."
            )
        months[total.unit][total.month] = typed
    return months, warnings


def _rutf_dispensed_by_month(
    uow: UnitOfWork, facility_code: str, first: date, last: date
) -> dict[date, int]:
    dispensed: dict[date, int] = defaultdict(int)
    for change in uow.ledger.changes(facility_code, month_start(first), month_end(last)):
        if change.product_code == RUTF_PRODUCT and change.kind is MovementKind.ISSUE:
            dispensed[month_start(change.occurred_on)] -= change.quantity
    return dispensed


@dataclass(frozen=True, slots=True)
class _Programme:
    reports: dict[Unit, dict[date, UnitReport]]
    rutf: dict[date, int]
    settings: ReportSettings
    nutrition: NutritionSettings


def _programme(
    uow: UnitOfWork,
    facility_code: str,
    first: date,
    last: date,
    stored: Mapping[tuple[str, str], str] | None = None,
) -> _Programme:
    """Reports of every unit up to `last` and RUTF dispensed from `first` to `last`
    (`stored`: the settings table, when the caller has already read it)."""
    if stored is None:
        stored = uow.settings.all()
    settings = resolve_report_settings(stored)
    nutrition = resolve_nutrition_settings(stored)
    end = month_end(last)
    months, warnings = _unit_months(
        uow.pcima.events(facility_code, end), uow.pcima.totals(facility_code, end)
    )
    reports: dict[Unit, dict[date, UnitReport]] = {}
    for unit in UNITS:
        by_month = unit_reports(unit, months.get(unit, {}), last, settings)
        for (w_unit, w_month), text in warnings.items():
            if w_unit is unit and w_month in by_month:
                report = by_month[w_month]
                by_month[w_month] = replace(report, warnings=(*report.warnings, text))
        reports[unit] = by_month
    return _Programme(
        reports, _rutf_dispensed_by_month(uow, facility_code, first, last), settings, nutrition
    )


def _empty_report(unit: Unit, month: date, settings: ReportSettings, end: int) -> UnitReport:
    return UnitReport(
        unit=unit,
        month=month,
        beginning=end,
        admissions={},
        exits={},
        end=end,
        source="none",
        rates=rate_checks({}, settings),
    )


def _month_report(programme: _Programme, unit: Unit, month: date) -> UnitReport | None:
    by_month = programme.reports[unit]
    if month in by_month:
        return by_month[month]
    earlier = [m for m in by_month if m < month]
    if earlier:
        return _empty_report(unit, month, programme.settings, by_month[max(earlier)].end)
    return None


def pcima_report(uow: UnitOfWork, facility_code: str, month: date) -> PcimaReport:
    """The monthly PCIMA report of a facility: aggregates only."""
    month = month_start(month)
    with uow:
        name = _facility_name(uow, facility_code)
        stored = uow.settings.all()
        window = resolve_report_settings(stored).rutf_check_months
        first = add_months(month, -(window - 1))
        programme = _programme(uow, facility_code, first, month, stored)
        screenings = uow.pcima.screenings(facility_code, month, month_end(month))
        tallies = uow.pcima.tallies(facility_code, month, month_end(month))
    units = []
    for unit in UNITS:
        report = _month_report(programme, unit, month)
        if report is not None:
            units.append(report)
    if not units:
        units = [_empty_report(Referral.URENAS, month, programme.settings, 0)]
    window_reports = [
        r
        for m in months_between(first, month)
        for unit in UNITS
        if (r := _month_report(programme, unit, m)) is not None
    ]
    rutf = RutfCheck(
        months=window,
        dispensed=sum(programme.rutf.get(m, 0) for m in months_between(first, month)),
        children=children_for_rutf(window_reports),
        expected_per_child=programme.nutrition.rutf_sachets_per_child,
        tolerance_percent=programme.settings.rutf_check_tolerance_percent,
    )
    return PcimaReport(
        facility_code=facility_code,
        facility_name=name,
        month=month,
        units=tuple(units),
        screening=screening_summary(screenings, tallies),
        rutf=rutf,
    )


@dataclass(frozen=True, slots=True)
class NutritionMonth:
    """One month of a facility's programme for the charts: counts only."""

    month: date
    admissions: Mapping[Unit, int]
    screening: ScreeningSummary
    rutf_dispensed: int
    rutf_children: int

    @property
    def admitted(self) -> int:
        return sum(self.admissions.values())


def nutrition_history(
    uow: UnitOfWork, facility_code: str, first: date, last: date
) -> list[NutritionMonth]:
    """Admissions by unit, screening results and RUTF dispensed vs children, month by month."""
    first, last = month_start(first), month_start(last)
    with uow:
        _facility_name(uow, facility_code)
        programme = _programme(uow, facility_code, first, last)
        screenings = uow.pcima.screenings(facility_code, first, month_end(last))
        tallies = uow.pcima.tallies(facility_code, first, month_end(last))
    screenings_by_month: dict[date, list[Screening]] = defaultdict(list)
    for s in screenings:
        screenings_by_month[month_start(s.screened_on)].append(s)
    tallies_by_month: dict[date, list[Tally]] = defaultdict(list)
    for t in tallies:
        tallies_by_month[month_start(t.screened_on)].append(t)
    history = []
    for month in months_between(first, last):
        reports = [r for unit in UNITS if (r := programme.reports[unit].get(month)) is not None]
        history.append(
            NutritionMonth(
                month=month,
                admissions={r.unit: r.admitted for r in reports},
                screening=screening_summary(
                    screenings_by_month.get(month, []), tallies_by_month.get(month, [])
                ),
                rutf_dispensed=programme.rutf.get(month, 0),
                rutf_children=children_for_rutf(reports),
            )
        )
    return history


# --- RUTF needs ---------------------------------------------------------------------------


def catchment_values(uow: UnitOfWork, facility_code: str) -> dict[str, str]:
    """The caseload inputs as entered for the facility (empty strings when not entered)."""
    scope = facility_scope(facility_code)
    with uow:
        _facility_name(uow, facility_code)
        stored = uow.settings.all()
    return {key: stored.get((scope, key), "") for key in CATCHMENT_FIELDS}


def set_catchment(uow: UnitOfWork, facility_code: str, values: Mapping[str, str]) -> None:
    """Check and store the caseload inputs (all three, or none to clear them)."""
    cleaned = {k: values.get(k, "").strip() for k in CATCHMENT_FIELDS}
    if any(cleaned.values()) and not all(cleaned.values()):
        missing = [CATCHMENT_FIELDS[k] for k, v in cleaned.items() if not v]
        raise DomainError("Renseignez aussi : " + ", ".join(missing) + ".")
    parse_catchment(cleaned)
    scope = facility_scope(facility_code)
    with uow:
        _facility_name(uow, facility_code)
        for key, value in cleaned.items():
            uow.settings.set(scope, key, value or None)
        uow.commit()


def _admissions_by_month(programme: _Programme, first: date, last: date) -> dict[date, int]:
    """URENAS admissions per month, for months the programme has figures for."""
    reports = programme.reports[Referral.URENAS]
    return {m: reports[m].admitted for m in months_between(first, last) if m in reports}


def rutf_needs_for(
    uow_factory: Any,
    facility_code: str,
    as_of: date,
    months: int = 6,
    on_order: int | None = None,
) -> RutfNeeds:
    """RUTF needed over the next `months` months by the caseload formula and by the trend of
    URENAS admissions, against usable RUTF stock and `on_order` (sachets already ordered;
    by default the facility's pending RUTF orders)."""
    if not 1 <= months <= 24:
        raise DomainError("Nombre de mois à prévoir : de 1 à 24.")
    last = add_months(month_start(as_of), -1)
    first = add_months(last, -23)
    values = catchment_values(uow_factory(), facility_code)
    catchment = parse_catchment(values)
    uow = uow_factory()
    with uow:
        programme = _programme(uow, facility_code, last, last)
    admissions = _admissions_by_month(programme, first, last)
    lines = facility_stock(uow_factory(), facility_code, as_of, product_codes=[RUTF_PRODUCT])
    usable = lines[0].usable_soh if lines else 0
    if on_order is None:
        on_order = lines[0].on_order if lines else 0
    return rutf_needs(
        facility_code,
        as_of,
        admissions,
        catchment,
        usable,
        on_order,
        months,
        programme.nutrition,
    )


# --- the RUTF dosing table ----------------------------------------------------------------

DOSING_SCOPE = "rutf_dosing"  # settings rows: key = from_kg, value = "per_day;per_week"


def rutf_dosing(uow: UnitOfWork, defaults: Sequence[RutfDoseBand]) -> tuple[RutfDoseBand, ...]:
    """The dosing table as edited in the application, or the shipped one if never edited."""
    with uow:
        stored = {k: v for (scope, k), v in uow.settings.all().items() if scope == DOSING_SCOPE}
    if not stored:
        return tuple(defaults)
    rows = []
    for from_kg, value in stored.items():
        per_day, _, per_week = value.partition(";")
        rows.append({"from_kg": from_kg, "sachets_per_day": per_day, "sachets_per_week": per_week})
    rows.sort(key=lambda r: Decimal(r["from_kg"]))
    return parse_rutf_dosing(rows, "Table de dosage enregistrée")


def set_rutf_dosing(uow: UnitOfWork, bands: Sequence[RutfDoseBand] | None) -> None:
    """Replace the dosing table (None: back to the shipped table). Weights must increase and
    doses must not decrease with weight."""
    if bands is not None:
        if not bands:
            raise DomainError("Table de dosage : au moins une ligne.")
        for n, band in enumerate(bands, start=1):
            if band.from_kg <= 0 or band.sachets_per_day <= 0 or band.sachets_per_week <= 0:
                raise DomainError(
                    f"Table de dosage, ligne {n} : des nombres positifs sont attendus."
                )
            if n > 1:
                previous = bands[n - 2]
                if band.from_kg <= previous.from_kg:
                    raise DomainError(
                        f"Table de dosage, ligne {n} : les poids doivent aller en croissant."
                    )
                if band.sachets_per_day < previous.sachets_per_day:
                    raise DomainError(
                        f"Table de dosage, ligne {n} : la dose ne peut pas baisser quand le "
                        "poids augmente."
                    )
    with uow:
        for scope, key in list(uow.settings.all()):
            if scope == DOSING_SCOPE:
                uow.settings.set(scope, key, None)
        for band in bands or ():
            uow.settings.set(
                DOSING_SCOPE,
                str(band.from_kg),
                f"{band.sachets_per_day};{band.sachets_per_week}",
            )
        uow.commit()


def set_nutrition_setting(uow: UnitOfWork, key: str, value: str | None) -> None:
    """Set (None: back to the default) one PCIMA setting — MUAC cut-offs, WHZ table mode,
    K, sachets per child or carton, Sphere thresholds, RUTF-check window and tolerance —
    after checking the value and the whole set together."""
    if key not in NUTRITION_SETTING_LABELS and key not in REPORT_SETTING_LABELS:
        raise DomainError(f"Paramètre inconnu « {key} ».")
    with uow:
        uow.settings.set("", key, None if value is None else value.strip())
        stored = uow.settings.all()
        resolve_nutrition_settings(stored)  # raises on a bad value or incoherent cut-offs
        resolve_report_settings(stored)
        uow.commit()


def nutrition_setting_values(uow: UnitOfWork) -> dict[str, str]:
    """Every PCIMA setting as text, the stored value or the default."""
    with uow:
        nutrition = resolve_nutrition_settings(uow.settings.all())
        report = resolve_report_settings(uow.settings.all())
    values: dict[str, str] = {}
    for source in (nutrition, report):
        for f in fields(source):
            value = getattr(source, f.name)
            if isinstance(value, bool):
                values[f.name] = "oui" if value else "non"
            else:
                values[f.name] = str(value).replace(".", ",")
    return values
