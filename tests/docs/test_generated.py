"""The committed generated pages are what the generator makes from the code now."""

from __future__ import annotations

from docs.tools import generate


class TestGeneratedFiles:
    def test_committed_files_equal_a_fresh_generation(self, generated: dict[str, str]) -> None:
        """Every generated file in docs/ equals its regeneration, none is missing or stale (run `make docs`)."""
        assert generate.differences(generated) == []

    def test_every_generated_page_says_so(self, generated: dict[str, str]) -> None:
        """Each generated Markdown page carries the note not to edit it by hand."""
        pages = [name for name in generated if name.endswith(".md") and not name.startswith("_")]
        assert pages
        assert all("niet met de hand bewerken" in generated[name] for name in pages)
