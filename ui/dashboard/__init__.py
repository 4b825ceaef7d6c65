"""The home dashboard."""
