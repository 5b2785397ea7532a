//! eForeigner's business operations: accounts (registration, e-mail confirmation, officer
//! verification, login and sessions, password recovery), applications, payments, the
//! e-Mailbox, audit and the sweeps. Services work over the [`ports`] (repository traits,
//! files, documents); the clock and id source are injected ([`clock`]). No SQL, no HTTP, no
//! PDF here: the store, web and documents crates are adapters around this one.

pub mod access;
pub mod accounts;
pub mod applications;
pub mod audit;
pub mod clock;
pub mod error;
pub mod ids;
pub mod jobs;
pub mod model;
pub mod paging;
pub mod payments;
pub mod ports;
pub mod registration;
pub mod sessions;
pub mod sweep;
pub mod uploads;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{DomainError, FieldError, FieldErrors};
pub use ids::{AccountId, ApplicationId, OwnerKey};
pub use model::*;
/// The repository traits and their values (also at `ports::store`).
pub use ports::store;
