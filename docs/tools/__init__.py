"""The documentation generator: every page that can drift from the code is generated.

``python -m docs.tools.generate`` writes the generated pages and pictures under ``docs/``;
``make docs`` runs it and then ``mkdocs build --strict``. ``tests/docs`` regenerate every
page in memory and compare it with the committed file.
"""
