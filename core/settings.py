"""Settings that change results (stock policy, horizons), stored as data and resolved by scope."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from decimal import Decimal, InvalidOperation

from core.catalogue import Product
from core.consumption import StockPolicy
from core.errors import DomainError
from core.facilities import Facility

# Each policy field, its French label and the smallest value it accepts.
POLICY_FIELDS: dict[str, tuple[str, Decimal]] = {
    "max_months": ("Stock maximum (mois)", Decimal("0.1")),
    "min_months": ("Stock minimum (mois)", Decimal(0)),
    "eop_months": ("Point de commande d'urgence (mois)", Decimal(0)),
    "amc_periods": ("Nombre de mois pour la CMM", Decimal(1)),
    "expiry_warning_months": ("Alerte de péremption (mois)", Decimal(0)),
    "lead_time_months": ("Délai de livraison (mois)", Decimal(0)),
}

_INTEGER_FIELDS = {"amc_periods", "expiry_warning_months"}

GLOBAL = ""


def product_scope(code: str) -> str:
    return f"product:{code}"


def category_scope(category: str) -> str:
    return f"category:{category}"


def facility_type_scope(type_code: str) -> str:
    return f"facility_type:{type_code}"


def parse_policy_value(key: str, text: str) -> Decimal | int:
    """A policy value typed by a user ("1,5" or "1.5" months) checked against its field."""
    if key not in POLICY_FIELDS:
        raise DomainError(f"Paramètre inconnu « {key} ».")
    label, minimum = POLICY_FIELDS[key]
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise DomainError(f"{label} : « {text} » n'est pas un nombre.") from None
    if not value.is_finite() or value < minimum:
        raise DomainError(f"{label} : la valeur doit être au moins {minimum}.")
    if key in _INTEGER_FIELDS:
        if value != value.to_integral_value():
            raise DomainError(f"{label} : un nombre entier est attendu.")
        return int(value)
    return value


def _fr(value: Decimal) -> str:
    """A number as a French reader writes it: 2,5 rather than 2.5."""
    return format(value.normalize(), "f").replace(".", ",")


def resolve_policy(
    settings: Mapping[tuple[str, str], str], product: Product, facility: Facility | None
) -> StockPolicy:
    """Most specific first: product, then category, then facility type, then global."""
    scopes = [product_scope(product.code), category_scope(product.category.value)]
    if facility is not None:
        scopes.append(facility_type_scope(facility.type.value))
    scopes.append(GLOBAL)
    values: dict[str, Decimal | int] = {}
    for f in fields(StockPolicy):
        for scope in scopes:
            text = settings.get((scope, f.name))
            if text is not None:
                values[f.name] = parse_policy_value(f.name, text)
                break
    policy = StockPolicy(**values)  # type: ignore[arg-type]
    if policy.min_months > policy.max_months:
        raise DomainError(
            f"Politique de stock de {product.code} : le minimum ({_fr(policy.min_months)} mois) "
            f"dépasse le maximum ({_fr(policy.max_months)} mois)."
        )
    return policy
