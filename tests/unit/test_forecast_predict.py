"""`predict`: every series gets the months after the last month of the whole file, with a
band, written to the CSV columns anyone can score."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core.errors import DomainError
from core.forecast.predict import predict, write_forecast_csv
from core.forecast.series import build_series
from core.monthly import MonthlyStockReport


def report(site: str, year: int, month: int, consumed: int) -> MonthlyStockReport:
    return MonthlyStockReport(site, "AS27000", year, month, 100, 0, consumed, 0, 100 - consumed)


def test_predict_writes_the_months_after_the_last_month_of_the_file(tmp_path: Path) -> None:
    reports = [report("A", 2019, m, 30) for m in range(1, 13)]
    # B grows by 10 a month from July 2018 and stopped reporting in June 2019: it is still
    # forecast for January 2020 on, after the end of the file.
    reports += [report("B", 2018, m, 10 * (m - 6)) for m in range(7, 13)]
    reports += [report("B", 2019, m, 60 + 10 * m) for m in range(1, 7)]
    lines = predict(build_series(reports), horizon=3, method="auto")
    out = tmp_path / "prevision.csv"
    write_forecast_csv(out, lines)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "site_code",
        "product_code",
        "year",
        "month",
        "forecast",
        "lower",
        "upper",
    ]
    assert [(r["site_code"], r["year"], r["month"]) for r in rows] == [
        ("A", "2020", "1"),
        ("A", "2020", "2"),
        ("A", "2020", "3"),
        ("B", "2020", "1"),
        ("B", "2020", "2"),
        ("B", "2020", "3"),
    ]
    assert [r["forecast"] for r in rows[:3]] == ["30", "30", "30"]
    for row in rows:
        assert float(row["lower"]) <= float(row["forecast"]) <= float(row["upper"])
    # The trend is chosen for B, and goes on growing past June's 120.
    b_lines = [line for line in lines if line.site_code == "B"]
    assert {line.method for line in b_lines} == {"trend"}
    assert 120 < b_lines[0].forecast < b_lines[1].forecast


def test_predict_with_a_named_method_and_errors() -> None:
    series = build_series([report("A", 2019, m, 30 + m) for m in range(1, 5)])
    lines = predict(series, horizon=2, method="amc")
    assert [line.forecast for line in lines] == [33.0, 33.0]  # ceil((32 + 33 + 34) / 3)
    with pytest.raises(DomainError, match="méthode « magic » inconnue"):
        predict(series, method="magic")
    with pytest.raises(DomainError, match="aucune série"):
        predict([], method="auto")
