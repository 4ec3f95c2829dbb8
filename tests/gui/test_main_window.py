"""The minimal main window: facilities, the stock table and the status bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from core import services
from core.facilities import new_facility
from core.services import ReceiptLine
from gui.app import MainWindow
from gui.stock_model import StockTableModel
from main import build_application


def test_stock_table_shows_units_and_packs_and_passes_the_model_tester(qtmodeltester, tmp_path):
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
    model = StockTableModel()
    model.set_lines(services.facility_stock(app.uow(), "CSCOM-SEV", app.ctx.today()))
    qtmodeltester.check(model)
    row = next(r for r in range(model.rowCount()) if model.line(r).product.code == "RUTF")
    shown = model.data(model.index(row, 1), Qt.ItemDataRole.DisplayRole)
    assert shown.replace("\u202f", " ").replace("\xa0", " ") == "1 561 sachets (10,4 cartons)"


def test_main_window_lists_facilities_and_shows_the_database(qtbot, tmp_path: Path):
    app = build_application(str(tmp_path / "gui.db"))
    window = MainWindow(app)
    qtbot.addWidget(window)
    assert window.facility_box.count() == 0
    assert not window.demo_button.isHidden()
    services.add_facility(
        app.uow(), new_facility("CSCOM-SEV", "CSCom Sévaré", "CSCom", "Mopti", "Mopti")
    )
    window.reload_facilities()
    assert window.facility_box.currentData() == "CSCOM-SEV"
    assert window.model.rowCount() == len(services.list_products(app.uow()))
    assert str(tmp_path / "gui.db") in window.statusBar().currentMessage()
