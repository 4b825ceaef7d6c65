"""Search as you type over residents and households.

Staff type whatever they have: part of a name (张 / 张伟), pinyin (zw, zhangw),
the last digits of an ID number, a phone fragment, or an address fragment
(12栋2单元).  Every term is answered from the FTS5 indexes (never a
``LIKE '%…%'`` scan); terms separated by spaces must all match.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from db.queries import search as sq
from db.search_index import spaced
from neighbourhood.masking import mask_row
from neighbourhood.records import address_of

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

_PINYIN = re.compile(r"^[a-zA-Z]+$")
_DIGITS = re.compile(r"^[0-9]+[xX]?$")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclasses.dataclass(frozen=True)
class SearchFilters:
    grid_id: str | None = None
    building_id: str | None = None
    residence_status: str | None = None      # 户籍 / 常住 / 流动
    age_min: int | None = None
    age_max: int | None = None
    party_member: bool | None = None
    hardship_category: str | None = None      # code of a hardship list (在册 on it)
    include_left: bool = False                 # also 迁出/死亡


@dataclasses.dataclass(frozen=True)
class SearchHit:
    kind: str                 # 'resident' or 'household'
    id: str
    household_id: str
    title: str                # name, or address for a household
    detail: str               # address / head and size
    grid_name: str
    id_number: str = ""       # masked unless allowed
    phone: str = ""
    status: str = "在册"
    rank: int = 2


def normalise_query(text: str | None) -> str:
    """Full-width digits, letters and spaces (from Chinese input methods) to half-width."""
    out = []
    for ch in text or "":
        code = ord(ch)
        if code == 0x3000:
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def term_match(term: str) -> list[tuple[str, str]] | None:
    """FTS (table, MATCH expression) alternatives for one term; None if unsearchable.

    Alternatives are OR-ed by putting them in one expression per table.
    """
    term = term.strip()
    if not term:
        return None
    if _PINYIN.match(term):
        return [("search_uni", f"pinyin : {term.lower()}*")]
    if _DIGITS.match(term):
        tail = f"tails : {term.upper()[::-1].lower()}*"
        if len(term) >= 3:
            return [("search_uni", tail), ("search_tri", "{phone id_number} : " + _quote(term.upper()))]
        return [("search_uni", tail)]
    if len(term) >= 3:
        return [("search_tri", _quote(term))]
    if _HAN.search(term):
        return [("search_uni", "chars : " + _quote(spaced(term)))]
    return None


_VOWELS = set("aeiouv")


def _may_start_full_pinyin(term: str) -> bool:
    """False for initials only ('zw', 'lxh'): no full-pinyin token starts with them, so the
    FTS prefix query reads a few short doclists.  Full-pinyin prefixes ('zh', 'qi', 'zhangw')
    match many long ones, and are answered from b-tree ranges instead."""
    t = term.lower()
    if len(t) == 1 or t[0] in _VOWELS or t[1] in _VOWELS:
        return True
    return t[:2] in ("zh", "ch", "sh") and (len(t) == 2 or t[2] in _VOWELS)


def _merge(combo: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One MATCH per table (FTS5 ANDs inside one query far faster than INTERSECT)."""
    by_table: dict[str, list[str]] = {}
    for table, expression in combo:
        by_table.setdefault(table, []).append(f"({expression})")
    return [(table, " AND ".join(parts)) for table, parts in by_table.items()]


def _age_bounds(filters: SearchFilters, today: _dt.date) -> list[tuple[str, Any]]:
    out = []
    if filters.age_min is not None:  # born on or before today - age_min years
        out.append(("r.birth_date <= ?", today.replace(year=today.year - filters.age_min).isoformat()
                    if not (today.month == 2 and today.day == 29) else f"{today.year - filters.age_min}-02-28"))
    if filters.age_max is not None:  # younger than age_max + 1
        limit = today.year - filters.age_max - 1
        day = today.replace(year=limit) if not (today.month == 2 and today.day == 29) else _dt.date(limit, 2, 28)
        out.append(("r.birth_date > ?", day.isoformat()))
    return out


