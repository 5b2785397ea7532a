//! The two migration trees (`migrations/sqlite` and `migrations/postgres`) must make the
//! same schema: each is run on a database of its own, the database is asked what it has,
//! and the answers are compared as sets of [`Fact`]s.
//!
//! Compared, as far as both databases can tell: the tables; their columns (name, type
//! family, nullability, default); primary keys; unique constraints; indexes (name, key
//! columns, carried columns, uniqueness, predicate); foreign keys (columns, target,
//! actions); triggers (table, timing, event, level). Not compared: names the databases
//! choose themselves (a unique constraint's, a trigger's, a foreign key's), CHECK
//! constraints (SQLite keeps them only as text), sort direction and collation of index
//! columns, and what a trigger does.
//!
//! The trees differ today in the ways listed in [`KNOWN`], each with its reason; the test
//! fails on any other difference, and also when a listed one is gone (so the list stays
//! true).

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;
use std::time::Duration;

use eforeigner_store::SqlStore;
use sqlx::postgres::PgConnection;
use sqlx::sqlite::SqliteConnection;
use sqlx::{Connection, Row};

use crate::support::{fresh_postgres_database, postgres_url};

/// One thing a schema has, in the terms both databases can be asked about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Fact {
    Table(String),
    Column {
        table: String,
        name: String,
        /// The type's family ([`family`]).
        family: &'static str,
        nullable: bool,
        /// The default's text ([`default_text`]).
        default: Option<String>,
    },
    PrimaryKey {
        table: String,
        columns: Vec<String>,
    },
    Unique {
        table: String,
        columns: Vec<String>,
    },
    /// An index made by `CREATE INDEX` (not one behind a key or a unique constraint).
    Index {
        name: String,
        table: String,
        unique: bool,
        columns: Vec<String>,
        /// Carried in the index, not sorted on (PostgreSQL's `INCLUDE`).
        include: Vec<String>,
        /// A partial index's condition ([`predicate_text`]).
        predicate: Option<String>,
    },
    ForeignKey {
        table: String,
        columns: Vec<String>,
        references: String,
        to: Vec<String>,
        on_delete: String,
        on_update: String,
    },
    Trigger {
        table: String,
        timing: String,
        event: String,
        level: String,
    },
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Table(name) => write!(f, "table {name}"),
            Fact::Column {
                table,
                name,
                family,
                nullable,
                default,
            } => {
                let null = if *nullable { "null" } else { "not null" };
                write!(f, "column {table}.{name} {family} {null}")?;
                match default {
                    Some(d) => write!(f, " default {d}"),
                    None => Ok(()),
                }
            }
            Fact::PrimaryKey { table, columns } => {
                write!(f, "primary key {table} ({})", columns.join(", "))
            }
            Fact::Unique { table, columns } => write!(f, "unique {table} ({})", columns.join(", ")),
            Fact::Index {
                name,
                table,
                unique,
                columns,
                include,
                predicate,
            } => {
                let unique = if *unique { "unique " } else { "" };
                write!(
                    f,
                    "{unique}index {name} on {table} ({})",
                    columns.join(", ")
                )?;
                if !include.is_empty() {
                    write!(f, " include ({})", include.join(", "))?;
                }
                match predicate {
                    Some(p) => write!(f, " where {p}"),
                    None => Ok(()),
                }
            }
            Fact::ForeignKey {
                table,
                columns,
                references,
                to,
                on_delete,
                on_update,
            } => write!(
                f,
                "foreign key {table} ({}) references {references} ({}) on delete {on_delete} \
                 on update {on_update}",
                columns.join(", "),
                to.join(", ")
            ),
            Fact::Trigger {
                table,
                timing,
                event,
                level,
            } => write!(f, "trigger on {table} {timing} {event} for each {level}"),
        }
    }
}

/// What one database's schema has.
type Schema = BTreeSet<Fact>;

/// A difference between the trees that is known, with its reason: the facts only SQLite's
/// schema has and those only PostgreSQL's has instead.
struct Known {
    why: &'static str,
    sqlite: &'static [&'static str],
    postgres: &'static [&'static str],
}

