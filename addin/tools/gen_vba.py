"""Generate the VBA modules of the Excel add-in from the ``RI_`` function signatures.

Writes two files next to ``addin/xlwings.conf``:

* ``reintegratie_udfs.bas`` — module ``xlwings_udfs``: one VBA wrapper per ``RI_`` function
  that calls Python through xlwings (``XLPy.CallUDF``), in exactly the form xlwings' own
  "Import Functions" (``xlwings.udfs.generate_vba_wrapper``) writes for an add-in — but
  without Excel, pywin32 or Windows, so it can be generated and checked in CI;
* ``reintegratie_beschrijvingen.bas`` — module ``ri_beschrijvingen`` with the macro
  ``RI_Beschrijvingen``, which sets each function's description, category and argument
  help in Excel's function wizard (what "Import Functions" does next through COM).

Run ``make addin`` (or ``python addin/tools/gen_vba.py``); ``--check`` only compares and
exits 1 when a committed file is out of date. The files are CRLF and Windows-1252, as the
VBA editor imports them; characters outside that code page become ``ChrW(…)``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from udf_specs import FunctionSpec, function_specs

ADDIN = Path(__file__).resolve().parent.parent
UDF_MODULE = "reintegratie_addin.udfs"
WRAPPERS = ADDIN / "reintegratie_udfs.bas"
DESCRIPTIONS = ADDIN / "reintegratie_beschrijvingen.bas"
ENCODING = "cp1252"
#: Add-ins call Python for the workbook that calls them (xlwings: ``ActiveWorkbook`` for .xlam).
VBA_WORKBOOK = "ActiveWorkbook"
#: Excel truncates descriptions and argument help at 255 characters.
MAX_HELP = 255


class VBAWriter:
    """The line writer of ``xlwings.utils.VBAWriter``: 4-space indents, labels one level
    out, lines over 1024 characters continued with `` _``."""

    MAX_LINE = 1024
    SPLIT = " _\n"

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.indent = 0

    @contextmanager
    def block(self, start: str) -> Iterator[None]:
        """``start`` on its own line, then an indented block."""
        self.writeln(start)
        self.indent += 1
        try:
            yield
        finally:
            self.indent -= 1

    def writeln(self, line: str) -> None:
        """One line at the current indent."""
        self._write(("    " * self.indent) + line + "\n")

    def write_label(self, label: str) -> None:
        """A label (``failed:``), one level out."""
        self.indent -= 1
        self.writeln(label + ":")
        self.indent += 1

    def _write(self, line: str) -> None:
        limit = self.MAX_LINE - len(self.SPLIT)
        while len(line) > self.MAX_LINE:
            cut = next((i for i in range(limit, 0, -1) if line[i] == " "), limit)
            self.parts.append(line[:cut] + self.SPLIT)
            line = line[cut:]
        self.parts.append(line)

    def text(self) -> str:
        """Everything written."""
        return "".join(self.parts)


def _wrapper(vba: VBAWriter, spec: FunctionSpec) -> None:
    """One function, as ``xlwings.udfs.generate_vba_wrapper`` writes it (no ``vba=``
    arguments, called in the function wizard, not volatile)."""
    name = spec.name
    signature = f"Function {name}("
    vararg = ""
    for index, arg in enumerate(spec.args):
        if index:
            signature += ", "
        if arg.optional:
            signature += "Optional "
        elif arg.vararg:
            signature += "ParamArray "
            vararg = arg.name
        signature += arg.name
        if arg.vararg:
            signature += "()"
    signature += ")"
    with vba.block(signature):
        if vararg:
            fixed = [arg.name for arg in spec.args if not arg.vararg]
            vba.writeln("Dim argsArray() As Variant")
            vba.writeln(f"argsArray = Array({', '.join(fixed)})")
            vba.writeln(
                f"ReDim Preserve argsArray(0 to UBound({vararg}) - LBound({vararg}) + {len(fixed)})"
            )
            vba.writeln(f"For k = LBound({vararg}) To UBound({vararg})")
            vba.writeln(f"argsArray({len(fixed)} + k - LBound({vararg})) = {vararg}(k)")
            vba.writeln("Next k")
            args_vba = "argsArray"
        else:
            args_vba = f"Array({', '.join(arg.name for arg in spec.args)})"
        call = f'XLPy.CallUDF("{UDF_MODULE}", "{name}", {args_vba}'
        with vba.block('#If App = "Microsoft Excel" Then'):
            vba.writeln("If TypeOf Application.Caller Is Range Then On Error GoTo failed")
            vba.writeln(f"{name} = {call}, {VBA_WORKBOOK}, Application.Caller)")
            vba.writeln("Exit Function")
        with vba.block("#Else"):
            vba.writeln(f"{name} = {call})")
            vba.writeln("Exit Function")
        vba.writeln("#End If")
        vba.write_label("failed")
        vba.writeln(f"{name} = Err.Description")
    vba.writeln("End Function")
    vba.writeln("")


def render_wrappers(specs: list[FunctionSpec]) -> str:
    """The ``xlwings_udfs`` module, as xlwings' ``import_udfs`` writes it."""
    vba = VBAWriter()
    vba.writeln('Attribute VB_Name = "xlwings_udfs"')
    vba.writeln("'Autogenerated code by xlwings - changes will be lost with next import!")
    vba.writeln("""#Const App = "Microsoft Excel" 'Adjust when using outside of Excel""")
    for spec in specs:
        _wrapper(vba, spec)
    return vba.text()


