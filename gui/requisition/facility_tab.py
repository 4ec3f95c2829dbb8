"""The "R&R du mois" tab: the facility's Report & Requisition of a month, computed from the
ledger, edited and approved by the director, exported as a workbook for the district; an
approved one revised (a newer version that replaces it at the district)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from core.errors import DomainError
from core.requisition import Requisition, check_requisition
from core.requisition_drafts import LineEdit, SavedEdits
from core.requisition_services import (
    approve_requisition,
    discard_draft_edits,
    draft_edits,
    list_requisitions,
    reopen_requisition,
    requisition_for,
    revise_requisition,
    save_draft_edits,
)
from core.stock import add_months, month_start
from gui.forms.common import not_written_text
from gui.requisition import common
from gui.requisition.common import (
    RequisitionTab,
    TextDelegate,
    capitalized,
    chosen_month,
    editable_table,
    empty_label,
    last_complete_month,
    message_label,
    month_index,
    month_selector,
    of_period_text,
    period_text,
    push_button,
    row_layout,
    text_label,
    wait_cursor,
    with_xlsx_suffix,
)
from gui.requisition.facility_model import (
    CALCULATED,
    JUSTIFICATION,
    NAME,
    REMARKS,
    REQUESTED,
    UNIT,
    PacksQuantityDelegate,
    RequisitionModel,
    TwoLineDelegate,
)
from gui.screen import open_dialog
from gui.stock.model import format_date
from gui.tasks import BackgroundRefresh, Progress

log = logging.getLogger(__name__)

MONTHS_BACK = 24  # complete months offered in the selector
Key = tuple[str, date]  # (facility, first day of the month)


@dataclass(frozen=True, slots=True)
class Computed:
    """What the background computation hands the tab: the question and its answer, with the
    edits saved for that month (by this window or before a restart)."""

    key: Key
    requisition: Requisition
    saved: SavedEdits | None = None


def compute(app: Application, key: Key) -> Callable[[Progress, Callable[[], bool]], Computed]:
    """The work of one refresh, run off the GUI thread (gui.tasks): the approved requisition
    of the month if there is one, else a draft from the ledger; and the saved edits."""

    def work(progress: Progress, _cancelled: Callable[[], bool]) -> Computed:
        facility, period = key
        progress(0.0, facility)
        requisition = requisition_for(app.uow(), app.ctx, facility, period)
        saved = draft_edits(app.uow(), facility, period)
        progress(1.0, facility)
        return Computed(key, requisition, saved)

    return work


def next_sequence(app: Application, facility_code: str) -> int:
    """The number the facility's next approved requisition should get: one more than the
    highest it has (core gives the number itself when it stores the requisition)."""
    stored = list_requisitions(app.uow(), facility_code)
    return max((r.sequence or 0 for r in stored), default=0) + 1


class ApprovalDialog(QDialog):
    """The director's name and, in plain words, what approving does to the registre. Given
    `replaces` (the approved requisition a reopened `draft` revises), it approves the revision
    instead: a newer version, with a new number, that replaces it at the district."""

    #: the stored requisition, once approved
    approved = Signal(object)

    def __init__(
        self,
        app: Application,
        draft: Requisition,
        parent: QWidget | None = None,
        replaces: Requisition | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.draft = draft
        self.replaces = replaces
        period = period_text(draft.period)
        following = period_text(add_months(draft.period, 1))
        self.setModal(True)

        layout = QVBoxLayout(self)
        if replaces is None:
            self.setWindowTitle(self.tr("Approuver la réquisition"))
            heading = self.tr("Réquisition pour {0} — {1} ({2})").format(
                period, draft.facility_name, draft.facility_code
            )
            explanation = self.tr(
                "L'approbation clôt dans le registre le mois {0} et tous les mois "
                "précédents : plus aucune entrée (réception, dispensation, perte, inventaire) ne "
                "pourra y être datée. Les corrections se feront dans le mois suivant ({1}).\n\n"
                "La réquisition reçoit son numéro et ne se modifie plus."
            ).format(of_period_text(draft.period), following)
        else:
            self.setWindowTitle(self.tr("Approuver la révision"))
            heading = self.tr("Révision de la réquisition n° {0} pour {1} — {2} ({3})").format(
                replaces.sequence, period, draft.facility_name, draft.facility_code
            )
            explanation = self.tr(
                "La révision est une nouvelle version de la réquisition {0}, n° {1} : au "
                "district, elle remplace la réquisition n° {2}. Exportez-la en Excel et "
                "portez-la au district.\n\n"
                "Le mois {0} reste clos dans le registre : ses chiffres restent ceux approuvés, "
                "seules les quantités demandées, les justifications et les observations changent."
            ).format(
                of_period_text(draft.period),
                next_sequence(app, draft.facility_code),
                replaces.sequence,
            )
        title = text_label(heading, bold=True, selectable=False)
        layout.addWidget(title)
        warning = QLabel(explanation)
        warning.setWordWrap(True)
        layout.addWidget(warning)

        form = QFormLayout()
        self.name = QLineEdit(app.ctx.user)
        self.name.setMaxLength(200)
        self.name.setMinimumWidth(280)
        self.name.selectAll()
        label = QLabel(self.tr("&Nom du directeur (DTC) :"))
        label.setBuddy(self.name)
        form.addRow(label, self.name)
        layout.addLayout(form)

        self.message = message_label()
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox()
        self.approve_button: QPushButton = self.buttons.addButton(
            self.tr("&Approuver") if replaces is None else self.tr("&Approuver la révision"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.approve_button.setDefault(True)
        self.buttons.accepted.connect(self._on_approve)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _on_approve(self) -> None:
        approve = approve_requisition if self.replaces is None else revise_requisition
        try:
            with wait_cursor():
                approved = approve(self.app.uow(), self.app.ctx, self.draft, self.name.text())
        except DomainError as exc:
            log.info("Approval refused: %s", exc)
            common.set_message(self.message, str(exc), error=True)
            return
        self.approved.emit(approved)
        self.accept()


class FacilityRequisitionTab(RequisitionTab):
    """The R&R of the current facility for a chosen month. Computed in the background when
    shown, after a change of facility, month or ledger; the user's edits of a draft are kept
    per facility and month (and applied again to a recomputed draft) until approval or
    "Recalculer".

    An approved requisition may be revised ("Réviser…"): the tab shows a draft copy of it
    (core's reopen_requisition) whose requested quantities, justifications and remarks are
    edited, kept per facility and month like a draft's edits, until the revision is approved
    (a new version with a new number) or cancelled.

    Every edit is saved in the database as soon as it is accepted (save_draft_edits): after a
    power cut or a restart, the month shown again gets its edits back, and a revision is
    taken up again where it was left."""

    #: emitted once a computation's result (or its refusal) is on screen (tests wait for it)
    requisition_shown = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._computing = BackgroundRefresh(self, self._reload, self._set_busy)
        self._shown_key: Key | None = None
        self._edits: dict[Key, dict[str, LineEdit]] = {}
        # The approved requisitions being revised, and the numbers revisions replaced.
        self._revising: dict[Key, Requisition] = {}
        self._replaced: dict[Key, int] = {}
        self.approval_dialog: ApprovalDialog | None = None
        self._filled_for: date | None = None  # the month in progress when the selector was filled

        layout = QVBoxLayout(self)
        month_label = QLabel(self.tr("&Mois :"))
        self.month_box = month_selector(month_label, 22)
        self._fill_months()
        self.status = text_label(bold=True)
        self.busy_label = QLabel(self.tr("Calcul en cours…"))
        self.busy_label.setStyleSheet("color: #505050;")
        self.recalculate_button = push_button(
            self.tr("&Recalculer"),
            self.tr("Calculer de nouveau à partir du registre (les modifications sont perdues)"),
        )
        self.export_button = push_button(
            self.tr("E&xporter en Excel…"),
            self.tr("Le classeur à porter au district ; un brouillon porte la mention BROUILLON"),
        )
        self.approve_button = push_button(
            self.tr("A&pprouver…"),
            self.tr(
                "Le directeur approuve la réquisition : elle reçoit son numéro et le mois est clos"
            ),
        )
        self.revise_button = push_button(self.tr("Ré&viser…"))  # its tooltip: _update
        self.cancel_revision_button = push_button(
            self.tr("A&nnuler la révision"),
            self.tr("Revenir à la réquisition approuvée, sans rien changer"),
        )
        bar = row_layout(
            month_label,
            self.month_box,
            12,
            self.busy_label,
            None,
            self.recalculate_button,
            self.export_button,
            self.revise_button,
            self.cancel_revision_button,
            self.approve_button,
        )
        layout.addLayout(bar)
        layout.addWidget(self.status)

        layout.addWidget(self.message)

        self.model = RequisitionModel(self)
        # Tab leaves the table for the buttons; arrows move between cells; while a cell is
        # being edited, Tab goes on to the next one (quantity → justification → remarks).
        # Code, Désignation and Unité stay on the left: the product of the cell typed into.
        self.table = editable_table(frozen=UNIT + 1)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.quantity_delegate = PacksQuantityDelegate(self.table)
        self.text_delegate = TextDelegate(self.table)
        self.unit_delegate = TwoLineDelegate(self.table)
        self.table.setItemDelegateForColumn(UNIT, self.unit_delegate)
        self.table.setItemDelegateForColumn(CALCULATED, self.quantity_delegate)
        self.table.setItemDelegateForColumn(REQUESTED, self.quantity_delegate)
        self.table.setItemDelegateForColumn(JUSTIFICATION, self.text_delegate)
        self.table.setItemDelegateForColumn(REMARKS, self.text_delegate)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(36)

        self.empty = empty_label()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        layout.addWidget(self.pages, 1)

        self.month_box.currentIndexChanged.connect(self._on_month_changed)
        self.recalculate_button.clicked.connect(self.recalculate)
        self.export_button.clicked.connect(self._on_export)
        self.approve_button.clicked.connect(self.open_approval)
        self.revise_button.clicked.connect(self.start_revision)
        self.cancel_revision_button.clicked.connect(self.cancel_revision)
        self.model.edited.connect(self._on_edited)
        self.model.refused.connect(lambda text: self.show_message(text, error=True))
        self._set_busy(False)
        self._show_empty(self.tr("Choisissez un établissement pour voir sa réquisition."))

    # --- months ---------------------------------------------------------------------------

    def _fill_months(self) -> None:
        """The month in progress (its R&R is not possible yet: the message says when), then
        the last complete months, the most recent first; the last complete one selected."""
        current = month_start(self.app.ctx.today())
        self._filled_for = current
        months = [(self.tr("{0} (en cours)").format(period_text(current)), current)]
        for back in range(1, MONTHS_BACK + 1):
            month = add_months(current, -back)
            months.append((period_text(month), month))
        selected = chosen_month(self.month_box)
        common.fill_months(self.month_box, months, selected, default=1)

    @property
    def period(self) -> date:
        return chosen_month(self.month_box) or last_complete_month(self.app.ctx.today())

    def set_period(self, period: date) -> None:
        """Show the R&R of `period` (a month of the selector)."""
        wanted = month_start(period)
        index = month_index(self.month_box, wanted)
        if index < 0:
            raise DomainError(
                self.tr("Mois {0} : choisissez un mois parmi les {1} derniers.").format(
                    period_text(wanted), MONTHS_BACK
                )
            )
        if index == self.month_box.currentIndex():
            self.refresh()
        else:
            self.month_box.setCurrentIndex(index)

    def _on_month_changed(self, _index: int) -> None:
        self.show_message("")
        self.refresh()

    # --- computing ------------------------------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        if code != self.facility:
            self.show_message("")  # it spoke of the other facility
        super().set_facility(code)

    def is_busy(self) -> bool:
        return self._computing.is_running()

    @property
    def key(self) -> Key | None:
        return (self.facility, self.period) if self.facility else None

    def _reload(self) -> None:
        """Compute the R&R again, in the background (refresh() calls it once the tab is seen)."""
        self._stale = False
        if month_start(self.app.ctx.today()) != self._filled_for:
            self._fill_months()  # the application stayed open into a new month
        if self._computing.postpone():
            return
        key = self.key
        if key is None:
            self._shown_key = None
            self.model.set_requisition(None)
            self._show_empty(self.tr("Choisissez un établissement pour voir sa réquisition."))
            self.requisition_shown.emit()
            return
        if key != self._shown_key:
            self.model.set_requisition(None)
            self._show_empty(self.tr("Calcul de la réquisition…"))
        self._computing.start(compute(self.app, key), self._on_computed, self._on_failed)

    def _on_computed(self, result: Computed) -> None:
        if result.key != self.key:  # the facility or month changed meanwhile
            self._reload()
            return
        restored = self._take_up(result.key, result.requisition, result.saved)
        self._show(result.key, result.requisition)
        if restored is not None:
            if self.model.edits:
                self.show_message(self._restored_text(restored))
            else:  # none of them applies any more (the products left the requisition)
                self._discard_saved(result.key)
        self.requisition_shown.emit()

    def _take_up(
        self, key: Key, requisition: Requisition, saved: SavedEdits | None
    ) -> SavedEdits | None:
        """The saved edits of a month the tab holds none for (a new window, after a restart):
        a draft's are applied to the draft; a revision's re-enter the revision of the approved
        requisition they were typed into. Returns them when taken up; edits that no longer
        apply (the requisition approved or revised since) are discarded, and the user told."""
        if saved is None or self._edits.get(key) or key in self._revising:
            return None
        if saved.revising is None and requisition.is_draft:
            self._edits[key] = dict(saved.edits)
            return saved
        if (
            saved.revising is not None
            and not requisition.is_draft
            and requisition.sequence == saved.revising
        ):
            self._revising[key] = requisition
            self._edits[key] = dict(saved.edits)
            return saved
        self._discard_saved(key)
        if saved.revising is not None:
            self.show_message(
                self._overtaken_text(saved.revising, requisition.sequence), error=True
            )
        else:
            self.show_message(
                self.tr(
                    "Les modifications enregistrées le {0} à {1} ne s'appliquent plus : la "
                    "réquisition {2} a été approuvée entre-temps (n° {3})."
                ).format(
                    *self._when(saved), of_period_text(requisition.period), requisition.sequence
                ),
                error=True,
            )
        return None

    def _when(self, saved: SavedEdits) -> tuple[str, str]:
        moment = saved.saved_at
        if moment is None:
            return "", ""
        return format_date(moment.date()), f"{moment:%H:%M}"

    def _restored_text(self, saved: SavedEdits) -> str:
        day, time = self._when(saved)
        if saved.saved_by and saved.saved_by != self.app.ctx.user:
            return self.tr("Modifications enregistrées le {0} à {1} par {2} reprises.").format(
                day, time, saved.saved_by
            )
        return self.tr("Modifications enregistrées le {0} à {1} reprises.").format(day, time)

    def _overtaken_text(self, revised: int | None, now: int | None) -> str:
        return self.tr(
            "La réquisition n° {0} a changé depuis le début de la révision (elle est "
            "maintenant n° {1}) : révisez la dernière version."
        ).format(revised, now or "–")

    def _on_failed(self, exc: BaseException, _details: str) -> None:
        self._shown_key = self.key
        self.model.set_requisition(None)
        if isinstance(exc, DomainError):
            self._show_empty(str(exc))
        else:  # the traceback is in the log (gui.tasks)
            self._show_empty(self.tr("La réquisition n'a pas pu être calculée : {0}").format(exc))
        self._update()
        self.requisition_shown.emit()

    # --- showing --------------------------------------------------------------------------

    def _show(self, key: Key, requisition: Requisition) -> None:
        same = key == self._shown_key
        current = self.table.currentIndex()
        self._shown_key = key
        revised = self._revising.get(key)
        if revised is not None and not _same_version(revised, requisition):
            # Revised or approved elsewhere meanwhile (the command line, another window).
            del self._revising[key]
            self._edits.pop(key, None)
            self._discard_saved(key)
            self.show_message(
                self._overtaken_text(revised.sequence, requisition.sequence), error=True
            )
            revised = None
        if revised is not None:
            self.model.set_requisition(
                reopen_requisition(requisition), self._edits.setdefault(key, {})
            )
        elif requisition.is_draft:
            self.model.set_requisition(requisition, self._edits.setdefault(key, {}))
        else:
            self._edits.pop(key, None)
            self.model.set_requisition(requisition)
        if not requisition.lines:
            self._show_empty(
                self.tr(
                    "{0} : aucun produit à {1}. La réquisition liste les produits reçus ou "
                    "comptés dans l'établissement : enregistrez d'abord une réception ou un "
                    "inventaire."
                ).format(capitalized(period_text(requisition.period)), requisition.facility_name)
            )
        else:
            self.pages.setCurrentWidget(self.table)
            self._fit_columns()
            if same and current.isValid() and current.row() < self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._update()

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.pages.setCurrentWidget(self.empty)
        self._update()

    @property
    def revising(self) -> Requisition | None:
        """The approved requisition the tab is revising, None outside a revision."""
        if self.model.requisition is None or self._shown_key is None:
            return None
        return self._revising.get(self._shown_key)

    def status_text(self) -> str:
        requisition = self.model.requisition
        if requisition is None:
            return ""
        period = capitalized(period_text(requisition.period))
        if not requisition.is_draft:
            when = format_date(requisition.created_at.date()) if requisition.created_at else ""
            replaced = self._replaced.get((requisition.facility_code, requisition.period))
            if replaced is not None:
                return self.tr(
                    "{0} · Approuvée — n° {1} (révision de n° {2}), par {3} le {4}"
                ).format(period, requisition.sequence, replaced, requisition.approved_by, when)
            if requisition.version > 1:  # revised before this window was opened
                return self.tr("{0} · Approuvée — n° {1} (version {2}), par {3} le {4}").format(
                    period, requisition.sequence, requisition.version, requisition.approved_by, when
                )
            return self.tr("{0} · Approuvée — n° {1}, par {2} le {3}").format(
                period, requisition.sequence, requisition.approved_by, when
            )
        revised = self.revising
        if revised is not None:
            parts = [
                self.tr(
                    "{0} · Révision de la réquisition n° {1} — les chiffres du registre restent "
                    "ceux approuvés"
                ).format(period, revised.sequence)
            ]
        else:
            parts = [self.tr("{0} · Brouillon — calculé à partir du registre").format(period)]
        changed = self.model.changed_count()
        if changed:
            parts.append(self.tr("{0} ligne(s) modifiée(s)").format(changed))
        problems = len(self.model.problem_rows())
        if problems:
            parts.append(self.tr("⚠ {0} à justifier").format(problems))
        return " · ".join(parts)

    def _update(self) -> None:
        self.status.setText(self.status_text())
        revising = self.revising is not None
        if not self.model.changed_count():
            tip = ""
        elif revising:
            tip = self.tr(
                "Modifications enregistrées à chaque saisie, reprises si l'application se "
                "ferme : approuvez la révision pour l'envoyer au district"
            )
        else:
            tip = self.tr(
                "Modifications enregistrées à chaque saisie, reprises si l'application se "
                "ferme : approuvez la réquisition pour l'envoyer au district"
            )
        self.status.setToolTip(tip)
        requisition = self.model.requisition
        idle = not self._computing.is_running()
        draft = requisition is not None and requisition.is_draft
        lines = requisition is not None and bool(requisition.lines)
        approved = requisition is not None and not draft
        self.approve_button.setEnabled(idle and draft and lines)
        self.approve_button.setText(
            self.tr("A&pprouver la révision…") if revising else self.tr("A&pprouver…")
        )
        self.approve_button.setToolTip(
            self.tr(
                "Le directeur approuve la révision : elle reçoit un nouveau numéro et remplace "
                "au district la réquisition approuvée ; le mois reste clos"
            )
            if revising
            else self.tr(
                "Le directeur approuve la réquisition : elle reçoit son numéro et le mois est clos"
            )
        )
        # A draft revision is not exported: its file would take the approved one's name.
        self.export_button.setEnabled(idle and lines and not revising)
        self.recalculate_button.setEnabled(
            idle and self.facility is not None and not revising and (requisition is None or draft)
        )
        self.revise_button.setVisible(approved)
        imported = requisition is not None and requisition.source == "imported"
        self.revise_button.setEnabled(idle and approved and lines and not imported)
        self.revise_button.setToolTip(
            self.tr(
                "Réquisition importée du classeur de l'établissement : c'est l'établissement qui "
                "la révise et envoie la nouvelle version au district."
            )
            if imported
            else self.tr(
                "Envoyer une version corrigée de la réquisition du même mois : les chiffres du "
                "registre ne changent pas, seules les quantités demandées, les justifications et "
                "les observations. Elle reçoit un nouveau numéro et remplace au district le "
                "fichier précédent."
            )
        )
        self.cancel_revision_button.setVisible(revising)
        self.cancel_revision_button.setEnabled(idle)

    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self._update()

    def _fit_columns(self) -> None:
        """Widths from the contents, with the long texts held to a readable width (they wrap
        on two lines; the tooltip has them whole)."""
        self.table.resizeColumnsToContents()
        metrics = self.fontMetrics()
        # (smallest, largest) in pixels; None: as the contents say
        limits = {
            NAME: (None, metrics.horizontalAdvance("Artéméther-luméfantrine 20/120 mg,")),
            JUSTIFICATION: (
                metrics.horizontalAdvance("Campagne de dépistage"),
                metrics.horizontalAdvance("Campagne de dépistage de masse en"),
            ),
            REMARKS: (
                metrics.horizontalAdvance("Observations ✎") + 24,
                metrics.horizontalAdvance("Campagne de dépistage de masse"),
            ),
        }
        for column, (smallest, largest) in limits.items():
            width = self.table.columnWidth(column)
            if smallest is not None:
                width = max(width, smallest)
            if largest is not None:
                width = min(width, largest)
            self.table.setColumnWidth(column, width)

    # --- editing --------------------------------------------------------------------------

    def _on_edited(self, code: str, text: str) -> None:
        row = self.model.row_of(code)
        self.show_message(text, error=row in self.model.problem_rows())
        self._save_edits()
        self._update()

    def _save_edits(self) -> None:
        """Save the edits of the month shown (one row), so that a power cut loses nothing;
        edits that leave every line as computed leave nothing saved."""
        key = self._shown_key
        if key is None or not self.model.editable:
            return
        revised = self.revising
        edits = self.model.edits if self.model.changed_count() else {}
        try:
            save_draft_edits(
                self.app.uow(),
                self.app.ctx,
                key[0],
                key[1],
                edits,
                revising=revised.sequence if revised is not None else None,
            )
        except DomainError as exc:
            log.warning("Requisition edits not saved: %s", exc)
            self.show_message(
                self.tr(
                    "Modification non enregistrée dans la base : {0} Elle reste affichée ; "
                    "approuvez ou exportez la réquisition avant de fermer l'application."
                ).format(exc),
                error=True,
            )

    def _discard_saved(self, key: Key) -> None:
        """Forget the edits saved for `key` (recalculated, revision cancelled or overtaken)."""
        facility, period = key
        try:
            discard_draft_edits(self.app.uow(), facility, period)
        except DomainError as exc:  # the facility was removed meanwhile: nothing to keep
            log.warning("Saved requisition edits not discarded: %s", exc)

    def has_edits(self) -> bool:
        return self.model.changed_count() > 0

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Abandonner vos modifications ?"),
            self.tr(
                "Les quantités demandées, justifications et observations saisies pour {0} "
                "seront remplacées par le calcul du registre."
            ).format(period_text(self.period)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def recalculate(self) -> None:
        """The draft again from the ledger, the edits dropped (after confirmation)."""
        key = self.key
        if key is None:
            return
        if self.has_edits() and not self.confirm_discard():
            return
        self._edits.pop(key, None)
        self._discard_saved(key)
        self.show_message("")
        self._shown_key = None  # nothing of the old draft is kept on screen
        self.refresh()

    # --- revision -------------------------------------------------------------------------

    def start_revision(self) -> None:
        """Make the approved requisition shown editable again, as a revision: requested
        quantities, justifications and remarks only (the model's editable columns)."""
        requisition = self.model.requisition
        key = self._shown_key
        if (
            requisition is None
            or key is None
            or requisition.is_draft
            or self.revising is not None
            or self._computing.is_running()
        ):
            return
        self._revising[key] = requisition
        self._edits[key] = {}
        self._show(key, requisition)
        self.show_message(
            self.tr(
                "Changez les quantités demandées, les justifications ou les observations, puis "
                "« Approuver la révision… »."
            )
        )
        self.table.setFocus()

    def confirm_cancel_revision(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Annuler la révision ?"),
            self.tr(
                "Les quantités demandées, justifications et observations changées pour {0} "
                "seront perdues ; la réquisition approuvée reste la même."
            ).format(period_text(self.period)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def cancel_revision(self) -> None:
        """Back to the approved requisition, read-only, nothing stored (after confirmation
        when something was changed)."""
        key = self._shown_key
        revised = self.revising
        if key is None or revised is None:
            return
        if self.has_edits() and not self.confirm_cancel_revision():
            return
        del self._revising[key]
        self._edits.pop(key, None)
        self._discard_saved(key)
        self._show(key, revised)
        self.show_message("")

    # --- approval -------------------------------------------------------------------------

    def open_approval(self) -> ApprovalDialog | None:
        """Ask the director's name; a line still to justify is shown first, no dialog (and a
        revision that changes nothing is refused)."""
        requisition = self.model.requisition
        if requisition is None or not requisition.is_draft or self._computing.is_running():
            return None
        revised = self.revising
        try:
            check_requisition(requisition)
        except DomainError as exc:
            self.show_message(self.tr("Approbation impossible : {0}").format(exc), error=True)
            rows = self.model.problem_rows()
            if rows:
                index = self.model.index(rows[0], JUSTIFICATION)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                self.table.setFocus()
            return None
        if revised is not None and not self.has_edits():
            self.show_message(
                self.tr(
                    "Révision sans changement : modifiez une quantité demandée, une "
                    "justification ou une observation, ou annulez la révision."
                ),
                error=True,
            )
            return None
        dialog = ApprovalDialog(self.app, requisition, self, replaces=revised)
        dialog.approved.connect(self._on_approved)
        return open_dialog(self, "approval_dialog", dialog)

    def _on_approved(self, approved: Requisition) -> None:
        key = (approved.facility_code, approved.period)
        self._edits.pop(key, None)
        revised = self._revising.pop(key, None)
        if revised is not None and revised.sequence is not None:
            self._replaced[key] = revised.sequence
        self._show(key, approved)
        if revised is None:
            text = self.tr(
                "Réquisition n° {0} {1} approuvée par {2}. Exportez-la en Excel pour le district."
            ).format(approved.sequence, of_period_text(approved.period), approved.approved_by)
        else:
            text = self.tr(
                "Révision approuvée par {0} : la réquisition n° {1} {2} remplace la n° {3}. "
                "Exportez-la en Excel pour le district."
            ).format(
                approved.approved_by,
                approved.sequence,
                of_period_text(approved.period),
                revised.sequence,
            )
        self.show_message(text, done=True)
        self.status_message.emit(text)
        self.data_changed.emit()

    # --- export ---------------------------------------------------------------------------

    def suggested_name(self) -> str:
        return f"RR_{self.facility}_{self.period:%Y-%m}.xlsx"

    def _on_export(self) -> None:
        if self.model.requisition is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter la réquisition"),
            self.suggested_name(),
            self.tr("Classeur Excel (*.xlsx)"),
        )
        if path:
            self.export_excel(Path(path))

    def export_excel(self, path: Path) -> Path | None:
        """Write the requisition shown (a draft with its edits, or the approved one) as the
        district's workbook; the result shows above the table."""
        requisition = self.model.requisition
        if requisition is None:
            return None
        path = with_xlsx_suffix(path)
        # openpyxl costs a fifth of a second: loaded when a requisition is first exported.
        from core.exchange.requisition_workbook import write_requisition_workbook

        try:
            written = write_requisition_workbook(requisition, path)
        except OSError as exc:
            log.warning("Requisition export failed: %s", exc)
            self.show_message(
                not_written_text(self.tr("Réquisition non enregistrée"), path, exc),
                error=True,
            )
            return None
        except DomainError as exc:
            self.show_message(str(exc), error=True)
            return None
        if requisition.is_draft:
            text = self.tr(
                "Brouillon enregistré : {0}. Il porte la mention BROUILLON : faites approuver "
                "la réquisition avant de l'envoyer au district."
            ).format(written)
        else:
            text = self.tr(
                "Réquisition n° {0} enregistrée : {1}. Copiez ce fichier sur la clé USB pour "
                "le district."
            ).format(requisition.sequence, written)
        self.show_message(text, done=True)
        self.status_message.emit(text)
        return written


def _same_version(revised: Requisition, shown: Requisition) -> bool:
    """The requisition shown is still the approved version the revision started from."""
    return (
        not shown.is_draft
        and shown.record_uuid == revised.record_uuid
        and shown.version == revised.version
    )
