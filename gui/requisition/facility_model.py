"""Table model of a facility's monthly R&R: one row per product, the requested quantity, its
justification and the remarks editable while the requisition is a draft."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from core.errors import DomainError
from core.requisition import Requisition, RequisitionLine, check_line, edit_line
from core.requisition_drafts import LineEdit as LineEdit  # kept importable from here
from gui.requisition.common import (
    EntryTableModel,
    QuantityDelegate,
    QuantityInputError,
    entry_colour,
    parse_quantity,
)
from gui.stock.model import unit_text
from gui.table_model import Index

(
    CODE,
    NAME,
    UNIT,
    BEGINNING,
    RECEIVED,
    CONSUMED,
    ADJUSTMENTS,
    ON_HAND,
    USABLE,
    STOCKOUT_DAYS,
    ADJUSTED,
    AMC,
    MAXIMUM,
    ON_ORDER,
    CALCULATED,
    REQUESTED,
    JUSTIFICATION,
    REMARKS,
) = range(18)

EDITABLE = (REQUESTED, JUSTIFICATION, REMARKS)
NUMBER_COLUMNS = tuple(range(BEGINNING, REQUESTED + 1))

HEADERS = (
    QT_TRANSLATE_NOOP("RequisitionModel", "Code"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Désignation"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Unité"),
    QT_TRANSLATE_NOOP("RequisitionModel", "A\nStock\ninitial"),
    QT_TRANSLATE_NOOP("RequisitionModel", "B\nReçu"),
    QT_TRANSLATE_NOOP("RequisitionModel", "C\nConsommé"),
    QT_TRANSLATE_NOOP("RequisitionModel", "D\nPertes et\najustements"),
    QT_TRANSLATE_NOOP("RequisitionModel", "E\nStock\nfinal"),
    QT_TRANSLATE_NOOP("RequisitionModel", "SDU"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Jours de\nrupture"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Conso.\najustée"),
    QT_TRANSLATE_NOOP("RequisitionModel", "CMM"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Stock\nmax"),
    QT_TRANSLATE_NOOP("RequisitionModel", "En\ncommande"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Qté\ncalculée"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Qté\ndemandée ✎"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Justification ✎"),
    QT_TRANSLATE_NOOP("RequisitionModel", "Observations ✎"),
)

TOOLTIPS = {
    UNIT: QT_TRANSLATE_NOOP(
        "RequisitionModel", "Unité de base des quantités, et le conditionnement de commande"
    ),
    BEGINNING: QT_TRANSLATE_NOOP(
        "RequisitionModel", "Stock au premier jour du mois (le stock final du mois d'avant)"
    ),
    RECEIVED: QT_TRANSLATE_NOOP("RequisitionModel", "Quantités reçues pendant le mois"),
    CONSUMED: QT_TRANSLATE_NOOP(
        "RequisitionModel", "Quantités dispensées aux patients pendant le mois"
    ),
    ADJUSTMENTS: QT_TRANSLATE_NOOP(
        "RequisitionModel",
        "Pertes (−) et ajustements (+ ou −) : périmés, avariés, transferts, corrections "
        "d'inventaire",
    ),
    ON_HAND: QT_TRANSLATE_NOOP(
        "RequisitionModel", "Stock au dernier jour du mois : E = A + B − C + D"
    ),
    USABLE: QT_TRANSLATE_NOOP(
        "RequisitionModel",
        "Stock disponible utilisable à la fin du mois : E sans les lots périmés",
    ),
    STOCKOUT_DAYS: QT_TRANSLATE_NOOP("RequisitionModel", "Jours du mois sans stock de ce produit"),
    ADJUSTED: QT_TRANSLATE_NOOP(
        "RequisitionModel",
        "Consommation du mois corrigée des jours de rupture : C × 30 / (30 − jours de rupture)",
    ),
    AMC: QT_TRANSLATE_NOOP(
        "RequisitionModel",
        "Consommation moyenne mensuelle : moyenne des consommations ajustées des derniers mois",
    ),
    MAXIMUM: QT_TRANSLATE_NOOP("RequisitionModel", "Stock maximum : CMM × mois de stock maximum"),
    ON_ORDER: QT_TRANSLATE_NOOP(
        "RequisitionModel", "Commandes en cours, attendues et non encore reçues"
    ),
    CALCULATED: QT_TRANSLATE_NOOP(
        "RequisitionModel",
        "Stock max − SDU − en commande, arrondi au conditionnement entier supérieur",
    ),
    REQUESTED: QT_TRANSLATE_NOOP(
        "RequisitionModel",
        "Quantité demandée en unités de base, arrondie au conditionnement entier supérieur ; "
        "si elle diffère de la quantité calculée, écrivez une justification",
    ),
    JUSTIFICATION: QT_TRANSLATE_NOOP(
        "RequisitionModel",
        "Pourquoi la quantité demandée diffère de la quantité calculée (obligatoire dans ce cas)",
    ),
    REMARKS: QT_TRANSLATE_NOOP("RequisitionModel", "Remarques libres pour le district"),
}

_PLACEHOLDER = "…"  # stands for the justification still to be written (see apply_edit)


# Alias under which pyside6-lupdate still finds the texts (the context must be a literal).
translate = QCoreApplication.translate


# --- edits ----------------------------------------------------------------------------------


def apply_edit(requisition: Requisition, product_code: str, change: LineEdit) -> Requisition:
    """core.requisition.edit_line, except that a requested quantity different from the
    calculated one is kept while its justification is still to be written: the director types
    the quantity first, then why. Such a line fails check_line (the screen highlights it) and
    approval refuses it. Any other refusal (approved requisition, text too long) is raised."""
    try:
        return edit_line(
            requisition, product_code, change.requested, change.justification, change.remarks
        )
    except DomainError:
        line = requisition.line(product_code)
        written = change.justification if change.justification is not None else line.justification
        if written.strip():
            raise
    # Only the missing justification can be left: check everything else with a stand-in.
    edited = edit_line(requisition, product_code, change.requested, _PLACEHOLDER, change.remarks)
    pending = replace(edited.line(product_code), justification="")
    return replace(
        edited,
        lines=tuple(pending if x.product_code == product_code else x for x in edited.lines),
    )


def apply_edits(base: Requisition, edits: dict[str, LineEdit]) -> Requisition:
    """The draft with the user's edits; an edit that no longer applies (the product left the
    requisition) is dropped from `edits`."""
    if not base.is_draft:
        return base
    requisition = base
    for code, change in list(edits.items()):
        try:
            requisition = apply_edit(requisition, code, change)
        except DomainError:
            del edits[code]
    return requisition


def line_problem(line: RequisitionLine) -> str:
    """core's check_line message, "" when the line may be approved."""
    try:
        check_line(line)
    except DomainError as exc:
        return str(exc)
    return ""


