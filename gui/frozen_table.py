"""A table view whose first columns stay on the left while the others scroll sideways."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QMetaObject,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex

ScrollHint = QAbstractItemView.ScrollHint
ROW_LINE = 2  # pixels: the frame around the frozen cells of the current cell's row


class FrozenColumnsTableView(QTableView):
    """A table whose first `frozen` columns (what names a row: a code, a name) stay on the left
    while the others scroll sideways, so that a cell typed into far on the right still shows
    which row it is on.

    Qt's "Frozen Column" example: a second view (`frozen_view`) over the same model and the
    same selection, showing those columns only, laid over the left of this one and kept in
    step with it (row heights, column widths, vertical scrolling, size, looks). Cells are
    painted there by this table's delegates; the cells of the current row are framed there, to
    follow the row of the cell being typed into. The frozen columns are for reading: their
    cells are not edited. Scrolling to a cell (`scrollTo`, the keyboard) brings it right of
    the frozen columns, never under them. When the frozen columns would take more than
    MAX_SHARE of the width (a narrow window) they step aside and the table scrolls whole.
    Written for left-to-right layouts (French, English)."""

    MAX_SHARE = 0.6

    def __init__(self, frozen: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frozen = max(0, frozen)
        self._model_connections: list[QMetaObject.Connection] = []
        self._selection_connection: QMetaObject.Connection | None = None
        self.frozen_view = FrozenPart(self)
        # Per pixel: at scroll 0 the frozen columns of this view lie exactly under the others.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen_view)
        self.horizontalHeader().sectionResized.connect(self._on_column_resized)
        self.verticalHeader().sectionResized.connect(self._on_row_resized)
        self.frozen_view.horizontalHeader().sectionResized.connect(self._on_frozen_column_resized)
        self.verticalScrollBar().valueChanged.connect(self.frozen_view.verticalScrollBar().setValue)
        self.frozen_view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        # Its range may follow the table's a moment later (rows resized): the rows again.
        self.frozen_view.verticalScrollBar().rangeChanged.connect(self._follow_rows)
        view = self.frozen_view
        view.pressed.connect(self.pressed)
        view.clicked.connect(self.clicked)
        view.doubleClicked.connect(self.doubleClicked)
        view.activated.connect(self.activated)
        view.customContextMenuRequested.connect(self.customContextMenuRequested)

    # --- the frozen columns ---------------------------------------------------------------

    def frozen_columns(self) -> int:
        return self._frozen

    def set_frozen_columns(self, count: int) -> None:
        """Freeze the first `count` columns (0: none)."""
        self._frozen = max(0, count)
        self._sync()

    def frozen_width(self) -> int:
        """The width the frozen columns cover on the left of the viewport, 0 when they do not
        show (none frozen, or stepped aside in a narrow table)."""
        return self.frozen_view.width() if self.frozen_view.isVisibleTo(self) else 0

    def _frozen_span(self) -> int:
        return sum(
            self.columnWidth(c)
            for c in range(min(self._frozen, self._column_count()))
            if not self.isColumnHidden(c)
        )

    def _column_count(self) -> int:
        model = self.model()
        return model.columnCount() if model is not None else 0

    # --- the model and the selection ------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        for connection in self._model_connections:
            QObject.disconnect(connection)
        self._model_connections = []
        super().setModel(model)
        self.frozen_view.setModel(model)
        if model is not None:
            self._model_connections = [
                model.modelReset.connect(self._sync),
                model.layoutChanged.connect(self._sync),
                model.columnsInserted.connect(self._sync),
                model.columnsRemoved.connect(self._sync),
                model.columnsMoved.connect(self._sync),
                model.rowsInserted.connect(self._sync),
            ]
            self._share_selection()
        self._sync()

    def setSelectionModel(self, selection_model: QItemSelectionModel) -> None:
        super().setSelectionModel(selection_model)
        # Called by setModel before the frozen view has the new model: shared there after.
        if self.frozen_view.model() is selection_model.model():
            self._share_selection()

    def _share_selection(self) -> None:
        selection = self.selectionModel()
        if selection is None:
            return
        if self._selection_connection is not None:
            QObject.disconnect(self._selection_connection)
        self.frozen_view.setSelectionModel(selection)
        self._selection_connection = selection.currentRowChanged.connect(
            self.frozen_view.viewport().update
        )

    # --- keeping the frozen view in step ----------------------------------------------------

    def _sync(self, *_args: object) -> None:
        """Everything again: which columns the frozen view shows, their widths, the rows'
        heights, the looks, the place."""
        view = self.frozen_view
        columns = self._column_count()
        for column in range(columns):
            hidden = column >= self._frozen or self.isColumnHidden(column)
            if view.isColumnHidden(column) != hidden:
                view.setColumnHidden(column, hidden)
        header = self.horizontalHeader()
        frozen_header = view.horizontalHeader()
        for column in range(min(self._frozen, columns)):
            view.setColumnWidth(column, self.columnWidth(column))
            interactive = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
            frozen_header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Interactive if interactive else QHeaderView.ResizeMode.Fixed,
            )
        vertical = self.verticalHeader()
        view.verticalHeader().setMinimumSectionSize(vertical.minimumSectionSize())
        view.verticalHeader().setDefaultSectionSize(vertical.defaultSectionSize())
        model = self.model()
        for row in range(model.rowCount() if model is not None else 0):
            if view.isRowHidden(row) != self.isRowHidden(row):
                view.setRowHidden(row, self.isRowHidden(row))
            if view.rowHeight(row) != self.rowHeight(row):
                view.setRowHeight(row, self.rowHeight(row))
        self._place()

    def _copy_looks(self) -> None:
        view = self.frozen_view
        view.setWordWrap(self.wordWrap())
        view.setTextElideMode(self.textElideMode())
        view.setShowGrid(self.showGrid())
        view.setGridStyle(self.gridStyle())
        view.setAlternatingRowColors(self.alternatingRowColors())
        view.setSelectionBehavior(self.selectionBehavior())
        view.setSelectionMode(self.selectionMode())
        view.setIconSize(self.iconSize())
        view.setContextMenuPolicy(self.contextMenuPolicy())
        header = self.horizontalHeader()
        frozen_header = view.horizontalHeader()
        frozen_header.setVisible(not header.isHidden())
        frozen_header.setDefaultAlignment(header.defaultAlignment())
        frozen_header.setHighlightSections(header.highlightSections())
        frozen_header.setMinimumSectionSize(header.minimumSectionSize())

    def _place(self) -> None:
        """The frozen view over the left of the header and the viewport, as wide as the frozen
        columns; hidden when they would leave too little room to the others."""
        view = self.frozen_view
        self._copy_looks()
        width = self._frozen_span()
        viewport = self.viewport().geometry()
        if not width or width > viewport.width() * self.MAX_SHARE:
            view.hide()
            return
        header = self.horizontalHeader()
        top = viewport.top()
        if not header.isHidden():
            view.horizontalHeader().setFixedHeight(header.height())
            top = header.geometry().top()
        view.setGeometry(viewport.left(), top, width, viewport.bottom() - top + 1)
        self._follow_rows()
        view.show()

    def _on_column_resized(self, column: int, _old: int, size: int) -> None:
        if column < self._frozen:
            self.frozen_view.setColumnWidth(column, size)
            self._place()

    def _on_frozen_column_resized(self, column: int, _old: int, size: int) -> None:
        """The user widened a frozen column in the frozen view's header."""
        if column < self._frozen and self.columnWidth(column) != size:
            self.setColumnWidth(column, size)

    def _on_row_resized(self, row: int, _old: int, size: int) -> None:
        self.frozen_view.setRowHeight(row, size)

    def _follow_rows(self, *_range: int) -> None:
        self.frozen_view.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen_view"):  # not while the base class is built
            self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    # --- scrolling and finding cells ------------------------------------------------------

    def scrollTo(self, index: Index, hint: ScrollHint = ScrollHint.EnsureVisible) -> None:
        """As QTableView does, the cell right of the frozen columns: in the part that
        scrolls, never under them; a frozen cell scrolls the rows only."""
        frozen = self.frozen_width()
        if (
            not frozen
            or not index.isValid()
            or self.isColumnHidden(index.column())
            or self.isRowHidden(index.row())
        ):
            super().scrollTo(index, hint)
            return
        bar = self.horizontalScrollBar()
        before = bar.value()
        super().scrollTo(index, hint)  # the rows, and a first guess at the columns
        column = index.column()
        if column < self._frozen:
            bar.setValue(before)
            return
        position = self.horizontalHeader().sectionPosition(column)
        width = self.columnWidth(column)
        room = self.viewport().width() - frozen
        if hint == ScrollHint.PositionAtCenter:
            value = position - frozen - (room - width) // 2
        else:
            left = position - before
            if left < frozen or width > room:
                value = position - frozen
            elif left + width > self.viewport().width():
                value = position + width - self.viewport().width()
            else:
                value = before
        bar.setValue(value)

    def indexAt(self, point: QPoint) -> QModelIndex:
        """The cell at `point` of the viewport, a frozen one where the frozen columns lie."""
        frozen = self.frozen_width()
        if frozen and 0 <= point.x() < frozen:
            return self.frozen_view.indexAt(point)
        return super().indexAt(point)


