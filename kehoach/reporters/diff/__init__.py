"""The formats of `kehoach diff`."""
