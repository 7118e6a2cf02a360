use serde_json::{Value, json};

use crate::support::*;

/// A config directory holding `text` as config.toml.
fn config_home(text: &str) -> std::path::PathBuf {
    let home = tempdir("config");
    let dir = home.join("claude-cli");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
    home
}

/// The body `claude ARGS --dry-run` would send.
fn dry_body(home: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> Value {
    let mut cmd = claude();
    cmd.env("XDG_CONFIG_HOME", home);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let output = cmd.args(args).arg("--dry-run").arg("hi").output().unwrap();
    assert_exit(&output, 0);
    serde_json::from_str(stdout(&output).lines().last().unwrap()).unwrap()
}

const CONFIG: &str = "model = \"haiku\"\nmax_tokens = 100\nsystem = \"From the config.\"\n\n[aliases]\nfast = \"claude-haiku-4-5-20251001\"\n";

#[test]
fn flags_win_over_the_environment_over_the_config_over_built_ins() {
    let home = config_home(CONFIG);
    let body = dry_body(&home, &[], &["ask"]);
    assert_eq!(
        (
            body["model"].clone(),
            body["max_tokens"].clone(),
            body["system"].clone()
        ),
        (
            json!("claude-haiku-4-5"),
            json!(100),
            json!("From the config.")
        )
    );
    let body = dry_body(&home, &[("ANTHROPIC_MODEL", "opus")], &["ask"]);
    assert_eq!(body["model"], json!("claude-opus-5"));
    let body = dry_body(
        &home,
        &[("ANTHROPIC_MODEL", "opus")],
        &["ask", "-m", "fast", "--max-tokens", "7", "-s", "flag"],
    );
    assert_eq!(
        (
            body["model"].clone(),
            body["max_tokens"].clone(),
            body["system"].clone()
        ),
        (json!("claude-haiku-4-5-20251001"), json!(7), json!("flag"))
    );
    let none = tempdir("config-none");
    let body = dry_body(&none, &[], &["ask"]);
    assert_eq!(
        (body["model"].clone(), body["max_tokens"].clone()),
        (json!("claude-sonnet-5"), json!(4096))
    );
    assert!(body.get("system").is_none());
}

#[test]
fn a_malformed_config_is_exit_2_with_the_line() {
    let home = config_home("model = \"haiku\"\nmax_tokens = \"many\"\n");
    let server = FakeServer::start();
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &home)
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let line = error_line(&output);
    assert!(line.contains("config.toml: line 2:"), "{line}");
    assert!(server.requests().is_empty());
    let home = config_home("modle = \"haiku\"\n");
    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["config", "show"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("modle"));
    // Where the broken file is can still be asked.
    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["config", "path"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
}

#[test]
fn config_path_and_show() {
    let home = config_home(CONFIG);
    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .args(["config", "path"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        format!("{}\n", home.join("claude-cli/config.toml").display())
    );

    let output = claude()
        .env("XDG_CONFIG_HOME", &home)
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .args(["config", "show"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let shown = stdout(&output);
    assert!(
        !shown.contains(SECRET_KEY) && !shown.contains("TESTSECRET"),
        "{shown}"
    );
    assert!(
        shown.contains("model = \"claude-haiku-4-5\"  # config file, alias haiku"),
        "{shown}"
    );
    assert!(shown.contains("max_tokens = 100  # config file"), "{shown}");
    assert!(
        shown.contains("max_request_bytes = 33554432  # built-in: the API's limit"),
        "{shown}"
    );
    assert!(
        shown.contains("<redacted>, sent as x-api-key  # ANTHROPIC_API_KEY"),
        "{shown}"
    );
    assert!(
        shown.contains("fast = \"claude-haiku-4-5-20251001\"  # config file"),
        "{shown}"
    );
    assert!(
        shown.contains("opus = \"claude-opus-5\"  # built-in"),
        "{shown}"
    );
    assert!(shown.contains("\nlog = true  # built-in\n"), "{shown}");
    assert!(shown.contains("\n[budget]\n# daily_usd: none\n"), "{shown}");
}

#[test]
fn config_show_names_the_ledger_and_the_budget() {
    let home = config_home("log = false\n[budget]\ndaily_usd = 2.5\n");
    let data = tempdir("config-ledger");
    let show = |env: &[(&str, &str)]| {
        let output = claude()
            .env("XDG_CONFIG_HOME", &home)
            .env("XDG_DATA_HOME", &data)
            .envs(env.iter().copied())
            .args(["config", "show"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        stdout(&output)
    };
    let shown = show(&[]);
    assert!(shown.contains("\nlog = false  # config file\n"), "{shown}");
    assert!(
        shown.contains(&format!(
            "# ledger: {}\n",
            data.join("claude-cli/ledger.db").display()
        )),
        "{shown}"
    );
    assert!(shown.contains("daily_usd = 2.5  # config file"), "{shown}");
    let shown = show(&[("CLAUDE_DAILY_BUDGET_USD", "7"), ("CLAUDE_NO_LOG", "1")]);
    assert!(
        shown.contains("daily_usd = 7  # CLAUDE_DAILY_BUDGET_USD"),
        "{shown}"
    );
    assert!(
        shown.contains("\nlog = false  # CLAUDE_NO_LOG\n"),
        "{shown}"
    );
}

#[test]
fn prices_can_be_overridden_and_cost_is_hand_computed() {
    let home = config_home("[prices.claude-sonnet-5]\ninput = 4.0\noutput = 20.0\n");
    let server = FakeServer::with([Reply::message("count-tokens-response.assembled.json")]);
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &home)
        .args(["count", "--cost", "hello"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // 2095 × $4 per million = $0.008380.
    assert!(
        stderr(&output).contains("$0.008380 at $4/MTok"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn usage_lines_price_known_models_and_say_so_for_unknown_ones() {
    let mut message: Value = serde_json::from_str(&fixture("message-basic-recorded.json")).unwrap();
    message["model"] = json!("claude-opus-4-6");
    message["usage"] = json!({"input_tokens": 1000, "output_tokens": 200,
        "cache_creation_input_tokens": 3000, "cache_read_input_tokens": 5000,
        "cache_creation": {"ephemeral_5m_input_tokens": 2000, "ephemeral_1h_input_tokens": 1000}});
    let server = FakeServer::with([Reply::json(message.to_string())]);
    let output = claude_at(&server)
        .args(["ask", "-u", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    // Opus 4.6: 1000 × $5 + 200 × $25 + 2000 × $6.25 + 1000 × $10 + 5000 × $0.50
    // = 5000 + 5000 + 12500 + 10000 + 2500 = $35000 per million = $0.035000.
    assert!(stderr(&output).contains("$0.035000"), "{}", stderr(&output));

    message["model"] = json!("claude-unreleased-9");
    let server = FakeServer::with([Reply::json(message.to_string())]);
    let output = claude_at(&server)
        .args(["ask", "-u", "hi"])
        .output()
        .unwrap();
    assert!(
        stderr(&output).contains("cost unknown"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn structured_output_replies_must_be_json() {
    let schema = r#"{"type":"object","properties":{"product_name":{"type":"string"}}}"#;
    let server = FakeServer::with([Reply::message("message-structured-output-recorded.json")]);
    let output = claude_at(&server)
        .args(["ask", "--schema", schema, "Extract"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let printed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(printed["product_name"], json!("Green Tea"));

    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .args(["ask", "--schema", schema, "Extract"])
        .output()
        .unwrap();
    assert_exit(&output, 9);
    assert!(
        error_line(&output).contains("the reply is not valid JSON, though --schema asked for it")
    );

    for bad in ["{\"type\": ", "[1, 2]", "/no/such/schema.json"] {
        let server = FakeServer::start();
        let output = claude_at(&server)
            .args(["ask", "--schema", bad, "Extract"])
            .output()
            .unwrap();
        assert_exit(&output, 2);
        assert!(server.requests().is_empty());
    }
}

#[test]
fn aliases_may_chain_and_prices_may_be_keyed_by_alias() {
    let home = config_home(
        "[aliases]\nfast = \"quick\"\nquick = \"haiku\"\n\n[prices.fast]\ninput = 100.0\noutput = 100.0\n",
    );
    let body = dry_body(&home, &[], &["ask", "-m", "fast"]);
    assert_eq!(body["model"], json!("claude-haiku-4-5"));
    let server = FakeServer::with([Reply::message("count-tokens-response.assembled.json")]);
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &home)
        .args(["count", "--cost", "-m", "haiku", "hello"])
        .output()
        .unwrap();
    // 2095 × $100 per million = $0.209500.
    assert!(stderr(&output).contains("$0.209500"), "{}", stderr(&output));
}

#[test]
fn empty_environment_values_and_conflicting_defaults_give_way() {
    let home = config_home("model = \"haiku\"\noutput = \"stream-json\"\n");
    let body = dry_body(&home, &[("ANTHROPIC_MODEL", " ")], &["ask", "--no-stream"]);
    assert_eq!(body["model"], json!("claude-haiku-4-5"));
    assert!(body.get("stream").is_none());
}

#[test]
fn config_show_hides_credentials_in_the_base_url() {
    let output = claude()
        .env("XDG_CONFIG_HOME", tempdir("config-url"))
        .args([
            "--base-url",
            "https://user:s3cr3t@proxy.example/",
            "config",
            "show",
        ])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(!stdout(&output).contains("s3cr3t"), "{}", stdout(&output));
}

#[test]
fn config_show_reports_the_model_that_would_be_sent() {
    let home = config_home(CONFIG);
    for (env, expected) in [
        (
            " ",
            "model = \"claude-haiku-4-5\"  # config file, alias haiku",
        ),
        (
            "opus",
            "model = \"claude-opus-5\"  # ANTHROPIC_MODEL, alias opus",
        ),
    ] {
        let output = claude()
            .env("XDG_CONFIG_HOME", &home)
            .env("ANTHROPIC_MODEL", env)
            .args(["config", "show"])
            .output()
            .unwrap();
        assert_exit(&output, 0);
        assert!(stdout(&output).contains(expected), "{}", stdout(&output));
        // The same model goes out in a request.
        let body = dry_body(&home, &[("ANTHROPIC_MODEL", env)], &["ask"]);
        assert!(expected.contains(body["model"].as_str().unwrap()));
    }
}

#[test]
fn an_inline_schema_that_is_not_an_object_says_so() {
    let server = FakeServer::start();
    let output = claude_at(&server)
        .args(["ask", "--schema", "[1, 2]", "Extract"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("a JSON Schema must be a JSON object"));
    assert!(server.requests().is_empty());
}

#[test]
fn config_show_names_where_the_url_and_version_came_from() {
    let output = claude()
        .env("XDG_CONFIG_HOME", tempdir("config-sources"))
        .env("ANTHROPIC_API_VERSION", "2023-06-01")
        .args(["--base-url", "http://127.0.0.1:9/p", "config", "show"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let shown = stdout(&output);
    assert!(
        shown.contains("# base_url: http://127.0.0.1:9/p  # --base-url"),
        "{shown}"
    );
    assert!(
        shown.contains("# api_version: 2023-06-01  # ANTHROPIC_API_VERSION"),
        "{shown}"
    );
}

#[test]
fn an_empty_model_in_the_config_file_is_refused_naming_the_file() {
    let home = config_home("model = \"\"\n");
    let server = FakeServer::start();
    let output = claude_at(&server)
        .env("XDG_CONFIG_HOME", &home)
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let line = error_line(&output);
    assert!(
        line.contains(&format!(
            "{}: model is empty",
            home.join("claude-cli/config.toml").display()
        )),
        "{line}"
    );
    assert!(server.requests().is_empty());
}

#[test]
fn an_empty_system_prompt_is_none_and_sent_as_absent() {
    // From the config file.
    let home = config_home("system = \"\"\n");
    let body = dry_body(&home, &[], &["ask"]);
    assert!(body.get("system").is_none(), "{body}");
    // -s "" and -s - turn off the config file's, as an empty file does.
    let home = config_home(CONFIG);
    let empty = tempdir("empty-system").join("system.txt");
    std::fs::write(&empty, "\n").unwrap();
    for args in [
        &["ask", "-s", ""][..],
        &["ask", "-s", "-"],
        &["ask", "--system-file", "/dev/null"],
        &["ask", "--system-file", empty.to_str().unwrap()],
    ] {
        let body = dry_body(&home, &[], args);
        assert!(body.get("system").is_none(), "{args:?}: {body}");
    }
    assert_eq!(dry_body(&home, &[], &["ask"])["system"], "From the config.");
}