/// The differences between the trees as they are. A new one fails the test until a
/// migration of the tree that lacks it makes them agree, or it is listed here with why.
const KNOWN: &[Known] = &[
    Known {
        why: "0004's covering indexes: SQLite has no INCLUDE, so the columns PostgreSQL \
              carries are key columns there (same columns, same order)",
        sqlite: &[
            "index applications_account_list on applications (account_id, created_at, id, \
             kind, status, case_reference, ground, deadline, expires_at)",
            "index mailbox_documents_account_list on mailbox_documents (account_id, \
             created_at, id, kind, case_reference, size_bytes, opened_at)",
        ],
        postgres: &[
            "index applications_account_list on applications (account_id, created_at, id) \
             include (kind, status, case_reference, ground, deadline, expires_at)",
            "index mailbox_documents_account_list on mailbox_documents (account_id, \
             created_at, id) include (kind, case_reference, size_bytes, opened_at)",
        ],
    },
    Known {
        why: "SQLite lets a PRIMARY KEY column hold NULL unless it is an INTEGER PRIMARY KEY \
              or declared NOT NULL (a legacy of SQLite's own); PostgreSQL's primary keys are \
              never NULL. The store writes every key, so no row has a NULL one, but SQLite \
              would take it",
        sqlite: &[
            "column accounts.id text null",
            "column application_events.id text null",
            "column applications.id text null",
            "column dev_mails.id text null",
            "column email_tokens.token_hash text null",
            "column kept_answers.token_hash text null",
            "column mailbox_documents.id text null",
            "column outbox.id text null",
            "column payments.id text null",
            "column sessions.id text null",
            "column sign_ins.id text null",
            "column throttles.throttle_key text null",
            "column uploads.id text null",
        ],
        postgres: &[
            "column accounts.id text not null",
            "column application_events.id text not null",
            "column applications.id text not null",
            "column dev_mails.id text not null",
            "column email_tokens.token_hash text not null",
            "column kept_answers.token_hash text not null",
            "column mailbox_documents.id text not null",
            "column outbox.id text not null",
            "column payments.id text not null",
            "column sessions.id text not null",
            "column sign_ins.id text not null",
            "column throttles.throttle_key text not null",
            "column uploads.id text not null",
        ],
    },
];

/// Facts only one side has, as text.
#[derive(Debug, Default, PartialEq, Eq)]
struct Difference {
    only_left: BTreeSet<String>,
    only_right: BTreeSet<String>,
}

impl Difference {
    fn is_empty(&self) -> bool {
        self.only_left.is_empty() && self.only_right.is_empty()
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for fact in &self.only_left {
            writeln!(f, "  only in SQLite's:     {fact}")?;
        }
        for fact in &self.only_right {
            writeln!(f, "  only in PostgreSQL's: {fact}")?;
        }
        Ok(())
    }
}

/// What `left` has that `right` lacks, and the other way round.
fn compare(left: &Schema, right: &Schema) -> Difference {
    Difference {
        only_left: left.difference(right).map(Fact::to_string).collect(),
        only_right: right.difference(left).map(Fact::to_string).collect(),
    }
}

/// What `found` holds beyond the `known` differences (`unexplained`), and which listed
/// facts it does not hold (`gone`).
fn against_known(found: &Difference, known: &[Known]) -> (Difference, Difference) {
    let listed = Difference {
        only_left: known
            .iter()
            .flat_map(|k| k.sqlite)
            .map(|f| f.to_string())
            .collect(),
        only_right: known
            .iter()
            .flat_map(|k| k.postgres)
            .map(|f| f.to_string())
            .collect(),
    };
    let minus = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.difference(b).cloned().collect();
    (
        Difference {
            only_left: minus(&found.only_left, &listed.only_left),
            only_right: minus(&found.only_right, &listed.only_right),
        },
        Difference {
            only_left: minus(&listed.only_left, &found.only_left),
            only_right: minus(&listed.only_right, &found.only_right),
        },
    )
}

