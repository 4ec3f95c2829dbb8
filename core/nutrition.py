"""PCIMA rules: MUAC, oedema, WHO weight-for-height z-scores, referral, RUTF dose and caseload."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from core.errors import DomainError

WFL_FILE = "who2006_wfl_lms.csv"
WFH_FILE = "who2006_wfh_lms.csv"
RUTF_DOSING_FILE = "rutf_dosing.csv"

# WHO conventions, not local choices: the length table serves children under 731 days, ages
# in months convert at 30.4375 days, and lying/standing measurements differ by 0.7 cm.
LENGTH_TABLE_BEFORE_DAYS = 731
DAYS_PER_MONTH = 30.4375
LYING_MINUS_STANDING_CM = 0.7
# WHO 2006 / PCIMA definitions of wasting in z-scores.
WHZ_SAM_BELOW = -3.0
WHZ_MAM_BELOW = -2.0
# Plausibility limits for typed measurements (a typing error, not a clinical rule).
MUAC_RANGE_MM = (50, 300)
AGE_RANGE_MONTHS = (6, 60)  # 6 to 59 completed months
WEIGHT_RANGE_KG = (Decimal("0.5"), Decimal(60))


class NutritionClass(StrEnum):
    SAM = "SAM"
    MAM = "MAM"
    NORMAL = "normal"


NUTRITION_CLASS_LABELS_FR = {
    NutritionClass.SAM: "MAS (malnutrition aiguë sévère)",
    NutritionClass.MAM: "MAM (malnutrition aiguë modérée)",
    NutritionClass.NORMAL: "normal",
}

NUTRITION_CLASS_SHORT_FR = {
    NutritionClass.SAM: "MAS",
    NutritionClass.MAM: "MAM",
    NutritionClass.NORMAL: "normal",
}


class Oedema(StrEnum):
    """Bilateral pitting oedema: + feet, ++ feet and lower legs, +++ up to the face."""

    NONE = "0"
    PLUS = "+"
    PLUS2 = "++"
    PLUS3 = "+++"


class Referral(StrEnum):
    URENI = "URENI"  # inpatient SAM with complications (CSRéf, hospital)
    URENAS = "URENAS"  # outpatient SAM (CSCom, RUTF)
    URENAM = "URENAM"  # MAM, supplementary food


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class TableMode(StrEnum):
    """Which WHO table a girl is measured against (Mali's 2011 protocol used the boys')."""

    SEX_SPECIFIC = "sex_specific"
    BOYS_FOR_BOTH = "boys_for_both"


# ---------------------------------------------------------------------------------------------
# Settings


@dataclass(frozen=True, slots=True)
class NutritionSettings:
    """The editable numbers of DOMAIN.md §3; each field is also a key of the settings table."""

    muac_sam_below_mm: int = 115
    muac_mam_below_mm: int = 125
    pregnant_muac_mam_below_mm: int = 230
    whz_table_mode: TableMode = TableMode.SEX_SPECIFIC
    incidence_correction: Decimal = Decimal("2.6")
    rutf_sachets_per_child: int = 150
    rutf_sachets_per_carton: int = 150

    def __post_init__(self) -> None:
        if not 0 < self.muac_sam_below_mm < self.muac_mam_below_mm:
            raise DomainError(
                f"Seuils du PB incohérents : MAS sous {self.muac_sam_below_mm} mm, "
                f"MAM sous {self.muac_mam_below_mm} mm."
            )


NUTRITION_SETTING_LABELS: dict[str, str] = {
    "muac_sam_below_mm": "PB de l'enfant : MAS en dessous de (mm)",
    "muac_mam_below_mm": "PB de l'enfant : MAM en dessous de (mm)",
    "pregnant_muac_mam_below_mm": "PB des femmes enceintes et allaitantes : MAM en dessous de (mm)",
    "whz_table_mode": "Table P/T (sex_specific ou boys_for_both)",
    "incidence_correction": "Facteur d'incidence K",
    "rutf_sachets_per_child": "Sachets d'ATPE par enfant MAS traité",
    "rutf_sachets_per_carton": "Sachets d'ATPE par carton",
}

GLOBAL_SCOPE = ""


def _setting_value(key: str, text: str) -> Any:
    label = NUTRITION_SETTING_LABELS[key]
    if key == "whz_table_mode":
        try:
            return TableMode(text.strip().lower())
        except ValueError:
            raise DomainError(
                f"{label} : « {text} » ; attendu "
                + " ou ".join(mode.value for mode in TableMode)
                + "."
            ) from None
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise DomainError(f"{label} : « {text} » n'est pas un nombre.") from None
    if not value.is_finite() or value <= 0:
        raise DomainError(f"{label} : la valeur doit être positive.")
    if key == "incidence_correction":
        return value
    if value != value.to_integral_value():
        raise DomainError(f"{label} : un nombre entier est attendu.")
    return int(value)


def resolve_nutrition_settings(settings: Mapping[tuple[str, str], str]) -> NutritionSettings:
    """Nutrition settings from the (scope, key) → text settings table; defaults otherwise."""
    values = {
        f.name: _setting_value(f.name, settings[(GLOBAL_SCOPE, f.name)])
        for f in fields(NutritionSettings)
        if (GLOBAL_SCOPE, f.name) in settings
    }
    return NutritionSettings(**values)


# ---------------------------------------------------------------------------------------------
# French display


def fr_number(value: float | Decimal, decimals: int | None = None) -> str:
    """2,5 rather than 2.5, and a true minus sign: −3,79."""
    if decimals is None:
        text = format(Decimal(str(value)).normalize(), "f")
    else:
        text = f"{value:.{decimals}f}"
    if text.startswith("-"):
        text = "−" + text[1:]
        if text.strip("−0,.") == "":
            text = text[1:]
    return text.replace(".", ",")


# ---------------------------------------------------------------------------------------------
# MUAC and oedema


def classify_muac(muac_mm: int, settings: NutritionSettings | None = None) -> NutritionClass:
    """A child's MUAC on half-open intervals: SAM < 115 mm ≤ MAM < 125 mm ≤ normal."""
    settings = settings or NutritionSettings()
    if muac_mm < settings.muac_sam_below_mm:
        return NutritionClass.SAM
    if muac_mm < settings.muac_mam_below_mm:
        return NutritionClass.MAM
    return NutritionClass.NORMAL


