"""Stock on order: deliveries a facility expects, counted in the order quantity and needs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from core import orders, services
from core.errors import DomainError
from core.orders import OrderStatus, StockOrder
from core.services import Context, ReceiptLine
from db.engine import Database
from db.uow import SqlAlchemyUnitOfWork
from main import main

BACKENDS = ("sqlite", "postgresql")


def rutf_order(facility: str, quantity: int = 900, on: date = date(2026, 12, 5)) -> StockOrder:
    return StockOrder(facility, "RUTF", quantity, on, reference=" RR  2026-11 ")


def test_pending_orders_count_as_stock_on_order(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow, ctx, cscom, date(2026, 8, 1), [ReceiptLine("RUTF", 3000, "L1", date(2028, 1, 31))]
    )
    for month in (8, 9, 10):
        services.dispense(uow, ctx, cscom, "RUTF", 600, date(2026, month, 15))
    before = services.facility_stock(uow, cscom, date(2026, 11, 21), product_codes=["RUTF"])[0]
    # AMC 600, max 3 months = 1 800, usable 1 200 → 600 to order (4 cartons).
    assert (before.amc, before.usable_soh, before.on_order, before.order_quantity) == (
        600,
        1200,
        0,
        600,
    )
    order = orders.add_order(uow, ctx, rutf_order(cscom, 450))
    assert order.reference == "RR 2026-11"
    after = services.facility_stock(uow, cscom, date(2026, 11, 21), product_codes=["RUTF"])[0]
    assert (after.on_order, after.order_quantity) == (450, 150)

    orders.update_order(uow, ctx, order.record_uuid, status=OrderStatus.RECEIVED)
    assert orders.pending_orders(uow, cscom) == []
    with pytest.raises(DomainError, match="déjà reçue"):
        orders.update_order(uow, ctx, order.record_uuid, quantity=10)
    last = services.facility_stock(uow, cscom, date(2026, 11, 21), product_codes=["RUTF"])[0]
    assert last.on_order == 0


def test_an_order_changes_by_versions_that_the_database_keeps(
    database: Database, uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    order = orders.add_order(uow, ctx, rutf_order(cscom))
    later = orders.update_order(
        uow, ctx, order.record_uuid, expected_on=date(2026, 12, 20), note="route coupée"
    )
    assert later.version == 2
    pending = orders.pending_orders(uow, cscom, "RUTF")
    assert [(o.expected_on, o.quantity) for o in pending] == [(date(2026, 12, 20), 900)]
    with database.engine.connect() as conn, pytest.raises(Exception, match="ne se modifient pas"):
        conn.execute(text("UPDATE stock_orders SET quantity = 1"))
    with pytest.raises(DomainError, match="entier positif"):
        orders.add_order(uow, ctx, rutf_order(cscom, 0))
    with pytest.raises(DomainError, match="inconnu"):
        orders.add_order(uow, ctx, StockOrder(cscom, "NOPE", 5, date(2026, 12, 1)))


def test_orders_from_the_command_line(capsys, tmp_path) -> None:
    db = str(tmp_path / "orders.db")
    assert (
        main(
            [
                "--db",
                db,
                "facility",
                "add",
                "--code",
                "C1",
                "--name",
                "CSCom 1",
                "--type",
                "CSCom",
                "--region",
                "Mopti",
                "--district",
                "Mopti",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "--db",
                db,
                "order",
                "add",
                "--facility",
                "C1",
                "--product",
                "RUTF",
                "--quantity",
                "300",
                "--expected",
                "2026-12-01",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "orders", "--facility", "C1", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(o["product"], o["quantity"], o["status"]) for o in listed] == [
        ("RUTF", 300, "pending")
    ]
    assert main(["--db", db, "order", "set", listed[0]["id"], "--status", "cancelled"]) == 0
    assert "annulée" in capsys.readouterr().out
    assert main(["--db", db, "orders", "--facility", "C1"]) == 0
    assert "Aucune commande en cours" in capsys.readouterr().out
    assert main(["--db", db, "order", "set", listed[0]["id"], "--quantity", "5"]) == 2
    assert "déjà annulée" in capsys.readouterr().err
