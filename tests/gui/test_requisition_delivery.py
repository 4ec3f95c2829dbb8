"""The Réquisitions screen, tab "Livraisons reçues": the CSCom imports the delivery note of its
depot (two laptops, two databases), checks each line against what arrived, and confirms the
receipt; the lots enter its stock and the discrepancies are kept."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from core import services
from core.delivery import DeliveryNote
from core.district import issue_delivery_notes, prepare_delivery_notes
from core.exchange.delivery_workbook import DATA_SHEET, write_delivery_workbook
from core.exchange.requisition_workbook import write_requisition_workbook
from core.facilities import new_facility
from core.ledger import MovementKind
from core.requisition_import import import_requisition_files
from core.requisition_services import approve_requisition, compute_requisition
from core.services import Context, ReceiptLine
from gui.requisition.common import PROBLEM_BACKGROUND
from gui.requisition.delivery_model import (
    EXPIRY,
    LOT,
    PRODUCT,
    REASON,
    RECEIVED,
    SHIPPED,
    SHIPPED_PACKS,
    DeliveryLinesModel,
    QuantityInputError,
    parse_received,
)
from gui.requisition.delivery_tab import DeliveryReceiptTab
from main import build_application

NOW = datetime(2026, 11, 21, 12, 0)
TODAY = NOW.date()
OCTOBER = date(2026, 10, 1)
DEPOT, CSCOM, OTHER = "CSREF-MOP", "CSCOM-SEV", "CSCOM-SOC"


def plain(text: object) -> str:
    """French digit grouping uses narrow no-break spaces: compare with plain ones."""
    return " ".join(str(text).replace("\u202f", " ").replace("\xa0", " ").split())


def _cscom_laptop(path: Path, code: str, name: str):
    built = build_application(str(path))
    app = replace(
        built, ctx=Context(device=code, user=f"dtc-{code[-3:].lower()}", clock=lambda: NOW)
    )
    services.add_facility(
        app.uow(), new_facility(DEPOT, "CSRéf de Mopti", "CSRef", "Mopti", "Mopti")
    )
    services.add_facility(app.uow(), new_facility(code, name, "CSCom", "Mopti", "Mopti", DEPOT))
    return app


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The month of tests/integration/test_referral_chain.py, by the GUI's databases: Sévaré
    and Socoura approve and export their October R&R; the CSRéf imports them and issues the
    delivery notes FEFO from its lots; it holds too little amoxicillin for Sévaré."""
    base = tmp_path_factory.mktemp("delivery")
    files: list[Path] = []
    for code, name, rutf, amox in (
        (CSCOM, "CSCom de Sévaré", (1500, 450), (400, 100)),
        (OTHER, "CSCom de Socoura", (1000, 300), None),
    ):
        laptop = _cscom_laptop(base / f"{code}-source.db", code, name)
        uow, ctx = laptop.uow, laptop.ctx
        lines = [ReceiptLine("RUTF", rutf[0], "C1", date(2028, 3, 31))]
        if amox:
            lines.append(ReceiptLine("AMOX250D", amox[0], "AM0", date(2028, 6, 30)))
        services.receive_stock(uow(), ctx, code, date(2026, 8, 2), lines)
        for month in (8, 9, 10):
            services.dispense(uow(), ctx, code, "RUTF", rutf[1], date(2026, month, 20))
            if amox:
                services.dispense(uow(), ctx, code, "AMOX250D", amox[1], date(2026, month, 20))
        approved = approve_requisition(
            uow(), ctx, compute_requisition(uow(), ctx, code, OCTOBER), f"DTC {name}"
        )
        files.append(write_requisition_workbook(approved, base / f"RR_{code}_2026-10.xlsx"))

    depot = build_application(str(base / "depot.db"))
    depot = replace(depot, ctx=Context(device=DEPOT, user="pharmacien", clock=lambda: NOW))
    services.add_facility(
        depot.uow(), new_facility(DEPOT, "CSRéf de Mopti", "CSRef", "Mopti", "Mopti")
    )
    services.receive_stock(
        depot.uow(),
        depot.ctx,
        DEPOT,
        date(2026, 9, 1),
        [
            ReceiptLine("RUTF", 900, "EARLY", date(2027, 2, 28)),
            ReceiptLine("RUTF", 1500, "LATE", date(2027, 12, 31)),
            ReceiptLine("AMOX250D", 100, "AMX7", date(2028, 1, 31)),
        ],
    )
    import_requisition_files(depot.uow, depot.ctx, files)
    notes = prepare_delivery_notes(depot.uow(), depot.ctx, DEPOT, OCTOBER)
    issue_delivery_notes(depot.uow(), depot.ctx, notes)
    by_code = {n.to_code: n for n in notes}
    paths = {n.to_code: write_delivery_workbook(n, base / f"{n.number}.xlsx") for n in notes}
    return {"notes": by_code, "files": paths, "base": base}


