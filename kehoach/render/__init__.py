"""kehoach render: the plan as the official document (Word, PDF) and as Markdown or HTML.

``batch.render_files`` is what the command calls; ``batch.render_plan`` renders one plan model
to bytes. See docs/render.md for the format rules, the templates and the design.
"""
