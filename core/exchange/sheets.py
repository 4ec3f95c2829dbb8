"""What the exchange workbooks (the R&R, the delivery note, the consolidated view) share: the A4
print set-up, the styles and signature boxes of the printed sheets, the wrapped-line estimate
that sizes their rows, and the machine-readable "Données" sheet — header keys and values, a
SHA-256 checksum of the data, tables of records — written and read back with its problems."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.exchange.cells import UnreadableWorkbook, cell_int, cell_text, read_sheet, text_cell
from core.exchange.movements import MAX_UNCOMPRESSED_BYTES, Problem

log = logging.getLogger(__name__)

DATA_SHEET = "Données"
CHECKSUM_KEY = "checksum_sha256"
PAGE_NUMBER = "Page &P / &N"  # footer codes: this page, number of pages

# --- whole workbooks ----------------------------------------------------------------------------


def checksum(data: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the data (keys sorted, no spaces, UTF-8)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_workbook(path: Path | str, sheets: Sequence[tuple[str, Callable[[Any], None]]]) -> Path:
    """A new workbook with one sheet per (title, fill function), in that order, saved at
    `path`; returns the path."""
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    for index, (title, fill) in enumerate(sheets):
        if index == 0:
            first.title = title
            fill(first)
        else:
            fill(workbook.create_sheet(title))
    target = Path(path)
    workbook.save(target)
    return target


def value_cell(sheet: Any, row: int, column: int, value: Any) -> Any:
    """A cell holding `value`: text through text_cell (never a formula), anything else as is."""
    if isinstance(value, str):
        return text_cell(sheet, row, column, value)
    return sheet.cell(row=row, column=column, value=value)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 → "A"."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


# --- printed sheets -----------------------------------------------------------------------------


def fit_to_width(sheet: Any, orientation: str) -> None:
    """Print on A4 in `orientation` ("portrait" or "landscape"), every column on the width of
    the page and as many pages down as it takes."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def set_up_printing(
    sheet: Any,
    orientation: str,
    margins: tuple[float, float],
    footer: str | None = None,
    centred: bool = False,
) -> None:
    """fit_to_width, with (left and right, top and bottom) margins in inches, the page centred
    across when `centred`, and, when `footer` is given, that text at the bottom left of every
    page and the page number at the bottom right."""
    fit_to_width(sheet, orientation)
    sheet.page_margins.left = sheet.page_margins.right = margins[0]
    sheet.page_margins.top = sheet.page_margins.bottom = margins[1]
    if centred:
        sheet.print_options.horizontalCentered = True
    if footer is not None:
        sheet.oddFooter.left.text = footer[:100].replace("&", "&&")  # a lone & is a footer code
        sheet.oddFooter.right.text = PAGE_NUMBER


@dataclass(frozen=True)
class PrintStyles:
    """The borders, fonts, fill and alignments of the printed forms (openpyxl objects)."""

    thin: Any  # a thin black line
    box: Any  # a thin line on the four sides
    small: Any  # 9-point text
    bold: Any  # 9-point bold text
    grey: Any  # the fill of header cells
    wrap_center: Any
    wrap_left: Any


def print_styles() -> PrintStyles:
    """The styles of the printed forms (openpyxl is imported here, when first needed)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    return PrintStyles(
        thin=thin,
        box=Border(left=thin, right=thin, top=thin, bottom=thin),
        small=Font(size=9),
        bold=Font(size=9, bold=True),
        grey=PatternFill("solid", fgColor="D9D9D9"),
        wrap_center=Alignment(wrap_text=True, horizontal="center", vertical="center"),
        wrap_left=Alignment(wrap_text=True, vertical="top"),
    )


def set_widths(sheet: Any, widths: Sequence[float]) -> None:
    """The widths of the first columns, in characters."""
    for index, width in enumerate(widths):
        sheet.column_dimensions[column_letter(index)].width = width


def header_cells(sheet: Any, row: int, headers: Sequence[str], styles: PrintStyles) -> None:
    """A table's header row from column A: small bold centred text on grey, in boxes."""
    from openpyxl.styles import Font

    for column, header in enumerate(headers, start=1):
        cell = text_cell(sheet, row, column, header)
        cell.font = Font(size=8, bold=True)
        cell.alignment = styles.wrap_center
        cell.fill = styles.grey
        cell.border = styles.box