@pytest.fixture
def note(chain) -> DeliveryNote:
    return chain["notes"][CSCOM]  # type: ignore[index]


@pytest.fixture
def note_file(chain) -> Path:
    return chain["files"][CSCOM]  # type: ignore[index]


@pytest.fixture
def app(tmp_path: Path):
    """Sévaré's own laptop, as it was when the R&R left (a fresh database each test)."""
    return _cscom_laptop(tmp_path / "cscom.db", CSCOM, "CSCom de Sévaré")


@pytest.fixture
def tab(qtbot, app) -> DeliveryReceiptTab:
    tab = DeliveryReceiptTab(app)
    qtbot.addWidget(tab)
    tab.resize(1200, 720)
    tab.set_facility(CSCOM)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def cell(model: DeliveryLinesModel, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    value = model.index(row, column).data(role)
    return plain(value) if role == Qt.ItemDataRole.DisplayRole else value


def type_into(qtbot, tab: DeliveryReceiptTab, row: int, column: int, text: str) -> None:
    """As a user does: go to the cell, F2, type, Enter."""
    index = tab.lines_model.index(row, column)
    tab.lines_table.setFocus()
    tab.lines_table.setCurrentIndex(index)
    qtbot.keyClick(tab.lines_table, Qt.Key.Key_F2)
    editor = tab.lines_table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest types ASCII only: accents as an input method would insert them
        editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.lines_table.indexWidget(index) is None)


def receipts(app, code: str = CSCOM) -> list:
    with app.uow() as uow:
        return [
            m
            for product in ("RUTF", "AMOX250D")
            for m in uow.ledger.movements(code, product)
            if m.kind is MovementKind.RECEIPT and m.counterpart == DEPOT
        ]


# --- the note, as the depot shipped it ----------------------------------------------------------


def test_the_depot_shipped_fefo_with_a_shortfall(note):
    """The scenario itself: RUTF from the lot expiring first, then the next; amoxicillin
    short by 100 tablets."""
    assert [(x.product_code, x.lot, x.quantity) for x in note.lines] == [
        ("RUTF", "EARLY", 900),
        ("RUTF", "LATE", 300),
        ("AMOX250D", "AMX7", 100),
    ]
    (short,) = note.shortfalls
    assert (short.product_code, short.approved, short.shipped) == ("AMOX250D", 200, 100)


def test_nothing_to_receive_says_what_to_do(tab):
    assert tab.pending_pages.currentWidget() is tab.pending_empty
    assert "Importer un bon de livraison" in tab.pending_empty.text()
    assert tab.note_panel.isHidden()
    assert tab.received_model.rowCount() == 0


