"""Reading movements files: CSV and Excel, French and English, and every problem located."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from core.exchange.movements import Problem, read_movement_file, read_movements
from core.ledger import MovementKind, Reason

FR_HEADER = "Date;Établissement;Produit;Mouvement;Quantité;Lot;Péremption;Motif;Référence"
EN_HEADER = "date,facility,product,movement,quantity,lot,expiry,reason,reference"


def write_csv(
    tmp_path: Path, lines: list[str], encoding: str = "utf-8", name: str = "m.csv"
) -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(
    tmp_path: Path,
    rows: list[list[object]],
    sheet: str = "Mouvements",
    name: str = "mouvements.xlsx",
    first_sheet: str | None = None,
) -> Path:
    workbook = openpyxl.Workbook()
    active = workbook.active
    assert active is not None
    if first_sheet is not None:
        active.title = first_sheet
        active.append(["Ceci n'est pas la feuille des mouvements"])
        target = workbook.create_sheet(sheet)
    else:
        active.title = sheet
        target = active
    for row in rows:
        target.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


XLSX_HEADER: list[object] = [
    "Date", "Établissement", "Produit", "Mouvement", "Quantité", "Lot", "Péremption", "Motif",
    "Référence",
]  # fmt: skip


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_french_csv_with_french_words_and_thousands_separators(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        [
            FR_HEADER,
            "01/10/2026;CSCOM-SEV;RUTF;Réception;1 561;A12;2027-03;PPM Mopti;BL 2026-117",
            "02/10/2026;CSCOM-SEV;RUTF;dispensation;1\u00a0200;;;;registre p. 12",
            "03/10/2026;CSCOM-SEV;RUTF;Transfert cédé;2\u202f000;A12;;CSREF-MOP;",
            "04/10/2026;CSCOM-SEV;RUTF;PERTE;5;A12;;périmé;",
            "05/10/2026;CSCOM-SEV;RUTF;Ajustement;-3;A12;;Correction d'inventaire;",
            "06/10/2026;CSCOM-SEV;RUTF;inventaire;0;A12;;;",
        ],
    )
    rows, problems = read_movements(path)
    assert problems == []
    receipt, issue, transfer, loss, adjustment, count = rows
    assert receipt.occurred_on == date(2026, 10, 1)
    assert receipt.kind is MovementKind.RECEIPT
    assert receipt.quantity == 1561
    assert receipt.expiry == date(2027, 3, 31)
    assert receipt.counterpart == "PPM Mopti"
    assert receipt.reference == "BL 2026-117"
    assert (issue.kind, issue.quantity, issue.lot) == (MovementKind.ISSUE, 1200, "")
    assert (transfer.kind, transfer.quantity) == (MovementKind.TRANSFER_OUT, 2000)
    assert (transfer.reason, transfer.counterpart) == (Reason.TRANSFER_OUT, "CSREF-MOP")
    assert (loss.kind, loss.reason) == (MovementKind.LOSS, Reason.EXPIRED)
    assert (adjustment.quantity, adjustment.reason) == (-3, Reason.COUNT_CORRECTION)
    assert (count.kind, count.quantity, count.reason) == (
        MovementKind.COUNT,
        0,
        Reason.COUNT_CORRECTION,
    )
    assert [r.row for r in rows] == [2, 3, 4, 5, 6, 7]
    assert rows[0].sheet == "" and rows[0].file == "m.csv"


def test_english_csv_with_bom_and_english_words(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        [
            EN_HEADER,
            "2026-10-01,CSCOM-SEV,AMOX250D,receipt,1000,L1,2028-01-31,,",
            "2026-10-02,CSCOM-SEV,AMOX250D,transfer_in,20,L1,,CSREF-MOP,",
            "2026-10-03,CSCOM-SEV,AMOX250D,loss,4,L1,,damaged,",
            "2026-10-04,CSCOM-SEV,AMOX250D,count,990,L1,,,",
        ],
        encoding="utf-8-sig",
    )
    rows, problems = read_movements(path)
    assert problems == []
    assert [r.kind for r in rows] == [
        MovementKind.RECEIPT,
        MovementKind.TRANSFER_IN,
        MovementKind.LOSS,
        MovementKind.COUNT,
    ]
    assert rows[0].expiry == date(2028, 1, 31)
    assert rows[1].counterpart == "CSREF-MOP"
    assert rows[2].reason is Reason.DAMAGED


def test_cp1252_csv_from_excel_on_windows(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        [FR_HEADER, "21/11/2026;CSCOM-SEV;RUTF;Réception;150;A12;03/2027;;"],
        encoding="cp1252",
    )
    rows, problems = read_movements(path)
    assert problems == []
    assert rows[0].kind is MovementKind.RECEIPT
    assert rows[0].expiry == date(2027, 3, 31)


def test_decimal_quantities_are_refused_with_sheet_row_and_column(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path,
        [
            XLSX_HEADER,
            [date(2026, 10, 1), "CSCOM-SEV", "RUTF", "Réception", 12.0, "A12", date(2027, 3, 31)],
            [date(2026, 10, 2), "CSCOM-SEV", "RUTF", "Dispensation", 12.5],
        ],
    )
    rows, problems = read_movements(path)
    assert [r.quantity for r in rows] == [12]
    problem = only(problems)
    assert (problem.sheet, problem.row, problem.column) == ("Mouvements", 3, "Quantité")
    assert str(problem) == (
        "mouvements.xlsx, feuille Mouvements, ligne 3, colonne Quantité : « 12,5 » n'est pas un "
        "nombre entier de sachets/unités ; saisissez un nombre entier (ex. 150)."
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12,5", "« 12,5 » n'est pas un nombre entier"),
        ("1234.5", "« 1234.5 » n'est pas un nombre entier"),
        ("1.561", "« 1.561 » est ambigu"),
        ("1,561", "« 1,561 » est ambigu"),
        ("douze", "« douze » n'est pas un nombre"),
        ("", "la quantité est obligatoire"),
        ("0", "supérieur à zéro"),
        ("-5", "supérieur à zéro"),
    ],
)
def test_quantities_that_are_not_whole_positive_numbers(
    tmp_path: Path, typed: str, expected: str
) -> None:
    path = write_csv(tmp_path, [FR_HEADER, f'01/10/2026;CSCOM-SEV;RUTF;Dispensation;"{typed}";;;;'])
    rows, problems = read_movements(path)
    assert rows == []
    problem = only(problems)
    assert (problem.row, problem.column) == (2, "Quantité")
    assert expected in problem.message
    assert "saisissez un nombre entier" in problem.message


def test_signed_adjustment_and_zero_count_are_accepted_but_sign_must_match_reason(
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path,
        [
            FR_HEADER,
            "01/10/2026;CSCOM-SEV;RUTF;Ajustement;-10;A12;;correction;",
            "01/10/2026;CSCOM-SEV;RUTF;Ajustement;10;A12;;Retour;",
            "01/10/2026;CSCOM-SEV;RUTF;Inventaire;0;A12;;;",
            "01/10/2026;CSCOM-SEV;RUTF;Ajustement;-10;A12;;Retour;",
            "01/10/2026;CSCOM-SEV;RUTF;Ajustement;0;A12;;correction;",
            "01/10/2026;CSCOM-SEV;RUTF;Inventaire;-1;A12;;;",
        ],
    )
    rows, problems = read_movements(path)
    assert [r.quantity for r in rows] == [-10, 10, 0]
    assert [(p.row, p.column) for p in problems] == [
        (5, "Quantité"),
        (6, "Quantité"),
        (7, "Quantité"),
    ]
    assert "doit être positive" in problems[0].message
    assert "zéro ne change rien" in problems[1].message
    assert "zéro ou plus" in problems[2].message


def test_reasons_required_for_losses_and_adjustments(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        [
            FR_HEADER,
            "01/10/2026;CSCOM-SEV;RUTF;Perte;5;A12;;;",
            "01/10/2026;CSCOM-SEV;RUTF;Perte;5;A12;;Retour;",
            "01/10/2026;CSCOM-SEV;RUTF;Ajustement;5;A12;;;",
            "01/10/2026;CSCOM-SEV;RUTF;Dispensation;5;A12;;périmé;",
        ],
    )
    rows, problems = read_movements(path)
    assert rows == []
    assert [(p.row, p.column) for p in problems] == [
        (2, "Motif"),
        (3, "Motif"),
        (4, "Motif"),
        (5, "Motif"),
    ]
    assert "Périmé" in problems[0].message and "Avarié" in problems[0].message


def test_bad_dates_are_all_reported(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        [
            FR_HEADER,
            "31/02/2026;CSCOM-SEV;RUTF;Réception;150;A12;2027-03-31;;",
            "hier;CSCOM-SEV;RUTF;Réception;150;A12;2027-03-31;;",
            ";CSCOM-SEV;RUTF;Réception;150;A12;2027-03-31;;",
            "01/10/2026;CSCOM-SEV;RUTF;Réception;150;A12;fin mars;;",
            "01/10/0026;CSCOM-SEV;RUTF;Réception;150;A12;13/2027;;",
        ],
    )
    rows, problems = read_movements(path)
    assert rows == []
    assert [(p.row, p.column) for p in problems] == [
        (2, "Date"),
        (3, "Date"),
        (4, "Date"),
        (5, "Péremption"),
        (6, "Date"),
        (6, "Péremption"),
    ]
    assert "n'existe pas dans le calendrier" in problems[0].message
    assert "JJ/MM/AAAA" in problems[1].message
    assert "MM/AAAA" in problems[3].message
    assert "0026" in problems[4].message


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027-03", date(2027, 3, 31)),
        ("02/2028", date(2028, 2, 29)),
        ("2/2027", date(2027, 2, 28)),
        ("15/06/2027", date(2027, 6, 15)),
        ("2027-06-15", date(2027, 6, 15)),
    ],
)
def test_expiry_month_means_last_day_of_month(tmp_path: Path, typed: str, expected: date) -> None:
    path = write_csv(tmp_path, [FR_HEADER, f"01/10/2026;CSCOM-SEV;RUTF;Réception;1;A12;{typed};;"])
    rows, problems = read_movements(path)
    assert problems == []
    assert rows[0].expiry == expected


def test_month_only_is_not_a_movement_date(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [FR_HEADER, "10/2026;CSCOM-SEV;RUTF;Réception;1;A12;;;"])
    _rows, problems = read_movements(path)
    assert only(problems).column == "Date"


def test_blank_rows_are_skipped_and_row_numbers_kept(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path,
        [
            XLSX_HEADER,
            [datetime(2026, 10, 1, 0, 0), "CSCOM-SEV", "RUTF", "Réception", 150, "A12", "2027-03"],
            [],
            [None, "  ", None],
            ["2026-10-02", "CSCOM-SEV", "RUTF", "Dispensation", "1 561"],
        ],
    )
    content = read_movement_file(path)
    assert content.problems == []
    assert content.data_rows == 2
    assert [r.row for r in content.rows] == [2, 5]
    assert content.rows[0].occurred_on == date(2026, 10, 1)
    assert content.rows[1].quantity == 1561


def test_movements_sheet_is_read_even_when_not_first(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path,
        [XLSX_HEADER, [date(2026, 10, 1), "CSCOM-SEV", "RUTF", "Réception", 150, "A12", "2027-03"]],
        first_sheet="Instructions",
    )
    rows, problems = read_movements(path)
    assert problems == []
    assert rows[0].sheet == "Mouvements"


def test_first_sheet_is_read_when_no_movements_sheet(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path,
        [XLSX_HEADER, [date(2026, 10, 1), "CSCOM-SEV", "RUTF", "Réception", 150, "A12", "2027-03"]],
        sheet="Feuil1",
    )
    rows, problems = read_movements(path)
    assert problems == []
    assert rows[0].sheet == "Feuil1"


def test_headings_match_without_case_or_accents(tmp_path: Path) -> None:
    header = "DATE;etablissement;PRODUIT;mouvement;quantite;LOT;peremption;motif;reference"
    path = write_csv(tmp_path, [header, "01/10/2026;CSCOM-SEV;RUTF;reception;1;A12;2027-03;;"])
    rows, problems = read_movements(path)
    assert problems == []
    assert len(rows) == 1


def test_wrong_header_row_is_reported_column_by_column(tmp_path: Path) -> None:
    header = "Date;Établissement;Produit;Mouvement;Qantité;Péremption;Lot;Motif;Référence"
    path = write_csv(tmp_path, [header, "01/10/2026;CSCOM-SEV;RUTF;Réception;1;2027-03;A12;;"])
    rows, problems = read_movements(path)
    assert rows == []
    located = [(p.row, p.column) for p in problems if p.column]
    assert located == [(1, "Quantité"), (1, "Lot"), (1, "Péremption")]
    assert "« Qantité »" in problems[0].message and "E" in problems[0].message
    assert "dans cet ordre" in problems[-1].message


def test_missing_columns_are_reported(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path, ["Date;Établissement;Produit;Mouvement;Quantité", "01/10/2026;A;B;C;1"]
    )
    rows, problems = read_movements(path)
    assert rows == []
    assert [p.column for p in problems if p.column] == ["Lot", "Péremption", "Motif", "Référence"]


def test_comma_in_a_number_of_a_comma_separated_file_is_explained(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [EN_HEADER, "2026-10-01,CSCOM-SEV,RUTF,issue,12,5,,,,"])
    rows, problems = read_movements(path)
    assert rows == []
    problem = only(problems)
    assert (problem.row, problem.column) == (2, None)
    assert "plus de valeurs que d'en-têtes" in problem.message


def test_unknown_movement_word_lists_the_words(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [FR_HEADER, "01/10/2026;CSCOM-SEV;RUTF;Don;1;A12;2027-03;;"])
    _rows, problems = read_movements(path)
    problem = only(problems)
    assert problem.column == "Mouvement"
    assert "« Don »" in problem.message and "Dispensation" in problem.message


def test_empty_file_and_header_only(tmp_path: Path) -> None:
    _rows, problems = read_movements(write_csv(tmp_path, [""], name="vide.csv"))
    assert "vide" in only(problems).message
    _rows, problems = read_movements(write_csv(tmp_path, [FR_HEADER], name="entete.csv"))
    assert "aucune ligne" in only(problems).message


def test_corrupt_xlsx_gives_a_problem(tmp_path: Path) -> None:
    not_zip = tmp_path / "abime.xlsx"
    not_zip.write_bytes(b"PK\x03\x04 ceci n'est pas un classeur")
    rows, problems = read_movements(not_zip)
    assert rows == []
    assert "n'est pas un classeur Excel .xlsx lisible" in only(problems).message
    other_zip = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "bonjour")
    rows, problems = read_movements(other_zip)
    assert rows == []
    assert only(problems).file == "archive.xlsx"


def test_oversized_xlsx_is_refused_before_opening(tmp_path: Path) -> None:
    bomb = tmp_path / "bombe.xlsx"
    chunk = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(201):
            member.write(chunk)
    assert bomb.stat().st_size < 2_000_000
    rows, problems = read_movements(bomb)
    assert rows == []
    message = only(problems).message
    assert "201 Mo" in message and "limite de 200 Mo" in message


def test_other_formats_and_missing_files(tmp_path: Path) -> None:
    old = tmp_path / "mouvements.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert ".xlsx" in only(read_movements(old)[1]).message
    assert "introuvable" in only(read_movements(tmp_path / "absent.csv")[1]).message


def test_problem_text_for_csv_has_no_sheet() -> None:
    problem = Problem("m.csv", "", 4, "Date", "« hier » n'est pas une date.")
    assert str(problem) == "m.csv, ligne 4, colonne Date : « hier » n'est pas une date."
    assert problem.to_dict()["row"] == 4
    assert problem.to_dict()["text"] == str(problem)
