//! Local calendar days, all worked out by one engine (jiff) in one time
//! zone (`TZ`, or the system's): the days of `claude cost --by day`, the
//! start of `--since 2026-11-01`, and the "today" of the daily budget agree
//! to the millisecond, daylight saving time included.

use anyhow::{Context, Result};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// The local day a Unix time (ms) falls on; `None` outside the calendar
/// (years -9999 to 9999).
pub fn local_date(ms: i64, tz: &TimeZone) -> Option<Date> {
    let instant = Timestamp::from_millisecond(ms).ok()?;
    Some(tz.to_datetime(instant).date())
}

/// Milliseconds in a day of 24 hours.
const DAY_MS: i64 = 86_400_000;

/// The local days of many instants in turn, cheaply when they come about in
/// time order: between two clock changes the zone's offset is the same, so
/// it is looked up again only past the next change.
pub struct LocalDays<'t> {
    tz: &'t TimeZone,
    /// The offset in force from Unix ms `from` until `until`, in ms.
    offset_ms: i64,
    from: i64,
    until: i64,
}

impl<'t> LocalDays<'t> {
    pub fn new(tz: &'t TimeZone) -> LocalDays<'t> {
        LocalDays {
            tz,
            offset_ms: 0,
            from: 0,
            until: 0,
        }
    }

    /// The local day of a Unix time (ms), as days since 1970-01-01: the
    /// same day as [`local_date`]'s; `None` outside the calendar.
    pub fn number(&mut self, ms: i64) -> Option<i64> {
        if !(self.from..self.until).contains(&ms) {
            let instant = Timestamp::from_millisecond(ms).ok()?;
            self.offset_ms = i64::from(self.tz.to_offset(instant).seconds()) * 1000;
            self.from = ms;
            self.until = self
                .tz
                .following(instant)
                .map(|change| change.timestamp())
                .find(|&change| change > instant)
                .unwrap_or(Timestamp::MAX)
                .as_millisecond();
        }
        Some((ms + self.offset_ms).div_euclid(DAY_MS))
    }
}

/// The first instant of a local day (midnight, or the end of a clock change
/// that skips it), in Unix ms.
pub fn day_start_ms(day: Date, tz: &TimeZone) -> Result<i64> {
    let start = day
        .to_zoned(tz.clone())
        .and_then(|midnight| midnight.start_of_day())
        .with_context(|| format!("{day} has no start in this time zone"))?;
    Ok(start.timestamp().as_millisecond())
}

/// The first instant of today, in Unix ms.
pub fn today_start_ms(tz: &TimeZone) -> Result<i64> {
    day_start_ms(Zoned::now().with_time_zone(tz.clone()).date(), tz)
}

/// `YYYY-MM-DD` as a day.
pub fn parse_day(text: &str) -> Result<Date> {
    text.parse()
        .with_context(|| format!("{text} is not a date"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// New York's rules since 2007: clocks go forward at 02:00 on the
    /// second Sunday of March, back at 02:00 on the first Sunday of November.
    fn new_york() -> TimeZone {
        TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").unwrap()
    }

    /// A zone whose clocks skip midnight: 00:00 becomes 01:00 on the first
    /// Sunday of September (as Santiago's did), and 01:00 goes back to 00:00
    /// on the first Sunday of April, so that midnight comes twice.
    fn skips_midnight() -> TimeZone {
        TimeZone::posix("<-04>4<-03>,M9.1.0/0,M4.1.0/1").unwrap()
    }

    #[test]
    fn days_start_at_local_midnight() {
        let tz = new_york();
        // 2026-07-01 00:00 EDT is 04:00 UTC.
        let start = day_start_ms(date(2026, 7, 1), &tz).unwrap();
        assert_eq!(start, 1_782_878_400_000);
        assert_eq!(local_date(start, &tz), Some(date(2026, 7, 1)));
        assert_eq!(local_date(start - 1, &tz), Some(date(2026, 6, 30)));
        // The day the clocks go back is 25 hours long, the day they go
        // forward 23.
        let long = day_start_ms(date(2026, 11, 1), &tz).unwrap();
        let next = day_start_ms(date(2026, 11, 2), &tz).unwrap();
        assert_eq!(next - long, 25 * 3_600_000);
        assert_eq!(local_date(next - 1, &tz), Some(date(2026, 11, 1)));
        assert_eq!(local_date(next, &tz), Some(date(2026, 11, 2)));
        let short = day_start_ms(date(2026, 3, 8), &tz).unwrap();
        assert_eq!(
            day_start_ms(date(2026, 3, 9), &tz).unwrap() - short,
            23 * 3_600_000
        );
    }

    #[test]
    fn a_skipped_midnight_starts_the_day_at_one() {
        let tz = skips_midnight();
        // 2026-09-06 01:00 -03 is 04:00 UTC, as was the start of the day
        // before, at 00:00 -04: that day had 24 hours, this one has 23.
        let start = day_start_ms(date(2026, 9, 6), &tz).unwrap();
        assert_eq!(start, 1_788_667_200_000);
        let before = day_start_ms(date(2026, 9, 5), &tz).unwrap();
        assert_eq!(start - before, 24 * 3_600_000);
        let after = day_start_ms(date(2026, 9, 7), &tz).unwrap();
        assert_eq!(after - start, 23 * 3_600_000);
        assert_eq!(local_date(start - 1, &tz), Some(date(2026, 9, 5)));
        assert_eq!(local_date(start, &tz), Some(date(2026, 9, 6)));
    }

    #[test]
    fn a_midnight_that_comes_twice_starts_the_day_at_the_first() {
        let tz = skips_midnight();
        // 2026-04-05 00:00 -03 is 03:00 UTC; an hour later it is 00:00 -04.
        let start = day_start_ms(date(2026, 4, 5), &tz).unwrap();
        assert_eq!(start, 1_775_358_000_000);
        assert_eq!(local_date(start - 1, &tz), Some(date(2026, 4, 4)));
        assert_eq!(local_date(start + 3_600_000, &tz), Some(date(2026, 4, 5)));
        let next = day_start_ms(date(2026, 4, 6), &tz).unwrap();
        assert_eq!(next - start, 25 * 3_600_000);
    }

    #[test]
    fn day_numbers_are_the_local_dates_across_clock_changes() {
        for tz in [new_york(), skips_midnight(), TimeZone::UTC] {
            let mut days = LocalDays::new(&tz);
            let start = day_start_ms(date(2026, 1, 1), &tz).unwrap();
            // Two years in steps of 17 minutes, in runs of 50 going forward
            // and starting again a little back, as ids follow time.
            let mut checked = 0;
            for run in 0..1300_i64 {
                for step in 0..50 {
                    let ms = start + (run * 45 + step) * 17 * 60_000 + step;
                    let number = days.number(ms).unwrap();
                    let date = date(1970, 1, 1)
                        .checked_add(jiff::Span::new().days(number))
                        .unwrap();
                    assert_eq!(Some(date), local_date(ms, &tz), "{ms}");
                    checked += 1;
                }
            }
            assert_eq!(checked, 65_000);
        }
        let utc = TimeZone::UTC;
        let mut days = LocalDays::new(&utc);
        assert_eq!(days.number(i64::MAX), None);
        assert_eq!(days.number(i64::MIN), None);
        assert_eq!(days.number(-1), Some(-1));
    }

    #[test]
    fn instants_outside_the_calendar_have_no_day() {
        assert_eq!(local_date(i64::MAX, &TimeZone::UTC), None);
        assert_eq!(local_date(i64::MIN, &TimeZone::UTC), None);
        assert_eq!(local_date(0, &TimeZone::UTC), Some(date(1970, 1, 1)));
    }

    #[test]
    fn days_parse_and_nonsense_does_not() {
        assert_eq!(parse_day("2026-11-01").unwrap(), date(2026, 11, 1));
        assert!(parse_day("2026-13-45").is_err());
    }
}
