//! A decoder for the `text/event-stream` format, over raw bytes.
//!
//! Pure and incremental: feed it chunks exactly as they come off the socket,
//! split anywhere (inside a line, between CR and LF, inside a UTF-8
//! character), and it calls back once per complete event. It follows the
//! WHATWG event-stream rules: LF, CRLF and CR line ends, `:` comments,
//! multi-line `data:` joined with LF, one optional space after the colon,
//! a leading BOM ignored, and events without data never dispatched.
//!
//! The bytes come from the network, so one event may not grow past
//! [`MAX_EVENT_BYTES`]: a stream that never ends a line cannot eat memory.

use std::borrow::Cow;

use memchr::memchr2;

/// One dispatched event. `event` is `"message"` when the stream named none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SseEvent<'a> {
    pub event: &'a str,
    pub data: &'a str,
}

/// The largest event accepted. A whole Messages request is at most 32 MB,
/// and a reply event carries far less; anything bigger is not the API.
pub const MAX_EVENT_BYTES: usize = 64 * 1024 * 1024;

/// An event (or a line) grew past [`MAX_EVENT_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a stream event is larger than {} MiB", MAX_EVENT_BYTES / (1024 * 1024))]
pub struct EventTooLarge;

/// Incremental event-stream decoder. Memory is bounded by the longest event,
/// not by the length of the stream.
#[derive(Debug, Default)]
pub struct SseDecoder {
    /// The start of a line whose end has not arrived yet.
    partial_line: Vec<u8>,
    /// The previous chunk ended in CR: an LF opening the next one belongs to it.
    pending_lf: bool,
    /// Past the first line, so a BOM is no longer special.
    started: bool,
    event: String,
    data: Vec<u8>,
    has_data: bool,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl SseDecoder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Decodes `chunk`, calling `on_event` for each event it completes. An
    /// error from the callback stops decoding and is returned.
    pub fn feed<E: From<EventTooLarge>>(
        &mut self,
        chunk: &[u8],
        mut on_event: impl FnMut(SseEvent<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut rest = chunk;
        if self.pending_lf && !rest.is_empty() {
            if rest[0] == b'\n' {
                rest = &rest[1..];
            }
            self.pending_lf = false;
        }
        while let Some(end) = memchr2(b'\n', b'\r', rest) {
            let mut next = end + 1;
            if rest[end] == b'\r' {
                match rest.get(next) {
                    Some(b'\n') => next += 1,
                    Some(_) => {}
                    None => self.pending_lf = true,
                }
            }
            if self.partial_line.is_empty() {
                self.line(&rest[..end], &mut on_event)?;
            } else {
                let mut line = std::mem::take(&mut self.partial_line);
                line.extend_from_slice(&rest[..end]);
                let result = self.line(&line, &mut on_event);
                line.clear();
                self.partial_line = line;
                result?;
            }
            rest = &rest[next..];
        }
        if self.partial_line.len() + self.data.len() + rest.len() > MAX_EVENT_BYTES {
            return Err(EventTooLarge.into());
        }
        self.partial_line.extend_from_slice(rest);
        Ok(())
    }

    /// Ends the stream. A last event that is complete but lacks its closing
    /// blank line is still dispatched: a truncated event would fail to parse
    /// later anyway, and a whole one loses nothing.
    pub fn finish<E: From<EventTooLarge>>(
        &mut self,
        mut on_event: impl FnMut(SseEvent<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        if !self.partial_line.is_empty() {
            let line = std::mem::take(&mut self.partial_line);
            self.line(&line, &mut on_event)?;
        }
        self.dispatch(&mut on_event)
    }

    fn line<E: From<EventTooLarge>>(
        &mut self,
        mut line: &[u8],
        on_event: &mut impl FnMut(SseEvent<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        if !self.started {
            self.started = true;
            line = line.strip_prefix(BOM).unwrap_or(line);
        }
        if line.is_empty() {
            return self.dispatch(on_event);
        }
        if line[0] == b':' {
            return Ok(());
        }
        let (field, value) = match memchr::memchr(b':', line) {
            Some(colon) => {
                let value = &line[colon + 1..];
                (&line[..colon], value.strip_prefix(b" ").unwrap_or(value))
            }
            None => (line, &b""[..]),
        };
        match field {
            b"data" => {
                if self.data.len() + value.len() >= MAX_EVENT_BYTES {
                    return Err(EventTooLarge.into());
                }
                if self.has_data {
                    self.data.push(b'\n');
                }
                self.data.extend_from_slice(value);
                self.has_data = true;
            }
            b"event" => {
                self.event.clear();
                self.event.push_str(&String::from_utf8_lossy(value));
            }
            // `id` and `retry` steer browser reconnection, which a one-shot
            // request never does; other fields are ignored by the spec.
            _ => {}
        }
        Ok(())
    }

    fn dispatch<E>(
        &mut self,
        on_event: &mut impl FnMut(SseEvent<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let result = if self.has_data {
            let data: Cow<'_, str> = String::from_utf8_lossy(&self.data);
            let event = if self.event.is_empty() {
                "message"
            } else {
                &self.event
            };
            on_event(SseEvent { event, data: &data })
        } else {
            Ok(())
        };
        self.event.clear();
        self.data.clear();
        self.has_data = false;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Stop {
        TooLarge,
        Callback,
    }

    impl From<EventTooLarge> for Stop {
        fn from(_: EventTooLarge) -> Self {
            Stop::TooLarge
        }
    }

    fn decode_chunks(chunks: &[&[u8]]) -> Vec<(String, String)> {
        let mut decoder = SseDecoder::new();
        let mut events = Vec::new();
        let mut collect = |e: SseEvent<'_>| -> Result<(), Stop> {
            events.push((e.event.to_owned(), e.data.to_owned()));
            Ok(())
        };
        for chunk in chunks {
            decoder.feed(chunk, &mut collect).unwrap();
        }
        decoder.finish(&mut collect).unwrap();
        events
    }

    fn decode(input: &[u8]) -> Vec<(String, String)> {
        decode_chunks(&[input])
    }

    fn pair(event: &str, data: &str) -> (String, String) {
        (event.to_owned(), data.to_owned())
    }

    #[test]
    fn lf_crlf_and_cr_line_ends_decode_alike() {
        let expected = vec![pair("a", "1"), pair("b", "2")];
        assert_eq!(
            decode(b"event: a\ndata: 1\n\nevent: b\ndata: 2\n\n"),
            expected
        );
        assert_eq!(
            decode(b"event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n"),
            expected
        );
        assert_eq!(
            decode(b"event: a\rdata: 1\r\revent: b\rdata: 2\r\r"),
            expected
        );
    }

    #[test]
    fn multi_line_data_is_joined_with_lf() {
        assert_eq!(
            decode(b"data: {\"a\":\ndata: 1}\n\n"),
            vec![pair("message", "{\"a\":\n1}")]
        );
    }

    #[test]
    fn comments_and_unknown_fields_are_ignored() {
        assert_eq!(
            decode(b": keep-alive\nid: 7\nretry: 10\nfoo: bar\ndata: x\n\n"),
            vec![pair("message", "x")]
        );
    }

    #[test]
    fn only_one_space_after_the_colon_is_stripped() {
        assert_eq!(decode(b"data:  x\n\n"), vec![pair("message", " x")]);
        assert_eq!(decode(b"data:x\n\n"), vec![pair("message", "x")]);
    }

    #[test]
    fn events_without_data_are_not_dispatched() {
        assert_eq!(
            decode(b"event: ping\n\n\n\ndata: x\n\n"),
            vec![pair("message", "x")]
        );
    }

    #[test]
    fn an_empty_data_line_dispatches_an_empty_event() {
        assert_eq!(decode(b"data:\n\n"), vec![pair("message", "")]);
    }

    #[test]
    fn a_field_without_a_colon_has_an_empty_value() {
        assert_eq!(decode(b"data\n\n"), vec![pair("message", "")]);
    }

    #[test]
    fn a_leading_bom_is_skipped() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFdata: x\n\n"),
            vec![pair("message", "x")]
        );
    }

    #[test]
    fn crlf_split_across_chunks_is_one_line_end() {
        assert_eq!(
            decode_chunks(&[b"data: x\r", b"\n\r", b"\ndata: y\r\n\r\n"]),
            vec![pair("message", "x"), pair("message", "y")]
        );
    }

    #[test]
    fn a_utf8_character_split_across_chunks_survives() {
        let bytes = "data: h\u{e9}llo \u{1F600}\n\n".as_bytes();
        for split in 0..bytes.len() {
            let (a, b) = bytes.split_at(split);
            assert_eq!(
                decode_chunks(&[a, b]),
                vec![pair("message", "h\u{e9}llo \u{1F600}")],
                "split at {split}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        assert_eq!(
            decode(b"data: a\xFFb\n\n"),
            vec![pair("message", "a\u{FFFD}b")]
        );
    }

    #[test]
    fn an_unterminated_last_event_is_still_delivered() {
        assert_eq!(decode(b"data: x"), vec![pair("message", "x")]);
        assert_eq!(decode(b"data: x\n"), vec![pair("message", "x")]);
    }

    #[test]
    fn callback_errors_stop_decoding() {
        let mut decoder = SseDecoder::new();
        let mut seen = 0;
        let result = decoder.feed(b"data: 1\n\ndata: 2\n\n", |_| {
            seen += 1;
            Err(Stop::Callback)
        });
        assert_eq!(result, Err(Stop::Callback));
        assert_eq!(seen, 1);
    }

    #[test]
    fn endless_lines_and_events_are_refused() {
        let chunk = vec![b'x'; 1024 * 1024];
        let mut decoder = SseDecoder::new();
        let mut refused = false;
        for _ in 0..=MAX_EVENT_BYTES / chunk.len() {
            if decoder.feed(&chunk, |_| Ok::<(), Stop>(())) == Err(Stop::TooLarge) {
                refused = true;
                break;
            }
        }
        assert!(refused, "a line without an end must not grow forever");

        let line = format!("data: {}\n", "y".repeat(1024 * 1024));
        let mut decoder = SseDecoder::new();
        let result =
            (0..=64).try_for_each(|_| decoder.feed(line.as_bytes(), |_| Ok::<(), Stop>(())));
        assert_eq!(result, Err(Stop::TooLarge), "nor an event without an end");
    }
}
