//! Rendered Markdown: the ANSI `claude` draws for every construct, the
//! recorded fixtures and broken Markdown (against the snapshots that
//! `cargo run --example generate` writes), drawn line by line on a real
//! terminal; and the raw text, byte for byte, wherever it is not rendered.

use std::io::Read;
use std::path::Path;
use std::process::Output;

use serde_json::json;

use claude_cli::render::{Markdown, Options, Theme};

use crate::support::pty::Session;
use crate::support::server::split_events;
use crate::support::*;

/// The snapshots' width (see examples/generate.rs).
const COLUMNS: &str = "60";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn snapshot(name: &str) -> Vec<u8> {
    let path = root().join("tests/snapshots/render").join(name);
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `cargo run --example generate`",
            path.display()
        )
    })
}

/// A reply to render, and how the fake server sends it.
enum Source {
    /// Markdown from tests/fixtures/markdown, sent in small deltas.
    Markdown(String),
    /// A recorded stream.
    Stream(&'static str),
    /// A recorded Message, not streamed.
    Message(&'static str),
}

/// Every snapshot (but the light variant) with its source.
fn sources() -> Vec<(String, Source)> {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/snapshots/render")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".ansi") else {
            continue;
        };
        if stem.ends_with(".light-links") {
            continue;
        }
        let markdown = root()
            .join("tests/fixtures/markdown")
            .join(format!("{stem}.md"));
        let fixture = |extension: &str| {
            let file = format!("{stem}.{extension}");
            root()
                .join("tests/fixtures")
                .join(&file)
                .exists()
                .then(|| &*Box::leak(file.into_boxed_str()))
        };
        let source = if markdown.exists() {
            Source::Markdown(std::fs::read_to_string(markdown).unwrap())
        } else if let Some(file) = fixture("sse") {
            Source::Stream(file)
        } else if let Some(file) = fixture("json") {
            Source::Message(file)
        } else {
            panic!("{name}: no fixture of that name");
        };
        sources.push((stem.to_owned(), source));
    }
    sources.sort_by(|a, b| a.0.cmp(&b.0));
    sources
}

/// A message_start … message_stop stream that says `text` in deltas of
/// `piece` characters and ends with `stop_reason`.
fn text_stream(text: &str, piece: usize, stop_reason: &str) -> String {
    let event = |kind: &str, data: serde_json::Value| format!("event: {kind}\ndata: {data}\n\n");
    let mut sse = event(
        "message_start",
        json!({"type": "message_start", "message": {
            "id": "msg_render", "type": "message", "role": "assistant", "content": [],
            "model": "claude-sonnet-5", "stop_reason": null, "stop_sequence": null,
            "usage": {"input_tokens": 12, "output_tokens": 1}}}),
    );
    sse += &event(
        "content_block_start",
        json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
    );
    for delta in pieces(text, piece) {
        sse += &event(
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0,
                   "delta": {"type": "text_delta", "text": delta}}),
        );
    }
    sse += &event(
        "content_block_stop",
        json!({"type": "content_block_stop", "index": 0}),
    );
    sse += &event(
        "message_delta",
        json!({"type": "message_delta", "delta": {"stop_reason": stop_reason, "stop_sequence": null},
               "usage": {"output_tokens": 40}}),
    );
    sse + &event("message_stop", json!({"type": "message_stop"}))
}

/// `text` cut into pieces of `size` characters.
fn pieces(text: &str, size: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(size).map(|c| c.iter().collect()).collect()
}

/// A whole Message whose text is `text`.
fn text_message(text: &str) -> String {
    let mut message: serde_json::Value =
        serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    message["content"] = json!([{"type": "text", "text": text}]);
    message["stop_reason"] = json!("end_turn");
    message.to_string()
}

/// The reply's text as the fixture holds it.
fn raw_text(source: &Source) -> String {
    match source {
        Source::Markdown(text) => text.clone(),
        Source::Stream(file) => fixture(file)
            .lines()
            .filter_map(|line| line.strip_prefix("data:"))
            .filter_map(|data| serde_json::from_str::<serde_json::Value>(data).ok())
            .filter(|event| event["type"] == "content_block_delta")
            .filter_map(|event| event["delta"]["text"].as_str().map(str::to_owned))
            .collect(),
        Source::Message(file) => {
            let message: serde_json::Value = serde_json::from_str(&fixture(file)).unwrap();
            message["content"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|block| block["type"] == "text")
                .filter_map(|block| block["text"].as_str())
                .collect()
        }
    }
}

/// The server's reply for `source`, and the flag that matches it.
fn reply(source: &Source) -> (Reply, &'static str) {
    match source {
        Source::Markdown(text) => (Reply::sse(&text_stream(text, 7, "end_turn")), "--stream"),
        Source::Stream(file) => (Reply::stream(file), "--stream"),
        Source::Message(file) => (Reply::message(file), "--no-stream"),
    }
}