def classify_muac_pregnant_or_lactating(
    muac_mm: int, settings: NutritionSettings | None = None
) -> NutritionClass:
    """A pregnant or lactating woman's MUAC: MAM below the protocol's cut-off."""
    settings = settings or NutritionSettings()
    if muac_mm < settings.pregnant_muac_mam_below_mm:
        return NutritionClass.MAM
    return NutritionClass.NORMAL


def classify_whz(z: float) -> NutritionClass:
    if z < WHZ_SAM_BELOW:
        return NutritionClass.SAM
    if z < WHZ_MAM_BELOW:
        return NutritionClass.MAM
    return NutritionClass.NORMAL


# ---------------------------------------------------------------------------------------------
# WHO LMS z-scores


@dataclass(frozen=True, slots=True)
class Lms:
    l: float  # noqa: E741  (WHO's own name for the Box-Cox power)
    m: float
    s: float

    def at_z(self, z: float) -> float:
        """The measurement at z standard deviations: M(1 + LSz)^(1/L)."""
        if self.l == 0:
            return self.m * math.exp(self.s * z)
        return self.m * float((1 + self.l * self.s * z) ** (1 / self.l))


def lms_z_score(y: float, lms: Lms) -> float:
    """WHO's restricted LMS z-score: beyond ±3, distances are measured in the 2-to-3 SD step."""
    if y <= 0:
        raise DomainError("La mesure doit être positive.")
    if lms.l == 0:
        z = math.log(y / lms.m) / lms.s
    else:
        z = (float((y / lms.m) ** lms.l) - 1) / (lms.s * lms.l)
    if z > 3:
        sd3 = lms.at_z(3)
        return 3 + (y - sd3) / (sd3 - lms.at_z(2))
    if z < -3:
        sd3neg = lms.at_z(-3)
        return -3 + (y - sd3neg) / (lms.at_z(-2) - sd3neg)
    return z


