//! One rustls configuration per process, whose root certificates are read once and only
//! when needed.
//!
//! reqwest builds a TLS configuration for every client and reads the system's root
//! store for it: about 150 files, over 90 % of a short-lived process's instructions
//! (see BENCHMARKS.md, cold start). Here every client shares one configuration, and
//! its verifier reads the store the first time it is needed: when a client of an
//! `https` URL is built (so `build()` still fails on a system without roots), or at the
//! first handshake. A client of an `http` URL (the fakes, a local site) never reads it.

use std::{
    fmt,
    sync::{Arc, OnceLock},
};

use rustls::{
    client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier},
    crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider},
    pki_types::{CertificateDer, ServerName, UnixTime},
    ClientConfig, DigitallySignedStruct, SignatureScheme,
};
use rustls_platform_verifier::Verifier;

/// The configuration every client shares, and its verifier.
struct Shared {
    config: ClientConfig,
    roots: Arc<LazyRoots>,
}

/// Made by the first client built in the process, with the process's default crypto
/// provider (ring, installed here, unless the application installed one by then).
fn shared() -> Result<&'static Shared, rustls::Error> {
    static SHARED: OnceLock<Result<Shared, rustls::Error>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            // reqwest is built without a provider; ring is ours unless the application
            // chose one, and it becomes the process default as before, so a reqwest
            // client built elsewhere in the process finds one too. Losing a race to
            // another installer is fine: a provider is then installed.
            if CryptoProvider::get_default().is_none() {
                let _ = rustls::crypto::ring::default_provider().install_default();
            }
            let provider = match CryptoProvider::get_default() {
                Some(provider) => Arc::clone(provider),
                None => Arc::new(rustls::crypto::ring::default_provider()),
            };
            let roots = Arc::new(LazyRoots {
                provider: Arc::clone(&provider),
                verifier: OnceLock::new(),
            });
            // What reqwest would set for this client: every version the provider has,
            // HTTP/1.1 by ALPN (the crate speaks nothing else).
            let mut config = ClientConfig::builder_with_provider(provider)
                .with_protocol_versions(rustls::ALL_VERSIONS)?
                .dangerous()
                .with_custom_certificate_verifier(Arc::clone(&roots) as _)
                .with_no_client_auth();
            config.alpn_protocols = vec![b"http/1.1".to_vec()];
            Ok(Shared { config, roots })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The configuration for a new client; with `roots_now`, the system's root store is read
/// first (if no client has read it yet), so that a system without one fails the build.
pub(super) fn client_config(roots_now: bool) -> Result<ClientConfig, rustls::Error> {
    let shared = shared()?;
    if roots_now {
        shared.roots.verifier()?;
    }
    Ok(shared.config.clone())
}

/// The platform's verifier, made on first use; until then only the provider.
struct LazyRoots {
    provider: Arc<CryptoProvider>,
    verifier: OnceLock<Result<Verifier, rustls::Error>>,
}

impl LazyRoots {
    fn verifier(&self) -> Result<&Verifier, rustls::Error> {
        self.verifier
            .get_or_init(|| Verifier::new(Arc::clone(&self.provider)))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl fmt::Debug for LazyRoots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LazyRoots")
            .field("loaded", &self.verifier.get().is_some())
            .finish()
    }
}

