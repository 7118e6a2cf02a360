//! `--resize` on any bytes that look like an image: refused, left alone,
//! or shrunk, within the decoder's memory budget.
#![no_main]

use bytes::Bytes;
use claude_cli::input::attach::Image;
use claude_cli::input::{media, resize};
use libfuzzer_sys::fuzz_target;

/// Images whose header says they are this large are real pictures, slow to
/// decode and of no interest here; bombs hide their size, and still run.
const SKIP_PIXELS: u64 = 4_000_000;

fuzz_target!(|data: &[u8]| {
    let media::Kind::Image(format) = media::detect(data) else {
        return;
    };
    let image = Image::from_bytes(format, Bytes::copy_from_slice(data));
    if let Some((width, height)) = image.size {
        let pixels = u64::from(width) * u64::from(height);
        if pixels > SKIP_PIXELS && pixels <= 50_000_000 {
            return;
        }
    }
    match resize::shrink("fuzz", &image) {
        Ok(Some(resized)) => {
            let (width, height) = resized.size.expect("a re-encoded image has a size");
            assert!(width.max(height) <= resize::TARGET_LONG_EDGE);
        }
        Ok(None) => {}
        Err(error) => assert!(!error.line().contains('\n')),
    }
});
