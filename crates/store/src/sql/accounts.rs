//! SQL for accounts: their rows, optimistic updates and the uploads that move with them.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::tokens::insert_token_tx;
use super::{
    SqlStore, classify, id, micros, opt_date, opt_enum, opt_id, opt_micros, opt_ts, parse_enum, ts,
};
use eforeigner_domain::store::{AccountRepo, Effects, NewToken, StoreError, UploadMove};
use eforeigner_domain::{
    Account, AccountId, AccountStatus, Department, Ebs, Email, HasEbs, IdDocType, Lang, OwnerKey,
    Profile, RejectionReason, Role, Sex,
};

const ACCOUNT_COLUMNS: &str = "id, email, password_hash, role, status, given_names, surname, \
    date_of_birth, sex, citizenship, phone, has_ebs, ebs, id_doc_type, id_doc_number, \
    id_doc_expiry, language, email_confirmed_at, submitted_at, verified_at, verified_by, \
    rejection_reason, rejection_note, failed_logins, locked_at, created_at, updated_at, department";

fn account_from_row(row: &AnyRow) -> Result<Account, StoreError> {
    Ok(Account {
        id: id(row, "id", AccountId::new)?,
        email: parse_enum(row, "email", |s| Email::parse(s).ok())?,
        password_hash: row.try_get("password_hash")?,
        role: parse_enum(row, "role", Role::parse)?,
        status: parse_enum(row, "status", AccountStatus::parse)?,
        profile: Profile {
            given_names: row.try_get("given_names")?,
            surname: row.try_get("surname")?,
            date_of_birth: opt_date(row, "date_of_birth")?,
            sex: opt_enum(row, "sex", Sex::parse)?,
            citizenship: row.try_get("citizenship")?,
            phone: row.try_get("phone")?,
            has_ebs: opt_enum(row, "has_ebs", HasEbs::parse)?,
            ebs: opt_enum(row, "ebs", |s| Ebs::parse(s).ok())?,
            id_doc_type: opt_enum(row, "id_doc_type", IdDocType::parse)?,
            id_doc_number: row.try_get("id_doc_number")?,
            id_doc_expiry: opt_date(row, "id_doc_expiry")?,
        },
        language: parse_enum(row, "language", Lang::parse)?,
        email_confirmed_at: opt_ts(row, "email_confirmed_at")?,
        submitted_at: opt_ts(row, "submitted_at")?,
        verified_at: opt_ts(row, "verified_at")?,
        verified_by: opt_id(row, "verified_by", AccountId::new)?,
        rejection_reason: opt_enum(row, "rejection_reason", RejectionReason::parse)?,
        rejection_note: row.try_get("rejection_note")?,
        failed_logins: row.try_get("failed_logins")?,
        locked_at: opt_ts(row, "locked_at")?,
        created_at: ts(row, "created_at")?,
        updated_at: ts(row, "updated_at")?,
        department: opt_enum(row, "department", eforeigner_domain::find_department)?,
    })
}

/// Binds every account column in `ACCOUNT_COLUMNS` order.
fn bind_account<'q>(
    q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    a: &'q Account,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
    let p = &a.profile;
    q.bind(a.id.as_str())
        .bind(a.email.as_str())
        .bind(&a.password_hash)
        .bind(a.role.as_str())
        .bind(a.status.as_str())
        .bind(&p.given_names)
        .bind(&p.surname)
        .bind(p.date_of_birth.map(|d| d.to_string()))
        .bind(p.sex.map(|s| s.as_str()))
        .bind(p.citizenship.as_deref())
        .bind(p.phone.as_deref())
        .bind(p.has_ebs.map(|s| s.as_str()))
        .bind(p.ebs.as_ref().map(Ebs::as_str))
        .bind(p.id_doc_type.map(|s| s.as_str()))
        .bind(p.id_doc_number.as_deref())
        .bind(p.id_doc_expiry.map(|d| d.to_string()))
        .bind(a.language.tag())
        .bind(opt_micros(a.email_confirmed_at))
        .bind(opt_micros(a.submitted_at))
        .bind(opt_micros(a.verified_at))
        .bind(a.verified_by.as_ref().map(AccountId::as_str))
        .bind(a.rejection_reason.map(|r| r.as_str()))
        .bind(a.rejection_note.as_deref())
        .bind(a.failed_logins)
        .bind(opt_micros(a.locked_at))
        .bind(micros(a.created_at))
        .bind(micros(a.updated_at))
        .bind(a.department.map(|d| d.slug))
}

