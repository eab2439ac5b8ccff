# ruff: noqa: N802, PLR0917 - the contract's upper-case Dutch names and argument lists
"""De RI_-functies in xlwings Lite (Python in Excel, in de browser).

Gegenereerd door addin/tools/gen_lite.py uit reintegratie_addin.udfs — niet met de hand
bewerken; voer `make addin` uit. Elke functie geeft door aan dezelfde code als de
invoegtoepassing voor Windows-Excel: dezelfde namen, argumenten, uitkomsten en
#WAARDE!-meldingen (zie sources/excel-functions.md). Installatie: addin/README.md.
"""

from xlwings import arg, func

from reintegratie_addin import udfs as _udfs


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Product met preventie- en re-integratiebudget: zeeuwse-prb",
)
@arg(
    "declaraties",
    ndim=2,
    err_to_str=True,
    doc="Bereik met per rij: datum · soort_budget (preventie of reintegratie) · bedrag (gedeclareerd, excl. btw); leeg = nog geen declaraties",
)
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof' (verlof overbrugt hier niet)",
)
@arg(
    "met_wga_of_wia",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft (verdubbelt het budget); leeg = ONWAAR",
)
def RI_BUDGET_RESTANT(product, declaraties, ziekte, met_wga_of_wia=None):
    "Tabel budget · eerste_ziektedag · laatste_ziektedag · plafond · vergoed · restant · declaraties: het budget dat per ziektegeval over is. Eén rij per ziektegeval van het re-integratiebudget (003 art. 2.6.1: minder dan vier weken tussen twee ziekteperiodes is één ziektegeval; verlof overbrugt hier niet), ook voor een ziektegeval zonder declaraties, en één rij ``preventie`` als er preventiedeclaraties zijn (samen één dreigend ziektegeval, art. 2.5.1). Een declaratie hoort bij het laatste ziektegeval dat op of vóór haar datum begon; de declaraties worden in datumvolgorde verrekend tot het plafond."
    return _udfs.RI_BUDGET_RESTANT(product, declaraties, ziekte, met_wga_of_wia)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg("beeindigde_module", ndim=2, err_to_str=True, doc="Code van de module die eindigt")
@arg(
    "datum",
    ndim=2,
    err_to_str=True,
    doc="Einddatum van de module (alle gekoppelde modules eindigen per gelijke datum)",
)
@arg(
    "reden",
    ndim=2,
    err_to_str=True,
    doc="Reden van beëindiging (leeg = elke reden die de module toestaat): opzegging_werkgever, einde_gekoppelde_module, fraude, wanbetaling, onjuiste_informatie, opzegging_uitvoerder, niet_nakomen_verplichtingen, overstap_arbodienst",
)
@arg(
    "modules",
    ndim=2,
    err_to_str=True,
    doc="Optioneel: kolom met de modulecodes die de polis heeft (leeg = alle modules)",
)
def RI_CASCADE(product, beeindigde_module, datum, reden=None, modules=None):
    "Tabel module · einddatum · grond van elke module die eindigt (de eerste inbegrepen)."
    return _udfs.RI_CASCADE(product, beeindigde_module, datum, reden, modules)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg("module", ndim=2, err_to_str=True, doc="Code van de module")
@arg("ingangsdatum_module", ndim=2, err_to_str=True, doc="Ingangsdatum van de module")
@arg(
    "contractvervaldatum_basis",
    ndim=2,
    err_to_str=True,
    doc="Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst",
)
@arg(
    "contracttermijn_maanden",
    ndim=2,
    err_to_str=True,
    doc="Contracttermijn van de basismodule in maanden (leeg = die van het product, 12)",
)
def RI_CONTRACTVERVALDATUM(
    product, module, ingangsdatum_module, contractvervaldatum_basis, contracttermijn_maanden=None
):
    "Eerste contractvervaldatum van de module (gelijk aan die van de basismodule)."
    return _udfs.RI_CONTRACTVERVALDATUM(
        product, module, ingangsdatum_module, contractvervaldatum_basis, contracttermijn_maanden
    )


@func
@arg("voorschot", ndim=2, err_to_str=True, doc="De als voorschot ontvangen vergoeding")
@arg("kosten", ndim=2, err_to_str=True, doc="De re-integratiekosten")
@arg("verhaald", ndim=2, err_to_str=True, doc="Het op de aansprakelijke derde verhaalde bedrag")
def RI_DERDEN_TERUGBETALING(voorschot, kosten, verhaald):
    "Bedrag dat de werkgever terugbetaalt nadat re-integratiekosten op een derde zijn verhaald."
    return _udfs.RI_DERDEN_TERUGBETALING(voorschot, kosten, verhaald)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg("einddatum_module", ndim=2, err_to_str=True, doc="Laatste dag van de module (t/m)")
