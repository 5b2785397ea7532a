//! What every request passes through, outermost last in the router: security headers and
//! metrics ([`security`]), the request's context ([`session`]), and the cross-site check of
//! writes ([`security::cross_site_guard`]), and outermost the request id and the span every
//! log line of the request is written in ([`trace`]).

pub mod security;
pub mod session;
pub mod trace;
