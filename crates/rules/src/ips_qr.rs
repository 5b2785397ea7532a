//! NBS IPS QR payment codes — the text inside the QR code printed on a
//! payment slip or bill (*NBS IPS QR kôd*), which a payer scans with a mobile
//! banking app to fill in an instant transfer.
//!
//! Sources: NBS, *Odluka o opštim pravilima za izvršavanje instant transfera
//! odobrenja* ("Službeni glasnik RS" 65/2018 and amendments), Prilog 1 (the
//! tags and their lengths), and the NBS recommendations published with the
//! NBS IPS QR generator/validator (nbs.rs/QRcode, ips.nbs.rs).
//!
//! # Format
//!
//! The text is a sequence of `TAG:value` fields separated by `|`: no
//! separator before the first or after the last field, no white space or line
//! break before or after the whole text, and optional tags without a value
//! are left out (`|S:|` is not allowed). [`IpsQr::to_qr_text`] writes the
//! tags in this order (mandatory ones in bold):
//!
//! | Tag | Content | Rule here |
//! |-----|---------|-----------|
//! | **K** | identification code | `PR` (printed bill, the default); `PT`, `PK`, `EK` also accepted |
//! | **V** | version | `01` |
//! | **C** | character set | `1` (UTF-8) |
//! | **R** | payee account | 18 digits, long form of a valid [`BankAccount`] |
//! | **N** | payee name and address | 1–70 characters, lines separated by `\n` or `\r\n` |
//! | **I** | currency and amount | `RSD` + [`Amount`] with a decimal comma, e.g. `RSD22700,00` |
//! | P | payer name and address | 1–70 characters, lines as in N |
//! | **SF** | payment code | [`PaymentCode`]: 3 digits, first 1 or 2 |
//! | S | purpose of payment | 1–35 characters, one line |
//! | M | merchant category code | 4 digits; accepted by [`IpsQr::parse`], never written |
//! | RO | model and reference | [`PaymentReference`], e.g. `9714123412` |
//!
//! Example (the NBS one): `K:PR|V:01|C:1|R:840000000095584510|N:Čigra doo|I:RSD1025,12|SF:289`.
//!
//! # Assumptions and deliberate restrictions
//!
//! - Lengths of N, P and S count characters (Unicode scalar values), not
//!   bytes; a `\r\n` line break counts as two characters. Both `\n` and
//!   `\r\n` are kept as given.
//! - The only characters refused in N, P and S are `|` (the separator) and
//!   control characters other than the line breaks allowed in N and P. NBS
//!   recommends letters, digits and a table of special characters; the
//!   letters are not restricted here because a foreign payer's name may need
//!   letters outside the Serbian alphabets (the code is UTF-8, tag C).
//! - Amounts are written with exactly two decimals. [`IpsQr::parse`] also
//!   accepts the shorter forms Prilog 1 allows (`RSD1025,` and `RSD1025,1`;
//!   the comma is mandatory, at most 12 integer digits). The amount must be
//!   at least `0,01`: NBS lets a printed bill show `RSD0,00` for "payer fills
//!   in the amount", but the portal always knows the amount due.
//! - The payment code is checked for form only (3 digits, first 1 = cash or
//!   2 = cashless); the last two digits are not checked against the NBS list
//!   (Prilog 3 of the decision on payment order forms), which changes.
//! - RO supports model 97 (digits only, check digits verified, at most 25
//!   characters as [`Reference97`] allows) and "no model", written with the
//!   two leading zeros NBS prescribes (`001234`): 1–33 ASCII letters, digits
//!   or `-` after `00`, so that RO stays within the 35 characters of
//!   Prilog 1. Other models are refused (`reference_invalid`).
//! - Tags of the specification that are used only at points of sale or for
//!   buyer-presented codes (O, JS, RL, RP) are not supported and are reported
//!   as `unknown_tag`. M is validated and then dropped.
//! - [`IpsQr::parse`] requires K, V and C to be the first three tags, in that
//!   order; the other tags may come in any order.
//!
//! Everything is pure: building, writing and parsing do no I/O. Values are
//! parsed, not validated — an [`IpsQr`] can only come from
//! [`IpsQrBuilder::build`] or [`IpsQr::parse`], so holding one means its text
//! is valid. Every failure is an [`IpsQrError`] with a stable
//! [`code`](IpsQrError::code).

use std::fmt;
use std::str::FromStr;

use crate::identifiers::{BankAccount, IdentifierError, Reference97};

/// Separator between fields.
const SEPARATOR: char = '|';
/// Separator between a tag and its value.
const TAG_SEPARATOR: char = ':';
/// Value of tag V.
const VERSION: &str = "01";
/// Value of tag C: UTF-8.
const CHARSET_UTF8: &str = "1";
/// The only supported currency.
const CURRENCY: &str = "RSD";
/// Maximum characters of the payee name and address (N).
const PAYEE_NAME_MAX: usize = 70;
/// Maximum characters of the payer name and address (P).
const PAYER_MAX: usize = 70;
/// Maximum characters of the purpose of payment (S).
const PURPOSE_MAX: usize = 35;
/// Maximum characters of the whole RO value, model included (Prilog 1).
const RO_MAX: usize = 35;
/// Maximum integer digits of an amount in tag I.
const AMOUNT_INTEGER_DIGITS: usize = 12;
/// Model written before a reference that follows no model.
const NO_MODEL: &str = "00";
/// Model 97.
const MODEL_97: &str = "97";

/// Why an IPS QR code cannot be built or parsed.
///
/// The [`code`](Self::code) is stable and is used as a translation key and
/// API error code; the fields carry data for the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IpsQrError {
    /// The payee name (tag N) is empty or only white space.
    #[error("the payee name is empty")]
    PayeeNameEmpty,
    /// The payee name and address (tag N) is too long.
    #[error("the payee name is longer than {max} characters ({found})")]
    PayeeNameTooLong {
        /// The maximum number of characters.
        max: usize,
        /// How many characters were given.
        found: usize,
    },
    /// The payer name and address (tag P) is too long.
    #[error("the payer name is longer than {max} characters ({found})")]
    PayerTooLong {
        /// The maximum number of characters.
        max: usize,
        /// How many characters were given.
        found: usize,
    },
    /// The purpose of payment (tag S) is too long.
    #[error("the purpose of payment is longer than {max} characters ({found})")]
    PurposeTooLong {
        /// The maximum number of characters.
        max: usize,
        /// How many characters were given.
        found: usize,
    },
    /// The amount is not a number of dinars with at most two decimals, or
    /// it is zero.
    #[error("the amount must be a positive number of dinars with at most two decimals")]
    AmountInvalid,
    /// The amount is larger than 999999999999,99 dinars.
    #[error("the amount is larger than 999999999999,99")]
    AmountTooLarge,
    /// The payment code is not three digits starting with 1 or 2.
    #[error("the payment code must be three digits starting with 1 or 2")]
    PaymentCodeInvalid,
    /// The payment reference is not a valid model-97 or model-free reference.
    #[error("the payment reference is not valid")]
    ReferenceInvalid,
    /// A currency other than RSD.
    #[error("only payments in dinars (RSD) are supported")]
    CurrencyNotSupported,
    /// A character that cannot appear in the value of a tag (`|`, control
    /// characters, or a line break where none is allowed).
    #[error("the character {character:?} is not allowed in tag {tag}")]
    ForbiddenCharacter {
        /// The tag whose value contains the character.
        tag: &'static str,
        /// The refused character.
        character: char,
    },
    /// The payee account (tag R) is not a valid 18-digit bank account.
    #[error("the payee account is not valid")]
    PayeeAccountInvalid(#[source] IdentifierError),
    /// A mandatory tag is missing.
    #[error("the mandatory tag {tag} is missing")]
    MissingTag {
        /// The missing tag.
        tag: &'static str,
    },
    /// A tag that is not supported.
    #[error("the tag {tag:?} is not supported")]
    UnknownTag {
        /// The tag as found in the text.
        tag: String,
    },
    /// A tag occurs more than once.
    #[error("the tag {tag} occurs more than once")]
    DuplicateTag {
        /// The repeated tag.
        tag: &'static str,
    },
    /// A tag is present without a value (`S:`); empty optional tags must be
    /// left out.
    #[error("the tag {tag} has no value")]
    EmptyTag {
        /// The tag without a value.
        tag: &'static str,
    },
    /// The text does not have the `TAG:value|TAG:value` structure, or a
    /// fixed value (K, V, C, M) is wrong.
    #[error("the IPS QR text is malformed: {detail}")]
    Malformed {
        /// What is wrong, in English (for logs; translate by the code).
        detail: &'static str,
    },
}

