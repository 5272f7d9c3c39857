#!/usr/bin/env python3
"""Put generated text into a markdown file between markers.

Usage: splice.py DOC NAME=FILE [NAME=FILE ...]

For each NAME=FILE, the text between the lines `<!-- NAME: begin -->` and
`<!-- NAME: end -->` of DOC is replaced by the contents of FILE (markdown as
the commands print it). Each marker must appear once, begin before end. The
file is rewritten whole (a temporary file renamed over it) or not at all.
Called by scripts/calibrate.sh and scripts/docs_numbers.sh.
"""
import os
import sys


def splice(text, name, body):
    begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->"
    if text.count(begin) != 1 or text.count(end) != 1 or text.index(begin) > text.index(end):
        sys.exit(f"splice.py: expected one '{begin}' before one '{end}'")
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    return f"{head}{begin}\n{body.strip()}\n{end}{tail}"


def main():
    if len(sys.argv) < 3 or any("=" not in a for a in sys.argv[2:]):
        sys.exit(__doc__.strip().split("\n")[2])
    doc = sys.argv[1]
    text = open(doc, encoding="utf-8").read()
    for pair in sys.argv[2:]:
        name, path = pair.split("=", 1)
        text = splice(text, name, open(path, encoding="utf-8").read())
    tmp = doc + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, doc)


if __name__ == "__main__":
    main()
