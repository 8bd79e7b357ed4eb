"""The formats of `kehoach init`."""
