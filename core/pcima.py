"""PCIMA registers: screenings, campaign tallies, admissions and exits, and the monthly report.

Records are versioned, never rewritten: a correction is a new version of the same record (same
`record_uuid`, next `version`) and the register shows the latest one; a record withdrawn by
mistake is a last version marked `voided`. Child identifiers stay in the facility's database;
everything this module hands to an export is a count.
"""

from __future__ import annotations

import uuid as uuidlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from core.errors import DomainError
from core.french import int_fr
from core.nutrition import NutritionClass, NutritionSettings, Oedema, Referral, Sex, sam_caseload
from core.stock import add_months, month_end, month_start

Unit = Referral  # the programme's units are the places children are referred to

UNIT_LABELS_FR = {
    Referral.URENAS: "URENAS (MAS en ambulatoire)",
    Referral.URENI: "URENI (MAS avec complications, hospitalisation)",
    Referral.URENAM: "URENAM (MAM, supplémentation)",
}


class Group(StrEnum):
    CHILD = "child"  # children 6–59 months
    PLW = "plw"  # pregnant and lactating women (FE/FA)


GROUP_LABELS_FR = {Group.CHILD: "Enfants de 6 à 59 mois", Group.PLW: "Femmes enceintes/allaitantes"}


class TallySource(StrEnum):
    RECO = "reco"  # relais communautaires
    PB_MERES = "pb_meres"  # mothers screening their own children ("PB mères")
    CAMPAIGN = "campaign"  # mass screening campaign
    FACILITY = "facility"  # counts from the facility's own paper register


TALLY_SOURCE_LABELS_FR = {
    TallySource.RECO: "Relais communautaires (ReCo)",
    TallySource.PB_MERES: "PB mères",
    TallySource.CAMPAIGN: "Campagne de dépistage de masse",
    TallySource.FACILITY: "Registre papier du centre",
}


class AdmissionType(StrEnum):
    NEW = "new"
    RELAPSE = "relapse"
    READMISSION = "readmission"
    TRANSFER_IN = "transfer_in"


ADMISSION_LABELS_FR = {
    AdmissionType.NEW: "Nouvelle admission",
    AdmissionType.RELAPSE: "Rechute",
    AdmissionType.READMISSION: "Réadmission (après abandon)",
    AdmissionType.TRANSFER_IN: "Transfert entrant",
}


class Criterion(StrEnum):
    MUAC = "muac"
    WHZ = "whz"
    OEDEMA = "oedema"


CRITERION_LABELS_FR = {
    Criterion.MUAC: "PB",
    Criterion.WHZ: "P/T",
    Criterion.OEDEMA: "Œdèmes",
}


class ExitOutcome(StrEnum):
    CURED = "cured"
    DIED = "died"
    DEFAULTED = "defaulted"
    NON_RESPONSE = "non_response"
    TRANSFER_OUT = "transfer_out"


EXIT_LABELS_FR = {
    ExitOutcome.CURED: "Guéris",
    ExitOutcome.DIED: "Décès",
    ExitOutcome.DEFAULTED: "Abandons",
    ExitOutcome.NON_RESPONSE: "Non-répondants",
    ExitOutcome.TRANSFER_OUT: "Transferts sortants",
}


class EventKind(StrEnum):
    ADMISSION = "admission"
    EXIT = "exit"


# ---------------------------------------------------------------------------------------------
# Settings of the report (DOMAIN.md §3: Sphere thresholds and the RUTF-per-child check)


@dataclass(frozen=True, slots=True)
class ReportSettings:
    cured_above_percent: Decimal = Decimal(75)
    died_below_percent: Decimal = Decimal(10)
    defaulted_below_percent: Decimal = Decimal(15)
    rates_include_transfers: bool = False
    rutf_check_months: int = 3
    rutf_check_tolerance_percent: Decimal = Decimal(30)


