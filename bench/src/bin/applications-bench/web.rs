//! The HTTP side: a signed-in browser, page loads in a closed loop (reusing
//! [`crate::load::drive`]) and in an open loop at a fixed rate, count-based rounds of
//! uploads and of disk writes, and the minimal handler.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use eforeigner::store::files::FileStore;
use jiff::ToSpan as _;

use crate::cpu;
use crate::load::{LoadResult, Op, Outcome};

/// A keep-alive client that ignores proxies and does not follow redirects.
pub fn client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .no_proxy()
        .tcp_nodelay(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(120))
        .build()?)
}

/// `n` clients, one per worker, so each worker keeps its own connection.
pub fn clients(n: usize) -> anyhow::Result<Arc<Vec<reqwest::Client>>> {
    Ok(Arc::new(
        (0..n.max(1)).map(|_| client()).collect::<Result<_, _>>()?,
    ))
}

/// A response, read whole.
pub struct Resp {
    /// Status code.
    pub status: u16,
    /// `Location`, or "".
    pub location: String,
    /// Body as text.
    pub body: String,
}

/// A client that keeps the cookies it is given, like a browser.
pub struct Browser {
    base: String,
    client: reqwest::Client,
    cookies: Mutex<BTreeMap<String, String>>,
}

/// The value of the form input `name` on a page (`name="…" value="…"`, as the templates
/// write it).
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let pattern = format!("name=\"{name}\" value=\"");
    let at = html.find(&pattern)? + pattern.len();
    let rest = html.get(at..)?;
    Some(rest.get(..rest.find('"')?)?.to_string())
}

/// A short excerpt of what a page says went wrong, for error messages.
fn problem_excerpt(body: &str) -> String {
    let at = body
        .find("error-summary")
        .or_else(|| body.find("error"))
        .unwrap_or(0);
    let text: String = body
        .get(at..)
        .unwrap_or("")
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, t)| t.trim()))
        .filter(|t| !t.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join(" | ");
    text.chars().take(400).collect()
}

impl Browser {
    /// A browser for the portal at `base` (`http://127.0.0.1:port`).
    pub fn new(base: &str) -> anyhow::Result<Self> {
        Ok(Self {
            base: base.to_string(),
            client: client()?,
            cookies: Mutex::default(),
        })
    }

