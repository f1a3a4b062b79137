//! The public clients against the fakes: partial updates leave every untouched field as
//! it was on both platforms, each injected fault ends in the documented error or
//! retry, a write the client gave up on still lands, and a concurrent writer played by a
//! write hook is reported as a conflict.

use std::time::{Duration, Instant};

use mcp_admin::{
    getmcp::{self, AuthType, KeyLocation, ServerRef, ServerStatus, TestAuthCredentials},
    hasmcp,
    testing::{Edition, FakeGetMcp, FakeHasMcp, Fault},
    Error, Redacted, RetryPolicy,
};
use serde_json::{json, Value};

fn fast_retry() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_secs(2))
}

fn getmcp_client(fake: &FakeGetMcp, retry: RetryPolicy) -> getmcp::Client {
    getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .retry(retry)
        .build()
        .expect("client")
}

async fn getmcp_with(retry: RetryPolicy) -> (FakeGetMcp, getmcp::Client, ServerRef) {
    let fake = FakeGetMcp::start().await;
    let (_, uuid) = fake.seed_server("GitHub Tools");
    let client = getmcp_client(&fake, retry);
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

/// Method and path of every request the fake received.
async fn getmcp_requests(fake: &FakeGetMcp) -> Vec<(String, String)> {
    fake.requests()
        .await
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect()
}

fn getmcp_route(method: &str, path: String) -> (String, String) {
    (method.to_owned(), path)
}

#[tokio::test]
async fn getmcp_a_clear_of_the_test_credentials_really_clears_them() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "Docs",
        "auth_type": "bearer",
        "test_auth_credentials": "{\"token\":\"old\"}",
    }));
    let client = getmcp_client(&fake, RetryPolicy::none());
    client
        .update_server(id)
        .clear_test_auth_credentials()
        .send()
        .await
        .expect("cleared");
    assert_eq!(fake.test_credentials(id), None);
    let status = client.get_server_credentials(id).await.expect("status");
    assert!(!status.has_test_auth_credentials);
    let server = format!("/wp-json/getmcp/v1/servers/{id}");
    assert_eq!(
        getmcp_requests(&fake).await,
        [
            getmcp_route("PATCH", server.clone()),
            getmcp_route("GET", format!("{server}/credentials")),
            getmcp_route("GET", format!("{server}/credentials")),
        ]
    );
}

#[tokio::test]
async fn getmcp_credentials_sent_with_a_type_change_end_up_stored() {
    let (fake, client, server) = getmcp_with(RetryPolicy::none()).await;
    let updated = client
        .update_server(server)
        .auth_type(AuthType::ApiKey)
        .test_auth_credentials(TestAuthCredentials::api_key(
            "X-Key",
            "k",
            KeyLocation::Header,
        ))
        .send()
        .await
        .expect("stored on the second PATCH");
    assert_eq!(updated.auth_type, Some(AuthType::ApiKey));
    assert_eq!(updated.auth_config, Some(Redacted::new(json!("[]"))));
    assert_eq!(
        fake.test_credentials(server),
        Some(json!({"name": "X-Key", "value": "k", "location": "header"}))
    );
    let path = format!("/wp-json/getmcp/v1/servers/{server}");
    assert_eq!(
        getmcp_requests(&fake).await,
        [
            getmcp_route("PATCH", path.clone()),
            getmcp_route("GET", format!("{path}/credentials")),
            getmcp_route("PATCH", path.clone()),
            getmcp_route("GET", format!("{path}/credentials")),
        ]
    );
    let second = &fake.requests().await[2];
    assert_eq!(
        second.body_json(),
        Some(
            json!({"test_auth_credentials": r#"{"name":"X-Key","value":"k","location":"header"}"#})
        )
    );
}

#[tokio::test]
async fn getmcp_credentials_on_a_server_without_auth_are_reported_not_applied() {
    let (fake, client, server) = getmcp_with(RetryPolicy::none()).await;
    let err = client
        .update_server(server)
        .description("Keyed")
        .test_auth_credentials(TestAuthCredentials::bearer("tok"))
        .send()
        .await
        .expect_err("the seeded server's auth_type is none");
    let Error::NotApplied {
        operation,
        applied,
        not_applied,
        reason,
        ..
    } = &err
    else {
        panic!("expected Error::NotApplied, got {err:?}");
    };
    assert_eq!(*operation, "getmcp_update_server");
    assert_eq!(applied, &["description"]);
    assert_eq!(not_applied, &["test_auth_credentials"]);
    assert_eq!(
        reason,
        "the site drops test credentials while the server's auth_type is \"none\"; they were \
         not sent again"
    );
    assert!(err.may_have_applied());
    assert_eq!(fake.test_credentials(server), None);
    assert_eq!(
        fake.server(server).expect("there")["settings"]["description"],
        "Keyed"
    );
    assert_eq!(fake.requests().await.len(), 2);
}

#[tokio::test]
async fn getmcp_credentials_of_the_wrong_shape_are_the_sites_400() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({"name": "Docs", "auth_type": "bearer"}));
    let client = getmcp_client(&fake, RetryPolicy::none());
    let err = client
        .update_server(id)
        .test_auth_credentials(TestAuthCredentials::basic("u", "p"))
        .send()
        .await
        .expect_err("a bearer server needs a token");
    let api = err.as_api().expect("an API error");
    assert_eq!(
        (api.status, api.code.as_deref(), api.message.as_deref()),
        (
            400,
            Some("getmcp_invalid_credentials"),
            Some("auth_credentials for auth_type \"bearer\" must include: token.")
        )
    );
    assert_eq!(fake.requests().await.len(), 1, "no check after a refusal");
}

