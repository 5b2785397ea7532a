//! Fills a freshly migrated database with applicants, their applications (with history and
//! payments) and e-Mailbox documents, by bulk SQL on the bench's own connection: multi-row
//! `INSERT`s in large transactions on SQLite, `COPY … FROM STDIN` on PostgreSQL.
//!
//! Every row is a pure function of its indexes, so nothing is held in memory but the
//! statement being built. Rows go in in time order across all accounts (slot-major: the
//! first application of every account, then the second, …), so one applicant's rows are
//! spread over the whole table as in a database that grew over years, not packed together.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use sqlx::{Connection as _, PgConnection, SqliteConnection};

/// The bench's own connection to the database the portal uses.
pub enum Db {
    /// The portal's SQLite file.
    Sqlite(SqliteConnection),
    /// The bench's PostgreSQL database.
    Postgres(PgConnection),
}

impl Db {
    /// Closes the connection.
    pub async fn close(self) {
        let _ = match self {
            Self::Sqlite(c) => c.close().await,
            Self::Postgres(c) => c.close().await,
        };
    }
}

/// One value of a row.
enum Cell {
    Null,
    Int(i64),
    Text(String),
    Str(&'static str),
}

impl From<i64> for Cell {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}
impl From<String> for Cell {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}
impl From<&'static str> for Cell {
    fn from(v: &'static str) -> Self {
        Self::Str(v)
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

fn sqlite_value(out: &mut String, cell: &Cell) {
    let text = |out: &mut String, s: &str| {
        out.push('\'');
        for c in s.chars() {
            if c == '\'' {
                out.push('\'');
            }
            out.push(c);
        }
        out.push('\'');
    };
    match cell {
        Cell::Null => out.push_str("NULL"),
        Cell::Int(v) => {
            let _ = write!(out, "{v}");
        }
        Cell::Text(s) => text(out, s),
        Cell::Str(s) => text(out, s),
    }
}

fn copy_value(out: &mut String, cell: &Cell) {
    let text = |out: &mut String, s: &str| {
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
    };
    match cell {
        Cell::Null => out.push_str("\\N"),
        Cell::Int(v) => {
            let _ = write!(out, "{v}");
        }
        Cell::Text(s) => text(out, s),
        Cell::Str(s) => text(out, s),
    }
}

/// Rows per multi-row `INSERT` on SQLite.
const ROWS_PER_INSERT: usize = 500;
/// Rows per transaction on SQLite.
const ROWS_PER_TRANSACTION: u64 = 100_000;
/// Bytes per `COPY` data message on PostgreSQL.
const COPY_CHUNK: usize = 1 << 20;

/// How long one table took.
#[derive(Clone, Debug)]
pub struct TableFill {
    /// Table name.
    pub table: &'static str,
    /// Rows inserted.
    pub rows: u64,
    /// Wall time.
    pub time: Duration,
}

async fn load(
    db: &mut Db,
    table: &'static str,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<Cell>>,
) -> anyhow::Result<TableFill> {
    let began = Instant::now();
    let mut n = 0_u64;
    let cols = columns.join(", ");
    match db {
        Db::Sqlite(conn) => {
            let head = format!("INSERT INTO {table} ({cols}) VALUES ");
            let mut sql = String::with_capacity(1 << 20);
            let mut in_statement = 0;
            let mut in_transaction = 0_u64;
            sqlx::raw_sql("BEGIN").execute(&mut *conn).await?;
            for row in rows {
                anyhow::ensure!(row.len() == columns.len(), "{table}: row of wrong width");
                if in_statement == 0 {
                    sql.clear();
                    sql.push_str(&head);
                } else {
                    sql.push(',');
                }
                sql.push('(');
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        sql.push(',');
                    }
                    sqlite_value(&mut sql, cell);
                }
                sql.push(')');
                in_statement += 1;
                n += 1;
                if in_statement == ROWS_PER_INSERT {
                    sqlx::raw_sql(&sql).execute(&mut *conn).await?;
                    in_statement = 0;
                    in_transaction += ROWS_PER_INSERT as u64;
                    if in_transaction >= ROWS_PER_TRANSACTION {
                        sqlx::raw_sql("COMMIT; BEGIN").execute(&mut *conn).await?;
                        in_transaction = 0;
                    }
                }
            }
            if in_statement > 0 {
                sqlx::raw_sql(&sql).execute(&mut *conn).await?;
            }
            sqlx::raw_sql("COMMIT").execute(&mut *conn).await?;
        }
        Db::Postgres(conn) => {
            let mut copy = conn
                .copy_in_raw(&format!("COPY {table} ({cols}) FROM STDIN"))
                .await?;
            let mut buf = String::with_capacity(COPY_CHUNK + 64 * 1024);
            for row in rows {
                anyhow::ensure!(row.len() == columns.len(), "{table}: row of wrong width");
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        buf.push('\t');
                    }
                    copy_value(&mut buf, cell);
                }
                buf.push('\n');
                n += 1;
                if buf.len() >= COPY_CHUNK {
                    copy.send(buf.as_bytes()).await?;
                    buf.clear();
                }
            }
            if !buf.is_empty() {
                copy.send(buf.as_bytes()).await?;
            }
            let copied = copy.finish().await?;
            anyhow::ensure!(copied == n, "{table}: COPY took {copied} of {n} rows");
        }
    }
    Ok(TableFill {
        table,
        rows: n,
        time: began.elapsed(),
    })
}

