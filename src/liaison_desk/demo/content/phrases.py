"""Demo content: who handles which suggestion, how items end, and the phrases records are
written with (openings, sources, responses, captions), plus the calendar of 2024."""

from __future__ import annotations

from datetime import date

from liaison_desk.demo.figures import DEMO_YEAR
from liaison_desk.domain.enums import (
    TopicSource,
)

# Which of its topic's bodies (index into Topic.bodies) handles each suggestion, in order.
OWNERS: dict[str, str] = {
    "elevator": "20212",
    "garbage": "1110",
    "parking": "2310",
    "market": "0010",
    "youth": "10022",
    "meals": "10231",
    "night_market": "10030",
    "mental_health": "32020",
    "school_places": "0011",
    "village_beauty": "1110",
    "farmhouse": "0201",
    "river": "1032",
    "mountain_road": "0021",
    "tea": "1101",
    "bamboo": "0110",
    "ebike": "3102",
    "elderly_care": "0112",
    "school_traffic": "0201",
    "property": "0111",
    "homestay": "0121",
    "water_supply": "0111",
    "toilets": "1210",
    "sewage": "0122",
    "new_residents": "1020",
    "workshop_fire": "0102",
    "small_firms": "0121",
    "collective": "1112",
    "ecommerce": "1012",
    "childcare": "1200",
    "clinic": "1010",
    "fitness": "0112",
    "bus": "0000",
    "old_estate": "2021",
    "waterlogging": "0222",
    "historic": "1020",
    "vendors": "0002",
    "transfer_station": "0010",
    "lonely_elderly": "0221",
    "riders": "0102",
    "corridors": "1021",
    "farmland": "1002",
    "lougang": "0112",
    "livestock": "2001",
    "disabled_jobs": "0102",
    "anti_fraud": "1201",
    "ev_charging": "0221",
    "lighting": "0012",
    "flood": "0012",
}

# What kind of measure each suggestion is (one letter per suggestion, in order): it decides why
# an item can stay unsolved or be turned down, and how soon it can be done.
#   B big works (construction, land, approvals)     F facilities and equipment
#   V volunteers and helpers                         O services with staff and running costs
#   A agreement among residents                      C coordination among units
#   R regulation and enforcement                     P subsidies and policy decided higher up
#   U matters of higher authorities (no money)       E publicity, training and events
#   D development (business, investment, markets)    G rallying firms and producers
ASK_KINDS: dict[str, str] = {
    "elevator": "AEACA",
    "garbage": "AVRB",
    "parking": "CBRA",
    "market": "RVFF",
    "youth": "EBCVE",
    "meals": "FPVOG",
    "night_market": "FROAB",
    "mental_health": "OECOO",
    "school_places": "ECOV",
    "village_beauty": "BAVF",
    "farmhouse": "EVEP",
    "river": "OBEB",
    "mountain_road": "FBFV",
    "tea": "GCPD",
    "bamboo": "BDDU",
    "ebike": "FREC",
    "elderly_care": "OFEV",
    "school_traffic": "FFVC",
    "property": "AAAA",
    "homestay": "GBED",
    "water_supply": "BFCC",
    "toilets": "FOFC",
    "sewage": "CRCC",
    "new_residents": "AOER",
    "workshop_fire": "RFEB",
    "small_firms": "BPEB",
    "collective": "DDDA",
    "ecommerce": "EOVG",
    "childcare": "OOPE",
    "clinic": "OUOF",
    "fitness": "BFCA",
    "bus": "COFO",
    "old_estate": "ABAF",
    "waterlogging": "BFFC",
    "historic": "CDBE",
    "vendors": "ARRR",
    "transfer_station": "FCOB",
    "lonely_elderly": "FVVE",
    "riders": "FAEC",
    "corridors": "RFAO",
    "farmland": "ABPO",
    "lougang": "BFDE",
    "livestock": "RDRR",
    "disabled_jobs": "OPEG",
    "anti_fraud": "VEEE",
    "ev_charging": "CFCC",
    "lighting": "FFCF",
    "flood": "BBCE",
}

