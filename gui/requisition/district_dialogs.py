"""The dialogs of the District tab: why an approved quantity differs from the request, the
depot's own requisition one level up, and the delivery notes of its facilities."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from core.delivery import DeliveryNote
from core.district import (
    MAX_NOTE,
    ReviewFacility,
    StoredNote,
    district_requisition,
    issue_delivery_notes,
    prepare_delivery_notes,
    set_approved_quantity,
)
from core.errors import DomainError
from core.facilities import Facility
from core.requisition import Requisition
from core.requisition_services import approve_requisition
from core.stock import add_months, month_start
from gui.requisition.common import (
    fit_columns,
    fit_texts,
    hint_label,
    message_label,
    period_text,
    read_only_table,
    set_message,
    text_label,
    wait_cursor,
    with_xlsx_suffix,
)
from gui.requisition.district_model import (
    D_FACILITY,
    D_PRODUCT,
    R_NAME,
    DeliveryPreviewModel,
    DistrictLinesModel,
    counted,
    facility_label,
)
from gui.stock.model import format_date, unit_text

log = logging.getLogger(__name__)


def review_table() -> QTableView:
    """A read-only table of the district's month: Tab leaves it, the header stays plain."""
    table = read_only_table()
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    table.horizontalHeader().setHighlightSections(False)
    return table


def write_failed(path: Path, exc: OSError) -> str:
    return f"{path} ({exc.strerror or exc})"


# --- the comment of an approved quantity ----------------------------------------------------------


class CommentDialog(QDialog):
    """Why the approved quantity differs from the requested one (core refuses it without);
    the approval is stored when the user confirms, and core's refusal shows here. `comment`
    is the one stored before, if any."""

    #: the approval is stored (the District tab then reads the review again, warnings included)
    stored = Signal()

    def __init__(
        self,
        app: Application,
        depot_code: str,
        period: date,
        facility: ReviewFacility,
        product_code: str,
        quantity: int,
        comment: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.depot_code = depot_code
        self.period = period
        self.facility_code = facility.code
        self.product_code = product_code
        self.quantity = quantity
        assert facility.requisition is not None
        line = facility.requisition.line(product_code)
        locale_text = self.locale().toString
        self.setWindowTitle(self.tr("Quantité approuvée différente de la demande"))
        self.setModal(True)

        layout = QVBoxLayout(self)
        title = text_label(
            f"{facility_label(facility.code, facility.facility.name)} · "
            f"{product_code} – {line.product_name}",
            bold=True,
            selectable=False,
        )
        layout.addWidget(title)
        unit = unit_text(line.base_unit, 2)
        figures = QLabel(
            self.tr("Demandé : {0} {2} · approuvé : {1} {2}").format(
                locale_text(line.requested), locale_text(quantity), unit
            )
        )
        layout.addWidget(figures)
        form = QFormLayout()
        self.comment = QLineEdit(comment)
        self.comment.setMaxLength(MAX_NOTE)
        self.comment.setMinimumWidth(420)
        self.comment.setPlaceholderText(
            self.tr("ex. stock du dépôt insuffisant, afflux de patients")
        )
        label = QLabel(self.tr("&Pourquoi ? (obligatoire)"))
        label.setBuddy(self.comment)
        form.addRow(label, self.comment)
        layout.addLayout(form)
        hint = hint_label(
            self.tr(
                "Le commentaire est gardé avec la quantité approuvée ; l'établissement voit "
                "la quantité livrée sur son bon de livraison."
            )
        )
        layout.addWidget(hint)
        self.message = message_label()
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
        try:
            with wait_cursor():
                set_approved_quantity(
                    self.app.uow(),
                    self.app.ctx,
                    self.depot_code,
                    self.facility_code,
                    self.period,
                    self.product_code,
                    self.quantity,
                    self.comment.text(),
                    warn=False,  # the District tab reads the review again once stored
                )
        except DomainError as exc:
            log.info("Approved quantity refused: %s", exc)
            set_message(self.message, str(exc), error=True)
            return
        self.stored.emit()
        self.accept()


# --- what the two dialogs of the depot's month share ----------------------------------------------


class DepotMonthDialog(QDialog):
    """A dialog on the depot's month: a bold title, a line saying where things stand, a table,
    an explanation in grey, the line of feedback and the buttons, in that order. Subclasses
    add their widgets with the methods below, then fill the table in `load()`."""

    def __init__(
        self, app: Application, depot: Facility, period: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.depot = depot
        self.period = month_start(period)
        self.setModal(True)
        self.main_layout = QVBoxLayout(self)

    def _add_title(self, text: str) -> QLabel:
        title = text_label(text, bold=True, selectable=False)
        self.main_layout.addWidget(title)
        return title

    def _add_status(self) -> QLabel:
        status = text_label()
        self.main_layout.addWidget(status)
        return status

    def _add_table(self, model: QAbstractItemModel) -> QTableView:
        table = review_table()
        table.setModel(model)
        table.setWordWrap(False)
        self.main_layout.addWidget(table, 1)
        return table

    def _add_explanation(self, text: str) -> QLabel:
        explanation = hint_label(text)
        self.main_layout.addWidget(explanation)
        return explanation

    def _add_message_and_buttons(self, *actions: str) -> tuple[QDialogButtonBox, list[QPushButton]]:
        """The message line, then the buttons: one per action, and Fermer (the last one)."""
        self.message = message_label()
        self.main_layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        added = [buttons.addButton(a, QDialogButtonBox.ButtonRole.ActionRole) for a in actions]
        added.append(buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole))
        buttons.rejected.connect(self.reject)
        self.main_layout.addWidget(buttons)
        return buttons, added

    def _width(self, table: QTableView) -> int:
        """As wide as the table's columns, within reason."""
        header = table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(table.model().columnCount()))
        return max(720, min(columns + 60, 1200))


