"""Cells of the workbooks SahelStock writes: text that never turns into a formula."""

from __future__ import annotations

from typing import Any


def text_cell(sheet: Any, row: int, column: int, value: str) -> Any:
    """A text cell that stays text: never a formula, whatever its first character."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = sheet.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
    return cell
