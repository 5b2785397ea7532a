//! The payment slip: an A4 PDF laid out like the Serbian payment order ("nalog za uplatu",
//! the bank form "Obrazac 1") with the NBS IPS QR code of the payment.
//!
//! The slip fills the top of the page, framed: on the left the payer ("uplatilac"), purpose
//! ("svrha uplate") and payee ("primalac") boxes; on the right the title, then payment code,
//! currency and amount, the payee account, and model and reference number, with the IPS QR
//! code in the lower right and the "scan to pay" caption beside it. Every printed caption
//! comes from [`SlipLabels`], translated by the caller.
//!
//! # Why krilla
//!
//! The PDF is written with `krilla` (pure Rust, no C dependencies): it shapes text with
//! `rustybuzz`, embeds the fonts as subsets with a `ToUnicode` map — so Serbian Cyrillic,
//! Latin with č ć š ž đ, and Russian are printed with DejaVu Sans and can be extracted back
//! as text — and draws paths, so the QR code is vector squares, not a raster image. It is
//! built with `default-features = false, features = ["simple-text"]`, which leaves out its
//! raster image decoders. `printpdf` would have been the alternative, but its current
//! releases pull in a whole HTML layout engine by default.
//!
//! Text is measured with `skrifa` (the font reader krilla itself uses) to wrap the multi-line
//! boxes and to shrink a value that is too wide; a value that does not fit even at the
//! smallest size, or a character the font has no glyph for, is an error rather than a
//! silently clipped or garbled slip.
//!
//! The fonts, the measuring and wrapping (`Face`), the drawing primitives (text, rules,
//! frames, the vector QR code) and the A4 document writer (`a4_pdf`) are `pub(super)`: the
//! receipt confirmation ([`super::receipt`]) is drawn with the same code.

use krilla::Document;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use eforeigner_rules::text::is_invisible_format;

use super::DocumentError;
use super::qr::{self, Modules, QUIET_ZONE};

/// DejaVu Sans (Bitstream Vera licence, see `assets/fonts/`), for values and captions.
static REGULAR_TTF: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, for the title.
static BOLD_TTF: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// The printed captions of the slip, already translated into the reader's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlipLabels {
    /// Caption of the payer box ("uplatilac").
    pub payer: String,
    /// Caption of the purpose box ("svrha uplate").
    pub purpose: String,
    /// Caption of the payee box ("primalac").
    pub payee: String,
    /// Caption of the payment code box ("šifra plaćanja").
    pub payment_code: String,
    /// Caption of the currency box ("valuta").
    pub currency: String,
    /// Caption of the amount box ("iznos").
    pub amount: String,
    /// Caption of the payee account box ("račun primaoca").
    pub payee_account: String,
    /// Caption over the model and reference boxes ("model i poziv na broj (odobrenje)").
    pub model_and_reference: String,
    /// Caption beside the QR code, e.g. "Scan to pay with your bank's app".
    pub scan_to_pay: String,
}

/// What a payment slip shows. Values are printed as given (format the amount beforehand).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlipData {
    /// Payer's name and address; `\n` separates lines.
    pub payer: String,
    /// Purpose of the payment; `\n` separates lines.
    pub purpose: String,
    /// Payee's name (and address); `\n` separates lines.
    pub payee: String,
    /// Payment code ("šifra plaćanja"), e.g. `"253"`.
    pub payment_code: String,
    /// Currency code, e.g. `"RSD"`.
    pub currency: String,
    /// Amount as printed, e.g. `"22.230,00"`.
    pub amount: String,
    /// Payee account as printed, e.g. `"840-742221843-57"`.
    pub payee_account: String,
    /// Reference model, e.g. `"97"`.
    pub model: String,
    /// Reference number ("poziv na broj"), e.g. `"14-123412"`.
    pub reference: String,
    /// The NBS IPS QR payload (`K:PR|V:01|…`), encoded as the slip's QR code.
    pub qr_text: String,
    /// The title printed on the slip (and the PDF's title), e.g. `"NALOG ZA UPLATU"`.
    pub title: String,
    /// The printed captions.
    pub labels: SlipLabels,
}

