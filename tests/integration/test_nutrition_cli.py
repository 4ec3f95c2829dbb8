"""`python main.py nutrition classify`: a screening from a script, without any database."""

from __future__ import annotations

import json

import pytest

from main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sam_by_muac_and_oedema_as_json(capsys) -> None:
    code, out, _ = run(capsys, "nutrition", "classify", "--muac", "112", "--oedema", "++", "--json")
    assert code == 0
    assert json.loads(out) == {
        "classification": "SAM",
        "muac_class": "SAM",
        "whz": None,
        "whz_class": None,
        "referral": "URENAS",
        "reasons": ["PB 112 mm < 115 mm", "œdèmes bilatéraux ++"],
    }


def test_weight_for_height_test_vector_as_json(capsys) -> None:
    code, out, _ = run(
        capsys,
        "nutrition",
        "classify",
        "--muac",
        "126",
        "--sex",
        "M",
        "--age-months",
        "30",
        "--weight",
        "5,5",
        "--height",
        "65",
        "--json",
    )
    assert code == 0
    result = json.loads(out)
    assert result["whz"] == -3.79
    assert (result["classification"], result["muac_class"], result["whz_class"]) == (
        "SAM",
        "normal",
        "SAM",
    )
    assert result["referral"] == "URENAS"
    assert result["reasons"] == ["P/T −3,79 z < −3"]


def test_complications_send_to_ureni_in_plain_french(capsys) -> None:
    code, out, _ = run(capsys, "nutrition", "classify", "--muac", "110", "--complications")
    assert code == 0
    assert "Classement : MAS (malnutrition aiguë sévère)" in out
    assert "Orientation : URENI" in out
    assert "PB 110 mm < 115 mm" in out


def test_normal_child_has_no_referral(capsys) -> None:
    code, out, _ = run(capsys, "nutrition", "classify", "--muac", "125", "--json")
    assert code == 0
    assert json.loads(out)["referral"] is None
    code, out, _ = run(capsys, "nutrition", "classify", "--muac", "125")
    assert "Orientation : aucune" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--muac", "11.5"], "nombre entier de millimètres"),
        (["--muac", "40"], "de 50 à 300 mm"),
        (["--muac", "120", "--oedema", "4"], "0, +, ++ ou +++"),
        (
            ["--muac", "120", "--sex", "M", "--age-months", "3", "--weight", "6", "--height", "65"],
            "6 à 59 mois",
        ),
        (
            [
                "--muac",
                "120",
                "--sex",
                "M",
                "--age-months",
                "30",
                "--weight",
                "6",
                "--height",
                "130",
            ],
            "hors de la table",
        ),
        (["--muac", "120", "--sex", "M"], "ensemble"),
    ],
)
def test_bad_input_is_a_french_error_and_exit_code_2(capsys, argv, message) -> None:
    code, out, err = run(capsys, "nutrition", "classify", *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("Erreur : ") and message in err


def test_no_database_is_opened(capsys, tmp_path) -> None:
    db = tmp_path / "never.db"
    code, _, _ = run(capsys, "--db", str(db), "nutrition", "classify", "--muac", "130")
    assert code == 0
    assert not db.exists()


def _programme_database(tmp_path) -> str:
    """A CSCom with two URENAS admissions and one exit in October 2026, and RUTF dispensed."""
    from datetime import date, datetime

    from core import pcima_services as ps
    from core import services
    from core.facilities import new_facility
    from core.nutrition import Referral
    from core.pcima import AdmissionType, Criterion, ExitOutcome
    from core.services import Context, ReceiptLine
    from main import build_application

    db = str(tmp_path / "pcima.db")
    app = build_application(db)
    ctx = Context("poste", "dtc", clock=lambda: datetime(2026, 11, 21, 9))
    services.add_facility(app.uow(), new_facility("CSCOM-K", "CSCom K", "CSCom", "Mopti", "Mopti"))
    for n, day in ((1, 3), (2, 9)):
        ps.admit_child(
            app.uow(),
            ctx,
            "CSCOM-K",
            Referral.URENAS,
            date(2026, 10, day),
            f"Enfant {n}",
            AdmissionType.NEW,
            Criterion.MUAC,
        )
    ps.discharge_child(
        app.uow(),
        ctx,
        "CSCOM-K",
        Referral.URENAS,
        date(2026, 10, 30),
        "Enfant 1",
        ExitOutcome.CURED,
    )
    services.receive_stock(
        app.uow(),
        ctx,
        "CSCOM-K",
        date(2026, 10, 1),
        [ReceiptLine("RUTF", 600, "L1", date(2028, 1, 1))],
    )
    services.dispense(app.uow(), ctx, "CSCOM-K", "RUTF", 300, date(2026, 10, 20))
    return db


def test_monthly_report_as_json_and_workbook(capsys, tmp_path) -> None:
    db = _programme_database(tmp_path)
    out_file = tmp_path / "rapport.xlsx"
    code, out, err = run(
        capsys,
        "--db",
        db,
        "nutrition",
        "report",
        "--facility",
        "CSCOM-K",
        "--month",
        "2026-10",
        "--json",
        "-o",
        str(out_file),
    )
    assert (code, err) == (0, "")
    report = json.loads(out)
    unit = report["units"][0]
    assert (unit["unit"], unit["beginning"], unit["admissions"]["total"]) == ("URENAS", 0, 2)
    assert (unit["exits"]["cured"], unit["end"]) == (1, 1)
    assert unit["rates"][0] == {
        "rate": "cured",
        "percent": 100.0,
        "threshold_percent": 75.0,
        "must_be": "above",
        "passes": True,
    }
    assert report["rutf_check"]["sachets_per_child"] == 150.0
    assert report["rutf_check"]["flagged"] is False
    assert "Enfant" not in out
    assert out_file.exists()

    code, out, _ = run(
        capsys, "--db", db, "nutrition", "report", "--facility", "CSCOM-K", "--month", "2026-10"
    )
    assert code == 0
    assert "Total à la fin du mois" in out and "conforme" in out


def test_rutf_needs_from_the_command_line(capsys, tmp_path) -> None:
    db = _programme_database(tmp_path)
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "nutrition",
        "needs",
        "--facility",
        "CSCOM-K",
        "--months",
        "2",
        "--as-of",
        "2026-11-21",
        "--json",
    )
    assert code == 0
    needs = json.loads(out)
    assert needs["usable_stock_sachets"] == 300
    assert [m["trend_sachets"] for m in needs["months"]] == [300, 300]
    assert needs["trend"]["shortfall_cartons"] == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "--facility", "NOPE", "--month", "2026-10"], "Établissement NOPE inconnu"),
        (["needs", "--facility", "CSCOM-K", "--months", "40"], "de 1 à 24"),
    ],
)
def test_report_errors_are_french_with_exit_code_2(capsys, tmp_path, argv, message) -> None:
    db = _programme_database(tmp_path)
    code, _, err = run(capsys, "--db", db, "nutrition", *argv)
    assert code == 2
    assert message in err
