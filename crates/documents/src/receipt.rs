//! The confirmation of request receipt: the A4 PDF an applicant for a temporary residence
//! permit finds in the e-Mailbox once the online request is submitted. It is the applicant's
//! proof of lawful stay while the case is pending (shown, for example, to a border officer).
//!
//! Layout, top to bottom, like a sober official document: the issuer line and a rule, the
//! title (bold), a two-column table of captions and values, the numbered list of the documents
//! submitted, and at the bottom of the last page a framed verification box (the QR code of the
//! verification address; beside it the caption, the address and the short code, large and
//! letter-spaced) followed by the legal note. Every page ends with a footer: the case
//! reference on the left, "page n of total" on the right. Every printed caption comes from
//! [`ReceiptLabels`], translated by the caller.
//!
//! Nothing is clipped: values, captions and document names wrap (a word wider than its column
//! is broken between characters), a table row or list item that does not fit on the page moves
//! to the next one (one taller than a whole page breaks between its lines), and the
//! verification box moves to a page of its own when there is no room for it. The document is
//! laid out first into drawing operations per page, then drawn, so that the footers know the
//! page count.
//!
//! Fonts, measuring, wrapping and the drawing primitives are those of the payment slip
//! ([`super::slip`]): DejaVu Sans embedded as subsets. A person's text never stops the
//! document: a character the font has no glyph for is printed as the replacement character,
//! and direction overrides are dropped (`Fonts::printable`).

use krilla::metadata::Metadata;
use krilla::surface::Surface;

use super::DocumentError;
use super::qr::{self, Modules};
use super::slip::{
    ASCENT, BLACK, CAPTION_GREY, FIT_SLACK, Face, Fonts, LEADING, LINE_EXTENT, PAGE_H, PAGE_W,
    a4_pdf, draw_qr, draw_text, single_line, stroke_line, stroke_rect,
};

/// The printed captions of the receipt, already translated into the reader's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceiptLabels {
    /// The language of these captions as a BCP 47 tag (e.g. `"sr-Latn"`), recorded as the
    /// PDF's language; empty leaves it unset.
    pub language: String,
    /// The issuer line at the top, e.g. "Republic of Serbia · Ministry of Interior ·
    /// eForeigner".
    pub issuer: String,
    /// The title (also the PDF's title), e.g. "Confirmation of request receipt".
    pub title: String,
    /// Caption of the case reference, e.g. "Case reference".
    pub reference: String,
    /// Caption of the time of receipt, e.g. "Received".
    pub submitted_at: String,
    /// Caption of the applicant's name, e.g. "Applicant".
    pub applicant: String,
    /// Caption of the date of birth.
    pub date_of_birth: String,
    /// Caption of the citizenship.
    pub citizenship: String,
    /// Caption of the passport number, e.g. "Passport".
    pub passport: String,
    /// Caption of the type of request, e.g. "Type of request".
    pub kind: String,
    /// Caption of the basis of the stay, e.g. "Basis".
    pub basis: String,
    /// Caption of the period requested, e.g. "Period requested".
    pub period: String,
    /// Heading of the numbered list of documents, e.g. "Documents submitted".
    pub documents: String,
    /// Caption of the verification box, e.g. "Check that this confirmation is genuine: scan
    /// the code or open the address and enter the code".
    pub verify: String,
    /// Caption of the short code, e.g. "Verification code".
    pub code: String,
    /// The legal note printed at the end of the document (wrapped).
    pub note: String,
    /// The page footer, e.g. "Page {n} of {total}": the literal placeholders `{n}` and
    /// `{total}` are replaced by the page number and the page count.
    pub page: String,
}

/// What a receipt confirmation shows. Values are printed as given (format dates beforehand).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceiptData {
    /// The printed captions.
    pub labels: ReceiptLabels,
    /// The case reference (also printed in every page's footer).
    pub reference: String,
    /// When the request was received, as printed.
    pub submitted_at: String,
    /// The applicant's full name.
    pub applicant: String,
    /// The applicant's date of birth, as printed.
    pub date_of_birth: String,
    /// The applicant's citizenship.
    pub citizenship: String,
    /// The applicant's passport number.
    pub passport: String,
    /// The type of request.
    pub kind: String,
    /// The basis of the stay (may be long: it wraps).
    pub basis: String,
    /// The period requested, as printed.
    pub period: String,
    /// Parts printed after the table, each a heading and its text (a letter's message, a
    /// decision's reasoning); none on a receipt.
    pub sections: Vec<(String, String)>,
    /// The names of the documents submitted, listed and numbered in this order.
    pub documents: Vec<String>,
    /// The verification address, encoded as the QR code and printed under its caption,
    /// e.g. `"https://eforeigner.example/verify/7KQ4-M2XD-9PHT"`.
    pub verify_url: String,
    /// The short verification code, printed large, e.g. `"7KQ4-M2XD-9PHT"`.
    pub short_code: String,
}

