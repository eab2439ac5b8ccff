"""The docstring converter (docs/tools/docstrings.py): reST in, Markdown out, idempotent."""

from __future__ import annotations

import textwrap

from docs.tools.docstrings import (
    convert,
    convert_literal_blocks,
    convert_roles,
    convert_source,
    convert_spec_paths,
    convert_tables,
)


class TestRoles:
    def test_rendered_target_becomes_a_cross_reference(self) -> None:
        """A public class the API pages render becomes an autorefs link to its import path."""
        text = convert_roles("see :class:`~reintegratie_core._explain.Explained`")
        assert text == "see [`Explained`][reintegratie_core.Explained]"

    def test_relative_or_unknown_target_becomes_code(self) -> None:
        """A target that cannot be resolved is inline code, never a dangling link."""
        assert convert_roles(":meth:`SicknessCase.day`") == "`SicknessCase.day`"
        assert convert_roles(":func:`reintegratie_core.nope`") == "`reintegratie_core.nope`"
        assert convert_roles(":mod:`~reintegratie_core.products._catalogue`") == "`_catalogue`"


class TestLiteralBlocks:
    def test_block_after_double_colon_is_fenced(self) -> None:
        """'Defined as::' + indented block → 'Defined as:' and a fenced text block."""
        text = "Defined as::\n\n    a = b + c\n      d\n\nwith c the charges."
        assert convert_literal_blocks(text) == (
            "Defined as:\n\n```text\na = b + c\n  d\n```\n\nwith c the charges."
        )

    def test_inline_double_colon(self) -> None:
        """An inline 'Defined as:: formula' loses one colon."""
        assert convert_literal_blocks("    Defined as:: x ≥ y") == "    Defined as: x ≥ y"


class TestTables:
    def test_simple_table_with_continuation(self) -> None:
        """A simple reST table becomes a pipe table; a continuation row joins the row above."""
        table = textwrap.dedent(
            """\
            ====  ======  ====
            a     b       c
            ====  ======  ====
            x     one     p
                  two     q
            y     three   r
            ====  ======  ===="""
        )
        assert convert_tables(table).split("\n") == [
            "| a | b | c |",
            "|---|---|---|",
            "| x | one two | p q |",
            "| y | three | r |",
        ]


class TestSpecPaths:
    def test_domain_becomes_domein(self) -> None:
        """Users have the published rulebook (domein), not spec/domain.md."""
        assert convert_spec_paths("(``spec/domain.md`` §3)") == "(domein §3)"


class TestSource:
    def test_only_docstrings_change_and_twice_is_once(self) -> None:
        """Code and comments stay; converting again changes nothing."""
        source = (
            '"""Module (``spec/domain.md`` §1)."""\n'
            "x = ':class:`A`'  # :func:`b`\n\n\n"
            "def f() -> None:\n"
            '    """See :func:`g`.\n\n    Defined as:: y\n    """\n'
        )
        once = convert_source(source)
        assert once == (
            '"""Module (domein §1)."""\n'
            "x = ':class:`A`'  # :func:`b`\n\n\n"
            "def f() -> None:\n"
            '    """See `g`.\n\n    Defined as: y\n    """\n'
        )
        assert convert_source(once) == once
        assert convert(convert("a :class:`B`")) == convert("a :class:`B`")


class TestRelative:
    def test_bare_name_resolves_in_its_module(self) -> None:
        """A bare :class:`Explained` in reintegratie_core._explain links to that class."""
        text = convert(":class:`Explained`", "reintegratie_core._explain")
        assert text == "[`Explained`][reintegratie_core.Explained]"

    def test_doctest_block_is_pycon(self) -> None:
        """A literal block of >>> lines is fenced as pycon."""
        text = convert("Call it::\n\n    >>> f()\n    1")
        assert "```pycon\n>>> f()\n1\n```" in text


class TestPagesCiteReadably:
    def test_no_generated_page_names_a_seed_file_or_spec_path(
        self, generated: dict[str, str]
    ) -> None:
        """Generated pages cite '001 art. 2.3' as a reader would, never a file or spec path."""
        import re

        for path, text in generated.items():
            if path.endswith(".md"):
                assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", text), path
                assert "spec/domain.md" not in text, path

    def test_hand_written_pages_too(self) -> None:
        """The hand-written pages link the sources page and the rulebook, not spec files."""
        from pathlib import Path

        docs = Path(__file__).resolve().parents[2] / "docs"
        for page in [*docs.glob("*.md"), *docs.glob("handleiding/*.md")]:
            text = page.read_text(encoding="utf-8")
            assert "sources/domain.md" not in text or page.name == "ontwikkelaars.md", page
            assert "spec/domain.md" not in text, page


class TestPackagesConverted:
    def test_no_rest_left_in_the_packages(self) -> None:
        """Every docstring of the packages is Markdown already (the converter changes nothing)."""
        from docs.tools.docstrings import files, module_name

        left = [
            p.name
            for p in files()
            if convert_source(p.read_text("utf-8"), module_name(p)) != p.read_text("utf-8")
        ]
        assert left == []
