#!/usr/bin/env python3
"""Golden Messages API request bodies produced by the OFFICIAL Anthropic Python SDK.

What this is
------------
For a fixed list of cases, this script makes the SDK call that is equivalent to
a `claude` CLI invocation, against a mock HTTP transport (nothing goes over the
network), records the request the SDK actually sent (path, `anthropic-version`,
`anthropic-beta`, JSON body) and merges one record per case into a JSON file.
The Rust tests run the CLI (cwd = the package root) with the recorded `cli`
args and standard input against a mock server and assert the request path
equals `path` and the JSON body it sends equals the SDK's `body`.

Record fields:
    name               the case name (also the key in the file)
    sdk                "anthropic X.Y.Z", the SDK that wrote the record
    cli                the equivalent `claude` argument list
    stdin              text to pipe to the CLI's standard input, or null
    stdin_file         path (relative to the package root) of a file whose
                       BYTES are piped to standard input, or null; at most one
                       of stdin / stdin_file is set
    env                environment variables the CLI runs with (an MCP
                       server's token, CLAUDE_MCP_TOKEN_<NAME>), or null
    call               the SDK call that was made (image/document data shown
                       as b64('path'), i.e. base64.standard_b64encode(bytes))
    path               the request path the SDK used: /v1/messages,
                       /v1/messages/count_tokens or /v1/messages/batches
    anthropic_version  the anthropic-version header
    anthropic_beta     the anthropic-beta header, or null
    body               the JSON body, in the SDK's wire key order (the SDK
                       orders messages.create's top-level keys itself, but
                       sends each batch request's `params` in the order of the
                       dict it was given, i.e. the order written in CASES)

Files API cases (anthropic 2.x only) add three fields. `files`: stored files
(id, filename, mime_type) the mock server must hold for `--file-id`;
`upload_ids`: the ids the mock gives, in order, to the files the case
uploads first (as an SDK user would: client.files.upload(file=Path(...)),
then a request naming the returned id; the CLI's `--upload` does both);
`uploads`: each upload request's multipart parts as the SDK sent them
(name, filename, content_type, and the part's bytes as `data_file`, the file
they came from, or `data_text`). A case whose target is "files.upload"
records only `uploads` and no body. `files`, `upload_ids` and `uploads` are
null (or empty) in other cases.

A case's `target` chooses the SDK method: "create" (default; client.messages
.create, or client.beta.messages.create when the case sets beta=True),
"count_tokens" (client.messages.count_tokens, POST /v1/messages/count_tokens;
it takes no max_tokens) or "batches.create" (client.messages.batches.create,
POST /v1/messages/batches; its one parameter, `requests`, is the list of
{"custom_id", "params"} the CLI's `batch submit` builds from its input file
in tests/fixtures/batch/). Image and PDF cases use the small files in
tests/fixtures/images/ and build the content blocks the way an SDK user does:
{"type": "base64", "media_type": ..., "data":
base64.standard_b64encode(file bytes).decode()}.

The mock transport answers count_tokens requests with {"input_tokens": 42},
batches.create requests with tests/fixtures/message-batch.assembled.json,
other non-stream requests with tests/fixtures/message-basic-recorded.json and
`stream=True` requests with tests/fixtures/stream-basic.sse (content-type
text/event-stream); streams are consumed fully, so the request is really
made. max_retries=0; ANTHROPIC_* environment variables are removed first so
they cannot leak into the request.

How to run it (from the repo root; run all three, in this order)
----------------------------------------------------------------
    python3 -m venv /tmp/sdk2 && /tmp/sdk2/bin/pip install anthropic==2.12.0
    python3 -m venv /tmp/sdk1 && /tmp/sdk1/bin/pip install anthropic==1.17.0
    python3 -m venv /tmp/sdk0 && /tmp/sdk0/bin/pip install anthropic==0.125.0
    /tmp/sdk2/bin/python scripts/sdk-request-bodies.py tests/fixtures/sdk-request-bodies.json
    /tmp/sdk1/bin/python scripts/sdk-request-bodies.py tests/fixtures/sdk-request-bodies.json
    /tmp/sdk0/bin/python scripts/sdk-request-bodies.py tests/fixtures/sdk-request-bodies.json

anthropic 2.x (current, anthropic-version 2026-10-21) writes the common
cases. 1.x (anthropic-version 2023-06-01) re-runs the common cases and reports
on stderr whether its bodies match the ones already in the file, without
writing them. Neither has `temperature`, `top_p` or `top_k` any more, so the
sampling case is written by 0.125.0, the last 0.x release, which still sends
them (with anthropic-version 2023-06-01). Each run MERGES into OUTFILE (keyed by case name),
leaving cases it did not write intact. A case whose SDK parameters do not
exist in the running SDK version is reported on stderr as UNSUPPORTED and not
written (nothing is faked, e.g. through extra_body).

Both SDK versions depend on `httpx2` (not `httpx`); the script imports
whichever module the installed SDK's client module imports.

The output file is committed, so the Rust tests need no Python.

Output: top-level object sorted by case name, each record's keys sorted, the
`body` kept in the key order the SDK put on the wire; indent=2, trailing
newline.
"""