// Geometry, in PDF points (1 mm = 2.8346 pt), y growing downwards from the top of the page.
/// A4 width.
pub(super) const PAGE_W: f32 = 595.28;
/// A4 height.
pub(super) const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 28.35;
const SLIP_TOP: f32 = 42.0;
const SLIP_H: f32 = 292.0;
const SLIP_W: f32 = PAGE_W - 2.0 * MARGIN;
const MID: f32 = MARGIN + SLIP_W / 2.0;
/// Inner padding of the frame, horizontally.
const COL_PAD: f32 = 14.0;
const LEFT_X: f32 = MARGIN + COL_PAD;
const LEFT_W: f32 = MID - COL_PAD - LEFT_X;
const RIGHT_X: f32 = MID + COL_PAD;
const RIGHT_W: f32 = MARGIN + SLIP_W - COL_PAD - RIGHT_X;
/// Horizontal gap between boxes on one row.
const GAP: f32 = 6.0;
/// Height of a single-line box.
const LINE_BOX_H: f32 = 24.0;
/// Side of the QR code including its quiet zone.
const QR_SIDE: f32 = 112.0;

/// Padding inside a box.
const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 4.0;
/// Font sizes: values shrink from `VALUE_SIZE` down to `MIN_VALUE_SIZE` to fit.
const VALUE_SIZE: f32 = 10.0;
const MIN_VALUE_SIZE: f32 = 6.5;
const CAPTION_SIZE: f32 = 7.0;
const MIN_CAPTION_SIZE: f32 = 5.0;
const TITLE_SIZE: f32 = 13.0;
const MIN_TITLE_SIZE: f32 = 8.0;
const SCAN_SIZE: f32 = 8.0;
/// Line height, in multiples of the font size.
pub(super) const LEADING: f32 = 1.22;
/// Height of one line of DejaVu Sans from ascender to descender, in multiples of the size.
pub(super) const LINE_EXTENT: f32 = 1.17;
/// DejaVu Sans ascender and cap height, in multiples of the size.
pub(super) const ASCENT: f32 = 0.93;
const CAP_HEIGHT: f32 = 0.73;
/// Widths are measured without kerning; keep this much of a box free to be safe.
pub(super) const FIT_SLACK: f32 = 0.98;

/// Grey level (0 = black) of values.
pub(super) const BLACK: u8 = 0;
/// Grey level of captions.
pub(super) const CAPTION_GREY: u8 = 80;
const RULE_GREY: u8 = 60;

/// One embedded font: the PDF handle and a reader to measure text with.
pub(super) struct Face {
    font: Font,
    glyphs: FontRef<'static>,
}

impl Face {
    /// Loads an embedded font for drawing and for measuring.
    fn load(data: &'static [u8]) -> Result<Self, DocumentError> {
        let font = Font::new(data.into(), 0).ok_or(DocumentError::Font)?;
        let glyphs = FontRef::new(data).map_err(|_| DocumentError::Font)?;
        Ok(Self { font, glyphs })
    }

    /// Advance width of `text` at 1 pt, without kerning. Fails on a character without glyph.
    pub(super) fn width(&self, text: &str, field: &'static str) -> Result<f32, DocumentError> {
        let charmap = self.glyphs.charmap();
        let metrics = self
            .glyphs
            .glyph_metrics(Size::new(1.0), LocationRef::default());
        text.chars().try_fold(0.0, |width, character| {
            let glyph = charmap
                .map(character)
                .ok_or(DocumentError::UnsupportedCharacter { field, character })?;
            Ok(width + metrics.advance_width(glyph).unwrap_or(0.0))
        })
    }

