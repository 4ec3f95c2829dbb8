"""ExchangeScreen (being built)."""

from gui.screen import Screen


class ExchangeScreen(Screen):
    pass
