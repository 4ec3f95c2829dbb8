"""Bulk writes to the ledger with Core executemany: movements, their lots and running balances."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, func, insert, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core.ledger import Movement
from db.tables import lots, movements, stock_balances

T = TypeVar("T")

# SQLite before 3.32 allows 999 parameters per statement; a (product, lot) pair takes two.
_KEYS_PER_QUERY = 400

LotKey = tuple[int, str]
BalanceKey = tuple[int, int, int]


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _known_lots(
    conn: Connection, keys: Sequence[LotKey], cache: MutableMapping[LotKey, int]
) -> None:
    for chunk in _chunks(keys, _KEYS_PER_QUERY):
        rows = conn.execute(
            select(lots.c.id, lots.c.product_id, lots.c.lot).where(
                tuple_(lots.c.product_id, lots.c.lot).in_(list(chunk))
            )
        )
        for lot_id, product_id, lot in rows:
            cache[(int(product_id), str(lot))] = int(lot_id)


def ensure_lots(
    conn: Connection, wanted: dict[LotKey, date | None], cache: MutableMapping[LotKey, int]
) -> None:
    """Fill `cache` with the id of every wanted (product id, lot), inserting the missing lots
    in one executemany with the expiry given here."""
    missing = [key for key in wanted if key not in cache]
    if not missing:
        return
    _known_lots(conn, missing, cache)
    new = [key for key in missing if key not in cache]
    if not new:
        return
    conn.execute(
        lots.insert(),
        [
            {"product_id": product_id, "lot": lot, "expiry": wanted[(product_id, lot)]}
            for product_id, lot in new
        ],
    )
    _known_lots(conn, new, cache)


def add_balances(conn: Connection, totals: dict[BalanceKey, tuple[int, date]]) -> None:
    """Add each (facility, product, lot)'s summed change to `stock_balances`, keeping the
    earliest first_on: one upsert per key, sent as one executemany."""
    if not totals:
        return
    postgres = conn.dialect.name == "postgresql"
    stmt = (pg_insert if postgres else sqlite_insert)(stock_balances)
    least = func.least if postgres else func.min
    stmt = stmt.on_conflict_do_update(
        index_elements=["facility_id", "product_id", "lot_id"],
        set_={
            "quantity": stock_balances.c.quantity + stmt.excluded.quantity,
            "first_on": least(stock_balances.c.first_on, stmt.excluded.first_on),
        },
    )
    conn.execute(
        stmt,
        [
            {
                "facility_id": facility_id,
                "product_id": product_id,
                "lot_id": lot_id,
                "quantity": quantity,
                "first_on": first_on,
            }
            for (facility_id, product_id, lot_id), (quantity, first_on) in totals.items()
        ],
    )


def add_movements(
    conn: Connection,
    items: Sequence[Movement],
    facility_id: Callable[[str], int],
    product_id: Callable[[str], int],
    lot_ids: MutableMapping[LotKey, int],
) -> int:
    """Append stamped movements without checking stock: lots created as needed, the rows in one
    executemany, then one balance update per (facility, product, lot). Runs in the caller's
    transaction; the caller guarantees that no lot goes negative on any day."""
    if not items:
        return 0
    unstamped = sum(1 for m in items if m.recorded_at is None)
    if unstamped:
        raise ValueError(f"{unstamped} movement(s) not stamped: stamp them before storing")
    facility_ids = {code: facility_id(code) for code in {m.facility_code for m in items}}
    product_ids = {code: product_id(code) for code in {m.product_code for m in items}}
    wanted: dict[LotKey, date | None] = {}
    for m in items:
        wanted.setdefault((product_ids[m.product_code], m.lot), m.expiry)
    ensure_lots(conn, wanted, lot_ids)

    rows: list[dict[str, Any]] = []
    totals: dict[BalanceKey, tuple[int, date]] = {}
    for m in items:
        fid = facility_ids[m.facility_code]
        pid = product_ids[m.product_code]
        lid = lot_ids[(pid, m.lot)]
        rows.append(
            {
                "uuid": m.uuid,
                "facility_id": fid,
                "product_id": pid,
                "lot_id": lid,
                "occurred_on": m.occurred_on,
                "kind": m.kind.value,
                "quantity": m.quantity,
                "reason": m.reason.value if m.reason else None,
                "counterpart": m.counterpart,
                "reference": m.reference,
                "note": m.note,
                "counted": m.counted,
                "reverses": m.reverses,
                "origin_facility": m.origin_facility,
                "origin_device": m.origin_device,
                "entered_by": m.entered_by,
                "recorded_at": m.recorded_at,
            }
        )
        key = (fid, pid, lid)
        total = totals.get(key)
        if total is None:
            totals[key] = (m.quantity, m.occurred_on)
        else:
            totals[key] = (total[0] + m.quantity, min(total[1], m.occurred_on))
    conn.execute(insert(movements), rows)
    add_balances(conn, totals)
    return len(rows)


# --- loading millions of rows (benchmarks, migrations from other systems) -------------------


def drop_movement_indexes(conn: Connection) -> None:
    """Drop the secondary indexes of `movements`: a bulk load is several times faster without
    them (DESIGN.md, pitfalls). The unique index on uuid stays: it is a constraint."""
    for index in movements.indexes:
        index.drop(conn, checkfirst=True)


def create_movement_indexes(conn: Connection) -> None:
    """Build the secondary indexes of `movements` as db/tables.py declares them."""
    for index in movements.indexes:
        index.create(conn, checkfirst=True)


def rebuild_stock_balances(conn: Connection) -> int:
    """Recompute `stock_balances` from the whole ledger in one INSERT … SELECT … GROUP BY."""
    conn.execute(stock_balances.delete())
    totals = select(
        movements.c.facility_id,
        movements.c.product_id,
        movements.c.lot_id,
        func.sum(movements.c.quantity),
        func.min(movements.c.occurred_on),
    ).group_by(movements.c.facility_id, movements.c.product_id, movements.c.lot_id)
    conn.execute(
        stock_balances.insert().from_select(
            ["facility_id", "product_id", "lot_id", "quantity", "first_on"], totals
        )
    )
    count = conn.execute(select(func.count()).select_from(stock_balances)).scalar_one()
    return int(count)


def movement_index_names() -> list[str]:
    return sorted(str(index.name) for index in movements.indexes)