@arg("peildatum", ndim=2, err_to_str=True, doc="Datum waarop u het wilt weten")
@arg(
    "reden",
    ndim=2,
    err_to_str=True,
    doc="Reden waarom de verzekering eindigde (leeg = opzegging_werkgever; bij zeeuwse-prb de reden van de verzuimverzekering, 003 art. 1.5.3, of van prb zelf als alleen prb eindigde, 003 art. 3.2; een geëindigd arbocontract telt niet): opzegging_werkgever, einde_gekoppelde_module, fraude, wanbetaling, onjuiste_informatie, opzegging_uitvoerder, niet_nakomen_verplichtingen, overstap_arbodienst",
)
@arg(
    "hersteldatum",
    ndim=2,
    err_to_str=True,
    doc="Eerste dag volledig hersteld (sluit een lopende ziekteperiode af)",
)
@arg(
    "sanctieweken",
    ndim=2,
    err_to_str=True,
    doc="Weken loonsanctie opgelegd door UWV (0–52, leeg = 0): de begeleiding loopt door tot het einde van de verlengde loondoorbetaling",
)
def RI_DOORLOPENDE_BEGELEIDING(
    product, ziekte, einddatum_module, peildatum, reden=None, hersteldatum=None, sanctieweken=None
):
    "WAAR als begeleiding/budget op de peildatum nog doorloopt na het einde van de module."
    return _udfs.RI_DOORLOPENDE_BEGELEIDING(
        product, ziekte, einddatum_module, peildatum, reden, hersteldatum, sanctieweken
    )


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg(
    "module",
    ndim=2,
    err_to_str=True,
    doc="Code van de module waarvan u wilt weten of ze meeeindigt",
)
@arg("beeindigde_module", ndim=2, err_to_str=True, doc="Code van de module die eindigt")
@arg(
    "reden",
    ndim=2,
    err_to_str=True,
    doc="Reden van beëindiging (leeg = elke reden die de module toestaat): opzegging_werkgever, einde_gekoppelde_module, fraude, wanbetaling, onjuiste_informatie, opzegging_uitvoerder, niet_nakomen_verplichtingen, overstap_arbodienst",
)
def RI_EINDIGT_MEE(product, module, beeindigde_module, reden=None):
    "WAAR als `module` eindigt doordat `beeindigde_module` eindigt (om deze reden)."
    return _udfs.RI_EINDIGT_MEE(product, module, beeindigde_module, reden)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg("beeindigde_module", ndim=2, err_to_str=True, doc="Code van de module die eindigt")
@arg("datum", ndim=2, err_to_str=True, doc="Einddatum van de module")
@arg(
    "reden",
    ndim=2,
    err_to_str=True,
    doc="Reden van beëindiging (leeg = elke reden die de module toestaat): opzegging_werkgever, einde_gekoppelde_module, fraude, wanbetaling, onjuiste_informatie, opzegging_uitvoerder, niet_nakomen_verplichtingen, overstap_arbodienst",
)
def RI_GEVOLGEN(product, beeindigde_module, datum, reden=None):
    "Tabel gevolg · vanaf · grond van de gevolgen van het einde van een module."
    return _udfs.RI_GEVOLGEN(product, beeindigde_module, datum, reden)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Product: asr-reintegratiemanager of mkb-verzuim-ontzorg (100 % interventievergoeding)",
)
@arg("kosten", ndim=2, err_to_str=True, doc="Kosten van de interventie, excl. btw")
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden (het laatste ziektegeval telt, met zijn eerste ziektedag)",
)
@arg(
    "ingangsdatum_module",
    ndim=2,
    err_to_str=True,
    doc="Ingangsdatum van de module (of verzekering)",
)
@arg(
    "noodzakelijk",
    ndim=2,
    err_to_str=True,
    doc="WAAR als bedrijfsarts of casemanager de interventie noodzakelijk vindt; leeg = WAAR",
)
@arg(
    "niet_bovenmatig",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de kosten niet bovenmatig zijn t.o.v. de resterende loondoorbetaling (hulp: RI_RESTERENDE_LOONKOSTEN); leeg = WAAR",
)
@arg(
    "soort",
    ndim=2,
    err_to_str=True,
    doc="Soort kosten: rie, pmo, pago, keuring, cursus_preventiemedewerker, medische_behandeling, reiskosten, annulering; 0 als de voorwaarden van het product die soort uitsluiten (mkb-verzuim-ontzorg: de lijst van 002; asr-reintegratiemanager: geen); leeg = gewone interventie",
)
def RI_INTERVENTIEVERGOEDING(
    product,
    kosten,
    ziekte,
    ingangsdatum_module,
    noodzakelijk=None,
    niet_bovenmatig=None,
    soort=None,
):
    "Volledige kosten van een interventie (100 %), of 0 als een voorwaarde ontbreekt."
    return _udfs.RI_INTERVENTIEVERGOEDING(
        product, kosten, ziekte, ingangsdatum_module, noodzakelijk, niet_bovenmatig, soort
    )


@func
@arg("kosten", ndim=2, err_to_str=True, doc="Kosten van de re-integratieactiviteit, excl. btw")
@arg(
    "vergoed_binnen_budget",
    ndim=2,
    err_to_str=True,
    doc="Wat binnen het re-integratiebudget is vergoed",
)
@arg(
    "schadelast_zonder",
    ndim=2,
    err_to_str=True,
    doc="Verwachte schadelast van de verzekeraar zonder de activiteit",
)
@arg(
    "schadelast_met",
    ndim=2,
    err_to_str=True,
    doc="Verwachte schadelast van de verzekeraar met de activiteit (zonder de kosten ervan)",
)
def RI_KBA_BIJDRAGE(kosten, vergoed_binnen_budget, schadelast_zonder, schadelast_met):
    "Extra bijdrage boven het re-integratiebudget op grond van een kosten-batenanalyse."
    return _udfs.RI_KBA_BIJDRAGE(kosten, vergoed_binnen_budget, schadelast_zonder, schadelast_met)


