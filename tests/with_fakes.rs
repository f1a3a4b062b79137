//! The public clients against the fakes: partial updates leave every untouched field as
//! it was on both platforms, each injected fault ends in the documented error or
//! retry, a write the client gave up on still lands, and a concurrent writer played by a
//! write hook is reported as a conflict.

use std::time::{Duration, Instant};

use mcp_admin::{
    getmcp::{self, ServerRef, ServerStatus},
    hasmcp,
    testing::{FakeGetMcp, FakeHasMcp, Fault},
    Error, RetryPolicy,
};
use serde_json::{json, Value};

fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_secs(2))
}

async fn getmcp_with(retry: RetryPolicy) -> (FakeGetMcp, getmcp::Client, ServerRef) {
    let fake = FakeGetMcp::start().await;
    let (_, uuid) = fake.seed_server("GitHub Tools");
    let client = getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .retry(retry)
        .build()
        .expect("client");
    (fake, client, ServerRef::from(uuid))
}

async fn hasmcp_with(retry: RetryPolicy) -> (FakeHasMcp, hasmcp::Client, String) {
    let fake = FakeHasMcp::start().await;
    let (provider, tool, resource, prompt) =
        (fake.new_id(), fake.new_id(), fake.new_id(), fake.new_id());
    let id = fake.insert_server(json!({
        "name": "GitHubTools",
        "instructions": "Use these tools for GitHub",
        "version": 3,
        "requestHeadersProxyEnabled": true,
        "providers": [{"id": provider, "tools": [{"id": tool}]}],
        "resources": [{"id": resource}],
        "prompts": [{"id": prompt}],
    }));
    let client = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(retry)
        .build()
        .expect("client");
    (fake, client, id)
}

/// A GetMCP rename meets `fault`, which asks to come back in 1 s, once: the wait is
/// honoured and the second request lands.
async fn getmcp_waits_out(fault: Fault) {
    let (fake, client, server) = getmcp_with(fast_retry()).await;
    fake.inject(fault, 1);
    let started = Instant::now();
    let updated = client
        .update_server(server)
        .name("Renamed")
        .send()
        .await
        .expect("retried");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
    assert_eq!(updated.name, "Renamed");
    assert_eq!(fake.requests().await.len(), 2);
}

/// `after` equals `before` except for the listed top-level keys.
fn only_changed(before: &Value, after: &Value, changed: &[&str]) {
    let (b, a) = (
        before.as_object().expect("object"),
        after.as_object().expect("object"),
    );
    for key in b.keys().chain(a.keys()) {
        if !changed.contains(&key.as_str()) {
            assert_eq!(
                b.get(key),
                a.get(key),
                "`{key}` changed although the update did not touch it"
            );
        }
    }
}

#[tokio::test]
async fn getmcp_partial_update_keeps_every_untouched_field() {
    let (fake, client, server) = getmcp_with(RetryPolicy::none()).await;
    let before = fake.server(server).expect("seeded");
    let updated = client
        .update_server(server)
        .status(ServerStatus::Paused)
        .description("Paused for maintenance")
        .send()
        .await
        .expect("update");
    let after = fake.server(server).expect("still there");
    only_changed(&before, &after, &["status", "settings", "updated_at"]);
    assert_eq!(after["status"], "paused");
    assert_eq!(after["settings"]["description"], "Paused for maintenance");
    assert_eq!(
        updated,
        serde_json::from_value::<getmcp::Server>(after).expect("typed")
    );
}

#[tokio::test]
async fn hasmcp_partial_update_keeps_every_untouched_field() {
    let (fake, client, id) = hasmcp_with(RetryPolicy::none()).await;
    let before = fake.server(&id).expect("seeded");
    let updated = client
        .update_server(&id)
        .name("Renamed")
        .send()
        .await
        .expect("update");
    let after = fake.server(&id).expect("still there");
    // The fake replaces what a PATCH omits: only send()'s read-merge-write keeps these.
    only_changed(&before, &after, &["name", "version", "updatedAt"]);
    assert_eq!(after["name"], "Renamed");
    assert_eq!(after["version"], 4);
    assert_eq!(
        updated,
        serde_json::from_value::<hasmcp::Server>(after).expect("typed")
    );
}

#[tokio::test]
async fn a_rate_limit_within_the_cap_is_waited_out_and_retried() {
    getmcp_waits_out(Fault::RateLimited { retry_after: 1 }).await;

    let (fake, client, id) = hasmcp_with(fast_retry()).await;
    fake.inject(Fault::RateLimited { retry_after: 0 }, 2);
    client
        .update_server(&id)
        .name("Renamed")
        .send()
        .await
        .expect("retried");
    // The GET met both faults: 3 GET attempts, then the PATCH.
    assert_eq!(fake.requests().await.len(), 4);
    assert_eq!(fake.server(&id).expect("there")["name"], "Renamed");
}

