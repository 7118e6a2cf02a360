use std::path::Path;

use serde_json::{Value, json};

use crate::support::*;

const IMAGES: &str = "tests/fixtures/images";

fn image_path(name: &str) -> String {
    format!("{IMAGES}/{name}")
}

fn ok_server() -> FakeServer {
    FakeServer::with([Reply::message("message-basic-recorded.json")])
}

/// The kind and source type of each block the server received.
fn shapes(content: &Value) -> Vec<String> {
    content
        .as_array()
        .expect("content blocks")
        .iter()
        .map(|block| {
            let source = &block["source"];
            match block["type"].as_str().unwrap() {
                "text" => "text".to_owned(),
                kind => format!(
                    "{kind}:{}",
                    source["media_type"]
                        .as_str()
                        .or(source["url"].as_str())
                        .unwrap()
                ),
            }
        })
        .collect()
}

/// A PNG header claiming the given size: enough for the size check, which
/// reads nothing else.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Runs claude with `args`, expects exit 2, no request, and an error line
/// containing every one of `needles`.
#[track_caller]
fn refused(args: &[&str], needles: &[&str]) {
    let server = FakeServer::start();
    let output = claude_at(&server).args(args).output().unwrap();
    assert_exit(&output, 2);
    let line = error_line(&output);
    for needle in needles {
        assert!(line.contains(needle), "{needle:?} not in {line}");
    }
    assert!(server.requests().is_empty(), "{args:?} sent a request");
}

#[test]
fn every_format_is_told_by_content_not_by_name() {
    let dir = tempdir("formats");
    let cases = [
        ("red.png", "image/png"),
        ("blue.jpg", "image/jpeg"),
        ("green.gif", "image/gif"),
        ("yellow.webp", "image/webp"),
        ("one-page.pdf", "application/pdf"),
        // A JPEG named .png.
        ("jpeg-named.png", "image/jpeg"),
    ];
    for (name, media_type) in cases {
        // Renamed to a misleading or missing extension, it is still the same.
        let bytes = std::fs::read(image_path(name)).unwrap();
        let renamed = write(&dir, &format!("{name}.txt"), &bytes);
        for path in [image_path(name), renamed] {
            let server = ok_server();
            claude_at(&server)
                .args(["ask", "-f", &path, "what is it?"])
                .assert()
                .success();
            let content = sent_content(&server.single_request());
            assert_eq!(
                content[0]["source"]["media_type"],
                json!(media_type),
                "{path}"
            );
            assert_eq!(content[0]["source"]["type"], json!("base64"));
        }
    }
}

#[test]
fn an_image_piped_to_ask_is_sent_as_an_image() {
    let server = ok_server();
    claude_at(&server)
        .args(["ask", "what is this?"])
        .write_stdin(std::fs::read(image_path("blue.jpg")).unwrap())
        .assert()
        .success();
    assert_eq!(
        shapes(&sent_content(&server.single_request())),
        ["image:image/jpeg", "text"]
    );
}

#[test]
fn mixed_text_image_pdf_and_urls_keep_their_order() {
    let server = ok_server();
    claude_at(&server)
        .args([
            "ask",
            "-f",
            &image_path("notes.txt"),
            "-f",
            "https://x.test/a.webp",
        ])
        .args([
            "-f",
            &image_path("one-page.pdf"),
            "-f",
            "https://x.test/b.pdf",
            "compare",
        ])
        .assert()
        .success();
    assert_eq!(
        shapes(&sent_content(&server.single_request())),
        [
            "text",
            "image:https://x.test/a.webp",
            "document:application/pdf",
            "document:https://x.test/b.pdf",
            "text"
        ]
    );
}

#[test]
fn url_kinds_come_from_the_path_or_the_flag() {
    // vision takes a URL it cannot tell as an image; ask asks.
    let server = ok_server();
    claude_at(&server)
        .args(["vision", "https://x.test/render?id=4"])
        .assert()
        .success();
    assert_eq!(
        shapes(&sent_content(&server.single_request())),
        ["image:https://x.test/render?id=4", "text"]
    );
    refused(
        &["ask", "-f", "https://x.test/render?id=4", "what?"],
        &["cannot tell", "--url-as image"],
    );
    let server = ok_server();
    claude_at(&server)
        .args([
            "ask",
            "--url-as",
            "document",
            "-f",
            "https://x.test/render",
            "sum up",
        ])
        .assert()
        .success();
    assert_eq!(
        shapes(&sent_content(&server.single_request())),
        ["document:https://x.test/render", "text"]
    );
}

