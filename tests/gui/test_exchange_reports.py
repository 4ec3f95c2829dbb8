"""Monthly LMIS reports in the Import / Export screen: recognised, checked, shown, imported, and
their sites and products linked in the « Sites et produits des rapports » dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from core import monthly_services as ms
from core import services
from core.exchange.movements import HEADINGS_FR
from core.facilities import new_facility
from core.monthly_reports import MonthlyImportResult, ReportSite
from gui.exchange import ExchangeScreen
from gui.exchange.model import FileCheck, FilesModel, ReportProductsModel, ReportSitesModel
from main import build_application

HEADER = (
    "year,month,region,district,site_code,product_code,stock_initial,stock_received,"
    "stock_distributed,stock_adjustment,stock_end,average_monthly_consumption,"
    "stock_stockout_days,stock_ordered"
)
# Four reports: one site that is a facility of the database, one that is not (C4023), one
# product of the catalogue (RUTF), one that is not (AS27000); row 3 breaks E = A + B + D − C.
REPORTS = [
    "2026,7,MOPTI,MOPTI,CSCOM-SEV,RUTF,300,450,600,-10,140,,,",
    "2026,8,MOPTI,MOPTI,CSCOM-SEV,RUTF,140,0,100,0,50,,,",  # 140 − 100 = 40, not 50
    "2026,7,ABIDJAN,COCODY,C4023,AS27000,40,0,10,0,30,,,",
    "2026,8,ABIDJAN,COCODY,C4023,AS27000,30,100,20,-5,105,,2,",
]
JULY, AUGUST = date(2026, 7, 1), date(2026, 8, 1)
TASK_TIMEOUT = 60_000


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def lmis_file(tmp_path: Path, lines: list[str], name: str = "rapports.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def app(tmp_path: Path):
    app = build_application(str(tmp_path / "reports.db"))
    for code, name in (("CSCOM-SEV", "CSCom Sévaré"), ("CSCOM-KON", "CSCom Konna")):
        services.add_facility(app.uow(), new_facility(code, name, "CSCom", "Mopti", "Mopti"))
    return app


@pytest.fixture
def screen(qtbot, app):
    screen = ExchangeScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1100, 720)
    screen.show()
    return screen


def choose(monkeypatch, qtbot, screen: ExchangeScreen, *paths: Path) -> None:
    monkeypatch.setattr(
        "gui.exchange.screen.QFileDialog.getOpenFileNames",
        lambda *args, **kwargs: ([str(p) for p in paths], ""),
    )
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.choose_button, Qt.MouseButton.LeftButton)


def versions(app, site: str, product: str, month: int) -> list[tuple[int, int]]:
    return [
        (v.version, v.report.stock_on_hand)
        for v in ms.report_versions(app.uow(), site, product, 2026, month)
    ]


def test_a_report_file_is_recognised_checked_shown_then_imported(
    qtbot, monkeypatch, app, screen, tmp_path
):
    path = lmis_file(tmp_path, REPORTS)
    changed: list[bool] = []
    screen.ledger_changed.connect(lambda: changed.append(True))
    choose(monkeypatch, qtbot, screen, path)

    # Checked as monthly reports (a dry run): counts, created sites and products, warnings.
    result = screen.result_of("rapports.csv")
    assert isinstance(result, MonthlyImportResult) and result.dry_run and not result.committed
    files = screen.files_model
    assert [files.index(0, c).data() for c in range(1, 4)] == ["4", "4", "0"]
    assert files.index(0, 4).data() == (
        "✔ Prêt à importer · rapports mensuels · ⚠ 1 ligne à vérifier"
    )
    summary = plain(screen.reports_summary.text())
    assert screen.reports_summary.isVisible()
    assert "4 lignes lues : 4 rapports seront ajoutés, 0 sera remplacé" in summary
    assert (
        "Sites qui seront créés dans les rapports (2) — reliés à l'établissement de même code : "
        "CSCOM-SEV → CSCOM-SEV ; <i>sans établissement relié : C4023</i>"
    ) in summary
    assert (
        "Produits qui seront créés dans les rapports (2) — reliés au produit du catalogue de "
        "même code : RUTF → RUTF ; <i>hors catalogue : AS27000</i>"
    ) in summary
    assert (
        "1 ligne où stock final ≠ stock initial + reçu + ajustements − distribué (ligne 3) : "
        "importée telle quelle, non corrigée."
    ) in summary
    # The identity warning is listed with its row and column, not fixed.
    assert screen.stack.currentWidget() is screen.warnings_table
    warnings = screen.warnings_model
    assert warnings.rowCount() == 1
    assert (warnings.index(0, 2).data(), warnings.index(0, 3).data()) == ("3", "stock_end")
    assert "Stock final 50" in warnings.index(0, 4).data()
    assert warnings.headerData(4, Qt.Orientation.Horizontal).startswith("À vérifier")
    assert screen.warnings_table.isColumnHidden(1)  # a CSV file has no sheet
    assert "4 rapports seront ajoutés" in plain(screen.banner.text())
    assert screen.banner.property("kind") == "info"
    assert screen.import_button.isEnabled() and screen.import_button.text() == "Importer 4 rapports"
    assert ms.list_report_sites(app.uow()) == [] and not changed

    # « Importer » writes the whole file, with progress, then says what it did.
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert screen.result_of("rapports.csv").committed
    assert screen.banner.property("kind") == "ok"
    assert "4 rapports ajoutés, 0 remplacé par une nouvelle version" in plain(screen.banner.text())
    assert "Sites créés dans les rapports (2)" in plain(screen.reports_summary.text())
    assert screen.files_model.index(0, 4).data().startswith("✔ Importé · rapports mensuels")
    assert "Sites et produits des rapports" in screen.import_hint.text()
    assert changed == [True]
    assert ms.list_report_sites(app.uow()) == [
        ReportSite("C4023", "ABIDJAN", "COCODY", None),
        ReportSite("CSCOM-SEV", "MOPTI", "MOPTI", "CSCOM-SEV"),
    ]
    assert versions(app, "CSCOM-SEV", "RUTF", 8) == [(1, 50)]  # kept as it was reported
    assert not screen.import_button.isEnabled()

    # The same file again: nothing to add; a corrected file replaces one report.
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.recheck_button, Qt.MouseButton.LeftButton)
    assert "déjà importés avec les mêmes valeurs" in screen.banner.text()
    assert not screen.import_button.isEnabled()
    corrected = lmis_file(
        tmp_path,
        [*REPORTS[:1], "2026,8,MOPTI,MOPTI,CSCOM-SEV,RUTF,140,0,100,0,40,,,", *REPORTS[2:]],
        "corrige.csv",
    )
    choose(monkeypatch, qtbot, screen, corrected)
    assert "0 rapport sera ajouté, 1 sera remplacé par une nouvelle version, 3 déjà importés" in (
        plain(screen.banner.text())
    )
    assert screen.stack.currentWidget() is screen.empty_label  # no warning left
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert versions(app, "CSCOM-SEV", "RUTF", 8) == [(1, 50), (2, 40)]


def test_a_bad_value_is_shown_by_row_and_column_and_nothing_is_written(
    qtbot, monkeypatch, app, screen, tmp_path
):
    path = lmis_file(
        tmp_path,
        [REPORTS[0], "2026,8,MOPTI,MOPTI,CSCOM-SEV,RUTF,140,douze,100,0,40,,,", REPORTS[2]],
    )
    choose(monkeypatch, qtbot, screen, path)
    assert screen.stack.currentWidget() is screen.problems_table
    problems = screen.problems_model
    assert problems.rowCount() == 1
    assert (problems.index(0, 2).data(), problems.index(0, 3).data()) == ("3", "stock_received")
    assert "douze" in problems.index(0, 4).data()
    assert not screen.reports_summary.isVisible()
    assert screen.banner.property("kind") == "error"
    assert "Rien n'a été enregistré" in screen.banner.text()
    assert screen.files_model.index(0, 4).data() == "✖ 1 problème : rien n'a été enregistré"
    assert screen.files_model.index(0, 1).data() == ""  # not « 0 lignes »: the file is refused
    assert not screen.import_button.isEnabled()
    screen.start_import()  # refused
    assert not screen.busy
    assert ms.list_report_sites(app.uow()) == [] and ms.list_report_products(app.uow()) == []


def test_cancelling_a_report_import_writes_nothing(qtbot, monkeypatch, app, screen, tmp_path):
    lines = [
        f"{2000 + n // 12},{n % 12 + 1},R,D,S{site:03d},AS27000,10,0,5,0,5,,,"
        for site in range(60)
        for n in range(60)
    ]
    path = lmis_file(tmp_path, lines, "long.csv")
    choose(monkeypatch, qtbot, screen, path)
    assert screen.import_button.isEnabled()
    changed: list[bool] = []
    screen.ledger_changed.connect(lambda: changed.append(True))
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert "Import annulé : rien n'a été enregistré" in screen.banner.text()
    assert ms.list_report_sites(app.uow()) == [] and not changed
    assert screen.import_button.isEnabled()  # the preview still holds


def test_a_site_is_linked_to_a_facility_through_the_dialog(
    qtbot, monkeypatch, app, screen, tmp_path
):
    choose(monkeypatch, qtbot, screen, lmis_file(tmp_path, REPORTS))
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    said: list[str] = []
    screen.status_message.connect(said.append)
    changed: list[bool] = []
    screen.ledger_changed.connect(lambda: changed.append(True))

    qtbot.mouseClick(screen.links_button, Qt.MouseButton.LeftButton)
    dialog = screen.links_dialog
    assert dialog is not None and dialog.isVisible()
    sites = dialog.sites_model
    shown = [[sites.index(r, c).data() for c in range(4)] for r in range(sites.rowCount())]
    assert shown == [
        ["C4023", "ABIDJAN", "COCODY", "— non relié —"],
        ["CSCOM-SEV", "MOPTI", "MOPTI", "CSCOM-SEV – CSCom Sévaré"],
    ]
    assert dialog.tabs.tabText(0) == "Sites (2, dont 1 relié)"
    products = dialog.products_model
    assert [products.index(r, 1).data() for r in range(products.rowCount())] == [
        "— hors catalogue —",
        "RUTF – ATPE (aliment thérapeutique prêt à l'emploi), sachet 92 g",
    ]
    # The site left unlinked by the import is selected.
    page = dialog.sites
    assert page.selected_source_row() == 0
    assert not page.link_button.isEnabled() and not page.unlink_button.isEnabled()

    # Linking C4023 to the facility CSCOM-SEV is refused: that facility has its report site.
    page.target.setCurrentIndex(page.target.findData("CSCOM-SEV"))
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    assert dialog.message.property("kind") == "error"
    assert "déjà relié au site de rapport CSCOM-SEV" in dialog.message.text()
    assert ms.list_report_sites(app.uow())[0].facility_code is None and not changed

    # CSCOM-KON is free.
    page.target.setCurrentIndex(page.target.findData("CSCOM-KON"))
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    assert dialog.message.property("kind") == "ok"
    assert dialog.message.text() == "✔ Site C4023 relié à l'établissement CSCOM-KON."
    assert ms.list_report_sites(app.uow())[0] == ReportSite(
        "C4023", "ABIDJAN", "COCODY", "CSCOM-KON"
    )
    assert sites.index(0, 3).data() == "CSCOM-KON – CSCom Konna"
    assert page.selected_source_row() == 0 and page.unlink_button.isEnabled()
    assert said == ["Site C4023 relié à l'établissement CSCOM-KON."] and changed == [True]
    assert dialog.tabs.tabText(0) == "Sites (2, dont 2 reliés)"
    # Its imported history is now the facility's.
    history = ms.monthly_history(app.uow(), "CSCOM-KON", "AS27000", JULY, AUGUST)
    assert [(r.month, r.stock_on_hand) for r in history] == [(7, 30), (8, 105)]

    # Unlink it again; the search field filters the list.
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    assert ms.list_report_sites(app.uow())[0].facility_code is None
    assert "délié" in dialog.message.text()
    qtbot.keyClicks(page.search, "cocody")
    assert page.proxy.rowCount() == 1
    dialog.close()


def test_report_models_pass_the_model_tester(qtmodeltester, app, tmp_path):
    path = lmis_file(tmp_path, REPORTS)
    result = ms.import_monthly_reports(app.uow(), app.ctx, path)
    files = FilesModel()
    files.set_items([FileCheck(str(path), result)])
    qtmodeltester.check(files)
    sites = ReportSitesModel()
    sites.set_sites(ms.list_report_sites(app.uow()), {"CSCOM-SEV": "CSCom Sévaré"})
    qtmodeltester.check(sites)
    assert sites.rowCount() == 2
    products = ReportProductsModel()
    products.set_products(ms.list_report_products(app.uow()), {})
    qtmodeltester.check(products)
    assert [products.index(r, 1).data() for r in range(2)] == ["— hors catalogue —", "RUTF"]


def test_movements_and_reports_chosen_together_are_each_checked_and_imported(
    qtbot, monkeypatch, app, screen, tmp_path
):
    movements = tmp_path / "mouvements.csv"
    today = app.ctx.today().strftime("%d/%m/%Y")
    movements.write_text(
        ";".join(HEADINGS_FR) + f"\n{today};CSCOM-SEV;RUTF;Réception;450;A12;2030-03;;\n",
        encoding="utf-8",
    )
    reports = lmis_file(tmp_path, REPORTS)
    choose(monkeypatch, qtbot, screen, movements, reports)
    banner = plain(screen.banner.text())
    assert "1 mouvement sera ajouté ; 0 ligne déjà importée ; 4 rapports seront ajoutés" in banner
    assert screen.stack.currentWidget() is screen.rows_table  # the movements to add
    assert screen.reports_summary.isVisible() and "(ligne 3)" in screen.reports_summary.text()
    assert screen.import_button.text() == "Importer"
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert "1 mouvement ajouté, 0 ligne déjà importée ; 4 rapports ajoutés" in plain(
        screen.banner.text()
    )
    assert len(services.product_stock_card(app.uow(), "CSCOM-SEV", "RUTF")) == 1
    assert len(ms.list_report_sites(app.uow())) == 2
