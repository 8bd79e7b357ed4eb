"""The formats of every command: ``reporters/<command>/<format>.py``, one module per format.

Each module defines one :class:`kehoach.output.Formatter`; :mod:`kehoach.output` finds them and
chooses among them. Modules whose name starts with ``_`` hold what a command's formats share.
"""
