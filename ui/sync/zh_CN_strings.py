"""Chinese translations of the field-laptop screens: {Qt context: {English source: 中文}}."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "ConflictTableModel": {
        "Kind": "类型",
        "Record": "记录",
        "Field": "项目",
        "At check-out": "检出时的值",
        "Laptop": "笔记本的值",
        "Office": "办公室的值",
        "Status": "状态",
        "(empty)": "（空）",
        "deleted": "已删除",
        "To review": "待核对",
        "laptop": "笔记本",
        "office": "办公室",
        "Kept the %1 value": "已采用%1的值",
    },
    "ConflictReviewPage": {
        "Show resolved conflicts": "显示已处理的冲突",
        "Use the &laptop value": "采用笔记本的值(&L)",
        "Keep the &office value": "保留办公室的值(&O)",
        "%1 conflicts to review. For each, choose which value to keep; the other stays on record.":
            "有 %1 处冲突待核对。请逐条选择保留哪一方的值，另一方的值会保留在记录中。",
        "No conflicts to review.": "没有待核对的冲突。",
        "Cannot resolve": "无法处理",
    },
    "SyncDialogs": {
        "OK": "确定",
        "Browse…": "浏览…",
        "Working…": "正在处理…",
        "Close": "关闭",
        "Cancelled; nothing was changed.": "已取消，未做任何改动。",
    },
    "CheckoutDialog": {
        "Sync passphrase:": "同步口令：",
        "Repeat passphrase:": "再次输入口令：",
        "Save as:": "保存为：",
        "The two passphrases differ.": "两次输入的口令不一致。",
        "Check out to a field laptop": "检出到外出笔记本",
        "Check out": "检出",
        "e.g. Grid 1 laptop": "如：第一网格笔记本",
        "user name of the grid worker (optional)": "网格员的登录名（可不填）",
        "Grids:": "网格：",
        "Laptop name:": "笔记本名称：",
        "Grid worker:": "网格员：",
        "The file is encrypted with the passphrase. Tell it to the grid worker in person, not on the USB stick.":
            "检出文件用同步口令加密。请当面把口令告诉网格员，不要写在 U 盘上。",
        "Checked out %1 households and %2 residents to %3.": "已检出 %1 户、%2 人到 %3。",
    },
    "ReturnDialog": {
        "%1 attachments added here go with it.": "本机新增的 %1 个附件将一并交回。",
        "Sync passphrase:": "同步口令：",
        "Repeat passphrase:": "再次输入口令：",
        "Save as:": "保存为：",
        "The two passphrases differ.": "两次输入的口令不一致。",
        "Write return file": "导出交回文件",
        "Write": "导出",
        "%1 changes not yet returned to the office.": "有 %1 处修改尚未交回办公室。",
        "Return file no. %1 with %2 changes written and verified: %3. Keep this laptop's data until the office "
        "has applied it.": "第 %1 号交回文件已写入并校验（%2 处修改）：%3。办公室导入之前，请保留本机数据。",
    },
    "ApplyDialog": {
        "Sync passphrase:": "同步口令：",
        "Apply return file": "导入笔记本交回文件",
        "Apply": "导入",
        "Return file:": "交回文件：",
        "All changes are applied together, or none. Changes to the same field on both sides wait for your "
        "review.": "文件中的修改要么全部导入，要么一条也不导入。双方都修改过的项目会进入冲突核对，由您选择。",
    },
    "SyncMenu": {
        "Field &laptops": "外出笔记本(&L)",
        "&Write return file…": "导出交回文件(&W)…",
        "&Check out to a laptop…": "检出到笔记本(&C)…",
        "&Apply return file…": "导入交回文件(&A)…",
        "&Review conflicts…": "同步冲突核对(&R)…",
        "Sync conflicts": "同步冲突核对",
        "Re&fresh from a check-out file…": "用新的检出文件刷新(&F)…",
        "&Open check-out file…": "打开检出文件(&O)…",
    },
    "OpenCheckoutDialog": {
        "Open check-out file": "打开检出文件",
        "Open": "打开",
        "optional: encrypts the data for this account": "可不填：填写后数据按此账号加密保存",
        "Check-out file:": "检出文件：",
        "Sync passphrase:": "同步口令：",
        "Keep working data in:": "工作数据保存到：",
        "Grid worker:": "网格员账号：",
        "Password:": "密码：",
        "Use the file and passphrase you were given at the office. Work offline, then write a return file "
        "from the Field laptops menu.":
            "请使用办公室交给您的检出文件和口令。外出时离线工作，回来后在“外出笔记本”菜单中导出交回文件。",
        "Browse…": "浏览…",
        "Choose the check-out file.": "请选择检出文件。",
        "Choose where to keep the working data.": "请选择工作数据的保存位置。",
        "The working data is ready: %1. Close this window to sign in.": "工作数据已建立：%1。关闭此窗口后登录。",
    },
    "RefreshDialog": {
        "Refresh from a new check-out": "用新的检出文件刷新",
        "Browse…": "浏览…",
        "Check-out file:": "检出文件：",
        "Sync passphrase:": "同步口令：",
        "Your password:": "您的登录密码：",
        "%1 changes not yet applied at the office will be kept and sent with the next return file.":
            "办公室尚未导入的 %1 处修改会保留，并随下一份交回文件一起交回。",
    },
}
