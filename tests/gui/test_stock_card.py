"""The stock card screen and the stock chart, on a hand-built ledger."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt

from core import services
from core.facilities import new_facility
from core.ledger import MovementKind, Reason
from core.services import ReceiptLine
from gui.charts import Series, save_png, stock_chart
from gui.main_window import MainWindow
from gui.stock_card import StockCardScreen
from gui.stock_card.model import (
    BALANCE,
    ENTRY,
    EXIT,
    KIND,
    LOT,
    LOT_BALANCE,
    StockCardModel,
)
from gui.ui_settings import UiSettings
from main import build_application

FACILITY = "CSCOM-SEV"


def plain(text: str) -> str:
    """French digit grouping uses narrow no-break spaces: compare with plain ones."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def app(tmp_path: Path):
    """Receive 450 sachets lot A12 and 300 lot B07; dispense 600 (FEFO: all of A12 then 150 of
    B07); lose 10 of B07 (damaged); count B07: 135 on the shelf."""
    app = build_application(str(tmp_path / "card.db"))
    services.add_facility(
        app.uow(), new_facility(FACILITY, "CSCom Sévaré", "CSCom", "Mopti", "Mopti")
    )
    today = app.ctx.today()
    ctx, uow = app.ctx, app.uow
    services.receive_stock(
        uow(),
        ctx,
        FACILITY,
        today - timedelta(days=70),
        [
            ReceiptLine("RUTF", 450, "A12", today + timedelta(days=300)),
            ReceiptLine("RUTF", 300, "B07", today + timedelta(days=400)),
        ],
        supplier="UNICEF",
        reference="BL-001",
    )
    services.dispense(uow(), ctx, FACILITY, "RUTF", 600, today - timedelta(days=40))
    services.record_loss(
        uow(), ctx, FACILITY, "RUTF", 10, Reason.DAMAGED, today - timedelta(days=20), lot="B07"
    )
    services.record_count(
        uow(), ctx, FACILITY, today - timedelta(days=5), [services.CountLine("RUTF", 135, "B07")]
    )
    return app


@pytest.fixture
def screen(qtbot, app) -> StockCardScreen:
    screen = StockCardScreen(app)
    qtbot.addWidget(screen)
    screen.set_facility(FACILITY)
    screen.open_item("RUTF")
    return screen


def column(model: StockCardModel, index: int) -> list[str]:
    return [plain(model.index(r, index).data() or "") for r in range(model.rowCount())]


def test_the_card_shows_running_balances_per_lot_and_in_total(screen):
    model = screen.model
    kinds = [model.line(r).movement.kind for r in range(model.rowCount())]
    assert kinds == [
        MovementKind.RECEIPT,
        MovementKind.RECEIPT,
        MovementKind.ISSUE,
        MovementKind.ISSUE,
        MovementKind.LOSS,
        MovementKind.COUNT,
    ]
    assert column(model, LOT) == ["A12", "B07", "A12", "B07", "B07", "B07"]
    assert column(model, ENTRY) == ["450", "300", "", "", "", ""]
    assert column(model, EXIT) == ["", "", "450", "150", "10", "5"]
    assert column(model, LOT_BALANCE) == ["450", "300", "0", "150", "140", "135"]
    assert column(model, BALANCE) == ["450", "750", "300", "150", "140", "135"]
    assert column(model, KIND)[0] == "Réception"
    details = column(model, 8)
    assert "de UNICEF" in details[0] and "réf. BL-001" in details[0]
    assert "Avarié" in details[4]
    assert "Compté : 135" in details[5]
    assert "Stock au" in screen.summary.text() and "135 sachets" in plain(screen.summary.text())


def test_filtering_on_one_lot_shows_its_movements_and_hides_the_product_total(screen):
    index = screen.lot_box.findData("A12")
    assert index > 0
    screen.lot_box.setCurrentIndex(index)
    assert column(screen.model, LOT) == ["A12", "A12"]
    assert column(screen.model, LOT_BALANCE) == ["450", "0"]
    assert screen.table.isColumnHidden(BALANCE)
    screen.lot_box.setCurrentIndex(0)  # "Tous les lots"
    assert screen.model.rowCount() == 6
    assert not screen.table.isColumnHidden(BALANCE)


def test_a_reversal_is_marked_on_both_lines(screen, app):
    card = services.product_stock_card(app.uow(), FACILITY, "RUTF")
    loss = next(line.movement for line in card if line.movement.kind is MovementKind.LOSS)
    services.reverse_movement(app.uow(), app.ctx, loss.uuid, "Erreur de saisie")
    screen.refresh()
    kinds = column(screen.model, KIND)
    assert kinds[4] == "Perte (annulée)"
    assert kinds[-1] == "↺ Annulation : Perte"


