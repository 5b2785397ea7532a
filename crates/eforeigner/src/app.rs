//! Wiring: builds the store, file store, services, worker and router from a [`Config`],
//! and runs them. Tests build an [`App`] the same way and serve it on port 0.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::Router;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use rand::RngCore;
use tokio::sync::watch;

use crate::config::Config;
use crate::domain::accounts::{Accounts, PasswordHasher};
use crate::domain::applications::Applications;
use crate::domain::ports::files::Files;
use crate::domain::sweep::Sweeper;
use crate::domain::{Clock, Role};
use crate::i18n::I18n;
use crate::jobs::{Mailer, Worker};
use crate::store::files::FileStore;
use crate::store::{SqlStore, Store};
use crate::web::{self, AppState, Services};

/// A built application, not yet serving.
#[derive(Clone)]
pub struct App {
    /// Configuration.
    pub config: Arc<Config>,
    /// The store.
    pub store: SqlStore,
    /// The account service.
    pub accounts: Accounts,
    /// The application service.
    pub applications: Applications,
    /// The outbox worker.
    pub worker: Worker,
    /// Translations.
    pub i18n: Arc<I18n>,
    /// The file store.
    pub files: Arc<dyn Files>,
    /// The sweeps of stored files (run hourly by the worker).
    pub sweeper: Sweeper,
    state: AppState,
}

/// An application serving HTTP in the background.
pub struct RunningApp {
    /// The bound address (port 0 resolved).
    pub addr: SocketAddr,
    /// The application.
    pub app: App,
    shutdown: watch::Sender<bool>,
    server: tokio::task::JoinHandle<()>,
}

impl RunningApp {
    /// Base URL, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops serving and the worker.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        let _ = self.server.await;
    }
}

/// The process-wide Prometheus recorder (installed once; tests build many apps).
fn metrics_handle() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| PrometheusBuilder::new().install_recorder().ok())
        .clone()
}

