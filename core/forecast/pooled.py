"""A pooled model across all series: one gradient-boosting model (LightGBM) learns, from every
site and product at once, how next months' consumption follows from the recent months, the
stock, the receipts and orders, the product, the site and the calendar.

Targets are scaled per series (by its in-sample one-step naive MAE up to the pseudo-origin, the
scale of MASE) so that sites of different size pool and the absolute loss on scaled targets is
the MASE the backtest scores. The model predicts a quantile (`alpha`, 0.55: a little above the
median, chosen with site folds) of the scaled consumption `step` months ahead, with the step as
a feature (direct multi-horizon); two more quantile models (0.1, 0.9) give the band. At an
origin it is trained once, only on months up to that origin.

numpy and LightGBM are imported lazily (inside the functions), so that importing this module
costs nothing on the GUI start path (importing LightGBM takes about 0.4 s)."""

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
    """LightGBM settings; `alpha` is the quantile the point forecast aims at (0.5 = median;
    chosen with site folds, BENCHMARKS.md). Past `max_rows` training rows, the model is
    trained on a random part of the sites, so that thousands of series still train in
    seconds; with fewer than `min_rows`, no model (the per-series methods are used). One
    thread: LightGBM's OpenMP threads spin while they wait, and on a loaded 2-vCPU machine two
    threads ran up to 6 times slower than one (BENCHMARKS.md)."""

    alpha: float = 0.55
    band_low: float = 0.1
    band_high: float = 0.9
    rounds: int = 300
    band_rounds: int = 60
    band_learning_rate: float = 0.15
    learning_rate: float = 0.05
    num_leaves: int = 31
    min_data_in_leaf: int = 40
    lambda_l2: float = 1.0
    feature_fraction: float = 0.8
    bagging_fraction: float = 0.8
    max_rows: int = 60_000
    min_rows: int = 200
    seed: int = 0
    threads: int = 1


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
    "trend3_12",
    "trend1_6",
    "product_trend",
    "site_trend",
    "product_stockout_share",
    "site_stockout_share",
)


class Panel:
    """The series as (series × calendar month) arrays, NaN where no report exists."""

    def __init__(
        self, series: Sequence[MonthlySeries], products: Sequence[str] | None = None
    ) -> None:
        """`products`: the product codes in the order of the categorical feature (default:
        those of `series`, sorted); a panel of some of the sites must keep the whole one's."""
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
        self.products = list(products or sorted({s.product_code for s in series}))
        products = self.products
        self.product = np.array([products.index(s.product_code) for s in series], dtype=np.float64)
        sites = sorted({s.site_code for s in series})
        self.site = np.array([sites.index(s.site_code) for s in series], dtype=np.int64)
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
        with np.errstate(invalid="ignore", divide="ignore"):
            trend3_12 = (mean3 + 1.0) / (mean12 + 1.0)
            trend1_6 = (lag(values, 0) + 1.0) / (mean6 + 1.0)
        empty = np.where(np.isnan(stock), np.nan, (stock == 0).astype(np.float64))
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
            trend3_12,
            trend1_6,
            self._group_median(self.product.astype(np.int64), trend3_12),
            self._group_median(self.site, trend3_12),
            self._group_mean(self.product.astype(np.int64), empty),
            self._group_mean(self.site, empty),
        ]
        return np.column_stack(columns)

    @staticmethod
    def _group_median(groups: NDArray[np.int64], values: Matrix) -> Matrix:
        """Each row's group median of `values` (NaN ignored)."""
        import numpy as np

        out = np.full(len(values), np.nan)
        for group in np.unique(groups):
            members = groups == group
            known = values[members & ~np.isnan(values)]
            if len(known):
                out[members] = float(np.median(known))
        return out

    @staticmethod
    def _group_mean(groups: NDArray[np.int64], values: Matrix) -> Matrix:
        """Each row's group mean of `values` (NaN ignored)."""
        import numpy as np

        out = np.full(len(values), np.nan)
        for group in np.unique(groups):
            members = groups == group
            known = values[members & ~np.isnan(values)]
            if len(known):
                out[members] = float(np.mean(known))
        return out

    def sample_sites(self, fraction: float, seed: int) -> Panel:
        """A panel of a random `fraction` of the sites (at least one), all their series."""
        import numpy as np

        sites = sorted({s.site_code for s in self.series})
        count = max(1, round(fraction * len(sites)))
        rng = np.random.default_rng(seed)
        chosen = {sites[i] for i in rng.choice(len(sites), count, replace=False)}
        return Panel([s for s in self.series if s.site_code in chosen], self.products)

    def active(self, col: int) -> NDArray[np.bool_]:
        """Series with a report at or before column `col`."""
        import numpy as np

        return np.asarray(self.start_col <= col)


