"""Models of the "Vue consolidée" tab: the tree region → district → facility of a consolidated
month of requisitions, and the outcome of each imported requisition workbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from core.consolidation import (
    AreaLevel,
    AreaTotals,
    Consolidation,
    FacilityStatus,
    FacilityStockStatus,
)
from core.exchange.movements import Problem
from core.facilities import FacilityType
from core.requisition import ImportOutcome
from gui.requisition.common import RowsModel, added_products_text, period_text, problem_place
from gui.table_model import Index

if TYPE_CHECKING:
    from core.requisition_import import FileImport


translate = QCoreApplication.translate

(
    NAME,
    STATUS,
    PRODUCTS,
    STOCKED_OUT,
    STOCKOUT_DAYS,
    BELOW_MIN,
    MEDIAN_MOS,
    RUTF_USABLE,
    RUTF_MOS,
    RUTF_REQUESTED,
    SEQUENCE,
) = range(11)

NUMBER_COLUMNS = tuple(range(PRODUCTS, SEQUENCE + 1))

# Some columns hold two figures, "1 (12 j)", "2 / 1", "1 200 (8)": the header names both,
# the cell's tooltip says them in words.
HEADERS = (
    QT_TRANSLATE_NOOP("ConsolidatedModel", "Région, district\net établissement"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "Statut\ndu stock"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "Produits"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "En\nrupture"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "Avec jours\nde rupture\n(jours)"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "Sous min.\n/ sous\nPCU"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "MSD\nmédian"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "ATPE\nSDU"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "ATPE\nMSD"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "ATPE\ndemandé\nsachets\n(cartons)"),
    QT_TRANSLATE_NOOP("ConsolidatedModel", "N°\nR&R"),
)

TOOLTIPS = {
    STATUS: QT_TRANSLATE_NOOP(
        "ConsolidatedModel",
        "rupture : au moins un produit sans stock utilisable en fin de mois ; sous le "
        "minimum : au moins un produit sous le stock minimum ; correct : aucun des deux",
    ),
    PRODUCTS: QT_TRANSLATE_NOOP("ConsolidatedModel", "Produits de la réquisition (lignes)"),
    STOCKED_OUT: QT_TRANSLATE_NOOP(
        "ConsolidatedModel", "Produits sans stock utilisable à la fin du mois"
    ),
    STOCKOUT_DAYS: QT_TRANSLATE_NOOP(
        "ConsolidatedModel",
        "Produits ayant eu des jours de rupture pendant le mois, et entre parenthèses le "
        "total de leurs jours de rupture",
    ),
    BELOW_MIN: QT_TRANSLATE_NOOP(
        "ConsolidatedModel",
        "Produits dont les mois de stock (MSD) sont sous le stock minimum / sous le point de "
        "commande d'urgence (PCU)",
    ),
    MEDIAN_MOS: QT_TRANSLATE_NOOP(
        "ConsolidatedModel",
        "Mois de stock disponible (SDU ÷ CMM) médians des produits de l'établissement ; "
        "« – » : aucun produit consommé",
    ),
    RUTF_USABLE: QT_TRANSLATE_NOOP(
        "ConsolidatedModel", "ATPE : stock disponible utilisable en fin de mois, en sachets"
    ),
    RUTF_MOS: QT_TRANSLATE_NOOP(
        "ConsolidatedModel",
        "ATPE : mois de stock = SDU ÷ CMM ; pour une zone, SDU totale ÷ CMM totale ; "
        "« – » : pas de consommation",
    ),
    RUTF_REQUESTED: QT_TRANSLATE_NOOP(
        "ConsolidatedModel",
        "ATPE demandé, en sachets, et entre parenthèses en cartons entiers comme chaque "
        "établissement les a demandés",
    ),
    SEQUENCE: QT_TRANSLATE_NOOP("ConsolidatedModel", "Numéro de la réquisition (R&R) approuvée"),
}

STATUS_TEXTS = {
    FacilityStockStatus.STOCKED_OUT: QT_TRANSLATE_NOOP("ConsolidatedModel", "rupture"),
    FacilityStockStatus.BELOW_MIN: QT_TRANSLATE_NOOP("ConsolidatedModel", "sous le minimum"),
    FacilityStockStatus.OK: QT_TRANSLATE_NOOP("ConsolidatedModel", "correct"),
}

STATUS_BACKGROUND = {
    FacilityStockStatus.STOCKED_OUT: QColor("#f6c6c6"),
    FacilityStockStatus.BELOW_MIN: QColor("#fff1b8"),
    FacilityStockStatus.OK: QColor("#d8efd3"),
}

AREA_BACKGROUND = {
    AreaLevel.DISTRICT: QColor("#eef1f5"),
    AreaLevel.REGION: QColor("#e1e6ee"),
    AreaLevel.TOTAL: QColor("#d3dae5"),
}

NO_REGION = QT_TRANSLATE_NOOP("ConsolidatedModel", "(région non renseignée)")
NO_DISTRICT = QT_TRANSLATE_NOOP("ConsolidatedModel", "(district non renseigné)")


def months_text(value: Decimal | None, locale: QLocale | None = None) -> str:
    """Months of stock with one decimal as the interface writes it ("0,3"); "–" without an
    AMC (never infinity)."""
    if value is None:
        return "–"
    return (locale or QLocale()).toString(float(value), "f", 1)


def status_text(status: FacilityStockStatus) -> str:
    return translate("ConsolidatedModel", STATUS_TEXTS[status])


def area_status(status: AreaTotals) -> FacilityStockStatus:
    """The worst status of the facilities of an area."""
    if status.facilities_stocked_out:
        return FacilityStockStatus.STOCKED_OUT
    if status.facilities_below_min:
        return FacilityStockStatus.BELOW_MIN
    return FacilityStockStatus.OK


def facilities_text(count: int) -> str:
    if count == 1:
        return translate("ConsolidatedModel", "1 établissement")
    return translate("ConsolidatedModel", "{0} établissements").format(QLocale().toString(count))


def area_status_text(area: AreaTotals, short: bool = True) -> str:
    """How the facilities of an area stand: "2 en rupture · 1 sous min." in the table
    (short), "2 en rupture, 1 sous le minimum" in a sentence; "tous corrects"."""
    parts = []
    if area.facilities_stocked_out:
        parts.append(
            translate("ConsolidatedModel", "{0} en rupture").format(area.facilities_stocked_out)
        )
    if area.facilities_below_min:
        below = (
            translate("ConsolidatedModel", "{0} sous min.")
            if short
            else translate("ConsolidatedModel", "{0} sous le minimum")
        )
        parts.append(below.format(area.facilities_below_min))
    if not parts:
        return (
            translate("ConsolidatedModel", "correct")
            if area.facilities == 1
            else translate("ConsolidatedModel", "tous corrects")
        )
    return (" · " if short else ", ").join(parts)


def _elided(name: str) -> bool:
    """French writes « d'Ansongo », « de Mopti »."""
    return name[:1].casefold() in "aeiouyéèêâîôû"


