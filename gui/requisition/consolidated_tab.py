"""The "Vue consolidée" tab: the requisition workbooks of many facilities imported in the
background, then a month's stock situation by region, district and facility, exported as the
consolidated workbook (NGO logistics officers, regional level)."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
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
from gui.forms.common import ERROR_STYLE, HINT_STYLE
from gui.requisition.consolidated_model import (
    DETAILS,
    FILE,
    NAME,
    ConsolidatedImportModel,
    ConsolidatedModel,
    ImportRow,
    area_status_text,
)
from gui.requisition.facility_tab import RESULT_STYLE, capitalized, period_text
from gui.tasks import Progress, Task, run_task

if TYPE_CHECKING:
    from core.requisition_import import FileImport

log = logging.getLogger(__name__)

WORKBOOK_PATTERN = "*.xlsx"


@dataclass(frozen=True, slots=True)
class ImportRun:
    """What the background import hands the tab: the outcome of each file read, and the files
    not reached when the user stopped it."""

    results: list[FileImport]
    not_processed: list[str]

    @property
    def stopped(self) -> bool:
        return bool(self.not_processed)


def import_work(
    app: Application, paths: Sequence[Path]
) -> Callable[[Progress, Callable[[], bool]], ImportRun]:
    """The import of the files, run off the GUI thread (gui.tasks): each file in its own
    transaction; progress gives the fraction of files done and the last file's name."""
    files = list(paths)

    def work(progress: Progress, cancelled: Callable[[], bool]) -> ImportRun:
        from core.requisition_import import import_requisition_files

        def step(done: int, total: int, name: str) -> None:
            progress(done / total if total else 1.0, name)

        results = import_requisition_files(app.uow, app.ctx, files, step, cancelled)
        return ImportRun(results, [p.name for p in files[len(results) :]])

    return work


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