from __future__ import annotations

import base64
import importlib
import inspect
import json
import os
import sys
import warnings
from pathlib import Path

for _k in [k for k in os.environ if k.startswith("ANTHROPIC_")]:
    del os.environ[_k]

import anthropic  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
MESSAGE_JSON = (FIXTURES / "message-basic-recorded.json").read_bytes()
STREAM_SSE = (FIXTURES / "stream-basic.sse").read_bytes()
MESSAGE_BATCH_JSON = (FIXTURES / "message-batch.assembled.json").read_bytes()
MESSAGE_BATCH_ID = json.loads(MESSAGE_BATCH_JSON)["id"]

SDK_VERSION = anthropic.__version__
SDK_MAJOR = int(SDK_VERSION.split(".")[0])


def _httpx_module():
    """The httpx-like module the installed SDK is built on (httpx2 or httpx)."""
    client_mod = importlib.import_module("anthropic._client")
    for name in ("httpx2", "httpx"):
        if getattr(client_mod, name, None) is not None:
            return importlib.import_module(name)
    raise SystemExit("cannot find the httpx module used by anthropic._client")


httpx = _httpx_module()

HELLO = [{"role": "user", "content": "hello world"}]
COUNT_TOKENS_JSON = b'{"input_tokens": 42}'
TARGETS = ("create", "count_tokens", "batches.create", "files.upload")
# Ids the mock gives to uploads, in order.
UPLOAD_IDS = ["file_011CPMxVD3fHLUhvTqtsQA5w", "file_011CPMxVD3fHLUhvTqtsQA5x"]


def case(
    name,
    cli,
    kwargs,
    *,
    stdin=None,
    stdin_file=None,
    env=None,
    beta=False,
    target="create",
    only_major=None,
    files=None,
    upload_first=(),
    replies=None,
    request=None,
):
    """`files`: stored files for --file-id; `upload_first`: paths the SDK user
    uploads before the call (their ids are UPLOAD_IDS, in order); `replies`:
    fixtures the CLI's server answers with, in order, and `request`: which of
    the CLI's requests (1-based) is compared with the SDK's."""
    assert target in TARGETS, target
    assert (replies is None) == (request is None), name
    assert stdin is None or stdin_file is None, name
    assert not (beta and target != "create"), name
    if stdin_file is not None:
        assert (REPO / stdin_file).is_file(), stdin_file
    for arg in cli:
        if arg.startswith("tests/fixtures/"):
            assert (REPO / arg).is_file(), (name, arg)
    return {
        "name": name,
        "cli": cli,
        "kwargs": kwargs,
        "stdin": stdin,
        "stdin_file": stdin_file,
        "env": env,
        "beta": beta,
        "target": target,
        "only_major": only_major,
        "files": files,
        "upload_first": list(upload_first),
        "replies": replies,
        "request": request,
    }


class B64(str):
    """base64.standard_b64encode(<file bytes>).decode(); repr() shows the file."""

    def __new__(cls, rel):
        data = base64.standard_b64encode((REPO / rel).read_bytes()).decode("ascii")
        obj = super().__new__(cls, data)
        obj.rel = rel
        return obj

    def __repr__(self):
        return f"b64({self.rel!r})"


IMAGES = "tests/fixtures/images"


def image(rel, media_type):
    return {"type": "image", "source": {"type": "base64", "media_type": media_type, "data": B64(rel)}}


def image_url(url):
    return {"type": "image", "source": {"type": "url", "url": url}}


