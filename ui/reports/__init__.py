"""The monthly report (月报) screen."""
