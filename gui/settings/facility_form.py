"""The facility form (name, type, region, district, code, supplier), checked as the user types."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.errors import DomainError
from core.facilities import (
    REGION_NAMES,
    Facility,
    FacilityType,
    check_code,
    fold,
    new_facility,
)
from gui.labels import facility_type_label

ERROR_STYLE = "color: #a00000;"
HINT_STYLE = "color: #555555;"
BAD_FIELD_STYLE = "border: 2px solid #c00000;"


def suggest_code(name: str) -> str:
    """A code from a name: "CSCom de Sévaré" gives "CSCOM-DE-SEVARE"."""
    text = re.sub(r"[^A-Z0-9]+", "-", fold(name).upper()).strip("-")
    return text[:40].rstrip("-")


class FacilityForm(QWidget):
    """Fields of a facility; `facility()` is the checked facility or None, and the message
    label says which field to correct, with core's own sentence."""

    #: something was typed or chosen (the validity may have changed)
    changed = Signal()

    def __init__(
        self,
        code_editable: bool = True,
        taken_codes: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._code_editable = code_editable
        self._taken = {c.casefold() for c in taken_codes}
        self._code_auto = code_editable
        self._touched = False
        self._loaded: Facility | None = None

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.type_box = QComboBox()
        for facility_type in FacilityType:
            self.type_box.addItem(facility_type_label(facility_type), facility_type.value)
        self.region_box = QComboBox()
        self.region_box.addItems(REGION_NAMES)
        self.region_box.setCurrentText("Mopti")
        self.region_box.setMaxVisibleItems(20)
        self.district_edit = QLineEdit()
        self.district_edit.setMaxLength(200)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(40)
        self.code_edit.setReadOnly(not code_editable)
        self._base_styles: dict[QWidget, str] = {}
        if not code_editable:
            self._base_styles[self.code_edit] = "background: palette(window);"
            self.code_edit.setStyleSheet(self._base_styles[self.code_edit])
        self.supplier_box = QComboBox()
        self.supplier_box.addItem("", None)
        self.supplier_note = QLabel()
        self.supplier_note.setStyleSheet(HINT_STYLE)
        self.supplier_note.setWordWrap(True)
        self.supplier_note.hide()

        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        self.fields: tuple[QWidget, ...] = (
            self.name_edit,
            self.type_box,
            self.region_box,
            self.district_edit,
            self.code_edit,
            self.supplier_box,
        )
        for label, field in zip(self.labels, self.fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.supplier_note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.message)

        self.name_edit.textEdited.connect(self._on_name_edited)
        self.code_edit.textEdited.connect(self._on_code_edited)
        self.district_edit.textEdited.connect(self._on_edited)
        for box in (self.type_box, self.region_box, self.supplier_box):
            box.activated.connect(self._on_edited)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts, again after the language was chosen on the first run."""
        texts = (
            self.tr("&Nom :"),
            self.tr("&Type :"),
            self.tr("&Région :"),
            self.tr("&District sanitaire :"),
            self.tr("&Code :"),
            self.tr("&Fournisseur :"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for row in range(self.type_box.count()):
            self.type_box.setItemText(
                row, facility_type_label(FacilityType(self.type_box.itemData(row)))
            )
        self.name_edit.setPlaceholderText(self.tr("ex. CSCom de Sévaré"))
        self.district_edit.setPlaceholderText(self.tr("ex. Mopti"))
        if self._code_editable:
            self.code_edit.setPlaceholderText(self.tr("ex. CSCOM-SEVARE"))
            self.code_edit.setToolTip(
                self.tr(
                    "Identifiant court et définitif (lettres sans accent, chiffres, tirets) : "
                    "il figure dans les fichiers échangés et ne pourra plus être changé."
                )
            )
        else:
            self.code_edit.setToolTip(
                self.tr("Le code ne change jamais : il relie l'établissement à son historique.")
            )
        self.supplier_box.setItemText(0, self.tr("— aucun —"))
        self.supplier_box.setToolTip(
            self.tr("L'établissement qui vous livre d'habitude (par exemple le CSRéf du district)")
        )
        self.supplier_note.setText(
            self.tr(
                "Aucun autre établissement pour l'instant : vous pourrez choisir le fournisseur "
                "plus tard dans Paramètres, une fois son établissement ajouté."
            )
        )
        self._validate()

    # --- filling ------------------------------------------------------------------------------

    def set_suppliers(self, facilities: Iterable[Facility], exclude: str | None = None) -> None:
        current = self.supplier_box.currentData()
        self.supplier_box.blockSignals(True)
        while self.supplier_box.count() > 1:
            self.supplier_box.removeItem(1)
        for facility in facilities:
            if facility.code != exclude:
                self.supplier_box.addItem(f"{facility.name} ({facility.code})", facility.code)
        index = self.supplier_box.findData(current) if current else 0
        self.supplier_box.setCurrentIndex(max(index, 0))
        self.supplier_box.blockSignals(False)
        alone = self.supplier_box.count() == 1
        self.supplier_box.setEnabled(not alone)
        self.supplier_note.setVisible(alone)
        self._validate()

    def set_taken_codes(self, codes: Iterable[str]) -> None:
        self._taken = {c.casefold() for c in codes}
        self._validate()

    def set_facility(self, facility: Facility) -> None:
        """Show a stored facility; the form is then unchanged until the user edits it."""
        self._loaded = facility
        self._code_auto = False
        self.name_edit.setText(facility.name)
        self.type_box.setCurrentIndex(max(self.type_box.findData(facility.type.value), 0))
        self.region_box.setCurrentText(facility.region)
        self.district_edit.setText(facility.district)
        self.code_edit.setText(facility.code)
        if facility.supplier_code and self.supplier_box.findData(facility.supplier_code) < 0:
            self.supplier_box.addItem(facility.supplier_code, facility.supplier_code)
        index = self.supplier_box.findData(facility.supplier_code) if facility.supplier_code else 0
        self.supplier_box.setCurrentIndex(max(index, 0))
        self._touched = True
        self._validate()

    # --- reading ------------------------------------------------------------------------------

    def facility(self) -> Facility | None:
        """The checked facility, or None while a field is wrong."""
        facility, _problem, _field = self._check()
        return facility

    def problem(self) -> str | None:
        return self._check()[1]

    def is_modified(self) -> bool:
        facility = self.facility()
        loaded = self._loaded
        if loaded is None or facility is None:
            return True
        return (
            facility.name,
            facility.type,
            facility.region,
            facility.district,
            facility.supplier_code,
        ) != (loaded.name, loaded.type, loaded.region, loaded.district, loaded.supplier_code)

    def show_error(self, text: str) -> None:
        """Show a refusal that came from saving (e.g. an unknown supplier)."""
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText("✖ " + text)

    def _check(self) -> tuple[Facility | None, str | None, QWidget | None]:
        name, district, code = (
            self.name_edit.text(),
            self.district_edit.text(),
            self.code_edit.text(),
        )
        supplier = self.supplier_box.currentData()
        # The field new_facility would complain about first, to point at it.
        field: QWidget | None = None
        if not name.strip():
            field = self.name_edit
        elif not district.strip():
            field = self.district_edit
        else:
            try:
                check_code(code)
            except DomainError:
                field = self.code_edit
            else:
                if supplier is not None and supplier == code.strip():
                    field = self.supplier_box
        try:
            facility = new_facility(
                code,
                name,
                str(self.type_box.currentData()),
                self.region_box.currentText(),
                district,
                supplier,
            )
        except DomainError as exc:
            return None, str(exc), field
        if self._code_editable and facility.code.casefold() in self._taken:
            return (
                None,
                self.tr("Le code d'établissement {0} existe déjà : choisissez-en un autre.").format(
                    facility.code
                ),
                self.code_edit,
            )
        return facility, None, None

    def _validate(self) -> None:
        _facility, problem, bad = self._check()
        for field in self.fields:
            base = self._base_styles.get(field, "")
            field.setStyleSheet(BAD_FIELD_STYLE if field is bad and self._touched else base)
        if problem is None:
            self.message.clear()
        elif self._touched:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText("✖ " + problem)
        else:
            self.message.setStyleSheet(HINT_STYLE)
            self.message.setText(
                self.tr("Remplissez le nom, le district sanitaire et le code de l'établissement.")
            )

    def _on_name_edited(self, text: str) -> None:
        if self._code_auto:
            self.code_edit.setText(suggest_code(text))
        self._on_edited()

    def _on_code_edited(self, text: str) -> None:
        self._code_auto = not text
        self._on_edited()

    def _on_edited(self, *_args: object) -> None:
        self._touched = True
        self._validate()
        self.changed.emit()
