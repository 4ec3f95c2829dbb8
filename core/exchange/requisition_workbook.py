"""The R&R as an Excel workbook: a printable French sheet like the paper form, and a
machine-readable sheet with the facility, period, sequence number, creation time, record UUIDs,
every line's values and a SHA-256 checksum over them, so that the importing side can detect
hand edits, duplicates and replays. Text goes through text_cell: no cell is ever a formula.

Drafts may be exported: the printed sheet then says BROUILLON in its title and on every line of
the signature boxes, and the data sheet has status "draft" and no sequence number (the district
import of issue 5 refuses drafts)."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.exchange.cells import (
    UnreadableWorkbook,
    cell_int,
    cell_text,
    read_sheet,
    text_cell,
)
from core.exchange.movements import MAX_UNCOMPRESSED_BYTES, Problem
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

log = logging.getLogger(__name__)

FORMAT = "sahelstock-requisition"
FORMAT_VERSION = 2
PRINT_SHEET = "R&R"
DATA_SHEET = "Données"

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
CHECKSUM_KEY = "checksum_sha256"
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


def checksum(data: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the data (keys sorted, no spaces, UTF-8)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def _wrapped_lines(text: str, width: float) -> int:
    """About how many lines a 9-point text takes in a column of that width (words wrap)."""
    per_line = max(int(width * 1.3), 1)
    count = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > per_line:
                lines += 1 + (len(word) - 1) // per_line
                used = len(word) % per_line
            else:
                used += len(word) + (1 if used else 0)
        count += lines
    return max(count, 1)


def _type_label(code: str) -> str:
    try:
        return FacilityType(code).label_fr
    except ValueError:
        return code


def write_requisition_workbook(requisition: Requisition, path: Path | str) -> Path:
    """Write the workbook (printable sheet first, data sheet second) and return its path."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = PRINT_SHEET
    _write_print_sheet(sheet, requisition)
    _write_data_sheet(workbook.create_sheet(DATA_SHEET), requisition)
    target = Path(path)
    workbook.save(target)
    return target


