<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AddFacilityDialog</name>
    <message>
        <location filename="../../gui/settings/screen.py" line="+54"/>
        <source>Ajouter un établissement</source>
        <translation>Add a facility</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Un autre établissement dont vous tenez le stock ou avec lequel vous échangez (fournisseur, destinataire de transferts).</source>
        <translation>Another facility whose stock you keep or that you exchange stock with (supplier, transfer recipient).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>AdmissionForm</name>
    <message>
        <location filename="../../gui/nutrition/registers_dialogs.py" line="+717"/>
        <source>Corriger une admission</source>
        <translation>Correct an admission</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Admettre un enfant</source>
        <translation>Admit a child</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>n° du registre ou nom (reste dans le centre)</source>
        <translation>register no. or name (stays in the centre)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unité :</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date d&apos;admission :</source>
        <translation>Admission date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiant de l&apos;enfant :</source>
        <translation>Child ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type d&apos;admission :</source>
        <translation>Admission type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critère d&apos;admission :</source>
        <translation>Admission criterion:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>identifiant de l&apos;enfant</source>
        <translation>child ID</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>motif de la correction</source>
        <translation>reason for the correction</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{0} admis en {1} le {2}.</source>
        <translation>{0} admitted to {1} on {2}.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="+33"/>
        <source>Création de la démonstration (deux ans d&apos;historique)…</source>
        <translation>Creating the demonstration (two years of history)…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Démonstration</source>
        <translation>Demonstration</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../gui/requisition/facility_tab.py" line="+143"/>
        <source>Approuver la réquisition</source>
        <extracomment>the stored requisition, once approved</extracomment>
        <translation>Approve the requisition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réquisition pour {0} — {1} ({2})</source>
        <translation>Requisition for {0} — {1} ({2})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&apos;approbation clôt dans le registre le mois {0} et tous les mois précédents : plus aucune entrée (réception, dispensation, perte, inventaire) ne pourra y être datée. Les corrections se feront dans le mois suivant ({1}).

La réquisition reçoit son numéro et ne se modifie plus.</source>
        <translation>Approval closes {0} and every earlier month in the ledger: no entry (receipt, dispensing, loss, physical count) can be dated in them any more. Corrections will go into the following month ({1}).

The requisition gets its number and can no longer be changed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approuver la révision</source>
        <translation>Approve the revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Révision de la réquisition n° {0} pour {1} — {2} ({3})</source>
        <translation>Revision of requisition No. {0} for {1} — {2} ({3})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>La révision est une nouvelle version de la réquisition {0}, n° {1} : au district, elle remplace la réquisition n° {2}. Exportez-la en Excel et portez-la au district.

Le mois {0} reste clos dans le registre : ses chiffres restent ceux approuvés, seules les quantités demandées, les justifications et les observations changent.</source>
        <translation>The revision is a new version of the requisition for {0}, No. {1}: at the district, it replaces requisition No. {2}. Export it to Excel and take it to the district.

{0} stays closed in the ledger: its figures stay those approved; only the requested quantities, justifications and remarks change.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Nom du directeur (DTC) :</source>
        <translation>Director&apos;s &amp;name (DTC):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Approuver</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Approuver la révision</source>
        <translation>&amp;Approve the revision</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../gui/labels.py" line="+40"/>
        <source>Nutrition</source>
        <translation>Nutrition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Médicaments</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Santé mentale (mhGAP)</source>
        <translation>Mental health (mhGAP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kits</source>
        <translation>Kits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Équipement</source>
        <translation>Equipment</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../gui/charts.py" line="+24"/>
        <source>janv.</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>févr.</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mars</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avr.</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mai</source>
        <translation>May</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>juin</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>juil.</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>août</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sept.</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oct.</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nov.</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>déc.</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock minimum</source>
        <translation>Minimum stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock maximum</source>
        <translation>Maximum stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rupture de stock</source>
        <translation>Stock-out</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+391"/>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="-390"/>
        <source>Aucun mouvement pour ce produit</source>
        <translation>No movements for this product</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Admissions</source>
        <extracomment>short month names, January first, for the date axis how numbers are written on the quantity axis and in the legend</extracomment>
        <translation>Admissions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% de MAS parmi les dépistés</source>
        <translation>% SAM among those screened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% de MAM parmi les dépistés</source>
        <translation>% MAM among those screened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% des enfants dépistés</source>
        <translation>% of children screened</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sachets d&apos;ATPE distribués (sorties de stock)</source>
        <translation>RUTF sachets distributed (stock issues)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enfants admis en URENAS × {0} sachets</source>
        <extracomment>{0}: sachets expected per child</extracomment>
        <translation>Children admitted to URENAS × {0} sachets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sachets</source>
        <translation>Sachets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucune donnée PCIMA sur ces mois</source>
        <translation>No CMAM data for these months</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Consommation du mois</source>
        <extracomment>(month, consumption C, consumption adjusted for stock-out days), oldest first (month, forecast, lower, upper): the forecast and its band the projected usable stock at the end of each day, from today lots expiring before they can be used: (expiry, lot, units lost) expected deliveries: (date, units) RUTF: sachets a month by the PCIMA caseload, (month, sachets)</extracomment>
        <translation>Monthly consumption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ajusté pour les jours de rupture</source>
        <translation>Adjusted for stock-out days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consommation prévue</source>
        <translation>Forecast consumption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intervalle de prévision (80 %)</source>
        <translation>Forecast interval (80%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock utilisable projeté</source>
        <translation>Projected usable stock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock minimum ({0})</source>
        <extracomment>{0}: the quantity</extracomment>
        <translation>Minimum stock ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock maximum ({0})</source>
        <translation>Maximum stock ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rupture prévue le {0}</source>
        <extracomment>{0}: the date</extracomment>
        <translation>Stock-out expected on {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot périmé avant usage</source>
        <translation>Lot expiring before use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Livraison attendue</source>
        <translation>Expected delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besoin selon les cas PCIMA</source>
        <translation>Need from CMAM caseload</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aujourd&apos;hui</source>
        <translation>today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consommation des derniers mois</source>
        <translation>Consumption in recent months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prévision et stock projeté</source>
        <translation>Forecast and projected stock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lot {0}</source>
        <extracomment>{0}: the lot</extracomment>
        <translation>lot {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun historique de consommation pour ce produit</source>
        <translation>No consumption history for this product</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <location filename="../../gui/nutrition/charts_tab.py" line="+59"/>
        <source>Enregistrer l&apos;image…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les deux graphiques en image PNG, pour un rapport</source>
        <translation>Both charts as a PNG image, for a report</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>De {0} à {1}</source>
        <translation>From {0} to {1}</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Admissions par mois et par unité ; part de MAS et de MAM chez les dépistés</source>
        <translation>Admissions by month and unit; share of SAM and MAM among those screened</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ATPE distribué et ATPE attendu pour les enfants admis en URENAS</source>
        <translation>RUTF distributed and RUTF expected for the children admitted to URENAS</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pcima-{0}-{1}.png</source>
        <translation>cmam-{0}-{1}.png</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer les graphiques</source>
        <translation>Save the charts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Impossible d&apos;écrire l&apos;image {0} : {1}. Choisissez un autre dossier.</source>
        <translation>Cannot write the image {0}: {1}. Choose another folder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Graphiques enregistrés : {0}</source>
        <translation>Charts saved: {0}</translation>
    </message>
</context>
<context>
    <name>CloseOrderForm</name>
    <message>
        <location filename="../../gui/forecast/orders.py" line="+244"/>
        <source>Commande reçue</source>
        <translation>Order received</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annuler une commande</source>
        <translation>Cancel an order</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Elle ne comptera plus comme stock attendu. Enregistrez aussi la réception des lots (bouton « Réception », Ctrl+R) : c&apos;est elle qui ajoute le stock.</source>
        <translation>It will no longer count as expected stock. Also record the receipt of the lots (“Receipt” button, Ctrl+R): that is what adds the stock.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Elle ne comptera plus comme stock attendu.</source>
        <translation>It will no longer count as expected stock.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>facultatif, ex. reçue incomplète, BL 4471</source>
        <translation>optional, e.g. partly received, delivery note 4471</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note :</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marquer reçue</source>
        <translation>Mark received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ex. rupture chez le fournisseur</source>
        <translation>e.g. supplier out of stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif de l&apos;annulation :</source>
        <translation>Reason for voiding:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler la commande</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>motif de l&apos;annulation</source>
        <translation>reason for voiding</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Commande marquée reçue : {0}.</source>
        <translation>Order marked received: {0}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commande annulée : {0}.</source>
        <translation>Order cancelled: {0}.</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../gui/requisition/district_dialogs.py" line="+112"/>
        <source>Quantité approuvée différente de la demande</source>
        <extracomment>the approval is stored (the District tab then reads the review again, warnings included)</extracomment>
        <translation>Approved quantity differs from the request</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Demandé : {0} {2} · approuvé : {1} {2}</source>
        <translation>Requested: {0} {2} · approved: {1} {2}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ex. stock du dépôt insuffisant, afflux de patients</source>
        <translation>e.g. not enough stock at the depot, influx of patients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pourquoi ? (obligatoire)</source>
        <translation>&amp;Why? (required)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le commentaire est gardé avec la quantité approuvée ; l&apos;établissement voit la quantité livrée sur son bon de livraison.</source>
        <translation>The comment is kept with the approved quantity; the facility sees the quantity delivered on its delivery note.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConsolidatedImportModel</name>
    <message>
        <location filename="../../gui/requisition/consolidated_model.py" line="+529"/>
        <source>✔ importée</source>
        <translation>✔ imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✔ remplace la version précédente</source>
        <translation>✔ replaces the previous version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>= déjà importée</source>
        <translation>= already imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>= plus ancienne</source>
        <translation>= older</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✖ refusée</source>
        <translation>✖ refused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>non traité (import arrêté)</source>
        <translation>not processed (import stopped)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Établissement ajouté à la base : {0}, district {1}.</source>
        <translation>Facility added to the database: {0}, district {1}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Pourquoi un fichier est refusé (rien n&apos;en est importé), et les signalements (⚑) importés avec la réquisition : à vérifier avec l&apos;établissement</source>
        <translation>Why a file is refused (nothing of it is imported), and the flags (⚑) imported with the requisition: to check with the facility</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raison, remarques et signalements</source>
        <translation>Reason, remarks and flags</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>… et {0} autre(s) (survolez pour tout voir)</source>
        <translation>… and {0} more (hover to see them all)</translation>
    </message>
</context>
<context>
    <name>ConsolidatedModel</name>
    <message>
        <location line="-616"/>
        <source>Région, district
et établissement</source>
        <translation>Region, district
and facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statut
du stock</source>
        <translation>Stock
status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produits</source>
        <translation>Products</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En
rupture</source>
        <translation>Stocked
out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avec jours
de rupture
(jours)</source>
        <translation>With
stock-out days
(days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sous min.
/ sous
PCU</source>
        <translation>Below min.
/ below
EOP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSD
médian</source>
        <translation>Median
MOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ATPE
SDU</source>
        <translation>RUTF
usable stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ATPE
MSD</source>
        <translation>RUTF
MOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ATPE
demandé
sachets
(cartons)</source>
        <translation>RUTF
requested
sachets
(cartons)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N°
R&amp;R</source>
        <translation>R&amp;R
No.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rupture : au moins un produit sans stock utilisable en fin de mois ; sous le minimum : au moins un produit sous le stock minimum ; correct : aucun des deux</source>
        <translation>stock-out: at least one product with no usable stock at the end of the month; below minimum: at least one product below its minimum stock; OK: neither</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Produits de la réquisition (lignes)</source>
        <translation>Products on the requisition (lines)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produits sans stock utilisable à la fin du mois</source>
        <translation>Products with no usable stock at the end of the month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Produits ayant eu des jours de rupture pendant le mois, et entre parenthèses le total de leurs jours de rupture</source>
        <translation>Products that had stock-out days during the month, and in brackets their total number of stock-out days</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Produits dont les mois de stock (MSD) sont sous le stock minimum / sous le point de commande d&apos;urgence (PCU)</source>
        <translation>Products whose months of stock (MOS) are below the minimum stock / below the emergency order point (EOP)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mois de stock disponible (SDU ÷ CMM) médians des produits de l&apos;établissement ; « – » : aucun produit consommé</source>
        <translation>Median months of stock (usable stock ÷ AMC) of the facility&apos;s products; “–”: no product consumed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ATPE : stock disponible utilisable en fin de mois, en sachets</source>
        <translation>RUTF: usable stock at the end of the month, in sachets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ATPE : mois de stock = SDU ÷ CMM ; pour une zone, SDU totale ÷ CMM totale ; « – » : pas de consommation</source>
        <translation>RUTF: months of stock = usable stock ÷ AMC; for an area, total usable stock ÷ total AMC; “–”: no consumption</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ATPE demandé, en sachets, et entre parenthèses en cartons entiers comme chaque établissement les a demandés</source>
        <translation>RUTF requested, in sachets, and in brackets in whole cartons as each facility requested them</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Numéro de la réquisition (R&amp;R) approuvée</source>
        <translation>Number of the approved requisition (R&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rupture</source>
        <translation>stock-out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sous le minimum</source>
        <translation>below minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>correct</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>(région non renseignée)</source>
        <translation>(region not given)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(district non renseigné)</source>
        <translation>(district not given)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>1 établissement</source>
        <translation>1 facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} établissements</source>
        <translation>{0} facilities</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} en rupture</source>
        <translation>{0} stocked out</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} sous min.</source>
        <translation>{0} below min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} sous le minimum</source>
        <translation>{0} below minimum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tous corrects</source>
        <translation>all OK</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Région d&apos;{0}</source>
        <translation>{0} Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Région de {0}</source>
        <translation>{0} Region</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>District d&apos;{0}</source>
        <translation>{0} District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District de {0}</source>
        <translation>{0} District</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>{0} · {1} établ.</source>
        <translation>{0} · {1} fac.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{0} ({1} j)</source>
        <translation>{0} ({1} d)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>brouillon</source>
        <translation>draft</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} produit(s) avec des jours de rupture, {1} jours de rupture au total</source>
        <translation>{0} product(s) with stock-out days, {1} stock-out days in total</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} produit(s) sous le stock minimum, dont {1} sous le point de commande d&apos;urgence</source>
        <translation>{0} product(s) below the minimum stock, {1} of them below the emergency order point</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} sachets demandés, soit {1} cartons</source>
        <translation>{0} sachets requested, that is {1} cartons</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} – {1}
{2}, district {3}, {4}</source>
        <translation>{0} – {1}
{2}, district {3}, {4}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>En rupture en fin de mois : {0}</source>
        <translation>Stocked out at the end of the month: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Réquisition : {0}</source>
        <translation>Requisition: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} : {1} en rupture, {2} sous le minimum, {3} correct(s)</source>
        <translation>{0}: {1} stocked out, {2} below minimum, {3} OK</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} établissement(s) avec ATPE ; CMM totale {1} sachets</source>
        <translation>Facilities with RUTF: {0}; total AMC {1} sachets</translation>
    </message>
</context>
<context>
    <name>ConsolidatedRequisitionTab</name>
    <message>
        <location filename="../../gui/requisition/consolidated_tab.py" line="+130"/>
        <source>&amp;Importer des réquisitions…</source>
        <extracomment>the background import ended (finished, stopped or failed) and its results are shown the month&apos;s requisitions, read in the background, are shown (or the reason they are not)</extracomment>
        <translation>&amp;Import requisitions…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisir les classeurs de réquisition (R&amp;R) approuvés envoyés par les établissements</source>
        <translation>Choose the approved requisition (R&amp;R) workbooks sent by the facilities</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importer un &amp;dossier…</source>
        <translation>Import a &amp;folder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importer tous les classeurs Excel (.xlsx) d&apos;un dossier, par exemple une clé USB</source>
        <translation>Import every Excel workbook (.xlsx) in a folder, for example on a USB stick</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xporter le classeur consolidé…</source>
        <translation>E&amp;xport consolidated workbook…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Un classeur Excel : synthèse par région et district, une ligne par établissement, une ligne par produit (ce qui est affiché, filtre compris)</source>
        <translation>An Excel workbook: summary by region and district, one row per facility, one row per product (what is shown, filter included)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import des réquisitions : lecture de « {0} »…</source>
        <translation>Importing requisitions: reading “{0}”…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import des réquisitions : « {0} » lu</source>
        <translation>Importing requisitions: “{0}” read</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrêter après le fichier en cours : les fichiers déjà lus restent importés, les autres ne sont pas touchés</source>
        <translation>Stop after the current file: the files already read stay imported, the others are not touched</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Masquer</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Masquer le compte rendu de l&apos;import</source>
        <translation>Hide the import report</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Mois :</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Filtrer :</source>
        <translation>Fil&amp;ter:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Région ou district…</source>
        <translation>Region or district…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Aucune réquisition de {0} : importez d&apos;abord les fichiers du mois.</source>
        <translation>No requisitions for {0}: import the month&apos;s files first.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Lecture des réquisitions {0}…</source>
        <translation>Reading the requisitions of {0}…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Les réquisitions {0} n&apos;ont pas pu être lues : {1}</source>
        <translation>The requisitions of {0} could not be read: {1}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Aucune réquisition dans cette base.
Cliquez sur « Importer des réquisitions… » ou « Importer un dossier… » pour lire les classeurs R&amp;R des établissements.</source>
        <translation>No requisitions in this database.
