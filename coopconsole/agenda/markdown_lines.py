"""Markdown text for the agenda importer: Markdown nodes to numbered lines.

Every piece of text the importer looks at is a :class:`Line`: its 1-based line number
in the source file and its plain text. Inline Markdown is flattened to the text a reader
sees: emphasis markers, link targets and images' URLs are dropped (an image keeps its
alt text), inline HTML (comments included) is dropped, and ``<br>`` becomes a space.

Text is cleaned as typed text is (:mod:`coopconsole.domain.typed_text`): the source
loses its control characters and bidirectional overrides before it is parsed (its lines
kept, so line numbers still match the file), and every line's text is cleaned again,
because Markdown's character references (``&#x202E;``) can spell them. So nothing the
importer keeps or quotes in a report can act on a terminal.

Nesting: markdown-it stops reading lists and quotes nested deeper than its limit and
skips, without a word, everything from there to the end of the document (or of the
enclosing quote), later sections included. The limit is raised to
:data:`MAX_NESTING` (some 50 levels of nested lists, well within Python's recursion
limit), and :func:`unread_spans` finds what was skipped beyond it, for the importer to
report.

Front matter (a ``---`` / ``+++`` fenced block on the very first line) is blanked out
before parsing so that line numbers still match the file; its simple ``key: value``
lines are returned separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from coopconsole.domain.typed_text import clean_document, clean_line

#: markdown-it's nesting limit: a list level counts two (the list and its item), a quote one.
MAX_NESTING = 100
_MD = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
_CONTAINERS = ("list_item", "blockquote")

#: Separators between the parts of a written record (participant rows, owner lists).
SEP_RE = re.compile(r"\s*[,，、;；]\s*")
#: Enumeration markers that Markdown does not treat as lists: ``一、`` ``（二）`` ``3、`` ``④``.
ENUM_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]"
    r"|\d{1,3}\s*[、．]|\d{1,3}[.)]\s+|[①-⑳])\s*"
)
#: A ``Key: value`` line; the key is short and starts with a letter.
KEY_RE = re.compile(r"^\s*([A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff \-_'/.&]{0,29}?)\s*[:：]\s*(.*)$")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_SPACES = re.compile(r"\s+")
_TRIM = " \t\u3000-–—:：,，;；|、.。·•*"


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line in the source text
    text: str


def split_parts(text: str) -> list[str]:
    """Split at ``,`` ``，`` ``、`` ``;`` ``；`` outside brackets; parts are stripped, empty ones dropped."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([（【":
            depth += 1
        elif ch in ")]）】":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",，、;；":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse(text: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(_MD.parse(text))


def unread_spans(root: SyntaxTreeNode) -> list[tuple[int, int]]:
    """The lines (first, last; 1-based) that markdown-it skipped for nesting too deep.

    A list item or quote at the limit has its content skipped, and with it everything
    after it to the end of the document or of the enclosing quote; its map covers all
    of that."""
    spans: list[tuple[int, int]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in _CONTAINERS and node.map and node.level + 1 >= MAX_NESTING:
            spans.append((node.map[0] + 1, max(node.map[0] + 1, node.map[1])))
        stack.extend(reversed(node.children))
    return sorted(spans)


def normalise_source(text: str) -> str:
    """Line ends made ``\\n``, controls removed (lines kept), no byte-order mark."""
    return clean_document(text).lstrip("\ufeff")


def split_front_matter(text: str) -> tuple[str, dict[str, Line]]:
    """Blank out a leading front matter block; return the text and its ``key: value`` pairs."""
    lines = text.split("\n")
    if not lines or lines[0].strip() not in ("---", "+++"):
        return text, {}
    fence = lines[0].strip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in closers), None)
    if end is None:
        return text, {}
    found: dict[str, Line] = {}
    for i in range(1, end):
        m = re.match(r"^\s*([A-Za-z_\u4e00-\u9fff][\w \-\u4e00-\u9fff]{0,40}?)\s*[:=：]\s*(.*)$", lines[i])
        if m:
            value = squeeze(m.group(2)).strip("'\"").strip()
            if value:
                found.setdefault(m.group(1).strip().lower(), Line(i + 1, value))
    blanked = [""] * (end + 1) + lines[end + 1 :]
    return "\n".join(blanked), found


def _inline_pieces(node: SyntaxTreeNode, out: list[list[str]]) -> None:
    for child in node.children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            out.append([])
        elif kind == "text" or kind == "code_inline":
            out[-1].append(child.content)
        elif kind == "html_inline":
            content = child.content
            if re.match(r"(?i)<br\s*/?>", content):
                out[-1].append(" ")
            for _ in range(content.count("\n")):
                out.append([])
        elif kind == "image":
            _inline_pieces(child, out)
        elif child.children:
            _inline_pieces(child, out)


