"""Commands of the district exchange: the import of requisitions and delivery notes (called
by `import`), `requisitions --district`, the delivery notes and their receipt."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from core.application import Application
from core.errors import DomainError
from core.exchange.movements import Problem
from core.requisition import OUTCOME_LABELS_FR, period_label_fr
from core.requisition_import import FileImport


def _problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "sheet": problem.sheet,
        "row": problem.row,
        "column": problem.column,
        "message": problem.message,
    }


def file_import_dict(item: FileImport) -> dict[str, Any]:
    req = item.requisition
    return {
        "file": item.file,
        "kind": "requisition",
        "outcome": item.outcome.value,
        "facility": req.facility_code if req else None,
        "period": f"{req.period:%Y-%m}" if req else None,
        "sequence": req.sequence if req else None,
        "message": item.message,
        "errors": [_problem_dict(p) for p in item.errors],
        "flags": [_problem_dict(p) for p in item.flags],
        "created_facility": item.created_facility,
        "created_products": list(item.created_products),
    }


def print_requisition_import(item: FileImport) -> None:
    req = item.requisition
    what = (
        f"R&R n° {req.sequence} de {req.facility_code}, {period_label_fr(req.period)}"
        if req
        else "réquisition"
    )
    print(f"{item.file} : {what} — {OUTCOME_LABELS_FR[item.outcome]}.")
    if item.message:
        print(f"  {item.message[:1].upper()}{item.message[1:]}")
    for problem in item.errors:
        print(f"  - {problem}")
    if item.created_facility and req:
        print(f"  Établissement {req.facility_code} ajouté ({req.facility_name}).")
    if item.created_products:
        print(f"  Produits ajoutés au catalogue (à vérifier) : {', '.join(item.created_products)}.")
    if item.flags:
        print(f"  {len(item.flags)} signalement(s) à examiner :")
        for problem in item.flags:
            print(f"  ! {problem}")


def import_note(app: Application, path: Path) -> tuple[dict[str, Any], str]:
    from core.district import import_delivery_note

    try:
        stored = import_delivery_note(app.uow(), app.ctx, path)
    except DomainError as exc:
        return {
            "file": path.name,
            "kind": "delivery_note",
            "outcome": "refused",
            "message": str(exc),
        }, f"{path.name} : bon de livraison refusé — {exc}"
    note = stored.note
    text = (
        f"{path.name} : bon de livraison {note.number} ({note.from_name} → {note.to_name}, "
        f"{len(note.lines)} ligne(s)) importé. Confirmez la réception ligne par ligne : écran "
        f"Réquisitions, onglet Livraisons reçues, ou « python main.py delivery receive "
        f"{note.number} »."
    )
    data = {
        "file": path.name,
        "kind": "delivery_note",
        "outcome": "imported",
        "number": note.number,
        "lines": len(note.lines),
    }
    return data, text


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def cmd_requisitions(args: argparse.Namespace, app: Application) -> int:
    """The facilities' requisitions of a district for a month, their flags and the totals."""
    from core.district import district_review, resolve_depot
    from core.requisition import ImportOutcome

    depot = resolve_depot(app.uow(), args.district)
    review = district_review(app.uow(), app.ctx, depot.code, args.period)
    with app.uow() as uow:
        log = uow.requisitions.imports(period=review.period)
    served = {f.code for f in review.facilities}
    refused = [r for r in log if r.outcome is ImportOutcome.REFUSED and r.facility_code in served]
    if args.json:
        _print_json(
            {
                "district": depot.district,
                "depot": depot.code,
                "period": f"{review.period:%Y-%m}",
                "facilities": [
                    {
                        "facility": row.code,
                        "name": row.facility.name,
                        "received": row.requisition is not None,
                        "sequence": row.requisition.sequence if row.requisition else None,
                        "source": row.requisition.source if row.requisition else None,
                        "flags": [_problem_dict(p) for p in row.flags],
                        "lines": [
                            {
                                "product": line.product_code,
                                "stock_on_hand": line.report.stock_on_hand,
                                "stockout_days": line.report.stockout_days,
                                "amc": line.amc,
                                "calculated": line.calculated,
                                "requested": line.requested,
                                "approved": row.approved.get(line.product_code, 0),
                                "justification": line.justification,
                            }
                            for line in (row.requisition.lines if row.requisition else ())
                        ],
                    }
                    for row in review.facilities
                ],
                "totals": [
                    {
                        "product": p.product_code,
                        "requested": p.requested,
                        "approved": p.approved,
                        "depot_usable": p.depot_usable,
                        "over_supply": p.over_supply,
                    }
                    for p in review.products
                ],
                "warnings": review.warnings(),
                "refused_files": [
                    {"file": r.file_name, "facility": r.facility_code, "message": r.message}
                    for r in refused
                ],
            }
        )
        return 0
    received = sum(1 for row in review.facilities if row.requisition is not None)
    print(
        f"District de {depot.district} ({depot.code}) – {period_label_fr(review.period)} : "
        f"{received} réquisition(s) reçue(s) sur {len(review.facilities)} établissement(s)."
    )
    for row in review.facilities:
        req = row.requisition
        if req is None:
            print(f"- {row.code} ({row.facility.name}) : non reçue.")
            continue
        state = f"{len(row.flags)} signalement(s)" if row.flags else "aucun signalement"
        print(
            f"- {row.code} ({row.facility.name}) : R&R n° {req.sequence}, "
            f"{len(req.lines)} produit(s), {state}."
        )
        for problem in row.flags:
            print(f"    ! {problem.message}")
    for r in refused:
        print(f"Fichier refusé : {r.file_name} ({r.facility_code}) — {r.message}")
    print()
    print("Totaux par produit (unités) :")
    width = max((len(p.product_code) for p in review.products), default=7)
    print(f"  {'Produit':<{width}}  {'Demandé':>9}  {'Approuvé':>9}  {'SDU dépôt':>9}")
    for p in review.products:
        mark = "  ← plus que le stock du dépôt" if p.over_supply else ""
        print(
            f"  {p.product_code:<{width}}  {p.requested:>9}  {p.approved:>9}  "
            f"{p.depot_usable:>9}{mark}"
        )
    for warning in review.warnings():
        print(f"Attention : {warning}")
    return 0


