"""The Python API pages (docs/tools/api.py) document each public name under its import path."""

from __future__ import annotations

import importlib
import re

import pytest
from docs.tools import api

#: The public namespaces (as in ``tests/core/test_public_api.py``).
PACKAGES = (
    "reintegratie_core",
    "reintegratie_core.products",
    "reintegratie_core.compensation",
    "reintegratie_core.financial",
    "reintegratie_io",
)

_DIRECTIVE = re.compile(r"^::: (\S+)\n    options:\n((?:      .*\n)*)", re.MULTILINE)


def _directives(generated: dict[str, str]) -> dict[str, str]:
    """Every ``::: path`` of the API pages → its options."""
    found = {}
    for page, text in generated.items():
        if page.startswith(f"{api.API_DIR}/"):
            for match in _DIRECTIVE.finditer(text):
                assert match.group(1) not in found, f"{match.group(1)} twice"
                found[match.group(1)] = match.group(2)
    return found


def _resolve(path: str) -> object:
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise AssertionError(path)


class TestImportPaths:
    def test_a_private_module_shows_only_its_docstring(self, generated: dict[str, str]) -> None:
        """A private module (``_poortwachter``) gives its docstring, never a heading or members."""
        for path, options in _directives(generated).items():
            if api.is_private(path):
                assert "members: false" in options, path
                assert "show_root_heading: false" in options, path

    def test_every_documented_name_is_importable_from_its_path(
        self, generated: dict[str, str]
    ) -> None:
        """``::: reintegratie_core.milestone_date`` is ``from reintegratie_core import milestone_date``."""
        for path in _directives(generated):
            package, _, name = path.rpartition(".")
            if not api.is_private(path) and package in PACKAGES and path not in PACKAGES:
                assert name in importlib.import_module(package).__all__, path

    @pytest.mark.parametrize("package", PACKAGES)
    def test_every_public_name_is_documented(self, generated: dict[str, str], package: str) -> None:
        """Each name of a package's ``__all__`` is on a page under a public path of its own
        (a subpackage's name that ``reintegratie_core`` re-exports too: under the subpackage),
        except the few :data:`~docs.tools.api.HIDDEN` and ``__version__``."""
        documented: dict[str, list[str]] = {}
        for path in _directives(generated):
            if not api.is_private(path):
                documented.setdefault(path.rpartition(".")[2], []).append(path)
        hidden = {name for names in api.HIDDEN.values() for name in names}
        exported = importlib.import_module(package)
        missing = [
            name
            for name in exported.__all__
            if name not in hidden
            and not name.startswith("__")
            and not any(
                _resolve(path) is getattr(exported, name) for path in documented.get(name, [])
            )
        ]
        assert missing == []

    def test_hidden_names_stay_hidden(self, generated: dict[str, str]) -> None:
        """``SEEDS`` (internal file names) is on no page."""
        paths = _directives(generated)
        for module, names in api.HIDDEN.items():
            for name in names:
                assert f"{api.public_package(module)}.{name}" not in paths


class TestPublicPath:
    def test_a_private_definition_maps_to_its_package(self) -> None:
        """The defining module's path becomes the import path, nested names included."""
        assert (
            api.public_path("reintegratie_core._poortwachter", "milestone_date")
            == "reintegratie_core.milestone_date"
        )
        assert (
            api.public_path("reintegratie_core.products._model", "Product.code")
            == "reintegratie_core.products.Product.code"
        )

    def test_an_unexported_name_has_none(self) -> None:
        """A name outside ``__all__`` is documented nowhere: no link may point at it."""
        assert api.public_path("reintegratie_core.compensation._common", "product_amount") is None
        assert api.public_path("reintegratie_core._explain", "SEEDS") is None
