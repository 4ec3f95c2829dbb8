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

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QLocale,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from core.delivery import DeliveryNote
from core.district import (
    MAX_NOTE,
    DistrictReview,
    ReviewFacility,
    StoredNote,
    district_requisition,
    district_review,
    issue_delivery_notes,
    prepare_delivery_notes,
    set_approved_quantity,
)
from core.errors import DomainError
from core.facilities import Facility
from core.requisition import Requisition, of_period_fr
from core.requisition_import import FileImport, import_requisition_files
from core.requisition_services import approve_requisition
from core.stock import add_months, month_start
from gui.forms.common import ERROR_STYLE, HINT_STYLE
from gui.requisition.district_model import (
    D_FACILITY,
    D_PRODUCT,
    DETAILS,
    F_NAME,
    FILE,
    FIXED_COLUMNS,
    M_NAME,
    OUTCOME,
    R_NAME,
    DeliveryPreviewModel,
    DistrictLinesModel,
    ImportResultsModel,
    Index,
    MatrixModel,
    ReviewFacilityModel,
    counted,
    facility_label,
    import_summary,
    problem_text,
)
from gui.requisition.facility_tab import capitalized, last_complete_month, period_text
from gui.stock.model import format_date, unit_text
from gui.tasks import Progress, Task, run_task

log = logging.getLogger(__name__)

RESULT_STYLE = "color: #1b5e20;"
BANNER_STYLE = (
    "background: #fff3e0; color: #6d3400; border: 1px solid #f0a35e; border-radius: 3px; "
    "padding: 6px;"
)


def _message_style(label: QLabel, text: str, error: bool = False, done: bool = False) -> None:
    """A line of feedback: a refusal (red), a result (green) or a hint (grey)."""
    label.setStyleSheet(ERROR_STYLE if error else RESULT_STYLE if done else HINT_STYLE)
    prefix = "⚠ " if error else "✔ " if done else ""
    label.setText(prefix + text if text else "")
    label.setVisible(bool(text))


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _read_only_table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    table.horizontalHeader().setHighlightSections(False)
    return table


def _fit(table: QTableView, limits: dict[int, int]) -> None:
    """Columns as wide as their contents, the long texts held to `limits` (pixels)."""
    table.resizeColumnsToContents()
    for column, largest in limits.items():
        if table.columnWidth(column) > largest:
            table.setColumnWidth(column, largest)


def _fit_texts(
    table: QTableView, columns: Sequence[int], limits: dict[int, int], bold: Sequence[int] = ()
) -> None:
    """Columns as wide as their longest line of text, header included (the view itself
    measures only the rows it shows), held to `limits`; `bold` columns measured bold."""
    model = table.model()
    plain_metrics = table.fontMetrics()
    font = table.font()
    font.setBold(True)
    bold_metrics = QFontMetrics(font)
    for column in columns:
        measure = bold_metrics if column in bold else plain_metrics
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(r, column).data() or "") for r in range(model.rowCount())]
        width = max(measure.horizontalAdvance(line) for t in texts for line in t.split("\n"))
        width += 16
        table.setColumnWidth(column, min(width, limits.get(column, width)))


def _xlsx(path: Path) -> Path:
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def _write_failed(path: Path, exc: OSError) -> str:
    return f"{path} ({exc.strerror or exc})"


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

    @property
    def delivered(self) -> bool:
        """Every facility with a requisition has its delivery note issued: the depot's stock
        already left, approvals beyond what remains are no shortage."""
        sent = {s.note.to_code for s in self.issued}
        received = [f.code for f in self.review.facilities if f.requisition is not None]
        return bool(received) and all(code in sent for code in received)


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


@dataclass(frozen=True)
class ImportRun:
    """What an import of files did, and whether the user stopped it before the end."""

    paths: tuple[Path, ...]
    results: list[FileImport]
    cancelled: bool

    @property
    def not_tried(self) -> int:
        return len(self.paths) - len(self.results)


def import_files(
    app: Application, paths: Sequence[Path]
) -> Callable[[Progress, Callable[[], bool]], ImportRun]:
    """Import the workbooks one by one, each in its own transaction; progress reports the
    fraction done and the file just finished."""
    chosen = tuple(paths)

    def work(progress: Progress, cancelled: Callable[[], bool]) -> ImportRun:
        def step(done: int, total: int, name: str) -> None:
            progress(done / total if total else 1.0, name)

        results = import_requisition_files(
            app.uow, app.ctx, list(chosen), progress=step, cancelled=cancelled
        )
        return ImportRun(chosen, results, cancelled() and len(results) < len(chosen))

    return work


