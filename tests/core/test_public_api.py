"""The public API as in h11 and svcs: private implementation modules, packages re-export.

Issue 11 item 3: the implementation modules are private (``_poortwachter``,
``products._cascade`` …); ``reintegratie_core``, its subpackages ``products``,
``compensation`` and ``financial``, and ``reintegratie_io`` are the public namespaces, and
each re-exports every name its modules list in ``__all__``. No public name is both a
module and something else.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGES = (
    "reintegratie_core",
    "reintegratie_core.products",
    "reintegratie_core.compensation",
    "reintegratie_core.financial",
    "reintegratie_io",
)
#: A private helper module of its package, not part of the API: it lists no ``__all__``.
INTERNAL = {"reintegratie_core.compensation._common", "reintegratie_core._checks"}


def _package(name: str) -> ModuleType:
    return importlib.import_module(name)


def _modules(package: str) -> list[str]:
    return [
        f"{package}.{info.name}"
        for info in pkgutil.iter_modules(_package(package).__path__)
        if not info.ispkg
    ]


def _declared_all(module: str) -> list[str] | None:
    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in statement.targets
        ):
            assert isinstance(statement.value, ast.List | ast.Tuple)
            return [ast.literal_eval(e) for e in statement.value.elts]
    return None


@pytest.mark.parametrize("package", PACKAGES)
class TestPackages:
    def test_implementation_modules_are_private(self, package: str) -> None:
        """Every module of a public package starts with ``_``; users import the package."""
        assert [m for m in _modules(package) if not m.rsplit(".", 1)[1].startswith("_")] == []

    def test_every_module_lists_its_public_names(self, package: str) -> None:
        """Each implementation module says what it exports (``__all__``)."""
        missing = [m for m in _modules(package) if m not in INTERNAL and _declared_all(m) is None]
        assert missing == []

    def test_the_package_reexports_every_module_name(self, package: str) -> None:
        """A name in a module's ``__all__`` is importable from its package and listed in the
        package's ``__all__`` — and it is the same object."""
        exported = _package(package)
        for module in _modules(package):
            names = _declared_all(module) or []
            assert set(names) <= set(exported.__all__), module
            implementation = importlib.import_module(module)
            for name in names:
                assert getattr(exported, name) is getattr(implementation, name), name

    def test_every_exported_name_resolves(self, package: str) -> None:
        exported = _package(package)
        assert len(set(exported.__all__)) == len(exported.__all__)
        for name in exported.__all__:
            getattr(exported, name)

    def test_no_public_name_is_also_a_module(self, package: str) -> None:
        """``import reintegratie_core.products.cascade`` cannot mean a function: a public
        name is a module only when it is a (public) subpackage."""
        exported = _package(package)
        module_names = {m.rsplit(".", 1)[1] for m in _modules(package)}
        for name in exported.__all__:
            assert name not in module_names, name
            if isinstance(getattr(exported, name), ModuleType):
                assert f"{package}.{name}" in PACKAGES, name


@pytest.mark.parametrize("subpackage", [p for p in PACKAGES if p.startswith("reintegratie_core.")])
def test_every_public_subpackage_is_an_attribute_of_the_core(subpackage: str) -> None:
    """``import reintegratie_core as rc; rc.financial`` works like ``rc.products``: each
    public subpackage is imported by the package and listed in its ``__all__`` (user
    review: ``rc.financial`` was an AttributeError)."""
    core = _package("reintegratie_core")
    name = subpackage.rsplit(".", 1)[1]
    assert name in core.__all__
    assert getattr(core, name) is _package(subpackage)
    # In a fresh interpreter, where no test imported the subpackage first.
    fresh = subprocess.run(
        [sys.executable, "-c", f"import reintegratie_core as rc; rc.{name}.__all__"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert fresh.returncode == 0, fresh.stderr


def test_a_name_in_two_namespaces_is_one_object() -> None:
    """One constant per fact (issue 11 item 3): a name that the core and a subpackage both
    export is the same object in both (user review: ``rc.ZEEUWSE_PRB`` was the product's
    event table and ``rc.products.ZEEUWSE_PRB`` the product)."""
    core = _package("reintegratie_core")
    for package in PACKAGES[1:]:
        if not package.startswith("reintegratie_core."):
            continue
        sub = _package(package)
        for name in set(core.__all__) & set(sub.__all__):
            assert getattr(core, name) is getattr(sub, name), f"{package}.{name}"


def test_the_built_in_products_are_top_level_names() -> None:
    """``rc.ZEEUWSE_PRB`` and the other built-in products are the ``Product``s of
    ``rc.products``, and their event tables are ``product.events``."""
    import reintegratie_core as rc

    for product in rc.products.BUILTIN_PRODUCTS:
        name = product.code.upper().replace("-", "_")
        assert getattr(rc, name) is getattr(rc.products, name) is product
        assert isinstance(getattr(rc, name), rc.Product)
        assert isinstance(product.events, rc.ProductRules)
        assert product.events.product == product.code


def test_compensation_and_financial_load_on_first_use() -> None:
    """``import reintegratie_core`` leaves ``compensation`` and ``financial`` unloaded (a
    worklist never uses them: issue 11, the CLI's start-up); the first name asked for
    loads its subpackage, and every name of ``__all__`` is listed by ``dir``."""
    code = (
        "import sys, reintegratie_core as rc\n"
        "lazy = ('reintegratie_core.compensation', 'reintegratie_core.financial')\n"
        "assert not any(m in sys.modules for m in lazy), 'loaded eagerly'\n"
        "assert set(rc.__all__) <= set(dir(rc))\n"
        "from reintegratie_core import weekly_wage\n"
        "assert weekly_wage is sys.modules['reintegratie_core.compensation'].weekly_wage\n"
        "assert 'reintegratie_core.financial' not in sys.modules\n"
        "assert rc.financial.__name__ == 'reintegratie_core.financial'\n"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert fresh.returncode == 0, fresh.stderr
