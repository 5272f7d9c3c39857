#!/usr/bin/env python3
"""Put the output of `yuanflow calibrate` and `yuanflow validate` into docs/validation.md.

Usage: splice_validation.py DOC CALIBRATION_OUTPUT VALIDATION_OUTPUT

The text between the lines `<!-- calibration: begin -->` and `<!-- calibration: end -->`
of DOC is replaced by CALIBRATION_OUTPUT, and between `<!-- validation: begin -->` and
`<!-- validation: end -->` by VALIDATION_OUTPUT (both markdown as the commands print
them). The file is rewritten whole (a temporary file renamed over it). Called by
scripts/calibrate.sh.
"""
import os
import sys


def splice(text, name, body):
    begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->"
    if text.count(begin) != 1 or text.count(end) != 1 or text.index(begin) > text.index(end):
        sys.exit(f"splice_validation.py: expected one '{begin}' before one '{end}'")
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    return f"{head}{begin}\n{body.strip()}\n{end}{tail}"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().split("\n")[2])
    doc, cal, val = sys.argv[1:]
    text = open(doc, encoding="utf-8").read()
    text = splice(text, "calibration", open(cal, encoding="utf-8").read())
    text = splice(text, "validation", open(val, encoding="utf-8").read())
    tmp = doc + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, doc)


if __name__ == "__main__":
    main()
