"""The parsing both shells share (issue 11 item 4): one serial ↔ date conversion, one code
key, and no shell in the way."""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import ZEEUWSE_PRB, compensation
from reintegratie_core.products import canonical
from reintegratie_io import (
    MAX_SERIAL,
    ArgumentError,
    DateBounds,
    cents_number,
    date_to_serial,
    describe,
    float_number,
    named_as,
    normalize_code,
    serial_to_date,
    thousands,
    to_date,
    to_decimal,
    to_sanction_weeks,
)

ROOT = Path(__file__).resolve().parents[2]


class TestSerials:
    @given(st.integers(1, MAX_SERIAL).filter(lambda s: s != 60))
    def test_round_trip(self, serial: int) -> None:
        """Every serial Excel can show is a date and back (1900 system, 60 excluded)."""
        assert date_to_serial(serial_to_date(serial, "datum")) == serial

    def test_known_serials(self) -> None:
        """Serial 1 = 01-01-1900, 61 = 01-03-1900 (after Lotus' 29-02-1900), 45663 = 06-01-2025."""
        assert serial_to_date(1, "d") == date(1900, 1, 1)
        assert serial_to_date(59, "d") == date(1900, 2, 28)
        assert serial_to_date(61, "d") == date(1900, 3, 1)
        assert date_to_serial(date(2025, 1, 6)) == 45663
        assert date_to_serial(date(9999, 12, 31)) == MAX_SERIAL

    def test_one_implementation(self) -> None:
        """The 1900 epoch is written down once, here: no shell keeps its own conversion."""
        epoch = re.compile(r"date\(1899, 12, 3[01]\)")
        found = [
            str(path.relative_to(ROOT))
            for folder in ("src", "addin")
            for path in (ROOT / folder).rglob("*.py")
            if epoch.search(path.read_text(encoding="utf-8"))
        ]
        assert found == ["src/reintegratie_io/_values.py"]


class TestFloatNumbers:
    """A number cell is read at Excel's precision, 15 significant digits (user review: 0.1 +
    0.7 in a percentage cell shows 80 % and must be 80 %, not 79,99999999999999 %)."""

    @given(st.floats(allow_nan=False, allow_infinity=False))
    def test_defined_as_fifteen_digits(self, value: float) -> None:
        """float_number(x) is Decimal(format(x, '.15g')) (digits, exponent), -0 read as 0."""
        expected = Decimal(format(value, ".15g"))
        if expected.is_zero():
            expected = Decimal(0)
        assert float_number(value).as_tuple() == expected.as_tuple()

    # Excel's largest number is 9.99999999999999E+307; above 1.7976931348623150E+308 the
    # 15-digit float is infinite.
    @given(st.floats(min_value=-1e308, max_value=1e308))
    def test_reading_is_excels_fifteen_digits(self, value: float) -> None:
        """Reading x is reading the float Excel keeps of it, float(format(x, '.15g'))."""
        shown = float(format(value, ".15g"))
        assert to_decimal(value, "n", "h").as_tuple() == to_decimal(shown, "n", "h").as_tuple()

    @given(st.integers(0, 10**14))
    def test_whole_cents(self, cents: int) -> None:
        """A whole number of cents up to 10^12 euros is those cents, without trailing zeros."""
        expected = Decimal(format(cents / 100, ".15g"))
        assert cents_number(cents).as_tuple() == expected.as_tuple()
        assert float_number(cents / 100).as_tuple() == expected.as_tuple()

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0.1 + 0.7, "0.8"),
            (1000 * (0.7 - 0.2), "500"),
            (1.0000000000000002, "1"),
            (80.0, "80"),
            (12.5, "12.5"),
            (1e300, "1E+300"),
            (-0.0, "0"),
        ],
    )
    def test_review_examples(self, value: float, expected: str) -> None:
        """The review's numbers: as the cell shows them; 80.0 is 80."""
        assert str(to_decimal(value, "n", "h")) == expected

    def test_whole_number_as_shown(self) -> None:
        """A count cell (sanctieweken, in Excel or an XLSX file for the CLI) that shows 3 is
        3, though the double is 2.9999999999999996; 2.5 stays refused."""
        assert to_sanction_weeks(2.9999999999999996, "sanctieweken") == 3
        with pytest.raises(ArgumentError, match="2,5 is geen geheel getal"):
            to_sanction_weeks(2.5, "sanctieweken")

    @pytest.mark.parametrize("value", ["-0", "-0,00", Decimal("-0"), -0.0])
    def test_negative_zero_is_zero(self, value: object) -> None:
        """-0 (typed, or a float) is read as 0: no -0 reaches a result."""
        assert not to_decimal(value, "n", "h").is_signed()


