//! SQL for biometrics slots and bookings. A booking takes a place with a conditional update
//! (`booked < capacity`, open slot) in the same transaction as the case's move, so a slot's
//! capacity is never exceeded however many book at once: on SQLite the write transactions
//! are serialised (`BEGIN IMMEDIATE`), on PostgreSQL the update locks the slot's row and
//! re-checks the condition after waiting.

use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::applications::{insert_event, write_app};
use super::{SqlStore, id, micros, opt_ts, ts};
use eforeigner_domain::applications::{Application, ApplicationEvent, BiometricsSlot, Booking};
use eforeigner_domain::store::{Effects, StoreError};
use eforeigner_domain::{ApplicationId, Department};

const SLOT_COLUMNS: &str = "s.id, s.department, s.starts_at, s.ends_at, s.capacity, s.booked, \
                            s.closed";

fn slot_from_row(row: &AnyRow) -> Result<BiometricsSlot, StoreError> {
    let department: String = row.try_get("department")?;
    let closed: i64 = row.try_get("closed")?;
    Ok(BiometricsSlot {
        id: row.try_get("id")?,
        department: eforeigner_domain::find_department(&department)
            .ok_or_else(|| StoreError::Corrupt(format!("department {department}")))?,
        starts_at: ts(row, "starts_at")?,
        ends_at: ts(row, "ends_at")?,
        capacity: row.try_get("capacity")?,
        booked: row.try_get("booked")?,
        closed: closed != 0,
    })
}

fn booking_from_row(row: &AnyRow) -> Result<Booking, StoreError> {
    Ok(Booking {
        application_id: id(row, "application_id", ApplicationId::new)?,
        slot: slot_from_row(row)?,
        booked_at: ts(row, "booked_at")?,
        reminded_at: opt_ts(row, "reminded_at")?,
    })
}

impl SqlStore {
    pub(super) async fn insert_slots_sql(
        &self,
        slots: &[BiometricsSlot],
        effects: &Effects,
    ) -> Result<usize, StoreError> {
        let mut tx = self.write_tx().await?;
        let mut added = 0;
        for s in slots {
            let r = sqlx::query(
                "INSERT INTO biometrics_slots (id, department, starts_at, ends_at, capacity, \
                 booked, closed, created_at) VALUES ($1, $2, $3, $4, $5, 0, 0, $6) \
                 ON CONFLICT (department, starts_at) DO NOTHING",
            )
            .bind(&s.id)
            .bind(s.department.slug)
            .bind(micros(s.starts_at))
            .bind(micros(s.ends_at))
            .bind(s.capacity)
            .bind(micros(effects.at))
            .execute(&mut *tx)
            .await?;
            added += usize::try_from(r.rows_affected()).unwrap_or(0);
        }
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(added)
    }

    pub(super) async fn department_slots_sql(
        &self,
        department: Department,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<BiometricsSlot>, StoreError> {
        sqlx::query(&format!(
            "SELECT {SLOT_COLUMNS} FROM biometrics_slots s WHERE s.department = $1 \
             AND s.starts_at >= $2 AND s.starts_at < $3 ORDER BY s.starts_at"
        ))
        .bind(department.slug)
        .bind(micros(from))
        .bind(micros(to))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(slot_from_row)
        .collect()
    }

    pub(super) async fn close_slot_sql(
        &self,
        department: Department,
        slot_id: &str,
        effects: &Effects,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(
            "UPDATE biometrics_slots SET closed = 1 WHERE id = $1 AND department = $2 \
             AND closed = 0",
        )
        .bind(slot_id)
        .bind(department.slug)
        .execute(&mut *tx)
        .await?;
        self.commit_if_changed(tx, r.rows_affected() == 1, effects)
            .await
    }

    pub(super) async fn booking_of_sql(
        &self,
        application_id: &ApplicationId,
    ) -> Result<Option<Booking>, StoreError> {
        sqlx::query(&format!(
            "SELECT b.application_id, b.booked_at, b.reminded_at, {SLOT_COLUMNS} \
             FROM biometrics_bookings b JOIN biometrics_slots s ON s.id = b.slot_id \
             WHERE b.application_id = $1"
        ))
        .bind(application_id.as_str())
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(booking_from_row)
        .transpose()
    }

    pub(super) async fn book_slot_sql(
        &self,
        app: &Application,
        expected_version: i64,
        events: &[ApplicationEvent],
        slot_id: &str,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        // The case first: a second booking made at once finds it moved and stops here.
        write_app(&mut tx, app, expected_version).await?;
        let previous: Option<String> =
            sqlx::query_scalar("SELECT slot_id FROM biometrics_bookings WHERE application_id = $1")
                .bind(app.id.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if previous.as_deref() == Some(slot_id) {
            return Err(StoreError::Precondition);
        }
        let taken = sqlx::query(
            "UPDATE biometrics_slots SET booked = booked + 1 WHERE id = $1 \
             AND booked < capacity AND closed = 0",
        )
        .bind(slot_id)
        .execute(&mut *tx)
        .await?;
        if taken.rows_affected() != 1 {
            return Err(StoreError::Precondition);
        }
        if let Some(previous) = previous {
            sqlx::query("UPDATE biometrics_slots SET booked = booked - 1 WHERE id = $1")
                .bind(previous)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO biometrics_bookings (application_id, slot_id, booked_at, reminded_at) \
             VALUES ($1, $2, $3, NULL) ON CONFLICT (application_id) DO UPDATE \
             SET slot_id = excluded.slot_id, booked_at = excluded.booked_at, reminded_at = NULL",
        )
        .bind(app.id.as_str())
        .bind(slot_id)
        .bind(micros(effects.at))
        .execute(&mut *tx)
        .await?;
        for e in events {
            insert_event(&mut tx, e).await?;
        }
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn bookings_to_remind_sql(
        &self,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<Booking>, StoreError> {
        sqlx::query(&format!(
            "SELECT b.application_id, b.booked_at, b.reminded_at, {SLOT_COLUMNS} \
             FROM biometrics_bookings b JOIN biometrics_slots s ON s.id = b.slot_id \
             WHERE b.reminded_at IS NULL AND s.starts_at >= $1 AND s.starts_at < $2 \
             ORDER BY s.starts_at"
        ))
        .bind(micros(from))
        .bind(micros(to))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(booking_from_row)
        .collect()
    }

    pub(super) async fn mark_reminded_sql(
        &self,
        application_id: &ApplicationId,
        at: Timestamp,
        effects: &Effects,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(
            "UPDATE biometrics_bookings SET reminded_at = $2 WHERE application_id = $1 \
             AND reminded_at IS NULL",
        )
        .bind(application_id.as_str())
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        self.commit_if_changed(tx, r.rows_affected() == 1, effects)
            .await
    }
}
