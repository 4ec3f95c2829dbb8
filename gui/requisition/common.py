"""What the tabs of the Réquisitions screen share: the tab base and its line of feedback, labels,
buttons, tables and panels, the month selector, typed quantities with their editors and colours,
and the table models over rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from core.exchange.movements import Problem
from core.requisition import MAX_TEXT, of_period_fr, period_label_fr
from core.stock import add_months, month_start
from gui.forms.common import ERROR_STYLE, HINT_STYLE
from gui.frozen_table import FrozenColumnsTableView
from gui.screen import ScreenTab
from gui.table_model import Index, TableModel

T = TypeVar("T")

RESULT_STYLE = "color: #1b5e20;"
ENTRY_BACKGROUND = QColor("#fffbe6")  # a cell the user may type into
PROBLEM_BACKGROUND = QColor("#ffd8a8")  # what a line needs before it can be stored
PROBLEM_ROW_BACKGROUND = QColor("#fff0e0")  # the rest of that line
CHANGED_COLOUR = QColor("#1f5f99")  # a quantity changed from the one proposed
BLACK = QColor("#000000")
MAX_QUANTITY = 999_999_999  # a typed quantity above is a slip of the keyboard
_SPACES = re.compile(r"[\s\u00a0\u202f]+")

# Alias under which pyside6-lupdate still finds the texts (the context must be a literal).
translate = QCoreApplication.translate


# --- the tabs -------------------------------------------------------------------------------


class RequisitionTab(ScreenTab):
    """A tab of the Réquisitions screen (screen.TABS); `message` is its line of feedback,
    placed by the tab."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.message = message_label()

    def show_message(self, text: str, error: bool = False, done: bool = False) -> None:
        """The line of feedback: a refusal (red), a result (green) or a hint (grey)."""
        set_message(self.message, text, error=error, done=done)


# --- labels, buttons, tables and panels -----------------------------------------------------


def message_label() -> QLabel:
    """The line of feedback where the user acted, hidden until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def set_message(label: QLabel, text: str, error: bool = False, done: bool = False) -> None:
    """A line of feedback: a refusal (red), a result (green) or a hint (grey); hidden when
    `text` is empty."""
    label.setStyleSheet(ERROR_STYLE if error else RESULT_STYLE if done else HINT_STYLE)
    prefix = "⚠ " if error else "✔ " if done else ""
    label.setText(prefix + text if text else "")
    label.setVisible(bool(text))


def push_button(text: str, tip: str = "") -> QPushButton:
    """A button and its tooltip, which says in a sentence what it does."""
    button = QPushButton(text)
    if tip:
        button.setToolTip(tip)
    return button


def text_label(
    text: str = "", bold: bool = False, wrap: bool = True, selectable: bool = True
) -> QLabel:
    """A label of the page: a title (bold) or a status the user may copy (selectable)."""
    label = QLabel(text)
    if bold:
        label.setStyleSheet("font-weight: bold;")
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hint_label(text: str = "") -> QLabel:
    """An explanation in grey, wrapped."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def empty_label(font_size: str = "13pt") -> QLabel:
    """What a page shows instead of its table: why there is nothing, and what to do."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"font-size: {font_size}; color: #555;")
    return label


def read_only_table() -> QTableView:
    """A table to read and pick a row from: whole rows selected, one at a time."""
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def editable_table(frozen: int = 0) -> QTableView:
    """A table whose cells are typed into: one cell selected, edited on a double-click, F2 or
    a key; Tab leaves the table for the buttons (arrows move between cells). Its first `frozen`
    columns (what names the product of a row) stay on the left while the others scroll
    sideways to the cells typed into."""
    table = FrozenColumnsTableView(frozen) if frozen else QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    return table


def fit_columns(table: QTableView, limits: dict[int, int]) -> None:
    """Columns as wide as their contents, the long texts held to `limits` (pixels)."""
    table.resizeColumnsToContents()
    for column, largest in limits.items():
        if table.columnWidth(column) > largest:
            table.setColumnWidth(column, largest)


def fit_texts(
    table: QTableView, columns: Iterable[int], limits: dict[int, int], bold: Sequence[int] = ()
) -> None:
    """Columns as wide as their longest line of text, header included (the view itself
    measures only the rows it shows), held to `limits`; `bold` columns measured bold."""
    model = table.model()
    plain_metrics = table.fontMetrics()
    font = table.font()
    font.setBold(True)
    bold_metrics = QFontMetrics(font)
    for column in columns:
        measure = bold_metrics if column in bold else plain_metrics
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(r, column).data() or "") for r in range(model.rowCount())]
        width = max(measure.horizontalAdvance(line) for t in texts for line in t.split("\n"))
        width += 16
        table.setColumnWidth(column, min(width, limits.get(column, width)))


RowItem = QWidget | tuple[QWidget, int] | tuple[QWidget, int, Qt.AlignmentFlag] | int | None


def row_layout(*items: RowItem) -> QHBoxLayout:
    """Widgets from left to right: (widget, stretch[, alignment]) to let one take the width
    left, a number for that much space, None for the stretch that pushes what follows to the
    right."""
    row = QHBoxLayout()
    for item in items:
        if item is None:
            row.addStretch(1)
        elif isinstance(item, int):
            row.addSpacing(item)
        elif isinstance(item, tuple):
            row.addWidget(*item)
        else:
            row.addWidget(item)
    return row


def column_panel(*widgets: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """A widget holding `widgets` one above the other, without margins, the last one taking
    the height left; its layout to add more."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    for n, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if n == len(widgets) - 1 else 0)
    return panel, layout