#[test]
fn vision_text_on_stdin_joins_the_question_after_the_prompt_flag_default() {
    let server = ok_server();
    claude_at(&server)
        .args(["vision", &image_path("red.png"), "-p", "and the colour?"])
        .write_stdin("Some context.\n")
        .assert()
        .success();
    let content = sent_content(&server.single_request());
    assert_eq!(shapes(&content), ["image:image/png", "text", "text"]);
    assert_eq!(content[1]["text"], json!("Some context.\n"));
    assert_eq!(content[2]["text"], json!("and the colour?"));
}

#[test]
fn vision_refuses_text_files_and_empty_stdin() {
    refused(
        &["vision", &image_path("notes.txt")],
        &["notes.txt: not an image", "claude ask -f"],
    );
    let server = FakeServer::start();
    let output = claude_at(&server).args(["vision", "-"]).output().unwrap();
    assert_exit(&output, 2);
    assert!(error_line(&output).contains("stdin is empty"));
    assert!(server.requests().is_empty());
}

#[test]
fn an_image_over_5_mb_in_base64_is_refused_naming_the_limit_and_resize() {
    let dir = tempdir("big-bytes");
    // 3,932,161 bytes: 5,242,884 in base64, four bytes over.
    let mut bytes = png_header(100, 100);
    bytes.resize(3_932_161, 0);
    let path = write(&dir, "photo.png", &bytes);
    refused(
        &["vision", &path],
        &[
            "photo.png: image exceeds 5 MB maximum: 5242884 bytes > 5242880 bytes",
            "--resize",
        ],
    );
    // One byte less is exactly at the limit and goes out.
    bytes.truncate(3_932_160);
    let path = write(&dir, "photo.png", &bytes);
    let server = ok_server();
    claude_at(&server)
        .args(["vision", &path])
        .assert()
        .success();
}

#[test]
fn images_over_8000_px_or_2000_px_in_large_sets_are_refused() {
    let dir = tempdir("big-pixels");
    let tall = write(&dir, "tall.png", &png_header(100, 8001));
    refused(
        &["vision", &tall],
        &["tall.png: image is 100x8001 px", "8000 px", "--resize"],
    );
    let edge = write(&dir, "edge.png", &png_header(8000, 100));
    let server = ok_server();
    claude_at(&server)
        .args(["vision", &edge])
        .assert()
        .success();

    // 21 images: each at most 2000 px a side.
    let wide = write(&dir, "wide.png", &png_header(2001, 10));
    let small = write(&dir, "small.png", &png_header(2000, 10));
    let mut args = vec!["vision".to_owned()];
    args.extend(std::iter::repeat_n(small.clone(), 20));
    args.push(wide);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(
        &args,
        &[
            "wide.png: image is 2001x10 px",
            "more than 20 images (21 here)",
        ],
    );
}

#[test]
fn more_than_100_images_are_refused() {
    let red = image_path("red.png");
    let mut args = vec!["ask", "count them"];
    for _ in 0..101 {
        args.extend(["-f", red.as_str()]);
    }
    refused(&args, &["101 images", "100"]);
}

fn pdf_with_pages(pages: usize) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n1 0 obj <</Type /Pages /Count 0>> endobj\n".to_vec();
    for i in 0..pages {
        pdf.extend(format!("{} 0 obj <</Type /Page /Parent 1 0 R>> endobj\n", i + 2).as_bytes());
    }
    pdf.extend(b"%%EOF\n");
    pdf
}

#[test]
fn pdfs_over_the_page_limit_of_the_model_are_refused() {
    let dir = tempdir("pdf-pages");
    let long = write(&dir, "long.pdf", &pdf_with_pages(601));
    refused(
        &["ask", "-f", &long, "summarize"],
        &["long.pdf: 601 PDF pages", "600"],
    );
    // 200k-context models take 100 pages.
    let medium = write(&dir, "medium.pdf", &pdf_with_pages(101));
    refused(
        &["ask", "-m", "haiku", "-f", &medium, "summarize"],
        &["medium.pdf: 101 PDF pages", "limit of 100"],
    );
    let server = ok_server();
    claude_at(&server)
        .args(["ask", "-m", "opus", "-f", &medium, "summarize"])
        .assert()
        .success();
}

#[test]
fn a_request_over_32_mb_in_base64_is_refused() {
    let dir = tempdir("pdf-bytes");
    let mut pdf = pdf_with_pages(1);
    // 25 MiB + 1 byte is 33,554,436 bytes in base64.
    pdf.resize(25 * 1024 * 1024 + 1, b' ');
    let path = write(&dir, "scan.pdf", &pdf);
    refused(&["ask", "-f", &path, "summarize"], &["32 MB", "33554432"]);
}

