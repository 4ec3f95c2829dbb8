"""DOMAIN.md §3 (PCIMA) rules against its test vectors and worked example."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.errors import DomainError
from core.nutrition import (
    ChildMeasures,
    GrowthStandards,
    Lms,
    NutritionClass,
    NutritionSettings,
    Oedema,
    Referral,
    Sex,
    TableMode,
    age_in_days,
    assess_child,
    classify_muac,
    classify_muac_pregnant_or_lactating,
    incidence_correction,
    lms_z_score,
    load_growth_standards,
    load_rutf_dosing,
    parse_lms_table,
    parse_muac_mm,
    resolve_nutrition_settings,
    rutf_dose,
    rutf_need,
    sam_caseload,
    weight_for_height_z,
)
from tests.conftest import REPO_ROOT

NUTRITION = REPO_ROOT / "resources" / "nutrition"


@pytest.fixture(scope="module")
def standards() -> GrowthStandards:
    return load_growth_standards(NUTRITION)


@pytest.mark.parametrize(
    ("muac", "expected"),
    [
        (114, NutritionClass.SAM),
        (115, NutritionClass.MAM),
        (124, NutritionClass.MAM),
        (125, NutritionClass.NORMAL),
    ],
)
def test_muac_intervals_are_half_open(muac: int, expected: NutritionClass) -> None:
    assert classify_muac(muac) is expected


def test_muac_cut_offs_are_settings() -> None:
    settings = resolve_nutrition_settings({("", "muac_sam_below_mm"): "110"})
    assert classify_muac(112, settings) is NutritionClass.MAM
    with pytest.raises(DomainError, match="entier"):
        resolve_nutrition_settings({("", "muac_mam_below_mm"): "12,5"})


@pytest.mark.parametrize("oedema", [Oedema.PLUS, Oedema.PLUS2, Oedema.PLUS3])
def test_any_oedema_means_sam_whatever_the_muac(oedema: Oedema) -> None:
    result = assess_child(ChildMeasures(muac_mm=140, oedema=oedema))
    assert result.muac_class is NutritionClass.NORMAL
    assert result.classification is NutritionClass.SAM
    assert f"œdèmes bilatéraux {oedema.value}" in result.reasons


def test_oedema_plus_plus_plus_is_always_inpatient() -> None:
    assert assess_child(ChildMeasures(140, Oedema.PLUS3)).referral is Referral.URENI
    assert assess_child(ChildMeasures(140, Oedema.PLUS2)).referral is Referral.URENAS


def test_referral_by_class_and_complications() -> None:
    sam = assess_child(ChildMeasures(112))
    assert sam.referral is Referral.URENAS and sam.reasons == ("PB 112 mm < 115 mm",)
    assert assess_child(ChildMeasures(112, complications=True)).referral is Referral.URENI
    assert assess_child(ChildMeasures(118)).referral is Referral.URENAM
    normal = assess_child(ChildMeasures(130))
    assert normal.referral is None and normal.classification is NutritionClass.NORMAL


def test_pregnant_and_lactating_women_cut_off_is_a_setting() -> None:
    assert classify_muac_pregnant_or_lactating(229) is NutritionClass.MAM
    assert classify_muac_pregnant_or_lactating(230) is NutritionClass.NORMAL
    protocol_210 = NutritionSettings(pregnant_muac_mam_below_mm=210)
    assert classify_muac_pregnant_or_lactating(220, protocol_210) is NutritionClass.NORMAL


def test_the_shipped_table_holds_the_domain_test_vector_row(standards: GrowthStandards) -> None:
    assert standards.height.lms_at(Sex.MALE, 65.0) == Lms(l=-0.3521, m=7.4327, s=0.08217)
    assert standards.length.range_cm(Sex.FEMALE) == (45.0, 110.0)
    assert standards.height.range_cm(Sex.FEMALE) == (65.0, 120.0)


@pytest.mark.parametrize(("weight", "z"), [(6.0, -2.71), (5.5, -3.79)])
def test_whz_test_vectors(weight: float, z: float) -> None:
    assert round(lms_z_score(weight, Lms(l=-0.3521, m=7.4327, s=0.08217)), 2) == z


def test_whz_test_vectors_through_the_tables_classify_mam_and_sam(
    standards: GrowthStandards,
) -> None:
    mam = assess_child(
        ChildMeasures(130, sex=Sex.MALE, age_months=30, weight_kg=6.0, height_cm=65.0),
        standards=standards,
    )
    assert mam.whz is not None and round(mam.whz, 2) == -2.71
    assert mam.whz_class is NutritionClass.MAM and mam.classification is NutritionClass.MAM
    assert mam.reasons == ("P/T −2,71 z entre −3 et −2",)
    sam = assess_child(
        ChildMeasures(130, sex=Sex.MALE, age_months=30, weight_kg=5.5, height_cm=65.0),
        standards=standards,
    )
    assert sam.whz is not None and round(sam.whz, 2) == -3.79
    assert sam.classification is NutritionClass.SAM and sam.referral is Referral.URENAS


def test_restricted_adjustment_beyond_three_sd() -> None:
    # L=−1, M=10, S=0.1: the value at z is 10/(1 − 0.1z), so SD2=12.5, SD3=14.2857…,
    # SD−2=8.333…, SD−3=7.6923…; the plain LMS formula would give 3.75 and −4.29.
    lms = Lms(l=-1, m=10, s=0.1)
    assert lms_z_score(16, lms) == pytest.approx(3 + (16 - 10 / 0.7) / (10 / 0.7 - 10 / 0.8))
    assert round(lms_z_score(16, lms), 2) == 3.96
    assert lms_z_score(7, lms) == pytest.approx(-3 + (7 - 10 / 1.3) / (10 / 1.2 - 10 / 1.3))
    assert round(lms_z_score(7, lms), 2) == -4.08
    assert lms_z_score(12.5, lms) == pytest.approx(2)


def test_lms_is_interpolated_between_tenth_of_cm_rows() -> None:
    table = parse_lms_table(
        [
            {"sex": s, "length_or_height_cm": cm, "L": "-1", "M": m, "S": "0.1"}
            for s in "MF"
            for cm, m in (("65.0", "7.0"), ("65.1", "8.0"))
        ],
        "test",
    )
    assert table.lms_at(Sex.MALE, 65.05) == pytest.approx(Lms(l=-1, m=7.5, s=0.1))
    assert table.lms_at(Sex.MALE, 65.2) is None


def test_length_table_before_731_days_and_height_table_from_731(
    standards: GrowthStandards,
) -> None:
    before = weight_for_height_z(standards, Sex.MALE, 730, 6.0, 65.0)
    after = weight_for_height_z(standards, Sex.MALE, 731, 6.0, 65.0)
    assert (before.table, after.table) == ("length", "height")
    assert before.z != after.z
    # 24 months = 730.5 days: still the length table; 25 months: the height table.
    assert age_in_days(24) < 731 <= age_in_days(25)


def test_position_correction_of_seven_millimetres(standards: GrowthStandards) -> None:
    standing = weight_for_height_z(standards, Sex.MALE, 400, 8.0, 72.0, measured_lying=False)
    assert standing.cm == pytest.approx(72.7)
    lying = weight_for_height_z(standards, Sex.MALE, 800, 8.0, 72.0, measured_lying=True)
    assert lying.cm == pytest.approx(71.3)
    as_is = weight_for_height_z(standards, Sex.MALE, 800, 8.0, 72.0, measured_lying=False)
    assert as_is.cm == 72.0


def test_boys_table_for_both_sexes_changes_a_girls_z(standards: GrowthStandards) -> None:
    girl = ChildMeasures(130, sex=Sex.FEMALE, age_months=30, weight_kg=6.5, height_cm=70.0)
    own = assess_child(girl, NutritionSettings(), standards)
    boys = assess_child(girl, NutritionSettings(whz_table_mode=TableMode.BOYS_FOR_BOTH), standards)
    assert own.whz is not None and boys.whz is not None
    assert round(own.whz, 2) != round(boys.whz, 2)
    boy = ChildMeasures(130, sex=Sex.MALE, age_months=30, weight_kg=6.5, height_cm=70.0)
    assert boys.whz == assess_child(boy, standards=standards).whz


def test_whz_needs_all_four_measures_and_a_plausible_age(standards: GrowthStandards) -> None:
    with pytest.raises(DomainError, match="ensemble"):
        assess_child(ChildMeasures(130, sex=Sex.MALE, weight_kg=6.0), standards=standards)
    with pytest.raises(DomainError, match="6 à 59 mois"):
        assess_child(
            ChildMeasures(130, sex=Sex.MALE, age_months=60, weight_kg=6.0, height_cm=65.0),
            standards=standards,
        )
    with pytest.raises(DomainError, match="hors de la table"):
        assess_child(
            ChildMeasures(130, sex=Sex.MALE, age_months=30, weight_kg=6.0, height_cm=121.0),
            standards=standards,
        )


def test_muac_must_be_whole_millimetres() -> None:
    assert parse_muac_mm(" 112 ") == 112
    for text in ("11.2", "abc", "49", "301"):
        with pytest.raises(DomainError, match="PB"):
            parse_muac_mm(text)


@pytest.mark.parametrize(
    ("weight", "per_day", "per_week"),
    [
        ("3.5", "1.5", 11),
        ("3.9", "1.5", 11),
        ("4.0", "2", 14),
        ("6.9", "2.5", 18),
        ("7.0", "3", 21),
        ("11.9", "4.5", 32),
        ("12.0", "5", 35),
        ("25", "5", 35),
    ],
)
def test_rutf_dose_band_edges(weight: str, per_day: str, per_week: int) -> None:
    band = rutf_dose(Decimal(weight), load_rutf_dosing(NUTRITION / "rutf_dosing.csv"))
    assert (band.sachets_per_day, band.sachets_per_week) == (Decimal(per_day), per_week)


def test_rutf_dose_refused_below_the_table() -> None:
    with pytest.raises(DomainError, match="3,5 kg"):
        rutf_dose(3.4, load_rutf_dosing(NUTRITION / "rutf_dosing.csv"))


def test_caseload_worked_example() -> None:
    """N=10,501, P=0.087, K=2.6, C=0.46 → 1,093 children a year, 1,093 cartons of RUTF."""
    assert incidence_correction(12) == Decimal("2.6")
    caseload = sam_caseload(10_501, Decimal("0.087"), Decimal("0.46"))
    assert caseload == 1093
    assert sam_caseload(10_501, 0.087, 0.46, correction=incidence_correction(12)) == 1093
    need = rutf_need(caseload)
    assert (need.sachets, need.cartons) == (163_950, 1093)


def test_rutf_cartons_are_rounded_up() -> None:
    need = rutf_need(3, NutritionSettings(rutf_sachets_per_child=136))
    assert (need.sachets, need.cartons) == (408, 3)
