"""`forecast backtest` and `forecast predict` through cli.forecast (no database), on a slice
of the real LMIS data and on broken files."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from cli.forecast import register, run_forecast

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "lmis_dev.csv"


def parse(*argv: str) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"), common, as_json)
    return parser.parse_args(["forecast", *argv])


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten sites of the real data (all their products and months)."""
    if not DATA.is_file():
        pytest.skip("shared/data/lmis_dev.csv is not beside the repository")
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    sites = sorted({r[4] for r in rows[1:]})[:10]
    path = tmp_path_factory.mktemp("lmis") / "dix_sites.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *(r for r in rows[1:] if r[4] in sites)])
    return path


def test_backtest_json_has_every_method_with_ratios_to_amc(sample: Path, capsys) -> None:
    assert run_forecast(parse("backtest", str(sample), "--json")) == 0
    data = json.loads(capsys.readouterr().out)
    names = [m["method"] for m in data["methods"]]
    assert names[0] == "amc" and "auto" in names and "median" in names and "pooled" in names
    assert data["origins"] == ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"]
    assert data["seconds"] > 0
    amc = data["methods"][0]
    assert amc["mase_ratio_to_amc"] == 1.0
    for method in data["methods"]:
        for key in ("mase", "mae", "bias", "precision", "recall", "f1", "mase_ratio_to_amc"):
            assert key in method
        assert method["mase_ratio_to_amc"] == pytest.approx(method["mase"] / amc["mase"])


def test_backtest_table_in_french(sample: Path, capsys) -> None:
    assert run_forecast(parse("backtest", str(sample), "--horizon", "2", "--origins", "3")) == 0
    out = capsys.readouterr().out
    assert "horizon 2 mois, 3 origines de 05/2019 à 07/2019" in out
    assert "Durée :" in out and "auto" in out


def test_predict_writes_every_series(sample: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "prevision.csv"
    assert run_forecast(parse("predict", str(sample), "--horizon", "6", "-o", str(out))) == 0
    assert "Prévisions écrites" in capsys.readouterr().out
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with sample.open(encoding="utf-8") as handle:
        series = {(r["site_code"], r["product_code"]) for r in csv.DictReader(handle)}
    assert {(r["site_code"], r["product_code"]) for r in rows} == series
    assert len(rows) == 6 * len(series)
    assert {(r["year"], r["month"]) for r in rows} == {
        ("2019", "10"),
        ("2019", "11"),
        ("2019", "12"),
        ("2020", "1"),
        ("2020", "2"),
        ("2020", "3"),
    }


def test_bad_file_prints_the_problems_and_returns_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "faux.csv"
    bad.write_text("year,month,site_code\n2019,1,S1\n", encoding="utf-8")
    assert run_forecast(parse("backtest", str(bad))) == 2
    err = capsys.readouterr().err
    assert "Erreur : faux.csv contient 1 problème(s)" in err
    assert "colonne(s) manquante(s)" in err


def test_unknown_method_and_too_few_months(sample: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.csv"
    assert run_forecast(parse("predict", str(sample), "--method", "magic", "-o", str(out))) == 2
    assert "méthode « magic » inconnue" in capsys.readouterr().err
    assert run_forecast(parse("backtest", str(sample), "--origins", "60")) == 2
    assert "pas assez de mois" in capsys.readouterr().err
