"""Helpers shared by the tests; fixtures stay in ``tests/conftest.py``.

- :mod:`tests.support.sessions`: the sample session and the frozen meeting start.
- :mod:`tests.support.pilot`: driving the meeting console in pilot tests.
- :mod:`tests.support.scripted`: a whole meeting played on a frozen clock.

``tests/store_worker.py`` is not here: it is a script the fault tests run by its path.
"""
