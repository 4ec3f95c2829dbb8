"""The pooled model across series, on synthetic series whose answer is known."""

from __future__ import annotations

import math

from core.forecast.engine import SeriesForecaster
from core.forecast.methods import POOLED
from core.forecast.pooled import Panel, pooled_by_series, training_set
from core.forecast.predict import predict
from core.forecast.series import MonthlySeries
from core.monthly import month_index

START = month_index(2016, 1)
MONTHS = 48


def seasonal_value(level: float, period: int) -> int:
    """A shared lean-season pattern: high in July–September, low in January–March."""
    return round(level * (1 + 0.6 * math.sin(2 * math.pi * ((period % 12) - 4) / 12)))


def family(count: int = 40, months: int = MONTHS) -> list[MonthlySeries]:
    out = []
    for n in range(count):
        level = 10.0 + 7.0 * n
        consumed = tuple(seasonal_value(level, START + t) for t in range(months))
        stock = tuple(int(2 * level) for _ in range(months))
        out.append(
            MonthlySeries(
                f"S{n:02d}",
                "P1",
                START,
                consumed,
                consumed,
                stock,
                tuple(0 for _ in range(months)),
                tuple(0 for _ in range(months)),
                tuple(0 for _ in range(months)),
                tuple(None for _ in range(months)),
            )
        )
    return out


def test_pooled_model_learns_a_seasonal_pattern_shared_by_sites_of_different_size() -> None:
    series = family()
    origin = START + MONTHS - 7  # leaves 6 known months after the origin
    result = pooled_by_series(series, [origin], 3)
    errors = []
    median_errors = []
    for one in series:
        lines = result[one.key][origin]
        forecaster = SeriesForecaster(one, 3)
        median = forecaster.forecast("median", origin)
        assert median is not None
        for step, (value, low, high) in enumerate(lines, start=1):
            actual = seasonal_value(10.0 + 7.0 * int(one.site_code[1:]), origin + step)
            assert low <= value <= high
            errors.append(abs(value - actual) / actual)
            median_errors.append(abs(median[step - 1] - actual) / actual)
    # The shared season is learnt: within 15 % on average, far better than a flat median.
    assert sum(errors) / len(errors) < 0.15
    assert sum(errors) < 0.5 * sum(median_errors)


def test_training_rows_never_look_past_the_origin() -> None:
    series = family(count=5, months=24)
    panel = Panel(series)
    origin_col = 12
    x, y = training_set(panel, origin_col, 3)
    # Pseudo-origins 0..11, target months up to 12 only: steps 1, 2, 3 give 12 + 11 + 10 rows.
    assert len(y) == 5 * (12 + 11 + 10)
    assert x.shape[0] == len(y)


def test_auto_uses_the_pooled_model_and_falls_back_without_enough_history() -> None:
    series = family()
    lines = predict(series, horizon=2)
    assert {line.method for line in lines} == {POOLED}
    assert all(line.lower <= line.forecast <= line.upper for line in lines)
    tiny = family(count=2, months=8)
    assert {line.method for line in predict(tiny, horizon=2)} != {POOLED}
