"""The lots a dispensing or transfer may take: FEFO by default, another lot on request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.catalogue import Product
from core.ledger import LotStock, allocate_fefo
from core.stock import add_months
from gui.labels import lot_text, number_text, quantity_text
from gui.stock.model import format_date
from gui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

LOT_HEADERS = (
    QT_TRANSLATE_NOOP("LotTableModel", "Lot"),
    QT_TRANSLATE_NOOP("LotTableModel", "Péremption"),
    QT_TRANSLATE_NOOP("LotTableModel", "Utilisable"),
    QT_TRANSLATE_NOOP("LotTableModel", "État"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LotTableModel", text)


@dataclass(frozen=True, slots=True)
class LotRow:
    """A lot in stock on the form's date and whether it may leave."""

    stock: LotStock
    expired: bool
    expiring_soon: bool

    @property
    def selectable(self) -> bool:
        return not self.expired and self.stock.available > 0


class LotTableModel(TableModel):
    """Lots FEFO first; expired lots are shown greyed, with why they cannot be taken."""

    CONTEXT = "LotTableModel"
    HEADERS = LOT_HEADERS

    def __init__(self, refused_text: str) -> None:
        super().__init__()
        self._rows: list[LotRow] = []
        self._product: Product | None = None
        self._refused_text = refused_text

    def set_rows(self, product: Product | None, rows: list[LotRow]) -> None:
        self.beginResetModel()
        self._product = product
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> LotRow:
        return self._rows[number]

    def rows(self) -> list[LotRow]:
        return list(self._rows)

    def row_count(self) -> int:
        return len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].selectable:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # greyed, and a click cannot choose it

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and not row.selectable:
            return self._state(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.selectable:
            return QColor("#707070")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: LotRow, column: int) -> str | None:
        stock = row.stock
        if column == 0:
            return lot_text(stock.lot)
        if column == 1:
            return format_date(stock.expiry) or "—"
        if column == 2:
            if self._product is None:
                return number_text(stock.available)
            return quantity_text(self._product, stock.available)
        if column == 3:
            return self._state(row)
        return None

    def _state(self, row: LotRow) -> str:
        if row.expired:
            return "✖ " + self._refused_text
        if row.stock.available <= 0:
            return "✖ " + QCoreApplication.translate(
                "LotTableModel", "déjà engagé par des sorties postérieures"
            )
        if row.expiring_soon:
            return "▲ " + QCoreApplication.translate(
                "LotTableModel", "périme bientôt : à sortir en premier"
            )
        return "✔ " + QCoreApplication.translate("LotTableModel", "utilisable")


class LotPicker(QWidget):
    """The lots table, the FEFO split that will be taken, and a way back to FEFO."""

    changed = Signal()

    def __init__(self, refused_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product: Product | None = None
        self.on: date | None = None
        self.model = LotTableModel(refused_text)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 4 + 8)
        self.view.setToolTip(
            self.tr("Cliquez sur un lot pour le sortir à la place de celui proposé (PPPS).")
        )
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.auto_button = QPushButton(self.tr("Revenir au PPPS"))
        self.auto_button.setToolTip(
            self.tr("Premier périmé, premier sorti : le lot qui périme le premier sort d'abord.")
        )
        self.auto_button.setAutoDefault(False)
        self.auto_button.clicked.connect(self.view.clearSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.plan_label, 1)
        bottom.addWidget(self.auto_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.auto_button.setEnabled(False)

    def _on_selection_changed(self, *_: object) -> None:
        self.auto_button.setEnabled(self.chosen() is not None)
        self.changed.emit()

    def set_lots(
        self,
        product: Product | None,
        lots: list[LotStock],
        on: date,
        warning_months: int = 3,
    ) -> None:
        """Show `lots` (already FEFO first) on `on`; a chosen lot stays chosen if still allowed."""
        kept = self.chosen()
        self.product, self.on = product, on
        horizon = add_months(on, warning_months)
        rows = [
            LotRow(
                stock,
                expired=stock.is_expired(on),
                expiring_soon=stock.expiry is not None and stock.expiry <= horizon,
            )
            for stock in lots
        ]
        self.model.set_rows(product, rows)
        if kept is not None:
            self.choose(kept.lot)
        self.auto_button.setEnabled(self.chosen() is not None)
        self.changed.emit()

    def choose(self, lot: str) -> bool:
        """Select `lot` as a user's click would; False when it cannot be taken (expired…)."""
        for number, row in enumerate(self.model.rows()):
            if row.stock.lot == lot and row.selectable:
                self.view.selectionModel().select(
                    self.model.index(number, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.setCurrentIndex(self.model.index(number, 0))
                return True
        return False

    def chosen(self) -> LotStock | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(rows[0].row()).stock

    def usable_total(self) -> int:
        return sum(r.stock.available for r in self.model.rows() if r.selectable)

    def expired_total(self) -> int:
        return sum(r.stock.balance for r in self.model.rows() if r.expired)

    def plan(self, quantity: int) -> list[tuple[LotStock, int]] | None:
        """What will be taken from which lot, or None if the quantity cannot be served."""
        if quantity <= 0 or self.on is None:
            return None
        chosen = self.chosen()
        if chosen is not None:
            return [(chosen, quantity)] if quantity <= chosen.available else None
        if quantity > self.usable_total():
            return None
        usable = [r.stock for r in self.model.rows() if r.selectable]
        return allocate_fefo(usable, quantity, self.on, self.product.code if self.product else "")

    def describe(self, quantity: int) -> None:
        """Say in words what the save will take."""
        plan = self.plan(quantity)
        if plan is None:
            if self.chosen() is None:
                self.plan_label.setText(
                    self.tr(
                        "Par défaut, le lot qui périme le premier sort en premier (PPPS). "
                        "Cliquez sur un lot pour en choisir un autre."
                    )
                )
            else:
                self.plan_label.setText(self.tr("Lot choisi à la place du PPPS."))
            return
        parts = []
        for stock, take in plan:
            if self.product is not None and not self.product.has_lots:
                parts.append(quantity_text(self.product, take))
            elif stock.expiry is not None:
                parts.append(
                    self.tr("{0} du lot {1} ({2})").format(
                        number_text(take), stock.lot, format_date(stock.expiry)
                    )
                )
            else:
                parts.append(self.tr("{0} du lot {1}").format(number_text(take), stock.lot))
        text = self.tr("Sera pris : {0}").format(", ".join(parts))
        if self.chosen() is not None:
            text += self.tr(" — lot choisi à la place du PPPS.")
        self.plan_label.setText(text)
