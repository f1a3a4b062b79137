//! The network settings a client builder takes: extra TLS roots, a client identity
//! (mutual TLS) and an explicit proxy. The crate's own thin types, not reqwest's: one
//! constructor works with either TLS feature (reqwest's identity constructors differ per
//! backend, and an identity made for the other one fails at build), a proxy's URL stays
//! readable for the plain-http rule, and a reqwest release does not change the builders.

use std::fmt;

use reqwest::Url;

use crate::{
    error::{Error, Platform},
    Redacted,
};

/// A root certificate to trust beside (or, with
/// [`tls_built_in_root_certs(false)`](crate::getmcp::ClientBuilder::tls_built_in_root_certs),
/// instead of) the system's: a self-hosted HasMCP or a site behind a company CA.
///
/// ```
/// # fn demo(pem: &[u8]) -> Result<(), mcp_admin::Error> {
/// let ca = mcp_admin::Certificate::from_pem(pem)?;
/// let gm = mcp_admin::getmcp::Client::builder("https://wp.internal.example")
///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
///     .add_root_certificate(ca)
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Certificate {
    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    inner: reqwest::Certificate,
}

impl Certificate {
    /// One PEM-encoded certificate (`-----BEGIN CERTIFICATE-----`); for a bundle, add
    /// each of its certificates.
    #[cfg_attr(
        not(any(feature = "rustls", feature = "native-tls")),
        allow(unused_variables)
    )]
    pub fn from_pem(pem: &[u8]) -> Result<Certificate, Error> {
        #[cfg(feature = "rustls")]
        check_rustls(FROM_PEM, pem_certificates(pem)?)?;
        #[cfg(any(feature = "rustls", feature = "native-tls"))]
        return reqwest::Certificate::from_pem(pem)
            .map(|inner| Certificate { inner })
            .map_err(|e| root_error(FROM_PEM, &e));
        #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
        return Err(no_tls(FROM_PEM, "a root certificate"));
    }

    /// One DER-encoded certificate.
    #[cfg_attr(
        not(any(feature = "rustls", feature = "native-tls")),
        allow(unused_variables)
    )]
    pub fn from_der(der: &[u8]) -> Result<Certificate, Error> {
        #[cfg(feature = "rustls")]
        check_rustls(FROM_DER, vec![der.to_vec().into()])?;
        #[cfg(any(feature = "rustls", feature = "native-tls"))]
        return reqwest::Certificate::from_der(der)
            .map(|inner| Certificate { inner })
            .map_err(|e| root_error(FROM_DER, &e));
        #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
        return Err(no_tls(FROM_DER, "a root certificate"));
    }

    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    pub(crate) fn reqwest(&self) -> reqwest::Certificate {
        self.inner.clone()
    }
}

/// The operation a certificate read from PEM is refused by.
const FROM_PEM: &str = "Certificate::from_pem";

/// The operation a certificate read from DER is refused by.
const FROM_DER: &str = "Certificate::from_der";

/// A root certificate `operation` refused: it names no platform, being made before it
/// is given to a client.
#[cfg(any(feature = "rustls", feature = "native-tls"))]
fn root_error(operation: &'static str, e: &dyn fmt::Display) -> Error {
    Error::config_at(Platform::Any, operation, format!("root certificate: {e}"))
}

/// The certificates of a PEM text; none is an error.
#[cfg(feature = "rustls")]
fn pem_certificates(pem: &[u8]) -> Result<Vec<rustls::pki_types::CertificateDer<'static>>, Error> {
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| root_error(FROM_PEM, &e))?;
    if certs.is_empty() {
        return Err(root_error(FROM_PEM, &"no PEM certificate found"));
    }
    Ok(certs)
}

/// rustls reads a certificate only when the client is built (native-tls at once): each
/// is parsed as a root here, so a bad one is refused where it is made, as with native-tls.
#[cfg(feature = "rustls")]
fn check_rustls(
    operation: &'static str,
    certs: Vec<rustls::pki_types::CertificateDer<'static>>,
) -> Result<(), Error> {
    let mut store = rustls::RootCertStore::empty();
    for cert in certs {
        store.add(cert).map_err(|e| root_error(operation, &e))?;
    }
    Ok(())
}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Certificate")
    }
}

/// A client certificate and its private key, for a server that requires mutual TLS.
///
/// ```
/// # fn demo(cert_pem: &[u8], key_pem: &[u8]) -> Result<(), mcp_admin::Error> {
/// let me = mcp_admin::Identity::from_pem(cert_pem, key_pem)?;
/// let hm = mcp_admin::hasmcp::Client::builder()
///     .base_url("https://hasmcp.internal.example")
///     .token("…")
///     .identity(me)
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Identity {
    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    inner: reqwest::Identity,
}

