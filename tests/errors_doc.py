#!/usr/bin/env python3
"""Check docs/errors.md against the code and the tests (CTest: errors_doc).

docs/errors.md lists every user-facing error message in tables whose rows are
    | `message` | `src/file.c` | fix | test |
where a placeholder of the message (a name, a number, a path) is written "…",
and the test cell names the file that provokes the error and checks its text
(`tests/x.c`, `tests/x.cmake`, `CMakeLists.txt`), or says "not yet tested".

Checks:
  1. every message of the code (the format string of each call that makes a
     user-facing error, see CALLS) is a row of docs/errors.md, and every row is
     a message of the file it names: the catalogue is complete and current;
  2. for a row with a test, every fixed piece of the message (the text between
     placeholders) appears in the test file (regex backslashes ignored), so a
     test provokes and checks that message;
  3. the count of rows "not yet tested" is printed, and must equal the number
     stated in docs/errors.md ("N messages are not yet tested").
Usage: errors_doc.py SOURCE_DIR
"""
import glob
import os
import re
import sys

# Where user-facing errors are made: (files, function names whose first
# string-literal argument is the message format).
CALLS = [
    ("src/cli/*.c", ["cli_fail"]),
    ("src/report/report.c", ["fail"]),
    ("src/report/report_store.c", ["fail", "db_fail"]),
    ("src/scenario/*.c", ["fail", "scenario_fail"]),
    ("src/data/*.c", ["parse_fail", "diag_at", "world_fail"]),
    ("src/output/*.c", ["output_fail"]),
    ("src/ensemble/*.c", ["output_fail"]),
    ("src/model/*.c", [r"snprintf\(e->msg, sizeof e->msg,"]),
    ("src/agents/*.c", [r"snprintf\(e->msg, sizeof e->msg,"]),
    ("src/markets/*.c", [r"snprintf\(e->msg, sizeof e->msg,"]),
    ("src/policy/*.c", [r"snprintf\(e->msg, sizeof e->msg,"]),
]
CONVERSION = re.compile(r"%[-+ #0]*(\*|[0-9]+)?(\.(\*|[0-9]+))?(hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp]"
                        r'|%" PRI[a-zA-Z0-9]+ "')
PLACEHOLDER = "\x01"


def literal_after(text, start):
    """The chain of adjacent string literals starting at the first '"' after start."""
    q = text.find('"', start)
    if q < 0 or q - start > 200:
        return None
    out, i = [], q
    while i < len(text) and text[i] == '"':
        j = i + 1
        while text[j] != '"':
            j += 2 if text[j] == "\\" else 1
        out.append(text[i + 1:j])
        k = j + 1
        m = re.match(r'\s*(PRI[a-zA-Z0-9]+)?\s*', text[k:])
        if m.group(1):
            out.append("%d")  # "%" PRId64 "": a number
        k += m.end()
        i = k
    return "".join(out).replace('\\"', '"').replace("\\n", "").replace("\\\\", "\\")


def normal(message):
    """The message with every placeholder as one PLACEHOLDER character."""
    message = re.sub(r"%(\.[0-9]+)?%d", PLACEHOLDER, message)
    message = CONVERSION.sub(PLACEHOLDER, message)
    return message.replace("%%", "%").replace("…", PLACEHOLDER)


def code_messages(root):
    found = {}
    for pattern, names in CALLS:
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            text = open(path, encoding="utf-8").read()
            rel = os.path.relpath(path, root)
            for name in names:
                call = name if name.endswith(",") else r"\b" + name + r"\s*\("
                for m in re.finditer(call, text):
                    before = text[max(0, m.start() - 40):m.start()]
                    if re.search(r"(static|yf_status|int)\s+[*]?$", before):
                        continue  # the definition of the function, not a call
                    lit = literal_after(text, m.end())
                    if lit == "":  # an empty path argument ("") before the message
                        lit = literal_after(text, text.find('""', m.end()) + 2)
                    if lit is None:
                        continue
                    msg = normal(lit)
                    if msg.strip(PLACEHOLDER + " :") == "":
                        continue  # a message passed through ("%s")
                    found.setdefault((rel, msg), text[:m.start()].count("\n") + 1)
    return found


def doc_rows(root):
    rows = []
    for n, line in enumerate(open(os.path.join(root, "docs/errors.md"), encoding="utf-8"), 1):
        m = re.match(r"\|\s*`(.+?)`\s*\|\s*`(src/[^`]+)`\s*\|(.*)\|(.*)\|\s*$", line)
        if m:
            rows.append((n, m.group(1).replace("\\|", "|"), m.group(2), m.group(3).strip(),
                         m.group(4).strip()))
    return rows


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    failed = passed = 0
    code = code_messages(root)
    rows = doc_rows(root)
    documented = {(src, normal(msg)) for _, msg, src, _, _ in rows}
    for (src, msg), line in sorted(code.items()):
        if (src, msg) in documented:
            passed += 1
        else:
            failed += 1
            print(f"{src}:{line}: message not in docs/errors.md: `{msg.replace(PLACEHOLDER, '…')}`")
    untested = 0
    for n, msg, src, _, test in rows:
        if (src, normal(msg)) not in code:
            failed += 1
            print(f"docs/errors.md:{n}: `{msg}` is not a message of {src}")
            continue
        if "not yet tested" in test:
            untested += 1
            continue
        m = re.search(r"`((?:tests/[^`]+)|CMakeLists\.txt)`", test)
        if not m or not os.path.isfile(os.path.join(root, m.group(1))):
            failed += 1
            print(f"docs/errors.md:{n}: no test file named for `{msg}`")
            continue
        body = open(os.path.join(root, m.group(1)), encoding="utf-8").read().replace("\\", "")
        pieces = [p for p in normal(msg).split(PLACEHOLDER) if len(p.strip()) >= 3]
        missing = [p for p in pieces if p not in body]
        if missing:
            failed += 1
            print(f"docs/errors.md:{n}: {m.group(1)} does not check `{msg}` (missing {missing!r})")
        else:
            passed += 1
    stated = re.search(r"([0-9]+) messages are not yet tested",
                       open(os.path.join(root, "docs/errors.md"), encoding="utf-8").read())
    if not stated or int(stated.group(1)) != untested:
        failed += 1
        print(f"docs/errors.md must say '{untested} messages are not yet tested'")
    else:
        passed += 1
    print(f"{len(rows)} messages documented, {untested} not yet tested")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