    /// The largest size from `max` down to `min` at which `text` fits in `width`.
    pub(super) fn fit(
        &self,
        text: &str,
        width: f32,
        max: f32,
        min: f32,
        field: &'static str,
    ) -> Result<f32, DocumentError> {
        let unit = self.width(text, field)?;
        if unit <= 0.0 {
            return Ok(max);
        }
        let size = (width * FIT_SLACK / unit).min(max);
        if size < min {
            Err(DocumentError::TextTooLong { field })
        } else {
            Ok(size)
        }
    }

    /// Greedy word wrap of `text` (with `\n` as hard breaks) into lines of at most `width`
    /// at `size`; a word wider than a line is broken between characters.
    pub(super) fn wrap(
        &self,
        text: &str,
        size: f32,
        width: f32,
        field: &'static str,
    ) -> Result<Vec<String>, DocumentError> {
        let limit = width * FIT_SLACK / size;
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, field)? <= limit {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(word, field)? <= limit {
                    line = word.to_owned();
                    continue;
                }
                for character in word.chars() {
                    let mut candidate = line.clone();
                    candidate.push(character);
                    if !line.is_empty() && self.width(&candidate, field)? > limit {
                        lines.push(std::mem::replace(&mut line, character.to_string()));
                    } else {
                        line = candidate;
                    }
                }
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        Ok(lines)
    }
}

/// The two faces used on the slip (and the receipt).
pub(super) struct Fonts {
    /// DejaVu Sans.
    pub(super) regular: Face,
    /// DejaVu Sans Bold.
    pub(super) bold: Face,
}

impl Fonts {
    /// Loads both embedded faces.
    pub(super) fn load() -> Result<Self, DocumentError> {
        Ok(Self {
            regular: Face::load(REGULAR_TTF)?,
            bold: Face::load(BOLD_TTF)?,
        })
    }

    /// `text` as both faces can print it: a person's text (a name, a file name) must never
    /// stop a document, above all the confirmation of receipt, the applicant's proof of
    /// lawful stay. Direction and other invisible format characters (U+202E RIGHT-TO-LEFT
    /// OVERRIDE, zero-width joiners…) and control characters other than the line break are
    /// dropped, so nothing printed can be reordered or hidden; every other character that
    /// either face has no glyph for (Chinese, emoji…) is printed as [`FALLBACK`].
    pub(super) fn printable(&self, text: &str) -> String {
        let regular = self.regular.glyphs.charmap();
        let bold = self.bold.glyphs.charmap();
        text.chars()
            .filter(|&c| c == '\n' || !(c.is_control() || is_invisible_format(c)))
            .map(|c| {
                if c == '\n' || (regular.map(c).is_some() && bold.map(c).is_some()) {
                    c
                } else {
                    FALLBACK
                }
            })
            .collect()
    }
}

/// What [`Fonts::printable`] prints instead of a character the fonts cannot print (the
/// replacement character, which DejaVu Sans has).
pub(super) const FALLBACK: char = '\u{FFFD}';

impl SlipData {
    /// Every value and caption as [`Fonts::printable`] makes it (the QR text is encoded as
    /// given: a QR code carries any character).
    fn printable(&self, fonts: &Fonts) -> Self {
        let p = |s: &String| fonts.printable(s);
        let l = &self.labels;
        Self {
            payer: p(&self.payer),
            purpose: p(&self.purpose),
            payee: p(&self.payee),
            payment_code: p(&self.payment_code),
            currency: p(&self.currency),
            amount: p(&self.amount),
            payee_account: p(&self.payee_account),
            model: p(&self.model),
            reference: p(&self.reference),
            qr_text: self.qr_text.clone(),
            title: p(&self.title),
            labels: SlipLabels {
                payer: p(&l.payer),
                purpose: p(&l.purpose),
                payee: p(&l.payee),
                payment_code: p(&l.payment_code),
                currency: p(&l.currency),
                amount: p(&l.amount),
                payee_account: p(&l.payee_account),
                model_and_reference: p(&l.model_and_reference),
                scan_to_pay: p(&l.scan_to_pay),
            },
        }
    }
}

