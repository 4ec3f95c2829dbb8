"""Entry forms driven as a user would: receipt, dispensing, transfer, loss and adjustment."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLineEdit, QSpinBox, QTableView

from core import services
from core.facilities import new_facility
from core.ledger import KIND_LABELS_FR, REASON_LABELS_FR, MovementKind, Reason
from core.services import ReceiptLine
from gui.forms import (
    EntryForm,
    IssueForm,
    LossForm,
    ReceiptForm,
    TransferForm,
    make_entry_form,
    open_entry_form,
)
from gui.forms.lots import LotTableModel
from gui.forms.receipt import (
    COL_EXPIRY,
    COL_LOT,
    COL_PRODUCT,
    COL_QUANTITY,
    COL_UNIT,
    ReceiptLinesModel,
)
from gui.labels import KIND_TEXTS, REASON_TEXTS
from gui.main_window import MainWindow
from gui.ui_settings import UiSettings
from main import build_application

# Typing in a product box opens its completion list, a popup the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

FAC = "CSCOM-SEV"
OTHER = "CSREF-MOP"


def plain(text: str) -> str:
    """Locale spaces (narrow no-break) as plain spaces, to compare with what we expect."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def shown(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@pytest.fixture
def app(tmp_path: Path):
    app = build_application(str(tmp_path / "forms.db"))
    services.add_facility(app.uow(), new_facility(OTHER, "CSRéf Mopti", "CSRef", "Mopti", "Mopti"))
    services.add_facility(
        app.uow(), new_facility(FAC, "CSCom Sévaré", "CSCom", "Mopti", "Mopti", OTHER)
    )
    return app


@pytest.fixture
def today(app) -> date:
    return app.ctx.today()


@pytest.fixture
def stocked(app, today):
    """RUTF at FAC: lot SOON (100, expires in 60 days), LATE (200, in 400 days) and OLD
    (50, received 100 days ago, expired 10 days ago)."""
    services.receive_stock(
        app.uow(),
        app.ctx,
        FAC,
        today - timedelta(days=100),
        [ReceiptLine("RUTF", 50, "OLD", today - timedelta(days=10))],
        supplier="UNICEF",
    )
    services.receive_stock(
        app.uow(),
        app.ctx,
        FAC,
        today,
        [
            ReceiptLine("RUTF", 100, "SOON", today + timedelta(days=60)),
            ReceiptLine("RUTF", 200, "LATE", today + timedelta(days=400)),
        ],
        supplier="UNICEF",
    )
    return app


def card(app, product: str, facility: str = FAC):
    return [line.movement for line in services.product_stock_card(app.uow(), facility, product)]


def show(qtbot, form: EntryForm) -> EntryForm:
    """Show a form; closing it at the end of the test discards what was typed without asking."""
    form.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(form)
    form.show()
    return form


def type_product(qtbot, combo: QComboBox, code: str) -> None:
    qtbot.keyClicks(combo.lineEdit(), code)
    combo.completer().popup().hide()


