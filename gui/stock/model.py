"""Table model of a facility's stock lines (product, SOH, usable stock, AMC, MOS, order)."""

from __future__ import annotations

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

from core.catalogue import Product, unit_label
from core.consumption import StockStatus
from core.stock import StockLine
from gui.table_model import TableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_TEXT = {
    StockStatus.STOCKED_OUT: QT_TRANSLATE_NOOP("Status", "✖ Rupture"),
    StockStatus.EMERGENCY: QT_TRANSLATE_NOOP("Status", "▲ Commande d'urgence"),
    StockStatus.BELOW_MIN: QT_TRANSLATE_NOOP("Status", "▼ Sous le minimum"),
    StockStatus.OK: QT_TRANSLATE_NOOP("Status", "✔ Normal"),
    StockStatus.OVERSTOCKED: QT_TRANSLATE_NOOP("Status", "● Surstock"),
    StockStatus.NO_CONSUMPTION: QT_TRANSLATE_NOOP("Status", "– Pas de consommation"),
    StockStatus.NOT_STOCKED: QT_TRANSLATE_NOOP("Status", "Jamais reçu"),
}

STATUS_RANK = {status: n for n, status in enumerate(StockStatus)}

STATUS_TOOLTIP = {
    StockStatus.STOCKED_OUT: QT_TRANSLATE_NOOP("Status", "Plus aucun stock utilisable"),
    StockStatus.EMERGENCY: QT_TRANSLATE_NOOP(
        "Status", "MSD sous le point de commande d'urgence : commandez sans attendre"
    ),
    StockStatus.BELOW_MIN: QT_TRANSLATE_NOOP(
        "Status", "MSD au minimum ou en dessous : commandez jusqu'au maximum"
    ),
    StockStatus.OK: QT_TRANSLATE_NOOP("Status", "MSD entre le minimum et le maximum"),
    StockStatus.OVERSTOCKED: QT_TRANSLATE_NOOP(
        "Status", "MSD au-dessus du maximum : rien à commander, surveillez les péremptions"
    ),
    StockStatus.NO_CONSUMPTION: QT_TRANSLATE_NOOP(
        "Status", "Aucune consommation ces derniers mois : CMM nulle, MSD non calculable"
    ),
    StockStatus.NOT_STOCKED: QT_TRANSLATE_NOOP("Status", "Jamais reçu dans cet établissement"),
}

STATUS_COLOUR = {
    StockStatus.STOCKED_OUT: QColor("#f6c6c6"),
    StockStatus.EMERGENCY: QColor("#fbd9b0"),
    StockStatus.BELOW_MIN: QColor("#fff1b8"),
}

HEADERS = (
    QT_TRANSLATE_NOOP("StockTableModel", "Produit"),
    QT_TRANSLATE_NOOP("StockTableModel", "Stock"),
    QT_TRANSLATE_NOOP("StockTableModel", "SDU"),
    QT_TRANSLATE_NOOP("StockTableModel", "CMM"),
    QT_TRANSLATE_NOOP("StockTableModel", "MSD"),
    QT_TRANSLATE_NOOP("StockTableModel", "Périme bientôt"),
    QT_TRANSLATE_NOOP("StockTableModel", "À commander"),
    QT_TRANSLATE_NOOP("StockTableModel", "Statut"),
)

TOOLTIPS = (
    None,
    QT_TRANSLATE_NOOP("StockTableModel", "Stock théorique, lots périmés compris"),
    QT_TRANSLATE_NOOP("StockTableModel", "Stock disponible utilisable : sans les lots périmés"),
    QT_TRANSLATE_NOOP("StockTableModel", "Consommation moyenne mensuelle ajustée"),
    QT_TRANSLATE_NOOP("StockTableModel", "Mois de stock disponible = SDU ÷ CMM"),
    QT_TRANSLATE_NOOP("StockTableModel", "Quantité des lots qui périment dans l'horizon d'alerte"),
    QT_TRANSLATE_NOOP("StockTableModel", "Jusqu'au stock maximum, en conditionnements entiers"),
    QT_TRANSLATE_NOOP("StockTableModel", "Situation par rapport au minimum et au maximum"),
)

# The units of the standard catalogue (resources/catalogue.csv), singular and French plural, so
# that they are translated; a unit a user adds to the catalogue is shown as written.
UNIT_TEXTS = (
    QT_TRANSLATE_NOOP("Unit", "sachet"),
    QT_TRANSLATE_NOOP("Unit", "sachets"),
    QT_TRANSLATE_NOOP("Unit", "comprimé"),
    QT_TRANSLATE_NOOP("Unit", "comprimés"),
    QT_TRANSLATE_NOOP("Unit", "gélule"),
    QT_TRANSLATE_NOOP("Unit", "gélules"),
    QT_TRANSLATE_NOOP("Unit", "plaquette"),
    QT_TRANSLATE_NOOP("Unit", "plaquettes"),
    QT_TRANSLATE_NOOP("Unit", "pièce"),
    QT_TRANSLATE_NOOP("Unit", "pièces"),
    QT_TRANSLATE_NOOP("Unit", "test"),
    QT_TRANSLATE_NOOP("Unit", "tests"),
    QT_TRANSLATE_NOOP("Unit", "kit"),
    QT_TRANSLATE_NOOP("Unit", "kits"),
    QT_TRANSLATE_NOOP("Unit", "boîte"),
    QT_TRANSLATE_NOOP("Unit", "boîtes"),
    QT_TRANSLATE_NOOP("Unit", "carton"),
    QT_TRANSLATE_NOOP("Unit", "cartons"),
    QT_TRANSLATE_NOOP("Unit", "paquet"),
    QT_TRANSLATE_NOOP("Unit", "paquets"),
)

