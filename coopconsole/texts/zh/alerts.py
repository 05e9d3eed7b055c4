"""The Chinese words of the time-box alert: the palette command that switches the bell
(提示音) at the end of a time box on or off, and what the console says when it is switched
(part of :data:`coopconsole.texts.zh.TEXTS`)."""

from __future__ import annotations

ALERTS: dict[str, str] = {
    # the palette shows the one that changes something
    "alerts.cmd.bell_on": "提示音:议题时间到时响铃(当前关闭)",
    "alerts.cmd.bell_off": "提示音:议题时间到时不响铃(当前开启)",
    # said once the choice is remembered
    "alerts.bell_on": "提示音已开启:议题时间用完时终端响铃一次。刚才已响过一次:若没有听到,说明终端的响铃被静音了。",
    "alerts.bell_off": "提示音已关闭:议题时间用完时只闪烁倒计时。",
}
