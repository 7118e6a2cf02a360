use std::process::Stdio;
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::secrets::closed_port;
use crate::support::tls::{PlainHttpServer, TlsServer, tls_fixture};
use crate::support::*;

/// Runs `command` and waits at most 30 s for it to end.
fn run_bounded(command: &mut std::process::Command) -> std::process::Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if child
        .wait_timeout(Duration::from_secs(30))
        .unwrap()
        .is_none()
    {
        child.kill().unwrap();
        panic!("claude did not end");
    }
    child.wait_with_output().unwrap()
}

#[test]
fn max_time_ends_a_reply_that_trickles_forever() {
    for args in [
        ["--max-time", "1", "ask", "--stream", "hi"],
        ["--max-time", "1", "ask", "--no-stream", "hi"],
    ] {
        let server = FakeServer::with([Reply::Trickle {
            every: Duration::from_millis(50),
        }]);
        let output = run_bounded(spawnable(&server).args(args));
        assert_exit(&output, 10);
        let line = error_line(&output);
        assert!(
            line.contains("gave up at the overall time limit of 1s")
                && line.contains("raise --max-time"),
            "{line}"
        );
        assert_eq!(server.requests().len(), 1, "not retried");
    }
    let server = FakeServer::with([Reply::Hang]);
    let output = run_bounded(spawnable(&server).args(["--max-time", "0.5", "ask", "hi"]));
    assert_exit(&output, 10);
}

#[test]
fn max_time_cuts_retry_waits_short() {
    let server = FakeServer::with([
        Reply::error(529, "overloaded_error", "Overloaded").header("retry-after", "30")
    ]);
    let output = run_bounded(spawnable(&server).args(["--max-time", "2", "ask", "hi"]));
    assert_exit(&output, 9);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn max_time_must_be_positive() {
    for value in ["0", "-1", "soon"] {
        let output = claude()
            .args(["--max-time", value, "ask", "hi"])
            .output()
            .unwrap();
        assert_exit(&output, 2);
    }
}

fn https(server_url: &str) -> std::process::Command {
    let mut command = std::process::Command::new(binary());
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("ANTHROPIC_BASE_URL", server_url)
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .args(["ask", "--no-stream", "hi"]);
    command
}

#[test]
fn a_certificate_signed_by_a_trusted_ca_file_is_accepted() {
    let server = TlsServer::start("good.pem");
    let output = run_bounded(https(&server.url()).env("SSL_CERT_FILE", tls_fixture("ca.pem")));
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("I apologize, but"));
}

#[test]
fn refused_certificates_are_not_retried_and_say_what_to_do() {
    let ca = tls_fixture("ca.pem");
    for (certificate, trust_ca, problem) in [
        (
            "good.pem",
            false,
            "signed by a certificate authority this machine does not trust",
        ),
        ("expired.pem", true, "it has expired"),
        (
            "wrong-name.pem",
            true,
            "it is not valid for the name 127.0.0.1",
        ),
    ] {
        let server = TlsServer::start(certificate);
        let mut command = https(&server.url());
        if trust_ca {
            command.env("SSL_CERT_FILE", &ca);
        }
        let output = run_bounded(&mut command);
        assert_exit(&output, 10);
        let line = error_line(&output);
        assert!(
            line.contains("the TLS certificate of 127.0.0.1 was refused")
                && line.contains(problem)
                && line.contains("SSL_CERT_FILE")
                && line.contains("SSL_CERT_DIR"),
            "{certificate}: {line}"
        );
        assert_eq!(server.connections(), 1, "{certificate}: not retried");
    }
}

#[test]
fn plain_http_behind_an_https_url_is_named() {
    let server = PlainHttpServer::start();
    let output = run_bounded(&mut https(&server.https_url()));
    assert_exit(&output, 10);
    let line = error_line(&output);
    assert!(
        line.contains("did not answer in TLS") && line.contains("write http://"),
        "{line}"
    );
    assert_eq!(server.connections(), 1, "not retried");
}

