//! Login: the password checked under the throttles, sessions opened and ended.

use jiff::SignedDuration;
use serde_json::json;

use super::{Accounts, LoggedIn, audit, job_mail};
use crate::audit::AuditAction;
use crate::clock::{hash_secret, new_id, new_secret};
use crate::sessions::{LOCK_AFTER_FAILURES, ThrottleScope, limits_for};
use crate::store::Effects;
use crate::{
    Account, AccountStatus, Actor, DomainError, FieldErrors, Session, SignIn, SignInMethod,
};

impl Accounts {
    /// Checks `password` for the account `typed` names (or a dummy, so that an unknown
    /// account costs the same), throttled per typed address and per client address: the
    /// attempt is counted first, so of many sent at once only as many are checked as the
    /// throttle allows. A failure on an existing account also counts towards its lock
    /// (atomically) and is audited; a success clears the account's throttle and takes back
    /// its own attempt from the client address's (never the failures against others).
    async fn check_password_throttled(
        &self,
        typed: &str,
        account: Option<&Account>,
        password: &str,
        actor: &Actor,
        method: &str,
    ) -> Result<bool, DomainError> {
        self.throttle(&[
            (ThrottleScope::Account, typed),
            (ThrottleScope::Address, &actor.ip),
        ])
        .await?;
        let ok = self
            .hasher
            .verify(password, account.map(|a| a.password_hash.as_str()))
            .await;
        let now = self.now();
        match account {
            Some(a) if ok => {
                self.store
                    .throttle_clear(&ThrottleScope::Account.key(typed))
                    .await?;
                self.store
                    .throttle_refund(&ThrottleScope::Address.key(&actor.ip))
                    .await?;
                if a.failed_logins != 0 {
                    self.store.reset_password_failures(&a.id).await?;
                }
            }
            Some(a) => {
                let (account_id, email, language) = (a.id.clone(), a.email.clone(), a.language);
                let public_url = self.public_url.clone();
                let method = method.to_string();
                let effects = move |count: i64, newly_locked: bool| {
                    let mut e = Effects::at(now).with_audit(audit(
                        actor,
                        AuditAction::LoginFailed,
                        Some(account_id.as_str()),
                        json!({"consecutive_failures": count, "method": method}),
                    ));
                    if newly_locked {
                        e = e
                            .with_job(job_mail(
                                email.as_str(),
                                language,
                                "account-locked",
                                json!({"link": format!("{public_url}/password/forgot")}),
                            ))
                            .with_audit(audit(
                                actor,
                                AuditAction::AccountLocked,
                                Some(account_id.as_str()),
                                json!({}),
                            ));
                    }
                    e
                };
                self.store
                    .count_password_failure(&a.id, LOCK_AFTER_FAILURES, now, &effects)
                    .await?;
            }
            None => {
                self.store
                    .append_audit(
                        &[audit(
                            actor,
                            AuditAction::LoginFailed,
                            None,
                            json!({"reason": "unknown_or_wrong", "method": method}),
                        )],
                        now,
                    )
                    .await?;
            }
        }
        Ok(ok && account.is_some())
    }

    /// Asks for the current password again before a change (password, e-mail): throttled
    /// and counted exactly like a login, so a stolen session cannot guess the password
    /// faster than the login form allows. A wrong password, or an attempt that must wait,
    /// is a problem of `field`.
    pub(super) async fn check_current_password(
        &self,
        account: &Account,
        password: &str,
        actor: &Actor,
        errors: &mut FieldErrors,
        field: &str,
    ) -> Result<(), DomainError> {
        match self
            .check_password_throttled(
                account.email.as_str(),
                Some(account),
                password,
                actor,
                "reauthentication",
            )
            .await
        {
            Ok(true) => {}
            Ok(false) => errors.add(field, "current_password_wrong"),
            Err(DomainError::Throttled { retry_after_secs }) => errors.add_with(
                field,
                "login_throttled",
                &[("seconds", retry_after_secs.to_string())],
            ),
            Err(e) => return Err(e),
        }
        Ok(())
    }

    /// Logs in with e-mail and password. Unknown address and wrong password answer the same,
    /// after the same work. Attempts are throttled per address typed and per client address.
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        actor: &Actor,
    ) -> Result<LoggedIn, DomainError> {
        let typed = email.trim().to_lowercase();
        let account = match eforeigner_rules::email::Email::parse(email) {
            Ok(e) => self.store.account_by_email(&e.normalized()).await?,
            Err(_) => None,
        };
        let ok = self
            .check_password_throttled(&typed, account.as_ref(), password, actor, "password")
            .await?;
        let now = self.now();
        let sign_in = |succeeded| SignIn {
            at: now,
            ip: actor.ip.clone(),
            user_agent: actor.user_agent.clone(),
            method: SignInMethod::Password,
            succeeded,
        };
        let account = match account {
            Some(a) if ok => a,
            other => {
                if let Some(a) = other {
                    self.store.record_sign_in(&a.id, &sign_in(false)).await?;
                }
                return Err(DomainError::InvalidCredentials);
            }
        };
        if account.locked_at.is_some() {
            return Err(DomainError::Locked);
        }
        if account.status == AccountStatus::PendingEmail {
            return Err(DomainError::EmailNotConfirmed);
        }
        let limits = limits_for(account.role);
        let secret = new_secret();
        let session = Session {
            id: new_id(),
            account_id: account.id.clone(),
            created_at: now,
            last_seen_at: now,
            idle_timeout_secs: limits.idle.as_secs(),
            absolute_expires_at: now.saturating_add(limits.absolute).unwrap_or(now),
            ip: actor.ip.clone(),
            user_agent: actor.user_agent.clone(),
            ended_at: None,
        };
        let actor = Actor {
            account_id: Some(account.id.clone()),
            ..actor.clone()
        };
        let effects = Effects::at(now).with_audit(audit(
            &actor,
            AuditAction::LoginSucceeded,
            Some(account.id.as_str()),
            json!({"method": SignInMethod::Password.as_str()}),
        ));
        self.store
            .insert_session(&session, &hash_secret(&secret), &effects)
            .await?;
        self.store
            .record_sign_in(&account.id, &sign_in(true))
            .await?;
        Ok(LoggedIn {
            secret,
            session,
            account,
        })
    }

    /// Finds the live session for a cookie secret and records the activity. `Ok(None)` when
    /// unknown, ended or expired.
    pub async fn authenticate(
        &self,
        secret: &str,
    ) -> Result<Option<(Session, Account)>, DomainError> {
        let Some((mut session, account)) =
            self.store.session_and_account(&hash_secret(secret)).await?
        else {
            return Ok(None);
        };
        let now = self.now();
        if !session.is_live(now) {
            return Ok(None);
        }
        // Writing on every request would serialise readers on SQLite; ten seconds of
        // imprecision in an hour-long idle timeout does not matter.
        if now.duration_since(session.last_seen_at) > SignedDuration::from_secs(10) {
            self.store.touch_session(&session.id, now).await?;
            session.last_seen_at = now;
        }
        Ok(Some((session, account)))
    }

    /// Logs out: ends this session.
    pub async fn logout(&self, session: &Session, actor: &Actor) -> Result<(), DomainError> {
        let now = self.now();
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::Logout,
            Some(session.account_id.as_str()),
            json!({}),
        ));
        self.store
            .end_session(&session.account_id, &session.id, now, &effects)
            .await?;
        Ok(())
    }
}
