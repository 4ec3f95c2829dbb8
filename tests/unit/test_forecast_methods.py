"""Each forecasting method on synthetic series whose answer is known, and `auto`'s choice."""

from __future__ import annotations

import math

import pytest

from core.forecast.engine import AutoSettings, SeriesForecaster
from core.forecast.methods import METHODS, seasonal_indexes
from core.forecast.series import MonthlySeries
from core.monthly import month_index

START = month_index(2016, 1)


def run(name: str, history: list[float | None], horizon: int = 3) -> list[float]:
    return METHODS[name].forecast(history, START, horizon)


def expected_level(name: str, level: float) -> float:
    # SBA deflates Croston by (1 − alpha/2) on purpose, even on a constant series.
    return level * (1 - 0.1 / 2) if name == "sba" else level


@pytest.mark.parametrize("name", sorted(METHODS))
def test_every_method_forecasts_a_constant_series_as_that_constant(name: str) -> None:
    history: list[float | None] = [40.0] * 36
    assert run(name, history) == pytest.approx([expected_level(name, 40.0)] * 3)


@pytest.mark.parametrize("name", sorted(METHODS))
def test_missing_months_are_skipped_not_read_as_zeros(name: str) -> None:
    history: list[float | None] = [25.0, None, 25.0, None, None] * 6
    assert run(name, history) == pytest.approx([expected_level(name, 25.0)] * 3)


def test_amc_is_the_lmis_rule() -> None:
    # ceil(mean(42, 21, 30)) = 31, whatever came before.
    assert run("amc", [999.0, 42.0, None, 21.0, 30.0]) == [31.0, 31.0, 31.0]


def test_median_ignores_a_one_off_peak() -> None:
    assert run("median", [10.0, 12.0, 300.0, 11.0]) == [11.5, 11.5, 11.5]


def test_naive_repeats_the_last_reported_month() -> None:
    assert run("naive", [5.0, 9.0, None]) == [9.0, 9.0, 9.0]


def test_intermittent_methods_give_the_mean_demand_rate() -> None:
    # Demand of 40 every fourth month: 10 a month on average.
    history: list[float | None] = [0.0, 0.0, 0.0, 40.0] * 9
    assert run("croston", history) == pytest.approx([10.0] * 3)
    assert run("sba", history) == pytest.approx([10.0 * (1 - 0.1 / 2)] * 3)
    # TSB's rate peaks just after a demand and decays between: on average over the four
    # positions of the cycle it is the demand rate.
    phases = [run("tsb", history[:n])[0] for n in range(33, 37)]
    assert sum(phases) / 4 == pytest.approx(10.0, rel=0.1)
    # The median of a mostly-zero series is zero (the best guess under absolute error).
    assert run("median", history) == [0.0, 0.0, 0.0]


def test_tsb_fades_out_a_series_that_stopped() -> None:
    history: list[float | None] = [20.0] * 12 + [0.0] * 12
    assert run("tsb", history)[0] < 20.0 * 0.1
    assert run("croston", history)[0] == pytest.approx(20.0)  # Croston never notices


def test_seasonal_method_follows_the_lean_season() -> None:
    # RUTF-like: 100 a month, 200 from June to September, three years.
    def demand(month: int) -> float:
        return 200.0 if 6 <= month <= 9 else 100.0

    history: list[float | None] = [demand(m % 12 + 1) for m in range(36)]
    indexes = seasonal_indexes(history, START)
    assert indexes is not None
    assert indexes[6] > 1.2 > 0.9 > indexes[0]  # July above, January below the mean
    # The origin is December 2018: forecast January to July 2019.
    forecast = run("seasonal", history, 7)
    assert forecast[0] == pytest.approx(100.0, rel=0.1)
    assert forecast[6] > 1.3 * forecast[0]
    flat = run("median", history, 7)
    assert flat[6] == flat[0]


def test_seasonal_falls_back_to_the_median_without_two_years() -> None:
    history: list[float | None] = [10.0, 20.0, 30.0, 40.0]
    assert run("seasonal", history) == run("median", history)


def test_trend_extends_a_straight_line() -> None:
    history: list[float | None] = [float(10 + 5 * t) for t in range(12)]
    # Last month 65; then 70, 75, 80.
    assert run("trend", history) == pytest.approx([70.0, 75.0, 80.0])


def test_trend_is_robust_to_one_outlier_and_never_negative() -> None:
    history: list[float | None] = [float(10 + 5 * t) for t in range(12)]
    history[5] = 500.0
    assert run("trend", history) == pytest.approx([70.0, 75.0, 80.0])
    falling: list[float | None] = [float(60 - 10 * t) for t in range(7)]
    assert run("trend", falling) == [0.0, 0.0, 0.0]


def series_of(values: list[int | None], start: int = START) -> MonthlySeries:
    return MonthlySeries(
        "S1",
        "P1",
        start,
        tuple(values),
        tuple(values),
        tuple(0 for _ in values),
        tuple(None for _ in values),
    )


def test_auto_keeps_the_default_on_a_noisy_flat_series() -> None:
    values: list[int | None] = [10, 14, 9, 11, 12, 8, 10, 13, 9, 11] * 3
    forecaster = SeriesForecaster(series_of(values), 3)
    origin = START + len(values) - 1
    assert forecaster.choose(origin) == "median"


def test_auto_switches_to_the_trend_on_a_growing_series() -> None:
    values: list[int | None] = [10 + 5 * t for t in range(30)]
    forecaster = SeriesForecaster(series_of(values), 3)
    origin = START + len(values) - 1
    assert forecaster.choose(origin) == "trend"
    assert forecaster.forecast("auto", origin) == pytest.approx([160.0, 165.0, 170.0])


def test_auto_does_not_look_past_the_origin() -> None:
    # Flat for two years, then a jump: at an origin before the jump nothing can know of it.
    values: list[int | None] = [10] * 24 + [500] * 12
    settings = AutoSettings()
    early = SeriesForecaster(series_of(values[:24]), 3, settings)
    full = SeriesForecaster(series_of(values), 3, settings)
    origin = START + 23
    assert full.choose(origin) == early.choose(origin)
    assert full.forecast("auto", origin) == early.forecast("auto", origin)


def test_band_contains_the_forecast_and_widens_with_noise() -> None:
    calm = SeriesForecaster(series_of([20, 21, 19, 20] * 8), 3)
    noisy = SeriesForecaster(series_of([0, 45, 5, 30] * 8), 3)
    origin = START + 31
    for forecaster in (calm, noisy):
        point = forecaster.forecast("median", origin)
        assert point is not None
        for value, (low, high) in zip(point, forecaster.band("median", origin, point), strict=True):
            assert 0 <= low <= value <= high
    calm_point = calm.forecast("median", origin) or []
    noisy_point = noisy.forecast("median", origin) or []
    calm_width = calm.band("median", origin, calm_point)[0]
    noisy_width = noisy.band("median", origin, noisy_point)[0]
    assert noisy_width[1] - noisy_width[0] > 3 * (calm_width[1] - calm_width[0])


def test_whole_units_round_forecasts_except_the_amc_ceiling() -> None:
    forecaster = SeriesForecaster(series_of([1, 2, 2, 1]), 1)
    origin = START + 3
    assert forecaster.forecast("median", origin) == [2.0]  # 1.5 rounds half up
    assert forecaster.forecast("amc", origin) == [float(math.ceil(5 / 3))]
