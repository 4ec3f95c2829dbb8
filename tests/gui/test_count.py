"""The physical count screen: enter counts, see differences, record them, print the sheet."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from core import services
from core.facilities import new_facility
from core.ledger import MovementKind, Reason
from core.services import ReceiptLine
from gui.count import CountScreen, dialogs
from gui.count.model import COUNTED, DIFFERENCE, CountModel, CountRow, parse_count
from main import build_application

FACILITY = "CSCOM-SEV"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def app(tmp_path: Path):
    """RUTF: 450 sachets of lot A12 and 300 of B07; MUAC tapes (no lots): 50 pieces."""
    app = build_application(str(tmp_path / "count.db"))
    services.add_facility(
        app.uow(), new_facility(FACILITY, "CSCom Sévaré", "CSCom", "Mopti", "Mopti")
    )
    today = app.ctx.today()
    services.receive_stock(
        app.uow(),
        app.ctx,
        FACILITY,
        today - timedelta(days=10),
        [
            ReceiptLine("RUTF", 450, "A12", today + timedelta(days=300)),
            ReceiptLine("RUTF", 300, "B07", today + timedelta(days=400)),
            ReceiptLine("MUAC-E", 50),
        ],
    )
    return app


@pytest.fixture
def screen(qtbot, app) -> CountScreen:
    screen = CountScreen(app)
    qtbot.addWidget(screen)
    screen.set_facility(FACILITY)
    screen.resize(1000, 600)
    screen.show()
    return screen


def row_of(screen: CountScreen, product: str, lot: str) -> int:
    row = screen.model.find(product, lot)
    assert row is not None
    return row


def type_count(qtbot, screen: CountScreen, row: int, text: str, enter: bool = True) -> QLineEdit:
    """Select the line's counted cell, type as a user does, and press Enter."""
    index = screen.proxy.mapFromSource(screen.model.index(row, COUNTED))
    screen.table.setCurrentIndex(index)
    screen.table.edit(index)
    editor = screen.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        if editor.hasAcceptableInput():
            # The view commits on the next turn of the event loop, as it does for a user.
            qtbot.waitUntil(lambda: screen.table.indexWidget(index) is None)
    return editor


def last_movement(app, product: str, lot: str):
    card = services.product_stock_card(app.uow(), FACILITY, product, lot)
    return card[-1].movement


def confirm_with(monkeypatch, seen: list[CountRow | str]) -> None:
    """Stand in for the modal confirmation: build the real dialog and press its confirm button."""

    def confirm(parent, heading, details, footer):  # type: ignore[no-untyped-def]
        dialog = dialogs.CountConfirmDialog(heading, details, footer, parent)
        seen.extend([heading, *details, footer])
        dialog.confirm_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "open_count_confirmation", confirm)


def test_the_sheet_lists_every_lot_with_its_expected_quantity(qtmodeltester, screen):
    rows = screen.model.rows()
    assert [(r.product.code, r.lot, r.expected) for r in rows] == [
        ("RUTF", "A12", 450),
        ("RUTF", "B07", 300),
        ("MUAC-E", "", 50),
    ]
    assert all(r.counted is None for r in rows)
    assert not screen.validate_button.isEnabled()
    qtmodeltester.check(screen.model)


def test_the_count_model_passes_the_model_tester_with_counts(qtmodeltester, app):
    model = CountModel()
    sheet = services.count_sheet(app.uow(), FACILITY, app.ctx.today())
    model.set_rows([CountRow.from_sheet(line) for line in sheet], app.ctx.today())
    assert model.setData(model.index(0, COUNTED), "440")
    qtmodeltester.check(model)