def inline_lines(node: SyntaxTreeNode) -> list[Line]:
    """The lines of an ``inline`` node (one per source line), numbered from its map."""
    first = (node.map[0] + 1) if node.map else 1
    last = (node.map[1]) if node.map else first
    pieces: list[list[str]] = [[]]
    _inline_pieces(node, pieces)
    result = []
    for offset, parts in enumerate(pieces):
        result.append(Line(min(first + offset, max(first, last)), squeeze("".join(parts))))
    return result


def inline_text(node: SyntaxTreeNode) -> str:
    return " ".join(line.text for line in inline_lines(node) if line.text).strip()


def _first_inline(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    return next((c for c in node.children if c.type == "inline"), None)


def block_lines(node: SyntaxTreeNode) -> list[Line]:
    """Lines of a paragraph, heading, code block or table (a row is one line)."""
    kind = node.type
    if kind in ("paragraph", "heading"):
        inline = _first_inline(node)
        return [ln for ln in inline_lines(inline) if ln.text] if inline else []
    if kind in ("fence", "code_block"):
        first = node.map[0] + (2 if kind == "fence" else 1) if node.map else 1
        return [Line(first + i, squeeze(text)) for i, text in enumerate(node.content.split("\n")) if text.strip()]
    if kind == "table":
        return [Line(no, " | ".join(c for c in cells if c)) for no, cells in table_rows(node)]
    if kind in ("bullet_list", "ordered_list"):
        return [ln for item in node.children for ln in list_item_lines(item)]
    if kind == "blockquote":
        return [ln for child in node.children for ln in block_lines(child)]
    return []


def list_item_lines(item: SyntaxTreeNode) -> list[Line]:
    """All lines of a list item, nested lists included, in document order."""
    return [ln for child in item.children for ln in block_lines(child)]


def own_lines(item: SyntaxTreeNode) -> tuple[list[Line], list[SyntaxTreeNode]]:
    """A list item's own lines (not those of nested lists) and its nested lists."""
    lines: list[Line] = []
    nested: list[SyntaxTreeNode] = []
    for child in item.children:
        if child.type in ("bullet_list", "ordered_list"):
            nested.append(child)
        else:
            lines.extend(block_lines(child))
    return lines, nested


def item_line(item: SyntaxTreeNode) -> int:
    return item.map[0] + 1 if item.map else 1


def table_rows(table: SyntaxTreeNode) -> list[tuple[int, list[str]]]:
    """``(line, cells)`` for every row of a table, the header row first."""
    rows = []
    for part in table.children:
        for tr in part.children:
            if tr.type != "tr":
                continue
            cells = []
            for cell in tr.children:
                inline = _first_inline(cell)
                cells.append(inline_text(inline) if inline else "")
            rows.append(((tr.map[0] + 1) if tr.map else 1, cells))
    return rows


def squeeze(text: str) -> str:
    """Clean as typed text, collapse runs of whitespace to one space, strip the ends."""
    return _SPACES.sub(" ", clean_line(text)).strip()


def heading_level(node: SyntaxTreeNode) -> int:
    tag = node.tag
    return int(tag[1]) if len(tag) == 2 and tag[1].isdigit() else 1


def strip_enum(text: str) -> str:
    return ENUM_RE.sub("", text, count=1).strip()


def trim(text: str) -> str:
    """Remove surrounding whitespace and dangling punctuation."""
    text = text.strip(_TRIM)
    for _ in range(3):
        if not (len(text) >= 2 and text[0] in "([（【" and text[-1] in ")]）】" and _balanced(text[1:-1])):
            break
        inner = text[1:-1].strip(_TRIM)
        if not inner:
            break
        text = inner
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch in "([（【"
        depth -= ch in ")]）】"
        if depth < 0:
            return False
    return depth == 0


def norm_key(text: str) -> str:
    """Lower-case a key or heading and collapse spaces, hyphens and underscores."""
    text = re.sub(r"[\s\-_]+", " ", text.strip().lower())
    return text.strip(" .:：*")


def split_key(text: str) -> tuple[str, str] | None:
    m = KEY_RE.match(text)
    if not m:
        return None
    return norm_key(m.group(1)), m.group(2).strip()


def cjk_count(text: str) -> int:
    return len(_CJK_RE.findall(text))


def latin_count(text: str) -> int:
    return len(_LATIN_RE.findall(text))


def has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))
