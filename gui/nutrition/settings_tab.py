"""PCIMA settings tab: cut-offs, caseload and report settings, and the RUTF dosing table."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import pcima_services
from core.application import Application
from core.errors import DomainError
from core.nutrition import (
    NutritionSettings,
    RutfDoseBand,
    TableMode,
    fr_number,
)
from core.pcima import ReportSettings
from gui.table_model import Index, TableModel

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #505050;"
OK_STYLE = "color: #0d5c24;"
BAD_FIELD_STYLE = "border: 2px solid #c00000;"

#: core's NUTRITION_SETTING_LABELS and REPORT_SETTING_LABELS, marked for translation (a test
#: keeps them equal to core's)
SETTING_TEXTS = {
    "muac_sam_below_mm": QT_TRANSLATE_NOOP(
        "PcimaSetting", "PB de l'enfant : MAS en dessous de (mm)"
    ),
    "muac_mam_below_mm": QT_TRANSLATE_NOOP(
        "PcimaSetting", "PB de l'enfant : MAM en dessous de (mm)"
    ),
    "pregnant_muac_mam_below_mm": QT_TRANSLATE_NOOP(
        "PcimaSetting", "PB des femmes enceintes et allaitantes : MAM en dessous de (mm)"
    ),
    "whz_table_mode": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Table P/T (sex_specific ou boys_for_both)"
    ),
    "incidence_correction": QT_TRANSLATE_NOOP("PcimaSetting", "Facteur d'incidence K"),
    "rutf_sachets_per_child": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Sachets d'ATPE par enfant MAS traité"
    ),
    "rutf_sachets_per_carton": QT_TRANSLATE_NOOP("PcimaSetting", "Sachets d'ATPE par carton"),
    "cured_above_percent": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Taux de guérison attendu : au-dessus de (%)"
    ),
    "died_below_percent": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Taux de décès acceptable : en dessous de (%)"
    ),
    "defaulted_below_percent": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Taux d'abandon acceptable : en dessous de (%)"
    ),
    "rates_include_transfers": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Les transferts sortants comptent dans les taux (oui/non)"
    ),
    "rutf_check_months": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Contrôle ATPE par enfant : nombre de mois"
    ),
    "rutf_check_tolerance_percent": QT_TRANSLATE_NOOP(
        "PcimaSetting", "Contrôle ATPE par enfant : écart toléré (%)"
    ),
}

GROUPS = (
    (
        QT_TRANSLATE_NOOP("NutritionSettingsTab", "Dépistage"),
        ("muac_sam_below_mm", "muac_mam_below_mm", "pregnant_muac_mam_below_mm", "whz_table_mode"),
    ),
    (
        QT_TRANSLATE_NOOP("NutritionSettingsTab", "ATPE et charge de cas"),
        ("incidence_correction", "rutf_sachets_per_child", "rutf_sachets_per_carton"),
    ),
    (
        QT_TRANSLATE_NOOP("NutritionSettingsTab", "Rapport mensuel (normes Sphère)"),
        (
            "cured_above_percent",
            "died_below_percent",
            "defaulted_below_percent",
            "rates_include_transfers",
            "rutf_check_months",
            "rutf_check_tolerance_percent",
        ),
    ),
)


CHOICES = ("whz_table_mode", "rates_include_transfers")


def setting_label(key: str) -> str:
    text = translate("PcimaSetting", SETTING_TEXTS[key])
    # A list offers the choices: the hint in brackets is for the command line.
    if key in CHOICES:
        text = text.split(" (")[0]
    return text


def setting_choices() -> dict[str, list[tuple[str, str]]]:
    """The settings chosen from a list: (stored value, what the user reads)."""
    return {
        "whz_table_mode": [
            (
                TableMode.SEX_SPECIFIC.value,
                translate("NutritionSettingsTab", "Par sexe (OMS)"),
            ),
            (
                TableMode.BOYS_FOR_BOTH.value,
                translate("NutritionSettingsTab", "Garçons pour tous"),
            ),
        ],
        "rates_include_transfers": [
            ("non", translate("NutritionSettingsTab", "non")),
            ("oui", translate("NutritionSettingsTab", "oui")),
        ],
    }


def default_values() -> dict[str, str]:
    """Every setting's shipped value, written as nutrition_setting_values writes it."""
    values: dict[str, str] = {}
    for source in (NutritionSettings(), ReportSettings()):
        for f in fields(source):
            value = getattr(source, f.name)
            if isinstance(value, bool):
                values[f.name] = "oui" if value else "non"
            else:
                values[f.name] = str(value).replace(".", ",")
    return values