/// How much to generate.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Applicant accounts in all (including the ones created through the service).
    pub accounts: usize,
    /// Applications per account.
    pub apps_per_account: usize,
    /// E-Mailbox documents per account.
    pub docs_per_account: usize,
}

impl Shape {
    /// Applications in all.
    pub fn applications(&self) -> usize {
        self.accounts * self.apps_per_account
    }

    /// Documents in all.
    pub fn documents(&self) -> usize {
        self.accounts * self.docs_per_account
    }
}

/// splitmix64's finaliser: a bijection on `u64`.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn uuid(hi: u64, lo: u64) -> String {
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// A random-looking UUID v4 (as `new_id` makes for accounts and payments).
fn uuid_v4(x: u64) -> String {
    let hi = mix(x);
    let lo = mix(hi ^ 0x5555);
    uuid(
        (hi & !0xf000) | 0x4000,
        (lo & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000,
    )
}

/// A UUID v7 for the instant `micros` (as `new_ordered_id` makes): sorts by creation.
fn uuid_v7(micros: i64, x: u64) -> String {
    let ms = (micros / 1000) as u64;
    let r = mix(x);
    uuid(
        (ms << 16) | 0x7000 | (r & 0x0fff),
        (mix(r) & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000,
    )
}

const MICROS_PER_DAY: i64 = 86_400_000_000;

fn date(micros: i64) -> String {
    jiff::Timestamp::from_microsecond(micros)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .unwrap_or_default()
}

fn year(micros: i64) -> i16 {
    jiff::Timestamp::from_microsecond(micros)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).year())
        .unwrap_or(2026)
}

/// Crockford base32, as the portal writes verification codes (`XXXX-XXXX-XXXX`).
fn verify_code(index: u64) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // An odd multiplier is a bijection modulo 2^60: distinct indexes, distinct codes.
    let mut v = index.wrapping_mul(0x0d6e_8fd9_b3a5_1c27) & ((1 << 60) - 1);
    let mut chars = [0_u8; 12];
    for c in chars.iter_mut().rev() {
        *c = ALPHABET.get((v & 31) as usize).copied().unwrap_or(b'0');
        v >>= 5;
    }
    let s: String = chars.iter().map(|&c| c as char).collect();
    format!("{}-{}-{}", &s[0..4], &s[4..8], &s[8..12])
}

const GIVEN: &[&str] = &[
    "Ana", "Olena", "Dmitrij", "Wei", "Maria", "Ahmed", "Ivan", "Sofia", "Kenji", "Fatima",
    "Lukas", "Elif", "Tomás", "Priya", "Jonas",
];
const SURNAMES: &[&str] = &[
    "Kovalenko",
    "Ivanova",
    "Zhang",
    "Schmidt",
    "Yilmaz",
    "Rossi",
    "Petrov",
    "Nakamura",
    "Haddad",
    "García",
    "Novák",
    "Kumar",
    "Andersen",
    "Popescu",
    "Müller",
];
const CITIZENSHIPS: &[&str] = &["UA", "RU", "CN", "DE", "TR", "IT", "IN", "JP", "US", "BY"];

