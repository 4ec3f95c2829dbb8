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
