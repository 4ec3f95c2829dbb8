"""The settings screen: stock policy by scope, facility details, new facilities, language."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from core import services
from core.facilities import new_facility
from core.services import ReceiptLine
from core.settings import product_scope
from core.stock import add_months, complete_months
from gui.main_window import MainWindow
from gui.settings import SettingsScreen
from gui.settings.policy_model import KEYS, PolicyModel, policy_scopes
from gui.settings.screen import AddFacilityDialog
from gui.ui_settings import UiSettings
from main import build_application


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def ui(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def app(tmp_path: Path):
    """A CSCom that received 1 000 sachets of RUTF and dispensed 300 in each of the last
    three complete months: AMC 300, 100 sachets left."""
    app = build_application(str(tmp_path / "settings.db"))
    uow = app.uow
    services.add_facility(
        uow(), new_facility("CSREF-MOP", "CSRéf Mopti", "CSRef", "Mopti", "Mopti")
    )
    services.add_facility(
        uow(), new_facility("CSCOM-SEV", "CSCom Sévaré", "CSCom", "Mopti", "Mopti", "CSREF-MOP")
    )
    months = complete_months(app.ctx.today(), 3)
    services.receive_stock(
        uow(),
        app.ctx,
        "CSCOM-SEV",
        add_months(months[0], -1),
        [ReceiptLine("RUTF", 1000, "A12", date(2035, 1, 31))],
    )
    for month in months:
        services.dispense(uow(), app.ctx, "CSCOM-SEV", "RUTF", 300, month + timedelta(days=9))
    return app


@pytest.fixture
def window(qtbot, app, ui):
    ui.last_facility = "CSCOM-SEV"
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def settings_of(window: MainWindow) -> SettingsScreen:
    screen = window.show_screen("settings") if "settings" in window.screens else None
    if screen is None:
        window.screen("settings")
        screen = window.show_screen("settings")
    assert isinstance(screen, SettingsScreen)
    return screen


def open_cell(qtbot, screen: SettingsScreen, scope: str, key: str) -> QLineEdit:
    """Select a policy cell and start typing in it, as a double-click does."""
    model = screen.policy_model
    index = model.index(model.row_of(scope), 1 + KEYS.index(key))
    screen.policy_table.setCurrentIndex(index)
    screen.policy_table.edit(index)
    editor = screen.policy_table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    return editor


def type_in_cell(qtbot, screen: SettingsScreen, scope: str, key: str, text: str) -> QLineEdit:
    editor = open_cell(qtbot, screen, scope, key)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    # The view commits a cell after the key press is handled, then closes the editor.
    with qtbot.waitSignal(screen.policy_delegate.closeEditor):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def rutf_order(window: MainWindow) -> str:
    stock = window.screen("stock")
    row = next(
        r for r in range(stock.model.rowCount()) if stock.model.line(r).product.code == "RUTF"
    )
    return plain(stock.model.index(row, 6).data())


def test_rutf_max_months_edit_changes_the_policy_and_the_order_quantity(qtbot, window, app):
    # AMC 300, 100 left: max 3 months → 900 − 100 = 800, rounded up to 6 cartons of 150.
    assert rutf_order(window) == "900 sachets (6,0 cartons)"
    screen = settings_of(window)
    with qtbot.waitSignal(screen.ledger_changed):
        type_in_cell(qtbot, screen, product_scope("RUTF"), "max_months", "4")
    assert services.effective_policy(app.uow(), "RUTF", "CSCOM-SEV").max_months == 4
    # 1 200 − 100 = 1 100, rounded up to 8 cartons.
    assert rutf_order(window) == "1 200 sachets (8,0 cartons)"
    model = screen.policy_model
    index = model.index(model.row_of(product_scope("RUTF")), 1)
    assert index.data() == "4" and index.data(Qt.ItemDataRole.FontRole).bold()
    other = model.index(model.row_of(product_scope("RUSF")), 1)
    assert other.data() == "3" and not other.data(Qt.ItemDataRole.FontRole).bold()
    assert "RUTF" in screen.policy_message.text() and "4" in screen.policy_message.text()


def test_decimal_comma_is_accepted_and_clearing_inherits_again(qtbot, window, app):
    screen = settings_of(window)
    type_in_cell(qtbot, screen, "category:nutrition", "min_months", "1,5")
    type_in_cell(qtbot, screen, "category:nutrition", "max_months", "2,5")
    policy = services.effective_policy(app.uow(), "RUTF")
    assert (policy.min_months, policy.max_months) == (Decimal("1.5"), Decimal("2.5"))
    model = screen.policy_model
    rutf = model.row_of(product_scope("RUTF"))
    assert model.index(rutf, 1).data() == "2,5"  # inherited from Nutrition, shown the French way
    assert model.index(rutf, 1).data(Qt.ItemDataRole.ForegroundRole) is not None

    index = model.index(model.row_of("category:nutrition"), 1)
    screen.policy_table.setCurrentIndex(index)
    assert screen.clear_button.isEnabled()
    with qtbot.waitSignal(screen.ledger_changed):
        qtbot.mouseClick(screen.clear_button, Qt.MouseButton.LeftButton)
    assert services.effective_policy(app.uow(), "RUTF").max_months == 3
    assert ("category:nutrition", "max_months") not in services.policy_settings(app.uow())


def test_letters_are_refused_as_typed_naming_the_field(qtbot, window, app):
    screen = settings_of(window)
    changed: list[bool] = []
    screen.ledger_changed.connect(lambda: changed.append(True))
    editor = open_cell(qtbot, screen, product_scope("RUTF"), "max_months")
    qtbot.keyClicks(editor, "abc")
    assert "Stock maximum (mois)" in screen.policy_message.text()
    assert "« abc » n'est pas un nombre" in screen.policy_message.text()
    closed: list[bool] = []
    screen.policy_delegate.closeEditor.connect(lambda *_: closed.append(True))
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # refused: the cell stays open on the text
    QApplication.processEvents()
    assert not closed
    assert QApplication.focusWidget() is editor and editor.text() == "abc"
    with qtbot.waitSignal(screen.policy_delegate.closeEditor):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not changed
    assert services.policy_settings(app.uow()) == {}
    assert services.effective_policy(app.uow(), "RUTF").max_months == 3


def test_minimum_above_maximum_is_refused_inline(qtbot, window, app):
    screen = settings_of(window)
    changed: list[bool] = []
    screen.ledger_changed.connect(lambda: changed.append(True))
    type_in_cell(qtbot, screen, product_scope("RUTF"), "min_months", "5")
    assert "Non enregistré" in screen.policy_message.text()
    assert "dépasse le maximum" in screen.policy_message.text()
    assert services.policy_settings(app.uow()) == {}
    assert not changed


def test_facility_details_are_checked_as_typed_and_saved(qtbot, window, app):
    screen = settings_of(window)
    screen.tabs.setCurrentIndex(1)
    form = screen.facility_form
    assert form.code_edit.isReadOnly() and form.code_edit.text() == "CSCOM-SEV"
    assert form.supplier_box.currentData() == "CSREF-MOP"
    assert not screen.save_facility_button.isEnabled()

    form.name_edit.selectAll()
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Delete)
    assert "nom de l'établissement est obligatoire" in form.message.text()
    assert not screen.save_facility_button.isEnabled()

    qtbot.keyClicks(form.name_edit, "CSCom de Sevare (ASACO)")
    form.district_edit.selectAll()
    qtbot.keyClicks(form.district_edit, "Mopti-Sud")
    form.supplier_box.setCurrentIndex(0)
    form.supplier_box.activated.emit(0)
    assert screen.save_facility_button.isEnabled()
    with qtbot.waitSignal(screen.ledger_changed):
        qtbot.mouseClick(screen.save_facility_button, Qt.MouseButton.LeftButton)
    stored = next(f for f in services.list_facilities(app.uow()) if f.code == "CSCOM-SEV")
    assert (stored.name, stored.district, stored.supplier_code) == (
        "CSCom de Sevare (ASACO)",
        "Mopti-Sud",
        None,
    )
    assert "enregistré" in screen.facility_feedback.text()
    assert not screen.save_facility_button.isEnabled()
    assert window.facility_box.currentText() == "CSCom de Sevare (ASACO) (CSCOM-SEV)"


def test_adding_a_facility_checks_the_code_and_tells_the_window(qtbot, app, window):
    screen = settings_of(window)
    screen.tabs.setCurrentIndex(1)
    dialog = AddFacilityDialog(app, screen)
    form = dialog.form
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(form.name_edit, "CSCom de Konna")
    qtbot.keyClicks(form.district_edit, "Mopti")
    assert form.code_edit.text() == "CSCOM-DE-KONNA"  # suggested from the name
    form.code_edit.selectAll()
    qtbot.keyClicks(form.code_edit, "cscom-sev")
    assert "existe déjà" in form.message.text()
    assert not dialog.create_button.isEnabled()
    form.code_edit.selectAll()
    qtbot.keyClicks(form.code_edit, "CSCOM-KON")
    form.supplier_box.setCurrentIndex(form.supplier_box.findData("CSREF-MOP"))
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == AddFacilityDialog.DialogCode.Accepted
    assert dialog.created is not None and dialog.created.code == "CSCOM-KON"
    stored = {f.code: f for f in services.list_facilities(app.uow())}
    assert stored["CSCOM-KON"].supplier_code == "CSREF-MOP"

    with qtbot.waitSignal(screen.ledger_changed):
        screen.facility_added(dialog.created)
    assert window.facility_box.findData("CSCOM-KON") >= 0  # the selector offers it now
    assert window.facility == "CSCOM-SEV"


def test_language_is_stored_and_the_restart_is_announced(qtbot, app, ui):
    ui.language = "fr"
    screen = SettingsScreen(app, ui=ui)
    qtbot.addWidget(screen)
    screen.set_facility("CSCOM-SEV")
    screen.tabs.setCurrentIndex(2)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.language_buttons["fr"].isChecked()
    english = screen.language_buttons["en"]
    # A radio button answers on its circle and label, not across the whole row.
    qtbot.mouseClick(english, Qt.MouseButton.LeftButton, pos=QPoint(8, english.height() // 2))
    assert english.isChecked()
    assert ui.language == "en"
    assert "Redémarrez SahelStock" in screen.language_message.text()


def test_policy_model_passes_the_model_tester(qtmodeltester, app):
    model = PolicyModel(lambda scope, key, value: False)
    settings = {("", "max_months"): "4", (product_scope("RUTF"), "min_months"): "2"}
    model.set_scopes(policy_scopes(services.list_products(app.uow())), settings)
    qtmodeltester.check(model)
    rutf = model.row_of(product_scope("RUTF"))
    assert model.index(rutf, 1).data() == "4" and model.index(rutf, 2).data() == "2"
    assert model.effective(rutf, "max_months")[1] == ""  # inherited from « Tous les produits »
