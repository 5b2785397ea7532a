//! Pure domain rules of eForeigner, the e-government portal for foreign
//! citizens in Serbia.
//!
//! This crate has no I/O, no async and no clock: everything is a function of
//! its arguments, and "today" is always passed in by the caller. That keeps
//! the rules easy to test exhaustively (unit and property tests sit beside
//! the code) and usable from any layer.
//!
//! Values are parsed, not validated: a newtype such as [`Jmbg`] or [`Email`]
//! can only be built by its `parse` function, so holding one is proof that
//! the input was valid. Every error has a stable snake_case `code()` used by
//! the web layer as translation key and API error code.
//!
//! Each rule cites its source:
//!
//! - [`identifiers::Jmbg`]: Uredba o jedinstvenom matičnom broju građana
//!   (check digit mod 11, "10 or 11 becomes 0" per the project's design).
//! - [`identifiers::Ebs`]: MUP's foreigner registration number, built like
//!   JMBG (check digit rule unverified, see the module).
//! - [`identifiers::BankAccount`] and [`identifiers::Reference97`]: NBS,
//!   Odluka o platnom prometu / ISO 7064 MOD 97-10.
//! - [`identifiers::Pib`]: Poreska uprava, ISO 7064 MOD 11,10.
//! - [`identifiers::Mb`]: RZS/APR rule (unverified; weights checked against
//!   published numbers, see the module).
//! - [`email`]: a practical subset of RFC 5321/5322.
//! - [`password`]: NIST SP 800-63B-4, with the MIT-licensed zxcvbn list of
//!   common passwords.
//! - [`biometrics`]: biometrics slots from opening hours, the 24-hour limit to move a
//!   booking, the reminder the day before (seed 002).
//! - [`case`]: the life of a residence case (statuses, moves, who makes them): seed 002.
//! - [`decisions`]: the grounds of a rejection (seed 004), decision numbers, the
//!   deadline of a request for an update (seed 002).
//! - [`deadlines`]: how long drafts, kept answers and registration files live (the
//!   portal's own rules; the seeds set none).
//! - [`estimates`]: processing-time estimates from a department's decisions, and when a
//!   case is overdue (the portal's own rules).
//! - [`countries`]: Unicode CLDR country names.
//! - [`municipalities`]: municipality codes for public revenue payments and
//!   police departments (secondary sources, unverified; see
//!   `data/MUNICIPALITIES-SOURCE.md`).

pub mod biometrics;
pub mod case;
pub mod countries;
pub mod deadlines;
pub mod decisions;
pub mod email;
pub mod estimates;
pub mod identifiers;
pub mod ips_qr;
pub mod municipalities;
pub mod password;
pub mod residence;
pub mod text;

pub use email::{Email, EmailError};
pub use identifiers::{
    BankAccount, Ebs, EbsRegister, IdentifierError, Jmbg, Mb, Pib, Reference97, Region, Sex,
};
pub use password::{PasswordPolicy, PasswordProblem, check_new_password};