Click “Import requisitions…” or “Import a folder…” to read the facilities&apos; R&amp;R workbooks.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Aucune région ni district ne correspond à « {0} » en {1}.</source>
        <translation>No region or district matches “{0}” in {1}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Total « {0} »</source>
        <translation>Total “{0}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total général</source>
        <translation>Grand total</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} établissement</source>
        <translation>{0} facility</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} établissements</source>
        <translation>{0} facilities</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statut : rupture = au moins un produit sans stock utilisable en fin de mois ; sous le minimum = au moins un produit sous {0} mois de stock. Point de commande d&apos;urgence (PCU) {1} mois, stock maximum {2} mois. MSD = SDU ÷ CMM ; « – » : pas de consommation.</source>
        <translation>Status: stock-out = at least one product with no usable stock at the end of the month; below minimum = at least one product below its minimum stock. Months of stock: minimum {0}, emergency order point (EOP) {1}, maximum {2}. MOS = usable stock ÷ AMC; “–”: no consumption.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remarques :</source>
        <translation>Remarks:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choisir les réquisitions (R&amp;R) à importer</source>
        <translation>Choose the requisitions (R&amp;R) to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeurs Excel (*.xlsx);;Tous les fichiers (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choisir le dossier des réquisitions (R&amp;R)</source>
        <translation>Choose the folder of requisitions (R&amp;R)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Aucun classeur Excel (.xlsx) dans {0} : choisissez le dossier où sont copiées les réquisitions.</source>
        <translation>No Excel workbook (.xlsx) in {0}: choose the folder the requisitions were copied to.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Erreur inattendue pendant l&apos;import : {0}. Les fichiers lus avant l&apos;erreur restent importés ; les détails sont dans le journal.</source>
        <translation>Unexpected error during the import: {0}. The files read before the error stay imported; the details are in the log.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0} importée</source>
        <translation>{0} imported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} importées</source>
        <translation>{0} imported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} remplace une version précédente</source>
        <translation>{0} replaces a previous version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} remplacent une version précédente</source>
        <translation>{0} replace a previous version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} déjà importée</source>
        <translation>{0} already imported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} déjà importées</source>
        <translation>{0} already imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} plus ancienne</source>
        <translation>{0} older</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} plus anciennes</source>
        <translation>{0} older</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} refusée</source>
        <translation>{0} refused</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} refusées</source>
        <translation>{0} refused</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} non traité</source>
        <translation>{0} not processed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} non traités</source>
        <translation>{0} not processed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} fichier</source>
        <translation>{0} file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} fichiers</source>
        <translation>{0} files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aucun lu</source>
        <translation>none read</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} signalement à vérifier</source>
        <translation>{0} flag to check</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} signalements à vérifier</source>
        <translation>{0} flags to check</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import arrêté. {0}</source>
        <translation>Import stopped. {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Un fichier refusé n&apos;importe rien : demandez à l&apos;établissement de l&apos;exporter de nouveau depuis SahelStock.</source>
        <translation>Nothing is imported from a refused file: ask the facility to export it again from SahelStock.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exporter le classeur consolidé</source>
        <translation>Export the consolidated workbook</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> – filtre « {0} »</source>
        <translation> – filter “{0}”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Classeur non enregistré</source>
        <translation>Workbook not saved</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classeur consolidé enregistré : {0}</source>
        <translation>Consolidated workbook saved: {0}</translation>
    </message>
</context>
<context>
    <name>CountConfirmDialog</name>
    <message>
        <location filename="../../gui/count/dialogs.py" line="+201"/>
        <source>Valider l&apos;inventaire</source>
        <translation>Validate count</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enregistrer l&apos;inventaire</source>
        <translation>Record the count</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revenir à la saisie</source>
        <translation>Back to entry</translation>
    </message>
</context>
<context>
    <name>CountModel</name>
    <message>
        <location filename="../../gui/count/model.py" line="+37"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock théorique</source>
        <translation>Expected stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compté ✎</source>
        <translation>Counted ✎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Écart</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ce que le registre attend à la date de l&apos;inventaire</source>
        <translation>What the ledger expects on the count date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantité trouvée sur l&apos;étagère, en unités de base. Vide : ligne non comptée, elle ne sera pas modifiée.</source>
        <translation>Quantity found on the shelf, in base units. Empty: line not counted, it will not be changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compté − théorique : + surplus, − manquant</source>
        <translation>Counted − expected: + surplus, − missing</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Quantité comptée trop grande : vérifiez le nombre.</source>
        <translation>Counted quantity too large: check the number.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>La quantité comptée ne peut pas être négative : tapez 0 si le lot manque.</source>
        <translation>The counted quantity cannot be negative: type 0 if the lot is missing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quantité comptée : un nombre entier d&apos;unités de base, sans virgule (ex. 150).</source>
        <translation>Counted quantity: a whole number of base units, without decimals (e.g. 150).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantité comptée : « {0} » n&apos;est pas un nombre. Tapez des chiffres (ex. 150).</source>
        <translation>Counted quantity: “{0}” is not a number. Type digits (e.g. 150).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>✔ 0 (aucun écart)</source>
        <translation>✔ 0 (no difference)</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Ligne {0} ({1}, lot {2})</source>
        <extracomment>a count typed or pasted was refused; the message names the line a counted quantity was entered, changed or cleared</extracomment>
        <translation>Line {0} ({1}, lot {2})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ligne {0} ({1})</source>
        <translation>Line {0} ({1})</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Lot trouvé sur l&apos;étagère, inconnu du registre à cette date</source>
        <translation>Lot found on the shelf, not in the ledger on this date</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>(sans lot)</source>
        <translation>(no lot)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} (trouvé)</source>
        <translation>{0} (found)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} (périmé)</source>
        <translation>{0} (expired)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>La quantité comptée ne peut pas être négative.</source>
        <translation>The counted quantity cannot be negative.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+40"/>
        <source>{0} : {1}</source>
        <extracomment>what is typed is not a count: the message names the line and says what to type; &quot;&quot; once it is a count again</extracomment>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>non compté</source>
        <translation>not counted</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ligne {0}</source>
        <translation>Line {0}</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <location filename="../../gui/count/screen.py" line="+145"/>
        <source>Jour où le stock a été compté : aujourd&apos;hui ou un jour passé</source>
        <extracomment>the reasons a count&apos;s differences may be given, count correction first (the default)</extracomment>
        <translation>Day the stock was counted: today or an earlier day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporter la fiche d&apos;inventaire (Excel)…</source>
        <translation>Export count sheet (Excel)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Un classeur à imprimer ou à remplir : produit, lot, péremption, stock théorique</source>
        <translation>A workbook to print or fill in: product, lot, expiry, expected stock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer en PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date de l&apos;inventaire :</source>
        <translation>Count date:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Rechercher un produit ou un lot…</source>
        <translation>Search for a product or lot…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ajouter un lot trouvé…</source>
        <translation>Add a found lot…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Un lot sur l&apos;étagère qui n&apos;est pas sur la fiche d&apos;inventaire</source>
        <translation>A lot on the shelf that is not on the count sheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer la ligne ajoutée</source>
        <translation>Remove added line</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tapez la quantité comptée de chaque lot ; Entrée passe à la ligne suivante. Une ligne laissée vide n&apos;est pas modifiée.</source>
        <translation>Type the quantity counted for each lot; Enter moves to the next line. A line left empty is not changed.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Double-cliquez sur un produit pour ouvrir sa fiche de stock</source>
        <translation>Double-click a product to open its stock card</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Motif enregistré avec les ajustements qui mettent le stock au compté</source>
        <translation>Reason recorded with the adjustments that bring the stock to the counted quantity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ex. inventaire mensuel, compté avec l&apos;infirmier</source>
        <translation>e.g. monthly count, counted with the nurse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valider l&apos;inventaire</source>
        <translation>Validate count</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Motif des écarts :</source>
        <translation>Reason for differences:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note :</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Date de l&apos;inventaire : le {0} est dans le futur. Choisissez le jour où le stock a été compté : aujourd&apos;hui ({1}) ou avant.</source>
        <translation>Count date: {0} is in the future. Choose the day the stock was counted: today ({1}) or earlier.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Motif : « {0} » ne peut que retirer du stock, mais {1} ligne(s) ont plus que le stock théorique ({2}). Choisissez « {3} » ou vérifiez ces quantités.</source>
        <translation>Reason: “{0}” can only remove stock, but {1} line(s) have more than the expected stock ({2}). Choose “{3}” or check these quantities.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choisissez un établissement pour faire son inventaire.</source>
        <translation>Choose a facility to count its stock.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun lot en stock à cette date : la fiche est vide. Si vous trouvez des produits sur l&apos;étagère, ajoutez-les avec « Ajouter un lot trouvé… ».</source>
        <translation>No lots in stock on this date: the sheet is empty. If you find products on the shelf, add them with “Add a found lot…”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} lignes à compter. Aucune quantité saisie pour l&apos;instant.</source>
        <translation>{0} lines to count. No quantities entered yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} lignes comptées sur {1}</source>
        <translation>{0} of {1} lines counted</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+105"/>
        <source> et {0} autre(s)</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <location line="-104"/>
        <source> · {0} écart(s) : {1}</source>
        <translation> · {0} difference(s): {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · aucun écart</source>
        <translation> · no differences</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · {0} ligne(s) non comptée(s) : elles ne changeront pas</source>
        <translation> · {0} line(s) not counted: they will not change</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+86"/>
        <source> lot {0}</source>
        <translation> lot {0}</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>, lot {0}</source>
        <translation>, lot {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (lot trouvé)</source>
        <translation> (found lot)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}{1}{2} : théorique {3}, compté {4} → {5}</source>
        <translation>{0}{1}{2}: expected {3}, counted {4} → {5}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Inventaire du {0} à {1} : {2} ligne(s) comptée(s), {3} écart(s).</source>
        <translation>Physical count of {0} at {1}: {2} line(s) counted, {3} difference(s).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Aucun écart : le stock compté est celui du registre.</source>
        <translation>No differences: the stock counted matches the ledger.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Motif des écarts : {0}. {1} ligne(s) sans écart seront notées comme vérifiées. {2} ligne(s) non comptée(s) ne changent pas.</source>
        <translation>Reason for differences: {0}. {1} line(s) with no difference will be recorded as checked. {2} line(s) not counted stay unchanged.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>L&apos;inventaire n&apos;a pas été enregistré, rien n&apos;a été modifié. {0}</source>
        <translation>The count was not recorded; nothing was changed. {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>✔ Inventaire du {0} enregistré : {1} ligne(s) comptée(s), {2} ajustement(s)</source>
        <translation>✔ Physical count of {0} recorded: {1} line(s) counted, {2} adjustment(s)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inventaire du {0} enregistré</source>
        <translation>Physical count of {0} recorded</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>inventaire-{0}-{1}.{2}</source>
        <translation>count-{0}-{1}.{2}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporter la fiche d&apos;inventaire</source>
        <translation>Export the count sheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>✔ Fiche d&apos;inventaire enregistrée : {0}</source>
        <translation>✔ Count sheet saved: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fiche d&apos;inventaire enregistrée : {0}</source>
        <translation>Count sheet saved: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fiche non enregistrée</source>
        <translation>Sheet not saved</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Imprimer la fiche d&apos;inventaire</source>
        <translation>Print the count sheet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fiche d&apos;inventaire envoyée à l&apos;imprimante</source>
        <translation>Count sheet sent to the printer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enregistrer la fiche d&apos;inventaire en PDF</source>
        <translation>Save the count sheet as PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PDF non enregistré : impossible d&apos;écrire {0}. Choisissez un autre dossier.</source>
        <translation>PDF not saved: cannot write {0}. Choose another folder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ PDF enregistré : {0}</source>
        <translation>✔ PDF saved: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF enregistré : {0}</source>
        <translation>PDF saved: {0}</translation>
    </message>
</context>
<context>
    <name>CountSheet</name>
    <message>
        <location filename="../../gui/count/printing.py" line="+26"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock théorique</source>
        <translation>Expected stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité comptée</source>
        <translation>Quantity counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Écart</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observations</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>FICHE D’INVENTAIRE</source>
        <translation>PHYSICAL COUNT SHEET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Établissement :</source>
        <translation>Facility:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District / région :</source>
        <translation>District / region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de l’inventaire :</source>
        <translation>Count date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compter chaque lot et écrire la quantité en unités de base. Une ligne non comptée reste vide. Ajouter en bas les lots trouvés qui ne sont pas sur la liste.</source>
        <translation>Count each lot and write the quantity in base units. Leave a line that is not counted blank. Add any lots found that are not on the list at the bottom.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nom et fonction</source>
        <translation>name and position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signature</source>
        <translation>signature</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compté par :</source>
        <translation>Counted by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérifié par :</source>
        <translation>Checked by:</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/crash.py" line="+31"/>
        <source>SahelStock – erreur inattendue</source>
        <translation>SahelStock – unexpected error</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ils sont aussi dans le fichier journal {0}.</source>
        <translation>they are also in the log file {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ils sont aussi dans le fichier journal sahelstock.log du dossier de données.</source>
        <translation>they are also in the log file sahelstock.log in the data folder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Une erreur inattendue est survenue. Vos saisies déjà enregistrées ne sont pas perdues. Copiez les détails ci-dessous et envoyez-les à votre support ; {0}</source>
        <translation>An unexpected error occurred. Entries already saved are not lost. Copy the details below and send them to your support contact; {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copier les détails</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copié</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../gui/dashboard/screen.py" line="+171"/>
        <source>Double-cliquez sur une ligne (ou appuyez sur Entrée) pour ouvrir la fiche de stock du produit. Cliquez sur une case ci-dessus pour ne voir que ces alertes.</source>
        <translation>Double-click a row (or press Enter) to open the product&apos;s stock card. Click a box above to see only those alerts.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Produits à risque</source>
        <translation>Products at risk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun établissement pour l&apos;instant</source>
        <translation>No facility yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ajoutez votre établissement dans Paramètres › Établissement (Ctrl+7) : le tableau de bord montrera ensuite ses ruptures, ses commandes d&apos;urgence et ses lots proches de la péremption.</source>
        <translation>Add your facility in Settings › Facility (Ctrl+7): the dashboard will then show its stock-outs, emergency orders and lots close to expiry.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ouvrir les paramètres</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Produits à risque — {0}, situation au {1}</source>
        <translation>Products at risk — {0}, as of {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aucun stock enregistré</source>
        <translation>No stock recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} n&apos;a encore aucun mouvement de stock. Commencez par enregistrer une réception (bouton « Réception » ou Ctrl+R) ou importez vos mouvements (Import / Export, Ctrl+6).</source>
        <translation>{0} has no stock movements yet. Start by recording a receipt (“Receipt” button or Ctrl+R) or import your movements (Import / Export, Ctrl+6).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ouvrir Import / Export</source>
        <translation>Open Import / Export</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun produit à risque</source>
        <translation>No products at risk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>À {0}, au {1} : aucune rupture, aucune commande d&apos;urgence, aucun produit sous le minimum, aucun lot périmé ou proche de la péremption.</source>
        <translation>At {0}, as of {1}: no stock-outs, no emergency orders, no products below minimum, no lots expired or close to expiry.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voir tout le stock</source>
        <translation>See all stock</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>en rupture</source>
        <translation>stocked out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commande d&apos;urgence</source>
        <translation>emergency order</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>commandes d&apos;urgence</source>
        <translation>emergency orders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lot périmé en rayon</source>
        <translation>expired lot on the shelf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>lots périmés en rayon</source>
        <translation>expired lots on the shelf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sous le minimum</source>
        <translation>below minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lot périme bientôt</source>
        <translation>lot expiring soon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>lots périment bientôt</source>
        <translation>lots expiring soon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>toutes les alertes</source>
        <translation>all alerts</translation>
    </message>
</context>
<context>
    <name>DeliveryLinesModel</name>
    <message>
        <location filename="../../gui/requisition/delivery_model.py" line="+48"/>
        <source>La quantité reçue ne peut pas être négative : tapez 0 si rien n&apos;est arrivé.</source>
        <translation>The quantity received cannot be negative: type 0 if nothing arrived.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tapez un nombre entier d&apos;unités de base, sans point ni virgule (ex. 1200).</source>
        <translation>Type a whole number of base units, without a point or comma (e.g. 1200).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tapez un nombre entier d&apos;unités de base (ex. 1200), ou rien pour revenir à la quantité expédiée.</source>
        <translation>Type a whole number of base units (e.g. 1200), or nothing to go back to the quantity shipped.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ligne {0} ({1}, lot {2})</source>
        <translation>Line {0} ({1}, lot {2})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité
expédiée</source>
        <translation>Quantity
shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soit</source>
        <translation>In packs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité
reçue ✎</source>
        <translation>Quantity
received ✎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raison de l&apos;écart ✎</source>
        <translation>Reason ✎</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantité envoyée par le dépôt pour ce lot, en unités de base</source>
        <translation>Quantity sent by the depot for this lot, in base units</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La quantité expédiée en conditionnements, comme on la compte</source>
        <translation>The quantity shipped in packs, as it is counted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ce qui est réellement arrivé, en unités de base (0 si rien) : comptez les cartons et les unités avant de confirmer</source>
        <translation>What actually arrived, in base units (0 if nothing): count the cartons and units before confirming</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Obligatoire quand la quantité reçue diffère de la quantité expédiée : cassé, manquant, périmé…</source>
        <translation>Required when the quantity received differs from the quantity shipped: broken, missing, expired…</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>{0} : {1} reçu(s) pour {2} expédié(s) : indiquez la raison de l&apos;écart.</source>
        <extracomment>a line was changed: (line n°, what to tell the user, &quot;&quot; when the line is complete)</extracomment>
        <translation>{0}: {1} received for {2} shipped: enter the reason for the difference.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Écrivez la raison (double-clic ou F2), ou effacez la quantité reçue pour revenir à la quantité expédiée.</source>
        <translation>Write the reason (double-click or F2), or clear the quantity received to go back to the quantity shipped.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Double-clic ou F2 pour changer la quantité reçue, en {0}</source>
        <translation>Double-click or F2 to change the quantity received, in {0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>⚠ à indiquer</source>
        <translation>⚠ to enter</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} – quantité reçue : {1}</source>
        <translation>{0} – quantity received: {1}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} : {1} caractères au plus.</source>
        <translation>{0}: {1} characters at most.</translation>
    </message>
</context>
<context>
    <name>DeliveryNotesDialog</name>
    <message>
        <location filename="../../gui/requisition/district_dialogs.py" line="+302"/>
        <source>Bons de livraison</source>
        <extracomment>delivery notes were issued (the depot&apos;s ledger changed)</extracomment>
        <translation>Delivery notes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bons de livraison de {0}, réquisitions de {1}</source>
        <translation>Delivery notes from {0}, requisitions for {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Établir les bons sort ces quantités du stock du dépôt (transferts cédés, lots premiers périmés premiers sortis) le {0}, et enregistre un classeur par établissement dans le dossier choisi. Un bon établi ne se refait pas.</source>
        <translation>Issuing the notes takes these quantities out of the depot&apos;s stock (transfers out, lots first expiry first out) on {0}, and saves one workbook per facility in the chosen folder. An issued note cannot be issued again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Établir et exporter…</source>
        <translation>&amp;Issue and export…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xporter de nouveau les bons établis…</source>
        <translation>E&amp;xport issued notes again…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{0} à établir : {1}</source>
        <translation>{0} to issue: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <location line="+3"/>
        <source>bon de livraison</source>
        <translation>delivery note</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+84"/>
        <location line="+3"/>
        <source>bons de livraison</source>
        <translation>delivery notes</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>ligne</source>
        <translation>line</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>lignes</source>
        <translation>lines</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ; le dépôt ne peut pas tout livrer pour : {0} (en rouge).</source>
        <translation> — the depot cannot supply everything for: {0} (in red).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tous les bons de livraison du mois sont établis.</source>
        <translation>All the month&apos;s delivery notes are issued.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun bon de livraison à établir : aucune quantité approuvée pour ce mois. Importez d&apos;abord les réquisitions des établissements.</source>
        <translation>No delivery notes to issue: no quantities approved for this month. Import the facilities&apos; requisitions first.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Déjà établis : {0}</source>
        <translation>Already issued: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dossier où enregistrer les bons de livraison</source>
        <translation>Folder to save the delivery notes in</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{0} établi(s) ; {1} enregistré(s) dans {2}.</source>
        <translation>{0} issued; {1} saved in {2}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} enregistré(s) dans {1}.</source>
        <translation>{0} saved in {1}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Non écrit(s) : {0}. Fermez les fichiers ouverts dans Excel ou choisissez un autre dossier, puis « Exporter de nouveau les bons établis… ».</source>
        <translation>Not written: {0}. Close the files open in Excel or choose another folder, then “Export issued notes again…”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copiez-les sur la clé USB pour les établissements.</source>
        <translation>Copy them to the USB stick for the facilities.</translation>
    </message>
</context>
<context>
    <name>DeliveryPreviewModel</name>
    <message>
        <location filename="../../gui/requisition/district_model.py" line="+803"/>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manque</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Bon n° {0}</source>
        <translation>Note No. {0}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{0} {1} (approuvé {2}, livré {3})</source>
        <translation>{0} {1} (approved {2}, delivered {3})</translation>
    </message>
</context>
<context>
    <name>DeliveryReceiptTab</name>
    <message>
        <location filename="../../gui/requisition/delivery_tab.py" line="+89"/>
        <source>&amp;Importer un bon de livraison…</source>
        <extracomment>a receipt entered stock in the ledger (the screens showing stock reload)</extracomment>
        <translation>&amp;Import a delivery note…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le classeur Excel du bon de livraison remis par le dépôt avec les produits (sur clé USB)</source>
        <translation>The delivery note&apos;s Excel workbook handed over by the depot with the products (on a USB stick)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Bons à réceptionner</source>
        <translation>Notes to receive</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>quantité expédiée</source>
        <translation>quantity shipped</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Date de réception :</source>
        <translation>&amp;Date received:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Confirmer la réception</source>
        <translation>&amp;Confirm receipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Les quantités reçues entrent dans le stock de l&apos;établissement avec leurs lots et dates de péremption ; les écarts sont enregistrés avec leur raison</source>
        <translation>The quantities received enter the facility&apos;s stock with their lots and expiry dates; differences are recorded with their reason</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Bons réceptionnés</source>
        <translation>Notes received</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choisissez un établissement pour voir ses livraisons.</source>
        <translation>Choose a facility to see its deliveries.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Livraisons de {0}</source>
        <translation>Deliveries to {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aucun bon de livraison à réceptionner pour {0}. Quand le dépôt livre, cliquez sur « Importer un bon de livraison… » et choisissez le fichier remis avec les produits.</source>
        <translation>No delivery notes to receive for {0}. When the depot delivers, click “Import a delivery note…” and choose the file handed over with the products.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Bon {0} — de {1} · réquisition {2} · expédié le {3}</source>
        <translation>Note {0} — from {1} · requisition {2} · shipped on {3}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} ({1}) : {2} approuvé(s), {3} livré(s), {4} manquant(s)</source>
        <translation>{0} ({1}): {2} approved, {3} delivered, {4} missing</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ℹ Le dépôt n&apos;a pas pu tout livrer (rien à saisir pour ces produits, ils ne sont pas sur le bon) :</source>
        <translation>ℹ The depot could not supply everything (nothing to enter for these products, they are not on the note):</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>⚠ Raison de l&apos;écart à indiquer : ligne(s) {0}.</source>
        <translation>⚠ Reason for the difference to enter: line(s) {0}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} écart(s) avec leur raison : ils seront enregistrés.</source>
        <translation>{0} difference(s) with their reason: they will be recorded.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comptez ce qui est arrivé ; changez la quantité reçue d&apos;une ligne qui diffère (double-clic) et indiquez pourquoi.</source>
        <translation>Count what arrived; change the quantity received on a line that differs (double-click) and say why.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importer un bon de livraison</source>
        <translation>Import a delivery note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bon de livraison (*.xlsx);;Tous les fichiers (*)</source>
        <translation>Delivery note (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Impossible de lire {0} ({1}) : vérifiez la clé USB et réessayez.</source>
        <translation>Cannot read {0} ({1}): check the USB stick and try again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bon {0} importé ; il est destiné à {1} ({2}) : choisissez cet établissement pour le réceptionner.</source>
        <translation>Note {0} imported; it is for {1} ({2}): choose that facility to receive it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bon {0} importé : {1} ligne(s). Comptez ce qui est arrivé, corrigez les quantités reçues qui diffèrent, puis cliquez sur « Confirmer la réception ».</source>
        <translation>Note {0} imported: {1} line(s). Count what arrived, correct the quantities received that differ, then click “Confirm receipt”.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+17"/>
        <source>Réception non enregistrée : {0}</source>
        <translation>Receipt not recorded: {0}</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>({0} lignes sont dans ce cas.)</source>
        <translation>({0} lines are in the same case.)</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+28"/>
        <source>Bon {0} réceptionné le {1}.</source>
        <translation>Note {0} received on {1}.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>, péremption {0}</source>
        <translation>, expiry {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} – lot {1}{2} : {3}</source>
        <translation>{0} – lot {1}{2}: {3}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Entré en stock :</source>
        <translation>Entered into stock:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rien n&apos;est entré en stock (toutes les lignes à 0).</source>
        <translation>Nothing entered the stock (every line at 0).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Écarts enregistrés :</source>
        <translation>Differences recorded:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} : {1} expédié(s), {2} reçu(s) — {3}</source>
        <translation>{0}: {1} shipped, {2} received — {3}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aucun écart : tout est arrivé comme expédié.</source>
        <translation>No differences: everything arrived as shipped.</translation>
    </message>
</context>
<context>
    <name>DepotMonthDialog</name>
    <message>
        <location filename="../../gui/requisition/district_dialogs.py" line="-391"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DistrictLinesModel</name>
    <message>
        <location filename="../../gui/requisition/district_model.py" line="-182"/>
        <source>Consommation moyenne mensuelle du dépôt lui-même</source>
        <translation>Average monthly consumption of the depot itself</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CMM du dépôt × mois de stock maximum</source>
        <translation>Depot&apos;s AMC × maximum months of stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock disponible utilisable du dépôt à la fin du mois</source>
        <translation>Depot&apos;s usable stock at the end of the month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Commandes du dépôt en cours, non encore reçues</source>
        <translation>Depot&apos;s pending orders, not yet received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total des quantités approuvées pour les établissements que le dépôt approvisionne</source>
        <translation>Total quantities approved for the facilities the depot supplies</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock max + approuvé pour les établissements − SDU − en commande, arrondi au conditionnement entier supérieur</source>
        <translation>Max stock + approved for the facilities − usable stock − on order, rounded up to whole packs</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CMM du
dépôt</source>
        <translation>Depot
AMC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock
max</source>
        <translation>Max
stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDU</source>
        <translation>Usable stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En
commande</source>
        <translation>On
order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approuvé pour les
établissements</source>
        <translation>Approved for
facilities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qté
calculée</source>
        <translation>Calculated
qty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qté
demandée</source>
        <translation>Requested
qty</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Soit {0} {1} de {2}</source>
        <translation>That is {0} {1} of {2}</translation>
    </message>
</context>
<context>
    <name>DistrictModel</name>
    <message>
        <location line="-651"/>
        <source>La quantité approuvée ne peut pas être négative : tapez 0 pour ne rien livrer.</source>
        <translation>The approved quantity cannot be negative: type 0 to deliver nothing.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tapez un nombre entier d&apos;unités de base, sans point ni virgule (ex. 1350).</source>
        <translation>Type a whole number of base units, without a point or comma (e.g. 1350).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tapez un nombre entier d&apos;unités de base (ex. 1350), ou rien pour revenir à la quantité demandée.</source>
        <translation>Type a whole number of base units (e.g. 1350), or nothing to go back to the requested quantity.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>importé</source>
        <translation>imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>importés</source>
        <translation>imported</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>remplacé</source>
        <translation>replaced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remplacés</source>
        <translation>replaced</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>déjà importé</source>
        <translation>already imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>déjà importés</source>
        <translation>already imported</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>plus ancien</source>
        <translation>older</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plus anciens</source>
        <translation>older</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refusé</source>
        <translation>refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusés</source>
        <translation>refused</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>fichier</source>
        <translation>file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fichiers</source>
        <translation>files</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> ; {0} avec signalements (en orange)</source>
        <translation> · {0} with flags (in orange)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>établissement ajouté</source>
        <translation>facility added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>établissements ajoutés</source>
        <translation>facilities added</translation>
    </message>
</context>
<context>
    <name>DistrictRequisitionDialog</name>
    <message>
        <location filename="../../gui/requisition/district_dialogs.py" line="+30"/>
        <source>Réquisition du district</source>
        <extracomment>the depot&apos;s requisition was approved and stored a file was written (its path)</extracomment>
        <translation>District requisition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Réquisition de {0} pour {1}, au niveau supérieur (hôpital régional / PPM)</source>
        <translation>Requisition of {0} for {1}, to the level above (regional hospital / PPM)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>L&apos;approbation donne son numéro à la réquisition et clôt le mois de {0} (et les mois précédents) dans le registre du dépôt : les corrections se feront dans le mois suivant ({1}). Pour changer une quantité demandée (avec sa justification), passez par l&apos;onglet « R&amp;R du mois ».</source>
        <translation>Approval gives the requisition its number and closes {0} (and the earlier months) in the depot&apos;s ledger: corrections will go into the following month ({1}). To change a requested quantity (with its justification), use the “Monthly R&amp;R” tab.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Nom du pharmacien :</source>
        <translation>Pharmacist&apos;s &amp;name:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Approuver et exporter…</source>
        <translation>&amp;Approve and export…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E&amp;xporter…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Brouillon : calculé le {0} à partir du registre du dépôt et des quantités approuvées pour ses établissements.</source>
        <translation>Draft: calculated on {0} from the depot&apos;s ledger and the quantities approved for its facilities.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucune ligne : le dépôt n&apos;a ni stock, ni consommation, ni quantité approuvée pour ce mois.</source>
        <translation>No lines: the depot has no stock, no consumption and no approved quantity for this month.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Approuvée — n° {0}, par {1} le {2}. Elle ne se modifie plus.</source>
        <translation>Approved — No. {0}, by {1} on {2}. It can no longer be changed.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporter la réquisition du district</source>
        <translation>Export the district requisition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Indiquez le nom du pharmacien qui approuve.</source>
        <translation>Enter the name of the approving pharmacist.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Fichier non enregistré : impossible d&apos;écrire {0}. Si le fichier est ouvert dans Excel, fermez-le ; sinon choisissez un autre dossier (Exporter…).</source>
        <translation>File not saved: cannot write {0}. If the file is open in Excel, close it; otherwise choose another folder (Export…).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Réquisition n° {0} approuvée. </source>
        <translation>Requisition No. {0} approved. </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Réquisition n° {0} enregistrée : {1}. Envoyez ce fichier à l&apos;hôpital régional / PPM.</source>
        <translation>Requisition No. {0} saved: {1}. Send this file to the regional hospital / PPM.</translation>
    </message>
</context>
<context>
    <name>DistrictRequisitionTab</name>
    <message>
        <location filename="../../gui/requisition/district_tab.py" line="+163"/>
        <source>&amp;Mois :</source>
        <extracomment>the review (or why there is none) is on screen (tests wait for it) an import finished and its results are on screen</extracomment>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Importer des réquisitions…</source>
        <translation>&amp;Import requisitions…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Les classeurs R&amp;R reçus des établissements (clé USB, courriel) : tout un dossier ou quelques fichiers</source>
        <translation>The R&amp;R workbooks received from the facilities (USB stick, email): a whole folder or a few files</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tout un &amp;dossier…</source>
        <translation>A whole &amp;folder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Des &amp;fichiers…</source>
        <translation>Individual &amp;files…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Réquisition du &amp;district…</source>
        <translation>&amp;District requisition…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La réquisition du dépôt au niveau supérieur (hôpital régional / PPM) : ses besoins et les quantités approuvées pour les établissements</source>
        <translation>The depot&apos;s requisition to the level above (regional hospital / PPM): its own needs and the quantities approved for the facilities</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Bons de livraison…</source>
        <translation>Delivery &amp;notes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Un bon par établissement, avec les lots à livrer (premier périmé, premier sorti)</source>
        <translation>One note per facility, with the lots to deliver (first expiry, first out)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import de {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importé : {0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrêter après le fichier en cours : les fichiers déjà importés le restent</source>
        <translation>Stop after the current file: the files already imported stay imported</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Masquer les résultats</source>
        <translation>Hide result&amp;s</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>quantité demandée</source>
        <translation>requested quantity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Produits × établissements : quantités demandées et approuvées (en unités de base). Double-clic ou F2 sur une cellule « approuvé ✎ » pour la changer.</source>
        <translation>Products × facilities: requested and approved quantities (in base units). Double-click or press F2 on an “approved ✎” cell to change it.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+59"/>
        <source>Choisissez l&apos;établissement du dépôt (CSRéf) pour voir son mois.</source>
        <translation>Choose the depot&apos;s facility (CSRéf) to see its month.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>La revue du mois n&apos;a pas pu être chargée : {0}</source>
        <translation>The month&apos;s review could not be loaded: {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0} n&apos;approvisionne aucun établissement.

Pour qu&apos;un CSCom apparaisse ici : choisissez-le comme établissement (en haut de la fenêtre), puis dans Paramètres › Établissement, mettez « Fournisseur : {0} ». Une réquisition importée qui nomme ce dépôt comme fournisseur l&apos;ajoute aussi : importez les réquisitions reçues (Importer des réquisitions…).</source>
        <translation>{0} supplies no facility.

For a CSCom to appear here: choose it as the facility (at the top of the window), then in Settings › Facility, set “Supplier: {0}”. An imported requisition that names this depot as its supplier adds it too: import the requisitions received (Import requisitions…).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{0} sur {1}</source>
        <translation>{0} (out of {1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>réquisition reçue</source>
        <translation>requisition received</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>réquisitions reçues</source>
        <translation>requisitions received</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>signalement</source>
        <translation>flag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>signalements</source>
        <translation>flags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;R du district n° {0} approuvée</source>
        <translation>District R&amp;R No. {0} approved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bon établi</source>
        <translation>note issued</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bons établis</source>
        <translation>notes issued</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Quantités approuvées au-delà du stock utilisable du dépôt :</source>
        <translation>Quantities approved beyond the depot&apos;s usable stock:</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>{0} — R&amp;R n° {1}, approuvée par {2} le {3}</source>
        <translation>{0} — R&amp;R No. {1}, approved by {2} on {3}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (fichier {0})</source>
        <translation> (file {0})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Réquisition {0} non reçue : demandez-la à l&apos;établissement (clé USB ou courriel), puis importez-la.</source>
        <translation>Requisition {0} not received: ask the facility for it (USB stick or email), then import it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucun signalement : la réquisition est cohérente avec la précédente.</source>
        <translation>No flags: the requisition is consistent with the previous one.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>de {0}</source>
        <translation>for {0}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{0}, {1} : {2} approuvé(s).</source>
        <translation>{0}, {1}: {2} approved.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dossier des réquisitions reçues (classeurs .xlsx)</source>
        <translation>Folder of the requisitions received (.xlsx workbooks)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Réquisitions à importer</source>
        <translation>Requisitions to import</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Impossible de lire le dossier {0} ({1}) : choisissez-en un autre.</source>
        <translation>Cannot read the folder {0} ({1}): choose another one.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aucun classeur .xlsx dans {0} : choisissez le dossier où sont copiées les réquisitions reçues.</source>
        <translation>No .xlsx workbook in {0}: choose the folder the requisitions received were copied to.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source> — import arrêté : {0} non essayé(s). Importez de nouveau le dossier : les fichiers déjà importés seront reconnus.</source>
        <translation> — import stopped: {0} not tried. Import the folder again: the files already imported will be recognised.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>L&apos;import s&apos;est arrêté sur une erreur : {0}. Les fichiers traités avant sont enregistrés ; relancez l&apos;import : ils seront reconnus comme déjà importés.</source>
        <translation>The import stopped on an error: {0}. The files processed before it are saved; run the import again: they will be recognised as already imported.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Réquisition du district enregistrée : {0}</source>
        <translation>District requisition saved: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Réquisition du district n° {0} de {1} approuvée par {2}.</source>
        <translation>District requisition No. {0} for {1} approved by {2}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} : le stock du dépôt est sorti.</source>
        <translation>{0}: the stock has left the depot.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bon de livraison établi</source>
        <translation>delivery note issued</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bons de livraison établis</source>
        <translation>delivery notes issued</translation>
    </message>
</context>
<context>
    <name>DosingModel</name>
    <message>
        <location filename="../../gui/nutrition/settings_tab.py" line="+169"/>
        <location line="+76"/>
        <source>Dès (kg)</source>
        <translation>From (kg)</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+76"/>
        <source>Sachets/jour</source>
        <translation>Sachets/day</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+76"/>
        <source>Sachets/semaine</source>
        <translation>Sachets/week</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Poids à partir duquel la dose s&apos;applique, jusqu&apos;à la ligne suivante</source>
        <translation>Weight from which the dose applies, up to the next line</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sachets d&apos;ATPE par jour</source>
        <translation>RUTF sachets per day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sachets d&apos;ATPE par semaine</source>
        <translation>RUTF sachets per week</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Table de dosage, ligne {0}, « {1} » : « {2} » ; un nombre positif est attendu (par exemple 3,5).</source>
        <translation>Dosing table, line {0}, “{1}”: “{2}”; a positive number is expected (for example 3.5).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Table de dosage, ligne {0}, « {1} » : « {2} » ; un nombre entier est attendu.</source>
        <translation>Dosing table, line {0}, “{1}”: “{2}”; a whole number is expected.</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <location filename="../../gui/forms/common.py" line="+243"/>
        <source>Enregistrer</source>
        <extracomment>the confirmation for the status bar, emitted after a successful save</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>… et {0} autre(s) point(s) à corriger.</source>
        <translation>… and {0} more thing(s) to fix.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ Prêt à enregistrer : vérifiez puis cliquez sur Enregistrer.</source>
        <translation>✔ Ready to save: check, then click Save.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Abandonner la saisie ?</source>
        <translation>Discard this entry?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce que vous avez saisi n&apos;est pas enregistré et sera perdu.</source>
        <translation>What you typed has not been saved and will be lost.</translation>
    </message>
</context>
<context>
    <name>ExchangeScreen</name>
    <message>
        <location filename="../../gui/exchange/screen.py" line="+142"/>
        <source>Télécharger le modèle…</source>
        <translation>Download template…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer le modèle Excel à remplir, avec vos établissements et produits</source>
        <translation>Save the Excel template to fill in, with your facilities and products</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisir un fichier à importer…</source>
        <translation>Choose a file to import…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vérifier de nouveau</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relire les mêmes fichiers, par exemple après les avoir corrigés</source>
        <translation>Read the same files again, for example after correcting them</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%p %</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrêter : rien n&apos;est enregistré pour ce fichier</source>
        <translation>Stop: nothing is saved for this file</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Aucun fichier choisi.
Cliquez sur « Choisir un fichier à importer… » : le contenu du fichier s&apos;affichera ici avant d&apos;être enregistré.</source>
        <translation>No file chosen.
Click “Choose a file to import…”: the file&apos;s contents will show here before anything is saved.</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+179"/>
        <location line="+113"/>
        <location line="+84"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-358"/>
        <source>modele-mouvements.xlsx</source>
        <translation>movements-template.xlsx</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enregistrer le modèle de mouvements</source>
        <translation>Save the movements template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>✖ Impossible d&apos;écrire « {0} » ({1}). Si ce fichier est ouvert dans Excel, fermez-le ; sinon choisissez un autre dossier, puis réessayez.</source>
        <translation>✖ Cannot write “{0}” ({1}). If this file is open in Excel, close it; otherwise choose another folder, then try again.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>✔ Modèle enregistré : {0}. Remplissez la feuille Mouvements, enregistrez, puis choisissez ce fichier pour l&apos;importer.</source>
        <translation>✔ Template saved: {0}. Fill in the Mouvements sheet, save, then choose this file to import it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Modèle enregistré : {0}</source>
        <translation>Template saved: {0}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Vérification de « {0} »…</source>
        <translation>Checking “{0}”…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérification annulée : rien n&apos;a été enregistré.</source>
        <translation>Check cancelled: nothing was saved.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>✖ Rien n&apos;a été enregistré : corrigez ces lignes dans le fichier puis réessayez (bouton « Vérifier de nouveau »).</source>
        <translation>✖ Nothing was saved: correct these rows in the file, then try again (“Check again” button).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} problème à corriger avant de pouvoir importer.</source>
        <translation>{0} problem to fix before you can import.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} problèmes à corriger avant de pouvoir importer.</source>
        <translation>{0} problems to fix before you can import.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>ℹ Toutes les lignes sont déjà dans le registre : rien à ajouter.</source>
        <translation>ℹ All rows are already in the ledger: nothing to add.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Rien à importer.</source>
        <translation>Nothing to import.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vérifiez les lignes ci-dessus, puis cliquez sur « Importer ».</source>
        <translation>Check the rows above, then click “Import”.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importer {0} ligne</source>
        <translation>Import {0} row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importer {0} lignes</source>
        <translation>Import {0} rows</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Import de « {0} » en cours… (les autres saisies attendront la fin)</source>
        <translation>Importing “{0}”… (other entries will wait until it has finished)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import annulé : rien n&apos;a été enregistré.</source>
        <translation>Import cancelled: nothing was saved.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ℹ Import annulé : rien n&apos;a été enregistré. Cliquez sur « Importer » pour recommencer.</source>
        <translation>ℹ Import cancelled: nothing was saved. Click “Import” to start again.</translation>
    </message>
    <message>
        <location line="-365"/>
        <source>Importer des mouvements ou des rapports mensuels depuis Excel ou CSV</source>
        <extracomment>how many codes or row numbers a summary names before « … » emitted once a check or an import has finished and the screen shows its outcome</extracomment>
        <translation>Import movements or monthly reports from Excel or CSV</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1. Téléchargez le modèle Excel et remplissez une ligne par mouvement (la feuille Instructions explique chaque colonne).&lt;br&gt;2. Choisissez le fichier rempli : SahelStock le vérifie et montre ce qu&apos;il ajoutera, sans rien enregistrer.&lt;br&gt;3. Si tout est correct, cliquez sur « Importer ». Importer deux fois le même fichier n&apos;ajoute rien.&lt;br&gt;Les rapports mensuels LMIS (colonnes year, month, site_code, product_code, stock_initial…) sont reconnus d&apos;eux-mêmes et vérifiés de la même façon.</source>
        <translation>1. Download the Excel template and fill in one row per movement (the Instructions sheet explains each column).&lt;br&gt;2. Choose the filled-in file: SahelStock checks it and shows what it will add, without saving anything.&lt;br&gt;3. If everything is correct, click “Import”. Importing the same file twice adds nothing.&lt;br&gt;Monthly LMIS reports (columns year, month, site_code, product_code, stock_initial…) are recognised automatically and checked in the same way.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Un ou plusieurs fichiers .xlsx ou .csv, de mouvements ou de rapports mensuels LMIS ; rien n&apos;est enregistré à ce stade</source>
        <translation>One or more .xlsx or .csv files, of movements or monthly LMIS reports; nothing is saved at this stage</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sites et produits des rapports…</source>
        <translation>Report sites and products…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relier les sites et les produits des rapports mensuels importés aux établissements et au catalogue de cette base</source>
        <translation>Link the sites and products of imported monthly reports to the facilities and catalogue of this database</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Choisir les fichiers de mouvements ou de rapports mensuels à importer</source>
        <translation>Choose the movement or monthly report files to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mouvements ou rapports mensuels (*.xlsx *.csv);;Tous les fichiers (*)</source>
        <translation>Movements or monthly reports (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>ℹ Aperçu : {0}. Rien n&apos;est encore enregistré.</source>
        <translation>ℹ Preview: {0}. Nothing is saved yet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ℹ Ces rapports sont tous déjà importés avec les mêmes valeurs : rien à ajouter ni à remplacer.</source>
        <translation>ℹ All these reports are already imported with the same values: nothing to add or replace.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ℹ Rien à ajouter : {0}.</source>
        <translation>ℹ Nothing to add: {0}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importer {0} rapport</source>
        <translation>Import {0} report</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importer {0} rapports</source>
        <translation>Import {0} reports</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>✖ Import annulé : rien n&apos;a été enregistré pour « {0} ». Cliquez sur « Vérifier de nouveau » pour voir ce qui reste à importer.</source>
        <translation>✖ Import cancelled: nothing was saved for “{0}”. Click “Check again” to see what is left to import.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✖ Rien n&apos;a été enregistré pour « {0} » : le registre a changé depuis la vérification. Corrigez ces lignes dans le fichier puis réessayez.</source>
        <translation>✖ Nothing was saved for “{0}”: the ledger changed after the check. Correct these rows in the file, then try again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fichiers non importés : {0}.</source>
        <translation>Files not imported: {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Déjà importé(s) avant l&apos;arrêt : {0} — {1}</source>
        <translation>Imported before stopping: {0} — {1}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Des sites ou des produits des rapports ne sont reliés à rien : cliquez sur « Sites et produits des rapports… » pour les relier.</source>
        <translation>Some report sites or products are not linked to anything: click “Report sites and products…” to link them.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pour importer d&apos;autres fichiers, cliquez sur « Choisir un fichier à importer… ».</source>
        <translation>To import other files, click “Choose a file to import…”.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Annulation en cours…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choisissez un fichier pour recommencer.</source>
        <translation>Choose a file to start again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✖ Erreur inattendue : {0}. Rien n&apos;a été enregistré pour le fichier en cours. Les détails sont dans le journal {1}.</source>
        <translation>✖ Unexpected error: {0}. Nothing was saved for the current file. The details are in the log {1}.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Veuillez patienter…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lecture et vérification du fichier…</source>
        <translation>Reading and checking the file…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Problèmes, ligne par ligne :</source>
        <translation>Problems, row by row:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(la ligne et la colonne sont celles du fichier)</source>
        <translation>(rows and columns are those of the file)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lignes ajoutées au registre :</source>
        <translation>Rows added to the ledger:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lignes qui seront ajoutées (pas encore enregistrées) :</source>
        <translation>Rows that will be added (not saved yet):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucune nouvelle ligne.</source>
        <translation>No new rows.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>✔ Chaque ligne respecte stock final = stock initial + reçu + ajustements − distribué.</source>
        <translation>✔ Every row satisfies closing stock = opening stock + received + adjustments − distributed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(importées telles quelles : vérifiez-les auprès du site)</source>
        <translation>(imported as they are: check them with the site)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(elles seront importées telles quelles, sans correction)</source>
        <translation>(they will be imported as they are, without correction)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lignes à vérifier : stock final ≠ stock initial + reçu + ajustements − distribué</source>
        <translation>Rows to check: closing stock ≠ opening stock + received + adjustments − distributed</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rapports mensuels LMIS « {0} »</source>
        <translation>Monthly LMIS reports “{0}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ligne lue</source>
        <translation>{0} row read</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} lignes lues</source>
        <translation>{0} rows read</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sites créés dans les rapports ({0})</source>
        <translation>Report sites created ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sites qui seront créés dans les rapports ({0})</source>
        <translation>Report sites to be created ({0})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>reliés à l&apos;établissement de même code : {0}</source>
        <translation>linked to the facility with the same code: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sans établissement relié : {0}</source>
        <translation>not linked to a facility: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Produits créés dans les rapports ({0})</source>
        <translation>Report products created ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Produits qui seront créés dans les rapports ({0})</source>
        <translation>Report products to be created ({0})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>reliés au produit du catalogue de même code : {0}</source>
        <translation>linked to the catalogue product with the same code: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hors catalogue : {0}</source>
        <translation>not in the catalogue: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reliez-les à un établissement ou à un produit du catalogue avec « Sites et produits des rapports… ».</source>
        <translation>Link them to a facility or a catalogue product with “Report sites and products…”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ceux qui ne sont reliés à rien pourront l&apos;être après l&apos;import, avec « Sites et produits des rapports… ».</source>
        <translation>Those not linked to anything can be linked after the import, with “Report sites and products…”.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>⚠ {0} ligne où stock final ≠ stock initial + reçu + ajustements − distribué (ligne {1}) : importée telle quelle, non corrigée.</source>
        <translation>⚠ {0} row where closing stock ≠ opening stock + received + adjustments − distributed (row {1}): imported as it is, not corrected.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ {0} lignes où stock final ≠ stock initial + reçu + ajustements − distribué (lignes {1}) : importées telles quelles, non corrigées.</source>
        <translation>⚠ {0} rows where closing stock ≠ opening stock + received + adjustments − distributed (rows {1}): imported as they are, not corrected.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>… et {0} autres</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{0} rapport sera ajouté</source>
        <translation>{0} report will be added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} rapports seront ajoutés</source>
        <translation>{0} reports will be added</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} sera remplacé par une nouvelle version</source>
        <translation>{0} will be replaced by a new version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} seront remplacés par une nouvelle version</source>
        <translation>{0} will be replaced by a new version</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} rapport ajouté</source>
        <translation>{0} report added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} rapports ajoutés</source>
        <translation>{0} reports added</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} remplacé par une nouvelle version</source>
        <translation>{0} replaced by a new version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} remplacés par une nouvelle version</source>
        <translation>{0} replaced by a new version</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} déjà importé à l&apos;identique</source>
        <translation>{0} already imported, unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} déjà importés à l&apos;identique</source>
        <translation>{0} already imported, unchanged</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} mouvement sera ajouté</source>
        <translation>{0} movement will be added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} mouvements seront ajoutés</source>
        <translation>{0} movements will be added</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} mouvement ajouté</source>
        <translation>{0} movement added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} mouvements ajoutés</source>
        <translation>{0} movements added</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} ligne déjà importée</source>
        <translation>{0} row already imported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} lignes déjà importées</source>
        <translation>{0} rows already imported</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choisissez d&apos;abord un fichier : il sera vérifié.</source>
        <translation>Choose a file first: it will be checked.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>ce classeur est une réquisition (R&amp;R) : importez-le dans l&apos;écran Réquisitions, onglet District (ou Vue consolidée).</source>
        <translation>this workbook is a requisition (R&amp;R): import it in the Requisitions screen, District tab (or Consolidated view).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ce classeur est un bon de livraison : importez-le dans l&apos;écran Réquisitions, onglet Livraisons reçues.</source>
        <translation>this workbook is a delivery note: import it in the Requisitions screen, Deliveries received tab.</translation>
    </message>
