"""Table models of the forecast screen: the products by risk, and the pending orders."""

from __future__ import annotations

from collections.abc import Sequence
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
from core.orders import StockOrder
from core.outlook import ProductOutlook, Risk
from gui.stock.model import format_date, unit_text
from gui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

PRODUCT, USABLE, AMC, STOCKOUT, DAYS, RISK, CHANCE, ON_ORDER, TO_ORDER = range(9)

HEADERS = (
    QT_TRANSLATE_NOOP("OutlookModel", "Produit"),
    QT_TRANSLATE_NOOP("OutlookModel", "Stock utilisable"),
    QT_TRANSLATE_NOOP("OutlookModel", "CMM"),
    QT_TRANSLATE_NOOP("OutlookModel", "Rupture prévue"),
    QT_TRANSLATE_NOOP("OutlookModel", "Jours / délai"),
    QT_TRANSLATE_NOOP("OutlookModel", "Risque"),
    QT_TRANSLATE_NOOP("OutlookModel", "Probabilité"),
    QT_TRANSLATE_NOOP("OutlookModel", "En commande"),
    QT_TRANSLATE_NOOP("OutlookModel", "À commander"),
)

TOOLTIPS = {
    USABLE: QT_TRANSLATE_NOOP(
        "OutlookModel", "Stock disponible utilisable : sans les lots périmés"
    ),
    AMC: QT_TRANSLATE_NOOP(
        "OutlookModel", "Consommation moyenne mensuelle ajustée des jours de rupture"
    ),
    STOCKOUT: QT_TRANSLATE_NOOP(
        "OutlookModel",
        "Date à laquelle le stock utilisable sera épuisé selon la prévision, les lots qui "
        "périment et les livraisons attendues",
    ),
    DAYS: QT_TRANSLATE_NOOP(
        "OutlookModel",
        "Jours avant la rupture prévue / délai de livraison d'une commande passée aujourd'hui",
    ),
    RISK: QT_TRANSLATE_NOOP(
        "OutlookModel", "Quand la rupture arrive par rapport au délai de livraison"
    ),
    CHANCE: QT_TRANSLATE_NOOP(
        "OutlookModel",
        "Probabilité d'une rupture avant qu'une commande passée aujourd'hui puisse arriver",
    ),
    ON_ORDER: QT_TRANSLATE_NOOP(
        "OutlookModel", "Commandes en cours (attendues, non encore reçues)"
    ),
    TO_ORDER: QT_TRANSLATE_NOOP(
        "OutlookModel",
        "À commander maintenant pour rester au-dessus du minimum pendant le délai de "
        "livraison et jusqu'à la commande suivante, en conditionnements entiers",
    ),
}

# core.outlook.RISK_LABELS_FR again, so that pyside6-lupdate finds them (a test checks that
# they stay equal), and a symbol for each: the risk is never told by colour alone.
RISK_TEXTS = {
    Risk.NOW: QT_TRANSLATE_NOOP("Risk", "en rupture"),
    Risk.BEFORE_DELIVERY: QT_TRANSLATE_NOOP("Risk", "rupture avant la livraison"),
    Risk.BEFORE_NEXT_ORDER: QT_TRANSLATE_NOOP("Risk", "rupture avant la prochaine commande"),
    Risk.LATER: QT_TRANSLATE_NOOP("Risk", "rupture plus tard"),
    Risk.NONE: QT_TRANSLATE_NOOP("Risk", "couvert"),
}
RISK_SYMBOLS = {
    Risk.NOW: "✖",
    Risk.BEFORE_DELIVERY: "▲",
    Risk.BEFORE_NEXT_ORDER: "▼",
    Risk.LATER: "●",
    Risk.NONE: "✔",
}
RISK_COLOURS = {
    Risk.NOW: QColor("#f6c6c6"),
    Risk.BEFORE_DELIVERY: QColor("#f6c6c6"),
    Risk.BEFORE_NEXT_ORDER: QColor("#fbd9b0"),
    Risk.LATER: QColor("#fff1b8"),
}


def risk_text(risk: Risk) -> str:
    """« ▲ Rupture avant la livraison »: a symbol and the words, first letter capital."""
    words = QCoreApplication.translate("Risk", RISK_TEXTS[risk])
    return f"{RISK_SYMBOLS[risk]} {words[:1].upper()}{words[1:]}"


def quantity_text(product: Product, units: int, locale: QLocale | None = None) -> str:
    """ "600 sachets" (base units only)."""
    locale = locale or QLocale()
    return f"{locale.toString(units)} {unit_text(product.base_unit, units)}"


def order_text(product: Product, units: int, packs: int, locale: QLocale | None = None) -> str:
    """ "1 050 sachets (7 cartons)": units, and whole packs when the product has them."""
    locale = locale or QLocale()
    text = quantity_text(product, units, locale)
    if product.pack_size > 1 and product.pack_unit:
        text += f" ({locale.toString(packs)} {unit_text(product.pack_unit, packs)})"
    return text


def percent_text(fraction: float, locale: QLocale | None = None) -> str:
    """0.83 → "83 %"; below 1 % but not zero → "< 1 %", so that a small chance shows."""
    locale = locale or QLocale()
    value = round(fraction * 100)
    if value == 0 and fraction > 0.001:
        return "< 1\u00a0%"
    return f"{locale.toString(value)}\u00a0%"


