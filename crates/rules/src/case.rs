//! The life of a residence case as a pure state machine: its statuses (seed 002's list, in
//! the portal's own words), the moves that change a status, and who may make each move
//! from which status.
//!
//! [`TRANSITIONS`] is the one table; [`next`] is the one way to change a status. The
//! services ask it before they write, so a move that is not in the table never reaches the
//! store, and the officers' screens can list only the moves allowed now ([`moves_from`])
//! instead of offering a button that will be refused.
//!
//! The table also holds the moves of the back office that come after submission (taking a
//! case, asking for an update, the decision, biometrics and the card): they are the rules
//! of seed 002 written down once, so that the screens that make them only have to ask.

use serde::{Deserialize, Serialize};

/// Where a case stands (docs/domain.md, "Statuses"; seed 002).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Being filled in; autosaved; can be deleted.
    Draft,
    /// All steps complete and submitted; the fee is not confirmed yet.
    AwaitingPayment,
    /// Payment confirmed; the confirmation of receipt is in the e-Mailbox ("Request
    /// submitted").
    Submitted,
    /// An inspector opened the case ("Request processing").
    Processing,
    /// An inspector asked for documents or corrections, with a deadline ("Request
    /// updating").
    Updating,
    /// The applicant sent the corrections ("Sending data in progress").
    Resending,
    /// Decision positive.
    Approved,
    /// Decision negative.
    Rejected,
    /// Biometrics appointment booked.
    BiometricsScheduled,
    /// The card is being made.
    CardInProduction,
    /// The card can be collected.
    CardReady,
    /// The card was handed over.
    CardIssued,
    /// Withdrawn by the applicant before a decision.
    Withdrawn,
}

impl Status {
    /// Every status, in the order of a case's life.
    pub const ALL: &'static [Status] = &[
        Status::Draft,
        Status::AwaitingPayment,
        Status::Submitted,
        Status::Processing,
        Status::Updating,
        Status::Resending,
        Status::Approved,
        Status::Rejected,
        Status::BiometricsScheduled,
        Status::CardInProduction,
        Status::CardReady,
        Status::CardIssued,
        Status::Withdrawn,
    ];

    /// The stable text form (stored, and used in the API and translation keys).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::AwaitingPayment => "awaiting-payment",
            Status::Submitted => "submitted",
            Status::Processing => "processing",
            Status::Updating => "updating",
            Status::Resending => "resending",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::BiometricsScheduled => "biometrics-scheduled",
            Status::CardInProduction => "card-in-production",
            Status::CardReady => "card-ready",
            Status::CardIssued => "card-issued",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Parses the stable text form.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|st| st.as_str() == s)
    }

    /// Whether the case has reached an end: no move leaves it.
    #[must_use]
    pub fn is_final(self) -> bool {
        moves_from(self).next().is_none()
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Who makes a move. The domain maps its roles onto these parties; the permission table
/// says which role may act as which party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    /// The applicant, on their own case.
    Applicant,
    /// Whoever confirms payments: the bank-statement import or an officer confirming a
    /// payment by hand.
    PaymentDesk,
    /// The inspector handling the case.
    Inspector,
    /// A supervisor of the case's department.
    Supervisor,
    /// The portal itself, on a deadline.
    Scheduler,
}

/// A change of status. Its text form is the kind of the history event it leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Move {
    /// The applicant submits a complete draft whose fee is not confirmed yet.
    Submit,
    /// The applicant submits a complete draft whose fee was confirmed before.
    SubmitPaid,
    /// The fee of a submitted case is confirmed.
    ConfirmPayment,
    /// An inspector takes a submitted case.
    Take,
    /// The inspector asks the applicant for documents or corrections.
    RequestUpdate,
    /// The applicant sends the corrections.
    SendUpdate,
    /// The deadline of an update passed without an answer: back to the inspector, marked.
    UpdateLapsed,
    /// The inspector picks up the applicant's corrections.
    Resume,
    /// The inspector approves.
    Approve,
    /// A supervisor (another person than the proposing inspector) confirms a rejection.
    ConfirmRejection,
    /// The applicant withdraws before a decision.
    Withdraw,
    /// The applicant books (or moves) a biometrics appointment.
    BookBiometrics,
    /// The inspector records that biometrics were taken; the card goes into production.
    RecordBiometrics,
    /// The card can be collected.
    CardReady,
    /// The card was handed over.
    IssueCard,
}

