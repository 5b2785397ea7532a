//! E-mail: rendering in the recipient's language from the Fluent files, and delivery over
//! SMTP (lettre) or, without an SMTP server, into the development mailbox table.

use std::sync::Arc;

use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::domain::jobs::SendEmail;
use crate::domain::{Clock, Lang};
use crate::i18n::I18n;
use crate::store::{DevMail, Store};

/// Where mail goes.
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    DevMailbox,
}

/// Renders and delivers e-mails.
pub struct Mailer {
    transport: Transport,
    from: lettre::message::Mailbox,
    i18n: Arc<I18n>,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMail {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

impl Mailer {
    /// A mailer for `smtp_url` (`smtp://host:port`, `smtps://…`, or with `?tls=required`),
    /// or the development mailbox when `None`.
    pub fn new(
        smtp_url: Option<&str>,
        from: &str,
        i18n: Arc<I18n>,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<Self> {
        let transport = match smtp_url {
            Some(url) => {
                Transport::Smtp(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build())
            }
            None => Transport::DevMailbox,
        };
        Ok(Self {
            transport,
            from: from.parse()?,
            i18n,
            store,
            clock,
        })
    }

    /// Renders a template in `lang` with `args` (e-mail keys are `mail-<template>-subject`
    /// and `mail-<template>-body`; every message also gets the common footer).
    pub fn render(&self, lang: Lang, template: &str, args: &[(&str, String)]) -> RenderedMail {
        let mut args = args.to_vec();
        // A rejection reason arrives as its code; the mail shows its translated label.
        if let Some(pos) = args.iter().position(|(k, _)| *k == "reason") {
            let label = self
                .i18n
                .t(lang, &format!("rejection-reason-{}", args[pos].1));
            args[pos].1 = label;
        }
        let subject = self
            .i18n
            .t_args(lang, &format!("mail-{template}-subject"), &args);
        let body = self
            .i18n
            .t_args(lang, &format!("mail-{template}-body"), &args);
        let footer = self.i18n.t(lang, "mail-footer");
        RenderedMail {
            subject,
            body: format!("{body}\n\n-- \n{footer}\n"),
        }
    }

    /// Runs one `send-email` job.
    pub async fn send_job(&self, job_id: &str, job: SendEmail) -> anyhow::Result<()> {
        let lang = Lang::parse(&job.lang).unwrap_or_default();
        let args: Vec<(&str, String)> = job
            .args
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                )
            })
            .collect();
        let mail = self.render(lang, &job.template, &args);
        match &self.transport {
            Transport::Smtp(smtp) => {
                let message = Message::builder()
                    .from(self.from.clone())
                    .to(job.to.parse()?)
                    .subject(mail.subject)
                    .message_id(Some(format!("<{job_id}@eforeigner>")))
                    .header(ContentType::TEXT_PLAIN)
                    .body(mail.body)?;
                smtp.send(message).await?;
            }
            Transport::DevMailbox => {
                tracing::info!(to = %job.to, subject = %mail.subject, "mail kept in the development mailbox");
                self.store
                    .insert_dev_mail(&DevMail {
                        id: job_id.into(),
                        to: job.to,
                        subject: mail.subject,
                        body: mail.body,
                        created_at: self.clock.now(),
                    })
                    .await?;
            }
        }
        Ok(())
    }
}
