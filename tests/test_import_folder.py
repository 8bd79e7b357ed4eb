"""`kehoach import` on several documents or a folder: read in parallel, one summary, the worst exit
code; a broken document never stops the others; two documents for one commune never share a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from .helpers import run
from .test_import_docx import build


def commune_doc(path: Path, name: str) -> Path:
    """The crafted document of test_import_docx, for another commune."""
    doc = Document(str(build(path)))
    old = {"Đông Hưng": name, "ĐÔNG HƯNG": name.upper()}
    cells = [c for t in doc.tables for row in t.rows for c in row.cells]
    paragraphs = list(doc.paragraphs) + [p for c in cells for p in c.paragraphs]
    for p in paragraphs:
        for r in p.runs:
            for a, b in old.items():
                r.text = r.text.replace(a, b)
    doc.save(str(path))
    return path


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    commune_doc(folder / "KH 12 Đông Hưng.docx", "Đông Hưng")
    commune_doc(folder / "KH 15 Tây Sơn.docx", "Tây Sơn")
    (folder / "hỏng.docx").write_bytes(b"not a zip")
    (folder / "~$KH 12 Đông Hưng.docx").write_bytes(b"Word's lock file")   # skipped, not an error
    (folder / "ghi chú.txt").write_text("not a document", encoding="utf-8")
    return folder


def test_folder_with_an_unreadable_document(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plans" / "thai-binh"
    r = run(capsys, "import", str(docs), "--into", str(out), "--city", "Thái Bình")
    assert r.code == 2, r.out + r.err
    assert sorted(p.name for p in out.glob("*.yaml")) == ["dong-hung.yaml", "tay-son.yaml"]
    for name in ("KH 12 Đông Hưng.docx", "KH 15 Tây Sơn.docx", "hỏng.docx"):
        assert name in r.out
    assert "~$" not in r.out and "ghi chú" not in r.out
    lines = r.out.splitlines()
    assert any("hỏng.docx" in line and "mã thoát 2" in line for line in lines)
    assert any("Tây Sơn.docx" in line and "tay-son.yaml" in line and "mã thoát 1" in line for line in lines)
    assert "3 văn bản: 0 xong, 2 cần xem lại, 1 không nhập được." in r.out
    assert "Tây Sơn" in (out / "tay-son.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_parallel_is_sequential(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    import multiprocessing as mp

    if method not in mp.get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setenv("KEHOACH_START_METHOD", method)
    for extra in ("Vĩnh Bảo", "Kiến Thụy"):
        commune_doc(docs / f"{extra}.docx", extra)
    (docs / "hỏng.docx").unlink()
    one, many = tmp_path / "one", tmp_path / "many"
    seq = run(capsys, "import", str(docs), "--into", str(one), "-j", "1")
    par = run(capsys, "import", str(docs), "--into", str(many), "-j", "3")
    assert (seq.code, seq.out.replace(str(one), "OUT")) == (par.code, par.out.replace(str(many), "OUT"))
    names = sorted(p.name for p in one.glob("*.yaml"))
    assert len(names) == 4 and names == sorted(p.name for p in many.glob("*.yaml"))
    for name in names:
        assert (one / name).read_bytes() == (many / name).read_bytes()


def test_several_files_and_a_name_clash(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "bản sao.docx"
    shutil.copy(docs / "KH 12 Đông Hưng.docx", copy)
    out = tmp_path / "out"
    r = run(capsys, "import", str(docs / "KH 12 Đông Hưng.docx"), str(copy), "--into", str(out))
    assert r.code == 2
    assert [p.name for p in out.glob("*.yaml")] == ["dong-hung.yaml"]
    clash = next(line for line in r.out.splitlines() if "bản sao.docx" in line)
    assert "mã thoát 2" in clash and "KH 12 Đông Hưng.docx" in clash and "dong-hung.yaml" in clash


def test_file_name_when_the_commune_is_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("Kế hoạch Ứng dụng CĐS.docx", "Đề án.docx"):
        doc = Document()
        doc.add_paragraph("Một văn bản không có tiêu đề cơ quan.")
        doc.save(str(folder / name))
    r = run(capsys, "import", str(folder), "--into", str(tmp_path / "out"), "--lang", "en")
    assert r.code == 1, r.out + r.err
    assert sorted(p.name for p in (tmp_path / "out").glob("*.yaml")) == ["de-an.yaml", "ke-hoach-ung-dung-cds.yaml"]


def test_existing_plan_is_not_overwritten(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "hỏng.docx").unlink()
    out = tmp_path / "out"
    out.mkdir()
    (out / "tay-son.yaml").write_text("# kept\n", encoding="utf-8")
    r = run(capsys, "import", str(docs), "--into", str(out), "--lang", "en")
    assert r.code == 2
    assert (out / "tay-son.yaml").read_text(encoding="utf-8") == "# kept\n"
    assert (out / "dong-hung.yaml").is_file()
    assert "--overwrite" in next(line for line in r.out.splitlines() if "Tây Sơn" in line)
    again = run(capsys, "import", str(docs), "--into", str(out), "--overwrite")
    assert again.code == 1 and "Tây Sơn" in (out / "tay-son.yaml").read_text(encoding="utf-8")


def test_output_file_with_several_inputs_is_refused(docs: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "import", str(docs), "-o", str(tmp_path / "x.yaml"), "--lang", "en")
    assert r.code == 2 and "-o writes one file" in r.err and "--into" in r.err
    r = run(capsys, "import", str(docs / "KH 12 Đông Hưng.docx"), str(docs / "KH 15 Tây Sơn.docx"),
            "-o", str(tmp_path / "x.yaml"))
    assert r.code == 2 and "-o" in r.err
    assert not (tmp_path / "x.yaml").exists()
    r = run(capsys, "import", str(docs), "--lang", "en")
    assert r.code == 2 and "needs --into" in r.err


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    r = run(capsys, "import", str(tmp_path / "docs"), "--into", str(tmp_path / "out"), "--lang", "en")
    assert r.code == 2 and "no document to import" in r.err


def test_sub_folders_are_searched_and_plans_written_flat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "van-ban"
    (folder / "huyện An Lão" / "2026").mkdir(parents=True)
    (folder / ".cũ").mkdir()
    commune_doc(folder / "huyện An Lão" / "2026" / "KH Tây Sơn.docx", "Tây Sơn")
    commune_doc(folder / "KH Đông Hưng.docx", "Đông Hưng")
    commune_doc(folder / ".cũ" / "KH Bắc Sơn.docx", "Bắc Sơn")        # a hidden folder: skipped
    into = tmp_path / "plans"
    into.mkdir()
    r = run(capsys, "import", str(folder), "--into", str(into), "--city", "Thái Bình", "-j", "1")
    assert r.code == 1, r.out + r.err                    # the crafted document's "Nguồn vốn" column
    # Each document by its path inside the folder, in that order; the plans side by side in --into.
    lines = [line for line in r.out.splitlines() if " → " in line]
    assert [line.split(" → ")[0] for line in lines] == [
        str(folder / "KH Đông Hưng.docx"), str(folder / "huyện An Lão" / "2026" / "KH Tây Sơn.docx")]
    assert sorted(p.name for p in into.iterdir()) == ["dong-hung.yaml", "tay-son.yaml"]


def test_an_odt_goes_through_libreoffice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    made = tmp_path / "made"
    made.mkdir()
    source = commune_doc(made / "KH Tây Sơn.docx", "Tây Sơn")
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "odt",
                    "--outdir", str(made), str(source)], check=True, capture_output=True, timeout=180)
    folder = tmp_path / "van-ban" / "xã"
    folder.mkdir(parents=True)
    shutil.move(str(made / "KH Tây Sơn.odt"), str(folder / "KH Tây Sơn.odt"))
    into = tmp_path / "plans"
    into.mkdir()
    r = run(capsys, "import", str(tmp_path / "van-ban"), "--into", str(into), "--city", "Thái Bình")
    assert r.code == 1, r.out + r.err
    assert str(folder / "KH Tây Sơn.odt") in r.out
    text = (into / "tay-son.yaml").read_text(encoding="utf-8")
    assert "Tuyên truyền Nghị quyết 57" in text and "Phòng Văn hóa - Xã hội" in text
