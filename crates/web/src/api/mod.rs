//! The JSON API, by version: [`v1`] at `/api/v1`, documented by its OpenAPI document.

pub mod v1;
