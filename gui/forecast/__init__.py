"""The forecast screen: stock-out risk by product, forecast chart, explanation, pending orders."""

from gui.forecast.screen import ForecastScreen

__all__ = ["ForecastScreen"]
