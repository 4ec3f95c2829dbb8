"""The "R&R du mois" tab keeps what the director typed across restarts: every accepted edit is
saved in the database, and a new window on the same database (as after a power cut) takes the
draft, or the revision, up again where it was left."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from core.application import Application
from core.requisition import edit_line
from core.requisition_drafts import LineEdit
from core.requisition_services import (
    draft_edits,
    list_requisitions,
    reopen_requisition,
    requisition_for,
    revise_requisition,
    save_draft_edits,
)
from core.services import Context
from gui.requisition.facility_model import JUSTIFICATION, REMARKS, REQUESTED
from gui.requisition.facility_tab import FacilityRequisitionTab
from main import build_application
from tests.gui import test_requisition_screen
from tests.gui.test_requisition_screen import (
    FACILITY,
    OCTOBER,
    WAIT,
    approve,
    cell,
    plain,
    shown_tab,
    type_into_cell,
)

#: the fixture of the tab's tests: DOMAIN.md §2's worked example at a CSCom, October to do
app = test_requisition_screen.app

#: the next morning, when the application is started again
MORNING = datetime(2026, 11, 22, 8, 30)
RESTORED = "Modifications enregistrées le 21/11/2026 à 12:00 reprises."


def restart(qtbot, app: Application, tmp_path: Path, user: str = "dtc") -> FacilityRequisitionTab:
    """Start the application again on the same database file (a new engine, nothing kept in
    memory) the next morning and show the tab; the caller closed the old window."""
    built = build_application(str(tmp_path / "requisition.db"))
    again = replace(built, ctx=Context(device="poste-test", user=user, clock=lambda: MORNING))
    return shown_tab(qtbot, again)


def saved(app: Application):
    return draft_edits(app.uow(), FACILITY, OCTOBER)


def test_a_typed_quantity_and_its_justification_are_back_after_a_restart(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    type_into_cell(qtbot, tab, REQUESTED, "2000")
    # Saved as soon as typed, even while the line still needs its justification.
    stored = saved(app)
    assert stored is not None and stored.revising is None
    assert dict(stored.edits) == {"RUTF": LineEdit(requested=2000)}
    type_into_cell(qtbot, tab, JUSTIFICATION, "Campagne PCIMA en novembre")  # QTest: ASCII
    stored = saved(app)
    assert stored is not None
    assert dict(stored.edits) == {
        "RUTF": LineEdit(requested=2000, justification="Campagne PCIMA en novembre")
    }
    assert (stored.saved_at, stored.saved_by) == (datetime(2026, 11, 21, 12, 0), "dtc")
    assert "reprises si l'application se ferme" in tab.status.toolTip()
    tab.window().close()

    again = restart(qtbot, app, tmp_path)
    assert again is not tab
    assert cell(again, REQUESTED) == "2 100 (14 cartons)"
    assert cell(again, JUSTIFICATION) == "Campagne PCIMA en novembre"
    assert again.status.text() == (
        "Octobre 2026 · Brouillon — calculé à partir du registre · 1 ligne(s) modifiée(s)"
    )
    assert again.message.isVisibleTo(again) and plain(again.message.text()) == RESTORED
    assert again.approve_button.isEnabled()  # justified: the director may approve it now
    # Going on typing in the new window adds to what was taken up.
    assert again.model.setData(again.model.index(0, REMARKS), "Magasin range")
    stored = saved(again.app)
    assert stored is not None and stored.saved_at == MORNING
    assert dict(stored.edits) == {
        "RUTF": LineEdit(2000, "Campagne PCIMA en novembre", "Magasin range")
    }


def test_someone_elses_edits_say_who_typed_them(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    assert tab.model.setData(tab.model.index(0, REMARKS), "Magasin range")
    tab.window().close()
    again = restart(qtbot, app, tmp_path, user="awa")
    assert cell(again, REMARKS) == "Magasin range"
    assert plain(again.message.text()) == (
        "Modifications enregistrées le 21/11/2026 à 12:00 par dtc reprises."
    )


def test_edits_back_to_the_calculated_values_leave_nothing_saved(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    type_into_cell(qtbot, tab, REQUESTED, "2000")
    assert saved(app) is not None
    assert tab.model.setData(tab.model.index(0, REQUESTED), "")  # back to the calculated one
    assert cell(tab, REQUESTED) == "1 650 (11 cartons)"
    assert saved(app) is None
    tab.window().close()
    again = restart(qtbot, app, tmp_path)
    assert not again.message.isVisibleTo(again)
    assert again.status.text() == "Octobre 2026 · Brouillon — calculé à partir du registre"


def test_recalculating_discards_the_saved_edits(qtbot, app, tmp_path, monkeypatch):
    tab = shown_tab(qtbot, app)
    type_into_cell(qtbot, tab, REQUESTED, "2000")
    tab.window().close()
    again = restart(qtbot, app, tmp_path)
    assert cell(again, REQUESTED) == "2 100 (14 cartons)"
    monkeypatch.setattr(again, "confirm_discard", lambda: True)
    with qtbot.waitSignal(again.requisition_shown, timeout=WAIT):
        again.recalculate()
    assert cell(again, REQUESTED) == "1 650 (11 cartons)"
    assert saved(app) is None
    assert not again.message.isVisibleTo(again)
    again.window().close()
    third = restart(qtbot, app, tmp_path)
    assert cell(third, REQUESTED) == "1 650 (11 cartons)"
    assert not third.message.isVisibleTo(third)


def test_approving_discards_the_saved_edits(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    type_into_cell(qtbot, tab, REQUESTED, "2000")
    type_into_cell(qtbot, tab, JUSTIFICATION, "Campagne PCIMA")
    tab.window().close()
    again = restart(qtbot, app, tmp_path)
    dialog = approve(qtbot, again, "Awa Traore")
    assert not dialog.isVisible()
    assert again.status.text().startswith("Octobre 2026 · Approuvée — n° 1, par Awa Traore")
    assert saved(app) is None
    (stored,) = list_requisitions(app.uow(), FACILITY)
    assert stored.sequence == 1
    again.window().close()
    third = restart(qtbot, app, tmp_path)
    assert third.status.text().startswith("Octobre 2026 · Approuvée — n° 1")
    assert cell(third, REQUESTED) == "2 100 (14 cartons)"  # as approved
    assert not third.message.isVisibleTo(third) and third.revising is None


def test_a_revision_is_taken_up_again_after_a_restart(qtbot, app, tmp_path, monkeypatch):
    tab = shown_tab(qtbot, app)
    approve(qtbot, tab, "Awa Traore")
    tab.revise_button.click()
    type_into_cell(qtbot, tab, REQUESTED, "2000")
    type_into_cell(qtbot, tab, JUSTIFICATION, "Afflux de deplaces")
    stored = saved(app)
    assert stored is not None and stored.revising == 1
    tab.window().close()

    again = restart(qtbot, app, tmp_path)
    assert again.revising is not None and again.revising.sequence == 1
    assert again.status.text() == (
        "Octobre 2026 · Révision de la réquisition n° 1 — les chiffres du registre restent "
        "ceux approuvés · 1 ligne(s) modifiée(s)"
    )
    assert plain(again.message.text()) == RESTORED
    assert cell(again, REQUESTED) == "2 100 (14 cartons)"
    assert cell(again, JUSTIFICATION) == "Afflux de deplaces"
    assert again.cancel_revision_button.isVisibleTo(again) and again.revise_button.isHidden()
    assert again.approve_button.text() == "A&pprouver la révision…"

    # Cancelling it there forgets it for good.
    monkeypatch.setattr(again, "confirm_cancel_revision", lambda: True)
    again.cancel_revision_button.click()
    assert saved(app) is None
    assert again.status.text().startswith("Octobre 2026 · Approuvée — n° 1")
    again.window().close()
    third = restart(qtbot, app, tmp_path)
    assert third.revising is None and cell(third, REQUESTED) == "1 650 (11 cartons)"


def test_a_revision_taken_up_is_approved_as_number_2(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    approve(qtbot, tab, "Awa Traore")
    tab.revise_button.click()
    assert tab.model.setData(tab.model.index(0, REMARKS), "Magasin inonde")
    tab.window().close()
    again = restart(qtbot, app, tmp_path)
    dialog = approve(qtbot, again, "Awa Traore")
    assert not dialog.isVisible()
    assert again.status.text().startswith("Octobre 2026 · Approuvée — n° 2 (révision de n° 1)")
    assert saved(app) is None
    (stored,) = list_requisitions(app.uow(), FACILITY)
    assert (stored.sequence, stored.version) == (2, 2)
    assert requisition_for(app.uow(), app.ctx, FACILITY, OCTOBER).lines[0].remarks == (
        "Magasin inonde"
    )


def test_a_saved_revision_of_an_older_number_is_dropped_with_the_reason(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    approve(qtbot, tab, "Awa Traore")
    tab.window().close()
    # The month is revised from the command line (n° 2) while another window still holds
    # its revision of n° 1, which it saves afterwards.
    approved = requisition_for(app.uow(), app.ctx, FACILITY, OCTOBER)
    revise_requisition(
        app.uow(), app.ctx, edit_line(reopen_requisition(approved), "RUTF", remarks="x"), "DTC"
    )
    save_draft_edits(
        app.uow(), app.ctx, FACILITY, OCTOBER, {"RUTF": LineEdit(remarks="y")}, revising=1
    )

    again = restart(qtbot, app, tmp_path)
    assert plain(again.message.text()) == (
        "⚠ La réquisition n° 1 a changé depuis le début de la révision (elle est maintenant "
        "n° 2) : révisez la dernière version."
    )
    assert again.revising is None
    assert again.status.text().startswith("Octobre 2026 · Approuvée — n° 2 (version 2)")
    assert cell(again, REMARKS) == "x"
    assert saved(app) is None


def test_a_drafts_saved_edits_no_longer_apply_once_the_month_is_approved(qtbot, app, tmp_path):
    tab = shown_tab(qtbot, app)
    approve(qtbot, tab, "Awa Traore")
    tab.window().close()
    # Saved after the approval by a window that still showed the draft.
    save_draft_edits(app.uow(), app.ctx, FACILITY, OCTOBER, {"RUTF": LineEdit(remarks="y")})
    again = restart(qtbot, app, tmp_path)
    assert plain(again.message.text()) == (
        "⚠ Les modifications enregistrées le 21/11/2026 à 12:00 ne s'appliquent plus : la "
        "réquisition d'octobre 2026 a été approuvée entre-temps (n° 1)."
    )
    assert again.revising is None and cell(again, REMARKS) == ""
    assert saved(app) is None
