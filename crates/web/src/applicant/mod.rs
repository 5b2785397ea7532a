//! The e-services of an applicant whose account is active: applications
//! ([`applications`]), the e-Mailbox ([`mailbox`]), the services page and the EBS link
//! ([`services`]). Every handler takes `Require<UseServices>`.

pub mod applications;
pub mod biometrics;
pub mod lost;
pub mod mailbox;
pub mod services;

use crate::routes::{Access, Routes};
use eforeigner_domain::access::Permission;

/// The applicant's routes.
pub fn routes() -> Routes {
    Routes::new(Access::Permission(Permission::UseServices))
        .get("/services", services::services)
        .form("/account/ebs", services::ebs_form, services::ebs)
        .get("/applications", applications::list)
        .form(
            "/applications/new",
            applications::new_form,
            applications::start,
        )
        .get("/applications/{id}", applications::show)
        .form(
            "/applications/{id}/steps/{step}",
            applications::step_form,
            applications::step_save,
        )
        .post("/applications/{id}/files", applications::add_files)
        .post("/applications/{id}/documents", applications::documents_save)
        .get("/applications/{id}/files/{upload}", applications::file)
        .post(
            "/applications/{id}/files/{upload}/delete",
            applications::delete_file,
        )
        .get("/applications/{id}/slip.pdf", applications::slip_pdf)
        .get("/applications/{id}/review", applications::review)
        .post("/applications/{id}/submit", applications::submit)
        .form(
            "/applications/{id}/delete",
            applications::delete_form,
            applications::delete,
        )
        .form(
            "/applications/{id}/withdraw",
            applications::withdraw_form,
            applications::withdraw,
        )
        .form(
            "/applications/{id}/biometrics",
            biometrics::form,
            biometrics::book,
        )
        .get("/applications/{id}/biometrics.ics", biometrics::calendar)
        .form("/applications/{id}/lost", lost::form, lost::report)
        .get("/mailbox", mailbox::list)
        .get("/mailbox/{id}", mailbox::show)
        .post("/mailbox/{id}/open", mailbox::open)
        .get("/mailbox/{id}/file", mailbox::file)
}
