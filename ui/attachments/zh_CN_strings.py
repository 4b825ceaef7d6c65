"""Chinese (zh_CN) translations of the attachment panel, to merge into the app's .ts/.qm.

{context: {English source: translation}}; the context is the class name (``self.tr``).
The household page's new group title is here too (the registry screens keep theirs in the .ts).
"""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "AttachmentPanel": {
        "Add files…": "添加文件…",
        "Paste image": "粘贴图片",
        "Open": "打开",
        "Remove": "删除",
        "Shrink photos (longest side %1 px)": "缩小图片（长边 %1 像素）",
        "Phone photos are several MB; shrunk they stay sharp on screen and in print.":
            "手机照片每张有几 MB；缩小后在屏幕和打印时仍然清晰，也更省空间。",
        "Drop files or photos here, or paste an image (Ctrl+V).": "可把文件或照片拖到这里，或粘贴图片（Ctrl+V）。",
        "Attach files": "添加附件",
        "Photos and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;All files (*)":
            "照片和 PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;所有文件 (*)",
        "Pasted image %1.png": "粘贴的图片 %1.png",
        "The clipboard holds no image or file to attach.": "剪贴板中没有可添加的图片或文件。",
        "“%1” is already in the list.": "“%1”已在列表中。",
        "Checking files…": "正在检查文件…",
        "Another record was opened; add the files again.": "已切换到另一条记录，请重新添加这些文件。",
        "These files may be scans of ID documents showing full ID numbers. Your account "
        "may not view full personal data, so only the thumbnails are shown. Ask an "
        "administrator if you need the original.":
            "这些附件可能是含完整身份证号的证件扫描件。您的账号没有“查看完整信息”权限，只能查看缩略图。"
            "如需打开原件，请联系管理员。",
    },
    "AttachmentListModel": {
        "%1 · %2 · not saved yet": "%1 · %2 · 尚未保存",
        " · tick to print it in the monthly report and the record PDF": " · 勾选后打印到月报和记录表中",
        "%1 · %2%3\nAdded by %4 on %5": "%1 · %2%3\n%4 于 %5 添加",
    },
    "PurgeDialog": {
        "Clean up unused attachments": "清理未使用的附件",
        "Removed attachments stay stored so that Undo works. This deletes for good the files no record "
        "has used for the chosen number of days; their space is reused for new files and later backups "
        "are smaller. Backups made before keep these files; make a backup first if unsure.":
            "删除的附件仍会保留，以便撤销。此操作会彻底清除在所选天数内没有任何记录使用的文件；"
            "腾出的空间会用于新文件，之后的备份也会变小。之前做的备份里仍保留这些文件；如不确定，请先备份。",
        " days": " 天",
        "Purge": "清理",
        "Unused for at least": "未使用至少",
        "%1 files (%2) would be freed.": "可清理 %1 个文件（%2）。",
        "%1 files (%2) were purged.": "已清理 %1 个文件（%2）。",
    },
    "MainWindow": {
        "Clean up unused &attachments…": "清理未使用的附件(&A)…",
    },
    "HouseholdView": {
        "Photos and files": "照片和附件",
    },
}
