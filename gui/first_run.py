"""First start: choose the language, then create the facility or open the demonstration."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.facilities import Facility
from gui.i18n import LANGUAGES, install_language
from gui.settings.facility_form import FacilityForm

LANGUAGE_PAGE, CHOICE_PAGE, FACILITY_PAGE = range(3)


class FirstRunDialog(QDialog):
    """Three pages: language; facility or demo; the facility form. `choice` says what was
    chosen ("facility" or "demo"); `facility` holds the checked facility to create."""

    def __init__(self, existing: list[Facility], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("SahelStock")
        self.setMinimumWidth(600)
        self.choice: str | None = None
        self.facility: Facility | None = None
        self.language = "fr"
        self._existing = existing
        self.pages = QStackedWidget()
        self.pages.addWidget(self._language_page())
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._facility_page(existing))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._retranslate()

    # --- page 1: language -------------------------------------------------------------------

    def _language_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        # Both languages on this page: nobody has chosen one yet.
        title = QLabel(
            "<h2>Bienvenue dans SahelStock</h2><p>Welcome to SahelStock</p>"
            "<p>Gestion des stocks des établissements de santé : ATPE, médicaments, "
            "équipements.<br>Stock management for health facilities: RUTF, medicines, "
            "equipment.</p>"
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(QLabel("<b>Choisissez la langue / Choose the language :</b>"))
        self.language_group = QButtonGroup(page)
        self.language_buttons: dict[str, QRadioButton] = {}
        for n, (code, name) in enumerate(LANGUAGES.items()):
            button = QRadioButton(name)
            button.setProperty("language", code)
            button.setChecked(n == 0)
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            layout.addWidget(button)
        hint = QLabel(
            "Vous pourrez la changer plus tard dans Paramètres. / "
            "You can change it later in Settings."
        )
        hint.setStyleSheet("color: #555555;")
        layout.addWidget(hint)
        layout.addStretch(1)
        self.language_next = QPushButton("Continuer / Continue")
        self.language_next.setDefault(True)
        self.language_next.clicked.connect(self._on_language_chosen)
        layout.addWidget(self.language_next, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    def choose_language(self, code: str) -> None:
        """Select a language and go on, as the user does with the radio button and Continuer."""
        self.language_buttons[code].setChecked(True)
        self._on_language_chosen()

    def _on_language_chosen(self) -> None:
        checked = self.language_group.checkedButton()
        self.language = str(checked.property("language")) if checked else "fr"
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, self.language)
        self._retranslate()
        self.pages.setCurrentIndex(CHOICE_PAGE)

    # --- page 2: facility or demo -----------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.choice_title = QLabel()
        self.choice_title.setWordWrap(True)
        layout.addWidget(self.choice_title)
        self.create_button = QPushButton()
        self.create_button.setMinimumHeight(48)
        self.create_button.clicked.connect(self._on_create_chosen)
        self.create_hint = QLabel()
        self.create_hint.setWordWrap(True)
        self.create_hint.setStyleSheet("color: #555555;")
        self.demo_button = QPushButton()
        self.demo_button.setMinimumHeight(48)
        self.demo_button.clicked.connect(self._on_demo)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("color: #555555;")
        layout.addWidget(self.create_button)
        layout.addWidget(self.create_hint)
        layout.addSpacing(12)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.demo_hint)
        layout.addStretch(1)
        self.choice_back = QPushButton()
        self.choice_back.clicked.connect(lambda: self.pages.setCurrentIndex(LANGUAGE_PAGE))
        layout.addWidget(self.choice_back, alignment=Qt.AlignmentFlag.AlignLeft)
        return page

    def _on_create_chosen(self) -> None:
        self.pages.setCurrentIndex(FACILITY_PAGE)
        self.form.name_edit.setFocus()

    def _on_demo(self) -> None:
        self.choice = "demo"
        self.facility = None
        self.accept()

    # --- page 3: the facility form ----------------------------------------------------------

    def _facility_page(self, existing: list[Facility]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.form_title = QLabel()
        self.form_title.setWordWrap(True)
        layout.addWidget(self.form_title)
        self.form = FacilityForm(code_editable=True, taken_codes=[f.code for f in existing])
        self.form.set_suppliers(existing)
        layout.addWidget(self.form)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(CHOICE_PAGE))
        self.create_facility_button = QPushButton()
        self.create_facility_button.setDefault(True)
        self.create_facility_button.setMinimumWidth(120)
        self.create_facility_button.clicked.connect(self._on_create)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_facility_button)
        layout.addLayout(buttons)
        self.form.changed.connect(self._update_create)
        self._update_create()
        return page

    def _update_create(self) -> None:
        self.create_facility_button.setEnabled(self.form.facility() is not None)

    def _on_create(self) -> None:
        facility = self.form.facility()
        if facility is not None:
            self.facility = facility
            self.choice = "facility"
            self.accept()

    # --- texts ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.choice_title.setText("<h3>" + self.tr("Comment voulez-vous commencer ?") + "</h3>")
        self.create_button.setText(self.tr("Créer mon établissement"))
        self.create_hint.setText(
            self.tr(
                "Pour travailler avec vos propres données : le nom, la région, le district et "
                "le code de votre établissement suffisent pour commencer."
            )
        )
        self.demo_button.setText(self.tr("Ouvrir la démonstration"))
        self.demo_hint.setText(
            self.tr(
                "La démonstration contient des établissements de Mopti, Ségou et Tombouctou "
                "avec deux ans d'historique, pour essayer sans risque. Elle est rangée à part : "
                "vos propres données ne sont pas mélangées avec elle."
            )
        )
        self.choice_back.setText(self.tr("Retour"))
        self.form_title.setText(
            "<h3>"
            + self.tr("Votre établissement")
            + "</h3><p>"
            + self.tr(
                "Le code identifie l'établissement dans les fichiers échangés : il ne pourra "
                "plus être changé. Le bouton « Créer » s'active quand tout est correct."
            )
            + "</p>"
        )
        self.form.retranslate()
        self.back_button.setText(self.tr("Retour"))
        self.create_facility_button.setText(self.tr("Créer"))