impl IpsQrError {
    /// Stable snake_case code, used as translation key and API error code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::PayeeNameEmpty => "payee_name_empty",
            Self::PayeeNameTooLong { .. } => "payee_name_too_long",
            Self::PayerTooLong { .. } => "payer_too_long",
            Self::PurposeTooLong { .. } => "purpose_too_long",
            Self::AmountInvalid => "amount_invalid",
            Self::AmountTooLarge => "amount_too_large",
            Self::PaymentCodeInvalid => "payment_code_invalid",
            Self::ReferenceInvalid => "reference_invalid",
            Self::CurrencyNotSupported => "currency_not_supported",
            Self::ForbiddenCharacter { .. } => "forbidden_character",
            Self::PayeeAccountInvalid(_) => "payee_account_invalid",
            Self::MissingTag { .. } => "missing_tag",
            Self::UnknownTag { .. } => "unknown_tag",
            Self::DuplicateTag { .. } => "duplicate_tag",
            Self::EmptyTag { .. } => "empty_tag",
            Self::Malformed { .. } => "malformed",
        }
    }
}

/// The tags this module knows, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    K,
    V,
    C,
    R,
    N,
    I,
    P,
    Sf,
    S,
    M,
    Ro,
}

impl Tag {
    /// All tags in the order they are written.
    const ALL: [Self; 11] = [
        Self::K,
        Self::V,
        Self::C,
        Self::R,
        Self::N,
        Self::I,
        Self::P,
        Self::Sf,
        Self::S,
        Self::M,
        Self::Ro,
    ];
    /// Tags that must be present.
    const MANDATORY: [Self; 7] = [
        Self::K,
        Self::V,
        Self::C,
        Self::R,
        Self::N,
        Self::I,
        Self::Sf,
    ];

    /// The tag as written in the text.
    const fn name(self) -> &'static str {
        match self {
            Self::K => "K",
            Self::V => "V",
            Self::C => "C",
            Self::R => "R",
            Self::N => "N",
            Self::I => "I",
            Self::P => "P",
            Self::Sf => "SF",
            Self::S => "S",
            Self::M => "M",
            Self::Ro => "RO",
        }
    }

    /// The tag written as `name`, if known.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Position in [`Self::ALL`].
    const fn index(self) -> usize {
        self as usize
    }
}

/// What an IPS QR code is for (tag K).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IpsKind {
    /// `PR`: printed on a bill or payment slip of the payee.
    #[default]
    PrintedBill,
    /// `PT`: shown by the merchant at a point of sale.
    MerchantPresented,
    /// `PK`: shown by the payer (buyer) at a point of sale.
    PayerPresented,
    /// `EK`: shown by an internet shop.
    ECommerce,
}

impl IpsKind {
    /// The code written in tag K: `PR`, `PT`, `PK` or `EK`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PrintedBill => "PR",
            Self::MerchantPresented => "PT",
            Self::PayerPresented => "PK",
            Self::ECommerce => "EK",
        }
    }

    /// Parses the value of tag K (exactly `PR`, `PT`, `PK` or `EK`).
    ///
    /// # Errors
    /// `malformed` for anything else.
    pub fn parse(value: &str) -> Result<Self, IpsQrError> {
        match value {
            "PR" => Ok(Self::PrintedBill),
            "PT" => Ok(Self::MerchantPresented),
            "PK" => Ok(Self::PayerPresented),
            "EK" => Ok(Self::ECommerce),
            _ => Err(IpsQrError::Malformed {
                detail: "tag K must be PR, PT, PK or EK",
            }),
        }
    }
}

impl fmt::Display for IpsKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount of dinars to pay: a whole number of paras (hundredths of a
/// dinar), from `0,01` to `999999999999,99`.
///
/// Displays with a decimal comma, exactly two decimals and no thousands
/// separators (`22700,00`), as tag I needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount {
    /// Hundredths of a dinar.
    paras: u64,
}

impl Amount {
    /// The smallest amount, `0,01`.
    pub const MIN: Self = Self { paras: 1 };
    /// The largest amount tag I can hold, `999999999999,99`.
    pub const MAX: Self = Self {
        paras: 99_999_999_999_999,
    };

    /// The amount of `paras` hundredths of a dinar.
    ///
    /// # Errors
    /// `amount_invalid` for zero; `amount_too_large` above [`Self::MAX`].
    pub const fn from_paras(paras: u64) -> Result<Self, IpsQrError> {
        if paras == 0 {
            Err(IpsQrError::AmountInvalid)
        } else if paras > Self::MAX.paras {
            Err(IpsQrError::AmountTooLarge)
        } else {
            Ok(Self { paras })
        }
    }

    /// Parses an amount as entered (surrounding white space trimmed): digits,
    /// optionally followed by a decimal point or comma and one or two
    /// decimals — `22700`, `22700.00`, `22700,00`, `22700,5`.
    ///
    /// Thousands separators are not accepted (`22.700` is refused rather
    /// than guessed), nor signs or exponents.
    ///
    /// # Errors
    /// `amount_invalid` (not of that form, or zero); `amount_too_large`
    /// (above `999999999999,99`).
    pub fn parse(input: &str) -> Result<Self, IpsQrError> {
        let trimmed = input.trim();
        match trimmed.find(['.', ',']) {
            Some(at) => {
                let (whole, rest) = trimmed.split_at(at);
                let decimals = rest.get(1..).unwrap_or_default();
                if decimals.is_empty() {
                    return Err(IpsQrError::AmountInvalid);
                }
                Self::from_digits(whole, decimals)
            }
            None => Self::from_digits(trimmed, ""),
        }
    }

    /// Parses the amount part of tag I (after `RSD`): 1–12 digits, a
    /// mandatory comma, 0–2 decimals (Prilog 1).
    fn parse_qr(value: &str) -> Result<Self, IpsQrError> {
        let Some((whole, decimals)) = value.split_once(',') else {
            return Err(IpsQrError::AmountInvalid);
        };
        let amount = Self::from_digits(whole, decimals)?;
        if whole.len() > AMOUNT_INTEGER_DIGITS {
            // Only possible with leading zeros: the value itself fits.
            return Err(IpsQrError::AmountInvalid);
        }
        Ok(amount)
    }

    /// Builds from the integer digits and 0–2 decimal digits.
    fn from_digits(whole: &str, decimals: &str) -> Result<Self, IpsQrError> {
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(decimals) {
            return Err(IpsQrError::AmountInvalid);
        }
        let fraction = match decimals.as_bytes() {
            [] => 0,
            [tenths] => u64::from(tenths - b'0') * 10,
            [tenths, hundredths] => u64::from(tenths - b'0') * 10 + u64::from(hundredths - b'0'),
            _ => return Err(IpsQrError::AmountInvalid),
        };
        let paras = whole
            .bytes()
            .try_fold(0_u64, |acc, b| {
                acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            })
            .and_then(|dinars| dinars.checked_mul(100)?.checked_add(fraction))
            .ok_or(IpsQrError::AmountTooLarge)?;
        Self::from_paras(paras)
    }

    /// The amount in paras (hundredths of a dinar).
    #[must_use]
    pub const fn paras(self) -> u64 {
        self.paras
    }

    /// The whole dinars (the amount without its decimals).
    #[must_use]
    pub const fn dinars(self) -> u64 {
        self.paras / 100
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{:02}", self.paras / 100, self.paras % 100)
    }
}

