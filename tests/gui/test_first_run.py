"""The first-run dialog: language, then a new facility or the demonstration."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QRadioButton

from core.facilities import FacilityType
from gui.first_run import CHOICE_PAGE, FACILITY_PAGE, FirstRunDialog


def click_radio(qtbot, button: QRadioButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def open_dialog(qtbot) -> FirstRunDialog:
    dialog = FirstRunDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_english_then_a_new_facility_gives_the_checked_facility(qtbot):
    dialog = open_dialog(qtbot)
    click_radio(qtbot, dialog.language_buttons["en"])
    qtbot.mouseClick(dialog.language_next, Qt.MouseButton.LeftButton)
    assert dialog.language == "en"
    assert QLocale().language() == QLocale.Language.English  # numbers and dates follow
    assert dialog.pages.currentIndex() == CHOICE_PAGE
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == FACILITY_PAGE

    form = dialog.form
    assert not dialog.create_facility_button.isEnabled()
    qtbot.keyClicks(form.name_edit, "CSCom de Konna")
    qtbot.keyClicks(form.district_edit, "Mopti")
    form.region_box.setCurrentIndex(form.region_box.findText("Ségou"))
    form.type_box.setCurrentIndex(form.type_box.findData(FacilityType.CSREF.value))
    form.type_box.activated.emit(form.type_box.currentIndex())
    assert form.code_edit.text() == "CSCOM-DE-KONNA"  # suggested from the name
    form.code_edit.selectAll()
    qtbot.keyClicks(form.code_edit, "CSREF-KONNA")
    assert dialog.create_facility_button.isEnabled()
    qtbot.mouseClick(dialog.create_facility_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.choice == "facility"
    facility = dialog.facility
    assert facility is not None
    assert (facility.code, facility.name, facility.type, facility.region, facility.district) == (
        "CSREF-KONNA",
        "CSCom de Konna",
        FacilityType.CSREF,
        "Ségou",
        "Mopti",
    )
    assert facility.supplier_code is None


def test_an_invalid_code_keeps_create_disabled_with_a_message(qtbot):
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.language_next, Qt.MouseButton.LeftButton)
    assert dialog.language == "fr"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert "Remplissez le nom" in form.message.text()  # a hint, before anything is typed
    qtbot.keyClicks(form.name_edit, "CSCom de Sevare")
    qtbot.keyClicks(form.district_edit, "Mopti")
    form.code_edit.selectAll()
    qtbot.keyClicks(form.code_edit, "CS SEV")
    assert not dialog.create_facility_button.isEnabled()
    assert "« CS SEV » n'est pas valable" in form.message.text()
    assert "sans espace" in form.message.text()
    qtbot.mouseClick(dialog.create_facility_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted and dialog.facility is None


def test_facility_types_are_shown_by_their_french_names(qtbot):
    dialog = open_dialog(qtbot)
    box = dialog.form.type_box
    assert [box.itemText(n) for n in range(box.count())] == [t.label_fr for t in FacilityType]
    assert [box.itemData(n) for n in range(box.count())] == [t.value for t in FacilityType]


def test_choosing_the_demonstration(qtbot):
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.language_next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert (dialog.choice, dialog.facility, dialog.language) == ("demo", None, "fr")