</context>
<context>
    <name>ExitForm</name>
    <message>
        <location filename="../../gui/nutrition/registers_dialogs.py" line="+31"/>
        <source>Corriger une sortie</source>
        <translation>Correct an exit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sortie d&apos;un enfant</source>
        <translation>Child exit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— choisissez un enfant en charge</source>
        <translation>— choose a child in care</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} (admis le {1})</source>
        <translation>{0} (admitted on {1})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unité :</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enfant :</source>
        <translation>Child:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de sortie :</source>
        <translation>Exit date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue :</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun enfant en charge en {0} : enregistrez d&apos;abord une admission.</source>
        <translation>No child in care in {0}: record an admission first.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>enfant</source>
        <translation>child</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>motif de la correction</source>
        <translation>reason for the correction</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sortie de {0} ({1}) enregistrée le {2}.</source>
        <translation>Exit of {0} ({1}) recorded on {2}.</translation>
    </message>
</context>
<context>
    <name>FacilityForm</name>
    <message>
        <location filename="../../gui/settings/facility_form.py" line="+109"/>
        <source>&amp;Nom :</source>
        <extracomment>something was typed or chosen (the validity may have changed)</extracomment>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type :</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Région :</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;District sanitaire :</source>
        <translation>Health &amp;district:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Code :</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fournisseur :</source>
        <translation>&amp;Supplier:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ex. CSCom de Sévaré</source>
        <translation>e.g. CSCom de Sévaré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ex. Mopti</source>
        <translation>e.g. Mopti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ex. CSCOM-SEVARE</source>
        <translation>e.g. CSCOM-SEVARE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identifiant court et définitif (lettres sans accent, chiffres, tirets) : il figure dans les fichiers échangés et ne pourra plus être changé.</source>
        <translation>Short, permanent identifier (letters without accents, digits, hyphens): it appears in exchanged files and cannot be changed later.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le code ne change jamais : il relie l&apos;établissement à son historique.</source>
        <translation>The code never changes: it links the facility to its history.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— aucun —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L&apos;établissement qui vous livre d&apos;habitude (par exemple le CSRéf du district)</source>
        <translation>The facility that usually supplies you (for example the district CSRéf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aucun autre établissement pour l&apos;instant : vous pourrez choisir le fournisseur plus tard dans Paramètres, une fois son établissement ajouté.</source>
        <translation>No other facility yet: you can choose the supplier later in Settings, once its facility has been added.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Le code d&apos;établissement {0} existe déjà : choisissez-en un autre.</source>
        <translation>Facility code {0} already exists: choose another one.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Remplissez le nom, le district sanitaire et le code de l&apos;établissement.</source>
        <translation>Fill in the facility&apos;s name, health district and code.</translation>
    </message>
</context>
<context>
    <name>FacilityRequisitionTab</name>
    <message>
        <location filename="../../gui/requisition/facility_tab.py" line="+51"/>
        <source>&amp;Mois :</source>
        <extracomment>emitted once a computation&apos;s result (or its refusal) is on screen (tests wait for it)</extracomment>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calcul en cours…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recalculer</source>
        <translation>&amp;Recalculate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calculer de nouveau à partir du registre (les modifications sont perdues)</source>
        <translation>Calculate again from the ledger (your changes are lost)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xporter en Excel…</source>
        <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le classeur à porter au district ; un brouillon porte la mention BROUILLON</source>
        <translation>The workbook to take to the district; a draft is marked BROUILLON (draft)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+330"/>
        <source>A&amp;pprouver…</source>
        <translation>A&amp;pprove…</translation>
    </message>
    <message>
        <location line="-328"/>
        <location line="+337"/>
        <source>Le directeur approuve la réquisition : elle reçoit son numéro et le mois est clos</source>
        <translation>The director approves the requisition: it gets its number and the month is closed</translation>
    </message>
    <message>
        <location line="-334"/>
        <source>Ré&amp;viser…</source>
        <translation>Re&amp;vise…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;nnuler la révision</source>
        <translation>Ca&amp;ncel the revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenir à la réquisition approuvée, sans rien changer</source>
        <translation>Go back to the approved requisition, without changing anything</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+64"/>
        <source>Choisissez un établissement pour voir sa réquisition.</source>
        <translation>Choose a facility to see its requisition.</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>{0} (en cours)</source>
        <translation>{0} (in progress)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mois {0} : choisissez un mois parmi les {1} derniers.</source>
        <translation>Month {0}: choose one of the last {1} months.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Calcul de la réquisition…</source>
        <translation>Calculating the requisition…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Les modifications enregistrées le {0} à {1} ne s&apos;appliquent plus : la réquisition {2} a été approuvée entre-temps (n° {3}).</source>
        <translation>The changes saved on {0} at {1} no longer apply: the requisition for {2} has been approved meanwhile (No. {3}).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Modifications enregistrées le {0} à {1} par {2} reprises.</source>
        <translation>Changes saved on {0} at {1} by {2} restored.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Modifications enregistrées le {0} à {1} reprises.</source>
        <translation>Changes saved on {0} at {1} restored.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>La réquisition n&apos;a pas pu être calculée : {0}</source>
        <translation>The requisition could not be calculated: {0}</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Modifications enregistrées à chaque saisie, reprises si l&apos;application se ferme : approuvez la révision pour l&apos;envoyer au district</source>
        <translation>Changes are saved as they are typed and restored if the application closes: approve the revision to send it to the district</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Modifications enregistrées à chaque saisie, reprises si l&apos;application se ferme : approuvez la réquisition pour l&apos;envoyer au district</source>
        <translation>Changes are saved as they are typed and restored if the application closes: approve the requisition to send it to the district</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>La réquisition n° {0} a changé depuis le début de la révision (elle est maintenant n° {1}) : révisez la dernière version.</source>
        <translation>Requisition No. {0} has changed since the revision began (it is now No. {1}): revise the latest version.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{0} : aucun produit à {1}. La réquisition liste les produits reçus ou comptés dans l&apos;établissement : enregistrez d&apos;abord une réception ou un inventaire.</source>
        <translation>{0}: no products at {1}. The requisition lists the products received or counted at the facility: record a receipt or a physical count first.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{0} · Approuvée — n° {1} (révision de n° {2}), par {3} le {4}</source>
        <translation>{0} · Approved — No. {1} (revision of No. {2}), by {3} on {4}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} · Approuvée — n° {1} (version {2}), par {3} le {4}</source>
        <translation>{0} · Approved — No. {1} (version {2}), by {3} on {4}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} · Approuvée — n° {1}, par {2} le {3}</source>
        <translation>{0} · Approved — No. {1}, by {2} on {3}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} · Révision de la réquisition n° {1} — les chiffres du registre restent ceux approuvés</source>
        <translation>{0} · Revision of requisition No. {1} — the ledger figures stay those approved</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} · Brouillon — calculé à partir du registre</source>
        <translation>{0} · Draft — calculated from the ledger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ligne(s) modifiée(s)</source>
        <translation>{0} line(s) changed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ {0} à justifier</source>
        <translation>⚠ {0} to justify</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A&amp;pprouver la révision…</source>
        <translation>A&amp;pprove the revision…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le directeur approuve la révision : elle reçoit un nouveau numéro et remplace au district la réquisition approuvée ; le mois reste clos</source>
        <translation>The director approves the revision: it gets a new number and replaces the approved requisition at the district; the month stays closed</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Réquisition importée du classeur de l&apos;établissement : c&apos;est l&apos;établissement qui la révise et envoie la nouvelle version au district.</source>
        <translation>Requisition imported from the facility&apos;s workbook: the facility revises it and sends the new version to the district.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Envoyer une version corrigée de la réquisition du même mois : les chiffres du registre ne changent pas, seules les quantités demandées, les justifications et les observations. Elle reçoit un nouveau numéro et remplace au district le fichier précédent.</source>
        <translation>Send a corrected version of the same month&apos;s requisition: the ledger figures do not change, only the requested quantities, justifications and remarks. It gets a new number and replaces the previous file at the district.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Modification non enregistrée dans la base : {0} Elle reste affichée ; approuvez ou exportez la réquisition avant de fermer l&apos;application.</source>
        <translation>Change not saved in the database: {0} It stays on screen; approve or export the requisition before closing the application.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Abandonner vos modifications ?</source>
        <translation>Discard your changes?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Les quantités demandées, justifications et observations saisies pour {0} seront remplacées par le calcul du registre.</source>
        <translation>The requested quantities, justifications and remarks entered for {0} will be replaced by the calculation from the ledger.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Changez les quantités demandées, les justifications ou les observations, puis « Approuver la révision… ».</source>
        <translation>Change the requested quantities, justifications or remarks, then “Approve the revision…”.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Annuler la révision ?</source>
        <translation>Cancel the revision?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Les quantités demandées, justifications et observations changées pour {0} seront perdues ; la réquisition approuvée reste la même.</source>
        <translation>The requested quantities, justifications and remarks changed for {0} will be lost; the approved requisition stays the same.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Approbation impossible : {0}</source>
        <translation>Cannot approve: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Révision sans changement : modifiez une quantité demandée, une justification ou une observation, ou annulez la révision.</source>
        <translation>The revision changes nothing: change a requested quantity, a justification or a remark, or cancel the revision.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Réquisition n° {0} {1} approuvée par {2}. Exportez-la en Excel pour le district.</source>
        <translation>Requisition No. {0} for {1} approved by {2}. Export it to Excel for the district.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Révision approuvée par {0} : la réquisition n° {1} {2} remplace la n° {3}. Exportez-la en Excel pour le district.</source>
        <translation>Revision approved by {0}: requisition No. {1} for {2} replaces No. {3}. Export it to Excel for the district.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Exporter la réquisition</source>
        <translation>Export the requisition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Réquisition non enregistrée</source>
        <translation>Requisition not saved</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Brouillon enregistré : {0}. Il porte la mention BROUILLON : faites approuver la réquisition avant de l&apos;envoyer au district.</source>
        <translation>Draft saved: {0}. It is marked BROUILLON (draft): have the requisition approved before sending it to the district.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Réquisition n° {0} enregistrée : {1}. Copiez ce fichier sur la clé USB pour le district.</source>
        <translation>Requisition No. {0} saved: {1}. Copy this file to the USB stick for the district.</translation>
    </message>