# Small, immediate measures that a session settles there and then (现场解决): the only items
# that can be solved on the spot. Each with the index of the topic's body that does it.
QUICK: dict[str, tuple[tuple[str, int], ...]] = {
    "elevator": (
        ("当场答复加装电梯的财政补助标准和申请流程", 0),
        ("现场登记有加装意愿的单元和联系人", 2),
    ),
    "garbage": (("现场为投放点补贴分类指引标识", 1), ("当场明确投放点保洁员的二次分拣职责", 1)),
    "parking": (("现场协调拖移占用消防通道的“僵尸车”", 1), ("当场答复临时停车泊位的施划方案", 0)),
    "market": (("现场清理市场门口的占道杂物", 0), ("当场明确早市时段的值守人员", 0)),
    "youth": (
        ("当场答复创业补贴和贷款贴息的申请条件", 1),
        ("现场帮助返乡青年对照政策条件准备申报材料", 0),
    ),
    "meals": (("当场商定助餐菜品少盐少油的改进办法", 2), ("现场登记需要送餐上门的老人名单", 2)),
    "night_market": (
        ("现场商定个别摊位的位置和垃圾收集点调整", 0),
        ("当场约定夜市音响的音量上限", 3),
    ),
    "mental_health": (
        ("当场公布心理援助热线和咨询预约方式", 1),
        ("当场商定心理关爱驿站的开放时间", 3),
    ),
    "school_places": (("当场答复入学积分的计算办法", 0), ("现场为家长查询积分并逐项解释", 0)),
    "village_beauty": (("现场组织清理村口空地的杂草和垃圾", 1), ("当场确定口袋公园的选址", 1)),
    "farmhouse": (
        ("当场答复农房翻建需要准备的材料", 0),
        ("现场为有翻建意愿的农户登记并约定踏勘时间", 1),
    ),
    "river": (("现场组织打捞河面漂浮物", 3), ("当场落实河埠头的保洁责任人", 3)),
    "mountain_road": (("现场在急弯处临时摆放警示牌", 1), ("当场清理遮挡视线的路边杂树", 2)),
    "tea": (("当场对接邻近村的采茶工资源", 1), ("现场答复农机购置补贴的申请办法", 0)),
    "bamboo": (("当场答复林道建设的申报条件", 0), ("现场协调竹农与收购商对接", 1)),
    "ebike": (("现场清理楼道内违规停放的电瓶车", 1), ("当场拆除从窗户拉下来的充电飞线", 1)),
    "elderly_care": (("当场为独居老人登记紧急联系人", 2), ("现场调整照料中心的活动时间安排", 2)),
    "school_traffic": (("当场安排放学时段的交警值守", 0), ("现场临时摆放即停即走提示牌", 0)),
    "property": (("现场协调维修损坏的楼道灯", 1), ("当场公开上一年度公共收益的收支情况", 1)),
    "homestay": (("现场协调周末临时停车场地", 1), ("当场答复民宿证照办理流程", 0)),
    "water_supply": (("当场答复停水的原因和恢复时间", 1), ("现场建立村民与供水所的报修微信群", 1)),
    "toilets": (("现场督促保洁员对公厕进行清扫消毒", 2), ("当场公布公厕保洁员的联系电话", 2)),
    "sewage": (("现场疏通返臭的窨井", 2), ("当场答复雨污分流改造的施工时间安排", 2)),
    "new_residents": (("现场为新居民办理社区活动报名", 1), ("当场公布新居民服务站的联系方式", 1)),
    "workshop_fire": (("现场清理楼梯口堆放的布料", 2), ("当场拆除私拉乱接的电线", 0)),
    "small_firms": (("当场答复企业搬迁过渡期的扶持政策", 1), ("现场登记有再就业需求的工人信息", 2)),
    "collective": (("当场公布闲置仓库的招租信息", 2), ("现场答复集体资产招租的程序", 1)),
    "ecommerce": (("现场示范直播带货的基本操作", 0), ("当场对接快递网点上门揽收", 1)),
    "childcare": (("当场答复普惠托位的申请条件", 0), ("现场登记有托育需求的家庭", 2)),
    "clinic": (("当场答复慢性病长处方的办理办法", 1), ("现场为老人测量血压并办理家庭医生签约", 1)),
    "fitness": (("现场检修松动的健身器材", 2), ("当场约定广场舞的时段和音量", 2)),
    "bus": (("当场答复调整末班车时间的研究安排", 0), ("当场答复学生周末返校的乘车安排", 0)),
    "old_estate": (("当场公示改造方案的主要内容", 1), ("现场确定施工期间的居民监督员", 2)),
    "waterlogging": (("现场疏通积水路段的雨水口", 2), ("当场在积水点临时摆放警示牌", 2)),
    "historic": (("当场答复老建筑修缮的审批流程", 1), ("现场清理老街消防通道上的杂物", 2)),
    "vendors": (("现场划定临时疏导点的摊位位置", 0), ("当场为摆摊老人登记并发放摊位牌", 0)),
    "transfer_station": (("当场调整清运车辆的作业时间", 1), ("现场对中转站进行冲洗消杀", 1)),
    "lonely_elderly": (("现场安排网格员与独居老人结对", 2), ("当场公布一键呼叫的求助电话", 1)),
    "riders": (("现场协调商户为骑手提供饮水和充电", 2), ("当场划出骑手临时停车区域", 1)),
    "corridors": (("现场组织清理楼道堆放的杂物", 2), ("当场在消防通道临时摆放警示牌", 1)),
    "farmland": (("当场登记愿意流转土地的农户", 2), ("现场答复种粮补贴的申领办法", 1)),
    "lougang": (("现场清理溇港闸口的漂浮杂物", 0), ("当场确定口述史整理的联络人", 2)),
    "livestock": (("现场督促养殖户清理外溢粪水", 2), ("当场约定养殖场的定期巡查时间", 2)),
    "disabled_jobs": (("当场登记有就业意愿的残疾人信息", 2), ("现场对接爱心企业的手工订单", 0)),
    "anti_fraud": (("现场帮助群众安装国家反诈中心App", 0), ("当场拆解近期典型诈骗案例", 0)),
    "ev_charging": (("当场答复个人安装充电桩的报装流程", 0), ("现场核定可建设共享充电桩的车位", 2)),
    "lighting": (("现场在急弯处临时摆放警示桩", 1), ("当场答复增设路灯的计划安排", 0)),
    "flood": (("现场明确汛期值守人员和联系方式", 2), ("当场清理排涝闸口的阻水杂物", 1)),
}

