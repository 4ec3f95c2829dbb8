"""The Import / Export screen: the movements template, and checked imports of filled-in files."""

from gui.exchange.screen import ExchangeScreen

__all__ = ["ExchangeScreen"]
