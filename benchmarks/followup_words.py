"""Who meets, about what, and what they say, in the folder ``followup_folder.py`` builds:
organisations, names, titles, projects, agenda, deliverables, remarks and notes."""

from __future__ import annotations

ORGANISATIONS = (
    "杭州智元机器人有限公司",
    "上海临港智算中心",
    "苏州工业园区管委会",
    "深圳蓝芯能源科技",
    "Orbital Data GmbH",
    "Nordwind Logistics AB",
    "Contoso Manufacturing Ltd",
    "Fabrikam Mobility",
    "北京星河数据安全研究院",
    "Tecnoval S.p.A.",
    "Kestrel Semiconductors",
    "成都天府新能源汽车研究院",
    "Aalto Grid Oy",
    "广州南沙港务集团",
    "Helix Biologics",
    "Municipal Water Authority of Rotterdam",
)
CHINESE_NAMES = (
    "王芳 Wang Fang", "李强", "张伟 Zhang Wei", "刘洋", "陈静 Chen Jing", "杨帆", "赵敏", "黄磊",
    "周婷", "吴昊 Wu Hao", "徐丽", "孙浩", "马骏", "朱琳", "胡斌", "郭晓东", "何雪 He Xue", "高峰",
    "林海燕", "罗志远", "梁晨", "宋佳", "郑凯", "谢婉清", "韩冰", "唐宇 Tang Yu", "冯雅", "许诺",
    "邓超群", "曹颖", "彭博 Peng Bo", "曾楠", "萧然", "田甜", "董立新", "袁鹏", "潘越", "蒋欣",
)  # fmt: skip
OTHER_NAMES = (
    "Anna Schmidt", "Lars Eriksson", "Priya Nair", "Marco Rossi", "Sophie Martin", "Jonas Becker",
    "Elena García", "Tomasz Nowak", "Aisha Bello", "David Cohen", "Mia Virtanen", "Hiroshi Tanaka",
    "Laura Bianchi", "Olivier Dubois", "Sara Lindqvist", "Ravi Kumar", "Emma de Vries", "Lucas Meyer",
    "Nadia Haddad", "Chris Okafor", "Julia Novak", "Pedro Alves", "Ingrid Hansen", "Sam Taylor",
    "Kateryna Bondar", "Ahmed Yilmaz", "Noor Rahman", "Felix Wagner", "Claire O'Brien", "Daniel Kim",
    "Dana Whitfield", "Victor Lindgren",
)  # fmt: skip
TITLES = ("CTO", "生产总监", "Project Manager", "项目经理", "Legal Counsel", "采购主管", "Head of Data", "Engineer")

PROJECTS = (  # (title, session-name stem, language)
    ("Smart Park pilot weekly sync", "smart-park-sync", "en"),
    ("智慧园区试点周例会", "zhpark-weekly", "zh"),
    ("Edge AI joint lab steering", "edge-ai-lab", "en"),
    ("新能源车联网合作推进会", "nev-iov-coop", "zh"),
    ("Port logistics data exchange", "port-data-exchange", "en"),
    ("算力中心共建项目例会", "compute-center", "zh"),
    ("Battery recycling consortium", "battery-recycling", "en"),
    ("数据安全合规工作组", "data-security-wg", "zh"),
    ("Water network digital twin", "water-twin", "en"),
    ("智能制造示范线对接会", "smart-mfg-line", "zh"),
    ("Cross-border e-invoicing pilot", "e-invoicing", "en"),
    ("氢能重卡示范运营协调会", "hydrogen-trucks", "zh"),
    ("Grid flexibility market trial", "grid-flex", "en"),
    ("生物医药联合实验室周会", "biomed-lab", "zh"),
    ("Semiconductor supply resilience", "chip-supply", "en"),
    ("港口自动化改造推进会", "port-automation", "zh"),
    ("Cold chain traceability", "cold-chain", "en"),
    ("城市更新专项工作会", "urban-renewal", "zh"),
    ("Open standards working group", "open-standards", "en"),
    ("跨境数据流动试点例会", "data-flow-pilot", "zh"),
)
AGENDA = (
    ("Pilot line status and blockers", ("throughput", "yield", "试产线问题清单")),
    ("数据安全与合规评估", ("等保三级", "cross-border transfer", "data classification")),
    ("Integration test plan 集成测试计划", ("test environments", "接口联调", "acceptance criteria")),
    ("Budget and procurement", ("Q1 budget", "采购流程", "vendor shortlist")),
    ("Legal: MOU and IP clauses", ("draft MOU §4", "知识产权归属")),
    ("Site visit planning 现场考察安排", ("dates", "visitors", "safety briefing")),
    ("Risks and open issues", ("risk register", "owners")),
    ("Communication plan and press release", ("联合新闻稿", "approval chain")),
    ("Data platform architecture", ("edge devices", "边缘设备部署", "retention")),
    ("Milestones and next steps 里程碑", ("M2 review", "资源协调")),
    ("AOB 其他事项", ()),
)
DELIVERABLES = (
    "Send the revised MOU section {n} to all parties",
    "提交第{n}版数据安全评估报告",
    "Book the test environment for integration round {n}",
    "整理试产线问题清单并发送至群组 (第{n}批)",
    "Draft the joint press release, version {n}",
    "Confirm the site visit list for week {n}",
    "完成供应商比选报告 {n}",
    "Share the edge device deployment plan, part {n}",
    "Update the risk register with item {n}",
    "协调法务审阅知识产权条款 ({n})",
    "Prepare the budget breakdown for work package {n}",
    "Collect the acceptance criteria for interface {n}",
)
REMARKS = (
    "draft sent to legal",
    "等待对方确认",
    "blocked on the test environment",
    "已提交审批",
    "reviewed in the meeting: on track",
    "owner on leave until Monday",
    "需要补充材料",
    "",
    "",
    "",
)
NOTES = (
    "Discussion point {n}: data security, 边缘设备部署",
    "Agreed to keep the pilot scope to line {n}",
    "对方希望在第{n}周前完成联调",
    "Cost estimate {n} to be checked against the budget",
)
