"""A year of PCIMA registers in the demo: screenings, community tallies, admissions and exits,
paper monthly totals and the caseload inputs, consistent with the RUTF the demo dispenses.

The URENAS admissions of each facility follow the RUTF its ledger issues (about one child per
150 sachets over the RUTF check's three-month window), so the report's RUTF-per-child check
passes, except in the scenario months below. Like the rest of the demo, the same movements,
day and seed always give the same records (record identifiers included).
"""

from __future__ import annotations

import calendar
import itertools
import logging
import math
import random
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from core.demo import _MAM, _SAM, _SCREENING, STOCKOUT_SITE
from core.facilities import Facility, FacilityType
from core.ledger import Movement, MovementKind
from core.nutrition import (
    GrowthStandards,
    NutritionClass,
    NutritionSettings,
    Oedema,
    Sex,
    TableMode,
    load_growth_standards,
    resolve_nutrition_settings,
)
from core.pcima import (
    AdmissionType,
    Criterion,
    EventKind,
    ExitOutcome,
    Group,
    MonthlyTotals,
    ProgrammeEvent,
    ReportSettings,
    Screening,
    Stamp,
    Tally,
    TallySource,
    Unit,
    months_between,
    rate_checks,
    totals_record_uuid,
)
from core.pcima_services import RUTF_PRODUCT, ScreeningEntry, assess_entry, facility_scope
from core.ports import UnitOfWork
from core.services import Context
from core.stock import add_months, month_end, month_start

log = logging.getLogger(__name__)

NUTRITION_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "nutrition"

REPORT_MONTHS = 12  # complete months of registers before the current month
LEAD_IN_MONTHS = 2  # URENAS children admitted earlier, in care when the year begins
URENAM_LEAD_IN_MONTHS = 3  # MAM stays are longer
SACHETS_PER_CHILD = 150  # the planning figure the report checks against (DOMAIN.md §3)

# Scenarios every demo shows, whatever the seed (tests check each one).
DEFAULTING_SITE = "CSCOM-PELENGANA"  # a lean-season month with more than 15 % defaulters
RUTF_SHORT_SITE = STOCKOUT_SITE  # the RUTF stock-out month: too few sachets per child
CORRECTED_SCREENING_SITE = "CSCOM-SEVARE"  # one screening corrected, one withdrawn
URENAM_TOTALS_SITES = (  # URENAM typed from the paper monthly report
    "CSCOM-SOCOURA",
    "CSCOM-SEBOUGOU",
    "CSCOM-BELLAFARANDI",
    "CSCOM-KABARA",
    "CSCOM-FATOMA",
)
_FLAGGED_SACHETS_PER_CHILD = 85  # what the stock-out month's three months come to


# Individual screenings a month in the dry season, by facility type.
_SCREENINGS_A_MONTH = {
    FacilityType.CSCOM: 24,
    FacilityType.MOBILE_CLINIC: 24,
    FacilityType.CSREF: 6,
}

# Villages (or quarters) of each facility's area, where screenings and tallies take place.
VILLAGES: dict[str, tuple[str, ...]] = {
    "CSREF-MOPTI": ("Komoguel", "Gangal", "Taïkiri", "Mossinkoré", "Médina Coura"),
    "CSCOM-SEVARE": ("Sévaré", "Somadougou", "Soufouroulaye", "Banguetaba", "Waïlirdé"),
    "CSCOM-FATOMA": ("Fatoma", "Kéna", "Bouna", "Sendégué", "Kakagnan"),
    "CSCOM-SOCOURA": ("Socoura", "Sarémala", "Taïcouna", "Kouna", "Sampara"),
    "CM-IMC-MOPTI": ("Konna", "Ouro Modi", "Dialloubé", "Kouakourou", "Sio"),
    "CSREF-SEGOU": ("Darsalam", "Médine", "Bagadadji", "Hamdallaye", "Sido Sonikoura"),
    "CSCOM-PELENGANA": ("Pélengana", "Dougoukouna", "Soungo", "N'Gara", "Baïkoro"),
    "CSCOM-SEBOUGOU": ("Sébougou", "Kalabougou", "Banankoro", "Soninkoura", "Farakou"),
    "CSREF-TOMBOUCTOU": ("Abaradjou", "Sareikeina", "Djingareyber", "Badjindé", "Hamabangou"),
    "CSCOM-BELLAFARANDI": ("Bellafarandi", "Koriomé", "Hondo Bomo", "Toya", "Bourem Inaly"),
    "CSCOM-KABARA": ("Kabara", "Daye", "Kourioumé", "Djidara", "Hamadjina"),
}
_DEFAULT_VILLAGES = ("Aire de santé",)

