"""The formats of `kehoach export`."""