/// Renders the payment slip for `data` as a one-page A4 PDF with embedded (subset) fonts.
///
/// # Errors
///
/// [`DocumentError::TextTooLong`] for a value or caption that does not fit its box, the QR
/// errors of [`qr::qr_svg`] for `qr_text`, and [`DocumentError::Pdf`] if writing fails. A
/// character DejaVu Sans cannot print is printed as [`FALLBACK`] ([`Fonts::printable`]).
pub fn payment_slip_pdf(data: &SlipData) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::load()?;
    let data = &data.printable(&fonts);
    let code = qr::modules(&data.qr_text)?;
    a4_pdf(
        Metadata::new().title(data.title.clone()),
        1,
        |surface, _| draw_slip(surface, &fonts, data, &code),
        || None,
    )
}

/// Writes an A4 portrait PDF of `pages` pages, page `i` (from 0) drawn by `draw(surface, i)`,
/// with `metadata` and the creator "eForeigner".
pub(super) fn a4_pdf(
    metadata: Metadata,
    pages: usize,
    mut draw: impl FnMut(&mut Surface<'_>, usize) -> Result<(), DocumentError>,
    tags: impl FnOnce() -> Option<krilla::tagging::TagTree>,
) -> Result<Vec<u8>, DocumentError> {
    let mut document = Document::new();
    document.set_metadata(metadata.creator("eForeigner".to_owned()));
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| DocumentError::Pdf("invalid page size".to_owned()))?;
    for index in 0..pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let drawn = draw(&mut surface, index);
        surface.finish();
        page.finish();
        drawn?;
    }
    if let Some(tree) = tags() {
        document.set_tag_tree(tree);
    }
    document
        .finish()
        .map_err(|e| DocumentError::Pdf(e.to_string()))
}