def value_cells(
    sheet: Any,
    row: int,
    values: Sequence[int | str | None],
    styles: PrintStyles,
    bold_columns: Sequence[int] = (),
) -> None:
    """A table row from column A, in boxes: text wraps at the top left, numbers show
    thousands, None leaves the cell blank for the pen; the `bold_columns` (1-based) in bold."""
    from openpyxl.styles import Alignment

    for column, item in enumerate(values, start=1):
        if isinstance(item, int):
            cell = sheet.cell(row=row, column=column, value=item)
            cell.number_format = "#,##0"
            cell.alignment = Alignment(vertical="top")
        else:
            cell = (
                text_cell(sheet, row, column, item) if item is not None else sheet.cell(row, column)
            )
            cell.alignment = styles.wrap_left
        cell.font = styles.bold if column in bold_columns else styles.small
        cell.border = styles.box


def signature_boxes(
    sheet: Any,
    row: int,
    boxes: Sequence[Sequence[str]],
    spans: Sequence[tuple[int, int]],
    styles: PrintStyles,
) -> int:
    """Boxes side by side from `row`, one per (first, last) column span, each holding its
    lines (the first in bold, a heading); the last line is tall, room for a signature and a
    stamp. Returns the row of the last line."""
    from openpyxl.styles import Alignment, Border

    thin = styles.thin
    for lines, (first, stop) in zip(boxes, spans, strict=True):
        for offset, text in enumerate(lines):
            cell = text_cell(sheet, row + offset, first, text)
            cell.font = styles.bold if offset == 0 else styles.small
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
    last = row + max(len(lines) for lines in boxes) - 1
    sheet.row_dimensions[last].height = 40
    return last


def wrapped_lines(text: str, width: float, characters_per_unit: float) -> int:
    """About how many lines a text takes in a column `width` wide when words wrap, for a font
    that fits `characters_per_unit` characters in one unit of column width."""
    per_line = max(int(width * characters_per_unit), 1)
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


# --- the data sheet -----------------------------------------------------------------------------

# How a read cell becomes a value of the checksummed data: (key or column name, cell value) →
# (value, None) or (value, the problem in French).
CellReader = Callable[[str, Any], tuple[Any, str | None]]


def read_text(name: str, value: Any) -> tuple[Any, str | None]:
    return cell_text(value), None


def read_whole_number(name: str, value: Any) -> tuple[Any, str | None]:
    number = cell_int(value)
    if number is None:
        return None, f"« {name} » : un nombre entier est attendu."
    return number, None


def read_optional_number(name: str, value: Any) -> tuple[Any, str | None]:
    """A whole number, or "" for an empty cell."""
    number = cell_int(value)
    if number is not None:
        return number, None
    if cell_text(value):
        return "", f"« {name} » : un nombre entier ou rien est attendu."
    return "", None


@dataclass(frozen=True)
class DataTable:
    """A table of the data sheet: the data's key for its records (a list of dicts), its column
    names (the table's header row), how cells are read (read_text when not named), and the
    problem to report when the table is absent ("" when it may be)."""

    key: str
    columns: tuple[str, ...]
    readers: Mapping[str, CellReader] = field(default_factory=dict)
    missing: str = ""


@dataclass(frozen=True)
class DataSheetLayout:
    """One kind of data sheet: header keys (column A: key, column B: value) in order, then the
    checksum row, then each table after a blank row. `what` names the kind of file in
    messages (« une réquisition »); `wrong_columns` is the problem when the first table's
    header row is not the expected one."""

    format: str
    header_keys: tuple[str, ...]
    header_readers: Mapping[str, CellReader]
    tables: tuple[DataTable, ...]
    what: str
    wrong_columns: str
    key_width: float


def write_data_sheet(sheet: Any, layout: DataSheetLayout, data: Mapping[str, Any]) -> None:
    """The header keys and values of `data`, its checksum, and its tables."""
    row = 0
    for key in layout.header_keys:
        row += 1
        text_cell(sheet, row, 1, key)
        value_cell(sheet, row, 2, data[key])
    row += 1
    text_cell(sheet, row, 1, CHECKSUM_KEY)
    text_cell(sheet, row, 2, checksum(data))
    for table in layout.tables:
        row += 2
        for column, name in enumerate(table.columns, start=1):
            text_cell(sheet, row, column, name)
        for record in data[table.key]:
            row += 1
            for column, name in enumerate(table.columns, start=1):
                value_cell(sheet, row, column, record[name])
    sheet.column_dimensions["A"].width = layout.key_width
    sheet.column_dimensions["B"].width = 40
    # Not meant for paper; printed anyway (LibreOffice prints every sheet), it stays tidy.
    fit_to_width(sheet, "landscape")


