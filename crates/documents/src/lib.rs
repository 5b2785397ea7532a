//! eForeigner's generated documents: QR codes, the printable payment slip and the
//! confirmation of request receipt.
//!
//! Everything here is a pure function — text and structured data in, bytes out. There is no
//! file or network I/O at run time: the fonts used for the PDF (DejaVu Sans, see
//! `assets/fonts/README.md`) are compiled into the binary.
//!
//! - [`qr`] renders a QR code (EC level M, UTF-8 byte mode) as SVG or PNG.
//! - [`slip`] lays out the Serbian payment order ("nalog za uplatu") as an A4 PDF with the
//!   NBS IPS QR code drawn as vector squares.
//! - [`receipt`] lays out the confirmation of request receipt (the applicant's proof of
//!   lawful stay while the case is pending) as an A4 PDF with a verification QR code, drawn
//!   with the same fonts and primitives as the slip.

pub mod qr;
pub mod receipt;
pub mod slip;

pub use qr::{qr_png, qr_svg};
pub use receipt::{ReceiptData, ReceiptLabels, receipt_pdf};
pub use slip::{SlipData, SlipLabels, payment_slip_pdf};

/// Errors of the [`documents`](self) module.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The text for a QR code is empty.
    #[error("the QR code text is empty")]
    EmptyQrText,
    /// The text does not fit in the largest QR code (version 40) at error-correction level M.
    #[error("the QR code text is too long ({len} bytes)")]
    QrTextTooLong {
        /// Length of the text in UTF-8 bytes.
        len: usize,
    },
    /// The QR encoder failed.
    #[error("QR encoding failed: {0}")]
    Qr(#[from] qrcode::types::QrError),
    /// The PNG scale is outside `1..=`[`qr::MAX_PNG_SCALE`].
    #[error("PNG scale {0} is outside 1..={max}", max = qr::MAX_PNG_SCALE)]
    InvalidScale(u32),
    /// The PNG encoder failed.
    #[error("PNG encoding failed: {0}")]
    Png(#[from] png::EncodingError),
    /// A character has no glyph in the embedded font, so it could not be printed.
    #[error("the character {character:?} in the {field} field cannot be printed")]
    UnsupportedCharacter {
        /// The field (or label) the character is in.
        field: &'static str,
        /// The character.
        character: char,
    },
    /// A field does not fit in its box even at the smallest allowed font size.
    #[error("the {field} field is too long to fit on the payment slip")]
    TextTooLong {
        /// The field (or label) that overflows.
        field: &'static str,
    },
    /// An embedded font could not be loaded (a build defect, not an input error).
    #[error("the embedded font could not be loaded")]
    Font,
    /// The PDF could not be laid out or written.
    #[error("PDF generation failed: {0}")]
    Pdf(String),
}

/// Test helpers that read generated PDFs back with poppler-utils (`pdftotext`, `pdftoppm`) and
/// zbar-tools (`zbarimg`).
///
/// Without the tools the checks are skipped with a note, unless `EFOREIGNER_REQUIRE_TOOLS` is
/// set (as CI does), in which case the test fails.
#[cfg(test)]
pub(crate) mod test_tools {
    use std::io::Write;
    use std::path::Path;
    use std::process::{Command, Stdio};

    /// Whether all of `tools` can be run. When one cannot, prints a note and returns `false`,
    /// or fails the test when `EFOREIGNER_REQUIRE_TOOLS` is set.
    pub(crate) fn available(tools: &[&str]) -> bool {
        let missing: Vec<&str> = tools
            .iter()
            .copied()
            .filter(|tool| Command::new(tool).arg("-v").output().is_err())
            .collect();
        if missing.is_empty() {
            return true;
        }
        assert!(
            std::env::var_os("EFOREIGNER_REQUIRE_TOOLS").is_none(),
            "a decoding tool ({missing:?}) is missing but EFOREIGNER_REQUIRE_TOOLS is set (CI)"
        );
        eprintln!(
            "note: {missing:?} not found (apt-get install poppler-utils zbar-tools); skipping"
        );
        false
    }

    /// The text of the PDF by `pdftotext` (pages end with a form feed), or `None` when
    /// poppler-utils is not installed (see [`available`]).
    pub(crate) fn pdftotext(pdf: &[u8]) -> Option<String> {
        if !available(&["pdftotext"]) {
            return None;
        }
        let mut child = Command::new("pdftotext")
            .args(["-enc", "UTF-8", "-", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(pdf).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "pdftotext failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(String::from_utf8(out.stdout).unwrap())
    }

    /// Renders page `page` (from 1) of the PDF at 150 dpi with `pdftoppm` and returns what
    /// `zbarimg` decodes from it, or `None` when a tool is not installed (see [`available`]).
    pub(crate) fn scan_qr(pdf: &[u8], page: usize) -> Option<String> {
        if !available(&["pdftoppm", "zbarimg"]) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let pdf_path = dir.path().join("document.pdf");
        std::fs::write(&pdf_path, pdf).unwrap();
        let prefix = dir.path().join("page");
        let page = page.to_string();
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "150", "-singlefile", "-f", &page, "-l", &page])
            .arg(&pdf_path)
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(status.success(), "pdftoppm failed");
        Some(zbarimg(&prefix.with_extension("png")))
    }

    /// The raw text of the code(s) `zbarimg` finds in an image, without the final newline.
    fn zbarimg(image: &Path) -> String {
        let out = Command::new("zbarimg")
            .args(["--raw", "-q"])
            .arg(image)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "zbarimg found no code: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .trim_end_matches('\n')
            .to_owned()
    }
}
