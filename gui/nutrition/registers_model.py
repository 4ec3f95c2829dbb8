"""PCIMA register tables (screenings, tallies, admissions and exits, children in care, history),
core's French labels marked for translation, referral colours and the month selector."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView, QWidget

from core.nutrition import NutritionClass, Oedema, Referral, Sex
from core.pcima import (
    AdmissionType,
    Criterion,
    EventKind,
    ExitOutcome,
    Group,
    ProgrammeEvent,
    Screening,
    Stamp,
    Tally,
    TallySource,
)
from core.pcima_services import InCare
from core.stock import add_months, month_start
from gui.stock.model import format_date
from gui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "Pcima"

# --- core's French labels, copied so that pyside6-lupdate finds them (a test keeps them equal) --

GROUP_TEXTS = {
    Group.CHILD: QT_TRANSLATE_NOOP("Pcima", "Enfants de 6 à 59 mois"),
    Group.PLW: QT_TRANSLATE_NOOP("Pcima", "Femmes enceintes/allaitantes"),
}
TALLY_SOURCE_TEXTS = {
    TallySource.RECO: QT_TRANSLATE_NOOP("Pcima", "Relais communautaires (ReCo)"),
    TallySource.PB_MERES: QT_TRANSLATE_NOOP("Pcima", "PB mères"),
    TallySource.CAMPAIGN: QT_TRANSLATE_NOOP("Pcima", "Campagne de dépistage de masse"),
    TallySource.FACILITY: QT_TRANSLATE_NOOP("Pcima", "Registre papier du centre"),
}
ADMISSION_TEXTS = {
    AdmissionType.NEW: QT_TRANSLATE_NOOP("Pcima", "Nouvelle admission"),
    AdmissionType.RELAPSE: QT_TRANSLATE_NOOP("Pcima", "Rechute"),
    AdmissionType.READMISSION: QT_TRANSLATE_NOOP("Pcima", "Réadmission (après abandon)"),
    AdmissionType.TRANSFER_IN: QT_TRANSLATE_NOOP("Pcima", "Transfert entrant"),
}
CRITERION_TEXTS = {
    Criterion.MUAC: QT_TRANSLATE_NOOP("Pcima", "PB"),
    Criterion.WHZ: QT_TRANSLATE_NOOP("Pcima", "P/T"),
    Criterion.OEDEMA: QT_TRANSLATE_NOOP("Pcima", "Œdèmes"),
}
EXIT_TEXTS = {
    ExitOutcome.CURED: QT_TRANSLATE_NOOP("Pcima", "Guéris"),
    ExitOutcome.DIED: QT_TRANSLATE_NOOP("Pcima", "Décès"),
    ExitOutcome.DEFAULTED: QT_TRANSLATE_NOOP("Pcima", "Abandons"),
    ExitOutcome.NON_RESPONSE: QT_TRANSLATE_NOOP("Pcima", "Non-répondants"),
    ExitOutcome.TRANSFER_OUT: QT_TRANSLATE_NOOP("Pcima", "Transferts sortants"),
}
UNIT_TEXTS = {
    Referral.URENAS: QT_TRANSLATE_NOOP("Pcima", "URENAS (MAS en ambulatoire)"),
    Referral.URENI: QT_TRANSLATE_NOOP("Pcima", "URENI (MAS avec complications, hospitalisation)"),
    Referral.URENAM: QT_TRANSLATE_NOOP("Pcima", "URENAM (MAM, supplémentation)"),
}
CLASS_TEXTS = {
    NutritionClass.SAM: QT_TRANSLATE_NOOP("Pcima", "MAS (malnutrition aiguë sévère)"),
    NutritionClass.MAM: QT_TRANSLATE_NOOP("Pcima", "MAM (malnutrition aiguë modérée)"),
    NutritionClass.NORMAL: QT_TRANSLATE_NOOP("Pcima", "normal"),
}
CLASS_SHORT_TEXTS = {
    NutritionClass.SAM: QT_TRANSLATE_NOOP("Pcima", "MAS"),
    NutritionClass.MAM: QT_TRANSLATE_NOOP("Pcima", "MAM"),
    NutritionClass.NORMAL: QT_TRANSLATE_NOOP("Pcima", "normal"),
}
TOTAL_FIELD_TEXTS = {
    "new_muac": QT_TRANSLATE_NOOP("Pcima", "Nouvelles admissions (PB)"),
    "new_whz": QT_TRANSLATE_NOOP("Pcima", "Nouvelles admissions (P/T)"),
    "new_oedema": QT_TRANSLATE_NOOP("Pcima", "Nouvelles admissions (œdèmes)"),
    "relapse": QT_TRANSLATE_NOOP("Pcima", "Rechutes"),
    "readmission": QT_TRANSLATE_NOOP("Pcima", "Réadmissions"),
    "transfer_in": QT_TRANSLATE_NOOP("Pcima", "Transferts entrants"),
    "cured": QT_TRANSLATE_NOOP("Pcima", "Guéris"),
    "died": QT_TRANSLATE_NOOP("Pcima", "Décès"),
    "defaulted": QT_TRANSLATE_NOOP("Pcima", "Abandons"),
    "non_response": QT_TRANSLATE_NOOP("Pcima", "Non-répondants"),
    "transfer_out": QT_TRANSLATE_NOOP("Pcima", "Transferts sortants"),
}
# One exit, in the singular, for a row of the register (core's labels are plural counts).
EXIT_ONE_TEXTS = {
    ExitOutcome.CURED: QT_TRANSLATE_NOOP("Pcima", "Guéri"),
    ExitOutcome.DIED: QT_TRANSLATE_NOOP("Pcima", "Décès"),
    ExitOutcome.DEFAULTED: QT_TRANSLATE_NOOP("Pcima", "Abandon"),
    ExitOutcome.NON_RESPONSE: QT_TRANSLATE_NOOP("Pcima", "Non-répondant"),
    ExitOutcome.TRANSFER_OUT: QT_TRANSLATE_NOOP("Pcima", "Transfert sortant"),
}
OEDEMA_TEXTS = {
    Oedema.NONE: QT_TRANSLATE_NOOP("Pcima", "0 (aucun)"),
    Oedema.PLUS: QT_TRANSLATE_NOOP("Pcima", "+ (pieds)"),
    Oedema.PLUS2: QT_TRANSLATE_NOOP("Pcima", "++ (pieds et jambes)"),
    Oedema.PLUS3: QT_TRANSLATE_NOOP("Pcima", "+++ (jusqu'au visage)"),
}


# An alias under which pyside6-lupdate finds the texts (with the context written out).
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def group_label(group: Group) -> str:
    return _tr(GROUP_TEXTS[group])


def source_label(source: TallySource) -> str:
    return _tr(TALLY_SOURCE_TEXTS[source])


def admission_label(admission: AdmissionType) -> str:
    return _tr(ADMISSION_TEXTS[admission])


def criterion_label(criterion: Criterion) -> str:
    return _tr(CRITERION_TEXTS[criterion])


def exit_label(outcome: ExitOutcome) -> str:
    """One exit ("Guéri"), for a row of the register."""
    return _tr(EXIT_ONE_TEXTS[outcome])


def exits_label(outcome: ExitOutcome) -> str:
    """The report's heading for the outcome ("Guéris")."""
    return _tr(EXIT_TEXTS[outcome])


