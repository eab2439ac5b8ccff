"""The glossary (``docs/glossary.md``): every Dutch domain term and its English name in code.

Two parts:

* :data:`TERMS` — the words of the conditions (ziektegeval, loonsanctie,
  poortwachtergarantie, basismodule …), each with the English identifiers that carry it in
  the code and the article that defines or uses it. ``tests/docs`` check that every
  identifier exists and every article resolves, and that every public domain class of the
  core is named here (or listed in :data:`TECHNICAL` as not a domain term).
* the **codes**: every ``enum.Enum`` of the core, generated — the Dutch code a user types
  (``ziekmelding_uwv``, ``opzegging_werkgever``) next to the English member name.

An identifier is written by its public name relative to ``reintegratie_core`` (``Name``
or ``products.Name``), ``Name.MEMBER`` for an enum member or attribute, and
``function(argument)`` for an argument name.
"""

from __future__ import annotations

import enum
import importlib
import inspect
from collections.abc import Iterator
from typing import Any

import attrs

from docs.tools.citations import CORE, modules
from docs.tools.excel import escape_cell

PAGE = "glossary.md"


@attrs.frozen
class Term:
    """A Dutch term, its English names in the code, and where the conditions use it."""

    dutch: str
    english: str
    identifiers: tuple[str, ...]
    source: str


def _t(dutch: str, english: str, identifiers: str, source: str) -> Term:
    return Term(dutch, english, tuple(identifiers.split()), source)


