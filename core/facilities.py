"""Regions of Mali, facility types and facilities of the health pyramid."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from core.errors import DomainError

# Laws 2023-006 and 2023-007: the District de Bamako and 19 regions. The two laws number the
# regions differently, so regions are keyed by name (a stable ASCII code derived from it).
REGION_NAMES: tuple[str, ...] = (
    "District de Bamako",
    "Kayes",
    "Koulikoro",
    "Sikasso",
    "Ségou",
    "Mopti",
    "Tombouctou",
    "Gao",
    "Kidal",
    "Taoudénit",
    "Ménaka",
    "Nioro",
    "Kita",
    "Dioïla",
    "Nara",
    "Bougouni",
    "Koutiala",
    "San",
    "Douentza",
    "Bandiagara",
)


def fold(text: str) -> str:
    """Lower-case ASCII form of a name, for matching what users type ("segou" finds "Ségou")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_\-']+", " ", ascii_text).strip().lower()


_REGIONS_BY_FOLD = {fold(name): name for name in REGION_NAMES}
_REGIONS_BY_FOLD["bamako"] = "District de Bamako"


def find_region(text: str) -> str:
    """The official name of the region the user typed, accents and case ignored."""
    name = _REGIONS_BY_FOLD.get(fold(text))
    if name is None:
        raise DomainError(
            f"Région inconnue « {text} ». Régions possibles : {', '.join(REGION_NAMES)}."
        )
    return name


class FacilityType(StrEnum):
    """Kinds of facility; the value is the stable code used in files and the command line."""

    CSCOM = "CSCom"
    CSREF = "CSRef"
    REGIONAL_HOSPITAL = "EPH"
    NATIONAL_HOSPITAL = "CHU"
    MOBILE_CLINIC = "mobile"
    WAREHOUSE = "warehouse"

    @property
    def label_fr(self) -> str:
        return _TYPE_LABELS_FR[self]


_TYPE_LABELS_FR = {
    FacilityType.CSCOM: "CSCom (centre de santé communautaire)",
    FacilityType.CSREF: "CSRéf (centre de santé de référence)",
    FacilityType.REGIONAL_HOSPITAL: "EPH (hôpital régional)",
    FacilityType.NATIONAL_HOSPITAL: "Hôpital national",
    FacilityType.MOBILE_CLINIC: "Clinique mobile",
    FacilityType.WAREHOUSE: "Entrepôt",
}

_TYPE_ALIASES = {
    "cscom": FacilityType.CSCOM,
    "csref": FacilityType.CSREF,
    "eph": FacilityType.REGIONAL_HOSPITAL,
    "regional hospital": FacilityType.REGIONAL_HOSPITAL,
    "regional_hospital": FacilityType.REGIONAL_HOSPITAL,
    "hopital regional": FacilityType.REGIONAL_HOSPITAL,
    "chu": FacilityType.NATIONAL_HOSPITAL,
    "national hospital": FacilityType.NATIONAL_HOSPITAL,
    "national_hospital": FacilityType.NATIONAL_HOSPITAL,
    "hopital national": FacilityType.NATIONAL_HOSPITAL,
    "mobile": FacilityType.MOBILE_CLINIC,
    "mobile clinic": FacilityType.MOBILE_CLINIC,
    "mobile_clinic": FacilityType.MOBILE_CLINIC,
    "clinique mobile": FacilityType.MOBILE_CLINIC,
    "warehouse": FacilityType.WAREHOUSE,
    "entrepot": FacilityType.WAREHOUSE,
    "depot": FacilityType.WAREHOUSE,
}


def parse_facility_type(text: str) -> FacilityType:
    found = _TYPE_ALIASES.get(fold(text).replace("_", " ")) or _TYPE_ALIASES.get(fold(text))
    if found is None:
        raise DomainError(
            f"Type d'établissement inconnu « {text} ». Types possibles : "
            + ", ".join(t.value for t in FacilityType)
            + "."
        )
    return found


_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")


def check_code(code: str, what: str = "code") -> str:
    """A stable code: letters, digits, '-', '_' or '.', at most 40 characters."""
    code = code.strip()
    if not _CODE_RE.match(code):
        raise DomainError(
            f"Le {what} « {code} » n'est pas valable : utilisez de 1 à 40 lettres, chiffres, "
            "tirets, points ou soulignés, sans espace ni accent."
        )
    return code


@dataclass(frozen=True, slots=True)
class Facility:
    """A stock point: a health facility, a mobile clinic or a warehouse."""

    code: str
    name: str
    type: FacilityType
    region: str
    district: str
    supplier_code: str | None = None
    id: int | None = None


def new_facility(
    code: str,
    name: str,
    type_text: str,
    region: str,
    district: str,
    supplier_code: str | None = None,
) -> Facility:
    """Validate what a user typed and build the facility (not yet stored)."""
    name = name.strip()
    if not name:
        raise DomainError("Le nom de l'établissement est obligatoire.")
    district = district.strip()
    if not district:
        raise DomainError("Le district sanitaire est obligatoire (par exemple « Mopti »).")
    supplier = supplier_code.strip() if supplier_code else None
    code = check_code(code, "code de l'établissement")
    if supplier is not None and supplier == code:
        raise DomainError("Un établissement ne peut pas être son propre fournisseur.")
    return Facility(
        code=code,
        name=name,
        type=parse_facility_type(type_text),
        region=find_region(region),
        district=district,
        supplier_code=supplier,
    )
