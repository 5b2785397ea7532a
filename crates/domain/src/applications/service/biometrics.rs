//! Biometrics (seed 002): a supervisor opens the department's appointment slots; after the
//! approval the applicant books one and may move it until 24 hours before, gets a reminder
//! the day before; at the visit an officer of the department records that biometrics were
//! taken (the card goes into production), then that the card is ready (a notice in the
//! e-Mailbox) and that it was handed over.

use eforeigner_rules::biometrics::{self, SlotPlanError};
use eforeigner_rules::case::{Move, Party};
use jiff::SignedDuration;
use serde_json::json;

use super::{Applications, audit, mail_job};
use crate::access::{self, Permission};
use crate::applications::{
    Application, ApplicationStatus, BiometricsSlot, Booking, LetterBody, LetterKind,
};
use crate::audit::AuditAction;
use crate::clock::{new_ordered_id, serbia, serbian_date};
use crate::store::{Effects, StoreError};
use crate::{Account, Actor, ApplicationId, DomainError, FieldErrors};

/// How far ahead the slots are listed.
const LISTED_DAYS: i64 = 60;

/// Opening hours a supervisor enters, as typed.
#[derive(Clone, Debug, Default)]
pub struct OpenHours {
    /// The day (`YYYY-MM-DD`).
    pub day: String,
    /// From (`HH:MM`, local time).
    pub from: String,
    /// Until (`HH:MM`).
    pub until: String,
    /// Minutes per slot.
    pub minutes: String,
    /// People per slot.
    pub capacity: String,
}

impl Applications {
    /// `supervisor` opens slots for the department on one day. Field errors: `day`,
    /// `from`, `until`, `minutes`, `capacity` (unreadable, or refused by the rules). Slots
    /// already open at the same start are left as they are. Returns how many were added.
    pub async fn open_slots(
        &self,
        supervisor: &Account,
        hours: &OpenHours,
        actor: &Actor,
    ) -> Result<usize, DomainError> {
        access::check(supervisor, Permission::ManageSlots).map_err(|_| DomainError::Forbidden)?;
        let department = supervisor.department.ok_or(DomainError::Forbidden)?;
        let mut errors = FieldErrors::default();
        let day = hours.day.trim().parse::<jiff::civil::Date>().ok();
        if day.is_none() {
            errors.add("day", "date_invalid");
        }
        let from = hours.from.trim().parse::<jiff::civil::Time>().ok();
        if from.is_none() {
            errors.add("from", "time_invalid");
        }
        let until = hours.until.trim().parse::<jiff::civil::Time>().ok();
        if until.is_none() {
            errors.add("until", "time_invalid");
        }
        let minutes = hours.minutes.trim().parse::<i64>().ok();
        if minutes.is_none() {
            errors.add("minutes", "whole_number");
        }
        let capacity = hours.capacity.trim().parse::<i64>().ok();
        if capacity.is_none() {
            errors.add("capacity", "whole_number");
        }
        errors.into_result()?;
        let (Some(day), Some(from), Some(until), Some(minutes), Some(capacity)) =
            (day, from, until, minutes, capacity)
        else {
            return Err(DomainError::Conflict);
        };
        let planned = biometrics::plan_slots(self.today(), day, from, until, minutes, capacity)
            .map_err(|e: SlotPlanError| DomainError::invalid(e.field(), e.code()))?;
        let mut slots = vec![];
        for (start, end) in planned {
            let (Ok(starts_at), Ok(ends_at)) = (
                start.to_zoned(serbia().clone()),
                end.to_zoned(serbia().clone()),
            ) else {
                continue;
            };
            slots.push(BiometricsSlot {
                id: new_ordered_id(),
                department,
                starts_at: starts_at.timestamp(),
                ends_at: ends_at.timestamp(),
                capacity,
                booked: 0,
                closed: false,
            });
        }
        let effects = Effects::at(self.now()).with_audit(audit(
            actor,
            AuditAction::SlotsOpened,
            department.slug,
            json!({"day": day.to_string(), "slots": slots.len(), "capacity": capacity}),
        ));
        Ok(self.store.insert_slots(&slots, &effects).await?)
    }