def pdf(rel):
    return {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": B64(rel)}}


def pdf_url(url):
    return {"type": "document", "source": {"type": "url", "url": url}}


def text(t):
    return {"type": "text", "text": t}


def file_document(file_id):
    return {"type": "document", "source": {"type": "file", "file_id": file_id}}


def file_image(file_id):
    return {"type": "image", "source": {"type": "file", "file_id": file_id}}


def stored(file_id, filename, mime_type):
    return {"id": file_id, "filename": filename, "mime_type": mime_type}


def user(*blocks):
    return [{"role": "user", "content": list(blocks)}]


RED_PNG = f"{IMAGES}/red.png"
BLUE_JPG = f"{IMAGES}/blue.jpg"
GREEN_GIF = f"{IMAGES}/green.gif"
YELLOW_WEBP = f"{IMAGES}/yellow.webp"
JPEG_NAMED_PNG = f"{IMAGES}/jpeg-named.png"
ONE_PAGE_PDF = f"{IMAGES}/one-page.pdf"
NOTES_TXT = f"{IMAGES}/notes.txt"

# --- structured output: the CLI's --schema takes inline JSON text or a file path
SCHEMA_TEXT = '{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}'
SCHEMA_INLINE = json.loads(SCHEMA_TEXT)
assert json.dumps(SCHEMA_INLINE, separators=(",", ":")) == SCHEMA_TEXT
PERSON_SCHEMA = "tests/fixtures/schema/person.json"
PERSON_SCHEMA_OBJ = json.loads((REPO / PERSON_SCHEMA).read_text())

BATCH = "tests/fixtures/batch"


def json_schema(schema):
    return {"type": "json_schema", "schema": schema}


def batch_request(custom_id, **params):
    return {"custom_id": custom_id, "params": params}


def prompt_msg(content):
    return [{"role": "user", "content": content}]


def base(**over):
    kw = {"max_tokens": 4096, "messages": HELLO, "model": "claude-sonnet-5"}
    kw.update(over)
    return kw


CASES = [
    case("basic", ["ask", "hello world"], base()),
    case("stream", ["ask", "--stream", "hello world"], base(stream=True)),
    case("system", ["ask", "-s", "Be terse.", "hello world"], base(system="Be terse.")),
    case(
        "stop-sequences",
        ["ask", "--stop", "END", "--stop", "STOP", "hello world"],
        base(stop_sequences=["END", "STOP"]),
    ),
    case(
        "thinking-adaptive-effort",
        ["ask", "--thinking", "adaptive", "--effort", "high", "hello world"],
        base(thinking={"type": "adaptive"}, output_config={"effort": "high"}),
    ),
    case(
        "thinking-budget",
        ["ask", "--max-tokens", "8000", "--thinking", "2048", "hello world"],
        base(max_tokens=8000, thinking={"type": "enabled", "budget_tokens": 2048}),
    ),
    case(
        "thinking-off",
        ["ask", "--thinking", "off", "hello world"],
        base(thinking={"type": "disabled"}),
    ),
    case(
        "cache-default",
        ["ask", "--cache", "hello world"],
        base(cache_control={"type": "ephemeral"}),
    ),
    case(
        "cache-1h",
        ["ask", "--cache=1h", "hello world"],
        base(cache_control={"type": "ephemeral", "ttl": "1h"}),
    ),
    case("model-alias", ["ask", "-m", "haiku", "hello world"], base(model="claude-haiku-4-5")),
    case(
        "stdin-then-prompt",
        ["ask", "summarize"],
        base(
            messages=[
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "the document\n"},
                        {"type": "text", "text": "summarize"},
                    ],
                }
            ]
        ),
        stdin="the document\n",
    ),
    case(
        "betas",
        ["ask", "--beta", "context-1m-2025-08-07", "--beta", "fast-mode-2026-02-01", "hello world"],
        base(betas=["context-1m-2025-08-07", "fast-mode-2026-02-01"]),
        beta=True,
    ),
    case(
        "everything",
        [
            "ask", "-m", "opus", "-s", "sys", "--max-tokens", "9000", "--stop", "X",
            "--thinking", "4096", "--effort", "max", "--cache=5m", "--stream", "hello world",
        ],
        base(
            model="claude-opus-5",
            system="sys",
            max_tokens=9000,
            stop_sequences=["X"],
            thinking={"type": "enabled", "budget_tokens": 4096},
            output_config={"effort": "max"},
            cache_control={"type": "ephemeral", "ttl": "5m"},
            stream=True,
        ),
    ),
    case(
        "sampling-2023",
        ["--api-version", "2023-06-01", "ask", "-t", "0.5", "--top-p", "0.9", "--top-k", "40", "hello world"],
        base(temperature=0.5, top_p=0.9, top_k=40),
        only_major=0,
    ),
    # --- vision / files (messages.create, no stream: stdout is not a terminal)
    case(
        "vision-one",
        ["vision", RED_PNG],
        base(messages=user(image(RED_PNG, "image/png"), text("Describe this image."))),
    ),
    case(
        "vision-two-prompt",
        ["vision", BLUE_JPG, GREEN_GIF, "-p", "Which is brighter?"],
        base(
            messages=user(
                image(BLUE_JPG, "image/jpeg"), image(GREEN_GIF, "image/gif"), text("Which is brighter?")
            )
        ),
    ),
    case(
        "vision-plural-default",
        ["vision", YELLOW_WEBP, RED_PNG],
        base(
            messages=user(
                image(YELLOW_WEBP, "image/webp"), image(RED_PNG, "image/png"), text("Describe these images.")
            )
        ),
    ),
    case(
        "vision-url",
        ["vision", "https://example.com/cat.jpg"],
        base(messages=user(image_url("https://example.com/cat.jpg"), text("Describe this image."))),
    ),
    case(
        "vision-stdin-image",
        ["vision", "-"],
        base(messages=user(image(RED_PNG, "image/png"), text("Describe this image."))),
        stdin_file=RED_PNG,
    ),
    case(
        "vision-stdin-text",
        ["vision", RED_PNG],
        base(messages=user(image(RED_PNG, "image/png"), text("What colour is it?\n"))),
        stdin="What colour is it?\n",
    ),
    case(
        "misleading-extension",
        ["ask", "-f", JPEG_NAMED_PNG, "What is this?"],
        base(messages=user(image(JPEG_NAMED_PNG, "image/jpeg"), text("What is this?"))),
    ),
    case(
        "ask-pdf",
        ["ask", "-f", ONE_PAGE_PDF, "Summarize"],
        base(messages=user(pdf(ONE_PAGE_PDF), text("Summarize"))),
    ),
    case(
        "ask-pdf-url",
        ["ask", "-f", "https://example.com/paper.pdf", "Summarize"],
        base(messages=user(pdf_url("https://example.com/paper.pdf"), text("Summarize"))),
    ),
    case(
        "ask-mixed",
        ["ask", "-f", NOTES_TXT, "-f", RED_PNG, "-f", ONE_PAGE_PDF, "Compare"],
        base(
            messages=user(
                text(f"File: {NOTES_TXT}\n\nalpha\n"),
                image(RED_PNG, "image/png"),
                pdf(ONE_PAGE_PDF),
                text("Compare"),
            )
        ),
    ),
    # --- structured output (--schema; inline JSON text or a file)
    case(
        "schema-inline",
        ["ask", "--schema", SCHEMA_TEXT, "Extract the name: Ada Lovelace"],
        base(
            messages=prompt_msg("Extract the name: Ada Lovelace"),
            output_config={"format": json_schema(SCHEMA_INLINE)},
        ),
    ),
    case(
        "schema-file-effort",
        ["ask", "--schema", PERSON_SCHEMA, "--effort", "high", "Who wrote the first program?"],
        base(
            messages=prompt_msg("Who wrote the first program?"),
            output_config={"effort": "high", "format": json_schema(PERSON_SCHEMA_OBJ)},
        ),
    ),
    # --- count_tokens (POST /v1/messages/count_tokens; no max_tokens)
    case(
        "count-basic",
        ["count", "hello world"],
        {"messages": HELLO, "model": "claude-sonnet-5"},
        target="count_tokens",
    ),
    case(
        "count-everything",
        [
            "count", "-m", "opus", "-s", "sys", "--thinking", "adaptive", "--effort", "high",
            "--cache", "-f", RED_PNG, "hello world",
        ],
        {
            "messages": user(image(RED_PNG, "image/png"), text("hello world")),
            "model": "claude-opus-5",
            "system": "sys",
            "thinking": {"type": "adaptive"},
            "output_config": {"effort": "high"},
            "cache_control": {"type": "ephemeral"},
        },
        target="count_tokens",
    ),
    # --- batch submit (POST /v1/messages/batches). Per line: a prompts .jsonl
    # line {"custom_id", "prompt", optional "max_tokens" / "system"}, a .txt
    # line (custom_id "line-N"), or a full {"custom_id", "params"} line whose
    # own keys win over the CLI's defaults (model, max_tokens, system).
    case(
        "batch-prompts",
        ["batch", "submit", f"{BATCH}/prompts.jsonl"],
        {
            "requests": [
                batch_request(
                    "q1", max_tokens=4096, messages=prompt_msg("What is 2+2?"), model="claude-sonnet-5"
                ),
                batch_request(
                    "q2", max_tokens=50, messages=prompt_msg("Name a colour."), model="claude-sonnet-5"
                ),
                batch_request(
                    "q3",
                    max_tokens=4096,
                    messages=prompt_msg("Say hi."),
                    model="claude-sonnet-5",
                    system="Be brief.",
                ),
            ]
        },
        target="batches.create",
    ),
    case(
        "batch-text-defaults",
        [
            "batch", "submit", "-m", "haiku", "-s", "Answer in one word.", "--max-tokens", "20",
            f"{BATCH}/prompts.txt",
        ],
        {
            "requests": [
                batch_request(
                    f"line-{i}",
                    max_tokens=20,
                    messages=prompt_msg(line),
                    model="claude-haiku-4-5",
                    system="Answer in one word.",
                )
                for i, line in enumerate(["What is the capital of France?", "Name three primes."], 1)
            ]
        },
        target="batches.create",
    ),
    case(
        "batch-params-defaults",
        ["batch", "submit", "-m", "opus", f"{BATCH}/params.jsonl"],
        {
            "requests": [
                batch_request(
                    "p1", model="claude-haiku-4-5", max_tokens=100, messages=prompt_msg("Hi")
                ),
                batch_request(
                    "p2", messages=prompt_msg("Hello"), model="claude-opus-5", max_tokens=4096
                ),
            ]
        },
        target="batches.create",
    ),
]