@func
@arg("maandloon", ndim=2, err_to_str=True, doc="Overeengekomen maandloon exclusief vakantiebijslag")
@arg("ziekteweek", ndim=2, err_to_str=True, doc="Ziekteweek (1 = de eerste week)")
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)",
)
@arg(
    "uren_per_week",
    ndim=2,
    err_to_str=True,
    doc="Contracturen per week, voor de minimumloonvloer in week 1–52; leeg = geen vloer",
)
def RI_LOONDOORBETALING(maandloon, ziekteweek, peildatum, uren_per_week=None):
    "Wettelijke loondoorbetaling bij ziekte per maand (BW 7:629): 70 % van het maandloon tot de loongrens, in week 1–52 ten minste het minimumloon; exclusief vakantiebijslag."
    return _udfs.RI_LOONDOORBETALING(maandloon, ziekteweek, peildatum, uren_per_week)


@func
@arg("weekloon", ndim=2, err_to_str=True, doc="Weekloon van de werknemer (zie RI_WEEKLOON)")
@arg("sanctieweken", ndim=2, err_to_str=True, doc="Weken loonsanctie opgelegd door het UWV (1–52)")
@arg(
    "percentage",
    ndim=2,
    err_to_str=True,
    doc="Dekkingspercentage, of het cao-percentage: 0,7, 70% of 70; leeg = 70%",
)
@arg(
    "werkgeverslasten",
    ndim=2,
    err_to_str=True,
    doc="Werkgeverslasten bovenop het loon: 0,25, 25% of 25; leeg = 25%",
)
@arg(
    "goedgekeurde_kosten",
    ndim=2,
    err_to_str=True,
    doc="Vooraf goedgekeurde re-integratiekosten tijdens de loonsanctie; leeg = 0",
)
@arg(
    "voorwaarden_voldaan",
    ndim=2,
    err_to_str=True,
    doc="WAAR als aan alle voorwaarden van het artikel is voldaan; leeg = WAAR",
)
@arg(
    "arbodienst_vergoedt",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de poortwachtergarantie van de arbodienst deze loonsanctie al helemaal vergoedt, of het bedrag dat zij ervan vergoedde (gaat eraf: maar één keer); 1 en 0 (ook als tekst) zijn WAAR en ONWAAR; leeg = ONWAAR",
)
def RI_LOONSANCTIE_VERGOEDING(
    weekloon,
    sanctieweken,
    percentage=None,
    werkgeverslasten=None,
    goedgekeurde_kosten=None,
    voorwaarden_voldaan=None,
    arbodienst_vergoedt=None,
):
    "Vergoeding van een UWV-loonsanctie onder de poortwachtergarantie."
    return _udfs.RI_LOONSANCTIE_VERGOEDING(
        weekloon,
        sanctieweken,
        percentage,
        werkgeverslasten,
        goedgekeurde_kosten,
        voorwaarden_voldaan,
        arbodienst_vergoedt,
    )


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Product met de poortwachtergarantie van 003 art. 2.7: zeeuwse-prb",
)
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg("datum_besluit", ndim=2, err_to_str=True, doc="Datum van het loonsanctiebesluit van het UWV")
@arg(
    "datum_melding",
    ndim=2,
    err_to_str=True,
    doc="Datum waarop u de loonsanctie bij ons meldde; leeg = nog niet gemeld",
)
@arg(
    "begeleiding_vanaf",
    ndim=2,
    err_to_str=True,
    doc="Datum vanaf wanneer de arbodienst de verzuimbegeleiding uitvoerde (ingangsdatum van het arbocontract)",
)
@arg(
    "begeleiding_tot",
    ndim=2,
    err_to_str=True,
    doc="Laatste dag van de begeleiding door de arbodienst; leeg = loopt nog",
)
@arg(
    "gebeurtenissen",
    ndim=2,
    err_to_str=True,
    doc="Bereik met per rij: datum · gebeurtenis · werknemer (zoals bij RI_STATUS), bijv. garantie_ingetrokken of advies_niet_opgevolgd; leeg = geen",
)
@arg(
    "werknemer",
    ndim=2,
    err_to_str=True,
    doc="Werknemer voor wie de loonsanctie geldt (voor de gebeurtenissen per werknemer)",
)
@arg(
    "adviezen_opgevolgd",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de adviezen en instructies van de arbodienst volledig, tijdig en juist zijn opgevolgd; leeg = niet opgegeven (aangenomen voldaan)",
)
@arg(
    "geen_belemmerende_acties",
    ndim=2,
    err_to_str=True,
    doc="WAAR als u geen eigen acties of communicatie over de loonsanctie ondernam die het ongedaan maken in de weg kunnen staan; leeg = niet opgegeven (aangenomen voldaan)",
)
@arg(
    "machtiging_gegeven",
    ndim=2,
    err_to_str=True,
    doc="WAAR als u ons en de arbodienst machtigde om de loonsanctie ongedaan te maken; leeg = niet opgegeven (aangenomen voldaan)",
)
@arg(
    "medewerking_verleend",
    ndim=2,
    err_to_str=True,
    doc="WAAR als u alle informatie gaf en meewerkt aan bezwaar en (hoger) beroep; leeg = niet opgegeven (aangenomen voldaan)",
)
@arg(
    "verbeterpunten_opgevolgd",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de verbeterpunten van het UWV zo snel mogelijk zijn opgevolgd en gemeld; leeg = niet opgegeven (aangenomen voldaan)",
)
@arg(
    "loon_vrijwillig_doorbetaald",
    ndim=2,
    err_to_str=True,
    doc="WAAR als u het loon vrijwillig langer doorbetaalt (dan is niet voldaan); leeg = niet opgegeven (aangenomen voldaan)",
)
def RI_LOONSANCTIE_VOORWAARDEN(
    product,
    ziekte,
    datum_besluit,
    datum_melding,
    begeleiding_vanaf,
    begeleiding_tot=None,
    gebeurtenissen=None,
    werknemer=None,
    adviezen_opgevolgd=None,
    geen_belemmerende_acties=None,
    machtiging_gegeven=None,
    medewerking_verleend=None,
    verbeterpunten_opgevolgd=None,
    loon_vrijwillig_doorbetaald=None,
):
    "Tabel voorwaarde · status · artikel · grond: de negen voorwaarden van 003 art. 2.7.3 voor de vergoeding van een loonsanctie. Elke voorwaarde is ``voldaan`` of ``niet voldaan``. De melding binnen vijf werkdagen volgt uit de datum van het besluit (zoals RI_UITERSTE_MELDING_SANCTIE), het intrekken van de poortwachtergarantie uit de gebeurtenissen (zoals RI_STATUS), de begeleiding vanaf de eerste ziektedag uit de datums van de arbodienst; de overige feiten komen uit het dossier. Een leeg feit wordt als voldaan aangenomen en de grond zegt dat."
    return _udfs.RI_LOONSANCTIE_VOORWAARDEN(
        product,
        ziekte,
        datum_besluit,
        datum_melding,
        begeleiding_vanaf,
        begeleiding_tot,
        gebeurtenissen,
        werknemer,
        adviezen_opgevolgd,
        geen_belemmerende_acties,
        machtiging_gegeven,
        medewerking_verleend,
        verbeterpunten_opgevolgd,
        loon_vrijwillig_doorbetaald,
    )


