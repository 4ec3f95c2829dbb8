"""Table models of the import preview: the files checked, the rows to add, the problems found,
and the sites and products named by imported monthly reports."""

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
from PySide6.QtGui import QColor

from core.catalogue import Product
from core.exchange.movements import MovementRow, Problem
from core.importing import ImportResult
from core.ledger import REASON_LABELS_FR, MovementKind
from core.monthly_reports import MonthlyImportResult, ReportProduct, ReportSite
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

    def items(self) -> list[Any]:
        return list(self._items)

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
    result: ImportResult | MonthlyImportResult

    @property
    def is_monthly(self) -> bool:
        """Whether the file holds monthly LMIS reports rather than movements."""
        return isinstance(self.result, MonthlyImportResult)


def to_write(result: ImportResult | MonthlyImportResult) -> int:
    """What the import writes: new movements, or new and replacing versions of reports."""
    if isinstance(result, MonthlyImportResult):
        return result.added + result.replaced
    return result.added


def already_there(result: ImportResult | MonthlyImportResult) -> int:
    if isinstance(result, MonthlyImportResult):
        return result.unchanged
    return result.already_imported


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
                if isinstance(result, MonthlyImportResult) and result.problems:
                    return ""  # the reports reader counts no row of a file it refuses
                return locale.toString(result.rows)
            if column == 2:
                return "" if result.problems else locale.toString(to_write(result))
            if column == 3:
                return "" if result.problems else locale.toString(already_there(result))
            if column == 4:
                return self.state(result)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                if isinstance(result, MonthlyImportResult):
                    return item.path + "\n" + translate("FilesModel", "Rapports mensuels LMIS")
                return item.path
            if isinstance(result, MonthlyImportResult) and not result.problems:
                if column == 2:
                    return translate(
                        "FilesModel",
                        "Nouveaux rapports : {0} ; remplaçant une version déjà importée : {1}",
                    ).format(QLocale().toString(result.added), QLocale().toString(result.replaced))
                if column == 3:
                    return translate("FilesModel", "Rapports déjà importés avec les mêmes valeurs")
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= column <= 3:
            return RIGHT
        return None

    @staticmethod
    def state(result: ImportResult | MonthlyImportResult) -> str:
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
            text = QCoreApplication.translate("FilesModel", "✔ Importé")
        elif to_write(result) == 0:
            text = QCoreApplication.translate("FilesModel", "✔ Déjà importé, rien à ajouter")
        else:
            text = QCoreApplication.translate("FilesModel", "✔ Prêt à importer")
        if isinstance(result, MonthlyImportResult):
            text += " · " + QCoreApplication.translate("FilesModel", "rapports mensuels")
            if result.warnings:
                text += " · " + count_text(
                    len(result.warnings),
                    QCoreApplication.translate("FilesModel", "⚠ {0} ligne à vérifier"),
                    QCoreApplication.translate("FilesModel", "⚠ {0} lignes à vérifier"),
                )
        return text


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


class WarningsModel(ProblemsModel):
    """Rows of monthly reports kept as they are but worth a look (E ≠ A + B + D − C)."""

    CONTEXT = "WarningsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("WarningsModel", "Fichier"),
        QT_TRANSLATE_NOOP("WarningsModel", "Feuille"),
        QT_TRANSLATE_NOOP("WarningsModel", "Ligne"),
        QT_TRANSLATE_NOOP("WarningsModel", "Colonne"),
        QT_TRANSLATE_NOOP("WarningsModel", "À vérifier (la ligne est gardée telle quelle)"),
    )


class ReportSitesModel(_ListModel):
    """The sites named by imported monthly reports, and the facility each is linked to."""

    CONTEXT = "ReportSitesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ReportSitesModel", "Site du rapport"),
        QT_TRANSLATE_NOOP("ReportSitesModel", "Région"),
        QT_TRANSLATE_NOOP("ReportSitesModel", "District"),
        QT_TRANSLATE_NOOP("ReportSitesModel", "Établissement relié"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, str] = {}

    def set_sites(self, sites: list[ReportSite], facility_names: dict[str, str]) -> None:
        self._names = facility_names
        self.set_items(sites)

    def row_of(self, code: str) -> int | None:
        return next((n for n, s in enumerate(self._items) if s.code == code), None)

    def _data(self, site: ReportSite, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return site.code
            if column == 1:
                return site.region
            if column == 2:
                return site.district
            if column == 3:
                if site.facility_code is None:
                    return translate("ReportSitesModel", "— non relié —")
                name = self._names.get(site.facility_code)
                return f"{site.facility_code} – {name}" if name else site.facility_code
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and site.facility_code is None:
            return QColor("#777777")
        return None


class ReportProductsModel(_ListModel):
    """The product codes named by imported monthly reports, and the catalogue product each is
    linked to."""

    CONTEXT = "ReportProductsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ReportProductsModel", "Produit du rapport"),
        QT_TRANSLATE_NOOP("ReportProductsModel", "Produit du catalogue relié"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, str] = {}

    def set_products(self, items: list[ReportProduct], product_names: dict[str, str]) -> None:
        self._names = product_names
        self.set_items(items)

    def row_of(self, code: str) -> int | None:
        return next((n for n, p in enumerate(self._items) if p.code == code), None)

    def _data(self, item: ReportProduct, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.code
            if column == 1:
                if item.product_code is None:
                    return translate("ReportProductsModel", "— hors catalogue —")
                name = self._names.get(item.product_code)
                return f"{item.product_code} – {name}" if name else item.product_code
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and item.product_code is None:
            return QColor("#777777")
        return None
