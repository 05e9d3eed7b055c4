"""Participants and their roles (the goals are read by :mod:`coopconsole.agenda.goals`).

Participants are read from a table (columns Name/姓名, Organisation/Organization/Company/
单位/公司/机构, Title/Position/职务/职位, Role/角色, Decision maker/是否决策者) or from list
items or plain lines:

* ``Alice Chen, Company A, CTO, decision maker`` - parts separated by ``,`` ``，`` ``、``
  ``;`` ``；`` are, in order, the name, the organisation and the title; more parts are
  added to the title, and the role may be any part.
* ``王磊（智算科技，CEO，决策者）`` / ``Alice Chen (Company A, CTO)`` - the name, then the
  same parts in brackets.
* ``王磊 - 智算科技 CEO`` / ``Alice Chen: Company A, CTO`` - the name before the dash or
  colon; after it, the parts as above. Two space-separated words with no other separator
  are read as organisation and title when the second is a job title (``CEO``, ``Director``,
  ``总监``: see :func:`is_job_title`), else as the organisation's name (``Anna Berg
  (Riverside Trust)``). After a dash, further dashes separate parts too:
  ``Bob Jones - Beta Ltd - CTO`` and ``李雷 — 乙公司 — 工程师`` are name, organisation,
  title (a hyphen inside a word, ``Coca-Cola``, is not a separator).

Role words (case-insensitive, hyphens and spaces alike): decision maker/决策者/决策层
-> DECISION_MAKER; executor/执行层/执行者 -> EXECUTOR; expert/expert advisor/advisor/
专家/专家顾问/顾问 -> EXPERT_ADVISOR; anything else -> OTHER. A part that is only a role
word is the role and not the title, so ``Eva Novak, Industry Association, Expert advisor``
has no title. A role word may also sit in the title (``CTO, decision maker`` or
``CTO (decision maker)``); it is then taken out of the title.

Tables: a Role cell that is not a role word is not dropped: it is added to the title
(``| Raj Patel | Org Y | CTO |`` under Name/Organisation/Role gives the title CTO). A
Decision maker/是否决策者 column makes the role DECISION_MAKER when its cell says yes:
``yes``, ``y``, ``true``, ``✓``, ``✔``, ``√``, ``☑``, the letter ``x`` (a tick mark), ``是``,
or a decision-maker role word; ``no``, ``n``, ``false``, ``✗``, ``×``, ``否``, a dash or an
empty cell leave the role to the other columns. Anything else is reported and does not
change the role.

Grouping: a deeper heading in the participants section, or a list item without
separators that has nested items, names the organisation of the people listed under
it; their parts are then the title (and role). Paragraph lines are read as participants
only when the section has no list or table; lines ending in a colon are captions. A line
whose name part is longer than 40 characters or six words, with nothing to split it on,
is kept whole as the name and reported. Entries nested under a person (under a person
under an organisation, too) are reported, not read: they may be remarks as well as people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from coopconsole.agenda.items import MetaSink, Report
from coopconsole.agenda.markdown_lines import (
    SEP_RE,
    Line,
    block_lines,
    norm_key,
    own_lines,
    split_parts,
    strip_enum,
    table_rows,
    trim,
)
from coopconsole.domain.model import Role

_ROLE_WORDS = {
    Role.DECISION_MAKER: {"decision maker", "decision makers", "decisionmaker", "决策者", "决策层", "决策人"},
    Role.EXECUTOR: {"executor", "executors", "执行层", "执行者", "执行人"},
    Role.EXPERT_ADVISOR: {
        "expert",
        "experts",
        "expert advisor",
        "expert adviser",
        "advisor",
        "adviser",
        "专家",
        "专家顾问",
        "顾问",
    },
}
_NAME_COLS = {
    "name",
    "full name",
    "participant",
    "attendee",
    "person",
    "姓名",
    "名字",
    "参会人",
    "人员",
    "参会者",
    "与会者",
}
_ORG_COLS = {
    "organisation",
    "organization",
    "company",
    "org",
    "affiliation",
    "单位",
    "公司",
    "机构",
    "组织",
    "所属单位",
}
_TITLE_COLS = {"title", "position", "job title", "job", "职务", "职位", "头衔", "岗位"}
_ROLE_COLS = {"role", "角色", "type", "类型"}
_DM_COLS = {
    "decision maker",
    "decision makers",
    "decisionmaker",
    "decision making",
    "decides",
    "dm",
    "is decision maker",
    "决策者",
    "是否决策者",
    "决策人",
    "是否决策人",
    "是否决策",
    "决策",
}
_YES = {"yes", "y", "true", "✓", "✔", "✔️", "✅", "√", "☑", "x", "是", "是的", "对"}
_NO = {"no", "n", "false", "✗", "✘", "×", "❌", "☐", "否", "不是", "-", "—", "–", ""}
_DASH = re.compile(r"\s+(?:-{1,2}|–|—)\s+|\s*——\s*|\s*—\s*|\s*[:：]\s*")
# Dashes between the parts after the name; a colon is only a name separator.
_PART_DASH = re.compile(r"\s+(?:-{1,2}|–|—)\s+|\s*——\s*|\s*—\s*")
_LISTS = ("bullet_list", "ordered_list")


@dataclass
class Person:
    name: str
    organisation: str = ""
    title: str = ""
    role: Role = Role.OTHER


def role_of(text: str) -> Role | None:
    key = norm_key(text.strip(" ()（）[]【】"))
    return next((role for role, words in _ROLE_WORDS.items() if key in words), None)


def split_role(text: str) -> tuple[list[str], Role | None]:
    """Split ``text`` into its parts, taking out the first part that is a role word."""
    found: Role | None = None
    rest = []
    for part in split_parts(text):
        part = part.strip()
        if not part:
            continue
        role = role_of(part)
        if role is None:
            m = re.fullmatch(r"(.*?)\s*[(（]([^()（）]*)[)）]", part)
            if m and role_of(m.group(2)) is not None:
                role, part = role_of(m.group(2)), m.group(1).strip()
        if role is not None and found is None:
            found = role
            if part and role_of(part) is None:
                rest.append(part)
            continue
        rest.append(part)
    return rest, found


_TITLE_WORD = re.compile(
    r"(?:(?-i:[A-Z]{2,5})|(?:vice[- ])?(?:president|director|manager|chair|chairman|chairwoman|chairperson|"
    r"treasurer|secretary|lead|head|officer|engineer|advisor|adviser|consultant|founder|partner|"
    r"professor|researcher|coordinator|analyst|architect|counsel|owner)|"
    r".*(?:总监|经理|主任|总裁|主席|董事长|董事|总经理|书记|部长|处长|科长|局长|院长|所长|校长|"
    r"秘书长|教授|研究员|工程师|顾问|总|长))",
    re.IGNORECASE,
)


def is_job_title(word: str) -> bool:
    """``word`` names a job (CEO, Director, 总监, 部长), not part of an organisation's name."""
    return bool(_TITLE_WORD.fullmatch(word.strip(".,")))


