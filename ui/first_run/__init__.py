"""The first-run wizard: a new community ledger, its administrator and where it lives."""