#[tokio::test]
async fn getmcp_names_are_stored_as_the_site_sanitizes_them() {
    let (fake, client, server) = getmcp_with(RetryPolicy::none()).await;
    fake.seed_server("Café Tools_v3.0");
    let updated = client
        .update_server(server)
        .name("<em>Café</em> Tools_v3.0")
        .description("<b>Bold</b> desc")
        .send()
        .await
        .expect("update");
    assert_eq!(updated.name, "Café Tools_v3.0");
    assert_eq!(updated.slug.as_deref(), Some("cafe-tools_v3-0-1"));
    assert_eq!(
        updated.endpoint_url,
        Some(format!("{}/mcp/cafe-tools_v3-0-1", fake.uri()))
    );
    assert_eq!(updated.description(), Some("Bold desc"));
}

#[tokio::test]
async fn getmcp_settings_that_are_a_list_do_not_break_reads_or_updates() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({"name": "Legacy", "settings": ["a", "b"]}));
    let client = getmcp_client(&fake, RetryPolicy::none());
    assert_eq!(
        client.get_server(id).await.expect("read").settings,
        json!(["a", "b"])
    );
    let status = client
        .update_server(id)
        .status(ServerStatus::Paused)
        .send()
        .await
        .expect("an update keeps the list");
    assert_eq!(status.settings, json!(["a", "b"]));
    // PHP merges a description into the list as an array with its indexes.
    let described = client
        .update_server(id)
        .description("Now an object")
        .send()
        .await
        .expect("update");
    assert_eq!(
        described.settings,
        json!({"0": "a", "1": "b", "description": "Now an object"})
    );
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
            .all()
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
    assert_eq!(fake.attached_tools(&id), std::slice::from_ref(&list));
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
        token.server_id.as_ref().map(|s| s.as_str()),
        Some(id.as_str())
    );
    // The open-source server keeps no tokens: its web page answers the list.
    let err = client.list_server_tokens(&id).all().await.unwrap_err();
    assert!(err.is_unsupported(), "{err}");

    let listed = client.list_servers().all().await.expect("listed");
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].resources.is_empty(),
        "the list never carries resources"
    );
    client.delete_server(&id).await.expect("deleted");
    client.delete_server(&id).await.expect("deleted again");
    assert!(client
        .list_servers()
        .all()
        .await
        .expect("listed")
        .is_empty());
}

/// The hosted service's calls against the hosted fake: a resource made under a provider
/// and attached, updated (200 with the item), a prompt update whose read afterwards
/// fails (the PATCH landed: the error says so, and the change is in the state), then an
/// export imported as a copy.
#[tokio::test]
async fn hasmcp_hosted_resources_under_a_provider_and_a_server_copied_by_export() {
    let fake = FakeHasMcp::builder().edition(Edition::Hosted).start().await;
    let client = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    let provider = fake.seed_provider("GitHub");
    let server = fake.seed_server("Docs", "Read the docs");
    let readme = client
        .create_provider_resource(&provider, "readme")
        .uri("file:///README.md")
        .send()
        .await
        .expect("created");
    client
        .attach_resource(&server, &readme)
        .await
        .expect("attached");

    // The resource PATCH answers 200 with the resource: nothing is read after it.
    let updated = client
        .update_provider_resource(&provider, &readme)
        .description("The project's README")
        .send()
        .await
        .expect("updated");
    assert_eq!(updated.description.as_deref(), Some("The project's README"));

    // The prompt PATCH lands (204); the read that follows answers 503.
    let prompt = client
        .create_provider_prompt(&provider, "greeting")
        .messages([hasmcp::PromptMessage::user("Hi")])
        .send()
        .await
        .expect("created");
    fake.inject_after(1, Fault::Unavailable);
    let err = client
        .update_provider_prompt(&provider, &prompt)
        .name("hello")
        .send()
        .await
        .unwrap_err();
    match &err {
        Error::NotApplied {
            operation, applied, ..
        } => assert_eq!(
            (*operation, applied.as_slice()),
            ("hasmcp_update_provider_prompt", &["name"][..])
        ),
        other => panic!("{other:?}"),
    }
    assert!(err.may_have_applied(), "{err}");
    assert_eq!(
        fake.prompt(prompt.id.as_str()).expect("kept")["name"],
        "hello"
    );

    let copy = client
        .import_server(client.export_server(&server).await.expect("exported"))
        .await
        .expect("imported");
    assert_eq!(copy.instructions_text(), "Read the docs");
    assert_eq!(copy.resources.len(), 1);
    assert_eq!(copy.resources[0].id, readme.id);
}
