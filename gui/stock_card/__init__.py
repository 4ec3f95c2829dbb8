"""The stock card screen (fiche de stock): movements, running balances and the stock chart."""

from gui.stock_card.screen import StockCardScreen

__all__ = ["StockCardScreen"]