/// Where a case stands, and how it got there: the statuses passed, with what happened.
const PATH_TO: &[(&str, &[(&str, &str)])] = &[
    ("draft", &[]),
    ("awaiting-payment", &[("awaiting-payment", "submitted")]),
    (
        "submitted",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
        ],
    ),
    (
        "processing",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
        ],
    ),
    (
        "updating",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("updating", "corrections-requested"),
        ],
    ),
    (
        "resending",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("updating", "corrections-requested"),
            ("resending", "corrections-sent"),
        ],
    ),
    (
        "approved",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("approved", "approved"),
        ],
    ),
    (
        "rejected",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("rejected", "rejected"),
        ],
    ),
    (
        "biometrics-scheduled",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("approved", "approved"),
            ("biometrics-scheduled", "biometrics-booked"),
        ],
    ),
    (
        "card-in-production",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("approved", "approved"),
            ("biometrics-scheduled", "biometrics-booked"),
            ("card-in-production", "card-ordered"),
        ],
    ),
    (
        "card-ready",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("approved", "approved"),
            ("biometrics-scheduled", "biometrics-booked"),
            ("card-in-production", "card-ordered"),
            ("card-ready", "card-ready"),
        ],
    ),
    (
        "card-issued",
        &[
            ("awaiting-payment", "submitted"),
            ("submitted", "payment-confirmed"),
            ("processing", "opened"),
            ("approved", "approved"),
            ("biometrics-scheduled", "biometrics-booked"),
            ("card-in-production", "card-ordered"),
            ("card-ready", "card-ready"),
            ("card-issued", "card-issued"),
        ],
    ),
    (
        "withdrawn",
        &[
            ("awaiting-payment", "submitted"),
            ("withdrawn", "withdrawn"),
        ],
    ),
];

fn path_to(status: &str) -> &'static [(&'static str, &'static str)] {
    PATH_TO
        .iter()
        .find(|(s, _)| *s == status)
        .map_or(&[], |(_, p)| p)
}

/// The generator: everything a row depends on besides its indexes.
pub struct Gen {
    shape: Shape,
    now: i64,
    account_ids: Vec<String>,
    fixed: usize,
    password_hash: String,
    grounds: Vec<&'static str>,
    municipality: &'static str,
    today: jiff::civil::Date,
}

/// One generated application.
struct App {
    index: u64,
    id: String,
    account: usize,
    kind: &'static str,
    status: &'static str,
    ground: &'static str,
    created: i64,
    /// When each step of its path happened (`path_to(status)`).
    steps_at: Vec<i64>,
    paid: Option<i64>,
    case_reference: Option<String>,
    payment_reference: Option<String>,
    verify_code: Option<String>,
    fee: i64,
}

impl Gen {
    /// `fixed_accounts` are the ids of accounts that already exist (created through the
    /// service, so one can sign in); they come first and get rows like every other.
    pub fn new(
        shape: Shape,
        fixed_accounts: Vec<String>,
        password_hash: String,
    ) -> anyhow::Result<Self> {
        anyhow::ensure!(
            fixed_accounts.len() <= shape.accounts,
            "more fixed accounts than accounts"
        );
        anyhow::ensure!(shape.apps_per_account >= 1, "at least one application each");
        let now = jiff::Timestamp::now();
        let fixed = fixed_accounts.len();
        let mut account_ids = fixed_accounts;
        for a in fixed..shape.accounts {
            account_ids.push(uuid_v4(0xacc0_0000_0000 + a as u64));
        }
        let grounds: Vec<&'static str> = eforeigner::rules::residence::catalogue()
            .grounds()
            .map(|g| g.code())
            .collect();
        anyhow::ensure!(!grounds.is_empty(), "no grounds in the catalogue");
        let municipality = eforeigner::rules::municipalities::municipalities()
            .first()
            .map(|m| m.code)
            .ok_or_else(|| anyhow::anyhow!("no municipalities"))?;
        Ok(Self {
            shape,
            now: now.as_microsecond(),
            account_ids,
            fixed,
            password_hash,
            grounds,
            municipality,
            today: now.to_zoned(jiff::tz::TimeZone::UTC).date(),
        })
    }

