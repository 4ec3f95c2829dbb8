"""What the director typed into a requisition not yet approved (a draft, or a revision of an
approved one): per product, the requested quantity, justification and remarks as typed. Saved
as they are typed, so that a power cut or a closed window loses nothing; scratch work, not the
ledger: a saved set replaces the previous one and approval discards it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from core.errors import DomainError
from core.requisition import MAX_TEXT

MAX_REQUESTED = 999_999_999  # base units; more is a slip of the keyboard


@dataclass(frozen=True, slots=True)
class LineEdit:
    """What the user changed on one line; None where the line keeps the computed value.
    `requested` is the quantity as typed, before rounding up to whole packs."""

    requested: int | None = None
    justification: str | None = None
    remarks: str | None = None

    def merged(self, other: LineEdit) -> LineEdit:
        return LineEdit(
            other.requested if other.requested is not None else self.requested,
            other.justification if other.justification is not None else self.justification,
            other.remarks if other.remarks is not None else self.remarks,
        )


@dataclass(frozen=True, slots=True)
class SavedEdits:
    """The edits saved for one facility and month. `revising` is the sequence number of the
    approved requisition they revise, None for a draft's edits."""

    edits: Mapping[str, LineEdit] = field(default_factory=dict)
    revising: int | None = None
    saved_at: datetime | None = None
    saved_by: str = ""


def check_edits(edits: Mapping[str, LineEdit]) -> None:
    """Edits that may be saved: a product code each, a requested quantity of 0 to
    MAX_REQUESTED base units, texts of MAX_TEXT characters at most (as edit_line counts them).
    The first problem is raised, naming its product."""
    for code, edit in edits.items():
        if not code.strip():
            raise DomainError("Une modification de la réquisition n'indique pas son produit.")
        if edit.requested is not None and not 0 <= edit.requested <= MAX_REQUESTED:
            raise DomainError(
                f"{code} : la quantité demandée doit être comprise entre 0 et "
                f"{MAX_REQUESTED} (saisi : {edit.requested})."
            )
        for what, text in (("Justification", edit.justification), ("Observations", edit.remarks)):
            if text is not None and len(" ".join(text.split())) > MAX_TEXT:
                raise DomainError(f"{code} – {what} : {MAX_TEXT} caractères au plus.")
