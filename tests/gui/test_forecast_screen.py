"""The forecast screen: products by risk, the chart and its explanation, the pending orders."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import QDate, QSettings, Qt

from core import orders, services
from core.errors import DomainError
from core.facilities import new_facility
from core.orders import StockOrder
from core.outlook import RISK_LABELS_FR, Risk
from core.services import Context, ReceiptLine
from gui.charts import ForecastChartData, forecast_chart, save_png
from gui.forecast import ForecastScreen
from gui.forecast.model import (
    ON_ORDER,
    PRODUCT,
    RISK,
    RISK_TEXTS,
    STOCKOUT,
    TO_ORDER,
    OrdersModel,
    OutlookModel,
)
from gui.forecast.orders import CloseOrderForm, OrderForm
from gui.main_window import SCREENS, MainWindow
from gui.ui_settings import UiSettings
from main import build_application

FACILITY = "CSCOM-SEV"
NOW = datetime(2026, 11, 21, 12, 0)  # today for the hand-built ledger
WAIT = 30_000  # ms: the demo's outlook takes a few seconds


def plain(text: str) -> str:
    """French digit grouping uses narrow no-break spaces: compare with plain ones."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def day_of(text: str) -> date:
    day, month, year = (int(x) for x in re.findall(r"\d+", text)[:3])
    return date(year, month, day)


@pytest.fixture
def app(tmp_path: Path):
    """Eleven months of exactly 600 sachets of RUTF a month; today (21 November 2026) 300
    sachets of lot A expiring on 1 December and 900 of lot B (as tests/integration/
    test_outlook.py: lot A loses 100 sachets, the rest runs out in mid-January)."""
    built = build_application(str(tmp_path / "forecast.db"))
    app = replace(built, ctx=Context(device="poste-test", user="dtc", clock=lambda: NOW))
    uow, ctx = app.uow, app.ctx
    services.add_facility(uow(), new_facility(FACILITY, "CSCom Sévaré", "CSCom", "Mopti", "Mopti"))
    services.receive_stock(
        uow(),
        ctx,
        FACILITY,
        date(2025, 11, 3),
        [ReceiptLine("RUTF", 6600, "L0", date(2027, 6, 30))],
    )
    services.receive_stock(
        uow(),
        ctx,
        FACILITY,
        date(2026, 10, 2),
        [
            ReceiptLine("RUTF", 300, "A", date(2026, 12, 1)),
            ReceiptLine("RUTF", 900, "B", date(2027, 12, 31)),
        ],
    )
    for month in range(11):
        year, m = (2025, 12) if month == 0 else (2026, month)
        services.dispense(uow(), ctx, FACILITY, "RUTF", 600, date(year, m, 15), lot="L0")
    return app


def shown_screen(qtbot, app, facility: str = FACILITY) -> ForecastScreen:
    screen = ForecastScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1030, 640)
    screen.set_facility(facility)
    assert not screen.is_busy()  # hidden: nothing is computed until it is shown
    with qtbot.waitSignal(screen.outlook_shown, timeout=WAIT):
        screen.show()
        assert screen.is_busy() and not screen.busy_label.isHidden()
        assert "Calcul" in screen.message.text()
    assert not screen.is_busy() and screen.busy_label.isHidden()
    return screen


@pytest.fixture
def screen(qtbot, app) -> ForecastScreen:
    return shown_screen(qtbot, app)


def cell(screen: ForecastScreen, code: str, column: int) -> str:
    row = screen.model.row_of(code)
    assert row >= 0, code
    return plain(screen.model.index(row, column).data())


def test_table_lists_the_product_with_its_risk_stockout_date_and_order(screen):
    assert screen.model.rowCount() == 1
    assert cell(screen, "RUTF", PRODUCT).startswith("RUTF – ")
    assert cell(screen, "RUTF", RISK) == "▼ Rupture avant la prochaine commande"
    stockout = day_of(cell(screen, "RUTF", STOCKOUT))
    assert date(2027, 1, 13) <= stockout <= date(2027, 1, 19)
    assert cell(screen, "RUTF", TO_ORDER) == "1 050 sachets (7 cartons)"
    assert cell(screen, "RUTF", ON_ORDER) == "—"
    assert "Rupture avant la prochaine commande : 1" in plain(screen.summary.text())


