"""Chinese (zh_CN) translations of the home dashboard: {context: {English source: translation}}.

Hardship category names come from the ledger (already Chinese)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "DashboardPage": {
        "Overview": "概览",
        "Households": "在册户数",
        "Residents": "在册人数",
        "Migrant residents": "流动人口",
        "Reviews due this month": "本月到期复核",
        "Visits overdue": "逾期未访",
        "Visits due this week": "本周应访",
        "Never visited": "从未走访",
        "Open action items": "未办结待办",
        "Overdue action items": "逾期待办",
        "Open %1": "打开%1",
        "Persons per hardship category": "各类困难群体人数",
        "None enrolled": "暂无在册对象",
        "Visits done per month": "每月走访次数",
        "No visits": "暂无走访记录",
        "Visits due per grid": "各网格待走访户数",
        "Nothing due or overdue": "暂无待走访户",
        "Click to open the list": "点击打开对应列表",
        "Month %1": "%1月",
        "Overdue": "逾期未访",
        "Due this week": "本周应访",
    },
}