@dataclass(frozen=True, slots=True)
class LmsTable:
    """One WHO table (length or height), rows every 0.1 cm for each sex."""

    name: str
    first_tenth: dict[Sex, int]
    rows: dict[Sex, tuple[Lms, ...]]

    def range_cm(self, sex: Sex) -> tuple[float, float]:
        first = self.first_tenth[sex]
        return first / 10, (first + len(self.rows[sex]) - 1) / 10

    def lms_at(self, sex: Sex, cm: float) -> Lms | None:
        """L, M and S interpolated linearly between the 0.1 cm rows; None outside the table."""
        rows = self.rows[sex]
        position = round(cm * 10, 6) - self.first_tenth[sex]
        if position < 0 or position > len(rows) - 1:
            return None
        below = math.floor(position)
        fraction = position - below
        if fraction == 0:
            return rows[below]
        low, high = rows[below], rows[below + 1]
        return Lms(
            l=low.l + (high.l - low.l) * fraction,
            m=low.m + (high.m - low.m) * fraction,
            s=low.s + (high.s - low.s) * fraction,
        )


def parse_lms_table(rows: Iterable[dict[str, str]], name: str) -> LmsTable:
    """A table from CSV rows (sex, length_or_height_cm, L, M, S), checked to be 0.1 cm apart."""
    by_sex: dict[Sex, list[tuple[int, Lms]]] = {Sex.MALE: [], Sex.FEMALE: []}
    for line, row in enumerate(rows, start=2):
        try:
            sex = Sex(row["sex"].strip().upper())
            tenth = round(float(row["length_or_height_cm"]) * 10)
            lms = Lms(l=float(row["L"]), m=float(row["M"]), s=float(row["S"]))
        except (KeyError, ValueError, AttributeError):
            raise DomainError(f"{name}, ligne {line} : ligne illisible.") from None
        by_sex[sex].append((tenth, lms))
    first_tenth: dict[Sex, int] = {}
    table_rows: dict[Sex, tuple[Lms, ...]] = {}
    for sex, entries in by_sex.items():
        entries.sort(key=lambda entry: entry[0])
        if not entries:
            raise DomainError(f"{name} : aucune ligne pour le sexe {sex.value}.")
        tenths = [tenth for tenth, _ in entries]
        if tenths != list(range(tenths[0], tenths[0] + len(tenths))):
            raise DomainError(
                f"{name} : les lignes du sexe {sex.value} ne vont pas de 0,1 en 0,1 cm."
            )
        first_tenth[sex] = tenths[0]
        table_rows[sex] = tuple(lms for _, lms in entries)
    return LmsTable(name=name, first_tenth=first_tenth, rows=table_rows)


def _load_lms_table(path: Path) -> LmsTable:
    with path.open(encoding="utf-8", newline="") as handle:
        return parse_lms_table(csv.DictReader(handle), path.name)


@dataclass(frozen=True, slots=True)
class GrowthStandards:
    """WHO 2006 weight-for-length (under 731 days) and weight-for-height (from 731 days)."""

    length: LmsTable
    height: LmsTable


def load_growth_standards(folder: Path) -> GrowthStandards:
    return GrowthStandards(
        length=_load_lms_table(folder / WFL_FILE), height=_load_lms_table(folder / WFH_FILE)
    )


@dataclass(frozen=True, slots=True)
class WhzResult:
    z: float
    table: str  # "length" or "height"
    cm: float  # the length or height looked up, after any lying/standing correction


def age_in_days(age_months: float) -> float:
    return age_months * DAYS_PER_MONTH