def test_open_item_selects_the_product_and_an_unused_product_says_so(screen):
    screen.open_item("AMOX250D")
    assert screen.product_code == "AMOX250D"
    assert screen.pages.currentWidget() is screen.empty
    assert "Aucun mouvement" in screen.empty.text()
    assert not screen.export_button.isEnabled()
    screen.open_item("RUTF")
    assert screen.pages.currentWidget() is screen.table
    assert screen.model.rowCount() == 6


def test_part_of_a_name_finds_the_product(screen):
    completer = screen.product_box.completer()
    completer.setCompletionPrefix("amoxicilline")  # what the popup does as the user types
    assert completer.completionCount() >= 1
    assert "AMOX250D" in completer.currentCompletion()


def test_the_screen_chart_has_stock_min_and_max_lines(screen, app):
    stock = services.facility_stock(app.uow(), FACILITY, app.ctx.today(), product_codes=["RUTF"])[0]
    assert stock.min_quantity > 0  # 600 dispensed in a complete month: there is an AMC
    axes = screen.figure.axes[0]
    labels = {line.get_label(): line for line in axes.get_lines()}
    assert "Stock (tous lots)" in labels
    flat = {line.get_ydata()[0] for line in axes.get_lines() if len(set(line.get_ydata())) == 1}
    assert {stock.min_quantity, stock.max_quantity} <= flat


def test_export_png_writes_the_chart(screen, tmp_path, qtbot):
    with qtbot.waitSignal(screen.status_message):
        written = screen.export_png(tmp_path / "fiche")
    assert written == tmp_path / "fiche.png"
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_stock_card_model_passes_the_model_tester(qtmodeltester, app):
    model = StockCardModel()
    product = next(p for p in services.list_products(app.uow()) if p.code == "RUTF")
    model.set_lines(services.product_stock_card(app.uow(), FACILITY, "RUTF"), product, frozenset())
    qtmodeltester.check(model)


def test_the_card_opens_from_another_screen(qtbot, app, tmp_path):
    ui = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    count = window.screen("count")
    count.navigate.emit("card", "RUTF")
    card = window.screen("card")
    assert window.stack.currentWidget() is card
    assert card.product_code == "RUTF" and card.model.rowCount() == 6


# --- the chart function ---------------------------------------------------------------------


def test_stock_chart_draws_the_stock_step_line_min_max_and_stockouts(tmp_path):
    start = date(2026, 1, 1)
    dates = [start + timedelta(days=d) for d in (0, 30, 60, 75, 90)]
    balances = [900, 400, 0, 600, 300]
    figure = stock_chart(dates, balances, 300, 900, "RUTF – CSCom Sévaré", until=date(2026, 5, 1))
    axes = figure.axes[0]
    lines = {line.get_label(): line for line in axes.get_lines()}
    assert set(lines) == {"Stock", "Stock minimum (300)", "Stock maximum (900)"}
    stock = lines["Stock"]
    assert stock.get_drawstyle() == "steps-post"
    assert list(stock.get_ydata()) == [*balances, 300]  # drawn on to `until`
    assert set(lines["Stock minimum (300)"].get_ydata()) == {300}
    assert set(lines["Stock maximum (900)"].get_ydata()) == {900}
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "Rupture de stock" in legend
    assert axes.get_title(loc="left") == "RUTF – CSCom Sévaré"
    written = save_png(figure, tmp_path / "chart.png")
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_stock_chart_without_min_max_or_movements():
    figure = stock_chart([date(2026, 1, 1)], [50], None, None, "X", lot=Series("Lot A", [], []))
    labels = [line.get_label() for line in figure.axes[0].get_lines()]
    assert labels == ["Stock"]
    empty = stock_chart([], [], None, None, "Vide")
    texts = [t.get_text() for t in empty.axes[0].texts]
    assert texts == ["Aucun mouvement pour ce produit"]


def test_the_date_axis_uses_french_month_names():
    start = date(2025, 1, 1)
    figure = stock_chart(
        [start, date(2025, 12, 1)], [10, 20], None, None, "X", until=date(2026, 1, 1)
    )
    figure.canvas.draw()
    ticks = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert "janv. 2025" in ticks
    assert any(t.startswith(("avr.", "juil.", "oct.")) for t in ticks)


def test_a_stockout_reads_without_colour_on_the_card_and_the_chart(screen, app):
    services.dispense(app.uow(), app.ctx, FACILITY, "RUTF", 135, app.ctx.today())
    screen.refresh()
    model = screen.model
    last = model.rowCount() - 1
    assert model.line(last).balance == 0
    assert plain(model.index(last, BALANCE).data()) == "✖ 0 (rupture)"
    assert model.index(last, BALANCE).data(Qt.ItemDataRole.BackgroundRole) is not None
    legend = [t.get_text() for t in screen.figure.legends[0].get_texts()]
    assert "Rupture de stock" in legend