impl ReceiptData {
    /// Every value and caption as `Fonts::printable` makes it (the verification address is
    /// encoded in the QR code as given).
    fn printable(&self, fonts: &Fonts) -> Self {
        let p = |s: &String| fonts.printable(s);
        let l = &self.labels;
        Self {
            labels: ReceiptLabels {
                language: l.language.clone(),
                issuer: p(&l.issuer),
                title: p(&l.title),
                reference: p(&l.reference),
                submitted_at: p(&l.submitted_at),
                applicant: p(&l.applicant),
                date_of_birth: p(&l.date_of_birth),
                citizenship: p(&l.citizenship),
                passport: p(&l.passport),
                kind: p(&l.kind),
                basis: p(&l.basis),
                period: p(&l.period),
                documents: p(&l.documents),
                verify: p(&l.verify),
                code: p(&l.code),
                note: p(&l.note),
                page: p(&l.page),
            },
            reference: p(&self.reference),
            submitted_at: p(&self.submitted_at),
            applicant: p(&self.applicant),
            date_of_birth: p(&self.date_of_birth),
            citizenship: p(&self.citizenship),
            passport: p(&self.passport),
            kind: p(&self.kind),
            basis: p(&self.basis),
            period: p(&self.period),
            sections: self
                .sections
                .iter()
                .map(|(h, t)| {
                    // Line by line: the breaks between paragraphs are kept.
                    let lines: Vec<String> = t.split('\n').map(|l| fonts.printable(l)).collect();
                    (p(h), lines.join("\n"))
                })
                .collect(),
            documents: self.documents.iter().map(p).collect(),
            verify_url: self.verify_url.clone(),
            short_code: p(&self.short_code),
        }
    }
}

// Geometry, in PDF points (1 mm = 2.8346 pt), y growing downwards from the top of the page.
/// Left and right margin (20 mm).
const MARGIN_X: f32 = 56.69;
const LEFT: f32 = MARGIN_X;
const RIGHT: f32 = PAGE_W - MARGIN_X;
const CONTENT_W: f32 = RIGHT - LEFT;
/// Where the flow of content starts on every page (20 mm).
const TOP: f32 = 56.69;
/// Where the flow of content must end; the footer is below.
const BOTTOM: f32 = PAGE_H - 62.0;
/// The height available to content on a page.
const BODY_H: f32 = BOTTOM - TOP;
/// Baseline of the page footer.
const FOOTER_BASELINE: f32 = PAGE_H - 36.0;
/// Width of the caption column of the table, and the gap before the value column.
const LABEL_W: f32 = 150.0;
const COL_GAP: f32 = 12.0;
const VALUE_X: f32 = LEFT + LABEL_W + COL_GAP;
const VALUE_W: f32 = RIGHT - VALUE_X;
/// Space above and below the lines of a table row.
const ROW_PAD: f32 = 4.0;
/// Space after each item of the documents list.
const ITEM_GAP: f32 = 2.0;
/// Side of the QR code including its quiet zone, and the padding inside the verification box.
const QR_SIDE: f32 = 104.0;
const BOX_PAD: f32 = 10.0;
/// Gap between the QR code and the text beside it.
const QR_GAP: f32 = 14.0;

// Font sizes.
const ISSUER_SIZE: f32 = 9.0;
const TITLE_SIZE: f32 = 16.0;
const LABEL_SIZE: f32 = 9.0;
const VALUE_SIZE: f32 = 10.0;
const HEADING_SIZE: f32 = 11.5;
const SMALL_SIZE: f32 = 8.0;
const MIN_SMALL_SIZE: f32 = 5.0;
const NOTE_SIZE: f32 = 7.5;
const CODE_SIZE: f32 = 18.0;
const MIN_CODE_SIZE: f32 = 9.0;
/// Extra space after each character of the short code, in multiples of the size. Below
/// 0.1 em, the gap at which text extraction (poppler) starts a new word, so the code is still
/// copied as one word.
const CODE_TRACKING: f32 = 0.08;

/// Width of the table rules and of the verification frame.
const THIN_RULE: f32 = 0.4;
const RULE: f32 = 0.8;

/// Renders the receipt confirmation for `data` as an A4 PDF (as many pages as the documents
/// list needs) with embedded (subset) fonts and the PDF metadata title (the title label),
/// language (`labels.language`) and creator ("eForeigner").
///
/// # Errors
///
/// [`DocumentError::TextTooLong`] when the short code,
/// the footer, or the verification box with the note cannot fit even on a page of their own,
/// the QR errors of [`qr::qr_svg`] for `verify_url`, and [`DocumentError::Pdf`] if writing
/// fails.
pub fn receipt_pdf(data: &ReceiptData) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::load()?;
    let data = &data.printable(&fonts);
    let code = qr::modules(&data.verify_url)?;
    let pages = layout(&fonts, data)?;

    let mut metadata = Metadata::new().title(single_line(&data.labels.title));
    if !data.labels.language.is_empty() {
        metadata = metadata.language(data.labels.language.clone());
    }
    let (pages, nodes) = pages;
    // What each logical element of the document was drawn as (one identifier per piece).
    let drawn = std::cell::RefCell::new(vec![Vec::new(); nodes.len()]);
    a4_pdf(
        metadata,
        pages.len(),
        |surface, index| {
            pages.get(index).map_or(Ok(()), |ops| {
                draw_page(surface, ops, &code, &mut drawn.borrow_mut())
            })
        },
        || Some(tag_tree(&nodes, drawn.take(), &data.verify_url)),
    )
}

/// What a piece of the page is in the document's logical structure (its tag for screen
/// readers), by the index of its element in [`Layout::nodes`]; rules, frames and page
/// footers are artifacts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Elem {
    /// Decoration or pagination, left out of the reading order.
    Artifact,
    /// A part of the element with this index.
    Node(usize),
}

/// A logical element of the receipt, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    /// A paragraph.
    P,
    /// The title.
    H1,
    /// A heading of a part (the documents).
    H2,
    /// The caption of a row of the table (its header cell).
    Th,
    /// The value of a row of the table.
    Td,
    /// The number of an item of the list of documents.
    Lbl,
    /// The text of an item of the list of documents.
    LBody,
    /// The QR code.
    Figure,
}