def weight_for_height_z(
    standards: GrowthStandards,
    sex: Sex,
    age_days: float,
    weight_kg: float,
    cm: float,
    mode: TableMode = TableMode.SEX_SPECIFIC,
    measured_lying: bool | None = None,
) -> WhzResult:
    """Weight-for-length under 731 days, weight-for-height from 731 days (WHO 2006).

    `measured_lying`, when known, applies WHO's 0.7 cm correction to a measurement taken in the
    other position than the table's (a child under two measured standing, or older lying).
    """
    use_length = age_days < LENGTH_TABLE_BEFORE_DAYS
    if measured_lying is not None and measured_lying != use_length:
        cm += LYING_MINUS_STANDING_CM if use_length else -LYING_MINUS_STANDING_CM
    table = standards.length if use_length else standards.height
    table_sex = Sex.MALE if mode is TableMode.BOYS_FOR_BOTH else sex
    lms = table.lms_at(table_sex, cm)
    if lms is None:
        low, high = table.range_cm(table_sex)
        what = "longueur (moins de 731 jours)" if use_length else "taille (731 jours et plus)"
        raise DomainError(
            f"{fr_number(cm, 1)} cm : hors de la table OMS poids-pour-{what}, "
            f"qui va de {fr_number(low, 1)} à {fr_number(high, 1)} cm."
        )
    return WhzResult(
        z=lms_z_score(weight_kg, lms), table="length" if use_length else "height", cm=cm
    )


# ---------------------------------------------------------------------------------------------
# A child's combined classification


@dataclass(frozen=True, slots=True)
class ChildMeasures:
    """What a health worker records at screening; WHZ needs sex, age, weight and height together."""

    muac_mm: int
    oedema: Oedema = Oedema.NONE
    sex: Sex | None = None
    age_months: float | None = None
    weight_kg: float | None = None
    height_cm: float | None = None
    complications: bool = False
    measured_lying: bool | None = None


@dataclass(frozen=True, slots=True)
class ChildAssessment:
    classification: NutritionClass
    muac_class: NutritionClass
    whz: float | None
    whz_class: NutritionClass | None
    referral: Referral | None
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "classification": self.classification.value,
            "muac_class": self.muac_class.value,
            "whz": None if self.whz is None else round(self.whz, 2),
            "whz_class": None if self.whz_class is None else self.whz_class.value,
            "referral": None if self.referral is None else self.referral.value,
            "reasons": list(self.reasons),
        }


def referral_for(
    classification: NutritionClass, oedema: Oedema, complications: bool
) -> Referral | None:
    if classification is NutritionClass.SAM:
        if complications or oedema is Oedema.PLUS3:
            return Referral.URENI
        return Referral.URENAS
    if classification is NutritionClass.MAM:
        return Referral.URENAM
    return None


