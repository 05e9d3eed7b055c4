"""The test suite, a package so that its helpers import as ``tests.support.<module>``
however pytest is started from the checkout (``pytest`` or ``python -m pytest``)."""
