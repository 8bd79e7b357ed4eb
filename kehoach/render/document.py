"""What a document format of ``render`` receives: the plan's view and the template to use."""

from __future__ import annotations

from dataclasses import dataclass

from .context import DocumentView
from .templates import Template


@dataclass(frozen=True, slots=True)
class Document:
    view: DocumentView
    template: Template | None = None     # None: the bundled template of the format
