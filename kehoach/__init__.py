"""kehoach: commune plans for science, technology, innovation and digital transformation as YAML."""

# The one place the version is written (pyproject.toml reads it from here).
__version__ = "0.1.0"
