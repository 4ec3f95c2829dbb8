"""The facility's pending orders (stock on order / in transit): list, add, change, close."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import orders as order_services
from core.application import Application
from core.catalogue import Product
from core.orders import OrderStatus, StockOrder
from gui.forecast.model import (
    O_PRODUCT,
    O_QUANTITY,
    O_REFERENCE,
    O_SUPPLIER,
    OrdersModel,
    quantity_text,
)
from gui.forms.common import DATE_FORMAT, EntryForm, ProductCombo, QuantityInput
from gui.nutrition.registers_dialogs import GENERAL, FieldForm
from gui.stock.model import format_date

log = logging.getLogger(__name__)

#: how far ahead an expected date may be
MAX_AHEAD_DAYS = 2 * 366


def make_expected_date_edit(today: date, value: date | None = None) -> QDateEdit:
    """A dd/MM/yyyy date with a calendar that may be in the future (a delivery to come). Past
    dates can be shown (an order that is late) and are refused when saving."""
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(2000, 1, 1))
    last = today + timedelta(days=MAX_AHEAD_DAYS)
    edit.setMaximumDate(QDate(last.year, last.month, last.day))
    shown = value or today + timedelta(days=30)
    edit.setDate(QDate(shown.year, shown.month, shown.day))
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def order_summary(order: StockOrder, product: Product | None) -> str:
    """« 600 sachets de RUTF attendus le 20/12/2026 (réf. BC-118, UNICEF) »."""
    quantity = quantity_text(product, order.quantity) if product else str(order.quantity)
    text = QCoreApplication.translate("OrdersDialog", "{0} de {1} attendus le {2}").format(
        quantity, order.product_code, format_date(order.expected_on)
    )
    details = [x for x in (order.reference, order.supplier) if x]
    return f"{text} ({', '.join(details)})" if details else text


class OrderForm(FieldForm):
    """A new order, or a new date or quantity for a pending one (`original`)."""

    def __init__(
        self,
        app: Application,
        facility: str,
        products: Sequence[Product],
        original: StockOrder | None = None,
        product_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Changer la date ou la quantité d'une commande")
            if original
            else self.tr("Nouvelle commande attendue")
        )
        super().__init__(app, facility, title, parent)
        self.original = original
        self.saved_order: StockOrder | None = None
        self._products = {p.code: p for p in products}
        self.set_width(600)
        self.product = ProductCombo(list(products))
        self.quantity = QuantityInput()
        self.expected = make_expected_date_edit(
            self.today, original.expected_on if original else None
        )
        self.reference = QLineEdit()
        self.reference.setMaxLength(200)
        self.reference.setPlaceholderText(self.tr("ex. bon de commande BC-2026-118"))
        self.supplier = QLineEdit()
        self.supplier.setMaxLength(200)
        self.supplier.setPlaceholderText(self.tr("ex. CSRéf de Mopti, UNICEF, PPM"))
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        if original is None:
            intro = self.tr(
                "Une livraison que l'établissement attend (commandée, approuvée ou en route) : "
                "la prévision l'ajoute au stock à la date attendue."
            )
            self.add_row("product", self.tr("Produit :"), self.product)
            self.product.set_product(product_code)
        else:
            product = self._products.get(original.product_code)
            intro = order_summary(original, product)
            self.add_row(
                "product",
                self.tr("Produit :"),
                QLabel(f"{original.product_code} – {product.name}" if product else ""),
            )
        label = QLabel(intro)
        label.setWordWrap(True)
        self.body.insertWidget(0, label)
        self.add_row("quantity", self.tr("Quantité :"), self.quantity)
        self.add_row("expected", self.tr("Attendue le :"), self.expected)
        if original is None:
            self.add_row("reference", self.tr("Référence :"), self.reference)
            self.add_row("supplier", self.tr("Fournisseur :"), self.supplier)
            self.note.setPlaceholderText(self.tr("facultatif"))
            self.add_row("note", self.tr("Note :"), self.note)
        else:
            self.note.setPlaceholderText(self.tr("ex. livraison reportée par le CSRéf"))
            self.add_row("note", self.tr("Motif du changement :"), self.note)
            self.quantity.set_product(self._products.get(original.product_code))
            self.quantity.spin.setValue(original.quantity)
        self.product.product_changed.connect(self._on_product)
        self.quantity.changed.connect(self.touch)
        self.expected.dateChanged.connect(self.touch)
        for edit in (self.reference, self.supplier, self.note):
            edit.textChanged.connect(self.touch)
        if original is None and product_code:
            self._on_product(self.product.product())
        self.validate()

    def _on_product(self, product: Product | None) -> None:
        self.quantity.set_product(product)
        if product is not None and product.pack_size > 1 and product.pack_unit:
            self.quantity.set_in_packs(True)  # orders are placed in whole packs
        self.touch()

    def check(self) -> tuple[dict[str, str], list[str]]:
        errors: dict[str, str] = {}
        missing: list[str] = []
        if self.original is None and self.product.product() is None:
            if self.product.currentText().strip():
                errors["product"] = self.tr(
                    "Produit inconnu : choisissez-le dans la liste (code ou nom)."
                )
            else:
                missing.append(self.tr("produit"))
        if self.quantity.typed() <= 0:
            missing.append(self.tr("quantité"))
        expected = _day(self.expected)
        if expected < self.today:
            # One line: a wrapped error under a field is cut by the form's layout.
            errors["expected"] = self.tr("Date passée : indiquez aujourd'hui ou une date à venir.")
        if self.original is not None and not errors and not missing:
            same = (
                self.quantity.base_quantity() == self.original.quantity
                and expected == self.original.expected_on
            )
            if same:
                errors[GENERAL] = self.tr("Changez la date attendue ou la quantité.")
        return errors, missing

    def has_input(self) -> bool:
        if self.original is not None:
            return bool(
                self.note.text().strip()
                or self.quantity.base_quantity() != self.original.quantity
                or _day(self.expected) != self.original.expected_on
            )
        return bool(
            self.product.currentText().strip()
            or self.quantity.typed()
            or self.reference.text().strip()
            or self.supplier.text().strip()
            or self.note.text().strip()
        )

    def save(self) -> str:
        if self.original is None:
            product = self.product.product()
            assert product is not None
            saved = order_services.add_order(
                self.app.uow(),
                self.app.ctx,
                StockOrder(
                    facility_code=self.facility,
                    product_code=product.code,
                    quantity=self.quantity.base_quantity(),
                    expected_on=_day(self.expected),
                    reference=self.reference.text(),
                    supplier=self.supplier.text(),
                ),
                note=self.note.text().strip(),
            )
            self.saved_order = saved
            return self.tr("Commande enregistrée : {0}.").format(
                order_summary(saved, self._products.get(saved.product_code))
            )
        saved = order_services.update_order(
            self.app.uow(),
            self.app.ctx,
            self.original.record_uuid,
            quantity=self.quantity.base_quantity(),
            expected_on=_day(self.expected),
            note=self.note.text().strip(),
        )
        self.saved_order = saved
        return self.tr("Commande modifiée : {0}.").format(
            order_summary(saved, self._products.get(saved.product_code))
        )


class CloseOrderForm(FieldForm):
    """Mark a pending order received or cancelled, with a note (required to cancel)."""

    def __init__(
        self,
        app: Application,
        facility: str,
        order: StockOrder,
        status: OrderStatus,
        product: Product | None,
        parent: QWidget | None = None,
    ) -> None:
        received = status is OrderStatus.RECEIVED
        title = self.tr("Commande reçue") if received else self.tr("Annuler une commande")
        super().__init__(app, facility, title, parent)
        self.order = order
        self.status = status
        self.set_width(560)
        lines = [order_summary(order, product)]
        if received:
            lines.append(
                self.tr(
                    "Elle ne comptera plus comme stock attendu. Enregistrez aussi la "
                    "réception des lots (bouton « Réception », Ctrl+R) : c'est elle qui ajoute "
                    "le stock."
                )
            )
        else:
            lines.append(self.tr("Elle ne comptera plus comme stock attendu."))
        text = QLabel("\n".join(lines))
        text.setWordWrap(True)
        self.body.insertWidget(0, text)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        if received:
            self.note.setPlaceholderText(self.tr("facultatif, ex. reçue incomplète, BL 4471"))
            self.add_row("note", self.tr("Note :"), self.note)
            self.save_button.setText(self.tr("Marquer reçue"))
        else:
            self.note.setPlaceholderText(self.tr("ex. rupture chez le fournisseur"))
            self.add_row("note", self.tr("Motif de l'annulation :"), self.note)
            self.save_button.setText(self.tr("Annuler la commande"))
            self.cancel_button.setText(self.tr("Fermer"))
        self.note.textChanged.connect(self.touch)
        self.validate()

    def check(self) -> tuple[dict[str, str], list[str]]:
        if self.status is OrderStatus.CANCELLED and not self.note.text().strip():
            return {}, [self.tr("motif de l'annulation")]
        return {}, []

    def has_input(self) -> bool:
        return bool(self.note.text().strip())

    def save(self) -> str:
        order_services.update_order(
            self.app.uow(),
            self.app.ctx,
            self.order.record_uuid,
            status=self.status,
            note=self.note.text().strip(),
        )
        if self.status is OrderStatus.RECEIVED:
            return self.tr("Commande marquée reçue : {0}.").format(order_summary(self.order, None))
        return self.tr("Commande annulée : {0}.").format(order_summary(self.order, None))


class OrdersDialog(QDialog):
    """Pending orders of the facility; every change is saved at once and `changed` emitted."""

    changed = Signal(str)  # the confirmation, for the status bar

    def __init__(
        self,
        app: Application,
        facility: str,
        facility_name: str,
        products: Sequence[Product],
        product_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.facility = facility
        self.products = list(products)
        self.product_code = product_code  # proposed in a new order
        self.form: EntryForm | None = None
        self.setWindowTitle(self.tr("Commandes en cours – {0}").format(facility_name))
        self.resize(960, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Livraisons attendues (commandées, approuvées ou en route). La prévision les "
                "ajoute au stock à leur date attendue ; une commande en retard compte pour "
                "aujourd'hui."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = OrdersModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (O_PRODUCT, 230),
            (O_QUANTITY, 170),
            (2, 150),
            (O_REFERENCE, 120),
            (O_SUPPLIER, 120),
        ):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel(
            self.tr("Aucune commande en cours. « Nouvelle commande… » en ajoute une.")
        )
        self.empty.setStyleSheet("color: #505050;")
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        actions = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nouvelle commande…"))
        self.edit_button = QPushButton(self.tr("Changer la date ou la quantité…"))
        self.received_button = QPushButton(self.tr("Marquer reçue…"))
        self.cancel_order_button = QPushButton(self.tr("Annuler la commande…"))
        for button in (
            self.new_button,
            self.edit_button,
            self.received_button,
            self.cancel_order_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #2a6a2a;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self.open_edit)
        self.received_button.clicked.connect(lambda: self.open_close(OrderStatus.RECEIVED))
        self.cancel_order_button.clicked.connect(lambda: self.open_close(OrderStatus.CANCELLED))
        self.reload()

    # --- data -------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the pending orders again, keeping (or moving to) the selected one."""
        current = self.selected()
        keep = select or (current.record_uuid if current is not None else None)
        pending = order_services.pending_orders(self.app.uow(), self.facility)
        products = {p.code: p for p in self.products}
        self.model.set_orders(pending, products, self.app.ctx.today())
        self.empty.setVisible(not pending)
        row = next((n for n, o in enumerate(pending) if o.record_uuid == keep), 0)
        if pending:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> StockOrder | None:
        selection = self.table.selectionModel()
        if selection is None:
            return None
        rows = selection.selectedRows()
        if not rows:
            return None
        return self.model.order(rows[0].row())

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.received_button, self.cancel_order_button):
            button.setEnabled(chosen)

    # --- forms ------------------------------------------------------------------------------

    def open_new(self) -> OrderForm:
        form = OrderForm(self.app, self.facility, self.products, None, self.product_code, self)
        self._open(form)
        return form

    def open_edit(self) -> OrderForm | None:
        order = self.selected()
        if order is None:
            return None
        form = OrderForm(self.app, self.facility, self.products, order, parent=self)
        self._open(form)
        return form

    def open_close(self, status: OrderStatus) -> CloseOrderForm | None:
        order = self.selected()
        if order is None:
            return None
        product = next((p for p in self.products if p.code == order.product_code), None)
        form = CloseOrderForm(self.app, self.facility, order, status, product, self)
        self._open(form)
        return form

    def _open(self, form: EntryForm) -> None:
        self.form = form
        form.saved.connect(lambda message: self._after_save(form, message))
        form.finished.connect(lambda _result: self._forget(form))
        form.open()

    def _forget(self, form: EntryForm) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def _after_save(self, form: EntryForm, message: str) -> None:
        saved = getattr(form, "saved_order", None)
        self.reload(select=saved.record_uuid if saved is not None else None)
        self.message.setText("✔ " + message)
        self.changed.emit(message)