def test_an_imported_note_shows_its_lines_prefilled_and_its_shortfalls(tab, note, note_file):
    assert tab.import_note(note_file) is not None
    assert "importé : 3 ligne(s)" in tab.message.text()
    assert tab.pending_model.rowCount() == 1
    assert tab.pending_model.index(0, 0).data() == note.number
    assert tab.note_panel.isVisible()
    assert note.number in tab.note_title.text() and "CSRéf de Mopti" in tab.note_title.text()
    model = tab.lines_model
    assert model.rowCount() == 3
    assert cell(model, 0, PRODUCT).startswith("RUTF – ATPE")
    assert (cell(model, 0, LOT), cell(model, 0, EXPIRY)) == ("EARLY", "28/02/2027")
    assert cell(model, 0, SHIPPED) == "900 sachets"
    assert cell(model, 0, SHIPPED_PACKS) == "6 cartons"
    assert cell(model, 1, SHIPPED_PACKS) == "2 cartons"
    assert cell(model, 2, SHIPPED_PACKS) == "1 boîte"
    # The quantity received starts at the quantity shipped: nothing to type when all is there.
    assert [cell(model, r, RECEIVED) for r in range(3)] == [
        "900 sachets",
        "300 sachets",
        "100 comprimés",
    ]
    assert model.flags(model.index(0, RECEIVED)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, SHIPPED)) & Qt.ItemFlag.ItemIsEditable
    assert tab.shortfalls.isVisible()
    shortfalls = plain(tab.shortfalls.text())
    assert "AMOX250D" in shortfalls and "200 comprimés approuvé(s)" in shortfalls
    assert "100 comprimés manquant(s)" in shortfalls
    # Received today by default, never in the future, never before the shipment.
    assert tab.receipt_date == TODAY
    assert tab.date_edit.maximumDate() == QDate(TODAY)
    assert tab.date_edit.minimumDate() == QDate(note.issued_on)


def test_a_difference_without_its_reason_is_refused_then_received_with_it(
    qtbot, tab, app, note, note_file
):
    tab.import_note(note_file)
    model = tab.lines_model

    type_into(qtbot, tab, 1, RECEIVED, "285")
    assert cell(model, 1, RECEIVED) == "285 sachets"
    assert cell(model, 1, REASON) == "⚠ à indiquer"
    assert model.index(1, REASON).data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert "ligne(s) 2" in tab.hint.text()
    assert "Ligne 2 (RUTF, lot LATE)" in tab.confirm_button.toolTip()
    assert tab.message.isVisible() and "285 reçu(s) pour 300 expédié(s)" in tab.message.text()

    assert tab.confirm_receipt() is None
    refused = plain(tab.message.text())
    assert "Réception non enregistrée" in refused
    assert "Ligne 2 (RUTF, lot LATE)" in refused and "raison de l'écart" in refused
    assert tab.lines_table.currentIndex() == model.index(1, REASON)  # where to type it
    assert receipts(app) == []  # nothing posted
    assert tab.pending_model.rowCount() == 1

    type_into(qtbot, tab, 1, REASON, "Un carton ouvert, 15 sachets abîmés")
    assert model.problem_rows() == []
    assert "1 écart(s) avec leur raison" in tab.hint.text()
    done = tab.confirm_receipt()
    assert done is not None

    # What entered the stock, and the discrepancy recorded, are said.
    said = plain(tab.message.text())
    assert f"Bon {note.number} réceptionné le 21/11/2026" in said
    assert "RUTF – lot EARLY, péremption 28/02/2027 : 900 sachets" in said
    assert "RUTF – lot LATE, péremption 31/12/2027 : 285 sachets" in said
    assert "AMOX250D – lot AMX7, péremption 31/01/2028 : 100 comprimés" in said
    assert (
        "Ligne 2 (RUTF, lot LATE) : 300 expédié(s), 285 reçu(s) — Un carton ouvert, 15 sachets "
        "abîmés" in said
    )

    # The ledger: one receipt per lot, with the note's lot and expiry.
    posted = sorted((m.product_code, m.lot, m.expiry, m.quantity) for m in receipts(app))
    assert posted == [
        ("AMOX250D", "AMX7", date(2028, 1, 31), 100),
        ("RUTF", "EARLY", date(2027, 2, 28), 900),
        ("RUTF", "LATE", date(2027, 12, 31), 285),
    ]
    assert all(m.reference == note.number and m.occurred_on == TODAY for m in receipts(app))

    # The note left the pending list for the received one, with its discrepancy.
    assert tab.pending_pages.currentWidget() is tab.pending_empty
    assert tab.note_panel.isHidden()
    received = tab.received_model
    assert received.rowCount() == 1
    assert received.index(0, 0).data() == note.number
    assert plain(received.index(0, 3).data()) == "21/11/2026"
    assert "Ligne 2 (RUTF, lot LATE) : 300 expédié(s), 285 reçu(s)" in plain(
        received.index(0, 5).data()
    )


