//! Payments of application fees: the ways to pay ([`PaymentMethod`]; the payment slip with
//! its IPS QR code today, a card provider later, beside it) and the confirmations that
//! arrive from outside (a bank statement line, a supervisor), all reduced to one
//! [`PaymentLine`] that [`crate::applications::Applications::confirm_payment`]
//! matches against the application's model-97 reference.
//!
//! Parsing a bank statement is pure and lives here; matching and recording is the service's.

use eforeigner_rules::Reference97;
use jiff::civil::Date;

use crate::clock::hash_secret;
use crate::registration::parse_date;

/// What the applicant is shown to pay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentStart {
    /// Print or download the payment slip (with its IPS QR code) and pay at a bank, post
    /// office or exchange office, or scan the code in a banking app.
    Slip,
    /// Go to a card provider's page (a provider returns the address).
    Redirect(String),
}

/// A way to pay an application's fee. A card provider implements this beside the slip:
/// `start` sends the applicant to its page, and its callback hands a [`PaymentLine`] with
/// `source = "card:<provider>"` to the same confirmation as the bank statement.
pub trait PaymentMethod: Send + Sync {
    /// Stable code (`slip`), stored on the application.
    fn code(&self) -> &'static str;
    /// How to pay `amount_para` under `reference` (model-97 digits).
    fn start(
        &self,
        application_id: &crate::ApplicationId,
        reference: &str,
        amount_para: i64,
    ) -> PaymentStart;
}

/// The payment slip.
#[derive(Clone, Copy, Debug, Default)]
pub struct SlipPayment;

impl PaymentMethod for SlipPayment {
    fn code(&self) -> &'static str {
        "slip"
    }

    fn start(
        &self,
        _application_id: &crate::ApplicationId,
        _reference: &str,
        _amount_para: i64,
    ) -> PaymentStart {
        PaymentStart::Slip
    }
}

/// A payment to confirm, from whatever source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentLine {
    /// `bank-statement`, `supervisor`, later `card:<provider>`.
    pub source: String,
    /// Idempotency key: the same line recorded twice is recognised.
    pub source_key: String,
    /// Model-97 reference digits (without `97` and the check digits).
    pub reference: String,
    /// Amount in para.
    pub amount_para: i64,
    /// Date paid.
    pub paid_on: Date,
    /// Payer as given.
    pub payer: String,
}

/// What happened to one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentOutcome {
    /// The fee of this application is paid (by this line).
    Matched {
        /// Application id.
        application_id: crate::ApplicationId,
    },
    /// The reference belongs to an application, but the amount differs: recorded, not
    /// accepted.
    AmountMismatch {
        /// Application id.
        application_id: crate::ApplicationId,
        /// What was due, para.
        expected_para: i64,
    },
    /// No application has this reference: recorded for follow-up.
    UnknownReference,
    /// The application was already paid: recorded, nothing changes.
    AlreadyPaid {
        /// Application id.
        application_id: crate::ApplicationId,
    },
    /// The same line was recorded before: nothing changes.
    Duplicate,
}

impl PaymentOutcome {
    /// Stable code (stored, printed by the import).
    pub fn code(&self) -> &'static str {
        match self {
            PaymentOutcome::Matched { .. } => "matched",
            PaymentOutcome::AmountMismatch { .. } => "amount-mismatch",
            PaymentOutcome::UnknownReference => "unknown-reference",
            PaymentOutcome::AlreadyPaid { .. } => "already-paid",
            PaymentOutcome::Duplicate => "duplicate",
        }
    }
}

/// A line of a bank statement that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementProblem {
    /// 1-based line number in the file.
    pub line: usize,
    /// What is wrong (`columns`, `reference`, `amount`, `date`, `payer`).
    pub problem: &'static str,
}

/// Parses an amount in RSD: `22230`, `22230.00`, `22230,00`, `22.230,00`, `22,230.00`.
pub fn parse_amount_para(raw: &str) -> Option<i64> {
    let s: String = raw.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.strip_prefix("RSD").unwrap_or(&s);
    if s.is_empty() || s.starts_with('-') {
        return None;
    }
    // The last separator followed by exactly two digits is the decimal one.
    let (whole, frac) = match s.rfind(['.', ',']) {
        Some(i) if s.len() - i == 3 => (&s[..i], &s[i + 1..]),
        _ => (s, "00"),
    };
    let whole: String = whole.chars().filter(|c| *c != '.' && *c != ',').collect();
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || whole.len() > 12
    {
        return None;
    }
    Some(whole.parse::<i64>().ok()? * 100 + frac.parse::<i64>().ok()?)
}