# --- server tools (shapes: types/web_search_tool_20260318_param.py,
# web_fetch_tool_20260318_param.py, code_execution_tool_20260521_param.py,
# beta/beta_request_mcp_server_url_definition_param.py, beta/beta_mcp_toolset_param.py)
WEB_SEARCH = {"type": "web_search_20260318", "name": "web_search"}
WEB_FETCH = {"type": "web_fetch_20260318", "name": "web_fetch"}
CODE_EXECUTION = {"type": "code_execution_20260521", "name": "code_execution"}
MCP_BETA = "mcp-client-2026-09-15"
MCP_TOKEN = "mcp-token-0123456789-SECRET"
DOCS_MCP = "https://mcp.example.com/mcp"
DATA_MCP = "https://data.example.org/mcp"


def mcp_server(name, url, token=None):
    server = {"type": "url", "url": url, "name": name}
    if token is not None:
        server["authorization_token"] = token
    return server


def mcp_toolset(name):
    return {"type": "mcp_toolset", "mcp_server_name": name}


CASES += [
    case("web-search", ["ask", "--web-search", "hello world"], base(tools=[WEB_SEARCH])),
    case(
        "web-search-max-uses-domains",
        ["ask", "--web-search=3", "--domains", "docs.rs,rust-lang.org", "hello world"],
        base(tools=[{**WEB_SEARCH, "max_uses": 3, "allowed_domains": ["docs.rs", "rust-lang.org"]}]),
    ),
    case(
        "web-fetch-blocked-domains",
        ["ask", "--web-fetch=2", "--block-domains", "example.com", "hello world"],
        base(tools=[{**WEB_FETCH, "max_uses": 2, "blocked_domains": ["example.com"]}]),
    ),
    case(
        "web-tools-domains-stream",
        ["ask", "--stream", "--web-search", "--web-fetch", "--domains", "docs.rs", "hello world"],
        base(
            stream=True,
            tools=[{**WEB_SEARCH, "allowed_domains": ["docs.rs"]}, {**WEB_FETCH, "allowed_domains": ["docs.rs"]}],
        ),
    ),
    case("code-exec", ["ask", "--code-exec", "hello world"], base(tools=[CODE_EXECUTION])),
    case(
        "mcp",
        ["ask", "--mcp", f"docs={DOCS_MCP}", "--mcp", f"open-data={DATA_MCP}", "hello world"],
        base(
            mcp_servers=[mcp_server("docs", DOCS_MCP, MCP_TOKEN), mcp_server("open-data", DATA_MCP)],
            tools=[mcp_toolset("docs"), mcp_toolset("open-data")],
            betas=[MCP_BETA],
        ),
        env={"CLAUDE_MCP_TOKEN_DOCS": MCP_TOKEN},
        beta=True,
    ),
    case(
        "server-tools-all",
        [
            "ask", "--web-search=5", "--web-fetch", "--code-exec", "--mcp", f"docs={DOCS_MCP}",
            "--beta", "context-1m-2025-08-07", "hello world",
        ],
        base(
            mcp_servers=[mcp_server("docs", DOCS_MCP)],
            tools=[{**WEB_SEARCH, "max_uses": 5}, WEB_FETCH, CODE_EXECUTION, mcp_toolset("docs")],
            betas=["context-1m-2025-08-07", MCP_BETA],
        ),
        beta=True,
    ),
    case(
        "vision-web-search",
        ["vision", RED_PNG, "--web-search"],
        base(messages=user(image(RED_PNG, "image/png"), text("Describe this image.")), tools=[WEB_SEARCH]),
    ),
    case(
        "citations-documents",
        ["ask", "--citations", "-f", NOTES_TXT, "-f", ONE_PAGE_PDF, "Summarize"],
        base(
            messages=user(
                {
                    "type": "document",
                    "source": {"type": "text", "media_type": "text/plain", "data": "alpha\n"},
                    "title": NOTES_TXT,
                    "citations": {"enabled": True},
                },
                {**pdf(ONE_PAGE_PDF), "citations": {"enabled": True}},
                text("Summarize"),
            )
        ),
    ),
    case(
        "count-server-tools",
        ["count", "--web-search", "--code-exec", "hello world"],
        {"messages": HELLO, "model": "claude-sonnet-5", "tools": [WEB_SEARCH, CODE_EXECUTION]},
        target="count_tokens",
    ),
    case(
        "batch-server-tools",
        ["batch", "submit", "--web-fetch=1", f"{BATCH}/prompts.txt"],
        {
            "requests": [
                batch_request(
                    f"line-{i}",
                    max_tokens=4096,
                    messages=prompt_msg(line),
                    model="claude-sonnet-5",
                    tools=[{**WEB_FETCH, "max_uses": 1}],
                )
                for i, line in enumerate(["What is the capital of France?", "Name three primes."], 1)
            ]
        },
        target="batches.create",
    ),
]