def _write_print_sheet(sheet: Any, req: Requisition) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    small = Font(size=9)
    bold = Font(size=9, bold=True)
    grey = PatternFill("solid", fgColor="D9D9D9")
    wrap_center = Alignment(wrap_text=True, horizontal="center", vertical="center")
    wrap_left = Alignment(wrap_text=True, vertical="top")
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
    for column, (header, width) in enumerate(_PRINT_COLUMNS, start=1):
        cell = text_cell(sheet, header_row, column, header)
        cell.font = Font(size=8, bold=True)
        cell.alignment = wrap_center
        cell.fill = grey
        cell.border = box
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[header_row].height = 52

    row = header_row
    for n, line in enumerate(req.lines, start=1):
        row += 1
        r = line.report
        values: list[int | str] = [
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
        for column, item in enumerate(values, start=1):
            if isinstance(item, str):
                cell = text_cell(sheet, row, column, item)
                cell.alignment = wrap_left
            else:
                cell = sheet.cell(row=row, column=column, value=item)
                cell.number_format = "#,##0"
                cell.alignment = Alignment(vertical="top")
            cell.font = bold if column in (18, 19) else small
            cell.border = box
        sheet.row_dimensions[row].height = 11.5 * max(
            _wrapped_lines(str(values[column - 1]), _PRINT_COLUMNS[column - 1][1])
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
    cell.alignment = wrap_left
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    sheet.row_dimensions[row].height = 24

    row += 2
    boxes = (
        ("Établi par (gérant du dépôt)", req.entered_by if not draft else ""),
        ("Approuvé par (directeur / DTC)", req.approved_by),
        ("Reçu et vérifié par (district)", ""),
    )
    spans = ((1, 4), (6, 12), (14, last))
    for (heading, name), (first, stop) in zip(boxes, spans, strict=True):
        lines = (
            heading,
            f"Nom : {name}" if name else "Nom :",
            "Date :",
            "Signature et cachet :" if not draft else "BROUILLON : ne pas signer",
        )
        for offset, text in enumerate(lines):
            cell = text_cell(sheet, row + offset, first, text)
            cell.font = bold if offset == 0 else small
            cell.alignment = Alignment(vertical="top")
            sheet.merge_cells(
                start_row=row + offset, start_column=first, end_row=row + offset, end_column=stop
            )
            for column in range(first, stop + 1):
                sheet.cell(row=row + offset, column=column).border = Border(
                    left=thin if column == first else None,
                    right=thin if column == stop else None,
                    top=thin if offset == 0 else None,
                    bottom=thin if offset == len(lines) - 1 else None,
                )
    sheet.row_dimensions[row + 3].height = 40

    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{last_letter}{row + 3}"
    sheet.freeze_panes = sheet.cell(row=_FIRST_LINE_ROW, column=4)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.3
    sheet.page_margins.top = sheet.page_margins.bottom = 0.4
    sheet.oddFooter.left.text = f"R&&R {req.facility_code} {req.period:%Y-%m}"  # && prints &
    sheet.oddFooter.right.text = "Page &P / &N"


def _write_data_sheet(sheet: Any, req: Requisition) -> None:
    data = requisition_data(req)
    row = 0
    for key in HEADER_KEYS:
        row += 1
        text_cell(sheet, row, 1, key)
        _value_cell(sheet, row, 2, data[key])
    row += 1
    text_cell(sheet, row, 1, CHECKSUM_KEY)
    text_cell(sheet, row, 2, checksum(data))
    row += 2
    for column, name in enumerate(LINE_COLUMNS, start=1):
        text_cell(sheet, row, column, name)
    for line in data["lines"]:
        row += 1
        for column, name in enumerate(LINE_COLUMNS, start=1):
            _value_cell(sheet, row, column, line[name])
    sheet.column_dimensions["A"].width = 38
    sheet.column_dimensions["B"].width = 40
    # Not meant for paper; printed anyway (LibreOffice prints every sheet), it stays tidy.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _value_cell(sheet: Any, row: int, column: int, value: Any) -> None:
    if isinstance(value, str):
        text_cell(sheet, row, column, value)
    else:
        sheet.cell(row=row, column=column, value=value)


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
    try:
        rows = read_sheet(path, DATA_SHEET, MAX_UNCOMPRESSED_BYTES, "une réquisition")
    except UnreadableWorkbook as exc:
        log.warning("Cannot read %s: %s", path, exc)
        return RequisitionFile(path.name, problems=[Problem(path.name, "", None, None, str(exc))])
    return _parse(path.name, rows)


_HEADER_NUMBERS = ("format_version", "version", "line_count")


def _parse(file: str, rows: list[list[Any]]) -> RequisitionFile:
    problems: list[Problem] = []

    def problem(row: int | None, column: str | None, message: str) -> None:
        problems.append(Problem(file, DATA_SHEET, row, column, message))

    header: dict[str, Any] = {}
    stored = ""
    checksum_row: int | None = None
    index = 0
    while index < len(rows) and rows[index] and cell_text(rows[index][0]):
        key = cell_text(rows[index][0])
        value = rows[index][1] if len(rows[index]) > 1 else None
        if key == CHECKSUM_KEY:
            stored = cell_text(value)
            checksum_row = index + 1
        elif key in HEADER_KEYS:
            if key in _HEADER_NUMBERS:
                number = cell_int(value)
                if number is None:
                    problem(index + 1, "B", f"« {key} » : un nombre entier est attendu.")
                header[key] = number
            elif key in ("sequence", "admissions"):
                header[key] = cell_int(value) if cell_text(value) else ""
                if header[key] is None:
                    problem(index + 1, "B", f"« {key} » : un nombre entier ou rien est attendu.")
            else:
                header[key] = cell_text(value)
        index += 1
    missing = [k for k in HEADER_KEYS if k not in header]
    if missing or header.get("format") != FORMAT:
        problem(
            None,
            None,
            "la feuille ne commence pas par l'en-tête d'une réquisition SahelStock"
            + (f" (manque : {', '.join(missing)})" if missing else "")
            + ".",
        )
        return RequisitionFile(file, stored_checksum=stored, problems=problems)
    while index < len(rows) and not any(cell_text(c) for c in rows[index]):
        index += 1
    lines_data: list[dict[str, Any]] = []
    line_rows: list[int] = []
    if index < len(rows):
        names = [cell_text(c) for c in rows[index]]
        if names[: len(LINE_COLUMNS)] != list(LINE_COLUMNS):
            problem(index + 1, None, "les colonnes des lignes ne sont pas celles attendues.")
            return RequisitionFile(file, stored_checksum=stored, problems=problems)
        for number in range(index + 1, len(rows)):
            cells = rows[number] + [None] * len(LINE_COLUMNS)
            if not any(cell_text(c) for c in cells):
                continue
            line: dict[str, Any] = {}
            for column, name in enumerate(LINE_COLUMNS):
                value = cells[column]
                if name in LINE_NUMBERS:
                    parsed = cell_int(value)
                    if parsed is None:
                        from openpyxl.utils import get_column_letter

                        problem(
                            number + 1,
                            get_column_letter(column + 1),
                            f"« {name} » : un nombre entier est attendu.",
                        )
                    line[name] = parsed
                else:
                    line[name] = cell_text(value)
            lines_data.append(line)
            line_rows.append(number + 1)
    data = {k: header[k] for k in HEADER_KEYS}
    data["lines"] = lines_data
    computed = checksum(data)
    if header["line_count"] != len(lines_data):
        problem(
            None,
            None,
            f"l'en-tête annonce {header['line_count']} ligne(s), la feuille en a "
            f"{len(lines_data)}.",
        )
    if problems:
        return RequisitionFile(file, None, stored, computed, problems)
    try:
        requisition = _requisition(data)
    except ValueError as exc:
        problem(None, None, f"valeur illisible : {exc}.")
        return RequisitionFile(file, None, stored, computed, problems)
    return RequisitionFile(
        file, requisition, stored, computed, problems, tuple(line_rows), checksum_row
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
