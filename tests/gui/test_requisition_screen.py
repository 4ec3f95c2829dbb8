"""The Réquisitions screen, tab "R&R du mois": the month's R&R from the ledger, edited and
approved by the director, exported for the district."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit

from core import services
from core.demo import load_demo
from core.errors import DomainError
from core.exchange.requisition_workbook import read_requisition_workbook
from core.facilities import new_facility
from core.ledger import Reason
from core.requisition import RequisitionStatus, edit_line
from core.requisition_services import (
    compute_requisition,
    list_requisitions,
    reopen_requisition,
    requisition_for,
    revise_requisition,
)
from core.services import Context, CountLine, ReceiptLine
from gui.main_window import SCREENS, MainWindow
from gui.requisition import RequisitionScreen, facility_tab
from gui.requisition.common import PROBLEM_BACKGROUND
from gui.requisition.facility_model import (
    ADJUSTMENTS,
    BEGINNING,
    CALCULATED,
    CODE,
    CONSUMED,
    JUSTIFICATION,
    NAME,
    ON_HAND,
    RECEIVED,
    REMARKS,
    REQUESTED,
    UNIT,
    QuantityInputError,
    RequisitionModel,
    parse_requested,
)
from gui.requisition.facility_tab import ApprovalDialog, FacilityRequisitionTab
from gui.requisition.screen import TABS
from gui.ui_settings import UiSettings
from main import build_application

FACILITY = "CSCOM-SEV"
EMPTY = "CSCOM-NEW"
NOW = datetime(2026, 11, 21, 12, 0)
OCTOBER = date(2026, 10, 1)
WAIT = 10_000  # ms
EDITABLE_FLAG = Qt.ItemFlag.ItemIsEditable


def plain(text: str) -> str:
    """French digit grouping uses narrow no-break spaces: compare with plain ones."""
    return " ".join(str(text).replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture
def app(tmp_path: Path):
    """DOMAIN.md §2's worked example at a CSCom: adjusted consumption 520 in August and 580 in
    September; in October A=300, B=450, D=−10 (expired), counted E=140, so C=600; AMC 567,
    maximum 1701, order 1561 sachets → 11 cartons of 150 = 1650. A second CSCom has nothing."""
    built = build_application(str(tmp_path / "requisition.db"))
    app = replace(built, ctx=Context(device="poste-test", user="dtc", clock=lambda: NOW))
    uow, ctx = app.uow, app.ctx
    services.add_facility(uow(), new_facility(FACILITY, "CSCom Sévaré", "CSCom", "Mopti", "Mopti"))
    services.add_facility(uow(), new_facility(EMPTY, "CSCom Nouveau", "CSCom", "Mopti", "Mopti"))
    lot = date(2028, 1, 31)
    services.receive_stock(
        uow(), ctx, FACILITY, date(2026, 8, 1), [ReceiptLine("RUTF", 1000, "L1", lot)]
    )
    services.dispense(uow(), ctx, FACILITY, "RUTF", 520, date(2026, 8, 15), lot="L1")
    services.receive_stock(
        uow(),
        ctx,
        FACILITY,
        date(2026, 9, 1),
        [ReceiptLine("RUTF", 390, "L1", lot), ReceiptLine("RUTF", 10, "L0", date(2026, 10, 5))],
    )
    services.dispense(uow(), ctx, FACILITY, "RUTF", 580, date(2026, 9, 15), lot="L1")
    services.receive_stock(
        uow(), ctx, FACILITY, date(2026, 10, 2), [ReceiptLine("RUTF", 450, "L1", lot)]
    )
    services.record_loss(uow(), ctx, FACILITY, "RUTF", 10, Reason.EXPIRED, date(2026, 10, 10), "L0")
    services.dispense(uow(), ctx, FACILITY, "RUTF", 600, date(2026, 10, 20))
    services.record_count(uow(), ctx, FACILITY, date(2026, 10, 31), [CountLine("RUTF", 140)])
    return app


def shown_tab(qtbot, app, facility: str = FACILITY) -> FacilityRequisitionTab:
    screen = RequisitionScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1100, 560)
    tab = screen.facility_tab
    screen.set_facility(facility)
    assert not tab.is_busy()  # hidden: nothing is computed until shown
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        screen.show()
    assert not tab.is_busy() and tab.busy_label.isHidden()
    return tab


@pytest.fixture
def tab(qtbot, app) -> FacilityRequisitionTab:
    return shown_tab(qtbot, app)


def cell(tab: FacilityRequisitionTab, column: int, code: str = "RUTF", role=None) -> str:
    row = tab.model.row_of(code)
    assert row >= 0, code
    index = tab.model.index(row, column)
    return index.data(role) if role is not None else plain(index.data())


def type_into_cell(qtbot, tab: FacilityRequisitionTab, column: int, text: str) -> None:
    """As a user does: go to the cell, F2, type, Enter."""
    index = tab.model.index(tab.model.row_of("RUTF"), column)
    tab.table.setFocus()
    tab.table.setCurrentIndex(index)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    editor = tab.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits on the next turn of the event loop, as it does for a user.
    qtbot.waitUntil(lambda: tab.table.indexWidget(index) is None)


def approve(qtbot, tab: FacilityRequisitionTab, name: str) -> ApprovalDialog:
    dialog = tab.open_approval()
    assert isinstance(dialog, ApprovalDialog)
    dialog.name.setText(name)
    dialog.approve_button.click()
    return dialog


# --- what is shown ---------------------------------------------------------------------------


def test_opens_on_the_last_complete_month_with_the_figures_of_the_ledger(app, tab):
    assert tab.period == OCTOBER
    assert tab.month_box.currentText() == "octobre 2026"
    assert tab.month_box.itemText(0) == "novembre 2026 (en cours)"
    assert tab.month_box.count() == 1 + 24  # the month in progress, then 24 complete months
    assert tab.month_box.itemData(24) == date(2024, 11, 1)
    (line,) = compute_requisition(app.uow(), app.ctx, FACILITY, OCTOBER).lines
    report = line.report
    assert tab.model.rowCount() == 1  # only what the facility stocks
    shown = [cell(tab, c) for c in (BEGINNING, RECEIVED, CONSUMED, ADJUSTMENTS, ON_HAND)]
    assert shown == ["300", "450", "600", "−10", "140"]
    assert shown[:3] == [
        str(report.beginning_balance),
        str(report.received),
        str(report.consumed),
    ]
    assert cell(tab, ON_HAND) == str(report.stock_on_hand)
    assert cell(tab, CALCULATED) == "1 650 (11 cartons)"
    assert cell(tab, REQUESTED) == "1 650 (11 cartons)"
    assert plain(cell(tab, CALCULATED, role=Qt.ItemDataRole.ToolTipRole)).startswith(
        "Besoin 1 561 = stock max 1 701 − SDU 140 − en commande 0"
    )
    assert tab.status.text() == "Octobre 2026 · Brouillon — calculé à partir du registre"
    assert tab.approve_button.isEnabled() and tab.export_button.isEnabled()
    assert tab.suggested_name() == "RR_CSCOM-SEV_2026-10.xlsx"
    assert tab.table.horizontalHeader().sectionSize(CODE) >= tab.fontMetrics().horizontalAdvance(
        "RUTF"
    )


def test_the_month_in_progress_shows_the_core_message_instead_of_the_table(qtbot, tab):
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.month_box.setCurrentIndex(0)
    assert tab.pages.currentWidget() is tab.empty
    assert "Le mois de novembre 2026 n'est pas terminé" in tab.empty.text()
    assert "30/11/2026" in tab.empty.text()
    assert not tab.approve_button.isEnabled() and not tab.export_button.isEnabled()
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.set_period(OCTOBER)
    assert tab.pages.currentWidget() is tab.table and tab.model.rowCount() == 1


def test_the_months_follow_the_calendar_when_the_application_stays_open(qtbot, app):
    now = [NOW]
    app = replace(app, ctx=replace(app.ctx, clock=lambda: now[0]))
    tab = shown_tab(qtbot, app)
    now[0] = datetime(2026, 12, 2, 8, 0)
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.refresh()
    assert tab.month_box.itemText(0) == "décembre 2026 (en cours)"
    assert tab.month_box.itemText(1) == "novembre 2026"
    assert tab.period == OCTOBER  # what the user was looking at stays selected


def test_a_facility_without_products_says_so(qtbot, app):
    tab = shown_tab(qtbot, app, EMPTY)
    assert tab.pages.currentWidget() is tab.empty
    assert "Octobre 2026 : aucun produit à CSCom Nouveau." in tab.empty.text()
    assert not tab.approve_button.isEnabled()


# --- editing ---------------------------------------------------------------------------------


def test_a_requested_quantity_is_rounded_up_and_needs_a_justification(qtbot, app, tab):
    type_into_cell(qtbot, tab, REQUESTED, "2 000")
    # 2 000 sachets are 13,3 cartons: 14 whole cartons are requested.
    assert cell(tab, REQUESTED) == "2 100 (14 cartons)"
    message = plain(tab.message.text())
    assert tab.message.isVisibleTo(tab)
    assert message.startswith(
        "⚠ RUTF : 2 000 demandés, arrondis au conditionnement entier : 2 100 (14 cartons)."
    )
    assert "RUTF : la quantité demandée (2100) diffère de la quantité calculée (1650)" in message
    assert "écrivez une justification" in message
    assert cell(tab, REQUESTED, role=Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert cell(tab, JUSTIFICATION) == "⚠ à justifier"
    tip = plain(cell(tab, REQUESTED, role=Qt.ItemDataRole.ToolTipRole))
    assert "diffère de la quantité calculée (1 650)" in tip
    assert "Écrivez pourquoi dans la colonne Justification" in tip
    assert "⚠ 1 à justifier" in tab.status.text()

    assert tab.open_approval() is None  # refused before any dialog
    assert "Approbation impossible" in tab.message.text()
    assert "écrivez une justification" in tab.message.text()
    assert tab.table.currentIndex().column() == JUSTIFICATION
    assert list_requisitions(app.uow(), FACILITY) == []

    type_into_cell(qtbot, tab, JUSTIFICATION, "Campagne PCIMA en novembre")  # QTest: ASCII only
    assert cell(tab, JUSTIFICATION) == "Campagne PCIMA en novembre"
    assert cell(tab, REQUESTED, role=Qt.ItemDataRole.BackgroundRole) != PROBLEM_BACKGROUND
    assert not tab.message.isVisibleTo(tab)  # nothing left to say
    assert "à justifier" not in tab.status.text()
    assert "1 ligne(s) modifiée(s)" in tab.status.text()
    tip = plain(cell(tab, REQUESTED, role=Qt.ItemDataRole.ToolTipRole))
    assert tip == "Saisi : 2 000 ; arrondi au conditionnement entier supérieur : 2 100 (14 cartons)"


def test_the_product_stays_in_view_while_its_line_is_typed_into(qtbot, tab):
    """Code, Désignation and Unité stay on the left while Tab goes on from the quantity to
    the justification and the remarks, at the far right of the table."""
    tab.window().resize(900, 560)
    table = tab.table
    row = tab.model.row_of("RUTF")
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    assert table.frozen_columns() == UNIT + 1
    table.setFocus()
    table.setCurrentIndex(tab.model.index(row, REQUESTED))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    for column, text in ((REQUESTED, "2000"), (JUSTIFICATION, "Campagne PCIMA")):
        editor = table.indexWidget(tab.model.index(row, column))
        assert isinstance(editor, QLineEdit)
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # on to the next cell, being edited
        qtbot.waitUntil(lambda c=column: table.indexWidget(tab.model.index(row, c)) is None)
    remarks = tab.model.index(row, REMARKS)
    editor = table.indexWidget(remarks)
    assert isinstance(editor, QLineEdit)
    assert table.horizontalScrollBar().value() == table.horizontalScrollBar().maximum()
    # The editor is right of the product's columns, which still show the product.
    viewport = table.viewport().rect()
    assert editor.geometry().left() >= table.frozen_width() > 0
    assert editor.geometry().right() <= viewport.right()
    frozen = table.frozen_view
    for column, text in ((CODE, "RUTF"), (NAME, "ATPE")):
        index = tab.model.index(row, column)
        rect = frozen.visualRect(index)
        assert frozen.viewport().rect().contains(rect)
        assert plain(table.indexAt(rect.center()).data()).startswith(text)
    assert cell(tab, JUSTIFICATION) == "Campagne PCIMA"


def test_what_is_not_a_quantity_is_refused_with_what_to_type(qtbot, tab):
    type_into_cell(qtbot, tab, REQUESTED, "1.650")
    assert "RUTF – Qté demandée" in tab.message.text()
    assert "sans point ni virgule" in tab.message.text()
    model = tab.model
    index = model.index(0, REQUESTED)
    assert not model.setData(index, "-5")
    assert "ne peut pas être négative" in tab.message.text()
    assert cell(tab, REQUESTED) == "1 650 (11 cartons)"
    assert model.changed_count() == 0
    assert not model.setData(model.index(0, REMARKS), "x" * 501)  # core's limit
    assert "500 caractères au plus" in tab.message.text()
    # A blank quantity goes back to the calculated one.
    assert model.setData(index, "3000")
    assert model.setData(index, "")
    assert cell(tab, REQUESTED) == "1 650 (11 cartons)"
    assert "à justifier" not in tab.status.text()


def test_parse_requested():
    assert parse_requested("1\u202f650") == 1650
    assert parse_requested(" 2 000 ") == 2000
    assert parse_requested("") is None
    for text in ("1,5", "1.650", "-3", "onze cartons"):
        with pytest.raises(QuantityInputError):
            parse_requested(text)


def test_edits_are_kept_when_the_month_or_the_ledger_changes(qtbot, app, tab):
    model = tab.model
    assert model.setData(model.index(0, REMARKS), "Magasin rangé")
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.month_box.setCurrentIndex(2)  # September
    assert cell(tab, REMARKS) == ""
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.set_period(OCTOBER)
    assert cell(tab, REMARKS) == "Magasin rangé"
    # A dispensing typed late in October: the draft is computed again, the remark stays.
    services.dispense(app.uow(), app.ctx, FACILITY, "RUTF", 10, date(2026, 10, 30))
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.refresh()
    assert cell(tab, ON_HAND) == "130"
    assert cell(tab, REMARKS) == "Magasin rangé"


def test_recalculate_drops_the_edits_only_once_confirmed(qtbot, tab, monkeypatch):
    model = tab.model
    assert model.setData(model.index(0, REQUESTED), "2000")
    answers = iter([False, True])
    monkeypatch.setattr(tab, "confirm_discard", lambda: next(answers))
    tab.recalculate()
    assert not tab.is_busy() and cell(tab, REQUESTED) == "2 100 (14 cartons)"
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.recalculate()
    assert cell(tab, REQUESTED) == "1 650 (11 cartons)"
    assert tab.status.text() == "Octobre 2026 · Brouillon — calculé à partir du registre"


# --- approval and export ---------------------------------------------------------------------


def test_approval_stores_it_and_makes_the_table_read_only(qtbot, app, tab, tmp_path):
    model = tab.model
    assert model.setData(model.index(0, REQUESTED), "2000")
    assert model.setData(model.index(0, JUSTIFICATION), "Campagne de dépistage de masse")
    dialog = tab.open_approval()
    assert isinstance(dialog, ApprovalDialog)
    assert dialog.name.text() == "dtc"  # who is at the keyboard
    text = plain(" ".join(label.text() for label in dialog.findChildren(type(tab.status))))
    assert "clôt dans le registre le mois d'octobre 2026 et tous les mois précédents" in text
    assert "Les corrections se feront dans le mois suivant (novembre 2026)" in text
    dialog.name.setText("  ")
    dialog.approve_button.click()
    assert dialog.isVisible() and "nom du directeur" in dialog.message.text()
    dialog.name.setText("Awa Traoré")
    dialog.approve_button.click()
    assert not dialog.isVisible()

    assert tab.status.text() == "Octobre 2026 · Approuvée — n° 1, par Awa Traoré le 21/11/2026"
    assert "Réquisition n° 1 d'octobre 2026 approuvée par Awa Traoré" in tab.message.text()
    (stored,) = list_requisitions(app.uow(), FACILITY)
    assert stored.sequence == 1 and stored.status is RequisitionStatus.APPROVED
    assert not model.flags(model.index(0, REQUESTED)) & Qt.ItemFlag.ItemIsEditable
    assert model.headerData(REQUESTED, Qt.Orientation.Horizontal) == "Qté\ndemandée"  # no ✎
    assert not model.setData(model.index(0, REQUESTED), "3000")
    assert cell(tab, REQUESTED) == "2 100 (14 cartons)"
    assert not tab.approve_button.isEnabled() and not tab.recalculate_button.isEnabled()
    assert tab.export_button.isEnabled()
    # What the dialog said: October is closed in the registre.
    with pytest.raises(DomainError, match="close"):
        services.dispense(app.uow(), app.ctx, FACILITY, "RUTF", 5, date(2026, 10, 25))

    written = tab.export_excel(tmp_path / "RR_CSCOM-SEV_2026-10")
    assert written == tmp_path / "RR_CSCOM-SEV_2026-10.xlsx"
    assert "Réquisition n° 1 enregistrée" in tab.message.text()
    read = read_requisition_workbook(written)
    assert read.problems == [] and read.checksum_matches
    assert read.requisition is not None
    assert read.requisition.status is RequisitionStatus.APPROVED
    (line,) = read.requisition.lines
    assert (line.requested, line.requested_packs) == (2100, 14)
    assert line.justification == "Campagne de dépistage de masse"

    # Opened again later, the approved requisition comes from the database.
    again = shown_tab(qtbot, app)
    assert again.status.text() == tab.status.text()
    assert plain(again.model.index(0, REQUESTED).data()) == "2 100 (14 cartons)"


def test_a_draft_exports_as_brouillon_with_its_edits(qtbot, tab, tmp_path, monkeypatch):
    model = tab.model
    assert model.setData(model.index(0, REMARKS), '=HYPERLINK("x")')
    offered = []

    def save_as(_parent, _title, name, _filter):
        offered.append(name)
        return str(tmp_path / name), ""

    monkeypatch.setattr(facility_tab.QFileDialog, "getSaveFileName", save_as)
    tab.export_button.click()
    assert offered == ["RR_CSCOM-SEV_2026-10.xlsx"]
    written = tmp_path / "RR_CSCOM-SEV_2026-10.xlsx"
    assert written.exists() and "Brouillon enregistré" in tab.message.text()
    assert "BROUILLON" in tab.message.text()
    read = read_requisition_workbook(written)
    assert read.requisition is not None and read.requisition.status is RequisitionStatus.DRAFT
    assert read.requisition.lines[0].remarks == '=HYPERLINK("x")'
    assert read.requisition.lines[0].requested == 1650


def test_export_to_an_unwritable_place_says_so(tab, tmp_path):
    assert tab.export_excel(tmp_path / "missing" / "RR.xlsx") is None
    assert "Réquisition non enregistrée" in tab.message.text()


def test_a_draft_made_stale_by_the_ledger_is_not_approved(qtbot, app, tab):
    services.dispense(app.uow(), app.ctx, FACILITY, "RUTF", 10, date(2026, 10, 30))
    dialog = approve(qtbot, tab, "Awa Traoré")
    assert dialog.isVisible()
    assert "Le registre a changé" in dialog.message.text()
    assert "recalculez-la" in dialog.message.text()
    assert list_requisitions(app.uow(), FACILITY) == []
    dialog.reject()
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.recalculate()
    approve(qtbot, tab, "Awa Traoré")
    assert "Approuvée — n° 1" in tab.status.text()


# --- revision --------------------------------------------------------------------------------


def approved_tab(qtbot, tab: FacilityRequisitionTab) -> FacilityRequisitionTab:
    """The tab once the director approved the computed draft as it is: n° 1, 1 650 sachets."""
    dialog = approve(qtbot, tab, "Awa Traoré")
    assert not dialog.isVisible()
    assert tab.status.text() == "Octobre 2026 · Approuvée — n° 1, par Awa Traoré le 21/11/2026"
    return tab


def test_a_revision_sends_a_new_number_with_the_same_ledger_figures(qtbot, app, tab, tmp_path):
    approved_tab(qtbot, tab)
    (first,) = list_requisitions(app.uow(), FACILITY)
    model = tab.model
    assert tab.revise_button.isVisibleTo(tab) and tab.revise_button.isEnabled()
    assert "remplace au district le fichier précédent" in tab.revise_button.toolTip()
    assert tab.cancel_revision_button.isHidden()

    tab.revise_button.click()
    assert tab.status.text() == (
        "Octobre 2026 · Révision de la réquisition n° 1 — les chiffres du registre restent "
        "ceux approuvés"
    )
    assert tab.revise_button.isHidden() and tab.cancel_revision_button.isVisibleTo(tab)
    assert tab.approve_button.text() == "A&pprouver la révision…"
    assert tab.approve_button.isEnabled()
    assert not tab.recalculate_button.isEnabled() and not tab.export_button.isEnabled()
    editable = [
        c for c in range(model.columnCount()) if model.flags(model.index(0, c)) & EDITABLE_FLAG
    ]
    assert editable == [REQUESTED, JUSTIFICATION, REMARKS]

    type_into_cell(qtbot, tab, REQUESTED, "2000")
    type_into_cell(qtbot, tab, JUSTIFICATION, "Afflux de deplaces")  # QTest: ASCII only
    assert cell(tab, REQUESTED) == "2 100 (14 cartons)"
    assert "1 ligne(s) modifiée(s)" in tab.status.text()
    assert cell(tab, ON_HAND) == "140" and cell(tab, CALCULATED) == "1 650 (11 cartons)"

    dialog = tab.open_approval()
    assert isinstance(dialog, ApprovalDialog)
    assert dialog.windowTitle() == "Approuver la révision"
    text = plain(" ".join(label.text() for label in dialog.findChildren(type(tab.status))))
    assert "nouvelle version de la réquisition d'octobre 2026, n° 2" in text
    assert "au district, elle remplace la réquisition n° 1" in text
    assert "Le mois d'octobre 2026 reste clos dans le registre" in text
    dialog.name.setText("Awa Traoré")
    dialog.approve_button.click()
    assert not dialog.isVisible()

    assert tab.status.text() == (
        "Octobre 2026 · Approuvée — n° 2 (révision de n° 1), par Awa Traoré le 21/11/2026"
    )
    assert "la réquisition n° 2 d'octobre 2026 remplace la n° 1" in tab.message.text()
    assert not model.flags(model.index(0, REQUESTED)) & EDITABLE_FLAG
    assert not tab.approve_button.isEnabled() and tab.approve_button.text() == "A&pprouver…"
    assert tab.cancel_revision_button.isHidden() and tab.revise_button.isVisibleTo(tab)
    (stored,) = list_requisitions(app.uow(), FACILITY)  # the newer version only
    assert (stored.sequence, stored.version) == (2, 2)
    assert stored.record_uuid == first.record_uuid
    # The month stays closed.
    with pytest.raises(DomainError, match="close"):
        services.dispense(app.uow(), app.ctx, FACILITY, "RUTF", 5, date(2026, 10, 25))

    written = tab.export_excel(tmp_path / "RR_CSCOM-SEV_2026-10-v2.xlsx")
    assert written is not None and "Réquisition n° 2 enregistrée" in tab.message.text()
    read = read_requisition_workbook(written)
    assert read.problems == [] and read.checksum_matches and read.requisition is not None
    assert (read.requisition.sequence, read.requisition.version) == (2, 2)
    assert read.requisition.record_uuid == first.record_uuid
    (line,) = read.requisition.lines
    assert (line.requested, line.requested_packs) == (2100, 14)
    assert line.justification == "Afflux de deplaces"
    assert (line.report.stock_on_hand, line.calculated) == (140, 1650)

    # Opened again later, the tab still says it is a newer version.
    again = shown_tab(qtbot, app)
    assert again.status.text() == (
        "Octobre 2026 · Approuvée — n° 2 (version 2), par Awa Traoré le 21/11/2026"
    )


def test_cancelling_a_revision_keeps_number_1_as_it_was(qtbot, app, tab, tmp_path, monkeypatch):
    approved_tab(qtbot, tab)
    tab.revise_button.click()
    model = tab.model
    assert model.setData(model.index(0, REMARKS), "Magasin inondé")
    assert cell(tab, REMARKS) == "Magasin inondé"
    # Another month and back, then a reload: the revision and its edit are still there.
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.month_box.setCurrentIndex(2)  # September: a draft, nothing to revise
    assert tab.revising is None and tab.cancel_revision_button.isHidden()
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.set_period(OCTOBER)
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.refresh()
    assert "Révision de la réquisition n° 1" in tab.status.text()
    assert cell(tab, REMARKS) == "Magasin inondé"
    answers = iter([False, True])
    monkeypatch.setattr(tab, "confirm_cancel_revision", lambda: next(answers))
    tab.cancel_revision_button.click()  # "Cancel" in the question: still revising
    assert "Révision de la réquisition n° 1" in tab.status.text()
    assert cell(tab, REMARKS) == "Magasin inondé"
    tab.cancel_revision_button.click()

    assert tab.status.text() == "Octobre 2026 · Approuvée — n° 1, par Awa Traoré le 21/11/2026"
    assert cell(tab, REMARKS) == ""
    assert not model.flags(model.index(0, REMARKS)) & EDITABLE_FLAG
    assert tab.cancel_revision_button.isHidden() and tab.revise_button.isVisibleTo(tab)
    assert tab.export_button.isEnabled() and not tab.approve_button.isEnabled()
    (stored,) = list_requisitions(app.uow(), FACILITY)
    assert (stored.sequence, stored.version) == (1, 1)
    written = tab.export_excel(tmp_path / "RR.xlsx")
    assert written is not None
    read = read_requisition_workbook(written)
    assert read.requisition is not None and read.requisition.sequence == 1
    assert read.requisition.lines[0].remarks == ""

    # Nothing changed: cancelling asks nothing.
    tab.revise_button.click()
    monkeypatch.setattr(tab, "confirm_cancel_revision", lambda: pytest.fail("asked"))
    tab.cancel_revision_button.click()
    assert "Approuvée — n° 1" in tab.status.text()


def test_a_revision_is_refused_without_justification_or_without_change(qtbot, app, tab):
    approved_tab(qtbot, tab)
    tab.revise_button.click()
    assert tab.open_approval() is None  # nothing changed yet
    assert "Révision sans changement" in tab.message.text()

    model = tab.model
    assert model.setData(model.index(0, REQUESTED), "2000")
    assert "⚠ 1 à justifier" in tab.status.text()
    assert tab.open_approval() is None
    assert "Approbation impossible" in tab.message.text()
    assert "écrivez une justification" in tab.message.text()
    assert tab.table.currentIndex().column() == JUSTIFICATION

    # Core refuses it too, in the dialog, when the tab's check is bypassed.
    revised = tab.revising
    assert revised is not None and model.requisition is not None
    dialog = ApprovalDialog(app, model.requisition, tab, replaces=revised)
    qtbot.addWidget(dialog)
    dialog.approve_button.click()
    assert "écrivez une justification" in dialog.message.text()
    (stored,) = list_requisitions(app.uow(), FACILITY)
    assert (stored.sequence, stored.version) == (1, 1)


def test_a_revision_overtaken_by_another_one_is_dropped(qtbot, app, tab):
    approved_tab(qtbot, tab)
    tab.revise_button.click()
    model = tab.model
    assert model.setData(model.index(0, REMARKS), "Magasin inondé")
    # Meanwhile the month is revised from the command line: n° 2.
    approved = requisition_for(app.uow(), app.ctx, FACILITY, OCTOBER)
    revise_requisition(
        app.uow(), app.ctx, edit_line(reopen_requisition(approved), "RUTF", remarks="x"), "DTC"
    )
    dialog = approve(qtbot, tab, "Awa Traoré")
    assert dialog.isVisible() and "révisée entre-temps (n° 2)" in dialog.message.text()
    dialog.reject()
    with qtbot.waitSignal(tab.requisition_shown, timeout=WAIT):
        tab.refresh()
    assert "La réquisition n° 1 a changé depuis le début de la révision" in tab.message.text()
    assert tab.status.text().startswith("Octobre 2026 · Approuvée — n° 2 (version 2)")
    assert cell(tab, REMARKS) == "x" and tab.revising is None


# --- models, main window, demo ---------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester, app):
    model = RequisitionModel()
    model.set_requisition(compute_requisition(app.uow(), app.ctx, FACILITY, OCTOBER))
    qtmodeltester.check(model)
    assert model.flags(model.index(0, REQUESTED)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, CALCULATED)) & Qt.ItemFlag.ItemIsEditable


def test_the_main_window_has_the_screen_after_the_forecast(qtbot, app, tmp_path):
    keys = [entry.key for entry in SCREENS]
    assert keys.index("requisitions") == keys.index("forecast") + 1
    entry = SCREENS[keys.index("requisitions")]
    assert entry.shortcut == "Ctrl+0"
    assert TABS[0][0] == "facility"
    ui = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ui.last_facility = FACILITY
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    window.show()
    screen = window.screen("requisitions")
    assert isinstance(screen, RequisitionScreen)
    assert window.nav.item(keys.index("requisitions")).text() == "Réquisitions"
    with qtbot.waitSignal(screen.facility_tab.requisition_shown, timeout=WAIT):
        window.show_screen("requisitions")
    assert screen.tabs.tabText(0) == "R&&R du mois"  # shown "R&R du mois", no accelerator
    assert screen.facility_tab.model.rowCount() == 1


def test_on_the_demo_every_line_matches_compute_requisition(qtbot, tmp_path):
    built = build_application(str(tmp_path / "demo.db"))
    app = replace(built, ctx=Context(device="poste-test", user="dtc", clock=lambda: NOW))
    load_demo(app.uow(), app.ctx, NOW.date())
    tab = shown_tab(qtbot, app, "CSCOM-SEVARE")
    expected = compute_requisition(app.uow(), app.ctx, "CSCOM-SEVARE", OCTOBER)
    assert tab.model.rowCount() == len(expected.lines) > 1
    for line in expected.lines:
        r = line.report
        shown = [cell(tab, c, line.product_code) for c in (BEGINNING, RECEIVED, CONSUMED, ON_HAND)]
        assert shown == [
            plain(f"{n:,}".replace(",", " "))
            for n in (r.beginning_balance, r.received, r.consumed, r.stock_on_hand)
        ]