impl FromStr for Amount {
    type Err = IpsQrError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A payment code (*šifra plaćanja*, tag SF): three digits, the first giving
/// the form of payment (1 cash, 2 cashless), the other two the basis
/// (NBS, decision on payment order forms, Prilog 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaymentCode(u16);

impl PaymentCode {
    /// `253`: cashless payment of public revenues other than taxes and
    /// contributions withheld at source — used for administrative fees.
    pub const PUBLIC_REVENUE: Self = Self(253);
    /// `289`: other cashless transactions ordered by citizens (the code of the
    /// NBS example).
    pub const CITIZEN_OTHER: Self = Self(289);

    /// Parses a payment code such as `253` (surrounding white space trimmed).
    ///
    /// # Errors
    /// `payment_code_invalid` unless it is exactly three digits starting
    /// with 1 or 2.
    pub fn parse(input: &str) -> Result<Self, IpsQrError> {
        match input.trim().as_bytes() {
            [first @ (b'1' | b'2'), second, third]
                if second.is_ascii_digit() && third.is_ascii_digit() =>
            {
                Ok(Self(
                    u16::from(first - b'0') * 100
                        + u16::from(second - b'0') * 10
                        + u16::from(third - b'0'),
                ))
            }
            _ => Err(IpsQrError::PaymentCodeInvalid),
        }
    }

    /// The code as a number, e.g. `253`.
    #[must_use]
    pub const fn value(self) -> u16 {
        self.0
    }
}

impl fmt::Display for PaymentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

impl FromStr for PaymentCode {
    type Err = IpsQrError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A payment reference that follows no model (written after model `00` in
/// tag RO): 1–33 ASCII letters, digits or dashes, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FreeReference(String);

impl FreeReference {
    /// Maximum length: RO holds 35 characters, two of them the model `00`.
    pub const MAX_LEN: usize = RO_MAX - NO_MODEL.len();

    /// Parses a reference such as `2024-123` (surrounding white space trimmed).
    ///
    /// # Errors
    /// `reference_invalid` if empty, longer than [`Self::MAX_LEN`] or
    /// containing anything but ASCII letters, digits and `-`.
    pub fn parse(input: &str) -> Result<Self, IpsQrError> {
        let trimmed = input.trim();
        if trimmed.is_empty()
            || trimmed.len() > Self::MAX_LEN
            || !trimmed
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(IpsQrError::ReferenceInvalid);
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The reference as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FreeReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The payee's payment model and reference (*model i poziv na broj
/// odobrenja*, tag RO).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PaymentReference {
    /// Model 97, written `97` + check digits + reference, e.g. `9714123412`.
    Model97(Reference97),
    /// No model, written `00` + reference, e.g. `001234`.
    Model00(FreeReference),
}

impl PaymentReference {
    /// The model: `97` or `00`.
    #[must_use]
    pub const fn model(&self) -> &'static str {
        match self {
            Self::Model97(_) => MODEL_97,
            Self::Model00(_) => NO_MODEL,
        }
    }

    /// The value of tag RO: model and reference without spaces or dashes
    /// for model 97 (`9714123412`), `00` + reference for no model.
    #[must_use]
    pub fn to_qr(&self) -> String {
        match self {
            Self::Model97(reference) => reference.for_qr(),
            Self::Model00(reference) => format!("{NO_MODEL}{reference}"),
        }
    }

    /// Parses the value of tag RO: `97` followed by check digits and
    /// reference digits, or `00` followed by a [`FreeReference`].
    ///
    /// # Errors
    /// `reference_invalid` for another model, wrong check digits or a
    /// reference that is too long or has other characters.
    pub fn parse_qr(value: &str) -> Result<Self, IpsQrError> {
        if value.starts_with(MODEL_97) {
            Reference97::parse_qr(value)
                .map(Self::Model97)
                .map_err(|_| IpsQrError::ReferenceInvalid)
        } else if let Some(reference) = value.strip_prefix(NO_MODEL) {
            if reference.trim() != reference {
                return Err(IpsQrError::ReferenceInvalid);
            }
            FreeReference::parse(reference).map(Self::Model00)
        } else {
            Err(IpsQrError::ReferenceInvalid)
        }
    }

    /// The same reference as [`parse_qr`](Self::parse_qr) of its QR form
    /// gives: a model-97 reference loses its grouping dashes.
    fn normalized(self) -> Result<Self, IpsQrError> {
        match self {
            Self::Model97(reference) => Reference97::parse_qr(&reference.for_qr())
                .map(Self::Model97)
                .map_err(|_| IpsQrError::ReferenceInvalid),
            Self::Model00(_) => Ok(self),
        }
    }
}

/// Checks the characters and the length of the value of a text tag
/// (N, P or S); `value` is already trimmed and not empty.
fn check_text(tag: Tag, value: &str) -> Result<(), IpsQrError> {
    let (max, multiline) = match tag {
        Tag::N => (PAYEE_NAME_MAX, true),
        Tag::P => (PAYER_MAX, true),
        _ => (PURPOSE_MAX, false),
    };
    let forbidden = |character| IpsQrError::ForbiddenCharacter {
        tag: tag.name(),
        character,
    };
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            SEPARATOR => return Err(forbidden(c)),
            '\n' if multiline => {}
            '\r' if multiline && chars.peek() == Some(&'\n') => {}
            _ if c.is_control() => return Err(forbidden(c)),
            _ => {}
        }
    }
    let found = value.chars().count();
    if found > max {
        return Err(match tag {
            Tag::N => IpsQrError::PayeeNameTooLong { max, found },
            Tag::P => IpsQrError::PayerTooLong { max, found },
            _ => IpsQrError::PurposeTooLong { max, found },
        });
    }
    Ok(())
}

/// Trims an optional text and checks it; blank becomes `None`.
fn optional_text(tag: Tag, value: Option<String>) -> Result<Option<String>, IpsQrError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(trimmed) => {
            check_text(tag, trimmed)?;
            Ok(Some(trimmed.to_owned()))
        }
    }
}

/// A valid NBS IPS QR payment code.
///
/// Built with [`IpsQr::builder`] or read with [`IpsQr::parse`]; written with
/// [`IpsQr::to_qr_text`] (also its `Display`). The currency is always RSD.
/// `IpsQr::parse(&qr.to_qr_text()) == Ok(qr)` for every value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpsQr {
    kind: IpsKind,
    payee_account: BankAccount,
    payee_name: String,
    amount: Amount,
    payer: Option<String>,
    payment_code: PaymentCode,
    purpose: Option<String>,
    reference: Option<PaymentReference>,
}

/// Collects the parts of an [`IpsQr`]; [`build`](Self::build) checks them.
#[derive(Debug, Clone)]
#[must_use = "call build() to get the IpsQr"]
pub struct IpsQrBuilder {
    kind: IpsKind,
    payee_account: BankAccount,
    payee_name: String,
    currency: String,
    amount: Amount,
    payer: Option<String>,
    payment_code: PaymentCode,
    purpose: Option<String>,
    reference: Option<PaymentReference>,
}

impl IpsQrBuilder {
    /// Sets what the code is for (default [`IpsKind::PrintedBill`], `PR`).
    pub const fn kind(mut self, kind: IpsKind) -> Self {
        self.kind = kind;
        self
    }

    /// Sets the currency code (default `RSD`, the only one supported;
    /// anything else makes [`build`](Self::build) fail).
    pub fn currency(mut self, currency: impl Into<String>) -> Self {
        self.currency = currency.into();
        self
    }

    /// Sets the payer's name and address (tag P, up to 70 characters, lines
    /// separated by `\n` or `\r\n`); blank means none.
    pub fn payer(mut self, payer: impl Into<String>) -> Self {
        self.payer = Some(payer.into());
        self
    }

    /// Sets the purpose of payment (tag S, one line of up to 35
    /// characters); blank means none.
    pub fn purpose(mut self, purpose: impl Into<String>) -> Self {
        self.purpose = Some(purpose.into());
        self
    }

