"""The "District" tab: the district pharmacist's month at the depot. Import the facilities'
requisition workbooks (a whole folder, in the background), review them side by side with their
flags, set approved quantities, then produce the depot's own requisition one level up and the
delivery notes of the facilities."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from core.delivery import DeliveryNote
from core.district import (
    DistrictReview,
    ReviewFacility,
    StoredNote,
    district_review,
    set_approved_quantity,
)
from core.errors import DomainError
from core.facilities import Facility
from core.requisition import Requisition, of_period_fr
from core.stock import month_start
from gui.forms.common import HINT_STYLE
from gui.requisition import common
from gui.requisition.common import (
    QuantityDelegate,
    RequisitionTab,
    capitalized,
    chosen_month,
    column_panel,
    editable_table,
    empty_label,
    fit_columns,
    fit_texts,
    hint_label,
    last_complete_month,
    message_label,
    month_index,
    month_selector,
    period_text,
    push_button,
    row_layout,
    splitter,
    text_label,
    wait_cursor,
)
from gui.requisition.district_dialogs import (
    CommentDialog,
    DeliveryNotesDialog,
    DistrictRequisitionDialog,
    review_table,
)
from gui.requisition.district_model import (
    DETAILS,
    F_NAME,
    FILE,
    FIXED_COLUMNS,
    M_NAME,
    M_UNIT,
    OUTCOME,
    ImportResultsModel,
    MatrixModel,
    ReviewFacilityModel,
    counted,
    facility_label,
    import_summary,
    problem_text,
)
from gui.requisition.import_panel import ImportProgress, ImportResults, ImportRun, workbooks_in
from gui.screen import open_dialog
from gui.stock.model import format_date
from gui.tasks import BackgroundRefresh, Progress

log = logging.getLogger(__name__)

BANNER_STYLE = (
    "background: #fff3e0; color: #6d3400; border: 1px solid #f0a35e; border-radius: 3px; "
    "padding: 6px;"
)


# --- background work ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewData:
    """What the background load hands the tab: the review of a depot's month and what was
    already produced for it."""

    depot_code: str
    period: date
    review: DistrictReview
    own: Requisition | None  # the depot's requisition of the month, once approved
    issued: list[StoredNote] = field(default_factory=list)  # delivery notes issued
    notes: dict[tuple[str, str], str] = field(default_factory=dict)  # approval comments

    @property
    def depot(self) -> Facility:
        return self.review.depot


def load_review(
    app: Application, depot_code: str, period: date
) -> Callable[[Progress, Callable[[], bool]], ReviewData]:
    """The work of one refresh, off the GUI thread."""

    def work(progress: Progress, _cancelled: Callable[[], bool]) -> ReviewData:
        progress(0.0, depot_code)
        review = district_review(app.uow(), app.ctx, depot_code, period)
        with app.uow() as uow:
            own = uow.requisitions.find(depot_code, review.period)
            issued = uow.district.notes("out", period=review.period, from_code=depot_code)
            notes = {
                (a.facility_code, a.product_code): a.note
                for a in uow.district.approved(depot_code, review.period)
                if a.note
            }
        progress(1.0, depot_code)
        return ReviewData(depot_code, review.period, review, own, issued, notes)

    return work


# --- the tab --------------------------------------------------------------------------------------


class DistrictRequisitionTab(RequisitionTab):
    """The month of the current facility as a district depot: the import of the facilities'
    requisitions, their review side by side, the approved quantities, the depot's own
    requisition and the delivery notes. The review is loaded in the background when shown,
    after a change of facility or month, and after anything is stored."""

    #: the review (or why there is none) is on screen (tests wait for it)
    review_shown = Signal()
    #: an import finished and its results are on screen
    import_finished = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.data: ReviewData | None = None
        self._loading = BackgroundRefresh(self, self._reload, self._set_busy)
        self.comment_dialog: CommentDialog | None = None
        self.district_dialog: DistrictRequisitionDialog | None = None
        self.delivery_dialog: DeliveryNotesDialog | None = None
        self._warnings: list[str] = []

        layout = QVBoxLayout(self)
        month_label = QLabel(self.tr("&Mois :"))
        self.month_box = month_selector(month_label, 16)
        self.import_button = push_button(
            self.tr("&Importer des réquisitions…"),
            self.tr(
                "Les classeurs R&R reçus des établissements (clé USB, courriel) : tout un "
                "dossier ou quelques fichiers"
            ),
        )
        self.import_menu = QMenu(self.import_button)
        self.folder_action = self.import_menu.addAction(self.tr("Tout un &dossier…"))
        self.files_action = self.import_menu.addAction(self.tr("Des &fichiers…"))
        self.import_button.setMenu(self.import_menu)
        self.busy_label = QLabel(self.tr("Chargement…"))
        self.busy_label.setStyleSheet(HINT_STYLE)
        self.district_button = push_button(
            self.tr("Réquisition du &district…"),
            self.tr(
                "La réquisition du dépôt au niveau supérieur (hôpital régional / PPM) : ses "
                "besoins et les quantités approuvées pour les établissements"
            ),
        )
        self.delivery_button = push_button(
            self.tr("&Bons de livraison…"),
            self.tr(
                "Un bon par établissement, avec les lots à livrer (premier périmé, premier sorti)"
            ),
        )
        bar = row_layout(
            month_label,
            self.month_box,
            8,
            self.import_button,
            8,
            self.busy_label,
            None,
            self.district_button,
            self.delivery_button,
        )
        layout.addLayout(bar)

        self.status = text_label(bold=True)
        layout.addWidget(self.status)

        self.progress_row = ImportProgress(
            app,
            reading=self.tr("Import de {0}…"),
            read=self.tr("Importé : {0}"),
            cancel_tip=self.tr(
                "Arrêter après le fichier en cours : les fichiers déjà importés le restent"
            ),
        )
        self.progress_label = self.progress_row.label
        self.progress_bar = self.progress_row.bar
        self.cancel_button = self.progress_row.cancel_button
        layout.addWidget(self.progress_row)

        self.banner = message_label()
        self.banner.setStyleSheet(BANNER_STYLE)
        layout.addWidget(self.banner)

        layout.addWidget(self.message)

        # --- the results of the last import (shown after an import) -----------------------
        self.results_model = ImportResultsModel(self)
        self.results_panel = ImportResults(
            self.results_model, review_table(), self.tr("&Masquer les résultats")
        )
        self.results_summary = self.results_panel.summary
        self.results_summary.setStyleSheet("font-weight: bold;")
        self.hide_results_button = self.results_panel.hide_button
        self.results_table = self.results_panel.table
        self.results_table.horizontalHeader().setStretchLastSection(True)

        # --- the review ---------------------------------------------------------------------
        self.facility_model = ReviewFacilityModel(self)
        self.facility_table = review_table()
        self.facility_table.setModel(self.facility_model)
        self.facility_table.setWordWrap(False)
        self.facility_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.facility_table.horizontalHeader().setStretchLastSection(False)
        self.facility_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

        self.flags_title = text_label(bold=True)
        self.flags_view = QPlainTextEdit()
        self.flags_view.setReadOnly(True)
        self.flags_view.setTabChangesFocus(True)
        flags_panel, _ = column_panel(self.flags_title, self.flags_view)
        self.upper = splitter(Qt.Orientation.Horizontal, (self.facility_table, 3), (flags_panel, 2))

        self.matrix_model = MatrixModel(self)
        # Code, Produit and Unité stay on the left: the product of the facility's cell.
        self.matrix = editable_table(frozen=M_UNIT + 1)
        self.matrix.setModel(self.matrix_model)
        self.matrix.setWordWrap(False)
        self.matrix.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.matrix.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.matrix.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix.horizontalHeader().setMinimumSectionSize(40)
        self.quantity_delegate = QuantityDelegate(self.tr("quantité demandée"), self.matrix)
        self.matrix.setItemDelegate(self.quantity_delegate)
        self.matrix_title = hint_label(
            self.tr(
                "Produits × établissements : quantités demandées et approuvées (en unités de "
                "base). Double-clic ou F2 sur une cellule « approuvé ✎ » pour la changer."
            )
        )
        lower, _ = column_panel(self.matrix_title, self.matrix)
        self.review_splitter = splitter(Qt.Orientation.Vertical, (self.upper, 2), (lower, 3))

        self.empty = empty_label("12pt")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.review_splitter)
        self.pages.addWidget(self.empty)

        self.splitter = splitter(Qt.Orientation.Vertical, (self.results_panel, 2), (self.pages, 3))
        layout.addWidget(self.splitter, 1)

        self._fill_months()
        self.month_box.currentIndexChanged.connect(self._on_month_changed)
        self.folder_action.triggered.connect(self._on_import_folder)
        self.files_action.triggered.connect(self._on_import_files)
        self.progress_row.imported.connect(self._on_imported)
        self.progress_row.failed.connect(self._on_import_failed)
        self.district_button.clicked.connect(self.open_district_requisition)
        self.delivery_button.clicked.connect(self.open_delivery_notes)
        self.facility_table.selectionModel().selectionChanged.connect(self._on_facility_selected)
        self.matrix_model.approval_edited.connect(self._on_approval_edited)
        self.matrix_model.refused.connect(lambda text: self.show_message(text, error=True))
        self._set_busy(False)
        self._show_empty(self.tr("Choisissez l'établissement du dépôt (CSRéf) pour voir son mois."))

    # --- months ---------------------------------------------------------------------------

    def _fill_months(self, select: date | None = None) -> None:
        """The months with stored requisitions and the last complete month, latest first;
        `select` (or the month shown, or the last complete one) selected."""
        last = last_complete_month(self.app.ctx.today())
        try:
            with self.app.uow() as uow:
                stored = uow.requisitions.periods()
        except Exception:  # the selector still offers the last complete month
            log.exception("Cannot list the months with requisitions")
            stored = []
        months = sorted({month_start(p) for p in stored} | {last}, reverse=True)
        wanted = select or chosen_month(self.month_box) or last
        common.fill_months(
            self.month_box, [(period_text(m), m) for m in months], wanted, months.index(last)
        )

    @property
    def period(self) -> date:
        return chosen_month(self.month_box) or last_complete_month(self.app.ctx.today())

    def set_period(self, period: date) -> None:
        """Show the month `period` (added to the selector if needed)."""
        wanted = month_start(period)
        if month_index(self.month_box, wanted) < 0:
            self._fill_months(select=wanted)
            if month_index(self.month_box, wanted) < 0:
                self.month_box.addItem(period_text(wanted), wanted)
        index = month_index(self.month_box, wanted)
        if index == self.month_box.currentIndex():
            self.refresh()
        else:
            self.month_box.setCurrentIndex(index)

    def _on_month_changed(self, _index: int) -> None:
        self.show_message("")
        self.refresh()

    # --- loading --------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._loading.is_running()

    def is_importing(self) -> bool:
        return self.progress_row.is_running()

    def _reload(self) -> None:
        """Load the review again, in the background (refresh() calls it once the tab is
        seen)."""
        self._stale = False
        if self._loading.postpone():
            return
        if self.facility is None:
            self.data = None
            self._show_data()
            self._show_empty(
                self.tr("Choisissez l'établissement du dépôt (CSRéf) pour voir son mois.")
            )
            self.review_shown.emit()
            return
        self._loading.start(
            load_review(self.app, self.facility, self.period), self._on_loaded, self._on_failed
        )

    def _on_loaded(self, data: ReviewData) -> None:
        if (data.depot_code, data.period) != (self.facility, self.period):
            self._reload()
            return
        self.data = data
        self._show_data()
        self.review_shown.emit()

    def _on_failed(self, exc: BaseException, _details: str) -> None:
        self.data = None
        self._show_data()
        if isinstance(exc, DomainError):
            self._show_empty(str(exc))
        else:  # the traceback is in the log (gui.tasks)
            self._show_empty(self.tr("La revue du mois n'a pas pu être chargée : {0}").format(exc))
        self.review_shown.emit()

    # --- showing --------------------------------------------------------------------------

    def _show_data(self) -> None:
        data = self.data
        facility_row = self.selected_facility()
        current = self.matrix.currentIndex()
        review = data.review if data else None
        self.facility_model.set_items(review.facilities if review else [])
        self.matrix_model.set_review(review, data.notes if data else None)
        self._warnings = review.warnings() if review else []
        self._show_banner()
        if data is None:
            self.status.setText("")
            self._update()
            return
        if not review or not review.facilities:
            depot = data.depot
            self._show_empty(
                self.tr(
                    "{0} n'approvisionne aucun établissement.\n\nPour qu'un CSCom apparaisse "
                    "ici : choisissez-le comme établissement (en haut de la fenêtre), puis dans "
                    "Paramètres › Établissement, mettez « Fournisseur : {0} ». Une réquisition "
                    "importée qui nomme ce dépôt comme fournisseur l'ajoute aussi : importez "
                    "les réquisitions reçues (Importer des réquisitions…)."
                ).format(facility_label(depot.code, depot.name))
            )
        else:
            self.pages.setCurrentWidget(self.review_splitter)
            self._fit_tables()
            row = self.facility_model.row_of(facility_row) if facility_row else -1
            self.facility_table.selectRow(row if row >= 0 else 0)
            if (
                current.isValid()
                and current.row() < self.matrix_model.rowCount()
                and current.column() < self.matrix_model.columnCount()
            ):
                self.matrix.setCurrentIndex(current)
        self.status.setText(self.status_text())
        self._update()

    def status_text(self) -> str:
        data = self.data
        if data is None:
            return ""
        review = data.review
        parts = [
            f"{facility_label(data.depot.code, data.depot.name)} · "
            f"{capitalized(period_text(data.period))}"
        ]
        received = sum(1 for f in review.facilities if f.requisition is not None)
        if review.facilities:
            parts.append(
                self.tr("{0} sur {1}").format(
                    counted(received, self.tr("réquisition reçue"), self.tr("réquisitions reçues")),
                    len(review.facilities),
                )
            )
        flags = sum(len(f.flags) for f in review.facilities)
        if flags:
            parts.append("⚠ " + counted(flags, self.tr("signalement"), self.tr("signalements")))
        if data.own is not None:
            parts.append(self.tr("R&R du district n° {0} approuvée").format(data.own.sequence))
        if data.issued:
            parts.append(counted(len(data.issued), self.tr("bon établi"), self.tr("bons établis")))
        return " · ".join(parts)

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.pages.setCurrentWidget(self.empty)
        self._update()

    def _show_banner(self) -> None:
        if self._warnings:
            title = self.tr("Quantités approuvées au-delà du stock utilisable du dépôt :")
            self.banner.setText("⚠ " + title + "\n" + "\n".join(f"• {w}" for w in self._warnings))
        self.banner.setVisible(bool(self._warnings))

    def _update(self) -> None:
        idle = not self.is_importing()
        self.import_button.setEnabled(idle and self.facility is not None)
        ready = idle and not self.is_busy() and self.data is not None
        self.district_button.setEnabled(ready)
        data = self.data
        something = data is not None and (
            bool(data.issued) or any(f.requisition is not None for f in data.review.facilities)
        )
        self.delivery_button.setEnabled(ready and something)
        self.month_box.setEnabled(idle)

    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self._update()

    def _fit_tables(self) -> None:
        metrics = self.fontMetrics()
        fit_columns(self.facility_table, {F_NAME: metrics.horizontalAdvance("M") * 18})
        fit_columns(
            self.matrix, {M_NAME: metrics.horizontalAdvance("Artéméther-luméfantrine 20/120")}
        )
        header = self.matrix.horizontalHeader()
        for column in range(FIXED_COLUMNS, self.matrix_model.columnCount()):
            header.resizeSection(column, max(header.sectionSize(column), 70))
        table = self.facility_table
        width = (
            sum(table.columnWidth(c) for c in range(self.facility_model.columnCount()))
            + 2 * table.frameWidth()
            + table.verticalScrollBar().sizeHint().width()
        )
        total = sum(self.upper.sizes()) or self.width()
        self.upper.setSizes([min(width, total * 3 // 5), max(total - width, total * 2 // 5)])
        rows = min(self.facility_model.rowCount(), 8)
        height = (
            self.facility_table.horizontalHeader().sizeHint().height()
            + rows * self.facility_table.verticalHeader().defaultSectionSize()
            + 2 * self.facility_table.frameWidth()
            + 4
        )
        self.facility_table.setMinimumHeight(min(height, 140))

    # --- facilities and their flags -------------------------------------------------------

    def selected_facility(self) -> str | None:
        rows = self.facility_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.facility_model.facility(rows[0].row()).code

    def select_facility(self, code: str) -> None:
        row = self.facility_model.row_of(code)
        if row >= 0:
            self.facility_table.selectRow(row)

    def _on_facility_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        code = self.selected_facility()
        row = self.facility_model.row_of(code) if code else -1
        if row < 0 or self.data is None:
            self.flags_title.setText("")
            self.flags_view.setPlainText("")
            return
        facility = self.facility_model.facility(row)
        self.flags_title.setText(self.flags_heading(facility))
        self.flags_view.setPlainText(self.flags_text(facility))
        column = self.matrix_model.approved_column(facility.code)
        if column >= 0 and self.matrix_model.rowCount():
            self.matrix.scrollTo(self.matrix_model.index(0, column))

    def flags_heading(self, facility: ReviewFacility) -> str:
        name = facility_label(facility.code, facility.facility.name)
        req = facility.requisition
        if req is None:
            return name
        when = format_date(req.created_at.date()) if req.created_at else ""
        heading = self.tr("{0} — R&R n° {1}, approuvée par {2} le {3}").format(
            name, req.sequence, req.approved_by or "?", when
        )
        if req.file_name:
            heading += self.tr(" (fichier {0})").format(req.file_name)
        return heading

    def flags_text(self, facility: ReviewFacility) -> str:
        """The selected facility's flags, one per line, or what to do when there is none."""
        assert self.data is not None
        if facility.requisition is None:
            return self.tr(
                "Réquisition {0} non reçue : demandez-la à l'établissement (clé USB ou "
                "courriel), puis importez-la."
            ).format(self._of_period(self.data.period))
        if not facility.flags:
            return self.tr("Aucun signalement : la réquisition est cohérente avec la précédente.")
        return "\n".join("⚠ " + problem_text(p) for p in facility.flags)

    def _of_period(self, period: date) -> str:
        """ "d'octobre 2026", "de mars 2026" (core's elision in French)."""
        if QLocale().language() == QLocale.Language.French:
            return of_period_fr(period)
        return self.tr("de {0}").format(period_text(period))

    # --- approved quantities --------------------------------------------------------------

    def _on_approval_edited(self, facility_code: str, product_code: str, quantity: int) -> None:
        data = self.data
        if data is None:
            return
        row = next((f for f in data.review.facilities if f.code == facility_code), None)
        if row is None or row.requisition is None:
            return
        if quantity == row.approved.get(product_code):
            return  # nothing changes
        requested = row.requisition.line(product_code).requested
        if quantity != requested:
            self.open_comment(row, product_code, quantity)
            return
        try:
            with wait_cursor():
                set_approved_quantity(
                    self.app.uow(),
                    self.app.ctx,
                    data.depot_code,
                    facility_code,
                    data.period,
                    product_code,
                    quantity,
                    warn=False,  # the review read again below brings them
                )
        except DomainError as exc:
            self.show_message(str(exc), error=True)
            return
        self._on_approval_stored(facility_code, product_code, quantity)

    def open_comment(
        self, facility: ReviewFacility, product_code: str, quantity: int
    ) -> CommentDialog | None:
        """Ask why the approved quantity differs from the requested one; stored on OK."""
        data = self.data
        if data is None:
            return None
        comment = data.notes.get((facility.code, product_code), "")
        dialog = CommentDialog(
            self.app, data.depot_code, data.period, facility, product_code, quantity, comment, self
        )
        dialog.stored.connect(
            lambda: self._on_approval_stored(facility.code, product_code, quantity)
        )
        return open_dialog(self, "comment_dialog", dialog, on_closed=self.matrix.setFocus)

    def _on_approval_stored(self, facility_code: str, product_code: str, quantity: int) -> None:
        text = self.tr("{0}, {1} : {2} approuvé(s).").format(
            facility_code, product_code, self.locale().toString(quantity)
        )
        self.show_message(text, done=True)
        self.status_message.emit(text)
        # The review read again in the background brings the month's warnings.
        self.data_changed.emit()
        self.refresh()

    # --- importing --------------------------------------------------------------------------

    def _on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier des réquisitions reçues (classeurs .xlsx)")
        )
        if folder:
            self.import_folder(Path(folder))

    def _on_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Réquisitions à importer"), "", self.tr("Classeur Excel (*.xlsx)")
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self, folder: Path) -> bool:
        """Import every .xlsx of `folder` (not its sub-folders) in the background."""
        try:
            paths = workbooks_in(folder)
        except OSError as exc:
            self.show_message(
                self.tr("Impossible de lire le dossier {0} ({1}) : choisissez-en un autre.").format(
                    folder, exc.strerror or exc
                ),
                error=True,
            )
            return False
        if not paths:
            self.show_message(
                self.tr(
                    "Aucun classeur .xlsx dans {0} : choisissez le dossier où sont copiées les "
                    "réquisitions reçues."
                ).format(folder),
                error=True,
            )
            return False
        return self.import_paths(paths)

    def import_paths(self, paths: Sequence[Path]) -> bool:
        """Import the workbooks in the background, the progress and a Cancel button shown;
        the results list shows what became of each file."""
        if self.is_importing() or not paths:
            return False
        self.show_message("")
        self.progress_row.start(paths)
        self._update()
        return True

    def cancel_import(self) -> None:
        self.progress_row.cancel()

    def _on_imported(self, run: ImportRun) -> None:
        self._update()
        self.results_model.set_items(run.results)
        summary = import_summary(run.results, len(run.paths))
        if run.stopped:
            summary += self.tr(
                " — import arrêté : {0} non essayé(s). Importez de nouveau le dossier : les "
                "fichiers déjà importés seront reconnus."
            ).format(len(run.not_tried))
        self.results_summary.setText(summary)
        self.results_summary.setStyleSheet(
            "font-weight: bold;"
            + (" color: #9a0015;" if any(not r.imported for r in run.results if r.errors) else "")
        )
        self.results_panel.show()
        self.splitter.setSizes([max(self.height() // 2, 200), max(self.height() // 2, 200)])
        self._fit_results()  # once shown: a hidden view measures no rows
        self.results_table.scrollToTop()
        self.status_message.emit(summary)
        imported = [r for r in run.results if r.imported]
        if imported:
            self.data_changed.emit()
        periods = {r.requisition.period for r in imported if r.requisition is not None}
        self._fill_months()
        if len(periods) == 1 and self.period not in periods:
            self.set_period(next(iter(periods)))
        else:
            self.refresh()
        self.import_finished.emit()

    def _on_import_failed(self, exc: BaseException) -> None:
        self._update()
        self.show_message(
            self.tr(
                "L'import s'est arrêté sur une erreur : {0}. Les fichiers traités avant sont "
                "enregistrés ; relancez l'import : ils seront reconnus comme déjà importés."
            ).format(exc),
            error=True,
        )
        self._fill_months()
        self.refresh()
        self.import_finished.emit()

    def _fit_results(self) -> None:
        """Each column as wide as its longest line (the view would measure only the rows it
        shows), the file names held to a readable width; the details take the rest."""
        table = self.results_table
        limits = {FILE: table.fontMetrics().horizontalAdvance("RR_CSCOM-SOCOURA_2026-10.xlsx")}
        # the outcome of a refused or flagged file is bold
        fit_texts(table, range(DETAILS), limits, bold=(OUTCOME,))
        table.resizeRowsToContents()

    # --- the depot's requisition and the delivery notes -------------------------------------

    def _depot(self) -> Facility | None:
        return self.data.depot if self.data else None

    def open_district_requisition(self) -> DistrictRequisitionDialog | None:
        depot = self._depot()
        if depot is None or self.data is None:
            return None
        dialog = DistrictRequisitionDialog(self.app, depot, self.data.period, self)
        dialog.approved.connect(self._on_district_approved)
        dialog.exported.connect(
            lambda path: self.status_message.emit(
                self.tr("Réquisition du district enregistrée : {0}").format(path)
            )
        )
        return open_dialog(self, "district_dialog", dialog)

    def _on_district_approved(self, approved: Requisition) -> None:
        text = self.tr("Réquisition du district n° {0} de {1} approuvée par {2}.").format(
            approved.sequence, period_text(approved.period), approved.approved_by
        )
        self.show_message(text, done=True)
        self.status_message.emit(text)
        self.data_changed.emit()
        self._fill_months()
        self.refresh()

    def open_delivery_notes(self) -> DeliveryNotesDialog | None:
        depot = self._depot()
        if depot is None or self.data is None:
            return None
        dialog = DeliveryNotesDialog(self.app, depot, self.data.period, self)
        dialog.issued.connect(self._on_notes_issued)
        return open_dialog(self, "delivery_dialog", dialog)

    def _on_notes_issued(self, notes: list[DeliveryNote]) -> None:
        text = self.tr("{0} : le stock du dépôt est sorti.").format(
            counted(
                len(notes), self.tr("bon de livraison établi"), self.tr("bons de livraison établis")
            )
        )
        self.show_message(text, done=True)
        self.status_message.emit(text)
        self.data_changed.emit()
        # refresh after the dialog's own work (the usable stock of the depot changed)
        QTimer.singleShot(0, self.refresh)
