"""Forecasting all products of many facilities: synthesises monthly histories (intermittent,
smooth, seasonal, trending; some months unreported) and times `predict` with `auto` + bands.

    .venv/bin/python benchmarks/bench_forecast_many.py [--facilities 200] [--products 25]
        [--months 45] [--horizon 6]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.forecast.predict import predict
from core.forecast.series import build_series
from core.monthly import MonthlyStockReport, year_month


def synthesise(facilities: int, products: int, months: int, seed: int = 6):
    rng = random.Random(seed)
    reports = []
    first = 2016 * 12
    for f in range(facilities):
        for p in range(products):
            kind = rng.choice(("smooth", "intermittent", "seasonal", "trend"))
            level = rng.uniform(2, 300)
            stock = int(level * 2)
            for t in range(months):
                if rng.random() < 0.08:
                    continue  # no report this month
                mean = level
                if kind == "seasonal":
                    mean *= 1 + 0.6 * math.sin(2 * math.pi * ((first + t) % 12 - 5) / 12)
                elif kind == "trend":
                    mean *= 1 + 0.02 * t
                if kind == "intermittent" and rng.random() < 0.6:
                    demand = 0
                else:
                    demand = max(0, int(rng.gauss(mean, mean * 0.3)))
                received = int(level * 3) if stock < level else 0
                consumed = min(demand, stock + received)
                year, month = year_month(first + t)
                reports.append(
                    MonthlyStockReport(
                        f"F{f:03d}",
                        f"P{p:02d}",
                        year,
                        month,
                        stock,
                        received,
                        consumed,
                        0,
                        stock + received - consumed,
                        0,
                    )
                )
                stock = stock + received - consumed
    return reports


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facilities", type=int, default=200)
    parser.add_argument("--products", type=int, default=25)
    parser.add_argument("--months", type=int, default=45)
    parser.add_argument("--horizon", type=int, default=6)
    args = parser.parse_args()
    reports = synthesise(args.facilities, args.products, args.months)
    started = time.perf_counter()
    series = build_series(reports)
    built = time.perf_counter() - started
    for method in ("amc", "median", "auto"):
        started = time.perf_counter()
        lines = predict(series, horizon=args.horizon, method=method)
        seconds = time.perf_counter() - started
        print(
            f"{method:6s}: {len(series)} series ({args.facilities} facilities × {args.products} "
            f"products, {args.months} months, {len(reports)} reports), horizon {args.horizon}: "
            f"{len(lines)} forecast lines with bands in {seconds:.2f} s "
            f"(+ {built:.2f} s building the series)"
        )


if __name__ == "__main__":
    main()
