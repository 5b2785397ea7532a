//! Generated documents: QR codes and the printable payment slip.
//!
//! Everything here is a pure function — text and structured data in, bytes out. There is no
//! file or network I/O at run time: the fonts used for the PDF (DejaVu Sans, see
//! `assets/fonts/README.md`) are compiled into the binary.
//!
//! - [`qr`] renders a QR code (EC level M, UTF-8 byte mode) as SVG or PNG.
//! - [`slip`] lays out the Serbian payment order ("nalog za uplatu") as an A4 PDF with the
//!   NBS IPS QR code drawn as vector squares.

pub mod qr;
pub mod slip;

pub use qr::{qr_png, qr_svg};
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
