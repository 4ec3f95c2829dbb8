"""Monthly report records: recognising a report file by its header, comparing reports,
the import result as JSON."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from core.exchange.movements import Problem
from core.monthly import MonthlyStockReport
from core.monthly_reports import (
    MonthlyImportResult,
    is_monthly_report_file,
    report_key,
    report_values,
)

LMIS_HEADER = (
    "year,month,region,district,site_code,product_code,stock_initial,stock_received,"
    "stock_distributed,stock_adjustment,stock_end,average_monthly_consumption,"
    "stock_stockout_days,stock_ordered"
)


def test_a_csv_with_the_lmis_columns_is_a_report_file_whatever_the_separator(
    tmp_path: Path,
) -> None:
    comma = tmp_path / "a.csv"
    comma.write_text(LMIS_HEADER + "\n2019,1,R,D,C1,P1,1,0,0,0,1,,,\n", encoding="utf-8")
    semicolon = tmp_path / "b.csv"
    semicolon.write_text("\ufeff" + LMIS_HEADER.replace(",", ";") + "\n", encoding="utf-8")
    # One LMIS column is enough: the reports reader then says which columns are missing.
    partial = tmp_path / "c.csv"
    partial.write_text('"year","month","site_code"\n', encoding="utf-8")
    assert is_monthly_report_file(comma)
    assert is_monthly_report_file(semicolon)
    assert is_monthly_report_file(partial)


def test_a_movements_file_or_an_unreadable_one_is_not_a_report_file(tmp_path: Path) -> None:
    movements = tmp_path / "m.csv"
    movements.write_text(
        "Date;Établissement;Produit;Mouvement;Quantité;Lot;Péremption;Motif;Référence\n",
        encoding="utf-8",
    )
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip")
    other = tmp_path / "notes.txt"
    other.write_text(LMIS_HEADER, encoding="utf-8")
    assert not is_monthly_report_file(movements)
    assert not is_monthly_report_file(fake)
    assert not is_monthly_report_file(other)
    assert not is_monthly_report_file(tmp_path / "absent.csv")


def test_an_xlsx_is_recognised_by_the_first_non_empty_row_of_its_first_sheet(
    tmp_path: Path,
) -> None:
    reports = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([])
    sheet.append(LMIS_HEADER.split(","))
    sheet.append([2019, 1, "R", "D", "C1", "P1", 1, 0, 0, 0, 1, None, None, None])
    book.save(reports)
    movements = tmp_path / "m.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Date", "Établissement", "Produit", "Mouvement", "Quantité"])
    book.save(movements)
    assert is_monthly_report_file(reports)
    assert not is_monthly_report_file(movements)


def report(**changes: object) -> MonthlyStockReport:
    values: dict[str, object] = {
        "site_code": "C1",
        "product_code": "P1",
        "year": 2019,
        "month": 2,
        "beginning_balance": 40,
        "received": 0,
        "consumed": 20,
        "adjustments": 0,
        "stock_on_hand": 20,
    }
    values.update(changes)
    return MonthlyStockReport(**values)  # type: ignore[arg-type]


def test_two_reports_are_the_same_when_their_values_are_region_and_district_aside() -> None:
    assert report_key(report()) == ("C1", "P1", 2019, 2)
    assert report_values(report(region="A")) == report_values(report(region="B"))
    assert report_values(report(stockout_days=3)) != report_values(report())
    assert report_values(report(ordered=30)) != report_values(report())


def test_a_negative_monthly_consumption_adjusts_to_zero() -> None:
    # A ledger month where returns outweigh dispensing, as core.stock.month_summaries counts it.
    assert report(consumed=-5, stock_on_hand=45).adjusted_consumption == 0
    assert report(consumed=21, stock_on_hand=19, stockout_days=15).adjusted_consumption == 42


def test_the_import_result_as_json_names_its_kind() -> None:
    warning = Problem("r.csv", "", 3, "stock_end", "stock final différent")
    result = MonthlyImportResult(
        "r.csv", 2, 1, 1, 0, ("C1",), ("P1",), [warning], [], False, True, ("C1",), ()
    )
    data = result.to_dict()
    assert data["kind"] == "monthly_reports"
    assert (data["added"], data["replaced"], data["unchanged"]) == (1, 1, 0)
    assert data["warnings"][0]["row"] == 3 and data["warnings"][0]["column"] == "stock_end"
    assert data["sites_created"] == ["C1"] and data["unlinked_products"] == []
