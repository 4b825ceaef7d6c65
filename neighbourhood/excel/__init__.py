"""Excel rosters out (花名册) and existing rosters in (import wizard core).

Public API::

    ROSTER_KINDS, RosterKind, Column, register          # kinds.py
    export_roster(ledger, kind, out=, filters=, full=, progress=, abort=)
    read_table(path, sheet=)  → Table                   # reader.py (safe on hostile files)
    propose_mapping(headers, memory) / remembered(ledger) / remember(ledger, headers, mapping)
    validate_import(ledger, table, mapping, options=, progress=, abort=) → ImportPlan
    apply_import(ledger, plan, progress=, abort=) → ImportResult
    write_error_rows(plan, out)
    ExcelFileError

Core only: nothing here imports Qt.
"""
from __future__ import annotations

from neighbourhood.excel.kinds import ROSTER_KINDS, Column, RosterKind, register
from neighbourhood.excel.export import ExportResult, export_roster
from neighbourhood.excel.safety import ExcelFileError
from neighbourhood.excel.mapping import (RESIDENT_FIELDS, propose_mapping, remember, remembered,
                                         mapping_problems)
from neighbourhood.excel.reader import Table, read_table, sheet_names
from neighbourhood.excel.importer import (ImportOptions, ImportPlan, ImportResult, apply_import,
                                          validate_import)
from neighbourhood.excel.errorfile import write_error_rows

__all__ = ["ROSTER_KINDS", "Column", "RosterKind", "register", "ExportResult", "export_roster",
           "ExcelFileError", "RESIDENT_FIELDS", "propose_mapping", "remember", "remembered",
           "mapping_problems", "Table", "read_table", "sheet_names", "ImportOptions", "ImportPlan",
           "ImportResult", "apply_import", "validate_import", "write_error_rows"]
