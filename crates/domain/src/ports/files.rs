//! The file port: where the bytes of uploads and generated documents live. The store crate
//! implements it for a local directory (the embedded default) and S3-compatible storage.
//! Keys are made by the server, never taken from user input.

use async_trait::async_trait;
use bytes::Bytes;
use jiff::Timestamp;

/// A store of files by key.
#[async_trait]
pub trait Files: Send + Sync + std::fmt::Debug {
    /// Stores `bytes` under `key`; once this returns, they are on stable storage.
    async fn put(&self, key: &str, bytes: Bytes) -> anyhow::Result<()>;
    /// Reads the bytes under `key`.
    async fn get(&self, key: &str) -> anyhow::Result<Bytes>;
    /// Deletes `key` (missing is fine).
    async fn delete(&self, key: &str) -> anyhow::Result<()>;
    /// Keys of the files under `prefix` last written before `before` (for the sweep of
    /// files that no record names).
    async fn keys_older_than(&self, prefix: &str, before: Timestamp)
    -> anyhow::Result<Vec<String>>;
    /// A writer for a new file under `key`, written as it arrives ([`FileWrite`]).
    async fn writer(&self, key: &str) -> anyhow::Result<Box<dyn FileWrite>>;
}

/// A file being written as it arrives (an upload), holding little in memory whatever the
/// file's size. Until a record names its key it belongs to nobody: a refused file is
/// removed with [`FileWrite::abort`] (or [`Files::delete`]), one left by a crash by the
/// sweep of files that no record names.
#[async_trait]
pub trait FileWrite: Send {
    /// Appends `data`.
    async fn write(&mut self, data: &[u8]) -> anyhow::Result<()>;
    /// Writes what is left, makes the file durable and returns its size and SHA-256 (hex).
    async fn finish(self: Box<Self>) -> anyhow::Result<(u64, String)>;
    /// Stops writing and removes what was written.
    async fn abort(self: Box<Self>);
}
