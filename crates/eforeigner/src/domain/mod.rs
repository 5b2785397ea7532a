//! Business operations: accounts, registration, e-mail confirmation, officer verification,
//! login and sessions, password recovery, audit. Services work over the repository traits
//! of [`crate::store`]; the clock and id source are injected ([`clock`]).

pub mod accounts;
pub mod applications;
pub mod clock;
pub mod error;
pub mod model;
pub mod paging;
pub mod payments;
pub mod registration;
pub mod sessions;
pub mod sweep;
pub mod uploads;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{DomainError, FieldError, FieldErrors};
pub use model::*;