# Each unit's exits: share, and length of stay in days (lowest, mode, highest).
_Route = tuple[ExitOutcome, float, tuple[int, int, int]]
_URENAS_EXITS: tuple[_Route, ...] = (
    (ExitOutcome.CURED, 0.81, (35, 49, 70)),
    (ExitOutcome.DEFAULTED, 0.10, (14, 30, 56)),
    (ExitOutcome.NON_RESPONSE, 0.035, (84, 90, 100)),
    (ExitOutcome.DIED, 0.015, (3, 12, 35)),
    (ExitOutcome.TRANSFER_OUT, 0.04, (3, 10, 28)),
)
_URENI_DIRECT_EXITS: tuple[_Route, ...] = (  # new URENI children: most go on to URENAS
    (ExitOutcome.TRANSFER_OUT, 0.58, (5, 8, 14)),
    (ExitOutcome.CURED, 0.26, (10, 21, 35)),
    (ExitOutcome.DIED, 0.09, (1, 4, 12)),
    (ExitOutcome.DEFAULTED, 0.05, (3, 8, 20)),
    (ExitOutcome.NON_RESPONSE, 0.02, (35, 40, 45)),
)
_URENI_REFERRED_EXITS: tuple[_Route, ...] = (  # from URENAS with complications
    (ExitOutcome.CURED, 0.74, (10, 21, 35)),
    (ExitOutcome.DIED, 0.12, (1, 5, 14)),
    (ExitOutcome.DEFAULTED, 0.1, (3, 8, 20)),
    (ExitOutcome.NON_RESPONSE, 0.04, (35, 40, 45)),
)
_URENAM_EXITS: tuple[_Route, ...] = (
    (ExitOutcome.CURED, 0.8, (56, 70, 91)),
    (ExitOutcome.DEFAULTED, 0.11, (21, 40, 60)),
    (ExitOutcome.NON_RESPONSE, 0.04, (100, 110, 120)),
    (ExitOutcome.DIED, 0.003, (10, 30, 60)),
    (ExitOutcome.TRANSFER_OUT, 0.047, (7, 20, 40)),
)
_URENI_SHARE = 0.07  # direct URENI admissions per URENAS admission in the district
_RUSF_PER_MAM_CHILD = 75  # about a sachet a day for 2–3 months
_NATURAL_FAILURE = 0.5  # chance a month keeps a failing rate instead of being evened out


@dataclass(frozen=True, slots=True)
class NutritionDemoSummary:
    """What the PCIMA part of the demo stored (rows, versions included)."""

    screenings: int
    tallies: int
    events: int
    totals: int
    catchments: int

    @property
    def rows(self) -> int:
        return self.screenings + self.tallies + self.events + self.totals


@dataclass(frozen=True, slots=True)
class NutritionDemo:
    """The registers before they are stored: records in the order they happened,
    plus the catchment inputs by facility; the correction and the withdrawal are stored after
    the screenings as second versions."""

    screenings: list[Screening]
    tallies: list[Tally]
    events: list[ProgrammeEvent]
    totals: list[MonthlyTotals]
    catchments: dict[str, dict[str, str]]
    corrected: tuple[Screening, str] | None = None  # second version and its reason
    voided: tuple[Screening, str] | None = None


def load_demo_nutrition(
    uow: UnitOfWork,
    ctx: Context,
    today: date,
    facilities: Sequence[Facility],
    movements: Sequence[Movement],
    seed: int = 2026,
    now: datetime | None = None,
    standards: GrowthStandards | None = None,
) -> NutritionDemoSummary:
    """Store the PCIMA registers inside load_demo's open unit of work, after its movements."""
    if standards is None and (NUTRITION_FOLDER / "who2006_wfh_lms.csv").exists():
        standards = load_growth_standards(NUTRITION_FOLDER)
    settings = resolve_nutrition_settings(uow.settings.all())
    stamp = Stamp(entered_by=ctx.user, device=ctx.device, recorded_at=now or ctx.clock())
    demo = build_demo_nutrition(facilities, movements, today, seed, settings, standards, stamp)
    for screening in demo.screenings:
        uow.pcima.add_screening(screening)
    for second, note in (x for x in (demo.corrected, demo.voided) if x is not None):
        uow.pcima.add_screening(replace(second, stamp=replace(stamp, note=note)))
    for tally in demo.tallies:
        uow.pcima.add_tally(tally)
    for event in demo.events:
        uow.pcima.add_event(event)
    for totals in demo.totals:
        uow.pcima.add_totals(totals)
    for code, values in demo.catchments.items():
        for key, value in values.items():
            uow.settings.set(facility_scope(code), key, value)
    summary = NutritionDemoSummary(
        screenings=len(demo.screenings) + (demo.corrected is not None) + (demo.voided is not None),
        tallies=len(demo.tallies),
        events=len(demo.events),
        totals=len(demo.totals),
        catchments=len(demo.catchments),
    )
    log.info("Demo PCIMA registers: %d rows", summary.rows)
    return summary


