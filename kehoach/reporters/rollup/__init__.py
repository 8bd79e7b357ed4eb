"""The formats of `kehoach rollup`."""