/// Draws the whole slip.
fn draw_slip(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    data: &SlipData,
    code: &Modules,
) -> Result<(), DocumentError> {
    let labels = &data.labels;
    let top = SLIP_TOP;

    // Frame and the rule between the two columns.
    stroke_rect(surface, MARGIN, top, SLIP_W, SLIP_H, 1.0)?;
    stroke_line(surface, MID, top + 12.0, MID, top + SLIP_H - 12.0, 0.6)?;

    // Left column: payer, purpose, payee.
    let payer_top = top + 46.0;
    caption(
        surface,
        fonts,
        &labels.payer,
        LEFT_X,
        payer_top,
        LEFT_W,
        "payer label",
    )?;
    text_box(
        surface,
        fonts,
        &data.payer,
        LEFT_X,
        payer_top,
        LEFT_W,
        66.0,
        "payer",
    )?;
    let purpose_top = payer_top + 66.0 + 18.0;
    caption(
        surface,
        fonts,
        &labels.purpose,
        LEFT_X,
        purpose_top,
        LEFT_W,
        "purpose label",
    )?;
    text_box(
        surface,
        fonts,
        &data.purpose,
        LEFT_X,
        purpose_top,
        LEFT_W,
        54.0,
        "purpose",
    )?;
    let payee_top = purpose_top + 54.0 + 18.0;
    caption(
        surface,
        fonts,
        &labels.payee,
        LEFT_X,
        payee_top,
        LEFT_W,
        "payee label",
    )?;
    text_box(
        surface,
        fonts,
        &data.payee,
        LEFT_X,
        payee_top,
        LEFT_W,
        66.0,
        "payee",
    )?;

    // Right column: the title, right-aligned.
    let title = single_line(&data.title);
    let title_size = fonts
        .bold
        .fit(&title, RIGHT_W, TITLE_SIZE, MIN_TITLE_SIZE, "title")?;
    let title_w = fonts.bold.width(&title, "title")? * title_size;
    draw_text(
        surface,
        &fonts.bold,
        title_size,
        RIGHT_X + RIGHT_W - title_w,
        top + 28.0,
        &title,
        BLACK,
    );

    // Payment code | currency | amount.
    let row1 = top + 46.0;
    let code_w = 58.0;
    let currency_w = 46.0;
    let currency_x = RIGHT_X + code_w + GAP;
    let amount_x = currency_x + currency_w + GAP;
    let amount_w = RIGHT_X + RIGHT_W - amount_x;
    caption(
        surface,
        fonts,
        &labels.payment_code,
        RIGHT_X,
        row1,
        code_w,
        "payment code label",
    )?;
    line_box(
        surface,
        fonts,
        &data.payment_code,
        RIGHT_X,
        row1,
        code_w,
        "payment code",
    )?;
    caption(
        surface,
        fonts,
        &labels.currency,
        currency_x,
        row1,
        currency_w,
        "currency label",
    )?;
    line_box(
        surface,
        fonts,
        &data.currency,
        currency_x,
        row1,
        currency_w,
        "currency",
    )?;
    caption(
        surface,
        fonts,
        &labels.amount,
        amount_x,
        row1,
        amount_w,
        "amount label",
    )?;
    amount_box(surface, fonts, &data.amount, amount_x, row1, amount_w)?;

    // Payee account.
    let row2 = row1 + LINE_BOX_H + 18.0;
    caption(
        surface,
        fonts,
        &labels.payee_account,
        RIGHT_X,
        row2,
        RIGHT_W,
        "payee account label",
    )?;
    line_box(
        surface,
        fonts,
        &data.payee_account,
        RIGHT_X,
        row2,
        RIGHT_W,
        "payee account",
    )?;

    // Model | reference, under one caption.
    let row3 = row2 + LINE_BOX_H + 18.0;
    let model_w = 40.0;
    let reference_x = RIGHT_X + model_w + GAP;
    caption(
        surface,
        fonts,
        &labels.model_and_reference,
        RIGHT_X,
        row3,
        RIGHT_W,
        "model and reference label",
    )?;
    line_box(surface, fonts, &data.model, RIGHT_X, row3, model_w, "model")?;
    let reference_w = RIGHT_X + RIGHT_W - reference_x;
    line_box(
        surface,
        fonts,
        &data.reference,
        reference_x,
        row3,
        reference_w,
        "reference",
    )?;

    // The IPS QR code in the lower right corner, its caption to the left of it.
    let qr_x = RIGHT_X + RIGHT_W - QR_SIDE + 4.0;
    let qr_y = top + SLIP_H - QR_SIDE - 6.0;
    draw_qr(surface, code, qr_x, qr_y, QR_SIDE)?;
    let scan_w = qr_x - RIGHT_X - GAP;
    let scan = fonts
        .regular
        .wrap(&labels.scan_to_pay, SCAN_SIZE, scan_w, "scan to pay label")?;
    let leading = SCAN_SIZE * LEADING;
    let block_h = scan.len() as f32 * leading;
    if block_h > QR_SIDE {
        return Err(DocumentError::TextTooLong {
            field: "scan to pay label",
        });
    }
    let mut baseline = qr_y + (QR_SIDE - block_h) / 2.0 + SCAN_SIZE * ASCENT;
    for line in &scan {
        draw_text(
            surface,
            &fonts.regular,
            SCAN_SIZE,
            RIGHT_X,
            baseline,
            line,
            BLACK,
        );
        baseline += leading;
    }
    Ok(())
}

/// Collapses all whitespace (including line breaks) to single spaces.
pub(super) fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Draws a caption just above a box whose top edge is at `box_top`.
fn caption(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    label: &str,
    x: f32,
    box_top: f32,
    width: f32,
    field: &'static str,
) -> Result<(), DocumentError> {
    let label = single_line(label);
    let size = fonts
        .regular
        .fit(&label, width, CAPTION_SIZE, MIN_CAPTION_SIZE, field)?;
    draw_text(
        surface,
        &fonts.regular,
        size,
        x,
        box_top - 3.5,
        &label,
        CAPTION_GREY,
    );
    Ok(())
}

