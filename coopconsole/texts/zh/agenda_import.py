"""中文：导入议程时无法照原样读懂的行（``coopconsole new AGENDA``、``--dry-run``）；
``{…}`` 中引号内的是议程原文。"""

from __future__ import annotations

AGENDA_IMPORT: dict[str, str] = {
    "import.bad_time_in_line": "“{line}”中的时间“{time}”无法识别;该议题保留,但没有开始时间。",
    "import.bad_time": "时间“{time}”无法识别;该议题保留,但没有开始时间。",
    "import.bad_box_line": "时长“{box}”无法识别;这一行没有给该议题计划时长。",
    "import.bad_box_row": "时长“{box}”无法识别;这一行表格没有给该议题计划时长。",
    "import.empty_entry": "议程条目是空的,没有可保留的内容,已跳过。",
    "import.struck_out": "议程条目“{entry}”整条被划掉,已跳过。",
    "import.empty_row": "议程表格中有一行是空的,已跳过。",
    "import.empty_heading": "议程标题是空的,已跳过。",
    "import.meeting_length": "“{line}”写的是会议总时长,不是议题。",
    "import.note": "议程部分中的“{line}”被当作备注,没有作为议题导入。",
    "import.outside": "“{entry}”看起来是议题,但不在议程部分内,未导入。",
    "import.bad_date": "日期“{value}”无法识别;会议日期没有从这一行取得。",
    "import.bad_when": "“{value}”中找不到可识别的日期或时间,已忽略。",
    "import.range_backwards": "“{title}”的时间段结束早于开始,结束时间已忽略。",
    "import.no_title": "议程行“{line}”没有标题,暂记为“{title}”。",
    "import.implausible_box": "“{title}”的时长 {minutes} 分钟不合情理,已去掉。",
    "import.no_box": "“{title}”没有时长(没写时长、时间段,也没有下一项的开始时间),保留为不定时长。",
    "import.no_box_last": "“{title}”没有时长(它是最后一项,会议也没写结束时间可推算),保留为不定时长。",
    "import.overlap": "“{title}”于 {start} 开始,而上一项“{before}”到 {end} 才结束(重叠 {minutes} 分钟)。",
    "import.overrun": "议程排到 {end},比会议结束时间 {slot_end} 晚 {minutes} 分钟;请在会前压缩或删减议题。",
    "import.unread_one": "第 {first} 行所在的列表或引用嵌套太深,无法读取,未导入。请减少嵌套层数。",
    "import.unread_many": "第 {first}-{last} 行所在的列表或引用嵌套太深,无法读取,未导入。请减少嵌套层数。",
    "import.no_name": "参会人行“{line}”中找不到姓名,已跳过。",
    "import.name_whole": "参会人行“{line}”无法拆分为姓名、单位和职务,整行作为姓名保留。",
    "import.row_no_name": "参会人表格中有一行没有姓名,已跳过。",
    "import.bad_yes_no": "{name} 在“{header}”列中的“{cell}”无法识别(应为是或否),未据此设定角色。",
    "import.nested_participant": "“{entry}”嵌套在“{under}”之下,没有作为参会人读取。",
    "import.nested_goal": "“{entry}”嵌套在“{under}”之下,没有作为目标读取。",
    "import.empty_goal": "目标条目没有内容,已跳过。",
    "import.not_text": "议程应为文本(Markdown 文档)。",
    "import.failed": "无法读取这份议程({error})。",
    "import.no_agenda": "没有找到任何议题。议程应为 Markdown 格式:一个“## 议程”或“## Agenda”之类的标题,"
    "下面是编号或圆点列表、表格,或每个议题一个标题,例如“1. 09:00 开场(15分钟)— 王磊”。",
}
