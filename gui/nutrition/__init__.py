"""The Nutrition (PCIMA) screen: screening and programme registers, report, RUTF needs, charts."""

from gui.nutrition.screen import NutritionScreen

__all__ = ["NutritionScreen"]
