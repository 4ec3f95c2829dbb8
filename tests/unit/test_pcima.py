"""The PCIMA report arithmetic, the Sphere checks, the RUTF check and the RUTF needs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.errors import DomainError
from core.nutrition import NutritionClass, NutritionSettings, Referral
from core.pcima import (
    CatchmentInputs,
    Group,
    MonthlyTotals,
    ReportSettings,
    RutfCheck,
    Screening,
    Tally,
    TallySource,
    UnitMonth,
    check_tally,
    parse_catchment,
    parse_report_setting,
    rate_checks,
    resolve_report_settings,
    rutf_needs,
    screening_summary,
    seasonal_shares,
    totals_record_uuid,
    trend_admissions,
    unit_month_from_totals,
    unit_reports,
)
from core.stock import add_months

SETTINGS = ReportSettings()


def exits(cured: int = 0, died: int = 0, defaulted: int = 0, non_response: int = 0, out: int = 0):
    return {
        "cured": cured,
        "died": died,
        "defaulted": defaulted,
        "non_response": non_response,
        "transfer_out": out,
    }


def verdicts(checks) -> dict[str, bool | None]:
    return {c.name: c.passes for c in checks}


def test_sphere_thresholds_are_strict_at_their_edges() -> None:
    # 75 cured of 100 is not "above 75 %"; 10 % died is not "below 10 %"; nor 15 % defaulted.
    at_edges = rate_checks(exits(cured=75, died=10, defaulted=15), SETTINGS)
    assert [c.percent for c in at_edges] == [Decimal("75.0"), Decimal("10.0"), Decimal("15.0")]
    assert verdicts(at_edges) == {"cured": False, "died": False, "defaulted": False}
    inside = rate_checks(exits(cured=76, died=9, defaulted=14, non_response=1), SETTINGS)
    assert verdicts(inside) == {"cured": True, "died": True, "defaulted": True}
    assert [c.verdict_fr for c in inside] == ["conforme"] * 3


def test_transfers_out_count_in_the_rates_only_when_the_setting_says_so() -> None:
    figures = exits(cured=8, defaulted=2, out=10)
    without = rate_checks(figures, SETTINGS)
    assert without[0].percent == Decimal("80.0")
    counted = rate_checks(figures, ReportSettings(rates_include_transfers=True))
    assert counted[0].percent == Decimal("40.0")
    assert counted[0].passes is False


def test_a_month_without_exits_has_no_verdict() -> None:
    checks = rate_checks({}, SETTINGS)
    assert all(c.percent is None and c.passes is None for c in checks)
    assert checks[0].verdict_fr == "pas de sortie"


def test_thresholds_are_settings() -> None:
    settings = resolve_report_settings({("", "cured_above_percent"): "70"})
    assert rate_checks(exits(cured=72, died=28), settings)[0].passes is True
    with pytest.raises(DomainError, match="au plus 100"):
        parse_report_setting("died_below_percent", "120")
    with pytest.raises(DomainError, match="oui ou non"):
        parse_report_setting("rates_include_transfers", "peut-être")


def month(m: int, year: int = 2026) -> date:
    return date(year, m, 1)


def test_each_month_begins_with_the_previous_end_through_empty_months() -> None:
    months = {
        month(3): UnitMonth({"new": 10, "new_muac": 10}, {}, None, "per_child"),
        month(5): UnitMonth({"new": 4, "relapse": 1}, {"cured": 6, "died": 1}, None, "per_child"),
    }
    reports = unit_reports(Referral.URENAS, months, month(6), SETTINGS)
    assert [(r.month.month, r.beginning, r.end) for r in reports.values()] == [
        (3, 0, 10),
        (4, 10, 10),
        (5, 10, 8),
        (6, 8, 8),
    ]
    assert reports[month(4)].source == "none"
    # "new_muac" details the new admissions; it is not counted twice.
    assert reports[month(3)].admitted == 10


def test_a_stated_beginning_starts_the_register_and_a_later_mismatch_is_a_warning() -> None:
    first = MonthlyTotals("C", Referral.URENAM, month(1), {"new_muac": 5, "cured": 2}, 20)
    later = MonthlyTotals("C", Referral.URENAM, month(2), {"cured": 1}, 30)
    months = {t.month: unit_month_from_totals(t) for t in (first, later)}
    reports = unit_reports(Referral.URENAM, months, month(2), SETTINGS)
    assert (reports[month(1)].beginning, reports[month(1)].end) == (20, 23)
    assert reports[month(1)].warnings == ()
    assert (reports[month(2)].beginning, reports[month(2)].end) == (30, 29)
    assert "23" in reports[month(2)].warnings[0]


def test_more_exits_than_children_is_flagged() -> None:
    months = {month(1): UnitMonth({"new": 1}, {"cured": 3}, None, "per_child")}
    report = unit_reports(Referral.URENAS, months, month(1), SETTINGS)[month(1)]
    assert report.end == -2
    assert "Plus de sorties" in report.warnings[0]


@pytest.mark.parametrize(
    ("dispensed", "children", "flagged", "words"),
    [
        (3000, 20, False, "150 sachets par enfant"),
        (3900, 20, False, "195"),  # +30 %: still within the tolerance
        (3930, 20, True, "Trop d'ATPE"),  # +31 %
        (2100, 20, False, "105"),  # −30 %
        (2000, 20, True, "Trop peu d'ATPE"),
        (450, 0, True, "sans aucun enfant admis"),
        (0, 0, False, "Ni ATPE distribué ni enfant admis"),
    ],
)
def test_rutf_per_child_check(dispensed: int, children: int, flagged: bool, words: str) -> None:
    check = RutfCheck(3, dispensed, children, 150, Decimal(30))
    assert check.flagged is flagged
    assert words in check.message_fr


def screening(cls: NutritionClass, group: Group = Group.CHILD, voided: bool = False) -> Screening:
    referral = {NutritionClass.SAM: Referral.URENAS, NutritionClass.MAM: Referral.URENAM}
    return Screening(
        facility_code="C",
        screened_on=month(8),
        place="",
        person_ref="x",
        group=group,
        muac_mm=110,
        classification=cls,
        muac_class=cls,
        referral=referral.get(cls),
        voided=voided,
    )


def test_screening_summary_adds_individual_records_and_tallies() -> None:
    records = [
        screening(NutritionClass.SAM),
        screening(NutritionClass.MAM),
        screening(NutritionClass.NORMAL),
        screening(NutritionClass.SAM, voided=True),
        screening(NutritionClass.MAM, Group.PLW),
    ]
    tallies = [
        Tally("C", month(8), "Koa", TallySource.RECO, Group.CHILD, 100, 2, 8, 90, 1),
        Tally("C", month(8), "Koa", TallySource.PB_MERES, Group.PLW, 40, 0, 6, 34),
    ]
    summary = screening_summary(records, tallies)
    assert (summary.children, summary.sam, summary.mam, summary.normal) == (103, 3, 9, 91)
    assert (summary.oedema, summary.women, summary.women_mam) == (1, 41, 7)
    assert summary.referrals == {"URENAS": 1, "URENAM": 2}


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ((10, 1, 2, 6, 0), "MAS \\+ MAM \\+ normaux = 9"),
        ((10, 1, 2, 7, 2), "Œdèmes \\(2\\)"),
        ((0, 0, 0, 0, 0), "au moins 1"),
        ((5, -1, 2, 4, 0), "positif ou zéro"),
    ],
)
def test_a_tally_must_add_up(counts: tuple[int, ...], message: str) -> None:
    screened, sam, mam, normal, oedema = counts
    tally = Tally(
        "C", month(8), "", TallySource.RECO, Group.CHILD, screened, sam, mam, normal, oedema
    )
    with pytest.raises(DomainError, match=message):
        check_tally(tally)


def test_women_tallies_have_no_sam() -> None:
    tally = Tally("C", month(8), "", TallySource.PB_MERES, Group.PLW, 10, 1, 2, 7)
    with pytest.raises(DomainError, match="Femmes enceintes"):
        check_tally(tally)


def test_monthly_totals_have_one_identity_per_facility_unit_and_month() -> None:
    assert totals_record_uuid("C", Referral.URENAS, date(2026, 8, 17)) == totals_record_uuid(
        "C", Referral.URENAS, date(2026, 8, 1)
    )
    assert totals_record_uuid("C", Referral.URENAS, month(8)) != totals_record_uuid(
        "C", Referral.URENAM, month(8)
    )


def history(values: list[int], last: date) -> dict[date, int]:
    return {add_months(last, k - len(values) + 1): v for k, v in enumerate(values)}


def test_trend_with_less_than_a_year_is_the_mean_of_the_last_three_months() -> None:
    last = month(10)
    assert trend_admissions(history([4, 6, 11], last), last, 2) == [Decimal(7), Decimal(7)]
    assert trend_admissions({}, last, 1) == [Decimal(0)]


def test_trend_repeats_last_years_season_scaled_by_the_recent_level() -> None:
    # 15 months: a year-ago Aug–Oct of 10, 20, 30 and this year's 20, 40, 60: level × 2.
    last = month(10)
    values = [10, 20, 30] + [5] * 9 + [20, 40, 60]
    forecast = trend_admissions(history(values, last), last, 3)
    # November, December, January a year before were 5 each (the 4th to 6th values).
    assert forecast == [Decimal(10), Decimal(10), Decimal(10)]


def test_trend_level_is_held_between_half_and_double() -> None:
    last = month(10)
    values = [1, 1, 1] + [5] * 9 + [30, 30, 30]
    assert trend_admissions(history(values, last), last, 1) == [Decimal(10)]


def test_seasonal_shares_need_twelve_months() -> None:
    last = month(10)
    assert seasonal_shares(history([1] * 11, last), last) is None
    shares = seasonal_shares(history([1] * 8 + [3, 3, 3, 3], last), last)
    assert shares is not None
    assert sum(shares) == 1
    assert shares[6] == Decimal(3) / 20  # July, in the last four months


def test_caseload_worked_example_gives_the_years_rutf() -> None:
    # DOMAIN.md §3: N=10,501, P=0.087, K=2.6, C=0.46 → 1,093 children a year, one carton each.
    catchment = parse_catchment(
        {
            "catchment_population": "10 501",
            "sam_prevalence_percent": "8,7",
            "expected_coverage_percent": "46",
        }
    )
    assert catchment == CatchmentInputs(10501, Decimal("0.087"), Decimal("0.46"))
    needs = rutf_needs(
        "C", date(2026, 11, 21), {}, catchment, 150 * 100, 150 * 50, 12, NutritionSettings()
    )
    assert needs.annual_caseload == 1093
    assert needs.seasonal_profile == "flat"
    sachets = needs.caseload_sachets()
    assert sachets == 1093 * 150
    assert needs.cartons(sachets) == 1093
    assert needs.shortfall(sachets) == (1093 - 150) * 150
    assert needs.months[0].month == date(2026, 11, 1)


def test_caseload_follows_the_facilitys_own_season() -> None:
    last = month(10)
    admissions = history([10] * 8 + [30, 30, 30, 30], last)  # Jul–Oct three times the rest
    catchment = CatchmentInputs(1000, Decimal("0.1"), Decimal("0.5"))
    needs = rutf_needs("C", date(2026, 11, 5), admissions, catchment, 0, 0, 12, NutritionSettings())
    assert needs.seasonal_profile == "admissions"
    by_month = {m.month.month: m.caseload_children for m in needs.months}
    assert by_month[7] == 3 * by_month[2]
    assert sum(by_month.values()) == needs.annual_caseload == 130


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"catchment_population": "abc"}, "n'est pas un nombre"),
        ({"sam_prevalence_percent": "120"}, "de 0 à 100"),
        ({"catchment_population": "100,5"}, "entier"),
        ({"expected_coverage_percent": "-3"}, "positif"),
    ],
)
def test_catchment_inputs_are_checked(values: dict[str, str], message: str) -> None:
    complete = {
        "catchment_population": "3000",
        "sam_prevalence_percent": "3",
        "expected_coverage_percent": "60",
    }
    with pytest.raises(DomainError, match=message):
        parse_catchment({**complete, **values})


def test_catchment_is_none_until_all_three_are_entered() -> None:
    assert parse_catchment({"catchment_population": "3000"}) is None