/// A declared type's family: SQLite's type affinity of the name (its rules, in order), so
/// `INTEGER` and `BIGINT` are one family, as `TEXT` and `character varying` are; PostgreSQL's
/// `bytea` counts as a blob.
fn family(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    if t.contains("int") {
        "integer"
    } else if t.contains("char") || t.contains("clob") || t.contains("text") {
        "text"
    } else if t.is_empty() || t.contains("blob") || t == "bytea" {
        "blob"
    } else if t.contains("real") || t.contains("floa") || t.contains("doub") {
        "real"
    } else {
        "numeric"
    }
}

/// A default as both databases write it: without PostgreSQL's cast (`'x'::text`) and
/// without enclosing parentheses.
fn default_text(raw: &str) -> String {
    let mut t = raw.trim();
    if let Some((value, cast)) = t.rsplit_once("::")
        && cast
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '_')
    {
        t = value.trim();
    }
    unparenthesised(t).to_string()
}

/// A partial index's condition, lower case, single-spaced and without enclosing parentheses.
fn predicate_text(raw: &str) -> String {
    let words: Vec<&str> = unparenthesised(raw.trim()).split_whitespace().collect();
    // PostgreSQL writes a text literal's type (`'receipt'::text`); SQLite keeps it as typed.
    words.join(" ").to_lowercase().replace("::text", "")
}

/// `t` without the parentheses that enclose all of it (as many pairs as there are).
fn unparenthesised(mut t: &str) -> &str {
    while let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        // `(a) AND (b)` starts and ends with parentheses that are not one pair.
        let mut depth = 0_i32;
        let balanced = inner.chars().all(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth >= 0
        });
        if !balanced {
            break;
        }
        t = inner.trim();
    }
    t
}

/// Tables that are not the trees' own: sqlx's record of the migrations it ran.
const NOT_THE_TREES: &str = "_sqlx_migrations";