def assess_child(
    measures: ChildMeasures,
    settings: NutritionSettings | None = None,
    standards: GrowthStandards | None = None,
) -> ChildAssessment:
    """SAM if MUAC SAM, any oedema or WHZ SAM; MAM if MUAC or WHZ MAM; with reasons in French."""
    settings = settings or NutritionSettings()
    check_muac(measures.muac_mm)
    whz_inputs = (measures.sex, measures.age_months, measures.weight_kg, measures.height_cm)
    if measures.age_months is not None:
        check_age_months(measures.age_months)
    if any(value is not None for value in whz_inputs) and any(v is None for v in whz_inputs):
        raise DomainError(
            "Pour le poids-pour-taille, indiquez ensemble le sexe, l'âge, le poids et la taille."
        )

    muac = measures.muac_mm
    muac_class = classify_muac(muac, settings)
    sam: list[str] = []
    mam: list[str] = []
    normal: list[str] = []
    if muac_class is NutritionClass.SAM:
        sam.append(f"PB {muac} mm < {settings.muac_sam_below_mm} mm")
    elif muac_class is NutritionClass.MAM:
        mam.append(
            f"PB {muac} mm entre {settings.muac_sam_below_mm} et "
            f"{settings.muac_mam_below_mm - 1} mm"
        )
    else:
        normal.append(f"PB {muac} mm ≥ {settings.muac_mam_below_mm} mm")
    if measures.oedema is not Oedema.NONE:
        sam.append(f"œdèmes bilatéraux {measures.oedema.value}")

    whz: float | None = None
    whz_class: NutritionClass | None = None
    if measures.sex is not None:
        assert measures.age_months is not None and measures.weight_kg is not None
        assert measures.height_cm is not None
        if standards is None:
            raise DomainError("Tables OMS de poids-pour-taille non chargées.")
        check_weight_kg(measures.weight_kg)
        result = weight_for_height_z(
            standards,
            measures.sex,
            age_in_days(measures.age_months),
            measures.weight_kg,
            measures.height_cm,
            settings.whz_table_mode,
            measures.measured_lying,
        )
        whz = result.z
        whz_class = classify_whz(whz)
        shown = f"P/T {fr_number(whz, 2)} z"
        if whz_class is NutritionClass.SAM:
            sam.append(f"{shown} < {fr_number(WHZ_SAM_BELOW, 0)}")
        elif whz_class is NutritionClass.MAM:
            mam.append(
                f"{shown} entre {fr_number(WHZ_SAM_BELOW, 0)} et {fr_number(WHZ_MAM_BELOW, 0)}"
            )
        else:
            normal.append(f"{shown} ≥ {fr_number(WHZ_MAM_BELOW, 0)}")

    if sam:
        classification, reasons = NutritionClass.SAM, sam
    elif mam:
        classification, reasons = NutritionClass.MAM, mam
    else:
        classification, reasons = NutritionClass.NORMAL, normal
    referral = referral_for(classification, measures.oedema, measures.complications)
    if referral is Referral.URENI and measures.complications:
        reasons = [*reasons, "complications médicales"]
    return ChildAssessment(
        classification=classification,
        muac_class=muac_class,
        whz=whz,
        whz_class=whz_class,
        referral=referral,
        reasons=tuple(reasons),
    )


# ---------------------------------------------------------------------------------------------
# Checking what a user typed


def check_muac(muac_mm: int) -> int:
    low, high = MUAC_RANGE_MM
    if not low <= muac_mm <= high:
        raise DomainError(f"PB {muac_mm} mm : attendu un nombre entier de {low} à {high} mm.")
    return muac_mm


def parse_muac_mm(text: str) -> int:
    """A MUAC typed in whole millimetres (a tape reads 112, not 11.2 cm)."""
    low, high = MUAC_RANGE_MM
    try:
        value = int(text.strip())
    except ValueError:
        raise DomainError(
            f"PB « {text} » : attendu un nombre entier de millimètres, de {low} à {high}."
        ) from None
    return check_muac(value)


def check_age_months(age_months: float) -> float:
    low, high = AGE_RANGE_MONTHS
    if not low <= age_months < high:
        raise DomainError(
            f"Âge {fr_number(age_months)} mois : la PCIMA de l'enfant concerne les enfants de "
            f"{low} à {high - 1} mois."
        )
    return age_months


def check_weight_kg(weight_kg: float) -> float:
    low, high = WEIGHT_RANGE_KG
    if not low <= Decimal(str(weight_kg)) <= high:
        raise DomainError(
            f"Poids {fr_number(weight_kg)} kg : attendu de {fr_number(low)} à {fr_number(high)} kg."
        )
    return weight_kg