def workbooks_in(folder: Path) -> list[Path]:
    """The .xlsx files of a folder (not its sub-folders), by name; Excel's lock files
    (« ~$… ») left aside."""
    return sorted(
        (
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")
        ),
        key=lambda p: p.name.casefold(),
    )


class ApprovedDelegate(QStyledItemDelegate):
    """The editor of an approved quantity: right-aligned, the current value selected."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setPlaceholderText(self.tr("quantité demandée"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


# --- the comment of an approved quantity ----------------------------------------------------------


class CommentDialog(QDialog):
    """Why the approved quantity differs from the requested one (core refuses it without);
    the approval is stored when the user confirms, and core's refusal shows here."""

    #: the approval is stored: core's warnings (approved beyond the depot's usable stock)
    stored = Signal(list)

    def __init__(
        self,
        app: Application,
        data: ReviewData,
        facility: ReviewFacility,
        product_code: str,
        quantity: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.data = data
        self.facility_code = facility.code
        self.product_code = product_code
        self.quantity = quantity
        assert facility.requisition is not None
        line = facility.requisition.line(product_code)
        locale_text = self.locale().toString
        self.setWindowTitle(self.tr("Quantité approuvée différente de la demande"))
        self.setModal(True)

        layout = QVBoxLayout(self)
        title = QLabel(
            f"{facility_label(facility.code, facility.facility.name)} · "
            f"{product_code} – {line.product_name}"
        )
        title.setStyleSheet("font-weight: bold;")
        title.setWordWrap(True)
        layout.addWidget(title)
        unit = unit_text(line.base_unit, 2)
        figures = QLabel(
            self.tr("Demandé : {0} {2} · approuvé : {1} {2}").format(
                locale_text(line.requested), locale_text(quantity), unit
            )
        )
        layout.addWidget(figures)
        form = QFormLayout()
        self.comment = QLineEdit(data.notes.get((facility.code, product_code), ""))
        self.comment.setMaxLength(MAX_NOTE)
        self.comment.setMinimumWidth(420)
        self.comment.setPlaceholderText(
            self.tr("ex. stock du dépôt insuffisant, afflux de patients")
        )
        label = QLabel(self.tr("&Pourquoi ? (obligatoire)"))
        label.setBuddy(self.comment)
        form.addRow(label, self.comment)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Le commentaire est gardé avec la quantité approuvée ; l'établissement voit "
                "la quantité livrée sur son bon de livraison."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        self.message = _message_label()
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.comment.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.comment.text().strip()))

    def _on_save(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            warnings = set_approved_quantity(
                self.app.uow(),
                self.app.ctx,
                self.data.depot_code,
                self.facility_code,
                self.data.period,
                self.product_code,
                self.quantity,
                self.comment.text(),
            )
        except DomainError as exc:
            log.info("Approved quantity refused: %s", exc)
            _message_style(self.message, str(exc), error=True)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.stored.emit(warnings)
        self.accept()


# --- the depot's own requisition ------------------------------------------------------------------


class DistrictRequisitionDialog(QDialog):
    """The depot's requisition of the month to the regional hospital / PPM: a draft from its
    ledger and the quantities it approved for its facilities, approved and exported as the
    same workbook as the facilities'; once approved, shown as stored, to export again."""

    #: the depot's requisition was approved and stored
    approved = Signal(object)
    #: a file was written (its path)
    exported = Signal(object)

    def __init__(
        self, app: Application, depot: Facility, period: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.depot = depot
        self.period = month_start(period)
        self.requisition: Requisition | None = None
        self.setWindowTitle(self.tr("Réquisition du district"))
        self.setModal(True)

        layout = QVBoxLayout(self)
        self.title = QLabel(
            self.tr(
                "Réquisition de {0} pour {1}, au niveau supérieur (hôpital régional / PPM)"
            ).format(facility_label(depot.code, depot.name), period_text(self.period))
        )
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        self.model = DistrictLinesModel(self)
        self.table = _read_only_table()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.table, 1)

        self.explanation = QLabel(
            self.tr(
                "L'approbation donne son numéro à la réquisition et clôt le mois de {0} (et les "
                "mois précédents) dans le registre du dépôt : les corrections se feront dans le "
                "mois suivant ({1}). Pour changer une quantité demandée (avec sa justification), "
                "passez par l'onglet « R&R du mois »."
            ).format(period_text(self.period), period_text(add_months(self.period, 1)))
        )
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.explanation)

        self.form_row = QWidget()
        form = QFormLayout(self.form_row)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(app.ctx.user)
        self.name.setMaxLength(200)
        self.name.setMinimumWidth(300)
        name_label = QLabel(self.tr("&Nom du pharmacien :"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        layout.addWidget(self.form_row)

        self.message = _message_label()
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox()
        self.approve_button: QPushButton = self.buttons.addButton(
            self.tr("&Approuver et exporter…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button: QPushButton = self.buttons.addButton(
            self.tr("E&xporter…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self._on_approve)
        self.export_button.clicked.connect(self._on_export)
        layout.addWidget(self.buttons)

        self.load()
        self.resize(self._width(), 520)

    # --- contents -------------------------------------------------------------------------

    @property
    def is_approved(self) -> bool:
        return self.requisition is not None and not self.requisition.is_draft

    def load(self) -> None:
        """The approved requisition of the month if there is one, else a fresh draft."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.app.uow() as uow:
                stored = uow.requisitions.find(self.depot.code, self.period)
            self.requisition = stored or district_requisition(
                self.app.uow(), self.app.ctx, self.depot.code, self.period
            )
        except DomainError as exc:
            self.requisition = None
            _message_style(self.message, str(exc), error=True)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show()

    def _show(self) -> None:
        req = self.requisition
        self.model.set_requisition(req)
        _fit(self.table, {R_NAME: self.fontMetrics().horizontalAdvance("M") * 22})
        draft = req is not None and req.is_draft
        self.form_row.setVisible(draft)
        self.explanation.setVisible(draft)
        self.approve_button.setVisible(draft)
        self.approve_button.setEnabled(draft and bool(req and req.lines))
        self.export_button.setVisible(not draft)
        self.export_button.setEnabled(self.is_approved)
        if req is None:
            self.status.setText("")
        elif draft:
            text = self.tr(
                "Brouillon : calculé le {0} à partir du registre du dépôt et des quantités "
                "approuvées pour ses établissements."
            ).format(format_date(self.app.ctx.today()))
            if not req.lines:
                text += " " + self.tr(
                    "Aucune ligne : le dépôt n'a ni stock, ni consommation, ni quantité "
                    "approuvée pour ce mois."
                )
            self.status.setText(text)
            self.status.setStyleSheet("")
            self.approve_button.setDefault(True)
        else:
            when = format_date(req.created_at.date()) if req.created_at else ""
            self.status.setText(
                self.tr("Approuvée — n° {0}, par {1} le {2}. Elle ne se modifie plus.").format(
                    req.sequence, req.approved_by, when
                )
            )
            self.status.setStyleSheet("font-weight: bold;")
            self.export_button.setDefault(True)

    def _width(self) -> int:
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(self.model.columnCount()))
        return max(720, min(columns + 60, 1200))

    def suggested_name(self) -> str:
        return f"RR_{self.depot.code}_{self.period:%Y-%m}.xlsx"

    # --- actions --------------------------------------------------------------------------

    def _ask_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter la réquisition du district"),
            self.suggested_name(),
            self.tr("Classeur Excel (*.xlsx)"),
        )
        return Path(path) if path else None

    def _on_approve(self) -> None:
        if not " ".join(self.name.text().split()):
            _message_style(
                self.message, self.tr("Indiquez le nom du pharmacien qui approuve."), error=True
            )
            self.name.setFocus()
            return
        path = self._ask_path()
        if path is not None:
            self.approve_and_export(path)

    def _on_export(self) -> None:
        path = self._ask_path()
        if path is not None:
            self.export(path)

    def approve_and_export(self, path: Path) -> Path | None:
        """Approve the draft in the pharmacist's name, then write it to `path`; an approval
        whose file could not be written stays approved (Exporter… writes it again)."""
        req = self.requisition
        if req is None or not req.is_draft:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            approved = approve_requisition(self.app.uow(), self.app.ctx, req, self.name.text())
        except DomainError as exc:
            log.info("District requisition approval refused: %s", exc)
            _message_style(self.message, str(exc), error=True)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.requisition = approved
        self._show()
        self.approved.emit(approved)
        return self.export(path)

    def export(self, path: Path) -> Path | None:
        """Write the requisition shown as the workbook for the level above."""
        req = self.requisition
        if req is None:
            return None
        path = _xlsx(path)
        from core.exchange.requisition_workbook import write_requisition_workbook

        try:
            written = write_requisition_workbook(req, path)
        except OSError as exc:
            log.warning("District requisition export failed: %s", exc)
            text = self.tr(
                "Fichier non enregistré : impossible d'écrire {0}. Si le fichier est ouvert "
                "dans Excel, fermez-le ; sinon choisissez un autre dossier (Exporter…)."
            ).format(_write_failed(path, exc))
            if not req.is_draft:
                text = self.tr("Réquisition n° {0} approuvée. ").format(req.sequence) + text
            _message_style(self.message, text, error=True)
            return None
        _message_style(
            self.message,
            self.tr(
                "Réquisition n° {0} enregistrée : {1}. Envoyez ce fichier à l'hôpital "
                "régional / PPM."
            ).format(req.sequence, written),
            done=True,
        )
        self.exported.emit(written)
        return written


# --- the delivery notes ---------------------------------------------------------------------------


class DeliveryNotesDialog(QDialog):
    """The delivery notes of the month: a preview of those to issue (lots FEFO, shortfalls),
    issued and written to a folder in one step; notes already issued can be written again."""

    #: delivery notes were issued (the depot's ledger changed)
    issued = Signal(list)

    def __init__(
        self, app: Application, depot: Facility, period: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.depot = depot
        self.period = month_start(period)
        self.notes: list[DeliveryNote] = []  # to issue
        self.stored: list[StoredNote] = []  # issued already
        self.setWindowTitle(self.tr("Bons de livraison"))
        self.setModal(True)

        layout = QVBoxLayout(self)
        title = QLabel(
            self.tr("Bons de livraison de {0}, réquisitions de {1}").format(
                facility_label(depot.code, depot.name), period_text(self.period)
            )
        )
        title.setStyleSheet("font-weight: bold;")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.model = DeliveryPreviewModel(self)
        self.table = _read_only_table()
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)

        self.explanation = QLabel(
            self.tr(
                "Établir les bons sort ces quantités du stock du dépôt (transferts cédés, lots "
                "premiers périmés premiers sortis) le {0}, et enregistre un classeur par "
                "établissement dans le dossier choisi. Un bon établi ne se refait pas."
            ).format(format_date(app.ctx.today()))
        )
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.explanation)
        self.issued_label = QLabel()
        self.issued_label.setWordWrap(True)
        self.issued_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.issued_label)
        self.message = _message_label()
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox()
        self.issue_button: QPushButton = self.buttons.addButton(
            self.tr("&Établir et exporter…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_again_button: QPushButton = self.buttons.addButton(
            self.tr("E&xporter de nouveau les bons établis…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.rejected.connect(self.reject)
        self.issue_button.clicked.connect(self._on_issue)
        self.export_again_button.clicked.connect(self._on_export_again)
        layout.addWidget(self.buttons)

        self.load()
        self.resize(self._width(), 500)

    def load(self) -> None:
        """The notes already issued for the month, and a fresh preview of the others."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.app.uow() as uow:
                self.stored = uow.district.notes(
                    "out", period=self.period, from_code=self.depot.code
                )
            done = {s.note.record_uuid for s in self.stored}
            self.notes = [
                n
                for n in prepare_delivery_notes(
                    self.app.uow(), self.app.ctx, self.depot.code, self.period
                )
                if n.record_uuid not in done
            ]
        except DomainError as exc:
            self.notes = []
            _message_style(self.message, str(exc), error=True)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show()

    def _show(self) -> None:
        self.model.set_notes(self.notes)
        metrics = self.table.fontMetrics()
        _fit_texts(
            self.table,
            range(self.model.columnCount()),
            {
                D_FACILITY: metrics.horizontalAdvance("M") * 24,
                D_PRODUCT: metrics.horizontalAdvance("RUTF – ATPE (aliment thérapeutique prêt"),
            },
            bold=(D_FACILITY,),
        )
        self.table.resizeRowsToContents()
        lines = sum(len(n.lines) for n in self.notes)
        short = sorted({s.product_code for n in self.notes for s in n.shortfalls})
        if self.notes:
            text = self.tr("{0} à établir : {1}").format(
                counted(len(self.notes), self.tr("bon de livraison"), self.tr("bons de livraison")),
                counted(lines, self.tr("ligne"), self.tr("lignes")),
            )
            if short:
                text += self.tr(
                    " ; le dépôt ne peut pas tout livrer pour : {0} (en rouge)."
                ).format(", ".join(short))
        elif self.stored:
            text = self.tr("Tous les bons de livraison du mois sont établis.")
        else:
            text = self.tr(
                "Aucun bon de livraison à établir : aucune quantité approuvée pour ce mois. "
                "Importez d'abord les réquisitions des établissements."
            )
        self.summary.setText(text)
        self.table.setVisible(bool(self.notes))
        self.explanation.setVisible(bool(self.notes))
        if self.stored:
            numbers = ", ".join(
                f"{s.note.number} ({format_date(s.note.issued_on)})" for s in self.stored
            )
            self.issued_label.setText(self.tr("Déjà établis : {0}").format(numbers))
        self.issued_label.setVisible(bool(self.stored))
        self.issue_button.setEnabled(bool(self.notes))
        self.issue_button.setVisible(bool(self.notes) or not self.stored)
        self.export_again_button.setVisible(bool(self.stored))
        (self.issue_button if self.notes else self.close_button).setDefault(True)

    def _width(self) -> int:
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(self.model.columnCount()))
        return max(720, min(columns + 60, 1200))

    def _ask_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier où enregistrer les bons de livraison")
        )
        return Path(folder) if folder else None

    def _on_issue(self) -> None:
        folder = self._ask_folder()
        if folder is not None:
            self.issue_and_export(folder)

    def _on_export_again(self) -> None:
        folder = self._ask_folder()
        if folder is not None:
            self.export_issued(folder)

    def issue_and_export(self, folder: Path) -> list[Path]:
        """Issue the notes shown (the stock leaves the depot), then write one workbook per
        note into `folder`, named after the note's number."""
        if not self.notes:
            return []
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            issued = issue_delivery_notes(self.app.uow(), self.app.ctx, self.notes)
        except DomainError as exc:
            log.info("Delivery notes refused: %s", exc)
            _message_style(self.message, str(exc), error=True)
            return []
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.issued.emit(issued)
        written = self._write(issued, folder, just_issued=True)
        self._reload_keeping_message()
        return written

    def export_issued(self, folder: Path) -> list[Path]:
        """Write the notes already issued for the month again into `folder`."""
        return self._write([s.note for s in self.stored], folder, just_issued=False)

    def _reload_keeping_message(self) -> None:
        message = (self.message.text(), self.message.styleSheet(), self.message.isVisible())
        self.load()
        self.message.setText(message[0])
        self.message.setStyleSheet(message[1])
        self.message.setVisible(message[2])

    def _write(self, notes: Sequence[DeliveryNote], folder: Path, just_issued: bool) -> list[Path]:
        from core.exchange.delivery_workbook import write_delivery_workbook

        written: list[Path] = []
        failed: list[str] = []
        for note in notes:
            path = folder / f"{note.number}.xlsx"
            try:
                written.append(write_delivery_workbook(note, path))
            except OSError as exc:
                log.warning("Delivery note export failed: %s", exc)
                failed.append(_write_failed(path, exc))
        count = counted(len(written), self.tr("bon de livraison"), self.tr("bons de livraison"))
        if just_issued:
            text = self.tr("{0} établi(s) ; {1} enregistré(s) dans {2}.").format(
                counted(len(notes), self.tr("bon de livraison"), self.tr("bons de livraison")),
                len(written),
                folder,
            )
        else:
            text = self.tr("{0} enregistré(s) dans {1}.").format(count, folder)
        if failed:
            text += " " + self.tr(
                "Non écrit(s) : {0}. Fermez les fichiers ouverts dans Excel ou choisissez un "
                "autre dossier, puis « Exporter de nouveau les bons établis… »."
            ).format(" ; ".join(failed))
            _message_style(self.message, text, error=True)
        else:
            text += " " + self.tr("Copiez-les sur la clé USB pour les établissements.")
            _message_style(self.message, text, done=True)
        return written


# --- the tab --------------------------------------------------------------------------------------


class DistrictRequisitionTab(QWidget):
    """The month of the current facility as a district depot: the import of the facilities'
    requisitions, their review side by side, the approved quantities, the depot's own
    requisition and the delivery notes. The review is loaded in the background when shown,
    after a change of facility or month, and after anything is stored."""

    data_changed = Signal()
    status_message = Signal(str)
    #: the review (or why there is none) is on screen (tests wait for it)
    review_shown = Signal()
    #: an import finished and its results are on screen
    import_finished = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.facility: str | None = None
        self.data: ReviewData | None = None
        self._task: Task | None = None
        self._import_task: Task | None = None
        self._again = False
        self._stale = True
        self._import_total = 0
        self.comment_dialog: CommentDialog | None = None
        self.district_dialog: DistrictRequisitionDialog | None = None
        self.delivery_dialog: DeliveryNotesDialog | None = None
        self._warnings: list[str] = []

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        month_label = QLabel(self.tr("&Mois :"))
        self.month_box = QComboBox()
        self.month_box.setMinimumContentsLength(16)
        self.month_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        month_label.setBuddy(self.month_box)
        self.import_button = QPushButton(self.tr("&Importer des réquisitions…"))
        self.import_button.setToolTip(
            self.tr(
                "Les classeurs R&R reçus des établissements (clé USB, courriel) : tout un "
                "dossier ou quelques fichiers"
            )
        )
        self.import_menu = QMenu(self.import_button)
        self.folder_action = self.import_menu.addAction(self.tr("Tout un &dossier…"))
        self.files_action = self.import_menu.addAction(self.tr("Des &fichiers…"))
        self.import_button.setMenu(self.import_menu)
        self.busy_label = QLabel(self.tr("Chargement…"))
        self.busy_label.setStyleSheet(HINT_STYLE)
        self.district_button = QPushButton(self.tr("Réquisition du &district…"))
        self.district_button.setToolTip(
            self.tr(
                "La réquisition du dépôt au niveau supérieur (hôpital régional / PPM) : ses "
                "besoins et les quantités approuvées pour les établissements"
            )
        )
        self.delivery_button = QPushButton(self.tr("&Bons de livraison…"))
        self.delivery_button.setToolTip(
            self.tr(
                "Un bon par établissement, avec les lots à livrer (premier périmé, premier sorti)"
            )
        )
        bar.addWidget(month_label)
        bar.addWidget(self.month_box)
        bar.addSpacing(8)
        bar.addWidget(self.import_button)
        bar.addSpacing(8)
        bar.addWidget(self.busy_label)
        bar.addStretch(1)
        bar.addWidget(self.district_button)
        bar.addWidget(self.delivery_button)
        layout.addLayout(bar)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-weight: bold;")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        self.progress_row = QWidget()
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat(self.tr("%v / %m fichiers"))
        self.progress_bar.setMinimumWidth(220)
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.cancel_button.setToolTip(
            self.tr("Arrêter après le fichier en cours : les fichiers déjà importés le restent")
        )
        progress_layout.addWidget(self.progress_label, 1)
        progress_layout.addWidget(self.progress_bar, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.message = _message_label()
        layout.addWidget(self.message)

        # --- the results of the last import (shown after an import) -----------------------
        self.results_panel = QWidget()
        results_layout = QVBoxLayout(self.results_panel)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_bar = QHBoxLayout()
        self.results_summary = QLabel()
        self.results_summary.setWordWrap(True)
        self.results_summary.setStyleSheet("font-weight: bold;")
        self.results_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide_results_button = QPushButton(self.tr("&Masquer les résultats"))
        results_bar.addWidget(self.results_summary, 1)
        results_bar.addWidget(self.hide_results_button)
        results_layout.addLayout(results_bar)
        self.results_model = ImportResultsModel(self)
        self.results_table = _read_only_table()
        self.results_table.setModel(self.results_model)
        self.results_table.setWordWrap(True)
        self.results_table.setAlternatingRowColors(False)
        self.results_table.horizontalHeader().setStretchLastSection(True)
        self.results_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        results_layout.addWidget(self.results_table, 1)
        self.results_panel.hide()

        # --- the review ---------------------------------------------------------------------
        self.facility_model = ReviewFacilityModel(self)
        self.facility_table = _read_only_table()
        self.facility_table.setModel(self.facility_model)
        self.facility_table.setWordWrap(False)
        self.facility_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.facility_table.horizontalHeader().setStretchLastSection(False)
        self.facility_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

        self.flags_title = QLabel()
        self.flags_title.setWordWrap(True)
        self.flags_title.setStyleSheet("font-weight: bold;")
        self.flags_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flags_view = QPlainTextEdit()
        self.flags_view.setReadOnly(True)
        self.flags_view.setTabChangesFocus(True)
        flags_panel = QWidget()
        flags_layout = QVBoxLayout(flags_panel)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        flags_layout.addWidget(self.flags_title)
        flags_layout.addWidget(self.flags_view, 1)

        self.upper = QSplitter(Qt.Orientation.Horizontal)
        self.upper.addWidget(self.facility_table)
        self.upper.addWidget(flags_panel)
        self.upper.setChildrenCollapsible(False)
        self.upper.setStretchFactor(0, 3)
        self.upper.setStretchFactor(1, 2)

        self.matrix_model = MatrixModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.matrix.setTabKeyNavigation(False)
        self.matrix.setWordWrap(False)
        self.matrix.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.matrix.verticalHeader().hide()
        self.matrix.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.matrix.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix.horizontalHeader().setMinimumSectionSize(40)
        self.quantity_delegate = ApprovedDelegate(self.matrix)
        self.matrix.setItemDelegate(self.quantity_delegate)
        self.matrix_title = QLabel(
            self.tr(
                "Produits × établissements : quantités demandées et approuvées (en unités de "
                "base). Double-clic ou F2 sur une cellule « approuvé ✎ » pour la changer."
            )
        )
        self.matrix_title.setWordWrap(True)
        self.matrix_title.setStyleSheet(HINT_STYLE)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.matrix_title)
        lower_layout.addWidget(self.matrix, 1)

        self.review_splitter = QSplitter(Qt.Orientation.Vertical)
        self.review_splitter.addWidget(self.upper)
        self.review_splitter.addWidget(lower)
        self.review_splitter.setChildrenCollapsible(False)
        self.review_splitter.setStretchFactor(0, 2)
        self.review_splitter.setStretchFactor(1, 3)

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.setStyleSheet("font-size: 12pt; color: #555;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.review_splitter)
        self.pages.addWidget(self.empty)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.results_panel)
        self.splitter.addWidget(self.pages)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)

        self._fill_months()
        self.month_box.currentIndexChanged.connect(self._on_month_changed)
        self.folder_action.triggered.connect(self._on_import_folder)
        self.files_action.triggered.connect(self._on_import_files)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.hide_results_button.clicked.connect(self.results_panel.hide)
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
        wanted = select or self.month_box.currentData() or last
        self.month_box.blockSignals(True)
        self.month_box.clear()
        for month in months:
            self.month_box.addItem(period_text(month), month)
        index = self._month_index(wanted)
        self.month_box.setCurrentIndex(index if index >= 0 else self._month_index(last))
        self.month_box.blockSignals(False)

    def _month_index(self, period: date) -> int:
        wanted = month_start(period)
        return next(
            (i for i in range(self.month_box.count()) if self.month_box.itemData(i) == wanted), -1
        )

    @property
    def period(self) -> date:
        chosen = self.month_box.currentData()
        return chosen if isinstance(chosen, date) else last_complete_month(self.app.ctx.today())

    def set_period(self, period: date) -> None:
        """Show the month `period` (added to the selector if needed)."""
        wanted = month_start(period)
        if self._month_index(wanted) < 0:
            self._fill_months(select=wanted)
            if self._month_index(wanted) < 0:
                self.month_box.addItem(period_text(wanted), wanted)
        index = self._month_index(wanted)
        if index == self.month_box.currentIndex():
            self.refresh()
        else:
            self.month_box.setCurrentIndex(index)

    def _on_month_changed(self, _index: int) -> None:
        self.show_message("")
        self.refresh()

    # --- loading --------------------------------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()

    def refresh(self) -> None:
        """Load the review again (in the background); a hidden tab waits until shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._start()

    def is_busy(self) -> bool:
        return self._task is not None

    def is_importing(self) -> bool:
        return self._import_task is not None

    def _start(self) -> None:
        self._stale = False
        if self._task is not None:
            self._again = True
            return
        if self.facility is None:
            self.data = None
            self._show_data()
            self._show_empty(
                self.tr("Choisissez l'établissement du dépôt (CSRéf) pour voir son mois.")
            )
            self.review_shown.emit()
            return
        self._set_busy(True)
        self._task = run_task(
            load_review(self.app, self.facility, self.period), self._on_loaded, self._on_failed
        )

    def _finished(self) -> bool:
        self._task = None
        self._set_busy(False)
        if self._again:
            self._again = False
            self._start()
            return False
        return True

    def _on_loaded(self, data: ReviewData) -> None:
        if not self._finished():
            return
        if (data.depot_code, data.period) != (self.facility, self.period):
            self._start()
            return
        self.data = data
        self._show_data()
        self.review_shown.emit()

    def _on_failed(self, exc: BaseException, _details: str) -> None:
        if not self._finished():
            return
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
        self.facility_model.set_facilities(review.facilities if review else [])
        delivered = data is not None and data.delivered
        self.matrix_model.set_review(review, data.notes if data else None, delivered)
        self._warnings = review.warnings() if review and not delivered else []
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

    def show_message(self, text: str, error: bool = False, done: bool = False) -> None:
        """A line above the tables: a refusal (red), a result (green) or a hint (grey)."""
        _message_style(self.message, text, error=error, done=done)

    def _update(self) -> None:
        idle = self._import_task is None
        self.import_button.setEnabled(idle and self.facility is not None)
        ready = idle and self._task is None and self.data is not None
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
        _fit(self.facility_table, {F_NAME: metrics.horizontalAdvance("M") * 18})
        _fit(self.matrix, {M_NAME: metrics.horizontalAdvance("Artéméther-luméfantrine 20/120")})
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
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            warnings = set_approved_quantity(
                self.app.uow(),
                self.app.ctx,
                data.depot_code,
                facility_code,
                data.period,
                product_code,
                quantity,
            )
        except DomainError as exc:
            self.show_message(str(exc), error=True)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._on_approval_stored(facility_code, product_code, quantity, warnings)

    def open_comment(
        self, facility: ReviewFacility, product_code: str, quantity: int
    ) -> CommentDialog | None:
        """Ask why the approved quantity differs from the requested one; stored on OK."""
        if self.data is None:
            return None
        dialog = CommentDialog(self.app, self.data, facility, product_code, quantity, self)
        dialog.stored.connect(
            lambda warnings: self._on_approval_stored(
                facility.code, product_code, quantity, warnings
            )
        )
        dialog.finished.connect(lambda _result: self._forget_comment(dialog))
        self.comment_dialog = dialog
        dialog.open()
        return dialog

    def _forget_comment(self, dialog: CommentDialog) -> None:
        if self.comment_dialog is dialog:
            self.comment_dialog = None
        dialog.deleteLater()
        self.matrix.setFocus()

    def _on_approval_stored(
        self, facility_code: str, product_code: str, quantity: int, warnings: list[str]
    ) -> None:
        text = self.tr("{0}, {1} : {2} approuvé(s).").format(
            facility_code, product_code, self.locale().toString(quantity)
        )
        self.show_message(text, done=True)
        self.status_message.emit(text)
        # core's warnings at once; the whole review's when it is reloaded
        others = [w for w in self._warnings if not w.startswith(f"{product_code} ")]
        self._warnings = others + list(warnings)
        self._show_banner()
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
        if self._import_task is not None or not paths:
            return False
        self._import_total = len(paths)
        self.show_message("")
        self.progress_bar.setRange(0, len(paths))
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Import de {0}…").format(Path(paths[0]).name))
        self.cancel_button.setEnabled(True)
        self.progress_row.show()
        self._import_task = run_task(
            import_files(self.app, paths),
            self._on_imported,
            self._on_import_failed,
            self._on_import_progress,
        )
        self._update()
        return True

    def _on_import_progress(self, fraction: float, name: str) -> None:
        done = round(fraction * self._import_total)
        self.progress_bar.setValue(done)
        if self.cancel_button.isEnabled():
            self.progress_label.setText(self.tr("Importé : {0}").format(name))

    def cancel_import(self) -> None:
        if self._import_task is not None:
            self._import_task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Arrêt après le fichier en cours…"))

    def _import_done(self) -> None:
        self._import_task = None
        self.progress_row.hide()
        self._update()

    def _on_imported(self, run: ImportRun) -> None:
        self._import_done()
        self.results_model.set_results(run.results)
        summary = import_summary(run.results, len(run.paths))
        if run.cancelled:
            summary += self.tr(
                " — import arrêté : {0} non essayé(s). Importez de nouveau le dossier : les "
                "fichiers déjà importés seront reconnus."
            ).format(run.not_tried)
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

    def _on_import_failed(self, exc: BaseException, _details: str) -> None:
        self._import_done()
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
        _fit_texts(table, range(DETAILS), limits, bold=(OUTCOME,))
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
        dialog.finished.connect(lambda _result: self._forget_district(dialog))
        self.district_dialog = dialog
        dialog.open()
        return dialog

    def _forget_district(self, dialog: DistrictRequisitionDialog) -> None:
        if self.district_dialog is dialog:
            self.district_dialog = None
        dialog.deleteLater()

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
        dialog.finished.connect(lambda _result: self._forget_delivery(dialog))
        self.delivery_dialog = dialog
        dialog.open()
        return dialog

    def _forget_delivery(self, dialog: DeliveryNotesDialog) -> None:
        if self.delivery_dialog is dialog:
            self.delivery_dialog = None
        dialog.deleteLater()

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
