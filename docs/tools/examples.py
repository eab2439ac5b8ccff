"""The example call of every ``RI_`` function shown in the function reference.

The arguments are written here (inputs are a choice); the results never are — the
reference calls the function. A function without an entry gets an example built from its
argument names (:data:`SAMPLE_BY_ARGUMENT`), so a new function is documented with a true
example as soon as its arguments have sample values; ``tests/docs`` fail when an example
returns an error.
"""

from __future__ import annotations

from datetime import date

from docs.tools.excel import Argument, Call, Range

D = date(2025, 1, 6)  # the worked example of spec/domain.md §3: Monday 6 January 2025

#: Two sick periods with an interruption of 19 days: one case (spec/excel-functions.md).
PERIODS = Range("A2:B3", ((date(2025, 1, 6), date(2025, 1, 31)), (date(2025, 2, 20), None)))
#: Three periods: the first two merge, the third starts a new case after 80 days.
THREE_PERIODS = Range(
    "A2:B4",
    (
        (date(2025, 1, 6), date(2025, 1, 31)),
        (date(2025, 2, 20), date(2025, 3, 14)),
        (date(2025, 6, 2), None),
    ),
)
#: A case that began before 1 January 2025 and a relapse 19 days later: one case (§8.1).
RELAPSE = Range("A6:B7", ((date(2024, 12, 2), date(2024, 12, 31)), (date(2025, 1, 20), None)))
#: Pregnancy and maternity leave as two adjacent rows between two sick periods (§8.1).
TWO_LEAVE_ROWS = Range(
    "A9:C12",
    (
        (date(2025, 1, 6), date(2025, 3, 2), None),
        (date(2025, 3, 3), date(2025, 4, 13), "verlof"),
        (date(2025, 4, 14), date(2025, 6, 22), "verlof"),
        (date(2025, 6, 23), None, None),
    ),
)
#: A suspension for non-payment and the payment that ends it (domain §5).
EVENTS = Range(
    "D2:F3",
    ((date(2025, 5, 1), "schorsing", None), (date(2025, 6, 2), "betaling", None)),
)
#: The modules a policy has (one column of codes).
MODULES = Range("H2:H4", (("basis-verzuim",), ("arbobegeleiding",), ("reintegratiemanager",)))

#: Sick, pregnancy and maternity leave, sick again: one case for the Poortwachter timeline,
#: two for the re-integratiebudget (003 art. 2.6.1, domain §8.1).
LEAVE_PERIODS = Range(
    "A2:C4",
    (
        (date(2025, 1, 6), date(2025, 3, 2), None),
        (date(2025, 3, 3), date(2025, 6, 22), "verlof"),
        (date(2025, 6, 23), None, None),
    ),
)
#: Declarations against De Zeeuwse's budgets: datum · soort_budget · bedrag.
DECLARATIONS = Range(
    "E2:G5",
    (
        (date(2025, 2, 1), "reintegratie", 3000),
        (date(2025, 3, 20), "reintegratie", 1500),
        (date(2025, 7, 1), "reintegratie", 500),
        (date(2024, 11, 1), "preventie", 350),
    ),
)
#: A withdrawn poortwachtergarantie for one employee (003 art. 2.7.3).
GARANTIE_EVENTS = Range("I2:K2", ((date(2025, 3, 1), "garantie_ingetrokken", "Jan"),))

_E = dict[str, tuple[Call, ...]]


def _calls(function: str, *examples: tuple[Argument, ...]) -> tuple[Call, ...]:
    return tuple(Call(function, args) for args in examples)