#[test]
fn unsupported_formats_are_named_with_the_accepted_list() {
    let dir = tempdir("unsupported");
    let mut bmp = b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0".to_vec();
    bmp.resize(70, 0);
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("scan.bmp", bmp, "BMP"),
        ("scan.tiff", b"II*\0\x08\0\0\0\0\0".to_vec(), "TIFF"),
        (
            "IMG_1.heic",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            "HEIC",
        ),
        (
            "logo.svg",
            b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".to_vec(),
            "SVG",
        ),
    ];
    for (name, bytes, format) in cases {
        let path = write(&dir, name, &bytes);
        let named = format!("{name}: {format} is not a format the API accepts");
        let accepted = "PNG, JPEG, GIF and WebP images, and PDF documents";
        refused(&["vision", &path], &[&named, accepted]);
        refused(&["ask", "-f", &path, "what is it?"], &[&named, accepted]);
    }
}

#[test]
fn text_that_mentions_a_pdf_header_stays_text() {
    let dir = tempdir("mentions-pdf");
    let notes = write(
        &dir,
        "notes.txt",
        b"A PDF starts with %PDF-1.7 and a binary comment.\n",
    );
    let server = ok_server();
    claude_at(&server)
        .args(["ask", "-f", &notes, "true?"])
        .assert()
        .success();
    assert_eq!(
        shapes(&sent_content(&server.single_request())),
        ["text", "text"]
    );
}

#[test]
fn encrypted_pdfs_are_refused() {
    let dir = tempdir("encrypted");
    let mut pdf = pdf_with_pages(1);
    pdf.extend(b"trailer <</Root 1 0 R /Encrypt 9 0 R>>\n");
    let path = write(&dir, "secret.pdf", &pdf);
    refused(
        &["ask", "-f", &path, "summarize"],
        &["secret.pdf: the PDF is encrypted"],
    );
}

#[test]
fn files_over_the_request_limit_are_refused_without_reading_them_whole() {
    let dir = tempdir("huge-file");
    let path = dir.join("huge.log");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: 40 MB on paper, nothing on disk.
    file.set_len(40 * 1024 * 1024).unwrap();
    refused(
        &["ask", "-f", path.to_str().unwrap(), "errors?"],
        &["huge.log: the file is over the API's 32 MB request limit"],
    );
}

#[test]
fn vision_on_a_pdf_asks_about_a_document() {
    let server = ok_server();
    claude_at(&server)
        .args(["vision", &image_path("one-page.pdf")])
        .assert()
        .success();
    let content = sent_content(&server.single_request());
    assert_eq!(shapes(&content), ["document:application/pdf", "text"]);
    assert_eq!(content[1]["text"], json!("Describe this document."));

    // An image and a PDF: the question names both, as vision --help says.
    let server = ok_server();
    claude_at(&server)
        .args([
            "vision",
            &image_path("red.png"),
            &image_path("one-page.pdf"),
        ])
        .assert()
        .success();
    let content = sent_content(&server.single_request());
    assert_eq!(
        content[2]["text"],
        json!("Describe these images and documents.")
    );
    let output = claude().args(["vision", "--help"]).output().unwrap();
    let help = stdout(&output)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        help.contains("\"Describe these images and documents.\" for both"),
        "{help}"
    );
}

#[test]
fn empty_and_unreadable_files_are_refused() {
    let dir = tempdir("unreadable");
    let empty = write(&dir, "empty.png", b"");
    refused(&["vision", &empty], &["empty.png: the file is empty"]);
    refused(
        &["ask", "-f", &empty, "x"],
        &["empty.png: the file is empty"],
    );
    let missing = dir.join("missing.jpg");
    refused(
        &["vision", missing.to_str().unwrap()],
        &["missing.jpg: no such file"],
    );
    refused(&["vision", dir.to_str().unwrap()], &["is a directory"]);
}

/// blue.jpg with a stray byte before its frame header, which now says
/// 20000x20000: decoders skip the byte and would decode 400 megapixels.
fn jpeg_bomb() -> Vec<u8> {
    let mut jpeg = std::fs::read(image_path("blue.jpg")).unwrap();
    let sof = jpeg.windows(2).position(|w| w == [0xff, 0xc0]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0x4e, 0x20, 0x4e, 0x20]);
    jpeg.insert(sof, 0x00);
    jpeg
}

#[test]
fn a_jpeg_hiding_its_size_behind_a_stray_byte_is_refused() {
    let dir = tempdir("jpeg-bomb");
    let path = write(&dir, "bomb.jpg", &jpeg_bomb());
    refused(
        &["vision", &path],
        &["bomb.jpg: image is 20000x20000 px", "8000 px"],
    );
    refused(
        &["ask", "-f", &path, "what is it?"],
        &["bomb.jpg: image is 20000x20000 px"],
    );
    #[cfg(feature = "resize")]
    refused(
        &["vision", "--resize", &path],
        &["bomb.jpg: at 20000x20000 px the image is too large for --resize"],
    );
}

#[cfg(feature = "resize")]
mod resize {
    use super::*;
    use image::{DynamicImage, ImageFormat, RgbImage};

