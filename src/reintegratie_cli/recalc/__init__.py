"""Headless recalculation of workbooks: ``RI_`` functions and Excel's own, without Excel.

The pieces, in the order a workbook passes through them:

* :mod:`~reintegratie_cli.recalc.safety` — the limits, and the archive checks before
  anything is parsed (sizes, zip bombs);
* :mod:`~reintegratie_cli.recalc.package` — reads the cells with ``defusedxml``, checking the
  limits as they arrive, and writes the cached values into a copy of the original package;
* :mod:`~reintegratie_cli.recalc.forms` — formula text: add-in call forms (``_xludf.``,
  ``[1]!``, the add-in path), left-out ``RI_`` arguments, references to other workbooks,
  what references cost;
* :mod:`~reintegratie_cli.recalc.values` — ``RI_`` arguments and results as Excel passes them;
* :mod:`~reintegratie_cli.recalc.calc` — the formula engine, ``formualizer`` (the only
  module that uses it);
* :mod:`~reintegratie_cli.recalc.engine` — the whole: :func:`~.engine.recalculate`.
"""
