"""Headless recalculation of workbooks: ``RI_`` functions and Excel's own, without Excel.

The pieces, in the order a workbook passes through them:

* `safety` — refuses absurd or unsafe files before and while
  reading them (sizes, zip bombs, XML entities via ``defusedxml``), and reads past cells it
  cannot read;
* `forms` — recognises the forms Excel saves an add-in
  function in (``_xludf.``, ``[1]!``, a quoted add-in path) and simple ``RI_`` calls;
* `values` — maps ``RI_`` arguments and results between
  the formula engine and the Excel functions;
* `engine` — computes every formula with the ``formulas``
  package and writes a copy with the values.
"""
