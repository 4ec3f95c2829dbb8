"""Bulk append to the ledger: rows, lots and running balances written in a few statements."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from core import services
from core.ledger import Movement, MovementKind, Reason
from core.services import Context, ReceiptLine
from db.bulk import create_movement_indexes, drop_movement_indexes, movement_index_names
from db.engine import Database
from db.tables import lots, movements
from db.uow import SqlAlchemyUnitOfWork

RECORDED = datetime(2026, 11, 21, 12, 0)


def _move(
    facility: str,
    product: str,
    day: date,
    kind: MovementKind,
    quantity: int,
    lot: str = "",
    expiry: date | None = None,
    reason: Reason | None = None,
) -> Movement:
    return Movement(
        facility_code=facility,
        product_code=product,
        occurred_on=day,
        kind=kind,
        quantity=quantity,
        lot=lot,
        expiry=expiry,
        reason=reason,
    )


def _stamped(ctx: Context, items: list[Movement]) -> list[Movement]:
    return [m.stamped(ctx.origin(m.facility_code), RECORDED) for m in items]


def test_balances_equal_the_sum_of_the_movements_and_check_finds_nothing(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    csref, cscom = facilities
    # A lot already known from an ordinary receipt: bulk rows must reuse it and add to its
    # balance, not start a new one.
    services.receive_stock(
        uow,
        ctx,
        csref,
        date(2026, 1, 5),
        [ReceiptLine("RUTF", 300, "A12", date(2027, 3, 31))],
        supplier="UNICEF",
        reference="BL-2026-0007",
    )
    a12, b07 = date(2027, 3, 31), date(2027, 9, 30)
    items = [
        _move(csref, "RUTF", date(2026, 2, 1), MovementKind.RECEIPT, 450, "B07", b07),
        _move(
            csref,
            "RUTF",
            date(2026, 2, 3),
            MovementKind.TRANSFER_OUT,
            -150,
            "A12",
            a12,
            Reason.TRANSFER_OUT,
        ),
        _move(
            cscom,
            "RUTF",
            date(2026, 2, 3),
            MovementKind.TRANSFER_IN,
            150,
            "A12",
            a12,
            Reason.TRANSFER_IN,
        ),
        _move(cscom, "RUTF", date(2026, 2, 4), MovementKind.ISSUE, -21, "A12", a12),
        _move(cscom, "RUTF", date(2026, 2, 11), MovementKind.ISSUE, -28, "A12", a12),
        _move(csref, "RUTF", date(2026, 2, 12), MovementKind.ISSUE, -60, "B07", b07),
        _move(
            csref,
            "AMOX250D",
            date(2026, 1, 20),
            MovementKind.RECEIPT,
            1000,
            "AX1",
            date(2028, 1, 31),
        ),
        _move(
            csref,
            "AMOX250D",
            date(2026, 2, 20),
            MovementKind.LOSS,
            -14,
            "AX1",
            date(2028, 1, 31),
            Reason.DAMAGED,
        ),
        _move(cscom, "MUAC-E", date(2026, 1, 10), MovementKind.RECEIPT, 50),
        _move(
            cscom,
            "MUAC-E",
            date(2026, 3, 31),
            MovementKind.COUNT,
            -2,
            "",
            None,
            Reason.COUNT_CORRECTION,
        ),
    ]
    stamped = _stamped(ctx, items)
    with uow:
        assert uow.ledger.add_many(stamped) == len(items)
        uow.commit()

    expected: dict[tuple[str, str, str], int] = defaultdict(int)
    first: dict[tuple[str, str], date] = {}
    expected[(csref, "RUTF", "A12")] += 300
    first[(csref, "RUTF")] = date(2026, 1, 5)
    for m in items:
        expected[(m.facility_code, m.product_code, m.lot)] += m.quantity
        key = (m.facility_code, m.product_code)
        first[key] = min(first.get(key, m.occurred_on), m.occurred_on)
    with uow:
        for facility in (csref, cscom):
            balances = {
                (facility, b.product_code, b.lot): b.balance
                for b in uow.ledger.lot_balances(facility)
            }
            assert balances == {k: v for k, v in expected.items() if k[0] == facility}
            assert uow.ledger.first_movement_dates(facility) == {
                product: day for (f, product), day in first.items() if f == facility
            }
        assert uow.ledger.lot_expiry("RUTF", "B07") == (True, b07)
        assert uow.ledger.lot_expiry("MUAC-E", "") == (True, None)
        stored = uow.ledger.get(stamped[0].uuid)
        assert stored is not None
        assert stored.recorded_at == RECORDED and stored.entered_by == ctx.user
        assert stored.origin_facility == csref and stored.origin_device == ctx.device
    assert services.check_database(uow) == []
    card = services.product_stock_card(uow, cscom, "RUTF")
    assert [line.balance for line in card] == [150, 129, 101]


def test_one_lot_row_per_product_and_lot_whatever_the_number_of_movements(
    database: Database, uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    csref, _ = facilities
    expiry = date(2027, 6, 30)
    items = [_move(csref, "RUTF", date(2026, 3, 1), MovementKind.RECEIPT, 1500, "L1", expiry)]
    items += [
        _move(csref, "RUTF", date(2026, 3, d), MovementKind.ISSUE, -10, "L1", expiry)
        for d in range(2, 29)
    ]
    with uow:
        uow.ledger.add_many(_stamped(ctx, items))
        uow.commit()
    with uow:  # a second batch in another unit of work finds the lot in the database
        uow.ledger.add_many(
            _stamped(
                ctx, [_move(csref, "RUTF", date(2026, 4, 1), MovementKind.ISSUE, -5, "L1", expiry)]
            )
        )
        uow.commit()
    with database.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(lots)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(movements)).scalar_one() == 29
    with uow:
        assert [b.balance for b in uow.ledger.lot_balances(csref)] == [1500 - 270 - 5]
        assert [b.balance for b in uow.ledger.lot_balances(csref, date(2026, 3, 10))] == [1410]
    assert services.check_database(uow) == []


def test_nothing_is_kept_unless_the_caller_commits(
    database: Database, uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    csref, _ = facilities
    items = [_move(csref, "RUTF", date(2026, 3, 1), MovementKind.RECEIPT, 150, "L9", None)]
    with uow:
        uow.ledger.add_many(_stamped(ctx, items))
    with uow:
        assert uow.ledger.lot_balances(csref) == []
        assert uow.ledger.add_many([]) == 0
    with database.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(lots)).scalar_one() == 0


def test_unstamped_movements_are_refused(
    uow: SqlAlchemyUnitOfWork, facilities: tuple[str, str]
) -> None:
    csref, _ = facilities
    with uow, pytest.raises(ValueError, match="stamp"):
        uow.ledger.add_many(
            [_move(csref, "RUTF", date(2026, 3, 1), MovementKind.RECEIPT, 150, "L1", None)]
        )


def test_check_finds_a_lot_that_a_careless_bulk_load_drove_negative(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    csref, _ = facilities
    expiry = date(2027, 6, 30)
    items = [
        _move(csref, "RUTF", date(2026, 3, 1), MovementKind.ISSUE, -50, "L1", expiry),
        _move(csref, "RUTF", date(2026, 3, 2), MovementKind.RECEIPT, 150, "L1", expiry),
    ]
    with uow:
        uow.ledger.add_many(_stamped(ctx, items))
        uow.commit()
    problems = services.check_database(uow)
    assert len(problems) == 1 and "négatif" in problems[0]


def test_movement_indexes_can_be_dropped_for_a_load_and_rebuilt(database: Database) -> None:
    def names() -> list[str]:
        with database.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'movements' "
                "AND name NOT LIKE 'sqlite_autoindex%'"
            )
            return sorted(r[0] for r in rows)

    assert names() == movement_index_names()
    with database.engine.begin() as conn:
        drop_movement_indexes(conn)
    assert names() == []
    with database.engine.begin() as conn:
        create_movement_indexes(conn)
    assert names() == movement_index_names()
