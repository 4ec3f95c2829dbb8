"""Stock movements from Excel or CSV files, and the Excel template users fill in."""

from __future__ import annotations

import calendar
import csv
import io
import logging
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from core.catalogue import Product
from core.facilities import Facility, fold
from core.ledger import (
    KIND_LABELS_FR,
    LOSS_REASONS,
    REASON_LABELS_FR,
    REASON_SIGN,
    MovementKind,
    Reason,
)

log = logging.getLogger(__name__)

SHEET_NAME = "Mouvements"
INSTRUCTIONS_SHEET = "Instructions"
LISTS_SHEET = "Listes"
_MB = 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * _MB
TEMPLATE_ROWS = 5000
MAX_QUANTITY = 999_999_999
# Widths of the columns of the ledger tables (core.ports / db.tables).
MAX_CODE = 40
MAX_LOT = 60
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the movements file: its French heading and the headings also accepted."""

    key: str
    heading: str
    english: str
    aliases: frozenset[str]


def _column(key: str, heading: str, english: str, *others: str) -> Column:
    return Column(key, heading, english, frozenset(fold(h) for h in (heading, english, *others)))


COLUMNS: tuple[Column, ...] = (
    _column("date", "Date", "date", "date du mouvement", "jour"),
    _column("facility", "Établissement", "facility", "code établissement", "facility code", "site"),
    _column("product", "Produit", "product", "code produit", "product code", "article"),
    _column("movement", "Mouvement", "movement", "type de mouvement", "type", "kind"),
    _column("quantity", "Quantité", "quantity", "qté", "qte"),
    _column("lot", "Lot", "lot", "numéro de lot", "n° de lot", "n° lot", "lot number"),
    _column("expiry", "Péremption", "expiry", "date de péremption", "expiry date", "expiration"),
    _column("reason", "Motif", "reason"),
    _column("reference", "Référence", "reference", "réf", "ref"),
)
HEADINGS_FR: tuple[str, ...] = tuple(c.heading for c in COLUMNS)
_HEADING = {c.key: c.heading for c in COLUMNS}

_KIND_WORDS: dict[MovementKind, tuple[str, ...]] = {
    MovementKind.RECEIPT: ("receipt", "réception", "reçu"),
    MovementKind.ISSUE: ("issue", "dispensation", "sortie", "consommation"),
    MovementKind.TRANSFER_IN: ("transfer_in", "transfert reçu", "transfert entrant"),
    MovementKind.TRANSFER_OUT: ("transfer_out", "transfert cédé", "transfert sortant"),
    MovementKind.LOSS: ("loss", "perte"),
    MovementKind.ADJUSTMENT: ("adjustment", "ajustement"),
    MovementKind.COUNT: ("count", "inventaire", "comptage"),
}
KIND_BY_WORD: dict[str, MovementKind] = {
    fold(word): kind
    for kind, words in _KIND_WORDS.items()
    for word in (*words, KIND_LABELS_FR[kind], kind.value)
}

_REASON_EXTRA_WORDS: dict[Reason, tuple[str, ...]] = {
    Reason.EXPIRED: ("périmé", "périmés", "périmée", "périmées"),
    Reason.DAMAGED: ("avarié", "avariés", "avariée", "avariées", "endommagé"),
    Reason.STOLEN: ("volé", "volés", "vol"),
    Reason.LOST: ("perdu", "perdus"),
    Reason.RETURN: ("retour",),
    Reason.COLD_CHAIN: ("chaîne du froid", "cold chain"),
    Reason.COUNT_CORRECTION: ("correction", "count correction"),
}
REASON_BY_WORD: dict[str, Reason] = {
    fold(word): reason
    for reason in Reason
    for word in (reason.value, REASON_LABELS_FR[reason], *_REASON_EXTRA_WORDS.get(reason, ()))
}
# Reasons a user may pick in a file; reversals are made in the application, transfers'
# reasons follow from the movement.
FILE_REASONS: tuple[Reason, ...] = (
    Reason.EXPIRED,
    Reason.DAMAGED,
    Reason.STOLEN,
    Reason.LOST,
    Reason.COLD_CHAIN,
    Reason.RETURN,
    Reason.COUNT_CORRECTION,
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file, located as precisely as possible, said so a user can fix it."""

    file: str
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"feuille {self.sheet}")
        if self.row is not None:
            where.append(f"ligne {self.row}")
        if self.column:
            where.append(f"colonne {self.column}")
        return ", ".join(where) + " : " + self.message

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
            "text": str(self),
        }