class TestDescribe:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (200.0, "200"),
            (25.0, "25"),
            (0.1 + 0.7, "0,8"),
            (12.5, "12,5"),
            (1e300, "1E+300"),
            (1e-12, "1E-12"),
            (1.5e15, "1,5E+15"),
            (Decimal("200.0"), "200"),
            (Decimal("12.50"), "12,5"),
            (7, "7"),
            ("%", '"%"'),
            (float("inf"), "inf"),
        ],
    )
    def test_numbers_the_dutch_way(self, value: object, expected: str) -> None:
        """Numbers in messages as a Dutch Excel shows them, text as typed."""
        assert describe(value) == expected


class TestCodes:
    @given(st.text(max_size=30))
    def test_code_key_is_the_core_canonical(self, text: str) -> None:
        """`normalize_code` is the core's `canonical` (cached), not a second copy."""
        assert normalize_code(text) == canonical(text)


class TestDates:
    def test_bounds_are_the_callers(self) -> None:
        """Without bounds a text date of year 1 parses (the CLI); with bounds it is refused."""
        assert to_date("0001-01-01", "datum") == date(1, 1, 1)
        bounds = DateBounds(date(1900, 1, 1), date(9999, 12, 31), "de datums van Excel")
        with pytest.raises(ArgumentError, match="valt buiten de datums van Excel"):
            to_date("0001-01-01", "datum", bounds)

    def test_bounds_name_years_before_1000_in_four_digits(self) -> None:
        bounds = DateBounds(date(10, 1, 1), date(999, 12, 31), "het bereik")
        with pytest.raises(ArgumentError, match=r"\(01-01-0010 t/m 31-12-0999;"):
            to_date("2025-01-06", "datum", bounds)

    @pytest.mark.parametrize(
        ("value", "shown"),
        [(time(10, 0), "10:00"), (time(0, 0), "00:00"), (time(8, 5, 30), "08:05:30")],
    )
    def test_a_time_is_no_date(self, value: time, shown: str) -> None:
        """A time-only cell: named as a time, with the hint for dates before 1900."""
        with pytest.raises(ArgumentError) as caught:
            to_date(value, "eerste_ziektedag")
        assert caught.value.message.startswith(f"een tijd ({shown}), geen datum")
        assert "vóór 01-01-1900" in caught.value.message


class TestDescribeNoRepr:
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("a", '"a"'),
            (True, "WAAR"),
            (3.0, "3"),
            (2.5, "2,5"),
            (Decimal("1.50"), "1,5"),
            (date(1, 2, 3), "03-02-0001"),
            (datetime(999, 12, 31, 10, 0), "31-12-0999"),
            (time(10, 0), "10:00"),
            (timedelta(hours=2), "een tijdsduur (2:00:00)"),
            # as Excel's [u]:mm:ss shows it, not Python's "3 days, 0:00:00"
            (timedelta(days=3), "een tijdsduur (72:00:00)"),
            (timedelta(days=1, minutes=5, seconds=7.5), "een tijdsduur (24:05:07)"),
            (timedelta(hours=-1), "een tijdsduur (-1:00:00)"),
            ([1, 2], "een reeks van 2 waarden"),
        ],
    )
    def test_no_python_repr(self, value: object, shown: str) -> None:
        """What a message shows of a value is what a user typed or sees, never a repr."""
        assert describe(value) == shown

    @given(st.one_of(st.times(), st.timedeltas(), st.decimals(allow_nan=False), st.dates()))
    def test_never_a_constructor(self, value: object) -> None:
        text = describe(value)
        assert "datetime" not in text
        assert "Decimal(" not in text
        assert "day" not in text  # timedelta's English "3 days, 0:00:00"


def dutch(value: Decimal) -> str:
    """``value`` as a Dutch user writes it: ``.`` between thousands, ``,`` before decimals."""
    return f"{value:,}".replace(",", "_").replace(".", ",").replace("_", ".")


def english(value: Decimal) -> str:
    """``value`` as an English user writes it: ``,`` between thousands, ``.`` before decimals."""
    return f"{value:,}"


#: Amounts as typed: up to 12 digits before the separator, 0–6 digits after it.
typed_amounts = st.builds(
    lambda whole, places, digits: (
        Decimal(whole) + Decimal(digits % 10**places) / 10**places if places else Decimal(whole)
    ),
    st.integers(0, 10**12),
    st.integers(0, 6),
    st.integers(0, 10**6),
)


def three_after(separator: str, text: str) -> bool:
    """Only one ``separator``, before exactly three digits, after a group of 1–3 digits."""
    return re.fullmatch(rf"-?[1-9][0-9]{{0,2}}\{separator}[0-9]{{3}}", text) is not None


