"""The consolidated view of many facilities' requisitions: facility rows, district and region
totals, products across facilities, duplicates, and the consolidated workbook."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from core.consolidation import (
    AreaLevel,
    Consolidation,
    FacilityStockStatus,
    consolidate,
    facility_status,
)
from core.errors import DomainError
from core.exchange.consolidated_workbook import (
    FACILITIES_SHEET,
    HEADER_ROW,
    PRODUCTS_SHEET,
    SUMMARY_SHEET,
    write_consolidated_workbook,
)
from core.monthly import MonthlyStockReport
from core.requisition import Requisition, RequisitionLine, RequisitionStatus

OCTOBER = date(2026, 10, 1)


def line(
    code: str,
    a: int,
    b: int,
    c: int,
    d: int,
    e: int,
    amc: int,
    *,
    usable: int | None = None,
    stockout_days: int = 0,
    requested: int = 0,
    pack_size: int = 1,
    name: str = "",
) -> RequisitionLine:
    return RequisitionLine(
        report=MonthlyStockReport(
            site_code="",
            product_code=code,
            year=2026,
            month=10,
            beginning_balance=a,
            received=b,
            consumed=c,
            adjustments=d,
            stock_on_hand=e,
            stockout_days=stockout_days,
        ),
        product_name=name or code,
        base_unit="sachet" if code == "RUTF" else "unité",
        pack_unit="carton" if code == "RUTF" else "boîte",
        pack_size=pack_size,
        usable_stock=e if usable is None else usable,
        amc=amc,
        max_quantity=amc * 3,
        on_order=0,
        calculated=requested,
        requested=requested,
    )


def requisition(
    code: str,
    name: str,
    region: str,
    district: str,
    lines: tuple[RequisitionLine, ...],
    sequence: int | None,
) -> Requisition:
    return Requisition(
        facility_code=code,
        facility_name=name,
        facility_type="CSCom",
        region=region,
        district=district,
        period=OCTOBER,
        lines=lines,
        status=RequisitionStatus.DRAFT if sequence is None else RequisitionStatus.APPROVED,
        sequence=sequence,
    )


# DOMAIN.md §2 worked example: A=300, B=450, D=−10, E=140, C=600, AMC 567, max 1701,
# order 1701 − 140 = 1561 sachets → 11 cartons of 150 = 1650 sachets; MSD 140/567 = 0.25.
RUTF_WORKED = line("RUTF", 300, 450, 600, -10, 140, 567, requested=1650, pack_size=150)
# 300 in stock for 200 a month: exactly 1.5 months, the minimum, so not below it.
AMOXICILLIN = line("AMOX", 500, 0, 200, 0, 300, 200, requested=300, pack_size=100)
KATI_CENTRE = requisition(
    "CS-KAT-01", "Kati Centre", "Koulikoro", "Kati", (RUTF_WORKED, AMOXICILLIN), 7
)

# Out of ACT since the 19th: E = 0, 12 stock-out days. Paracetamol is not consumed (AMC 0).
ACT_OUT = line("ACT", 100, 0, 100, 0, 0, 90, stockout_days=12, requested=270)
PARACETAMOL = line("PARA", 1000, 0, 0, 0, 1000, 0)
KATI_NORD = requisition(
    "CS-KAT-02", "=1+1 Kati Nord", "Koulikoro", "Kati", (ACT_OUT, PARACETAMOL), 5
)
# An older R&R of the same facility and month, without the stock-out: it must be set aside.
KATI_NORD_OLD = requisition(
    "CS-KAT-02",
    "=1+1 Kati Nord",
    "Koulikoro",
    "Kati",
    (line("ACT", 100, 0, 40, 0, 60, 90, requested=210), PARACETAMOL),
    3,
)

# 700 sachets for 200 a month: 3.5 months, above the maximum of 3. F-75: neither stocked nor used.
SAN_EST = requisition(
    "CS-SAN-01",
    "San Est",
    "Ségou",
    "San",
    (line("RUTF", 900, 0, 200, 0, 700, 200, pack_size=150), line("F75", 0, 0, 0, 0, 0, 0)),
    2,
)
# A draft from Sikasso: RUTF out the whole month, so no consumption and an AMC of 0.
KOUTIALA = requisition(
    "CS-KOU-01",
    "Koutiala Sud",
    "Sikasso",
    "Koutiala",
    (line("RUTF", 0, 0, 0, 0, 0, 0, stockout_days=30, requested=300, pack_size=150),),
    None,
)


@pytest.fixture
def consolidation() -> Consolidation:
    # Given out of order, the older Kati Nord R&R after the newer one.
    return consolidate([SAN_EST, KATI_NORD, KOUTIALA, KATI_NORD_OLD, KATI_CENTRE])


def test_the_worked_example_facility_is_below_its_emergency_order_point() -> None:
    row = facility_status(KATI_CENTRE)
    assert row.status is FacilityStockStatus.BELOW_MIN
    assert row.status_label_fr == "sous le minimum"
    assert (row.stocked_out, row.below_min, row.below_eop, row.overstocked) == (0, 1, 1, 0)
    assert row.rutf is not None
    assert (row.rutf.usable_stock, row.rutf.amc) == (140, 567)
    assert row.rutf.months_of_stock == pytest.approx(Decimal("0.247"), abs=Decimal("0.001"))
    assert (row.rutf.requested, row.rutf.requested_packs) == (1650, 11)
    # Median of 0.247 and 1.5 months.
    assert row.median_months_of_stock == pytest.approx(Decimal("0.8735"), abs=Decimal("0.0001"))
    assert (row.sequence, row.approved, row.products) == (7, True, 2)


def test_a_stock_out_at_the_end_of_the_month_puts_the_facility_in_rupture() -> None:
    row = facility_status(KATI_NORD)
    assert row.status is FacilityStockStatus.STOCKED_OUT
    assert row.status_label_fr == "rupture"
    assert row.stocked_out == 1
    assert row.stocked_out_products == ("ACT",)
    assert (row.with_stockout_days, row.stockout_days) == (1, 12)
    # ACT at 0 months is also below the minimum and the emergency point; paracetamol has no
    # AMC, hence no months of stock: it is in no count and not in the median.
    assert (row.below_min, row.below_eop) == (1, 1)
    assert row.median_months_of_stock == 0
    assert row.rutf is None


def test_without_consumption_there_are_no_months_of_stock_never_infinity() -> None:
    row = facility_status(
        requisition("CS-X", "X", "R", "D", (PARACETAMOL, line("F75", 0, 0, 0, 0, 0, 0)), 1)
    )
    assert row.median_months_of_stock is None
    assert (row.stocked_out, row.below_min, row.below_eop, row.overstocked) == (0, 0, 0, 0)
    assert row.status is FacilityStockStatus.OK
    rutf = facility_status(KOUTIALA).rutf
    assert rutf is not None
    assert rutf.months_of_stock is None


def test_a_product_out_all_month_is_a_rupture_even_with_an_amc_of_zero() -> None:
    row = facility_status(KOUTIALA)
    assert row.stocked_out_products == ("RUTF",)
    assert row.status is FacilityStockStatus.STOCKED_OUT
    assert (row.stockout_days, row.approved, row.sequence) == (30, False, None)


def test_overstock_is_above_the_maximum() -> None:
    row = facility_status(SAN_EST)
    assert (row.overstocked, row.below_min, row.stocked_out) == (1, 0, 0)
    assert row.status is FacilityStockStatus.OK
    assert row.median_months_of_stock == Decimal("3.5")


def test_the_minimum_and_emergency_point_are_settings() -> None:
    # With a minimum of 2 months, amoxicillin's 1.5 months is below it; with an emergency
    # point of 0.2, the RUTF's 0.25 months is not below that one.
    row = facility_status(KATI_CENTRE, min_months=Decimal(2), eop_months=Decimal("0.2"))
    assert (row.below_min, row.below_eop) == (2, 0)
    with pytest.raises(DomainError, match="point de commande d'urgence"):
        consolidate([KATI_CENTRE], min_months=Decimal(1), eop_months=Decimal(2))


def test_the_highest_sequence_of_a_facility_and_month_is_kept(
    consolidation: Consolidation,
) -> None:
    kati_nord = [r for r in consolidation.facilities if r.facility_code == "CS-KAT-02"]
    assert len(kati_nord) == 1
    assert kati_nord[0].sequence == 5
    assert kati_nord[0].stocked_out == 1
    note = next(n for n in consolidation.notes if n.startswith("CS-KAT-02"))
    assert "la n° 5" in note and "la n° 3" in note


def test_the_same_requisition_twice_is_counted_once() -> None:
    result = consolidate([KATI_CENTRE, KATI_CENTRE])
    assert len(result.facilities) == 1
    assert result.total.rutf_requested == 1650
    assert "figure 2 fois" in result.notes[0]


def test_drafts_are_counted_and_named_in_the_notes(consolidation: Consolidation) -> None:
    assert any(r.facility_code == "CS-KOU-01" for r in consolidation.facilities)
    assert any("CS-KOU-01" in n and "brouillon" in n for n in consolidation.notes)


def test_rows_are_sorted_region_district_facility(consolidation: Consolidation) -> None:
    assert [r.facility_code for r in consolidation.facilities] == [
        "CS-KAT-01",
        "CS-KAT-02",
        "CS-SAN-01",
        "CS-KOU-01",  # Ségou before Sikasso, whatever the accent
    ]
    assert [(r.region, r.district, r.level) for r in consolidation.summary_rows()] == [
        ("Koulikoro", "Kati", AreaLevel.DISTRICT),
        ("Koulikoro", "", AreaLevel.REGION),
        ("Ségou", "San", AreaLevel.DISTRICT),
        ("Ségou", "", AreaLevel.REGION),
        ("Sikasso", "Koutiala", AreaLevel.DISTRICT),
        ("Sikasso", "", AreaLevel.REGION),
        ("", "", AreaLevel.TOTAL),
    ]


def test_district_region_and_grand_totals(consolidation: Consolidation) -> None:
    kati = consolidation.districts[0]
    assert (kati.facilities, kati.facilities_stocked_out, kati.facilities_below_min) == (2, 1, 1)
    assert (kati.products, kati.stocked_out, kati.stockout_days) == (4, 1, 12)
    assert (kati.below_min, kati.below_eop, kati.overstocked) == (2, 2, 0)
    assert (kati.rutf_facilities, kati.rutf_requested, kati.rutf_requested_packs) == (1, 1650, 11)
    assert consolidation.regions[0].stocked_out == kati.stocked_out  # one district
    total = consolidation.total
    assert total.facilities == 4
    assert total.facilities_stocked_out == 2  # Kati Nord, Koutiala
    assert total.stockout_days == 12 + 30
    # RUTF: 140 + 700 + 0 sachets in stock for 567 + 200 + 0 a month.
    assert (total.rutf_usable_stock, total.rutf_amc) == (840, 767)
    assert total.rutf_months_of_stock == Decimal(840) / Decimal(767)
    assert (total.rutf_requested, total.rutf_requested_packs) == (1650 + 0 + 300, 11 + 0 + 2)
    for field in ("products", "stocked_out", "below_min", "below_eop", "overstocked"):
        assert getattr(total, field) == sum(getattr(r, field) for r in consolidation.facilities)
        assert getattr(total, field) == sum(getattr(r, field) for r in consolidation.regions)


def test_products_across_facilities(consolidation: Consolidation) -> None:
    products = {p.product_code: p for p in consolidation.products}
    assert list(products) == ["ACT", "AMOX", "F75", "PARA", "RUTF"]
    rutf = products["RUTF"]
    assert (rutf.facilities, rutf.facilities_stocked_out) == (3, 1)
    assert (rutf.usable_stock, rutf.amc) == (840, 767)
    assert (rutf.requested, rutf.requested_packs) == (1950, 13)
    # No depot's own requisition with its facilities' quantities here: all goes up.
    assert (rutf.requested_above, rutf.requested_above_packs) == (1950, 13)
    act = products["ACT"]  # the kept Kati Nord R&R only, not the older one
    assert (act.facilities, act.facilities_stocked_out, act.requested) == (1, 1, 270)
    assert products["F75"].months_of_stock is None


def test_nothing_to_consolidate_gives_an_empty_total() -> None:
    result = consolidate([])
    assert result.facilities == ()
    assert result.total.facilities == 0
    assert result.total.rutf_months_of_stock is None


# --- the workbook -------------------------------------------------------------------------------


def _table(sheet: object) -> tuple[list[str], list[tuple[object, ...]]]:
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))  # type: ignore[attr-defined]
    header = [str(x) for x in rows[0]]
    body = []
    for row in rows[1:]:
        if row[0] is None:
            break
        body.append(row)
    return header, body


def test_workbook_totals_equal_the_sum_of_facility_rows(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    path = write_consolidated_workbook(consolidation, tmp_path / "synthese.xlsx", "Cercle de Kati")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [SUMMARY_SHEET, FACILITIES_SHEET, PRODUCTS_SHEET]
    summary_header, summary = _table(workbook[SUMMARY_SHEET])
    facilities_header, facilities = _table(workbook[FACILITIES_SHEET])
    assert len(facilities) == 4
    grand_total = summary[-1]
    assert grand_total[0] == "Total général"
    for heading in (
        "Produits en rupture en fin de mois",
        "Jours de rupture (total)",
        "Produits sous le minimum",
        "Produits sous le point de commande d'urgence",
        "ATPE demandé (sachets)",
        "ATPE demandé (cartons)",
    ):
        in_total = grand_total[summary_header.index(heading)]
        column = facilities_header.index(heading)
        assert isinstance(in_total, int)
        assert in_total == sum(r[column] or 0 for r in facilities), heading
    assert grand_total[summary_header.index("ATPE demandé (sachets)")] == 1950
    # Region subtotals are bold, district rows are not.
    sheet = workbook[SUMMARY_SHEET]
    assert sheet.cell(HEADER_ROW + 1, 2).value == "Kati"
    assert not sheet.cell(HEADER_ROW + 1, 3).font.b
    assert sheet.cell(HEADER_ROW + 2, 1).value == "Total Koulikoro"
    assert sheet.cell(HEADER_ROW + 2, 3).font.b
    assert sheet.cell(HEADER_ROW + 2, 3).value == 2


def test_workbook_facility_rows_text_numbers_and_layout(
    consolidation: Consolidation, tmp_path: Path
) -> None:
    path = write_consolidated_workbook(consolidation, tmp_path / "synthese.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[FACILITIES_SHEET]
    header, rows = _table(sheet)
    kati_centre, kati_nord = rows[0], rows[1]
    # A name starting with "=" stays text, never a formula.
    name = sheet.cell(HEADER_ROW + 2, header.index("Établissement") + 1)
    assert name.value == "=1+1 Kati Nord"
    assert name.data_type == "s"
    assert kati_nord[header.index("Statut du stock")] == "rupture"
    assert kati_nord[header.index("Codes des produits en rupture")] == "ACT"
    assert kati_nord[header.index("ATPE : SDU (sachets)")] is None  # no RUTF line
    assert kati_centre[header.index("Statut du stock")] == "sous le minimum"
    mos = sheet.cell(HEADER_ROW + 1, header.index("ATPE : MSD (mois)") + 1)
    assert mos.value == pytest.approx(140 / 567)
    assert mos.number_format == "0.0"
    assert kati_centre[header.index("ATPE demandé (cartons)")] == 11
    assert kati_centre[header.index("N° R&R")] == 7
    assert rows[3][header.index("N° R&R")] == "brouillon"
    assert rows[3][header.index("ATPE : MSD (mois)")] == "–"  # AMC 0: a dash, not infinity
    assert kati_centre[header.index("Période")].date() == OCTOBER
    for current in workbook.worksheets:
        assert current.freeze_panes is not None and current.freeze_panes.endswith(
            str(HEADER_ROW + 1)
        )
        assert current.auto_filter.ref.startswith(f"A{HEADER_ROW}:")
        assert current.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert current.page_setup.orientation == "landscape"
        assert current.page_setup.fitToWidth == 1
    products_header, products = _table(workbook[PRODUCTS_SHEET])
    rutf = next(p for p in products if p[0] == "RUTF")
    assert rutf[products_header.index("Quantité demandée (cond.)")] == 13
    assert rutf[products_header.index("Conditionnement")] == "carton de 150"


def test_a_depot_requisition_with_its_facilities_counts_them_once_in_what_goes_up(
    tmp_path: Path,
) -> None:
    from dataclasses import replace as _replace

    from core.consolidation import consolidate as _consolidate
    from core.monthly import MonthlyStockReport
    from core.requisition import Requisition, RequisitionLine, RequisitionStatus

    def line(code: str, site: str, downstream: int = 0) -> RequisitionLine:
        return RequisitionLine(
            report=MonthlyStockReport(site, code, 2026, 10, 100, 0, 50, 0, 50, 0),
            product_name=code,
            base_unit="sachet",
            pack_unit="carton",
            pack_size=150,
            usable_stock=50,
            amc=50,
            max_quantity=150,
            on_order=0,
            calculated=150 + downstream,
            requested=150 + downstream,
            downstream=downstream,
        )

    def req(code: str, supplier: str, downstream: int = 0) -> Requisition:
        return Requisition(
            facility_code=code,
            facility_name=code,
            facility_type="CSRef" if downstream else "CSCom",
            region="Mopti",
            district="Mopti",
            period=date(2026, 10, 1),
            lines=(line("RUTF", code, downstream),),
            status=RequisitionStatus.APPROVED,
            sequence=1,
            supplier_code=supplier,
        )

    cscom = req("CSCOM-A", "CSREF-M")
    alone = _consolidate([cscom, _replace(req("CSREF-M", ""), facility_type="CSRef")])
    assert not any("deux fois" in note for note in alone.notes)
    (rutf,) = alone.products
    assert (rutf.requested, rutf.requested_above) == (300, 300)  # two requests, both go up
    # The CSRéf's own R&R adds the 150 sachets approved for CSCOM-A (downstream): the level
    # above is asked for the CSRéf's 300 only, while the rows still show both requests.
    both = _consolidate([cscom, req("CSREF-M", "", downstream=150)])
    (note,) = [n for n in both.notes if "deux fois" in n]
    assert "CSREF-M" in note and "CSCOM-A" in note and "niveau supérieur" in note
    (rutf,) = both.products
    assert (rutf.requested, rutf.requested_packs) == (450, 3)
    assert (rutf.requested_above, rutf.requested_above_packs) == (300, 2)
    assert both.total.rutf_requested == 450  # area totals stay the sum of the rows shown
    workbook = openpyxl.load_workbook(write_consolidated_workbook(both, tmp_path / "c.xlsx"))
    header, rows = _table(workbook[PRODUCTS_SHEET])
    (row,) = rows
    assert row[header.index("Quantité demandée (unités)")] == 450
    assert row[header.index("À commander au niveau supérieur (unités)")] == 300
    assert row[header.index("À commander au niveau supérieur (cond.)")] == 2