def cmd_export_delivery_notes(args: argparse.Namespace, app: Application) -> int:
    """Establish the month's delivery notes of a depot: stock leaves its ledger, one workbook
    per facility is written in the folder given."""
    from core.district import issue_delivery_notes, prepare_delivery_notes, resolve_depot
    from core.exchange.delivery_workbook import write_delivery_workbook

    if not args.facility or args.period is None:
        raise DomainError(
            "Indiquez le dépôt et le mois : python main.py export delivery-notes --facility "
            "CSREF --period AAAA-MM -o DOSSIER"
        )
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise DomainError(
            f"{folder} est un fichier : pour les bons de livraison, -o est un dossier."
        )
    depot = resolve_depot(app.uow(), args.facility)
    notes = prepare_delivery_notes(app.uow(), app.ctx, depot.code, args.period)
    issued = issue_delivery_notes(app.uow(), app.ctx, notes)
    folder.mkdir(parents=True, exist_ok=True)
    for note in issued:
        path = write_delivery_workbook(note, folder / f"{note.number}.xlsx")
        short = (
            f", {len(note.shortfalls)} produit(s) non livré(s) en entier" if note.shortfalls else ""
        )
        print(f"{path} : {note.to_name} ({note.to_code}), {len(note.lines)} ligne(s){short}.")
    print(
        f"{len(issued)} bon(s) de livraison établi(s) ; le stock est sorti du registre de "
        f"{depot.code} (transferts cédés)."
    )
    return 0


