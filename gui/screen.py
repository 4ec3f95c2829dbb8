"""The base of every screen: the wired application, the current facility, a refresh hook; the
pages that load only while seen, the screens made of tabs, and their dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from core.application import Application

if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object

D = TypeVar("D", bound=QDialog)


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


class RefreshWhenShown(_Widget):
    """A page that loads only while it is seen (a hidden page costs nothing): `refresh()`
    reloads now when the page is visible, else when it is next shown. Listed before the Qt
    class among the bases; the page implements `_reload()`, which clears `_stale`."""

    _stale = True  # nothing loaded yet, or a refresh was asked while hidden

    def refresh(self) -> None:
        """Reload now when the page is visible, else when it is next shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        raise NotImplementedError


class ScreenTab(RefreshWhenShown, QWidget):
    """A tab of a TabbedScreen: built from the application, told the current facility, loaded
    only while seen (it implements `_reload()`). It signals when it stored something, so the
    other tabs reload, and what the status bar should say."""

    #: the tab stored something: the other tabs and screens reload
    data_changed = Signal()
    #: a short message for the status bar
    status_message = Signal(str)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None
        self._stale = True

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()


def open_dialog(
    owner: object, attribute: str, dialog: D, on_closed: Callable[[], None] | None = None
) -> D:
    """Show `dialog` window-modal, kept as `owner.<attribute>` while it is open (where the
    owner and the tests reach it); once closed it is forgotten and deleted, then `on_closed`
    runs."""

    def closed(_result: int) -> None:
        if getattr(owner, attribute) is dialog:
            setattr(owner, attribute, None)
        dialog.deleteLater()
        if on_closed is not None:
            on_closed()

    dialog.finished.connect(closed)
    setattr(owner, attribute, dialog)
    dialog.open()
    return dialog


class TabbedScreen(Screen):
    """A screen made of tabs, given as (key, class, French title marked with
    QT_TRANSLATE_NOOP in `context`). Every tab class takes the application, has
    set_facility(code) and refresh(), and signals data_changed and status_message(str), as
    ScreenTab does.

    Every tab gets the facility; a tab that stored something makes the others reload the next
    time they are shown, and `refresh()` reloads the visible tab."""

    def __init__(
        self,
        app: Application,
        tabs: tuple[tuple[str, Any, str], ...],
        context: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        # Fusion draws unselected tabs lower and clips accents ("É"): give them headroom.
        self.tabs.setStyleSheet("QTabBar::tab { padding: 6px 12px 5px 12px; }")
        self.pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        for key, cls, title in tabs:
            page: QWidget = cls(app)
            page.data_changed.connect(lambda k=key: self._on_data_changed(k))  # type: ignore[attr-defined]
            page.status_message.connect(self.status_message)  # type: ignore[attr-defined]
            self.pages[key] = page
            # "&" would make the R of "R&R" a keyboard accelerator: "&&" shows one "&".
            self.tabs.addTab(page, QCoreApplication.translate(context, title).replace("&", "&&"))
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def tab(self, key: str) -> QWidget:
        return self.pages[key]

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentWidget(self.pages[key])
        return self.pages[key]

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self._stale.clear()
        for page in self.pages.values():
            page.set_facility(code)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        """Reload the visible tab now, the others when they are next shown."""
        current = self.tabs.currentWidget()
        self._stale = {k for k, page in self.pages.items() if page is not current}
        if current is not None:
            current.refresh()  # type: ignore[attr-defined]

    def open_item(self, item: object) -> None:
        """Show a tab by its key."""
        if isinstance(item, str) and item in self.pages:
            self.show_tab(item)

    def _on_data_changed(self, key: str) -> None:
        self._stale |= {k for k in self.pages if k != key}

    def _on_tab_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        for key, page in self.pages.items():
            if page is current and key in self._stale:
                self._stale.discard(key)
                page.refresh()  # type: ignore[attr-defined]
