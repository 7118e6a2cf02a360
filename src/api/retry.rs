//! When to retry a failed attempt and how long to wait first.
//!
//! The rules are the official SDKs' (`_should_retry` and
//! `_calculate_retry_timeout` in anthropic-sdk-python 2.x): `x-should-retry`
//! decides first, then 408, 409, 429 and every 5xx are retried, as are
//! connection errors and timeouts. The wait is the server's `retry-after-ms`
//! or `retry-after` (seconds or an HTTP date) when positive, else
//! `min(0.5 * 2^n, 8)` seconds scaled by a jitter in (0.75, 1]. A server
//! wait under a millisecond counts as none (the SDK would retry at once).
//!
//! One deliberate difference: a server-requested wait longer than
//! `max_wait` is not slept through. The caller fails with the retryable
//! exit code and reports the wait, so a CI job decides instead of hanging.

use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;

/// How many times to retry and how long a server may ask us to wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub max_retries: u32,
    pub max_wait: Duration,
}

/// What the policy decides after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this long, then try again.
    RetryAfter(Duration),
    /// The server asked for a wait longer than `max_wait`.
    WaitTooLong(Duration),
    /// Do not retry: the failure is final or retries are spent.
    GiveUp,
}

const INITIAL_DELAY_SECS: f64 = 0.5;
const MAX_DELAY_SECS: f64 = 8.0;

impl RetryPolicy {
    /// Decides for a failure that `retryable` says may be retried, after
    /// `retries_taken` retries, given the wait the server asked for.
    pub fn decide(
        &self,
        retryable: bool,
        retries_taken: u32,
        server_wait: Option<Duration>,
    ) -> RetryDecision {
        if !retryable || retries_taken >= self.max_retries {
            return RetryDecision::GiveUp;
        }
        match server_wait {
            Some(wait) if wait > self.max_wait => RetryDecision::WaitTooLong(wait),
            Some(wait) => RetryDecision::RetryAfter(wait),
            None => RetryDecision::RetryAfter(backoff(retries_taken, jitter())),
        }
    }
}

/// Whether an HTTP error status may be retried, `x-should-retry` first.
pub fn status_is_retryable(status: u16, headers: &HeaderMap) -> bool {
    match header(headers, "x-should-retry") {
        Some("true") => true,
        Some("false") => false,
        _ => matches!(status, 408 | 409 | 429) || status >= 500,
    }
}

/// The wait the server asked for, if any and if positive.
pub fn server_delay(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let seconds = if let Some(ms) = header(headers, "retry-after-ms").and_then(parse_float) {
        ms / 1000.0
    } else {
        let value = header(headers, "retry-after")?;
        match parse_float(value) {
            Some(seconds) => seconds,
            None => {
                let date = httpdate::parse_http_date(value).ok()?;
                date.duration_since(now).ok()?.as_secs_f64()
            }
        }
    };
    // The SDK caps waits at 2^32 ms; anything above is as good as forever.
    (seconds >= MIN_SERVER_WAIT_SECS).then(|| Duration::from_secs_f64(seconds.min(4_294_967.0)))
}

/// The shortest server wait honoured. `retry-after-ms` counts milliseconds,
/// so a shorter wait is no real request: `retry-after: 1e-320` would round
/// to no wait at all. Like zero, it gets the backoff, whose shortest wait
/// is the SDK's minimum (0.375 s).
const MIN_SERVER_WAIT_SECS: f64 = 0.001;

/// The exponential backoff before retry `retries_taken + 1`, with `jitter`
/// in [0, 1) scaling it down by up to a quarter.
pub fn backoff(retries_taken: u32, jitter: f64) -> Duration {
    let exponent = retries_taken.min(1000) as i32;
    let seconds = (INITIAL_DELAY_SECS * 2f64.powi(exponent)).min(MAX_DELAY_SECS);
    Duration::from_secs_f64(seconds * (1.0 - 0.25 * jitter.clamp(0.0, 1.0)))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name)?.to_str().ok().map(str::trim)
}