    /// Sets the model and reference (tag RO).
    pub fn reference(mut self, reference: PaymentReference) -> Self {
        self.reference = Some(reference);
        self
    }

    /// Checks the parts and builds the code. Surrounding white space of the
    /// texts is trimmed; a blank payer or purpose is left out. A model-97
    /// reference is stored in its QR form, without grouping dashes.
    ///
    /// # Errors
    /// `currency_not_supported`; `payee_name_empty`; `payee_name_too_long`,
    /// `payer_too_long`, `purpose_too_long` (more than 70, 70 and 35
    /// characters); `forbidden_character` (`|`, control characters, a line
    /// break in the purpose); `reference_invalid`.
    pub fn build(self) -> Result<IpsQr, IpsQrError> {
        if self.currency != CURRENCY {
            return Err(IpsQrError::CurrencyNotSupported);
        }
        let payee_name = self.payee_name.trim();
        if payee_name.is_empty() {
            return Err(IpsQrError::PayeeNameEmpty);
        }
        check_text(Tag::N, payee_name)?;
        Ok(IpsQr {
            kind: self.kind,
            payee_account: self.payee_account,
            payee_name: payee_name.to_owned(),
            amount: self.amount,
            payer: optional_text(Tag::P, self.payer)?,
            payment_code: self.payment_code,
            purpose: optional_text(Tag::S, self.purpose)?,
            reference: self
                .reference
                .map(PaymentReference::normalized)
                .transpose()?,
        })
    }
}

impl IpsQr {
    /// Starts building a code from its mandatory parts; the optional ones
    /// are set on the returned builder.
    pub fn builder(
        payee_account: BankAccount,
        payee_name: impl Into<String>,
        amount: Amount,
        payment_code: PaymentCode,
    ) -> IpsQrBuilder {
        IpsQrBuilder {
            kind: IpsKind::default(),
            payee_account,
            payee_name: payee_name.into(),
            currency: CURRENCY.to_owned(),
            amount,
            payer: None,
            payment_code,
            purpose: None,
            reference: None,
        }
    }

    /// Parses the text of an IPS QR code, strictly (see the module
    /// documentation for what is accepted).
    ///
    /// # Errors
    /// In this order: `malformed` (empty text, white space around the text
    /// or a value, an empty field as from `||` or a trailing `|`, a field
    /// without `:`); per field `unknown_tag`, `duplicate_tag`, `empty_tag`;
    /// `missing_tag`; `malformed` (K, V, C not first, or with wrong
    /// values; M not four digits); then the value checks of the tags:
    /// `payee_account_invalid`, the errors of
    /// [`IpsQrBuilder::build`] for N, P and S, `currency_not_supported`,
    /// `amount_invalid`, `amount_too_large`, `payment_code_invalid`,
    /// `reference_invalid`.
    pub fn parse(text: &str) -> Result<Self, IpsQrError> {
        if text.is_empty() {
            return Err(IpsQrError::Malformed {
                detail: "the text is empty",
            });
        }
        if text.trim() != text {
            return Err(IpsQrError::Malformed {
                detail: "the text starts or ends with white space",
            });
        }
        let mut values: [Option<&str>; Tag::ALL.len()] = [None; Tag::ALL.len()];
        let mut order = Vec::with_capacity(Tag::ALL.len());
        for field in text.split(SEPARATOR) {
            if field.is_empty() {
                return Err(IpsQrError::Malformed {
                    detail: "empty field (leading, trailing or doubled separator)",
                });
            }
            let Some((name, value)) = field.split_once(TAG_SEPARATOR) else {
                return Err(IpsQrError::Malformed {
                    detail: "a field has no ':' between tag and value",
                });
            };
            let tag = Tag::from_name(name).ok_or_else(|| IpsQrError::UnknownTag {
                tag: name.to_owned(),
            })?;
            let Some(slot) = values.get_mut(tag.index()) else {
                return Err(IpsQrError::UnknownTag {
                    tag: name.to_owned(),
                });
            };
            if slot.is_some() {
                return Err(IpsQrError::DuplicateTag { tag: tag.name() });
            }
            if value.is_empty() {
                return Err(IpsQrError::EmptyTag { tag: tag.name() });
            }
            if value.trim() != value {
                return Err(IpsQrError::Malformed {
                    detail: "a value starts or ends with white space",
                });
            }
            *slot = Some(value);
            order.push(tag);
        }
        let get = |tag: Tag| values.get(tag.index()).copied().flatten();
        let required = |tag: Tag| get(tag).ok_or(IpsQrError::MissingTag { tag: tag.name() });
        for tag in Tag::MANDATORY {
            required(tag)?;
        }
        if order.get(..3) != Some([Tag::K, Tag::V, Tag::C].as_slice()) {
            return Err(IpsQrError::Malformed {
                detail: "the text must start with the tags K, V and C, in this order",
            });
        }

        let kind = IpsKind::parse(required(Tag::K)?)?;
        if required(Tag::V)? != VERSION {
            return Err(IpsQrError::Malformed {
                detail: "tag V must be 01",
            });
        }
        if required(Tag::C)? != CHARSET_UTF8 {
            return Err(IpsQrError::Malformed {
                detail: "tag C must be 1 (UTF-8)",
            });
        }
        let mcc_valid = |mcc: &str| mcc.len() == 4 && mcc.bytes().all(|b| b.is_ascii_digit());
        if !get(Tag::M).is_none_or(mcc_valid) {
            return Err(IpsQrError::Malformed {
                detail: "tag M must be four digits",
            });
        }
        let account = required(Tag::R)?;
        if account.contains('-') {
            return Err(IpsQrError::PayeeAccountInvalid(
                IdentifierError::InvalidFormat,
            ));
        }
        let payee_account = BankAccount::parse(account).map_err(IpsQrError::PayeeAccountInvalid)?;
        let payee_name = required(Tag::N)?;
        check_text(Tag::N, payee_name)?;
        let amount = parse_currency_amount(required(Tag::I)?)?;
        let payer = get(Tag::P)
            .map(|payer| check_text(Tag::P, payer).map(|()| payer.to_owned()))
            .transpose()?;
        let payment_code = PaymentCode::parse(required(Tag::Sf)?)?;
        let purpose = get(Tag::S)
            .map(|purpose| check_text(Tag::S, purpose).map(|()| purpose.to_owned()))
            .transpose()?;
        let reference = get(Tag::Ro).map(PaymentReference::parse_qr).transpose()?;
        Ok(Self {
            kind,
            payee_account,
            payee_name: payee_name.to_owned(),
            amount,
            payer,
            payment_code,
            purpose,
            reference,
        })
    }

    /// The text to encode in the QR code, e.g.
    /// `K:PR|V:01|C:1|R:840000000095584510|N:Čigra doo|I:RSD1025,12|SF:289`.
    #[must_use]
    pub fn to_qr_text(&self) -> String {
        let mut fields = vec![
            (Tag::K, self.kind.as_str().to_owned()),
            (Tag::V, VERSION.to_owned()),
            (Tag::C, CHARSET_UTF8.to_owned()),
            (Tag::R, self.payee_account.to_long()),
            (Tag::N, self.payee_name.clone()),
            (Tag::I, format!("{CURRENCY}{}", self.amount)),
        ];
        if let Some(payer) = &self.payer {
            fields.push((Tag::P, payer.clone()));
        }
        fields.push((Tag::Sf, self.payment_code.to_string()));
        if let Some(purpose) = &self.purpose {
            fields.push((Tag::S, purpose.clone()));
        }
        if let Some(reference) = &self.reference {
            fields.push((Tag::Ro, reference.to_qr()));
        }
        fields
            .iter()
            .map(|(tag, value)| format!("{}{TAG_SEPARATOR}{value}", tag.name()))
            .collect::<Vec<_>>()
            .join(&SEPARATOR.to_string())
    }

