//! Who may do what: the one table from roles to permissions, and every other fact about
//! roles (which roles are staff, which accounts officers verify). Nothing else in the
//! code compares roles: the web edge's `Require<P>` extractor and the services ask
//! [`check`], the navigation asks [`granted`].
//!
//! To let a role do something new, add the permission to its row in [`TABLE`]; the
//! route × role test (`crates/eforeigner/tests/it/access.rs`) then shows which pages
//! change, in its snapshot.

use crate::model::{Account, AccountStatus, Role};

/// Something a signed-in person may be allowed to do. Pages open to anyone, or to anyone
/// signed in (their own account), need no permission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Use the e-services for oneself: apply, the e-Mailbox, link one's EBS.
    UseServices,
    /// Work the account verification queue and see the identity documents in it.
    VerifyAccounts,
    /// Confirm fee payments and resolve bank-statement lines that need attention.
    ConfirmPayments,
    /// Work the residence cases of one's own police department: the queue, a case, taking
    /// it and the moves the status machine gives an inspector.
    HandleCases,
    /// Give a department's case to another of its officers.
    ReassignCases,
    /// Confirm (or send back) a rejection another officer of the department proposed.
    ConfirmRejections,
    /// Open and close the department's biometrics appointment slots.
    ManageSlots,
    /// See the department's figures (cases per status, overdue, time to decision).
    ViewFigures,
    /// Put inspectors and supervisors in police departments.
    AssignDepartments,
}

impl Permission {
    /// Every permission, in declaration order.
    pub const ALL: &'static [Permission] = &[
        Permission::UseServices,
        Permission::VerifyAccounts,
        Permission::ConfirmPayments,
        Permission::HandleCases,
        Permission::ReassignCases,
        Permission::ConfirmRejections,
        Permission::ManageSlots,
        Permission::ViewFigures,
        Permission::AssignDepartments,
    ];

    /// A stable name (tests, logs).
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::UseServices => "use-services",
            Permission::VerifyAccounts => "verify-accounts",
            Permission::ConfirmPayments => "confirm-payments",
            Permission::HandleCases => "handle-cases",
            Permission::ReassignCases => "reassign-cases",
            Permission::ConfirmRejections => "confirm-rejections",
            Permission::ManageSlots => "manage-slots",
            Permission::ViewFigures => "view-figures",
            Permission::AssignDepartments => "assign-departments",
        }
    }
}

/// The table: what each role may do (once its account is active).
pub const TABLE: &[(Role, &[Permission])] = &[
    (Role::Applicant, &[Permission::UseServices]),
    (Role::VerificationOfficer, &[Permission::VerifyAccounts]),
    (Role::CounterOfficer, &[]),
    (Role::MunicipalityAdmin, &[]),
    (Role::Inspector, &[Permission::HandleCases]),
    (
        Role::Supervisor,
        &[
            Permission::VerifyAccounts,
            Permission::ConfirmPayments,
            Permission::HandleCases,
            Permission::ReassignCases,
            Permission::ConfirmRejections,
            Permission::ManageSlots,
            Permission::ViewFigures,
        ],
    ),
    (
        Role::Admin,
        &[
            Permission::VerifyAccounts,
            Permission::ConfirmPayments,
            Permission::AssignDepartments,
        ],
    ),
];

/// Whether `role` holds `permission` (whatever its account's status).
pub fn granted(role: Role, permission: Permission) -> bool {
    TABLE
        .iter()
        .any(|(r, ps)| *r == role && ps.contains(&permission))
}

/// Why [`check`] refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The role does not hold the permission (or a staff account is not active).
    NotGranted,
    /// The role holds it, but the account has not been verified (or was suspended): the
    /// person is told where their account stands rather than "access denied".
    AwaitingVerification,
}

/// Whether `account` may do `permission` now: its role holds it and the account is active.
pub fn check(account: &Account, permission: Permission) -> Result<(), Refusal> {
    if !granted(account.role, permission) {
        return Err(Refusal::NotGranted);
    }
    match account.status {
        AccountStatus::Active => Ok(()),
        _ if is_verified_by_officers(account.role) => Err(Refusal::AwaitingVerification),
        _ => Err(Refusal::NotGranted),
    }
}

/// Whether `account` may do `permission` now (see [`check`]).
pub fn may(account: &Account, permission: Permission) -> bool {
    check(account, permission).is_ok()
}

/// Staff roles get shorter sessions (15 min idle / 12 h) than applicants (1 h / 24 h).
pub fn is_staff(role: Role) -> bool {
    !is_verified_by_officers(role)
}

/// Accounts of this role register themselves and are checked by a verification officer
/// before they may use services; staff accounts are made by an administrator.
pub fn is_verified_by_officers(role: Role) -> bool {
    role == Role::Applicant
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_one_row() {
        for role in Role::ALL {
            assert_eq!(TABLE.iter().filter(|(r, _)| r == role).count(), 1, "{role}");
        }
    }

    #[test]
    fn staff_are_not_verified_by_officers() {
        for role in Role::ALL {
            assert_ne!(is_staff(*role), is_verified_by_officers(*role), "{role}");
        }
        assert!(!is_staff(Role::Applicant));
        assert!(is_staff(Role::Inspector));
    }
}
