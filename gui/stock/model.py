"""Table model of a facility's stock lines (product, SOH, usable stock, AMC, MOS, order)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from core.catalogue import Product, unit_label
from core.consumption import StockStatus
from core.stock import StockLine

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
    None,
)

Index = QModelIndex | QPersistentModelIndex


def status_text(status: StockStatus) -> str:
    return QCoreApplication.translate("Status", STATUS_TEXT[status])


def format_quantity(product: Product, value: int, locale: QLocale | None = None) -> str:
    """ "1 561 sachets (10,4 cartons)": base units, and packs when the product has them."""
    locale = locale or QLocale()
    text = f"{locale.toString(value)} {unit_label(product.base_unit, value)}"
    if product.pack_size > 1 and product.pack_unit and value:
        packs = value / product.pack_size
        text += f" ({locale.toString(packs, 'f', 1)} {unit_label(product.pack_unit, packs)})"
    return text


class StockTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._lines: list[StockLine] = []

    def set_lines(self, lines: list[StockLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> StockLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("StockTableModel", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and TOOLTIPS[section]:
            return QCoreApplication.translate("StockTableModel", TOOLTIPS[section])
        return None

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
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return line.product.name
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
            return locale.toString(line.expiring_soon) if line.expiring_soon else ""
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
