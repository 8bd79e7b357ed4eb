"""kehoach: commune plans for science, technology, innovation and digital transformation as YAML."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kehoach")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
