//! SQL for sessions, sign-in history and the throttle counters.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Backend, SqlStore, id, micros, opt_ts, parse_enum, ts};
use eforeigner_domain::sessions::Counter;
use eforeigner_domain::store::{AccountRepo, Effects, SessionRepo, StoreError, ThrottleDecision};
use eforeigner_domain::{Account, AccountId, Session, SignIn, SignInMethod};

const SESSION_COLUMNS: &str = "id, account_id, created_at, last_seen_at, idle_timeout_secs, \
    absolute_expires_at, ip, user_agent, ended_at";

fn session_from_row(row: &AnyRow) -> Result<Session, StoreError> {
    Ok(Session {
        id: row.try_get("id")?,
        account_id: id(row, "account_id", AccountId::new)?,
        created_at: ts(row, "created_at")?,
        last_seen_at: ts(row, "last_seen_at")?,
        idle_timeout_secs: row.try_get("idle_timeout_secs")?,
        absolute_expires_at: ts(row, "absolute_expires_at")?,
        ip: row.try_get("ip")?,
        user_agent: row.try_get("user_agent")?,
        ended_at: opt_ts(row, "ended_at")?,
    })
}

#[async_trait]
impl SessionRepo for SqlStore {
    async fn insert_session(
        &self,
        s: &Session,
        token_hash: &str,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO sessions (id, token_hash, account_id, created_at, last_seen_at, \
             idle_timeout_secs, absolute_expires_at, ip, user_agent) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&s.id)
        .bind(token_hash)
        .bind(s.account_id.as_str())
        .bind(micros(s.created_at))
        .bind(micros(s.last_seen_at))
        .bind(s.idle_timeout_secs)
        .bind(micros(s.absolute_expires_at))
        .bind(&s.ip)
        .bind(&s.user_agent)
        .execute(&mut *tx)
        .await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn session_by_token(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        self.one_by(
            &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = $1"),
            token_hash,
            session_from_row,
        )
        .await
    }

    async fn session_and_account(
        &self,
        token_hash: &str,
    ) -> Result<Option<(Session, Account)>, StoreError> {
        if let Some(hit) = self.sessions.get(token_hash) {
            return Ok(Some(hit));
        }
        let generation = self.sessions.generation();
        let Some(session) = self.session_by_token(token_hash).await? else {
            return Ok(None);
        };
        let Some(account) = self.account(&session.account_id).await? else {
            return Ok(None);
        };
        if session.ended_at.is_none() {
            self.sessions
                .put(token_hash, generation, session.clone(), account.clone());
        }
        Ok(Some((session, account)))
    }

    async fn touch_session(&self, id: &str, now: Timestamp) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND ended_at IS NULL")
            .bind(micros(now))
            .bind(id)
            .execute(&self.pool)
            .await?;
        self.sessions.touch(id, now);
        Ok(())
    }

    async fn end_session(
        &self,
        account_id: &AccountId,
        id: &str,
        now: Timestamp,
        effects: &Effects,
    ) -> Result<bool, StoreError> {
        let ended = async {
            let mut tx = self.write_tx().await?;
            let r = sqlx::query(
                "UPDATE sessions SET ended_at = $1 WHERE id = $2 AND account_id = $3 \
                 AND ended_at IS NULL",
            )
            .bind(micros(now))
            .bind(id)
            .bind(account_id.as_str())
            .execute(&mut *tx)
            .await?;
            self.commit_if_changed(tx, r.rows_affected() > 0, effects)
                .await
        }
        .await;
        self.sessions.forget_account(account_id);
        ended
    }

    async fn end_all_sessions(
        &self,
        account_id: &AccountId,
        keep: Option<&str>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let ended = sqlx::query(
            "UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND ended_at IS NULL \
             AND id <> $3",
        )
        .bind(micros(now))
        .bind(account_id.as_str())
        .bind(keep.unwrap_or(""))
        .execute(&self.pool)
        .await;
        self.sessions.forget_account(account_id);
        ended?;
        Ok(())
    }

    async fn open_sessions(&self, account_id: &AccountId) -> Result<Vec<Session>, StoreError> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM sessions WHERE account_id = $1 AND ended_at IS NULL \
             ORDER BY last_seen_at DESC"
        );
        sqlx::query(&sql)
            .bind(account_id.as_str())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(session_from_row)
            .collect()
    }

    async fn record_sign_in(&self, account_id: &AccountId, s: &SignIn) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sign_ins (id, account_id, at, ip, user_agent, method, succeeded) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(eforeigner_domain::clock::new_id())
        .bind(account_id.as_str())
        .bind(micros(s.at))
        .bind(&s.ip)
        .bind(&s.user_agent)
        .bind(s.method.as_str())
        .bind(i64::from(s.succeeded))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn recent_sign_ins(
        &self,
        account_id: &AccountId,
        limit: i64,
    ) -> Result<Vec<SignIn>, StoreError> {
        sqlx::query(
            "SELECT at, ip, user_agent, method, succeeded FROM sign_ins WHERE account_id = $1 \
             ORDER BY at DESC LIMIT $2",
        )
        .bind(account_id.as_str())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(SignIn {
                at: ts(r, "at")?,
                ip: r.try_get("ip")?,
                user_agent: r.try_get("user_agent")?,
                method: parse_enum(r, "method", SignInMethod::parse)?,
                succeeded: r.try_get::<i64, _>("succeeded")? != 0,
            })
        })
        .collect()
    }

    async fn throttle_attempt(
        &self,
        keys: &[String],
        now: Timestamp,
        decide: &ThrottleDecision<'_>,
    ) -> Result<Result<(), Timestamp>, StoreError> {
        // Counters are taken in key order, so two attempts never wait for each other's.
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut tx = self.write_tx().await?;
        let lock = match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        };
        let read = format!(
            "SELECT failures, last_failure_at FROM throttles WHERE throttle_key = $1{lock}"
        );
        let mut counts = vec![0_i64; keys.len()];
        let mut refused: Option<Timestamp> = None;
        for &i in &order {
            if self.backend == Backend::Postgres {
                // A row to hold, so that a first attempt is counted exactly once too.
                sqlx::query(
                    "INSERT INTO throttles (throttle_key, failures, last_failure_at) \
                     VALUES ($1, 0, $2) ON CONFLICT (throttle_key) DO NOTHING",
                )
                .bind(&keys[i])
                .bind(micros(Timestamp::UNIX_EPOCH))
                .execute(&mut *tx)
                .await?;
            }
            let counter = sqlx::query(&read)
                .bind(&keys[i])
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| {
                    Ok::<_, StoreError>(Counter {
                        count: r.try_get("failures")?,
                        last_at: ts(&r, "last_failure_at")?,
                    })
                })
                .transpose()?
                .filter(|c| c.count > 0);
            match decide(i, counter) {
                Ok(count) => counts[i] = count,
                Err(until) => refused = Some(refused.map_or(until, |r| r.max(until))),
            }
        }
        if let Some(until) = refused {
            // Dropping the transaction rolls it back: nothing counted.
            return Ok(Err(until));
        }
        for &i in &order {
            sqlx::query(
                "INSERT INTO throttles (throttle_key, failures, last_failure_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (throttle_key) DO UPDATE \
                 SET failures = $2, last_failure_at = $3",
            )
            .bind(&keys[i])
            .bind(counts[i])
            .bind(micros(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    async fn throttle_refund(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE throttles SET failures = failures - 1 \
             WHERE throttle_key = $1 AND failures > 0",
        )
        .bind(key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn throttle_clear(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM throttles WHERE throttle_key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
