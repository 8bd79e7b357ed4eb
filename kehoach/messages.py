"""Every user-facing message, in Vietnamese (default) and English, in one catalogue — except
the rules' Vietnamese texts, which live in each rule (kehoach/rules/); their English is here.

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
    "load.too-many-values": ("Tệp có quá nhiều phần tử (trên {limit:,}, đến đây): một kế hoạch của xã chỉ vài nghìn; hãy tách tệp.",
                             "The file holds too many values (over {limit:,}, up to here): a commune's plan has a few thousand; split the file."),
    "load.empty": ("Tệp rỗng: không có kế hoạch nào.", "The file is empty: no plan in it."),
    "load.complex-key": ("Khóa YAML phải là một chuỗi đơn giản.", "A YAML key must be a plain string."),
    "load.tag": ("Thẻ YAML {tag} không được hỗ trợ.", "YAML tag {tag} is not supported."),
    "load.fifo": ("Đây là ống dẫn (FIFO), không phải tệp: kehoach chỉ đọc tệp thường.",
                  "This is a pipe (FIFO), not a file: kehoach reads regular files only."),
    "load.device": ("Đây là thiết bị, không phải tệp: kehoach chỉ đọc tệp thường.",
                    "This is a device, not a file: kehoach reads regular files only."),
    "load.socket": ("Đây là socket, không phải tệp: kehoach chỉ đọc tệp thường.",
                    "This is a socket, not a file: kehoach reads regular files only."),
    "load.other": ("Đây không phải tệp thường: kehoach chỉ đọc tệp thường.",
                   "This is not a regular file: kehoach reads regular files only."),
    "load.too-much-text": ("Tệp mở rộng thành quá nhiều văn bản (trên {limit:,} ký tự): có thể do bí danh YAML (*…) "
                           "lặp lại một đoạn dài.",
                           "The file expands to too much text (over {limit:,} characters): a YAML alias (*…) "
                           "repeating a long text?"),
    "load.too-deep-at": ("Cấu trúc lồng nhau quá {limit} tầng (hoặc một bí danh YAML chứa chính nó).",
                         "Nested more than {limit} levels deep (or a YAML alias that contains itself)."),
    "load.bad-tagged": ("Giá trị \"{value}\" không đọc được theo thẻ {tag}.",
                        "The value \"{value}\" cannot be read as {tag}."),
    "load.link-outside": ("{path} là liên kết tới một tệp nằm ngoài {root}: chỉ đọc, không ghi.",
                          "{path} links to a file outside {root}: read, never written."),
    # --- schema --------------------------------------------------------------------------
    "schema.required": ("Thiếu trường bắt buộc \"{field}\".", "Missing required field \"{field}\"."),
    "schema.additionalProperties": ("Trường \"{field}\" không có trong định dạng kế hoạch (viết sai tên?).",
                                    "Field \"{field}\" is not part of the plan format (misspelt?)."),
    "schema.type": ("Giá trị \"{value}\" sai kiểu: cần {expected}.", "Value \"{value}\" has the wrong type: {expected} expected."),
    "schema.type-yaml11": ("Giá trị {value} sai kiểu: cần {expected}. YAML đọc \"{value}\" viết không ngoặc thành "
                           "{read}; nếu là văn bản hãy đặt trong ngoặc kép.",
                           "The value {value} has the wrong type: {expected} expected. YAML reads \"{value}\" "
                           "written without quotes as {read}; put text in double quotes."),
    "schema.number-yaml11": ("Giá trị {value} sai kiểu: cần {expected}. Cách viết số này của YAML 1.1 (thập lục phân, "
                             "bát phân, cơ số 60) không được dùng: hãy viết số thập phân.",
                             "The value {value} has the wrong type: {expected} expected. This YAML 1.1 number "
                             "form (hex, octal, base 60) is not read: write the decimal number."),
    "schema.root": ("Tệp không phải một bảng khóa–giá trị YAML (khóa: giá trị) như mọi tệp của kehoach; nội dung "
                    "không được in ra.", "The file is not a YAML mapping (key: value) as every kehoach file is; its "
                    "content is not shown."),
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
    "cli.bad-year": ("Năm \"{value}\" không hợp lệ: kehoach đọc các năm từ {first} đến {last}.",
                     "Year \"{value}\" is not valid: kehoach reads years {first} to {last}."),
    "cli.unknown-rule": ("Không có quy tắc \"{name}\". Các quy tắc: {known}.", "No rule \"{name}\". Rules: {known}."),
    "cli.bad-lang": ("Ngôn ngữ \"{value}\" không được hỗ trợ (vi, en).", "Language \"{value}\" is not supported (vi, en)."),
    "cli.bad-format": ("Định dạng \"{value}\" không được hỗ trợ; dùng: {allowed}.",
                       "Format \"{value}\" is not supported; use: {allowed}."),
    "cli.bad-choice": ("Giá trị \"{value}\" không hợp lệ; dùng: {allowed}.", "Value \"{value}\" is not allowed; use one of: {allowed}."),
    "cli.format-help": ("Định dạng: {formats} (mặc định: {default}, hoặc theo đuôi tệp của -o).",
                        "Format: {formats} (default: {default}, or from the extension of -o)."),
    "cli.no-registry": ("Thư mục \"{folder}\" không có danh mục đơn vị (units.yaml): bỏ qua các quy tắc {rules}.",
                        "Folder \"{folder}\" has no unit registry (units.yaml): the rules {rules} were skipped."),
    "cli.bad-severity": ("Mức \"{value}\" không hợp lệ; dùng: error, warning, info.",
                         "Severity \"{value}\" is not valid; use: error, warning, info."),
    "cli.config": ("Tệp cấu hình {path} không hợp lệ: {detail}.", "Configuration file {path} is not valid: {detail}."),
    "cli.config-unreadable": ("Không đọc được tệp cấu hình {path}: {problem_vi}", "Cannot read the configuration file "
                              "{path}: {problem_en}"),
    "cli.config-encoding": ("Tệp cấu hình {path} không phải văn bản UTF-8 (dòng {line}): hãy lưu lại với bảng mã UTF-8.",
                            "The configuration file {path} is not UTF-8 text (line {line}): save it as UTF-8."),
    "cli.config-unknown": ("Tệp cấu hình {path}: không có khóa \"{setting}\".{suggestions_vi}",
                           "Configuration file {path}: there is no key \"{setting}\".{suggestions_en}"),
    "cli.config-type": ("Tệp cấu hình {path}: khóa \"{setting}\" sai kiểu, cần {expected}.",
                        "Configuration file {path}: key \"{setting}\" has the wrong type, {expected} expected."),
    "cli.config-rule": ("Tệp cấu hình {path}, khóa \"{setting}\": không có quy tắc \"{name}\".{suggestions_vi}",
                        "Configuration file {path}, key \"{setting}\": no rule \"{name}\".{suggestions_en}"),
    "cli.config-severity": ("Tệp cấu hình {path}, khóa \"{setting}\": mức \"{value}\" không hợp lệ; dùng: error, warning, "
                            "info.", "Configuration file {path}, key \"{setting}\": severity \"{value}\" is not valid; "
                            "use: error, warning, info."),
    "cli.output-failed": ("Không ghi được kết quả: {detail}.", "Cannot write the output: {detail}."),
    "cli.file-unreadable": ("Không đọc được {path}: {problem_vi}", "Cannot read {path}: {problem_en}"),
    "cli.units-missing": ("Không tìm thấy danh mục đơn vị {path}.", "Unit registry {path} not found."),
    "cli.bad-start-method": ("KEHOACH_START_METHOD=\"{value}\" không dùng được trên máy này; dùng: {allowed}.",
                             "KEHOACH_START_METHOD=\"{value}\" is not available on this system; use: {allowed}."),
    "cli.internal": ("Lỗi không mong đợi trong kehoach ({detail}). Hãy chạy lại với --debug và gửi kết quả cho nhóm phát triển.",
                     "Unexpected error in kehoach ({detail}). Run again with --debug and send the output to the developers."),
    "cli.summary": ("{files} tệp: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú.",
                    "{files} file(s): {errors} error(s), {warnings} warning(s), {infos} note(s)."),
    "cli.summary-clean": ("{files} tệp: không có phát hiện nào.", "{files} file(s): no findings."),
    "cli.unreadable-files": ("{count} tệp không đọc được.", "{count} file(s) could not be read."),
    "units.unreadable": ("Không đọc được danh mục đơn vị {path}:{line}:{column}: {problem_vi}",
                         "Cannot read the unit registry {path}:{line}:{column}: {problem_en}"),
    "units.invalid": ("Danh mục đơn vị {path}:{line}:{column} không hợp lệ: {detail_vi}.",
                      "Unit registry {path}:{line}:{column} is not valid: {detail_en}."),
    "explain.valid": ("hợp lệ", "valid"),
    "explain.invalid": ("không hợp lệ", "not valid"),
    # --- export ---------------------------------------------------------------------------
    "out.exists": ("Tệp \"{path}\" đã có; thêm --overwrite để ghi đè.", "\"{path}\" exists; add --overwrite to replace it."),
    "out.needs-file": ("Định dạng {format} không hiện được trên màn hình: thêm -o TỆP (ví dụ -o bao-cao.{format}).",
                       "The {format} format cannot be shown on a terminal: add -o FILE (e.g. -o report.{format})."),
    "out.is-folder": ("\"{path}\" là một thư mục: hãy cho tên tệp kết quả, ví dụ -o {path}/ket-qua.json.",
                      "\"{path}\" is a folder: give the name of the output file, e.g. -o {path}/result.json."),
    "out.format-mismatch": ("Tệp \"{path}\" có đuôi của định dạng {implied} nhưng --format là {format}: hãy đổi đuôi tệp hoặc bỏ --format.",
                            "\"{path}\" has the extension of the {implied} format but --format is {format}: change the extension or drop --format."),
    "out.unwritable": ("Không ghi được \"{path}\": {reason}.", "Cannot write \"{path}\": {reason}."),
    # --- writing files a person keeps (kehoach/safewrite.py) ----------------------------------
    "write.special": ("Không ghi vào \"{path}\": đây không phải tệp thường (thiết bị, FIFO hoặc socket); hãy cho tên một tệp.",
                      "Not writing to \"{path}\": it is not a regular file (a device, FIFO or socket); name a file."),
    "write.read-only": ("Không ghi \"{path}\": tệp chỉ được phép đọc. Tệp được giữ nguyên; nếu cần sửa, hãy bỏ thuộc tính chỉ đọc (chmod u+w) rồi chạy lại.",
                        "Not writing \"{path}\": the file is read-only. It is left as it was; to change it, make it writable (chmod u+w) and run again."),
    "write.locked": ("Không ghi được \"{path}\": một lệnh kehoach khác đang ghi tệp này đã quá {seconds} giây (khóa {lock}). Hãy chạy lại sau.",
                     "Cannot write \"{path}\": another kehoach has been writing it for over {seconds} s (lock {lock}). Run again later."),
    "write.changed": ("Không ghi \"{path}\": tệp đã bị thay đổi kể từ khi kehoach đọc nó. Tệp được giữ nguyên; hãy chạy lại lệnh.",
                      "Not writing \"{path}\": the file changed after kehoach read it. It is left as it was; run the command again."),
    "write.in-place-failed": ("Không ghi hết được \"{path}\" (tệp có nhiều liên kết cứng, được ghi tại chỗ): {reason}. Bản mới đầy đủ nằm ở \"{copy}\"; hãy chép nó đè lên tệp.",
                              "Could not finish writing \"{path}\" (a hard-linked file, written in place): {reason}. The full new version is in \"{copy}\"; copy it over the file."),
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
    "progress.flow-style": ("Nhiệm vụ \"{id}\" (dòng {line}) viết dạng {{…}} trên một dòng: hãy chạy kehoach fmt trước.",
                            "Task \"{id}\" (line {line}) is written inline as {{…}}: run kehoach fmt first."),
    "progress.internal": ("Không ghi được cập nhật cho \"{id}\" một cách an toàn; tệp không bị thay đổi.",
                          "Could not record the update for \"{id}\" safely; the file is unchanged."),
    "progress.csv-encoding": ("{path}:{line}: tệp CSV không phải UTF-8; trong Excel chọn \"CSV UTF-8\" khi lưu.",
                              "{path}:{line}: the CSV is not UTF-8; in Excel save as \"CSV UTF-8\"."),
    "progress.csv-field": ("{path}:{line}: một ô dài quá {limit:,} ký tự: đây không phải bảng tiến độ.",
                           "{path}:{line}: a cell is longer than {limit:,} characters: not a progress table."),
    "progress.csv-broken": ("{path}:{line}: không đọc được dòng CSV này (ký tự NUL hoặc ngoặc kép không đóng?).",
                            "{path}:{line}: this CSV line cannot be read (a NUL character, or an unclosed quote?)."),
    "progress.bad-text": ("{option}: ký tự thứ {position} không phải UTF-8 (bảng mã của terminal?); không ghi gì.",
                          "{option}: character {position} is not UTF-8 (the terminal's encoding?); nothing written."),
    "progress.csv-empty": ("Tệp CSV {path} rỗng.", "The CSV file {path} is empty."),
    "progress.csv-columns": ("Tệp CSV {path} thiếu cột: {missing} (có: {found}).",
                             "The CSV file {path} lacks columns: {missing} (found: {found})."),
    "progress.csv-rejected": ("{count} dòng lỗi: không ghi gì vào {path}.", "{count} bad row(s): nothing written to {path}."),
    "status.unknown-unit": ("Không có đơn vị \"{value}\" trong danh mục đơn vị hay trong nhiệm vụ nào.{suggestions_vi}",
                            "No unit \"{value}\" in the unit registry or in any task.{suggestions_en}"),
    "progress.written": ("Đã ghi {count} cập nhật vào {path}.", "Recorded {count} update(s) in {path}."),
    # --- render ----------------------------------------------------------------------------
    "render.invalid": ("{path}: kế hoạch chưa hợp lệ (xem các lỗi trên) nên không in. Hãy sửa các lỗi, hoặc thêm --force để in một bản có dấu DỰ THẢO.",
                       "{path}: the plan is not valid (see the errors above), so nothing was rendered. Fix the errors, or add --force to render a copy marked DỰ THẢO (draft)."),
    "render.unbuildable": ("{path}: kế hoạch không đúng định dạng (xem các lỗi trên) nên không thể in, kể cả với --force.",
                           "{path}: the plan breaks the plan format (see the errors above) and cannot be rendered, even with --force."),
    "render.unreadable": ("{path}: không đọc được tệp kế hoạch (xem lỗi trên).", "{path}: the plan file cannot be read (see above)."),
    "render.draft": ("{path}: đã in bản có dấu DỰ THẢO vì kế hoạch còn {count} lỗi: không ban hành bản này.",
                     "{path}: rendered with a DỰ THẢO (draft) mark because the plan has {count} error(s): do not issue this copy."),
    "render.dropped": ("{path}: đã bỏ khỏi văn bản các ký tự không in được ở dòng {lines} (quy tắc illegal-character).",
                       "{path}: characters that cannot be printed were left out of the document (lines {lines}; rule illegal-character)."),
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
    "diff.kind.plan-added": ("Thêm kế hoạch", "Plan added"),
    "diff.kind.plan-removed": ("Xóa kế hoạch", "Plan removed"),
    "diff.kind.task-added": ("Thêm nhiệm vụ", "Task added"),
    "diff.kind.task-removed": ("Xóa nhiệm vụ", "Task removed"),
    "diff.kind.task-moved": ("Chuyển nhiệm vụ", "Task moved"),
    "diff.kind.indicator-added": ("Thêm chỉ tiêu", "Indicator added"),
    "diff.kind.indicator-removed": ("Xóa chỉ tiêu", "Indicator removed"),
    "diff.kind.indicator-moved": ("Chuyển chỉ tiêu", "Indicator moved"),
    "diff.kind.budget-added": ("Thêm mục kinh phí", "Budget item added"),
    "diff.kind.budget-removed": ("Xóa mục kinh phí", "Budget item removed"),
    "diff.kind.budget-moved": ("Chuyển mục kinh phí", "Budget item moved"),
    "diff.kind.lead-changed": ("Đổi đơn vị chủ trì", "Lead unit changed"),
    "diff.kind.support-changed": ("Đổi đơn vị phối hợp", "Coordinating units changed"),
    "diff.kind.unit-spelling-fixed": ("Sửa cách viết tên đơn vị (vẫn là đơn vị đó)", "Unit spelling fixed (same unit)"),
    "diff.kind.deadline-changed": ("Đổi thời hạn", "Deadline changed"),
    "diff.kind.target-changed": ("Đổi chỉ tiêu", "Target changed"),
    "diff.kind.milestone-changed": ("Đổi mốc chỉ tiêu", "Milestone changed"),
    "diff.kind.baseline-changed": ("Đổi kết quả năm trước", "Baseline changed"),
    "diff.kind.text-changed": ("Sửa nội dung", "Text changed"),
    "diff.kind.number-changed": ("Đổi số thứ tự", "Renumbered"),
    "diff.kind.field-changed": ("Sửa thông tin", "Field changed"),
    "diff.kind.progress-added": ("Ghi tiến độ", "Progress recorded"),
    "diff.kind.progress-changed": ("Sửa tiến độ đã báo cáo", "Reported progress edited"),
    "diff.kind.progress-removed": ("Xóa tiến độ đã báo cáo", "Reported progress removed"),
    "diff.kind.actual-added": ("Ghi kết quả thực hiện", "Actual value recorded"),
    "diff.kind.actual-changed": ("Sửa kết quả đã báo cáo", "Reported actual value edited"),
    "diff.kind.actual-removed": ("Xóa kết quả đã báo cáo", "Reported actual value removed"),
    "diff.kind.meta-changed": ("Sửa thông tin văn bản", "Document details changed"),
    "diff.kind.appendix-changed": ("Sửa tiêu đề phụ lục", "Appendix heading changed"),
    "diff.kind.paragraph-added": ("Thêm đoạn văn", "Paragraph added"),
    "diff.kind.paragraph-removed": ("Xóa đoạn văn", "Paragraph removed"),
    "diff.kind.paragraph-changed": ("Sửa đoạn văn", "Paragraph changed"),
    "diff.say.row": ("\"{text}\" ({where})", "\"{text}\" ({where})"),
    "diff.say.moved": ("từ {old} sang {new}", "from {old} to {new}"),
    "diff.say.deadline-later": ("lùi từ \"{old}\" (hạn {old_due}) sang \"{new}\" (hạn {new_due})",
                                "moved later from \"{old}\" (due {old_due}) to \"{new}\" (due {new_due})"),
    "diff.say.deadline-earlier": ("sớm hơn: \"{old}\" (hạn {old_due}) → \"{new}\" (hạn {new_due})",
                                  "moved earlier: \"{old}\" (due {old_due}) → \"{new}\" (due {new_due})"),
    "diff.say.deadline-removed": ("không còn ngày hạn: \"{old}\" (hạn {old_due}) → \"{new}\"",
                                  "no due date any more: \"{old}\" (due {old_due}) → \"{new}\""),
    "diff.say.deadline-same": ("cùng hạn {new_due}: \"{old}\" → \"{new}\"", "same due date {new_due}: \"{old}\" → \"{new}\""),
    "diff.say.deadline-other": ("\"{old}\" → \"{new}\" (hạn {new_due})", "\"{old}\" → \"{new}\" (due {new_due})"),
    "diff.say.target-lowered": ("hạ từ \"{old}\" xuống \"{new}\"", "lowered from \"{old}\" to \"{new}\""),
    "diff.say.target-raised": ("nâng từ \"{old}\" lên \"{new}\"", "raised from \"{old}\" to \"{new}\""),
    "diff.say.target-removed": ("bỏ \"{old}\" (còn \"{new}\")", "removed \"{old}\" (now \"{new}\")"),
    "diff.say.target-other": ("\"{old}\" → \"{new}\"", "\"{old}\" → \"{new}\""),
    "diff.say.target-lowered-year": ("năm {year}: hạ từ \"{old}\" xuống \"{new}\"", "{year}: lowered from \"{old}\" to \"{new}\""),
    "diff.say.target-raised-year": ("năm {year}: nâng từ \"{old}\" lên \"{new}\"", "{year}: raised from \"{old}\" to \"{new}\""),
    "diff.say.target-removed-year": ("năm {year}: bỏ \"{old}\"", "{year}: removed \"{old}\""),
    "diff.say.target-other-year": ("năm {year}: \"{old}\" → \"{new}\"", "{year}: \"{old}\" → \"{new}\""),
    "diff.say.units": ("{old} → {new}", "{old} → {new}"),
    "diff.say.units-reordered": ("đổi thứ tự: {old} → {new}", "reordered: {old} → {new}"),
    "diff.say.text": ("Sửa {field}", "Edited the {field}"),
    "diff.say.quote": ("\"{text}\"", "\"{text}\""),
    "diff.say.entry": ("{entry}", "{entry}"),
    "diff.say.field": ("{field}: \"{old}\" → \"{new}\"", "{field}: \"{old}\" → \"{new}\""),
    "diff.say.change": ("\"{old}\" → \"{new}\"", "\"{old}\" → \"{new}\""),
    "diff.where.group": ("{appendix}bảng {table}, nhóm {group}", "{appendix}table {table}, group {group}"),
    "diff.where.table": ("{appendix}bảng {table}", "{appendix}table {table}"),
    "diff.field.text": ("nội dung", "text"),
    "diff.field.directing": ("lãnh đạo chỉ đạo", "directing leader"),
    "diff.field.output": ("sản phẩm đầu ra", "output"),
    "diff.field.note": ("ghi chú", "note"),
    "diff.field.related": ("nhiệm vụ tương ứng", "related task"),
    "diff.field.unit": ("đơn vị tính", "unit of measure"),
    "diff.field.line": ("câu trong văn bản", "sentence in the text"),
    "diff.field.paragraph": ("đoạn văn", "paragraph"),
    "diff.field.nq71": ("TT trong NQ 71", "number in Resolution 71"),
    "diff.field.continues": ("dòng được tiếp nối (ô gộp)", "row continued (merged cells)"),
    "diff.field.catalog": ("mã danh mục chỉ tiêu", "catalog code"),
    "diff.field.amount": ("kinh phí", "amount"),
    "diff.field.label": ("nhãn phụ lục", "appendix label"),
    "diff.field.title": ("tên phụ lục", "appendix title"),
    "diff.field.subtitle": ("dòng tên thứ hai", "subtitle"),
    "diff.field.attachment": ("dòng \"Kèm theo\"", "\"attached to\" line"),
    "diff.field.meta.city": ("thành phố", "city"),
    "diff.field.meta.commune": ("tên xã/phường", "commune"),
    "diff.field.meta.commune_kind": ("loại đơn vị (xã/phường/đặc khu)", "commune kind"),
    "diff.field.meta.year": ("năm kế hoạch", "plan year"),
    "diff.field.meta.period": ("kỳ kế hoạch", "plan period"),
    "diff.field.meta.issuer": ("cơ quan ban hành", "issuing body"),
    "diff.field.meta.number": ("số văn bản", "document number"),
    "diff.field.meta.symbol": ("ký hiệu", "symbol"),
    "diff.field.meta.place": ("địa danh", "place"),
    "diff.field.meta.date": ("ngày ban hành", "date of issue"),
    "diff.field.meta.doc_type": ("loại văn bản", "document type"),
    "diff.field.meta.title": ("trích yếu", "title"),
    "diff.field.signature.titles": ("chức danh người ký", "signer's titles"),
    "diff.field.signature.name": ("người ký", "signer"),
    "diff.nothing-to-report": ("không phát sinh", "nothing to report"),
    "diff.summary": ("{plans} kế hoạch có thay đổi, {changes} thay đổi: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú.",
                     "{plans} plan(s) changed, {changes} change(s): {errors} error(s), {warnings} warning(s), {infos} info."),
    "diff.summary-none": ("Không có thay đổi nào về nội dung kế hoạch ({files} tệp đã so sánh).",
                          "No change to what the plans say ({files} file(s) compared)."),
    "diff.md-title": ("kehoach diff: thay đổi trong kế hoạch", "kehoach diff: what the change does to the plans"),
    "diff.md-severity": ("Mức", "Level"),
    "diff.md-id": ("Mã", "Id"),
    "diff.md-change": ("Thay đổi", "Change"),
    "diff.md-line": ("Dòng", "Line"),
    "diff.side-unreadable": ("Không đọc được bản {side_vi} của {path} (dòng {line}, cột {column}): {detail_vi}.",
                             "Cannot read the {side_en} version of {path} (line {line}, column {column}): {detail_en}."),
    "diff.side-invalid": ("Bản {side_vi} của {path} không phải kế hoạch hợp lệ (dòng {line}, cột {column}): {detail_vi}. Hãy chạy kehoach validate trên bản đó.",
                          "The {side_en} version of {path} is not a valid plan (line {line}, column {column}): {detail_en}. Run kehoach validate on it."),
    "diff.need-two": ("Cần hai đường dẫn OLD NEW (hai tệp hoặc hai thư mục), hoặc --git BASE[..HEAD] [ĐƯỜNG DẪN…].",
                      "Give two paths OLD NEW (two files or two folders), or --git BASE[..HEAD] [PATHS…]."),
    "diff.file-and-folder": ("\"{old}\" và \"{new}\" phải cùng là tệp hoặc cùng là thư mục.",
                             "\"{old}\" and \"{new}\" must both be files or both be folders."),
    "diff.bad-range": ("Phạm vi \"{value}\" không hợp lệ: viết BASE..HEAD (so hai phiên bản) hoặc BASE (so với thư mục làm việc).",
                       "Range \"{value}\" is not valid: write BASE..HEAD (two revisions) or BASE (against the working tree)."),
    "diff.bad-revision": ("Không có phiên bản git \"{rev}\" trong kho này.", "No git revision \"{rev}\" in this repository."),
    "diff.not-a-repository": ("\"{path}\" không nằm trong một kho git.", "\"{path}\" is not inside a git repository."),
    "diff.no-git": ("Không tìm thấy lệnh git: hãy cài git để dùng --git.", "The git command was not found: install git to use --git."),
    "diff.git-failed": ("Lệnh git báo lỗi: {detail}.", "git failed: {detail}."),
    "diff.path-outside": ("\"{path}\" nằm ngoài kho git ({root}).", "\"{path}\" is outside the git repository ({root})."),
    "diff.path-not-found": ("Không có \"{path}\" trong thư mục làm việc hay trong các phiên bản được so sánh.",
                            "\"{path}\" is neither in the working tree nor in the revisions compared."),
    "diff.bad-fail-on": ("Không có loại thay đổi \"{value}\" cho --fail-on; dùng: {allowed}.",
                         "No change class \"{value}\" for --fail-on; use: {allowed}."),
    "fmt.reformatted": ("Đã định dạng lại {path}.", "Reformatted {path}."),
    "fmt.would-reformat": ("Cần định dạng lại: {path}.", "Would reformat {path}."),
    "fmt.skipped": ("Bỏ qua {path}: không phải kế hoạch, danh mục đơn vị hay danh mục chỉ tiêu của kehoach.",
                    "Skipped {path}: not a kehoach plan, unit registry or indicator catalog."),
    "fmt.summary-write": ("{changed} tệp đã định dạng lại, {unchanged} tệp không đổi.",
                          "{changed} file(s) reformatted, {unchanged} file(s) left unchanged."),
    "fmt.summary-check": ("{changed} tệp cần định dạng lại, {unchanged} tệp đã đúng định dạng.",
                          "{changed} file(s) would be reformatted, {unchanged} file(s) already formatted."),
    "fmt.unsupported-alias": ("Không định dạng {path}: dòng {line} dùng bí danh YAML (&…/*…); kehoach giữ nguyên tệp này để không làm đổi dữ liệu.",
                              "Not formatting {path}: line {line} uses a YAML alias (&…/*…); kehoach leaves the file as it is rather than risk changing its data."),
    "fmt.separators": ("Không định dạng {path}: tệp xuống dòng bằng ký tự U+2028/U+2029 ở giữa một nội dung nhiều dòng; YAML 1.2 (trình soạn thảo) đọc ký tự này là chữ, không phải xuống dòng. Hãy thay chúng bằng dấu xuống dòng thường rồi chạy lại.",
                       "Not formatting {path}: it breaks lines with U+2028/U+2029 inside a multi-line value; YAML 1.2 (editors) reads them as text, not as line breaks. Replace them with ordinary line breaks and run again."),
    "fmt.unsafe": ("Không định dạng {path}: bản định dạng lại sẽ đọc ra dữ liệu khác bản gốc. Tệp được giữ nguyên; hãy báo cho nhóm phát triển.",
                   "Not formatting {path}: the new layout would read back as different data. The file is left as it is; please report this to the developers."),
    "fmt.nothing-written": ("Không ghi tệp nào vì có tệp không đọc được hoặc không định dạng được.",
                            "Nothing was written because some files could not be read or formatted."),
    "fix.applied": ("{path}:{line}:{column}: đã sửa {field} ({kinds}): \"{old}\" → \"{new}\"",
                    "{path}:{line}:{column}: fixed {field} ({kinds}): \"{old}\" → \"{new}\""),
    "fix.kind.unit": ("tên đơn vị theo danh mục", "unit name from the registry"),
    "fix.kind.html": ("thẻ HTML", "HTML tags"),
    "fix.kind.latex": ("ký hiệu LaTeX", "LaTeX"),
    "fix.kind.nfc": ("mã Unicode NFC", "Unicode NFC"),
    "fix.kind.spaces": ("khoảng trắng", "spaces"),
    "fix.kind.dash": ("dấu gạch", "dashes"),
    "fix.summary": ("Đã sửa {count} chỗ trong {files} tệp; kết quả kiểm tra sau khi sửa:",
                    "Fixed {count} value(s) in {files} file(s); findings after the fixes:"),
    "fix.none": ("Không có gì cần sửa tự động.", "Nothing to fix automatically."),
    "fix.unsafe": ("Không sửa {path}: bản đã sửa sẽ đọc ra dữ liệu khác dự kiến. Tệp được giữ nguyên; hãy báo cho nhóm phát triển.",
                   "Not fixing {path}: the fixed file would read back as different data than intended. The file is left as it is; please report this to the developers."),
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

# English for the rules' messages, by message id (the rule's name, or the variant's id). The
# Vietnamese text lives in the rule itself; a rule without an entry here is shown in Vietnamese.
RULE_EN: dict[str, str] = {
    'duplicate-key': 'Key "{name}" repeats (first at line {first}).',
    'duplicate-id': 'Id "{id}" is already used at line {first}.',
    'illegal-character': 'Character {char} in "{field}" cannot be printed: Word, Excel and HTML cannot hold it, so it is dropped from them.',
    'blank-required-field': 'Required field "{field}" is blank.',
    'line-separator': 'The file ends lines with {char} ({count} times): editors (YAML 1.2) do not read it as a line break; run "kehoach fmt" to turn it into ordinary line breaks.',
    'broken-continuation': 'Row "{id}" continues row "{parent}", but no row above it in the table has that id.',
    'continuation-not-adjacent': 'Row "{id}" continues row "{parent}", so it must come right after that row '
                                 '(or after another continuation of it); the row above is "{above}".',
    'continuation-after-group': 'Row "{id}" continues row "{parent}", but a group row stands between them: '
                                'a merged cell joins adjacent rows only.',
    'continuation-no-column': 'Row "{id}" merges cell "{field}", but the table has no "{field}" column.',
    'continuation-own-value': 'Row "{id}" merges cell "{field}" with the row above but writes its own value '
                              '"{value}": remove the value, or remove "{field}" from "merged".',
    'continuation-gap': 'Row "{id}" merges cell "{field}" with the row above "{above}", but that cell of the row '
                        'above is not part of the merged cell.',
    'continuation-outside-table': 'Row "{id}" is not in a table, so it has no cell to merge.',
    'blank-row-text': 'Row "{id}" has no text (its "text" is blank).',
    'unused-suppression': 'Suppression [{name}] suppresses nothing.',
    'unknown-suppression': 'Suppression names an unknown rule "{name}".',
    'missing-lead': 'Task "{id}" has no lead unit.',
    'vague-lead': 'Lead unit "{value}" names no one (breaks "rõ người").',
    'unknown-unit': 'Unit "{value}" is not in the unit registry.{suggestions_en}',
    'unit-spelling': 'Unit "{value}" is not spelt the standard way; standard name: "{canonical}".',
    'deadline-missing': 'Task "{id}" has no deadline.',
    'deadline-missing-column': 'Task table "{table}" has no deadline column.',
    'deadline-unparseable': 'Cannot read deadline "{value}": {reason_text}.',
    'deadline-before-plan': 'Deadline "{value}" (due {due}) ends before the plan period (starts {start}).',
    'deadline-far-future': 'Deadline "{value}" (due {due}) falls after the plan period.',
    'target-unparseable': 'Cannot read target "{value}".',
    'target-below-baseline': 'Target "{target}" is below the baseline "{baseline}".',
    'numbering-gap': 'Numbering jumps from "{previous}" to "{value}".',
    'numbering-repeat': 'Number "{value}" repeats or goes back (after "{previous}").',
    'duplicate-task': 'Task "{id}" repeats task "{first}" (line {line}).',
    'progress-date-in-future': 'An update of "{id}" is dated {value}, after the current date {as_of}.',
    'done-without-date': '"{id}" is reported done on {date} without its completion date (done_on).',
    'percent-out-of-range': 'Progress {value}% of "{id}" must be between 0 and 100.',
    'progress-out-of-order': 'The update of {value} of "{id}" comes after the one of {previous}.',
    'progress-reopened': '"{id}" was reported done, and on {value} open again without a note saying why.',
}

_SEVERITY = {"error": ("lỗi", "error"), "warning": ("cảnh báo", "warning"), "info": ("ghi chú", "info")}


def template(key: str, lang: str = "vi") -> str | None:
    """The ``str.format`` template of ``key`` in ``lang``; None for a key nobody defined.

    A "rule.<id>" key is a message of a registered rule: its Vietnamese text is the rule's own,
    its English is in RULE_EN. Such a key without a rule message is a bug in a rule, never
    shown to a user as the raw key: it raises KeyError.
    """
    if key.startswith("rule."):
        vi = (_RULES or _rule_templates()).get(key[5:])
        if vi is None:
            raise KeyError(f"no rule defines the message {key!r}")
        return RULE_EN.get(key[5:], vi) if lang == "en" else vi
    pair = M.get(key)
    if pair is None:
        return None
    return pair[1] if lang == "en" else pair[0]


_RULES: dict[str, str] = {}


def _rule_templates() -> dict[str, str]:
    # Imported on first use, not at the top: the catalogue serves code that never runs a rule,
    # and the rules package imports every rule module. Kept here after that: a report of eighty
    # thousand findings asks for them eighty thousand times.
    from .rules import TEMPLATES

    _RULES.update(TEMPLATES)
    return _RULES


def t(key: str, lang: str = "vi", /, **args: Any) -> str:
    """The message ``key`` in ``lang``, filled with ``args``; a missing argument never crashes.

    Positional-only, because findings pass their arguments through, and any name may be one."""
    text = template(key, lang)
    if text is None:
        return key
    try:
        return text.format(**derived(args, lang))
    except (KeyError, IndexError, ValueError):
        return text


def derived(args: dict[str, Any], lang: str) -> dict[str, Any]:
    """``args`` with the arguments that templates may use besides them: ``reason_text`` (a
    deadline reason in words) and ``suggestions_vi``/``suggestions_en`` (a "did you mean" tail,
    empty when there is nothing to suggest)."""
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
