//! Proxies from the environment: never for a plain-http client (the token would reach
//! the proxy in clear), honoured over https unless `no_proxy()`; an explicit `proxy()`
//! instead of them, under the same plain-http rule.
//!
//! One test sets process-wide environment variables; the others set an explicit proxy,
//! which reads none of them.

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

/// Sends a GET that can only fail (nothing listens at the https target) and returns
/// what the proxy got last, its `expected`-th request: the tunnel's CONNECT.
async fn last_connect(
    builder: getmcp::ClientBuilder,
    proxy: &RawServer,
    expected: usize,
) -> String {
    let e = builder.build().unwrap().get_server(3u64).await.unwrap_err();
    let requests = proxy.requests();
    assert_eq!(requests.len(), expected, "{e:?}");
    String::from_utf8_lossy(&requests[expected - 1]).into_owned()
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
    let connect = last_connect(client(&https), &proxy, 1).await;
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

/// An explicit proxy: used instead of the environment's, refused where it would read a
/// plain-http token off loopback, and its credentials never shown.
#[tokio::test]
async fn an_explicit_proxy_is_used_and_the_plain_http_rule_holds() {
    let proxy = RawServer::start(vec![Step::Write(server_answer())]);
    let target = RawServer::start(vec![Step::Write(server_answer())]);
    let through = |url: &str| mcp_admin::Proxy::new(url).unwrap();

    // Plain http off loopback, even when allowed: the proxy would read the key.
    let e = client("http://192.0.2.1:9")
        .allow_insecure_http()
        .proxy(through(&proxy.url))
        .build()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "GetMCP ClientBuilder::build: client configuration: base URL \"http://192.0.2.1:9/\": \
         plain http through a proxy would show the token to the proxy in clear; use https, or \
         no proxy"
    );
    // A loopback target through a proxy elsewhere: refused too.
    let e = client(&target.url)
        .proxy(through("http://proxy.example:3128"))
        .build()
        .unwrap_err();
    assert!(matches!(e, mcp_admin::Error::Config { .. }), "{e:?}");
    // `no_proxy()` after `proxy()`: the last one wins, and nothing is refused.
    assert!(client("http://192.0.2.1:9")
        .allow_insecure_http()
        .proxy(through("http://proxy.example:3128"))
        .no_proxy()
        .build()
        .is_ok());

    // Both on loopback: through the proxy, which gets the absolute URL.
    let server = client(&target.url)
        .proxy(through(&proxy.url))
        .build()
        .unwrap()
        .get_server(3u64)
        .await
        .unwrap();
    assert_eq!(server.name, "From the proxy");
    assert_eq!((target.served(), proxy.served()), (0, 1));
    let request = String::from_utf8_lossy(&proxy.requests()[0]).into_owned();
    let absolute = format!(
        "GET {}/wp-json/getmcp/v1/servers/3 HTTP/1.1\r\n",
        target.url
    );
    assert!(request.starts_with(&absolute), "{request}");

    // https: a CONNECT tunnel with the proxy's credentials and no key.
    let port = closed_port();
    let with_auth = through(&proxy.url).basic_auth("svc", "proxy-pw-51c2");
    assert!(!format!("{with_auth:?}").contains("proxy-pw-51c2"));
    let https = format!("https://127.0.0.1:{port}");
    let connect = last_connect(client(&https).proxy(with_auth), &proxy, 2).await;
    assert!(
        connect.starts_with(&format!("CONNECT 127.0.0.1:{port} ")),
        "{connect}"
    );
    // base64("svc:proxy-pw-51c2")
    assert!(
        connect.contains("proxy-authorization: Basic c3ZjOnByb3h5LXB3LTUxYzI="),
        "{connect}"
    );
    assert!(!connect.contains(KEY), "{connect}");
}

#[test]
fn proxy_urls_are_checked_when_made() {
    let refused = |url: &str| match mcp_admin::Proxy::new(url) {
        Err(mcp_admin::Error::Config {
            reason: message, ..
        }) => message,
        other => panic!("{url}: {other:?}"),
    };
    assert_eq!(
        refused("http://user:pw-9e1@proxy.example:3128"),
        "proxy URL: must not carry credentials; use Proxy::basic_auth"
    );
    assert_eq!(
        refused("socks5://proxy.example:1080"),
        "proxy URL: unsupported scheme \"socks5\" (http or https)"
    );
    assert!(refused("not a url").starts_with("proxy URL: "));
}
