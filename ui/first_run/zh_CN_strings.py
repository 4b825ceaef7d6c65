"""Chinese for the first-run wizard, the get-started panel and the grid dialog."""
STRINGS = {
    "FirstRunWizard": {"Set up Neighbourhood Ledger": "设置社区台账"},
    "CommunityPage": {
        "Field laptop? &Open a check-out file from the office…": "外出笔记本？打开办公室给的检出文件(&O)…",
        "Your community": "本社区",
        "Welcome to Neighbourhood Ledger. These names appear on rosters and reports.":
            "欢迎使用社区台账。这里填写的名称会印在花名册和报表上。",
        "e.g. Sunshine Community": "如：阳光社区",
        "e.g. Xinhua Street Office": "如：新华街道办事处",
        "&Community name": "社区名称(&C)",
        "&Street office": "所属街道(&S)",
        "Enter the name of the community.": "请填写社区名称。",
    },
    "AdminPage": {
        "Administrator account": "管理员账号",
        "The administrator signs in first and adds the other staff and grid workers later.":
            "管理员先登录，以后再由管理员添加其他工作人员和网格员的账号。",
        "At least 8 characters, with both letters and digits.": "至少 8 位，须同时包含字母和数字。",
        "&Login name": "登录名(&L)",
        "&Your name": "您的姓名(&Y)",
        "&Password": "密码(&P)",
        "Password &again": "再次输入密码(&A)",
        "Enter a login name.": "请填写登录名。",
        "Enter your name.": "请填写您的姓名。",
        "The two passwords are not the same.": "两次输入的密码不一致，请重新输入。",
    },
    "PlacePage": {
        "Open a check-out file from the office instead…": "改为打开办公室给的检出文件…",
        "Where the ledger is kept": "数据库保存位置",
        "Keep the database on this computer's own disk, not on a network share.":
            "请把数据库放在本机硬盘上，不要放在网络共享文件夹中。",
        "&Browse…": "浏览(&B)…",
        "&Office PC: the committee's main computer": "办公室电脑：居委会的主电脑(&O)",
        "&Field laptop: taken along on visits": "外出笔记本：走访时随身带的电脑(&F)",
        "Database file": "数据库文件",
        "This computer is": "这台电脑是",
        "Ledger database (*.db)": "台账数据库 (*.db)",
        "Choose where to keep the database.": "请选择数据库的保存位置。",
        "%1 already exists. Choose another file name, or open it with --db.":
            "%1 已存在。请换一个文件名，或用 --db 打开这个已有的数据库。",
        "This folder is on a network share. Choose a folder on this computer.":
            "这个文件夹在网络共享上，请选择本机上的文件夹。",
    },
    "GetStartedPanel": {
        "Get started": "开始使用",
        "1. Add grids and buildings…": "第一步：添加网格和楼栋…",
        "2. Import residents from an Excel roster… (Ctrl+I)": "第二步：从 Excel 花名册导入居民…（Ctrl+I）",
        "The ledger is empty. First add the community's grids with their buildings, then bring in the "
        "residents: import the Excel roster you keep today, or add households by hand on the Registry page. "
        "Help → User guide (F1) explains each step.":
            "台账还是空的。请先添加本社区的网格和各网格的楼栋，再录入居民：导入您现在使用的 Excel 花名册，"
            "或在“居民户籍”页面逐户添加。“帮助 → 用户指南”（F1）有每一步的说明。",
        "%1 grid(s) added. Now import the residents from an Excel roster, or add households on the Registry "
        "page.": "已添加 %1 个网格。下一步：从 Excel 花名册导入居民，或在“居民户籍”页面逐户添加。",
    },
    "GridDialog": {
        "Add a grid": "添加网格",
        "e.g. Grid 1": "如：第一网格",
        "e.g. Building 1, Building 2, Building 3": "如：1栋，2栋，3栋",
        "Grid &name": "网格名称(&N)",
        "Grid &worker": "网格员(&W)",
        "Worker's &phone": "网格员电话(&P)",
        "&Buildings": "楼栋(&B)",
        "Separate building names with commas. More can be added later by importing a roster.":
            "多个楼栋用逗号隔开。以后导入花名册时还可以自动添加楼栋。",
        "Add grid %1": "添加网格 %1",
    },
}
