"""Where the code and the tests cite the five conditions.

Three sources, so that a citation is found however the code builds it:

* **code** — ``Citation.seed("003", "2.6.1")`` calls with literal arguments (also through an
  alias such as ``_seed = Citation.seed``), found with :mod:`ast`; the owner is the
  top-level function, class or constant that contains the call;
* **data** — :class:`~reintegratie_core._explain.Citation` objects reachable from a module's
  top-level values (tables built by helpers, product catalogues loaded from files), found
  by importing the module and walking the values;
* **docstring** — ``003 art. 2.6.1``, ``001/004 art. 4.1`` in a public definition's docstring.

Tests cite the articles they check in their docstrings or comments (``003 art. 2.6.1: …``); :func:`citations_in_tests` reads them per test.

:func:`implementers` answers "which public core functions implement this citation": the
public functions and classes that reach the owner through the module-level reference graph
(constants and private helpers are followed, public definitions stop the search).
"""

from __future__ import annotations

import ast
import enum
import importlib
import pkgutil
import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import attrs

from docs.tools.articles import ROOT, seed_index
from reintegratie_core import SEEDS, Citation, SourceKind

CORE = "reintegratie_core"
ADDIN = "reintegratie_addin"
IO = "reintegratie_io"
PACKAGE_DIRS = {
    CORE: ROOT / "src" / CORE,
    ADDIN: ROOT / "addin" / ADDIN,
    IO: ROOT / "src" / IO,
}
TEST_DIR = ROOT / "tests"

_SEP = r"\s*(?:/|,|&|\band\b|\ben\b)\s*"
_CODE = r"00[0-4](?:_[0-9a-f]{16}\.txt)?"
_FIRST = r"\d{1,2}(?:\.\d{1,2}){0,2}"
_MORE = r"\d{1,2}(?:\.\d{1,2}){1,2}"
#: ``003 art. 2.6.1``, ``001/004 art. 4.1``, ``003 art. 2.5.2, 2.6.2``, ``001 art. 2.5/5.3``.
TEXT_CITATION = re.compile(
    rf"(?<![\w.])(?P<codes>{_CODE}(?:{_SEP}{_CODE})*)\s*,?\s*(?:art(?:ikel|icle)?\.?)\s*"
    rf"(?P<articles>{_FIRST}(?:{_SEP}{_MORE})*)(?!\.?\d)"
)
#: ``002 «Een voorbeeld»`` or ``002 "Een voorbeeld"``: a heading of the brochure.
HEADING_CITATION = re.compile(
    r"(?<![\w.])002(?:_[0-9a-f]{16}\.txt)?'?s?\s*[«\"“]([^»\"”\n]+)[»\"”]"
)
#: ``Citation.seed("003", "2.6.1")`` written out in a test.
CALL_CITATION = re.compile(r"Citation\.seed\(\s*[\"'](\d{3})[\"']\s*,\s*[\"']([^\"']+)[\"']\s*\)")


class Via(enum.Enum):
    """How a citation was found."""

    CODE = "code"
    DATA = "data"
    DOCSTRING = "docstring"


@attrs.frozen(kw_only=True)
class CodeCitation:
    """One citation of a seed article by a top-level definition of the code."""

    seed: str
    article: str
    module: str
    owner: str
    line: int | None
    via: Via
    #: For a citation in a table: the attribute an engine reads to reach it (``couplings``).
    field: str = ""

    @property
    def qualname(self) -> str:
        """``module.owner``."""
        return f"{self.module}.{self.owner}"


@attrs.frozen(kw_only=True)
class TestCitation:
    """One citation of a seed article by a test (or a test class)."""

    seed: str
    article: str
    test: str


# --- Modules ------------------------------------------------------------------------------


@attrs.frozen
class Module:
    """A module of a package: its dotted name, its file and its syntax tree."""

    name: str
    path: Path
    tree: ast.Module