/// What SQLite says the schema of `conn`'s database is.
async fn sqlite_schema(conn: &mut SqliteConnection) -> Schema {
    let mut schema = Schema::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> $1 ORDER BY name",
    )
    .bind(NOT_THE_TREES)
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for table in &tables {
        schema.insert(Fact::Table(table.clone()));
        let columns = sqlx::query(
            "SELECT name, type, \"notnull\" AS not_null, dflt_value, pk \
             FROM pragma_table_info($1) ORDER BY cid",
        )
        .bind(table)
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        let mut key: Vec<(i64, String)> = vec![];
        for c in &columns {
            let name: String = c.get("name");
            let declared: String = c.get("type");
            let pk: i64 = c.get("pk");
            if pk > 0 {
                key.push((pk, name.clone()));
            }
            // The one PRIMARY KEY column declared INTEGER is the row id: never NULL.
            let row_id = pk == 1
                && declared.eq_ignore_ascii_case("integer")
                && columns.iter().filter(|c| c.get::<i64, _>("pk") > 0).count() == 1;
            schema.insert(Fact::Column {
                table: table.clone(),
                name,
                family: family(&declared),
                nullable: c.get::<i64, _>("not_null") == 0 && !row_id,
                default: c
                    .get::<Option<String>, _>("dflt_value")
                    .map(|d| default_text(&d)),
            });
        }
        key.sort();
        if !key.is_empty() {
            schema.insert(Fact::PrimaryKey {
                table: table.clone(),
                columns: key.into_iter().map(|(_, c)| c).collect(),
            });
        }

        let indexes = sqlx::query(
            "SELECT l.name, l.\"unique\" AS is_unique, l.origin, l.partial, m.sql \
             FROM pragma_index_list($1) AS l LEFT JOIN sqlite_master AS m \
             ON m.type = 'index' AND m.name = l.name",
        )
        .bind(table)
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        for i in &indexes {
            let name: String = i.get("name");
            let columns: Vec<String> = sqlx::query_scalar(
                "SELECT coalesce(name, '<expression>') FROM pragma_index_xinfo($1) \
                 WHERE key = 1 ORDER BY seqno",
            )
            .bind(&name)
            .fetch_all(&mut *conn)
            .await
            .unwrap();
            let origin: String = i.get("origin");
            match origin.as_str() {
                // Read from the columns above (an INTEGER PRIMARY KEY has no index).
                "pk" => {}
                "u" => {
                    schema.insert(Fact::Unique {
                        table: table.clone(),
                        columns,
                    });
                }
                _ => {
                    let sql: String = i.get::<Option<String>, _>("sql").unwrap_or_default();
                    let predicate = (i.get::<i64, _>("partial") == 1).then(|| {
                        let at = sql.to_ascii_uppercase().rfind(" WHERE ").unwrap();
                        predicate_text(&sql[at + " WHERE ".len()..])
                    });
                    schema.insert(Fact::Index {
                        name,
                        table: table.clone(),
                        unique: i.get::<i64, _>("is_unique") == 1,
                        columns,
                        include: vec![],
                        predicate,
                    });
                }
            }
        }

        let keys = sqlx::query(
            "SELECT id, \"table\" AS target, \"from\" AS col, \"to\" AS target_col, \
             on_update, on_delete FROM pragma_foreign_key_list($1) ORDER BY id, seq",
        )
        .bind(table)
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        let mut by_id: Vec<(i64, Fact)> = vec![];
        for k in &keys {
            let id: i64 = k.get("id");
            if by_id.last().map(|(last, _)| *last) != Some(id) {
                by_id.push((
                    id,
                    Fact::ForeignKey {
                        table: table.clone(),
                        columns: vec![],
                        references: k.get("target"),
                        to: vec![],
                        on_delete: k.get::<String, _>("on_delete").to_lowercase(),
                        on_update: k.get::<String, _>("on_update").to_lowercase(),
                    },
                ));
            }
            if let Some((_, Fact::ForeignKey { columns, to, .. })) = by_id.last_mut() {
                columns.push(k.get("col"));
                // `REFERENCES t` without columns names t's primary key (read below).
                to.extend(k.get::<Option<String>, _>("target_col"));
            }
        }
        for (_, mut fact) in by_id {
            if let Fact::ForeignKey { references, to, .. } = &mut fact
                && to.is_empty()
            {
                *to = sqlx::query_scalar(
                    "SELECT name FROM pragma_table_info($1) WHERE pk > 0 ORDER BY pk",
                )
                .bind(&*references)
                .fetch_all(&mut *conn)
                .await
                .unwrap();
            }
            schema.insert(fact);
        }
    }

    let triggers: Vec<(String, String)> =
        sqlx::query_as("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    for (table, sql) in triggers {
        let (timing, event) = sqlite_trigger_kind(&sql);
        schema.insert(Fact::Trigger {
            table,
            timing,
            event,
            level: "row".into(),
        });
    }
    schema
}

/// When a SQLite trigger fires and on what, read from its `CREATE TRIGGER` text:
/// `CREATE TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER | INSTEAD OF] event ON …`.
fn sqlite_trigger_kind(sql: &str) -> (String, String) {
    let words: Vec<String> = sql
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let after_name = words.iter().position(|w| w == "trigger").unwrap() + 2;
    let rest = match words.get(after_name - 1).map(String::as_str) {
        Some("if") => &words[after_name + 3..],
        _ => &words[after_name..],
    };
    match rest {
        [t, event, ..] if t == "before" || t == "after" => (t.clone(), event.clone()),
        [i, o, event, ..] if i == "instead" && o == "of" => ("instead of".into(), event.clone()),
        [event, ..] => ("before".into(), event.clone()),
        [] => panic!("a trigger without an event: {sql}"),
    }
}

/// PostgreSQL's foreign key actions, by `pg_constraint`'s codes.
fn pg_action(code: &str) -> String {
    match code {
        "a" => "no action",
        "r" => "restrict",
        "c" => "cascade",
        "n" => "set null",
        "d" => "set default",
        other => panic!("unknown foreign key action {other:?}"),
    }
    .into()
}

