"""Writes schema/plan.schema.json and schema/units.schema.json (run from the repository root).

The JSON files are what kehoach and editors read; edit this generator, run it, commit both.
"""
import json

D = {}
def s(desc, **kw):
    return {"type": "string", "description": desc, **kw}
def sn(desc):
    return {"type": ["string", "number"], "description": desc}
unit_list = {"description": "Một đơn vị, hoặc danh sách nhiều đơn vị (mỗi phần tử là tên một đơn vị như đã viết).",
             "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
update = {
  "type": "object", "additionalProperties": False, "required": ["date"],
  "description": "Một lần cập nhật tiến độ của nhiệm vụ (do đơn vị chủ trì báo cáo).",
  "properties": {
    "date": s("Ngày báo cáo, dạng YYYY-MM-DD.", format="date"),
    "state": {"type": "string", "enum": ["chưa thực hiện", "đang thực hiện", "hoàn thành"],
              "description": "Tình trạng tại ngày báo cáo: chưa thực hiện / đang thực hiện / hoàn thành."},
    "done_on": s("Ngày hoàn thành thực tế (khi tình trạng là hoàn thành), dạng YYYY-MM-DD.", format="date"),
    "percent": {"type": "number", "description": "Tỷ lệ hoàn thành (%), từ 0 đến 100."},
    "note": s("Ghi chú nội dung đã thực hiện."),
    "nothing_to_report": {"type": "boolean", "description": "true nếu tháng này không phát sinh nội dung báo cáo."},
    "evidence": s("Văn bản minh chứng, ví dụ \"Báo cáo số 12/BC-UBND\"."),
  }}
actual = {
  "type": "object", "additionalProperties": False, "required": ["date", "value"],
  "description": "Một giá trị thực tế đã báo cáo của chỉ tiêu.",
  "properties": {
    "date": s("Ngày số liệu, dạng YYYY-MM-DD.", format="date"),
    "period": s("Kỳ báo cáo như đã viết, ví dụ \"Quý I/2026\" (không bắt buộc)."),
    "value": sn("Giá trị thực tế như đã báo cáo, ví dụ \"72%\" hoặc 72."),
    "note": s("Ghi chú."),
    "evidence": s("Văn bản minh chứng."),
  }}
common_row = {
  "id": s("Mã ổn định của dòng, duy nhất trong kế hoạch; các lệnh progress, diff dùng mã này. Không đổi khi đánh số lại.",
          pattern="^[A-Za-z0-9][A-Za-z0-9._-]*$"),
  "number": sn("Số thứ tự như đã viết (\"1\", \"1.1\", \"\" nếu không đánh số)."),
  "text": s("Nội dung: tên nhiệm vụ, tên chỉ tiêu hoặc nội dung khoản chi, giữ nguyên văn."),
  "directing": s("Lãnh đạo chủ trì chỉ đạo / phân công chỉ đạo."),
  "lead": unit_list | {"description": "Đơn vị (cơ quan) chủ trì: một hoặc nhiều đơn vị."},
  "support": unit_list | {"description": "Đơn vị (cơ quan) phối hợp: một hoặc nhiều đơn vị."},
  "output": s("Sản phẩm đầu ra / kết quả cần đạt."),
  "note": s("Ghi chú, ví dụ \"Nhiệm vụ bổ sung (Kế hoạch số 04-KH/BCĐTW)\"."),
  "continues": s("Mã của dòng phía trên mà dòng này tiếp nối: các ô ghi ở \"merged\" là một ô gộp (trộn ô theo chiều dọc) "
                 "với dòng đó, như trong văn bản gốc. Dòng tiếp nối đứng ngay sau dòng đó hoặc sau một dòng tiếp nối khác của nó.",
                 pattern="^[A-Za-z0-9][A-Za-z0-9._-]*$"),
}
task_row = {"type": "object", "additionalProperties": False, "required": ["id", "text"],
  "description": "Một nhiệm vụ.",
  "properties": common_row | {
    "deadline": sn("Thời gian thực hiện / hoàn thành, như đã viết: \"Quý II/2026\", \"Thường xuyên\", \"trước ngày 20/11/2026\"…"),
    "nq71": sn("Số thứ tự nhiệm vụ tương ứng trong Nghị quyết 71/NQ-CP (cột \"TT trong NQ 71\")."),
    "related": s("Nhiệm vụ tương ứng (Nghị quyết 71 và các Thông báo kết luận), nguyên văn."),
    "progress": {"type": "array", "items": update, "description": "Các lần cập nhật tiến độ, theo thứ tự thời gian."},
  }}
ind_row = {"type": "object", "additionalProperties": False, "required": ["id", "text"],
  "description": "Một chỉ tiêu.",
  "properties": common_row | {
    "unit": s("Đơn vị tính, ví dụ \"%\"."),
    "baseline": sn("Kết quả năm trước (giá trị xuất phát), như đã viết."),
    "target": sn("Chỉ tiêu của năm kế hoạch, như đã viết: \"≥ 60%\", \"100%\", \"phấn đấu ít nhất 3%\"."),
    "milestones": {"type": "object", "description": "Các mốc theo năm, ví dụ {\"2025\": \"≥60%\", \"2030\": \"100%\"}.",
                   "propertyNames": {"pattern": "^[0-9]{4}$"}, "additionalProperties": {"type": ["string", "number"]}},
    "catalog": s("Mã chỉ tiêu trong danh mục chỉ tiêu dùng chung (plans/catalog.yaml).", pattern="^[a-z0-9][a-z0-9.-]*$"),
    "deadline": sn("Thời hạn, nếu bảng có cột thời gian."),
    "actuals": {"type": "array", "items": actual, "description": "Các giá trị thực tế đã báo cáo."},
  }}
budget_row = {"type": "object", "additionalProperties": False, "required": ["id", "text"],
  "description": "Một khoản/nhiệm vụ trong bảng kinh phí.",
  "properties": common_row | {
    "amount": sn("Kinh phí (nếu có), như đã viết."),
    "deadline": sn("Thời gian thực hiện, nếu có."),
  }}
FIELDS = ["number", "text", "directing", "lead", "support", "output", "note", "deadline", "nq71", "related",
          "unit", "baseline", "target", "amount", "catalog"]
merged = {"type": "array", "minItems": 1, "items": {"enum": FIELDS},
          "description": "Các cột mà ô của dòng này gộp với ô của dòng phía trên, ví dụ [number, text]: "
                         "dòng này không ghi các trường đó, nó mang nội dung của dòng được tiếp nối."}
for row in (task_row, ind_row, budget_row):
    # A continuation row takes its merged cells (often the text) from the row it continues.
    row["required"] = ["id"]
    row["properties"]["merged"] = merged
    # if/then, not dependentRequired: the fast path compiles the schema as draft-07.
    row["allOf"] = [{"if": {"not": {"required": ["continues"]}}, "then": {"required": ["text"]}},
                    {"if": {"required": ["continues"]}, "then": {"required": ["merged"]}},
                    {"if": {"required": ["merged"]}, "then": {"required": ["continues"]}}]
column = {"type": "object", "additionalProperties": False, "required": ["field", "heading"],
  "description": "Một cột của bảng: tiêu đề như đã viết và trường dữ liệu tương ứng.",
  "properties": {
    "field": {"description": "Trường dữ liệu của cột: number, text, lead, support, deadline…, milestones.<năm>, hoặc "
                             "milestones (mốc của từng dòng, khi mỗi nhóm dòng có một mốc năm riêng).",
              "anyOf": [{"enum": [*FIELDS, "milestones"]}, {"type": "string", "pattern": "^milestones\\.[0-9]{4}$"}]},
    "heading": s("Tiêu đề cột như trong văn bản (giữ nguyên khi in lại)."),
    "width": {"type": "number", "description": "Độ rộng tương đối của cột khi in (không bắt buộc)."},
  }}
def group_def(row_ref, name):
    return {"type": "object", "additionalProperties": False, "required": ["title"],
      "description": "Một nhóm trong bảng (I, II …), có thể chứa nhóm con.",
      "properties": {
        "number": sn("Số nhóm như đã viết (\"I\", \"II.\", \"1\"); giữ cả chỗ nhảy số."),
        "title": s("Tên nhóm như đã viết."),
        "rows": {"type": "array", "items": {"if": {"required": ["title"]}, "then": {"$ref": f"#/$defs/{name}"}, "else": {"$ref": row_ref}},
                 "description": "Các dòng của nhóm, theo thứ tự in; một phần tử có title (và không có id) là một nhóm con nằm giữa các dòng."},
        "groups": {"type": "array", "items": {"$ref": f"#/$defs/{name}"}, "description": "Các nhóm con (sau các dòng của nhóm)."},
      }}
def table_def(kind, row_ref, group_name):
    return {"type": "object", "additionalProperties": False, "required": ["id", "kind", "columns"],
      "description": {"tasks": "Bảng nhiệm vụ.", "indicators": "Bảng chỉ tiêu.", "budget": "Bảng kinh phí theo nguồn."}[kind],
      "properties": {
        "id": s("Mã ổn định của bảng, duy nhất trong kế hoạch.", pattern="^[A-Za-z0-9][A-Za-z0-9._-]*$"),
        "kind": {"const": kind, "description": "Loại bảng: tasks (nhiệm vụ), indicators (chỉ tiêu), budget (kinh phí)."},
        "caption": s("Tên bảng nếu có (không bắt buộc)."),
        "columns": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/column"}, "description": "Các cột, theo thứ tự in."},
        "rows": {"type": "array", "items": {"if": {"required": ["title"]}, "then": {"$ref": f"#/$defs/{group_name}"}, "else": {"$ref": row_ref}},
                 "description": "Các dòng không thuộc nhóm nào (in trước các nhóm); một phần tử có title là một nhóm."},
        "groups": {"type": "array", "items": {"$ref": f"#/$defs/{group_name}"}, "description": "Các nhóm I, II …"},
      }}
table = {"type": "object", "required": ["kind"],
  "description": "Một bảng: nhiệm vụ, chỉ tiêu hoặc kinh phí.",
  "properties": {"kind": {"enum": ["tasks", "indicators", "budget"], "description": "Loại bảng."}},
  "allOf": [
    {"if": {"properties": {"kind": {"const": "tasks"}}}, "then": {"$ref": "#/$defs/taskTable"}},
    {"if": {"properties": {"kind": {"const": "indicators"}}}, "then": {"$ref": "#/$defs/indicatorTable"}},
    {"if": {"properties": {"kind": {"const": "budget"}}}, "then": {"$ref": "#/$defs/budgetTable"}},
  ]}
section = {"type": "object", "additionalProperties": False, "required": ["heading"],
  "description": "Một mục có đánh số (I., 1., 1.1., a)) với tiêu đề và nội dung.",
  "properties": {
    "number": sn("Số mục như đã viết: \"I.\", \"1.\", \"1.1\", \"a)\"."),
    "heading": s("Tiêu đề mục như đã viết."),
    "content": {"$ref": "#/$defs/blocks"},
  }}
block = {
  "description": "Một khối nội dung: đoạn văn (chuỗi, gạch đầu dòng giữ nguyên \"- \" / \"+ \"), mục con, bảng, nhiệm vụ hoặc chỉ tiêu nằm trong lời văn.",
  "if": {"type": "string"}, "then": {"type": "string"},
  "else": {"type": "object",
    "if": {"required": ["table"]}, "then": {"type": "object", "additionalProperties": False, "properties": {"table": {"$ref": "#/$defs/table"}}},
    "else": {"if": {"required": ["task"]}, "then": {"type": "object", "additionalProperties": False,
        "description": "Nhiệm vụ nằm trong lời văn (gạch đầu dòng kèm các dòng chủ trì, phối hợp, thời gian).",
        "properties": {"task": {"$ref": "#/$defs/taskRow"}}},
      "else": {"if": {"required": ["indicator"]}, "then": {"type": "object", "additionalProperties": False, "required": ["line"],
          "description": "Chỉ tiêu nằm trong lời văn: dữ liệu chỉ tiêu và câu văn nguyên văn để in lại.",
          "properties": {"indicator": {"$ref": "#/$defs/indicatorRow"}, "line": s("Câu văn nguyên văn chứa chỉ tiêu.")}},
        "else": {"$ref": "#/$defs/section"}}}}}
blocks = {"type": "array", "items": {"$ref": "#/$defs/block"}, "description": "Các khối nội dung theo thứ tự."}
appendix = {"type": "object", "additionalProperties": False, "required": ["label", "content"],
  "description": "Một phụ lục.",
  "properties": {
    "label": s("Nhãn phụ lục như đã viết: \"Phụ lục 1\", \"PHỤ LỤC I\", \"DANH MỤC\"."),
    "title": s("Tên phụ lục (in HOA khi in ra)."),
    "subtitle": s("Dòng tên phụ lục thứ hai nếu có."),
    "attachment": s("Dòng \"(Kèm theo Kế hoạch số … ngày … của …)\" như đã viết; bỏ trống để kehoach tự tạo."),
    "content": {"$ref": "#/$defs/blocks"},
  }}
meta = {"type": "object", "additionalProperties": False,
  "required": ["city", "commune", "commune_kind", "year", "symbol", "place", "doc_type", "title"],
  "description": "Thông tin chung của văn bản.",
  "properties": {
    "city": s("Tỉnh/thành phố, ví dụ \"Hải Phòng\"."),
    "commune": s("Tên xã/phường, ví dụ \"Vĩnh Hải\"."),
    "commune_kind": {"enum": ["xã", "phường", "đặc khu"], "description": "Loại đơn vị hành chính: xã, phường hoặc đặc khu."},
    "year": {"type": "integer", "minimum": 2000, "maximum": 2100, "description": "Năm kế hoạch, ví dụ 2026."},
    "period": {"type": "object", "additionalProperties": False, "required": ["start", "end"],
               "description": "Thời kỳ kế hoạch nếu khác năm kế hoạch (mặc định 01/01 – 31/12 của năm).",
               "properties": {"start": s("Ngày bắt đầu, YYYY-MM-DD.", format="date"), "end": s("Ngày kết thúc, YYYY-MM-DD.", format="date")}},
    "issuer": {"type": "array", "items": {"type": "string"}, "minItems": 1,
               "description": "Các dòng tên cơ quan ban hành ở góc trái, ví dụ [\"ỦY BAN NHÂN DÂN\", \"XÃ VĨNH HẢI\"]; bỏ trống để tạo từ tên xã."},
    "number": sn("Số văn bản, ví dụ \"33\"; để \"\" khi đang dự thảo."),
    "symbol": s("Ký hiệu văn bản, ví dụ \"KH-UBND\"."),
    "place": s("Địa danh ghi ở dòng ngày tháng, ví dụ \"Hải An\"."),
    "date": {"description": "Ngày ban hành, YYYY-MM-DD; để \"\" khi đang dự thảo.",
             "anyOf": [{"type": "string", "format": "date"}, {"const": ""}]},
    "doc_type": s("Tên loại văn bản, thường là \"KẾ HOẠCH\"."),
    "title": s("Trích yếu nội dung (dòng dưới tên loại văn bản)."),
  }}
schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:kehoach:schema:plan:1",
  "title": "Kế hoạch KHCN, ĐMST và CĐS cấp xã (kehoach)",
  "description": "Một kế hoạch năm của xã/phường về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
  "type": "object", "additionalProperties": False,
  "required": ["kehoach", "meta", "body", "signature"],
  "properties": {
    "kehoach": {"const": 1, "description": "Phiên bản định dạng kế hoạch của kehoach (hiện là 1)."},
    "meta": meta,
    "legal_bases": {"type": "array", "items": {"type": "string"}, "description": "Các căn cứ pháp lý (\"Căn cứ …\", \"Thực hiện …\"), mỗi căn cứ một đoạn."},
    "intro": {"type": "array", "items": {"type": "string"}, "description": "Các đoạn mở đầu sau phần căn cứ."},
    "body": blocks | {"description": "Nội dung chính: các mục I., II. … với đoạn văn, bảng, nhiệm vụ."},
    "closing": {"type": "array", "items": {"type": "string"}, "description": "Các đoạn kết (\"Trên đây là Kế hoạch …\")."},
    "signature": {"type": "object", "additionalProperties": False, "required": ["titles", "name"],
                  "description": "Khối chữ ký.",
                  "properties": {"titles": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                                            "description": "Các dòng thẩm quyền và chức vụ: \"TM. ỦY BAN NHÂN DÂN\", \"KT. CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\"."},
                                 "name": s("Họ tên người ký.")}},
    "recipients": {"type": "array", "items": {"type": "string"}, "description": "Nơi nhận, mỗi dòng một nơi, như đã viết (dòng cuối \"Lưu: VT…\")."},
    "appendices": {"type": "array", "items": {"$ref": "#/$defs/appendix"}, "description": "Các phụ lục kèm theo."},
  },
  "$defs": {
    "block": block, "blocks": blocks, "section": section, "table": table, "column": column, "appendix": appendix,
    "taskTable": table_def("tasks", "#/$defs/taskRow", "taskGroup"),
    "indicatorTable": table_def("indicators", "#/$defs/indicatorRow", "indicatorGroup"),
    "budgetTable": table_def("budget", "#/$defs/budgetRow", "budgetGroup"),
    "taskGroup": group_def("#/$defs/taskRow", "taskGroup"),
    "indicatorGroup": group_def("#/$defs/indicatorRow", "indicatorGroup"),
    "budgetGroup": group_def("#/$defs/budgetRow", "budgetGroup"),
    "taskRow": task_row, "indicatorRow": ind_row, "budgetRow": budget_row,
  },
}
with open("schema/plan.schema.json", "w", encoding="utf-8") as f:
    json.dump(schema, f, ensure_ascii=False, indent=2)
    f.write("\n")
