"""Section 6 of the minutes, the action items: a follow-up meeting's progress on the
previous actions first, then every action with its state and SMART check."""

from __future__ import annotations

from datetime import date

from coopconsole.domain.board import overdue_days, status_at
from coopconsole.domain.model import ActionItem, ActionStatus
from coopconsole.minutes.context import Context
from coopconsole.minutes.markdown import inline
from coopconsole.texts.formats import local, short_date


def progress(ctx: Context) -> str:
    """The actions carried from earlier meetings: their state when this meeting began and
    now, and the remarks made on them since they were carried in ("" if none was)."""
    carried = [a for a in ctx.session.actions if a.origin]
    if not carried:
        return ""
    began = ctx.state.started_at or ctx.now
    today = local(ctx.now, ctx.now.tzinfo).date()
    here = ("", ctx.session.name)
    rows, done, moved, same, overdue = [], 0, 0, 0, 0
    for a in carried:
        before = status_at(a, began) if ctx.state.started_at is not None else a.status
        if a.status is ActionStatus.DONE:
            done += before is not ActionStatus.DONE
        elif a.status is not before:
            moved += 1
        if a.status is before:
            same += 1
        overdue += overdue_days(a, today) > 0
        remarks = ctx.w("list.sep").join(inline(c.remark) for c in a.history if c.remark and c.meeting in here)
        rows.append(
            [
                str(a.id),
                inline(a.origin),
                inline(a.owner) or ctx.w("owner.none"),
                inline(a.deliverable),
                _deadline(ctx, a, today),
                ctx.w(f"status.{before.value}"),
                ctx.w(f"status.{a.status.value}"),
                remarks,
            ]
        )
    keys = ("col.number", "col.from", "col.owner", "col.deliverable", "col.deadline")
    header = [ctx.w(k) for k in (*keys, "col.before", "col.after", "col.remarks")]
    summary = ctx.w("progress.summary", total=len(carried), done=done, moved=moved, same=same, overdue=overdue)
    heading = ctx.heading(3, ctx.w("h.progress"), ctx.w("h.progress"))
    return f"{heading}\n\n{ctx.table(header, rows)}\n\n{summary}"


def _deadline(ctx: Context, a: ActionItem, today: date) -> str:
    deadline = short_date(a.deadline, ctx.lang) if a.deadline else ctx.w("deadline.none")
    if overdue_days(a, today):
        deadline = ctx.w("deadline.overdue", date=deadline)
    return deadline


def _deliverable(ctx: Context, a: ActionItem) -> str:
    if not a.origin:
        return inline(a.deliverable)
    return ctx.w("carried", text=inline(a.deliverable), origin=inline(a.origin))


def actions(ctx: Context) -> str:
    records = ctx.session.actions
    if not records:
        return ctx.w("actions.none")
    today = local(ctx.now, ctx.now.tzinfo).date()
    carried = progress(ctx)
    rows = []
    for a in records:
        deadline = _deadline(ctx, a, today)
        problems = ctx.w("list.sep").join(ctx.w(f"check.{code}") for code in a.smart.problems)
        check = f"⚠ {problems}" if problems else ctx.w("check.ok")
        rows.append(
            [
                str(a.id),
                inline(a.owner) or ctx.w("owner.none"),
                inline(a.organisation),
                _deliverable(ctx, a),
                deadline,
                ctx.w(f"status.{a.status.value}"),
                check,
            ]
        )
    keys = ("col.number", "col.owner", "col.organisation", "col.deliverable", "col.deadline", "col.status", "col.check")
    out = [ctx.table([ctx.w(k) for k in keys], rows)]
    if carried:  # a follow-up meeting: the progress first, then every action
        out[:0] = [carried, ctx.heading(3, ctx.w("h.all_actions"), ctx.w("h.all_actions"))]
    flagged = sum(1 for a in records if not a.smart.ok)
    if flagged:
        out.append(ctx.w("actions.flagged", count=flagged, total=len(records)))
    merged = [(n, a.id) for a in records for n in a.merged]
    if merged:  # duplicates taken back: said once, so a reader who noted "#5" finds it
        each = ctx.w("list.sep").join(ctx.w("merged_one", duplicate=n, kept=kept) for n, kept in merged)
        out.append(ctx.w("merged", merged=each))
    return "\n\n".join(out)