</context>
<context>
    <name>FacilityType</name>
    <message>
        <location filename="../../gui/labels.py" line="+4"/>
        <source>CSCom (centre de santé communautaire)</source>
        <translation>CSCom (community health centre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSRéf (centre de santé de référence)</source>
        <translation>CSRéf (referral health centre)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EPH (hôpital régional)</source>
        <translation>EPH (regional hospital)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hôpital national</source>
        <translation>National hospital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinique mobile</source>
        <translation>Mobile clinic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrepôt</source>
        <translation>Warehouse</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <location filename="../../gui/nutrition/registers_dialogs.py" line="-770"/>
        <location line="+13"/>
        <location line="+9"/>
        <source>À remplir : {0}.</source>
        <translation>To fill in: {0}.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Corrigez ce qui est signalé en rouge.</source>
        <translation>Correct what is marked in red.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ Prêt à enregistrer : vérifiez puis cliquez sur Enregistrer.</source>
        <translation>✔ Ready to save: check, then click Save.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ex. erreur de saisie du PB, mauvais enfant</source>
        <translation>e.g. MUAC typed wrong, wrong child</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Motif de la correction :</source>
        <translation>Reason for the correction:</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../gui/forms/common.py" line="-287"/>
        <source>{0} : impossible d&apos;écrire {1} ({2}). Si le fichier est ouvert dans Excel, fermez-le ; sinon choisissez un autre dossier.</source>
        <translation>{0}: cannot write {1} ({2}). If the file is open in Excel, close it; otherwise choose another folder.</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location filename="../../gui/exchange/model.py" line="+116"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lignes</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouvelles lignes</source>
        <translation>New rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déjà importées</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rapports mensuels LMIS</source>
        <translation>Monthly LMIS reports</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nouveaux rapports : {0} ; remplaçant une version déjà importée : {1}</source>
        <translation>New reports: {0}; replacing a version already imported: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rapports déjà importés avec les mêmes valeurs</source>
        <translation>Reports already imported with the same values</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✖ {0} problème : rien n&apos;a été enregistré</source>
        <translation>✖ {0} problem: nothing was saved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✖ {0} problèmes : rien n&apos;a été enregistré</source>
        <translation>✖ {0} problems: nothing was saved</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✔ Importé</source>
        <translation>✔ Imported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Déjà importé, rien à ajouter</source>
        <translation>✔ Already imported, nothing to add</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Prêt à importer</source>
        <translation>✔ Ready to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rapports mensuels</source>
        <translation>monthly reports</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ {0} ligne à vérifier</source>
        <translation>⚠ {0} row to check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ {0} lignes à vérifier</source>
        <translation>⚠ {0} rows to check</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../gui/first_run.py" line="+177"/>
        <source>Comment voulez-vous commencer ?</source>
        <translation>How would you like to start?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Créer mon établissement</source>
        <translation>Create my facility</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pour travailler avec vos propres données : le nom, la région, le district et le code de votre établissement suffisent pour commencer.</source>
        <translation>To work with your own data: your facility&apos;s name, region, district and code are all you need to start.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ouvrir la démonstration</source>
        <translation>Open the demonstration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La démonstration contient des établissements de Mopti, Ségou et Tombouctou avec deux ans d&apos;historique, pour essayer sans risque. Elle est rangée à part : vos propres données ne sont pas mélangées avec elle.</source>
        <translation>The demonstration has facilities in Mopti, Ségou and Tombouctou with two years of history, to try things out safely. It is kept separately: your own data is never mixed with it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+12"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Votre établissement</source>
        <translation>Your facility</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le code identifie l&apos;établissement dans les fichiers échangés : il ne pourra plus être changé. Le bouton « Créer » s&apos;active quand tout est correct.</source>
        <translation>The code identifies the facility in exchanged files: it cannot be changed later. The “Create” button becomes active when everything is correct.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>ForecastScreen</name>
    <message>
        <location filename="../../gui/forecast/screen.py" line="+113"/>
        <source>Calcul en cours…</source>
        <extracomment>emitted once a computation&apos;s result is on screen (tests wait for it)</extracomment>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commandes en cours…</source>
        <translation>Pending orders…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Livraisons attendues : en ajouter une, changer sa date ou sa quantité, la marquer reçue ou annulée</source>
        <translation>Expected deliveries: add one, change its date or quantity, mark it received or cancelled</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Double-cliquez sur un produit pour ouvrir sa fiche de stock</source>
        <translation>Double-click a product to open its stock card</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+17"/>
        <source>Choisissez un établissement pour voir ses prévisions.</source>
        <translation>Choose a facility to see its forecast.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calcul des prévisions en cours…
(quelques secondes)</source>
        <translation>Calculating the forecast…
(a few seconds)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Les prévisions n&apos;ont pas pu être calculées : {0}</source>
        <translation>The forecast could not be calculated: {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Aucun historique de consommation dans cet établissement.
Les prévisions demandent quelques mois de mouvements (ou des rapports mensuels importés).</source>
        <translation>No consumption history at this facility.
The forecast needs a few months of movements (or imported monthly reports).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} · prévisions au {1} pour {2} produit(s)</source>
        <translation>{0} · forecast as of {1} for {2} product(s)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>de {0} à {1}</source>
        <translation>from {0} to {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selon les cas de malnutrition attendus (PCIMA), il faut {0} {1} {2}</source>
        <translation>For the expected malnutrition cases (CMAM), {0} {1} are needed {2}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}, soit {1} % de plus que la consommation prévue ({2}) : la prévision pourrait sous-estimer le besoin.</source>
        <translation>{0}, {1}% more than the forecast consumption ({2}): the forecast may underestimate the need.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}, soit {1} % de moins que la consommation prévue ({2}).</source>
        <translation>{0}, {1}% less than the forecast consumption ({2}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}, proche de la consommation prévue ({1}).</source>
        <translation>{0}, close to the forecast consumption ({1}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} – {1} : consommation, prévision et stock projeté</source>
        <translation>{0} – {1}: consumption, forecast and projected stock</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quantité ({0})</source>
        <translation>Quantity ({0})</translation>
    </message>
