//! The system's root store is read when a client needs it, once per process: a client of
//! an `https` site reads it as it is built (and the build fails without one); a client of
//! an `http` site never does. Its own test binary: the store is read once per process,
//! and the environment that hides it must be set before any client is built.
#![cfg(feature = "rustls")]

use mcp_admin::{getmcp, hasmcp, Error};

#[test]
fn an_https_client_needs_the_root_store_at_build_an_http_client_never() {
    // rustls-native-certs reads these first: neither exists, so no root is found.
    // SAFETY: this binary's only test; no other thread reads the environment.
    unsafe {
        std::env::set_var("SSL_CERT_FILE", "/nonexistent/mcp-admin-test/roots.pem");
        std::env::set_var("SSL_CERT_DIR", "/nonexistent/mcp-admin-test/certs");
    }

    let local = getmcp::Client::builder("http://127.0.0.1:9")
        .api_key("gmcp_test")
        .build();
    assert!(
        local.is_ok(),
        "an http client needs no root store: {local:?}"
    );

    let hosted = hasmcp::Client::builder().token("t").build();
    match hosted {
        Err(Error::Config {
            reason: message, ..
        }) => {
            assert!(
                message.starts_with("cannot build the HTTP client: "),
                "{message}"
            );
            assert!(message.contains("No CA certificates"), "{message}");
        }
        other => panic!("an https client without a root store must not build: {other:?}"),
    }
    // Nothing is cached as a success: the next https client fails the same way.
    let again = getmcp::Client::builder("https://example.com")
        .api_key("gmcp_test")
        .build();
    assert!(matches!(again, Err(Error::Config { .. })), "{again:?}");
}
