"""Benchmark: writing one requisition (R&R) of 300 products to a workbook, and reading it back.

Builds a requisition of `--products` lines in memory (the figures of DOMAIN.md §2's worked
example, varied per line, a justification on one line in five), then times
`write_requisition_workbook` (both sheets, the checksum) and `read_requisition_workbook`
(data sheet, checksum recomputed). Wanted: under 1 s for the export of 300 products (issue 5).
Prints figures; asserts nothing.

    python benchmarks/bench_requisition_export.py [--products 300] [--runs 5] [--keep FILE.xlsx]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.catalogue import Category, Product
from core.consumption import StockPolicy
from core.exchange.requisition_workbook import (
    read_requisition_workbook,
    write_requisition_workbook,
)
from core.monthly import MonthlyStockReport
from core.pcima import new_record_uuid
from core.requisition import Requisition, RequisitionStatus, requisition_line


def build(count: int) -> Requisition:
    lines = []
    for n in range(count):
        pack = (1, 10, 100, 150, 1000)[n % 5]
        product = Product(
            code=f"PRD{n:04d}",
            name=f"Produit de santé n° {n}, comprimé sécable 500 mg",
            category=Category.MEDICINES,
            base_unit="comprimé" if pack != 150 else "sachet",
            pack_unit="boîte" if pack != 150 else "carton",
            pack_size=pack,
        )
        a, b, d, e = 300 + n, 450 + 3 * n, -(n % 7), 140 + n % 50
        report = MonthlyStockReport(
            "CSCOM-SEV", product.code, 2026, 10, a, b, a + b + d - e, d, e, n % 4
        )
        line = requisition_line(
            report, product, e, 567 + n, StockPolicy(), (n % 3) * 100, new_record_uuid()
        )
        if n % 5 == 0:
            line = replace(
                line,
                requested=line.calculated + pack,
                justification="Campagne de dépistage : hausse attendue des admissions",
            )
        lines.append(line)
    return Requisition(
        facility_code="CSCOM-SEV",
        facility_name="CSCom de Sévaré",
        facility_type="CSCom",
        region="Mopti",
        district="Mopti",
        period=date(2026, 10, 1),
        lines=tuple(lines),
        status=RequisitionStatus.APPROVED,
        sequence=12,
        record_uuid=new_record_uuid(),
        created_at=datetime(2026, 11, 2, 10, 30),
        approved_by="Dr Aminata Traoré",
        supplier_code="CSREF-MOP",
        entered_by="gérant",
        device="poste-1",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also write the workbook here")
    args = parser.parse_args()
    requisition = build(args.products)
    writes, reads = [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rr.xlsx"
        for _ in range(args.runs):
            started = time.perf_counter()
            write_requisition_workbook(requisition, path)
            writes.append(time.perf_counter() - started)
            started = time.perf_counter()
            found = read_requisition_workbook(path)
            reads.append(time.perf_counter() - started)
            assert found.checksum_matches and not found.problems
        size = path.stat().st_size
    if args.keep:
        write_requisition_workbook(requisition, args.keep)
    print(f"Python {platform.python_version()}, {platform.machine()}")
    print(f"{args.products} lines, workbook {size / 1024:.0f} KiB, {args.runs} runs")
    print(
        f"export (write_requisition_workbook): median {statistics.median(writes):.3f} s, "
        f"max {max(writes):.3f} s (first {writes[0]:.3f} s, imports included)"
    )
    print(
        f"read back (read_requisition_workbook): median {statistics.median(reads):.3f} s, "
        f"max {max(reads):.3f} s"
    )


if __name__ == "__main__":
    main()