</context>
<context>
    <name>FoundLotDialog</name>
    <message>
        <location filename="../../gui/count/dialogs.py" line="-155"/>
        <source>Ajouter un lot trouvé sur l&apos;étagère</source>
        <translation>Add a lot found on the shelf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Un lot est sur l&apos;étagère mais pas sur la fiche d&apos;inventaire ? Indiquez-le ici : l&apos;inventaire l&apos;ajoutera au stock.</source>
        <translation>A lot is on the shelf but not on the count sheet? Enter it here: the count will add it to the stock.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>— choisir un produit —</source>
        <translation>— choose a product —</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>jj/mm/aaaa ou mm/aaaa</source>
        <translation>dd/mm/yyyy or mm/yyyy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ex. 150</source>
        <translation>e.g. 150</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Produit :</source>
        <translation>Product:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot :</source>
        <translation>Lot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption :</source>
        <translation>Expiry:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantité comptée :</source>
        <translation>Quantity counted:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ajouter la ligne</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Produit : choisissez le produit trouvé.</source>
        <translation>Product: choose the product found.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>en {0} (unité de base)</source>
        <translation>in {0} (base unit)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lot : tapez le numéro de lot écrit sur la boîte.</source>
        <translation>Lot: type the lot number written on the box.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lot : ce lot est déjà sur la fiche (ligne {0}). Saisissez la quantité sur cette ligne.</source>
        <translation>Lot: this lot is already on the sheet (line {0}). Enter the quantity on that line.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Péremption : tapez la date écrite sur la boîte (ex. 31/05/2028).</source>
        <translation>Expiry: type the date written on the box (e.g. 31/05/2028).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Péremption : « {0} » n&apos;est pas une date. Écrivez jj/mm/aaaa ou mm/aaaa.</source>
        <translation>Expiry: “{0}” is not a date. Write dd/mm/yyyy or mm/yyyy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>soit le {0}</source>
        <translation>i.e. {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantité comptée : tapez combien d&apos;unités vous avez trouvées.</source>
        <translation>Quantity counted: type how many units you found.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/nutrition/registers_dialogs.py" line="+964"/>
        <source>Chaque correction ou annulation ajoute une version ; les précédentes sont gardées. La dernière ligne est ce que le registre montre.</source>
        <translation>Each correction or voiding adds a version; earlier ones are kept. The last line is what the register shows.</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../gui/requisition/import_panel.py" line="+111"/>
        <source>%v / %m fichiers</source>
        <translation>%v / %m files</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Arrêt après le fichier en cours…</source>
        <translation>Stopping after the current file…</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <location filename="../../gui/requisition/district_model.py" line="+15"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Détails (feuille, ligne, colonne)</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Établissement ajouté à la base : {0}, district de {1}.</source>
        <translation>Facility added to the database: {0}, district {1}.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>signalement</source>
        <translation>flag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signalements</source>
        <translation>flags</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>
R&amp;R n° {0}</source>
        <translation>
R&amp;R No. {0}</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../gui/exchange/model.py" line="+10"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mouvement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Le motif d&apos;une perte ou d&apos;un ajustement, l&apos;autre établissement d&apos;un transfert, ou le fournisseur d&apos;une réception</source>
        <translation>The reason for a loss or adjustment, the other facility of a transfer, or the supplier of a receipt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>En unités de base (sachets, comprimés…)</source>
        <translation>In base units (sachets, tablets…)</translation>
    </message>
</context>
<context>
    <name>IssueForm</name>
    <message>
        <location filename="../../gui/forms/outgoing.py" line="+162"/>
        <source>Dispensation</source>
        <translation>Dispensing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>périmé — ne peut pas être dispensé</source>
        <translation>expired — cannot be dispensed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>N° du registre ou de l&apos;ordonnance (facultatif)</source>
        <translation>Register or prescription no. (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Référence :</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dispensée</source>
        <translation>dispensed</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dispensation enregistrée : {0}</source>
        <translation>Dispensing recorded: {0}</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <location filename="../../gui/labels.py" line="-36"/>
        <source>Réception</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispensation</source>
        <translation>Dispensing</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Transfert reçu</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Transfert cédé</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Perte</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ajustement</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventaire</source>
        <translation>Physical count</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retour</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avarié</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Périmé</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volé</source>
        <translation>Stolen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perdu</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rupture de la chaîne du froid</source>
        <translation>Cold chain break</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction d&apos;inventaire</source>
        <translation>Count correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulation d&apos;une saisie</source>
        <translation>Entry reversal</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>(sans lot)</source>
        <translation>(no lot)</translation>
    </message>
</context>
<context>
    <name>LossForm</name>
    <message>
        <location filename="../../gui/forms/loss.py" line="+52"/>
        <source>Perte / ajustement</source>
        <translation>Loss / adjustment</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Perte (sortie de stock)</source>
        <translation>Loss (removes stock)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ajustement (retour, correction)</source>
        <translation>Adjustment (return, correction)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ajouter au stock (+)</source>
        <translation>Add to stock (+)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirer du stock (−)</source>
        <translation>Remove from stock (−)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choisissez le lot…</source>
        <translation>Choose the lot…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>— à indiquer —</source>
        <translation>— to be entered —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ce qui s&apos;est passé (facultatif)</source>
        <translation>What happened (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Motif :</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sens :</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Produit :</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lot :</source>
        <translation>&amp;Lot:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Péremption du lot :</source>
        <translation>Lot expiry:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantité :</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note :</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Choisissez un lot ou tapez le numéro du lot retourné</source>
        <translation>Choose a lot or type the number of the returned lot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>péremption {0}</source>
        <translation>expires {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} en stock</source>
        <translation>{0} in stock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PÉRIMÉ</source>
        <translation>EXPIRED</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sens : choisissez « ajouter au stock » ou « retirer du stock ».</source>
        <translation>Direction: choose “add to stock” or “remove from stock”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Produit : « {0} » n&apos;est pas dans le catalogue : choisissez un produit dans la liste.</source>
        <translation>Product: “{0}” is not in the catalogue: choose a product from the list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Produit : choisissez le produit dans la liste.</source>
        <translation>Product: choose the product from the list.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lot : aucun stock de {0} ici le {1} : rien à retirer.</source>
        <translation>Lot: no stock of {0} here on {1}: nothing to remove.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lot : choisissez ou tapez le numéro du lot concerné.</source>
        <translation>Lot: choose or type the lot number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lot : choisissez le lot à sortir (obligatoire pour {0}).</source>
        <translation>Lot: choose the lot to remove (required for {0}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nouveau lot pour cet établissement.</source>
        <translation>New lot for this facility.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Péremption du lot : indiquez la date de péremption du lot.</source>
        <translation>Lot expiry: enter the lot&apos;s expiry date.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantité : indiquez combien d&apos;unités sont concernées.</source>
        <translation>Quantity: enter how many units are affected.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantité : le lot {0} n&apos;a que {1} disponibles ce jour-là. Réduisez la quantité.</source>
        <translation>Quantity: lot {0} has only {1} available on that day. Reduce the quantity.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Disponible dans ce lot : {0}.</source>
        <translation>Available in this lot: {0}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lot périmé : il peut seulement sortir en perte.</source>
        <translation>Expired lot: it can only be written off as a loss.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention : ce lot n&apos;est pas encore périmé.</source>
        <translation>Warning: this lot has not expired yet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} de {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>, lot {0}</source>
        <translation>, lot {0}</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Perte enregistrée : {0} ({1})</source>
        <translation>Loss recorded: {0} ({1})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ajustement enregistré : {0} de {1}{2} ({3})</source>
        <translation>Adjustment recorded: {0} of {1}{2} ({3})</translation>
    </message>
</context>
<context>
    <name>LotPicker</name>
    <message>
        <location filename="../../gui/forms/lots.py" line="+163"/>
        <source>Cliquez sur un lot pour le sortir à la place de celui proposé (PPPS).</source>
        <translation>Click a lot to issue it instead of the one proposed (FEFO).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revenir au PPPS</source>
        <translation>Back to FEFO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Premier périmé, premier sorti : le lot qui périme le premier sort d&apos;abord.</source>
        <translation>First expiry, first out: the lot that expires first goes out first.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Par défaut, le lot qui périme le premier sort en premier (PPPS). Cliquez sur un lot pour en choisir un autre.</source>
        <translation>By default, the lot that expires first goes out first (FEFO). Click a lot to choose another one.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lot choisi à la place du PPPS.</source>
        <translation>Lot chosen instead of FEFO.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} du lot {1} ({2})</source>
        <translation>{0} from lot {1} ({2})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} du lot {1}</source>
        <translation>{0} from lot {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sera pris : {0}</source>
        <translation>Will be taken: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — lot choisi à la place du PPPS.</source>
        <translation> — lot chosen instead of FEFO.</translation>
    </message>
</context>
<context>
    <name>LotTableModel</name>
    <message>
        <location line="-238"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisable</source>
        <translation>Usable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>déjà engagé par des sorties postérieures</source>
        <translation>already committed to later issues</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>périme bientôt : à sortir en premier</source>
        <translation>expires soon: issue first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>utilisable</source>
        <translation>usable</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="+49"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fiche de stock</source>
        <translation>Stock card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mouvements</source>
        <translation>Movements</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inventaire</source>
        <translation>Physical count</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import / Export</source>
        <translation>Import / Export</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nutrition (PCIMA)</source>
        <translation>Nutrition (CMAM)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prévisions</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Réquisitions</source>
        <translation>Requisitions</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Réception</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispensation</source>
        <translation>Dispensing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfert</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perte / ajustement</source>
        <translation>Loss / adjustment</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>SahelStock – gestion des stocks</source>
        <translation>SahelStock – stock management</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Établissement dont on gère le stock</source>
        <translation>Facility whose stock you are managing</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Établissement : </source>
        <translation>Facility: </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sauvegarder la base…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>À propos de SahelStock</source>
        <translation>About SahelStock</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Base : {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dernière sauvegarde : {0}</source>
        <translation>Last backup: {0}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Aucun établissement</source>
        <translation>No facility</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Créez d&apos;abord un établissement.</source>
        <translation>Create a facility first.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sauvegarder la base</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base SahelStock (*.db)</source>
        <translation>SahelStock database (*.db)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sauvegarde impossible</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sauvegarde écrite : {0}</source>
        <translation>Backup written: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SahelStock tient le stock des établissements de santé du Mali : ATPE, médicaments, équipements ; fiche de stock, inventaire, CMM et quantités à commander.</source>
        <translation>SahelStock keeps the stock of health facilities in Mali: RUTF, medicines, equipment; stock cards, physical counts, AMC and order quantities.</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../gui/requisition/district_model.py" line="+105"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total
demandé</source>
        <translation>Total
requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total
approuvé</source>
        <translation>Total
approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDU du
dépôt</source>
        <translation>Depot
usable stock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantités demandées par tous les établissements, en unités de base</source>
        <translation>Quantities requested by all the facilities, in base units</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantités approuvées pour tous les établissements, en unités de base</source>
        <translation>Quantities approved for all the facilities, in base units</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stock disponible utilisable du dépôt aujourd&apos;hui (sans les lots périmés) : ce qu&apos;il peut livrer</source>
        <translation>Depot&apos;s usable stock today (without expired lots): what it can deliver</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>{0}
approuvé ✎</source>
        <extracomment>the user typed an approved quantity: (facility code, product code, quantity) what was typed was refused; the message names the cell and says what to do</extracomment>
        <translation>{0}
approved ✎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}
demandé</source>
        <translation>{0}
requested</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} : quantité approuvée par le dépôt (double-clic ou F2 pour la changer ; un commentaire est demandé si elle diffère de la demande)</source>
        <translation>{0}: quantity approved by the depot (double-click or F2 to change it; a comment is asked for if it differs from the request)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} : quantité demandée sur sa réquisition</source>
        <translation>{0}: quantity requested on its requisition</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Quantités en {0} ; {1} par conditionnement</source>
        <translation>Quantities in {0}; {1} per pack</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approuvé {0}, le dépôt n&apos;a que {1} utilisable(s) : il manque {2}. Réduisez des quantités approuvées ou attendez la livraison du niveau supérieur.</source>
        <translation>Approved {0}, but the depot has only {1} usable: {2} short. Reduce some approved quantities or wait for the delivery from the level above.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} · {1}
Demandé : {2} {4} ; approuvé : {3} {4}</source>
        <translation>{0} · {1}
Requested: {2} {4}; approved: {3} {4}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>
Soit {0} conditionnement(s) de {1}</source>
        <translation>
That is {0} pack(s) of {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
Commentaire du dépôt : {0}</source>
        <translation>
Depot&apos;s comment: {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0}, {1} – quantité approuvée : {2}</source>
        <translation>{0}, {1} – approved quantity: {2}</translation>
    </message>
</context>
<context>
    <name>MovementsScreen</name>
    <message>
        <location filename="../../gui/movements/screen.py" line="+60"/>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Produit :</source>
        <translation>Product:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>◀ Précédent</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suivant ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Annuler la saisie…</source>
        <translation>Reverse entry…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corrige une saisie fausse par une écriture inverse ; l&apos;originale reste visible, marquée « annulée ».</source>
        <translation>Corrects a wrong entry with an opposite entry; the original stays visible, marked “reversed”.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Réception…</source>
        <translation>Receipt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispensation…</source>
        <translation>Dispensing…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfert…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perte / ajustement…</source>
        <translation>Loss / adjustment…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Tous les produits</source>
        <translation>All products</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Aucun établissement : créez-en un dans Paramètres pour saisir ses stocks.</source>
        <translation>No facility: create one in Settings to enter its stock.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Aucun mouvement ne correspond à ces filtres.</source>
        <translation>No movements match these filters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun mouvement enregistré pour cet établissement. Commencez par une réception (bouton « Réception… » ci-dessous).</source>
        <translation>No movements recorded for this facility. Start with a receipt (“Receipt…” button below).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Aucun mouvement</source>
        <translation>No movements</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0}–{1} sur {2}</source>
        <translation>{0}–{1} of {2}</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Saisie déjà annulée.</source>
        <translation>Entry already reversed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ligne d&apos;annulation : elle ne s&apos;annule pas (double-clic : l&apos;originale).</source>
        <translation>Reversal line: it cannot be reversed (double-click: the original).</translation>
    </message>
