"""Does an editor help with the plans of a fresh ``kehoach init`` repository? (issue 17)

A manual check, not a test: it needs Node and yaml-language-server, the language server behind
VS Code's YAML extension (Red Hat). Install the server once, then run from the repository root:

    npm install --prefix /tmp/yls yaml-language-server
    python bench/editor_check.py            # --server "node …/bin/yaml-language-server --stdio"

It lays down a repository with ``kehoach init``, copies in plans/hai-phong/an-lao.yaml, writes a
plan with ``kehoach new`` and speaks LSP (JSON-RPC over stdio) to the server. The server gets no
schema mapping in its settings: only the plans' ``# yaml-language-server: $schema=…`` modeline
leads it to schema/plan.schema.json. Checks:

- diagnostics: none on the valid plans (e.g. no "Unable to load schema");
- hover on ``meta:``, a task's ``lead:`` and ``deadline:`` shows the schema's descriptions;
- a broken copy (``deadline: [1, 2]``, unknown key ``leed:``, a row without ``text``, ``continues``
  without ``merged``) gets a diagnostic for each, on the right line;
- completion inside a task row offers the row's keys from the schema.

Prints each check as PASS/FAIL and exits 1 when one fails (2 when the server cannot be run).
"""

from __future__ import annotations

import argparse
import json
import queue
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SERVER = "node /tmp/yls/node_modules/yaml-language-server/bin/yaml-language-server --stdio"
# What the editor tells the server: validation, hover and completion on, and no schema mapping.
SETTINGS: dict[str, Any] = {"yaml": {"validate": True, "hover": True, "completion": True, "schemas": {}}}


