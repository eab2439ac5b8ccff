"""The ``RI_`` Excel functions (xlwings: ``UDF Modules = reintegratie_addin.udfs``).

Every function of the Excel contract is importable from here under its contract
name; the topic modules (``udfs_*``) declare them. Each is a thin wrapper: coercion of
Excel values, one core call, formatting. They can be called from Python with the values
Excel would pass:

```pycon
>>> from datetime import datetime
>>> RI_MIJLPAAL(datetime(2025, 1, 6), "42e week")
datetime.date(2025, 10, 27)
```
"""

from __future__ import annotations

import inspect
from typing import Any

from reintegratie_addin import coerce as c
from reintegratie_addin.excel_errors import check, first_error
from reintegratie_addin.functions import REGISTRY, error_text, unwrap_single
from reintegratie_addin.udfs_poortwachter import *  # noqa: F403
from reintegratie_addin.udfs_producten import *  # noqa: F403
from reintegratie_addin.udfs_status import *  # noqa: F403
from reintegratie_addin.udfs_vergoeding import *  # noqa: F403

# isort: split
# Financial consequences (domain §9) after the others: the reference lists them last.
from reintegratie_addin.udfs_financieel import *  # noqa: F403
from reintegratie_core import CATALOGUE_VERSION, __version__

try:
    import xlwings as _xw
except ImportError:  # pragma: no cover
    _xw = None  # type: ignore[assignment]

CAT_META = "Re-integratie"
#: The RI_ functions that compute nothing RI_UITLEG could explain: what they do instead.
_NO_EXPLANATION = {
    "RI_UITLEG": "het is zelf de uitleg",
    "RI_VERSIE": "het geeft alleen de versie van de bibliotheek en van de productcatalogus",
}


def _lookup(name: Any) -> str:
    known = ", ".join(REGISTRY)
    if c.is_empty(name):
        raise c.ArgumentError("functie", f"ontbreekt (bekend: {known})")
    if not isinstance(name, str):
        raise c.ArgumentError(
            "functie", f"{c.describe(name)} is geen functienaam (bekend: {known})"
        )
    key = name.strip().upper().removeprefix("=").split("(")[0].strip()
    if not key.startswith("RI_"):
        key = "RI_" + key
    if key in _NO_EXPLANATION:
        raise c.ArgumentError(
            "functie",
            f"{key} heeft geen uitleg: {_NO_EXPLANATION[key]} (uitleg bestaat voor: {known})",
        )
    if key not in REGISTRY:
        raise c.ArgumentError("functie", f"onbekende functie {c.describe(name)} (bekend: {known})")
    return key


def RI_UITLEG(functie: Any = None, *args: Any) -> str:
    """Uitleg in tekst: de uitkomst van een RI_-functie met deze argumenten, elke toegepaste
    regel met zijn artikel en de gebruikte parameterwaarden. RI_UITLEG en RI_VERSIE zelf
    hebben geen uitleg."""
    try:
        check(functie, "functie")
        return REGISTRY[_lookup(unwrap_single(functie))].explain(list(args))
    except Exception as exc:  # noqa: BLE001 - nothing may raise into Excel
        return error_text(exc, "RI_UITLEG")


def RI_VERSIE(*args: Any) -> str:
    """Versie van de bibliotheek en van de productcatalogus."""
    given = [a for a in args if not c.is_empty(unwrap_single(a))]
    if given:  # Excel refuses arguments itself; a Python or Lite caller gets text, too
        code = first_error(given)
        if code is not None:
            return code
        return f"#WAARDE! argumenten: RI_VERSIE heeft geen argumenten, {len(given)} gegeven"
    return f"reintegratie_core {__version__}; catalogus {CATALOGUE_VERSION}"


# The contract's signatures, RI_UITLEG(functie, …) and RI_VERSIE(), for xlwings and the
# generators; a Python caller's missing or extra arguments still get text, never a
# TypeError (issue 16 item 13).
RI_UITLEG.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter("functie", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL),
    ]
)
RI_VERSIE.__signature__ = inspect.Signature([])  # type: ignore[attr-defined]


if _xw is not None:
    RI_UITLEG = _xw.func(category=CAT_META)(
        _xw.arg("functie", err_to_str=True, doc='Naam van de RI_-functie, bijv. "RI_MIJLPAAL"')(
            _xw.arg(
                "*args",
                ndim=2,
                err_to_str=True,
                doc="De argumenten van die functie, in dezelfde volgorde",
            )(RI_UITLEG)
        )
    )
    RI_VERSIE = _xw.func(category=CAT_META)(RI_VERSIE)


def contract_functions() -> dict[str, Any]:
    """Every ``RI_`` function this module exposes, by name (declared ones and the meta ones)."""
    return {name: value for name, value in globals().items() if name.startswith("RI_")}