</context>
<context>
    <name>MovementsTableModel</name>
    <message>
        <location filename="../../gui/movements/model.py" line="+47"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provenance / destination</source>
        <translation>From / to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saisi par</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>(annulation)</source>
        <translation>(reversal)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+31"/>
        <source>annulée</source>
        <translation>reversed</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>annulée le {0}</source>
        <translation>reversed on {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>annule la saisie du {0}</source>
        <translation>reverses the entry of {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>annule une saisie antérieure</source>
        <translation>reverses an earlier entry</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>compté : {0}</source>
        <translation>counted: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cette saisie a été annulée par une écriture inverse ; elle reste visible.</source>
        <translation>This entry was reversed by an opposite entry; it stays visible.</translation>
    </message>
</context>
<context>
    <name>NeedsModel</name>
    <message>
        <location filename="../../gui/nutrition/needs_tab.py" line="+94"/>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tendance :
enfants</source>
        <translation>Trend:
children</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tendance :
sachets</source>
        <translation>Trend:
sachets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge de cas :
enfants</source>
        <translation>Caseload:
children</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge de cas :
sachets</source>
        <translation>Caseload:
sachets</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Admissions URENAS attendues d&apos;après les mois passés</source>
        <translation>URENAS admissions expected from past months</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part du mois dans la charge de cas annuelle N × P × K × C</source>
        <translation>The month&apos;s share of the annual caseload N × P × K × C</translation>
    </message>
</context>
<context>
    <name>NeedsTab</name>
    <message>
        <location line="+50"/>
        <source>Poids « {0} » : attendu un nombre de kilos, par exemple 6,5.</source>
        <translation>Weight “{0}”: a number of kilograms is expected, for example 6.5.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>de {0} kg à moins de {1} kg</source>
        <translation>from {0} kg to under {1} kg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} kg et plus</source>
        <translation>{0} kg and over</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Charge de cas attendue (aire de santé)</source>
        <translation>Expected caseload (health area)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Les chiffres de l&apos;aire de santé, tirés du plan du district ou de la dernière enquête nutritionnelle (SMART).</source>
        <translation>The health area&apos;s figures, from the district plan or the latest nutrition survey (SMART).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Garder ces chiffres pour l&apos;établissement</source>
        <translation>Keep these figures for the facility</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dose d&apos;ATPE pour un enfant</source>
        <translation>RUTF dose for a child</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ex. 6,5</source>
        <translation>e.g. 6.5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Poids de l&apos;enfant (kg) :</source>
        <translation>Child&apos;s weight (kg):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tranche de poids :</source>
        <translation>Weight band:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sachets par jour :</source>
        <translation>Sachets per day:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sachets par semaine :</source>
        <translation>Sachets per week:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&apos;après la table de dosage (200 kcal/kg/jour) des paramètres PCIMA. Le test de l&apos;appétit reste à faire à chaque visite.</source>
        <translation>From the dosing table (200 kcal/kg/day) in the CMAM settings. The appetite test is still needed at every visit.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sachets commandés et pas encore reçus (150 sachets par carton)</source>
        <translation>Sachets ordered but not yet received (150 sachets per carton)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mois à prévoir :</source>
        <translation>Months to plan:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Déjà commandé, pas encore reçu (sachets) :</source>
        <translation>Already ordered, not yet received (sachets):</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Enfants MAS attendus par an = N × P × K × C</source>
        <translation>SAM children expected per year = N × P × K × C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N : enfants de 6 à 59 mois ; P : prévalence de la MAS ; K : facteur d&apos;incidence ({0}) ; C : couverture attendue.</source>
        <translation>N: children aged 6–59 months; P: SAM prevalence; K: incidence factor ({0}); C: expected coverage.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>soit {0} enfants par an</source>
        <translation>i.e. {0} children per year</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>✔ Enregistré</source>
        <translation>✔ Saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge de cas enregistrée</source>
        <translation>Caseload saved</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choisissez un établissement pour calculer ses besoins.</source>
        <translation>Choose a facility to calculate its needs.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{0} sachets ({1} cartons)</source>
        <translation>{0} sachets ({1} cartons)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Par la tendance des admissions</source>
        <translation>From the admissions trend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Par la charge de cas</source>
        <translation>From the caseload</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>charge de cas non saisie</source>
        <translation>caseload not entered</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Besoin sur la période</source>
        <translation>Need over the period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock utilisable aujourd&apos;hui</source>
        <translation>Usable stock today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Déjà commandé</source>
        <translation>Already ordered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manque à commander</source>
        <translation>Shortfall to order</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Tendance&lt;/b&gt; : les admissions URENAS du même mois l&apos;an dernier, ajustées selon l&apos;évolution des 3 derniers mois par rapport à l&apos;an dernier (entre la moitié et le double) ; avec moins d&apos;un an de registre, la moyenne des 3 derniers mois. × {0} sachets par enfant.</source>
        <translation>&lt;b&gt;Trend&lt;/b&gt;: URENAS admissions in the same month last year, adjusted by how the last 3 months compare with a year earlier (between half and double); with less than a year of register, the average of the last 3 months. × {0} sachets per child.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Charge de cas&lt;/b&gt; : renseignez la population, la prévalence et la couverture à gauche pour la calculer.</source>
        <translation>&lt;b&gt;Caseload&lt;/b&gt;: enter the population, prevalence and coverage on the left to calculate it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Charge de cas&lt;/b&gt; : {0} enfants par an (N × P × K × C), répartis sur les mois comme les admissions des 12 derniers mois (pic de la soudure). × {1} sachets par enfant.</source>
        <translation>&lt;b&gt;Caseload&lt;/b&gt;: {0} children per year (N × P × K × C), spread over the months like the admissions of the last 12 months (lean season peak). × {1} sachets per child.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Charge de cas&lt;/b&gt; : {0} enfants par an (N × P × K × C), un douzième par mois faute d&apos;un an de registre. × {1} sachets par enfant.</source>
        <translation>&lt;b&gt;Caseload&lt;/b&gt;: {0} children per year (N × P × K × C), one twelfth per month as the register covers less than a year. × {1} sachets per child.</translation>
    </message>
</context>
<context>
    <name>NutritionScreen</name>
    <message>
        <location filename="../../gui/nutrition/screen.py" line="+26"/>
        <source>Dépistage</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Décomptes communautaires</source>
        <translation>Community tallies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rapport mensuel</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besoins en ATPE</source>
        <translation>RUTF needs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graphiques</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paramètres PCIMA</source>
        <translation>CMAM settings</translation>
    </message>
</context>
<context>
    <name>NutritionSettingsTab</name>
    <message>
        <location filename="../../gui/nutrition/settings_tab.py" line="-177"/>
        <source>Dépistage</source>
        <translation>Screening</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ATPE et charge de cas</source>
        <translation>RUTF and caseload</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rapport mensuel (normes Sphère)</source>
        <translation>Monthly report (Sphere standards)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Par sexe (OMS)</source>
        <translation>By sex (WHO)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Garçons pour tous</source>
        <translation>Boys for all</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>Ces valeurs valent pour tous les établissements. Tapez une valeur puis Entrée pour l&apos;enregistrer ; « Valeur par défaut » reprend celle du protocole.</source>
        <translation>These values apply to every facility. Type a value then press Enter to save it; “Default value” restores the protocol&apos;s value.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Par sexe : la table OMS 2006 des filles pour les filles, des garçons pour les garçons. Garçons pour tous : la table des garçons pour les deux sexes, comme le protocole malien de 2011.</source>
        <translation>By sex: the WHO 2006 girls&apos; table for girls, the boys&apos; table for boys. Boys for all: the boys&apos; table for both sexes, as in the 2011 Malian protocol.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Valeur par défaut</source>
        <translation>Default value</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Table de dosage de l&apos;ATPE (200 kcal/kg/jour)</source>
        <translation>RUTF dosing table (200 kcal/kg/day)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Une ligne par tranche de poids : elle va de son poids jusqu&apos;au poids de la ligne suivante. Double-cliquez sur une case pour la changer.</source>
        <translation>One line per weight band: it runs from its weight up to the weight of the next line. Double-click a cell to change it.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ajouter une ligne</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supprimer la ligne</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revenir à la table fournie</source>
        <translation>Restore supplied table</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La table livrée avec SahelStock (protocole national)</source>
        <translation>The table shipped with SahelStock (national protocol)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer la table</source>
        <translation>Save table</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Revenir à {0}</source>
        <translation>Reset to {0}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>✔ Enregistré : {0}</source>
        <translation>✔ Saved: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paramètre PCIMA enregistré : {0}</source>
        <translation>CMAM setting saved: {0}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Table fournie avec SahelStock.</source>
        <translation>Table supplied with SahelStock.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table modifiée dans ce poste.</source>
        <translation>Table changed on this computer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Modifications non enregistrées.</source>
        <translation>Unsaved changes.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>✔ Table de dosage enregistrée.</source>
        <translation>✔ Dosing table saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table de dosage de l&apos;ATPE enregistrée</source>
        <translation>RUTF dosing table saved</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Table de dosage fournie rétablie</source>
        <translation>Supplied dosing table restored</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../gui/forecast/orders.py" line="-206"/>
        <source>Changer la date ou la quantité d&apos;une commande</source>
        <translation>Change an order&apos;s date or quantity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nouvelle commande attendue</source>
        <translation>New expected order</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ex. bon de commande BC-2026-118</source>
        <translation>e.g. purchase order BC-2026-118</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ex. CSRéf de Mopti, UNICEF, PPM</source>
        <translation>e.g. CSRéf de Mopti, UNICEF, PPM</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Une livraison que l&apos;établissement attend (commandée, approuvée ou en route) : la prévision l&apos;ajoute au stock à la date attendue.</source>
        <translation>A delivery the facility is expecting (ordered, approved or on the way): the forecast adds it to the stock on the expected date.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>Produit :</source>
        <translation>Product:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantité :</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendue le :</source>
        <translation>Expected on:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Référence :</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fournisseur :</source>
        <translation>Supplier:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>facultatif</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note :</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ex. livraison reportée par le CSRéf</source>
        <translation>e.g. delivery postponed by the CSRéf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif du changement :</source>
        <translation>Reason for change:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Produit inconnu : choisissez-le dans la liste (code ou nom).</source>
        <translation>Unknown product: choose it from the list (code or name).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>produit</source>
        <translation>product</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quantité</source>
        <translation>quantity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date passée : indiquez aujourd&apos;hui ou une date à venir.</source>
        <translation>Date in the past: enter today or a later date.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changez la date attendue ou la quantité.</source>
        <translation>Change the expected date or the quantity.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Commande enregistrée : {0}.</source>
        <translation>Order recorded: {0}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Commande modifiée : {0}.</source>
        <translation>Order changed: {0}.</translation>
    </message>
</context>
<context>
    <name>OrdersDialog</name>
    <message>
        <location line="-157"/>
        <source>{0} de {1} attendus le {2}</source>
        <extracomment>how far ahead an expected date may be</extracomment>
        <translation>{0} of {1} expected on {2}</translation>
    </message>
    <message>
        <location line="+249"/>
        <source>Commandes en cours – {0}</source>
        <translation>Pending orders – {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Livraisons attendues (commandées, approuvées ou en route). La prévision les ajoute au stock à leur date attendue ; une commande en retard compte pour aujourd&apos;hui.</source>
        <translation>Expected deliveries (ordered, approved or on the way). The forecast adds them to the stock on their expected date; a late order counts as arriving today.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Aucune commande en cours. « Nouvelle commande… » en ajoute une.</source>
        <translation>No pending orders. “New order…” adds one.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nouvelle commande…</source>
        <translation>New order…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changer la date ou la quantité…</source>
        <translation>Change date or quantity…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marquer reçue…</source>
        <translation>Mark received…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler la commande…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <location filename="../../gui/forecast/model.py" line="+228"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendue le</source>
        <translation>Expected on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fournisseur</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dernière saisie</source>
        <translation>Last entry</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>⚠ {0} (en retard)</source>
        <translation>⚠ {0} (late)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>La date attendue est passée : la prévision compte cette livraison pour aujourd&apos;hui. Changez la date, ou marquez la commande reçue ou annulée.</source>
        <translation>The expected date has passed: the forecast counts this delivery as arriving today. Change the date, or mark the order received or cancelled.</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../gui/requisition/district_model.py" line="-599"/>
        <source>importée</source>
        <translation>imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remplace la version précédente</source>
        <translation>replaces the previous version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>déjà importée (rien ne change)</source>
        <translation>already imported (nothing changes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plus ancienne que celle importée (rien ne change)</source>
        <translation>older than the one imported (nothing changes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusée (rien n&apos;est importé)</source>
        <translation>refused (nothing is imported)</translation>
    </message>
</context>
<context>
    <name>OutgoingForm</name>
    <message>
        <location filename="../../gui/forms/outgoing.py" line="-144"/>
        <source>&amp;Produit :</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantité :</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lots en stock :</source>
        <translation>Lots in stock:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Produit : « {0} » n&apos;est pas dans le catalogue : choisissez un produit dans la liste.</source>
        <translation>Product: “{0}” is not in the catalogue: choose a product from the list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Produit : choisissez le produit dans la liste.</source>
        <translation>Product: choose the product from the list.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Produit : aucun stock utilisable de {0} ici le {1}.</source>
        <translation>Product: no usable stock of {0} here on {1}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} en lots périmés : enregistrez-les en perte (motif Périmé).</source>
        <translation>{0} in expired lots: record them as a loss (reason Expired).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quantité : indiquez la quantité {0}.</source>
        <translation>Quantity: enter the quantity {0}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantité : stock insuffisant dans le lot {0} : {1} utilisables. Réduisez la quantité ou cliquez sur « Revenir au PPPS ».</source>
        <translation>Quantity: not enough stock in lot {0}: {1} usable. Reduce the quantity or click “Back to FEFO”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quantité : stock insuffisant : {0} {1} utilisables le {2}. Réduisez la quantité.</source>
        <translation>Quantity: not enough stock: {0} {1} usable on {2}. Reduce the quantity.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} de {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(lots {0})</source>
        <translation>(lots {0})</translation>
    </message>
</context>
<context>
    <name>OutlookModel</name>
    <message>
        <location filename="../../gui/forecast/model.py" line="-281"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock utilisable</source>
        <translation>Usable stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CMM</source>
        <translation>AMC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rupture prévue</source>
        <translation>Stock-out date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jours / délai</source>
        <translation>Days / lead time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risque</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probabilité</source>
        <translation>Probability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En commande</source>
        <translation>On order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>À commander</source>
        <translation>To order</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock disponible utilisable : sans les lots périmés</source>
        <translation>Usable stock on hand: expired lots excluded</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consommation moyenne mensuelle ajustée des jours de rupture</source>
        <translation>Average monthly consumption adjusted for stock-out days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date à laquelle le stock utilisable sera épuisé selon la prévision, les lots qui périment et les livraisons attendues</source>
        <translation>Date when the usable stock will run out, given the forecast, expiring lots and expected deliveries</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jours avant la rupture prévue / délai de livraison d&apos;une commande passée aujourd&apos;hui</source>
        <translation>Days before the projected stock-out / lead time of an order placed today</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quand la rupture arrive par rapport au délai de livraison</source>
        <translation>When the stock-out comes compared with the lead time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Probabilité d&apos;une rupture avant qu&apos;une commande passée aujourd&apos;hui puisse arriver</source>
        <translation>Probability of a stock-out before an order placed today can arrive</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commandes en cours (attendues, non encore reçues)</source>
        <translation>Pending orders (expected, not yet received)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>À commander maintenant pour rester au-dessus du minimum pendant le délai de livraison et jusqu&apos;à la commande suivante, en conditionnements entiers</source>
        <translation>To order now to stay above the minimum during the lead time and until the next order, in whole packs</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>— (couvert)</source>
        <translation>— (covered)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} / {1} j</source>
        <translation>{0} / {1} d</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>rien</source>
        <translation>nothing</translation>
    </message>
</context>
<context>
    <name>Pcima</name>
    <message>
        <location filename="../../gui/nutrition/registers_model.py" line="+48"/>
        <source>Enfants de 6 à 59 mois</source>
        <translation>Children 6–59 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Femmes enceintes/allaitantes</source>
        <translation>Pregnant/lactating women</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relais communautaires (ReCo)</source>
        <translation>Community health workers (ReCo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PB mères</source>
        <translation>Mother MUAC (PB mères)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campagne de dépistage de masse</source>
        <translation>Mass screening campaign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registre papier du centre</source>
        <translation>Health centre paper register</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nouvelle admission</source>
        <translation>New admission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rechute</source>
        <translation>Relapse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réadmission (après abandon)</source>
        <translation>Readmission (after defaulting)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfert entrant</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PB</source>
        <translation>MUAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P/T</source>
        <translation>WFH</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+330"/>
        <location line="+110"/>
        <source>Œdèmes</source>
        <translation>Oedema</translation>
    </message>
    <message>
        <location line="-437"/>
        <location line="+28"/>
        <source>Guéris</source>
        <translation>Cured</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <location line="+8"/>
        <source>Décès</source>
        <translation>Died</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+28"/>
        <source>Abandons</source>
        <translation>Defaulted</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <source>Non-répondants</source>
        <translation>Non-responders</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <source>Transferts sortants</source>
        <translation>Transfers out</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>URENAS (MAS en ambulatoire)</source>
        <translation>URENAS (outpatient SAM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URENI (MAS avec complications, hospitalisation)</source>
        <translation>URENI (SAM with complications, inpatient)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URENAM (MAM, supplémentation)</source>
        <translation>URENAM (MAM, supplementary feeding)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MAS (malnutrition aiguë sévère)</source>
        <translation>SAM (severe acute malnutrition)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAM (malnutrition aiguë modérée)</source>
        <translation>MAM (moderate acute malnutrition)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+417"/>
        <source>MAS</source>
        <translation>SAM</translation>
    </message>
    <message>
        <location line="-416"/>
        <location line="+417"/>
        <source>MAM</source>
        <translation>MAM</translation>
    </message>
    <message>
        <location line="-413"/>
        <source>Nouvelles admissions (PB)</source>
        <translation>New admissions (MUAC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouvelles admissions (P/T)</source>
        <translation>New admissions (WFH)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouvelles admissions (œdèmes)</source>
        <translation>New admissions (oedema)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rechutes</source>
        <translation>Relapses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réadmissions</source>
        <translation>Readmissions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferts entrants</source>
        <translation>Transfers in</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Guéri</source>
        <translation>Cured</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Abandon</source>
        <translation>Defaulted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-répondant</source>
        <translation>Non-responder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfert sortant</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>0 (aucun)</source>
        <translation>0 (none)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ (pieds)</source>
        <translation>+ (feet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>++ (pieds et jambes)</source>
        <translation>++ (feet and legs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+++ (jusqu&apos;au visage)</source>
        <translation>+++ (up to the face)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{0} jour</source>
        <translation>{0} day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} jours</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>✖ annulé</source>
        <translation>✖ voided</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✎ corrigé (v{0})</source>
        <translation>✎ corrected (v{0})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saisi par {0} le {1}</source>
        <translation>Entered by {0} on {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Motif : {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+108"/>
        <location line="+71"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-178"/>
        <location line="+108"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+178"/>
        <location line="+33"/>
        <source>Identifiant</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-210"/>
        <source>Sexe</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Âge (mois)</source>
        <translation>Age (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PB (mm)</source>
        <translation>MUAC (mm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Poids (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taille (cm)</source>
        <translation>Height (cm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P/T (z)</source>
        <translation>WFH (z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classement</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+105"/>
        <location line="+67"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Périmètre brachial, en millimètres</source>
        <translation>Mid-upper arm circumference, in millimetres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poids-pour-taille en z-score (OMS 2006)</source>
        <translation>Weight-for-height z-score (WHO 2006)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FE/FA : femme enceinte ou allaitante</source>
        <translation>PLW: pregnant or lactating woman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URENI : MAS avec complications ou œdèmes +++ ; URENAS : MAS ; URENAM : MAM</source>
        <translation>URENI: SAM with complications or oedema +++; URENAS: SAM; URENAM: MAM</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrigé : la fiche a été modifiée (voir l&apos;historique) ; annulé : retirée</source>
        <translation>Corrected: the record was changed (see the history); voided: withdrawn</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+277"/>
        <source>FE/FA</source>
        <translation>PLW</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>mesuré couché</source>
        <translation>measured lying down</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mesuré debout</source>
        <translation>measured standing</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groupe</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dépistés</source>
        <translation>Screened</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normaux</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+72"/>
        <source> – critère {0}</source>
        <translation> – criterion {0}</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+50"/>
        <source>Admission</source>
        <translation>Admission</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Sortie</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mouvement</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type, critère ou issue</source>
        <translation>Type, criterion or outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saisi par</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Admis le</source>
        <translation>Admitted on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dans le programme depuis</source>
        <translation>In the programme for</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrée le</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poste</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contenu</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(annulation)</source>
        <translation>(voided)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(première saisie)</source>
        <translation>(first entry)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>PB {0} mm</source>
        <translation>MUAC {0} mm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>œdèmes {0}</source>
        <translation>oedema {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P/T {0}</source>
        <translation>WFH {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} kg, {1} cm</source>
        <translation>{0} kg, {1} cm</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} mois</source>
        <translation>{0} months</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} ; {1} ; {2} ; {3} dépistés : {4} MAS, {5} MAM, {6} normaux, {7} œdèmes</source>
        <translation>{0}; {1}; {2}; {3} screened: {4} SAM, {5} MAM, {6} normal, {7} oedema</translation>
    </message>
</context>
<context>
    <name>PcimaCatchment</name>
    <message>
        <location filename="../../gui/nutrition/needs_tab.py" line="-492"/>
        <source>Enfants de 6 à 59 mois de l&apos;aire de santé</source>
        <extracomment>core.pcima.CATCHMENT_FIELDS, marked for translation (a test keeps them equal)</extracomment>
        <translation>Children aged 6–59 months in the health area</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prévalence de la MAS (%)</source>
        <translation>SAM prevalence (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Couverture attendue du programme (%)</source>
        <translation>Expected programme coverage (%)</translation>
    </message>
</context>
<context>
    <name>PcimaReport</name>
    <message>
        <location filename="../../gui/nutrition/report_tab.py" line="+107"/>
        <source>MAS ambulatoire</source>
        <translation>Outpatient SAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAS compliquée</source>
        <translation>Complicated SAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAM</source>
        <translation>MAM</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Taux de guérison</source>
        <translation>Cure rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taux de décès</source>
        <translation>Death rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taux d&apos;abandon</source>
        <translation>Default rate</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>attendu plus de {0}</source>
        <translation>expected above {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attendu moins de {0}</source>
        <translation>expected below {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pas de sortie</source>
        <translation>no exits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conforme</source>
        <translation>meets standard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>non conforme</source>
        <translation>below standard</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>registre enfant par enfant</source>
        <translation>child-by-child register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>totaux du rapport papier</source>
        <translation>paper report totals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rien de saisi ce mois</source>
        <translation>nothing entered this month</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Total au début du mois</source>
        <translation>Total at the start of the month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Admissions</source>
        <translation>Admissions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nouvelles admissions</source>
        <translation>New admissions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dont critère PB</source>
        <translation>of which MUAC criterion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dont critère P/T</source>
        <translation>of which WFH criterion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dont œdèmes</source>
        <translation>of which oedema</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rechutes</source>
        <translation>Relapses</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Réadmissions (après abandon)</source>
        <translation>Readmissions (after defaulting)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transferts entrants</source>
        <translation>Transfers in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total des admissions</source>
        <translation>Total admissions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sorties</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guéris</source>
        <translation>Cured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Décès</source>
        <translation>Died</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Abandons</source>
        <translation>Defaulted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Non-répondants</source>
        <translation>Non-responders</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transferts sortants</source>
        <translation>Transfers out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total des sorties</source>
        <translation>Total exits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total à la fin du mois</source>
        <translation>Total at the end of the month</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Rubrique</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source des chiffres</source>
        <translation>Source of the figures</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Taux de sortie et normes Sphère</source>
        <translation>Exit rates and Sphere standards</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rapportés aux sorties, transferts sortants compris.</source>
        <translation>As a share of exits, transfers out included.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rapportés aux sorties hors transferts sortants.</source>
        <translation>As a share of exits, transfers out excluded.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>À vérifier</source>
        <translation>To check</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dépistage du mois</source>
        <translation>Screening this month</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} ({1} des dépistés)</source>
        <translation>{0} ({1} of those screened)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enfants de 6 à 59 mois dépistés</source>
        <translation>Children aged 6–59 months screened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAS (malnutrition aiguë sévère)</source>
        <translation>SAM (severe acute malnutrition)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAM (malnutrition aiguë modérée)</source>
        <translation>MAM (moderate acute malnutrition)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dont œdèmes bilatéraux (comptés dans les MAS)</source>
        <translation>of which bilateral oedema (counted as SAM)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Femmes enceintes ou allaitantes dépistées</source>
        <translation>Pregnant or lactating women screened</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dont MAM (PB sous le seuil)</source>
        <translation>of which MAM (MUAC below the cut-off)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>À vérifier :</source>
        <translation>To check:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contrôle de l&apos;ATPE par enfant (ce mois)</source>
        <translation>RUTF per child check (this month)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contrôle de l&apos;ATPE par enfant ({0} derniers mois)</source>
        <translation>RUTF per child check (last {0} months)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ATPE distribué d&apos;après les sorties de stock (dispensations), divisé par les enfants admis en URENAS.</source>
        <translation>RUTF distributed according to stock issues (dispensing), divided by the children admitted to URENAS.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Établissement :</source>
        <translation>Facility:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rapport mensuel PCIMA – {0}</source>
        <translation>CMAM monthly report – {0}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Établi par (nom, fonction, date, signature) :</source>
        <translation>Prepared by (name, position, date, signature):</translation>
    </message>
</context>
<context>
    <name>PcimaSetting</name>
    <message>
        <location filename="../../gui/nutrition/settings_tab.py" line="-520"/>
        <source>PB de l&apos;enfant : MAS en dessous de (mm)</source>
        <extracomment>core&apos;s NUTRITION_SETTING_LABELS and REPORT_SETTING_LABELS, marked for translation (a test keeps them equal to core&apos;s)</extracomment>
        <translation>Child MUAC: SAM below (mm)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PB de l&apos;enfant : MAM en dessous de (mm)</source>
        <translation>Child MUAC: MAM below (mm)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PB des femmes enceintes et allaitantes : MAM en dessous de (mm)</source>
        <translation>MUAC of pregnant and lactating women: MAM below (mm)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Table P/T (sex_specific ou boys_for_both)</source>
        <translation>WFH table (sex_specific or boys_for_both)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Facteur d&apos;incidence K</source>
        <translation>Incidence factor K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sachets d&apos;ATPE par enfant MAS traité</source>
        <translation>RUTF sachets per SAM child treated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sachets d&apos;ATPE par carton</source>
        <translation>RUTF sachets per carton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taux de guérison attendu : au-dessus de (%)</source>
        <translation>Expected cure rate: above (%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taux de décès acceptable : en dessous de (%)</source>
        <translation>Acceptable death rate: below (%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taux d&apos;abandon acceptable : en dessous de (%)</source>
        <translation>Acceptable default rate: below (%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Les transferts sortants comptent dans les taux (oui/non)</source>
        <translation>Transfers out count in the rates (yes/no)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contrôle ATPE par enfant : nombre de mois</source>
        <translation>RUTF per child check: number of months</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contrôle ATPE par enfant : écart toléré (%)</source>
        <translation>RUTF per child check: tolerated difference (%)</translation>
    </message>
</context>
<context>
    <name>PendingNotesModel</name>
    <message>
        <location filename="../../gui/requisition/delivery_model.py" line="+42"/>
        <source>Bon de livraison</source>
        <translation>Delivery note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Du dépôt</source>
        <translation>From depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réquisition</source>
        <translation>Requisition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expédié le</source>
        <translation>Shipped on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lignes</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>, n° {0}</source>
        <translation>, No. {0}</translation>
    </message>
</context>
<context>
    <name>PolicyField</name>
    <message>
        <location filename="../../gui/labels.py" line="-48"/>
        <source>Stock maximum (mois)</source>
        <extracomment>the first item of each core.settings.POLICY_FIELDS entry</extracomment>
        <translation>Maximum stock (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock minimum (mois)</source>
        <translation>Minimum stock (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point de commande d&apos;urgence (mois)</source>
        <translation>Emergency order point (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nombre de mois pour la CMM</source>
        <translation>Number of months for the AMC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerte de péremption (mois)</source>
        <translation>Expiry alert (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Délai de livraison (mois)</source>
        <translation>Lead time (months)</translation>
    </message>
</context>
<context>
    <name>PolicyModel</name>
    <message>
        <location filename="../../gui/settings/policy_model.py" line="+39"/>
        <source>Stock max
(mois)</source>
        <extracomment>the settings in column order (the columns after the scope)</extracomment>
        <translation>Max stock
(months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock min
(mois)</source>
        <translation>Min stock
(months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commande
d&apos;urgence (mois)</source>
        <translation>Emergency
order (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois pris
pour la CMM</source>
        <translation>Months
for AMC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerte de
péremption (mois)</source>
        <translation>Expiry
alert (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Délai de
livraison (mois)</source>
        <translation>Lead time
(months)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On commande jusqu&apos;à CMM × ce nombre de mois (stock maximum)</source>
        <translation>Orders bring the stock up to AMC × this number of months (maximum stock)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sous CMM × ce nombre de mois, il faut commander (stock minimum)</source>
        <translation>Below AMC × this number of months, an order is due (minimum stock)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sous ce nombre de mois de stock, la commande est urgente</source>
        <translation>Below this many months of stock, the order is an emergency</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nombre de mois complets dont la moyenne donne la CMM (nombre entier)</source>
        <translation>Number of complete months averaged to give the AMC (whole number)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signaler les lots qui périment dans ce nombre de mois (nombre entier)</source>
        <translation>Flag the lots that expire within this number of months (whole number)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Temps habituel entre la commande et la livraison</source>
        <translation>Usual time between order and delivery</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tous les produits</source>
        <translation>All products</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>valeur par défaut de SahelStock</source>
        <translation>SahelStock&apos;s default value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>« {0} »</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Produits concernés</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Défini ici. Videz la cellule pour reprendre la valeur héritée.</source>
        <translation>Set here. Empty the cell to use the inherited value again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hérité de {0}. Double-cliquez pour fixer une autre valeur ici.</source>
        <translation>Inherited from {0}. Double-click to set another value here.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>hérité : {0}</source>
        <extracomment>the problem with what is being typed, or &quot;&quot; when it is fine</extracomment>
        <translation>inherited: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>vide = valeur héritée</source>
        <translation>empty = inherited value</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/exchange/model.py" line="+59"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feuille</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problème à corriger</source>
        <translation>Problem to fix</translation>
    </message>
</context>
<context>
    <name>ProductCombo</name>
    <message>
        <location filename="../../gui/forms/common.py" line="+46"/>
        <source>Code ou nom du produit…</source>
        <translation>Product code or name…</translation>
    </message>
</context>
<context>
    <name>ProgrammeTab</name>
    <message>
        <location filename="../../gui/nutrition/programme_tab.py" line="+70"/>
        <source>Admettre…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sortie…</source>
        <translation>Exit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sortie de l&apos;enfant choisi dans la liste des présents</source>
        <translation>Exit of the child selected in the list of those in care</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saisir les totaux du mois…</source>
        <translation>Enter the month&apos;s totals…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pour un centre qui n&apos;a que le rapport mensuel papier de l&apos;unité</source>
        <translation>For a centre that only has the unit&apos;s paper monthly report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unité :</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Admissions et sorties du mois</source>
        <translation>Admissions and exits of the month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mois :</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Corriger…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer une admission ou une sortie saisie par erreur</source>
        <translation>Withdraw an admission or exit entered by mistake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Historique…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Enfants en charge aujourd&apos;hui en {0} : {1}</source>
        <translation>Children in care today in {0}: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} : {1} admission(s), {2} sortie(s) saisies enfant par enfant.</source>
        <translation>{0}: {1} admission(s), {2} exit(s) entered child by child.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Totaux saisis du rapport papier : {0} admission(s), {1} sortie(s) ; c&apos;est eux que le rapport mensuel reprend.</source>
        <translation>Totals entered from the paper report: {0} admission(s), {1} exit(s); these are what the monthly report uses.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Saisie annulée : {0}.</source>
        <translation>Entry voided: {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L&apos;admission</source>
        <translation>The admission</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>La sortie</source>
        <translation>The exit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annuler une admission ou une sortie</source>
        <translation>Void an admission or an exit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} de {1} du {2} ne comptera plus dans le rapport. Elle reste dans l&apos;historique, avec le motif que vous indiquez.</source>
        <translation>{0} of {1} on {2} will no longer count in the report. It stays in the history, with the reason you give.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Historique : {0}</source>
        <translation>History: {0}</translation>
    </message>
</context>
<context>
    <name>QuantityInput</name>
    <message>
        <location filename="../../gui/forms/common.py" line="+86"/>
        <source>unités</source>
        <translation>units</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} de {1}</source>
        <translation>{0} of {1}</translation>
    </message>
</context>
<context>
    <name>ReceiptForm</name>
    <message>
        <location filename="../../gui/forms/receipt.py" line="+536"/>
        <source>Réception (bon de réception)</source>
        <translation>Receipt (goods received note)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>N° inscrit sur le bon de livraison</source>
        <translation>Number printed on the delivery note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date de réception :</source>
        <translation>&amp;Date received:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fournisseur :</source>
        <translation>&amp;Supplier:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N° du bon de &amp;livraison :</source>
        <translation>De&amp;livery note no.:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>+ Ajouter une ligne</source>
        <translation>+ Add a line</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ajouter un produit au bon (Ctrl+N)</source>
        <translation>Add a product to the note (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supprimer la ligne</source>
        <translation>Delete line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirer la ligne sélectionnée du bon</source>
        <translation>Remove the selected line from the note</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Établissement, UNICEF, PPM, ONG… (choisissez ou tapez)</source>
        <translation>Facility, UNICEF, PPM, NGO… (choose or type)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Fournisseur : indiquez qui a livré (établissement, UNICEF, PPM, ONG…).</source>
        <translation>Supplier: enter who delivered (facility, UNICEF, PPM, NGO…).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Réception enregistrée : 1 ligne</source>
        <translation>Receipt recorded: 1 line</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Réception enregistrée : {0} lignes</source>
        <translation>Receipt recorded: {0} lines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (bon {0})</source>
        <translation> (note {0})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ligne {0} : {1}</source>
        <translation>Line {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <location line="-644"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soit</source>
        <translation>Equals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrôle</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} de {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>choisissez le produit livré.</source>
        <translation>choose the product delivered.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>indiquez la quantité reçue.</source>
        <translation>enter the quantity received.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>indiquez le numéro de lot inscrit sur l&apos;emballage.</source>
        <translation>enter the lot number printed on the package.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>indiquez la date de péremption du lot.</source>
        <translation>enter the lot&apos;s expiry date.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>le {0} est passé : ce lot serait déjà périmé. Vérifiez la date (un lot périmé ne se réceptionne pas).</source>
        <translation>{0} is past: this lot would already be expired. Check the date (an expired lot cannot be received).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sans date</source>
        <translation>no date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>le lot {0} est déjà enregistré avec la péremption {1} : vérifiez le lot ou la date.</source>
        <translation>lot {0} is already recorded with expiry {1}: check the lot or the date.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>le lot {0} figure déjà ligne {1} avec la péremption {2} : un lot n&apos;a qu&apos;une date.</source>
        <translation>lot {0} is already on line {1} with expiry {2}: a lot has only one date.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ligne {0}, colonne {1} : {2}</source>
        <translation>Line {0}, column {1}: {2}</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>(cliquez pour choisir)</source>
        <translation>(click to choose)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sans lot</source>
        <translation>no lot</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>complète</source>
        <translation>complete</translation>
    </message>
</context>
<context>
    <name>ReceivedNotesModel</name>
    <message>
        <location filename="../../gui/requisition/delivery_model.py" line="-56"/>
        <source>{0} : {1} expédié(s), {2} reçu(s) — {3}</source>
        <translation>{0}: {1} shipped, {2} received — {3}</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Bon de livraison</source>
        <translation>Delivery note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Du dépôt</source>
        <translation>From depot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réquisition</source>
        <translation>Requisition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reçu le</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lignes</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Écarts enregistrés</source>
        <translation>Differences recorded</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>aucun : tout est arrivé comme expédié</source>
        <translation>none: everything arrived as shipped</translation>
    </message>
</context>
<context>
    <name>ReportLinksDialog</name>
    <message>
        <location filename="../../gui/exchange/report_links.py" line="+113"/>
        <source>Sites et produits des rapports mensuels</source>
        <extracomment>emitted after a link was saved: imported histories now count under another code</extracomment>
        <translation>Monthly report sites and products</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Les rapports mensuels importés nomment leurs sites et leurs produits avec leurs propres codes. Reliez un site à un établissement de cette base, et un code produit à un produit du catalogue : l&apos;historique importé complète alors celui du registre (prévisions, stock). Un établissement ou un produit n&apos;est relié qu&apos;à un seul code des rapports.</source>
        <translation>Imported monthly reports name their sites and products with their own codes. Link a site to a facility of this database, and a product code to a catalogue product: the imported history then adds to the ledger&apos;s (forecast, stock). A facility or a product is linked to only one report code.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Établissement :</source>
        <translation>Facility:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rechercher un site, une région…</source>
        <translation>Search for a site, a region…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relier le site</source>
        <translation>Link site</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Délier</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Le site redevient un site des rapports seulement ; rien n&apos;est effacé</source>
        <translation>The site becomes a report site only again; nothing is deleted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Produit du catalogue :</source>
        <translation>Catalogue product:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rechercher un code produit…</source>
        <translation>Search for a product code…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relier le produit</source>
        <translation>Link product</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le code redevient un produit hors catalogue ; rien n&apos;est effacé</source>
        <translation>The code becomes a product outside the catalogue again; nothing is deleted</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>— choisir un établissement —</source>
        <translation>— choose a facility —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— choisir un produit —</source>
        <translation>— choose a product —</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sites ({0}, {1})</source>
        <translation>Sites ({0}, {1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>dont {0} relié</source>
        <translation>{0} linked</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>dont {0} reliés</source>
        <translation>{0} linked</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Produits ({0}, {1})</source>
        <translation>Products ({0}, {1})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Aucun rapport mensuel importé pour l&apos;instant : importez d&apos;abord un fichier de rapports LMIS.</source>
        <translation>No monthly reports imported yet: first import a file of LMIS reports.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>✔ Site {0} délié : ses rapports restent ceux d&apos;un site des rapports.</source>
        <translation>✔ Site {0} unlinked: its reports stay those of a report site.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ Site {0} relié à l&apos;établissement {1}.</source>
        <translation>✔ Site {0} linked to facility {1}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>✔ Produit {0} délié : il redevient un produit hors catalogue.</source>
        <translation>✔ Product {0} unlinked: it is a product outside the catalogue again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ Produit {0} relié au produit {1} du catalogue.</source>
        <translation>✔ Product {0} linked to catalogue product {1}.</translation>
    </message>
</context>
<context>
    <name>ReportProductsModel</name>
    <message>
        <location filename="../../gui/exchange/model.py" line="+81"/>
        <source>Produit du rapport</source>
        <translation>Report product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Produit du catalogue relié</source>
        <translation>Linked catalogue product</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>— hors catalogue —</source>
        <translation>— not in catalogue —</translation>
    </message>
</context>
<context>
    <name>ReportSitesModel</name>
    <message>
        <location line="-62"/>
        <source>Site du rapport</source>
        <translation>Report site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Région</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Établissement relié</source>
        <translation>Linked facility</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>— non relié —</source>
        <translation>— not linked —</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <location filename="../../gui/nutrition/report_tab.py" line="+30"/>
        <source>Exporter (Excel)…</source>
        <translation>Export (Excel)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le rapport en classeur Excel : des totaux seulement, aucun nom d&apos;enfant</source>
        <translation>The report as an Excel workbook: totals only, no child names</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois du rapport :</source>
        <translation>Report month:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Mois {0} : choisissez un mois parmi les {1} derniers.</source>
        <translation>Month {0}: choose one of the last {1} months.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choisissez un établissement pour voir son rapport.</source>
        <translation>Choose a facility to see its report.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Exporter le rapport PCIMA</source>
        <translation>Export the CMAM report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rapport non enregistré</source>
        <translation>Report not saved</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✔ Rapport enregistré : {0}</source>
        <translation>✔ Report saved: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rapport PCIMA enregistré : {0}</source>
        <translation>CMAM report saved: {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Imprimer le rapport PCIMA</source>
        <translation>Print the CMAM report</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rapport PCIMA envoyé à l&apos;imprimante</source>
        <translation>CMAM report sent to the printer</translation>
    </message>
</context>
<context>
    <name>RequisitionModel</name>
    <message>
        <location filename="../../gui/requisition/facility_model.py" line="+57"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Désignation</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A
Stock
initial</source>
        <translation>A
Opening
stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B
Reçu</source>
        <translation>B
Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C
Consommé</source>
        <translation>C
Consumed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D
Pertes et
ajustements</source>
        <translation>D
Losses and
adjustments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E
Stock
final</source>
        <translation>E
Closing
stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDU</source>
        <translation>Usable stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jours de
rupture</source>
        <translation>Stock-out
days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conso.
ajustée</source>
        <translation>Adjusted
cons.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CMM</source>
        <translation>AMC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock
max</source>
        <translation>Max
stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En
commande</source>
        <translation>On
order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qté
calculée</source>
        <translation>Calculated
qty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qté
demandée ✎</source>
        <translation>Requested
qty ✎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Justification ✎</source>
        <translation>Justification ✎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observations ✎</source>
        <translation>Remarks ✎</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unité de base des quantités, et le conditionnement de commande</source>
        <translation>Base unit of the quantities, and the pack they are ordered in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stock au premier jour du mois (le stock final du mois d&apos;avant)</source>
        <translation>Stock on the first day of the month (the previous month&apos;s closing stock)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantités reçues pendant le mois</source>
        <translation>Quantities received during the month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantités dispensées aux patients pendant le mois</source>
        <translation>Quantities dispensed to patients during the month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pertes (−) et ajustements (+ ou −) : périmés, avariés, transferts, corrections d&apos;inventaire</source>
        <translation>Losses (−) and adjustments (+ or −): expired, damaged, transfers, count corrections</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock au dernier jour du mois : E = A + B − C + D</source>
        <translation>Stock on the last day of the month: E = A + B − C + D</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stock disponible utilisable à la fin du mois : E sans les lots périmés</source>
        <translation>Usable stock at the end of the month: E without the expired lots</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jours du mois sans stock de ce produit</source>
        <translation>Days of the month with no stock of this product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consommation du mois corrigée des jours de rupture : C × 30 / (30 − jours de rupture)</source>
        <translation>The month&apos;s consumption adjusted for stock-out days: C × 30 / (30 − stock-out days)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consommation moyenne mensuelle : moyenne des consommations ajustées des derniers mois</source>
        <translation>Average monthly consumption: the mean of the adjusted consumption of the last months</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stock maximum : CMM × mois de stock maximum</source>
        <translation>Maximum stock: AMC × maximum months of stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commandes en cours, attendues et non encore reçues</source>
        <translation>Pending orders, expected and not yet received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stock max − SDU − en commande, arrondi au conditionnement entier supérieur</source>
        <translation>Max stock − usable stock − on order, rounded up to whole packs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantité demandée en unités de base, arrondie au conditionnement entier supérieur ; si elle diffère de la quantité calculée, écrivez une justification</source>
        <translation>Requested quantity in base units, rounded up to whole packs; if it differs from the calculated quantity, write a justification</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pourquoi la quantité demandée diffère de la quantité calculée (obligatoire dans ce cas)</source>
        <translation>Why the requested quantity differs from the calculated quantity (required in that case)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remarques libres pour le district</source>
        <translation>Free remarks for the district</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>La quantité demandée ne peut pas être négative : tapez 0 pour ne rien demander.</source>
        <translation>The requested quantity cannot be negative: type 0 to request nothing.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tapez un nombre entier d&apos;unités de base, sans point ni virgule (ex. 1650) : les conditionnements entiers sont comptés pour vous.</source>
        <translation>Type a whole number of base units, without a point or comma (e.g. 1650): whole packs are counted for you.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tapez un nombre entier d&apos;unités de base (ex. 1650), ou rien pour revenir à la quantité calculée.</source>
        <translation>Type a whole number of base units (e.g. 1650), or nothing to go back to the calculated quantity.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{0}, {1} de {2}</source>
        <translation>{0}, {1} of {2}</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>⚠ à justifier</source>
        <extracomment>a cell was changed: (product code, what to tell the user — core&apos;s message when the line still needs something, else what was done)</extracomment>
        <translation>⚠ to justify</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>La quantité demandée ({0}) diffère de la quantité calculée ({1}).
Écrivez pourquoi dans la colonne Justification (double-clic ou F2), ou effacez la quantité demandée pour revenir à la quantité calculée.</source>
        <translation>The requested quantity ({0}) differs from the calculated quantity ({1}).
Write why in the Justification column (double-click or F2), or clear the requested quantity to go back to the calculated quantity.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saisi : {0} ; arrondi au conditionnement entier supérieur : {1}</source>
        <translation>Typed: {0}; rounded up to whole packs: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-clic ou F2 pour changer la quantité demandée, en {0} ; elle est arrondie au conditionnement entier supérieur.</source>
        <translation>Double-click or F2 to change the requested quantity, in {0}; it is rounded up to whole packs.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Besoin {0} = stock max {1} + approuvé pour les établissements servis {2} − SDU {3} − en commande {4}, arrondi au conditionnement entier supérieur</source>
        <translation>Need {0} = max stock {1} + approved for the facilities supplied {2} − usable stock {3} − on order {4}, rounded up to whole packs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Besoin {0} = stock max {1} − SDU {2} − en commande {3}, arrondi au conditionnement entier supérieur</source>
        <translation>Need {0} = max stock {1} − usable stock {2} − on order {3}, rounded up to whole packs</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0} – Qté demandée : {1}</source>
        <translation>{0} – requested qty: {1}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} : {1} demandés, arrondis au conditionnement entier : {2}.</source>
        <translation>{0}: {1} requested, rounded up to whole packs: {2}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>quantité calculée</source>
        <translation>calculated quantity</translation>
    </message>
</context>
<context>
    <name>RequisitionScreen</name>
    <message>
        <location filename="../../gui/requisition/screen.py" line="+22"/>
        <source>R&amp;R du mois</source>
        <translation>Monthly R&amp;R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vue consolidée</source>
        <translation>Consolidated view</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Livraisons reçues</source>
        <translation>Deliveries received</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <location filename="../../gui/forms/reversal.py" line="+26"/>
        <source>Annulation d&apos;une saisie</source>
        <translation>Entry reversal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enregistrer l&apos;annulation</source>
        <translation>Save reversal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La saisie ci-dessous restera dans le registre ; une écriture inverse l&apos;annule et le stock revient à ce qu&apos;il était sans elle.</source>
        <translation>The entry below stays in the ledger; an opposite entry cancels it and the stock goes back to what it would be without it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Produit :</source>
        <translation>Product:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(péremption {0})</source>
        <translation>(expiry {0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot :</source>
        <translation>Lot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité :</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provenance / destination :</source>
        <translation>From / to:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Référence :</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saisi par :</source>
        <translation>Entered by:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Par exemple : quantité mal saisie, mauvais produit, saisie en double</source>
        <translation>For example: wrong quantity, wrong product, duplicate entry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Motif de l&apos;annulation :</source>
        <translation>&amp;Reason for reversal:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cette ligne est elle-même une annulation : elle ne peut pas être annulée.</source>
        <translation>This line is itself a reversal: it cannot be reversed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Motif de l&apos;annulation : indiquez pourquoi cette saisie est fausse (obligatoire).</source>
        <translation>Reason for reversal: say why this entry is wrong (required).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saisie annulée : {0} de {1} de {2} du {3}</source>
        <translation>Entry reversed: {0} of {1} of {2} on {3}</translation>
    </message>
</context>
<context>
    <name>ReviewFacilityModel</name>
    <message>
        <location filename="../../gui/requisition/district_model.py" line="+222"/>
        <source>Reçue : la réquisition du mois est importée. Non reçue : demandez-la à l&apos;établissement, puis importez-la.</source>
        <translation>Received: the month&apos;s requisition is imported. Not received: ask the facility for it, then import it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Points à vérifier : continuité avec le mois précédent, ATPE demandé par rapport aux admissions</source>
        <translation>Points to check: continuity with the previous month, RUTF requested compared with admissions</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;R n°</source>
        <translation>R&amp;R No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signalements</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>non reçue</source>
        <translation>not received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reçue · {0}</source>
        <translation>received · {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quantité modifiée</source>
        <translation>quantity changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quantités modifiées</source>
        <translation>quantities changed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reçue</source>
        <translation>received</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <location filename="../../gui/forecast/model.py" line="-142"/>
        <source>en rupture</source>
        <translation>stocked out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rupture avant la livraison</source>
        <translation>stock-out before delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rupture avant la prochaine commande</source>
        <translation>stock-out before next order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rupture plus tard</source>
        <translation>stock-out later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>couvert</source>
        <translation>covered</translation>
    </message>
</context>
<context>
    <name>RiskTableModel</name>
    <message>
        <location filename="../../gui/dashboard/model.py" line="+57"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce qui ne va pas</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDU</source>
        <translation>Usable stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>À commander</source>
        <translation>To order</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-cliquez pour ouvrir la fiche de stock</source>
        <translation>Double-click to open the stock card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock disponible utilisable : sans les lots périmés</source>
        <translation>Usable stock on hand: expired lots excluded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jusqu&apos;au stock maximum, en conditionnements entiers</source>
        <translation>Up to the maximum stock, in whole packs</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Rupture de stock : plus rien d&apos;utilisable</source>
        <translation>Stock-out: no usable stock left</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rupture depuis aujourd&apos;hui</source>
        <translation>Stocked out since today</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jour</source>
        <translation>day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jours</source>
        <translation>days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rupture depuis le {0} ({1} {2})</source>
        <translation>Stocked out since {0} ({1} {2})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MSD {0} mois — commande d&apos;urgence</source>
        <translation>MOS {0} months — emergency order</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MSD {0} mois — sous le minimum ({1} mois)</source>
        <translation>MOS {0} months — below minimum ({1} months)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lot {0} ({2}) périmé depuis le {1} — à sortir en perte</source>
        <translation>Lot {0} ({2}) expired on {1} — write it off as a loss</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lot {0} périme le {1} ({2})</source>
        <translation>Lot {0} expires on {1} ({2})</translation>
    </message>
</context>
<context>
    <name>ScreeningForm</name>
    <message>
        <location filename="../../gui/nutrition/registers_dialogs.py" line="-923"/>
        <source>Corriger un dépistage</source>
        <translation>Correct a screening</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nouveau dépistage</source>
        <translation>New screening</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>village, quartier ou site de dépistage</source>
        <translation>village, neighbourhood or screening site</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>n° du registre ou nom (reste dans le centre)</source>
        <translation>register no. or name (stays in the centre)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enfant de 6 à 59 mois</source>
        <translation>Child aged 6–59 months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Femme enceinte ou allaitante (FE/FA)</source>
        <translation>Pregnant or lactating woman (PLW)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— non précisé</source>
        <translation>— not given</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M (garçon)</source>
        <translation>M (boy)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F (fille)</source>
        <translation>F (girl)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>6 à 59</source>
        <translation>6 to 59</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ex. 118</source>
        <translation>e.g. 118</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ex. 6,5 (facultatif)</source>
        <translation>e.g. 6.5 (optional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ex. 68,5 (facultatif)</source>
        <translation>e.g. 68.5 (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>position non précisée</source>
        <translation>position not given</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mesuré couché (longueur)</source>
        <translation>measured lying down (length)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mesuré debout (taille)</source>
        <translation>measured standing (height)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Complications médicales (anorexie, fièvre, convulsions, déshydratation…)</source>
        <translation>Medical complications (anorexia, fever, convulsions, dehydration…)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date du dépistage :</source>
        <translation>Screening date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lieu :</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiant :</source>
        <translation>ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groupe :</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sexe :</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Âge (mois) :</source>
        <translation>Age (months):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PB (mm) :</source>
        <translation>MUAC (mm):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Œdèmes bilatéraux :</source>
        <translation>Bilateral oedema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poids (kg) :</source>
        <translation>Weight (kg):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taille (cm) :</source>
        <translation>Height (cm):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Résultat selon le protocole</source>
        <translation>Result according to the protocol</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>identifiant</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PB</source>
        <translation>MUAC</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Poids</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taille</source>
        <translation>Height</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Taille : à indiquer avec le poids pour calculer le P/T (ou videz le poids).</source>
        <translation>Height: needed with the weight to calculate WFH (or clear the weight).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Poids : à indiquer avec la taille pour calculer le P/T (ou videz la taille).</source>
        <translation>Weight: needed with the height to calculate WFH (or clear the height).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sexe : nécessaire pour calculer le P/T (M ou F).</source>
        <translation>Sex: needed to calculate WFH (M or F).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>motif de la correction</source>
        <translation>reason for the correction</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>âge</source>
        <translation>age</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Âge : « {0} » ; attendu un nombre entier de mois, de 6 à 59.</source>
        <translation>Age: “{0}”; a whole number of months from 6 to 59 is expected.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Classement : —</source>
        <translation>Classification: —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orientation : —</source>
        <translation>Referral: —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saisissez au moins le PB (et l&apos;âge pour un enfant) pour voir le résultat.</source>
        <translation>Enter at least the MUAC (and the age for a child) to see the result.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Classement : {0}</source>
        <translation>Classification: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orientation : aucune</source>
        <translation>Referral: none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orientation : {0}</source>
        <translation>Referral: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P/T : sans objet pour une femme enceinte/allaitante.</source>
        <translation>WFH: not applicable to a pregnant/lactating woman.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P/T : non calculé (poids et taille non saisis).</source>
        <translation>WFH: not calculated (weight and height not entered).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P/T : {0} z ({1})</source>
        <translation>WFH: {0} z ({1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pourquoi : {0}</source>
        <translation>Why: {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Dépistage de {0} corrigé (version {1}).</source>
        <translation>Screening of {0} corrected (version {1}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dépistage enregistré : {0}, {1}, orientation {2}.</source>
        <translation>Screening saved: {0}, {1}, referral {2}.</translation>
    </message>
</context>
<context>
    <name>ScreeningTab</name>
    <message>
        <location filename="../../gui/nutrition/screening_tab.py" line="+79"/>
        <source>Montrer les annulés</source>
        <extracomment>the user asked to admit the selected screened child (an AdmissionRequest)</extracomment>
        <translation>Show voided</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouveau dépistage…</source>
        <translation>New screening…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saisir un enfant ou une femme dépisté(e)</source>
        <translation>Enter a screened child or woman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois :</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Corriger…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler la fiche…</source>
        <translation>Void record…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Historique…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admettre cet enfant…</source>
        <translation>Admit this child…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ouvre l&apos;onglet Programme avec l&apos;admission pré-remplie dans l&apos;unité indiquée</source>
        <translation>Opens the Programme tab with the admission filled in for the indicated unit</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Aucun dépistage enregistré ce mois.</source>
        <translation>No screening recorded this month.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} enfant dépisté</source>
        <translation>{0} child screened</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} enfants dépistés</source>
        <translation>{0} children screened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> : {0} MAS, {1} MAM, {2} normaux</source>
        <translation> – {0} SAM, {1} MAM, {2} normal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> ; {0} femme(s) enceinte(s) ou allaitante(s)</source>
        <translation> + {0} PLW</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Dépistage de {0} annulé.</source>
        <translation>Screening of {0} voided.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annuler un dépistage</source>
        <translation>Void a screening</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le dépistage de {0} du {1} ne comptera plus dans le rapport. Il reste dans l&apos;historique, avec le motif que vous indiquez.</source>
        <translation>The screening of {0} on {1} will no longer count in the report. It stays in the history, with the reason you give.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Historique du dépistage de {0}</source>
        <translation>Screening history of {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Admission</source>
        <translation>Admission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le registre du programme concerne les enfants de 6 à 59 mois.</source>
        <translation>The programme register is for children aged 6–59 months.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../gui/settings/screen.py" line="+45"/>
        <source>Politique de stock</source>
        <translation>Stock policy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ces paramètres servent au calcul des quantités à commander et des alertes, pour tous les établissements. Une valeur fixée pour un produit l&apos;emporte sur celle de sa catégorie, qui l&apos;emporte sur « Tous les produits ». Double-cliquez sur une cellule pour la changer ; videz-la pour reprendre la valeur héritée.</source>
        <translation>These settings are used to calculate order quantities and alerts, for all facilities. A value set for a product overrides the one for its category, which overrides “All products”. Double-click a cell to change it; empty it to use the inherited value again.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&lt;b&gt;En gras&lt;/b&gt; : valeur fixée à ce niveau. &lt;i&gt;En italique gris&lt;/i&gt; : valeur héritée de la catégorie, de « Tous les produits » ou par défaut.</source>
        <translation>&lt;b&gt;Bold&lt;/b&gt;: value set at this level. &lt;i&gt;Grey italics&lt;/i&gt;: value inherited from the category, from “All products” or the default.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reprendre la valeur héritée</source>
        <translation>Use inherited value</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Efface la valeur fixée dans la cellule choisie (touche Suppr)</source>
        <translation>Clears the value set in the selected cell (Delete key)</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+33"/>
        <source>✖ Non enregistré : {0}</source>
        <translation>✖ Not saved: {0}</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>✔ {0} pour « {1} » : valeur héritée reprise.</source>
        <translation>✔ {0} for “{1}”: inherited value restored.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✔ {0} pour « {1} » : {2} enregistré.</source>
        <translation>✔ {0} for “{1}”: {2} saved.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Établissement choisi en haut de la fenêtre</source>
        <translation>Facility selected at the top of the window</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun établissement : ajoutez-en un avec le bouton ci-dessous.</source>
        <translation>No facility: add one with the button below.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Annuler les modifications</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Autres établissements</source>
        <translation>Other facilities</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ajoutez un établissement pour le gérer aussi, ou pour le choisir comme fournisseur ou destinataire de transferts.</source>
        <translation>Add a facility to manage its stock too, or to choose it as a supplier or transfer recipient.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ajouter un établissement…</source>
        <translation>Add a facility…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Modifications non enregistrées.</source>
        <translation>Unsaved changes.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>✔ {0} enregistré.</source>
        <translation>✔ {0} saved.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Établissement ajouté : {0} ({1}). Choisissez-le en haut de la fenêtre.</source>
        <translation>Facility added: {0} ({1}). Choose it at the top of the window.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Langue des menus, des écrans et des messages ; les nombres et les dates suivent aussi la langue (virgule décimale et JJ/MM/AAAA en français).</source>
        <translation>Language of menus, screens and messages; numbers and dates follow the language too (decimal comma and DD/MM/YYYY in French).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Langue de l&apos;interface :</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>✔ Langue enregistrée : {0}. Redémarrez SahelStock pour changer la langue de tous les écrans.
Language saved: restart SahelStock to change the language of every screen.</source>
        <translation>✔ Language saved: {0}. Restart SahelStock to change the language of every screen.
Redémarrez SahelStock pour changer la langue de tous les écrans.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redémarrez SahelStock pour changer la langue.</source>
        <translation>Restart SahelStock to change the language.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../gui/stock/model.py" line="+27"/>
        <source>✖ Rupture</source>
        <translation>✖ Stock-out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▲ Commande d&apos;urgence</source>
        <translation>▲ Emergency order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▼ Sous le minimum</source>
        <translation>▼ Below minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✔ Normal</source>
        <translation>✔ Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Surstock</source>
        <translation>● Overstocked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>– Pas de consommation</source>
        <translation>– No consumption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jamais reçu</source>
        <translation>Never received</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plus aucun stock utilisable</source>
        <translation>No usable stock left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSD sous le point de commande d&apos;urgence : commandez sans attendre</source>
        <translation>MOS below the emergency order point: order now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MSD au minimum ou en dessous : commandez jusqu&apos;au maximum</source>
        <translation>MOS at or below the minimum: order up to the maximum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MSD entre le minimum et le maximum</source>
        <translation>MOS between the minimum and the maximum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSD au-dessus du maximum : rien à commander, surveillez les péremptions</source>
        <translation>MOS above the maximum: nothing to order, watch the expiry dates</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucune consommation ces derniers mois : CMM nulle, MSD non calculable</source>
        <translation>No consumption in recent months: AMC is zero, MOS cannot be calculated</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jamais reçu dans cet établissement</source>
        <translation>Never received at this facility</translation>
    </message>
</context>
<context>
    <name>StockCardModel</name>
    <message>
        <location filename="../../gui/stock_card/model.py" line="+28"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mouvement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Péremption</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrée</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sortie</source>
        <translation>Out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solde du lot</source>
        <translation>Lot balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solde</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saisi par</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quantité entrée, en {unit}</source>
        <translation>Quantity in, in {unit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité sortie, en {unit}</source>
        <translation>Quantity out, in {unit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock de ce lot après le mouvement</source>
        <translation>Stock of this lot after the movement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock du produit (tous lots) après le mouvement</source>
        <translation>Stock of the product (all lots) after the movement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif, établissement d&apos;origine ou de destination, référence, note</source>
        <translation>Reason, facility of origin or destination, reference, note</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>↺ Annulation : {0}</source>
        <translation>↺ Reversal: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} (annulée)</source>
        <translation>{0} (reversed)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>✖ {0} (rupture)</source>
        <translation>✖ {0} (stock-out)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compté : {0}</source>
        <translation>Counted: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (aucun écart)</source>
        <translation> (no difference)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>de {0}</source>
        <translation>from {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vers {0}</source>
        <translation>to {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>réf. {0}</source>
        <translation>ref. {0}</translation>
    </message>
</context>
<context>
    <name>StockCardScreen</name>
    <message>
        <location filename="../../gui/stock_card/screen.py" line="+94"/>
        <source>Rechercher un produit…</source>
        <translation>Search for a product…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tapez une partie du code ou du nom du produit</source>
        <translation>Type part of the product&apos;s code or name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporter en PNG…</source>
        <translation>Export as PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer le graphique comme image pour un rapport</source>
        <translation>Save the chart as an image for a report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Produit :</source>
        <translation>Product:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lot :</source>
        <translation>Lot:</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Produit {0} inconnu du catalogue.</source>
        <translation>Product {0} is not in the catalogue.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choisissez un établissement pour voir ses fiches de stock.</source>
        <translation>Choose a facility to see its stock cards.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le catalogue ne contient aucun produit.</source>
        <translation>The catalogue has no products.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tous les lots</source>
        <translation>All lots</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(sans lot)</source>
        <translation>(no lot)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pér. {0}</source>
        <translation>exp. {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>solde {0}</source>
        <translation>balance {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>épuisé</source>
        <translation>used up</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Aucun mouvement de {0} dans cet établissement.
Les réceptions, dispensations, pertes et inventaires de ce produit apparaîtront ici.</source>
        <translation>No movements of {0} at this facility.
Receipts, dispensing, losses and physical counts of this product will appear here.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stock au {0} : {1}</source>
        <translation>Stock on {0}: {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stock minimum {0} · maximum {1}</source>
        <translation>minimum stock {0} · maximum {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pas de minimum ni de maximum (aucune consommation récente)</source>
        <translation>no minimum or maximum (no recent consumption)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 mouvement</source>
        <translation>1 movement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} mouvements</source>
        <translation>{0} movements</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lot {0} : {1}</source>
        <translation>lot {0}: {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} – {1} : stock au jour le jour</source>
        <translation>{0} – {1}: daily stock</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stock (tous lots)</source>
        <translation>Stock (all lots)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock minimum</source>
        <translation>Minimum stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock maximum</source>
        <translation>Maximum stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rupture de stock</source>
        <translation>Stock-out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité ({0})</source>
        <translation>Quantity ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucun mouvement pour ce produit</source>
        <translation>No movements for this product</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lot {0}</source>
        <translation>Lot {0}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>fiche-{0}-{1}-{2}.png</source>
        <translation>stock-card-{0}-{1}-{2}.png</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporter le graphique</source>
        <translation>Export the chart</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Impossible d&apos;écrire l&apos;image {0} : {1}. Choisissez un autre dossier.</source>
        <translation>Cannot write the image {0}: {1}. Choose another folder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Graphique enregistré : {0}</source>
        <translation>Chart saved: {0}</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <location filename="../../gui/stock/screen.py" line="+97"/>
        <source>Rechercher un produit (code ou nom)…</source>
        <translation>Search for a product (code or name)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tous les programmes</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Produits jamais reçus</source>
        <translation>Products never received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Afficher aussi les produits du catalogue jamais reçus ici</source>
        <translation>Also show catalogue products never received here</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Programme :</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Aucun établissement pour l&apos;instant</source>
        <translation>No facility yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ajoutez votre établissement dans Paramètres › Établissement (Ctrl+7) : son stock s&apos;affichera ici.</source>
        <translation>Add your facility in Settings › Facility (Ctrl+7): its stock will show here.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ouvrir les paramètres</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Aucun stock enregistré</source>
        <translation>No stock recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cet établissement n&apos;a encore aucun mouvement de stock. Enregistrez une réception (bouton « Réception » ou Ctrl+R) ou importez vos mouvements. Cochez « Produits jamais reçus » pour voir tout le catalogue.</source>
        <translation>This facility has no stock movements yet. Record a receipt (“Receipt” button or Ctrl+R) or import your movements. Tick “Products never received” to see the whole catalogue.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ouvrir Import / Export</source>
        <translation>Open Import / Export</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun produit ne correspond</source>
        <translation>No matching products</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aucun produit suivi ici ne correspond à la recherche « {0} » dans le programme « {1} ». Vérifiez l&apos;orthographe, choisissez un autre programme, ou cochez « Produits jamais reçus » pour chercher dans tout le catalogue.</source>
        <translation>No product stocked here matches “{0}” in the programme “{1}”. Check the spelling, choose another programme, or tick “Products never received” to search the whole catalogue.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Effacer la recherche</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Aucun produit reçu dans cet établissement au {0}.</source>
        <translation>No products received at this facility as of {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} produits suivis dans cet établissement · état à la fin du {1}</source>
        <translation>{0} products stocked at this facility · position at the end of {1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} affiché(s)</source>
        <translation>{0} shown</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <location filename="../../gui/stock/model.py" line="+10"/>
        <source>Produit</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock</source>
        <translation>Stock on hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDU</source>
        <translation>Usable stock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CMM</source>
        <translation>AMC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSD</source>
        <translation>MOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Périme bientôt</source>
        <translation>Expiring soon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>À commander</source>
        <translation>To order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock théorique, lots périmés compris</source>
        <translation>Stock on hand per the ledger, expired lots included</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock disponible utilisable : sans les lots périmés</source>
        <translation>Usable stock on hand: expired lots excluded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consommation moyenne mensuelle ajustée</source>
        <translation>Adjusted average monthly consumption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois de stock disponible = SDU ÷ CMM</source>
        <translation>Months of stock = usable stock ÷ AMC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantité des lots qui périment dans l&apos;horizon d&apos;alerte</source>
        <translation>Quantity in lots that expire within the alert period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jusqu&apos;au stock maximum, en conditionnements entiers</source>
        <translation>Up to the maximum stock, in whole packs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Situation par rapport au minimum et au maximum</source>
        <translation>Position against the minimum and maximum</translation>
    </message>
</context>
<context>
    <name>TalliesTab</name>
    <message>
        <location filename="../../gui/nutrition/tallies_tab.py" line="+52"/>
        <source>Décomptes des dépistages communautaires (relais, PB mères, campagnes) et du registre papier : seuls les nombres par classe sont saisis.</source>
        <translation>Tallies of community screening (community health workers, Mother MUAC, campaigns) and of the paper register: only the numbers per class are entered.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nouveau décompte…</source>
        <translation>New tally…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mois :</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Corriger…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler le décompte…</source>
        <translation>Void tally…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Historique…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Aucun décompte ce mois.</source>
        <translation>No tallies this month.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enfants : {0} dépistés, {1} MAS, {2} MAM, {3} normaux.</source>
        <translation>Children: {0} screened, {1} SAM, {2} MAM, {3} normal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Femmes enceintes/allaitantes : {0} dépistées, {1} MAM.</source>
        <translation>Pregnant/lactating women: {0} screened, {1} MAM.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Décompte du {0} annulé.</source>
        <translation>Tally of {0} voided.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annuler un décompte</source>
        <translation>Void a tally</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le décompte du {0} ({1}, {2} dépistés) ne comptera plus dans le rapport. Il reste dans l&apos;historique, avec le motif que vous indiquez.</source>
        <translation>The tally of {0} ({1}, {2} screened) will no longer count in the report. It stays in the history, with the reason you give.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Historique du décompte du {0}</source>
        <translation>History of the tally of {0}</translation>
    </message>
</context>
<context>
    <name>TallyForm</name>
    <message>
        <location filename="../../gui/nutrition/registers_dialogs.py" line="+25"/>
        <source>Corriger un décompte</source>
        <translation>Correct a tally</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nouveau décompte</source>
        <translation>New tally</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>village, quartier ou site</source>
        <translation>village, neighbourhood or site</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lieu :</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source :</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groupe :</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dépistés :</source>
        <translation>Screened:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MAS (rouge) :</source>
        <translation>SAM (red):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MAM (jaune) :</source>
        <translation>MAM (yellow):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Normaux (vert) :</source>
        <translation>Normal (green):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dont œdèmes :</source>
        <translation>of which oedema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total :</source>
        <translation>Total:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>MAS + MAM + normaux = {0} ; dépistés : {1}</source>
        <translation>SAM + MAM + normal = {0}; screened: {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nombre de dépistés</source>
        <translation>number screened</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>motif de la correction</source>
        <translation>reason for the correction</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Décompte corrigé (version {0}).</source>
        <translation>Tally corrected (version {0}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Décompte enregistré : {0} dépisté(s), {1} MAS, {2} MAM.</source>
        <translation>Tally saved: {0} screened, {1} SAM, {2} MAM.</translation>
    </message>
</context>
<context>
    <name>TotalsForm</name>
    <message>
        <location line="+246"/>
        <source>Totaux du mois – {0}</source>
        <translation>Month totals – {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pour un centre qui n&apos;a que le rapport papier : recopiez les totaux du mois de l&apos;unité {0}. Ils remplacent, dans le rapport, les admissions et sorties saisies enfant par enfant pour ce mois.</source>
        <translation>For a centre that only has the paper report: copy the month&apos;s totals of unit {0}. In the report, they replace the admissions and exits entered child by child for this month.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mois :</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Admissions</source>
        <translation>Admissions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sorties</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} :</source>
        <translation>{0}:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Indiquer le total au début du mois :</source>
        <translation>Give the total at the start of the month:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pour le premier mois saisi, ou pour corriger le total reporté du mois précédent</source>
        <translation>For the first month entered, or to correct the total carried over from the previous month</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>facultatif ; ex. rapport recompté</source>
        <translation>optional; e.g. report recounted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Motif de la modification :</source>
        <translation>Reason for the change:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Totaux de {0} déjà saisis le {1} par {2} (version {3}) : les enregistrer à nouveau en fait une nouvelle version.</source>
        <translation>Totals for {0} already entered on {1} by {2} (version {3}): saving them again makes a new version.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Aucun total saisi pour {0}.</source>
        <translation>No totals entered for {0}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Total des admissions : {0} ; total des sorties : {1}</source>
        <translation>Total admissions: {0}; total exits: {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ; total à la fin du mois : {0}</source>
        <translation> – total at the end of the month: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plus de sorties ({0}) que d&apos;enfants présents ({1}) : vérifiez les nombres.</source>
        <translation>More exits ({0}) than children present ({1}): check the numbers.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Totaux de {0} enregistrés pour {1}.</source>
        <translation>Totals for {0} saved for {1}.</translation>
    </message>
</context>
<context>
    <name>TransferForm</name>
    <message>
        <location filename="../../gui/forms/outgoing.py" line="+50"/>
        <source>Transfert vers un autre établissement</source>
        <translation>Transfer to another facility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>périmé — ne peut pas être transféré</source>
        <translation>expired — cannot be transferred</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Établissement de la liste, ou code d&apos;un établissement hors base</source>
        <translation>A facility from the list, or the code of one outside this database</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>De&amp;stination :</source>
        <translation>De&amp;stination:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N° du bon de transfert (facultatif)</source>
        <translation>Transfer note no. (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Référence :</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>transférée</source>
        <translation>transferred</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Destination : choisissez l&apos;établissement qui reçoit, ou tapez son code.</source>
        <translation>Destination: choose the receiving facility, or type its code.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Destination : le stock part de cet établissement ; choisissez-en un autre.</source>
        <translation>Destination: the stock is leaving this facility; choose another one.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Destination : « {0} » n&apos;est ni un établissement de la liste ni un code valable (lettres, chiffres et tirets, sans espace ni accent).</source>
        <translation>Destination: “{0}” is neither a facility from the list nor a valid code (letters, digits and hyphens, no spaces or accents).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} est dans cette base : le stock entrera aussi dans sa fiche.</source>
        <translation>{0} is in this database: the stock will also be received on its stock card.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} n&apos;est pas dans cette base : seule la sortie est enregistrée ici ; remettez-lui le bon de transfert.</source>
        <translation>{0} is not in this database: only the issue is recorded here; hand over the transfer note.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Transfert enregistré : {0} vers {1}</source>
        <translation>Transfer recorded: {0} to {1}</translation>
    </message>
</context>
<context>
    <name>TypedQuantity</name>
    <message>
        <location filename="../../gui/requisition/common.py" line="+355"/>
        <source>Quantité trop grande : vérifiez le nombre.</source>
        <translation>Quantity too large: check the number.</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <location filename="../../gui/stock/model.py" line="+6"/>
        <source>sachet</source>
        <translation>sachet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sachets</source>
        <translation>sachets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comprimé</source>
        <translation>tablet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comprimés</source>
        <translation>tablets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gélule</source>
        <translation>capsule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gélules</source>
        <translation>capsules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plaquette</source>
        <translation>blister</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plaquettes</source>
        <translation>blisters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pièce</source>
        <translation>piece</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pièces</source>
        <translation>pieces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tests</source>
        <translation>tests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kit</source>
        <translation>kit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kits</source>
        <translation>kits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boîte</source>
        <translation>box</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boîtes</source>
        <translation>boxes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carton</source>
        <translation>carton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cartons</source>
        <translation>cartons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paquet</source>
        <translation>pack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paquets</source>
        <translation>packs</translation>
    </message>
</context>
<context>
    <name>VoidForm</name>
    <message>
        <location filename="../../gui/nutrition/registers_dialogs.py" line="+28"/>
        <source>ex. saisi deux fois, mauvais établissement</source>
        <translation>e.g. entered twice, wrong facility</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Motif de l&apos;annulation :</source>
        <translation>Reason for voiding:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuler la fiche</source>
        <translation>Void record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>motif de l&apos;annulation</source>
        <translation>reason for voiding</translation>
    </message>
</context>
<context>
    <name>WarningsModel</name>
    <message>
        <location filename="../../gui/exchange/model.py" line="-40"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feuille</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>À vérifier (la ligne est gardée telle quelle)</source>
        <translation>To check (the row is kept as it is)</translation>
    </message>
</context>
<context>
    <name>WorkbookImport</name>
    <message>
        <location filename="../../gui/requisition/common.py" line="-106"/>
        <source>Produits ajoutés au catalogue, à vérifier dans Paramètres : {0}.</source>
        <translation>Products added to the catalogue, to check in Settings: {0}.</translation>
    </message>
</context>
<context>
    <name>WorkbookProblem</name>
    <message>
        <location line="+14"/>
        <source>feuille {0}</source>
        <translation>sheet {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ligne {0}</source>
        <translation>row {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>colonne {0}</source>
        <translation>column {0}</translation>
    </message>
</context>
</TS>
