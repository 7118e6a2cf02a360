//! What a file is, told from its first bytes (never from its name), and the
//! facts the API's limits are about: an image's size in pixels, read from
//! its header, and a PDF's page count, where it can be counted cheaply.

use memchr::memmem;

/// An image format the API accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    Webp,
}

impl ImageFormat {
    pub fn media_type(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Gif => "image/gif",
            ImageFormat::Webp => "image/webp",
        }
    }
}

/// What a run of bytes is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Image(ImageFormat),
    Pdf,
    /// An SVG drawing: text, but not an image the API accepts.
    Svg,
    /// UTF-8 text.
    Text,
    /// A format we recognise and the API does not take (its name).
    Unsupported(&'static str),
    /// Bytes that are neither text nor a format we recognise.
    Binary,
}

/// The formats the API takes, for error messages.
pub const ACCEPTED: &str = "PNG, JPEG, GIF and WebP images, and PDF documents";

/// Tells what `bytes` are from their content.
pub fn detect(bytes: &[u8]) -> Kind {
    if let Some(format) = image_format(bytes) {
        return Kind::Image(format);
    }
    if starts_like_pdf(bytes) {
        return Kind::Pdf;
    }
    if let Some(name) = unsupported_binary(bytes) {
        return Kind::Unsupported(name);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if is_svg(text) => Kind::Svg,
        Ok(_) => Kind::Text,
        // PDF readers accept the header anywhere in the first kilobyte; in
        // text, that would only be a mention of it.
        Err(_) if memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() => Kind::Pdf,
        Err(_) => Kind::Binary,
    }
}

/// Whether bytes that are not UTF-8 read as Latin-1 (ISO-8859-1) text:
/// no NUL or other control bytes but line ends and tabs, and some bytes
/// over 0x7F (an `é` written by an old editor, a diff of such a file).
pub fn looks_like_latin1(bytes: &[u8]) -> bool {
    let text_byte = |b: &u8| !b.is_ascii_control() || matches!(b, b'\n' | b'\r' | b'\t' | b'\x0c');
    std::str::from_utf8(bytes).is_err()
        && bytes.iter().all(text_byte)
        && bytes.iter().any(|b| *b >= 0x80)
}

/// What to say after "not UTF-8" when the bytes look like Latin-1: the
/// command that converts them. `name` is a file, or `stdin`.
pub fn latin1_hint(name: &str, bytes: &[u8]) -> String {
    if !looks_like_latin1(bytes) {
        return String::new();
    }
    if name == "stdin" {
        "; it looks like Latin-1 (ISO-8859-1) text: convert it on the way in with \
         `... | iconv -f latin1 -t utf-8 | claude ...`"
            .to_owned()
    } else {
        format!(
            "; it looks like Latin-1 (ISO-8859-1) text: convert it with \
             `iconv -f latin1 -t utf-8 {name} > {name}.utf8`"
        )
    }
}

fn starts_like_pdf(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    bytes[start..].starts_with(b"%PDF-")
}

/// Whether a PDF is encrypted (its trailer names an `/Encrypt`
/// dictionary); the API refuses those.
pub fn pdf_is_encrypted(bytes: &[u8]) -> bool {
    memmem::find_iter(bytes, b"/Encrypt").any(|at| {
        // `/Encrypt`, not `/EncryptMetadata`.
        !bytes.get(at + 8).is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

fn image_format(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(ImageFormat::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(ImageFormat::Gif)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(ImageFormat::Webp)
    } else {
        None
    }
}

/// Binary formats people try to send as images. Only signatures that text
/// cannot start with are checked here, so a text file is never refused.
fn unsupported_binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Some("TIFF");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return match &bytes[8..12] {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                Some("HEIC")
            }
            b"avif" | b"avis" => Some("AVIF"),
            _ => None,
        };
    }
    // "BM" then a little-endian file size and four reserved zero bytes.
    if bytes.len() >= 14 && bytes.starts_with(b"BM") && bytes[6..10] == [0, 0, 0, 0] {
        return Some("BMP");
    }
    if bytes.starts_with(&[0, 0, 1, 0]) && bytes.len() >= 6 && bytes[4..6] != [0, 0] {
        return Some("ICO");
    }
    None
}

