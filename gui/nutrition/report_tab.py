"""The monthly PCIMA report tab: each unit's month, the rates against Sphere, screening, RUTF."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import pcima_services
from core.application import Application
from core.errors import DomainError
from core.nutrition import Referral
from core.pcima import PcimaReport, RateCheck, UnitReport
from core.stock import add_months, month_start
from gui.count.printing import a4_landscape, print_html
from gui.forms.common import not_written_text

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
RESULT_STYLE = "color: #1b5e20; font-weight: bold;"
PASS_COLOUR, PASS_BACKGROUND = "#0d5c24", "#e3f4e6"
FAIL_COLOUR, FAIL_BACKGROUND = "#b00020", "#fde7ea"
NONE_COLOUR = "#555555"
MONTHS_BACK = 36  # months offered in the selector, before the current one


# Alias under which pyside6-lupdate still finds the texts (the context must be a literal).
translate = QCoreApplication.translate


# --- text helpers shared by the nutrition tabs -----------------------------------------------


def last_complete_month(today: date) -> date:
    return add_months(month_start(today), -1)


def month_text(month: date) -> str:
    """ "juillet 2025" in the interface language."""
    name = QLocale().standaloneMonthName(month.month, QLocale.FormatType.LongFormat)
    return f"{name} {month.year}"


def number_text(value: int) -> str:
    return QLocale().toString(value)


def decimal_text(value: Decimal | float, decimals: int = 1) -> str:
    return QLocale().toString(float(value), "f", decimals)


def percent_text(value: Decimal | float | None, decimals: int = 1) -> str:
    if value is None:
        return "–"
    return f"{decimal_text(value, decimals)}\u00a0%"


def fill_months(box: QComboBox, today: date, selected: date | None) -> None:
    """The months a report can be asked for, the most recent first; keeps `selected`."""
    box.blockSignals(True)
    box.clear()
    current = month_start(today)
    for back in range(MONTHS_BACK + 1):
        month = add_months(current, -back)
        box.addItem(month_text(month), month)
    index = month_index(box, selected if selected is not None else last_complete_month(today))
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)


def month_index(box: QComboBox, month: date) -> int:
    """The row of `month` in a month selector, -1 if absent (findData does not compare dates
    held as Python objects)."""
    wanted = month_start(month)
    return next((i for i in range(box.count()) if box.itemData(i) == wanted), -1)


# --- the report as HTML: on screen, on paper ------------------------------------------------

UNIT_SHORT = {
    Referral.URENAS: "URENAS",
    Referral.URENI: "URENI",
    Referral.URENAM: "URENAM",
}


def unit_heading(unit: Referral) -> str:
    """What the unit treats, under its name in the report's headings."""
    titles = {
        Referral.URENAS: translate("PcimaReport", "MAS ambulatoire"),
        Referral.URENI: translate("PcimaReport", "MAS compliquée"),
        Referral.URENAM: translate("PcimaReport", "MAM"),
    }
    return titles[unit]


def rate_label(rate: RateCheck) -> str:
    labels = {
        "cured": translate("PcimaReport", "Taux de guérison"),
        "died": translate("PcimaReport", "Taux de décès"),
        "defaulted": translate("PcimaReport", "Taux d'abandon"),
    }
    return labels.get(rate.name, rate.label)


def rate_threshold(rate: RateCheck) -> str:
    threshold = percent_text(rate.threshold, 0)
    if rate.above:
        return translate("PcimaReport", "attendu plus de {0}").format(threshold)
    return translate("PcimaReport", "attendu moins de {0}").format(threshold)


def verdict_text(rate: RateCheck) -> str:
    if rate.passes is None:
        return translate("PcimaReport", "pas de sortie")
    return (
        translate("PcimaReport", "conforme")
        if rate.passes
        else translate("PcimaReport", "non conforme")
    )


