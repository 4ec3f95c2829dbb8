"""The movements screen: paging and filters in SQL, reversal of a wrong entry, entry forms."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt

from core import services
from core.demo import load_demo
from core.facilities import new_facility
from core.ledger import MovementKind, Reason
from core.services import CountLine, ReceiptLine
from gui.forms import IssueForm, ReversalDialog
from gui.main_window import MainWindow
from gui.movements import MovementsScreen
from gui.movements.model import (
    COL_KIND,
    COL_QUANTITY,
    COL_REASON,
    COL_STATE,
    MovementRow,
    MovementsTableModel,
)
from gui.ui_settings import UiSettings
from main import build_application

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

FAC = "CSCOM-SEV"
OTHER = "CSREF-MOP"


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def app(tmp_path: Path):
    app = build_application(str(tmp_path / "movements.db"))
    services.add_facility(app.uow(), new_facility(OTHER, "CSRéf Mopti", "CSRef", "Mopti", "Mopti"))
    services.add_facility(
        app.uow(), new_facility(FAC, "CSCom Sévaré", "CSCom", "Mopti", "Mopti", OTHER)
    )
    return app


@pytest.fixture
def window(qtbot, app, tmp_path: Path) -> MainWindow:
    ui = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ui.last_facility = FAC
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    window.show()
    return window


def receive(app, lines: list[ReceiptLine], on: date | None = None, reference: str = "") -> None:
    services.receive_stock(
        app.uow(), app.ctx, FAC, on or app.ctx.today(), lines, supplier=OTHER, reference=reference
    )


def rutf(app):  # type: ignore[no-untyped-def]
    return next(p for p in services.list_products(app.uow()) if p.code == "RUTF")


def click_row(qtbot, screen: MovementsScreen, row: int) -> None:
    rect = screen.table.visualRect(screen.model.index(row, 2))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def row_of_uuid(screen: MovementsScreen, uuid: str) -> int:
    row = screen.model.row_of(uuid)
    assert row is not None
    return row


def test_reversal_from_the_movements_screen(qtbot, app, window):
    today = app.ctx.today()
    receive(app, [ReceiptLine("RUTF", 300, "R1", today + timedelta(days=200))], reference="BL-1")
    receive(app, [ReceiptLine("RUTF", 300, "R1", today + timedelta(days=200))], reference="BL-1")
    screen = window.screen("movements")
    window.show_screen("movements")
    assert screen.model.rowCount() == 2
    wrong = screen.model.row(0).movement
    assert not screen.reverse_button.isEnabled()

    click_row(qtbot, screen, 0)
    assert screen.reverse_button.isEnabled()
    qtbot.mouseClick(screen.reverse_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, ReversalDialog) and dialog.isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Bon saisi deux fois")
    with qtbot.waitSignal(screen.ledger_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    page = services.movement_page(app.uow(), FAC)
    reversal = next(m for m in page.movements if m.reverses is not None)
    assert reversal.reverses == wrong.uuid
    assert (reversal.quantity, reversal.reason, reversal.note) == (
        -300,
        Reason.REVERSAL,
        "Bon saisi deux fois",
    )
    assert wrong.uuid in page.reversed
    assert (
        sum(line.movement.quantity for line in services.product_stock_card(app.uow(), FAC, "RUTF"))
        == 300
    )
    # The screen reloaded: the original is marked, the reversal points at it.
    assert screen.model.rowCount() == 3
    original_row = row_of_uuid(screen, wrong.uuid)
    reversal_row = row_of_uuid(screen, reversal.uuid)
    assert screen.model.index(original_row, COL_KIND).data() == "✖ Réception annulée"
    assert screen.model.index(reversal_row, COL_KIND).data() == "↩ Réception (annulation)"
    assert screen.model.index(reversal_row, COL_STATE).data() == (
        f"↩ annule la saisie du {today:%d/%m/%Y}"
    )
    assert "Bon saisi deux fois" in screen.model.index(reversal_row, COL_REASON).data()
    assert screen.selected_uuid() == wrong.uuid and not screen.reverse_button.isEnabled()
    click_row(qtbot, screen, reversal_row)
    assert not screen.reverse_button.isEnabled()  # a reversal is not reversed
    assert window.statusBar().currentMessage().startswith("Saisie annulée : Réception de 300")


def test_a_reversal_without_reason_is_refused(qtbot, app):
    receive(app, [ReceiptLine("RUTF", 50, "R2", app.ctx.today() + timedelta(days=90))])
    movement = services.movement_page(app.uow(), FAC).movements[0]
    product = rutf(app)
    dialog = ReversalDialog(app, movement, product)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    assert "Motif de l'annulation" in dialog.message.text()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert services.movement_page(app.uow(), FAC).total == 1


def test_the_service_refusal_of_a_reversal_shows_inline(qtbot, app):
    today = app.ctx.today()
    receive(app, [ReceiptLine("RUTF", 100, "R3", today + timedelta(days=90))])
    services.dispense(app.uow(), app.ctx, FAC, "RUTF", 80, today)
    receipt = next(
        m
        for m in services.movement_page(app.uow(), FAC).movements
        if m.kind is MovementKind.RECEIPT
    )
    dialog = ReversalDialog(app, receipt, rutf(app))
    dialog.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.reason, "Erreur de lot")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "ne peut pas être annulée" in dialog.message.text()
    assert "20 encore disponible" in dialog.message.text()
    assert not dialog.save_button.isEnabled()  # until the user changes something
    assert services.movement_page(app.uow(), FAC).total == 2


def test_paging_shows_the_right_counts(qtbot, app, window):
    today = app.ctx.today()
    receive(
        app,
        [ReceiptLine("RUTF", 10 + n, f"L{n:02d}", today + timedelta(days=90)) for n in range(30)],
    )
    receive(
        app, [ReceiptLine("F75", 5, f"F{n:02d}", today + timedelta(days=90)) for n in range(15)]
    )
    screen = window.screen("movements")
    screen.page_size = 20
    screen.refresh()
    assert plain(screen.page_label.text()) == "1–20 sur 45"
    assert not screen.previous_button.isEnabled() and screen.next_button.isEnabled()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert plain(screen.page_label.text()) == "21–40 sur 45"
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert plain(screen.page_label.text()) == "41–45 sur 45"
    assert screen.model.rowCount() == 5 and not screen.next_button.isEnabled()
    qtbot.mouseClick(screen.previous_button, Qt.MouseButton.LeftButton)
    assert plain(screen.page_label.text()) == "21–40 sur 45"

    screen.open_item("F75")  # another screen asks for F75: filtered, back to the first page
    assert plain(screen.page_label.text()) == "1–15 sur 15"
    assert {screen.model.row(r).movement.product_code for r in range(15)} == {"F75"}
    screen.kind_filter.setCurrentIndex(screen.kind_filter.findData(MovementKind.ISSUE.value))
    assert screen.page_label.text() == "Aucun mouvement"
    assert not screen.empty_label.isHidden() and "filtres" in screen.empty_label.text()
    assert screen.table.isHidden()


def test_entry_forms_open_from_the_screen_and_it_reloads(qtbot, app, window):
    receive(app, [ReceiptLine("RUTF", 100, "R4", app.ctx.today() + timedelta(days=90))])
    screen = window.screen("movements")
    window.show_screen("movements")
    qtbot.mouseClick(screen.form_buttons["issue"], Qt.MouseButton.LeftButton)
    form = screen.dialog
    assert isinstance(form, IssueForm) and form.isVisible()
    qtbot.keyClicks(form.product.lineEdit(), "RUTF")
    form.product.completer().popup().hide()
    qtbot.keyClicks(form.quantity.spin, "15")
    with qtbot.waitSignal(screen.ledger_changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    top = screen.model.row(0)
    assert (top.movement.kind, top.movement.quantity) == (MovementKind.ISSUE, -15)
    assert plain(screen.model.index(0, COL_QUANTITY).data()) == "−15 sachets"


def test_movements_model_passes_the_model_tester(qtmodeltester, app):
    today = app.ctx.today()
    receive(app, [ReceiptLine("RUTF", 160, "R5", today + timedelta(days=90))])
    receive(app, [ReceiptLine("MUAC-E", 50)])
    services.record_count(app.uow(), app.ctx, FAC, today, [CountLine("RUTF", 150, "R5")])
    muac = next(
        m for m in services.movement_page(app.uow(), FAC).movements if m.product_code == "MUAC-E"
    )
    services.reverse_movement(app.uow(), app.ctx, muac.uuid, "essai")
    page = services.movement_page(app.uow(), FAC)
    products = {p.code: p for p in services.list_products(app.uow())}
    model = MovementsTableModel()
    model.set_rows(
        [MovementRow(m, products[m.product_code], m.uuid in page.reversed) for m in page.movements]
    )
    qtmodeltester.check(model)
    texts = [model.index(r, COL_REASON).data() for r in range(model.rowCount())]
    assert "Correction d'inventaire · compté : 150" in texts


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        home = tmp_path_factory.mktemp("demo-home")
        patch.setenv("SAHELSTOCK_HOME", str(home))
        app = build_application(str(home / "demo.db"))
        load_demo(app.uow(), app.ctx, app.ctx.today())
        yield app


def test_demo_pages_count_every_movement_of_the_stock_cards(qtbot, demo):
    """The page counts agree with the stock cards, read product by product."""
    facility = "CSCOM-SEVARE"
    kinds: dict[MovementKind, int] = {}
    for product in services.list_products(demo.uow()):
        for line in services.product_stock_card(demo.uow(), facility, product.code):
            kinds[line.movement.kind] = kinds.get(line.movement.kind, 0) + 1
    total = sum(kinds.values())
    screen = MovementsScreen(demo)
    qtbot.addWidget(screen)
    screen.set_facility(facility)
    assert plain(screen.page_label.text()) == f"1–200 sur {total:,}".replace(",", " ")
    newest = screen.model.row(0).movement.occurred_on
    assert all(screen.model.row(r).movement.occurred_on <= newest for r in range(200))
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert plain(screen.page_label.text()) == f"201–400 sur {total:,}".replace(",", " ")
    screen.kind_filter.setCurrentIndex(screen.kind_filter.findData("transfer_in"))
    expected = kinds[MovementKind.TRANSFER_IN]
    assert plain(screen.page_label.text()) == f"1–{min(200, expected)} sur {expected}"
