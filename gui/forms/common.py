"""What every entry form shares: the dialog frame with its message, product, quantity and date."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from core.catalogue import Product
from core.errors import DomainError
from core.facilities import fold
from gui.stock.model import format_quantity, unit_text

log = logging.getLogger(__name__)

DATE_FORMAT = "dd/MM/yyyy"
ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #505050;"
MAX_QUANTITY = 10_000_000


def not_written_text(what: str, path: object, exc: OSError) -> str:
    """Why a file could not be written and what to do: "`what` : impossible d'écrire `path`
    (the system's reason). Si le fichier est ouvert dans Excel, …" — `what` says what was
    not saved ("Rapport non enregistré")."""
    return QCoreApplication.translate(
        "Files",
        "{0} : impossible d'écrire {1} ({2}). Si le fichier est ouvert dans Excel, fermez-le ; "
        "sinon choisissez un autre dossier.",
    ).format(what, path, exc.strerror or exc)


def make_date_edit(today: date, value: date | None = None) -> QDateEdit:
    """A dd/MM/yyyy date with a calendar, never after today (we record what happened)."""
    edit = QDateEdit(QDate(value or today))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setMaximumDate(QDate(today))
    edit.setDate(QDate(value or today))
    return edit


def product_text(product: Product) -> str:
    return f"{product.code} – {product.name}"


class ProductCombo(QComboBox):
    """The catalogue in a combo the user can type into: a code ("rutf") or part of the name."""

    product_changed = Signal(object)  # Product | None

    def __init__(self, products: list[Product], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._products = list(products)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for product in self._products:
            self.addItem(product_text(product), product.code)
            self.setItemData(self.count() - 1, product.name, Qt.ItemDataRole.ToolTipRole)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.view().setMinimumWidth(460)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText(self.tr("Code ou nom du produit…"))
        self._last: Product | None = None
        self.editTextChanged.connect(self._on_changed)
        self.currentIndexChanged.connect(self._on_changed)
        self.lineEdit().editingFinished.connect(self._complete_label)

    def product(self) -> Product | None:
        """The product the text designates: its full label, or its code typed alone."""
        text = self.currentText().strip()
        if not text:
            return None
        folded = fold(text)
        for product in self._products:
            if folded in (fold(product.code), fold(product_text(product))):
                return product
        return None

    def set_product(self, code: str | None) -> None:
        index = self.findData(code) if code else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def _complete_label(self) -> None:
        """A code typed alone becomes the full label once the user moves on."""
        product = self.product()
        if product is not None and self.currentText() != product_text(product):
            self.setCurrentIndex(self.findData(product.code))

    def _on_changed(self, *_: object) -> None:
        product = self.product()
        if product != self._last:
            self._last = product
            self.product_changed.emit(product)


class QuantitySpin(QSpinBox):
    """A whole number with thousands separators, blank rather than "0" when nothing is typed,
    so that typing "400" gives 400 and not 4000."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, MAX_QUANTITY)
        self.setGroupSeparatorShown(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def textFromValue(self, value: int) -> str:
        return "" if value == 0 else super().textFromValue(value)

    def valueFromText(self, text: str) -> int:
        return 0 if not text.strip() else super().valueFromText(text)

    def validate(self, text: str, pos: int) -> object:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)


class QuantityInput(QWidget):
    """An integer typed in base units or in packs, with what it makes in base units."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product: Product | None = None
        self.spin = QuantitySpin()
        self.spin.setMinimumWidth(110)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(14)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.equals = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.unit)
        layout.addWidget(self.equals, 1)
        self.spin.valueChanged.connect(self._on_changed)
        self.unit.currentIndexChanged.connect(self._on_changed)
        self.set_product(None)

    def set_product(self, product: Product | None) -> None:
        self.product = product
        with QSignalBlocker(self.unit):
            self.unit.clear()
            if product is None:
                self.unit.addItem(self.tr("unités"), False)
            else:
                self.unit.addItem(unit_text(product.base_unit, 2), False)
                if product.pack_size > 1 and product.pack_unit:
                    self.unit.addItem(
                        self.tr("{0} de {1}").format(
                            unit_text(product.pack_unit, 2), product.pack_size
                        ),
                        True,
                    )
            self.unit.setCurrentIndex(0)
        self._on_changed()

    def in_packs(self) -> bool:
        return bool(self.unit.currentData())

    def set_in_packs(self, packs: bool) -> None:
        index = self.unit.findData(packs)
        if index >= 0:
            self.unit.setCurrentIndex(index)

    def typed(self) -> int:
        return self.spin.value()

    def base_quantity(self) -> int:
        """The quantity in base units (sachets, tablets, pieces)."""
        value = self.spin.value()
        if self.product is not None and self.in_packs():
            return value * self.product.pack_size
        return value

    def _on_changed(self, *_: object) -> None:
        if self.product is not None and self.in_packs() and self.spin.value():
            self.equals.setText(
                "= " + format_quantity(self.product, self.base_quantity()).split(" (")[0]
            )
        else:
            self.equals.clear()
        self.changed.emit()


class EntryForm(QDialog):
    """A modal form: it checks itself as the user types, keeps Save disabled until everything
    is right, saves in one service call, and shows refusals inline instead of closing."""

    #: the confirmation for the status bar, emitted after a successful save
    saved = Signal(str)

    def __init__(
        self, app: Application, facility: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.facility = facility
        self.today = app.ctx.today()
        self.confirmation = ""
        self._saved = False
        self._service_error = ""
        self.setWindowTitle(title)
        self.setModal(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # --- what a form implements -------------------------------------------------------------

    def problems(self) -> list[str]:
        """What stops saving, each sentence naming the field and what to do; [] when valid."""
        raise NotImplementedError

    def save(self) -> str:
        """Write through the services in one call; return the confirmation. May raise
        DomainError, shown inline."""
        raise NotImplementedError

    def has_input(self) -> bool:
        """True when the user typed something (closing would lose it)."""
        raise NotImplementedError

    # --- shared behaviour -------------------------------------------------------------------

    def touch(self, *_: object) -> None:
        """Called by every input: something changed, check the form again."""
        self._service_error = ""
        self.validate()

    def validate(self) -> list[str]:
        problems = self.problems()
        self.save_button.setEnabled(not problems and not self._service_error)
        if self._service_error:
            self._show(self._service_error, error=True)
        elif problems:
            shown = problems[:3]
            if len(problems) > 3:
                shown.append(
                    self.tr("… et {0} autre(s) point(s) à corriger.").format(len(problems) - 3)
                )
            self._show("\n".join(shown), error=self.has_input())
        else:
            self._show(
                self.tr("✔ Prêt à enregistrer : vérifiez puis cliquez sur Enregistrer."),
                error=False,
            )
        return problems

    def _show(self, text: str, error: bool) -> None:
        prefix = "⚠ " if error else ""
        self.message.setText(prefix + text)
        self.message.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)

    def show_error(self, text: str) -> None:
        """A refusal from the services, kept until the user changes something."""
        self._service_error = text
        self.validate()

    def _on_save(self) -> None:
        if self.validate() or not self.save_button.isEnabled():
            return
        try:
            self.confirmation = self.save()
        except DomainError as exc:
            log.info("Entry refused: %s", exc)
            self.show_error(self.explain(exc))
            return
        self._saved = True
        self.saved.emit(self.confirmation)
        self.accept()

    def explain(self, error: DomainError) -> str:
        """The service's sentence, possibly completed by the form (which field it concerns)."""
        return str(error)

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Abandonner la saisie ?"),
            self.tr("Ce que vous avez saisi n'est pas enregistré et sera perdu."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if not self._saved and self.has_input() and not self.confirm_discard():
            return
        super().reject()
