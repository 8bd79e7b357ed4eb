"""The formats of `kehoach validate --fix`: what was fixed."""