def parse_number(text: str, label: str) -> float:
    """A number typed the French way (6,5) or the English way (6.5)."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise DomainError(f"{label} : « {text} » n'est pas un nombre.") from None
    if not math.isfinite(value):
        raise DomainError(f"{label} : « {text} » n'est pas un nombre.")
    return value


def parse_sex(text: str) -> Sex:
    try:
        return Sex(text.strip().upper())
    except ValueError:
        raise DomainError(f"Sexe « {text} » : attendu M (garçon) ou F (fille).") from None


def parse_oedema(text: str) -> Oedema:
    try:
        return Oedema(text.strip())
    except ValueError:
        raise DomainError(f"Œdèmes « {text} » : attendu 0, +, ++ ou +++.") from None


# ---------------------------------------------------------------------------------------------
# RUTF dose


@dataclass(frozen=True, slots=True)
class RutfDoseBand:
    """From `from_kg` up to the next band's `from_kg` (excluded); the last band has no end."""

    from_kg: Decimal
    sachets_per_day: Decimal
    sachets_per_week: int


def parse_rutf_dosing(rows: Iterable[dict[str, str]], source: str) -> tuple[RutfDoseBand, ...]:
    bands: list[RutfDoseBand] = []
    for line, row in enumerate(rows, start=2):
        try:
            band = RutfDoseBand(
                from_kg=Decimal(row["from_kg"].strip().replace(",", ".")),
                sachets_per_day=Decimal(row["sachets_per_day"].strip().replace(",", ".")),
                sachets_per_week=int(row["sachets_per_week"].strip()),
            )
        except (KeyError, AttributeError, ValueError, InvalidOperation):
            raise DomainError(
                f"{source}, ligne {line} : attendu from_kg, sachets_per_day, sachets_per_week."
            ) from None
        if bands and band.from_kg <= bands[-1].from_kg:
            raise DomainError(f"{source}, ligne {line} : les poids doivent aller en croissant.")
        bands.append(band)
    if not bands:
        raise DomainError(f"{source} : aucune ligne de dosage.")
    return tuple(bands)


def load_rutf_dosing(path: Path) -> tuple[RutfDoseBand, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return parse_rutf_dosing(csv.DictReader(handle), path.name)


def rutf_dose(weight_kg: Decimal | float, bands: tuple[RutfDoseBand, ...]) -> RutfDoseBand:
    """The RUTF (ATPE) sachets a day and a week for a child of this weight."""
    weight = weight_kg if isinstance(weight_kg, Decimal) else Decimal(str(weight_kg))
    chosen: RutfDoseBand | None = None
    for band in bands:
        if weight >= band.from_kg:
            chosen = band
    if chosen is None:
        raise DomainError(
            f"Poids {fr_number(weight)} kg : la table de dosage de l'ATPE commence à "
            f"{fr_number(bands[0].from_kg)} kg ; aucune dose n'est proposée en dessous."
        )
    return chosen


# ---------------------------------------------------------------------------------------------
# Caseload and RUTF forecast


def _decimal(value: Decimal | float | int) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def incidence_correction(months: Decimal | float | int) -> Decimal:
    """K = 1 + t/7.5 for a programme of t months (2.6 for a year)."""
    return 1 + _decimal(months) / Decimal("7.5")


def sam_caseload(
    population: int,
    prevalence: Decimal | float,
    coverage: Decimal | float,
    correction: Decimal | float | None = None,
    settings: NutritionSettings | None = None,
) -> int:
    """Children expected for SAM treatment: N × P × K × C, rounded up to a whole child."""
    settings = settings or NutritionSettings()
    k = settings.incidence_correction if correction is None else _decimal(correction)
    exact = Decimal(population) * _decimal(prevalence) * k * _decimal(coverage)
    return int(exact.to_integral_value(rounding=ROUND_CEILING))


@dataclass(frozen=True, slots=True)
class RutfNeed:
    sachets: int
    cartons: int


def rutf_need(caseload: int, settings: NutritionSettings | None = None) -> RutfNeed:
    """Sachets for `caseload` treated SAM children, and the whole cartons that holds them."""
    settings = settings or NutritionSettings()
    sachets = caseload * settings.rutf_sachets_per_child
    cartons = -(-sachets // settings.rutf_sachets_per_carton)
    return RutfNeed(sachets=sachets, cartons=cartons)
