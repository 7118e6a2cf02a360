//! The API's limits on images and documents, checked before anything is
//! sent so that a breach costs no round trip and names the file.
//! Figures: shared/api-facts.md, "Image / PDF limits" (vision and PDF
//! support pages of the API docs). Files sent through the Files API
//! (`--upload`) are not in the body, so the base64 limits do not apply to
//! them; the Files API's 500 MB does (see `local`).

use super::LocalFile;
use super::attach::{Attachment, Named};
use super::media;
use crate::error::Error;

/// Largest base64 payload of one image: "5 MB", as the API counts it.
pub const MAX_IMAGE_BASE64: usize = 5_242_880;
/// Longest side of an image.
pub const MAX_IMAGE_SIDE: u32 = 8000;
/// Longest side when a request carries more than [`MANY_IMAGES`] images.
pub const MAX_IMAGE_SIDE_MANY: u32 = 2000;
pub const MANY_IMAGES: usize = 20;
/// Images in one request.
pub const MAX_IMAGES: usize = 100;
/// Largest request body: 32 MB. `max_request_bytes` in the config file
/// replaces it for a gateway that accepts more.
pub const MAX_REQUEST_BYTES: usize = 32 * 1024 * 1024;
/// Pages of PDF in one request, and the lower figure for models with a
/// 200k-token context window.
pub const MAX_PDF_PAGES: usize = 600;
pub const MAX_PDF_PAGES_200K: usize = 100;

/// What `--resize` suggests, for errors it would fix.
const RESIZE_HINT: &str = "pass --resize to shrink it";

/// The request size limit in words, for errors: the API's, or the one the
/// config file set.
pub fn request_limit_text(limit: usize) -> String {
    if limit == MAX_REQUEST_BYTES {
        format!("the API's 32 MB request limit ({MAX_REQUEST_BYTES} bytes)")
    } else {
        format!("the request limit of {limit} bytes (max_request_bytes in the config file)")
    }
}