/// The laid-out pages and the logical elements their pieces belong to.
type Layout<'f> = (Vec<Vec<Op<'f>>>, Vec<Node>);

/// The tag tree of the receipt: its elements in reading order, the table's rows (a caption
/// and a value each) grouped into a table, the documents into a numbered list, the QR code
/// a figure whose alternative text is the verification address.
fn tag_tree(
    nodes: &[Node],
    drawn: Vec<Vec<krilla::tagging::Identifier>>,
    verify_url: &str,
) -> krilla::tagging::TagTree {
    use krilla::tagging::{ListNumbering, Tag, TagGroup, TagTree};
    let group_of = |node: Node, ids: Vec<krilla::tagging::Identifier>| {
        let mut g = match node {
            Node::P => TagGroup::new(Tag::P),
            Node::H1 => TagGroup::new(Tag::Hn(std::num::NonZeroU16::MIN, None)),
            Node::H2 => TagGroup::new(Tag::Hn(std::num::NonZeroU16::MIN.saturating_add(1), None)),
            Node::Th => TagGroup::new(Tag::TH(krilla::tagging::TableHeaderScope::Row)),
            Node::Td => TagGroup::new(Tag::TD),
            Node::Lbl => TagGroup::new(Tag::Lbl),
            Node::LBody => TagGroup::new(Tag::LBody),
            Node::Figure => TagGroup::new(Tag::Figure(Some(verify_url.to_owned()))),
        };
        for id in ids {
            g.push(id);
        }
        g
    };
    let mut tree = TagTree::new();
    let mut table: Option<TagGroup> = None;
    let mut row: Option<TagGroup> = None;
    let mut list: Option<TagGroup> = None;
    let mut item: Option<TagGroup> = None;
    let close_row = |table: &mut Option<TagGroup>, row: &mut Option<TagGroup>| {
        if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
            t.push(r);
        }
    };
    let close_item = |list: &mut Option<TagGroup>, item: &mut Option<TagGroup>| {
        if let (Some(l), Some(i)) = (list.as_mut(), item.take()) {
            l.push(i);
        }
    };
    for (node, ids) in nodes.iter().copied().zip(drawn) {
        if ids.is_empty() {
            // Nothing of it was drawn (an empty value): no element.
            continue;
        }
        let group = group_of(node, ids);
        match node {
            Node::Th => {
                close_row(&mut table, &mut row);
                table.get_or_insert_with(|| TagGroup::new(Tag::Table));
                let mut r = TagGroup::new(Tag::TR);
                r.push(group);
                row = Some(r);
            }
            Node::Td => {
                if let Some(r) = row.as_mut() {
                    r.push(group);
                }
            }
            Node::Lbl => {
                close_item(&mut list, &mut item);
                list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::Decimal)));
                let mut i = TagGroup::new(Tag::LI);
                i.push(group);
                item = Some(i);
            }
            Node::LBody => {
                if let Some(i) = item.as_mut() {
                    i.push(group);
                }
            }
            _ => {
                close_row(&mut table, &mut row);
                if let Some(t) = table.take() {
                    tree.push(t);
                }
                close_item(&mut list, &mut item);
                if let Some(l) = list.take() {
                    tree.push(l);
                }
                tree.push(group);
            }
        }
    }
    close_row(&mut table, &mut row);
    if let Some(t) = table {
        tree.push(t);
    }
    close_item(&mut list, &mut item);
    if let Some(l) = list {
        tree.push(l);
    }
    tree
}

/// One drawing operation, in page coordinates.
enum Op<'f> {
    /// One line of text, left edge at `x`.
    Text {
        face: &'f Face,
        size: f32,
        grey: u8,
        x: f32,
        baseline: f32,
        text: String,
        elem: Elem,
    },
    /// A horizontal rule across the content width.
    Rule { y: f32, width: f32 },
    /// The frame of a box.
    Frame { x: f32, y: f32, w: f32, h: f32 },
    /// The QR code, quiet zone included, in a square of side [`QR_SIDE`].
    Qr { x: f32, y: f32, elem: Elem },
}

/// One piece of a printed line: the pieces of a line share its baseline.
struct Piece<'f> {
    face: &'f Face,
    size: f32,
    grey: u8,
    x: f32,
    text: String,
    elem: Elem,
}

/// The content laid out so far: finished pages, the current page and the cursor on it,
/// and the logical elements met so far.
struct Flow<'f> {
    done: Vec<Vec<Op<'f>>>,
    page: Vec<Op<'f>>,
    y: f32,
    nodes: Vec<Node>,
}

impl<'f> Flow<'f> {
    fn new() -> Self {
        Self {
            done: Vec::new(),
            page: Vec::new(),
            y: TOP,
            nodes: Vec::new(),
        }
    }

