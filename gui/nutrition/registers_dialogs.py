"""The PCIMA register forms: a screening with its live classification, a community tally, an
admission, an exit, a unit's monthly totals, the reason for withdrawing a record, a history."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import pcima_services as pcima
from core.application import Application
from core.errors import DomainError
from core.nutrition import (
    NutritionClass,
    NutritionSettings,
    Oedema,
    Sex,
    check_age_months,
    check_weight_kg,
    parse_muac_mm,
)
from core.pcima import (
    TOTAL_FIELDS,
    AdmissionType,
    Criterion,
    EventKind,
    ExitOutcome,
    Group,
    MonthlyTotals,
    ProgrammeEvent,
    Screening,
    Tally,
    TallySource,
    Unit,
    check_person_ref,
    check_place,
    check_tally,
)
from core.pcima_services import UNITS, InCare, ScreeningEntry
from gui.forms.common import ERROR_STYLE, HINT_STYLE, EntryForm, QuantitySpin, make_date_edit
from gui.nutrition.registers_model import (
    CLASS_STYLE,
    REFERRAL_STYLE,
    HistoryModel,
    HistoryRow,
    MonthCombo,
    RegisterModel,
    ValueCombo,
    admission_label,
    class_label,
    criterion_label,
    datetime_text,
    decimal_text,
    exit_label,
    group_label,
    month_text,
    oedema_label,
    qdate_to_date,
    referral_text,
    source_label,
    total_field_label,
    unit_label,
    whz_text,
)
from gui.stock.model import format_date

log = logging.getLogger(__name__)

GENERAL = ""  # the key of a problem that concerns no single field
CHIP = "padding: 3px 8px; border-radius: 3px; font-weight: bold; "


class FieldForm(EntryForm):
    """An entry form whose problems are shown under the field they concern; fields still to
    fill are listed (in grey) at the bottom, and Enregistrer waits until all is right."""

    def __init__(
        self, app: Application, facility: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, facility, title, parent)
        # The dialog grows when an error line appears under a field, and shrinks back.
        layout = self.layout()
        assert layout is not None
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addLayout(self.form)
        self.field_errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}

    def set_width(self, pixels: int) -> None:
        """The form's least width (the layout sets the dialog's minimum size)."""
        self.message.setMinimumWidth(pixels - 24)

    def add_row(self, key: str, label: str | QLabel, widget: QWidget) -> QLabel:
        """A labelled field with its error line underneath (hidden while the field is right)."""
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        self.form.addRow(label, container)
        self.field_errors[key] = error
        self._rows[key] = container
        return error

    def set_row_visible(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self._rows[key], visible)

    def row_visible(self, key: str) -> bool:
        return not self._rows[key].isHidden()

    def check(self) -> tuple[dict[str, str], list[str]]:
        """(problems by field key, GENERAL for the others; labels of required fields empty)."""
        raise NotImplementedError

    def problems(self) -> list[str]:
        errors, missing = self.check()
        found = list(errors.values())
        if missing:
            found.append(self.tr("À remplir : {0}.").format(", ".join(missing)))
        return found

    def validate(self) -> list[str]:
        errors, missing = self.check()
        on_fields = {k: v for k, v in errors.items() if k in self.field_errors and k != GENERAL}
        for key, label in self.field_errors.items():
            text = on_fields.get(key, "")
            label.setText("⚠ " + text if text else "")
            label.setVisible(bool(text))
        general = [v for k, v in errors.items() if k not in on_fields]
        problems = list(errors.values())
        if missing:
            problems.append(self.tr("À remplir : {0}.").format(", ".join(missing)))
        self.save_button.setEnabled(not problems and not self._service_error)
        if self._service_error:
            self._show(self._service_error, error=True)
        elif general:
            self._show("\n".join(general), error=True)
        elif on_fields:
            self._show(self.tr("Corrigez ce qui est signalé en rouge."), error=True)
        elif missing:
            self._show(self.tr("À remplir : {0}.").format(", ".join(missing)), error=False)
        else:
            self._show(
                self.tr("✔ Prêt à enregistrer : vérifiez puis cliquez sur Enregistrer."),
                error=False,
            )
        return problems

    def reason_field(self, correcting: bool) -> QLineEdit:
        """The reason of a correction: required when correcting, absent otherwise."""
        edit = QLineEdit()
        edit.setMaxLength(200)
        edit.setPlaceholderText(self.tr("ex. erreur de saisie du PB, mauvais enfant"))
        edit.textChanged.connect(self.touch)
        if correcting:
            self.add_row("reason", self.tr("Motif de la correction :"), edit)
        return edit


def _combo(items: Sequence[tuple[str, object]]) -> ValueCombo:
    combo = ValueCombo()
    for text, value in items:
        combo.add(text, value)
    return combo


def _select(combo: ValueCombo, value: object) -> None:
    combo.set_value(value)


def _decimal(text: str, label: str) -> Decimal:
    cleaned = text.strip().replace(",", ".").replace(" ", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise DomainError(f"{label} : « {text.strip()} » n'est pas un nombre.") from None
    if not value.is_finite() or value <= 0:
        raise DomainError(f"{label} : un nombre positif est attendu.")
    return value


# --- screening ------------------------------------------------------------------------------


class ScreeningForm(FieldForm):
    """One screened child (6–59 months) or pregnant/lactating woman; as the user types, what
    the protocol concludes is shown: classification, P/T z-score, referral and why."""

    def __init__(
        self,
        app: Application,
        facility: str,
        places: Sequence[str] = (),
        original: Screening | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Corriger un dépistage") if original else self.tr("Nouveau dépistage")
        super().__init__(app, facility, title, parent)
        self.original = original
        self.settings: NutritionSettings = pcima.nutrition_settings(app.uow())
        self.standards = app.growth_standards()
        self.assessment: Screening | None = None
        self.saved_screening: Screening | None = None
        self._entry: ScreeningEntry | None = None
        self.set_width(620)

        self.date = make_date_edit(self.today)
        self.place = QLineEdit()
        self.place.setMaxLength(120)
        self.place.setPlaceholderText(self.tr("village, quartier ou site de dépistage"))
        if places:
            completer = QCompleter(sorted(set(places)), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.place.setCompleter(completer)
        self.person = QLineEdit()
        self.person.setMaxLength(80)
        self.person.setPlaceholderText(self.tr("n° du registre ou nom (reste dans le centre)"))
        self.group = _combo(
            [
                (self.tr("Enfant de 6 à 59 mois"), Group.CHILD),
                (self.tr("Femme enceinte ou allaitante (FE/FA)"), Group.PLW),
            ]
        )
        self.sex = _combo(
            [
                (self.tr("— non précisé"), None),
                (self.tr("M (garçon)"), Sex.MALE),
                (self.tr("F (fille)"), Sex.FEMALE),
            ]
        )
        self.age = QLineEdit()
        self.age.setPlaceholderText(self.tr("6 à 59"))
        self.age.setMaximumWidth(90)
        self.muac = QLineEdit()
        self.muac.setPlaceholderText(self.tr("ex. 118"))
        self.muac.setMaximumWidth(90)
        self.oedema = _combo([(oedema_label(o), o) for o in Oedema])
        self.weight_kg = QLineEdit()
        self.weight_kg.setPlaceholderText(self.tr("ex. 6,5 (facultatif)"))
        self.weight_kg.setMaximumWidth(150)
        self.height_cm = QLineEdit()
        self.height_cm.setPlaceholderText(self.tr("ex. 68,5 (facultatif)"))
        self.height_cm.setMaximumWidth(150)
        self.position = _combo(
            [
                (self.tr("position non précisée"), None),
                (self.tr("mesuré couché (longueur)"), True),
                (self.tr("mesuré debout (taille)"), False),
            ]
        )
        height_row = QWidget()
        height_layout = QHBoxLayout(height_row)
        height_layout.setContentsMargins(0, 0, 0, 0)
        height_layout.addWidget(self.height_cm)
        height_layout.addWidget(self.position, 1)
        self.complications = QCheckBox(
            self.tr("Complications médicales (anorexie, fièvre, convulsions, déshydratation…)")
        )

        self.add_row("date", self.tr("Date du dépistage :"), self.date)
        self.add_row("place", self.tr("Lieu :"), self.place)
        self.add_row("person", self.tr("Identifiant :"), self.person)
        self.add_row("group", self.tr("Groupe :"), self.group)
        self.add_row("sex", self.tr("Sexe :"), self.sex)
        self.add_row("age", self.tr("Âge (mois) :"), self.age)
        self.add_row("muac", self.tr("PB (mm) :"), self.muac)
        self.add_row("oedema", self.tr("Œdèmes bilatéraux :"), self.oedema)
        self.add_row("weight", self.tr("Poids (kg) :"), self.weight_kg)
        self.add_row("height", self.tr("Taille (cm) :"), height_row)
        self.add_row("complications", "", self.complications)
        self.reason = self.reason_field(original is not None)

        self.preview = QGroupBox(self.tr("Résultat selon le protocole"))
        preview = QVBoxLayout(self.preview)
        self.class_chip = QLabel()
        self.referral_chip = QLabel()
        for chip in (self.class_chip, self.referral_chip):
            chip.setWordWrap(True)
            preview.addWidget(chip)
        self.whz_label = QLabel()
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        preview.addWidget(self.whz_label)
        preview.addWidget(self.reasons_label)
        self.body.addWidget(self.preview)

        if original is not None:
            self._fill(original)
        for edit in (self.place, self.person, self.age, self.muac, self.weight_kg, self.height_cm):
            edit.textChanged.connect(self.touch)
        for combo in (self.group, self.sex, self.oedema, self.position):
            combo.currentIndexChanged.connect(self.touch)
        self.date.dateChanged.connect(self.touch)
        self.complications.toggled.connect(self.touch)
        self.group.currentIndexChanged.connect(self._on_group_changed)
        self._on_group_changed()

    def _fill(self, s: Screening) -> None:
        self.date.setDate(QDate(s.screened_on))
        self.place.setText(s.place)
        self.person.setText(s.person_ref)
        _select(self.group, s.group)
        if s.group is Group.CHILD:
            _select(self.sex, s.sex)
            self.age.setText("" if s.age_months is None else str(s.age_months))
            _select(self.oedema, s.oedema)
            self.weight_kg.setText(decimal_text(s.weight_kg, 2).rstrip("0").rstrip(",."))
            self.height_cm.setText(decimal_text(s.height_cm, 1))
            _select(self.position, s.measured_lying)
            self.complications.setChecked(s.complications)
        self.muac.setText(str(s.muac_mm))

    def is_child(self) -> bool:
        return self.group.value() is Group.CHILD

    def _on_group_changed(self, *_: object) -> None:
        child = self.is_child()
        for key in ("sex", "age", "oedema", "weight", "height", "complications"):
            self.set_row_visible(key, child)
        self.validate()
        QTimer.singleShot(0, self, self.adjustSize)

    # --- checking -------------------------------------------------------------------------

    def check(self) -> tuple[dict[str, str], list[str]]:
        errors: dict[str, str] = {}
        missing: list[str] = []
        self._entry = None
        self.assessment = None
        try:
            check_place(self.place.text())
        except DomainError as exc:
            errors["place"] = str(exc)
        person = self.person.text().strip()
        if not person:
            missing.append(self.tr("identifiant"))
        else:
            try:
                check_person_ref(person)
            except DomainError as exc:
                errors["person"] = str(exc)
        muac: int | None = None
        if not self.muac.text().strip():
            missing.append(self.tr("PB"))
        else:
            try:
                muac = parse_muac_mm(self.muac.text())
            except DomainError as exc:
                errors["muac"] = str(exc)
        child = self.is_child()
        age: int | None = None
        weight: Decimal | None = None
        height: Decimal | None = None
        sex = self.sex.value() if child else None
        if child:
            age = self._age(errors, missing)
            weight = self._optional(self.weight_kg, self.tr("Poids"), "weight", errors)
            height = self._optional(self.height_cm, self.tr("Taille"), "height", errors)
            if weight is not None and "weight" not in errors:
                try:
                    check_weight_kg(float(weight))
                except DomainError as exc:
                    errors["weight"] = str(exc)
            if weight is not None and height is None and "height" not in errors:
                errors["height"] = self.tr(
                    "Taille : à indiquer avec le poids pour calculer le P/T (ou videz le poids)."
                )
            if height is not None and weight is None and "weight" not in errors:
                errors["weight"] = self.tr(
                    "Poids : à indiquer avec la taille pour calculer le P/T (ou videz la taille)."
                )
            if weight is not None and height is not None and sex is None:
                errors["sex"] = self.tr("Sexe : nécessaire pour calculer le P/T (M ou F).")
        if self.original is not None and not self.reason.text().strip():
            missing.append(self.tr("motif de la correction"))
        if not errors and not missing and muac is not None:
            entry = ScreeningEntry(
                facility_code=self.facility,
                screened_on=qdate_to_date(self.date.date()),
                person_ref=person,
                muac_mm=muac,
                place=self.place.text(),
                group=self.group.value(),
                sex=sex,
                age_months=age,
                oedema=self.oedema.value() if child else Oedema.NONE,
                weight_kg=weight,
                height_cm=height,
                measured_lying=self.position.value() if height is not None else None,
                complications=child and self.complications.isChecked(),
            )
            try:
                self.assessment = pcima.assess_entry(entry, self.settings, self.standards)
                self._entry = entry
            except DomainError as exc:
                errors[self._field_of(str(exc))] = str(exc)
        self._show_result()
        return errors, missing

    def _age(self, errors: dict[str, str], missing: list[str]) -> int | None:
        text = self.age.text().strip()
        if not text:
            missing.append(self.tr("âge"))
            return None
        if not text.isdigit():
            errors["age"] = self.tr(
                "Âge : « {0} » ; attendu un nombre entier de mois, de 6 à 59."
            ).format(text)
            return None
        try:
            check_age_months(int(text))
        except DomainError as exc:
            errors["age"] = str(exc)
            return None
        return int(text)

    def _optional(
        self, edit: QLineEdit, label: str, key: str, errors: dict[str, str]
    ) -> Decimal | None:
        if not edit.text().strip():
            return None
        try:
            return _decimal(edit.text(), label)
        except DomainError as exc:
            errors[key] = str(exc)
            return None

    @staticmethod
    def _field_of(message: str) -> str:
        """The field a refusal from the rules concerns, from its first words."""
        if " cm :" in message or message.startswith("Taille"):
            return "height"
        if message.startswith("Poids"):
            return "weight"
        if message.startswith("PB"):
            return "muac"
        if message.startswith("Âge"):
            return "age"
        if message.startswith("Identifiant"):
            return "person"
        return GENERAL

    def _show_result(self) -> None:
        s = self.assessment
        if s is None:
            self.class_chip.setText(self.tr("Classement : —"))
            self.class_chip.setStyleSheet(CHIP + "background: #eeeeee; color: #505050;")
            self.referral_chip.setText(self.tr("Orientation : —"))
            self.referral_chip.setStyleSheet(CHIP + "background: #eeeeee; color: #505050;")
            self.whz_label.setText(
                self.tr("Saisissez au moins le PB (et l'âge pour un enfant) pour voir le résultat.")
            )
            self.whz_label.setStyleSheet(HINT_STYLE)
            self.reasons_label.clear()
            return
        self.class_chip.setText(
            self.tr("Classement : {0}").format(class_label(s.classification, short=False))
        )
        self.class_chip.setStyleSheet(CHIP + CLASS_STYLE[s.classification])
        if s.referral is None:
            self.referral_chip.setText(self.tr("Orientation : aucune"))
        else:
            self.referral_chip.setText(self.tr("Orientation : {0}").format(unit_label(s.referral)))
        self.referral_chip.setStyleSheet(CHIP + REFERRAL_STYLE[s.referral])
        self.whz_label.setStyleSheet("")
        if s.group is Group.PLW:
            self.whz_label.setText(self.tr("P/T : sans objet pour une femme enceinte/allaitante."))
        elif s.whz is None:
            self.whz_label.setText(self.tr("P/T : non calculé (poids et taille non saisis)."))
        else:
            assert s.whz_class is not None
            self.whz_label.setText(
                self.tr("P/T : {0} z ({1})").format(whz_text(s.whz), class_label(s.whz_class))
            )
        self.reasons_label.setText(self.tr("Pourquoi : {0}").format(" ; ".join(s.reasons)))

    # --- EntryForm ------------------------------------------------------------------------

    def has_input(self) -> bool:
        if self.original is not None:
            return bool(self.reason.text().strip())
        edits = (self.place, self.person, self.age, self.muac, self.weight_kg, self.height_cm)
        return any(e.text().strip() for e in edits)

    def save(self) -> str:
        assert self._entry is not None
        saved = pcima.record_screening(
            self.app.uow(),
            self.app.ctx,
            self._entry,
            self.standards,
            corrects=None if self.original is None else self.original.record_uuid,
            note=self.reason.text(),
        )
        self.saved_screening = saved
        if self.original is not None:
            return self.tr("Dépistage de {0} corrigé (version {1}).").format(
                saved.person_ref, saved.version
            )
        return self.tr("Dépistage enregistré : {0}, {1}, orientation {2}.").format(
            saved.person_ref, class_label(saved.classification), referral_text(saved.referral)
        )


# --- tallies --------------------------------------------------------------------------------


def _chip_label(text: str, style: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(CHIP + style)
    return label


class TallyForm(FieldForm):
    """Counts from a community screening: screened = SAM + MAM + normal, checked as typed."""

    def __init__(
        self,
        app: Application,
        facility: str,
        places: Sequence[str] = (),
        original: Tally | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Corriger un décompte") if original else self.tr("Nouveau décompte")
        super().__init__(app, facility, title, parent)
        self.original = original
        self.saved_tally: Tally | None = None
        self.set_width(560)
        self.date = make_date_edit(self.today)
        self.place = QLineEdit()
        self.place.setMaxLength(120)
        self.place.setPlaceholderText(self.tr("village, quartier ou site"))
        if places:
            completer = QCompleter(sorted(set(places)), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.place.setCompleter(completer)
        self.source = _combo([(source_label(s), s) for s in TallySource])
        self.group = _combo([(group_label(g), g) for g in Group])
        self.screened = QuantitySpin()
        self.sam = QuantitySpin()
        self.mam = QuantitySpin()
        self.normal = QuantitySpin()
        self.oedema = QuantitySpin()
        for spin in (self.screened, self.sam, self.mam, self.normal, self.oedema):
            spin.setMaximumWidth(120)
            spin.valueChanged.connect(self.touch)
        self.sum_label = QLabel()
        self.add_row("date", self.tr("Date :"), self.date)
        self.add_row("place", self.tr("Lieu :"), self.place)
        self.add_row("source", self.tr("Source :"), self.source)
        self.add_row("group", self.tr("Groupe :"), self.group)
        self.add_row("screened", self.tr("Dépistés :"), self.screened)
        self.add_row(
            "sam",
            _chip_label(self.tr("MAS (rouge) :"), CLASS_STYLE[NutritionClass.SAM]),
            self.sam,
        )
        self.add_row(
            "mam",
            _chip_label(self.tr("MAM (jaune) :"), CLASS_STYLE[NutritionClass.MAM]),
            self.mam,
        )
        self.add_row(
            "normal",
            _chip_label(self.tr("Normaux (vert) :"), CLASS_STYLE[NutritionClass.NORMAL]),
            self.normal,
        )
        self.add_row("oedema", self.tr("dont œdèmes :"), self.oedema)
        self.form.addRow(self.tr("Total :"), self.sum_label)
        self.reason = self.reason_field(original is not None)
        if original is not None:
            self.date.setDate(QDate(original.screened_on))
            self.place.setText(original.place)
            _select(self.source, original.source)
            _select(self.group, original.group)
            self.screened.setValue(original.screened)
            self.sam.setValue(original.sam)
            self.mam.setValue(original.mam)
            self.normal.setValue(original.normal)
            self.oedema.setValue(original.oedema)
        self.place.textChanged.connect(self.touch)
        self.date.dateChanged.connect(self.touch)
        self.source.currentIndexChanged.connect(self.touch)
        self.group.currentIndexChanged.connect(self._on_group_changed)
        self._on_group_changed()

    def _on_group_changed(self, *_: object) -> None:
        women = self.group.value() is Group.PLW
        if women:
            self.sam.setValue(0)
            self.oedema.setValue(0)
        self.set_row_visible("sam", not women)
        self.set_row_visible("oedema", not women)
        self.validate()
        QTimer.singleShot(0, self, self.adjustSize)

    def tally(self) -> Tally:
        return Tally(
            facility_code=self.facility,
            screened_on=qdate_to_date(self.date.date()),
            place=self.place.text(),
            source=self.source.value(),
            group=self.group.value(),
            screened=self.screened.value(),
            sam=self.sam.value(),
            mam=self.mam.value(),
            normal=self.normal.value(),
            oedema=self.oedema.value(),
        )

    def check(self) -> tuple[dict[str, str], list[str]]:
        errors: dict[str, str] = {}
        missing: list[str] = []
        tally = self.tally()
        total = tally.sam + tally.mam + tally.normal
        self.sum_label.setText(
            self.tr("MAS + MAM + normaux = {0} ; dépistés : {1}").format(total, tally.screened)
        )
        try:
            check_place(tally.place)
        except DomainError as exc:
            errors["place"] = str(exc)
        if tally.screened == 0 and total == 0:
            missing.append(self.tr("nombre de dépistés"))
        else:
            try:
                check_tally(tally)
            except DomainError as exc:
                message = str(exc)
                if message.startswith("MAS + MAM"):
                    errors["sum"] = message
                elif message.startswith("Œdèmes"):
                    errors["oedema"] = message
                elif message.startswith("Nombre de dépistés"):
                    errors["screened"] = message
                elif message.startswith("Femmes"):
                    errors["group"] = message
                else:
                    errors[GENERAL] = message
        self.sum_label.setStyleSheet(
            ERROR_STYLE if "sum" in errors else "color: #0d5c24;" if not missing else HINT_STYLE
        )
        if self.original is not None and not self.reason.text().strip():
            missing.append(self.tr("motif de la correction"))
        return errors, missing

    def has_input(self) -> bool:
        if self.original is not None:
            return bool(self.reason.text().strip())
        spins = (self.screened, self.sam, self.mam, self.normal, self.oedema)
        return bool(self.place.text().strip()) or any(s.value() for s in spins)

    def save(self) -> str:
        saved = pcima.record_tally(
            self.app.uow(),
            self.app.ctx,
            self.tally(),
            corrects=None if self.original is None else self.original.record_uuid,
            note=self.reason.text(),
        )
        self.saved_tally = saved
        if self.original is not None:
            return self.tr("Décompte corrigé (version {0}).").format(saved.version)
        return self.tr("Décompte enregistré : {0} dépisté(s), {1} MAS, {2} MAM.").format(
            saved.screened, saved.sam, saved.mam
        )


# --- admissions and exits -------------------------------------------------------------------


class AdmissionForm(FieldForm):
    """A child admitted to a unit: new (by MUAC, WHZ or oedema), relapse, readmission or
    transfer in."""

    def __init__(
        self,
        app: Application,
        facility: str,
        unit: Unit,
        original: ProgrammeEvent | None = None,
        child_ref: str = "",
        criterion: Criterion | None = None,
        on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Corriger une admission") if original else self.tr("Admettre un enfant")
        super().__init__(app, facility, title, parent)
        self.original = original
        self.saved_event: ProgrammeEvent | None = None
        self.set_width(520)
        self.unit = _combo([(unit_label(u), u) for u in UNITS])
        _select(self.unit, original.unit if original else unit)
        self.date = make_date_edit(self.today, original.occurred_on if original else on)
        self.person = QLineEdit(original.child_ref if original else child_ref)
        self.person.setMaxLength(80)
        self.person.setPlaceholderText(self.tr("n° du registre ou nom (reste dans le centre)"))
        self.admission = _combo([(admission_label(a), a) for a in AdmissionType])
        self.criterion = _combo([(criterion_label(c), c) for c in Criterion])
        if original is not None:
            _select(self.admission, original.admission)
            _select(self.criterion, original.criterion)
        elif criterion is not None:
            _select(self.criterion, criterion)
        self.add_row("unit", self.tr("Unité :"), self.unit)
        self.add_row("date", self.tr("Date d'admission :"), self.date)
        self.add_row("person", self.tr("Identifiant de l'enfant :"), self.person)
        self.add_row("admission", self.tr("Type d'admission :"), self.admission)
        self.add_row("criterion", self.tr("Critère d'admission :"), self.criterion)
        self.reason = self.reason_field(original is not None)
        self.person.textChanged.connect(self.touch)
        self.date.dateChanged.connect(self.touch)
        self.unit.currentIndexChanged.connect(self.touch)
        self.criterion.currentIndexChanged.connect(self.touch)
        self.admission.currentIndexChanged.connect(self._on_admission_changed)
        self._on_admission_changed()

    def _on_admission_changed(self, *_: object) -> None:
        self.set_row_visible("criterion", self.admission.value() is AdmissionType.NEW)
        self.touch()
        QTimer.singleShot(0, self, self.adjustSize)

    def programme_event(self) -> ProgrammeEvent:
        admission = self.admission.value()
        return ProgrammeEvent(
            facility_code=self.facility,
            unit=self.unit.value(),
            occurred_on=qdate_to_date(self.date.date()),
            child_ref=self.person.text(),
            kind=EventKind.ADMISSION,
            admission=admission,
            criterion=self.criterion.value() if admission is AdmissionType.NEW else None,
        )

    def check(self) -> tuple[dict[str, str], list[str]]:
        errors: dict[str, str] = {}
        missing: list[str] = []
        if not self.person.text().strip():
            missing.append(self.tr("identifiant de l'enfant"))
        else:
            try:
                check_person_ref(self.person.text(), "Identifiant de l'enfant")
            except DomainError as exc:
                errors["person"] = str(exc)
        if self.original is not None and not self.reason.text().strip():
            missing.append(self.tr("motif de la correction"))
        return errors, missing

    def has_input(self) -> bool:
        if self.original is not None:
            return bool(self.reason.text().strip())
        return bool(self.person.text().strip())

    def save(self) -> str:
        event = self.programme_event()
        if self.original is None:
            assert event.admission is not None
            saved = pcima.admit_child(
                self.app.uow(),
                self.app.ctx,
                self.facility,
                event.unit,
                event.occurred_on,
                event.child_ref,
                event.admission,
                event.criterion,
            )
        else:
            saved = pcima.correct_event(
                self.app.uow(),
                self.app.ctx,
                self.original.record_uuid,
                _corrected(self.original, event),
                self.reason.text(),
            )
        self.saved_event = saved
        return self.tr("{0} admis en {1} le {2}.").format(
            saved.child_ref, saved.unit.value, format_date(saved.occurred_on)
        )


def _corrected(original: ProgrammeEvent, typed: ProgrammeEvent) -> ProgrammeEvent:
    """The original record (identity, facility, kind) with what the form now says."""
    return replace(
        original,
        unit=typed.unit,
        occurred_on=typed.occurred_on,
        child_ref=typed.child_ref,
        admission=typed.admission,
        criterion=typed.criterion,
        outcome=typed.outcome,
    )


class ExitForm(FieldForm):
    """A child leaving a unit: cured, died, defaulted, non-response or transferred out."""

    def __init__(
        self,
        app: Application,
        facility: str,
        unit: Unit,
        in_care: Sequence[InCare],
        child_ref: str | None = None,
        original: ProgrammeEvent | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Corriger une sortie") if original else self.tr("Sortie d'un enfant")
        super().__init__(app, facility, title, parent)
        self.original = original
        self.unit_value = original.unit if original else unit
        self.saved_event: ProgrammeEvent | None = None
        self.set_width(520)
        self.child = ValueCombo()
        self.child.add(self.tr("— choisissez un enfant en charge"), None)
        refs = [c for c in in_care if c.unit is self.unit_value]
        for c in refs:
            self.child.add(
                self.tr("{0} (admis le {1})").format(c.child_ref, format_date(c.admitted_on)),
                c.child_ref,
            )
        if original is not None and self.child.index_of(original.child_ref) < 0:
            self.child.add(original.child_ref, original.child_ref)
        _select(self.child, original.child_ref if original else child_ref)
        self.date = make_date_edit(self.today, original.occurred_on if original else None)
        self.outcome = _combo([(exit_label(o), o) for o in ExitOutcome])
        if original is not None:
            _select(self.outcome, original.outcome)
        self.add_row("unit", self.tr("Unité :"), QLabel(unit_label(self.unit_value)))
        self.add_row("child", self.tr("Enfant :"), self.child)
        self.add_row("date", self.tr("Date de sortie :"), self.date)
        self.add_row("outcome", self.tr("Issue :"), self.outcome)
        self.reason = self.reason_field(original is not None)
        if not refs and original is None:
            text = self.tr("Aucun enfant en charge en {0} : enregistrez d'abord une admission.")
            self.show_error(text.format(self.unit_value.value))
        self.child.currentIndexChanged.connect(self.touch)
        self.date.dateChanged.connect(self.touch)
        self.outcome.currentIndexChanged.connect(self.touch)
        self.validate()

    def programme_event(self) -> ProgrammeEvent:
        return ProgrammeEvent(
            facility_code=self.facility,
            unit=self.unit_value,
            occurred_on=qdate_to_date(self.date.date()),
            child_ref=self.child.value() or "",
            kind=EventKind.EXIT,
            outcome=self.outcome.value(),
        )

    def check(self) -> tuple[dict[str, str], list[str]]:
        missing: list[str] = []
        if self.child.value() is None:
            missing.append(self.tr("enfant"))
        if self.original is not None and not self.reason.text().strip():
            missing.append(self.tr("motif de la correction"))
        return {}, missing

    def has_input(self) -> bool:
        if self.original is not None:
            return bool(self.reason.text().strip())
        return self.child.value() is not None

    def save(self) -> str:
        event = self.programme_event()
        if self.original is None:
            assert event.outcome is not None
            saved = pcima.discharge_child(
                self.app.uow(),
                self.app.ctx,
                self.facility,
                event.unit,
                event.occurred_on,
                event.child_ref,
                event.outcome,
            )
        else:
            saved = pcima.correct_event(
                self.app.uow(),
                self.app.ctx,
                self.original.record_uuid,
                _corrected(self.original, event),
                self.reason.text(),
            )
        self.saved_event = saved
        assert saved.outcome is not None
        return self.tr("Sortie de {0} ({1}) enregistrée le {2}.").format(
            saved.child_ref, exit_label(saved.outcome), format_date(saved.occurred_on)
        )


# --- monthly totals -------------------------------------------------------------------------

ADMISSION_KEYS = ("new_muac", "new_whz", "new_oedema", "relapse", "readmission", "transfer_in")
EXIT_KEYS = ("cured", "died", "defaulted", "non_response", "transfer_out")


class TotalsForm(FieldForm):
    """A unit's month typed from the paper report, pre-filled with what was typed before."""

    def __init__(
        self,
        app: Application,
        facility: str,
        unit: Unit,
        month: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, facility, self.tr("Totaux du mois – {0}").format(unit.value), parent)
        assert set(ADMISSION_KEYS + EXIT_KEYS) == set(TOTAL_FIELDS)
        self.unit = unit
        self.saved_totals: MonthlyTotals | None = None
        self._stored: dict[str, int] = {}
        self._stored_beginning: int | None = None
        self.set_width(640)
        intro = QLabel(
            self.tr(
                "Pour un centre qui n'a que le rapport papier : recopiez les totaux du mois de "
                "l'unité {0}. Ils remplacent, dans le rapport, les admissions et sorties saisies "
                "enfant par enfant pour ce mois."
            ).format(unit_label(unit))
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.month = MonthCombo(self.today, 36)
        self.month.set_month(month)
        self.add_row("month", self.tr("Mois :"), self.month)
        self.stored_label = QLabel()
        self.stored_label.setWordWrap(True)
        self.stored_label.setStyleSheet(HINT_STYLE)
        self.body.addWidget(self.stored_label)

        self.spins: dict[str, QuantitySpin] = {}
        boxes = QHBoxLayout()
        for title, keys in (
            (self.tr("Admissions"), ADMISSION_KEYS),
            (self.tr("Sorties"), EXIT_KEYS),
        ):
            box = QGroupBox(title)
            grid = QFormLayout(box)
            for key in keys:
                spin = QuantitySpin()
                spin.setMaximumWidth(110)
                spin.valueChanged.connect(self.touch)
                grid.addRow(self.tr("{0} :").format(total_field_label(key)), spin)
                self.spins[key] = spin
            boxes.addWidget(box)
        self.body.addLayout(boxes)
        beginning_row = QHBoxLayout()
        self.has_beginning = QCheckBox(self.tr("Indiquer le total au début du mois :"))
        self.has_beginning.setToolTip(
            self.tr(
                "Pour le premier mois saisi, ou pour corriger le total reporté du mois précédent"
            )
        )
        self.beginning = QuantitySpin()
        self.beginning.setMaximumWidth(110)
        self.beginning.setEnabled(False)
        beginning_row.addWidget(self.has_beginning)
        beginning_row.addWidget(self.beginning)
        beginning_row.addStretch(1)
        self.body.addLayout(beginning_row)
        self.summary = QLabel()
        self.body.addWidget(self.summary)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("facultatif ; ex. rapport recompté"))
        self.note_row = QHBoxLayout()
        self.note_label = QLabel(self.tr("Motif de la modification :"))
        self.note_row.addWidget(self.note_label)
        self.note_row.addWidget(self.note, 1)
        self.body.addLayout(self.note_row)
        self.has_beginning.toggled.connect(self.beginning.setEnabled)
        self.has_beginning.toggled.connect(self.touch)
        self.beginning.valueChanged.connect(self.touch)
        self._loaded_month = self.month.month()
        self.month.currentIndexChanged.connect(self._on_month_changed)
        self._load()

    def _on_month_changed(self, *_: object) -> None:
        """Another month's figures replace those on screen: not without asking if typed."""
        if self.month.month() == self._loaded_month:
            return
        if self.has_input() and not self.confirm_discard():
            with QSignalBlocker(self.month):
                self.month.set_month(self._loaded_month)
            return
        self._load()

    def _load(self) -> None:
        self._loaded_month = self.month.month()
        stored = pcima.monthly_totals(self.app.uow(), self.facility, self.unit, self.month.month())
        self._stored = dict(stored.counts) if stored else {}
        self._stored_beginning = stored.beginning if stored else None
        for key, spin in self.spins.items():
            spin.setValue(self._stored.get(key, 0))
        self.has_beginning.setChecked(self._stored_beginning is not None)
        self.beginning.setValue(self._stored_beginning or 0)
        if stored is not None and stored.stamp is not None:
            self.stored_label.setText(
                self.tr(
                    "Totaux de {0} déjà saisis le {1} par {2} (version {3}) : les enregistrer "
                    "à nouveau en fait une nouvelle version."
                ).format(
                    month_text(stored.month),
                    datetime_text(stored.stamp.recorded_at),
                    stored.stamp.entered_by,
                    stored.version,
                )
            )
        else:
            self.stored_label.setText(
                self.tr("Aucun total saisi pour {0}.").format(month_text(self.month.month()))
            )
        self.note.setEnabled(stored is not None)
        self.note_label.setEnabled(stored is not None)
        self.touch()

    def counts(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def beginning_value(self) -> int | None:
        return self.beginning.value() if self.has_beginning.isChecked() else None

    def check(self) -> tuple[dict[str, str], list[str]]:
        counts = self.counts()
        admitted = sum(counts[k] for k in ADMISSION_KEYS)
        exited = sum(counts[k] for k in EXIT_KEYS)
        text = self.tr("Total des admissions : {0} ; total des sorties : {1}").format(
            admitted, exited
        )
        beginning = self.beginning_value()
        errors: dict[str, str] = {}
        if beginning is not None:
            end = beginning + admitted - exited
            text += self.tr(" ; total à la fin du mois : {0}").format(end)
            if end < 0:
                errors[GENERAL] = self.tr(
                    "Plus de sorties ({0}) que d'enfants présents ({1}) : vérifiez les nombres."
                ).format(exited, beginning + admitted)
        self.summary.setText(text)
        return errors, []

    def has_input(self) -> bool:
        return (
            self.counts() != {k: self._stored.get(k, 0) for k in self.spins}
            or self.beginning_value() != self._stored_beginning
        )

    def save(self) -> str:
        self.saved_totals = pcima.record_monthly_totals(
            self.app.uow(),
            self.app.ctx,
            self.facility,
            self.unit,
            self.month.month(),
            self.counts(),
            self.beginning_value(),
            self.note.text().strip(),
        )
        return self.tr("Totaux de {0} enregistrés pour {1}.").format(
            month_text(self.month.month()), self.unit.value
        )


# --- withdrawing a record, and its history --------------------------------------------------


class VoidForm(FieldForm):
    """Withdraw a record entered by mistake: the reason is required, the history is kept."""

    def __init__(
        self,
        app: Application,
        facility: str,
        title: str,
        description: str,
        action: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, facility, title, parent)
        self._action = action
        self.set_width(520)
        text = QLabel(description)
        text.setWordWrap(True)
        self.body.insertWidget(0, text)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("ex. saisi deux fois, mauvais établissement"))
        self.reason.textChanged.connect(self.touch)
        self.add_row("reason", self.tr("Motif de l'annulation :"), self.reason)
        self.save_button.setText(self.tr("Annuler la fiche"))
        self.cancel_button.setText(self.tr("Fermer"))
        self.validate()

    def check(self) -> tuple[dict[str, str], list[str]]:
        if not self.reason.text().strip():
            return {}, [self.tr("motif de l'annulation")]
        return {}, []

    def has_input(self) -> bool:
        return bool(self.reason.text().strip())

    def save(self) -> str:
        return self._action(self.reason.text())


