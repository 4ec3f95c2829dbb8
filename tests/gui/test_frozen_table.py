"""A table whose first columns stay on the left while the others scroll sideways: a product
list of 20 columns, the code and the name frozen, driven by the keyboard and the mouse."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import QModelIndex, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from gui.frozen_table import FrozenColumnsTableView
from gui.requisition.common import editable_table
from gui.table_model import Index, TableModel

ROWS = 30
COLUMNS = 20
FROZEN = 2  # the code and the name
LAST = COLUMNS - 1
ScrollHint = QAbstractItemView.ScrollHint


class ProductsModel(TableModel):
    """P00…P29, "Produit n° 0"…, then 18 quantities; the last column is typed into."""

    HEADERS = ("Code", "Désignation", *(f"Qté {n}" for n in range(2, COLUMNS)))

    def __init__(self, rows: int = ROWS) -> None:
        super().__init__()
        self.rows = rows
        self.typed: dict[int, str] = {}

    def row_count(self) -> int:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return f"P{row:02d}"
        if column == 1:
            return f"Produit n° {row}"
        if column == LAST and row in self.typed:
            return self.typed[row]
        return str(row * 100 + column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == LAST:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != LAST:
            return False
        self.typed[index.row()] = str(value)
        self.dataChanged.emit(index, index)
        return True


@pytest.fixture
def model() -> ProductsModel:
    return ProductsModel()


@pytest.fixture
def table(qtbot, model: ProductsModel) -> FrozenColumnsTableView:  # type: ignore[no-untyped-def]
    table = editable_table(frozen=FROZEN)
    assert isinstance(table, FrozenColumnsTableView)
    qtbot.addWidget(table)
    table.setModel(model)
    for column in range(COLUMNS):
        table.setColumnWidth(column, 90)
    table.setColumnWidth(1, 160)
    table.resize(700, 320)
    table.show()
    qtbot.waitExposed(table)
    table.activateWindow()
    table.setFocus()
    return table


def inside(rect: QRect, area: QRect) -> bool:
    return area.contains(rect.topLeft()) and area.contains(rect.bottomRight())


def right_part(table: FrozenColumnsTableView) -> QRect:
    """Where the columns that scroll show: the viewport right of the frozen columns."""
    viewport = table.viewport().rect()
    return viewport.adjusted(table.frozen_width(), 0, 0, 0)


def frozen_cells_shown(table: FrozenColumnsTableView, row: int) -> bool:
    view = table.frozen_view
    model = table.model()
    return view.isVisible() and all(
        inside(view.visualRect(model.index(row, column)), view.viewport().rect())
        for column in range(FROZEN)
    )


# --- what stays in view ----------------------------------------------------------------------


def test_after_scrolling_to_the_last_column_the_code_and_name_still_show(table, model):
    view = table.frozen_view
    assert view.isVisible()
    assert [view.isColumnHidden(c) for c in range(4)] == [False, False, True, True]
    assert table.frozen_width() == 90 + 160
    # It lies over the left of the header and the viewport.
    assert view.geometry().topLeft() == table.horizontalHeader().geometry().topLeft()
    assert view.geometry().bottom() == table.viewport().geometry().bottom()
    assert view.horizontalHeader().height() == table.horizontalHeader().height()

    last = model.index(25, LAST)
    table.setCurrentIndex(last)
    bar = table.horizontalScrollBar()
    assert bar.value() == bar.maximum() > 0
    assert inside(table.visualRect(last), right_part(table))
    # The table's own code and name columns have scrolled away to the left...
    assert table.visualRect(model.index(25, 0)).right() < 0
    # ...but the frozen view shows them, on the row of the current cell.
    assert frozen_cells_shown(table, 25)
    assert view.visualRect(model.index(25, 0)).top() == table.visualRect(last).top()
    code = view.visualRect(model.index(25, 0)).center()
    assert table.indexAt(code) == model.index(25, 0)  # what a click there lands on


def test_arrows_scroll_the_right_part_only_and_never_under_the_frozen_columns(qtbot, table, model):
    table.setCurrentIndex(model.index(3, LAST))
    for column in range(LAST - 1, FROZEN - 1, -1):
        qtbot.keyClick(table, Qt.Key.Key_Left)
        assert table.currentIndex().column() == column
        assert inside(table.visualRect(table.currentIndex()), right_part(table)), column
        assert frozen_cells_shown(table, 3)
    assert table.visualRect(table.currentIndex()).left() == table.frozen_width()
    scrolled = table.horizontalScrollBar().value()
    qtbot.keyClick(table, Qt.Key.Key_Left)  # into the name, which never moves
    assert table.currentIndex().column() == FROZEN - 1
    assert table.horizontalScrollBar().value() == scrolled
    for column in range(FROZEN, COLUMNS):
        qtbot.keyClick(table, Qt.Key.Key_Right)
        assert table.currentIndex().column() == column
        assert inside(table.visualRect(table.currentIndex()), right_part(table)), column


def test_scroll_to_puts_a_cell_in_the_part_that_scrolls(table, model):
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    third = model.index(0, FROZEN)
    table.scrollTo(third)
    assert table.visualRect(third).left() == table.frozen_width()
    middle = model.index(0, 10)
    table.scrollTo(middle, ScrollHint.PositionAtCenter)
    rect = table.visualRect(middle)
    part = right_part(table)
    assert abs(rect.center().x() - part.center().x()) <= 1
    # A frozen cell scrolls the rows only.
    before = table.horizontalScrollBar().value()
    table.scrollTo(model.index(ROWS - 1, 0))
    assert table.horizontalScrollBar().value() == before
    assert table.verticalScrollBar().value() == table.verticalScrollBar().maximum() > 0
    assert frozen_cells_shown(table, ROWS - 1)


def test_the_frozen_view_scrolls_with_the_rows(table, model):
    view = table.frozen_view
    table.verticalScrollBar().setValue(200)
    assert view.verticalScrollBar().value() == 200
    assert view.rowViewportPosition(12) == table.rowViewportPosition(12)
    # The mouse wheel over the frozen columns scrolls the table too.
    point = view.visualRect(model.index(12, 0)).center()
    wheel = QWheelEvent(
        QPointF(point),
        QPointF(view.viewport().mapToGlobal(point)),
        QPoint(0, 0),
        QPoint(0, 120),  # a notch up
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert 0 < table.verticalScrollBar().value() < 200
    assert view.verticalScrollBar().value() == table.verticalScrollBar().value()
    assert view.rowViewportPosition(12) == table.rowViewportPosition(12)


# --- kept in step -------------------------------------------------------------------------


def test_row_heights_and_column_widths_stay_in_step(qtbot, table, model):
    view = table.frozen_view
    table.setRowHeight(4, 55)
    assert view.rowHeight(4) == 55
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    assert view.rowViewportPosition(ROWS - 1) == table.rowViewportPosition(ROWS - 1)

    table.setColumnWidth(0, 120)  # as resizeColumnsToContents does
    assert view.columnWidth(0) == 120
    assert table.frozen_width() == view.width() == 120 + 160
    view.setColumnWidth(1, 200)  # the user widens the name in the frozen header
    assert table.columnWidth(1) == 200
    assert table.frozen_width() == 120 + 200

    table.resize(900, 420)
    qtbot.waitUntil(lambda: table.viewport().width() > 800)
    assert view.geometry().bottom() == table.viewport().geometry().bottom()
    assert view.height() == table.horizontalHeader().height() + table.viewport().height()
    table.setCurrentIndex(model.index(ROWS - 1, LAST))
    assert inside(table.visualRect(table.currentIndex()), right_part(table))
    assert frozen_cells_shown(table, ROWS - 1)


def test_a_new_model_and_more_columns_keep_only_the_frozen_ones_on_the_left(table, model):
    view = table.frozen_view
    model.beginInsertColumns(QModelIndex(), COLUMNS, COLUMNS)
    model.HEADERS = (*model.HEADERS, "Qté 20")
    model.endInsertColumns()
    assert [view.isColumnHidden(c) for c in range(COLUMNS + 1)] == [False] * FROZEN + [True] * (
        COLUMNS + 1 - FROZEN
    )
    other = ProductsModel(rows=5)
    table.setModel(other)
    assert view.model() is other and view.selectionModel() is table.selectionModel()
    assert [view.isColumnHidden(c) for c in range(4)] == [False, False, True, True]
    table.resizeColumnsToContents()
    assert [view.columnWidth(c) for c in range(FROZEN)] == [
        table.columnWidth(c) for c in range(FROZEN)
    ]
    assert table.frozen_width() == sum(table.columnWidth(c) for c in range(FROZEN))


def test_a_narrow_table_scrolls_whole(qtbot, table, model):
    table.resize(330, 320)  # the code and the name would take most of it
    qtbot.waitUntil(lambda: table.frozen_width() == 0)
    assert table.frozen_view.isHidden()
    table.setCurrentIndex(model.index(0, 0))
    assert inside(table.visualRect(table.currentIndex()), table.viewport().rect())
    table.resize(700, 320)
    qtbot.waitUntil(lambda: table.frozen_width() == 250)


# --- selection, mouse, editing --------------------------------------------------------------


def test_a_click_on_a_frozen_cell_selects_it_in_the_table(qtbot, model):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    search = QLineEdit()
    table = editable_table(frozen=FROZEN)
    table.setModel(model)
    layout.addWidget(search)
    layout.addWidget(table)
    window.resize(700, 360)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setCurrentIndex(model.index(2, 10))
    search.setFocus()
    assert search.hasFocus()
    assert isinstance(table, FrozenColumnsTableView) and not table.hasFocus()
    view = table.frozen_view
    name = model.index(6, 1)
    with qtbot.waitSignal(table.clicked) as clicked:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(name).center()
        )
    assert clicked.args == [name]
    assert table.currentIndex() == name
    assert table.selectionModel().selectedIndexes() == [name]
    assert table.hasFocus()  # the keyboard goes on from there
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex() == model.index(6, FROZEN)


def test_the_last_column_is_typed_into_with_the_product_in_view(qtbot, table, model):
    cell = model.index(7, LAST)
    table.setCurrentIndex(cell)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(cell)
    assert isinstance(editor, QLineEdit)
    assert inside(editor.geometry(), right_part(table))
    assert frozen_cells_shown(table, 7)
    editor.selectAll()
    qtbot.keyClicks(editor, "450")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(cell) is None)
    assert model.index(7, LAST).data() == "450"


def test_frozen_cells_are_painted_by_the_tables_delegate(qtbot, table, model):
    painted: list[tuple[int, int, object]] = []

    class Recording(QStyledItemDelegate):
        def paint(self, painter, option, index):  # type: ignore[no-untyped-def]
            painted.append((index.row(), index.column(), option.widget))
            super().paint(painter, option, index)

    delegate = Recording(table)
    table.setItemDelegateForColumn(0, delegate)
    table.frozen_view.viewport().repaint()
    assert (0, 0, table.frozen_view) in painted
    assert all(column == 0 for _row, column, _widget in painted)


def test_the_frozen_cells_of_the_current_row_are_framed(qtbot, table, model):
    view = table.frozen_view
    table.setCurrentIndex(model.index(1, 10))

    def colours(row: int) -> tuple[QColor, QColor]:
        """The colour on the top edge of the name's cell, and in its middle."""
        image = view.viewport().grab().toImage()
        rect = view.visualRect(model.index(row, 1))
        x = rect.right() - 3  # right of the text
        return image.pixelColor(QPoint(x, rect.top())), image.pixelColor(
            QPoint(x, rect.center().y())
        )

    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    edge, middle = colours(1)
    assert edge == highlight
    assert middle == colours(2)[1] != highlight  # the cell keeps its own colour
    assert colours(2)[0] != highlight
    table.setCurrentIndex(model.index(3, 10))
    assert colours(3)[0] == highlight
    assert colours(1)[0] == colours(2)[0] != highlight