#[tokio::test]
async fn a_rate_limit_beyond_the_cap_is_returned_at_once() {
    let (fake, client, server) = getmcp_with(fast_retry()).await;
    let before = fake.server(server).expect("seeded");
    fake.inject(Fault::RateLimited { retry_after: 60 }, 1);
    let err = client
        .update_server(server)
        .name("Renamed")
        .send()
        .await
        .expect_err("429");
    assert!(err.is_rate_limited() && err.is_retryable(), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));
    assert_eq!(fake.requests().await.len(), 1);
    assert_eq!(
        fake.server(server),
        Some(before),
        "a refused request changes nothing"
    );

    let (fake, client, id) = hasmcp_with(fast_retry()).await;
    fake.inject(Fault::RateLimited { retry_after: 60 }, 1);
    let err = client.get_server(&id).await.expect_err("429");
    assert_eq!(err.code(), Some("429"));
    assert_eq!(
        err.as_api().and_then(|a| a.message.as_deref()),
        Some("ratelimited")
    );
}

#[tokio::test]
async fn outages_are_retried_then_reported_with_their_status() {
    let (fake, client, server) = getmcp_with(fast_retry().max_attempts(3)).await;
    fake.inject(Fault::Unavailable, 2);
    client
        .update_server(server)
        .name("Renamed")
        .send()
        .await
        .expect("third attempt");
    assert_eq!(fake.requests().await.len(), 3);

    let (fake, client, id) = hasmcp_with(fast_retry().max_attempts(3)).await;
    let before = fake.server(&id).expect("seeded");
    fake.inject(Fault::Unavailable, 3);
    let err = client
        .update_server(&id)
        .name("Renamed")
        .send()
        .await
        .expect_err("503 ×3");
    assert_eq!(err.status(), Some(503));
    assert!(err.is_retryable());
    assert_eq!(
        fake.requests().await.len(),
        3,
        "no PATCH after a failed read"
    );
    assert_eq!(fake.server(&id), Some(before));
}

#[tokio::test]
async fn an_html_error_page_is_an_api_error_with_its_status_and_start() {
    let (fake, client, server) = getmcp_with(fast_retry()).await;
    fake.inject(Fault::HtmlPage, 1);
    let err = client.get_server(server).await.expect_err("500 page");
    let api = err.as_api().expect("an API error");
    assert_eq!((api.status, api.code.as_deref()), (500, None));
    assert!(api.body.trim_start().starts_with('<'), "{}", api.body);
    assert!(!err.is_retryable(), "500 is not retried");
    assert_eq!(fake.requests().await.len(), 1);
}

#[tokio::test]
async fn a_slow_answer_past_the_timeout_is_a_timeout() {
    let fake = FakeGetMcp::start().await;
    let (_, uuid) = fake.seed_server("GitHub Tools");
    let client = getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client");
    fake.inject(Fault::Delay(Duration::from_secs(2)), 1);
    let started = Instant::now();
    let err = client.get_server(uuid).await.expect_err("too slow");
    assert!(err.is_timeout() && err.is_retryable(), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_millis(1_500),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(err, Error::Timeout { after, .. } if after == Duration::from_millis(200)));
}

#[tokio::test]
async fn an_outage_that_says_when_to_come_back_is_waited_out_within_the_cap() {
    getmcp_waits_out(Fault::UnavailableFor { retry_after: 1 }).await;

    let (fake, client, id) = hasmcp_with(fast_retry()).await;
    fake.inject(Fault::UnavailableFor { retry_after: 60 }, 1);
    let err = client.get_server(&id).await.expect_err("503");
    assert_eq!(
        (err.status(), err.retry_after()),
        (Some(503), Some(Duration::from_secs(60)))
    );
    assert!(err.is_retryable());
    assert_eq!(fake.requests().await.len(), 1, "beyond the cap: not waited");
}

#[tokio::test]
async fn an_internal_error_is_an_api_error_with_the_platforms_fields() {
    let reason = "sql: database is closed";
    let (fake, client, id) = hasmcp_with(fast_retry()).await;
    fake.inject(
        Fault::InternalError {
            reason: reason.into(),
        },
        1,
    );
    let err = client.get_server(&id).await.expect_err("500");
    let api = err.as_api().expect("an API error");
    assert_eq!(
        (api.status, api.code.as_deref(), api.message.as_deref()),
        (500, Some("500"), Some("internal server error"))
    );
    assert_eq!(api.data, Some(json!({"reason": reason})));
    assert!(!err.is_retryable(), "500 is not retried");
    assert_eq!(fake.requests().await.len(), 1);

    let (fake, client, server) = getmcp_with(fast_retry()).await;
    fake.inject(
        Fault::InternalError {
            reason: reason.into(),
        },
        1,
    );
    let err = client.get_server(server).await.expect_err("500");
    let api = err.as_api().expect("an API error");
    assert_eq!(
        (api.status, api.code.as_deref()),
        (500, Some("internal_server_error"))
    );
    assert_eq!(api.data, Some(json!({"status": 500})));
    assert_eq!(fake.requests().await.len(), 1);
}

