//! TCP connections under the outbound policy.

use tokio::net::TcpStream;

use super::Checker;

/// Connects to the first allowed address of `host:port`.
pub async fn connect(checker: &Checker, host: &str, port: u16) -> anyhow::Result<TcpStream> {
    let addrs = checker
        .policy
        .resolve(host, port)
        .await
        .map_err(|e| anyhow::anyhow!(e.public_message()))?;
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(stream) => return Ok(stream),
            Err(err) => last = Some(err),
        }
    }
    Err(match last {
        Some(err) => err.into(),
        None => anyhow::anyhow!("{host} has no address"),
    })
}