class OutlookModel(TableModel):
    """One row per product, in the order core gives (most at risk first)."""

    CONTEXT = "OutlookModel"
    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ProductOutlook] = []
        self._locale = QLocale()

    def set_outlooks(self, outlooks: Sequence[ProductOutlook]) -> None:
        self.beginResetModel()
        self._rows = list(outlooks)
        self._locale = QLocale()
        self.endResetModel()

    def outlooks(self) -> list[ProductOutlook]:
        return list(self._rows)

    def outlook(self, row: int) -> ProductOutlook:
        return self._rows[row]

    def row_of(self, product_code: str) -> int:
        return next((n for n, o in enumerate(self._rows) if o.product.code == product_code), -1)

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        outlook = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(outlook, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PRODUCT:
                return outlook.product.name
            if column == RISK:
                return outlook.projection.explanation
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            USABLE,
            AMC,
            DAYS,
            CHANCE,
            ON_ORDER,
            TO_ORDER,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == RISK:
            return RISK_COLOURS.get(outlook.risk)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == RISK
            and outlook.risk in (RISK_COLOURS)
        ):
            return QColor("#000000")
        return None

    def _display(self, outlook: ProductOutlook, column: int) -> str | None:
        locale = self._locale
        product = outlook.product
        projection = outlook.projection
        if column == PRODUCT:
            return f"{product.code} – {product.name}"
        if column == USABLE:
            return quantity_text(product, projection.usable_stock, locale)
        if column == AMC:
            return locale.toString(outlook.amc)
        if column == STOCKOUT:
            if projection.stockout_date is None:
                return QCoreApplication.translate("OutlookModel", "— (couvert)")
            return format_date(projection.stockout_date, locale)
        if column == DAYS:
            days = outlook.days_to_stockout
            shown = "—" if days is None else locale.toString(days)
            return QCoreApplication.translate("OutlookModel", "{0} / {1} j").format(
                shown, locale.toString(outlook.lead_time_days)
            )
        if column == RISK:
            return risk_text(outlook.risk)
        if column == CHANCE:
            return percent_text(projection.stockout_probability, locale)
        if column == ON_ORDER:
            coming = sum(o.quantity for o in outlook.pending)
            return quantity_text(product, coming, locale) if coming else "—"
        if column == TO_ORDER:
            if outlook.order_rounded <= 0:
                return QCoreApplication.translate("OutlookModel", "rien")
            return order_text(product, outlook.order_rounded, outlook.order_packs, locale)
        return None


# --- pending orders ---------------------------------------------------------------------------

O_PRODUCT, O_QUANTITY, O_EXPECTED, O_REFERENCE, O_SUPPLIER, O_ENTERED = range(6)

ORDER_HEADERS = (
    QT_TRANSLATE_NOOP("OrdersModel", "Produit"),
    QT_TRANSLATE_NOOP("OrdersModel", "Quantité"),
    QT_TRANSLATE_NOOP("OrdersModel", "Attendue le"),
    QT_TRANSLATE_NOOP("OrdersModel", "Référence"),
    QT_TRANSLATE_NOOP("OrdersModel", "Fournisseur"),
    QT_TRANSLATE_NOOP("OrdersModel", "Dernière saisie"),
)


class OrdersModel(TableModel):
    """The facility's pending orders, by expected date."""

    CONTEXT = "OrdersModel"
    HEADERS = ORDER_HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._orders: list[StockOrder] = []
        self._products: dict[str, Product] = {}
        self._today = None
        self._locale = QLocale()

    def set_orders(
        self, orders: Sequence[StockOrder], products: dict[str, Product], today: Any = None
    ) -> None:
        self.beginResetModel()
        self._orders = list(orders)
        self._products = products
        self._today = today
        self._locale = QLocale()
        self.endResetModel()

    def order(self, row: int) -> StockOrder:
        return self._orders[row]

    def row_count(self) -> int:
        return len(self._orders)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._orders)):
            return None
        order = self._orders[index.row()]
        column = index.column()
        product = self._products.get(order.product_code)
        late = self._today is not None and order.expected_on < self._today
        if role == Qt.ItemDataRole.DisplayRole:
            locale = self._locale
            if column == O_PRODUCT:
                return f"{order.product_code} – {product.name}" if product else order.product_code
            if column == O_QUANTITY:
                if product is None:
                    return locale.toString(order.quantity)
                text = quantity_text(product, order.quantity, locale)
                if product.pack_size > 1 and product.pack_unit:
                    packs = order.quantity / product.pack_size
                    shown = (
                        locale.toString(round(packs))
                        if packs == round(packs)
                        else locale.toString(packs, "f", 1)
                    )
                    text += f" ({shown} {unit_text(product.pack_unit, packs)})"
                return text
            if column == O_EXPECTED:
                text = format_date(order.expected_on, locale)
                if late:
                    text = QCoreApplication.translate("OrdersModel", "⚠ {0} (en retard)").format(
                        text
                    )
                return text
            if column == O_REFERENCE:
                return order.reference
            if column == O_SUPPLIER:
                return order.supplier
            if column == O_ENTERED:
                stamp = order.stamp
                if stamp is None:
                    return ""
                text = f"{format_date(stamp.recorded_at.date(), locale)} · {stamp.entered_by}"
                return f"{text} · {stamp.note}" if stamp.note else text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == O_QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == O_EXPECTED and late:
            return QCoreApplication.translate(
                "OrdersModel",
                "La date attendue est passée : la prévision compte cette livraison pour "
                "aujourd'hui. Changez la date, ou marquez la commande reçue ou annulée.",
            )
        return None
