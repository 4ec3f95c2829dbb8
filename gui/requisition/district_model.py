"""Table models of the district's month: the files of an import and what became of them, the
facilities supplied with their requisition, the product × facility matrix of requested and
approved quantities, the depot's own requisition and the delivery notes to issue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from core.delivery import DeliveryLine, DeliveryNote, DeliveryShortfall
from core.district import DistrictReview, ReviewFacility, ReviewProduct
from core.exchange.movements import Problem
from core.requisition import (
    OUTCOME_LABELS_FR,
    ImportOutcome,
    Requisition,
    RequisitionLine,
)
from core.requisition_import import FileImport
from gui.i18n import takes_singular
from gui.requisition.common import (
    BLACK,
    CHANGED_COLOUR,
    ENTRY_BACKGROUND,
    QuantityInputError,
    RowsModel,
    added_products_text,
    capitalized,
    parse_quantity,
    period_text,
    problem_place,
)
from gui.stock.model import format_date, unit_text
from gui.table_model import Index, TableModel

# Alias under which pyside6-lupdate still finds the texts (the context must be a literal).
translate = QCoreApplication.translate

# core's outcome labels, marked here for the translation (translated in the "Outcome" context)
_OUTCOME_TEXTS = (
    QT_TRANSLATE_NOOP("Outcome", "importée"),
    QT_TRANSLATE_NOOP("Outcome", "remplace la version précédente"),
    QT_TRANSLATE_NOOP("Outcome", "déjà importée (rien ne change)"),
    QT_TRANSLATE_NOOP("Outcome", "plus ancienne que celle importée (rien ne change)"),
    QT_TRANSLATE_NOOP("Outcome", "refusée (rien n'est importé)"),
)

REFUSED_BACKGROUND = QColor("#fde7e9")
REFUSED_COLOUR = QColor("#9a0015")
FLAGGED_BACKGROUND = QColor("#fff0e0")
FLAGGED_COLOUR = QColor("#8a4500")
OVER_BACKGROUND = QColor("#ffc9a8")  # approved beyond the depot's usable stock
OVER_ENTRY_BACKGROUND = QColor("#ffe3cc")
MISSING_COLOUR = QColor("#7a7a7a")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def outcome_text(outcome: ImportOutcome) -> str:
    """core's French label of an import outcome, in the interface language."""
    return translate("Outcome", OUTCOME_LABELS_FR[outcome])


def problem_text(problem: Problem) -> str:
    """A problem as one line: str(problem) when it names its file (the sheet, row and column
    follow), else the message, after its row and column when it has a row."""
    if problem.file:
        return str(problem)
    if problem.row is None:  # a column alone means nothing outside the workbook
        return capitalized(problem.message)
    return capitalized(", ".join(problem_place(problem))) + " : " + problem.message


def counted(n: int, singular: str, plural: str, locale: QLocale | None = None) -> str:
    """ "1 fichier", "12 fichiers": the number and the word that agrees with it."""
    return f"{(locale or QLocale()).toString(n)} {singular if takes_singular(n) else plural}"


def facility_label(code: str, name: str) -> str:
    return f"{name} ({code})" if name and name != code else code


# --- the import ------------------------------------------------------------------------------


def parse_approved(text: str) -> int | None:
    """An approved quantity as typed, in base units (see parse_quantity); blank means "back
    to the requested quantity" (None)."""
    return parse_quantity(
        text,
        negative=translate(
            "DistrictModel",
            "La quantité approuvée ne peut pas être négative : tapez 0 pour ne rien livrer.",
        ),
        decimal=translate(
            "DistrictModel",
            "Tapez un nombre entier d'unités de base, sans point ni virgule (ex. 1350).",
        ),
        other=translate(
            "DistrictModel",
            "Tapez un nombre entier d'unités de base (ex. 1350), ou rien pour revenir à la "
            "quantité demandée.",
        ),
    )


