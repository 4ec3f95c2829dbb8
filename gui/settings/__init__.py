"""The settings screen: stock policy by product or category, facility details, language."""

from gui.settings.screen import SettingsScreen

__all__ = ["SettingsScreen"]
