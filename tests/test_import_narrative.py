"""Targets written in the narrative, read as indicators (kehoach/importer/narrative.py).

The lines are real: the bundled plans' transcriptions of signed commune documents (An Lão,
Thái Tân: the `line` of their `ctvb.*` indicators)."""

from __future__ import annotations

import pytest

from kehoach.importer.narrative import indicator_of

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