impl Move {
    /// Every move.
    pub const ALL: &'static [Move] = &[
        Move::Submit,
        Move::SubmitPaid,
        Move::ConfirmPayment,
        Move::Take,
        Move::RequestUpdate,
        Move::SendUpdate,
        Move::UpdateLapsed,
        Move::Resume,
        Move::Approve,
        Move::ConfirmRejection,
        Move::Withdraw,
        Move::BookBiometrics,
        Move::RecordBiometrics,
        Move::CardReady,
        Move::IssueCard,
    ];

    /// The stable text form: the kind of the history event the move leaves (stored; the
    /// existing kinds `submitted`, `submitted-paid` and `payment-confirmed` keep their
    /// text).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Move::Submit => "submitted",
            Move::SubmitPaid => "submitted-paid",
            Move::ConfirmPayment => "payment-confirmed",
            Move::Take => "taken",
            Move::RequestUpdate => "update-requested",
            Move::SendUpdate => "update-sent",
            Move::UpdateLapsed => "update-lapsed",
            Move::Resume => "resumed",
            Move::Approve => "approved",
            Move::ConfirmRejection => "rejected",
            Move::Withdraw => "withdrawn",
            Move::BookBiometrics => "biometrics-booked",
            Move::RecordBiometrics => "biometrics-taken",
            Move::CardReady => "card-ready",
            Move::IssueCard => "card-issued",
        }
    }
}

impl std::fmt::Display for Move {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One allowed move: from which status, by whom, to which status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The status the case is in.
    pub from: Status,
    /// The move.
    pub by_move: Move,
    /// Who may make it.
    pub by: Party,
    /// The status after it.
    pub to: Status,
}

const fn t(from: Status, by_move: Move, by: Party, to: Status) -> Transition {
    Transition {
        from,
        by_move,
        by,
        to,
    }
}

use Party as P;
use Status as S;

/// Every allowed move. A (status, move) pair appears at most once.
pub const TRANSITIONS: &[Transition] = &[
    t(S::Draft, Move::Submit, P::Applicant, S::AwaitingPayment),
    t(S::Draft, Move::SubmitPaid, P::Applicant, S::Submitted),
    t(
        S::AwaitingPayment,
        Move::ConfirmPayment,
        P::PaymentDesk,
        S::Submitted,
    ),
    t(S::Submitted, Move::Take, P::Inspector, S::Processing),
    t(
        S::Processing,
        Move::RequestUpdate,
        P::Inspector,
        S::Updating,
    ),
    t(S::Updating, Move::SendUpdate, P::Applicant, S::Resending),
    t(S::Updating, Move::UpdateLapsed, P::Scheduler, S::Processing),
    t(S::Resending, Move::Resume, P::Inspector, S::Processing),
    t(S::Processing, Move::Approve, P::Inspector, S::Approved),
    t(
        S::Processing,
        Move::ConfirmRejection,
        P::Supervisor,
        S::Rejected,
    ),
    t(
        S::AwaitingPayment,
        Move::Withdraw,
        P::Applicant,
        S::Withdrawn,
    ),
    t(S::Submitted, Move::Withdraw, P::Applicant, S::Withdrawn),
    t(S::Processing, Move::Withdraw, P::Applicant, S::Withdrawn),
    t(S::Updating, Move::Withdraw, P::Applicant, S::Withdrawn),
    t(S::Resending, Move::Withdraw, P::Applicant, S::Withdrawn),
    t(
        S::Approved,
        Move::BookBiometrics,
        P::Applicant,
        S::BiometricsScheduled,
    ),
    t(
        S::BiometricsScheduled,
        Move::BookBiometrics,
        P::Applicant,
        S::BiometricsScheduled,
    ),
    t(
        S::BiometricsScheduled,
        Move::RecordBiometrics,
        P::Inspector,
        S::CardInProduction,
    ),
    t(
        S::CardInProduction,
        Move::CardReady,
        P::Inspector,
        S::CardReady,
    ),
    t(S::CardReady, Move::IssueCard, P::Inspector, S::CardIssued),
];

/// Why a move was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The move does not leave this status (for example, approving a draft).
    #[error("{by_move} is not possible from {from}")]
    NotFrom {
        /// The status the case is in.
        from: Status,
        /// The move asked for.
        by_move: Move,
    },
    /// The move leaves this status, but not when made by this party.
    #[error("{by_move} from {from} is not for {by:?}")]
    NotBy {
        /// The status the case is in.
        from: Status,
        /// The move asked for.
        by_move: Move,
        /// Who asked.
        by: Party,
    },
}

/// The status after `by_move` made by `by` on a case in `from`, or why not.
pub fn next(from: Status, by_move: Move, by: Party) -> Result<Status, Refused> {
    let mut found = false;
    for tr in TRANSITIONS {
        if tr.from == from && tr.by_move == by_move {
            if tr.by == by {
                return Ok(tr.to);
            }
            found = true;
        }
    }
    if found {
        Err(Refused::NotBy { from, by_move, by })
    } else {
        Err(Refused::NotFrom { from, by_move })
    }
}

/// The moves that leave `from` (whoever makes them).
pub fn moves_from(from: Status) -> impl Iterator<Item = &'static Transition> {
    TRANSITIONS.iter().filter(move |tr| tr.from == from)
}

