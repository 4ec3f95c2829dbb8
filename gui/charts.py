"""Charts built from plain data as matplotlib figures, shown on screens and saved as PNG."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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


def _month_names() -> tuple[str, ...]:
    """Short month names, January first, in the language chosen."""
    return tuple(_tr(str(m)) for m in _MONTHS)


def _label(source: str) -> Any:
    """A field of a labels dataclass: `source` (marked with QT_TRANSLATE_NOOP for lupdate)
    translated when the labels are made, so that they follow the language chosen then."""
    return field(default_factory=lambda: _tr(source))


def group_thousands(value: float) -> str:
    """1234567 → "1 234 567" with narrow no-break spaces, as French writes numbers."""
    return f"{round(value):,}".replace(",", "\u202f")


@dataclass(frozen=True)
class ChartLabels:
    """The words of a stock chart; the defaults are French (translated when a language is set)."""

    stock: str = _label(QT_TRANSLATE_NOOP("Charts", "Stock"))
    minimum: str = _label(QT_TRANSLATE_NOOP("Charts", "Stock minimum"))
    maximum: str = _label(QT_TRANSLATE_NOOP("Charts", "Stock maximum"))
    stockout: str = _label(QT_TRANSLATE_NOOP("Charts", "Rupture de stock"))
    quantity: str = _label(QT_TRANSLATE_NOOP("Charts", "Quantité"))
    empty: str = _label(QT_TRANSLATE_NOOP("Charts", "Aucun mouvement pour ce produit"))
    #: short month names, January first, for the date axis
    months: Sequence[str] = field(default_factory=_month_names)
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


# --- nutrition (PCIMA) charts ------------------------------------------------------------------

UNIT_COLOURS = {"URENAS": "#1f5f99", "URENI": "#7b3294", "URENAM": "#5aae61"}
SAM_COLOUR = "#d62728"
MAM_COLOUR = "#d97700"
DISPENSED_COLOUR = "#1f5f99"
EXPECTED_COLOUR = "#b8b8b8"

if TYPE_CHECKING:
    from matplotlib.figure import FigureBase


@dataclass(frozen=True)
class NutritionChartLabels:
    """The words of the nutrition charts (French, translated when a language is set)."""

    admissions: str = _label(QT_TRANSLATE_NOOP("Charts", "Admissions"))
    sam_share: str = _label(QT_TRANSLATE_NOOP("Charts", "% de MAS parmi les dépistés"))
    mam_share: str = _label(QT_TRANSLATE_NOOP("Charts", "% de MAM parmi les dépistés"))
    share_axis: str = _label(QT_TRANSLATE_NOOP("Charts", "% des enfants dépistés"))
    dispensed: str = _label(
        QT_TRANSLATE_NOOP("Charts", "Sachets d'ATPE distribués (sorties de stock)")
    )
    #: {0}: sachets expected per child
    expected: str = _label(QT_TRANSLATE_NOOP("Charts", "Enfants admis en URENAS × {0} sachets"))
    sachets: str = _label(QT_TRANSLATE_NOOP("Charts", "Sachets"))
    empty: str = _label(QT_TRANSLATE_NOOP("Charts", "Aucune donnée PCIMA sur ces mois"))
    months: Sequence[str] = field(default_factory=_month_names)
    number: Callable[[float], str] = group_thousands


def _month_ticks(axes: Any, months: Sequence[date], names: Sequence[str]) -> None:
    """One tick per month; the year under January and under the first month only."""
    labels = [
        f"{names[m.month - 1]}\n{m.year}" if n == 0 or m.month == 1 else names[m.month - 1]
        for n, m in enumerate(months)
    ]
    axes.set_xticks(range(len(months)), labels)
    axes.set_xlim(-0.6, len(months) - 0.4)


def _fresh(figure: FigureBase | None, size: tuple[float, float]) -> FigureBase:
    from matplotlib.figure import Figure

    if figure is None:
        return Figure(figsize=size, dpi=100, layout="constrained")
    figure.clear()
    return figure


def _empty(axes: Any, text: str) -> None:
    axes.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        fontsize="large",
        color="#555555",
        transform=axes.transAxes,
    )
    axes.set_axis_off()


def nutrition_admissions_chart(
    months: Sequence[date],
    admissions: Mapping[str, Sequence[int]],
    sam_percent: Sequence[float | None],
    mam_percent: Sequence[float | None],
    title: str,
    labels: NutritionChartLabels | None = None,
    *,
    figure: FigureBase | None = None,
) -> FigureBase:
    """Admissions by month stacked by unit (`admissions`: unit name → one count per month),
    with the SAM and MAM shares of screened children (%, None without screening) as lines on a
    second axis. Draws into `figure` (a Figure or SubFigure, cleared) when given."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    labels = labels or NutritionChartLabels()
    figure = _fresh(figure, (10, 3.6))
    axes = figure.add_subplot()
    axes.set_title(title, fontsize="medium", loc="left")
    screened = any(v is not None for v in (*sam_percent, *mam_percent))
    if not months or (not any(sum(v) for v in admissions.values()) and not screened):
        _empty(axes, labels.empty)
        return figure
    xs = list(range(len(months)))
    bottom = [0] * len(months)
    for unit, counts in admissions.items():
        axes.bar(
            xs,
            counts,
            bottom=bottom,
            width=0.65,
            color=UNIT_COLOURS.get(unit, LOT_COLOUR),
            label=unit,
            zorder=2,
        )
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_ylabel(labels.admissions)
    axes.set_ylim(0, max([*bottom, 1]) * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: labels.number(value)))
    axes.grid(True, axis="y", alpha=0.3, zorder=0)
    _month_ticks(axes, months, labels.months)
    if screened:
        share = axes.twinx()
        for values, colour, text, style in (
            (sam_percent, SAM_COLOUR, labels.sam_share, "-"),
            (mam_percent, MAM_COLOUR, labels.mam_share, "--"),
        ):
            share.plot(
                xs,
                [float("nan") if v is None else v for v in values],
                color=colour,
                linestyle=style,
                marker="o",
                markersize=4,
                linewidth=1.8,
                label=text,
            )
        top = max([v for v in (*sam_percent, *mam_percent) if v is not None] + [1.0])
        share.set_ylim(0, top * 1.25)
        share.set_ylabel(labels.share_axis)
        share.yaxis.set_major_formatter(
            FuncFormatter(lambda value, _pos: f"{labels.number(value)}\u00a0%")
        )
    figure.legend(loc="outside lower center", ncols=5, fontsize="small", frameon=False)
    return figure