/// Draws a multi-line box and its wrapped text, shrinking the text until it fits.
#[expect(
    clippy::too_many_arguments,
    reason = "a box is a position, a size and its content"
)]
fn text_box(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    value: &str,
    x: f32,
    top: f32,
    width: f32,
    height: f32,
    field: &'static str,
) -> Result<(), DocumentError> {
    stroke_rect(surface, x, top, width, height, 0.6)?;
    let inner_w = width - 2.0 * PAD_X;
    let inner_h = height - 2.0 * PAD_Y;
    // Sizes VALUE_SIZE, VALUE_SIZE - 0.5, … down to MIN_VALUE_SIZE.
    let steps = ((VALUE_SIZE - MIN_VALUE_SIZE) / 0.5) as u16;
    for step in 0..=steps {
        let size = VALUE_SIZE - f32::from(step) * 0.5;
        let lines = fonts.regular.wrap(value, size, inner_w, field)?;
        let leading = size * LEADING;
        let needed = match lines.len() {
            0 => 0.0,
            n => (n - 1) as f32 * leading + size * LINE_EXTENT,
        };
        if needed <= inner_h {
            let mut baseline = top + PAD_Y + size * ASCENT;
            for line in &lines {
                draw_text(
                    surface,
                    &fonts.regular,
                    size,
                    x + PAD_X,
                    baseline,
                    line,
                    BLACK,
                );
                baseline += leading;
            }
            return Ok(());
        }
    }
    Err(DocumentError::TextTooLong { field })
}

/// Draws a single-line box with its value, left-aligned, shrunk to fit.
fn line_box(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    value: &str,
    x: f32,
    top: f32,
    width: f32,
    field: &'static str,
) -> Result<(), DocumentError> {
    stroke_rect(surface, x, top, width, LINE_BOX_H, 0.6)?;
    let value = single_line(value);
    let size = fonts.regular.fit(
        &value,
        width - 2.0 * PAD_X,
        VALUE_SIZE,
        MIN_VALUE_SIZE,
        field,
    )?;
    draw_text(
        surface,
        &fonts.regular,
        size,
        x + PAD_X,
        line_baseline(top, size),
        &value,
        BLACK,
    );
    Ok(())
}

/// Draws the amount box: "=" at the left, the amount right-aligned, as on the bank form.
fn amount_box(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    amount: &str,
    x: f32,
    top: f32,
    width: f32,
) -> Result<(), DocumentError> {
    const FIELD: &str = "amount";
    stroke_rect(surface, x, top, width, LINE_BOX_H, 0.6)?;
    let amount = single_line(amount);
    let equals_w = fonts.regular.width("= ", FIELD)? * VALUE_SIZE;
    let room = width - 2.0 * PAD_X - equals_w;
    let size = fonts
        .regular
        .fit(&amount, room, VALUE_SIZE, MIN_VALUE_SIZE, FIELD)?;
    let baseline = line_baseline(top, VALUE_SIZE);
    draw_text(
        surface,
        &fonts.regular,
        VALUE_SIZE,
        x + PAD_X,
        baseline,
        "=",
        BLACK,
    );
    let amount_w = fonts.regular.width(&amount, FIELD)? * size;
    draw_text(
        surface,
        &fonts.regular,
        size,
        x + width - PAD_X - amount_w,
        baseline,
        &amount,
        BLACK,
    );
    Ok(())
}

/// The baseline that centres capitals of `size` vertically in a single-line box.
fn line_baseline(top: f32, size: f32) -> f32 {
    top + LINE_BOX_H / 2.0 + size * CAP_HEIGHT / 2.0
}

