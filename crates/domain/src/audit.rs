//! What the audit log records: every action as one [`AuditAction`], so that an entry's
//! `action` is always one of a known list (the log is read by people and tools; a typo in
//! a string would make an entry invisible to them).

use crate::model::string_enum;

string_enum!(
    /// An action written to the audit log. The text form is stored and must not change.
    AuditAction {
        /// An applicant registered.
        AccountRegistered = "account.registered",
        /// Someone tried to register again with an address that has an account.
        AccountRegistrationRepeated = "account.registration_repeated",
        /// An operator created an account from the command line.
        AccountCreatedByOperator = "account.created_by_operator",
        /// The applicant changed their details.
        AccountDetailsChanged = "account.details_changed",
        /// The foreigner's registration number was linked to the account.
        AccountEbsLinked = "account.ebs_linked",
        /// An officer was assigned to a police department (or taken off one).
        AccountDepartmentAssigned = "account.department_assigned",
        /// The account was locked after too many failed sign-ins.
        AccountLocked = "account.locked",
        /// The e-mail address was confirmed.
        EmailConfirmed = "email.confirmed",
        /// The confirmation e-mail was sent again.
        EmailConfirmationResent = "email.confirmation_resent",
        /// A change of e-mail address was asked for.
        EmailChangeRequested = "email.change_requested",
        /// The e-mail address changed.
        EmailChanged = "email.changed",
        /// A sign-in succeeded.
        LoginSucceeded = "login.succeeded",
        /// A sign-in failed.
        LoginFailed = "login.failed",
        /// The person signed out (the one action kept without an area, as first stored).
        Logout = "logout",
        /// A session was ended (sign-out, or by the person from another session).
        SessionEnded = "session.ended",
        /// The password was changed.
        PasswordChanged = "password.changed",
        /// A password reset was asked for.
        PasswordResetRequested = "password.reset_requested",
        /// The password was reset with a link.
        PasswordReset = "password.reset",
        /// An e-mail was not sent because its limit was reached.
        MailSuppressed = "mail.suppressed",
        /// An officer approved an account.
        VerificationApproved = "verification.approved",
        /// An officer rejected an account.
        VerificationRejected = "verification.rejected",
        /// The applicant corrected a rejected registration.
        VerificationResubmitted = "verification.resubmitted",
        /// An officer viewed an identity document.
        DocumentViewed = "document.viewed",
        /// An officer viewed a person's data.
        PersonalDataViewed = "personal_data.viewed",
        /// A draft application was started.
        ApplicationStarted = "application.started",
        /// A step of a draft was saved.
        ApplicationStepSaved = "application.step_saved",
        /// A file was added to a draft.
        ApplicationFileAdded = "application.file_added",
        /// A file was removed from a draft.
        ApplicationFileRemoved = "application.file_removed",
        /// A draft was deleted.
        ApplicationDeleted = "application.deleted",
        /// A draft expired and was deleted.
        ApplicationExpired = "application.expired",
        /// An application was submitted.
        ApplicationSubmitted = "application.submitted",
        /// An officer opened a case (every opening is recorded: who looked at a case is
        /// shown to its applicant).
        CaseOpened = "case.opened",
        /// An officer opened a document of a case.
        CaseDocumentViewed = "case.document_viewed",
        /// An officer added an internal note to a case (its text is not in the log).
        CaseNoteAdded = "case.note_added",
        /// A supervisor gave a case to another officer of the department.
        CaseReassigned = "case.reassigned",
        /// An inspector took a case.
        CaseTaken = "case.taken",
        /// An inspector asked the applicant for documents or corrections.
        CaseUpdateRequested = "case.update_requested",
        /// The applicant sent the corrections asked for.
        CaseUpdateSent = "case.update_sent",
        /// The deadline of an update passed without an answer.
        CaseUpdateLapsed = "case.update_lapsed",
        /// The inspector took up the applicant's corrections.
        CaseResumed = "case.resumed",
        /// An inspector approved a request.
        CaseApproved = "case.approved",
        /// An inspector proposed to reject a request.
        CaseRejectionProposed = "case.rejection_proposed",
        /// A supervisor sent a proposed rejection back to the inspector.
        CaseRejectionReturned = "case.rejection_returned",
        /// A supervisor confirmed a rejection: the request is rejected.
        CaseRejected = "case.rejected",
        /// The portal gave an applicant a new foreigner's registration number (EBS).
        AccountEbsAssigned = "account.ebs_assigned",
        /// A holder reported their permit lost: it was declared invalid.
        PermitReportedLost = "permit.reported_lost",
        /// A supervisor opened biometrics slots.
        SlotsOpened = "biometrics.slots_opened",
        /// A supervisor closed a biometrics slot.
        SlotClosed = "biometrics.slot_closed",
        /// The applicant booked (or moved) a biometrics appointment.
        BiometricsBooked = "biometrics.booked",
        /// An officer recorded that biometrics were taken.
        BiometricsTaken = "biometrics.taken",
        /// An officer recorded that the card is ready.
        CardReady = "card.ready",
        /// An officer handed the card over.
        CardIssued = "card.issued",
        /// The applicant withdrew a request before a decision.
        ApplicationWithdrawn = "application.withdrawn",
        /// A payment line was recorded (matched, or needing attention).
        PaymentRecorded = "payment.recorded",
        /// An officer resolved a payment that needed attention.
        PaymentResolved = "payment.resolved",
        /// A document in the e-Mailbox was opened.
        MailboxOpened = "mailbox.opened",
        /// Files without a record were removed after the grace period.
        FilesSwept = "files.swept",
    }
);

#[cfg(test)]
mod tests {
    use super::AuditAction;

    #[test]
    fn every_action_round_trips_and_reads_area_dot_verb() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(*a));
            if *a == AuditAction::Logout {
                continue;
            }
            let (area, verb) = a.as_str().split_once('.').unwrap_or_default();
            assert!(!area.is_empty() && !verb.is_empty(), "{a}");
        }
    }
}
