"""Table model and cell editor of the stock policy: one row per scope, one column per setting."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QValidator
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from core.catalogue import Category, Product
from core.consumption import StockPolicy
from core.errors import DomainError
from core.settings import GLOBAL, POLICY_FIELDS, category_scope, parse_policy_value, product_scope
from gui.labels import category_label, policy_field_label

Index = QModelIndex | QPersistentModelIndex

#: the settings in column order (the columns after the scope)
KEYS: tuple[str, ...] = tuple(POLICY_FIELDS)
_DEFAULTS = StockPolicy()
DEFAULTS: dict[str, Decimal | int] = {f.name: getattr(_DEFAULTS, f.name) for f in fields(_DEFAULTS)}

HEADERS = {
    "max_months": QT_TRANSLATE_NOOP("PolicyModel", "Stock max\n(mois)"),
    "min_months": QT_TRANSLATE_NOOP("PolicyModel", "Stock min\n(mois)"),
    "eop_months": QT_TRANSLATE_NOOP("PolicyModel", "Commande\nd'urgence (mois)"),
    "amc_periods": QT_TRANSLATE_NOOP("PolicyModel", "Mois pris\npour la CMM"),
    "expiry_warning_months": QT_TRANSLATE_NOOP("PolicyModel", "Alerte de\npéremption (mois)"),
    "lead_time_months": QT_TRANSLATE_NOOP("PolicyModel", "Délai de\nlivraison (mois)"),
}
TOOLTIPS = {
    "max_months": QT_TRANSLATE_NOOP(
        "PolicyModel", "On commande jusqu'à CMM × ce nombre de mois (stock maximum)"
    ),
    "min_months": QT_TRANSLATE_NOOP(
        "PolicyModel", "Sous CMM × ce nombre de mois, il faut commander (stock minimum)"
    ),
    "eop_months": QT_TRANSLATE_NOOP(
        "PolicyModel", "Sous ce nombre de mois de stock, la commande est urgente"
    ),
    "amc_periods": QT_TRANSLATE_NOOP(
        "PolicyModel", "Nombre de mois complets dont la moyenne donne la CMM (nombre entier)"
    ),
    "expiry_warning_months": QT_TRANSLATE_NOOP(
        "PolicyModel", "Signaler les lots qui périment dans ce nombre de mois (nombre entier)"
    ),
    "lead_time_months": QT_TRANSLATE_NOOP(
        "PolicyModel", "Temps habituel entre la commande et la livraison"
    ),
}
INHERITED_COLOUR = QColor("#6b6b6b")


def tr(text: str) -> str:
    return QCoreApplication.translate("PolicyModel", text)


def show_value(value: Decimal | int | str) -> str:
    """A policy value as the user writes it: "3", "1,5"."""
    try:
        number = Decimal(str(value).replace(",", "."))
    except ArithmeticError:
        return str(value)
    if not number.is_finite():
        return str(value)
    return format(number.normalize(), "f").replace(".", QLocale().decimalPoint())


@dataclass(frozen=True, slots=True)
class PolicyScope:
    """A row of the policy table: a scope and the scopes it inherits from, nearest first."""

    scope: str
    label: str
    level: int  # 0: all products, 1: a category, 2: a product
    parents: tuple[str, ...]


def policy_scopes(products: Sequence[Product]) -> list[PolicyScope]:
    """All products, then each category followed by its products."""
    scopes = [
        PolicyScope(GLOBAL, QCoreApplication.translate("PolicyModel", "Tous les produits"), 0, ())
    ]
    for category in Category:
        members = [p for p in products if p.category is category]
        if not members:
            continue
        scope = category_scope(category.value)
        scopes.append(PolicyScope(scope, category_label(category), 1, (GLOBAL,)))
        scopes.extend(
            PolicyScope(product_scope(p.code), f"{p.code} – {p.name}", 2, (scope, GLOBAL))
            for p in members
        )
    return scopes


class PolicyModel(QAbstractTableModel):
    """Effective values per scope: bold where set at that scope, grey where inherited.

    Editing a cell calls `save(scope, key, text or None)`, which stores the value (or clears
    it) and says whether it could; the owner then hands the new settings to `set_settings`."""

    def __init__(self, save: Callable[[str, str, str | None], bool]) -> None:
        super().__init__()
        self._save = save
        self._scopes: list[PolicyScope] = []
        self._settings: dict[tuple[str, str], str] = {}

    def set_scopes(
        self, scopes: list[PolicyScope], settings: Mapping[tuple[str, str], str]
    ) -> None:
        self.beginResetModel()
        self._scopes = list(scopes)
        self._settings = dict(settings)
        self.endResetModel()

    def set_settings(self, settings: Mapping[tuple[str, str], str]) -> None:
        """New values: every cell may change (inheritance), the rows do not."""
        self._settings = dict(settings)
        if self._scopes:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._scopes) - 1, len(KEYS)))

    def scope(self, row: int) -> PolicyScope:
        return self._scopes[row]

    def row_of(self, scope: str) -> int:
        return next(n for n, s in enumerate(self._scopes) if s.scope == scope)

    def key(self, column: int) -> str:
        return KEYS[column - 1]

    def explicit(self, scope: str, key: str) -> str | None:
        """The value set at exactly this scope, if any."""
        return self._settings.get((scope, key))

    def effective(self, row: int, key: str) -> tuple[Decimal | int | str, str | None]:
        """The value that applies at a row and the scope it comes from (None: built-in)."""
        item = self._scopes[row]
        for scope in (item.scope, *item.parents):
            text = self._settings.get((scope, key))
            if text is not None:
                try:
                    return parse_policy_value(key, text), scope
                except DomainError:
                    return text, scope
        return DEFAULTS[key], None

    def _scope_label(self, scope: str | None) -> str:
        if scope is None:
            return QCoreApplication.translate("PolicyModel", "valeur par défaut de SahelStock")
        return QCoreApplication.translate("PolicyModel", "« {0} »").format(
            self._scopes[self.row_of(scope)].label
        )

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._scopes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(KEYS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("PolicyModel", "Produits concernés")
                if section == 0
                else tr(str(HEADERS[self.key(section)]))
            )
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            key = self.key(section)
            return f"{policy_field_label(key)}\n{tr(str(TOOLTIPS[key]))}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() > 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._scopes):
            return None
        item = self._scopes[index.row()]
        column = index.column()
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return ("      " if item.level == 2 else "") + item.label
            if role == Qt.ItemDataRole.FontRole and item.level < 2:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return item.label
            return None
        key = self.key(column)
        explicit = self.explicit(item.scope, key)
        if role == Qt.ItemDataRole.DisplayRole:
            return show_value(self.effective(index.row(), key)[0])
        if role == Qt.ItemDataRole.EditRole:
            return "" if explicit is None else show_value(explicit)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(explicit is not None)
            font.setItalic(explicit is None)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and explicit is None:
            return INHERITED_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if explicit is not None:
                return QCoreApplication.translate(
                    "PolicyModel", "Défini ici. Videz la cellule pour reprendre la valeur héritée."
                )
            _value, source = self.effective(index.row(), key)
            return QCoreApplication.translate(
                "PolicyModel", "Hérité de {0}. Double-cliquez pour fixer une autre valeur ici."
            ).format(self._scope_label(source))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        item = self._scopes[index.row()]
        key = self.key(index.column())
        text = str(value or "").strip() or None
        current = self.explicit(item.scope, key)
        if text == (show_value(current) if current is not None else None):
            return False
        return self._save(item.scope, key, text)


class PolicyValidator(QValidator):
    """Lets any text be typed (so the message can say what is wrong) but only lets a value
    that `parse_policy_value` accepts, or an empty cell, be committed."""

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key

    def error(self, text: str) -> str | None:
        if not text.strip():
            return None
        try:
            parse_policy_value(self.key, text)
        except DomainError as exc:
            return str(exc)
        return None

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state = QValidator.State.Intermediate if self.error(text) else QValidator.State.Acceptable
        return state, text, pos


class PolicyDelegate(QStyledItemDelegate):
    """A line edit that checks the value as it is typed and reports the problem by name."""

    #: the problem with what is being typed, or "" when it is fine
    message = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, PolicyModel)
        key = model.key(index.column())
        editor = QLineEdit(parent)
        editor.setValidator(PolicyValidator(key, editor))
        inherited, _source = model.effective(index.row(), key)
        if model.explicit(model.scope(index.row()).scope, key) is None:
            editor.setPlaceholderText(
                QCoreApplication.translate("PolicyModel", "hérité : {0}").format(
                    show_value(inherited)
                )
            )
        else:
            editor.setPlaceholderText(
                QCoreApplication.translate("PolicyModel", "vide = valeur héritée")
            )
        editor.textEdited.connect(lambda text, e=editor: self._check(e, text))
        return editor

    def _check(self, editor: QLineEdit, text: str) -> None:
        validator = editor.validator()
        assert isinstance(validator, PolicyValidator)
        problem = validator.error(text)
        editor.setStyleSheet("border: 2px solid #c00000;" if problem else "")
        self.message.emit(problem or "")

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.hasAcceptableInput():
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