def rutf_use_chart(
    months: Sequence[date],
    dispensed: Sequence[int],
    children: Sequence[int],
    sachets_per_child: int,
    title: str,
    labels: NutritionChartLabels | None = None,
    *,
    figure: FigureBase | None = None,
) -> FigureBase:
    """RUTF sachets dispensed per month (from the ledger) beside what the children admitted
    that month would need (children × expected sachets per child)."""
    from matplotlib.ticker import FuncFormatter

    labels = labels or NutritionChartLabels()
    figure = _fresh(figure, (10, 3.6))
    axes = figure.add_subplot()
    axes.set_title(title, fontsize="medium", loc="left")
    expected = [c * sachets_per_child for c in children]
    if not months or not any((*dispensed, *expected)):
        _empty(axes, labels.empty)
        return figure
    xs = list(range(len(months)))
    width = 0.38
    axes.bar(
        [x - width / 2 for x in xs],
        dispensed,
        width=width,
        color=DISPENSED_COLOUR,
        label=labels.dispensed,
        zorder=2,
    )
    axes.bar(
        [x + width / 2 for x in xs],
        expected,
        width=width,
        color=EXPECTED_COLOUR,
        edgecolor="#707070",
        hatch="//",
        label=labels.expected.format(labels.number(sachets_per_child)),
        zorder=2,
    )
    axes.set_ylabel(labels.sachets)
    axes.set_ylim(0, max([*dispensed, *expected, 1]) * 1.12)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: labels.number(value)))
    axes.grid(True, axis="y", alpha=0.3, zorder=0)
    _month_ticks(axes, months, labels.months)
    figure.legend(loc="outside lower center", ncols=2, fontsize="small", frameon=False)
    return figure


