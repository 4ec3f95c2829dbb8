"""The delivery note (bon de livraison) as an Excel workbook: a printable French sheet like the
paper note that travels with the goods, and a machine-readable sheet with the note's header, its
lots and shortfalls and a SHA-256 checksum over them, so that the receiving facility can import
it and detect hand edits. Text goes through text_cell: no cell is ever a formula."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.catalogue import unit_label
from core.delivery import DeliveryLine, DeliveryNote, DeliveryShortfall
from core.exchange.cells import (
    UnreadableWorkbook,
    cell_int,
    cell_text,
    read_sheet,
    text_cell,
)
from core.exchange.movements import MAX_UNCOMPRESSED_BYTES, Problem
from core.exchange.requisition_workbook import checksum
from core.requisition import period_label_fr

log = logging.getLogger(__name__)

FORMAT = "sahelstock-delivery-note"
FORMAT_VERSION = 1
PRINT_SHEET = "Bon de livraison"
DATA_SHEET = "Données"

# The data sheet: header keys (column A: key, column B: value), in this order.
HEADER_KEYS = (
    "format",
    "format_version",
    "number",
    "record_uuid",
    "from_code",
    "from_name",
    "to_code",
    "to_name",
    "region",
    "district",
    "period",
    "requisition_sequence",
    "issued_on",
    "created_at",
    "created_by",
    "line_count",
    "shortfall_count",
)
CHECKSUM_KEY = "checksum_sha256"
LINE_COLUMNS = (
    "product_code",
    "product_name",
    "base_unit",
    "pack_unit",
    "pack_size",
    "lot",
    "expiry",
    "quantity",
)
LINE_NUMBERS = ("pack_size", "quantity")
SHORTFALL_COLUMNS = (
    "product_code",
    "product_name",
    "base_unit",
    "approved",
    "shipped",
)
SHORTFALL_NUMBERS = ("approved", "shipped")


# --- the data and its checksum --------------------------------------------------------------


def _line_data(line: DeliveryLine) -> dict[str, Any]:
    return {
        "product_code": line.product_code,
        "product_name": line.product_name,
        "base_unit": line.base_unit,
        "pack_unit": line.pack_unit,
        "pack_size": line.pack_size,
        "lot": line.lot,
        "expiry": line.expiry.isoformat() if line.expiry else "",
        "quantity": line.quantity,
    }


def _shortfall_data(shortfall: DeliveryShortfall) -> dict[str, Any]:
    return {
        "product_code": shortfall.product_code,
        "product_name": shortfall.product_name,
        "base_unit": shortfall.base_unit,
        "approved": shortfall.approved,
        "shipped": shortfall.shipped,
    }


def delivery_data(note: DeliveryNote) -> dict[str, Any]:
    """Everything the data sheet holds but the checksum, as JSON-ready values."""
    created = note.created_at
    sequence = note.requisition_sequence
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "number": note.number,
        "record_uuid": note.record_uuid,
        "from_code": note.from_code,
        "from_name": note.from_name,
        "to_code": note.to_code,
        "to_name": note.to_name,
        "region": note.region,
        "district": note.district,
        "period": f"{note.period:%Y-%m}",
        "requisition_sequence": sequence if sequence is not None else "",
        "issued_on": note.issued_on.isoformat(),
        "created_at": created.isoformat(timespec="seconds") if created else "",
        "created_by": note.created_by,
        "line_count": len(note.lines),
        "shortfall_count": len(note.shortfalls),
        "lines": [_line_data(line) for line in note.lines],
        "shortfalls": [_shortfall_data(s) for s in note.shortfalls],
    }


# --- writing ----------------------------------------------------------------------------------

# Printed columns: (header, width). Fits A4 portrait at about 90 %.
_PRINT_COLUMNS = (
    ("N°", 4),
    ("Code", 10.5),
    ("Désignation", 28),
    ("Unité", 9),
    ("N° de lot", 11),
    ("Date de péremption", 10.5),
    ("Quantité expédiée (unités)", 9.5),
    ("Soit (conditionnements)", 13),
    ("Quantité reçue", 9),
    ("Observations", 15),
)
_WRAPPED = (3, 8)  # columns whose text may take several lines


def _fr_number(value: int) -> str:
    """12 500 with a narrow no-break space, as French writes it."""
    return f"{value:,}".replace(",", "\u202f")


def packs_text(line: DeliveryLine) -> str:
    """The shipped quantity as a packer counts it: « 2 cartons », « 1 carton + 30 sachets »,
    or in units when the product has no pack of several units or less than one is shipped."""
    units = f"{_fr_number(line.quantity)} {unit_label(line.base_unit, line.quantity)}"
    if line.pack_size <= 1 or line.quantity < line.pack_size:
        return units
    packs, loose = divmod(line.quantity, line.pack_size)
    pack_unit = line.pack_unit or "cond."
    text = f"{_fr_number(packs)} {unit_label(pack_unit, packs)}"
    if loose:
        text += f" + {_fr_number(loose)} {unit_label(line.base_unit, loose)}"
    return text


def requisition_label(note: DeliveryNote) -> str:
    """« Réquisition d'octobre 2026, n° 3 »."""
    month = period_label_fr(note.period)
    text = f"Réquisition d'{month}" if month[0] in "aeiou" else f"Réquisition de {month}"
    if note.requisition_sequence is not None:
        text += f", n° {note.requisition_sequence}"
    return text