def _module_name(package: str, path: Path) -> str:
    relative = path.relative_to(PACKAGE_DIRS[package]).with_suffix("")
    parts = [package, *relative.parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules(package: str) -> tuple[Module, ...]:
    """Every module of ``package`` (``reintegratie_core``, ``reintegratie_addin`` or
    ``reintegratie_io``), sorted."""
    found = []
    for path in sorted(PACKAGE_DIRS[package].rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found.append(Module(_module_name(package, path), path, tree))
    return tuple(found)


def public_module_names(package: str) -> tuple[str, ...]:
    """The modules of ``package`` whose own name does not start with ``_`` (packages too)."""
    names = []
    for module in modules(package):
        last = module.name.rsplit(".", 1)[-1]
        if module.name == package or not last.startswith("_"):
            names.append(module.name)
    return tuple(names)


def _top_level(tree: ast.Module) -> Iterator[tuple[str, ast.stmt]]:
    """``(name, statement)`` for each top-level definition (functions, classes, constants)."""
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield statement.name, statement
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    yield target.id, statement
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target.id, statement
        elif isinstance(statement, ast.If):  # e.g. ``if _xw is not None: RI_X = ...``
            yield from _top_level(ast.Module(body=statement.body, type_ignores=[]))


def _is_public(name: str) -> bool:
    return not name.startswith("_")


def is_public_node(node: Node) -> bool:
    """A public name in a public module, or in a private module whose package re-exports it
    in ``__all__`` (``products._cascade.cascade`` is public as ``products.cascade``;
    ``compensation._common.product_amount`` is not)."""
    module, name = node
    if not _is_public(name):
        return False
    parts = module.split(".")
    if not any(part.startswith("_") for part in parts):
        return True
    first_private = next(i for i, part in enumerate(parts) if part.startswith("_"))
    package = importlib.import_module(".".join(parts[:first_private]))
    return name in getattr(package, "__all__", ())


# --- Citations in the code ----------------------------------------------------------------


def _seed_aliases(tree: ast.Module) -> set[str]:
    """Names bound to ``Citation.seed`` (``_seed = Citation.seed``) anywhere in ``tree``."""
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "seed"
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "Citation"
        ):
            aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return aliases


def _is_seed_call(node: ast.Call, aliases: set[str]) -> bool:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "seed":
        return isinstance(func.value, ast.Name) and func.value.id == "Citation"
    return isinstance(func, ast.Name) and func.id in aliases


def _literal_pair(node: ast.Call) -> tuple[str, str] | None:
    if len(node.args) != 2:
        return None
    values = []
    for arg in node.args:
        if not isinstance(arg, ast.Constant) or not isinstance(arg.value, str):
            return None
        values.append(arg.value)
    return values[0], values[1]


def code_citations(package: str = CORE) -> tuple[CodeCitation, ...]:
    """Every ``Citation.seed(<literal>, <literal>)`` call, with its top-level owner."""
    found = []
    for module in modules(package):
        aliases = _seed_aliases(module.tree)
        for owner, statement in _top_level(module.tree):
            for node in ast.walk(statement):
                if isinstance(node, ast.Call) and _is_seed_call(node, aliases):
                    pair = _literal_pair(node)
                    if pair is not None:
                        found.append(
                            CodeCitation(
                                seed=pair[0],
                                article=pair[1],
                                module=module.name,
                                owner=owner,
                                line=node.lineno,
                                via=Via.CODE,
                            )
                        )
    return _unique(found)


def _walk_citations(
    value: object, seen: set[int], path: tuple[str, ...] = ()
) -> Iterator[tuple[Citation, tuple[str, ...]]]:
    """Every :class:`Citation` inside ``value`` (attrs classes, containers), once each, with
    the attribute names on the way to it (``("couplings", "citations")``)."""
    if id(value) in seen or isinstance(value, str | bytes | int | float | enum.Enum):
        return
    seen.add(id(value))
    if isinstance(value, Citation):
        yield value, path
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from _walk_citations(getattr(value, field.name), seen, (*path, field.name))
    elif isinstance(value, dict):
        for item in value.items():
            yield from _walk_citations(item, seen, path)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _walk_citations(item, seen, path)


#: Attribute names too general to say which engine reads a table row.
_GENERIC_FIELDS = frozenset({"citation", "citations", "versions", "value", "name", "code"})


#: The ``field`` of a module-level constant that is a citation itself (``ART_2_6_1``).
BARE = "-"


def _reading_field(path: tuple[str, ...]) -> str:
    """The innermost specific attribute on the way to a citation (``couplings``); ``""`` for
    a parameter's own citation, :data:`BARE` for a constant that is a citation itself."""
    if not path:
        return BARE
    specific = [name for name in path if name not in _GENERIC_FIELDS]
    return specific[-1] if specific else ""


def data_citations(package: str = CORE) -> tuple[CodeCitation, ...]:
    """Citations held by each module's own top-level values (found by importing it)."""
    found = []
    for module in modules(package):
        imported = importlib.import_module(module.name)
        values = {
            owner: getattr(imported, owner, None)
            for owner, statement in _top_level(module.tree)
            if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        }
        named = {id(v) for v in values.values() if attrs.has(type(v))}
        for owner, statement in _top_level(module.tree):
            if owner not in values or _is_aggregate(values[owner], named):
                continue
            value = values[owner]
            for citation, path in _walk_citations(value, set()):
                if citation.kind is SourceKind.SEED:
                    found.append(
                        CodeCitation(
                            seed=citation.source,
                            article=citation.article,
                            module=module.name,
                            owner=owner,
                            line=statement.lineno,
                            via=Via.DATA,
                            field=_reading_field(path),
                        )
                    )
    return _unique(found)


def _leaves(value: object) -> Iterator[object]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def _is_aggregate(value: object, named: set[int]) -> bool:
    """True for a container (``BUILTIN_PRODUCTS``) of values that have names of their own."""
    if not isinstance(value, dict | list | tuple | set | frozenset):
        return False
    leaves = list(_leaves(value))
    return bool(leaves) and all(id(leaf) in named for leaf in leaves)


def text_citations(text: str) -> Iterator[tuple[str, str]]:
    """``(seed, article)`` for each seed article cited in free text (docstring, comment)."""
    plain = text.replace("`", "")
    for match in TEXT_CITATION.finditer(plain):
        codes = [c[:3] for c in re.split(_SEP, match.group("codes"))]
        articles = re.split(_SEP, match.group("articles"))
        for code in codes:
            for article in articles:
                yield code, article
    for match in HEADING_CITATION.finditer(plain):
        yield "002", match.group(1).strip()
    for match in CALL_CITATION.finditer(text):
        yield match.group(1), match.group(2)


def docstring_citations(package: str = CORE) -> tuple[CodeCitation, ...]:
    """Seed articles cited in the docstrings of public top-level definitions."""
    found = []
    for module in modules(package):
        for owner, statement in _top_level(module.tree):
            if not _is_public(owner) or not isinstance(
                statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
            ):
                continue
            docstrings = [ast.get_docstring(statement) or ""]
            if isinstance(statement, ast.ClassDef):  # the methods speak for their class
                docstrings.extend(
                    ast.get_docstring(node) or ""
                    for node in statement.body
                    if isinstance(node, ast.FunctionDef)
                )
            for seed, article in text_citations("\n".join(docstrings)):
                found.append(
                    CodeCitation(
                        seed=seed,
                        article=article,
                        module=module.name,
                        owner=owner,
                        line=statement.lineno,
                        via=Via.DOCSTRING,
                    )
                )
    return _unique(found)


def _unique(citations: Iterable[CodeCitation]) -> tuple[CodeCitation, ...]:
    seen: dict[tuple[str, str, str, str, Via, str], CodeCitation] = {}
    for citation in citations:
        key = (
            citation.seed,
            citation.article,
            citation.module,
            citation.owner,
            citation.via,
            citation.field,
        )
        seen.setdefault(key, citation)
    return tuple(seen.values())


@cache
def all_code_citations() -> tuple[CodeCitation, ...]:
    """The core's citations from code, data and docstrings."""
    return (*code_citations(), *data_citations(), *docstring_citations())


def unresolved(citations: Iterable[CodeCitation]) -> tuple[CodeCitation, ...]:
    """The citations whose article does not exist in the seed (or whose seed is unknown).

    Docstring mentions of ``002`` are exempt: a quoted phrase there may be a quotation, not
    a heading.
    """
    bad = []
    for citation in citations:
        if citation.seed not in SEEDS:
            bad.append(citation)
            continue
        if citation.via is Via.DOCSTRING and citation.seed == "002":
            continue
        if seed_index(citation.seed).resolve(citation.article) is None:
            bad.append(citation)
    return tuple(bad)


# --- The reference graph ------------------------------------------------------------------

Node = tuple[str, str]  # (module, top-level name)


def _imports(module: Module, known: set[str]) -> tuple[dict[str, Node], dict[str, str]]:
    """Names imported from known modules: ``name → (module, name)`` and ``alias → module``."""
    names: dict[str, Node] = {}
    module_aliases: dict[str, str] = {}
    package = module.name if module.path.name == "__init__.py" else module.name.rsplit(".", 1)[0]
    for node in ast.walk(module.tree):
        if isinstance(node, ast.ImportFrom):
            source = node.module or ""
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                source = f"{base}.{source}" if source else base
            for alias in node.names:
                local = alias.asname or alias.name
                if f"{source}.{alias.name}" in known:
                    module_aliases[local] = f"{source}.{alias.name}"
                elif source in known:
                    names[local] = (source, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    module_aliases[alias.asname or alias.name] = alias.name
    return names, module_aliases


@cache
def reference_graph() -> tuple[dict[Node, set[Node]], dict[Node, str]]:
    """``used_by`` (node → the nodes that reference it) and each node's kind.

    Kinds: ``function``, ``class`` or ``value``. Covers the core and the Excel shell.
    """
    all_modules = (*modules(CORE), *modules(ADDIN))
    known = {m.name for m in all_modules}
    tops = {m.name: dict(_top_level(m.tree)) for m in all_modules}
    imports = {m.name: _imports(m, known) for m in all_modules}

    def canonical(node: Node) -> Node:
        """Follow a re-export (``from reintegratie_core import timeline``) to its definition."""
        module, name = node
        for _ in range(5):
            if module not in tops or name in tops[module] or name not in imports[module][0]:
                return (module, name)
            module, name = imports[module][0][name]
        return (module, name)

    used_by: dict[Node, set[Node]] = {}
    kinds: dict[Node, str] = {}
    for module in all_modules:
        imported, module_aliases = imports[module.name]
        local = tops[module.name]
        for name, statement in local.items():
            if isinstance(statement, ast.ClassDef):
                kinds[(module.name, name)] = "class"
            elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                kinds[(module.name, name)] = "function"
            else:
                kinds.setdefault((module.name, name), "value")
        for name, statement in local.items():
            user = (module.name, name)
            for node in ast.walk(statement):
                target: Node | None = None
                if isinstance(node, ast.Name):
                    if node.id in local and node.id != name:
                        target = (module.name, node.id)
                    elif node.id in imported:
                        target = imported[node.id]
                elif (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id in module_aliases
                ):
                    target = (module_aliases[node.value.id], node.attr)
                if target is not None:
                    used_by.setdefault(canonical(target), set()).add(user)
    return used_by, kinds


@cache
def implementers(module: str, owner: str) -> tuple[Node, ...]:
    """The public core definitions that implement the rule held by ``module.owner``.

    A public function or class of the core is its own implementer; otherwise the search
    follows the references backwards through private helpers and private tables — not
    through public constants, which merely collect values (``PRODUCT_PARAMETERS``) — and
    stops at each public core function or class it meets.
    """
    used_by, kinds = reference_graph()
    start = (module, owner)
    if is_public_node(start) and kinds.get(start) in {"function", "class"}:
        return (start,)
    found: dict[Node, None] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for user in sorted(used_by.get(node, ())):
            if user in seen or not user[0].startswith(CORE):
                continue
            seen.add(user)
            kind = kinds.get(user)
            if kind in {"function", "class"} and is_public_node(user):
                found.setdefault(user, None)
            elif not is_public_node(user):  # a private helper or a private table
                queue.append(user)
    return tuple(found)


def citation_implementers(citation: CodeCitation) -> tuple[Node, ...]:
    """The public core definitions that the source shows applying ``citation``.

    For a citation in a table row (``field`` set) the source does not show which engine
    reads the row: ``()`` here, and :mod:`docs.tools.trace` observes it instead. Otherwise
    whoever reaches its owner (:func:`implementers`).
    """
    if citation.via is Via.DATA and citation.field not in ("", BARE):
        return ()
    return implementers(citation.module, citation.owner)


def excel_users(nodes: Iterable[Node]) -> tuple[str, ...]:
    """The ``RI_`` functions of the Excel shell that reach any of ``nodes``."""
    used_by, _kinds = reference_graph()
    found: set[str] = set()
    queue = deque(nodes)
    seen = set(queue)
    while queue:
        node = queue.popleft()
        for user in used_by.get(node, ()):
            if user in seen:
                continue
            seen.add(user)
            if user[1].startswith("RI_"):
                found.add(user[1])
            else:
                queue.append(user)
    return tuple(sorted(found))


# --- Citations in the tests ---------------------------------------------------------------


def _test_id(path: Path, *names: str) -> str:
    return "::".join([path.relative_to(ROOT).as_posix(), *names])


def _segment(source: list[str], node: ast.stmt) -> str:
    start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return "\n".join(source[start - 1 : node.end_lineno])


@cache
def citations_in_tests() -> tuple[TestCitation, ...]:
    """Seed articles cited by each test (docstring, comments, code), or by its class."""
    found: dict[tuple[str, str, str], None] = {}
    for path in sorted(TEST_DIR.rglob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        source = text.splitlines()
        tree = ast.parse(text, filename=str(path))
        for statement in tree.body:
            if isinstance(statement, ast.ClassDef) and statement.name.startswith("Test"):
                for seed, article in text_citations(ast.get_docstring(statement) or ""):
                    found.setdefault((seed, article, _test_id(path, statement.name)), None)
                for node in statement.body:
                    if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
                        test = _test_id(path, statement.name, node.name)
                        for seed, article in text_citations(_segment(source, node)):
                            found.setdefault((seed, article, test), None)
            elif isinstance(statement, ast.FunctionDef) and statement.name.startswith("test"):
                test = _test_id(path, statement.name)
                for seed, article in text_citations(_segment(source, statement)):
                    found.setdefault((seed, article, test), None)
    return tuple(TestCitation(seed=s, article=a, test=t) for s, a, t in found)


def iter_package_modules(package: str) -> Iterator[str]:
    """Every importable module name of ``package`` (for the API reference)."""
    imported = importlib.import_module(package)
    yield package
    for info in pkgutil.walk_packages(imported.__path__, prefix=f"{package}."):
        yield info.name
