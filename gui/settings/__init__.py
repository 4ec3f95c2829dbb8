"""SettingsScreen (being built)."""

from gui.screen import Screen


class SettingsScreen(Screen):
    pass
