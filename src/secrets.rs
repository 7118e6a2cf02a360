//! Keeping secrets out of what `claude` prints and out of core dumps.
//!
//! Once resolved, the API key, the bearer token and the password of a
//! base URL are registered here. Every diagnostic line (`output::note`, the
//! `-v` log) and every piece of server text made printable (`api::one_line`)
//! is scrubbed of them, so a server that echoes the key in an error message
//! does not get it printed. URLs are printed through [`redact_url`].

use std::borrow::Cow;
use std::sync::RwLock;

use reqwest::Url;

/// What a secret is replaced with.
pub const REDACTED: &str = "<redacted>";

/// Shorter values are not scrubbed: replacing every "a" in a message would
/// make it unreadable, and a real key or password is far longer.
const MIN_SECRET_LEN: usize = 6;

static SECRETS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Registers a value that must never be printed.
pub fn register(secret: &str) {
    let secret = secret.trim();
    if secret.len() < MIN_SECRET_LEN {
        return;
    }
    let mut secrets = SECRETS.write().unwrap_or_else(|e| e.into_inner());
    if !secrets.iter().any(|s| s == secret) {
        secrets.push(secret.to_owned());
        // Longest first, so a secret that contains another goes whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    }
}

/// `text` with every registered secret replaced by `<redacted>`.
pub fn scrub(text: &str) -> Cow<'_, str> {
    let secrets = SECRETS.read().unwrap_or_else(|e| e.into_inner());
    let mut text = Cow::Borrowed(text);
    for secret in secrets.iter() {
        if text.contains(secret.as_str()) {
            text = Cow::Owned(text.replace(secret.as_str(), REDACTED));
        }
    }
    text
}

/// The length of the longest registered secret (0 with none): how far past
/// a cut a secret that the cut would split can reach.
pub fn longest_len() -> usize {
    let secrets = SECRETS.read().unwrap_or_else(|e| e.into_inner());
    secrets.first().map_or(0, String::len)
}

/// A URL fit to print: its password, if any, replaced. The password is
/// also registered, so that an error quoting the URL in some other form
/// is scrubbed too.
pub fn redact_url(url: &Url) -> Url {
    let mut shown = url.clone();
    if let Some(password) = url.password() {
        register(password);
        register(&percent_decode(password));
        let _ = shown.set_password(Some("redacted"));
    }
    shown
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Marks the process as not dumpable: no core file, and no other process
/// of the same user may read its memory (ptrace, /proc/PID/mem), so the key
/// it holds stays in it. Linux only; elsewhere a no-op.
pub fn forbid_core_dumps() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{DumpableBehavior, set_dumpable_behavior};
        // Failing leaves the process as it was: nothing better to do.
        let _ = set_dumpable_behavior(DumpableBehavior::NotDumpable);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_secrets_are_scrubbed_and_short_ones_ignored() {
        register("sk-ant-unit-test-secret-1");
        register("abc");
        assert_eq!(
            scrub("invalid x-api-key sk-ant-unit-test-secret-1 (abc)"),
            "invalid x-api-key <redacted> (abc)"
        );
        assert!(matches!(scrub("nothing here"), Cow::Borrowed(_)));
        assert!(longest_len() >= "sk-ant-unit-test-secret-1".len());
    }

    #[test]
    fn url_passwords_are_hidden_and_registered() {
        let url = Url::parse("http://user:pa%3Ass-unit-word@proxy.example:8080/x").unwrap();
        let shown = redact_url(&url);
        assert_eq!(shown.as_str(), "http://user:redacted@proxy.example:8080/x");
        assert_eq!(
            scrub("bad password pa:ss-unit-word"),
            "bad password <redacted>"
        );
        let plain = Url::parse("https://api.anthropic.com").unwrap();
        assert_eq!(redact_url(&plain), plain);
    }
}