    /// The `Cookie` header this browser sends.
    pub fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .map(|jar| {
                jar.iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default()
    }

    /// The value of the cookie whose name ends with `suffix` (`session` for
    /// `__Host-session`).
    pub fn cookie(&self, suffix: &str) -> Option<String> {
        self.cookies.lock().ok().and_then(|jar| {
            jar.iter()
                .find(|(k, _)| k.ends_with(suffix))
                .map(|(_, v)| v.clone())
        })
    }

    async fn finish(&self, rb: reqwest::RequestBuilder) -> anyhow::Result<Resp> {
        let r = rb.header("cookie", self.cookie_header()).send().await?;
        if let Ok(mut jar) = self.cookies.lock() {
            for v in r.headers().get_all("set-cookie") {
                let s = v.to_str().unwrap_or("");
                let pair = s.split(';').next().unwrap_or("");
                if let Some((k, val)) = pair.split_once('=') {
                    if val.is_empty() || s.contains("Max-Age=0") {
                        jar.remove(k);
                    } else {
                        jar.insert(k.to_string(), val.to_string());
                    }
                }
            }
        }
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let body = r.text().await?;
        Ok(Resp {
            status,
            location,
            body,
        })
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> anyhow::Result<Resp> {
        self.finish(self.client.get(format!("{}{path}", self.base)))
            .await
    }

    /// The bodies of every page of the list at `path` (`?page=2`, … while the page links to
    /// a next one), joined.
    pub async fn all_pages(&self, path: &str) -> anyhow::Result<String> {
        let mut all = String::new();
        for n in 1..=1000 {
            let r = self.get(&format!("{path}?page={n}")).await?;
            anyhow::ensure!(r.status == 200, "GET {path}?page={n}: HTTP {}", r.status);
            let more = r.body.contains("rel=\"next\"");
            all.push_str(&r.body);
            if !more {
                return Ok(all);
            }
        }
        anyhow::bail!("{path} has more than 1000 pages")
    }

    /// `POST path` with a URL-encoded form.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> anyhow::Result<Resp> {
        self.finish(
            self.client
                .post(format!("{}{path}", self.base))
                .form(fields),
        )
        .await
    }

    /// Signs in through `POST /api/v1/session`; the session cookie is kept.
    pub async fn login(&self, email: &str, password: &str) -> anyhow::Result<()> {
        let r = self
            .finish(
                self.client
                    .post(format!("{}/api/v1/session", self.base))
                    .json(&serde_json::json!({ "email": email, "password": password })),
            )
            .await?;
        anyhow::ensure!(r.status == 200, "login of {email}: HTTP {}", r.status);
        Ok(())
    }

    /// The CSRF token of the form on `path` (the CSRF cookie is kept on the way).
    pub async fn csrf(&self, path: &str) -> anyhow::Result<String> {
        let page = self.get(path).await?;
        anyhow::ensure!(page.status == 200, "GET {path}: HTTP {}", page.status);
        input_value(&page.body, "csrf_token")
            .ok_or_else(|| anyhow::anyhow!("no CSRF token on {path}"))
    }
}

/// Reads the whole body (so the connection is reused) and classifies the answer.
async fn outcome(response: Result<reqwest::Response, reqwest::Error>, expected: u16) -> Outcome {
    match response {
        Ok(r) => {
            let status = r.status().as_u16();
            match r.bytes().await {
                Ok(_) if status == expected => Outcome::Ok,
                Ok(_) => Outcome::Status(status),
                Err(e) => Outcome::Failed(format!("reading body: {e}")),
            }
        }
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// `GET url`; worker `w` on its own client (`clients[w]`, or the one shared client), and
/// with the cookies of one of the sessions (`cookies[w]` in a closed loop; in turn by
/// request in an open loop, where all requests have worker 0).
pub fn page_op(url: String, cookies: Arc<Vec<String>>, clients: Arc<Vec<reqwest::Client>>) -> Op {
    let url = Arc::new(url);
    Arc::new(move |worker, iteration| {
        let (url, cookies, clients) = (url.clone(), cookies.clone(), clients.clone());
        Box::pin(async move {
            let Some(client) = clients.get(worker % clients.len().max(1)) else {
                return Outcome::Failed("no client".into());
            };
            let pick = if clients.len() > 1 {
                worker
            } else {
                iteration as usize
            };
            let cookie = cookies
                .get(pick % cookies.len().max(1))
                .map_or("", String::as_str);
            let sent = client
                .get(url.as_str())
                .header("cookie", cookie)
                .send()
                .await;
            outcome(sent, 200).await
        })
    })
}

/// The result of an open-loop load.
#[derive(Clone, Debug, Default)]
pub struct OpenResult {
    /// Requests per second asked for.
    pub target_rate: f64,
    /// Requests scheduled inside the window; latencies of the OK ones, each from the
    /// instant it was *scheduled* (so a late send counts against it).
    pub result: LoadResult,
    /// The same requests' latencies from the instant each was actually sent, sorted.
    pub from_send: Vec<Duration>,
    /// How late requests were sent against their schedule: p99 and max.
    pub lag_p99: Duration,
    /// See `lag_p99`.
    pub lag_max: Duration,
    /// Most requests in flight at once.
    pub max_in_flight: usize,
    /// Cores the PostgreSQL server used in the window.
    pub pg_cores: Option<f64>,
}

struct Done {
    counted: bool,
    outcome: Outcome,
    from_schedule: Duration,
    from_send: Duration,
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let n = sorted.len();
    if n == 0 {
        return Duration::ZERO;
    }
    sorted
        .get(((q * n as f64).ceil() as usize).clamp(1, n) - 1)
        .copied()
        .unwrap_or_default()
}

/// The open loop's dispatcher sleeps at least this long between sends.
const DISPATCH_TICK: Duration = Duration::from_millis(1);

/// Sends requests at `rate` per second on a fixed schedule (request `i` at `i / rate`),
/// whether or not earlier ones have answered: an open loop, so a slow answer cannot hold
/// back the next request the way it does in a closed loop. The load generator runs apart
/// from the portal's runtime: a dispatcher thread sleeps until each request is due and
/// hands it to a one-thread client runtime, whose single client pools connections (opening
/// more when requests overlap, up to `connections` if given: then a request waits for one
/// to be free, from its scheduled instant). `make_op` is called on that runtime. Requests
/// scheduled in the warm-up are not counted.
pub async fn open_loop(
    rate: f64,
    warmup: Duration,
    duration: Duration,
    connections: Option<usize>,
    make_op: impl FnOnce() -> anyhow::Result<Op> + Send + 'static,
) -> anyhow::Result<OpenResult> {
    anyhow::ensure!(rate.is_finite() && rate > 0.0, "bad rate {rate}");
    tokio::task::spawn_blocking(move || {
        open_loop_thread(rate, warmup, duration, connections, make_op)
    })
    .await?
}

fn open_loop_thread(
    rate: f64,
    warmup: Duration,
    duration: Duration,
    connections: Option<usize>,
    make_op: impl FnOnce() -> anyhow::Result<Op>,
) -> anyhow::Result<OpenResult> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("open-loop-client")
        .enable_all()
        .build()?;
    let op = {
        let _entered = runtime.enter();
        make_op()?
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Done>();
    let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let free_connections = connections.map(|n| Arc::new(tokio::sync::Semaphore::new(n)));
    let mut max_in_flight = 0;
    let t0 = Instant::now();
    let start = t0 + warmup;
    let end = start + duration;
    let (mut cpu_before, mut pg_before) = (None, None);
    let mut lags = vec![];
    for i in 0_u64.. {
        let intended = t0 + Duration::from_secs_f64(i as f64 / rate);
        if intended >= end {
            break;
        }
        let now = Instant::now();
        if intended > now {
            // At least a tick at a time: the requests that fell due meanwhile go together
            // (never before their instant, and their latency counts from it). Waking for
            // every request (15,000 times a second) cost the two cores more than it
            // measured.
            std::thread::sleep((intended - now).max(DISPATCH_TICK));
        }
        let counted = intended >= start;
        if counted && cpu_before.is_none() {
            cpu_before = cpu::sample();
            pg_before = crate::pgcpu::sample();
        }
        let (op, tx, in_flight) = (op.clone(), tx.clone(), in_flight.clone());
        let free = free_connections.clone();
        let n = in_flight.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        max_in_flight = max_in_flight.max(n);
        runtime.spawn(async move {
            // With a limit, at most that many requests are on the wire: the pool never
            // needs more connections than that.
            let _connection = match &free {
                Some(free) => free.clone().acquire_owned().await.ok(),
                None => None,
            };
            let sent = Instant::now();
            let outcome = op(0, i).await;
            let done = Instant::now();
            in_flight.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            let _ = tx.send(Done {
                counted,
                outcome,
                from_schedule: done - intended,
                from_send: done - sent,
            });
        });
        if counted {
            lags.push(Instant::now().saturating_duration_since(intended));
        }
    }
    let now = Instant::now();
    if end > now {
        std::thread::sleep(end - now);
    }
    let cpu_use = cpu_before
        .zip(cpu::sample())
        .and_then(|(b, a)| cpu::between(b, a));
    let pg_cores = crate::pgcpu::cores(pg_before, crate::pgcpu::sample());
    drop(tx);
    let mut result = LoadResult {
        window: duration,
        cpu: cpu_use,
        ..LoadResult::default()
    };
    let mut from_send = vec![];
    runtime.block_on(async {
        while let Some(d) = rx.recv().await {
            if !d.counted {
                continue;
            }
            match d.outcome {
                Outcome::Ok => {
                    result.ok += 1;
                    result.latencies.push(d.from_schedule);
                    from_send.push(d.from_send);
                }
                Outcome::Status(code) => {
                    result.not_ok += 1;
                    result
                        .first_problem
                        .get_or_insert_with(|| format!("HTTP {code}"));
                }
                Outcome::Failed(why) => {
                    result.not_ok += 1;
                    result.first_problem.get_or_insert(why);
                }
            }
        }
    });
    drop(runtime);
    result.latencies.sort_unstable();
    from_send.sort_unstable();
    lags.sort_unstable();
    Ok(OpenResult {
        target_rate: rate,
        result,
        from_send,
        lag_p99: quantile(&lags, 0.99),
        lag_max: lags.last().copied().unwrap_or_default(),
        max_in_flight,
        pg_cores,
    })
}

/// Runs `files` operations on `concurrency` workers (worker `w` takes every
/// `concurrency`-th, one after another) and times the whole round. `offsets` holds each
/// worker's next sequence number and is advanced, so names stay unique across rounds.
/// Returns the result and the cores the PostgreSQL server used.
pub async fn count_round(
    concurrency: usize,
    files: usize,
    offsets: &mut Vec<u64>,
    op: Op,
) -> anyhow::Result<(LoadResult, Option<f64>)> {
    let concurrency = concurrency.max(1);
    offsets.resize(concurrency, 0);
    let before = cpu::sample();
    let pg_before = crate::pgcpu::sample();
    let began = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    for (w, offset) in offsets.iter().enumerate() {
        let n = files / concurrency + usize::from(w < files % concurrency);
        let (op, first) = (op.clone(), *offset);
        set.spawn(async move {
            let mut r = LoadResult::default();
            for k in 0..n {
                let t = Instant::now();
                match op(w, first + k as u64).await {
                    Outcome::Ok => {
                        r.ok += 1;
                        r.latencies.push(t.elapsed());
                    }
                    Outcome::Status(code) => {
                        r.not_ok += 1;
                        r.first_problem
                            .get_or_insert_with(|| format!("HTTP {code}"));
                    }
                    Outcome::Failed(why) => {
                        r.not_ok += 1;
                        r.first_problem.get_or_insert(why);
                    }
                }
            }
            (w, n, r)
        });
    }
    let mut total = LoadResult::default();
    while let Some(joined) = set.join_next().await {
        let (w, n, r) = joined?;
        if let Some(o) = offsets.get_mut(w) {
            *o += n as u64;
        }
        total.ok += r.ok;
        total.not_ok += r.not_ok;
        if total.first_problem.is_none() {
            total.first_problem = r.first_problem;
        }
        total.latencies.extend(r.latencies);
    }
    total.window = began.elapsed();
    total.latencies.sort_unstable();
    // The counters tick every 10 ms: over a shorter window the shares mean little.
    let long_enough = total.window >= Duration::from_millis(100);
    total.cpu = before
        .zip(cpu::sample())
        .and_then(|(b, a)| cpu::between(b, a))
        .filter(|_| long_enough);
    let pg = crate::pgcpu::cores(pg_before, crate::pgcpu::sample()).filter(|_| long_enough);
    Ok((total, pg))
}

/// Per step, its form fields.
type StepFields = Vec<(&'static str, Vec<(&'static str, String)>)>;

/// The applicant's answers that complete the steps before the documents, for a first
/// application on an employment contract (the walk of `tests/it/applications.rs`).
fn step_answers(
    today: jiff::civil::Date,
    given: &str,
    surname: &str,
    municipality: &str,
) -> anyhow::Result<StepFields> {
    let s = |v: &str| v.to_string();
    Ok(vec![
        (
            "check",
            vec![
                ("citizenship", s("UA")),
                ("location", s("in-serbia")),
                ("last_entry", today.checked_sub(30.days())?.to_string()),
                ("has_d_visa", s("no")),
            ],
        ),
        (
            "personal",
            vec![
                ("given_names", s(given)),
                ("surname", s(surname)),
                ("date_of_birth", s("1990-04-12")),
                ("sex", s("female")),
                ("birth_place", s("Kyiv, Ukraine")),
                ("father_name", s("Petro")),
                ("mother_name", s("Olena")),
                ("education", s("master")),
                ("passport_number", s("FP123456")),
                ("passport_country", s("UA")),
                ("passport_issued", today.checked_sub(5.years())?.to_string()),
                ("passport_expiry", today.checked_add(5.years())?.to_string()),
            ],
        ),
        (
            "reasons",
            vec![
                ("ground", s("employment.employment_contract")),
                ("residence_municipality", s(municipality)),
                ("street", s("Bulevar kralja Aleksandra")),
                ("house_number", s("73/5")),
                ("postcode", s("11000")),
                ("requested_until", s("")),
            ],
        ),
        (
            "details",
            vec![
                ("employer_name", s("Čigra d.o.o.")),
                ("employer_pib", s("101134702")),
                ("employer_mb", s("17162543")),
                ("contract_type", s("indefinite")),
                ("contract_end", s("")),
                ("job_title", s("Software engineer")),
            ],
        ),
    ])
}

/// The checklist items of that application that take files.
pub const UPLOAD_ITEMS: &[&str] = &[
    "photograph",
    "passport_scan",
    "proof_of_financial_means",
    "beli_karton",
];

/// Starts a first application through the pages and completes the check, personal,
/// reasons and details steps, so its documents step takes files; returns its id.
pub async fn make_draft(
    b: &Browser,
    today: jiff::civil::Date,
    given: &str,
    surname: &str,
) -> anyhow::Result<String> {
    let csrf = b.csrf("/applications/new").await?;
    let r = b
        .post_form(
            "/applications/new",
            &[("csrf_token", csrf.as_str()), ("kind", "first")],
        )
        .await?;
    anyhow::ensure!(
        r.status == 303,
        "starting a draft: HTTP {}: {}",
        r.status,
        problem_excerpt(&r.body)
    );
    let path = r.location.clone();
    let id = path
        .strip_prefix("/applications/")
        .filter(|id| !id.is_empty() && !id.contains('/'))
        .ok_or_else(|| anyhow::anyhow!("unexpected draft location {path:?}"))?
        .to_string();
    let municipality = eforeigner::rules::municipalities::municipalities()
        .first()
        .map(|m| m.code)
        .ok_or_else(|| anyhow::anyhow!("no municipalities"))?;
    for (step, fields) in step_answers(today, given, surname, municipality)? {
        let url = format!("{path}/steps/{step}");
        let page = b.get(&url).await?;
        anyhow::ensure!(page.status == 200, "GET {url}: HTTP {}", page.status);
        let csrf = input_value(&page.body, "csrf_token")
            .ok_or_else(|| anyhow::anyhow!("no CSRF token on {url}"))?;
        let based_on = input_value(&page.body, "based_on")
            .ok_or_else(|| anyhow::anyhow!("no based_on on {url}"))?;
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", &csrf), ("based_on", &based_on)];
        form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
        let r = b.post_form(&url, &form).await?;
        anyhow::ensure!(
            r.status == 303,
            "saving step {step}: HTTP {}: {}",
            r.status,
            problem_excerpt(&r.body)
        );
    }
    Ok(id)
}

/// What the upload workers share.
pub struct UploadPlan {
    /// Portal base URL.
    pub base: String,
    /// The signed-in uploader's cookies.
    pub cookie: String,
    /// The CSRF token that goes with them.
    pub csrf: String,
    /// Drafts of each worker, used in turn.
    pub drafts: Vec<Vec<String>>,
    /// Files each draft takes (quota).
    pub per_draft: usize,
    /// The file.
    pub pdf: Bytes,
}

/// One upload of `plan.pdf` by worker `w` (its `seq`-th): `POST /applications/{id}/files`
/// with `csrf_token`, `item` and the file as `files`, under a name no other upload has.
/// OK is the portal's `303` back to the documents step.
pub fn upload_op(plan: Arc<UploadPlan>, clients: Arc<Vec<reqwest::Client>>) -> Op {
    Arc::new(move |w, seq| {
        let (plan, clients) = (plan.clone(), clients.clone());
        Box::pin(async move {
            let seq = seq as usize;
            let Some(draft) = plan
                .drafts
                .get(w)
                .and_then(|d| d.get(seq / plan.per_draft.max(1)))
            else {
                return Outcome::Failed(format!("worker {w} has no draft left for file {seq}"));
            };
            let Some(client) = clients.get(w % clients.len().max(1)) else {
                return Outcome::Failed("no client".into());
            };
            let item = UPLOAD_ITEMS
                .get(seq % UPLOAD_ITEMS.len())
                .copied()
                .unwrap_or("photograph");
            let len = plan.pdf.len() as u64;
            let part = match reqwest::multipart::Part::stream_with_length(
                reqwest::Body::from(plan.pdf.clone()),
                len,
            )
            .file_name(format!("scan-w{w}-{seq:04}.pdf"))
            .mime_str("application/pdf")
            {
                Ok(p) => p,
                Err(e) => return Outcome::Failed(e.to_string()),
            };
            let form = reqwest::multipart::Form::new()
                .text("csrf_token", plan.csrf.clone())
                .text("item", item)
                .part("files", part);
            let sent = client
                .post(format!("{}/applications/{draft}/files", plan.base))
                .header("cookie", plan.cookie.as_str())
                .multipart(form)
                .send()
                .await;
            match sent {
                Ok(r) => {
                    let status = r.status().as_u16();
                    let to_documents = r
                        .headers()
                        .get("location")
                        .and_then(|v| v.to_str().ok())
                        .is_some_and(|l| l.contains("/steps/documents#doc_"));
                    let body = r.bytes().await;
                    match body {
                        Ok(_) if status == 303 && to_documents => Outcome::Ok,
                        Ok(b) if status == 303 => {
                            Outcome::Failed(format!("303 elsewhere ({} bytes)", b.len()))
                        }
                        Ok(b) => Outcome::Failed(format!(
                            "HTTP {status}: {}",
                            problem_excerpt(&String::from_utf8_lossy(&b))
                        )),
                        Err(e) => Outcome::Failed(format!("reading body: {e}")),
                    }
                }
                Err(e) => Outcome::Failed(e.to_string()),
            }
        })
    })
}

/// Writing the file through the portal's own write path: `FileStore::local(dir).put`
/// (the file written in place, `write_all`, fsync, on the blocking pool), under
/// keys shaped like the portal's (`applications/<dir>/<file>`, a new directory per round
/// and worker as a draft gets one).
pub fn store_op(store: FileStore, round: usize, pdf: Bytes) -> Op {
    Arc::new(move |w, seq| {
        let (store, pdf) = (store.clone(), pdf.clone());
        Box::pin(async move {
            match store
                .put(&format!("applications/r{round}-w{w}/{seq:04}"), pdf)
                .await
            {
                Ok(()) => Outcome::Ok,
                Err(e) => Outcome::Failed(format!("{e:#}")),
            }
        })
    })
}

/// Writing the file past the page cache: the bytes padded to whole 4 KiB blocks in an
/// aligned buffer (made once, outside the timing), one `write_all` through an `O_DIRECT`
/// descriptor, the padding cut off (`set_len`), `fsync`, on the blocking pool. The way
/// `dd oflag=direct` writes. On Linux; elsewhere a plain write, the same as (3b).
pub fn direct_op(dir: PathBuf, round: usize, pdf: Bytes) -> Op {
    let len = pdf.len();
    let mut padded = eforeigner::store::files::upload_buffer(len.next_multiple_of(4096));
    padded.extend_from_slice(&pdf);
    padded.resize(len.next_multiple_of(4096), 0);
    disk_op(dir, round, padded.freeze(), direct_flag(), len)
}

#[cfg(target_os = "linux")]
fn direct_flag() -> i32 {
    libc::O_DIRECT
}

#[cfg(not(target_os = "linux"))]
fn direct_flag() -> i32 {
    0
}

/// Writing the file with `std::fs` and making it durable: create, `write_all`, `fsync`
/// (`File::sync_all`), on the blocking pool.
pub fn fsync_op(dir: PathBuf, round: usize, pdf: Bytes) -> Op {
    let len = pdf.len();
    disk_op(dir, round, pdf, 0, len)
}

/// A new file opened with `flags`, `bytes` written with one `write_all`, cut to `len` if
/// longer, fsynced; on the blocking pool.
fn disk_op(dir: PathBuf, round: usize, bytes: Bytes, flags: i32, len: usize) -> Op {
    Arc::new(move |w, seq| {
        let (dir, bytes) = (dir.clone(), bytes.clone());
        Box::pin(async move {
            let written = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
                use std::io::Write as _;
                use std::os::unix::fs::OpenOptionsExt as _;
                let dir = dir.join(format!("r{round}-w{w}"));
                std::fs::create_dir_all(&dir)?;
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .custom_flags(flags)
                    .open(dir.join(format!("{seq:04}")))?;
                f.write_all(&bytes)?;
                if bytes.len() != len {
                    f.set_len(len as u64)?;
                }
                f.sync_all()
            })
            .await;
            match written {
                Ok(Ok(())) => Outcome::Ok,
                Ok(Err(e)) => Outcome::Failed(e.to_string()),
                Err(e) => Outcome::Failed(e.to_string()),
            }
        })
    })
}