def _line_count(text: str, width: float) -> int:
    """About how many lines a 9-point text takes in a column of that width (words wrap)."""
    per_line = max(int(width * 1.2), 1)
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


def write_delivery_workbook(note: DeliveryNote, path: Path | str) -> Path:
    """Write the workbook (printable sheet first, data sheet second) and return its path."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = PRINT_SHEET
    _write_print_sheet(sheet, note)
    _write_data_sheet(workbook.create_sheet(DATA_SHEET), note)
    target = Path(path)
    workbook.save(target)
    return target


def _write_print_sheet(sheet: Any, note: DeliveryNote) -> None:
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
    for column, (_, width) in enumerate(_PRINT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width

    def merged_text(row: int, first: int, stop: int, text: str, font: Any) -> Any:
        cell = text_cell(sheet, row, first, text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if stop > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=stop)
        return cell

    cell = merged_text(1, 1, last, "BON DE LIVRAISON", Font(size=14, bold=True))
    cell.alignment = Alignment(horizontal="center")
    cell = merged_text(2, 1, last, f"N° {note.number}", Font(size=11, bold=True))
    cell.alignment = Alignment(horizontal="center")

    facts = (
        (
            f"Dépôt expéditeur : {note.from_name} ({note.from_code})",
            f"Établissement destinataire : {note.to_name} ({note.to_code})",
        ),
        (f"District sanitaire : {note.district}", f"Région : {note.region}"),
        (requisition_label(note), f"Date d'émission : {note.issued_on:%d/%m/%Y}"),
    )
    # Two facts a row: columns A–D and E–J.
    spans = ((1, 4), (5, last))
    widths = (
        sum(w for _, w in _PRINT_COLUMNS[:4]),
        sum(w for _, w in _PRINT_COLUMNS[4:]),
    )
    for row, pair in enumerate(facts, start=3):
        for text, (first, stop) in zip(pair, spans, strict=True):
            merged_text(row, first, stop, text, Font(size=10))
        lines = max(_line_count(t, w * 0.9) for t, w in zip(pair, widths, strict=True))
        sheet.row_dimensions[row].height = 14 * lines

    header_row = 7
    for column, (header, _) in enumerate(_PRINT_COLUMNS, start=1):
        cell = text_cell(sheet, header_row, column, header)
        cell.font = Font(size=8, bold=True)
        cell.alignment = wrap_center
        cell.fill = grey
        cell.border = box
    sheet.row_dimensions[header_row].height = 36

    row = header_row
    for n, line in enumerate(note.lines, start=1):
        row += 1
        values: list[int | str] = [
            n,
            line.product_code,
            line.product_name,
            line.base_unit,
            line.lot or "—",
            f"{line.expiry:%d/%m/%Y}" if line.expiry else "—",
            line.quantity,
            packs_text(line),
            "",
            "",
        ]
        for column, item in enumerate(values, start=1):
            if isinstance(item, str):
                cell = text_cell(sheet, row, column, item) if item else sheet.cell(row, column)
                cell.alignment = wrap_left
            else:
                cell = sheet.cell(row=row, column=column, value=item)
                cell.number_format = "#,##0"
                cell.alignment = Alignment(vertical="top")
            cell.font = bold if column == 7 else small
            cell.border = box
        sheet.row_dimensions[row].height = max(
            18.0,
            12.0 * max(_line_count(str(values[c - 1]), _PRINT_COLUMNS[c - 1][1]) for c in _WRAPPED),
        )
    if not note.lines:
        row += 1
        merged_text(row, 1, last, "Aucun lot expédié.", Font(size=9, italic=True))

    row += 1
    cell = merged_text(
        row,
        1,
        last,
        "Lots choisis premier périmé, premier sorti (PPPS). À la réception, comptez chaque "
        "lot, inscrivez la quantité reçue et notez tout écart (manquant, avarié, péremption) "
        "dans les observations.",
        Font(size=8, italic=True),
    )
    cell.alignment = wrap_left
    sheet.row_dimensions[row].height = 24

    if note.shortfalls:
        row += 2
        merged_text(
            row,
            1,
            last,
            "Quantités non livrées (rupture au dépôt)",
            Font(size=10, bold=True),
        )
        row += 1
        headers = (
            "N°",
            "Code",
            "Désignation",
            "Unité",
            "Quantité approuvée",
            "Quantité livrée",
            "Quantité non livrée",
        )
        for column, header in enumerate(headers, start=1):
            cell = text_cell(sheet, row, column, header)
            cell.font = Font(size=8, bold=True)
            cell.alignment = wrap_center
            cell.fill = grey
            cell.border = box
        sheet.row_dimensions[row].height = 24
        for n, shortfall in enumerate(note.shortfalls, start=1):
            row += 1
            items: list[int | str] = [
                n,
                shortfall.product_code,
                shortfall.product_name,
                shortfall.base_unit,
                shortfall.approved,
                shortfall.shipped,
                shortfall.missing,
            ]
            for column, item in enumerate(items, start=1):
                if isinstance(item, str):
                    cell = text_cell(sheet, row, column, item)
                    cell.alignment = wrap_left
                else:
                    cell = sheet.cell(row=row, column=column, value=item)
                    cell.number_format = "#,##0"
                    cell.alignment = Alignment(vertical="top")
                cell.font = bold if column == 7 else small
                cell.border = box
            sheet.row_dimensions[row].height = max(
                18.0, 12.0 * _line_count(shortfall.product_name, _PRINT_COLUMNS[2][1])
            )

    row += 2
    boxes = (
        ("Expédié par (dépôt)", note.created_by),
        ("Transporté par", ""),
        ("Reçu par (établissement)", ""),
    )
    box_spans = ((1, 3), (4, 7), (8, last))
    for (heading, name), (first, stop) in zip(boxes, box_spans, strict=True):
        texts = (heading, f"Nom : {name}" if name else "Nom :", "Date :", "Signature :")
        for offset, text in enumerate(texts):
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
                    bottom=thin if offset == len(texts) - 1 else None,
                )
        sheet.row_dimensions[row + 1].height = 16
        sheet.row_dimensions[row + 2].height = 16
    sheet.row_dimensions[row + 3].height = 40
    end = row + 3

    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{last_letter}{end}"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.left.text = note.number
    sheet.oddFooter.right.text = "Page &P / &N"


def _write_data_sheet(sheet: Any, note: DeliveryNote) -> None:
    data = delivery_data(note)
    row = 0
    for key in HEADER_KEYS:
        row += 1
        text_cell(sheet, row, 1, key)
        _value_cell(sheet, row, 2, data[key])
    row += 1
    text_cell(sheet, row, 1, CHECKSUM_KEY)
    text_cell(sheet, row, 2, checksum(data))
    for columns, records in (
        (LINE_COLUMNS, data["lines"]),
        (SHORTFALL_COLUMNS, data["shortfalls"]),
    ):
        row += 2
        for column, name in enumerate(columns, start=1):
            text_cell(sheet, row, column, name)
        for record in records:
            row += 1
            for column, name in enumerate(columns, start=1):
                _value_cell(sheet, row, column, record[name])
    sheet.column_dimensions["A"].width = 24
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
class DeliveryFile:
    """What read_delivery_workbook found: the note (None when the file cannot be read), the
    checksum written in the file and the one computed from its data, and the problems."""

    file: str
    note: DeliveryNote | None = None
    stored_checksum: str = ""
    computed_checksum: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def checksum_matches(self) -> bool:
        return bool(self.stored_checksum) and self.stored_checksum == self.computed_checksum


def read_delivery_workbook(path: Path | str) -> DeliveryFile:
    """Read a workbook written by write_delivery_workbook (its data sheet only; the printed
    sheet is derived from it). A file that is not a readable .xlsx, lacks the data sheet or
    holds a value that cannot be read gives problems and no note; `checksum_matches` says
    whether the data is as written (False: edited by hand, or damaged)."""
    path = Path(path)
    try:
        rows = read_sheet(path, DATA_SHEET, MAX_UNCOMPRESSED_BYTES, "un bon de livraison")
    except UnreadableWorkbook as exc:
        log.warning("Cannot read %s: %s", path, exc)
        return DeliveryFile(path.name, problems=[Problem(path.name, "", None, None, str(exc))])
    return _Parser(path.name, rows).parse()


_HEADER_NUMBERS = ("format_version", "line_count", "shortfall_count")


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _date_text(value: Any) -> str:
    """A date cell as YYYY-MM-DD text: written as text, but a spreadsheet may have turned it
    into a date when someone retyped it."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return cell_text(value).strip()