# --- forecast (stock-out projection) chart -----------------------------------------------------

CONSUMPTION_COLOUR = "#9ecae1"
ADJUSTED_COLOUR = "#fdd0a2"
FORECAST_COLOUR = "#08519c"
EXPIRY_COLOUR = "#8c510a"
DELIVERY_COLOUR = "#2a8a3a"
CASELOAD_COLOUR = "#7b3294"
TODAY_COLOUR = "#505050"


@dataclass(frozen=True)
class ForecastChartData:
    """What the forecast chart shows, as plain data (months are the 1st of the month)."""

    today: date
    #: (month, consumption C, consumption adjusted for stock-out days), oldest first
    history: Sequence[tuple[date, int, int]]
    #: (month, forecast, lower, upper): the forecast and its band
    forecast: Sequence[tuple[date, float, float, float]]
    #: the projected usable stock at the end of each day, from today
    stock: Sequence[tuple[date, float]]
    min_quantity: int = 0
    max_quantity: int = 0
    stockout: date | None = None
    #: lots expiring before they can be used: (expiry, lot, units lost)
    expiries: Sequence[tuple[date, str, int]] = ()
    #: expected deliveries: (date, units)
    deliveries: Sequence[tuple[date, int]] = ()
    #: RUTF: sachets a month by the PCIMA caseload, (month, sachets)
    caseload: Sequence[tuple[date, int]] | None = None


@dataclass(frozen=True)
class ForecastChartLabels:
    """The words of the forecast chart (French, translated when a language is set)."""

    consumption: str = _label(QT_TRANSLATE_NOOP("Charts", "Consommation du mois"))
    adjusted: str = _label(QT_TRANSLATE_NOOP("Charts", "Ajusté pour les jours de rupture"))
    forecast: str = _label(QT_TRANSLATE_NOOP("Charts", "Consommation prévue"))
    band: str = _label(QT_TRANSLATE_NOOP("Charts", "Intervalle de prévision (80 %)"))
    stock: str = _label(QT_TRANSLATE_NOOP("Charts", "Stock utilisable projeté"))
    #: {0}: the quantity
    minimum: str = _label(QT_TRANSLATE_NOOP("Charts", "Stock minimum ({0})"))
    maximum: str = _label(QT_TRANSLATE_NOOP("Charts", "Stock maximum ({0})"))
    #: {0}: the date
    stockout: str = _label(QT_TRANSLATE_NOOP("Charts", "Rupture prévue le {0}"))
    expiry: str = _label(QT_TRANSLATE_NOOP("Charts", "Lot périmé avant usage"))
    delivery: str = _label(QT_TRANSLATE_NOOP("Charts", "Livraison attendue"))
    caseload: str = _label(QT_TRANSLATE_NOOP("Charts", "Besoin selon les cas PCIMA"))
    today: str = _label(QT_TRANSLATE_NOOP("Charts", "aujourd'hui"))
    past: str = _label(QT_TRANSLATE_NOOP("Charts", "Consommation des derniers mois"))
    ahead: str = _label(QT_TRANSLATE_NOOP("Charts", "Prévision et stock projeté"))
    quantity: str = _label(QT_TRANSLATE_NOOP("Charts", "Quantité"))
    #: {0}: the lot
    lot: str = _label(QT_TRANSLATE_NOOP("Charts", "lot {0}"))
    empty: str = _label(
        QT_TRANSLATE_NOOP("Charts", "Aucun historique de consommation pour ce produit")
    )
    months: Sequence[str] = field(default_factory=_month_names)
    number: Callable[[float], str] = group_thousands
    day: Callable[[date], str] = field(default=lambda d: d.strftime("%d/%m/%Y"))


def _mid_month(month: date) -> date:
    return month.replace(day=15)