class FrozenPart(QTableView):
    """The frozen columns of a FrozenColumnsTableView, laid over its left: no focus of its own
    (a click there gives it to the table, the first parent that takes it), no scroll bars, no
    editing."""

    def __init__(self, table: FrozenColumnsTableView) -> None:
        super().__init__(table)
        self.table = table
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAutoScroll(False)  # the table scrolls; this view follows
        # A delegate of its own: the table's delegates are tied to the table's editors.
        self.setItemDelegate(MirroredDelegate(table, self))
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # A darker line where the columns that scroll pass under.
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        x = self.viewport().width() - 1
        painter.drawLine(x, 0, x, self.viewport().height())
        painter.end()


class MirroredDelegate(QStyledItemDelegate):
    """Paints a frozen cell as the table's delegate for it does, framed on the row of the
    table's current cell."""

    def __init__(self, table: QTableView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.table.itemDelegateForIndex(index).paint(painter, option, index)
        current = self.table.currentIndex()
        if current.isValid() and current.row() == index.row():
            # Lines rather than a tint: the cells keep their own colours (a line to complete).
            colour = option.palette.color(QPalette.ColorRole.Highlight)
            rect = option.rect
            painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), ROW_LINE), colour)
            painter.fillRect(
                QRect(rect.left(), rect.bottom() - ROW_LINE + 1, rect.width(), ROW_LINE), colour
            )
            if rect.left() <= 0:  # the first frozen column closes the frame on the left
                painter.fillRect(QRect(rect.left(), rect.top(), ROW_LINE, rect.height()), colour)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.table.itemDelegateForIndex(index).sizeHint(option, index)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        return self.table.itemDelegateForIndex(index).helpEvent(event, view, option, index)
