"""Convert the packages' docstrings from reST to the Markdown that mkdocstrings renders.

``python -m docs.tools.docstrings`` rewrites, in place, only the docstrings (module, class
and function) of ``src/reintegratie_core``, ``src/reintegratie_cli``, ``src/reintegratie_io`` and
``addin/reintegratie_addin``; ``--check`` writes nothing and exits 1 when a docstring would
change. It is idempotent: a second run changes nothing, so it can be run again after a
merge brings new reST docstrings. The changes:

1. **Roles** (``:class:`~a.b.C```, ``:func:`f```, ``:meth:`C.m```, …) become a
   cross-reference ``[`C`][a.C]`` (its public import path) when the target is a public class
   or function the API pages render, and inline code `` `C.m` `` otherwise (no link that could dangle).
2. **Literal blocks**: a paragraph ending in ``::`` followed by an indented block becomes
   the paragraph ending in ``:`` and a fenced ``text`` block; an inline ``Defined as::
   formula`` becomes ``Defined as: formula``.
3. **Simple reST tables** (rows between ``====  ====`` borders; a row whose first cell is
   empty continues the row above) become Markdown pipe tables.
4. **Spec paths** users do not have: ````spec/domain.md```` becomes *domein* (the rulebook
   published in the documentation, ``referentie/domein.md``), ````spec/excel-functions.md````
   the *Excel contract*.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import re
import sys
import textwrap
from collections.abc import Callable
from functools import cache
from pathlib import Path

from docs.tools import api
from docs.tools.articles import ROOT

PACKAGES = (
    ROOT / "src" / "reintegratie_core",
    ROOT / "src" / "reintegratie_cli",
    ROOT / "src" / "reintegratie_io",
    ROOT / "addin" / "reintegratie_addin",
)

_ROLE = re.compile(r":(?:py:)?(class|func|meth|mod|data|attr|exc|obj|const):`([^`]+)`")
_BORDER = re.compile(r"^\s*=+(?:\s+=+)+\s*$")
_INLINE_LITERAL = re.compile(r"(?<=\S)::(?=[ \t]+\S)")


# --- 1. Roles ---------------------------------------------------------------------------


@cache
def canonical(target: str) -> str | None:
    """The documented import path of a public class or function ``target``
    (``reintegratie_core.Explained`` for ``reintegratie_core._explain.Explained``), else
    ``None``."""
    parts = target.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                obj = getattr(obj, name)
        except AttributeError:
            return None
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            return None
        module = getattr(obj, "__module__", "")
        qualname = getattr(obj, "__qualname__", "")
        if any(p.startswith("_") for p in qualname.split(".")):
            return None
        return api.public_path(module, qualname)
    return None


def _role(match: re.Match[str], module: str) -> str:
    content = match.group(2).strip()
    explicit = re.fullmatch(r"(.+?)\s*<([^>]+)>", content)
    if explicit:
        label, target = explicit.group(1), explicit.group(2)
    else:
        target = content.removeprefix("~").removeprefix(".")
        label = target.rsplit(".", 1)[-1] if content.startswith("~") else target
    path = None
    if target.startswith("reintegratie_"):
        path = canonical(target)
    elif module:
        path = canonical(f"{module}.{target}")
    return f"[`{label}`][{path}]" if path else f"`{label}`"


def convert_roles(text: str, module: str = "") -> str:
    """Every reST role as a cross-reference or inline code; ``module`` resolves bare names."""
    return _ROLE.sub(lambda match: _role(match, module), text)


# --- 2. Literal blocks ------------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def convert_literal_blocks(text: str) -> str:
    """``para::`` + indented block → ``para:`` + fenced block; inline ``a:: b`` → ``a: b``."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::") and not line.strip().startswith(("```", ">>>")):
            base = _indent(line)
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            block_end = j
            while block_end < len(lines) and (
                not lines[block_end].strip() or _indent(lines[block_end]) > base
            ):
                block_end += 1
            while block_end > j and not lines[block_end - 1].strip():
                block_end -= 1
            if j < len(lines) and block_end > j and _indent(lines[j]) > base:
                head = line.rstrip()[:-2].rstrip()
                if head.strip():
                    out.append(head + ":")
                    out.append("")
                pad = " " * base
                block = textwrap.dedent("\n".join(lines[j:block_end])).split("\n")
                out.append(pad + ("```pycon" if block[0].startswith(">>>") else "```text"))
                out.extend((pad + b) if b.strip() else "" for b in block)
                out.append(pad + "```")
                i = block_end
                continue
        out.append(_INLINE_LITERAL.sub(":", line))
        i += 1
    return "\n".join(out)


# --- 3. Tables --------------------------------------------------------------------------


def _columns(border: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"=+", border)]


