"""The product and status functions decide once: a lifted row builds no explanation, and
RI_UITLEG renders, from the decision record, the same explanation as before the records
(issue 11: one path, explained lazily)."""

from __future__ import annotations

from datetime import datetime as dt
from typing import Any

import pytest

import reintegratie_core as core
from reintegratie_addin import udfs

#: RI_UITLEG's text per call, as the rules rendered it before their records were lean.
EXPLAINED: list[tuple[tuple[Any, ...], str]] = [
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            dt(2024, 3, 1),
            dt(2025, 1, 1),
            dt(2025, 6, 1),
            None,
            None,
            None,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = ja\n- re-integratieondersteuning en re-integratiebudget lopen door voor werknemers die ziek werden terwijl de module nog liep (eerste ziektedag uiterlijk op de einddatum, de laatste dag van de module), zolang er een wettelijke re-integratieverplichting is; ze eindigen bij volledig herstel, tenzij de werknemer binnen 4 weken weer ziek wordt; eerste ziektedag 01-03-2024 ligt op of vóór de einddatum; loopt door tot uiterlijk 26-02-2026 (De Zeeuwse Preventie en re-integratie art. 1.5.3; BW art. 7:629 lid 1 en 7:629 lid 11; WIA art. 25 lid 9) [einddatum_module = 01-01-2025, peildatum = 01-06-2025, reden = opzegging_werkgever, eerste_ziektedag = 01-03-2024, herstel_terugval_dagen = 28 dagen]",
    ),
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            dt(2024, 3, 1),
            dt(2025, 1, 1),
            dt(2025, 6, 1),
            "fraude",
            None,
            None,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = nee\n- na het einde van prb om reden fraude loopt de begeleiding niet door, ook niet voor zieke werknemers (De Zeeuwse Preventie en re-integratie art. 1.5.2 en 1.5.3) [einddatum_module = 01-01-2025, peildatum = 01-06-2025, reden = fraude]",
    ),
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            dt(2024, 3, 1),
            dt(2025, 1, 1),
            dt(2025, 6, 1),
            None,
            dt(2025, 2, 1),
            None,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = nee\n- de werknemer is volledig hersteld per 01-02-2025 en niet binnen de terugvaltermijn opnieuw ziek geworden: de doorlopende begeleiding eindigt (De Zeeuwse Preventie en re-integratie art. 1.5.3) [einddatum_module = 01-01-2025, peildatum = 01-06-2025, reden = opzegging_werkgever, herstel_terugval_dagen = 28 dagen]",
    ),
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            dt(2025, 3, 1),
            dt(2025, 1, 1),
            dt(2025, 6, 1),
            None,
            None,
            None,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = nee\n- de ziekte begon op 01-03-2025, na de einddatum van prb: geen doorlopende begeleiding (De Zeeuwse Preventie en re-integratie art. 1.5.3) [einddatum_module = 01-01-2025, peildatum = 01-06-2025, reden = opzegging_werkgever, eerste_ziektedag = 01-03-2025, herstel_terugval_dagen = 28 dagen]",
    ),
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            dt(2022, 3, 1),
            dt(2023, 1, 1),
            dt(2025, 6, 1),
            None,
            None,
            12,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = nee\n- de loondoorbetaling (inclusief de sanctieweken) (en de wettelijke re-integratieverplichting) eindigde op 20-05-2024: de doorlopende begeleiding is gestopt (De Zeeuwse Preventie en re-integratie art. 1.5.3; BW art. 7:629 lid 1 en 7:629 lid 11; WIA art. 25 lid 9) [einddatum_module = 01-01-2023, peildatum = 01-06-2025, reden = opzegging_werkgever, einde_loondoorbetaling = 20-05-2024, sanctieweken = 12 weken]",
    ),
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "asr-reintegratiemanager",
            dt(2024, 3, 1),
            dt(2025, 1, 1),
            dt(2024, 6, 1),
            None,
            None,
            12,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = ja\n- reintegratiemanager loopt nog op de peildatum (einddatum t/m 01-01-2025); de werknemer is ziek: begeleiding loopt; UWV verlengt de loondoorbetaling met 12 weken: de casemanager of ontzorgmanager blijft werken tot het einde daarvan (21-05-2026), zolang de werkgever de aanwijzingen voor de re-integratie volgt (a.s.r. Re-integratiemanager art. 1.8, 3.2 en 3.5; BW art. 7:629 lid 1 en 7:629 lid 11; WIA art. 25 lid 9) [einddatum_module = 01-01-2025, peildatum = 01-06-2024, reden = opzegging_werkgever, sanctieweken = 12 weken]",
    ),
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "asr-reintegratiemanager",
            dt(2024, 3, 1),
            dt(2025, 1, 1),
            dt(2025, 6, 1),
            None,
            None,
            None,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = nee\n- na het einde van reintegratiemanager eindigt de begeleiding; er is alleen overleg over lopende gevallen, geen doorlopende begeleiding; ook de verlengde inzet bij een loonsanctie eindigt, want de poortwachtergarantie vervalt (a.s.r. Re-integratiemanager art. 2.5 en 3.5) [einddatum_module = 01-01-2025, peildatum = 01-06-2025, reden = opzegging_werkgever]",
    ),
    (
        (
            "RI_DOORLOPENDE_BEGELEIDING",
            "zeeuwse-prb",
            dt(2026, 3, 1),
            dt(2025, 1, 1),
            dt(2025, 6, 1),
            None,
            None,
            None,
        ),
        "RI_DOORLOPENDE_BEGELEIDING = nee\n- geen ziektegeval begonnen op of vóór de peildatum: geen begeleiding (De Zeeuwse Preventie en re-integratie art. 1.1 en 1.2) [einddatum_module = 01-01-2025, peildatum = 01-06-2025, reden = opzegging_werkgever]",
    ),
    (
        (
            "RI_RECHT_OP_DIENSTVERLENING",
            "zeeuwse-prb",
            [[dt(2024, 11, 1), dt(2024, 12, 31)], [dt(2025, 1, 10), None]],
            dt(2025, 1, 1),
        ),
        "RI_RECHT_OP_DIENSTVERLENING = nee\n- ziekteperioden met een onderbreking van minder dan 28 dagen vormen één ziektegeval; alleen ziektedagen tellen (BW art. 7:629 lid 10) [onderbreking_samentelling_dagen = 28 dagen, eerste_ziektedag = 01-11-2024, perioden = 2]\n- het recht hangt af van de eerste ziektedag van het ziektegeval, niet van de laatste ziekteperiode (beslissing domein §8.1)\n- dienstverlening alleen voor werknemers met een eerste ziektedag op of na de ingangsdatum van Verzuimverzekering Eigen Risico in Dagen; deze werknemer valt niet onder de dienstverlening (De Zeeuwse Preventie en re-integratie art. 1.3) [eerste_ziektedag = 01-11-2024, ingangsdatum = 01-01-2025]",
    ),
    (
        ("RI_RECHT_OP_DIENSTVERLENING", "asr-reintegratiemanager", dt(2025, 1, 10), dt(2025, 1, 1)),
        "RI_RECHT_OP_DIENSTVERLENING = ja\n- dienstverlening alleen voor werknemers met een eerste ziektedag op of na de ingangsdatum van Module Re-integratiemanager; deze werknemer valt onder de dienstverlening (a.s.r. Re-integratiemanager art. 3.2 en 3.3) [eerste_ziektedag = 10-01-2025, ingangsdatum = 01-01-2025]",
    ),
    (
        (
            "RI_STATUS",
            "asr-reintegratiemanager",
            "poortwachtergarantie",
            [[dt(2025, 1, 1), "schorsing"]],
            dt(2025, 6, 1),
        ),
        "RI_STATUS = vervallen\n- schorsing op 01-01-2025 (hele polis): poortwachtergarantie vervallen — schorsing wegens niet (tijdig, volledig) betalen: geen dienstverlening en geen vergoeding van interventiekosten; de poortwachtergarantie vervalt (a.s.r. Re-integratiemanager art. 5.3)",
    ),
    (
        ("RI_STATUS", "asr-reintegratiemanager", "dienstverlening", None, dt(2025, 6, 1)),
        "RI_STATUS = actief\n- dienstverlening actief: geen gebeurtenis t/m de peildatum die de aanspraak raakt (a.s.r. Re-integratiemanager art. 3.2) [peildatum = 01-06-2025]",
    ),
    (
        (
            "RI_VROEGSTE_OPZEGDATUM",
            "asr-reintegratiemanager",
            "reintegratiemanager",
            dt(2020, 3, 31),
            dt(2021, 1, 31),
            dt(2022, 11, 30),
        ),
        "RI_VROEGSTE_OPZEGDATUM = 31-01-2023\n- opzegging per de eerste contractvervaldatum C van de basismodule waarop de module minstens 12 maanden heeft gelopen (ingangsdatum + 12 maanden ≤ C) en de opzegging uiterlijk C − 1 maand(en) is ontvangen (hier uiterlijk 31-12-2022) (a.s.r. Re-integratiemanager art. 2.3 en 2.1) [ingangsdatum_module = 31-03-2020, contractvervaldatum_basis = 31-01-2021, ontvangst_opzegging = 30-11-2022, contracttermijn_maanden = 12 maanden, opzegtermijn_maanden = 1 maand, minimale_looptijd_maanden = 12 maanden]\n- de opzegging beëindigt per dezelfde datum ook: arbobegeleiding, arbosignaal (a.s.r. Re-integratiemanager art. 2.5 en 2.3; beslissing domein §8)",
    ),
    (
        (
            "RI_CONTRACTVERVALDATUM",
            "asr-reintegratiemanager",
            "reintegratiemanager",
            dt(2020, 3, 31),
            dt(2021, 1, 31),
        ),
        "RI_CONTRACTVERVALDATUM = 31-01-2022\n- reintegratiemanager krijgt de contractvervaldatum van de basismodule: de eerste contractvervaldatum van de basismodule op of na ingangsdatum + 12 maanden; de data van de basismodule herhalen zich elke 12 maanden (zoals 31-01-2021) (a.s.r. Re-integratiemanager art. 2.1 en 2.3) [ingangsdatum_module = 31-03-2020, contractvervaldatum_basis = 31-01-2021, contracttermijn_maanden = 12 maanden, minimale_looptijd_maanden = 12 maanden]",
    ),
    (
        ("RI_EINDIGT_MEE", "zeeuwse-prb", "prb", "verzuim-erd", "wanbetaling"),
        "RI_EINDIGT_MEE = ja\n- prb eindigt per gelijke datum als verzuim-erd eindigt (De Zeeuwse Preventie en re-integratie art. 1.5.2 en 1.2)",
    ),
]


