"""The document formats of `kehoach render`: each writes one plan as a document."""