@func
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg(
    "mijlpaal",
    ndim=2,
    err_to_str=True,
    doc="Mijlpaal: ontzorgmanager, probleemanalyse, plan_van_aanpak (pva), ziekmelding_uwv (42e week), eerstejaarsevaluatie, uwv_wia_brief, reintegratieverslag, wia_aanvraag, einde_loondoorbetaling, start_wia",
)
@arg(
    "datum_probleemanalyse",
    ndim=2,
    err_to_str=True,
    doc="Datum van de probleemanalyse, indien bekend (leeg = einde week 6 aangenomen)",
)
@arg(
    "sanctieweken",
    ndim=2,
    err_to_str=True,
    doc="Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)",
)
def RI_MIJLPAAL(ziekte, mijlpaal, datum_probleemanalyse=None, sanctieweken=None):
    "Datum van een Poortwachter-mijlpaal van het (laatste) ziektegeval, of n.v.t."
    return _udfs.RI_MIJLPAAL(ziekte, mijlpaal, datum_probleemanalyse, sanctieweken)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
def RI_MODULES(product):
    "Tabel module · naam · bron van de modules van een product."
    return _udfs.RI_MODULES(product)


@func
@arg("kosten", ndim=2, err_to_str=True, doc="Kosten van de preventieactiviteit, excl. btw")
@arg(
    "met_wga_of_wia",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft (verdubbelt het budget); leeg = ONWAAR",
)
@arg(
    "al_vergoed",
    ndim=2,
    err_to_str=True,
    doc="Al vergoed uit het preventiebudget voor dit dreigende ziektegeval; leeg = 0",
)
@arg(
    "voorwaarden_voldaan",
    ndim=2,
    err_to_str=True,
    doc="WAAR als aan alle voorwaarden van het artikel is voldaan; leeg = WAAR",
)
@arg(
    "dienstverband_eerder_beeindigd",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de arbeidsovereenkomst eindigde vóór de start van de activiteit; leeg = ONWAAR",
)
@arg(
    "soort",
    ndim=2,
    err_to_str=True,
    doc="Uitgesloten soort kosten (art. 2.5.4): medische_behandeling, elders_vergoed, reiskosten, annulering; leeg = niet uitgesloten",
)
def RI_PREVENTIEBUDGET(
    kosten,
    met_wga_of_wia=None,
    al_vergoed=None,
    voorwaarden_voldaan=None,
    dienstverband_eerder_beeindigd=None,
    soort=None,
):
    "Vergoeding uit het preventiebudget (€ 500, met WGA/WIA € 1.000) per dreigend ziektegeval."
    return _udfs.RI_PREVENTIEBUDGET(
        kosten,
        met_wga_of_wia,
        al_vergoed,
        voorwaarden_voldaan,
        dienstverband_eerder_beeindigd,
        soort,
    )


@func
def RI_PRODUCTEN():
    "Tabel product · naam · bron van de ingebouwde producten."
    return _udfs.RI_PRODUCTEN()


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof' (het laatste ziektegeval telt)",
)
@arg(
    "ingangsdatum",
    ndim=2,
    err_to_str=True,
    doc="Ingangsdatum van de module (bij zeeuwse-prb: van de verzuimverzekering)",
)
def RI_RECHT_OP_DIENSTVERLENING(product, ziekte, ingangsdatum):
    "WAAR als het ziektegeval onder de module valt (eerste ziektedag van het geval op of na de ingangsdatum)."
    return _udfs.RI_RECHT_OP_DIENSTVERLENING(product, ziekte, ingangsdatum)