def source_text(source: str) -> str:
    texts = {
        "per_child": translate("PcimaReport", "registre enfant par enfant"),
        "totals": translate("PcimaReport", "totaux du rapport papier"),
        "none": translate("PcimaReport", "rien de saisi ce mois"),
    }
    return texts.get(source, source)


def _rows(units: Sequence[UnitReport]) -> list[tuple[str, str, list[str]]]:
    """(kind, label, one cell per unit); kind is "row", "sub", "total" or "section"."""

    def counts(get: object) -> list[str]:
        assert callable(get)
        return [number_text(get(u)) for u in units]

    rows: list[tuple[str, str, list[str]]] = [
        (
            "total",
            translate("PcimaReport", "Total au début du mois"),
            counts(lambda u: u.beginning),
        ),
        ("section", translate("PcimaReport", "Admissions"), []),
        (
            "row",
            translate("PcimaReport", "Nouvelles admissions"),
            counts(lambda u: u.admissions.get("new", 0)),
        ),
        (
            "sub",
            translate("PcimaReport", "dont critère PB"),
            counts(lambda u: u.admissions.get("new_muac", 0)),
        ),
        (
            "sub",
            translate("PcimaReport", "dont critère P/T"),
            counts(lambda u: u.admissions.get("new_whz", 0)),
        ),
        (
            "sub",
            translate("PcimaReport", "dont œdèmes"),
            counts(lambda u: u.admissions.get("new_oedema", 0)),
        ),
        (
            "row",
            translate("PcimaReport", "Rechutes"),
            counts(lambda u: u.admissions.get("relapse", 0)),
        ),
        (
            "row",
            translate("PcimaReport", "Réadmissions (après abandon)"),
            counts(lambda u: u.admissions.get("readmission", 0)),
        ),
        (
            "row",
            translate("PcimaReport", "Transferts entrants"),
            counts(lambda u: u.admissions.get("transfer_in", 0)),
        ),
        ("total", translate("PcimaReport", "Total des admissions"), counts(lambda u: u.admitted)),
        ("section", translate("PcimaReport", "Sorties"), []),
        ("row", translate("PcimaReport", "Guéris"), counts(lambda u: u.exits.get("cured", 0))),
        ("row", translate("PcimaReport", "Décès"), counts(lambda u: u.exits.get("died", 0))),
        (
            "row",
            translate("PcimaReport", "Abandons"),
            counts(lambda u: u.exits.get("defaulted", 0)),
        ),
        (
            "row",
            translate("PcimaReport", "Non-répondants"),
            counts(lambda u: u.exits.get("non_response", 0)),
        ),
        (
            "row",
            translate("PcimaReport", "Transferts sortants"),
            counts(lambda u: u.exits.get("transfer_out", 0)),
        ),
        ("total", translate("PcimaReport", "Total des sorties"), counts(lambda u: u.exited)),
        ("total", translate("PcimaReport", "Total à la fin du mois"), counts(lambda u: u.end)),
    ]
    return rows


def _rate_cell(rate: RateCheck) -> str:
    if rate.passes is None:
        colour, background, mark = NONE_COLOUR, "#ffffff", ""
    elif rate.passes:
        colour, background, mark = PASS_COLOUR, PASS_BACKGROUND, "✔ "
    else:
        colour, background, mark = FAIL_COLOUR, FAIL_BACKGROUND, "✘ "
    value = "" if rate.percent is None else escape(percent_text(rate.percent)) + "<br/>"
    return (
        f"<td align=center bgcolor='{background}' style='color: {colour};'>"
        f"{value}<b>{escape(mark + verdict_text(rate))}</b></td>"
    )