def unit_label(unit: Referral) -> str:
    return _tr(UNIT_TEXTS[unit])


def class_label(cls: NutritionClass, short: bool = True) -> str:
    return _tr((CLASS_SHORT_TEXTS if short else CLASS_TEXTS)[cls])


def total_field_label(key: str) -> str:
    return _tr(TOTAL_FIELD_TEXTS[key])


def oedema_label(oedema: Oedema) -> str:
    return _tr(OEDEMA_TEXTS[oedema])


def referral_text(referral: Referral | None) -> str:
    return referral.value if referral is not None else translate("Pcima", "aucune")


# Colour says how urgent, the text says what: never colour alone.
REFERRAL_BACKGROUND = {
    Referral.URENI: QColor("#e8a0a0"),
    Referral.URENAS: QColor("#f6cccc"),
    Referral.URENAM: QColor("#fdeaa8"),
    None: QColor("#d6eed8"),
}
CLASS_BACKGROUND = {
    NutritionClass.SAM: QColor("#f6cccc"),
    NutritionClass.MAM: QColor("#fdeaa8"),
    NutritionClass.NORMAL: QColor("#d6eed8"),
}
CLASS_STYLE = {
    NutritionClass.SAM: "background: #f6cccc; color: #7a0010;",
    NutritionClass.MAM: "background: #fdeaa8; color: #5c4400;",
    NutritionClass.NORMAL: "background: #d6eed8; color: #0d5c24;",
}
REFERRAL_STYLE = {
    Referral.URENI: "background: #e8a0a0; color: #5a0000;",
    Referral.URENAS: "background: #f6cccc; color: #7a0010;",
    Referral.URENAM: "background: #fdeaa8; color: #5c4400;",
    None: "background: #d6eed8; color: #0d5c24;",
}
VOIDED_COLOUR = QColor("#808080")
CORRECTED_COLOUR = QColor("#1f4f99")