@func
@arg("kosten", ndim=2, err_to_str=True, doc="Kosten van de re-integratieactiviteit, excl. btw")
@arg(
    "met_wga_of_wia",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft (verdubbelt het budget); leeg = ONWAAR",
)
@arg(
    "al_vergoed_in_ziektegeval",
    ndim=2,
    err_to_str=True,
    doc="Al vergoed uit het re-integratiebudget in dit ziektegeval; leeg = 0",
)
@arg(
    "subsidie",
    ndim=2,
    err_to_str=True,
    doc="Toegekende subsidie of wettelijke vergoeding voor deze kosten; leeg = 0",
)
@arg(
    "voorwaarden_voldaan",
    ndim=2,
    err_to_str=True,
    doc="WAAR als aan de voorwaarden van art. 2.6.2 is voldaan (doel herstel arbeidsvermogen, voorstel bedrijfsarts of arbeidsdeskundige); leeg = WAAR",
)
@arg(
    "soort",
    ndim=2,
    err_to_str=True,
    doc="Uitgesloten soort kosten (art. 2.6.5): medische_behandeling, elders_vergoed, reiskosten, annulering; leeg = niet uitgesloten",
)
@arg(
    "geen_reintegratieverplichting",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de arbeidsovereenkomst eindigde en de werkgever geen wettelijke re-integratieverplichting meer heeft (art. 2.6.2, 1.5.3); leeg = ONWAAR",
)
def RI_REINTEGRATIEBUDGET(
    kosten,
    met_wga_of_wia=None,
    al_vergoed_in_ziektegeval=None,
    subsidie=None,
    voorwaarden_voldaan=None,
    soort=None,
    geen_reintegratieverplichting=None,
):
    "Vergoeding uit het re-integratiebudget (€ 4.000, met WGA/WIA € 8.000) per ziektegeval."
    return _udfs.RI_REINTEGRATIEBUDGET(
        kosten,
        met_wga_of_wia,
        al_vergoed_in_ziektegeval,
        subsidie,
        voorwaarden_voldaan,
        soort,
        geen_reintegratieverplichting,
    )


@func
@arg("weekloon", ndim=2, err_to_str=True, doc="Weekloon van de werknemer (zie RI_WEEKLOON)")
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg(
    "peildatum", ndim=2, err_to_str=True, doc="Datum vanaf waar de resterende loondoorbetaling telt"
)
@arg(
    "percentage",
    ndim=2,
    err_to_str=True,
    doc="Percentage loondoorbetaling: 0,7, 70% of 70; leeg = 70%",
)
@arg(
    "sanctieweken",
    ndim=2,
    err_to_str=True,
    doc="Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)",
)
def RI_RESTERENDE_LOONKOSTEN(weekloon, ziekte, peildatum, percentage=None, sanctieweken=None):
    "Resterende weken loondoorbetaling × weekloon × percentage: hulp bij 'niet bovenmatig'; sanctieweken verlengen de loondoorbetaling, zoals in RI_RESTERENDE_WEKEN."
    return _udfs.RI_RESTERENDE_LOONKOSTEN(weekloon, ziekte, peildatum, percentage, sanctieweken)


@func
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg("peildatum", ndim=2, err_to_str=True, doc="Datum waarop u de stand wilt weten")
@arg(
    "sanctieweken",
    ndim=2,
    err_to_str=True,
    doc="Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)",
)
def RI_RESTERENDE_WEKEN(ziekte, peildatum, sanctieweken=None):
    "Weken loondoorbetaling die na de peildatum resteren: ongebruikte ziekteweken van de 104 plus sanctieweken (2 decimalen, 0 t/m 104 + sanctieweken)."
    return _udfs.RI_RESTERENDE_WEKEN(ziekte, peildatum, sanctieweken)


@func
@arg("iban", ndim=2, err_to_str=True, doc="IBAN (spaties toegestaan)")
def RI_SEPA_REKENING(iban):
    "WAAR voor een geldig IBAN binnen het SEPA-gebied; ONWAAR voor elk ander rekeningnummer."
    return _udfs.RI_SEPA_REKENING(iban)


