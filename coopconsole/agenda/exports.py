"""Agendas exported from document tools or written in HTML, made plain Markdown first.

The source is rewritten line for line before it is parsed (every line keeps its number,
so reports still name the right line of the file). Lines inside code fences are left
as they are: a plain-text agenda pasted in a fence is read as plain lines.

* **Escaped markers** (Google Docs, Word converters): ``\\- item``, ``\\* item``,
  ``1\\. item`` and ``\\# Heading`` at the start of a line are the list entries and
  headings they were meant to be. ``\\[ \\]`` needs nothing: it reads as ``[ ]``, a
  task box that the item reader drops (``- [ ] Budget (10 min)`` is the item
  ``Budget``).
* **Tool furniture**: ``[TOC]`` / ``[[_TOC_]]`` (HackMD, GitLab), HackMD/Docusaurus
  container fences (``:::info`` ... ``:::``) and lines holding only ``&nbsp;`` (Notion,
  Word) are blanked; what is inside a container is read as usual.
* **Bold paragraphs used as headings**: a line written wholly in bold (``**Agenda**``,
  ``__Participants:__``), standing alone, that names a section (agenda, participants,
  goals, a parking lot, the minutes; see :mod:`coopconsole.agenda.sections`) is a
  heading one level below the heading before it. A wholly bold first line of a document
  that has headings (its own or such bold section lines) is its title, a level-1
  heading (``**Partner Meeting**`` over ``**Agenda**``); in a document without headings
  it stays the first line, which is the title there anyway. Other bold lines stay text (a
  bold day line such as ``**Wednesday, 11th October**`` is no section).
* **HTML**: a line that is one element ``<h1>``-``<h6>`` is that heading
  (``<h3>01. 欢迎致辞与介绍 (13:00-13:30)</h3>``), ``<li>`` a list entry (nested
  ``<ul>``/``<ol>`` give its depth), ``<p>`` a line of text and ``<summary>`` (a
  ``<details>`` toggle) a bold line, so ``<summary>Agenda</summary>`` opens the agenda.
  Lines holding only container tags (``<div>``, ``</ul>``, ``<details>``...) are blanked
  so that they do not swallow the lines after them; ``<style>`` and ``<script>`` blocks
  are blanked whole. Other HTML (tables, comments) is left to Markdown, which skips it.
"""

from __future__ import annotations

import re

from coopconsole.agenda.sections import names_agenda, section_kind

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_TOC = re.compile(r"(?i)^\s*(?:\[toc\]|\[\[_toc_\]\]|\{:toc\}|\[\[toc\]\])\s*$")
_CONTAINER = re.compile(r"^\s*:::")
_NBSP_ONLY = re.compile(r"^(?:\s|&nbsp;|&#160;|\u00a0)*(?:&nbsp;|&#160;|\u00a0)(?:\s|&nbsp;|&#160;|\u00a0)*$")
_ESCAPED_BULLET = re.compile(r"^(\s*)\\([-*+])(?=\s)")
_ESCAPED_NUMBER = re.compile(r"^(\s*\d{1,3})\\([.)])(?=\s)")
_ESCAPED_HEADING = re.compile(r"^(\s*)\\(#{1,6})(?=\s)")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_].*?)\1\s*[:：]?\s*$")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s")
_HTML_HEADING = re.compile(r"(?i)^\s*<h([1-6])\b[^>]*>(?P<text>.*?)</h\1>\s*$")
_HTML_ITEM = re.compile(r"(?i)^\s*<li\b[^>]*>(?P<text>.*?)(?:</li>)?\s*$")
_HTML_PARA = re.compile(r"(?i)^\s*<p\b[^>]*>(?P<text>.*?)(?:</p>)?\s*$")
_HTML_SUMMARY = re.compile(r"(?i)^\s*<summary\b[^>]*>(?P<text>.*?)</summary>\s*$")
_CONTAINER_TAGS = (
    r"div|ul|ol|li|details|section|article|center|main|header|footer|nav|aside|span|p|br|hr|summary|body|html"
)
_TAGS_ONLY = re.compile(rf"(?i)^\s*(?:</?(?:{_CONTAINER_TAGS})\b[^>]*>\s*)+$")
_RAW_OPEN = re.compile(r"(?i)^\s*<(style|script)\b")
_LIST_OPEN = re.compile(r"(?i)<(?:ul|ol)\b")
_LIST_CLOSE = re.compile(r"(?i)</(?:ul|ol)>")


def _names_section(text: str) -> bool:
    return section_kind(text) is not None or names_agenda(text)


def plain_markdown(text: str) -> str:
    """``text`` with the exports' and HTML's structure made Markdown (see the module notes)."""
    lines = text.split("\n")
    out: list[str] = []
    fence = ""
    raw = ""  # inside <style> or <script>: the closing tag's name
    depth = 0  # open <ul>/<ol>
    level = 1  # the level of the last heading
    headed = False  # the document has headings (its own or bold section lines)
    bold_title: tuple[int, str] | None = None  # a wholly bold first line
    for i, line in enumerate(lines):
        if fence:
            out.append(line)
            if line.strip().startswith(fence):
                fence = ""
            continue
        if raw:
            out.append("")
            if re.search(rf"(?i)</{raw}>", line):
                raw = ""
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        m = _RAW_OPEN.match(line)
        if m:
            raw = "" if re.search(rf"(?i)</{m.group(1)}>", line) else m.group(1)
            out.append("")
            continue
        new = _rewrite(line, depth)
        depth = max(0, depth + len(_LIST_OPEN.findall(line)) - len(_LIST_CLOSE.findall(line)))
        m = _BOLD_LINE.match(new)
        alone = (i == 0 or not out[-1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())
        if m and alone and _names_section(m.group("text")):
            new = f"{'#' * min(6, level + 1)} {m.group('text').strip()}"
            headed = True
        elif m and alone and bold_title is None and not any(x.strip() for x in out):
            bold_title = (i, m.group("text").strip())
        elif _ATX.match(new):
            headed = True
        h = _ATX.match(new)
        if h:
            level = len(h.group(1))
        out.append(new)
    if bold_title is not None and headed:
        out[bold_title[0]] = f"# {bold_title[1]}"
    return "\n".join(out)


def _rewrite(line: str, depth: int) -> str:
    if _TOC.match(line) or _CONTAINER.match(line) or _NBSP_ONLY.match(line):
        return ""
    line = _ESCAPED_BULLET.sub(r"\1\2", line)
    line = _ESCAPED_NUMBER.sub(r"\1\2", line)
    line = _ESCAPED_HEADING.sub(r"\1\2", line)
    if "<" not in line:
        return line
    m = _HTML_HEADING.match(line)
    if m:
        return f"{'#' * int(m.group(1))} {m.group('text').strip()}"
    m = _HTML_SUMMARY.match(line)
    if m and m.group("text").strip():
        return f"**{m.group('text').strip()}**"
    m = _HTML_ITEM.match(line)
    if m and m.group("text").strip():
        return f"{'  ' * max(0, depth - 1)}- {m.group('text').strip()}"
    m = _HTML_PARA.match(line)
    if m and m.group("text").strip():
        return m.group("text").strip()
    if _TAGS_ONLY.match(line):
        return ""
    return line
