"""Targets written in the narrative, read as indicators (kehoach/importer/narrative.py).

The lines are real: the bundled plans' transcriptions of signed commune documents (An Lão,
Thái Tân: the `line` of their `ctvb.*` indicators; every body paragraph of the five plans for the
targets written inside a task's sentence), then small crafted cases and a Word file built here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from kehoach.importer.narrative import indicator_of, sentence_target, under_targets

from .conftest import PLANS
from .helpers import imported_in_english, run

TARGETS = ["I. MỤC TIÊU", "2. Mục tiêu cụ thể", "a) Phát triển hạ tầng"]
ELSEWHERE = ["II. NHIỆM VỤ", "1. Hạ tầng số"]

SURE = [
    ("- Tỷ lệ phủ sóng 5G trên địa bàn đạt ≥ 80%;", "Tỷ lệ phủ sóng 5G trên địa bàn", "≥ 80%"),
    ("- Tỷ lệ chế độ báo cáo của các cơ quan được thực hiện trên Hệ thống thông tin báo cáo: đạt 100%.",
     "Tỷ lệ chế độ báo cáo của các cơ quan được thực hiện trên Hệ thống thông tin báo cáo", "100%"),
    ("Số lượng sáng kiến được công nhận hiệu quả, phạm vi ảnh hưởng của xã: tối thiểu 20 sáng kiến.",
     "Số lượng sáng kiến được công nhận hiệu quả, phạm vi ảnh hưởng của xã", "tối thiểu 20 sáng kiến"),
    ("- Số doanh nghiệp được hỗ trợ triển khai thực hiện Chương trình đảm bảo đo lường tại doanh nghiệp: "
     "02 doanh nghiệp.", "Số doanh nghiệp được hỗ trợ triển khai thực hiện Chương trình đảm bảo đo lường "
     "tại doanh nghiệp", "02 doanh nghiệp"),
    ("- Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 95%.",
     "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "95%"),
]


@pytest.mark.parametrize(("line", "text", "target"), SURE)
def test_a_measure_and_its_target_are_read_for_sure_anywhere(line: str, text: str, target: str) -> None:
    for headings in (TARGETS, ELSEWHERE):
        assert indicator_of(line, headings) == ({"text": text, "target": target}, True)


GUESSED = [
    ("- Tối thiểu 90% hồ sơ TTHC được xử lý hoàn toàn trực tuyến, người dân chỉ phải nhập dữ liệu một lần.",
     "Tối thiểu 90%"),
    ("- 100% TTHC được thực hiện không phụ thuộc vào địa giới hành chính trong phạm vi cấp thành phố;", "100%"),
    ("- Số sản phẩm được hỗ trợ thực hiện truy xuất nguồn gốc kết nối công 02 sản phẩm.", "02 sản phẩm"),
]


@pytest.mark.parametrize(("line", "target"), GUESSED)
def test_under_a_targets_heading_a_figure_is_read_and_marked_for_review(line: str, target: str) -> None:
    found = indicator_of(line, TARGETS)
    assert found is not None and found[0]["target"] == target and found[1] is False
    assert indicator_of(line, ELSEWHERE) is None


@pytest.mark.parametrize("line", [
    "- Xây dựng hệ thống giám sát, điều hành an toàn, an ninh mạng.",
    "- Tổ chức diễn tập an toàn thông tin; thực hiện sao lưu dữ liệu theo nguyên tắc 3-2-1.",
    "Ủy ban nhân dân xã Thái Tân xây dựng Kế hoạch triển khai thực hiện các nhiệm vụ như sau:",
])
def test_a_line_without_a_target_stays_a_paragraph(line: str) -> None:
    assert indicator_of(line, TARGETS) is None


# --- Targets inside a task's sentence, outside the targets section (sentence_target) ------------

def _body_lines(node: Any, heads: list[str]) -> Iterator[tuple[list[str], str]]:
    """Every paragraph of a plan's body as written (an indicator's `line` too), with its headings."""
    if isinstance(node, list):
        for v in node:
            yield from _body_lines(v, heads)
    elif isinstance(node, dict) and "heading" in node:
        yield from _body_lines(node.get("content") or [], [*heads, node["heading"]])
    elif isinstance(node, dict) and "line" in node:
        yield heads, node["line"]
    elif isinstance(node, str):
        yield heads, node


# Every target written inside a sentence outside the targets section of the five bundled plans: 3.
# Vĩnh Hải 1.6 (its plan writes it by hand as ctvb.1); two of An Lão (its plan keeps them paragraphs).
IN_TASKS = [
    ("vinh-hai", "- Triển khai bảo đảm an toàn thông tin theo mô hình “4 lớp”, 100% hệ thống thông tin được phê "
     "duyệt và thực hiện phương án bảo đảm an toàn theo cấp độ.",
     "hệ thống thông tin được phê duyệt và thực hiện phương án bảo đảm an toàn theo cấp độ", "100%"),
    ("an-lao", "- Triển khai rà soát, củng cố, hoàn thiện phê duyệt cấp độ an toàn hệ thống thông tin và triển "
     "khai đầy đủ phương án bảo đảm an toàn thông tin theo hồ sơ đề xuất cấp độ được phê duyệt, phấn đấu đảm "
     "bảo 100% hệ thống thông tin của xã, được phê duyệt hồ sơ đề xuất cấp độ và triển khai đầy đủ phương án "
     "bảo đảm an toàn thông tin theo hồ sơ đề xuất cấp độ được phê duyệt; tuân thủ nguyên tắc bảo đảm an "
     "toàn thông tin mạng theo quy định.",
     "hệ thống thông tin của xã, được phê duyệt hồ sơ đề xuất cấp độ và triển khai đầy đủ phương án bảo đảm "
     "an toàn thông tin theo hồ sơ đề xuất cấp độ được phê duyệt", "100%"),
    ("an-lao", "- Triển khai hoạt động của tổ công nghệ số cộng đồng, thực hiện phương châm “đi từng ngõ, gõ "
     "từng nhà”, hướng dẫn người dân cài đặt ứng dụng công dân số; đảm bảo 100% hộ gia đình có người dân cài "
     "đặt, sử dụng ứng dụng công dân số - Smart Hải Phòng.",
     "hộ gia đình có người dân cài đặt, sử dụng ứng dụng công dân số - Smart Hải Phòng", "100%"),
]

# An Lão's counts per period: how often a task is done (a cadence), not a target.
CADENCES = [
    "- Chỉ đạo Cổng thông tin điện tử duy trì tối thiểu 01 tin/bài/tháng đối với chuyên mục về Khoa học, công "
    "nghệ, đổi mới sáng tạo và chuyển đổi số.",
    "- Xây dựng Chuyên mục phát thanh về “Khoa học công nghệ, đổi mới sáng tạo và Chuyển đổi số” và duy trì "
    "chuyên mục Chuyển đổi số, xây dựng chương trình phát thanh trên Đài truyền thanh cơ sở với tần suất phát "
    "sóng tối thiểu 01 lần/ tuần. Thực hiện công tác tuyên truyền để nâng cao nhận thức của người dân về tầm "
    "quan trọng của chuyển đổi số và lợi ích của việc phát triển dữ liệu số. Đưa tin về các hoạt động, sự kiện "
    "liên quan đến chuyển đổi số trên địa bàn xã, thành phố, quốc gia góp phần tạo ra không khí tích cực và "
    "khuyến khích sự tham gia của cộng đồng.",
]

# Real sentences of the five plans, outside their targets, whose figures are no target: dates, document
# numbers, years, item numbers, a phone line, a standard, counts without a cue ("4 lớp", "5 giai đoạn").
REFUSED = [
    "- Tập trung triển khai Kế hoạch số 289/KH-UBND ngày 06/11/2025 của Ủy ban nhân dân thành phố thực hiện "
    "Quyết định số 1703/QĐ-TTg ngày 31/12/2024 của Thủ tướng Chính phủ và Kế hoạch số 03-KH/TU ngày 06/10/2025 "
    "của Ban Thường vụ Thành ủy thực hiện Chỉ thị số 38-CT/TW ngày 30/7/2024 của Ban Bí Thư về đẩy mạnh công "
    "tác tiêu chuẩn, đo lường, chất lượng quốc gia đến năm 2030 và những năm tiếp theo.",
    "- Tiếp cận và triển khai áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015 trên địa bàn xã An Lão.",
    "- Đầu mối tiếp nhận các phản ánh kiến nghị của người dân, doanh nghiệp trên hệ thống tổng đài 1022 và "
    "phòng Văn hóa – Xã hội.",
    "- Tổ chức diễn tập an toàn thông tin; xây dựng phương án ứng cứu, phục hồi hệ thống; thực hiện sao lưu dữ "
    "liệu theo nguyên tắc 3-2-1.",
    "Ủy ban nhân dân phường phân công nhiệm vụ cụ thể cho các phòng chuyên môn, các cơ quan, đơn vị thực hiện "
    "Kế hoạch (các Phụ lục 1, 2, 3, 4 kèm theo).",
    "2.1.6. Triển khai nghiêm túc, hiệu quả Kế hoạch số 359/KH-UBND ngày 31/12/2025 của Ủy ban nhân dân thành "
    "phố Hải Phòng về Chuyển đổi số thành phố Hải Phòng năm 2026, qua đó đẩy mạnh chuyển đổi số.",
    "Định kỳ hàng năm trước ngày 30/11 các cơ quan, đơn vị rà soát, báo cáo Ủy ban nhân dân xã (qua Phòng Văn "
    "hóa - Xã hội) kết quả triển khai thực hiện Kế hoạch.",
    "Nhằm thực hiện hiệu quả, đạt được mục tiêu chung trong tổ chức thực hiện Nghị quyết số 57-NQ/TW ngày "
    "22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
    "quốc gia, Ủy ban nhân dân xã xác định các mục tiêu cụ thể để tổ chức triển khai thực hiện theo 5 giai đoạn "
    "(đến hết năm 2025; đến hết năm 2030; đến hết năm 2035; đến hết năm 2040; đến hết năm 2045).",
    "- Văn bản triển khai của địa phương: Kế hoạch 82/KH-UBND ngày 09/9/2025 của UBND phường Hải An về ứng "
    "dụng công nghệ thông tin và Chuyển đổi số 6 tháng cuối năm 2025.",
]


@pytest.mark.parametrize(("line", "text", "target"), [case[1:] for case in IN_TASKS])
def test_a_target_inside_a_task_sentence_is_read(line: str, text: str, target: str) -> None:
    assert sentence_target(line) == {"text": text, "target": target}


@pytest.mark.parametrize("line", REFUSED + CADENCES)
def test_figures_that_are_no_target_are_refused(line: str) -> None:
    assert sentence_target(line) is None


def test_the_five_plans_give_these_targets_and_nothing_else() -> None:
    found = []
    lines = 0
    for plan in sorted((PLANS / "hai-phong").glob("*.yaml")):
        data = yaml.safe_load(plan.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "body" not in data:
            continue
        for heads, line in _body_lines(data["body"], []):
            if under_targets(heads) or indicator_of(line, heads):
                continue
            lines += 1
            if (got := sentence_target(line)) is not None:
                found.append((plan.stem, line, got["text"], got["target"]))
    assert lines >= 140     # the sentences looked at: every paragraph outside the targets sections (141)
    assert sorted(found) == sorted(IN_TASKS) and len(found) == 3
    assert all(line in {f[1] for f in found} or sentence_target(line) is None for line in REFUSED)


CRAFTED = [
    ("- Đẩy mạnh số hóa hồ sơ, phấn đấu đến hết năm 2026 đạt 100% hồ sơ thủ tục hành chính được số hóa.",
     "hồ sơ thủ tục hành chính được số hóa", "100%"),
    ("- Phổ cập tài khoản định danh điện tử, bảo đảm ≥ 80% người dân trưởng thành có tài khoản VNeID; "
     "hướng dẫn sử dụng.", "người dân trưởng thành có tài khoản VNeID", "≥ 80%"),
    ("- Phát động phong trào sáng kiến, hằng năm có tối thiểu 20 sáng kiến được công nhận.",
     "Phát động phong trào sáng kiến, hằng năm có tối thiểu 20 sáng kiến được công nhận",
     "tối thiểu 20 sáng kiến"),
    ("- Nâng cao chất lượng phục vụ, duy trì tỷ lệ hài lòng của người dân đạt 95%.",
     "tỷ lệ hài lòng của người dân", "95%"),
    ("- Hỗ trợ doanh nghiệp chuyển đổi số, phấn đấu 05 doanh nghiệp ứng dụng nền tảng số.",
     "Hỗ trợ doanh nghiệp chuyển đổi số, phấn đấu 05 doanh nghiệp ứng dụng nền tảng số", "05 doanh nghiệp"),
    ("2.1.3. Số hóa hồ sơ lưu trữ, bảo đảm 100% hồ sơ mới được số hóa.", "hồ sơ mới được số hóa", "100%"),
    ("20 doanh nghiệp đầu tiên được hỗ trợ, phấn đấu tối thiểu 50 doanh nghiệp.",      # a count, not an item
     "20 doanh nghiệp đầu tiên được hỗ trợ, phấn đấu tối thiểu 50 doanh nghiệp", "tối thiểu 50 doanh nghiệp"),
]

CRAFTED_REFUSED = [
    "- Triển khai Nghị định số 179/2025/NĐ-CP ngày 01/7/2025 của Chính phủ.",
    "- Quán triệt Nghị quyết 57-NQ/TW, phấn đấu đến năm 2030 hoàn thành chuyển đổi số.",
    "- Bố trí kinh phí, bảo đảm 500 triệu đồng cho chuyển đổi số; tối thiểu 1,5 tỷ đồng cho hạ tầng.",
    "- Phấn đấu 2026 là năm chuyển đổi số.",
    "1.6. An toàn thông tin mạng",
    "- Hoàn thành trước ngày 15/6 năm 2026, đạt 3 tháng 5.",
]


@pytest.mark.parametrize(("line", "text", "target"), CRAFTED)
def test_crafted_targets_in_sentences(line: str, text: str, target: str) -> None:
    assert sentence_target(line) == {"text": text, "target": target}


@pytest.mark.parametrize("line", CRAFTED_REFUSED)
def test_crafted_dates_numbers_years_and_money_are_refused(line: str) -> None:
    assert sentence_target(line) is None


def _document(path: Path, task_lines: list[str]) -> Path:
    doc = Document()
    head = doc.add_table(rows=2, cols=2)
    for (r, c), v in {(0, 0): "ỦY BAN NHÂN DÂN\nXÃ ĐÔNG HƯNG",
                      (0, 1): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                      (1, 0): "Số: 12/KH-UBND", (1, 1): "Đông Hưng, ngày 05 tháng 02 năm 2026"}.items():
        head.cell(r, c).text = v
    for text in ("KẾ HOẠCH", "Chuyển đổi số xã Đông Hưng năm 2026", "",
                 "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
                 "Ủy ban nhân dân xã Đông Hưng ban hành Kế hoạch như sau:",
                 "I. MỤC TIÊU", "1. Mục tiêu chung", "- Đẩy mạnh chuyển đổi số.",
                 "II. NHIỆM VỤ, GIẢI PHÁP", "1. Chính quyền số", *task_lines,
                 "III. TỔ CHỨC THỰC HIỆN", "Các cơ quan triển khai thực hiện."):
        doc.add_paragraph(text)
    sign = doc.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- UBND thành phố;\n- Lưu: VT."
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A"
    doc.save(str(path))
    return path


def _indicators(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [i for v in node for i in _indicators(v)]
    if isinstance(node, dict):
        if "indicator" in node:
            return [node]
        return [i for v in node.values() for i in _indicators(v)]
    return []


def test_a_word_file_with_targets_in_its_task_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [line for line, _, _ in CRAFTED[:3]] + CRAFTED_REFUSED[:3]
    out = tmp_path / "dong-hung.yaml"
    r = run(capsys, "import", str(_document(tmp_path / "dong-hung.docx", lines)), "-o", str(out),
            "--city", "Hải Phòng")
    assert r.code == 1                                            # pointed out for review: "cần xem lại"
    said = r.out + r.err
    assert "nêu một chỉ tiêu định lượng (\"≥ 80%\"" in said and "đổi đoạn văn thành" in said
    body = yaml.safe_load(out.read_text(encoding="utf-8"))["body"]
    # Pointed out, not made indicators: every sentence stays a paragraph as written.
    assert _indicators(body) == []
    dumped = yaml.safe_dump(body, allow_unicode=True, width=10_000)
    assert all(line in dumped for line in lines)
    record = imported_in_english(capsys, tmp_path / "dong-hung.docx")
    assert sum("states a quantified target" in str(x) for x in record["review"]) == 3


def test_without_a_target_the_same_word_file_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dong-hung.yaml"
    r = run(capsys, "import", str(_document(tmp_path / "dong-hung.docx", CRAFTED_REFUSED[:4])), "-o", str(out),
            "--city", "Hải Phòng")
    assert r.code == 0, r.out + r.err
    assert _indicators(yaml.safe_load(out.read_text(encoding="utf-8"))["body"]) == []
