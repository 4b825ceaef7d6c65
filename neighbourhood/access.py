"""Who may do what: roles, grid scope and the full-view (unmask) permission.

Services call these checks before writing, so a screen can never bypass them.
"""
from __future__ import annotations

import dataclasses

from neighbourhood.errors import PermissionDenied

ADMIN, STAFF, GRID_WORKER, AUDITOR = "admin", "staff", "grid_worker", "auditor"
ROLE_NAMES = {ADMIN: "管理员", STAFF: "工作人员", GRID_WORKER: "网格员", AUDITOR: "只读/审计"}


@dataclasses.dataclass(frozen=True)
class Access:
    """The signed-in user's rights.  The default is the system (CLI, demo, tests)."""
    role: str = ADMIN
    user_id: str | None = None
    username: str = "system"
    display_name: str = "系统"
    grid_ids: frozenset[str] = frozenset()
    can_view_full: bool = False

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)

    @property
    def can_write(self) -> bool:
        return self.role != AUDITOR

    def require_write(self) -> None:
        if not self.can_write:
            raise PermissionDenied(f"“{self.role_name}”角色只能查看，不能修改数据。")

    def require_admin(self) -> None:
        if self.role != ADMIN:
            raise PermissionDenied("只有管理员可以进行此操作。")

    def may_edit_grid(self, grid_id: str | None) -> bool:
        if not self.can_write:
            return False
        if self.role == GRID_WORKER:
            return grid_id is not None and grid_id in self.grid_ids
        return True

    def require_grid(self, grid_id: str | None) -> None:
        """Raise unless the user may edit records in ``grid_id``."""
        self.require_write()
        if not self.may_edit_grid(grid_id):
            raise PermissionDenied("网格员只能修改自己负责网格内的住户和走访记录。")

    def require_staff(self) -> None:
        """Structure (grids, buildings) and settings: admin and staff only."""
        self.require_write()
        if self.role not in (ADMIN, STAFF):
            raise PermissionDenied("只有管理员和工作人员可以修改网格、楼栋和社区设置。")
