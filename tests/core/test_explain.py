"""Explanations as a reader sees them: citations by their short label, Dutch numbers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import (
    SEED_LABELS,
    SEEDS,
    Absence,
    Citation,
    Explained,
    Ground,
    SicknessCase,
    Unit,
    builtin_product,
    cascade,
    cite,
    entitlement_statuses,
    format_date,
    format_number,
    format_value,
    last_case,
    next_milestone,
    render_grounds,
)


class TestCitationLabels:
    def test_seed_label_not_file(self) -> None:
        """A seed article reads as the product's short name and the article, never the file."""
        citation = Citation.seed("001", "2.3")
        assert str(citation) == "a.s.r. Re-integratiemanager art. 2.3"
        assert citation.file == "001_d465c09344c678cf.txt"
        assert citation.title == "a.s.r. Voorwaarden Re-integratiemanager"

    @pytest.mark.parametrize("code", sorted(SEEDS))
    def test_every_seed_has_a_label(self, code: str) -> None:
        """Every one of the five conditions has a short label without its file name."""
        assert ".txt" not in str(Citation.seed(code, "1.1"))
        assert SEED_LABELS[code] in str(Citation.seed(code, "1.1"))

    def test_statute_as_today(self) -> None:
        """Statutes are cited as before: abbreviation and article."""
        assert str(Citation.statute("BW", "7:629 lid 10")) == "BW art. 7:629 lid 10"
        assert Citation.statute("BW", "7:629 lid 10").title == "Burgerlijk Wetboek, Boek 7"

    def test_decision_not_a_spec_path(self) -> None:
        """A decision of the rulebook reads as 'beslissing domein §…', not a spec file path,
        and without brackets of its own: it is written inside brackets after a rule, where
        'rule (…; beslissing domein §8)' nested them."""
        assert str(Citation.decision("§8")) == "beslissing domein §8"
        assert str(Citation.decision("§3 (signaal)")) == "beslissing domein §3, signaal"
        assert "spec/" not in str(Citation.decision("§8.1"))
        assert "(" not in str(Citation.decision("§8.1 (afgesloten ziektegeval)"))
        ground = Ground(rule="regel", citation=Citation.decision("§8"))
        assert "))" not in str(ground)
        assert "))" not in " ".join(render_grounds([ground]))

    def test_brochure_heading(self) -> None:
        """002 «Een voorbeeld»: a brochure heading is cited in guillemets."""
        assert (
            str(Citation.seed("002", "Een voorbeeld"))
            == "a.s.r. MKB Verzuim-ontzorg «Een voorbeeld»"
        )


