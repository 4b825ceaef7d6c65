"""Help: the user guide browser and the keyboard shortcuts page."""