# --- numbers and dates ----------------------------------------------------------------------


def decimal_text(value: Decimal | float | None, decimals: int = 1) -> str:
    """6,5 in French, 6.5 in English; "" for nothing."""
    if value is None:
        return ""
    text = QLocale().toString(float(value), "f", decimals)
    if text.startswith("-") and not text.strip("-0,."):
        text = text[1:]  # −0,00 is 0,00
    return text.replace("-", "\u2212")


def whz_text(value: float | None) -> str:
    return decimal_text(value, 2)


def datetime_text(moment: datetime) -> str:
    return f"{format_date(moment.date())} {moment:%H:%M}"


def month_text(month: date) -> str:
    """ "juillet 2026"."""
    return f"{QLocale().standaloneMonthName(month.month)} {month.year}"


def days_text(days: int) -> str:
    if days <= 1:
        return translate("Pcima", "{0} jour").format(days)
    return translate("Pcima", "{0} jours").format(days)


def qdate_to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ValueCombo(QComboBox):
    """A combo whose items stand for Python values (enums, dates, None), given back as they
    were: Qt would turn a StrEnum into a plain string and cannot find a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []

    def add(self, text: str, value: Any) -> None:
        self._values.append(value)
        self.addItem(text)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[Any]:
        return list(self._values)

    def index_of(self, value: Any) -> int:
        return next((i for i, v in enumerate(self._values) if v == value), -1)

    def set_value(self, value: Any) -> bool:
        index = self.index_of(value)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class MonthCombo(ValueCombo):
    """The months a register can show, the current one first, back `months_back` months."""

    def __init__(self, today: date, months_back: int = 36, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        first = month_start(today)
        for k in range(months_back + 1):
            month = add_months(first, -k)
            self.add(month_text(month), month)
        self.setMaxVisibleItems(14)

    def month(self) -> date:
        value = self.value()
        assert isinstance(value, date)
        return value

    def set_month(self, month: date) -> None:
        self.set_value(month_start(month))


def state_text(version: int, voided: bool) -> str:
    if voided:
        return translate("Pcima", "✖ annulé")
    if version > 1:
        return translate("Pcima", "✎ corrigé (v{0})").format(version)
    return ""


def _stamp_tooltip(stamp: Stamp | None) -> str | None:
    if stamp is None:
        return None
    text = translate("Pcima", "Saisi par {0} le {1}").format(
        stamp.entered_by, datetime_text(stamp.recorded_at)
    )
    if stamp.note:
        text += "\n" + translate("Pcima", "Motif : {0}").format(stamp.note)
    return text


class RegisterModel(TableModel):
    """Rows of versioned records; voided rows grey and struck through, corrected ones marked."""

    CONTEXT = CONTEXT
    STATE_COLUMN = -1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def row_count(self) -> int:
        return len(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def records(self) -> list[Any]:
        return list(self._rows)

    def text(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def background(self, record: Any, column: int) -> QColor | None:
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        return _stamp_tooltip(getattr(record, "stamp", None))

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        voided = bool(getattr(record, "voided", False))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, column)
        if role == Qt.ItemDataRole.BackgroundRole and not voided:
            return self.background(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if voided:
                return VOIDED_COLOUR
            if column == self.STATE_COLUMN and getattr(record, "version", 1) > 1:
                return CORRECTED_COLOUR
            return None
        if role == Qt.ItemDataRole.FontRole and voided:
            font = QFont()
            font.setStrikeOut(column != self.STATE_COLUMN)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        return None


# --- screenings -----------------------------------------------------------------------------

(
    S_DATE,
    S_PLACE,
    S_PERSON,
    S_SEX,
    S_AGE,
    S_MUAC,
    S_OEDEMA,
    S_WEIGHT,
    S_HEIGHT,
    S_WHZ,
    S_CLASS,
    S_REFERRAL,
    S_STATE,
) = range(13)


class ScreeningModel(RegisterModel):
    """The month's screenings, latest version of each, oldest first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Pcima", "Date"),
        QT_TRANSLATE_NOOP("Pcima", "Lieu"),
        QT_TRANSLATE_NOOP("Pcima", "Identifiant"),
        QT_TRANSLATE_NOOP("Pcima", "Sexe"),
        QT_TRANSLATE_NOOP("Pcima", "Âge (mois)"),
        QT_TRANSLATE_NOOP("Pcima", "PB (mm)"),
        QT_TRANSLATE_NOOP("Pcima", "Œdèmes"),
        QT_TRANSLATE_NOOP("Pcima", "Poids (kg)"),
        QT_TRANSLATE_NOOP("Pcima", "Taille (cm)"),
        QT_TRANSLATE_NOOP("Pcima", "P/T (z)"),
        QT_TRANSLATE_NOOP("Pcima", "Classement"),
        QT_TRANSLATE_NOOP("Pcima", "Orientation"),
        QT_TRANSLATE_NOOP("Pcima", "État"),
    )
    TOOLTIPS: ClassVar[dict[int, str]] = {
        S_MUAC: QT_TRANSLATE_NOOP("Pcima", "Périmètre brachial, en millimètres"),
        S_WHZ: QT_TRANSLATE_NOOP("Pcima", "Poids-pour-taille en z-score (OMS 2006)"),
        S_AGE: QT_TRANSLATE_NOOP("Pcima", "FE/FA : femme enceinte ou allaitante"),
        S_REFERRAL: QT_TRANSLATE_NOOP(
            "Pcima",
            "URENI : MAS avec complications ou œdèmes +++ ; URENAS : MAS ; URENAM : MAM",
        ),
        S_STATE: QT_TRANSLATE_NOOP(
            "Pcima", "Corrigé : la fiche a été modifiée (voir l'historique) ; annulé : retirée"
        ),
    }
    STATE_COLUMN = S_STATE

    def text(self, s: Screening, column: int) -> str:
        plw = s.group is Group.PLW
        if column == S_DATE:
            return format_date(s.screened_on)
        if column == S_PLACE:
            return s.place
        if column == S_PERSON:
            return s.person_ref
        if column == S_SEX:
            return (
                ""
                if s.sex is None
                else (translate("Pcima", "F") if s.sex is Sex.FEMALE else translate("Pcima", "M"))
            )
        if column == S_AGE:
            if plw:
                return translate("Pcima", "FE/FA")
            return "" if s.age_months is None else str(s.age_months)
        if column == S_MUAC:
            return str(s.muac_mm)
        if column == S_OEDEMA:
            return "" if plw else s.oedema.value
        if column == S_WEIGHT:
            return decimal_text(s.weight_kg, 1)
        if column == S_HEIGHT:
            return decimal_text(s.height_cm, 1)
        if column == S_WHZ:
            return whz_text(s.whz)
        if column == S_CLASS:
            return class_label(s.classification)
        if column == S_REFERRAL:
            return referral_text(s.referral)
        if column == S_STATE:
            return state_text(s.version, s.voided)
        return ""

    def background(self, s: Screening, column: int) -> QColor | None:
        if column == S_CLASS:
            return CLASS_BACKGROUND[s.classification]
        if column == S_REFERRAL:
            return REFERRAL_BACKGROUND[s.referral]
        return None

    def tooltip(self, s: Screening, column: int) -> str | None:
        if column in (S_CLASS, S_REFERRAL) and s.reasons:
            return "\n".join(s.reasons)
        if column == S_HEIGHT and s.measured_lying is not None:
            return (
                translate("Pcima", "mesuré couché")
                if s.measured_lying
                else translate("Pcima", "mesuré debout")
            )
        return super().tooltip(s, column)

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in (S_AGE, S_MUAC, S_WEIGHT, S_HEIGHT, S_WHZ):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if column in (S_SEX, S_OEDEMA, S_CLASS, S_REFERRAL):
            return Qt.AlignmentFlag.AlignCenter
        return super().alignment(column)


