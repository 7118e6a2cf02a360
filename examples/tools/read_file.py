#!/usr/bin/env python3
"""read_file: prints a text file under the working directory.

Input (JSON on stdin): {"path": "relative/path"}. The path is resolved with
symbolic links followed and must stay inside the working directory. Exits 1
with a message on stderr when it cannot read the file.
"""
import json
import os
import sys

MAX_BYTES = 1024 * 1024


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def main():
    try:
        request = json.load(sys.stdin)
        path = request["path"]
    except (ValueError, KeyError, TypeError):
        fail('expected JSON input like {"path": "README.md"}')
    if not isinstance(path, str) or not path:
        fail("path must be a non-empty string")
    root = os.path.realpath(os.getcwd())
    target = os.path.realpath(os.path.join(root, path))
    if os.path.isabs(path) or os.path.commonpath([root, target]) != root:
        fail(f"{path}: outside the working directory")
    if not os.path.isfile(target):
        fail(f"{path}: no such file")
    with open(target, "rb") as file:
        data = file.read(MAX_BYTES + 1)
    try:
        text = data[:MAX_BYTES].decode("utf-8")
    except UnicodeDecodeError:
        fail(f"{path}: not UTF-8 text")
    sys.stdout.write(text)
    if len(data) > MAX_BYTES:
        sys.stdout.write(f"\n[cut: only the first {MAX_BYTES} bytes are shown]\n")


if __name__ == "__main__":
    main()