def splitter(orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
    """Parts the user resizes against each other, none collapsing to nothing; each part is
    (widget, stretch factor)."""
    split = QSplitter(orientation)
    for widget, _stretch in parts:
        split.addWidget(widget)
    split.setChildrenCollapsible(False)
    for n, (_widget, stretch) in enumerate(parts):
        split.setStretchFactor(n, stretch)
    return split


@contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor while the GUI thread stores or reads something short."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def added_products_text(codes: Sequence[str]) -> str:
    """What an imported workbook added to the catalogue, to check."""
    return translate(
        "WorkbookImport", "Produits ajoutés au catalogue, à vérifier dans Paramètres : {0}."
    ).format(", ".join(codes))


def with_xlsx_suffix(path: Path) -> Path:
    """`path`, with ".xlsx" added when the user typed a name without it."""
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def problem_place(problem: Problem) -> list[str]:
    """Where in a workbook a problem is: "feuille Données", "ligne 12", "colonne B"."""
    where = []
    if problem.sheet:
        where.append(translate("WorkbookProblem", "feuille {0}").format(problem.sheet))
    if problem.row is not None:
        where.append(translate("WorkbookProblem", "ligne {0}").format(problem.row))
    if problem.column:
        where.append(translate("WorkbookProblem", "colonne {0}").format(problem.column))
    return where


# --- months ---------------------------------------------------------------------------------


def period_text(period: date) -> str:
    """ "octobre 2026": core's French label, or the month in the interface language."""
    locale = QLocale()
    if locale.language() == QLocale.Language.French:
        return period_label_fr(period)
    return (
        f"{locale.standaloneMonthName(period.month, QLocale.FormatType.LongFormat)} {period.year}"
    )


def of_period_text(period: date) -> str:
    """ "d'octobre 2026", "de mars 2026" in French (core's elision); the month alone in another
    language, whose sentences say "of" themselves."""
    if QLocale().language() == QLocale.Language.French:
        return of_period_fr(period)
    return period_text(period)


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def last_complete_month(today: date) -> date:
    return add_months(month_start(today), -1)


def month_selector(label: QLabel, length: int) -> QComboBox:
    """The month selector `label` names (its buddy), `length` characters wide."""
    box = QComboBox()
    box.setMinimumContentsLength(length)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    label.setBuddy(box)
    return box


def month_index(box: QComboBox, period: date) -> int:
    """The row of the month of `period` in the selector, -1 if absent (findData does not
    compare dates held as Python objects)."""
    wanted = month_start(period)
    return next((i for i in range(box.count()) if box.itemData(i) == wanted), -1)


def chosen_month(box: QComboBox) -> date | None:
    chosen = box.currentData()
    return chosen if isinstance(chosen, date) else None


def fill_months(
    box: QComboBox, months: Sequence[tuple[str, date]], wanted: date | None, default: int
) -> None:
    """Put the months (label, first day) in the selector without signalling a change;
    `wanted` selected when it is one of them, else the row `default`."""
    box.blockSignals(True)
    box.clear()
    for text, month in months:
        box.addItem(text, month)
    index = month_index(box, wanted) if wanted is not None else -1
    box.setCurrentIndex(index if index >= 0 else default)
    box.blockSignals(False)


# --- typed quantities -----------------------------------------------------------------------


class QuantityInputError(ValueError):
    """What was typed as a quantity is not one; the message says what to type."""


def parse_quantity(text: str, negative: str, decimal: str, other: str) -> int | None:
    """A quantity as typed, in base units: a whole number, spaces allowed as thousands
    separators ("1 650"); blank means "back to the quantity proposed" (None). "1.650" or "1,5"
    is refused on purpose: a thousands point or a decimal comma? The refusal says `negative`
    for a number below zero, `decimal` for one with a point or a comma, `other` for the
    rest."""
    stripped = _SPACES.sub("", text or "")
    if not stripped:
        return None
    if stripped.isdigit():
        value = int(stripped)
        if value > MAX_QUANTITY:
            raise QuantityInputError(
                translate("TypedQuantity", "Quantité trop grande : vérifiez le nombre.")
            )
        return value
    if stripped.startswith(("-", "\u2212")) and stripped[1:].isdigit():
        raise QuantityInputError(negative)
    if re.fullmatch(r"[0-9]+[.,][0-9]*", stripped):
        raise QuantityInputError(decimal)
    raise QuantityInputError(other)


def entry_colour(
    role: int, entry: bool, problem: bool, changed: bool, editable: bool = True
) -> QColor | None:
    """The background and text colours of a cell of a table the user fills in: `entry` for a
    column typed into, `problem` when the line cannot be stored yet (what it needs orange, the
    rest of the line lighter), `changed` for a quantity changed from the one proposed (blue);
    `editable` false once the table is read-only. Text is black on the light backgrounds,
    whatever the theme."""
    if role == Qt.ItemDataRole.BackgroundRole:
        if problem:
            return PROBLEM_BACKGROUND if entry else PROBLEM_ROW_BACKGROUND
        return ENTRY_BACKGROUND if editable and entry else None
    if role == Qt.ItemDataRole.ForegroundRole:
        if changed:
            return CHANGED_COLOUR
        if entry or problem:
            return BLACK
    return None


class TextDelegate(QStyledItemDelegate):
    """The editor of a text cell (a justification, a remark, a reason): one line, at most
    core's MAX_TEXT characters."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setMaxLength(MAX_TEXT)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class QuantityDelegate(TextDelegate):
    """The editor of a quantity: right-aligned, the current value selected; `placeholder`
    says what an emptied cell stands for ("quantité calculée")."""

    def __init__(self, placeholder: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setPlaceholderText(self.placeholder)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        super().setEditorData(editor, index)
        assert isinstance(editor, QLineEdit)
        editor.selectAll()


# --- models ---------------------------------------------------------------------------------


class EntryTableModel(TableModel):
    """A table whose ENTRY_COLUMNS the user types into while it is `editable`; `refused` says
    why what was typed is not taken (naming the line, and what to type)."""

    ENTRY_COLUMNS: tuple[int, ...] = ()

    #: what was typed was refused; the message names the line and says what to do
    refused = Signal(str)

    @property
    def editable(self) -> bool:
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in self.ENTRY_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def takes_edit(self, index: Index, role: int) -> bool:
        """setData's question: an edit, of a cell the user may type into."""
        return (
            role == Qt.ItemDataRole.EditRole
            and index.isValid()
            and bool(self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        )


class RowsModel(TableModel, Generic[T]):
    """A table over a list of frozen rows, one item per row. Subclasses say what a cell shows
    in `item_data(item, column, role)`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    def set_items(self, items: Iterable[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T:
        return self._items[row]

    def items(self) -> list[T]:
        return list(self._items)

    def find(self, wanted: Callable[[T], bool]) -> int:
        """The row of the first item `wanted` accepts, -1 if none."""
        return next((n for n, item in enumerate(self._items) if wanted(item)), -1)

    def row_count(self) -> int:
        return len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        return self.item_data(self._items[index.row()], index.column(), role)

    def item_data(self, item: T, column: int, role: int) -> Any:
        raise NotImplementedError