# --- tallies --------------------------------------------------------------------------------

(
    T_DATE,
    T_PLACE,
    T_SOURCE,
    T_GROUP,
    T_SCREENED,
    T_SAM,
    T_MAM,
    T_NORMAL,
    T_OEDEMA,
    T_STATE,
) = range(10)


class TallyModel(RegisterModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("Pcima", "Date"),
        QT_TRANSLATE_NOOP("Pcima", "Lieu"),
        QT_TRANSLATE_NOOP("Pcima", "Source"),
        QT_TRANSLATE_NOOP("Pcima", "Groupe"),
        QT_TRANSLATE_NOOP("Pcima", "Dépistés"),
        QT_TRANSLATE_NOOP("Pcima", "MAS"),
        QT_TRANSLATE_NOOP("Pcima", "MAM"),
        QT_TRANSLATE_NOOP("Pcima", "Normaux"),
        QT_TRANSLATE_NOOP("Pcima", "Œdèmes"),
        QT_TRANSLATE_NOOP("Pcima", "État"),
    )
    STATE_COLUMN = T_STATE

    def text(self, t: Tally, column: int) -> str:
        locale = QLocale()
        values = {
            T_DATE: format_date(t.screened_on),
            T_PLACE: t.place,
            T_SOURCE: source_label(t.source),
            T_GROUP: group_label(t.group),
            T_SCREENED: locale.toString(t.screened),
            T_SAM: locale.toString(t.sam),
            T_MAM: locale.toString(t.mam),
            T_NORMAL: locale.toString(t.normal),
            T_OEDEMA: locale.toString(t.oedema),
            T_STATE: state_text(t.version, t.voided),
        }
        return values.get(column, "")

    def background(self, t: Tally, column: int) -> QColor | None:
        return {
            T_SAM: CLASS_BACKGROUND[NutritionClass.SAM],
            T_MAM: CLASS_BACKGROUND[NutritionClass.MAM],
            T_NORMAL: CLASS_BACKGROUND[NutritionClass.NORMAL],
        }.get(column)

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if T_SCREENED <= column <= T_OEDEMA:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)


