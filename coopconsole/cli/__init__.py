"""The command line: ``coopconsole`` and its commands (``main.py`` is the entry point)."""