impl App {
    /// Builds everything from `config`, with `clock` as the source of time.
    pub async fn build(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&config.data_dir)?;
        let sql = SqlStore::connect(&config.effective_database_url(), config.session_cache).await?;
        let store: Arc<dyn Store> = Arc::new(sql.clone());
        let files: Arc<dyn Files> = Arc::new(match &config.object_store_url {
            Some(url) => FileStore::from_url(url)?,
            None => FileStore::local(&config.data_dir.join("files"))?,
        });
        let i18n = Arc::new(I18n::load()?);
        let mailer = Arc::new(Mailer::new(
            config.smtp_url.as_deref(),
            &config.mail_from,
            i18n.clone(),
            store.clone(),
            clock.clone(),
        )?);
        let documents = Arc::new(eforeigner_web::receipt::Documents {
            i18n: i18n.clone(),
            public_url: config.public_url.clone(),
        });
        let applications = Applications::new(
            store.clone(),
            files.clone(),
            clock.clone(),
            documents,
            config.public_url.clone(),
        );
        let sweeper = Sweeper::new(store.clone(), files.clone(), clock.clone());
        let worker = Worker::new(store.clone(), mailer, clock.clone())
            .with_applications(applications.clone())
            .with_sweeper(sweeper.clone());
        let accounts = Accounts::new(
            store.clone(),
            files.clone(),
            clock,
            PasswordHasher::new()?,
            config.public_url.clone(),
        );
        let csrf_key = match &config.secret {
            Some(secret) => {
                use sha2::Digest;
                let digest = sha2::Sha256::digest(secret.as_bytes());
                let mut key = [0u8; 32];
                key.copy_from_slice(&digest);
                key
            }
            None => {
                let mut key = [0u8; 32];
                rand::rng().fill_bytes(&mut key);
                key
            }
        };
        let config = Arc::new(config);
        let state = AppState::new(Services {
            accounts: accounts.clone(),
            applications: applications.clone(),
            i18n: i18n.clone(),
            config: Arc::new(config.web()),
            store,
            worker: worker.waker(),
            metrics: metrics_handle(),
            csrf_key: Arc::new(csrf_key),
            files: files.clone(),
        });
        Ok(Self {
            config,
            store: sql,
            accounts,
            applications,
            worker,
            i18n,
            files,
            sweeper,
            state,
        })
    }

    /// The router (for benchmarks and in-process tests).
    pub fn router(&self) -> Router {
        web::router(self.state.clone())
    }

    /// Serves on `listener` with the outbox worker, until `stop`.
    pub async fn serve(self, listener: tokio::net::TcpListener) -> anyhow::Result<RunningApp> {
        let addr = listener.local_addr()?;
        let (tx, rx) = watch::channel(false);
        let worker = self.worker.clone();
        tokio::spawn(worker.run(rx.clone()));
        let router = self.router();
        let mut rx_server = rx;
        let server = tokio::spawn(async move {
            let service = router.into_make_service_with_connect_info::<SocketAddr>();
            let shutdown = async move {
                let _ = rx_server.changed().await;
            };
            if let Err(e) = axum::serve(listener, service)
                .with_graceful_shutdown(shutdown)
                .await
            {
                tracing::error!(error = %e, "server stopped");
            }
        });
        Ok(RunningApp {
            addr,
            app: self,
            shutdown: tx,
            server,
        })
    }

    /// Creates the demo accounts (if missing) and returns their credentials.
    pub async fn seed_demo(&self) -> anyhow::Result<Vec<(String, Role, String)>> {
        let people = [
            (
                "applicant@demo.eforeigner.test",
                Role::Applicant,
                "Ana",
                "Applicant",
            ),
            (crate::demo::RESIDENT, Role::Applicant, "Oksana", "Resident"),
            (crate::demo::APPROVED, Role::Applicant, "Daria", "Approved"),
            (
                "verifier@demo.eforeigner.test",
                Role::VerificationOfficer,
                "Vera",
                "Verifier",
            ),
            (
                "counter@demo.eforeigner.test",
                Role::CounterOfficer,
                "Cvijeta",
                "Counter",
            ),
            (
                "municipality@demo.eforeigner.test",
                Role::MunicipalityAdmin,
                "Mila",
                "Municipal",
            ),
            (
                "inspector@demo.eforeigner.test",
                Role::Inspector,
                "Ivan",
                "Inspector",
            ),
            (
                "supervisor@demo.eforeigner.test",
                Role::Supervisor,
                "Sonja",
                "Supervisor",
            ),
            ("admin@demo.eforeigner.test", Role::Admin, "Aleksa", "Admin"),
        ];
        // Demo passwords are public by design; they meet the 15-character policy.
        let password = "sunrise-lantern-harbour-42";
        let mut out = vec![];
        for (email, role, given, surname) in people {
            if self.accounts.find_by_email(email).await?.is_none() {
                self.accounts
                    .create_active_user(email, role, password, given, surname)
                    .await
                    .map_err(|e| match e {
                        crate::domain::DomainError::Invalid(f) => {
                            anyhow::anyhow!("demo account {email}: {:?}", f.0)
                        }
                        other => other.into(),
                    })?;
            }
            out.push((email.to_string(), role, password.to_string()));
        }
        self.complete_demo_applicant("applicant@demo.eforeigner.test")
            .await?;
        self.complete_demo_applicant(crate::demo::RESIDENT).await?;
        self.complete_demo_applicant(crate::demo::APPROVED).await?;
        let find = async |email: &str| {
            self.accounts
                .find_by_email(email)
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo account {email} is missing"))
        };
        let inspector = find("inspector@demo.eforeigner.test").await?;
        let supervisor = find("supervisor@demo.eforeigner.test").await?;
        crate::demo::assign_departments(self, &[&inspector, &supervisor]).await?;
        let resident = find(crate::demo::RESIDENT).await?;
        crate::demo::seed_case(self, &resident, &supervisor).await?;
        // The officers as they are now, in their department.
        let inspector = find("inspector@demo.eforeigner.test").await?;
        let supervisor = find("supervisor@demo.eforeigner.test").await?;
        let approved = find(crate::demo::APPROVED).await?;
        crate::demo::seed_approved(self, &approved, &inspector, &supervisor).await?;
        Ok(out)
    }

    /// Gives the demo applicant the personal data a verified registration has (date of
    /// birth, citizenship, passport), so the application's steps are prefilled.
    async fn complete_demo_applicant(&self, email: &str) -> anyhow::Result<()> {
        use crate::store::AccountRepo;
        let Some(before) = self.accounts.find_by_email(email).await? else {
            return Ok(());
        };
        if before.profile.date_of_birth.is_some() {
            return Ok(());
        }
        let mut a = before.clone();
        a.profile.date_of_birth = jiff::civil::Date::new(1991, 3, 14).ok();
        a.profile.sex = Some(crate::domain::Sex::Female);
        a.profile.citizenship = Some("UA".into());
        a.profile.has_ebs = Some(crate::domain::HasEbs::No);
        a.profile.id_doc_type = Some(crate::domain::IdDocType::Passport);
        a.profile.id_doc_number = Some("FX482913".into());
        a.profile.id_doc_expiry = jiff::civil::Date::new(2032, 6, 30).ok();
        a.updated_at = self.accounts.now();
        self.store
            .update_account(
                &a,
                before.updated_at,
                &crate::store::UploadMove::default(),
                &crate::store::Effects::at(a.updated_at),
            )
            .await?;
        Ok(())
    }
}
