"""Rendering a text template (Markdown, HTML) with Jinja: plan text goes in as values, never as source.

The environment is sandboxed (a custom template cannot reach into Python) and strict (a
misspelt variable is an error, not an empty string); a template that fails says where.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import DictLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import KehoachError
from . import templates
from .templates import Template


def render(main: Template, context: dict[str, Any], *, autoescape: bool,
           finalize: Callable[[Any], Any] | None = None, filters: dict[str, Callable[..., Any]] | None = None,
           includes: tuple[str, ...] = ()) -> str:
    sources = {name: templates.text(templates.bundled(name)) for name in includes}
    sources["main"] = templates.text(main)
    env = SandboxedEnvironment(loader=DictLoader(sources), autoescape=autoescape, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                               finalize=finalize)
    env.filters.update(filters or {})
    try:
        return env.get_template("main").render(context)
    except TemplateSyntaxError as e:
        raise KehoachError("render.template-broken", path=f"{main.name}:{e.lineno}", reason=e.message) from None
    except TemplateError as e:
        raise KehoachError("render.template-broken", path=main.name, reason=e.message or type(e).__name__) from None
