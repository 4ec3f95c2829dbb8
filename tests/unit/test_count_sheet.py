"""The Excel inventory form: headings, one row per lot, blank count column, text stays text."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.catalogue import Category, Product
from core.exchange.count_sheet import COUNTED_COLUMN, HEADER_ROW, HEADINGS, write_count_sheet
from core.facilities import new_facility
from core.services import CountSheetLine

RUTF = Product("RUTF", "ATPE, sachet 92 g", Category.NUTRITION, "sachet", "carton", 150)
MUAC = Product(
    "MUAC-E", "Bande PB enfant", Category.EQUIPMENT, "pièce", has_lots=False, has_expiry=False
)
FACILITY = new_facility("CSCOM-SEV", "CSCom Sévaré", "CSCom", "Mopti", "Mopti")
ON = date(2026, 5, 12)


@pytest.fixture
def lines() -> list[CountSheetLine]:
    return [
        CountSheetLine(RUTF, "A12", date(2027, 3, 31), 450),
        CountSheetLine(RUTF, '=HYPERLINK("http://x")', date(2027, 6, 30), 1561),
        CountSheetLine(MUAC, "", None, 74),
    ]


def _cells(path: Path) -> dict[tuple[int, int], object]:
    sheet = load_workbook(path).active
    return {(c.row, c.column): c for row in sheet.iter_rows() for c in row}


def test_the_sheet_has_the_paper_form_headings_facility_and_date(tmp_path, lines):
    path = write_count_sheet(tmp_path / "inventaire.xlsx", FACILITY, ON, lines)
    sheet = load_workbook(path).active
    headings = [sheet.cell(row=HEADER_ROW, column=c).value for c in range(1, len(HEADINGS) + 1)]
    assert headings == [
        "N°",
        "Produit",
        "Unité",
        "Lot",
        "Péremption",
        "Stock théorique",
        "Quantité comptée",
        "Écart",
        "Observations",
    ]
    texts = [
        str(c.value) for row in sheet.iter_rows(max_row=HEADER_ROW - 1) for c in row if c.value
    ]
    assert "FICHE D'INVENTAIRE" in texts
    assert "CSCom Sévaré (CSCOM-SEV)" in texts
    assert "12/05/2026" in texts


def test_one_row_per_lot_with_expected_quantity_and_blank_count(tmp_path, lines):
    path = write_count_sheet(tmp_path / "inventaire.xlsx", FACILITY, ON, lines)
    sheet = load_workbook(path).active
    rows = [
        [c.value for c in row]
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + len(lines))
    ]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert rows[0][1:6] == ["RUTF – ATPE, sachet 92 g", "sachet", "A12", "31/03/2027", 450]
    assert rows[2][3:6] == [None, None, 74]
    for number in range(len(lines)):
        row = HEADER_ROW + 1 + number
        counted = sheet.cell(row=row, column=COUNTED_COLUMN)
        assert counted.value is None
        assert counted.border.left.style == "thin" and counted.border.bottom.style == "thin"
        assert sheet.cell(row=row, column=COUNTED_COLUMN + 1).value is None  # Écart: no formula


def test_a_formula_looking_lot_stays_text(tmp_path, lines):
    path = write_count_sheet(tmp_path / "inventaire.xlsx", FACILITY, ON, lines)
    cell = load_workbook(path).active.cell(row=HEADER_ROW + 2, column=4)
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere in the sheet


def test_print_setup_signatures_and_text_cells(tmp_path, lines):
    path = write_count_sheet(tmp_path / "inventaire.xlsx", FACILITY, ON, lines)
    sheet = load_workbook(path).active
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Compté par :" in values and "Vérifié par :" in values
    cells = _cells(path)
    for cell in cells.values():
        if isinstance(cell.value, str):
            assert cell.data_type == "s"
        assert cell.data_type != "f"


def test_an_empty_sheet_still_has_its_form(tmp_path):
    path = write_count_sheet(tmp_path / "vide.xlsx", FACILITY, ON, [])
    sheet = load_workbook(path).active
    assert sheet.cell(row=HEADER_ROW, column=1).value == "N°"
    assert sheet.cell(row=HEADER_ROW + 1, column=1).border.left.style == "thin"