    /// What the code is for (tag K).
    #[must_use]
    pub const fn kind(&self) -> IpsKind {
        self.kind
    }

    /// The payee's account (tag R).
    #[must_use]
    pub const fn payee_account(&self) -> &BankAccount {
        &self.payee_account
    }

    /// The payee's name and address (tag N).
    #[must_use]
    pub fn payee_name(&self) -> &str {
        &self.payee_name
    }

    /// The currency, always `RSD`.
    #[must_use]
    pub const fn currency(&self) -> &'static str {
        CURRENCY
    }

    /// The amount (tag I).
    #[must_use]
    pub const fn amount(&self) -> Amount {
        self.amount
    }

    /// The payer's name and address (tag P), if given.
    #[must_use]
    pub fn payer(&self) -> Option<&str> {
        self.payer.as_deref()
    }

    /// The payment code (tag SF).
    #[must_use]
    pub const fn payment_code(&self) -> PaymentCode {
        self.payment_code
    }

    /// The purpose of payment (tag S), if given.
    #[must_use]
    pub fn purpose(&self) -> Option<&str> {
        self.purpose.as_deref()
    }

    /// The model and reference (tag RO), if given.
    #[must_use]
    pub const fn reference(&self) -> Option<&PaymentReference> {
        self.reference.as_ref()
    }
}

/// Parses the value of tag I: `RSD` followed by the amount.
fn parse_currency_amount(value: &str) -> Result<Amount, IpsQrError> {
    match value.strip_prefix(CURRENCY) {
        Some(amount) => Amount::parse_qr(amount),
        None => {
            let names_a_currency = value
                .get(..3)
                .is_some_and(|code| code.bytes().all(|b| b.is_ascii_uppercase()));
            Err(if names_a_currency {
                IpsQrError::CurrencyNotSupported
            } else {
                IpsQrError::AmountInvalid
            })
        }
    }
}

impl fmt::Display for IpsQr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_qr_text())
    }
}

impl FromStr for IpsQr {
    type Err = IpsQrError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The NBS example text.
    const NBS_EXAMPLE: &str = "K:PR|V:01|C:1|R:840000000095584510|N:Čigra doo|I:RSD1025,12|SF:289";
    /// The project's main fee: Republička administrativna taksa, model 97.
    const FEE_EXAMPLE: &str = "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD22700,00|SF:253|RO:9714123412";

    fn fee_account() -> BankAccount {
        BankAccount::parse("840-742221843-57").expect("valid account")
    }

    fn simple(name: &str) -> IpsQrBuilder {
        IpsQr::builder(
            fee_account(),
            name,
            Amount::parse("100").expect("valid amount"),
            PaymentCode::PUBLIC_REVENUE,
        )
    }

    /// A valid text with every supported tag, for mutation tests.
    fn full_text() -> String {
        simple("Republička administrativna taksa\r\nBeograd")
            .payer("Marko Marković\nNemanjina 11, Beograd")
            .purpose("Taksa za privremeni boravak")
            .reference(PaymentReference::Model97(
                Reference97::compute("016").expect("valid reference"),
            ))
            .build()
            .expect("valid code")
            .to_qr_text()
    }

    #[test]
    fn nbs_example_exactly() -> Result<(), IpsQrError> {
        // 98 − (8400000000955845 × 100 mod 97) = 10: the published account is valid.
        let account =
            BankAccount::parse("840000000095584510").map_err(IpsQrError::PayeeAccountInvalid)?;
        assert_eq!(account.to_short(), "840-955845-10");
        let qr = IpsQr::builder(
            account,
            "Čigra doo",
            Amount::parse("1025,12")?,
            PaymentCode::parse("289")?,
        )
        .build()?;
        assert_eq!(qr.to_qr_text(), NBS_EXAMPLE);
        assert_eq!(qr.to_string(), NBS_EXAMPLE);
        assert_eq!(IpsQr::parse(NBS_EXAMPLE)?, qr);
        assert_eq!(NBS_EXAMPLE.parse::<IpsQr>()?, qr);
        assert_eq!(qr.kind(), IpsKind::PrintedBill);
        assert_eq!(qr.payee_name(), "Čigra doo");
        assert_eq!(qr.amount().paras(), 102_512);
        assert_eq!(qr.amount().dinars(), 1025);
        assert_eq!(qr.currency(), "RSD");
        assert_eq!(qr.payment_code(), PaymentCode::CITIZEN_OTHER);
        assert_eq!(qr.payer(), None);
        assert_eq!(qr.purpose(), None);
        assert_eq!(qr.reference(), None);
        Ok(())
    }

    #[test]
    fn residence_fee_example() -> Result<(), IpsQrError> {
        let reference =
            Reference97::parse("97 14-123412").map_err(|_| IpsQrError::ReferenceInvalid)?;
        let qr = IpsQr::builder(
            fee_account(),
            "Republička administrativna taksa",
            Amount::parse("22700.00")?,
            PaymentCode::PUBLIC_REVENUE,
        )
        .reference(PaymentReference::Model97(reference.clone()))
        .build()?;
        assert_eq!(qr.to_qr_text(), FEE_EXAMPLE);
        assert!(qr.to_qr_text().contains("|R:840000074222184357|"));
        assert!(qr.to_qr_text().ends_with("|RO:9714123412"));
        assert_eq!(qr.reference(), Some(&PaymentReference::Model97(reference)));
        assert_eq!(IpsQr::parse(FEE_EXAMPLE)?, qr);
        Ok(())
    }

    #[test]
    fn all_tags_in_order() -> Result<(), IpsQrError> {
        let grouped =
            Reference97::compute("016-12345").map_err(|_| IpsQrError::ReferenceInvalid)?;
        let qr = simple("  Republička administrativna taksa\r\nBeograd \n")
            .payer(" Марко Марковић\nНемањина 11, Београд ")
            .purpose(" Taksa za boravak ")
            .reference(PaymentReference::Model97(grouped.clone()))
            .build()?;
        let text = qr.to_qr_text();
        assert_eq!(
            text,
            format!(
                "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa\r\nBeograd|I:RSD100,00|P:Марко Марковић\nНемањина 11, Београд|SF:253|S:Taksa za boravak|RO:{}",
                grouped.for_qr()
            )
        );
        // The grouping dash is dropped, as in the QR form.
        let Some(PaymentReference::Model97(stored)) = qr.reference() else {
            panic!("model 97 expected");
        };
        assert_eq!(stored.base(), "01612345");
        assert_eq!(IpsQr::parse(&text)?, qr);
        Ok(())
    }

    #[test]
    fn blank_optional_texts_are_left_out() -> Result<(), IpsQrError> {
        let qr = simple("Taksa").payer("  ").purpose("").build()?;
        assert_eq!(qr.payer(), None);
        assert_eq!(qr.purpose(), None);
        assert!(!qr.to_qr_text().contains("|P:"));
        assert!(!qr.to_qr_text().contains("|S:"));
        Ok(())
    }

    #[test]
    fn other_kinds() -> Result<(), IpsQrError> {
        for (code, kind) in [
            ("PR", IpsKind::PrintedBill),
            ("PT", IpsKind::MerchantPresented),
            ("PK", IpsKind::PayerPresented),
            ("EK", IpsKind::ECommerce),
        ] {
            let text = NBS_EXAMPLE.replacen("K:PR", &format!("K:{code}"), 1);
            let qr = IpsQr::parse(&text)?;
            assert_eq!(qr.kind(), kind);
            assert_eq!(kind.to_string(), code);
            assert_eq!(qr.to_qr_text(), text);
            assert_eq!(simple("X").kind(kind).build()?.kind(), kind);
        }
        Ok(())
    }

