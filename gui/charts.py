"""Charts built from plain data as matplotlib figures, shown on screens and saved as PNG."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:  # matplotlib is imported where first needed: it costs half a second
    from matplotlib.figure import Figure

STOCK_COLOUR = "#1f5f99"
LOT_COLOUR = "#7a7a7a"
MIN_COLOUR = "#d97700"
MAX_COLOUR = "#2a8a3a"
STOCKOUT_COLOUR = "#d62728"

# Short month names for the date axis, January first (translated when a language is set).
_MONTHS = (
    QT_TRANSLATE_NOOP("Charts", "janv."),
    QT_TRANSLATE_NOOP("Charts", "févr."),
    QT_TRANSLATE_NOOP("Charts", "mars"),
    QT_TRANSLATE_NOOP("Charts", "avr."),
    QT_TRANSLATE_NOOP("Charts", "mai"),
    QT_TRANSLATE_NOOP("Charts", "juin"),
    QT_TRANSLATE_NOOP("Charts", "juil."),
    QT_TRANSLATE_NOOP("Charts", "août"),
    QT_TRANSLATE_NOOP("Charts", "sept."),
    QT_TRANSLATE_NOOP("Charts", "oct."),
    QT_TRANSLATE_NOOP("Charts", "nov."),
    QT_TRANSLATE_NOOP("Charts", "déc."),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Charts", text)


def group_thousands(value: float) -> str:
    """1234567 → "1 234 567" with narrow no-break spaces, as French writes numbers."""
    return f"{round(value):,}".replace(",", "\u202f")


@dataclass(frozen=True)
class ChartLabels:
    """The words of a stock chart; the defaults are French (translated when a language is set)."""

    stock: str = field(default_factory=lambda: QCoreApplication.translate("Charts", "Stock"))
    minimum: str = field(
        default_factory=lambda: QCoreApplication.translate("Charts", "Stock minimum")
    )
    maximum: str = field(
        default_factory=lambda: QCoreApplication.translate("Charts", "Stock maximum")
    )
    stockout: str = field(
        default_factory=lambda: QCoreApplication.translate("Charts", "Rupture de stock")
    )
    quantity: str = field(default_factory=lambda: QCoreApplication.translate("Charts", "Quantité"))
    empty: str = field(
        default_factory=lambda: QCoreApplication.translate(
            "Charts", "Aucun mouvement pour ce produit"
        )
    )
    #: short month names, January first, for the date axis
    months: Sequence[str] = field(default_factory=lambda: tuple(_tr(str(m)) for m in _MONTHS))
    #: how numbers are written on the quantity axis and in the legend
    number: Callable[[float], str] = group_thousands


@dataclass(frozen=True)
class Series:
    """A second line drawn under the stock line, e.g. the balance of one lot."""

    label: str
    dates: Sequence[date]
    values: Sequence[int]


def stockout_spans(
    dates: Sequence[date], values: Sequence[int], until: date
) -> list[tuple[date, date]]:
    """The periods (start, end) during which a step series stayed at zero or below."""
    spans: list[tuple[date, date]] = []
    start: date | None = None
    for day, value in zip(dates, values, strict=True):
        if value <= 0 and start is None:
            start = day
        elif value > 0 and start is not None:
            spans.append((start, day))
            start = None
    if start is not None:
        spans.append((start, max(until, start + timedelta(days=1))))
    return spans


def stock_chart(
    dates: Sequence[date],
    balances: Sequence[int],
    min_quantity: int | None,
    max_quantity: int | None,
    title: str,
    labels: ChartLabels | None = None,
    *,
    until: date | None = None,
    lot: Series | None = None,
    figure: Figure | None = None,
) -> Figure:
    """Stock on hand as a step line, with the minimum and maximum stock as horizontal lines and
    stock-outs shaded. `dates`/`balances` are end-of-day balances (ascending dates); the line is
    drawn on to `until` (today). Draws into `figure` (cleared) when given, else a new one."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    labels = labels or ChartLabels()
    if figure is None:
        figure = Figure(figsize=(10, 4), dpi=100, layout="constrained")
    else:
        figure.clear()
    axes = figure.add_subplot()
    axes.set_title(title, fontsize="medium", loc="left")
    if not dates:
        axes.text(
            0.5,
            0.5,
            labels.empty,
            ha="center",
            va="center",
            fontsize="large",
            color="#555555",
            transform=axes.transAxes,
        )
        axes.set_axis_off()
        return figure
    end = max(until or dates[-1], dates[-1])
    xs = [*dates, end]
    ys = [*balances, balances[-1]]
    axes.step(xs, ys, where="post", color=STOCK_COLOUR, linewidth=1.6, label=labels.stock)
    if lot is not None and lot.dates:
        axes.step(
            [*lot.dates, end],
            [*lot.values, lot.values[-1]],
            where="post",
            color=LOT_COLOUR,
            linewidth=1.0,
            linestyle="-.",
            label=lot.label,
        )
    for number, (start, stop) in enumerate(stockout_spans(xs, ys, end)):
        axes.axvspan(
            start,
            stop,
            facecolor=STOCKOUT_COLOUR,
            alpha=0.18,
            hatch="///",
            edgecolor=STOCKOUT_COLOUR,
            linewidth=0,
            label=labels.stockout if number == 0 else None,
        )
    if max_quantity:
        axes.axhline(
            max_quantity,
            color=MAX_COLOUR,
            linestyle=":",
            linewidth=1.6,
            label=f"{labels.maximum} ({labels.number(max_quantity)})",
        )
    if min_quantity:
        axes.axhline(
            min_quantity,
            color=MIN_COLOUR,
            linestyle="--",
            linewidth=1.4,
            label=f"{labels.minimum} ({labels.number(min_quantity)})",
        )
    axes.set_ylim(bottom=0, top=max([*ys, max_quantity or 0, min_quantity or 0, 1]) * 1.08)
    axes.set_xlim(xs[0], end if end > xs[0] else xs[0] + timedelta(days=1))
    axes.set_ylabel(labels.quantity)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: labels.number(value)))
    _date_axis(axes, xs[0], end, labels.months)
    axes.grid(True, alpha=0.3)
    # Below the plot, not over the line it explains.
    figure.legend(loc="outside lower center", ncols=5, fontsize="small", frameon=False)
    return figure


def _date_axis(axes: Any, start: date, end: date, months: Sequence[str]) -> None:
    """French dates whatever the system locale: month names for long spans, dd/mm/yyyy else."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    span = (end - start).days
    if span <= 62:
        axes.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
        axes.xaxis.set_major_formatter(
            FuncFormatter(lambda x, _pos: mdates.num2date(x).strftime("%d/%m/%Y"))
        )
        return
    step = 1 if span <= 200 else 2 if span <= 400 else 3 if span <= 800 else 6
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonthday=1, interval=step))

    def month_label(x: float, _pos: int) -> str:
        day = mdates.num2date(x)
        return f"{months[day.month - 1]} {day.year}"

    axes.xaxis.set_major_formatter(FuncFormatter(month_label))


def save_png(figure: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Write a figure as a PNG file (for reports) and return its path."""
    target = Path(path)
    if target.suffix.lower() != ".png":
        target = target.with_name(target.name + ".png")
    figure.savefig(target, dpi=dpi, format="png", facecolor="white")
    return target
