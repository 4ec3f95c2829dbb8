"""The dashboard's list: a facility's risks (rupture, urgence, péremption) and their table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from core.catalogue import Product
from core.consumption import StockStatus
from core.services import LotAlert
from core.stock import StockLine
from gui.stock.model import format_date, format_quantity, unit_text
from gui.table_model import TableModel


class Risk(IntEnum):
    """Kinds of risk, worst first: the order of the tiles and of the list."""

    STOCKED_OUT = 0
    EMERGENCY = 1
    EXPIRED = 2
    BELOW_MIN = 3
    EXPIRING = 4


SYMBOL = {
    Risk.STOCKED_OUT: "✖",
    Risk.EMERGENCY: "▲",
    Risk.EXPIRED: "☠",
    Risk.BELOW_MIN: "▼",
    Risk.EXPIRING: "⚠",
}

COLOUR = {
    Risk.STOCKED_OUT: QColor("#f6c6c6"),
    Risk.EMERGENCY: QColor("#fbd9b0"),
    Risk.EXPIRED: QColor("#e3d0ee"),
    Risk.BELOW_MIN: QColor("#fff1b8"),
    Risk.EXPIRING: QColor("#d6e6f7"),
}

HEADERS = (
    QT_TRANSLATE_NOOP("RiskTableModel", "Produit"),
    QT_TRANSLATE_NOOP("RiskTableModel", "Ce qui ne va pas"),
    QT_TRANSLATE_NOOP("RiskTableModel", "SDU"),
    QT_TRANSLATE_NOOP("RiskTableModel", "À commander"),
)

TOOLTIPS = (
    QT_TRANSLATE_NOOP("RiskTableModel", "Double-cliquez pour ouvrir la fiche de stock"),
    None,
    QT_TRANSLATE_NOOP("RiskTableModel", "Stock disponible utilisable : sans les lots périmés"),
    QT_TRANSLATE_NOOP("RiskTableModel", "Jusqu'au stock maximum, en conditionnements entiers"),
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class RiskItem:
    """One thing wrong at a facility: a product's stock level, or one of its lots."""

    risk: Risk
    product: Product
    usable: int
    order_quantity: int
    months_of_stock: Decimal | None = None
    threshold_months: Decimal | None = None
    since: date | None = None
    lot: str = ""
    expiry: date | None = None
    quantity: int = 0


def risk_items(
    lines: Iterable[StockLine],
    alerts: Iterable[LotAlert],
    stockout_since: Mapping[str, date | None] | None = None,
) -> list[RiskItem]:
    """The facility's risks, worst first: products out of stock (longest first), below the
    emergency order point or the minimum (fewest months first), expired lots still in stock,
    lots expiring within the horizon (soonest first)."""
    since = stockout_since or {}
    by_code: dict[str, StockLine] = {}
    items: list[RiskItem] = []
    levels = {
        StockStatus.STOCKED_OUT: Risk.STOCKED_OUT,
        StockStatus.EMERGENCY: Risk.EMERGENCY,
        StockStatus.BELOW_MIN: Risk.BELOW_MIN,
    }
    for line in lines:
        by_code[line.product.code] = line
        risk = levels.get(line.status)
        if risk is None:
            continue
        threshold = {
            Risk.EMERGENCY: line.policy.eop_months,
            Risk.BELOW_MIN: line.policy.min_months,
        }.get(risk)
        items.append(
            RiskItem(
                risk,
                line.product,
                usable=line.usable_soh,
                order_quantity=line.order_quantity,
                months_of_stock=line.months_of_stock,
                threshold_months=threshold,
                since=since.get(line.product.code) if risk is Risk.STOCKED_OUT else None,
            )
        )
    for alert in alerts:
        line_of = by_code.get(alert.product.code)
        items.append(
            RiskItem(
                Risk.EXPIRED if alert.expired else Risk.EXPIRING,
                alert.product,
                usable=line_of.usable_soh if line_of else 0,
                order_quantity=line_of.order_quantity if line_of else 0,
                lot=alert.lot,
                expiry=alert.expiry,
                quantity=alert.quantity,
            )
        )

    def worst_first(item: RiskItem) -> tuple[Any, ...]:
        when = item.since or item.expiry or date.max
        mos = item.months_of_stock if item.months_of_stock is not None else Decimal(-1)
        return (
            item.risk,
            mos if item.risk in (Risk.EMERGENCY, Risk.BELOW_MIN) else 0,
            when,
            item.product.code,
            item.lot,
        )

    return sorted(items, key=worst_first)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RiskTableModel", text)


