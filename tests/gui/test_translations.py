"""The English translation: complete, consistent with the code and en.json, compiled, and used
by the main window; French comes back when the language is switched back."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from PySide6.QtCore import QSettings, Qt, QTranslator

from core.catalogue import CATEGORY_LABELS_FR, unit_label
from core.facilities import FacilityType
from core.settings import POLICY_FIELDS
from gui.i18n import TRANSLATIONS, install_language

TS = TRANSLATIONS / "sahelstock_en.ts"
QM = TRANSLATIONS / "sahelstock_en.qm"
CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue.csv"

ENGLISH_NAVIGATION = [
    "Dashboard",
    "Stock",
    "Stock card",
    "Movements",
    "Physical count",
    "Import / Export",
    "Settings",
    "Nutrition (CMAM)",
    "Forecast",
    "Requisitions",
]
FRENCH_NAVIGATION = [
    "Tableau de bord",
    "Stock",
    "Fiche de stock",
    "Mouvements",
    "Inventaire",
    "Import / Export",
    "Paramètres",
    "Nutrition (PCIMA)",
    "Prévisions",
    "Réquisitions",
]
ENGLISH_STOCK_HEADERS = [
    "Product",
    "Stock on hand",
    "Usable stock",
    "AMC",
    "MOS",
    "Expiring soon",
    "To order",
    "Status",
]
FRENCH_STOCK_HEADERS = [
    "Produit",
    "Stock",
    "SDU",
    "CMM",
    "MSD",
    "Périme bientôt",
    "À commander",
    "Statut",
]


def load_update_script() -> ModuleType:
    """resources/translations/update.py, the script that builds the translation."""
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def update() -> ModuleType:
    return load_update_script()


def messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of the .ts file."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def tool_or_skip(update: ModuleType, name: str) -> str:
    try:
        return str(update.tool(name))
    except SystemExit:
        pytest.skip(f"{name} is not installed")


# --- the .ts file --------------------------------------------------------------------------


def test_every_message_has_a_finished_translation_with_its_placeholders(update):
    found = messages()
    assert len(found) > 600
    problems = []
    for context, source, translation in found:
        text = translation.text or ""
        if translation.get("type") is not None or not text.strip():
            problems.append(f"[{context}] {source!r}: not translated")
            continue
        problems += [
            f"[{context}] {source!r} → {text!r}: {problem}"
            for problem in update.problems_of(source, text)
        ]
    assert problems == []


def test_a_changed_placeholder_or_symbol_is_reported(update):
    assert update.problems_of("Base : {0}", "Database: {0}") == []
    assert update.problems_of("Stock au {0} : {1}", "Stock on {1}") != []
    assert update.problems_of("&Fichier", "File") != []
    assert update.problems_of("✖ Rupture", "Stock-out") != []
    assert update.problems_of(" lot {0}", "lot {0}") != []


def test_the_ts_holds_every_text_the_code_marks_for_translation(update, tmp_path):
    """lupdate run again on the code finds exactly the messages of the committed file: a text
    added or changed in gui/ without running update.py fails here."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            tool_or_skip(update, "pyside6-lupdate"),
            *update.source_files(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        cwd=update.ROOT,
        check=True,
        capture_output=True,
    )
    in_code = {(m.context, m.source) for m in update.read_messages(fresh)}
    committed = {(context, source) for context, source, _ in messages()}
    assert sorted(in_code - committed) == [], "run resources/translations/update.py"
    assert sorted(committed - in_code) == [], "run resources/translations/update.py"


def test_the_ts_and_en_json_agree(update):
    """en.json is the committed dictionary: a translation changed in one must be changed in
    the other (edit en.json, then run update.py --force)."""
    by_context, by_source = update.load_dictionary()
    different = []
    for context, source, translation in messages():
        wanted = by_context.get((context, source), by_source.get(source))
        if wanted != translation.text:
            different.append(f"[{context}] {source!r}: {translation.text!r} / {wanted!r}")
    assert different == []


# --- the .qm file --------------------------------------------------------------------------


