"""Cancelling a wrong entry: the original shown as it was, a required reason, a reversing entry."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from core import services
from core.application import Application
from core.catalogue import Product
from core.ledger import Movement
from gui.forms.common import EntryForm
from gui.labels import kind_label, lot_text, quantity_text, signed_quantity
from gui.stock.model import format_date


class ReversalDialog(EntryForm):
    """Annulation d'une saisie: nothing is deleted, a reversing entry points at the original."""

    def __init__(
        self,
        app: Application,
        movement: Movement,
        product: Product,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, movement.facility_code, self.tr("Annulation d'une saisie"), parent)
        self.movement = movement
        self.product = product
        self.save_button.setText(self.tr("Enregistrer l'annulation"))
        self.cancel_button.setText(self.tr("Fermer"))
        intro = QLabel(
            self.tr(
                "La saisie ci-dessous restera dans le registre ; une écriture inverse l'annule "
                "et le stock revient à ce qu'il était sans elle."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        shown = QFormLayout()
        shown.addRow(self.tr("Date :"), QLabel(format_date(movement.occurred_on)))
        shown.addRow(self.tr("Type :"), QLabel(kind_label(movement.kind)))
        product_label = QLabel(f"{product.code} – {product.name}")
        product_label.setWordWrap(True)
        shown.addRow(self.tr("Produit :"), product_label)
        if product.has_lots:
            lot = lot_text(movement.lot)
            if movement.expiry is not None:
                lot += " " + self.tr("(péremption {0})").format(format_date(movement.expiry))
            shown.addRow(self.tr("Lot :"), QLabel(lot))
        shown.addRow(self.tr("Quantité :"), QLabel(signed_quantity(product, movement.quantity)))
        if movement.counterpart:
            shown.addRow(self.tr("Provenance / destination :"), QLabel(movement.counterpart))
        if movement.reference:
            shown.addRow(self.tr("Référence :"), QLabel(movement.reference))
        if movement.entered_by:
            shown.addRow(self.tr("Saisi par :"), QLabel(movement.entered_by))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("Par exemple : quantité mal saisie, mauvais produit, saisie en double")
        )
        shown.addRow(self.tr("&Motif de l'annulation :"), self.reason)
        self.body.addLayout(shown)
        self.reason.textEdited.connect(self.touch)
        self.resize(600, 0)
        self.validate()

    def has_input(self) -> bool:
        return bool(self.reason.text().strip())

    def problems(self) -> list[str]:
        if self.movement.reverses is not None:
            return [
                self.tr("Cette ligne est elle-même une annulation : elle ne peut pas être annulée.")
            ]
        if not self.reason.text().strip():
            return [
                self.tr(
                    "Motif de l'annulation : indiquez pourquoi cette saisie est fausse "
                    "(obligatoire)."
                )
            ]
        return []

    def save(self) -> str:
        services.reverse_movement(
            self.app.uow(), self.app.ctx, self.movement.uuid, self.reason.text().strip()
        )
        return self.tr("Saisie annulée : {0} de {1} de {2} du {3}").format(
            kind_label(self.movement.kind),
            quantity_text(self.product, abs(self.movement.quantity)),
            self.product.code,
            format_date(self.movement.occurred_on),
        )
