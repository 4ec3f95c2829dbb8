"""The monthly LMIS report reader: good files, every kind of bad value, identity warnings,
and the shared MonthlyStockReport record."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.forecast.reader import read_lmis_reports
from core.forecast.series import build_series
from core.monthly import MonthlyStockReport, month_index

HEADER = (
    "year,month,region,district,site_code,product_code,stock_initial,stock_received,"
    "stock_distributed,stock_adjustment,stock_end,average_monthly_consumption,"
    "stock_stockout_days,stock_ordered"
)


def write(tmp_path: Path, *lines: str, name: str = "rapports.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_rows_into_monthly_reports(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER,
        "2019,1,R,D,C4023,AS27133,150,0,29,0,121,51,0,",
        "2019,3,R,D,C4023,AS27133,121,20,21,-10,110,33,15,50",
    )
    content = read_lmis_reports(path)
    assert content.problems == [] and content.warnings == []
    first, second = content.reports
    assert first == MonthlyStockReport(
        "C4023", "AS27133", 2019, 1, 150, 0, 29, 0, 121, 0, 51, None, "R", "D"
    )
    assert second.adjustments == -10 and second.ordered == 50
    assert second.adjusted_consumption == 42  # 21 consumed in 15 of 30 days
    series = build_series(content.reports)
    assert len(series) == 1
    # February has no report: a missing month, not a zero month.
    assert series[0].consumed == (29, None, 21)
    assert series[0].adjusted == (29, None, 42)
    assert series[0].start == month_index(2019, 1)


def test_semicolon_csv_with_only_the_required_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "year;month;site_code;product_code;stock_initial;stock_received;stock_distributed;"
        "stock_adjustment;stock_end",
        "2019;1;S1;P1;10;5;3;0;12",
    )
    content = read_lmis_reports(path)
    assert content.problems == []
    assert content.reports[0].stockout_days == 0 and content.reports[0].reported_amc is None


def test_every_bad_value_is_located_and_explained_in_french(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER,
        "2019,13,R,D,C1,P1,10,0,2,0,8,2,0,0",
        "2019,1,R,D,C1,P1,10,0,2.5,0,8,2,0,0",
        "2019,2,R,D,C1,P1,-4,0,2,0,8,2,0,0",
        "2019,3,R,D,,P1,10,0,2,0,8,2,0,0",
        "2019,4,R,D,C1,P1,10,0,2,0,8,2,45,0",
        "2019,5,R,D,C1,P1,10,0,deux,0,8,2,0,0",
    )
    content = read_lmis_reports(path)
    assert content.reports == []
    found = {(p.row, p.column): p.message for p in content.problems}
    assert "le mois doit être un nombre de 1 à 12" in found[(2, "month")]
    assert "nombre entier" in found[(3, "stock_distributed")]
    assert "ne peut pas être négatif" in found[(4, "stock_initial")]
    assert "code du site est obligatoire" in found[(5, "site_code")]
    assert "entre 0 et 31" in found[(6, "stock_stockout_days")]
    assert "« deux »" in found[(7, "stock_distributed")]
    assert str(content.problems[0]).startswith("rapports.csv, ligne 2, colonne month : ")


def test_missing_columns_and_duplicate_reports(tmp_path: Path) -> None:
    missing = read_lmis_reports(write(tmp_path, "year,month,site_code", "2019,1,S1"))
    assert len(missing.problems) == 1
    assert "colonne(s) manquante(s) : product_code, stock_initial" in missing.problems[0].message
    twice = read_lmis_reports(
        write(
            tmp_path,
            HEADER,
            "2019,1,R,D,C1,P1,10,0,2,0,8,2,0,0",
            "2019,1,R,D,C1,P1,10,0,2,0,8,2,0,0",
            name="double.csv",
        )
    )
    assert [p.row for p in twice.problems] == [3]
    assert "déjà ligne 2" in twice.problems[0].message


def test_identity_failures_are_reported_and_kept_unless_asked(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER,
        "2019,1,R,D,C1,P1,40,0,10,0,35,10,0,0",  # 40 − 10 = 30, not 35
        "2019,2,R,D,C1,P1,35,0,5,0,30,8,0,0",
    )
    kept = read_lmis_reports(path)
    assert kept.problems == []
    assert len(kept.reports) == 2
    assert [(w.row, w.column) for w in kept.warnings] == [(2, "stock_end")]
    assert "= 30" in kept.warnings[0].message and "gardée" in kept.warnings[0].message
    assert not kept.reports[0].identity_holds and kept.reports[1].identity_holds
    dropped = read_lmis_reports(path, drop_inconsistent=True)
    assert len(dropped.reports) == 1 and dropped.dropped == 1
    assert "écartée" in dropped.warnings[0].message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("absent.csv", None, "fichier introuvable"),
        ("notes.txt", "bonjour", "format « .txt » non pris en charge"),
        ("faux.xlsx", "pas un zip", "pas un classeur Excel"),
        ("vide.csv", "", "le fichier est vide"),
    ],
)
def test_unusable_files(tmp_path: Path, name: str, content: str | None, expected: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = read_lmis_reports(path)
    assert result.reports == []
    assert expected in result.problems[0].message


def test_reads_an_xlsx_file(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append([2019, 1, "R", "D", "C1", "P1", 10, 5, 3, -2, 10, 3, 0, None])
    sheet.append([2019, 2, "R", "D", "C1", "P1", 10, 0, 4.5, 0, 6, 3, 0, None])
    path = tmp_path / "rapports.xlsx"
    workbook.save(path)
    content = read_lmis_reports(path)
    assert [(p.row, p.column) for p in content.problems] == [(3, "stock_distributed")]
    assert "4,5" in content.problems[0].message