units_schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:kehoach:schema:units:1",
  "title": "Danh mục đơn vị của một thành phố (kehoach)",
  "description": "Các đơn vị cấp xã và cấp thành phố: tên chuẩn, tên viết tắt, cách viết sai đã gặp, và các cụm từ không chỉ rõ đơn vị nào.",
  "type": "object", "additionalProperties": False, "required": ["kehoach_units", "city", "units"],
  "properties": {
    "kehoach_units": {"const": 1, "description": "Phiên bản định dạng danh mục đơn vị (hiện là 1)."},
    "city": {"type": "string", "description": "Tên thành phố, ví dụ \"Hải Phòng\"."},
    "extends": {"const": "national", "description": "\"national\": danh mục này bổ sung và ghi đè mô hình đơn vị cấp xã toàn quốc mà kehoach mang theo (kehoach/data/units-national.yaml). Một đơn vị ở đây có tên hoặc alias trùng (sau chuẩn hóa) với đơn vị của mô hình thì thay đơn vị đó và nhận các tên khác của nó. Không ghi: chỉ dùng danh mục này."},
    "units": {"type": "array", "description": "Các đơn vị.", "items": {
      "type": "object", "additionalProperties": False, "required": ["name"],
      "description": "Một đơn vị.",
      "properties": {
        "name": {"type": "string", "description": "Tên chuẩn của đơn vị."},
        "level": {"enum": ["xã", "tỉnh", "thành phố", "trung ương", "khác"], "description": "Cấp của đơn vị (\"tỉnh\" và \"thành phố\": cấp tỉnh)."},
        "kind": {"type": "string", "description": "Loại đơn vị: phòng, trung tâm, lực lượng, đoàn thể, trường học, sở, doanh nghiệp…"},
        "aliases": {"type": "array", "items": {"type": "string"}, "description": "Tên viết tắt hoặc cách gọi khác được chấp nhận (không bị cảnh báo)."},
        "misspellings": {"type": "array", "items": {"type": "string"}, "description": "Cách viết sai đã gặp trong kế hoạch (bị cảnh báo unit-spelling, --fix sửa về tên chuẩn)."},
        "note": {"type": "string", "description": "Ghi chú."},
      }}},
    "vague": {"type": "array", "items": {"type": "string"}, "description": "Các cụm từ không chỉ rõ đơn vị nào (\"Các cơ quan, đơn vị\"): không được dùng làm đơn vị chủ trì."},
  },
}
with open("schema/units.schema.json", "w", encoding="utf-8") as f:
    json.dump(units_schema, f, ensure_ascii=False, indent=2)
    f.write("\n")
