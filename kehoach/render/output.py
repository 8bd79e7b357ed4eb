"""Where rendered documents go, and writing them without ever leaving half a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..discovery import discover
from ..errors import KehoachError
from ..output import formatter, names_folder


@dataclass(frozen=True, slots=True)
class Job:
    source: Path
    display: str
    target: Path


def plan_jobs(paths: list[str], fmt: str, output: str | None, lang: str = "vi") -> list[Job]:
    """One job per plan. A single plan file with ``-o FILE`` goes to FILE; otherwise ``-o`` (or
    the current folder) is a folder, and each plan keeps its place under the folder it was found in:
    ``plans/hai-phong`` → ``OUT/hai-an.docx``, ``plans`` → ``OUT/hai-phong/hai-an.docx``."""
    ext = formatter("render", fmt).extensions[0]
    single = len(paths) == 1 and not Path(paths[0]).is_dir()
    jobs: list[Job] = []
    if single and output is not None and not names_folder(output):
        (source, display), = discover(paths, lang)
        return [Job(source, display, Path(output))]
    folder = Path(output) if output is not None else Path(".")
    seen: dict[Path, str] = {}
    for raw in paths:
        base = Path(raw)
        for source, display in discover([raw], lang):
            rel = source.relative_to(base) if base.is_dir() else Path(source.name)
            target = folder / rel.with_suffix(ext)
            key = target.resolve()
            if key in seen:
                if seen[key] == display:
                    continue
                raise KehoachError("render.same-target", path=str(target), first=seen[key], second=display)
            seen[key] = display
            jobs.append(Job(source, display, target))
    return jobs


def check_targets(jobs: list[Job], overwrite: bool) -> None:
    """Refuse, before any work, to replace files the user has not said may be replaced."""
    if overwrite:
        return
    existing = [j.target for j in jobs if j.target.exists()]
    if existing:
        raise KehoachError("render.exists", path=str(existing[0]), count=len(existing))


