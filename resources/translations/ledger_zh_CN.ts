<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionItemTableModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>督办会议</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>The administrator signs in first and adds the other staff and grid workers later.</source>
        <translation>管理员先登录，以后再由管理员添加其他工作人员和网格员的账号。</translation>
    </message>
    <message>
        <source>At least 8 characters, with both letters and digits.</source>
        <translation>至少 8 位，须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>&amp;Login name</source>
        <translation>登录名(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>您的姓名(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>Enter a login name.</source>
        <translation>请填写登录名。</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>请填写您的姓名。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Building the demo community…</source>
        <translation>正在生成演示社区……</translation>
    </message>
    <message>
        <source>Neighbourhood Ledger</source>
        <translation>社区台账</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>This database is encrypted. User name:</source>
        <translation>此数据库已加密。用户名：</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Cannot build the demo</source>
        <translation>无法生成演示数据</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>Apply return file</source>
        <translation>导入笔记本交回文件</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Return file:</source>
        <translation>交回文件：</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>同步口令：</translation>
    </message>
    <message>
        <source>All changes are applied together, or none. Changes to the same field on both sides wait for your review.</source>
        <translation>文件中的修改要么全部导入，要么一条也不导入。双方都修改过的项目会进入冲突核对，由您选择。</translation>
    </message>
</context>
<context>
    <name>AssistanceDialog</name>
    <message>
        <source>Record assistance</source>
        <translation>登记救助</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>救助日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>救助形式</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Items / service</source>
        <translation>物品/服务</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>AssistanceTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>救助形式</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Items / service</source>
        <translation>物品/服务</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>救助对象</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>AttachmentListModel</name>
    <message>
        <source> · tick to print it in the monthly report and the record PDF</source>
        <translation> · 勾选后打印到月报和记录表中</translation>
    </message>
    <message>
        <source>%1 · %2 · not saved yet</source>
        <translation>%1 · %2 · 尚未保存</translation>
    </message>
    <message>
        <source>%1 · %2%3
Added by %4 on %5</source>
        <translation>%1 · %2%3
%4 于 %5 添加</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>粘贴图片</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Shrink photos (longest side %1 px)</source>
        <translation>缩小图片（长边 %1 像素）</translation>
    </message>
    <message>
        <source>Phone photos are several MB; shrunk they stay sharp on screen and in print.</source>
        <translation>手机照片每张有几 MB；缩小后在屏幕和打印时仍然清晰，也更省空间。</translation>
    </message>
    <message>
        <source>Drop files or photos here, or paste an image (Ctrl+V).</source>
        <translation>可把文件或照片拖到这里，或粘贴图片（Ctrl+V）。</translation>
    </message>
    <message>
        <source>These files may be scans of ID documents showing full ID numbers. Your account may not view full personal data, so only the thumbnails are shown. Ask an administrator if you need the original.</source>
        <translation>这些附件可能是含完整身份证号的证件扫描件。您的账号没有“查看完整信息”权限，只能查看缩略图。如需打开原件，请联系管理员。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;All files (*)</source>
        <translation>照片和 PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Pasted image %1.png</source>
        <translation>粘贴的图片 %1.png</translation>
    </message>
    <message>
        <source>The clipboard holds no image or file to attach.</source>
        <translation>剪贴板中没有可添加的图片或文件。</translation>
    </message>
    <message>
        <source>Checking files…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Another record was opened; add the files again.</source>
        <translation>已切换到另一条记录，请重新添加这些文件。</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>“%1”已在列表中。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Only administrators and auditors can read the audit trail.</source>
        <translation>只有管理员和审计人员可以查看审计记录。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 条</translation>
    </message>
    <message>
        <source>The audit trail has been tampered with:</source>
        <translation>审计记录已被篡改：</translation>
    </message>
    <message>
        <source>Audit chain intact</source>
        <translation>审计链完整</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Viewed full data</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Sign-in refused (locked)</source>
        <translation>登录被拒（已锁定）</translation>
    </message>
    <message>
        <source>Encrypted the database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <source>Exported a roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Applied a field-laptop return file</source>
        <translation>导入外出笔记本交回文件</translation>
    </message>
    <message>
        <source>Purged unused attachments</source>
        <translation>清理未使用的附件</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Resident changes</source>
        <translation>人口变动</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Users&apos; grids</source>
        <translation>用户网格</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Residents met</source>
        <translation>见到的居民</translation>
    </message>
    <message>
        <source>Needs raised in visits</source>
        <translation>走访诉求</translation>
    </message>
    <message>
        <source>Visit types</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Visit rules</source>
        <translation>走访规则</translation>
    </message>
    <message>
        <source>Household flags</source>
        <translation>住户标记</translation>
    </message>
    <message>
        <source>Hardship categories</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>Hardship enrolments</source>
        <translation>困难群众登记</translation>
    </message>
    <message>
        <source>Hardship changes</source>
        <translation>困难登记变动</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>救助记录</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Meeting attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Action item notes</source>
        <translation>待办进展</translation>
    </message>
    <message>
        <source>Needs and suggestions</source>
        <translation>诉求与建议</translation>
    </message>
    <message>
        <source>Need steps</source>
        <translation>诉求办理环节</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attachment files</source>
        <translation>附件文件</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动内容</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backups are kept in the folder %1.</source>
        <translation>备份保存在文件夹 %1 中。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Encrypt this database…</source>
        <translation>加密此数据库…</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>已写入备份：%1</translation>
    </message>
    <message>
        <source>Restore the backup of %1?

The current database is backed up first (kind &quot;before&quot;), so this can be undone by restoring that copy. The ledger closes, the backup replaces it, and you sign in again. Changes made after %1 will no longer be in the ledger.</source>
        <translation>恢复 %1 的备份吗？

恢复前会先备份当前数据库（类型为“操作前”），如有需要可再恢复那份备份。台账将关闭，由备份替换，然后请重新登录。%1 之后所做的修改将不再保留在台账中。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>加密此数据库</translation>
    </message>
    <message>
        <source>Your password (%1):</source>
        <translation>您的密码（%1）：</translation>
    </message>
    <message>
        <source>Encrypt the database file so it cannot be read without a password?

After encryption every user needs their password (or the recovery key) to open it; users other than you can open it once the administrator has set their password again. Older unencrypted backups are deleted. You will see a recovery key once: print it and keep it safe.</source>
        <translation>要加密数据库文件，使其没有密码就无法读取吗？

加密后，每位用户都需要自己的密码（或恢复密钥）才能打开；除您以外的用户，须由管理员重新设置其密码后才能打开。以前未加密的备份将被删除。恢复密钥只显示一次：请打印并妥善保管。</translation>
    </message>
    <message>
        <source>Cannot encrypt: %1</source>
        <translation>无法加密：%1</translation>
    </message>
    <message>
        <source>The database is now encrypted.</source>
        <translation>数据库已加密。</translation>
    </message>
</context>
<context>
    <name>CategoryListModel</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Check out to a field laptop</source>
        <translation>检出到外出笔记本</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>检出</translation>
    </message>
    <message>
        <source>e.g. Grid 1 laptop</source>
        <translation>如：第一网格笔记本</translation>
    </message>
    <message>
        <source>user name of the grid worker (optional)</source>
        <translation>网格员的登录名（可不填）</translation>
    </message>
    <message>
        <source>Grids:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>Laptop name:</source>
        <translation>笔记本名称：</translation>
    </message>
    <message>
        <source>Grid worker:</source>
        <translation>网格员：</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>同步口令：</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>The file is encrypted with the passphrase. Tell it to the grid worker in person, not on the USB stick.</source>
        <translation>检出文件用同步口令加密。请当面把口令告诉网格员，不要写在 U 盘上。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Checked out %1 households and %2 residents to %3.</source>
        <translation>已检出 %1 户、%2 人到 %3。</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <source>Your community</source>
        <translation>本社区</translation>
    </message>
    <message>
        <source>Welcome to Neighbourhood Ledger. These names appear on rosters and reports.</source>
        <translation>欢迎使用社区台账。这里填写的名称会印在花名册和报表上。</translation>
    </message>
    <message>
        <source>e.g. Sunshine Community</source>
        <translation>如：阳光社区</translation>
    </message>
    <message>
        <source>e.g. Xinhua Street Office</source>
        <translation>如：新华街道办事处</translation>
    </message>
    <message>
        <source>&amp;Community name</source>
        <translation>社区名称(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Street office</source>
        <translation>所属街道(&amp;S)</translation>
    </message>
    <message>
        <source>Field laptop? &amp;Open a check-out file from the office…</source>
        <translation>外出笔记本？打开办公室给的检出文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Enter the name of the community.</source>
        <translation>请填写社区名称。</translation>
    </message>
</context>
<context>
    <name>ConflictReviewPage</name>
    <message>
        <source>Show resolved conflicts</source>
        <translation>显示已处理的冲突</translation>
    </message>
    <message>
        <source>Use the &amp;laptop value</source>
        <translation>采用笔记本的值(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the &amp;office value</source>
        <translation>保留办公室的值(&amp;O)</translation>
    </message>
    <message>
        <source>%1 conflicts to review. For each, choose which value to keep; the other stays on record.</source>
        <translation>有 %1 处冲突待核对。请逐条选择保留哪一方的值，另一方的值会保留在记录中。</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>没有待核对的冲突。</translation>
    </message>
    <message>
        <source>Cannot resolve</source>
        <translation>无法处理</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>At check-out</source>
        <translation>检出时的值</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>笔记本的值</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公室的值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>Kept the %1 value</source>
        <translation>已采用%1的值</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>在册户数</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>在册人数</translation>
    </message>
    <message>
        <source>Migrant residents</source>
        <translation>流动人口</translation>
    </message>
    <message>
        <source>Reviews due this month</source>
        <translation>本月到期复核</translation>
    </message>
    <message>
        <source>Visits overdue</source>
        <translation>逾期未访</translation>
    </message>
    <message>
        <source>Visits due this week</source>
        <translation>本周应访</translation>
    </message>
    <message>
        <source>Never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>未办结待办</translation>
    </message>
    <message>
        <source>Overdue action items</source>
        <translation>逾期待办</translation>
    </message>
    <message>
        <source>Persons per hardship category</source>
        <translation>各类困难群体人数</translation>
    </message>
    <message>
        <source>None enrolled</source>
        <translation>暂无在册对象</translation>
    </message>
    <message>
        <source>Visits done per month</source>
        <translation>每月走访次数</translation>
    </message>
    <message>
        <source>No visits</source>
        <translation>暂无走访记录</translation>
    </message>
    <message>
        <source>Visits due per grid</source>
        <translation>各网格待走访户数</translation>
    </message>
    <message>
        <source>Nothing due or overdue</source>
        <translation>暂无待走访户</translation>
    </message>
    <message>
        <source>Click to open the list</source>
        <translation>点击打开对应列表</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未访</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周应访</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开%1</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <source>Moved away: %1</source>
        <translation>迁出：%1</translation>
    </message>
    <message>
        <source>%1 stays on record as moved away and is no longer counted.</source>
        <translation>%1 的记录将保留并标记为“迁出”，不再计入在册人数。</translation>
    </message>
    <message>
        <source>Record death: %1</source>
        <translation>死亡登记：%1</translation>
    </message>
    <message>
        <source>%1 stays on record as deceased and is no longer counted.</source>
        <translation>%1 的记录将保留并标记为“死亡”，不再计入在册人数。</translation>
    </message>
    <message>
        <source>e.g. moved to another city</source>
        <translation>如：迁往外地</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Their open person-level hardship enrolments (disability, extreme poverty …) end on the same date.</source>
        <translation>其本人名下未结束的困难群众登记（残疾、特困等）将于同日退出。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>New hardship enrolment</source>
        <translation>新增困难群众登记</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>Name, ID number tail, phone or address</source>
        <translation>姓名、身份证号尾号、电话或住址</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Household or person</source>
        <translation>住户或居民</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Already enrolled (from a paper roster)</source>
        <translation>已在册（录入纸质花名册）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Persons covered</source>
        <translation>保障人数</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>月保障金额（元）</translation>
    </message>
    <message>
        <source>Start month</source>
        <translation>起始年月</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证号</translation>
    </message>
    <message>
        <source>Support mode</source>
        <translation>保障方式</translation>
    </message>
    <message>
        <source>Family type</source>
        <translation>家庭类别</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>住房情况</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>已收材料</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Household: %1</source>
        <translation>整户：%1</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>未找到。</translation>
    </message>
</context>
<context>
    <name>EnrolmentDetail</name>
    <message>
        <source>Timeline</source>
        <translation>历程</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>救助记录</translation>
    </message>
    <message>
        <source>Scans and photos</source>
        <translation>扫描件和照片</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Annual review…</source>
        <translation>年审…</translation>
    </message>
    <message>
        <source>Record assistance…</source>
        <translation>登记救助…</translation>
    </message>
    <message>
        <source>Select an enrolment to see its history.</source>
        <translation>请选择一条登记以查看其历程。</translation>
    </message>
    <message>
        <source>%1 — %2, born %3: on the list by age (no enrolment needed).</source>
        <translation>%1 — %2，出生于 %3：按年龄自动认定（无需登记）。</translation>
    </message>
    <message>
        <source>Status: %1 since %2</source>
        <translation>状态：%1（自 %2 起）</translation>
    </message>
    <message>
        <source>Monthly amount: %1 yuan</source>
        <translation>月保障金额：%1 元</translation>
    </message>
    <message>
        <source>Next review: %1</source>
        <translation>下次复核：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>已收材料：%1</translation>
    </message>
</context>
<context>
    <name>EnrolmentTableModel</name>
    <message>
        <source>Derived (age)</source>
        <translation>按年龄认定</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>保障类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <source>Persons covered</source>
        <translation>保障人数</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>月保障金额（元）</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>ExcelModels</name>
    <message>
        <source>Column in the file</source>
        <translation>表格中的列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Problems / notes</source>
        <translation>问题 / 说明</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export roster to Excel</source>
        <translation>导出花名册到 Excel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Full ID numbers and phone numbers (recorded in the audit log)</source>
        <translation>导出完整身份证号和电话（将记入审计记录）</translation>
    </message>
    <message>
        <source>Your role may only export masked numbers.</source>
        <translation>您的角色只能导出脱敏后的号码。</translation>
    </message>
    <message>
        <source>ID numbers and phones are masked unless you choose full numbers.</source>
        <translation>除非选择导出完整号码，身份证号和电话将脱敏显示。</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Roster:</source>
        <translation>花名册：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save roster</source>
        <translation>保存花名册</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>已导出 {0} 行到 {1}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有生成文件。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>选择表格文件</translation>
    </message>
    <message>
        <source>An .xlsx, .xls or .csv file with one resident per row. Title rows above the header are fine.</source>
        <translation>每行一位居民的 .xlsx、.xls 或 .csv 文件；表头上方有标题行也可以。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>停止读取</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Open spreadsheet</source>
        <translation>打开表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>已停止读取。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>This ledger has no accounts yet. Create the administrator account: the administrator adds the other staff and grid workers later.</source>
        <translation>此台账还没有账号。请先创建管理员账号，其他工作人员和网格员的账号以后由管理员添加。</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>At least 8 characters, with both letters and digits.</source>
        <translation>至少 8 位，须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Neighbourhood Ledger</source>
        <translation>设置社区台账</translation>
    </message>
</context>
<context>
    <name>GetStartedPanel</name>
    <message>
        <source>Get started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>1. Add grids and buildings…</source>
        <translation>第一步：添加网格和楼栋…</translation>
    </message>
    <message>
        <source>2. Import residents from an Excel roster… (Ctrl+I)</source>
        <translation>第二步：从 Excel 花名册导入居民…（Ctrl+I）</translation>
    </message>
    <message>
        <source>The ledger is empty. First add the community&apos;s grids with their buildings, then bring in the residents: import the Excel roster you keep today, or add households by hand on the Registry page. Help → User guide (F1) explains each step.</source>
        <translation>台账还是空的。请先添加本社区的网格和各网格的楼栋，再录入居民：导入您现在使用的 Excel 花名册，或在“居民户籍”页面逐户添加。“帮助 → 用户指南”（F1）有每一步的说明。</translation>
    </message>
    <message>
        <source>%1 grid(s) added. Now import the residents from an Excel roster, or add households on the Registry page.</source>
        <translation>已添加 %1 个网格。下一步：从 Excel 花名册导入居民，或在“居民户籍”页面逐户添加。</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <source>Add a grid</source>
        <translation>添加网格</translation>
    </message>
    <message>
        <source>e.g. Grid 1</source>
        <translation>如：第一网格</translation>
    </message>
    <message>
        <source>e.g. Building 1, Building 2, Building 3</source>
        <translation>如：1栋，2栋，3栋</translation>
    </message>
    <message>
        <source>Grid &amp;name</source>
        <translation>网格名称(&amp;N)</translation>
    </message>
    <message>
        <source>Grid &amp;worker</source>
        <translation>网格员(&amp;W)</translation>
    </message>
    <message>
        <source>Worker&apos;s &amp;phone</source>
        <translation>网格员电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Buildings</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <source>Separate building names with commas. More can be added later by importing a roster.</source>
        <translation>多个楼栋用逗号隔开。以后导入花名册时还可以自动添加楼栋。</translation>
    </message>
    <message>
        <source>Add grid %1</source>
        <translation>添加网格 %1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>The user guide was not found: %1</source>
        <translation>找不到用户指南：%1</translation>
    </message>
</context>
<context>
    <name>HardshipPage</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any review date</source>
        <translation>不限复核日期</translation>
    </message>
    <message>
        <source>Review due within 30 days</source>
        <translation>30天内到期复核</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>复核已逾期</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New enrolment…</source>
        <translation>新增登记…</translation>
    </message>
    <message>
        <source>Show due</source>
        <translation>查看到期</translation>
    </message>
    <message>
        <source>Show overdue</source>
        <translation>查看逾期</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Reviews due within 30 days: %1 · Overdue: %2</source>
        <translation>30天内到期年审：%1 · 已逾期：%2</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <source>e.g. 2 (leave empty if none)</source>
        <translation>如：2（无单元可不填）</translation>
    </message>
    <message>
        <source>e.g. 301</source>
        <translation>如：301</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Unit (room)</source>
        <translation>室</translation>
    </message>
    <message>
        <source>Housing type</source>
        <translation>住房类型</translation>
    </message>
    <message>
        <source>Registered elsewhere / living elsewhere</source>
        <translation>人户分离</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HouseholdEnrolmentsWidget</name>
    <message>
        <source>Add to a list…</source>
        <translation>加入困难群众清单…</translation>
    </message>
</context>
<context>
    <name>HouseholdFlagsDialog</name>
    <message>
        <source>Household flags</source>
        <translation>住户标记</translation>
    </message>
    <message>
        <source>A flag puts the household in a group that a visit rule can use (for example close attention every 14 days).</source>
        <translation>标记会把住户归入一个人群，走访规则可以按此人群设定周期（如重点关注每 14 天走访一次）。</translation>
    </message>
    <message>
        <source>New flag, e.g. close attention</source>
        <translation>新标记，如重点关注</translation>
    </message>
    <message>
        <source>Add flag</source>
        <translation>添加标记</translation>
    </message>
</context>
<context>
    <name>HouseholdMembersModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Residence type</source>
        <translation>人口类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>HouseholdView</name>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>住址：</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>Head of household:</source>
        <translation>户主：</translation>
    </message>
    <message>
        <source>Housing type:</source>
        <translation>住房类型：</translation>
    </message>
    <message>
        <source>Registered elsewhere / living elsewhere:</source>
        <translation>人户分离：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Flags…</source>
        <translation>住户标记…</translation>
    </message>
    <message>
        <source>Set or clear manual flags (e.g. close attention) that visit rules use</source>
        <translation>添加或取消本户的标记（如重点关注），走访规则按标记排期</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>标记：</translation>
    </message>
    <message>
        <source>Member / date</source>
        <translation>成员 / 日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变动记录</translation>
    </message>
    <message>
        <source>Hardship lists</source>
        <translation>困难群众清单</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>照片和附件</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(no head)</source>
        <translation>（无户主）</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>自 %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import residents from Excel</source>
        <translation>从 Excel 导入居民</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in to the ledger %1</source>
        <translation>登录台账 %1</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>请输入恢复密钥。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Neighbourhood Ledger — %1</source>
        <translation>社区台账 — %1</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>居民户籍</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难群众</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export roster (Excel)</source>
        <translation>导出花名册（Excel）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Roster builder (templates)…</source>
        <translation>花名册生成器（模板）(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Import roster (Excel)…</source>
        <translation>导入花名册（Excel）…(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找…(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Residents</source>
        <translation>居民(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;household…</source>
        <translation>新增住户(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;New resident…</source>
        <translation>新增居民(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit resident…</source>
        <translation>编辑居民(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Move to another household…</source>
        <translation>迁移(&amp;M)…</translation>
    </message>
    <message>
        <source>Moved &amp;away…</source>
        <translation>迁出(&amp;A)…</translation>
    </message>
    <message>
        <source>Record &amp;death…</source>
        <translation>死亡登记(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Split household…</source>
        <translation>分户(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户管理…(&amp;U)</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>审计记录…(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份与恢复…(&amp;B)</translation>
    </message>
    <message>
        <source>Clean up unused &amp;attachments…</source>
        <translation>清理未使用的附件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;full ID numbers</source>
        <translation>显示完整证件号(&amp;F)</translation>
    </message>
    <message>
        <source>Export &amp;residents roster…</source>
        <translation>导出居民花名册(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>首页(&amp;H)</translation>
    </message>
    <message>
        <source>R&amp;egistry</source>
        <translation>居民户籍(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>走访(&amp;V)</translation>
    </message>
    <message>
        <source>H&amp;ardship</source>
        <translation>困难群众(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>会议(&amp;M)</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>报表(&amp;P)</translation>
    </message>
    <message>
        <source>Record a &amp;visit…</source>
        <translation>录入走访(&amp;V)…</translation>
    </message>
    <message>
        <source>New &amp;meeting…</source>
        <translation>新建会议(&amp;M)…</translation>
    </message>
    <message>
        <source>New hardship &amp;enrolment…</source>
        <translation>新增困难群众登记(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>%1 households · %2 residents · %3 shown</source>
        <translation>在册 %1 户 · %2 人 · 当前显示 %3 人</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>Select a household in the tree first.</source>
        <translation>请先在左侧选择一户。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Restore finished</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <source>The database was restored. Please sign in again.</source>
        <translation>数据库已恢复，请重新登录。</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份与恢复…</translation>
    </message>
    <message>
        <source>The database was encrypted. Please sign in again.</source>
        <translation>数据库已加密，请重新登录。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The new language is used the next time the program starts.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>核对列对应</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update them from the file</source>
        <translation>按表格更新</translation>
    </message>
    <message>
        <source>Remember these choices for next time</source>
        <translation>记住本次的列对应，下次自动使用</translation>
    </message>
    <message>
        <source>Grid of new buildings:</source>
        <translation>新楼栋所属网格：</translation>
    </message>
    <message>
        <source>People already registered (same ID number):</source>
        <translation>系统中已有的人（身份证号相同）：</translation>
    </message>
    <message>
        <source>Header found on row {0}; {1} data rows. Correct any column the program matched wrongly.</source>
        <translation>表头在第 {0} 行，共 {1} 行数据。如有列对应不对，请在右侧改正。</translation>
    </message>
    <message>
        <source>(use the grid column / existing buildings)</source>
        <translation>（按表格中的“网格”列或已有楼栋）</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>New meeting</source>
        <translation>新增会议</translation>
    </message>
    <message>
        <source>Edit meeting</source>
        <translation>编辑会议</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>counted from attendees</source>
        <translation>按参会人员自动计算</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date, from, to</source>
        <translation>日期、开始、结束</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Host, recorder</source>
        <translation>主持人、记录人</translation>
    </message>
    <message>
        <source>Expected, present</source>
        <translation>应到、实到</translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation>遗留问题</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Outside unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit / post</source>
        <translation>单位/职务</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>缺席原因</translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation>添加参会人员</translation>
    </message>
    <message>
        <source>Remove attendee</source>
        <translation>删除参会人员</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Agenda and decisions</source>
        <translation>议题与决议</translation>
    </message>
    <message>
        <source>Signed minutes and photos</source>
        <translation>签字纪要和照片</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>新议题</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>删除议题</translation>
    </message>
    <message>
        <source>for</source>
        <translation>赞成</translation>
    </message>
    <message>
        <source>against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD)</source>
        <translation>截止时间（年-月-日）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>添加待办事项</translation>
    </message>
    <message>
        <source>Remove action item</source>
        <translation>删除待办事项</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>讨论情况</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决议</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>待办事项</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Present / expected</source>
        <translation>实到/应到</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决议数</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>未完成事项</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Needs and suggestions</source>
        <translation>诉求与建议</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>服务项目清单</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Search title, place, host</source>
        <translation>搜索会议名称、地点、主持人</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>新增会议…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export minutes PDF…</source>
        <translation>导出会议纪要 PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>The selected meeting&apos;s minutes as they will print.</source>
        <translation>所选会议的会议纪要，按打印效果预览。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Mark in progress</source>
        <translation>标记为进行中</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Add progress note…</source>
        <translation>记录进展…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Record step…</source>
        <translation>登记办理…</translation>
    </message>
    <message>
        <source>Overdue action items: %1</source>
        <translation>逾期待办事项：%1 项</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>删除会议</translation>
    </message>
    <message>
        <source>Delete this meeting with its agenda and action items?</source>
        <translation>删除此会议及其议题和待办事项吗？</translation>
    </message>
    <message>
        <source>Export minutes</source>
        <translation>导出会议纪要</translation>
    </message>
    <message>
        <source>Select a meeting first.</source>
        <translation>请先选择一个会议。</translation>
    </message>
    <message>
        <source>Export minutes PDF</source>
        <translation>导出会议纪要 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the minutes…</source>
        <translation>正在生成会议纪要…</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Progress today:</source>
        <translation>今日进展：</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation>迁移 %1</translation>
    </message>
    <message>
        <source>Now in:</source>
        <translation>现住户：</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Target household</source>
        <translation>迁入住户</translation>
    </message>
    <message>
        <source>Relation to new head</source>
        <translation>与新户主关系</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>迁移</translation>
    </message>
</context>
<context>
    <name>NeedEditor</name>
    <message>
        <source>New need or suggestion</source>
        <translation>登记诉求/建议</translation>
    </message>
    <message>
        <source>Edit need or suggestion</source>
        <translation>编辑诉求/建议</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>NeedStepDialog</name>
    <message>
        <source>Record handling step</source>
        <translation>登记办理环节</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Satisfaction (follow-up)</source>
        <translation>满意度（回访）</translation>
    </message>
</context>
<context>
    <name>NeedTableModel</name>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>OpenCheckoutDialog</name>
    <message>
        <source>Open check-out file</source>
        <translation>打开检出文件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>optional: encrypts the data for this account</source>
        <translation>可不填：填写后数据按此账号加密保存</translation>
    </message>
    <message>
        <source>Check-out file:</source>
        <translation>检出文件：</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>同步口令：</translation>
    </message>
    <message>
        <source>Keep working data in:</source>
        <translation>工作数据保存到：</translation>
    </message>
    <message>
        <source>Grid worker:</source>
        <translation>网格员账号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Use the file and passphrase you were given at the office. Work offline, then write a return file from the Field laptops menu.</source>
        <translation>请使用办公室交给您的检出文件和口令。外出时离线工作，回来后在“外出笔记本”菜单中导出交回文件。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the check-out file.</source>
        <translation>请选择检出文件。</translation>
    </message>
    <message>
        <source>Choose where to keep the working data.</source>
        <translation>请选择工作数据的保存位置。</translation>
    </message>
    <message>
        <source>The working data is ready: %1. Close this window to sign in.</source>
        <translation>工作数据已建立：%1。关闭此窗口后登录。</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Where the ledger is kept</source>
        <translation>数据库保存位置</translation>
    </message>
    <message>
        <source>Keep the database on this computer&apos;s own disk, not on a network share.</source>
        <translation>请把数据库放在本机硬盘上，不要放在网络共享文件夹中。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Office PC: the committee&apos;s main computer</source>
        <translation>办公室电脑：居委会的主电脑(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Field laptop: taken along on visits</source>
        <translation>外出笔记本：走访时随身带的电脑(&amp;F)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>This computer is</source>
        <translation>这台电脑是</translation>
    </message>
    <message>
        <source>Open a check-out file from the office instead…</source>
        <translation>改为打开办公室给的检出文件…</translation>
    </message>
    <message>
        <source>Ledger database (*.db)</source>
        <translation>台账数据库 (*.db)</translation>
    </message>
    <message>
        <source>Choose where to keep the database.</source>
        <translation>请选择数据库的保存位置。</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another file name, or open it with --db.</source>
        <translation>%1 已存在。请换一个文件名，或用 --db 打开这个已有的数据库。</translation>
    </message>
    <message>
        <source>This folder is on a network share. Choose a folder on this computer.</source>
        <translation>这个文件夹在网络共享上，请选择本机上的文件夹。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Show only rows with errors</source>
        <translation>只显示有错误的行</translation>
    </message>
    <message>
        <source>Save error rows to Excel…</source>
        <translation>把错误行保存为 Excel…</translation>
    </message>
    <message>
        <source>Stop checking</source>
        <translation>停止检查</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Checking stopped.</source>
        <translation>已停止检查。</translation>
    </message>
    <message>
        <source>. Rows with errors are not imported; save them, fix them and import them again.</source>
        <translation>。有错误的行不会导入；可保存错误行，改正后再导入。</translation>
    </message>
    <message>
        <source>Save error rows</source>
        <translation>保存错误行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Clean up unused attachments</source>
        <translation>清理未使用的附件</translation>
    </message>
    <message>
        <source>Removed attachments stay stored so that Undo works. This deletes for good the files no record has used for the chosen number of days; their space is reused for new files and later backups are smaller. Backups made before keep these files; make a backup first if unsure.</source>
        <translation>删除的附件仍会保留，以便撤销。此操作会彻底清除在所选天数内没有任何记录使用的文件；腾出的空间会用于新文件，之后的备份也会变小。之前做的备份里仍保留这些文件；如不确定，请先备份。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Unused for at least</source>
        <translation>未使用至少</translation>
    </message>
    <message>
        <source>%1 files (%2) would be freed.</source>
        <translation>可清理 %1 个文件（%2）。</translation>
    </message>
    <message>
        <source>%1 files (%2) were purged.</source>
        <translation>已清理 %1 个文件（%2）。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>This is the recovery key of the encrypted database. It is shown only now. Print it or write it down and keep it locked away (the director keeps it). Without it, a forgotten password or a lost key file means the data cannot be opened by anyone.</source>
        <translation>这是加密数据库的恢复密钥，只显示这一次。请打印或抄写下来，锁好保管（由社区书记/主任保管）。没有它，一旦忘记密码或丢失密钥文件，任何人都无法再打开这些数据。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>我已打印或抄写恢复密钥</translation>
    </message>
    <message>
        <source>Recovery key of the ledger database</source>
        <translation>社区台账数据库恢复密钥</translation>
    </message>
    <message>
        <source>Keep this sheet locked away. Anyone holding it can open the database.</source>
        <translation>请锁好保管此页。持有它的人可以打开数据库。</translation>
    </message>
</context>
<context>
    <name>RefreshDialog</name>
    <message>
        <source>Refresh from a new check-out</source>
        <translation>用新的检出文件刷新</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Check-out file:</source>
        <translation>检出文件：</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>同步口令：</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>您的登录密码：</translation>
    </message>
    <message>
        <source>%1 changes not yet applied at the office will be kept and sent with the next return file.</source>
        <translation>办公室尚未导入的 %1 处修改会保留，并随下一份交回文件一起交回。</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
    <message>
        <source>%1 — %2 residents</source>
        <translation>%1 — 共 %2 人</translation>
    </message>
</context>
<context>
    <name>RegistryTreeModel</name>
    <message>
        <source>(no head)</source>
        <translation>（无户主）</translation>
    </message>
    <message>
        <source>%1 %2 (%3 people)</source>
        <translation>%1 %2（%3人）</translation>
    </message>
    <message>
        <source>Grid worker: %1</source>
        <translation>网格员：%1</translation>
    </message>
    <message>
        <source>Grids, buildings and households</source>
        <translation>网格、楼栋与住户</translation>
    </message>
</context>
<context>
    <name>ReportPrinting</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>The PDF could not be read: %1</source>
        <translation>无法读取该 PDF 文件：%1。请重新生成后再打印。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Generate</source>
        <translation>生成月报</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Choose a month and a scope, then Generate.</source>
        <translation>请选择月份和统计范围，然后点击“生成月报”。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <source>Whole community</source>
        <translation>全社区</translation>
    </message>
    <message>
        <source>Generating the monthly report…</source>
        <translation>正在生成月报…</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Report ready: %1</source>
        <translation>月报已生成：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The report could not be generated: %1</source>
        <translation>月报生成失败：%1</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>Edit resident</source>
        <translation>编辑居民</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>Household: %1</source>
        <translation>所在住户：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Residence type</source>
        <translation>人口类别</translation>
    </message>
    <message>
        <source>Residence permit from</source>
        <translation>居住证起始日期</translation>
    </message>
    <message>
        <source>Residence permit until</source>
        <translation>居住证到期日期</translation>
    </message>
    <message>
        <source>Place of household registration</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>e.g. 1985-03-01</source>
        <translation>如：1985-03-01</translation>
    </message>
    <message>
        <source>18 characters; fills sex and date of birth</source>
        <translation>18 位，填好后自动带出性别和出生日期</translation>
    </message>
    <message>
        <source>mobile or landline, e.g. 0531-88888888</source>
        <translation>手机或座机，如 0531-88888888</translation>
    </message>
    <message>
        <source>migrants only</source>
        <translation>仅流动人口填写</translation>
    </message>
    <message>
        <source>Masked for your role. Type the whole new number to replace it.</source>
        <translation>按您的角色只显示脱敏号码。如需更改，请输入完整的新号码。</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Residence type</source>
        <translation>人口类别</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Old 15-digit ID number</source>
        <translation>旧版 15 位身份证号</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Write return file</source>
        <translation>导出交回文件</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>同步口令：</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>%1 changes not yet returned to the office.</source>
        <translation>有 %1 处修改尚未交回办公室。</translation>
    </message>
    <message>
        <source>%1 attachments added here go with it.</source>
        <translation>本机新增的 %1 个附件将一并交回。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Return file no. %1 with %2 changes written and verified: %3. Keep this laptop&apos;s data until the office has applied it.</source>
        <translation>第 %1 号交回文件已写入并校验（%2 处修改）：%3。办公室导入之前，请保留本机数据。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Annual review</source>
        <translation>年审/复核</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>复核结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Leave empty to keep</source>
        <translation>不填则不变</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>月保障金额（元）</translation>
    </message>
    <message>
        <source>Set next review date</source>
        <translation>指定下次复核日期</translation>
    </message>
</context>
<context>
    <name>RosterBuilderDialog</name>
    <message>
        <source>Roster builder</source>
        <translation>花名册生成器</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行（导出）…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Import template file…</source>
        <translation>导入模板文件…</translation>
    </message>
    <message>
        <source>Export template file…</source>
        <translation>导出模板文件…</translation>
    </message>
    <message>
        <source>Templates (double-click to run):</source>
        <translation>模板（双击即可运行）：</translation>
    </message>
    <message>
        <source>Preview first rows</source>
        <translation>预览前几行</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Full ID numbers and phone numbers (recorded in the audit log)</source>
        <translation>导出完整身份证号和电话（将记入审计记录）</translation>
    </message>
    <message>
        <source>Export (Excel or PDF)…</source>
        <translation>导出（Excel 或 PDF）…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>ID numbers and phones are masked unless you choose full numbers.</source>
        <translation>除非选择导出完整号码，身份证号和电话将脱敏显示。</translation>
    </message>
    <message>
        <source> (built-in)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <source>New roster</source>
        <translation>新花名册</translation>
    </message>
    <message>
        <source>Template “{0}” saved.</source>
        <translation>模板“{0}”已保存。</translation>
    </message>
    <message>
        <source>Showing the first {0} rows.</source>
        <translation>显示前 {0} 行。</translation>
    </message>
    <message>
        <source>Import roster template</source>
        <translation>导入花名册模板</translation>
    </message>
    <message>
        <source>Roster template (*.json)</source>
        <translation>花名册模板 (*.json)</translation>
    </message>
    <message>
        <source>Imported template “{0}”.</source>
        <translation>已导入模板“{0}”。</translation>
    </message>
    <message>
        <source>Export roster template</source>
        <translation>导出花名册模板</translation>
    </message>
    <message>
        <source>Template written to {0}</source>
        <translation>模板已保存到 {0}</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有生成文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>已导出 {0} 行到 {1}</translation>
    </message>
</context>
<context>
    <name>RosterModels</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Printed header</source>
        <translation>打印表头</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Writing {0} rows in one step; Cancel leaves the ledger unchanged.</source>
        <translation>正在一次性写入 {0} 行；取消则数据库保持原样。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>已取消导入，没有写入任何数据。</translation>
    </message>
    <message>
        <source>Imported: {0} new people, {1} new households, {2} new buildings; {3} updated; {4} skipped; {5} rows with errors not imported.</source>
        <translation>导入完成：新增 {0} 人、{1} 户、{2} 栋楼；更新 {3} 人；跳过 {4} 人；{5} 行有错误未导入。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周应访</translation>
    </message>
    <message>
        <source>Never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应访日期</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>所属人群</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Every (days)</source>
        <translation>走访周期（天）</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <source>Last attempt (nobody home)</source>
        <translation>上次未遇</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search: name, pinyin (zw), ID tail, phone, address (12栋2单元) — Ctrl+F</source>
        <translation>搜索：姓名、拼音（zw）、身份证号后几位、电话、地址（12栋2单元）— Ctrl+F</translation>
    </message>
    <message>
        <source>All residents</source>
        <translation>全部人口类别</translation>
    </message>
    <message>
        <source>Age from</source>
        <translation>年龄自</translation>
    </message>
    <message>
        <source>Age to</source>
        <translation>年龄至</translation>
    </message>
    <message>
        <source>All hardship lists</source>
        <translation>全部困难类别</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Former</source>
        <translation>含迁出/死亡</translation>
    </message>
    <message>
        <source>Include residents who moved out or died</source>
        <translation>同时搜索已迁出或已死亡的居民</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>%1 residents, %2 households</source>
        <translation>%1 人，%2 户</translation>
    </message>
</context>
<context>
    <name>ServiceItemEditor</name>
    <message>
        <source>Service item</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务提供方</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ServiceItemTableModel</name>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务提供方</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>服务时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Office PC</source>
        <translation>办公室电脑</translation>
    </message>
    <message>
        <source>Field laptop</source>
        <translation>外出笔记本</translation>
    </message>
    <message>
        <source>A new language is used after the program is restarted.</source>
        <translation>更改语言后需重新启动程序才能生效。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>This &amp;computer is</source>
        <translation>这台电脑是(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>In a dialog: save (the default button)</source>
        <translation>对话框中：保存（默认按钮）</translation>
    </message>
    <message>
        <source>In a dialog: cancel and close without saving</source>
        <translation>对话框中：取消，不保存直接关闭</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>下一个 / 上一个输入项</translation>
    </message>
    <message>
        <source>Fast visit entry: save and move to the next household</source>
        <translation>快速录入走访：保存并转到下一户</translation>
    </message>
    <message>
        <source>Search box: move into the results</source>
        <translation>搜索框：移到搜索结果中</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Dialogs and forms</source>
        <translation>对话框和表单</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split household %1</source>
        <translation>分户：%1</translation>
    </message>
    <message>
        <source>e.g. 302</source>
        <translation>如：302</translation>
    </message>
    <message>
        <source>Head of the new household</source>
        <translation>新户户主</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Unit (room)</source>
        <translation>室</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分户</translation>
    </message>
    <message>
        <source>Members who move to the new household:</source>
        <translation>分入新户的成员：</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何改动。</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>Field &amp;laptops</source>
        <translation>外出笔记本(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Write return file…</source>
        <translation>导出交回文件(&amp;W)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh from a check-out file…</source>
        <translation>用新的检出文件刷新(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Check out to a laptop…</source>
        <translation>检出到笔记本(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Apply return file…</source>
        <translation>导入交回文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Review conflicts…</source>
        <translation>同步冲突核对(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open check-out file…</source>
        <translation>打开检出文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突核对</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Add →</source>
        <translation>添加 →</translation>
    </message>
    <message>
        <source>Add blank column</source>
        <translation>添加空白列（签字等）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Columns (double-click a field to add it; edit a header to rename it)</source>
        <translation>列（双击字段添加；双击表头可改名）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>删除条件</translation>
    </message>
    <message>
        <source>Which rows (all conditions must hold; lists: separate values with 、)</source>
        <translation>筛选（须同时满足全部条件；多个取值用“、”分隔）</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>降序</translation>
    </message>
    <message>
        <source>Order and subtotals</source>
        <translation>排序和小计</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Group by (subtotal after each group):</source>
        <translation>分组（每组后加小计）：</translation>
    </message>
    <message>
        <source>Sum in subtotals:</source>
        <translation>小计求和：</translation>
    </message>
    <message>
        <source>Official header and footer</source>
        <translation>表头表尾（统计报表）</translation>
    </message>
    <message>
        <source>Notes printed under the table:</source>
        <translation>填表说明（印在表下）：</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>模板名称：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Counted as:</source>
        <translation>计数单位：</translation>
    </message>
    <message>
        <source>One row is:</source>
        <translation>每行是：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>TimelineTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Reason / notes</source>
        <translation>原因/说明</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>When enrolling: monthly amount (yuan)</source>
        <translation>批准在册时填写：月保障金额（元）</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>月保障金额（元）</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The ledger was locked because nobody used it for a while. %1, enter your password to continue.</source>
        <translation>台账因一段时间无人操作已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>May see full ID numbers and phone numbers (audited)</source>
        <translation>可查看完整身份证号和电话号码（记入审计）</translation>
    </message>
    <message>
        <source>Leave empty to keep the password</source>
        <translation>留空则不修改密码</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Grids (grid workers)</source>
        <translation>负责网格（网格员）</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>A grid worker needs at least one grid.</source>
        <translation>网格员至少要分配一个网格。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Full view</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Only an administrator can manage user accounts. You are signed in as %1 (%2).</source>
        <translation>只有管理员可以管理用户账号。您当前的登录身份是 %1（%2）。</translation>
    </message>
    <message>
        <source>Accounts of this ledger. Deactivated accounts cannot sign in; their past work stays in the audit trail.</source>
        <translation>本台账的用户账号。停用的账号不能登录，其以往操作仍保留在审计记录中。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
</context>
<context>
    <name>VisitEntryDialog</name>
    <message>
        <source>Record visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>Volunteers or colleagues, separated by commas</source>
        <translation>志愿者或同行人员，用逗号分隔</translation>
    </message>
    <message>
        <source>HH:MM (optional)</source>
        <translation>时:分（可不填）</translation>
    </message>
    <message>
        <source>Type a name, pinyin, phone or address, then Enter</source>
        <translation>输入姓名、拼音、电话或地址后按回车</translation>
    </message>
    <message>
        <source>No household chosen</source>
        <translation>尚未选择住户</translation>
    </message>
    <message>
        <source>Nobody home (attempt only)</source>
        <translation>未遇（无人在家，只算尝试）</translation>
    </message>
    <message>
        <source>Family situation</source>
        <translation>家庭基本情况</translation>
    </message>
    <message>
        <source>Difficulties</source>
        <translation>实际困难</translation>
    </message>
    <message>
        <source>Requests and suggestions</source>
        <translation>诉求与建议</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>后续工作计划</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>诉求事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD)</source>
        <translation>办理期限（年-月-日）</translation>
    </message>
    <message>
        <source>Add need</source>
        <translation>添加诉求</translation>
    </message>
    <message>
        <source>Remove need</source>
        <translation>删除诉求</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Also present</source>
        <translation>同行人员</translation>
    </message>
    <message>
        <source>Date, time</source>
        <translation>日期、时间</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Type, channel</source>
        <translation>类型、方式</translation>
    </message>
    <message>
        <source>Residents met</source>
        <translation>见到的居民</translation>
    </message>
    <message>
        <source>Needs raised</source>
        <translation>提出的诉求</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次走访日期</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>照片和附件</translation>
    </message>
    <message>
        <source>Save and next (Ctrl+Enter)</source>
        <translation>保存并下一户（Ctrl+回车）</translation>
    </message>
    <message>
        <source>(no head)</source>
        <translation>（未设户主）</translation>
    </message>
    <message>
        <source>Saved %1; %2 more due in the list</source>
        <translation>已保存 %1 户；列表中还有 %2 户待访</translation>
    </message>
    <message>
        <source>Choose a household first: type in the search field.</source>
        <translation>请先选择住户：在搜索框中输入。</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Nobody home</source>
        <translation>未遇</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>家庭基本情况</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>诉求数</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
</context>
<context>
    <name>VisitRulesModel</name>
    <message>
        <source>Group</source>
        <translation>适用人群</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>规则名称</translation>
    </message>
    <message>
        <source>Every (days)</source>
        <translation>走访周期（天）</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>%1 (no households now)</source>
        <translation>%1（目前没有住户）</translation>
    </message>
</context>
<context>
    <name>VisitSettingsDialog</name>
    <message>
        <source>Visit rules and types</source>
        <translation>走访规则和走访类型</translation>
    </message>
    <message>
        <source>Visit rules</source>
        <translation>走访规则</translation>
    </message>
    <message>
        <source>Visit types</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Only staff and administrators can change visit rules and types.</source>
        <translation>只有管理员和工作人员可以修改走访规则和走访类型。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>人群</translation>
    </message>
    <message>
        <source>every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>A household under several rules is visited as often as the strictest one asks. Double-click a name, interval or tier to change it.</source>
        <translation>一户适用多条规则时，按要求最频繁的一条走访。双击规则名称、周期或级别即可修改。</translation>
    </message>
    <message>
        <source>Delete the rule “%1”? It can be undone.</source>
        <translation>删除规则“%1”？可以撤销。</translation>
    </message>
    <message>
        <source>New visit type, e.g. holiday greetings</source>
        <translation>新的走访类型，如节日慰问</translation>
    </message>
    <message>
        <source>Add type</source>
        <translation>添加类型</translation>
    </message>
    <message>
        <source>Unchecked types are no longer offered for new visits; visits already recorded keep theirs.</source>
        <translation>取消勾选的类型不再用于新的走访登记；已登记的走访保持原类型。</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>Overdue, never visited or due this week</source>
        <translation>逾期、从未走访和本周应访</translation>
    </message>
    <message>
        <source>All households</source>
        <translation>全部住户</translation>
    </message>
    <message>
        <source>Visit history</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Record visit… (Enter)</source>
        <translation>登记走访…（回车）</translation>
    </message>
    <message>
        <source>Print visit record…</source>
        <translation>打印走访记录…</translation>
    </message>
    <message>
        <source>A PDF of the selected visit with its ticked photos.</source>
        <translation>生成所选走访的记录表（PDF），含勾选的照片。</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>删除走访记录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Rules and types…</source>
        <translation>走访规则和类型…</translation>
    </message>
    <message>
        <source>Flags…</source>
        <translation>住户标记…</translation>
    </message>
    <message>
        <source>Set or clear manual flags (e.g. close attention) on the selected household</source>
        <translation>为选中的住户添加或取消标记（如重点关注）</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Overdue %1 · never visited %2 · due this week %3</source>
        <translation>逾期 %1 户 · 从未走访 %2 户 · 本周应访 %3 户</translation>
    </message>
    <message>
        <source>Visit history: %1</source>
        <translation>走访记录：%1</translation>
    </message>
    <message>
        <source>Updating the visit plan…</source>
        <translation>正在按新规则更新走访计划…</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>走访计划</translation>
    </message>
    <message>
        <source>Save visit record</source>
        <translation>保存走访记录</translation>
    </message>
    <message>
        <source>Writing the visit record…</source>
        <translation>正在生成走访记录…</translation>
    </message>
    <message>
        <source>Delete the selected visit record? It can be undone.</source>
        <translation>删除选中的走访记录？可以撤销。</translation>
    </message>
</context>
</TS>