# --- the dosing table ---------------------------------------------------------------------


class DosingModel(TableModel):
    """The RUTF dosing table as typed: text kept as is until it is saved."""

    CONTEXT = "DosingModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DosingModel", "Dès (kg)"),
        QT_TRANSLATE_NOOP("DosingModel", "Sachets/jour"),
        QT_TRANSLATE_NOOP("DosingModel", "Sachets/semaine"),
    )
    TOOLTIPS = (
        QT_TRANSLATE_NOOP(
            "DosingModel", "Poids à partir duquel la dose s'applique, jusqu'à la ligne suivante"
        ),
        QT_TRANSLATE_NOOP("DosingModel", "Sachets d'ATPE par jour"),
        QT_TRANSLATE_NOOP("DosingModel", "Sachets d'ATPE par semaine"),
    )

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []

    def row_count(self) -> int:
        return len(self.rows)

    def set_bands(self, bands: Sequence[RutfDoseBand]) -> None:
        self.beginResetModel()
        self.rows = [
            [fr_number(b.from_kg), fr_number(b.sachets_per_day), str(b.sachets_per_week)]
            for b in bands
        ]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        if self.rows[index.row()][index.column()] == text:
            return False
        self.rows[index.row()][index.column()] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        self.edited.emit()
        return True

    def add_row(self, after: int | None = None) -> int:
        row = len(self.rows) if after is None else after + 1
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, ["", "", ""])
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.edited.emit()

    def bands(self) -> list[RutfDoseBand]:
        """The rows as bands; a DomainError names the line and the column that is wrong."""
        bands = []
        for n, (kg, day, week) in enumerate(self.rows, start=1):
            bands.append(
                RutfDoseBand(
                    from_kg=_number(kg, n, translate("DosingModel", "Dès (kg)")),
                    sachets_per_day=_number(day, n, translate("DosingModel", "Sachets/jour")),
                    sachets_per_week=_whole(week, n, translate("DosingModel", "Sachets/semaine")),
                )
            )
        return bands


