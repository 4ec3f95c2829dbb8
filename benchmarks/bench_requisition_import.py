"""Benchmark: a district or NGO officer imports 150 facilities' requisition workbooks of 300
lines each (issue 5 wants under 10 s, with a progress bar).

Writes `--files` approved requisitions of `--products` lines (bench_requisition_export's
builder, one facility each, in three districts) into a temporary folder — not timed — then
times `import_requisition_files` into a fresh SQLite database whose catalogue holds the
products (the facilities are unknown there and are created from the workbooks, as at an NGO),
then the same folder again (every file a duplicate: nothing changes). Prints the figures and
the progress callbacks' count; asserts nothing.

    python benchmarks/bench_requisition_import.py [--files 150] [--products 300] [--gui]

With --gui the same folder is then imported a third time into another fresh database through
the District tab (offscreen): background task, progress bar and the results list, timed from
the call to the tab's "import finished" signal.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_requisition_export import build
from core import services
from core.catalogue import Category, Product
from core.exchange.requisition_workbook import write_requisition_workbook
from core.pcima import new_record_uuid
from core.requisition_import import import_requisition_files
from core.services import Context
from db.engine import open_database
from db.uow import SqlAlchemyUnitOfWork

DISTRICTS = (("Mopti", "Mopti"), ("Ségou", "Ségou"), ("Tombouctou", "Tombouctou"))


def write_files(folder: Path, files: int, products: int) -> list[Path]:
    template = build(products)
    paths = []
    for n in range(files):
        region, district = DISTRICTS[n % len(DISTRICTS)]
        code = f"CSCOM-{n:03d}"
        req = replace(
            template,
            facility_code=code,
            facility_name=f"CSCom n° {n}",
            region=region,
            district=district,
            record_uuid=new_record_uuid(),
            lines=tuple(replace(line, record_uuid=new_record_uuid()) for line in template.lines),
        )
        paths.append(write_requisition_workbook(req, folder / f"RR_{code}_2026-10.xlsx"))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=150)
    parser.add_argument("--products", type=int, default=300)
    parser.add_argument("--gui", action="store_true", help="also through the District tab")
    args = parser.parse_args()
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPU")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        paths = write_files(folder, args.files, args.products)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"Written {len(paths)} workbooks of {args.products} lines ({size:.1f} MB) in "
              f"{time.perf_counter() - started:.1f} s (not part of the import)")  # fmt: skip
        db = open_database(str(folder / "district.db"))
        factory = lambda: SqlAlchemyUnitOfWork(db.engine)  # noqa: E731
        template = build(args.products)
        services.seed_catalogue(
            factory(),
            [
                Product(
                    line.product_code,
                    line.product_name,
                    Category.MEDICINES,
                    line.base_unit,
                    line.pack_unit,
                    line.pack_size,
                )
                for line in template.lines
            ],
        )
        ctx = Context("poste-district", "pharmacien", clock=lambda: datetime(2026, 11, 21, 9))
        for label in ("first import", "same files again"):
            calls: list[int] = []
            started = time.perf_counter()
            results = import_requisition_files(
                factory, ctx, paths, progress=lambda done, _total, _name, c=calls: c.append(done)
            )
            seconds = time.perf_counter() - started
            outcomes: dict[str, int] = {}
            for r in results:
                outcomes[r.outcome.value] = outcomes.get(r.outcome.value, 0) + 1
            lines = sum(len(r.requisition.lines) for r in results if r.requisition)
            print(f"{label}: {len(paths)} files, {lines} lines in {seconds:.2f} s "
                  f"({seconds / len(paths) * 1000:.0f} ms/file); outcomes {outcomes}; "
                  f"progress callbacks {len(calls)}")  # fmt: skip
        db.dispose()
        if args.gui:
            gui_import(folder, paths, args.products)


def gui_import(folder: Path, paths: list[Path], products: int) -> None:
    """The District tab imports the folder on a fresh database: seconds and progress steps."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gui.requisition.district_tab import DistrictRequisitionTab
    from main import build_application

    qt_app = QApplication.instance() or QApplication([])
    app = build_application(str(folder / "district-gui.db"))
    template = build(products)
    services.seed_catalogue(
        app.uow(),
        [
            Product(
                line.product_code,
                line.product_name,
                Category.MEDICINES,
                line.base_unit,
                line.pack_unit,
                line.pack_size,
            )
            for line in template.lines
        ],
    )
    tab = DistrictRequisitionTab(app)
    tab.resize(1100, 700)
    tab.show()
    steps: list[int] = []
    tab.progress_bar.valueChanged.connect(steps.append)
    finished: list[bool] = []
    tab.import_finished.connect(lambda: finished.append(True))
    started = time.perf_counter()
    tab.import_paths(paths)
    while not finished:
        qt_app.processEvents()
        time.sleep(0.005)
    seconds = time.perf_counter() - started
    summary = tab.results_summary.text() if hasattr(tab, "results_summary") else ""
    print(f"through the District tab: {len(paths)} files in {seconds:.2f} s; progress bar "
          f"moved {len(steps)} times (last {steps[-1] if steps else None}); {summary}")  # fmt: skip


if __name__ == "__main__":
    main()