/// `claude ask` with `args` against a server giving `reply`, stdout piped.
/// Citation markers and the Sources list (which the recorded web search and
/// fetch replies would get) are left out: these tests are about the text.
fn ask(reply: Reply, args: &[&str]) -> Output {
    let server = FakeServer::with([reply]);
    claude_at(&server)
        .env("COLUMNS", COLUMNS)
        .args(["ask", "--no-sources"])
        .args(args)
        .arg("hi")
        .output()
        .unwrap()
}

/// The text as printed raw: a trailing newline is added if missing.
fn as_printed(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

/// What the library draws for `text`, 60 columns wide.
fn rendered(text: &str, theme: Theme, hyperlinks: bool) -> String {
    let mut markdown = Markdown::new(Options {
        theme,
        width: 60,
        hyperlinks,
    });
    let mut out = Vec::new();
    markdown.push(text, &mut out).unwrap();
    markdown.finish(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_construct_and_fixture_renders_as_its_snapshot() {
    let sources = sources();
    for entry in std::fs::read_dir(root().join("tests/fixtures/markdown")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            sources.iter().any(|(name, _)| *name == stem),
            "{stem}.md has no snapshot: run `cargo run --example generate`"
        );
    }
    assert!(sources.len() >= 20, "{} snapshots", sources.len());
    for (name, source) in &sources {
        let (reply, mode) = reply(source);
        let output = ask(reply, &[mode, "--render", "always", "--theme", "dark"]);
        let expected = snapshot(&format!("{name}.ansi"));
        assert!(
            output.stdout == expected,
            "{name}: stdout differs from tests/snapshots/render/{name}.ansi \
             (run `cargo run --example generate` if the change is meant)\n--- got\n{}\n--- expected\n{}",
            stdout(&output),
            String::from_utf8_lossy(&expected)
        );
        if let Source::Markdown(text) = source {
            // Whole at the end, it looks the same as streamed.
            let output = ask(
                Reply::json(text_message(text)),
                &["--no-stream", "--render", "always", "--theme", "dark"],
            );
            assert!(output.stdout == expected, "{name}, not streamed");
        }
    }
}

#[test]
fn piped_output_is_the_raw_reply_byte_for_byte_and_only_stdout_changes() {
    for (name, source) in sources() {
        let text = raw_text(&source);
        let (reply_for, mode) = reply(&source);
        let piped = ask(reply_for, &[mode]);
        assert_eq!(stdout(&piped), as_printed(&text), "{name}: piped");
        for flags in [&[mode, "--render", "never"][..], &[mode, "--raw"]] {
            let (reply_for, _) = reply(&source);
            let raw = ask(reply_for, flags);
            assert_eq!(stdout(&raw), as_printed(&text), "{name}: {flags:?}");
        }
        // Rendering changes how the text looks, never the exit code or
        // what goes to stderr.
        let (reply_for, _) = reply(&source);
        let drawn = ask(reply_for, &[mode, "--render", "always", "-u"]);
        let (reply_for, _) = reply(&source);
        let plain = ask(reply_for, &[mode, "--render", "never", "-u"]);
        assert_eq!(drawn.status.code(), plain.status.code(), "{name}");
        assert_eq!(stderr(&drawn), stderr(&plain), "{name}");
    }
}

#[test]
fn json_and_stream_json_are_never_rendered() {
    let text = "# Title\n\n**bold** and `code`\n";
    for (format, mode) in [
        ("json", "--no-stream"),
        ("json", "--stream"),
        ("stream-json", "--stream"),
    ] {
        let reply_for = || match mode {
            "--stream" => Reply::sse(&text_stream(text, 5, "end_turn")),
            _ => Reply::json(text_message(text)),
        };
        let drawn = ask(reply_for(), &["-o", format, mode, "--render", "always"]);
        let plain = ask(reply_for(), &["-o", format, mode, "--render", "never"]);
        assert_exit(&drawn, 0);
        assert_eq!(stdout(&drawn), stdout(&plain), "-o {format} {mode}");
        assert!(!stdout(&drawn).contains('\x1b'));
    }
}

#[test]
fn a_reply_cut_inside_a_fence_prints_everything_it_received() {
    let text = "Here:\n\n```rust\nfn main() {\n    let s = \"cut off";
    let drawn = ask(
        Reply::sse(&text_stream(text, 4, "max_tokens")),
        &["--stream", "--render", "always"],
    );
    let plain = ask(
        Reply::sse(&text_stream(text, 4, "max_tokens")),
        &["--stream", "--render", "never"],
    );
    assert_exit(&drawn, 3);
    assert_eq!(stdout(&drawn), rendered(text, Theme::Dark, false));
    assert!(
        stdout(&drawn).contains("\"cut off\x1b[0m\n"),
        "{}",
        stdout(&drawn)
    );
    assert_eq!(stderr(&drawn), stderr(&plain));
    assert!(stderr(&drawn).contains("max_tokens"));
}

#[test]
fn a_stream_broken_mid_line_draws_the_line_before_the_error() {
    let text = "**Partial** answer before the";
    let sse = text_stream(text, 6, "end_turn");
    let events = split_events(&sse);
    let cut = Reply::sse(&sse).first_events(events.len() - 3);
    let output = ask(cut, &["--stream", "--render", "always"]);
    assert_exit(&output, 9);
    assert_eq!(stdout(&output), rendered(text, Theme::Dark, false));
    assert!(error_line(&output).contains("the stream ended before message_stop"));
}

#[test]
fn the_config_file_chooses_rendering_and_theme() {
    let config = tempdir("render-config");
    std::fs::create_dir_all(config.join("claude-cli")).unwrap();
    let text = "## Heading\n\n- **item**\n";
    let run = |file: &str, args: &[&str]| {
        std::fs::write(config.join("claude-cli/config.toml"), file).unwrap();
        let server = FakeServer::with([Reply::sse(&text_stream(text, 3, "end_turn"))]);
        let output = claude_at(&server)
            .env("XDG_CONFIG_HOME", &config)
            .env("COLUMNS", COLUMNS)
            .args(["ask", "--stream"])
            .args(args)
            .arg("hi")
            .output()
            .unwrap();
        assert_exit(&output, 0);
        stdout(&output)
    };
    assert_eq!(
        run("render = \"always\"\ntheme = \"light\"\n", &[]),
        rendered(text, Theme::Light, false)
    );
    assert_eq!(
        run(
            "render = \"always\"\ntheme = \"light\"\n",
            &["--theme", "dark"]
        ),
        rendered(text, Theme::Dark, false)
    );
    assert_eq!(run("render = \"always\"\n", &["--raw"]), text);
    assert_eq!(
        run("render = \"never\"\n", &["--render", "always"]),
        rendered(text, Theme::Dark, false)
    );
    let server = FakeServer::start();
    std::fs::write(
        config.join("claude-cli/config.toml"),
        "render = \"sometimes\"\n",
    )
    .unwrap();
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &config)
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(server.requests().is_empty());
}

/// `claude ask ARGS` with stdout on a terminal 60 columns wide.
fn on_terminal(server: &FakeServer, env: &[(&str, &str)], args: &[&str]) -> Session {
    let mut command = spawnable(server);
    command
        .envs(env.iter().copied())
        .arg("ask")
        .args(args)
        .arg("hi");
    Session::spawn_answer_only(command, 60)
}

#[test]
fn on_a_terminal_each_line_is_drawn_as_soon_as_it_is_complete() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/markdown/constructs.md")).unwrap();
    let gate = Gate::default();
    // message_start, content_block_start, then the first four deltas: the
    // heading's line and a little more.
    let server =
        FakeServer::with([Reply::sse(&text_stream(&text, 8, "end_turn")).hold_after(6, &gate)]);
    let mut terminal = on_terminal(&server, &[], &[]);
    let first = terminal.expect("Rendering every construct\x1b[0m");
    assert_eq!(first, "\x1b[1;4;96mRendering every construct\x1b[0m");
    gate.open();
    let (code, rest) = terminal.finish();
    assert_eq!(code, Some(0));
    let screen = format!("{first}{rest}");
    assert_eq!(
        screen,
        String::from_utf8(snapshot("constructs.ansi")).unwrap()
    );
}