class TestNumberText:
    """Amounts and numbers typed as text (issue: "1.234" read as 1,234): Dutch first, English
    where unambiguous, and a refusal where a careful reader could not tell."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("1.250,50", "1250.50"),
            ("1,250.50", "1250.50"),
            ("€ 12,5", "12.5"),
            ("1.234", "1234"),
            ("-1.234", "-1234"),
            ("€ 12.000", "12000"),
            ("1.234.567", "1234567"),
            ("1,234,567", "1234567"),
            ("1.234,56", "1234.56"),
            ("1,234.56", "1234.56"),
            ("1.234.567,8", "1234567.8"),
            ("1,234,567.891", "1234567.891"),
            ("1234,567", "1234.567"),
            ("1234.567", "1234.567"),
            ("0,125", "0.125"),
            ("0.125", "0.125"),
            ("12,5", "12.5"),
            ("12.5", "12.5"),
            ("1,2345", "1.2345"),
            ("1.2345", "1.2345"),
            ("1250", "1250"),
            (",5", "0.5"),
            ("1e3", "1E+3"),
        ],
    )
    def test_dutch_and_english_numbers(self, text: str, value: str) -> None:
        """Amount text with either decimal separator; ``.`` before exactly three digits after
        a group of 1–3 digits is the Dutch thousands separator."""
        assert str(to_decimal(text, "bedrag", "")) == value

    @pytest.mark.parametrize("text", ["1,234", "€ 12,000", "-999,999", "1,000"])
    def test_comma_before_three_digits_is_ambiguous(self, text: str) -> None:
        """``1,234`` is 1234 to an English reader and 1,234 to a Dutch one: refused, naming
        the argument and how to write either."""
        with pytest.raises(ArgumentError) as refused:
            to_decimal(text, "kosten", "verwacht een bedrag")
        assert refused.value.argument == "kosten"
        whole, fraction = text.strip("€ -").split(",")
        assert refused.value.message.startswith(f'"{text}" is dubbelzinnig')
        assert f"schrijf {whole}{fraction} of {whole}.{fraction} voor" in refused.value.message
        assert f"{whole},{fraction}0 voor" in refused.value.message

    @pytest.mark.parametrize(
        "text", ["1.2.3", "1.23.456", "12.34,5", "1,23.4", "1.234,567.8", "1.234.", "abc", "1..2"]
    )
    def test_badly_grouped_text_is_refused(self, text: str) -> None:
        """Thousands separators between groups of other than three digits are no number."""
        with pytest.raises(ArgumentError, match="bedrag"):
            to_decimal(text, "bedrag", "")

    @given(typed_amounts.map(lambda d: d.quantize(Decimal("0.01"))), st.booleans())
    def test_dutch_amounts_read_back(self, amount: Decimal, negative: bool) -> None:
        """An amount in cents written the Dutch way (1.234.567,89) reads back as itself."""
        value = -amount if negative else amount
        assert to_decimal(dutch(value), "bedrag", "") == value

    @given(typed_amounts, st.booleans())
    def test_dutch_numbers_read_back_or_are_refused(self, number: Decimal, negative: bool) -> None:
        """Any number written the Dutch way reads back as itself, except 1,234-like text
        (one comma before three decimals), which is refused as ambiguous."""
        text = dutch(-number if negative else number)
        if three_after(",", text):
            with pytest.raises(ArgumentError, match="dubbelzinnig"):
                to_decimal(text, "bedrag", "")
        else:
            assert to_decimal(text, "bedrag", "") == (-number if negative else number)

    @given(typed_amounts, st.booleans())
    def test_english_numbers_read_back_where_unambiguous(
        self, number: Decimal, negative: bool
    ) -> None:
        """A number written the English way reads back as itself unless it is 1.234-like
        (read as Dutch thousands) or 1,234-like (refused)."""
        value = -number if negative else number
        text = english(value)
        if three_after(",", text):
            with pytest.raises(ArgumentError, match="dubbelzinnig"):
                to_decimal(text, "bedrag", "")
        elif three_after(".", text):
            assert to_decimal(text, "bedrag", "") == value * 1000
        else:
            assert to_decimal(text, "bedrag", "") == value


class TestSanctionWeeks:
    """BW 7:629 lid 11: a loonsanctie lasts at most 52 weeks; both shells read
    ``sanctieweken`` through the one `to_sanction_weeks`."""

    @given(st.integers(0, 52))
    def test_whole_weeks_within_the_maximum(self, weeks: int) -> None:
        assert to_sanction_weeks(float(weeks), "sanctieweken") == weeks
        assert to_sanction_weeks(str(weeks), "sanctieweken") == weeks

    def test_empty_is_zero_unless_refused(self) -> None:
        assert to_sanction_weeks(None, "sanctieweken") == 0
        with pytest.raises(ArgumentError, match=r"sanctieweken.*ontbreekt"):
            to_sanction_weeks("", "sanctieweken", default=None)

    @pytest.mark.parametrize("value", [53, -1, 2.5, "veel"])
    def test_refused_with_the_range(self, value: object) -> None:
        with pytest.raises(ArgumentError) as refused:
            to_sanction_weeks(value, "sanctieweken")
        assert refused.value.argument == "sanctieweken"
        assert "(verwacht 0 t/m 52 weken)" in refused.value.message

    def test_both_shells_say_the_same(self) -> None:
        from reintegratie_addin import udfs
        from reintegratie_cli.args import sanction_weeks_arg

        shown = udfs.RI_RESTERENDE_WEKEN(date(2025, 1, 6), date(2025, 3, 1), 53)
        assert shown.endswith("53 ligt buiten het bereik (verwacht 0 t/m 52 weken)")
        with pytest.raises(
            argparse.ArgumentTypeError,
            match=r"53\" ligt buiten het bereik \(verwacht 0 t/m 52 weken\)",
        ):
            sanction_weeks_arg("53")
        with pytest.raises(argparse.ArgumentTypeError, match="ontbreekt"):
            sanction_weeks_arg("")


class TestOnlyExcelDigits:
    """Python's int() and Decimal() also read "1_000" and "٣"; Excel reads them as text."""

    @pytest.mark.parametrize("text", ["1_0", "1_000", "٣"])
    def test_numbers(self, text: str) -> None:
        with pytest.raises(ArgumentError, match="is geen getal"):
            to_decimal(text, "x", "verwacht een getal")

    @pytest.mark.parametrize("text", ["２０２５-０６-０１", "1-6-２０２５"])
    def test_dates(self, text: str) -> None:
        with pytest.raises(ArgumentError, match="geen geldige datum"):
            to_date(text, "x")

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            # as before the ASCII check: any space around "€" is ignored, also a (narrow)
            # no-break or thin space as a text copied from elsewhere has it
            ("12,50\u202f€", "12.50"),
            ("€\u2009 12,50", "12.50"),
            ("€\u00a012", "12"),
            ("12\u2003€", "12"),
            ("\u3000 12 ", "12"),
            ("4.613\u202f€", "4613"),  # as "4.613 €"; before, the stray space made it 4,613
        ],
    )
    def test_unicode_spaces_around_the_euro_sign_still_read(self, text: str, value: str) -> None:
        assert to_decimal(text, "x", "verwacht een getal") == Decimal(value)


