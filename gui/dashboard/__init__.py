"""DashboardScreen (being built)."""

from gui.screen import Screen


class DashboardScreen(Screen):
    pass
