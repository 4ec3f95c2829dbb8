"""The count sheet on paper or in PDF: the same form as the Excel one, as an HTML document."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from core.facilities import Facility
from core.services import CountSheetLine
from gui.stock.model import unit_text
from gui.stock_card.model import format_date

BLANK_ROWS = 5


def count_sheet_html(facility: Facility, on: date, lines: Sequence[CountSheetLine]) -> str:
    """The inventory form: header, one row per lot with the counted column blank, signatures."""
    locale = QLocale()
    headings = (
        QCoreApplication.translate("CountSheet", "N°"),
        QCoreApplication.translate("CountSheet", "Produit"),
        QCoreApplication.translate("CountSheet", "Unité"),
        QCoreApplication.translate("CountSheet", "Lot"),
        QCoreApplication.translate("CountSheet", "Péremption"),
        QCoreApplication.translate("CountSheet", "Stock théorique"),
        QCoreApplication.translate("CountSheet", "Quantité comptée"),
        QCoreApplication.translate("CountSheet", "Écart"),
        QCoreApplication.translate("CountSheet", "Observations"),
    )
    widths = (4, 32, 7, 11, 9, 9, 10, 7, 11)
    head = "".join(
        f'<th width="{w}%" bgcolor="#d9d9d9">{escape(h)}</th>'
        for h, w in zip(headings, widths, strict=True)
    )
    rows = []
    for number, line in enumerate(lines, start=1):
        product = line.product
        cells = (
            str(number),
            f"{product.code} – {product.name}",
            unit_text(product.base_unit, 1),
            line.lot,
            format_date(line.expiry, locale),
            locale.toString(line.expected),
        )
        rows.append(
            "<tr>"
            + "".join(
                f"<td{' align=right' if i in (0, 5) else ''}>{escape(c)}</td>"
                for i, c in enumerate(cells)
            )
            + "<td>&nbsp;</td>" * 3
            + "</tr>"
        )
    rows.extend("<tr>" + "<td>&nbsp;</td>" * len(headings) + "</tr>" for _ in range(BLANK_ROWS))
    region = ", ".join(part for part in (facility.district, facility.region) if part)
    # The texts are read outside the f-strings below: pyside6-lupdate does not look inside them.
    title = QCoreApplication.translate("CountSheet", "FICHE D’INVENTAIRE")
    facility_label = QCoreApplication.translate("CountSheet", "Établissement :")
    region_label = QCoreApplication.translate("CountSheet", "District / région :")
    date_label = QCoreApplication.translate("CountSheet", "Date de l’inventaire :")
    instructions = QCoreApplication.translate(
        "CountSheet",
        "Compter chaque lot et écrire la quantité en unités de base. Une ligne non comptée "
        "reste vide. Ajouter en bas les lots trouvés qui ne sont pas sur la liste.",
    )
    name_and_role = QCoreApplication.translate("CountSheet", "nom et fonction")
    date_word = QCoreApplication.translate("CountSheet", "date")
    signature_word = QCoreApplication.translate("CountSheet", "signature")
    signature = "".join(
        f"<p><b>{escape(label)}</b> {escape(name_and_role)} "
        "________________________________ "
        f"{escape(date_word)} ______________ {escape(signature_word)} "
        "________________________</p>"
        for label in (
            QCoreApplication.translate("CountSheet", "Compté par :"),
            QCoreApplication.translate("CountSheet", "Vérifié par :"),
        )
    )
    return (
        "<html><body style='font-family: sans-serif; font-size: 9pt;'>"
        f"<h2 align=center>{escape(title)}</h2>"
        f"<p><b>{escape(facility_label)}</b> {escape(facility.name)} "
        f"({escape(facility.code)})"
        + (f" &nbsp; <b>{escape(region_label)}</b> {escape(region)}" if region else "")
        + f" &nbsp; <b>{escape(date_label)}</b> "
        f"{escape(format_date(on, locale))}</p>"
        f"<p><i>{escape(instructions)}</i></p>"
        "<table width='100%' border='1' cellspacing='0' cellpadding='4' "
        "style='border-collapse: collapse; border-color: #000;'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<br/>{signature}</body></html>"
    )


def sheet_document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def a4_landscape(printer: QPrinter) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )


def print_html(printer: QPrinter, html: str) -> None:
    """Lay the document out on the printer's pages; the table header repeats on each page."""
    sheet_document(html).print_(printer)


def save_pdf(path: Path, html: str) -> Path:
    """Write the sheet as an A4 landscape PDF."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    printer.setOutputFileName(str(path))
    a4_landscape(printer)
    sheet_document(html).print_(printer)
    return path