    #[test]
    fn payee_name_boundaries() -> Result<(), IpsQrError> {
        // Cyrillic letters take two bytes: the limit is in characters.
        let seventy = "Ђ".repeat(70);
        assert_eq!(simple(&seventy).build()?.payee_name(), seventy);
        assert_eq!(
            simple(&"Ђ".repeat(71)).build(),
            Err(IpsQrError::PayeeNameTooLong { max: 70, found: 71 })
        );
        // Line breaks count: 34 + 2 + 34 = 70 characters.
        let two_lines = format!("{}\r\n{}", "a".repeat(34), "b".repeat(34));
        assert!(simple(&two_lines).build().is_ok());
        let too_long = format!("{}\r\n{}", "a".repeat(34), "b".repeat(35));
        assert_eq!(
            simple(&too_long).build().map_err(|e| e.code()),
            Err("payee_name_too_long")
        );
        assert_eq!(simple("   ").build(), Err(IpsQrError::PayeeNameEmpty));
        assert_eq!(simple("").build(), Err(IpsQrError::PayeeNameEmpty));
        Ok(())
    }

    #[test]
    fn payer_and_purpose_boundaries() {
        assert!(simple("X").payer("ž".repeat(70)).build().is_ok());
        assert_eq!(
            simple("X").payer("ž".repeat(71)).build(),
            Err(IpsQrError::PayerTooLong { max: 70, found: 71 })
        );
        assert!(simple("X").purpose("š".repeat(35)).build().is_ok());
        assert_eq!(
            simple("X").purpose("š".repeat(36)).build(),
            Err(IpsQrError::PurposeTooLong { max: 35, found: 36 })
        );
    }

    #[test]
    fn forbidden_characters() {
        let forbidden = |tag, character| Err(IpsQrError::ForbiddenCharacter { tag, character });
        assert_eq!(simple("Čigra | doo").build(), forbidden("N", '|'));
        assert_eq!(simple("X").payer("A|B").build(), forbidden("P", '|'));
        assert_eq!(simple("X").purpose("A|B").build(), forbidden("S", '|'));
        assert_eq!(simple("Čigra\tdoo").build(), forbidden("N", '\t'));
        assert_eq!(simple("Čigra\rdoo").build(), forbidden("N", '\r'));
        assert_eq!(simple("Čigra\u{0}doo").build(), forbidden("N", '\u{0}'));
        assert_eq!(simple("X").purpose("a\nb").build(), forbidden("S", '\n'));
        assert_eq!(simple("X").purpose("a\r\nb").build(), forbidden("S", '\r'));
        // Colons and the NBS special characters are fine.
        assert!(
            simple("A: (b) [c] {d} <e> #1 $ % & * + , - . / ; = ? @ ^ _ ` ~ ' \"")
                .build()
                .is_ok()
        );
    }

    #[test]
    fn currency_must_be_rsd() {
        assert_eq!(
            simple("X").currency("EUR").build(),
            Err(IpsQrError::CurrencyNotSupported)
        );
        assert!(simple("X").currency("RSD").build().is_ok());
        let eur = NBS_EXAMPLE.replace("RSD", "EUR");
        assert_eq!(IpsQr::parse(&eur), Err(IpsQrError::CurrencyNotSupported));
        let none = NBS_EXAMPLE.replace("RSD", "");
        assert_eq!(IpsQr::parse(&none), Err(IpsQrError::AmountInvalid));
    }

    #[test]
    fn amount_forms() -> Result<(), IpsQrError> {
        for (input, paras) in [
            ("22700.00", 2_270_000),
            ("22700,00", 2_270_000),
            ("22700", 2_270_000),
            (" 22700 ", 2_270_000),
            ("22700,5", 2_270_050),
            ("0,01", 1),
            ("0.10", 10),
            ("007", 700),
        ] {
            assert_eq!(Amount::parse(input)?.paras(), paras, "{input}");
        }
        for bad in [
            "", " ", "-1", "+1", "1 000", "1.000,00", "22.700", ",5", "5,", "5.", "1e3", "abc",
            "1,2,3", "١٢",
        ] {
            assert_eq!(Amount::parse(bad), Err(IpsQrError::AmountInvalid), "{bad}");
        }
        assert_eq!(Amount::parse("22700")?.to_string(), "22700,00");
        assert_eq!(Amount::parse("0,5")?.to_string(), "0,50");
        assert_eq!(Amount::parse("1025.12")?.to_string(), "1025,12");
        assert_eq!("3,9".parse::<Amount>()?, Amount::from_paras(390)?);
        Ok(())
    }

    #[test]
    fn amount_boundaries() -> Result<(), IpsQrError> {
        assert_eq!(Amount::parse("0"), Err(IpsQrError::AmountInvalid));
        assert_eq!(Amount::parse("0,00"), Err(IpsQrError::AmountInvalid));
        assert_eq!(Amount::from_paras(0), Err(IpsQrError::AmountInvalid));
        assert_eq!(Amount::parse("0,01")?, Amount::MIN);
        assert_eq!(Amount::from_paras(1)?, Amount::MIN);
        assert_eq!(Amount::parse("999999999999,99")?, Amount::MAX);
        assert_eq!(Amount::MAX.to_string(), "999999999999,99");
        assert_eq!(
            Amount::parse("1000000000000,00"),
            Err(IpsQrError::AmountTooLarge)
        );
        assert_eq!(
            Amount::from_paras(Amount::MAX.paras() + 1),
            Err(IpsQrError::AmountTooLarge)
        );
        assert_eq!(
            Amount::parse("99999999999999999999999"),
            Err(IpsQrError::AmountTooLarge)
        );

        // The same boundaries through tag I.
        let with_amount = |i: &str| IpsQr::parse(&NBS_EXAMPLE.replace("RSD1025,12", i));
        assert_eq!(with_amount("RSD0,00"), Err(IpsQrError::AmountInvalid));
        assert_eq!(with_amount("RSD0,"), Err(IpsQrError::AmountInvalid));
        assert_eq!(with_amount("RSD0,01")?.amount(), Amount::MIN);
        assert_eq!(with_amount("RSD999999999999,99")?.amount(), Amount::MAX);
        assert_eq!(
            with_amount("RSD1000000000000,00"),
            Err(IpsQrError::AmountTooLarge)
        );
        let max =
            IpsQr::builder(fee_account(), "X", Amount::MAX, PaymentCode::PUBLIC_REVENUE).build()?;
        assert!(max.to_qr_text().contains("|I:RSD999999999999,99|"));
        Ok(())
    }

    #[test]
    fn amount_forms_in_tag_i() -> Result<(), IpsQrError> {
        let with_amount = |i: &str| IpsQr::parse(&NBS_EXAMPLE.replace("RSD1025,12", i));
        // Prilog 1 allows leaving out insignificant decimal zeros.
        assert_eq!(with_amount("RSD1025,")?.amount().paras(), 102_500);
        assert_eq!(with_amount("RSD1025,1")?.amount().paras(), 102_510);
        assert_eq!(with_amount("RSD01025,12")?.amount().paras(), 102_512);
        // ...and the text we write has two decimals.
        assert!(
            with_amount("RSD1025,")?
                .to_qr_text()
                .contains("|I:RSD1025,00|")
        );
        for bad in [
            "RSD1025",
            "RSD,01",
            "RSD1.025,00",
            "RSD1025.12",
            "RSD1025,123",
            "RSD 1025,12",
            "RSD-1,00",
            "RS1025,12",
            "rsd1025,12",
            "RSD0000000000001,00",
        ] {
            assert_eq!(with_amount(bad), Err(IpsQrError::AmountInvalid), "{bad}");
        }
        Ok(())
    }

    #[test]
    fn payment_codes() -> Result<(), IpsQrError> {
        assert_eq!(PaymentCode::parse("253")?, PaymentCode::PUBLIC_REVENUE);
        assert_eq!(PaymentCode::parse(" 189 ")?.value(), 189);
        assert_eq!(PaymentCode::PUBLIC_REVENUE.to_string(), "253");
        assert_eq!("289".parse::<PaymentCode>()?, PaymentCode::CITIZEN_OTHER);
        for bad in ["", "089", "389", "25", "2533", "25a", "2 5", "２５３"] {
            assert_eq!(
                PaymentCode::parse(bad),
                Err(IpsQrError::PaymentCodeInvalid),
                "{bad}"
            );
        }
        assert_eq!(
            IpsQr::parse(&NBS_EXAMPLE.replace("SF:289", "SF:389")),
            Err(IpsQrError::PaymentCodeInvalid)
        );
        Ok(())
    }