def parse_person(line: Line, report: Report, org: str = "") -> Person | None:
    text = strip_enum(line.text).strip()
    if not text or text.endswith((":", "：")):
        return None
    split_words = False
    if re.match(r"[,，、;；]", text):
        report(line.no, "no_name", line=line.text)
        return None
    m = re.fullmatch(r"([^()（）,，、;；:：]+?)\s*[(（](.*)[)）]\s*(.*)", text)
    if m:
        name, details, split_words = m.group(1), m.group(2) + " " + m.group(3), True
    else:
        parts = split_parts(text) or [text]
        dash = _DASH.search(parts[0])
        if dash and dash.start() > 0:
            name, details, split_words = parts[0][: dash.start()], text[text.find(parts[0]) + dash.end() :], True
            details = _PART_DASH.sub(", ", details)
        else:
            name, details = parts[0], ", ".join(parts[1:])
    name, details = trim(name), details.strip()
    if not name:
        report(line.no, "no_name", line=line.text)
        return None
    if not details and (len(name) > 40 or len(name.split()) >= 6):
        report(line.no, "name_whole", line=line.text)
        return Person(name)
    rest, role = split_role(details)
    # Two words are an organisation and a title only when the second is a title
    # (``智算科技 CEO``); else they are the organisation's name (``Riverside Trust``).
    if split_words and len(rest) == 1 and len(rest[0].split()) == 2 and not org and is_job_title(rest[0].split()[1]):
        rest = rest[0].split()
    rest = [trim(r) for r in rest if trim(r)]
    if org:
        return Person(name, org, ", ".join(rest), role or Role.OTHER)
    return Person(name, rest[0] if rest else "", ", ".join(rest[1:]), role or Role.OTHER)


