"""Table model of one page of a facility's movements, newest first, reversals marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from core.catalogue import Product
from core.ledger import Movement, MovementKind
from gui.labels import (
    kind_label,
    lot_text,
    number_text,
    reason_label,
    signed_quantity,
)
from gui.stock.model import format_date
from gui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

(
    COL_DATE,
    COL_KIND,
    COL_PRODUCT,
    COL_LOT,
    COL_EXPIRY,
    COL_QUANTITY,
    COL_REASON,
    COL_COUNTERPART,
    COL_REFERENCE,
    COL_USER,
    COL_STATE,
) = range(11)

HEADERS = (
    QT_TRANSLATE_NOOP("MovementsTableModel", "Date"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Type"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Produit"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Lot"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Péremption"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Quantité"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Motif"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Provenance / destination"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Référence"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "Saisi par"),
    QT_TRANSLATE_NOOP("MovementsTableModel", "État"),
)

REVERSED_COLOUR = QColor("#707070")
REVERSAL_BACKGROUND = QColor("#eef2f7")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MovementsTableModel", text)


@dataclass(frozen=True, slots=True)
class MovementRow:
    """A movement as the table shows it: its product, whether it was cancelled, and for a
    reversal the date of the entry it cancels when that entry is on the same page."""

    movement: Movement
    product: Product | None
    reversed: bool = False
    original_date: date | None = None
    reversed_on: date | None = None
    counterpart_label: str = ""

    @property
    def is_reversal(self) -> bool:
        return self.movement.reverses is not None

    @property
    def can_be_reversed(self) -> bool:
        return not self.is_reversal and not self.reversed


class MovementsTableModel(TableModel):
    CONTEXT = "MovementsTableModel"
    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MovementRow] = []

    def set_rows(self, rows: list[MovementRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> MovementRow:
        return self._rows[number]

    def row_of(self, uuid: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.movement.uuid == uuid), None)

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.reversed:
            return REVERSED_COLOUR
        if role == Qt.ItemDataRole.BackgroundRole and row.is_reversal:
            return REVERSAL_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and row.reversed and column == COL_QUANTITY:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: MovementRow, column: int) -> str | None:
        movement = row.movement
        if column == COL_DATE:
            return format_date(movement.occurred_on)
        if column == COL_KIND:
            label = kind_label(movement.kind)
            if row.is_reversal:
                return (
                    "↩ "
                    + label
                    + " "
                    + QCoreApplication.translate("MovementsTableModel", "(annulation)")
                )
            if row.reversed:
                return (
                    "✖ "
                    + label
                    + " "
                    + QCoreApplication.translate("MovementsTableModel", "annulée")
                )
            return label
        if column == COL_PRODUCT:
            if row.product is None:
                return movement.product_code
            return f"{row.product.code} – {row.product.name}"
        if column == COL_LOT:
            if row.product is not None and not row.product.has_lots:
                return ""
            return lot_text(movement.lot)
        if column == COL_EXPIRY:
            return format_date(movement.expiry)
        if column == COL_QUANTITY:
            if row.product is None:
                return f"{movement.quantity:+d}"
            return signed_quantity(row.product, movement.quantity)
        if column == COL_REASON:
            return self._reason(row)
        if column == COL_COUNTERPART:
            return row.counterpart_label or movement.counterpart
        if column == COL_REFERENCE:
            return movement.reference
        if column == COL_USER:
            return movement.entered_by
        if column == COL_STATE:
            if row.reversed:
                if row.reversed_on is not None:
                    return "✖ " + QCoreApplication.translate(
                        "MovementsTableModel", "annulée le {0}"
                    ).format(format_date(row.reversed_on))
                return "✖ " + QCoreApplication.translate("MovementsTableModel", "annulée")
            if row.is_reversal:
                if row.original_date is not None:
                    return "↩ " + QCoreApplication.translate(
                        "MovementsTableModel", "annule la saisie du {0}"
                    ).format(format_date(row.original_date))
                return "↩ " + QCoreApplication.translate(
                    "MovementsTableModel", "annule une saisie antérieure"
                )
            return ""
        return None

    def _reason(self, row: MovementRow) -> str:
        movement = row.movement
        parts = []
        if movement.reason is not None and movement.reason.value != movement.kind.value:
            parts.append(reason_label(movement.reason))
        if row.is_reversal and movement.note:
            parts[-1:] = [
                QCoreApplication.translate("MovementsTableModel", "{0} : {1}").format(
                    parts[-1], movement.note
                )
                if parts
                else movement.note
            ]
        counted = movement.counted
        if movement.kind is MovementKind.COUNT and counted is not None and not row.is_reversal:
            parts.append(
                QCoreApplication.translate("MovementsTableModel", "compté : {0}").format(
                    number_text(counted)
                )
            )
        return " · ".join(parts)

    def _tooltip(self, row: MovementRow, column: int) -> str | None:
        movement = row.movement
        if column == COL_PRODUCT and row.product is not None:
            return row.product.name
        if column == COL_STATE and row.reversed:
            return QCoreApplication.translate(
                "MovementsTableModel",
                "Cette saisie a été annulée par une écriture inverse ; elle reste visible.",
            )
        if movement.note and column in (COL_REASON, COL_STATE):
            return movement.note
        return None