    /// A new logical element, next in reading order.
    fn node(&mut self, node: Node) -> Elem {
        self.nodes.push(node);
        Elem::Node(self.nodes.len() - 1)
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.page));
        self.y = TOP;
    }

    /// Whether `height` more fits on the current page (with a hundredth of a point to spare
    /// for rounding).
    fn fits(&self, height: f32) -> bool {
        self.y + height <= BOTTOM + 0.01
    }

    /// Moves to a new page unless a block of `height` fits below the cursor. A block taller
    /// than a whole page stays where it is and breaks between its lines.
    fn keep_together(&mut self, height: f32) {
        if !self.fits(height) && height <= BODY_H && self.y > TOP {
            self.new_page();
        }
    }

    /// Places `lines` one under the other, `leading` apart, each on the baseline `ascent`
    /// below its top, moving to a new page between two lines where the next does not fit.
    fn lines(&mut self, lines: Vec<Vec<Piece<'f>>>, leading: f32, ascent: f32) {
        for line in lines {
            if !self.fits(leading) && self.y > TOP {
                self.new_page();
            }
            let baseline = self.y + ascent;
            for piece in line {
                self.page.push(Op::Text {
                    face: piece.face,
                    size: piece.size,
                    grey: piece.grey,
                    x: piece.x,
                    baseline,
                    text: piece.text,
                    elem: piece.elem,
                });
            }
            self.y += leading;
        }
    }

    /// A wrapped paragraph (a logical element `node`) in one face, size and grey, kept on
    /// one page if it fits on one.
    fn paragraph(&mut self, node: Node, face: &'f Face, size: f32, grey: u8, lines: Vec<String>) {
        let leading = size * LEADING;
        self.keep_together(lines.len() as f32 * leading);
        let elem = self.node(node);
        let lines = lines
            .into_iter()
            .map(|text| {
                vec![Piece {
                    face,
                    size,
                    grey,
                    x: LEFT,
                    text,
                    elem,
                }]
            })
            .collect();
        self.lines(lines, leading, size * ASCENT);
    }

    /// A rule at the cursor, unless the cursor is already past the bottom of the page.
    fn rule(&mut self, width: f32) {
        if self.fits(0.0) {
            self.page.push(Op::Rule { y: self.y, width });
        }
    }

    fn finish(mut self) -> Layout<'f> {
        self.done.push(self.page);
        (self.done, self.nodes)
    }
}

/// Lays the whole document out, footers included.
fn layout<'f>(fonts: &'f Fonts, data: &ReceiptData) -> Result<Layout<'f>, DocumentError> {
    let labels = &data.labels;
    let regular = &fonts.regular;
    let mut flow = Flow::new();

    // Issuer line, rule, title.
    let issuer = regular.wrap(&labels.issuer, ISSUER_SIZE, CONTENT_W, "issuer label")?;
    flow.paragraph(Node::P, regular, ISSUER_SIZE, CAPTION_GREY, issuer);
    flow.y += 4.0;
    flow.rule(RULE);
    flow.y += 18.0;
    let title = fonts
        .bold
        .wrap(&labels.title, TITLE_SIZE, CONTENT_W, "title label")?;
    flow.paragraph(Node::H1, &fonts.bold, TITLE_SIZE, BLACK, title);
    flow.y += 12.0;

    // The table of captions and values.
    let rows: [(&str, &str, &'static str, &'static str); 9] = [
        (
            &labels.reference,
            &data.reference,
            "reference label",
            "reference",
        ),
        (
            &labels.submitted_at,
            &data.submitted_at,
            "submitted at label",
            "submitted at",
        ),
        (
            &labels.applicant,
            &data.applicant,
            "applicant label",
            "applicant",
        ),
        (
            &labels.date_of_birth,
            &data.date_of_birth,
            "date of birth label",
            "date of birth",
        ),
        (
            &labels.citizenship,
            &data.citizenship,
            "citizenship label",
            "citizenship",
        ),
        (
            &labels.passport,
            &data.passport,
            "passport label",
            "passport",
        ),
        (&labels.kind, &data.kind, "kind label", "kind"),
        (&labels.basis, &data.basis, "basis label", "basis"),
        (&labels.period, &data.period, "period label", "period"),
    ];
    let leading = VALUE_SIZE * LEADING;
    for (label, value, label_field, value_field) in rows {
        let captions = regular.wrap(label, LABEL_SIZE, LABEL_W, label_field)?;
        let values = regular.wrap(value, VALUE_SIZE, VALUE_W, value_field)?;
        let count = captions.len().max(values.len());
        let mut captions = captions.into_iter();
        let mut values = values.into_iter();
        let (th, td) = (flow.node(Node::Th), flow.node(Node::Td));
        let lines = (0..count)
            .map(|_| {
                let caption = captions.next().map(|text| Piece {
                    face: regular,
                    size: LABEL_SIZE,
                    grey: CAPTION_GREY,
                    x: LEFT,
                    text,
                    elem: th,
                });
                let value = values.next().map(|text| Piece {
                    face: regular,
                    size: VALUE_SIZE,
                    grey: BLACK,
                    x: VALUE_X,
                    text,
                    elem: td,
                });
                caption.into_iter().chain(value).collect()
            })
            .collect();
        flow.keep_together(count as f32 * leading + 2.0 * ROW_PAD);
        flow.rule(THIN_RULE);
        flow.y += ROW_PAD;
        flow.lines(lines, leading, VALUE_SIZE * ASCENT);
        flow.y += ROW_PAD;
    }
    flow.rule(THIN_RULE);

    // The parts after the table: a heading, then its text (paragraphs kept as written).
    for (heading, text) in &data.sections {
        flow.y += 14.0;
        let heading = fonts
            .bold
            .wrap(heading, HEADING_SIZE, CONTENT_W, "section heading")?;
        flow.keep_together(heading.len() as f32 * HEADING_SIZE * LEADING + 4.0 + leading);
        flow.paragraph(Node::H2, &fonts.bold, HEADING_SIZE, BLACK, heading);
        flow.y += 4.0;
        for para in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            let lines = regular.wrap(para, VALUE_SIZE, CONTENT_W, "section text")?;
            flow.paragraph(Node::P, regular, VALUE_SIZE, BLACK, lines);
            flow.y += ITEM_GAP;
        }
    }

    // The numbered list of documents.
    if !data.documents.is_empty() {
        flow.y += 16.0;
        let heading = fonts.bold.wrap(
            &labels.documents,
            HEADING_SIZE,
            CONTENT_W,
            "documents label",
        )?;
        // Keep the heading with the first line of the list.
        flow.keep_together(heading.len() as f32 * HEADING_SIZE * LEADING + 4.0 + leading);
        flow.paragraph(Node::H2, &fonts.bold, HEADING_SIZE, BLACK, heading);
        flow.y += 4.0;
        let widest = format!("{}.", data.documents.len());
        let number_w = regular.width(&widest, "documents")? * VALUE_SIZE;
        let text_x = LEFT + number_w + 6.0;
        for (index, name) in data.documents.iter().enumerate() {
            let number = format!("{}.", index + 1);
            let number_x = LEFT + number_w - regular.width(&number, "documents")? * VALUE_SIZE;
            let (label, body) = (flow.node(Node::Lbl), flow.node(Node::LBody));
            let mut lines: Vec<Vec<Piece<'_>>> = regular
                .wrap(name, VALUE_SIZE, RIGHT - text_x, "documents")?
                .into_iter()
                .map(|text| {
                    vec![Piece {
                        face: regular,
                        size: VALUE_SIZE,
                        grey: BLACK,
                        x: text_x,
                        text,
                        elem: body,
                    }]
                })
                .collect();
            if lines.is_empty() {
                lines.push(Vec::new());
            }
            if let Some(first) = lines.first_mut() {
                // The number is read first: it goes before the text in the line.
                first.insert(
                    0,
                    Piece {
                        face: regular,
                        size: VALUE_SIZE,
                        grey: BLACK,
                        x: number_x,
                        text: number,
                        elem: label,
                    },
                );
            }
            flow.keep_together(lines.len() as f32 * leading);
            flow.lines(lines, leading, VALUE_SIZE * ASCENT);
            flow.y += ITEM_GAP;
        }
    }

    verification(&mut flow, fonts, data)?;
    let (mut pages, nodes) = flow.finish();
    footers(&mut pages, regular, data)?;
    Ok((pages, nodes))
}

