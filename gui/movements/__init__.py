"""MovementsScreen (being built)."""

from gui.screen import Screen


class MovementsScreen(Screen):
    pass
