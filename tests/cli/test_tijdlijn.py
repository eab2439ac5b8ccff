"""The command line's ``tijdlijn`` subcommand."""

from __future__ import annotations

import pytest

from reintegratie_cli.main import main


class TestTijdlijn:
    def test_prints_the_worked_example(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Domain §3 worked example as a table: the 42e-weekmelding on 27-10-2025."""
        assert main(["tijdlijn", "2025-01-06"]) == 0
        out = capsys.readouterr().out
        assert "ziekmelding_uwv" in out
        assert "27-10-2025" in out
        assert "Ziektewet art. 38 lid 1" in out

    def test_sanction_and_probleemanalyse(self, capsys: pytest.CaptureFixture[str]) -> None:
        """BW 7:629 lid 11: 10 sanction weeks; plan van aanpak from a known probleemanalyse."""
        assert (
            main(
                ["tijdlijn", "6-1-2025", "--sanctieweken", "10", "--probleemanalyse", "10-02-2025"]
            )
            == 0
        )
        out = capsys.readouterr().out
        assert "14-03-2027" in out
        assert "24-02-2025" in out

    @pytest.mark.parametrize(
        ("first", "shown", "probleemanalyse"),
        [("0001-01-01", "01-01-0001", "11-02-0001"), ("0999-01-04", "04-01-0999", "14-02-0999")],
    )
    def test_early_years_are_zero_padded(
        self, capsys: pytest.CaptureFixture[str], first: str, shown: str, probleemanalyse: str
    ) -> None:
        """Dates read DD-MM-JJJJ in the heading and the table, also before the year 1000."""
        assert main(["tijdlijn", first]) == 0
        out = capsys.readouterr().out
        assert f"eerste ziektedag {shown}" in out
        assert probleemanalyse in out

    def test_explanation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--uitleg lists each applied rule with its article."""
        assert main(["tijdlijn", "2025-01-06", "--uitleg"]) == 0
        assert "dag 294 + 1" in capsys.readouterr().out

    def test_citations_read_as_people_write_them(self, capsys: pytest.CaptureFixture[str]) -> None:
        """000 art. 1.4: the CLI cites by the same short labels as RI_UITLEG, no file names."""
        assert main(["tijdlijn", "2025-01-06", "--uitleg"]) == 0
        out = capsys.readouterr().out
        assert "Ziektewet art. 38 lid 1; a.s.r. Re-integratie art. 1.4" in out
        assert ".txt" not in out
        assert "BW art. 7:629 lid 1 en 7:629 lid 11; WIA art. 25 lid 9" in out

    @pytest.mark.parametrize(
        "argv", [["tijdlijn", "31-02-2025"], ["tijdlijn", "2025-01-06", "--sanctieweken", "53"]]
    )
    def test_bad_input_is_a_usage_error(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad date or too many sanction weeks exits with code 2 and a Dutch message."""
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        assert "verwacht" in capsys.readouterr().err
