//! QR codes from a text, as SVG or PNG.
//!
//! The whole text is encoded as one UTF-8 byte-mode segment (no ECI header, as the NBS IPS QR
//! rules expect for the payment string, which may contain Cyrillic) at error-correction level M
//! — the minimum those rules allow — in the smallest QR version (1–40) that holds it. Both
//! renderings are black on white with the standard quiet zone of [`QUIET_ZONE`] modules.
//!
//! The PNG is encoded here from the module matrix with the `png` crate (8-bit grayscale), so
//! the `image` crate is not needed.

use qrcode::bits::Bits;
use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode, Version};

use super::DocumentError;

/// Width of the light border around the code, in modules (the QR standard's minimum).
pub const QUIET_ZONE: usize = 4;

/// The largest accepted `scale` of [`qr_png`]: a version-40 code is then 5,920 px square.
pub const MAX_PNG_SCALE: u32 = 32;

/// Size of one module in the SVG's user units (the SVG scales freely through its `viewBox`).
const SVG_MODULE_SIZE: u32 = 4;

/// The error-correction level of every code made here (NBS IPS QR rules: at least M).
const EC_LEVEL: EcLevel = EcLevel::M;

/// The modules of a QR code without its quiet zone: `width` × `width`, row by row,
/// `true` for dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Modules {
    /// Number of modules on each side.
    pub(crate) width: usize,
    /// Row-major, `width * width` entries; `true` is a dark module.
    pub(crate) dark: Vec<bool>,
}