    /// Application `slot` of account `a`. The last slot is a recent draft (started within
    /// the last 20 days, so none is near its 30-day deletion and the hourly sweep has
    /// nothing to do); the others spread over three years, older ones further along.
    fn app(&self, slot: usize, a: usize) -> App {
        let Shape {
            accounts,
            apps_per_account: per,
            ..
        } = self.shape;
        let index = (slot * accounts + a) as u64;
        let r = mix(index ^ 0xa995);
        let is_draft = slot + 1 == per;
        let created = if is_draft {
            self.now - 20 * MICROS_PER_DAY
                + (a as i64 * 19 * MICROS_PER_DAY) / accounts as i64
                + (r % 3_600_000_000) as i64
        } else {
            let span = 3 * 365 * MICROS_PER_DAY - 40 * MICROS_PER_DAY;
            let older = (per - 1).max(1);
            self.now - 3 * 365 * MICROS_PER_DAY
                + ((slot * accounts + a) as i64 * (span / (older * accounts) as i64))
        };
        let status: &'static str = if is_draft {
            "draft"
        } else {
            let age = slot as f64 / (per - 1).max(1) as f64;
            let pick = |list: &[&'static str]| {
                list.get((a + slot) % list.len())
                    .copied()
                    .unwrap_or("card-issued")
            };
            if age < 0.6 {
                pick(&[
                    "card-issued",
                    "card-issued",
                    "rejected",
                    "card-issued",
                    "withdrawn",
                ])
            } else if age < 0.85 {
                pick(&[
                    "approved",
                    "biometrics-scheduled",
                    "card-in-production",
                    "card-ready",
                    "processing",
                ])
            } else {
                pick(&[
                    "submitted",
                    "processing",
                    "updating",
                    "resending",
                    "awaiting-payment",
                ])
            }
        };
        let path = path_to(status);
        // Two days to fill in, then a step every 1–8 days.
        let mut at = created + 2 * MICROS_PER_DAY;
        let mut steps_at = vec![];
        for (k, _) in path.iter().enumerate() {
            steps_at.push(at);
            at += (1 + (mix(r ^ k as u64) % 8) as i64) * MICROS_PER_DAY;
        }
        let paid = path
            .iter()
            .position(|(to, _)| *to == "submitted")
            .and_then(|k| steps_at.get(k).copied());
        let submitted = !is_draft;
        App {
            index,
            id: uuid_v7(created, index ^ 0xa991),
            account: a,
            kind: if slot == 0 || (a + slot).is_multiple_of(4) {
                "first"
            } else {
                "extension"
            },
            status,
            ground: self
                .grounds
                .get((a * 7 + slot * 3) % self.grounds.len())
                .copied()
                .unwrap_or("employment.employment_contract"),
            created,
            steps_at,
            paid,
            case_reference: submitted.then(|| {
                format!(
                    "TR-{}-{:08}",
                    year(created + 2 * MICROS_PER_DAY),
                    (index * 48_271 + 12_345) % 100_000_000
                )
            }),
            payment_reference: submitted.then(|| format!("{}{index:09}", self.municipality)),
            verify_code: paid.map(|_| verify_code(index)),
            fee: 2_110_000 + (r % 4) as i64 * 100_000,
        }
    }

    fn answers(&self, app: &App) -> String {
        let entry = date(app.created - 30 * MICROS_PER_DAY);
        let mut steps = serde_json::json!({
            "check": {
                "citizenship": CITIZENSHIPS[app.account % CITIZENSHIPS.len()],
                "location": "in-serbia",
                "last_entry": entry,
                "has_d_visa": "no",
            },
            "reasons": {
                "ground": app.ground,
                "residence_municipality": self.municipality,
                "street": "Bulevar kralja Aleksandra",
                "house_number": format!("{}", 1 + app.index % 300),
                "postcode": "11000",
                "requested_until": "",
            },
        });
        let completed = if app.status == "draft" {
            serde_json::json!(["check"])
        } else {
            if let Some(map) = steps.as_object_mut() {
                map.insert(
                    "personal".into(),
                    serde_json::json!({
                        "given_names": GIVEN[app.account % GIVEN.len()],
                        "surname": SURNAMES[app.account % SURNAMES.len()],
                        "date_of_birth": "1990-04-12",
                        "sex": "female",
                        "passport_number": format!("FP{:06}", app.account),
                        "passport_country": CITIZENSHIPS[app.account % CITIZENSHIPS.len()],
                    }),
                );
                map.insert("fees".into(), serde_json::json!({"payment_method": "slip"}));
            }
            serde_json::json!([
                "check",
                "personal",
                "reasons",
                "details",
                "documents",
                "fees"
            ])
        };
        serde_json::json!({ "steps": steps, "completed": completed }).to_string()
    }

    fn all_apps(&self) -> impl Iterator<Item = App> + '_ {
        let Shape {
            accounts,
            apps_per_account,
            ..
        } = self.shape;
        (0..apps_per_account).flat_map(move |slot| (0..accounts).map(move |a| self.app(slot, a)))
    }

    fn account_rows(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        (self.fixed..self.shape.accounts).map(move |a| {
            let created = self.now - 4 * 365 * MICROS_PER_DAY
                + (a as i64 * (365 * MICROS_PER_DAY / self.shape.accounts as i64));
            vec![
                self.account_ids.get(a).cloned().into(),
                format!("applicant-{a:06}@bench.eforeigner.test").into(),
                self.password_hash.clone().into(),
                "applicant".into(),
                "active".into(),
                GIVEN[a % GIVEN.len()].into(),
                SURNAMES[(a / GIVEN.len()) % SURNAMES.len()].into(),
                format!("19{:02}-0{}-1{}", 60 + a % 40, 1 + a % 9, a % 10).into(),
                CITIZENSHIPS[a % CITIZENSHIPS.len()].into(),
                "en".into(),
                Some(created).into(),
                Some(created).into(),
                Some(created + MICROS_PER_DAY).into(),
                0_i64.into(),
                created.into(),
                (created + MICROS_PER_DAY).into(),
            ]
        })
    }

    fn application_rows(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        self.all_apps().map(move |app| {
            let answers = self.answers(&app);
            let updated = app.steps_at.last().copied().unwrap_or(app.created);
            let is_draft = app.status == "draft";
            let deadline = (app.status == "updating" || app.status == "resending")
                .then(|| date(updated + 30 * MICROS_PER_DAY));
            vec![
                app.id.into(),
                self.account_ids.get(app.account).cloned().into(),
                app.kind.into(),
                app.status.into(),
                answers.into(),
                app.ground.into(),
                1_i64.into(),
                app.case_reference.into(),
                app.payment_reference.into(),
                (!is_draft).then_some("slip").into(),
                (!is_draft).then_some(app.fee).into(),
                app.paid.into(),
                app.steps_at.first().copied().into(),
                app.paid.into(),
                app.verify_code.into(),
                deadline.into(),
                app.created.into(),
                updated.into(),
                is_draft.then_some(app.created + 30 * MICROS_PER_DAY).into(),
                Cell::Null,
            ]
        })
    }

    fn event_rows(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        self.all_apps().flat_map(move |app| {
            let actor = self.account_ids.get(app.account).cloned();
            let mut rows = vec![vec![
                uuid_v7(app.created, app.index * 16).into(),
                app.id.clone().into(),
                app.created.into(),
                actor.clone().into(),
                Cell::Null,
                "draft".into(),
                "started".into(),
                Cell::Null,
            ]];
            let mut from = "draft";
            for (k, ((to, what), at)) in path_to(app.status).iter().zip(&app.steps_at).enumerate() {
                let by_applicant = matches!(*what, "submitted" | "withdrawn" | "corrections-sent");
                rows.push(vec![
                    uuid_v7(*at, app.index * 16 + 1 + k as u64).into(),
                    app.id.clone().into(),
                    (*at).into(),
                    (if by_applicant { actor.clone() } else { None }).into(),
                    from.into(),
                    (*to).into(),
                    (*what).into(),
                    (*what == "payment-confirmed")
                        .then_some("bank-statement")
                        .into(),
                ]);
                from = *to;
            }
            rows
        })
    }

    fn payment_rows(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        self.all_apps().filter_map(move |app| {
            let paid = app.paid?;
            let payer = format!(
                "{} {}",
                GIVEN[app.account % GIVEN.len()],
                SURNAMES[(app.account / GIVEN.len()) % SURNAMES.len()]
            );
            Some(vec![
                uuid_v4(0x9a90_0000_0000 + app.index).into(),
                "bank-statement".into(),
                format!(
                    "{:016x}{:016x}{:016x}{:016x}",
                    mix(app.index ^ 0x5eed),
                    mix(app.index ^ 0x5eee),
                    mix(app.index ^ 0x5eef),
                    mix(app.index ^ 0x5ef0)
                )
                .into(),
                app.payment_reference.clone().into(),
                app.fee.into(),
                date(paid - MICROS_PER_DAY).into(),
                payer.into(),
                "matched".into(),
                app.id.clone().into(),
                Cell::Null,
                Cell::Null,
                paid.into(),
            ])
        })
    }

    /// Document `k` of account `a`: for `k` below the applications per account, the
    /// confirmation of receipt of that application if it was paid; every other document is
    /// a receipt without an application (`receipt` is the only kind the portal issues so
    /// far, and `(application_id, kind)` is unique).
    fn document_row(&self, k: usize, a: usize) -> Vec<Cell> {
        let Shape {
            accounts,
            docs_per_account,
            apps_per_account,
        } = self.shape;
        let index = (k * accounts + a) as u64;
        let r = mix(index ^ 0xd0c);
        let app = (k < apps_per_account)
            .then(|| self.app(k, a))
            .filter(|app| app.paid.is_some());
        let created = match &app {
            Some(app) => app.paid.unwrap_or(app.created) + 3_600_000_000,
            None => {
                let span = 3 * 365 * MICROS_PER_DAY - 2 * MICROS_PER_DAY;
                self.now - 3 * 365 * MICROS_PER_DAY
                    + (index as i64 * (span / (docs_per_account * accounts) as i64))
            }
        };
        let case_reference = app.as_ref().and_then(|a| a.case_reference.clone());
        let opened = (!r.is_multiple_of(5) && created + MICROS_PER_DAY < self.now)
            .then_some(created + (r % 86_400_000_000) as i64);
        let id = uuid_v7(created, index ^ 0xd0c5);
        let storage_key = match &app {
            Some(app) => format!("mailbox/{}/receipt.pdf", app.id),
            None => format!("mailbox/{id}/document.pdf"),
        };
        let file_name = format!(
            "confirmation-{}.pdf",
            case_reference.as_deref().unwrap_or("request")
        );
        vec![
            id.into(),
            self.account_ids.get(a).cloned().into(),
            app.as_ref().map(|a| a.id.clone()).into(),
            "receipt".into(),
            case_reference.into(),
            file_name.into(),
            "application/pdf".into(),
            (38_000 + (r % 30_000) as i64).into(),
            storage_key.into(),
            app.and_then(|a| a.verify_code).into(),
            created.into(),
            opened.into(),
        ]
    }

    fn document_rows(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        let Shape {
            accounts,
            docs_per_account,
            ..
        } = self.shape;
        (0..docs_per_account).flat_map(move |k| (0..accounts).map(move |a| self.document_row(k, a)))
    }

    /// Today (UTC), as the generator saw it.
    pub fn today(&self) -> jiff::civil::Date {
        self.today
    }
}

