"""French labels that come from core (movement kinds and reasons, product categories, facility
types, stock policy settings), marked for translation, and date/number text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from core.catalogue import CATEGORY_LABELS_FR, Category, Product
from core.facilities import FacilityType
from core.ledger import KIND_LABELS_FR, REASON_LABELS_FR, MovementKind, Reason
from core.settings import POLICY_FIELDS
from gui.stock.model import format_quantity

# The core keeps the French labels; these copies only let pyside6-lupdate find them. A test
# checks that they stay equal to core's.
KIND_TEXTS = {
    MovementKind.RECEIPT: QT_TRANSLATE_NOOP("Ledger", "Réception"),
    MovementKind.ISSUE: QT_TRANSLATE_NOOP("Ledger", "Dispensation"),
    MovementKind.TRANSFER_IN: QT_TRANSLATE_NOOP("Ledger", "Transfert reçu"),
    MovementKind.TRANSFER_OUT: QT_TRANSLATE_NOOP("Ledger", "Transfert cédé"),
    MovementKind.LOSS: QT_TRANSLATE_NOOP("Ledger", "Perte"),
    MovementKind.ADJUSTMENT: QT_TRANSLATE_NOOP("Ledger", "Ajustement"),
    MovementKind.COUNT: QT_TRANSLATE_NOOP("Ledger", "Inventaire"),
}

REASON_TEXTS = {
    Reason.TRANSFER_IN: QT_TRANSLATE_NOOP("Ledger", "Transfert reçu"),
    Reason.TRANSFER_OUT: QT_TRANSLATE_NOOP("Ledger", "Transfert cédé"),
    Reason.RETURN: QT_TRANSLATE_NOOP("Ledger", "Retour"),
    Reason.DAMAGED: QT_TRANSLATE_NOOP("Ledger", "Avarié"),
    Reason.EXPIRED: QT_TRANSLATE_NOOP("Ledger", "Périmé"),
    Reason.STOLEN: QT_TRANSLATE_NOOP("Ledger", "Volé"),
    Reason.LOST: QT_TRANSLATE_NOOP("Ledger", "Perdu"),
    Reason.COLD_CHAIN: QT_TRANSLATE_NOOP("Ledger", "Rupture de la chaîne du froid"),
    Reason.COUNT_CORRECTION: QT_TRANSLATE_NOOP("Ledger", "Correction d'inventaire"),
    Reason.REVERSAL: QT_TRANSLATE_NOOP("Ledger", "Annulation d'une saisie"),
}

CATEGORY_TEXTS = {
    Category.NUTRITION: QT_TRANSLATE_NOOP("Category", "Nutrition"),
    Category.MEDICINES: QT_TRANSLATE_NOOP("Category", "Médicaments"),
    Category.MHGAP: QT_TRANSLATE_NOOP("Category", "Santé mentale (mhGAP)"),
    Category.KITS: QT_TRANSLATE_NOOP("Category", "Kits"),
    Category.EQUIPMENT: QT_TRANSLATE_NOOP("Category", "Équipement"),
}

FACILITY_TYPE_TEXTS = {
    FacilityType.CSCOM: QT_TRANSLATE_NOOP("FacilityType", "CSCom (centre de santé communautaire)"),
    FacilityType.CSREF: QT_TRANSLATE_NOOP("FacilityType", "CSRéf (centre de santé de référence)"),
    FacilityType.REGIONAL_HOSPITAL: QT_TRANSLATE_NOOP("FacilityType", "EPH (hôpital régional)"),
    FacilityType.NATIONAL_HOSPITAL: QT_TRANSLATE_NOOP("FacilityType", "Hôpital national"),
    FacilityType.MOBILE_CLINIC: QT_TRANSLATE_NOOP("FacilityType", "Clinique mobile"),
    FacilityType.WAREHOUSE: QT_TRANSLATE_NOOP("FacilityType", "Entrepôt"),
}

#: the first item of each core.settings.POLICY_FIELDS entry
POLICY_FIELD_TEXTS = {
    "max_months": QT_TRANSLATE_NOOP("PolicyField", "Stock maximum (mois)"),
    "min_months": QT_TRANSLATE_NOOP("PolicyField", "Stock minimum (mois)"),
    "eop_months": QT_TRANSLATE_NOOP("PolicyField", "Point de commande d'urgence (mois)"),
    "amc_periods": QT_TRANSLATE_NOOP("PolicyField", "Nombre de mois pour la CMM"),
    "expiry_warning_months": QT_TRANSLATE_NOOP("PolicyField", "Alerte de péremption (mois)"),
    "lead_time_months": QT_TRANSLATE_NOOP("PolicyField", "Délai de livraison (mois)"),
}


def kind_label(kind: MovementKind) -> str:
    return QCoreApplication.translate("Ledger", KIND_LABELS_FR[kind])


def reason_label(reason: Reason) -> str:
    return QCoreApplication.translate("Ledger", REASON_LABELS_FR[reason])


def category_label(category: Category) -> str:
    return QCoreApplication.translate("Category", CATEGORY_LABELS_FR[category])


def facility_type_label(facility_type: FacilityType) -> str:
    return QCoreApplication.translate("FacilityType", facility_type.label_fr)


def policy_field_label(key: str) -> str:
    """The name of a stock policy setting ("Stock maximum (mois)")."""
    return QCoreApplication.translate("PolicyField", POLICY_FIELDS[key][0])


def number_text(value: int) -> str:
    return QLocale().toString(value)


def quantity_text(product: Product, value: int) -> str:
    """format_quantity, without the pack count below one pack ("5 sachets", not
    "5 sachets (0,0 carton)")."""
    text = format_quantity(product, value)
    return text.split(" (")[0] if abs(value) < product.pack_size else text


def signed_quantity(product: Product, value: int) -> str:
    """ "+1 500 sachets (10,0 cartons)" or "−180 sachets (1,2 carton)"; a real minus sign."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + quantity_text(product, abs(value))


def lot_text(lot: str) -> str:
    return lot or QCoreApplication.translate("Ledger", "(sans lot)")
