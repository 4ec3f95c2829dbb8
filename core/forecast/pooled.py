"""A pooled model across all series: one gradient-boosting regressor learns, from every site
and product at once, how next months' consumption follows from the recent months, the stock
and the calendar.

Targets are scaled per series (by its in-sample one-step naive MAE up to the origin, the scale
of MASE) so that sites of different size pool; the model predicts the median of the scaled
consumption (absolute loss) `step` months ahead, with the step as a feature (direct
multi-horizon). At an origin it is trained only on months up to that origin.

numpy and scikit-learn are imported lazily (inside the functions), so that importing this
module costs nothing on the GUI start path."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.forecast.series import MonthlySeries

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Matrix = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class PooledSettings:
    """Gradient-boosting settings (chosen with site folds, BENCHMARKS.md)."""

    max_iter: int = 200
    learning_rate: float = 0.08
    max_leaf_nodes: int = 31
    min_samples_leaf: int = 40
    l2_regularization: float = 1.0
    min_train_month: int = 6
    seed: int = 0


DEFAULT_POOLED = PooledSettings()

FEATURES = (
    "step",
    "target_month",
    "product",
    "log_scale",
    "lag0",
    "lag1",
    "lag2",
    "lag3",
    "lag4",
    "lag5",
    "same_month_last_year",
    "lag11",
    "mean3",
    "mean6",
    "mean12",
    "median4",
    "median6",
    "median12",
    "zero_share6",
    "zero_share12",
    "reported12",
    "since_nonzero",
    "since_report",
    "stock_end",
    "stock_cover",
    "received0",
    "received3",
    "ordered0",
    "stockout_days",
    "reported_amc",
    "age",
)


class Panel:
    """The series as (series × calendar month) arrays, NaN where no report exists."""

    def __init__(self, series: Sequence[MonthlySeries]) -> None:
        import numpy as np

        self.series = list(series)
        self.first = min(s.start for s in series)
        self.last = max(s.end for s in series)
        size = (len(series), self.last - self.first + 1)

        def grid(field: str) -> Matrix:
            out = np.full(size, np.nan)
            for row, one in enumerate(series):
                values = getattr(one, field)
                if not values:
                    continue
                offset = one.start - self.first
                out[row, offset : offset + len(values)] = [
                    np.nan if v is None else float(v) for v in values
                ]
            return out

        self.consumed = grid("consumed")
        self.adjusted = grid("adjusted")
        self.stock_end = grid("stock_on_hand")
        self.received = grid("received")
        self.ordered = grid("ordered")
        self.stockout = grid("stockout_days")
        self.amc = grid("reported_amc")
        products = sorted({s.product_code for s in series})
        self.product = np.array([products.index(s.product_code) for s in series], dtype=np.float64)
        self.start_col = np.array([s.start - self.first for s in series], dtype=np.float64)
        self.scale = self._scales()
        self._features: dict[tuple[int, int], Matrix] = {}

    def column(self, month: int) -> int:
        return month - self.first

    def _scales(self) -> Matrix:
        """Per series and month: the mean |C(t) − C(t−1)| over consecutive reported months up
        to that month; where that is 0 or undefined, the mean C; where that is 0, 1."""
        import numpy as np

        diffs = np.abs(np.diff(self.consumed, axis=1))
        present = ~np.isnan(diffs)
        sums = np.concatenate(
            [np.zeros((len(diffs), 1)), np.cumsum(np.where(present, diffs, 0.0), axis=1)], axis=1
        )
        counts = np.concatenate([np.zeros((len(diffs), 1)), np.cumsum(present, axis=1)], axis=1)
        reported = ~np.isnan(self.consumed)
        level_sums = np.cumsum(np.where(reported, self.consumed, 0.0), axis=1)
        level_counts = np.cumsum(reported, axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = sums / counts
            level = level_sums / level_counts
        scale = np.where(np.isfinite(scale) & (scale > 0), scale, level)
        scale = np.where(np.isfinite(scale) & (scale > 0), scale, 1.0)
        return np.asarray(scale, dtype=np.float64)

    def features(self, col: int, step: int) -> Matrix:
        """One row per series: the features known at calendar column `col` for the month
        `step` months later (NaN where unknown); cached."""
        key = (col, step)
        if key not in self._features:
            self._features[key] = self._compute_features(col, step)
        return self._features[key]

    def _compute_features(self, col: int, step: int) -> Matrix:
        import numpy as np

        n = len(self.series)
        values = self.adjusted
        scale = self.scale[:, col]

        def window(array: Matrix, months: int) -> Matrix:
            low = max(0, col - months + 1)
            part = array[:, low : col + 1]
            if part.shape[1] < months:
                pad = np.full((n, months - part.shape[1]), np.nan)
                part = np.concatenate([pad, part], axis=1)
            return np.asarray(part, dtype=np.float64)

        def lag(array: Matrix, months: int) -> Matrix:
            at = col - months
            if at < 0:
                return np.full(n, np.nan)
            return np.asarray(array[:, at], dtype=np.float64)

        w12 = window(values, 12)
        w6 = w12[:, -6:]
        w4 = w12[:, -4:]
        w3 = w12[:, -3:]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=RuntimeWarning)
            mean3 = np.nanmean(w3, axis=1)
            mean6 = np.nanmean(w6, axis=1)
            mean12 = np.nanmean(w12, axis=1)
            median4 = np.nanmedian(w4, axis=1)
            median6 = np.nanmedian(w6, axis=1)
            median12 = np.nanmedian(w12, axis=1)
            zero6 = np.nanmean(np.where(np.isnan(w6), np.nan, w6 == 0), axis=1)
            zero12 = np.nanmean(np.where(np.isnan(w12), np.nan, w12 == 0), axis=1)
            received3 = np.nanmean(window(self.received, 3), axis=1)
        reported12 = np.sum(~np.isnan(w12), axis=1).astype(np.float64)
        history = values[:, : col + 1]
        nonzero = np.where(np.nan_to_num(history) > 0, np.arange(col + 1), -1).max(axis=1)
        since_nonzero = np.where(nonzero >= 0, col - nonzero, 48).astype(np.float64)
        has = np.where(~np.isnan(history), np.arange(col + 1), -1).max(axis=1)
        since_report = np.where(has >= 0, col - has, 48).astype(np.float64)
        stock = self.stock_end[:, col]
        with np.errstate(invalid="ignore", divide="ignore"):
            cover = stock / np.maximum(mean6, 1.0)
        target_month = float((self.first + col + step) % 12)
        same_month = lag(values, 12 - step) if step <= 12 else np.full(n, np.nan)
        columns = [
            np.full(n, float(step)),
            np.full(n, target_month),
            self.product,
            np.log1p(scale),
            lag(values, 0) / scale,
            lag(values, 1) / scale,
            lag(values, 2) / scale,
            lag(values, 3) / scale,
            lag(values, 4) / scale,
            lag(values, 5) / scale,
            same_month / scale,
            lag(values, 11) / scale,
            mean3 / scale,
            mean6 / scale,
            mean12 / scale,
            median4 / scale,
            median6 / scale,
            median12 / scale,
            zero6,
            zero12,
            reported12,
            since_nonzero,
            since_report,
            stock / scale,
            cover,
            self.received[:, col] / scale,
            received3 / scale,
            self.ordered[:, col] / scale,
            self.stockout[:, col],
            self.amc[:, col] / scale,
            np.minimum(col - self.start_col, 48.0),
        ]
        return np.column_stack(columns)

    def active(self, col: int) -> NDArray[np.bool_]:
        """Series with a report at or before column `col`."""
        import numpy as np

        return np.asarray(self.start_col <= col)


def _model(settings: PooledSettings) -> Any:
    from sklearn.ensemble import HistGradientBoostingRegressor

    categorical = [FEATURES.index("product")]
    return HistGradientBoostingRegressor(
        loss="absolute_error",
        max_iter=settings.max_iter,
        learning_rate=settings.learning_rate,
        max_leaf_nodes=settings.max_leaf_nodes,
        min_samples_leaf=settings.min_samples_leaf,
        l2_regularization=settings.l2_regularization,
        categorical_features=categorical,
        random_state=settings.seed,
    )


def training_set(panel: Panel, origin_col: int, horizon: int) -> tuple[Matrix, Matrix]:
    """Rows (series, pseudo-origin, step) whose target month is reported and not after the
    origin; the target is C at that month ÷ the series' scale at the pseudo-origin."""
    import numpy as np

    rows: list[Matrix] = []
    targets: list[Matrix] = []
    for col in range(0, origin_col):
        active = panel.active(col) & ~np.isnan(panel.adjusted[:, col])
        for step in range(1, horizon + 1):
            target_col = col + step
            if target_col > origin_col:
                break
            actual = panel.consumed[:, target_col]
            keep = active & ~np.isnan(actual)
            if col - panel.start_col.min() < 0 or not keep.any():
                continue
            rows.append(panel.features(col, step)[keep])
            targets.append(actual[keep] / panel.scale[keep, col])
    return np.concatenate(rows), np.concatenate(targets)


def pooled_forecasts(
    panel: Panel,
    origin: int,
    horizon: int,
    settings: PooledSettings = DEFAULT_POOLED,
) -> dict[tuple[str, str], list[float]]:
    """Train at `origin` (a month index) on earlier months only; the next `horizon` months of
    every series with a report at or before the origin."""
    import numpy as np

    origin_col = panel.column(origin)
    x, y = training_set(panel, origin_col, horizon)
    model = _model(settings)
    model.fit(x, y)
    active = panel.active(origin_col)
    keys = [s.key for s in panel.series]
    out: dict[tuple[str, str], list[float]] = {keys[i]: [] for i in range(len(keys)) if active[i]}
    for step in range(1, horizon + 1):
        features = panel.features(origin_col, step)
        predicted = np.maximum(0.0, model.predict(features)) * panel.scale[:, origin_col]
        for i in np.flatnonzero(active):
            out[keys[i]].append(float(predicted[i]))
    return out
