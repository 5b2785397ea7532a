//! The command line: `serve`, `migrate`, `user create`.

use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::app::App;
use crate::config::Config;
use crate::domain::applications::ImportReport;
use crate::domain::payments::PaymentOutcome;
use crate::domain::{Role, SystemClock};

/// eForeigner: the e-government portal for foreign citizens.
#[derive(Debug, Parser)]
#[command(name = "eforeigner", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the portal (migrates the database first).
    Serve {
        /// Seeds demo accounts, prints their credentials and enables the development mailbox.
        #[arg(long)]
        demo: bool,
    },
    /// Applies database migrations and exits.
    Migrate,
    /// Manages users.
    User {
        /// What to do with users.
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Payments of application fees.
    Payments {
        /// What to do with payments.
        #[command(subcommand)]
        command: PaymentsCommand,
    },
}

/// Payment commands.
#[derive(Debug, Subcommand)]
pub enum PaymentsCommand {
    /// Imports a bank statement (CSV with the columns reference, amount, date, payer;
    /// `,` or `;` separated). Idempotent. Exits with status 1 when a line needs attention
    /// (an amount that does not match, an unknown reference, an unreadable line), on every
    /// import until a supervisor resolves it. The confirmations of receipt of the payments
    /// confirmed are delivered by the running portal (`eforeigner serve`), with its address.
    Import {
        /// The CSV file.
        file: std::path::PathBuf,
    },
}

/// `user` subcommands.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Creates an active user; the password is read from standard input.
    Create {
        /// E-mail address (the username).
        #[arg(long)]
        email: String,
        /// applicant, verification-officer, counter-officer, municipality-admin, inspector,
        /// supervisor or admin.
        #[arg(long)]
        role: String,
        /// Given name(s).
        #[arg(long, default_value = "Officer")]
        given_name: String,
        /// Surname.
        #[arg(long, default_value = "User")]
        surname: String,
        /// For an inspector or supervisor: the police department whose cases they work
        /// (its slug, e.g. `beograd`, `novi_sad`; an unknown slug is answered with the list).
        #[arg(long)]
        department: Option<String>,
    },
}

