//! Reading stdin once, bounded, without ever hanging silently.
//!
//! A program that spawns `claude` may leave stdin open and never write to
//! it. We cannot tell that apart from a slow producer (`curl url | claude
//! ask`), so we never guess and drop input: we wait, and after a few silent
//! seconds we say so once, naming `--no-stdin`.
//!
//! Stdin may be endless (`< /dev/zero`) or binary (`< /dev/urandom`), so it
//! is never read whole before being judged: reading stops at the first byte
//! over the limit, and at the first byte that makes it neither UTF-8 text
//! nor a format the API takes.

use std::io::{self, Read};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use super::media::{self, Kind};

/// Bytes read at a time.
const CHUNK: usize = 64 * 1024;

/// Reads stdin, at most `limit` bytes of it (see [`read_bounded`]). If
/// neither a byte nor EOF arrives within `hint_after`, `on_silence` runs
/// once (on another thread) while the read goes on.
pub fn read_stdin(
    limit: usize,
    hint_after: Duration,
    on_silence: impl FnOnce() + Send + 'static,
) -> io::Result<Vec<u8>> {
    let (first_byte, silence) = mpsc::channel::<()>();
    let watcher = thread::Builder::new()
        .name("claude-stdin-watch".into())
        .spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = silence.recv_timeout(hint_after) {
                on_silence();
            }
        })?;

    let mut stdin = io::stdin().lock();
    let mut first = [0u8; 1];
    let read = loop {
        match stdin.read(&mut first) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => break other,
        }
    };
    drop(first_byte);
    let _ = watcher.join();
    if read? == 0 {
        return Ok(Vec::new());
    }
    read_bounded(first.chain(stdin), limit)
}