class LspError(Exception):
    pass


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over the server's stdin/stdout."""

    def __init__(self, cmd: list[str], settings: dict[str, Any], verbose: bool = False) -> None:
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.settings = settings
        self.verbose = verbose
        self._id = 0
        self._lock = threading.Lock()
        self._responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.published: dict[str, float] = {}   # uri -> time of the last publishDiagnostics
        self.log: list[str] = []                 # window/logMessage, window/showMessage, stderr
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -- transport
    def _send(self, msg: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **msg}, ensure_ascii=False).encode("utf-8")
        assert self.proc.stdin is not None
        with self._lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            msg = json.loads(out.read(length).decode("utf-8"))
            if self.verbose:
                print("<-", json.dumps(msg, ensure_ascii=False)[:300], file=sys.stderr)
            self._dispatch(msg)

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.log.append("stderr: " + line.decode("utf-8", "replace").rstrip())

    def _dispatch(self, msg: dict[str, Any]) -> None:
        method = msg.get("method")
        if method is not None and "id" in msg:          # a request from the server
            self._send({"id": msg["id"], "result": self._answer(method, msg.get("params") or {})})
        elif method == "textDocument/publishDiagnostics":
            with self._cond:
                self.diagnostics[msg["params"]["uri"]] = msg["params"]["diagnostics"]
                self.published[msg["params"]["uri"]] = time.monotonic()
                self._cond.notify_all()
        elif method in ("window/logMessage", "window/showMessage"):
            self.log.append(f"{method}: {msg['params'].get('message')}")
        elif method is None and "id" in msg:             # a response to one of ours
            q = self._responses.get(msg["id"])
            if q is not None:
                q.put(msg)

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "workspace/configuration":
            return [self.settings.get(item.get("section", ""), None) for item in params.get("items", [])]
        return None   # client/registerCapability, window/workDoneProgress/create …

    # -- API
    def request(self, method: str, params: dict[str, Any], timeout: float = 30) -> Any:
        self._id += 1
        q: queue.Queue[dict[str, Any]] = queue.Queue()
        self._responses[self._id] = q
        self._send({"id": self._id, "method": method, "params": params})
        try:
            msg = q.get(timeout=timeout)
        except queue.Empty:
            raise LspError(f"{method}: no answer in {timeout:g} s") from None
        if "error" in msg:
            raise LspError(f"{method}: {msg['error']}")
        return msg.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def wait_diagnostics(self, uri: str, since: float, timeout: float,
                         settle: float = 1.5) -> list[dict[str, Any]] | None:
        """The diagnostics published for uri after ``since``, once no new ones came for ``settle`` seconds."""
        end = time.monotonic() + timeout
        with self._cond:
            while True:
                last = self.published.get(uri, 0.0)
                now = time.monotonic()
                if last > since and now - last >= settle:
                    return self.diagnostics[uri]
                if now >= end:
                    return self.diagnostics[uri] if last > since else None
                self._cond.wait(timeout=min(0.2, end - now))

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=5)
            self.notify("exit", {})
            self.proc.wait(timeout=5)
        except (LspError, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


# -- the repository under test

def kehoach(*args: str, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def line_of(text: str, needle: str, start: int = 0) -> int:
    """The 0-based number of the first line at or after ``start`` that contains needle."""
    for n, line in enumerate(text.splitlines()[start:], start):
        if needle in line:
            return n
    raise ValueError(f"not found: {needle!r}")


def pos(text: str, needle: str, start: int = 0) -> dict[str, int]:
    """The LSP position (UTF-16 column) of needle's first character on its line."""
    n = line_of(text, needle, start)
    line = text.splitlines()[n]
    return {"line": n, "character": len(line[: line.index(needle)].encode("utf-16-le")) // 2}


# The rows appended to the new plan's task table (Phụ lục II, the last thing in the file),
# the broken ones each with the line that must carry its diagnostic and words the message must contain;
# nv.6 and its continuation nv.6a are right and must get none.
BROKEN_ROWS = """\
            - id: nv.2
              number: "2"
              text: Thời hạn là một danh sách
              deadline: [1, 2]
            - id: nv.3
              number: "3"
              text: Khóa gõ sai
              leed: Phòng Văn hóa - Xã hội
            - id: nv.4
              number: "4"
              lead: Phòng Văn hóa - Xã hội
            - id: nv.5
              continues: nv.4
              lead: Văn phòng HĐND và UBND
            - id: nv.6
              number: "6"
              text: Dòng có ô gộp với dòng sau (đúng)
              lead: Phòng Văn hóa - Xã hội
            - id: nv.6a
              continues: nv.6
              merged: [number, text]
              lead: Văn phòng HĐND và UBND
"""
BROKEN = [   # (name, text on the expected line, words of the message)
    ("deadline: [1, 2] (wrong type)", "deadline: [1, 2]", ["type"]),
    ("unknown key leed:", "leed:", ["leed"]),
    ("row without text", "- id: nv.4", ["text"]),
    ("continues without merged", "- id: nv.5", ["merged"]),
]


@dataclass
class Report:
    results: list[tuple[str, bool, str]] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.results.append((name, ok, detail))
        print(f"[{'PASS' if ok else 'FAIL'}] {name}" + (f"\n       {detail}" if detail and not ok else ""))
        return ok


def show(diags: list[dict[str, Any]]) -> str:
    return "; ".join(f"line {d['range']['start']['line'] + 1}: {d.get('message', '')!r} ({d.get('source', '')})"
                     for d in diags) or "none"


def hover_text(result: Any) -> str:
    if not result:
        return ""
    contents = result.get("contents")
    if isinstance(contents, dict):
        return str(contents.get("value", ""))
    if isinstance(contents, list):
        return "\n".join(c if isinstance(c, str) else str(c.get("value", "")) for c in contents)
    return str(contents or "")


def run(server: list[str], repo: Path, timeout: float, verbose: bool, all_plans: bool) -> Report:
    rep = Report()
    kehoach("init", str(repo), "--city", "Hải Phòng", cwd=ROOT)
    plans = repo / "plans" / "hai-phong"
    shutil.copyfile(ROOT / "plans" / "hai-phong" / "an-lao.yaml", plans / "an-lao.yaml")
    others = []
    if all_plans:
        for src in sorted((ROOT / "plans" / "hai-phong").glob("*.yaml")):
            if src.name not in ("an-lao.yaml", "units.yaml"):
                shutil.copyfile(src, plans / src.name)
                others.append(plans / src.name)
    kehoach("new", "plans/hai-phong/tan-minh.yaml", "--commune", "Tân Minh", "--kind", "xã", "--year", "2026", cwd=repo)
    new = plans / "tan-minh.yaml"
    anlao = plans / "an-lao.yaml"
    broken = plans / "tan-minh-broken.yaml"
    broken.write_text(new.read_text(encoding="utf-8").rstrip("\n") + "\n" + BROKEN_ROWS, encoding="utf-8")
    # The same plan with an empty line inside row nv.1, the cursor on it: where completion is asked.
    comp = plans / "tan-minh-completion.yaml"
    new_text = new.read_text(encoding="utf-8")
    nv1_last = line_of(new_text, "deadline: Quý I/2026", line_of(new_text, "- id: nv.1"))
    lines = new_text.splitlines()
    indent = " " * 14
    comp.write_text("\n".join([*lines[: nv1_last + 1], indent, *lines[nv1_last + 1:]]) + "\n", encoding="utf-8")
    schema = json.loads((repo / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    task_props = schema["$defs"]["taskRow"]["properties"]

    print(f"repository: {repo}\nserver: {shlex.join(server)}\n")
    client = Client(server, SETTINGS, verbose)
    try:
        client.request("initialize", {
            "processId": None, "rootUri": repo.as_uri(),
            "workspaceFolders": [{"uri": repo.as_uri(), "name": repo.name}],
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True},
                              "workspaceFolders": True},
                "textDocument": {
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "completion": {"completionItem": {"snippetSupport": True,
                                                      "documentationFormat": ["markdown", "plaintext"]}},
                    "publishDiagnostics": {"relatedInformation": True},
                    "synchronization": {"didSave": True}}},
        }, timeout=timeout)
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

        texts: dict[Path, str] = {}

        def open_doc(path: Path) -> str:
            uri = path.as_uri()
            texts[path] = path.read_text(encoding="utf-8")
            client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1, "text": texts[path]}})
            return uri

        # 3. Diagnostics on the valid plans (and on init's registry and catalog, which name their schemas too).
        for path in (new, anlao, *others, plans / "units.yaml", repo / "plans" / "catalog.yaml"):
            since = time.monotonic()
            uri = open_doc(path)
            diags = client.wait_diagnostics(uri, since, timeout)
            rel = path.relative_to(repo).as_posix()
            if diags is None:
                rep.check(f"diagnostics published for {rel}", False, f"nothing in {timeout:g} s")
                continue
            rep.check(f"no diagnostics on {rel}", not diags, show(diags))

        # 4. Hover.
        new_uri, anlao_uri = new.as_uri(), anlao.as_uri()
        nv1 = line_of(new_text, "- id: nv.1")
        anlao_text = texts[anlao]
        first_task = line_of(anlao_text, "- task:")
        lead, deadline = task_props["lead"]["description"], task_props["deadline"]["description"]
        hovers = [
            ("meta:", new_uri, pos(new_text, "meta:"), schema["properties"]["meta"]["description"]),
            ("lead: of table row nv.1", new_uri, pos(new_text, "lead:", nv1), lead),
            ("deadline: of table row nv.1", new_uri, pos(new_text, "deadline:", nv1), deadline),
            ("lead: of An Lão's first inline task", anlao_uri, pos(anlao_text, "lead:", first_task), lead),
            ("deadline: of An Lão's first inline task", anlao_uri, pos(anlao_text, "deadline:", first_task), deadline),
        ]
        for name, uri, at, want in hovers:
            p = {"line": at["line"], "character": at["character"] + 1}
            try:
                answer = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": p}, timeout)
                text = hover_text(answer)
            except LspError as e:
                text = f"<{e}>"
            print(f"--- hover {name} (line {at['line'] + 1}):\n{text.strip() or '<empty>'}\n---")
            rep.check(f"hover {name} shows the schema's description", want in text, f"want {want!r}")

        # 5. Diagnostics on the broken copy.
        since = time.monotonic()
        buri = open_doc(broken)
        diags = client.wait_diagnostics(buri, since, timeout) or []
        btext = texts[broken]
        start = line_of(btext, "- id: nv.2")
        print(f"--- diagnostics on {broken.relative_to(repo).as_posix()}: {show(diags)}")
        claimed: set[int] = set()
        for name, needle, words in BROKEN:
            want_line = line_of(btext, needle, start)
            hits = [i for i, d in enumerate(diags) if d["range"]["start"]["line"] == want_line
                    and all(w.lower() in d.get("message", "").lower() for w in words)]
            claimed.update(hits)
            rep.check(f"broken copy: {name} reported on line {want_line + 1}", bool(hits),
                      f"diagnostics: {show(diags)}")
        extra = [d for i, d in enumerate(diags) if i not in claimed]
        rep.check("broken copy: no other diagnostics", not extra, show(extra))

        # 6. Completion inside a task row.
        curi = open_doc(comp)
        cline = nv1_last + 1
        try:
            result = client.request("textDocument/completion", {
                "textDocument": {"uri": curi}, "position": {"line": cline, "character": len(indent)}}, timeout)
        except LspError as e:
            result, err = None, str(e)
        else:
            err = ""
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        labels = sorted({str(i.get("label")) for i in items})
        print(f"--- completion on line {cline + 1} (inside row nv.1): {', '.join(labels) or '<none>'} {err}")
        present = {"id", "number", "text", "lead", "support", "output", "deadline"}
        wanted = sorted(set(task_props) - present)
        missing = [k for k in wanted if k not in labels]
        rep.check("completion in a task row offers the schema's keys", not missing,
                  f"missing {missing}; offered {labels}")
        unexpected = [lab for lab in labels if lab in {"unit", "baseline", "target", "amount"}]
        rep.check("completion in a task row offers no indicator/budget keys", not unexpected, f"offered {unexpected}")
    finally:
        client.close()
        if verbose or any(not ok for _, ok, _ in rep.results):
            print("\n--- server log:")
            for line in client.log[-40:]:
                print("   ", line)
    return rep


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", default=DEFAULT_SERVER,
                    help=f"command that runs the server on stdio (default: {DEFAULT_SERVER})")
    ap.add_argument("--timeout", type=float, default=60, help="seconds to wait for each answer (default 60)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary repository and print its path")
    ap.add_argument("--all-plans", action="store_true",
                    help="also open the other plans of plans/hai-phong (expect no diagnostics on them)")
    ap.add_argument("--repo-name", default="repo",
                    help='name of the temporary repository folder, e.g. "Kế hoạch Hải Phòng #1" (default: repo)')
    ap.add_argument("-v", "--verbose", action="store_true", help="print the server's messages")
    args = ap.parse_args(argv)
    server = shlex.split(args.server)
    # The program must be there, and so must every argument that is a path (the server's script).
    if shutil.which(server[0]) is None or any("/" in a and not Path(a).exists() for a in server[1:]):
        print(f"cannot run the server: {args.server}\n"
              "install it: npm install --prefix /tmp/yls yaml-language-server (or give --server)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="kehoach-editor-"))
    try:
        rep = run(server, tmp / args.repo_name, args.timeout, args.verbose, args.all_plans)
    finally:
        if args.keep:
            print(f"\nkept: {tmp / args.repo_name}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    failed = [name for name, ok, _ in rep.results if not ok]
    print(f"\n{len(rep.results) - len(failed)}/{len(rep.results)} checks passed"
          + (": FAILED " + "; ".join(failed) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
