"""``kehoach import``: a commune's Word plan read into a plan file.

reader (docx -> neutral tree, merged cells and numbering resolved) -> document/body/tables
(the plan's parts recognised; columns mapped by headings) -> emit (canonical YAML) -> run.
"""