#[test]
fn the_theme_and_hyperlinks_follow_the_terminal() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/markdown/constructs.md")).unwrap();
    let server = FakeServer::with([Reply::sse(&text_stream(&text, 50, "end_turn"))]);
    let terminal = on_terminal(
        &server,
        &[("COLORFGBG", "0;15"), ("TERM_PROGRAM", "WezTerm")],
        &[],
    );
    let (code, screen) = terminal.finish();
    assert_eq!(code, Some(0));
    assert_eq!(
        screen,
        String::from_utf8(snapshot("constructs.light-links.ansi")).unwrap()
    );
}

#[test]
fn no_color_a_dumb_terminal_and_never_print_the_text_as_it_came() {
    let text = "# Title\n\n**bold**, `code` and a [link](https://x.example/)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    type Env<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Env, &[&str]); 5] = [
        (&[("NO_COLOR", "1")], &[]),
        (&[("TERM", "dumb")], &[]),
        (&[], &["--render", "never"]),
        (&[], &["--raw"]),
        (
            &[("NO_COLOR", "1"), ("TERM", "dumb")],
            &["--render", "auto"],
        ),
    ];
    for (env, args) in cases {
        let server = FakeServer::with([Reply::sse(&text_stream(text, 9, "end_turn"))]);
        let (code, screen) = on_terminal(&server, env, args).finish();
        assert_eq!(code, Some(0));
        assert_eq!(screen, text, "{env:?} {args:?}");
        assert!(!screen.contains('\x1b'));
    }
    // Without them, the same terminal gets it rendered.
    let server = FakeServer::with([Reply::sse(&text_stream(text, 9, "end_turn"))]);
    let (_, screen) = on_terminal(&server, &[("TERM", "xterm-256color")], &[]).finish();
    assert_eq!(screen, rendered(text, Theme::Dark, false));
}

