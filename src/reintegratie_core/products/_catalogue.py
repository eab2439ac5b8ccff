"""The four built-in products as typed data, every rule citing its seed article.

domein §4 (modules, coupling, duration, cancellation, reasons, consequences,
eligibility), §5 (the event tables of `reintegratie_core._entitlements`), §6 (how
interventions are reimbursed, which kinds each product's text excludes) and §7
(parameters, from `reintegratie_core._product_parameters`). Nothing here is code
that decides: the engines of this package read these tables.

Decisions recorded here (where the conditions are silent):

* A module whose end is governed by its own conditions (the insurance, the arbodienst
  contract, a basismodule) lists no termination rights and accepts every reason; the
  modules these conditions govern accept only the reasons their articles give.
* ``001`` art. 2.5 names only Arbobegeleiding and art. 2.3 both: the reintegratiemanager
  ends whichever arbo module the policy has (domein §8).
* ``003`` art. 1.5.3 "Is de verzekering beëindigd wegens fraude of wanbetaling?" speaks of
  the Verzuimverzekering: continuation is refused only when ``verzuim-erd`` ended for
  fraude, wanbetaling or onjuiste_informatie; an arbocontract ended for any reason still
  lets guidance continue (domain §8.1, ``reason_of``).
* ``000`` names no start-date rule; ``asr-reintegratie`` uses domain §4's general rule
  (first sick day on or after the start of the re-integratie-overeenkomst).
"""

from __future__ import annotations

from reintegratie_core._entitlements import (
    _ASR_REINTEGRATIE_EVENTS,
    _ASR_REINTEGRATIEMANAGER_EVENTS,
    _MKB_VERZUIM_ONTZORG_EVENTS,
    _ZEEUWSE_PRB_EVENTS,
)
from reintegratie_core._explain import Citation
from reintegratie_core._product_parameters import (
    ASR_REINTEGRATIE_PARAMETERS,
    ASR_REINTEGRATIEMANAGER_PARAMETERS,
    CONTRACT_TERM_MONTHS_001,
    CONTRACT_TERM_MONTHS_004,
    INTERVENTION_SHARE_001,
    INTERVENTION_SHARE_004,
    MKB_VERZUIM_ONTZORG_PARAMETERS,
    MODULE_MIN_MONTHS,
    NOTICE_MONTHS,
    RELAPSE_WINDOW_DAYS,
    ZEEUWSE_PRB_PARAMETERS,
)
from reintegratie_core.products._model import (
    Cancellation,
    CancellationKind,
    ConsequenceKind,
    ConsequenceRule,
    CouplingRule,
    Duration,
    Eligibility,
    InterventionExclusion,
    Interventions,
    Module,
    Product,
    ProductParameter,
    TerminationReason,
    TerminationRight,
    find_product,
)

R = TerminationReason
_NO_CONTINUATION = frozenset({R.FRAUDE, R.WANBETALING, R.ONJUISTE_INFORMATIE})


def _s(code: str, *articles: str) -> tuple[Citation, ...]:
    return tuple(Citation.seed(code, article) for article in articles)


def _name(history: ProductParameter) -> str:
    return history.versions[0].name


_BROCHURE_REIMBURSEMENT = Citation.seed("002", "Interventiekostenvergoeding")


# --- a.s.r. re-integratie (000) ---------------------------------------------------------

