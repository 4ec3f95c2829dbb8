"""The stock screen, driven as a user would: sort by status, search, programme, open a card."""

from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from core import services
from core.consumption import StockStatus
from core.demo import load_demo
from core.facilities import new_facility
from core.services import Context, ReceiptLine
from gui.main_window import MainWindow
from gui.stock import StockScreen
from gui.stock.model import StockTableModel
from gui.ui_settings import UiSettings
from main import build_application

TODAY = date(2026, 11, 21)
SITE = "CSCOM-TEST"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def app(tmp_path: Path):
    """A facility with a product in each state: RUTF out of stock, AMOX250D below the
    emergency order point, ALB400 below the minimum, HALO5 not consumed, DIAZ5 overstocked."""
    built = build_application(str(tmp_path / "stock.db"))
    app = dataclasses.replace(
        built, ctx=Context("poste-test", "dtc", clock=lambda: datetime(2026, 11, 21, 12, 0))
    )
    services.add_facility(app.uow(), new_facility(SITE, "CSCom Test", "CSCom", "Mopti", "Mopti"))

    def receive(product: str, quantity: int, lot: str) -> None:
        services.receive_stock(
            app.uow(),
            app.ctx,
            SITE,
            date(2026, 8, 1),
            [ReceiptLine(product, quantity, lot, date(2028, 6, 30))],
        )

    def monthly(product: str, quantity: int) -> None:
        for month in (8, 9, 10):
            services.dispense(app.uow(), app.ctx, SITE, product, quantity, date(2026, month, 15))

    receive("RUTF", 300, "R1")
    monthly("RUTF", 100)
    receive("AMOX250D", 1000, "AX1")
    monthly("AMOX250D", 300)
    receive("ALB400", 430, "AB1")
    monthly("ALB400", 100)
    receive("HALO5", 200, "H1")
    receive("DIAZ5", 1000, "D1")
    monthly("DIAZ5", 10)
    return app


@pytest.fixture
def stock(qtbot, app) -> StockScreen:
    screen = StockScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1000, 600)
    screen.show()
    qtbot.waitExposed(screen)
    screen.set_facility(SITE)
    return screen


def codes(screen: StockScreen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(r, 0).data().split(" ")[0] for r in range(proxy.rowCount())]


def click_header(qtbot, screen: StockScreen, column: int) -> None:
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorting_by_status_puts_out_of_stock_first(qtbot, stock):
    click_header(qtbot, stock, 0)  # by product first, so the status order is not the default
    assert codes(stock) == sorted(codes(stock))
    click_header(qtbot, stock, 7)
    assert stock.table.horizontalHeader().sortIndicatorSection() == 7
    statuses = [
        stock.model.line(stock.proxy.mapToSource(stock.proxy.index(r, 0)).row()).status
        for r in range(stock.proxy.rowCount())
    ]
    assert statuses == [
        StockStatus.STOCKED_OUT,
        StockStatus.EMERGENCY,
        StockStatus.BELOW_MIN,
        StockStatus.OVERSTOCKED,
        StockStatus.NO_CONSUMPTION,
    ]
    assert codes(stock)[:3] == ["RUTF", "AMOX250D", "ALB400"]
    assert stock.proxy.index(0, 7).data() == "✖ Rupture"
    assert "Rupture : 1" in stock.summary.text()


def test_search_ignores_accents_and_case_and_says_when_nothing_matches(qtbot, stock):
    qtbot.keyClicks(stock.search, "diazepam")
    assert codes(stock) == ["DIAZ5"]
    stock.search.clear()
    qtbot.keyClicks(stock.search, "AMOX")
    assert codes(stock) == ["AMOX250D"]
    stock.search.clear()
    qtbot.keyClicks(stock.search, "quinine")
    assert codes(stock) == []
    assert stock.pages.currentWidget() is stock.empty
    assert "« quinine »" in stock.empty.text.text()
    qtbot.mouseClick(stock.empty.button, Qt.MouseButton.LeftButton)  # "Effacer la recherche"
    assert stock.search.text() == ""
    assert stock.pages.currentWidget() is stock.table
    assert len(codes(stock)) == 5


def test_programme_filter_and_never_received_products(qtbot, stock):
    stock.programme.setCurrentIndex(stock.programme.findData("mhgap"))
    assert sorted(codes(stock)) == ["DIAZ5", "HALO5"]
    qtbot.mouseClick(stock.show_unstocked, Qt.MouseButton.LeftButton)
    shown = set(codes(stock))
    assert {"DIAZ5", "HALO5", "FLUOX20", "AMITRI25"} <= shown
    assert all(
        stock.model.line(
            stock.proxy.mapToSource(stock.proxy.index(r, 0)).row()
        ).product.category.value
        == "mhgap"
        for r in range(stock.proxy.rowCount())
    )
    stock.programme.setCurrentIndex(stock.programme.findData("nutrition"))
    assert "RUTF" in codes(stock) and "DIAZ5" not in codes(stock)


