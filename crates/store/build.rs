//! Rebuilds the store when a migration changes: `sqlx::migrate!` embeds the migration files
//! at compile time, and Cargo does not know about them unless told (as sqlx's documentation
//! recommends), so an edited or added migration would otherwise run from a stale copy.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
