"""CountScreen (being built)."""

from gui.screen import Screen


class CountScreen(Screen):
    pass