REPORT_SETTING_LABELS = {
    "cured_above_percent": "Taux de guérison attendu : au-dessus de (%)",
    "died_below_percent": "Taux de décès acceptable : en dessous de (%)",
    "defaulted_below_percent": "Taux d'abandon acceptable : en dessous de (%)",
    "rates_include_transfers": "Les transferts sortants comptent dans les taux (oui/non)",
    "rutf_check_months": "Contrôle ATPE par enfant : nombre de mois",
    "rutf_check_tolerance_percent": "Contrôle ATPE par enfant : écart toléré (%)",
}


def _report_setting(key: str, text: str) -> Any:
    label = REPORT_SETTING_LABELS[key]
    cleaned = text.strip().lower()
    if key == "rates_include_transfers":
        if cleaned in {"oui", "yes", "true", "1"}:
            return True
        if cleaned in {"non", "no", "false", "0"}:
            return False
        raise DomainError(f"{label} : « {text} » ; attendu oui ou non.")
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise DomainError(f"{label} : « {text} » n'est pas un nombre.") from None
    if not value.is_finite() or value <= 0 or (key.endswith("percent") and value > 100):
        raise DomainError(f"{label} : attendu un nombre positif (au plus 100 pour un %).")
    if key == "rutf_check_months":
        if value != value.to_integral_value() or value > 12:
            raise DomainError(f"{label} : attendu un nombre entier de mois, de 1 à 12.")
        return int(value)
    return value


def parse_report_setting(key: str, text: str) -> Any:
    if key not in REPORT_SETTING_LABELS:
        raise DomainError(f"Paramètre inconnu « {key} ».")
    return _report_setting(key, text)


def resolve_report_settings(settings: Mapping[tuple[str, str], str]) -> ReportSettings:
    values = {
        f.name: _report_setting(f.name, settings[("", f.name)])
        for f in fields(ReportSettings)
        if ("", f.name) in settings
    }
    return ReportSettings(**values)


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who wrote a version of a record, where and when, and why if it corrects another."""

    entered_by: str
    device: str
    recorded_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class Screening:
    """One screened child (or pregnant/lactating woman) as entered, with what it implies."""

    facility_code: str
    screened_on: date
    place: str
    person_ref: str
    group: Group
    muac_mm: int
    classification: NutritionClass
    muac_class: NutritionClass
    referral: Referral | None
    sex: Sex | None = None
    age_months: int | None = None
    oedema: Oedema = Oedema.NONE
    weight_kg: Decimal | None = None
    height_cm: Decimal | None = None
    measured_lying: bool | None = None
    complications: bool = False
    whz: float | None = None
    whz_class: NutritionClass | None = None
    reasons: tuple[str, ...] = ()
    record_uuid: str = ""
    version: int = 1
    voided: bool = False
    stamp: Stamp | None = None


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts from a community screening where only the number per class is reported."""

    facility_code: str
    screened_on: date
    place: str
    source: TallySource
    group: Group
    screened: int
    sam: int
    mam: int
    normal: int
    oedema: int = 0
    record_uuid: str = ""
    version: int = 1
    voided: bool = False
    stamp: Stamp | None = None


@dataclass(frozen=True, slots=True)
class ProgrammeEvent:
    """A child's admission to or exit from a unit of the programme."""

    facility_code: str
    unit: Unit
    occurred_on: date
    child_ref: str
    kind: EventKind
    admission: AdmissionType | None = None
    criterion: Criterion | None = None
    outcome: ExitOutcome | None = None
    record_uuid: str = ""
    version: int = 1
    voided: bool = False
    stamp: Stamp | None = None


TOTAL_FIELDS: dict[str, str] = {
    "new_muac": "Nouvelles admissions (PB)",
    "new_whz": "Nouvelles admissions (P/T)",
    "new_oedema": "Nouvelles admissions (œdèmes)",
    "relapse": "Rechutes",
    "readmission": "Réadmissions",
    "transfer_in": "Transferts entrants",
    "cured": "Guéris",
    "died": "Décès",
    "defaulted": "Abandons",
    "non_response": "Non-répondants",
    "transfer_out": "Transferts sortants",
}