    /// The slots of `officer`'s department from now on (the next [`LISTED_DAYS`] days).
    pub async fn department_slots(
        &self,
        officer: &Account,
    ) -> Result<Vec<BiometricsSlot>, DomainError> {
        access::check(officer, Permission::HandleCases).map_err(|_| DomainError::Forbidden)?;
        let department = officer.department.ok_or(DomainError::Forbidden)?;
        let now = self.now();
        let to = now
            .checked_add(SignedDuration::from_hours(24 * LISTED_DAYS))
            .unwrap_or(now);
        Ok(self.store.department_slots(department, now, to).await?)
    }

    /// `supervisor` closes a slot of the department: it takes no more bookings (those made
    /// stay; the officers see them). `NotFound` for another department's slot.
    pub async fn close_slot(
        &self,
        supervisor: &Account,
        slot_id: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        access::check(supervisor, Permission::ManageSlots).map_err(|_| DomainError::Forbidden)?;
        let department = supervisor.department.ok_or(DomainError::Forbidden)?;
        let effects = Effects::at(self.now()).with_audit(audit(
            actor,
            AuditAction::SlotClosed,
            slot_id,
            json!({"department": department.slug}),
        ));
        if self.store.close_slot(department, slot_id, &effects).await? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    }

    /// The booking of the applicant's own case `id`, if any.
    pub async fn booking(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Option<Booking>, DomainError> {
        let app = self.get(account, id).await?;
        Ok(self.store.booking_of(&app.id).await?)
    }

    /// The booking of a case of `officer`'s department, if any.
    pub async fn case_booking(
        &self,
        officer: &Account,
        id: &ApplicationId,
    ) -> Result<Option<Booking>, DomainError> {
        let app = self.department_case(officer, id).await?;
        Ok(self.store.booking_of(&app.id).await?)
    }

    /// Whether the applicant may book (or move their booking) now: approved, or booked
    /// with more than 24 hours to go.
    pub fn may_book(&self, app: &Application, booking: Option<&Booking>) -> bool {
        match app.status {
            ApplicationStatus::Approved => true,
            ApplicationStatus::BiometricsScheduled => {
                booking.is_none_or(|b| biometrics::may_change(self.now(), b.slot.starts_at))
            }
            _ => false,
        }
    }

    /// The slots the applicant of case `id` may book now: of the case's department, open,
    /// with a free place, starting at least 24 hours from now.
    pub async fn bookable_slots(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Vec<BiometricsSlot>, DomainError> {
        let app = self.get(account, id).await?;
        let Some(department) = app.department else {
            return Ok(vec![]);
        };
        let now = self.now();
        let from = now.checked_add(biometrics::CHANGE_CUTOFF).unwrap_or(now);
        let to = now
            .checked_add(SignedDuration::from_hours(24 * LISTED_DAYS))
            .unwrap_or(now);
        Ok(self
            .store
            .department_slots(department, from, to)
            .await?
            .into_iter()
            .filter(|s| s.free() > 0)
            .collect())
    }

    /// The applicant books the slot `slot_id` for their approved case `id` (or moves their
    /// booking): "Biometrics scheduled", an e-mail with the time. Field error `slot`:
    /// `choose_one` (not a slot of the case's department), `slot_too_soon` (less than 24
    /// hours ahead), `booking_locked` (the booking starts in less than 24 hours),
    /// `slot_full` (no place left, or closed; nothing changes). `Conflict` when the case
    /// may not be booked (not approved) or changed meanwhile.
    pub async fn book(
        &self,
        account: &Account,
        id: &ApplicationId,
        slot_id: &str,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.get(account, id).await?;
        let current = self.store.booking_of(&before.id).await?;
        let now = self.now();
        if let Some(b) = &current
            && !biometrics::may_change(now, b.slot.starts_at)
        {
            return Err(DomainError::invalid("slot", "booking_locked"));
        }
        let app = Self::moved(&before, Move::BookBiometrics, Party::Applicant, now)?;
        let Some(department) = before.department else {
            return Err(DomainError::invalid("slot", "choose_one"));
        };
        let slot = self
            .store
            .department_slots(
                department,
                now,
                now.checked_add(SignedDuration::from_hours(24 * LISTED_DAYS))
                    .unwrap_or(now),
            )
            .await?
            .into_iter()
            .find(|s| s.id == slot_id)
            .ok_or_else(|| DomainError::invalid("slot", "choose_one"))?;
        if !biometrics::may_change(now, slot.starts_at) {
            return Err(DomainError::invalid("slot", "slot_too_soon"));
        }
        let event = self.event(
            &app,
            Some(&account.id),
            Some(before.status),
            Move::BookBiometrics.as_str(),
            None,
        );
        let local = slot.starts_at.to_zoned(serbia().clone());
        let effects = Effects::at(now)
            .with_audit(audit(
                actor,
                AuditAction::BiometricsBooked,
                app.id.as_str(),
                json!({"slot": slot.id, "moved": current.is_some()}),
            ))
            .with_job(mail_job(
                format!("biometrics-booked-{}-{}", app.id, slot.id),
                account.email.as_str(),
                account.language,
                "biometrics-booked",
                json!({
                    "date": local.date().to_string(),
                    "time": local.time().strftime("%H:%M").to_string(),
                    "link": format!("{}/applications/{}", self.public_url, app.id),
                }),
            ));
        match self
            .store
            .book_slot(&app, before.version, &[event], &slot.id, &effects)
            .await
        {
            Ok(()) => Ok(app),
            Err(StoreError::Precondition) => Err(DomainError::invalid("slot", "slot_full")),
            Err(StoreError::Stale) => Err(DomainError::Conflict),
            Err(e) => Err(e.into()),
        }
    }

    /// An officer of the case's department makes a card step: biometrics taken (the card
    /// goes into production), the card ready (a notice in the e-Mailbox), the card handed
    /// over. `Conflict` when the case is not where the step starts.
    pub async fn card_step(
        &self,
        officer: &Account,
        id: &ApplicationId,
        step: Move,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let action = match step {
            Move::RecordBiometrics => AuditAction::BiometricsTaken,
            Move::CardReady => AuditAction::CardReady,
            Move::IssueCard => AuditAction::CardIssued,
            _ => return Err(DomainError::Conflict),
        };
        let before = self.department_case(officer, id).await?;
        let app = Self::moved(&before, step, Party::Inspector, self.now())?;
        let mut effects = Effects::at(app.updated_at).with_audit(audit(
            actor,
            action,
            app.id.as_str(),
            Self::officer_facts(officer),
        ));
        if step == Move::CardReady {
            effects = self.letter(
                &app,
                officer,
                LetterKind::CardReady,
                LetterBody::default(),
                effects,
            );
        }
        self.write_move(app, &before, step.as_str(), &officer.id, &effects)
            .await
    }

    /// The day-before reminders of biometrics appointments (once each). Returns how many
    /// were sent.
    pub async fn sweep_bookings(&self) -> anyhow::Result<usize> {
        let now = self.now();
        let to = now
            .checked_add(SignedDuration::from_hours(48))
            .unwrap_or(now);
        let today = serbian_date(now);
        let mut sent = 0;
        for b in self.store.bookings_to_remind(now, to).await? {
            let local = b.slot.starts_at.to_zoned(serbia().clone());
            if !biometrics::reminder_due(today, local.date()) {
                continue;
            }
            let Some(app) = self.store.application(&b.application_id).await? else {
                continue;
            };
            if app.status != ApplicationStatus::BiometricsScheduled {
                continue;
            }
            let applicant = self.applicant_of(&app).await?;
            let effects = Effects::at(now).with_job(mail_job(
                format!("biometrics-reminder-{}-{}", app.id, b.slot.id),
                applicant.email.as_str(),
                applicant.language,
                "biometrics-reminder",
                json!({
                    "date": local.date().to_string(),
                    "time": local.time().strftime("%H:%M").to_string(),
                    "link": format!("{}/applications/{}", self.public_url, app.id),
                }),
            ));
            if self.store.mark_reminded(&app.id, now, &effects).await? {
                sent += 1;
            }
        }
        Ok(sent)
    }
}
