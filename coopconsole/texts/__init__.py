"""Every text people read, in English and Chinese: one catalogue, keyed by language.

:data:`CATALOGUE` holds one table per language (:mod:`coopconsole.texts.en`,
:mod:`coopconsole.texts.zh`), with the same keys: the console's words, the facilitator's
playbook, the health checks (``health.``), the refusals of the service (``error.``), and
what goes out to every attendee in the minutes and the exports (``minutes.``).
``t(key, lang, **values)`` formats an entry; a missing key is a programming error and
raises ``KeyError`` (a test checks that both languages have every key, with the same
fields). How dates, times and durations are written is in :mod:`coopconsole.texts.formats`.

The language is ``--lang`` if given, else the remembered setting, else the ``LANG`` /
``LC_ALL`` / ``LC_MESSAGES`` environment (``zh*`` means Chinese), else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from coopconsole.texts import en, zh

LANGS = ("en", "zh")

#: The catalogue: a language's table of texts by key.
CATALOGUE: dict[str, dict[str, str]] = {"en": en.TEXTS, "zh": zh.TEXTS}


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
