"""Benchmark: the stock outlook (forecast + FEFO projection) of each facility of the demo.

Builds the demo database in a temporary folder (or takes `--db`), then times
`core.outlook.facility_outlook` for every facility (history from the ledger, pooled forecast
over at most 25 facilities, projection of every product) and the `stock` command end to end.
Prints the figures; asserts nothing.

    python benchmarks/bench_outlook.py [--db FILE] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core import services  # noqa: E402
from core.outlook import facility_outlook  # noqa: E402
from main import build_application  # noqa: E402

AS_OF = date(2026, 11, 21)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="an existing database (default: a new demo)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = str(Path(tempfile.mkdtemp(prefix="bench-outlook-")) / "demo.db")
        subprocess.run(
            [sys.executable, str(REPO / "main.py"), "--db", db, "demo"],
            check=True,
            capture_output=True,
        )
    app = build_application(db)
    facilities = [f.code for f in services.list_facilities(app.uow())]
    per_facility = []
    products = 0
    for _ in range(args.runs):
        for code in facilities:
            start = time.perf_counter()
            outlooks = facility_outlook(app.uow, code, AS_OF)
            per_facility.append(time.perf_counter() - start)
            products += len(outlooks)
    print(f"{len(facilities)} facilities, {products // args.runs} product outlooks per run")
    print(
        f"facility_outlook: median {statistics.median(per_facility):.2f} s, "
        f"max {max(per_facility):.2f} s over {len(per_facility)} calls"
    )
    command = [
        sys.executable,
        str(REPO / "main.py"),
        "--db",
        db,
        "stock",
        "--facility",
        facilities[0],
        "--as-of",
        AS_OF.isoformat(),
    ]
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    fast = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([*command, "--no-forecast"], check=True, capture_output=True)
        fast.append(time.perf_counter() - start)
    print(
        f"`stock` end to end: median {statistics.median(times):.2f} s "
        f"(--no-forecast {statistics.median(fast):.2f} s)"
    )


if __name__ == "__main__":
    main()