    #[test]
    fn references() -> Result<(), IpsQrError> {
        let free = FreeReference::parse(" 1234 ")?;
        assert_eq!(free.as_str(), "1234");
        let qr = simple("X")
            .reference(PaymentReference::Model00(free.clone()))
            .build()?;
        assert!(qr.to_qr_text().ends_with("|RO:001234"));
        assert_eq!(IpsQr::parse(&qr.to_qr_text())?, qr);
        assert_eq!(PaymentReference::Model00(free).model(), "00");

        assert!(FreeReference::parse(&"A-1".repeat(11)).is_ok()); // 33
        for bad in ["", "12 34", "12/34", "č1", &"1".repeat(34)] {
            assert_eq!(
                FreeReference::parse(bad),
                Err(IpsQrError::ReferenceInvalid),
                "{bad}"
            );
        }

        let municipality = Reference97::compute("016").map_err(|_| IpsQrError::ReferenceInvalid)?;
        let model97 = PaymentReference::Model97(municipality);
        assert_eq!(model97.to_qr(), "9750016");
        assert_eq!(model97.model(), "97");
        assert_eq!(PaymentReference::parse_qr("9750016")?, model97);

        for bad in [
            "9715123412",   // wrong check digits
            "97",           // no reference
            "97 14123412",  // space
            "97-14-123412", // dashes
            "1112345",      // model 11 is not supported
            "1234",         // no model
            "00",           // no reference
            "00 1234",      // space
            &format!("00{}", "1".repeat(34)),
            &format!("97{}", "1".repeat(24)), // longer than 25
        ] {
            assert_eq!(
                PaymentReference::parse_qr(bad),
                Err(IpsQrError::ReferenceInvalid),
                "{bad}"
            );
        }
        assert_eq!(
            IpsQr::parse(&format!("{NBS_EXAMPLE}|RO:9715123412")),
            Err(IpsQrError::ReferenceInvalid)
        );
        Ok(())
    }

    #[test]
    fn parse_structure_errors() {
        let malformed = |text: &str| {
            assert_eq!(
                IpsQr::parse(text).map_err(|e| e.code()),
                Err("malformed"),
                "{text:?}"
            );
        };
        malformed("");
        malformed(&format!(" {NBS_EXAMPLE}"));
        malformed(&format!("{NBS_EXAMPLE}\n"));
        malformed(&format!("{NBS_EXAMPLE}|"));
        malformed(&format!("|{NBS_EXAMPLE}"));
        malformed(&NBS_EXAMPLE.replace("|SF", "||SF"));
        malformed(&format!("{NBS_EXAMPLE}|S"));
        malformed(&NBS_EXAMPLE.replace("N:Čigra doo", "N: Čigra doo"));
        malformed(&NBS_EXAMPLE.replace("N:Čigra doo", "N:Čigra doo\r\n"));
        malformed(&NBS_EXAMPLE.replace("V:01", "V:02"));
        malformed(&NBS_EXAMPLE.replace("V:01", "V:1"));
        malformed(&NBS_EXAMPLE.replace("C:1", "C:2"));
        malformed(&NBS_EXAMPLE.replace("K:PR", "K:XX"));
        malformed(&NBS_EXAMPLE.replace("K:PR", "K:pr"));
        malformed(&NBS_EXAMPLE.replace("K:PR|V:01", "V:01|K:PR"));
        malformed("K:PR|V:01|R:840000000095584510|C:1|N:Čigra doo|I:RSD1025,12|SF:289");
        malformed("R:840000000095584510|K:PR|V:01|C:1|N:Čigra doo|I:RSD1025,12|SF:289");
        malformed(&format!("{NBS_EXAMPLE}|M:123"));
        malformed(&format!("{NBS_EXAMPLE}|M:12a4"));
    }

    #[test]
    fn parse_tag_errors() {
        assert_eq!(
            IpsQr::parse(&format!("{NBS_EXAMPLE}|X:1")),
            Err(IpsQrError::UnknownTag {
                tag: "X".to_owned()
            })
        );
        for unsupported in ["O:840000000095584510", "JS:12345", "RL:abc", "sf:289"] {
            assert_eq!(
                IpsQr::parse(&format!("{NBS_EXAMPLE}|{unsupported}")).map_err(|e| e.code()),
                Err("unknown_tag"),
                "{unsupported}"
            );
        }
        assert_eq!(
            IpsQr::parse(&format!("{NBS_EXAMPLE}|SF:289")),
            Err(IpsQrError::DuplicateTag { tag: "SF" })
        );
        assert_eq!(
            IpsQr::parse(&format!("{NBS_EXAMPLE}|K:PR")),
            Err(IpsQrError::DuplicateTag { tag: "K" })
        );
        for empty in ["S", "P", "RO", "M"] {
            assert_eq!(
                IpsQr::parse(&format!("{NBS_EXAMPLE}|{empty}:")),
                Err(IpsQrError::EmptyTag {
                    tag: Tag::from_name(empty).map_or("?", Tag::name)
                })
            );
        }
        for tag in Tag::MANDATORY {
            let text: Vec<&str> = NBS_EXAMPLE
                .split('|')
                .filter(|field| field.split_once(':').map(|(t, _)| t) != Some(tag.name()))
                .collect();
            assert_eq!(
                IpsQr::parse(&text.join("|")),
                Err(IpsQrError::MissingTag { tag: tag.name() }),
                "{}",
                tag.name()
            );
        }
    }

    #[test]
    fn parse_value_errors() -> Result<(), IpsQrError> {
        assert_eq!(
            IpsQr::parse(&NBS_EXAMPLE.replace("95584510", "95584511")),
            Err(IpsQrError::PayeeAccountInvalid(
                IdentifierError::InvalidCheckDigit
            ))
        );
        assert_eq!(
            IpsQr::parse(&NBS_EXAMPLE.replace("840000000095584510", "840-955845-10")),
            Err(IpsQrError::PayeeAccountInvalid(
                IdentifierError::InvalidFormat
            ))
        );
        assert_eq!(
            IpsQr::parse(&NBS_EXAMPLE.replace("840000000095584510", "84000000009558451")),
            Err(IpsQrError::PayeeAccountInvalid(
                IdentifierError::WrongLength {
                    expected: 18,
                    found: 17
                }
            ))
        );
        let long_name = NBS_EXAMPLE.replace("Čigra doo", &"Č".repeat(71));
        assert_eq!(
            IpsQr::parse(&long_name),
            Err(IpsQrError::PayeeNameTooLong { max: 70, found: 71 })
        );
        let name_70 = NBS_EXAMPLE.replace("Čigra doo", &"Č".repeat(70));
        assert!(IpsQr::parse(&name_70).is_ok());
        assert_eq!(
            IpsQr::parse(&format!("{NBS_EXAMPLE}|S:{}", "s".repeat(36))),
            Err(IpsQrError::PurposeTooLong { max: 35, found: 36 })
        );
        assert_eq!(
            IpsQr::parse(&format!("{NBS_EXAMPLE}|S:a\nb")),
            Err(IpsQrError::ForbiddenCharacter {
                tag: "S",
                character: '\n'
            })
        );
        assert_eq!(
            IpsQr::parse(&format!("{NBS_EXAMPLE}|P:{}", "p".repeat(71))),
            Err(IpsQrError::PayerTooLong { max: 70, found: 71 })
        );
        // N may hold a colon and line breaks.
        let lines = NBS_EXAMPLE.replace("Čigra doo", "Čigra doo\nUl: Bulevar 1\r\nNovi Sad");
        assert_eq!(
            IpsQr::parse(&lines)?.payee_name(),
            "Čigra doo\nUl: Bulevar 1\r\nNovi Sad"
        );
        // M is validated, then dropped; other tags may follow in any order.
        let reordered = "K:PR|V:01|C:1|SF:289|M:5411|I:RSD1025,12|N:Čigra doo|R:840000000095584510";
        assert_eq!(IpsQr::parse(reordered)?.to_qr_text(), NBS_EXAMPLE);
        Ok(())
    }