#: columns whose text is a quantity "1 561 sachets (10,4 cartons)", shown on two lines
QUANTITY_COLUMNS = (1, 2, 5, 6)

Index = QModelIndex | QPersistentModelIndex


def status_text(status: StockStatus) -> str:
    return QCoreApplication.translate("Status", STATUS_TEXT[status])


def unit_text(unit: str, quantity: float) -> str:
    """A catalogue unit for a quantity, in the interface language: "1,5 carton", "2 comprimés"
    in French (core's unit_label), "1.5 cartons", "2 tablets" in English."""
    if QLocale().language() != QLocale.Language.French:
        quantity = 1 if abs(quantity) == 1 else 2
    return QCoreApplication.translate("Unit", unit_label(unit, quantity))


def format_date(day: date | None, locale: QLocale | None = None) -> str:
    """A date as the interface language writes it (French: 04/08/2026); "" for no date."""
    if day is None:
        return ""
    return (locale or QLocale()).toString(
        QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat
    )


def format_quantity(product: Product, value: int, locale: QLocale | None = None) -> str:
    """ "1 561 sachets (10,4 cartons)": base units, and packs when the product has them."""
    locale = locale or QLocale()
    text = f"{locale.toString(value)} {unit_text(product.base_unit, value)}"
    if product.pack_size > 1 and product.pack_unit and value:
        packs = value / product.pack_size
        if 0 < packs < 0.05:  # "1 gélule (0,0 boîte)" would read as nothing
            shown = "< " + locale.toString(0.1, "f", 1)
            return f"{text} ({shown} {unit_text(product.pack_unit, 0.1)})"
        text += f" ({locale.toString(packs, 'f', 1)} {unit_text(product.pack_unit, packs)})"
    return text


class StockTableModel(TableModel):
    """Sorts itself (a Python sort of a few hundred lines takes well under a millisecond,
    where a proxy calling `data()` for every comparison took about ten)."""

    CONTEXT = "StockTableModel"
    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[StockLine] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_lines(self, lines: list[StockLine]) -> None:
        self.beginResetModel()
        self._lines = self._sorted(list(lines))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        lines_at = [self._lines[index.row()] for index in old]
        self._lines = self._sorted(self._lines)
        rows = {id(line): row for row, line in enumerate(self._lines)}
        self.changePersistentIndexList(
            old,
            [
                self.index(rows[id(line)], index.column())
                for line, index in zip(lines_at, old, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sorted(self, lines: list[StockLine]) -> list[StockLine]:
        """A stable sort: lines with equal keys keep catalogue order, in both directions."""
        if self._sort is None:
            return lines
        column, order = self._sort
        return sorted(
            lines,
            key=lambda line: self._sort_key(line, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def line(self, row: int) -> StockLine:
        return self._lines[row]

    def lines(self) -> list[StockLine]:
        return list(self._lines)

    def row_count(self) -> int:
        return len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == SORT_ROLE:
            return self._sort_key(line, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_COLOUR.get(line.status)
        if role == Qt.ItemDataRole.ForegroundRole and line.status in STATUS_COLOUR:
            return QColor("#000000")
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= column <= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return line.product.name
            if column == 7:
                return QCoreApplication.translate("Status", STATUS_TOOLTIP[line.status])
        return None

    def _display(self, line: StockLine, column: int) -> str | None:
        locale = QLocale()
        product = line.product
        if column == 0:
            return f"{product.code} – {product.name}"
        if column == 1:
            return format_quantity(product, line.soh, locale)
        if column == 2:
            return format_quantity(product, line.usable_soh, locale)
        if column == 3:
            return locale.toString(line.amc)
        if column == 4:
            mos = line.months_of_stock
            return "–" if mos is None else locale.toString(float(mos), "f", 1)
        if column == 5:
            return (
                format_quantity(product, line.expiring_soon, locale) if line.expiring_soon else ""
            )
        if column == 6:
            return (
                format_quantity(product, line.order_quantity, locale) if line.order_quantity else ""
            )
        if column == 7:
            return status_text(line.status)
        return None

    def _sort_key(self, line: StockLine, column: int) -> Any:
        if column == 0:
            return line.product.code
        if column == 4:
            return float(line.months_of_stock) if line.months_of_stock is not None else 1e9
        if column == 7:
            return STATUS_RANK[line.status]
        return (
            None,
            line.soh,
            line.usable_soh,
            line.amc,
            None,
            line.expiring_soon,
            line.order_quantity,
        )[column]