@dataclass(frozen=True, slots=True)
class MovementRow:
    """One valid row of a movements file, still to be checked against the ledger.

    `reason` is already defaulted where the movement implies it (transfers, counts);
    `counterpart` is the other facility of a transfer or the supplier of a receipt."""

    file: str
    sheet: str
    row: int
    occurred_on: date
    facility_code: str
    product_code: str
    kind: MovementKind
    quantity: int
    lot: str
    expiry: date | None
    reason: Reason | None
    reference: str
    counterpart: str = ""


@dataclass(frozen=True, slots=True)
class MovementFile:
    """What a movements file holds: its valid rows, its problems and how many rows it has."""

    file: str
    sheet: str
    rows: list[MovementRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data_rows: int = 0


def read_movements(path: Path) -> tuple[list[MovementRow], list[Problem]]:
    """The rows of an .xlsx or .csv movements file and every problem found in it."""
    content = read_movement_file(path)
    return content.rows, content.problems


def read_movement_file(path: Path) -> MovementFile:
    """Like read_movements, also saying how many non-blank data rows the file has."""
    name = path.name
    suffix = path.suffix.lower()
    if not path.is_file():
        return _failed(name, "", "fichier introuvable ; vérifiez le nom et le dossier.")
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    return _failed(
        name,
        "",
        f"format « {path.suffix or 'sans extension'} » non pris en charge ; enregistrez le "
        "fichier au format Excel (.xlsx) ou CSV (.csv).",
    )


def _failed(file: str, sheet: str, message: str) -> MovementFile:
    return MovementFile(file, sheet, problems=[Problem(file, sheet, None, None, message)])


# --- loading the cells ------------------------------------------------------------------------


def _read_xlsx(path: Path) -> MovementFile:
    name = path.name
    not_excel = (
        "ce fichier n'est pas un classeur Excel .xlsx lisible (fichier abîmé ou d'un autre "
        "format) ; ouvrez-le dans Excel et enregistrez-le de nouveau au format .xlsx."
    )
    # A small crafted archive can expand to gigabytes: refuse before anything unpacks it.
    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return _failed(name, "", not_excel)
    if expanded > MAX_UNCOMPRESSED_BYTES:
        return _failed(
            name,
            "",
            f"ce classeur occupe {expanded / _MB:.0f} Mo une fois décompressé, plus que "
            f"la limite de {MAX_UNCOMPRESSED_BYTES // _MB} Mo ; découpez-le en plusieurs "
            "fichiers plus petits.",
        )
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            names = workbook.sheet_names
            if not names:
                return _failed(name, "", "le classeur ne contient aucune feuille.")
            sheet_name = next((n for n in names if n == SHEET_NAME), None) or next(
                (n for n in names if fold(n) in ("mouvements", "movements")), names[0]
            )
            cells = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
    except Exception:  # the Rust reader raises several kinds of error on a damaged file
        log.warning("Cannot read %s with calamine", path, exc_info=True)
        return _failed(name, "", not_excel)
    return _parse_table(name, sheet_name, ((n, list(r)) for n, r in enumerate(cells, start=1)))


def _read_csv(path: Path) -> MovementFile:
    name = path.name
    if path.stat().st_size > MAX_UNCOMPRESSED_BYTES:
        return _failed(
            name,
            "",
            f"ce fichier dépasse {MAX_UNCOMPRESSED_BYTES // _MB} Mo ; découpez-le en "
            "plusieurs fichiers plus petits.",
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Excel on Windows saves "CSV" in the ANSI code page.
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return _failed(
                name,
                "",
                "l'encodage du fichier n'est pas reconnu ; enregistrez-le en « CSV UTF-8 ».",
            )
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[object]]] = []
    try:
        start = 1
        for record in reader:
            rows.append((start, list(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        return _failed(
            name,
            "",
            f"le fichier CSV est mal formé vers la ligne {reader.line_num} ({exc}) ; "
            "vérifiez les guillemets et les séparateurs.",
        )
    return _parse_table(name, "", rows, every_field_counts=True)


# --- parsing the table ------------------------------------------------------------------------


class _CellError(Exception):
    """A cell that cannot be read; the message says what is expected."""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value).strip()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _parse_table(
    file: str,
    sheet: str,
    rows: Iterable[tuple[int, list[object]]],
    every_field_counts: bool = False,
) -> MovementFile:
    """Rows under a checked header. In a CSV file a row with more fields than the header
    (`every_field_counts`) is wrong even if they are empty: "12,5" split the row."""
    iterator: Iterator[tuple[int, list[object]]] = iter(rows)
    header: tuple[int, list[object]] | None = None
    for number, cells in iterator:
        if any(_text(c) for c in cells):
            header = (number, cells)
            break
    if header is None:
        return _failed(
            file,
            sheet,
            "le fichier est vide ; la première ligne doit contenir les en-têtes "
            + ", ".join(HEADINGS_FR)
            + ".",
        )
    header_problems = _check_header(file, sheet, *header)
    if header_problems:
        return MovementFile(file, sheet, problems=header_problems)
    width = max(i for i, c in enumerate(header[1]) if _text(c)) + 1
    if every_field_counts:
        width = max(width, len(header[1]))
    rows_read: list[MovementRow] = []
    problems: list[Problem] = []
    data_rows = 0
    for number, cells in iterator:
        if not any(_text(c) for c in cells):
            continue
        data_rows += 1
        row, row_problems = _parse_row(file, sheet, number, cells, width, every_field_counts)
        problems.extend(row_problems)
        if row is not None:
            rows_read.append(row)
    if data_rows == 0:
        problems.append(
            Problem(file, sheet, None, None, "aucune ligne de mouvement sous les en-têtes.")
        )
    return MovementFile(file, sheet, rows_read, problems, data_rows)


def _check_header(file: str, sheet: str, number: int, cells: list[object]) -> list[Problem]:
    problems = []
    for index, column in enumerate(COLUMNS):
        found = _text(cells[index]) if index < len(cells) else ""
        if fold(found) in column.aliases:
            continue
        letter = _column_letter(index)
        if found:
            message = (
                f"l'en-tête de la colonne {letter} est « {found} » ; attendu « {column.heading} » "
                f"(ou « {column.english} »)."
            )
        else:
            message = (
                f"l'en-tête de la colonne {letter} est vide ; attendu « {column.heading} » "
                f"(ou « {column.english} »)."
            )
        problems.append(Problem(file, sheet, number, column.heading, message))
    if problems:
        problems.append(
            Problem(
                file,
                sheet,
                number,
                None,
                "la ligne d'en-tête doit contenir ces colonnes, dans cet ordre : "
                + ", ".join(HEADINGS_FR)
                + " (le modèle « python main.py export template » les contient déjà).",
            )
        )
    return problems


def _parse_row(
    file: str,
    sheet: str,
    number: int,
    cells: list[object],
    width: int,
    every_field_counts: bool = False,
) -> tuple[MovementRow | None, list[Problem]]:
    problems: list[Problem] = []

    def cell(index: int) -> object:
        return cells[index] if index < len(cells) else None

    def read(key: str, index: int, parse: Any) -> Any:
        try:
            return parse(cell(index))
        except _CellError as exc:
            problems.append(Problem(file, sheet, number, _HEADING[key], str(exc)))
            return None

    stray = [i for i in range(width, len(cells)) if every_field_counts or _text(cells[i])]
    if stray:
        problems.append(
            Problem(
                file,
                sheet,
                number,
                None,
                f"la ligne a plus de valeurs que d'en-têtes (colonne {_column_letter(stray[0])} "
                "hors des colonnes prévues) ; si un nombre contient une virgule, saisissez un "
                "nombre entier sans virgule, ou mettez la valeur entre guillemets.",
            )
        )
    occurred_on = read("date", 0, _parse_date)
    facility = read("facility", 1, lambda v: _parse_code(v, "le code de l'établissement"))
    product = read("product", 2, lambda v: _parse_code(v, "le code du produit"))
    kind = read("movement", 3, _parse_kind)
    quantity = read("quantity", 4, _parse_quantity)
    lot = read("lot", 5, lambda v: _parse_text(v, MAX_LOT, "le numéro de lot"))
    expiry = read("expiry", 6, _parse_expiry)
    reason_text = read("reason", 7, lambda v: _parse_text(v, MAX_TEXT, "le motif"))
    reference = read("reference", 8, lambda v: _parse_text(v, MAX_TEXT, "la référence"))

    reason: Reason | None = None
    counterpart = ""
    if kind is not None and reason_text is not None:
        try:
            reason, counterpart = _reason_for(kind, reason_text)
        except _CellError as exc:
            problems.append(Problem(file, sheet, number, _HEADING["reason"], str(exc)))
    if kind is not None and quantity is not None:
        try:
            _check_quantity(kind, quantity, reason)
        except _CellError as exc:
            problems.append(Problem(file, sheet, number, _HEADING["quantity"], str(exc)))
    if problems:
        return None, problems
    return (
        MovementRow(
            file=file,
            sheet=sheet,
            row=number,
            occurred_on=occurred_on,
            facility_code=facility,
            product_code=product,
            kind=kind,
            quantity=quantity,
            lot=lot,
            expiry=expiry,
            reason=reason,
            reference=reference,
            counterpart=counterpart,
        ),
        [],
    )


# --- cells ------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_FR_MONTH = re.compile(r"(\d{1,2})/(\d{4})")
_DATE_HELP = "saisissez-la sous la forme JJ/MM/AAAA (ex. 21/11/2026) ou AAAA-MM-JJ"
_EXPIRY_HELP = (
    "saisissez-la sous la forme JJ/MM/AAAA (ex. 31/03/2027), AAAA-MM-JJ, ou seulement le mois "
    "MM/AAAA ou AAAA-MM (ex. 03/2027 = fin mars 2027)"
)


def _make_date(text: str, year: int, month: int, day: int | None) -> date:
    if not 2000 <= year <= 2099:
        raise _CellError(f"« {text} » : l'année {year} n'est pas vraisemblable ; vérifiez la date.")
    if not 1 <= month <= 12:
        raise _CellError(f"« {text} » : le mois {month} n'existe pas ; vérifiez la date.")
    if day is None:
        day = calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        raise _CellError(
            f"« {text} » n'existe pas dans le calendrier ; vérifiez le jour et le mois."
        ) from None


def _date_cell(value: object, help_text: str, required: bool) -> date | str | None:
    """A date from a date cell, or the cell's text to be parsed; None when blank."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _make_date(f"{value:%d/%m/%Y}", value.year, value.month, value.day)
    if isinstance(value, (bool, time, timedelta)):
        raise _CellError(f"« {value} » n'est pas une date ; {help_text}.")
    if isinstance(value, (int, float)):
        raise _CellError(
            f"« {_text(value)} » est un nombre, pas une date ; mettez la cellule au format Date "
            f"ou {help_text}."
        )
    text = _text(value)
    if not text:
        if required:
            raise _CellError(f"la date est obligatoire ; {help_text}.")
        return None
    return text


def _parse_date(value: object) -> date:
    cell = _date_cell(value, _DATE_HELP, required=True)
    if isinstance(cell, date):
        return cell
    assert cell is not None
    if m := _ISO_DATE.fullmatch(cell):
        return _make_date(cell, int(m[1]), int(m[2]), int(m[3]))
    if m := _FR_DATE.fullmatch(cell):
        return _make_date(cell, int(m[3]), int(m[2]), int(m[1]))
    raise _CellError(f"« {cell} » n'est pas une date ; {_DATE_HELP}.")


def _parse_expiry(value: object) -> date | None:
    cell = _date_cell(value, _EXPIRY_HELP, required=False)
    if cell is None or isinstance(cell, date):
        return cell
    if m := _ISO_DATE.fullmatch(cell):
        return _make_date(cell, int(m[1]), int(m[2]), int(m[3]))
    if m := _FR_DATE.fullmatch(cell):
        return _make_date(cell, int(m[3]), int(m[2]), int(m[1]))
    if m := _ISO_MONTH.fullmatch(cell):
        return _make_date(cell, int(m[1]), int(m[2]), None)
    if m := _FR_MONTH.fullmatch(cell):
        return _make_date(cell, int(m[2]), int(m[1]), None)
    raise _CellError(f"« {cell} » n'est pas une date de péremption ; {_EXPIRY_HELP}.")


def _parse_text(value: object, limit: int, what: str) -> str:
    text = _text(value)
    if len(text) > limit:
        raise _CellError(f"{what} dépasse {limit} caractères ; raccourcissez-le.")
    return text


def _parse_code(value: object, what: str) -> str:
    text = _parse_text(value, MAX_CODE, what)
    if not text:
        raise _CellError(f"{what} est obligatoire (voir la feuille Listes du modèle).")
    return text


def _parse_kind(value: object) -> MovementKind:
    text = _text(value)
    words = ", ".join(KIND_LABELS_FR[k] for k in MovementKind)
    if not text:
        raise _CellError(f"le type de mouvement est obligatoire ; choisissez parmi : {words}.")
    kind = KIND_BY_WORD.get(fold(text))
    if kind is None:
        raise _CellError(
            f"« {text} » n'est pas un type de mouvement connu ; choisissez parmi : {words}."
        )
    return kind


_SPACES = "[ \u00a0\u202f]"
_INTEGER = re.compile(r"[+-]?\d+")
_GROUPED_INTEGER = re.compile(rf"[+-]?\d{{1,3}}(?:{_SPACES}\d{{3}})+")
_AMBIGUOUS_GROUPS = re.compile(r"[+-]?\d{1,3}(?:[.,]\d{3})+")
_DECIMAL = re.compile(r"[+-]?[\d \u00a0\u202f]*[.,]\d+")
_NOT_WHOLE = "n'est pas un nombre entier de sachets/unités ; saisissez un nombre entier (ex. 150)."


def _parse_quantity(value: object) -> int:
    if isinstance(value, bool):
        raise _CellError(f"« {value} » n'est pas un nombre ; saisissez un nombre entier (ex. 150).")
    if isinstance(value, int):
        quantity = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise _CellError(f"« {str(value).replace('.', ',')} » {_NOT_WHOLE}")
        quantity = int(value)
    elif isinstance(value, str) or value is None:
        text = (value or "").strip().replace("\u2212", "-")
        if not text:
            raise _CellError("la quantité est obligatoire ; saisissez un nombre entier (ex. 150).")
        if _INTEGER.fullmatch(text) or _GROUPED_INTEGER.fullmatch(text):
            quantity = int(re.sub(_SPACES, "", text))
        elif _AMBIGUOUS_GROUPS.fullmatch(text):
            raise _CellError(
                f"« {text} » est ambigu (séparateur de milliers ou virgule décimale ?) ; "
                "saisissez un nombre entier sans point ni virgule (ex. 1561 ou 1 561)."
            )
        elif _DECIMAL.fullmatch(text):
            raise _CellError(f"« {text} » {_NOT_WHOLE}")
        else:
            raise _CellError(
                f"« {text} » n'est pas un nombre ; saisissez un nombre entier (ex. 150)."
            )
    else:
        raise _CellError(
            f"« {_text(value)} » n'est pas un nombre ; saisissez un nombre entier (ex. 150)."
        )
    if abs(quantity) > MAX_QUANTITY:
        raise _CellError(f"« {_text(value)} » est trop grand ; vérifiez la quantité.")
    return quantity


def _reason_label(reason: Reason) -> str:
    return REASON_LABELS_FR[reason]


def _reason_for(kind: MovementKind, text: str) -> tuple[Reason | None, str]:
    """The reason of a row and, for transfers and receipts, the other facility or supplier."""
    reason = REASON_BY_WORD.get(fold(text)) if text else None
    if reason is Reason.REVERSAL:
        raise _CellError(
            "une saisie s'annule dans l'application (fiche de stock, « Annuler »), pas par un "
            "import ; retirez cette ligne."
        )
    if kind in (MovementKind.TRANSFER_IN, MovementKind.TRANSFER_OUT):
        implied = Reason.TRANSFER_IN if kind is MovementKind.TRANSFER_IN else Reason.TRANSFER_OUT
        if reason is None:
            return implied, text
        if reason is implied:
            return implied, ""
        raise _CellError(
            f"« {text} » : pour un transfert, la colonne Motif contient le code de "
            "l'établissement d'origine ou de destination (ou reste vide)."
        )
    if kind is MovementKind.RECEIPT:
        if reason is None:
            return None, text
        raise _CellError(
            f"« {text} » : une réception n'a pas de motif (vous pouvez y mettre le fournisseur) ; "
            "un retour de produits se saisit en Ajustement avec le motif Retour."
        )
    if kind is MovementKind.ISSUE:
        if text:
            raise _CellError(
                f"« {text} » : une dispensation n'a pas de motif, laissez la colonne vide ; "
                "une perte se saisit avec le mouvement Perte."
            )
        return None, ""
    if kind is MovementKind.LOSS:
        allowed = ", ".join(_reason_label(r) for r in FILE_REASONS if r in LOSS_REASONS)
        if reason not in LOSS_REASONS:
            start = f"« {text} » n'est pas un motif de perte" if text else "une perte a un motif"
            raise _CellError(f"{start} ; choisissez parmi : {allowed}.")
        return reason, ""
    allowed = ", ".join(_reason_label(r) for r in FILE_REASONS)
    if kind is MovementKind.ADJUSTMENT and reason is None:
        start = f"« {text} » n'est pas un motif connu" if text else "un ajustement a un motif"
        raise _CellError(f"{start} ; choisissez parmi : {allowed}.")
    if kind is MovementKind.COUNT:
        if not text:
            return Reason.COUNT_CORRECTION, ""
        if reason is None:
            raise _CellError(
                f"« {text} » n'est pas un motif connu ; laissez la colonne vide (correction "
                f"d'inventaire) ou choisissez parmi : {allowed}."
            )
    return reason, ""


def _check_quantity(kind: MovementKind, quantity: int, reason: Reason | None) -> None:
    if kind is MovementKind.COUNT:
        if quantity < 0:
            raise _CellError(
                f"« {quantity} » : un inventaire indique la quantité comptée, zéro ou plus."
            )
        return
    if kind is MovementKind.ADJUSTMENT:
        if quantity == 0:
            raise _CellError(
                "un ajustement de zéro ne change rien ; saisissez la quantité ajoutée (ex. 10) "
                "ou retirée (ex. -10)."
            )
        sign = REASON_SIGN[reason] if reason is not None else 0
        if sign and (quantity > 0) != (sign > 0):
            assert reason is not None
            expected = "positive (ajout)" if sign > 0 else "négative (retrait, ex. -10)"
            raise _CellError(
                f"« {quantity} » : le motif « {_reason_label(reason)} » "
                f"{'ajoute' if sign > 0 else 'retire'} du stock ; la quantité doit être {expected}."
            )
        return
    if quantity <= 0:
        raise _CellError(
            f"« {quantity} » : saisissez un nombre entier supérieur à zéro ; c'est le type de "
            "mouvement qui dit si le stock entre ou sort (ex. Dispensation, 150)."
        )


# --- the template -----------------------------------------------------------------------------

_WIDTHS = (12, 18, 16, 18, 11, 14, 13, 26, 22)
_INSTRUCTIONS = (
    "Comment remplir la feuille Mouvements",
    "",
    "Une ligne par mouvement de stock. Ne changez pas la ligne d'en-tête.",
    "Date : jour du mouvement, JJ/MM/AAAA (ex. 21/11/2026). Pas de date dans le futur.",
    "Établissement : code de l'établissement (liste déroulante).",
    "Produit : code du produit (liste déroulante ; les codes sont listés plus bas).",
    "Mouvement : Réception, Dispensation, Transfert reçu, Transfert cédé, Perte, Ajustement "
    "ou Inventaire.",
    "Quantité : nombre entier en unités de base (sachets, comprimés, pièces), jamais en cartons "
    ": un carton d'ATPE = 150 sachets.",
    "   Toujours positive, sauf un Ajustement, négatif quand il retire du stock (ex. -10).",
    "   Inventaire : la quantité comptée (zéro possible) ; l'application enregistre elle-même "
    "l'écart avec le stock théorique.",
    "Lot : numéro de lot, obligatoire pour les produits suivis par lot à la réception. Pour une "
    "sortie sans lot, le lot qui périme le premier est utilisé (PPPS).",
    "Péremption : date de péremption du lot, JJ/MM/AAAA. Dans Excel, saisissez la date complète "
    "(31/03/2027) : Excel transforme « 03/2027 » en 01/03/2027.",
    "Motif : obligatoire pour une Perte (Périmé, Avarié, Volé, Perdu, Rupture de la chaîne du "
    "froid) et un Ajustement (Retour, Correction d'inventaire…).",
    "   Pour un transfert : le code de l'autre établissement. Pour une réception : le "
    "fournisseur (facultatif).",
    "Référence : numéro du bon de livraison, de la page du registre… (facultatif).",
    "",
    "L'import est tout ou rien : s'il y a une seule erreur, rien n'est enregistré et chaque "
    "erreur est indiquée avec sa ligne et sa colonne.",
    "Importer de nouveau le même fichier n'ajoute rien : les lignes déjà importées sont reconnues.",
    "Un lot périmé ne peut pas être dispensé ni transféré : enregistrez-le en Perte, motif Périmé.",
)


def write_template(path: Path, facilities: Sequence[Facility], products: Sequence[Product]) -> None:
    """The .xlsx users fill in: headings, drop-down lists, instructions and the code lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    bold = Font(bold=True)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    for index, (heading, width) in enumerate(zip(HEADINGS_FR, _WIDTHS, strict=True), start=1):
        _put_text(sheet, 1, index, heading).font = bold
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    last = TEMPLATE_ROWS
    # A column style, not 2 × 5000 empty formatted cells: Excel applies it to what is typed.
    for letter in ("A", "G"):
        sheet.column_dimensions[letter].number_format = "DD/MM/YYYY"

    instructions = workbook.create_sheet(INSTRUCTIONS_SHEET)
    instructions.column_dimensions["A"].width = 110
    line = 1
    for text in _INSTRUCTIONS:
        cell = _put_text(instructions, line, 1, text)
        if line == 1:
            cell.font = Font(bold=True, size=13)
        line += 1
    line += 1
    _put_text(instructions, line, 1, "Produits : code — nom (unité de base)").font = bold
    for product in products:
        line += 1
        pack = f", {product.pack_unit} de {product.pack_size}" if product.pack_size > 1 else ""
        _put_text(
            instructions, line, 1, f"{product.code} — {product.name} ({product.base_unit}{pack})"
        )
    line += 2
    _put_text(instructions, line, 1, "Établissements : code — nom").font = bold
    for facility in facilities:
        line += 1
        _put_text(instructions, line, 1, f"{facility.code} — {facility.name}")

    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    columns: tuple[tuple[str, list[str]], ...] = (
        ("Établissement", [f.code for f in facilities]),
        ("Nom de l'établissement", [f.name for f in facilities]),
        ("Produit", [p.code for p in products]),
        ("Nom du produit", [p.name for p in products]),
        ("Unité de base", [p.base_unit for p in products]),
        ("Mouvement", [KIND_LABELS_FR[k] for k in MovementKind]),
        ("Motif", [REASON_LABELS_FR[r] for r in FILE_REASONS]),
    )
    for index, (heading, values) in enumerate(columns, start=1):
        _put_text(lists, 1, index, heading).font = bold
        lists.column_dimensions[get_column_letter(index)].width = 24
        for row, value in enumerate(values, start=2):
            _put_text(lists, row, index, value)

    def drop_down(target: str, list_column: str, count: int, strict: bool) -> None:
        if count == 0:
            return
        validation = DataValidation(
            type="list",
            formula1=f"{LISTS_SHEET}!${list_column}$2:${list_column}${count + 1}",
            allow_blank=True,
            errorStyle="stop" if strict else "warning",
            showErrorMessage=True,
        )
        validation.error = (
            "Choisissez une valeur de la liste."
            if strict
            else "Valeur hors liste : pour un transfert, saisissez le code de l'autre "
            "établissement."
        )
        validation.add(f"{target}2:{target}{last}")
        sheet.add_data_validation(validation)

    drop_down("B", "A", len(facilities), strict=True)
    drop_down("C", "C", len(products), strict=True)
    drop_down("D", "F", len(MovementKind), strict=True)
    drop_down("H", "G", len(FILE_REASONS), strict=False)
    whole = DataValidation(
        type="whole",
        operator="between",
        formula1=str(-MAX_QUANTITY),
        formula2=str(MAX_QUANTITY),
        allow_blank=True,
        showErrorMessage=True,
    )
    whole.error = "Saisissez un nombre entier d'unités de base (ex. 150), sans décimale."
    whole.add(f"E2:E{last}")
    sheet.add_data_validation(whole)
    workbook.active = 0
    workbook.save(path)


def _put_text(sheet: Any, row: int, column: int, value: str) -> Any:
    """A text cell that stays text: never a formula, whatever its first character."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = sheet.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
    return cell