@dataclass(frozen=True, slots=True)
class MonthlyTotals:
    """A unit's month typed from the paper report; `beginning` only when it must be stated
    (the first month registered, or to correct a carried-over total)."""

    facility_code: str
    unit: Unit
    month: date
    counts: Mapping[str, int]
    beginning: int | None = None
    record_uuid: str = ""
    version: int = 1
    voided: bool = False
    stamp: Stamp | None = None

    def count(self, key: str) -> int:
        return self.counts.get(key, 0)


_NAMESPACE = uuidlib.UUID("7a3c1a52-5d0e-4e55-9f39-0b3f2f6d2c11")


def totals_record_uuid(facility_code: str, unit: Unit, month: date) -> str:
    """One record per facility, unit and month, whoever types it: the same identity."""
    key = f"{facility_code}|{unit.value}|{month_start(month).isoformat()}"
    return str(uuidlib.uuid5(_NAMESPACE, key))


def new_record_uuid() -> str:
    return str(uuidlib.uuid4())


# ---------------------------------------------------------------------------------------------
# Checking what is typed


def check_person_ref(text: str, label: str = "Identifiant") -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise DomainError(f"{label} : obligatoire (numéro du registre ou nom de l'enfant).")
    if len(cleaned) > 80:
        raise DomainError(f"{label} : 80 caractères au plus.")
    return cleaned