/// Draws the QR code as filled squares (one path, horizontal runs merged) in a square of
/// `side` points at (`x`, `y`), the quiet zone included.
pub(super) fn draw_qr(
    surface: &mut Surface<'_>,
    code: &Modules,
    x: f32,
    y: f32,
    side: f32,
) -> Result<(), DocumentError> {
    let module = side / (code.width + 2 * QUIET_ZONE) as f32;
    let origin_x = x + QUIET_ZONE as f32 * module;
    let origin_y = y + QUIET_ZONE as f32 * module;
    let mut builder = PathBuilder::new();
    for row in 0..code.width {
        let mut col = 0;
        while col < code.width {
            if !code.is_dark(col, row) {
                col += 1;
                continue;
            }
            let start = col;
            while col < code.width && code.is_dark(col, row) {
                col += 1;
            }
            let rect = Rect::from_xywh(
                origin_x + start as f32 * module,
                origin_y + row as f32 * module,
                (col - start) as f32 * module,
                module,
            )
            .ok_or_else(|| DocumentError::Pdf("invalid QR module".to_owned()))?;
            builder.push_rect(rect);
        }
    }
    let path = builder
        .finish()
        .ok_or_else(|| DocumentError::Pdf("empty QR code".to_owned()))?;
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: luma::Color::black().into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
    surface.draw_path(&path);
    Ok(())
}

