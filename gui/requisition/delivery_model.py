"""Models of the "Livraisons reçues" tab: the delivery notes waiting for the facility, the lines
of one note with the quantity received and the reason of a difference (editable), and the
notes already received with their discrepancies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QObject,
    Qt,
    Signal,
)

from core.delivery import DeliveryLine, DeliveryNote
from gui.requisition.common import (
    CHANGED_COLOUR,
    EntryTableModel,
    QuantityInputError,
    RowsModel,
    entry_colour,
    parse_quantity,
    period_text,
)
from gui.stock.model import format_date, unit_text
from gui.table_model import Index

if TYPE_CHECKING:
    from core.district import StoredNote


translate = QCoreApplication.translate

MAX_REASON = 500  # characters, as core.district.MAX_NOTE
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def parse_received(text: str) -> int | None:
    """A received quantity as typed, in base units (see parse_quantity); blank means "back to
    the shipped quantity" (None)."""
    return parse_quantity(
        text,
        negative=translate(
            "DeliveryLinesModel",
            "La quantité reçue ne peut pas être négative : tapez 0 si rien n'est arrivé.",
        ),
        decimal=translate(
            "DeliveryLinesModel",
            "Tapez un nombre entier d'unités de base, sans point ni virgule (ex. 1200).",
        ),
        other=translate(
            "DeliveryLinesModel",
            "Tapez un nombre entier d'unités de base (ex. 1200), ou rien pour revenir à la "
            "quantité expédiée.",
        ),
    )


def quantity_text(quantity: int, unit: str, locale: QLocale | None = None) -> str:
    """ "1 200 sachets"."""
    return f"{(locale or QLocale()).toString(quantity)} {unit_text(unit, quantity)}"


def packs_text(line: DeliveryLine, quantity: int, locale: QLocale | None = None) -> str:
    """The quantity as a packer counts it: "8 cartons", "2 cartons + 30 sachets"; in units
    when the product has no pack of several units or less than one pack is counted."""
    locale = locale or QLocale()
    if line.pack_size <= 1 or quantity < line.pack_size:
        return quantity_text(quantity, line.base_unit, locale)
    packs, loose = divmod(quantity, line.pack_size)
    text = f"{locale.toString(packs)} {unit_text(line.pack_unit or 'cond.', packs)}"
    if loose:
        text += f" + {quantity_text(loose, line.base_unit, locale)}"
    return text


def lot_text(line: DeliveryLine) -> str:
    return line.lot or "–"


def line_label(number: int, line: DeliveryLine) -> str:
    """ "Ligne 2 (RUTF, lot LATE)"."""
    return translate("DeliveryLinesModel", "Ligne {0} ({1}, lot {2})").format(
        number, line.product_code, lot_text(line)
    )


def note_origin(note: DeliveryNote) -> str:
    return f"{note.from_name} ({note.from_code})" if note.from_name else note.from_code


# --- the lines of one note ---------------------------------------------------------------------

(NUMBER, PRODUCT, LOT, EXPIRY, SHIPPED, SHIPPED_PACKS, RECEIVED, REASON) = range(8)
EDITABLE = (RECEIVED, REASON)

LINE_HEADERS = (
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "N°"),
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "Produit"),
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "Lot"),
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "Péremption"),
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "Quantité\nexpédiée"),
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "Soit"),
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "Quantité\nreçue ✎"),
    QT_TRANSLATE_NOOP("DeliveryLinesModel", "Raison de l'écart ✎"),
)