class TestCite:
    @pytest.mark.parametrize("junk", [[1], {}, {1, 2}])
    def test_an_unhashable_item_is_refused_by_name(self, junk: object) -> None:
        """A list or dict among the citations is refused naming ``citations``, as every other
        item that is no Citation is; it raised Python's bare 'unhashable type'."""
        with pytest.raises(TypeError, match=r"^citations: verwacht een Citation"):
            cite([Citation.statute("BW", "7:629 lid 1"), junk])  # type: ignore[list-item]

    def test_articles_of_one_source_share_its_name(self) -> None:
        """001 art. 2.2 and 1.8 read 'a.s.r. Re-integratiemanager art. 2.2 en 1.8'."""
        text = cite([Citation.seed("001", "2.2"), Citation.seed("001", "1.8")])
        assert text == "a.s.r. Re-integratiemanager art. 2.2 en 1.8"

    def test_three_articles_and_other_sources(self) -> None:
        """Sources apart by '; ', articles of one source by ', ' and 'en'; repeats dropped."""
        text = cite(
            [
                Citation.seed("003", "2.5.1"),
                Citation.seed("003", "2.6.1"),
                Citation.seed("003", "2.5.1"),
                Citation.seed("003", "2.7"),
                Citation.decision("§8"),
                Citation.statute("BW", "7:629 lid 1"),
            ]
        )
        assert text == (
            "De Zeeuwse Preventie en re-integratie art. 2.5.1, 2.6.1 en 2.7; "
            "beslissing domein §8; BW art. 7:629 lid 1"
        )

    def test_article_with_a_note_is_the_same_article(self) -> None:
        """BW 7:629 lid 10 cited for samentelling and again with the note of the WAZO bridge
        is one article: shown once, not 'BW art. 7:629 lid 10 en 7:629 lid 10 (…)'."""
        text = cite(
            [
                Citation.statute("BW", "7:629 lid 10"),
                Citation.statute("BW", "7:629 lid 10 (zwangerschaps- en bevallingsverlof)"),
            ]
        )
        assert text == "BW art. 7:629 lid 10"
        heading = [Citation.seed("002", "De Ontzorgmanager (terugvalpreventie)")]
        assert "terugvalpreventie" in cite(
            [*heading, Citation.seed("002", "De Ontzorgmanager (x)")]
        )

    def test_signal_of_a_case_bridged_by_leave(self) -> None:
        """A case bridged by WAZO leave (BW 7:629 lid 10; domain §2): its signal's citations
        name 7:629 lid 10 once, and no decision nests brackets in the explanation."""
        case = last_case(
            [
                Absence.sick(date(2025, 1, 6), date(2025, 4, 13)),
                Absence.leave(date(2025, 4, 14), date(2025, 8, 3)),
                Absence.sick(date(2025, 8, 4), None),
            ]
        )
        explained = next_milestone(case, date(2025, 9, 1), 800, None, 0).explain()
        assert cite(explained.citations()).count("7:629 lid 10") == 1
        assert not any("beslissing (" in line for line in render_grounds(explained.grounds))

    @given(st.lists(st.sampled_from(sorted(SEEDS)), min_size=1), st.integers(1, 9))
    def test_every_article_appears(self, codes: list[str], article: int) -> None:
        """Every cited article of every source is in the text, and no file name."""
        citations = [Citation.seed(code, f"{article}.{i}") for i, code in enumerate(codes)]
        text = cite(citations)
        assert ".txt" not in text
        for citation in citations:
            assert citation.article in text
            assert SEED_LABELS[citation.source] in text


