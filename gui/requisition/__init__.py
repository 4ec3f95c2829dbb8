"""The Réquisitions screen: the facility's monthly R&R (Report & Requisition)."""

from gui.requisition.screen import RequisitionScreen

__all__ = ["RequisitionScreen"]
