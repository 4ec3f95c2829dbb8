"""The dashboard: a facility's products at risk first (rupture, urgence, péremption)."""

from gui.dashboard.screen import DashboardScreen

__all__ = ["DashboardScreen"]