class _Parser:
    """Reads the data sheet's rows into the checksummed data, collecting problems."""

    def __init__(self, file: str, rows: list[list[Any]]) -> None:
        self.file = file
        self.rows = rows
        self.problems: list[Problem] = []

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, DATA_SHEET, row, column, message))

    def parse(self) -> DeliveryFile:
        header, stored, index, header_rows = self._header()
        missing = [k for k in HEADER_KEYS if k not in header]
        if missing or header.get("format") != FORMAT:
            self.problem(
                None,
                None,
                "la feuille ne commence pas par l'en-tête d'un bon de livraison SahelStock"
                + (f" (manque : {', '.join(missing)})" if missing else "")
                + ".",
            )
            return DeliveryFile(self.file, stored_checksum=stored, problems=self.problems)
        if header["format_version"] != FORMAT_VERSION and header["format_version"] is not None:
            self.problem(
                header_rows["format_version"],
                "B",
                f"version de format {header['format_version']} inconnue (attendue : "
                f"{FORMAT_VERSION}) : mettez SahelStock à jour.",
            )
        tables = self._tables(index)
        if tables is None:
            return DeliveryFile(self.file, stored_checksum=stored, problems=self.problems)
        lines_data, shortfalls_data = tables
        data = {k: header[k] for k in HEADER_KEYS}
        data["lines"] = [record for _, record in lines_data]
        data["shortfalls"] = [record for _, record in shortfalls_data]
        computed = checksum(data)
        for key, records, what in (
            ("line_count", lines_data, "ligne(s) de lot"),
            ("shortfall_count", shortfalls_data, "quantité(s) non livrée(s)"),
        ):
            if header[key] is not None and header[key] != len(records):
                self.problem(
                    header_rows[key],
                    "B",
                    f"l'en-tête annonce {header[key]} {what}, la feuille en a {len(records)} : "
                    "le fichier est incomplet, demandez au dépôt de l'exporter de nouveau.",
                )
        note = self._note(header, header_rows, lines_data, shortfalls_data)
        if self.problems or note is None:
            return DeliveryFile(self.file, None, stored, computed, self.problems)
        return DeliveryFile(self.file, note, stored, computed, self.problems)

    def _header(self) -> tuple[dict[str, Any], str, int, dict[str, int]]:
        rows = self.rows
        header: dict[str, Any] = {}
        where: dict[str, int] = {}
        stored = ""
        index = 0
        while index < len(rows) and rows[index] and cell_text(rows[index][0]):
            key = cell_text(rows[index][0])
            value = rows[index][1] if len(rows[index]) > 1 else None
            if key == CHECKSUM_KEY:
                stored = cell_text(value)
            elif key in HEADER_KEYS:
                where[key] = index + 1
                if key in _HEADER_NUMBERS:
                    number = cell_int(value)
                    if number is None:
                        self.problem(index + 1, "B", f"« {key} » : un nombre entier est attendu.")
                    header[key] = number
                elif key == "requisition_sequence":
                    number = cell_int(value)
                    if cell_text(value) and number is None:
                        self.problem(
                            index + 1,
                            "B",
                            "« requisition_sequence » : un nombre entier ou rien est attendu.",
                        )
                    header[key] = number if number is not None else ""
                elif key == "issued_on":
                    header[key] = _date_text(value)
                elif key == "created_at" and isinstance(value, datetime):
                    header[key] = value.isoformat(timespec="seconds")
                else:
                    header[key] = cell_text(value)
            index += 1
        return header, stored, index, where

    def _tables(
        self, index: int
    ) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, dict[str, Any]]]] | None:
        """The lines table, then the shortfalls table, each as (row number, record)."""
        rows = self.rows
        lines: list[tuple[int, dict[str, Any]]] = []
        shortfalls: list[tuple[int, dict[str, Any]]] = []
        current: tuple[tuple[str, ...], tuple[str, ...], list[tuple[int, dict[str, Any]]]] | None
        current = None
        seen_shortfalls = False
        for number in range(index, len(rows)):
            texts = [cell_text(c) for c in rows[number]]
            if not any(texts):
                continue
            if texts[: len(LINE_COLUMNS)] == list(LINE_COLUMNS) and current is None:
                current = (LINE_COLUMNS, LINE_NUMBERS, lines)
                continue
            if texts[: len(SHORTFALL_COLUMNS)] == list(SHORTFALL_COLUMNS) and current is not None:
                current = (SHORTFALL_COLUMNS, SHORTFALL_NUMBERS, shortfalls)
                seen_shortfalls = True
                continue
            if current is None:
                self.problem(
                    number + 1,
                    None,
                    "les colonnes des lots ne sont pas celles attendues ("
                    + ", ".join(LINE_COLUMNS)
                    + ").",
                )
                return None
            columns, numbers, records = current
            cells = rows[number] + [None] * len(columns)
            record: dict[str, Any] = {}
            for column, name in enumerate(columns):
                value = cells[column]
                if name in numbers:
                    parsed = cell_int(value)
                    if parsed is None:
                        self.problem(
                            number + 1,
                            _column_letter(column),
                            f"« {name} » : un nombre entier est attendu, pas « "
                            f"{cell_text(value)} ».",
                        )
                    record[name] = parsed
                elif name == "expiry":
                    record[name] = _date_text(value)
                else:
                    record[name] = cell_text(value)
            records.append((number + 1, record))
        if current is None or not seen_shortfalls:
            self.problem(
                None,
                None,
                "le tableau des "
                + ("lots" if current is None else "quantités non livrées")
                + " manque : le fichier est incomplet, demandez au dépôt de l'exporter de "
                "nouveau.",
            )
            return None
        return lines, shortfalls

    def _date(self, text: str, row: int | None, column: str, name: str) -> date | None:
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.problem(
                row, column, f"« {name} » : une date AAAA-MM-JJ est attendue, pas « {text} »."
            )
            return None

    def _note(
        self,
        header: dict[str, Any],
        header_rows: dict[str, int],
        lines_data: list[tuple[int, dict[str, Any]]],
        shortfalls_data: list[tuple[int, dict[str, Any]]],
    ) -> DeliveryNote | None:
        period: date | None = None
        try:
            year, month = (int(x) for x in str(header["period"]).split("-"))
            period = date(year, month, 1)
        except ValueError:
            self.problem(
                header_rows["period"],
                "B",
                f"« period » : un mois AAAA-MM est attendu, pas « {header['period']} ».",
            )
        issued = self._date(header["issued_on"], header_rows["issued_on"], "B", "issued_on")
        created: datetime | None = None
        if header["created_at"]:
            try:
                created = datetime.fromisoformat(header["created_at"])
            except ValueError:
                self.problem(
                    header_rows["created_at"],
                    "B",
                    "« created_at » : une date et heure AAAA-MM-JJTHH:MM:SS est attendue, pas "
                    f"« {header['created_at']} ».",
                )
        for key in ("number", "from_code", "to_code"):
            if not header[key]:
                self.problem(header_rows[key], "B", f"« {key} » est vide.")
        lines: list[DeliveryLine] = []
        column = {name: _column_letter(i) for i, name in enumerate(LINE_COLUMNS)}
        for row, d in lines_data:
            if not d["product_code"]:
                self.problem(row, column["product_code"], "« product_code » est vide.")
            if d["pack_size"] is not None and d["pack_size"] < 1:
                self.problem(row, column["pack_size"], "« pack_size » : 1 ou plus est attendu.")
            if d["quantity"] is not None and d["quantity"] <= 0:
                self.problem(
                    row, column["quantity"], "« quantity » : une quantité positive est attendue."
                )
            expiry = (
                self._date(d["expiry"], row, column["expiry"], "expiry") if d["expiry"] else None
            )
            if self.problems:
                continue
            lines.append(
                DeliveryLine(
                    product_code=d["product_code"],
                    product_name=d["product_name"],
                    base_unit=d["base_unit"],
                    pack_unit=d["pack_unit"],
                    pack_size=d["pack_size"],
                    lot=d["lot"],
                    expiry=expiry,
                    quantity=d["quantity"],
                )
            )
        shortfalls: list[DeliveryShortfall] = []
        column = {name: _column_letter(i) for i, name in enumerate(SHORTFALL_COLUMNS)}
        for row, d in shortfalls_data:
            if not d["product_code"]:
                self.problem(row, column["product_code"], "« product_code » est vide.")
            approved, shipped = d["approved"], d["shipped"]
            if approved is not None and shipped is not None and not 0 <= shipped < approved:
                self.problem(
                    row,
                    column["shipped"],
                    f"« shipped » : une quantité de 0 à {approved - 1} (moins que la quantité "
                    f"approuvée) est attendue, pas {shipped}.",
                )
            if self.problems:
                continue
            shortfalls.append(
                DeliveryShortfall(
                    product_code=d["product_code"],
                    product_name=d["product_name"],
                    base_unit=d["base_unit"],
                    approved=approved,
                    shipped=shipped,
                )
            )
        if self.problems or period is None or issued is None:
            return None
        sequence = header["requisition_sequence"]
        return DeliveryNote(
            number=header["number"],
            record_uuid=header["record_uuid"],
            from_code=header["from_code"],
            from_name=header["from_name"],
            to_code=header["to_code"],
            to_name=header["to_name"],
            region=header["region"],
            district=header["district"],
            period=period,
            requisition_sequence=sequence if sequence != "" else None,
            issued_on=issued,
            created_at=created,
            created_by=header["created_by"],
            lines=tuple(lines),
            shortfalls=tuple(shortfalls),
        )