def type_quantity(qtbot, spin: QSpinBox, value: int) -> None:
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def edit_cell(qtbot, view: QTableView, row: int, column: int, fill) -> None:  # type: ignore[no-untyped-def]
    """Go to a cell, fill its editor as a user would, and leave it with Tab (which commits)."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    if view.indexWidget(index) is None:
        view.edit(index)
    editor = view.indexWidget(index)
    assert editor is not None, f"no editor on line {row + 1}, column {column}"
    fill(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def pick_product(qtbot, code: str):  # type: ignore[no-untyped-def]
    def fill(editor: QComboBox) -> None:
        editor.lineEdit().selectAll()
        qtbot.keyClicks(editor.lineEdit(), code)
        editor.completer().popup().hide()

    return fill


def type_text(qtbot, text: str):  # type: ignore[no-untyped-def]
    def fill(editor: QLineEdit | QSpinBox) -> None:
        editor.selectAll()
        qtbot.keyClicks(editor, text)

    return fill


def choose_unit(packs: bool):  # type: ignore[no-untyped-def]
    def fill(editor: QComboBox) -> None:
        editor.setCurrentIndex(editor.findData(packs))

    return fill


def type_date(qtbot, day: date):  # type: ignore[no-untyped-def]
    def fill(editor: QDateEdit) -> None:
        editor.setSelectedSection(QDateEdit.Section.DaySection)
        qtbot.keyClicks(editor, day.strftime("%d%m%Y"))
        assert editor.date() == QDate(day)

    return fill


def fill_receipt_line(qtbot, form: ReceiptForm, row: int, product: str, quantity: int, **kw):  # type: ignore[no-untyped-def]
    edit_cell(qtbot, form.view, row, COL_PRODUCT, pick_product(qtbot, product))
    edit_cell(qtbot, form.view, row, COL_QUANTITY, type_text(qtbot, str(quantity)))
    if kw.get("packs"):
        edit_cell(qtbot, form.view, row, COL_UNIT, choose_unit(True))
    if "lot" in kw:
        edit_cell(qtbot, form.view, row, COL_LOT, type_text(qtbot, kw["lot"]))
    if kw.get("expiry"):
        edit_cell(qtbot, form.view, row, COL_EXPIRY, type_date(qtbot, kw["expiry"]))


# --- receipt ---------------------------------------------------------------------------------


def test_receipt_of_two_lines_one_in_cartons_reaches_the_stock_card(qtbot, app, today):
    form = show(qtbot, ReceiptForm(app, FAC))
    assert form.supplier.currentData() == OTHER  # the facility's own supplier comes first
    assert not form.save_button.isEnabled()
    expiry = today + timedelta(days=300)
    fill_receipt_line(qtbot, form, 0, "RUTF", 10, packs=True, lot="A1", expiry=expiry)
    assert plain(form.lines.index(0, 3).data()) == "= 1 500 sachets"
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    fill_receipt_line(qtbot, form, 1, "AMOX250D", 500, lot="X9", expiry=expiry)
    qtbot.keyClicks(form.reference, "BL-2026-031")
    assert form.save_button.isEnabled(), form.message.text()

    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["Réception enregistrée : 2 lignes (bon BL-2026-031)"]
    rutf = card(app, "RUTF")
    amox = card(app, "AMOX250D")
    assert [(m.lot, m.quantity, m.expiry, m.kind) for m in rutf] == [
        ("A1", 1500, expiry, MovementKind.RECEIPT)
    ]
    assert [(m.lot, m.quantity) for m in amox] == [("X9", 500)]
    assert rutf[0].counterpart == OTHER and rutf[0].reference == "BL-2026-031"
    assert not form.isVisible()


def test_a_line_without_expiry_keeps_save_disabled_and_names_line_and_column(qtbot, app, today):
    form = show(qtbot, ReceiptForm(app, FAC))
    fill_receipt_line(qtbot, form, 0, "RUTF", 100, lot="A1", expiry=today + timedelta(days=90))
    form.add_button.click()
    fill_receipt_line(qtbot, form, 1, "F75", 120, lot="B2")
    assert not form.save_button.isEnabled()
    assert "Ligne 2, colonne Péremption" in form.message.text()
    assert "⚠" in form.lines.index(1, 6).data()
    qtbot.keyClick(form.reference, Qt.Key.Key_Return)  # Enter would save a valid form
    assert card(app, "RUTF") == [] and card(app, "F75") == []
    assert form.isVisible()

    edit_cell(qtbot, form.view, 1, COL_EXPIRY, type_date(qtbot, today + timedelta(days=30)))
    assert form.save_button.isEnabled(), form.message.text()
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.reference, Qt.Key.Key_Return)
    assert [m.quantity for m in card(app, "F75")] == [120]


def test_receipt_flags_a_past_expiry_and_a_known_lot_with_another_expiry(qtbot, stocked, today):
    form = show(qtbot, ReceiptForm(stocked, FAC))
    # A lot already in stock brings its expiry date, and a change of lot brings the new one's…
    fill_receipt_line(qtbot, form, 0, "RUTF", 10, lot="SOON")
    assert form.lines.line(0).expiry == today + timedelta(days=60)
    assert form.save_button.isEnabled(), form.message.text()
    edit_cell(qtbot, form.view, 0, COL_LOT, type_text(qtbot, "LATE"))
    assert form.lines.line(0).expiry == today + timedelta(days=400)
    # …and another date for a known lot is refused before saving.
    edit_cell(qtbot, form.view, 0, COL_EXPIRY, type_date(qtbot, today + timedelta(days=61)))
    assert not form.save_button.isEnabled()
    assert (
        "Ligne 1, colonne Péremption : le lot LATE est déjà enregistré avec la péremption "
        + (shown(today + timedelta(days=400)))
        in form.message.text()
    )
    edit_cell(qtbot, form.view, 0, COL_EXPIRY, type_date(qtbot, today + timedelta(days=400)))
    assert form.save_button.isEnabled(), form.message.text()

    form.add_button.click()
    fill_receipt_line(qtbot, form, 1, "RUTF", 10, lot="NEW", expiry=today - timedelta(days=1))
    assert not form.save_button.isEnabled()
    assert "Ligne 2, colonne Péremption : le " + shown(today - timedelta(days=1)) in (
        form.message.text()
    )
    assert "⚠" in form.lines.index(1, 6).data() and "✔" in form.lines.index(0, 6).data()


def test_receipt_refused_by_the_service_shows_the_line_and_saves_nothing(qtbot, stocked, today):
    """A lot known at another facility with another date: only the service knows; the form
    shows its sentence on the right line and nothing is written."""
    services.receive_stock(
        stocked.uow(),
        stocked.ctx,
        OTHER,
        today,
        [ReceiptLine("F75", 10, "ELSEWHERE", today + timedelta(days=200))],
        supplier="UNICEF",
    )
    form = show(qtbot, ReceiptForm(stocked, FAC))
    fill_receipt_line(qtbot, form, 0, "F100", 90, lot="C3", expiry=today + timedelta(days=99))
    form.add_button.click()
    fill_receipt_line(
        qtbot, form, 1, "F75", 10, lot="ELSEWHERE", expiry=today + timedelta(days=100)
    )
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text().startswith("⚠ Ligne 2 : Le lot ELSEWHERE de F75")
    assert not form.save_button.isEnabled()
    assert card(stocked, "F100") == [] and card(stocked, "F75") == []  # not half-saved


def test_receipt_lines_model_passes_the_model_tester(qtmodeltester, app, today):
    model = ReceiptLinesModel(services.list_products(app.uow()), today, {("RUTF", "A"): today})
    model.setData(model.index(0, COL_PRODUCT), "RUTF")
    model.setData(model.index(0, COL_QUANTITY), 3)
    model.setData(model.index(0, COL_UNIT), True)
    model.add_line()
    model.setData(model.index(1, COL_PRODUCT), "MUAC-E")
    assert not model.flags(model.index(1, COL_LOT)) & Qt.ItemFlag.ItemIsEditable
    qtmodeltester.check(model)


# --- dispensing ------------------------------------------------------------------------------


def test_dispensing_takes_the_lot_that_expires_first(qtbot, stocked, today):
    form = show(qtbot, IssueForm(stocked, FAC))
    type_product(qtbot, form.product, "RUTF")
    type_quantity(qtbot, form.quantity.spin, 180)
    assert plain(form.lots.plan_label.text()) == (
        f"Sera pris : 100 du lot SOON ({shown(today + timedelta(days=60))}), "
        f"80 du lot LATE ({shown(today + timedelta(days=400))})"
    )
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    issued = [(m.lot, m.quantity) for m in card(stocked, "RUTF") if m.kind is MovementKind.ISSUE]
    assert issued == [("SOON", -100), ("LATE", -80)]


def test_dispensing_too_much_says_what_is_usable_and_cannot_be_saved(qtbot, stocked):
    form = show(qtbot, IssueForm(stocked, FAC))
    type_product(qtbot, form.product, "RUTF")
    form.quantity.set_in_packs(True)
    type_quantity(qtbot, form.quantity.spin, 3)  # 450 sachets; 300 usable, the 50 expired not
    assert plain(form.quantity.equals.text()) == "= 450 sachets"
    assert not form.save_button.isEnabled()
    assert "stock insuffisant : 300 sachets utilisables" in plain(form.message.text())
    qtbot.keyClick(form.reference, Qt.Key.Key_Return)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not any(m.kind is MovementKind.ISSUE for m in card(stocked, "RUTF"))
    form.quantity.set_in_packs(False)
    type_quantity(qtbot, form.quantity.spin, 300)
    assert form.save_button.isEnabled()


def test_an_expired_lot_is_shown_greyed_and_cannot_be_chosen(qtbot, stocked, today):
    form = show(qtbot, IssueForm(stocked, FAC))
    type_product(qtbot, form.product, "RUTF")
    model = form.lots.model
    rows = {model.row(r).stock.lot: r for r in range(model.rowCount())}
    assert list(rows) == ["OLD", "SOON", "LATE"]
    assert model.index(rows["OLD"], 3).data() == "✖ périmé — ne peut pas être dispensé"
    assert not model.flags(model.index(rows["OLD"], 0)) & Qt.ItemFlag.ItemIsSelectable

    view = form.lots.view
    old = view.visualRect(model.index(rows["OLD"], 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=old)
    assert form.lots.chosen() is None
    assert not form.lots.choose("OLD")

    late = view.visualRect(model.index(rows["LATE"], 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=late)
    assert form.lots.chosen() is not None and form.lots.chosen().lot == "LATE"
    type_quantity(qtbot, form.quantity.spin, 20)
    assert "lot choisi à la place du PPPS" in form.lots.plan_label.text()
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    issued = [(m.lot, m.quantity) for m in card(stocked, "RUTF") if m.kind is MovementKind.ISSUE]
    assert issued == [("LATE", -20)]


def test_only_expired_stock_left_says_to_write_it_off(qtbot, app, today):
    services.receive_stock(
        app.uow(),
        app.ctx,
        FAC,
        today - timedelta(days=30),
        [ReceiptLine("ALB400", 40, "GONE", today - timedelta(days=1))],
        supplier="PPM",
    )
    form = show(qtbot, IssueForm(app, FAC))
    type_product(qtbot, form.product, "ALB400")
    text = form.message.text()
    assert "aucun stock utilisable de ALB400" in text and "perte" in text
    assert not form.save_button.isEnabled()


def test_lot_table_model_passes_the_model_tester(qtmodeltester, qtbot, stocked):
    form = show(qtbot, IssueForm(stocked, FAC))
    type_product(qtbot, form.product, "RUTF")
    assert isinstance(form.lots.model, LotTableModel) and form.lots.model.rowCount() == 3
    qtmodeltester.check(form.lots.model)


# --- transfer --------------------------------------------------------------------------------


def test_transfer_to_a_facility_of_this_database_enters_its_stock(qtbot, stocked, today):
    form = show(qtbot, TransferForm(stocked, FAC))
    assert form.destination.findData(FAC) < 0  # not to itself
    qtbot.keyClicks(form.destination.lineEdit(), OTHER.lower())
    assert "CSRéf Mopti est dans cette base" in form.destination_hint.text()
    type_product(qtbot, form.product, "RUTF")
    type_quantity(qtbot, form.quantity.spin, 120)
    qtbot.keyClicks(form.reference, "BT-7")
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "vers CSRéf Mopti" in saved.args[0]
    out = [(m.lot, m.quantity, m.counterpart) for m in card(stocked, "RUTF") if m.quantity < 0]
    assert out == [("SOON", -100, OTHER), ("LATE", -20, OTHER)]
    received = [(m.kind, m.lot, m.quantity, m.counterpart) for m in card(stocked, "RUTF", OTHER)]
    assert received == [
        (MovementKind.TRANSFER_IN, "SOON", 100, FAC),
        (MovementKind.TRANSFER_IN, "LATE", 20, FAC),
    ]


def test_transfer_to_a_code_outside_the_database_and_bad_codes(qtbot, stocked):
    form = show(qtbot, TransferForm(stocked, FAC))
    type_product(qtbot, form.product, "RUTF")
    type_quantity(qtbot, form.quantity.spin, 10)
    qtbot.keyClicks(form.destination.lineEdit(), "CS COM")
    assert "n'est ni un établissement de la liste ni un code valable" in form.message.text()
    assert not form.save_button.isEnabled()
    form.destination.lineEdit().clear()
    qtbot.keyClicks(form.destination.lineEdit(), FAC)
    assert "le stock part de cet établissement" in form.message.text()
    form.destination.lineEdit().clear()
    qtbot.keyClicks(form.destination.lineEdit(), "CSCOM-KONNA")
    assert "n'est pas dans cette base" in form.destination_hint.text()
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert [m.counterpart for m in card(stocked, "RUTF") if m.quantity < 0] == ["CSCOM-KONNA"]


# --- loss and adjustment ---------------------------------------------------------------------


def test_loss_of_an_expired_lot_with_reason_expired(qtbot, stocked):
    form = show(qtbot, LossForm(stocked, FAC))
    assert form.selected_reason() is Reason.EXPIRED
    reasons = {form.reason.itemData(i) for i in range(form.reason.count())}
    assert reasons == {"expired", "damaged", "cold_chain", "lost", "stolen"}
    type_product(qtbot, form.product, "RUTF")
    type_quantity(qtbot, form.quantity.spin, 50)
    assert "Lot : choisissez le lot à sortir" in form.message.text()
    assert not form.save_button.isEnabled()
    form.lot.setCurrentIndex(form.lot.findData("OLD"))
    assert "PÉRIMÉ" in form.lot.currentText()
    assert "Lot périmé" in form.lot_info.text()
    type_quantity(qtbot, form.quantity.spin, 51)
    assert "n'a que 50 sachets disponibles" in plain(form.message.text())
    type_quantity(qtbot, form.quantity.spin, 50)
    qtbot.keyClicks(form.note, "Vu au rangement du magasin")
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(form.note, Qt.Key.Key_Return)
    assert saved.args[0].startswith("Perte enregistrée : 50 sachets de RUTF, lot OLD")
    loss = [m for m in card(stocked, "RUTF") if m.kind is MovementKind.LOSS]
    assert [(m.lot, m.quantity, m.reason, m.note) for m in loss] == [
        ("OLD", -50, Reason.EXPIRED, "Vu au rangement du magasin")
    ]


def test_adjustments_a_return_of_a_new_lot_and_a_count_correction(qtbot, stocked, today):
    form = show(qtbot, LossForm(stocked, FAC))
    qtbot.mouseClick(form.adjustment_radio, Qt.MouseButton.LeftButton)
    assert form.selected_reason() is Reason.RETURN and form.add_radio.isChecked()
    assert not form.remove_radio.isEnabled()  # a return only adds
    type_product(qtbot, form.product, "RUTF")
    assert form.lot.isEditable()
    qtbot.keyClicks(form.lot.lineEdit(), "RET1")
    type_quantity(qtbot, form.quantity.spin, 30)
    assert form.form.isRowVisible(form.expiry)
    assert "Péremption du lot : indiquez" in form.message.text()
    expiry = today + timedelta(days=200)
    form.expiry.setDate(QDate(expiry))
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].startswith("Ajustement enregistré : +30 sachets de RUTF, lot RET1")
    returned = [m for m in card(stocked, "RUTF") if m.lot == "RET1"]
    assert [(m.kind, m.quantity, m.reason, m.expiry) for m in returned] == [
        (MovementKind.ADJUSTMENT, 30, Reason.RETURN, expiry)
    ]

    form = show(qtbot, LossForm(stocked, FAC, adjustment=True))
    form.reason.setCurrentIndex(form.reason.findData(Reason.COUNT_CORRECTION.value))
    type_product(qtbot, form.product, "RUTF")
    type_quantity(qtbot, form.quantity.spin, 5)
    assert "Sens : choisissez" in form.message.text()
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.remove_radio, Qt.MouseButton.LeftButton)
    form.lot.setCurrentIndex(form.lot.findData("SOON"))
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    corrected = [m for m in card(stocked, "RUTF") if m.reason is Reason.COUNT_CORRECTION]
    assert [(m.lot, m.quantity) for m in corrected] == [("SOON", -5)]


# --- the frame every form shares -------------------------------------------------------------


def test_escape_closes_an_empty_form_and_asks_before_losing_input(qtbot, app, monkeypatch):
    form = show(qtbot, IssueForm(app, FAC))
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()

    form = show(qtbot, LossForm(app, FAC))
    type_product(qtbot, form.product, "RUTF")
    asked: list[bool] = []
    monkeypatch.setattr(form, "confirm_discard", lambda: asked.append(True) or False)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == [True] and form.isVisible()
    monkeypatch.setattr(form, "confirm_discard", lambda: True)
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()


def test_open_entry_form_from_the_main_window_confirms_in_the_status_bar(qtbot, stocked, tmp_path):
    window = MainWindow(
        stocked, UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(window)
    window.facility_box.setCurrentIndex(window.facility_box.findData(FAC))
    window.show()
    seen: list[str] = []

    def fill() -> None:
        form = QApplication.activeModalWidget()
        try:
            assert isinstance(form, IssueForm)
            type_product(qtbot, form.product, "RUTF")
            type_quantity(qtbot, form.quantity.spin, 7)
            seen.append(form.windowTitle())
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        finally:
            if isinstance(form, EntryForm) and form.isVisible():
                form._saved = True
                form.reject()

    QTimer.singleShot(0, fill)
    assert open_entry_form("issue", stocked, FAC, window)
    assert seen == ["Dispensation"]
    assert window.statusBar().currentMessage().startswith("Dispensation enregistrée : 7 sachets")
    assert [m.quantity for m in card(stocked, "RUTF") if m.kind is MovementKind.ISSUE] == [-7]


@pytest.mark.parametrize("kind", ["receipt", "issue", "transfer", "loss", "adjustment"])
def test_every_form_opens_with_save_disabled_and_french_buttons(qtbot, app, kind):
    form = show(qtbot, make_entry_form(kind, app, FAC))
    assert not form.save_button.isEnabled()
    assert (form.save_button.text(), form.cancel_button.text()) == ("Enregistrer", "Annuler")
    for button in (form.save_button, form.cancel_button):
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
    assert form.message.text()  # says what to fill first


def test_labels_for_translation_match_the_core():
    assert KIND_TEXTS == KIND_LABELS_FR
    assert REASON_TEXTS == REASON_LABELS_FR
