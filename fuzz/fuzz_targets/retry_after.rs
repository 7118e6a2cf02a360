//! `retry-after` and `retry-after-ms` as the retry policy reads them: any
//! header value gives no wait or a wait within the policy's bounds.
//!
//! The first byte picks the header, `x-should-retry`, and the retries taken.
#![no_main]

use std::time::{Duration, SystemTime};

use claude_cli::api::ApiError;
use claude_cli::api::retry::{self, RetryDecision, RetryPolicy};
use libfuzzer_sys::fuzz_target;
use reqwest::header::{HeaderMap, HeaderValue};

fuzz_target!(|data: &[u8]| {
    let Some((&control, value)) = data.split_first() else {
        return;
    };
    let Ok(value) = HeaderValue::from_bytes(value) else {
        return;
    };
    let mut headers = HeaderMap::new();
    let name = if control & 1 == 0 {
        "retry-after"
    } else {
        "retry-after-ms"
    };
    headers.insert(name, value.clone());
    if control & 2 != 0 {
        headers.insert("x-should-retry", value);
    }
    // Sun, 06 Nov 1994 08:49:37 GMT: dates on either side of it are seen.
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
    let wait = retry::server_delay(&headers, now);
    if let Some(wait) = wait {
        assert!(wait >= Duration::from_millis(1), "{wait:?}");
        assert!(wait <= Duration::from_secs(4_294_967), "{wait:?}");
    }
    let max_wait = Duration::from_secs(60);
    let policy = RetryPolicy {
        max_retries: 3,
        max_wait,
    };
    match policy.decide(true, u32::from(control >> 2) % 4, wait) {
        RetryDecision::RetryAfter(wait) => {
            assert!(
                wait >= Duration::from_millis(1) && wait <= max_wait,
                "{wait:?}"
            )
        }
        RetryDecision::WaitTooLong(wait) => assert!(wait > max_wait, "{wait:?}"),
        RetryDecision::GiveUp => {}
    }
    let _ = retry::status_is_retryable(u16::from(control) + 300, &headers);
    let error = ApiError::from_response(429, &headers, b"");
    assert!(!error.to_string().contains('\n'));
});
