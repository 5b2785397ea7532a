//! The ports: what the services need from the outside, as traits (persistence, files,
//! documents). Adapters implement them in other crates; the services never name an adapter.

pub mod documents;
pub mod files;
pub mod store;