impl Modules {
    /// Whether the module at column `x`, row `y` is dark.
    pub(crate) fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// Encodes `text` as a single byte-mode segment in the smallest version that fits.
fn encode(text: &str) -> Result<QrCode, DocumentError> {
    let data = text.as_bytes();
    if data.is_empty() {
        return Err(DocumentError::EmptyQrText);
    }
    for version in 1..=40 {
        let mut bits = Bits::new(Version::Normal(version));
        // Both calls fail only with `DataTooLong` for this version: try the next one.
        if bits.push_byte_data(data).is_err() || bits.push_terminator(EC_LEVEL).is_err() {
            continue;
        }
        return Ok(QrCode::with_bits(bits, EC_LEVEL)?);
    }
    Err(DocumentError::QrTextTooLong { len: data.len() })
}

/// The module matrix of the QR code for `text` (used by the PDF, which draws it as vectors).
pub(crate) fn modules(text: &str) -> Result<Modules, DocumentError> {
    let code = encode(text)?;
    let width = code.width();
    let dark = code
        .into_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok(Modules { width, dark })
}

/// Renders `text` as a standalone SVG document (with `width`, `height` and `viewBox`),
/// black modules on a white background including the quiet zone.
///
/// # Errors
///
/// [`DocumentError::EmptyQrText`] for an empty text, [`DocumentError::QrTextTooLong`] when it
/// does not fit in a version-40 code.
pub fn qr_svg(text: &str) -> Result<String, DocumentError> {
    let code = encode(text)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(SVG_MODULE_SIZE, SVG_MODULE_SIZE)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// Renders `text` as a PNG: 8-bit grayscale, black on white, a quiet zone of [`QUIET_ZONE`]
/// modules, each module `scale` × `scale` pixels.
///
/// # Errors
///
/// [`DocumentError::InvalidScale`] unless `1 <= scale <= MAX_PNG_SCALE`; the errors of
/// [`qr_svg`]; [`DocumentError::Png`] if encoding fails.
pub fn qr_png(text: &str, scale: u32) -> Result<Vec<u8>, DocumentError> {
    if !(1..=MAX_PNG_SCALE).contains(&scale) {
        return Err(DocumentError::InvalidScale(scale));
    }
    let modules = modules(text)?;
    let scale_px = usize::try_from(scale).map_err(|_| DocumentError::InvalidScale(scale))?;
    let side_modules = modules.width + 2 * QUIET_ZONE;
    let side = side_modules * scale_px;

    let mut pixels = vec![0xFF_u8; side * side];
    for (py, row) in pixels.chunks_exact_mut(side).enumerate() {
        let my = py / scale_px;
        for (px, pixel) in row.iter_mut().enumerate() {
            let mx = px / scale_px;
            let inside = (QUIET_ZONE..QUIET_ZONE + modules.width).contains(&mx)
                && (QUIET_ZONE..QUIET_ZONE + modules.width).contains(&my);
            if inside && modules.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE) {
                *pixel = 0x00;
            }
        }
    }

    // `side` is at most (177 + 8) * MAX_PNG_SCALE, far below u32::MAX.
    let side_u32 = u32::try_from(side).map_err(|_| DocumentError::InvalidScale(scale))?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side_u32, side_u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;
    use std::process::Command;

    use super::*;

    const IPS_TEXT: &str = "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD22230,00|P:Ана Петровић|SF:253|S:Taksa za privremeni boravak|RO:9714123412";

    /// Decodes a PNG with the `png` crate: (width, height, color type, bit depth, pixels).
    fn decode(png_bytes: &[u8]) -> (u32, u32, png::ColorType, png::BitDepth, Vec<u8>) {
        let decoder = png::Decoder::new(Cursor::new(png_bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (
            info.width,
            info.height,
            info.color_type,
            info.bit_depth,
            buf,
        )
    }

    fn zbarimg_available() -> bool {
        Command::new("zbarimg")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    #[test]
    fn png_is_a_square_black_and_white_grayscale_image_of_the_expected_size() {
        let scale = 3;
        let bytes = qr_png(IPS_TEXT, scale).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG signature");

        let modules = modules(IPS_TEXT).unwrap();
        let expected_side = u32::try_from((modules.width + 2 * QUIET_ZONE) * 3).unwrap();
        let (w, h, color, depth, pixels) = decode(&bytes);
        assert_eq!((w, h), (expected_side, expected_side));
        assert_eq!(color, png::ColorType::Grayscale);
        assert_eq!(depth, png::BitDepth::Eight);
        assert!(
            pixels.iter().all(|&p| p == 0 || p == 0xFF),
            "only black and white"
        );

        let side = usize::try_from(w).unwrap();
        let quiet = QUIET_ZONE * 3;
        for y in 0..side {
            for x in 0..side {
                let pixel = pixels[y * side + x];
                if x < quiet || y < quiet || x >= side - quiet || y >= side - quiet {
                    assert_eq!(pixel, 0xFF, "quiet zone must be white at ({x}, {y})");
                } else {
                    let dark = modules.is_dark((x - quiet) / 3, (y - quiet) / 3);
                    assert_eq!(pixel == 0, dark, "module mismatch at ({x}, {y})");
                }
            }
        }
        // Top-left finder pattern: its corner module is dark.
        assert_eq!(pixels[quiet * side + quiet], 0);
    }

    #[test]
    fn codes_use_level_m_and_byte_mode() {
        let code = encode(IPS_TEXT).unwrap();
        assert_eq!(code.error_correction_level(), EcLevel::M);
        // 161 UTF-8 bytes in byte mode at level M need version 9 (version 8 holds 152 bytes).
        assert_eq!(IPS_TEXT.len(), 161);
        assert_eq!(code.version(), Version::Normal(9));
        assert_eq!(modules(IPS_TEXT).unwrap().width, 53);
    }

    #[test]
    fn png_decodes_back_to_the_same_text_with_zbarimg() {
        if !zbarimg_available() {
            assert!(
                std::env::var_os("EFOREIGNER_REQUIRE_TOOLS").is_none(),
                "zbarimg is missing but EFOREIGNER_REQUIRE_TOOLS is set (CI)"
            );
            eprintln!(
                "note: zbarimg not found (apt-get install zbar-tools); skipping decode check"
            );
            return;
        }
        let bytes = qr_png(IPS_TEXT, 4).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ips.png");
        std::fs::write(&path, &bytes).unwrap();
        let out = Command::new("zbarimg")
            .args(["--raw", "-q"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "zbarimg failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let decoded = String::from_utf8(out.stdout).unwrap();
        assert_eq!(decoded.trim_end_matches('\n'), IPS_TEXT);
    }

    #[test]
    fn svg_is_a_standalone_sized_image() {
        let svg = qr_svg(IPS_TEXT).unwrap();
        let side = (53 + 2 * QUIET_ZONE) * 4;
        assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
        assert!(svg.contains(&format!(r#"width="{side}" height="{side}""#)));
        assert!(svg.contains(&format!(r#"viewBox="0 0 {side} {side}""#)));
        assert!(svg.contains(r##"fill="#000000""##));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(matches!(qr_svg(""), Err(DocumentError::EmptyQrText)));
        assert!(matches!(
            qr_png("x", 0),
            Err(DocumentError::InvalidScale(0))
        ));
        assert!(matches!(
            qr_png("x", MAX_PNG_SCALE + 1),
            Err(DocumentError::InvalidScale(_))
        ));
        let long = "ж".repeat(2000);
        assert!(matches!(
            qr_svg(&long),
            Err(DocumentError::QrTextTooLong { len: 4000 })
        ));
    }
}
