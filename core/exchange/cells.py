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


# --- reading back what SahelStock wrote ------------------------------------------------------

NOT_EXCEL = (
    "ce fichier n'est pas un classeur Excel .xlsx lisible (fichier tronqué, abîmé ou d'un "
    "autre format) ; demandez à l'expéditeur de l'exporter de nouveau."
)


class UnreadableWorkbook(Exception):
    """The file is not a readable .xlsx or lacks the sheet; str(exc) says so in French."""


def read_sheet(path: Any, sheet: str, max_bytes: int, what: str) -> list[list[Any]]:
    """The cells of one sheet of a workbook SahelStock wrote, as Python values (empty cells
    None). A truncated or renamed file, a zip bomb or a missing sheet raises
    UnreadableWorkbook; `what` names the kind of file in the message (« une réquisition »)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            damaged = archive.testzip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableWorkbook(NOT_EXCEL) from None
    if damaged is not None:
        raise UnreadableWorkbook(NOT_EXCEL)
    if expanded > max_bytes:
        raise UnreadableWorkbook(f"ce classeur est beaucoup trop gros pour {what}.")
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            if sheet not in workbook.sheet_names:
                raise UnreadableWorkbook(
                    f"la feuille « {sheet} » manque : ce classeur n'est pas {what} exportée "
                    "par SahelStock."
                )
            cells = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except UnreadableWorkbook:
        raise
    except Exception:  # the Rust reader raises several kinds of error on a damaged file
        raise UnreadableWorkbook(NOT_EXCEL) from None
    return [list(row) for row in cells]


def cell_text(value: Any) -> str:
    """A read cell as text: None → "", 12.0 → "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_int(value: Any) -> int | None:
    """A read cell as a whole number, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def sahelstock_format(path: Any) -> str:
    """The `format` a SahelStock workbook declares on its data sheet (« sahelstock-
    requisition », « sahelstock-delivery-note »), or "" for any other file."""
    import zipfile
    from pathlib import Path

    if Path(path).suffix.lower() != ".xlsx" or not zipfile.is_zipfile(path):
        return ""
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            if "Données" not in workbook.sheet_names:
                return ""
            rows = workbook.get_sheet_by_name("Données").to_python(nrows=3)
    except Exception:  # a damaged workbook is for the importer to explain
        return ""
    for row in rows:
        if len(row) > 1 and row[0] == "format":
            return cell_text(row[1])
    return ""
