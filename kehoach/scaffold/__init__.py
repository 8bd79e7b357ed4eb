"""A city's plan repository: the files ``kehoach init`` lays down, the plan ``kehoach new``
starts from, and the check that the repository's schema copy matches the installed kehoach.

The templates are package data (``files/``), read through importlib.resources so that a wheel
ships them; the city files kehoach knows (the indicator catalog, each city's unit registry) are
the repository's own ``plans/`` files, shipped as ``kehoach.cityfiles``.
"""
