"""The monthly PCIMA report as an Excel workbook: counts only, never a child's identifier."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.exchange.cells import text_cell
from core.exchange.sheets import fit_to_width
from core.french import month_year_fr
from core.pcima import (
    ADMISSION_LABELS_FR,
    CRITERION_LABELS_FR,
    EXIT_LABELS_FR,
    AdmissionType,
    Criterion,
    ExitOutcome,
    PcimaReport,
    UnitReport,
)

SHEET_TITLE = "Rapport PCIMA"


def month_label_fr(report: PcimaReport) -> str:
    return month_year_fr(report.month)


def unit_rows(unit: UnitReport) -> list[tuple[str, int]]:
    """The lines of the paper report for one unit, in its order."""
    rows: list[tuple[str, int]] = [("Total au début du mois", unit.beginning)]
    for criterion in Criterion:
        label = f"Nouvelles admissions – {CRITERION_LABELS_FR[criterion]}"
        rows.append((label, unit.admissions.get(f"new_{criterion.value}", 0)))
    for kind in AdmissionType:
        if kind is not AdmissionType.NEW:
            rows.append((ADMISSION_LABELS_FR[kind], unit.admissions.get(kind.value, 0)))
    rows.append(("Total des admissions", unit.admitted))
    for outcome in ExitOutcome:
        rows.append((EXIT_LABELS_FR[outcome], unit.exits.get(outcome.value, 0)))
    rows.append(("Total des sorties", unit.exited))
    rows.append(("Total à la fin du mois", unit.end))
    return rows


def _percent(value: Any) -> str:
    return "–" if value is None else f"{value} %".replace(".", ",")


def write_report(report: PcimaReport, path: Path | str) -> Path:
    """One printable sheet: the units side by side, the rates with their verdict, the
    screening summary and the RUTF-per-child check."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    grey = PatternFill("solid", fgColor="D9D9D9")
    red = PatternFill("solid", fgColor="F8CBAD")
    green = PatternFill("solid", fgColor="C6E0B4")
    wrap = Alignment(wrap_text=True, vertical="center")

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    units = report.units
    last_column = 1 + len(units)
    last_letter = get_column_letter(last_column)
    title = text_cell(sheet, 1, 1, "RAPPORT MENSUEL PCIMA")
    title.font = Font(bold=True, size=14)
    sheet.merge_cells(f"A1:{last_letter}1")
    text_cell(sheet, 2, 1, "Établissement :").font = bold
    text_cell(sheet, 2, 2, f"{report.facility_name} ({report.facility_code})")
    text_cell(sheet, 3, 1, "Mois :").font = bold
    text_cell(sheet, 3, 2, month_label_fr(report))

    row = 5
    text_cell(sheet, row, 1, "Rubrique").font = bold
    for n, unit in enumerate(units, start=2):
        cell = text_cell(sheet, row, n, unit.unit.value)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center")
    for column in range(1, last_column + 1):
        sheet.cell(row=row, column=column).fill = grey
        sheet.cell(row=row, column=column).border = box
    labels = [label for label, _ in unit_rows(units[0])]
    values = [[v for _, v in unit_rows(u)] for u in units]
    for i, label in enumerate(labels):
        row += 1
        text_cell(sheet, row, 1, label).border = box
        for n, unit_values in enumerate(values, start=2):
            cell = sheet.cell(row=row, column=n, value=unit_values[i])
            cell.border = box
        if label.startswith("Total"):
            for column in range(1, last_column + 1):
                sheet.cell(row=row, column=column).font = bold

    row += 2
    text_cell(sheet, row, 1, "Indicateurs (normes Sphere)").font = bold
    for check_index in range(len(units[0].rates)):
        row += 1
        first = units[0].rates[check_index]
        sign = ">" if first.above else "<"
        label = f"{first.label} (norme {sign} {first.threshold} %)".replace(".", ",")
        text_cell(sheet, row, 1, label).border = box
        for n, unit in enumerate(units, start=2):
            check = unit.rates[check_index]
            cell = text_cell(sheet, row, n, f"{_percent(check.percent)} – {check.verdict_fr}")
            cell.border = box
            if check.passes is not None:
                cell.fill = green if check.passes else red

    warnings = [f"{u.unit.value} : {w}" for u in units for w in u.warnings]
    if warnings:
        row += 2
        text_cell(sheet, row, 1, "Points à vérifier").font = bold
        for warning in warnings:
            row += 1
            text_cell(sheet, row, 1, warning).alignment = wrap
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
            sheet.row_dimensions[row].height = 30

    s = report.screening
    row += 2
    text_cell(sheet, row, 1, "Dépistage du mois").font = bold
    screening_rows = [
        ("Enfants de 6 à 59 mois dépistés", s.children),
        ("dont MAS", s.sam),
        ("dont MAM", s.mam),
        ("dont œdèmes bilatéraux", s.oedema),
        ("Femmes enceintes/allaitantes dépistées", s.women),
        ("dont PB sous le seuil (MAM)", s.women_mam),
    ]
    for label, value in screening_rows:
        row += 1
        text_cell(sheet, row, 1, label).border = box
        sheet.cell(row=row, column=2, value=value).border = box

    row += 2
    text_cell(sheet, row, 1, "ATPE par enfant (registre de stock ÷ admissions URENAS)").font = bold
    row += 1
    cell = text_cell(sheet, row, 1, report.rutf.message_fr)
    cell.alignment = wrap
    cell.fill = red if report.rutf.flagged else green
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
    sheet.row_dimensions[row].height = 45

    sheet.column_dimensions["A"].width = 46
    for column in range(2, last_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 22
    fit_to_width(sheet, "portrait")
    target = Path(path)
    workbook.save(target)
    return target
