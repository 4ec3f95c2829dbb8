"""Import / Export screen: the movements template, and checked, cancellable imports of files of
movements or of monthly LMIS reports, whose sites and products are linked in a dialog."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDir, QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.errors import DomainError
from core.exchange.movements import Problem
from core.importing import ImportResult
from core.monthly_reports import MonthlyImportResult, is_monthly_report_file
from gui.crash import log_file
from gui.exchange.model import (
    FileCheck,
    FilesModel,
    ImportRowsModel,
    ProblemsModel,
    WarningsModel,
    already_there,
    count_text,
    to_write,
)
from gui.i18n import takes_singular
from gui.screen import Screen
from gui.tasks import Cancelled, Progress, Task, run_task

if TYPE_CHECKING:
    from gui.exchange.report_links import ReportLinksDialog

log = logging.getLogger(__name__)

BANNER_STYLES = {
    "info": "background: #e8f0fe; color: #0b2e6b; border: 1px solid #9bb7e8;",
    "ok": "background: #e6f4ea; color: #0d4f22; border: 1px solid #8cc79f;",
    "error": "background: #fde7e9; color: #7a0010; border: 1px solid #e79aa2;",
}


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What the real import did: one result per file tried, and whether the user stopped it."""

    checks: list[FileCheck]
    cancelled: bool
    not_tried: list[str]


#: how many codes or row numbers a summary names before « … »
SHOWN_CODES = 12
SHOWN_ROWS = 30


def _escape(text: str) -> str:
    """Text for a rich-text label (apostrophes kept as they are)."""
    return html.escape(text, quote=False)


def _stoppable(step: Progress, cancelled: Callable[[], bool]) -> Progress:
    """A progress callback that stops an import of monthly reports when the user cancels. The
    import reports progress before it commits, never between commit and its last report
    (fraction 1), so stopping there rolls everything back."""

    def progress(fraction: float, message: str) -> None:
        if fraction < 1.0 and cancelled():
            raise Cancelled()
        step(fraction, message)

    return progress


