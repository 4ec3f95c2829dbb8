"""Physical count screen: print the count sheet, enter the counts, record the adjustments."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.catalogue import Product
from core.errors import DomainError
from core.facilities import Facility, fold
from core.ledger import REASON_SIGN, Reason
from core.services import CountLine, CountSheetLine
from gui.count import dialogs
from gui.count.model import (
    COUNTED,
    DIFFERENCE,
    EXPECTED,
    LOT,
    NUMBER,
    PRODUCT,
    CountDelegate,
    CountModel,
    CountRow,
    signed,
)
from gui.count.printing import a4_landscape, count_sheet_html, print_html, save_pdf
from gui.forms.common import not_written_text
from gui.labels import reason_label
from gui.screen import Screen
from gui.stock.model import format_quantity, unit_text
from gui.stock_card.model import format_date
from gui.tasks import run_task

log = logging.getLogger(__name__)

#: the reasons a count's differences may be given, count correction first (the default)
COUNT_REASONS = (
    Reason.COUNT_CORRECTION,
    Reason.DAMAGED,
    Reason.EXPIRED,
    Reason.LOST,
    Reason.STOLEN,
    Reason.COLD_CHAIN,
)
ERROR_STYLE = "color: #b00020;"
RESULT_STYLE = "color: #1b5e20; font-weight: bold;"
SHOWN_DIFFERENCES = 3


class CountFilter(QSortFilterProxyModel):
    """Search on product code and name, accents ignored; rows keep the sheet's order."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = fold(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # type: ignore[no-untyped-def]
        if not self._text:
            return True
        model = self.sourceModel()
        assert isinstance(model, CountModel)
        row = model.row(source_row)
        return self._text in fold(f"{row.product.code} {row.product.name} {row.lot}")


