"""The udf wrappers of `excel_function`: what their signature advertises, they accept."""

from __future__ import annotations

import inspect
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from reintegratie_addin import udfs
from reintegratie_addin.functions import REGISTRY

D = datetime(2025, 1, 6)


class TestKeywords:
    """A Python caller (the werkmap command, a notebook) may name the arguments the
    signature shows; Excel passes them by position and keeps the same path."""

    def test_keywords_as_advertised(self) -> None:
        """RI_RESTERENDE_WEKEN(ziekte=..., peildatum=...) is the positional call."""
        named = udfs.RI_RESTERENDE_WEKEN(ziekte=D, peildatum=date(2025, 3, 1), sanctieweken=2)
        assert named == udfs.RI_RESTERENDE_WEKEN(D, date(2025, 3, 1), 2)
        assert isinstance(named, float)

    def test_positional_then_keywords(self) -> None:
        """Leading arguments by position, a later one by name; the ones between are empty."""
        named = udfs.RI_MIJLPAAL(D, "einde_loondoorbetaling", sanctieweken=3)
        assert named == udfs.RI_MIJLPAAL(D, "einde_loondoorbetaling", None, 3)
        assert named == date(2027, 1, 24)

    @given(st.data())
    def test_every_split_is_the_positional_call(self, data: st.DataObject) -> None:
        """For every function, any split of its arguments into positional ones and named ones
        gives what the positional call gives."""
        name = data.draw(st.sampled_from(sorted(REGISTRY)))
        udf = getattr(udfs, name)
        names = list(inspect.signature(udf).parameters)
        values = [data.draw(st.sampled_from([None, D, "42e week", 2.0])) for _ in names]
        split = data.draw(st.integers(0, len(names)))
        positional = udf(*values)
        assert udf(*values[:split], **dict(zip(names[split:], values[split:], strict=True))) == (
            positional
        )

    def test_unknown_or_doubled_keyword_is_text(self) -> None:
        """A name the signature does not have, or one given twice, is #WAARDE! text naming
        the function's arguments, never an exception."""
        unknown = udfs.RI_RESTERENDE_WEKEN(D, datum=date(2025, 3, 1))
        assert unknown.startswith("#WAARDE! argumenten: RI_RESTERENDE_WEKEN")
        assert "datum" in unknown
        assert "ziekte, peildatum, sanctieweken" in unknown
        doubled = udfs.RI_RESTERENDE_WEKEN(D, date(2025, 3, 1), peildatum=date(2025, 3, 1))
        assert doubled.startswith("#WAARDE! argumenten: RI_RESTERENDE_WEKEN")
        assert "peildatum" in doubled

    def test_missing_required_keyword_is_empty(self) -> None:
        """An argument not given by name is an empty cell, as when Excel leaves it out."""
        assert udfs.RI_RESTERENDE_WEKEN(ziekte=D) == udfs.RI_RESTERENDE_WEKEN(D)
        assert udfs.RI_RESTERENDE_WEKEN(ziekte=D).startswith("#WAARDE! peildatum: ontbreekt")