EXAMPLES: _E = {
    # --- Sickness case and Poortwachter
    "RI_MIJLPAAL": _calls(
        "RI_MIJLPAAL", (D, "42e week"), (PERIODS, "42e week"), (TWO_LEAVE_ROWS, "42e week")
    ),
    "RI_TIJDLIJN": _calls("RI_TIJDLIJN", (D,)),
    "RI_ZIEKTEGEVALLEN": _calls("RI_ZIEKTEGEVALLEN", (THREE_PERIODS, date(2025, 9, 1))),
    "RI_ZIEKTEDAGEN": _calls("RI_ZIEKTEDAGEN", (PERIODS, date(2025, 3, 14))),
    "RI_RESTERENDE_WEKEN": _calls("RI_RESTERENDE_WEKEN", (D, date(2026, 1, 5))),
    "RI_TERUGVALPREVENTIE": _calls(
        "RI_TERUGVALPREVENTIE", (D, date(2025, 5, 1)), (RELAPSE, date(2025, 4, 1))
    ),
    "RI_SIGNAAL": _calls("RI_SIGNAAL", (D, date(2025, 10, 20))),
    # --- Products, modules, termination
    "RI_PRODUCTEN": _calls("RI_PRODUCTEN", ()),
    "RI_MODULES": _calls("RI_MODULES", ("asr-reintegratiemanager",)),
    "RI_CASCADE": _calls(
        "RI_CASCADE",
        ("asr-reintegratiemanager", "basis-verzuim", date(2025, 7, 1)),
        ("asr-reintegratiemanager", "basis-verzuim", date(2025, 7, 1), None, MODULES),
    ),
    "RI_EINDIGT_MEE": _calls(
        "RI_EINDIGT_MEE", ("asr-reintegratiemanager", "arbobegeleiding", "reintegratiemanager")
    ),
    "RI_GEVOLGEN": _calls(
        "RI_GEVOLGEN", ("asr-reintegratiemanager", "reintegratiemanager", date(2025, 7, 1))
    ),
    "RI_CONTRACTVERVALDATUM": _calls(
        "RI_CONTRACTVERVALDATUM",
        ("asr-reintegratiemanager", "reintegratiemanager", date(2025, 3, 1), date(2025, 1, 1)),
    ),
    "RI_VROEGSTE_OPZEGDATUM": _calls(
        "RI_VROEGSTE_OPZEGDATUM",
        (
            "asr-reintegratiemanager",
            "reintegratiemanager",
            date(2025, 3, 1),
            date(2025, 1, 1),
            date(2026, 6, 1),
        ),
    ),
    "RI_RECHT_OP_DIENSTVERLENING": _calls(
        "RI_RECHT_OP_DIENSTVERLENING",
        ("zeeuwse-prb", date(2025, 3, 3), date(2025, 1, 1)),
        ("zeeuwse-prb", RELAPSE, date(2025, 1, 1)),
    ),
    "RI_DOORLOPENDE_BEGELEIDING": _calls(
        "RI_DOORLOPENDE_BEGELEIDING",
        ("zeeuwse-prb", date(2025, 3, 3), date(2025, 7, 1), date(2025, 9, 1)),
        ("zeeuwse-prb", D, date(2025, 12, 31), date(2027, 3, 1), None, None, 10),
    ),
    # --- Entitlements and deadlines
    "RI_STATUS": _calls(
        "RI_STATUS",
        ("asr-reintegratiemanager", "poortwachtergarantie", EVENTS, date(2025, 7, 1)),
        ("asr-reintegratiemanager", "dienstverlening", EVENTS, date(2025, 7, 1)),
    ),
    "RI_STATUS_TABEL": _calls(
        "RI_STATUS_TABEL", ("asr-reintegratiemanager", EVENTS, date(2025, 5, 15))
    ),
    "RI_WERKDAG": _calls("RI_WERKDAG", (date(2026, 4, 24), 5), (date(2025, 12, 31), 1)),
    "RI_UITERSTE_MELDING_SANCTIE": _calls(
        "RI_UITERSTE_MELDING_SANCTIE", (date(2026, 4, 30),), (date(2025, 5, 26),)
    ),
    "RI_UITERSTE_DECLARATIE": _calls("RI_UITERSTE_DECLARATIE", (date(2025, 1, 31),)),
    "RI_UITERSTE_BETALING": _calls("RI_UITERSTE_BETALING", (date(2025, 3, 15),)),
    "RI_UITERSTE_PLAN_VAN_AANPAK": _calls("RI_UITERSTE_PLAN_VAN_AANPAK", (date(2025, 2, 16),)),
    "RI_UITERSTE_ZIEKMELDING": _calls("RI_UITERSTE_ZIEKMELDING", (D,)),
    # --- Compensation
    "RI_PREVENTIEBUDGET": _calls(
        "RI_PREVENTIEBUDGET", (800,), (800, True), (300, False, 0, True, False, "reiskosten")
    ),
    "RI_REINTEGRATIEBUDGET": _calls(
        "RI_REINTEGRATIEBUDGET",
        (5000, False, 1500),
        (2500, False, 0, 0, True, "reiskosten"),
        (2500, False, 0, 0, True, None, True),
    ),
    "RI_BUDGET_RESTANT": _calls(
        "RI_BUDGET_RESTANT",
        ("zeeuwse-prb", DECLARATIONS, LEAVE_PERIODS),
        ("zeeuwse-prb", DECLARATIONS, LEAVE_PERIODS, True),
    ),
    "RI_KBA_BIJDRAGE": _calls("RI_KBA_BIJDRAGE", (9000, 4000, 40000, 32000)),
    "RI_DERDEN_TERUGBETALING": _calls("RI_DERDEN_TERUGBETALING", (4000, 5000, 2000)),
    "RI_INTERVENTIEVERGOEDING": _calls(
        "RI_INTERVENTIEVERGOEDING",
        ("mkb-verzuim-ontzorg", 1200, date(2025, 3, 3), date(2025, 1, 1)),
        ("mkb-verzuim-ontzorg", 450, date(2025, 3, 3), date(2025, 1, 1), True, True, "pago"),
        ("mkb-verzuim-ontzorg", 1200, RELAPSE, date(2025, 1, 1)),
    ),
    "RI_RESTERENDE_LOONKOSTEN": _calls("RI_RESTERENDE_LOONKOSTEN", (800, D, date(2026, 1, 5))),
    "RI_LOONSANCTIE_VERGOEDING": _calls(
        "RI_LOONSANCTIE_VERGOEDING", (1000, 10), (1000, 10, None, None, 0, True, 3000)
    ),
    "RI_LOONSANCTIE_VOORWAARDEN": _calls(
        "RI_LOONSANCTIE_VOORWAARDEN",
        ("zeeuwse-prb", date(2024, 1, 8), date(2025, 10, 1), date(2025, 10, 6), date(2023, 1, 1)),
        (
            "zeeuwse-prb",
            date(2024, 1, 8),
            date(2025, 10, 1),
            date(2025, 10, 9),
            date(2023, 1, 1),
            None,
            GARANTIE_EVENTS,
            "Jan",
        ),
    ),
    "RI_WEEKLOON": _calls("RI_WEEKLOON", (52000, "jaar"), (3900, "maand")),
    "RI_TARIEF_PRORATA": _calls("RI_TARIEF_PRORATA", (120, date(2025, 1, 1), date(2025, 7, 1))),
    "RI_TELT_MEE_VOOR_PREMIE": _calls("RI_TELT_MEE_VOOR_PREMIE", (date(2023, 5, 1), 2026)),
    "RI_SEPA_REKENING": _calls("RI_SEPA_REKENING", ("NL91 ABNA 0417 1643 00",)),
    # --- Financial consequences (financieel.md §9: the worked examples)
    "RI_LOONDOORBETALING": _calls(
        "RI_LOONDOORBETALING", (8000, 10, date(2025, 3, 1)), (2500, 10, date(2025, 3, 1), 36)
    ),
    "RI_WIA_DAGLOON": _calls("RI_WIA_DAGLOON", (90000, date(2026, 2, 1))),
    "RI_WIA_MAANDLOON": _calls("RI_WIA_MAANDLOON", (90000, date(2026, 2, 1))),
    "RI_WGA_DUUR": _calls("RI_WGA_DUUR", (5, 10)),
    "RI_WIA_UITKERING": _calls(
        "RI_WIA_UITKERING",
        (26100, 50, 1000, 600, date(2025, 3, 1)),
        (90000, 50, 3000, 2000, date(2026, 2, 1), False, 3, 12),
    ),
    "RI_WIA_OVERZICHT": _calls(
        "RI_WIA_OVERZICHT", (26100, 50, 1000, 600, date(2025, 3, 1), False, 12.5)
    ),
    # --- Meta
    "RI_UITLEG": _calls("RI_UITLEG", ("RI_MIJLPAAL", D, "42e week")),
    "RI_VERSIE": _calls("RI_VERSIE", ()),
}