# Why an item stays unsolved (未解决) or is turned down (不予采纳), by the kind of measure.
UNSOLVED_REASONS: dict[str, tuple[str, ...]] = {
    "B": (
        "涉及资金较大，已纳入下一年度民生实事项目计划",
        "受用地指标限制，短期内难以落实",
        "需多部门联合审批，手续尚在办理中",
        "项目尚在前期设计和论证阶段",
    ),
    "F": ("年度预算已用完，已列入下一年度计划", "需走政府采购程序，尚在办理中"),
    "V": ("志愿者力量不足，服务尚未常态化", "人手不足，难以长期坚持"),
    "O": ("专业服务人员紧缺，暂未落实", "运营经费来源尚未落实"),
    "A": ("部分居民意见不一，经多次协调仍未达成一致", "涉及群众切身利益，还需进一步征求意见"),
    "C": ("涉及多个单位，协同机制尚未理顺", "相关单位意见尚未统一，正在进一步协调"),
    "R": (
        "整治后出现反弹，需进一步建立长效机制",
        "执法力量不足，难以常态化巡查",
        "部分经营户和房东配合度不高，正在持续做工作",
    ),
    "P": (
        "属于上级事权，已通过社情民意信息向上反映",
        "需上级部门统一出台政策",
        "补助资金渠道尚未落实",
    ),
    "U": ("属于上级事权，已通过社情民意信息向上反映", "需上级部门统一出台政策"),
    "E": ("群众参与度不高，需调整方式持续推进", "覆盖面仍然不足，需持续推进"),
    "D": ("招商对接尚在洽谈中，暂未落地", "市场前景尚需进一步论证", "经营主体参与积极性不高"),
    "G": ("经营主体参与积极性不高，需进一步动员", "各方意见不一，尚未达成一致"),
}
NOT_ADOPTED_REASONS: dict[str, tuple[str, ...]] = {
    "B": ("与现行规划不符", "已有同类项目在实施", "经评估不具备实施条件"),
    "F": ("已有同类设施覆盖", "经评估使用需求不大"),
    "V": ("已有同类服务覆盖", "已纳入日常工作，不再单列"),
    "O": ("已有同类服务覆盖", "超出村（社区）服务能力，暂不具备条件"),
    "A": ("经征求意见，多数群众不赞成", "条件尚不成熟，暂缓推行"),
    "C": ("不属于本级职权", "已有相关工作机制"),
    "R": ("缺少相应的法律法规依据", "不属于本级职权"),
    "P": ("不属于本级职权", "与现行政策不符", "上级已有统一规定"),
    "U": ("不属于本级职权", "上级已有统一规定"),
    "E": ("已有同类活动在开展", "已纳入日常工作，不再单列"),
    "D": ("与产业发展规划不符", "经评估市场风险较大", "已有同类项目在实施"),
    "G": ("已有同类项目在实施", "条件尚不成熟，暂缓推行"),
}
# The fewest days after the session in which a measure of each kind can be done.
MIN_DAYS = {"B": 45, "D": 30, "G": 30, "F": 14, "P": 14}
QUICK_KIND = "Q"

# --- texts of the record -----------------------------------------------------------------------

