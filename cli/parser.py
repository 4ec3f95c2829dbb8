"""The command-line grammar: `python main.py [--db DB] <command> ...`."""

from __future__ import annotations

import argparse
from datetime import date

from cli.forecast import register as register_forecast


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"« {text} » n'est pas une date AAAA-MM-JJ (exemple : 2026-10-31)"
        ) from None


def year_month(text: str) -> date:
    try:
        year, month = text.strip().split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"« {text} » n'est pas un mois AAAA-MM (exemple : 2026-10)"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="fichier de base de données ou URL SQLAlchemy (par défaut : la base de l'application)",
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="sortie en JSON")

    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="SahelStock : stocks, PCIMA et réquisitions des établissements de santé.",
        parents=[common],
    )
    parser.add_argument(
        "--demo", action="store_true", help="ouvrir l'application sur la base de démonstration"
    )
    parser.add_argument("--lang", choices=["fr", "en"], help="langue de l'interface")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    demo = sub.add_parser("demo", parents=[common], help="créer une base de démonstration")
    demo.add_argument(
        "--replace",
        action="store_true",
        help="sauvegarder puis remplacer une base qui contient déjà des données",
    )

    facility = sub.add_parser("facility", parents=[common], help="gérer les établissements")
    facility_sub = facility.add_subparsers(dest="facility_command", metavar="ACTION", required=True)
    add = facility_sub.add_parser("add", parents=[common], help="ajouter un établissement")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--type", required=True, help="CSCom, CSRef, EPH, CHU, mobile, warehouse")
    add.add_argument("--region", required=True)
    add.add_argument("--district", required=True)
    add.add_argument("--supplier", help="code de l'établissement fournisseur")

    supplier = facility_sub.add_parser(
        "set-supplier", parents=[common], help="changer le fournisseur d'un établissement"
    )
    supplier.add_argument("--code", required=True)
    group = supplier.add_mutually_exclusive_group(required=True)
    group.add_argument("--supplier", help="code de l'établissement fournisseur")
    group.add_argument("--none", action="store_true", help="aucun fournisseur")

    sub.add_parser("facilities", parents=[common, as_json], help="lister les établissements")
    sub.add_parser("products", parents=[common, as_json], help="lister le catalogue de produits")

    stock = sub.add_parser("stock", parents=[common, as_json], help="état du stock")
    stock.add_argument("--facility", required=True)
    stock.add_argument("--as-of", type=iso_date, help="fin de cette journée (AAAA-MM-JJ)")
    stock.add_argument(
        "--no-forecast",
        action="store_true",
        help="sans la prévision ni la projection (plus rapide)",
    )

    card = sub.add_parser("card", parents=[common, as_json], help="fiche de stock d'un produit")
    card.add_argument("--facility", required=True)
    card.add_argument("--product", required=True)
    card.add_argument("--lot", help="seulement ce lot")

    imp = sub.add_parser(
        "import",
        parents=[common, as_json],
        help="importer des mouvements ou des rapports LMIS mensuels",
        description="Chaque fichier est reconnu à sa ligne d'en-têtes : les colonnes des "
        "rapports LMIS mensuels (year, month, site_code, product_code, stock_initial, …) ou "
        "celles des mouvements. Les options --map-site et --map-product relient ensuite les "
        "sites et produits des rapports aux établissements et au catalogue.",
    )
    imp.add_argument("files", nargs="*", metavar="FICHIER", help=".xlsx ou .csv")
    imp.add_argument("--dry-run", action="store_true", help="vérifier sans rien enregistrer")
    imp.add_argument(
        "--map-site",
        action="append",
        default=[],
        metavar="SITE=ÉTABLISSEMENT",
        help="relier un site des rapports à un établissement (SITE= pour le délier)",
    )
    imp.add_argument(
        "--map-product",
        action="append",
        default=[],
        metavar="CODE=PRODUIT",
        help="relier un produit des rapports à un produit du catalogue (CODE= pour le délier)",
    )

    export = sub.add_parser(
        "export",
        parents=[common],
        help="exporter un modèle ou une réquisition (R&R)",
        description="template : le modèle de mouvements à remplir. requisition : la "
        "réquisition (R&R) d'un établissement pour un mois, approuvée si elle l'est, sinon "
        "le brouillon calculé du registre, marqué BROUILLON.",
    )
    export.add_argument(
        "what",
        choices=["template", "requisition", "delivery-notes", "consolidated"],
        help="template : modèle de mouvements ; requisition : R&R d'un mois ; delivery-notes "
        ": les bons de livraison d'un dépôt pour les réquisitions d'un mois (le stock sort "
        "de son registre ; -o est alors un dossier) ; consolidated : la synthèse par région, "
        "district et établissement des réquisitions importées d'un mois",
    )
    export.add_argument("-o", "--output", required=True, metavar="FICHIER.xlsx|DOSSIER")
    export.add_argument(
        "--facility", metavar="CODE", help="établissement (requisition) ou dépôt (delivery-notes)"
    )
    export.add_argument(
        "--period", type=year_month, metavar="AAAA-MM", help="mois de la réquisition"
    )

    backup = sub.add_parser("backup", parents=[common], help="sauvegarder la base")
    backup.add_argument("-o", "--output", metavar="FICHIER")

    sub.add_parser("check", parents=[common, as_json], help="contrôler la base et le registre")

    nutrition = sub.add_parser(
        "nutrition", help="PCIMA : dépistage, rapport mensuel et besoins en ATPE"
    )
    nutrition_sub = nutrition.add_subparsers(
        dest="nutrition_command", metavar="ACTION", required=True
    )
    classify = nutrition_sub.add_parser(
        "classify",
        parents=[as_json],
        help="classer un enfant de 6 à 59 mois (PB, œdèmes, poids-pour-taille)",
        description="Sans base de données. Le poids-pour-taille demande ensemble --sex, "
        "--age-months, --weight et --height.",
    )
    # Values are read as text and checked by core.nutrition, so errors come out in French.
    classify.add_argument("--muac", required=True, metavar="MM", help="PB en mm (entier)")
    classify.add_argument(
        "--oedema", default="0", metavar="0|+|++|+++", help="œdèmes bilatéraux (défaut : 0)"
    )
    classify.add_argument("--sex", metavar="M|F", help="M (garçon) ou F (fille)")
    classify.add_argument("--age-months", metavar="N", help="âge en mois (6 à 59)")
    classify.add_argument("--weight", metavar="KG", help="poids en kg (6,5 ou 6.5)")
    classify.add_argument("--height", metavar="CM", help="longueur ou taille en cm")
    classify.add_argument(
        "--position",
        choices=["couche", "debout"],
        help="position de la mesure, pour la correction OMS de 0,7 cm si elle ne correspond "
        "pas à l'âge (couché avant 2 ans, debout ensuite)",
    )
    classify.add_argument(
        "--complications", action="store_true", help="complications médicales (→ URENI)"
    )
    register_forecast(sub, common, as_json)

    requisition = sub.add_parser(
        "requisition", parents=[common], help="la réquisition (R&R) d'un établissement et d'un mois"
    )
    requisition_sub = requisition.add_subparsers(
        dest="requisition_command", metavar="ACTION", required=True
    )
    show = requisition_sub.add_parser(
        "show", parents=[common, as_json], help="voir la R&R (approuvée, sinon un brouillon)"
    )
    approve = requisition_sub.add_parser(
        "approve",
        parents=[common, as_json],
        help="approuver la R&R : elle est enregistrée et le mois est clos dans le registre",
    )
    revise = requisition_sub.add_parser(
        "revise",
        parents=[common, as_json],
        help="réviser la R&R approuvée du mois : quantités demandées, justifications et "
        "observations changées ; nouvelle version avec un nouveau numéro, qui remplace la "
        "précédente au district (les chiffres du registre restent ceux approuvés)",
    )
    for action in (show, approve, revise):
        action.add_argument("--facility", required=True, metavar="CODE")
        action.add_argument("--period", required=True, type=year_month, metavar="AAAA-MM")
    for action in (approve, revise):
        action.add_argument(
            "--by", required=True, metavar="NOM", help="le directeur (DTC) qui approuve"
        )
        action.add_argument(
            "--request",
            action="append",
            default=[],
            metavar="PRODUIT=QUANTITÉ",
            help="quantité demandée en unités, autre que la quantité calculée (répétable)",
        )
        action.add_argument(
            "--justify",
            action="append",
            default=[],
            metavar="PRODUIT=TEXTE",
            help="justification d'une quantité demandée différente (répétable)",
        )
        action.add_argument(
            "--remark", action="append", default=[], metavar="PRODUIT=TEXTE", help="observations"
        )

    requisitions = sub.add_parser(
        "requisitions",
        parents=[common, as_json],
        help="les réquisitions d'un district pour un mois, leurs signalements et les totaux",
    )
    requisitions.add_argument(
        "--district",
        required=True,
        metavar="CODE",
        help="le nom du district sanitaire ou le code de son CSRéf",
    )
    requisitions.add_argument("--period", required=True, type=year_month, metavar="AAAA-MM")

    deliveries = sub.add_parser(
        "deliveries", parents=[common, as_json], help="bons de livraison à réceptionner"
    )
    deliveries.add_argument("--facility", required=True, metavar="CODE")
    delivery = sub.add_parser("delivery", parents=[common], help="réceptionner un bon de livraison")
    delivery_sub = delivery.add_subparsers(dest="delivery_command", metavar="ACTION", required=True)
    receive = delivery_sub.add_parser(
        "receive",
        parents=[common],
        help="confirmer la réception (chaque ligne telle qu'expédiée, sauf --received)",
    )
    receive.add_argument("number", metavar="NUMÉRO", help="le numéro du bon (BL-…)")
    receive.add_argument("--facility", required=True, metavar="CODE")
    receive.add_argument("--on", type=iso_date, metavar="AAAA-MM-JJ", help="date de réception")
    receive.add_argument(
        "--received",
        action="append",
        default=[],
        metavar="LIGNE=QUANTITÉ",
        help="quantité reçue d'une ligne, si elle diffère de l'expédiée (répétable)",
    )
    receive.add_argument(
        "--reason",
        action="append",
        default=[],
        metavar="LIGNE=TEXTE",
        help="raison de l'écart d'une ligne (obligatoire avec --received)",
    )

    orders = sub.add_parser(
        "orders", parents=[common, as_json], help="commandes en cours (stock commandé, en transit)"
    )
    orders.add_argument("--facility", required=True, metavar="CODE")
    orders.add_argument("--product", metavar="CODE")

    order = sub.add_parser("order", parents=[common], help="enregistrer ou suivre une commande")
    order_sub = order.add_subparsers(dest="order_command", metavar="ACTION", required=True)
    order_add = order_sub.add_parser(
        "add", parents=[common], help="une livraison attendue (stock commandé ou en transit)"
    )
    order_add.add_argument("--facility", required=True, metavar="CODE")
    order_add.add_argument("--product", required=True, metavar="CODE")
    order_add.add_argument(
        "--quantity", required=True, type=int, metavar="N", help="en unités (sachets, comprimés)"
    )
    order_add.add_argument(
        "--expected", required=True, type=iso_date, metavar="AAAA-MM-JJ", help="arrivée prévue"
    )
    order_add.add_argument("--reference", default="", help="numéro de réquisition ou de bon")
    order_add.add_argument("--supplier", default="", help="fournisseur")
    order_set = order_sub.add_parser(
        "set", parents=[common], help="changer une commande en cours (date, quantité, état)"
    )
    order_set.add_argument("id", metavar="IDENTIFIANT", help="identifiant donné par « orders »")
    order_set.add_argument("--expected", type=iso_date, metavar="AAAA-MM-JJ")
    order_set.add_argument("--quantity", type=int, metavar="N")
    order_set.add_argument("--status", choices=["received", "cancelled"])
    order_set.add_argument("--note", default="", help="pourquoi")

    report = nutrition_sub.add_parser(
        "report",
        parents=[common, as_json],
        help="rapport mensuel PCIMA d'un établissement (totaux seulement)",
    )
    report.add_argument("--facility", required=True, metavar="CODE")
    report.add_argument("--month", required=True, type=year_month, metavar="AAAA-MM")
    report.add_argument("-o", "--output", metavar="FICHIER.xlsx", help="écrire aussi le classeur")

    needs = nutrition_sub.add_parser(
        "needs",
        parents=[common, as_json],
        help="besoins en ATPE des prochains mois (tendance des admissions et charge de cas)",
    )
    needs.add_argument("--facility", required=True, metavar="CODE")
    needs.add_argument("--months", type=int, default=6, metavar="N", help="mois à prévoir (6)")
    needs.add_argument("--as-of", type=iso_date, help="date de calcul (AAAA-MM-JJ, aujourd'hui)")
    needs.add_argument(
        "--on-order",
        type=int,
        metavar="SACHETS",
        help="sachets déjà commandés (par défaut : les commandes d'ATPE en cours)",
    )
    return parser