def build_demo_nutrition(
    facilities: Sequence[Facility],
    movements: Sequence[Movement],
    today: date,
    seed: int = 2026,
    settings: NutritionSettings | None = None,
    standards: GrowthStandards | None = None,
    stamp: Stamp | None = None,
) -> NutritionDemo:
    """The registers of the demo's facilities for the 12 complete months before `today` and
    the current month to date (URENAS and URENAM children admitted a little earlier are in
    care when the year begins), every record with `stamp`."""
    return _Builder(
        facilities, movements, today, seed, settings or NutritionSettings(), standards, stamp
    )()


# --- the programme: one stay per admission ------------------------------------------------


@dataclass(slots=True, eq=False)
class _Stay:
    site: str
    unit: Unit
    admitted_on: date
    admission: AdmissionType
    criterion: Criterion | None
    outcome: ExitOutcome
    exit_on: date
    ref: str = ""
    successor: bool = False  # a later stay of the same child (relapse or readmission)


def _triangular(rng: random.Random, low: int, mode: int, high: int) -> int:
    return round(rng.triangular(low, high, mode))


def _carry_round(targets: Iterable[float]) -> list[int]:
    """Whole numbers whose running totals stay within half a unit of the targets'."""
    out: list[int] = []
    total = 0.0
    given = 0
    for target in targets:
        total += target
        count = max(0, math.floor(total + 0.5) - given)
        out.append(count)
        given += count
    return out