fn is_svg(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let head = prefix(head, 1024);
    head.starts_with("<svg")
        || ((head.starts_with("<?xml") || head.starts_with("<!DOCTYPE svg"))
            && head.contains("<svg"))
}

/// At most the first `max` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Width and height in pixels, from the image header. `None` when the
/// header is cut short or malformed.
pub fn dimensions(format: ImageFormat, bytes: &[u8]) -> Option<(u32, u32)> {
    match format {
        ImageFormat::Png => {
            // The IHDR chunk comes first: width and height, big-endian.
            (&bytes.get(12..16)? == b"IHDR").then_some(())?;
            Some((be32(bytes, 16)?, be32(bytes, 20)?))
        }
        ImageFormat::Gif => Some((le16(bytes, 6)?.into(), le16(bytes, 8)?.into())),
        ImageFormat::Webp => webp_dimensions(bytes),
        ImageFormat::Jpeg => jpeg_dimensions(bytes),
    }
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn le24(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 3)?;
    Some(u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
}

fn webp_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    match bytes.get(12..16)? {
        // Lossy: a key frame starts with the sync code 9d 01 2a.
        b"VP8 " => {
            (bytes.get(23..26)? == [0x9d, 0x01, 0x2a]).then_some(())?;
            let width = le16(bytes, 26)? & 0x3fff;
            let height = le16(bytes, 28)? & 0x3fff;
            Some((width.into(), height.into()))
        }
        // Lossless: a signature byte, then 14-bit width-1 and height-1.
        b"VP8L" => {
            (*bytes.get(20)? == 0x2f).then_some(())?;
            let bits = u32::from_le_bytes(bytes.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
        }
        // Extended: 24-bit canvas width-1 and height-1.
        b"VP8X" => Some((le24(bytes, 24)? + 1, le24(bytes, 27)? + 1)),
        _ => None,
    }
}

/// Walks the segments the way decoders do: bytes between segments that
/// are not a marker are skipped, as are fill bytes after `0xff`. A file
/// can hold more than one frame header (a decoder may use any of them), so
/// the largest one before the scan is the size.
fn jpeg_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut largest: Option<(u32, u32)> = None;
    let mut at = 2;
    while let Some(marker_at) = next_marker(bytes, at) {
        // The marker code follows `marker_at`, its length (if any) that.
        let marker = bytes[marker_at + 1];
        let length = be16(bytes, marker_at + 2);
        at = match marker {
            // Standalone markers carry no length.
            0x01 | 0xd0..=0xd8 => marker_at + 2,
            // Start of scan or end of image: no frame header comes after.
            0xda | 0xd9 => break,
            _ => match length {
                Some(length) if length >= 2 => marker_at + 2 + usize::from(length),
                _ => break,
            },
        };
        // Start of frame (all but DHT, JPG and DAC, which share the range).
        if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            let (Some(height), Some(width)) =
                (be16(bytes, marker_at + 5), be16(bytes, marker_at + 7))
            else {
                break;
            };
            let size = (u32::from(width), u32::from(height));
            if largest.is_none_or(|known| pixels(known) < pixels(size)) {
                largest = Some(size);
            }
        }
    }
    largest
}

/// Where the next marker starts at or after `from`: the `0xff` (or the
/// last fill byte) right before a marker code.
fn next_marker(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from + memchr::memchr(0xff, bytes.get(from..)?)?;
    // Fill bytes: any number of 0xff (or 0x00) before the marker code.
    while matches!(bytes.get(at + 1), Some(0xff | 0x00)) {
        at += 1;
    }
    (at + 1 < bytes.len()).then_some(at)
}

fn pixels((width, height): (u32, u32)) -> u64 {
    u64::from(width) * u64::from(height)
}

