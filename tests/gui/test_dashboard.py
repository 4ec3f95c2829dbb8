"""The dashboard, driven as a user would: tiles that count and filter, risks worst first."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt

from core import services
from core.facilities import new_facility
from core.ledger import LotStock, Movement, MovementKind
from core.services import Context, ReceiptLine
from core.stock import stockout_start
from gui.dashboard import DashboardScreen
from gui.dashboard.model import Risk, RiskTableModel, risk_items
from gui.main_window import MainWindow
from gui.ui_settings import UiSettings
from main import build_application

TODAY = date(2026, 11, 21)
SITE = "CSCOM-TEST"


def plain(text: str) -> str:
    """French numbers use narrow no-break spaces: compare with ordinary ones."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def app(tmp_path: Path):
    built = build_application(str(tmp_path / "dashboard.db"))
    return dataclasses.replace(
        built, ctx=Context("poste-test", "dtc", clock=lambda: datetime(2026, 11, 21, 12, 0))
    )


def receive(app, product: str, quantity: int, on: date, lot: str, expiry: date | None) -> None:
    services.receive_stock(
        app.uow(), app.ctx, SITE, on, [ReceiptLine(product, quantity, lot, expiry)]
    )


def dispense_monthly(app, product: str, quantity: int) -> None:
    """The same quantity dispensed in each of the last three complete months (Aug–Oct)."""
    for month in (8, 9, 10):
        services.dispense(app.uow(), app.ctx, SITE, product, quantity, date(2026, month, 15))


@pytest.fixture
def scenario(app):
    """One product of each risk, built from the ledger:

    - RUTF received 300 on 01/08, all dispensed by 10/10: out of stock since 10/10/2026;
    - AMOX250D: AMC 300 a month, 100 left → 0.3 month, below the emergency order point (1);
    - ALB400: AMC 100, 130 left → 1.3 months, below the minimum (1.5);
    - DIAZ5 lot B7 (50 tablets) expired on 30/09/2026, still on the shelf; lot D9 is good;
    - FLUOX20 lot A12 expires 31/01/2027 and HALO5 lot H1 on 15/01/2027: within 3 months.
    """
    services.add_facility(app.uow(), new_facility(SITE, "CSCom Test", "CSCom", "Mopti", "Mopti"))
    receive(app, "RUTF", 300, date(2026, 8, 1), "R1", date(2028, 1, 31))
    services.dispense(app.uow(), app.ctx, SITE, "RUTF", 200, date(2026, 8, 20))
    services.dispense(app.uow(), app.ctx, SITE, "RUTF", 100, date(2026, 10, 10))
    receive(app, "AMOX250D", 1000, date(2026, 8, 1), "AX1", date(2028, 6, 30))
    dispense_monthly(app, "AMOX250D", 300)
    receive(app, "ALB400", 430, date(2026, 8, 1), "AB1", date(2028, 6, 30))
    dispense_monthly(app, "ALB400", 100)
    receive(app, "DIAZ5", 50, date(2026, 6, 1), "B7", date(2026, 9, 30))
    receive(app, "DIAZ5", 100, date(2026, 6, 1), "D9", date(2028, 9, 30))
    receive(app, "FLUOX20", 450, date(2026, 9, 1), "A12", date(2027, 1, 31))
    receive(app, "HALO5", 200, date(2026, 9, 1), "H1", date(2027, 1, 15))
    return app


@pytest.fixture
def window(qtbot, scenario, tmp_path):
    ui = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    win = MainWindow(scenario, ui)
    qtbot.addWidget(win)
    win.resize(1200, 720)
    return win


def rows(screen: DashboardScreen) -> list[tuple[str, str]]:
    """What the list shows: (product cell, what is wrong) per visible row."""
    proxy = screen.proxy
    return [
        (proxy.index(r, 0).data(), plain(proxy.index(r, 1).data())) for r in range(proxy.rowCount())
    ]


