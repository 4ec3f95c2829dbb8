"""French labels of movement kinds and reasons, marked for translation, and date/number text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from core.catalogue import Product
from core.ledger import KIND_LABELS_FR, REASON_LABELS_FR, MovementKind, Reason
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


def kind_label(kind: MovementKind) -> str:
    return QCoreApplication.translate("Ledger", KIND_LABELS_FR[kind])


def reason_label(reason: Reason) -> str:
    return QCoreApplication.translate("Ledger", REASON_LABELS_FR[reason])


def date_text(day: date | None) -> str:
    """A date as the user reads it (dd/MM/yyyy in French), or "" for no date."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day), QLocale.FormatType.ShortFormat)


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
