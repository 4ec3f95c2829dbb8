"""The product catalogue: base units, packs, codes, lot tracking, read from an editable CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from core.errors import DomainError
from core.facilities import check_code


class Category(StrEnum):
    """Programmes the stock screen filters by."""

    NUTRITION = "nutrition"
    MEDICINES = "medicines"
    MHGAP = "mhgap"
    KITS = "kits"
    EQUIPMENT = "equipment"


CATEGORY_LABELS_FR = {
    Category.NUTRITION: "Nutrition",
    Category.MEDICINES: "Médicaments",
    Category.MHGAP: "Santé mentale (mhGAP)",
    Category.KITS: "Kits",
    Category.EQUIPMENT: "Équipement",
}


@dataclass(frozen=True, slots=True)
class Product:
    """A catalogue item; stock is counted in `base_unit`, ordered in packs of `pack_size`."""

    code: str
    name: str
    category: Category
    base_unit: str
    pack_unit: str = ""
    pack_size: int = 1
    unicef_code: str = ""
    msf_code: str = ""
    national_code: str = ""
    gtin: str = ""
    has_lots: bool = True
    has_expiry: bool = True
    is_equipment: bool = False
    name_en: str = ""
    id: int | None = None

    def packs(self, quantity: int) -> float:
        return quantity / self.pack_size


CATALOGUE_COLUMNS = (
    "code",
    "name_fr",
    "name_en",
    "category",
    "base_unit",
    "pack_unit",
    "pack_size",
    "unicef_code",
    "msf_code",
    "national_code",
    "gtin",
    "has_lots",
    "has_expiry",
    "kind",
)

_TRUE = {"1", "yes", "oui", "true", "vrai", "y", "o"}
_FALSE = {"0", "no", "non", "false", "faux", "n", ""}


def _flag(value: str, where: str) -> bool:
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise DomainError(f"{where} : « {value} » n'est pas oui/non.")


def parse_catalogue(rows: Iterable[dict[str, str]], source: str) -> list[Product]:
    """Products from catalogue rows; every problem names the file, line and column."""
    products: list[Product] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        where = f"{source}, ligne {line}"
        try:
            missing = [c for c in CATALOGUE_COLUMNS if c not in row]
            if missing:
                raise DomainError(f"{where} : colonnes manquantes {', '.join(missing)}")
            code = check_code(row["code"], "code produit")
            if code in seen:
                raise DomainError(f"{where}, colonne code : le code {code} est en double")
            seen.add(code)
            try:
                category = Category(row["category"].strip().lower())
            except ValueError:
                raise DomainError(
                    f"{where}, colonne category : « {row['category']} » ; attendu "
                    + ", ".join(c.value for c in Category)
                ) from None
            try:
                pack_size = int(row["pack_size"] or "1")
            except ValueError:
                raise DomainError(
                    f"{where}, colonne pack_size : « {row['pack_size']} » n'est pas un entier"
                ) from None
            if pack_size < 1:
                raise DomainError(f"{where}, colonne pack_size : doit être au moins 1")
            kind = row["kind"].strip().lower()
            if kind not in ("consumable", "equipment"):
                raise DomainError(f"{where}, colonne kind : attendu consumable ou equipment")
            if not row["name_fr"].strip() or not row["base_unit"].strip():
                raise DomainError(f"{where} : name_fr et base_unit sont obligatoires")
            products.append(
                Product(
                    code=code,
                    name=row["name_fr"].strip(),
                    name_en=row["name_en"].strip(),
                    category=category,
                    base_unit=row["base_unit"].strip(),
                    pack_unit=row["pack_unit"].strip(),
                    pack_size=pack_size,
                    unicef_code=row["unicef_code"].strip(),
                    msf_code=row["msf_code"].strip(),
                    national_code=row["national_code"].strip(),
                    gtin=row["gtin"].strip(),
                    has_lots=_flag(row["has_lots"], f"{where}, colonne has_lots"),
                    has_expiry=_flag(row["has_expiry"], f"{where}, colonne has_expiry"),
                    is_equipment=kind == "equipment",
                )
            )
        except DomainError as exc:
            problems.append(str(exc))
    if problems:
        raise DomainError("Catalogue invalide :\n" + "\n".join(problems))
    return products


def load_catalogue(path: Path) -> list[Product]:
    with path.open(encoding="utf-8", newline="") as handle:
        return parse_catalogue(csv.DictReader(handle), path.name)


def unit_label(unit: str, quantity: float) -> str:
    """French plural of a unit name: 1 sachet, 2 sachets, 1,5 carton, 10,4 cartons."""
    if abs(quantity) < 2 or not unit or unit[-1] in "sxz":
        return unit
    return unit + "s"