def import_summary(results: Sequence[FileImport], total: int | None = None) -> str:
    """ "150 fichiers : 140 importés, 3 remplacés, 2 déjà importés, 5 refusés" (the outcomes
    that happened), and the files with flags or added facilities."""
    locale = QLocale()
    count = {o: sum(1 for r in results if r.outcome is o) for o in ImportOutcome}
    words = (
        (
            ImportOutcome.IMPORTED,
            translate("DistrictModel", "importé"),
            translate("DistrictModel", "importés"),
        ),
        (
            ImportOutcome.REPLACED,
            translate("DistrictModel", "remplacé"),
            translate("DistrictModel", "remplacés"),
        ),
        (
            ImportOutcome.DUPLICATE,
            translate("DistrictModel", "déjà importé"),
            translate("DistrictModel", "déjà importés"),
        ),
        (
            ImportOutcome.OLDER,
            translate("DistrictModel", "plus ancien"),
            translate("DistrictModel", "plus anciens"),
        ),
        (
            ImportOutcome.REFUSED,
            translate("DistrictModel", "refusé"),
            translate("DistrictModel", "refusés"),
        ),
    )
    parts = [
        counted(count[o], one, many, locale)
        for o, one, many in words
        if count[o] or o in (ImportOutcome.IMPORTED, ImportOutcome.REFUSED)
    ]
    n = len(results) if total is None else total
    text = (
        counted(
            n,
            translate("DistrictModel", "fichier"),
            translate("DistrictModel", "fichiers"),
            locale,
        )
        + " : "
        + ", ".join(parts)
    )
    flagged = sum(1 for r in results if r.imported and r.flags)
    if flagged:
        text += translate("DistrictModel", " ; {0} avec signalements (en orange)").format(
            locale.toString(flagged)
        )
    added = sum(1 for r in results if r.created_facility)
    if added:
        text += " ; " + counted(
            added,
            translate("DistrictModel", "établissement ajouté"),
            translate("DistrictModel", "établissements ajoutés"),
            locale,
        )
    return text


(FILE, OUTCOME, FACILITY, PERIOD, DETAILS) = range(5)


