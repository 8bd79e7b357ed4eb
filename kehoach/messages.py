"""Every user-facing message, in Vietnamese (default) and English, in one catalogue.

Messages are ``str.format`` templates keyed by a stable id; findings carry the id and the
arguments, so a cached finding can be shown in either language.
"""

from __future__ import annotations

from typing import Any

LANGS = ("vi", "en")

M: dict[str, tuple[str, str]] = {
    # --- reading files -------------------------------------------------------------------
    "load.missing": ("Không tìm thấy tệp.", "File not found."),
    "load.is-dir": ("Đây là thư mục, không phải tệp.", "This is a folder, not a file."),
    "load.unreadable": ("Không đọc được tệp: {reason}.", "Cannot read the file: {reason}."),
    "load.too-large": ("Tệp quá lớn ({size:,} byte; tối đa {limit:,} byte): một kế hoạch thật chỉ vài trăm KB.",
                       "File too large ({size:,} bytes; at most {limit:,}): a real plan is a few hundred KB."),
    "load.encoding": ("Tệp không phải văn bản {codec} hợp lệ (có thể đang dùng bảng mã cũ như TCVN3/VNI/Windows-1258). "
                      "Hãy mở tệp và lưu lại với bảng mã UTF-8.",
                      "The file is not valid {codec} text (perhaps a legacy code page such as TCVN3, VNI or "
                      "Windows-1258). Open it and save it as UTF-8."),
    "load.nul": ("Tệp chứa ký tự NUL: đây có vẻ là tệp nhị phân (Word, PDF…), không phải tệp YAML.",
                 "The file contains a NUL byte: it looks binary (Word, PDF…), not YAML."),
    "load.tab": ("Có ký tự tab dùng để thụt lề: YAML chỉ cho phép dấu cách. Hãy thay tab bằng dấu cách.",
                 "A tab is used for indentation: YAML allows only spaces. Replace the tab with spaces."),
    "load.syntax": ("Lỗi cú pháp YAML: {detail}.", "YAML syntax error: {detail}."),
    "load.colon-in-text": ("Lỗi cú pháp YAML: có dấu \": \" trong nội dung chưa đặt trong ngoặc kép. "
                           "Hãy đặt cả đoạn văn bản trong dấu ngoặc kép \"…\".",
                           "YAML syntax error: text contains \": \" but is not quoted. Put the whole text in "
                           "double quotes \"…\"."),
    "load.many-documents": ("Tệp chứa nhiều tài liệu YAML (dấu ---): mỗi tệp chỉ được chứa một kế hoạch.",
                            "The file holds several YAML documents (---): one plan per file."),
    "load.undefined-alias": ("Bí danh YAML (*…) chưa được định nghĩa.", "Undefined YAML alias (*…)."),
    "load.too-deep": ("Cấu trúc lồng nhau quá sâu.", "Nesting is too deep."),
    "load.too-many-nodes": ("Tệp mở rộng thành quá nhiều phần tử (trên {limit:,}): có thể do bí danh YAML lồng nhau.",
                            "The file expands to too many nodes (over {limit:,}): nested YAML aliases?"),
    "load.empty": ("Tệp rỗng: không có kế hoạch nào.", "The file is empty: no plan in it."),
    "load.complex-key": ("Khóa YAML phải là một chuỗi đơn giản.", "A YAML key must be a plain string."),
    "load.tag": ("Thẻ YAML {tag} không được hỗ trợ.", "YAML tag {tag} is not supported."),
    # --- schema --------------------------------------------------------------------------
    "schema.required": ("Thiếu trường bắt buộc \"{field}\".", "Missing required field \"{field}\"."),
    "schema.additionalProperties": ("Trường \"{field}\" không có trong định dạng kế hoạch (viết sai tên?).",
                                    "Field \"{field}\" is not part of the plan format (misspelt?)."),
    "schema.type": ("Giá trị \"{value}\" sai kiểu: cần {expected}.", "Value \"{value}\" has the wrong type: {expected} expected."),
    "schema.enum": ("Giá trị \"{value}\" không hợp lệ; chỉ được dùng: {allowed}.",
                    "Value \"{value}\" is not allowed; use one of: {allowed}."),
    "schema.const": ("Giá trị \"{value}\" không hợp lệ; cần: {allowed}.", "Value \"{value}\" is not allowed; expected: {allowed}."),
    "schema.pattern": ("Giá trị \"{value}\" không đúng mẫu (chỉ dùng chữ không dấu, số, \".\", \"-\", \"_\").",
                       "Value \"{value}\" does not match the pattern (letters without accents, digits, \".\", \"-\", \"_\")."),
    "schema.format": ("Giá trị \"{value}\" không đúng dạng {expected} (ngày viết YYYY-MM-DD).",
                      "Value \"{value}\" is not a valid {expected} (dates are YYYY-MM-DD)."),
    "schema.minimum": ("Giá trị {value} nhỏ hơn mức tối thiểu {limit}.", "Value {value} is below the minimum {limit}."),
    "schema.maximum": ("Giá trị {value} lớn hơn mức tối đa {limit}.", "Value {value} is above the maximum {limit}."),
    "schema.minItems": ("Danh sách cần ít nhất {limit} phần tử.", "The list needs at least {limit} item(s)."),
    "schema.propertyNames": ("Tên khóa \"{value}\" không hợp lệ (mốc năm viết 4 chữ số, ví dụ \"2030\").",
                             "Key \"{value}\" is not valid (milestone years have 4 digits, e.g. \"2030\")."),
    "schema.other": ("Giá trị \"{value}\" không hợp lệ ({expected}).", "Value \"{value}\" is not valid ({expected})."),
    # --- rules ---------------------------------------------------------------------------
    "rule.duplicate-key": ("Khóa \"{key}\" lặp lại (lần đầu ở dòng {first}).",
                           "Key \"{key}\" repeats (first at line {first})."),
    "rule.duplicate-id": ("Mã \"{id}\" đã dùng ở dòng {first}.", "Id \"{id}\" is already used at line {first}."),
    "rule.unused-suppression": ("Chú thích bỏ qua [{name}] không bỏ qua phát hiện nào.",
                                "Suppression [{name}] suppresses nothing."),
    "rule.unknown-suppression": ("Chú thích bỏ qua nêu quy tắc không tồn tại \"{name}\".",
                                 "Suppression names an unknown rule \"{name}\"."),
    "rule.missing-lead": ("Nhiệm vụ \"{id}\" chưa có đơn vị chủ trì.", "Task \"{id}\" has no lead unit."),
    "rule.vague-lead": ("Đơn vị chủ trì \"{value}\" không chỉ rõ đơn vị nào (vi phạm \"rõ người\").",
                        "Lead unit \"{value}\" names no one (breaks \"rõ người\")."),
    "rule.unknown-unit": ("Đơn vị \"{value}\" không có trong danh mục đơn vị.{suggestions_vi}",
                          "Unit \"{value}\" is not in the unit registry.{suggestions_en}"),
    "rule.unit-spelling": ("Tên đơn vị \"{value}\" viết chưa chuẩn; tên chuẩn: \"{canonical}\".",
                           "Unit \"{value}\" is not spelt the standard way; standard name: \"{canonical}\"."),
    "rule.deadline-missing": ("Nhiệm vụ \"{id}\" chưa có thời gian thực hiện.", "Task \"{id}\" has no deadline."),
    "rule.deadline-missing-column": ("Bảng nhiệm vụ \"{table}\" không có cột thời gian thực hiện.",
                                     "Task table \"{table}\" has no deadline column."),
    "rule.deadline-unparseable": ("Không đọc được thời hạn \"{value}\": {reason_text}.",
                                  "Cannot read deadline \"{value}\": {reason_text}."),
    "rule.deadline-before-plan": ("Thời hạn \"{value}\" (đến {due}) kết thúc trước kỳ kế hoạch (bắt đầu {start}).",
                                  "Deadline \"{value}\" (due {due}) ends before the plan period (starts {start})."),
    "rule.deadline-far-future": ("Thời hạn \"{value}\" (đến {due}) nằm sau kỳ kế hoạch.",
                                 "Deadline \"{value}\" (due {due}) falls after the plan period."),
    "rule.target-unparseable": ("Không đọc được chỉ tiêu \"{value}\".", "Cannot read target \"{value}\"."),
    "rule.target-below-baseline": ("Chỉ tiêu \"{target}\" thấp hơn kết quả năm trước \"{baseline}\".",
                                   "Target \"{target}\" is below the baseline \"{baseline}\"."),
    "rule.numbering-gap": ("Số thứ tự nhảy từ \"{previous}\" đến \"{value}\".",
                           "Numbering jumps from \"{previous}\" to \"{value}\"."),
    "rule.numbering-repeat": ("Số thứ tự \"{value}\" lặp lại hoặc lùi lại (sau \"{previous}\").",
                              "Number \"{value}\" repeats or goes back (after \"{previous}\")."),
    "rule.duplicate-task": ("Nhiệm vụ \"{id}\" trùng nội dung với nhiệm vụ \"{first}\" (dòng {line}).",
                            "Task \"{id}\" repeats task \"{first}\" (line {line})."),
    "rule.progress-date-in-future": ("Cập nhật của \"{id}\" ghi ngày {value}, sau ngày hiện tại {as_of}.",
                                     "An update of \"{id}\" is dated {value}, after the current date {as_of}."),
    "rule.done-without-date": ("\"{id}\" báo hoàn thành ngày {date} nhưng thiếu ngày hoàn thành (done_on).",
                               "\"{id}\" is reported done on {date} without its completion date (done_on)."),
    "rule.percent-out-of-range": ("Tiến độ {value}% của \"{id}\" phải từ 0 đến 100.",
                                  "Progress {value}% of \"{id}\" must be between 0 and 100."),
    "rule.progress-out-of-order": ("Cập nhật ngày {value} của \"{id}\" đứng sau cập nhật ngày {previous}.",
                                   "The update of {value} of \"{id}\" comes after the one of {previous}."),
    "rule.progress-reopened": ("\"{id}\" đã báo hoàn thành, nay ngày {value} lại báo chưa xong mà không ghi lý do.",
                               "\"{id}\" was reported done, and on {value} open again without a note saying why."),
    # --- deadline reasons ----------------------------------------------------------------
    "reason.unrecognised": ("không phải dạng thời hạn quen thuộc", "not a known deadline form"),
    "reason.month-out-of-range": ("tháng phải từ 1 đến 12", "months run from 1 to 12"),
    "reason.quarter-out-of-range": ("quý phải từ I đến IV", "quarters run from I to IV"),
    "reason.day-out-of-range": ("ngày không có trong tháng đó", "no such day in that month"),
    "reason.half-out-of-range": ("năm chỉ có hai nửa (6 tháng đầu năm, 6 tháng cuối năm)",
                                 "a year has two halves"),
    "reason.range-reversed": ("khoảng thời gian kết thúc trước khi bắt đầu", "the range ends before it starts"),
    # --- command line --------------------------------------------------------------------
    "cli.path-missing": ("Không tìm thấy \"{path}\".", "\"{path}\" does not exist."),
    "cli.no-plans": ("Không có tệp kế hoạch (*.yaml) nào trong \"{path}\".", "No plan files (*.yaml) in \"{path}\"."),
    "cli.bad-date": ("Ngày \"{value}\" không hợp lệ: viết dạng YYYY-MM-DD, ví dụ 2026-03-01.",
                     "Date \"{value}\" is not valid: write YYYY-MM-DD, e.g. 2026-03-01."),
    "cli.unknown-rule": ("Không có quy tắc \"{name}\". Các quy tắc: {known}.", "No rule \"{name}\". Rules: {known}."),
    "cli.bad-lang": ("Ngôn ngữ \"{value}\" không được hỗ trợ (vi, en).", "Language \"{value}\" is not supported (vi, en)."),
    "cli.bad-format": ("Định dạng \"{value}\" không được hỗ trợ; dùng: {allowed}.",
                       "Format \"{value}\" is not supported; use: {allowed}."),
    "cli.bad-severity": ("Mức \"{value}\" không hợp lệ; dùng: error, warning, info.",
                         "Severity \"{value}\" is not valid; use: error, warning, info."),
    "cli.config": ("Tệp cấu hình {path} không hợp lệ: {detail}.", "Configuration file {path} is not valid: {detail}."),
    "cli.units-missing": ("Không tìm thấy danh mục đơn vị {path}.", "Unit registry {path} not found."),
    "cli.internal": ("Lỗi không mong đợi trong kehoach ({detail}). Hãy chạy lại với --debug và gửi kết quả cho nhóm phát triển.",
                     "Unexpected error in kehoach ({detail}). Run again with --debug and send the output to the developers."),
    "cli.summary": ("{files} tệp: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú.",
                    "{files} file(s): {errors} error(s), {warnings} warning(s), {infos} note(s)."),
    "cli.summary-clean": ("{files} tệp: không có phát hiện nào.", "{files} file(s): no findings."),
    "cli.unreadable-files": ("{count} tệp không đọc được.", "{count} file(s) could not be read."),
    "units.unreadable": ("Không đọc được danh mục đơn vị {path}:{line}:{column} ({reason}).",
                         "Cannot read the unit registry {path}:{line}:{column} ({reason})."),
    "units.invalid": ("Danh mục đơn vị {path}:{line}:{column} không hợp lệ: {detail}.",
                      "Unit registry {path}:{line}:{column} is not valid: {detail}."),
    "explain.valid": ("hợp lệ", "valid"),
    "explain.invalid": ("không hợp lệ", "not valid"),
    # --- export ---------------------------------------------------------------------------
    "out.exists": ("Tệp \"{path}\" đã có; thêm --overwrite để ghi đè.", "\"{path}\" exists; add --overwrite to replace it."),
    "out.unwritable": ("Không ghi được \"{path}\": {reason}.", "Cannot write \"{path}\": {reason}."),
    # --- progress and status ---------------------------------------------------------------
    "progress.bad-state": ("Tình trạng \"{value}\" không hợp lệ; dùng: {allowed}.",
                           "State \"{value}\" is not valid; use: {allowed}."),
    "progress.no-state": ("Cần --status (hoặc --nothing nếu tháng này không phát sinh).",
                          "--status is required (or --nothing when there is nothing to report)."),
    "progress.need-task-date": ("Cần mã nhiệm vụ và --date (hoặc --from TỆP.csv).",
                                "A task id and --date are required (or --from FILE.csv)."),
    "progress.future": ("Ngày \"{value}\" ở sau ngày hiện tại {as_of}: không ghi tiến độ cho tương lai.",
                        "Date \"{value}\" is after the current date {as_of}: progress cannot be recorded ahead."),
    "progress.percent": ("Tỷ lệ \"{value}\" không hợp lệ: phải từ 0 đến 100.", "Percent \"{value}\" is not valid: 0 to 100."),
    "progress.done-after-report": ("Ngày hoàn thành {value} ở sau ngày báo cáo {date}.",
                                   "Completion date {value} is after the report date {date}."),
    "progress.unknown-task": ("Không có nhiệm vụ mã \"{id}\".{suggestions_vi}", "No task with id \"{id}\".{suggestions_en}"),
    "progress.unreadable": ("Không đọc được {path}:{line}:{column}; hãy chạy kehoach validate {path}.",
                            "Cannot read {path}:{line}:{column}; run kehoach validate {path}."),
    "progress.invalid": ("{path}:{line}:{column} không đúng định dạng kế hoạch; hãy chạy kehoach validate {path} và sửa trước.",
                         "{path}:{line}:{column} breaks the plan format; run kehoach validate {path} and fix it first."),
    "progress.flow-style": ("Nhiệm vụ \"{id}\" (dòng {line}) viết dạng {{…}} trên một dòng: hãy chạy kehoach fmt trước.",
                            "Task \"{id}\" (line {line}) is written inline as {{…}}: run kehoach fmt first."),
    "progress.internal": ("Không ghi được cập nhật cho \"{id}\" một cách an toàn; tệp không bị thay đổi.",
                          "Could not record the update for \"{id}\" safely; the file is unchanged."),
    "progress.csv-encoding": ("{path}:{line}: tệp CSV không phải UTF-8; trong Excel chọn \"CSV UTF-8\" khi lưu.",
                              "{path}:{line}: the CSV is not UTF-8; in Excel save as \"CSV UTF-8\"."),
    "progress.csv-empty": ("Tệp CSV {path} rỗng.", "The CSV file {path} is empty."),
    "progress.csv-columns": ("Tệp CSV {path} thiếu cột: {missing} (có: {found}).",
                             "The CSV file {path} lacks columns: {missing} (found: {found})."),
    "progress.csv-rejected": ("{count} dòng lỗi: không ghi gì vào {path}.", "{count} bad row(s): nothing written to {path}."),
    "status.xlsx-needs-output": ("Định dạng xlsx cần -o TỆP.xlsx.", "The xlsx format needs -o FILE.xlsx."),
    "progress.written": ("Đã ghi {count} cập nhật vào {path}.", "Recorded {count} update(s) in {path}."),
    # --- render ----------------------------------------------------------------------------
    "render.invalid": ("{path}: kế hoạch chưa hợp lệ (xem các lỗi trên) nên không in. Hãy sửa các lỗi, hoặc thêm --force để in một bản có dấu DỰ THẢO.",
                       "{path}: the plan is not valid (see the errors above), so nothing was rendered. Fix the errors, or add --force to render a copy marked DỰ THẢO (draft)."),
    "render.unbuildable": ("{path}: kế hoạch không đúng định dạng (xem các lỗi trên) nên không thể in, kể cả với --force.",
                           "{path}: the plan breaks the plan format (see the errors above) and cannot be rendered, even with --force."),
    "render.unreadable": ("{path}: không đọc được tệp kế hoạch (xem lỗi trên).", "{path}: the plan file cannot be read (see above)."),
    "render.draft": ("{path}: đã in bản có dấu DỰ THẢO vì kế hoạch còn {count} lỗi: không ban hành bản này.",
                     "{path}: rendered with a DỰ THẢO (draft) mark because the plan has {count} error(s): do not issue this copy."),
    "render.summary": ("Đã in {written} trên {total} kế hoạch.", "Rendered {written} of {total} plan(s)."),
    "render.exists": ("Tệp \"{path}\" đã có ({count} tệp kết quả đã có); thêm --overwrite để ghi đè.",
                      "\"{path}\" already exists ({count} output file(s) exist); add --overwrite to replace them."),
    "render.same-target": ("\"{first}\" và \"{second}\" sẽ cùng ghi ra \"{path}\": hãy in chúng vào hai thư mục khác nhau.",
                           "\"{first}\" and \"{second}\" would both be written to \"{path}\": render them into different folders."),
    "render.template-missing": ("Không tìm thấy mẫu văn bản \"{path}\".", "Template \"{path}\" not found."),
    "render.template-unreadable": ("Không đọc được mẫu văn bản \"{path}\": {reason}.", "Cannot read template \"{path}\": {reason}."),
    "render.template-encoding": ("Mẫu văn bản \"{path}\" không phải văn bản UTF-8 (mẫu Markdown/HTML là tệp văn bản; mẫu Word dùng với --format docx hoặc pdf).",
                                 "Template \"{path}\" is not UTF-8 text (Markdown/HTML templates are text files; Word templates go with --format docx or pdf)."),
    "render.template-broken": ("Mẫu văn bản \"{path}\" bị lỗi: {reason}.", "Template \"{path}\" is broken: {reason}."),
    "render.template-no-body": ("Mẫu văn bản \"{path}\" thiếu chỗ đặt nội dung kế hoạch: cần đúng một đoạn chỉ chứa {{{{p body }}}}.",
                                "Template \"{path}\" has no place for the plan's body: it needs exactly one paragraph holding only {{{{p body }}}}."),
    "render.no-soffice": ("Cần LibreOffice để in ra PDF nhưng máy chưa cài. Cài bằng lệnh: sudo apt-get install libreoffice-writer (Debian/Ubuntu), hoặc tải tại libreoffice.org; cũng có thể in --format docx rồi mở bằng Word và lưu thành PDF.",
                          "PDF needs LibreOffice, which is not installed. Install it with: sudo apt-get install libreoffice-writer (Debian/Ubuntu), or from libreoffice.org; or render --format docx and save it as PDF from Word."),
    "render.pdf-timeout": ("LibreOffice chưa chuyển xong sang PDF sau {seconds} giây.", "LibreOffice did not finish the PDF within {seconds} seconds."),
    "render.pdf-failed": ("LibreOffice không chuyển được sang PDF: {reason}.", "LibreOffice could not convert to PDF: {reason}."),
    # --- diff and fmt ----------------------------------------------------------------------
    # --- rollup ----------------------------------------------------------------------------
    "rollup.catalog-missing": ("Không tìm thấy danh mục chỉ tiêu (catalog.yaml) ở thư mục kế hoạch hay các thư mục cha của nó; hãy chỉ rõ bằng --catalog TỆP.",
                               "No indicator catalog (catalog.yaml) in the plans' folder or above it; name one with --catalog FILE."),
    "rollup.catalog-several": ("Các kế hoạch thuộc nhiều danh mục chỉ tiêu khác nhau ({paths}); hãy chọn một bằng --catalog.",
                               "The plans lead to several indicator catalogs ({paths}); choose one with --catalog."),
    "rollup.catalog-not-found": ("Không tìm thấy danh mục chỉ tiêu {path}.", "Indicator catalog {path} not found."),
    "rollup.catalog-unreadable": ("Không đọc được danh mục chỉ tiêu {path}:{line}:{column}: {detail_vi}.",
                                  "Cannot read the indicator catalog {path}:{line}:{column}: {detail_en}."),
    "rollup.catalog-invalid": ("Danh mục chỉ tiêu {path}:{line}:{column} không hợp lệ: {detail_vi}.",
                               "Indicator catalog {path}:{line}:{column} is not valid: {detail_en}."),
    "rollup.catalog-duplicate-code": ("Danh mục chỉ tiêu {path}:{line}:{column}: mã \"{code}\" đã có ở dòng {first}.",
                                      "Indicator catalog {path}:{line}:{column}: code \"{code}\" is already used at line {first}."),
    "rollup.catalog-city-target": ("Danh mục chỉ tiêu {path}:{line}:{column}: không đọc được chỉ tiêu thành phố \"{value}\" của mã \"{code}\" thành một con số (ví dụ \"≥ 60%\").",
                                   "Indicator catalog {path}:{line}:{column}: the city target \"{value}\" of \"{code}\" is not a figure (e.g. \"≥ 60%\")."),
    "rollup.catalog-city-target-repeat": ("Danh mục chỉ tiêu {path}:{line}:{column}: mã \"{code}\" có hai chỉ tiêu thành phố cho {city} năm {year} (lần đầu ở dòng {first}).",
                                          "Indicator catalog {path}:{line}:{column}: \"{code}\" has two city targets for {city} in {year} (first at line {first})."),
    "rollup.unknown-indicator": ("Danh mục chỉ tiêu {path} không có mã \"{value}\".{suggestions_vi}",
                                 "The indicator catalog {path} has no code \"{value}\".{suggestions_en}"),
    "rollup.xlsx-needs-output": ("Định dạng xlsx cần -o TỆP.xlsx.", "The xlsx format needs -o FILE.xlsx."),
    "rollup.finding.duplicate-commune": ("Có nhiều kế hoạch cho cùng {commune_kind} {commune} năm {year}: {files}. Các kế hoạch này vẫn được liệt kê nhưng không được tính vào số liệu chung của thành phố cho đến khi chỉ còn một kế hoạch.",
                                         "Several plans for the same {commune_kind} {commune}, {year}: {files}. They are listed but left out of the city figures until only one remains."),
    "rollup.finding.unknown-code": ("{where}: chỉ tiêu \"{id}\" trỏ tới mã \"{code}\" không có trong danh mục chỉ tiêu; dòng này không được tổng hợp.{suggestions_vi}",
                                    "{where}: indicator \"{id}\" points at code \"{code}\", which is not in the indicator catalog; the row is not rolled up.{suggestions_en}"),
    "rollup.finding.no-code": ("{where}: chỉ tiêu \"{id}\" chưa có mã danh mục (catalog); dòng này không được tổng hợp.",
                               "{where}: indicator \"{id}\" has no catalog code; the row is not rolled up."),
    "rollup.finding.wrong-unit": ("{where}: giá trị thực tế \"{value}\" ({date}) của \"{id}\" ({code}) không cùng đơn vị với danh mục (\"{unit}\"); giá trị này không được tính.",
                                  "{where}: the actual value \"{value}\" ({date}) of \"{id}\" ({code}) is not in the catalog's unit (\"{unit}\"); it is not counted."),
    "rollup.finding.wrong-unit-target": ("{where}: chỉ tiêu \"{value}\" của \"{id}\" ({code}) không cùng đơn vị với danh mục (\"{unit}\"); không so sánh được.",
                                         "{where}: the target \"{value}\" of \"{id}\" ({code}) is not in the catalog's unit (\"{unit}\"); it is not compared."),
    "rollup.finding.unreadable-actual": ("{where}: không đọc được giá trị thực tế \"{value}\" ({date}) của \"{id}\" ({code}) thành một con số; giá trị này không được tính.",
                                         "{where}: the actual value \"{value}\" ({date}) of \"{id}\" ({code}) is not a figure; it is not counted."),
    "rollup.finding.conflicting-actuals": ("{where}: \"{id}\" ({code}) báo \"{value}\" ngày {date}, khác giá trị \"{kept}\" của \"{kept_id}\" (dòng {kept_line}) cùng ngày; dùng giá trị của \"{kept_id}\".",
                                           "{where}: \"{id}\" ({code}) reports \"{value}\" on {date}, unlike \"{kept}\" of \"{kept_id}\" (line {kept_line}) on the same day; the value of \"{kept_id}\" is used."),
    "rollup.finding.below-city-target": ("{where}: chỉ tiêu \"{target}\" của {commune} ({code}) thấp hơn chỉ tiêu của thành phố {city} năm {year} \"{city_target}\" (nguồn: {source}).",
                                         "{where}: the target \"{target}\" of {commune} ({code}) is below the {city} city target for {year} \"{city_target}\" (source: {source})."),
    "rollup.method.point-latest": ("Giá trị tại một thời điểm: lấy giá trị mới nhất trong kỳ kế hoạch đến ngày tính, không cộng dồn; toàn thành phố không cộng mà xem phân bố (nhỏ nhất / trung vị / lớn nhất) và số xã đạt chỉ tiêu.",
                                   "Point-in-time: the latest value within the plan period up to the as-of date, never summed; for the city, a distribution (min / median / max) and how many communes reach their target, not a total."),
    "rollup.method.cumulative-sum": ("Cộng dồn: cộng các giá trị báo cáo trong kỳ kế hoạch đến ngày tính; tổng toàn thành phố chỉ cộng các xã đã có số liệu, xã chưa có số liệu không được tính là 0.",
                                     "Cumulative: the values reported within the plan period up to the as-of date are summed; the city total adds up the communes that reported, and a commune without data is not counted as 0."),
    "rollup.method.qualitative-latest": ("Định tính: lấy kết quả mới nhất (Đạt / Không đạt) trong kỳ kế hoạch đến ngày tính; toàn thành phố đếm số xã đạt.",
                                         "Qualitative: the latest verdict (reached / not reached) within the plan period up to the as-of date; for the city, how many communes reached it."),
    "rollup.row-rule.only": ("dòng duy nhất", "the only row"),
    "rollup.row-rule.target": ("dòng đầu tiên có chỉ tiêu năm kế hoạch", "the first row with a plan-year target"),
    "rollup.row-rule.milestone": ("dòng đầu tiên có mốc năm kế hoạch", "the first row with a plan-year milestone"),
    "rollup.row-rule.first": ("dòng đầu tiên (không dòng nào có chỉ tiêu năm kế hoạch)", "the first row (no row has a plan-year target)"),
    "rollup.rule.rows": ("Một kế hoạch có thể ghi cùng một mã ở nhiều dòng: số liệu lấy từ dòng đầu tiên có chỉ tiêu năm kế hoạch, nếu không có thì dòng đầu tiên có mốc năm kế hoạch, nếu không thì dòng đầu tiên; mọi mã dòng đều được giữ.",
                         "A plan may list one code in several rows: the figures come from the first row with a plan-year target, else the first with a plan-year milestone, else the first row; every row id is kept."),
    "rollup.rule.values": ("Chỉ tính giá trị thực tế ghi ngày trong kỳ kế hoạch và không sau ngày tính; giá trị khác đơn vị hoặc không đọc được thành số bị loại kèm phát hiện.",
                           "Only actual values dated within the plan period and not after the as-of date count; values in another unit or not readable as a figure are left out, with a finding."),
    "rollup.rule.compare": ("So sánh theo chiều của chỉ tiêu trong danh mục (càng cao càng tốt hoặc càng thấp càng tốt); \"Chênh lệch\" là thực tế trừ chỉ tiêu theo chiều tốt lên: số âm là còn thiếu.",
                            "Comparisons follow the catalog's direction (higher or lower is better); the gap is actual minus target in the good direction: negative is short of the target."),
    "rollup.rule.gaps": ("Xã không có chỉ tiêu này hoặc chưa có số liệu vẫn được liệt kê và được đếm riêng, không bị bỏ qua.",
                         "Communes without the indicator or without a value are listed and counted as such, never dropped."),
    "rollup.rule.duplicates": ("Khi có nhiều kế hoạch cho cùng một xã và năm, các kế hoạch đó vẫn được liệt kê nhưng không được tính vào số liệu chung.",
                               "When several plans exist for one commune and year, they are listed but left out of the city figures."),
    "rollup.rule.tasks": ("Tình trạng nhiệm vụ lấy từ lệnh status (thời hạn, tiến độ đã ghi, ngày tính); một nhiệm vụ có nhiều đơn vị chủ trì được đếm cho từng đơn vị; tên đơn vị quy về tên chuẩn theo danh mục đơn vị.",
                          "Task timeliness comes from the status engine (deadline, recorded progress, as-of date); a task with several lead units counts for each; unit names are resolved to canonical names through the unit registry."),
}

_SEVERITY = {"error": ("lỗi", "error"), "warning": ("cảnh báo", "warning"), "info": ("ghi chú", "info")}


def t(key: str, lang: str = "vi", **args: Any) -> str:
    """The message ``key`` in ``lang``, filled with ``args``; a missing argument never crashes."""
    pair = M.get(key)
    if pair is None:
        return key
    template = pair[1] if lang == "en" else pair[0]
    args = _derived(args, lang)
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template


def _derived(args: dict[str, Any], lang: str) -> dict[str, Any]:
    out = dict(args)
    if "reason" in args and "reason_text" not in args:
        out["reason_text"] = t(f"reason.{args['reason']}", lang)
    if "suggestions" in args:
        s = args["suggestions"]
        out["suggestions_vi"] = f" Có phải: {s}?" if s else ""
        out["suggestions_en"] = f" Did you mean: {s}?" if s else ""
    return out


def severity_label(severity: str, lang: str) -> str:
    pair = _SEVERITY.get(severity, (severity, severity))
    return pair[1] if lang == "en" else pair[0]
