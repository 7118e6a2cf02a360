#!/usr/bin/env python3
"""Golden "final Message" objects produced by the OFFICIAL Anthropic Python SDK's
stream accumulator, one per SSE fixture.

What this is
------------
For every tests/fixtures/*.sse file, this script serves the file as the body of
a 200 `text/event-stream` response (mock HTTP transport, nothing goes over the
network) to the SDK's high-level streaming helper

    with client.messages.stream(model=..., max_tokens=..., messages=[...]) as s:
        events = [e.type for e in s]
        final = s.get_final_message()

(or `client.beta.messages.stream(...)`, see "Helper choice"), and records

  * `events`:  the `type` of every event the helper yielded while iterating,
               i.e. what reaches the user: raw events plus the helper's own
               synthesized ones (`text`, `input_json`, `thinking`, `signature`,
               `compaction`, ...); `ping` is dropped by the SDK's Stream layer;
  * `message`: `final.model_dump(mode="json", exclude_unset=True, by_alias=True)`, or
  * `error`:   if the SDK raised (e.g. an `error` event inside the stream):
               exception class name, `status_code`, error `type` (from the
               error body) and `str(exc)`; `events` then holds what was yielded
               before the exception.

The Rust tests feed the same fixtures to our own accumulator and check it folds
the events exactly like the SDK does.

Normalisation of the served bytes
---------------------------------
Some fixtures lack the blank line after their final event (the file just ends
after `data: {...}`). The SDK's SSE decoder follows the SSE spec, which
dispatches an event only when the blank line terminating it is seen, so it
silently DROPS an unterminated final event (for those fixtures: `message_stop`;
the accumulated message is the same either way, as `message_stop` does not
change it, but `events` would lack the final `message_stop`). To compare like with like (our client dispatches a final event at EOF), the
served text is normalised so every event ends with a blank line: newlines are
appended until the text ends with "\\n\\n". The record's `normalised_eof` says
whether this was needed for that fixture.

Helper choice
-------------
Per fixture, automatically: every `data:` payload is built into the non-beta
event models (`anthropic.types.RawMessageStreamEvent`) and into the beta ones
(`anthropic.types.beta.BetaRawMessageStreamEvent`) exactly as the SDK does
(`construct_type`). If some wire field is not modelled by the non-beta models
(it ends up as a pydantic "extra", e.g. a `compaction` or `fallback` block read
as a TextBlock, or `usage.iterations` / `usage.fallback_credit` on
`message_delta`, which the non-beta accumulator then drops) but IS modelled by
the beta ones, the fixture uses `beta.messages.stream`; otherwise
`messages.stream`. `helper_reason` lists those wire fields (empty for
`messages.stream`). `unmodelled` lists wire fields that even the chosen
helper's models do not know (informational).

Dump form
---------
`model_dump(mode="json", exclude_unset=True, by_alias=True)`, the form closest
to the wire:
  * exclude_unset: fields the server never sent are absent instead of `null`.
    The SDK builds the snapshot with `construct(**message_start.message)` and
    the blocks from `content_block_start`, so only wire fields are "set". But
    the accumulator always assigns `stop_reason`, `stop_sequence` and
    `stop_details` from `message_delta`, so those three are present, as `null`
    when the wire's `message_delta` did not carry them. (Plain
    `model_dump(mode="json")` would add every optional field as `null`.)
  * by_alias: wire names, e.g. the fallback block's `from` (Python `from_`).
Keys are sorted everywhere (the SDK's own order is model-field order, not
wire order).

How to run it (from the repo root)
----------------------------------
    python3 -m venv /tmp/sdk2 && /tmp/sdk2/bin/pip install anthropic==2.12.0
    /tmp/sdk2/bin/python scripts/sdk-accumulate.py tests/fixtures/sdk-accumulated.json

The SDK is built on `httpx2` (not `httpx`). max_retries=0; ANTHROPIC_*
environment variables are removed first.

The output file is committed, so the Rust tests need no Python.

Output: one JSON object keyed by fixture file name (sorted), each record
{"sdk", "helper", "helper_reason", "dump", "normalised_eof", "unmodelled",
"events", "message" | "error"}; all keys sorted, indent=2, trailing newline.
The file is rewritten completely on each run.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

for _k in [k for k in os.environ if k.startswith("ANTHROPIC_")]:
    del os.environ[_k]

import anthropic  # noqa: E402
import httpx2  # noqa: E402
from pydantic import BaseModel  # noqa: E402

from anthropic._models import construct_type  # noqa: E402
from anthropic.types import RawMessageStreamEvent  # noqa: E402
from anthropic.types.beta import BetaRawMessageStreamEvent  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"

SDK = f"anthropic {anthropic.__version__}"
DUMP_KWARGS = {"mode": "json", "exclude_unset": True, "by_alias": True}
DUMP = "model_dump(mode='json', exclude_unset=True, by_alias=True)"

# Request parameters are irrelevant to the accumulation (the response is
# canned), but the helpers require them.
REQUEST = {
    "model": "claude-sonnet-5",
    "max_tokens": 4096,
    "messages": [{"role": "user", "content": "hello world"}],
}


def normalise(raw: bytes) -> tuple[bytes, bool]:
    """Make the text end with a blank line so its final event is dispatched."""
    if raw.endswith(b"\n\n") or raw.endswith(b"\r\n\r\n") or raw.endswith(b"\r\r"):
        return raw, False
    if raw.endswith(b"\n") or raw.endswith(b"\r"):
        return raw + b"\n", True
    return raw + b"\n\n", True


def data_payloads(text: str) -> list[dict]:
    """JSON `data:` payloads of the events, except `error` events (which the
    SDK turns into an exception before building any model)."""
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        event = None
        data = []
        for line in block.split("\n"):
            if line.startswith("event:"):
                event = line[len("event:"):].strip()
            elif line.startswith("data:"):
                data.append(line[len("data:"):].lstrip(" "))
        if data and event not in ("error", "ping"):
            out.append(json.loads("\n".join(data)))
    return out


def extras(obj, path: str) -> list[str]:
    """Paths of wire fields that ended up as pydantic extras (unmodelled)."""
    found = []
    if isinstance(obj, BaseModel):
        for k in sorted(obj.model_extra or {}):
            found.append(f"{path}.{k}")
        for k in sorted(type(obj).model_fields):
            if k in obj.model_fields_set:
                found.extend(extras(getattr(obj, k), f"{path}.{k}"))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            found.extend(extras(v, f"{path}[{i}]"))
    return found


def unmodelled(payloads: list[dict], union) -> list[str]:
    seen = []
    for p in payloads:
        ev = construct_type(type_=union, value=p)
        for path in extras(ev, p.get("type", "?")):
            if path not in seen:
                seen.append(path)
    return seen


def client_for(body: bytes) -> anthropic.Anthropic:
    def handler(request):
        return httpx2.Response(
            200, headers={"content-type": "text/event-stream"}, content=body
        )

    return anthropic.Anthropic(
        api_key="sk-ant-test",
        base_url="http://sdk.invalid",
        max_retries=0,
        http_client=httpx2.Client(transport=httpx2.MockTransport(handler)),
    )


def error_record(exc: BaseException) -> dict:
    body = getattr(exc, "body", None)
    err_type = getattr(exc, "type", None)
    if err_type is None and isinstance(body, dict):
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        err_type = inner.get("type")
    return {
        "class": type(exc).__name__,
        "status_code": getattr(exc, "status_code", None),
        "type": err_type,
        "message": str(exc),
    }


def run(path: Path) -> dict:
    served, normalised = normalise(path.read_bytes())
    payloads = data_payloads(served.decode("utf-8"))
    plain_unknown = unmodelled(payloads, RawMessageStreamEvent)
    beta_unknown = unmodelled(payloads, BetaRawMessageStreamEvent)
    beta_only = [p for p in plain_unknown if p not in beta_unknown]

    client = client_for(served)
    if beta_only:
        helper, api, left = "beta.messages.stream", client.beta.messages, beta_unknown
    else:
        helper, api, left = "messages.stream", client.messages, plain_unknown

    record = {
        "sdk": SDK,
        "helper": helper,
        "helper_reason": beta_only,
        "dump": DUMP,
        "normalised_eof": normalised,
        "unmodelled": left,
    }
    events: list[str] = []
    try:
        with api.stream(**REQUEST) as stream:
            for event in stream:
                events.append(event.type)
            final = stream.get_final_message()
        record["message"] = final.model_dump(**DUMP_KWARGS)
    except Exception as exc:  # noqa: BLE001 - recorded, not hidden
        record["error"] = error_record(exc)
    record["events"] = events
    return record


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(f"usage: {sys.argv[0]} OUTFILE")
    out = Path(sys.argv[1])
    results = {}
    for path in sorted(FIXTURES.glob("*.sse")):
        rec = run(path)
        results[path.name] = rec
        what = "error " + rec["error"]["class"] if "error" in rec else "message"
        print(f"{path.name}: {rec['helper']}: {what}", file=sys.stderr)
    out.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{SDK}: wrote {len(results)} records to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
