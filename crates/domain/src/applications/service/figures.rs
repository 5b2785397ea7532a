//! What a department's decisions say: the supervisor's figures (cases per status, overdue
//! cases, the median days from receipt to decision per basis) and the applicant's estimate
//! of the processing time (median and 80th percentile over the last 180 days of this
//! department's decisions on the same basis; nothing below five decisions).

use std::collections::BTreeMap;

use eforeigner_rules::estimates::{self, Estimate};
use jiff::SignedDuration;

use super::Applications;
use crate::access::{self, Permission};
use crate::applications::steps::StepId;
use crate::applications::{Application, ApplicationStatus};
use crate::{Account, ApplicationId, Department, DomainError};

/// A department's figures.
#[derive(Clone, Debug)]
pub struct Figures {
    /// The department.
    pub department: Department,
    /// Cases per status (statuses with none left out).
    pub counts: Vec<(ApplicationStatus, i64)>,
    /// Open cases received more than [`estimates::OVERDUE_DAYS`] days ago.
    pub overdue: i64,
    /// Per basis (ground code): how many decisions, and their median days.
    pub per_basis: Vec<(String, usize, i64)>,
}

impl Applications {
    /// The figures of `supervisor`'s department (all its decisions so far).
    pub async fn figures(&self, supervisor: &Account) -> Result<Figures, DomainError> {
        access::check(supervisor, Permission::ViewFigures).map_err(|_| DomainError::Forbidden)?;
        let department = supervisor.department.ok_or(DomainError::Forbidden)?;
        let now = self.now();
        let counts = self.store.department_counts(department).await?;
        let overdue_before = now
            .checked_sub(SignedDuration::from_hours(24 * estimates::OVERDUE_DAYS))
            .unwrap_or(now);
        let overdue = self.store.overdue_cases(department, overdue_before).await?;
        let mut by_basis: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        for (ground, days) in self
            .store
            .decision_days(department, jiff::Timestamp::UNIX_EPOCH)
            .await?
        {
            by_basis
                .entry(ground.unwrap_or_default())
                .or_default()
                .push(days);
        }
        let per_basis = by_basis
            .into_iter()
            .filter_map(|(g, days)| estimates::median(&days).map(|m| (g, days.len(), m)))
            .collect();
        Ok(Figures {
            department,
            counts,
            overdue,
            per_basis,
        })
    }

    /// The processing-time estimate of the applicant's own case `id`: its department's
    /// decisions on the same basis over the last [`estimates::WINDOW_DAYS`] days; `None`
    /// when there are too few (or the case is not with a department).
    pub async fn processing_estimate(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Option<Estimate>, DomainError> {
        let app = self.get(account, id).await?;
        self.estimate_for(&app).await
    }

    /// [`Self::processing_estimate`] of `app`.
    async fn estimate_for(&self, app: &Application) -> Result<Option<Estimate>, DomainError> {
        let Some(department) = app.department else {
            return Ok(None);
        };
        let ground = app.answers.get(StepId::Reasons, "ground");
        let now = self.now();
        let since = now
            .checked_sub(SignedDuration::from_hours(24 * estimates::WINDOW_DAYS))
            .unwrap_or(now);
        let days: Vec<i64> = self
            .store
            .decision_days(department, since)
            .await?
            .into_iter()
            .filter(|(g, _)| g.as_deref() == Some(ground))
            .map(|(_, d)| d)
            .collect();
        Ok(estimates::estimate(&days))
    }
}
