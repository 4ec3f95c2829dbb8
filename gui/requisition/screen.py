"""The Réquisitions screen: the facility's monthly R&R, one tab per view of the requisitions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from core.application import Application
from gui.requisition.consolidated_tab import ConsolidatedRequisitionTab
from gui.requisition.delivery_tab import DeliveryReceiptTab
from gui.requisition.district_tab import DistrictRequisitionTab
from gui.requisition.facility_tab import FacilityRequisitionTab
from gui.screen import TabbedScreen

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


class RequisitionScreen(TabbedScreen):
    """Every tab gets the facility; a tab that stored something (an approval) makes the others
    reload the next time they are shown, and `refresh()` reloads the visible tab."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, TABS, CONTEXT, parent)
        self.facility_tab: FacilityRequisitionTab = self.pages["facility"]  # type: ignore[assignment]

    def _on_data_changed(self, key: str) -> None:
        # An approval closes a month, delivery notes and receipts post movements: the other
        # screens reload too.
        super()._on_data_changed(key)
        self.ledger_changed.emit()