def vba_string(text: str) -> str:
    """A VBA string expression for ``text``: quotes doubled, characters outside
    Windows-1252 as ``ChrW(n)``."""
    pieces: list[str] = []
    literal = ""
    for char in text:
        try:
            char.encode(ENCODING)
        except UnicodeEncodeError:
            if literal:
                pieces.append(f'"{literal}"')
                literal = ""
            pieces.append(f"ChrW({ord(char)})")
        else:
            literal += '""' if char == '"' else char
    if literal or not pieces:
        pieces.append(f'"{literal}"')
    return " & ".join(pieces)


def render_descriptions(specs: list[FunctionSpec]) -> str:
    """The ``ri_beschrijvingen`` module: ``Application.MacroOptions`` per function."""
    vba = VBAWriter()
    vba.writeln('Attribute VB_Name = "ri_beschrijvingen"')
    vba.writeln(
        "'Gegenereerd door addin/tools/gen_vba.py uit reintegratie_addin.udfs - niet met de hand bewerken."
    )
    vba.writeln("Option Explicit")
    vba.writeln("")
    with vba.block("Sub RI_Beschrijvingen()"):
        vba.writeln(
            "' Zet per RI_-functie de uitleg, de categorie en de hulp bij elk argument in de"
        )
        vba.writeln(
            "' functiewizard, zoals xlwings' Import Functions dat doet. Eenmalig uitvoeren in de"
        )
        vba.writeln(
            "' invoegtoepassing terwijl IsAddin = False, daarna de invoegtoepassing opslaan."
        )
        vba.writeln("Dim boek As String")
        vba.writeln("""boek = "'" & ThisWorkbook.Name & "'!\"""")
        for spec in specs:
            vba.writeln(f'Application.MacroOptions Macro:=boek & "{spec.name}", _')
            vba.indent += 1
            vba.writeln(f"Description:={vba_string(spec.doc[:MAX_HELP])}, _")
            if spec.args:
                vba.writeln(f"Category:={vba_string(spec.category)}, _")
                vba.writeln("ArgumentDescriptions:=Array( _")
                vba.indent += 1
                last = len(spec.args) - 1
                for index, arg in enumerate(spec.args):
                    end = ")" if index == last else ", _"
                    vba.writeln(f"{vba_string(arg.doc[:MAX_HELP])}{end}")
                vba.indent -= 1
            else:
                vba.writeln(f"Category:={vba_string(spec.category)}")
            vba.indent -= 1
    vba.writeln("End Sub")
    return vba.text()


def outputs() -> dict[Path, bytes]:
    """Each generated file and its bytes (CRLF, Windows-1252)."""
    specs = function_specs()
    return {
        path: text.replace("\n", "\r\n").encode(ENCODING)
        for path, text in (
            (WRAPPERS, render_wrappers(specs)),
            (DESCRIPTIONS, render_descriptions(specs)),
        )
    }


def main(argv: list[str] | None = None) -> int:
    """Write the modules, or with ``--check`` report those out of date (exit 1)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    stale = [
        path for path, data in outputs().items() if not path.exists() or path.read_bytes() != data
    ]
    if args.check:
        for path in stale:
            print(
                f"{path.relative_to(ADDIN.parent)} is verouderd: voer `make addin` uit",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path, data in outputs().items():
        path.write_bytes(data)
        print(f"geschreven: {path.relative_to(ADDIN.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
