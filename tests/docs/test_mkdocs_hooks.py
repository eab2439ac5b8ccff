"""The navigation hook adds the pages that exist and never one that does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docs.tools.mkdocs_hooks import complete_nav

NAV: list[dict[str, Any]] = [
    {"Start": "index.md"},
    {"Handleiding": ["handleiding/index.md"]},
    {"Python-API": []},
]


def make(docs: Path, *names: str) -> None:
    for name in names:
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {Path(name).stem.title()}\n", encoding="utf-8")


class TestCompleteNav:
    def test_optional_pages_are_added_when_present(self, tmp_path: Path) -> None:
        """The portfolio page joins the guide, example pages get a section, API pages fill theirs."""
        make(tmp_path, "portefeuille.md", "examples/eigen-product.md", "api/index.md", "api/a.md")
        nav = complete_nav([{**item} for item in NAV], tmp_path)
        guide = next(item["Handleiding"] for item in nav if "Handleiding" in item)
        assert {"Portefeuille en werklijst": "portefeuille.md"} in guide
        assert {"Voorbeelden": [{"Eigen-Product": "examples/eigen-product.md"}]} in nav
        assert {"Python-API": ["api/index.md", {"A": "api/a.md"}]} in nav

    def test_missing_pages_are_not_added(self, tmp_path: Path) -> None:
        """Without the optional pages the navigation names none of them."""
        nav = complete_nav(
            [{"Start": "index.md"}, {"Handleiding": []}, {"Python-API": []}], tmp_path
        )
        assert nav == [{"Start": "index.md"}, {"Handleiding": []}]


class TestApiOrder:
    def test_topics_follow_the_index(self, tmp_path: Path) -> None:
        """The API topics appear in the order the index page links them, titled by heading."""
        make(tmp_path, "api/a.md", "api/b.md")
        (tmp_path / "api" / "index.md").write_text(
            "# API\n\n[Bee](b.md) en [Aa](a.md)\n", encoding="utf-8"
        )
        nav = complete_nav([{**item} for item in NAV], tmp_path)
        api = next(item["Python-API"] for item in nav if "Python-API" in item)
        assert api == ["api/index.md", {"B": "api/b.md"}, {"A": "api/a.md"}]
