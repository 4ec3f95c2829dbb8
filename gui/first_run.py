"""First start: choose the language, then create the facility or open the demonstration."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import DomainError
from core.facilities import REGION_NAMES, Facility, FacilityType, new_facility
from gui.i18n import LANGUAGES


class FirstRunDialog(QDialog):
    """Three pages: language; facility or demo; the facility form. `choice` says what was
    chosen ("facility" or "demo"); `facility` holds the checked facility to create."""

    def __init__(self, existing: list[Facility], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("SahelStock")
        self.setMinimumWidth(560)
        self.choice: str | None = None
        self.facility: Facility | None = None
        self.language = "fr"
        self.pages = QStackedWidget()
        self.pages.addWidget(self._language_page())
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._facility_page(existing))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # --- page 1: language -------------------------------------------------------------------

    def _language_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel("<h2>Bienvenue dans SahelStock</h2><p>Welcome to SahelStock</p>")
        layout.addWidget(title)
        layout.addWidget(QLabel("Choisissez la langue / Choose the language :"))
        self.language_group = QButtonGroup(page)
        for n, (code, name) in enumerate(LANGUAGES.items()):
            button = QRadioButton(name)
            button.setProperty("language", code)
            button.setChecked(n == 0)
            self.language_group.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.language_next = QPushButton("Continuer / Continue")
        self.language_next.setDefault(True)
        self.language_next.clicked.connect(self._on_language_chosen)
        layout.addWidget(self.language_next, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    def _on_language_chosen(self) -> None:
        checked = self.language_group.checkedButton()
        self.language = str(checked.property("language")) if checked else "fr"
        from PySide6.QtWidgets import QApplication

        from gui.i18n import install_language

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, self.language)
        self._retranslate()
        self.pages.setCurrentIndex(1)

    # --- page 2: facility or demo -----------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.choice_title = QLabel()
        self.choice_title.setWordWrap(True)
        layout.addWidget(self.choice_title)
        self.create_button = QPushButton()
        self.create_button.setMinimumHeight(48)
        self.create_button.clicked.connect(lambda: self.pages.setCurrentIndex(2))
        self.demo_button = QPushButton()
        self.demo_button.setMinimumHeight(48)
        self.demo_button.clicked.connect(self._on_demo)
        layout.addWidget(self.create_button)
        layout.addWidget(self.demo_button)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        layout.addWidget(self.demo_hint)
        layout.addStretch(1)
        return page

    def _on_demo(self) -> None:
        self.choice = "demo"
        self.accept()

    # --- page 3: the facility form ----------------------------------------------------------

    def _facility_page(self, existing: list[Facility]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.form_title = QLabel()
        layout.addWidget(self.form_title)
        form = QFormLayout()
        self.region_box = QComboBox()
        self.region_box.addItems(REGION_NAMES)
        self.region_box.setCurrentText("Mopti")
        self.district_edit = QLineEdit()
        self.type_box = QComboBox()
        for facility_type in FacilityType:
            self.type_box.addItem(facility_type.label_fr, facility_type.value)
        self.code_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.supplier_box = QComboBox()
        self.supplier_box.addItem("—", None)
        for facility in existing:
            self.supplier_box.addItem(f"{facility.name} ({facility.code})", facility.code)
        self.form_labels = [QLabel() for _ in range(6)]
        for label, widget in zip(
            self.form_labels,
            (
                self.region_box,
                self.district_edit,
                self.type_box,
                self.code_edit,
                self.name_edit,
                self.supplier_box,
            ),
            strict=True,
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #a00000;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.create_facility_button = QPushButton()
        self.create_facility_button.setDefault(True)
        self.create_facility_button.clicked.connect(self._on_create)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_facility_button)
        layout.addLayout(buttons)
        for edit in (self.district_edit, self.code_edit, self.name_edit):
            edit.textChanged.connect(self._validate)
        return page

    def _validate(self) -> Facility | None:
        try:
            facility = new_facility(
                self.code_edit.text(),
                self.name_edit.text(),
                str(self.type_box.currentData()),
                self.region_box.currentText(),
                self.district_edit.text(),
                self.supplier_box.currentData(),
            )
        except DomainError as exc:
            self.error_label.setText(str(exc))
            self.create_facility_button.setEnabled(False)
            return None
        self.error_label.clear()
        self.create_facility_button.setEnabled(True)
        return facility

    def _on_create(self) -> None:
        facility = self._validate()
        if facility is not None:
            self.facility = facility
            self.choice = "facility"
            self.accept()

    def _retranslate(self) -> None:
        self.choice_title.setText("<h3>" + self.tr("Comment voulez-vous commencer ?") + "</h3>")
        self.create_button.setText(self.tr("Créer mon établissement"))
        self.demo_button.setText(self.tr("Ouvrir la démonstration"))
        self.demo_hint.setText(
            self.tr(
                "La démonstration contient des établissements de Mopti, Ségou et Tombouctou "
                "avec deux ans d'historique. Elle est rangée à part : vos propres données "
                "ne sont pas mélangées avec elle."
            )
        )
        self.form_title.setText("<h3>" + self.tr("Votre établissement") + "</h3>")
        for label, text in zip(
            self.form_labels,
            (
                self.tr("Région :"),
                self.tr("District sanitaire :"),
                self.tr("Type :"),
                self.tr("Code :"),
                self.tr("Nom :"),
                self.tr("Fournisseur :"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.code_edit.setPlaceholderText(self.tr("ex. CSCOM-SEVARE"))
        self.name_edit.setPlaceholderText(self.tr("ex. CSCom de Sévaré"))
        self.district_edit.setPlaceholderText(self.tr("ex. Mopti"))
        self.back_button.setText(self.tr("Retour"))
        self.create_facility_button.setText(self.tr("Créer"))
        self._validate()
