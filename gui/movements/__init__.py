"""The movements screen: the facility's ledger, paged, filtered, with reversal of an entry."""

from gui.movements.screen import MovementsScreen

__all__ = ["MovementsScreen"]