class TestNumbers:
    @pytest.mark.parametrize("value", [5000, 5000.0, Decimal(5000), Decimal("5000.0")])
    def test_int_or_float_reads_the_same(self, value: object) -> None:
        """An amount reads '€ 5.000,00' whether Excel sent an int or a float."""
        assert format_value(value, Unit.EURO) == "€ 5.000,00"

    def test_percent(self) -> None:
        """A fraction of a percentage parameter reads as '70 %' (003 art. 2.7.2)."""
        assert format_value(Decimal("0.70"), Unit.PERCENT) == "70 %"
        assert format_value(0.25, Unit.PERCENT) == "25 %"
        assert format_value(Decimal(50), Unit.PERCENT) == "50 %"
        assert format_value(Decimal("1.00"), Unit.PERCENT) == "100 %"

    @pytest.mark.parametrize(
        ("value", "unit", "text"),
        [
            (104, Unit.WEEKS, "104 weken"),
            (1, Unit.WEEKS, "1 week"),
            (Decimal("51.86"), Unit.WEEKS, "51,86 weken"),
            (28, Unit.DAYS, "28 dagen"),
            (1, Unit.DAYS, "1 dag"),
            (5, Unit.WORKING_DAYS, "5 werkdagen"),
            (1, Unit.WORKING_DAYS, "1 werkdag"),
            (Decimal("12.5"), Unit.MONTHS, "12,5 maanden"),
            (1, Unit.MONTHS, "1 maand"),
            (3, Unit.YEARS, "3 jaar"),
            (Decimal(36), Unit.HOURS, "36 uur"),
            (2026, Unit.NUMBER, "2026"),
        ],
    )
    def test_counted_units(self, value: Decimal | int, unit: Unit, text: str) -> None:
        """A count of weeks, days, months … reads with its word, never with €
        (BW 7:629 lid 1: 104 weken)."""
        assert format_number(value, unit) == text
        assert str(unit.of(value)) == text
        assert format_value(unit.of(value)) == text

    @given(
        st.integers(0, 10**6),
        st.sampled_from(
            [Unit.WEEKS, Unit.DAYS, Unit.WORKING_DAYS, Unit.MONTHS, Unit.YEARS, Unit.HOURS]
        ),
    )
    def test_a_count_never_reads_as_money(self, count: int, unit: Unit) -> None:
        """A count of weeks, days … is the number then its word: no €, no %, no cents."""
        text = format_number(count, unit)
        number, _, word = text.partition(" ")
        assert number == str(count)
        assert word.isalpha()
        assert "€" not in text
        assert "%" not in text

    def test_a_quantity_keeps_its_unit(self) -> None:
        """A value declared in weeks reads in weeks whatever unit the caller passes."""
        assert format_value(Unit.WEEKS.of(104), Unit.EURO) == "104 weken"

    def test_a_number_without_a_unit_is_plain(self) -> None:
        """The unit is declared, never guessed from a name: a bare number is plain."""
        ground = Ground(
            rule="r",
            citation=Citation.seed("003", "2.6.1"),
            parameters=(("kosten", 5), ("loondoorbetaling_weken", 104)),
        )
        assert str(ground).endswith("[kosten = 5, loondoorbetaling_weken = 104]")

    def test_plain_numbers(self) -> None:
        """A plain number uses a decimal comma and no thousands dot (a year stays 2025)."""
        assert format_value(2025) == "2025"
        assert format_number(Decimal("51.86")) == "51,86"
        assert format_number(1234567.5, Unit.EURO) == "€ 1.234.567,50"

    def test_euros_round_half_up(self) -> None:
        """An amount reads rounded as the rules round it: half a cent up (domein §1), so an
        explanation never shows € 2,00 beside a result of € 2,01."""
        assert format_number(Decimal("2.005"), Unit.EURO) == "€ 2,01"
        assert format_number(Decimal("0.125"), Unit.EURO) == "€ 0,13"

    def test_large_amounts_read(self) -> None:
        """An amount with more digits than the default Decimal context reads in full."""
        text = format_number(Decimal(10**30), Unit.EURO)
        assert text == "€ 1" + ".000" * 10 + ",00"

    def test_negative_zero_reads_as_zero(self) -> None:
        """A rounded -0,004 is no negative amount: '€ 0,00', never '€ -0,00'."""
        assert format_number(Decimal("-0"), Unit.EURO) == "€ 0,00"
        assert format_number(Decimal("-0.004"), Unit.EURO) == "€ 0,00"

    def test_percent_adds_no_zeros(self) -> None:
        """12.5 % given as 0.125 reads '12,5 %', not '12,500 %'."""
        assert format_number(Decimal("0.125"), Unit.PERCENT) == "12,5 %"
        assert format_number(Decimal("0.7"), Unit.PERCENT) == "70 %"

    @given(st.integers(0, 10**9))
    def test_euros_round_trip(self, cents: int) -> None:
        """'€ 1.234,56' read back (dots removed, comma as point) is the amount."""
        amount = Decimal(cents) / 100
        text = format_number(amount, Unit.EURO).removeprefix("€ ")
        assert Decimal(text.replace(".", "").replace(",", ".")) == amount


class TestDates:
    @pytest.mark.parametrize(
        ("day", "text"),
        [
            (date(1, 1, 1), "01-01-0001"),
            (date(999, 12, 31), "31-12-0999"),
            (date(2025, 1, 6), "06-01-2025"),
            (date(9999, 12, 31), "31-12-9999"),
        ],
    )
    def test_four_digit_year(self, day: date, text: str) -> None:
        """Domain §1: dates read DD-MM-JJJJ; a year before 1000 is zero-padded
        (``strftime('%Y')`` is not, on glibc)."""
        assert format_date(day) == text
        assert format_value(day) == text

    @given(st.dates())
    def test_reads_back(self, day: date) -> None:
        """The text is the date: day, month and four-digit year, in that order."""
        d, m, y = format_date(day).split("-")
        assert (len(d), len(m), len(y)) == (2, 2, 4)
        assert date(int(y), int(m), int(d)) == day

    def test_refuses_a_non_date(self) -> None:
        with pytest.raises(TypeError, match="day"):
            format_date("2025-01-06")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="day"):
            format_date(datetime(2025, 1, 6, 10, 0))

    def test_a_value_that_is_a_datetime_shows_its_day(self) -> None:
        """In an explanation (format_value) a datetime parameter reads as its date."""
        assert format_value(datetime(999, 1, 6, 10, 0)) == "06-01-0999"


