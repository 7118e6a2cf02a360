//! `--resize`: shrinks an image whose long edge is over the size the vision
//! docs recommend (1568 px; the API would downscale it anyway, after
//! charging the upload), and re-encodes any image whose base64 form is over
//! the API's limit until it fits.

use std::io::Cursor;

use bytes::Bytes;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView};

use super::attach::Image;
use super::limits::MAX_IMAGE_BASE64;
use super::media::{self, ImageFormat};
use crate::error::Error;

/// The long edge `--resize` aims for.
pub const TARGET_LONG_EDGE: u32 = 1568;

/// JPEG qualities tried in turn until the image fits.
const JPEG_QUALITIES: [u8; 4] = [85, 75, 60, 45];

/// A smaller image, or `None` when this one is already within the target.
pub fn shrink(name: &str, image: &Image) -> Result<Option<Image>, Error> {
    let fits = media::base64_len(image.data.len()) <= MAX_IMAGE_BASE64;
    let small = image
        .size
        .is_some_and(|(w, h)| w.max(h) <= TARGET_LONG_EDGE);
    if fits && small {
        return Ok(None);
    }
    let decoded = image::load_from_memory_with_format(&image.data, codec_format(image.format))
        .map_err(|e| {
            Error::Usage(format!(
                "{name}: cannot decode the image to resize it ({e})"
            ))
        })?;
    let mut picture = fit_within(decoded, TARGET_LONG_EDGE);
    loop {
        if let Some(image) = encode(&picture, image.format)? {
            return Ok(Some(image));
        }
        // Even the lowest quality is too big: take a quarter off each side.
        let (width, height) = picture.dimensions();
        if width.max(height) <= 64 {
            return Err(Error::Usage(format!(
                "{name}: cannot re-encode the image under the 5 MB limit"
            )));
        }
        picture = fit_within(picture, width.max(height) * 3 / 4);
    }
}

fn codec_format(format: ImageFormat) -> image::ImageFormat {
    match format {
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Gif => image::ImageFormat::Gif,
        ImageFormat::Webp => image::ImageFormat::WebP,
    }
}

fn fit_within(picture: DynamicImage, long_edge: u32) -> DynamicImage {
    let (width, height) = picture.dimensions();
    if width.max(height) <= long_edge {
        return picture;
    }
    picture.resize(long_edge, long_edge, FilterType::Lanczos3)
}

/// Encodes as PNG where the source was lossless (PNG, GIF) or has
/// transparency, as JPEG otherwise or when a PNG is too big; `None` when no
/// encoding fits.
fn encode(picture: &DynamicImage, original: ImageFormat) -> Result<Option<Image>, Error> {
    let alpha = picture.color().has_alpha();
    if alpha || matches!(original, ImageFormat::Png | ImageFormat::Gif) {
        let mut png = Vec::new();
        let pixels = if alpha {
            DynamicImage::ImageRgba8(picture.to_rgba8())
        } else {
            DynamicImage::ImageRgb8(picture.to_rgb8())
        };
        pixels
            .write_with_encoder(PngEncoder::new(&mut png))
            .map_err(encode_error)?;
        if let Some(image) = fitting(ImageFormat::Png, png) {
            return Ok(Some(image));
        }
        if alpha {
            return Ok(None);
        }
    }
    let rgb = DynamicImage::ImageRgb8(picture.to_rgb8());
    for quality in JPEG_QUALITIES {
        let mut jpeg = Cursor::new(Vec::new());
        rgb.write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, quality))
            .map_err(encode_error)?;
        if let Some(image) = fitting(ImageFormat::Jpeg, jpeg.into_inner()) {
            return Ok(Some(image));
        }
    }
    Ok(None)
}

fn fitting(format: ImageFormat, bytes: Vec<u8>) -> Option<Image> {
    (media::base64_len(bytes.len()) <= MAX_IMAGE_BASE64)
        .then(|| Image::from_bytes(format, Bytes::from(bytes)))
}

fn encode_error(error: image::ImageError) -> Error {
    Error::Internal(anyhow::anyhow!(
        "re-encoding a resized image failed: {error}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    /// Noise compresses badly, like a photo's fine detail.
    fn noisy(width: u32, height: u32) -> DynamicImage {
        let mut state = 0x2545_f491_u32;
        DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |_, _| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let [r, g, b, _] = state.to_le_bytes();
            Rgb([r, g, b])
        }))
    }

    fn png_of(picture: &DynamicImage) -> Image {
        let mut png = Vec::new();
        picture
            .write_with_encoder(PngEncoder::new(&mut png))
            .unwrap();
        Image::from_bytes(ImageFormat::Png, Bytes::from(png))
    }

    #[test]
    fn small_images_are_left_alone() {
        assert_eq!(shrink("a.png", &png_of(&noisy(100, 80))).unwrap(), None);
    }

    #[test]
    fn large_images_shrink_to_the_long_edge_and_keep_their_aspect() {
        let resized = shrink("wide.png", &png_of(&noisy(3200, 1600)))
            .unwrap()
            .unwrap();
        assert_eq!(resized.size, Some((1568, 784)));
        assert!(media::base64_len(resized.data.len()) <= MAX_IMAGE_BASE64);
    }

    #[test]
    fn an_oversized_small_image_is_re_encoded_to_fit() {
        // 1500x1500 noise is about 6.75 MB as PNG: over the limit, within the edge.
        let image = png_of(&noisy(1500, 1500));
        assert!(media::base64_len(image.data.len()) > MAX_IMAGE_BASE64);
        let resized = shrink("noise.png", &image).unwrap().unwrap();
        assert_eq!(resized.format, ImageFormat::Jpeg);
        assert_eq!(resized.size, Some((1500, 1500)));
        assert!(media::base64_len(resized.data.len()) <= MAX_IMAGE_BASE64);
    }

    #[test]
    fn undecodable_images_are_named() {
        let broken = Image::from_bytes(
            ImageFormat::Png,
            Bytes::from_static(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x27\x10\0\0\0\x01"),
        );
        let error = shrink("broken.png", &broken).unwrap_err().to_string();
        assert!(error.starts_with("broken.png: cannot decode"), "{error}");
    }
}