/// Splits one CSV line (commas or semicolons; double quotes allowed around fields).
fn split_csv(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|s| s.trim().to_string()).collect()
}

/// Parses a bank statement CSV with a header naming the columns `reference`, `amount`,
/// `date` and `payer` (any order, `,` or `;` separated). Each good line becomes a
/// [`PaymentLine`] whose idempotency key is the hash of its normalised content, so
/// importing the same file twice changes nothing.
pub fn parse_statement(text: &str) -> (Vec<PaymentLine>, Vec<StatementProblem>) {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return (
            vec![],
            vec![StatementProblem {
                line: 1,
                problem: "columns",
            }],
        );
    };
    let header = header.trim_start_matches('\u{feff}');
    let sep = if header.contains(';') { ';' } else { ',' };
    let names: Vec<String> = split_csv(header, sep)
        .into_iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let col = |n: &str| names.iter().position(|h| h == n);
    let (Some(ci_ref), Some(ci_amount), Some(ci_date), Some(ci_payer)) =
        (col("reference"), col("amount"), col("date"), col("payer"))
    else {
        return (
            vec![],
            vec![StatementProblem {
                line: 1,
                problem: "columns",
            }],
        );
    };
    let mut good = vec![];
    let mut bad = vec![];
    for (i, line) in lines {
        let n = i + 1;
        let cells = split_csv(line, sep);
        let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let reference = match Reference97::parse(cell(ci_ref)) {
            Ok(r) => r.base().to_string(),
            Err(_) => {
                bad.push(StatementProblem {
                    line: n,
                    problem: "reference",
                });
                continue;
            }
        };
        let Some(amount_para) = parse_amount_para(cell(ci_amount)) else {
            bad.push(StatementProblem {
                line: n,
                problem: "amount",
            });
            continue;
        };
        let Some(paid_on) = parse_date(cell(ci_date)) else {
            bad.push(StatementProblem {
                line: n,
                problem: "date",
            });
            continue;
        };
        let payer = cell(ci_payer)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if payer.chars().count() > 200 {
            bad.push(StatementProblem {
                line: n,
                problem: "payer",
            });
            continue;
        }
        let source_key = hash_secret(&format!(
            "bank-statement|{reference}|{amount_para}|{paid_on}|{}",
            payer.to_lowercase()
        ));
        good.push(PaymentLine {
            source: "bank-statement".into(),
            source_key,
            reference,
            amount_para,
            paid_on,
            payer,
        });
    }
    (good, bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_in_the_usual_spellings() {
        assert_eq!(parse_amount_para("22230"), Some(2_223_000));
        assert_eq!(parse_amount_para("22230.00"), Some(2_223_000));
        assert_eq!(parse_amount_para("22.230,00"), Some(2_223_000));
        assert_eq!(parse_amount_para("22,230.50"), Some(2_223_050));
        assert_eq!(parse_amount_para("RSD22230,00"), Some(2_223_000));
        assert_eq!(parse_amount_para("-5"), None);
        assert_eq!(parse_amount_para("abc"), None);
        assert_eq!(parse_amount_para(""), None);
    }

    #[test]
    fn a_statement_with_good_and_bad_lines() {
        let r = Reference97::compute("016123456789").unwrap();
        let text = format!(
            "date;payer;amount;reference\n2026-11-20;\"Petrović, Ana\";22.230,00;{}\n\
             2026-11-20;X;1;97 00-1\nbad;X;1;{}\n",
            r.written(),
            r.written()
        );
        let (good, bad) = parse_statement(&text);
        assert_eq!(good.len(), 1);
        assert_eq!(good[0].reference, "016123456789");
        assert_eq!(good[0].amount_para, 2_223_000);
        assert_eq!(good[0].payer, "Petrović, Ana");
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].problem, "reference");
        assert_eq!(bad[1].problem, "date");
        let (again, _) = parse_statement(&text);
        assert_eq!(again[0].source_key, good[0].source_key);
    }

    #[test]
    fn a_statement_without_the_columns_is_refused() {
        let (good, bad) = parse_statement("a,b,c\n1,2,3\n");
        assert!(good.is_empty());
        assert_eq!(bad[0].problem, "columns");
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in "\\PC{0,400}") {
            let _ = parse_statement(&s);
            let _ = parse_amount_para(&s);
        }
    }
}
