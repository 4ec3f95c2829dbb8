"""Monthly LMIS report files (CSV or .xlsx, columns of DOMAIN.md §6) read into
MonthlyStockReport records, with every problem located and said in French."""

from __future__ import annotations

import csv
import io
import logging
import math
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.exchange.movements import Problem
from core.monthly import MonthlyStockReport

log = logging.getLogger(__name__)

_MB = 1024 * 1024
MAX_FILE_BYTES = 200 * _MB
MAX_QUANTITY = 999_999_999
MAX_CODE = 40

REQUIRED_COLUMNS: tuple[str, ...] = (
    "year",
    "month",
    "site_code",
    "product_code",
    "stock_initial",
    "stock_received",
    "stock_distributed",
    "stock_adjustment",
    "stock_end",
)
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "region",
    "district",
    "average_monthly_consumption",
    "stock_stockout_days",
    "stock_ordered",
)
ALL_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


@dataclass(frozen=True, slots=True)
class LmisReportFile:
    """What a monthly report file holds.

    `problems` are errors (the file must not be used while there are any); `warnings` are
    rows kept as they are but worth a look (E ≠ A + B + D − C)."""

    file: str
    reports: list[MonthlyStockReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    dropped: int = 0


class _CellError(Exception):
    """A cell that cannot be read; the message says what is expected."""


def read_lmis_reports(path: Path, drop_inconsistent: bool = False) -> LmisReportFile:
    """Read every row of `path`. Rows whose identity E = A + B + D − C does not hold are kept
    and listed in `warnings`; with `drop_inconsistent` they are left out (and still listed)."""
    name = path.name
    if not path.is_file():
        return _failed(name, "fichier introuvable ; vérifiez le nom et le dossier.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        return _failed(
            name,
            f"format « {path.suffix or 'sans extension'} » non pris en charge ; enregistrez le "
            "fichier au format CSV (.csv) ou Excel (.xlsx).",
        )
    if isinstance(rows, str):
        return _failed(name, rows)
    return _parse_table(name, rows, drop_inconsistent)


def _failed(file: str, message: str) -> LmisReportFile:
    return LmisReportFile(file, problems=[Problem(file, "", None, None, message)])


def _csv_rows(path: Path) -> list[tuple[int, list[object]]] | str:
    if path.stat().st_size > MAX_FILE_BYTES:
        return (
            f"ce fichier dépasse {MAX_FILE_BYTES // _MB} Mo ; découpez-le en plusieurs "
            "fichiers plus petits."
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page.
        text = data.decode("cp1252", errors="replace")
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
        return (
            f"le fichier CSV est mal formé vers la ligne {reader.line_num} ({exc}) ; "
            "vérifiez les guillemets et les séparateurs."
        )
    return rows


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]] | str:
    not_excel = (
        "ce fichier n'est pas un classeur Excel .xlsx lisible (fichier abîmé ou d'un autre "
        "format) ; ouvrez-le dans Excel et enregistrez-le de nouveau au format .xlsx."
    )
    # A small crafted archive can expand to gigabytes: refuse before anything unpacks it.
    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return not_excel
    if expanded > MAX_FILE_BYTES:
        return (
            f"ce classeur occupe {expanded / _MB:.0f} Mo une fois décompressé, plus que la "
            f"limite de {MAX_FILE_BYTES // _MB} Mo ; découpez-le en plusieurs fichiers."
        )
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            names = workbook.sheet_names
            if not names:
                return "le classeur ne contient aucune feuille."
            cells = workbook.get_sheet_by_name(names[0]).to_python(skip_empty_area=False)
    except Exception:  # the Rust reader raises several kinds of error on a damaged file
        log.warning("Cannot read %s with calamine", path, exc_info=True)
        return not_excel
    return [(n, list(r)) for n, r in enumerate(cells, start=1)]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _parse_table(
    file: str, rows: Iterable[tuple[int, list[object]]], drop_inconsistent: bool
) -> LmisReportFile:
    iterator = iter(rows)
    header: list[object] | None = None
    for _number, cells in iterator:
        if any(_text(c) for c in cells):
            header = cells
            break
    if header is None:
        return _failed(
            file,
            "le fichier est vide ; la première ligne doit contenir les en-têtes "
            + ", ".join(REQUIRED_COLUMNS)
            + ".",
        )
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for index, cell in enumerate(header):
        key = _text(cell).lower()
        if key in ALL_COLUMNS:
            if key in positions:
                problems.append(
                    Problem(
                        file,
                        "",
                        None,
                        _column_letter(index),
                        f"la colonne « {key} » apparaît deux fois ; gardez-en une seule.",
                    )
                )
            positions[key] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        problems.append(
            Problem(
                file,
                "",
                1,
                None,
                "colonne(s) manquante(s) : "
                + ", ".join(missing)
                + ". La première ligne doit contenir les en-têtes des rapports LMIS mensuels : "
                + ", ".join(ALL_COLUMNS)
                + ".",
            )
        )
    if problems:
        return LmisReportFile(file, problems=problems)

    reports: list[MonthlyStockReport] = []
    warnings: list[Problem] = []
    seen: dict[tuple[str, str, int, int], int] = {}
    dropped = 0
    data_rows = 0
    for number, cells in iterator:
        if not any(_text(c) for c in cells):
            continue
        data_rows += 1
        report, row_problems = _parse_row(file, number, cells, positions)
        problems.extend(row_problems)
        if report is None:
            continue
        seen_key = (report.site_code, report.product_code, report.year, report.month)
        if seen_key in seen:
            problems.append(
                Problem(
                    file,
                    "",
                    number,
                    None,
                    f"deuxième rapport de {report.site_code} pour {report.product_code} en "
                    f"{report.month:02d}/{report.year} (déjà ligne {seen[seen_key]}) ; gardez un "
                    "seul rapport par site, produit et mois.",
                )
            )
            continue
        seen[seen_key] = number
        if not report.identity_holds:
            warnings.append(
                Problem(
                    file,
                    "",
                    number,
                    "stock_end",
                    f"stock final {report.stock_on_hand} différent de stock initial + reçu + "
                    f"ajustements − distribué = {report.beginning_balance} + {report.received}"
                    f" + ({report.adjustments}) − {report.consumed} = "
                    f"{report.expected_stock_on_hand}"
                    + (
                        " ; ligne écartée."
                        if drop_inconsistent
                        else " ; ligne gardée telle quelle."
                    ),
                )
            )
            if drop_inconsistent:
                dropped += 1
                continue
        reports.append(report)
    if data_rows == 0:
        problems.append(Problem(file, "", None, None, "aucune ligne de rapport sous les en-têtes."))
    if problems:
        return LmisReportFile(file, problems=problems, warnings=warnings)
    return LmisReportFile(file, reports, [], warnings, dropped)