/// Lays out the verification box and the legal note under it at the bottom of the last page
/// (a new one if they do not fit below the content).
fn verification<'f>(
    flow: &mut Flow<'f>,
    fonts: &'f Fonts,
    data: &ReceiptData,
) -> Result<(), DocumentError> {
    let labels = &data.labels;
    let regular = &fonts.regular;
    let text_x = LEFT + BOX_PAD + QR_SIDE + QR_GAP;
    let text_w = RIGHT - BOX_PAD - text_x;

    // The code first in reading order (a figure), then the text beside it, as lines
    // relative to the top of the text block, each block a paragraph.
    let figure = flow.node(Node::Figure);
    let mut text: Vec<Op<'f>> = Vec::new();
    let mut y = 0.0;
    let mut block =
        |lines: Vec<String>, face: &'f Face, size: f32, grey: u8, y: &mut f32, elem: Elem| {
            for line in lines {
                text.push(Op::Text {
                    face,
                    size,
                    grey,
                    x: text_x,
                    baseline: *y + size * ASCENT,
                    text: line,
                    elem,
                });
                *y += size * LEADING;
            }
        };
    let caption = regular.wrap(&labels.verify, LABEL_SIZE, text_w, "verify label")?;
    let elem = flow.node(Node::P);
    block(caption, regular, LABEL_SIZE, BLACK, &mut y, elem);
    y += 4.0;
    let url = regular.wrap(&data.verify_url, LABEL_SIZE, text_w, "verification address")?;
    let elem = flow.node(Node::P);
    block(url, regular, LABEL_SIZE, BLACK, &mut y, elem);
    y += 8.0;
    let code_caption = regular.wrap(&labels.code, SMALL_SIZE, text_w, "code label")?;
    let elem = flow.node(Node::P);
    block(
        code_caption,
        regular,
        SMALL_SIZE,
        CAPTION_GREY,
        &mut y,
        elem,
    );
    y += 2.0;

    // The short code, large and letter-spaced, one character at a time.
    let code_elem = flow.node(Node::P);
    let code = single_line(&data.short_code);
    let count = code.chars().count() as f32;
    let units = fonts.bold.width(&code, "short code")? + CODE_TRACKING * (count - 1.0).max(0.0);
    let size = if units > 0.0 {
        (text_w * FIT_SLACK / units).min(CODE_SIZE)
    } else {
        CODE_SIZE
    };
    if size < MIN_CODE_SIZE {
        return Err(DocumentError::TextTooLong {
            field: "short code",
        });
    }
    let baseline = y + size * ASCENT;
    let mut x = text_x;
    for character in code.chars() {
        let character = character.to_string();
        let advance = fonts.bold.width(&character, "short code")? * size;
        text.push(Op::Text {
            face: &fonts.bold,
            size,
            grey: BLACK,
            x,
            baseline,
            text: character,
            elem: code_elem,
        });
        x += advance + CODE_TRACKING * size;
    }
    if !code.is_empty() {
        y += size * LINE_EXTENT;
    }

    let note = regular.wrap(&labels.note, NOTE_SIZE, CONTENT_W, "note label")?;
    let note_h = note.len() as f32 * NOTE_SIZE * LEADING;
    let box_h = y.max(QR_SIDE) + 2.0 * BOX_PAD;
    let note_gap = if note.is_empty() { 0.0 } else { 10.0 };
    let needed = box_h + note_gap + note_h;
    if needed > BODY_H {
        return Err(DocumentError::TextTooLong {
            field: "verification box",
        });
    }
    if !flow.fits(needed + 18.0) && flow.y > TOP {
        flow.new_page();
    }

    let top = BOTTOM - needed;
    flow.page.push(Op::Frame {
        x: LEFT,
        y: top,
        w: CONTENT_W,
        h: box_h,
    });
    flow.page.push(Op::Qr {
        x: LEFT + BOX_PAD,
        y: top + (box_h - QR_SIDE) / 2.0,
        elem: figure,
    });
    let text_top = top + (box_h - y) / 2.0;
    flow.page.extend(text.into_iter().map(|op| match op {
        Op::Text {
            face,
            size,
            grey,
            x,
            baseline,
            text,
            elem,
        } => Op::Text {
            face,
            size,
            grey,
            x,
            baseline: text_top + baseline,
            text,
            elem,
        },
        other => other,
    }));
    flow.y = top + box_h + note_gap;
    flow.paragraph(Node::P, regular, NOTE_SIZE, CAPTION_GREY, note);
    Ok(())
}

