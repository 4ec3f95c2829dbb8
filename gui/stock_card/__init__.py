"""StockCardScreen (being built)."""

from gui.screen import Screen


class StockCardScreen(Screen):
    pass