TERMS: tuple[Term, ...] = (
    _t(
        "aanspraak",
        "entitlement",
        "Entitlement EntitlementStatus entitlement_status",
        "domain §5; 001 art. 4.2",
    ),
    _t(
        "aanhef",
        "preamble (citation of a document's opening)",
        "Citation.seed",
        "000 aanhef",
    ),
    _t(
        "arbodienst / arbocontract",
        "occupational health service contract (a module)",
        "products.Module",
        "000 art. 4.1; 003 art. 1.2",
    ),
    _t(
        "basismodule",
        "base module (a choice group of modules)",
        "products.Module.choice_group",
        "001 art. 1.8",
    ),
    _t(
        "beëindiging (van een module)",
        "termination; ended module",
        "products.cascade products.EndedModule products.Cascade",
        "001 art. 2.2; 004 art. 2.2",
    ),
    _t(
        "beëindigd (status)",
        "ended (entitlement state)",
        "EntitlementState.BEEINDIGD",
        "001 art. 2.5",
    ),
    _t("bron, artikel", "citation", "Citation SourceKind", "sources/seeds/INDEX.md"),
    _t(
        "bedrag, percentage, weken, dagen (in een uitleg)",
        "unit of a number in an explanation",
        "Unit Quantity format_number",
        "domain §1",
    ),
    _t(
        "cascade (meebeëindigen)",
        "cascade",
        "products.cascade products.ends_with products.EndsWith",
        "domain §4",
    ),
    _t(
        "contractvervaldatum",
        "contract expiry date",
        "products.first_expiry products.FirstExpiry products.basis_date products.Duration",
        "001 art. 2.1; 004 art. 2.1",
    ),
    _t("contracttermijn", "contract term", "products.Duration.term_parameter", "001 art. 2.3"),
    _t(
        "declaratie (uiterste datum)",
        "declaration deadline",
        "declaration_deadline",
        "003 art. 2.5.2, 2.6.2",
    ),
    _t(
        "termijn, uiterste datum",
        "deadline (a row of the deadline table)",
        "Deadline Term",
        "domain §5",
    ),
    _t(
        "dekkingspercentage",
        "coverage percentage (loonsanctie)",
        "SANCTION_COVERAGE",
        "003 art. 2.7.2",
    ),
    _t(
        "derde aansprakelijk, voorschot",
        "third-party liability, advance",
        "compensation.third_party_settlement compensation.ThirdPartySettlement compensation.SettlementDecision",
        "003 art. 2.6.4",
    ),
    _t(
        "dienstverlening",
        "services (entitlement)",
        "Entitlement.DIENSTVERLENING",
        "001 art. 3.2; 003 art. 2.4",
    ),
    _t(
        "doorlopende begeleiding",
        "guidance continues after the end",
        "products.guidance_continues products.GuidanceContinues products.apply_recovery",
        "000 art. 4.3; 003 art. 1.5.3",
    ),
    _t("eerste ziektedag", "first sick day", "SicknessCase.first_day", "003 art. 2.6.1"),
    _t(
        "eerstejaarsevaluatie",
        "first-year evaluation (milestone)",
        "Milestone.EERSTEJAARSEVALUATIE",
        "000 art. 3.4",
    ),
    _t(
        "einde loondoorbetaling",
        "end of wage continuation (milestone)",
        "Milestone.EINDE_LOONDOORBETALING",
        "BW 7:629 lid 1",
    ),
    _t(
        "gebeurtenis",
        "event (of the log)",
        "Event EventKind EventRule Effect",
        "domain §5; 001 art. 5.3",
    ),
    _t(
        "geschorst / schorsing",
        "suspended / suspension",
        "EntitlementState.GESCHORST EventKind.SCHORSING",
        "001 art. 5.3; 004 art. 5.3",
    ),
    _t(
        "gevolg (van beëindiging)",
        "consequence",
        "products.Consequence products.consequences products.ConsequenceRule products.ConsequenceKind",
        "001 art. 2.5; 004 art. 2.5",
    ),
    _t(
        "grond, uitleg, beslissing",
        "ground, explanation, decision",
        "Ground Explained Decision DecisionRecord",
        "STYLE.md",
    ),
    _t(
        "ingangsdatum",
        "start date (of a module contract)",
        "products.ModuleContract.start",
        "001 art. 3.2; 003 art. 1.3",
    ),
    _t(
        "interventie",
        "intervention",
        "compensation.intervention_reimbursement products.InterventionExclusion",
        "001 art. 1.5; 004 art. 1.6",
    ),
    _t(
        "interventievergoeding (100 %)",
        "intervention reimbursement",
        "compensation.intervention_reimbursement compensation.InterventionReimbursement products.Interventions",
        "001 art. 3.3; 004 art. 3.3",
    ),
    _t(
        "kosten-batenanalyse",
        "cost-benefit contribution above the cap",
        "compensation.cost_benefit_contribution compensation.CostBenefitContribution",
        "003 art. 2.6.1",
    ),
    _t(
        "koppeling (van modules)",
        "coupling rule",
        "products.CouplingRule",
        "001 art. 1.8; 004 art. 1.9",
    ),
    _t(
        "loonsanctie",
        "wage sanction (extra weeks of wage continuation)",
        "check_sanction_weeks compensation.sanction_compensation",
        "003 art. 2.7.1; BW 7:629 lid 11",
    ),
    _t(
        "loonsanctievergoeding (voorwaarden)",
        "sanction compensation (conditions)",
        "compensation.sanction_compensation compensation.SanctionConditions "
        "compensation.SanctionCompensation compensation.SanctionRefusal",
        "003 art. 2.7.2, 2.7.3",
    ),
    _t(
        "loonsanctievoorwaarden (uit het dossier)",
        "sanction conditions decided from a dossier",
        "compensation.sanction_conditions compensation.SanctionConditionsCheck compensation.ConditionCheck",
        "003 art. 2.7.3",
    ),
    _t(
        "mijlpaal",
        "milestone",
        "Milestone milestone_date MilestoneDate",
        "domain §3",
    ),
    _t("module", "module", "products.Module products.ModuleContract", "001 art. 1.8"),
    _t(
        "Ontzorgmanager / casemanager",
        "case manager (milestone: deployed from week 2)",
        "Milestone.ONTZORGMANAGER",
        "002 «In het kort»; 001 art. 1.4",
    ),
    _t(
        "opzegging",
        "cancellation (by the employer)",
        "products.Cancellation products.CancellationKind products.earliest_cancellation "
        "products.EarliestCancellation products.NotCancellableError",
        "001 art. 2.3; 004 art. 2.3",
    ),
    _t(
        "opzeggingsrecht van de verzekeraar",
        "termination right",
        "products.TerminationRight",
        "001 art. 2.4; 004 art. 2.4",
    ),
    _t(
        "parameter (gedateerd)",
        "dated parameter",
        "Parameter ParameterHistory ParameterNotInForceError",
        "domain §7",
    ),
    _t(
        "peildatum",
        "reference date",
        "remaining_weeks(reference) next_milestone(reference) RemainingWeeks",
        "domain §3",
    ),
    _t(
        "plan van aanpak",
        "plan of action (milestone, deadline)",
        "Milestone.PLAN_VAN_AANPAK plan_van_aanpak_deadline",
        "000 art. 3.2; 001 art. 4.1",
    ),
    _t("polis", "policy", "products.Policy", "domain §4"),
    _t(
        "poortwachtergarantie",
        "gatekeeper guarantee",
        "Entitlement.POORTWACHTERGARANTIE compensation.sanction_compensation",
        "003 art. 2.7; 001 art. 3.5",
    ),
    _t(
        "premie (meetellen)",
        "premium experience window",
        "compensation.counts_for_premium compensation.PremiumWindow",
        "003 art. 2.5.3, 2.6.3",
    ),
    _t(
        "preventiebudget",
        "prevention budget",
        "compensation.prevention_budget compensation.prevention_cap compensation.PreventionConditions compensation.PreventionReimbursement",
        "003 art. 2.5.1, 2.5.2",
    ),
    _t(
        "probleemanalyse",
        "problem analysis (milestone)",
        "Milestone.PROBLEEMANALYSE",
        "Regeling procesgang art. 2",
    ),
    _t(
        "product",
        "product (a set of modules and rules)",
        "products.Product products.builtin_product products.load_product",
        "domain §4",
    ),
    _t(
        "productbestand (TOML)",
        "product file",
        "products.load_product products.ProductFileError",
        "domain §7",
    ),
    _t(
        "re-integratiebudget",
        "re-integration budget",
        "compensation.reintegration_budget compensation.reintegration_cap compensation.ReintegrationConditions compensation.ReintegrationReimbursement compensation.BudgetClaim compensation.BudgetLedger compensation.LedgerEntry",
        "003 art. 2.6.1, 2.6.2",
    ),
    _t(
        "restant budget (per ziektegeval)",
        "budget left per case",
        "compensation.budget_balances compensation.budget_cases compensation.BudgetBalance compensation.BudgetKind compensation.Declaration",
        "003 art. 2.5.1, 2.6.1",
    ),
    _t(
        "reden (van beëindiging)",
        "termination reason",
        "products.TerminationReason products.ReasonNotAllowedError",
        "domain §4; 001 art. 2.4",
    ),
    _t(
        "recht op dienstverlening (ingangsdatum)",
        "eligibility by start date",
        "products.eligible products.Eligible products.Eligibility",
        "001 art. 3.2; 003 art. 1.3",
    ),
    _t(
        "resterende weken loondoorbetaling",
        "remaining weeks of wage continuation",
        "remaining_weeks",
        "BW 7:629 lid 1",
    ),
    _t(
        "resterende loonkosten",
        "remaining wage cost",
        "compensation.remaining_wage_cost compensation.RemainingWageCost",
        "001 art. 3.3",
    ),
    _t(
        "samentelling",
        "merging sick periods into one case",
        "merge_cases",
        "BW 7:629 lid 10; 003 art. 2.6.1",
    ),
    _t(
        "sanctieweken",
        "sanction weeks",
        "milestone_date(sanction_weeks)",
        "003 art. 2.7.1",
    ),
    _t(
        "SEPA-gebied",
        "SEPA zone",
        "compensation.is_sepa_account compensation.SepaAccount",
        "001 art. 3.4; 004 art. 3.4",
    ),
    _t(
        "signaal",
        "signal (next milestone within a horizon)",
        "Signal next_milestone NextMilestone",
        "domain §3",
    ),
    _t(
        "tarief pro rata",
        "prorated module fee",
        "compensation.prorated_fee compensation.ProratedFee",
        "001 art. 5.2; 004 art. 5.2",
    ),
    _t(
        "terugvalpreventie",
        "relapse prevention",
        "relapse_prevention RelapsePrevention",
        "002 «De Ontzorgmanager»",
    ),
    _t("tijdlijn", "timeline", "timeline milestone_days", "domain §3"),
    _t(
        "uitgesloten kosten",
        "excluded cost kinds",
        "compensation.BudgetExclusion compensation.InterventionExclusion",
        "003 art. 2.5.4, 2.6.5; 002 «Wat wordt niet vergoed?»",
    ),
    _t(
        "verlof (zwangerschap, bevalling)",
        "pregnancy/maternity leave (WAZO bridge)",
        "AbsenceKind.LEAVE Absence.leave",
        "BW 7:629 lid 10",
    ),
    _t(
        "vervallen (status)",
        "lapsed (entitlement state)",
        "EntitlementState.VERVALLEN",
        "001 art. 4.2",
    ),
    _t(
        "vergoeding (aanspraak)",
        "reimbursement (entitlement)",
        "Entitlement.VERGOEDING",
        "001 art. 3.3",
    ),
    _t(
        "voorwaarden (van een product)",
        "the rules of a product per entitlement",
        "ProductRules Granted product_rules AppliedRule",
        "domain §5",
    ),
    _t(
        "weekloon",
        "weekly wage",
        "compensation.weekly_wage compensation.WagePeriod compensation.WeeklyWage",
        "domain §6",
    ),
    _t(
        "werkdag",
        "working day (Atw)",
        "is_working_day add_working_days working_day feestdagen",
        "Algemene termijnenwet art. 3",
    ),
    _t(
        "gelijkgestelde dag",
        "equated day (declared equal to a holiday by Koninklijk Besluit)",
        "EquatedDay EquatingDecree equated_days EQUATING_DECREES",
        "Algemene termijnenwet art. 3 lid 3; domain §8.1",
    ),
    _t(
        "werkgeverslasten",
        "employer charges",
        "EMPLOYER_CHARGES",
        "003 art. 2.7.2",
    ),
    _t("werklijst", "worklist", "WorkItem Status work_item", "domain §3"),
    _t(
        "ziekmelding UWV (42e-weeksmelding)",
        "sickness report to UWV (milestone)",
        "Milestone.ZIEKMELDING_UWV",
        "000 art. 1.4; Ziektewet art. 38",
    ),
    _t(
        "ziektedagen (getelde)",
        "counted sick days",
        "SicknessCase.counted_days counted_sick_days SickDays",
        "domain §2",
    ),
    _t(
        "ziektegeval",
        "sickness case",
        "SicknessCase last_case case_at case_of",
        "003 art. 2.6.1",
    ),
    _t(
        "ziekteperiode",
        "sick period",
        "Absence AbsenceKind Period",
        "domain §2",
    ),
    # --- Financial consequences (financieel.md, domain §9)
    _t(
        "loondoorbetaling bij ziekte (wettelijk)",
        "statutory wage continuation",
        "financial.WageContinuation financial.wage_continuation",
        "BW 7:629 lid 1; 000 art. 1.9",
    ),
    _t(
        "loongrens",
        "wage cap of wage continuation",
        "financial.WageContinuation.cap",
        "BW 7:629 lid 1; Wfsv art. 17 lid 1",
    ),
    _t(
        "maximumdagloon, minimumloon (WML), halfjaarwaarden",
        "half-year rates in force",
        "financial.HalfYearRates financial.RatesInForce "
        "financial.rates_on financial.MAXIMUM_DAILY_WAGE "
        "financial.MINIMUM_WAGE_HOUR financial.MINIMUM_WAGE_MONTH",
        "Wfsv art. 17, 18; WML art. 8",
    ),
    _t(
        "WIA-minimumloon",
        "WIA minimum wage",
        "financial.WIA_MINIMUM_WAGE",
        "WML art. 8 lid 1 b, 15",
    ),
    _t(
        "afgeleid (niet bevestigd)",
        "derived parameter value",
        "financial.DERIVED_NOTE financial.HalfYearRates.derived",
        "Wfsv art. 18 lid 1",
    ),
    _t(
        "dagloon, maandloon (WIA)",
        "WIA daily and monthly wage",
        "financial.WiaWage financial.WiaWageFigure financial.wia_wage",
        "WIA art. 13; Dagloonbesluit art. 16",
    ),
    _t(
        "arbeidsongeschiktheidsklasse, klassepercentage",
        "class of lost earning capacity",
        "financial.Regime financial.ClassBand financial.Classification "
        "financial.classify financial.CLASS_BANDS",
        "WIA art. 4, 5, 54, 61 lid 6",
    ),
    _t(
        "IVA, WGA (loongerelateerde uitkering, loonaanvulling, vervolguitkering)",
        "WIA benefit in a month",
        "financial.BenefitKind financial.MonthlyBenefit financial.AfterWageRelated "
        "financial.monthly_benefit",
        "WIA art. 51, 52, 60–62; 000 art. 1.9",
    ),
    _t(
        "restverdiencapaciteit, inkomenseis",
        "remaining earning capacity, income requirement",
        "financial.monthly_benefit(earning_capacity) financial._wia.INCOME_REQUIREMENT",
        "WIA art. 60, 61",
    ),
    _t(
        "duur loongerelateerde uitkering (arbeidsverleden)",
        "duration of the wage-related benefit",
        "financial.LguDuration financial.lgu_duration",
        "WIA art. 59",
    ),
    _t(
        "WIA-overzicht per maand",
        "benefit overview",
        "financial.BenefitOverview financial.OverviewRow financial.benefit_overview",
        "domain §9.5",
    ),
)

