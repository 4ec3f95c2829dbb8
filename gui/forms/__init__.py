"""Entry forms (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.application import Application


def open_entry_form(kind: str, app: Application, facility: str, parent: QWidget) -> bool:
    """Open the form for `kind` (receipt, issue, transfer, loss) modally; True if it saved."""
    return False
