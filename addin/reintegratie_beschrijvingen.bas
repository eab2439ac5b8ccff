Attribute VB_Name = "ri_beschrijvingen"
'Gegenereerd door addin/tools/gen_vba.py uit reintegratie_addin.udfs - niet met de hand bewerken.
Option Explicit

Sub RI_Beschrijvingen()
    ' Zet per RI_-functie de uitleg, de categorie en de hulp bij elk argument in de
    ' functiewizard, zoals xlwings' Import Functions dat doet. Eenmalig uitvoeren in de
    ' invoegtoepassing terwijl IsAddin = False, daarna de invoegtoepassing opslaan.
    Dim boek As String
    boek = "'" & ThisWorkbook.Name & "'!"
    Application.MacroOptions Macro:=boek & "RI_BUDGET_RESTANT", _
        Description:="Tabel budget · eerste_ziektedag · laatste_ziektedag · plafond · vergoed · restant · declaraties: het budget dat per ziektegeval over is. Eén rij per ziektegeval van het re-integratiebudget (003 art. 2.6.1: minder dan vier weken tussen twee ziekteperiodes ", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Product met preventie- en re-integratiebudget: zeeuwse-prb", _
            "Bereik met per rij: datum · soort_budget (preventie of reintegratie) · bedrag (gedeclareerd, excl. btw); leeg = nog geen declaraties", _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof' (verlof overbrugt hier niet)", _
            "WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft (verdubbelt het budget); leeg = ONWAAR")
    Application.MacroOptions Macro:=boek & "RI_CASCADE", _
        Description:="Tabel module · einddatum · grond van elke module die eindigt (de eerste inbegrepen).", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Code van de module die eindigt", _
            "Einddatum van de module (alle gekoppelde modules eindigen per gelijke datum)", _
            "Reden van beëindiging (leeg = elke reden die de module toestaat): opzegging_werkgever, einde_gekoppelde_module, fraude, wanbetaling, onjuiste_informatie, opzegging_uitvoerder, niet_nakomen_verplichtingen, overstap_arbodienst", _
            "Optioneel: kolom met de modulecodes die de polis heeft (leeg = alle modules)")
    Application.MacroOptions Macro:=boek & "RI_CONTRACTVERVALDATUM", _
        Description:="Eerste contractvervaldatum van de module (gelijk aan die van de basismodule).", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Code van de module", _
            "Ingangsdatum van de module", _
            "Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst", _
            "Contracttermijn van de basismodule in maanden (leeg = die van het product, 12)")
    Application.MacroOptions Macro:=boek & "RI_DERDEN_TERUGBETALING", _
        Description:="Bedrag dat de werkgever terugbetaalt nadat re-integratiekosten op een derde zijn verhaald.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "De als voorschot ontvangen vergoeding", _
            "De re-integratiekosten", _
            "Het op de aansprakelijke derde verhaalde bedrag")
    Application.MacroOptions Macro:=boek & "RI_DOORLOPENDE_BEGELEIDING", _
        Description:="WAAR als begeleiding/budget op de peildatum nog doorloopt na het einde van de module.", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Laatste dag van de module (t/m)", _
            "Datum waarop u het wilt weten", _
            "Reden waarom de verzekering eindigde (leeg = opzegging_werkgever; bij zeeuwse-prb de reden van de verzuimverzekering, 003 art. 1.5.3, of van prb zelf als alleen prb eindigde, 003 art. 3.2; een geëindigd arbocontract telt niet): opzegging_werkgever, einde_", _
            "Eerste dag volledig hersteld (sluit een lopende ziekteperiode af)", _
            "Weken loonsanctie opgelegd door UWV (0–52, leeg = 0): de begeleiding loopt door tot het einde van de verlengde loondoorbetaling")
    Application.MacroOptions Macro:=boek & "RI_EINDIGT_MEE", _
        Description:="WAAR als `module` eindigt doordat `beeindigde_module` eindigt (om deze reden).", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Code van de module waarvan u wilt weten of ze meeeindigt", _
            "Code van de module die eindigt", _
            "Reden van beëindiging (leeg = elke reden die de module toestaat): opzegging_werkgever, einde_gekoppelde_module, fraude, wanbetaling, onjuiste_informatie, opzegging_uitvoerder, niet_nakomen_verplichtingen, overstap_arbodienst")
    Application.MacroOptions Macro:=boek & "RI_GEVOLGEN", _
        Description:="Tabel gevolg · vanaf · grond van de gevolgen van het einde van een module.", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Code van de module die eindigt", _
            "Einddatum van de module", _
            "Reden van beëindiging (leeg = elke reden die de module toestaat): opzegging_werkgever, einde_gekoppelde_module, fraude, wanbetaling, onjuiste_informatie, opzegging_uitvoerder, niet_nakomen_verplichtingen, overstap_arbodienst")
    Application.MacroOptions Macro:=boek & "RI_INTERVENTIEVERGOEDING", _
        Description:="Volledige kosten van een interventie (100 %), of 0 als een voorwaarde ontbreekt.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Product: asr-reintegratiemanager of mkb-verzuim-ontzorg (100 % interventievergoeding)", _
            "Kosten van de interventie, excl. btw", _
            "Eerste ziektedag, of bereik met ziekteperioden (het laatste ziektegeval telt, met zijn eerste ziektedag)", _
            "Ingangsdatum van de module (of verzekering)", _
            "WAAR als bedrijfsarts of casemanager de interventie noodzakelijk vindt; leeg = WAAR", _
            "WAAR als de kosten niet bovenmatig zijn t.o.v. de resterende loondoorbetaling (hulp: RI_RESTERENDE_LOONKOSTEN); leeg = WAAR", _
            "Soort kosten: rie, pmo, pago, keuring, cursus_preventiemedewerker, medische_behandeling, reiskosten, annulering; 0 als de voorwaarden van het product die soort uitsluiten (mkb-verzuim-ontzorg: de lijst van 002; asr-reintegratiemanager: geen); leeg = gewon")
    Application.MacroOptions Macro:=boek & "RI_KBA_BIJDRAGE", _
        Description:="Extra bijdrage boven het re-integratiebudget op grond van een kosten-batenanalyse.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Kosten van de re-integratieactiviteit, excl. btw", _
            "Wat binnen het re-integratiebudget is vergoed", _
            "Verwachte schadelast van de verzekeraar zonder de activiteit", _
            "Verwachte schadelast van de verzekeraar met de activiteit (zonder de kosten ervan)")
    Application.MacroOptions Macro:=boek & "RI_LOONDOORBETALING", _
        Description:="Wettelijke loondoorbetaling bij ziekte per maand (BW 7:629): 70 % van het maandloon tot de loongrens, in week 1–52 ten minste het minimumloon; exclusief vakantiebijslag.", _
        Category:="Re-integratie – Financiële gevolgen", _
        ArgumentDescriptions:=Array( _
            "Overeengekomen maandloon exclusief vakantiebijslag", _
            "Ziekteweek (1 = de eerste week)", _
            "Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)", _
            "Contracturen per week, voor de minimumloonvloer in week 1–52; leeg = geen vloer")
    Application.MacroOptions Macro:=boek & "RI_LOONSANCTIE_VERGOEDING", _
        Description:="Vergoeding van een UWV-loonsanctie onder de poortwachtergarantie.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Weekloon van de werknemer (zie RI_WEEKLOON)", _
            "Weken loonsanctie opgelegd door het UWV (1–52)", _
            "Dekkingspercentage, of het cao-percentage: 0,7, 70% of 70; leeg = 70%", _
            "Werkgeverslasten bovenop het loon: 0,25, 25% of 25; leeg = 25%", _
            "Vooraf goedgekeurde re-integratiekosten tijdens de loonsanctie; leeg = 0", _
            "WAAR als aan alle voorwaarden van het artikel is voldaan; leeg = WAAR", _
            "WAAR als de poortwachtergarantie van de arbodienst deze loonsanctie al helemaal vergoedt, of het bedrag dat zij ervan vergoedde (gaat eraf: maar één keer); 1 en 0 (ook als tekst) zijn WAAR en ONWAAR; leeg = ONWAAR")
    Application.MacroOptions Macro:=boek & "RI_LOONSANCTIE_VOORWAARDEN", _
        Description:="Tabel voorwaarde · status · artikel · grond: de negen voorwaarden van 003 art. 2.7.3 voor de vergoeding van een loonsanctie. Elke voorwaarde is ``voldaan`` of ``niet voldaan``. De melding binnen vijf werkdagen volgt uit de datum van het besluit (zoals RI_", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Product met de poortwachtergarantie van 003 art. 2.7: zeeuwse-prb", _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Datum van het loonsanctiebesluit van het UWV", _
            "Datum waarop u de loonsanctie bij ons meldde; leeg = nog niet gemeld", _
            "Datum vanaf wanneer de arbodienst de verzuimbegeleiding uitvoerde (ingangsdatum van het arbocontract)", _
            "Laatste dag van de begeleiding door de arbodienst; leeg = loopt nog", _
            "Bereik met per rij: datum · gebeurtenis · werknemer (zoals bij RI_STATUS), bijv. garantie_ingetrokken of advies_niet_opgevolgd; leeg = geen", _
            "Werknemer voor wie de loonsanctie geldt (voor de gebeurtenissen per werknemer)", _
            "WAAR als de adviezen en instructies van de arbodienst volledig, tijdig en juist zijn opgevolgd; leeg = niet opgegeven (aangenomen voldaan)", _
            "WAAR als u geen eigen acties of communicatie over de loonsanctie ondernam die het ongedaan maken in de weg kunnen staan; leeg = niet opgegeven (aangenomen voldaan)", _
            "WAAR als u ons en de arbodienst machtigde om de loonsanctie ongedaan te maken; leeg = niet opgegeven (aangenomen voldaan)", _
            "WAAR als u alle informatie gaf en meewerkt aan bezwaar en (hoger) beroep; leeg = niet opgegeven (aangenomen voldaan)", _
            "WAAR als de verbeterpunten van het UWV zo snel mogelijk zijn opgevolgd en gemeld; leeg = niet opgegeven (aangenomen voldaan)", _
            "WAAR als u het loon vrijwillig langer doorbetaalt (dan is niet voldaan); leeg = niet opgegeven (aangenomen voldaan)")
    Application.MacroOptions Macro:=boek & "RI_MIJLPAAL", _
        Description:="Datum van een Poortwachter-mijlpaal van het (laatste) ziektegeval, of n.v.t.", _
        Category:="Re-integratie – Poortwachter", _
        ArgumentDescriptions:=Array( _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Mijlpaal: ontzorgmanager, probleemanalyse, plan_van_aanpak (pva), ziekmelding_uwv (42e week), eerstejaarsevaluatie, uwv_wia_brief, reintegratieverslag, wia_aanvraag, einde_loondoorbetaling, start_wia", _
            "Datum van de probleemanalyse, indien bekend (leeg = einde week 6 aangenomen)", _
            "Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)")
    Application.MacroOptions Macro:=boek & "RI_MODULES", _
        Description:="Tabel module · naam · bron van de modules van een product.", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb")
    Application.MacroOptions Macro:=boek & "RI_PREVENTIEBUDGET", _
        Description:="Vergoeding uit het preventiebudget (€ 500, met WGA/WIA € 1.000) per dreigend ziektegeval.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Kosten van de preventieactiviteit, excl. btw", _
            "WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft (verdubbelt het budget); leeg = ONWAAR", _
            "Al vergoed uit het preventiebudget voor dit dreigende ziektegeval; leeg = 0", _
            "WAAR als aan alle voorwaarden van het artikel is voldaan; leeg = WAAR", _
            "WAAR als de arbeidsovereenkomst eindigde vóór de start van de activiteit; leeg = ONWAAR", _
            "Uitgesloten soort kosten (art. 2.5.4): medische_behandeling, elders_vergoed, reiskosten, annulering; leeg = niet uitgesloten")
    Application.MacroOptions Macro:=boek & "RI_PRODUCTEN", _
        Description:="Tabel product · naam · bron van de ingebouwde producten.", _
        Category:="Re-integratie – Producten"
    Application.MacroOptions Macro:=boek & "RI_RECHT_OP_DIENSTVERLENING", _
        Description:="WAAR als het ziektegeval onder de module valt (eerste ziektedag van het geval op of na de ingangsdatum).", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof' (het laatste ziektegeval telt)", _
            "Ingangsdatum van de module (bij zeeuwse-prb: van de verzuimverzekering)")
    Application.MacroOptions Macro:=boek & "RI_REINTEGRATIEBUDGET", _
        Description:="Vergoeding uit het re-integratiebudget (€ 4.000, met WGA/WIA € 8.000) per ziektegeval.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Kosten van de re-integratieactiviteit, excl. btw", _
            "WAAR als de werkgever ook een WGA-eigenrisicoverzekering of WIA 0-tot-100 Plan heeft (verdubbelt het budget); leeg = ONWAAR", _
            "Al vergoed uit het re-integratiebudget in dit ziektegeval; leeg = 0", _
            "Toegekende subsidie of wettelijke vergoeding voor deze kosten; leeg = 0", _
            "WAAR als aan de voorwaarden van art. 2.6.2 is voldaan (doel herstel arbeidsvermogen, voorstel bedrijfsarts of arbeidsdeskundige); leeg = WAAR", _
            "Uitgesloten soort kosten (art. 2.6.5): medische_behandeling, elders_vergoed, reiskosten, annulering; leeg = niet uitgesloten", _
            "WAAR als de arbeidsovereenkomst eindigde en de werkgever geen wettelijke re-integratieverplichting meer heeft (art. 2.6.2, 1.5.3); leeg = ONWAAR")
    Application.MacroOptions Macro:=boek & "RI_RESTERENDE_LOONKOSTEN", _
        Description:="Resterende weken loondoorbetaling × weekloon × percentage: hulp bij 'niet bovenmatig'; sanctieweken verlengen de loondoorbetaling, zoals in RI_RESTERENDE_WEKEN.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Weekloon van de werknemer (zie RI_WEEKLOON)", _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Datum vanaf waar de resterende loondoorbetaling telt", _
            "Percentage loondoorbetaling: 0,7, 70% of 70; leeg = 70%", _
            "Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)")
    Application.MacroOptions Macro:=boek & "RI_RESTERENDE_WEKEN", _
        Description:="Weken loondoorbetaling die na de peildatum resteren: ongebruikte ziekteweken van de 104 plus sanctieweken (2 decimalen, 0 t/m 104 + sanctieweken).", _
        Category:="Re-integratie – Poortwachter", _
        ArgumentDescriptions:=Array( _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Datum waarop u de stand wilt weten", _
            "Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)")
    Application.MacroOptions Macro:=boek & "RI_SEPA_REKENING", _
        Description:="WAAR voor een geldig IBAN binnen het SEPA-gebied; ONWAAR voor elk ander rekeningnummer.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "IBAN (spaties toegestaan)")
    Application.MacroOptions Macro:=boek & "RI_SIGNAAL", _
        Description:="Signaal voor de eerstvolgende mijlpaal binnen de horizon, of lege tekst; sanctieweken verlengen de loondoorbetaling (einde_loondoorbetaling, start_wia), zoals in de werklijst.", _
        Category:="Re-integratie – Poortwachter", _
        ArgumentDescriptions:=Array( _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Vanaf deze datum wordt de eerstvolgende mijlpaal gezocht", _
            "Signaleer een mijlpaal binnen zoveel dagen (leeg = 14)", _
            "Datum van de probleemanalyse, indien bekend (leeg = einde week 6 aangenomen)", _
            "Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)")
    Application.MacroOptions Macro:=boek & "RI_STATUS", _
        Description:="Status van een aanspraak op de peildatum: actief, geschorst, vervallen of beeindigd.", _
        Category:="Re-integratie – Aanspraken", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Aanspraak: dienstverlening, vergoeding of poortwachtergarantie", _
            "Bereik met per rij: datum · gebeurtenis · werknemer (leeg = hele polis); gebeurtenissen: schorsing, betaling, beeindiging, informatie_niet_verstrekt, informatie_verstrekt, niet_meegewerkt_interventie, advies_niet_opgevolgd, ziekmelding_te_laat, begeleidin", _
            "Datum waarop u de status wilt weten (gebeurtenissen op die datum tellen mee)", _
            "Werknemer (leeg = de status op polisniveau)")
    Application.MacroOptions Macro:=boek & "RI_STATUS_TABEL", _
        Description:="Tabel aanspraak · status · sinds · grond van alle aanspraken van het product op de peildatum.", _
        Category:="Re-integratie – Aanspraken", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Bereik met per rij: datum · gebeurtenis · werknemer (leeg = hele polis); gebeurtenissen: schorsing, betaling, beeindiging, informatie_niet_verstrekt, informatie_verstrekt, niet_meegewerkt_interventie, advies_niet_opgevolgd, ziekmelding_te_laat, begeleidin", _
            "Datum waarop u de status wilt weten (gebeurtenissen op die datum tellen mee)", _
            "Werknemer (leeg = de status op polisniveau)")
    Application.MacroOptions Macro:=boek & "RI_TARIEF_PRORATA", _
        Description:="Tarief voor de dagen in dienst binnen het contractjaar (pro rata).", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Vast tarief per medewerker per contractjaar", _
            "Eerste dag van het contractjaar", _
            "Eerste dag in dienst", _
            "Laatste dag in dienst; leeg = na het contractjaar nog in dienst")
    Application.MacroOptions Macro:=boek & "RI_TELT_MEE_VOOR_PREMIE", _
        Description:="WAAR als de vergoeding meetelt voor de premie: betaald in het premiejaar of de drie jaren ervoor. Het premiejaar is het jaar waarin de verzekeraar het premiepercentage opnieuw vaststelt; vergoedingen uit dat jaar en de drie jaren ervoor tellen mee (premie", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Datum waarop de vergoeding is betaald", _
            "Het jaar waarin het premiepercentage opnieuw wordt vastgesteld (het 'lopende jaar' van art. 2.5.3/2.6.3)")
    Application.MacroOptions Macro:=boek & "RI_TERUGVALPREVENTIE", _
        Description:="Contactdatum voor terugvalpreventie (6 maanden na herstel bij > 3 maanden ziek), of n.v.t.", _
        Category:="Re-integratie – Poortwachter", _
        ArgumentDescriptions:=Array( _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'; telt vanaf de eerste ziektedag van het geval", _
            "Eerste dag volledig hersteld")
    Application.MacroOptions Macro:=boek & "RI_TIJDLIJN", _
        Description:="Tabel mijlpaal · datum · grond van alle mijlpalen van het ziektegeval, op datum.", _
        Category:="Re-integratie – Poortwachter", _
        ArgumentDescriptions:=Array( _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Datum van de probleemanalyse, indien bekend (leeg = einde week 6 aangenomen)", _
            "Weken loonsanctie opgelegd door UWV (0–52, leeg = 0)")
    Application.MacroOptions Macro:=boek & "RI_UITERSTE_BETALING", _
        Description:="Uiterste betaaldatum van de verzekeraar: een maand na de declaratie.", _
        Category:="Re-integratie – Termijnen", _
        ArgumentDescriptions:=Array( _
            "Datum van de declaratie")
    Application.MacroOptions Macro:=boek & "RI_UITERSTE_DECLARATIE", _
        Description:="Uiterste declaratiedatum: een maand na ontvangst van de nota.", _
        Category:="Re-integratie – Termijnen", _
        ArgumentDescriptions:=Array( _
            "Datum waarop de nota is ontvangen")
    Application.MacroOptions Macro:=boek & "RI_UITERSTE_MELDING_SANCTIE", _
        Description:="Uiterste datum om een loonsanctie te melden: vijf werkdagen na het UWV-besluit.", _
        Category:="Re-integratie – Termijnen", _
        ArgumentDescriptions:=Array( _
            "Datum van het loonsanctiebesluit van UWV")
    Application.MacroOptions Macro:=boek & "RI_UITERSTE_PLAN_VAN_AANPAK", _
        Description:="Uiterste datum voor het plan van aanpak: 14 dagen na de probleemanalyse.", _
        Category:="Re-integratie – Termijnen", _
        ArgumentDescriptions:=Array( _
            "Datum van de probleemanalyse")
    Application.MacroOptions Macro:=boek & "RI_UITERSTE_ZIEKMELDING", _
        Description:="Uiterste datum om de werknemer ziek te melden: de laatste dag van de eerste ziekteweek.", _
        Category:="Re-integratie – Termijnen", _
        ArgumentDescriptions:=Array( _
            "Eerste ziektedag van de ziekteperiode die u meldt")
    Application.MacroOptions Macro:=boek & "RI_UITLEG", _
        Description:="Uitleg in tekst: de uitkomst van een RI_-functie met deze argumenten, elke toegepaste regel met zijn artikel en de gebruikte parameterwaarden. RI_UITLEG en RI_VERSIE zelf hebben geen uitleg.", _
        Category:="Re-integratie", _
        ArgumentDescriptions:=Array( _
            "Naam van de RI_-functie, bijv. ""RI_MIJLPAAL""", _
            "De argumenten van die functie, in dezelfde volgorde")
    Application.MacroOptions Macro:=boek & "RI_VERSIE", _
        Description:="Versie van de bibliotheek en van de productcatalogus.", _
        Category:="Re-integratie"
    Application.MacroOptions Macro:=boek & "RI_VROEGSTE_OPZEGDATUM", _
        Description:="Vroegste datum waarop de opzegging door de werkgever ingaat.", _
        Category:="Re-integratie – Producten", _
        ArgumentDescriptions:=Array( _
            "Productcode: asr-reintegratie, asr-reintegratiemanager, mkb-verzuim-ontzorg, zeeuwse-prb", _
            "Code van de module die de werkgever opzegt", _
            "Ingangsdatum van de module", _
            "Een (willekeurige) contractvervaldatum van de basismodule, verleden of toekomst", _
            "Datum waarop de opzegging is ontvangen", _
            "Contracttermijn van de basismodule in maanden (leeg = die van het product, 12)")
    Application.MacroOptions Macro:=boek & "RI_WEEKLOON", _
        Description:="Weekloon uit een jaar-, maand-, 4-weken-, week- of dagloon.", _
        Category:="Re-integratie – Vergoedingen", _
        ArgumentDescriptions:=Array( _
            "Loon over de periode", _
            "Periode: jaar, maand, 4 weken, week of dag")
    Application.MacroOptions Macro:=boek & "RI_WERKDAG", _
        Description:="Datum plus een aantal Nederlandse werkdagen (Atw-feestdagen en gelijkgestelde dagen ingebouwd), zoals WERKDAG.", _
        Category:="Re-integratie – Termijnen", _
        ArgumentDescriptions:=Array( _
            "Begindatum", _
            "Aantal werkdagen (negatief telt terug)")
    Application.MacroOptions Macro:=boek & "RI_WGA_DUUR", _
        Description:="Duur van de loongerelateerde WGA-uitkering in maanden (WIA art. 59): 3 tot 24; 12,5 = 12 maanden en 15 dagen.", _
        Category:="Re-integratie – Financiële gevolgen", _
        ArgumentDescriptions:=Array( _
            "Hele jaren arbeidsverleden tot en met 2015", _
            "Hele jaren arbeidsverleden vanaf 2016")
    Application.MacroOptions Macro:=boek & "RI_WIA_DAGLOON", _
        Description:="WIA-dagloon: jaarloon ÷ 261, begrensd op het maximumdagloon (WIA art. 13).", _
        Category:="Re-integratie – Financiële gevolgen", _
        ArgumentDescriptions:=Array( _
            "SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing", _
            "Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)")
    Application.MacroOptions Macro:=boek & "RI_WIA_MAANDLOON", _
        Description:="WIA-maandloon: het begrensde dagloon × 21,75 (WIA art. 13 lid 4).", _
        Category:="Re-integratie – Financiële gevolgen", _
        ArgumentDescriptions:=Array( _
            "SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing", _
            "Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)")
    Application.MacroOptions Macro:=boek & "RI_WIA_OVERZICHT", _
        Description:="Tabel van de WIA-uitkering per periode: uitkering · van_maand · tot_maand (leeg = daarna doorlopend) · bedrag_per_maand · grond. Eén tabel voor één werknemer: anders dan de andere functies rekent RI_WIA_OVERZICHT niet per rij van een kolom; gebruik één fo", _
        Category:="Re-integratie – Financiële gevolgen", _
        ArgumentDescriptions:=Array( _
            "SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing", _
            "Arbeidsongeschiktheidspercentage volgens het UWV: 50, 0,5 of 50% (1 = 100%)", _
            "Resterende verdiencapaciteit per maand volgens het UWV", _
            "Inkomen uit werk per maand (bruto)", _
            "Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)", _
            "WAAR als de arbeidsongeschiktheid volledig en duurzaam is (IVA); leeg = ONWAAR", _
            "Maanden loongerelateerde WGA-uitkering (zie RI_WGA_DUUR; 12,5 = 12 maanden en 15 dagen); leeg = 0 (referte-eis niet gehaald)")
    Application.MacroOptions Macro:=boek & "RI_WIA_UITKERING", _
        Description:="WIA-uitkering bruto per maand in maand `maand` van de uitkering: IVA, WGA loongerelateerd, loonaanvulling of vervolguitkering; 0 onder 35 %.", _
        Category:="Re-integratie – Financiële gevolgen", _
        ArgumentDescriptions:=Array( _
            "SV-loon van het referentiejaar inclusief vakantiebijslag, zoals op de UWV-beslissing", _
            "Arbeidsongeschiktheidspercentage volgens het UWV: 50, 0,5 of 50% (1 = 100%)", _
            "Resterende verdiencapaciteit per maand volgens het UWV", _
            "Inkomen uit werk per maand (bruto)", _
            "Datum waarvan het maximumdagloon en minimumloon gelden (bijv. de eerste dag van de maand)", _
            "WAAR als de arbeidsongeschiktheid volledig en duurzaam is (IVA); leeg = ONWAAR", _
            "Maand van de uitkering (1 = de eerste maand); leeg = 1", _
            "Maanden loongerelateerde WGA-uitkering (zie RI_WGA_DUUR; 12,5 = 12 maanden en 15 dagen); leeg = 0 (referte-eis niet gehaald)")
    Application.MacroOptions Macro:=boek & "RI_ZIEKTEDAGEN", _
        Description:="Getelde ziektedagen van het ziektegeval dat op de peildatum loopt, t/m de peildatum.", _
        Category:="Re-integratie – Poortwachter", _
        ArgumentDescriptions:=Array( _
            "Eerste ziektedag, of bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Telt de ziektedagen tot en met deze datum")
    Application.MacroOptions Macro:=boek & "RI_ZIEKTEGEVALLEN", _
        Description:="Tabel van de ziektegevallen: eerste_ziektedag · laatste_ziektedag · ziektedagen · perioden.", _
        Category:="Re-integratie – Poortwachter", _
        ArgumentDescriptions:=Array( _
            "Bereik met ziekteperioden: eerste dag · laatste dag (leeg = lopend) · optioneel 'verlof'", _
            "Telt ziektedagen van een lopend geval tot en met deze datum (leeg: 'lopend')")
End Sub