class TestText:
    def test_cascade_reads_as_rows(self) -> None:
        """001 art. 2.2: a cascade's text has a line per ended module, not a repr."""
        product = builtin_product("asr-reintegratiemanager")
        text = cascade(product, "basis-verzuim", date(2025, 3, 3)).text()
        assert "Citation(" not in text
        assert "CouplingRule(" not in text
        assert "a.s.r. Re-integratiemanager art. 2.2 en 1.8" in text
        rows = [line for line in text.splitlines() if line.startswith("  · module = ")]
        assert [row.split(",")[0] for row in rows] == [
            "  · module = basis-verzuim",
            "  · module = reintegratiemanager",
            "  · module = arbobegeleiding",
            "  · module = arbosignaal",
        ]
        assert max(len(line) for line in text.splitlines()) < 300

    def test_a_named_tuple_reads_by_its_fields(self) -> None:
        """Domain §3 (signal): a decision whose value is a NamedTuple (the signal of
        next_milestone) reads 'name = value' per field, as an attrs record does; a tuple
        of them (the statuses of entitlement_statuses, 003 art. 2.4) a line per row."""
        case = SicknessCase.ongoing(date(2025, 1, 6))
        head = next_milestone(case, date(2025, 3, 1)).text("volgende").splitlines()[0]
        assert head == (
            "volgende = milestone = plan_van_aanpak, date = 02-03-2025, days_left = 1, due = ja"
        )
        text = entitlement_statuses(builtin_product("zeeuwse-prb"), [], date(2025, 3, 1)).text()
        rows = [line for line in text.splitlines() if line.startswith("  · ")]
        assert [row.split(", ")[:2] for row in rows] == [
            ["  · entitlement = dienstverlening", "state = actief"],
            ["  · entitlement = vergoeding", "state = actief"],
            ["  · entitlement = poortwachtergarantie", "state = actief"],
        ]

    def test_simple_value(self) -> None:
        """A single value: 'label = value', then one line per rule with its articles."""
        ground = Ground(
            rule="r",
            citation=Citation.seed("003", "2.6.1"),
            parameters=(("kosten", Unit.EURO.of(5)),),
        )
        text = Explained(Decimal("5.00"), (ground,), Unit.EURO).text("RI_REINTEGRATIEBUDGET")
        assert text.splitlines() == [
            "RI_REINTEGRATIEBUDGET = € 5,00",
            "- r (De Zeeuwse Preventie en re-integratie art. 2.6.1) [kosten = € 5,00]",
        ]


class TestFormatNumberPlaces:
    @pytest.mark.parametrize(
        ("value", "unit", "text"),
        [
            (Decimal("103.00"), Unit.NUMBER, "103,00"),
            (Decimal("102.857"), Unit.NUMBER, "102,86"),
            (Decimal("0.125"), Unit.NUMBER, "0,13"),  # half up, as the rules round
            (1, Unit.WEEKS, "1,00 week"),
            (Decimal("0.7"), Unit.PERCENT, "70,00 %"),
            (Decimal(2500), Unit.EURO, "€ 2.500,00"),
        ],
    )
    def test_places_fix_the_decimals(self, value: Decimal | int, unit: Unit, text: str) -> None:
        """With places a number has exactly that many decimals, so a column reads alike."""
        assert format_number(value, unit, places=2) == text

    def test_places_must_be_a_small_whole_number(self) -> None:
        """A nonsensical number of places is refused in Dutch."""
        with pytest.raises(ValueError, match="places"):
            format_number(Decimal(1), places=-1)

    def test_places_on_a_long_number(self) -> None:
        """A number with more digits than the decimal context holds (1E+30 with two places)
        is written out, as euros are (round_cents rounds it in a context that holds it); it
        raised decimal.InvalidOperation, an internal error instead of a text."""
        assert format_number(Decimal("1E+30"), places=2) == "1" + "0" * 30 + ",00"
        assert format_number(Decimal("123456789012345678901234567.895"), places=2) == (
            "123456789012345678901234567,90"
        )

    def test_places_never_show_minus_zero(self) -> None:
        """A small negative number rounded to zero reads 0,00, as a rounded euro amount does
        (€ 0,00), not -0,00."""
        assert format_number(Decimal("-0.001"), places=2) == "0,00"
        assert format_number(Decimal("-0.001"), Unit.EURO) == "€ 0,00"

    def test_places_refused_also_for_a_value_that_is_not_finite(self) -> None:
        """places is checked before the value is looked at: a wrong places is refused
        whatever the value (it passed unnoticed with NaN)."""
        with pytest.raises(ValueError, match="places"):
            format_number(Decimal("NaN"), places=-1)