/// What a reader holds, read to its end or to the first byte that settles
/// it cannot be sent:
///
/// - past `limit` bytes it is refused at byte `limit + 1`, with an error
///   of kind [`io::ErrorKind::FileTooLarge`];
/// - at the first byte that is not UTF-8, where the first bytes are not
///   those of an image or a PDF ([`media::detect`]), it can only be refused
///   as binary, so reading stops and the bytes so far are returned: they
///   are classified exactly as the whole would be, with the same offset.
pub fn read_bounded(mut reader: impl Read, limit: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut text = Utf8Check::default();
    loop {
        let start = bytes.len();
        // One byte past the limit is enough to know it is over.
        let room = (limit.saturating_add(1) - start).min(CHUNK);
        bytes.resize(start + room, 0);
        let n = loop {
            match reader.read(&mut bytes[start..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        bytes.truncate(start + n?);
        let at_end = bytes.len() == start;
        if bytes.len() > limit {
            return Err(io::ErrorKind::FileTooLarge.into());
        }
        if text.settles_binary(&bytes, at_end) || at_end {
            return Ok(bytes);
        }
    }
}

/// Follows the UTF-8 validity of a growing buffer, each byte checked once.
#[derive(Default)]
struct Utf8Check {
    /// Bytes known to be whole, valid characters.
    valid: usize,
    /// The first bytes showed a format that is not text: no more checking.
    not_text: bool,
}

/// Enough of the start to tell a format by: PDF readers take the header
/// anywhere in the first kilobyte, and [`media::detect`] does too.
const SNIFF_BYTES: usize = 1024;

impl Utf8Check {
    /// Whether `bytes` (a prefix of the input, or all of it when `at_end`)
    /// already show the whole can only be refused as binary.
    fn settles_binary(&mut self, bytes: &[u8], at_end: bool) -> bool {
        if self.not_text {
            return false;
        }
        let invalid = match std::str::from_utf8(&bytes[self.valid..]) {
            Ok(_) => {
                self.valid = bytes.len();
                return false;
            }
            // A character cut by the end of a read: it may complete later.
            Err(e) if e.error_len().is_none() && !at_end => {
                self.valid += e.valid_up_to();
                return false;
            }
            Err(e) => self.valid + e.valid_up_to(),
        };
        // Stopping here is only safe once what decides the format is in.
        if bytes.len() < SNIFF_BYTES && !at_end {
            self.valid = invalid;
            return false;
        }
        if media::detect(bytes) == Kind::Binary {
            true
        } else {
            self.not_text = true;
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader of `data`, `step` bytes per read, then endless zeros if
    /// `endless`.
    struct Source {
        data: Vec<u8>,
        at: usize,
        step: usize,
        endless: bool,
    }

    impl Read for Source {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let rest = &self.data[self.at..];
            if rest.is_empty() {
                if !self.endless {
                    return Ok(0);
                }
                let n = buf.len().min(self.step);
                buf[..n].fill(0);
                return Ok(n);
            }
            let n = rest.len().min(buf.len()).min(self.step);
            buf[..n].copy_from_slice(&rest[..n]);
            self.at += n;
            Ok(n)
        }
    }

    fn source(data: &[u8], step: usize, endless: bool) -> Source {
        Source {
            data: data.to_vec(),
            at: 0,
            step,
            endless,
        }
    }

    #[test]
    fn text_under_the_limit_is_read_whole_in_any_steps() {
        let text = "h\u{e9}llo \u{1F600} world\n".repeat(200);
        for step in [1, 3, 7, 4096] {
            let bytes = read_bounded(source(text.as_bytes(), step, false), 1 << 20).unwrap();
            assert_eq!(bytes, text.as_bytes(), "step {step}");
        }
    }

    #[test]
    fn an_endless_input_stops_one_byte_past_the_limit() {
        let error = read_bounded(io::repeat(0), 100_000).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        assert!(read_bounded(source(&[b'a'; 100], 7, false), 100).is_ok());
        assert!(read_bounded(source(&[b'a'; 101], 7, false), 100).is_err());
    }

    #[test]
    fn binary_stops_at_its_first_bad_byte_once_its_start_is_known() {
        // Text, then a stray byte, then an endless stream of zeros: reading
        // must stop, and what it returns must be refused as the whole would.
        let mut data = b"plain text ".repeat(200);
        data.push(0xff);
        for step in [1, 5, 4096] {
            let bytes = read_bounded(source(&data, step, true), usize::MAX - 1).unwrap();
            assert_eq!(media::detect(&bytes), Kind::Binary);
            let valid = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
            assert_eq!(valid, 2200, "step {step}");
            assert!(bytes.len() <= 2201 + step.max(SNIFF_BYTES), "step {step}");
        }
    }

    #[test]
    fn an_early_bad_byte_waits_for_the_format_to_be_known() {
        // WebP: the size field after RIFF is not UTF-8, the signature follows.
        let mut webp = b"RIFF\x24\xf0\x00\x00WEBPVP8 ".to_vec();
        webp.extend(vec![0x9d; 3000]);
        let bytes = read_bounded(source(&webp, 1, false), 1 << 20).unwrap();
        assert_eq!(bytes, webp);
        // A PDF whose header is a little way in, after binary bytes.
        let mut pdf = vec![0xe2, 0xe3, 0xcf, 0xd3, b'\n'];
        pdf.extend_from_slice(b"%PDF-1.7\n");
        pdf.extend(vec![0x80; 5000]);
        assert_eq!(read_bounded(source(&pdf, 2, false), 1 << 20).unwrap(), pdf);
        // Short binary input is read to its end and judged whole.
        assert_eq!(
            read_bounded(source(b"a\xffb", 1, false), 100).unwrap(),
            b"a\xffb"
        );
    }

    #[test]
    fn images_and_pdfs_are_read_to_the_limit() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(vec![0xfe; 5000]);
        assert_eq!(
            read_bounded(source(&png, 100, false), 1 << 20).unwrap(),
            png
        );
        assert!(read_bounded(source(&png, 100, true), 10_000).is_err());
    }
}