/// Pages in a PDF, counted from its uncompressed page objects
/// (`/Type /Page`), each object number once: a PDF saved with incremental
/// updates repeats the objects it changed. `None` when no page object is
/// visible, as in PDFs that keep their objects in compressed streams: the
/// count would be a guess.
///
/// One pass over the bytes: the `obj` keywords are walked alongside the
/// `/Type` keys, so each page finds its object without searching back.
pub fn pdf_page_count(bytes: &[u8]) -> Option<usize> {
    let mut objects = std::collections::HashSet::new();
    let mut unnumbered = 0usize;
    let mut keywords = memmem::find_iter(bytes, b"obj").peekable();
    // The last `obj` keyword before the current key, and its object number.
    let mut last_object: Option<(usize, Option<u64>)> = None;
    for at in memmem::find_iter(bytes, b"/Type") {
        let rest = &bytes[at + 5..];
        let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let rest = &rest[skip..];
        // `/Page`, not `/Pages` (the page tree) or `/PageLabel`.
        let is_page = rest.starts_with(b"/Page")
            && !rest
                .get(5)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if !is_page {
            continue;
        }
        let mut newest = None;
        while let Some(&keyword) = keywords.peek()
            && keyword + 3 <= at
        {
            newest = Some(keyword);
            keywords.next();
        }
        if let Some(keyword) = newest {
            last_object = Some((keyword, object_number(&bytes[..keyword])));
        }
        // The object's dictionary is within a few kilobytes of its `obj`.
        let number = last_object
            .filter(|(keyword, _)| keyword + OBJECT_REACH >= at)
            .and_then(|(_, number)| number);
        match number {
            Some(number) => {
                objects.insert(number);
            }
            None => unnumbered += 1,
        }
    }
    let pages = objects.len() + unnumbered;
    (pages > 0).then_some(pages)
}

/// How far a `/Type` key may be from the `obj` keyword of its object.
const OBJECT_REACH: usize = 4096;

/// The `N` of `N G obj`, given the bytes before `obj`. Only the last few
/// bytes are read: a number longer than that would not parse anyway.
fn object_number(before: &[u8]) -> Option<u64> {
    let head = before[before.len().saturating_sub(64)..].trim_ascii_end();
    let generation_start = head.iter().rposition(|b| !b.is_ascii_digit())? + 1;
    let head = head[..generation_start].trim_ascii_end();
    let number_start = head
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |i| i + 1);
    std::str::from_utf8(&head[number_start..])
        .ok()?
        .parse()
        .ok()
}

