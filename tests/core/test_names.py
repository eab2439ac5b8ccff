"""Names of the public API (issue 11 item 3): no name is both a module and something else."""

from __future__ import annotations

import importlib
import pkgutil

import reintegratie_core


def _packages() -> list[str]:
    prefix = f"{reintegratie_core.__name__}."
    found = pkgutil.walk_packages(reintegratie_core.__path__, prefix)
    return [reintegratie_core.__name__, *(info.name for info in found if info.ispkg)]


class TestNoModuleShadowedByAFunction:
    def test_a_public_name_is_not_also_a_module(self) -> None:
        """``import reintegratie_core.products.cascade`` must not be the function's name too."""
        clashes = []
        for package_name in _packages():
            package = importlib.import_module(package_name)
            submodules = {m.name for m in pkgutil.iter_modules(package.__path__)}
            for name in getattr(package, "__all__", ()):
                value = getattr(package, name)
                if name in submodules and not isinstance(value, type(package)):
                    clashes.append(f"{package_name}.{name}")
        assert clashes == []

    def test_the_sanction_limit_is_one_constant(self) -> None:
        """BW 7:629 lid 11: the 52-week limit is one Parameter, not one per module."""
        from reintegratie_core import _product_parameters as product_parameters
        from reintegratie_core import _statutory as statutory

        assert statutory.MAX_SANCTION_WEEKS.value == 52
        assert not hasattr(product_parameters, "SANCTION_MAX_WEEKS")