# --- programme ------------------------------------------------------------------------------


def event_detail(event: ProgrammeEvent) -> str:
    if event.kind is EventKind.ADMISSION:
        assert event.admission is not None
        text = admission_label(event.admission)
        if event.criterion is not None:
            text += translate("Pcima", " – critère {0}").format(criterion_label(event.criterion))
        return text
    assert event.outcome is not None
    return exit_label(event.outcome)


def event_kind_text(event: ProgrammeEvent) -> str:
    return (
        translate("Pcima", "Admission")
        if event.kind is EventKind.ADMISSION
        else translate("Pcima", "Sortie")
    )


E_DATE, E_CHILD, E_KIND, E_DETAIL, E_BY, E_STATE = range(6)


class EventModel(RegisterModel):
    """The month's admissions and exits of one unit, by date."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Pcima", "Date"),
        QT_TRANSLATE_NOOP("Pcima", "Identifiant"),
        QT_TRANSLATE_NOOP("Pcima", "Mouvement"),
        QT_TRANSLATE_NOOP("Pcima", "Type, critère ou issue"),
        QT_TRANSLATE_NOOP("Pcima", "Saisi par"),
        QT_TRANSLATE_NOOP("Pcima", "État"),
    )
    STATE_COLUMN = E_STATE

    def text(self, e: ProgrammeEvent, column: int) -> str:
        values = {
            E_DATE: format_date(e.occurred_on),
            E_CHILD: e.child_ref,
            E_KIND: event_kind_text(e),
            E_DETAIL: event_detail(e),
            E_BY: e.stamp.entered_by if e.stamp else "",
            E_STATE: state_text(e.version, e.voided),
        }
        return values.get(column, "")


C_CHILD, C_ADMITTED, C_DAYS, C_ADMISSION = range(4)


@dataclass(frozen=True, slots=True)
class InCareRow:
    child: InCare
    days: int


class InCareModel(RegisterModel):
    """Children in care in one unit today, the longest stay first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Pcima", "Identifiant"),
        QT_TRANSLATE_NOOP("Pcima", "Admis le"),
        QT_TRANSLATE_NOOP("Pcima", "Dans le programme depuis"),
        QT_TRANSLATE_NOOP("Pcima", "Admission"),
    )

    def text(self, row: InCareRow, column: int) -> str:
        child = row.child
        if column == C_CHILD:
            return child.child_ref
        if column == C_ADMITTED:
            return format_date(child.admitted_on)
        if column == C_DAYS:
            return days_text(row.days)
        if column == C_ADMISSION:
            text = admission_label(child.admission)
            if child.criterion is not None:
                text += translate("Pcima", " – critère {0}").format(
                    criterion_label(child.criterion)
                )
            return text
        return ""

    def tooltip(self, record: Any, column: int) -> str | None:
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == C_DAYS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)


