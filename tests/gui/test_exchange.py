"""The Import / Export screen: template, checked preview, import, problems and cancellation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from PySide6.QtCore import Qt

from core import services
from core.exchange.movements import HEADINGS_FR
from core.facilities import new_facility
from core.importing import check_movements
from core.ledger import MovementKind
from gui.exchange import ExchangeScreen
from gui.exchange.model import FileCheck, FilesModel, ImportRowsModel, ProblemsModel
from main import build_application

HEADER = ";".join(HEADINGS_FR)
TASK_TIMEOUT = 60_000


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def app(tmp_path: Path):
    app = build_application(str(tmp_path / "exchange.db"))
    services.add_facility(
        app.uow(), new_facility("CSCOM-SEV", "CSCom Sévaré", "CSCom", "Mopti", "Mopti")
    )
    return app


@pytest.fixture
def screen(qtbot, app):
    screen = ExchangeScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1000, 640)
    screen.show()
    return screen


def day(app, days_ago: int) -> str:
    return (app.ctx.today() - timedelta(days=days_ago)).strftime("%d/%m/%Y")


def movements_file(tmp_path: Path, lines: list[str], name: str = "mouvements.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def choose(monkeypatch, qtbot, screen: ExchangeScreen, *paths: Path) -> None:
    """Click « Choisir un fichier… », answer the file dialog, wait for the check."""
    monkeypatch.setattr(
        "gui.exchange.screen.QFileDialog.getOpenFileNames",
        lambda *args, **kwargs: ([str(p) for p in paths], ""),
    )
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.choose_button, Qt.MouseButton.LeftButton)


def card(app, product: str) -> list[tuple[MovementKind, str, int, int]]:
    return [
        (c.movement.kind, c.movement.lot, c.movement.quantity, c.balance)
        for c in services.product_stock_card(app.uow(), "CSCOM-SEV", product)
    ]


def test_template_is_saved_where_the_user_chose_and_reads_back(
    qtbot, monkeypatch, screen, tmp_path
):
    target = tmp_path / "mon modèle"
    monkeypatch.setattr(
        "gui.exchange.screen.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "Classeur Excel (*.xlsx)"),
    )
    with qtbot.waitSignal(screen.status_message) as said:
        qtbot.mouseClick(screen.template_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".xlsx")
    assert str(written) in said.args[0]
    assert str(written) in screen.banner.text() and screen.banner.property("kind") == "ok"
    workbook = openpyxl.load_workbook(written)
    sheet = workbook["Mouvements"]
    assert tuple(c.value for c in sheet[1]) == HEADINGS_FR
    lists = workbook["Listes"]
    facilities = [c.value for c in lists["A"][1:] if c.value]
    products = [c.value for c in lists["C"][1:] if c.value]
    assert facilities == ["CSCOM-SEV"]
    assert products == [p.code for p in services.list_products(screen.app.uow())]


def test_template_refused_when_the_folder_cannot_be_written(qtbot, screen, tmp_path):
    assert screen.save_template(tmp_path / "absent" / "modele.xlsx") is None
    assert screen.banner.property("kind") == "error"
    assert "Impossible d'écrire" in screen.banner.text()


def test_valid_file_is_previewed_then_imported_once(qtbot, monkeypatch, app, screen, tmp_path):
    path = movements_file(
        tmp_path,
        [
            f"{day(app, 10)};CSCOM-SEV;RUTF;Réception;450;A12;2030-03;CSREF-MOP;BL-0412",
            f"{day(app, 5)};CSCOM-SEV;RUTF;Dispensation;150;;;;registre p. 4",
            f"{day(app, 4)};CSCOM-SEV;AMOX250D;Réception;1 000;L1;2030-01;;",
        ],
    )
    changed: list[bool] = []
    screen.ledger_changed.connect(lambda: changed.append(True))
    choose(monkeypatch, qtbot, screen, path)

    # The preview shows every row to add; nothing is in the ledger yet.
    assert screen.stack.currentWidget() is screen.rows_table
    model = screen.rows_model
    assert model.rowCount() == 3
    shown = [
        [plain(model.index(r, c).data() or "") for c in range(1, 8)]
        for r in range(model.rowCount())
    ]
    assert shown[0] == [
        "2",
        day(app, 10),
        "CSCOM-SEV",
        "RUTF",
        "Réception",
        "450 sachets (3,0 cartons)",
        "A12",
    ]
    assert shown[1][4:6] == ["Dispensation", "150 sachets (1,0 carton)"]
    assert "3 mouvements seront ajoutés" in plain(screen.banner.text())
    assert card(app, "RUTF") == [] and card(app, "AMOX250D") == []
    assert not changed
    assert screen.import_button.isEnabled()

    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert card(app, "RUTF") == [
        (MovementKind.RECEIPT, "A12", 450, 450),
        (MovementKind.ISSUE, "A12", -150, 300),
    ]
    assert card(app, "AMOX250D") == [(MovementKind.RECEIPT, "L1", 1000, 1000)]
    assert changed == [True]
    assert "3 mouvements ajoutés, 0 ligne déjà importée" in screen.banner.text()
    assert not screen.import_button.isEnabled()

    # The same file again: every row is recognised, nothing can be added.
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.recheck_button, Qt.MouseButton.LeftButton)
    result = screen.result_of(path.name)
    assert result is not None and (result.added, result.already_imported) == (0, 3)
    assert "3 lignes déjà importées" in screen.banner.text()
    assert not screen.import_button.isEnabled()
    screen.start_import()  # refused while there is nothing to add
    assert not screen.busy
    assert len(card(app, "RUTF")) == 2


def test_every_problem_is_listed_by_row_and_column_and_nothing_is_written(
    qtbot, monkeypatch, app, screen, tmp_path
):
    good = movements_file(
        tmp_path, [f"{day(app, 3)};CSCOM-SEV;RUTF;Réception;150;A12;2030-03;;"], "bon.csv"
    )
    bad = movements_file(
        tmp_path,
        [
            f"{day(app, 3)};CSCOM-SEV;RUTF;Réception;150;B1;2030-03;;",
            f"{day(app, 3)};CSCOM-SEV;RUTF;Dispensation;12,5;;;;",
            f"{day(app, 3)};CSCOM-SEV;ATPE;Réception;10;C1;2030-03;;",
        ],
        "erreurs.csv",
    )
    choose(monkeypatch, qtbot, screen, good, bad)
    assert screen.stack.currentWidget() is screen.problems_table
    problems = screen.problems_model
    where = [
        (problems.index(r, 0).data(), problems.index(r, 2).data(), problems.index(r, 3).data())
        for r in range(problems.rowCount())
    ]
    # The quantity that cannot be read and the unknown product are both reported at once.
    assert where == [("erreurs.csv", "3", "Quantité"), ("erreurs.csv", "4", "Produit")]
    assert "12,5" in problems.index(0, 4).data()
    assert "ATPE" in problems.index(1, 4).data()
    assert "Rien n'a été enregistré" in screen.banner.text()
    assert screen.banner.property("kind") == "error"
    assert not screen.import_button.isEnabled()
    assert screen.files_model.index(0, 4).data() == "✔ Prêt à importer"
    assert screen.files_model.index(1, 4).data().startswith("✖ 2 problèmes")
    assert card(app, "RUTF") == []


def test_a_requisition_workbook_is_sent_to_the_requisitions_screen(
    qtbot, monkeypatch, app, screen, tmp_path
):
    from core.exchange.requisition_workbook import write_requisition_workbook
    from tests.integration.test_requisition_import import _line, _requisition

    path = write_requisition_workbook(
        _requisition((_line("RUTF", 300, 450, 600, -10, 140),)), tmp_path / "RR.xlsx"
    )
    choose(monkeypatch, qtbot, screen, path)
    problems = screen.problems_model
    assert problems.rowCount() == 1
    assert "réquisition (R&R)" in problems.index(0, 4).data()
    assert "écran Réquisitions" in problems.index(0, 4).data()
    assert not screen.import_button.isEnabled()


def test_cancelling_a_long_check_and_a_long_import_writes_nothing(
    qtbot, monkeypatch, app, screen, tmp_path
):
    rows = [f"{day(app, 2)};CSCOM-SEV;RUTF;Réception;100000;BIG;2030-03;;"] + [
        f"{day(app, 1)};CSCOM-SEV;RUTF;Dispensation;1;;;;r{n}" for n in range(4999)
    ]
    long_file = movements_file(tmp_path, rows, "long.csv")
    monkeypatch.setattr(
        "gui.exchange.screen.QFileDialog.getOpenFileNames",
        lambda *args, **kwargs: ([str(long_file)], ""),
    )
    qtbot.mouseClick(screen.choose_button, Qt.MouseButton.LeftButton)
    # The window keeps running while the file is checked: the progress bar moves.
    qtbot.waitUntil(lambda: screen.progress_bar.value() > 0, timeout=TASK_TIMEOUT)
    assert screen.progress_row.isVisible() and not screen.choose_button.isEnabled()
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert "Vérification annulée" in screen.banner.text()
    assert not screen.import_button.isEnabled() and not screen.progress_row.isVisible()

    # A shorter file is checked to the end, then its import is cancelled midway.
    medium = movements_file(tmp_path, rows[:1500], "moyen.csv")
    choose(monkeypatch, qtbot, screen, medium)
    assert screen.import_button.isEnabled()
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.progress_bar.value() > 0, timeout=TASK_TIMEOUT)
    changed: list[bool] = []
    screen.ledger_changed.connect(lambda: changed.append(True))
    with qtbot.waitSignal(screen.task_finished, timeout=TASK_TIMEOUT):
        qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert "Import annulé : rien n'a été enregistré" in screen.banner.text()
    assert card(app, "RUTF") == []
    assert not changed
    assert screen.import_button.isEnabled()  # the preview still holds: the user may retry


def test_models_pass_the_model_tester(qtmodeltester, app, tmp_path):
    path = movements_file(
        tmp_path,
        [
            f"{day(app, 3)};CSCOM-SEV;RUTF;Réception;150;A12;2030-03;CSREF-MOP;BL-1",
            f"{day(app, 2)};CSCOM-SEV;RUTF;Perte;2;A12;;Avarié;",
            f"{day(app, 2)};CSCOM-SEV;RUTF;Transfert cédé;10;A12;;CSCOM-KON;",
        ],
    )
    result = check_movements(app.uow(), app.ctx, path)
    assert result.problems == [] and len(result.new_rows) == 3
    files = FilesModel()
    files.set_items([FileCheck(str(path), result)])
    qtmodeltester.check(files)
    rows = ImportRowsModel()
    rows.set_rows(list(result.new_rows), {p.code: p for p in services.list_products(app.uow())})
    qtmodeltester.check(rows)
    assert [rows.index(r, 9).data() for r in range(3)] == ["CSREF-MOP", "Avarié", "CSCOM-KON"]
    bad = movements_file(tmp_path, [f"{day(app, 2)};CSCOM-SEV;RUTF;Perte;x;;;;"], "bad.csv")
    problems = ProblemsModel()
    problems.set_items(check_movements(app.uow(), app.ctx, bad).problems)
    qtmodeltester.check(problems)
    assert problems.rowCount() >= 1
