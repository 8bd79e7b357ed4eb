"""The formats of `kehoach validate`."""