@func
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Vanaf deze datum wordt de eerstvolgende mijlpaal gezocht",
)
@arg(
    "horizon_dagen",
    ndim=2,
    err_to_str=True,
    doc="Signaleer een mijlpaal binnen zoveel dagen (leeg = 14)",
)
@arg(
    "datum_probleemanalyse",
    ndim=2,
    err_to_str=True,
    doc="Datum van de probleemanalyse, indien bekend (leeg = einde week 6 aangenomen)",
)
@arg(
    "sanctieweken",
    ndim=2,
    err_to_str=True,
    doc="Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)",
)
def RI_SIGNAAL(
    ziekte, peildatum, horizon_dagen=None, datum_probleemanalyse=None, sanctieweken=None
):
    "Signaal voor de eerstvolgende mijlpaal binnen de horizon, of lege tekst; sanctieweken verlengen de loondoorbetaling (einde_loondoorbetaling, start_wia), zoals in de werklijst."
    return _udfs.RI_SIGNAAL(ziekte, peildatum, horizon_dagen, datum_probleemanalyse, sanctieweken)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg(
    "aanspraak",
    ndim=2,
    err_to_str=True,
    doc="Aanspraak: dienstverlening, vergoeding of poortwachtergarantie",
)
@arg(
    "gebeurtenissen",
    ndim=2,
    err_to_str=True,
    doc="Bereik met per rij: datum · gebeurtenis · werknemer (leeg = hele polis); gebeurtenissen: schorsing, betaling, beeindiging, informatie_niet_verstrekt, informatie_verstrekt, niet_meegewerkt_interventie, advies_niet_opgevolgd, ziekmelding_te_laat, begeleiding_beeindigd, dekking_geschorst, dekking_hersteld, arbocontract_geschorst, arbocontract_hersteld, garantie_ingetrokken, fraude",
)
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Datum waarop u de status wilt weten (gebeurtenissen op die datum tellen mee)",
)
@arg("werknemer", ndim=2, err_to_str=True, doc="Werknemer (leeg = de status op polisniveau)")
def RI_STATUS(product, aanspraak, gebeurtenissen, peildatum, werknemer=None):
    "Status van een aanspraak op de peildatum: actief, geschorst, vervallen of beeindigd."
    return _udfs.RI_STATUS(product, aanspraak, gebeurtenissen, peildatum, werknemer)


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg(
    "gebeurtenissen",
    ndim=2,
    err_to_str=True,
    doc="Bereik met per rij: datum · gebeurtenis · werknemer (leeg = hele polis); gebeurtenissen: schorsing, betaling, beeindiging, informatie_niet_verstrekt, informatie_verstrekt, niet_meegewerkt_interventie, advies_niet_opgevolgd, ziekmelding_te_laat, begeleiding_beeindigd, dekking_geschorst, dekking_hersteld, arbocontract_geschorst, arbocontract_hersteld, garantie_ingetrokken, fraude",
)
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Datum waarop u de status wilt weten (gebeurtenissen op die datum tellen mee)",
)
@arg("werknemer", ndim=2, err_to_str=True, doc="Werknemer (leeg = de status op polisniveau)")
def RI_STATUS_TABEL(product, gebeurtenissen, peildatum, werknemer=None):
    "Tabel aanspraak · status · sinds · grond van alle aanspraken van het product op de peildatum."
    return _udfs.RI_STATUS_TABEL(product, gebeurtenissen, peildatum, werknemer)


@func
@arg("jaartarief", ndim=2, err_to_str=True, doc="Vast tarief per medewerker per contractjaar")
@arg("contractjaar_start", ndim=2, err_to_str=True, doc="Eerste dag van het contractjaar")
@arg("in_dienst", ndim=2, err_to_str=True, doc="Eerste dag in dienst")
@arg(
    "uit_dienst",
    ndim=2,
    err_to_str=True,
    doc="Laatste dag in dienst; leeg = na het contractjaar nog in dienst",
)
def RI_TARIEF_PRORATA(jaartarief, contractjaar_start, in_dienst, uit_dienst=None):
    "Tarief voor de dagen in dienst binnen het contractjaar (pro rata)."
    return _udfs.RI_TARIEF_PRORATA(jaartarief, contractjaar_start, in_dienst, uit_dienst)


@func
@arg("datum_vergoeding", ndim=2, err_to_str=True, doc="Datum waarop de vergoeding is betaald")
@arg(
    "premiejaar",
    ndim=2,
    err_to_str=True,
    doc="Het jaar waarin het premiepercentage opnieuw wordt vastgesteld (het 'lopende jaar' van art. 2.5.3/2.6.3)",
)
def RI_TELT_MEE_VOOR_PREMIE(datum_vergoeding, premiejaar):
    "WAAR als de vergoeding meetelt voor de premie: betaald in het premiejaar of de drie jaren ervoor. Het premiejaar is het jaar waarin de verzekeraar het premiepercentage opnieuw vaststelt; vergoedingen uit dat jaar en de drie jaren ervoor tellen mee (premiejaar − 3 t/m premiejaar)."
    return _udfs.RI_TELT_MEE_VOOR_PREMIE(datum_vergoeding, premiejaar)


@func
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'; telt vanaf de eerste ziektedag van het geval",
)
@arg("hersteldatum", ndim=2, err_to_str=True, doc="Eerste dag volledig hersteld")
def RI_TERUGVALPREVENTIE(ziekte, hersteldatum):
    "Contactdatum voor terugvalpreventie (6 maanden na herstel bij > 3 maanden ziek), of n.v.t."
    return _udfs.RI_TERUGVALPREVENTIE(ziekte, hersteldatum)


@func
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg(
    "datum_probleemanalyse",
    ndim=2,
    err_to_str=True,
    doc="Datum van de probleemanalyse, indien bekend (leeg = einde week 6 aangenomen)",
)
@arg(
    "sanctieweken",
    ndim=2,
    err_to_str=True,
    doc="Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)",
)
def RI_TIJDLIJN(ziekte, datum_probleemanalyse=None, sanctieweken=None):
    "Tabel mijlpaal · datum · grond van alle mijlpalen van het ziektegeval, op datum."
    return _udfs.RI_TIJDLIJN(ziekte, datum_probleemanalyse, sanctieweken)


@func
@arg("datum_declaratie", ndim=2, err_to_str=True, doc="Datum van de declaratie")
def RI_UITERSTE_BETALING(datum_declaratie):
    "Uiterste betaaldatum van de verzekeraar: een maand na de declaratie."
    return _udfs.RI_UITERSTE_BETALING(datum_declaratie)