def test_typed_counts_show_differences_and_enter_moves_down(qtbot, screen):
    a12 = row_of(screen, "RUTF", "A12")
    type_count(qtbot, screen, a12, "440")
    qtbot.waitUntil(lambda: screen.model.row(a12).counted == 440)
    assert plain(screen.model.index(a12, DIFFERENCE).data()) == "▼ −10 sachets"
    # Enter went down to the next line's count, ready to type.
    assert screen.table.currentIndex().row() == a12 + 1
    assert screen.table.currentIndex().column() == COUNTED
    muac = row_of(screen, "MUAC-E", "")
    type_count(qtbot, screen, muac, "55")
    qtbot.waitUntil(lambda: screen.model.row(muac).counted == 55)
    assert plain(screen.model.index(muac, DIFFERENCE).data()) == "▲ +5 pièces"
    summary = plain(screen.summary.text())
    assert "2 lignes comptées sur 3" in summary
    assert "2 écart(s)" in summary and "RUTF lot A12 −10 sachets" in summary
    assert screen.validate_button.isEnabled()


def test_differences_follow_the_keys_before_the_cell_is_left(qtbot, screen):
    a12 = row_of(screen, "RUTF", "A12")
    editor = type_count(qtbot, screen, a12, "44", enter=False)
    assert screen.model.row(a12).counted == 44
    qtbot.keyClicks(editor, "0")
    assert screen.model.row(a12).counted == 440
    assert plain(screen.model.index(a12, DIFFERENCE).data()) == "▼ −10 sachets"
    assert screen.validate_button.isEnabled()
    editor.clear()  # emptied again: not counted
    assert screen.model.row(a12).counted is None
    assert not screen.validate_button.isEnabled()


def test_validating_records_counted_lines_only(qtbot, monkeypatch, screen, app):
    before_b07 = services.product_stock_card(app.uow(), FACILITY, "RUTF", "B07")
    type_count(qtbot, screen, row_of(screen, "RUTF", "A12"), "440")
    type_count(qtbot, screen, row_of(screen, "MUAC-E", ""), "50")
    qtbot.waitUntil(lambda: len(screen.model.counted_rows()) == 2)
    qtbot.keyClicks(screen.note, "Inventaire mensuel")
    seen: list = []
    confirm_with(monkeypatch, seen)
    with qtbot.waitSignal(screen.ledger_changed):
        qtbot.mouseClick(screen.validate_button, Qt.MouseButton.LeftButton)
    assert any("A12" in str(text) and "compté 440" in plain(str(text)) for text in seen)

    a12 = last_movement(app, "RUTF", "A12")
    assert (a12.kind, a12.counted, a12.quantity) == (MovementKind.COUNT, 440, -10)
    assert a12.reason is Reason.COUNT_CORRECTION and a12.note == "Inventaire mensuel"
    muac = last_movement(app, "MUAC-E", "")
    assert (muac.kind, muac.counted, muac.quantity) == (MovementKind.COUNT, 50, 0)
    # B07 was left blank: untouched.
    assert services.product_stock_card(app.uow(), FACILITY, "RUTF", "B07") == before_b07
    # The sheet now expects what was counted, and the screen says what was recorded.
    assert screen.model.row(row_of(screen, "RUTF", "A12")).expected == 440
    assert screen.model.counted_rows() == []
    assert screen.result.isVisible() and "1 ajustement(s)" in screen.result.text()


def test_cancelling_the_confirmation_records_nothing(qtbot, monkeypatch, screen, app):
    type_count(qtbot, screen, row_of(screen, "RUTF", "A12"), "400")
    qtbot.waitUntil(lambda: bool(screen.model.counted_rows()))
    monkeypatch.setattr(dialogs, "open_count_confirmation", lambda *args: False)
    qtbot.mouseClick(screen.validate_button, Qt.MouseButton.LeftButton)
    assert last_movement(app, "RUTF", "A12").kind is MovementKind.RECEIPT
    assert screen.model.row(row_of(screen, "RUTF", "A12")).counted == 400  # still there