/// Parses the command line and runs it.
pub async fn main() -> ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into());
    // One JSON object per line for log collectors; readable lines otherwise. Either way a
    // line written while a request is handled carries its span: method, route, request id.
    if std::env::var("EFOREIGNER_LOG_FORMAT").is_ok_and(|f| f == "json") {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = Config::from_env()?;
    match cli.command {
        Command::Migrate => {
            App::build(config, Arc::new(SystemClock)).await?;
            println!("migrations applied");
        }
        Command::Serve { demo } => {
            config.demo = demo;
            let bind = config.bind;
            let app = App::build(config, Arc::new(SystemClock)).await?;
            if demo {
                let creds = app.seed_demo().await?;
                println!(
                    "Demo accounts (password for all: {}):",
                    creds.first().map(|c| c.2.as_str()).unwrap_or("")
                );
                for (email, role, _) in &creds {
                    println!("  {role:<22} {email}");
                }
                println!("Development mailbox: {}/dev/mailbox", app.config.public_url);
            }
            let listener = tokio::net::TcpListener::bind(bind).await?;
            let running = app.serve(listener).await?;
            println!(
                "eForeigner is listening on {}",
                running.app.config.public_url
            );
            shutdown_signal().await;
            running.stop().await;
        }
        Command::Payments {
            command: PaymentsCommand::Import { file },
        } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let app = App::build(config, Arc::new(SystemClock)).await?;
            let actor = operator("eforeigner payments import");
            let report = app.applications.import_statement(&text, &actor).await?;
            // The confirmations of receipt and their e-mails are left to the running portal
            // (`eforeigner serve`), whose address (`EFOREIGNER_PUBLIC_URL`) is what their
            // links and QR codes must carry: this command may run elsewhere, with another
            // environment, and would print its own address into every confirmation.
            print!("{}", format_report(&report));
            let matched = report.count("matched");
            if matched > 0 {
                println!(
                    "{matched} confirmation(s) of receipt will be delivered by the running portal (eforeigner serve)."
                );
            }
            if report.needs_attention() {
                anyhow::bail!("some lines need attention (see above)");
            }
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    role,
                    given_name,
                    surname,
                    department,
                },
        } => {
            let department = match department.as_deref() {
                None => None,
                Some(slug) => Some(crate::domain::find_department(slug).ok_or_else(|| {
                    anyhow::anyhow!(
                        "unknown department {slug}; one of: {}",
                        eforeigner_rules::municipalities::police_departments()
                            .iter()
                            .map(|d| d.slug)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?),
            };
            let role = Role::parse(&role).ok_or_else(|| {
                anyhow::anyhow!(
                    "unknown role {role}; one of: {}",
                    Role::ALL
                        .iter()
                        .map(|r| r.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']);
            let app = App::build(config, Arc::new(SystemClock)).await?;
            match app
                .accounts
                .create_active_user(&email, role, password, &given_name, &surname)
                .await
            {
                Ok(a) => {
                    let a = match department {
                        Some(d) => app
                            .accounts
                            .assign_department(&a, Some(d), &operator("eforeigner user create"))
                            .await
                            .map_err(|e| anyhow::anyhow!("assigning the department: {e}"))?,
                        None => a,
                    };
                    println!(
                        "created {} ({}{}) with id {}",
                        a.email,
                        a.role,
                        a.department
                            .map(|d| format!(", department {}", d.slug))
                            .unwrap_or_default(),
                        a.id
                    );
                }
                Err(crate::domain::DomainError::Invalid(errors)) => {
                    let text: Vec<String> = errors
                        .0
                        .iter()
                        .map(|e| {
                            format!(
                                "{}: {}",
                                e.field,
                                app.i18n.t_args(
                                    crate::domain::Lang::En,
                                    &format!("error-{}", e.code.replace('_', "-")),
                                    &e.args
                                        .iter()
                                        .map(|(k, v)| (k.as_str(), v.clone()))
                                        .collect::<Vec<_>>()
                                )
                            )
                        })
                        .collect();
                    anyhow::bail!("{}", text.join("; "));
                }
                Err(crate::domain::DomainError::Conflict) => {
                    anyhow::bail!("an account with this e-mail exists")
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

/// Waits for Ctrl-C or SIGTERM (how service managers stop a process).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// The import report as printed by `eforeigner payments import`.
pub fn format_report(r: &ImportReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let amount = |p: i64| format!("{}.{:02}", p / 100, p % 100);
    for (line, outcome) in &r.lines {
        let detail = match outcome {
            PaymentOutcome::AmountMismatch { expected_para, .. } => format!(
                " (paid {} RSD, due {} RSD: NOT accepted)",
                amount(line.amount_para),
                amount(*expected_para)
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{:<18} 97 {} {} RSD {} {}{}",
            outcome.code(),
            line.reference,
            amount(line.amount_para),
            line.paid_on,
            line.payer,
            detail
        );
    }
    for p in &r.unreadable {
        let _ = writeln!(out, "unreadable         line {}: {}", p.line, p.problem);
    }
    let _ = writeln!(
        out,
        "{} lines: {} matched, {} amount mismatch, {} unknown reference, {} already paid, {} duplicate, {} unreadable",
        r.lines.len() + r.unreadable.len(),
        r.count("matched"),
        r.count("amount-mismatch"),
        r.count("unknown-reference"),
        r.count("already-paid"),
        r.count("duplicate"),
        r.unreadable.len()
    );
    out
}

/// The operator at the command line, as the audit log records them.
fn operator(command: &str) -> crate::domain::Actor {
    crate::domain::Actor {
        account_id: None,
        ip: "cli".into(),
        user_agent: command.into(),
    }
}
