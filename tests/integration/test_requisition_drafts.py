"""What the director types into a requisition not yet approved is saved as it is typed, read back
after a restart, replaced by the next save and discarded at approval."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from core import services
from core.errors import DomainError, NotFound
from core.requisition import edit_line
from core.requisition_drafts import LineEdit
from core.requisition_services import (
    approve_requisition,
    compute_requisition,
    discard_draft_edits,
    draft_edits,
    reopen_requisition,
    requisition_for,
    revise_requisition,
    save_draft_edits,
)
from core.services import Context
from db.engine import Database
from db.uow import SqlAlchemyUnitOfWork
from tests.integration.conftest import TODAY
from tests.integration.test_requisition import OCTOBER, worked_example

BACKENDS = ("sqlite", "postgresql")
SEPTEMBER = date(2026, 9, 1)
WHY = "Campagne de dépistage de masse « PCIMA » en novembre"


def stored_rows(database: Database) -> list[tuple[str, str, int | None, dict[str, object]]]:
    """The table as it is: facility code, month, revised number, edits."""
    with database.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT f.code, d.period, d.revising, d.edits FROM requisition_drafts d "
                "JOIN facilities f ON f.id = d.facility_id ORDER BY f.code, d.period"
            )
        ).all()
    return [
        (code, str(period), revising, json.loads(edits)) for code, period, revising, edits in rows
    ]


def test_saved_edits_are_read_back_as_typed_with_who_and_when(uow, ctx, facilities, database):
    _, cscom = facilities
    edits = {
        "RUTF": LineEdit(requested=2000, justification=WHY),
        "AMOX250D": LineEdit(remarks="Magasin rangé"),
    }
    saved = save_draft_edits(uow, ctx, cscom, date(2026, 10, 17), edits)  # any day of the month
    assert saved is not None and saved.saved_at == TODAY

    read = draft_edits(uow, cscom, OCTOBER)
    assert read is not None
    assert dict(read.edits) == edits
    assert (read.revising, read.saved_at, read.saved_by) == (None, TODAY, "dtc")
    assert draft_edits(uow, cscom, SEPTEMBER) is None  # another month: nothing
    # One row for the month; the edits as JSON, null where the line keeps the computed value.
    assert stored_rows(database) == [
        (
            cscom,
            "2026-10-01",
            None,
            {
                "RUTF": {"requested": 2000, "justification": WHY, "remarks": None},
                "AMOX250D": {"requested": None, "justification": None, "remarks": "Magasin rangé"},
            },
        )
    ]


def test_a_new_save_replaces_the_previous_one_of_the_same_month_only(
    uow, ctx, facilities, database
):
    csref, cscom = facilities
    save_draft_edits(uow, ctx, cscom, OCTOBER, {"RUTF": LineEdit(requested=2000)})
    save_draft_edits(uow, ctx, cscom, SEPTEMBER, {"RUTF": LineEdit(remarks="Septembre")})
    save_draft_edits(uow, ctx, csref, OCTOBER, {"RUTF": LineEdit(remarks="District")})
    later = Context(device="poste-2", user="awa", clock=lambda: TODAY.replace(hour=14, minute=5))
    save_draft_edits(
        uow, later, cscom, OCTOBER, {"RUTF": LineEdit(2100, WHY), "ALB400": LineEdit(remarks="x")}
    )

    read = draft_edits(uow, cscom, OCTOBER)
    assert read is not None
    assert dict(read.edits) == {"RUTF": LineEdit(2100, WHY), "ALB400": LineEdit(remarks="x")}
    assert (read.saved_by, read.saved_at) == ("awa", TODAY.replace(hour=14, minute=5))
    assert [(code, period) for code, period, _, _ in stored_rows(database)] == [
        (cscom, "2026-09-01"),
        (cscom, "2026-10-01"),
        (csref, "2026-10-01"),
    ]
    september = draft_edits(uow, cscom, SEPTEMBER)
    assert september is not None and dict(september.edits) == {
        "RUTF": LineEdit(remarks="Septembre")
    }


def test_discarding_or_saving_nothing_leaves_nothing(uow, ctx, facilities, database):
    csref, cscom = facilities
    save_draft_edits(uow, ctx, cscom, OCTOBER, {"RUTF": LineEdit(requested=2000)})
    save_draft_edits(uow, ctx, csref, OCTOBER, {"RUTF": LineEdit(requested=300)})
    discard_draft_edits(uow, cscom, OCTOBER)
    assert draft_edits(uow, cscom, OCTOBER) is None
    assert draft_edits(uow, csref, OCTOBER) is not None  # the other facility keeps its own
    discard_draft_edits(uow, cscom, OCTOBER)  # nothing saved: nothing to do

    assert save_draft_edits(uow, ctx, csref, OCTOBER, {}) is None  # an empty set discards
    assert draft_edits(uow, csref, OCTOBER) is None
    assert stored_rows(database) == []


def test_an_unknown_facility_or_an_invalid_edit_is_refused_and_nothing_changes(
    uow, ctx, facilities
):
    _, cscom = facilities
    with pytest.raises(NotFound, match="Établissement CSCOM-XXX inconnu"):
        save_draft_edits(uow, ctx, "CSCOM-XXX", OCTOBER, {"RUTF": LineEdit(requested=1)})
    with pytest.raises(NotFound, match="CSCOM-XXX"):
        draft_edits(uow, "CSCOM-XXX", OCTOBER)
    with pytest.raises(NotFound, match="CSCOM-XXX"):
        discard_draft_edits(uow, "CSCOM-XXX", OCTOBER)

    kept = {"RUTF": LineEdit(requested=2000)}
    save_draft_edits(uow, ctx, cscom, OCTOBER, kept)
    with pytest.raises(DomainError, match="RUTF : la quantité demandée doit être comprise"):
        save_draft_edits(uow, ctx, cscom, OCTOBER, {"RUTF": LineEdit(requested=-5)})
    with pytest.raises(DomainError, match="ALB400 – Observations : 500 caractères au plus"):
        save_draft_edits(uow, ctx, cscom, OCTOBER, {"ALB400": LineEdit(remarks="x" * 501)})
    with pytest.raises(DomainError, match="réquisition révisée"):
        save_draft_edits(uow, ctx, cscom, OCTOBER, kept, revising=0)
    read = draft_edits(uow, cscom, OCTOBER)
    assert read is not None and dict(read.edits) == kept


def test_approval_discards_the_saved_edits_of_its_month_in_the_same_transaction(
    uow: SqlAlchemyUnitOfWork, ctx, facilities
):
    csref, cscom = facilities
    worked_example(uow, ctx, cscom)
    edits = {"RUTF": LineEdit(requested=2000, justification=WHY)}
    save_draft_edits(uow, ctx, cscom, OCTOBER, edits)
    save_draft_edits(uow, ctx, csref, OCTOBER, {"RUTF": LineEdit(remarks="District")})
    # September's draft was never approved: approving October closes September too.
    save_draft_edits(uow, ctx, cscom, SEPTEMBER, {"RUTF": LineEdit(remarks="Septembre")})
    draft = edit_line(compute_requisition(uow, ctx, cscom, OCTOBER), "RUTF", 2000, WHY)

    # A refused approval (the ledger changed since the draft) keeps them.
    services.dispense(uow, ctx, cscom, "RUTF", 10, date(2026, 10, 30))
    with pytest.raises(DomainError, match="Le registre a changé"):
        approve_requisition(uow, ctx, draft, "Awa Traoré")
    assert draft_edits(uow, cscom, OCTOBER) is not None

    draft = edit_line(compute_requisition(uow, ctx, cscom, OCTOBER), "RUTF", 2000, WHY)
    approved = approve_requisition(uow, ctx, draft, "Awa Traoré")
    assert approved.sequence == 1 and approved.lines[0].requested == 2100
    assert draft_edits(uow, cscom, OCTOBER) is None
    assert draft_edits(uow, cscom, SEPTEMBER) is None  # closed with October: nothing to keep
    assert draft_edits(uow, csref, OCTOBER) is not None  # another facility's month stays


def test_a_revisions_edits_keep_the_number_they_revise_until_it_is_approved(
    uow, ctx, facilities, database
):
    _, cscom = facilities
    worked_example(uow, ctx, cscom)
    first = approve_requisition(
        uow, ctx, compute_requisition(uow, ctx, cscom, OCTOBER), "Awa Traoré"
    )
    assert first.sequence == 1
    edits = {"RUTF": LineEdit(requested=2000, justification="Afflux de déplacés")}
    save_draft_edits(uow, ctx, cscom, OCTOBER, edits, revising=first.sequence)

    read = draft_edits(uow, cscom, OCTOBER)
    assert read is not None and read.revising == 1 and dict(read.edits) == edits
    assert stored_rows(database)[0][2] == 1

    shown = requisition_for(uow, ctx, cscom, OCTOBER)  # what a restarted window shows
    assert shown.sequence == read.revising
    revised = reopen_requisition(shown)
    for code, edit in read.edits.items():
        revised = edit_line(revised, code, edit.requested, edit.justification, edit.remarks)
    second = revise_requisition(uow, ctx, revised, "Awa Traoré")
    assert (second.sequence, second.version) == (2, 2)
    assert second.lines[0].requested == 2100
    assert draft_edits(uow, cscom, OCTOBER) is None
    assert stored_rows(database) == []
