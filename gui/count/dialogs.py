"""Dialogs of the count: add a lot found on the shelf, confirm the count before recording it."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.catalogue import Product
from gui.count.model import CountInputError, CountRow, CountValidator, parse_count
from gui.stock.model import unit_text
from gui.stock_card.model import format_date

MAX_LOT = 60
ERROR_STYLE = "color: #b00020;"


def parse_expiry(text: str) -> date:
    """An expiry date as written on a box: dd/mm/yyyy, or mm/yyyy meaning the month's last day."""
    parts = [p for p in re.split(r"[/.\-\s]+", text.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts) or len(parts) not in (2, 3):
        raise ValueError
    if len(parts) == 2:
        month, year = int(parts[0]), int(parts[1])
        year += 2000 if year < 100 else 0
        day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
    else:
        day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
        year += 2000 if year < 100 else 0
    return date(year, month, day)


class FoundLotDialog(QDialog):
    """A lot found on the shelf that the count sheet does not list: product, lot, expiry and
    the quantity counted. `existing(product_code, lot)` gives the sheet row that already has it."""

    def __init__(
        self,
        products: Sequence[Product],
        existing: Callable[[str, str], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ajouter un lot trouvé sur l'étagère"))
        self.setMinimumWidth(520)
        self._products = {p.code: p for p in products}
        self._existing = existing
        self._row: CountRow | None = None

        intro = QLabel(
            self.tr(
                "Un lot est sur l'étagère mais pas sur la fiche d'inventaire ? Indiquez-le ici : "
                "l'inventaire l'ajoutera au stock."
            )
        )
        intro.setWordWrap(True)
        self.product = QComboBox()
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product.addItem(self.tr("— choisir un produit —"), None)
        for product in products:
            self.product.addItem(f"{product.code} – {product.name}", product.code)
        completer = self.product.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lot = QLineEdit()
        self.lot.setMaxLength(MAX_LOT)
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText(self.tr("jj/mm/aaaa ou mm/aaaa"))
        self.counted = QLineEdit()
        self.counted.setValidator(CountValidator(self.counted))
        self.counted.setPlaceholderText(self.tr("ex. 150"))
        self.unit = QLabel()
        self.expiry_read = QLabel()

        form = QFormLayout()
        form.addRow(self.tr("Produit :"), self.product)
        form.addRow(self.tr("Lot :"), self.lot)
        form.addRow(self.tr("Péremption :"), self.expiry)
        form.addRow("", self.expiry_read)
        form.addRow(self.tr("Quantité comptée :"), self.counted)
        form.addRow("", self.unit)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Ajouter la ligne"))
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(
            QPushButton(self.tr("Annuler")), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.product.currentIndexChanged.connect(self._validate)
        for edit in (self.lot, self.expiry, self.counted):
            edit.textChanged.connect(self._validate)
        self._validate()

    def selected_product(self) -> Product | None:
        code = self.product.currentData()
        return self._products.get(str(code)) if code is not None else None

    def row(self) -> CountRow | None:
        """The line to add, once the form is valid."""
        return self._row

    def _validate(self) -> None:
        self._row = None
        product = self.selected_product()
        problem = self._problem(product)
        self.error.setText(problem or "")
        self.ok_button.setEnabled(problem is None and self._row is not None)

    def _problem(self, product: Product | None) -> str | None:
        self.expiry_read.clear()
        self.lot.setEnabled(product is None or product.has_lots)
        self.expiry.setEnabled(product is None or product.has_expiry)
        if product is None:
            self.unit.clear()
            return self.tr("Produit : choisissez le produit trouvé.")
        self.unit.setText(self.tr("en {0} (unité de base)").format(unit_text(product.base_unit, 2)))
        lot = self.lot.text().strip() if product.has_lots else ""
        if product.has_lots and not lot:
            return self.tr("Lot : tapez le numéro de lot écrit sur la boîte.")
        existing = self._existing(product.code, lot)
        if existing is not None:
            return self.tr(
                "Lot : ce lot est déjà sur la fiche (ligne {0}). Saisissez la quantité sur "
                "cette ligne."
            ).format(existing + 1)
        expiry: date | None = None
        if product.has_expiry:
            text = self.expiry.text().strip()
            if not text:
                return self.tr("Péremption : tapez la date écrite sur la boîte (ex. 31/05/2028).")
            try:
                expiry = parse_expiry(text)
            except ValueError:
                return self.tr(
                    "Péremption : « {0} » n'est pas une date. Écrivez jj/mm/aaaa ou mm/aaaa."
                ).format(text)
            self.expiry_read.setText(self.tr("soit le {0}").format(format_date(expiry)))
        try:
            counted = parse_count(self.counted.text())
        except CountInputError as exc:
            return str(exc)
        if counted is None or counted == 0:
            return self.tr("Quantité comptée : tapez combien d'unités vous avez trouvées.")
        self._row = CountRow(product, lot, expiry, 0, counted=counted, found=True)
        return None

    def accept(self) -> None:
        self._validate()
        if self._row is not None:
            super().accept()


def open_found_lot_dialog(
    parent: QWidget,
    products: Sequence[Product],
    existing: Callable[[str, str], int | None],
) -> CountRow | None:
    dialog = FoundLotDialog(products, existing, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.row()
    return None


class CountConfirmDialog(QDialog):
    """What is about to be recorded, with the differences listed, before anything is saved."""

    def __init__(
        self, heading: str, details: Sequence[str], footer: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Valider l'inventaire"))
        self.setMinimumSize(620, 360)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.details = QPlainTextEdit("\n".join(details))
        self.details.setReadOnly(True)
        self.footer = QLabel(footer)
        self.footer.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.confirm_button = QPushButton(self.tr("Enregistrer l'inventaire"))
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(
            QPushButton(self.tr("Revenir à la saisie")), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.footer)
        layout.addWidget(buttons)


def open_count_confirmation(
    parent: QWidget, heading: str, details: Sequence[str], footer: str
) -> bool:
    return (
        CountConfirmDialog(heading, details, footer, parent).exec() == QDialog.DialogCode.Accepted
    )
