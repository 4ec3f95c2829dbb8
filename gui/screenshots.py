"""Screenshots of every screen in French on the demo database: `python -m gui.screenshots DIR`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def take_screenshots(folder: Path, language: str = "fr") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="sahelstock-shots-"))
    os.environ["SAHELSTOCK_HOME"] = str(home)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from core import services
    from core.demo import load_demo
    from gui.i18n import install_language
    from gui.main_window import SCREENS, MainWindow
    from gui.ui_settings import UiSettings
    from main import build_application

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    install_language(qt_app, language)
    app = build_application(str(home / "demo.db"))
    if not services.list_facilities(app.uow()):
        load_demo(app.uow(), app.ctx, app.ctx.today())
    ui = UiSettings(QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat))
    ui.last_facility = "CSCOM-SOCOURA"
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        for _ in range(3):
            qt_app.processEvents()
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    window = MainWindow(app, ui)
    window.resize(1200, 720)
    window.show()
    for n, entry in enumerate(SCREENS, start=1):
        screen = window.show_screen(entry.key) if entry.key in window.screens else None
        if screen is None:
            window.nav.setCurrentRow(n - 1)
            screen = window.screens[entry.key]
        if entry.key == "card":
            screen.open_item("RUTF")
        if entry.key == "forecast":
            _wait_for_outlook(qt_app, screen)
            screen.open_item("RUTF")
        if entry.key == "requisitions":
            _wait_for_outlook(qt_app, screen.facility_tab)  # any task with is_busy()
        save(window, f"{n:02d}-{entry.key}")

    from gui.nutrition import NutritionScreen
    from gui.nutrition.screen import TABS as NUTRITION_TABS

    nutrition = window.show_screen("nutrition")
    assert isinstance(nutrition, NutritionScreen)
    for n, (key, _cls, _title) in enumerate(NUTRITION_TABS, start=1):
        page = nutrition.show_tab(key)
        month = getattr(page, "month", None)
        if key in ("screening", "tallies") and page.model.rowCount() == 0:  # type: ignore[attr-defined]
            month.setCurrentIndex(1)  # type: ignore[union-attr]  # the month before, complete
        save(window, f"nutrition-{n}-{key}")
    nutrition.show_tab("screening")
    screening = nutrition.screening.open_new()
    if screening is not None:
        screening.place.setText("Socoura")
        screening.person.setText("SOC-2025-118")
        screening.sex.set_value("F")
        screening.age.setText("14")
        screening.muac.setText("112")
        screening.weight_kg.setText("6,4")
        screening.height_cm.setText("68,5")
        screening.position.set_value(True)
        save(screening, "nutrition-form-screening")
        screening.confirm_discard = lambda: True  # type: ignore[method-assign]
        screening.close()

    for name, dialog in _entry_forms(app, window.facility or "", window):
        dialog.confirm_discard = lambda: True  # close without asking about what was typed
        dialog.show()
        save(dialog, name)
        dialog.close()

    # Last, as it adds an order to the demo: the orders dialog, a new order being typed, and
    # the forecast once the order is counted.
    from datetime import timedelta

    from PySide6.QtCore import QDate

    from gui.forecast import ForecastScreen

    forecast = window.show_screen("forecast")
    assert isinstance(forecast, ForecastScreen)
    _wait_for_outlook(qt_app, forecast)
    forecast.open_item("RUTF")
    orders = forecast.open_orders()
    if orders is not None:
        order = orders.open_new()
        order.quantity.spin.setValue(8)
        expected = app.ctx.today() + timedelta(days=21)
        order.expected.setDate(QDate(expected.year, expected.month, expected.day))
        order.reference.setText("BC-2026-118")
        order.supplier.setText("CSRéf de Mopti")
        save(order, "forecast-order-form")
        order.save_button.click()
        save(orders, "forecast-orders")
        orders.close()
        _wait_for_outlook(qt_app, forecast)
        save(window, "forecast-after-order")

    # After the forecast's order (the R&R counts it as on order), as approval closes the month:
    # the draft with a line edited but not yet justified, the approval dialog, the approved R&R.
    from gui.requisition import RequisitionScreen
    from gui.requisition.facility_model import REQUESTED

    requisitions = window.show_screen("requisitions")
    assert isinstance(requisitions, RequisitionScreen)
    rr = requisitions.facility_tab
    rr.refresh()
    _wait_for_outlook(qt_app, rr)
    row = rr.model.row_of("RUTF")
    if row >= 0:
        line = rr.model.line(row)
        index = rr.model.index(row, REQUESTED)
        rr.model.setData(index, str(line.calculated + line.pack_size * 2 - 40))
        rr.table.setCurrentIndex(index)
        save(window, "requisition-1-draft-edited")
        rr.model.setData(
            rr.model.index(row, REQUESTED + 1), "Campagne de dépistage de masse en décembre"
        )
        dialog = rr.open_approval()
        if dialog is not None:
            dialog.name.setText("Awa Traoré")
            save(dialog, "requisition-2-approval")
            dialog.approve_button.click()
            save(window, "requisition-3-approved")
    _district_month(app, window, requisitions, save, qt_app)

    from gui.first_run import FirstRunDialog

    first = FirstRunDialog([])
    first.show()
    save(first, "first-run-1-language")
    first.language_next.click()
    save(first, "first-run-2-choice")
    first.create_button.click()
    save(first, "first-run-3-facility")
    first.close()
    window.close()
    return written


def _district_month(app, window, requisitions, save, qt_app) -> None:  # type: ignore[no-untyped-def]
    """The CSRéf of Mopti's month: its facilities' October R&Rs approved (on a shared
    district server they are in the same database), the District tab with a quantity raised
    beyond the depot's stock, the Vue consolidée, then a delivery note received at Socoura."""
    from core.district import (
        district_review,
        issue_delivery_notes,
        prepare_delivery_notes,
        set_approved_quantity,
    )
    from core.requisition_services import approve_requisition, requisition_for
    from core.stock import add_months, month_start

    october = add_months(month_start(app.ctx.today()), -1)
    depot = "CSREF-MOPTI"
    for code in ("CSCOM-FATOMA", "CSCOM-SEVARE", "CM-IMC-MOPTI"):
        draft = requisition_for(app.uow(), app.ctx, code, october)
        if draft.is_draft:
            approve_requisition(app.uow(), app.ctx, draft, "Dr Moussa Coulibaly")
    window.reload_facilities(select=depot)
    district = requisitions.show_tab("district")
    district.refresh()
    _wait_for_outlook(qt_app, district)
    review = district_review(app.uow(), app.ctx, depot, october)
    row = next((f for f in review.facilities if f.code == "CSCOM-SEVARE"), None)
    line = row.requisition.line("RUTF") if row and row.requisition else None
    if line is not None:
        set_approved_quantity(
            app.uow(), app.ctx, depot, "CSCOM-SEVARE", october, "RUTF",
            line.requested + 4 * line.pack_size, "Afflux de déplacés à Sévaré",
        )  # fmt: skip
        district.refresh()
        _wait_for_outlook(qt_app, district)
        district.select_facility("CSCOM-SEVARE")
        matrix = district.matrix_model
        row = matrix.row_of("RUTF")
        if row >= 0:
            district.matrix.setCurrentIndex(
                matrix.index(row, matrix.approved_column("CSCOM-SEVARE"))
            )
    save(window, "requisition-4-district")
    consolidated = requisitions.show_tab("consolidated")
    _wait_for_outlook(qt_app, consolidated, busy=consolidated.is_reading)
    save(window, "requisition-5-consolidated")
    notes = prepare_delivery_notes(app.uow(), app.ctx, depot, october)
    if notes:
        issue_delivery_notes(app.uow(), app.ctx, notes)
    window.reload_facilities(select="CSCOM-SEVARE")
    deliveries = requisitions.show_tab("deliveries")
    deliveries.refresh()
    if getattr(deliveries, "pending_model", None) is not None:
        deliveries.select_note(0)
    save(window, "requisition-6-deliveries")