/// The length of `n` bytes in base64 with padding: what the API measures.
pub fn base64_len(n: usize) -> usize {
    n.div_ceil(3).saturating_mul(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0]);
        bytes
    }

    #[test]
    fn latin1_text_gets_the_iconv_hint() {
        let latin1 = b"caf\xe9 cr\xe8me\n";
        assert!(looks_like_latin1(latin1));
        assert!(latin1_hint("menu.txt", latin1).contains("iconv -f latin1 -t utf-8 menu.txt"));
        assert!(latin1_hint("stdin", latin1).contains("| iconv -f latin1 -t utf-8 |"));
        assert!(
            !looks_like_latin1("café".as_bytes()),
            "UTF-8 is not Latin-1"
        );
        assert!(!looks_like_latin1(b"\x00\xe9\x01"), "binary is not text");
        assert_eq!(latin1_hint("x", b"\x00\xff"), "");
    }

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(detect(&png(1, 1)), Kind::Image(ImageFormat::Png));
        assert_eq!(
            detect(&[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
            Kind::Image(ImageFormat::Jpeg)
        );
        assert_eq!(detect(b"GIF89a\x01\0\x01\0"), Kind::Image(ImageFormat::Gif));
        assert_eq!(
            detect(b"RIFF\x24\0\0\0WEBPVP8L"),
            Kind::Image(ImageFormat::Webp)
        );
        assert_eq!(detect(b"%PDF-1.7\n%\xe2\xe3"), Kind::Pdf);
        assert_eq!(detect(b"\xef\xbb\xbf%PDF-1.4\n"), Kind::Pdf);
        assert_eq!(detect(b"hello\n"), Kind::Text);
        assert_eq!(detect(b""), Kind::Text);
        assert_eq!(detect(b"\x00\xfe\x01"), Kind::Binary);
    }

    #[test]
    fn unsupported_formats_are_named() {
        let mut bmp = b"BM\x36\x00\x0c\x00\0\0\0\0\x36\0\0\0".to_vec();
        bmp.extend([0u8; 16]);
        assert_eq!(detect(&bmp), Kind::Unsupported("BMP"));
        assert_eq!(detect(b"II*\0\x08\0\0\0"), Kind::Unsupported("TIFF"));
        assert_eq!(detect(b"MM\0*\0\0\0\x08"), Kind::Unsupported("TIFF"));
        assert_eq!(
            detect(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Kind::Unsupported("HEIC")
        );
        assert_eq!(
            detect(b"\0\0\0\x1cftypavif\0\0\0\0"),
            Kind::Unsupported("AVIF")
        );
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            Kind::Svg
        );
        assert_eq!(detect(b"  <svg width=\"1\"></svg>"), Kind::Svg);
        // Text that merely starts like a signature stays text.
        assert_eq!(detect(b"BMW makes cars.\n"), Kind::Text);
        assert_eq!(detect(b"<?xml version=\"1.0\"?><note/>"), Kind::Text);
    }

    #[test]
    fn png_and_gif_dimensions() {
        assert_eq!(
            dimensions(ImageFormat::Png, &png(9000, 12)),
            Some((9000, 12))
        );
        assert_eq!(dimensions(ImageFormat::Png, &png(1, 1)[..20]), None);
        assert_eq!(
            dimensions(ImageFormat::Gif, b"GIF89a\x40\x1f\x02\x00"),
            Some((8000, 2))
        );
    }

    #[test]
    fn jpeg_dimensions_skip_segments_and_padding() {
        let mut jpeg = vec![0xff, 0xd8];
        jpeg.extend([0xff, 0xe0, 0x00, 0x04, 0xaa, 0xbb]); // APP0, 2 bytes of data
        jpeg.extend([0xff, 0xff]); // fill byte
        jpeg.extend([0xff, 0xc4, 0x00, 0x02]); // DHT, empty: not a frame
        jpeg.extend([0xff, 0xc2, 0x00, 0x0b, 0x08, 0x0b, 0xb8, 0x0f, 0xa0, 0x03]);
        assert_eq!(dimensions(ImageFormat::Jpeg, &jpeg), Some((4000, 3000)));
        assert_eq!(dimensions(ImageFormat::Jpeg, &jpeg[..12]), None);
        assert_eq!(
            dimensions(ImageFormat::Jpeg, &[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00]),
            None
        );
    }

    #[test]
    fn jpeg_dimensions_skip_stray_bytes_as_decoders_do() {
        let sof = |w: u16, h: u16| {
            let mut segment = vec![0xff, 0xc0, 0x00, 0x0b, 0x08];
            segment.extend(h.to_be_bytes());
            segment.extend(w.to_be_bytes());
            segment.extend([0x01, 0x01, 0x11, 0x00]);
            segment
        };
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0xaa, 0xbb];
        jpeg.extend([0x00, 0x12, 0x34]); // stray bytes between segments
        jpeg.extend([0xff, 0x00, 0xff]); // fill, then the marker
        jpeg.extend(&sof(20_000, 20_000)[1..]);
        jpeg.extend([0xff, 0xda, 0x00, 0x02]);
        assert_eq!(dimensions(ImageFormat::Jpeg, &jpeg), Some((20_000, 20_000)));
        // Two frame headers: the larger one counts, whichever comes first.
        let mut two = vec![0xff, 0xd8];
        two.extend(sof(1, 1));
        two.extend(sof(9000, 10));
        assert_eq!(dimensions(ImageFormat::Jpeg, &two), Some((9000, 10)));
        // A frame header after the scan starts is not read.
        let mut late = vec![0xff, 0xd8, 0xff, 0xda, 0x00, 0x02];
        late.extend(sof(9000, 10));
        assert_eq!(dimensions(ImageFormat::Jpeg, &late), None);
    }

    #[test]
    fn webp_dimensions_in_all_three_forms() {
        let riff = |chunk: &[u8], data: &[u8]| {
            let mut bytes = b"RIFF\0\0\0\0WEBP".to_vec();
            bytes.extend(chunk);
            bytes.extend([0u8; 4]);
            bytes.extend(data);
            bytes
        };
        let lossy = riff(
            b"VP8 ",
            &[0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x06, 0xb0, 0x04],
        );
        assert_eq!(dimensions(ImageFormat::Webp, &lossy), Some((1600, 1200)));
        // 14 bits of width-1 (99), then 14 bits of height-1 (49).
        let bits: u32 = 99 | (49 << 14);
        let mut lossless = vec![0x2f];
        lossless.extend(bits.to_le_bytes());
        assert_eq!(
            dimensions(ImageFormat::Webp, &riff(b"VP8L", &lossless)),
            Some((100, 50))
        );
        let extended = riff(b"VP8X", &[0, 0, 0, 0, 0x3f, 0x1f, 0, 0x01, 0, 0]);
        assert_eq!(dimensions(ImageFormat::Webp, &extended), Some((8000, 2)));
    }

    #[test]
    fn pdf_pages_are_counted_from_page_objects() {
        let pdf = b"%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>>\n\
                    2 0 obj <</Type /Page>>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n\
                    4 0 obj <</Type /PageLabels>>";
        assert_eq!(pdf_page_count(pdf), Some(2));
        assert_eq!(pdf_page_count(b"%PDF-1.5\n1 0 obj <</Type /ObjStm>>"), None);
        // An incremental update rewrites object 2: still two pages.
        let mut updated = pdf.to_vec();
        updated.extend(b"\n2 0 obj <</Type /Page /Rotate 90>> endobj\n%%EOF");
        assert_eq!(pdf_page_count(&updated), Some(2));
    }

    #[test]
    fn pdf_page_keys_without_objects_count_once_each_in_one_pass() {
        let pdf = b"%PDF-1.4\n/Type/Page ".repeat(1000);
        assert_eq!(pdf_page_count(&pdf), Some(1000));
        // A page far from any `obj` is unnumbered, one near it is not.
        let mut far = b"%PDF-1.4\n7 0 obj <</Type/Page>>\n".to_vec();
        far.extend(vec![b' '; 5000]);
        far.extend(b"<</Type/Page>>\n7 0 obj <</Type/Page>>");
        assert_eq!(pdf_page_count(&far), Some(2));
        // `endobj` names no object.
        assert_eq!(
            pdf_page_count(b"1 0 obj <</Type/Page>> endobj <</Type/Page>>"),
            Some(2)
        );
    }

    #[test]
    fn text_that_mentions_pdf_stays_text() {
        assert_eq!(
            detect(b"A PDF starts with %PDF-1.7, then a comment."),
            Kind::Text
        );
        assert_eq!(detect(b"\n  %PDF-1.4\n"), Kind::Pdf);
        assert_eq!(detect(b"junk\xff\xfe\n%PDF-1.4\n"), Kind::Pdf);
    }

    #[test]
    fn encrypted_pdfs_are_recognised() {
        assert!(pdf_is_encrypted(b"%PDF-1.4 trailer <</Encrypt 5 0 R>>"));
        assert!(!pdf_is_encrypted(b"%PDF-1.4 <</EncryptMetadata false>>"));
    }

    #[test]
    fn hostile_bytes_never_panic() {
        let mut state = 0x2545_f491_u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        let prefixes: [&[u8]; 6] = [
            b"\x89PNG\r\n\x1a\n",
            &[0xff, 0xd8, 0xff],
            b"GIF89a",
            b"RIFF\0\0\0\0WEBPVP8 ",
            b"RIFF\0\0\0\0WEBPVP8X",
            b"%PDF-1.4 /Type",
        ];
        for prefix in prefixes {
            for len in 0..64 {
                for _ in 0..20 {
                    let mut bytes = prefix.to_vec();
                    bytes.extend((0..len).map(|_| next() as u8));
                    for cut in 0..=bytes.len() {
                        let bytes = &bytes[..cut];
                        if let Kind::Image(format) = detect(bytes) {
                            let _ = dimensions(format, bytes);
                        }
                        let _ = pdf_page_count(bytes);
                    }
                }
            }
        }
        // JPEG segments of every length, including 0 and 1.
        for length in 0..=4u8 {
            let jpeg = [0xff, 0xd8, 0xff, 0xe1, 0, length, 0xff, 0xc0];
            assert_eq!(dimensions(ImageFormat::Jpeg, &jpeg), None);
        }
    }

    #[test]
    fn base64_length_is_padded() {
        assert_eq!(base64_len(0), 0);
        assert_eq!(base64_len(1), 4);
        assert_eq!(base64_len(3), 4);
        assert_eq!(base64_len(4), 8);
        // A 3.75 MiB file is already over the 5 MB base64 limit.
        assert!(base64_len(3_932_161) > 5_242_880);
    }
}
