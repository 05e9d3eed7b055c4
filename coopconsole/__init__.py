"""coopconsole: a terminal console for running multi-party cooperation meetings."""

__version__ = "0.1.0"
