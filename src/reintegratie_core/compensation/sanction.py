"""Loonsanctie compensation under De Zeeuwse's poortwachtergarantie (``003`` art. 2.7).

Rule (domein §6, §8): for a loonsanctie of *s* weeks imposed by the UWV
(0 < s ≤ 52, art. 2.7.1), weekly wage *w*, coverage *p* (70 %, or the cao percentage the
employer must pay during the sanction) and employer charges *c* (25 %, even when the policy
insures less; art. 2.7.2):

```text
compensation = s × w × p × (1 + c) + approved re-integration costs during the sanction
```

— zero when any of the nine conditions of art. 2.7.3 is not met, or when the arbodienst's
own garantie already compensated this sanction (art. 2.7: only once).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from reintegratie_core.compensation._common import amount, condition, in_force, unmet
from reintegratie_core.errors import InvalidValueError
from reintegratie_core.explain import Citation, Explained, Ground, ParameterValue
from reintegratie_core.money import ZERO, AmountLike, fraction, round_cents
from reintegratie_core.product_parameters import (
    EMPLOYER_CHARGES,
    SANCTION_COVERAGE,
    SANCTION_MAX_WEEKS,
)

ART_2_7 = Citation.seed("003", "2.7")
ART_2_7_1 = Citation.seed("003", "2.7.1")
ART_2_7_2 = Citation.seed("003", "2.7.2")
ART_2_7_3 = Citation.seed("003", "2.7.3")
DECISIONS = Citation.decision("§8")


@attrs.frozen(kw_only=True)
class SanctionConditions:
    """The nine conditions of ``003`` art. 2.7.3; each ``True`` when met."""

    guided_throughout: bool = condition(
        "arbodienst_begeleidde_hele_periode",
        "de arbodienst begeleidde het verzuim vanaf de eerste ziektedag en tijdens de hele "
        "loondoorbetalingsperiode",
    )
    advice_followed: bool = condition(
        "adviezen_opgevolgd",
        "de adviezen en instructies van de arbodienst zijn volledig, tijdig en juist opgevolgd",
    )
    notified_in_time: bool = condition(
        "tijdig_gemeld", "de loonsanctie is binnen vijf werkdagen na het UWV-besluit gemeld"
    )
    no_obstruction: bool = condition(
        "geen_belemmerende_acties",
        "geen eigen acties of communicatie die het ongedaan maken van de loonsanctie in de weg "
        "kunnen staan",
    )
    mandate_given: bool = condition(
        "machtiging_gegeven",
        "verzekeraar en arbodienst zijn gemachtigd maatregelen te nemen om de loonsanctie "
        "ongedaan te maken",
    )
    cooperation: bool = condition(
        "informatie_en_medewerking",
        "alle informatie is verstrekt en er is meegewerkt aan bezwaar en (hoger) beroep",
    )
    improvements_followed: bool = condition(
        "verbeterpunten_opgevolgd",
        "de verbeterpunten van het UWV zijn zo snel mogelijk opgevolgd en bij het UWV gemeld",
    )
    guarantee_not_withdrawn: bool = condition(
        "garantie_niet_ingetrokken",
        "tijdens de verzuimperiode is geen bericht ontvangen dat de poortwachtergarantie is "
        "ingetrokken",
    )
    no_voluntary_continuation: bool = condition(
        "geen_vrijwillige_doorbetaling", "het loon is niet vrijwillig langer doorbetaald"
    )


def check_weeks(weeks: int, on: date | None = None) -> int:
    """Validate the sanction's length (``003`` art. 2.7.1).

    Defined as: weeks is a whole number and 0 < weeks ≤ loonsanctie_max_weken (52);
    otherwise an error naming ``sanctieweken``.
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        msg = f"sanctieweken: {weeks!r} is geen geheel aantal weken"
        raise TypeError(msg)
    limit = in_force(SANCTION_MAX_WEEKS, on).value
    if not 0 < weeks <= limit:
        msg = (
            f"sanctieweken: {weeks} ligt buiten 1 t/m {limit} (een loonsanctie duurt ten hoogste "
            f"{limit} weken, 003 art. 2.7.1)"
        )
        raise InvalidValueError(msg)
    return weeks


def sanction_compensation(
    weekly_wage: AmountLike,
    weeks: int,
    *,
    coverage: AmountLike | None = None,
    employer_charges: AmountLike | None = None,
    approved_costs: AmountLike = 0,
    conditions: SanctionConditions | bool = True,
    arbodienst_compensated: bool = False,
    on: date | None = None,
) -> Explained[Decimal]:
    """Compensation of a loonsanctie under the poortwachtergarantie (``003`` art. 2.7).

    Defined as:

    ```text
    compensation = s × w × p × (1 + c) + approved_costs                (art. 2.7.2)
    compensation = 0 when a condition of art. 2.7.3 is not met, or when the
                   arbodienst's own garantie already compensated it (art. 2.7)
    ```

    with 0 < s ≤ 52 (art. 2.7.1; more is an error), *p* = 70 % unless the cao percentage is
    given as ``coverage``, *c* = 25 % unless given (§8: charges on the covered wage);
    rounded once to cents.
    """
    check_weeks(weeks, on)
    loon = amount(weekly_wage, "weekloon")
    kosten = amount(approved_costs, "goedgekeurde_kosten")
    refusals = [*unmet(conditions, ART_2_7_3, rule_id="sanction_compensation")]
    if arbodienst_compensated:
        refusals.append(
            Ground(
                rule="de poortwachtergarantie van de arbodienst vergoedt deze loonsanctie al; "
                "de vergoeding vindt maar één keer plaats",
                citation=ART_2_7,
                parameters=(("arbodienst_vergoedt", True),),
                rule_id="sanction_compensation",
            )
        )
    if refusals:
        return Explained(round_cents(ZERO), tuple(refusals))
    p_pair: tuple[str, ParameterValue]
    c_pair: tuple[str, ParameterValue]
    if coverage is None:
        standard = in_force(SANCTION_COVERAGE, on)
        p, p_pair = standard.value, standard.as_pair()
    else:
        p = fraction(coverage, name="percentage")
        p_pair = ("cao_percentage", p)
    if employer_charges is None:
        charges = in_force(EMPLOYER_CHARGES, on)
        c, c_pair = charges.value, charges.as_pair()
    else:
        c = fraction(employer_charges, name="werkgeverslasten")
        c_pair = ("werkgeverslasten_opgegeven", c)
    value = round_cents(weeks * loon * p * (1 + c) + kosten)
    grounds = (
        Ground(
            rule="vergoeding = sanctieweken × weekloon × percentage × (1 + werkgeverslasten) + "
            "vooraf goedgekeurde re-integratiekosten tijdens de loonsanctie",
            citation=ART_2_7_2,
            parameters=(
                ("sanctieweken", weeks),
                ("weekloon", loon),
                p_pair,
                c_pair,
                ("goedgekeurde_kosten", kosten),
            ),
            rule_id="sanction_compensation",
        ),
        Ground(
            rule="werkgeverslasten over het gedekte loon: w × p × (1 + c)",
            citation=DECISIONS,
            rule_id="sanction_compensation",
        ),
        Ground(
            rule="een loonsanctie duurt ten hoogste het maximum aantal weken",
            citation=ART_2_7_1,
            parameters=(in_force(SANCTION_MAX_WEEKS, on).as_pair(),),
            rule_id="sanction_compensation",
        ),
    )
    return Explained(value, grounds)


__all__ = ["SanctionConditions", "check_weeks", "sanction_compensation"]
