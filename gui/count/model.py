"""Table model and editor of the physical count: expected, counted and difference per lot."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QValidator
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from core.catalogue import Product
from core.ledger import is_expired
from core.services import CountSheetLine
from gui.stock.model import format_quantity, unit_text
from gui.stock_card.model import format_date
from gui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

NUMBER, PRODUCT, LOT, EXPIRY, EXPECTED, COUNTED, DIFFERENCE = range(7)

HEADERS = (
    QT_TRANSLATE_NOOP("CountModel", "N°"),
    QT_TRANSLATE_NOOP("CountModel", "Produit"),
    QT_TRANSLATE_NOOP("CountModel", "Lot"),
    QT_TRANSLATE_NOOP("CountModel", "Péremption"),
    QT_TRANSLATE_NOOP("CountModel", "Stock théorique"),
    QT_TRANSLATE_NOOP("CountModel", "Compté ✎"),
    QT_TRANSLATE_NOOP("CountModel", "Écart"),
)
TOOLTIPS = {
    EXPECTED: QT_TRANSLATE_NOOP(
        "CountModel", "Ce que le registre attend à la date de l'inventaire"
    ),
    COUNTED: QT_TRANSLATE_NOOP(
        "CountModel",
        "Quantité trouvée sur l'étagère, en unités de base. Vide : ligne non comptée, "
        "elle ne sera pas modifiée.",
    ),
    DIFFERENCE: QT_TRANSLATE_NOOP("CountModel", "Compté − théorique : + surplus, − manquant"),
}

MAX_COUNT = 999_999_999
ENTRY_BACKGROUND = QColor("#fffbe6")
MISSING_COLOUR = QColor("#b00020")
SURPLUS_COLOUR = QColor("#1f5f99")
MATCH_COLOUR = QColor("#2a7a3a")
MINUS = "\u2212"
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CountModel", text)


class CountInputError(ValueError):
    """What a user typed in the counted column is not a count; the message says why."""


def parse_count(text: str) -> int | None:
    """A counted quantity as typed: blank is "not counted", else a whole number, zero or more.
    Spaces are thousands separators ("1 561")."""
    stripped = _SPACES.sub("", text or "")
    if not stripped:
        return None
    if stripped.isdigit():
        value = int(stripped)
        if value > MAX_COUNT:
            raise CountInputError(
                QCoreApplication.translate(
                    "CountModel", "Quantité comptée trop grande : vérifiez le nombre."
                )
            )
        return value
    if stripped.startswith(("-", MINUS)) and stripped[1:].isdigit():
        raise CountInputError(
            QCoreApplication.translate(
                "CountModel",
                "La quantité comptée ne peut pas être négative : tapez 0 si le lot manque.",
            )
        )
    if re.fullmatch(r"[0-9]+[.,][0-9]*", stripped):
        raise CountInputError(
            QCoreApplication.translate(
                "CountModel",
                "Quantité comptée : un nombre entier d'unités de base, sans virgule (ex. 150).",
            )
        )
    raise CountInputError(
        QCoreApplication.translate(
            "CountModel",
            "Quantité comptée : « {0} » n'est pas un nombre. Tapez des chiffres (ex. 150).",
        ).format(text.strip())
    )


def signed(value: int, locale: QLocale | None = None) -> str:
    """+25 or −25 (a true minus sign), with French digit grouping."""
    locale = locale or QLocale()
    if value > 0:
        return "+" + locale.toString(value)
    if value < 0:
        return MINUS + locale.toString(-value)
    return "0"


def difference_text(product: Product, difference: int, locale: QLocale | None = None) -> str:
    """ "▼ −25 sachets", "▲ +10 sachets", "✔ 0": readable without colour."""
    if difference == 0:
        return QCoreApplication.translate("CountModel", "✔ 0 (aucun écart)")
    arrow = "▲" if difference > 0 else "▼"
    return f"{arrow} {signed(difference, locale)} {unit_text(product.base_unit, difference)}"


@dataclass(frozen=True, slots=True)
class CountRow:
    """A line of the count: a lot of the sheet, or one the user found on the shelf."""

    product: Product
    lot: str
    expiry: date | None
    expected: int
    counted: int | None = None
    found: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.product.code, self.lot)

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected

    @classmethod
    def from_sheet(cls, line: CountSheetLine) -> CountRow:
        return cls(line.product, line.lot, line.expiry, line.expected)


class CountModel(TableModel):
    """Rows in the order of the printed sheet; lots found on the shelf come last."""

    CONTEXT = "CountModel"
    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    #: a count typed or pasted was refused; the message names the line
    refused = Signal(str)
    #: a counted quantity was entered, changed or cleared
    counts_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CountRow] = []
        self.on: date | None = None

    def set_rows(self, rows: list[CountRow], on: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.on = on
        self.endResetModel()
        self.counts_changed.emit()

    def rows(self) -> list[CountRow]:
        return list(self._rows)

    def row(self, row: int) -> CountRow:
        return self._rows[row]

    def counted_rows(self) -> list[CountRow]:
        return [r for r in self._rows if r.counted is not None]

    def add_row(self, row: CountRow) -> int:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()
        self.counts_changed.emit()
        return position

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.counts_changed.emit()

    def find(self, product_code: str, lot: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.key == (product_code, lot):
                return number
        return None

    def describe(self, row: int) -> str:
        """ "Ligne 3 (RUTF, lot A12)", to name the line in a message."""
        line = self._rows[row]
        if line.lot:
            return QCoreApplication.translate("CountModel", "Ligne {0} ({1}, lot {2})").format(
                row + 1, line.product.code, line.lot
            )
        return QCoreApplication.translate("CountModel", "Ligne {0} ({1})").format(
            row + 1, line.product.code
        )

    # --- Qt model ---------------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COUNTED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), line, column)
        if role == Qt.ItemDataRole.EditRole and column == COUNTED:
            return "" if line.counted is None else str(line.counted)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PRODUCT:
                return line.product.name
            if column == COUNTED:
                return _tr(TOOLTIPS[COUNTED])
            if column == LOT and line.found:
                return QCoreApplication.translate(
                    "CountModel", "Lot trouvé sur l'étagère, inconnu du registre à cette date"
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            NUMBER,
            EXPECTED,
            COUNTED,
            DIFFERENCE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == COUNTED:
            return ENTRY_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COUNTED:
                return QColor("#000000")
            if column == DIFFERENCE and line.difference is not None:
                if line.difference < 0:
                    return MISSING_COLOUR
                return SURPLUS_COLOUR if line.difference > 0 else MATCH_COLOUR
            if column == EXPIRY and self._expired(line):
                return MISSING_COLOUR
        return None

    def _expired(self, line: CountRow) -> bool:
        return self.on is not None and is_expired(line.expiry, self.on)

    def _display(self, number: int, line: CountRow, column: int) -> str | None:
        locale = QLocale()
        product = line.product
        if column == NUMBER:
            return str(number + 1)
        if column == PRODUCT:
            text = f"{product.code} – {product.name}"
            return text
        if column == LOT:
            if not product.has_lots:
                return QCoreApplication.translate("CountModel", "(sans lot)")
            return (
                QCoreApplication.translate("CountModel", "{0} (trouvé)").format(line.lot)
                if line.found
                else line.lot
            )
        if column == EXPIRY:
            text = format_date(line.expiry, locale)
            return (
                QCoreApplication.translate("CountModel", "{0} (périmé)").format(text)
                if self._expired(line)
                else text
            )
        if column == EXPECTED:
            return format_quantity(product, line.expected, locale)
        if column == COUNTED:
            return "" if line.counted is None else locale.toString(line.counted)
        if column == DIFFERENCE:
            difference = line.difference
            return "" if difference is None else difference_text(product, difference, locale)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != COUNTED
            or not (0 <= index.row() < len(self._rows))
        ):
            return False
        try:
            counted = value if isinstance(value, int) else parse_count(str(value or ""))
            if isinstance(counted, int) and counted < 0:
                raise CountInputError(
                    QCoreApplication.translate(
                        "CountModel", "La quantité comptée ne peut pas être négative."
                    )
                )
        except CountInputError as exc:
            where = self.describe(index.row())
            self.refused.emit(
                QCoreApplication.translate("CountModel", "{0} : {1}").format(where, exc)
            )
            return False
        row = index.row()
        if self._rows[row].counted != counted:
            self._rows[row] = replace(self._rows[row], counted=counted)
            self.dataChanged.emit(self.index(row, COUNTED), self.index(row, DIFFERENCE))
            self.counts_changed.emit()
        return True


class CountValidator(QValidator):
    """Checks a count as it is typed. What is not a count stays visible but cannot be entered
    (Enter does nothing, leaving the cell is refused), and `problem` says why; "" when fine."""

    problem = Signal(str)

    def validate(self, text: str, pos: int) -> object:
        try:
            parse_count(text)
        except CountInputError as exc:
            self.problem.emit(str(exc))
            return QValidator.State.Intermediate, text, pos
        self.problem.emit("")
        return QValidator.State.Acceptable, text, pos


class CountDelegate(QStyledItemDelegate):
    """The editor of the counted column: a line edit that takes whole numbers only."""

    #: what is typed is not a count: the message names the line and says what to type;
    #: "" once it is a count again
    refused = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        validator = CountValidator(editor)
        label = self._describe(index)
        validator.problem.connect(
            lambda message: self.refused.emit(
                QCoreApplication.translate("CountModel", "{0} : {1}").format(label, message)
                if message
                else ""
            )
        )
        editor.setValidator(validator)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setPlaceholderText(QCoreApplication.translate("CountModel", "non compté"))
        # Each valid keystroke reaches the model, so the differences, the summary and the
        # Validate button follow what is typed before the cell is even left.
        editor.textChanged.connect(
            lambda _text: self.commitData.emit(editor) if editor.hasAcceptableInput() else None
        )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        try:
            unchanged = parse_count(editor.text()) == parse_count(value)
        except CountInputError:
            unchanged = False
        if unchanged:
            return  # the model took what is being typed: leave the text and the cursor alone
        # No textChanged here: the view has not registered the editor yet.
        editor.blockSignals(True)
        editor.setText(value)
        editor.blockSignals(False)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    @staticmethod
    def _describe(index: Index) -> str:
        model = index.model()
        source = QModelIndex(index)
        while isinstance(model, QAbstractProxyModel):
            source = model.mapToSource(source)
            model = model.sourceModel()
        if isinstance(model, CountModel):
            return model.describe(source.row())
        return QCoreApplication.translate("CountModel", "Ligne {0}").format(index.row() + 1)
