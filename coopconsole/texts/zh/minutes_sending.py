"""纪要发出的中文说法:只在会议结束后、且明确发出时才算发出;草稿标明为草稿;发出后又有
新记录的纪要已过时(:data:`coopconsole.texts.zh.TEXTS` 的一部分)。"""

from __future__ import annotations

MINUTES_SENDING: dict[str, str] = {
    # 纪要正文:不是发给参会人的那一份时
    "minutes.draft.mark": "【草稿】",
    "minutes.draft.label": "草稿",
    "minutes.draft.running": "会议尚未结束,这不是发给参会人的正式纪要。",
    "minutes.draft.unsent": "本纪要尚未发给参会人。",
    "minutes.draft.changed": "本纪要与 {sent} 发给参会人的版本不同。",
    "minutes.draft.reply": "本纪要正式发出后,如有错漏,请在24小时内回复。",
    # 控制台
    "sending.draft_written": "纪要草稿已写入 {path}。会议尚未结束,未记为已发送:会议结束后请再次生成。",
    "sending.header_out_of_date": "{time} 发出的纪要已过时 · 已确认 {confirmed}/{asked}",
    "sending.preview_draft": "草稿:会议尚未结束",
    # 命令行
    "sending.list_out_of_date": "(已过时)",
    "sending.sent": "{name} 的纪要已记为于 {time} 发出;24小时确认期从现在开始。",
    "sending.not_sent": "未记为已发送:纪要发给参会人时请加 --send。",
    "sending.still_out_of_date": "{sent} 发出的纪要已过时:请加 --send 发出这一版。",
    "sending.next_meeting_not_kept": "下次会议只显示在这份纪要中;纪要发出(--send)时才保存到会议记录。",
    "error.minutes-not-ended": "会议尚未结束,纪要还不能发出:请先结束会议,或用 --draft 输出草稿。",
    # 健康检查
    "health.minutes-out-of-date.what": "{sent} 发出的纪要已过时:发出后又有新的记录。",
    "health.minutes-out-of-date.fix": "请重新发出纪要:在控制台按 m 再按 w。",
    "cli.health.minutes-out-of-date.fix": "请重新发出纪要:coopconsole minutes {name} --send",
}
