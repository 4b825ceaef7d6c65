"""Chinese translations of the ``ui/security`` strings, to merge into ``ledger_zh_CN.ts``.

``STRINGS[context][english source] = Chinese``.  The context is the class
whose ``self.tr()`` uses the string (or the first argument of
``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP``).  A test keeps this
complete.  ``ts_messages()`` renders the entries as ``<context>`` XML blocks
that can be pasted into the .ts file (or fed to ``lconvert``).
"""
from __future__ import annotations

from xml.sax.saxutils import escape

STRINGS: dict[str, dict[str, str]] = {
    "LoginDialog": {
        "Sign in": "登录",
        "Sign in to the ledger %1": "登录台账 %1",
        "Recovery key": "恢复密钥",
        "User name": "用户名",
        "Password": "密码",
        "Use the recovery key": "使用恢复密钥",
        "Enter your user name.": "请输入用户名。",
        "Enter the recovery key.": "请输入恢复密钥。",
    },
    "FirstRunDialog": {
        "Create the administrator": "创建管理员",
        "This ledger has no accounts yet. Create the administrator account: "
        "the administrator adds the other staff and grid workers later.":
            "此台账还没有账号。请先创建管理员账号，其他工作人员和网格员的账号以后由管理员添加。",
        "Login name": "登录名",
        "Display name": "姓名",
        "Password": "密码",
        "Password again": "再次输入密码",
        "At least 8 characters, with both letters and digits.": "至少 8 位，须同时包含字母和数字。",
        "Create and sign in": "创建并登录",
        "The two passwords are not the same.": "两次输入的密码不一致。",
    },
    "SignInFlow": {
        "Cannot open the database": "无法打开数据库",
    },
    "UnlockDialog": {
        "Locked": "已锁定",
        "The ledger was locked because nobody used it for a while. %1, enter your password to continue.":
            "台账因一段时间无人操作已锁定。%1，请输入密码继续。",
        "Unlock": "解锁",
        "Quit": "退出",
    },
    "UserTableModel": {
        "Login name": "登录名",
        "Name": "姓名",
        "Role": "角色",
        "Full view": "查看完整信息",
        "Grids": "网格",
        "Active": "启用",
        "Locked until": "锁定至",
        "Yes": "是",
        "No": "否",
    },
    "UserDialog": {
        "Add user": "新增用户",
        "Edit user": "修改用户",
        "May see full ID numbers and phone numbers (audited)": "可查看完整身份证号和电话号码（记入审计）",
        "Leave empty to keep the password": "留空则不修改密码",
        "Login name": "登录名",
        "Display name": "姓名",
        "Role": "角色",
        "Grids (grid workers)": "负责网格（网格员）",
        "Current password": "当前密码",
        "New password": "新密码",
        "Password": "密码",
        "Password again": "再次输入密码",
        "A grid worker needs at least one grid.": "网格员至少要分配一个网格。",
        "The two passwords are not the same.": "两次输入的密码不一致。",
    },
    "UsersPage": {
        "Add user…": "新增用户…",
        "Edit…": "修改…",
        "Deactivate": "停用",
        "Reactivate": "重新启用",
        "Only an administrator can manage user accounts. You are signed in as %1 (%2).":
            "只有管理员可以管理用户账号。您当前的登录身份是 %1（%2）。",
        "Accounts of this ledger. Deactivated accounts cannot sign in; their past work stays in the audit trail.":
            "本台账的用户账号。停用的账号不能登录，其以往操作仍保留在审计记录中。",
    },
    "AuditTableModel": {
        "Exported a roster": "导出花名册",
        "Applied a field-laptop return file": "导入外出笔记本交回文件",
        "Purged unused attachments": "清理未使用的附件",
        "Added": "新增",
        "Changed": "修改",
        "Deleted": "删除",
        "Restored": "恢复",
        "Viewed full data": "查看完整信息",
        "Signed in": "登录",
        "Signed out": "退出登录",
        "Sign-in failed": "登录失败",
        "Sign-in refused (locked)": "登录被拒（已锁定）",
        "Encrypted the database": "加密数据库",
        "No.": "序号",
        "Time": "时间",
        "User": "用户",
        "Action": "操作",
        "Table": "数据表",
        "Record": "记录",
        "Changes": "改动内容",
        "Residents": "居民",
        "Households": "住户",
        "Resident changes": "人口变动",
        "Buildings": "楼栋",
        "Grids": "网格",
        "Users": "用户",
        "Users' grids": "用户网格",
        "Settings": "设置",
        "Visits": "走访",
        "Visitors": "走访人",
        "Residents met": "见到的居民",
        "Needs raised in visits": "走访诉求",
        "Visit types": "走访类型",
        "Visit rules": "走访规则",
        "Household flags": "住户标记",
        "Hardship categories": "困难类别",
        "Hardship enrolments": "困难群众登记",
        "Hardship changes": "困难登记变动",
        "Assistance": "救助记录",
        "Meetings": "会议",
        "Meeting attendees": "参会人员",
        "Agenda items": "议题",
        "Action items": "待办事项",
        "Action item notes": "待办进展",
        "Needs and suggestions": "诉求与建议",
        "Need steps": "诉求办理环节",
        "Service items": "服务项目",
        "Attachments": "附件",
        "Attachment files": "附件文件",
    },
    "AuditPage": {
        "Record id": "记录编号",
        "From": "从",
        "To": "到",
        "Filter": "筛选",
        "Clear": "清除",
        "Verify chain": "校验审计链",
        "User": "用户",
        "Table": "数据表",
        "Only administrators and auditors can read the audit trail.": "只有管理员和审计人员可以查看审计记录。",
        "… and %1 more": "……另有 %1 条",
        "The audit trail has been tampered with:": "审计记录已被篡改：",
        "Audit chain intact": "审计链完整",
    },
    "RecoveryKeyDialog": {
        "Recovery key": "恢复密钥",
        "This is the recovery key of the encrypted database. It is shown only now. "
        "Print it or write it down and keep it locked away (the director keeps it). "
        "Without it, a forgotten password or a lost key file means the data cannot be opened by anyone.":
            "这是加密数据库的恢复密钥，只显示这一次。请打印或抄写下来，锁好保管（由社区书记/主任保管）。"
            "没有它，一旦忘记密码或丢失密钥文件，任何人都无法再打开这些数据。",
        "Print…": "打印…",
        "I have printed or written down the recovery key": "我已打印或抄写恢复密钥",
        "Recovery key of the ledger database": "社区台账数据库恢复密钥",
        "Keep this sheet locked away. Anyone holding it can open the database.":
            "请锁好保管此页。持有它的人可以打开数据库。",
    },
    "BackupDialog": {
        "Backups": "备份",
        "Backups are kept in the folder %1.": "备份保存在文件夹 %1 中。",
        "Time": "时间",
        "Kind": "类型",
        "Size": "大小",
        "Back up now": "立即备份",
        "Restore…": "恢复…",
        "Encrypt this database…": "加密此数据库…",
        "Backup failed: %1": "备份失败：%1",
        "Backup written: %1": "已写入备份：%1",
        "Restore the backup of %1?\n\nThe current database is backed up first (kind \"before\"), so this "
        "can be undone by restoring that copy. The ledger closes, the backup replaces it, and you sign in "
        "again. Changes made after %1 will no longer be in the ledger.":
            "恢复 %1 的备份吗？\n\n恢复前会先备份当前数据库（类型为“操作前”），如有需要可再恢复那份备份。"
            "台账将关闭，由备份替换，然后请重新登录。%1 之后所做的修改将不再保留在台账中。",
        "Restore backup": "恢复备份",
        "Encrypt this database": "加密此数据库",
        "Your password (%1):": "您的密码（%1）：",
        "Encrypt the database file so it cannot be read without a password?\n\nAfter encryption every "
        "user needs their password (or the recovery key) to open it; users other than you can open it "
        "once the administrator has set their password again. Older unencrypted backups are deleted. "
        "You will see a recovery key once: print it and keep it safe.":
            "要加密数据库文件，使其没有密码就无法读取吗？\n\n加密后，每位用户都需要自己的密码（或恢复密钥）才能打开；"
            "除您以外的用户，须由管理员重新设置其密码后才能打开。以前未加密的备份将被删除。"
            "恢复密钥只显示一次：请打印并妥善保管。",
        "Cannot encrypt: %1": "无法加密：%1",
        "The database is now encrypted.": "数据库已加密。",
    },
}


def ts_messages() -> str:
    """The translations as ``<context>`` blocks of a Qt .ts file (UTF-8 text)."""
    blocks = []
    for context, messages in STRINGS.items():
        lines = [f"<context>\n    <name>{escape(context)}</name>"]
        for source, translation in messages.items():
            lines.append(f"    <message>\n        <source>{escape(source)}</source>\n"
                         f"        <translation>{escape(translation)}</translation>\n    </message>")
        lines.append("</context>")
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n"
