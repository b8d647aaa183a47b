//! Reading a server's certificate: a TLS handshake that records the leaf certificate and
//! accepts it whatever it is (validity is the HTTP request's business), then its `notAfter`.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::client::danger::{
    HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier,
};
use tokio_rustls::rustls::{self, DigitallySignedStruct, SignatureScheme};
use x509_cert::der::Decode;

use super::Checker;

#[derive(Debug)]
struct RecordingVerifier {
    leaf: Mutex<Option<Vec<u8>>>,
    schemes: Vec<SignatureScheme>,
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut leaf) = self.leaf.lock() {
            *leaf = Some(end_entity.as_ref().to_vec());
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _m: &[u8],
        _c: &CertificateDer<'_>,
        _d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _m: &[u8],
        _c: &CertificateDer<'_>,
        _d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.schemes.clone()
    }
}

/// Connects to `host:port`, completes a TLS handshake and returns the leaf certificate's
/// expiry.
pub async fn peer_certificate_expiry(
    checker: &Checker,
    host: &str,
    port: u16,
) -> anyhow::Result<DateTime<Utc>> {
    let stream = super::net::connect(checker, host, port).await?;
    let leaf = handshake(host, stream).await?;
    let cert = x509_cert::Certificate::from_der(&leaf)
        .map_err(|e| anyhow::anyhow!("unreadable certificate: {e}"))?;
    let not_after = cert
        .tbs_certificate()
        .validity()
        .not_after
        .to_unix_duration();
    DateTime::<Utc>::from_timestamp(i64::try_from(not_after.as_secs())?, 0)
        .ok_or_else(|| anyhow::anyhow!("certificate date out of range"))
}

/// A TLS handshake over `stream`; returns the leaf certificate (DER).
pub async fn handshake(host: &str, stream: tokio::net::TcpStream) -> anyhow::Result<Vec<u8>> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let verifier = Arc::new(RecordingVerifier {
        leaf: Mutex::new(None),
        schemes: provider
            .signature_verification_algorithms
            .supported_schemes(),
    });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
    let name = ServerName::try_from(host.to_owned())
        .map_err(|_| anyhow::anyhow!("{host} is not a valid server name"))?;
    TlsConnector::from(Arc::new(config))
        .connect(name, stream)
        .await?;
    let leaf = verifier.leaf.lock().ok().and_then(|mut l| l.take());
    leaf.ok_or_else(|| anyhow::anyhow!("the server sent no certificate"))
}
