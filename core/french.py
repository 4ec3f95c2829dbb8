"""How core writes French for users: month names and whole numbers."""

from __future__ import annotations

from datetime import date

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def month_year_fr(day: date) -> str:
    """« mars 2026 »."""
    return f"{MONTHS_FR[day.month - 1]} {day.year}"


def int_fr(value: int) -> str:
    """12 345 as French writes it, with a narrow no-break space between thousands."""
    return f"{value:,}".replace(",", "\u202f")