# --- history --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryRow:
    version: int
    voided: bool
    stamp: Stamp | None
    content: str


H_VERSION, H_WHEN, H_WHO, H_DEVICE, H_NOTE, H_CONTENT = range(6)


class HistoryModel(RegisterModel):
    """Every version of one record: who, when, on which computer, why, and what it said."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Pcima", "Version"),
        QT_TRANSLATE_NOOP("Pcima", "Enregistrée le"),
        QT_TRANSLATE_NOOP("Pcima", "Par"),
        QT_TRANSLATE_NOOP("Pcima", "Poste"),
        QT_TRANSLATE_NOOP("Pcima", "Motif"),
        QT_TRANSLATE_NOOP("Pcima", "Contenu"),
    )

    def text(self, row: HistoryRow, column: int) -> str:
        stamp = row.stamp
        if column == H_VERSION:
            text = str(row.version)
            if row.voided:
                text += " " + translate("Pcima", "(annulation)")
            return text
        if column == H_WHEN:
            return datetime_text(stamp.recorded_at) if stamp else ""
        if column == H_WHO:
            return stamp.entered_by if stamp else ""
        if column == H_DEVICE:
            return stamp.device if stamp else ""
        if column == H_NOTE:
            if stamp and stamp.note:
                return stamp.note
            return translate("Pcima", "(première saisie)") if row.version == 1 else ""
        if column == H_CONTENT:
            return row.content
        return ""

    def tooltip(self, row: HistoryRow, column: int) -> str | None:
        return row.content if column == H_CONTENT else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # History rows are all shown plainly: an annulment is a version, not a struck-out row.
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            return None
        return super().data(index, role)


def screening_summary_text(s: Screening) -> str:
    """What a version says, the result first (the history's column may be cut on the right)."""
    parts = [f"{class_label(s.classification)} → {referral_text(s.referral)}"]
    parts.append(translate("Pcima", "PB {0} mm").format(s.muac_mm))
    if s.oedema is not Oedema.NONE:
        parts.append(translate("Pcima", "œdèmes {0}").format(s.oedema.value))
    if s.whz is not None:
        parts.append(translate("Pcima", "P/T {0}").format(whz_text(s.whz)))
    if s.weight_kg is not None and s.height_cm is not None:
        parts.append(
            translate("Pcima", "{0} kg, {1} cm").format(
                decimal_text(s.weight_kg), decimal_text(s.height_cm)
            )
        )
    parts.append(format_date(s.screened_on))
    if s.place:
        parts.append(s.place)
    parts.append(s.person_ref)
    if s.group is Group.PLW:
        parts.append(translate("Pcima", "FE/FA"))
    else:
        if s.sex is not None:
            parts.append(s.sex.value)
        if s.age_months is not None:
            parts.append(translate("Pcima", "{0} mois").format(s.age_months))
    return " ; ".join(parts)


def tally_summary_text(t: Tally) -> str:
    return translate(
        "Pcima", "{0} ; {1} ; {2} ; {3} dépistés : {4} MAS, {5} MAM, {6} normaux, {7} œdèmes"
    ).format(
        format_date(t.screened_on),
        t.place or "—",
        source_label(t.source),
        t.screened,
        t.sam,
        t.mam,
        t.normal,
        t.oedema,
    )


def event_summary_text(e: ProgrammeEvent) -> str:
    return f"{format_date(e.occurred_on)} ; {e.unit.value} ; {e.child_ref} ; " + (
        f"{event_kind_text(e)} : {event_detail(e)}"
    )


def register_table(model: object, stretch: tuple[int, ...] = ()) -> QTableView:
    """A register's table: whole rows selected one at a time, columns sized to their content,
    `stretch` columns taking the rest of the width."""
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table