def test_a_non_numeric_or_negative_count_is_refused_inline(qtbot, screen):
    a12 = row_of(screen, "RUTF", "A12")
    editor = type_count(qtbot, screen, a12, "abc")
    assert screen.entry_error.isVisible()
    assert "n'est pas un nombre" in screen.entry_error.text()
    assert "Ligne 1 (RUTF, lot A12)" in screen.entry_error.text()
    assert editor.text() == "abc"  # Enter did not take it
    editor.clear()
    qtbot.keyClicks(editor, "-5")
    assert "négative" in screen.entry_error.text()
    # Pasted or typed, the model refuses it too and says which line.
    assert not screen.model.setData(screen.model.index(a12, COUNTED), "-5")
    assert not screen.model.setData(screen.model.index(a12, COUNTED), "12,5")
    assert "sans virgule" in screen.entry_error.text()
    assert screen.model.row(a12).counted is None
    assert not screen.validate_button.isEnabled()


def test_parse_count_accepts_blanks_and_french_thousands():
    assert parse_count("") is None
    assert parse_count("  ") is None
    assert parse_count("1 561") == 1561
    assert parse_count("1\u202f561") == 1561
    for text in ("-1", "1.5", "1,5", "douze", "1e3"):
        with pytest.raises(ValueError):
            parse_count(text)


def test_a_future_date_is_refused(qtbot, screen, app):
    type_count(qtbot, screen, row_of(screen, "RUTF", "A12"), "440")
    qtbot.waitUntil(lambda: screen.validate_button.isEnabled())
    screen.set_count_date(app.ctx.today() + timedelta(days=1))
    assert screen.date_error.isVisible()
    assert "futur" in screen.date_error.text()
    assert not screen.validate_button.isEnabled()
    # Counts typed survive the change of date.
    assert screen.model.row(row_of(screen, "RUTF", "A12")).counted == 440
    screen.set_count_date(app.ctx.today() - timedelta(days=1))
    assert not screen.date_error.isVisible()
    assert screen.validate_button.isEnabled()


def test_a_past_count_date_uses_the_expected_quantities_of_that_day(screen, app):
    screen.set_count_date(app.ctx.today() - timedelta(days=20))  # before the delivery
    assert screen.model.rowCount() == 0
    assert "Aucun lot en stock" in screen.summary.text()


def test_a_loss_reason_cannot_explain_a_surplus(qtbot, screen):
    type_count(qtbot, screen, row_of(screen, "RUTF", "A12"), "460")
    qtbot.waitUntil(lambda: screen.validate_button.isEnabled())
    screen.reason.setCurrentIndex(screen.reason.findData(Reason.DAMAGED.value))
    assert screen.form_error.isVisible() and "Avarié" in screen.form_error.text()
    assert not screen.validate_button.isEnabled()


def test_a_loss_reason_is_recorded_with_a_shortfall(qtbot, monkeypatch, screen, app):
    type_count(qtbot, screen, row_of(screen, "RUTF", "B07"), "280")
    qtbot.waitUntil(lambda: screen.validate_button.isEnabled())
    screen.reason.setCurrentIndex(screen.reason.findData(Reason.DAMAGED.value))
    confirm_with(monkeypatch, [])
    with qtbot.waitSignal(screen.ledger_changed):
        qtbot.mouseClick(screen.validate_button, Qt.MouseButton.LeftButton)
    b07 = last_movement(app, "RUTF", "B07")
    assert (b07.quantity, b07.reason) == (-20, Reason.DAMAGED)


