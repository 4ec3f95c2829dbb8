"""Benchmark: opening the stock screen of a facility with 300 products and 100,000 movements.

Builds a migrated SQLite database: the catalogue (25 products) plus generated products up to
`--products`, added through the product repository's `add_missing`, one facility, and
`--movements` stamped ledger rows over two years written with `uow.ledger.add_many` (receipts of
new lots, daily dispensing FEFO, a few losses and counts; lots expire, some of them on the
shelf; some products run out). Then, offscreen, times `StockScreen.set_facility(code)` followed
by `grab()` (services call, model reset, sort and filter, first paint), and its parts. Prints
median and p95; asserts nothing.

    python benchmarks/bench_stock_screen.py [--products 300] [--movements 100000] [--runs 30]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import platform
import pstats
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core import services  # noqa: E402
from core.catalogue import Category, Product, load_catalogue  # noqa: E402
from core.facilities import new_facility  # noqa: E402
from core.ledger import Movement, MovementKind, Reason  # noqa: E402
from core.services import Context  # noqa: E402
from db.engine import open_database  # noqa: E402
from db.uow import SqlAlchemyUnitOfWork  # noqa: E402

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 12, 0)
FACILITY = "CSREF-BENCH"
DAYS = 730
UNITS = (("comprimé", "boîte", 100), ("sachet", "carton", 150), ("flacon", "carton", 24))


def log(message: str) -> None:
    print(message, flush=True)


def generated_products(count: int) -> list[Product]:
    categories = [Category.MEDICINES, Category.NUTRITION, Category.MHGAP, Category.KITS]
    products = []
    for n in range(1, count + 1):
        unit, pack, size = UNITS[n % len(UNITS)]
        products.append(
            Product(
                code=f"GEN{n:03d}",
                name=f"Produit générique n° {n}, {unit} (benchmark)",
                category=categories[n % len(categories)],
                base_unit=unit,
                pack_unit=pack,
                pack_size=size,
            )
        )
    return products


def ledger(products: list[Product], total: int, seed: int) -> list[Movement]:
    """Movements of one facility in date order; no lot ever goes below zero."""
    rng = random.Random(seed)
    start = TODAY - timedelta(days=DAYS - 1)
    per_product = total // len(products)
    movements: list[Movement] = []
    for index, product in enumerate(products):
        monthly = rng.choice((30, 90, 300, 1200, 4000))
        lots: list[list[object]] = []  # [lot, expiry, balance], FEFO order
        n_lots = 0
        # a few products stop being resupplied, so they run out before today
        last_receipt = DAYS - (rng.randint(60, 200) if index % 9 == 0 else 0)
        days = sorted(rng.sample(range(DAYS), min(DAYS, per_product)))
        for day_number in days:
            day = start + timedelta(days=day_number)
            usable = [lot for lot in lots if lot[2] > 0 and (lot[1] is None or lot[1] > day)]
            stock = sum(int(lot[2]) for lot in usable)
            if stock < monthly and day_number < last_receipt:
                n_lots += 1
                code = f"{product.code[-3:]}-{n_lots:03d}"
                # most lots last two years; some only months, so a few expire on the shelf
                shelf = rng.choice((720, 720, 540, 120)) if product.has_expiry else None
                expiry = day + timedelta(days=shelf) if shelf else None
                quantity = monthly * 3
                lots.append([code, expiry, quantity])
                lots.sort(key=lambda lot: (lot[1] is None, lot[1] or date.max))
                kind, reason, lot_code, change, counted = (
                    MovementKind.RECEIPT,
                    None,
                    code,
                    quantity,
                    None,
                )
                movements.append(
                    Movement(
                        FACILITY,
                        product.code,
                        day,
                        kind,
                        change,
                        lot=lot_code,
                        expiry=expiry,
                        reason=reason,
                        counted=counted,
                    )
                )
                continue
            if not usable:
                continue
            lot = usable[0]
            roll = rng.random()
            take = min(int(lot[2]), max(1, int(rng.expovariate(1.0) * monthly / 12)))
            if roll < 0.03:
                kind, reason, change, counted = MovementKind.LOSS, Reason.DAMAGED, -take, None
            elif roll < 0.05:
                kind, reason, change, counted = (
                    MovementKind.COUNT,
                    Reason.COUNT_CORRECTION,
                    -1,
                    int(lot[2]) - 1,
                )
            else:
                kind, reason, change, counted = MovementKind.ISSUE, None, -take, None
            lot[2] = int(lot[2]) + change
            movements.append(
                Movement(
                    FACILITY,
                    product.code,
                    day,
                    kind,
                    change,
                    lot=str(lot[0]),
                    expiry=lot[1],  # type: ignore[arg-type]
                    reason=reason,
                    counted=counted,
                )
            )
    movements.sort(key=lambda m: m.occurred_on)
    return movements


def build(path: Path, products: int, total: int, seed: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    database = open_database(str(path))
    uow = SqlAlchemyUnitOfWork(database.engine)
    services.seed_catalogue(uow, load_catalogue(REPO / "resources" / "catalogue.csv"))
    existing = len(services.list_products(uow))
    with uow:
        uow.products.add_missing(generated_products(products - existing))
        uow.commit()
    services.add_facility(
        uow, new_facility(FACILITY, "CSRéf de banc d'essai", "CSRef", "Mopti", "Mopti")
    )
    catalogue = services.list_products(uow)
    ctx = Context("bench", "bench", clock=lambda: NOW)
    origin = ctx.origin(FACILITY)
    rows = [m.stamped(origin, NOW) for m in ledger(catalogue, total, seed)]
    with uow:
        uow.ledger.add_many(rows)
        uow.commit()
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    problems = services.check_database(uow)
    database.dispose()
    log(
        f"built {path} in {time.perf_counter() - started:.1f} s: {len(catalogue)} products, "
        f"{len(rows):,} movements" + (f", PROBLEMS: {problems[:3]}" if problems else "")
    )


def stats(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered) * 1000:6.1f} ms, p95 {p95 * 1000:6.1f} ms, "
        f"max {ordered[-1] * 1000:6.1f} ms"
    )


def measure(path: Path, runs: int, profile: bool, freeze: bool) -> None:
    from PySide6.QtWidgets import QApplication

    import db.uow  # noqa: F401  (imported before the freeze, as in the application)
    from gui.i18n import install_language
    from gui.stock import StockScreen
    from main import build_application, settle_imported_objects

    if freeze:  # what main.py does before the window opens
        settle_imported_objects()
    qt = QApplication.instance() or QApplication([])
    install_language(qt, "fr")  # type: ignore[arg-type]
    built = build_application(str(path))
    app = dataclasses.replace(built, ctx=Context("bench", "bench", clock=lambda: NOW))
    with sqlite3.connect(path) as raw:
        movements = raw.execute("SELECT count(*) FROM movements").fetchone()[0]
        lots = raw.execute("SELECT count(*) FROM stock_balances").fetchone()[0]
    log(f"{movements:,} movements, {lots:,} facility × product × lot balances")

    screen = StockScreen(app)
    screen.resize(1000, 640)
    screen.show()
    QApplication.processEvents()
    # warm-up: first query plans, fonts, delegate
    screen.set_facility(FACILITY)
    screen.grab()
    rows = screen.proxy.rowCount()
    statuses: dict[str, int] = {}
    for line in screen.model.lines():
        statuses[line.status.value] = statuses.get(line.status.value, 0) + 1
    log(f"{rows} rows shown; statuses {statuses}")

    service, reset, paint, whole, first_open = [], [], [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        lines = services.facility_stock(app.uow(), FACILITY, TODAY)
        t1 = time.perf_counter()
        screen.model.set_lines(lines)
        t2 = time.perf_counter()
        screen.grab()
        t3 = time.perf_counter()
        service.append(t1 - t0)
        reset.append(t2 - t1)
        paint.append(t3 - t2)

        t0 = time.perf_counter()
        screen.set_facility(FACILITY)
        screen.grab()
        whole.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        fresh = StockScreen(app)
        fresh.resize(1000, 640)
        fresh.set_facility(FACILITY)
        fresh.grab()
        first_open.append(time.perf_counter() - t0)
        fresh.deleteLater()
        QApplication.processEvents()

    log(f"\n{runs} runs each:")
    log(f"  set_facility + grab (the requirement)     {stats(whole)}")
    log(f"  new StockScreen + set_facility + grab     {stats(first_open)}")
    log(f"  of which services.facility_stock          {stats(service)}")
    log(f"  of which model reset (sort, filter)       {stats(reset)}")
    log(f"  of which first paint (grab)               {stats(paint)}")

    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            screen.set_facility(FACILITY)
            screen.grab()
        profiler.disable()
        log("\nprofile of 5 × (set_facility + grab), by cumulative time:")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=300)
    parser.add_argument("--movements", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--reuse", action="store_true", help="time an existing database")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    parser.add_argument(
        "--no-freeze", action="store_true", help="skip main.settle_imported_objects (gc.freeze)"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SAHELSTOCK_HOME", str(args.out / "home"))
    log(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPU, {platform.platform()}"
    )
    path = args.out / f"stock-screen-{args.products}-{args.movements}.db"
    if not (args.reuse and path.exists()):
        build(path, args.products, args.movements, args.seed)
    measure(path, args.runs, args.profile, freeze=not args.no_freeze)


if __name__ == "__main__":
    main()
