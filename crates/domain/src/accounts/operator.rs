//! What the operator does: active users and lookup by e-mail (command line), officers put
//! in police departments (command line and the administrator's page).

use serde_json::json;

use super::{Accounts, audit};
use crate::access::{self, Permission};
use crate::audit::AuditAction;
use crate::clock::new_id;
use crate::registration::{check_email, check_password};
use crate::store::{Effects, UploadMove};
use crate::{
    Account, AccountId, AccountStatus, Actor, Department, DomainError, FieldErrors, Lang, Profile,
    Role,
};

impl Accounts {
    /// Creates a user that is active at once (command line and demo data): its e-mail and
    /// identity count as verified.
    pub async fn create_active_user(
        &self,
        email: &str,
        role: Role,
        password: &str,
        given_names: &str,
        surname: &str,
    ) -> Result<Account, DomainError> {
        let mut errors = FieldErrors::default();
        let parsed = check_email(&mut errors, "email", email);
        check_password(
            &mut errors,
            "password",
            password,
            &[given_names, surname, email.split('@').next().unwrap_or("")],
        );
        errors.into_result()?;
        let Some(parsed) = parsed else {
            return Err(DomainError::Conflict);
        };
        let now = self.now();
        let account = Account {
            email_confirmed_at: Some(now),
            submitted_at: Some(now),
            verified_at: Some(now),
            ..Account::new(
                AccountId::new(new_id()),
                parsed.into_normalized(),
                self.hasher.hash(password).await?,
                role,
                AccountStatus::Active,
                Profile {
                    given_names: given_names.into(),
                    surname: surname.into(),
                    ..Profile::default()
                },
                Lang::En,
                now,
            )
        };
        let system = Actor {
            account_id: None,
            ip: "local".into(),
            user_agent: "cli".into(),
        };
        let effects = Effects::at(now).with_audit(audit(
            &system,
            AuditAction::AccountCreatedByOperator,
            Some(account.id.as_str()),
            json!({"role": role.as_str()}),
        ));
        self.store
            .insert_account(&account, None, &UploadMove::default(), &effects)
            .await?;
        Ok(account)
    }

    /// Assigns the officer `account` to `department` (or takes them off any): an inspector
    /// or supervisor works the cases of their department only. Audited as `actor`.
    pub async fn assign_department(
        &self,
        account: &Account,
        department: Option<Department>,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        if !access::granted(account.role, Permission::HandleCases) && department.is_some() {
            return Err(DomainError::Conflict);
        }
        let mut updated = account.clone();
        updated.department = department;
        updated.updated_at = self.now();
        let effects = Effects::at(updated.updated_at).with_audit(audit(
            actor,
            AuditAction::AccountDepartmentAssigned,
            Some(account.id.as_str()),
            json!({"department": department.map(|d| d.slug)}),
        ));
        self.save(&updated, account, &effects).await?;
        Ok(updated)
    }

    /// The inspectors and supervisors an administrator may put in departments.
    pub async fn officers(&self, admin: &Account) -> Result<Vec<Account>, DomainError> {
        access::check(admin, Permission::AssignDepartments).map_err(|_| DomainError::Forbidden)?;
        Ok(self
            .store
            .staff(&[Role::Inspector, Role::Supervisor], 1000)
            .await?)
    }

    /// An administrator puts the officer `officer_id` in the department `slug` (empty: in
    /// none). Field error `department` for an unknown department; `NotFound` for an account
    /// that is not an active inspector or supervisor.
    pub async fn set_department(
        &self,
        admin: &Account,
        officer_id: &AccountId,
        slug: &str,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        access::check(admin, Permission::AssignDepartments).map_err(|_| DomainError::Forbidden)?;
        let department = match slug.trim() {
            "" => None,
            s => match crate::find_department(s) {
                Some(d) => Some(d),
                None => return Err(DomainError::invalid("department", "choose_one")),
            },
        };
        let officer = self
            .store
            .account(officer_id)
            .await?
            .filter(|a| {
                matches!(a.role, Role::Inspector | Role::Supervisor)
                    && a.status == AccountStatus::Active
            })
            .ok_or(DomainError::NotFound)?;
        self.assign_department(&officer, department, actor).await
    }

    /// The account with this e-mail, if any (operator tools, tests).
    pub async fn find_by_email(&self, email: &str) -> Result<Option<Account>, DomainError> {
        Ok(self
            .store
            .account_by_email(&email.trim().to_lowercase())
            .await?)
    }
}
