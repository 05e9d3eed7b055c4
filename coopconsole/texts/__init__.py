"""Every text people read, in English and Chinese: one catalogue, keyed by language.

:data:`CATALOGUE` holds one table per language (:mod:`coopconsole.texts.en`,
:mod:`coopconsole.texts.zh`, each in two files: the console's words and its reports'),
with the same keys: the console's words, the facilitator's playbook, the health checks
(``health.``), the refusals of the service (``error.``), and what goes out to every
attendee in the minutes and the exports (``minutes.``).
``t(key, lang, **values)`` formats an entry; a missing key is a programming error and
raises ``KeyError`` (a test checks that both languages have every key, with the same
fields). How dates, times and durations are written is in :mod:`coopconsole.texts.formats`.

The language is ``--lang`` if given, else the remembered setting, else the ``LANG`` /
``LC_ALL`` / ``LC_MESSAGES`` environment (``zh*`` means Chinese), else English.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from importlib import import_module

LANGS = ("en", "zh")


class Catalogue(Mapping[str, dict[str, str]]):
    """The catalogue: a language's table of texts by key. A language's table is read the
    first time it is asked for, so a console in one language never loads the other's."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, str]] = {}

    def __getitem__(self, lang: str) -> dict[str, str]:
        table = self._tables.get(lang)
        if table is None:
            if lang not in LANGS:
                raise KeyError(lang)
            table = self._tables[lang] = import_module(f"coopconsole.texts.{lang}").TEXTS
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


CATALOGUE = Catalogue()


def t(key: str, lang: str, **values: object) -> str:
    """The ``lang`` text for ``key``, formatted with ``values`` (English for any other language)."""
    text = CATALOGUE["zh" if lang == "zh" else "en"][key]
    return text.format(**values) if values else text


def detect_lang(option: str | None = None, saved: str | None = None, env: Mapping[str, str] = os.environ) -> str:
    """``--lang`` if given, else the remembered setting, else the locale, else English."""
    for choice in (option, saved):
        if choice in LANGS:
            return choice
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
