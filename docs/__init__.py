"""Not a page: makes ``docs/tools`` (the documentation generator) importable as ``docs.tools``."""