LINE_TOOLTIPS = {
    SHIPPED: QT_TRANSLATE_NOOP(
        "DeliveryLinesModel", "Quantité envoyée par le dépôt pour ce lot, en unités de base"
    ),
    SHIPPED_PACKS: QT_TRANSLATE_NOOP(
        "DeliveryLinesModel", "La quantité expédiée en conditionnements, comme on la compte"
    ),
    RECEIVED: QT_TRANSLATE_NOOP(
        "DeliveryLinesModel",
        "Ce qui est réellement arrivé, en unités de base (0 si rien) : comptez les cartons "
        "et les unités avant de confirmer",
    ),
    REASON: QT_TRANSLATE_NOOP(
        "DeliveryLinesModel",
        "Obligatoire quand la quantité reçue diffère de la quantité expédiée : cassé, "
        "manquant, périmé…",
    ),
}


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What the user confirms for one line: the quantity received and, when it differs
    from the quantity shipped, why."""

    received: int
    reason: str = ""


class DeliveryLinesModel(EntryTableModel):
    """The lines of one delivery note. The received quantity starts at the quantity shipped;
    the user's changes live in `confirmations` (line n° → Confirmation), which the owner
    keeps per note until the receipt is confirmed."""

    CONTEXT = "DeliveryLinesModel"
    HEADERS = LINE_HEADERS
    TOOLTIPS = LINE_TOOLTIPS
    ENTRY_COLUMNS = EDITABLE

    #: a line was changed: (line n°, what to tell the user, "" when the line is complete)
    edited = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._note: DeliveryNote | None = None
        self._confirmations: dict[int, Confirmation] = {}
        self._locale = QLocale()

    def set_note(
        self, note: DeliveryNote | None, confirmations: dict[int, Confirmation] | None = None
    ) -> None:
        self.beginResetModel()
        self._note = note
        self._confirmations = confirmations if confirmations is not None else {}
        self._locale = QLocale()
        self.endResetModel()

    @property
    def note(self) -> DeliveryNote | None:
        return self._note

    def row_count(self) -> int:
        return len(self._note.lines) if self._note else 0

    def line(self, row: int) -> DeliveryLine:
        assert self._note is not None
        return self._note.lines[row]

    def confirmation(self, row: int) -> Confirmation:
        """What the line says now: the user's change, else the quantity shipped."""
        default = Confirmation(self.line(row).quantity)
        return self._confirmations.get(row + 1, default)

    def received(self) -> dict[int, tuple[int, str]]:
        """Every line (1-based) → (quantity received, reason), as receive_delivery takes it."""
        return {
            row + 1: (self.confirmation(row).received, self.confirmation(row).reason)
            for row in range(self.row_count())
        }

    def problem(self, row: int) -> str:
        """Why the line cannot be confirmed yet, "" when it can."""
        line = self.line(row)
        confirmation = self.confirmation(row)
        if confirmation.received != line.quantity and not confirmation.reason.strip():
            return translate(
                "DeliveryLinesModel",
                "{0} : {1} reçu(s) pour {2} expédié(s) : indiquez la raison de l'écart.",
            ).format(
                line_label(row + 1, line),
                self._locale.toString(confirmation.received),
                self._locale.toString(line.quantity),
            )
        return ""

    def problem_rows(self) -> list[int]:
        return [row for row in range(self.row_count()) if self.problem(row)]

    def differences(self) -> list[int]:
        """Rows received differently from what was shipped."""
        return [
            row
            for row in range(self.row_count())
            if self.confirmation(row).received != self.line(row).quantity
        ]

    # --- Qt model -------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.row_count():
            return None
        row, column = index.row(), index.column()
        line = self.line(row)
        confirmation = self.confirmation(row)
        problem = self.problem(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, line, confirmation, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == RECEIVED:
                return self._locale.toString(confirmation.received)
            if column == REASON:
                return confirmation.reason
            return self._display(row, line, confirmation, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem and column in (RECEIVED, REASON):
                return (
                    problem
                    + "\n"
                    + translate(
                        "DeliveryLinesModel",
                        "Écrivez la raison (double-clic ou F2), ou effacez la quantité reçue pour "
                        "revenir à la quantité expédiée.",
                    )
                )
            if column == PRODUCT:
                return f"{line.product_code} – {line.product_name}"
            if column == REASON:
                return confirmation.reason or None
            if column == RECEIVED:
                return translate(
                    "DeliveryLinesModel", "Double-clic ou F2 pour changer la quantité reçue, en {0}"
                ).format(unit_text(line.base_unit, 2))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            NUMBER,
            SHIPPED,
            RECEIVED,
        ):
            return RIGHT
        changed = column == RECEIVED and confirmation.received != line.quantity
        return entry_colour(role, column in EDITABLE, bool(problem), changed)

    def _display(
        self, row: int, line: DeliveryLine, confirmation: Confirmation, column: int
    ) -> str | None:
        locale = self._locale
        if column == NUMBER:
            return str(row + 1)
        if column == PRODUCT:
            return f"{line.product_code} – {line.product_name}"
        if column == LOT:
            return lot_text(line)
        if column == EXPIRY:
            return format_date(line.expiry, locale) or "–"
        if column == SHIPPED:
            return quantity_text(line.quantity, line.base_unit, locale)
        if column == SHIPPED_PACKS:
            return packs_text(line, line.quantity, locale)
        if column == RECEIVED:
            return quantity_text(confirmation.received, line.base_unit, locale)
        if column == REASON:
            if not confirmation.reason and self.problem(row):
                return translate("DeliveryLinesModel", "⚠ à indiquer")
            return confirmation.reason
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.takes_edit(index, role):
            return False
        row, column = index.row(), index.column()
        line = self.line(row)
        current = self.confirmation(row)
        text = "" if value is None else str(value)
        if column == RECEIVED:
            try:
                typed = parse_received(text)
            except QuantityInputError as exc:
                self.refused.emit(
                    translate("DeliveryLinesModel", "{0} – quantité reçue : {1}").format(
                        line_label(row + 1, line), exc
                    )
                )
                return False
            changed = Confirmation(line.quantity if typed is None else typed, current.reason)
        else:
            reason = " ".join(text.split())
            if len(reason) > MAX_REASON:
                self.refused.emit(
                    translate("DeliveryLinesModel", "{0} : {1} caractères au plus.").format(
                        line_label(row + 1, line), MAX_REASON
                    )
                )
                return False
            changed = Confirmation(current.received, reason)
        self._confirmations[row + 1] = changed
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(LINE_HEADERS) - 1))
        self.edited.emit(row + 1, self.problem(row))
        return True


