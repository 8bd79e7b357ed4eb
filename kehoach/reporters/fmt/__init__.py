"""The formats of `kehoach fmt`."""
