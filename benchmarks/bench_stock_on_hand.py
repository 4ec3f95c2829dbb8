"""Benchmark: stock on hand of every product of one facility with millions of ledger rows.

Builds a migrated SQLite database per size (50 facilities × the catalogue × a few lots, years of
movements), then times `SqlLedgerRepository.lot_balances(facility)` through the unit of work,
the same SQL on a bare connection, and the as-of variant 30 days back, on random facilities.
Prints figures and query plans; asserts nothing.

    python benchmarks/bench_stock_on_hand.py --rows 1000000 10000000 [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from sqlalchemy import Engine, event  # noqa: E402

from core import services  # noqa: E402
from core.catalogue import load_catalogue  # noqa: E402
from core.facilities import REGION_NAMES, new_facility  # noqa: E402
from db import bulk  # noqa: E402
from db.engine import open_database  # noqa: E402
from db.uow import SqlAlchemyUnitOfWork  # noqa: E402

END = date(2026, 11, 21)
RECORDED_AT = "2026-11-21 12:00:00.000000"
CHUNK = 250_000
INSERT = (
    "INSERT INTO movements (uuid, facility_id, product_id, lot_id, occurred_on, kind, quantity, "
    "reason, counterpart, reference, note, counted, reverses, origin_facility, origin_device, "
    "entered_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', NULL, NULL, ?, "
    "'bench', 'bench', ?)"
)


def log(message: str) -> None:
    print(message, flush=True)


# --- building the database ------------------------------------------------------------------


def _setup(
    engine: Engine, facilities: int, lots_per_product: int
) -> tuple[list[int], list[tuple[int, int]]]:
    """Catalogue, facilities and lots; returns the facility ids and (product id, lot id)s."""
    uow = SqlAlchemyUnitOfWork(engine)
    services.seed_catalogue(uow, load_catalogue(REPO / "resources" / "catalogue.csv"))
    regions = [r for r in REGION_NAMES if r != "District de Bamako"]
    for n in range(1, facilities + 1):
        csref = n % 10 == 1
        code = f"{'CSREF' if csref else 'CSCOM'}-{n:03d}"
        supplier = None if csref else f"CSREF-{(n - 1) // 10 * 10 + 1:03d}"
        region = regions[(n - 1) // 10 % len(regions)]
        services.add_facility(
            uow,
            new_facility(
                code, f"Établissement {n}", "CSRef" if csref else "CSCom", region, region, supplier
            ),
        )
    with engine.begin() as conn:
        products = conn.exec_driver_sql("SELECT id, has_lots FROM products ORDER BY id").all()
        rows = []
        for product_id, has_lots in products:
            for k in range(lots_per_product if has_lots else 1):
                expiry = END + timedelta(days=90 * k - 60) if has_lots else None
                lot = f"L{product_id:02d}{k:02d}" if has_lots else ""
                rows.append((product_id, lot, expiry.isoformat() if expiry else None))
        conn.exec_driver_sql("INSERT INTO lots (product_id, lot, expiry) VALUES (?, ?, ?)", rows)
        facility_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM facilities").all()]
        lots = [
            (int(p), int(lot)) for p, lot in conn.exec_driver_sql("SELECT product_id, id FROM lots")
        ]
    return facility_ids, lots


def _movements(
    rows: int, facility_ids: list[int], product_lots: list[tuple[int, int]], days: int, seed: int
) -> Iterator[tuple[Any, ...]]:
    """Ledger rows in date order: mostly dispensing, a receipt whenever a lot would go negative,
    now and then a loss or a count. UUIDs follow insertion order (like UUIDv7)."""
    rng = random.Random(seed)
    combos = [(f, p, lot) for f in facility_ids for p, lot in product_lots]
    facility_code = {f: f"F{f:03d}" for f in facility_ids}
    start = END - timedelta(days=days - 1)
    day_text = [(start + timedelta(days=d)).isoformat() for d in range(days)]
    balance = [0] * len(combos)
    tail = f"{rng.getrandbits(48):012x}"
    n_combos = len(combos)
    for i in range(rows):
        c = int(rng.random() * n_combos)
        facility_id, product_id, lot_id = combos[c]
        roll = rng.random()
        quantity = 1 + int(roll * 40)
        if balance[c] < quantity:
            kind, reason, quantity = "receipt", None, 600 + quantity * 10
        elif roll < 0.02:
            kind, reason, quantity = "loss", "damaged", -quantity
        elif roll < 0.04:
            kind, reason, quantity = "count", "count_correction", -1
        else:
            kind, reason, quantity = "issue", None, -quantity
        balance[c] += quantity
        yield (
            f"{i >> 16:08x}-{i & 0xFFFF:04x}-4000-8000-{tail}",
            facility_id,
            product_id,
            lot_id,
            day_text[i * days // rows],
            kind,
            quantity,
            reason,
            facility_code[facility_id],
            RECORDED_AT,
        )


def _chunks(items: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build(
    path: Path, rows: int, facilities: int, lots: int, days: int, seed: int
) -> dict[str, Any]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    database = open_database(str(path))
    engine = database.engine
    facility_ids, product_lots = _setup(engine, facilities, lots)
    with engine.begin() as conn:
        bulk.drop_movement_indexes(conn)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA cache_size=-262144")
        done = 0
        for chunk in _chunks(_movements(rows, facility_ids, product_lots, days, seed), CHUNK):
            raw.execute("BEGIN")
            raw.executemany(INSERT, chunk)
            raw.execute("COMMIT")
            done += len(chunk)
            if done % 2_000_000 == 0 or done == rows:
                log(f"  {done:>11,} rows  {time.perf_counter() - t:7.1f} s")
    timings["load"] = time.perf_counter() - t
    t = time.perf_counter()
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA cache_size=-262144")
        balances = bulk.rebuild_stock_balances(conn)
    timings["balances"] = time.perf_counter() - t
    t = time.perf_counter()
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA cache_size=-262144")
        bulk.create_movement_indexes(conn)
    timings["indexes"] = time.perf_counter() - t
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    timings["total"] = time.perf_counter() - started
    return {
        "timings": timings,
        "stock_balances": balances,
        "facilities": len(facility_ids),
        "lots": len(product_lots),
    }


# --- timing ---------------------------------------------------------------------------------


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median": statistics.median(ordered) * 1000,
        "p95": ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000,
        "max": ordered[-1] * 1000,
        "first": samples[0] * 1000,
    }


def _time(call: Callable[[str], object], codes: list[str], runs: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    samples = []
    rows = 0
    for _ in range(runs):
        code = rng.choice(codes)
        t = time.perf_counter()
        result = call(code)
        samples.append(time.perf_counter() - t)
        rows = len(result) if isinstance(result, list) else rows
    return {**_stats(samples), "runs": runs, "rows_returned": rows}


def _captured_sql(engine: Engine, call: Callable[[], object]) -> list[tuple[str, Any]]:
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return statements


def measure(path: Path, runs: int, seed: int) -> dict[str, Any]:
    database = open_database(str(path))
    engine = database.engine
    uow = SqlAlchemyUnitOfWork(engine)
    codes = [f.code for f in services.list_facilities(uow)]
    as_of = END - timedelta(days=30)

    def current(code: str) -> list[Any]:
        with uow:
            return uow.ledger.lot_balances(code)

    def past(code: str) -> list[Any]:
        with uow:
            return uow.ledger.lot_balances(code, as_of)

    # The exact statements the repository sends, for the plans and the bare-SQL timings.
    current_sql = _captured_sql(engine, lambda: current(codes[0]))[-1][0]
    past_sql = _captured_sql(engine, lambda: past(codes[0]))[-1][0]
    raw = sqlite3.connect(str(path))
    ids = dict(raw.execute("SELECT code, id FROM facilities").fetchall())

    def bare_current(code: str) -> list[Any]:
        return raw.execute(current_sql, (ids[code],)).fetchall()

    def bare_past(code: str) -> list[Any]:
        return raw.execute(past_sql, (ids[code], as_of.isoformat())).fetchall()

    def plan(sql: str, params: tuple[Any, ...]) -> list[str]:
        return [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params)]

    results = {
        "lot_balances via unit of work": _time(current, codes, runs, seed),
        "same SQL, bare sqlite3": _time(bare_current, codes, runs, seed),
        "lot_balances as of 30 days back via unit of work": _time(past, codes, runs, seed),
        "as-of part (later movements), bare sqlite3": _time(bare_past, codes, runs, seed),
    }
    plans = {
        "stock on hand": {"sql": current_sql, "plan": plan(current_sql, (1,))},
        "as of (movements after the date)": {
            "sql": past_sql,
            "plan": plan(past_sql, (1, as_of.isoformat())),
        },
    }
    movements = raw.execute("SELECT count(*) FROM movements").fetchone()[0]
    later = raw.execute(
        "SELECT count(*) * 1.0 / (SELECT count(*) FROM facilities) FROM movements "
        "WHERE occurred_on > ?",
        (as_of.isoformat(),),
    ).fetchone()[0]
    raw.close()
    database.dispose()
    return {
        "timings": results,
        "plans": plans,
        "movements": movements,
        "later_rows_per_facility": later,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--facilities", type=int, default=50)
    parser.add_argument("--lots", type=int, default=4, help="lots per product")
    parser.add_argument("--years", type=float, default=5.0, help="span of the ledger")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reuse", action="store_true", help="time an existing database")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SAHELSTOCK_HOME", str(args.out / "home"))
    days = round(args.years * 365)
    log(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPU, {platform.platform()}"
    )
    report = []
    for rows in args.rows:
        path = args.out / f"stock-on-hand-{rows}.db"
        log(
            f"\n== {rows:,} ledger rows, {args.facilities} facilities, {args.years:g} years: {path}"
        )
        built: dict[str, Any] = {}
        if not (args.reuse and path.exists()):
            built = build(path, rows, args.facilities, args.lots, days, args.seed)
            t = built["timings"]
            log(
                f"build {t['total']:.1f} s (rows {t['load']:.1f} s, stock_balances "
                f"{t['balances']:.1f} s, indexes {t['indexes']:.1f} s); "
                f"{built['stock_balances']:,} balance rows"
            )
        size = sum(
            Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()
        )
        log(f"database size {size / 1e6:,.0f} MB")
        measured = measure(path, args.runs, args.seed)
        log(
            f"movements {measured['movements']:,}; rows after the as-of date per facility "
            f"{measured['later_rows_per_facility']:,.0f}"
        )
        for name, m in measured["timings"].items():
            log(
                f"  {name:<50} median {m['median']:7.3f} ms  p95 {m['p95']:7.3f} ms  "
                f"max {m['max']:7.3f} ms  first {m['first']:7.3f} ms  "
                f"({m['runs']} runs, {m['rows_returned']} rows)"
            )
        for name, p in measured["plans"].items():
            log(f"  EXPLAIN QUERY PLAN, {name}:")
            for line in p["plan"]:
                log(f"    {line}")
        report.append({"rows": rows, "path": str(path), "size_bytes": size, **built, **measured})
    result_file = args.out / "stock_on_hand.json"
    result_file.write_text(
        json.dumps(
            {
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
                "cpus": os.cpu_count(),
                "measured_at": datetime.now().isoformat(timespec="seconds"),
                "results": report,
            },
            indent=2,
            default=str,
        ),
        encoding="utf-8",
    )
    log(f"\nfigures written to {result_file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