#: Public classes of the core that are machinery, not domain terms (no glossary entry).
TECHNICAL = frozenset(
    {
        "ReintegratieError",
        "InvalidPeriodError",
        "InvalidValueError",
        "UnknownCodeError",
        "NotApplicableError",
        "NotInProductError",
        "Scope",
        "products.ProductDefinitionError",
    }
)


def resolve(identifier: str) -> bool:
    """True when ``identifier`` (see the module docstring) names something in the core."""
    argument = None
    if identifier.endswith(")") and "(" in identifier:
        identifier, argument = identifier[:-1].split("(", 1)
    parts = identifier.split(".")
    for split in range(len(parts) - 1, -1, -1):
        try:
            target: Any = importlib.import_module(".".join([CORE, *parts[:split]]))
        except ImportError:
            continue
        for name in parts[split:]:
            if attrs.has(target) and name in {f.name for f in attrs.fields(target)}:
                target = None  # an attrs field: exists, has no class attribute to follow
                break
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        if argument is not None:
            return target is not None and argument in inspect.signature(target).parameters
        return True
    return False


def _classes() -> Iterator[tuple[str, type]]:
    """Every public class defined in the core, as ``(module-relative name, class)``."""
    for module in modules(CORE):
        imported = importlib.import_module(module.name)
        for name, value in vars(imported).items():
            if (
                isinstance(value, type)
                and value.__module__ == module.name
                and not name.startswith("_")
            ):
                yield f"{_public(module.name)}.{name}".removeprefix(CORE + "."), value


