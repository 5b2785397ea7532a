//! The back office: the account verification queue ([`verifications`], which needs
//! `VerifyAccounts`), the payments desk ([`payments`], which needs `ConfirmPayments`) and
//! the residence cases of a police department ([`cases`], which needs `HandleCases`) and
//! the decisions on them ([`decisions`]), and the department's biometrics slots
//! ([`biometrics`], which needs `ManageSlots`), its figures ([`figures`]), and the
//! administrator's page of departments ([`departments`]).

pub mod biometrics;
pub mod cases;
pub mod decisions;
pub mod departments;
pub mod figures;
pub mod payments;
pub mod verifications;

use crate::routes::{Access, Routes};
use eforeigner_domain::access::Permission;

/// The back office's routes.
pub fn routes() -> Routes {
    Routes::new(Access::Permission(Permission::VerifyAccounts))
        .get("/officer/verifications", verifications::queue)
        .get("/officer/verifications/{id}", verifications::case)
        .post(
            "/officer/verifications/{id}/approve",
            verifications::approve,
        )
        .post("/officer/verifications/{id}/reject", verifications::reject)
        .access(Access::Permission(Permission::ConfirmPayments))
        .get("/officer/payments", payments::payments)
        .post("/officer/payments/{id}/confirm", payments::confirm_payment)
        .post(
            "/officer/payments/lines/{id}/resolve",
            payments::resolve_payment_line,
        )
        .access(Access::Permission(Permission::HandleCases))
        .get("/officer/cases", cases::queue)
        .get("/officer/cases/{id}", cases::case_file)
        .get("/officer/cases/{id}/documents/{upload}", cases::document)
        .post("/officer/cases/{id}/take", cases::take)
        .post("/officer/cases/{id}/notes", cases::add_note)
        .post("/officer/cases/{id}/update", decisions::request_update)
        .post("/officer/cases/{id}/resume", decisions::resume)
        .post("/officer/cases/{id}/approve", decisions::approve)
        .post("/officer/cases/{id}/reject", decisions::propose_rejection)
        .post(
            "/officer/cases/{id}/biometrics-taken",
            decisions::biometrics_taken,
        )
        .post("/officer/cases/{id}/card-ready", decisions::card_ready)
        .post("/officer/cases/{id}/card-issued", decisions::card_issued)
        .access(Access::Permission(Permission::ReassignCases))
        .post("/officer/cases/{id}/reassign", cases::reassign)
        .access(Access::Permission(Permission::ConfirmRejections))
        .post(
            "/officer/cases/{id}/reject/confirm",
            decisions::confirm_rejection,
        )
        .post(
            "/officer/cases/{id}/reject/return",
            decisions::return_rejection,
        )
        .access(Access::Permission(Permission::ManageSlots))
        .get("/officer/biometrics", biometrics::slots)
        .post("/officer/biometrics/slots", biometrics::open_slots)
        .post(
            "/officer/biometrics/slots/{slot}/close",
            biometrics::close_slot,
        )
        .access(Access::Permission(Permission::ViewFigures))
        .get("/officer/figures", figures::page)
        .get("/officer/figures.csv", figures::csv)
        .access(Access::Permission(Permission::AssignDepartments))
        .get("/admin/departments", departments::list)
        .post("/admin/officers/{id}/department", departments::assign)
}
