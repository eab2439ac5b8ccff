"""The Python guide's examples run as written (docs/python.md), and the package is typed."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "python.md"
BLOCK = re.compile(r"```pycon\n(.*?)```", re.DOTALL)


def blocks() -> list[str]:
    """The page's ``pycon`` blocks, in order."""
    return BLOCK.findall(PAGE.read_text(encoding="utf-8"))


class TestPythonGuide:
    def test_the_page_has_the_three_tasks(self) -> None:
        """The guide shows a timeline, a cancelled basis module and a budget ledger."""
        text = PAGE.read_text(encoding="utf-8")
        for call in ("rc.timeline(", "policy.terminate(", "rc.BudgetLedger("):
            assert call in text
        assert len(blocks()) >= 6

    def test_every_example_runs_as_shown(self) -> None:
        """BW 7:629 lid 10, 001 art. 2.2/2.5, 003 art. 2.6.1: each example gives the output shown."""
        parser = doctest.DocTestParser()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        globs: dict[str, object] = {}
        for number, block in enumerate(blocks(), start=1):
            test = parser.get_doctest(block, globs, f"python.md block {number}", str(PAGE), 0)
            runner.run(test, clear_globs=False)
            globs = test.globs
        failed, attempted = runner.summarize(verbose=False)
        assert attempted > 10
        assert failed == 0


class TestReadme:
    def test_the_python_example_prints_what_its_comments_say(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ziektewet art. 38 lid 1: the README's Python example prints the date and the
        articles its comments name."""
        text = (ROOT / "README.md").read_text(encoding="utf-8")
        (block,) = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
        exec(compile(block, "README.md", "exec"), {})
        printed = capsys.readouterr().out
        comments = re.findall(r"# (.*)", block)
        assert printed.splitlines()[0] == comments[0]
        for article in comments[1].split("met ", 1)[1].split("; "):
            assert article in printed


class TestTyped:
    @pytest.mark.parametrize(
        "package", ["src/reintegratie_core", "src/reintegratie_cli", "addin/reintegratie_addin"]
    )
    def test_py_typed(self, package: str) -> None:
        """PEP 561: each package ships a py.typed marker (hatchling puts it in the wheel)."""
        assert (ROOT / package / "py.typed").is_file()

    def test_user_script_sees_types(self, tmp_path: Path) -> None:
        """A user's mypy --strict on a script importing reintegratie_core sees real types,
        and a hint takes what the function takes (Policy.of: any mapping)."""
        api = pytest.importorskip("mypy.api")
        script = tmp_path / "user.py"
        script.write_text(
            "from datetime import date\n"
            "import reintegratie_core as rc\n"
            "product = rc.builtin_product('asr-reintegratiemanager')\n"
            "contract = rc.ModuleContract(module='basis-verzuim', start=date(2025, 1, 1))\n"
            "claim = rc.BudgetClaim(sick_day=date(2025, 1, 1), costs=100)\n"
            "from types import MappingProxyType\n"
            "starts = MappingProxyType({'basis-verzuim': date(2025, 1, 1)})\n"
            "policy = rc.Policy.of(product, starts)\n"
            "reveal_type(rc.cascade(product, 'basis-verzuim', date(2025, 1, 1)).value)\n",
            encoding="utf-8",
        )
        out, err, status = api.run(["--strict", "--no-incremental", "--config-file=", str(script)])
        assert status == 0, out + err
        assert "reintegratie_core.products._cascade.Cascade" in out