/// Adds the footer to every page: the case reference on the left, the page number on the
/// right.
fn footers<'f>(
    pages: &mut [Vec<Op<'f>>],
    face: &'f Face,
    data: &ReceiptData,
) -> Result<(), DocumentError> {
    let total = pages.len().to_string();
    let reference = single_line(&data.reference);
    for (index, page) in pages.iter_mut().enumerate() {
        let number = single_line(
            &data
                .labels
                .page
                .replace("{n}", &(index + 1).to_string())
                .replace("{total}", &total),
        );
        let half = CONTENT_W / 2.0 - 6.0;
        let size = face.fit(&number, half, SMALL_SIZE, MIN_SMALL_SIZE, "page label")?;
        let number_w = face.width(&number, "page label")? * size;
        page.push(Op::Text {
            face,
            size,
            grey: CAPTION_GREY,
            x: RIGHT - number_w,
            baseline: FOOTER_BASELINE,
            text: number,
            elem: Elem::Artifact,
        });
        let size = face.fit(&reference, half, SMALL_SIZE, MIN_SMALL_SIZE, "reference")?;
        page.push(Op::Text {
            face,
            size,
            grey: CAPTION_GREY,
            x: LEFT,
            baseline: FOOTER_BASELINE,
            text: reference.clone(),
            elem: Elem::Artifact,
        });
    }
    Ok(())
}