_SPACES = "[ \u00a0\u202f]"
_INTEGER = re.compile(r"[+-]?\d+")
_GROUPED_INTEGER = re.compile(rf"[+-]?\d{{1,3}}(?:{_SPACES}\d{{3}})+")
_INTEGRAL_DECIMAL = re.compile(r"[+-]?\d+[.,]0+")


def _integer(value: object, what: str, example: str) -> int:
    expected = f"{what} doit être un nombre entier (ex. {example})"
    if isinstance(value, bool):
        raise _CellError(f"« {value} » : {expected}.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return int(value)
        raise _CellError(f"« {str(value).replace('.', ',')} » : {expected}.")
    text = _text(value).replace("\u2212", "-")
    if _INTEGER.fullmatch(text) or _GROUPED_INTEGER.fullmatch(text):
        return int(re.sub(_SPACES, "", text))
    if _INTEGRAL_DECIMAL.fullmatch(text):
        return int(re.split(r"[.,]", text)[0])
    if not text:
        raise _CellError(f"valeur manquante : {expected}.")
    raise _CellError(f"« {text} » : {expected}.")


def _quantity(what: str, signed: bool = False) -> Callable[[object], int]:
    def parse(value: object) -> int:
        number = _integer(value, what, "-10" if signed else "150")
        if not signed and number < 0:
            raise _CellError(f"« {number} » : {what} ne peut pas être négatif.")
        if abs(number) > MAX_QUANTITY:
            raise _CellError(f"« {number} » : {what} est trop grand ; vérifiez la valeur.")
        return number

    return parse


def _optional(parse: Callable[[object], int]) -> Callable[[object], int | None]:
    def read(value: object) -> int | None:
        return None if not _text(value) else parse(value)

    return read


def _year(value: object) -> int:
    year = _integer(value, "l'année", "2019")
    if not 1990 <= year <= 2100:
        raise _CellError(f"« {year} » : l'année doit être entre 1990 et 2100 (ex. 2019).")
    return year


def _month(value: object) -> int:
    month = _integer(value, "le mois", "9")
    if not 1 <= month <= 12:
        raise _CellError(f"« {month} » : le mois doit être un nombre de 1 à 12.")
    return month


def _stockout_days(value: object) -> int:
    if not _text(value):
        return 0
    days = _integer(value, "le nombre de jours de rupture", "5")
    if not 0 <= days <= 31:
        raise _CellError(f"« {days} » : le nombre de jours de rupture doit être entre 0 et 31.")
    return days


def _code(what: str) -> Callable[[object], str]:
    def parse(value: object) -> str:
        text = _text(value)
        if not text:
            raise _CellError(f"{what} est obligatoire.")
        if len(text) > MAX_CODE:
            raise _CellError(f"« {text[:50]} » : {what} dépasse {MAX_CODE} caractères.")
        return text

    return parse


def _label(value: object) -> str:
    return _text(value)[:200]


_PARSERS: dict[str, Callable[[object], object]] = {
    "year": _year,
    "month": _month,
    "site_code": _code("le code du site"),
    "product_code": _code("le code du produit"),
    "stock_initial": _quantity("le stock initial"),
    "stock_received": _quantity("la quantité reçue"),
    "stock_distributed": _quantity("la quantité distribuée"),
    "stock_adjustment": _quantity("l'ajustement", signed=True),
    "stock_end": _quantity("le stock final"),
    "average_monthly_consumption": _optional(_quantity("la CMM")),
    "stock_stockout_days": _stockout_days,
    "stock_ordered": _optional(_quantity("la quantité commandée")),
    "region": _label,
    "district": _label,
}


def _parse_row(
    file: str, number: int, cells: list[object], positions: dict[str, int]
) -> tuple[MonthlyStockReport | None, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, object] = {}
    for key, index in positions.items():
        cell = cells[index] if index < len(cells) else None
        try:
            values[key] = _PARSERS[key](cell)
        except _CellError as exc:
            problems.append(Problem(file, "", number, key, str(exc)))
    if problems:
        return None, problems

    def number_of(key: str) -> int:
        value = values[key]
        assert isinstance(value, int)
        return value

    def maybe(key: str) -> int | None:
        value = values.get(key)
        return value if isinstance(value, int) else None

    return (
        MonthlyStockReport(
            site_code=str(values["site_code"]),
            product_code=str(values["product_code"]),
            year=number_of("year"),
            month=number_of("month"),
            beginning_balance=number_of("stock_initial"),
            received=number_of("stock_received"),
            consumed=number_of("stock_distributed"),
            adjustments=number_of("stock_adjustment"),
            stock_on_hand=number_of("stock_end"),
            stockout_days=maybe("stock_stockout_days") or 0,
            reported_amc=maybe("average_monthly_consumption"),
            ordered=maybe("stock_ordered"),
            region=str(values.get("region", "")),
            district=str(values.get("district", "")),
        ),
        [],
    )
