"""The traceability matrix (``docs/referentie/traceerbaarheid.md``): article → code → tests.

For every article of the five conditions (``articles.py``): the public core functions that
implement it (``citations.py``: the code's ``Citation.seed`` calls, the citations in its
tables and its docstrings), the Excel functions that reach those, and the tests that cite
the article. An article without a rule is listed in :data:`NO_RULE` with the reason; a
rule the library consciously does not compute is listed in :data:`OUT_OF_SCOPE` with the
reason (for an article whose other rules are implemented, as the part left out); a
chapter whose rules are all in its numbered parts is shown as a heading.

:func:`problems` lists what would make the matrix wrong: a citation of an article that
does not exist, a rule-bearing article that no code implements, an article marked "no
rule" that the code cites after all. ``tests/docs`` assert that there are none.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from functools import cache

import attrs

from docs.tools import api
from docs.tools.articles import Article, Kind, SeedIndex, all_indexes, seed_index
from docs.tools.citations import (
    BARE,
    CodeCitation,
    Node,
    Via,
    all_code_citations,
    citation_implementers,
    citations_in_tests,
    excel_users,
    unresolved,
)
from docs.tools.trace import observed
from reintegratie_core import SEED_LABELS, SEEDS

PAGE = "referentie/traceerbaarheid.md"

_DEFINITION = "begrip (definitie); de code gebruikt het woord, zie de begrippenlijst"
_PRIVACY = "privacy: hoe persoonsgegevens worden verwerkt; geen rekenregel"
_COMPLAINTS = "klachtenprocedure; geen rekenregel"
_PURPOSE = "doel van de dienstverlening; de regels staan in de artikelen die volgen"
_WORK = "beschrijft de werkwijze van de casemanager; geen regel die de bibliotheek kan berekenen"
_MARKETING = "wervende tekst over het netwerk of de resultaten; geen regel"
_PREAMBLE = "aanhef: de partijen en waar de voorwaarden bij horen; geen rekenregel"

#: Articles that contain no rule the library computes, with the reason (seed, article → why).
NO_RULE: dict[tuple[str, str], str] = {
    # 000 a.s.r. re-integratie
    ("000", "1.2"): _WORK,
    ("000", "1.3"): "advies over de stappen van de Wet verbetering poortwachter; de termijnen "
    "zelf komen uit de wet (tijdlijn)",
    ("000", "1.5"): _WORK,
    ("000", "1.10"): _WORK,
    (
        "000",
        "1.11",
    ): "begeleiding bij de documenten; hun termijnen staan in art. 3.2, 3.4 en de wet",
    ("000", "2.1"): _WORK,
    ("000", "2.2"): _PRIVACY,
    ("000", "2.3"): _COMPLAINTS,
    ("000", "2.4"): "toepasselijk recht",
    # 001 a.s.r. Re-integratiemanager
    ("001", "1.1"): _DEFINITION,
    ("001", "1.2"): _DEFINITION,
    ("001", "1.3"): _DEFINITION,
    ("001", "1.4"): _DEFINITION,
    ("001", "1.5"): _DEFINITION,
    ("001", "1.6"): _DEFINITION,
    ("001", "1.7"): _DEFINITION,
    ("001", "3.1"): _PURPOSE,
    ("001", "6"): _PRIVACY,
    ("001", "7"): _COMPLAINTS,
    # 002 MKB Verzuim-ontzorgverzekering (brochure; articles are its headings)
    ("002", "Medewerkers zo snel mogelijk weer aan de slag krijgen"): "rolverdeling tussen "
    "arbodienst, bedrijfsarts en Ontzorgmanager",
    ("002", "Wat zit er in het pakket?"): "verwijst naar de werkwijze casemanager van OVAL",
    ("002", "Wat wordt vergoed?"): "vaste premie en toegang tot de diensten; de 100 %-vergoeding "
    "en haar voorwaarden staan onder «Interventiekostenvergoeding»",
    ("002", "Een voorbeeld"): "rekenvoorbeeld bij «Interventiekostenvergoeding», geen eigen "
    "regel; de tests rekenen het na",
    ("002", "Welkomstgesprek"): "een kennismakingsgesprek; dienstverlening zonder regel",
    ("002", "Uitgebreid netwerk van dienstverleners"): _MARKETING,
    ("002", "Psychische dienstverleners, zoals"): _MARKETING,
    ("002", "Fysieke dienstverleners, zoals"): _MARKETING,
    ("002", "Monitoring op kwaliteit"): _MARKETING,
    ("002", "Bewezen succes"): _MARKETING,
    ("002", "Voordeel voor de werkgever"): _MARKETING,
    # 003 De Zeeuwse, Preventie-, re-integratieondersteuning en budgetten
    ("003", "1.4.1"): "wie de preventieondersteuning uitvoert (team VRA)",
    ("003", "1.4.2"): "wie de re-integratieondersteuning uitvoert (team VRA, Claims Inkomen)",
    ("003", "1.5.1"): "de ingangsdatum staat op het polisblad (invoer); wie eronder valt "
    "regelt art. 1.3",
    ("003", "2.1"): "het persoonlijke aanspreekpunt (VerzuimCoach)",
    ("003", "2.2"): "informatie en advies; dienstverlening zonder regel",
    ("003", "2.3"): "informatie over preventie; de vergoeding staat in art. 2.5",
    ("003", "3.3.1"): _PRIVACY,
    ("003", "3.3.2"): _PRIVACY,
    ("003", "3.4"): "wijziging van de voorwaarden: een nieuwe versie is een nieuwe gedateerde "
    "parameterwaarde (domain §7), geen rekenregel",
    ("003", "3.5"): _COMPLAINTS,
    # 004 De Amersfoortse, Ontzorgmanager – Re-integratie
    ("004", "1.1"): _DEFINITION,
    ("004", "1.2"): _DEFINITION,
    ("004", "1.3"): _DEFINITION,
    ("004", "1.5"): _DEFINITION,
    ("004", "1.6"): _DEFINITION,
    ("004", "1.7"): _DEFINITION,
    ("004", "1.8"): _DEFINITION,
    ("004", "3.1"): _PURPOSE,
    ("004", "6"): _PRIVACY,
    ("004", "7"): _COMPLAINTS,
}


#: Rules the library consciously does not compute, with the reason (seed, article → why).
#: An article that code also cites stays "regel" and shows this as the part left out.
OUT_OF_SCOPE: dict[tuple[str, str], str] = {
    ("000", "1.7"): "de loonwaarde stelt de casemanager vast in overleg (een oordeel over de "
    "arbeidsprestatie); er is geen formule in de voorwaarden",
    ("000", "3.1"): "de informatieplicht zelf is geen termijn; het gevolg van niet nakomen "
    "(art. 4.2) is geïmplementeerd",
    ("000", "3.3"): "een deskundigenoordeel aanvragen 'indien stagnatie ontstaat' is een oordeel "
    "over de voortgang, zonder datum of termijn",
    ("000", "3.5"): "passend werk aanbieden is een inspanning zonder rekenregel of termijn",
    ("000", "3.6"): "meewerken aan re-integratie is een inspanning; het gevolg van niet "
    "nakomen (art. 4.2) is geïmplementeerd",
    ("000", "3.7"): "inkomenswijzigingen doorgeven heeft geen termijn in de voorwaarden; de "
    "uitkering zelf valt buiten deze bibliotheek",
    ("002", "Jaarlijkse gratis preventiecheck"): "een jaarlijkse check door de Ontzorgmanager "
    "zonder peildatum of gevolg voor rechten of vergoedingen; de brochure geeft geen datum "
    "om vanaf te rekenen",
    ("003", "1.3"): "deels: of een werknemer verzekerd is (Aanvullende Voorwaarden) en het "
    "terugbetalen als een no-riskpolis blijkt, zijn gegevens van de verzekering, geen "
    "rekenregel; de ingangsdatumregel is geïmplementeerd",
    ("003", "3.2"): "deels: of een vergoeding wordt geweigerd of verlaagd en 'tenzij u aantoont "
    "dat wij niet in onze belangen zijn geschaad' is een besluit van de verzekeraar; de "
    "invoer daarvan (voorwaarden_voldaan, gebeurtenissen) en de beëindiging zijn "
    "geïmplementeerd",
    ("003", "2.7.3"): "deels: 'zo snel mogelijk de verbeterpunten opvolgen' heeft geen termijn; "
    "de meldingstermijn van vijf werkdagen is geïmplementeerd",
}

#: Rule-bearing articles that no code cites yet, with what is known (seed, article → note).
#: ``tests/docs`` fail when an article is missing that is not here, and when one here is
#: implemented (so that the note is removed with the gap).
KNOWN_GAPS: dict[tuple[str, str], str] = {}


class Status(enum.Enum):
    """What the matrix says about an article."""

    RULE = "regel"
    OUT_OF_SCOPE = "buiten scope"
    NO_RULE = "geen regel"
    HEADING = "kop"
    MISSING = "niet geïmplementeerd"


@attrs.frozen(kw_only=True)
class Row:
    """One article of the matrix."""

    article: Article
    status: Status
    implementers: tuple[Node, ...] = ()
    tables: tuple[str, ...] = ()
    excel: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()
    reason: str = ""


@cache
def _citations_by_article() -> dict[tuple[str, str], list[CodeCitation]]:
    found: dict[tuple[str, str], list[CodeCitation]] = defaultdict(list)
    for citation in all_code_citations():
        if citation.seed not in SEEDS:
            continue
        if citation.via is Via.DOCSTRING and citation.seed == "002":
            continue
        articles = seed_index(citation.seed).resolve(citation.article)
        for article in articles or ():
            found[article.key].append(citation)
    return found


@cache
def _observed_by_article() -> dict[tuple[str, str], tuple[set[Node], set[str]]]:
    found: dict[tuple[str, str], tuple[set[Node], set[str]]] = defaultdict(lambda: (set(), set()))
    for (seed, reference), (functions, excel) in observed().items():
        if seed not in SEEDS:
            continue
        for article in seed_index(seed).resolve(reference) or ():
            found[article.key][0].update(functions)
            found[article.key][1].update(excel)
    return found


@cache
def _tests_by_article() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for citation in citations_in_tests():
        if citation.seed not in SEEDS:
            continue
        for article in seed_index(citation.seed).resolve(citation.article) or ():
            if citation.test not in found[article.key]:
                found[article.key].append(citation.test)
    return found


@cache
def rows(index: SeedIndex) -> tuple[Row, ...]:
    """The matrix rows of one seed, in document order."""
    cited = _citations_by_article()
    seen = _observed_by_article()
    tests = _tests_by_article()
    result = []
    for article in index.articles:
        key = article.key
        nodes: dict[Node, None] = {}
        tables: dict[str, None] = {}
        for citation in cited.get(key, ()):
            for node in citation_implementers(citation):
                nodes.setdefault(node, None)
            if citation.via is Via.DATA and citation.field != BARE:
                tables.setdefault(citation.qualname, None)
        static = tuple(nodes)
        run_functions, run_excel = seen.get(key, (set(), set()))
        for node in sorted(run_functions):
            nodes.setdefault(node, None)
        found = tuple(nodes)
        reason = NO_RULE.get(key, "") or OUT_OF_SCOPE.get(key, "")
        if found or tables:
            status = Status.RULE
        elif key in OUT_OF_SCOPE:
            status = Status.OUT_OF_SCOPE
        elif key in NO_RULE:
            status = Status.NO_RULE
        elif article.kind is Kind.PREAMBLE:
            status, reason = Status.NO_RULE, _PREAMBLE
        elif article.kind is Kind.TITLE or index.is_container(article.number):
            status = Status.HEADING
        else:
            status, reason = Status.MISSING, KNOWN_GAPS.get(key, "")
        result.append(
            Row(
                article=article,
                status=status,
                implementers=found,
                tables=tuple(tables),
                excel=tuple(sorted(set(excel_users(static)) | run_excel)),
                tests=tuple(sorted(tests.get(key, ()))),
                reason=reason,
            )
        )
    return tuple(result)


def problems() -> list[str]:
    """Everything that makes the matrix wrong, as Dutch sentences (empty: all is well)."""
    found = [
        f"{c.qualname} citeert {c.seed} art. {c.article!r}, dat niet in de bron staat"
        for c in unresolved(all_code_citations())
    ]
    found.extend(
        f"{c.test} citeert {c.seed} art. {c.article!r}, dat niet in de bron staat"
        for c in citations_in_tests()
        if c.seed in SEEDS and c.seed != "002" and seed_index(c.seed).resolve(c.article) is None
    )
    found.extend(
        f"{name} noemt {seed} {number!r}, dat niet in de bron staat"
        for name, table in (("NO_RULE", NO_RULE), ("OUT_OF_SCOPE", OUT_OF_SCOPE))
        for seed, number in table
        if seed_index(seed).get(number) is None
    )
    found.extend(
        f"{seed} {number!r} staat zowel in NO_RULE als in OUT_OF_SCOPE"
        for seed, number in set(NO_RULE) & set(OUT_OF_SCOPE)
    )
    for index in all_indexes():
        for row in rows(index):
            if row.status is Status.MISSING:
                note = f" ({row.reason})" if row.reason else ""
                found.append(
                    f"{row.article.label} bevat een regel maar geen code citeert het{note}"
                )
            if row.status is Status.RULE and row.article.key in NO_RULE:
                found.append(
                    f"{row.article.label} staat als 'geen regel' in NO_RULE, maar "
                    f"{', '.join(n[1] for n in row.implementers)} citeert het"
                )
    return found


def _api_link(node: Node) -> str:
    """The implementer under its import path, linked to the API page that documents it."""
    module, name = node
    public = api.public_path(module, name)
    if public is None:
        return f"`{module.removeprefix('reintegratie_core.')}.{name}`"
    return f"[`{public.removeprefix('reintegratie_core.')}`][{public}]"


def _test_label(test: str) -> str:
    return "`" + test.removeprefix("tests/") + "`"


def render() -> str:
    """The whole page."""
    lines = [
        "# Traceerbaarheid: artikel → code → test",
        "",
        "<!-- Gegenereerd door `make docs` (docs/tools/traceability.py) uit de citaten in de",
        "     code en de tests; niet met de hand bewerken. -->",
        "",
        (
            "Voor elk artikel van de vijf voorwaarden: de functies van `reintegratie_core` die de "
            "regel uitvoeren, de Excel-functies die daarop steunen en de tests die het artikel "
            "noemen. De lijst wordt opgebouwd uit de citaten in de code "
            '(`Citation.seed("003", "2.6.1")`, ook in tabellen) en in de docstrings en '
            "commentaar van de tests — niet met de hand. Een artikel zonder regel staat erbij "
            "met de reden."
        ),
        "",
        "| Status | Betekenis |",
        "|---|---|",
        (
            "| regel | de genoemde functies voeren de regel uit; een *tabel* is een regel als data "
            "(productcatalogus, gebeurtenissen, parameters) die de functies lezen |"
        ),
        (
            "| regel — deels … | een deel van het artikel is bewust niet geïmplementeerd "
            "(reden erbij) |"
        ),
        (
            "| buiten scope | het artikel bevat een regel die de bibliotheek bewust niet "
            "berekent (reden erbij) |"
        ),
        "| geen regel | het artikel bevat niets om te berekenen (reden erbij) |",
        "| kop | een hoofdstuk of paragraaf; de regels staan in de onderdelen eronder |",
        "| **niet geïmplementeerd** | het artikel bevat een regel die nog geen code citeert |",
        "",
    ]
    issues = problems()
    if issues:
        lines += ['!!! warning "Openstaande punten"', ""]
        lines.extend(f"    - {issue}" for issue in issues)
        lines.append("")
    totals: dict[Status, int] = defaultdict(int)
    body: list[str] = []
    for index in all_indexes():
        seed_rows = rows(index)
        name = SEEDS[index.seed][1]
        body += [
            f"## {index.seed} — {name}",
            "",
            f"In de uitleg: *{SEED_LABELS[index.seed]} art. …* (zie [Bronnen](bronnen.md)).",
            "",
            "| Artikel | Onderwerp | Status | Code | Excel | Tests |",
            "|---|---|---|---|---|---|",
        ]
        for row in seed_rows:
            totals[row.status] += 1
            number = row.article.number if index.seed != "002" else f"«{row.article.number}»"
            title = "" if index.seed == "002" else row.article.title.replace("|", "\\|")
            status = {
                Status.RULE: "regel" + (f" — {row.reason}" if row.reason else ""),
                Status.OUT_OF_SCOPE: "buiten scope — " + row.reason,
                Status.NO_RULE: "geen regel — " + row.reason,
                Status.HEADING: "kop",
                Status.MISSING: "**niet geïmplementeerd**"
                + (f" — {row.reason}" if row.reason else ""),
            }[row.status]
            code = "<br>".join(
                [
                    *(_api_link(n) for n in row.implementers),
                    *(f"tabel `{t.removeprefix('reintegratie_core.')}`" for t in row.tables),
                ]
            )
            excel = "<br>".join(f"[`{f}`](functies.md#{f.lower()})" for f in row.excel)
            tests = "<br>".join(_test_label(t) for t in row.tests)
            if row.article.parent is None and index.seed != "002":
                number = f"**{number}**"
            body.append(f"| {number} | {title} | {status} | {code} | {excel} | {tests} |")
        body.append("")
    lines += [
        "## Samenvatting",
        "",
        "| Status | Artikelen |",
        "|---|---|",
        *(f"| {status.value} | {totals[status]} |" for status in Status),
        "",
        *body,
    ]
    return "\n".join(lines).rstrip() + "\n"