# --- Files API (anthropic 2.x): --file-id names a stored file, --upload
# uploads the local file first (path.name as the filename, as the SDK sends
# a pathlib.Path) and names the id the API gave.
PDF_ID = "file_011CNha8iCJcU1wXNR6q4V8w"
PNG_ID = "file_011CNha8iCJcU1wXNR6q4V8y"
CASES += [
    case(
        "file-id-document",
        ["ask", "--file-id", PDF_ID, "Summarize"],
        base(messages=user(file_document(PDF_ID), text("Summarize"))),
        files=[stored(PDF_ID, "contract.pdf", "application/pdf")],
        only_major=2,
    ),
    case(
        "file-id-image",
        ["ask", "-f", NOTES_TXT, "--file-id", PNG_ID, "What is this?"],
        base(messages=user(text(f"File: {NOTES_TXT}\n\nalpha\n"), file_image(PNG_ID), text("What is this?"))),
        files=[stored(PNG_ID, "red.png", "image/png")],
        only_major=2,
    ),
    case(
        "count-file-id",
        ["count", "--file-id", PDF_ID, "hello world"],
        {"messages": user(file_document(PDF_ID), text("hello world")), "model": "claude-sonnet-5"},
        target="count_tokens",
        files=[stored(PDF_ID, "contract.pdf", "application/pdf")],
        only_major=2,
    ),
    case(
        "upload-pdf",
        ["ask", "--upload", "-f", ONE_PAGE_PDF, "Summarize"],
        base(messages=user(file_document(UPLOAD_IDS[0]), text("Summarize"))),
        upload_first=[ONE_PAGE_PDF],
        only_major=2,
    ),
    case(
        "upload-mixed",
        ["ask", "--upload", "-f", NOTES_TXT, "-f", RED_PNG, "-f", ONE_PAGE_PDF, "Compare"],
        base(
            messages=user(
                text(f"File: {NOTES_TXT}\n\nalpha\n"),
                file_image(UPLOAD_IDS[0]),
                file_document(UPLOAD_IDS[1]),
                text("Compare"),
            )
        ),
        upload_first=[RED_PNG, ONE_PAGE_PDF],
        only_major=2,
    ),
    case(
        "upload-vision",
        ["vision", "--upload", BLUE_JPG],
        base(messages=user(file_image(UPLOAD_IDS[0]), text("Describe this image."))),
        upload_first=[BLUE_JPG],
        only_major=2,
    ),
    case(
        "batch-upload-shared-document",
        ["batch", "submit", "--upload", "-f", ONE_PAGE_PDF, "-m", "haiku", f"{BATCH}/prompts.txt"],
        {
            "requests": [
                batch_request(
                    f"line-{i}",
                    max_tokens=4096,
                    messages=user(file_document(UPLOAD_IDS[0]), text(line)),
                    model="claude-haiku-4-5",
                )
                for i, line in enumerate(["What is the capital of France?", "Name three primes."], 1)
            ]
        },
        target="batches.create",
        upload_first=[ONE_PAGE_PDF],
        only_major=2,
    ),
    case(
        "files-upload-expires",
        ["files", "upload", "--expires", "1h", RED_PNG],
        {"file": Path(RED_PNG), "expires_in_seconds": 3600},
        target="files.upload",
        only_major=2,
    ),
]