    fn gradient(width: u32, height: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        }))
    }

    fn encoded(picture: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        picture.write_to(&mut bytes, format).unwrap();
        bytes.into_inner()
    }

    /// The image the server received, decoded.
    fn sent_image(server: &FakeServer) -> (String, DynamicImage) {
        use base64::Engine;
        let content = sent_content(&server.single_request());
        let source = &content[0]["source"];
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(source["data"].as_str().unwrap())
            .unwrap();
        let media_type = source["media_type"].as_str().unwrap().to_owned();
        (media_type, image::load_from_memory(&bytes).unwrap())
    }

    #[test]
    fn resize_shrinks_the_long_edge_to_1568_px() {
        let dir = tempdir("resize-edge");
        let path = write(
            &dir,
            "wide.png",
            &encoded(&gradient(9000, 300), ImageFormat::Png),
        );
        refused(&["vision", &path], &["9000x300", "--resize"]);
        let server = ok_server();
        claude_at(&server)
            .args(["vision", "--resize", &path])
            .assert()
            .success();
        let (media_type, picture) = sent_image(&server);
        assert_eq!(media_type, "image/png");
        assert_eq!((picture.width(), picture.height()), (1568, 52));
    }

    #[test]
    fn resize_brings_a_large_photo_under_the_byte_limit() {
        let dir = tempdir("resize-bytes");
        // Noise does not compress: a 2400x1800 JPEG at quality 100 is far
        // over 3.75 MB, like a phone photo.
        let mut state = 0x9e37_79b9_u32;
        let noise = DynamicImage::ImageRgb8(RgbImage::from_fn(2400, 1800, |_, _| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let [r, g, b, _] = state.to_le_bytes();
            image::Rgb([r, g, b])
        }));
        let mut jpeg = Vec::new();
        noise
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut jpeg, 100,
            ))
            .unwrap();
        assert!(jpeg.len() > 3_932_160, "{} bytes", jpeg.len());
        let path = write(&dir, "IMG_0001.JPG", &jpeg);
        refused(
            &["vision", &path],
            &["image exceeds 5 MB maximum", "--resize"],
        );

        let server = ok_server();
        claude_at(&server)
            .args(["vision", "--resize", &path])
            .assert()
            .success();
        let request = server.single_request();
        let data = sent_content(&request)[0]["source"]["data"]
            .as_str()
            .unwrap()
            .len();
        assert!(data <= 5_242_880, "{data}");
        let (media_type, picture) = sent_image(&server);
        assert_eq!(media_type, "image/jpeg");
        assert_eq!((picture.width(), picture.height()), (1568, 1176));
    }

    #[test]
    fn small_images_are_sent_unchanged_with_resize() {
        let server = ok_server();
        claude_at(&server)
            .args(["vision", "--resize", &image_path("red.png")])
            .assert()
            .success();
        use base64::Engine;
        let sent = sent_content(&server.single_request())[0]["source"]["data"].clone();
        let original = std::fs::read(image_path("red.png")).unwrap();
        assert_eq!(
            sent,
            json!(base64::engine::general_purpose::STANDARD.encode(original))
        );
    }
}

#[test]
fn dry_run_shows_images_without_sending() {
    let server = FakeServer::start();
    let output = claude_at(&server)
        .args(["vision", "--dry-run", &image_path("red.png")])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let body: Value = serde_json::from_str(stdout(&output).lines().last().unwrap()).unwrap();
    assert_eq!(
        shapes(&body["messages"][0]["content"]),
        ["image:image/png", "text"]
    );
    assert!(server.requests().is_empty());
}

#[test]
fn cache_with_a_space_is_refused_rather_than_sent_as_the_prompt() {
    refused(&["ask", "--cache", "1h", "hello"], &["--cache=1h"]);
    refused(&["vision", "--cache", "5m", "photo.png"], &["--cache=5m"]);
    let server = ok_server();
    claude_at(&server)
        .args(["ask", "--cache=1h", "hello"])
        .assert()
        .success();
    assert_eq!(
        server.single_request().json()["cache_control"],
        json!({"type": "ephemeral", "ttl": "1h"})
    );
}

#[cfg(feature = "resize")]
#[test]
fn resize_reads_images_over_the_request_limit() {
    let dir = tempdir("resize-huge");
    let mut bytes = png_header(6000, 4000);
    bytes.resize(33 * 1024 * 1024, 0);
    let path = write(&dir, "scan.png", &bytes);
    refused(
        &["vision", &path],
        &["scan.png: the file is over the API's 32 MB request limit"],
    );
    // With --resize it is read, and fails only because it is not a real PNG.
    refused(
        &["vision", "--resize", &path],
        &["scan.png: cannot decode the image to resize it"],
    );
}
