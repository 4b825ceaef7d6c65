"""Excel screens: the roster export dialog and the roster import wizard."""
