"""The command line, as an NGO officer's script would drive it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from tests.conftest import REPO_ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def add_two_facilities(capsys, db: str) -> None:
    assert (
        run(
            capsys,
            "--db",
            db,
            "facility",
            "add",
            "--code",
            "CSREF-MOP",
            "--name",
            "CSRéf Mopti",
            "--type",
            "CSRef",
            "--region",
            "Mopti",
            "--district",
            "Mopti",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            "facility",
            "add",
            "--db",
            db,
            "--code",
            "CSCOM-SEV",
            "--name",
            "CSCom Sévaré",
            "--type",
            "cscom",
            "--region",
            "mopti",
            "--district",
            "Mopti",
            "--supplier",
            "CSREF-MOP",
        )[0]
        == 0
    )


def test_facilities_set_up_from_a_script_are_listed_as_json(capsys, db) -> None:
    add_two_facilities(capsys, db)
    code, out, _ = run(capsys, "--db", db, "facilities", "--json")
    assert code == 0
    by_code = {f["code"]: f for f in json.loads(out)}
    assert by_code["CSCOM-SEV"] == {
        "code": "CSCOM-SEV",
        "name": "CSCom Sévaré",
        "type": "CSCom",
        "region": "Mopti",
        "district": "Mopti",
        "supplier": "CSREF-MOP",
    }
    assert by_code["CSREF-MOP"]["supplier"] is None


def test_bad_facility_input_is_refused_with_what_is_expected(capsys, db) -> None:
    code, _, err = run(
        capsys,
        "--db",
        db,
        "facility",
        "add",
        "--code",
        "X1",
        "--name",
        "X",
        "--type",
        "clinic",
        "--region",
        "Mopti",
        "--district",
        "Mopti",
    )
    assert code == 2 and "Types possibles" in err
    code, _, err = run(
        capsys,
        "--db",
        db,
        "facility",
        "add",
        "--code",
        "X1",
        "--name",
        "X",
        "--type",
        "CSCom",
        "--region",
        "Gourma",
        "--district",
        "Mopti",
    )
    assert code == 2 and "Région inconnue" in err and "Bandiagara" in err
    code, _, err = run(
        capsys,
        "--db",
        db,
        "facility",
        "add",
        "--code",
        "X1",
        "--name",
        "X",
        "--type",
        "CSCom",
        "--region",
        "Mopti",
        "--district",
        "M",
        "--supplier",
        "NOWHERE",
    )
    assert code == 2 and "NOWHERE" in err
    assert json.loads(run(capsys, "--db", db, "facilities", "--json")[1]) == []


def test_products_show_the_codes_imports_use(capsys, db) -> None:
    code, out, _ = run(capsys, "--db", db, "products", "--json")
    assert code == 0
    products = {p["code"]: p for p in json.loads(out)}
    rutf = products["RUTF"]
    assert (rutf["unicef_code"], rutf["base_unit"], rutf["pack_size"], rutf["category"]) == (
        "S0000240",
        "sachet",
        150,
        "nutrition",
    )
    assert {"name"} <= set(rutf)
    categories = {p["category"] for p in products.values()}
    assert categories == {"nutrition", "medicines", "mhgap", "kits", "equipment"}


def test_stock_and_card_report_what_the_ledger_holds(capsys, db, tmp_path) -> None:
    add_two_facilities(capsys, db)
    from core import services
    from core.services import ReceiptLine
    from main import build_application

    app = build_application(db)
    from datetime import date, timedelta

    today = app.ctx.today()
    services.receive_stock(
        app.uow(),
        app.ctx,
        "CSCOM-SEV",
        today - timedelta(days=100),
        [ReceiptLine("RUTF", 900, "A12", today + timedelta(days=60))],
    )
    services.dispense(app.uow(), app.ctx, "CSCOM-SEV", "RUTF", 300, today - timedelta(days=50))
    code, out, _ = run(capsys, "--db", db, "stock", "--facility", "CSCOM-SEV", "--json")
    assert code == 0
    rutf = next(line for line in json.loads(out) if line["product"] == "RUTF")
    assert rutf["soh"] == 600 and rutf["usable_soh"] == 600 and rutf["expiring_soon"] == 600
    for key in ("amc", "months_of_stock", "order_quantity", "projected_stockout"):
        assert key in rutf
    if rutf["amc"]:
        expected = today + timedelta(days=int(600 / rutf["amc"] * 30))
        assert rutf["projected_stockout"] == expected.isoformat()
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "stock",
        "--facility",
        "CSCOM-SEV",
        "--json",
        "--as-of",
        (today - timedelta(days=70)).isoformat(),
    )
    assert next(x for x in json.loads(out) if x["product"] == "RUTF")["soh"] == 900
    code, out, _ = run(
        capsys, "--db", db, "card", "--facility", "CSCOM-SEV", "--product", "RUTF", "--json"
    )
    card = json.loads(out)
    assert [(c["movement"], c["quantity"], c["balance"]) for c in card] == [
        ("receipt", 900, 900),
        ("issue", -300, 600),
    ]
    assert card[0]["lot"] == "A12" and card[0]["expiry"] == (today + timedelta(days=60)).isoformat()
    code, out, _ = run(capsys, "--db", db, "card", "--facility", "CSCOM-SEV", "--product", "RUTF")
    assert "Fiche de stock" in out and "Dispensation" in out
    assert date.fromisoformat(card[1]["date"]) == today - timedelta(days=50)


def test_unknown_facility_and_bad_dates_get_clear_errors(capsys, db) -> None:
    code, _, err = run(capsys, "--db", db, "stock", "--facility", "NOPE")
    assert code == 2 and "NOPE" in err and "facilities" in err
    with pytest.raises(SystemExit):
        main(["--db", db, "stock", "--facility", "X", "--as-of", "31/10/2026"])
    assert "AAAA-MM-JJ" in capsys.readouterr().err


def test_backup_and_check(capsys, db, tmp_path) -> None:
    add_two_facilities(capsys, db)
    target = tmp_path / "copie.db"
    code, out, _ = run(capsys, "--db", db, "backup", "-o", str(target))
    assert code == 0 and target.exists()
    code, out, _ = run(capsys, "--db", str(target), "facilities", "--json")
    assert len(json.loads(out)) == 2
    code, out, _ = run(capsys, "--db", db, "check", "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "integrity": [], "ledger": []}


def test_python_main_py_runs_as_a_program(tmp_path: Path) -> None:
    env = {**os.environ, "SAHELSTOCK_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "main.py", "facilities", "--json"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert (tmp_path / "sahelstock.db").exists()


def test_supplier_relations_can_be_changed_from_a_script(capsys, db) -> None:
    add_two_facilities(capsys, db)
    assert (
        run(
            capsys,
            "--db",
            db,
            "facility",
            "set-supplier",
            "--code",
            "CSREF-MOP",
            "--supplier",
            "CSCOM-SEV",
        )[0]
        == 0
    )
    assert (
        run(capsys, "--db", db, "facility", "set-supplier", "--code", "CSCOM-SEV", "--none")[0] == 0
    )
    by_code = {f["code"]: f for f in json.loads(run(capsys, "--db", db, "facilities", "--json")[1])}
    assert by_code["CSREF-MOP"]["supplier"] == "CSCOM-SEV"
    assert by_code["CSCOM-SEV"]["supplier"] is None
    code, _, err = run(
        capsys,
        "--db",
        db,
        "facility",
        "set-supplier",
        "--code",
        "CSCOM-SEV",
        "--supplier",
        "CSCOM-SEV",
    )
    assert code == 2 and "propre fournisseur" in err