def test_the_same_note_again_is_already_received(qtbot, tab, app, note_file):
    tab.import_note(note_file)
    assert tab.confirm_receipt() is not None  # everything arrived as shipped
    assert "Aucun écart" in tab.message.text()
    assert "aucun" in tab.received_model.index(0, 5).data()
    before = len(receipts(app))

    assert tab.import_note(note_file) is None
    assert tab.message.isVisible() and "déjà réceptionné" in tab.message.text()
    assert len(receipts(app)) == before == 3
    assert tab.pending_model.rowCount() == 0


def test_a_note_already_imported_waits_to_be_received(tab, note_file):
    tab.import_note(note_file)
    assert tab.import_note(note_file) is None
    assert "déjà importé, à réceptionner" in tab.message.text()
    assert tab.pending_model.rowCount() == 1


def test_an_edited_note_is_refused_with_the_reason(tab, note_file, tmp_path):
    edited = tmp_path / note_file.name
    shutil.copy(note_file, edited)
    book = load_workbook(edited)
    for row in book[DATA_SHEET].iter_rows():
        if row[0].value == "from_name":
            row[1].value = "Un autre dépôt"
    book.save(edited)
    assert tab.import_note(edited) is None
    assert "somme de contrôle" in tab.message.text()
    assert tab.pending_model.rowCount() == 0


def test_a_note_for_another_facility_of_the_database_names_it(tab, app, chain):
    services.add_facility(
        app.uow(), new_facility(OTHER, "CSCom de Socoura", "CSCom", "Mopti", "Mopti", DEPOT)
    )
    other = chain["files"][OTHER]  # type: ignore[index]
    assert tab.import_note(other) is not None
    assert "destiné à CSCom de Socoura (CSCOM-SOC)" in tab.message.text()
    assert tab.pending_model.rowCount() == 0  # not Sévaré's
    tab.set_facility(OTHER)
    assert tab.pending_model.rowCount() == 1


def test_a_line_received_at_zero_needs_a_reason_and_posts_nothing(qtbot, tab, app, note_file):
    tab.import_note(note_file)
    type_into(qtbot, tab, 2, RECEIVED, "0")
    type_into(qtbot, tab, 2, REASON, "Boîte absente du colis")
    assert tab.confirm_receipt() is not None
    assert sorted(m.product_code for m in receipts(app)) == ["RUTF", "RUTF"]


def test_blank_received_goes_back_to_the_shipped_quantity(qtbot, tab, note_file):
    tab.import_note(note_file)
    type_into(qtbot, tab, 0, RECEIVED, "850")
    type_into(qtbot, tab, 0, RECEIVED, " ")
    assert cell(tab.lines_model, 0, RECEIVED) == "900 sachets"
    assert tab.lines_model.problem_rows() == []


def test_what_is_typed_as_a_received_quantity(tab, note_file):
    assert parse_received("1 200") == 1200
    assert parse_received("") is None
    for typed, words in (("1,5", "entier"), ("-3", "négative"), ("beaucoup", "entier")):
        with pytest.raises(QuantityInputError, match=words):
            parse_received(typed)
    tab.import_note(note_file)
    model = tab.lines_model
    assert not model.setData(model.index(0, RECEIVED), "1.5")
    assert "Ligne 1 (RUTF, lot EARLY) – quantité reçue" in tab.message.text()
    assert cell(model, 0, RECEIVED) == "900 sachets"


def test_models_pass_the_model_tester(qtmodeltester, tab, note_file):
    tab.import_note(note_file)
    qtmodeltester.check(tab.pending_model)
    qtmodeltester.check(tab.lines_model)
    tab.confirm_receipt()
    qtmodeltester.check(tab.received_model)
