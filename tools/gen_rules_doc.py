"""Writes the rules' reference from the rule registry: docs/rules.md in Vietnamese and
docs/en/rules.md in English, each rule's documentation as its module holds it.

    python tools/gen_rules_doc.py [OUT.md]   # write docs/rules.md and docs/en/rules.md
                                             # (or OUT.md and en/OUT.md beside it)

The reference is not committed: a rule is its module and its case file, nothing else, so the
reference is made from the rules themselves whenever it is wanted (``kehoach explain rule``
shows the same text, ``--lang en`` the English).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The rules of this source tree, not those of an installed kehoach: --check must see the rule
# modules beside the docs it checks, also after a non-editable install.
sys.path.insert(0, str(ROOT))

from kehoach.messages import severity_label, t  # noqa: E402
from kehoach.rules import REGISTRY, Rule  # noqa: E402

TARGET = ROOT / "docs" / "rules.md"
# Each language's file, relative to the Vietnamese one, and the link from it to the other language's.
FILES = {"vi": (Path("."), "en/{name}"), "en": (Path("en"), "../{name}")}


def targets(vi: Path) -> dict[str, Path]:
    """The file of each language when the Vietnamese reference is ``vi``."""
    return {lang: vi.parent / folder / vi.name for lang, (folder, _) in FILES.items()}


def severity_line(rule: type[Rule], lang: str) -> str:
    sev = rule.severity.label
    return t("rulesdoc.severity", lang, code=rule.code, label=severity_label(sev, lang),
             severity=sev)


def render(lang: str, name: str = TARGET.name) -> str:
    out = [
        f"# {t('rulesdoc.title', lang)}",
        "",
        t("rulesdoc.switch", lang, link=FILES[lang][1].format(name=name)),
        "",
        t("rulesdoc.generated", lang),
        t("rulesdoc.intro", lang),
        "",
        t("rulesdoc.table-head", lang),
        "|---|---|---|---|",
    ]
    for r in REGISTRY.values():
        label = severity_label(r.severity.label, lang)
        out.append(f"| {r.code} | [`{r.name}`](#{r.name}) | {label} | {r.summary(lang)} |")
    for r in REGISTRY.values():
        out += ["", f"## {r.name}", "", severity_line(r, lang), "", r.doc(lang)]
    return "\n".join(out) + "\n"


def main() -> int:
    vi = Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET
    for lang, path in targets(vi).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(lang, vi.name), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