def test_selecting_the_product_draws_the_chart_and_explains_the_expiring_lot(screen):
    screen.table.selectRow(0)
    assert screen.selected_outlook() is not None
    axes = screen.figure.get_axes()
    assert len(axes) == 2  # the past, and the forecast with the projected stock
    legend = [t.get_text() for t in screen.figure.legends[0].get_texts()]
    assert "Consommation du mois" in legend
    assert "Intervalle de prévision (80 %)" in legend
    assert "Stock utilisable projeté" in legend
    assert "Lot périmé avant usage" in legend
    assert any(t.startswith("Rupture prévue le ") for t in legend)
    assert any(t.startswith("Stock minimum (") for t in legend)
    notes = [plain(t.get_text()) for t in axes[1].texts]
    assert "−100 (lot A)" in notes
    text = plain(screen.explanation.text())
    assert text.startswith("À ce rythme (CMM ajustée 600 sachets")
    assert "100 sachets du lot A périment le 1er décembre" in text


def test_an_order_added_through_the_dialog_pushes_the_stockout_back(qtbot, screen):
    before = day_of(cell(screen, "RUTF", STOCKOUT))
    dialog = screen.open_orders()
    assert dialog is not None and dialog.model.rowCount() == 0
    form = dialog.open_new()
    assert isinstance(form, OrderForm)
    assert form.product.product() is not None  # the product selected on the screen
    assert form.quantity.in_packs()  # orders are placed in cartons
    form.quantity.spin.setValue(4)
    form.expected.setDate(QDate(2026, 12, 20))
    form.reference.setText("BC-2026-118")
    form.supplier.setText("CSRéf Mopti")
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(screen.outlook_shown, timeout=WAIT):
        form.save_button.click()
    assert dialog.model.rowCount() == 1
    assert "600 sachets" in plain(dialog.model.index(0, 1).data())
    after = day_of(cell(screen, "RUTF", STOCKOUT))
    assert 28 <= (after - before).days <= 32
    assert cell(screen, "RUTF", ON_ORDER) == "600 sachets"
    assert cell(screen, "RUTF", TO_ORDER) == "450 sachets (3 cartons)"
    assert "600 sachets sont attendus le 20 décembre" in plain(screen.explanation.text())
    legend = [t.get_text() for t in screen.figure.legends[0].get_texts()]
    assert "Livraison attendue" in legend
    dialog.close()


def test_order_form_errors_are_under_their_field_and_a_refusal_loses_nothing(
    qtbot, screen, monkeypatch
):
    dialog = screen.open_orders()
    form = dialog.open_new()
    form.product.setEditText("zzz")
    form.quantity.spin.setValue(2)
    form.expected.setDate(QDate(2026, 11, 1))
    assert not form.save_button.isEnabled()
    assert form.field_errors["product"].isVisibleTo(form)
    assert "Produit inconnu" in form.field_errors["product"].text()
    assert "Date passée" in form.field_errors["expected"].text()
    form.product.set_product("RUTF")
    form.expected.setDate(QDate(2026, 12, 20))
    assert not form.field_errors["product"].isVisibleTo(form)
    assert not form.field_errors["expected"].isVisibleTo(form)

    def refuse(*_args, **_kwargs):
        raise DomainError("Produit RUTF inconnu.")

    monkeypatch.setattr(orders, "add_order", refuse)
    form.reference.setText("BC-9")
    form.save_button.click()
    assert form.isVisible()  # still open, with what was typed
    assert "Produit RUTF inconnu." in form.message.text()
    assert form.quantity.base_quantity() == 300 and form.reference.text() == "BC-9"
    assert dialog.model.rowCount() == 0
    form.confirm_discard = lambda: True
    form.reject()
    dialog.close()


def test_an_order_can_be_changed_received_or_cancelled(qtbot, app, screen):
    orders.add_order(app.uow(), app.ctx, StockOrder(FACILITY, "RUTF", 600, date(2026, 12, 20)))
    orders.add_order(app.uow(), app.ctx, StockOrder(FACILITY, "RUTF", 150, date(2027, 1, 5)))
    dialog = screen.open_orders()
    assert dialog.model.rowCount() == 2
    dialog.table.selectRow(0)
    edit = dialog.open_edit()
    assert isinstance(edit, OrderForm)
    assert not edit.save_button.isEnabled()  # nothing changed yet
    edit.expected.setDate(QDate(2026, 12, 28))
    edit.note.setText("livraison reportée")
    with qtbot.waitSignal(screen.outlook_shown, timeout=WAIT):
        edit.save_button.click()
    assert dialog.selected().expected_on == date(2026, 12, 28)

    dialog.table.selectRow(0)
    cancel = dialog.open_close(orders.OrderStatus.CANCELLED)
    assert isinstance(cancel, CloseOrderForm)
    assert not cancel.save_button.isEnabled()  # the reason is required
    cancel.note.setText("rupture chez le fournisseur")
    with qtbot.waitSignal(screen.outlook_shown, timeout=WAIT):
        cancel.save_button.click()
    assert dialog.model.rowCount() == 1

    dialog.table.selectRow(0)
    received = dialog.open_close(orders.OrderStatus.RECEIVED)
    assert received.save_button.isEnabled()  # a note is optional
    with qtbot.waitSignal(screen.outlook_shown, timeout=WAIT):
        received.save_button.click()
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
    assert orders.pending_orders(app.uow(), FACILITY) == []
    assert cell(screen, "RUTF", ON_ORDER) == "—"
    dialog.close()