ASR_REINTEGRATIE = Product(
    code="asr-reintegratie",
    name="a.s.r. re-integratie (overeenkomst dienstverlening)",
    aliases=("asr-re-integratie", "asr reintegratie"),
    citations=_s("000", "Voorwaarden bij overeenkomst a.s.r. re-integratie"),
    modules=(
        Module(
            code="verzuimverzekering",
            name="Verzuimverzekering ASR Schadeverzekering N.V.",
            citations=_s("000", "aanhef", "4.1"),
        ),
        Module(
            code="arbodienst",
            name="Overeenkomst arbodienstverlening (arbodienst op het polisblad)",
            aliases=("arbocontract", "arbo"),
            citations=_s("000", "aanhef", "4.1"),
        ),
        Module(
            code="reintegratie-overeenkomst",
            name="Overeenkomst a.s.r. re-integratie",
            aliases=("re-integratie-overeenkomst", "reintegratie"),
            citations=_s("000", "aanhef", "1.1"),
            termination=(
                TerminationRight(reasons={R.EINDE_GEKOPPELDE_MODULE}, citations=_s("000", "4.1")),
                TerminationRight(
                    reasons={R.NIET_NAKOMEN_VERPLICHTINGEN}, citations=_s("000", "4.2")
                ),
            ),
            cancellation=Cancellation(
                kind=CancellationKind.NOT_SEPARATELY, citations=_s("000", "4.1")
            ),
            consequences=(
                ConsequenceRule(
                    kind=ConsequenceKind.SERVICE_ENDS,
                    citations=_s("000", "4.1"),
                    description="dienstverlening van a.s.r. re-integratie eindigt voor nieuwe ziektegevallen",
                ),
                ConsequenceRule(
                    kind=ConsequenceKind.GUIDANCE_CONTINUES,
                    citations=_s("000", "4.3"),
                    description=(
                        "begeleiding door de casemanager loopt door voor zieke werknemers "
                        "zolang de werkgever recht heeft op vergoeding van de "
                        "loondoorbetaling (tot het einde van de loondoorbetaling)"
                    ),
                ),
            ),
        ),
    ),
    couplings=(
        CouplingRule(
            source="verzuimverzekering",
            target="reintegratie-overeenkomst",
            citations=_s("000", "4.1"),
        ),
        CouplingRule(
            source="arbodienst", target="reintegratie-overeenkomst", citations=_s("000", "4.1")
        ),
    ),
    service_module="reintegratie-overeenkomst",
    eligibility=Eligibility(
        module="reintegratie-overeenkomst", citations=(Citation.decision("§4"),)
    ),
    parameters=ASR_REINTEGRATIE_PARAMETERS,
    events=_ASR_REINTEGRATIE_EVENTS,
    interventions=Interventions(
        elsewhere="de casemanager coördineert een vergoeding binnen het mandaat van de "
        "verzekeraar (000 art. 1.6)"
    ),
)

# --- a.s.r. Re-integratiemanager (001) ----------------------------------------------------

_RIM_DURATION = Duration(
    citations=_s("001", "2.1"),
    term_parameter=_name(CONTRACT_TERM_MONTHS_001),
    min_run_parameter=_name(MODULE_MIN_MONTHS),
)
_BASIS_001 = Duration(
    citations=_s("001", "2.1", "2.3"), term_parameter=_name(CONTRACT_TERM_MONTHS_001)
)

