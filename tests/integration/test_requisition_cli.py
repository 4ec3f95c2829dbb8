"""`python main.py requisition show|approve|revise`: the director's R&R from a script."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from core import services
from core.errors import DomainError
from core.facilities import new_facility
from core.services import Context, ReceiptLine
from main import build_application, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def october(
    capsys: pytest.CaptureFixture[str], db: str, action: str, *options: str
) -> tuple[int, str, str]:
    """`python main.py --db DB requisition ACTION --facility C1 --period 2026-10 OPTIONS…`"""
    return run(
        capsys,
        "--db",
        db,
        "requisition",
        action,
        "--facility",
        "C1",
        "--period",
        "2026-10",
        *options,
    )


def _revise(capsys: pytest.CaptureFixture[str], db: str, *options: str) -> tuple[int, str, str]:
    return october(capsys, db, "revise", "--by", "Dr Diallo", *options)


@pytest.fixture
def db(tmp_path) -> str:
    """A CSCom that received 900 sachets of RUTF in September and dispensed 300 in October."""
    path = str(tmp_path / "rr.db")
    app = build_application(path)
    ctx = Context("poste", "dtc", clock=lambda: datetime(2026, 11, 21, 9))
    services.add_facility(app.uow(), new_facility("C1", "CSCom 1", "CSCom", "Mopti", "Mopti"))
    services.receive_stock(
        app.uow(), ctx, "C1", date(2026, 9, 1), [ReceiptLine("RUTF", 900, "L1", date(2028, 1, 1))]
    )
    services.dispense(app.uow(), ctx, "C1", "RUTF", 300, date(2026, 10, 10))
    return path


def test_show_then_approve_with_a_justified_quantity(capsys, db: str) -> None:
    code, out, _ = october(capsys, db, "show", "--json")
    assert code == 0
    draft = json.loads(out)
    assert draft["status"] == "draft" and draft["sequence"] is None
    rutf = next(line for line in draft["lines"] if line["product"] == "RUTF")
    assert (rutf["beginning_balance"], rutf["consumed"], rutf["stock_on_hand"]) == (900, 300, 600)

    code, _, err = october(capsys, db, "approve", "--by", "Dr Diallo", "--request", "RUTF=1500")
    assert code == 2 and "justification" in err

    code, out, _ = october(
        capsys,
        db,
        "approve",
        "--by",
        "Dr Diallo",
        "--request",
        "RUTF=1500",
        "--justify",
        "RUTF=campagne de dépistage",
        "--json",
    )
    assert code == 0
    approved = json.loads(out)
    assert (approved["status"], approved["sequence"], approved["approved_by"]) == (
        "approved",
        1,
        "Dr Diallo",
    )
    line = next(x for x in approved["lines"] if x["product"] == "RUTF")
    assert (line["requested"], line["justification"]) == (1500, "campagne de dépistage")

    # October is closed: a dispensing dated in it is refused, one dated after is not.
    app = build_application(db)
    ctx = Context("poste", "dtc", clock=lambda: datetime(2026, 11, 21, 9))
    with pytest.raises(DomainError, match="est close à C1"):
        services.dispense(app.uow(), ctx, "C1", "RUTF", 10, date(2026, 10, 30))
    services.dispense(app.uow(), ctx, "C1", "RUTF", 10, date(2026, 11, 2))

    code, _, err = october(capsys, db, "approve", "--by", "Dr Diallo")
    assert code == 2 and "déjà approuvée" in err


def test_bad_pairs_are_explained(capsys, db: str) -> None:
    code, _, err = october(capsys, db, "approve", "--by", "X", "--request", "RUTF")
    assert code == 2 and "PRODUIT=VALEUR" in err
    code, _, err = october(capsys, db, "approve", "--by", "X", "--request", "RUTF=beaucoup")
    assert code == 2 and "nombre entier" in err


def test_revise_sends_the_next_number_with_the_ledger_figures_approved(capsys, db: str) -> None:
    code, out, _ = october(capsys, db, "approve", "--by", "Dr Diallo", "--json")
    assert code == 0
    first = next(x for x in json.loads(out)["lines"] if x["product"] == "RUTF")

    code, _, err = _revise(capsys, db, "--request", "RUTF=1500")
    assert code == 2 and "écrivez une justification" in err
    code, _, err = _revise(capsys, db)
    assert code == 2 and "Révision sans changement de la réquisition n° 1" in err

    code, out, _ = _revise(
        capsys, db, "--request", "RUTF=1500", "--justify", "RUTF=afflux de déplacés", "--json"
    )
    assert code == 0
    revised = json.loads(out)
    assert (revised["status"], revised["sequence"], revised["version"], revised["replaces"]) == (
        "approved",
        2,
        2,
        1,
    )
    line = next(x for x in revised["lines"] if x["product"] == "RUTF")
    assert (line["requested"], line["justification"]) == (1500, "afflux de déplacés")
    assert first["requested"] != 1500
    ledger = ("beginning_balance", "consumed", "stock_on_hand", "amc", "calculated")
    assert [line[k] for k in ledger] == [first[k] for k in ledger]

    # What is stored now is n° 2; a later revision replaces it with n° 3, in plain text.
    code, out, _ = october(capsys, db, "show")
    assert code == 0 and "approuvée n° 2 par Dr Diallo" in out
    code, out, _ = _revise(capsys, db, "--remark", "RUTF=magasin inondé")
    assert code == 0
    assert "approuvée n° 3 par Dr Diallo (révision : remplace la réquisition n° 2)" in out
    assert "La réquisition n° 3 remplace la n° 2 au district" in out
    assert "Le registre de C1 est clos jusqu'à la fin d'octobre 2026." in out


def test_revise_is_refused_without_an_approved_month(capsys, db: str) -> None:
    code, out, err = _revise(capsys, db, "--request", "RUTF=1500", "--justify", "RUTF=afflux")
    assert code == 2 and out == ""
    assert "Aucune réquisition approuvée pour C1, octobre 2026 : il n'y a rien à réviser" in err
    assert "requisition approve --facility C1 --period 2026-10" in err
    # Nothing was approved on the way: October is still open.
    app = build_application(db)
    ctx = Context("poste", "dtc", clock=lambda: datetime(2026, 11, 21, 9))
    services.dispense(app.uow(), ctx, "C1", "RUTF", 10, date(2026, 10, 30))
