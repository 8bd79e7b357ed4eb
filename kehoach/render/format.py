"""The format values of the official document (Nghị định 30/2020/NĐ-CP, Phụ lục I), in one place.

Where the decree gives a range, one value is picked here. ``tools/make_docx_template.py`` bakes
these values into the style sheet of ``templates/ke-hoach.docx``; the HTML template reads them
for its CSS. The renderers themselves hold no size, font or margin: they use the template's
styles and page setup, so a custom template can change them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Format:
    font: str = "Times New Roman"          # TCVN 6909:2001 Unicode, on all four font slots
    lang: str = "vi-VN"
    # A4, mm. Decree ranges: top 20–25, bottom 20–25, left 30–35, right 15–20.
    page_width_mm: float = 210
    page_height_mm: float = 297
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    header_distance_mm: float = 10         # the page number sits in the top margin
    footer_distance_mm: float = 10
    # Sizes in points. Body 13–14; issuing body and national title 12–13; motto 13–14.
    body_pt: float = 14
    issuer_pt: float = 13
    national_pt: float = 13
    motto_pt: float = 14
    number_pt: float = 13
    place_date_pt: float = 14
    doc_type_pt: float = 14
    summary_pt: float = 14
    signature_pt: float = 14
    recipients_label_pt: float = 12
    recipients_pt: float = 11
    page_number_pt: float = 13
    appendix_pt: float = 14
    table_pt: float = 12                   # the decree fixes no size for tables; 12 keeps wide ones legible
    # Paragraphs. First-line indent 1–1.27 cm, ≥ 6 pt between paragraphs, line spacing 1–1.5.
    first_line_indent_mm: float = 12.7
    space_after_pt: float = 6
    line_spacing: float = 1.15
    # Letterhead: a borderless two-column table; the national title must fit on one line.
    letterhead_left_mm: float = 65
    issuer_rule_mm: float = 20             # ⅓–½ of the issuing body's name
    motto_rule_mm: float = 62              # as long as "Độc lập - Tự do - Hạnh phúc" in bold 14 pt
    summary_rule_mm: float = 30
    rule_pt: float = 0.75                  # thickness of the short solid lines
    signature_space_pt: float = 72         # room for the signature and the seal
    signature_col_mm: float = 80           # the signature column (right); recipients take the rest
    cell_margin_mm: float = 1.5
    draft_color: str = "C00000"            # the DỰ THẢO mark of a plan rendered with --force

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm


FORMAT = Format()