# --- local tools (shapes: types/tool_param.py, tool_choice_tool_param.py,
# tool_result_block_param.py). The definition is read from the example the
# CLI is given, as an SDK user would write it out. A case with `replies`
# scripts the CLI's server with those fixtures in order, and compares the
# CLI's `request`-th request (1-based) with the SDK's body: here the second,
# which echoes the tool_use reply and answers each call.
import tomllib  # noqa: E402

WORD_COUNT_TOML = "examples/tools/word_count.toml"
_word_count = tomllib.loads((REPO / WORD_COUNT_TOML).read_text())
WORD_COUNT = {
    "name": _word_count["name"],
    "description": _word_count["description"],
    "input_schema": _word_count["input_schema"],
    "strict": True,
}
SEVERAL_CALLS = "message-tool-use-several.assembled.json"
_asked = json.loads((FIXTURES / SEVERAL_CALLS).read_text())["content"]
# What examples/tools/word_count.py prints for each call's text, and the
# error result for the call of a tool that was not offered.
TOOL_RESULTS = [
    {
        "type": "tool_result",
        "tool_use_id": _asked[1]["id"],
        "content": "lines 0, words 4, characters 19\n",
    },
    {
        "type": "tool_result",
        "tool_use_id": _asked[2]["id"],
        "content": "lines 2, words 5, characters 24\n",
    },
    {
        "type": "tool_result",
        "tool_use_id": _asked[3]["id"],
        "content": 'error: there is no tool named "delete_everything"; the tools offered are: word_count',
        "is_error": True,
    },
]