def parse_requested(text: str) -> int | None:
    """A requested quantity as typed, in base units (see parse_quantity); blank means "back to
    the calculated quantity" (None)."""
    return parse_quantity(
        text,
        negative=translate(
            "RequisitionModel",
            "La quantité demandée ne peut pas être négative : tapez 0 pour ne rien demander.",
        ),
        decimal=translate(
            "RequisitionModel",
            "Tapez un nombre entier d'unités de base, sans point ni virgule (ex. 1650) : "
            "les conditionnements entiers sont comptés pour vous.",
        ),
        other=translate(
            "RequisitionModel",
            "Tapez un nombre entier d'unités de base (ex. 1650), ou rien pour revenir à la "
            "quantité calculée.",
        ),
    )


# --- text -----------------------------------------------------------------------------------


def signed_text(value: int, locale: QLocale) -> str:
    """ "+893", "−10" (a real minus sign), "0"."""
    if value > 0:
        return "+" + locale.toString(value)
    if value < 0:
        return "\u2212" + locale.toString(-value)
    return "0"


def packs_text(line: RequisitionLine, quantity: int, locale: QLocale) -> str:
    """ "1 650 (11 cartons)": base units, and whole packs when the product has them; "0"."""
    text = locale.toString(quantity)
    if quantity > 0 and line.pack_size > 1 and line.pack_unit:
        packs = line.packs(quantity)
        text += f" ({locale.toString(packs)} {unit_text(line.pack_unit, packs)})"
    return text


def unit_description(line: RequisitionLine) -> str:
    """ "sachet, carton de 150", or the base unit alone."""
    unit = unit_text(line.base_unit, 1)
    if line.pack_size > 1 and line.pack_unit:
        return translate("RequisitionModel", "{0}, {1} de {2}").format(
            unit, unit_text(line.pack_unit, 1), QLocale().toString(line.pack_size)
        )
    return unit


