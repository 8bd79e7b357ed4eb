"""render speaks the language it is asked for in the warnings met while finding the plans."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import PLANS, plan_text
from .helpers import run

ROW = "- {id: t1, text: Một việc, lead: Công an xã, deadline: Quý II/2026}\n"


@pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")
@pytest.mark.parametrize(("lang", "said"), [
    ("en", "links to a file outside"),
    ("vi", "là liên kết tới một tệp nằm ngoài"),
])
def test_render_warns_of_a_link_out_of_the_folder_in_the_language_asked(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, said: str) -> None:
    plans = tmp_path / "plans" / "hp"
    plans.mkdir(parents=True)
    shutil.copy(PLANS / "hai-phong" / "units.yaml", plans / "units.yaml")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(plan_text(ROW)[0], encoding="utf-8")
    (plans / "link-out.yaml").symlink_to(outside)
    folder = [str(plans), "-o", f"{tmp_path / 'out'}/"]
    single = [str(plans / "link-out.yaml"), "-o", str(tmp_path / "one.md")]
    for args in (folder, single):
        r = run(capsys, "render", *args, "--format", "md", "--overwrite", "--lang", lang)
        assert r.code == 0, r
        warned = [line for line in r.err.splitlines() if "link-out.yaml" in line]
        assert len(warned) == 1 and said in warned[0], r.err
