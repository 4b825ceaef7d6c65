"""The roster builder screens (花名册生成): template list, editor, preview, export."""
