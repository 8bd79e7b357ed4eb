"""The formats of `kehoach explain`."""