def test_dashboard_lists_each_risk_worst_first_with_counts_on_the_tiles(window):
    dashboard = window.screen("dashboard")
    assert window.stack.currentWidget() is dashboard  # the window opens on it
    shown = rows(dashboard)
    assert [product.split(" ")[0] for product, _ in shown] == [
        "RUTF",
        "AMOX250D",
        "DIAZ5",
        "ALB400",
        "HALO5",
        "FLUOX20",
    ]
    texts = [text for _, text in shown]
    assert texts[0] == "✖ Rupture depuis le 10/10/2026 (42 jours)"
    assert texts[1] == "▲ MSD 0,3 mois — commande d'urgence"
    assert texts[2] == "☠ Lot B7 (50 comprimés) périmé depuis le 30/09/2026 — à sortir en perte"
    assert texts[3] == "▼ MSD 1,3 mois — sous le minimum (1,5 mois)"
    assert texts[4] == "⚠ Lot H1 périme le 15/01/2027 (200 comprimés)"
    assert texts[5] == "⚠ Lot A12 périme le 31/01/2027 (450 gélules)"
    # usable stock and quantity to order in units and packs: AMOX AMC 300, max 3 months → 900
    amox = dashboard.proxy.index(1, 2).data(), dashboard.proxy.index(1, 3).data()
    assert plain(amox[0]) == "100 comprimés (1,0 boîte)"
    assert plain(amox[1]) == "800 comprimés (8,0 boîtes)"

    tiles = {risk: tile.caption() for risk, tile in dashboard.tiles.items()}
    assert tiles[None] == "≡ 6 toutes les alertes"
    assert tiles[Risk.STOCKED_OUT] == "✖ 1 en rupture"
    assert tiles[Risk.EMERGENCY] == "▲ 1 commande d'urgence"
    assert tiles[Risk.EXPIRED] == "☠ 1 lot périmé en rayon"
    assert tiles[Risk.BELOW_MIN] == "▼ 1 sous le minimum"
    assert tiles[Risk.EXPIRING] == "⚠ 2 lots périment bientôt"
    assert "CSCom Test" in dashboard.title.text()
    assert "21/11/2026" in dashboard.title.text()


def test_clicking_a_tile_filters_the_list_and_all_shows_everything_again(qtbot, window):
    dashboard = window.screen("dashboard")
    qtbot.mouseClick(dashboard.tiles[Risk.EXPIRING], Qt.MouseButton.LeftButton)
    assert dashboard.tiles[Risk.EXPIRING].isChecked()
    assert [product.split(" ")[0] for product, _ in rows(dashboard)] == ["HALO5", "FLUOX20"]
    qtbot.mouseClick(dashboard.tiles[Risk.STOCKED_OUT], Qt.MouseButton.LeftButton)
    assert [text for _, text in rows(dashboard)] == ["✖ Rupture depuis le 10/10/2026 (42 jours)"]
    qtbot.mouseClick(dashboard.tiles[None], Qt.MouseButton.LeftButton)
    assert dashboard.proxy.rowCount() == 6


def test_double_click_or_enter_on_a_row_opens_the_stock_card_of_that_product(qtbot, window):
    dashboard = window.screen("dashboard")
    table = dashboard.table
    window.show()
    qtbot.waitExposed(window)
    rect = table.visualRect(dashboard.proxy.index(2, 1))
    with qtbot.waitSignal(dashboard.navigate) as signal:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["card", "DIAZ5"]
    assert window.stack.currentWidget() is window.screens["card"]

    window.show_screen("dashboard")
    table.setFocus()
    table.setCurrentIndex(dashboard.proxy.index(0, 0))
    with qtbot.waitSignal(dashboard.navigate) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert signal.args == ["card", "RUTF"]


def test_a_receipt_elsewhere_clears_the_rupture_when_the_dashboard_refreshes(window, scenario):
    dashboard = window.screen("dashboard")
    receive(scenario, "RUTF", 1500, TODAY, "R2", date(2028, 3, 31))
    dashboard.refresh()  # what the main window does when another screen changed the ledger
    assert dashboard.tiles[Risk.STOCKED_OUT].caption() == "✖ 0 en rupture"
    assert not dashboard.tiles[Risk.STOCKED_OUT].isEnabled()
    assert "RUTF" not in [product.split(" ")[0] for product, _ in rows(dashboard)]


def test_the_model_passes_the_model_tester(qtmodeltester, scenario):
    lines = services.facility_stock(scenario.uow(), SITE, TODAY)
    alerts = services.expiry_alerts(scenario.uow(), SITE, TODAY)
    model = RiskTableModel()
    model.set_items(risk_items(lines, alerts), TODAY)
    assert model.rowCount() == 6
    qtmodeltester.check(model)


def since(app, product: str, on: date = TODAY) -> date | None:
    """The stock-out start as the dashboard computes it, from the services."""
    lots = services.propose_lots(app.uow(), SITE, product, on)
    newest_first = services.movement_page(app.uow(), SITE, 0, 10_000, product).movements
    return stockout_start(lots, newest_first, on)