impl Identity {
    /// The certificate chain (PEM, the client's certificate first) and its private key
    /// (PEM, PKCS#8: `-----BEGIN PRIVATE KEY-----`), the same with either TLS feature.
    #[cfg_attr(
        not(any(feature = "rustls", feature = "native-tls")),
        allow(unused_variables)
    )]
    pub fn from_pem(cert_chain: &[u8], private_key: &[u8]) -> Result<Identity, Error> {
        #[cfg(any(feature = "rustls", feature = "native-tls"))]
        let bad = |e: reqwest::Error| {
            Error::config_at(
                Platform::Any,
                "Identity::from_pem",
                format!("client identity: {e}"),
            )
        };
        #[cfg(feature = "rustls")]
        return reqwest::Identity::from_pem(&[cert_chain, b"\n", private_key].concat())
            .map(|inner| Identity { inner })
            .map_err(bad);
        #[cfg(all(feature = "native-tls", not(feature = "rustls")))]
        return reqwest::Identity::from_pkcs8_pem(cert_chain, private_key)
            .map(|inner| Identity { inner })
            .map_err(bad);
        #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
        return Err(no_tls("Identity::from_pem", "a client identity"));
    }

    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    pub(crate) fn reqwest(&self) -> reqwest::Identity {
        self.inner.clone()
    }
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Identity([redacted])")
    }
}

#[cfg(not(any(feature = "rustls", feature = "native-tls")))]
fn no_tls(operation: &'static str, what: &str) -> Error {
    Error::config_at(
        Platform::Any,
        operation,
        format!(
            "{what} needs a TLS backend, and mcp-admin was built without one: enable its \
             `rustls` (the default) or `native-tls` feature"
        ),
    )
}

/// A proxy every request of the client goes through, instead of the ones the
/// environment names. An `https://` request crosses it inside a `CONNECT` tunnel; a
/// plain-`http://` client refuses a proxy unless the proxy and the target are both
/// loopback, since the proxy would read the token.
///
/// ```
/// let proxy = mcp_admin::Proxy::new("http://proxy.internal.example:3128")?
///     .basic_auth("svc-mcp", "proxy-password");
/// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
///     .proxy(proxy)
///     .build()?;
/// # Ok::<(), mcp_admin::Error>(())
/// ```
#[derive(Clone)]
pub struct Proxy {
    url: Url,
    auth: Option<(String, Redacted<String>)>,
}

impl Proxy {
    /// The proxy at `url` (`http://host:port`, or `https://` for TLS to the proxy);
    /// credentials go in [`basic_auth`](Self::basic_auth), not in the URL.
    pub fn new(url: &str) -> Result<Proxy, Error> {
        let bad =
            |why: &str| Error::config_at(Platform::Any, "Proxy::new", format!("proxy URL: {why}"));
        let url = Url::parse(url.trim()).map_err(|e| bad(&e.to_string()))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad("must not carry credentials; use Proxy::basic_auth"));
        }
        if url.host_str().is_none() {
            return Err(bad("has no host"));
        }
        match url.scheme() {
            "http" | "https" => Ok(Proxy { url, auth: None }),
            other => Err(bad(&format!(
                "unsupported scheme {other:?} (http or https)"
            ))),
        }
    }

    /// Sends `Proxy-Authorization: Basic …` to the proxy.
    pub fn basic_auth(mut self, username: &str, password: &str) -> Proxy {
        self.auth = Some((username.to_owned(), Redacted::new(password.to_owned())));
        self
    }

    /// The proxy's host, for the plain-http rule.
    pub(crate) fn host(&self) -> &str {
        self.url.host_str().unwrap_or_default()
    }

    /// reqwest's proxy for all of the client's requests.
    pub(crate) fn reqwest(&self, platform: Platform) -> Result<reqwest::Proxy, Error> {
        let proxy = reqwest::Proxy::all(self.url.as_str())
            .map_err(|e| Error::config(platform, format!("proxy {}: {e}", self.url)))?;
        Ok(match &self.auth {
            Some((user, password)) => proxy.basic_auth(user, password.expose()),
            None => proxy,
        })
    }
}

impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Proxy")
            .field("url", &self.url.as_str())
            .field("auth", &self.auth)
            .finish()
    }
}
