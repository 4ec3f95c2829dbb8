"""Rolling-origin backtest of the forecasting methods on monthly series: MASE, MAE, bias, and
precision / recall / F1 of predicting that the stock at the origin will not cover the next
months' consumption.

Choices (documented in BENCHMARKS.md):
- origins are the last `origins` calendar months of the data that leave a full horizon after
  them; every method forecasts from the history up to the origin only;
- the forecast is scored against the reported consumption C; a month with no report is not
  scored (it is not a zero);
- MASE: each series' mean absolute error over all its scored months divided by its in-sample
  one-step naive MAE (|C(t) − C(t−1)| over pairs of consecutive reported months up to the
  first origin), then averaged over series. A series whose scale is zero (constant, usually
  all zeros, up to the first origin) or has no such pair has no MASE; it still counts in MAE,
  bias and the stock-out event, and the number of such series is reported;
- the event is judged only when the origin month has a report (its closing stock) and every
  month of the horizon has one; predicted when the forecast's sum exceeds that stock.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from core.errors import DomainError
from core.forecast.engine import DEFAULT_SETTINGS, AutoSettings, SeriesForecaster, check_method
from core.forecast.methods import AUTO, METHODS, POOLED
from core.forecast.pooled import pooled_by_series
from core.forecast.series import MonthlySeries

Progress = Callable[[float, str], None]
RATIO_FIELDS = ("mase", "mae", "bias", "precision", "recall", "f1")


def all_method_names() -> list[str]:
    return [*METHODS, POOLED, AUTO]


def naive_scale(values: Sequence[int | None]) -> float | None:
    """In-sample one-step naive MAE over consecutive reported months; None without a pair."""
    diffs = [abs(b - a) for a, b in itertools.pairwise(values) if a is not None and b is not None]
    return sum(diffs) / len(diffs) if diffs else None


def precision_recall_f1(
    true_pos: int, false_pos: int, false_neg: int
) -> tuple[float | None, float | None, float | None]:
    """None where a figure is undefined (nothing predicted, nothing happened)."""
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else None
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else None
    if precision is None or recall is None:
        return precision, recall, None
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def mean_scaled_error(
    abs_errors: dict[tuple[str, str], list[float]], scales: dict[tuple[str, str], float | None]
) -> tuple[float | None, int]:
    """Mean over series of (series MAE ÷ its scale), skipping series without a positive scale;
    also the number of series averaged."""
    ratios = []
    for key, errors in abs_errors.items():
        scale = scales.get(key)
        if errors and scale:
            ratios.append(sum(errors) / len(errors) / scale)
    return (sum(ratios) / len(ratios) if ratios else None), len(ratios)


@dataclass(slots=True)
class _Tally:
    abs_errors: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    error_sum: float = 0.0
    abs_sum: float = 0.0
    points: int = 0
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    cases: int = 0


@dataclass(frozen=True, slots=True)
class MethodScore:
    """One method's figures over the whole backtest, and their ratios to the AMC rule's."""

    method: str
    mase: float | None
    mae: float | None
    bias: float | None
    precision: float | None
    recall: float | None
    f1: float | None
    series_in_mase: int
    points: int
    event_cases: int
    events: int
    predicted_events: int
    ratios: dict[str, float | None]

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "method": self.method,
            "mase": self.mase,
            "mae": self.mae,
            "bias": self.bias,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }
        for name in RATIO_FIELDS:
            data[f"{name}_ratio_to_amc"] = self.ratios.get(name)
        data.update(
            series_in_mase=self.series_in_mase,
            points=self.points,
            event_cases=self.event_cases,
            events=self.events,
            predicted_events=self.predicted_events,
        )
        return data


@dataclass(frozen=True, slots=True)
class BacktestResult:
    horizon: int
    origins: tuple[int, ...]
    series: int
    series_without_scale: int
    scores: tuple[MethodScore, ...]
    auto_choices: dict[str, int]
    seconds: float

    def score(self, method: str) -> MethodScore:
        return next(s for s in self.scores if s.method == method)


def forecast_origins(series: Sequence[MonthlySeries], horizon: int, origins: int) -> list[int]:
    """The last `origins` months of the data that leave `horizon` months after them."""
    if horizon < 1:
        raise DomainError("l'horizon doit être d'au moins 1 mois.")
    if origins < 1:
        raise DomainError("il faut au moins 1 origine de prévision.")
    if not series:
        raise DomainError("aucune série à évaluer : le fichier ne contient aucun rapport.")
    last = max(s.end for s in series)
    first_month = min(s.start for s in series)
    first = last - horizon - origins + 1
    if first - 1 < first_month:
        raise DomainError(
            f"pas assez de mois dans les données ({last - first_month + 1}) pour {origins} "
            f"origine(s) et un horizon de {horizon} mois ; réduisez --origins ou --horizon."
        )
    return list(range(first, last - horizon + 1))


def _ratio(value: float | None, base: float | None, absolute: bool = False) -> float | None:
    if value is None or base is None or base == 0:
        return None
    return abs(value) / abs(base) if absolute else value / base


def backtest(
    series: Sequence[MonthlySeries],
    horizon: int = 3,
    origins: int = 6,
    methods: Iterable[str] | None = None,
    settings: AutoSettings = DEFAULT_SETTINGS,
    progress: Progress | None = None,
) -> BacktestResult:
    """Score each method (default: all, and `auto`) at each rolling origin."""
    started = time.perf_counter()
    names = list(dict.fromkeys(["amc", *(methods or all_method_names())]))
    for name in names:
        check_method(name)
    months = forecast_origins(series, horizon, origins)
    first = months[0]
    tallies = {name: _Tally() for name in names}
    scales: dict[tuple[str, str], float | None] = {}
    choices: dict[str, int] = {}
    uses_pooled = POOLED in names or (AUTO in names and settings.pooled)
    if progress is not None and uses_pooled:
        progress(0.0, "modèle commun à toutes les séries")
    pooled = pooled_by_series(series, months, horizon, settings.model) if uses_pooled else {}
    for done, one in enumerate(series):
        if progress is not None and done % 50 == 0:
            progress(done / len(series), f"série {done + 1} sur {len(series)}")
        scales[one.key] = naive_scale(one.consumed[: max(0, first - one.start + 1)])
        forecaster = SeriesForecaster(one, horizon, settings, pooled.get(one.key))
        for origin in months:
            actual = [one.value_at(one.consumed, origin + k) for k in range(1, horizon + 1)]
            if all(a is None for a in actual):
                continue
            stock = one.value_at(one.stock_on_hand, origin)
            judged = stock is not None and all(a is not None for a in actual)
            for name in names:
                predicted = forecaster.forecast(name, origin)
                if predicted is None:
                    continue
                if name == AUTO:
                    chosen = forecaster.choose(origin)
                    choices[chosen] = choices.get(chosen, 0) + 1
                tally = tallies[name]
                errors = tally.abs_errors.setdefault(one.key, [])
                for f, a in zip(predicted, actual, strict=True):
                    if a is not None:
                        tally.error_sum += f - a
                        tally.abs_sum += abs(f - a)
                        tally.points += 1
                        errors.append(abs(f - a))
                if judged and stock is not None:
                    happened = sum(a for a in actual if a is not None) > stock
                    foreseen = sum(predicted) > stock
                    tally.cases += 1
                    tally.true_pos += happened and foreseen
                    tally.false_pos += foreseen and not happened
                    tally.false_neg += happened and not foreseen
    scores: list[MethodScore] = []
    for name in names:
        tally = tallies[name]
        mase, in_mase = mean_scaled_error(tally.abs_errors, scales)
        precision, recall, f1 = precision_recall_f1(
            tally.true_pos, tally.false_pos, tally.false_neg
        )
        scores.append(
            MethodScore(
                method=name,
                mase=mase,
                mae=tally.abs_sum / tally.points if tally.points else None,
                bias=tally.error_sum / tally.points if tally.points else None,
                precision=precision,
                recall=recall,
                f1=f1,
                series_in_mase=in_mase,
                points=tally.points,
                event_cases=tally.cases,
                events=tally.true_pos + tally.false_neg,
                predicted_events=tally.true_pos + tally.false_pos,
                ratios={},
            )
        )
    base = scores[0]
    with_ratios = tuple(
        replace(
            s,
            ratios={
                f: _ratio(getattr(s, f), getattr(base, f), absolute=f == "bias")
                for f in RATIO_FIELDS
            },
        )
        for s in scores
    )
    if progress is not None:
        progress(1.0, "terminé")
    return BacktestResult(
        horizon=horizon,
        origins=tuple(months),
        series=len(series),
        series_without_scale=sum(1 for v in scales.values() if not v),
        scores=with_ratios,
        auto_choices=dict(sorted(choices.items(), key=lambda kv: -kv[1])),
        seconds=time.perf_counter() - started,
    )
