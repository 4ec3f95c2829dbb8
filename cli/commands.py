"""Command implementations: each takes the parsed arguments and the wired application."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from cli.district import (
    cmd_deliveries,
    cmd_delivery_receive,
    cmd_export_consolidated,
    cmd_export_delivery_notes,
    cmd_requisitions,
    file_import_dict,
    import_note,
    print_requisition_import,
)
from cli.forecast import run_forecast
from core import nutrition, orders, pcima_services, requisition_services, services
from core.application import Application
from core.errors import DomainError
from core.exchange.pcima_report import month_label_fr, unit_rows, write_report
from core.facilities import new_facility
from core.french import int_fr
from core.ledger import KIND_LABELS_FR
from core.orders import StockOrder
from core.outlook import RISK_LABELS_FR, ProductOutlook, facility_outlook
from core.requisition import (
    Requisition,
    RequisitionLine,
    edit_line,
    of_period_fr,
    period_label_fr,
)
from core.stock import StockLine


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def cmd_facility_add(args: argparse.Namespace, app: Application) -> int:
    facility = new_facility(
        args.code, args.name, args.type, args.region, args.district, args.supplier
    )
    stored = services.add_facility(app.uow(), facility)
    print(f"Établissement {stored.code} ({stored.name}) ajouté.")
    return 0


def cmd_facilities(args: argparse.Namespace, app: Application) -> int:
    facilities = services.list_facilities(app.uow())
    if args.json:
        _print_json(
            [
                {
                    "code": f.code,
                    "name": f.name,
                    "type": f.type.value,
                    "region": f.region,
                    "district": f.district,
                    "supplier": f.supplier_code,
                }
                for f in facilities
            ]
        )
        return 0
    if not facilities:
        print(
            "Aucun établissement. Ajoutez-en avec « python main.py facility add » "
            "ou créez la démo avec « python main.py demo »."
        )
        return 0
    _table(
        ["Code", "Nom", "Type", "Région", "District", "Fournisseur"],
        [
            (f.code, f.name, f.type.value, f.region, f.district, f.supplier_code or "–")
            for f in facilities
        ],
    )
    return 0


def cmd_products(args: argparse.Namespace, app: Application) -> int:
    products = services.list_products(app.uow())
    if args.json:
        _print_json(
            [
                {
                    "code": p.code,
                    "name": p.name,
                    "name_en": p.name_en,
                    "category": p.category.value,
                    "base_unit": p.base_unit,
                    "pack_unit": p.pack_unit,
                    "pack_size": p.pack_size,
                    "unicef_code": p.unicef_code or None,
                    "msf_code": p.msf_code or None,
                    "national_code": p.national_code or None,
                    "gtin": p.gtin or None,
                    "has_lots": p.has_lots,
                    "has_expiry": p.has_expiry,
                    "kind": "equipment" if p.is_equipment else "consumable",
                }
                for p in products
            ]
        )
        return 0
    _table(
        ["Code", "Catégorie", "Unité", "Conditionnement", "UNICEF", "Nom"],
        [
            (
                p.code,
                p.category.value,
                p.base_unit,
                f"{p.pack_unit} de {p.pack_size}" if p.pack_unit else "–",
                p.unicef_code or "–",
                p.name,
            )
            for p in products
        ],
    )
    return 0


def _mos(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 2)


def stock_line_dict(line: StockLine) -> dict[str, Any]:
    return {
        "product": line.product.code,
        "name": line.product.name,
        "base_unit": line.product.base_unit,
        "soh": line.soh,
        "usable_soh": line.usable_soh,
        "expired": line.expired,
        "amc": line.amc,
        "months_of_stock": _mos(line.months_of_stock),
        "expiring_soon": line.expiring_soon,
        "max_quantity": line.max_quantity,
        "min_quantity": line.min_quantity,
        "emergency_order_point": line.eop_quantity,
        "on_order": line.on_order,
        "order_quantity": line.order_quantity,
        "order_packs": line.order_packs,
        "pack_size": line.product.pack_size,
        "status": line.status.value,
        "projected_stockout": line.projected_stockout.isoformat()
        if line.projected_stockout
        else None,
    }


def _outlook_dict(outlook: ProductOutlook | None) -> dict[str, Any]:
    if outlook is None:
        return {
            "forecast_stockout": None,
            "stockout_probability": None,
            "order_now": None,
            "risk": None,
            "forecast": [],
            "explanation": None,
        }
    projection = outlook.projection
    return {
        "forecast_stockout": projection.stockout_date.isoformat()
        if projection.stockout_date
        else None,
        "stockout_probability": round(projection.stockout_probability, 3),
        "order_now": outlook.order_rounded,
        "risk": outlook.risk.value,
        "forecast": [
            {
                "month": f"{m.year}-{m.month:02d}",
                "forecast": m.forecast,
                "lower": m.lower,
                "upper": m.upper,
            }
            for m in outlook.forecast
        ],
        "forecast_method": outlook.method,
        "explanation": projection.explanation,
    }


def cmd_stock(args: argparse.Namespace, app: Application) -> int:
    as_of = args.as_of or app.ctx.today()
    lines = services.facility_stock(app.uow(), args.facility, as_of)
    outlooks = (
        {}
        if args.no_forecast
        else {o.product.code: o for o in facility_outlook(app.uow, args.facility, as_of)}
    )
    if args.json:
        _print_json(
            [
                {
                    **stock_line_dict(line),
                    **({} if args.no_forecast else _outlook_dict(outlooks.get(line.product.code))),
                }
                for line in lines
            ]
        )
        return 0
    print(f"Stock de {args.facility} à la fin du {as_of:%d/%m/%Y}")
    _table(
        [
            "Produit",
            "Stock",
            "SDU",
            "CMM",
            "MSD",
            "Périme ≤ 3 mois",
            "Commandé",
            "À commander",
            "Statut",
            "Rupture (CMM)",
            "Rupture prévue",
            "Risque",
            "Commander maintenant",
        ],
        [
            (
                line.product.code,
                line.soh,
                line.usable_soh,
                line.amc,
                "–" if line.months_of_stock is None else f"{line.months_of_stock:.2f}",
                line.expiring_soon,
                line.on_order,
                line.order_quantity,
                line.status.value,
                f"{line.projected_stockout:%d/%m/%Y}" if line.projected_stockout else "–",
                *_outlook_cells(outlooks.get(line.product.code)),
            )
            for line in lines
        ],
    )
    risky = [o for o in outlooks.values() if o.projection.stockout_date is not None]
    if risky:
        print()
        for outlook in risky:
            print(f"{outlook.product.code} : {outlook.projection.explanation}")
    return 0


def _outlook_cells(outlook: ProductOutlook | None) -> tuple[str, str, str]:
    if outlook is None:
        return "–", "–", "–"
    stockout = outlook.projection.stockout_date
    chance = f"{outlook.projection.stockout_probability:.0%}".replace("%", " %")
    return (
        f"{stockout:%d/%m/%Y}" if stockout else "–",
        f"{RISK_LABELS_FR[outlook.risk]} ({chance})",
        int_fr(outlook.order_rounded),
    )


def cmd_card(args: argparse.Namespace, app: Application) -> int:
    lines = services.product_stock_card(app.uow(), args.facility, args.product, args.lot)
    if args.json:
        _print_json(
            [
                {
                    "uuid": c.movement.uuid,
                    "date": c.movement.occurred_on.isoformat(),
                    "movement": c.movement.kind.value,
                    "quantity": c.movement.quantity,
                    "lot": c.movement.lot or None,
                    "expiry": c.movement.expiry.isoformat() if c.movement.expiry else None,
                    "reason": c.movement.reason.value if c.movement.reason else None,
                    "counted": c.movement.counted,
                    "counterpart": c.movement.counterpart or None,
                    "reference": c.movement.reference or None,
                    "reverses": c.movement.reverses,
                    "lot_balance": c.lot_balance,
                    "balance": c.balance,
                    "entered_by": c.movement.entered_by,
                }
                for c in lines
            ]
        )
        return 0
    print(f"Fiche de stock : {args.product} à {args.facility}")
    _table(
        [
            "Date",
            "Mouvement",
            "Lot",
            "Péremption",
            "Entrée",
            "Sortie",
            "Solde lot",
            "Solde",
            "Référence",
        ],
        [
            (
                f"{c.movement.occurred_on:%d/%m/%Y}",
                KIND_LABELS_FR[c.movement.kind] + (" (annulation)" if c.movement.reverses else ""),
                c.movement.lot or "–",
                f"{c.movement.expiry:%d/%m/%Y}" if c.movement.expiry else "–",
                c.movement.quantity if c.movement.quantity > 0 else "",
                -c.movement.quantity if c.movement.quantity < 0 else "",
                c.lot_balance,
                c.balance,
                c.movement.reference,
            )
            for c in lines
        ],
    )
    return 0


def cmd_import(args: argparse.Namespace, app: Application) -> int:
    from core.exchange.cells import sahelstock_format
    from core.exchange.delivery_workbook import FORMAT as DELIVERY_FORMAT
    from core.exchange.requisition_workbook import FORMAT as REQUISITION_FORMAT
    from core.importing import import_movements
    from core.monthly_reports import MonthlyImportResult, is_monthly_report_file
    from core.monthly_services import import_monthly_reports
    from core.requisition import ImportOutcome
    from core.requisition_import import import_requisition_files

    if not args.files and not args.map_site and not args.map_product:
        raise DomainError("Indiquez au moins un fichier à importer, ou --map-site / --map-product.")
    # Each file goes to the import it calls for: SahelStock requisitions and delivery notes
    # by the format on their data sheet, monthly LMIS reports or movements by their header row.
    paths = [Path(p) for p in args.files]
    kinds = {path: sahelstock_format(path) for path in paths}
    requisition_files = [p for p in paths if kinds[p] == REQUISITION_FORMAT]
    note_files = [p for p in paths if kinds[p] == DELIVERY_FORMAT]
    results: list[Any] = [
        import_monthly_reports(app.uow(), app.ctx, path, dry_run=args.dry_run)
        if is_monthly_report_file(path)
        else import_movements(app.uow(), app.ctx, path, dry_run=args.dry_run)
        for path in paths
        if not kinds[path]
    ]
    if (requisition_files or note_files) and args.dry_run:
        raise DomainError(
            "--dry-run ne s'applique pas aux réquisitions ni aux bons de livraison : leur import "
            "vérifie déjà tout le fichier et n'enregistre rien d'un fichier non valide."
        )
    requisitions = import_requisition_files(app.uow, app.ctx, requisition_files)
    notes = [import_note(app, path) for path in note_files]
    mappings = _apply_report_mappings(args, app)
    if args.json:
        data: Any = [r.to_dict() for r in results]
        data += [file_import_dict(r) for r in requisitions] + [n for n, _ in notes]
        if mappings:
            data = {"files": data, "mappings": mappings}
        _print_json(data)
    else:
        for item in requisitions:
            print_requisition_import(item)
        for _, text in notes:
            print(text)
        for r in results:
            if r.problems:
                print(f"{r.file} : {len(r.problems)} problème(s), rien n'a été enregistré.")
                for problem in r.problems:
                    print(f"  - {problem}")
            elif isinstance(r, MonthlyImportResult):
                _print_monthly_import(r)
            elif r.dry_run:
                print(
                    f"{r.file} : valide ({r.rows} lignes, {r.added} mouvement(s) à ajouter, "
                    f"{r.already_imported} déjà importée(s)). Essai : rien n'a été enregistré."
                )
            else:
                print(
                    f"{r.file} : {r.added} mouvement(s) ajouté(s), "
                    f"{r.already_imported} ligne(s) déjà importée(s)."
                )
        for mapping in mappings:
            target = mapping["to"] or "aucun (délié)"
            what = "site" if mapping["kind"] == "site" else "produit"
            print(
                f"Rapports : {what} {mapping['code']} → {target}"
                + (" (essai : rien n'a été enregistré)." if args.dry_run else ".")
            )
    refused = any(r.outcome is ImportOutcome.REFUSED for r in requisitions) or any(
        n["outcome"] == "refused" for n, _ in notes
    )
    return 1 if refused or any(r.problems for r in results) else 0


def _print_monthly_import(r: Any) -> None:
    verb = "à ajouter" if r.dry_run else "ajouté(s)"
    print(
        f"{r.file} : rapports LMIS mensuels, {r.rows} ligne(s) : {r.added} rapport(s) {verb}, "
        f"{r.replaced} remplacé(s) par une nouvelle version, {r.unchanged} déjà importé(s) "
        "à l'identique." + (" Essai : rien n'a été enregistré." if r.dry_run else "")
    )
    if r.sites_created or r.products_created:
        print(
            f"  {len(r.sites_created)} site(s) et {len(r.products_created)} produit(s) "
            "nouveaux dans les rapports."
        )
    if r.unlinked_sites:
        print(
            "  Sites sans établissement relié : "
            + ", ".join(r.unlinked_sites[:20])
            + (" …" if len(r.unlinked_sites) > 20 else "")
            + " (reliez-les avec --map-site SITE=ÉTABLISSEMENT)."
        )
    if r.unlinked_products:
        print(
            "  Produits hors catalogue : "
            + ", ".join(r.unlinked_products[:20])
            + (" …" if len(r.unlinked_products) > 20 else "")
            + " (reliez-les avec --map-product CODE=PRODUIT)."
        )
    if r.warnings:
        print(
            f"  {len(r.warnings)} ligne(s) où stock final ≠ initial + reçu + ajustements − "
            "distribué, importée(s) telle(s) quelle(s) :"
        )
        for warning in r.warnings:
            print(f"  - {warning}")


def _apply_report_mappings(args: argparse.Namespace, app: Application) -> list[dict[str, Any]]:
    from core.monthly_services import map_report_product, map_report_site

    done: list[dict[str, Any]] = []
    for kind, values in (("site", args.map_site), ("product", args.map_product)):
        for value in values:
            code, sep, target = value.partition("=")
            if not sep or not code.strip():
                option = (
                    "--map-site SITE=ÉTABLISSEMENT"
                    if kind == "site"
                    else ("--map-product CODE=PRODUIT")
                )
                raise DomainError(f"« {value} » : écrivez {option} (rien après = pour délier).")
            to = target.strip() or None
            if kind == "site":
                linked = map_report_site(app.uow(), code.strip(), to, args.dry_run)
                to = linked.facility_code
            else:
                item = map_report_product(app.uow(), code.strip(), to, args.dry_run)
                to = item.product_code
            done.append({"kind": kind, "code": code.strip(), "to": to})
    return done


def cmd_export(args: argparse.Namespace, app: Application) -> int:
    from core.exchange.movements import write_template

    uow = app.uow()
    target = Path(args.output)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    if args.what == "requisition":
        return _export_requisition(args, app, target)
    if args.what == "delivery-notes":
        return cmd_export_delivery_notes(args, app)
    if args.what == "consolidated":
        return cmd_export_consolidated(args, app, target)
    write_template(target, services.list_facilities(uow), services.list_products(uow))
    print(f"Modèle écrit : {target}")
    return 0


def _export_requisition(args: argparse.Namespace, app: Application, target: Path) -> int:
    from core.exchange.requisition_workbook import write_requisition_workbook
    from core.requisition import period_label_fr
    from core.requisition_services import requisition_for

    if not args.facility or args.period is None:
        raise DomainError(
            "Indiquez l'établissement et le mois : python main.py export requisition "
            "--facility CODE --period AAAA-MM -o FICHIER.xlsx"
        )
    requisition = requisition_for(app.uow(), app.ctx, args.facility, args.period)
    write_requisition_workbook(requisition, target)
    label = f"{requisition.facility_code}, {period_label_fr(requisition.period)}"
    if requisition.is_draft:
        print(
            f"Réquisition écrite : {target} ({label}, {len(requisition.lines)} produit(s)) "
            "— BROUILLON : elle n'est pas encore approuvée par le directeur."
        )
    else:
        print(
            f"Réquisition n° {requisition.sequence} écrite : {target} ({label}, "
            f"{len(requisition.lines)} produit(s), approuvée par {requisition.approved_by})."
        )
    return 0


def cmd_backup(args: argparse.Namespace, app: Application) -> int:
    target = app.backup(Path(args.output) if args.output else None)
    print(f"Sauvegarde écrite : {target}")
    return 0


def cmd_check(args: argparse.Namespace, app: Application) -> int:
    integrity = app.integrity_problems()
    ledger = services.check_database(app.uow())
    if args.json:
        _print_json({"ok": not integrity and not ledger, "integrity": integrity, "ledger": ledger})
    else:
        print(f"Base : {app.database_label}")
        print("Intégrité du fichier : " + ("OK" if not integrity else "ÉCHEC"))
        for problem in integrity:
            print(f"  - {problem}")
        print("Cohérence du registre : " + ("OK" if not ledger else "ÉCHEC"))
        for problem in ledger:
            print(f"  - {problem}")
    return 0 if not integrity and not ledger else 1


def cmd_demo(args: argparse.Namespace, app: Application) -> int:
    from core.demo import load_demo

    summary = load_demo(app.uow(), app.ctx, app.ctx.today())
    print(
        f"Base de démonstration créée dans {app.database_label} : "
        f"{summary.facilities} établissements, {summary.movements} mouvements."
    )
    print("Essayez : python main.py facilities   puis   python main.py stock --facility CODE")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Application], int]] = {
    "facilities": cmd_facilities,
    "products": cmd_products,
    "stock": cmd_stock,
    "card": cmd_card,
    "import": cmd_import,
    "export": cmd_export,
    "backup": cmd_backup,
    "check": cmd_check,
    "demo": cmd_demo,
}


def cmd_facility_set_supplier(args: argparse.Namespace, app: Application) -> int:
    supplier = None if args.none else args.supplier
    services.set_supplier(app.uow(), args.code, supplier)
    print(f"{args.code} : fournisseur {supplier or 'aucun'}.")
    return 0


RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def needs_database(args: argparse.Namespace) -> bool:
    """False for the commands main.py runs without opening a database."""
    if args.command == "forecast":
        return False
    return not (args.command == "nutrition" and args.nutrition_command == "classify")


def cmd_nutrition_classify(args: argparse.Namespace) -> int:
    has_whz = any(
        value is not None for value in (args.sex, args.age_months, args.weight, args.height)
    )
    measures = nutrition.ChildMeasures(
        muac_mm=nutrition.parse_muac_mm(args.muac),
        oedema=nutrition.parse_oedema(args.oedema),
        sex=None if args.sex is None else nutrition.parse_sex(args.sex),
        age_months=None
        if args.age_months is None
        else nutrition.parse_number(args.age_months, "Âge (mois)"),
        weight_kg=None if args.weight is None else nutrition.parse_number(args.weight, "Poids"),
        height_cm=None if args.height is None else nutrition.parse_number(args.height, "Taille"),
        complications=args.complications,
        measured_lying=None if args.position is None else args.position == "couche",
    )
    standards = nutrition.load_growth_standards(RESOURCES / "nutrition") if has_whz else None
    # No database here, so the settings are the defaults of DOMAIN.md.
    result = nutrition.assess_child(measures, nutrition.NutritionSettings(), standards)
    if args.json:
        _print_json(result.as_dict())
        return 0
    print(f"Classement : {nutrition.NUTRITION_CLASS_LABELS_FR[result.classification]}")
    print(f"PB : {args.muac.strip()} mm, {nutrition.NUTRITION_CLASS_SHORT_FR[result.muac_class]}")
    if result.whz is not None and result.whz_class is not None:
        label = nutrition.NUTRITION_CLASS_SHORT_FR[result.whz_class]
        print(f"P/T : {nutrition.fr_number(result.whz, 2)} z, {label}")
    print("Orientation : " + (result.referral.value if result.referral else "aucune"))
    print("Motifs :")
    for reason in result.reasons:
        print(f"  - {reason}")
    return 0


def run_without_database(args: argparse.Namespace) -> int:
    if args.command == "nutrition" and args.nutrition_command == "classify":
        return cmd_nutrition_classify(args)
    if args.command == "forecast":
        return run_forecast(args)
    raise ValueError(f"{args.command} needs a database")


def cmd_nutrition_report(args: argparse.Namespace, app: Application) -> int:
    report = pcima_services.pcima_report(app.uow(), args.facility, args.month)
    if args.output:
        path = write_report(report, Path(args.output))
        if not args.json:
            print(f"Classeur écrit : {path}")
    if args.json:
        _print_json(report.as_dict())
        return 0
    print(
        f"Rapport PCIMA – {report.facility_name} ({report.facility_code}) – "
        f"{month_label_fr(report)}"
    )
    units = report.units
    rows = [
        [label, *values]
        for label, *values in zip(
            *[[label for label, _ in unit_rows(units[0])]],
            *[[value for _, value in unit_rows(u)] for u in units],
            strict=True,
        )
    ]
    _table(["Rubrique", *[u.unit.value for u in units]], rows)
    print()
    for unit in units:
        for check in unit.rates:
            shown = "–" if check.percent is None else f"{check.percent} %".replace(".", ",")
            sign = ">" if check.above else "<"
            print(
                f"{unit.unit.value} {check.label} : {shown} (norme {sign} {check.threshold} %) "
                f"→ {check.verdict_fr}"
            )
        for warning in unit.warnings:
            print(f"{unit.unit.value} attention : {warning}")
    s = report.screening
    print()
    print(
        f"Dépistage : {s.children} enfant(s), {s.sam} MAS, {s.mam} MAM, {s.oedema} œdème(s) ; "
        f"{s.women} femme(s) enceinte(s)/allaitante(s) dont {s.women_mam} sous le seuil."
    )
    flag = "À VÉRIFIER : " if report.rutf.flagged else ""
    print(f"ATPE : {flag}{report.rutf.message_fr}")
    return 0


def _order_dict(order: StockOrder) -> dict[str, Any]:
    return {
        "id": order.record_uuid,
        "product": order.product_code,
        "quantity": order.quantity,
        "expected_on": order.expected_on.isoformat(),
        "reference": order.reference,
        "supplier": order.supplier,
        "status": order.status.value,
    }


def cmd_orders(args: argparse.Namespace, app: Application) -> int:
    pending = orders.pending_orders(app.uow(), args.facility, args.product)
    if args.json:
        _print_json([_order_dict(o) for o in pending])
        return 0
    if not pending:
        print("Aucune commande en cours.")
        return 0
    _table(
        ["Identifiant", "Produit", "Quantité", "Arrivée prévue", "Référence", "Fournisseur"],
        [
            (
                o.record_uuid,
                o.product_code,
                int_fr(o.quantity),
                f"{o.expected_on:%d/%m/%Y}",
                o.reference,
                o.supplier,
            )
            for o in pending
        ],
    )
    return 0


def cmd_order(args: argparse.Namespace, app: Application) -> int:
    if args.order_command == "add":
        order = orders.add_order(
            app.uow(),
            app.ctx,
            orders.StockOrder(
                facility_code=args.facility,
                product_code=args.product,
                quantity=args.quantity,
                expected_on=args.expected,
                reference=args.reference,
                supplier=args.supplier,
            ),
        )
        print(f"Commande enregistrée : {order.record_uuid}")
        return 0
    if args.expected is None and args.quantity is None and args.status is None:
        raise DomainError("Indiquez --expected, --quantity ou --status.")
    changed = orders.update_order(
        app.uow(),
        app.ctx,
        args.id,
        quantity=args.quantity,
        expected_on=args.expected,
        status=None if args.status is None else orders.OrderStatus(args.status),
        note=args.note,
    )
    print(
        f"Commande {changed.record_uuid} : {int_fr(changed.quantity)} {changed.product_code}, "
        f"prévue le {changed.expected_on:%d/%m/%Y}, "
        f"{orders.ORDER_STATUS_LABELS_FR[changed.status]}."
    )
    return 0


def _requisition_dict(requisition: Requisition) -> dict[str, Any]:
    return {
        "facility": requisition.facility_code,
        "period": f"{requisition.period:%Y-%m}",
        "status": requisition.status.value,
        "sequence": requisition.sequence,
        "approved_by": requisition.approved_by or None,
        "lines": [
            {
                "product": line.product_code,
                "beginning_balance": line.report.beginning_balance,
                "received": line.report.received,
                "consumed": line.report.consumed,
                "adjustments": line.report.adjustments,
                "stock_on_hand": line.report.stock_on_hand,
                "stockout_days": line.report.stockout_days,
                "adjusted_consumption": line.adjusted_consumption,
                "amc": line.amc,
                "max_quantity": line.max_quantity,
                "on_order": line.on_order,
                "calculated": line.calculated,
                "requested": line.requested,
                "requested_packs": line.requested_packs,
                "justification": line.justification,
                "remarks": line.remarks,
            }
            for line in requisition.lines
        ],
    }


def _pairs(values: Sequence[str], option: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        code, sep, text = value.partition("=")
        if not sep or not code.strip():
            raise DomainError(f"{option} « {value} » : attendu PRODUIT=VALEUR.")
        pairs.append((code.strip(), text))
    return pairs


def _with_edits(draft: Requisition, args: argparse.Namespace) -> Requisition:
    """The draft with the --justify, --remark and --request of the command line applied
    (core's edit_line)."""
    # Justifications first: a different quantity is checked against them.
    for code, text in _pairs(args.justify, "--justify"):
        draft = edit_line(draft, code, justification=text)
    for code, text in _pairs(args.remark, "--remark"):
        draft = edit_line(draft, code, remarks=text)
    for code, text in _pairs(args.request, "--request"):
        try:
            quantity = int(text.replace(" ", "").replace("\u202f", ""))
        except ValueError:
            raise DomainError(
                f"--request {code}={text} : la quantité est un nombre entier d'unités."
            ) from None
        draft = edit_line(draft, code, requested=quantity)
    return draft


def _revised(args: argparse.Namespace, app: Application) -> tuple[Requisition, Requisition]:
    """The approved requisition of the month and its revision with the command line's edits,
    approved (a new version with the facility's next number)."""
    label = f"{args.facility}, {period_label_fr(args.period)}"
    approved_months = {
        r.period for r in requisition_services.list_requisitions(app.uow(), args.facility)
    }
    if args.period not in approved_months:
        raise DomainError(
            f"Aucune réquisition approuvée pour {label} : il n'y a rien à réviser. Approuvez "
            "d'abord la réquisition du mois (python main.py requisition approve --facility "
            f"{args.facility} --period {args.period:%Y-%m} --by NOM)."
        )
    approved = requisition_services.requisition_for(app.uow(), app.ctx, args.facility, args.period)
    if approved.source == "imported":
        raise DomainError(
            f"La réquisition n° {approved.sequence} ({label}) a été importée du classeur de "
            "l'établissement : c'est l'établissement qui la révise et envoie la nouvelle version."
        )
    revised = _with_edits(requisition_services.reopen_requisition(approved), args)
    if [_editable(x) for x in revised.lines] == [_editable(x) for x in approved.lines]:
        raise DomainError(
            f"Révision sans changement de la réquisition n° {approved.sequence} ({label}) : "
            "indiquez une quantité demandée (--request), une justification (--justify) ou des "
            "observations (--remark) différentes."
        )
    return approved, requisition_services.revise_requisition(app.uow(), app.ctx, revised, args.by)


def _editable(line: RequisitionLine) -> tuple[int, str, str]:
    return (line.requested, line.justification, line.remarks)


def cmd_requisition(args: argparse.Namespace, app: Application) -> int:
    replaced: Requisition | None = None
    if args.requisition_command == "revise":
        replaced, draft = _revised(args, app)
    else:
        draft = requisition_services.requisition_for(app.uow(), app.ctx, args.facility, args.period)
    if args.requisition_command == "approve":
        draft = requisition_services.approve_requisition(
            app.uow(), app.ctx, _with_edits(draft, args), args.by
        )
    if args.json:
        data = _requisition_dict(draft)
        if replaced is not None:
            data["version"] = draft.version
            data["replaces"] = replaced.sequence
        _print_json(data)
        return 0
    state = (
        "BROUILLON (non approuvée)"
        if draft.is_draft
        else f"approuvée n° {draft.sequence} par {draft.approved_by}"
    )
    if replaced is not None:
        state += f" (révision : remplace la réquisition n° {replaced.sequence})"
    print(f"R&R {draft.facility_code} – {period_label_fr(draft.period)} : {state}")
    _table(
        [
            "Produit",
            "A",
            "B",
            "C",
            "D",
            "E",
            "Jours rupt.",
            "CMM",
            "Max",
            "Commandé",
            "Calculé",
            "Demandé",
            "Justification",
        ],
        [
            (
                line.product_code,
                line.report.beginning_balance,
                line.report.received,
                line.report.consumed,
                line.report.adjustments,
                line.report.stock_on_hand,
                line.report.stockout_days,
                line.amc,
                line.max_quantity,
                line.on_order,
                line.calculated,
                line.requested,
                line.justification,
            )
            for line in draft.lines
        ],
    )
    if replaced is not None:
        print(
            f"La réquisition n° {draft.sequence} remplace la n° {replaced.sequence} au district : "
            f"exportez-la (python main.py export requisition --facility {draft.facility_code} "
            f"--period {draft.period:%Y-%m} -o FICHIER.xlsx) et portez-la au district."
        )
    if not draft.is_draft:
        print(
            f"Le registre de {draft.facility_code} est clos jusqu'à la fin "
            f"{of_period_fr(draft.period)}."
        )
    return 0


def _count(value: int, noun: str) -> str:
    """« 1 carton », « 2 cartons », « 3 043 sachets »."""
    return f"{int_fr(value)} {noun}{'s' if abs(value) > 1 else ''}"


def cmd_nutrition_needs(args: argparse.Namespace, app: Application) -> int:
    as_of = args.as_of or app.ctx.today()
    if args.on_order is not None and args.on_order < 0:
        raise DomainError("--on-order : un nombre de sachets positif ou zéro est attendu.")
    needs = pcima_services.rutf_needs_for(app.uow, args.facility, as_of, args.months, args.on_order)
    if args.json:
        _print_json(needs.as_dict())
        return 0
    _table(
        ["Mois", "Tendance (sachets)", "Charge de cas (sachets)"],
        [
            (f"{month:%m/%Y}", trend, "–" if caseload is None else caseload)
            for month, trend, caseload in needs.monthly_sachets()
        ],
    )
    print()
    print(
        f"Stock utilisable : {_count(needs.usable_stock, 'sachet')} ; "
        f"déjà commandé : {_count(needs.on_order, 'sachet')}."
    )
    for label, sachets in (
        ("tendance des admissions URENAS", needs.trend_sachets()),
        ("charge de cas N × P × K × C", needs.caseload_sachets()),
    ):
        if sachets is None:
            print(
                f"Selon la {label} : renseignez la population, la prévalence et la couverture "
                "(écran Nutrition, onglet Besoins en ATPE)."
            )
            continue
        short = needs.shortfall(sachets)
        print(
            f"Selon la {label} : {_count(sachets, 'sachet')} "
            f"({_count(needs.cartons(sachets), 'carton')}), "
            f"manque {_count(short, 'sachet')} ({_count(needs.cartons(short), 'carton')})."
        )
    return 0


def run(args: argparse.Namespace, app: Application) -> int:
    if args.command == "facility":
        if args.facility_command == "set-supplier":
            return cmd_facility_set_supplier(args, app)
        return cmd_facility_add(args, app)
    if args.command == "orders":
        return cmd_orders(args, app)
    if args.command == "requisition":
        return cmd_requisition(args, app)
    if args.command == "requisitions":
        return cmd_requisitions(args, app)
    if args.command == "deliveries":
        return cmd_deliveries(args, app)
    if args.command == "delivery":
        return cmd_delivery_receive(args, app)
    if args.command == "order":
        return cmd_order(args, app)
    if args.command == "nutrition":
        if args.nutrition_command == "report":
            return cmd_nutrition_report(args, app)
        return cmd_nutrition_needs(args, app)
    return COMMANDS[args.command](args, app)
