"""Headless recalculation of workbooks: ``RI_`` functions and Excel's own, without Excel.

The pieces, in the order a workbook passes through them:

* `safety` — the limits, and the archive checks before
  anything is parsed (sizes, zip bombs);
* `package` — reads the cells with ``defusedxml``, checking the
  limits as they arrive, and writes the cached values into a copy of the original package;
* `forms` — formula text: add-in call forms (``_xludf.``,
  ``[1]!``, the add-in path), left-out ``RI_`` arguments, references to other workbooks,
  what references cost;
* `elementwise` — formulas that need Excel's element-wise evaluation of a function over a
  range (``SUMPRODUCT(LEN(A1:A5))``), which the engine would compute wrongly: not computed;
* `values` — ``RI_`` arguments and results as Excel passes them;
* `calc` — the formula engine, ``formualizer`` (the only
  module that uses it);
* `recalculation` — the whole: `recalculate`.
"""
