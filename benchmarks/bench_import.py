"""Benchmark: importing a movements CSV (check, import, re-import) of N rows into a fresh base."""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def write_file(path: Path, rows: int, seed: int) -> None:
    """Two receipts, then dispensing of RUTF and amoxicillin without lots (FEFO), spread over
    the two years before 21/11/2026."""
    rng = random.Random(seed)
    start = date(2024, 11, 1)
    per_day = max(1, -(-rows // 700))
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "date",
                "facility",
                "product",
                "movement",
                "quantity",
                "lot",
                "expiry",
                "reason",
                "reference",
            ]
        )
        out.writerow(
            [start, "CSCOM-BENCH", "RUTF", "receipt", 10_000_000, "L1", "2029-12-31", "", "BL-1"]
        )
        out.writerow(
            [
                start,
                "CSCOM-BENCH",
                "AMOX250D",
                "receipt",
                10_000_000,
                "A1",
                "2029-12-31",
                "",
                "BL-1",
            ]
        )
        for n in range(rows - 2):
            day = start + timedelta(days=n // per_day)
            product = rng.choice(["RUTF", "AMOX250D"])
            out.writerow([day, "CSCOM-BENCH", product, "issue", rng.randint(1, 20), "", "", "", ""])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="sahelstock-bench-import-"))
    os.environ["SAHELSTOCK_HOME"] = str(home)

    from core import services
    from core.catalogue import load_catalogue
    from core.facilities import new_facility
    from core.importing import import_movements
    from db.engine import open_database
    from db.uow import SqlAlchemyUnitOfWork

    root = Path(__file__).resolve().parent.parent
    ctx = services.Context("bench", "bench", clock=lambda: datetime(2026, 11, 21, 12))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU")
    for rows in args.rows:
        db = open_database(str(home / f"import-{rows}.db"))
        uow = SqlAlchemyUnitOfWork(db.engine)
        services.seed_catalogue(uow, load_catalogue(root / "resources" / "catalogue.csv"))
        services.add_facility(
            uow, new_facility("CSCOM-BENCH", "CSCom banc d'essai", "CSCom", "Mopti", "Mopti")
        )
        path = home / f"movements-{rows}.csv"
        write_file(path, rows, args.seed)
        timings = {}
        for label, dry_run in (
            ("check (dry run)", True),
            ("import", False),
            ("re-import (adds nothing)", False),
        ):
            began = time.perf_counter()
            result = import_movements(uow, ctx, path, dry_run=dry_run)
            timings[label] = time.perf_counter() - began
            assert not result.problems, result.problems[:3]
        print(f"== {rows:,} rows")
        for label, seconds in timings.items():
            print(f"  {label:<26} {seconds:6.2f} s   {rows / seconds:8,.0f} rows/s")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