def _number(text: str, line: int, column: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    if not text or not value.is_finite() or value <= 0:
        raise DomainError(
            translate(
                "DosingModel",
                "Table de dosage, ligne {0}, « {1} » : « {2} » ; un nombre positif est attendu "
                "(par exemple 3,5).",
            ).format(line, column, text)
        )
    return value


def _whole(text: str, line: int, column: str) -> int:
    value = _number(text, line, column)
    if value != value.to_integral_value():
        raise DomainError(
            translate(
                "DosingModel",
                "Table de dosage, ligne {0}, « {1} » : « {2} » ; un nombre entier est attendu.",
            ).format(line, column, text)
        )
    return int(value)


# --- the tab --------------------------------------------------------------------------------


class NutritionSettingsTab(QWidget):
    """Each PCIMA setting with its label, its default and its error; the dosing table."""

    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None
        self.values: dict[str, str] = {}
        self.defaults = default_values()
        self.edits: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.reset_buttons: dict[str, QPushButton] = {}

        layout = QHBoxLayout(self)
        layout.addWidget(self._settings_panel(), 3)
        layout.addWidget(self._dosing_panel(), 2)
        self.refresh()

    # --- building ----------------------------------------------------------------------------

    def _settings_panel(self) -> QWidget:
        inner = QWidget()
        column = QVBoxLayout(inner)
        intro = QLabel(
            self.tr(
                "Ces valeurs valent pour tous les établissements. Tapez une valeur puis Entrée "
                "pour l'enregistrer ; « Valeur par défaut » reprend celle du protocole."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        column.addWidget(intro)
        choices = setting_choices()
        grids: list[QGridLayout] = []
        for title, keys in GROUPS:
            box = QGroupBox(translate("NutritionSettingsTab", title))
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 1)
            grids.append(grid)
            for n, key in enumerate(keys):
                label = QLabel(setting_label(key))
                label.setWordWrap(True)
                editor: QLineEdit | QComboBox
                if key in choices:
                    editor = QComboBox()
                    for value, text in choices[key]:
                        editor.addItem(text, value)
                    editor.activated.connect(lambda _i, k=key: self._on_choice(k))
                    if key == "whz_table_mode":
                        editor.setToolTip(
                            self.tr(
                                "Par sexe : la table OMS 2006 des filles pour les filles, des "
                                "garçons pour les garçons. Garçons pour tous : la table des "
                                "garçons pour les deux sexes, comme le protocole malien de 2011."
                            )
                        )
                else:
                    editor = QLineEdit()
                    editor.setAlignment(Qt.AlignmentFlag.AlignRight)
                    editor.setMaximumWidth(110)
                    editor.editingFinished.connect(lambda k=key: self._on_edited(k))
                    editor.textEdited.connect(lambda _t, k=key: self._clear_error(k))
                label.setBuddy(editor)
                reset = QPushButton(self.tr("Valeur par défaut"))
                reset.clicked.connect(lambda _c=False, k=key: self.reset(k))
                error = QLabel()
                error.setWordWrap(True)
                error.setStyleSheet(ERROR_STYLE)
                error.hide()
                grid.addWidget(label, 2 * n, 0)
                grid.addWidget(editor, 2 * n, 1, Qt.AlignmentFlag.AlignLeft)
                grid.addWidget(reset, 2 * n, 2)
                grid.addWidget(error, 2 * n + 1, 0, 1, 3)
                self.edits[key] = editor
                self.errors[key] = error
                self.reset_buttons[key] = reset
            column.addWidget(box)
        # The same editor column in every group, so that values and buttons line up.
        widest = max(editor.sizeHint().width() for editor in self.edits.values())
        for grid in grids:
            grid.setColumnMinimumWidth(1, widest)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _dosing_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Table de dosage de l'ATPE (200 kcal/kg/jour)"))
        column = QVBoxLayout(box)
        intro = QLabel(
            self.tr(
                "Une ligne par tranche de poids : elle va de son poids jusqu'au poids de la "
                "ligne suivante. Double-cliquez sur une case pour la changer."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        column.addWidget(intro)
        self.dosing_model = DosingModel()
        self.dosing_table = QTableView()
        self.dosing_table.setModel(self.dosing_model)
        self.dosing_table.verticalHeader().hide()
        self.dosing_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.dosing_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.dosing_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.dosing_table.verticalHeader().setDefaultSectionSize(
            self.dosing_table.fontMetrics().height() + 10
        )
        column.addWidget(self.dosing_table, 1)
        rows = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Ajouter une ligne"))
        self.remove_button = QPushButton(self.tr("Supprimer la ligne"))
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        column.addLayout(rows)
        self.dosing_message = QLabel()
        self.dosing_message.setWordWrap(True)
        column.addWidget(self.dosing_message)
        actions = QHBoxLayout()
        self.shipped_button = QPushButton(self.tr("Revenir à la table fournie"))
        self.shipped_button.setToolTip(
            self.tr("La table livrée avec SahelStock (protocole national)")
        )
        self.save_dosing_button = QPushButton(self.tr("Enregistrer la table"))
        actions.addWidget(self.shipped_button)
        actions.addStretch(1)
        actions.addWidget(self.save_dosing_button)
        column.addLayout(actions)
        self.add_button.clicked.connect(self._on_add_row)
        self.remove_button.clicked.connect(self._on_remove_row)
        self.save_dosing_button.clicked.connect(self.save_dosing)
        self.shipped_button.clicked.connect(self.restore_shipped_dosing)
        self.dosing_model.edited.connect(self._on_dosing_edited)
        return box

    # --- contract of the nutrition tabs ------------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()

    def refresh(self) -> None:
        self.values = pcima_services.nutrition_setting_values(self.app.uow())
        for key in self.edits:
            self._show_value(key)
            self._clear_error(key)
        self._load_dosing()

    # --- settings ----------------------------------------------------------------------------

    def _show_value(self, key: str) -> None:
        editor = self.edits[key]
        value = self.values.get(key, self.defaults[key])
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        else:
            editor.setText(value)
        reset = self.reset_buttons[key]
        reset.setEnabled(value != self.defaults[key])
        reset.setToolTip(self.tr("Revenir à {0}").format(self._shown_default(key)))

    def _shown_default(self, key: str) -> str:
        editor = self.edits[key]
        if isinstance(editor, QComboBox):
            index = editor.findData(self.defaults[key])
            return editor.itemText(index) if index >= 0 else self.defaults[key]
        return self.defaults[key]

    def _clear_error(self, key: str) -> None:
        self.errors[key].hide()
        self.errors[key].clear()
        self.edits[key].setStyleSheet("")

    def _refused(self, key: str) -> bool:
        return not self.errors[key].isHidden() and self.edits[key].styleSheet() != ""

    def _note(self, key: str, text: str, error: bool) -> None:
        """Under the field: why a value was refused, or that it was saved."""
        self.errors[key].setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.errors[key].setText(text)
        self.errors[key].show()
        self.edits[key].setStyleSheet(BAD_FIELD_STYLE if error else "")

    def _on_edited(self, key: str) -> None:
        editor = self.edits[key]
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if text == self.values.get(key) and not self._refused(key):
            return
        self.save(key, text)

    def _on_choice(self, key: str) -> None:
        editor = self.edits[key]
        assert isinstance(editor, QComboBox)
        value = str(editor.currentData())
        if value != self.values.get(key):
            self.save(key, value)

    def save(self, key: str, text: str | None) -> bool:
        """Store one setting (None: its default); on a refusal the typed text stays, with
        the reason under it."""
        self._clear_error(key)
        try:
            pcima_services.set_nutrition_setting(self.app.uow(), key, text)
        except DomainError as exc:
            self._note(key, str(exc), True)
            return False
        self.values = pcima_services.nutrition_setting_values(self.app.uow())
        for other in self.edits:
            # Earlier "saved" notes go; a refused value stays flagged until it is fixed.
            if other != key and not self._refused(other):
                self._clear_error(other)
        self._show_value(key)
        self._note(key, self.tr("✔ Enregistré : {0}").format(self._shown_value(key)), False)
        self.status_message.emit(
            self.tr("Paramètre PCIMA enregistré : {0}").format(setting_label(key))
        )
        self.data_changed.emit()
        return True

    def _shown_value(self, key: str) -> str:
        editor = self.edits[key]
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def reset(self, key: str) -> bool:
        return self.save(key, None)

    def set_text(self, key: str, text: str) -> bool:
        """Type a value and confirm it, as a user does with Entrée (for tests)."""
        editor = self.edits[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(text))
            return self.save(key, text)
        editor.setText(text)
        return self.save(key, text)

    # --- dosing table ------------------------------------------------------------------------

    def _load_dosing(self) -> None:
        bands = pcima_services.rutf_dosing(self.app.uow(), self.app.rutf_dosing())
        self.dosing_model.set_bands(bands)
        self.save_dosing_button.setEnabled(False)
        shipped = tuple(bands) == tuple(self.app.rutf_dosing())
        self.shipped_button.setEnabled(not shipped)
        self._dosing_note(
            self.tr("Table fournie avec SahelStock.")
            if shipped
            else self.tr("Table modifiée dans ce poste."),
            False,
        )

    def _dosing_note(self, text: str, error: bool) -> None:
        self.dosing_message.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.dosing_message.setText(text)

    def _on_dosing_edited(self) -> None:
        self.save_dosing_button.setEnabled(True)
        self._dosing_note(self.tr("Modifications non enregistrées."), False)

    def _on_add_row(self) -> None:
        current = self.dosing_table.currentIndex()
        row = self.dosing_model.add_row(current.row() if current.isValid() else None)
        index = self.dosing_model.index(row, 0)
        self.dosing_table.setCurrentIndex(index)
        self.dosing_table.edit(index)

    def _on_remove_row(self) -> None:
        current = self.dosing_table.currentIndex()
        if current.isValid():
            self.dosing_model.remove_row(current.row())

    def save_dosing(self) -> bool:
        try:
            pcima_services.set_rutf_dosing(self.app.uow(), self.dosing_model.bands())
        except DomainError as exc:
            self._dosing_note(str(exc), True)
            return False
        self._load_dosing()
        self._dosing_note(self.tr("✔ Table de dosage enregistrée."), False)
        self.status_message.emit(self.tr("Table de dosage de l'ATPE enregistrée"))
        self.data_changed.emit()
        return True

    def restore_shipped_dosing(self) -> None:
        pcima_services.set_rutf_dosing(self.app.uow(), None)
        self._load_dosing()
        self.status_message.emit(self.tr("Table de dosage fournie rétablie"))
        self.data_changed.emit()