def cmd_deliveries(args: argparse.Namespace, app: Application) -> int:
    from core.district import pending_deliveries

    pending = pending_deliveries(app.uow(), args.facility)
    if args.json:
        _print_json(
            [
                {
                    "number": s.note.number,
                    "from": s.note.from_code,
                    "issued_on": s.note.issued_on.isoformat(),
                    "lines": [
                        {
                            "line": n,
                            "product": line.product_code,
                            "lot": line.lot,
                            "expiry": line.expiry.isoformat() if line.expiry else None,
                            "quantity": line.quantity,
                        }
                        for n, line in enumerate(s.note.lines, start=1)
                    ],
                }
                for s in pending
            ]
        )
        return 0
    if not pending:
        print(f"Aucune livraison à réceptionner à {args.facility}.")
    for stored in pending:
        note = stored.note
        print(f"{note.number} : de {note.from_name}, expédié le {note.issued_on:%d/%m/%Y}")
        for n, line in enumerate(note.lines, start=1):
            expiry = f"{line.expiry:%d/%m/%Y}" if line.expiry else "-"
            print(
                f"  {n}. {line.product_code} lot {line.lot or '-'} (péremption {expiry}) : "
                f"{line.quantity} {line.base_unit}"
            )
    return 0


def cmd_delivery_receive(args: argparse.Namespace, app: Application) -> int:
    """Confirm a delivery note: every line as shipped unless --received N=QTY says otherwise
    (then --reason N=TEXT is required)."""
    from core.district import pending_deliveries, receive_delivery

    pending = [
        s for s in pending_deliveries(app.uow(), args.facility) if s.note.number == args.number
    ]
    if not pending:
        raise DomainError(
            f"Aucun bon {args.number} à réceptionner à {args.facility} : importez-le d'abord "
            "(python main.py import FICHIER.xlsx) ; voir python main.py deliveries."
        )
    note = pending[0].note
    received = {n: (line.quantity, "") for n, line in enumerate(note.lines, start=1)}
    for option, values in (("--received", args.received), ("--reason", args.reason)):
        for value in values:
            number, sep, text = value.partition("=")
            if not sep or not number.strip().isdigit() or int(number) not in received:
                raise DomainError(
                    f"{option} « {value} » : attendu N=… avec N un numéro de ligne du bon "
                    f"(1 à {len(note.lines)})."
                )
            quantity, reason = received[int(number)]
            if option == "--received":
                try:
                    quantity = int(text.strip())
                except ValueError:
                    raise DomainError(
                        f"{option} « {value} » : quantité entière attendue."
                    ) from None
            else:
                reason = text
            received[int(number)] = (quantity, reason)
    done = receive_delivery(
        app.uow(), app.ctx, note.record_uuid, args.on or app.ctx.today(), received
    )
    total = sum(r.received for r in done.received)
    print(f"Bon {note.number} réceptionné : {total} unité(s) entrée(s) en stock à {note.to_code}.")
    for line_no, shipped, got, reason in done.discrepancies:
        print(f"  Écart ligne {line_no} : {shipped} expédié(s), {got} reçu(s) — {reason}")
    return 0


def cmd_export_consolidated(args: argparse.Namespace, app: Application, target: Path) -> int:
    """The month's requisitions of every facility in this database, by region, district and
    facility, as one workbook."""
    from core.consolidation import consolidate
    from core.exchange.consolidated_workbook import write_consolidated_workbook

    if args.period is None:
        raise DomainError(
            "Indiquez le mois : python main.py export consolidated --period AAAA-MM -o FICHIER.xlsx"
        )
    with app.uow() as uow:
        requisitions = uow.requisitions.for_period(args.period)
    if not requisitions:
        raise DomainError(
            f"Aucune réquisition pour {period_label_fr(args.period)} : importez d'abord les "
            "classeurs des établissements (python main.py import DOSSIER/*.xlsx)."
        )
    consolidation = consolidate(requisitions)
    write_consolidated_workbook(consolidation, target)
    total = consolidation.total
    print(
        f"Synthèse écrite : {target} ({total.facilities} établissement(s), "
        f"{len(consolidation.regions)} région(s), {len(consolidation.districts)} district(s) ; "
        f"{total.facilities_stocked_out} établissement(s) en rupture)."
    )
    for note in consolidation.notes:
        print(f"  Note : {note}")
    return 0