def area_name(area: AreaTotals) -> str:
    """ "Région de Mopti", "District d'Ansongo", "Total"."""
    if area.level is AreaLevel.TOTAL:
        return translate("ConsolidatedModel", "Total")
    if area.level is AreaLevel.REGION:
        if not area.region:
            return translate("ConsolidatedModel", NO_REGION)
        if _elided(area.region):
            return translate("ConsolidatedModel", "Région d'{0}").format(area.region)
        return translate("ConsolidatedModel", "Région de {0}").format(area.region)
    if not area.district:
        return translate("ConsolidatedModel", NO_DISTRICT)
    if _elided(area.district):
        return translate("ConsolidatedModel", "District d'{0}").format(area.district)
    return translate("ConsolidatedModel", "District de {0}").format(area.district)


def type_text(code: str) -> str:
    try:
        return FacilityType(code).label_fr
    except ValueError:
        return code


@dataclass(eq=False)
class Node:
    """One row of the tree: an area (its totals) or a facility."""

    area: AreaTotals | None = None
    facility: FacilityStatus | None = None
    parent: int = -1  # node id, -1 for a top-level row
    row: int = 0  # position under its parent
    children: list[int] = field(default_factory=list)

    @property
    def level(self) -> AreaLevel | None:
        return self.area.level if self.area is not None else None


