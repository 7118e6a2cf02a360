//! Hostile files: how long and how much memory they cost before refusal.
//!
//! (e) `--resize` on a 634-byte JPEG whose frame header says 20000x20000
//!     behind a stray byte: time and this process's peak RSS (from
//!     getrusage; the bench holds nothing else yet).
//! (f) Counting the pages of a 30 MB PDF made of `/Type/Page ` with no
//!     `obj`: the median time of 3 runs.
//!
//! Run: `cargo bench --bench media`
#![allow(unsafe_code)] // getrusage(2), to read this process's peak RSS.

use std::time::Instant;

use bytes::Bytes;
use claude_cli::input::attach::Image;
use claude_cli::input::media::{self, ImageFormat};
use claude_cli::input::resize;

fn peak_rss_mb() -> f64 {
    // SAFETY: rusage is plain data that getrusage fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) }, 0);
    usage.ru_maxrss as f64 / 1024.0
}

fn jpeg_bomb() -> Vec<u8> {
    let mut jpeg = std::fs::read("tests/fixtures/images/blue.jpg").expect("the fixture");
    let sof = jpeg.windows(2).position(|w| w == [0xff, 0xc0]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0x4e, 0x20, 0x4e, 0x20]);
    jpeg.insert(sof, 0x00);
    jpeg
}

fn resize_bomb() {
    let bytes = jpeg_bomb();
    let before = peak_rss_mb();
    let started = Instant::now();
    let image = Image::from_bytes(ImageFormat::Jpeg, Bytes::from(bytes));
    let outcome = resize::shrink("bomb.jpg", &image);
    let elapsed = started.elapsed();
    println!(
        "(e) --resize on a {}-byte JPEG claiming 20000x20000: {} in {:.1} ms, peak RSS {:.0} MB (was {:.0} MB before)",
        image.data.len(),
        match outcome {
            Ok(_) => "decoded".to_owned(),
            Err(error) => format!("refused ({error})"),
        },
        elapsed.as_secs_f64() * 1e3,
        peak_rss_mb(),
        before,
    );
}

fn pdf_pages() {
    const SIZE: usize = 30 * 1024 * 1024;
    let mut pdf = b"%PDF-1.4\n".to_vec();
    while pdf.len() < SIZE {
        pdf.extend_from_slice(b"/Type/Page ");
    }
    let mut times = Vec::new();
    let mut pages = None;
    for _ in 0..3 {
        let started = Instant::now();
        pages = media::pdf_page_count(&pdf);
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "(f) pages of a {} MB PDF of `/Type/Page ` without `obj`: {:?} pages, median {:.0} ms",
        SIZE / (1024 * 1024),
        pages,
        times[1] * 1e3,
    );
}

fn main() {
    resize_bomb();
    pdf_pages();
}