def _fit(settings: PooledSettings, alpha: float, x: Matrix, y: Matrix, band: bool) -> Any:
    import lightgbm

    params = {
        "objective": "quantile",
        "alpha": alpha,
        "learning_rate": settings.band_learning_rate if band else settings.learning_rate,
        "num_leaves": settings.num_leaves,
        "min_data_in_leaf": settings.min_data_in_leaf,
        "lambda_l2": settings.lambda_l2,
        "feature_fraction": settings.feature_fraction,
        "bagging_fraction": settings.bagging_fraction,
        "bagging_freq": 1,
        "seed": settings.seed,
        "deterministic": True,
        "force_col_wise": True,
        "num_threads": settings.threads,
        "verbose": -1,
    }
    data = lightgbm.Dataset(x, y, categorical_feature=[FEATURES.index("product")])
    rounds = settings.band_rounds if band else settings.rounds
    return lightgbm.train(params, data, num_boost_round=rounds)


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
            if not keep.any():
                continue
            rows.append(panel.features(col, step)[keep])
            targets.append(actual[keep] / panel.scale[keep, col])
    return np.concatenate(rows), np.concatenate(targets)


def pooled_forecasts(
    panel: Panel,
    origin: int,
    horizon: int,
    settings: PooledSettings = DEFAULT_POOLED,
    band: bool = False,
) -> dict[tuple[str, str], list[tuple[float, float, float]]]:
    """Train at `origin` (a month index) on months up to it only; (forecast, lower, upper)
    for each of the next `horizon` months of every series with a report at or before the
    origin (lower = upper = forecast unless `band`). Empty when there are fewer than
    `settings.min_rows` training rows: the caller falls back to the per-series methods."""
    import numpy as np

    origin_col = panel.column(origin)
    if origin_col < 1:
        return {}
    # About one training row per reported month and step: past the cap, train on a random
    # part of the sites (whole sites, so that the site features stay what they are).
    expected = int(np.sum(~np.isnan(panel.consumed[:, 1 : origin_col + 1]))) * horizon
    train = panel
    if expected > settings.max_rows:
        train = panel.sample_sites(settings.max_rows / expected, settings.seed)
    x, y = training_set(train, train.column(origin), horizon)
    if len(y) < settings.min_rows:
        return {}
    alphas = [settings.alpha]
    if band:
        alphas += [settings.band_low, settings.band_high]
    models = [_fit(settings, alpha, x, y, band=n > 0) for n, alpha in enumerate(alphas)]
    active = np.flatnonzero(panel.active(origin_col))
    scale = panel.scale[:, origin_col]
    predicted = []
    for step in range(1, horizon + 1):
        features = panel.features(origin_col, step)[active]
        rows = [np.maximum(0.0, m.predict(features)) * scale[active] for m in models]
        if band:
            rows[1] = np.minimum(rows[1], rows[0])
            rows[2] = np.maximum(rows[2], rows[0])
        else:
            rows += [rows[0], rows[0]]
        predicted.append(rows)
    return {
        panel.series[i].key: [(float(p[0][n]), float(p[1][n]), float(p[2][n])) for p in predicted]
        for n, i in enumerate(active)
    }


def pooled_by_series(
    series: Sequence[MonthlySeries],
    origins: Sequence[int],
    horizon: int,
    settings: PooledSettings = DEFAULT_POOLED,
    band: bool = False,
) -> dict[tuple[str, str], dict[int, list[tuple[float, float, float]]]]:
    """The pooled model trained once per origin: by series, by origin, (forecast, lower,
    upper) per step."""
    out: dict[tuple[str, str], dict[int, list[tuple[float, float, float]]]] = {}
    if not series:
        return out
    panel = Panel(series)
    for origin in origins:
        for key, lines in pooled_forecasts(panel, origin, horizon, settings, band).items():
            out.setdefault(key, {})[origin] = lines
    return out