def test_a_hidden_screen_waits_and_a_change_while_computing_is_not_lost(qtbot, app, screen):
    screen.hide()
    services.dispense(app.uow(), app.ctx, FACILITY, "RUTF", 1100, date(2026, 11, 21))
    screen.refresh()
    assert not screen.is_busy()  # hidden: computed when shown again
    with qtbot.waitSignal(screen.outlook_shown, timeout=WAIT):
        screen.show()
        screen.refresh()  # asked again while computing: one more round, one result shown
    assert cell(screen, "RUTF", RISK) == "▲ Rupture avant la livraison"
    assert cell(screen, "RUTF", STOCKOUT) == "26/11/2026"


def test_models_pass_the_model_tester(qtmodeltester, app, screen):
    model = OutlookModel()
    model.set_outlooks(screen.model.outlooks())
    qtmodeltester.check(model)
    orders.add_order(app.uow(), app.ctx, StockOrder(FACILITY, "RUTF", 600, date(2026, 11, 2)))
    pending = orders.pending_orders(app.uow(), FACILITY)
    products = {p.code: p for p in services.list_products(app.uow())}
    order_model = OrdersModel()
    order_model.set_orders(pending, products, NOW.date())
    qtmodeltester.check(order_model)
    assert plain(order_model.index(0, 1).data()) == "600 sachets (4 cartons)"
    assert "en retard" in order_model.index(0, 2).data()


def test_core_risk_labels_are_copied_for_translation_unchanged():
    assert RISK_TEXTS == RISK_LABELS_FR
    assert set(RISK_TEXTS) == set(Risk)


def test_forecast_chart_from_plain_data_writes_a_png(qapp, tmp_path):
    data = ForecastChartData(
        today=date(2026, 11, 21),
        history=[(date(2026, m, 1), 500, 600 if m == 7 else 500) for m in range(1, 11)],
        forecast=[(date(2026, 11, 1), 550.0, 450.0, 700.0), (date(2026, 12, 1), 560, 440, 720)],
        stock=[(date(2026, 11, 21), 800.0), (date(2026, 12, 31), 0.0)],
        min_quantity=750,
        max_quantity=1500,
        stockout=date(2026, 12, 31),
        caseload=[(date(2026, 11, 1), 610), (date(2026, 12, 1), 640)],
    )
    figure = forecast_chart(data, "RUTF – essai")
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "Ajusté pour les jours de rupture" in legend
    assert "Besoin selon les cas PCIMA" in legend
    assert save_png(figure, tmp_path / "prevision").stat().st_size > 10_000
    empty = forecast_chart(ForecastChartData(date(2026, 11, 21), [], [], []), "vide")
    assert "Aucun historique" in empty.get_axes()[0].texts[0].get_text()


def test_the_main_window_offers_forecasts_after_nutrition(qtbot, app, tmp_path):
    keys = [e.key for e in SCREENS]
    assert keys.index("forecast") == keys.index("nutrition") + 1
    entry = SCREENS[keys.index("forecast")]
    assert (entry.label, entry.shortcut, entry.cls) == ("Prévisions", "Ctrl+9", "ForecastScreen")
    assert len({e.shortcut for e in SCREENS}) == len(SCREENS)
    ui = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(keys.index("forecast"))
    screen = window.screens["forecast"]
    assert isinstance(screen, ForecastScreen) and screen.facility == FACILITY
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=WAIT)
    assert screen.model.row_of("RUTF") == 0


def test_the_demo_shows_rutf_first_at_socoura(qtbot, tmp_path):
    from core.demo import load_demo

    app = build_application(str(tmp_path / "demo.db"))
    load_demo(app.uow(), app.ctx, app.ctx.today())
    screen = shown_screen(qtbot, app, "CSCOM-SOCOURA")
    assert screen.model.outlook(0).product.code == "RUTF"
    assert screen.model.outlook(0).risk in (Risk.NOW, Risk.BEFORE_DELIVERY)
    assert screen.selected_outlook().product.code == "RUTF"
    text = plain(screen.explanation.text())
    assert text.startswith("À ce rythme")
    if screen.selected_outlook().caseload:
        assert "Selon les cas de malnutrition attendus (PCIMA)" in text
    # the risk cell has a colour as well as its symbol and words
    assert screen.model.index(0, RISK).data(Qt.ItemDataRole.BackgroundRole) is not None
