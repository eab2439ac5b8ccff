"""Write every generated page and picture of ``docs/`` (``python -m docs.tools.generate``).

``--check`` writes nothing and exits 1 when a generated file differs from what is
committed (or is missing, or is stale). The directories ``docs/api``, ``docs/img`` and
``docs/_snippets`` belong to the generator: files in them that it no longer makes are
removed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from docs.tools import api, coupling, glossary, guide, reference, sources, traceability
from docs.tools.articles import ROOT
from docs.tools.pictures import (
    IncomeCase,
    WorkRow,
    cascade_svg,
    income_steps,
    income_svg,
    timeline_svg,
    worklist_svg,
)
from reintegratie_core import Absence, SicknessCase, merge_cases

DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"
#: Directories whose every file the generator writes.
OWNED_DIRS = ("api", "img", "_snippets")


def timeline_pictures() -> dict[str, str]:
    """The Poortwachter timelines of the guide's example cases."""
    d = date(2025, 1, 6)
    interrupted = merge_cases(
        [Absence.sick(date(2025, 1, 6), date(2025, 1, 31)), Absence.sick(date(2025, 2, 20))]
    )[-1]
    return {
        "img/tijdlijn-voorbeeld.svg": timeline_svg(
            SicknessCase.ongoing(d),
            title="Poortwachter-tijdlijn — eerste ziektedag 06-01-2025, nog ziek",
        ),
        "img/tijdlijn-onderbreking.svg": timeline_svg(
            interrupted,
            title="Ziek 06-01 t/m 31-01-2025 en weer vanaf 20-02-2025: 19 dagen onderbreking, één ziektegeval",
        ),
        "img/tijdlijn-loonsanctie.svg": timeline_svg(
            SicknessCase.ongoing(d),
            sanction_weeks=12,
            title="Dezelfde tijdlijn met een loonsanctie van 12 weken",
        ),
    }


#: The worked case of the guide page "Financiële gevolgen" (handleiding/financieel.md).
INCOME_CASE = IncomeCase(
    monthly_wage=Decimal(2500),
    hours_per_week=Decimal(36),
    first_sick_day=date(2025, 1, 6),
    annual_wage=Decimal(32400),
    ao=Decimal("0.5"),
    earning_capacity=Decimal(1000),
    income=Decimal(600),
    years_before_2016=5,
    years_from_2016=10,
)


def financial_pictures() -> dict[str, str]:
    """Income over time of the guide's worked case, every amount computed by the core."""
    return {
        "img/inkomen-wia.svg": income_svg(
            income_steps(INCOME_CASE),
            INCOME_CASE.monthly_wage,
            title="Inkomen per maand vanaf de eerste ziektedag (06-01-2025): loondoorbetaling, "
            "dan WIA",
        )
    }


def cascade_pictures() -> dict[str, str]:
    """The cascade of the guide's termination example (``Module beëindigen``)."""
    from reintegratie_core.products import builtin_product

    product = builtin_product("asr-reintegratiemanager")
    return {
        "img/cascade-basis-verzuim.svg": cascade_svg(
            product,
            "basis-verzuim",
            date(2025, 7, 1),
            title="asr-reintegratiemanager: de werkgever zegt basis-verzuim op per 01-07-2025",
        )
    }


#: The worklist picture's cases: employee, first sick day, tracked milestones not done.
WORKLIST_DAY = date(2025, 11, 3)
WORKLIST_CASES: tuple[tuple[str, date, tuple[str, ...]], ...] = (
    ("W-01", date(2025, 9, 15), ()),
    ("W-02", date(2025, 10, 6), ()),
    ("W-03", date(2025, 10, 20), ()),
    ("W-04", date(2024, 12, 2), ()),
    ("W-05", date(2025, 1, 20), ()),
    ("W-06", date(2025, 8, 4), ("plan_van_aanpak",)),
    ("W-07", date(2024, 2, 5), ()),
    ("W-08", date(2025, 6, 2), ()),
    ("W-09", date(2024, 11, 4), ("eerstejaarsevaluatie",)),
)


def worklist_pictures() -> dict[str, str]:
    """One worklist day (``portefeuille.md``): each tracked milestone before the day done on
    its date, except the ones a case lists as not done."""
    from reintegratie_core import TRACKED_MILESTONES, timeline, work_item

    rows = []
    for employee, first_day, missed in WORKLIST_CASES:
        done = {
            e.milestone: e.value
            for e in timeline(SicknessCase.ongoing(first_day))
            if e.milestone in TRACKED_MILESTONES
            and e.value is not None
            and e.value < WORKLIST_DAY
            and e.milestone.value not in missed
        }
        item = work_item(
            SicknessCase.ongoing(first_day), WORKLIST_DAY, module_start=date(2024, 1, 1), done=done
        )
        rows.append(WorkRow(employee=employee, item=item))
    return {
        "img/werklijst-dag.svg": worklist_svg(
            rows, WORKLIST_DAY, 14, title="De werklijst van maandag 3 november 2025"
        )
    }


