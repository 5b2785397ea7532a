//! Pages open to everyone: the start page and terms ([`home`]), registration and e-mail
//! confirmation ([`register`]), login and logout ([`login`]), password recovery
//! ([`password`]), the residence guide and calculators ([`residence`]), the verification
//! of a document's code ([`verify`]), static assets ([`assets`]), and the operators'
//! health and metrics endpoints.

pub mod assets;
pub mod home;
pub mod invalidated;
pub mod login;
pub mod password;
pub mod register;
pub mod residence;
pub mod verify;

use crate::routes::{Access, Routes};

/// The public routes.
pub fn routes() -> Routes {
    Routes::new(Access::Public)
        .get("/", home::home)
        .post("/language", home::set_language)
        .get("/terms", home::terms)
        .form("/register", register::form, register::submit)
        .get("/register/sent", register::sent)
        .form("/confirm-email", register::confirm_form, register::confirm)
        .form(
            "/confirm-email/resend",
            register::resend_form,
            register::resend,
        )
        .get("/login", login::choose)
        .form("/login/password", login::form, login::submit)
        .get("/login/mobile", login::mobile)
        .get("/login/certificate", login::certificate)
        .form("/password/forgot", password::forgot_form, password::forgot)
        .form("/password/reset", password::reset_form, password::reset)
        .get("/residence", residence::index)
        .get("/residence/bases", residence::bases)
        .get("/residence/eligibility", residence::eligibility)
        .get("/residence/absences", residence::absences)
        .get("/residence/fees", residence::fees)
        .get("/residence/fees/slip.pdf", residence::slip_pdf)
        .get("/verify", verify::verify_form)
        .get("/verify/{code}", verify::verify_code)
        .get("/invalidated-permits", invalidated::list)
        .get("/dev/mailbox", home::dev_mailbox)
        .get("/healthz", home::healthz)
        .get("/metrics", home::metrics)
        .get("/static/app.css", assets::css)
        .get("/static/app.js", assets::js)
        .get("/static/favicon.svg", assets::favicon_svg)
        .get("/favicon.ico", assets::favicon_ico)
        .access(Access::SignedIn)
        .post("/logout", login::logout)
        .post("/session/extend", login::extend)
}