class CountTableView(QTableView):
    """Typing a number anywhere on a row edits its count; Enter goes down to the next line."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if current.isValid() and current.column() != COUNTED and event.text().isdigit():
            self.setCurrentIndex(current.siblingAtColumn(COUNTED))
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        move = hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
        )
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        current = self.currentIndex()
        if move and current.isValid() and current.row() + 1 < self.model().rowCount():
            below = self.model().index(current.row() + 1, COUNTED)
            self.setCurrentIndex(below)
            self.edit(below)


class CountScreen(Screen):
    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._sheet: list[CountSheetLine] = []
        self._products: list[Product] = []
        self._facilities: dict[str, Facility] = {}
        # Counts typed but not yet recorded, per facility: switching facility or date, or
        # another screen changing the ledger, never loses them.
        self._drafts: dict[str, list[CountRow]] = {}
        self._loaded_facility: str | None = None
        self._loaded_on: date | None = None

        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        today = self.app.ctx.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.setToolTip(
            self.tr("Jour où le stock a été compté : aujourd'hui ou un jour passé")
        )
        self.excel_button = QPushButton(self.tr("Exporter la fiche d'inventaire (Excel)…"))
        self.excel_button.setToolTip(
            self.tr(
                "Un classeur à imprimer ou à remplir : produit, lot, péremption, stock théorique"
            )
        )
        self.print_button = QPushButton(self.tr("Imprimer…"))
        self.pdf_button = QPushButton(self.tr("Enregistrer en PDF…"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        top.addWidget(QLabel(self.tr("Date de l'inventaire :")))
        top.addWidget(self.date_edit)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.excel_button)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        layout.addLayout(top)
        self.date_error = QLabel()
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet(ERROR_STYLE)
        self.date_error.hide()
        layout.addWidget(self.date_error)
        self.file_message = QLabel()
        self.file_message.setWordWrap(True)
        self.file_message.hide()
        layout.addWidget(self.file_message)

        entry_bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher un produit ou un lot…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.add_button = QPushButton(self.tr("Ajouter un lot trouvé…"))
        self.add_button.setToolTip(
            self.tr("Un lot sur l'étagère qui n'est pas sur la fiche d'inventaire")
        )
        self.remove_button = QPushButton(self.tr("Retirer la ligne ajoutée"))
        self.remove_button.setEnabled(False)
        hint = QLabel(
            self.tr(
                "Tapez la quantité comptée de chaque lot ; Entrée passe à la ligne suivante. "
                "Une ligne laissée vide n'est pas modifiée."
            )
        )
        hint.setWordWrap(True)
        entry_bar.addWidget(self.search)
        entry_bar.addWidget(hint, 1)
        entry_bar.addWidget(self.add_button)
        entry_bar.addWidget(self.remove_button)
        layout.addLayout(entry_bar)

        self.model = CountModel(self)
        self.proxy = CountFilter()
        self.proxy.setSourceModel(self.model)
        self.delegate = CountDelegate(self)
        self.table = CountTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(COUNTED, self.delegate)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setToolTip(
            self.tr("Double-cliquez sur un produit pour ouvrir sa fiche de stock")
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NUMBER, 40), (LOT, 115), (3, 120), (EXPECTED, 215)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(COUNTED, 100)
        self.table.setColumnWidth(DIFFERENCE, 160)
        layout.addWidget(self.table, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.entry_error = QLabel()
        self.entry_error.setWordWrap(True)
        self.entry_error.setStyleSheet(ERROR_STYLE)
        self.entry_error.hide()
        layout.addWidget(self.entry_error)

        form = QHBoxLayout()
        self.reason = QComboBox()
        for reason in COUNT_REASONS:
            self.reason.addItem(reason_label(reason), reason.value)
        self.reason.setToolTip(
            self.tr("Motif enregistré avec les ajustements qui mettent le stock au compté")
        )
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("ex. inventaire mensuel, compté avec l'infirmier"))
        self.validate_button = QPushButton(self.tr("Valider l'inventaire"))
        self.validate_button.setEnabled(False)
        form.addWidget(QLabel(self.tr("Motif des écarts :")))
        form.addWidget(self.reason)
        form.addWidget(QLabel(self.tr("Note :")))
        form.addWidget(self.note, 1)
        form.addWidget(self.validate_button)
        layout.addLayout(form)
        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.hide()
        layout.addWidget(self.form_error)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet(RESULT_STYLE)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        layout.addWidget(self.result)

        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.excel_button.clicked.connect(self._on_export_excel)
        self.print_button.clicked.connect(self._on_print)
        self.pdf_button.clicked.connect(self._on_pdf)
        self.search.textChanged.connect(self.proxy.set_text)
        self.add_button.clicked.connect(self._on_add_found)
        self.remove_button.clicked.connect(self._on_remove_found)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.model.counts_changed.connect(self._update_form)
        self.model.counts_changed.connect(lambda: self._show_entry_error(""))
        self.model.refused.connect(self._show_entry_error)
        self.delegate.refused.connect(self._show_entry_error)
        self.reason.currentIndexChanged.connect(self._update_form)
        self.validate_button.clicked.connect(self._on_validate)
        self._update_form()

    # --- state ------------------------------------------------------------------------------

    def count_date(self) -> date:
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def set_count_date(self, day: date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    @property
    def selected_reason(self) -> Reason:
        return Reason(self.reason.currentData())

    def set_facility(self, code: str | None) -> None:
        self._stash()
        super().set_facility(code)

    def _stash(self) -> None:
        """Keep the counts typed for the facility shown, to put them back on reload."""
        if self._loaded_facility is None:
            return
        kept = [r for r in self.model.rows() if r.counted is not None or r.found]
        if kept:
            self._drafts[self._loaded_facility] = kept
        else:
            self._drafts.pop(self._loaded_facility, None)

    def refresh(self) -> None:
        """Reload the sheet for the facility and date; the counts typed so far stay."""
        self._stash()
        self._loaded_facility = self.facility
        self._facilities = {f.code: f for f in services.list_facilities(self.app.uow())}
        self._products = services.list_products(self.app.uow())
        if self.facility is None:
            self._sheet = []
            self.model.set_rows([])
            return
        on = self.count_date()
        self._loaded_on = on
        try:
            self._sheet = services.count_sheet(self.app.uow(), self.facility, on)
        except DomainError as exc:
            self._sheet = []
            self.model.set_rows([])
            self._show_entry_error(str(exc))
            return
        drafts = {r.key: r for r in self._drafts.pop(self.facility, [])}
        rows = []
        for line in self._sheet:
            row = CountRow.from_sheet(line)
            draft = drafts.pop(row.key, None)
            if draft is not None:
                row = replace(row, counted=draft.counted)
            rows.append(row)
        # Counted lots the ledger does not hold on this date are lots found on the shelf.
        rows.extend(replace(d, expected=0, found=True) for d in drafts.values())
        self.model.set_rows(rows, on)

    # --- what the form says -----------------------------------------------------------------

    def _date_problem(self) -> str | None:
        on, today = self.count_date(), self.app.ctx.today()
        if on > today:
            return self.tr(
                "Date de l'inventaire : le {0} est dans le futur. Choisissez le jour où le stock "
                "a été compté : aujourd'hui ({1}) ou avant."
            ).format(format_date(on), format_date(today))
        return None

    def _reason_problem(self, counted: list[CountRow]) -> str | None:
        reason = self.selected_reason
        if REASON_SIGN[reason] < 0:
            surplus = [r for r in counted if (r.difference or 0) > 0]
            if surplus:
                return self.tr(
                    "Motif : « {0} » ne peut que retirer du stock, mais {1} ligne(s) ont plus "
                    "que le stock théorique ({2}). Choisissez « {3} » ou vérifiez ces quantités."
                ).format(
                    reason_label(reason),
                    len(surplus),
                    self.model.describe(self.model.rows().index(surplus[0])),
                    reason_label(Reason.COUNT_CORRECTION),
                )
        return None

    def _update_form(self) -> None:
        rows = self.model.rows()
        counted = [r for r in rows if r.counted is not None]
        date_problem = self._date_problem()
        self.date_error.setText(date_problem or "")
        self.date_error.setVisible(date_problem is not None)
        reason_problem = self._reason_problem(counted)
        self.form_error.setText(reason_problem or "")
        self.form_error.setVisible(reason_problem is not None)
        self.summary.setText(self._summary_text(rows, counted))
        has_facility = self.facility is not None
        for button in (self.print_button, self.pdf_button, self.add_button):
            button.setEnabled(has_facility)
        self.excel_button.setEnabled(has_facility and self.busy.isHidden())
        self.validate_button.setEnabled(
            self.facility is not None
            and bool(counted)
            and date_problem is None
            and reason_problem is None
        )
        self._on_current_changed(self.table.currentIndex())

    def _summary_text(self, rows: list[CountRow], counted: list[CountRow]) -> str:
        if self.facility is None:
            return self.tr("Choisissez un établissement pour faire son inventaire.")
        if not rows:
            return self.tr(
                "Aucun lot en stock à cette date : la fiche est vide. Si vous trouvez des "
                "produits sur l'étagère, ajoutez-les avec « Ajouter un lot trouvé… »."
            )
        if not counted:
            return self.tr("{0} lignes à compter. Aucune quantité saisie pour l'instant.").format(
                len(rows)
            )
        differences = [r for r in counted if r.difference]
        text = self.tr("{0} lignes comptées sur {1}").format(len(counted), len(rows))
        if differences:
            shown = ", ".join(self._short_difference(r) for r in differences[:SHOWN_DIFFERENCES])
            more = len(differences) - SHOWN_DIFFERENCES
            if more > 0:
                shown += self.tr(" et {0} autre(s)").format(more)
            text += self.tr(" · {0} écart(s) : {1}").format(len(differences), shown)
        else:
            text += self.tr(" · aucun écart")
        left = len(rows) - len(counted)
        if left:
            text += self.tr(" · {0} ligne(s) non comptée(s) : elles ne changeront pas").format(left)
        return text

    def _short_difference(self, row: CountRow) -> str:
        difference = row.difference or 0
        lot = self.tr(" lot {0}").format(row.lot) if row.lot else ""
        return f"{row.product.code}{lot} {signed(difference)} " + unit_text(
            row.product.base_unit, difference
        )

    def _difference_line(self, row: CountRow) -> str:
        locale = QLocale()
        lot = self.tr(", lot {0}").format(row.lot) if row.lot else ""
        found = self.tr(" (lot trouvé)") if row.found else ""
        return self.tr("{0}{1}{2} : théorique {3}, compté {4} → {5}").format(
            row.product.code,
            lot,
            found,
            format_quantity(row.product, row.expected, locale),
            locale.toString(row.counted or 0),
            f"{signed(row.difference or 0, locale)} "
            + unit_text(row.product.base_unit, row.difference or 0),
        )

    def _show_entry_error(self, text: str) -> None:
        self.entry_error.setText(text)
        self.entry_error.setVisible(bool(text))

    # --- recording --------------------------------------------------------------------------

    def _on_validate(self) -> None:
        self._update_form()
        if not self.validate_button.isEnabled() or self.facility is None:
            return
        counted = self.model.counted_rows()
        differences = [r for r in counted if r.difference]
        facility = self._facilities.get(self.facility)
        heading = self.tr(
            "Inventaire du {0} à {1} : {2} ligne(s) comptée(s), {3} écart(s)."
        ).format(
            format_date(self.count_date()),
            facility.name if facility else self.facility,
            len(counted),
            len(differences),
        )
        details = [self._difference_line(r) for r in differences] or [
            self.tr("Aucun écart : le stock compté est celui du registre.")
        ]
        unchanged = len(counted) - len(differences)
        footer = self.tr(
            "Motif des écarts : {0}. {1} ligne(s) sans écart seront notées comme vérifiées. "
            "{2} ligne(s) non comptée(s) ne changent pas."
        ).format(
            reason_label(self.selected_reason), unchanged, self.model.rowCount() - len(counted)
        )
        if dialogs.open_count_confirmation(self, heading, details, footer):
            self.record()

    def record(self) -> bool:
        """Record every counted line in one go (all or nothing); True when it was saved."""
        if self.facility is None:
            return False
        counted = self.model.counted_rows()
        if not counted:
            return False
        on = self.count_date()
        lines = [
            CountLine(r.product.code, r.counted or 0, lot=r.lot, expiry=r.expiry) for r in counted
        ]
        try:
            posted = services.record_count(
                self.app.uow(),
                self.app.ctx,
                self.facility,
                on,
                lines,
                reason=self.selected_reason,
                note=self.note.text().strip(),
            )
        except DomainError as exc:
            self.form_error.setText(
                self.tr("L'inventaire n'a pas été enregistré, rien n'a été modifié. {0}").format(
                    exc
                )
            )
            self.form_error.show()
            return False
        adjusted = [m for m in posted if m.quantity]
        products = {p.code: p for p in self._products}
        shown = ", ".join(
            f"{m.product_code}"
            + (self.tr(" lot {0}").format(m.lot) if m.lot else "")
            + f" {signed(m.quantity)} "
            + unit_text(
                products[m.product_code].base_unit if m.product_code in products else "", m.quantity
            )
            for m in adjusted[:SHOWN_DIFFERENCES]
        )
        if len(adjusted) > SHOWN_DIFFERENCES:
            shown += self.tr(" et {0} autre(s)").format(len(adjusted) - SHOWN_DIFFERENCES)
        text = self.tr(
            "✔ Inventaire du {0} enregistré : {1} ligne(s) comptée(s), {2} ajustement(s)"
        ).format(format_date(on), len(counted), len(adjusted))
        text += f" ({shown})." if shown else "."
        self.result.setText(text)
        self.result.show()
        self.note.clear()
        self._drafts.pop(self.facility, None)
        self.model.set_rows([])  # nothing left to stash: the counts are in the ledger now
        self.refresh()
        self.status_message.emit(self.tr("Inventaire du {0} enregistré").format(format_date(on)))
        self.ledger_changed.emit()
        return True

    # --- found lots -------------------------------------------------------------------------

    def _existing_row(self, product_code: str, lot: str) -> int | None:
        return self.model.find(product_code, lot)

    def _on_add_found(self) -> None:
        row = dialogs.open_found_lot_dialog(self, self._products, self._existing_row)
        if row is not None:
            self.add_found_row(row)

    def add_found_row(self, row: CountRow) -> None:
        position = self.model.add_row(row)
        self.search.clear()
        self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(position, COUNTED)))
        self.table.scrollToBottom()

    def _on_remove_found(self) -> None:
        source = self.proxy.mapToSource(self.table.currentIndex())
        if source.isValid() and self.model.row(source.row()).found:
            self.model.remove_row(source.row())

    def _on_current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object = None
    ) -> None:
        source = self.proxy.mapToSource(QModelIndex(current)) if current.isValid() else None
        self.remove_button.setEnabled(
            source is not None and source.isValid() and self.model.row(source.row()).found
        )

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == COUNTED:
            return
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.navigate.emit("card", self.model.row(source.row()).product.code)

    # --- paper, Excel and PDF ---------------------------------------------------------------

    def _on_date_changed(self, _date: QDate) -> None:
        self.result.hide()
        self.refresh()

    def _sheet_html(self) -> str | None:
        facility = self._facilities.get(self.facility or "")
        if facility is None:
            return None
        return count_sheet_html(facility, self.count_date(), self._sheet)

    def _suggested_name(self, suffix: str) -> str:
        return self.tr("inventaire-{0}-{1}.{2}").format(
            self.facility, f"{self.count_date():%Y-%m-%d}", suffix
        )

    def _show_file_message(self, text: str, error: bool) -> None:
        self.file_message.setStyleSheet(ERROR_STYLE if error else RESULT_STYLE)
        self.file_message.setText(text)
        self.file_message.setVisible(bool(text))

    def _on_export_excel(self) -> None:
        if self.facility is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter la fiche d'inventaire"),
            self._suggested_name("xlsx"),
            self.tr("Classeur Excel (*.xlsx)"),
        )
        if path:
            self.export_excel(Path(path))

    def export_excel(self, path: Path) -> None:
        """Write the sheet as .xlsx in the background; the result shows above the table."""
        facility = self._facilities.get(self.facility or "")
        if facility is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        on, lines = self.count_date(), list(self._sheet)

        def work(_progress: object, _cancelled: object) -> Path:
            from core.exchange.count_sheet import write_count_sheet

            return write_count_sheet(path, facility, on, lines)

        self.excel_button.setEnabled(False)
        self.busy.show()
        self._show_file_message("", False)
        run_task(work, self._on_excel_written, self._on_excel_failed)

    def _on_excel_written(self, written: Path) -> None:
        self.busy.hide()
        self.excel_button.setEnabled(True)
        self._show_file_message(
            self.tr("✔ Fiche d'inventaire enregistrée : {0}").format(written), False
        )
        self.status_message.emit(self.tr("Fiche d'inventaire enregistrée : {0}").format(written))

    def _on_excel_failed(self, exc: BaseException, _details: str) -> None:
        self.busy.hide()
        self.excel_button.setEnabled(True)
        if isinstance(exc, OSError):
            self._show_file_message(
                not_written_text(self.tr("Fiche non enregistrée"), exc.filename or "", exc),
                True,
            )
            return
        if isinstance(exc, DomainError):
            self._show_file_message(str(exc), True)
            return
        raise exc

    def _on_print(self) -> None:
        html = self._sheet_html()
        if html is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        a4_landscape(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Imprimer la fiche d'inventaire"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_html(printer, html)
            self.status_message.emit(self.tr("Fiche d'inventaire envoyée à l'imprimante"))

    def _on_pdf(self) -> None:
        if self.facility is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer la fiche d'inventaire en PDF"),
            self._suggested_name("pdf"),
            self.tr("Document PDF (*.pdf)"),
        )
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> Path | None:
        html = self._sheet_html()
        if html is None:
            return None
        written = save_pdf(path, html)
        if not written.exists():
            self._show_file_message(
                self.tr(
                    "PDF non enregistré : impossible d'écrire {0}. Choisissez un autre dossier."
                ).format(written),
                True,
            )
            return None
        self._show_file_message(self.tr("✔ PDF enregistré : {0}").format(written), False)
        self.status_message.emit(self.tr("PDF enregistré : {0}").format(written))
        return written
