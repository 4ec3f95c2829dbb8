"""The delivery note (bon de livraison) as an Excel workbook: a printable French sheet like the
paper note that travels with the goods, and a machine-readable sheet with the note's header, its
lots and shortfalls and a SHA-256 checksum over them, so that the receiving facility can import
it and detect hand edits. Text goes through text_cell: no cell is ever a formula."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.catalogue import unit_label
from core.delivery import DeliveryLine, DeliveryNote, DeliveryShortfall
from core.exchange import sheets
from core.exchange.cells import cell_int, cell_text, text_cell
from core.exchange.movements import Problem
from core.exchange.sheets import (
    DataSheetLayout,
    DataSheetReader,
    DataTable,
    Records,
    checksum,
    column_letter,
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
from core.requisition import period_label_fr

FORMAT = "sahelstock-delivery-note"
FORMAT_VERSION = 1
PRINT_SHEET = "Bon de livraison"
DATA_SHEET = sheets.DATA_SHEET

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
CHECKSUM_KEY = sheets.CHECKSUM_KEY
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


def _date_text(value: Any) -> str:
    """A date cell as YYYY-MM-DD text: written as text, but a spreadsheet may have turned it
    into a date when someone retyped it."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return cell_text(value).strip()


def _read_date(name: str, value: Any) -> tuple[Any, str | None]:
    return _date_text(value), None


def _read_created(name: str, value: Any) -> tuple[Any, str | None]:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds"), None
    return cell_text(value), None


def _read_quantity(name: str, value: Any) -> tuple[Any, str | None]:
    number = cell_int(value)
    if number is None:
        return None, f"« {name} » : un nombre entier est attendu, pas « {cell_text(value)} »."
    return number, None


_INCOMPLETE = "le fichier est incomplet, demandez au dépôt de l'exporter de nouveau."
_LAYOUT = DataSheetLayout(
    format=FORMAT,
    header_keys=HEADER_KEYS,
    header_readers={
        "format_version": read_whole_number,
        "line_count": read_whole_number,
        "shortfall_count": read_whole_number,
        "requisition_sequence": read_optional_number,
        "issued_on": _read_date,
        "created_at": _read_created,
    },
    tables=(
        DataTable(
            "lines",
            LINE_COLUMNS,
            {**dict.fromkeys(LINE_NUMBERS, _read_quantity), "expiry": _read_date},
            f"le tableau des lots manque : {_INCOMPLETE}",
        ),
        DataTable(
            "shortfalls",
            SHORTFALL_COLUMNS,
            dict.fromkeys(SHORTFALL_NUMBERS, _read_quantity),
            f"le tableau des quantités non livrées manque : {_INCOMPLETE}",
        ),
    ),
    what="un bon de livraison",
    wrong_columns=(
        "les colonnes des lots ne sont pas celles attendues (" + ", ".join(LINE_COLUMNS) + ")."
    ),
    key_width=24,
)


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


def write_delivery_workbook(note: DeliveryNote, path: Path | str) -> Path:
    """Write the workbook (printable sheet first, data sheet second) and return its path."""
    return save_workbook(
        path,
        (
            (PRINT_SHEET, lambda sheet: _write_print_sheet(sheet, note)),
            (DATA_SHEET, lambda sheet: write_data_sheet(sheet, _LAYOUT, delivery_data(note))),
        ),
    )


def _wrapped_lines(text: str, width: float) -> int:
    """About how many lines a 9-point text takes in a column of that width (words wrap),
    counting about 1.2 characters a unit of column width."""
    return wrapped_lines(text, width, 1.2)


