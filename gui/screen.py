"""The base of every screen: the wired application, the current facility, a refresh hook."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from core.application import Application


class Screen(QWidget):
    """A page of the main window. Subclasses fill `refresh()` from services for `facility`."""

    #: emitted when the screen changed the ledger, so other screens know to reload
    ledger_changed = Signal()
    #: a short message for the status bar
    status_message = Signal(str)
    #: ask the main window to show another screen on an item: (screen key, item), e.g.
    #: ("card", "RUTF") opens the stock card of RUTF
    navigate = Signal(str, object)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()

    def refresh(self) -> None:
        """Reload what the screen shows; called when the facility changes or the ledger did."""

    def open_item(self, item: object) -> None:
        """Show one item (a product code, a movement uuid…) when another screen asks to."""
