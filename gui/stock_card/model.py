"""Table model of the fiche de stock: one product's movements with running balances."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from core.catalogue import Product
from core.ledger import MovementKind, StockCardLine
from gui.labels import kind_label, reason_label
from gui.stock.model import format_date, unit_text
from gui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

DATE, KIND, LOT, EXPIRY, ENTRY, EXIT, LOT_BALANCE, BALANCE, DETAILS, USER = range(10)

HEADERS = (
    QT_TRANSLATE_NOOP("StockCardModel", "Date"),
    QT_TRANSLATE_NOOP("StockCardModel", "Mouvement"),
    QT_TRANSLATE_NOOP("StockCardModel", "Lot"),
    QT_TRANSLATE_NOOP("StockCardModel", "Péremption"),
    QT_TRANSLATE_NOOP("StockCardModel", "Entrée"),
    QT_TRANSLATE_NOOP("StockCardModel", "Sortie"),
    QT_TRANSLATE_NOOP("StockCardModel", "Solde du lot"),
    QT_TRANSLATE_NOOP("StockCardModel", "Solde"),
    QT_TRANSLATE_NOOP("StockCardModel", "Détails"),
    QT_TRANSLATE_NOOP("StockCardModel", "Saisi par"),
)

TOOLTIPS = {
    ENTRY: QT_TRANSLATE_NOOP("StockCardModel", "Quantité entrée, en {unit}"),
    EXIT: QT_TRANSLATE_NOOP("StockCardModel", "Quantité sortie, en {unit}"),
    LOT_BALANCE: QT_TRANSLATE_NOOP("StockCardModel", "Stock de ce lot après le mouvement"),
    BALANCE: QT_TRANSLATE_NOOP("StockCardModel", "Stock du produit (tous lots) après le mouvement"),
    DETAILS: QT_TRANSLATE_NOOP(
        "StockCardModel", "Motif, établissement d'origine ou de destination, référence, note"
    ),
}

# Kinds and reasons in French are core's labels, listed here again so that they are translated.
REVERSED_COLOUR = QColor("#808080")
STOCKOUT_BACKGROUND = QColor("#f6c6c6")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StockCardModel", text)


class StockCardModel(TableModel):
    """Ledger order (date, then entry order), oldest first, as on the paper card."""

    CONTEXT = "StockCardModel"
    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[StockCardLine] = []
        self._reversed: frozenset[str] = frozenset()
        self._unit = ""
        self._locale = QLocale()

    def set_lines(
        self, lines: list[StockCardLine], product: Product | None, reversed_: frozenset[str]
    ) -> None:
        """`reversed_`: uuids of the movements a later entry cancelled."""
        self.beginResetModel()
        self._lines = list(lines)
        self._reversed = reversed_
        self._unit = unit_text(product.base_unit, 2) if product else ""
        self._locale = QLocale()
        self.endResetModel()

    def line(self, row: int) -> StockCardLine:
        return self._lines[row]

    def row_count(self) -> int:
        return len(self._lines)

    def header_tooltip(self, section: int) -> str | None:
        text = super().header_tooltip(section)
        return text.replace("{unit}", self._unit) if text else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (KIND, DETAILS):
            return self._details(line) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and ENTRY <= column <= BALANCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.movement.uuid in self._reversed or line.movement.reverses:
                return REVERSED_COLOUR
            if column == BALANCE and line.balance <= 0:
                return QColor("#000000")
        if role == Qt.ItemDataRole.BackgroundRole and column == BALANCE and line.balance <= 0:
            return STOCKOUT_BACKGROUND
        return None

    def _display(self, line: StockCardLine, column: int) -> str | None:
        movement = line.movement
        locale = self._locale
        if column == DATE:
            return format_date(movement.occurred_on, locale)
        if column == KIND:
            text = kind_label(movement.kind)
            if movement.reverses:
                return QCoreApplication.translate("StockCardModel", "↺ Annulation : {0}").format(
                    text
                )
            if movement.uuid in self._reversed:
                return QCoreApplication.translate("StockCardModel", "{0} (annulée)").format(text)
            return text
        if column == LOT:
            return movement.lot
        if column == EXPIRY:
            return format_date(movement.expiry, locale)
        if column == ENTRY:
            return locale.toString(movement.quantity) if movement.quantity > 0 else ""
        if column == EXIT:
            return locale.toString(-movement.quantity) if movement.quantity < 0 else ""
        if column == LOT_BALANCE:
            return locale.toString(line.lot_balance)
        if column == BALANCE:
            if line.balance <= 0:
                return QCoreApplication.translate("StockCardModel", "✖ {0} (rupture)").format(
                    locale.toString(line.balance)
                )
            return locale.toString(line.balance)
        if column == DETAILS:
            return self._details(line)
        if column == USER:
            return movement.entered_by
        return None

    def _details(self, line: StockCardLine) -> str:
        movement = line.movement
        parts = []
        if movement.kind is MovementKind.COUNT and movement.counted is not None:
            counted = QCoreApplication.translate("StockCardModel", "Compté : {0}").format(
                self._locale.toString(movement.counted)
            )
            if movement.quantity == 0:
                counted += QCoreApplication.translate("StockCardModel", " (aucun écart)")
            parts.append(counted)
        if movement.reason is not None and movement.kind not in (
            MovementKind.TRANSFER_IN,
            MovementKind.TRANSFER_OUT,
        ):
            parts.append(reason_label(movement.reason))
        if movement.counterpart:
            direction = (
                QCoreApplication.translate("StockCardModel", "de {0}")
                if movement.kind is MovementKind.RECEIPT or movement.quantity > 0
                else QCoreApplication.translate("StockCardModel", "vers {0}")
            )
            parts.append(direction.format(movement.counterpart))
        if movement.reference:
            parts.append(
                QCoreApplication.translate("StockCardModel", "réf. {0}").format(movement.reference)
            )
        if movement.note:
            parts.append(movement.note)
        return " · ".join(parts)