#[tokio::test]
async fn a_write_whose_client_timed_out_still_lands() {
    let (fake, _, server) = getmcp_with(RetryPolicy::none()).await;
    let client = getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .retry(RetryPolicy::none())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client");
    let delay = Duration::from_millis(1_500);
    fake.inject(Fault::Delay(delay), 1);
    let started = Instant::now();
    let err = client
        .update_server(server)
        .description("Late")
        .send()
        .await
        .expect_err("too slow");
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(
        fake.server(server).expect("there")["settings"],
        json!({}),
        "not yet: the server is still at work"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while fake.server(server).expect("there")["settings"] == json!({}) && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(
        fake.server(server).expect("there")["settings"],
        json!({"description": "Late"})
    );
    assert!(started.elapsed() >= delay);
}

#[tokio::test]
async fn hasmcp_a_rename_between_the_read_and_the_write_is_a_conflict() {
    let (fake, client, id) = hasmcp_with(RetryPolicy::none()).await;
    let target = id.clone();
    fake.before_next_write(move |fake| {
        fake.rename_server(&target, "Other");
    });
    let err = client
        .update_server(&id)
        .instructions("New instructions")
        .send()
        .await
        .expect_err("conflict");
    let Error::Conflict(conflict) = &err else {
        panic!("not a conflict: {err:?}");
    };
    // Read at version 3, renamed to 4 by the hook, then PATCHed with the stale 3.
    assert_eq!(
        (
            conflict.expected,
            conflict.found,
            conflict.may_have_applied,
            conflict.status
        ),
        (Some(4), Some(4), true, Some(200))
    );
    let after = fake.server(&id).expect("there");
    assert_eq!(
        (&after["name"], &after["instructions"], &after["version"]),
        (
            &json!("Other"),
            &json!("Use these tools for GitHub"),
            &json!(4)
        )
    );

    // Allowed another round, the update re-reads and lands on top of the rename.
    let target = id.clone();
    fake.before_next_write(move |fake| {
        fake.rename_server(&target, "Again");
    });
    let updated = client
        .update_server(&id)
        .instructions("New instructions")
        .retry_on_conflict(1)
        .send()
        .await
        .expect("second round");
    assert_eq!(
        (
            updated.name.as_str(),
            updated.instructions_text(),
            updated.version
        ),
        ("Again", "New instructions", Some(6))
    );
}

#[tokio::test]
async fn hasmcp_a_server_from_creation_to_deletion() {
    let fake = FakeHasMcp::start().await;
    let client = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .build()
        .expect("client");
    let provider = fake.seed_provider("GitHub");
    let (list, get) = (
        fake.seed_tool(&provider, "listRepos"),
        fake.seed_tool(&provider, "getRepo"),
    );
    let readme = fake.seed_resource("readme", "file:///README.md");
    let prompt = fake.seed_prompt("summarize");

    let created = client
        .create_server("GitHubTools")
        .instructions("Use these tools")
        .send()
        .await
        .expect("created");
    let id = created.id.to_string();
    client.attach_tool(&id, &list).await.expect("linked");
    let updated = client
        .update_server(&id)
        .attach_tools(&provider, [&list, &get])
        .attach_resources([&readme])
        .attach_prompts([&prompt])
        .send()
        .await
        .expect("links only");
    assert_eq!(updated.version, Some(1), "no PATCH");
    let tools: Vec<&str> = updated.providers[0]
        .tools
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let mut expected = [list.as_str(), get.as_str()];
    expected.sort_unstable();
    assert_eq!(tools, expected);
    assert_eq!(
        client
            .list_server_resources(&id)
            .await
            .expect("listed")
            .len(),
        1
    );

    // A rename keeps every attachment: the PATCH carries what was read.
    let renamed = client
        .update_server(&id)
        .name("GitHubTools2")
        .detach_tools([&get])
        .send()
        .await
        .expect("renamed");
    assert_eq!(
        (renamed.name.as_str(), renamed.version),
        ("GitHubTools2", Some(2))
    );
    assert_eq!(fake.attached_tools(&id), vec![list]);
    assert_eq!(renamed.resources.len() + renamed.prompts.len(), 2);

    let when = chrono::DateTime::<chrono::Utc>::from(
        std::time::SystemTime::now() + Duration::from_secs(3600),
    );
    let token = client
        .create_server_token(&id)
        .expires_at(when)
        .name("ci")
        .send()
        .await
        .expect("minted");
    assert_eq!(
        client.list_server_tokens(&id).await.expect("listed")[0].id,
        token.id
    );

    let listed = client.list_servers().await.expect("listed");
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].resources.is_empty(),
        "the list never carries resources"
    );
    client.delete_server(&id).await.expect("deleted");
    client.delete_server(&id).await.expect("deleted again");
    assert!(client.list_servers().await.expect("listed").is_empty());
}