# --- lists of notes --------------------------------------------------------------------------


def received_on(stored: StoredNote) -> date | None:
    return max((r.received_on for r in stored.received if r.received_on), default=None)


def discrepancy_lines(stored: StoredNote, locale: QLocale | None = None) -> list[str]:
    """ "Ligne 2 (RUTF, lot LATE) : 750 expédiés, 735 reçus — Un carton ouvert"."""
    locale = locale or QLocale()
    lines = stored.note.lines
    return [
        translate("ReceivedNotesModel", "{0} : {1} expédié(s), {2} reçu(s) — {3}").format(
            line_label(number, lines[number - 1]),
            locale.toString(shipped),
            locale.toString(received),
            reason,
        )
        for number, shipped, received, reason in stored.discrepancies
    ]


(P_NUMBER, P_FROM, P_PERIOD, P_ISSUED, P_LINES) = range(5)


class PendingNotesModel(RowsModel["StoredNote"]):
    """The delivery notes for the facility not received yet, in the order they came."""

    CONTEXT = "PendingNotesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("PendingNotesModel", "Bon de livraison"),
        QT_TRANSLATE_NOOP("PendingNotesModel", "Du dépôt"),
        QT_TRANSLATE_NOOP("PendingNotesModel", "Réquisition"),
        QT_TRANSLATE_NOOP("PendingNotesModel", "Expédié le"),
        QT_TRANSLATE_NOOP("PendingNotesModel", "Lignes"),
    )

    def row_of(self, record_uuid: str) -> int:
        return self.find(lambda s: s.note.record_uuid == record_uuid)

    def item_data(self, stored: StoredNote, column: int, role: int) -> Any:
        note = stored.note
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(note, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == P_LINES:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == P_NUMBER:
            return note.number
        return None

    def _display(self, note: DeliveryNote, column: int) -> str:
        if column == P_NUMBER:
            return note.number
        if column == P_FROM:
            return note_origin(note)
        if column == P_PERIOD:
            return requisition_text(note)
        if column == P_ISSUED:
            return format_date(note.issued_on)
        if column == P_LINES:
            return QLocale().toString(len(note.lines))
        return ""


def requisition_text(note: DeliveryNote) -> str:
    """ "octobre 2026, n° 3"."""
    text = period_text(note.period)
    if note.requisition_sequence is not None:
        text += translate("PendingNotesModel", ", n° {0}").format(note.requisition_sequence)
    return text


(R_NUMBER, R_FROM, R_PERIOD, R_RECEIVED_ON, R_LINES, R_DISCREPANCIES) = range(6)


class ReceivedNotesModel(RowsModel["StoredNote"]):
    """The notes the facility received, the latest first, with their discrepancies."""

    CONTEXT = "ReceivedNotesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ReceivedNotesModel", "Bon de livraison"),
        QT_TRANSLATE_NOOP("ReceivedNotesModel", "Du dépôt"),
        QT_TRANSLATE_NOOP("ReceivedNotesModel", "Réquisition"),
        QT_TRANSLATE_NOOP("ReceivedNotesModel", "Reçu le"),
        QT_TRANSLATE_NOOP("ReceivedNotesModel", "Lignes"),
        QT_TRANSLATE_NOOP("ReceivedNotesModel", "Écarts enregistrés"),
    )

    def set_notes(self, notes: list[StoredNote]) -> None:
        self.set_items(
            sorted(notes, key=lambda s: (received_on(s) or date.min, s.note_id or 0), reverse=True)
        )

    def item_data(self, stored: StoredNote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(stored, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == R_DISCREPANCIES:
            return "\n".join(discrepancy_lines(stored)) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == R_LINES:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ForegroundRole and column == R_DISCREPANCIES:
            return CHANGED_COLOUR if stored.discrepancies else None
        return None

    def _display(self, stored: StoredNote, column: int) -> str:
        note = stored.note
        if column == R_NUMBER:
            return note.number
        if column == R_FROM:
            return note_origin(note)
        if column == R_PERIOD:
            return requisition_text(note)
        if column == R_RECEIVED_ON:
            return format_date(received_on(stored))
        if column == R_LINES:
            return QLocale().toString(len(note.lines))
        if column == R_DISCREPANCIES:
            return "\n".join(discrepancy_lines(stored)) or translate(
                "ReceivedNotesModel", "aucun : tout est arrivé comme expédié"
            )
        return ""
