"""Table model of a facility's stock lines (product, SOH, usable stock, AMC, MOS, order)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.catalogue import unit_label
from core.consumption import StockStatus
from core.stock import StockLine

STATUS_TEXT = {
    StockStatus.STOCKED_OUT: "✖ Rupture",
    StockStatus.EMERGENCY: "▲ Commande d'urgence",
    StockStatus.BELOW_MIN: "▼ Sous le minimum",
    StockStatus.OK: "✔ Normal",
    StockStatus.OVERSTOCKED: "● Surstock",
    StockStatus.NO_CONSUMPTION: "– Pas de consommation",
    StockStatus.NOT_STOCKED: "Jamais reçu",
}

STATUS_COLOUR = {
    StockStatus.STOCKED_OUT: QColor("#f8d0d0"),
    StockStatus.EMERGENCY: QColor("#fbe0c0"),
    StockStatus.BELOW_MIN: QColor("#fff4c0"),
}

Index = QModelIndex | QPersistentModelIndex


class StockTableModel(QAbstractTableModel):
    HEADERS = (
        "Produit",
        "Stock",
        "SDU",
        "CMM",
        "MSD",
        "Périme ≤ 3 mois",
        "À commander",
        "Statut",
    )

    def __init__(self, locale: QLocale | None = None) -> None:
        super().__init__()
        self._lines: list[StockLine] = []
        self._locale = locale or QLocale(QLocale.Language.French, QLocale.Country.Mali)

    def set_lines(self, lines: list[StockLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> StockLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def _quantity(self, line: StockLine, value: int) -> str:
        product = line.product
        text = f"{self._locale.toString(value)} {unit_label(product.base_unit, value)}"
        if product.pack_size > 1 and product.pack_unit and value:
            packs = value / product.pack_size
            shown = self._locale.toString(packs, "f", 1)
            text += f" ({shown} {unit_label(product.pack_unit, packs)})"
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{line.product.code} – {line.product.name}"
            if column == 1:
                return self._quantity(line, line.soh)
            if column == 2:
                return self._quantity(line, line.usable_soh)
            if column == 3:
                return self._locale.toString(line.amc)
            if column == 4:
                mos = line.months_of_stock
                return "–" if mos is None else self._locale.toString(float(mos), "f", 1)
            if column == 5:
                return self._locale.toString(line.expiring_soon)
            if column == 6:
                return self._quantity(line, line.order_quantity)
            if column == 7:
                return STATUS_TEXT[line.status]
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_COLOUR.get(line.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= column <= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
