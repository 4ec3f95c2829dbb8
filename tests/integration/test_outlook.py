"""The stock outlook from the database: forecast, FEFO projection with expiries and orders."""

from __future__ import annotations

import json
from datetime import date

import pytest

from core import orders, services
from core.orders import StockOrder
from core.outlook import Risk, facility_outlook
from core.services import Context, ReceiptLine
from db.uow import SqlAlchemyUnitOfWork

AS_OF = date(2026, 11, 21)  # the `ctx` fixture's today


def steady_rutf(uow: SqlAlchemyUnitOfWork, ctx: Context, facility: str) -> None:
    """Eleven months of exactly 600 sachets a month; today 300 sachets of lot A expiring on
    1 December and 900 of lot B."""
    services.receive_stock(
        uow, ctx, facility, date(2025, 11, 3), [ReceiptLine("RUTF", 6600, "L0", date(2027, 6, 30))]
    )
    # Lots A and B arrive before L0 runs out, so no month has a stock-out day.
    services.receive_stock(
        uow,
        ctx,
        facility,
        date(2026, 10, 2),
        [
            ReceiptLine("RUTF", 300, "A", date(2026, 12, 1)),
            ReceiptLine("RUTF", 900, "B", date(2027, 12, 31)),
        ],
    )
    for month in range(11):
        year, m = (2025, 12) if month == 0 else (2026, month)
        services.dispense(uow, ctx, facility, "RUTF", 600, date(year, m, 15), lot="L0")


def outlook_of(uow: SqlAlchemyUnitOfWork, facility: str):
    def factory() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(uow._engine)

    found = facility_outlook(factory, facility, AS_OF, ["RUTF"])
    assert [o.product.code for o in found] == ["RUTF"]
    return found[0]


def test_expiring_lot_is_lost_and_the_rest_runs_out_in_mid_january(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    steady_rutf(uow, ctx, cscom)
    outlook = outlook_of(uow, cscom)
    assert outlook.amc == 600
    assert [round(m.forecast) for m in outlook.forecast] == [600] * 6
    projection = outlook.projection
    assert projection.usable_stock == 1200
    # 10 days × 20 sachets come out of lot A first (FEFO); its last 100 expire on 1 December;
    # lot B's 900 then last about 46 days.
    assert [(loss.lot, loss.quantity, loss.expiry) for loss in projection.losses] == [
        ("A", 100, date(2026, 12, 1))
    ]
    assert projection.stockout_date is not None
    assert date(2027, 1, 13) <= projection.stockout_date <= date(2027, 1, 19)
    assert outlook.risk is Risk.BEFORE_NEXT_ORDER  # 56 days away; lead time 30 + review 30
    assert "100 sachets du lot A périment le 1er décembre" in projection.explanation
    assert "sera épuisé vers le 1" in projection.explanation
    # Lead time + review: 60 days ≈ 1 200 sachets, plus the minimum (1.5 × 600) at the end,
    # minus 1 200 usable + 0 coming − 100 expiring → 1 000, rounded up to 7 cartons.
    assert outlook.order_rounded == 1050


def test_a_pending_order_pushes_the_stockout_back(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    steady_rutf(uow, ctx, cscom)
    before = outlook_of(uow, cscom).projection
    orders.add_order(uow, ctx, StockOrder(cscom, "RUTF", 600, date(2026, 12, 20)))
    after = outlook_of(uow, cscom)
    assert after.projection.stockout_date is not None and before.stockout_date is not None
    assert 28 <= (after.projection.stockout_date - before.stockout_date).days <= 32
    assert "600 sachets sont attendus le 20 décembre" in after.projection.explanation
    assert after.order_rounded == 450  # 1 000 − 600, rounded up to 3 cartons


def test_stock_out_before_a_delivery_could_arrive_is_near_certain(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    steady_rutf(uow, ctx, cscom)
    services.dispense(uow, ctx, cscom, "RUTF", 1100, date(2026, 11, 21), lot=None)
    orders.add_order(uow, ctx, StockOrder(cscom, "RUTF", 3000, date(2026, 12, 10)))
    outlook = outlook_of(uow, cscom)
    # 100 sachets left, 20 a day: empty on 26 November, two weeks before the order comes.
    assert outlook.projection.stockout_date == date(2026, 11, 26)
    assert outlook.risk is Risk.BEFORE_DELIVERY
    assert outlook.projection.stockout_probability > 0.95


def test_stock_command_shows_the_projection(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    from main import main

    db = str(tmp_path / "stock.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "stock", "--facility", "CSCOM-SOCOURA", "--json"]) == 0
    rows = {row["product"]: row for row in json.loads(capsys.readouterr().out)}
    rutf = rows["RUTF"]
    assert rutf["risk"] in {"now", "before_delivery"}
    assert rutf["forecast_stockout"] is not None and rutf["stockout_probability"] > 0.5
    assert len(rutf["forecast"]) == 6
    assert rutf["explanation"].startswith("À ce rythme (CMM ajustée")
    assert rutf["order_now"] % 150 == 0 and rutf["order_now"] > 0
    assert rows["FLUOX20"]["risk"] is None  # never stocked at a CSCom
