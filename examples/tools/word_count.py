#!/usr/bin/env python3
"""word_count: counts a text's lines, words and characters.

Input (JSON on stdin): {"text": "..."}. Prints
"lines 2, words 5, characters 27": lines are newline characters, as wc -l
counts them; words are runs of non-space characters.
"""
import json
import sys


def main():
    try:
        text = json.load(sys.stdin)["text"]
    except (ValueError, KeyError, TypeError):
        print('expected JSON input like {"text": "..."}', file=sys.stderr)
        sys.exit(1)
    if not isinstance(text, str):
        print("text must be a string", file=sys.stderr)
        sys.exit(1)
    print(f"lines {text.count(chr(10))}, words {len(text.split())}, characters {len(text)}")


if __name__ == "__main__":
    main()