def _write_print_sheet(sheet: Any, note: DeliveryNote) -> None:
    from openpyxl.styles import Alignment, Font

    styles = print_styles()
    last = len(_PRINT_COLUMNS)
    last_letter = column_letter(last - 1)
    set_widths(sheet, [width for _, width in _PRINT_COLUMNS])

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
        lines = max(_wrapped_lines(t, w * 0.9) for t, w in zip(pair, widths, strict=True))
        sheet.row_dimensions[row].height = 14 * lines

    header_row = 7
    header_cells(sheet, header_row, [header for header, _ in _PRINT_COLUMNS], styles)
    sheet.row_dimensions[header_row].height = 36

    row = header_row
    for n, line in enumerate(note.lines, start=1):
        row += 1
        values: list[int | str | None] = [
            n,
            line.product_code,
            line.product_name,
            line.base_unit,
            line.lot or "—",
            f"{line.expiry:%d/%m/%Y}" if line.expiry else "—",
            line.quantity,
            packs_text(line),
            None,  # quantity received and observations: for the pen
            None,
        ]
        value_cells(sheet, row, values, styles, bold_columns=(7,))
        sheet.row_dimensions[row].height = max(
            18.0,
            12.0
            * max(_wrapped_lines(str(values[c - 1]), _PRINT_COLUMNS[c - 1][1]) for c in _WRAPPED),
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
    cell.alignment = styles.wrap_left
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
        header_cells(sheet, row, headers, styles)
        sheet.row_dimensions[row].height = 24
        for n, shortfall in enumerate(note.shortfalls, start=1):
            row += 1
            items: list[int | str | None] = [
                n,
                shortfall.product_code,
                shortfall.product_name,
                shortfall.base_unit,
                shortfall.approved,
                shortfall.shipped,
                shortfall.missing,
            ]
            value_cells(sheet, row, items, styles, bold_columns=(7,))
            sheet.row_dimensions[row].height = max(
                18.0, 12.0 * _wrapped_lines(shortfall.product_name, _PRINT_COLUMNS[2][1])
            )

    row += 2
    boxes = [
        (heading, f"Nom : {name}" if name else "Nom :", "Date :", "Signature :")
        for heading, name in (
            ("Expédié par (dépôt)", note.created_by),
            ("Transporté par", ""),
            ("Reçu par (établissement)", ""),
        )
    ]
    end = signature_boxes(sheet, row, boxes, ((1, 3), (4, 7), (8, last)), styles)
    sheet.row_dimensions[row + 1].height = 16
    sheet.row_dimensions[row + 2].height = 16

    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{last_letter}{end}"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    set_up_printing(sheet, "portrait", (0.4, 0.5), footer=note.number, centred=True)


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
    rows = read_data_rows(path, _LAYOUT)
    if isinstance(rows, Problem):
        return DeliveryFile(path.name, problems=[rows])
    return _Parser(path.name, rows, _LAYOUT).parse()


class _Parser(DataSheetReader):
    """Reads the data sheet's rows into the checksummed data and the note, collecting
    problems."""

    def parse(self) -> DeliveryFile:
        header = self.header()
        stored = header.stored_checksum
        if not header.recognised:
            return DeliveryFile(self.file, stored_checksum=stored, problems=self.problems)
        values, header_rows = header.values, header.rows
        if values["format_version"] != FORMAT_VERSION and values["format_version"] is not None:
            self.problem(
                header_rows["format_version"],
                "B",
                f"version de format {values['format_version']} inconnue (attendue : "
                f"{FORMAT_VERSION}) : mettez SahelStock à jour.",
            )
        tables = self.tables(header.end)
        if tables is None:
            return DeliveryFile(self.file, stored_checksum=stored, problems=self.problems)
        lines_data, shortfalls_data = tables
        computed = checksum(self.data(header, tables))
        for key, records, what in (
            ("line_count", lines_data, "ligne(s) de lot"),
            ("shortfall_count", shortfalls_data, "quantité(s) non livrée(s)"),
        ):
            if values[key] is not None and values[key] != len(records):
                self.problem(
                    header_rows[key],
                    "B",
                    f"l'en-tête annonce {values[key]} {what}, la feuille en a {len(records)} : "
                    + _INCOMPLETE,
                )
        note = self._note(values, header_rows, lines_data, shortfalls_data)
        if self.problems or note is None:
            return DeliveryFile(self.file, None, stored, computed, self.problems)
        return DeliveryFile(self.file, note, stored, computed, self.problems)

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
        lines_data: Records,
        shortfalls_data: Records,
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
        column = {name: column_letter(i) for i, name in enumerate(LINE_COLUMNS)}
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
        column = {name: column_letter(i) for i, name in enumerate(SHORTFALL_COLUMNS)}
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