#: Sample values by argument name, for a function that has no entry in :data:`EXAMPLES`.
SAMPLE_BY_ARGUMENT: dict[str, Argument] = {
    "ziekte": D,
    "ziekteperioden": PERIODS,
    "eerste_ziektedag": D,
    "peildatum": date(2025, 7, 1),
    "datum": date(2025, 7, 1),
    "mijlpaal": "42e week",
    "product": "asr-reintegratiemanager",
    "module": "reintegratiemanager",
    "beeindigde_module": "basis-verzuim",
    "ingangsdatum": date(2025, 1, 1),
    "ingangsdatum_module": date(2025, 3, 1),
    "contractvervaldatum_basis": date(2025, 1, 1),
    "gebeurtenissen": EVENTS,
    "aanspraak": "poortwachtergarantie",
    "kosten": 1000,
    "weekloon": 800,
    "loon": 52000,
    "periode": "jaar",
    "sanctieweken": 10,
    "iban": "NL91 ABNA 0417 1643 00",
}


def examples_for(
    name: str, parameters: tuple[str, ...], optional: tuple[bool, ...]
) -> tuple[Call, ...]:
    """The example calls of ``name``: from :data:`EXAMPLES`, else built from argument names.

    A built example gives every required argument its sample value and leaves the optional
    ones out; ``()`` when a required argument has no sample.
    """
    if name in EXAMPLES:
        return EXAMPLES[name]
    args: list[Argument] = []
    for parameter, is_optional in zip(parameters, optional, strict=True):
        if is_optional:
            args.append(None)
        elif parameter in SAMPLE_BY_ARGUMENT:
            args.append(SAMPLE_BY_ARGUMENT[parameter])
        else:
            return ()
    return (Call(name, tuple(args)),)
