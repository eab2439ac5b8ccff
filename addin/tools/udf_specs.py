"""The signatures of every ``RI_`` function, as the generators need them.

Read from ``reintegratie_addin.udfs.contract_functions()``: a declared function's
category, description and argument help come from ``functions.REGISTRY``; the meta
functions (``RI_UITLEG``, ``RI_VERSIE``) carry theirs in their ``xlwings`` decorators in
``udfs.py``, which are read from the source (the decorators do nothing outside Windows
Excel). Whether an argument is optional, and the variable one (``*args``), come from
``inspect.signature`` — as xlwings itself reads them.

Functions are listed by name, the order of ``dir(module)`` that xlwings uses.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from types import ModuleType
from typing import Any


@dataclass(frozen=True)
class ArgSpec:
    """One argument: its name, help text, and whether it may be left out or repeats."""

    name: str
    doc: str
    optional: bool
    vararg: bool


@dataclass(frozen=True)
class FunctionSpec:
    """One ``RI_`` function as Excel sees it."""

    name: str
    category: str
    doc: str
    args: tuple[ArgSpec, ...]


def _one_line(text: str) -> str:
    return " ".join(inspect.cleandoc(text).split())


def _decorator_docs(module: ModuleType) -> dict[str, dict[str, Any]]:
    """``{function: {"category": …, "args": {name: doc}}}`` from ``xw.func``/``xw.arg`` calls."""
    found: dict[str, dict[str, Any]] = {}
    tree = ast.parse(inspect.getsource(module))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Name) or not target.id.startswith("RI_"):
            continue
        entry = found.setdefault(target.id, {"category": None, "args": {}})
        for call in ast.walk(node.value):
            if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute):
                continue
            keywords = {k.arg: k.value for k in call.keywords}
            if call.func.attr == "func" and "category" in keywords:
                entry["category"] = _value(keywords["category"], module)
            elif call.func.attr == "arg" and call.args and "doc" in keywords:
                name = _value(call.args[0], module)
                entry["args"][str(name).lstrip("*")] = _value(keywords["doc"], module)
    return found


def _value(node: ast.expr, module: ModuleType) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return getattr(module, node.id)
    msg = f"cannot read {ast.dump(node)} in {module.__name__}"
    raise ValueError(msg)


def function_specs() -> list[FunctionSpec]:
    """Every ``RI_`` function of ``reintegratie_addin.udfs``, by name."""
    from reintegratie_addin import udfs
    from reintegratie_addin.functions import REGISTRY

    meta = _decorator_docs(udfs)
    specs = []
    for name, function in sorted(udfs.contract_functions().items()):
        signature = inspect.signature(function)
        declared = REGISTRY.get(name)
        docs = {p.name: p.doc for p in declared.params} if declared else meta[name]["args"]
        args = tuple(
            ArgSpec(
                name=p.name,
                doc=_one_line(docs.get(p.name, f"Positional argument {i + 1}")),
                optional=p.default is not inspect.Parameter.empty,
                vararg=p.kind is inspect.Parameter.VAR_POSITIONAL,
            )
            for i, p in enumerate(signature.parameters.values())
        )
        category = declared.category if declared else meta[name]["category"]
        doc = declared.doc if declared else (function.__doc__ or "")
        specs.append(FunctionSpec(name=name, category=category, doc=_one_line(doc), args=args))
    return specs