def check_place(text: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > 120:
        raise DomainError("Lieu : 120 caractères au plus.")
    return cleaned


def check_tally(tally: Tally) -> None:
    counts = {
        "dépistés": tally.screened,
        "MAS": tally.sam,
        "MAM": tally.mam,
        "normaux": tally.normal,
        "œdèmes": tally.oedema,
    }
    for name, value in counts.items():
        if value < 0:
            raise DomainError(f"Nombre de {name} : un nombre entier positif ou zéro est attendu.")
    if tally.sam + tally.mam + tally.normal != tally.screened:
        raise DomainError(
            f"MAS + MAM + normaux = {tally.sam + tally.mam + tally.normal}, mais "
            f"{tally.screened} dépisté(s) : corrigez l'un des nombres."
        )
    if tally.oedema > tally.sam:
        raise DomainError(
            f"Œdèmes ({tally.oedema}) : ils font partie des MAS ({tally.sam}), "
            "ils ne peuvent pas être plus nombreux."
        )
    if tally.group is Group.PLW and (tally.sam or tally.oedema):
        raise DomainError(
            "Femmes enceintes/allaitantes : seuls les nombres de MAM (PB sous le seuil) et de "
            "normales se comptent."
        )
    if tally.screened == 0:
        raise DomainError("Nombre de dépistés : au moins 1.")


def check_event(event: ProgrammeEvent) -> None:
    if event.kind is EventKind.ADMISSION:
        if event.admission is None:
            raise DomainError(
                "Type d'admission : choisissez nouvelle, rechute, réadmission, "
                "ou transfert entrant."
            )
        if event.admission is AdmissionType.NEW and event.criterion is None:
            raise DomainError("Critère d'admission : choisissez PB, P/T ou œdèmes.")
    elif event.outcome is None:
        raise DomainError(
            "Type de sortie : choisissez guéri, décès, abandon, non-répondant ou transfert sortant."
        )


def check_totals(totals: MonthlyTotals) -> None:
    for key, value in totals.counts.items():
        if key not in TOTAL_FIELDS:
            raise DomainError(f"Rubrique inconnue « {key} » dans le rapport mensuel.")
        if value < 0:
            raise DomainError(
                f"{TOTAL_FIELDS[key]} : un nombre entier positif ou zéro est attendu."
            )
    if totals.beginning is not None and totals.beginning < 0:
        raise DomainError("Total au début du mois : un nombre positif ou zéro est attendu.")


def parse_count(text: str, label: str) -> int:
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if cleaned == "":
        return 0
    if not cleaned.isdigit():
        raise DomainError(f"{label} : « {text} » ; un nombre entier positif ou zéro est attendu.")
    return int(cleaned)


# ---------------------------------------------------------------------------------------------
# The monthly report


@dataclass(frozen=True, slots=True)
class UnitMonth:
    """A unit's figures for one month, however they were entered."""

    admissions: Mapping[str, int]  # AdmissionType values, and "new_<criterion>" for new ones
    exits: Mapping[str, int]  # ExitOutcome values
    stated_beginning: int | None = None
    source: str = "none"  # "per_child", "totals" or "none"

    @property
    def admitted(self) -> int:
        return sum(v for k, v in self.admissions.items() if not k.startswith("new_"))

    @property
    def exited(self) -> int:
        return sum(self.exits.values())


def unit_month_from_events(events: Iterable[ProgrammeEvent]) -> UnitMonth:
    admissions: Counter[str] = Counter()
    exits: Counter[str] = Counter()
    for event in events:
        if event.kind is EventKind.ADMISSION:
            assert event.admission is not None
            admissions[event.admission.value] += 1
            if event.admission is AdmissionType.NEW and event.criterion is not None:
                admissions[f"new_{event.criterion.value}"] += 1
        else:
            assert event.outcome is not None
            exits[event.outcome.value] += 1
    return UnitMonth(dict(admissions), dict(exits), None, "per_child")


def unit_month_from_totals(totals: MonthlyTotals) -> UnitMonth:
    new = sum(totals.count(f"new_{c.value}") for c in Criterion)
    admissions = {
        AdmissionType.NEW.value: new,
        AdmissionType.RELAPSE.value: totals.count("relapse"),
        AdmissionType.READMISSION.value: totals.count("readmission"),
        AdmissionType.TRANSFER_IN.value: totals.count("transfer_in"),
        **{f"new_{c.value}": totals.count(f"new_{c.value}") for c in Criterion},
    }
    exits = {o.value: totals.count(o.value) for o in ExitOutcome}
    return UnitMonth(admissions, exits, totals.beginning, "totals")


@dataclass(frozen=True, slots=True)
class RateCheck:
    name: str  # cured, died, defaulted
    label: str
    percent: Decimal | None  # None: no exit this month
    threshold: Decimal
    above: bool  # True: the rate must be above the threshold

    @property
    def passes(self) -> bool | None:
        if self.percent is None:
            return None
        return self.percent > self.threshold if self.above else self.percent < self.threshold

    @property
    def verdict_fr(self) -> str:
        if self.passes is None:
            return "pas de sortie"
        return "conforme" if self.passes else "non conforme"


@dataclass(frozen=True, slots=True)
class UnitReport:
    unit: Unit
    month: date
    beginning: int
    admissions: Mapping[str, int]
    exits: Mapping[str, int]
    end: int
    source: str
    rates: tuple[RateCheck, ...]
    warnings: tuple[str, ...] = ()

    @property
    def admitted(self) -> int:
        return sum(v for k, v in self.admissions.items() if not k.startswith("new_"))

    @property
    def exited(self) -> int:
        return sum(self.exits.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit.value,
            "source": self.source,
            "beginning": self.beginning,
            "admissions": {
                **{t.value: self.admissions.get(t.value, 0) for t in AdmissionType},
                "new_by_criterion": {
                    c.value: self.admissions.get(f"new_{c.value}", 0) for c in Criterion
                },
                "total": self.admitted,
            },
            "exits": {
                **{o.value: self.exits.get(o.value, 0) for o in ExitOutcome},
                "total": self.exited,
            },
            "end": self.end,
            "rates": [
                {
                    "rate": r.name,
                    "percent": None if r.percent is None else float(r.percent),
                    "threshold_percent": float(r.threshold),
                    "must_be": "above" if r.above else "below",
                    "passes": r.passes,
                }
                for r in self.rates
            ],
            "warnings": list(self.warnings),
        }


def _percent(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def rate_checks(exits: Mapping[str, int], settings: ReportSettings) -> tuple[RateCheck, ...]:
    """Outcome ÷ exits (transfers out counted only if the setting says so), against Sphere."""
    outcomes: list[ExitOutcome] = [o for o in ExitOutcome if o is not ExitOutcome.TRANSFER_OUT]
    if settings.rates_include_transfers:
        outcomes.append(ExitOutcome.TRANSFER_OUT)
    whole = sum(exits.get(o.value, 0) for o in outcomes)
    return (
        RateCheck(
            "cured",
            "Taux de guérison",
            _percent(exits.get("cured", 0), whole),
            settings.cured_above_percent,
            True,
        ),
        RateCheck(
            "died",
            "Taux de décès",
            _percent(exits.get("died", 0), whole),
            settings.died_below_percent,
            False,
        ),
        RateCheck(
            "defaulted",
            "Taux d'abandon",
            _percent(exits.get("defaulted", 0), whole),
            settings.defaulted_below_percent,
            False,
        ),
    )


def months_between(first: date, last: date) -> list[date]:
    out = []
    month = month_start(first)
    while month <= last:
        out.append(month)
        month = add_months(month, 1)
    return out


def unit_reports(
    unit: Unit,
    months: Mapping[date, UnitMonth],
    until: date,
    settings: ReportSettings,
) -> dict[date, UnitReport]:
    """Every month's report from the first month with data to `until`, each beginning with the
    previous end unless the month states its own beginning (a difference is a warning)."""
    reports: dict[date, UnitReport] = {}
    if not months:
        return reports
    first = min(months)
    end = 0
    for month in months_between(first, month_start(until)):
        figures = months.get(month, UnitMonth({}, {}))
        warnings = []
        beginning = end
        if figures.stated_beginning is not None:
            if month != first and figures.stated_beginning != end:
                warnings.append(
                    f"Total au début déclaré {figures.stated_beginning}, alors que le mois "
                    f"précédent finissait à {end}."
                )
            beginning = figures.stated_beginning
        end = beginning + figures.admitted - figures.exited
        if end < 0:
            warnings.append(
                f"Plus de sorties ({figures.exited}) que d'enfants présents "
                f"({beginning + figures.admitted}) : vérifiez les saisies."
            )
        reports[month] = UnitReport(
            unit=unit,
            month=month,
            beginning=beginning,
            admissions=figures.admissions,
            exits=figures.exits,
            end=end,
            source=figures.source,
            rates=rate_checks(figures.exits, settings),
            warnings=tuple(warnings),
        )
    return reports


@dataclass(frozen=True, slots=True)
class RutfCheck:
    """RUTF dispensed (ledger) per child admitted to URENAS/URENI over the last months."""

    months: int
    dispensed: int
    children: int
    expected_per_child: int
    tolerance_percent: Decimal

    @property
    def per_child(self) -> Decimal | None:
        if self.children == 0:
            return None
        return (Decimal(self.dispensed) / self.children).quantize(Decimal("0.1"))

    @property
    def flagged(self) -> bool:
        if self.children == 0:
            return self.dispensed > 0
        assert self.per_child is not None
        gap = abs(self.per_child - self.expected_per_child) / self.expected_per_child * 100
        return gap > self.tolerance_percent

    @property
    def message_fr(self) -> str:
        span = "ce mois" if self.months == 1 else f"ces {self.months} derniers mois"
        if self.children == 0:
            if self.dispensed == 0:
                return f"Ni ATPE distribué ni enfant admis {span}."
            return (
                f"{int_fr(self.dispensed)} sachets d'ATPE distribués {span} sans aucun enfant "
                "admis : "
                "vérifiez le registre PCIMA et les sorties de stock."
            )
        per_child = self.per_child
        assert per_child is not None
        text = (
            f"{int_fr(self.dispensed)} sachets distribués pour {self.children} enfant(s) admis "
            f"{span} : "
            f"{per_child.to_integral_value()} sachets par enfant "
            f"(attendu environ {self.expected_per_child})."
        )
        if not self.flagged:
            return text
        if per_child > self.expected_per_child:
            return text + (
                " Trop d'ATPE par enfant : admissions non enregistrées, rations trop fortes ou "
                "pertes non déclarées ?"
            )
        return text + (
            " Trop peu d'ATPE par enfant : rupture de stock, rations réduites ou sorties de "
            "stock non enregistrées ?"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "months": self.months,
            "rutf_dispensed_sachets": self.dispensed,
            "children_admitted": self.children,
            "sachets_per_child": None if self.per_child is None else float(self.per_child),
            "expected_sachets_per_child": self.expected_per_child,
            "tolerance_percent": float(self.tolerance_percent),
            "flagged": self.flagged,
            "message": self.message_fr,
        }


@dataclass(frozen=True, slots=True)
class ScreeningSummary:
    """Children (and women) screened in a month, individual records and tallies together."""

    children: int = 0
    sam: int = 0
    mam: int = 0
    normal: int = 0
    oedema: int = 0
    women: int = 0
    women_mam: int = 0
    referrals: Mapping[str, int] = field(default_factory=dict)

    def share(self, part: int) -> Decimal | None:
        return _percent(part, self.children)

    def as_dict(self) -> dict[str, Any]:
        return {
            "children_screened": self.children,
            "sam": self.sam,
            "mam": self.mam,
            "normal": self.normal,
            "oedema": self.oedema,
            "sam_percent": None
            if self.share(self.sam) is None
            else float(self.sam * 100 / self.children),
            "mam_percent": None
            if self.share(self.mam) is None
            else float(self.mam * 100 / self.children),
            "women_screened": self.women,
            "women_mam": self.women_mam,
            "referrals": dict(self.referrals),
        }


def screening_summary(
    screenings: Iterable[Screening], tallies: Iterable[Tally]
) -> ScreeningSummary:
    classes: Counter[str] = Counter()
    referrals: Counter[str] = Counter()
    for s in screenings:
        if s.voided:
            continue
        if s.group is Group.PLW:
            classes["women"] += 1
            classes["women_mam"] += s.classification is NutritionClass.MAM
        else:
            classes["children"] += 1
            classes[s.classification.value] += 1
            classes["oedema"] += s.oedema is not Oedema.NONE
        if s.referral is not None:
            referrals[s.referral.value] += 1
    for t in tallies:
        if t.voided:
            continue
        if t.group is Group.PLW:
            classes["women"] += t.screened
            classes["women_mam"] += t.mam
        else:
            classes["children"] += t.screened
            classes[NutritionClass.SAM.value] += t.sam
            classes[NutritionClass.MAM.value] += t.mam
            classes[NutritionClass.NORMAL.value] += t.normal
            classes["oedema"] += t.oedema
    return ScreeningSummary(
        children=classes["children"],
        sam=classes[NutritionClass.SAM.value],
        mam=classes[NutritionClass.MAM.value],
        normal=classes[NutritionClass.NORMAL.value],
        oedema=classes["oedema"],
        women=classes["women"],
        women_mam=classes["women_mam"],
        referrals=dict(referrals),
    )


@dataclass(frozen=True, slots=True)
class PcimaReport:
    facility_code: str
    facility_name: str
    month: date
    units: tuple[UnitReport, ...]
    screening: ScreeningSummary
    rutf: RutfCheck

    @property
    def period_end(self) -> date:
        return month_end(self.month)

    def as_dict(self) -> dict[str, Any]:
        """Aggregates only: nothing that names or identifies a child."""
        return {
            "facility": self.facility_code,
            "facility_name": self.facility_name,
            "month": f"{self.month:%Y-%m}",
            "units": [u.as_dict() for u in self.units],
            "screening": self.screening.as_dict(),
            "rutf_check": self.rutf.as_dict(),
        }


def children_for_rutf(reports: Sequence[UnitReport]) -> int:
    """Children who receive RUTF: the admissions to URENAS (the outpatient unit RUTF is for;
    a child coming from URENI arrives there as a transfer in and is counted then)."""
    return sum(r.admitted for r in reports if r.unit is Referral.URENAS)


# ---------------------------------------------------------------------------------------------
# RUTF needs for the coming months


@dataclass(frozen=True, slots=True)
class CatchmentInputs:
    """What the user enters for the caseload formula N × P × K × C (DOMAIN.md §3)."""

    population: int  # children 6–59 months in the catchment area
    prevalence: Decimal  # SAM prevalence, as a fraction (0.087 for 8.7 %)
    coverage: Decimal  # expected programme coverage, as a fraction


CATCHMENT_FIELDS = {
    "catchment_population": "Enfants de 6 à 59 mois de l'aire de santé",
    "sam_prevalence_percent": "Prévalence de la MAS (%)",
    "expected_coverage_percent": "Couverture attendue du programme (%)",
}


def parse_catchment(values: Mapping[str, str]) -> CatchmentInputs | None:
    """The three inputs from their stored text (None until all three are entered)."""
    if not all(values.get(k, "").strip() for k in CATCHMENT_FIELDS):
        return None
    parsed: dict[str, Decimal] = {}
    for key, label in CATCHMENT_FIELDS.items():
        text = values[key]
        try:
            number = Decimal(text.strip().replace(",", ".").replace(" ", "").replace("\xa0", ""))
        except InvalidOperation:
            raise DomainError(f"{label} : « {text} » n'est pas un nombre.") from None
        if not number.is_finite() or number < 0:
            raise DomainError(f"{label} : un nombre positif est attendu.")
        if key.endswith("percent") and number > 100:
            raise DomainError(f"{label} : un pourcentage de 0 à 100 est attendu.")
        parsed[key] = number
    population = parsed["catchment_population"]
    if population != population.to_integral_value():
        raise DomainError(
            f"{CATCHMENT_FIELDS['catchment_population']} : un nombre entier est attendu."
        )
    return CatchmentInputs(
        population=int(population),
        prevalence=parsed["sam_prevalence_percent"] / 100,
        coverage=parsed["expected_coverage_percent"] / 100,
    )


def seasonal_shares(history: Mapping[date, int], last_month: date) -> tuple[Decimal, ...] | None:
    """Each calendar month's share of the admissions of the 12 months ending `last_month`
    (January first), or None without 12 months of history or with no admission at all."""
    months = [add_months(month_start(last_month), -k) for k in range(11, -1, -1)]
    if any(m not in history for m in months):
        return None
    total = sum(history[m] for m in months)
    if total == 0:
        return None
    shares = [Decimal(0)] * 12
    for m in months:
        shares[m.month - 1] = Decimal(history[m]) / total
    return tuple(shares)


def trend_admissions(history: Mapping[date, int], last_month: date, months: int) -> list[Decimal]:
    """Admissions expected in each of the `months` after `last_month`, from the facility's own
    admissions: the same month a year before scaled by how the last three months compare with
    the same three months a year before (between half and double); with less than a year of
    history, the mean of the last three months."""
    last = month_start(last_month)
    recent = [add_months(last, -k) for k in range(3)]
    a_year_before = [add_months(m, -12) for m in recent]
    has_year = all(add_months(last, -k) in history for k in range(12))
    if not has_year:
        known = [history[m] for m in recent if m in history]
        mean = Decimal(sum(known)) / len(known) if known else Decimal(0)
        return [mean] * months
    level = Decimal(1)
    if all(m in history for m in a_year_before):
        before = sum(history[m] for m in a_year_before)
        if before > 0:
            level = min(
                Decimal(2), max(Decimal("0.5"), Decimal(sum(history[m] for m in recent)) / before)
            )
    return [Decimal(history[add_months(last, k - 12)]) * level for k in range(1, months + 1)]


@dataclass(frozen=True, slots=True)
class RutfNeedMonth:
    month: date
    trend_children: Decimal
    caseload_children: Decimal | None


@dataclass(frozen=True, slots=True)
class RutfNeeds:
    """RUTF needed for the coming months by two methods, against the stock and what is coming."""

    facility_code: str
    as_of: date
    months: tuple[RutfNeedMonth, ...]
    annual_caseload: int | None
    usable_stock: int
    on_order: int
    sachets_per_child: int
    sachets_per_carton: int
    seasonal_profile: str  # "admissions" (own last 12 months) or "flat"

    def _sachets(self, children: Decimal) -> int:
        return int((children * self.sachets_per_child).to_integral_value(rounding=ROUND_CEILING))

    def trend_sachets(self) -> int:
        return self._sachets(sum((m.trend_children for m in self.months), Decimal(0)))

    def caseload_sachets(self) -> int | None:
        if self.annual_caseload is None:
            return None
        return self._sachets(
            sum((m.caseload_children or Decimal(0) for m in self.months), Decimal(0))
        )

    def cartons(self, sachets: int) -> int:
        return -(-sachets // self.sachets_per_carton)

    def shortfall(self, sachets: int) -> int:
        """Sachets still to find after the usable stock and what is on order."""
        return max(0, sachets - self.usable_stock - self.on_order)

    def monthly_sachets(self) -> list[tuple[date, int, int | None]]:
        return [
            (
                m.month,
                self._sachets(m.trend_children),
                None if m.caseload_children is None else self._sachets(m.caseload_children),
            )
            for m in self.months
        ]

    def as_dict(self) -> dict[str, Any]:
        trend = self.trend_sachets()
        caseload = self.caseload_sachets()
        return {
            "facility": self.facility_code,
            "as_of": self.as_of.isoformat(),
            "months": [
                {
                    "month": f"{month:%Y-%m}",
                    "trend_sachets": t,
                    "caseload_sachets": c,
                }
                for month, t, c in self.monthly_sachets()
            ],
            "annual_caseload_children": self.annual_caseload,
            "seasonal_profile": self.seasonal_profile,
            "usable_stock_sachets": self.usable_stock,
            "on_order_sachets": self.on_order,
            "trend": {
                "sachets": trend,
                "cartons": self.cartons(trend),
                "shortfall_sachets": self.shortfall(trend),
                "shortfall_cartons": self.cartons(self.shortfall(trend)),
            },
            "caseload": None
            if caseload is None
            else {
                "sachets": caseload,
                "cartons": self.cartons(caseload),
                "shortfall_sachets": self.shortfall(caseload),
                "shortfall_cartons": self.cartons(self.shortfall(caseload)),
            },
        }


def rutf_needs(
    facility_code: str,
    as_of: date,
    admissions: Mapping[date, int],
    catchment: CatchmentInputs | None,
    usable_stock: int,
    on_order: int,
    months: int,
    settings: NutritionSettings,
) -> RutfNeeds:
    """Needs for the `months` months after the last complete month before `as_of`."""
    last = add_months(month_start(as_of), -1)
    trend = trend_admissions(admissions, last, months)
    shares = seasonal_shares(admissions, last)
    annual: int | None = None
    caseload_by_month: list[Decimal | None] = [None] * months
    if catchment is not None:
        annual = sam_caseload(
            catchment.population, catchment.prevalence, catchment.coverage, settings=settings
        )
        for k in range(months):
            month = add_months(last, k + 1)
            share = shares[month.month - 1] if shares else Decimal(1) / 12
            caseload_by_month[k] = annual * share
    return RutfNeeds(
        facility_code=facility_code,
        as_of=as_of,
        months=tuple(
            RutfNeedMonth(add_months(last, k + 1), trend[k], caseload_by_month[k])
            for k in range(months)
        ),
        annual_caseload=annual,
        usable_stock=usable_stock,
        on_order=on_order,
        sachets_per_child=settings.rutf_sachets_per_child,
        sachets_per_carton=settings.rutf_sachets_per_carton,
        seasonal_profile="admissions" if shares else "flat",
    )