class ImportResultsModel(RowsModel[FileImport]):
    """One row per file of an import: what became of it, its facility and month, and its
    message, errors and flags, one per line. Refused files are red, flagged ones orange."""

    CONTEXT = "ImportResultsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ImportResultsModel", "Fichier"),
        QT_TRANSLATE_NOOP("ImportResultsModel", "Résultat"),
        QT_TRANSLATE_NOOP("ImportResultsModel", "Établissement"),
        QT_TRANSLATE_NOOP("ImportResultsModel", "Mois"),
        QT_TRANSLATE_NOOP("ImportResultsModel", "Détails (feuille, ligne, colonne)"),
    )

    @property
    def results(self) -> list[FileImport]:
        return self.items()

    def result(self, row: int) -> FileImport:
        return self.item(row)

    def row_of(self, file_name: str) -> int:
        return self.find(lambda r: r.file == file_name)

    def details(self, result: FileImport) -> list[str]:
        """The file's lines of explanation: the outcome's message, each error, each flag,
        what it added to the database."""
        lines = []
        if result.message:
            lines.append(capitalized(result.message))
        lines += [problem_text(p) for p in result.errors]
        lines += ["⚠ " + problem_text(p) for p in result.flags]
        req = result.requisition
        if result.created_facility and req is not None:
            lines.append(
                translate(
                    "ImportResultsModel",
                    "Établissement ajouté à la base : {0}, district de {1}.",
                ).format(facility_label(req.facility_code, req.facility_name), req.district)
            )
        if result.created_products:
            lines.append(added_products_text(result.created_products))
        return lines

    def item_data(self, result: FileImport, column: int, role: int) -> Any:
        refused = result.outcome is ImportOutcome.REFUSED
        flagged = result.imported and bool(result.flags)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(result, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return REFUSED_BACKGROUND if refused else FLAGGED_BACKGROUND if flagged else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return REFUSED_COLOUR if refused else FLAGGED_COLOUR if flagged else None
        if role == Qt.ItemDataRole.FontRole and column == OUTCOME and (refused or flagged):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _display(self, result: FileImport, column: int) -> str:
        req = result.requisition
        if column == FILE:
            return result.file
        if column == OUTCOME:
            text = outcome_text(result.outcome)
            if result.flags:
                text += "\n" + counted(
                    len(result.flags),
                    translate("ImportResultsModel", "signalement"),
                    translate("ImportResultsModel", "signalements"),
                )
            return capitalized(text)
        if column == FACILITY:
            return facility_label(req.facility_code, req.facility_name) if req else ""
        if column == PERIOD:
            if req is None:
                return ""
            text = period_text(req.period)
            if req.sequence is not None:
                text += translate("ImportResultsModel", "\nR&R n° {0}").format(req.sequence)
            return text
        if column == DETAILS:
            return "\n".join(self.details(result))
        return ""


# --- the facilities supplied -------------------------------------------------------------------


(F_CODE, F_NAME, F_NUMBER, F_STATUS, F_FLAGS) = range(5)


FACILITY_TOOLTIPS = {
    F_STATUS: QT_TRANSLATE_NOOP(
        "ReviewFacilityModel",
        "Reçue : la réquisition du mois est importée. Non reçue : demandez-la à "
        "l'établissement, puis importez-la.",
    ),
    F_FLAGS: QT_TRANSLATE_NOOP(
        "ReviewFacilityModel",
        "Points à vérifier : continuité avec le mois précédent, ATPE demandé par rapport "
        "aux admissions",
    ),
}


class ReviewFacilityModel(RowsModel[ReviewFacility]):
    """The facilities the depot supplies, one row each: its requisition of the month (or
    "non reçue"), the requisition's number, and how many flags it carries."""

    CONTEXT = "ReviewFacilityModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ReviewFacilityModel", "Code"),
        QT_TRANSLATE_NOOP("ReviewFacilityModel", "Établissement"),
        QT_TRANSLATE_NOOP("ReviewFacilityModel", "R&R n°"),
        QT_TRANSLATE_NOOP("ReviewFacilityModel", "Statut"),
        QT_TRANSLATE_NOOP("ReviewFacilityModel", "Signalements"),
    )
    TOOLTIPS = FACILITY_TOOLTIPS

    def facility(self, row: int) -> ReviewFacility:
        return self.item(row)

    def row_of(self, code: str) -> int:
        return self.find(lambda f: f.code == code)

    def item_data(self, row: ReviewFacility, column: int, role: int) -> Any:
        received = row.requisition is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (F_CODE, F_NAME):
                return facility_label(row.code, row.facility.name)
            if column == F_FLAGS and row.flags:
                return "\n".join(problem_text(p) for p in row.flags)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (F_NUMBER, F_FLAGS):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if not received:
                return MISSING_COLOUR
            if column == F_FLAGS and row.flags:
                return FLAGGED_COLOUR
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == F_FLAGS and row.flags:
            return FLAGGED_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and not received and column == F_STATUS:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, row: ReviewFacility, column: int) -> str:
        req = row.requisition
        if column == F_CODE:
            return row.code
        if column == F_NAME:
            return row.facility.name
        if column == F_NUMBER:
            return str(req.sequence) if req is not None and req.sequence is not None else "—"
        if column == F_STATUS:
            if req is None:
                return translate("ReviewFacilityModel", "non reçue")
            if row.set_by_depot:
                return translate("ReviewFacilityModel", "reçue · {0}").format(
                    counted(
                        len(row.set_by_depot),
                        translate("ReviewFacilityModel", "quantité modifiée"),
                        translate("ReviewFacilityModel", "quantités modifiées"),
                    )
                )
            return translate("ReviewFacilityModel", "reçue")
        if column == F_FLAGS:
            return QLocale().toString(len(row.flags)) if req is not None else "—"
        return ""


# --- the product × facility matrix -------------------------------------------------------------


(M_CODE, M_NAME, M_UNIT, M_REQUESTED, M_APPROVED, M_USABLE) = range(6)
FIXED_COLUMNS = 6  # then two per facility: requested, approved