/// The moves `by` may make now on a case in `from`: what a screen offers.
pub fn moves_for(from: Status, by: Party) -> impl Iterator<Item = Move> {
    moves_from(from)
        .filter(move |tr| tr.by == by)
        .map(|tr| tr.by_move)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet};

    use proptest::prelude::*;

    use super::*;

    const PARTIES: [Party; 5] = [
        Party::Applicant,
        Party::PaymentDesk,
        Party::Inspector,
        Party::Supervisor,
        Party::Scheduler,
    ];

    #[test]
    fn every_status_round_trips_its_text() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(*s));
            assert_eq!(s.to_string(), s.as_str());
            let json = serde_json::to_string(s).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(Status::parse("Draft"), None);
        assert_eq!(Status::parse(""), None);
    }

    #[test]
    fn a_status_and_a_move_give_at_most_one_transition() {
        let mut seen = HashSet::new();
        for tr in TRANSITIONS {
            assert!(
                seen.insert((tr.from, tr.by_move)),
                "{} from {} twice",
                tr.by_move,
                tr.from
            );
        }
    }

    #[test]
    fn every_move_and_event_kind_is_distinct_and_used() {
        let texts: HashSet<_> = Move::ALL.iter().map(|m| m.as_str()).collect();
        assert_eq!(texts.len(), Move::ALL.len());
        for m in Move::ALL {
            assert!(TRANSITIONS.iter().any(|tr| tr.by_move == *m), "{m} unused");
        }
    }

    #[test]
    fn every_status_is_reachable_from_a_draft() {
        let mut reached = BTreeSet::from([Status::Draft]);
        loop {
            let more: Vec<_> = TRANSITIONS
                .iter()
                .filter(|tr| reached.contains(&tr.from))
                .map(|tr| tr.to)
                .filter(|s| !reached.contains(s))
                .collect();
            if more.is_empty() {
                break;
            }
            reached.extend(more);
        }
        assert_eq!(reached, Status::ALL.iter().copied().collect());
    }

    #[test]
    fn the_ends_are_the_decisions_that_close_a_case() {
        let ends: Vec<_> = Status::ALL.iter().filter(|s| s.is_final()).collect();
        assert_eq!(
            ends,
            [&Status::Rejected, &Status::CardIssued, &Status::Withdrawn]
        );
    }

    #[test]
    fn a_decision_cannot_be_withdrawn_nor_a_draft_decided() {
        for from in [Status::Approved, Status::Rejected, Status::CardIssued] {
            assert_eq!(
                next(from, Move::Withdraw, Party::Applicant),
                Err(Refused::NotFrom {
                    from,
                    by_move: Move::Withdraw
                })
            );
        }
        assert!(next(Status::Draft, Move::Approve, Party::Inspector).is_err());
        assert!(next(Status::AwaitingPayment, Move::Take, Party::Inspector).is_err());
    }

    #[test]
    fn only_the_right_party_makes_a_move() {
        assert_eq!(
            next(Status::Processing, Move::ConfirmRejection, Party::Inspector),
            Err(Refused::NotBy {
                from: Status::Processing,
                by_move: Move::ConfirmRejection,
                by: Party::Inspector
            })
        );
        assert_eq!(
            next(
                Status::Processing,
                Move::ConfirmRejection,
                Party::Supervisor
            ),
            Ok(Status::Rejected)
        );
        assert!(
            next(
                Status::AwaitingPayment,
                Move::ConfirmPayment,
                Party::Applicant
            )
            .is_err()
        );
        assert_eq!(
            next(
                Status::AwaitingPayment,
                Move::ConfirmPayment,
                Party::PaymentDesk
            ),
            Ok(Status::Submitted)
        );
    }

    #[test]
    fn the_moves_offered_are_exactly_those_allowed() {
        for from in Status::ALL {
            for by in PARTIES {
                let offered: HashSet<_> = moves_for(*from, by).collect();
                for m in Move::ALL {
                    assert_eq!(
                        offered.contains(m),
                        next(*from, *m, by).is_ok(),
                        "{m} from {from} by {by:?}"
                    );
                }
            }
        }
    }

    proptest! {
        /// Whatever is asked in whatever order, a case only ever is in a status the table
        /// leads to, and a refused move leaves the status as it was.
        #[test]
        fn any_sequence_of_moves_follows_the_table(
            asks in proptest::collection::vec((0..Move::ALL.len(), 0..PARTIES.len()), 0..40)
        ) {
            let mut status = Status::Draft;
            for (m, p) in asks {
                let (by_move, by) = (Move::ALL[m], PARTIES[p]);
                match next(status, by_move, by) {
                    Ok(to) => {
                        let made = Transition { from: status, by_move, by, to };
                        prop_assert!(TRANSITIONS.contains(&made));
                        status = to;
                    }
                    Err(_) => {
                        prop_assert!(!moves_for(status, by).any(|x| x == by_move));
                    }
                }
            }
            prop_assert!(Status::ALL.contains(&status));
        }
    }
}
