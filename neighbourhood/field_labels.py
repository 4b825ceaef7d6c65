"""Chinese names of every table and column of the ledger database (one catalogue).

Used wherever a raw field name would otherwise reach a user: the audit trail's change
column, sync refusals, validation messages (``neighbourhood.residents``,
``neighbourhood.enrolments``) and the roster builder's person fields read their labels
from here.  ``tests/core/test_field_labels.py`` fails when a column of a fresh database
has no label, so a migration that adds a column must add its label here.  Pure core.
"""
from __future__ import annotations

# Stamps every record table carries.
COMMON = {"id": "编号", "created_at": "创建时间", "updated_at": "修改时间", "updated_by": "修改人",
          "deleted_at": "删除时间", "sort_no": "排序号", "notes": "备注"}

_PERSON = {"name": "姓名", "sex": "性别", "birth_date": "出生日期", "id_number": "身份证号",
           "phone": "联系电话"}

TABLES: dict[str, str] = {
    "settings": "设置", "grids": "网格", "buildings": "楼栋", "households": "住户", "residents": "居民",
    "resident_events": "居民变动记录", "users": "用户账号", "user_grids": "用户负责网格", "audit_log": "操作记录",
    "search_tri": "搜索索引", "search_uni": "搜索索引（拼音）", "visit_types": "走访类型", "visits": "走访记录",
    "visit_visitors": "走访人员", "visit_residents": "走访对象", "visit_needs": "走访诉求",
    "visit_rules": "走访频次规则", "household_flags": "住户标记", "visit_last": "最近走访",
    "hardship_categories": "困难类别", "hardship_enrolments": "困难群众登记", "hardship_events": "困难群众变动记录",
    "hardship_assistance": "救助帮扶记录", "meetings": "会议", "meeting_attendees": "参会人员",
    "agenda_items": "议题", "action_items": "会议待办事项", "action_item_notes": "待办事项进展",
    "needs": "居民诉求", "need_steps": "诉求办理记录", "service_items": "服务项目", "visit_plan": "走访计划",
    "visit_plan_state": "走访计划状态", "visit_plan_dirty": "待重算走访计划", "attachment_blobs": "附件内容",
    "attachments": "附件", "roster_templates": "花名册模板", "sync_state": "同步标识", "sync_checkouts": "检出记录",
    "sync_devices": "外出笔记本", "sync_bundles": "已导入同步文件", "sync_conflicts": "同步冲突",
    "sync_link_base": "附件同步基准",
    "sync_changes": "笔记本修改记录", "sync_outbox": "待交回同步文件", "attachment_purge_gate": "附件清理许可",
}