class HistoryDialog(QDialog):
    """Every version of a record, the first entry first."""

    def __init__(self, title: str, rows: Sequence[HistoryRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1080, 320)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chaque correction ou annulation ajoute une version ; les précédentes sont "
                "gardées. La dernière ligne est ce que le registre montre."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = HistoryModel(self)
        self.model.set_rows(rows)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def history_rows(
    versions: Sequence[Screening] | Sequence[Tally] | Sequence[ProgrammeEvent],
    summary: Callable[[object], str],
) -> list[HistoryRow]:
    return [HistoryRow(v.version, v.voided, v.stamp, summary(v)) for v in versions]


class RegisterTab(QWidget):
    """What the register tabs share: the tab contract's signals and facility, and forms shown
    without blocking (`self.form` while open, so tests can fill it), the tab reloaded and
    `data_changed` emitted once one saved."""

    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None
        self.form: EntryForm | None = None

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def open_form(self, form: EntryForm) -> None:
        self.form = form
        form.saved.connect(lambda message: self.after_save(form, message))
        form.finished.connect(lambda _result: self._forget(form))
        form.open()

    def _forget(self, form: EntryForm) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    def after_save(self, form: EntryForm, message: str) -> None:
        self.refresh()
        self.status_message.emit(message)
        self.data_changed.emit()


class MonthRegisterTab(RegisterTab):
    """A register shown a month at a time (screenings, tallies): a month selector `month`,
    a table `table` over `model`, an add button; the selected record kept across reloads,
    the record just saved selected, its history on demand. Subclasses load the month's rows
    (`load_rows`), say what a saved form holds (`saved_record`), and fill their summary and
    buttons."""

    month: MonthCombo
    model: RegisterModel
    table: QTableView
    add_button: QPushButton
    what = "register"  # for the log

    def load_rows(self, facility: str, first: date) -> Sequence[Any]:
        raise NotImplementedError

    def saved_record(self, form: EntryForm) -> tuple[str, date] | None:
        """(record uuid, day) of what the form saved, if it saved a record of this tab."""
        raise NotImplementedError

    def history_dialog(self) -> HistoryDialog | None:
        raise NotImplementedError

    def show_summary(self, rows: Sequence[Any]) -> None:
        raise NotImplementedError

    def update_buttons(self, *_: object) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        selected = self.selected_record()
        rows: Sequence[Any] = []
        if self.facility is not None:
            try:
                rows = self.load_rows(self.facility, self.month.month())
            except DomainError as exc:
                log.warning("%s unavailable: %s", self.what, exc)
        self.model.set_rows(list(rows))
        if selected is not None:
            self.select(selected.record_uuid)
        self.add_button.setEnabled(self.facility is not None)
        self.show_summary(rows)
        self.update_buttons()

    def selected_record(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select(self, record_uuid: str) -> None:
        for row, record in enumerate(self.model.records()):
            if record.record_uuid == record_uuid:
                self.table.selectRow(row)
                return

    def after_save(self, form: EntryForm, message: str) -> None:
        saved = self.saved_record(form)
        if saved is not None:
            self.month.set_month(saved[1])  # reloads if the month changes
        super().after_save(form, message)
        if saved is not None:
            self.select(saved[0])

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()
