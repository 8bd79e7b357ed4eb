"""The formats of `kehoach progress`."""
