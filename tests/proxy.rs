//! Proxies from the environment: never for a plain-http client (the token would reach
//! the proxy in clear), honoured over https unless `no_proxy()`.
//!
//! One test, alone in its binary: it sets process-wide environment variables.

mod support;

use std::time::Duration;

use mcp_admin::{getmcp, RetryPolicy};
use support::{response, RawServer, Step, KEY};

fn server_answer() -> Vec<u8> {
    let body = br#"{"id":3,"name":"From the proxy","status":"active","settings":{}}"#;
    response("200 OK", &["content-type: application/json"], body)
}

fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

fn client(url: &str) -> getmcp::ClientBuilder {
    getmcp::Client::builder(url)
        .api_key(KEY)
        .retry(RetryPolicy::none())
        .connect_timeout(Duration::from_millis(300))
        .timeout(Duration::from_secs(2))
}

#[tokio::test]
async fn environment_proxies_never_see_a_plain_http_token() {
    let proxy = RawServer::start(vec![Step::Write(server_answer())]);
    let target = RawServer::start(vec![Step::Write(server_answer())]);
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        // SAFETY: this binary's only test, before any client is built; no other thread
        // reads the environment.
        unsafe { std::env::set_var(var, &proxy.url) };
    }
    for var in ["NO_PROXY", "no_proxy"] {
        // SAFETY: as above.
        unsafe { std::env::remove_var(var) };
    }

    // Plain http to loopback: straight to the target.
    let server = client(&target.url)
        .build()
        .unwrap()
        .get_server(3u64)
        .await
        .unwrap();
    assert_eq!(server.id, 3);
    assert_eq!((target.served(), proxy.served()), (1, 0));

    // Plain http allowed elsewhere: straight too (here, to an address nothing answers).
    let e = client("http://192.0.2.1:9")
        .allow_insecure_http()
        .build()
        .unwrap()
        .get_server(3u64)
        .await
        .unwrap_err();
    assert!(e.is_timeout() || e.is_retryable(), "{e:?}");
    assert_eq!(proxy.served(), 0, "the proxy saw a plain-http request");

    // https: through the proxy's tunnel, which carries no token.
    let port = closed_port();
    let https = format!("https://127.0.0.1:{port}");
    let e = client(&https)
        .build()
        .unwrap()
        .get_server(3u64)
        .await
        .unwrap_err();
    let requests = proxy.requests();
    assert_eq!(requests.len(), 1, "{e:?}");
    let connect = String::from_utf8_lossy(&requests[0]).into_owned();
    assert!(
        connect.starts_with(&format!("CONNECT 127.0.0.1:{port} ")),
        "{connect}"
    );
    assert!(!connect.contains(KEY), "{connect}");

    // https with no_proxy(): direct.
    let e = client(&https)
        .no_proxy()
        .build()
        .unwrap()
        .get_server(3u64)
        .await
        .unwrap_err();
    assert!(e.is_retryable(), "refused directly: {e:?}");
    assert_eq!(proxy.served(), 1, "no_proxy() still went through the proxy");
}
