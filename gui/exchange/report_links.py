"""The « Sites et produits des rapports » dialog: link the sites and product codes of imported
monthly reports to facilities and catalogue products, or unlink them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, QLocale, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import monthly_services, services
from core.application import Application
from core.errors import DomainError
from gui.exchange.model import ReportProductsModel, ReportSitesModel, count_text

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #0d4f22;"


def _table(model: QSortFilterProxyModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _proxy(model: ReportSitesModel | ReportProductsModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class _LinkPage(QWidget):
    """A filter field, the table, and « link to [target] / unlink » under it."""

    def __init__(self, proxy: QSortFilterProxyModel, target_label: str) -> None:
        super().__init__()
        self.proxy = proxy
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.table = _table(proxy)
        self.target = QComboBox()
        self.target.setMinimumWidth(280)
        self.link_button = QPushButton()
        self.unlink_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(QLabel(target_label))
        row.addWidget(self.target, 1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.search.textChanged.connect(proxy.setFilterFixedString)

    def selected_source_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.mapToSource(rows[0]).row()

    def select_source_row(self, row: int | None) -> None:
        if row is None:
            return
        index = self.proxy.mapFromSource(self.proxy.sourceModel().index(row, 0))
        if index.isValid():
            self.table.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)


class ReportLinksDialog(QDialog):
    """Report sites (code, region, district, linked facility) and report products (code,
    linked catalogue product), each linked or unlinked in place; refusals show inline."""

    #: emitted after a link was saved: imported histories now count under another code
    links_changed = Signal(str)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(self.tr("Sites et produits des rapports mensuels"))
        self.resize(820, 560)

        intro = QLabel(
            self.tr(
                "Les rapports mensuels importés nomment leurs sites et leurs produits avec leurs "
                "propres codes. Reliez un site à un établissement de cette base, et un code "
                "produit à un produit du catalogue : l'historique importé complète alors celui "
                "du registre (prévisions, stock). Un établissement ou un produit n'est relié "
                "qu'à un seul code des rapports."
            )
        )
        intro.setWordWrap(True)

        self.sites_model = ReportSitesModel()
        self.products_model = ReportProductsModel()
        self.sites = _LinkPage(_proxy(self.sites_model), self.tr("Établissement :"))
        self.sites.search.setPlaceholderText(self.tr("Rechercher un site, une région…"))
        self.sites.link_button.setText(self.tr("Relier le site"))
        self.sites.unlink_button.setText(self.tr("Délier"))
        self.sites.unlink_button.setToolTip(
            self.tr("Le site redevient un site des rapports seulement ; rien n'est effacé")
        )
        self.products = _LinkPage(_proxy(self.products_model), self.tr("Produit du catalogue :"))
        self.products.search.setPlaceholderText(self.tr("Rechercher un code produit…"))
        self.products.link_button.setText(self.tr("Relier le produit"))
        self.products.unlink_button.setText(self.tr("Délier"))
        self.products.unlink_button.setToolTip(
            self.tr("Le code redevient un produit hors catalogue ; rien n'est effacé")
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sites, "")
        self.tabs.addTab(self.products, "")

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self._fill_targets()
        self.reload()
        self.sites.table.selectionModel().selectionChanged.connect(self._on_site_selected)
        self.products.table.selectionModel().selectionChanged.connect(self._on_product_selected)
        self.sites.target.currentIndexChanged.connect(self._update_buttons)
        self.products.target.currentIndexChanged.connect(self._update_buttons)
        self.sites.link_button.clicked.connect(self.link_site)
        self.sites.unlink_button.clicked.connect(self.unlink_site)
        self.products.link_button.clicked.connect(self.link_product)
        self.products.unlink_button.clicked.connect(self.unlink_product)
        self._update_buttons()

    # --- contents -------------------------------------------------------------------------------

    def _fill_targets(self) -> None:
        uow = self.app.uow
        self._facilities = {f.code: f.name for f in services.list_facilities(uow())}
        self._catalogue = {p.code: p.name for p in services.list_products(uow())}
        for combo, names, none in (
            (self.sites.target, self._facilities, self.tr("— choisir un établissement —")),
            (self.products.target, self._catalogue, self.tr("— choisir un produit —")),
        ):
            combo.clear()
            combo.addItem(none, None)
            for code, name in sorted(names.items()):
                combo.addItem(f"{code} – {name}", code)

    def reload(self) -> None:
        """Read the report sites and products again, keeping the selected rows."""
        site = self._selected_site_code()
        product = self._selected_product_code()
        uow = self.app.uow
        self.sites_model.set_sites(monthly_services.list_report_sites(uow()), self._facilities)
        self.products_model.set_products(
            monthly_services.list_report_products(uow()), self._catalogue
        )
        linked_sites = sum(1 for s in self.sites_model.items() if s.facility_code)
        linked_products = sum(1 for p in self.products_model.items() if p.product_code)
        self.tabs.setTabText(
            0,
            self.tr("Sites ({0}, {1})").format(
                QLocale().toString(self.sites_model.rowCount()),
                count_text(linked_sites, self.tr("dont {0} relié"), self.tr("dont {0} reliés")),
            ),
        )
        self.tabs.setTabText(
            1,
            self.tr("Produits ({0}, {1})").format(
                QLocale().toString(self.products_model.rowCount()),
                count_text(linked_products, self.tr("dont {0} relié"), self.tr("dont {0} reliés")),
            ),
        )
        if site is not None:
            self.sites.select_source_row(self.sites_model.row_of(site))
        if product is not None:
            self.products.select_source_row(self.products_model.row_of(product))
        if not self.sites_model.rowCount() and not self.products_model.rowCount():
            self._say(
                self.tr(
                    "Aucun rapport mensuel importé pour l'instant : importez d'abord un fichier "
                    "de rapports LMIS."
                ),
                ok=True,
            )
        self._update_buttons()

    def select_site(self, code: str) -> None:
        self.tabs.setCurrentWidget(self.sites)
        self.sites.select_source_row(self.sites_model.row_of(code))

    def select_product(self, code: str) -> None:
        self.tabs.setCurrentWidget(self.products)
        self.products.select_source_row(self.products_model.row_of(code))

    def _selected_site_code(self) -> str | None:
        row = self.sites.selected_source_row()
        return None if row is None else self.sites_model.item(row).code

    def _selected_product_code(self) -> str | None:
        row = self.products.selected_source_row()
        return None if row is None else self.products_model.item(row).code

    def _on_site_selected(self) -> None:
        row = self.sites.selected_source_row()
        linked = None if row is None else self.sites_model.item(row).facility_code
        self._set_target(self.sites.target, linked)
        self._update_buttons()

    def _on_product_selected(self) -> None:
        row = self.products.selected_source_row()
        linked = None if row is None else self.products_model.item(row).product_code
        self._set_target(self.products.target, linked)
        self._update_buttons()

    @staticmethod
    def _set_target(combo: QComboBox, code: str | None) -> None:
        index = combo.findData(code) if code is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _update_buttons(self) -> None:
        site_row = self.sites.selected_source_row()
        site = None if site_row is None else self.sites_model.item(site_row)
        target = self.sites.target.currentData()
        self.sites.link_button.setEnabled(
            site is not None and target is not None and target != site.facility_code
        )
        self.sites.unlink_button.setEnabled(site is not None and site.facility_code is not None)
        product_row = self.products.selected_source_row()
        product = None if product_row is None else self.products_model.item(product_row)
        target = self.products.target.currentData()
        self.products.link_button.setEnabled(
            product is not None and target is not None and target != product.product_code
        )
        self.products.unlink_button.setEnabled(
            product is not None and product.product_code is not None
        )

    # --- linking ----------------------------------------------------------------------------

    def link_site(self) -> None:
        self._map_site(self.sites.target.currentData())

    def unlink_site(self) -> None:
        self._map_site(None)

    def link_product(self) -> None:
        self._map_product(self.products.target.currentData())

    def unlink_product(self) -> None:
        self._map_product(None)

    def _map_site(self, facility: str | None) -> None:
        code = self._selected_site_code()
        if code is None:
            return
        try:
            site = monthly_services.map_report_site(self.app.uow(), code, facility)
        except DomainError as exc:
            self._say("✖ " + str(exc), ok=False)
            return
        if site.facility_code is None:
            text = self.tr("✔ Site {0} délié : ses rapports restent ceux d'un site des rapports.")
            text = text.format(site.code)
        else:
            text = self.tr("✔ Site {0} relié à l'établissement {1}.").format(
                site.code, site.facility_code
            )
        log.info("Report site %s linked to %s", site.code, site.facility_code)
        self.reload()
        self._say(text, ok=True)
        self.links_changed.emit(text[2:])

    def _map_product(self, product_code: str | None) -> None:
        code = self._selected_product_code()
        if code is None:
            return
        try:
            item = monthly_services.map_report_product(self.app.uow(), code, product_code)
        except DomainError as exc:
            self._say("✖ " + str(exc), ok=False)
            return
        if item.product_code is None:
            text = self.tr("✔ Produit {0} délié : il redevient un produit hors catalogue.")
            text = text.format(item.code)
        else:
            text = self.tr("✔ Produit {0} relié au produit {1} du catalogue.").format(
                item.code, item.product_code
            )
        log.info("Report product %s linked to %s", item.code, item.product_code)
        self.reload()
        self._say(text, ok=True)
        self.links_changed.emit(text[2:])

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setProperty("kind", "ok" if ok else "error")
        self.message.setText(text)