def test_the_qm_is_compiled_from_the_current_ts(update, tmp_path):
    compiled = tmp_path / "sahelstock_en.qm"
    subprocess.run(
        [tool_or_skip(update, "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run resources/translations/update.py"


def test_the_committed_qm_translates_every_message():
    translator = QTranslator()
    assert translator.load(str(QM))
    wrong = [
        f"[{context}] {source!r}"
        for context, source, translation in messages()
        if translator.translate(context, source) != translation.text
    ]
    assert wrong == []


# --- labels that come from core and the catalogue ------------------------------------------


def test_core_labels_have_translatable_copies():
    from gui.labels import CATEGORY_TEXTS, FACILITY_TYPE_TEXTS, POLICY_FIELD_TEXTS

    assert CATEGORY_TEXTS == CATEGORY_LABELS_FR
    assert {t: t.label_fr for t in FacilityType} == FACILITY_TYPE_TEXTS
    assert {key: label for key, (label, _minimum) in POLICY_FIELDS.items()} == POLICY_FIELD_TEXTS


def test_every_unit_of_the_catalogue_is_translatable():
    from gui.stock.model import UNIT_TEXTS

    with CATALOGUE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    units = {row[column] for row in rows for column in ("base_unit", "pack_unit")} - {""}
    forms = {unit_label(unit, n) for unit in units for n in (1, 2)}
    assert forms <= set(UNIT_TEXTS)


# --- the interface in English --------------------------------------------------------------


def build_window(qtbot, tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow
    from gui.ui_settings import UiSettings
    from main import build_application

    app = build_application(str(tmp_path / f"{name}.db"))
    ui = UiSettings(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(app, ui)
    qtbot.addWidget(window)
    return app, window


def navigation(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def stock_headers(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.screen("stock").model
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def test_the_main_window_speaks_english_then_french_again(qapp, qtbot, tmp_path):
    try:
        install_language(qapp, "en")
        app, window = build_window(qtbot, tmp_path, "en")
        assert navigation(window) == ENGLISH_NAVIGATION
        assert stock_headers(window) == ENGLISH_STOCK_HEADERS
        assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Help"]
        assert window.form_buttons["issue"].text() == "Dispensing"
        assert window.screen("stock").programme.itemText(1) == "Nutrition"
        assert window.screen("stock").programme.itemText(2) == "Medicines"
        nutrition_tabs = window.screen("nutrition").tabs
        assert nutrition_tabs.tabText(0) == "Screening"
        assert nutrition_tabs.tabText(nutrition_tabs.count() - 1) == "CMAM settings"

        # A text of a base class, asked for by a subclass (tr() looks up the class hierarchy).
        from gui.forms import make_entry_form
        from gui.settings.facility_form import FacilityForm

        form = make_entry_form("issue", app, "NOWHERE")
        qtbot.addWidget(form)
        assert (form.save_button.text(), form.cancel_button.text()) == ("Save", "Cancel")
        assert FacilityForm().type_box.itemText(5) == "Warehouse"
    finally:
        install_language(qapp, "fr")

    _app, window = build_window(qtbot, tmp_path, "fr")
    assert navigation(window) == FRENCH_NAVIGATION
    assert stock_headers(window) == FRENCH_STOCK_HEADERS
    assert window.form_buttons["issue"].text() == "Dispensation"


def test_counts_and_units_follow_the_rules_of_each_language(qapp):
    from core.catalogue import Category, Product
    from gui.exchange.model import count_text
    from gui.stock.model import format_quantity

    rutf = Product("RUTF", "ATPE", Category.NUTRITION, "sachet", "carton", 150)

    def plain(text: str) -> str:
        return text.replace("\u202f", " ").replace("\xa0", " ")

    try:
        install_language(qapp, "en")
        assert count_text(0, "{0} row", "{0} rows") == "0 rows"
        assert count_text(1, "{0} row", "{0} rows") == "1 row"
        assert format_quantity(rutf, 1561) == "1,561 sachets (10.4 cartons)"
        assert format_quantity(rutf, 60) == "60 sachets (0.4 cartons)"
        tablets = Product("ALB400", "Albendazole", Category.MEDICINES, "comprimé", "boîte", 100)
        assert format_quantity(tablets, 1) == "1 tablet (< 0.1 boxes)"
    finally:
        install_language(qapp, "fr")
    assert count_text(0, "{0} ligne", "{0} lignes") == "0 ligne"
    assert plain(format_quantity(rutf, 60)) == "60 sachets (0,4 carton)"
