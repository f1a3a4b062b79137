//! `hasmcp::Client::from_env`. The environment is process-global, so this binary holds a
//! single test: nothing else runs in the process while the variables change.

mod seeds;

use mcp_admin::{
    hasmcp::{self, Client},
    Error,
};
use serde_json::{json, Value};
use wiremock::{
    matchers::{method, path},
    Mock, MockServer, ResponseTemplate,
};

const SERVER: &str = "kSuB9Gf6aD4";
const SERVER_PATH: &str = "/api/v1/servers/kSuB9Gf6aD4";

/// The vendor's example server, at `version`.
fn server_at(version: i64) -> Value {
    let mut answer = seeds::hasmcp_update_response();
    answer["server"]["version"] = json!(version);
    answer
}

/// `set_var` is a safe function in edition 2021 and an unsafe one from 2024; the block
/// compiles in both.
fn set(name: &str, value: impl AsRef<std::ffi::OsStr>) {
    // SAFETY: this binary's only test runs on one thread (a current-thread runtime);
    // nothing reads the environment concurrently.
    unsafe { std::env::set_var(name, value) }
}

fn unset(name: &str) {
    // SAFETY: as for `set`.
    unsafe { std::env::remove_var(name) }
}

#[tokio::test]
async fn from_env_reads_token_and_base_url() {
    let saved: Vec<(&str, Option<std::ffi::OsString>)> =
        [hasmcp::ACCESS_TOKEN_VAR, hasmcp::BASE_URL_VAR]
            .into_iter()
            .map(|k| (k, std::env::var_os(k)))
            .collect();
    assert_eq!(hasmcp::ACCESS_TOKEN_VAR, "HASMCP_ACCESS_TOKEN");
    assert_eq!(hasmcp::BASE_URL_VAR, "HASMCP_BASE_URL");

    unset("HASMCP_ACCESS_TOKEN");
    unset("HASMCP_BASE_URL");
    match Client::from_env() {
        Err(Error::Config { reason: msg, .. }) => {
            assert!(msg.contains("HASMCP_ACCESS_TOKEN"), "{msg}")
        }
        other => panic!("expected Error::Config, got {other:?}"),
    }
    set("HASMCP_ACCESS_TOKEN", "  ");
    match Client::from_env() {
        Err(Error::Config { reason: msg, .. }) => {
            assert!(msg.contains("HASMCP_ACCESS_TOKEN"), "{msg}")
        }
        other => panic!("expected Error::Config, got {other:?}"),
    }

    set("HASMCP_ACCESS_TOKEN", "env-token");
    let default = Client::from_env().expect("token is enough");
    assert_eq!(default.base_url(), hasmcp::DEFAULT_BASE_URL);
    assert_eq!(hasmcp::DEFAULT_BASE_URL, "https://app.hasmcp.com");

    set("HASMCP_BASE_URL", "http://example.com");
    match Client::from_env() {
        Err(Error::Config { reason: msg, .. }) => {
            assert!(msg.contains("http://example.com"), "{msg}")
        }
        other => panic!("plain http off loopback must be refused, got {other:?}"),
    }

    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SERVER_PATH))
        .and(wiremock::matchers::header(
            "authorization",
            "Bearer env-token",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(server_at(7)))
        .expect(1)
        .mount(&mock)
        .await;
    set("HASMCP_BASE_URL", mock.uri());
    let client = Client::from_env().expect("token and base URL");
    assert_eq!(client.base_url(), mock.uri());
    let server = client
        .get_server(SERVER)
        .await
        .expect("goes to the override");
    assert_eq!(server.version, Some(7));

    for (k, v) in saved {
        match v {
            Some(v) => set(k, v),
            None => unset(k),
        }
    }
}