    #[test]
    fn codes_are_stable() {
        let cases = [
            (IpsQrError::PayeeNameEmpty, "payee_name_empty"),
            (
                IpsQrError::PayeeNameTooLong { max: 70, found: 71 },
                "payee_name_too_long",
            ),
            (
                IpsQrError::PayerTooLong { max: 70, found: 71 },
                "payer_too_long",
            ),
            (
                IpsQrError::PurposeTooLong { max: 35, found: 36 },
                "purpose_too_long",
            ),
            (IpsQrError::AmountInvalid, "amount_invalid"),
            (IpsQrError::AmountTooLarge, "amount_too_large"),
            (IpsQrError::PaymentCodeInvalid, "payment_code_invalid"),
            (IpsQrError::ReferenceInvalid, "reference_invalid"),
            (IpsQrError::CurrencyNotSupported, "currency_not_supported"),
            (
                IpsQrError::ForbiddenCharacter {
                    tag: "N",
                    character: '|',
                },
                "forbidden_character",
            ),
            (
                IpsQrError::PayeeAccountInvalid(IdentifierError::InvalidCheckDigit),
                "payee_account_invalid",
            ),
            (IpsQrError::MissingTag { tag: "K" }, "missing_tag"),
            (
                IpsQrError::UnknownTag {
                    tag: "X".to_owned(),
                },
                "unknown_tag",
            ),
            (IpsQrError::DuplicateTag { tag: "K" }, "duplicate_tag"),
            (IpsQrError::EmptyTag { tag: "S" }, "empty_tag"),
            (IpsQrError::Malformed { detail: "x" }, "malformed"),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code);
        }
    }

    // ---- property tests ----

    /// Serbian Latin and Cyrillic letters, digits and common punctuation.
    const LINE: &str = "[A-Za-zČčĆćŽžŠšĐđАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгдђежзијклљмнњопрстћуфхцчџш0-9 .,:()/\\-]{1,30}";

    /// 18-digit long form with correct check digits.
    fn account() -> impl Strategy<Value = BankAccount> {
        "[0-9]{16}".prop_filter_map("valid account", |body| {
            let n: u128 = body.parse().ok()?;
            let check = 98 - (n * 100) % 97;
            BankAccount::parse(&format!("{body}{check:02}")).ok()
        })
    }

    /// Name-and-address text of 1–3 lines, at most `max` characters.
    fn multiline(max: usize) -> impl Strategy<Value = String> {
        (prop::collection::vec(LINE, 1..=3), prop::bool::ANY).prop_filter_map(
            "fits",
            move |(lines, crlf)| {
                let text = lines.join(if crlf { "\r\n" } else { "\n" });
                let text = text.trim();
                (!text.is_empty() && text.chars().count() <= max).then(|| text.to_owned())
            },
        )
    }

    fn purpose() -> impl Strategy<Value = String> {
        LINE.prop_filter_map("fits", |line| {
            let line = line.trim();
            (!line.is_empty() && line.chars().count() <= PURPOSE_MAX).then(|| line.to_owned())
        })
    }

    fn reference() -> impl Strategy<Value = PaymentReference> {
        prop_oneof![
            "[0-9]{1,21}".prop_filter_map("model 97", |base| {
                Reference97::compute(&base)
                    .ok()
                    .map(PaymentReference::Model97)
            }),
            "[0-9]{1,7}(-[0-9]{1,7}){0,2}".prop_filter_map("model 97 grouped", |base| {
                Reference97::compute(&base)
                    .ok()
                    .map(PaymentReference::Model97)
            }),
            "[A-Za-z0-9-]{1,33}".prop_filter_map("model 00", |free| {
                FreeReference::parse(&free)
                    .ok()
                    .map(PaymentReference::Model00)
            }),
        ]
    }

    fn kind() -> impl Strategy<Value = IpsKind> {
        prop_oneof![
            Just(IpsKind::PrintedBill),
            Just(IpsKind::MerchantPresented),
            Just(IpsKind::PayerPresented),
            Just(IpsKind::ECommerce),
        ]
    }

    fn amount() -> impl Strategy<Value = Amount> {
        prop_oneof![
            1_u64..=100_000_000,
            1_u64..=Amount::MAX.paras(),
            Just(Amount::MAX.paras()),
        ]
        .prop_filter_map("in range", |paras| Amount::from_paras(paras).ok())
    }

    fn ips_qr() -> impl Strategy<Value = IpsQr> {
        (
            kind(),
            account(),
            multiline(PAYEE_NAME_MAX),
            amount(),
            prop::option::of(multiline(PAYER_MAX)),
            "[12][0-9]{2}",
            prop::option::of(purpose()),
            prop::option::of(reference()),
        )
            .prop_filter_map(
                "valid",
                |(kind, account, name, amount, payer, code, purpose, reference)| {
                    let mut builder =
                        IpsQr::builder(account, name, amount, PaymentCode::parse(&code).ok()?)
                            .kind(kind);
                    if let Some(payer) = payer {
                        builder = builder.payer(payer);
                    }
                    if let Some(purpose) = purpose {
                        builder = builder.purpose(purpose);
                    }
                    if let Some(reference) = reference {
                        builder = builder.reference(reference);
                    }
                    builder.build().ok()
                },
            )
    }

    proptest! {
        #[test]
        fn text_round_trips(qr in ips_qr()) {
            let text = qr.to_qr_text();
            prop_assert_eq!(IpsQr::parse(&text)?, qr);
        }

        #[test]
        fn text_has_the_nbs_shape(qr in ips_qr()) {
            let text = qr.to_qr_text();
            let starts_right = text.starts_with("K:");
            prop_assert!(starts_right);
            prop_assert!(!text.ends_with('|'));
            prop_assert_eq!(text.trim(), text.as_str());
            for field in text.split('|') {
                let parts = field.split_once(':');
                prop_assert!(parts.is_some(), "field without ':' in {:?}", text);
                if let Some((tag, value)) = parts {
                    prop_assert!(Tag::from_name(tag).is_some(), "tag {:?}", tag);
                    prop_assert!(!value.is_empty(), "empty {} in {:?}", tag, text);
                    prop_assert_eq!(value.trim(), value);
                }
            }
        }

        #[test]
        fn builder_never_panics(
            name in "\\PC{0,80}",
            payer in "\\PC{0,80}",
            purpose in "\\PC{0,40}",
        ) {
            let _ = simple(&name).payer(payer).purpose(purpose).build();
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = IpsQr::parse(&text);
        }

        #[test]
        fn mutated_text_never_panics(
            at in any::<prop::sample::Index>(),
            insert in "[|:\\r\\n ,0-9A-Z]{0,3}",
            cut in 0_usize..4,
        ) {
            let text: Vec<char> = full_text().chars().collect();
            let i = at.index(text.len());
            let end = (i + cut).min(text.len());
            let mut mutated: String = text.get(..i).unwrap_or_default().iter().collect();
            mutated.push_str(&insert);
            mutated.extend(text.get(end..).unwrap_or_default());
            if let Ok(qr) = IpsQr::parse(&mutated) {
                // Whatever is accepted writes back to something accepted.
                prop_assert_eq!(IpsQr::parse(&qr.to_qr_text())?, qr);
            }
        }

        #[test]
        fn amount_text_round_trips(paras in 1_u64..=Amount::MAX.paras()) {
            let amount = Amount::from_paras(paras)?;
            let shown = amount.to_string();
            prop_assert_eq!(Amount::parse(&shown)?, amount);
            prop_assert_eq!(Amount::parse(&shown.replace(',', "."))?, amount);
            prop_assert_eq!(Amount::parse_qr(&shown)?, amount);
        }
    }
}
