#!/usr/bin/env python3
"""git_diff: prints `git diff` of the working directory's repository.

Input (JSON on stdin): {"staged": true|false, "path": "optional/path"}, both
optional. git runs directly (no shell); the path is passed after "--", so it
can never be read as an option.
"""
import json
import subprocess
import sys


def main():
    try:
        request = json.load(sys.stdin)
    except ValueError:
        request = {}
    if not isinstance(request, dict):
        request = {}
    command = ["git", "diff", "--no-color", "--no-ext-diff"]
    if request.get("staged") is True:
        command.append("--staged")
    path = request.get("path")
    if isinstance(path, str) and path:
        command += ["--", path]
    completed = subprocess.run(command, stdin=subprocess.DEVNULL)
    sys.exit(completed.returncode)


if __name__ == "__main__":
    main()
