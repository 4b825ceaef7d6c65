"""Attachments (附件): files stored once by content hash and linked to records.

``files`` checks and prepares a file (no database); ``service`` is ``ledger.attachments``;
``transfer`` moves new attachments between two ledgers (sync).
"""
from __future__ import annotations

from neighbourhood.attachments.files import (DOWNSCALE_LONGEST, MAX_FILE_BYTES, PreparedFile,
                                             prepare)
from neighbourhood.attachments.service import OWNER_TABLES, Attachment, Attachments, ReportPhoto
from neighbourhood.attachments.transfer import AttachmentBundle, ImportResult

__all__ = ["Attachment", "AttachmentBundle", "Attachments", "DOWNSCALE_LONGEST", "ImportResult",
           "MAX_FILE_BYTES", "OWNER_TABLES", "PreparedFile", "ReportPhoto", "prepare"]