/// What the fill did.
#[derive(Clone, Debug)]
pub struct FillReport {
    /// Per table, in order.
    pub tables: Vec<TableFill>,
    /// All inserts.
    pub total: Duration,
    /// What ran after the inserts (checkpoints, VACUUM ANALYZE, `sync`) and how long it took.
    pub maintenance: (String, Duration),
}

/// Inserts every generated row, then checkpoints (SQLite) or vacuums, analyses and
/// checkpoints (PostgreSQL), and runs `sync`.
pub async fn fill(db: &mut Db, g: &Gen) -> anyhow::Result<FillReport> {
    let began = Instant::now();
    let mut tables = vec![];
    let step = |t: &TableFill| {
        eprintln!(
            "    {:<20} {:>9} rows in {:>6.1} s",
            t.table,
            t.rows,
            t.time.as_secs_f64()
        );
    };
    let t = load(
        db,
        "accounts",
        &[
            "id",
            "email",
            "password_hash",
            "role",
            "status",
            "given_names",
            "surname",
            "date_of_birth",
            "citizenship",
            "language",
            "email_confirmed_at",
            "submitted_at",
            "verified_at",
            "failed_logins",
            "created_at",
            "updated_at",
        ],
        g.account_rows(),
    )
    .await?;
    step(&t);
    tables.push(t);
    let t = load(
        db,
        "applications",
        &[
            "id",
            "account_id",
            "kind",
            "status",
            "answers",
            "ground",
            "version",
            "case_reference",
            "payment_reference",
            "payment_method",
            "fee_due_para",
            "paid_at",
            "submitted_at",
            "received_at",
            "verify_code",
            "deadline",
            "created_at",
            "updated_at",
            "expires_at",
            "expiry_warned_at",
        ],
        g.application_rows(),
    )
    .await?;
    step(&t);
    tables.push(t);
    let t = load(
        db,
        "application_events",
        &[
            "id",
            "application_id",
            "at",
            "actor_id",
            "from_status",
            "to_status",
            "what",
            "why",
        ],
        g.event_rows(),
    )
    .await?;
    step(&t);
    tables.push(t);
    let t = load(
        db,
        "payments",
        &[
            "id",
            "source",
            "source_key",
            "reference",
            "amount_para",
            "paid_on",
            "payer",
            "outcome",
            "application_id",
            "recorded_by",
            "note",
            "recorded_at",
        ],
        g.payment_rows(),
    )
    .await?;
    step(&t);
    tables.push(t);
    let t = load(
        db,
        "mailbox_documents",
        &[
            "id",
            "account_id",
            "application_id",
            "kind",
            "case_reference",
            "file_name",
            "content_type",
            "size_bytes",
            "storage_key",
            "verify_code",
            "created_at",
            "opened_at",
        ],
        g.document_rows(),
    )
    .await?;
    step(&t);
    tables.push(t);
    let total = began.elapsed();

    let began = Instant::now();
    let what = match db {
        Db::Sqlite(conn) => {
            // The inserts sit in the WAL; a running portal checkpoints it soon, so measure
            // against the checkpointed file. No ANALYZE: the portal never runs it.
            sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&mut *conn)
                .await?;
            "PRAGMA wal_checkpoint(TRUNCATE) (no ANALYZE: the portal never runs it)"
        }
        Db::Postgres(conn) => {
            // Autovacuum would do this within a minute of a bulk load; do it now so the
            // statistics and the visibility map do not change during the measurements.
            sqlx::raw_sql(
                "VACUUM (ANALYZE) accounts, applications, application_events, payments, \
                 mailbox_documents",
            )
            .execute(&mut *conn)
            .await?;
            // The fill wrote about a gigabyte of WAL: without this, the checkpoints it sets
            // off write for minutes into the measurements.
            sqlx::raw_sql("CHECKPOINT").execute(&mut *conn).await?;
            "VACUUM (ANALYZE) of the five tables (what autovacuum does after a bulk load), \
             CHECKPOINT"
        }
    };
    // The fill's dirty pages go to disk now, not during the measurements.
    let _ = tokio::process::Command::new("sync").status().await;
    Ok(FillReport {
        tables,
        total,
        maintenance: (format!("{what}, then `sync`"), began.elapsed()),
    })
}

/// The ids of one account's applications and documents, newest first, as the pages list
/// them (to check that a page shows exactly these).
pub async fn owned(db: &mut Db, account_id: &str) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    let apps_sql =
        "SELECT id FROM applications WHERE account_id = $1 ORDER BY created_at DESC, id DESC";
    let docs_sql =
        "SELECT id FROM mailbox_documents WHERE account_id = $1 ORDER BY created_at DESC, id DESC";
    Ok(match db {
        Db::Sqlite(c) => (
            sqlx::query_scalar::<_, String>(apps_sql)
                .bind(account_id)
                .fetch_all(&mut *c)
                .await?,
            sqlx::query_scalar::<_, String>(docs_sql)
                .bind(account_id)
                .fetch_all(&mut *c)
                .await?,
        ),
        Db::Postgres(c) => (
            sqlx::query_scalar::<_, String>(apps_sql)
                .bind(account_id)
                .fetch_all(&mut *c)
                .await?,
            sqlx::query_scalar::<_, String>(docs_sql)
                .bind(account_id)
                .fetch_all(&mut *c)
                .await?,
        ),
    })
}