MATRIX_HEADERS = (
    QT_TRANSLATE_NOOP("MatrixModel", "Code"),
    QT_TRANSLATE_NOOP("MatrixModel", "Produit"),
    QT_TRANSLATE_NOOP("MatrixModel", "Unité"),
    QT_TRANSLATE_NOOP("MatrixModel", "Total\ndemandé"),
    QT_TRANSLATE_NOOP("MatrixModel", "Total\napprouvé"),
    QT_TRANSLATE_NOOP("MatrixModel", "SDU du\ndépôt"),
)
MATRIX_TOOLTIPS = {
    M_REQUESTED: QT_TRANSLATE_NOOP(
        "MatrixModel", "Quantités demandées par tous les établissements, en unités de base"
    ),
    M_APPROVED: QT_TRANSLATE_NOOP(
        "MatrixModel", "Quantités approuvées pour tous les établissements, en unités de base"
    ),
    M_USABLE: QT_TRANSLATE_NOOP(
        "MatrixModel",
        "Stock disponible utilisable du dépôt aujourd'hui (sans les lots périmés) : ce qu'il "
        "peut livrer",
    ),
}


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """Where an edit lands: a facility and a product of the matrix."""

    facility_code: str
    product_code: str
    requested: int


class MatrixModel(TableModel):
    """Rows: the products requested this month; columns: the totals and the depot's usable
    stock, then for each facility with a requisition its requested quantity and its approved
    quantity (editable). Editing does not change the model: it asks its owner to store the
    approval (`approval_edited`) and shows the stored value once the review is reloaded."""

    CONTEXT = "MatrixModel"

    #: the user typed an approved quantity: (facility code, product code, quantity)
    approval_edited = Signal(str, str, int)
    #: what was typed was refused; the message names the cell and says what to do
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._review: DistrictReview | None = None
        self._products: list[ReviewProduct] = []
        self._facilities: list[ReviewFacility] = []
        self._notes: dict[tuple[str, str], str] = {}
        self._over: set[str] = set()
        self._locale = QLocale()

    # --- contents -------------------------------------------------------------------------

    def set_review(
        self,
        review: DistrictReview | None,
        notes: dict[tuple[str, str], str] | None = None,
    ) -> None:
        """`notes`: the depot's comment of each changed approval, by (facility, product).
        Over-supply is the core's: what is approved for facilities not yet delivered."""
        self.beginResetModel()
        self._review = review
        self._products = list(review.products) if review else []
        self._facilities = (
            [f for f in review.facilities if f.requisition is not None] if review else []
        )
        self._notes = dict(notes or {})
        self._over = {p.product_code for p in self._products if p.over_supply}
        self._locale = QLocale()
        self.endResetModel()

    def over_supply(self, product: ReviewProduct) -> bool:
        return product.product_code in self._over

    @property
    def review(self) -> DistrictReview | None:
        return self._review

    @property
    def facilities(self) -> list[ReviewFacility]:
        return list(self._facilities)

    def product(self, row: int) -> ReviewProduct:
        return self._products[row]

    def row_of(self, product_code: str) -> int:
        return next((n for n, p in enumerate(self._products) if p.product_code == product_code), -1)

    def requested_column(self, facility_code: str) -> int:
        for n, f in enumerate(self._facilities):
            if f.code == facility_code:
                return FIXED_COLUMNS + 2 * n
        return -1

    def approved_column(self, facility_code: str) -> int:
        column = self.requested_column(facility_code)
        return column + 1 if column >= 0 else -1

    def row_count(self) -> int:
        return len(self._products)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + 2 * len(self._facilities)

    def _facility_of(self, column: int) -> tuple[ReviewFacility, bool] | None:
        """The facility of a column, and whether it is its approved-quantity column."""
        if column < FIXED_COLUMNS:
            return None
        n, approved = divmod(column - FIXED_COLUMNS, 2)
        if n >= len(self._facilities):
            return None
        return self._facilities[n], bool(approved)

    def cell(self, index: Index) -> MatrixCell | None:
        """The facility and product of an approved-quantity cell on the facility's
        requisition; None for any other cell."""
        found = self._facility_of(index.column())
        if found is None or not found[1] or not (0 <= index.row() < self.row_count()):
            return None
        facility, _ = found
        code = self._products[index.row()].product_code
        if facility.requisition is None or code not in facility.approved:
            return None
        return MatrixCell(facility.code, code, facility.requisition.line(code).requested)

    # --- Qt model -------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section < FIXED_COLUMNS:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("MatrixModel", str(MATRIX_HEADERS[section]))
            if role == Qt.ItemDataRole.ToolTipRole and section in MATRIX_TOOLTIPS:
                return translate("MatrixModel", str(MATRIX_TOOLTIPS[section]))
            return None
        found = self._facility_of(section)
        if found is None:
            return None
        facility, approved = found
        if role == Qt.ItemDataRole.DisplayRole:
            if approved:
                return translate("MatrixModel", "{0}\napprouvé ✎").format(facility.code)
            return translate("MatrixModel", "{0}\ndemandé").format(facility.code)
        if role == Qt.ItemDataRole.ToolTipRole:
            name = facility_label(facility.code, facility.facility.name)
            if approved:
                return translate(
                    "MatrixModel",
                    "{0} : quantité approuvée par le dépôt (double-clic ou F2 pour la changer ; "
                    "un commentaire est demandé si elle diffère de la demande)",
                ).format(name)
            return translate("MatrixModel", "{0} : quantité demandée sur sa réquisition").format(
                name
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell(index) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self.row_count()):
            return None
        product = self._products[index.row()]
        column = index.column()
        found = self._facility_of(column)
        if found is None:
            return self._fixed(product, column, role)
        facility, approved = found
        code = product.product_code
        req = facility.requisition
        on_requisition = req is not None and code in facility.approved
        requested = req.line(code).requested if req is not None and on_requisition else 0
        value = facility.approved.get(code, 0) if approved else requested
        changed = on_requisition and facility.approved.get(code, 0) != requested
        if role == Qt.ItemDataRole.DisplayRole:
            return self._locale.toString(value) if on_requisition else ""
        if role == Qt.ItemDataRole.EditRole:
            return self._locale.toString(value) if on_requisition else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and on_requisition:
            return self._cell_tooltip(facility, product, requested)
        if role == Qt.ItemDataRole.BackgroundRole and approved and on_requisition:
            return OVER_ENTRY_BACKGROUND if self.over_supply(product) else ENTRY_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and on_requisition:
            return CHANGED_COLOUR if approved and changed else BLACK
        if role == Qt.ItemDataRole.FontRole and approved and changed:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _fixed(self, product: ReviewProduct, column: int, role: int) -> Any:
        locale = self._locale
        if role == Qt.ItemDataRole.DisplayRole:
            if column == M_CODE:
                return product.product_code
            if column == M_NAME:
                return product.product_name
            if column == M_UNIT:
                return unit_text(product.base_unit, 2)
            numbers = {
                M_REQUESTED: product.requested,
                M_APPROVED: product.approved,
                M_USABLE: product.depot_usable,
            }
            return locale.toString(numbers[column]) if column in numbers else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= M_REQUESTED:
            return RIGHT
        over = self.over_supply(product) and column in (M_APPROVED, M_USABLE)
        if role == Qt.ItemDataRole.BackgroundRole and over:
            return OVER_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and over:
            return BLACK
        if role == Qt.ItemDataRole.FontRole and over and column == M_APPROVED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (M_CODE, M_NAME):
                return f"{product.product_code} – {product.product_name}"
            if column == M_UNIT and product.pack_size > 1:
                return translate(
                    "MatrixModel", "Quantités en {0} ; {1} par conditionnement"
                ).format(unit_text(product.base_unit, 2), locale.toString(product.pack_size))
            if over:
                return translate(
                    "MatrixModel",
                    "Approuvé {0}, le dépôt n'a que {1} utilisable(s) : il manque {2}. "
                    "Réduisez des quantités approuvées ou attendez la livraison du niveau "
                    "supérieur.",
                ).format(
                    locale.toString(product.approved),
                    locale.toString(product.depot_usable),
                    locale.toString(product.approved - product.depot_usable),
                )
        return None

    def _cell_tooltip(
        self, facility: ReviewFacility, product: ReviewProduct, requested: int
    ) -> str:
        locale = self._locale
        code = product.product_code
        approved = facility.approved.get(code, 0)
        unit = unit_text(product.base_unit, 2)
        text = translate("MatrixModel", "{0} · {1}\nDemandé : {2} {4} ; approuvé : {3} {4}").format(
            facility.code,
            product.product_name,
            locale.toString(requested),
            locale.toString(approved),
            unit,
        )
        if product.pack_size > 1:
            text += translate("MatrixModel", "\nSoit {0} conditionnement(s) de {1}").format(
                locale.toString(-(-approved // product.pack_size)),
                locale.toString(product.pack_size),
            )
        note = self._notes.get((facility.code, code))
        if note:
            text += translate("MatrixModel", "\nCommentaire du dépôt : {0}").format(note)
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        cell = self.cell(index)
        if cell is None:
            return False
        try:
            typed = parse_approved("" if value is None else str(value))
        except QuantityInputError as exc:
            self.refused.emit(
                translate("MatrixModel", "{0}, {1} – quantité approuvée : {2}").format(
                    cell.facility_code, cell.product_code, exc
                )
            )
            return False
        quantity = cell.requested if typed is None else typed
        self.approval_edited.emit(cell.facility_code, cell.product_code, quantity)
        return False  # the stored value shows once the review is reloaded


# --- the depot's own requisition ---------------------------------------------------------------


(
    R_CODE,
    R_NAME,
    R_UNIT,
    R_AMC,
    R_MAX,
    R_USABLE,
    R_ON_ORDER,
    R_DOWNSTREAM,
    R_CALCULATED,
    R_REQUESTED,
) = range(10)


LINES_TOOLTIPS = {
    R_AMC: QT_TRANSLATE_NOOP(
        "DistrictLinesModel", "Consommation moyenne mensuelle du dépôt lui-même"
    ),
    R_MAX: QT_TRANSLATE_NOOP("DistrictLinesModel", "CMM du dépôt × mois de stock maximum"),
    R_USABLE: QT_TRANSLATE_NOOP(
        "DistrictLinesModel", "Stock disponible utilisable du dépôt à la fin du mois"
    ),
    R_ON_ORDER: QT_TRANSLATE_NOOP(
        "DistrictLinesModel", "Commandes du dépôt en cours, non encore reçues"
    ),
    R_DOWNSTREAM: QT_TRANSLATE_NOOP(
        "DistrictLinesModel",
        "Total des quantités approuvées pour les établissements que le dépôt approvisionne",
    ),
    R_CALCULATED: QT_TRANSLATE_NOOP(
        "DistrictLinesModel",
        "Stock max + approuvé pour les établissements − SDU − en commande, arrondi au "
        "conditionnement entier supérieur",
    ),
}


class DistrictLinesModel(RowsModel[RequisitionLine]):
    """The lines of the depot's requisition one level up: its own consumption and stock, what
    it approved for its facilities, and the quantity it orders."""

    CONTEXT = "DistrictLinesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DistrictLinesModel", "Code"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "Produit"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "Unité"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "CMM du\ndépôt"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "Stock\nmax"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "SDU"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "En\ncommande"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "Approuvé pour les\nétablissements"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "Qté\ncalculée"),
        QT_TRANSLATE_NOOP("DistrictLinesModel", "Qté\ndemandée"),
    )
    TOOLTIPS = LINES_TOOLTIPS

    def set_requisition(self, requisition: Requisition | None) -> None:
        self.set_items(requisition.lines if requisition else [])

    def row_of(self, product_code: str) -> int:
        return self.find(lambda x: x.product_code == product_code)

    def item_data(self, line: RequisitionLine, column: int, role: int) -> Any:
        locale = QLocale()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == R_CODE:
                return line.product_code
            if column == R_NAME:
                return line.product_name
            if column == R_UNIT:
                return unit_text(line.base_unit, 2)
            numbers = {
                R_AMC: line.amc,
                R_MAX: line.max_quantity,
                R_USABLE: line.usable_stock,
                R_ON_ORDER: line.on_order,
                R_DOWNSTREAM: line.downstream,
                R_CALCULATED: line.calculated,
                R_REQUESTED: line.requested,
            }
            return locale.toString(numbers[column]) if column in numbers else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= R_AMC:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (R_CODE, R_NAME):
                return f"{line.product_code} – {line.product_name}"
            if column in (R_CALCULATED, R_REQUESTED) and line.pack_size > 1:
                quantity = line.calculated if column == R_CALCULATED else line.requested
                return translate("DistrictLinesModel", "Soit {0} {1} de {2}").format(
                    locale.toString(line.packs(quantity)),
                    unit_text(line.pack_unit or "conditionnement", line.packs(quantity)),
                    locale.toString(line.pack_size),
                )
            if column == R_REQUESTED and line.justification:
                return line.justification
        if role == Qt.ItemDataRole.FontRole and column == R_REQUESTED:
            font = QFont()
            font.setBold(True)
            return font
        return None


