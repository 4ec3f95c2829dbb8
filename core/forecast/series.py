"""Monthly series per site and product, built from monthly reports: a month without a report is
missing (None), never a zero month."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.monthly import MonthlyStockReport, year_month


@dataclass(frozen=True, slots=True)
class MonthlySeries:
    """One site's monthly history of one product, a slot per calendar month from `start`.

    `consumed` is C as reported (what is forecast and scored); `adjusted` is C normalised for
    stock-out days (DOMAIN.md §2), the input of the forecasting methods."""

    site_code: str
    product_code: str
    start: int
    consumed: tuple[int | None, ...]
    adjusted: tuple[int | None, ...]
    stock_on_hand: tuple[int | None, ...]
    ordered: tuple[int | None, ...]
    received: tuple[int | None, ...] = ()
    stockout_days: tuple[int | None, ...] = ()
    reported_amc: tuple[int | None, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.site_code, self.product_code

    @property
    def end(self) -> int:
        """Month index of the last report."""
        return self.start + len(self.consumed) - 1

    @property
    def reported_months(self) -> int:
        return sum(1 for v in self.consumed if v is not None)

    def value_at(self, values: Sequence[int | None], period: int) -> int | None:
        """values[period] for one of this series' per-month tuples; None outside the series."""
        offset = period - self.start
        if 0 <= offset < len(values):
            return values[offset]
        return None

    def last_month(self) -> tuple[int, int]:
        return year_month(self.end)


def build_series(reports: Iterable[MonthlyStockReport]) -> list[MonthlySeries]:
    """One series per (site, product), sorted by site then product."""
    grouped: dict[tuple[str, str], dict[int, MonthlyStockReport]] = defaultdict(dict)
    for report in reports:
        grouped[(report.site_code, report.product_code)][report.period] = report
    result: list[MonthlySeries] = []
    for (site, product), by_month in sorted(grouped.items()):
        start = min(by_month)
        end = max(by_month)
        months = [by_month.get(p) for p in range(start, end + 1)]
        result.append(
            MonthlySeries(
                site_code=site,
                product_code=product,
                start=start,
                consumed=tuple(None if r is None else r.consumed for r in months),
                adjusted=tuple(None if r is None else r.adjusted_consumption for r in months),
                stock_on_hand=tuple(None if r is None else r.stock_on_hand for r in months),
                ordered=tuple(None if r is None else r.ordered for r in months),
                received=tuple(None if r is None else r.received for r in months),
                stockout_days=tuple(None if r is None else r.stockout_days for r in months),
                reported_amc=tuple(None if r is None else r.reported_amc for r in months),
            )
        )
    return result