#[test]
fn requests_go_through_the_proxy_unless_no_proxy_says_otherwise() {
    // The API is never reached directly: its port is closed.
    let api = format!("http://127.0.0.1:{}", closed_port());
    let proxy = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_BASE_URL", &api)
        .env("HTTP_PROXY", proxy.url())
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(proxy.single_request().path, format!("{api}/v1/messages"));

    // NO_PROXY=* bypasses the proxy for an IP address too, as in curl.
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .env("HTTP_PROXY", format!("http://127.0.0.1:{}", closed_port()))
        .env("NO_PROXY", "*")
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_proxy_that_is_down_is_named() {
    let proxy = format!("http://user:proxy-secret-55@127.0.0.1:{}", closed_port());
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_BASE_URL", "http://api.example")
        .env("http_proxy", &proxy)
        .args(["--max-retries", "0", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 10);
    let line = error_line(&output);
    assert!(
        line.contains("cannot connect to the proxy http://user:redacted@127.0.0.1:")
            && line.contains("(http_proxy) for http://api.example/v1/messages"),
        "{line}"
    );
    assert!(!stderr(&output).contains("proxy-secret-55"));
    // The hint is about the proxy, not the base URL.
    assert!(
        line.ends_with(
            "; check the proxy that http_proxy names, or list the host in NO_PROXY to reach it \
             directly"
        ),
        "{line}"
    );
    assert!(!line.contains("base"), "{line}");
}

#[test]
fn malformed_and_socks_proxies_are_usage_errors_before_sending() {
    let server = FakeServer::start();
    for (name, value, expected) in [
        (
            "HTTPS_PROXY",
            "http://[::1",
            "HTTPS_PROXY: `http://[::1` is not a proxy URL",
        ),
        // Not the one this request would use, and still not ignored.
        (
            "HTTPS_PROXY",
            "ftp://proxy:21",
            "`ftp` is not a proxy scheme",
        ),
        (
            "ALL_PROXY",
            "socks5://127.0.0.1:1080",
            "socks5 proxies are not supported",
        ),
        (
            "http_proxy",
            "socks5h://127.0.0.1:1080",
            "socks5h proxies are not supported",
        ),
    ] {
        let output = claude_at(&server)
            .env(name, value)
            .args(["ask", "hi"])
            .output()
            .unwrap();
        assert_exit(&output, 2);
        assert!(
            error_line(&output).contains(expected),
            "{}",
            stderr(&output)
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn a_407_from_the_proxy_is_an_authentication_failure_over_http_and_connect() {
    let auth = || Reply::status(407, "").header("proxy-authenticate", "Basic realm=\"proxy\"");
    let proxy = FakeServer::with([auth()]);
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_BASE_URL", "http://api.example")
        .env("HTTP_PROXY", proxy.url())
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 6);
    assert!(error_line(&output).contains("407"), "{}", stderr(&output));
    assert_eq!(proxy.requests().len(), 1, "not retried");

    let proxy = FakeServer::with([auth()]);
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env("ANTHROPIC_BASE_URL", "https://api.example")
        .env("HTTPS_PROXY", proxy.url())
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 6);
    let line = error_line(&output);
    assert!(
        line.contains("asked for credentials (407 Proxy Authentication Required)")
            && line.contains("(HTTPS_PROXY)"),
        "{line}"
    );
    let requests = proxy.requests();
    assert_eq!(requests.len(), 1, "not retried");
    assert_eq!(requests[0].method, "CONNECT");
    assert!(!stderr(&output).contains(SECRET_KEY));
}

#[test]
fn errors_name_the_variable_that_set_the_base_url_or_version() {
    let refused = |env: &[(&str, &str)], args: &[&str]| {
        let mut command = claude();
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.args(args).output().unwrap();
        assert_exit(&output, 2);
        error_line(&output)
    };
    let line = refused(
        &[("ANTHROPIC_BASE_URL", "ftp://x")],
        &["ask", "--dry-run", "hi"],
    );
    assert_eq!(
        line,
        "claude: error: ANTHROPIC_BASE_URL: `ftp://x` is not an http(s) URL"
    );
    let line = refused(&[], &["--base-url", "ftp://x", "ask", "--dry-run", "hi"]);
    assert!(line.starts_with("claude: error: --base-url: "), "{line}");
    let line = refused(
        &[("ANTHROPIC_API_VERSION", "2023\u{1}")],
        &["ask", "--dry-run", "hi"],
    );
    assert!(
        line.starts_with("claude: error: ANTHROPIC_API_VERSION contains characters"),
        "{line}"
    );
    let line = refused(&[], &["--api-version", " ", "ask", "--dry-run", "hi"]);
    assert_eq!(line, "claude: error: --api-version must not be empty");

    // A network failure's hint names the variable too.
    let output = claude()
        .env("ANTHROPIC_API_KEY", SECRET_KEY)
        .env(
            "ANTHROPIC_BASE_URL",
            format!("http://127.0.0.1:{}", closed_port()),
        )
        .args(["--max-retries", "0", "ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 10);
    let line = error_line(&output);
    assert!(
        line.ends_with("; check your network and ANTHROPIC_BASE_URL"),
        "{line}"
    );
}

#[test]
fn empty_base_url_and_version_variables_count_as_unset() {
    let output = claude()
        .env("ANTHROPIC_BASE_URL", "")
        .env("ANTHROPIC_API_VERSION", " ")
        .args(["ask", "--dry-run", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let shown = stdout(&output);
    assert!(
        shown.starts_with("POST https://api.anthropic.com/v1/messages\n"),
        "{shown}"
    );
    assert!(shown.contains("anthropic-version: 2026-10-21\n"), "{shown}");
}

#[test]
fn a_base_url_that_names_an_endpoint_is_refused_with_its_root() {
    let server = FakeServer::start();
    for (url, root) in [
        (format!("{}/v1/messages", server.url()), server.url()),
        (
            format!("{}/gateway/v1/models/", server.url()),
            format!("{}/gateway", server.url()),
        ),
    ] {
        let output = claude()
            .env("ANTHROPIC_API_KEY", SECRET_KEY)
            .args(["--base-url", &url, "ask", "hi"])
            .output()
            .unwrap();
        assert_exit(&output, 2);
        let line = error_line(&output);
        assert!(
            line.contains(&format!(
                "--base-url: `{url}` names an API path; give the server's root, {root} "
            )),
            "{line}"
        );
    }
    assert!(server.requests().is_empty());
}

/// A plain-HTTP base URL (a local gateway) needs no root certificates, so
/// none are loaded: a machine without them still reaches it. An https
/// one without them is refused at once, saying where they are read from.
#[test]
fn plain_http_needs_no_root_certificates_and_https_without_them_says_so() {
    let server = FakeServer::with([Reply::message("message-basic-recorded.json")]);
    let output = claude_at(&server)
        .env("SSL_CERT_FILE", "/nonexistent/ca.pem")
        .env("SSL_CERT_DIR", "/nonexistent")
        .args(["ask", "hi"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert_eq!(server.requests().len(), 1);

    let tls = TlsServer::start("good.pem");
    let output = run_bounded(
        https(&tls.url())
            .env("SSL_CERT_FILE", "/nonexistent/ca.pem")
            .env("SSL_CERT_DIR", "/nonexistent"),
    );
    assert_exit(&output, 10);
    let line = error_line(&output);
    assert!(
        line.contains("cannot set up TLS") && line.contains("SSL_CERT_FILE"),
        "{line}"
    );
    assert_eq!(tls.connections(), 0, "nothing was sent");
}