/// Checks every limit that can be known before sending. `max_request_bytes`
/// is the request size limit in effect.
pub fn check(items: &[Named], max_pdf_pages: usize, max_request_bytes: usize) -> Result<(), Error> {
    let images = items
        .iter()
        .filter(|item| {
            matches!(
                item.attachment,
                Attachment::Image(_)
                    | Attachment::Upload(LocalFile {
                        kind: media::Kind::Image(_),
                        ..
                    })
                    | Attachment::Url {
                        kind: super::UrlKind::Image,
                        ..
                    }
            )
        })
        .count();
    if images > MAX_IMAGES {
        return Err(Error::Usage(format!(
            "{images} images, more than the {MAX_IMAGES} the API accepts in one request"
        )));
    }
    let max_side = if images > MANY_IMAGES {
        MAX_IMAGE_SIDE_MANY
    } else {
        MAX_IMAGE_SIDE
    };

    let mut pages = 0;
    let mut media_bytes = 0usize;
    let mut carries_media = false;
    let mut media_names = Vec::new();
    for Named { name, attachment } in items {
        match attachment {
            Attachment::Image(image) => {
                carries_media = true;
                media_names.push(name.as_str());
                let encoded = media::base64_len(image.data.len());
                media_bytes = media_bytes.saturating_add(encoded);
                if encoded > MAX_IMAGE_BASE64 {
                    return Err(Error::Usage(format!(
                        "{name}: image exceeds 5 MB maximum: {encoded} bytes > \
                         {MAX_IMAGE_BASE64} bytes (the API counts the base64 form, 4/3 of the \
                         file); {RESIZE_HINT}"
                    )));
                }
                if let Some((width, height)) = image.size
                    && width.max(height) > max_side
                {
                    let why = if max_side == MAX_IMAGE_SIDE {
                        String::new()
                    } else {
                        format!(
                            " when a request carries more than {MANY_IMAGES} images ({images} here)"
                        )
                    };
                    return Err(Error::Usage(format!(
                        "{name}: image is {width}x{height} px; the API accepts at most \
                         {max_side} px per side{why}; {RESIZE_HINT}"
                    )));
                }
            }
            Attachment::Pdf { data, pages: count } => {
                carries_media = true;
                media_names.push(name.as_str());
                media_bytes = media_bytes.saturating_add(media::base64_len(data.len()));
                pages += count.unwrap_or(0);
                if pages > max_pdf_pages {
                    return Err(Error::Usage(format!(
                        "{name}: {pages} PDF pages in this request, over the API's limit of \
                         {max_pdf_pages} for this model; split the PDF"
                    )));
                }
            }
            Attachment::Text(text) | Attachment::TextDocument(text) => {
                media_bytes = media_bytes.saturating_add(text.len())
            }
            // Stored files are not in the body: only their sides are known
            // and checked here; the Files API's own limits apply.
            Attachment::Upload(file) => {
                if let Some((width, height)) = file.dimensions
                    && width.max(height) > max_side
                {
                    return Err(Error::Usage(format!(
                        "{name}: image is {width}x{height} px; the API accepts at most \
                         {max_side} px per side"
                    )));
                }
            }
            Attachment::Url { .. } | Attachment::Stored(_) => {}
        }
    }
    // Text alone is left to the server: only files we encode are weighed.
    if carries_media && media_bytes > max_request_bytes {
        let subject = match media_names.as_slice() {
            [one] => format!("{one}: the request"),
            _ => "the request".to_owned(),
        };
        return Err(Error::Usage(format!(
            "{subject} would be over {media_bytes} bytes with its images and PDFs in base64, \
             more than {}; send fewer or smaller files",
            request_limit_text(max_request_bytes)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::attach::Image;
    use crate::input::media::ImageFormat;
    use bytes::Bytes;

    fn image(name: &str, bytes: usize, size: (u32, u32)) -> Named {
        Named {
            name: name.into(),
            attachment: Attachment::Image(Image {
                format: ImageFormat::Png,
                data: Bytes::from(vec![0u8; bytes]),
                size: Some(size),
            }),
        }
    }

    #[test]
    fn image_size_is_measured_in_base64() {
        // 3,932,160 bytes encode to exactly 5,242,880.
        assert!(
            check(
                &[image("a.png", 3_932_160, (10, 10))],
                600,
                MAX_REQUEST_BYTES
            )
            .is_ok()
        );
        let error = check(
            &[image("a.png", 3_932_161, (10, 10))],
            600,
            MAX_REQUEST_BYTES,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            "a.png: image exceeds 5 MB maximum: 5242884 bytes > 5242880 bytes (the API counts \
             the base64 form, 4/3 of the file); pass --resize to shrink it"
        );
    }

    #[test]
    fn sides_are_capped_lower_for_many_images() {
        assert!(check(&[image("big.png", 10, (8000, 10))], 600, MAX_REQUEST_BYTES).is_ok());
        let error = check(&[image("big.png", 10, (10, 8001))], 600, MAX_REQUEST_BYTES).unwrap_err();
        assert!(error.to_string().contains("8000 px"), "{error}");
        let mut many: Vec<Named> = (0..21)
            .map(|i| image(&format!("{i}.png"), 10, (2000, 10)))
            .collect();
        assert!(check(&many, 600, MAX_REQUEST_BYTES).is_ok());
        many.push(image("wide.png", 10, (2001, 10)));
        let error = check(&many, 600, MAX_REQUEST_BYTES)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("wide.png") && error.contains("22 here"),
            "{error}"
        );
    }

    #[test]
    fn image_count_and_pdf_pages_are_capped() {
        let many: Vec<Named> = (0..101)
            .map(|i| image(&format!("{i}.png"), 1, (1, 1)))
            .collect();
        assert!(
            check(&many, 600, MAX_REQUEST_BYTES)
                .unwrap_err()
                .to_string()
                .starts_with("101 images")
        );
        let pdf = |pages| Named {
            name: "doc.pdf".into(),
            attachment: Attachment::Pdf {
                data: Bytes::from_static(b"%PDF-"),
                pages: Some(pages),
            },
        };
        assert!(check(&[pdf(100)], 100, MAX_REQUEST_BYTES).is_ok());
        let error = check(&[pdf(60), pdf(41)], 100, MAX_REQUEST_BYTES)
            .unwrap_err()
            .to_string();
        assert!(error.contains("101 PDF pages"), "{error}");
    }
}
