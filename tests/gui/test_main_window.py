"""The main window and the stock screen, driven as a user would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt

from core import services
from core.facilities import new_facility
from core.services import ReceiptLine
from gui.main_window import MainWindow
from gui.stock.model import StockTableModel
from gui.ui_settings import UiSettings
from main import build_application


@pytest.fixture
def ui(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def app(tmp_path: Path):
    app = build_application(str(tmp_path / "gui.db"))
    services.add_facility(
        app.uow(), new_facility("CSCOM-SEV", "CSCom Sévaré", "CSCom", "Mopti", "Mopti")
    )
    services.receive_stock(
        app.uow(),
        app.ctx,
        "CSCOM-SEV",
        app.ctx.today(),
        [ReceiptLine("RUTF", 1561, "A12", date(2030, 1, 31))],
    )
    return app


def test_stock_table_shows_units_and_packs_and_passes_the_model_tester(qtmodeltester, app):
    model = StockTableModel()
    model.set_lines(services.facility_stock(app.uow(), "CSCOM-SEV", app.ctx.today()))
    qtmodeltester.check(model)
    row = next(r for r in range(model.rowCount()) if model.line(r).product.code == "RUTF")
    shown = model.data(model.index(row, 1), Qt.ItemDataRole.DisplayRole)
    assert shown.replace("\u202f", " ").replace("\xa0", " ") == "1 561 sachets (10,4 cartons)"


def test_main_window_opens_on_the_last_facility_and_shows_the_database(qtbot, app, ui, tmp_path):
    services.add_facility(
        app.uow(), new_facility("CSREF-MOP", "CSRéf Mopti", "CSRef", "Mopti", "Mopti")
    )
    ui.last_facility = "CSCOM-SEV"
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    assert window.facility == "CSCOM-SEV"
    assert str(tmp_path / "gui.db") in window.database_label.text()
    stock = window.screen("stock")
    assert stock.model.rowCount() == len(services.list_products(app.uow()))
    window.facility_box.setCurrentIndex(window.facility_box.findData("CSREF-MOP"))
    assert ui.last_facility == "CSREF-MOP"
    assert all(stock.model.line(r).soh == 0 for r in range(stock.model.rowCount()))


def test_stock_screen_search_and_programme_filter(qtbot, app, ui):
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    stock = window.screen("stock")
    qtbot.keyClicks(stock.search, "atpe")
    assert stock.proxy.rowCount() == 1
    assert "RUTF" in stock.proxy.index(0, 0).data()
    stock.search.clear()
    assert stock.proxy.rowCount() == 1  # products never received here are hidden by default
    stock.show_unstocked.setChecked(True)
    stock.programme.setCurrentIndex(stock.programme.findData("mhgap"))
    codes = {stock.proxy.index(r, 0).data().split(" ")[0] for r in range(stock.proxy.rowCount())}
    assert "FLUOX20" in codes and "RUTF" not in codes
