"""Money: exact Decimal euros, rounded once, half up (spec/domain.md §1)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reintegratie_core import InvalidValueError, fraction, money, round_cents


class TestMoney:
    def test_float_is_refused(self) -> None:
        """A float never becomes money in the core (STYLE.md "Money and dates")."""
        with pytest.raises(TypeError):
            money(0.1)  # type: ignore[arg-type]

    def test_bool_is_refused(self) -> None:
        """True is not an amount."""
        with pytest.raises(TypeError):
            money(True)

    def test_negative_is_refused_with_its_name(self) -> None:
        """A negative amount names the argument."""
        with pytest.raises(InvalidValueError, match="kosten"):
            money(Decimal(-1), name="kosten")

    def test_text_and_int(self) -> None:
        """Text and int become exact Decimals."""
        assert money("12.34") == Decimal("12.34")
        assert money(5) == Decimal(5)

    def test_not_a_number_text(self) -> None:
        """Text that is no number is a precise error."""
        with pytest.raises(InvalidValueError, match="geen bedrag"):
            money("twaalf")

    def test_negative_zero_is_zero(self) -> None:
        """-0 is the amount 0: it never reads as '€ -0,00' in an explanation."""
        assert not money(Decimal("-0")).is_signed()
        assert not money("-0.00").is_signed()

    def test_a_fraction_that_is_no_number_says_so(self) -> None:
        """A percentage written as text '70%' is refused as a fraction, with a fraction as
        example, not as an amount of euros."""
        with pytest.raises(InvalidValueError) as error:
            fraction("70%")
        assert "bedrag" not in str(error.value)
        assert "0.70" in str(error.value)

    def test_a_fraction_is_refused_in_good_dutch(self) -> None:
        """'fractie' is a de-word: a float is 'geen exacte fractie', an infinity 'geen
        eindige fractie' (it read 'geen exact fractie', 'geen eindig fractie'); an amount
        stays 'geen exact bedrag', 'geen eindig bedrag'."""
        with pytest.raises(TypeError, match="is geen exacte fractie;"):
            fraction(0.7)
        with pytest.raises(InvalidValueError, match=r"is geen eindige fractie$"):
            fraction(Decimal("Infinity"))
        with pytest.raises(TypeError, match="is geen exact bedrag;"):
            money(0.7)
        with pytest.raises(InvalidValueError, match=r"is geen eindig bedrag$"):
            money("Infinity")

    def test_fraction_above_one_is_refused(self) -> None:
        """Percentages are fractions in the core: 70 % is 0.70."""
        with pytest.raises(InvalidValueError):
            fraction(Decimal(70))


class TestRounding:
    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            ("0.005", "0.01"),
            ("0.015", "0.02"),
            ("2.675", "2.68"),
            ("-0.005", "-0.01"),
            ("1.004", "1.00"),
        ],
    )
    def test_half_up(self, amount: str, expected: str) -> None:
        """EC Reg. 1103/97 art. 5: half cents round away from zero (ROUND_HALF_UP)."""
        assert round_cents(Decimal(amount)) == Decimal(expected)

    def test_not_a_number_is_refused(self) -> None:
        """A NaN is no amount: round_cents refuses it as it refuses an infinity (domein §1)."""
        for amount in ("NaN", "Infinity", "-Infinity"):
            with pytest.raises(InvalidValueError, match="geen eindig bedrag"):
                round_cents(Decimal(amount))

    def test_more_digits_than_the_context_rounds(self) -> None:
        """An amount beyond the 28 digits of the default context still rounds to cents."""
        assert round_cents(Decimal(10**30) + Decimal("0.005")) == Decimal(10**30) + Decimal("0.01")
        assert round_cents(Decimal("1E+40")) == Decimal("1E+40")

    @given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=6))
    def test_within_half_a_cent(self, amount: Decimal) -> None:
        """Rounding moves an amount by at most half a cent and lands on whole cents."""
        rounded = round_cents(amount)
        assert abs(rounded - amount) <= Decimal("0.005")
        assert rounded == rounded.quantize(Decimal("0.01"))
