//! The builders' TLS settings against a loopback TLS server whose certificates are made
//! here: a server certificate from a private CA is refused without that CA as a root and
//! accepted with it; a server that requires a client certificate gets one from
//! `identity()` and refuses the client without it.

use std::sync::{Arc, Mutex};

use mcp_admin::{getmcp, hasmcp, Certificate, Error, Identity, RetryPolicy};
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::{
    rustls::{
        self,
        pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer},
        server::WebPkiClientVerifier,
        RootCertStore, ServerConfig,
    },
    TlsAcceptor,
};

const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";
const TOKEN: &str = "hasmcp-token-abcdef012345";

/// A private certificate authority.
struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Ca {
    fn new(name: &str) -> Ca {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        params.distinguished_name.push(DnType::CommonName, name);
        let issuer = CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap();
        Ca { issuer }
    }

    fn pem(&self) -> String {
        self.issuer.pem()
    }

    fn der(&self) -> CertificateDer<'static> {
        self.issuer.der().clone()
    }

    /// A leaf certificate for `names` and its key, PEM.
    fn issue(&self, names: &[&str]) -> (String, String, CertificateDer<'static>) {
        let key = KeyPair::generate().unwrap();
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let mut params = CertificateParams::new(names).unwrap();
        params.distinguished_name.push(DnType::CommonName, "leaf");
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        (cert.pem(), key.serialize_pem(), cert.der().clone())
    }
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A server config for 127.0.0.1 with a certificate from `ca`; with `clients`, a client
/// certificate from that CA is required.
fn server_config(ca: &Ca, clients: Option<&Ca>) -> ServerConfig {
    let key = KeyPair::generate().unwrap();
    let params = CertificateParams::new(vec!["127.0.0.1".to_owned()]).unwrap();
    let cert = params.signed_by(&key, &ca.issuer).unwrap();
    let builder = ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .unwrap();
    let builder = match clients {
        Some(clients) => {
            let mut roots = RootCertStore::empty();
            roots.add(clients.der()).unwrap();
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .unwrap();
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    builder
        .with_single_cert(vec![cert.der().clone()], key)
        .unwrap()
}

/// What the server saw of one request that got past the handshake.
#[derive(Debug, Clone)]
struct Seen {
    head: String,
    client_cert: Option<Vec<u8>>,
}

/// A loopback TLS server answering every request with `body`; it lives as long as the
/// test's runtime.
struct TlsServer {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl TlsServer {
    async fn start(config: ServerConfig, body: &'static str) -> TlsServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!(
            "https://127.0.0.1:{}",
            listener.local_addr().unwrap().port()
        );
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                tokio::spawn(serve(acceptor.clone(), tcp, log.clone(), body));
            }
        });
        TlsServer { url, seen }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

async fn serve(
    acceptor: TlsAcceptor,
    tcp: tokio::net::TcpStream,
    log: Arc<Mutex<Vec<Seen>>>,
    body: &str,
) {
    // A refused handshake ends here: nothing is recorded.
    let Ok(mut tls) = acceptor.accept(tcp).await else {
        return;
    };
    let client_cert = tls
        .get_ref()
        .1
        .peer_certificates()
        .and_then(|certs| certs.first())
        .map(|cert| cert.to_vec());
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match tls.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    log.lock().unwrap().push(Seen {
        head: String::from_utf8_lossy(&head).into_owned(),
        client_cert,
    });
    let answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         connection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tls.write_all(answer.as_bytes()).await;
    let _ = tls.shutdown().await;
}

const GETMCP_SERVER: &str = r#"{"id":3,"name":"Over TLS","status":"active","settings":{}}"#;
const HASMCP_SERVER: &str = r#"{"server":{"id":"kSuB9Gf6aD4","name":"Over TLS"}}"#;

fn getmcp(url: &str) -> getmcp::ClientBuilder {
    getmcp::Client::builder(url)
        .api_key(KEY)
        .retry(RetryPolicy::none())
}

/// The handshake failed: a transport error, never an answer.
fn assert_refused(result: Result<getmcp::Server, Error>) {
    match result {
        Err(e @ Error::Transport { .. }) => {
            assert!(!e.may_have_applied(), "{e:?}");
            assert!(format!("{e:?}").contains("certificate"), "{e:?}");
        }
        other => panic!("expected a refused handshake, got {other:?}"),
    }
}

#[tokio::test]
async fn a_private_ca_is_refused_without_its_root_and_accepted_with_it() {
    let ca = Ca::new("test CA");
    let server = TlsServer::start(server_config(&ca, None), GETMCP_SERVER).await;

    assert_refused(getmcp(&server.url).build().unwrap().get_server(3u64).await);
    // Only the given roots, and none given: nothing is trusted.
    assert_refused(
        getmcp(&server.url)
            .tls_built_in_root_certs(false)
            .build()
            .unwrap()
            .get_server(3u64)
            .await,
    );
    // Another CA as the only root: still refused.
    let other = Certificate::from_pem(Ca::new("other CA").pem().as_bytes()).unwrap();
    assert_refused(
        getmcp(&server.url)
            .add_root_certificate(other.clone())
            .tls_built_in_root_certs(false)
            .build()
            .unwrap()
            .get_server(3u64)
            .await,
    );
    assert!(server.seen().is_empty(), "{:?}", server.seen());

    let root = Certificate::from_pem(ca.pem().as_bytes()).unwrap();
    let merged = getmcp(&server.url)
        .add_root_certificate(root.clone())
        .build()
        .unwrap();
    assert_eq!(merged.get_server(3u64).await.unwrap().name, "Over TLS");
    let only = getmcp(&server.url)
        .add_root_certificate(other)
        .add_root_certificate(Certificate::from_der(&ca.der()).unwrap())
        .tls_built_in_root_certs(false)
        .build()
        .unwrap();
    assert_eq!(only.get_server(3u64).await.unwrap().id, 3);

    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen[0]
        .head
        .starts_with("GET /wp-json/getmcp/v1/servers/3 HTTP/1.1\r\n"));
    assert!(seen[0]
        .head
        .contains(&format!("authorization: Bearer {KEY}")));
    assert!(seen.iter().all(|s| s.client_cert.is_none()));
}

