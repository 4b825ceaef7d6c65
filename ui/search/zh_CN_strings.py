"""Chinese for the search bar and the main-window actions added with it."""
STRINGS = {
    "SearchBar": {
        "Search: name, pinyin (zw), ID tail, phone, address (12栋2单元) — Ctrl+F":
            "搜索：姓名、拼音（zw）、身份证号后几位、电话、地址（12栋2单元）— Ctrl+F",
        "All residents": "全部人口类别",
        "Age from": "年龄自",
        "Age to": "年龄至",
        "Party members": "党员",
        "Former": "含迁出/死亡",
        "Include residents who moved out or died": "同时搜索已迁出或已死亡的居民",
        "All grids": "全部网格",
        "%1 residents, %2 households": "%1 人，%2 户",
    },
    "App": {"Backup failed": "备份失败"},
    "MainWindow": {
        "Backups…": "备份与恢复…",
        "Home": "首页",
        "&Export roster (Excel)": "导出花名册（Excel）(&E)",
        "&Import roster (Excel)…": "导入花名册（Excel）…(&I)",
        "&Find…": "查找…(&F)",
        "&Admin": "管理(&A)",
        "&Users…": "用户管理…(&U)",
        "Audit &trail…": "审计记录…(&T)",
        "&Backups…": "备份与恢复…(&B)",
        "&Lock": "锁定(&L)",
        "Users": "用户管理",
        "Audit trail": "审计记录",
        "Close": "关闭",
        "Restore finished": "恢复完成",
        "The database was restored. Please sign in again.": "数据库已恢复，请重新登录。",
        "The database was encrypted. Please sign in again.": "数据库已加密，请重新登录。",
    },
}
