//! A small authoritative DNS server on loopback (UDP) for `dns` monitor tests: it answers from
//! a zone the test sets, with NXDOMAIN for names it does not know, and counts the queries.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::{A, CAA, CNAME, MX, NS, SOA, TXT};
use hickory_proto::rr::{Name, RData, Record};
use tokio::net::UdpSocket;

type Zone = HashMap<String, Vec<RData>>;

/// The server; it stops with the test's runtime.
#[derive(Clone)]
pub struct DnsServer {
    pub addr: SocketAddr,
    zone: Arc<Mutex<Zone>>,
    queries: Arc<AtomicUsize>,
}

fn key(name: &str) -> String {
    name.trim_end_matches('.').to_lowercase()
}

impl DnsServer {
    pub async fn start() -> DnsServer {
        let socket = UdpSocket::bind("127.0.0.1:0").await.expect("bind dns");
        let server = DnsServer {
            addr: socket.local_addr().expect("addr"),
            zone: Arc::default(),
            queries: Arc::default(),
        };
        let zone = server.zone.clone();
        let queries = server.queries.clone();
        tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            loop {
                let Ok((n, from)) = socket.recv_from(&mut buf).await else {
                    break;
                };
                let Ok(request) = Message::from_vec(&buf[..n]) else {
                    continue;
                };
                queries.fetch_add(1, Ordering::SeqCst);
                let mut response = Message::new();
                response
                    .set_id(request.id())
                    .set_message_type(MessageType::Response)
                    .set_op_code(request.op_code())
                    .set_recursion_desired(request.recursion_desired())
                    .set_recursion_available(true)
                    .set_authoritative(true);
                for query in request.queries() {
                    response.add_query(query.clone());
                    let name = key(&query.name().to_ascii());
                    let known = zone.lock().expect("zone").get(&name).cloned();
                    match known {
                        None => {
                            response.set_response_code(ResponseCode::NXDomain);
                        }
                        Some(records) => {
                            for rdata in records
                                .into_iter()
                                .filter(|r| r.record_type() == query.query_type())
                            {
                                response.add_answer(Record::from_rdata(
                                    query.name().clone(),
                                    60,
                                    rdata,
                                ));
                            }
                        }
                    }
                }
                if let Ok(bytes) = response.to_vec() {
                    let _ = socket.send_to(&bytes, from).await;
                }
            }
        });
        server
    }

    /// Sets the records of `name` (replacing them); a name with no records still exists.
    pub fn set(&self, name: &str, records: Vec<RData>) {
        self.zone.lock().expect("zone").insert(key(name), records);
    }

    pub fn a(ip: [u8; 4]) -> RData {
        RData::A(A(Ipv4Addr::from(ip)))
    }

    pub fn txt(text: &str) -> RData {
        RData::TXT(TXT::new(vec![text.to_owned()]))
    }

    pub fn mx(preference: u16, host: &str) -> RData {
        RData::MX(MX::new(
            preference,
            Name::from_ascii(host).expect("mx host"),
        ))
    }

    pub fn cname(host: &str) -> RData {
        RData::CNAME(CNAME(Name::from_ascii(host).expect("cname host")))
    }

    pub fn ns(host: &str) -> RData {
        RData::NS(NS(Name::from_ascii(host).expect("ns host")))
    }

    /// A zone's SOA record with the usual timers (refresh 7200, retry 3600, expire 1209600,
    /// minimum 300).
    pub fn soa(primary: &str, mailbox: &str, serial: u32) -> RData {
        RData::SOA(SOA::new(
            Name::from_ascii(primary).expect("soa primary"),
            Name::from_ascii(mailbox).expect("soa mailbox"),
            serial,
            7200,
            3600,
            1_209_600,
            300,
        ))
    }

    /// A CAA record letting `issuer` issue certificates (`0 issue "issuer"`).
    pub fn caa_issue(issuer: &str) -> RData {
        RData::CAA(CAA::new_issue(
            false,
            Some(Name::from_ascii(issuer).expect("caa issuer")),
            Vec::new(),
        ))
    }

    /// Queries answered so far.
    pub fn queries(&self) -> usize {
        self.queries.load(Ordering::SeqCst)
    }

    /// The resolver setting of a monitor that asks this server.
    pub fn resolver(&self) -> String {
        self.addr.to_string()
    }
}
