"""The Réquisitions screen: the facility's monthly R&R, one tab per view of the requisitions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from core.application import Application
from gui.requisition.consolidated_tab import ConsolidatedRequisitionTab
from gui.requisition.delivery_tab import DeliveryReceiptTab
from gui.requisition.district_tab import DistrictRequisitionTab
from gui.requisition.facility_tab import FacilityRequisitionTab
from gui.screen import Screen

CONTEXT = "RequisitionScreen"

# (key, class, French title), in the order of the tabs. Every tab class takes the application,
# has set_facility(code) and refresh(), and signals data_changed and status_message(str).
TABS: tuple[tuple[str, Any, str], ...] = (
    ("facility", FacilityRequisitionTab, QT_TRANSLATE_NOOP("RequisitionScreen", "R&R du mois")),
    ("district", DistrictRequisitionTab, QT_TRANSLATE_NOOP("RequisitionScreen", "District")),
    (
        "consolidated",
        ConsolidatedRequisitionTab,
        QT_TRANSLATE_NOOP("RequisitionScreen", "Vue consolidée"),
    ),
    (
        "deliveries",
        DeliveryReceiptTab,
        QT_TRANSLATE_NOOP("RequisitionScreen", "Livraisons reçues"),
    ),
)


class RequisitionScreen(Screen):
    """Every tab gets the facility; a tab that stored something (an approval) makes the others
    reload the next time they are shown, and `refresh()` reloads the visible tab."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        # Fusion draws unselected tabs lower and clips accents ("É"): give them headroom.
        self.tabs.setStyleSheet("QTabBar::tab { padding: 6px 12px 5px 12px; }")
        self.pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        for key, cls, title in TABS:
            page: QWidget = cls(app)
            page.data_changed.connect(lambda k=key: self._on_data_changed(k))  # type: ignore[attr-defined]
            page.status_message.connect(self.status_message)  # type: ignore[attr-defined]
            self.pages[key] = page
            # "&" would make the R of "R&R" a keyboard accelerator: "&&" shows one "&".
            self.tabs.addTab(page, QCoreApplication.translate(CONTEXT, title).replace("&", "&&"))
        layout.addWidget(self.tabs)
        self.facility_tab: FacilityRequisitionTab = self.pages["facility"]  # type: ignore[assignment]
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
        """Show a tab by its key ("facility")."""
        if isinstance(item, str) and item in self.pages:
            self.show_tab(item)

    def _on_data_changed(self, key: str) -> None:
        # An approval closes a month, delivery notes and receipts post movements: the other
        # screens reload too.
        self._stale |= {k for k in self.pages if k != key}
        self.ledger_changed.emit()

    def _on_tab_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        for key, page in self.pages.items():
            if page is current and key in self._stale:
                self._stale.discard(key)
                page.refresh()  # type: ignore[attr-defined]
