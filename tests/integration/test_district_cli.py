"""The district exchange from the command line: `import` of requisition workbooks and delivery
notes, `requisitions --district`, `export delivery-notes`, `deliveries` and `delivery receive`."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from core import services
from core.facilities import new_facility
from core.services import Context, ReceiptLine
from main import build_application, main

CTX = Context("poste", "dtc", clock=lambda: datetime(2026, 11, 21, 9))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _laptop(tmp_path: Path, code: str, received: int, dispensed: int) -> str:
    path = str(tmp_path / f"{code}.db")
    app = build_application(path)
    services.add_facility(
        app.uow(), new_facility("CSREF-MOP", "CSRéf de Mopti", "CSRef", "Mopti", "Mopti")
    )
    if code == "CSREF-MOP":
        services.receive_stock(
            app.uow(),
            CTX,
            code,
            date(2026, 9, 1),
            [ReceiptLine("RUTF", 3000, "D1", date(2027, 6, 30))],
        )
        return path
    services.add_facility(
        app.uow(), new_facility(code, f"CSCom {code}", "CSCom", "Mopti", "Mopti", "CSREF-MOP")
    )
    services.receive_stock(
        app.uow(),
        CTX,
        code,
        date(2026, 9, 1),
        [ReceiptLine("RUTF", received, "L1", date(2028, 1, 31))],
    )
    services.dispense(app.uow(), CTX, code, "RUTF", dispensed, date(2026, 10, 10))
    return path


def test_from_cscoms_to_the_district_and_back(capsys, tmp_path: Path) -> None:
    files = []
    cscoms = {"CSCOM-A": (400, 300), "CSCOM-B": (600, 450)}
    dbs = {code: _laptop(tmp_path, code, *figures) for code, figures in cscoms.items()}
    for code, db in dbs.items():
        assert run(capsys, "--db", db, "requisition", "approve", "--facility", code,
                   "--period", "2026-10", "--by", "DTC")[0] == 0  # fmt: skip
        target = tmp_path / f"RR_{code}.xlsx"
        assert run(capsys, "--db", db, "export", "requisition", "--facility", code,
                   "--period", "2026-10", "-o", str(target))[0] == 0  # fmt: skip
        files.append(str(target))
    depot_db = _laptop(tmp_path, "CSREF-MOP", 0, 0)

    code, out, _ = run(capsys, "--db", depot_db, "import", *files, "--json")
    assert code == 0
    imported = json.loads(out)
    assert [(f["facility"], f["outcome"]) for f in imported] == [
        ("CSCOM-A", "imported"),
        ("CSCOM-B", "imported"),
    ]
    # Again: both are duplicates and nothing changes.
    code, out, _ = run(capsys, "--db", depot_db, "import", *files)
    assert code == 0 and out.count("déjà importée (rien ne change)") == 2

    code, out, _ = run(
        capsys, "--db", depot_db, "requisitions", "--district", "mopti", "--period", "2026-10",
        "--json",
    )  # fmt: skip
    assert code == 0
    listing = json.loads(out)
    assert listing["depot"] == "CSREF-MOP"  # found by the district's name, any case
    requested = {
        f["facility"]: f["lines"][0]["requested"] for f in listing["facilities"] if f["received"]
    }
    # Tracked since September (nothing dispensed) and October: A's AMC = ceil(300 / 2) = 150 →
    # max 450 − SDU 100 = 350 → 3 cartons of 150 = 450; B: AMC 225 → 675 − 150 = 525 → 600.
    assert requested == {"CSCOM-A": 450, "CSCOM-B": 600}
    assert listing["totals"] == [
        {
            "product": "RUTF",
            "requested": 1050,
            "approved": 1050,
            "depot_usable": 3000,
            "over_supply": False,
        }
    ]
    code, out, _ = run(
        capsys, "--db", depot_db, "requisitions", "--district", "CSREF-MOP", "--period", "2026-10"
    )
    assert "2 réquisition(s) reçue(s) sur 2" in out and "RUTF" in out

    synthesis = tmp_path / "synthese.xlsx"
    code, out, _ = run(capsys, "--db", depot_db, "export", "consolidated", "--period", "2026-10",
                       "-o", str(synthesis))  # fmt: skip
    assert code == 0 and "2 établissement(s)" in out and synthesis.exists()

    folder = tmp_path / "bons"
    code, out, _ = run(capsys, "--db", depot_db, "export", "delivery-notes", "--facility",
                       "CSREF-MOP", "--period", "2026-10", "-o", str(folder))  # fmt: skip
    assert code == 0 and "2 bon(s) de livraison établi(s)" in out
    note_a = folder / "BL-CSREF-MOP-2026-10-CSCOM-A.xlsx"
    assert note_a.exists()
    # Establishing them twice is refused: the stock left once.
    code, _, err = run(capsys, "--db", depot_db, "export", "delivery-notes", "--facility",
                       "CSREF-MOP", "--period", "2026-10", "-o", str(folder))  # fmt: skip
    assert code != 0 and "a déjà son bon" in err

    code, out, _ = run(capsys, "--db", dbs["CSCOM-A"], "import", str(note_a))
    assert code == 0 and "BL-CSREF-MOP-2026-10-CSCOM-A" in out
    code, out, _ = run(capsys, "--db", dbs["CSCOM-A"], "deliveries", "--facility", "CSCOM-A",
                       "--json")  # fmt: skip
    (pending,) = json.loads(out)
    assert [(x["lot"], x["quantity"]) for x in pending["lines"]] == [("D1", 450)]
    code, _, err = run(capsys, "--db", dbs["CSCOM-A"], "delivery", "receive", pending["number"],
                       "--facility", "CSCOM-A", "--received", "1=440")  # fmt: skip
    assert code != 0 and "raison de l'écart" in err
    code, out, _ = run(capsys, "--db", dbs["CSCOM-A"], "delivery", "receive", pending["number"],
                       "--facility", "CSCOM-A", "--received", "1=440", "--reason",
                       "1=Dix sachets percés")  # fmt: skip
    assert code == 0 and "440 unité(s)" in out and "Dix sachets percés" in out
    code, out, _ = run(capsys, "--db", dbs["CSCOM-A"], "stock", "--facility", "CSCOM-A",
                       "--json", "--no-forecast")  # fmt: skip
    rutf = next(line for line in json.loads(out) if line["product"] == "RUTF")
    assert rutf["soh"] == 100 + 440
