//! Outgoing mail through SMTP, or to the log when no SMTP host is configured.

use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{SmtpSettings, SmtpTls};

/// A message to send.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Log,
}

/// A message to one member of a list (a status page's subscribers): its own sender, and
/// headers of its own (`List-Unsubscribe`).
#[derive(Debug, Clone)]
pub struct ListMail {
    /// The sender; the server's (`smtp.from`) when `None`.
    pub from: Option<Mailbox>,
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Extra headers, by name; values are encoded by lettre, so they cannot add lines.
    pub headers: Vec<(&'static str, String)>,
}

/// Sends [`Mail`].
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl Mailer {
    pub fn new(settings: &SmtpSettings) -> anyhow::Result<Self> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| anyhow::anyhow!("invalid setting smtp.from: {e}"))?;
        let transport = match &settings.host {
            None => Transport::Log,
            Some(host) => {
                let mut builder = match settings.tls {
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
                    SmtpTls::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?
                    }
                    SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
                };
                builder = builder
                    .port(settings.port)
                    .timeout(Some(std::time::Duration::from_secs(20)));
                if let (Some(user), Some(pass)) = (&settings.username, &settings.password) {
                    builder = builder.credentials(Credentials::new(user.clone(), pass.clone()));
                }
                Transport::Smtp(builder.build())
            }
        };
        Ok(Self { from, transport })
    }

    /// True when mail really leaves the process.
    pub fn is_smtp(&self) -> bool {
        matches!(self.transport, Transport::Smtp(_))
    }

    /// Sends one plain-text mail. Without SMTP the whole mail goes to the log at info level,
    /// so that a self-hosted instance without mail can still verify and reset.
    pub async fn send(&self, mail: Mail) -> anyhow::Result<()> {
        match &self.transport {
            Transport::Log => {
                tracing::info!(to = %mail.to, subject = %mail.subject, body = %mail.body, "mail (no SMTP configured)");
                Ok(())
            }
            Transport::Smtp(_) => {
                self.send_to_all(std::slice::from_ref(&mail.to), &mail.subject, mail.body)
                    .await
            }
        }
    }

    /// Sends one plain-text mail addressed to every recipient of `to` (they see each other).
    /// Without SMTP the mail goes to the log. SMTP failures keep their
    /// `lettre::transport::smtp::Error` inside the `anyhow::Error`, so that callers can tell
    /// transient failures from permanent ones.
    pub async fn send_to_all(
        &self,
        to: &[String],
        subject: &str,
        body: String,
    ) -> anyhow::Result<()> {
        match &self.transport {
            Transport::Log => {
                tracing::info!(to = %to.join(", "), %subject, %body, "mail (no SMTP configured)");
                Ok(())
            }
            Transport::Smtp(transport) => {
                let mut builder = Message::builder().from(self.from.clone());
                for address in to {
                    let mailbox: Mailbox = address
                        .parse()
                        .map_err(|e| anyhow::anyhow!("invalid recipient: {e}"))?;
                    builder = builder.to(mailbox);
                }
                let message = builder
                    .subject(subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(body)?;
                transport.send(message).await?;
                Ok(())
            }
        }
    }

    /// Sends one [`ListMail`]; without SMTP it goes to the log. Failures keep their
    /// `lettre` error, as [`Mailer::send_to_all`]'s do.
    pub async fn send_list(&self, mail: ListMail) -> anyhow::Result<()> {
        let Transport::Smtp(transport) = &self.transport else {
            tracing::info!(to = %mail.to, subject = %mail.subject, body = %mail.body, "mail (no SMTP configured)");
            return Ok(());
        };
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|e| anyhow::anyhow!("invalid recipient: {e}"))?;
        let mut builder = Message::builder()
            .from(mail.from.unwrap_or_else(|| self.from.clone()))
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN);
        for (name, value) in mail.headers {
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str(name),
                value,
            ));
        }
        transport.send(builder.body(mail.body)?).await?;
        Ok(())
    }

    /// Sends in the background; a failure is logged, never shown to the requester (who must
    /// not learn whether an address exists).
    pub fn send_later(&self, mail: Mail) {
        let mailer = self.clone();
        tokio::spawn(async move {
            let to = mail.to.clone();
            if let Err(err) = mailer.send(mail).await {
                tracing::warn!(%to, error = %err, "sending mail failed");
            }
        });
    }
}