ASR_REINTEGRATIEMANAGER = Product(
    code="asr-reintegratiemanager",
    name="a.s.r. module Re-integratiemanager",
    aliases=("asr-re-integratiemanager", "reintegratiemanager"),
    citations=_s("001", "Voorwaarden Re-integratiemanager"),
    modules=(
        Module(
            code="basis-verzuim",
            name="Basismodule Verzuim (eigen risico in dagen)",
            aliases=("basismodule-verzuim",),
            citations=_s("001", "1.8"),
            choice_group="basismodule",
            duration=_BASIS_001,
        ),
        Module(
            code="basis-ao-3-12",
            name="Basismodule Arbeidsongeschiktheid 3 – 12 jaar",
            aliases=("basismodule-arbeidsongeschiktheid-3-12-jaar", "basis-ao"),
            citations=_s("001", "1.8"),
            choice_group="basismodule",
            duration=_BASIS_001,
        ),
        Module(
            code="arbobegeleiding",
            name="Module Arbobegeleiding",
            citations=_s("001", "1.8"),
            choice_group="arbo",
        ),
        Module(
            code="arbosignaal",
            name="Module Arbosignaal",
            citations=_s("001", "1.8"),
            choice_group="arbo",
        ),
        Module(
            code="reintegratiemanager",
            name="Module Re-integratiemanager",
            aliases=("re-integratiemanager",),
            citations=_s("001", "1.8", "3.2"),
            termination=(
                TerminationRight(reasons={R.OPZEGGING_WERKGEVER}, citations=_s("001", "2.3")),
                TerminationRight(
                    reasons={
                        R.EINDE_GEKOPPELDE_MODULE,
                        R.FRAUDE,
                        R.WANBETALING,
                        R.OPZEGGING_UITVOERDER,
                    },
                    citations=_s("001", "2.4"),
                ),
            ),
            duration=_RIM_DURATION,
            sanction_extension=_s("001", "3.5"),
            cancellation=Cancellation(
                kind=CancellationKind.AT_BASE_EXPIRY,
                citations=_s("001", "2.3"),
                min_run_parameter=_name(MODULE_MIN_MONTHS),
                notice_parameter=_name(NOTICE_MONTHS),
            ),
            consequences=(
                ConsequenceRule(
                    kind=ConsequenceKind.GUIDANCE_ENDS,
                    citations=_s("001", "2.5"),
                    description="re-integratiebegeleiding voor arbeidsongeschikte medewerkers eindigt",
                ),
                ConsequenceRule(
                    kind=ConsequenceKind.GUARANTEE_LAPSES,
                    citations=_s("001", "2.5", "3.5"),
                    description=(
                        "poortwachtergarantie vervalt, en daarmee de verlengde inzet van de "
                        "casemanager als UWV de loondoorbetaling verlengt (loonsanctie)"
                    ),
                ),
                ConsequenceRule(
                    kind=ConsequenceKind.CONSULTATION,
                    citations=_s("001", "2.5"),
                    description=(
                        "casemanager overlegt over voortgang en begeleiding van medewerkers "
                        "met nog recht op vergoeding van de loondoorbetaling en al ingezette "
                        "of toegezegde interventies"
                    ),
                ),
            ),
        ),
    ),
    couplings=(
        CouplingRule(
            source="basis-verzuim", target="reintegratiemanager", citations=_s("001", "2.2", "1.8")
        ),
        CouplingRule(
            source="basis-ao-3-12", target="reintegratiemanager", citations=_s("001", "2.2", "1.8")
        ),
        CouplingRule(
            source="arbobegeleiding",
            target="reintegratiemanager",
            citations=_s("001", "2.2", "1.8"),
        ),
        CouplingRule(
            source="arbosignaal", target="reintegratiemanager", citations=_s("001", "2.2", "1.8")
        ),
        CouplingRule(
            source="reintegratiemanager",
            target="arbobegeleiding",
            citations=(*_s("001", "2.5", "2.3"),),
        ),
        CouplingRule(
            source="reintegratiemanager",
            target="arbosignaal",
            citations=(*_s("001", "2.3"), Citation.decision("§8")),
        ),
    ),
    service_module="reintegratiemanager",
    eligibility=Eligibility(module="reintegratiemanager", citations=_s("001", "3.2", "3.3")),
    parameters=ASR_REINTEGRATIEMANAGER_PARAMETERS,
    events=_ASR_REINTEGRATIEMANAGER_EVENTS,
    interventions=Interventions(
        share=_name(INTERVENTION_SHARE_001),
        citations=_s("001", "3.3"),
        start_citations=_s("001", "3.3"),
        assessor="de bedrijfsarts of de casemanager",
        # Decision §8.1: 001 lists no excluded cost kinds.
        exclusion_citations=_s("001", "3.3"),
    ),
)

# --- MKB Verzuim-ontzorgverzekering, Ontzorgmanager – Re-integratie (004, 002) -----------

_BASIS_004 = Duration(citations=_s("004", "2.1"), term_parameter=_name(CONTRACT_TERM_MONTHS_004))