CASES += [
    case("local-tool", ["ask", "-T", WORD_COUNT_TOML, "hello world"], base(tools=[WORD_COUNT])),
    case(
        "local-tool-choice-not-strict",
        [
            "ask", "-T", WORD_COUNT_TOML, "--no-strict-tools", "--tool-choice", "word_count",
            "hello world",
        ],
        base(
            tool_choice={"type": "tool", "name": "word_count"},
            tools=[{k: v for k, v in WORD_COUNT.items() if k != "strict"}],
        ),
    ),
    case(
        "local-tool-choice-any-with-server-tool",
        ["ask", "--web-search", "-T", WORD_COUNT_TOML, "--tool-choice", "any", "hello world"],
        base(tool_choice={"type": "any"}, tools=[WEB_SEARCH, WORD_COUNT]),
    ),
    case(
        "local-tool-results",
        ["ask", "-T", WORD_COUNT_TOML, "--allow", "word_count", "Count both texts"],
        base(
            messages=[
                {"role": "user", "content": "Count both texts"},
                {"role": "assistant", "content": _asked},
                {"role": "user", "content": TOOL_RESULTS},
            ],
            tools=[WORD_COUNT],
        ),
        replies=[SEVERAL_CALLS, "message-basic-recorded.json"],
        request=2,
    ),
]

# The major version whose records are written for the common cases.
COMMON_MAJOR = 2


class Recorder:
    def __init__(self):
        self.requests = []

    def __call__(self, request):
        raw = request.read()
        path = request.url.raw_path.decode("ascii")
        multipart = request.headers.get("content-type", "").startswith("multipart/form-data")
        body = None if multipart else (json.loads(raw) if raw else None)
        self.requests.append(
            {
                "method": request.method,
                "path": path,
                "headers": dict(request.headers),
                "body": body,
                "parts": parts_of(request.headers["content-type"], raw) if multipart else None,
            }
        )
        if request.url.path == "/v1/files":
            uploaded = sum(1 for r in self.requests if r["parts"] is not None)
            part = next(p for p in self.requests[-1]["parts"] if p["name"] == "file")
            metadata = {
                "id": UPLOAD_IDS[uploaded - 1],
                "type": "file",
                "filename": part["filename"],
                "mime_type": part["content_type"],
                "size_bytes": len(part["data"]),
                "created_at": "2026-11-22T01:34:07Z",
                "downloadable": False,
            }
            return httpx.Response(
                200, headers={"content-type": "application/json"}, content=json.dumps(metadata).encode()
            )
        if request.url.path.endswith("/count_tokens"):
            return httpx.Response(
                200, headers={"content-type": "application/json"}, content=COUNT_TOKENS_JSON
            )
        if request.url.path.endswith("/messages/batches"):
            return httpx.Response(
                200, headers={"content-type": "application/json"}, content=MESSAGE_BATCH_JSON
            )
        if isinstance(body, dict) and body.get("stream") is True:
            return httpx.Response(
                200, headers={"content-type": "text/event-stream"}, content=STREAM_SSE
            )
        return httpx.Response(
            200, headers={"content-type": "application/json"}, content=MESSAGE_JSON
        )


