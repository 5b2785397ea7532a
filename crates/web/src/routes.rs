//! The pages' route table: every area adds its routes through [`Routes`], which keeps the
//! list of what it added (method, path, and who may reach it: [`Access`]). The route ×
//! role test walks that list (and the API's [`crate::api::v1::ACCESS`]), signs in as every
//! role, and checks that each route lets in exactly whom its [`Access`] and the domain's
//! permission table say; a route added without its access declared fails to compile.

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post};

use crate::AppState;
use eforeigner_domain::access::{self, Permission};
use eforeigner_domain::{AccountStatus, Role};

/// Who may reach a route. The handler's extractor is what enforces it (`SignedIn`,
/// `Require<P>`); this declaration is what the route × role test holds it to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in, whatever the role or the account's status (their own account).
    SignedIn,
    /// A signed-in person whose role holds the permission and whose account is active.
    Permission(Permission),
}

/// What a request to a route gets, as far as access goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The handler ran (whatever it then answered).
    Allowed,
    /// Sent to the login page (401 under `/api/`).
    Login,
    /// "Your account is being checked" (an applicant not yet verified).
    AwaitingVerification,
    /// "Access denied" (403).
    Forbidden,
}

impl Access {
    /// What a person gets: `None` is nobody signed in, else their role and account status.
    /// The API answers a not-yet-verified applicant with a plain 403 (`api` true).
    pub fn outcome(self, who: Option<(Role, AccountStatus)>, api: bool) -> Outcome {
        let Some((role, status)) = who else {
            return match self {
                Access::Public => Outcome::Allowed,
                Access::SignedIn | Access::Permission(_) => Outcome::Login,
            };
        };
        match self {
            Access::Public | Access::SignedIn => Outcome::Allowed,
            Access::Permission(p) if !access::granted(role, p) => Outcome::Forbidden,
            Access::Permission(_) if status == AccountStatus::Active => Outcome::Allowed,
            Access::Permission(_) if api => Outcome::Forbidden,
            Access::Permission(_) if access::is_verified_by_officers(role) => {
                Outcome::AwaitingVerification
            }
            Access::Permission(_) => Outcome::Forbidden,
        }
    }
}

/// One route: a method and a path pattern (`/applications/{id}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteInfo {
    /// `GET` or `POST`.
    pub method: Method,
    /// The path, with `{name}` for its parameters.
    pub path: &'static str,
    /// Who may reach it.
    pub access: Access,
}

/// A router and the list of the routes in it.
pub struct Routes {
    router: Router<AppState>,
    list: Vec<RouteInfo>,
    /// The access of the routes added next.
    access: Access,
}

impl Routes {
    /// No routes yet; those added next are reached by `access`.
    pub fn new(access: Access) -> Self {
        Self {
            router: Router::new(),
            list: vec![],
            access,
        }
    }

    /// The routes added after this are reached by `access`.
    pub fn access(mut self, access: Access) -> Self {
        self.access = access;
        self
    }

    fn add(
        mut self,
        path: &'static str,
        methods: &[Method],
        route: MethodRouter<AppState>,
    ) -> Self {
        self.router = self.router.route(path, route);
        let access = self.access;
        self.list.extend(methods.iter().map(|m| RouteInfo {
            method: m.clone(),
            path,
            access,
        }));
        self
    }

    /// A page: `GET path` (which also answers `HEAD`).
    pub fn get<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(path, &[Method::GET], get(handler))
    }

    /// A form's target: `POST path`.
    pub fn post<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(path, &[Method::POST], post(handler))
    }

    /// A form page and its target at one address.
    pub fn form<G, TG, P, TP>(self, path: &'static str, show: G, send: P) -> Self
    where
        G: Handler<TG, AppState>,
        TG: 'static,
        P: Handler<TP, AppState>,
        TP: 'static,
    {
        self.add(path, &[Method::GET, Method::POST], get(show).post(send))
    }

    /// Both tables in one.
    pub fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.list.extend(other.list);
        self
    }

    /// The routes added, in order.
    pub fn list(&self) -> &[RouteInfo] {
        &self.list
    }

    /// The axum router.
    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}
