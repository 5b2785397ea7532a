//! SQL for e-mail tokens: issued, peeked at, redeemed once (with the account change they
//! carry) and revoked.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::{Any, Transaction};

use super::{SqlStore, id, micros, opt_enum};
use eforeigner_domain::store::{Effects, NewToken, StoreError, TokenRepo};
use eforeigner_domain::{Account, AccountId, Email, TokenPurpose};

/// Records `token` in `tx`.
pub(super) async fn insert_token_tx(
    tx: &mut Transaction<'static, Any>,
    token: &NewToken,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, account_id, purpose, new_email, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&token.token_hash)
    .bind(token.account_id.as_str())
    .bind(token.purpose.as_str())
    .bind(token.new_email.as_ref().map(Email::as_str))
    .bind(micros(token.created_at))
    .bind(micros(token.expires_at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[async_trait]
impl TokenRepo for SqlStore {
    async fn insert_token(&self, token: &NewToken, effects: &Effects) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        insert_token_tx(&mut tx, token).await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn peek_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 \
             AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(micros(now))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .map(|r| id(&r, "account_id", AccountId::new))
            .transpose()?)
    }

    async fn redeem_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
        change: &(dyn Fn(Account, Option<Email>) -> (Account, Effects) + Send + Sync),
    ) -> Result<Option<Account>, StoreError> {
        let mut tx = self.write_tx().await?;
        let row = sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
             AND used_at IS NULL AND expires_at > $1 RETURNING account_id, new_email",
        )
        .bind(micros(now))
        .bind(token_hash)
        .bind(purpose.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let account_id = id(&row, "account_id", AccountId::new)?;
        let new_email = opt_enum(&row, "new_email", |s| Email::parse(s).ok())?;
        let written = self
            .change_account_tx(tx, &account_id, new_email, change)
            .await;
        self.sessions.forget_account(&account_id);
        written
    }

    async fn revoke_tokens(
        &self,
        account_id: &AccountId,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE account_id = $2 AND purpose = $3 \
             AND used_at IS NULL",
        )
        .bind(micros(now))
        .bind(account_id.as_str())
        .bind(purpose.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