def parts_of(content_type, raw):
    """The parts of a multipart/form-data body, as a server reads them."""
    boundary = content_type.split("boundary=", 1)[1].strip().encode()
    parts = []
    for chunk in raw.split(b"--" + boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, data = chunk[2:].partition(b"\r\n\r\n")
        assert data.endswith(b"\r\n"), chunk[:80]
        part = {"name": None, "filename": None, "content_type": None, "data": data[:-2]}
        for line in head.decode().split("\r\n"):
            key, _, value = line.partition(":")
            if key.lower() == "content-disposition":
                for param in value.split(";"):
                    k, _, v = param.strip().partition("=")
                    if k in ("name", "filename"):
                        part[k] = v.strip('"')
            elif key.lower() == "content-type":
                part["content_type"] = value.strip()
        parts.append(part)
    return parts


def part_record(part):
    """A part for the record: its bytes named by the file they came from."""
    record = {k: part[k] for k in ("name", "filename", "content_type")}
    sources = [rel for rel in (RED_PNG, BLUE_JPG, ONE_PAGE_PDF, NOTES_TXT) if (REPO / rel).read_bytes() == part["data"]]
    if sources:
        record["data_file"] = sources[0]
    else:
        record["data_text"] = part["data"].decode()
    return record


def make_client(recorder):
    return anthropic.Anthropic(
        api_key="sk-ant-test",
        base_url="http://sdk.invalid",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )


def call_repr(target, kwargs):
    args = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    return f"client.{target}({args})"


def run_case(c):
    """Returns (record, None) or (None, reason-it-is-unsupported)."""
    recorder = Recorder()
    client = make_client(recorder)
    for rel in c["upload_first"]:
        client.files.upload(file=Path(REPO / rel))
    if c["target"] == "files.upload":
        messages, target = client, "files.upload"
    else:
        messages = client.beta.messages if c["beta"] else client.messages
        target = ("beta.messages." if c["beta"] else "messages.") + c["target"]
    method = messages
    for attr in c["target"].split("."):
        method = getattr(method, attr)
    params = inspect.signature(method).parameters
    missing = [k for k in c["kwargs"] if k not in params]
    if missing:
        return None, f"client.{target}() in anthropic {SDK_VERSION} has no parameter(s) {missing}"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = method(**c["kwargs"])
        if c["target"] == "count_tokens":
            assert result.input_tokens == 42, result
        elif c["target"] == "files.upload":
            assert result.type == "file", result
        elif c["target"] == "batches.create":
            assert result.type == "message_batch" and result.id == MESSAGE_BATCH_ID, result
        elif c["kwargs"].get("stream"):
            # Consume the whole stream. stream-basic.sse has no blank line
            # after its final `message_stop` event, so (per the SSE spec) the
            # SDK drops that last event; message_delta is the last one seen.
            events = [event.type for event in result]
            assert events and events[0] == "message_start", events
        else:
            assert result.type == "message", result
    for w in caught:
        print(f"  [{c['name']}] SDK warning: {w.category.__name__}: {w.message}", file=sys.stderr)

    assert len(recorder.requests) == 1 + len(c["upload_first"]), recorder.requests
    req = recorder.requests[-1]
    assert req["method"] == "POST", req
    headers = req["headers"]
    record = {
        "name": c["name"],
        "sdk": f"anthropic {SDK_VERSION}",
        "cli": c["cli"],
        "stdin": c["stdin"],
        "stdin_file": c["stdin_file"],
        "env": c["env"],
        "call": "".join(f"client.files.upload(file=Path({rel!r})); " for rel in c["upload_first"])
        + f"{call_repr(target, c['kwargs'])}  # sent POST {req['path']}",
        "path": req["path"],
        "anthropic_version": headers.get("anthropic-version"),
        "anthropic_beta": headers.get("anthropic-beta"),
        "body": req["body"],
        "files": c["files"],
        "upload_ids": UPLOAD_IDS[: len(c["upload_first"])] or None,
        "uploads": [
            [part_record(p) for p in r["parts"]] for r in recorder.requests if r["parts"] is not None
        ]
        or None,
    }
    if c["replies"] is not None:
        record["replies"] = c["replies"]
        record["request"] = c["request"]
    return record, None


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        print("usage: python scripts/sdk-request-bodies.py OUTFILE", file=sys.stderr)
        return 2
    out = Path(argv[1])
    existing = json.loads(out.read_text()) if out.exists() else {}

    print(f"anthropic {SDK_VERSION} (http module: {httpx.__name__} {httpx.__version__})", file=sys.stderr)
    written, unsupported = [], []
    for c in CASES:
        if c["only_major"] is not None and c["only_major"] != SDK_MAJOR:
            continue
        record, reason = run_case(c)
        if record is None:
            unsupported.append(c["name"])
            print(f"  UNSUPPORTED {c['name']}: {reason} (not written)", file=sys.stderr)
            continue
        writes = c["only_major"] is not None or SDK_MAJOR == COMMON_MAJOR
        if writes:
            existing[c["name"]] = record
            written.append(c["name"])
            print(
                f"  wrote {c['name']}: anthropic-version={record['anthropic_version']} "
                f"anthropic-beta={record['anthropic_beta']} body={json.dumps(record['body'])}",
                file=sys.stderr,
            )
        else:
            prev = existing.get(c["name"])
            if prev is None:
                verdict = "no record in file to compare with"
            elif prev["body"] == record["body"]:
                same_order = list(prev["body"]) == list(record["body"])
                verdict = f"body equals {prev['sdk']}'s" + ("" if same_order else " (different key order)")
            else:
                verdict = f"body DIFFERS from {prev['sdk']}'s: {json.dumps(record['body'])}"
            hdr = f"anthropic-version={record['anthropic_version']} anthropic-beta={record['anthropic_beta']}"
            print(f"  checked {c['name']} (not written): {verdict}; {hdr}", file=sys.stderr)

    merged = {name: dict(sorted(existing[name].items())) for name in sorted(existing)}
    out.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n")
    print(
        f"{out}: wrote {len(written)} case(s), {len(merged)} in file"
        + (f"; unsupported: {', '.join(unsupported)}" if unsupported else ""),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