impl SqlStore {
    /// The rest of `redeem_token` once the token is used: applies `change` to the account
    /// and commits.
    pub(super) async fn change_account_tx(
        &self,
        mut tx: Transaction<'static, Any>,
        account_id: &AccountId,
        new_email: Option<Email>,
        change: &(dyn Fn(Account, Option<Email>) -> (Account, Effects) + Send + Sync),
    ) -> Result<Option<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
        let account = sqlx::query(&sql)
            .bind(account_id.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .as_ref()
            .map(account_from_row)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        let expected = account.updated_at;
        let (updated, effects) = change(account, new_email);
        update_account_tx(&mut tx, &updated, expected).await?;
        self.write_effects(&mut tx, &effects).await?;
        tx.commit().await?;
        Ok(Some(updated))
    }

    async fn move_uploads(
        &self,
        tx: &mut Transaction<'static, Any>,
        account_id: &AccountId,
        uploads: &UploadMove,
        at: i64,
    ) -> Result<(), StoreError> {
        let owner = OwnerKey::Account(account_id.clone()).to_string();
        if uploads.supersede_current {
            sqlx::query(
                "UPDATE uploads SET superseded_at = $1 WHERE owner_key = $2 AND superseded_at IS NULL",
            )
            .bind(at)
            .bind(&owner)
            .execute(&mut **tx)
            .await?;
        }
        if let Some(from) = &uploads.claim_from {
            sqlx::query("UPDATE uploads SET owner_key = $1 WHERE owner_key = $2")
                .bind(&owner)
                .bind(from.to_string())
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

#[async_trait]
impl AccountRepo for SqlStore {
    async fn insert_account(
        &self,
        account: &Account,
        token: Option<&NewToken>,
        uploads: &UploadMove,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        // One placeholder per column: a column added to the list cannot be left unbound.
        let placeholders: Vec<String> = (1..=ACCOUNT_COLUMNS.split(',').count())
            .map(|i| format!("${i}"))
            .collect();
        let sql = format!(
            "INSERT INTO accounts ({ACCOUNT_COLUMNS}) VALUES ({})",
            placeholders.join(", ")
        );
        bind_account(sqlx::query(&sql), account)
            .execute(&mut *tx)
            .await
            .map_err(classify)?;
        if let Some(token) = token {
            insert_token_tx(&mut tx, token).await?;
        }
        self.move_uploads(&mut tx, &account.id, uploads, micros(effects.at))
            .await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn account(&self, id: &AccountId) -> Result<Option<Account>, StoreError> {
        self.one_by(
            &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"),
            id.as_str(),
            account_from_row,
        )
        .await
    }

    async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        self.one_by(
            &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1"),
            email,
            account_from_row,
        )
        .await
    }

    async fn ebs_in_use(&self, ebs: &str) -> Result<bool, StoreError> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM accounts WHERE ebs = $1 LIMIT 1")
                .bind(ebs)
                .fetch_optional(&self.pool)
                .await?;
        Ok(found.is_some())
    }

    async fn update_account(
        &self,
        account: &Account,
        expected_updated_at: Timestamp,
        uploads: &UploadMove,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let written = async {
            let mut tx = self.write_tx().await?;
            update_account_tx(&mut tx, account, expected_updated_at).await?;
            self.move_uploads(&mut tx, &account.id, uploads, micros(effects.at))
                .await?;
            self.write_effects(&mut tx, effects).await?;
            tx.commit().await?;
            Ok(())
        }
        .await;
        // Also after a failure: a commit whose answer was lost may still have happened.
        self.sessions.forget_account(&account.id);
        written
    }

    async fn count_password_failure(
        &self,
        account_id: &AccountId,
        lock_at: i64,
        now: Timestamp,
        effects: &(dyn Fn(i64, bool) -> Effects + Send + Sync),
    ) -> Result<i64, StoreError> {
        let written = async {
            let mut tx = self.write_tx().await?;
            // One statement increments and reads: no failure of many at once is lost. The
            // row's `updated_at` (the version other writes of the account compare) moves
            // only when the account is locked, so failures sent by someone else never
            // make its owner's own change fail.
            let row = sqlx::query(
                "UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = $1 \
                 RETURNING failed_logins, locked_at",
            )
            .bind(account_id.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            let count: i64 = row.try_get("failed_logins")?;
            let newly_locked = count >= lock_at && opt_ts(&row, "locked_at")?.is_none();
            if newly_locked {
                sqlx::query("UPDATE accounts SET locked_at = $1, updated_at = $1 WHERE id = $2")
                    .bind(micros(now))
                    .bind(account_id.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            self.write_effects(&mut tx, &effects(count, newly_locked))
                .await?;
            tx.commit().await?;
            Ok(count)
        }
        .await;
        self.sessions.forget_account(account_id);
        written
    }

    async fn reset_password_failures(&self, account_id: &AccountId) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET failed_logins = 0 WHERE id = $1 AND failed_logins <> 0")
            .bind(account_id.as_str())
            .execute(&self.pool)
            .await?;
        self.sessions.forget_account(account_id);
        Ok(())
    }

    async fn accounts_in_status(
        &self,
        status: AccountStatus,
        limit: i64,
    ) -> Result<Vec<Account>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE status = $1 \
             ORDER BY submitted_at ASC, created_at ASC LIMIT $2"
        );
        sqlx::query(&sql)
            .bind(status.as_str())
            .bind(limit)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(account_from_row)
            .collect()
    }

    async fn staff(&self, roles: &[Role], limit: i64) -> Result<Vec<Account>, StoreError> {
        self.active_staff(None, roles, limit).await
    }

    async fn department_staff(
        &self,
        department: Department,
        roles: &[Role],
    ) -> Result<Vec<Account>, StoreError> {
        self.active_staff(Some(department), roles, 1000).await
    }
}

impl SqlStore {
    /// The active accounts in one of `roles` (of `department`, when given), by surname; at
    /// most `limit`.
    async fn active_staff(
        &self,
        department: Option<Department>,
        roles: &[Role],
        limit: i64,
    ) -> Result<Vec<Account>, StoreError> {
        if roles.is_empty() {
            return Ok(vec![]);
        }
        let first = if department.is_some() { 4 } else { 3 };
        let placeholders: Vec<String> = (0..roles.len())
            .map(|i| format!("${}", i + first))
            .collect();
        let in_department = if department.is_some() {
            " AND department = $3"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE status = $1{in_department} \
             AND role IN ({}) ORDER BY surname, given_names, id LIMIT $2",
            placeholders.join(", ")
        );
        let mut q = sqlx::query(&sql)
            .bind(AccountStatus::Active.as_str())
            .bind(limit);
        if let Some(d) = department {
            q = q.bind(d.slug);
        }
        for r in roles {
            q = q.bind(r.as_str());
        }
        q.fetch_all(&self.pool)
            .await?
            .iter()
            .map(account_from_row)
            .collect()
    }
}

async fn update_account_tx(
    tx: &mut Transaction<'static, Any>,
    account: &Account,
    expected_updated_at: Timestamp,
) -> Result<(), StoreError> {
    let columns: Vec<&str> = ACCOUNT_COLUMNS.split(", ").map(str::trim).collect();
    let sets: Vec<String> = columns
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE accounts SET {} WHERE id = $1 AND updated_at = ${}",
        sets.join(", "),
        columns.len() + 1
    );
    let result = bind_account(sqlx::query(&sql), account)
        .bind(micros(expected_updated_at))
        .execute(&mut **tx)
        .await;
    match result {
        Ok(r) if r.rows_affected() == 1 => Ok(()),
        Ok(_) => Err(StoreError::Stale),
        Err(e) => Err(classify(e)),
    }
}
