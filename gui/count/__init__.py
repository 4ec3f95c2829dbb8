"""The physical count screen (inventaire): count sheet, counts entered, adjustments recorded."""

from gui.count.screen import CountScreen

__all__ = ["CountScreen"]
