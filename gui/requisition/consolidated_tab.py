"""The "Vue consolidée" tab: the requisition workbooks of many facilities imported in the
background, then a month's stock situation by region, district and facility, exported as the
consolidated workbook (NGO logistics officers, regional level)."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.consolidation import (
    DEFAULT_EOP_MONTHS,
    DEFAULT_MAX_MONTHS,
    DEFAULT_MIN_MONTHS,
    Consolidation,
    consolidate,
)
from core.errors import DomainError
from core.facilities import fold
from core.requisition import ImportOutcome, Requisition
from core.settings import GLOBAL
from gui.forms.common import ERROR_STYLE, not_written_text
from gui.requisition import common
from gui.requisition.common import (
    RESULT_STYLE,
    RequisitionTab,
    capitalized,
    chosen_month,
    column_panel,
    empty_label,
    hint_label,
    message_label,
    month_index,
    month_selector,
    of_period_text,
    period_text,
    push_button,
    row_layout,
    splitter,
    text_label,
    with_xlsx_suffix,
)
from gui.requisition.consolidated_model import (
    DETAILS,
    FILE,
    NAME,
    ConsolidatedImportModel,
    ConsolidatedModel,
    ImportRow,
    area_status_text,
)
from gui.requisition.import_panel import ImportProgress, ImportResults, ImportRun, workbooks_in
from gui.tasks import BackgroundRefresh, Progress

log = logging.getLogger(__name__)


def stock_settings(app: Application) -> tuple[Decimal, Decimal, Decimal]:
    """The minimum, emergency order point and maximum (months) set for all products in
    Paramètres, else the defaults."""
    values = services.policy_settings(app.uow())

    def value(key: str, default: Decimal) -> Decimal:
        text = values.get((GLOBAL, key))
        return Decimal(text) if text else default

    return (
        value("min_months", DEFAULT_MIN_MONTHS),
        value("eop_months", DEFAULT_EOP_MONTHS),
        value("max_months", DEFAULT_MAX_MONTHS),
    )


def months_setting_text(value: Decimal) -> str:
    return QLocale().toString(float(value), "g", 6)


def count_text(count: int, one: str, many: str) -> str:
    return (one if count == 1 else many).format(QLocale().toString(count))


def matches(requisition: Requisition, wanted: str) -> bool:
    """The requisition's region or district contains what was typed (accents and case
    ignored: "segou" finds Ségou)."""
    return wanted in fold(requisition.region) or wanted in fold(requisition.district)


class ConsolidatedRequisitionTab(RequisitionTab):
    """Import many facilities' requisition workbooks, then the consolidated month."""

    #: the background import ended (finished, stopped or failed) and its results are shown
    import_finished = Signal()
    #: the month's requisitions, read in the background, are shown (or the reason they are not)
    month_shown = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._last_folder = ""
        self._requisitions: list[Requisition] = []
        self._loaded: date | None = None  # the month self._requisitions are of
        self._shown: Consolidation | None = None
        # 150 facilities × 300 lines take about half a second to read: off the GUI thread.
        self._loading = BackgroundRefresh(self, self._load, lambda _busy: None)

        layout = QVBoxLayout(self)

        # --- importing ----------------------------------------------------------------------
        self.import_files_button = push_button(
            self.tr("&Importer des réquisitions…"),
            self.tr(
                "Choisir les classeurs de réquisition (R&R) approuvés envoyés par les "
                "établissements"
            ),
        )
        self.import_folder_button = push_button(
            self.tr("Importer un &dossier…"),
            self.tr(
                "Importer tous les classeurs Excel (.xlsx) d'un dossier, par exemple une clé USB"
            ),
        )
        self.export_button = push_button(
            self.tr("E&xporter le classeur consolidé…"),
            self.tr(
                "Un classeur Excel : synthèse par région et district, une ligne par "
                "établissement, une ligne par produit (ce qui est affiché, filtre compris)"
            ),
        )
        layout.addLayout(
            row_layout(
                self.import_files_button, self.import_folder_button, None, self.export_button
            )
        )

        self.progress_row = ImportProgress(
            app,
            reading=self.tr("Import des réquisitions : lecture de « {0} »…"),
            read=self.tr("Import des réquisitions : « {0} » lu"),
            cancel_tip=self.tr(
                "Arrêter après le fichier en cours : les fichiers déjà lus restent importés, "
                "les autres ne sont pas touchés"
            ),
        )
        self.progress_label = self.progress_row.label
        self.progress_bar = self.progress_row.bar
        self.cancel_button = self.progress_row.cancel_button
        layout.addWidget(self.progress_row)

        self.results_model = ConsolidatedImportModel(self)
        results_table = QTableView()
        results_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        results_table.setStyleSheet("QTableView { selection-color: black; }")
        self.results_panel = ImportResults(self.results_model, results_table, self.tr("Masquer"))
        self.results_summary = self.results_panel.summary
        self.hide_results_button = self.results_panel.hide_button
        self.hide_results_button.setToolTip(self.tr("Masquer le compte rendu de l'import"))
        self.results_table = self.results_panel.table
        results_header = self.results_table.horizontalHeader()
        results_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        results_header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Interactive)
        results_header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)

        # --- the consolidated month -------------------------------------------------------
        view_panel, view_layout = column_panel()
        month_label = QLabel(self.tr("&Mois :"))
        self.month_box = month_selector(month_label, 16)
        filter_label = QLabel(self.tr("&Filtrer :"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Région ou district…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(220)
        filter_label.setBuddy(self.filter_edit)
        self.filter_completer = QCompleter([], self.filter_edit)
        self.filter_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.filter_edit.setCompleter(self.filter_completer)
        self.status = text_label(bold=True, wrap=False)
        choice = row_layout(
            month_label, self.month_box, 16, filter_label, self.filter_edit, 16, (self.status, 1)
        )
        view_layout.addLayout(choice)

        view_layout.addWidget(self.message)

        self.model = ConsolidatedModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(16)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setStyleSheet("QTreeView { selection-color: black; }")
        header = self.tree.header()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)

        self.empty = empty_label()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.empty)
        view_layout.addWidget(self.pages, 1)

        self.parameters = hint_label()
        view_layout.addWidget(self.parameters)
        self.notes = message_label()
        view_layout.addWidget(self.notes)

        self.splitter = splitter(Qt.Orientation.Vertical, (self.results_panel, 1), (view_panel, 3))
        layout.addWidget(self.splitter, 1)

        self.import_files_button.clicked.connect(self._on_choose_files)
        self.import_folder_button.clicked.connect(self._on_choose_folder)
        self.export_button.clicked.connect(self._on_export)
        self.progress_row.imported.connect(self._on_imported)
        self.progress_row.failed.connect(self._on_import_failed)
        self.month_box.currentIndexChanged.connect(self._on_month_changed)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self._show_empty(self.tr("Chargement…"))

    # --- the tab's contract with the screen ------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        """The consolidated view covers every facility: the current one changes nothing."""
        self.facility = code

    # --- months -----------------------------------------------------------------------------

    @property
    def period(self) -> date | None:
        return chosen_month(self.month_box)

    def _fill_months(self, wanted: date | None = None) -> None:
        """The months with requisitions, the latest first; `wanted`, else the month shown,
        else the latest, selected."""
        with self.app.uow() as uow:
            periods = uow.requisitions.periods()
        common.fill_months(
            self.month_box,
            [(capitalized(period_text(p)), p) for p in periods],
            wanted or self.period,
            0 if periods else -1,
        )
        self.month_box.setEnabled(bool(periods))
        self.filter_edit.setEnabled(bool(periods))

    def set_period(self, period: date) -> None:
        """Show the month `period` (one with requisitions)."""
        index = month_index(self.month_box, period)
        if index < 0:
            raise DomainError(
                self.tr(
                    "Aucune réquisition de {0} : importez d'abord les fichiers du mois."
                ).format(period_text(period))
            )
        if index == self.month_box.currentIndex():
            self._load()
        else:
            self.month_box.setCurrentIndex(index)

    def _on_month_changed(self, _index: int) -> None:
        self.show_message("")
        self._load()

    # --- loading and showing ------------------------------------------------------------------

    def _reload(self, wanted: date | None = None) -> None:
        """The months, and the month shown (`wanted`, else the one shown before); refresh()
        calls it once the tab is seen."""
        self._stale = False
        self._fill_months(wanted)
        self._load()

    def _load(self) -> None:
        """Read the requisitions of the month in the background (a few hundred lines per
        facility), then show them; month_shown says when."""
        if self._loading.postpone():
            return
        period = self.period
        if period is None:
            self._on_loaded((None, []))
            return
        if period != self._loaded:
            self._requisitions, self._loaded = [], None
            self.model.set_consolidation(None)
            self._shown = None
            self._show_empty(
                self.tr("Lecture des réquisitions {0}…").format(of_period_text(period))
            )
        uow = self.app.uow

        def work(_progress: Progress, _cancelled: object) -> tuple[date, list[Requisition]]:
            with uow() as unit:
                return period, unit.requisitions.for_period(period)

        self._loading.start(work, self._on_loaded, self._on_load_failed)

    def is_reading(self) -> bool:
        """True while the month's requisitions are being read."""
        return self._loading.is_running()

    def _on_loaded(self, result: tuple[date | None, list[Requisition]]) -> None:
        period, requisitions = result
        if period != self.period:  # the month changed meanwhile
            self._load()
            return
        self._requisitions, self._loaded = requisitions, period
        names = sorted(
            {r.region for r in requisitions if r.region}
            | {r.district for r in requisitions if r.district},
            key=fold,
        )
        self.filter_completer.model().setStringList(names)  # type: ignore[attr-defined]
        self._show()
        self.month_shown.emit()

    def _on_load_failed(self, exc: BaseException, _details: str) -> None:
        """The traceback is in the log (gui.tasks); the user reads what happened."""
        self._requisitions, self._loaded, self._shown = [], None, None
        self.model.set_consolidation(None)
        self._show_empty(
            self.tr("Les réquisitions {0} n'ont pas pu être lues : {1}").format(
                of_period_text(self.period) if self.period else "", exc
            )
        )
        self.month_shown.emit()

    @property
    def filter_text(self) -> str:
        return " ".join(self.filter_edit.text().split())

    def set_filter(self, text: str) -> None:
        self.filter_edit.setText(text)

    def _on_filter_changed(self, _text: str) -> None:
        self._show()

    def _show(self) -> None:
        """Consolidate the requisitions kept by the filter: subtotals are those of what is
        shown."""
        self._shown = None
        period = self.period
        if period is None:
            self.model.set_consolidation(None)
            self._show_empty(
                self.tr(
                    "Aucune réquisition dans cette base.\nCliquez sur « Importer des "
                    "réquisitions… » ou « Importer un dossier… » pour lire les classeurs R&R "
                    "des établissements."
                )
            )
            return
        if period != self._loaded:
            return  # still reading the month: _on_loaded shows it
        wanted = fold(self.filter_text)
        kept = [r for r in self._requisitions if not wanted or matches(r, wanted)]
        if not kept:
            self.model.set_consolidation(None)
            self._show_empty(
                self.tr("Aucune région ni district ne correspond à « {0} » en {1}.").format(
                    self.filter_text, period_text(period)
                )
            )
            return
        try:
            minimum, emergency, maximum = stock_settings(self.app)
            consolidation = consolidate(kept, minimum, emergency, maximum)
        except DomainError as exc:
            self.model.set_consolidation(None)
            self._show_empty(str(exc))
            return
        self._shown = consolidation
        total = (
            self.tr("Total « {0} »").format(self.filter_text)
            if wanted
            else self.tr("Total général")
        )
        self.model.set_consolidation(consolidation, total)
        self.pages.setCurrentWidget(self.tree)
        self.tree.expandAll()
        self._fit_columns()
        self._update_texts(consolidation)

    def _update_texts(self, c: Consolidation) -> None:
        self.status.setText(
            self.tr("{0} · {1}").format(
                count_text(
                    c.total.facilities, self.tr("{0} établissement"), self.tr("{0} établissements")
                ),
                area_status_text(c.total, short=False),
            )
        )
        self.parameters.setText(
            self.tr(
                "Statut : rupture = au moins un produit sans stock utilisable en fin de mois ; "
                "sous le minimum = au moins un produit sous {0} mois de stock. Point de commande "
                "d'urgence (PCU) {1} mois, stock maximum {2} mois. MSD = SDU ÷ CMM ; « – » : "
                "pas de consommation."
            ).format(
                months_setting_text(c.min_months),
                months_setting_text(c.eop_months),
                months_setting_text(c.max_months),
            )
        )
        self.parameters.show()
        if c.notes:
            self.notes.setText(self.tr("Remarques :") + "\n" + "\n".join("• " + n for n in c.notes))
            self.notes.show()
        else:
            self.notes.clear()
            self.notes.hide()
        self.export_button.setEnabled(not self.is_busy())

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.pages.setCurrentWidget(self.empty)
        self.status.clear()
        self.parameters.hide()
        self.notes.clear()
        self.notes.hide()
        self.export_button.setEnabled(False)

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
        # A long facility name may not push the figures out of sight.
        widest = max(self.fontMetrics().horizontalAdvance("x") * 40, self.tree.width() * 3 // 10)
        self.tree.setColumnWidth(NAME, min(self.tree.columnWidth(NAME), widest))

    @property
    def consolidation(self) -> Consolidation | None:
        """What the tree shows (after the filter)."""
        return self._shown

    # --- importing ----------------------------------------------------------------------------

    def _on_choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choisir les réquisitions (R&R) à importer"),
            self._last_folder,
            self.tr("Classeurs Excel (*.xlsx);;Tous les fichiers (*)"),
        )
        if paths:
            self._last_folder = str(Path(paths[0]).parent)
            self.import_files([Path(p) for p in paths])

    def _on_choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choisir le dossier des réquisitions (R&R)"), self._last_folder
        )
        if folder:
            self._last_folder = folder
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> bool:
        """Import every Excel workbook of the folder (not its sub-folders), by name."""
        try:
            paths = workbooks_in(folder)
        except OSError:  # said as for an empty folder: choose another one
            paths = []
        if not paths:
            self.show_message(
                self.tr(
                    "Aucun classeur Excel (.xlsx) dans {0} : choisissez le dossier où sont "
                    "copiées les réquisitions."
                ).format(folder),
                error=True,
            )
            return False
        return self.import_files(paths)

    def is_busy(self) -> bool:
        return self.progress_row.is_running()

    def import_files(self, paths: Sequence[Path]) -> bool:
        """Start importing the files in the background; False if an import is running."""
        if self.is_busy() or not paths:
            return False
        self.show_message("")
        self.progress_row.start(paths)
        self._set_busy(True)
        return True

    def cancel_import(self) -> None:
        """Stop after the file being read: what was imported stays, the rest is untouched."""
        self.progress_row.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.import_files_button.setEnabled(not busy)
        self.import_folder_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self._shown is not None)

    def _on_imported(self, run: ImportRun) -> None:
        self._set_busy(False)
        rows = [ImportRow.of(r) for r in run.results]
        rows += [ImportRow(path.name, None) for path in run.not_tried]
        self.results_model.set_items(rows)
        self.results_table.resizeColumnToContents(FILE)  # the others size themselves
        width = self.fontMetrics().horizontalAdvance("RR_CSCOM-SEVARE_2026-10.xlsx") + 24
        self.results_table.setColumnWidth(FILE, min(self.results_table.columnWidth(FILE), width))
        summary = self.summary_text(run)
        self.results_summary.setText(summary)
        refused = any(r.outcome is ImportOutcome.REFUSED for r in run.results)
        self.results_summary.setStyleSheet(
            "font-weight: bold; " + (ERROR_STYLE if refused or run.stopped else RESULT_STYLE)
        )
        self.results_panel.show()
        # Once laid out: the rows' heights depend on the width of the details column.
        QTimer.singleShot(0, self._size_results)
        imported = [r.requisition for r in run.results if r.imported and r.requisition]
        # Show the month most of the imported files are of (the latest of equals).
        months = Counter(r.period for r in imported)
        wanted = max(months, key=lambda p: (months[p], p)) if months else None
        self._reload(wanted)
        self.status_message.emit(summary)
        if imported:
            self.data_changed.emit()
        self.import_finished.emit()

    def _size_results(self) -> None:
        """The report as tall as its rows, up to two fifths of the tab: the month below
        stays the main thing."""
        table = self.results_table
        wanted = (
            max(
                self.results_summary.heightForWidth(self.results_summary.width()),
                self.hide_results_button.sizeHint().height(),
            )
            + table.horizontalHeader().height()
            + table.verticalHeader().length()
            + 3 * table.frameWidth()
            + 12
        )
        total = sum(self.splitter.sizes()) or self.splitter.height()
        top = min(wanted, total * 2 // 5)
        self.splitter.setSizes([top, max(total - top, 1)])

    def _on_import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, (DomainError, OSError)):
            text = str(exc)
        else:  # the traceback is in the log (gui.tasks)
            text = self.tr(
                "Erreur inattendue pendant l'import : {0}. Les fichiers lus avant l'erreur "
                "restent importés ; les détails sont dans le journal."
            ).format(exc)
        self.show_message(text, error=True)
        self._reload()
        self.import_finished.emit()

    def summary_text(self, run: ImportRun) -> str:
        """ "4 fichiers : 2 importées, 1 déjà importée, 1 refusée · 1 signalement"."""
        outcomes = Counter(r.outcome for r in run.results)
        total = len(run.paths)
        parts = []
        texts = {
            ImportOutcome.IMPORTED: (self.tr("{0} importée"), self.tr("{0} importées")),
            ImportOutcome.REPLACED: (
                self.tr("{0} remplace une version précédente"),
                self.tr("{0} remplacent une version précédente"),
            ),
            ImportOutcome.DUPLICATE: (self.tr("{0} déjà importée"), self.tr("{0} déjà importées")),
            ImportOutcome.OLDER: (self.tr("{0} plus ancienne"), self.tr("{0} plus anciennes")),
            ImportOutcome.REFUSED: (self.tr("{0} refusée"), self.tr("{0} refusées")),
        }
        for outcome, (one, many) in texts.items():
            if outcomes[outcome]:
                parts.append(count_text(outcomes[outcome], one, many))
        if run.not_tried:
            parts.append(
                count_text(
                    len(run.not_tried), self.tr("{0} non traité"), self.tr("{0} non traités")
                )
            )
        text = count_text(total, self.tr("{0} fichier"), self.tr("{0} fichiers"))
        text += " : " + (", ".join(parts) or self.tr("aucun lu"))
        flags = sum(len(r.flags) for r in run.results if r.imported)
        if flags:
            text += " · " + count_text(
                flags, self.tr("{0} signalement à vérifier"), self.tr("{0} signalements à vérifier")
            )
        if run.stopped:
            text = self.tr("Import arrêté. {0}").format(text)
        if outcomes[ImportOutcome.REFUSED]:
            text += ". " + self.tr(
                "Un fichier refusé n'importe rien : demandez à l'établissement de l'exporter de "
                "nouveau depuis SahelStock."
            )
        return text

    # --- export -------------------------------------------------------------------------------

    def suggested_name(self) -> str:
        period = self.period
        name = f"Consolidation_{period:%Y-%m}" if period else "Consolidation"
        wanted = re.sub(r"[^0-9A-Za-z]+", "-", fold(self.filter_text)).strip("-")
        return f"{name}_{wanted}.xlsx" if wanted else f"{name}.xlsx"

    def _on_export(self) -> None:
        if self._shown is None:
            return
        start = str(Path(self._last_folder) / self.suggested_name()) if self._last_folder else ""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le classeur consolidé"),
            start or self.suggested_name(),
            self.tr("Classeur Excel (*.xlsx)"),
        )
        if path:
            self.export_workbook(Path(path))

    def export_workbook(self, path: Path) -> Path | None:
        """Write the consolidation shown (the filter applies) as the three-sheet workbook."""
        consolidation = self._shown
        if consolidation is None:
            return None
        path = with_xlsx_suffix(path)
        # openpyxl costs a fifth of a second: loaded on the first export.
        from core.exchange.consolidated_workbook import DEFAULT_TITLE, write_consolidated_workbook

        title = DEFAULT_TITLE
        if self.filter_text:
            title += self.tr(" – filtre « {0} »").format(self.filter_text)
        try:
            written = write_consolidated_workbook(consolidation, path, title=title)
        except OSError as exc:
            log.warning("Consolidated export failed: %s", exc)
            self.show_message(
                not_written_text(self.tr("Classeur non enregistré"), path, exc),
                error=True,
            )
            return None
        self._last_folder = str(written.parent)
        text = self.tr("Classeur consolidé enregistré : {0}").format(written)
        self.show_message(text, done=True)
        self.status_message.emit(text)
        return written