class ConsolidatedRequisitionTab(QWidget):
    """Import many facilities' requisition workbooks, then the consolidated month."""

    data_changed = Signal()
    status_message = Signal(str)
    #: the background import ended (finished, stopped or failed) and its results are shown
    import_finished = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None
        self._task: Task | None = None
        self._total = 0
        self._stale = True
        self._last_folder = ""
        self._requisitions: list[Requisition] = []
        self._shown: Consolidation | None = None

        layout = QVBoxLayout(self)

        # --- importing ----------------------------------------------------------------------
        bar = QHBoxLayout()
        self.import_files_button = QPushButton(self.tr("&Importer des réquisitions…"))
        self.import_files_button.setToolTip(
            self.tr(
                "Choisir les classeurs de réquisition (R&R) approuvés envoyés par les "
                "établissements"
            )
        )
        self.import_folder_button = QPushButton(self.tr("Importer un &dossier…"))
        self.import_folder_button.setToolTip(
            self.tr(
                "Importer tous les classeurs Excel (.xlsx) d'un dossier, par exemple une clé USB"
            )
        )
        self.export_button = QPushButton(self.tr("E&xporter le classeur consolidé…"))
        self.export_button.setToolTip(
            self.tr(
                "Un classeur Excel : synthèse par région et district, une ligne par "
                "établissement, une ligne par produit (ce qui est affiché, filtre compris)"
            )
        )
        bar.addWidget(self.import_files_button)
        bar.addWidget(self.import_folder_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.progress_row = QWidget()
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat(self.tr("%v / %m fichiers"))
        self.progress_bar.setMinimumWidth(220)
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.cancel_button.setToolTip(
            self.tr(
                "Arrêter après le fichier en cours : les fichiers déjà lus restent importés, "
                "les autres ne sont pas touchés"
            )
        )
        progress_layout.addWidget(self.progress_label, 1)
        progress_layout.addWidget(self.progress_bar, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)

        self.results_panel = QWidget()
        results_layout = QVBoxLayout(self.results_panel)
        results_layout.setContentsMargins(0, 0, 0, 0)
        summary_row = QHBoxLayout()
        self.results_summary = QLabel()
        self.results_summary.setWordWrap(True)
        self.results_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide_results_button = QPushButton(self.tr("Masquer"))
        self.hide_results_button.setToolTip(self.tr("Masquer le compte rendu de l'import"))
        summary_row.addWidget(self.results_summary, 1)
        summary_row.addWidget(self.hide_results_button, 0, Qt.AlignmentFlag.AlignTop)
        results_layout.addLayout(summary_row)
        self.results_model = ConsolidatedImportModel(self)
        self.results_table = QTableView()
        self.results_table.setModel(self.results_model)
        self.results_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.setWordWrap(True)
        self.results_table.verticalHeader().hide()
        # Rows as tall as their explanation, at the width the details column has now.
        self.results_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.results_table.setStyleSheet("QTableView { selection-color: black; }")
        results_header = self.results_table.horizontalHeader()
        results_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        results_header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Interactive)
        results_header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        results_layout.addWidget(self.results_table)
        self.results_panel.hide()

        # --- the consolidated month -------------------------------------------------------
        view_panel = QWidget()
        view_layout = QVBoxLayout(view_panel)
        view_layout.setContentsMargins(0, 0, 0, 0)
        choice = QHBoxLayout()
        month_label = QLabel(self.tr("&Mois :"))
        self.month_box = QComboBox()
        self.month_box.setMinimumContentsLength(16)
        self.month_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        month_label.setBuddy(self.month_box)
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
        self.status = QLabel()
        self.status.setStyleSheet("font-weight: bold;")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choice.addWidget(month_label)
        choice.addWidget(self.month_box)
        choice.addSpacing(16)
        choice.addWidget(filter_label)
        choice.addWidget(self.filter_edit)
        choice.addSpacing(16)
        choice.addWidget(self.status, 1)
        view_layout.addLayout(choice)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
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

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.setStyleSheet("font-size: 13pt; color: #555;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.empty)
        view_layout.addWidget(self.pages, 1)

        self.parameters = QLabel()
        self.parameters.setWordWrap(True)
        self.parameters.setStyleSheet(HINT_STYLE)
        view_layout.addWidget(self.parameters)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.hide()
        view_layout.addWidget(self.notes)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.results_panel)
        self.splitter.addWidget(view_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)

        self.import_files_button.clicked.connect(self._on_choose_files)
        self.import_folder_button.clicked.connect(self._on_choose_folder)
        self.export_button.clicked.connect(self._on_export)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.hide_results_button.clicked.connect(self.results_panel.hide)
        self.month_box.currentIndexChanged.connect(self._on_month_changed)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self._show_empty(self.tr("Chargement…"))

    # --- the tab's contract with the screen ------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        """The consolidated view covers every facility: the current one changes nothing."""
        self.facility = code

    def refresh(self) -> None:
        """Reload the months and the month shown; a hidden tab waits until it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._reload()

    # --- months -----------------------------------------------------------------------------

    @property
    def period(self) -> date | None:
        chosen = self.month_box.currentData()
        return chosen if isinstance(chosen, date) else None

    def _month_index(self, period: date) -> int:
        return next(
            (i for i in range(self.month_box.count()) if self.month_box.itemData(i) == period), -1
        )

    def _fill_months(self, wanted: date | None = None) -> None:
        """The months with requisitions, the latest first; `wanted`, else the month shown,
        else the latest, selected."""
        with self.app.uow() as uow:
            periods = uow.requisitions.periods()
        selected = wanted or self.period
        self.month_box.blockSignals(True)
        self.month_box.clear()
        for period in periods:
            self.month_box.addItem(capitalized(period_text(period)), period)
        index = self._month_index(selected) if selected is not None else -1
        self.month_box.setCurrentIndex(index if index >= 0 else 0 if periods else -1)
        self.month_box.blockSignals(False)
        self.month_box.setEnabled(bool(periods))
        self.filter_edit.setEnabled(bool(periods))

    def set_period(self, period: date) -> None:
        """Show the month `period` (one with requisitions)."""
        index = self._month_index(period.replace(day=1))
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
        self._stale = False
        self._fill_months(wanted)
        self._load()

    def _load(self) -> None:
        """The requisitions of the month (a few hundred lines per facility: read at once)."""
        period = self.period
        if period is None:
            self._requisitions = []
        else:
            with self.app.uow() as uow:
                self._requisitions = uow.requisitions.for_period(period)
        names = sorted(
            {r.region for r in self._requisitions if r.region}
            | {r.district for r in self._requisitions if r.district},
            key=fold,
        )
        self.filter_completer.model().setStringList(names)  # type: ignore[attr-defined]
        self._show()

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
        self.export_button.setEnabled(self._task is None)

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

    def show_message(self, text: str, error: bool = False, done: bool = False) -> None:
        style = ERROR_STYLE if error else RESULT_STYLE if done else HINT_STYLE
        prefix = "⚠ " if error else "✔ " if done else ""
        self.message.setStyleSheet(style)
        self.message.setText(prefix + text if text else "")
        self.message.setVisible(bool(text))

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
        paths = sorted(
            (p for p in folder.glob(WORKBOOK_PATTERN) if not p.name.startswith("~$")),
            key=lambda p: p.name.casefold(),
        )
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
        return self._task is not None

    def import_files(self, paths: Sequence[Path]) -> bool:
        """Start importing the files in the background; False if an import is running."""
        if self._task is not None or not paths:
            return False
        self._total = len(paths)
        self.show_message("")
        self.progress_bar.setRange(0, self._total)
        self.progress_bar.setValue(0)
        self.progress_label.setText(
            self.tr("Import des réquisitions : lecture de « {0} »…").format(Path(paths[0]).name)
        )
        self._set_busy(True)
        self._task = run_task(
            import_work(self.app, [Path(p) for p in paths]),
            self._on_imported,
            self._on_import_failed,
            self._on_progress,
        )
        return True

    def cancel_import(self) -> None:
        """Stop after the file being read: what was imported stays, the rest is untouched."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Arrêt après le fichier en cours…"))

    def _on_progress(self, fraction: float, name: str) -> None:
        done = round(fraction * self._total)
        self.progress_bar.setValue(done)
        if self.cancel_button.isEnabled():
            self.progress_label.setText(
                self.tr("Import des réquisitions : « {0} » lu").format(name)
            )

    def _set_busy(self, busy: bool) -> None:
        self.progress_row.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.import_files_button.setEnabled(not busy)
        self.import_folder_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self._shown is not None)

    def _on_imported(self, run: ImportRun) -> None:
        self._task = None
        self._set_busy(False)
        rows = [ImportRow.of(r) for r in run.results]
        rows += [ImportRow(name, None) for name in run.not_processed]
        self.results_model.set_rows(rows)
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

    def _on_import_failed(self, exc: BaseException, _details: str) -> None:
        self._task = None
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
        total = len(run.results) + len(run.not_processed)
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
        if run.not_processed:
            parts.append(
                count_text(
                    len(run.not_processed), self.tr("{0} non traité"), self.tr("{0} non traités")
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
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
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
                self.tr(
                    "Classeur non enregistré : impossible d'écrire {0} ({1}). Si le fichier est "
                    "ouvert dans Excel, fermez-le ; sinon choisissez un autre dossier."
                ).format(path, exc.strerror or exc),
                error=True,
            )
            return None
        self._last_folder = str(written.parent)
        text = self.tr("Classeur consolidé enregistré : {0}").format(written)
        self.show_message(text, done=True)
        self.status_message.emit(text)
        return written
