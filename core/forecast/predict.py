"""Forecasts of every series for the months after the last month of the data, with bands,
and the CSV file that carries them."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from core.errors import DomainError
from core.forecast.backtest import Progress
from core.forecast.engine import DEFAULT_SETTINGS, AutoSettings, SeriesForecaster, check_method
from core.forecast.methods import AUTO, POOLED
from core.forecast.pooled import pooled_by_series
from core.forecast.series import MonthlySeries
from core.monthly import year_month

CSV_COLUMNS = ("site_code", "product_code", "year", "month", "forecast", "lower", "upper")


@dataclass(frozen=True, slots=True)
class ForecastLine:
    """The forecast of one series for one month, its band, and the method behind it."""

    site_code: str
    product_code: str
    year: int
    month: int
    forecast: float
    lower: float
    upper: float
    method: str


def predict(
    series: Sequence[MonthlySeries],
    horizon: int = 3,
    method: str = AUTO,
    settings: AutoSettings = DEFAULT_SETTINGS,
    progress: Progress | None = None,
) -> list[ForecastLine]:
    """For every series, the `horizon` months after the last month of the whole data."""
    check_method(method)
    if horizon < 1:
        raise DomainError("l'horizon doit être d'au moins 1 mois.")
    if not series:
        raise DomainError("aucune série à prévoir : le fichier ne contient aucun rapport.")
    origin = max(s.end for s in series)
    uses_pooled = method == POOLED or (method == AUTO and settings.pooled)
    pooled = (
        pooled_by_series(series, [origin], horizon, settings.model, band=True)
        if uses_pooled
        else {}
    )
    lines: list[ForecastLine] = []
    for done, one in enumerate(series):
        if progress is not None and done % 100 == 0:
            progress(done / len(series), f"série {done + 1} sur {len(series)}")
        forecaster = SeriesForecaster(one, horizon, settings, pooled.get(one.key))
        point = forecaster.forecast(method, origin)
        if point is None:  # a series always has a report at or before the last month
            continue
        used = forecaster.choose(origin) if method == AUTO else method
        band = forecaster.band(used, origin, point)
        for step, (value, (low, high)) in enumerate(zip(point, band, strict=True), start=1):
            year, month = year_month(origin + step)
            lines.append(
                ForecastLine(one.site_code, one.product_code, year, month, value, low, high, used)
            )
    if progress is not None:
        progress(1.0, "terminé")
    return lines


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def write_forecast_csv(path: Path, lines: Sequence[ForecastLine]) -> None:
    """site_code, product_code, year, month, forecast, lower, upper (UTF-8, comma)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for line in lines:
            writer.writerow(
                [
                    line.site_code,
                    line.product_code,
                    line.year,
                    line.month,
                    _number(line.forecast),
                    _number(line.lower),
                    _number(line.upper),
                ]
            )