/// What PostgreSQL says the schema of `conn`'s database is (its current schema).
async fn postgres_schema(conn: &mut PgConnection) -> Schema {
    let mut schema = Schema::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name <> $1",
    )
    .bind(NOT_THE_TREES)
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    schema.extend(tables.into_iter().map(Fact::Table));

    let columns = sqlx::query(
        "SELECT table_name::text AS tbl, column_name::text AS name, data_type::text AS type, \
         is_nullable::text AS nullable, column_default::text AS dflt \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name <> $1",
    )
    .bind(NOT_THE_TREES)
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for c in &columns {
        schema.insert(Fact::Column {
            table: c.get("tbl"),
            name: c.get("name"),
            family: family(c.get("type")),
            nullable: c.get::<String, _>("nullable") == "YES",
            default: c.get::<Option<String>, _>("dflt").map(|d| default_text(&d)),
        });
    }

    // The columns of a key, in the key's order.
    const NAMES: &str = "ARRAY(SELECT a.attname::text FROM unnest({keys}) WITH ORDINALITY \
        AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = {rel} AND a.attnum = k.attnum \
        ORDER BY k.ord)";
    let names = |keys: &str, rel: &str| NAMES.replace("{keys}", keys).replace("{rel}", rel);
    let constraints = sqlx::query(&format!(
        "SELECT c.contype::text AS kind, t.relname::text AS tbl, {} AS cols, \
         coalesce(r.relname::text, '') AS target, {} AS target_cols, \
         c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update \
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
         LEFT JOIN pg_class r ON r.oid = c.confrelid \
         WHERE t.relnamespace = current_schema()::regnamespace \
         AND c.contype IN ('p', 'u', 'f') AND t.relname <> $1",
        names("c.conkey", "c.conrelid"),
        names("c.confkey", "c.confrelid"),
    ))
    .bind(NOT_THE_TREES)
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for c in &constraints {
        let table: String = c.get("tbl");
        let columns: Vec<String> = c.get("cols");
        schema.insert(match c.get::<String, _>("kind").as_str() {
            "p" => Fact::PrimaryKey { table, columns },
            "u" => Fact::Unique { table, columns },
            _ => Fact::ForeignKey {
                table,
                columns,
                references: c.get("target"),
                to: c.get("target_cols"),
                on_delete: pg_action(c.get("on_delete")),
                on_update: pg_action(c.get("on_update")),
            },
        });
    }

    let indexes = sqlx::query(
        "SELECT x.relname::text AS name, t.relname::text AS tbl, i.indisunique AS is_unique, \
         ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) \
               FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS cols, \
         ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) \
               FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k ORDER BY k) AS include, \
         pg_get_expr(i.indpred, i.indrelid) AS predicate \
         FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid \
         JOIN pg_class t ON t.oid = i.indrelid \
         WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> $1 \
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid \
                         AND c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))",
    )
    .bind(NOT_THE_TREES)
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for i in &indexes {
        schema.insert(Fact::Index {
            name: i.get("name"),
            table: i.get("tbl"),
            unique: i.get("is_unique"),
            columns: i.get("cols"),
            include: i.get("include"),
            predicate: i
                .get::<Option<String>, _>("predicate")
                .map(|p| predicate_text(&p)),
        });
    }

    let triggers: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT event_object_table::text, lower(action_timing::text), \
         lower(event_manipulation::text), lower(action_orientation::text) \
         FROM information_schema.triggers WHERE trigger_schema = current_schema()",
    )
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    for (table, timing, event, level) in triggers {
        schema.insert(Fact::Trigger {
            table,
            timing,
            event,
            level,
        });
    }
    schema
}

/// SQLite's schema after the store's own migrations (the embedded tree, as the application
/// runs it) in a new database file in `dir`.
async fn sqlite_after_the_store(dir: &Path) -> Schema {
    let url = format!("sqlite://{}?mode=rwc", dir.join("store.sqlite3").display());
    let store = SqlStore::connect(&url, Duration::ZERO).await.unwrap();
    drop(store);
    let mut conn = SqliteConnection::connect(&url).await.unwrap();
    let schema = sqlite_schema(&mut conn).await;
    conn.close().await.unwrap();
    schema
}

