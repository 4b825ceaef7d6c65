"""The roster builder (花名册生成): describe a table once, print it from the ledger any month.

- :mod:`fields`: row entities and their fields (incl. related-entity and derived fields).
- :mod:`template`: :class:`Template` + JSON (``.nltemplate.json``) with validation.
- :mod:`query`: template → one SQL query (:mod:`db.queries.roster_builder`), rows with subtotals.
- :mod:`render_xlsx` / :mod:`render_pdf`: writers; :mod:`exports`: ``export_template`` (audited).
- :mod:`store`: ``ledger.rosters`` (saved templates, files, run); :mod:`builtin`: shipped templates.
- :mod:`preview`: the builder's first rows; :mod:`cli`: ``export-roster --template``, ``roster-templates``.

Core only: nothing here imports Qt.
"""
from __future__ import annotations
