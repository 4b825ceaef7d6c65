"""Attachment screens: the reusable thumbnail panel and its list model."""
