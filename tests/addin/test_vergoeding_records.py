"""The compensation functions decide once into a record and explain from it (issue 11).

The explanations below were recorded from the implementation that built its grounds
eagerly, before the rules returned decision records: ``RI_UITLEG`` must still show them
word for word. A lifted column reads only ``.value``: no ground is built on that path.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from reintegratie_addin import udfs
from reintegratie_core.compensation import _budgets as budgets
from reintegratie_core.compensation import _common
from reintegratie_core.compensation import _fees as fees
from reintegratie_core.compensation import _interventions as interventions
from reintegratie_core.compensation import _sanction as sanction

GOLDEN = [
    (
        "RI_PREVENTIEBUDGET",
        (700.0, True, 200.0),
        "RI_PREVENTIEBUDGET = € 700,00\n- vergoed = min(kosten, preventiebudget − al vergoed), niet onder 0 (De Zeeuwse Preventie en re-integratie art. 2.5.1) [kosten = € 700,00, met_wga_of_wia = ja, preventiebudget_met_wga_of_wia = € 1.000,00, al_vergoed = € 200,00]",
    ),
    (
        "RI_PREVENTIEBUDGET",
        (700.0, None, None, False, True, "reis"),
        "RI_PREVENTIEBUDGET = € 0,00\n- niet aan alle voorwaarden van art. 2.5.2 is voldaan (opgegeven) (De Zeeuwse Preventie en re-integratie art. 2.5.2) [voorwaarden_voldaan = nee]\n- de arbeidsovereenkomst eindigde voordat de preventieactiviteit startte: geen vergoeding (De Zeeuwse Preventie en re-integratie art. 2.5.2) [dienstverband_eerder_beeindigd = ja]\n- wordt niet vergoed: reiskosten van de werknemer naar de locatie van de activiteit (De Zeeuwse Preventie en re-integratie art. 2.5.4) [soort = reiskosten]",
    ),
    (
        "RI_REINTEGRATIEBUDGET",
        (3000.5, True, 3500.0, 100.0, None, None, True),
        "RI_REINTEGRATIEBUDGET = € 0,00\n- arbeidsovereenkomst geëindigd en geen wettelijke re-integratieverplichting: geen vergoeding (De Zeeuwse Preventie en re-integratie art. 2.6.2) [dienstverband_beeindigd = ja, wettelijke_reintegratieverplichting = nee]",
    ),
    (
        "RI_REINTEGRATIEBUDGET",
        (3000.5, None, None, None, False, "reis", False),
        "RI_REINTEGRATIEBUDGET = € 0,00\n- niet aan alle voorwaarden van art. 2.6.2 is voldaan (opgegeven) (De Zeeuwse Preventie en re-integratie art. 2.6.2) [voorwaarden_voldaan = nee]\n- wordt niet vergoed: reiskosten van de werknemer naar de locatie van de activiteit (De Zeeuwse Preventie en re-integratie art. 2.6.5) [soort = reiskosten]",
    ),
    (
        "RI_REINTEGRATIEBUDGET",
        (3000.5, None, None, None, True, None, False),
        "RI_REINTEGRATIEBUDGET = € 3.000,50\n- binnen budget = min(kosten, re-integratiebudget per ziektegeval − al vergoed in dit ziektegeval), niet onder 0 (De Zeeuwse Preventie en re-integratie art. 2.6.1) [kosten = € 3.000,50, met_wga_of_wia = nee, reintegratiebudget = € 4.000,00, al_vergoed_in_ziektegeval = € 0,00]",
    ),
    (
        "RI_KBA_BIJDRAGE",
        (12000.5, 4000.0, 90000.0, 50000.0),
        "RI_KBA_BIJDRAGE = € 8.000,50\n- extra = max(0, min(kosten − vergoed binnen budget, schadelast zonder − schadelast met − vergoed binnen budget)) (De Zeeuwse Preventie en re-integratie art. 2.6.1) [kosten = € 12.000,50, vergoed_binnen_budget = € 4.000,00, schadelast_zonder = € 90.000,00, schadelast_met = € 50.000,00]",
    ),
    (
        "RI_DERDEN_TERUGBETALING",
        (3000.0, 2500.0, 1000.0),
        "RI_DERDEN_TERUGBETALING = € 1.500,00\n- de vergoeding is een voorschot; definitief = max(0, min(voorschot, kosten − verhaald)); terug te betalen = voorschot − definitief (De Zeeuwse Preventie en re-integratie art. 2.6.4) [voorschot = € 3.000,00, kosten = € 2.500,00, verhaald = € 1.000,00, definitief = € 1.500,00, terug_te_betalen = € 1.500,00]",
    ),
    (
        "RI_INTERVENTIEVERGOEDING",
        (
            "mkb-verzuim-ontzorg",
            1234.56,
            [
                [datetime.datetime(2025, 1, 1, 0, 0), datetime.datetime(2025, 1, 10, 0, 0)],
                [datetime.datetime(2025, 1, 20, 0, 0), None],
            ],
            datetime.datetime(2020, 1, 1, 0, 0),
            None,
            None,
            "reiskosten",
        ),
        "RI_INTERVENTIEVERGOEDING = € 1.234,56\n- ziekteperioden met een onderbreking van minder dan 28 dagen vormen één ziektegeval; alleen ziektedagen tellen (BW art. 7:629 lid 10) [onderbreking_samentelling_dagen = 28 dagen, eerste_ziektedag = 01-01-2025, perioden = 2]\n- de bedrijfsarts of de Ontzorgmanager vindt de interventie noodzakelijk, de kosten zijn niet bovenmatig en de medewerker werd ziek op of na de ingangsdatum: vergoed = kosten × interventievergoeding (De Amersfoortse Ontzorgmanager art. 3.3; a.s.r. MKB Verzuim-ontzorg «Interventiekostenvergoeding» en «Wat is een interventie?»; De Amersfoortse Ontzorgmanager art. 3.2) [product = mkb-verzuim-ontzorg, kosten = € 1.234,56, interventievergoeding = 100 %, eerste_ziektedag = 01-01-2025, ingangsdatum_module = 01-01-2020]\n- de soort reiskosten is in de voorwaarden van mkb-verzuim-ontzorg niet uitgesloten (uitgesloten: rie, pmo, pago, keuring, cursus_preventiemedewerker); uitgesloten soorten per product volgen uit de eigen tekst (a.s.r. MKB Verzuim-ontzorg «Wat wordt niet vergoed?»; beslissing domein §8.1) [soort = reiskosten]",
    ),
    (
        "RI_INTERVENTIEVERGOEDING",
        (
            "mkb-verzuim-ontzorg",
            1234.56,
            datetime.datetime(2019, 1, 1, 0, 0),
            datetime.datetime(2020, 1, 1, 0, 0),
            False,
            False,
            "rie",
        ),
        "RI_INTERVENTIEVERGOEDING = € 0,00\n- de bedrijfsarts of de Ontzorgmanager vindt de interventie niet noodzakelijk: geen vergoeding (De Amersfoortse Ontzorgmanager art. 3.3; a.s.r. MKB Verzuim-ontzorg «Interventiekostenvergoeding» en «Wat is een interventie?») [noodzakelijk = nee]\n- de kosten zijn bovenmatig in relatie tot de resterende periode van loondoorbetaling (oordeel): geen vergoeding (De Amersfoortse Ontzorgmanager art. 3.3; a.s.r. MKB Verzuim-ontzorg «Interventiekostenvergoeding» en «Wat is een interventie?»; beslissing domein §8) [niet_bovenmatig = nee]\n- de medewerker werd arbeidsongeschikt vóór de ingangsdatum van de module: geen vergoeding (De Amersfoortse Ontzorgmanager art. 3.2; a.s.r. MKB Verzuim-ontzorg «Interventiekostenvergoeding») [eerste_ziektedag = 01-01-2019, ingangsdatum_module = 01-01-2020]\n- wordt niet vergoed: de inzet van een RI&E (risico-inventarisatie en -evaluatie) (a.s.r. MKB Verzuim-ontzorg «Wat wordt niet vergoed?») [soort = rie]",
    ),
    (
        "RI_RESTERENDE_LOONKOSTEN",
        (700.0, datetime.datetime(2025, 1, 1, 0, 0), datetime.datetime(2026, 1, 1, 0, 0), None),
        "RI_RESTERENDE_LOONKOSTEN = € 25.340,00\n- einde van week 104 (dag 728), plus 7 dagen per sanctieweek (BW art. 7:629 lid 1 en 7:629 lid 11; WIA art. 25 lid 9) [eerste_ziektedag = 01-01-2025, loondoorbetaling_weken = 104 weken, sanctieweken = 0 weken]\n- resterende loonkosten = (de nog niet gebruikte ziektedagen van de 104 weken + de sanctiedagen na de peildatum; onderbrekingen en dagen vóór de eerste ziektedag tellen niet) / 7 × weekloon × percentage (hulpmiddel bij het oordeel 'niet bovenmatig') (BW art. 7:629 lid 1) [peildatum = 01-01-2026, einde_loondoorbetaling = 29-12-2026, resterende_dagen = 362 dagen, weekloon = € 700,00, loondoorbetaling_percentage = 70 %]",
    ),
    (
        "RI_RESTERENDE_LOONKOSTEN",
        (
            700.0,
            [[datetime.datetime(2025, 1, 1, 0, 0), datetime.datetime(2025, 2, 1, 0, 0)]],
            datetime.datetime(2026, 1, 1, 0, 0),
            "100%",
        ),
        "RI_RESTERENDE_LOONKOSTEN = n.v.t.\n- einde van week 104 (dag 728), plus 7 dagen per sanctieweek (BW art. 7:629 lid 1 en 7:629 lid 11; WIA art. 25 lid 9) [eerste_ziektedag = 01-01-2025, loondoorbetaling_weken = 104 weken, sanctieweken = 0 weken]\n- een afgesloten ziektegeval dat deze mijlpaal niet bereikt: n.v.t. (beslissing domein §8.1, afgesloten ziektegeval) [laatste_ziektedag = 01-02-2025]",
    ),
    (
        "RI_LOONSANCTIE_VERGOEDING",
        (1234.56, 12.0, 0.8, None, 500.0, None, 100.0),
        "RI_LOONSANCTIE_VERGOEDING = € 15.214,72\n- vergoeding = sanctieweken × weekloon × percentage × (1 + werkgeverslasten) + vooraf goedgekeurde re-integratiekosten tijdens de loonsanctie (De Zeeuwse Preventie en re-integratie art. 2.7.2) [sanctieweken = 12 weken, weekloon = € 1.234,56, cao_percentage = 80 %, werkgeverslasten = 25 %, goedgekeurde_kosten = € 500,00]\n- werkgeverslasten over het gedekte loon: w × p × (1 + c) (beslissing domein §8)\n- een loonsanctie duurt ten hoogste het maximum aantal weken (De Zeeuwse Preventie en re-integratie art. 2.7.1) [loonsanctie_max_weken = 52 weken]\n- de poortwachtergarantie van de arbodienst vergoedde een deel van deze loonsanctie; de vergoeding vindt maar één keer plaats: vergoeding = max(0, berekende vergoeding − door de arbodienst vergoed) (De Zeeuwse Preventie en re-integratie art. 2.7) [berekend = € 15.314,72, arbodienst_vergoedt = € 100,00]",
    ),
    (
        "RI_LOONSANCTIE_VERGOEDING",
        (1234.56, 12.0, None, None, None, False, True),
        "RI_LOONSANCTIE_VERGOEDING = € 0,00\n- niet aan alle voorwaarden van art. 2.7.3 is voldaan (opgegeven) (De Zeeuwse Preventie en re-integratie art. 2.7.3) [voorwaarden_voldaan = nee]\n- de poortwachtergarantie van de arbodienst vergoedt deze loonsanctie al; de vergoeding vindt maar één keer plaats (De Zeeuwse Preventie en re-integratie art. 2.7) [arbodienst_vergoedt = ja]",
    ),
    (
        "RI_WEEKLOON",
        (1234.56, "maand"),
        "RI_WEEKLOON = € 284,90\n- weekloon = maandloon × 12 ÷ 52 (beslissing domein §6) [loon = € 1.234,56, periode = maand, maanden_per_jaar = 12 maanden, weken_per_jaar = 52 weken]",
    ),
    (
        "RI_TARIEF_PRORATA",
        (
            333.33,
            datetime.datetime(2025, 1, 1, 0, 0),
            datetime.datetime(2025, 3, 1, 0, 0),
            datetime.datetime(2025, 6, 30, 0, 0),
        ),
        "RI_TARIEF_PRORATA = € 111,41\n- u betaalt een vast tarief per medewerker per contractjaar (a.s.r. Re-integratiemanager art. 5.1; De Amersfoortse Ontzorgmanager art. 5.1) [jaartarief = € 333,33, contractjaar_maanden = 12 maanden]\n- bij tussentijdse in- of uitdiensttreding een pro rata bedrag: jaartarief × dagen in dienst binnen het contractjaar ÷ dagen in het contractjaar (a.s.r. Re-integratiemanager art. 5.2; De Amersfoortse Ontzorgmanager art. 5.2) [jaartarief = € 333,33, contractjaar_start = 01-01-2025, contractjaar_laatste_dag = 31-12-2025, contractjaar_maanden = 12 maanden, dagen_in_dienst = 122 dagen, dagen_in_contractjaar = 365 dagen]",
    ),
    (
        "RI_SEPA_REKENING",
        ("NL91 ABNA 0417 1643 01",),
        "RI_SEPA_REKENING = nee\n- geen geldig IBAN: het controlegetal van het IBAN klopt niet; betalingen alleen naar een rekening binnen het SEPA-gebied (a.s.r. Re-integratiemanager art. 3.4; De Amersfoortse Ontzorgmanager art. 3.4) [iban = NL91ABNA0417164301]",
    ),
    (
        "RI_SEPA_REKENING",
        ("EG380019000500000000263180002",),
        "RI_SEPA_REKENING = nee\n- geldig IBAN, maar het land ligt buiten het SEPA-gebied; betalingen alleen naar een rekening binnen het SEPA-gebied (a.s.r. Re-integratiemanager art. 3.4; De Amersfoortse Ontzorgmanager art. 3.4) [iban = EG380019000500000000263180002, land = EG]",
    ),
]


@pytest.mark.parametrize(("name", "args", "expected"), GOLDEN)
def test_explanation_is_unchanged(name: str, args: tuple[Any, ...], expected: str) -> None:
    """RI_UITLEG renders the same grounds, word for word, from the decision record."""
    assert udfs.RI_UITLEG(name, *args) == expected


@pytest.mark.parametrize(("name", "args", "expected"), GOLDEN)
def test_lifted_rows_are_single_calls(name: str, args: tuple[Any, ...], expected: str) -> None:
    """A lifted column gives each row the value of the single call with that row's input."""
    del expected
    first = args[0]
    # distinct rows, so rows mixed up or shifted would show
    rows = [first, first + 1.0, first * 3] if isinstance(first, float) else [first, first]
    singles = [[getattr(udfs, name)(row, *args[1:])] for row in rows]
    assert getattr(udfs, name)([[row] for row in rows], *args[1:]) == singles


def _no_grounds(*_args: object, **_kwargs: object) -> object:
    msg = "a ground was built on the value path"
    raise AssertionError(msg)


@pytest.mark.parametrize(("name", "args", "expected"), GOLDEN)
def test_value_path_builds_no_ground(
    name: str, args: tuple[Any, ...], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decide once, explain on demand: computing a column builds no Ground at all."""
    del expected
    for module in (_common, budgets, fees, interventions, sanction):
        monkeypatch.setattr(module, "Ground", _no_grounds)
    result = getattr(udfs, name)([[args[0]], [args[0]]], *args[1:])
    assert not any(isinstance(v, str) and v.startswith("#WAARDE!") for [v] in result), result