def _stock_on(stock: Sequence[tuple[date, float]], day: date) -> float:
    """The projected stock at the end of `day` (the last known value before it)."""
    value = stock[0][1] if stock else 0.0
    for when, units in stock:
        if when > day:
            break
        value = units
    return value


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_axis(axes: Any, start: date, end: date, names: Sequence[str], every: int) -> None:
    """A tick on the 1st of every `every` months (January among them when `every` divides
    12); the year under January and under the first tick."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FixedFormatter, FixedLocator

    ticks: list[date] = []
    tick = date(start.year, start.month, 1)
    if tick < start:
        tick = _next_month(tick)
    while tick <= end:
        if (tick.month - 1) % every == 0:
            ticks.append(tick)
        tick = _next_month(tick)
    texts = [
        f"{names[t.month - 1]}\n{t.year}" if n == 0 or t.month == 1 else names[t.month - 1]
        for n, t in enumerate(ticks)
    ]
    axes.xaxis.set_major_locator(FixedLocator([mdates.date2num(t) for t in ticks]))
    axes.xaxis.set_major_formatter(FixedFormatter(texts))
    axes.xaxis.set_minor_locator(mdates.MonthLocator(bymonthday=1))


def forecast_chart(
    data: ForecastChartData,
    title: str,
    labels: ForecastChartLabels | None = None,
    *,
    figure: FigureBase | None = None,
) -> FigureBase:
    """Two panels sharing the quantity axis. Left, the past: monthly consumption (bars; the
    part added for stock-out days hatched). Right, from the current month: the forecast with
    its band, the projected usable stock day by day with the minimum and maximum, the
    projected stock-out, lots expiring unused, expected deliveries and, for RUTF, the
    caseload-driven need. The future gets its own panel so that six months are not squeezed
    beside two years of history."""
    from matplotlib import dates as mdates
    from matplotlib.ticker import FuncFormatter

    labels = labels or ForecastChartLabels()
    figure = _fresh(figure, (10, 4.2))
    if not data.history and not data.forecast:
        axes = figure.add_subplot()
        axes.set_title(title, fontsize="medium", loc="left")
        _empty(axes, labels.empty)
        return figure
    this_month = data.today.replace(day=1)
    if data.history:
        past, future = figure.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [1.25, 1]})
    else:
        past, future = None, figure.add_subplot()
    figure.suptitle(title, fontsize="medium", x=0.01, ha="left")
    tops: list[float] = [1.0]

    if past is not None:
        months = [m for m, _, _ in data.history]
        consumed = [max(c, 0) for _, c, _ in data.history]
        extra = [max(a - max(c, 0), 0) for _, c, a in data.history]
        xs = [_mid_month(m) for m in months]
        past.bar(
            xs, consumed, width=24, color=CONSUMPTION_COLOUR, label=labels.consumption, zorder=2
        )
        added = [(x, e, c) for x, e, c in zip(xs, extra, consumed, strict=True) if e > 0]
        if added:
            past.bar(
                [x for x, _, _ in added],
                [e for _, e, _ in added],
                width=24,
                bottom=[c for _, _, c in added],
                color=ADJUSTED_COLOUR,
                edgecolor=MIN_COLOUR,
                hatch="///",
                linewidth=0.6,
                label=labels.adjusted,
                zorder=2,
            )
        tops += [c + e for c, e in zip(consumed, extra, strict=True)]
        history_end = min(_next_month(months[-1]), this_month)
        past.set_xlim(months[0], max(history_end, _next_month(months[0])))
        _month_axis(past, months[0], history_end, labels.months, 3)
        past.set_title(labels.past, fontsize="small", loc="left")
        past.set_ylabel(labels.quantity)
        past.grid(True, axis="y", alpha=0.3, zorder=0)

    axes = future
    end = max(
        [data.today + timedelta(days=1)]
        + [d for d, _ in data.stock]
        + [_next_month(m) for m, *_ in data.forecast]
    )
    if data.forecast:
        fx = [_mid_month(m) for m, _, _, _ in data.forecast]
        axes.fill_between(
            fx,
            [lo for _, _, lo, _ in data.forecast],
            [hi for _, _, _, hi in data.forecast],
            color=FORECAST_COLOUR,
            alpha=0.15,
            linewidth=0,
            label=labels.band,
            zorder=1,
        )
        axes.plot(
            fx,
            [f for _, f, _, _ in data.forecast],
            color=FORECAST_COLOUR,
            linestyle="--",
            marker="o",
            markersize=4,
            linewidth=1.6,
            label=labels.forecast,
            zorder=4,
        )
        tops += [hi for _, _, _, hi in data.forecast]
    if data.caseload:
        axes.plot(
            [_mid_month(m) for m, _ in data.caseload],
            [s for _, s in data.caseload],
            color=CASELOAD_COLOUR,
            linestyle=":",
            marker="s",
            markersize=4,
            linewidth=1.6,
            label=labels.caseload,
            zorder=4,
        )
        tops += [s for _, s in data.caseload]
    if data.stock:
        sx = [d for d, _ in data.stock]
        sy = [max(v, 0.0) for _, v in data.stock]
        axes.plot(sx, sy, color=STOCK_COLOUR, linewidth=2.2, label=labels.stock, zorder=5)
        tops += sy
    for quantity, colour, style, text in (
        (data.max_quantity, MAX_COLOUR, ":", labels.maximum),
        (data.min_quantity, MIN_COLOUR, "--", labels.minimum),
    ):
        if quantity:
            axes.hlines(
                quantity,
                data.today,
                end,
                colors=colour,
                linestyles=style,
                linewidth=1.6,
                label=text.format(labels.number(quantity)),
                zorder=3,
            )
            tops.append(quantity)
    axes.axvline(data.today, color=TODAY_COLOUR, linestyle="-", linewidth=0.8, zorder=3)
    axes.annotate(
        labels.today,
        (mdates.date2num(data.today), 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-2, -4),
        textcoords="offset points",
        ha="right",
        va="top",
        rotation=90,
        fontsize="small",
        color=TODAY_COLOUR,
    )
    if data.stockout is not None:
        axes.axvline(
            data.stockout,
            color=STOCKOUT_COLOUR,
            linestyle="--",
            linewidth=1.6,
            label=labels.stockout.format(labels.day(data.stockout)),
            zorder=6,
        )
        axes.plot(
            [data.stockout],
            [0],
            marker="v",
            markersize=10,
            color=STOCKOUT_COLOUR,
            clip_on=False,
            zorder=7,
        )
    for number, (expiry, lot, units) in enumerate(data.expiries):
        level = _stock_on(data.stock, expiry - timedelta(days=1))
        axes.plot(
            [expiry],
            [level],
            marker="X",
            markersize=10,
            linestyle="none",
            color=EXPIRY_COLOUR,
            label=labels.expiry if number == 0 else None,
            zorder=7,
        )
        text = f"−{labels.number(units)}" + (f" ({labels.lot.format(lot)})" if lot else "")
        axes.annotate(
            text,
            (mdates.date2num(expiry), level),
            xytext=(7, 5),
            textcoords="offset points",
            fontsize="small",
            fontweight="bold",
            color=EXPIRY_COLOUR,
            zorder=7,
        )
    for number, (when, units) in enumerate(data.deliveries):
        level = _stock_on(data.stock, when)
        axes.plot(
            [when],
            [level],
            marker="^",
            markersize=10,
            linestyle="none",
            color=DELIVERY_COLOUR,
            label=labels.delivery if number == 0 else None,
            zorder=7,
        )
        axes.annotate(
            f"+{labels.number(units)}",
            (mdates.date2num(when), level),
            xytext=(7, 2),
            textcoords="offset points",
            fontsize="small",
            fontweight="bold",
            color=DELIVERY_COLOUR,
            zorder=7,
        )
    axes.set_xlim(this_month, end)
    _month_axis(axes, this_month, end, labels.months, 1)
    axes.set_title(labels.ahead, fontsize="small", loc="left")
    axes.set_ylim(0, max(tops) * 1.15)
    if past is None:
        axes.set_ylabel(labels.quantity)
    else:
        axes.tick_params(axis="y", labelleft=False)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: labels.number(value)))
    axes.grid(True, axis="y", alpha=0.3, zorder=0)
    figure.legend(loc="outside lower center", ncols=4, fontsize="small", frameon=False)
    return figure