/// A step's URL and the form to post to it.
pub type StepForm = (String, Vec<(String, String)>);

/// Saving a step of a draft again with the same answers: `POST {step_url}` with the form
/// each worker was given (`forms[w]`: its own draft, CSRF token and `based_on`), `303`
/// onwards. The answers, and so `based_on`, stay the same; every save is a write
/// transaction (the draft's new version and an audit entry).
pub fn step_save_op(
    base: &str,
    cookie: String,
    forms: Arc<Vec<StepForm>>,
    clients: Arc<Vec<reqwest::Client>>,
) -> Op {
    let (base, cookie) = (Arc::new(base.to_string()), Arc::new(cookie));
    Arc::new(move |w, _| {
        let (base, cookie, forms, clients) =
            (base.clone(), cookie.clone(), forms.clone(), clients.clone());
        Box::pin(async move {
            let (Some((path, form)), Some(client)) = (
                forms.get(w % forms.len().max(1)),
                clients.get(w % clients.len().max(1)),
            ) else {
                return Outcome::Failed("no form or client".into());
            };
            let sent = client
                .post(format!("{base}{path}"))
                .header("cookie", cookie.as_str())
                .form(form)
                .send()
                .await;
            outcome(sent, 303).await
        })
    })
}

/// The form of a draft's step as the page gives it (CSRF token, `based_on`) with `fields`.
pub async fn step_form(
    b: &Browser,
    draft: &str,
    step: &str,
    fields: &[(&str, &str)],
) -> anyhow::Result<StepForm> {
    let url = format!("/applications/{draft}/steps/{step}");
    let page = b.get(&url).await?;
    anyhow::ensure!(page.status == 200, "GET {url}: HTTP {}", page.status);
    let csrf = input_value(&page.body, "csrf_token")
        .ok_or_else(|| anyhow::anyhow!("no CSRF token on {url}"))?;
    let based_on = input_value(&page.body, "based_on")
        .ok_or_else(|| anyhow::anyhow!("no based_on on {url}"))?;
    let mut form = vec![
        ("csrf_token".to_string(), csrf),
        ("based_on".to_string(), based_on),
    ];
    form.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Ok((url, form))
}

/// The answers of the personal step that [`make_draft`] gave.
pub fn personal_answers(today: jiff::civil::Date) -> anyhow::Result<Vec<(&'static str, String)>> {
    let steps = step_answers(today, "Bench", "Uploader", "")?;
    steps
        .into_iter()
        .find(|(step, _)| *step == "personal")
        .map(|(_, fields)| fields)
        .ok_or_else(|| anyhow::anyhow!("no personal step"))
}
