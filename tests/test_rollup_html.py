"""The HTML dashboard: self-contained, plan text escaped, and it works in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import run
from .test_rollup import add_actuals, add_progress, city, copy_plans, with_city_target

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_plans(tmp_path, monkeypatch)


HOSTILE = "Vĩnh Hải <script>alert(1)</script> & {{ 7*7 }} {% if true %}x{% endif %}"


def _hostile(plans: Path) -> None:
    """Plan text that would be markup or template code if it were not treated as data."""
    plan = city(plans) / "vinh-hai.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("  commune: Vĩnh Hải\n", f"  commune: '{HOSTILE}'\n", 1)
    text = text.replace('text: "- Tỷ lệ phủ sóng 5G trên địa bàn xã"', 'text: "5G <b>đậm</b> & {{ x }}"', 1)
    text = text.replace("title: XÂY DỰNG CÁC VĂN BẢN CHỈ ĐẠO", "title: 'XÂY DỰNG <img src=x onerror=alert(2)>'", 1)
    text = text.replace("lead: Phòng Văn hóa - Xã hội\n", "lead: Phòng <svg onload=alert(3)>\n", 1)
    plan.write_text(text, encoding="utf-8")
    add_actuals(plan, "ct.I.1", ("2026-03-31", "<i>sáu mươi</i>"), ("2026-04-30", "64%"))


def _dashboard(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> Path:
    with_city_target(plans, "ht.5g", "≥ 70%")
    _hostile(plans)
    add_actuals(city(plans) / "an-lao.yaml", "ctvb.1", ("2026-03-31", "85%"))
    add_progress(city(plans) / "hai-an.yaml", "pl4.I.6", ("2026-01-10", "hoàn thành", "2026-01-05"))
    out = tmp_path / "tong-hop.html"
    r = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "html", "-o", str(out))
    assert r.code == 0, r.err
    return out


def test_plan_text_is_escaped_and_nothing_is_fetched(capsys: pytest.CaptureFixture[str], plans: Path,
                                                      tmp_path: Path) -> None:
    html = _dashboard(capsys, plans, tmp_path).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}" in html
    assert "{% if true %}x{% endif %}" in html                    # never evaluated as a template
    assert "<b>đậm</b>" not in html and "5G &lt;b&gt;đậm&lt;/b&gt; &amp; {{ x }}" in html
    assert "<img" not in html and "<svg onload" not in html and "&lt;img src=x" in html
    assert "&lt;i&gt;sáu mươi&lt;/i&gt;" in html                 # the unreadable value, in its finding
    tags = _tags(html)
    assert [t for t, _ in tags if t in ("script", "img", "iframe", "link", "object", "embed", "form")] == ["script"]
    links = [(t, k, v) for t, attrs in tags for k, v in attrs if k in ("src", "href", "action", "srcset")]
    assert links and all(k == "href" and v and v.startswith("#") for _, k, v in links)    # in-page anchors only
    assert "url(" not in html and "@import" not in html
    assert "default-src 'none'" in html and "sha256-" in html
    # Vietnamese labels, the rule of every figure, gaps named
    assert '<html lang="vi">' in html and "Cách tính" in html and "không có chỉ tiêu này" in html
    assert "point-latest" in html and "Chỉ tiêu thành phố" in html and "Kế hoạch số 359/KH-UBND" in html


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(html)
    return found


def test_english_labels(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "en.html"
    assert run(capsys, "rollup", str(plans), "--format", "html", "-o", str(out), "--lang", "en",
               "--indicator", "ht.5g").code == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "no such indicator" in html and "Units with the most overdue" in html


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: the page is not checked in a browser")
def test_the_page_in_chromium(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    page = _dashboard(capsys, plans, tmp_path)
    dom = _chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile").stdout
    # the inline script ran although the policy forbids every other script: its hash is right
    assert 'tabindex="0"' in dom
    assert dom.count("<script") == 1 and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=alert(2)&gt;" in dom and "<img" not in dom
    assert dom.count('class="ind"') == 66 and 'id="ct-ht.5g" open' in dom
    shot = tmp_path / "tong-hop.png"
    _chromium("--window-size=1400,2000", f"--screenshot={shot}", page.as_uri(), profile=tmp_path / "profile")
    assert shot.exists() and shot.stat().st_size > 20_000


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: the sorting script is not run")
def test_tables_sort_in_chromium(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    page = _dashboard(capsys, plans, tmp_path)
    html = page.read_text(encoding="utf-8")
    # A copy whose policy lets a probe click the "Nhiệm vụ" column of the units table twice.
    probe = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html, count=1).replace(
        "</body>",
        "<script>var t=document.querySelector('#don-vi table');var th=t.tHead.rows[0].cells[1];"
        "th.click();var up=[].map.call(t.tBodies[0].rows,function(r){return r.cells[1].textContent;}).join(',');"
        "th.click();var down=[].map.call(t.tBodies[0].rows,function(r){return r.cells[1].textContent;}).join(',');"
        "document.body.setAttribute('data-up',up);document.body.setAttribute('data-down',down);</script></body>")
    copy = tmp_path / "probe.html"
    copy.write_text(probe, encoding="utf-8")
    dom = _chromium("--dump-dom", copy.as_uri(), profile=tmp_path / "profile").stdout
    up = [int(x) for x in re.search(r'data-up="([^"]*)"', dom).group(1).split(",")]  # type: ignore[union-attr]
    down = [int(x) for x in re.search(r'data-down="([^"]*)"', dom).group(1).split(",")]  # type: ignore[union-attr]
    assert up == sorted(up) and down == sorted(down, reverse=True) and len(up) > 5
