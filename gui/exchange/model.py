"""Table models of the import preview: the files checked, the rows to add, the problems found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from core.catalogue import Product
from core.exchange.movements import MovementRow, Problem
from core.importing import ImportResult
from core.ledger import REASON_LABELS_FR, MovementKind
from gui.i18n import takes_singular
from gui.labels import kind_label
from gui.stock.model import format_quantity
from gui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def show_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), "dd/MM/yyyy")


def count_text(n: int, singular: str, plural: str) -> str:
    """`singular` or `plural` (each with {0}) by the rule of the interface language (French:
    0 and 1 take the singular; English: only 1)."""
    return (singular if takes_singular(n) else plural).format(QLocale().toString(n))


class _ListModel(TableModel):
    """A read-only table over a list of frozen rows, with translated column headings."""

    CONTEXT = "ImportModel"
    HEADERS: tuple[Any, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Any:
        return self._items[row]

    def row_count(self) -> int:
        return len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        return self._data(self._items[index.row()], index.column(), role)

    def _data(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class FileCheck:
    """The outcome of checking (or importing) one file, as the files table shows it."""

    path: str
    result: ImportResult


class FilesModel(_ListModel):
    """One line per chosen file: how many rows, to add, already there, and its state."""

    CONTEXT = "FilesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("FilesModel", "Fichier"),
        QT_TRANSLATE_NOOP("FilesModel", "Lignes"),
        QT_TRANSLATE_NOOP("FilesModel", "Nouvelles lignes"),
        QT_TRANSLATE_NOOP("FilesModel", "Déjà importées"),
        QT_TRANSLATE_NOOP("FilesModel", "État"),
    )

    def checks(self) -> list[FileCheck]:
        return list(self._items)

    def _data(self, item: FileCheck, column: int, role: int) -> Any:
        result = item.result
        if role == Qt.ItemDataRole.DisplayRole:
            locale = QLocale()
            if column == 0:
                return result.file
            if column == 1:
                return locale.toString(result.rows)
            if column == 2:
                return "" if result.problems else locale.toString(result.added)
            if column == 3:
                return "" if result.problems else locale.toString(result.already_imported)
            if column == 4:
                return self.state(result)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return item.path
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= column <= 3:
            return RIGHT
        return None

    @staticmethod
    def state(result: ImportResult) -> str:
        if result.problems:
            return count_text(
                len(result.problems),
                QCoreApplication.translate(
                    "FilesModel", "✖ {0} problème : rien n'a été enregistré"
                ),
                QCoreApplication.translate(
                    "FilesModel", "✖ {0} problèmes : rien n'a été enregistré"
                ),
            )
        if result.committed:
            return QCoreApplication.translate("FilesModel", "✔ Importé")
        if result.added == 0:
            return QCoreApplication.translate("FilesModel", "✔ Déjà importé, rien à ajouter")
        return QCoreApplication.translate("FilesModel", "✔ Prêt à importer")


class ImportRowsModel(_ListModel):
    """The rows a file adds to the ledger, as they were read (quantities in base units)."""

    CONTEXT = "ImportRowsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ImportRowsModel", "Fichier"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Ligne"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Date"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Établissement"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Produit"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Mouvement"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Quantité"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Lot"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Péremption"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Motif"),
        QT_TRANSLATE_NOOP("ImportRowsModel", "Référence"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._products: dict[str, Product] = {}

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == 9:
                return translate(
                    "ImportRowsModel",
                    "Le motif d'une perte ou d'un ajustement, l'autre établissement d'un "
                    "transfert, ou le fournisseur d'une réception",
                )
            if section == 6:
                return QCoreApplication.translate(
                    "ImportRowsModel", "En unités de base (sachets, comprimés…)"
                )
        return super().headerData(section, orientation, role)

    def set_rows(self, rows: list[MovementRow], products: dict[str, Product]) -> None:
        self._products = products
        self.set_items(rows)

    def _data(self, row: MovementRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 6):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            product = self._products.get(row.product_code)
            return product.name if product else None
        return None

    def _display(self, row: MovementRow, column: int) -> str | None:
        if column == 0:
            return row.file
        if column == 1:
            return QLocale().toString(row.row)
        if column == 2:
            return show_date(row.occurred_on)
        if column == 3:
            return row.facility_code
        if column == 4:
            return row.product_code
        if column == 5:
            return kind_label(row.kind)
        if column == 6:
            product = self._products.get(row.product_code)
            if product is None:
                return QLocale().toString(row.quantity)
            return format_quantity(product, row.quantity)
        if column == 7:
            return row.lot
        if column == 8:
            return show_date(row.expiry)
        if column == 9:
            transfer = row.kind in (MovementKind.TRANSFER_IN, MovementKind.TRANSFER_OUT)
            parts = []
            if row.reason is not None and not transfer:
                parts.append(translate("Ledger", REASON_LABELS_FR[row.reason]))
            if row.counterpart:
                parts.append(row.counterpart)
            return " · ".join(parts)
        if column == 10:
            return row.reference
        return None


class ProblemsModel(_ListModel):
    """Every problem of every file, where it is (file, sheet, row, column) and what to do."""

    CONTEXT = "ProblemsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ProblemsModel", "Fichier"),
        QT_TRANSLATE_NOOP("ProblemsModel", "Feuille"),
        QT_TRANSLATE_NOOP("ProblemsModel", "Ligne"),
        QT_TRANSLATE_NOOP("ProblemsModel", "Colonne"),
        QT_TRANSLATE_NOOP("ProblemsModel", "Problème à corriger"),
    )

    def _data(self, problem: Problem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return problem.file
            if column == 1:
                return problem.sheet
            if column == 2:
                return "" if problem.row is None else QLocale().toString(problem.row)
            if column == 3:
                return problem.column or ""
            if column == 4:
                return problem.message[:1].upper() + problem.message[1:]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(problem)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return RIGHT
        return None