def test_quantities_in_units_and_packs_and_the_status_has_a_symbol(stock):
    row = codes(stock).index("AMOX250D")
    assert plain(stock.proxy.index(row, 1).data()) == "100 comprimés (1,0 boîte)"
    assert plain(stock.proxy.index(row, 6).data()) == "800 comprimés (8,0 boîtes)"
    assert stock.proxy.index(row, 3).data() == "300"
    assert stock.proxy.index(row, 4).data() == "0,3"
    assert stock.proxy.index(row, 7).data() == "▲ Commande d'urgence"
    assert "urgence" in stock.proxy.index(row, 7).data(Qt.ItemDataRole.ToolTipRole)


def test_double_click_or_enter_opens_the_stock_card(qtbot, stock):
    row = codes(stock).index("ALB400")
    rect = stock.table.visualRect(stock.proxy.index(row, 2))
    with qtbot.waitSignal(stock.navigate) as signal:
        # a real double-click: the first press selects the row, the second opens it
        qtbot.mouseClick(stock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(stock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["card", "ALB400"]
    stock.table.setFocus()
    stock.table.setCurrentIndex(stock.proxy.index(0, 0))
    with qtbot.waitSignal(stock.navigate) as signal:
        qtbot.keyClick(stock.table, Qt.Key.Key_Return)
    assert signal.args == ["card", "RUTF"]


def test_open_item_selects_the_product_even_when_a_search_hides_it(qtbot, stock):
    qtbot.keyClicks(stock.search, "amox")
    stock.open_item("HALO5")
    assert stock.search.text() == ""
    current = stock.proxy.mapToSource(stock.table.currentIndex())
    assert stock.model.line(current.row()).product.code == "HALO5"


# --- with the demonstration data ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    old = os.environ.get("SAHELSTOCK_HOME")
    os.environ["SAHELSTOCK_HOME"] = str(home)
    try:
        app = build_application(str(tmp_path_factory.mktemp("demo") / "demo.db"))
        load_demo(app.uow(), app.ctx, app.ctx.today())
        yield app
    finally:
        if old is None:
            os.environ.pop("SAHELSTOCK_HOME", None)
        else:
            os.environ["SAHELSTOCK_HOME"] = old


def test_demo_stock_fits_a_1200_pixel_window_and_passes_the_model_tester(
    qtbot, qtmodeltester, demo_app, tmp_path
):
    ui = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ui.last_facility = "CSREF-TOMBOUCTOU"
    window = MainWindow(demo_app, ui)
    qtbot.addWidget(window)
    window.resize(1200, 720)
    window.show()
    qtbot.waitExposed(window)
    stock = window.show_screen("stock")
    QApplication.processEvents()
    assert stock.proxy.rowCount() >= 7
    assert stock.table.horizontalScrollBar().maximum() == 0  # every column visible
    header = stock.table.horizontalHeader()
    assert header.sectionSize(0) >= 150  # the product name keeps room
    metrics = stock.table.fontMetrics()
    for row in range(stock.proxy.rowCount()):
        status = stock.proxy.index(row, 7).data()
        assert metrics.horizontalAdvance(status) <= header.sectionSize(7)
    model = StockTableModel()
    model.set_lines(
        services.facility_stock(demo_app.uow(), "CSREF-TOMBOUCTOU", demo_app.ctx.today())
    )
    qtmodeltester.check(model)


def test_a_facility_without_stock_says_what_to_do_and_can_show_the_catalogue(qtbot, app):
    services.add_facility(app.uow(), new_facility("CSCOM-VIDE", "Vide", "CSCom", "Mopti", "Mopti"))
    screen = StockScreen(app)
    qtbot.addWidget(screen)
    screen.set_facility("CSCOM-VIDE")
    assert screen.pages.currentWidget() is screen.empty
    assert screen.empty.title.text() == "Aucun stock enregistré"
    screen.show_unstocked.setChecked(True)
    assert screen.pages.currentWidget() is screen.table
    assert screen.proxy.rowCount() == len(services.list_products(app.uow()))
    screen.set_facility(None)
    assert screen.empty.title.text() == "Aucun établissement pour l'instant"
    with qtbot.waitSignal(screen.navigate) as signal:
        qtbot.mouseClick(screen.empty.button, Qt.MouseButton.LeftButton)
    assert signal.args == ["settings", None]
