"""Benchmark: importing monthly LMIS reports (../shared/data/lmis_dev.csv, 22 174 rows) into a
fresh base: read only, check (dry run), import, re-import, a corrected copy, histories."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT.parent / "shared" / "data" / "lmis_dev.csv"


def corrected_copy(source: Path, target: Path, every: int) -> int:
    """The same file with one row in `every` changed (one more unit distributed and one less
    at the end, so the identity still holds); returns how many rows changed."""
    lines = source.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    distributed, end = header.index("stock_distributed"), header.index("stock_end")
    changed = 0
    for n in range(1, len(lines), every):
        cells = lines[n].split(",")
        if int(cells[end]) > 0:
            cells[distributed] = str(int(cells[distributed]) + 1)
            cells[end] = str(int(cells[end]) - 1)
            lines[n] = ",".join(cells)
            changed += 1
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument(
        "--db", help="SQLAlchemy URL of an empty database (default: a new SQLite file)"
    )
    parser.add_argument("--every", type=int, default=10, help="change one row in N (10)")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"{args.file} introuvable.")
        return 1
    home = Path(tempfile.mkdtemp(prefix="sahelstock-bench-lmis-"))
    os.environ["SAHELSTOCK_HOME"] = str(home)

    from core import monthly_services as ms
    from core import services
    from core.forecast.reader import read_lmis_reports
    from db.engine import open_database
    from db.uow import SqlAlchemyUnitOfWork

    ctx = services.Context("bench", "bench", clock=lambda: datetime(2026, 11, 21, 12))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU, file {args.file.name}")
    db = open_database(args.db or str(home / "lmis.db"))
    print(f"Database: {db.engine.dialect.name}")
    uow = SqlAlchemyUnitOfWork(db.engine)
    corrected = home / "lmis_corrige.csv"
    changed = corrected_copy(args.file, corrected, args.every)

    began = time.perf_counter()
    rows = len(read_lmis_reports(args.file).reports)
    read_seconds = time.perf_counter() - began
    print(
        f"  {'read only (reader)':<34} {read_seconds:6.2f} s   {rows / read_seconds:8,.0f} rows/s"
    )
    for label, path, dry_run in (
        ("check (dry run)", args.file, True),
        ("import (empty base)", args.file, False),
        ("re-import (adds nothing)", args.file, False),
        (f"corrected copy ({changed:,} replaced)", corrected, False),
    ):
        began = time.perf_counter()
        result = ms.import_monthly_reports(uow, ctx, path, dry_run=dry_run)
        seconds = time.perf_counter() - began
        assert not result.problems, result.problems[:3]
        print(
            f"  {label:<34} {seconds:6.2f} s   {result.rows / seconds:8,.0f} rows/s   "
            f"added {result.added:,}, replaced {result.replaced:,}, "
            f"unchanged {result.unchanged:,}"
        )

    began = time.perf_counter()
    histories = ms.all_monthly_histories(uow, date(2026, 11, 21))
    seconds = time.perf_counter() - began
    series = len({(r.site_code, r.product_code) for r in histories})
    print(
        f"  {'all_monthly_histories':<34} {seconds:6.2f} s   {len(histories):,} months, "
        f"{series} series"
    )
    first = histories[0]
    began = time.perf_counter()
    one = ms.monthly_history(
        uow, first.site_code, first.product_code, date(2016, 1, 1), date(2019, 12, 1)
    )
    seconds = time.perf_counter() - began
    print(f"  {'monthly_history (one series)':<34} {seconds * 1000:6.1f} ms  {len(one)} months")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
