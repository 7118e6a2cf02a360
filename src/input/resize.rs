//! `--resize`: shrinks an image whose long edge is over the size the vision
//! docs recommend (1568 px; the API would downscale it anyway, after
//! charging the upload), and re-encodes any image whose base64 form is over
//! the API's limit until it fits.

use std::io::Cursor;

use bytes::Bytes;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, GenericImageView, ImageDecoder, ImageReader, Limits};

use super::attach::Image;
use super::limits::MAX_IMAGE_BASE64;
use super::media::{self, ImageFormat};
use crate::api::one_line;
use crate::error::Error;

/// The long edge `--resize` aims for.
pub const TARGET_LONG_EDGE: u32 = 1568;

/// The largest image `--resize` decodes: 50 megapixels is 200 MB of RGBA.
const MAX_PIXELS: u64 = 50_000_000;
/// The longest side it decodes, for images whose header did not say.
const MAX_SIDE: u32 = 20_000;
/// The most the image library may allocate for one decode: 50 megapixels
/// of 16-bit RGBA (8 bytes a pixel), nothing larger.
const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 8;

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
    let decoded = decode(name, image)?;
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

/// Decodes an image the way a viewer shows it (EXIF orientation applied:
/// the orientation tag is not kept in the re-encoded file), within a
/// memory budget. The size is checked three times, as a header can lie to
/// one reader and not another: the size our header walk read, the size the
/// decoder itself found, and the image library's allocation limit.
fn decode(name: &str, image: &Image) -> Result<DynamicImage, Error> {
    if let Some(size) = image.size {
        check_size(name, size)?;
    }
    let failed = |e: image::ImageError| {
        Error::Usage(format!(
            "{name}: cannot decode the image to resize it ({})",
            one_line(&e.to_string())
        ))
    };
    let mut reader =
        ImageReader::with_format(Cursor::new(&image.data[..]), codec_format(image.format));
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(failed)?;
    check_size(name, decoder.dimensions())?;
    // `ImageReader::decode` reserves the pixels against the limit; going
    // through the decoder (for the orientation) must do it by hand.
    limits.reserve(decoder.total_bytes()).map_err(failed)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(failed)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

fn check_size(name: &str, (width, height): (u32, u32)) -> Result<(), Error> {
    if u64::from(width) * u64::from(height) <= MAX_PIXELS {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{name}: at {width}x{height} px the image is too large for --resize (at most {} \
         megapixels); shrink it with an image editor",
        MAX_PIXELS / 1_000_000
    )))
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
    let alpha = has_transparency(picture);
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

/// An alpha channel that is opaque everywhere does not need PNG.
fn has_transparency(picture: &DynamicImage) -> bool {
    if !picture.color().has_alpha() {
        return false;
    }
    match picture.as_rgba8() {
        Some(rgba) => rgba.pixels().any(|p| p.0[3] < 255),
        None => picture.to_rgba8().pixels().any(|p| p.0[3] < 255),
    }
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
    fn opaque_alpha_does_not_force_png() {
        let rgba = DynamicImage::ImageRgba8(noisy(1500, 1500).to_rgba8());
        let resized = shrink("opaque.png", &png_of(&rgba)).unwrap().unwrap();
        assert_eq!(resized.format, ImageFormat::Jpeg);
        assert_eq!(resized.size, Some((1500, 1500)));
    }

    #[test]
    fn exif_orientation_is_applied() {
        // A landscape JPEG whose EXIF says "rotate 90° clockwise" (orientation 6).
        let mut jpeg = Vec::new();
        noisy(2000, 1000)
            .write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, 50))
            .unwrap();
        let exif: &[u8] =
            b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0";
        let mut tagged = jpeg[..2].to_vec();
        tagged.extend([0xff, 0xe1]);
        tagged.extend(((exif.len() + 2) as u16).to_be_bytes());
        tagged.extend(exif);
        tagged.extend(&jpeg[2..]);
        let image = Image::from_bytes(ImageFormat::Jpeg, Bytes::from(tagged));
        let resized = shrink("phone.jpg", &image).unwrap().unwrap();
        assert_eq!(resized.size, Some((784, 1568)));
    }

    #[test]
    fn images_too_large_to_decode_are_refused_by_size() {
        let huge = Image {
            format: ImageFormat::Png,
            data: Bytes::from_static(b"\x89PNG"),
            size: Some((10_000, 10_000)),
        };
        let error = shrink("huge.png", &huge).unwrap_err().to_string();
        assert!(error.contains("too large for --resize"), "{error}");
    }

    /// A small JPEG whose frame header says 20000x20000, behind a stray
    /// byte that decoders skip: decoding it would take 1.2 GB.
    fn jpeg_bomb() -> Vec<u8> {
        let mut jpeg = Vec::new();
        noisy(8, 8)
            .write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, 50))
            .unwrap();
        let sof = jpeg.windows(2).position(|w| w == [0xff, 0xc0]).unwrap();
        jpeg[sof + 5..sof + 9].copy_from_slice(&[0x4e, 0x20, 0x4e, 0x20]);
        jpeg.insert(sof, 0x00);
        jpeg
    }

    #[test]
    fn the_decoder_s_own_size_is_checked_before_decoding() {
        // Even were the header walk fooled, the decoder's size refuses it.
        let lying = Image {
            format: ImageFormat::Jpeg,
            data: Bytes::from(jpeg_bomb()),
            size: Some((8, 8)),
        };
        let error = decode("bomb.jpg", &lying).unwrap_err().to_string();
        assert!(
            error.contains("20000x20000 px the image is too large for --resize"),
            "{error}"
        );
        let unknown = Image {
            size: None,
            ..lying.clone()
        };
        let error = shrink("bomb.jpg", &unknown).unwrap_err().to_string();
        assert!(error.contains("too large for --resize"), "{error}");
        // And the header walk is not fooled.
        assert_eq!(
            Image::from_bytes(ImageFormat::Jpeg, lying.data).size,
            Some((20_000, 20_000))
        );
    }

    #[test]
    fn undecodable_images_are_named() {
        let broken = Image::from_bytes(
            ImageFormat::Png,
            Bytes::from_static(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x27\x10\0\0\0\x01"),
        );
        let error = shrink("broken.png", &broken).unwrap_err().to_string();
        assert!(error.starts_with("broken.png: cannot decode"), "{error}");
        assert!(!error.contains('\n'), "{error}");
    }
}
