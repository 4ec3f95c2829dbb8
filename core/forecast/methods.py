"""Forecasting methods for one monthly series: each maps the history up to an origin to the
next `horizon` monthly quantities.

A history is a list with one slot per calendar month ending at the origin (None where no
report exists) and the month index of its first slot (for the calendar month of seasonality).
Missing months are skipped, never read as zeros."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.consumption import average_monthly_consumption

History = Sequence[float | None]
MethodFunction = Callable[[History, int, int], list[float]]

MEDIAN_WINDOW = 4
MEAN_WINDOW = 6
SES_ALPHA = 0.3
CROSTON_ALPHA = 0.1
TSB_ALPHA = 0.2
TSB_BETA = 0.2
SEASONAL_MIN_MONTHS = 24
SEASONAL_SHRINK = 3.0
TREND_WINDOW = 12
TREND_MIN_POINTS = 6


@dataclass(frozen=True, slots=True)
class Method:
    """A forecasting method: its name (as in the CLI and JSON), French label and function."""

    name: str
    label_fr: str
    forecast: MethodFunction


def reported(history: History) -> list[float]:
    return [v for v in history if v is not None]


def _flat(value: float, horizon: int) -> list[float]:
    return [max(0.0, value)] * horizon


def amc_rule(history: History, start: int, horizon: int) -> list[float]:
    """The LMIS rule: ceil(mean of the last 3 reported adjusted consumptions)."""
    values = reported(history)
    return _flat(float(average_monthly_consumption([math.ceil(v) for v in values])), horizon)


def naive(history: History, start: int, horizon: int) -> list[float]:
    """The last reported month, repeated."""
    values = reported(history)
    return _flat(values[-1] if values else 0.0, horizon)


def moving_median(history: History, start: int, horizon: int) -> list[float]:
    """Median of the last 4 reported months: robust to one-off peaks, zero for mostly-zero
    series (the best point forecast under absolute error)."""
    values = reported(history)[-MEDIAN_WINDOW:]
    return _flat(statistics.median(values) if values else 0.0, horizon)


def moving_mean(history: History, start: int, horizon: int) -> list[float]:
    """Mean of the last 6 reported months."""
    values = reported(history)[-MEAN_WINDOW:]
    return _flat(statistics.fmean(values) if values else 0.0, horizon)


def ses(history: History, start: int, horizon: int) -> list[float]:
    """Simple exponential smoothing (alpha 0.3) over reported months."""
    values = reported(history)
    if not values:
        return _flat(0.0, horizon)
    level = statistics.fmean(values[:3])
    for value in values[1:]:
        level += SES_ALPHA * (value - level)
    return _flat(level, horizon)


def _croston(history: History, horizon: int, debias: float) -> list[float]:
    values = reported(history)
    demands = [(i, v) for i, v in enumerate(values) if v > 0]
    if not demands:
        return _flat(0.0, horizon)
    size = demands[0][1]
    interval = float(demands[0][0] + 1)
    previous = demands[0][0]
    for index, value in demands[1:]:
        size += CROSTON_ALPHA * (value - size)
        interval += CROSTON_ALPHA * ((index - previous) - interval)
        previous = index
    return _flat(debias * size / interval, horizon)


def croston(history: History, start: int, horizon: int) -> list[float]:
    """Croston: smoothed demand size over smoothed interval between demands (alpha 0.1)."""
    return _croston(history, horizon, 1.0)


def sba(history: History, start: int, horizon: int) -> list[float]:
    """Syntetos–Boylan approximation: Croston times (1 − alpha/2) to remove its bias."""
    return _croston(history, horizon, 1.0 - CROSTON_ALPHA / 2)


def tsb(history: History, start: int, horizon: int) -> list[float]:
    """Teunter–Syntetos–Babai: smoothed probability of demand times smoothed size; the
    probability decays every month without demand, so dying series fade out."""
    values = reported(history)
    sizes = [v for v in values if v > 0]
    if not sizes:
        return _flat(0.0, horizon)
    probability = len(sizes) / len(values)
    size = sizes[0]
    for value in values:
        probability += TSB_BETA * ((1.0 if value > 0 else 0.0) - probability)
        if value > 0:
            size += TSB_ALPHA * (value - size)
    return _flat(probability * size, horizon)


def seasonal_indexes(history: History, start: int) -> list[float] | None:
    """Index of each calendar month (0 = January) from past years, from the months around it
    (±1) relative to the series' mean, shrunk towards 1 when few years back it. None without
    two years of history or without any consumption."""
    if len(history) < SEASONAL_MIN_MONTHS:
        return None
    month_sums = [0.0] * 12
    month_counts = [0] * 12
    for offset, value in enumerate(history):
        if value is not None:
            month = (start + offset) % 12
            month_sums[month] += value
            month_counts[month] += 1
    count = sum(month_counts)
    total = sum(month_sums)
    if count < SEASONAL_MIN_MONTHS * 3 // 4 or total <= 0:
        return None
    mean = total / count
    indexes = []
    for month in range(12):
        around = (month - 1) % 12, month, (month + 1) % 12
        n = sum(month_counts[m] for m in around)
        raw = sum(month_sums[m] for m in around) / n / mean if n else 1.0
        weight = n / 3  # about the number of years behind this month
        indexes.append((weight * raw + SEASONAL_SHRINK) / (weight + SEASONAL_SHRINK))
    return indexes


def seasonal(history: History, start: int, horizon: int) -> list[float]:
    """Recent level with the seasonal index of each target month (e.g. the lean season for
    RUTF): deseasonalised median of the last 4 reported months × the target month's index.
    Falls back to the moving median without two years of history."""
    indexes = seasonal_indexes(history, start)
    if indexes is None:
        return moving_median(history, start, horizon)
    recent = [
        (value / indexes[(start + offset) % 12])
        for offset, value in enumerate(history)
        if value is not None
    ][-MEDIAN_WINDOW:]
    level = statistics.median(recent)
    origin = start + len(history) - 1
    return [max(0.0, level * indexes[(origin + k) % 12]) for k in range(1, horizon + 1)]


def trend(history: History, start: int, horizon: int) -> list[float]:
    """Theil–Sen line through the last 12 reported months (robust to outliers), extended.
    Falls back to the moving median with fewer than 6 reported months."""
    points = [(float(i), v) for i, v in enumerate(history) if v is not None][-TREND_WINDOW:]
    if len(points) < TREND_MIN_POINTS:
        return moving_median(history, start, horizon)
    slopes = [
        (y2 - y1) / (x2 - x1)
        for n, (x1, y1) in enumerate(points)
        for x2, y2 in points[n + 1 :]
        if x2 != x1
    ]
    slope = statistics.median(slopes)
    intercept = statistics.median(y - slope * x for x, y in points)
    origin = float(len(history) - 1)
    return [max(0.0, intercept + slope * (origin + k)) for k in range(1, horizon + 1)]


METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method("amc", "règle CMM (moyenne des 3 derniers mois ajustés)", amc_rule),
        Method("naive", "dernier mois", naive),
        Method("median", "médiane des 4 derniers mois", moving_median),
        Method("mean", "moyenne des 6 derniers mois", moving_mean),
        Method("ses", "lissage exponentiel simple", ses),
        Method("croston", "Croston (demande intermittente)", croston),
        Method("sba", "Croston corrigé SBA (demande intermittente)", sba),
        Method("tsb", "TSB (demande intermittente qui s'éteint)", tsb),
        Method("seasonal", "saisonnier (indices mensuels des années passées)", seasonal),
        Method("trend", "tendance (droite de Theil–Sen sur 12 mois)", trend),
    )
}
AUTO = "auto"
POOLED = "pooled"
"""The pooled gradient-boosting model across all series (core/forecast/pooled.py): not a
per-series function, so not in METHODS."""
