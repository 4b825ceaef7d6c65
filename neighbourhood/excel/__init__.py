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

import importlib

# Names load on first use: the window imports this package for the CLI parser
# and must not pay for openpyxl/xlsxwriter/calamine at start-up.
_WHERE = {
    "ROSTER_KINDS": "kinds", "Column": "kinds", "RosterKind": "kinds", "register": "kinds",
    "ExportResult": "export", "export_roster": "export", "ExcelFileError": "safety",
    "RESIDENT_FIELDS": "mapping", "propose_mapping": "mapping", "remember": "mapping",
    "remembered": "mapping", "mapping_problems": "mapping", "Table": "reader", "read_table": "reader",
    "sheet_names": "reader", "ImportOptions": "importer", "ImportPlan": "importer",
    "ImportResult": "importer", "apply_import": "importer", "validate_import": "importer",
    "write_error_rows": "errorfile",
}


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"neighbourhood.excel.{module}"), name)


__all__ = ["ROSTER_KINDS", "Column", "RosterKind", "register", "ExportResult", "export_roster",
           "ExcelFileError", "RESIDENT_FIELDS", "propose_mapping", "remember", "remembered",
           "mapping_problems", "Table", "read_table", "sheet_names", "ImportOptions", "ImportPlan",
           "ImportResult", "apply_import", "validate_import", "write_error_rows"]