impl ServerCertVerifier for LazyRoots {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.verifier()?.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A self-signed certificate for `example.com` (P-256), which no root store vouches for.
    const SELF_SIGNED: &[u8] = &[
        0x30, 0x82, 0x01, 0x99, 0x30, 0x82, 0x01, 0x3e, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x14,
        0x06, 0x4b, 0x47, 0x41, 0xab, 0xdb, 0xd0, 0x63, 0x1b, 0x01, 0xf5, 0x33, 0xb4, 0xc3, 0x30,
        0x7e, 0x4c, 0xe2, 0xf4, 0x87, 0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04,
        0x03, 0x02, 0x30, 0x16, 0x31, 0x14, 0x30, 0x12, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x0b,
        0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d, 0x30, 0x20, 0x17, 0x0d,
        0x32, 0x36, 0x31, 0x32, 0x30, 0x35, 0x31, 0x34, 0x35, 0x33, 0x30, 0x33, 0x5a, 0x18, 0x0f,
        0x32, 0x31, 0x32, 0x36, 0x31, 0x31, 0x31, 0x31, 0x31, 0x34, 0x35, 0x33, 0x30, 0x33, 0x5a,
        0x30, 0x16, 0x31, 0x14, 0x30, 0x12, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x0b, 0x65, 0x78,
        0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d, 0x30, 0x59, 0x30, 0x13, 0x06, 0x07,
        0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03,
        0x01, 0x07, 0x03, 0x42, 0x00, 0x04, 0x96, 0x74, 0x08, 0x1d, 0xc2, 0xc9, 0x94, 0x47, 0xd7,
        0xb3, 0x81, 0xea, 0xef, 0x0f, 0xdd, 0xf3, 0x41, 0xc4, 0x50, 0xf2, 0x6c, 0xcb, 0x2e, 0x17,
        0x63, 0xe5, 0x25, 0x9a, 0x4e, 0x17, 0xe2, 0x85, 0x76, 0xba, 0xbd, 0xe7, 0xb3, 0x7b, 0xaf,
        0x92, 0x87, 0xba, 0x00, 0x48, 0xb2, 0x30, 0x44, 0x6e, 0xde, 0xb6, 0xc9, 0xe5, 0x52, 0x28,
        0xe6, 0xad, 0x27, 0x46, 0xdb, 0x0b, 0xfa, 0x9f, 0x58, 0x19, 0xa3, 0x68, 0x30, 0x66, 0x30,
        0x1d, 0x06, 0x03, 0x55, 0x1d, 0x0e, 0x04, 0x16, 0x04, 0x14, 0x1f, 0xda, 0x59, 0xbb, 0x11,
        0x61, 0xd7, 0x55, 0xf1, 0x5f, 0x27, 0x7a, 0x33, 0x96, 0xf5, 0xbb, 0xd2, 0xfe, 0x33, 0xef,
        0x30, 0x1f, 0x06, 0x03, 0x55, 0x1d, 0x23, 0x04, 0x18, 0x30, 0x16, 0x80, 0x14, 0x1f, 0xda,
        0x59, 0xbb, 0x11, 0x61, 0xd7, 0x55, 0xf1, 0x5f, 0x27, 0x7a, 0x33, 0x96, 0xf5, 0xbb, 0xd2,
        0xfe, 0x33, 0xef, 0x30, 0x16, 0x06, 0x03, 0x55, 0x1d, 0x11, 0x04, 0x0f, 0x30, 0x0d, 0x82,
        0x0b, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d, 0x30, 0x0c, 0x06,
        0x03, 0x55, 0x1d, 0x13, 0x01, 0x01, 0xff, 0x04, 0x02, 0x30, 0x00, 0x30, 0x0a, 0x06, 0x08,
        0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02, 0x03, 0x49, 0x00, 0x30, 0x46, 0x02, 0x21,
        0x00, 0xda, 0x56, 0xed, 0xa4, 0x38, 0x71, 0xb0, 0x65, 0xed, 0xce, 0x15, 0xae, 0x0a, 0x48,
        0x2a, 0xad, 0x22, 0xfa, 0x5f, 0x25, 0x52, 0xe3, 0x14, 0x07, 0x5c, 0xad, 0x5e, 0x4a, 0x00,
        0x04, 0x00, 0x55, 0x02, 0x21, 0x00, 0xab, 0x3c, 0x99, 0xb1, 0x69, 0x87, 0xce, 0x7d, 0xb7,
        0xae, 0xc5, 0x00, 0x86, 0x54, 0x67, 0x8e, 0xc1, 0x95, 0xbc, 0x2a, 0xe9, 0x1f, 0x56, 0x9f,
        0x80, 0xef, 0x65, 0x9b, 0xd3, 0x1a, 0xc7, 0xbc,
    ];

    /// The shared verifier refuses what the platform's refuses: it is no "accept all".
    #[test]
    fn the_shared_verifier_checks_the_chain() {
        let shared = shared().expect("a configuration");
        let name = ServerName::try_from("example.com").expect("a name");
        let result = shared.roots.verify_server_cert(
            &CertificateDer::from(SELF_SIGNED),
            &[],
            &name,
            &[],
            UnixTime::now(),
        );
        assert!(
            matches!(
                result,
                Err(rustls::Error::InvalidCertificate(
                    rustls::CertificateError::UnknownIssuer
                ))
            ),
            "{result:?}"
        );
        assert!(shared.roots.verifier.get().is_some(), "read on first use");
    }

    /// The configuration asks for HTTP/1.1, the only protocol the crate speaks, and sends
    /// the server name, as reqwest's own would.
    #[test]
    fn the_configuration_is_what_reqwest_would_build() {
        let config = client_config(false).expect("a configuration");
        assert_eq!(config.alpn_protocols, vec![b"http/1.1".to_vec()]);
        assert!(config.enable_sni);
    }
}