def enums() -> list[tuple[str, type[enum.Enum]]]:
    """Every enum class defined in the core, as ``(module-relative name, class)``."""
    found = [(name, value) for name, value in _classes() if issubclass(value, enum.Enum)]
    return sorted(found, key=lambda pair: pair[0])


def public_classes() -> list[str]:
    """Every public class defined in the core (``module.Name``)."""
    return sorted(name for name, _ in _classes())


def _public(module: str) -> str:
    """A private implementation module's public name: its package (which re-exports it)."""
    parts = module.split(".")
    return ".".join(parts[:-1]) if parts[-1].startswith("_") else module


def named_classes() -> set[str]:
    """The classes the glossary names (an identifier, or the class of a member)."""
    named = set()
    for term in TERMS:
        for identifier in term.identifiers:
            path = identifier.split("(")[0]
            parts = path.split(".")
            for end in range(len(parts), 0, -1):
                named.add(".".join(parts[:end]))
    return named


def unnamed_classes() -> list[str]:
    """Public domain classes of the core that the glossary does not name."""
    named = named_classes()
    return [c for c in public_classes() if c not in named and c not in TECHNICAL]


def _code(identifier: str) -> str:
    return f"`{identifier}`"


def render() -> str:
    """The whole page."""
    lines = [
        "# Begrippenlijst — Nederlands ↔ Engels",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/glossary.py); niet met de hand bewerken. -->",
        "",
        (
            "De voorwaarden en de Excel-functies spreken Nederlands, de Python-code Engels. Deze "
            "lijst zet de woorden naast elkaar: het begrip, de Engelse naam in de code (relatief "
            "aan `reintegratie_core`) en het artikel dat het begrip gebruikt. Daaronder staan alle "
            "codes die u in Excel typt, met hun naam in de code."
        ),
        "",
        "| Begrip | In het Engels | In de code | Bron |",
        "|---|---|---|---|",
    ]
    for term in sorted(TERMS, key=lambda t: t.dutch.casefold()):
        code = "<br>".join(_code(i) for i in term.identifiers)
        lines.append(
            f"| **{escape_cell(term.dutch)}** | {escape_cell(term.english)} | {code} "
            f"| {escape_cell(term.source)} |"
        )
    lines += [
        "",
        "## Codes",
        "",
        (
            "Elke code die een Excel-functie als argument kent of in een tabel teruggeeft, met de "
            "naam van het lid in de code. Hoofdletters, spaties, `-` en `_` maken bij het typen "
            "niet uit."
        ),
        "",
    ]
    for name, codes in enums():
        summary = (inspect.getdoc(codes) or "").split("\n\n")[0].replace("\n", " ")
        lines += [
            f"### `{name}`",
            "",
            escape_cell(summary),
            "",
            "| Code | In de code |",
            "|---|---|",
        ]
        lines.extend(f"| `{m.value}` | `{m.name}` |" for m in codes)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
