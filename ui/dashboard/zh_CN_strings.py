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
    },
}