/// SQLite's schema after the migrations in `tree` (a directory), in a new database file.
async fn sqlite_after(tree: &Path, file: &Path) -> Schema {
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let mut conn = SqliteConnection::connect(&url).await.unwrap();
    sqlx::migrate::Migrator::new(tree)
        .await
        .unwrap()
        .run(&mut conn)
        .await
        .unwrap();
    let schema = sqlite_schema(&mut conn).await;
    conn.close().await.unwrap();
    schema
}

fn tree(backend: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend)
}

#[tokio::test]
async fn the_two_migration_trees_make_the_same_schema_but_for_the_listed_differences() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = sqlite_after_the_store(dir.path()).await;
    // The SQLite side of the listed differences holds whatever the other side's database.
    let (_, gone) = against_known(&compare(&sqlite, &Schema::new()), KNOWN);
    assert!(
        gone.only_left.is_empty(),
        "listed differences SQLite's schema no longer has:\n{gone}"
    );
    let Some(base) = postgres_url() else {
        eprintln!(
            "note: EFOREIGNER_TEST_DATABASE_URL is not set, so PostgreSQL's tree was not run \
             and the trees were not compared (only SQLite's side of the listed differences \
             was checked)"
        );
        return;
    };
    let url = fresh_postgres_database(&base, "efschema").await;
    let store = SqlStore::connect(&url, Duration::ZERO).await.unwrap();
    drop(store);
    let mut conn = PgConnection::connect(&url).await.unwrap();
    let postgres = postgres_schema(&mut conn).await;
    conn.close().await.unwrap();
    let mut admin = PgConnection::connect(&base).await.unwrap();
    let name = url.rsplit_once('/').unwrap().1;
    sqlx::Executor::execute(
        &mut admin,
        format!("DROP DATABASE {name} WITH (FORCE)").as_str(),
    )
    .await
    .unwrap();

    let found = compare(&sqlite, &postgres);
    for known in KNOWN {
        eprintln!(
            "known difference ({} facts a side): {}",
            known.sqlite.len(),
            known.why
        );
    }
    let (unexplained, gone) = against_known(&found, KNOWN);
    assert!(
        unexplained.is_empty(),
        "the migration trees make different schemas; make them agree with a new migration \
         in the tree that lacks the fact (landed ones are never edited), or list the \
         difference in KNOWN with the reason:\n{unexplained}"
    );
    assert!(
        gone.is_empty(),
        "listed differences that are gone (remove them from KNOWN):\n{gone}"
    );
    // Not an empty comparison: both sides have every table.
    assert!(sqlite.contains(&Fact::Table("applications".into())));
    assert!(postgres.contains(&Fact::Table("applications".into())));
}

