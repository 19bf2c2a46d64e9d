"""Framework-free helpers: nothing here imports Django."""
