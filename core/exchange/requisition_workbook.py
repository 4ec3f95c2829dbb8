"""The R&R as an Excel workbook: a printable French sheet like the paper form, and a
machine-readable sheet with the facility, period, sequence number, creation time, record UUIDs,
every line's values and a SHA-256 checksum over them, so that the importing side can detect
hand edits, duplicates and replays. Text goes through text_cell: no cell is ever a formula.

Drafts may be exported: the printed sheet then says BROUILLON in its title and on every line of
the signature boxes, and the data sheet has status "draft" and no sequence number (the district
import refuses drafts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.exchange import sheets
from core.exchange.cells import text_cell
from core.exchange.movements import Problem
from core.exchange.sheets import (
    DataSheetLayout,
    DataSheetReader,
    DataTable,
    header_cells,
    print_styles,
    read_data_rows,
    read_optional_number,
    read_whole_number,
    save_workbook,
    set_up_printing,
    set_widths,
    signature_boxes,
    value_cells,
    wrapped_lines,
    write_data_sheet,
)
from core.facilities import FacilityType
from core.monthly import MonthlyStockReport
from core.requisition import (
    STATUS_LABELS_FR,
    Requisition,
    RequisitionLine,
    RequisitionStatus,
    period_label_fr,
)
from core.stock import month_end

FORMAT = "sahelstock-requisition"
FORMAT_VERSION = 2
PRINT_SHEET = "R&R"
# The data sheet, its checksum row and the checksum are those of every SahelStock workbook.
DATA_SHEET = sheets.DATA_SHEET
CHECKSUM_KEY = sheets.CHECKSUM_KEY
checksum = sheets.checksum

# The data sheet: header keys (column A: key, column B: value), in this order.
HEADER_KEYS = (
    "format",
    "format_version",
    "facility_code",
    "facility_name",
    "facility_type",
    "region",
    "district",
    "supplier_code",
    "period",
    "status",
    "sequence",
    "version",
    "record_uuid",
    "created_at",
    "approved_by",
    "admissions",
    "line_count",
)
LINE_TEXT = (
    "record_uuid",
    "product_code",
    "product_name",
    "base_unit",
    "pack_unit",
)
LINE_NUMBERS = (
    "pack_size",
    "beginning_balance",
    "received",
    "consumed",
    "adjustments",
    "stock_on_hand",
    "usable_stock",
    "stockout_days",
    "adjusted_consumption",
    "amc",
    "max_quantity",
    "on_order",
    "downstream",
    "calculated",
    "calculated_packs",
    "requested",
    "requested_packs",
)
LINE_TRAILING_TEXT = ("justification", "remarks")
LINE_COLUMNS = LINE_TEXT + LINE_NUMBERS + LINE_TRAILING_TEXT

_LAYOUT = DataSheetLayout(
    format=FORMAT,
    header_keys=HEADER_KEYS,
    header_readers={
        "format_version": read_whole_number,
        "version": read_whole_number,
        "line_count": read_whole_number,
        "sequence": read_optional_number,
        "admissions": read_optional_number,
    },
    tables=(DataTable("lines", LINE_COLUMNS, dict.fromkeys(LINE_NUMBERS, read_whole_number)),),
    what="une réquisition",
    wrong_columns="les colonnes des lignes ne sont pas celles attendues.",
    key_width=38,
)


# --- the data and its checksum --------------------------------------------------------------


def _line_data(line: RequisitionLine) -> dict[str, Any]:
    r = line.report
    return {
        "record_uuid": line.record_uuid,
        "product_code": r.product_code,
        "product_name": line.product_name,
        "base_unit": line.base_unit,
        "pack_unit": line.pack_unit,
        "pack_size": line.pack_size,
        "beginning_balance": r.beginning_balance,
        "received": r.received,
        "consumed": r.consumed,
        "adjustments": r.adjustments,
        "stock_on_hand": r.stock_on_hand,
        "usable_stock": line.usable_stock,
        "stockout_days": r.stockout_days,
        "adjusted_consumption": line.adjusted_consumption,
        "amc": line.amc,
        "max_quantity": line.max_quantity,
        "on_order": line.on_order,
        "downstream": line.downstream,
        "calculated": line.calculated,
        "calculated_packs": line.calculated_packs,
        "requested": line.requested,
        "requested_packs": line.requested_packs,
        "justification": line.justification,
        "remarks": line.remarks,
    }


def requisition_data(requisition: Requisition) -> dict[str, Any]:
    """Everything the data sheet holds but the checksum, as JSON-ready values."""
    created = requisition.created_at
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "facility_code": requisition.facility_code,
        "facility_name": requisition.facility_name,
        "facility_type": requisition.facility_type,
        "region": requisition.region,
        "district": requisition.district,
        "supplier_code": requisition.supplier_code,
        "period": f"{requisition.period:%Y-%m}",
        "status": requisition.status.value,
        "sequence": requisition.sequence if requisition.sequence is not None else "",
        "version": requisition.version,
        "record_uuid": requisition.record_uuid,
        "created_at": created.isoformat(timespec="seconds") if created else "",
        "approved_by": requisition.approved_by,
        "admissions": requisition.admissions if requisition.admissions is not None else "",
        "line_count": len(requisition.lines),
        "lines": [_line_data(line) for line in requisition.lines],
    }


# --- writing ----------------------------------------------------------------------------------

# Printed columns: (header, width).
_PRINT_COLUMNS = (
    ("N°", 3.5),
    ("Code", 10),
    ("Désignation", 24),
    ("Unité / condition-nement", 11),
    ("A\nStock initial", 6.8),
    ("B\nQuantité reçue", 6.8),
    ("C\nQuantité consom-mée", 6.8),
    ("D\nPertes et ajuste-ments (±)", 6.8),
    ("E\nStock final", 6.8),
    ("SDU\n(stock utili-sable)", 6.8),
    ("Jours de rupture", 6.3),
    ("Consom-mation ajustée", 6.8),
    ("CMM", 6.8),
    ("Stock maxi-mum", 6.8),
    ("Quantité en com-mande", 6.8),
    ("Quantité calculée (unités)", 7.5),
    ("Quantité calculée (cond.)", 7.5),
    ("Quantité demandée (unités)", 7.5),
    ("Quantité demandée (cond.)", 7.5),
    ("Justification / observations", 24),
)
_FIRST_LINE_ROW = 7


def _packaging(line: RequisitionLine) -> str:
    if line.pack_size > 1:
        return f"{line.base_unit}\n{line.pack_unit or 'cond.'} de {line.pack_size}"
    return line.base_unit


def _notes(line: RequisitionLine) -> str:
    parts = []
    if line.downstream:
        parts.append(f"Dont {line.downstream} approuvé(s) pour les établissements servis")
    if line.justification:
        parts.append(f"Justification : {line.justification}")
    if line.remarks:
        parts.append(f"Obs. : {line.remarks}")
    return " – ".join(parts)


def _type_label(code: str) -> str:
    try:
        return FacilityType(code).label_fr
    except ValueError:
        return code


def write_requisition_workbook(requisition: Requisition, path: Path | str) -> Path:
    """Write the workbook (printable sheet first, data sheet second) and return its path."""
    return save_workbook(
        path,
        (
            (PRINT_SHEET, lambda sheet: _write_print_sheet(sheet, requisition)),
            (
                DATA_SHEET,
                lambda sheet: write_data_sheet(sheet, _LAYOUT, requisition_data(requisition)),
            ),
        ),
    )


def _write_print_sheet(sheet: Any, req: Requisition) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    styles = print_styles()
    last = len(_PRINT_COLUMNS)
    last_letter = get_column_letter(last)
    draft = req.is_draft

    title = "RAPPORT ET RÉQUISITION (R&R) DE PRODUITS DE SANTÉ"
    if draft:
        title += " — BROUILLON, NON APPROUVÉ"
    cell = text_cell(sheet, 1, 1, title)
    cell.font = Font(size=13, bold=True, color="C00000" if draft else "000000")
    cell.alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last_letter}1")

    end = month_end(req.period)
    period = f"{period_label_fr(req.period)} (du {req.period:%d/%m/%Y} au {end:%d/%m/%Y})"
    number = str(req.sequence) if req.sequence is not None else "— (brouillon)"
    created = f"{req.created_at:%d/%m/%Y %H:%M}" if req.created_at else ""
    facts = (
        (
            f"Établissement : {req.facility_name} ({req.facility_code})",
            f"Type : {_type_label(req.facility_type)}",
            f"Période : {period}",
        ),
        (
            f"District sanitaire : {req.district}",
            f"Région : {req.region}",
            f"N° de réquisition : {number}",
        ),
        (
            f"Fournisseur : {req.supplier_code or '—'}",
            f"Établie le : {created}",
            f"Statut : {STATUS_LABELS_FR[req.status]}",
        ),
    )
    # Three facts a row, each in a merged cell: columns A–D, E–L, M–T.
    spans = ((1, 4), (5, 12), (13, last))
    for row, triple in enumerate(facts, start=2):
        for text, (first, stop) in zip(triple, spans, strict=True):
            text_cell(sheet, row, first, text).font = Font(size=10)
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=stop)

    header_row = _FIRST_LINE_ROW - 1
    header_cells(sheet, header_row, [header for header, _ in _PRINT_COLUMNS], styles)
    set_widths(sheet, [width for _, width in _PRINT_COLUMNS])
    sheet.row_dimensions[header_row].height = 52

    row = header_row
    for n, line in enumerate(req.lines, start=1):
        row += 1
        r = line.report
        values: list[int | str | None] = [
            n,
            r.product_code,
            line.product_name,
            _packaging(line),
            r.beginning_balance,
            r.received,
            r.consumed,
            r.adjustments,
            r.stock_on_hand,
            line.usable_stock,
            r.stockout_days,
            line.adjusted_consumption,
            line.amc,
            line.max_quantity,
            line.on_order,
            line.calculated,
            line.calculated_packs,
            line.requested,
            line.requested_packs,
            _notes(line),
        ]
        value_cells(sheet, row, values, styles, bold_columns=(18, 19))
        # Designation, packaging and notes wrap; 9-point text, about 1.3 characters a unit.
        sheet.row_dimensions[row].height = 11.5 * max(
            wrapped_lines(str(values[column - 1]), _PRINT_COLUMNS[column - 1][1], 1.3)
            for column in (3, 4, 20)
        )

    row += 1
    note = (
        "E = A + B + D − C. SDU : stock final sans les lots périmés. CMM : moyenne des "
        "consommations ajustées des derniers mois (jours de rupture). Quantité calculée = "
        "stock maximum − SDU − quantité en commande, arrondie au conditionnement supérieur. "
        "Toute quantité demandée différente de la quantité calculée est justifiée."
    )
    cell = text_cell(sheet, row, 1, note)
    cell.font = Font(size=8, italic=True)
    cell.alignment = styles.wrap_left
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    sheet.row_dimensions[row].height = 24

    sign = "Signature et cachet :" if not draft else "BROUILLON : ne pas signer"
    boxes = [
        (heading, f"Nom : {name}" if name else "Nom :", "Date :", sign)
        for heading, name in (
            ("Établi par (gérant du dépôt)", req.entered_by if not draft else ""),
            ("Approuvé par (directeur / DTC)", req.approved_by),
            ("Reçu et vérifié par (district)", ""),
        )
    ]
    end_row = signature_boxes(sheet, row + 2, boxes, ((1, 4), (6, 12), (14, last)), styles)

    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{last_letter}{end_row}"
    sheet.freeze_panes = f"D{_FIRST_LINE_ROW}"  # a coordinate: D7 is merged when there are no lines
    set_up_printing(
        sheet, "landscape", (0.3, 0.4), footer=f"R&R {req.facility_code} {req.period:%Y-%m}"
    )


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequisitionFile:
    """What read_requisition_workbook found: the requisition (None when the file cannot be
    read), the checksum written in the file and the one computed from its data, problems."""

    file: str
    requisition: Requisition | None = None
    stored_checksum: str = ""
    computed_checksum: str = ""
    problems: list[Problem] = field(default_factory=list)
    line_rows: tuple[int, ...] = ()  # the data sheet's row number of each line, 1-based
    checksum_row: int | None = None

    @property
    def checksum_matches(self) -> bool:
        return bool(self.stored_checksum) and self.stored_checksum == self.computed_checksum


def read_requisition_workbook(path: Path | str) -> RequisitionFile:
    """Read a workbook written by write_requisition_workbook (its data sheet only; the
    printed sheet is derived from it). A file that is not a readable .xlsx, or lacks the
    data sheet or a value, gives problems and no requisition; `checksum_matches` says
    whether the data is as written (False: edited by hand, or damaged)."""
    path = Path(path)
    rows = read_data_rows(path, _LAYOUT)
    if isinstance(rows, Problem):
        return RequisitionFile(path.name, problems=[rows])
    return _parse(path.name, rows)


def _parse(file: str, rows: list[list[Any]]) -> RequisitionFile:
    reader = DataSheetReader(file, rows, _LAYOUT)
    header = reader.header()
    stored = header.stored_checksum
    tables = reader.tables(header.end) if header.recognised else None
    if tables is None:
        return RequisitionFile(file, stored_checksum=stored, problems=reader.problems)
    (lines,) = tables
    data = reader.data(header, tables)
    computed = checksum(data)
    if header.values["line_count"] != len(lines):
        reader.problem(
            None,
            None,
            f"l'en-tête annonce {header.values['line_count']} ligne(s), la feuille en a "
            f"{len(lines)}.",
        )
    if reader.problems:
        return RequisitionFile(file, None, stored, computed, reader.problems)
    try:
        requisition = _requisition(data)
    except ValueError as exc:
        reader.problem(None, None, f"valeur illisible : {exc}.")
        return RequisitionFile(file, None, stored, computed, reader.problems)
    line_rows = tuple(row for row, _ in lines)
    return RequisitionFile(
        file, requisition, stored, computed, reader.problems, line_rows, header.checksum_row
    )


def _requisition(data: dict[str, Any]) -> Requisition:
    year, month = (int(x) for x in str(data["period"]).split("-"))
    period = date(year, month, 1)
    created = datetime.fromisoformat(data["created_at"]) if data["created_at"] else None
    lines = tuple(
        RequisitionLine(
            report=MonthlyStockReport(
                site_code=data["facility_code"],
                product_code=d["product_code"],
                year=year,
                month=month,
                beginning_balance=d["beginning_balance"],
                received=d["received"],
                consumed=d["consumed"],
                adjustments=d["adjustments"],
                stock_on_hand=d["stock_on_hand"],
                stockout_days=d["stockout_days"],
                region=data["region"],
                district=data["district"],
            ),
            product_name=d["product_name"],
            base_unit=d["base_unit"],
            pack_unit=d["pack_unit"],
            pack_size=d["pack_size"],
            usable_stock=d["usable_stock"],
            amc=d["amc"],
            max_quantity=d["max_quantity"],
            on_order=d["on_order"],
            downstream=d["downstream"],
            calculated=d["calculated"],
            requested=d["requested"],
            justification=d["justification"],
            remarks=d["remarks"],
            record_uuid=d["record_uuid"],
        )
        for d in data["lines"]
    )
    return Requisition(
        facility_code=data["facility_code"],
        facility_name=data["facility_name"],
        facility_type=data["facility_type"],
        region=data["region"],
        district=data["district"],
        period=period,
        lines=lines,
        status=RequisitionStatus(data["status"]),
        sequence=data["sequence"] if data["sequence"] != "" else None,
        record_uuid=data["record_uuid"],
        version=data["version"],
        created_at=created,
        approved_by=data["approved_by"],
        supplier_code=data["supplier_code"],
        admissions=data["admissions"] if data["admissions"] != "" else None,
    )