def describe(item: RiskItem, today: date, locale: QLocale | None = None) -> str:
    """What is wrong, in a sentence a DTC reads at a glance (the symbol says it without
    colour: ✖ rupture, ▲ urgence, ☠ périmé, ▼ sous le minimum, ⚠ périme bientôt)."""
    return f"{SYMBOL[item.risk]} {_sentence(item, today, locale or QLocale())}"


def _sentence(item: RiskItem, today: date, locale: QLocale) -> str:
    def day(value: date) -> str:
        return format_date(value, locale)

    def months(value: Decimal | None) -> str:
        return "–" if value is None else locale.toString(float(value), "f", 1)

    if item.risk is Risk.STOCKED_OUT:
        if item.since is None:
            return QCoreApplication.translate(
                "RiskTableModel", "Rupture de stock : plus rien d'utilisable"
            )
        days = (today - item.since).days
        if days == 0:
            return QCoreApplication.translate("RiskTableModel", "Rupture depuis aujourd'hui")
        unit = (
            QCoreApplication.translate("RiskTableModel", "jour")
            if days == 1
            else QCoreApplication.translate("RiskTableModel", "jours")
        )
        return QCoreApplication.translate(
            "RiskTableModel", "Rupture depuis le {0} ({1} {2})"
        ).format(day(item.since), locale.toString(days), unit)
    if item.risk is Risk.EMERGENCY:
        return QCoreApplication.translate(
            "RiskTableModel", "MSD {0} mois — commande d'urgence"
        ).format(months(item.months_of_stock))
    if item.risk is Risk.BELOW_MIN:
        return QCoreApplication.translate(
            "RiskTableModel", "MSD {0} mois — sous le minimum ({1} mois)"
        ).format(months(item.months_of_stock), months(item.threshold_months))
    assert item.expiry is not None
    quantity = (
        f"{locale.toString(item.quantity)} {unit_text(item.product.base_unit, item.quantity)}"
    )
    if item.risk is Risk.EXPIRED:
        return QCoreApplication.translate(
            "RiskTableModel", "Lot {0} ({2}) périmé depuis le {1} — à sortir en perte"
        ).format(item.lot, day(item.expiry), quantity)
    return QCoreApplication.translate("RiskTableModel", "Lot {0} périme le {1} ({2})").format(
        item.lot, day(item.expiry), quantity
    )


class RiskTableModel(TableModel):
    """One row per risk; `today` is the day the figures are for."""

    CONTEXT = "RiskTableModel"
    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    def __init__(self) -> None:
        super().__init__()
        self._items: list[RiskItem] = []
        self._today = date.min

    def set_items(self, items: list[RiskItem], today: date) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._today = today
        self.endResetModel()

    def item(self, row: int) -> RiskItem:
        return self._items[row]

    def items(self) -> list[RiskItem]:
        return list(self._items)

    def row_count(self) -> int:
        return len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return item.product.name
            if column == 1:
                return describe(item, self._today)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return COLOUR[item.risk]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#000000")
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, item: RiskItem, column: int) -> str | None:
        product = item.product
        if column == 0:
            return f"{product.code} – {product.name}"
        if column == 1:
            return describe(item, self._today)
        if column == 2:
            return format_quantity(product, item.usable)
        if column == 3:
            return format_quantity(product, item.order_quantity) if item.order_quantity else "–"
        return None
