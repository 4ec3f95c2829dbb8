"""The base of the flat table models: row and column counts and translated headers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """Subclasses declare their French column titles in HEADERS (marked with
    QT_TRANSLATE_NOOP in CONTEXT), optional header TOOLTIPS (by position, or a mapping of
    column to text), and say how many rows they hold in `row_count()`."""

    CONTEXT: str = "TableModel"
    HEADERS: Sequence[str] = ()
    TOOLTIPS: Sequence[str | None] | Mapping[int, str] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def header_tooltip(self, section: int) -> str | None:
        tips = self.TOOLTIPS
        if isinstance(tips, Mapping):
            text = tips.get(section)
        else:
            text = tips[section] if section < len(tips) else None
        return QCoreApplication.translate(self.CONTEXT, text) if text else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltip(section)
        return None
