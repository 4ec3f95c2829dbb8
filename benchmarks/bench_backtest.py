"""Backtest of the forecasting methods on monthly LMIS data, plus a site-fold check of the
`auto` settings (the pooled model's target quantile): choose them on one half of the sites,
check them on the other. Each fold is backtested alone (the pooled model sees only its sites),
so the figures are out-of-fold for the settings and for the model.

    .venv/bin/python benchmarks/bench_backtest.py [FILE.csv] [--horizon 3] [--origins 6]
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.forecast.backtest import BacktestResult, backtest
from core.forecast.engine import DEFAULT_SETTINGS, AutoSettings
from core.forecast.pooled import DEFAULT_POOLED
from core.forecast.reader import read_lmis_reports
from core.forecast.series import MonthlySeries, build_series

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "lmis_dev.csv"
GRID = [
    replace(DEFAULT_SETTINGS, model=replace(DEFAULT_POOLED, alpha=alpha))
    for alpha in (0.5, 0.55, 0.6)
]


def fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def print_table(result: BacktestResult) -> None:
    print("| method | MASE | ÷ amc | MAE | bias | precision | recall | F1 | F1 ÷ amc |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in result.scores:
        print(
            f"| {s.method} | {fmt(s.mase)} | {fmt(s.ratios['mase'])} | {fmt(s.mae, 2)} | "
            f"{fmt(s.bias, 2)} | {fmt(s.precision)} | {fmt(s.recall)} | {fmt(s.f1)} | "
            f"{fmt(s.ratios['f1'])} |"
        )


def fold_of(site: str, folds: int) -> int:
    return zlib.crc32(site.encode()) % folds


def auto_figures(series: list[MonthlySeries], settings: AutoSettings, args: argparse.Namespace):
    result = backtest(series, args.horizon, args.origins, ["auto"], settings)
    auto = result.score("auto")
    return auto.ratios["mase"], auto.ratios["f1"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", default=str(DATA))
    parser.add_argument("--horizon", type=int, default=3)
    parser.add_argument("--origins", type=int, default=6)
    parser.add_argument("--folds", type=int, default=2)
    args = parser.parse_args()

    started = time.perf_counter()
    content = read_lmis_reports(Path(args.file))
    read_seconds = time.perf_counter() - started
    if content.problems:
        raise SystemExit("\n".join(str(p) for p in content.problems[:20]))
    series = build_series(content.reports)
    result = backtest(series, args.horizon, args.origins)
    total = time.perf_counter() - started
    print(
        f"{Path(args.file).name}: {len(content.reports)} rows, {len(series)} series, "
        f"{len(content.warnings)} identity warnings; read {read_seconds:.2f} s, backtest "
        f"{result.seconds:.2f} s, total {total:.2f} s"
    )
    print(f"series without a MASE scale: {result.series_without_scale}")
    print(f"auto choices: {result.auto_choices}")
    print_table(result)

    print(f"\nSite folds ({args.folds}, by crc32 of the site code): auto settings chosen on one")
    print("fold (lowest auto MASE ratio with F1 ratio >= 1 if any), checked on the others.")
    folds = [
        [s for s in series if fold_of(s.site_code, args.folds) == f] for f in range(args.folds)
    ]
    figures = {
        (f, n): auto_figures(folds[f], settings, args)
        for f in range(args.folds)
        for n, settings in enumerate(GRID)
    }
    for f in range(args.folds):
        sites = len({s.site_code for s in folds[f]})
        print(f"fold {f}: {sites} sites, {len(folds[f])} series")
        for n, settings in enumerate(GRID):
            mase, f1 = figures[(f, n)]
            print(
                f"  quantile {settings.model.alpha:.2f}: auto MASE ÷ amc "
                f"{fmt(mase)}, F1 ÷ amc {fmt(f1)}"
            )
    for f in range(args.folds):
        ok = [n for n in range(len(GRID)) if (figures[(f, n)][1] or 0) >= 1.0] or list(
            range(len(GRID))
        )
        best = min(ok, key=lambda n: figures[(f, n)][0] or 9.0)
        checks = ", ".join(
            f"fold {g}: MASE ÷ amc {fmt(figures[(g, best)][0])}, "
            f"F1 ÷ amc {fmt(figures[(g, best)][1])}"
            for g in range(args.folds)
            if g != f
        )
        print(
            f"chosen on fold {f}: quantile {GRID[best].model.alpha} "
            f"(fold {f}: MASE ÷ amc {fmt(figures[(f, best)][0])}) → {checks}"
        )


if __name__ == "__main__":
    main()