/// The comparison tells a changed tree from the landed one: a copy of SQLite's tree, changed
/// in one fact of each kind, against the tree as it is.
#[tokio::test]
async fn a_changed_copy_of_a_tree_is_told_apart_fact_by_fact() {
    let dir = tempfile::tempdir().unwrap();
    let landed = sqlite_after_the_store(dir.path()).await;
    let copy = dir.path().join("tree");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(tree("sqlite")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
    }
    let same = sqlite_after(&copy, &dir.path().join("same.sqlite3")).await;
    assert_eq!(
        compare(&landed, &same),
        Difference::default(),
        "the copy as it is"
    );

    let edit = |file: &str, from: &str, to: &str| {
        let path = copy.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "0001_accounts.sql",
        "email TEXT NOT NULL UNIQUE",
        "email TEXT NOT NULL",
    );
    edit(
        "0001_accounts.sql",
        "failed_logins BIGINT NOT NULL DEFAULT 0",
        "failed_logins TEXT NOT NULL DEFAULT '0'",
    );
    edit(
        "0002_applications.sql",
        "ON DELETE SET NULL",
        "ON DELETE CASCADE",
    );
    edit(
        "0005_throttles_and_sweeps.sql",
        "CREATE INDEX uploads_storage_key ON uploads (storage_key);",
        "CREATE UNIQUE INDEX uploads_storage_key ON uploads (storage_key);",
    );
    // (The e-Mailbox's table was made again in 0009, with its indexes.)
    edit(
        "0009_letters_and_decisions.sql",
        "WHERE opened_at IS NULL",
        "WHERE opened_at IS NOT NULL",
    );
    std::fs::write(
        copy.join("0099_more.sql"),
        "ALTER TABLE sessions ADD COLUMN device TEXT;\n\
         CREATE TRIGGER sessions_no_delete BEFORE DELETE ON sessions \
         BEGIN SELECT RAISE(ABORT, 'no'); END;\n",
    )
    .unwrap();
    let changed = sqlite_after(&copy, &dir.path().join("changed.sqlite3")).await;

    let set = |facts: &[&str]| facts.iter().map(|f| f.to_string()).collect();
    assert_eq!(
        compare(&landed, &changed),
        Difference {
            only_left: set(&[
                "unique accounts (email)",
                "column accounts.failed_logins integer not null default 0",
                "foreign key payments (application_id) references applications (id) \
                 on delete set null on update no action",
                "index uploads_storage_key on uploads (storage_key)",
                "index mailbox_documents_unread on mailbox_documents (account_id) \
                 where opened_at is null",
            ]),
            only_right: set(&[
                "column accounts.failed_logins text not null default '0'",
                "foreign key payments (application_id) references applications (id) \
                 on delete cascade on update no action",
                "unique index uploads_storage_key on uploads (storage_key)",
                "index mailbox_documents_unread on mailbox_documents (account_id) \
                 where opened_at is not null",
                "column sessions.device text null",
                "trigger on sessions before delete for each row",
            ]),
        }
    );
}

#[test]
fn the_comparison_and_the_list_of_known_differences() {
    let column = |table: &str, nullable| Fact::Column {
        table: table.into(),
        name: "id".into(),
        family: "text",
        nullable,
        default: None,
    };
    let left: Schema = [Fact::Table("a".into()), column("a", true)].into();
    let right: Schema = [Fact::Table("a".into()), column("a", false)].into();
    assert_eq!(compare(&left, &left), Difference::default());
    let found = compare(&left, &right);
    assert_eq!(
        found,
        Difference {
            only_left: ["column a.id text null".to_string()].into(),
            only_right: ["column a.id text not null".to_string()].into(),
        }
    );
    let listed = [Known {
        why: "test",
        sqlite: &["column a.id text null"],
        postgres: &["column a.id text not null", "table b"],
    }];
    let (unexplained, gone) = against_known(&found, &listed);
    assert!(unexplained.is_empty(), "{unexplained}");
    assert_eq!(
        gone,
        Difference {
            only_left: BTreeSet::new(),
            only_right: ["table b".to_string()].into(),
        }
    );
    let (unexplained, _) = against_known(&found, &[]);
    assert_eq!(unexplained, found);

    assert_eq!(family("BIGINT"), "integer");
    assert_eq!(family("integer"), "integer");
    assert_eq!(family("character varying"), "text");
    assert_eq!(family("bytea"), "blob");
    assert_eq!(family("double precision"), "real");
    assert_eq!(family("boolean"), "numeric");
    assert_eq!(default_text("'x'::text"), "'x'");
    assert_eq!(default_text("(0)"), "0");
    assert_eq!(predicate_text("(opened_at IS NULL)"), "opened_at is null");
    assert_eq!(predicate_text("(a) AND (b)"), "(a) and (b)");
    assert_eq!(
        sqlite_trigger_kind("CREATE TRIGGER t BEFORE UPDATE ON x BEGIN SELECT 1; END"),
        ("before".into(), "update".into())
    );
    assert_eq!(
        sqlite_trigger_kind("CREATE TRIGGER IF NOT EXISTS t DELETE ON x BEGIN SELECT 1; END"),
        ("before".into(), "delete".into())
    );
    assert_eq!(
        sqlite_trigger_kind("create trigger t instead of insert on v begin select 1; end"),
        ("instead of".into(), "insert".into())
    );
}
