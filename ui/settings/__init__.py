"""The settings dialog (language and other per-PC preferences kept in QSettings)."""
