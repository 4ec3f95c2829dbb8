"""Dispensing and transfer forms: stock leaving, FEFO lot proposed, expired lots refused."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from core import services
from core.application import Application
from core.catalogue import Product
from core.errors import DomainError, InsufficientStock
from core.facilities import Facility, check_code, fold
from gui.forms.common import HINT_STYLE, EntryForm, ProductCombo, QuantityInput, make_date_edit
from gui.forms.lots import LotPicker
from gui.labels import number_text, quantity_text
from gui.stock.model import format_date, unit_text


class OutgoingForm(EntryForm):
    """Product, date, quantity and lots; subclasses add their fields and their service call."""

    def __init__(
        self,
        app: Application,
        facility: str,
        title: str,
        refused_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, facility, title, parent)
        self.products = services.list_products(app.uow())
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body.addLayout(self.form)
        self.product = ProductCombo(self.products)
        self.date = make_date_edit(self.today)
        self.quantity = QuantityInput()
        self.lots = LotPicker(refused_text)
        self.reference = QLineEdit()
        self.product.product_changed.connect(self._on_product_changed)
        self.date.dateChanged.connect(self._on_date_changed)
        self.quantity.changed.connect(self.touch)
        self.lots.changed.connect(self.touch)
        self.reference.textEdited.connect(self.touch)

    def add_common_rows(self) -> None:
        self.form.addRow(self.tr("&Produit :"), self.product)
        self.form.addRow(self.tr("&Date :"), self.date)
        self.form.addRow(self.tr("&Quantité :"), self.quantity)
        self.form.addRow(self.tr("Lots en stock :"), self.lots)
        self.body.setStretchFactor(self.form, 1)

    def selected_product(self) -> Product | None:
        return self.product.product()

    def _on_product_changed(self, product: Product | None) -> None:
        self.quantity.set_product(product)
        self._load_lots()
        self.touch()

    def _on_date_changed(self) -> None:
        self._load_lots()
        self.touch()

    def _load_lots(self) -> None:
        product = self.selected_product()
        on = self.date.date().toPython()
        if product is None:
            self.lots.set_lots(None, [], on)
            return
        lots = services.propose_lots(self.app.uow(), self.facility, product.code, on)
        policy = services.effective_policy(self.app.uow(), product.code, self.facility)
        with QSignalBlocker(self.lots):
            self.lots.set_lots(product, lots, on, policy.expiry_warning_months)

    def has_input(self) -> bool:
        return bool(
            self.product.currentText().strip()
            or self.quantity.typed()
            or self.reference.text().strip()
        )

    def verb(self) -> str:
        """The action, for messages: "dispensée", "transférée"."""
        raise NotImplementedError

    def problems(self) -> list[str]:
        found: list[str] = []
        product = self.selected_product()
        quantity = self.quantity.base_quantity()
        on = self.date.date().toPython()
        self.lots.describe(quantity)
        if product is None:
            typed = self.product.currentText().strip()
            if typed:
                found.append(
                    self.tr(
                        "Produit : « {0} » n'est pas dans le catalogue : choisissez un produit "
                        "dans la liste."
                    ).format(typed)
                )
            else:
                found.append(self.tr("Produit : choisissez le produit dans la liste."))
            return found
        usable = self.lots.usable_total()
        if usable <= 0:
            message = self.tr("Produit : aucun stock utilisable de {0} ici le {1}.").format(
                product.code, format_date(on)
            )
            expired = self.lots.expired_total()
            if expired:
                message += " " + self.tr(
                    "{0} en lots périmés : enregistrez-les en perte (motif Périmé)."
                ).format(quantity_text(product, expired))
            found.append(message)
            return found
        if quantity <= 0:
            found.append(self.tr("Quantité : indiquez la quantité {0}.").format(self.verb()))
            return found
        chosen = self.lots.chosen()
        if chosen is not None and quantity > chosen.available:
            found.append(
                self.tr(
                    "Quantité : stock insuffisant dans le lot {0} : {1} utilisables. Réduisez "
                    "la quantité ou cliquez sur « Revenir au PPPS »."
                ).format(chosen.lot, number_text(chosen.available))
            )
        elif quantity > usable:
            found.append(
                self.tr(
                    "Quantité : stock insuffisant : {0} {1} utilisables le {2}. Réduisez la "
                    "quantité."
                ).format(number_text(usable), unit_text(product.base_unit, usable), format_date(on))
            )
        return found

    def explain(self, error: DomainError) -> str:
        if isinstance(error, InsufficientStock):
            self._load_lots()  # someone else took stock meanwhile: show what is left
        return str(error)

    def lot_argument(self) -> str | None:
        chosen = self.lots.chosen()
        return None if chosen is None else chosen.lot

    def taken_text(self, product: Product, quantity: int) -> str:
        plan = self.lots.plan(quantity) or []
        lots = [stock.lot for stock, _ in plan if stock.lot]
        text = self.tr("{0} de {1}").format(quantity_text(product, quantity), product.code)
        if lots:
            text += " " + self.tr("(lots {0})").format(", ".join(lots))
        return text


class IssueForm(OutgoingForm):
    """Dispensation: what left the shelf to patients."""

    def __init__(self, app: Application, facility: str, parent: QWidget | None = None) -> None:
        super().__init__(
            app,
            facility,
            self.tr("Dispensation"),
            self.tr("périmé — ne peut pas être dispensé"),
            parent,
        )
        self.add_common_rows()
        self.reference.setPlaceholderText(self.tr("N° du registre ou de l'ordonnance (facultatif)"))
        self.form.addRow(self.tr("&Référence :"), self.reference)
        self.resize(720, 520)
        self._load_lots()
        self.validate()

    def verb(self) -> str:
        return self.tr("dispensée")

    def save(self) -> str:
        product = self.selected_product()
        assert product is not None
        quantity = self.quantity.base_quantity()
        taken = self.taken_text(product, quantity)
        services.dispense(
            self.app.uow(),
            self.app.ctx,
            self.facility,
            product.code,
            quantity,
            self.date.date().toPython(),
            lot=self.lot_argument(),
            reference=self.reference.text().strip(),
        )
        return self.tr("Dispensation enregistrée : {0}").format(taken)


class TransferForm(OutgoingForm):
    """Transfer to another facility; if it is in this database, it receives the stock too."""

    def __init__(self, app: Application, facility: str, parent: QWidget | None = None) -> None:
        super().__init__(
            app,
            facility,
            self.tr("Transfert vers un autre établissement"),
            self.tr("périmé — ne peut pas être transféré"),
            parent,
        )
        self.facilities: list[Facility] = services.list_facilities(app.uow())
        self.destination = QComboBox()
        self.destination.setEditable(True)
        self.destination.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.destination.setMinimumContentsLength(28)
        self.destination.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for other in self.facilities:
            if other.code != facility:
                self.destination.addItem(f"{other.name} ({other.code})", other.code)
        self.destination.setCurrentIndex(-1)
        self.destination.lineEdit().setPlaceholderText(
            self.tr("Établissement de la liste, ou code d'un établissement hors base")
        )
        self.destination_hint = QLabel()
        self.destination_hint.setWordWrap(True)
        self.destination_hint.setStyleSheet(HINT_STYLE)
        self.destination_hint.setMinimumWidth(420)
        self.destination.editTextChanged.connect(self.touch)
        self.destination.lineEdit().editingFinished.connect(self._complete_destination)
        self.destination.currentIndexChanged.connect(self.touch)
        self.form.addRow(self.tr("De&stination :"), self.destination)
        self.form.addRow("", self.destination_hint)
        self.add_common_rows()
        self.reference.setPlaceholderText(self.tr("N° du bon de transfert (facultatif)"))
        self.form.addRow(self.tr("&Référence :"), self.reference)
        self.resize(760, 580)
        self._load_lots()
        self.validate()

    def verb(self) -> str:
        return self.tr("transférée")

    def destination_code(self) -> tuple[str | None, str]:
        """(code, problem): the facility chosen or the code typed, or why it is not valid."""
        text = self.destination.currentText().strip()
        if not text:
            return None, self.tr(
                "Destination : choisissez l'établissement qui reçoit, ou tapez son code."
            )
        folded = fold(text)
        for other in self.facilities:
            if folded in (fold(other.code), fold(f"{other.name} ({other.code})")):
                if other.code == self.facility:
                    return None, self.tr(
                        "Destination : le stock part de cet établissement ; choisissez-en un autre."
                    )
                return other.code, ""
        try:
            return check_code(text, "code"), ""
        except DomainError:
            return None, self.tr(
                "Destination : « {0} » n'est ni un établissement de la liste ni un code valable "
                "(lettres, chiffres et tirets, sans espace ni accent)."
            ).format(text)

    def _complete_destination(self) -> None:
        """A facility's code typed alone becomes its full label once the user moves on."""
        code, _ = self.destination_code()
        index = self.destination.findData(code) if code else -1
        if index >= 0 and self.destination.currentIndex() != index:
            self.destination.setCurrentIndex(index)

    def is_known(self, code: str) -> Facility | None:
        return next((f for f in self.facilities if f.code == code), None)

    def problems(self) -> list[str]:
        code, problem = self.destination_code()
        found = [problem] if problem else []
        known = self.is_known(code) if code else None
        if known is not None:
            self.destination_hint.setText(
                self.tr("{0} est dans cette base : le stock entrera aussi dans sa fiche.").format(
                    known.name
                )
            )
        elif code:
            self.destination_hint.setText(
                self.tr(
                    "{0} n'est pas dans cette base : seule la sortie est enregistrée ici ; "
                    "remettez-lui le bon de transfert."
                ).format(code)
            )
        else:
            self.destination_hint.clear()
        self.form.setRowVisible(self.destination_hint, bool(self.destination_hint.text()))
        return found + super().problems()

    def save(self) -> str:
        product = self.selected_product()
        code, _ = self.destination_code()
        assert product is not None and code is not None
        quantity = self.quantity.base_quantity()
        taken = self.taken_text(product, quantity)
        services.transfer_stock(
            self.app.uow(),
            self.app.ctx,
            self.facility,
            code,
            product.code,
            quantity,
            self.date.date().toPython(),
            lot=self.lot_argument(),
            reference=self.reference.text().strip(),
        )
        known = self.is_known(code)
        return self.tr("Transfert enregistré : {0} vers {1}").format(
            taken, known.name if known else code
        )

    def has_input(self) -> bool:
        return super().has_input() or bool(self.destination.currentText().strip())


__all__ = ["IssueForm", "TransferForm"]
