"""议程核对屏幕的中文用语:导入的议程在会议开始前先核对(属于
:data:`coopconsole.texts.zh.TEXTS`)。"""

from __future__ import annotations

PLAN_REVIEW: dict[str, str] = {
    # 屏幕
    "plan_review.title": "核对议程",
    "plan_review.summary": "{title} · {span} · 议程共 {count} 项",
    "plan_review.span": "计划 {start}–{end}",
    "plan_review.span_open": "计划 {start} 开始,结束时间未知(末项没有时长)",
    "plan_review.no_times": "没有计划时间",
    "plan_review.hint": "对照原文核对议程,改正读错的地方;每处修改立即保存。按 a 确认议程并进入会议。",
    "plan_review.plan": "读出的议程",
    "plan_review.source": "议程原文",
    "plan_review.col.no": "序号",
    "plan_review.col.start": "开始",
    "plan_review.col.box": "时长",
    "plan_review.col.title": "议题",
    "plan_review.col.owner": "负责人",
    "plan_review.box_cell": "{minutes}分钟",
    "plan_review.no_box": "—",
    "plan_review.dropped": "已删去",
    "plan_review.unused": "✗ 导入时未采用的行({unused})· ! 读出时有问题的议题({troubled})",
    "plan_review.unused_none": "导入时没有发现问题:每一行都已读取。",
    "plan_review.line_text": "第 {line} 行:{text}",
    "plan_review.said": "导入时:{message}",
    "plan_review.no_line": "第 {no} 项不是从议程原文读出的(为补充进来的议题)。",
    # 按键
    "key.review_drop": "删去/恢复",
    "key.review_drop.tip": "把选中的议题从议程中删去,或恢复回来",
    "key.review_title": "标题",
    "key.review_title.tip": "修改选中议题的标题",
    "key.review_box": "时长",
    "key.review_box.tip": "修改选中议题的时长(分钟)",
    "key.review_owner": "负责人",
    "key.review_owner.tip": "修改选中议题的负责人(留空表示无人负责)",
    "key.review_accept": "确认议程",
    "key.review_accept.tip": "按现在的样子确认议程,进入会议",
    "key.review_quit": "退出",
    "key.review_quit.tip": "退出;已做的修改都已保存,下次打开时继续核对",
    "palette.review_drop": "议程核对:删去或恢复选中的议题",
    "palette.review_title": "议程核对:修改选中议题的标题",
    "palette.review_box": "议程核对:修改选中议题的时长",
    "palette.review_owner": "议程核对:修改选中议题的负责人",
    "palette.review_accept": "议程核对:确认议程并进入会议",
    # 对话框
    "plan_review.ask_title": "第 {no} 项的新标题",
    "plan_review.ask_title.hint": "回车保存;Esc 保留原标题。",
    "plan_review.ask_box": "第 {no} 项的时长(分钟)",
    "plan_review.ask_box.hint": "1 到 {most} 之间的整数。回车保存;Esc 保留原时长。",
    "plan_review.ask_owner": "第 {no} 项的负责人",
    "plan_review.ask_owner.hint": "一个或几个名字(刘洋、王磊),留空表示无人负责;新出现的人会加入参会人。"
    "回车保存;Esc 保留原负责人。",
    "plan_review.bad_box": "“{value}”不是整数分钟:时长未改动。",
    # 提示
    "plan_review.done.dropped": "已删去:{title}",
    "plan_review.done.restored": "已恢复:{title}",
    "plan_review.done.saved": "已保存:{title}",
    # 拒绝
    "error.plan-accepted": "议程已经确认过了。",
    "error.plan-started": "会议已经开始:请在会议屏幕上修改议程。",
    "error.plan-keep-one": "议程至少要留一项:先恢复另一项,再删去这一项。",
}
