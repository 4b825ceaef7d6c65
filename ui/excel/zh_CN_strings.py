"""Chinese translations of the Excel screens: {Qt context (class name): {English source: 中文}}.

Loaded by the app's translator together with the other screens' tables.
"""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "ExportDialog": {
        "Export roster to Excel": "导出花名册到 Excel",
        "Browse…": "浏览…",
        "Full ID numbers and phone numbers (recorded in the audit log)": "导出完整身份证号和电话（将记入审计记录）",
        "ID numbers and phones are masked unless you choose full numbers.": "除非选择导出完整号码，身份证号和电话将脱敏显示。",
        "Roster:": "花名册：",
        "Save as:": "保存为：",
        "Export": "导出",
        "Save roster": "保存花名册",
        "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)",
        "Exporting…": "正在导出…",
        "Export cancelled; no file was written.": "已取消导出，没有生成文件。",
        "Your role may only export masked numbers.": "您的角色只能导出脱敏后的号码。",
        "Exported {0} rows to {1}": "已导出 {0} 行到 {1}",
        "Period:": "期间：",
        "to": "至",
    },
    "FilePage": {
        "Choose the spreadsheet": "选择表格文件",
        "An .xlsx, .xls or .csv file with one resident per row. Title rows above the header are fine.":
            "每行一位居民的 .xlsx、.xls 或 .csv 文件；表头上方有标题行也可以。",
        "Browse…": "浏览…",
        "File:": "文件：",
        "Sheet:": "工作表：",
        "Stop reading": "停止读取",
        "Reading stopped.": "已停止读取。",
        "Open spreadsheet": "打开表格",
        "Spreadsheets (*.xlsx *.xlsm *.xls *.csv)": "表格文件 (*.xlsx *.xlsm *.xls *.csv)",
    },
    "MappingPage": {
        "Match the columns": "核对列对应",
        "Skip them": "跳过",
        "Update them from the file": "按表格更新",
        "Remember these choices for next time": "记住本次的列对应，下次自动使用",
        "Grid of new buildings:": "新楼栋所属网格：",
        "People already registered (same ID number):": "系统中已有的人（身份证号相同）：",
        "(use the grid column / existing buildings)": "（按表格中的“网格”列或已有楼栋）",
        "Header found on row {0}; {1} data rows. Correct any column the program matched wrongly.":
            "表头在第 {0} 行，共 {1} 行数据。如有列对应不对，请在右侧改正。",
    },
    "PreviewPage": {
        "Check the rows": "检查结果",
        "Show only rows with errors": "只显示有错误的行",
        "Save error rows to Excel…": "把错误行保存为 Excel…",
        "Stop checking": "停止检查",
        "Checking every row…": "正在逐行检查…",
        ". Rows with errors are not imported; save them, fix them and import them again.":
            "。有错误的行不会导入；可保存错误行，改正后再导入。",
        "Save error rows": "保存错误行",
        "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)",
        "Checking stopped.": "已停止检查。",
    },
    "RunPage": {
        "Import": "导入",
        "Cancel import": "取消导入",
        "Nothing was written.": "没有写入任何数据。",
        "Writing {0} rows in one step; Cancel leaves the ledger unchanged.": "正在一次性写入 {0} 行；取消则数据库保持原样。",
        "Import cancelled; nothing was written.": "已取消导入，没有写入任何数据。",
        "Imported: {0} new people, {1} new households, {2} new buildings; {3} updated; {4} skipped; "
        "{5} rows with errors not imported.":
            "导入完成：新增 {0} 人、{1} 户、{2} 栋楼；更新 {3} 人；跳过 {4} 人；{5} 行有错误未导入。",
    },
    "ImportWizard": {
        "Import residents from Excel": "从 Excel 导入居民",
        "Import": "导入",
    },
    "ExcelModels": {
        "Column in the file": "表格中的列",
        "Sample values": "示例内容",
        "Import as": "导入为",
        "(blank)": "（空）",
        "Row": "行号",
        "Action": "处理",
        "Name": "姓名",
        "ID number": "身份证号",
        "Address": "住址",
        "Problems / notes": "问题 / 说明",
    },
}