class TestDescribeLongText:
    def test_a_long_text_is_shortened_with_its_length(self) -> None:
        """A text of 40.000 characters (a CSV field, a pasted document) is quoted by its
        start and its length: a message must fit in a cell (Excel holds 32.767 characters)
        and be readable, as for every other value."""
        shown = describe("x" * 40_000)
        assert len(shown) < 120
        assert shown.startswith('"xxx')
        assert shown.endswith('…" (40.000 tekens)')

    @pytest.mark.parametrize(
        ("number", "shown"),
        [
            (0, "0"),
            (999, "999"),
            (1000, "1.000"),
            (40_000, "40.000"),
            (1_048_575, "1.048.575"),
            (-32_767, "-32.767"),
        ],
    )
    def test_counts_have_one_dutch_thousands_formatter(self, number: int, shown: str) -> None:
        """A count in a message has a thousands point, in both shells and in `describe`
        alike: the CLI's XLSX cut mark and its summaries use this one formatter."""
        assert thousands(number) == shown

    def test_a_name_of_ordinary_length_is_shown_whole(self) -> None:
        """A long but ordinary value (an employer's name of 100 characters) stays whole."""
        name = "P-400017 " + "Kinderopvang Brolin " * 4 + "x" * 11
        assert len(name) == 100
        assert describe(name) == f'"{name}"'


class TestNamedAs:
    """One way the shells show a core error in their own terms (`reintegratie_io.named_as`):
    the add-in's argument names, the worklist's columns, tijdlijn's options."""

    def test_a_known_parameter_gets_the_shells_name(self) -> None:
        reason = "-1 is negatief (verwacht een bedrag van 0 of meer)"
        with pytest.raises(ValueError, match=r"^costs: ") as caught:
            compensation.prevention_budget(ZEEUWSE_PRB, Decimal(-1))
        assert named_as(caught.value, {"costs": "kosten"}) == ("kosten", reason)
        assert named_as(caught.value, {}) == (None, reason)

    def test_an_error_naming_nothing_keeps_its_text(self) -> None:
        assert named_as(ValueError("iets"), {"costs": "kosten"}) == (None, "iets")