def test_a_lot_found_on_the_shelf_is_added_and_recorded(qtbot, monkeypatch, screen, app):
    dialog = dialogs.FoundLotDialog(screen._products, screen._existing_row, screen)
    qtbot.addWidget(dialog)
    dialog.product.setCurrentIndex(dialog.product.findData("RUTF"))
    qtbot.keyClicks(dialog.lot, "A12")
    assert "déjà sur la fiche (ligne 1)" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.lot.clear()
    qtbot.keyClicks(dialog.lot, "Z99")
    qtbot.keyClicks(dialog.expiry, "05/2028")
    assert "Péremption" not in dialog.error.text()
    assert "31/05/2028" in dialog.expiry_read.text()
    assert not dialog.ok_button.isEnabled()  # no quantity yet
    qtbot.keyClicks(dialog.counted, "150")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    screen.add_found_row(dialog.row())
    found = row_of(screen, "RUTF", "Z99")
    assert screen.model.row(found).found
    assert plain(screen.model.index(found, DIFFERENCE).data()) == "▲ +150 sachets"

    confirm_with(monkeypatch, [])
    with qtbot.waitSignal(screen.ledger_changed):
        qtbot.mouseClick(screen.validate_button, Qt.MouseButton.LeftButton)
    z99 = last_movement(app, "RUTF", "Z99")
    assert (z99.kind, z99.quantity, z99.expiry) == (MovementKind.COUNT, 150, date(2028, 5, 31))
    assert last_movement(app, "RUTF", "A12").kind is MovementKind.RECEIPT


def test_a_found_lot_needs_a_product_lot_and_expiry(qtbot, screen):
    dialog = dialogs.FoundLotDialog(screen._products, screen._existing_row, screen)
    qtbot.addWidget(dialog)
    assert "Produit" in dialog.error.text()
    dialog.product.setCurrentIndex(dialog.product.findData("RUTF"))
    assert dialog.error.text().startswith("Lot")
    qtbot.keyClicks(dialog.lot, "Z1")
    assert dialog.error.text().startswith("Péremption")
    qtbot.keyClicks(dialog.expiry, "31/13/2028")
    assert "n'est pas une date" in dialog.error.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_counts_survive_a_reload_and_a_change_of_facility(qtbot, screen, app):
    services.add_facility(
        app.uow(), new_facility("CSREF-MOP", "CSRéf Mopti", "CSRef", "Mopti", "Mopti")
    )
    type_count(qtbot, screen, row_of(screen, "RUTF", "B07"), "290")
    qtbot.waitUntil(lambda: bool(screen.model.counted_rows()))
    screen.refresh()  # e.g. another screen changed the ledger
    assert screen.model.row(row_of(screen, "RUTF", "B07")).counted == 290
    screen.set_facility("CSREF-MOP")
    assert screen.model.rowCount() == 0
    screen.set_facility(FACILITY)
    assert screen.model.row(row_of(screen, "RUTF", "B07")).counted == 290


def test_export_excel_writes_the_count_sheet(qtbot, screen, tmp_path):
    with qtbot.waitSignal(screen.status_message, timeout=10000):
        screen.export_excel(tmp_path / "inventaire")
    path = tmp_path / "inventaire.xlsx"
    sheet = load_workbook(path).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "CSCom Sévaré (CSCOM-SEV)" in values and "A12" in values and 450 in values
    assert screen.file_message.isVisible() and str(path) in screen.file_message.text()


def test_export_excel_to_an_unwritable_place_says_what_to_do(qtbot, screen, tmp_path):
    target = tmp_path / "missing-folder" / "inventaire.xlsx"
    qtbot.waitUntil(lambda: screen.excel_button.isEnabled())
    screen.export_excel(target)
    qtbot.waitUntil(lambda: screen.excel_button.isEnabled(), timeout=10000)
    assert screen.file_message.isVisible()
    assert "autre dossier" in screen.file_message.text()


def test_the_sheet_prints_to_pdf(qtbot, screen, tmp_path):
    written = screen.export_pdf(tmp_path / "inventaire.pdf")
    assert written is not None and written.read_bytes()[:5] == b"%PDF-"
    html = screen._sheet_html()
    assert html is not None
    assert "Quantité comptée" in html and "A12" in html and "Vérifié par" in html


def test_double_clicking_a_product_opens_its_stock_card(qtbot, screen):
    index = screen.proxy.mapFromSource(screen.model.index(0, 1))
    with qtbot.waitSignal(screen.navigate) as blocker:
        screen.table.doubleClicked.emit(index)
    assert blocker.args == ["card", "RUTF"]
