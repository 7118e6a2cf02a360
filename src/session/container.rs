//! The code execution sandbox a conversation goes on in: the `container`
//! of the last reply that ran one, while it lives.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::types::Message;

/// A reply's `container`: the sandbox's id and when it expires.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Container {
    pub id: String,
    /// RFC 3339, in UTC (`2026-02-25T20:07:37.475893Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

impl Container {
    /// The container a reply ran in, if it names one.
    pub fn of(message: &Message) -> Option<Container> {
        let value = message.extra.get("container")?;
        Some(Container {
            id: value.get("id")?.as_str()?.to_owned(),
            expires_at: value
                .get("expires_at")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }

    /// Whether it still lives at `now`. An expiry that cannot be read
    /// counts as alive: the server has the last word.
    pub fn alive_at(&self, now: SystemTime) -> bool {
        let Some(expires) = self.expires_at.as_deref().and_then(unix_seconds) else {
            return true;
        };
        let now = now
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        now < expires
    }
}

/// Seconds since the Unix epoch of an RFC 3339 UTC time
/// (`YYYY-MM-DDTHH:MM:SS`, then anything), or `None`.
fn unix_seconds(text: &str) -> Option<u64> {
    let field = |range: std::ops::Range<usize>| -> Option<u64> {
        let digits = text.get(range)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (field(0..4)?, field(5..7)?, field(8..10)?);
    let (hour, minute, second) = (field(11..13)?, field(14..16)?, field(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year < 1970 {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm), for years from 1970.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = (era * 146_097 + doe).checked_sub(719_468)?;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::time::Duration;

    #[test]
    fn containers_live_until_they_expire() {
        let message: Message = serde_json::from_value(json!({"content": [],
            "container": {"id": "container_1", "expires_at": "2026-02-25T20:07:37.475893Z"}}))
        .unwrap();
        let container = Container::of(&message).unwrap();
        assert_eq!(container.id, "container_1");
        // 2026-02-25T20:07:37Z is 1772050057 seconds after the epoch.
        let at = |secs| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        assert!(container.alive_at(at(1_772_050_056)));
        assert!(!container.alive_at(at(1_772_050_057)));
        assert_eq!(unix_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(unix_seconds("2000-03-01T00:00:00Z"), Some(951_868_800));
        for unreadable in ["soon", "2026-13-01T00:00:00Z", "2026-02-25"] {
            let container = Container {
                id: "c".into(),
                expires_at: Some(unreadable.into()),
            };
            assert!(container.alive_at(at(u64::MAX / 2)), "{unreadable}");
        }
        let none: Message = serde_json::from_value(json!({"content": []})).unwrap();
        assert_eq!(Container::of(&none), None);
    }
}