#[test]
fn ctrl_c_draws_what_arrived_and_exits_130() {
    let text = "## Steps\n\n1. First **step**\n2. Second step, half";
    // The text, then a thinking block whose delta shows on stderr: once it
    // is there, the client holds all the text. Then the stream waits.
    let sse = text_stream(text, 10, "end_turn");
    let mut events = split_events(&sse);
    let tail = events.split_off(events.len() - 3);
    events.push(format!(
        "event: content_block_start\ndata: {}\n\n",
        json!({"type": "content_block_start", "index": 1,
               "content_block": {"type": "thinking", "thinking": "", "signature": ""}})
    ));
    events.push(format!(
        "event: content_block_delta\ndata: {}\n\n",
        json!({"type": "content_block_delta", "index": 1,
               "delta": {"type": "thinking_delta", "thinking": "all sent"}})
    ));
    let held = events.len();
    events.extend(tail);
    let gate = Gate::default();
    let server = FakeServer::with([Reply::sse(&events.concat()).hold_after(held, &gate)]);
    let mut terminal = on_terminal(&server, &[], &["--stream", "--show-thinking"]);
    let mut thinking = terminal.child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("all sent") {
        let n = thinking.read(&mut buf).unwrap();
        assert!(n > 0, "stderr closed: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    let first = terminal.expect("First ");
    terminal.send("\x03");
    let (code, rest) = terminal.finish();
    gate.open();
    assert_eq!(code, Some(130));
    let expected = rendered(text, Theme::Dark, false);
    // The terminal itself echoes the Ctrl-C as ^C.
    assert_eq!(format!("{first}{}", rest.replacen("^C", "", 1)), expected);
    assert!(expected.ends_with("Second step, half\n"), "{expected:?}");
}

#[test]
fn the_chat_repl_renders_replies_and_piped_chat_stays_raw() {
    let text = "Some **bold** advice:\n\n- one\n- two\n";
    let data = tempdir("render-chat");
    let server = FakeServer::with([Reply::sse(&text_stream(text, 4, "end_turn"))]);
    let mut command = spawnable(&server);
    command
        .env("XDG_DATA_HOME", &data)
        .env("TERM", "xterm")
        .args(["chat", "--session", "drawn"]);
    let mut terminal = crate::support::pty::Session::spawn(command);
    terminal.expect("> ");
    terminal.send("advice?\r");
    let reply = terminal.expect("two");
    assert!(
        reply.contains("Some \x1b[1mbold\x1b[0m advice:"),
        "{reply:?}"
    );
    assert!(reply.contains("\x1b[36m•\x1b[0m one"), "{reply:?}");
    terminal.expect("> ");
    terminal.send("\x04");
    assert_eq!(terminal.wait(), Some(0));

    let server = FakeServer::with([Reply::sse(&text_stream(text, 4, "end_turn"))]);
    let output = claude_at(&server)
        .env("XDG_DATA_HOME", &data)
        .args(["chat", "--session", "piped", "--stream", "advice?"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(stdout(&output), text);
}

/// `text` without its escape codes (SGR and OSC 8), as a screen shows it.
fn visible(text: &str) -> String {
    let mut shown = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        shown.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = if rest.starts_with("\x1b]") {
            rest.find("\x1b\\").map_or(rest.len(), |end| end + 2)
        } else {
            rest.find('m').map_or(rest.len(), |end| end + 1)
        };
        rest = &rest[end..];
    }
    shown.push_str(rest);
    shown
}

#[test]
fn the_readme_shows_a_real_rendered_answer() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = "````text\n$ claude ask \"How do I read a file into a string in Rust?\"\n";
    let at = readme
        .find(start)
        .expect("the README shows a rendered answer")
        + start.len();
    let shown = &readme[at..at + readme[at..].find("````\n").unwrap()];
    let source =
        std::fs::read_to_string(root().join("tests/fixtures/markdown/readme-example.md")).unwrap();
    assert_eq!(shown, visible(&rendered(&source, Theme::Dark, false)));
}
