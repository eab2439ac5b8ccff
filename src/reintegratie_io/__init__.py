"""Input parsing shared by the shells: Dutch dates, amounts and codes (see :mod:`.values`).

Neither shell owns this package: the Excel add-in (``reintegratie_addin``) and the command
line (``reintegratie_cli``) both import it; it imports only the core. Import-linter
contracts in ``pyproject.toml`` keep it that way.
"""
