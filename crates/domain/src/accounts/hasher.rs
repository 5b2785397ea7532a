//! Password hashing with Argon2id on the blocking thread pool.

use std::sync::Arc;

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::DomainError;

/// Argon2id with the OWASP parameters (m = 19 MiB, t = 2, p = 1). Hashing runs on the
/// blocking thread pool so it never stalls the async runtime.
#[derive(Clone)]
pub struct PasswordHasher {
    argon: Argon2<'static>,
    dummy_hash: Arc<String>,
    /// At most one hash per core at a time: more in flight only adds page faults for the
    /// 19 MiB each allocates and scheduling, so extra logins wait their turn instead.
    permits: Arc<tokio::sync::Semaphore>,
    /// Argon2's working memory (19 MiB each with our parameters), kept between
    /// verifications instead of allocated, zeroed and page-faulted in for every login (that
    /// was about a fifth of a verification's CPU in the login benchmark). At most one per
    /// permit, so at most one per core stays allocated. Argon2 writes every block before it
    /// reads it, so nothing of one verification reaches the next.
    memory: Arc<std::sync::Mutex<Vec<Vec<argon2::Block>>>>,
}

impl PasswordHasher {
    /// The hasher with OWASP parameters; computes the dummy hash used for unknown accounts.
    pub fn new() -> anyhow::Result<Self> {
        let params = Params::new(19_456, 2, 1, None).map_err(|e| anyhow::anyhow!("{e}"))?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let dummy = argon
            .hash_password(b"no account has this password", &salt)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .to_string();
        let cores = std::thread::available_parallelism()
            .map(std::num::NonZero::get)
            .unwrap_or(1);
        Ok(Self {
            argon,
            dummy_hash: Arc::new(dummy),
            permits: Arc::new(tokio::sync::Semaphore::new(cores)),
            memory: Arc::default(),
        })
    }

    /// Hashes a password (PHC string).
    pub async fn hash(&self, password: &str) -> Result<String, DomainError> {
        let argon = self.argon.clone();
        let password = password.to_owned();
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| DomainError::Internal(e.into()))?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
            argon
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| DomainError::Internal(anyhow::anyhow!("hash: {e}")))
        })
        .await
        .map_err(|e| DomainError::Internal(e.into()))?
    }

    /// Verifies a password; with `None` it verifies against the dummy hash so that an
    /// unknown account takes as long as a wrong password.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> bool {
        let argon = self.argon.clone();
        let known = hash.is_some();
        let hash = hash.map_or_else(|| self.dummy_hash.as_str().to_owned(), str::to_owned);
        let password = password.to_owned();
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        let memory = self.memory.clone();
        let ok = tokio::task::spawn_blocking(move || {
            let mut blocks = memory
                .lock()
                .map(|mut m| m.pop().unwrap_or_default())
                .unwrap_or_default();
            let ok = PasswordHash::new(&hash)
                .map(|parsed| {
                    verify_reusing_memory(&argon, password.as_bytes(), &parsed, &mut blocks)
                })
                .unwrap_or(false);
            if let Ok(mut m) = memory.lock() {
                m.push(blocks);
            }
            ok
        })
        .await
        .unwrap_or(false);
        ok && known
    }
}

/// Verifies `password` against `hash` like `PasswordVerifier::verify_password` (same
/// algorithm, version and parameters taken from the hash, constant-time comparison of the
/// output), computing in `blocks` (resized as needed; its old contents do not matter).
fn verify_reusing_memory(
    argon: &Argon2<'static>,
    password: &[u8],
    hash: &PasswordHash<'_>,
    blocks: &mut Vec<argon2::Block>,
) -> bool {
    let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
        return false;
    };
    let Ok(params) = Params::try_from(hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm) else {
        return false;
    };
    let version = match hash.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    // Hashes with other parameters than ours (none exist yet) take the ordinary path.
    if params.block_count() > 64 * 1024 {
        return argon.verify_password(password, hash).is_ok();
    }
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let hasher = Argon2::new(algorithm, version, params.clone());
    let mut out = vec![0u8; expected.len()];
    blocks.resize(params.block_count(), argon2::Block::default());
    if hasher
        .hash_password_into_with_memory(password, salt, &mut out, &mut blocks[..])
        .is_err()
    {
        return false;
    }
    // `Output`'s equality is constant-time.
    argon2::password_hash::Output::new(&out).is_ok_and(|o| &o == expected)
}

#[cfg(test)]
mod password_tests {
    use super::*;
    use proptest::prelude::*;

    fn small() -> Argon2<'static> {
        // Small memory so the property test is quick; the code path is the same.
        let params = Params::new(64, 2, 1, None).unwrap();
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    fn phc(argon: &Argon2<'static>, password: &[u8]) -> String {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        argon.hash_password(password, &salt).unwrap().to_string()
    }

    /// The reused-memory path agrees with the crate's own verifier, also when the memory
    /// still holds another verification's state, for the real parameters too.
    #[test]
    fn reusing_memory_verifies_exactly_like_the_crate() {
        let real = PasswordHasher::new().unwrap().argon;
        let a = phc(&real, b"correct horse battery staple");
        let b = phc(&real, b"another password entirely");
        // One buffer for all: each verification starts from the last one's state.
        let mut mem = vec![];
        for _ in 0..2 {
            for (hash, right, wrong) in [
                (
                    &a,
                    &b"correct horse battery staple"[..],
                    &b"correct horse battery stapl"[..],
                ),
                (&b, &b"another password entirely"[..], &b""[..]),
            ] {
                let parsed = PasswordHash::new(hash).unwrap();
                assert!(verify_reusing_memory(&real, right, &parsed, &mut mem));
                assert!(!verify_reusing_memory(&real, wrong, &parsed, &mut mem));
                assert!(real.verify_password(right, &parsed).is_ok());
            }
        }
        // A hash that is not Argon2, or lacks its output, never verifies.
        let pbkdf =
            PasswordHash::new("$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA").unwrap();
        assert!(!verify_reusing_memory(&real, b"x", &pbkdf, &mut mem));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn same_answer_as_the_crate(stored in ".{0,20}", tried in ".{0,20}") {
            let argon = small();
            let hash = phc(&argon, stored.as_bytes());
            let parsed = PasswordHash::new(&hash).unwrap();
            prop_assert_eq!(
                verify_reusing_memory(&argon, tried.as_bytes(), &parsed, &mut vec![]),
                argon.verify_password(tried.as_bytes(), &parsed).is_ok()
            );
            prop_assert!(verify_reusing_memory(&argon, stored.as_bytes(), &parsed, &mut vec![]));
        }
    }
}