def read_data_rows(path: Path, layout: DataSheetLayout) -> list[list[Any]] | Problem:
    """The cells of the data sheet, or the problem when the file cannot be read."""
    try:
        return read_sheet(path, DATA_SHEET, MAX_UNCOMPRESSED_BYTES, layout.what)
    except UnreadableWorkbook as exc:
        log.warning("Cannot read %s: %s", path, exc)
        return Problem(path.name, "", None, None, str(exc))


@dataclass(frozen=True)
class DataHeader:
    """The header of a data sheet as read: values by key, each key's row (1-based), the
    checksum written in the file and its row, the index of the first row after the header,
    and whether the sheet is of the expected kind (all keys there, the right format)."""

    values: dict[str, Any]
    rows: dict[str, int]
    stored_checksum: str
    checksum_row: int | None
    end: int
    recognised: bool


Records = list[tuple[int, dict[str, Any]]]  # (row number, record)


class DataSheetReader:
    """Reads the rows of a data sheet into the checksummed data, collecting problems."""

    def __init__(self, file: str, rows: list[list[Any]], layout: DataSheetLayout) -> None:
        self.file = file
        self.rows = rows
        self.layout = layout
        self.problems: list[Problem] = []

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, DATA_SHEET, row, column, message))

    def header(self) -> DataHeader:
        """The key/value rows up to the first row without a key; a sheet that lacks a key or
        declares another format has a problem and is not `recognised`."""
        rows, layout = self.rows, self.layout
        values: dict[str, Any] = {}
        where: dict[str, int] = {}
        stored = ""
        checksum_row: int | None = None
        index = 0
        while index < len(rows) and rows[index] and cell_text(rows[index][0]):
            key = cell_text(rows[index][0])
            value = rows[index][1] if len(rows[index]) > 1 else None
            if key == CHECKSUM_KEY:
                stored = cell_text(value)
                checksum_row = index + 1
            elif key in layout.header_keys:
                where[key] = index + 1
                values[key], message = layout.header_readers.get(key, read_text)(key, value)
                if message:
                    self.problem(index + 1, "B", message)
            index += 1
        missing = [k for k in layout.header_keys if k not in values]
        recognised = not missing and values.get("format") == layout.format
        if not recognised:
            self.problem(
                None,
                None,
                f"la feuille ne commence pas par l'en-tête d'{layout.what} SahelStock"
                + (f" (manque : {', '.join(missing)})" if missing else "")
                + ".",
            )
        return DataHeader(values, where, stored, checksum_row, index, recognised)

    def tables(self, start: int) -> list[Records] | None:
        """The records of each table, from row index `start`. The first non-blank row must
        be the first table's header row; a later table starts at its header row. None, with
        the problem, when the first header row is wrong or a table that must be there is not."""
        rows, tables = self.rows, self.layout.tables
        found: list[Records] = [[] for _ in tables]
        current: int | None = None
        for number in range(start, len(rows)):
            texts = [cell_text(c) for c in rows[number]]
            if not any(texts):
                continue
            starting = next(
                (
                    i
                    for i, table in enumerate(tables)
                    if texts[: len(table.columns)] == list(table.columns)
                    and (current is None if i == 0 else current is not None and current <= i)
                ),
                None,
            )
            if starting is not None:
                current = starting
                continue
            if current is None:
                self.problem(number + 1, None, self.layout.wrong_columns)
                return None
            found[current].append((number + 1, self.record(number, tables[current])))
        seen = -1 if current is None else current
        for index, table in enumerate(tables):
            if index > seen and table.missing:
                self.problem(None, None, table.missing)
                return None
        return found

    def record(self, number: int, table: DataTable) -> dict[str, Any]:
        """The row at index `number` as a record of the table."""
        cells = self.rows[number] + [None] * len(table.columns)
        record: dict[str, Any] = {}
        for column, name in enumerate(table.columns):
            record[name], message = table.readers.get(name, read_text)(name, cells[column])
            if message:
                self.problem(number + 1, column_letter(column), message)
        return record

    def data(self, header: DataHeader, tables: Sequence[Records]) -> dict[str, Any]:
        """The data as written (the checksum's input): header values, then each table's
        records."""
        data = {k: header.values[k] for k in self.layout.header_keys}
        for table, records in zip(self.layout.tables, tables, strict=True):
            data[table.key] = [record for _, record in records]
        return data