def units_table(units: Sequence[UnitReport]) -> str:
    """One column per unit, the lines of the paper report."""
    heading = translate("PcimaReport", "Rubrique")
    source_title = translate("PcimaReport", "Source des chiffres")
    width = max(15, 40 // max(1, len(units)))
    head = f"<th align=left bgcolor='#d9d9d9'>{escape(heading)}</th>" + "".join(
        f"<th width='{width}%' bgcolor='#d9d9d9'>{escape(UNIT_SHORT[u.unit])}<br/>"
        f"<small>{escape(unit_heading(u.unit))}</small></th>"
        for u in units
    )
    body = []
    for kind, label, cells in _rows(units):
        if kind == "section":
            body.append(
                f"<tr><td colspan={len(units) + 1} bgcolor='#eef2f7'>"
                f"<b>{escape(label)}</b></td></tr>"
            )
            continue
        style = " style='font-weight: bold;'" if kind == "total" else ""
        shown = (
            f"&nbsp;&nbsp;&nbsp;&nbsp;<i>{escape(label)}</i>" if kind == "sub" else escape(label)
        )
        body.append(
            f"<tr{style}><td>{shown}</td>"
            + "".join(f"<td align=right>{escape(c)}</td>" for c in cells)
            + "</tr>"
        )
    body.append(
        f"<tr><td><small>{escape(source_title)}</small></td>"
        + "".join(
            f"<td align=right><small>{escape(source_text(u.source))}</small></td>" for u in units
        )
        + "</tr>"
    )
    return (
        "<table width='100%' border='1' cellspacing='0' cellpadding='2' "
        "style='border-collapse: collapse; border-color: #999;'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def rates_html(units: Sequence[UnitReport], transfers_counted: bool = False) -> str:
    """Each rate of each unit against its Sphere threshold, in words and in colour."""
    title = translate("PcimaReport", "Taux de sortie et normes Sphère")
    note = (
        translate("PcimaReport", "Rapportés aux sorties, transferts sortants compris.")
        if transfers_counted
        else translate("PcimaReport", "Rapportés aux sorties hors transferts sortants.")
    )
    head = "<th bgcolor='#d9d9d9'></th>" + "".join(
        f"<th bgcolor='#d9d9d9'>{escape(UNIT_SHORT[u.unit])}</th>" for u in units
    )
    body = []
    for n, first in enumerate(units[0].rates if units else ()):
        label = f"{escape(rate_label(first))}<br/><small>{escape(rate_threshold(first))}</small>"
        body.append(
            f"<tr><td>{label}</td>" + "".join(_rate_cell(u.rates[n]) for u in units) + "</tr>"
        )
    return (
        f"<h3>{escape(title)}</h3>"
        "<table width='100%' border='1' cellspacing='0' cellpadding='3' "
        "style='border-collapse: collapse; border-color: #999;'>"
        f"<tr>{head}</tr>{''.join(body)}</table><p><small>{escape(note)}</small></p>"
    )


def warnings_html(units: Sequence[UnitReport]) -> str:
    items = [
        f"<li><b>{escape(UNIT_SHORT[u.unit])}</b> : {escape(text)}</li>"
        for u in units
        for text in u.warnings
    ]
    if not items:
        return ""
    title = translate("PcimaReport", "À vérifier")
    return (
        f"<p style='color: {FAIL_COLOUR};'><b>⚠ {escape(title)}</b></p>"
        f"<ul style='color: {FAIL_COLOUR};'>{''.join(items)}</ul>"
    )


def screening_html(report: PcimaReport) -> str:
    screening_title = translate("PcimaReport", "Dépistage du mois")
    s = report.screening

    def with_share(part: int) -> str:
        share = s.share(part)
        if share is None:
            return number_text(part)
        return translate("PcimaReport", "{0} ({1} des dépistés)").format(
            number_text(part), percent_text(share)
        )

    rows = [
        (translate("PcimaReport", "Enfants de 6 à 59 mois dépistés"), number_text(s.children)),
        (translate("PcimaReport", "MAS (malnutrition aiguë sévère)"), with_share(s.sam)),
        (translate("PcimaReport", "MAM (malnutrition aiguë modérée)"), with_share(s.mam)),
        (
            translate("PcimaReport", "dont œdèmes bilatéraux (comptés dans les MAS)"),
            number_text(s.oedema),
        ),
        (
            translate("PcimaReport", "Femmes enceintes ou allaitantes dépistées"),
            number_text(s.women),
        ),
        (translate("PcimaReport", "dont MAM (PB sous le seuil)"), number_text(s.women_mam)),
    ]
    body = "".join(
        f"<tr><td>{escape(label)}</td><td align=right>{escape(value)}</td></tr>"
        for label, value in rows
    )
    return (
        f"<h3>{escape(screening_title)}</h3>"
        "<table width='100%' border='1' cellspacing='0' cellpadding='4' "
        f"style='border-collapse: collapse; border-color: #999;'>{body}</table>"
    )


def rutf_html(report: PcimaReport) -> str:
    check = report.rutf
    check_title = translate("PcimaReport", "À vérifier :")
    months = check.months
    title = (
        translate("PcimaReport", "Contrôle de l'ATPE par enfant (ce mois)")
        if months == 1
        else translate("PcimaReport", "Contrôle de l'ATPE par enfant ({0} derniers mois)").format(
            months
        )
    )
    if check.flagged:
        box = (
            f"<table width='100%' cellpadding='8' bgcolor='#fff3cd' "
            f"style='border: 2px solid #d97700;'><tr><td>"
            f"<b>⚠ {escape(check_title)}</b> {escape(check.message_fr)}</td></tr></table>"
        )
    else:
        box = f"<p>{escape(check.message_fr)}</p>"
    explain = translate(
        "PcimaReport",
        "ATPE distribué d'après les sorties de stock (dispensations), divisé par les enfants "
        "admis en URENAS.",
    )
    return f"<h3>{escape(title)}</h3>{box}<p><small>{escape(explain)}</small></p>"


def report_html(
    report: PcimaReport, for_print: bool = False, transfers_counted: bool = False
) -> str:
    """The whole report; `for_print` adds the facility header and signatures for paper."""
    facility_label = translate("PcimaReport", "Établissement :")
    title = translate("PcimaReport", "Rapport mensuel PCIMA – {0}").format(month_text(report.month))
    parts = [
        "<html><body style='font-family: sans-serif; font-size: "
        + ("9pt" if for_print else "10pt")
        + ";'>",
        f"<h3>{escape(title)}</h3>",
        f"<p><b>{escape(facility_label)}</b> {escape(report.facility_name)} "
        f"({escape(report.facility_code)})</p>",
        # The units on the left, screening and RUTF on the right: one screen, one A4 page.
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>",
        "<td width='57%' valign='top'>",
        units_table(report.units),
        warnings_html(report.units),
        "</td><td width='2%'></td><td width='41%' valign='top'>",
        rates_html(report.units, transfers_counted),
        rutf_html(report),
        screening_html(report),
        "</td></tr></table>",
    ]
    if for_print:
        signature = translate("PcimaReport", "Établi par (nom, fonction, date, signature) :")
        parts.append(
            f"<p><br/><b>{escape(signature)}</b> "
            "__________________________________________________</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)


# --- the tab -------------------------------------------------------------------------------


class ReportTab(QWidget):
    """The PCIMA monthly report of the facility for a chosen month."""

    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None
        self.report: PcimaReport | None = None
        self._transfers_counted = False

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.month_box = QComboBox()
        self.month_box.setMinimumContentsLength(16)
        fill_months(self.month_box, app.ctx.today(), None)
        self.excel_button = QPushButton(self.tr("Exporter (Excel)…"))
        self.excel_button.setToolTip(
            self.tr("Le rapport en classeur Excel : des totaux seulement, aucun nom d'enfant")
        )
        self.print_button = QPushButton(self.tr("Imprimer…"))
        bar.addWidget(QLabel(self.tr("Mois du rapport :")))
        bar.addWidget(self.month_box)
        bar.addStretch(1)
        bar.addWidget(self.excel_button)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        layout.addWidget(self.view, 1)

        self.month_box.currentIndexChanged.connect(self._on_month_changed)
        self.excel_button.clicked.connect(self._on_export_excel)
        self.print_button.clicked.connect(self._on_print)
        self._update_buttons()

    # --- contract of the nutrition tabs --------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()

    @property
    def month(self) -> date:
        chosen = self.month_box.currentData()
        return chosen if isinstance(chosen, date) else last_complete_month(self.app.ctx.today())

    def set_month(self, month: date) -> None:
        index = month_index(self.month_box, month)
        if index < 0:
            raise DomainError(
                self.tr("Mois {0} : choisissez un mois parmi les {1} derniers.").format(
                    month_text(month_start(month)), MONTHS_BACK
                )
            )
        if index == self.month_box.currentIndex():
            self.refresh()
        else:
            self.month_box.setCurrentIndex(index)

    def refresh(self) -> None:
        self._show_message("", False)
        if self.facility is None:
            self.report = None
            self.view.setHtml(
                "<p>"
                + escape(self.tr("Choisissez un établissement pour voir son rapport."))
                + "</p>"
            )
            self._update_buttons()
            return
        try:
            self.report = pcima_services.pcima_report(self.app.uow(), self.facility, self.month)
            settings = pcima_services.report_settings(self.app.uow())
        except DomainError as exc:
            self.report = None
            self.view.setHtml(f"<p>{escape(str(exc))}</p>")
            self._update_buttons()
            return
        scroll = self.view.verticalScrollBar().value()
        self._transfers_counted = settings.rates_include_transfers
        self.view.setHtml(report_html(self.report, transfers_counted=self._transfers_counted))
        self.view.verticalScrollBar().setValue(scroll)
        self._update_buttons()

    def shown_text(self) -> str:
        """What the user reads, as plain text (for tests and the clipboard)."""
        return self.view.toPlainText()

    def _on_month_changed(self, _index: int) -> None:
        self.refresh()

    def _update_buttons(self) -> None:
        self.excel_button.setEnabled(self.report is not None)
        self.print_button.setEnabled(self.report is not None)

    def _show_message(self, text: str, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else RESULT_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- export and print ------------------------------------------------------------------

    def _suggested_name(self, suffix: str) -> str:
        return f"rapport-pcima-{self.facility}-{self.month:%Y-%m}.{suffix}"

    def _on_export_excel(self) -> None:
        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le rapport PCIMA"),
            self._suggested_name("xlsx"),
            self.tr("Classeur Excel (*.xlsx)"),
        )
        if path:
            self.export_excel(Path(path))

    def export_excel(self, path: Path) -> Path | None:
        """Write the report shown as .xlsx (aggregates only); the result shows above it."""
        if self.report is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        # openpyxl costs a fifth of a second: loaded when a report is first exported.
        from core.exchange.pcima_report import write_report

        try:
            written = write_report(self.report, path)
        except OSError as exc:
            log.warning("PCIMA report export failed: %s", exc)
            self._show_message(
                not_written_text(self.tr("Rapport non enregistré"), path, exc),
                True,
            )
            return None
        except DomainError as exc:
            self._show_message(str(exc), True)
            return None
        self._show_message(self.tr("✔ Rapport enregistré : {0}").format(written), False)
        self.status_message.emit(self.tr("Rapport PCIMA enregistré : {0}").format(written))
        return written

    def print_html(self) -> str | None:
        """The report as it goes to the printer."""
        if self.report is None:
            return None
        return report_html(self.report, for_print=True, transfers_counted=self._transfers_counted)

    def _on_print(self) -> None:
        html = self.print_html()
        if html is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        a4_landscape(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Imprimer le rapport PCIMA"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_html(printer, html)
            self.status_message.emit(self.tr("Rapport PCIMA envoyé à l'imprimante"))
