"""The "Livraisons reçues" tab: the facility imports the delivery note its depot gave it,
checks each line against what arrived (quantity received, reason of a difference) and confirms
the receipt, which enters the lots in its stock; the notes received stay listed with their
discrepancies."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from core.errors import DomainError
from gui.forms.common import ERROR_STYLE, HINT_STYLE, make_date_edit
from gui.requisition.common import (
    QuantityDelegate,
    RequisitionTab,
    TextDelegate,
    column_panel,
    editable_table,
    hint_label,
    push_button,
    read_only_table,
    row_layout,
    splitter,
    text_label,
    wait_cursor,
)
from gui.requisition.delivery_model import (
    PRODUCT,
    R_DISCREPANCIES,
    REASON,
    RECEIVED,
    Confirmation,
    DeliveryLinesModel,
    PendingNotesModel,
    ReceivedNotesModel,
    line_label,
    note_origin,
    quantity_text,
    requisition_text,
)
from gui.stock.model import format_date

if TYPE_CHECKING:
    from core.district import StoredNote

log = logging.getLogger(__name__)

INFO_STYLE = "color: #1f4e79;"


def _table() -> QTableView:
    table = read_only_table()
    table.setWordWrap(True)
    table.setStyleSheet("QTableView { selection-color: black; }")
    return table


class DeliveryReceiptTab(RequisitionTab):
    """The delivery notes of the current facility: to receive, and received."""

    #: a receipt entered stock in the ledger (the screens showing stock reload)
    ledger_changed = Signal()

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._last_folder = ""
        # The user's lines per note (record uuid → line n° → Confirmation), kept while the
        # application is open, until the receipt is confirmed.
        self._confirmations: dict[str, dict[int, Confirmation]] = {}
        self._stored: StoredNote | None = None

        layout = QVBoxLayout(self)
        self.import_button = push_button(
            self.tr("&Importer un bon de livraison…"),
            self.tr(
                "Le classeur Excel du bon de livraison remis par le dépôt avec les produits "
                "(sur clé USB)"
            ),
        )
        self.facility_label = QLabel()
        self.facility_label.setStyleSheet(HINT_STYLE)
        layout.addLayout(row_layout(self.import_button, 12, (self.facility_label, 1)))

        layout.addWidget(self.message)

        # --- the notes waiting --------------------------------------------------------------
        self.pending_model = PendingNotesModel(self)
        self.pending_table = _table()
        self.pending_table.setModel(self.pending_model)
        self.pending_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.pending_empty = hint_label()
        self.pending_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pending_pages = QStackedWidget()
        self.pending_pages.addWidget(self.pending_table)
        self.pending_pages.addWidget(self.pending_empty)
        pending_panel, _ = column_panel(
            text_label(self.tr("Bons à réceptionner"), bold=True, wrap=False, selectable=False),
            self.pending_pages,
        )

        # --- the lines of the note chosen -------------------------------------------------
        self.note_title = text_label(bold=True)
        self.lines_model = DeliveryLinesModel(self)
        self.lines_table = editable_table()
        self.lines_table.setModel(self.lines_model)
        self.lines_table.setWordWrap(True)
        self.lines_table.setStyleSheet("QTableView { selection-color: black; }")
        self.quantity_delegate = QuantityDelegate(self.tr("quantité expédiée"), self.lines_table)
        self.reason_delegate = TextDelegate(self.lines_table)
        self.lines_table.setItemDelegateForColumn(RECEIVED, self.quantity_delegate)
        self.lines_table.setItemDelegateForColumn(REASON, self.reason_delegate)
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_panel, note_layout = column_panel(self.note_title, self.lines_table)
        self.shortfalls = text_label()
        self.shortfalls.setStyleSheet(INFO_STYLE)
        self.shortfalls.hide()
        note_layout.addWidget(self.shortfalls)
        date_label = QLabel(self.tr("&Date de réception :"))
        self.date_edit: QDateEdit = make_date_edit(app.ctx.today())
        date_label.setBuddy(self.date_edit)
        self.hint = hint_label()
        self.confirm_button = push_button(
            self.tr("&Confirmer la réception"),
            self.tr(
                "Les quantités reçues entrent dans le stock de l'établissement avec leurs lots "
                "et dates de péremption ; les écarts sont enregistrés avec leur raison"
            ),
        )
        self._confirm_tooltip = self.confirm_button.toolTip()
        self.confirm_button.setDefault(True)
        note_layout.addLayout(
            row_layout(date_label, self.date_edit, 12, (self.hint, 1), self.confirm_button)
        )

        # --- the notes received ---------------------------------------------------------------
        self.received_model = ReceivedNotesModel(self)
        self.received_table = _table()
        self.received_table.setModel(self.received_model)
        self.received_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        received_header = self.received_table.horizontalHeader()
        received_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        received_header.setSectionResizeMode(R_DISCREPANCIES, QHeaderView.ResizeMode.Stretch)
        received_panel, _ = column_panel(
            text_label(self.tr("Bons réceptionnés"), bold=True, wrap=False, selectable=False),
            self.received_table,
        )

        self.splitter = splitter(
            Qt.Orientation.Vertical, (pending_panel, 1), (self.note_panel, 4), (received_panel, 2)
        )
        layout.addWidget(self.splitter, 1)

        self.import_button.clicked.connect(self._on_import)
        self.confirm_button.clicked.connect(self.confirm_receipt)
        self.pending_table.selectionModel().currentRowChanged.connect(self._on_note_chosen)
        self.lines_model.edited.connect(self._on_line_edited)
        self.lines_model.refused.connect(lambda text: self.show_message(text, error=True))
        self._show_note(None)

    # --- the tab's contract with the screen --------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        if code != self.facility:
            self.show_message("")  # it spoke of the other facility
        super().set_facility(code)

    # --- loading -------------------------------------------------------------------------------

    def _reload(self, select: str | None = None) -> None:
        """The pending and received notes of the facility; `select` (a record uuid), else the
        note shown, stays selected. refresh() calls it once the tab is seen."""
        from core.district import pending_deliveries

        self._stale = False
        today = self.app.ctx.today()
        self.date_edit.setMaximumDate(QDate(today))
        shown = self.lines_model.note
        wanted = select or (shown.record_uuid if shown is not None else None)
        if self.facility is None:
            self.facility_label.setText("")
            self.pending_model.set_items([])
            self.received_model.set_notes([])
            self.pending_empty.setText(
                self.tr("Choisissez un établissement pour voir ses livraisons.")
            )
            self.pending_pages.setCurrentWidget(self.pending_empty)
            self._show_note(None)
            self.import_button.setEnabled(False)
            return
        self.import_button.setEnabled(True)
        with self.app.uow() as uow:
            found = uow.facilities.find(self.facility)
            received = [
                n
                for direction in ("in", "out")
                for n in uow.district.notes(direction, to_code=self.facility)
                if n.is_received
            ]
        name = f"{found.name} ({found.code})" if found else self.facility
        self.facility_label.setText(self.tr("Livraisons de {0}").format(name))
        pending = pending_deliveries(self.app.uow(), self.facility)
        self.pending_model.set_items(pending)
        self.received_model.set_notes(_unique(received))
        if pending:
            self.pending_pages.setCurrentWidget(self.pending_table)
        else:
            self.pending_empty.setText(
                self.tr(
                    "Aucun bon de livraison à réceptionner pour {0}. Quand le dépôt livre, "
                    "cliquez sur « Importer un bon de livraison… » et choisissez le fichier "
                    "remis avec les produits."
                ).format(name)
            )
            self.pending_pages.setCurrentWidget(self.pending_empty)
        row = self.pending_model.row_of(wanted) if wanted else -1
        if row < 0 and pending:
            row = 0
        if row >= 0:
            self.select_note(row)
        else:
            self._show_note(None)

    def select_note(self, row: int) -> None:
        """Show the lines of the pending note in `row`."""
        index = self.pending_model.index(row, 0)
        self.pending_table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show_note(self.pending_model.item(row))

    def _on_note_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_note(self.pending_model.item(current.row()))

    # --- one note ------------------------------------------------------------------------------

    @property
    def stored_note(self) -> StoredNote | None:
        return self._stored

    def _show_note(self, stored: StoredNote | None) -> None:
        self._stored = stored
        if stored is None:
            self.lines_model.set_note(None)
            self.note_panel.hide()
            return
        note = stored.note
        if self.lines_model.note is not None and self.lines_model.note.record_uuid == (
            note.record_uuid
        ):
            self._update_hint()
            return
        self.note_panel.show()
        self.lines_model.set_note(note, self._confirmations.setdefault(note.record_uuid, {}))
        self.note_title.setText(
            self.tr("Bon {0} — de {1} · réquisition {2} · expédié le {3}").format(
                note.number,
                note_origin(note),
                requisition_text(note),
                format_date(note.issued_on),
            )
        )
        today = self.app.ctx.today()
        self.date_edit.setMinimumDate(QDate(min(note.issued_on, today)))
        self.date_edit.setDate(QDate(today))
        if note.shortfalls:
            parts = [
                self.tr("{0} ({1}) : {2} approuvé(s), {3} livré(s), {4} manquant(s)").format(
                    s.product_code,
                    s.product_name,
                    quantity_text(s.approved, s.base_unit),
                    quantity_text(s.shipped, s.base_unit),
                    quantity_text(s.missing, s.base_unit),
                )
                for s in note.shortfalls
            ]
            self.shortfalls.setText(
                self.tr(
                    "ℹ Le dépôt n'a pas pu tout livrer (rien à saisir pour ces produits, ils ne "
                    "sont pas sur le bon) :"
                )
                + "\n"
                + "\n".join("• " + p for p in parts)
            )
            self.shortfalls.show()
        else:
            self.shortfalls.clear()
            self.shortfalls.hide()
        self._fit_lines()
        self._update_hint()

    def _fit_lines(self) -> None:
        table = self.lines_table
        table.resizeColumnsToContents()
        metrics = self.fontMetrics()
        widest = metrics.horizontalAdvance("ATPE (aliment thérapeutique prêt à l'emploi), sa")
        table.setColumnWidth(PRODUCT, min(table.columnWidth(PRODUCT), widest))
        table.setColumnWidth(
            RECEIVED,
            max(table.columnWidth(RECEIVED), metrics.horizontalAdvance("1 200 000 sachets") + 16),
        )

    def _on_line_edited(self, number: int, problem: str) -> None:
        if problem:
            self.show_message(problem, error=True)
        else:
            self.show_message("")
        self._update_hint()

    def _update_hint(self) -> None:
        model = self.lines_model
        if model.note is None:
            self.hint.clear()
            return
        problems = model.problem_rows()
        differences = model.differences()
        self.confirm_button.setToolTip(self._confirm_tooltip)
        if problems:
            numbers = ", ".join(str(row + 1) for row in problems)
            self.hint.setStyleSheet(ERROR_STYLE)
            self.hint.setText(
                self.tr("⚠ Raison de l'écart à indiquer : ligne(s) {0}.").format(numbers)
            )
            self.confirm_button.setToolTip("\n".join(model.problem(row) for row in problems))
        elif differences:
            self.hint.setStyleSheet(HINT_STYLE)
            self.hint.setText(
                self.tr("{0} écart(s) avec leur raison : ils seront enregistrés.").format(
                    len(differences)
                )
            )
        else:
            self.hint.setStyleSheet(HINT_STYLE)
            self.hint.setText(
                self.tr(
                    "Comptez ce qui est arrivé ; changez la quantité reçue d'une ligne qui "
                    "diffère (double-clic) et indiquez pourquoi."
                )
            )

    # --- importing -----------------------------------------------------------------------------

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Importer un bon de livraison"),
            self._last_folder,
            self.tr("Bon de livraison (*.xlsx);;Tous les fichiers (*)"),
        )
        if path:
            self._last_folder = str(Path(path).parent)
            self.import_note(Path(path))

    def import_note(self, path: Path) -> StoredNote | None:
        """Keep the delivery note of the file to be received; a refusal (damaged or edited
        file, note for a facility not in this database, already imported) is shown as is."""
        from core.district import import_delivery_note

        try:
            with wait_cursor():
                stored = import_delivery_note(self.app.uow(), self.app.ctx, path)
        except DomainError as exc:
            log.info("Delivery note refused: %s", exc)
            self.show_message(str(exc), error=True)
            return None
        except OSError as exc:
            self.show_message(
                self.tr("Impossible de lire {0} ({1}) : vérifiez la clé USB et réessayez.").format(
                    path, exc.strerror or exc
                ),
                error=True,
            )
            return None
        note = stored.note
        if note.to_code != self.facility:
            text = self.tr(
                "Bon {0} importé ; il est destiné à {1} ({2}) : choisissez cet établissement "
                "pour le réceptionner."
            ).format(note.number, note.to_name, note.to_code)
        else:
            text = self.tr(
                "Bon {0} importé : {1} ligne(s). Comptez ce qui est arrivé, corrigez les "
                "quantités reçues qui diffèrent, puis cliquez sur « Confirmer la réception »."
            ).format(note.number, len(note.lines))
        self.show_message(text, done=True)
        self.status_message.emit(text)
        self._reload(select=note.record_uuid)
        return stored

    # --- confirming ----------------------------------------------------------------------------

    @property
    def receipt_date(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def confirm_receipt(self) -> StoredNote | None:
        """Receive the note shown: every line as the table says it. A difference without
        its reason is refused here, with the line named and its reason cell selected."""
        from core.district import receive_delivery

        model = self.lines_model
        stored = self._stored
        if stored is None or model.note is None:
            return None
        problems = model.problem_rows()
        if problems:
            first = problems[0]
            text = self.tr("Réception non enregistrée : {0}").format(model.problem(first))
            if len(problems) > 1:
                text += " " + self.tr("({0} lignes sont dans ce cas.)").format(len(problems))
            self.show_message(text, error=True)
            index = model.index(first, REASON)
            self.lines_table.setCurrentIndex(index)
            self.lines_table.scrollTo(index)
            self.lines_table.setFocus()
            return None
        on = self.receipt_date
        try:
            with wait_cursor():
                done = receive_delivery(
                    self.app.uow(), self.app.ctx, stored.note.record_uuid, on, model.received()
                )
        except DomainError as exc:
            log.info("Receipt refused: %s", exc)
            self.show_message(self.tr("Réception non enregistrée : {0}").format(exc), error=True)
            return None
        self._confirmations.pop(stored.note.record_uuid, None)
        text = self.receipt_text(done)
        self.show_message(text, done=True)
        self.status_message.emit(
            self.tr("Bon {0} réceptionné le {1}.").format(done.note.number, format_date(on))
        )
        self._reload()
        self.ledger_changed.emit()
        self.data_changed.emit()
        return done

    def receipt_text(self, done: StoredNote) -> str:
        """What entered the stock, lot by lot, and the discrepancies recorded."""
        note = done.note
        locale = QLocale()
        on = next((r.received_on for r in done.received if r.received_on), None)
        entered = []
        for confirmation in done.received:
            line = note.lines[confirmation.line_no - 1]
            if confirmation.received <= 0:
                continue
            expiry = (
                self.tr(", péremption {0}").format(format_date(line.expiry)) if line.expiry else ""
            )
            entered.append(
                self.tr("{0} – lot {1}{2} : {3}").format(
                    line.product_code,
                    line.lot or "–",
                    expiry,
                    quantity_text(confirmation.received, line.base_unit),
                )
            )
        text = self.tr("Bon {0} réceptionné le {1}.").format(note.number, format_date(on))
        if entered:
            text += "\n" + self.tr("Entré en stock :") + "\n" + "\n".join("• " + e for e in entered)
        else:
            text += "\n" + self.tr("Rien n'est entré en stock (toutes les lignes à 0).")
        gaps = done.discrepancies
        if gaps:
            text += "\n" + self.tr("Écarts enregistrés :") + "\n"
            text += "\n".join(
                "• "
                + self.tr("{0} : {1} expédié(s), {2} reçu(s) — {3}").format(
                    line_label(number, note.lines[number - 1]),
                    locale.toString(shipped),
                    locale.toString(received),
                    reason,
                )
                for number, shipped, received, reason in gaps
            )
        else:
            text += "\n" + self.tr("Aucun écart : tout est arrivé comme expédié.")
        return text


def _unique(notes: list[StoredNote]) -> list[StoredNote]:
    """One entry per note (a note issued and received in the same database is stored twice)."""
    seen: set[str] = set()
    kept = []
    for stored in notes:
        if stored.note.record_uuid not in seen:
            seen.add(stored.note.record_uuid)
            kept.append(stored)
    return kept