COLUMNS: dict[str, dict[str, str]] = {
    "settings": {"key": "设置项", "value": "值"},
    "grids": {"name": "网格名称", "code": "网格编码", "worker_name": "网格员", "worker_phone": "网格员电话"},
    "buildings": {"grid_id": "网格", "name": "楼栋名称", "address": "地址", "leader_name": "楼栋长",
                  "leader_phone": "楼栋长电话", "floors": "层数"},
    "households": {"building_id": "楼栋", "entrance": "单元", "unit": "室", "head_resident_id": "户主",
                   "housing_type": "住房类型", "separated": "人户分离", "phone": "住户电话", "status": "住户状态"},
    "residents": {**_PERSON, "household_id": "住户", "id_flag": "身份证号标记", "relation": "与户主关系",
                  "residence_status": "人口类别", "permit_start": "居住证起始日期", "permit_end": "居住证到期日期",
                  "hukou_address": "户籍地址", "ethnicity": "民族", "political_status": "政治面貌",
                  "employment": "就业状况", "status": "状态", "status_date": "状态变更日期",
                  "name_pinyin": "姓名拼音", "name_initials": "姓名拼音首字母"},
    "resident_events": {"resident_id": "居民", "kind": "变动类型", "event_date": "变动日期",
                        "from_household_id": "迁出住户", "to_household_id": "迁入住户", "reason": "原因"},
    "users": {"username": "用户名", "display_name": "姓名", "role": "角色", "can_view_full": "可查看完整证件号码",
              "password_hash": "密码（加密）", "failed_attempts": "登录失败次数", "locked_until": "锁定至",
              "last_login_at": "上次登录时间", "wrapped_key": "数据库密钥（加密）", "active": "启用"},
    "user_grids": {"user_id": "用户", "grid_id": "网格"},
    "audit_log": {"seq": "序号", "at": "时间", "user_id": "用户", "username": "用户名", "action": "操作",
                  "table_name": "数据表", "record_id": "记录", "changes": "修改内容", "prev_hash": "上一条校验值",
                  "hash": "校验值"},
    "search_tri": {"name": "姓名", "address": "地址", "phone": "电话", "id_number": "身份证号"},
    "search_uni": {"chars": "文字", "pinyin": "拼音", "tails": "尾号"},
    "visit_types": {"name": "走访类型", "active": "启用"},
    "visits": {"household_id": "住户", "grid_id": "网格", "visit_date": "走访日期", "start_time": "开始时间",
               "visit_type": "走访类型", "channel": "走访方式", "nobody_home": "无人在家", "situation": "家庭基本情况",
               "difficulties": "困难问题", "requests": "诉求", "plan": "帮扶计划", "next_visit_date": "下次走访日期"},
    "visit_visitors": {"visit_id": "走访记录", "user_id": "用户", "name": "走访人", "role": "身份"},
    "visit_residents": {"visit_id": "走访记录", "resident_id": "走访对象"},
    "visit_needs": {"visit_id": "走访记录", "household_id": "住户", "what": "事项", "owner": "负责人",
                    "due_date": "办理期限", "status": "办理状态", "result": "办理结果", "resolved_at": "办结时间",
                    "need_id": "居民诉求"},
    "visit_rules": {"group_key": "适用人群", "interval_days": "走访间隔（天）", "label": "规则名称", "tier": "级别",
                    "active": "启用"},
    "household_flags": {"household_id": "住户", "flag": "标记"},
    "visit_last": {"household_id": "住户", "last_visit_date": "上次走访日期", "next_visit_date": "下次走访日期",
                   "last_attempt_date": "上次上门日期"},
    "hardship_categories": {"code": "类别代码", "name": "类别名称", "applies_to": "适用对象", "derived": "自动认定",
                            "min_age": "最低年龄", "fields": "附加项目", "review_months": "复核周期（月）",
                            "builtin": "内置", "active": "启用"},
    "hardship_enrolments": {"category_id": "困难类别", "household_id": "住户", "resident_id": "居民",
                            "status": "状态", "status_date": "状态变更日期", "applied_on": "申请日期",
                            "enrolled_on": "在册日期", "exited_on": "退出日期", "exit_reason": "退出原因",
                            "covered_count": "保障人数", "monthly_amount_fen": "月保障金额",
                            "start_month": "起始年月", "certificate_no": "证号", "support_mode": "保障方式",
                            "family_type": "家庭类别", "housing": "住房情况", "extra": "附加信息",
                            "review_months": "复核周期（月）", "last_review_date": "上次复核日期",
                            "next_review_date": "下次复核日期", "documents": "已收材料", "previous_id": "上一条登记"},
    "hardship_events": {"enrolment_id": "困难群众登记", "kind": "变动类型", "event_date": "日期",
                        "from_status": "原状态", "to_status": "新状态", "reason": "原因", "result": "复核结果",
                        "next_review_date": "下次复核日期", "handled_by": "经办人"},
    "hardship_assistance": {"given_on": "救助日期", "kind": "救助方式", "amount_fen": "金额", "items": "物品",
                            "source": "来源", "occasion": "事由", "handled_by": "经办人",
                            "enrolment_id": "困难群众登记", "household_id": "住户", "resident_id": "居民"},
    "meetings": {"type": "会议类型", "title": "会议名称", "meeting_date": "会议日期", "start_time": "开始时间",
                 "end_time": "结束时间", "place": "地点", "host": "主持人", "recorder": "记录人",
                 "expected_count": "应到人数", "present_count": "实到人数", "open_questions": "遗留问题"},
    "meeting_attendees": {"meeting_id": "会议", "kind": "类别", "resident_id": "居民", "user_id": "用户",
                          "name": "姓名", "unit": "单位", "status": "出席情况", "absence_reason": "缺席原因"},
    "agenda_items": {"meeting_id": "会议", "title": "议题", "discussion": "讨论情况", "decision": "决定",
                     "votes_for": "赞成票", "votes_against": "反对票", "votes_abstain": "弃权票"},
    "action_items": {"meeting_id": "会议", "agenda_item_id": "议题", "what": "事项", "owner": "负责人",
                     "due_date": "完成期限", "status": "状态", "done_date": "完成日期",
                     "reviewed_in_meeting_id": "复查会议"},
    "action_item_notes": {"action_item_id": "待办事项", "note_date": "日期", "content": "进展情况"},
    "needs": {"kind": "类型", "resident_id": "居民", "household_id": "住户", "anonymous": "匿名",
              "raised_by": "反映人", "channel": "反映渠道", "content": "诉求内容", "category": "诉求类别",
              "status": "办理状态", "received_date": "受理日期", "resolved_date": "办结日期",
              "satisfaction": "满意度", "adopted": "采纳", "handler": "承办人", "visit_id": "走访记录",
              "meeting_id": "会议"},
    "need_steps": {"need_id": "居民诉求", "step": "办理环节", "step_date": "日期", "content": "办理情况",
                   "handler": "经办人"},
    "service_items": {"name": "服务项目", "provider": "提供方", "contact": "联系方式", "schedule": "服务时间"},
    "visit_plan": {"household_id": "住户", "grid_id": "网格", "interval_days": "走访间隔（天）", "tier": "级别",
                   "groups": "所属人群", "sort_key": "排序键", "last_visit_date": "上次走访日期",
                   "next_visit_date": "下次走访日期", "last_attempt_date": "上次上门日期", "due_date": "应走访日期"},
    "visit_plan_state": {"built_for": "计算日期", "stale": "待重算"},
    "visit_plan_dirty": {"household_id": "住户"},
    "attachment_blobs": {"sha256": "校验值", "size": "大小", "mime": "文件类型", "width": "宽度", "height": "高度",
                         "thumbnail": "缩略图", "data": "文件内容"},
    "attachments": {"blob_sha256": "文件校验值", "owner_table": "所属记录类型", "owner_id": "所属记录",
                    "file_name": "文件名", "caption": "说明", "in_report": "打印时附上", "added_by": "添加人"},
    "attachment_purge_gate": {"opened_at": "开始清理时间"},
    "roster_templates": {"name": "模板名称", "entity": "花名册类型", "body": "模板内容"},
    "sync_state": {"key": "项目", "value": "值"},
    "sync_link_base": {"link_id": "附件", "fields": "上次取自笔记本的值"},
    "sync_checkouts": {"device_id": "设备编号", "device_name": "笔记本名称", "grid_ids": "检出网格",
                       "username": "携带人", "counts": "检出数量"},
    "sync_devices": {"device_id": "设备编号", "device_name": "笔记本名称", "applied_through": "已导入至第几条修改",
                     "last_seq": "最近文件序号", "last_applied_at": "最近导入时间"},
    "sync_bundles": {"bundle_id": "文件编号", "device_id": "设备编号", "seq": "文件序号",
                     "base_snapshot_id": "检出编号", "first_change": "首条修改", "last_change": "末条修改",
                     "changes_applied": "已导入修改数", "conflicts": "冲突数", "applied_at": "导入时间",
                     "applied_by": "导入人"},
    "sync_conflicts": {"bundle_id": "同步文件", "device_id": "设备编号", "kind": "冲突类型", "table_name": "数据表",
                       "record_id": "记录", "field": "字段", "base_value": "检出时的值", "laptop_value": "笔记本上的值",
                       "office_value": "办公室的值", "detail": "说明", "status": "状态", "choice": "处理结果",
                       "resolved_at": "处理时间", "resolved_by": "处理人"},
    "sync_changes": {"counter": "序号", "table_name": "数据表", "record_id": "记录", "action": "操作",
                     "changes": "修改内容", "at": "时间", "username": "用户名"},
    "sync_outbox": {"seq": "文件序号", "bundle_id": "文件编号", "path": "保存位置", "first_change": "首条修改",
                    "last_change": "末条修改", "created_at": "导出时间"},
}


def table_label(table: str) -> str:
    """The Chinese name of ``table`` (“记录” for a table the catalogue does not know)."""
    return TABLES.get(table, "记录")


def label(table: str, column: str) -> str:
    """The Chinese name of ``table.column``; the raw name when unknown (never raises)."""
    found = COLUMNS.get(table, {}).get(column)
    if found is None:
        found = COMMON.get(column, column)
    return found


def labels(table: str, columns) -> dict[str, str]:
    """{column: label} for ``columns`` of ``table`` (for modules that keep their own subset)."""
    return {c: label(table, c) for c in columns}


def missing(table: str, columns) -> list[str]:
    """Columns of ``table`` the catalogue has no label for."""
    return [c for c in columns if c not in COLUMNS.get(table, {}) and c not in COMMON]
