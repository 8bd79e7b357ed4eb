"""The formats of `kehoach import`."""
