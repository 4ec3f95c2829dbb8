"""Backtest metrics on tiny hand-computed examples, and the rolling origins."""

from __future__ import annotations

import pytest

from core.errors import DomainError
from core.forecast.backtest import (
    backtest,
    forecast_origins,
    mean_scaled_error,
    naive_scale,
    precision_recall_f1,
)
from core.forecast.series import MonthlySeries
from core.monthly import month_index

START = month_index(2019, 1)


def series(
    site: str, consumed: list[int | None], stock: list[int | None] | None = None
) -> MonthlySeries:
    stock = stock if stock is not None else [0 if c is not None else None for c in consumed]
    return MonthlySeries(
        site,
        "P1",
        START,
        tuple(consumed),
        tuple(consumed),
        tuple(stock),
        tuple(None for _ in consumed),
    )


def test_naive_scale_uses_consecutive_reported_months_only() -> None:
    # Pairs (10, 14) and (14, 8): |4| and |6| → 5. The gap breaks the pair 8 → 20.
    assert naive_scale([10, 14, 8, None, 20]) == 5.0
    assert naive_scale([3, None, 3]) is None
    assert naive_scale([0, 0, 0]) == 0.0


def test_mean_scaled_error_averages_over_series_and_skips_zero_scales() -> None:
    errors = {("A", "P"): [2.0, 4.0], ("B", "P"): [1.0], ("C", "P"): [9.0]}
    scales: dict[tuple[str, str], float | None] = {
        ("A", "P"): 2.0,
        ("B", "P"): 0.5,
        ("C", "P"): 0.0,
    }
    # A: 3 / 2 = 1.5; B: 1 / 0.5 = 2; C has no scale → (1.5 + 2) / 2.
    assert mean_scaled_error(errors, scales) == (1.75, 2)


def test_precision_recall_f1_by_hand() -> None:
    precision, recall, f1 = precision_recall_f1(true_pos=3, false_pos=1, false_neg=2)
    assert precision == 0.75
    assert recall == 0.6
    assert f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert precision_recall_f1(0, 0, 0) == (None, None, None)


def test_origins_are_the_last_months_that_leave_a_full_horizon() -> None:
    data = [series("A", [1] * 12)]  # January to December 2019
    # Horizon 3, 2 origins: August and September (their horizons end in November and December).
    assert forecast_origins(data, 3, 2) == [month_index(2019, 8), month_index(2019, 9)]
    with pytest.raises(DomainError, match="pas assez de mois"):
        forecast_origins(data, 3, 10)


def test_backtest_by_hand_with_a_missing_actual() -> None:
    # Months: Jan..Jun. Horizon 2, 1 origin → origin April; targets May and June.
    # naive forecasts April's 10 for both; May is 16, June has no report (not scored).
    # Scale: |12−8|, |8−12|, |12−10| up to April → 10/3.
    data = [series("A", [8, 12, 8, 10, 16, None])]
    result = backtest(data, horizon=2, origins=1, methods=["naive"])
    naive = result.score("naive")
    assert result.origins == (month_index(2019, 4),)
    assert naive.points == 1
    assert naive.mae == 6.0
    assert naive.bias == -6.0
    assert naive.mase == pytest.approx(6.0 / (10 / 3))
    # The event needs every month of the horizon reported: not judged here.
    assert naive.event_cases == 0


def test_backtest_stockout_event_and_ratios_to_amc() -> None:
    # Origin March (horizon 1, 1 origin... data Jan..Apr). Stock at the end of March: 5.
    # A: consumption 10 a month; April 10 > 5 → event; amc 10 > 5 → foreseen (true positive).
    # B: a site that consumed 10, 10, 0, then 3 in April with stock 5: no event;
    #    amc = ceil(20/3) = 7 > 5 → false positive; naive 0 → true negative.
    a = series("A", [10, 10, 10, 10], [50, 40, 5, 0])
    b = series("B", [10, 10, 0, 3], [50, 40, 5, 2])
    result = backtest([a, b], horizon=1, origins=1, methods=["naive"])
    amc = result.score("amc")
    naive = result.score("naive")
    assert (amc.event_cases, amc.events, amc.predicted_events) == (2, 1, 2)
    assert amc.precision == 0.5 and amc.recall == 1.0
    # naive: A forecasts 10 (event foreseen), B forecasts 0: precision 1, recall 1.
    assert naive.precision == 1.0 and naive.recall == 1.0 and naive.f1 == 1.0
    assert naive.ratios["f1"] == pytest.approx(1.0 / amc.f1)  # type: ignore[operator]
    # MAE: amc |10−10| + |7−3| = 4 → 2; naive |10−10| + |0−3| = 3 → 1.5.
    assert amc.mae == 2.0 and naive.mae == 1.5
    assert naive.ratios["mae"] == 0.75
    assert amc.ratios["mase"] == 1.0


def test_backtest_rejects_an_unknown_method() -> None:
    with pytest.raises(DomainError, match="méthode « magic » inconnue"):
        backtest([series("A", [1] * 12)], methods=["magic"])