class Search:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    def find(self, text: str, *, filters: SearchFilters | None = None, limit: int = 100,
             today: _dt.date | None = None) -> list[SearchHit]:
        """Residents (best first) then matching households, at most ``limit`` of each.

        Read-only; safe on a worker thread with its own connection.
        """
        filters = filters or SearchFilters()
        terms = [t for t in normalise_query(text).split() if t]
        if not terms:
            return []
        alternatives = [term_match(t) for t in terms]
        if any(a is None for a in alternatives):
            return []
        # One term may need two tables (ID tail or phone fragment): search each combination.
        combos: list[list[tuple[str, str]]] = [[]]
        for options in alternatives:
            combos = [c + [o] for c in combos for o in options]
        where, params = self._filters(filters, today or _dt.date.today())
        rank_text = terms[0] if len(terms) == 1 else ""
        residents: dict[str, dict[str, Any]] = {}

        def take(rows: list[dict[str, Any]]) -> None:
            for row in rows:
                if row["id"] not in residents or row["rank"] < residents[row["id"]]["rank"]:
                    residents[row["id"]] = row

        # Best hits first, from index ranges: a name or pinyin that starts with the term.
        # A one-letter or one-character term matches tens of thousands at street scale;
        # ranking all of them per keystroke would stall typing.
        if len(terms) == 1:
            term = terms[0]
            columns = (("name_pinyin", "name_initials") if _PINYIN.match(term)
                       else ("name",) if _HAN.search(term) else ())
            for column in columns:
                take(sq.residents_starting(self._l.conn, column, term.lower() if column != "name" else term,
                                           rank_text=rank_text, where=where, params=params, limit=limit,
                                           keys_only=True))
            if _PINYIN.match(term):
                take(self._mixed_pinyin(term, where, params, limit))
        hh_where = [w for w in where if w.startswith(("g.", "b."))]
        hh_params = [p for w, p in zip(where, params) if w.startswith(("g.", "b."))]
        found: list[dict[str, Any]] = []
        pinyin_term = len(terms) == 1 and _PINYIN.match(terms[0]) and _may_start_full_pinyin(terms[0])
        if pinyin_term:
            # Same households as the FTS prefix query, from b-tree ranges (see households_headed).
            ids = list(dict.fromkeys(
                rowid for column in ("name_pinyin", "name_initials")
                for rowid in sq.households_headed(self._l.conn, column, terms[0].lower(), where=hh_where,
                                                  params=hh_params, limit=limit)))[:limit]
            shown = {row["rowid"]: row for row in sq.households_by_rowid(self._l.conn, ids, where=[], params=[],
                                                                         limit=limit)}
            found = [shown[i] for i in ids if i in shown]
        if len(residents) < limit or not pinyin_term:
            for combo in combos:
                more, households = self._fts(combo, limit - len(residents) if len(residents) < limit else 0,
                                             0 if pinyin_term else limit, rank_text, where, params,
                                             hh_where, hh_params)
                take(more)
                found.extend(households)
        ranked = sorted(residents.values(), key=lambda r: (r["rank"], r["status"] != "在册",
                                                           r["name_pinyin"] or ""))[:limit]
        # Display rows (three joins each) only for the hits shown.
        shown = {row["rowid"]: row for row in sq.residents_by_rowid(
            self._l.conn, [r["rowid"] for r in ranked], rank_text=rank_text)}
        hits = []
        for key in ranked:
            row = shown.get(key["rowid"])
            if row is not None:
                row["rank"] = key["rank"]
                hits.append(self._resident_hit(row))
        seen: set[str] = set()
        for row in found:
            if row["id"] in seen or len(seen) >= limit:
                continue
            seen.add(row["id"])
            address = address_of(row["building_name"], row["entrance"], row["unit"])
            hits.append(SearchHit("household", row["id"], row["id"], address,
                                  f"户主 {row['head_name'] or '（未设）'}，{row['member_count']} 人",
                                  row["grid_name"]))
        return hits

    def _fts(self, combo: list[tuple[str, str]], residents: int, households: int, rank_text: str,
             where: list[str], params: list[Any], hh_where: list[str],
             hh_params: list[Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Up to ``residents`` residents and ``households`` households matching ``combo``, in
        document order, from one pass over the FTS match (it costs more than the rows)."""
        found: list[dict[str, Any]] = []
        homes: list[dict[str, Any]] = []
        if residents <= 0 and households <= 0:
            return found, homes
        cursor = sq.match_docids(self._l.conn, _merge(combo))
        while len(found) < residents or len(homes) < households:
            chunk = cursor.fetchmany(500)
            if not chunk:
                break
            if len(found) < residents:
                found += sq.residents_by_rowid(self._l.conn, [d // 2 for (d,) in chunk if d % 2 == 0],
                                               rank_text=rank_text, where=where, params=params,
                                               limit=residents - len(found), keys_only=True)
            if len(homes) < households:
                homes += sq.households_by_rowid(self._l.conn, [d // 2 for (d,) in chunk if d % 2 == 1],
                                                where=hh_where, params=hh_params, limit=households - len(homes))
        return found, homes

    def _mixed_pinyin(self, term: str, where: list[str], params: list[Any], limit: int) -> list[dict[str, Any]]:
        """Full syllables mixed with initials ('zhangwm', 'zwming'): candidates from an
        index-only range (initials prefix and first syllable), kept if every part starts
        its syllable; display rows are read only for those."""
        from neighbourhood.pinyin import matches_mixed, segments

        parts = segments(term)
        if len(parts) < 2 or all(len(p) == 1 for p in parts):
            return []  # plain initials are already answered
        initials = "".join(p[0] for p in parts)
        # Filters other than the status (a grid, an age…) may drop most matches: look further.
        wanted = limit * 2 if len(where) <= 1 else limit * 20
        rowids = []
        for rowid, name in sq.mixed_candidates(self._l.conn, initials, parts[0], limit=limit * 50):
            if matches_mixed(name, parts):
                rowids.append(rowid)
                if len(rowids) >= wanted:
                    break
        found = sq.residents_by_rowid(self._l.conn, rowids, rank_text=term, where=where, params=params,
                                      limit=limit, keys_only=True)
        for row in found:
            row["rank"] = min(row["rank"], 1)
        return found

    def _filters(self, f: SearchFilters, today: _dt.date) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if f.grid_id:
            where.append("g.id = ?")
            params.append(f.grid_id)
        if f.building_id:
            where.append("b.id = ?")
            params.append(f.building_id)
        if f.residence_status:
            where.append("r.residence_status = ?")
            params.append(f.residence_status)
        for clause, value in _age_bounds(f, today):
            where.append(clause)
            params.append(value)
        if f.party_member is True:
            where.append("r.political_status LIKE ?")
            params.append("中共%")
        elif f.party_member is False:
            where.append("coalesce(r.political_status, '') NOT LIKE ?")
            params.append("中共%")
        if f.hardship_category:
            # The person is on a person list, or their household on a household list.
            where.append("EXISTS (SELECT 1 FROM hardship_enrolments e JOIN hardship_categories c"
                         " ON c.id = e.category_id WHERE c.code = ? AND e.status = '在册'"
                         " AND e.deleted_at IS NULL AND (e.resident_id = r.id OR e.household_id = r.household_id))")
            params.append(f.hardship_category)
        if not f.include_left:
            where.append("r.status = ?")
            params.append("在册")
        return where, params

    def _resident_hit(self, row: dict[str, Any]) -> SearchHit:
        full = self._l.listing.show_full and self._l.access.can_view_full
        mask_row(row, full=full)
        address = address_of(row["building_name"], row["entrance"], row["unit"])
        age = ""
        if row["birth_date"]:
            born = _dt.date.fromisoformat(row["birth_date"])
            today = _dt.date.today()
            age = f"，{today.year - born.year - ((today.month, today.day) < (born.month, born.day))}岁"
        return SearchHit("resident", row["id"], row["household_id"], row["name"],
                         f"{row['sex'] or ''}{age}，{address}", row["grid_name"],
                         row["id_number"] or "", row["phone"] or "", row["status"], row["rank"])
