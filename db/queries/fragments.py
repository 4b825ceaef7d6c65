"""SQL fragments shared by several query modules (one definition each)."""
from __future__ import annotations


def live_household(alias: str = "") -> str:
    """The condition of a live 在册 household (``alias``: the table's alias, '' for none)."""
    p = f"{alias}." if alias else ""
    return f"{p}deleted_at IS NULL AND {p}status = '在册'"


# Every live 在册 household's id (the "所有住户" group; the schedule's default households).
LIVE_HOUSEHOLDS = f"SELECT id FROM households WHERE {live_household()}"

# A household's address, '12栋2单元301室': the rule of neighbourhood.records.address_of.
# Needs the household as ``h`` and its building as ``b``.
ADDRESS = """b.name || CASE WHEN coalesce(h.entrance, '') = '' THEN ''
                             WHEN h.entrance LIKE '%单元' THEN h.entrance ELSE h.entrance || '单元' END
                     || CASE WHEN h.unit LIKE '%室' THEN h.unit ELSE h.unit || '室' END"""


def visitor_names(visit: str = "v") -> str:
    """Subquery: the live visitors' names of the visit aliased ``visit``, '、'-joined in their order."""
    return (f"(SELECT group_concat(name, '、') FROM (SELECT vv.name FROM visit_visitors vv"
            f" WHERE vv.visit_id = {visit}.id AND vv.deleted_at IS NULL ORDER BY vv.sort_no))")
