"""Entry forms: receipt, dispensing, transfer, loss / adjustment, and reversal of an entry."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from core.application import Application
from gui.forms.common import EntryForm
from gui.forms.loss import LossForm
from gui.forms.outgoing import IssueForm, TransferForm
from gui.forms.receipt import ReceiptForm
from gui.forms.reversal import ReversalDialog

FORM_KINDS = ("receipt", "issue", "transfer", "loss", "adjustment")


def make_entry_form(
    kind: str, app: Application, facility: str, parent: QWidget | None = None
) -> EntryForm:
    """The form for `kind`, not yet shown (tests fill it and call its save path directly)."""
    if kind == "receipt":
        return ReceiptForm(app, facility, parent)
    if kind == "issue":
        return IssueForm(app, facility, parent)
    if kind == "transfer":
        return TransferForm(app, facility, parent)
    if kind in ("loss", "adjustment"):
        return LossForm(app, facility, parent, adjustment=kind == "adjustment")
    raise ValueError(f"unknown entry form {kind!r}")


def open_entry_form(kind: str, app: Application, facility: str, parent: QWidget) -> bool:
    """Open the form for `kind` (receipt, issue, transfer, loss) modally; True if it saved.
    The confirmation goes to the status bar of the window that opened it."""
    form = make_entry_form(kind, app, facility, parent)
    saved = form.exec() == QDialog.DialogCode.Accepted
    window = parent.window() if parent is not None else None
    if saved and isinstance(window, QMainWindow):
        window.statusBar().showMessage(form.confirmation, 8000)
    form.deleteLater()
    return saved


__all__ = [
    "FORM_KINDS",
    "EntryForm",
    "IssueForm",
    "LossForm",
    "ReceiptForm",
    "ReversalDialog",
    "TransferForm",
    "make_entry_form",
    "open_entry_form",
]
