"""The delivery note workbook: printed like the paper note, read back with its checksum."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from core.catalogue import Category, Product
from core.delivery import DeliveryNote, delivery_number, plan_deliveries
from core.exchange.delivery_workbook import (
    DATA_SHEET,
    LINE_COLUMNS,
    PRINT_SHEET,
    delivery_data,
    packs_text,
    read_delivery_workbook,
    write_delivery_workbook,
)
from core.ledger import LotStock

ON = date(2026, 11, 5)
OCTOBER = date(2026, 10, 1)
PRODUCTS = {
    "RUTF": Product("RUTF", "ATPE, sachet 92 g", Category.NUTRITION, "sachet", "carton", 150),
    "AMOX250D": Product(
        "AMOX250D", "+Amoxicilline 250 mg", Category.MEDICINES, "comprimé", "boîte", 100
    ),
    "MUAC-E": Product(
        "MUAC-E", "Bande PB enfant", Category.EQUIPMENT, "pièce", "paquet", 50, has_lots=False
    ),
}


@pytest.fixture
def note() -> DeliveryNote:
    """RUTF 450 sachets from lots A (300) and B (150), amoxicillin 250 of 400 approved, 50
    MUAC tapes without lot."""
    lots = {
        "RUTF": [
            LotStock("RUTF", "A-2027", date(2027, 1, 31), 300, 300),
            LotStock("RUTF", "B-2027", date(2027, 6, 30), 900, 900),
        ],
        "AMOX250D": [LotStock("AMOX250D", "=K1", date(2027, 3, 31), 250, 250)],
        "MUAC-E": [LotStock("MUAC-E", "", None, 80, 80)],
    }
    approved = {"RUTF": 450, "AMOX250D": 400, "MUAC-E": 50}
    lines, shortfalls = plan_deliveries([("CSCOM-SEV", approved)], lots, ON, PRODUCTS)["CSCOM-SEV"]
    return DeliveryNote(
        number=delivery_number("CSREF-MOP", "CSCOM-SEV", OCTOBER),
        record_uuid="2f1c9a4e-8d7b-4c3e-9a51-0b6d2e7f8a90",
        from_code="CSREF-MOP",
        from_name="CSRéf de Mopti",
        to_code="CSCOM-SEV",
        to_name="CSCom de Sévaré",
        region="Mopti",
        district="Mopti",
        period=OCTOBER,
        requisition_sequence=3,
        issued_on=ON,
        created_at=datetime(2026, 11, 5, 9, 30, 12),
        created_by="=Dr Traoré",
        lines=tuple(lines),
        shortfalls=tuple(shortfalls),
    )


def data_rows(sheet) -> tuple[int, int]:
    """Row numbers of the lines table header and of its first line."""
    header = next(
        r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == LINE_COLUMNS[0]
    )
    return header, header + 1


def test_round_trip_gives_back_the_note(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    found = read_delivery_workbook(path)
    assert found.problems == [] and found.checksum_matches
    assert found.note == note
    assert found.note is not None and delivery_data(found.note) == delivery_data(note)


def test_the_plan_behind_the_fixture(note) -> None:
    assert [(x.product_code, x.lot, x.quantity) for x in note.lines] == [
        ("RUTF", "A-2027", 300),
        ("RUTF", "B-2027", 150),
        ("AMOX250D", "=K1", 250),
        ("MUAC-E", "", 50),
    ]
    assert [(s.product_code, s.approved, s.shipped) for s in note.shortfalls] == [
        ("AMOX250D", 400, 250)
    ]


def test_the_printed_sheet_reads_like_a_delivery_note(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [PRINT_SHEET, DATA_SHEET]
    sheet = workbook[PRINT_SHEET]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    texts = [str(v) for row in cells for v in row if v is not None]
    assert texts[0] == "BON DE LIVRAISON"
    assert "N° BL-CSREF-MOP-2026-10-CSCOM-SEV" in texts
    assert "Dépôt expéditeur : CSRéf de Mopti (CSREF-MOP)" in texts
    assert "Établissement destinataire : CSCom de Sévaré (CSCOM-SEV)" in texts
    assert "Réquisition d'octobre 2026, n° 3" in texts
    assert "Date d'émission : 05/11/2026" in texts
    # One row per lot: N°, code, désignation, unité, lot, péremption, units, packs, blanks.
    lots = [row[:10] for row in cells if row[0] in (1, 2, 3, 4)]
    assert lots[0] == [
        1, "RUTF", "ATPE, sachet 92 g", "sachet", "A-2027", "31/01/2027", 300, "2 cartons",
        None, None,
    ]  # fmt: skip
    assert lots[1][4:8] == ["B-2027", "30/06/2027", 150, "1 carton"]
    assert lots[2][4:8] == ["=K1", "31/03/2027", 250, "2 boîtes + 50 comprimés"]
    assert lots[3][4:8] == ["—", "—", 50, "1 paquet"]
    assert "Quantités non livrées (rupture au dépôt)" in texts
    shortfall = next(row for row in cells if row[0] == 1 and row[1] == "AMOX250D")
    assert shortfall[4:7] == [400, 250, 150]  # approved, delivered, missing
    for heading in ("Expédié par (dépôt)", "Transporté par", "Reçu par (établissement)"):
        assert heading in texts
    assert "Nom : =Dr Traoré" in texts
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    header_row = next(i for i, row in enumerate(cells, start=1) if row[0] == "N°")
    assert sheet.print_title_rows == f"${header_row}:${header_row}"  # repeated on each page


def test_packs_are_counted_as_a_packer_would() -> None:
    from core.delivery import DeliveryLine

    def line(quantity: int, pack_size: int = 150) -> DeliveryLine:
        return DeliveryLine("RUTF", "ATPE", "sachet", "carton", pack_size, "A", None, quantity)

    assert packs_text(line(1500)) == "10 cartons"
    assert packs_text(line(1530)) == "10 cartons + 30 sachets"
    assert packs_text(line(90)) == "90 sachets"
    assert packs_text(line(1, pack_size=1)) == "1 sachet"


def test_no_cell_is_a_formula_and_text_starting_with_equals_stays_text(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
    assert workbook[DATA_SHEET]["B15"].value == "=Dr Traoré"  # created_by
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
    found = read_delivery_workbook(path)
    assert found.note is not None
    assert found.note.created_by == "=Dr Traoré" and found.note.lines[2].lot == "=K1"
    assert found.note.lines[2].product_name == "+Amoxicilline 250 mg"


def test_a_hand_edited_quantity_breaks_the_checksum(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DATA_SHEET]
    _, first = data_rows(sheet)
    quantity = LINE_COLUMNS.index("quantity") + 1
    sheet.cell(first, quantity).value = 3000
    workbook.save(path)
    found = read_delivery_workbook(path)
    assert found.problems == [] and not found.checksum_matches
    assert found.note is not None and found.note.lines[0].quantity == 3000


def test_truncated_and_non_excel_files_are_refused_clearly(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    data = path.read_bytes()
    truncated = tmp_path / "tronque.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    text = tmp_path / "texte.xlsx"
    text.write_text("BL de Sévaré, voir papier\n", encoding="utf-8")
    for bad in (truncated, text):
        found = read_delivery_workbook(bad)
        assert found.note is None and not found.checksum_matches
        (problem,) = found.problems
        assert "n'est pas un classeur Excel .xlsx lisible" in problem.message
        assert problem.file == bad.name
    other = tmp_path / "autre.xlsx"
    openpyxl.Workbook().save(other)
    found = read_delivery_workbook(other)
    (problem,) = found.problems
    assert found.note is None and "« Données » manque" in problem.message


def test_a_requisition_workbook_is_not_a_delivery_note(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook[DATA_SHEET]["B1"].value = "sahelstock-requisition"
    workbook.save(path)
    found = read_delivery_workbook(path)
    (problem,) = found.problems
    assert found.note is None
    assert "l'en-tête d'un bon de livraison" in problem.message


def test_a_quantity_that_is_not_a_number_names_row_and_column(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DATA_SHEET]
    _, first = data_rows(sheet)
    sheet.cell(first + 1, LINE_COLUMNS.index("quantity") + 1).value = "abc"
    workbook.save(path)
    found = read_delivery_workbook(path)
    assert found.note is None
    (problem,) = found.problems
    assert (problem.sheet, problem.row, problem.column) == (DATA_SHEET, first + 1, "H")
    assert "« quantity » : un nombre entier est attendu, pas « abc »" in problem.message
    assert f"ligne {first + 1}, colonne H" in str(problem)


def test_a_bad_expiry_date_names_row_and_column(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DATA_SHEET]
    _, first = data_rows(sheet)
    sheet.cell(first, LINE_COLUMNS.index("expiry") + 1).value = "31/02/2027"
    workbook.save(path)
    found = read_delivery_workbook(path)
    assert found.note is None
    (problem,) = found.problems
    assert (problem.row, problem.column) == (first, "G")
    assert "date AAAA-MM-JJ est attendue" in problem.message


def test_a_missing_line_is_caught_by_the_line_count(note, tmp_path) -> None:
    path = write_delivery_workbook(note, tmp_path / "bl.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[DATA_SHEET]
    _, first = data_rows(sheet)
    sheet.delete_rows(first + 3)  # the MUAC tapes
    workbook.save(path)
    found = read_delivery_workbook(path)
    assert found.note is None
    (problem,) = found.problems
    line_count_row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "line_count")
    assert (problem.row, problem.column) == (line_count_row, "B")
    assert "annonce 4 ligne(s) de lot, la feuille en a 3" in problem.message


def test_a_note_without_shortfall_or_sequence_round_trips(note, tmp_path) -> None:
    from dataclasses import replace

    plain = replace(note, shortfalls=(), requisition_sequence=None, created_at=None)
    path = write_delivery_workbook(plain, tmp_path / "bl.xlsx")
    found = read_delivery_workbook(path)
    assert found.checksum_matches and found.note == plain
    texts = [
        str(c.value)
        for row in openpyxl.load_workbook(path)[PRINT_SHEET].iter_rows()
        for c in row
        if c.value
    ]
    assert "Réquisition d'octobre 2026" in texts
    assert not any("non livrées" in t for t in texts)


def test_the_file_name_is_kept(note, tmp_path: Path) -> None:
    target = tmp_path / f"{note.number}.xlsx"
    assert write_delivery_workbook(note, str(target)) == target and target.exists()