class _Builder:
    def __init__(
        self,
        facilities: Sequence[Facility],
        movements: Sequence[Movement],
        today: date,
        seed: int,
        settings: NutritionSettings,
        standards: GrowthStandards | None,
        stamp: Stamp | None,
    ) -> None:
        self.stamp = stamp
        self._days: dict[tuple[bool, date], list[date]] = {}
        self.rng = random.Random(f"sahelstock-demo-nutrition-{seed}")
        self._uuids = random.Random(f"sahelstock-demo-nutrition-uuids-{seed}")
        self.today = today
        self.settings = settings
        self.standards = standards
        self.facilities = list(facilities)
        self.by_code = {f.code: f for f in facilities}
        self.current = month_start(today)
        self.first = add_months(self.current, -REPORT_MONTHS)
        self.start = add_months(self.first, -LEAD_IN_MONTHS)
        self.report_months = months_between(self.first, self.current)
        self.months = months_between(self.start, self.current)
        self.rutf = self._issued(movements, RUTF_PRODUCT, self.start)
        self.rusf = self._issued(movements, "RUSF", add_months(self.first, -URENAM_LEAD_IN_MONTHS))
        self.stockout = self._stockout_month(movements)
        self.defaulting_month = max(m for m in self.report_months[:-1] if m.month in (7, 8, 9))

    def __call__(self) -> NutritionDemo:
        stays = self._programme()
        events = self._events(s for s in stays if s.unit is not Unit.URENAM)
        urenam = [s for s in stays if s.unit is Unit.URENAM]
        events += self._events(s for s in urenam if s.site not in URENAM_TOTALS_SITES)
        events.sort(key=lambda e: (e.occurred_on, e.kind is EventKind.ADMISSION))
        totals = self._totals([s for s in urenam if s.site in URENAM_TOTALS_SITES])
        screenings = self._screenings()
        corrected, voided = self._corrections(screenings)
        return NutritionDemo(
            screenings=screenings,
            tallies=self._tallies(),
            events=events,
            totals=totals,
            catchments=self._catchments(stays),
            corrected=corrected,
            voided=voided,
        )

    # --- helpers ---------------------------------------------------------------------------

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self._uuids.getrandbits(128), version=4))

    @staticmethod
    def _issued(
        movements: Sequence[Movement], product: str, since: date
    ) -> dict[tuple[str, date], int]:
        issued: dict[tuple[str, date], int] = defaultdict(int)
        for m in movements:
            if (
                m.product_code == product
                and m.kind is MovementKind.ISSUE
                and m.occurred_on >= since
            ):
                issued[(m.facility_code, month_start(m.occurred_on))] -= m.quantity
        return issued

    def _stockout_month(self, movements: Sequence[Movement]) -> date | None:
        """The month the stock-out site's RUTF ran out for five days or more (core.demo)."""
        changes: dict[date, int] = defaultdict(int)
        for m in movements:
            if m.facility_code == RUTF_SHORT_SITE and m.product_code == RUTF_PRODUCT:
                changes[m.occurred_on] += m.quantity
        if not changes:
            return None
        balance, empty_since = 0, None
        day = min(changes)
        while day <= self.today:
            balance += changes.get(day, 0)
            if balance <= 0:
                empty_since = empty_since or day
                if (day - empty_since).days >= 4 and empty_since >= self.first:
                    return month_start(empty_since)
            else:
                empty_since = None
            day += timedelta(days=1)
        return None

    def _open(self, site: str, day: date) -> bool:
        weekday = day.weekday()
        if self.by_code[site].type is FacilityType.MOBILE_CLINIC:
            return weekday in (1, 3)
        return weekday < 5

    def _open_on_or_after(self, site: str, day: date) -> date:
        while not self._open(site, day):
            day += timedelta(days=1)
        return day

    def _open_days(self, site: str, month: date) -> list[date]:
        mobile = self.by_code[site].type is FacilityType.MOBILE_CLINIC
        key = (mobile, month)
        if key not in self._days:
            self._days[key] = [d for d in self._all_days(month) if self._open(site, d)]
        return self._days[key]

    def _villages(self, site: str) -> tuple[str, ...]:
        return VILLAGES.get(site, _DEFAULT_VILLAGES)

    def _sites(self, *types: FacilityType) -> list[Facility]:
        return [f for f in self.facilities if f.type in types]

    # --- admissions and exits --------------------------------------------------------------

    def _stay(
        self,
        site: str,
        unit: Unit,
        on: date,
        routes: Sequence[_Route],
        admission: AdmissionType = AdmissionType.NEW,
        criterion: Criterion | None = None,
    ) -> _Stay:
        outcome, _, (low, mode, high) = self.rng.choices(routes, [r[1] for r in routes])[0]
        exit_on = self._open_on_or_after(
            site, on + timedelta(days=_triangular(self.rng, low, mode, high))
        )
        return _Stay(site, unit, on, admission, criterion, outcome, exit_on)

    def _urenas_slots(self) -> dict[str, list[int]]:
        """URENAS admissions per facility and month: the RUTF issued that month over about
        150 sachets a child; at the stock-out site, enough children in the stock-out month
        that its three months come to far fewer sachets per child."""
        slots: dict[str, list[int]] = {}
        for facility in self.facilities:
            targets = [
                self.rutf.get((facility.code, m), 0)
                / (SACHETS_PER_CHILD * self.rng.uniform(0.9, 1.08))
                for m in self.months
            ]
            slots[facility.code] = _carry_round(targets)
        if self.stockout is not None and RUTF_SHORT_SITE in slots:
            k = self.months.index(self.stockout)
            counts = slots[RUTF_SHORT_SITE]
            window = sum(self.rutf.get((RUTF_SHORT_SITE, m), 0) for m in self.months[k - 2 : k + 1])
            needed = math.ceil(window / _FLAGGED_SACHETS_PER_CHILD) - counts[k - 2] - counts[k - 1]
            counts[k] = max(counts[k], needed)
        return slots

    def _programme(self) -> list[_Stay]:
        slots = self._urenas_slots()
        transfers_in: dict[str, list[_Stay]] = defaultdict(list)
        ureni: list[_Stay] = []
        csrefs = self._sites(FacilityType.CSREF)
        # URENI: children with complications referred straight to the CSRéf; most leave for
        # URENAS once stabilised, at the CSRéf or back at their own health centre.
        for csref in csrefs:
            district = [csref] + [f for f in self.facilities if f.supplier_code == csref.code]
            per_month = _carry_round(
                _URENI_SHARE * sum(slots[f.code][k] for f in district)
                for k in range(len(self.months))
            )
            weights = [sum(slots[f.code]) or 1 for f in district]
            weights[0] = sum(weights[1:])  # half go to the CSRéf's own URENAS
            for month, count in zip(self.months, per_month, strict=True):
                days = [d for d in self._all_days(month)]
                for _ in range(count if days else 0):
                    on = self.rng.choice(days)
                    criterion = self.rng.choices(
                        (Criterion.OEDEMA, Criterion.MUAC, Criterion.WHZ), (0.4, 0.5, 0.1)
                    )[0]
                    stay = self._stay(
                        csref.code, Unit.URENI, on, _URENI_DIRECT_EXITS, criterion=criterion
                    )
                    ureni.append(stay)
                    if stay.outcome is ExitOutcome.TRANSFER_OUT and stay.exit_on <= self.today:
                        target = self.rng.choices(district, weights)[0]
                        arrive = stay.exit_on
                        if target.code != csref.code:
                            arrive = self._open_on_or_after(
                                target.code, arrive + timedelta(days=self.rng.randint(1, 3))
                            )
                        if arrive <= self.today:
                            transfers_in[target.code].append(
                                self._stay(
                                    target.code,
                                    Unit.URENAS,
                                    arrive,
                                    _URENAS_EXITS,
                                    AdmissionType.TRANSFER_IN,
                                )
                            )
        urenas: list[_Stay] = []
        for facility in self.facilities:
            urenas += self._urenas(facility.code, slots[facility.code], transfers_in[facility.code])
        # URENAS children who develop complications go to their district's URENI.
        supplier = {f.code: f.supplier_code or f.code for f in self.facilities}
        for stay in urenas:
            if stay.outcome is ExitOutcome.TRANSFER_OUT and stay.exit_on <= self.today:
                hospital = supplier[stay.site]
                arrive = stay.exit_on + timedelta(days=0 if hospital == stay.site else 1)
                if arrive <= self.today:
                    ureni.append(
                        self._stay(
                            hospital,
                            Unit.URENI,
                            arrive,
                            _URENI_REFERRED_EXITS,
                            AdmissionType.TRANSFER_IN,
                        )
                    )
        for csref in csrefs:
            own = [s for s in ureni if s.site == csref.code]
            self._settle_rates(own, set())
            self._name_children(own)
        urenam: list[_Stay] = []
        for facility in self._sites(FacilityType.CSCOM):
            urenam += self._urenam(facility.code)
        return ureni + urenas + urenam

    def _all_days(self, month: date) -> list[date]:
        last = min(month_end(month), self.today)
        return [month.replace(day=n) for n in range(1, last.day + 1)]

    def _urenas(self, site: str, slots: list[int], arriving: list[_Stay]) -> list[_Stay]:
        stays = list(arriving)
        taken = Counter(month_start(s.admitted_on) for s in arriving)
        for month, count in zip(self.months, slots, strict=True):
            days = self._open_days(site, month)
            for _ in range(max(0, count - taken[month]) if days else 0):
                on = self.rng.choice(days)
                draw = self.rng.random()
                admission = (
                    AdmissionType.RELAPSE
                    if draw < 0.03
                    else AdmissionType.READMISSION
                    if draw < 0.07
                    else AdmissionType.NEW
                )
                criterion = None
                if admission is AdmissionType.NEW:
                    criterion = self.rng.choices(
                        (Criterion.MUAC, Criterion.OEDEMA, Criterion.WHZ), (0.84, 0.09, 0.07)
                    )[0]
                stays.append(self._stay(site, Unit.URENAS, on, _URENAS_EXITS, admission, criterion))
        skip = {self.defaulting_month} if site == DEFAULTING_SITE else set()
        self._settle_rates(stays, skip)
        if site == DEFAULTING_SITE:
            self._plant_defaulters(stays, self.defaulting_month)
        self._name_children(stays)
        return stays

    def _urenam(self, site: str) -> list[_Stay]:
        first = add_months(self.first, -URENAM_LEAD_IN_MONTHS)
        months = months_between(first, self.current)
        targets = [
            self.rusf.get((site, m), 0) / (_RUSF_PER_MAM_CHILD * self.rng.uniform(0.9, 1.1))
            for m in months
        ]
        stays: list[_Stay] = []
        for month, count in zip(months, _carry_round(targets), strict=True):
            days = self._open_days(site, month)
            for _ in range(count if days else 0):
                draw = self.rng.random()
                admission = (
                    AdmissionType.TRANSFER_IN  # cured at URENAS, followed up at URENAM
                    if draw < 0.08
                    else AdmissionType.READMISSION
                    if draw < 0.11
                    else AdmissionType.RELAPSE
                    if draw < 0.12
                    else AdmissionType.NEW
                )
                criterion = None
                if admission is AdmissionType.NEW:
                    criterion = Criterion.MUAC if self.rng.random() < 0.85 else Criterion.WHZ
                stays.append(
                    self._stay(
                        site,
                        Unit.URENAM,
                        self.rng.choice(days),
                        _URENAM_EXITS,
                        admission,
                        criterion,
                    )
                )
        self._settle_rates(stays, set())
        self._name_children(stays)
        return stays

    def _exits_in(self, stays: Sequence[_Stay], month: date) -> list[_Stay]:
        return [s for s in stays if s.exit_on <= self.today and month_start(s.exit_on) == month]

    def _settle_rates(self, stays: Sequence[_Stay], skip: set[date]) -> None:
        """Small units swing: one defaulter among four exits fails the rate. A month that
        fails is evened out, one defaulter or non-responder at a time turned into a (later)
        cure, unless a coin says it keeps its failing rate, as real registers do."""
        settings = ReportSettings()
        for month in self.months:
            if month in skip:
                continue
            while True:
                exits = self._exits_in(stays, month)
                checks = rate_checks(Counter(s.outcome.value for s in exits), settings)
                if all(c.passes is not False for c in checks if c.name != "died"):
                    break
                fixable = [
                    s
                    for s in exits
                    if s.outcome in (ExitOutcome.DEFAULTED, ExitOutcome.NON_RESPONSE)
                ]
                if not fixable or self.rng.random() < _NATURAL_FAILURE:
                    break
                stay = self.rng.choice(fixable)
                stay.outcome = ExitOutcome.CURED
                if (stay.exit_on - stay.admitted_on).days < 35:
                    stay.exit_on = self._open_on_or_after(
                        stay.site, stay.admitted_on + timedelta(days=self.rng.randint(42, 56))
                    )

    def _plant_defaulters(self, stays: Sequence[_Stay], month: date) -> None:
        """The rainy season: families leave for the fields and a quarter of the children
        leaving the programme that month are defaulters."""
        exits = self._exits_in(stays, month)
        counted = [s for s in exits if s.outcome is not ExitOutcome.TRANSFER_OUT]
        cured = [s for s in counted if s.outcome is ExitOutcome.CURED]
        self.rng.shuffle(cured)
        wanted = max(2, math.ceil(0.25 * len(counted)))
        defaulted = sum(s.outcome is ExitOutcome.DEFAULTED for s in counted)
        for stay in cured[: max(0, wanted - defaulted)]:
            stay.outcome = ExitOutcome.DEFAULTED

    def _name_children(self, stays: list[_Stay]) -> None:
        """Register numbers by admission date ("URENAS-2026-0042"); a relapse (after a cure)
        or a readmission (after defaulting) takes back the child's earlier number when one
        fits, otherwise it is a new admission."""
        stays.sort(key=lambda s: (s.admitted_on, s.exit_on))
        numbers: Counter[int] = Counter()
        for stay in stays:
            if stay.admission in (AdmissionType.RELAPSE, AdmissionType.READMISSION):
                earlier = self._earlier_stay(stays, stay)
                if earlier is not None:
                    earlier.successor = True
                    stay.ref = earlier.ref
                    continue
                stay.admission = AdmissionType.NEW
                stay.criterion = Criterion.MUAC
            year = stay.admitted_on.year
            numbers[year] += 1
            stay.ref = f"{stay.unit.value}-{year}-{numbers[year]:04d}"

    def _earlier_stay(self, stays: Sequence[_Stay], stay: _Stay) -> _Stay | None:
        wanted, within = (
            (ExitOutcome.CURED, 120)
            if stay.admission is AdmissionType.RELAPSE
            else (ExitOutcome.DEFAULTED, 60)
        )
        candidates = [
            s
            for s in stays
            if s.ref
            and not s.successor
            and s.outcome is wanted
            and s.exit_on < stay.admitted_on
            and (stay.admitted_on - s.exit_on).days <= within
        ]
        return self.rng.choice(candidates) if candidates else None

    def _events(self, stays: Iterable[_Stay]) -> list[ProgrammeEvent]:
        events = []
        for stay in stays:
            events.append(
                ProgrammeEvent(
                    facility_code=stay.site,
                    unit=stay.unit,
                    occurred_on=stay.admitted_on,
                    child_ref=stay.ref,
                    kind=EventKind.ADMISSION,
                    admission=stay.admission,
                    criterion=stay.criterion,
                    record_uuid=self._uuid(),
                    stamp=self.stamp,
                )
            )
            if stay.exit_on <= self.today:
                events.append(
                    ProgrammeEvent(
                        facility_code=stay.site,
                        unit=stay.unit,
                        occurred_on=stay.exit_on,
                        child_ref=stay.ref,
                        kind=EventKind.EXIT,
                        outcome=stay.outcome,
                        record_uuid=self._uuid(),
                        stamp=self.stamp,
                    )
                )
        return events

    def _totals(self, stays: Sequence[_Stay]) -> list[MonthlyTotals]:
        """The paper monthly reports of the URENAM that are not kept child by child: every
        complete month of the year, the first one stating the children already in care."""
        out = []
        by_site: dict[str, list[_Stay]] = defaultdict(list)
        for stay in stays:
            by_site[stay.site].append(stay)
        for site, own in by_site.items():
            for month in self.report_months[:-1]:
                counts: Counter[str] = Counter()
                for stay in own:
                    if month_start(stay.admitted_on) == month:
                        if stay.admission is AdmissionType.NEW:
                            assert stay.criterion is not None
                            counts[f"new_{stay.criterion.value}"] += 1
                        else:
                            counts[stay.admission.value] += 1
                    if stay.exit_on <= self.today and month_start(stay.exit_on) == month:
                        counts[stay.outcome.value] += 1
                beginning = None
                if month == self.first:
                    beginning = sum(s.admitted_on < month and (s.exit_on >= month) for s in own)
                out.append(
                    MonthlyTotals(
                        facility_code=site,
                        unit=Unit.URENAM,
                        month=month,
                        counts=dict(counts),
                        beginning=beginning,
                        record_uuid=totals_record_uuid(site, Unit.URENAM, month),
                        stamp=self.stamp,
                    )
                )
        return out

    # --- screenings --------------------------------------------------------------------------

    def _screenings(self) -> list[Screening]:
        out: list[Screening] = []
        for facility in self.facilities:
            base = _SCREENINGS_A_MONTH.get(facility.type, 0)
            numbers: Counter[int] = Counter()
            for month in self.report_months:
                days = self._open_days(facility.code, month)
                if not days:
                    continue
                share = len(self._all_days(month)) / calendar.monthrange(month.year, month.month)[1]
                mean = base * _SCREENING[month.month - 1] * share
                count = max(0, round(self.rng.gauss(mean, math.sqrt(mean))))
                for on in sorted(self.rng.choice(days) for _ in range(count)):
                    numbers[on.year] += 1
                    ref = f"DEP-{on.year}-{numbers[on.year]:04d}"
                    out.append(self._screening(facility.code, on, ref))
        out.sort(key=lambda s: s.screened_on)
        return out

    def _screening(self, site: str, on: date, ref: str) -> Screening:
        rng = self.rng
        month = on.month - 1
        age = 6 + int(54 * rng.random() ** 1.25)
        sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
        draw = rng.random()
        p_sam, p_mam = 0.012 * _SAM[month], 0.055 * _MAM[month]
        oedema = Oedema.NONE
        complications = False
        if draw < p_sam:
            intended = NutritionClass.SAM
            muac = _triangular(rng, 96, 112, 114)
            if rng.random() < 0.2:
                oedema = rng.choice((Oedema.PLUS, Oedema.PLUS, Oedema.PLUS2, Oedema.PLUS3))
                muac = rng.randint(108, 132)
            complications = rng.random() < 0.15
        elif draw < p_sam + p_mam:
            intended = NutritionClass.MAM
            muac = rng.randint(115, 124)
        else:
            intended = NutritionClass.NORMAL
            muac = min(185, max(125, round(rng.gauss(142 + age / 6, 9))))
        weight = height = None
        lying = None
        if self.standards is not None and rng.random() < 0.3:
            lying = age < 24
            weight, height = self._measures(sex, age, intended, lying)
        entry = ScreeningEntry(
            facility_code=site,
            screened_on=on,
            person_ref=ref,
            muac_mm=muac,
            place=rng.choice(self._villages(site)),
            sex=sex,
            age_months=age,
            oedema=oedema,
            weight_kg=weight,
            height_cm=height,
            measured_lying=lying,
            complications=complications,
        )
        return replace(
            assess_entry(entry, self.settings, self.standards),
            record_uuid=self._uuid(),
            stamp=self.stamp,
        )

    def _measures(
        self, sex: Sex, age: int, intended: NutritionClass, lying: bool
    ) -> tuple[Decimal, Decimal] | tuple[None, None]:
        """A length or height for the age (a little under the WHO median, as in the Sahel) and
        the weight at a z-score that fits the child's class."""
        assert self.standards is not None
        rng = self.rng
        median = _median_height(age) - (1.2 if sex is Sex.FEMALE else 0.0)
        cm = round(median - 2.0 + rng.gauss(0, 3.0), 1)
        if intended is NutritionClass.SAM:
            z = min(-1.0, rng.gauss(-2.6, 0.7))
        elif intended is NutritionClass.MAM:
            z = min(-0.5, max(-2.9, rng.gauss(-1.8, 0.6)))
        elif rng.random() < 0.03:
            z = rng.uniform(-3.4, -2.1)  # wasted by weight-for-height only
        else:
            z = min(2.0, max(-1.9, rng.gauss(-0.6, 0.8)))
        table = self.standards.length if lying else self.standards.height
        table_sex = Sex.MALE if self.settings.whz_table_mode is TableMode.BOYS_FOR_BOTH else sex
        low, high = table.range_cm(table_sex)
        cm = min(high, max(low, cm))
        lms = table.lms_at(table_sex, cm)
        if lms is None:
            return None, None
        weight = round(lms.at_z(z), 1)
        return Decimal(str(weight)), Decimal(str(cm))

    def _corrections(
        self, screenings: list[Screening]
    ) -> tuple[tuple[Screening, str] | None, tuple[Screening, str] | None]:
        """At one CSCom, last month: a MUAC typed 141 for 114, corrected (two versions), and a
        child entered twice, the duplicate withdrawn."""
        last_month = add_months(self.current, -1)
        candidates = [
            (n, s)
            for n, s in enumerate(screenings)
            if s.facility_code == CORRECTED_SCREENING_SITE
            and month_start(s.screened_on) == last_month
            and s.classification is NutritionClass.NORMAL
            and s.weight_kg is None
        ]
        if len(candidates) < 2:
            return None, None
        (n, first), (_, twice) = candidates[0], candidates[-1]
        typed = ScreeningEntry(
            facility_code=first.facility_code,
            screened_on=first.screened_on,
            person_ref=first.person_ref,
            muac_mm=141,
            place=first.place,
            sex=first.sex,
            age_months=first.age_months,
        )
        screenings[n] = replace(
            assess_entry(typed, self.settings, self.standards),
            record_uuid=first.record_uuid,
            stamp=self.stamp,
        )
        right = assess_entry(replace(typed, muac_mm=114), self.settings, self.standards)
        corrected = replace(right, record_uuid=first.record_uuid, version=2)
        duplicate = replace(twice, record_uuid=self._uuid())
        screenings.insert(screenings.index(twice) + 1, duplicate)
        voided = replace(duplicate, version=2, voided=True)
        return (
            (corrected, "PB mal recopié : 114 mm sur la fiche, 141 mm saisi."),
            (voided, "Doublon : le même enfant saisi deux fois le même jour."),
        )

    # --- community tallies -------------------------------------------------------------------

    def _tallies(self) -> list[Tally]:
        """Each CSCom's monthly ReCo and "PB mères" counts (children) and ReCo counts of
        pregnant and lactating women, reported at the end of each complete month, and a mass
        screening campaign in the lean season."""
        out: list[Tally] = []
        campaign = max(m for m in self.report_months[:-1] if m.month == 7)
        for facility in self._sites(FacilityType.CSCOM):
            villages = self._villages(facility.code)
            for month in self.report_months[:-1]:
                season = _SCREENING[month.month - 1]
                sam, mam = 0.018 * _SAM[month.month - 1], 0.07 * _MAM[month.month - 1]
                day = month_end(month)
                while day.weekday() >= 5:
                    day -= timedelta(days=1)
                for source, size in ((TallySource.RECO, 190), (TallySource.PB_MERES, 110)):
                    out.append(
                        self._tally(
                            facility.code,
                            day,
                            f"Aire de santé de {villages[0]}",
                            source,
                            round(size * season * self.rng.uniform(0.7, 1.3)),
                            sam,
                            mam,
                        )
                    )
                women = round(45 * self.rng.uniform(0.7, 1.3))
                women_mam = round(women * self.rng.uniform(0.07, 0.15))
                out.append(
                    Tally(
                        facility_code=facility.code,
                        screened_on=day,
                        place=f"Aire de santé de {villages[0]}",
                        source=TallySource.RECO,
                        group=Group.PLW,
                        screened=women,
                        sam=0,
                        mam=women_mam,
                        normal=women - women_mam,
                        record_uuid=self._uuid(),
                        stamp=self.stamp,
                    )
                )
                if month == campaign:
                    for village in villages[:3]:
                        on = month.replace(day=self.rng.randint(8, 20))
                        out.append(
                            self._tally(
                                facility.code,
                                on,
                                village,
                                TallySource.CAMPAIGN,
                                round(420 * self.rng.uniform(0.7, 1.3)),
                                sam,
                                mam,
                            )
                        )
        out.sort(key=lambda t: t.screened_on)
        return out

    def _tally(
        self,
        site: str,
        on: date,
        place: str,
        source: TallySource,
        screened: int,
        p_sam: float,
        p_mam: float,
    ) -> Tally:
        sam = sum(self.rng.random() < p_sam for _ in range(screened))
        mam = sum(self.rng.random() < p_mam for _ in range(screened - sam))
        oedema = sum(self.rng.random() < 0.15 for _ in range(sam))
        return Tally(
            facility_code=site,
            screened_on=on,
            place=place,
            source=source,
            group=Group.CHILD,
            screened=screened,
            sam=sam,
            mam=mam,
            normal=screened - sam - mam,
            oedema=oedema,
            record_uuid=self._uuid(),
            stamp=self.stamp,
        )

    # --- caseload inputs ---------------------------------------------------------------------

    def _catchments(self, stays: Sequence[_Stay]) -> dict[str, dict[str, str]]:
        """Each CSCom's children 6–59 months, SAM prevalence and expected coverage, chosen so
        the caseload formula gives a little more than the year's URENAS admissions (the
        children the programme does not reach yet)."""
        out: dict[str, dict[str, str]] = {}
        k = float(self.settings.incidence_correction)
        for facility in self._sites(FacilityType.CSCOM):
            admitted = sum(
                s.site == facility.code
                and s.unit is Unit.URENAS
                and self.first <= s.admitted_on < self.current
                for s in stays
            )
            prevalence = round(self.rng.uniform(2.0, 2.8), 1)
            coverage = 5 * round(self.rng.uniform(50, 65) / 5)
            caseload = admitted * self.rng.uniform(1.1, 1.4)
            population = 10 * round(caseload / (prevalence / 100 * k * coverage / 100) / 10)
            if population < 2000:  # a small area: the prevalence that fits, 2 % at least
                population = 2000
                wanted = 100 * caseload / (population * k * coverage / 100)
                prevalence = max(2.0, math.ceil(wanted * 10) / 10)
                if wanted < 2.0:  # and the coverage that fits, 50 % at least
                    needed = 100 * caseload / (population * k * prevalence / 100)
                    coverage = max(50, 5 * math.ceil(needed / 5))
            population = min(5000, population)
            out[facility.code] = {
                "catchment_population": str(population),
                "sam_prevalence_percent": f"{prevalence:.1f}".replace(".", ","),
                "expected_coverage_percent": str(coverage),
            }
        return out


# WHO 2006 median length/height for age (boys), months → cm; lying under 24 months.
_MEDIAN_HEIGHT = (
    (6, 67.6),
    (9, 72.0),
    (12, 75.7),
    (18, 82.3),
    (24, 87.1),
    (36, 96.1),
    (48, 103.3),
    (60, 110.0),
)


def _median_height(age_months: float) -> float:
    for (a0, h0), (a1, h1) in itertools.pairwise(_MEDIAN_HEIGHT):
        if age_months <= a1:
            return h0 + (h1 - h0) * (age_months - a0) / (a1 - a0)
    return _MEDIAN_HEIGHT[-1][1]
