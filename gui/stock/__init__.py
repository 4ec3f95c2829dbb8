"""The stock screen: every product's stock position, searchable and filtered by programme."""

from gui.stock.screen import StockScreen

__all__ = ["StockScreen"]
