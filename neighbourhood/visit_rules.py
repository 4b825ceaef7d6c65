"""Visit rules (how often each household group is visited), visit types and manual flags.

A rule says "households in group ``group_key`` are visited every
``interval_days`` days" with a tier (高风险/重点/一般).  Groups come from
:mod:`neighbourhood.groups`; manual flags are the groups ``flag:<name>``,
registered here as a dynamic provider at import.  Mixed into
:class:`neighbourhood.visits.Visits`.  Thread: the ledger's thread.  Rules and
types need staff rights; flags need the household's grid.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from db.queries import visits as q
from neighbourhood import groups
from neighbourhood.errors import NotFound, ValidationError
from neighbourhood.visit_schedule import TIERS

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

FLAG_PREFIX = "flag:"
# Keys of groups that other modules register later; a rule may name them already.
LATER_PREFIXES = ("hardship:", FLAG_PREFIX)


@dataclasses.dataclass(frozen=True)
class VisitRule:
    id: str
    group_key: str
    interval_days: int
    label: str
    tier: str = "一般"
    active: bool = True

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "VisitRule":
        return cls(row["id"], row["group_key"], int(row["interval_days"]), row["label"], row["tier"],
                   bool(row["active"]))


@dataclasses.dataclass(frozen=True)
class VisitType:
    id: str
    name: str
    active: bool = True
    sort_no: int = 0


def _flag_groups(conn) -> list[groups.Group]:
    try:
        names = q.flag_names(conn)
    except Exception:  # noqa: BLE001 - a database not yet at schema 0004 has no flags
        return []
    return [groups.Group(f"{FLAG_PREFIX}{name}", name, _flag_selector(name)) for name in names]


def _flag_selector(name: str) -> groups.Selector:
    def select(_today: str) -> tuple[str, tuple]:
        return ("SELECT household_id FROM household_flags WHERE flag = ? AND deleted_at IS NULL", (name,))
    return select


groups.register_dynamic(_flag_groups)


class RulesMixin:
    """Rules, types and flags; expects ``self._l`` (the ledger) and ``self.today``."""

    _l: "Ledger"

    # --- rules -------------------------------------------------------------------------

    def rules(self, *, active_only: bool = False) -> list[VisitRule]:
        return [VisitRule.from_row(r) for r in q.visit_rules(self._l.conn, active_only=active_only)]

    def rule(self, rule_id: str) -> VisitRule:
        row = q.visit_rule(self._l.conn, rule_id)
        if row is None:
            raise NotFound("走访规则不存在或已删除")
        return VisitRule.from_row(row)

    def _rule_values(self, values: dict[str, Any], *, new: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if new or "group_key" in values:
            key = (values.get("group_key") or "").strip()
            if not key:
                raise ValidationError("请选择走访规则适用的人群", field="group_key")
            if groups.get(self._l.conn, key) is None and not key.startswith(LATER_PREFIXES):
                raise ValidationError(f"未知的人群：{key}", field="group_key")
            out["group_key"] = key
        if new or "interval_days" in values:
            try:
                days = int(values.get("interval_days"))
            except (TypeError, ValueError):
                raise ValidationError("走访间隔应为天数（如 7、30、365）", field="interval_days") from None
            if not 1 <= days <= 3660:
                raise ValidationError("走访间隔应在 1 到 3660 天之间", field="interval_days")
            out["interval_days"] = days
        if new or "label" in values:
            label = (values.get("label") or "").strip()
            if not label:
                group = groups.get(self._l.conn, out.get("group_key") or "")
                label = group.label if group else ""
            if not label:
                raise ValidationError("请填写规则名称", field="label")
            out["label"] = label
        if new or "tier" in values:
            tier = values.get("tier") or "一般"
            if tier not in TIERS:
                raise ValidationError(f"级别应为：{'、'.join(TIERS)}", field="tier")
            out["tier"] = tier
        if "active" in values:
            out["active"] = 1 if values["active"] else 0
        return out

    def add_rule(self, *, group_key: str, interval_days: int, label: str | None = None,
                 tier: str = "一般", active: bool = True) -> VisitRule:
        self._l.access.require_staff()
        values = self._rule_values(dict(group_key=group_key, interval_days=interval_days, label=label,
                                        tier=tier, active=active), new=True)
        with self._l.operation("新增走访规则"):
            rule_id = self._l.writer.insert("visit_rules", values)
        return self.rule(rule_id)

    def update_rule(self, rule_id: str, **changes: Any) -> VisitRule:
        self._l.access.require_staff()
        self.rule(rule_id)
        values = self._rule_values(changes, new=False)
        with self._l.operation("修改走访规则"):
            self._l.writer.update("visit_rules", rule_id, values)
        return self.rule(rule_id)

    def delete_rule(self, rule_id: str) -> None:
        self._l.access.require_staff()
        self.rule(rule_id)
        with self._l.operation("删除走访规则"):
            self._l.writer.soft_delete("visit_rules", rule_id)

    def group_choices(self) -> list[tuple[str, str]]:
        """(key, label) of every group a rule can name now."""
        return [(g.key, g.label) for g in groups.all_groups(self._l.conn)]

    # --- visit types -------------------------------------------------------------------

    def types(self, *, include_inactive: bool = False) -> list[VisitType]:
        return [VisitType(r["id"], r["name"], bool(r["active"]), r["sort_no"])
                for r in q.visit_types(self._l.conn, include_inactive=include_inactive)]

    def add_type(self, name: str) -> VisitType:
        self._l.access.require_staff()
        name = (name or "").strip()
        if not name:
            raise ValidationError("请填写走访类型名称", field="name")
        existing = self.types(include_inactive=True)
        if any(t.name == name for t in existing):
            raise ValidationError(f"已有走访类型“{name}”", field="name")
        with self._l.operation("新增走访类型"):
            type_id = self._l.writer.insert("visit_types", dict(
                name=name, sort_no=max((t.sort_no for t in existing), default=0) + 1))
        return next(t for t in self.types(include_inactive=True) if t.id == type_id)

    def set_type_active(self, type_id: str, active: bool) -> None:
        self._l.access.require_staff()
        with self._l.operation("停用走访类型" if not active else "启用走访类型"):
            self._l.writer.update("visit_types", type_id, {"active": 1 if active else 0})

    # --- manual flags ------------------------------------------------------------------

    def flags(self, household_id: str) -> list[str]:
        return [r["flag"] for r in q.flags_of(self._l.conn, household_id)]

    def flag_choices(self) -> list[str]:
        """Flag names in use on households or named by a rule (``flag:<name>``), sorted."""
        named = {r.group_key[len(FLAG_PREFIX):] for r in self.rules() if r.group_key.startswith(FLAG_PREFIX)}
        return sorted(set(q.flag_names(self._l.conn)) | named)

    def set_flag(self, household_id: str, flag: str) -> None:
        """Put a household in the manual group ``flag:<flag>`` (idempotent)."""
        self._l.access.require_grid(self._l.households.grid_of(household_id))
        self._l.households.get(household_id)
        flag = (flag or "").strip()
        if not flag:
            raise ValidationError("请填写标记名称（如“重点关注”）", field="flag")
        if q.flag_row(self._l.conn, household_id, flag):
            return
        with self._l.operation(f"标记住户：{flag}"):
            self._l.writer.insert("household_flags", dict(household_id=household_id, flag=flag))

    def clear_flag(self, household_id: str, flag: str) -> None:
        self._l.access.require_grid(self._l.households.grid_of(household_id))
        row = q.flag_row(self._l.conn, household_id, flag)
        if row is None:
            return
        with self._l.operation(f"取消住户标记：{flag}"):
            self._l.writer.soft_delete("household_flags", row["id"])