# --- the delivery notes ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    """One row of the preview: a lot shipped or a shortfall, of one note."""

    note: DeliveryNote
    first: bool  # the note's first row (shows the facility)
    line: DeliveryLine | None = None
    shortfall: DeliveryShortfall | None = None


(D_FACILITY, D_PRODUCT, D_LOT, D_EXPIRY, D_QUANTITY, D_REMARK) = range(6)


def delivery_packs_text(line: DeliveryLine, locale: QLocale | None = None) -> str:
    """ "1 350 sachets (9 cartons)", or "160 sachets (1 carton + 10 sachets)"."""
    locale = locale or QLocale()
    text = f"{locale.toString(line.quantity)} {unit_text(line.base_unit, line.quantity)}"
    if line.pack_size > 1 and line.quantity >= line.pack_size:
        packs, loose = divmod(line.quantity, line.pack_size)
        pack_unit = line.pack_unit or "conditionnement"
        inner = f"{locale.toString(packs)} {unit_text(pack_unit, packs)}"
        if loose:
            inner += f" + {locale.toString(loose)} {unit_text(line.base_unit, loose)}"
        text += f" ({inner})"
    return text


class DeliveryPreviewModel(RowsModel[DeliveryRow]):
    """The delivery notes to issue: per facility, the lots (FEFO) and quantities, then what the
    depot cannot supply (shortfalls, in red)."""

    CONTEXT = "DeliveryPreviewModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DeliveryPreviewModel", "Établissement"),
        QT_TRANSLATE_NOOP("DeliveryPreviewModel", "Produit"),
        QT_TRANSLATE_NOOP("DeliveryPreviewModel", "Lot"),
        QT_TRANSLATE_NOOP("DeliveryPreviewModel", "Péremption"),
        QT_TRANSLATE_NOOP("DeliveryPreviewModel", "Quantité"),
        QT_TRANSLATE_NOOP("DeliveryPreviewModel", "Manque"),
    )

    def set_notes(self, notes: Sequence[DeliveryNote]) -> None:
        rows: list[DeliveryRow] = []
        for note in notes:
            first = True
            for line in note.lines:
                rows.append(DeliveryRow(note, first, line=line))
                first = False
            for shortfall in note.shortfalls:
                rows.append(DeliveryRow(note, first, shortfall=shortfall))
                first = False
        self.set_items(rows)

    def item_data(self, row: DeliveryRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == D_FACILITY:
                return translate("DeliveryPreviewModel", "Bon n° {0}").format(row.note.number)
            return self._display(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.shortfall is not None:
            return REFUSED_COLOUR
        if role == Qt.ItemDataRole.BackgroundRole and row.shortfall is not None:
            return REFUSED_BACKGROUND if column != D_FACILITY else None
        if role == Qt.ItemDataRole.FontRole and column == D_FACILITY and row.first:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: DeliveryRow, column: int) -> str:
        locale = QLocale()
        note = row.note
        if column == D_FACILITY:
            return facility_label(note.to_code, note.to_name) if row.first else ""
        item = row.line or row.shortfall
        assert item is not None
        if column == D_PRODUCT:
            return f"{item.product_code} – {item.product_name}"
        if row.line is not None:
            line = row.line
            if column == D_LOT:
                return line.lot or "—"
            if column == D_EXPIRY:
                return format_date(line.expiry) or "—"
            if column == D_QUANTITY:
                return delivery_packs_text(line, locale)
            return ""
        shortfall = row.shortfall
        assert shortfall is not None
        if column == D_REMARK:
            unit = unit_text(shortfall.base_unit, shortfall.missing)
            return translate("DeliveryPreviewModel", "{0} {1} (approuvé {2}, livré {3})").format(
                locale.toString(shortfall.missing),
                unit,
                locale.toString(shortfall.approved),
                locale.toString(shortfall.shipped),
            )
        return ""
