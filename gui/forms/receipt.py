"""The receipt form (bon de réception): a delivery note of several lines, saved all or none."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from core import services
from core.application import Application
from core.catalogue import Product
from core.errors import DomainError
from core.facilities import fold
from core.services import ReceiptLine
from gui.forms.common import (
    DATE_FORMAT,
    MAX_QUANTITY,
    EntryForm,
    ProductCombo,
    QuantitySpin,
    make_date_edit,
    product_text,
)
from gui.labels import number_text
from gui.stock.model import format_date, format_quantity, unit_text

Index = QModelIndex | QPersistentModelIndex

COL_PRODUCT, COL_QUANTITY, COL_UNIT, COL_BASE, COL_LOT, COL_EXPIRY, COL_CHECK = range(7)

HEADERS = (
    QT_TRANSLATE_NOOP("ReceiptLinesModel", "Produit"),
    QT_TRANSLATE_NOOP("ReceiptLinesModel", "Quantité"),
    QT_TRANSLATE_NOOP("ReceiptLinesModel", "Unité"),
    QT_TRANSLATE_NOOP("ReceiptLinesModel", "Soit"),
    QT_TRANSLATE_NOOP("ReceiptLinesModel", "Lot"),
    QT_TRANSLATE_NOOP("ReceiptLinesModel", "Péremption"),
    QT_TRANSLATE_NOOP("ReceiptLinesModel", "Contrôle"),
)

SUPPLIERS = ("UNICEF", "PPM")
PROBLEM_BACKGROUND = QColor("#f6c6c6")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReceiptLinesModel", text)


def units_text(product: Product, packs: bool) -> str:
    """ "sachets" or "cartons de 150"."""
    if packs:
        return QCoreApplication.translate("ReceiptLinesModel", "{0} de {1}").format(
            unit_text(product.pack_unit, 2), product.pack_size
        )
    return unit_text(product.base_unit, 2)


def has_packs(product: Product | None) -> bool:
    return product is not None and product.pack_size > 1 and bool(product.pack_unit)


@dataclass(frozen=True, slots=True)
class DraftLine:
    """A line of the delivery note as typed so far; quantity counts units or packs."""

    product: Product | None = None
    quantity: int = 0
    in_packs: bool = False
    lot: str = ""
    expiry: date | None = None
    expiry_from_lot: bool = False  # filled in from a known lot, not typed

    @property
    def base_quantity(self) -> int:
        if self.product is not None and self.in_packs:
            return self.quantity * self.product.pack_size
        return self.quantity

    @property
    def is_blank(self) -> bool:
        return self.product is None and not self.quantity and not self.lot and self.expiry is None


class ReceiptLinesModel(QAbstractTableModel):
    """The lines of a receipt, editable cell by cell, each checked as it is typed."""

    lines_changed = Signal()

    def __init__(
        self,
        products: list[Product],
        today: date,
        known_lots: dict[tuple[str, str], date | None] | None = None,
    ) -> None:
        super().__init__()
        self.products = list(products)
        self._by_code = {p.code: p for p in self.products}
        self.today = today
        self.known_lots = dict(known_lots or {})
        self._lines: list[DraftLine] = [DraftLine()]

    # --- reading ------------------------------------------------------------------------------

    def line(self, row: int) -> DraftLine:
        return self._lines[row]

    def lines(self) -> list[DraftLine]:
        return list(self._lines)

    def filled_rows(self) -> list[int]:
        """Rows to save: the non-blank ones (every row when all are blank, so they get checked)."""
        rows = [n for n, line in enumerate(self._lines) if not line.is_blank]
        return rows or list(range(len(self._lines)))

    def line_problems(self, row: int) -> list[tuple[int, str]]:
        """(column, what to do) for one line."""
        line = self._lines[row]
        product = line.product
        found: list[tuple[int, str]] = []
        if product is None:
            found.append(
                (
                    COL_PRODUCT,
                    QCoreApplication.translate("ReceiptLinesModel", "choisissez le produit livré."),
                )
            )
        if line.quantity <= 0:
            found.append(
                (
                    COL_QUANTITY,
                    QCoreApplication.translate("ReceiptLinesModel", "indiquez la quantité reçue."),
                )
            )
        if product is None or not product.has_lots:
            return found
        lot = line.lot
        if not lot:
            found.append(
                (
                    COL_LOT,
                    QCoreApplication.translate(
                        "ReceiptLinesModel", "indiquez le numéro de lot inscrit sur l'emballage."
                    ),
                )
            )
        known = (product.code, lot) in self.known_lots
        known_expiry = self.known_lots.get((product.code, lot))
        if not product.has_expiry:
            return found
        if line.expiry is None:
            if not (lot and known):
                found.append(
                    (
                        COL_EXPIRY,
                        QCoreApplication.translate(
                            "ReceiptLinesModel", "indiquez la date de péremption du lot."
                        ),
                    )
                )
        elif line.expiry <= self.today:
            found.append(
                (
                    COL_EXPIRY,
                    QCoreApplication.translate(
                        "ReceiptLinesModel",
                        "le {0} est passé : ce lot serait déjà périmé. Vérifiez la date "
                        "(un lot périmé ne se réceptionne pas).",
                    ).format(format_date(line.expiry)),
                )
            )
        elif lot and known and known_expiry != line.expiry:
            shown = format_date(known_expiry) or QCoreApplication.translate(
                "ReceiptLinesModel", "sans date"
            )
            found.append(
                (
                    COL_EXPIRY,
                    QCoreApplication.translate(
                        "ReceiptLinesModel",
                        "le lot {0} est déjà enregistré avec la péremption {1} : vérifiez le "
                        "lot ou la date.",
                    ).format(lot, shown),
                )
            )
        if lot and line.expiry is not None:
            for other_row, other in enumerate(self._lines[:row]):
                if (
                    other.product == product
                    and other.lot == lot
                    and other.expiry is not None
                    and other.expiry != line.expiry
                ):
                    found.append(
                        (
                            COL_EXPIRY,
                            QCoreApplication.translate(
                                "ReceiptLinesModel",
                                "le lot {0} figure déjà ligne {1} avec la péremption {2} : "
                                "un lot n'a qu'une date.",
                            ).format(lot, other_row + 1, format_date(other.expiry)),
                        )
                    )
                    break
        return found

    def problems(self) -> list[str]:
        """Every problem of the lines to save, naming the line and the column."""
        found = []
        for row in self.filled_rows():
            for column, text in self.line_problems(row):
                found.append(
                    QCoreApplication.translate(
                        "ReceiptLinesModel", "Ligne {0}, colonne {1} : {2}"
                    ).format(row + 1, _tr(HEADERS[column]), text)
                )
        return found

    def receipt_lines(self) -> tuple[list[int], list[ReceiptLine]]:
        """The rows saved and their service lines, quantities in base units."""
        rows = [n for n in self.filled_rows() if not self._lines[n].is_blank]
        result = []
        for row in rows:
            line = self._lines[row]
            assert line.product is not None
            result.append(ReceiptLine(line.product.code, line.base_quantity, line.lot, line.expiry))
        return rows, result

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return _tr(HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._lines):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        line = self._lines[index.row()]
        product = line.product
        column = index.column()
        editable = (
            column in (COL_PRODUCT, COL_QUANTITY)
            or (column == COL_UNIT and has_packs(product))
            or (column == COL_LOT and product is not None and product.has_lots)
            or (column == COL_EXPIRY and product is not None and product.has_expiry)
        )
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, column = index.row(), index.column()
        line = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_CHECK or self._problem_in(row, column):
                texts = [t for c, t in self.line_problems(row) if column in (c, COL_CHECK)]
                return "\n".join(texts) or None
            if column == COL_PRODUCT and line.product is not None:
                return line.product.name
            return None
        if role == Qt.ItemDataRole.BackgroundRole and self._problem_in(row, column):
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._problem_in(row, column):
                return QColor("#000000")
            if line.product is None and column == COL_PRODUCT:
                return QColor("#707070")
            return None
        if role == Qt.ItemDataRole.FontRole and line.product is None and column == COL_PRODUCT:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_QUANTITY, COL_BASE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _problem_in(self, row: int, column: int) -> bool:
        if self._lines[row].is_blank:
            return False
        problems = self.line_problems(row)
        return bool(problems) and (column == COL_CHECK or any(c == column for c, _ in problems))

    def _display(self, line: DraftLine, row: int, column: int) -> str | None:
        product = line.product
        if column == COL_PRODUCT:
            return (
                product_text(product)
                if product
                else QCoreApplication.translate("ReceiptLinesModel", "(cliquez pour choisir)")
            )
        if column == COL_QUANTITY:
            return number_text(line.quantity) if line.quantity else ""
        if column == COL_UNIT:
            return units_text(product, line.in_packs) if product else ""
        if column == COL_BASE:
            if product is None or not line.quantity:
                return ""
            return "= " + format_quantity(product, line.base_quantity).split(" (")[0]
        if column == COL_LOT:
            if product is not None and not product.has_lots:
                return QCoreApplication.translate("ReceiptLinesModel", "sans lot")
            return line.lot
        if column == COL_EXPIRY:
            if product is not None and not product.has_expiry:
                return "—"
            return format_date(line.expiry)
        if column == COL_CHECK:
            if line.is_blank:
                return ""
            problems = self.line_problems(row)
            if not problems:
                return "✔ " + QCoreApplication.translate("ReceiptLinesModel", "complète")
            columns = dict.fromkeys(_tr(HEADERS[c]) for c, _ in problems)
            return "⚠ " + ", ".join(columns)
        return None

    def _edit_value(self, line: DraftLine, column: int) -> Any:
        if column == COL_PRODUCT:
            return line.product.code if line.product else ""
        if column == COL_QUANTITY:
            return line.quantity
        if column == COL_UNIT:
            return line.in_packs
        if column == COL_LOT:
            return line.lot
        if column == COL_EXPIRY:
            return QDate(line.expiry) if line.expiry else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row, column = index.row(), index.column()
        line = self._lines[row]
        if column == COL_PRODUCT:
            product = self._by_code.get(str(value or ""))
            if product == line.product:
                return False
            line = replace(
                line,
                product=product,
                in_packs=line.in_packs and has_packs(product),
                lot=line.lot if product is None or product.has_lots else "",
                expiry=line.expiry if product is None or product.has_expiry else None,
            )
        elif column == COL_QUANTITY:
            try:
                quantity = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= quantity <= MAX_QUANTITY:
                return False
            line = replace(line, quantity=quantity)
        elif column == COL_UNIT:
            line = replace(line, in_packs=bool(value))
        elif column == COL_LOT:
            lot = str(value or "").strip()
            if lot == line.lot:
                return False
            line = replace(line, lot=lot)
            if line.expiry_from_lot:  # the date came with the previous lot: not this one's
                line = replace(line, expiry=None, expiry_from_lot=False)
        elif column == COL_EXPIRY:
            expiry = value.toPython() if isinstance(value, QDate) and value.isValid() else value
            line = replace(
                line, expiry=expiry if isinstance(expiry, date) else None, expiry_from_lot=False
            )
        else:
            return False
        line = self._with_known_expiry(line)
        self._lines[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.lines_changed.emit()
        return True

    def _with_known_expiry(self, line: DraftLine) -> DraftLine:
        """A lot already in stock brings its expiry date, so the user need not retype it."""
        if line.product is None or not line.lot or line.expiry is not None:
            return line
        known = self.known_lots.get((line.product.code, line.lot))
        return replace(line, expiry=known, expiry_from_lot=True) if known else line

    def add_line(self) -> int:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(DraftLine())
        self.endInsertRows()
        self.lines_changed.emit()
        return row

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()
        if not self._lines:
            self.add_line()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._lines) - 1)
        self.lines_changed.emit()


class ReceiptDelegate(QStyledItemDelegate):
    """Editors of the receipt lines: product search, quantity, unit, lot, expiry."""

    def __init__(self, model: ReceiptLinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == COL_PRODUCT:
            combo = ProductCombo(self.lines.products, parent)
            combo.setMinimumContentsLength(12)
            combo.activated.connect(lambda _=0, c=combo: self._commit_and_close(c))
            return combo
        if column == COL_QUANTITY:
            return QuantitySpin(parent)
        if column == COL_UNIT:
            units = QComboBox(parent)
            product = self.lines.line(index.row()).product
            if product is not None:
                units.addItem(units_text(product, False), False)
                if has_packs(product):
                    units.addItem(units_text(product, True), True)
            units.activated.connect(lambda _=0, c=units: self._commit_and_close(c))
            return units
        if column == COL_EXPIRY:
            edit = QDateEdit(parent)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
            edit.setMinimumDate(QDate(2000, 1, 1))
            return edit
        if column == COL_LOT:
            return QLineEdit(parent)
        return super().createEditor(parent, option, index)

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, ProductCombo):
            editor.set_product(str(value) if value else None)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
            editor.selectAll()
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(bool(value)), 0))
        elif isinstance(editor, QDateEdit):
            # An empty expiry opens on today; a date is only written if the user changes it, so
            # passing through the cell neither invents a date nor claims one as typed.
            start = value if isinstance(value, QDate) else QDate(self.lines.today)
            editor.setDate(start)
            editor.setProperty("initial", start)
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, ProductCombo):
            product = editor.product()
            if product is None and editor.currentText().strip():
                return  # text matching no product: keep the previous choice
            model.setData(index, product.code if product else "")
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, bool(editor.currentData()))
        elif isinstance(editor, QDateEdit):
            if editor.date() == editor.property("initial"):
                return  # only passed through: keep the value (or its absence) as it was
            model.setData(index, editor.date())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        else:
            super().setModelData(editor, model, index)


class ReceiptForm(EntryForm):
    """Bon de réception: date, supplier, delivery-note reference and the lines received."""

    def __init__(self, app: Application, facility: str, parent: QWidget | None = None) -> None:
        super().__init__(app, facility, self.tr("Réception (bon de réception)"), parent)
        uow = app.uow
        self.facilities = services.list_facilities(uow())
        products = services.list_products(uow())
        known = {
            (line.product.code, line.lot): line.expiry
            for line in services.count_sheet(uow(), facility, self.today)
            if line.lot
        }
        self._saved_rows: list[int] = []

        header = QFormLayout()
        self.date = make_date_edit(self.today)
        self.supplier = QComboBox()
        self.supplier.setEditable(True)
        self.supplier.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.supplier.setMinimumContentsLength(30)
        self.supplier.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fill_suppliers()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("N° inscrit sur le bon de livraison"))
        header.addRow(self.tr("&Date de réception :"), self.date)
        header.addRow(self.tr("&Fournisseur :"), self.supplier)
        header.addRow(self.tr("N° du bon de &livraison :"), self.reference)
        self.body.addLayout(header)

        self.lines = ReceiptLinesModel(products, self.today, known)
        self.view = QTableView()
        self.view.setModel(self.lines)
        self.view.setItemDelegate(ReceiptDelegate(self.lines, self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header_view = self.view.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(COL_PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_QUANTITY, 90),
            (COL_UNIT, 130),
            (COL_BASE, 130),
            (COL_LOT, 110),
            (COL_EXPIRY, 110),
            (COL_CHECK, 120),
        ):
            self.view.setColumnWidth(column, width)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.verticalHeader().defaultSectionSize() + 6
        )
        self.body.addWidget(self.view, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("+ Ajouter une ligne"))
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.add_button.setToolTip(self.tr("Ajouter un produit au bon (Ctrl+N)"))
        self.remove_button = QPushButton(self.tr("Supprimer la ligne"))
        self.remove_button.setToolTip(self.tr("Retirer la ligne sélectionnée du bon"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.lines.lines_changed.connect(self.touch)
        self.lines.rowsRemoved.connect(lambda *_: self._update_buttons())
        self.lines.rowsInserted.connect(lambda *_: self._update_buttons())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.date.dateChanged.connect(self.touch)
        self.supplier.editTextChanged.connect(self.touch)
        self.reference.textEdited.connect(self.touch)
        self.resize(1000, 560)
        self._update_buttons()
        self.validate()

    def _fill_suppliers(self) -> None:
        own = next((f for f in self.facilities if f.code == self.facility), None)
        ordered = sorted(
            (f for f in self.facilities if f.code != self.facility),
            key=lambda f: (own is None or f.code != own.supplier_code, f.name),
        )
        for other in ordered:
            self.supplier.addItem(f"{other.name} ({other.code})", other.code)
        for name in SUPPLIERS:
            self.supplier.addItem(name, name)
        if own is not None and own.supplier_code:
            self.supplier.setCurrentIndex(self.supplier.findData(own.supplier_code))
        else:
            self.supplier.setCurrentIndex(-1)
        self.supplier.lineEdit().setPlaceholderText(
            self.tr("Établissement, UNICEF, PPM, ONG… (choisissez ou tapez)")
        )

    def supplier_value(self) -> str:
        """The supplier's code when it is a known facility, else the name as typed."""
        text = self.supplier.currentText().strip()
        folded = fold(text)
        for row in range(self.supplier.count()):
            if folded in (
                fold(self.supplier.itemText(row)),
                fold(str(self.supplier.itemData(row))),
            ):
                return str(self.supplier.itemData(row))
        return text

    def _on_add(self) -> None:
        row = self.lines.add_line()
        self.view.setFocus()
        self.view.setCurrentIndex(self.lines.index(row, COL_PRODUCT))

    def _on_remove(self) -> None:
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else self.lines.rowCount() - 1
        self.lines.remove_line(row)

    def _update_buttons(self) -> None:
        current = self.view.currentIndex()
        self.remove_button.setEnabled(
            self.lines.rowCount() > 1 or not self.lines.line(0).is_blank or current.isValid()
        )

    def has_input(self) -> bool:
        return any(not line.is_blank for line in self.lines.lines()) or bool(
            self.reference.text().strip()
        )

    def problems(self) -> list[str]:
        found = []
        if not self.supplier.currentText().strip():
            found.append(
                self.tr("Fournisseur : indiquez qui a livré (établissement, UNICEF, PPM, ONG…).")
            )
        return found + self.lines.problems()

    def save(self) -> str:
        rows, lines = self.lines.receipt_lines()
        self._saved_rows = rows
        services.receive_stock(
            self.app.uow(),
            self.app.ctx,
            self.facility,
            self.date.date().toPython(),
            lines,
            supplier=self.supplier_value(),
            reference=self.reference.text().strip(),
        )
        if len(lines) == 1:
            text = self.tr("Réception enregistrée : 1 ligne")
        else:
            text = self.tr("Réception enregistrée : {0} lignes").format(len(lines))
        reference = self.reference.text().strip()
        if reference:
            text += self.tr(" (bon {0})").format(reference)
        return text

    def explain(self, error: DomainError) -> str:
        """The service numbers the lines it was given; point at the line in the table."""
        message = str(error)
        found = re.match(r"^Ligne (\d+) : (.*)$", message, re.DOTALL)
        if found and 0 < int(found.group(1)) <= len(self._saved_rows):
            row = self._saved_rows[int(found.group(1)) - 1]
            self.view.setCurrentIndex(self.lines.index(row, COL_LOT))
            return self.tr("Ligne {0} : {1}").format(row + 1, found.group(2))
        return message