def _table() -> QTableView:
    table = QTableView()
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ExchangeScreen(Screen):
    """Download the template; choose files; see what they add or what is wrong; import."""

    #: emitted once a check or an import has finished and the screen shows its outcome
    task_finished = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._task: Task | None = None
        self._paths: list[str] = []
        self._preview: list[FileCheck] = []
        self._last_folder = QDir.homePath()
        self.links_dialog: ReportLinksDialog | None = None
        self._first_unlinked_site: str | None = None

        layout = QVBoxLayout(self)
        title = QLabel(
            "<h2>"
            + self.tr("Importer des mouvements ou des rapports mensuels depuis Excel ou CSV")
            + "</h2>"
        )
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "1. Téléchargez le modèle Excel et remplissez une ligne par mouvement (la feuille "
                "Instructions explique chaque colonne).<br>"
                "2. Choisissez le fichier rempli : SahelStock le vérifie et montre ce qu'il "
                "ajoutera, sans rien enregistrer.<br>"
                "3. Si tout est correct, cliquez sur « Importer ». Importer deux fois le même "
                "fichier n'ajoute rien.<br>"
                "Les rapports mensuels LMIS (colonnes year, month, site_code, product_code, "
                "stock_initial…) sont reconnus d'eux-mêmes et vérifiés de la même façon."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        buttons = QHBoxLayout()
        self.template_button = QPushButton(self.tr("Télécharger le modèle…"))
        self.template_button.setToolTip(
            self.tr("Enregistrer le modèle Excel à remplir, avec vos établissements et produits")
        )
        self.choose_button = QPushButton(self.tr("Choisir un fichier à importer…"))
        self.choose_button.setToolTip(
            self.tr(
                "Un ou plusieurs fichiers .xlsx ou .csv, de mouvements ou de rapports mensuels "
                "LMIS ; rien n'est enregistré à ce stade"
            )
        )
        self.recheck_button = QPushButton(self.tr("Vérifier de nouveau"))
        self.recheck_button.setToolTip(
            self.tr("Relire les mêmes fichiers, par exemple après les avoir corrigés")
        )
        self.recheck_button.setEnabled(False)
        self.links_button = QPushButton(self.tr("Sites et produits des rapports…"))
        self.links_button.setToolTip(
            self.tr(
                "Relier les sites et les produits des rapports mensuels importés aux "
                "établissements et au catalogue de cette base"
            )
        )
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.recheck_button)
        buttons.addStretch(1)
        buttons.addWidget(self.links_button)
        layout.addLayout(buttons)

        self.progress_row = QWidget()
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setFormat(self.tr("%p %"))
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.cancel_button.setToolTip(self.tr("Arrêter : rien n'est enregistré pour ce fichier"))
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress_bar, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.files_model = FilesModel()
        self.files_table = _table()
        self.files_table.setModel(self.files_model)
        header = self.files_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.files_table.hide()
        layout.addWidget(self.files_table)

        # What a file of monthly reports adds, replaces and creates (sites, products).
        self.reports_summary = QLabel()
        self.reports_summary.setWordWrap(True)
        self.reports_summary.setTextFormat(Qt.TextFormat.RichText)
        self.reports_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reports_summary.hide()
        layout.addWidget(self.reports_summary)

        self.details_label = QLabel()
        layout.addWidget(self.details_label)
        self.stack = QStackedWidget()
        self._empty_text = self.tr(
            "Aucun fichier choisi.\nCliquez sur « Choisir un fichier à importer… » : le "
            "contenu du fichier s'affichera ici avant d'être enregistré."
        )
        self.empty_label = QLabel(self._empty_text)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555;")
        self.empty_label.setWordWrap(True)
        self.rows_model = ImportRowsModel()
        self.rows_table = _table()
        self.rows_table.setModel(self.rows_model)
        self.problems_model = ProblemsModel()
        self.problems_table = _table()
        self.problems_table.setModel(self.problems_model)
        self.problems_table.setWordWrap(True)
        self.problems_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch
        )
        self.problems_table.setStyleSheet("QTableView { selection-color: black; }")
        self.warnings_model = WarningsModel()
        self.warnings_table = _table()
        self.warnings_table.setModel(self.warnings_model)
        self.warnings_table.setWordWrap(True)
        self.warnings_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch
        )
        self.warnings_table.setStyleSheet("QTableView { selection-color: black; }")
        for widget in (self.empty_label, self.rows_table, self.problems_table, self.warnings_table):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.import_hint = QLabel()
        self.import_hint.setStyleSheet("color: #555;")
        self.import_button = QPushButton(self.tr("Importer"))
        self.import_button.setMinimumWidth(160)
        self.import_button.setEnabled(False)
        bottom.addWidget(self.import_hint, 1)
        bottom.addWidget(self.import_button)
        layout.addLayout(bottom)

        self.template_button.clicked.connect(self._on_template)
        self.choose_button.clicked.connect(self._on_choose)
        self.recheck_button.clicked.connect(lambda: self.check_files(self._paths))
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button.clicked.connect(self.start_import)
        self.links_button.clicked.connect(self.open_report_links)
        self._show_idle_hint()

    # --- the template -------------------------------------------------------------------------

    def _on_template(self) -> None:
        suggested = str(Path(self._last_folder) / self.tr("modele-mouvements.xlsx"))
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer le modèle de mouvements"),
            suggested,
            self.tr("Classeur Excel (*.xlsx)"),
        )
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> Path | None:
        """Write the template with this database's facilities and products; say where."""
        from core.exchange.movements import write_template

        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_template(
                path,
                services.list_facilities(self.app.uow()),
                services.list_products(self.app.uow()),
            )
        except OSError as exc:
            log.warning("Cannot write the template to %s: %s", path, exc)
            self._set_banner(
                "error",
                self.tr(
                    "✖ Impossible d'écrire « {0} » ({1}). Si ce fichier est ouvert dans Excel, "
                    "fermez-le ; sinon choisissez un autre dossier, puis réessayez."
                ).format(path, exc.strerror or exc),
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._last_folder = str(path.parent)
        self._set_banner(
            "ok",
            self.tr(
                "✔ Modèle enregistré : {0}. Remplissez la feuille Mouvements, enregistrez, puis "
                "choisissez ce fichier pour l'importer."
            ).format(path),
        )
        self.status_message.emit(self.tr("Modèle enregistré : {0}").format(path))
        return path

    # --- checking files (dry run) -------------------------------------------------------------

    def _on_choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choisir les fichiers de mouvements ou de rapports mensuels à importer"),
            self._last_folder,
            self.tr("Mouvements ou rapports mensuels (*.xlsx *.csv);;Tous les fichiers (*)"),
        )
        if paths:
            self._last_folder = str(Path(paths[0]).parent)
            self.check_files(paths)

    def check_files(self, paths: list[str]) -> None:
        """Read and check the files in the background; nothing is written."""
        if self.busy or not paths:
            return
        self._paths = [str(p) for p in paths]
        self._clear_preview()
        uow, ctx = self.app.uow, self.app.ctx
        files = list(self._paths)

        def work(progress: Progress, cancelled: Callable[[], bool]) -> list[FileCheck]:
            from core.importing import check_movements
            from core.monthly_services import import_monthly_reports

            checks = []
            for number, path in enumerate(files):
                name = Path(path).name

                def step(fraction: float, _message: str, n: int = number, name: str = name) -> None:
                    progress((n + fraction) / len(files), name)

                result: ImportResult | MonthlyImportResult
                elsewhere = _sahelstock_workbook_problem(Path(path))
                if elsewhere is not None:
                    result = ImportResult(name, 0, 0, 0, [elsewhere], True, committed=False)
                elif is_monthly_report_file(Path(path)):
                    result = import_monthly_reports(
                        uow(), ctx, Path(path), dry_run=True, progress=_stoppable(step, cancelled)
                    )
                else:
                    result = check_movements(
                        uow(), ctx, Path(path), progress=step, cancelled=cancelled
                    )
                if cancelled():
                    raise Cancelled()
                checks.append(FileCheck(path, result))
            return checks

        self._start(
            work,
            self._on_checked,
            self.tr("Vérification de « {0} »…"),
            self.tr("Vérification annulée : rien n'a été enregistré."),
        )

    def _on_checked(self, checks: list[FileCheck]) -> None:
        self._show_checks(checks)
        problems = sum(len(c.result.problems) for c in checks)
        to_add = sum(to_write(c.result) for c in checks)
        if problems:
            self._set_banner(
                "error",
                self.tr(
                    "✖ Rien n'a été enregistré : corrigez ces lignes dans le fichier puis "
                    "réessayez (bouton « Vérifier de nouveau »)."
                ),
            )
            self.import_hint.setText(
                count_text(
                    problems,
                    self.tr("{0} problème à corriger avant de pouvoir importer."),
                    self.tr("{0} problèmes à corriger avant de pouvoir importer."),
                )
            )
        elif to_add == 0:
            self._set_banner("info", self._nothing_to_add_text(checks))
            self.import_hint.setText(self.tr("Rien à importer."))
        else:
            self._set_banner(
                "info",
                self.tr("ℹ Aperçu : {0}. Rien n'est encore enregistré.").format(
                    self._summary_text(checks, future=True)
                ),
            )
            self.import_hint.setText(
                self.tr("Vérifiez les lignes ci-dessus, puis cliquez sur « Importer ».")
            )
        self.import_button.setEnabled(problems == 0 and to_add > 0)
        if problems == 0 and to_add > 0:
            self.import_button.setText(self._import_button_text(checks, to_add))

    def _nothing_to_add_text(self, checks: list[FileCheck]) -> str:
        if not any(c.is_monthly for c in checks):
            already = sum(already_there(c.result) for c in checks)
            return (
                self.tr("ℹ Toutes les lignes sont déjà dans le registre : rien à ajouter.")
                + " "
                + self._already_text(already)
            )
        if all(c.is_monthly for c in checks):
            return self.tr(
                "ℹ Ces rapports sont tous déjà importés avec les mêmes valeurs : rien à "
                "ajouter ni à remplacer."
            )
        return self.tr("ℹ Rien à ajouter : {0}.").format(self._summary_text(checks, future=True))

    def _import_button_text(self, checks: list[FileCheck], to_add: int) -> str:
        if not any(c.is_monthly for c in checks):
            return count_text(to_add, self.tr("Importer {0} ligne"), self.tr("Importer {0} lignes"))
        if all(c.is_monthly for c in checks):
            return count_text(
                to_add, self.tr("Importer {0} rapport"), self.tr("Importer {0} rapports")
            )
        return self.tr("Importer")

    # --- importing ----------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import the checked files, one transaction each, in the background."""
        checks = self.files_model.checks()
        if self.busy or not self.import_button.isEnabled() or not checks:
            return
        self._preview = checks
        uow, ctx = self.app.uow, self.app.ctx
        files = [c.path for c in checks]
        previews = {c.path: c.result for c in checks}
        self.import_button.setEnabled(False)

        def work(progress: Progress, cancelled: Callable[[], bool]) -> ImportOutcome:
            from core.importing import import_movements
            from core.monthly_services import import_monthly_reports

            done: list[FileCheck] = []
            for number, path in enumerate(files):
                name = Path(path).name

                def step(fraction: float, _message: str, n: int = number, name: str = name) -> None:
                    progress((n + fraction) / len(files), name)

                preview = previews[path]
                result: ImportResult | MonthlyImportResult
                if isinstance(preview, MonthlyImportResult):
                    try:
                        result = import_monthly_reports(
                            uow(), ctx, Path(path), progress=_stoppable(step, cancelled)
                        )
                    except Cancelled:  # stopped before its commit: nothing of it was written
                        result = replace(preview, dry_run=False, committed=False)
                else:
                    result = import_movements(
                        uow(), ctx, Path(path), dry_run=False, progress=step, cancelled=cancelled
                    )
                done.append(FileCheck(path, result))
                if not result.committed:
                    break
            stopped = cancelled() and not all(c.result.committed for c in done)
            return ImportOutcome(done, stopped, files[len(done) :])

        self._start(
            work,
            self._on_imported,
            self.tr("Import de « {0} » en cours… (les autres saisies attendront la fin)"),
            self.tr("Import annulé : rien n'a été enregistré."),
        )

    def _on_imported(self, outcome: ImportOutcome) -> None:
        committed = [c for c in outcome.checks if c.result.committed]
        failed = [c for c in outcome.checks if not c.result.committed]
        if outcome.cancelled and not committed:
            # Nothing was written: the preview still holds, the user may start again.
            self._on_checked(self._preview)
            self._set_banner(
                "info",
                self.tr(
                    "ℹ Import annulé : rien n'a été enregistré. Cliquez sur « Importer » pour "
                    "recommencer."
                ),
            )
            return
        self._show_checks(outcome.checks, committed_only=True)
        done_text = self._summary_text(committed, future=False) + "."
        if outcome.cancelled or failed:
            stopped = failed[0].result.file if failed else ""
            skipped = [Path(p).name for p in outcome.not_tried]
            if outcome.cancelled:
                text = self.tr(
                    "✖ Import annulé : rien n'a été enregistré pour « {0} ». Cliquez sur "
                    "« Vérifier de nouveau » pour voir ce qui reste à importer."
                ).format(stopped)
            else:
                text = self.tr(
                    "✖ Rien n'a été enregistré pour « {0} » : le registre a changé depuis la "
                    "vérification. Corrigez ces lignes dans le fichier puis réessayez."
                ).format(stopped)
            if skipped:
                text += " " + self.tr("Fichiers non importés : {0}.").format(", ".join(skipped))
            if committed:
                text += " " + self.tr("Déjà importé(s) avant l'arrêt : {0} — {1}").format(
                    ", ".join(c.result.file for c in committed), done_text
                )
            self._set_banner("error", text)
        else:
            self._set_banner("ok", "✔ " + done_text)
        unlinked = [
            c.result
            for c in committed
            if isinstance(c.result, MonthlyImportResult)
            and (c.result.unlinked_sites or c.result.unlinked_products)
        ]
        if unlinked:
            self._first_unlinked_site = next(
                (r.unlinked_sites[0] for r in unlinked if r.unlinked_sites), None
            )
            self.import_hint.setText(
                self.tr(
                    "Des sites ou des produits des rapports ne sont reliés à rien : cliquez sur "
                    "« Sites et produits des rapports… » pour les relier."
                )
            )
        else:
            self.import_hint.setText(
                self.tr(
                    "Pour importer d'autres fichiers, cliquez sur « Choisir un fichier à "
                    "importer… »."
                )
            )
        self.import_button.setText(self.tr("Importer"))
        self.import_button.setEnabled(False)
        if committed:
            self.status_message.emit(done_text)
            self.ledger_changed.emit()

    # --- shared plumbing ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def cancel(self) -> None:
        """Ask the running check or import to stop; nothing of the current file is written."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Annulation en cours…"))

    def _start(
        self,
        work: Callable[[Progress, Callable[[], bool]], object],
        on_done: Callable[[Any], None],
        progress_text: str,
        cancelled_text: str,
    ) -> None:
        def progress(fraction: float, name: str) -> None:
            self.progress_bar.setValue(round(fraction * 1000))
            if self.cancel_button.isEnabled():
                self.progress_label.setText(progress_text.format(name))

        def succeeded(result: object) -> None:
            self._finish()
            on_done(result)
            self.task_finished.emit()

        def failed(exc: BaseException, _details: str) -> None:
            self._finish()
            self.empty_label.setText(self._empty_text)
            if isinstance(exc, Cancelled):
                self._set_banner("info", "ℹ " + cancelled_text)
                self.import_hint.setText(self.tr("Choisissez un fichier pour recommencer."))
            elif isinstance(exc, (DomainError, OSError)):
                self._set_banner("error", "✖ " + str(exc))
            else:  # the traceback is in the log (gui.tasks); the ledger is unchanged
                self._set_banner(
                    "error",
                    self.tr(
                        "✖ Erreur inattendue : {0}. Rien n'a été enregistré pour le fichier en "
                        "cours. Les détails sont dans le journal {1}."
                    ).format(exc, log_file() or "sahelstock.log"),
                )
            self.task_finished.emit()

        self._set_busy(True)
        self.progress_bar.setValue(0)
        self.progress_label.setText(progress_text.format(Path(self._paths[0]).name))
        self._task = run_task(work, succeeded, failed, progress)

    def _finish(self) -> None:
        self._task = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.progress_row.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        for button in (self.template_button, self.choose_button):
            button.setEnabled(not busy)
        self.recheck_button.setEnabled(not busy and bool(self._paths))
        if busy:
            self.import_button.setEnabled(False)
            self.import_hint.setText(self.tr("Veuillez patienter…"))

    def _clear_preview(self) -> None:
        self.banner.hide()
        self.files_model.set_items([])
        self.files_table.hide()
        self.reports_summary.hide()
        self.rows_model.set_rows([], {})
        self.problems_model.set_items([])
        self.warnings_model.set_items([])
        self.details_label.clear()
        self.empty_label.setText(self.tr("Lecture et vérification du fichier…"))
        self.stack.setCurrentWidget(self.empty_label)
        self.import_button.setText(self.tr("Importer"))
        self.import_button.setEnabled(False)

    def _show_checks(self, checks: list[FileCheck], committed_only: bool = False) -> None:
        self.files_model.set_items(checks)
        self.files_table.show()
        self.files_table.resizeColumnToContents(0)
        visible = min(len(checks), 4)
        self.files_table.setFixedHeight(
            self.files_table.horizontalHeader().height()
            + sum(self.files_table.rowHeight(r) for r in range(visible))
            + 2 * self.files_table.frameWidth()
        )
        # With one file, its name is already in the files table.
        single = len(checks) == 1
        self.rows_table.setColumnHidden(0, single)
        self.problems_table.setColumnHidden(0, single)
        self.warnings_table.setColumnHidden(0, single)
        problems = [p for c in checks for p in c.result.problems]
        if problems:
            self.reports_summary.hide()
            self.problems_model.set_items(problems)
            self.details_label.setText(
                "<b>"
                + self.tr("Problèmes, ligne par ligne :")
                + "</b> "
                + self.tr("(la ligne et la colonne sont celles du fichier)")
            )
            self.stack.setCurrentWidget(self.problems_table)
            self._fit_problems(self.problems_table, problems)
            return
        kept = [c for c in checks if c.result.committed or not committed_only]
        reports = [c.result for c in kept if isinstance(c.result, MonthlyImportResult)]
        movements = [c.result for c in kept if isinstance(c.result, ImportResult)]
        self._show_reports_summary(reports, done=committed_only)
        warnings = [w for r in reports for w in r.warnings]
        self.warnings_model.set_items(warnings)
        rows = [row for r in movements for row in r.new_rows]
        if reports and not rows:
            self._show_warnings(warnings, done=committed_only)
            return
        products = {p.code: p for p in services.list_products(self.app.uow())} if rows else {}
        self.rows_model.set_rows(rows, products)
        if committed_only:
            heading = self.tr("Lignes ajoutées au registre :")
        else:
            heading = self.tr("Lignes qui seront ajoutées (pas encore enregistrées) :")
        self.details_label.setText("<b>" + heading + "</b>")
        self.stack.setCurrentWidget(self.rows_table if rows else self.empty_label)
        if not rows:
            self.empty_label.setText(self.tr("Aucune nouvelle ligne."))
        self.rows_table.resizeColumnsToContents()

    def _fit_problems(self, table: QTableView, problems: list[Problem]) -> None:
        count = len(problems)
        # CSV files have no sheet: no column for it then.
        table.setColumnHidden(1, not any(p.sheet for p in problems))
        for column in range(4):
            table.resizeColumnToContents(column)
        # Long messages wrap in the last column; past a few hundred rows, measuring every
        # row would slow the screen down, and the tooltip still shows the whole message.
        table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
            if count <= 300
            else QHeaderView.ResizeMode.Interactive
        )

    def _show_warnings(self, warnings: list[Problem], done: bool) -> None:
        """The rows of monthly reports whose identity does not hold: kept as they are."""
        if not warnings:
            self.details_label.clear()
            self.empty_label.setText(
                self.tr(
                    "✔ Chaque ligne respecte stock final = stock initial + reçu + ajustements "
                    "− distribué."
                )
            )
            self.stack.setCurrentWidget(self.empty_label)
            return
        if done:
            note = self.tr("(importées telles quelles : vérifiez-les auprès du site)")
        else:
            note = self.tr("(elles seront importées telles quelles, sans correction)")
        self.details_label.setText(
            "<b>"
            + self.tr(
                "Lignes à vérifier : stock final ≠ stock initial + reçu + ajustements − distribué"
            )
            + "</b> "
            + note
        )
        self.stack.setCurrentWidget(self.warnings_table)
        self._fit_problems(self.warnings_table, warnings)

    def _show_reports_summary(self, results: list[MonthlyImportResult], done: bool) -> None:
        """Per file of monthly reports: rows read, reports added / replaced / unchanged, the
        sites and products created (linked or not), and the rows whose identity fails."""
        if not results:
            self.reports_summary.hide()
            return
        uow = self.app.uow
        facilities = {f.code.casefold(): f.code for f in services.list_facilities(uow())}
        catalogue = {p.code.casefold(): p.code for p in services.list_products(uow())}
        locale = QLocale()
        blocks = []
        for r in results:
            lines = [
                "<b>"
                + _escape(self.tr("Rapports mensuels LMIS « {0} »").format(r.file))
                + "</b> — "
                + _escape(
                    count_text(r.rows, self.tr("{0} ligne lue"), self.tr("{0} lignes lues"))
                    + " : "
                    + self._reports_text(r.added, r.replaced, r.unchanged, future=not done)
                    + "."
                )
            ]
            if r.sites_created:
                heading = (
                    self.tr("Sites créés dans les rapports ({0})")
                    if done
                    else self.tr("Sites qui seront créés dans les rapports ({0})")
                )
                lines.append(
                    self._created_line(
                        heading,
                        r.sites_created,
                        r.unlinked_sites,
                        facilities,
                        self.tr("reliés à l'établissement de même code : {0}"),
                        self.tr("sans établissement relié : {0}"),
                    )
                )
            if r.products_created:
                heading = (
                    self.tr("Produits créés dans les rapports ({0})")
                    if done
                    else self.tr("Produits qui seront créés dans les rapports ({0})")
                )
                lines.append(
                    self._created_line(
                        heading,
                        r.products_created,
                        r.unlinked_products,
                        catalogue,
                        self.tr("reliés au produit du catalogue de même code : {0}"),
                        self.tr("hors catalogue : {0}"),
                    )
                )
            if r.unlinked_sites or r.unlinked_products:
                lines.append(
                    _escape(
                        self.tr(
                            "Reliez-les à un établissement ou à un produit du catalogue avec "
                            "« Sites et produits des rapports… »."
                        )
                        if done
                        else self.tr(
                            "Ceux qui ne sont reliés à rien pourront l'être après l'import, "
                            "avec « Sites et produits des rapports… »."
                        )
                    )
                )
            if r.warnings:
                numbers = [w.row for w in r.warnings if w.row is not None]
                shown = ", ".join(locale.toString(n) for n in numbers[:SHOWN_ROWS])
                if len(numbers) > SHOWN_ROWS:
                    shown += " …"
                if takes_singular(len(r.warnings)):
                    text = self.tr(
                        "⚠ {0} ligne où stock final ≠ stock initial + reçu + ajustements − "
                        "distribué (ligne {1}) : importée telle quelle, non corrigée."
                    )
                else:
                    text = self.tr(
                        "⚠ {0} lignes où stock final ≠ stock initial + reçu + ajustements − "
                        "distribué (lignes {1}) : importées telles quelles, non corrigées."
                    )
                lines.append(
                    "<span style='color: #8a4b00;'>"
                    + _escape(text.format(locale.toString(len(r.warnings)), shown))
                    + "</span>"
                )
            blocks.append("<br>".join(lines))
        self.reports_summary.setText("<br><br>".join(blocks))
        self.reports_summary.setStyleSheet(
            "QLabel { background: #f6f8fa; border: 1px solid #d0d7de; padding: 6px; }"
        )
        self.reports_summary.show()

    def _created_line(
        self,
        heading: str,
        created: tuple[str, ...],
        unlinked: tuple[str, ...],
        targets: dict[str, str],
        linked_text: str,
        unlinked_text: str,
    ) -> str:
        """« Sites qui seront créés (3) — reliés … : A → A ; sans établissement relié : B, C »:
        a code that is not unlinked was linked at once to the target with the same code."""
        left = set(unlinked)
        linked = [
            _escape(code) + " → " + _escape(targets.get(code.casefold(), code))
            for code in created
            if code not in left
        ]
        rest = [_escape(code) for code in created if code in left]
        parts = []
        if linked:
            parts.append(_escape(linked_text).format(self._shortened(linked)))
        if rest:
            parts.append("<i>" + _escape(unlinked_text).format(self._shortened(rest)) + "</i>")
        return _escape(heading.format(QLocale().toString(len(created)))) + " — " + " ; ".join(parts)

    def _shortened(self, named: list[str]) -> str:
        text = ", ".join(named[:SHOWN_CODES])
        if len(named) > SHOWN_CODES:
            text += " " + _escape(
                self.tr("… et {0} autres").format(QLocale().toString(len(named) - SHOWN_CODES))
            )
        return text

    def _summary_text(self, checks: list[FileCheck], future: bool) -> str:
        """What the files add (or added): movements, then monthly reports."""
        movements = [c.result for c in checks if isinstance(c.result, ImportResult)]
        reports = [c.result for c in checks if isinstance(c.result, MonthlyImportResult)]
        parts = []
        if movements or not reports:
            added = sum(r.added for r in movements)
            already = sum(r.already_imported for r in movements)
            parts.append(
                (" ; " if future else ", ").join(
                    [self._added_text(added, future), self._already_text(already)]
                )
            )
        if reports:
            parts.append(
                self._reports_text(
                    sum(r.added for r in reports),
                    sum(r.replaced for r in reports),
                    sum(r.unchanged for r in reports),
                    future,
                )
            )
        return " ; ".join(parts)

    def _reports_text(self, added: int, replaced: int, unchanged: int, future: bool) -> str:
        if future:
            first = count_text(
                added, self.tr("{0} rapport sera ajouté"), self.tr("{0} rapports seront ajoutés")
            )
            second = count_text(
                replaced,
                self.tr("{0} sera remplacé par une nouvelle version"),
                self.tr("{0} seront remplacés par une nouvelle version"),
            )
        else:
            first = count_text(
                added, self.tr("{0} rapport ajouté"), self.tr("{0} rapports ajoutés")
            )
            second = count_text(
                replaced,
                self.tr("{0} remplacé par une nouvelle version"),
                self.tr("{0} remplacés par une nouvelle version"),
            )
        third = count_text(
            unchanged,
            self.tr("{0} déjà importé à l'identique"),
            self.tr("{0} déjà importés à l'identique"),
        )
        return ", ".join([first, second, third])

    def _added_text(self, n: int, future: bool) -> str:
        if future:
            return count_text(
                n, self.tr("{0} mouvement sera ajouté"), self.tr("{0} mouvements seront ajoutés")
            )
        return count_text(n, self.tr("{0} mouvement ajouté"), self.tr("{0} mouvements ajoutés"))

    def _already_text(self, n: int) -> str:
        return count_text(
            n, self.tr("{0} ligne déjà importée"), self.tr("{0} lignes déjà importées")
        )

    def _set_banner(self, kind: str, text: str) -> None:
        self.banner.setStyleSheet(f"QLabel {{ {BANNER_STYLES[kind]} padding: 8px; }}")
        self.banner.setText(text)
        self.banner.setProperty("kind", kind)
        self.banner.show()

    def _show_idle_hint(self) -> None:
        self.import_hint.setText(self.tr("Choisissez d'abord un fichier : il sera vérifié."))

    def refresh(self) -> None:
        """Nothing depends on the facility: an import covers whatever facilities its rows name."""

    # --- sites and products of the reports ------------------------------------------------------

    def open_report_links(self) -> ReportLinksDialog:
        """Open the dialog that links report sites and products (window-modal, not blocking);
        after an import that left sites unlinked, the first of them is selected."""
        from gui.exchange.report_links import ReportLinksDialog

        dialog = ReportLinksDialog(self.app, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.links_changed.connect(self._on_links_changed)
        if self._first_unlinked_site is not None:
            dialog.select_site(self._first_unlinked_site)
        self.links_dialog = dialog
        dialog.open()
        return dialog

    def _on_links_changed(self, text: str) -> None:
        self._first_unlinked_site = None
        self.status_message.emit(text)
        # Imported histories now count under a facility or catalogue product: reload screens.
        self.ledger_changed.emit()

    def result_of(self, file_name: str) -> ImportResult | MonthlyImportResult | None:
        """The last check or import of a file, by name (for tests and the files table)."""
        return next(
            (c.result for c in self.files_model.checks() if c.result.file == file_name), None
        )


def _sahelstock_workbook_problem(path: Path) -> Problem | None:
    """A requisition or delivery note workbook dropped here: say where it is imported."""
    from core.exchange.cells import sahelstock_format
    from core.exchange.delivery_workbook import FORMAT as DELIVERY_FORMAT
    from core.exchange.requisition_workbook import FORMAT as REQUISITION_FORMAT

    kind = sahelstock_format(path)
    if kind == REQUISITION_FORMAT:
        message = QCoreApplication.translate(
            "ExchangeScreen",
            "ce classeur est une réquisition (R&R) : importez-le dans l'écran Réquisitions, "
            "onglet District (ou Vue consolidée).",
        )
    elif kind == DELIVERY_FORMAT:
        message = QCoreApplication.translate(
            "ExchangeScreen",
            "ce classeur est un bon de livraison : importez-le dans l'écran Réquisitions, "
            "onglet Livraisons reçues.",
        )
    else:
        return None
    return Problem(path.name, "", None, None, message)
