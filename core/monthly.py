"""One line of a monthly stock report (LMIS / R&R): the record imports, forecasts and
requisitions share."""

from __future__ import annotations

from dataclasses import dataclass

from core.consumption import adjusted_consumption


def month_index(year: int, month: int) -> int:
    """Months since year 0: consecutive calendar months have consecutive indexes."""
    return year * 12 + month - 1


def year_month(index: int) -> tuple[int, int]:
    """The (year, month) of a month index."""
    year, month0 = divmod(index, 12)
    return year, month0 + 1


@dataclass(frozen=True, slots=True)
class MonthlyStockReport:
    """A facility's report for one product and one month (letters of DOMAIN.md §2).

    Quantities are whole base units. `adjustments` (D) is signed: credit +, debit −."""

    site_code: str
    product_code: str
    year: int
    month: int
    beginning_balance: int  # A
    received: int  # B
    consumed: int  # C
    adjustments: int  # D
    stock_on_hand: int  # E
    stockout_days: int = 0  # X
    reported_amc: int | None = None
    ordered: int | None = None
    region: str = ""
    district: str = ""

    @property
    def period(self) -> int:
        """The month index of the report (see `month_index`)."""
        return month_index(self.year, self.month)

    @property
    def adjusted_consumption(self) -> int:
        """C normalised for stock-out days: ceil(C × 30 / (30 − X)). A negative C (a month
        derived from a ledger where returns outweigh dispensing) counts as 0, as in
        core.stock.month_summaries."""
        return adjusted_consumption(max(self.consumed, 0), self.stockout_days)

    @property
    def expected_stock_on_hand(self) -> int:
        """A + B + D − C: what E should be."""
        return self.beginning_balance + self.received + self.adjustments - self.consumed

    @property
    def identity_holds(self) -> bool:
        """E = A + B + D − C."""
        return self.stock_on_hand == self.expected_stock_on_hand