def _wait_for_outlook(qt_app, screen, seconds: float = 60.0, busy=None) -> None:  # type: ignore[no-untyped-def]
    """Let a screen's background computation finish (the forecast takes a few seconds on the
    demo); `busy` tells whether it still runs (default: the screen's is_busy)."""
    import time

    busy = busy or screen.is_busy
    deadline = time.monotonic() + seconds
    while busy() and time.monotonic() < deadline:
        qt_app.processEvents()
        time.sleep(0.02)
    for _ in range(3):
        qt_app.processEvents()


def _entry_forms(app, facility: str, parent):  # type: ignore[no-untyped-def]
    """The entry forms as a user sees them: empty receipt, a dispensing being typed (FEFO
    proposal shown), transfer, loss, and the reversal of the latest dispensing."""
    from core import services
    from core.ledger import MovementKind
    from gui.forms import ReversalDialog, make_entry_form

    yield "form-receipt", make_entry_form("receipt", app, facility, parent)
    issue = make_entry_form("issue", app, facility, parent)
    issue.product.setCurrentIndex(issue.product.findData("RUTF"))
    issue.quantity.spin.setValue(40)
    yield "form-issue", issue
    yield "form-transfer", make_entry_form("transfer", app, facility, parent)
    yield "form-loss", make_entry_form("loss", app, facility, parent)
    page = services.movement_page(app.uow(), facility, kinds=[MovementKind.ISSUE], limit=1)
    if page.movements:
        movement = page.movements[0]
        product = next(
            p for p in services.list_products(app.uow()) if p.code == movement.product_code
        )
        yield "form-reversal", ReversalDialog(app, movement, product, parent)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("docs/screenshots")
    for path in take_screenshots(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