def test_stockout_start_counts_an_expired_last_lot_as_the_start(scenario):
    assert since(scenario, "RUTF") == date(2026, 10, 10)
    assert since(scenario, "AMOX250D") is None  # still has usable stock
    assert since(scenario, "RESOMAL") is None  # never moved here
    receive(scenario, "RESOMAL", 20, date(2026, 6, 1), "RS1", date(2026, 11, 2))
    assert since(scenario, "RESOMAL") == date(2026, 11, 2)
    assert since(scenario, "RESOMAL", date(2026, 11, 1)) is None
    # resupplied, then out again: the last run counts
    receive(scenario, "RUTF", 50, date(2026, 10, 20), "R2", date(2028, 1, 31))
    services.dispense(scenario.uow(), scenario.ctx, SITE, "RUTF", 50, date(2026, 11, 3))
    assert since(scenario, "RUTF") == date(2026, 11, 3)
    assert since(scenario, "RUTF", date(2026, 10, 25)) is None
    assert since(scenario, "RUTF", date(2026, 10, 15)) == date(2026, 10, 10)


def forward_stockout_start(movements: list[Movement], as_of: date) -> date | None:
    """Reference: walk every day from the first movement and remember when usable stock
    last fell to nothing."""
    if not movements:
        return None
    balances: dict[str, int] = {}
    expiries = {m.lot: m.expiry for m in movements}
    day, start, result = movements[0].occurred_on, 0, None
    while day <= as_of:
        while start < len(movements) and movements[start].occurred_on == day:
            balances[movements[start].lot] = (
                balances.get(movements[start].lot, 0) + movements[start].quantity
            )
            start += 1
        usable = sum(
            q
            for lot, q in balances.items()
            if q > 0 and not (expiries[lot] is not None and expiries[lot] <= day)
        )
        if usable > 0:
            result = None
        elif result is None:
            result = day
        day += timedelta(days=1)
    return result


@pytest.mark.parametrize("seed", range(200))
def test_stockout_start_walking_back_agrees_with_walking_every_day(seed):
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    movements: list[Movement] = []
    balances: dict[str, int] = {}
    expiries: dict[str, date] = {}
    days = sorted(rng.randint(0, 300) for _ in range(rng.randint(1, 25)))
    for offset in days:  # in date order, so that no lot ever goes below zero
        day = start + timedelta(days=offset)
        lot = rng.choice("ABC")
        expiries.setdefault(lot, start + timedelta(days=rng.randint(10, 250)))
        if rng.random() < 0.4 or balances.get(lot, 0) == 0:
            quantity = rng.randint(1, 50)
        else:
            quantity = -rng.randint(1, balances[lot])
        balances[lot] = balances.get(lot, 0) + quantity
        movements.append(
            Movement(SITE, "RUTF", day, MovementKind.ADJUSTMENT, quantity, lot, expiries[lot])
        )
    as_of = start + timedelta(days=rng.randint(0, 420))
    # lots with stock at the end of as_of, as propose_lots gives them
    held: dict[str, int] = {}
    for m in movements:
        if m.occurred_on <= as_of:
            held[m.lot] = held.get(m.lot, 0) + m.quantity
    lots = [LotStock("RUTF", lot, expiries[lot], q, q) for lot, q in held.items() if q > 0]
    assert stockout_start(lots, reversed(movements), as_of) == forward_stockout_start(
        movements, as_of
    )


def test_empty_states_say_what_to_do(qtbot, app, tmp_path):
    dashboard = DashboardScreen(app)
    qtbot.addWidget(dashboard)
    dashboard.set_facility(None)
    assert dashboard.pages.currentWidget() is dashboard.empty
    assert dashboard.empty.title.text() == "Aucun établissement pour l'instant"
    with qtbot.waitSignal(dashboard.navigate) as signal:
        qtbot.mouseClick(dashboard.empty.button, Qt.MouseButton.LeftButton)
    assert signal.args == ["settings", None]

    services.add_facility(app.uow(), new_facility(SITE, "CSCom Test", "CSCom", "Mopti", "Mopti"))
    dashboard.set_facility(SITE)
    assert dashboard.empty.title.text() == "Aucun stock enregistré"

    receive(app, "FLUOX20", 450, date(2026, 9, 1), "A12", date(2029, 1, 31))
    dashboard.refresh()
    assert dashboard.empty.title.text() == "✔ Aucun produit à risque"
    assert not dashboard.hint.isVisibleTo(dashboard)
    assert all(not tile.isEnabled() for tile in dashboard.tiles.values())