def example_products() -> list[tuple[Path, Any]]:
    """The product files of ``docs/examples`` with the product each defines."""
    from reintegratie_core.products import load_product

    files = sorted(EXAMPLES.glob("*.toml")) if EXAMPLES.is_dir() else []
    return [(path, load_product(path.read_text(encoding="utf-8"))) for path in files]


def example_pictures() -> dict[str, str]:
    """The coupling picture of each example product file."""
    return {
        f"img/voorbeeld-{coupling.image_name(product)}": coupling.picture(product)
        for _path, product in example_products()
    }


def product_example_snippet() -> str:
    """The first product file of ``docs/examples`` as a TOML block and its coupling picture."""
    examples = example_products()
    if not examples:
        return (
            "*Er staat nog geen voorbeeldbestand in `docs/examples/`; `make docs` neemt het "
            "hier op zodra het er is.*\n"
        )
    path, product = examples[0]
    text = path.read_text(encoding="utf-8").rstrip()
    name = f"img/voorbeeld-{coupling.image_name(product)}"
    return (
        f'```toml title="{path.relative_to(ROOT).as_posix()}"\n{text}\n```\n\n'
        f"`load_product` leest het bestand; de koppelingen van `{product.code}`, getekend uit "
        f"het geladen product:\n\n![Koppeling van {product.code}]({name})\n"
    )


def portfolio_snippet() -> str:
    """A sentence pointing to the portfolio page from the guide, when that page exists."""
    if not (DOCS / "portefeuille.md").exists():
        return "Hoe dat werkt, staat bij de opdrachtregel (`reintegratie --help`).\n"
    return "Hoe dat werkt: [Portefeuille en werklijst](../portefeuille.md).\n"


def snippets() -> dict[str, str]:
    """The generated parts the hand-written pages include (``--8<--``)."""
    result = {
        "_snippets/portefeuille.md": portfolio_snippet(),
        "_snippets/werkboek.md": guide.workbook_snippet(),
        "_snippets/product-voorbeeld.md": product_example_snippet(),
        "_snippets/financieel-parameters.md": guide.financial_parameters_snippet(),
    }
    for task in guide.TASKS:
        result[f"_snippets/taak-{task.key}.md"] = guide.task_snippet(task)
        result[f"_snippets/werkboek-{task.key}.md"] = guide.workbook_snippet(task.functions())
    return result


def outputs() -> dict[str, str]:
    """Every generated file, by path relative to ``docs/``."""
    return {
        reference.PAGE: reference.render(),
        traceability.PAGE: traceability.render(),
        coupling.PAGE: coupling.render(),
        glossary.PAGE: glossary.render(),
        sources.PAGE: sources.render(),
        **api.pages(),
        **timeline_pictures(),
        **financial_pictures(),
        **cascade_pictures(),
        **worklist_pictures(),
        **coupling.pictures(),
        **example_pictures(),
        **snippets(),
    }


def stale(expected: dict[str, str]) -> list[Path]:
    """Files in the generator's directories that it does not make (any more)."""
    return [
        path
        for directory in OWNED_DIRS
        for path in sorted((DOCS / directory).rglob("*"))
        if path.is_file() and path.relative_to(DOCS).as_posix() not in expected
    ]


def differences(expected: dict[str, str]) -> list[str]:
    """Generated files that are missing, differ from the committed ones, or are stale."""
    found = []
    for name, text in expected.items():
        path = DOCS / name
        if not path.exists():
            found.append(f"ontbreekt: docs/{name}")
        elif path.read_text(encoding="utf-8") != text:
            found.append(f"verouderd: docs/{name}")
    found.extend(f"overbodig: {p.relative_to(ROOT).as_posix()}" for p in stale(expected))
    return found


def write(expected: dict[str, str]) -> list[str]:
    """Write what changed and remove stale files; the changed paths."""
    changed = []
    for name, text in expected.items():
        path = DOCS / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(f"docs/{name}")
    for path in stale(expected):
        path.unlink()
        changed.append(f"verwijderd: {path.relative_to(ROOT).as_posix()}")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Generate (or ``--check``) the documentation's generated files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 on a difference"
    )
    args = parser.parse_args(argv)
    expected = outputs()
    if args.check:
        problems = differences(expected)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("draai `make docs` en commit de gegenereerde bestanden", file=sys.stderr)
        return 1 if problems else 0
    changed = write(expected)
    for name in changed:
        print(name)
    print(f"{len(expected)} gegenereerde bestanden, {len(changed)} gewijzigd")
    issues = traceability.problems() + [
        f"voorbeeld geeft een fout: {f} → {r}" for _n, f, r in reference.failing_examples()
    ]
    for issue in issues:
        print(f"let op: {issue}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