@func
@arg("ontvangst_nota", ndim=2, err_to_str=True, doc="Datum waarop de nota is ontvangen")
def RI_UITERSTE_DECLARATIE(ontvangst_nota):
    "Uiterste declaratiedatum: een maand na ontvangst van de nota."
    return _udfs.RI_UITERSTE_DECLARATIE(ontvangst_nota)


@func
@arg("datum_besluit", ndim=2, err_to_str=True, doc="Datum van het loonsanctiebesluit van UWV")
def RI_UITERSTE_MELDING_SANCTIE(datum_besluit):
    "Uiterste datum om een loonsanctie te melden: vijf werkdagen na het UWV-besluit."
    return _udfs.RI_UITERSTE_MELDING_SANCTIE(datum_besluit)


@func
@arg("datum_probleemanalyse", ndim=2, err_to_str=True, doc="Datum van de probleemanalyse")
def RI_UITERSTE_PLAN_VAN_AANPAK(datum_probleemanalyse):
    "Uiterste datum voor het plan van aanpak: 14 dagen na de probleemanalyse."
    return _udfs.RI_UITERSTE_PLAN_VAN_AANPAK(datum_probleemanalyse)


@func
@arg(
    "eerste_ziektedag",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag van de ziekteperiode die u meldt",
)
def RI_UITERSTE_ZIEKMELDING(eerste_ziektedag):
    "Uiterste datum om de werknemer ziek te melden: de laatste dag van de eerste ziekteweek."
    return _udfs.RI_UITERSTE_ZIEKMELDING(eerste_ziektedag)


@func
@arg("functie", ndim=2, err_to_str=True, doc='Naam van de RI_-functie, bijv. "RI_MIJLPAAL"')
@arg("*args", ndim=2, err_to_str=True, doc="De argumenten van die functie, in dezelfde volgorde")
def RI_UITLEG(functie, *args):
    "Uitleg in tekst: de uitkomst van een RI_-functie met deze argumenten, elke toegepaste regel met zijn artikel en de gebruikte parameterwaarden. RI_UITLEG en RI_VERSIE zelf hebben geen uitleg."
    return _udfs.RI_UITLEG(functie, *args)


@func
def RI_VERSIE():
    "Versie van de bibliotheek en van de productcatalogus."
    return _udfs.RI_VERSIE()


@func
@arg(
    "product",
    ndim=2,
    err_to_str=True,
    doc="Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb",
)
@arg("module", ndim=2, err_to_str=True, doc="Code van de module die de werkgever opzegt")
@arg("ingangsdatum_module", ndim=2, err_to_str=True, doc="Ingangsdatum van de module")
@arg(
    "contractvervaldatum_basis",
    ndim=2,
    err_to_str=True,
    doc="Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst",
)
@arg("ontvangst_opzegging", ndim=2, err_to_str=True, doc="Datum waarop de opzegging is ontvangen")
@arg(
    "contracttermijn_maanden",
    ndim=2,
    err_to_str=True,
    doc="Contracttermijn van de basismodule in maanden (leeg = die van het product, 12)",
)
def RI_VROEGSTE_OPZEGDATUM(
    product,
    module,
    ingangsdatum_module,
    contractvervaldatum_basis,
    ontvangst_opzegging,
    contracttermijn_maanden=None,
):
    "Vroegste datum waarop de opzegging door de werkgever ingaat."
    return _udfs.RI_VROEGSTE_OPZEGDATUM(
        product,
        module,
        ingangsdatum_module,
        contractvervaldatum_basis,
        ontvangst_opzegging,
        contracttermijn_maanden,
    )


@func
@arg("loon", ndim=2, err_to_str=True, doc="Loon over de periode")
@arg("periode", ndim=2, err_to_str=True, doc="Periode: jaar, maand, 4 weken, week of dag")
def RI_WEEKLOON(loon, periode):
    "Weekloon uit een jaar-, maand-, 4-weken-, week- of dagloon."
    return _udfs.RI_WEEKLOON(loon, periode)


@func
@arg("datum", ndim=2, err_to_str=True, doc="Begindatum")
@arg("dagen", ndim=2, err_to_str=True, doc="Aantal werkdagen (negatief telt terug)")
def RI_WERKDAG(datum, dagen):
    "Datum plus een aantal Nederlandse werkdagen (Atw-feestdagen en gelijkgestelde dagen ingebouwd), zoals WERKDAG."
    return _udfs.RI_WERKDAG(datum, dagen)


@func
@arg("jaren_voor_2016", ndim=2, err_to_str=True, doc="Hele jaren arbeidsverleden tot en met 2015")
@arg("jaren_vanaf_2016", ndim=2, err_to_str=True, doc="Hele jaren arbeidsverleden vanaf 2016")
def RI_WGA_DUUR(jaren_voor_2016, jaren_vanaf_2016):
    "Duur van de loongerelateerde WGA-uitkering in maanden (WIA art. 59): 3 tot 24; 12,5 = 12 maanden en 15 dagen."
    return _udfs.RI_WGA_DUUR(jaren_voor_2016, jaren_vanaf_2016)


