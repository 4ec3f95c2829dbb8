"""The inventory form (fiche d'inventaire) as an Excel workbook, laid out like the paper one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from core.exchange.cells import text_cell as _text
from core.exchange.sheets import PAGE_NUMBER, set_up_printing
from core.facilities import Facility
from core.services import CountSheetLine

SHEET_TITLE = "Fiche d'inventaire"
HEADINGS = (
    "N°",
    "Produit",
    "Unité",
    "Lot",
    "Péremption",
    "Stock théorique",
    "Quantité comptée",
    "Écart",
    "Observations",
)
WIDTHS = (5, 48, 11, 16, 12, 14, 16, 10, 30)
HEADER_ROW = 6
COUNTED_COLUMN = 7


def write_count_sheet(
    path: Path | str, facility: Facility, on: date, lines: Sequence[CountSheetLine]
) -> Path:
    """Write the count sheet of `facility` on `on`: one row per lot with its expected quantity,
    the counted quantity, difference and observations left blank for the pen."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    target = Path(path)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    underline = Border(bottom=Side(style="thin", color="000000"))
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_TITLE[:31]
    last_column = len(HEADINGS)
    last_letter = get_column_letter(last_column)

    title = _text(sheet, 1, 1, SHEET_TITLE.upper())
    title.font = Font(bold=True, size=16)
    title.alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last_letter}1")
    _text(sheet, 2, 1, "Établissement :").font = bold
    _text(sheet, 2, 2, f"{facility.name} ({facility.code})")
    _text(sheet, 3, 1, "Date de l'inventaire :").font = bold
    _text(sheet, 3, 2, f"{on:%d/%m/%Y}")
    region = ", ".join(part for part in (facility.district, facility.region) if part)
    if region:
        _text(sheet, 2, 5, "District / région :").font = bold
        _text(sheet, 2, 6, region)
    _text(
        sheet,
        4,
        1,
        "Compter chaque lot sur l'étagère et écrire la quantité en unités de base "
        "(sachets, comprimés, pièces). Une ligne non comptée reste vide. Ajouter en bas "
        "les lots trouvés qui ne sont pas sur la liste.",
    ).alignment = wrap
    sheet.merge_cells(f"A4:{last_letter}4")
    sheet.row_dimensions[4].height = 30
    for column in (1, 5):
        sheet.cell(row=2, column=column).alignment = Alignment(horizontal="left")

    for index, (heading, width) in enumerate(zip(HEADINGS, WIDTHS, strict=True), start=1):
        cell = _text(sheet, HEADER_ROW, index, heading)
        cell.font = bold
        cell.fill = header_fill
        cell.border = box
        cell.alignment = centre
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 30

    row = HEADER_ROW
    for number, line in enumerate(lines, start=1):
        row += 1
        product = line.product
        _text(sheet, row, 1, str(number))
        _text(sheet, row, 2, f"{product.code} – {product.name}")
        _text(sheet, row, 3, product.base_unit)
        _text(sheet, row, 4, line.lot)
        _text(sheet, row, 5, f"{line.expiry:%d/%m/%Y}" if line.expiry else "")
        expected = sheet.cell(row=row, column=6)
        expected.value = line.expected
        expected.number_format = "#,##0"
        for column in range(1, last_column + 1):
            cell = sheet.cell(row=row, column=column)
            cell.border = box
            if column != 6:
                cell.alignment = wrap
        sheet.row_dimensions[row].height = 20
    # Blank bordered rows for lots found on the shelf that the ledger does not know.
    for _ in range(5):
        row += 1
        for column in range(1, last_column + 1):
            sheet.cell(row=row, column=column).border = box
        sheet.row_dimensions[row].height = 20

    row += 2
    for label in ("Compté par", "Vérifié par"):
        _text(sheet, row, 1, f"{label} :").font = bold
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        _text(sheet, row, 3, "Nom et fonction :")
        for column in (4, 5):
            sheet.cell(row=row, column=column).border = underline
        _text(sheet, row, 6, "Date :")
        sheet.cell(row=row, column=7).border = underline
        _text(sheet, row, 8, "Signature :")
        sheet.cell(row=row, column=9).border = underline
        sheet.row_dimensions[row].height = 28
        row += 2

    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last_letter}{row}"
    set_up_printing(sheet, "landscape", (0.4, 0.5), centred=True)
    sheet.oddFooter.center.text = PAGE_NUMBER
    sheet.oddFooter.right.text = f"{facility.code} – {on:%d/%m/%Y}"
    workbook.save(target)
    return target