MKB_VERZUIM_ONTZORG = Product(
    code="mkb-verzuim-ontzorg",
    name="MKB Verzuim-ontzorgverzekering met Ontzorgmanager – Re-integratie",
    aliases=("mkb-verzuim-ontzorgverzekering", "mkb-vov"),
    citations=(
        *_s("004", "Voorwaarden Ontzorgmanager – Re-integratie"),
        *_s("002", "MKB Verzuim-ontzorgverzekering"),
    ),
    modules=(
        Module(
            code="mkb-verzuim-ontzorg",
            name="Basismodule MKB Verzuim-ontzorgverzekering",
            aliases=("basismodule", "mkb-verzuim-ontzorgverzekering"),
            citations=_s("004", "1.9"),
            duration=_BASIS_004,
        ),
        Module(
            code="ontzorgmanager-arbobegeleiding",
            name="Module Ontzorgmanager – Arbobegeleiding",
            aliases=("om-arbobegeleiding",),
            citations=_s("004", "1.9"),
        ),
        Module(
            code="ontzorgmanager-reintegratie",
            name="Module Ontzorgmanager – Re-integratie",
            aliases=("ontzorgmanager-re-integratie", "om-reintegratie"),
            citations=_s("004", "1.9", "3.2"),
            sanction_extension=_s("004", "3.5"),
            termination=(
                TerminationRight(
                    reasons={
                        R.EINDE_GEKOPPELDE_MODULE,
                        R.FRAUDE,
                        R.WANBETALING,
                        R.OPZEGGING_UITVOERDER,
                    },
                    citations=_s("004", "2.4"),
                ),
            ),
            duration=_BASIS_004,
            cancellation=Cancellation(
                kind=CancellationKind.NOT_SEPARATELY, citations=_s("004", "2.3")
            ),
            consequences=(
                ConsequenceRule(
                    kind=ConsequenceKind.GUIDANCE_ENDS,
                    citations=_s("004", "2.5"),
                    description="re-integratiebegeleiding voor arbeidsongeschikte medewerkers eindigt",
                ),
                ConsequenceRule(
                    kind=ConsequenceKind.GUARANTEE_LAPSES,
                    citations=_s("004", "2.5", "3.5"),
                    description=(
                        "poortwachtergarantie vervalt, en daarmee de verlengde inzet van de "
                        "ontzorgmanager als UWV de loondoorbetaling verlengt (loonsanctie)"
                    ),
                ),
                ConsequenceRule(
                    kind=ConsequenceKind.CONSULTATION,
                    citations=_s("004", "2.5"),
                    description=(
                        "ontzorgmanager overlegt over voortgang en begeleiding van medewerkers "
                        "met nog recht op vergoeding van de loondoorbetaling en al ingezette "
                        "of toegezegde interventies"
                    ),
                ),
            ),
        ),
    ),
    couplings=(
        CouplingRule(
            source="mkb-verzuim-ontzorg",
            target="ontzorgmanager-arbobegeleiding",
            citations=_s("004", "1.9"),
        ),
        CouplingRule(
            source="ontzorgmanager-arbobegeleiding",
            target="mkb-verzuim-ontzorg",
            citations=_s("004", "1.9"),
        ),
        CouplingRule(
            source="mkb-verzuim-ontzorg",
            target="ontzorgmanager-reintegratie",
            citations=_s("004", "2.2", "1.9"),
        ),
        CouplingRule(
            source="ontzorgmanager-arbobegeleiding",
            target="ontzorgmanager-reintegratie",
            citations=_s("004", "2.2", "1.9"),
        ),
        CouplingRule(
            source="ontzorgmanager-reintegratie",
            target="mkb-verzuim-ontzorg",
            citations=_s("004", "2.5", "1.9", "5.3"),
        ),
        CouplingRule(
            source="ontzorgmanager-reintegratie",
            target="ontzorgmanager-arbobegeleiding",
            citations=_s("004", "2.5", "1.9", "5.3"),
        ),
    ),
    service_module="ontzorgmanager-reintegratie",
    eligibility=Eligibility(
        module="ontzorgmanager-reintegratie",
        citations=(*_s("004", "3.2"), *_s("002", "Interventiekostenvergoeding")),
    ),
    parameters=MKB_VERZUIM_ONTZORG_PARAMETERS,
    events=_MKB_VERZUIM_ONTZORG_EVENTS,
    interventions=Interventions(
        share=_name(INTERVENTION_SHARE_004),
        # 002 «Wat is een interventie?»: an active step that furthers re-integration.
        citations=(
            *_s("004", "3.3"),
            _BROCHURE_REIMBURSEMENT,
            Citation.seed("002", "Wat is een interventie?"),
        ),
        start_citations=(*_s("004", "3.2"), _BROCHURE_REIMBURSEMENT),
        assessor="de bedrijfsarts of de Ontzorgmanager",
        # Decision §8.1: 002 «Wat wordt niet vergoed?» lists these.
        excluded=(
            InterventionExclusion.RIE,
            InterventionExclusion.PMO,
            InterventionExclusion.PAGO,
            InterventionExclusion.KEURING,
            InterventionExclusion.CURSUS_PREVENTIEMEDEWERKER,
        ),
        exclusion_citations=(Citation.seed("002", "Wat wordt niet vergoed?"),),
    ),
)

# --- De Zeeuwse, Preventie-, re-integratieondersteuning en budgetten (003) ---------------

