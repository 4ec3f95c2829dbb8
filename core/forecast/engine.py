"""Forecasting one series at any origin: the named methods, the per-series choice (`auto`)
by the series' own rolling backtest, and the uncertainty band from its own errors."""

from __future__ import annotations

import math
from dataclasses import dataclass

from core.errors import DomainError
from core.forecast.methods import AUTO, METHODS, POOLED
from core.forecast.pooled import DEFAULT_POOLED, PooledSettings
from core.forecast.series import MonthlySeries


@dataclass(frozen=True, slots=True)
class AutoSettings:
    """How `auto` chooses a method per series, and how bands are made.

    At an origin, each candidate is backtested on the series' own past: forecasts made at the
    `window` months before the origin, scored on the months up to the origin (never after).
    The `default` is kept unless another candidate's mean absolute error is at least `margin`
    lower; on this kind of data the choice is noisy and a plain "lowest error wins" rule is
    worse than always using the default (BENCHMARKS.md).

    With `pooled` (the default), `auto` is the pooled model across all series wherever it
    could be trained (enough history in the file); the per-series choice above is the
    fallback."""

    candidates: tuple[str, ...] = ("median", "naive", "mean", "ses", "tsb", "seasonal", "trend")
    default: str = "median"
    window: int = 15
    margin: float = 0.25
    min_points: int = 6
    band_window: int = 15
    band_low: float = 0.1
    band_high: float = 0.9
    band_min_errors: int = 5
    whole_units: bool = True
    pooled: bool = True
    model: PooledSettings = DEFAULT_POOLED


DEFAULT_SETTINGS = AutoSettings()


def check_method(name: str) -> None:
    """Raise a French DomainError for an unknown method name."""
    if name not in (AUTO, POOLED) and name not in METHODS:
        raise DomainError(
            f"méthode « {name} » inconnue ; choisissez parmi : auto, pooled, "
            + ", ".join(METHODS)
            + "."
        )


def quantile(sorted_values: list[float], q: float) -> float:
    """Linear-interpolated quantile of an already sorted, non-empty list."""
    position = q * (len(sorted_values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


class SeriesForecaster:
    """Forecasts of one series at any origin (a month index), cached so that `auto`'s own
    backtests and a rolling-origin backtest share the work."""

    def __init__(
        self,
        series: MonthlySeries,
        horizon: int,
        settings: AutoSettings = DEFAULT_SETTINGS,
        pooled: dict[int, list[tuple[float, float, float]]] | None = None,
    ) -> None:
        """`pooled`: the pooled model's (forecast, lower, upper) per step, by origin, where it
        was trained (core/forecast/pooled.py)."""
        self.series = series
        self.pooled = pooled or {}
        self.horizon = horizon
        self.settings = settings
        self._history = [None if v is None else float(v) for v in series.adjusted]
        self._cache: dict[tuple[str, int], list[float] | None] = {}
        self._choice: dict[int, str] = {}

    def forecast(self, method: str, origin: int) -> list[float] | None:
        """The `horizon` months after `origin` from the history up to `origin`; None when the
        series has no report at or before it."""
        if method == AUTO:
            return self.forecast(self.choose(origin), origin)
        key = (method, origin)
        if key in self._cache:
            return self._cache[key]
        if method == POOLED:
            lines = self.pooled.get(origin)
            pooled = None if lines is None else [self._whole(v) for v, _, _ in lines]
            self._cache[key] = pooled
            return pooled
        start = self.series.start
        history = self._history[: origin - start + 1] if origin >= start else []
        result: list[float] | None = None
        if any(v is not None for v in history):
            values = METHODS[method].forecast(history, start, self.horizon)
            if self.settings.whole_units and method != "amc":
                values = [float(math.floor(v + 0.5)) for v in values]
            result = values
        self._cache[key] = result
        return result

    def _whole(self, value: float) -> float:
        return float(math.floor(value + 0.5)) if self.settings.whole_units else value

    def errors(self, method: str, origin: int, window: int) -> list[tuple[int, float]]:
        """(step, actual − forecast) of `method` made at each of the `window` months before
        `origin`, for target months up to `origin` with a report."""
        out: list[tuple[int, float]] = []
        consumed = self.series.consumed
        start = self.series.start
        for pseudo in range(max(start, origin - window), origin):
            predicted = self.forecast(method, pseudo)
            if predicted is None:
                continue
            for step in range(1, self.horizon + 1):
                target = pseudo + step
                if target > origin:
                    break
                actual = consumed[target - start] if target - start < len(consumed) else None
                if actual is not None:
                    out.append((step, actual - predicted[step - 1]))
        return out

    def choose(self, origin: int) -> str:
        """The method `auto` uses at `origin`."""
        if origin in self._choice:
            return self._choice[origin]
        settings = self.settings
        if settings.pooled and origin in self.pooled:
            self._choice[origin] = POOLED
            return POOLED
        best = settings.default
        scores: dict[str, float] = {}
        for name in dict.fromkeys((settings.default, *settings.candidates)):
            errors = self.errors(name, origin, settings.window)
            if len(errors) >= settings.min_points:
                scores[name] = sum(abs(e) for _, e in errors) / len(errors)
        if settings.default in scores:
            for name, score in scores.items():
                if score < (1.0 - settings.margin) * scores[best]:
                    best = name
        self._choice[origin] = best
        return best

    def band(self, method: str, origin: int, point: list[float]) -> list[tuple[float, float]]:
        """(lower, upper) per step: the point forecast plus the 10th and 90th percentiles of
        the method's own past errors at that step (all steps pooled when a step has fewer
        than 5); without enough history, 0 to the largest month of the last 12."""
        used = self.choose(origin) if method == AUTO else method
        if used == POOLED:
            lines = self.pooled.get(origin, [])
            return [
                (min(self._whole(low), value), max(self._whole(high), value))
                for value, (_, low, high) in zip(point, lines, strict=True)
            ]
        settings = self.settings
        errors = self.errors(used, origin, settings.band_window)
        pooled = sorted(e for _, e in errors)
        recent = [
            v
            for v in self.series.consumed[
                max(0, origin - self.series.start - 11) : origin - self.series.start + 1
            ]
            if v is not None
        ]
        result: list[tuple[float, float]] = []
        for step, value in enumerate(point, start=1):
            mine = sorted(e for s, e in errors if s == step)
            sample = mine if len(mine) >= settings.band_min_errors else pooled
            if len(sample) >= settings.band_min_errors:
                low = max(0.0, value + quantile(sample, settings.band_low))
                high = max(value, value + quantile(sample, settings.band_high))
            else:
                low = 0.0
                high = max([value, *recent])
            result.append((min(low, value), high))
        return result