fn parse_float(value: &str) -> Option<f64> {
    value.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A uniform draw from [0, 1). std's `RandomState` is seeded from the OS,
/// which is all a retry jitter needs.
fn jitter() -> f64 {
    let bits = RandomState::new().hash_one(SystemTime::now());
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    #[test]
    fn statuses_follow_the_sdk_table() {
        let none = HeaderMap::new();
        for status in [408, 409, 429, 500, 502, 503, 504, 529] {
            assert!(status_is_retryable(status, &none), "{status}");
        }
        for status in [400, 401, 402, 403, 404, 413, 422] {
            assert!(!status_is_retryable(status, &none), "{status}");
        }
    }

    #[test]
    fn x_should_retry_overrides_the_status_both_ways() {
        assert!(!status_is_retryable(
            529,
            &headers(&[("x-should-retry", "false")])
        ));
        assert!(status_is_retryable(
            400,
            &headers(&[("x-should-retry", "true")])
        ));
        assert!(status_is_retryable(
            500,
            &headers(&[("x-should-retry", "maybe")])
        ));
    }

    #[test]
    fn retry_after_ms_wins_over_retry_after() {
        let h = headers(&[("retry-after-ms", "250"), ("retry-after", "7")]);
        assert_eq!(
            server_delay(&h, SystemTime::now()),
            Some(Duration::from_millis(250))
        );
    }

    #[test]
    fn a_wait_that_would_round_to_nothing_gets_the_minimum_backoff() {
        let policy = RetryPolicy {
            max_retries: 1,
            max_wait: Duration::from_secs(60),
        };
        for h in [
            headers(&[("retry-after", "1e-320")]),
            headers(&[("retry-after-ms", "1e-320")]),
        ] {
            let wait = server_delay(&h, SystemTime::now());
            match policy.decide(true, 0, wait) {
                RetryDecision::RetryAfter(wait) => {
                    assert!(wait > Duration::from_millis(375), "{wait:?}")
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        let one_ms = headers(&[("retry-after-ms", "1")]);
        assert_eq!(
            server_delay(&one_ms, SystemTime::now()),
            Some(Duration::from_millis(1))
        );
    }

    #[test]
    fn retry_after_takes_fractional_seconds() {
        let h = headers(&[("retry-after", "1.5")]);
        assert_eq!(
            server_delay(&h, SystemTime::now()),
            Some(Duration::from_millis(1500))
        );
    }

    #[test]
    fn retry_after_takes_an_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        let h = headers(&[("retry-after", "Sun, 06 Nov 1994 08:49:40 GMT")]);
        assert_eq!(server_delay(&h, now), Some(Duration::from_secs(3)));
        let past = headers(&[("retry-after", "Sun, 06 Nov 1994 08:49:30 GMT")]);
        assert_eq!(server_delay(&past, now), None);
    }

    #[test]
    fn zero_negative_tiny_and_garbage_waits_fall_back_to_backoff() {
        for value in ["0", "-3", "soon", "NaN", "inf", "1e-320", "0.0009"] {
            let h = headers(&[("retry-after", value)]);
            assert_eq!(server_delay(&h, SystemTime::now()), None, "{value}");
        }
    }

    #[test]
    fn backoff_doubles_from_half_a_second_and_caps_at_eight() {
        let expected = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0];
        for (n, seconds) in expected.iter().enumerate() {
            assert_eq!(backoff(n as u32, 0.0), Duration::from_secs_f64(*seconds));
        }
        assert_eq!(
            backoff(0, 0.999_999_999),
            Duration::from_secs_f64(0.5 * 0.750_000_000_25)
        );
        assert_eq!(backoff(5000, 0.0), Duration::from_secs(8));
    }

    #[test]
    fn jitter_stays_in_range_and_varies() {
        let draws: Vec<f64> = (0..1000).map(|_| jitter()).collect();
        assert!(draws.iter().all(|j| (0.0..1.0).contains(j)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!((0.4..0.6).contains(&mean), "not uniform: mean {mean}");
        assert!(draws.iter().any(|j| *j < 0.1) && draws.iter().any(|j| *j > 0.9));
    }

    #[test]
    fn the_policy_applies_jitter_to_the_backoff() {
        let policy = RetryPolicy {
            max_retries: 1,
            max_wait: Duration::from_secs(60),
        };
        let waits: Vec<Duration> = (0..200)
            .map(|_| match policy.decide(true, 0, None) {
                RetryDecision::RetryAfter(wait) => wait,
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert!(
            waits
                .iter()
                .all(|w| *w > Duration::from_millis(375) && *w <= Duration::from_millis(500))
        );
        assert!(
            waits.iter().any(|w| *w < Duration::from_millis(450)),
            "no jitter applied"
        );
    }

    #[test]
    fn decisions() {
        let policy = RetryPolicy {
            max_retries: 2,
            max_wait: Duration::from_secs(60),
        };
        let short = Some(Duration::from_secs(2));
        let long = Some(Duration::from_secs(120));
        assert_eq!(
            policy.decide(true, 0, short),
            RetryDecision::RetryAfter(Duration::from_secs(2))
        );
        assert_eq!(
            policy.decide(true, 0, long),
            RetryDecision::WaitTooLong(Duration::from_secs(120))
        );
        assert_eq!(policy.decide(true, 2, short), RetryDecision::GiveUp);
        assert_eq!(policy.decide(false, 0, short), RetryDecision::GiveUp);
        match policy.decide(true, 1, None) {
            RetryDecision::RetryAfter(wait) => {
                assert!(wait > Duration::from_millis(750) && wait <= Duration::from_secs(1))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