# --- the depot's own requisition ------------------------------------------------------------------


class DistrictRequisitionDialog(DepotMonthDialog):
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
        super().__init__(app, depot, period, parent)
        self.requisition: Requisition | None = None
        self.setWindowTitle(self.tr("Réquisition du district"))

        self.title = self._add_title(
            self.tr(
                "Réquisition de {0} pour {1}, au niveau supérieur (hôpital régional / PPM)"
            ).format(facility_label(depot.code, depot.name), period_text(self.period))
        )
        self.status = self._add_status()
        self.model = DistrictLinesModel(self)
        self.table = self._add_table(self.model)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.explanation = self._add_explanation(
            self.tr(
                "L'approbation donne son numéro à la réquisition et clôt le mois de {0} (et les "
                "mois précédents) dans le registre du dépôt : les corrections se feront dans le "
                "mois suivant ({1}). Pour changer une quantité demandée (avec sa justification), "
                "passez par l'onglet « R&R du mois »."
            ).format(period_text(self.period), period_text(add_months(self.period, 1)))
        )

        self.form_row = QWidget()
        form = QFormLayout(self.form_row)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(app.ctx.user)
        self.name.setMaxLength(200)
        self.name.setMinimumWidth(300)
        name_label = QLabel(self.tr("&Nom du pharmacien :"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        self.main_layout.addWidget(self.form_row)

        self.buttons, (self.approve_button, self.export_button, self.close_button) = (
            self._add_message_and_buttons(self.tr("&Approuver et exporter…"), self.tr("E&xporter…"))
        )
        self.approve_button.clicked.connect(self._on_approve)
        self.export_button.clicked.connect(self._on_export)

        self.load()
        self.resize(self._width(self.table), 520)

    # --- contents -------------------------------------------------------------------------

    @property
    def is_approved(self) -> bool:
        return self.requisition is not None and not self.requisition.is_draft

    def load(self) -> None:
        """The approved requisition of the month if there is one, else a fresh draft."""
        try:
            with wait_cursor():
                with self.app.uow() as uow:
                    stored = uow.requisitions.find(self.depot.code, self.period)
                self.requisition = stored or district_requisition(
                    self.app.uow(), self.app.ctx, self.depot.code, self.period
                )
        except DomainError as exc:
            self.requisition = None
            set_message(self.message, str(exc), error=True)
        self._show()

    def _show(self) -> None:
        req = self.requisition
        self.model.set_requisition(req)
        fit_columns(self.table, {R_NAME: self.fontMetrics().horizontalAdvance("M") * 22})
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
            set_message(
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
        try:
            with wait_cursor():
                approved = approve_requisition(self.app.uow(), self.app.ctx, req, self.name.text())
        except DomainError as exc:
            log.info("District requisition approval refused: %s", exc)
            set_message(self.message, str(exc), error=True)
            return None
        self.requisition = approved
        self._show()
        self.approved.emit(approved)
        return self.export(path)

    def export(self, path: Path) -> Path | None:
        """Write the requisition shown as the workbook for the level above."""
        req = self.requisition
        if req is None:
            return None
        path = with_xlsx_suffix(path)
        from core.exchange.requisition_workbook import write_requisition_workbook

        try:
            written = write_requisition_workbook(req, path)
        except OSError as exc:
            log.warning("District requisition export failed: %s", exc)
            text = self.tr(
                "Fichier non enregistré : impossible d'écrire {0}. Si le fichier est ouvert "
                "dans Excel, fermez-le ; sinon choisissez un autre dossier (Exporter…)."
            ).format(write_failed(path, exc))
            if not req.is_draft:
                text = self.tr("Réquisition n° {0} approuvée. ").format(req.sequence) + text
            set_message(self.message, text, error=True)
            return None
        set_message(
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


class DeliveryNotesDialog(DepotMonthDialog):
    """The delivery notes of the month: a preview of those to issue (lots FEFO, shortfalls),
    issued and written to a folder in one step; notes already issued can be written again."""

    #: delivery notes were issued (the depot's ledger changed)
    issued = Signal(list)

    def __init__(
        self, app: Application, depot: Facility, period: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, depot, period, parent)
        self.notes: list[DeliveryNote] = []  # to issue
        self.stored: list[StoredNote] = []  # issued already
        self.setWindowTitle(self.tr("Bons de livraison"))

        self._add_title(
            self.tr("Bons de livraison de {0}, réquisitions de {1}").format(
                facility_label(depot.code, depot.name), period_text(self.period)
            )
        )
        self.summary = self._add_status()
        self.model = DeliveryPreviewModel(self)
        self.table = self._add_table(self.model)
        self.explanation = self._add_explanation(
            self.tr(
                "Établir les bons sort ces quantités du stock du dépôt (transferts cédés, lots "
                "premiers périmés premiers sortis) le {0}, et enregistre un classeur par "
                "établissement dans le dossier choisi. Un bon établi ne se refait pas."
            ).format(format_date(app.ctx.today()))
        )
        self.issued_label = self._add_status()

        self.buttons, (self.issue_button, self.export_again_button, self.close_button) = (
            self._add_message_and_buttons(
                self.tr("&Établir et exporter…"),
                self.tr("E&xporter de nouveau les bons établis…"),
            )
        )
        self.issue_button.clicked.connect(self._on_issue)
        self.export_again_button.clicked.connect(self._on_export_again)

        self.load()
        self.resize(self._width(self.table), 500)

    def load(self) -> None:
        """The notes already issued for the month, and a fresh preview of the others."""
        try:
            with wait_cursor():
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
            set_message(self.message, str(exc), error=True)
        self._show()

    def _show(self) -> None:
        self.model.set_notes(self.notes)
        metrics = self.table.fontMetrics()
        fit_texts(
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
        try:
            with wait_cursor():
                issued = issue_delivery_notes(self.app.uow(), self.app.ctx, self.notes)
        except DomainError as exc:
            log.info("Delivery notes refused: %s", exc)
            set_message(self.message, str(exc), error=True)
            return []
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
                failed.append(write_failed(path, exc))
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
            set_message(self.message, text, error=True)
        else:
            text += " " + self.tr("Copiez-les sur la clé USB pour les établissements.")
            set_message(self.message, text, done=True)
        return written
