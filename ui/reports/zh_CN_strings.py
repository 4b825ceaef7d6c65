"""Chinese (zh_CN) translations of the monthly report page: {context: {English source: translation}}."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "ReportsPage": {
        "Generate": "生成月报",
        "Save as PDF…": "另存为 PDF…",
        "Open": "打开",
        "Print preview…": "打印预览…",
        "Print…": "打印…",
        "Choose a month and a scope, then Generate.": "请选择月份和统计范围，然后点击“生成月报”。",
        "Month": "月份",
        "Scope": "统计范围",
        "Whole community": "全社区",
        "Generating the monthly report…": "正在生成月报…",
        "Generating…": "正在生成…",
        "Report ready: %1": "月报已生成：%1",
        "Cancelled.": "已取消。",
        "The report could not be generated: %1": "月报生成失败：%1",
        "Monthly report": "月报",
        "Save as PDF": "另存为 PDF",
        "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
        "Saved: %1": "已保存：%1",
    },
    "ReportPrinting": {
        "Print preview": "打印预览",
        "The PDF could not be read: %1": "无法读取该 PDF 文件：%1。请重新生成后再打印。",
    },
}
