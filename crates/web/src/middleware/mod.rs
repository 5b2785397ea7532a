//! What every request passes through, outermost last in the router: security headers and
//! metrics ([`security`]), the request's context ([`session`]), and the cross-site check of
//! writes ([`security::cross_site_guard`]).

pub mod security;
pub mod session;
