"""PCIMA registers and reports through the services, on a migrated database."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from core import pcima_services as ps
from core import services
from core.errors import DomainError
from core.nutrition import (
    NutritionClass,
    Oedema,
    Referral,
    RutfDoseBand,
    Sex,
    load_growth_standards,
    load_rutf_dosing,
)
from core.pcima import AdmissionType, Criterion, ExitOutcome, Group, Tally, TallySource
from core.services import Context, ReceiptLine
from db.engine import Database
from db.tables import APPEND_ONLY_TABLES
from db.uow import SqlAlchemyUnitOfWork
from tests.conftest import REPO_ROOT

BACKENDS = ("sqlite", "postgresql")
NUTRITION = REPO_ROOT / "resources" / "nutrition"
STANDARDS = load_growth_standards(NUTRITION)
OCT = date(2026, 10, 1)
NOV = date(2026, 11, 1)


def entry(facility: str, ref: str, muac: int, **kw) -> ps.ScreeningEntry:
    kw.setdefault("age_months", 18)
    return ps.ScreeningEntry(facility, kw.pop("on", date(2026, 10, 3)), ref, muac, **kw)


def test_a_correction_keeps_the_history_and_the_register_shows_the_latest(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    first = ps.record_screening(uow, ctx, entry(cscom, "Awa T.", 114, place="Koa"), STANDARDS)
    assert (first.classification, first.referral) == (NutritionClass.SAM, Referral.URENAS)
    with pytest.raises(DomainError, match="Motif de la correction"):
        ps.record_screening(uow, ctx, entry(cscom, "Awa T.", 115), STANDARDS, first.record_uuid)
    fixed = ps.record_screening(
        uow, ctx, entry(cscom, "Awa T.", 115), STANDARDS, first.record_uuid, "PB mal lu"
    )
    assert (fixed.version, fixed.classification, fixed.referral) == (
        2,
        NutritionClass.MAM,
        Referral.URENAM,
    )
    register = ps.screening_register(uow, cscom, OCT, date(2026, 10, 31))
    assert [(s.muac_mm, s.version) for s in register] == [(115, 2)]
    history = ps.screening_history(uow, first.record_uuid)
    assert [(s.muac_mm, s.stamp.note if s.stamp else None) for s in history] == [
        (114, ""),
        (115, "PB mal lu"),
    ]
    ps.void_screening(uow, ctx, first.record_uuid, "enfant saisi deux fois")
    assert ps.screening_register(uow, cscom, OCT, date(2026, 10, 31)) == []
    shown = ps.screening_register(uow, cscom, OCT, date(2026, 10, 31), include_voided=True)
    assert [(s.version, s.voided) for s in shown] == [(3, True)]


def test_the_registers_refuse_rewrites_in_the_database_itself(
    database: Database, uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    ps.record_screening(uow, ctx, entry(cscom, "A", 130), STANDARDS)
    tally = Tally(cscom, OCT, "", TallySource.RECO, Group.CHILD, 3, 0, 1, 2)
    ps.record_tally(uow, ctx, tally)
    ps.admit_child(uow, ctx, cscom, Referral.URENAS, OCT, "A", AdmissionType.NEW, Criterion.MUAC)
    ps.record_monthly_totals(uow, ctx, cscom, Referral.URENAM, OCT, {"new_muac": 1})
    registers = [t for t in APPEND_ONLY_TABLES if t != "movements"]
    assert len(registers) == 4
    for table in registers:
        for statement in (f"UPDATE {table} SET voided = voided", f"DELETE FROM {table}"):
            with database.engine.connect() as conn, pytest.raises(Exception, match="modifient"):
                conn.execute(text(statement))
        with database.engine.connect() as conn:
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 1


def test_oedema_plus_plus_plus_goes_to_ureni_and_whz_uses_the_table_mode(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    child = ps.record_screening(uow, ctx, entry(cscom, "B", 130, oedema=Oedema.PLUS3), STANDARDS)
    assert (child.classification, child.referral) == (NutritionClass.SAM, Referral.URENI)
    girl = entry(
        cscom,
        "C",
        126,
        sex=Sex.FEMALE,
        age_months=30,
        weight_kg=Decimal("9.4"),
        height_cm=Decimal("85.0"),
    )
    own_table = ps.record_screening(uow, ctx, girl, STANDARDS)
    ps.set_nutrition_setting(uow, "whz_table_mode", "boys_for_both")
    boys_table = ps.record_screening(uow, ctx, girl, STANDARDS)
    assert own_table.whz is not None and boys_table.whz is not None
    assert boys_table.whz < own_table.whz  # the boys' median is heavier at the same height
    assert boys_table.weight_kg == Decimal("9.4") and boys_table.height_cm == Decimal("85")


def test_pregnant_and_lactating_women_use_their_own_cut_off(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    woman = ps.ScreeningEntry(cscom, date(2026, 10, 3), "Mme K.", 225, group=Group.PLW)
    assert ps.record_screening(uow, ctx, woman, STANDARDS).classification is NutritionClass.MAM
    ps.set_nutrition_setting(uow, "pregnant_muac_mam_below_mm", "210")
    assert ps.record_screening(uow, ctx, woman, STANDARDS).classification is NutritionClass.NORMAL


def test_admissions_and_exits_follow_each_child(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    urenas, ureni = Referral.URENAS, Referral.URENI
    ps.admit_child(
        uow, ctx, cscom, ureni, date(2026, 10, 1), "E1", AdmissionType.NEW, Criterion.OEDEMA
    )
    with pytest.raises(DomainError, match="déjà suivi en URENI"):
        ps.admit_child(
            uow, ctx, cscom, urenas, date(2026, 10, 2), "E1", AdmissionType.NEW, Criterion.MUAC
        )
    with pytest.raises(DomainError, match="n'est pas suivi en URENAS"):
        ps.discharge_child(uow, ctx, cscom, urenas, date(2026, 10, 5), "E1", ExitOutcome.CURED)
    with pytest.raises(DomainError, match="n'est pas suivi en URENI le 30/09/2026"):
        ps.discharge_child(
            uow, ctx, cscom, ureni, date(2026, 9, 30), "E1", ExitOutcome.TRANSFER_OUT
        )
    with pytest.raises(DomainError, match="Critère d'admission"):
        ps.admit_child(uow, ctx, cscom, urenas, date(2026, 10, 2), "E2", AdmissionType.NEW)
    with pytest.raises(DomainError, match="futur"):
        ps.admit_child(uow, ctx, cscom, urenas, date(2026, 12, 2), "E2", AdmissionType.RELAPSE)
    ps.discharge_child(uow, ctx, cscom, ureni, date(2026, 10, 8), "E1", ExitOutcome.TRANSFER_OUT)
    admitted = ps.admit_child(
        uow, ctx, cscom, urenas, date(2026, 10, 8), "E1", AdmissionType.TRANSFER_IN
    )
    assert [(c.child_ref, c.unit) for c in ps.children_in_care(uow, cscom, date(2026, 10, 31))] == [
        ("E1", urenas)
    ]
    # Moving the URENAS admission before the URENI exit would put the child in two units.
    moved = ps.event_history(uow, admitted.record_uuid)[-1]
    with pytest.raises(DomainError, match="déjà suivi"):
        ps.correct_event(uow, ctx, admitted.record_uuid, _on(moved, date(2026, 10, 5)), "date")
    ps.discharge_child(uow, ctx, cscom, urenas, date(2026, 11, 20), "E1", ExitOutcome.CURED)
    assert ps.children_in_care(uow, cscom, date(2026, 11, 21)) == []
    assert len(ps.children_in_care(uow, cscom, date(2026, 11, 19))) == 1


def _on(event, day: date):
    from dataclasses import replace

    return replace(event, occurred_on=day)


def _receive_and_dispense_rutf(uow, ctx, facility: str, sachets_by_day: dict[date, int]) -> None:
    services.receive_stock(
        uow, ctx, facility, date(2026, 9, 1), [ReceiptLine("RUTF", 3000, "NF-1", date(2028, 1, 31))]
    )
    for day, sachets in sachets_by_day.items():
        services.dispense(uow, ctx, facility, "RUTF", sachets, day)


def test_monthly_report_from_the_children_the_ledger_and_typed_totals(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    _, cscom = facilities
    urenas = Referral.URENAS
    for n, criterion in enumerate([Criterion.MUAC] * 3 + [Criterion.OEDEMA], start=1):
        ps.admit_child(
            uow, ctx, cscom, urenas, date(2026, 9, 10), f"S{n}", AdmissionType.NEW, criterion
        )
    ps.admit_child(uow, ctx, cscom, urenas, date(2026, 10, 2), "S5", AdmissionType.RELAPSE)
    ps.admit_child(
        uow, ctx, cscom, urenas, date(2026, 10, 3), "S6", AdmissionType.NEW, Criterion.WHZ
    )
    for ref, outcome in (
        ("S1", ExitOutcome.CURED),
        ("S2", ExitOutcome.CURED),
        ("S3", ExitOutcome.DEFAULTED),
    ):
        ps.discharge_child(uow, ctx, cscom, urenas, date(2026, 10, 25), ref, outcome)
    ps.record_monthly_totals(
        uow, ctx, cscom, Referral.URENAM, OCT, {"new_muac": 12, "cured": 9, "died": 1}, beginning=30
    )
    # 900 sachets for the 6 children admitted to URENAS in September and October: 150 each.
    _receive_and_dispense_rutf(uow, ctx, cscom, {date(2026, 9, 12): 400, date(2026, 10, 12): 500})
    ps.record_tally(
        uow,
        ctx,
        Tally(cscom, date(2026, 10, 9), "Koa", TallySource.RECO, Group.CHILD, 50, 2, 5, 43, 1),
    )
    ps.record_screening(uow, ctx, entry(cscom, "Awa T.", 110), STANDARDS)

    report = ps.pcima_report(uow, cscom, date(2026, 10, 17))
    units = {u.unit: u for u in report.units}
    assert set(units) == {Referral.URENAS, Referral.URENAM}
    sas = units[urenas]
    assert (sas.beginning, sas.admitted, sas.exited, sas.end) == (4, 2, 3, 3)
    assert sas.admissions["new_whz"] == 1 and sas.admissions["relapse"] == 1
    rates = {r.name: (r.percent, r.passes) for r in sas.rates}
    assert rates["cured"] == (Decimal("66.7"), False)
    assert rates["defaulted"] == (Decimal("33.3"), False)
    sam = units[Referral.URENAM]
    assert (sam.source, sam.beginning, sam.end) == ("totals", 30, 32)
    assert (report.rutf.dispensed, report.rutf.children, report.rutf.flagged) == (900, 6, False)
    assert (report.screening.children, report.screening.sam) == (51, 3)

    # Totals typed for a month the children's register also covers: the typed ones win, and
    # the difference is pointed out.
    ps.record_monthly_totals(uow, ctx, cscom, urenas, OCT, {"new_muac": 2, "cured": 2})
    typed = {u.unit: u for u in ps.pcima_report(uow, cscom, OCT).units}[urenas]
    assert (typed.source, typed.admitted, typed.exited) == ("totals", 2, 2)
    assert "différents du registre" in typed.warnings[0]
    ps.record_monthly_totals(
        uow, ctx, cscom, urenas, OCT, {"new_muac": 1, "relapse": 1, "cured": 2, "defaulted": 1}
    )
    assert len(ps.monthly_totals(uow, cscom, urenas, OCT).counts) > 0
    assert ps.monthly_totals(uow, cscom, urenas, OCT).version == 2

    # November carries October's end over.
    november = {u.unit: u for u in ps.pcima_report(uow, cscom, NOV).units}
    assert november[Referral.URENAM].beginning == 32


def test_exports_carry_counts_only(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from core.exchange.pcima_report import write_report

    _, cscom = facilities
    secret = "Fatoumata Diarra 2024-117"
    ps.record_screening(uow, ctx, entry(cscom, secret, 110, place="Village de Koa"), STANDARDS)
    ps.admit_child(
        uow,
        ctx,
        cscom,
        Referral.URENAS,
        date(2026, 10, 4),
        secret,
        AdmissionType.NEW,
        Criterion.MUAC,
    )
    report = ps.pcima_report(uow, cscom, OCT)
    assert report.units[0].admitted == 1
    assert secret not in json.dumps(report.as_dict(), ensure_ascii=False)
    path = write_report(report, tmp_path / "rapport.xlsx")
    cells = [
        str(cell.value)
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert any("Total à la fin du mois" in c for c in cells)
    assert not any("Fatoumata" in c or "2024-117" in c for c in cells)


def test_rutf_per_child_is_flagged_when_the_ledger_and_admissions_disagree(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    ps.admit_child(
        uow, ctx, cscom, Referral.URENAS, date(2026, 10, 4), "X", AdmissionType.NEW, Criterion.MUAC
    )
    _receive_and_dispense_rutf(uow, ctx, cscom, {date(2026, 10, 5): 900})
    check = ps.pcima_report(uow, cscom, OCT).rutf
    assert (check.per_child, check.flagged) == (Decimal("900.0"), True)
    assert "Trop d'ATPE" in check.message_fr


def test_rutf_needs_against_usable_stock(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    _, cscom = facilities
    for n in range(6):
        ps.admit_child(
            uow,
            ctx,
            cscom,
            Referral.URENAS,
            date(2026, 10, 2 + n),
            f"N{n}",
            AdmissionType.NEW,
            Criterion.MUAC,
        )
    _receive_and_dispense_rutf(uow, ctx, cscom, {date(2026, 10, 10): 600})

    def factory() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(uow._engine)  # a fresh unit of work per call

    needs = ps.rutf_needs_for(factory, cscom, date(2026, 11, 21), months=3, on_order=300)
    assert needs.usable_stock == 2400 and needs.on_order == 300
    # Only October has admissions: the trend is their mean over the months known (6).
    assert needs.trend_sachets() == 3 * 6 * 150
    assert needs.shortfall(needs.trend_sachets()) == 2700 - 2400 - 300
    assert needs.caseload_sachets() is None
    with pytest.raises(DomainError, match="Renseignez aussi"):
        ps.set_catchment(uow, cscom, {"catchment_population": "10501"})
    ps.set_catchment(
        uow,
        cscom,
        {
            "catchment_population": "10501",
            "sam_prevalence_percent": "8,7",
            "expected_coverage_percent": "46",
        },
    )
    assert ps.catchment_values(uow, cscom)["sam_prevalence_percent"] == "8,7"
    with_caseload = ps.rutf_needs_for(factory, cscom, date(2026, 11, 21), months=12)
    assert with_caseload.annual_caseload == 1093
    assert with_caseload.caseload_sachets() == 1093 * 150


def test_settings_and_dosing_table_are_checked_and_kept(
    uow: SqlAlchemyUnitOfWork, facilities: tuple[str, str]
) -> None:
    with pytest.raises(DomainError, match="Seuils du PB incohérents"):
        ps.set_nutrition_setting(uow, "muac_mam_below_mm", "110")
    assert ps.nutrition_setting_values(uow)["muac_mam_below_mm"] == "125"
    ps.set_nutrition_setting(uow, "rutf_check_tolerance_percent", "25")
    assert ps.report_settings(uow).rutf_check_tolerance_percent == Decimal(25)

    shipped = load_rutf_dosing(NUTRITION / "rutf_dosing.csv")
    assert ps.rutf_dosing(uow, shipped) == shipped
    edited = (*shipped[:-1], RutfDoseBand(Decimal(12), Decimal("5.5"), 39))
    ps.set_rutf_dosing(uow, edited)
    assert ps.rutf_dosing(uow, shipped)[-1].sachets_per_week == 39
    with pytest.raises(DomainError, match="la dose ne peut pas baisser"):
        ps.set_rutf_dosing(uow, (*shipped[:-1], RutfDoseBand(Decimal(12), Decimal(1), 7)))
    assert ps.rutf_dosing(uow, shipped) == edited
    ps.set_rutf_dosing(uow, None)
    assert ps.rutf_dosing(uow, shipped) == shipped


def test_a_child_can_be_admitted_and_leave_the_same_day(
    uow: SqlAlchemyUnitOfWork, ctx: Context, facilities: tuple[str, str]
) -> None:
    csref, _ = facilities
    day = date(2026, 10, 6)
    ps.admit_child(uow, ctx, csref, Referral.URENI, day, "D1", AdmissionType.NEW, Criterion.OEDEMA)
    ps.discharge_child(uow, ctx, csref, Referral.URENI, day, "D1", ExitOutcome.DIED)
    assert ps.children_in_care(uow, csref, day) == []
    # and, the other way round on one day, a transfer out of one unit into another
    ps.admit_child(
        uow, ctx, csref, Referral.URENI, date(2026, 10, 1), "D2", AdmissionType.NEW, Criterion.MUAC
    )
    ps.discharge_child(uow, ctx, csref, Referral.URENI, day, "D2", ExitOutcome.TRANSFER_OUT)
    ps.admit_child(uow, ctx, csref, Referral.URENAS, day, "D2", AdmissionType.TRANSFER_IN)
    assert [(c.child_ref, c.unit) for c in ps.children_in_care(uow, csref, day)] == [
        ("D2", Referral.URENAS)
    ]
    report = {u.unit: u for u in ps.pcima_report(uow, csref, OCT).units}
    assert (report[Referral.URENI].admitted, report[Referral.URENI].exited) == (2, 2)