ZEEUWSE_PRB = Product(
    code="zeeuwse-prb",
    name="De Zeeuwse Preventie-, re-integratieondersteuning en budgetten",
    aliases=("zeeuwse", "prb"),
    citations=_s("003", "Preventie-, re-integratieondersteuning en budgetten"),
    modules=(
        Module(
            code="verzuim-erd",
            name="Verzuimverzekering Eigen Risico in Dagen",
            aliases=("verzuimverzekering", "verzuimverzekering-eigen-risico-in-dagen"),
            citations=_s("003", "1.2"),
        ),
        Module(
            code="arbocontract",
            name="Contract met een samenwerkende gecertificeerde arbodienst",
            aliases=("arbodienst",),
            citations=_s("003", "1.2"),
        ),
        Module(
            code="prb",
            name="Preventie-, re-integratieondersteuning en budgetten",
            aliases=("preventie-re-integratieondersteuning-en-budgetten",),
            citations=_s("003", "1.1", "1.2"),
            termination=(
                TerminationRight(reasons={R.EINDE_GEKOPPELDE_MODULE}, citations=_s("003", "1.5.2")),
                TerminationRight(
                    reasons={R.NIET_NAKOMEN_VERPLICHTINGEN, R.FRAUDE},
                    citations=_s("003", "3.2"),
                ),
            ),
            cancellation=Cancellation(
                kind=CancellationKind.NOT_SEPARATELY, citations=_s("003", "1.2", "1.5.2")
            ),
            consequences=(
                ConsequenceRule(
                    kind=ConsequenceKind.SERVICE_ENDS,
                    citations=_s("003", "1.5.2"),
                    description=(
                        "dienstverlening Preventie-, re-integratieondersteuning en budgetten "
                        "eindigt (behalve wat voor zieke werknemers doorloopt)"
                    ),
                ),
                ConsequenceRule(
                    kind=ConsequenceKind.GUIDANCE_CONTINUES,
                    citations=_s("003", "1.5.3"),
                    description=(
                        "re-integratieondersteuning en re-integratiebudget lopen door voor "
                        "werknemers die ziek werden terwijl de module nog liep (eerste "
                        "ziektedag uiterlijk op de einddatum, de laatste dag van de module), "
                        "zolang er een "
                        "wettelijke re-integratieverplichting is; ze eindigen bij volledig "
                        "herstel, tenzij de werknemer binnen 4 weken weer ziek wordt"
                    ),
                    unless=_NO_CONTINUATION,
                    relapse_parameter=_name(RELAPSE_WINDOW_DAYS),
                    reason_of="verzuim-erd",
                ),
                ConsequenceRule(
                    kind=ConsequenceKind.GUIDANCE_ENDS,
                    citations=_s("003", "1.5.3"),
                    description=(
                        "geen re-integratieondersteuning en geen re-integratiebudget meer, "
                        "ook niet voor werknemers die al ziek zijn"
                    ),
                    only=_NO_CONTINUATION,
                    reason_of="verzuim-erd",
                ),
            ),
        ),
        Module(
            code="wga-erd",
            name="WGA-eigenrisicoverzekering bij De Zeeuwse (verdubbelt de budgetten)",
            aliases=("wga-eigenrisicoverzekering", "wga"),
            citations=_s("003", "2.5.1", "2.6.1"),
        ),
        Module(
            code="wia-0-100",
            name="WIA 0-tot-100-verzekering bij De Zeeuwse (verdubbelt de budgetten)",
            aliases=("wia-0-tot-100", "wia"),
            citations=_s("003", "2.5.1", "2.6.1"),
        ),
    ),
    couplings=(
        CouplingRule(source="verzuim-erd", target="prb", citations=_s("003", "1.5.2", "1.2")),
        CouplingRule(
            source="arbocontract",
            target="prb",
            citations=_s("003", "1.5.2", "1.2"),
            unless={R.OVERSTAP_ARBODIENST},
        ),
    ),
    service_module="prb",
    eligibility=Eligibility(module="verzuim-erd", citations=_s("003", "1.3")),
    parameters=ZEEUWSE_PRB_PARAMETERS,
    events=_ZEEUWSE_PRB_EVENTS,
    interventions=Interventions(
        elsewhere="re-integratiekosten gaan via het re-integratiebudget per ziektegeval "
        "(003 art. 2.6; RI_REINTEGRATIEBUDGET)"
    ),
)

#: The built-in products, in the order ``RI_PRODUCTEN`` lists them.
BUILTIN_PRODUCTS: tuple[Product, ...] = (
    ASR_REINTEGRATIE,
    ASR_REINTEGRATIEMANAGER,
    MKB_VERZUIM_ONTZORG,
    ZEEUWSE_PRB,
)


def builtin_product(code: str) -> Product:
    """The built-in product named ``code`` (any case, alias); an error lists the codes."""
    return find_product(code, BUILTIN_PRODUCTS)


__all__ = [
    "ASR_REINTEGRATIE",
    "ASR_REINTEGRATIEMANAGER",
    "BUILTIN_PRODUCTS",
    "MKB_VERZUIM_ONTZORG",
    "ZEEUWSE_PRB",
    "builtin_product",
]