OPENINGS = (
    "{date_cn}{start}，{group}在{venue}组织开展{kind_label}，围绕{title}进行协商。{host}主持会议，联络员{recorder}负责记录。{attendance}参加协商。",
    "{date_cn}，{group}在{venue}召开{kind_label}会议，协商议题为{title}。会议由{host}主持，{attendance}参加。",
    "{date_cn}{start}，{title}{kind_label}在{venue}举行。{group}{host}主持，{attendance}围坐一起，面对面商量解决办法。",
)
SOURCES = {
    TopicSource.RESIDENTS: "该议题源于群众反映：{place}不少居民多次向村（社区）和委员反映相关问题，希望尽快得到解决。",
    TopicSource.GRASSROOTS: "该议题由{place}在年初基层点题中提出，经联络组审定后列入年度协商计划。",
    TopicSource.PARTY_GOVERNMENT: "该议题是{town}党委政府年度重点工作点题，联络组将其列为重点协商内容。",
    TopicSource.MEMBER: "该议题由{member}委员在日常走访中发现并提出，经联络组集体研究确定。",
    TopicSource.ONLINE: "该议题来自“码上商”线上征集，相关留言和关注人数较多。",
    TopicSource.PUBLIC_OPINION: "委员此前已就此问题撰写社情民意信息，联络组决定进一步开展协商，推动问题解决。",
    TopicSource.OTHER: "该议题由村（社区）和联络组共同商定。",
}
RESEARCH = (
    "深入{place}实地察看，走访住户{n}户",
    "在{place}发放调查问卷{n}份，收回有效问卷{m}份",
    "召开小范围座谈会{k}次，听取群众和有关部门的意见",
    "查阅相关政策文件，并与职能部门进行了沟通对接",
)
RESPONSES = (
    "相关问题已纳入下一阶段工作计划，将在{weeks}周内拿出具体方案。",
    "委员和群众提出的建议很有针对性，能马上办的马上办，一时办不了的也会说明原因。",
    "部分问题需要多个部门协同解决，将主动对接、合力推进，并及时向联络组反馈进展。",
    "这项工作一直在推进，接下来会加大力度，{soon}见到成效。",
    "会后将安排专人到现场再核实一次，把群众反映的问题逐条列入整改清单。",
)
CLOSINGS = (
    "这次协商议题来自群众，协商过程面向群众，成果也要让群众看得见",
    "各责任单位要把协商成果转化为具体行动，确保件件有着落、事事有回音",
    "协商不是终点，而是解决问题的起点，要用好“回头看”机制",
    "要坚持问题导向，把好事办实、把实事办好",
    "委员要把群众的期盼放在心上，持续跟踪，直到问题解决",
)
REASONS = (
    "这样既能回应群众关切，也便于后续落实。",
    "可以先选一两个点试点，成熟后再推开。",
    "要注意听取不同群体的意见，把好事办好。",
    "周边地区已有成熟做法，可以学习借鉴。",
    "建议明确时间表和责任人，避免议而不决。",
    "投入不大，但群众受益面广。",
)
HALL_AGENDA = (
    "主持人介绍议题来源和前期调研情况",
    "群众代表反映问题和诉求",
    "政协委员发言，提出意见建议",
    "相关部门负责人回应",
    "形成协商意见，明确交办事项",
)
MICRO_AGENDA = (
    "说明协商事项",
    "现场查看问题点位",
    "群众代表、委员交流意见",
    "责任单位表态",
    "商定解决办法",
)
REVISIT_EFFECTS = (
    "整改措施已落实到位",
    "相关设施运行正常",
    "问题没有出现反弹",
    "居民反映情况明显好转",
    "责任单位已建立长效管理机制",
)
# The cases are written up by then (the city's call closes in mid-October): the follow-up of their
# sessions is known by that day.
CASES_WRITTEN_BY = date(DEMO_YEAR, 10, 10)
HALL_CAPTIONS = ("协商现场", "委员发言", "群众代表反映意见", "部门负责人回应", "会前实地走访")
MICRO_CAPTIONS = ("驿站微协商", "现场查看", "入户走访听民意", "现场商量解决办法")
CN_ORDINALS = "一二三四五六七八九十"

# Holidays of 2024 on which no session is held (Spring Festival, Qingming, May Day, ...).
HOLIDAYS_2024 = frozenset(
    [date(2024, 1, 1), date(2024, 6, 10)]
    + [date(2024, 2, d) for d in range(9, 19)]
    + [date(2024, 4, d) for d in range(4, 7)]
    + [date(2024, 5, d) for d in range(1, 6)]
    + [date(2024, 9, d) for d in range(15, 18)]
    + [date(2024, 10, d) for d in range(1, 8)]
)
MONTH_WEIGHTS = (0.6, 0.45, 1.1, 1.1, 1.1, 1.1, 0.8, 0.8, 1.1, 0.9, 1.2, 0.9)