/// Draws one laid-out page, each piece tagged: a part of its logical element (whose
/// identifiers go to `drawn`), or an artifact.
fn draw_page(
    surface: &mut Surface<'_>,
    ops: &[Op<'_>],
    code: &Modules,
    drawn: &mut [Vec<krilla::tagging::Identifier>],
) -> Result<(), DocumentError> {
    use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag};
    let mut tagged = |surface: &mut Surface<'_>,
                      elem: Elem,
                      content: ContentTag<'_>,
                      artifact: ArtifactType,
                      draw: &mut dyn FnMut(&mut Surface<'_>) -> Result<(), DocumentError>|
     -> Result<(), DocumentError> {
        match elem {
            Elem::Node(i) => {
                let id = surface.start_tagged(content);
                let result = draw(surface);
                surface.end_tagged();
                if let Some(ids) = drawn.get_mut(i) {
                    ids.push(id);
                }
                result
            }
            Elem::Artifact => {
                surface.start_tagged(ContentTag::Artifact(Artifact::new(artifact, None)));
                let result = draw(surface);
                surface.end_tagged();
                result
            }
        }
    };
    for op in ops {
        match op {
            Op::Text {
                face,
                size,
                grey,
                x,
                baseline,
                text,
                elem,
            } => {
                if text.is_empty() {
                    continue;
                }
                tagged(
                    surface,
                    *elem,
                    ContentTag::Span(SpanTag::empty()),
                    ArtifactType::Footer,
                    &mut |s| {
                        draw_text(s, face, *size, *x, *baseline, text, *grey);
                        Ok(())
                    },
                )?;
            }
            Op::Rule { y, width } => tagged(
                surface,
                Elem::Artifact,
                ContentTag::Other,
                ArtifactType::Layout,
                &mut |s| stroke_line(s, LEFT, *y, RIGHT, *y, *width),
            )?,
            Op::Frame { x, y, w, h } => tagged(
                surface,
                Elem::Artifact,
                ContentTag::Other,
                ArtifactType::Layout,
                &mut |s| stroke_rect(s, *x, *y, *w, *h, RULE),
            )?,
            Op::Qr { x, y, elem } => tagged(
                surface,
                *elem,
                ContentTag::Other,
                ArtifactType::Layout,
                &mut |s| draw_qr(s, code, *x, *y, QR_SIDE),
            )?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_tools;

    const BASIS: &str = "Трудоустройство — работа по найму на основании трудового договора с \
        работодателем, зарегистрированным в Республике Сербия, и разрешения на работу, \
        выданного Национальной службой занятости";

    fn labels() -> ReceiptLabels {
        ReceiptLabels {
            language: "en".to_owned(),
            issuer: "Republic of Serbia · Ministry of Interior · eForeigner".to_owned(),
            title: "Confirmation of request receipt".to_owned(),
            reference: "Case reference".to_owned(),
            submitted_at: "Received".to_owned(),
            applicant: "Applicant".to_owned(),
            date_of_birth: "Date of birth".to_owned(),
            citizenship: "Citizenship".to_owned(),
            passport: "Passport".to_owned(),
            kind: "Type of request".to_owned(),
            basis: "Basis".to_owned(),
            period: "Period requested".to_owned(),
            documents: "Documents submitted".to_owned(),
            verify: "Check that this confirmation is genuine: scan the code or open the \
                     address and enter the code"
                .to_owned(),
            code: "Verification code".to_owned(),
            note: "This confirmation proves that the request was received on the date shown. \
                   Until the decision is final, the applicant's stay in the Republic of Serbia \
                   is lawful. It is issued electronically and is valid without a signature or \
                   a stamp."
                .to_owned(),
            page: "Page {n} of {total}".to_owned(),
        }
    }

    fn sample() -> ReceiptData {
        ReceiptData {
            labels: labels(),
            reference: "TRP-2025-000123".to_owned(),
            submitted_at: "14.03.2025 10:42".to_owned(),
            applicant: "Јована Петровић".to_owned(),
            date_of_birth: "02.11.1991".to_owned(),
            citizenship: "Руска Федерација".to_owned(),
            passport: "75 1234567".to_owned(),
            kind: "Temporary residence permit (first issue)".to_owned(),
            basis: BASIS.to_owned(),
            period: "12 months".to_owned(),
            sections: vec![],
            documents: vec![
                "Passport copy".to_owned(),
                "Ugovor o radu, poslodavac Đorđe Šćekić, Niš (č ć š ž đ)".to_owned(),
                "Справка о несудимости".to_owned(),
            ],
            verify_url: "https://eforeigner.example/verify/7KQ4-M2XD-9PHT".to_owned(),
            short_code: "7KQ4-M2XD-9PHT".to_owned(),
        }
    }

    /// 60 documents with names too long for one line (no hyphens, which text extraction may
    /// join across line ends).
    fn many_documents() -> ReceiptData {
        let mut data = sample();
        data.documents = (1..=60)
            .map(|i| {
                format!(
                    "Prilog {i}: overena kopija ugovora o zakupu stana u Beogradu, ulica \
                     Kralja Milana {i}, sa potpisom zakupodavca i izjavom o saglasnosti \
                     vlasnika (dokument broj {i})"
                )
            })
            .collect();
        data
    }

    #[test]
    fn receipt_is_a_pdf_with_metadata() {
        let pdf = receipt_pdf(&sample()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let haystack = String::from_utf8_lossy(&pdf);
        assert!(haystack.contains("/Lang(en)"), "document language");
        assert!(
            haystack.contains("Confirmation of request receipt"),
            "title"
        );
        assert!(haystack.contains("eForeigner"), "creator");
        assert!(haystack.contains("+DejaVuSans"), "subset font embedded");
    }

    #[test]
    fn a_letter_prints_its_sections_paragraph_by_paragraph() {
        let mut data = sample();
        data.sections = vec![
            (
                "Message from the inspector".to_owned(),
                "Upload a lease signed by the owner.\nThe old one has expired.".to_owned(),
            ),
            ("Last day".to_owned(), "15.12.2026".to_owned()),
        ];
        let pdf = receipt_pdf(&data).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let Some(text) = test_tools::pdftotext(&pdf) else {
            return;
        };
        let flat = single_line(&text);
        for expected in [
            "Message from the inspector",
            "Upload a lease signed by the owner.",
            "The old one has expired.",
            "Last day",
            "15.12.2026",
        ] {
            assert!(flat.contains(expected), "{expected} in {flat}");
        }
    }

    #[test]
    fn cyrillic_latin_diacritics_and_russian_are_extracted_exactly() {
        let data = sample();
        let Some(text) = test_tools::pdftotext(&receipt_pdf(&data).unwrap()) else {
            return;
        };
        let flat = single_line(&text);
        for expected in [
            "Јована Петровић",
            "Руска Федерација",
            "Đorđe Šćekić",
            "č ć š ž đ",
            "Трудоустройство",
            "Справка о несудимости",
            "TRP-2025-000123",
            &single_line(BASIS),
            &data.verify_url,
        ] {
            assert!(
                flat.contains(expected),
                "{expected:?} not in extracted text:\n{text}"
            );
        }
        // Once in the address, once as the letter-spaced short code (still one word).
        assert_eq!(flat.matches("7KQ4-M2XD-9PHT").count(), 2, "{text}");
    }

    #[test]
    fn qr_code_scans_back_to_the_verification_address() {
        let data = sample();
        let Some(decoded) = test_tools::scan_qr(&receipt_pdf(&data).unwrap(), 1) else {
            return;
        };
        assert_eq!(decoded, data.verify_url);
    }

    #[test]
    fn long_documents_list_continues_on_further_pages() {
        let data = many_documents();
        let pdf = receipt_pdf(&data).unwrap();
        let Some(text) = test_tools::pdftotext(&pdf) else {
            return;
        };
        let pages = text.matches('\u{c}').count();
        assert!(pages > 1, "{pages} page(s)");
        let flat = single_line(&text);
        for name in &data.documents {
            assert!(flat.contains(name.as_str()), "{name:?} not in:\n{text}");
        }
        for n in 1..=pages {
            let footer = format!("Page {n} of {pages}");
            assert!(flat.contains(&footer), "{footer:?} not in:\n{text}");
        }
        // The verification box is on the last page.
        if let Some(decoded) = test_tools::scan_qr(&pdf, pages) {
            assert_eq!(decoded, data.verify_url);
        }
    }

    #[test]
    fn nothing_is_drawn_outside_the_content_area() {
        let fonts = Fonts::load().unwrap();
        let mut data = many_documents();
        data.applicant = "Ана-Марија Александра Константиновић Петровић ".repeat(4);
        data.passport = "X".repeat(120);
        let (pages, _) = layout(&fonts, &data).unwrap();
        assert!(pages.len() > 1);
        let mut texts = 0;
        for op in pages.iter().flatten() {
            match op {
                Op::Text {
                    face,
                    size,
                    x,
                    baseline,
                    text,
                    ..
                } => {
                    texts += 1;
                    let width = face.width(text, "t").unwrap() * size;
                    assert!(*x >= LEFT - 0.01 && *x + width <= RIGHT + 0.01, "{text:?}");
                    let in_body =
                        *baseline - size * ASCENT >= TOP - 0.01 && *baseline <= BOTTOM + 0.01;
                    assert!(in_body || *baseline == FOOTER_BASELINE, "{text:?}");
                }
                Op::Frame { y, h, .. } => assert!(*y >= TOP && y + h <= BOTTOM),
                Op::Qr { y, .. } => assert!(*y >= TOP && y + QR_SIDE <= BOTTOM),
                Op::Rule { y, .. } => assert!((TOP..=BOTTOM).contains(y)),
            }
        }
        assert!(texts > 150);
    }

    /// Issue 14 D: the receipt is tagged for screen readers: a structure tree with the
    /// title as a heading, the facts as a table, the documents as a list, the QR code as a
    /// figure with its address as alternative text, and footers as artifacts (marked in
    /// the compressed page contents).
    #[test]
    fn the_receipt_is_tagged_for_screen_readers() {
        let pdf = receipt_pdf(&many_documents()).unwrap();
        let raw = String::from_utf8_lossy(&pdf);
        for marker in [
            "/StructTreeRoot",
            "/MarkInfo",
            "/S/H1",
            "/S/H2",
            "/S/Table",
            "/S/TR",
            "/S/TH",
            "/S/TD",
            "/S/L/",
            "/S/LI",
            "/S/Lbl",
            "/S/LBody",
            "/S/Figure",
            "/Alt",
        ] {
            assert!(raw.contains(marker), "no {marker} in the PDF");
        }
        let fonts = Fonts::load().unwrap();
        let (pages, nodes) = layout(&fonts, &many_documents()).unwrap();
        // Every logical element is drawn, and every text is in one or is an artifact.
        let mut used = vec![false; nodes.len()];
        for op in pages.iter().flatten() {
            if let Op::Text {
                elem: Elem::Node(i),
                ..
            } = op
            {
                used[*i] = true;
            }
        }
        let unused: Vec<(usize, &Node)> = nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| !used[*i] && **n != Node::Figure)
            .collect();
        assert!(unused.is_empty(), "{unused:?}");
    }

    #[test]
    fn every_label_is_printed() {
        let data = sample();
        let Some(text) = test_tools::pdftotext(&receipt_pdf(&data).unwrap()) else {
            return;
        };
        let flat = single_line(&text);
        let l = &data.labels;
        for label in [
            &l.issuer,
            &l.title,
            &l.reference,
            &l.submitted_at,
            &l.applicant,
            &l.date_of_birth,
            &l.citizenship,
            &l.passport,
            &l.kind,
            &l.basis,
            &l.period,
            &l.documents,
            &l.verify,
            &l.code,
            &l.note,
        ] {
            let label = single_line(label);
            assert!(flat.contains(&label), "{label:?} not in:\n{text}");
        }
        assert!(flat.contains("Page 1 of 1"), "{text}");
    }

    #[test]
    fn a_persons_text_never_stops_the_receipt() {
        // Issue 14 B7: a file named "😀 名前 (Ω).png" made the receipt job fail for ever.
        let mut data = sample();
        data.applicant = "王小明 \u{202E}Ana\u{202C}".to_owned();
        data.documents.push("😀 名前 (Ω).png".to_owned());
        data.labels.page = "Strana {n} / {total} 🙂".to_owned();
        let pdf = receipt_pdf(&data).unwrap();
        if let Some(text) = test_tools::pdftotext(&pdf) {
            assert!(text.contains("\u{FFFD}\u{FFFD}\u{FFFD} Ana"), "{text}");
            // DejaVu Sans has the emoji; not the Chinese characters.
            assert!(text.contains("😀 \u{FFFD}\u{FFFD} (Ω).png"), "{text}");
            assert!(!text.contains('\u{202E}'));
        }
    }

    #[test]
    fn other_bad_input_is_an_error() {
        let mut data = sample();
        data.verify_url.clear();
        assert!(matches!(
            receipt_pdf(&data),
            Err(DocumentError::EmptyQrText)
        ));

        let mut data = sample();
        data.short_code = "7KQ4".repeat(20);
        assert!(matches!(
            receipt_pdf(&data),
            Err(DocumentError::TextTooLong {
                field: "short code"
            })
        ));

        let mut data = sample();
        data.labels.note = "Napomena. ".repeat(1500);
        assert!(matches!(
            receipt_pdf(&data),
            Err(DocumentError::TextTooLong {
                field: "verification box"
            })
        ));
    }
}
