"""`python main.py forecast backtest|predict FILE`: forecasts from monthly LMIS report files,
without a database."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from core.errors import DomainError


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"« {text} » n'est pas un nombre entier (exemple : 3)"
        ) from None
    if value < 1 or value > 60:
        raise argparse.ArgumentTypeError(f"« {text} » : donnez un nombre de 1 à 60")
    return value


def register(
    sub: Any, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser
) -> argparse.ArgumentParser:
    """Add the `forecast` command to the subparsers `sub` of the main parser."""
    forecast = sub.add_parser(
        "forecast",
        parents=[common],
        help="prévoir la consommation à partir de rapports LMIS mensuels (sans base)",
    )
    actions = forecast.add_subparsers(dest="forecast_command", metavar="ACTION", required=True)
    backtest = actions.add_parser(
        "backtest",
        parents=[common, as_json],
        help="évaluer les méthodes de prévision sur des origines glissantes",
        description="Colonnes du fichier : year, month, site_code, product_code, stock_initial, "
        "stock_received, stock_distributed, stock_adjustment, stock_end (et region, district, "
        "average_monthly_consumption, stock_stockout_days, stock_ordered).",
    )
    backtest.add_argument("file", metavar="FICHIER", help="rapports mensuels .csv ou .xlsx")
    backtest.add_argument("--horizon", type=_positive_int, default=3, help="mois (défaut : 3)")
    backtest.add_argument(
        "--origins", type=_positive_int, default=6, help="origines de prévision (défaut : 6)"
    )
    predict = actions.add_parser(
        "predict",
        parents=[common],
        help="prévoir les mois qui suivent le dernier mois du fichier",
    )
    predict.add_argument("file", metavar="FICHIER", help="rapports mensuels .csv ou .xlsx")
    predict.add_argument("--horizon", type=_positive_int, default=3, help="mois (défaut : 3)")
    predict.add_argument(
        "--method",
        default="auto",
        metavar="auto|amc|NOM",
        help="méthode (défaut : auto, choisie par série) : auto, amc, naive, median, mean, "
        "ses, croston, sba, tsb, seasonal, trend, pooled",
    )
    predict.add_argument("-o", "--output", required=True, metavar="SORTIE.csv")
    return forecast


def _load(name: str) -> list[Any] | None:
    from core.forecast.reader import read_lmis_reports
    from core.forecast.series import build_series

    content = read_lmis_reports(Path(name))
    if content.problems:
        print(
            f"Erreur : {content.file} contient {len(content.problems)} problème(s) ; "
            "corrigez-les puis relancez.",
            file=sys.stderr,
        )
        for problem in content.problems[:50]:
            print(f"  - {problem}", file=sys.stderr)
        if len(content.problems) > 50:
            print(f"  … et {len(content.problems) - 50} autre(s).", file=sys.stderr)
        return None
    if content.warnings:
        print(
            f"Attention : {len(content.warnings)} ligne(s) où stock final ≠ stock initial + "
            "reçu + ajustements − distribué (gardées telles quelles) :",
            file=sys.stderr,
        )
        for warning in content.warnings[:20]:
            print(f"  - {warning}", file=sys.stderr)
    return build_series(content.reports)


def _fr(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")


def _backtest(args: argparse.Namespace) -> int:
    from core.forecast.backtest import backtest
    from core.monthly import year_month

    started = time.perf_counter()
    series = _load(args.file)
    if series is None:
        return 2
    result = backtest(series, horizon=args.horizon, origins=args.origins)
    seconds = time.perf_counter() - started
    first, last = (year_month(result.origins[0]), year_month(result.origins[-1]))
    if args.json:
        data = {
            "file": Path(args.file).name,
            "horizon": result.horizon,
            "origins": [f"{y}-{m:02d}" for y, m in map(year_month, result.origins)],
            "series": result.series,
            "series_without_scale": result.series_without_scale,
            "auto_choices": result.auto_choices,
            "methods": [s.to_dict() for s in result.scores],
            "seconds": round(seconds, 3),
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(
        f"Backtest de {Path(args.file).name} : {result.series} séries, horizon "
        f"{result.horizon} mois, {len(result.origins)} origines de {first[1]:02d}/{first[0]} "
        f"à {last[1]:02d}/{last[0]}."
    )
    print(
        f"MASE moyen sur {result.score('amc').series_in_mase} séries ; "
        f"{result.series_without_scale} séries sans échelle (constantes ou sans deux mois "
        "consécutifs avant la première origine) n'y entrent pas. Mois sans rapport : non notés."
    )
    headers = ["Méthode", "MASE", "÷ CMM", "EAM", "Biais", "Précision", "Rappel", "F1", "F1 ÷ CMM"]
    rows = [
        [
            s.method,
            _fr(s.mase),
            _fr(s.ratios.get("mase")),
            _fr(s.mae, 2),
            _fr(s.bias, 2),
            _fr(s.precision),
            _fr(s.recall),
            _fr(s.f1),
            _fr(s.ratios.get("f1")),
        ]
        for s in result.scores
    ]
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    for n, row in enumerate([headers, *rows]):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    choices = ", ".join(f"{name} {count}" for name, count in result.auto_choices.items())
    print(f"Choix de « auto » (séries × origines) : {choices or 'aucun'}.")
    print(
        "Rupture prévue : somme de la prévision sur l'horizon > stock final du mois d'origine "
        f"({result.score('amc').event_cases} cas jugés)."
    )
    print(f"Durée : {_fr(seconds, 1)} s.")
    return 0


def _predict(args: argparse.Namespace) -> int:
    from core.forecast.engine import check_method
    from core.forecast.predict import predict, write_forecast_csv

    check_method(args.method)
    series = _load(args.file)
    if series is None:
        return 2
    lines = predict(series, horizon=args.horizon, method=args.method)
    target = Path(args.output)
    try:
        write_forecast_csv(target, lines)
    except OSError as exc:
        raise DomainError(f"impossible d'écrire {target} ({exc.strerror or exc}).") from None
    print(
        f"Prévisions écrites : {target} ({len(series)} séries × {args.horizon} mois, "
        f"méthode {args.method})."
    )
    return 0


def run_forecast(args: argparse.Namespace) -> int:
    """Run `forecast backtest` or `forecast predict`; French errors give exit code 2."""
    try:
        if args.forecast_command == "backtest":
            return _backtest(args)
        return _predict(args)
    except DomainError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
