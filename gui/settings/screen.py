"""Settings screen: stock policy by scope, the facility's details, the interface language."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.errors import DomainError
from core.facilities import Facility
from gui.i18n import LANGUAGES, install_language
from gui.labels import policy_field_label
from gui.screen import Screen
from gui.settings.facility_form import ERROR_STYLE, HINT_STYLE, FacilityForm
from gui.settings.policy_model import (
    PolicyDelegate,
    PolicyModel,
    PolicyValidator,
    policy_scopes,
)
from gui.ui_settings import UiSettings

log = logging.getLogger(__name__)

OK_STYLE = "color: #0d5c24;"


class AddFacilityDialog(QDialog):
    """A new facility: the same form with an editable code; Créer stays disabled until valid."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.created: Facility | None = None
        self.setWindowTitle(self.tr("Ajouter un établissement"))
        self.setMinimumWidth(560)
        existing = services.list_facilities(app.uow())
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Un autre établissement dont vous tenez le stock ou avec lequel vous échangez "
                "(fournisseur, destinataire de transferts)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = FacilityForm(code_editable=True, taken_codes=[f.code for f in existing])
        self.form.set_suppliers(existing)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            self.tr("Créer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.create_facility)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.create_button.setEnabled(self.form.facility() is not None)

    def create_facility(self) -> bool:
        """Store the facility; on a refusal, say why in the form and stay open."""
        facility = self.form.facility()
        if facility is None:
            return False
        try:
            self.created = services.add_facility(self.app.uow(), facility)
        except DomainError as exc:
            self.form.show_error(str(exc))
            return False
        self.accept()
        return True


def open_add_facility(app: Application, parent: QWidget | None = None) -> Facility | None:
    dialog = AddFacilityDialog(app, parent)
    dialog.exec()
    return dialog.created


class SettingsScreen(Screen):
    """Three tabs: Politique de stock, Établissement, Langue."""

    def __init__(
        self, app: Application, parent: QWidget | None = None, ui: UiSettings | None = None
    ) -> None:
        super().__init__(app, parent)
        self._ui = ui
        self._shown_facility: str | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        # Fusion draws unselected tabs lower and clips the accent of "É": give them headroom.
        self.tabs.setStyleSheet("QTabBar::tab { padding: 6px 14px 5px 14px; }")
        self.tabs.addTab(self._policy_tab(), self.tr("Politique de stock"))
        self.tabs.addTab(self._facility_tab(), self.tr("Établissement"))
        self.tabs.addTab(self._language_tab(), self.tr("Langue"))
        layout.addWidget(self.tabs)

    @property
    def ui(self) -> UiSettings:
        """The window's UI settings when the screen is in the main window, else the user's."""
        if self._ui is None:
            window_ui = getattr(self.window(), "ui", None)
            self._ui = window_ui if isinstance(window_ui, UiSettings) else UiSettings()
        return self._ui

    # --- stock policy -------------------------------------------------------------------------

    def _policy_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Ces paramètres servent au calcul des quantités à commander et des alertes, pour "
                "tous les établissements. Une valeur fixée pour un produit l'emporte sur celle "
                "de sa catégorie, qui l'emporte sur « Tous les produits ». Double-cliquez sur une "
                "cellule pour la changer ; videz-la pour reprendre la valeur héritée."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.policy_model = PolicyModel(self._save_policy)
        self.policy_delegate = PolicyDelegate(self)
        self.policy_table = QTableView()
        self.policy_table.setModel(self.policy_model)
        self.policy_table.setItemDelegate(self.policy_delegate)
        self.policy_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.policy_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.policy_table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        self.policy_table.verticalHeader().hide()
        self.policy_table.setWordWrap(False)
        self.policy_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.policy_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.policy_table.verticalHeader().setDefaultSectionSize(
            self.policy_table.fontMetrics().height() + 10
        )
        layout.addWidget(self.policy_table, 1)
        legend = QLabel(
            self.tr(
                "<b>En gras</b> : valeur fixée à ce niveau. <i>En italique gris</i> : valeur "
                "héritée de la catégorie, de « Tous les produits » ou par défaut."
            )
        )
        legend.setWordWrap(True)
        layout.addWidget(legend)
        bottom = QHBoxLayout()
        self.policy_message = QLabel()
        self.policy_message.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Reprendre la valeur héritée"))
        self.clear_button.setToolTip(
            self.tr("Efface la valeur fixée dans la cellule choisie (touche Suppr)")
        )
        self.clear_button.setEnabled(False)
        bottom.addWidget(self.policy_message, 1)
        bottom.addWidget(self.clear_button)
        layout.addLayout(bottom)
        self.policy_delegate.message.connect(self._on_policy_typing)
        self.policy_delegate.closeEditor.connect(self._on_policy_editor_closed)
        self.policy_table.selectionModel().currentChanged.connect(self._update_clear_button)
        self.policy_model.dataChanged.connect(self._update_clear_button)
        self.clear_button.clicked.connect(self.clear_current_policy)
        clear_action = QAction(self.policy_table)
        clear_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
        clear_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear_action.triggered.connect(self.clear_current_policy)
        self.policy_table.addAction(clear_action)
        return page

    def _save_policy(self, scope: str, key: str, value: str | None) -> bool:
        label = policy_field_label(key)
        try:
            services.set_policy_value(self.app.uow(), scope, key, value)
        except DomainError as exc:
            self._policy_feedback("error", self.tr("✖ Non enregistré : {0}").format(exc))
            return False
        self.policy_model.set_settings(services.policy_settings(self.app.uow()))
        scope_label = self.policy_model.scope(self.policy_model.row_of(scope)).label
        if value is None:
            text = self.tr("✔ {0} pour « {1} » : valeur héritée reprise.").format(
                label, scope_label
            )
        else:
            text = self.tr("✔ {0} pour « {1} » : {2} enregistré.").format(
                label, scope_label, value.strip()
            )
        self._policy_feedback("ok", text)
        self.status_message.emit(text.removeprefix("✔ "))
        self.ledger_changed.emit()
        return True

    def _policy_feedback(self, kind: str, text: str) -> None:
        self.policy_message.setStyleSheet(ERROR_STYLE if kind == "error" else OK_STYLE)
        self.policy_message.setText(text)
        self.policy_message.setProperty("kind", kind)

    def _on_policy_typing(self, problem: str) -> None:
        if problem:
            self._policy_feedback("error", "✖ " + problem)
        else:
            self.policy_message.clear()

    def _on_policy_editor_closed(self, editor: QWidget, _hint: object) -> None:
        validator = editor.validator() if hasattr(editor, "validator") else None
        if isinstance(validator, PolicyValidator):
            problem = validator.error(editor.text())  # type: ignore[attr-defined]
            if problem:
                self._policy_feedback("error", self.tr("✖ Non enregistré : {0}").format(problem))

    def _update_clear_button(self, *_args: object) -> None:
        index = self.policy_table.currentIndex()
        explicit = (
            index.isValid()
            and index.column() > 0
            and self.policy_model.explicit(
                self.policy_model.scope(index.row()).scope, self.policy_model.key(index.column())
            )
            is not None
        )
        self.clear_button.setEnabled(bool(explicit))

    def clear_current_policy(self) -> None:
        index = self.policy_table.currentIndex()
        if index.isValid() and index.column() > 0:
            self.policy_model.setData(index, "", Qt.ItemDataRole.EditRole)

    def _reload_policy(self) -> None:
        products = services.list_products(self.app.uow())
        settings = services.policy_settings(self.app.uow())
        current = self.policy_table.currentIndex()
        self.policy_model.set_scopes(policy_scopes(products), settings)
        if current.isValid():
            self.policy_table.setCurrentIndex(
                self.policy_model.index(current.row(), current.column())
            )
        self._update_clear_button()

    # --- facility -----------------------------------------------------------------------------

    def _facility_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.facility_box = QGroupBox(self.tr("Établissement choisi en haut de la fenêtre"))
        box_layout = QVBoxLayout(self.facility_box)
        self.no_facility_label = QLabel(
            self.tr("Aucun établissement : ajoutez-en un avec le bouton ci-dessous.")
        )
        box_layout.addWidget(self.no_facility_label)
        self.facility_form = FacilityForm(code_editable=False)
        self.facility_form.setMaximumWidth(760)
        box_layout.addWidget(self.facility_form)
        buttons = QHBoxLayout()
        self.facility_feedback = QLabel()
        self.facility_feedback.setWordWrap(True)
        self.revert_button = QPushButton(self.tr("Annuler les modifications"))
        self.save_facility_button = QPushButton(self.tr("Enregistrer"))
        self.save_facility_button.setDefault(True)
        buttons.addWidget(self.facility_feedback, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_facility_button)
        box_layout.addLayout(buttons)
        layout.addWidget(self.facility_box)

        others = QGroupBox(self.tr("Autres établissements"))
        others_layout = QHBoxLayout(others)
        hint = QLabel(
            self.tr(
                "Ajoutez un établissement pour le gérer aussi, ou pour le choisir comme "
                "fournisseur ou destinataire de transferts."
            )
        )
        hint.setWordWrap(True)
        self.add_facility_button = QPushButton(self.tr("Ajouter un établissement…"))
        others_layout.addWidget(hint, 1)
        others_layout.addWidget(self.add_facility_button)
        layout.addWidget(others)
        layout.addStretch(1)

        self.facility_form.changed.connect(self._update_facility_buttons)
        self.save_facility_button.clicked.connect(self.save_facility)
        self.revert_button.clicked.connect(self._reload_facility)
        self.add_facility_button.clicked.connect(self._on_add_facility)
        return page

    def _reload_facility(self) -> None:
        facilities = services.list_facilities(self.app.uow())
        current = next((f for f in facilities if f.code == self.facility), None)
        self._shown_facility = current.code if current else None
        self.no_facility_label.setVisible(current is None)
        self.facility_form.setVisible(current is not None)
        self.facility_feedback.clear()
        if current is not None:
            self.facility_form.set_suppliers(facilities, exclude=current.code)
            self.facility_form.set_facility(current)
        self._update_facility_buttons()

    def _update_facility_buttons(self) -> None:
        shown = self._shown_facility is not None
        modified = shown and self.facility_form.is_modified()
        self.save_facility_button.setEnabled(modified and self.facility_form.facility() is not None)
        self.revert_button.setEnabled(modified)
        self.save_facility_button.setVisible(shown)
        self.revert_button.setVisible(shown)
        if modified:
            self.facility_feedback.setStyleSheet(HINT_STYLE)
            self.facility_feedback.setText(self.tr("Modifications non enregistrées."))

    def save_facility(self) -> bool:
        facility = self.facility_form.facility()
        if facility is None or self._shown_facility is None:
            return False
        try:
            services.update_facility(self.app.uow(), facility)
        except DomainError as exc:
            self.facility_form.show_error(str(exc))
            return False
        self._reload_facility()
        text = self.tr("✔ {0} enregistré.").format(facility.name)
        self.facility_feedback.setStyleSheet(OK_STYLE)
        self.facility_feedback.setText(text)
        self.status_message.emit(text.removeprefix("✔ "))
        self.ledger_changed.emit()
        return True

    def _on_add_facility(self) -> None:
        created = open_add_facility(self.app, self)
        if created is not None:
            self.facility_added(created)

    def facility_added(self, facility: Facility) -> None:
        """After a facility was created: tell the window, so its facility list reloads."""
        self._reload_facility()
        self.status_message.emit(
            self.tr(
                "Établissement ajouté : {0} ({1}). Choisissez-le en haut de la fenêtre."
            ).format(facility.name, facility.code)
        )
        self.ledger_changed.emit()

    # --- language -----------------------------------------------------------------------------

    def _language_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Langue des menus, des écrans et des messages ; les nombres et les dates "
                    "suivent aussi la langue (virgule décimale et JJ/MM/AAAA en français)."
                )
            )
        )
        layout.addWidget(QLabel("<b>" + self.tr("Langue de l'interface :") + "</b>"))
        self.language_group = QButtonGroup(page)
        self.language_buttons: dict[str, QRadioButton] = {}
        for code, name in LANGUAGES.items():
            button = QRadioButton(name)
            button.setProperty("language", code)
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            layout.addWidget(button)
        self.language_message = QLabel()
        self.language_message.setWordWrap(True)
        layout.addWidget(self.language_message)
        layout.addStretch(1)
        self.language_group.buttonClicked.connect(self._on_language_clicked)
        return page

    def _show_language(self) -> None:
        code = self.ui.language or "fr"
        button = self.language_buttons.get(code, self.language_buttons["fr"])
        button.setChecked(True)

    def _on_language_clicked(self, button: QRadioButton) -> None:
        self.set_language(str(button.property("language")))

    def set_language(self, code: str) -> None:
        """Store the language and switch numbers, dates and Qt's dialogs to it now; the
        screens already built keep their texts until SahelStock restarts."""
        if code == (self.ui.language or "fr"):
            return
        self.ui.language = code
        self.ui.sync()
        self.language_buttons[code].setChecked(True)
        qt_app = QApplication.instance()
        if isinstance(qt_app, QApplication):
            install_language(qt_app, code)
        self.language_message.setStyleSheet(OK_STYLE)
        self.language_message.setText(
            self.tr(
                "✔ Langue enregistrée : {0}. Redémarrez SahelStock pour changer la langue de "
                "tous les écrans.\nLanguage saved: restart SahelStock to change the language "
                "of every screen."
            ).format(LANGUAGES[code])
        )
        self.status_message.emit(self.tr("Redémarrez SahelStock pour changer la langue."))

    # --- screen -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._reload_policy()
        # Keep what the user is typing unless another facility was chosen.
        if (
            self._shown_facility is None
            or self.facility != self._shown_facility
            or not self.facility_form.is_modified()
        ):
            self._reload_facility()
        self._show_language()