def _table_people(table: SyntaxTreeNode, report: Report, org: str) -> list[Person]:
    rows = table_rows(table)
    if not rows:
        return []
    header = [norm_key(h).rstrip("?？ ") for h in rows[0][1]]
    kinds = []
    for h in header:
        kind = next(
            (
                k
                for k, names in (
                    ("name", _NAME_COLS),
                    ("org", _ORG_COLS),
                    ("title", _TITLE_COLS),
                    ("role", _ROLE_COLS),
                    ("dm", _DM_COLS),
                )
                if h in names
            ),
            "",
        )
        kinds.append(kind)
    if not any(kinds):
        out = [parse_person(Line(no, ", ".join(c for c in cells if c.strip())), report, org) for no, cells in rows]
        return [p for p in out if p is not None]
    if "name" not in kinds:
        kinds[kinds.index("") if "" in kinds else 0] = "name"
    dm_header = rows[0][1][kinds.index("dm")].strip() if "dm" in kinds else ""
    people = []
    for no, cells in rows[1:]:
        row = dict.fromkeys(("name", "org", "title", "role", "dm"), "")
        for kind, cell in zip(kinds, cells, strict=False):
            if kind and not row[kind]:
                row[kind] = cell.strip()
        if not row["name"]:
            if any(c.strip() for c in cells):
                report(no, "row_no_name")
            continue
        name = trim(row["name"])
        title_parts, title_role = split_role(row["title"])
        role_parts, role = split_role(row["role"])
        # Free text in the Role column (CTO, Engineer) says who the person is: keep it.
        title_parts += [p for p in role_parts if p not in title_parts]
        decides = _decides(row["dm"], dm_header, name, no, report)
        role = Role.DECISION_MAKER if decides else role or title_role or Role.OTHER
        people.append(Person(name, row["org"] or org, ", ".join(title_parts), role))
    return people


def _decides(cell: str, header: str, name: str, no: int, report: Report) -> bool:
    """Does a Decision maker cell say yes? Unreadable cells are reported and count as no."""
    key = norm_key(cell)
    if key in _YES or role_of(cell) is Role.DECISION_MAKER:
        return True
    if key not in _NO:
        report(no, "bad_yes_no", cell=cell, header=header, name=name)
    return False


def read_participants(blocks: list[SyntaxTreeNode], report: Report, on_meta: MetaSink) -> list[Person]:
    structured = any(b.type in _LISTS + ("table",) for b in blocks)
    people: list[Person | None] = []
    org = ""
    for node in blocks:
        if node.type == "heading":
            org = trim(" ".join(ln.text for ln in block_lines(node)))
        elif node.type == "table":
            people.extend(_table_people(node, report, org))
        elif node.type in _LISTS:
            for li in node.children:
                lines, nested = own_lines(li)
                if not lines or on_meta(lines[0]):
                    continue
                head = lines[0]
                if nested and not SEP_RE.search(head.text) and not re.search(r"[(（]", head.text):
                    group = trim(strip_enum(head.text))
                    for lst in nested:
                        for sub in lst.children:
                            sub_lines, deeper = own_lines(sub)
                            if sub_lines:
                                people.append(parse_person(sub_lines[0], report, group))
                                report_nested(deeper, sub_lines[0].text, "participant", report)
                else:
                    people.append(parse_person(head, report, org))
                    report_nested(nested, head.text, "participant", report)
        elif node.type == "paragraph" and not structured:
            for line in block_lines(node):
                if not on_meta(line):
                    people.append(parse_person(line, report, org))
    return [p for p in people if p is not None]


def report_nested(lists: list[SyntaxTreeNode], under: str, what: str, report: Report) -> None:
    """Entries nested under one that holds none: reported by line, never dropped unsaid.
    ``what``: ``participant`` or ``goal``, what they were not read as."""
    for lst in lists:
        for li in lst.children:
            lines, deeper = own_lines(li)
            if lines:
                report(lines[0].no, f"nested_{what}", entry=lines[0].text, under=under)
            report_nested(deeper, lines[0].text if lines else under, what, report)