def _cells(line: str, columns: list[tuple[int, int]]) -> list[str]:
    cells = []
    for index, (start, _end) in enumerate(columns):
        stop = columns[index + 1][0] if index + 1 < len(columns) else len(line)
        cells.append(line[start:stop].strip())
    return cells


def _row(pad: str, cells: list[str]) -> str:
    return pad + "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def convert_tables(text: str) -> str:
    """Simple reST tables (``===`` borders) as Markdown pipe tables."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _BORDER.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        borders = [i]
        j = i + 1
        while j < len(lines) and len(borders) < 3 and lines[j].strip():
            if _BORDER.match(lines[j]):
                borders.append(j)
            j += 1
        if len(borders) < 2:
            out.append(lines[i])
            i += 1
            continue
        columns = _columns(lines[i])
        pad = " " * _indent(lines[i])
        header_lines = lines[borders[0] + 1 : borders[1]] if len(borders) == 3 else []
        body_start = borders[1] + 1 if len(borders) == 3 else borders[0] + 1
        body_end = borders[-1]
        header = [
            " ".join(c) for c in zip(*(_cells(h, columns) for h in header_lines), strict=True)
        ]
        rows: list[list[str]] = []
        for line in lines[body_start:body_end]:
            cells = _cells(line, columns)
            if rows and not cells[0]:
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(cells)
        if not header:
            header, rows = rows[0], rows[1:]

        out.append(_row(pad, header))
        out.append(pad + "|" + "---|" * len(columns))
        out.extend(_row(pad, r) for r in rows)
        i = body_end + 1
    return "\n".join(out)


# --- 4. Spec paths ----------------------------------------------------------------------


def convert_spec_paths(text: str) -> str:
    """Paths into ``spec/`` (which users do not have) as the names the docs publish."""
    text = re.sub(r"``(?:spec|sources)/domain\.md``", "domein", text)
    text = re.sub(r"``(?:spec|sources)/excel-functions\.md``", "the Excel contract", text)
    text = re.sub(r"(?<![\w/])(?:spec|sources)/domain\.md", "domein", text)
    return re.sub(r"(?<![\w/])(?:spec|sources)/excel-functions\.md", "the Excel contract", text)


CONVERSIONS: tuple[Callable[[str], str], ...] = (
    convert_tables,
    convert_literal_blocks,
    convert_spec_paths,
)


def convert(docstring: str, module: str = "") -> str:
    """One docstring's text, converted (idempotent); ``module`` resolves bare role targets."""
    for step in CONVERSIONS:
        docstring = step(docstring)
    return convert_roles(docstring, module)


# --- Applying to files ------------------------------------------------------------------


def _docstring_nodes(tree: ast.Module) -> list[ast.Constant]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                found.append(body[0].value)
    return found


def module_name(path: Path) -> str:
    """``src/reintegratie_core/products/cascade.py`` → ``reintegratie_core.products.cascade``."""
    for package in PACKAGES:
        if path.is_relative_to(package):
            parts = [package.name, *path.relative_to(package).with_suffix("").parts]
            return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    return ""


def convert_source(source: str, module: str = "") -> str:
    """``source`` with each docstring converted; code and comments untouched."""
    tree = ast.parse(source)
    raw = source.encode("utf-8")
    offsets = [0]
    for line in raw.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    edits = []
    for node in _docstring_nodes(tree):
        assert node.end_lineno is not None
        assert node.end_col_offset is not None
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        literal = raw[start:end].decode("utf-8")
        match = re.fullmatch(r'([rRuU]?)("""|\'\'\')(.*)\2', literal, re.DOTALL)
        if not match:
            continue  # a one-quote or f-string docstring: leave it
        prefix, quotes, body = match.groups()
        new_body = convert(body, module)
        if "\\" in new_body and not prefix and "\\" not in body:
            prefix = "r"
        if new_body != body:
            edits.append((start, end, f"{prefix}{quotes}{new_body}{quotes}".encode()))
    for start, end, text in sorted(edits, reverse=True):
        raw = raw[:start] + text + raw[end:]
    return raw.decode("utf-8")


def files() -> list[Path]:
    """Every Python file of the packages."""
    return sorted(p for package in PACKAGES for p in package.rglob("*.py"))


def main(argv: list[str] | None = None) -> int:
    """Convert in place (or ``--check``); prints the files that change."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on change")
    args = parser.parse_args(argv)
    changed = []
    for path in files():
        source = path.read_text(encoding="utf-8")
        converted = convert_source(source, module_name(path))
        if converted != source:
            changed.append(path)
            if not args.check:
                path.write_text(converted, encoding="utf-8")
    for path in changed:
        print(path.relative_to(ROOT).as_posix())
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