@pytest.mark.parametrize(("call", "text"), EXPLAINED)
def test_explanation_is_unchanged(call: tuple[Any, ...], text: str) -> None:
    """Every branch's grounds (texts, articles, parameters) read as they did."""
    assert udfs.RI_UITLEG(*call) == text


def _column(first: dt, rows: int = 50) -> list[list[Any]]:
    return [[dt.fromordinal(first.toordinal() + 37 * n)] for n in range(rows)]


PEIL = dt(2026, 1, 1)
LIFTED = {
    "RI_EINDIGT_MEE": lambda: udfs.RI_EINDIGT_MEE(
        "zeeuwse-prb", "prb", [["verzuim-erd"], ["arbocontract"]] * 25, "wanbetaling"
    ),
    "RI_CONTRACTVERVALDATUM": lambda: udfs.RI_CONTRACTVERVALDATUM(
        "asr-reintegratiemanager", "reintegratiemanager", _column(dt(2001, 1, 1)), dt(2025, 1, 1)
    ),
    "RI_VROEGSTE_OPZEGDATUM": lambda: udfs.RI_VROEGSTE_OPZEGDATUM(
        "asr-reintegratiemanager",
        "reintegratiemanager",
        dt(2020, 1, 1),
        dt(2021, 1, 1),
        _column(dt(2001, 1, 1)),
    ),
    "RI_RECHT_OP_DIENSTVERLENING": lambda: udfs.RI_RECHT_OP_DIENSTVERLENING(
        "zeeuwse-prb", _column(dt(2020, 1, 1)), PEIL
    ),
    "RI_DOORLOPENDE_BEGELEIDING": lambda: udfs.RI_DOORLOPENDE_BEGELEIDING(
        "zeeuwse-prb", _column(dt(2020, 1, 1)), dt(2024, 1, 1), PEIL, None, None, 12
    ),
    "RI_STATUS": lambda: udfs.RI_STATUS(
        "asr-reintegratiemanager",
        "poortwachtergarantie",
        [[dt(2021, 1, 1), "schorsing"], [dt(2022, 1, 1), "betaling"]],
        _column(dt(2020, 1, 1)),
    ),
}


@pytest.mark.parametrize("name", sorted(LIFTED))
def test_a_lifted_row_builds_no_ground(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lifted column reads each decision's value; grounds are built only when explained."""
    expected = LIFTED[name]()
    assert not any(str(row[0]).startswith("#WAARDE!") for row in expected)

    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a lifted row built a ground")

    monkeypatch.setattr(core.Ground, "__init__", refused)
    monkeypatch.setattr(core.Explained, "__init__", refused)
    assert LIFTED[name]() == expected
