"""The formats of `kehoach report`."""
