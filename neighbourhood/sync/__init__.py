"""Field laptops: check-out (office → laptop), change capture, return files (laptop →
office), merge with a conflict review queue.  Qt-free; reached as ``ledger.sync``.

Modules: :mod:`.bundle` (file format and encryption), :mod:`.checkout`, :mod:`.changelog`,
:mod:`.returns`, :mod:`.merge`, :mod:`.conflicts`, :mod:`.service`, :mod:`.cli`.
"""