# --- the model ------------------------------------------------------------------------------


class RequisitionModel(EntryTableModel):
    """The lines of one requisition. `set_requisition(base, edits)` shows `base` with the
    user's edits applied; in a draft, editing a cell goes through core's edit_line
    (apply_edit) and is remembered in `edits`, which the owner keeps per facility and month."""

    CONTEXT = "RequisitionModel"
    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS
    ENTRY_COLUMNS = EDITABLE

    #: a cell was changed: (product code, what to tell the user — core's message when the
    #: line still needs something, else what was done)
    edited = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base: Requisition | None = None
        self._requisition: Requisition | None = None
        self._edits: dict[str, LineEdit] = {}
        self._locale = QLocale()

    # --- contents -------------------------------------------------------------------------

    def set_requisition(
        self, base: Requisition | None, edits: dict[str, LineEdit] | None = None
    ) -> None:
        self.beginResetModel()
        self._base = base
        self._edits = edits if edits is not None else {}
        self._requisition = apply_edits(base, self._edits) if base is not None else None
        self._locale = QLocale()
        self.endResetModel()

    @property
    def requisition(self) -> Requisition | None:
        """What is shown: the base requisition with the edits."""
        return self._requisition

    @property
    def edits(self) -> dict[str, LineEdit]:
        return self._edits

    @property
    def editable(self) -> bool:
        return self._requisition is not None and self._requisition.is_draft

    def line(self, row: int) -> RequisitionLine:
        assert self._requisition is not None
        return self._requisition.lines[row]

    def row_of(self, product_code: str) -> int:
        lines = self._requisition.lines if self._requisition else ()
        return next((n for n, x in enumerate(lines) if x.product_code == product_code), -1)

    def changed_count(self) -> int:
        """Lines whose requested quantity, justification or remarks differ from the computed
        draft."""
        if self._base is None or self._requisition is None or not self._base.is_draft:
            return 0
        return sum(
            1
            for before, now in zip(self._base.lines, self._requisition.lines, strict=True)
            if (before.requested, before.justification, before.remarks)
            != (now.requested, now.justification, now.remarks)
        )

    def problem_rows(self) -> list[int]:
        """Rows that approval would refuse (a difference without justification)."""
        lines = self._requisition.lines if self._requisition else ()
        return [n for n, x in enumerate(lines) if line_problem(x)]

    def row_count(self) -> int:
        return len(self._requisition.lines) if self._requisition else 0

    # --- Qt model -------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str) and not self.editable:
            return value.replace(" ✎", "")  # the pencil says "you may edit this column"
        return value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.row_count()):
            return None
        line = self.line(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == REQUESTED:
                return self._locale.toString(line.requested)
            if column == JUSTIFICATION:
                return line.justification
            if column == REMARKS:
                return line.remarks
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            changed = column == REQUESTED and line.requested != line.calculated
            problem = bool(line_problem(line))  # a difference without its justification
            return entry_colour(role, column in EDITABLE, problem, changed, self.editable)
        return None

    def _display(self, line: RequisitionLine, column: int) -> str | None:
        locale = self._locale
        report = line.report
        if column == CODE:
            return line.product_code
        if column == NAME:
            return line.product_name
        if column == UNIT:
            return unit_description(line)
        if column == ADJUSTMENTS:
            return signed_text(report.adjustments, locale)
        numbers = {
            BEGINNING: report.beginning_balance,
            RECEIVED: report.received,
            CONSUMED: report.consumed,
            ON_HAND: report.stock_on_hand,
            USABLE: line.usable_stock,
            STOCKOUT_DAYS: report.stockout_days,
            ADJUSTED: line.adjusted_consumption,
            AMC: line.amc,
            MAXIMUM: line.max_quantity,
            ON_ORDER: line.on_order,
        }
        if column in numbers:
            return locale.toString(numbers[column])
        if column == CALCULATED:
            return packs_text(line, line.calculated, locale)
        if column == REQUESTED:
            return packs_text(line, line.requested, locale)
        if column == JUSTIFICATION:
            if not line.justification and line_problem(line):
                return translate("RequisitionModel", "⚠ à justifier")
            return line.justification
        if column == REMARKS:
            return line.remarks
        return None

    def _tooltip(self, line: RequisitionLine, column: int) -> str | None:
        locale = self._locale
        if column in (CODE, NAME):
            return f"{line.product_code} – {line.product_name}"
        problem = line_problem(line)
        if problem and column in (REQUESTED, JUSTIFICATION):
            return translate(
                "RequisitionModel",
                "La quantité demandée ({0}) diffère de la quantité calculée ({1}).\n"
                "Écrivez pourquoi dans la colonne Justification (double-clic ou F2), "
                "ou effacez la quantité demandée pour revenir à la quantité calculée.",
            ).format(locale.toString(line.requested), locale.toString(line.calculated))
        if column == REQUESTED:
            typed = self._edits.get(line.product_code, LineEdit()).requested
            if typed is not None and typed != line.requested:
                return translate(
                    "RequisitionModel",
                    "Saisi : {0} ; arrondi au conditionnement entier supérieur : {1}",
                ).format(locale.toString(typed), packs_text(line, line.requested, locale))
            if self.editable:
                return translate(
                    "RequisitionModel",
                    "Double-clic ou F2 pour changer la quantité demandée, en {0} ; "
                    "elle est arrondie au conditionnement entier supérieur.",
                ).format(unit_text(line.base_unit, 2))
        if column in (JUSTIFICATION, REMARKS):
            text = line.justification if column == JUSTIFICATION else line.remarks
            return text or None
        if column == CALCULATED:
            numbers = [
                locale.toString(n)
                for n in (
                    line.needed,
                    line.max_quantity,
                    line.downstream,
                    line.usable_stock,
                    line.on_order,
                )
            ]
            if line.downstream:  # a depot: what it approved for the facilities it supplies
                return translate(
                    "RequisitionModel",
                    "Besoin {0} = stock max {1} + approuvé pour les établissements servis {2} "
                    "− SDU {3} − en commande {4}, arrondi au conditionnement entier supérieur",
                ).format(*numbers)
            return translate(
                "RequisitionModel",
                "Besoin {0} = stock max {1} − SDU {2} − en commande {3}, arrondi au "
                "conditionnement entier supérieur",
            ).format(numbers[0], numbers[1], numbers[3], numbers[4])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self.takes_edit(index, role) or self._requisition is None:
            return False
        row, column = index.row(), index.column()
        line = self.line(row)
        code = line.product_code
        text = "" if value is None else str(value)
        try:
            if column == REQUESTED:
                typed = parse_requested(text)
                change = LineEdit(requested=line.calculated if typed is None else typed)
            elif column == JUSTIFICATION:
                change = LineEdit(justification=text)
            else:
                change = LineEdit(remarks=text)
            edited = apply_edit(self._requisition, code, change)
        except QuantityInputError as exc:
            self.refused.emit(
                translate("RequisitionModel", "{0} – Qté demandée : {1}").format(code, exc)
            )
            return False
        except DomainError as exc:
            self.refused.emit(str(exc))
            return False
        self._requisition = edited
        self._edits[code] = self._edits.get(code, LineEdit()).merged(change)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.edited.emit(code, self._explain(edited.line(code), change))
        return True

    def _explain(self, line: RequisitionLine, change: LineEdit) -> str:
        """The rounding of a typed quantity, then core's message if the line needs more."""
        parts = []
        locale = self._locale
        if change.requested is not None and change.requested != line.requested:
            parts.append(
                translate(
                    "RequisitionModel",
                    "{0} : {1} demandés, arrondis au conditionnement entier : {2}.",
                ).format(
                    line.product_code,
                    locale.toString(change.requested),
                    packs_text(line, line.requested, locale),
                )
            )
        problem = line_problem(line)
        if problem:
            parts.append(problem)
        return " ".join(parts)


class PacksQuantityDelegate(QuantityDelegate):
    """The requested and calculated quantities: the units over the packs in the cell, so the
    column stays narrow; an emptied requested quantity goes back to the calculated one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(translate("RequisitionModel", "quantité calculée"), parent)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.text = option.text.replace(" (", "\u2028(", 1)  # units over packs


class TwoLineDelegate(QStyledItemDelegate):
    """ "sachet, carton de 150" as the base unit over the pack, so the column stays narrow."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.text = option.text.replace(", ", ",\u2028", 1)
