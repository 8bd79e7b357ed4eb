"""The formats of `kehoach status`."""