@func
@arg(
    "jaarloon",
    ndim=2,
    err_to_str=True,
    doc="SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing",
)
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)",
)
def RI_WIA_DAGLOON(jaarloon, peildatum):
    "WIA-dagloon: jaarloon ÷ 261, begrensd op het maximumdagloon (WIA art. 13)."
    return _udfs.RI_WIA_DAGLOON(jaarloon, peildatum)


@func
@arg(
    "jaarloon",
    ndim=2,
    err_to_str=True,
    doc="SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing",
)
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)",
)
def RI_WIA_MAANDLOON(jaarloon, peildatum):
    "WIA-maandloon: het begrensde dagloon × 21,75 (WIA art. 13 lid 4)."
    return _udfs.RI_WIA_MAANDLOON(jaarloon, peildatum)


@func
@arg(
    "jaarloon",
    ndim=2,
    err_to_str=True,
    doc="SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing",
)
@arg(
    "ao_percentage",
    ndim=2,
    err_to_str=True,
    doc="Arbeidsongeschiktheidspercentage volgens het UWV: 50, 0,5 of 50% (1 = 100%)",
)
@arg(
    "restverdiencapaciteit",
    ndim=2,
    err_to_str=True,
    doc="Resterende verdiencapaciteit per maand volgens het UWV",
)
@arg("inkomen", ndim=2, err_to_str=True, doc="Inkomen uit werk per maand (bruto)")
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)",
)
@arg(
    "duurzaam",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de arbeidsongeschiktheid volledig en duurzaam is (IVA); leeg = ONWAAR",
)
@arg(
    "lgu_maanden",
    ndim=2,
    err_to_str=True,
    doc="Maanden loongerelateerde WGA-uitkering (zie RI_WGA_DUUR; 12,5 = 12 maanden en 15 dagen); leeg = 0 (referte-eis niet gehaald)",
)
def RI_WIA_OVERZICHT(
    jaarloon,
    ao_percentage,
    restverdiencapaciteit,
    inkomen,
    peildatum,
    duurzaam=None,
    lgu_maanden=None,
):
    "Tabel van de WIA-uitkering per periode: uitkering · van_maand · tot_maand (leeg = daarna doorlopend) · bedrag_per_maand · grond. Eén tabel voor één werknemer: anders dan de andere functies rekent RI_WIA_OVERZICHT niet per rij van een kolom; gebruik één formule per werknemer."
    return _udfs.RI_WIA_OVERZICHT(
        jaarloon, ao_percentage, restverdiencapaciteit, inkomen, peildatum, duurzaam, lgu_maanden
    )


@func
@arg(
    "jaarloon",
    ndim=2,
    err_to_str=True,
    doc="SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing",
)
@arg(
    "ao_percentage",
    ndim=2,
    err_to_str=True,
    doc="Arbeidsongeschiktheidspercentage volgens het UWV: 50, 0,5 of 50% (1 = 100%)",
)
@arg(
    "restverdiencapaciteit",
    ndim=2,
    err_to_str=True,
    doc="Resterende verdiencapaciteit per maand volgens het UWV",
)
@arg("inkomen", ndim=2, err_to_str=True, doc="Inkomen uit werk per maand (bruto)")
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)",
)
@arg(
    "duurzaam",
    ndim=2,
    err_to_str=True,
    doc="WAAR als de arbeidsongeschiktheid volledig en duurzaam is (IVA); leeg = ONWAAR",
)
@arg("maand", ndim=2, err_to_str=True, doc="Maand van de uitkering (1 = de eerste maand); leeg = 1")
@arg(
    "lgu_maanden",
    ndim=2,
    err_to_str=True,
    doc="Maanden loongerelateerde WGA-uitkering (zie RI_WGA_DUUR; 12,5 = 12 maanden en 15 dagen); leeg = 0 (referte-eis niet gehaald)",
)
def RI_WIA_UITKERING(
    jaarloon,
    ao_percentage,
    restverdiencapaciteit,
    inkomen,
    peildatum,
    duurzaam=None,
    maand=None,
    lgu_maanden=None,
):
    "WIA-uitkering bruto per maand in maand `maand` van de uitkering: IVA, WGA loongerelateerd, loonaanvulling of vervolguitkering; 0 onder 35 %."
    return _udfs.RI_WIA_UITKERING(
        jaarloon,
        ao_percentage,
        restverdiencapaciteit,
        inkomen,
        peildatum,
        duurzaam,
        maand,
        lgu_maanden,
    )


@func
@arg(
    "ziekte",
    ndim=2,
    err_to_str=True,
    doc="Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg("peildatum", ndim=2, err_to_str=True, doc="Telt de ziektedagen tot en met deze datum")
def RI_ZIEKTEDAGEN(ziekte, peildatum):
    "Getelde ziektedagen van het ziektegeval dat op de peildatum loopt, t/m de peildatum."
    return _udfs.RI_ZIEKTEDAGEN(ziekte, peildatum)


@func
@arg(
    "ziekteperioden",
    ndim=2,
    err_to_str=True,
    doc="Bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'",
)
@arg(
    "peildatum",
    ndim=2,
    err_to_str=True,
    doc="Telt ziektedagen van een lopend geval tot en met deze datum (leeg: 'lopend')",
)
def RI_ZIEKTEGEVALLEN(ziekteperioden, peildatum=None):
    "Tabel van de ziektegevallen: eerste_ziektedag · laatste_ziektedag · ziektedagen · perioden."
    return _udfs.RI_ZIEKTEGEVALLEN(ziekteperioden, peildatum)