/// Draws one line of text in a grey (0 = black).
pub(super) fn draw_text(
    surface: &mut Surface<'_>,
    face: &Face,
    size: f32,
    x: f32,
    baseline: f32,
    text: &str,
    grey: u8,
) {
    if text.is_empty() {
        return;
    }
    set_fill(surface, grey);
    surface.draw_text(
        Point::from_xy(x, baseline),
        face.font.clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

/// Sets a grey (0 = black) fill and no stroke.
fn set_fill(surface: &mut Surface<'_>, grey: u8) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: luma::Color::new(grey).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
}

/// Strokes a path in the rule grey with the given line width.
fn stroke(
    surface: &mut Surface<'_>,
    builder: PathBuilder,
    width: f32,
) -> Result<(), DocumentError> {
    let path = builder
        .finish()
        .ok_or_else(|| DocumentError::Pdf("empty path".to_owned()))?;
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: luma::Color::new(RULE_GREY).into(),
        width,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
    Ok(())
}

/// Strokes the outline of a rectangle.
pub(super) fn stroke_rect(
    surface: &mut Surface<'_>,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    width: f32,
) -> Result<(), DocumentError> {
    let rect = Rect::from_xywh(x, y, w, h)
        .ok_or_else(|| DocumentError::Pdf("invalid rectangle".to_owned()))?;
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    stroke(surface, builder, width)
}

/// Strokes a straight line.
pub(super) fn stroke_line(
    surface: &mut Surface<'_>,
    x1: f32,
    y1: f32,
    x2: f32,
    y2: f32,
    width: f32,
) -> Result<(), DocumentError> {
    let mut builder = PathBuilder::new();
    builder.move_to(x1, y1);
    builder.line_to(x2, y2);
    stroke(surface, builder, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_tools;

    fn labels() -> SlipLabels {
        SlipLabels {
            payer: "uplatilac".to_owned(),
            purpose: "svrha uplate".to_owned(),
            payee: "primalac".to_owned(),
            payment_code: "šifra plaćanja".to_owned(),
            currency: "valuta".to_owned(),
            amount: "iznos".to_owned(),
            payee_account: "račun primaoca".to_owned(),
            model_and_reference: "model i poziv na broj (odobrenje)".to_owned(),
            scan_to_pay: "Skenirajte i platite aplikacijom svoje banke".to_owned(),
        }
    }

    fn sample() -> SlipData {
        SlipData {
            payer: "Ана Петровић\nБулевар краља Александра 73\n11000 Београд".to_owned(),
            purpose: "Оплата пошлины\nTaksa za privremeni boravak".to_owned(),
            payee: "Republička administrativna taksa".to_owned(),
            payment_code: "253".to_owned(),
            currency: "RSD".to_owned(),
            amount: "22.230,00".to_owned(),
            payee_account: "840-742221843-57".to_owned(),
            model: "97".to_owned(),
            reference: "14-123412".to_owned(),
            qr_text: "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD22230,00|P:Ана Петровић|SF:253|S:Taksa za privremeni boravak|RO:9714123412".to_owned(),
            title: "NALOG ZA UPLATU".to_owned(),
            labels: labels(),
        }
    }

    #[test]
    fn slip_is_a_pdf() {
        let pdf = payment_slip_pdf(&sample()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 1000);
    }

    #[test]
    fn slip_text_is_extractable() {
        let pdf = payment_slip_pdf(&sample()).unwrap();
        let Some(text) = test_tools::pdftotext(&pdf) else {
            return;
        };
        for expected in [
            "Republička administrativna taksa",
            "Ана Петровић",
            "Оплата пошлины",
            "NALOG ZA UPLATU",
            "šifra plaćanja",
            "840-742221843-57",
            "22.230,00",
            "14-123412",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} not in extracted text:\n{text}"
            );
        }
    }

    #[test]
    fn printed_qr_code_scans_back_to_the_payment_text() {
        let data = sample();
        let pdf = payment_slip_pdf(&data).unwrap();
        let Some(decoded) = test_tools::scan_qr(&pdf, 1) else {
            return;
        };
        assert_eq!(decoded, data.qr_text);
    }

    #[test]
    fn fonts_are_embedded_as_subsets() {
        let pdf = payment_slip_pdf(&sample()).unwrap();
        let haystack = String::from_utf8_lossy(&pdf);
        assert!(
            haystack.contains("FontFile2"),
            "TrueType font program embedded"
        );
        assert!(haystack.contains("+DejaVuSans"), "subset font name");
        assert!(
            pdf.len() < 200_000,
            "subset, not the whole 750 kB font: {} bytes",
            pdf.len()
        );
    }

    #[test]
    fn long_values_shrink_or_fail_cleanly() {
        let mut data = sample();
        data.purpose = "Taksa za privremeni boravak i radnu dozvolu ".repeat(3);
        assert!(payment_slip_pdf(&data).is_ok(), "wraps and shrinks");

        data.purpose = "Taksa za privremeni boravak ".repeat(40);
        assert!(matches!(
            payment_slip_pdf(&data),
            Err(DocumentError::TextTooLong { field: "purpose" })
        ));

        let mut data = sample();
        data.payee_account = "8".repeat(200);
        assert!(matches!(
            payment_slip_pdf(&data),
            Err(DocumentError::TextTooLong {
                field: "payee account"
            })
        ));
    }

    #[test]
    fn unprintable_characters_are_replaced_and_direction_overrides_dropped() {
        let mut data = sample();
        // 🙂 (U+1F642): the bundled DejaVu Sans has no glyph for it (it has one for 😀).
        data.payer = "王小明 🙂 \u{202E}Ана\u{202C}".to_owned();
        let pdf = payment_slip_pdf(&data).unwrap();
        if let Some(text) = test_tools::pdftotext(&pdf) {
            assert!(
                text.contains("\u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD} Ана"),
                "{text}"
            );
        }
        let fonts = Fonts::load().unwrap();
        assert_eq!(
            fonts.printable("a\u{202E}b\u{2066}c\u{200B}d\te\nf"),
            "abcde\nf"
        );
        assert_eq!(fonts.printable("Čačak Ђурђевић Ω"), "Čačak Ђурђевић Ω");
    }

    #[test]
    fn empty_qr_text_is_an_error() {
        let mut data = sample();
        data.qr_text.clear();
        assert!(matches!(
            payment_slip_pdf(&data),
            Err(DocumentError::EmptyQrText)
        ));
    }

    #[test]
    fn wrap_respects_hard_breaks_and_width() {
        let face = Face::load(REGULAR_TTF).unwrap();
        let lines = face
            .wrap("Ана Петровић\nBulevar 73", 10.0, 500.0, "t")
            .unwrap();
        assert_eq!(lines, ["Ана Петровић", "Bulevar 73"]);
        let lines = face.wrap("aaaaaaaaaaaaaaaaaaaa", 10.0, 40.0, "t").unwrap();
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "aaaaaaaaaaaaaaaaaaaa");
        for line in &lines {
            assert!(face.width(line, "t").unwrap() * 10.0 <= 40.0);
        }
    }
}
