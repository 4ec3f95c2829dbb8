"""Movements screen: a facility's ledger newest first, paged in SQL, with entry and reversal."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.catalogue import Product
from core.ledger import MovementKind
from gui.forms import EntryForm, ReversalDialog, make_entry_form
from gui.labels import kind_label, number_text
from gui.movements.model import (
    COL_COUNTERPART,
    COL_PRODUCT,
    COL_REASON,
    MovementRow,
    MovementsTableModel,
)
from gui.screen import Screen

log = logging.getLogger(__name__)

PAGE_SIZE = 200


class MovementsScreen(Screen):
    """Every entry of the ledger for the facility; a wrong one is cancelled, never edited."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.page_size = PAGE_SIZE
        self.offset = 0
        self.total = 0
        self.products: dict[str, Product] = {}
        self.facility_names: dict[str, str] = {}
        self.dialog: QDialog | None = None
        self._sized = False

        self.product_filter = QComboBox()
        self.product_filter.setMinimumContentsLength(30)
        self.product_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("Tous les types"), None)
        for kind in MovementKind:
            self.kind_filter.addItem(kind_label(kind), kind.value)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Produit :")))
        filters.addWidget(self.product_filter, 1)
        filters.addWidget(QLabel(self.tr("Type :")))
        filters.addWidget(self.kind_filter)
        filters.addSpacing(12)
        self.previous_button = QPushButton(self.tr("◀ Précédent"))
        self.next_button = QPushButton(self.tr("Suivant ▶"))
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(170)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        filters.addWidget(self.previous_button)
        filters.addWidget(self.page_label)
        filters.addWidget(self.next_button)

        self.model = MovementsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #505050; padding: 24px;")

        self.reverse_button = QPushButton(self.tr("Annuler la saisie…"))
        self.reverse_button.setToolTip(
            self.tr(
                "Corrige une saisie fausse par une écriture inverse ; l'originale reste "
                "visible, marquée « annulée »."
            )
        )
        self.reverse_button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addWidget(self.reverse_button)
        self.selection_label = QLabel()
        self.selection_label.setStyleSheet("color: #505050;")
        actions.addWidget(self.selection_label, 1)
        self.form_buttons: dict[str, QPushButton] = {}
        for kind, label in (
            ("receipt", self.tr("Réception…")),
            ("issue", self.tr("Dispensation…")),
            ("transfer", self.tr("Transfert…")),
            ("loss", self.tr("Perte / ajustement…")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.open_form(k))
            actions.addWidget(button)
            self.form_buttons[kind] = button

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        self.empty_label.hide()
        layout.addLayout(actions)

        self._fill_product_filter()
        self.product_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.kind_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.previous_button.clicked.connect(self._on_previous)
        self.next_button.clicked.connect(self._on_next)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.reverse_button.clicked.connect(self.open_reversal)

    # --- loading ------------------------------------------------------------------------------

    def _fill_product_filter(self) -> None:
        self.products = {p.code: p for p in services.list_products(self.app.uow())}
        self.product_filter.addItem(self.tr("Tous les produits"), None)
        for product in self.products.values():
            self.product_filter.addItem(f"{product.code} – {product.name}", product.code)

    def refresh(self) -> None:
        if self.facility is None:
            self.model.set_rows([])
            self.total = 0
            self._update_page_controls()
            self.empty_label.setText(
                self.tr("Aucun établissement : créez-en un dans Paramètres pour saisir ses stocks.")
            )
            self.empty_label.show()
            self.table.hide()
            return
        self.facility_names = {
            f.code: f"{f.name} ({f.code})" for f in services.list_facilities(self.app.uow())
        }
        self._load()

    def _load(self, keep_uuid: str | None = None) -> None:
        assert self.facility is not None
        keep_uuid = keep_uuid or self.selected_uuid()
        code = self.product_filter.currentData()
        kind = self.kind_filter.currentData()
        page = services.movement_page(
            self.app.uow(),
            self.facility,
            self.offset,
            self.page_size,
            product_code=code,
            kinds=[MovementKind(kind)] if kind else None,
        )
        if page.total and self.offset >= page.total:  # the last page emptied: step back
            self.offset = max(0, (page.total - 1) // self.page_size * self.page_size)
            self._load(keep_uuid)
            return
        self.total = page.total
        on_page = {m.uuid: m for m in page.movements}
        reversal_dates = {m.reverses: m.occurred_on for m in page.movements if m.reverses}
        rows = []
        for movement in page.movements:
            original = on_page.get(movement.reverses) if movement.reverses else None
            rows.append(
                MovementRow(
                    movement=movement,
                    product=self.products.get(movement.product_code),
                    reversed=movement.uuid in page.reversed,
                    original_date=original.occurred_on if original else None,
                    reversed_on=reversal_dates.get(movement.uuid),
                    counterpart_label=self.facility_names.get(movement.counterpart, ""),
                )
            )
        self.model.set_rows(rows)
        if rows and not self._sized:  # once: then paging keeps the widths the user set
            self._size_columns()
            self._sized = True
        self._update_page_controls()
        if not rows:
            self.empty_label.setText(self._empty_text(code is not None or kind is not None))
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if keep_uuid is not None:
            self.select_uuid(keep_uuid)
        self._on_selection_changed()

    def _empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Aucun mouvement ne correspond à ces filtres.")
        return self.tr(
            "Aucun mouvement enregistré pour cet établissement. Commencez par une réception "
            "(bouton « Réception… » ci-dessous)."
        )

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column, width in ((COL_PRODUCT, 230), (COL_REASON, 220), (COL_COUNTERPART, 200)):
            if self.table.columnWidth(column) > width:
                self.table.setColumnWidth(column, width)

    def _update_page_controls(self) -> None:
        if self.total == 0:
            self.page_label.setText(self.tr("Aucun mouvement"))
        else:
            first = self.offset + 1
            last = min(self.offset + self.page_size, self.total)
            self.page_label.setText(
                self.tr("{0}–{1} sur {2}").format(
                    number_text(first), number_text(last), number_text(self.total)
                )
            )
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + self.page_size < self.total)

    def _on_filter_changed(self, *_: object) -> None:
        self.offset = 0
        if self.facility is not None:
            self._load()

    def _on_previous(self) -> None:
        self.offset = max(0, self.offset - self.page_size)
        self._load()

    def _on_next(self) -> None:
        if self.offset + self.page_size < self.total:
            self.offset += self.page_size
            self._load()

    def open_item(self, item: object) -> None:
        """A product code filters the list on that product."""
        if isinstance(item, str):
            index = self.product_filter.findData(item)
            if index >= 0:
                self.product_filter.setCurrentIndex(index)

    # --- selection and reversal -------------------------------------------------------------

    def selected_row(self) -> MovementRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def selected_uuid(self) -> str | None:
        row = self.selected_row()
        return row.movement.uuid if row else None

    def select_uuid(self, uuid: str) -> bool:
        number = self.model.row_of(uuid)
        if number is None:
            return False
        index = self.model.index(number, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_selection_changed(self, *_: object) -> None:
        row = self.selected_row()
        self.reverse_button.setEnabled(row is not None and row.can_be_reversed)
        if row is None:
            self.selection_label.clear()
        elif row.reversed:
            self.selection_label.setText(self.tr("Saisie déjà annulée."))
        elif row.is_reversal:
            self.selection_label.setText(
                self.tr("Ligne d'annulation : elle ne s'annule pas (double-clic : l'originale).")
            )
        else:
            self.selection_label.clear()

    def _on_double_clicked(self, _index: object) -> None:
        """On a reversal, go to the entry it cancels when it is on this page."""
        row = self.selected_row()
        if row is not None and row.movement.reverses:
            self.select_uuid(row.movement.reverses)

    def open_reversal(self) -> None:
        row = self.selected_row()
        if row is None or not row.can_be_reversed or row.product is None:
            return
        self._open_dialog(ReversalDialog(self.app, row.movement, row.product, self))

    def open_form(self, kind: str) -> None:
        if self.facility is None:
            return
        self._open_dialog(make_entry_form(kind, self.app, self.facility, self))

    def _open_dialog(self, dialog: EntryForm) -> None:
        """Window-modal but not blocking: the outcome arrives through `saved`."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.open()

    def _on_saved(self, confirmation: str) -> None:
        keep = self.selected_uuid()
        if self.facility is not None:
            self._load(keep)
        self.ledger_changed.emit()
        self.status_message.emit(confirmation)
