"""The consolidated view of many facilities' requisitions as one workbook: a summary by region
and district, one row per facility, one row per product. Text goes through text_cell (never a
formula); numbers stay numbers so that officers can sum and filter them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.consolidation import (
    AreaLevel,
    AreaTotals,
    Consolidation,
    FacilityStatus,
    months_label_fr,
)
from core.exchange.cells import text_cell
from core.exchange.sheets import print_styles, save_workbook, set_up_printing
from core.facilities import FacilityType
from core.requisition import period_label_fr

SUMMARY_SHEET = "Synthèse"
FACILITIES_SHEET = "Établissements"
PRODUCTS_SHEET = "Produits"
DEFAULT_TITLE = "Synthèse des réquisitions (R&R) des établissements"
NO_REGION = "(région non renseignée)"
NO_DISTRICT = "(district non renseigné)"
HEADER_ROW = 4  # rows 1–3: title, months covered, stock parameters

_INTEGER = "#,##0"
_MONTHS = "0.0"
_PERIOD = "[$-40C]mmmm yyyy"  # month names in French whatever the computer's language
_MAX_WIDTH = 48

Value = str | int | Decimal | date | None


@dataclass(frozen=True)
class _Column:
    header: str
    value: Callable[[Any], Value]
    number_format: str = _INTEGER


def _mos(value: Decimal | None) -> Value:
    """Months of stock: a number, or "–" when there is no consumption (never infinity)."""
    return "–" if value is None else value


def _packaging(pack_unit: str, pack_size: int) -> str:
    if pack_size > 1:
        return f"{pack_unit or 'cond.'} de {pack_size}"
    return pack_unit


def _type(code: str) -> str:
    try:
        return FacilityType(code).label_fr.split(" (")[0]
    except ValueError:
        return code


def _area_name(row: AreaTotals) -> tuple[str, str]:
    if row.level is AreaLevel.TOTAL:
        return "Total général", ""
    region = row.region or NO_REGION
    if row.level is AreaLevel.REGION:
        return f"Total {region}", ""
    return region, row.district or NO_DISTRICT


_SUMMARY_COLUMNS = (
    _Column("Région", lambda r: _area_name(r)[0]),
    _Column("District sanitaire", lambda r: _area_name(r)[1]),
    _Column("Établissements", lambda r: r.facilities),
    _Column("Établissements en rupture", lambda r: r.facilities_stocked_out),
    _Column("Établissements sous le minimum", lambda r: r.facilities_below_min),
    _Column("Produits (lignes)", lambda r: r.products),
    _Column("Produits en rupture en fin de mois", lambda r: r.stocked_out),
    _Column("Produits avec jours de rupture", lambda r: r.with_stockout_days),
    _Column("Jours de rupture (total)", lambda r: r.stockout_days),
    _Column("Produits sous le minimum", lambda r: r.below_min),
    _Column("Produits sous le point de commande d'urgence", lambda r: r.below_eop),
    _Column("Produits en surstock", lambda r: r.overstocked),
    _Column("Établissements avec ATPE", lambda r: r.rutf_facilities),
    _Column("ATPE : SDU (sachets)", lambda r: r.rutf_usable_stock),
    _Column("ATPE : CMM (sachets)", lambda r: r.rutf_amc),
    _Column("ATPE : MSD (mois)", lambda r: _mos(r.rutf_months_of_stock), _MONTHS),
    _Column("ATPE demandé (sachets)", lambda r: r.rutf_requested),
    _Column("ATPE demandé (cartons)", lambda r: r.rutf_requested_packs),
)


def _rutf(field: str) -> Callable[[FacilityStatus], Value]:
    def value(row: FacilityStatus) -> Value:
        if row.rutf is None:
            return None  # no RUTF line: an empty cell, not a zero
        if field == "months_of_stock":
            return _mos(row.rutf.months_of_stock)
        number: int = getattr(row.rutf, field)
        return number

    return value


_FACILITY_COLUMNS = (
    _Column("Région", lambda r: r.region or NO_REGION),
    _Column("District sanitaire", lambda r: r.district or NO_DISTRICT),
    _Column("Code", lambda r: r.facility_code),
    _Column("Établissement", lambda r: r.facility_name),
    _Column("Type", lambda r: _type(r.facility_type)),
    _Column("Période", lambda r: r.period, _PERIOD),
    _Column("N° R&R", lambda r: r.sequence if r.sequence is not None else "brouillon"),
    _Column("Statut du stock", lambda r: r.status_label_fr),
    _Column("Produits", lambda r: r.products),
    _Column("Produits en rupture en fin de mois", lambda r: r.stocked_out),
    _Column("Codes des produits en rupture", lambda r: ", ".join(r.stocked_out_products)),
    _Column("Produits avec jours de rupture", lambda r: r.with_stockout_days),
    _Column("Jours de rupture (total)", lambda r: r.stockout_days),
    _Column("Produits sous le minimum", lambda r: r.below_min),
    _Column("Produits sous le point de commande d'urgence", lambda r: r.below_eop),
    _Column("Produits en surstock", lambda r: r.overstocked),
    _Column("MSD médian (mois)", lambda r: _mos(r.median_months_of_stock), _MONTHS),
    _Column("ATPE : SDU (sachets)", _rutf("usable_stock")),
    _Column("ATPE : CMM (sachets)", _rutf("amc")),
    _Column("ATPE : MSD (mois)", _rutf("months_of_stock"), _MONTHS),
    _Column("ATPE demandé (sachets)", _rutf("requested")),
    _Column("ATPE demandé (cartons)", _rutf("requested_packs")),
)

_PRODUCT_COLUMNS = (
    _Column("Code", lambda p: p.product_code),
    _Column("Produit", lambda p: p.product_name),
    _Column("Unité", lambda p: p.base_unit),
    _Column("Conditionnement", lambda p: _packaging(p.pack_unit, p.pack_size)),
    _Column("Établissements", lambda p: p.facilities),
    _Column("Établissements en rupture", lambda p: p.facilities_stocked_out),
    _Column("SDU totale (unités)", lambda p: p.usable_stock),
    _Column("CMM totale (unités)", lambda p: p.amc),
    _Column("MSD (mois)", lambda p: _mos(p.months_of_stock), _MONTHS),
    _Column("Quantité demandée (unités)", lambda p: p.requested),
    _Column("Quantité demandée (cond.)", lambda p: p.requested_packs),
    _Column("À commander au niveau supérieur (unités)", lambda p: p.requested_above),
    _Column("À commander au niveau supérieur (cond.)", lambda p: p.requested_above_packs),
)


def write_consolidated_workbook(
    consolidation: Consolidation, path: Path | str, title: str = DEFAULT_TITLE
) -> Path:
    """Write the three sheets (Synthèse, Établissements, Produits) and return the path."""
    c = consolidation
    periods = ", ".join(period_label_fr(p) for p in c.periods) or "aucune réquisition"
    subtitle = f"Mois : {periods} – {c.total.facilities} établissement(s)"
    parameters = (
        f"Stock minimum {months_label_fr(c.min_months)} mois, point de commande d'urgence "
        f"{months_label_fr(c.eop_months)} mois, stock maximum "
        f"{months_label_fr(c.max_months)} mois. "
        "MSD = SDU ÷ CMM ; « – » : pas de consommation."
    )
    rows = list(c.summary_rows())
    bold_rows = {i for i, r in enumerate(rows) if r.level is not AreaLevel.DISTRICT}

    def table(
        columns: Sequence[_Column], items: Sequence[Any], bold: set[int], first_scrolling: int
    ) -> Callable[[Any], None]:
        def fill(sheet: Any) -> None:
            _write_table(sheet, title, subtitle, parameters, columns, items, bold, first_scrolling)

        return fill

    def summary(sheet: Any) -> None:
        table(_SUMMARY_COLUMNS, rows, bold_rows, 3)(sheet)
        if c.notes:
            row = HEADER_ROW + len(rows) + 2
            text_cell(sheet, row, 1, "Remarques").font = _font(bold=True)
            for offset, note in enumerate(c.notes, start=1):
                text_cell(sheet, row + offset, 1, note).font = _font()

    return save_workbook(
        path,
        (
            (SUMMARY_SHEET, summary),
            (FACILITIES_SHEET, table(_FACILITY_COLUMNS, list(c.facilities), set(), 5)),
            (PRODUCTS_SHEET, table(_PRODUCT_COLUMNS, list(c.products), set(), 3)),
        ),
    )


def _font(bold: bool = False, size: int = 10) -> Any:
    from openpyxl.styles import Font

    return Font(bold=bold, size=size)


def _shown(value: Value, number_format: str) -> str:
    """About what the cell shows, to size its column."""
    if value is None:
        return ""
    if isinstance(value, date):
        return "septembre 2026"
    if isinstance(value, Decimal):
        return f"{value:.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return value


def _write_table(
    sheet: Any,
    title: str,
    subtitle: str,
    parameters: str,
    columns: Sequence[_Column],
    rows: Sequence[Any],
    bold_rows: set[int],
    first_scrolling_column: int,
) -> None:
    """Title rows, a header row and one row per item; the header row and the columns that
    name a row (region, facility, product) stay in view while scrolling."""
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    styles = print_styles()
    light = PatternFill("solid", fgColor="F2F2F2")
    last_letter = get_column_letter(len(columns))

    text_cell(sheet, 1, 1, title).font = _font(bold=True, size=13)
    text_cell(sheet, 2, 1, subtitle).font = _font()
    text_cell(sheet, 3, 1, parameters).font = _font(size=9)

    widths = [0.0] * len(columns)
    for index, column in enumerate(columns, start=1):
        cell = text_cell(sheet, HEADER_ROW, index, column.header)
        cell.font = _font(bold=True, size=9)
        cell.fill = styles.grey
        cell.border = styles.box
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        # A long header wraps on two or three lines; its longest word must fit.
        widths[index - 1] = max(
            max(len(word) for word in column.header.split()), len(column.header) / 3
        )
    sheet.row_dimensions[HEADER_ROW].height = 40

    for number, item in enumerate(rows):
        row = HEADER_ROW + 1 + number
        bold = number in bold_rows
        for index, column in enumerate(columns, start=1):
            value = column.value(item)
            if isinstance(value, str):
                cell = text_cell(sheet, row, index, value)
                if value == "–":
                    cell.alignment = Alignment(horizontal="right")
            else:
                cell = sheet.cell(row=row, column=index)
                cell.value = float(value) if isinstance(value, Decimal) else value
                if value is not None:
                    cell.number_format = column.number_format
            cell.font = _font(bold=bold)
            cell.border = styles.box
            if bold:
                cell.fill = light
            widths[index - 1] = max(widths[index - 1], len(_shown(value, column.number_format)))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, _MAX_WIDTH)

    last_row = HEADER_ROW + max(len(rows), 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_letter}{last_row}"
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=first_scrolling_column)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    set_up_printing(sheet, "landscape", (0.3, 0.4), footer=title)