class ConsolidatedModel(QAbstractItemModel):
    """Regions, their districts, their facilities, and a total row last. An area row shows
    the sums of its facilities (core.consolidation's AreaTotals); the median months of stock
    and the R&R number exist only for a facility."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._consolidation: Consolidation | None = None
        self._nodes: list[Node] = []
        self._top: list[int] = []
        self._locale = QLocale()
        self._bold = QFont()
        self._bold.setBold(True)

    # --- contents -------------------------------------------------------------------------

    def set_consolidation(self, consolidation: Consolidation | None, total_label: str = "") -> None:
        self.beginResetModel()
        self._consolidation = consolidation
        self._total_label = total_label
        self._locale = QLocale()
        self._nodes = []
        self._top = []
        if consolidation is not None and consolidation.facilities:
            self._build(consolidation)
        self.endResetModel()

    def _add(self, node: Node, siblings: list[int]) -> int:
        node.row = len(siblings)
        self._nodes.append(node)
        node_id = len(self._nodes) - 1
        siblings.append(node_id)
        return node_id

    def _build(self, c: Consolidation) -> None:
        for region in c.regions:
            region_id = self._add(Node(area=region), self._top)
            for district in (d for d in c.districts if d.region == region.region):
                district_id = self._add(
                    Node(area=district, parent=region_id), self._nodes[region_id].children
                )
                for facility in c.facilities:
                    if (facility.region, facility.district) == (region.region, district.district):
                        self._add(
                            Node(facility=facility, parent=district_id),
                            self._nodes[district_id].children,
                        )
        self._add(Node(area=c.total), self._top)

    @property
    def consolidation(self) -> Consolidation | None:
        return self._consolidation

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId()]

    def children_of(self, index: Index) -> list[Node]:
        ids = self._top if not index.isValid() else self._nodes[index.internalId()].children
        return [self._nodes[i] for i in ids]

    # --- Qt model -------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(HEADERS) or row < 0:
            return QModelIndex()
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            siblings = self._nodes[parent.internalId()].children
        else:
            siblings = self._top
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        node = self._nodes[child.internalId()]
        if node.parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0:
            return 0
        return len(self._nodes[parent.internalId()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("ConsolidatedModel", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in TOOLTIPS:
            return translate("ConsolidatedModel", TOOLTIPS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == STATUS:
                status = (
                    node.facility.status if node.facility is not None else area_status(node.area)  # type: ignore[arg-type]
                )
                return STATUS_BACKGROUND[status]
            if node.area is not None:
                return AREA_BACKGROUND[node.area.level]
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS or node.area is not None:
                return QColor("#000000")  # on a light background, whatever the theme
            return None
        if role == Qt.ItemDataRole.FontRole and node.area is not None and column != STATUS:
            return self._bold
        return None

    # --- text -----------------------------------------------------------------------------

    def _number(self, value: int) -> str:
        return self._locale.toString(value)

    def _text(self, node: Node, column: int) -> str:
        f = figures(node)
        if column == NAME:
            if node.facility is not None:
                row = node.facility
                return f"{row.facility_name or row.facility_code} ({row.facility_code})"
            assert node.area is not None
            area = node.area
            name = self._total_label if area.level is AreaLevel.TOTAL else ""
            return translate("ConsolidatedModel", "{0} · {1} établ.").format(
                name or area_name(area), self._number(area.facilities)
            )
        if column == STATUS:
            if node.facility is not None:
                return status_text(node.facility.status)
            assert node.area is not None
            return area_status_text(node.area)
        if column == PRODUCTS:
            return self._number(f.products)
        if column == STOCKED_OUT:
            return self._number(f.stocked_out)
        if column == STOCKOUT_DAYS:
            if not f.with_stockout_days:
                return "0"
            return translate("ConsolidatedModel", "{0} ({1} j)").format(
                self._number(f.with_stockout_days), self._number(f.stockout_days)
            )
        if column == BELOW_MIN:
            return f"{self._number(f.below_min)} / {self._number(f.below_eop)}"
        if column == MEDIAN_MOS:
            if node.facility is None:
                return ""  # a median belongs to one facility
            return months_text(node.facility.median_months_of_stock, self._locale)
        if column in (RUTF_USABLE, RUTF_MOS, RUTF_REQUESTED):
            if f.rutf is None:
                return ""  # no RUTF line: nothing, not a zero
            usable, months, requested, cartons = f.rutf
            if column == RUTF_USABLE:
                return self._number(usable)
            if column == RUTF_MOS:
                return months_text(months, self._locale)
            return f"{self._number(requested)} ({self._number(cartons)})"
        if column == SEQUENCE and node.facility is not None:
            if node.facility.sequence is None:
                return translate("ConsolidatedModel", "brouillon")
            return self._number(node.facility.sequence)
        return ""

    def _tooltip(self, node: Node, column: int) -> str | None:
        f = figures(node)
        if column == STOCKOUT_DAYS and f.with_stockout_days:
            return translate(
                "ConsolidatedModel",
                "{0} produit(s) avec des jours de rupture, {1} jours de rupture au total",
            ).format(f.with_stockout_days, f.stockout_days)
        if column == BELOW_MIN:
            return translate(
                "ConsolidatedModel",
                "{0} produit(s) sous le stock minimum, dont {1} sous le point de commande "
                "d'urgence",
            ).format(f.below_min, f.below_eop)
        if column == RUTF_REQUESTED and f.rutf is not None:
            return translate("ConsolidatedModel", "{0} sachets demandés, soit {1} cartons").format(
                self._number(f.rutf[2]), self._number(f.rutf[3])
            )
        row = node.facility
        if row is not None:
            if column == NAME:
                return translate("ConsolidatedModel", "{0} – {1}\n{2}, district {3}, {4}").format(
                    row.facility_code,
                    row.facility_name,
                    type_text(row.facility_type),
                    row.district or "?",
                    row.region or "?",
                )
            if column in (STATUS, STOCKED_OUT) and row.stocked_out_products:
                return translate("ConsolidatedModel", "En rupture en fin de mois : {0}").format(
                    ", ".join(row.stocked_out_products)
                )
            if column == SEQUENCE:
                return translate("ConsolidatedModel", "Réquisition : {0}").format(
                    period_text(row.period)
                )
            return None
        area = node.area
        assert area is not None
        if column in (NAME, STATUS):
            correct = area.facilities - area.facilities_stocked_out - area.facilities_below_min
            return translate(
                "ConsolidatedModel", "{0} : {1} en rupture, {2} sous le minimum, {3} correct(s)"
            ).format(
                facilities_text(area.facilities),
                area.facilities_stocked_out,
                area.facilities_below_min,
                correct,
            )
        if column in (RUTF_USABLE, RUTF_MOS) and area.rutf_facilities:
            return translate(
                "ConsolidatedModel", "{0} établissement(s) avec ATPE ; CMM totale {1} sachets"
            ).format(area.rutf_facilities, self._number(area.rutf_amc))
        return None


@dataclass(frozen=True, slots=True)
class Figures:
    """The counts a row shows, whether a facility's or an area's."""

    products: int
    stocked_out: int
    with_stockout_days: int
    stockout_days: int
    below_min: int
    below_eop: int
    # RUTF: usable sachets, months of stock, requested sachets, requested cartons
    rutf: tuple[int, Decimal | None, int, int] | None


def figures(node: Node) -> Figures:
    if node.facility is not None:
        row = node.facility
        r = row.rutf
        return Figures(
            row.products,
            row.stocked_out,
            row.with_stockout_days,
            row.stockout_days,
            row.below_min,
            row.below_eop,
            (r.usable_stock, r.months_of_stock, r.requested, r.requested_packs) if r else None,
        )
    area = node.area
    assert area is not None
    return Figures(
        area.products,
        area.stocked_out,
        area.with_stockout_days,
        area.stockout_days,
        area.below_min,
        area.below_eop,
        (
            area.rutf_usable_stock,
            area.rutf_months_of_stock,
            area.rutf_requested,
            area.rutf_requested_packs,
        )
        if area.rutf_facilities
        else None,
    )


# --- the import results ---------------------------------------------------------------------


OUTCOME_TEXTS = {
    ImportOutcome.IMPORTED: QT_TRANSLATE_NOOP("ConsolidatedImportModel", "✔ importée"),
    ImportOutcome.REPLACED: QT_TRANSLATE_NOOP(
        "ConsolidatedImportModel", "✔ remplace la version précédente"
    ),
    ImportOutcome.DUPLICATE: QT_TRANSLATE_NOOP("ConsolidatedImportModel", "= déjà importée"),
    ImportOutcome.OLDER: QT_TRANSLATE_NOOP("ConsolidatedImportModel", "= plus ancienne"),
    ImportOutcome.REFUSED: QT_TRANSLATE_NOOP("ConsolidatedImportModel", "✖ refusée"),
}
NOT_PROCESSED = QT_TRANSLATE_NOOP("ConsolidatedImportModel", "non traité (import arrêté)")

REFUSED_BACKGROUND = QColor("#f6c6c6")
FLAGGED_BACKGROUND = QColor("#fff1b8")


def problem_text(problem: Problem) -> str:
    """Where in the file and what, without the file's name (it has its own column)."""
    where = problem_place(problem)
    return (", ".join(where) + " : " if where else "") + problem.message


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One file of an import: what happened to it (None: not reached before the user
    stopped the import)."""

    file: str
    outcome: ImportOutcome | None
    facility: str = ""
    period: date | None = None
    sequence: int | None = None
    errors: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    message: str = ""
    added: tuple[str, ...] = ()  # what the file added to the database

    @classmethod
    def of(cls, result: FileImport) -> ImportRow:
        req = result.requisition
        facility = ""
        if req is not None:
            facility = f"{req.facility_name} ({req.facility_code})" if req.facility_name else ""
            facility = facility or req.facility_code
        added = []
        if result.created_facility and req is not None:
            added.append(
                translate(
                    "ConsolidatedImportModel", "Établissement ajouté à la base : {0}, district {1}."
                ).format(facility, req.district or "?")
            )
        if result.created_products:
            added.append(added_products_text(result.created_products))
        return cls(
            file=result.file,
            outcome=result.outcome,
            facility=facility,
            period=req.period if req is not None else None,
            sequence=req.sequence if req is not None else None,
            errors=tuple(problem_text(p) for p in result.errors),
            flags=tuple(problem_text(p) for p in result.flags),
            message=result.message,
            added=tuple(added),
        )

    def details(self) -> list[str]:
        lines = list(self.errors)
        if self.message:
            lines.append(self.message)
        lines.extend("⚑ " + flag for flag in self.flags)
        lines.extend(self.added)
        return lines


MAX_DETAIL_LINES = 4

(FILE, FACILITY, PERIOD, NUMBER, OUTCOME, DETAILS) = range(6)


RESULT_TOOLTIPS = {
    DETAILS: QT_TRANSLATE_NOOP(
        "ConsolidatedImportModel",
        "Pourquoi un fichier est refusé (rien n'en est importé), et les signalements "
        "(⚑) importés avec la réquisition : à vérifier avec l'établissement",
    )
}


class ConsolidatedImportModel(RowsModel[ImportRow]):
    """One row per file of the last import, in the order the files were read."""

    CONTEXT = "ConsolidatedImportModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ConsolidatedImportModel", "Fichier"),
        QT_TRANSLATE_NOOP("ConsolidatedImportModel", "Établissement"),
        QT_TRANSLATE_NOOP("ConsolidatedImportModel", "Mois"),
        QT_TRANSLATE_NOOP("ConsolidatedImportModel", "N°"),
        QT_TRANSLATE_NOOP("ConsolidatedImportModel", "Résultat"),
        QT_TRANSLATE_NOOP("ConsolidatedImportModel", "Raison, remarques et signalements"),
    )
    TOOLTIPS = RESULT_TOOLTIPS

    def rows(self) -> list[ImportRow]:
        return self.items()

    def item_data(self, row: ImportRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DETAILS:
                return "\n".join(row.details()) or None
            if column == FILE:
                return row.file
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.outcome is ImportOutcome.REFUSED:
                return REFUSED_BACKGROUND
            if row.flags:
                return FLAGGED_BACKGROUND
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.outcome is ImportOutcome.REFUSED or row.flags:
                return QColor("#000000")
            if row.outcome is None:
                return QColor("#707070")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _text(self, row: ImportRow, column: int) -> str:
        if column == FILE:
            return row.file
        if column == FACILITY:
            return row.facility
        if column == PERIOD:
            return period_text(row.period) if row.period else ""
        if column == NUMBER:
            return str(row.sequence) if row.sequence is not None else ""
        if column == OUTCOME:
            if row.outcome is None:
                return translate("ConsolidatedImportModel", NOT_PROCESSED)
            return translate("ConsolidatedImportModel", OUTCOME_TEXTS[row.outcome])
        if column == DETAILS:
            lines = row.details()
            if len(lines) > MAX_DETAIL_LINES:
                more = len(lines) - MAX_DETAIL_LINES + 1
                rest = translate(
                    "ConsolidatedImportModel", "… et {0} autre(s) (survolez pour tout voir)"
                ).format(more)
                lines = [*lines[: MAX_DETAIL_LINES - 1], rest]
            return "\n".join(lines)
        return ""
