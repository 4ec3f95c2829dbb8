"""The loss / adjustment form: a reason, a lot (expired lots may be written off), a quantity."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from core import services
from core.application import Application
from core.catalogue import Product
from core.ledger import LotStock, Reason
from gui.forms.common import (
    DATE_FORMAT,
    HINT_STYLE,
    EntryForm,
    ProductCombo,
    QuantityInput,
    make_date_edit,
)
from gui.labels import lot_text, quantity_text, reason_label, signed_quantity
from gui.stock.model import format_date

# In the order a DTC meets them; all are LOSS_REASONS of core.ledger.
LOSS_CHOICES = (Reason.EXPIRED, Reason.DAMAGED, Reason.COLD_CHAIN, Reason.LOST, Reason.STOLEN)
ADJUSTMENT_CHOICES = (Reason.RETURN, Reason.COUNT_CORRECTION)
NO_DATE = QDate(2000, 1, 1)


class LossForm(EntryForm):
    """Perte (always removes stock) or ajustement (a return adds, a correction either way)."""

    def __init__(
        self,
        app: Application,
        facility: str,
        parent: QWidget | None = None,
        adjustment: bool = False,
    ) -> None:
        super().__init__(app, facility, self.tr("Perte / ajustement"), parent)
        self.products = services.list_products(app.uow())
        self._lots: list[LotStock] = []
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body.addLayout(form)
        self.form = form

        self.loss_radio = QRadioButton(self.tr("Perte (sortie de stock)"))
        self.adjustment_radio = QRadioButton(self.tr("Ajustement (retour, correction)"))
        self.kind_group = QButtonGroup(self)
        kind_row = QHBoxLayout()
        for button in (self.loss_radio, self.adjustment_radio):
            self.kind_group.addButton(button)
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        (self.adjustment_radio if adjustment else self.loss_radio).setChecked(True)

        self.reason = QComboBox()
        self.add_radio = QRadioButton(self.tr("Ajouter au stock (+)"))
        self.remove_radio = QRadioButton(self.tr("Retirer du stock (−)"))
        self.sign_group = QButtonGroup(self)
        self.sign_group.setExclusive(True)
        self.sign_row = QWidget()
        sign_layout = QHBoxLayout(self.sign_row)
        sign_layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_radio, self.remove_radio):
            self.sign_group.addButton(button)
            sign_layout.addWidget(button)
        sign_layout.addStretch(1)

        self.product = ProductCombo(self.products)
        self.date = make_date_edit(self.today)
        self.lot = QComboBox()
        self.lot.setMinimumContentsLength(30)
        self.lot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lot.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lot.setPlaceholderText(self.tr("Choisissez le lot…"))
        self.lot_info = QLabel()
        self.lot_info.setWordWrap(True)
        self.lot_info.setStyleSheet(HINT_STYLE)
        self.lot_info.setMinimumWidth(420)
        self.expiry = QDateEdit()
        self.expiry.setDisplayFormat(DATE_FORMAT)
        self.expiry.setCalendarPopup(True)
        self.expiry.setMinimumDate(NO_DATE)
        self.expiry.setSpecialValueText(self.tr("— à indiquer —"))
        self.expiry.setDate(NO_DATE)
        self.quantity = QuantityInput()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Ce qui s'est passé (facultatif)"))

        form.addRow(self.tr("Type :"), kind_row)
        form.addRow(self.tr("&Motif :"), self.reason)
        form.addRow(self.tr("Sens :"), self.sign_row)
        form.addRow(self.tr("&Produit :"), self.product)
        form.addRow(self.tr("&Date :"), self.date)
        form.addRow(self.tr("&Lot :"), self.lot)
        form.addRow("", self.lot_info)
        form.addRow(self.tr("Péremption du lot :"), self.expiry)
        form.addRow(self.tr("&Quantité :"), self.quantity)
        form.addRow(self.tr("&Note :"), self.note)
        self.body.addStretch(1)

        self.kind_group.buttonToggled.connect(self._on_kind_changed)
        self.reason.currentIndexChanged.connect(self._on_reason_changed)
        self.sign_group.buttonToggled.connect(self._on_sign_changed)
        self.product.product_changed.connect(self._on_product_changed)
        self.date.dateChanged.connect(self._on_lots_source_changed)
        self.lot.currentIndexChanged.connect(self.touch)
        self.lot.editTextChanged.connect(self.touch)
        self.expiry.dateChanged.connect(self.touch)
        self.quantity.changed.connect(self.touch)
        self.note.textEdited.connect(self.touch)
        self.resize(640, 480)
        self._fill_reasons()
        self.validate()

    # --- state --------------------------------------------------------------------------------

    def is_adjustment(self) -> bool:
        return self.adjustment_radio.isChecked()

    def selected_reason(self) -> Reason:
        return Reason(self.reason.currentData())

    def adds(self) -> bool | None:
        """True: stock comes in; False: it goes out; None: the user has not said."""
        if not self.is_adjustment():
            return False
        if self.add_radio.isChecked():
            return True
        if self.remove_radio.isChecked():
            return False
        return None

    def selected_product(self) -> Product | None:
        return self.product.product()

    def lot_code(self) -> str:
        product = self.selected_product()
        if product is not None and not product.has_lots:
            return ""
        data = self.lot.currentData()
        if data is not None and self.lot.currentText() == self.lot.itemText(
            self.lot.currentIndex()
        ):
            return str(data)
        return self.lot.currentText().strip() if self.lot.isEditable() else ""

    def chosen_stock(self) -> LotStock | None:
        code = self.lot_code()
        product = self.selected_product()
        if product is None or (product.has_lots and not code):
            return None
        return next((s for s in self._lots if s.lot == code), None)

    def needs_expiry(self) -> bool:
        """A new lot coming in (a return of a lot no longer here) must say when it expires."""
        product = self.selected_product()
        return (
            self.adds() is True
            and product is not None
            and product.has_expiry
            and bool(self.lot_code())
            and self.chosen_stock() is None
        )

    # --- reactions ----------------------------------------------------------------------------

    def _fill_reasons(self) -> None:
        choices = ADJUSTMENT_CHOICES if self.is_adjustment() else LOSS_CHOICES
        with QSignalBlocker(self.reason):
            self.reason.clear()
            for reason in choices:
                self.reason.addItem(reason_label(reason), reason.value)
            self.reason.setCurrentIndex(0)
        self._on_reason_changed()

    def _on_kind_changed(self, _button: object, checked: bool) -> None:
        if checked:
            self._fill_reasons()

    def _on_reason_changed(self, *_: object) -> None:
        adjustment = self.is_adjustment()
        self.form.setRowVisible(self.sign_row, adjustment)
        reason = self.selected_reason() if self.reason.count() else None
        with QSignalBlocker(self.sign_group):
            self.sign_group.setExclusive(False)
            self.add_radio.setChecked(reason is Reason.RETURN)
            self.remove_radio.setChecked(False)
            self.sign_group.setExclusive(True)
        self.remove_radio.setEnabled(reason is not Reason.RETURN)
        self._load_lots()
        self.touch()

    def _on_sign_changed(self, _button: object, checked: bool) -> None:
        if checked:
            self._load_lots()
            self.touch()

    def _on_product_changed(self, product: Product | None) -> None:
        self.quantity.set_product(product)
        self._load_lots()
        self.touch()

    def _on_lots_source_changed(self) -> None:
        self._load_lots()
        self.touch()

    def _load_lots(self) -> None:
        product = self.selected_product()
        on = self.date.date().toPython()
        previous = self.lot_code()
        self._lots = (
            services.propose_lots(self.app.uow(), self.facility, product.code, on)
            if product is not None
            else []
        )
        has_lots = product is None or product.has_lots
        self.form.setRowVisible(self.lot, has_lots)
        with QSignalBlocker(self.lot):
            self.lot.clear()
            self.lot.setEditable(self.adds() is True)
            for stock in self._lots:
                self.lot.addItem(self._lot_item_text(stock, on), stock.lot)
            index = self.lot.findData(previous) if previous else -1
            if index < 0 and len(self._lots) == 1 and self.adds() is not True:
                index = 0
            self.lot.setCurrentIndex(index)
            if self.lot.isEditable():
                if index < 0:
                    self.lot.setEditText(previous)
                self.lot.lineEdit().setPlaceholderText(
                    self.tr("Choisissez un lot ou tapez le numéro du lot retourné")
                )

    def _lot_item_text(self, stock: LotStock, on: date) -> str:
        text = lot_text(stock.lot)
        if stock.expiry is not None:
            text += " — " + self.tr("péremption {0}").format(format_date(stock.expiry))
        text += " — " + self.tr("{0} en stock").format(stock.balance)
        if stock.is_expired(on):
            text += " — " + self.tr("PÉRIMÉ")
        return text

    # --- validation and saving ----------------------------------------------------------------

    def has_input(self) -> bool:
        return bool(
            self.product.currentText().strip() or self.quantity.typed() or self.note.text().strip()
        )

    def problems(self) -> list[str]:
        found: list[str] = []
        product = self.selected_product()
        on = self.date.date().toPython()
        adds = self.adds()
        self.form.setRowVisible(self.expiry, self.needs_expiry())
        self.lot_info.clear()
        self.form.setRowVisible(self.lot_info, False)
        if adds is None:
            found.append(self.tr("Sens : choisissez « ajouter au stock » ou « retirer du stock »."))
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
        code = self.lot_code()
        stock = self.chosen_stock()
        if adds is not True and not self._lots:
            found.append(
                self.tr("Lot : aucun stock de {0} ici le {1} : rien à retirer.").format(
                    product.code, format_date(on)
                )
            )
            return found
        if product.has_lots and not code:
            if adds:
                found.append(self.tr("Lot : choisissez ou tapez le numéro du lot concerné."))
            else:
                found.append(
                    self.tr("Lot : choisissez le lot à sortir (obligatoire pour {0}).").format(
                        product.code
                    )
                )
        if stock is not None:
            self.lot_info.setText(self._lot_info(product, stock, on))
        elif code and adds:
            self.lot_info.setText(self.tr("Nouveau lot pour cet établissement."))
        if self.needs_expiry() and self.expiry.date() == NO_DATE:
            found.append(self.tr("Péremption du lot : indiquez la date de péremption du lot."))
        self.form.setRowVisible(self.lot_info, bool(self.lot_info.text()))
        quantity = self.quantity.base_quantity()
        if quantity <= 0:
            found.append(self.tr("Quantité : indiquez combien d'unités sont concernées."))
        elif adds is False and stock is not None and quantity > stock.available:
            found.append(
                self.tr(
                    "Quantité : le lot {0} n'a que {1} disponibles ce jour-là. Réduisez la "
                    "quantité."
                ).format(lot_text(stock.lot), quantity_text(product, stock.available))
            )
        return found

    def _lot_info(self, product: Product, stock: LotStock, on: date) -> str:
        text = self.tr("Disponible dans ce lot : {0}.").format(
            quantity_text(product, stock.available)
        )
        if stock.is_expired(on):
            text += " " + self.tr("Lot périmé : il peut seulement sortir en perte.")
        elif not self.is_adjustment() and self.selected_reason() is Reason.EXPIRED:
            text += " " + self.tr("Attention : ce lot n'est pas encore périmé.")
        return text

    def save(self) -> str:
        product = self.selected_product()
        assert product is not None
        quantity = self.quantity.base_quantity()
        reason = self.selected_reason()
        on = self.date.date().toPython()
        lot = self.lot_code()
        note = self.note.text().strip()
        uow, ctx = self.app.uow(), self.app.ctx
        described = self.tr("{0} de {1}").format(quantity_text(product, quantity), product.code)
        if lot:
            described += self.tr(", lot {0}").format(lot)
        if not self.is_adjustment():
            services.record_loss(
                uow, ctx, self.facility, product.code, quantity, reason, on, lot=lot, note=note
            )
            return self.tr("Perte enregistrée : {0} ({1})").format(described, reason_label(reason))
        change = quantity if self.adds() else -quantity
        expiry = self.expiry.date().toPython() if self.needs_expiry() else None
        services.adjust_stock(
            uow, ctx, self.facility, product.code, lot, change, reason, on, expiry=expiry, note=note
        )
        return self.tr("Ajustement enregistré : {0} de {1}{2} ({3})").format(
            signed_quantity(product, change),
            product.code,
            self.tr(", lot {0}").format(lot) if lot else "",
            reason_label(reason),
        )
