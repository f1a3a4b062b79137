//! `getmcp::Client::from_env`. The environment is process-global, so this binary holds a
//! single test: nothing else runs in the process while the variables change.

use mcp_admin::{getmcp, Error};

const KEY: &str = "gmcp_0123456789abcdef0123456789abcdef";

fn config_message(result: Result<getmcp::Client, Error>) -> String {
    match result {
        Err(Error::Config {
            reason: message, ..
        }) => message,
        Err(other) => panic!("expected Error::Config, got {other:?}"),
        Ok(client) => panic!("expected an error, got {client:?}"),
    }
}

/// `set_var` is a safe function in edition 2021 and an unsafe one from 2024; the block
/// compiles in both.
fn set(name: &str, value: &str) {
    // SAFETY: this binary's only test runs on one thread; nothing reads the environment
    // concurrently.
    unsafe { std::env::set_var(name, value) }
}

fn unset(name: &str) {
    // SAFETY: as for `set`.
    unsafe { std::env::remove_var(name) }
}

#[test]
fn from_env_names_the_missing_variable() {
    assert_eq!(getmcp::SITE_URL_VAR, "GETMCP_SITE_URL");
    assert_eq!(getmcp::API_KEY_VAR, "GETMCP_API_KEY");

    unset("GETMCP_SITE_URL");
    unset("GETMCP_API_KEY");
    let message = config_message(getmcp::Client::from_env());
    assert!(message.contains("GETMCP_SITE_URL"), "{message}");
    assert!(message.contains("not set"), "{message}");

    set("GETMCP_API_KEY", KEY);
    let message = config_message(getmcp::Client::from_env());
    assert!(message.contains("GETMCP_SITE_URL"), "{message}");
    assert!(!message.contains(KEY), "{message}");

    set("GETMCP_SITE_URL", "https://yoursite.com");
    unset("GETMCP_API_KEY");
    let message = config_message(getmcp::Client::from_env());
    assert!(message.contains("GETMCP_API_KEY"), "{message}");
    assert!(message.contains("not set"), "{message}");

    set("GETMCP_API_KEY", "  ");
    let message = config_message(getmcp::Client::from_env());
    assert!(message.contains("GETMCP_API_KEY"), "{message}");
    assert!(message.contains("empty"), "{message}");

    set("GETMCP_SITE_URL", "");
    set("GETMCP_API_KEY", KEY);
    let message = config_message(getmcp::Client::from_env());
    assert!(message.contains("GETMCP_SITE_URL"), "{message}");
    assert!(message.contains("empty"), "{message}");

    set("GETMCP_SITE_URL", "http://yoursite.com");
    let message = config_message(getmcp::Client::from_env());
    assert!(message.contains("http"), "{message}");
    assert!(!message.contains(KEY), "{message}");

    set("GETMCP_SITE_URL", "https://yoursite.com/blog");
    let client = getmcp::Client::from_env().expect("both variables set");
    assert_eq!(client.base_url(), "https://yoursite.com/blog");
    assert!(!format!("{client:?}").contains(KEY));

    unset("GETMCP_SITE_URL");
    unset("GETMCP_API_KEY");
}