#[tokio::test]
async fn mutual_tls_presents_the_identity_the_server_requires() {
    let ca = Ca::new("server CA");
    let clients = Ca::new("client CA");
    let server = TlsServer::start(server_config(&ca, Some(&clients)), HASMCP_SERVER).await;
    let root = Certificate::from_pem(ca.pem().as_bytes()).unwrap();
    let hasmcp = |builder: hasmcp::ClientBuilder| {
        builder
            .base_url(&server.url)
            .token(TOKEN)
            .retry(RetryPolicy::none())
            .add_root_certificate(root.clone())
    };

    // Without an identity, or with one from a CA the server does not trust, the
    // server ends the handshake.
    let (stranger_cert, stranger_key, _) = Ca::new("stranger CA").issue(&["client"]);
    let stranger = Identity::from_pem(stranger_cert.as_bytes(), stranger_key.as_bytes()).unwrap();
    for refused in [
        hasmcp::Client::builder(),
        hasmcp::Client::builder().identity(stranger),
    ] {
        let hm = hasmcp(refused).build().unwrap();
        let e = hm.get_server("kSuB9Gf6aD4").await.unwrap_err();
        assert!(matches!(e, Error::Transport { .. }), "{e:?}");
    }
    assert!(server.seen().is_empty(), "{:?}", server.seen());

    let (cert, key, der) = clients.issue(&["client"]);
    let me = Identity::from_pem(cert.as_bytes(), key.as_bytes()).unwrap();
    let hm = hasmcp(hasmcp::Client::builder().identity(me.clone()))
        .build()
        .unwrap();
    let server_model = hm.get_server("kSuB9Gf6aD4").await.unwrap();
    assert_eq!(server_model.name, "Over TLS");
    // The same identity works for GetMCP's builder.
    let gm = getmcp(&server.url)
        .add_root_certificate(root.clone())
        .identity(me)
        .build()
        .unwrap();
    let e = gm.get_server(3u64).await.unwrap_err();
    // The HasMCP answer is no GetMCP server: the handshake and request went through.
    assert!(matches!(e, Error::Decode { .. } | Error::Api(_)), "{e:?}");

    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].client_cert.as_deref(), Some(der.as_ref()));
    assert!(seen[0]
        .head
        .starts_with("GET /api/v1/servers/kSuB9Gf6aD4 HTTP/1.1\r\n"));
    assert!(seen[1]
        .head
        .starts_with("GET /wp-json/getmcp/v1/servers/3 HTTP/1.1\r\n"));
}

#[test]
fn bad_certificates_and_identities_are_config_errors() {
    let e = Certificate::from_pem(b"not a certificate").unwrap_err();
    assert!(
        matches!(e, Error::Config { reason: ref m, .. } if m.starts_with("root certificate: ")),
        "{e:?}"
    );
    let e = Certificate::from_der(b"\x30\x03\x02\x01").unwrap_err();
    assert!(matches!(e, Error::Config { .. }), "{e:?}");
    let (cert, _, _) = Ca::new("CA").issue(&["client"]);
    let e = Identity::from_pem(cert.as_bytes(), b"").unwrap_err();
    assert!(
        matches!(e, Error::Config { reason: ref m, .. } if m.starts_with("client identity: ")),
        "{e:?}"
    );
    // The key never shows in a Debug.
    let (cert, key, _) = Ca::new("CA").issue(&["client"]);
    let identity = Identity::from_pem(cert.as_bytes(), key.as_bytes()).unwrap();
    assert_eq!(format!("{identity:?}"), "Identity([redacted])");
}
