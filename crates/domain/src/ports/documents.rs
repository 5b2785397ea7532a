//! The documents port: how the services get a PDF of an official document without knowing
//! how it is laid out or translated. The web crate implements it (the words of a document
//! are the portal's translations; the drawing is the documents crate's).

use crate::applications::{Application, CaseLetter};
use crate::{Account, Upload};

/// Renders the official documents the services deliver to the e-Mailbox.
pub trait DocumentRenderer: Send + Sync {
    /// The confirmation of request receipt of `app` (with its `uploads`), in its
    /// applicant's (`account`) language, as an A4 PDF.
    fn receipt_pdf(
        &self,
        account: &Account,
        app: &Application,
        uploads: &[Upload],
    ) -> anyhow::Result<Vec<u8>>;

    /// A letter of the case `app` (a request for an update, a decision), in its applicant's
    /// (`account`) language, as an A4 PDF.
    fn letter_pdf(
        &self,
        account: &Account,
        app: &Application,
        letter: &CaseLetter,
    ) -> anyhow::Result<Vec<u8>>;
}
