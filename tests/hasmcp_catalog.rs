//! The HasMCP catalog against wiremock: for every operation the exact method, path and
//! body, the decoded answer, and each quirk the sources document; inputs refused before
//! any request. Runs against `FakeHasMcp` are at the end.

use mcp_admin::{
    hasmcp::{
        ApiType, Client, OAuth2Config, PromptArgument, PromptContent, PromptMessage, Role,
        SecretValue, ToolHeader, ToolMethod, VariableType, VisibilityType,
    },
    Error, Patch, RetryPolicy,
};
use serde_json::{json, Value};
use wiremock::{
    matchers::{any, method, path},
    Mock, MockServer, ResponseTemplate,
};

const PROVIDER: &str = "ASuB9Gf6aD5";
const OTHER_PROVIDER: &str = "ASuB9Gf6aDZ";
const TOOL: &str = "ASuB9Gf6aD6";
const VARIABLE: &str = "ASuB9Gf6aD9";
const RESOURCE: &str = "ASuB9Gf6aD7";
const PROMPT: &str = "ASuB9Gf6aD8";

// ---------------------------------------------------------------- harness

fn client_for(mock: &MockServer) -> Client {
    Client::builder()
        .base_url(mock.uri())
        .token("tok")
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

/// Answers `verb at` with `status` and `body` (no body when `Null`), `times` times.
async fn answer(mock: &MockServer, verb: &str, at: &str, status: u16, body: Value, times: u64) {
    let template = match body {
        Value::Null => ResponseTemplate::new(status),
        body => ResponseTemplate::new(status).set_body_json(body),
    };
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(template)
        .expect(times)
        .mount(mock)
        .await;
}

/// Refuses (and counts) every request: for calls that must send nothing.
async fn nothing_sent(mock: &MockServer) {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .named("no request at all")
        .mount(mock)
        .await;
}

/// Every request as (method, path with query, JSON body or `Null`).
async fn sent(mock: &MockServer) -> Vec<(String, String, Value)> {
    mock.received_requests()
        .await
        .expect("recording is on")
        .into_iter()
        .map(|r| {
            let target = match r.url.query() {
                Some(q) => format!("{}?{q}", r.url.path()),
                None => r.url.path().to_owned(),
            };
            let body = if r.body.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(&r.body).expect("a JSON body")
            };
            (r.method.to_string(), target, body)
        })
        .collect()
}

fn request(verb: &str, target: &str, body: Value) -> (String, String, Value) {
    (verb.to_owned(), target.to_owned(), body)
}

fn invalid(e: Error) -> (&'static str, String) {
    match e {
        Error::InvalidInput { field, reason, .. } => (field, reason),
        other => panic!("expected Error::InvalidInput, got {other:?}"),
    }
}

/// An `Error::NotApplied`'s (operation, status, applied, not_applied, reason, cause).
type NotAppliedFields<'a> = (
    &'static str,
    u16,
    &'a [&'static str],
    &'a [&'static str],
    &'a str,
    Option<&'a Error>,
);

fn not_applied_fields(e: &Error) -> NotAppliedFields<'_> {
    match e {
        Error::NotApplied {
            operation,
            status,
            applied,
            not_applied,
            reason,
            cause,
            ..
        } => (
            operation,
            *status,
            applied,
            not_applied,
            reason,
            cause.as_deref(),
        ),
        other => panic!("expected Error::NotApplied, got {other:?}"),
    }
}

fn decode_reason(e: Error) -> String {
    match e {
        Error::Decode { reason, .. } => reason,
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

fn provider_json() -> Value {
    json!({
        "id": PROVIDER,
        "createdAt": "2023-11-07T05:31:56Z",
        "updatedAt": "2023-11-07T05:31:56Z",
        "version": 2,
        "apiType": "REST",
        "visibilityType": "PUBLIC",
        "baseURL": "https://api.stripe.com/v1",
        "secretPrefix": "API_STRIPE_COM",
        "name": "stripeApi",
        "description": "Payments",
        "tools": [tool_json()],
        "oauth2Config": {
            "clientID": "stripe-client",
            "clientSecret": "***",
            "authURL": "https://connect.stripe.com/oauth/authorize",
            "tokenURL": "https://connect.stripe.com/oauth/token"
        }
    })
}

fn tool_json() -> Value {
    json!({
        "id": TOOL,
        "providerID": PROVIDER,
        "method": "GET",
        "path": "/v1/customers/search",
        "name": "lookupCustomer",
        "headers": [{"key": "X-Api-Version", "value": "2"}],
        "oauth2Scopes": ["customers.read"]
    })
}

fn oauth2() -> OAuth2Config {
    OAuth2Config::new(
        "stripe-client",
        "s3cr3t",
        "https://connect.stripe.com/oauth/authorize",
        "https://connect.stripe.com/oauth/token",
    )
}

// ---------------------------------------------------------------- providers

#[tokio::test]
async fn list_providers_reads_the_list_and_an_empty_answer() {
    let mock = MockServer::start().await;
    answer(
        &mock,
        "GET",
        "/api/v1/providers",
        200,
        json!({"providers": [provider_json()]}),
        1,
    )
    .await;
    let providers = client_for(&mock)
        .list_providers()
        .all()
        .await
        .expect("listed");
    assert_eq!(providers.len(), 1);
    assert_eq!(providers[0].id.as_str(), PROVIDER);
    assert_eq!(providers[0].tools[0].id.as_str(), TOOL);
    assert_eq!(
        sent(&mock).await,
        vec![request("GET", "/api/v1/providers", Value::Null)]
    );

    let mock = MockServer::start().await;
    answer(&mock, "GET", "/api/v1/providers", 200, json!({}), 1).await;
    assert_eq!(
        client_for(&mock)
            .list_providers()
            .all()
            .await
            .expect("listed"),
        vec![]
    );
}

#[tokio::test]
async fn list_providers_reads_the_data_key_of_the_knowledge_base() {
    let mock = MockServer::start().await;
    answer(
        &mock,
        "GET",
        "/api/v1/providers",
        200,
        json!({"data": [{"id": PROVIDER}]}),
        1,
    )
    .await;
    let providers = client_for(&mock)
        .list_providers()
        .all()
        .await
        .expect("listed");
    assert_eq!(providers[0].id.as_str(), PROVIDER);
}

#[tokio::test]
async fn list_providers_follows_the_vendors_cursor_to_the_last_page() {
    let mock = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/providers"))
        .and(wiremock::matchers::query_param("token", "page2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"providers": [{"id": OTHER_PROVIDER}], "matchCount": 2})),
        )
        .expect(1)
        .mount(&mock)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/providers"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"providers": [{"id": PROVIDER}], "matchCount": 2, "nextToken": "page2"}),
        ))
        .expect(1)
        .mount(&mock)
        .await;
    let ids: Vec<String> = client_for(&mock)
        .list_providers()
        .all()
        .await
        .expect("listed")
        .into_iter()
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(ids, [PROVIDER, OTHER_PROVIDER]);
    assert_eq!(
        sent(&mock).await,
        vec![
            request("GET", "/api/v1/providers", Value::Null),
            request("GET", "/api/v1/providers?token=page2", Value::Null),
        ]
    );
}

#[tokio::test]
async fn a_cursor_that_repeats_is_an_error_not_a_loop() {
    let mock = MockServer::start().await;
    answer(
        &mock,
        "GET",
        "/api/v1/providers",
        200,
        json!({"nextToken": "again"}),
        2,
    )
    .await;
    let err = client_for(&mock).list_providers().all().await.unwrap_err();
    assert_eq!(
        decode_reason(err),
        r#"the page token "again" came back twice"#
    );
}

#[tokio::test]
async fn get_provider_masks_the_client_secret() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}");
    answer(
        &mock,
        "GET",
        &at,
        200,
        json!({"provider": provider_json()}),
        1,
    )
    .await;
    let provider = client_for(&mock)
        .get_provider(PROVIDER)
        .await
        .expect("read");
    let oauth = provider.oauth2_config.clone().expect("oauth2");
    assert_eq!(oauth.client_secret, Some(SecretValue::Masked));
    assert_eq!(oauth.client_id.as_deref(), Some("stripe-client"));
    assert_eq!(provider.version, Some(2));
    assert_eq!(
        provider.tools[0].headers,
        vec![ToolHeader::new("X-Api-Version", "2")]
    );
    assert_eq!(serde_json::to_value(&provider).unwrap(), provider_json());
    assert_eq!(sent(&mock).await, vec![request("GET", &at, Value::Null)]);
}

#[tokio::test]
async fn an_answer_about_another_provider_is_an_error() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}");
    answer(
        &mock,
        "GET",
        &at,
        200,
        json!({"provider": {"id": OTHER_PROVIDER}}),
        1,
    )
    .await;
    let err = client_for(&mock).get_provider(PROVIDER).await.unwrap_err();
    assert_eq!(
        decode_reason(err),
        format!("asked for provider {PROVIDER}, the answer is about provider {OTHER_PROVIDER}")
    );
}

#[tokio::test]
async fn an_unknown_provider_is_not_found() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}");
    let body = json!({"error": {"code": 404, "message": "provider not found",
        "data": {"reason": "record not found", "providerID": 42}}});
    answer(&mock, "GET", &at, 404, body, 1).await;
    let err = client_for(&mock).get_provider(PROVIDER).await.unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(
        err.as_api().and_then(|a| a.message.as_deref()),
        Some("provider not found")
    );
}

#[tokio::test]
async fn create_provider_sends_exactly_what_was_set() {
    let mock = MockServer::start().await;
    let mut created = provider_json();
    created["version"] = json!(1);
    answer(
        &mock,
        "POST",
        "/api/v1/providers",
        201,
        json!({"provider": created}),
        1,
    )
    .await;
    let provider = client_for(&mock)
        .create_provider("stripeApi")
        .visibility(VisibilityType::Public)
        .base_url("https://api.stripe.com/v1")
        .description("Payments")
        .document_url("https://stripe.com/docs/api")
        .set_icon_url(None)
        .oauth2_config(oauth2())
        .send()
        .await
        .expect("created");
    assert_eq!(provider.version, Some(1));
    assert_eq!(
        sent(&mock).await,
        vec![request(
            "POST",
            "/api/v1/providers",
            json!({"provider": {
                "apiType": "REST",
                "visibilityType": "PUBLIC",
                "baseURL": "https://api.stripe.com/v1",
                "name": "stripeApi",
                "description": "Payments",
                "documentURL": "https://stripe.com/docs/api",
                "oauth2Config": {
                    "clientID": "stripe-client",
                    "clientSecret": "s3cr3t",
                    "authURL": "https://connect.stripe.com/oauth/authorize",
                    "tokenURL": "https://connect.stripe.com/oauth/token"
                }
            }})
        )]
    );
}

#[tokio::test]
async fn provider_validation_failures_are_http_500_with_a_reason() {
    let mock = MockServer::start().await;
    let body = json!({"error": {"code": 500, "message": "internal server error",
        "data": {"reason": "invalid API type"}}});
    answer(&mock, "POST", "/api/v1/providers", 500, body, 1).await;
    let err = client_for(&mock)
        .create_provider("stripeApi")
        .visibility(VisibilityType::Internal)
        .base_url("https://api.stripe.com")
        .description("P")
        .send()
        .await
        .unwrap_err();
    let api = err.as_api().expect("an API error");
    assert_eq!(api.status, 500);
    assert_eq!(api.data, Some(json!({"reason": "invalid API type"})));
    assert!(!err.is_not_found());
}

#[tokio::test]
async fn bad_provider_inputs_are_refused_before_any_request() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let create = |name: &str, url: &str, description: &str| {
        hm.create_provider(name)
            .visibility(VisibilityType::Public)
            .base_url(url)
            .description(description)
    };
    let ok_url = "https://api.stripe.com";
    let cases = [
        (create("stripe_api", ok_url, "P"), "name"),
        (create("a23456789abcdefgh", ok_url, "P"), "name"),
        (create("stripe", "ftp://api.stripe.com", "P"), "baseURL"),
        (create("stripe", ok_url, ""), "description"),
        (create("stripe", ok_url, &"d".repeat(4097)), "description"),
        (
            hm.create_provider("stripe")
                .visibility(VisibilityType::Unknown("INVALID".into()))
                .base_url(ok_url)
                .description("P"),
            "visibilityType",
        ),
        // A value the service refuses, kept from a read, is refused before sending too.
        (
            create("stripe", ok_url, "P").api_type(ApiType::Unknown("GRAPHQL".into())),
            "apiType",
        ),
        // Required values are setters, checked before sending.
        (
            hm.create_provider("stripe")
                .base_url(ok_url)
                .description("P"),
            "visibilityType",
        ),
        (
            hm.create_provider("stripe")
                .visibility(VisibilityType::Public)
                .description("P"),
            "baseURL",
        ),
        (
            hm.create_provider("stripe")
                .visibility(VisibilityType::Public)
                .base_url(ok_url),
            "description",
        ),
        (
            create("stripe", ok_url, "P").document_url("stripe.com/docs"),
            "documentURL",
        ),
        (
            create("stripe", ok_url, "P").oauth2_config(OAuth2Config::new(
                "id",
                "***",
                "https://a.example/auth",
                "https://a.example/token",
            )),
            "oauth2Config.clientSecret",
        ),
        (
            create("stripe", ok_url, "P").oauth2_config({
                let mut c = oauth2();
                c.token_url = None;
                c
            }),
            "oauth2Config",
        ),
    ];
    for (builder, field) in cases {
        let (got, _) = invalid(builder.send().await.unwrap_err());
        assert_eq!(got, field);
    }
    assert!(create("a234567890123456", ok_url, &"d".repeat(4096))
        .body()
        .is_ok());
}

#[tokio::test]
async fn update_provider_sends_only_what_was_set() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}");
    let mut updated = provider_json();
    updated["version"] = json!(3);
    answer(&mock, "PATCH", &at, 200, json!({"provider": updated}), 1).await;
    let provider = client_for(&mock)
        .update_provider(PROVIDER)
        .name("stripe2")
        .set_description(None)
        .icon_url("https://stripe.com/icon.png")
        .oauth2_config(oauth2())
        .send()
        .await
        .expect("updated");
    assert_eq!(provider.version, Some(3));
    assert_eq!(
        sent(&mock).await,
        vec![request(
            "PATCH",
            &at,
            json!({"provider": {
                "name": "stripe2",
                "iconURL": "https://stripe.com/icon.png",
                "oauth2Config": {
                    "clientID": "stripe-client",
                    "clientSecret": "s3cr3t",
                    "authURL": "https://connect.stripe.com/oauth/authorize",
                    "tokenURL": "https://connect.stripe.com/oauth/token"
                }
            }})
        )]
    );
}

#[tokio::test]
async fn a_provider_read_back_cannot_send_its_masked_secret() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let read: mcp_admin::hasmcp::Provider =
        serde_json::from_value(provider_json()).expect("decodes");
    let masked = read.oauth2_config.expect("oauth2");
    let err = hm
        .update_provider(PROVIDER)
        .oauth2_config(masked)
        .send()
        .await
        .unwrap_err();
    let (field, reason) = invalid(err);
    assert_eq!(field, "oauth2Config.clientSecret");
    assert!(reason.starts_with("`***` is the mask"), "{reason}");
}

#[tokio::test]
async fn updates_that_change_nothing_or_clear_are_refused() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let (field, reason) = invalid(hm.update_provider(PROVIDER).send().await.unwrap_err());
    assert_eq!(
        (field, reason.as_str()),
        ("update", "nothing to update: set at least one field")
    );
    let (field, reason) = invalid(
        hm.update_provider(PROVIDER)
            .description("")
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(field, "description");
    assert_eq!(
        reason,
        "must not be empty: the service ignores an empty value, it cannot clear one"
    );
    let (field, _) = invalid(
        hm.update_provider("short")
            .name("x")
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(field, "id");
}

#[tokio::test]
async fn updating_an_unknown_provider_is_a_500_on_the_open_source_edition() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}");
    let body = json!({"error": {"code": 500, "message": "failed to get provider",
        "data": {"reason": "record not found", "providerID": 42}}});
    answer(&mock, "PATCH", &at, 500, body, 1).await;
    let err = client_for(&mock)
        .update_provider(PROVIDER)
        .name("x")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert!(
        err.is_not_found(),
        "the status stays the service's 500; the reason says not found"
    );
    assert_eq!(
        err.as_api().and_then(|a| a.message.as_deref()),
        Some("failed to get provider")
    );
}

#[tokio::test]
async fn delete_provider_is_one_delete() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}");
    answer(&mock, "DELETE", &at, 204, Value::Null, 1).await;
    client_for(&mock)
        .delete_provider(PROVIDER)
        .await
        .expect("deleted");
    assert_eq!(sent(&mock).await, vec![request("DELETE", &at, Value::Null)]);
}

// ---------------------------------------------------------------- provider tools

#[tokio::test]
async fn list_provider_tools_reads_the_list_and_refuses_foreign_tools() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools");
    answer(&mock, "GET", &at, 200, json!({"tools": [tool_json()]}), 1).await;
    let tools = client_for(&mock)
        .list_provider_tools(PROVIDER)
        .all()
        .await
        .expect("listed");
    assert_eq!(tools.len(), 1);
    assert_eq!(tools[0].method, Some(ToolMethod::Get));
    assert_eq!(tools[0].oauth2_scopes, ["customers.read"]);
    assert_eq!(sent(&mock).await, vec![request("GET", &at, Value::Null)]);

    let mock = MockServer::start().await;
    answer(&mock, "GET", &at, 200, json!({}), 1).await;
    assert!(client_for(&mock)
        .list_provider_tools(PROVIDER)
        .all()
        .await
        .expect("listed")
        .is_empty());

    let mock = MockServer::start().await;
    let mut foreign = tool_json();
    foreign["providerID"] = json!(OTHER_PROVIDER);
    answer(&mock, "GET", &at, 200, json!({"tools": [foreign]}), 1).await;
    let err = client_for(&mock)
        .list_provider_tools(PROVIDER)
        .all()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(err),
        format!("asked for provider {PROVIDER}, the answer is about provider {OTHER_PROVIDER}")
    );
}

#[tokio::test]
async fn get_provider_tool_checks_the_tool_and_its_provider() {
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    let mock = MockServer::start().await;
    answer(&mock, "GET", &at, 200, json!({"tool": tool_json()}), 1).await;
    let tool = client_for(&mock)
        .get_provider_tool(PROVIDER, TOOL)
        .await
        .expect("read");
    assert_eq!(serde_json::to_value(&tool).unwrap(), tool_json());
    assert_eq!(sent(&mock).await, vec![request("GET", &at, Value::Null)]);

    // The open-source edition ignores the provider in the path.
    let mock = MockServer::start().await;
    let mut foreign = tool_json();
    foreign["providerID"] = json!(OTHER_PROVIDER);
    answer(&mock, "GET", &at, 200, json!({"tool": foreign}), 1).await;
    let err = client_for(&mock)
        .get_provider_tool(PROVIDER, TOOL)
        .await
        .unwrap_err();
    assert!(decode_reason(err).contains("the answer is about provider"));
}

#[tokio::test]
async fn an_unknown_tool_is_a_500_record_not_found_on_the_open_source_edition() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    let body = json!({"error": {"code": 500, "message": "internal server error",
        "data": {"reason": "record not found"}}});
    answer(&mock, "GET", &at, 500, body, 1).await;
    let err = client_for(&mock)
        .get_provider_tool(PROVIDER, TOOL)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert!(err.is_not_found());
    assert_eq!(
        err.as_api().and_then(|a| a.data.clone()),
        Some(json!({"reason": "record not found"}))
    );
}

#[tokio::test]
async fn create_provider_tool_sends_exactly_what_was_set() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools");
    answer(&mock, "POST", &at, 201, json!({"tool": tool_json()}), 1).await;
    let schema = json!({"type": "object", "properties": {"email": {"type": "string"}}});
    let tool = client_for(&mock)
        .create_provider_tool(PROVIDER, ToolMethod::Get, "/v1/customers/search")
        .name("lookupCustomer")
        .title("Lookup Customer")
        .query_args_json_schema(schema.clone())
        .res_body_json_schema(json!(true))
        .headers([ToolHeader::new("X-Api-Version", "2")])
        .oauth2_scopes(["customers.read"])
        .send()
        .await
        .expect("created");
    assert_eq!(tool.id.as_str(), TOOL);
    assert_eq!(
        sent(&mock).await,
        vec![request(
            "POST",
            &at,
            json!({"tool": {
                "method": "GET",
                "path": "/v1/customers/search",
                "name": "lookupCustomer",
                "title": "Lookup Customer",
                "queryArgsJSONSchema": schema,
                "resBodyJSONSchema": true,
                "headers": [{"key": "X-Api-Version", "value": "2"}],
                "oauth2Scopes": ["customers.read"]
            }})
        )]
    );
}

#[tokio::test]
async fn bad_tool_inputs_are_refused_before_any_request() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let create = |path: &str| hm.create_provider_tool(PROVIDER, ToolMethod::Post, path);
    let cases = [
        (create(""), "path"),
        (create(&"/p".repeat(65)), "path"),
        (create("/x").name("LookupCustomer"), "name"),
        (create("/x").name("a23456789012345678901"), "name"),
        (create("/x").title("t".repeat(65)), "title"),
        (
            create("/x").path_args_json_schema(Value::Null),
            "pathArgsJSONSchema",
        ),
        (create("/x").oauth2_scopes(["a,b"]), "oauth2Scopes"),
        (
            hm.create_provider_tool("bad", ToolMethod::Get, "/x"),
            "provider_id",
        ),
    ];
    for (builder, field) in cases {
        assert_eq!(invalid(builder.send().await.unwrap_err()).0, field);
    }
    let update = || hm.update_provider_tool(PROVIDER, TOOL);
    let cases = [
        (update(), "update"),
        (update().title(""), "title"),
        (
            update()
                .description("x")
                .oauth2_scopes(Vec::<String>::new()),
            "oauth2Scopes",
        ),
        (update().headers([]), "headers"),
        (
            update().req_body_json_schema(Value::Null),
            "reqBodyJSONSchema",
        ),
        (
            hm.update_provider_tool(PROVIDER, "bad").title("t"),
            "tool_id",
        ),
    ];
    for (builder, field) in cases {
        assert_eq!(invalid(builder.send().await.unwrap_err()).0, field);
    }
    for (verb, result) in [
        ("get", hm.get_provider_tool("bad", TOOL).await.map(|_| ())),
        ("delete", hm.delete_provider_tool(PROVIDER, "bad").await),
        (
            "list",
            hm.list_provider_tools("bad").all().await.map(|_| ()),
        ),
    ] {
        assert!(result.unwrap_err().is_invalid_input(), "{verb}");
    }
}

#[tokio::test]
async fn update_provider_tool_resends_the_current_headers() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    answer(&mock, "GET", &at, 200, json!({"tool": tool_json()}), 1).await;
    answer(&mock, "PATCH", &at, 200, json!({"tool": tool_json()}), 1).await;
    client_for(&mock)
        .update_provider_tool(PROVIDER, TOOL)
        .description("Finds one customer.")
        .send()
        .await
        .expect("updated");
    assert_eq!(
        sent(&mock).await,
        vec![
            request("GET", &at, Value::Null),
            request(
                "PATCH",
                &at,
                json!({"tool": {
                    "description": "Finds one customer.",
                    "headers": [{"key": "X-Api-Version", "value": "2"}]
                }})
            ),
        ]
    );
}

#[tokio::test]
async fn update_provider_tool_with_headers_set_or_exact_does_not_read() {
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    for (case, clear) in [("set", false), ("clear", true)] {
        let mock = MockServer::start().await;
        answer(&mock, "PATCH", &at, 200, json!({"tool": tool_json()}), 1).await;
        let headers = if clear {
            Patch::Clear
        } else {
            Patch::Set(vec![ToolHeader::new("Authorization", "Bearer UP")])
        };
        client_for(&mock)
            .update_provider_tool(PROVIDER, TOOL)
            .title("Lookup")
            .set_headers(headers)
            .send()
            .await
            .expect(case);
        let expected = if clear {
            json!([])
        } else {
            json!([{"key": "Authorization", "value": "Bearer UP"}])
        };
        assert_eq!(
            sent(&mock).await,
            vec![request(
                "PATCH",
                &at,
                json!({"tool": {"title": "Lookup", "headers": expected}})
            )],
            "{case}"
        );
    }
    let mock = MockServer::start().await;
    answer(&mock, "PATCH", &at, 200, json!({"tool": tool_json()}), 1).await;
    client_for(&mock)
        .update_provider_tool(PROVIDER, TOOL)
        .title("Lookup")
        .send_exact()
        .await
        .expect("exact");
    assert_eq!(
        sent(&mock).await,
        vec![request("PATCH", &at, json!({"tool": {"title": "Lookup"}}))]
    );
}

#[tokio::test]
async fn a_tool_without_headers_gets_none_sent() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    let bare = json!({"tool": {"id": TOOL, "providerID": PROVIDER}});
    answer(&mock, "GET", &at, 200, bare.clone(), 1).await;
    answer(&mock, "PATCH", &at, 200, bare, 1).await;
    client_for(&mock)
        .update_provider_tool(PROVIDER, TOOL)
        .title("Lookup")
        .send()
        .await
        .expect("updated");
    let bodies: Vec<Value> = sent(&mock).await.into_iter().map(|r| r.2).collect();
    assert_eq!(bodies, [Value::Null, json!({"tool": {"title": "Lookup"}})]);
}

#[tokio::test]
async fn masked_headers_are_never_sent_back() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    let mut masked = tool_json();
    masked["headers"] = json!([{"key": "Authorization", "value": "***"}]);
    answer(&mock, "GET", &at, 200, json!({"tool": masked}), 1).await;
    answer(&mock, "PATCH", &at, 200, json!({"tool": tool_json()}), 0).await;
    let err = client_for(&mock)
        .update_provider_tool(PROVIDER, TOOL)
        .title("Lookup")
        .send()
        .await
        .unwrap_err();
    assert_eq!(invalid(err).0, "headers");
}

#[tokio::test]
async fn a_name_only_tool_update_is_refused_by_the_open_source_edition() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    let body =
        json!({"error": {"code": 400, "message": "no changes provided for provider tool update"}});
    answer(&mock, "PATCH", &at, 400, body, 1).await;
    let err = client_for(&mock)
        .update_provider_tool(PROVIDER, TOOL)
        .name("findCustomer")
        .clear_headers()
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(
        err.as_api().and_then(|a| a.message.as_deref()),
        Some("no changes provided for provider tool update")
    );
}

#[tokio::test]
async fn an_updated_tool_of_another_provider_is_an_error() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    let mut other = tool_json();
    other["id"] = json!("ASuB9Gf6aDY");
    answer(&mock, "PATCH", &at, 200, json!({"tool": other}), 1).await;
    let err = client_for(&mock)
        .update_provider_tool(PROVIDER, TOOL)
        .title("Lookup")
        .send_exact()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(err),
        format!("asked for tool {TOOL}, the answer is about tool ASuB9Gf6aDY")
    );
}

#[tokio::test]
async fn delete_provider_tool_is_one_delete() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/providers/{PROVIDER}/tools/{TOOL}");
    answer(&mock, "DELETE", &at, 204, Value::Null, 1).await;
    client_for(&mock)
        .delete_provider_tool(PROVIDER, TOOL)
        .await
        .expect("deleted");
    assert_eq!(sent(&mock).await, vec![request("DELETE", &at, Value::Null)]);
}

// ---------------------------------------------------------------- variables

#[tokio::test]
async fn list_variables_masks_secrets() {
    let mock = MockServer::start().await;
    let body = json!({"variables": [
        {"id": VARIABLE, "type": "SECRET", "name": "DB_URI", "value": "***"},
        {"id": "ASuB9Gf6aDA", "type": "ENV", "name": "REGION", "value": "eu-west-1"}
    ]});
    answer(&mock, "GET", "/api/v1/variables", 200, body, 1).await;
    let vars = client_for(&mock)
        .list_variables()
        .all()
        .await
        .expect("listed");
    assert_eq!(vars[0].value, Some(SecretValue::Masked));
    assert_eq!(vars[0].variable_type, Some(VariableType::Secret));
    assert_eq!(
        vars[1].value.as_ref().and_then(SecretValue::expose),
        Some("eu-west-1")
    );
    assert!(!format!("{vars:?}").contains("eu-west-1"));
    assert_eq!(
        sent(&mock).await,
        vec![request("GET", "/api/v1/variables", Value::Null)]
    );
}

#[tokio::test]
async fn create_variable_sends_name_type_and_value() {
    let mock = MockServer::start().await;
    let created =
        json!({"variable": {"id": VARIABLE, "type": "SECRET", "name": "DB_URI", "value": "***"}});
    answer(&mock, "POST", "/api/v1/variables", 201, created, 1).await;
    let var = client_for(&mock)
        .create_variable("DB_URI")
        .variable_type(VariableType::Secret)
        .value("postgres://u:p@db/main")
        .send()
        .await
        .expect("created");
    assert!(var.value.expect("value").is_masked());
    assert_eq!(
        sent(&mock).await,
        vec![request(
            "POST",
            "/api/v1/variables",
            json!({"variable": {"name": "DB_URI", "type": "SECRET", "value": "postgres://u:p@db/main"}})
        )]
    );
}

#[tokio::test]
async fn bad_variables_are_refused_before_any_request() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    for (name, ty, value, field) in [
        ("db_uri", VariableType::Env, "v", "name"),
        ("", VariableType::Env, "v", "name"),
        ("DB", VariableType::Unknown("INVALID".into()), "v", "type"),
        ("DB", VariableType::Env, "", "value"),
        ("DB", VariableType::Secret, "***", "value"),
    ] {
        let err = hm
            .create_variable(name)
            .variable_type(ty)
            .value(value)
            .send()
            .await
            .unwrap_err();
        assert_eq!(invalid(err).0, field, "{name} {value}");
    }
    assert_eq!(
        invalid(
            hm.update_variable(VARIABLE)
                .value("***")
                .send()
                .await
                .unwrap_err()
        )
        .0,
        "value"
    );
    assert_eq!(
        invalid(
            hm.update_variable("bad")
                .value("v")
                .send()
                .await
                .unwrap_err()
        )
        .0,
        "id"
    );
    // The type and the value are required setters, checked before sending.
    assert_eq!(
        invalid(
            hm.create_variable("DB")
                .value("v")
                .send()
                .await
                .unwrap_err()
        )
        .0,
        "type"
    );
    assert_eq!(
        invalid(
            hm.create_variable("DB")
                .variable_type(VariableType::Env)
                .send()
                .await
                .unwrap_err()
        )
        .0,
        "value"
    );
    assert_eq!(
        invalid(hm.update_variable(VARIABLE).send().await.unwrap_err()).0,
        "value"
    );
    assert_eq!(
        invalid(
            hm.update_variable("bad")
                .value("v")
                .send()
                .await
                .unwrap_err()
        )
        .0,
        "id"
    );
    assert_eq!(
        invalid(hm.delete_variable("bad").await.unwrap_err()).0,
        "id"
    );
}

fn variable_json(value: &str) -> Value {
    json!({"id": VARIABLE, "type": "ENV", "name": "REGION", "value": value})
}

/// The vendor document's 200 carries the variable: it is returned, and nothing else is
/// sent.
#[tokio::test]
async fn update_variable_returns_a_200s_variable_without_another_request() {
    let at = format!("/api/v1/variables/{VARIABLE}");
    let mock = MockServer::start().await;
    let answered = json!({"variable": variable_json("us")});
    answer(&mock, "PATCH", &at, 200, answered, 1).await;
    let updated = client_for(&mock)
        .update_variable(VARIABLE)
        .value("us")
        .send()
        .await
        .expect("updated");
    assert_eq!(serde_json::to_value(&updated).unwrap(), variable_json("us"));
    assert_eq!(
        sent(&mock).await,
        vec![request("PATCH", &at, json!({"variable": {"value": "us"}}))]
    );
}

/// The open-source edition's 204 carries nothing: the variables are listed and the
/// updated one returned.
#[tokio::test]
async fn update_variable_lists_after_a_204_and_returns_the_variable() {
    let at = format!("/api/v1/variables/{VARIABLE}");
    let other = json!({"id": "ASuB9Gf6aDA", "type": "SECRET", "name": "KEY", "value": "***"});
    let mock = MockServer::start().await;
    answer(&mock, "PATCH", &at, 204, Value::Null, 1).await;
    let listed = json!({"variables": [other, variable_json("us")]});
    answer(&mock, "GET", "/api/v1/variables", 200, listed, 1).await;
    let updated = client_for(&mock)
        .update_variable(VARIABLE)
        .value("us")
        .send()
        .await
        .expect("updated");
    assert_eq!(serde_json::to_value(&updated).unwrap(), variable_json("us"));
    assert_eq!(
        sent(&mock).await,
        vec![
            request("PATCH", &at, json!({"variable": {"value": "us"}})),
            request("GET", "/api/v1/variables", Value::Null),
        ]
    );
    // An unknown id is the PATCH's own 404 (code): nothing is listed.
    let mock = MockServer::start().await;
    let missing = json!({"error": {"code": 404, "message": "failed to fetch updated variable",
        "data": {"reason": "record not found", "variableId": 42}}});
    answer(&mock, "PATCH", &at, 404, missing, 1).await;
    assert!(client_for(&mock)
        .update_variable(VARIABLE)
        .value("us")
        .send()
        .await
        .unwrap_err()
        .is_not_found());
    assert_eq!(sent(&mock).await.len(), 1);
}

/// After the 204 the value is applied: a failed list, or a list without the variable,
/// says so (`NotApplied`, `applied: ["value"]`, may have applied).
#[tokio::test]
async fn a_failed_read_after_a_variable_update_says_the_value_landed() {
    let at = format!("/api/v1/variables/{VARIABLE}");
    let mock = MockServer::start().await;
    answer(&mock, "PATCH", &at, 204, Value::Null, 1).await;
    let failed = json!({"error": {"code": 500, "message": "failed to list variables"}});
    answer(&mock, "GET", "/api/v1/variables", 500, failed, 1).await;
    let e = client_for(&mock)
        .update_variable(VARIABLE)
        .value("us")
        .send()
        .await
        .unwrap_err();
    assert!(e.may_have_applied() && e.is_not_applied(), "{e}");
    let (operation, status, applied, not_applied, _, cause) = not_applied_fields(&e);
    assert_eq!(
        (operation, status, applied, not_applied.len()),
        ("hasmcp_update_variable", 204, &["value"][..], 0)
    );
    assert_eq!(cause.and_then(Error::status), Some(500));
    assert_eq!(sent(&mock).await.len(), 2);

    let mock = MockServer::start().await;
    answer(&mock, "PATCH", &at, 204, Value::Null, 1).await;
    answer(&mock, "GET", "/api/v1/variables", 200, json!({}), 1).await;
    let e = client_for(&mock)
        .update_variable(VARIABLE)
        .value("us")
        .send()
        .await
        .unwrap_err();
    assert!(e.may_have_applied(), "{e}");
    let (_, status, applied, not_applied, reason, cause) = not_applied_fields(&e);
    assert_eq!((status, applied), (204, &["value"][..]));
    assert!(not_applied.is_empty() && cause.is_none());
    assert_eq!(
        reason,
        format!(
            "the update was answered with success; variable {VARIABLE} is not in the list \
             read afterwards (deleted since?)"
        )
    );
    assert_eq!(
        e.to_string(),
        format!("HasMCP hasmcp_update_variable: HTTP 204, but the result is not confirmed: {reason}; applied: value")
    );
}

/// A 200 about another variable is not a success about this one; the PATCH was sent,
/// so it may have applied.
#[tokio::test]
async fn a_200_about_another_variable_or_resource_is_a_decode_error() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/variables/{VARIABLE}");
    let mut other = variable_json("us");
    other["id"] = json!("ASuB9Gf6aDA");
    answer(&mock, "PATCH", &at, 200, json!({"variable": other}), 1).await;
    let e = client_for(&mock)
        .update_variable(VARIABLE)
        .value("us")
        .send()
        .await
        .unwrap_err();
    assert!(e.may_have_applied(), "{e}");
    assert_eq!(
        decode_reason(e),
        format!("asked for variable {VARIABLE}, the answer is about variable ASuB9Gf6aDA")
    );
    let mock = MockServer::start().await;
    let one = format!("/api/v1/resources/{RESOURCE}");
    let mut other = resource_json();
    other["id"] = json!("ASuB9Gf6aDA");
    answer(&mock, "PATCH", &one, 200, json!({"resource": other}), 1).await;
    let e = client_for(&mock)
        .update_resource(RESOURCE)
        .size(1)
        .send()
        .await
        .unwrap_err();
    assert!(e.may_have_applied(), "{e}");
    assert_eq!(
        decode_reason(e),
        format!("asked for resource {RESOURCE}, the answer is about resource ASuB9Gf6aDA")
    );
    assert_eq!(
        sent(&mock).await.len(),
        1,
        "no read after a 200 with a body"
    );
}

#[tokio::test]
async fn delete_variable_is_one_delete() {
    let mock = MockServer::start().await;
    let at = format!("/api/v1/variables/{VARIABLE}");
    answer(&mock, "DELETE", &at, 204, Value::Null, 1).await;
    client_for(&mock)
        .delete_variable(VARIABLE)
        .await
        .expect("deleted");
    assert_eq!(sent(&mock).await, vec![request("DELETE", &at, Value::Null)]);
}

// ---------------------------------------------------------------- resources

fn resource_json() -> Value {
    json!({
        "id": RESOURCE,
        "createdAt": "2023-11-07T05:31:56Z",
        "updatedAt": "2023-11-07T05:31:56Z",
        "name": "errorLogs",
        "uri": "https://api.example.com/logs",
        "mimeType": "text/plain",
        "size": 2048,
        "annotations": {"audience": ["assistant"], "priority": 0.5}
    })
}

#[tokio::test]
async fn resources_list_get_create_delete() {
    let mock = MockServer::start().await;
    let one = format!("/api/v1/resources/{RESOURCE}");
    answer(&mock, "GET", "/api/v1/resources", 200, json!({}), 1).await;
    answer(
        &mock,
        "GET",
        &one,
        200,
        json!({"resource": resource_json()}),
        1,
    )
    .await;
    answer(
        &mock,
        "POST",
        "/api/v1/resources",
        201,
        json!({"resource": resource_json()}),
        1,
    )
    .await;
    answer(&mock, "DELETE", &one, 204, Value::Null, 1).await;
    let hm = client_for(&mock);
    assert!(hm.list_resources().all().await.expect("listed").is_empty());
    let read = hm.get_resource(RESOURCE).await.expect("read");
    assert_eq!(serde_json::to_value(&read).unwrap(), resource_json());
    let created = hm
        .create_resource("errorLogs")
        .uri("https://api.example.com/logs")
        .mime_type("text/plain")
        .size(2048)
        .annotations(json!({"priority": 0.5}))
        .set_description(None)
        .send()
        .await
        .expect("created");
    assert_eq!(created, read);
    hm.delete_resource(RESOURCE).await.expect("deleted");
    assert_eq!(
        sent(&mock).await,
        vec![
            request("GET", "/api/v1/resources", Value::Null),
            request("GET", &one, Value::Null),
            request(
                "POST",
                "/api/v1/resources",
                json!({"resource": {
                    "name": "errorLogs", "uri": "https://api.example.com/logs",
                    "mimeType": "text/plain", "size": 2048, "annotations": {"priority": 0.5}
                }})
            ),
            request("DELETE", &one, Value::Null),
        ]
    );
}

/// Either answer ends in the updated resource: a 200's as it is (one request), a
/// 204's read back (two); a 200 without the resource (`{}`) is read back too.
#[tokio::test]
async fn update_resource_returns_a_200s_resource_or_reads_back_after_a_204() {
    let one = format!("/api/v1/resources/{RESOURCE}");
    let patch = request(
        "PATCH",
        &one,
        json!({"resource": {"description": "Today's errors", "size": 4096}}),
    );
    let mut changed = resource_json();
    changed["description"] = json!("Today's errors");
    changed["size"] = json!(4096);
    for (status, body, reads) in [
        (200, json!({"resource": changed}), 0),
        (204, Value::Null, 1),
        (200, json!({}), 1),
    ] {
        let mock = MockServer::start().await;
        answer(&mock, "PATCH", &one, status, body.clone(), 1).await;
        answer(&mock, "GET", &one, 200, json!({"resource": changed}), reads).await;
        let updated = client_for(&mock)
            .update_resource(RESOURCE)
            .description("Today's errors")
            .size(4096)
            .send()
            .await
            .expect("updated");
        assert_eq!(serde_json::to_value(&updated).unwrap(), changed, "{body}");
        let mut want = vec![patch.clone()];
        if reads == 1 {
            want.push(request("GET", &one, Value::Null));
        }
        assert_eq!(sent(&mock).await, want, "{status} {body}");
    }
    // A 200 whose body is not `{"resource": …}` is not taken for a success.
    let mock = MockServer::start().await;
    answer(&mock, "PATCH", &one, 200, json!([5]), 1).await;
    let e = client_for(&mock)
        .update_resource(RESOURCE)
        .size(1)
        .send()
        .await
        .unwrap_err();
    assert!(e.may_have_applied(), "{e}");
    assert_eq!(
        decode_reason(e),
        r#"unexpected shape: invalid type: sequence, expected {"resource": …} or no body"#
    );
}

#[tokio::test]
async fn updating_an_unknown_resource_ends_in_not_found() {
    let mock = MockServer::start().await;
    let one = format!("/api/v1/resources/{RESOURCE}");
    answer(&mock, "PATCH", &one, 204, Value::Null, 1).await;
    let missing =
        json!({"error": {"code": 404, "message": "server resource not found", "data": {"id": 42}}});
    answer(&mock, "GET", &one, 404, missing, 1).await;
    let err = client_for(&mock)
        .update_resource(RESOURCE)
        .name("logs")
        .send()
        .await
        .unwrap_err();
    assert!(err.is_not_found());
}

/// The PATCH landed (204), the read of the result failed: the error says the fields
/// sent were applied, and carries the read's answer.
#[tokio::test]
async fn a_failed_read_after_a_resource_or_prompt_update_says_the_update_landed() {
    for (kind, envelope) in [("resources", "resource"), ("prompts", "prompt")] {
        let mock = MockServer::start().await;
        let one = format!("/api/v1/{kind}/{RESOURCE}");
        answer(&mock, "PATCH", &one, 204, Value::Null, 1).await;
        let failed = json!({"error": {"code": 500, "message": "internal server error"}});
        answer(&mock, "GET", &one, 500, failed, 1).await;
        let hm = client_for(&mock);
        let e = if envelope == "resource" {
            hm.update_resource(RESOURCE)
                .name("logs")
                .send()
                .await
                .map(drop)
        } else {
            hm.update_prompt(RESOURCE)
                .name("logs")
                .send()
                .await
                .map(drop)
        }
        .expect_err("the read failed");
        assert!(e.may_have_applied() && !e.is_not_found(), "{e}");
        let (operation, status, applied, not_applied, _, cause) = not_applied_fields(&e);
        assert_eq!(operation, format!("hasmcp_update_{envelope}"));
        assert_eq!((status, applied), (204, &["name"][..]));
        assert!(not_applied.is_empty());
        assert_eq!(cause.and_then(Error::status), Some(500));
        assert_eq!(sent(&mock).await.len(), 2);
    }
}

/// The client refuses a provider URL exactly where the service's Go check does, and
/// lets through what it accepts (a port above 65535, an escape in the query).
#[tokio::test]
async fn provider_urls_are_refused_where_the_service_refuses_them() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    for url in [
        "http://x/%zz",
        "http:/x",
        "http://a b.com",
        "http://ex%41mple.com",
    ] {
        let e = hm
            .create_provider("ex")
            .visibility(VisibilityType::Public)
            .base_url(url)
            .description("d")
            .send()
            .await
            .expect_err("refused");
        assert_eq!(invalid(e).0, "baseURL", "{url}");
    }
    for url in ["http://x:99999", "https://api.example.com/v1?q=%zz"] {
        assert!(
            hm.create_provider("ex")
                .visibility(VisibilityType::Public)
                .base_url(url)
                .description("d")
                .body()
                .is_ok(),
            "{url}"
        );
    }
}

#[tokio::test]
async fn bad_resource_inputs_are_refused_before_any_request() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let create = |name: &str, uri: &str| hm.create_resource(name).uri(uri);
    for (builder, field) in [
        (create("", "u"), "name"),
        (create(&"n".repeat(129), "u"), "name"),
        (create("n", ""), "uri"),
        (create("n", &"u".repeat(256)), "uri"),
        (
            create("n", "u").description("d".repeat(1025)),
            "description",
        ),
        (create("n", "u").annotations(Value::Null), "annotations"),
    ] {
        assert_eq!(invalid(builder.send().await.unwrap_err()).0, field);
    }
    for (builder, field) in [
        (hm.update_resource(RESOURCE), "update"),
        (hm.update_resource(RESOURCE).size(0), "size"),
        (hm.update_resource(RESOURCE).mime_type(""), "mimeType"),
        (hm.update_resource("bad").name("n"), "id"),
    ] {
        assert_eq!(invalid(builder.send().await.unwrap_err()).0, field);
    }
    assert!(hm.get_resource("bad").await.unwrap_err().is_invalid_input());
}

// ---------------------------------------------------------------- prompts

fn prompt_json() -> Value {
    json!({
        "id": PROMPT,
        "name": "codeReview",
        "description": "Reviews a PR",
        "arguments": [{"name": "pr", "required": true}],
        "messages": [{"role": "user", "content": {"type": "text", "text": "Review PR #{pr}."}}]
    })
}

#[tokio::test]
async fn prompts_list_get_create_update_delete() {
    let mock = MockServer::start().await;
    let one = format!("/api/v1/prompts/{PROMPT}");
    answer(
        &mock,
        "GET",
        "/api/v1/prompts",
        200,
        json!({"prompts": [prompt_json()]}),
        1,
    )
    .await;
    answer(&mock, "GET", &one, 200, json!({"prompt": prompt_json()}), 2).await;
    answer(
        &mock,
        "POST",
        "/api/v1/prompts",
        201,
        json!({"prompt": prompt_json()}),
        1,
    )
    .await;
    answer(&mock, "PATCH", &one, 204, Value::Null, 1).await;
    answer(&mock, "DELETE", &one, 204, Value::Null, 1).await;
    let hm = client_for(&mock);
    let listed = hm.list_prompts().all().await.expect("listed");
    let read = hm.get_prompt(PROMPT).await.expect("read");
    assert_eq!(listed, vec![read.clone()]);
    assert_eq!(serde_json::to_value(&read).unwrap(), prompt_json());
    let created = hm
        .create_prompt("codeReview")
        .messages([PromptMessage::user("Review PR #{pr}.")])
        .arguments([PromptArgument::new("pr").required(true)])
        .description("Reviews a PR")
        .send()
        .await
        .expect("created");
    assert_eq!(created, read);
    assert_eq!(
        read.arguments,
        vec![PromptArgument::new("pr").required(true)]
    );
    assert_eq!(read.messages, vec![PromptMessage::user("Review PR #{pr}.")]);
    let updated = hm
        .update_prompt(PROMPT)
        .messages([])
        .set_name(None)
        .send()
        .await
        .expect("updated");
    assert_eq!(updated, read);
    hm.delete_prompt(PROMPT).await.expect("deleted");
    assert_eq!(
        sent(&mock).await,
        vec![
            request("GET", "/api/v1/prompts", Value::Null),
            request("GET", &one, Value::Null),
            request(
                "POST",
                "/api/v1/prompts",
                json!({"prompt": {
                    "name": "codeReview",
                    "messages": prompt_json()["messages"],
                    "description": "Reviews a PR",
                    "arguments": prompt_json()["arguments"]
                }})
            ),
            request("PATCH", &one, json!({"prompt": {"messages": []}})),
            request("GET", &one, Value::Null),
            request("DELETE", &one, Value::Null),
        ]
    );
}

/// Arguments and messages go out as typed lists (MCP's fields, `type` first), every
/// content kind included; `clear_arguments()` sends `[]`.
#[tokio::test]
async fn prompt_arguments_and_messages_are_sent_as_typed_lists() {
    let mock = MockServer::start().await;
    let one = format!("/api/v1/prompts/{PROMPT}");
    answer(
        &mock,
        "POST",
        "/api/v1/prompts",
        201,
        json!({"prompt": prompt_json()}),
        1,
    )
    .await;
    answer(&mock, "PATCH", &one, 204, Value::Null, 2).await;
    answer(&mock, "GET", &one, 200, json!({"prompt": prompt_json()}), 2).await;
    let hm = client_for(&mock);
    let link = json!({"type": "resource_link", "uri": "file:///guide.md", "name": "guide"});
    let mut embedded = serde_json::Map::new();
    embedded.insert("uri".into(), json!("file:///rules.md"));
    embedded.insert("text".into(), json!("No secrets in code."));
    hm.create_prompt("codeReview")
        .messages([
            PromptMessage::user("Review PR #{{.pr}}."),
            PromptMessage::new(
                Role::User,
                PromptContent::image("iVBORw0KGgo=", "image/png"),
            ),
            PromptMessage::new(
                Role::Assistant,
                PromptContent::audio("UklGRg==", "audio/wav"),
            ),
            PromptMessage::new(Role::User, PromptContent::resource(embedded)),
            PromptMessage::new(Role::User, PromptContent::Other(link.clone())),
            PromptMessage::assistant("On it."),
        ])
        .arguments([
            PromptArgument::new("pr")
                .title("Pull request")
                .description("Its number")
                .required(true),
            PromptArgument::new("style"),
        ])
        .send()
        .await
        .expect("created");
    hm.update_prompt(PROMPT)
        .clear_arguments()
        .send()
        .await
        .expect("updated");
    hm.update_prompt(PROMPT)
        .arguments([PromptArgument::new("pr").required(false)])
        .messages([PromptMessage::user("Hi")])
        .send()
        .await
        .expect("updated");
    let text =
        |role: &str, text: &str| json!({"role": role, "content": {"type": "text", "text": text}});
    assert_eq!(
        sent(&mock).await,
        vec![
            request(
                "POST",
                "/api/v1/prompts",
                json!({"prompt": {
                    "name": "codeReview",
                    "messages": [
                        text("user", "Review PR #{{.pr}}."),
                        {"role": "user", "content": {"type": "image", "data": "iVBORw0KGgo=", "mimeType": "image/png"}},
                        {"role": "assistant", "content": {"type": "audio", "data": "UklGRg==", "mimeType": "audio/wav"}},
                        {"role": "user", "content": {"type": "resource", "resource": {"uri": "file:///rules.md", "text": "No secrets in code."}}},
                        {"role": "user", "content": link},
                        text("assistant", "On it."),
                    ],
                    "arguments": [
                        {"name": "pr", "title": "Pull request", "description": "Its number", "required": true},
                        {"name": "style"}
                    ]
                }})
            ),
            request("PATCH", &one, json!({"prompt": {"arguments": []}})),
            request("GET", &one, Value::Null),
            request(
                "PATCH",
                &one,
                json!({"prompt": {
                    "arguments": [{"name": "pr", "required": false}],
                    "messages": [text("user", "Hi")]
                }})
            ),
            request("GET", &one, Value::Null),
        ]
    );
}

/// The vendor document types both fields `object`: each object form reads as the list
/// it stands for, and the object is never an error.
#[tokio::test]
async fn prompts_answered_in_the_object_form_read_as_lists() {
    let mock = MockServer::start().await;
    let one = format!("/api/v1/prompts/{PROMPT}");
    let forms = json!({"prompts": [
        {"id": PROMPT, "arguments": {}, "messages": {}},
        {"id": PROMPT,
         "arguments": {"name": "pr", "required": true},
         "messages": {"role": "user", "content": {"type": "text", "text": "Hi"}}},
        {"id": PROMPT,
         "arguments": {"arguments": [{"name": "pr", "required": true}]},
         "messages": {"messages": [{"role": "user", "content": {"type": "text", "text": "Hi"}}]}},
        {"id": PROMPT,
         "arguments": {"pr": {"required": true}},
         "messages": [{"role": "system", "content": {"type": "text", "text": "Hi", "annotations": {"priority": 1}}}]},
        {"id": PROMPT, "arguments": null, "messages": null}
    ]});
    answer(&mock, "GET", "/api/v1/prompts", 200, forms, 1).await;
    answer(
        &mock,
        "GET",
        &one,
        200,
        json!({"prompt": {"id": PROMPT, "arguments": {"pr": "The PR number"}, "messages": "Hi"}}),
        1,
    )
    .await;
    let hm = client_for(&mock);
    let listed = hm.list_prompts().all().await.expect("listed");
    let pr = PromptArgument::new("pr").required(true);
    let hi = PromptMessage::user("Hi");
    let read: Vec<(Vec<PromptArgument>, Vec<PromptMessage>)> = listed
        .into_iter()
        .map(|p| (p.arguments, p.messages))
        .collect();
    let annotated = json!({"type": "text", "text": "Hi", "annotations": {"priority": 1}});
    assert_eq!(
        read,
        vec![
            (vec![], vec![]),
            (vec![pr.clone()], vec![hi.clone()]),
            (vec![pr.clone()], vec![hi]),
            (
                vec![pr],
                vec![PromptMessage::new(
                    Role::Unknown("system".into()),
                    PromptContent::Other(annotated)
                )]
            ),
            (vec![], vec![]),
        ]
    );
    let p = hm.get_prompt(PROMPT).await.expect("read");
    assert_eq!(
        p.arguments,
        vec![PromptArgument::new("pr").description("The PR number")]
    );
    assert_eq!(
        p.messages,
        vec![PromptMessage::new(
            Role::Unknown(String::new()),
            PromptContent::Other(json!("Hi"))
        )]
    );
}

#[tokio::test]
async fn bad_prompt_inputs_are_refused_before_any_request() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let no_role = PromptMessage::new(Role::Unknown(String::new()), PromptContent::text("x"));
    let not_a_block = PromptMessage::new(Role::User, PromptContent::Other(json!({"text": "x"})));
    for (builder, field) in [
        (hm.create_prompt("").messages([]), "name"),
        (
            hm.create_prompt("p").messages([no_role.clone()]),
            "messages",
        ),
        (
            hm.create_prompt("p").messages([not_a_block.clone()]),
            "messages",
        ),
        (
            hm.create_prompt("p")
                .messages([])
                .arguments([PromptArgument::new("")]),
            "arguments",
        ),
        (
            hm.create_prompt("p")
                .messages([])
                .description("d".repeat(4097)),
            "description",
        ),
    ] {
        assert_eq!(invalid(builder.send().await.unwrap_err()).0, field);
    }
    for (builder, field) in [
        (hm.update_prompt(PROMPT), "update"),
        (hm.update_prompt(PROMPT).description(""), "description"),
        (hm.update_prompt(PROMPT).messages([no_role]), "messages"),
        (hm.update_prompt(PROMPT).messages([not_a_block]), "messages"),
        (
            hm.update_prompt(PROMPT)
                .arguments([PromptArgument::new("")]),
            "arguments",
        ),
        (hm.update_prompt("bad").name("n"), "id"),
    ] {
        assert_eq!(invalid(builder.send().await.unwrap_err()).0, field);
    }
}

/// A resource's `uri` and a prompt's `messages` are required setters, at the top level
/// and under a provider: left unset (or unset again) the create is refused before
/// sending, naming the setter, in the words every required setter uses.
#[tokio::test]
async fn creates_without_their_required_setter_send_nothing() {
    let mock = MockServer::start().await;
    nothing_sent(&mock).await;
    let hm = client_for(&mock);
    let refusals = [
        (
            hm.create_resource("errorLogs").send().await,
            "hasmcp_create_resource",
            "uri",
        ),
        (
            hm.create_resource("errorLogs")
                .uri("file:///logs")
                .set_uri(None)
                .send()
                .await,
            "hasmcp_create_resource",
            "uri",
        ),
        (
            hm.create_provider_resource(PROVIDER, "errorLogs")
                .mime_type("text/plain")
                .send()
                .await,
            "hasmcp_create_provider_resource",
            "uri",
        ),
    ]
    .into_iter()
    .map(|(r, op, field)| (r.map(|_| ()), op, field))
    .chain(
        [
            (
                hm.create_prompt("greeting").send().await,
                "hasmcp_create_prompt",
            ),
            (
                hm.create_prompt("greeting")
                    .messages([PromptMessage::user("Hi")])
                    .set_messages(None)
                    .send()
                    .await,
                "hasmcp_create_prompt",
            ),
            (
                hm.create_provider_prompt(PROVIDER, "greeting")
                    .description("Says hi")
                    .send()
                    .await,
                "hasmcp_create_provider_prompt",
            ),
        ]
        .into_iter()
        .map(|(r, op)| (r.map(|_| ()), op, "messages")),
    );
    for (result, op, field) in refusals {
        let e = result.expect_err("refused");
        assert_eq!(
            e.to_string(),
            format!("HasMCP {op}: invalid input for `{field}`: required")
        );
        assert_eq!(invalid(e), (field, "required".to_owned()));
    }
    assert_eq!(
        hm.create_variable("REGION")
            .variable_type(VariableType::Env)
            .body()
            .unwrap_err()
            .to_string(),
        "HasMCP hasmcp_create_variable: invalid input for `value`: required",
        "the same words as every required setter"
    );
    assert!(hm.create_resource("r").uri("u").body().is_ok());
    assert!(hm.create_prompt("p").messages([]).body().is_ok());
}

/// A full create under a provider: parent, name, then the required setters and every
/// optional one, exactly as sent.
#[tokio::test]
async fn provider_item_creates_send_every_field() {
    let mock = MockServer::start().await;
    let resources = format!("/api/v1/providers/{PROVIDER}/resources");
    let prompts = format!("/api/v1/providers/{PROVIDER}/prompts");
    answer(
        &mock,
        "POST",
        &resources,
        201,
        json!({"resource": resource_json()}),
        1,
    )
    .await;
    answer(
        &mock,
        "POST",
        &prompts,
        201,
        json!({"prompt": prompt_json()}),
        1,
    )
    .await;
    let hm = client_for(&mock);
    let resource = hm
        .create_provider_resource(PROVIDER, "errorLogs")
        .uri("https://api.example.com/logs")
        .description("Today's errors")
        .mime_type("text/plain")
        .size(2048)
        .annotations(json!({"priority": 0.5}))
        .send()
        .await
        .expect("created");
    assert_eq!(resource.id.as_str(), RESOURCE);
    let prompt = hm
        .create_provider_prompt(PROVIDER, "codeReview")
        .messages([PromptMessage::user("Review PR #{pr}.")])
        .description("Reviews a PR")
        .arguments([PromptArgument::new("pr").required(true)])
        .send()
        .await
        .expect("created");
    assert_eq!(prompt.id.as_str(), PROMPT);
    assert_eq!(
        sent(&mock).await,
        vec![
            request(
                "POST",
                &resources,
                json!({"resource": {
                    "name": "errorLogs", "uri": "https://api.example.com/logs",
                    "description": "Today's errors", "mimeType": "text/plain",
                    "size": 2048, "annotations": {"priority": 0.5}
                }})
            ),
            request(
                "POST",
                &prompts,
                json!({"prompt": {
                    "name": "codeReview",
                    "messages": [{"role": "user", "content": {"type": "text", "text": "Review PR #{pr}."}}],
                    "description": "Reviews a PR",
                    "arguments": [{"name": "pr", "required": true}]
                }})
            ),
        ]
    );
}

// ---------------------------------------------------------------- against the fake

mod with_fake {
    use mcp_admin::{
        hasmcp::{
            Client, OAuth2Config, SecretValue, ToolHeader, ToolMethod, VariableType, VisibilityType,
        },
        testing::FakeHasMcp,
    };
    use serde_json::json;

    fn client_for(fake: &FakeHasMcp) -> Client {
        Client::builder()
            .base_url(fake.uri())
            .token(fake.token())
            .build()
            .expect("client builds")
    }

    #[tokio::test]
    async fn a_provider_and_its_tools_through_their_whole_life() {
        let fake = FakeHasMcp::start().await;
        let hm = client_for(&fake);
        assert!(hm.list_providers().all().await.expect("listed").is_empty());

        let provider = hm
            .create_provider("stripe")
            .visibility(VisibilityType::Public)
            .base_url("https://www.api.stripe.com/v1")
            .description("Payments")
            .oauth2_config(OAuth2Config::new(
                "stripe-client",
                "s3cr3t",
                "https://connect.stripe.com/oauth/authorize",
                "https://connect.stripe.com/oauth/token",
            ))
            .send()
            .await
            .expect("created");
        assert_eq!(provider.version, Some(1));
        assert_eq!(provider.secret_prefix.as_deref(), Some("API_STRIPE_COM"));
        let secret = provider
            .oauth2_config
            .as_ref()
            .and_then(|o| o.client_secret.clone());
        assert_eq!(secret, Some(SecretValue::Masked));
        let id = provider.id.to_string();

        let tool = hm
            .create_provider_tool(&id, ToolMethod::Get, "/v1/customers/search")
            .name("lookupCustomer")
            .headers([ToolHeader::new("X-Api-Version", "2")])
            .query_args_json_schema(json!({"type": "object"}))
            .send()
            .await
            .expect("tool created");
        assert!(
            tool.oauth2_scopes.is_empty(),
            "the fake's [\"\"] reads as none"
        );
        let tool_id = tool.id.to_string();

        let listed = hm.list_providers().all().await.expect("listed");
        assert_eq!(listed.len(), 1);
        assert!(listed[0].tools.is_empty(), "the list leaves tools out");
        assert!(listed[0].oauth2_config.is_none());
        let read = hm.get_provider(&id).await.expect("read");
        assert_eq!(read.version, Some(2), "a tool write bumps the provider");
        assert_eq!(read.tools, vec![tool.clone()]);
        assert_eq!(
            hm.list_provider_tools(&id).all().await.expect("tools"),
            vec![tool.clone()]
        );
        assert_eq!(
            hm.get_provider_tool(&id, &tool_id).await.expect("tool"),
            tool
        );

        // The headers survive a description-only update with send(), not with send_exact().
        let updated = hm
            .update_provider_tool(&id, &tool_id)
            .description("Finds one customer.")
            .send()
            .await
            .expect("updated");
        assert_eq!(updated.headers, vec![ToolHeader::new("X-Api-Version", "2")]);
        assert_eq!(updated.description.as_deref(), Some("Finds one customer."));
        let emptied = hm
            .update_provider_tool(&id, &tool_id)
            .title("Lookup")
            .send_exact()
            .await
            .expect("updated");
        assert!(emptied.headers.is_empty());

        let refused = hm
            .update_provider_tool(&id, &tool_id)
            .name("findCustomer")
            .send()
            .await
            .unwrap_err();
        assert_eq!(refused.status(), Some(400));

        let renamed = hm
            .update_provider(&id)
            .name("stripe2")
            .send()
            .await
            .expect("renamed");
        assert_eq!(renamed.name.as_deref(), Some("stripe2"));
        assert_eq!(renamed.description.as_deref(), Some("Payments"));

        hm.delete_provider_tool(&id, &tool_id)
            .await
            .expect("tool deleted");
        let gone = hm.get_provider_tool(&id, &tool_id).await.unwrap_err();
        assert_eq!(
            gone.status(),
            Some(500),
            "the open-source edition's record not found"
        );
        hm.delete_provider(&id).await.expect("deleted");
        hm.delete_provider(&id)
            .await
            .expect("a second delete is a 204 too");
        assert!(hm.get_provider(&id).await.unwrap_err().is_not_found());
        let unknown = hm.update_provider(&id).name("x").send().await.unwrap_err();
        assert_eq!(unknown.status(), Some(500));
    }

    #[tokio::test]
    async fn deleting_catalog_items_removes_their_server_links() {
        let fake = FakeHasMcp::start().await;
        let hm = client_for(&fake);
        let provider = fake.seed_provider("GitHub");
        let (kept, dropped) = (
            fake.seed_tool(&provider, "listRepos"),
            fake.seed_tool(&provider, "getRepo"),
        );
        let resource = fake.seed_resource("readme", "file:///README.md");
        let prompt = fake.seed_prompt("summarize");
        let server = fake.insert_server(json!({
            "name": "Tools",
            "providers": [{"id": provider, "tools": [{"id": kept}, {"id": dropped}]}],
            "resources": [{"id": resource}],
            "prompts": [{"id": prompt}],
        }));
        hm.delete_provider_tool(&provider, &dropped)
            .await
            .expect("tool deleted");
        hm.delete_resource(&resource)
            .await
            .expect("resource deleted");
        hm.delete_prompt(&prompt).await.expect("prompt deleted");
        let s = fake.server(&server).expect("server");
        assert_eq!(
            s["providers"],
            json!([{"id": provider, "tools": [{"id": kept, "providerID": "00000000000"}]}])
        );
        assert!(s.get("resources").is_none() && s.get("prompts").is_none());
        hm.delete_provider(&provider)
            .await
            .expect("provider deleted");
        assert!(fake
            .server(&server)
            .expect("server")
            .get("providers")
            .is_none());
        assert!(
            fake.tool(&kept).is_none(),
            "the provider's tools go with it"
        );
    }

    #[tokio::test]
    async fn a_tool_made_through_the_catalog_is_attached_and_unlinked_by_its_delete() {
        let fake = FakeHasMcp::start().await;
        let hm = client_for(&fake);
        let provider = hm
            .create_provider("github")
            .visibility(VisibilityType::Internal)
            .base_url("https://api.github.com")
            .description("Code")
            .send()
            .await
            .expect("provider");
        let tool = hm
            .create_provider_tool(&provider.id, ToolMethod::Get, "/repos")
            .send()
            .await
            .expect("tool");
        let server = fake.seed_server("Tools", "");
        hm.attach_tool(&server, &tool.id).await.expect("attached");
        let links = hm.list_server_tools(&server).all().await.expect("links");
        assert_eq!(links.len(), 1);
        hm.delete_provider_tool(&provider.id, &tool.id)
            .await
            .expect("deleted");
        assert!(hm
            .list_server_tools(&server)
            .all()
            .await
            .expect("links")
            .is_empty());
    }

    #[tokio::test]
    async fn variables_resources_and_prompts() {
        let fake = FakeHasMcp::start().await;
        let hm = client_for(&fake);
        assert!(hm.list_variables().all().await.expect("listed").is_empty());
        let secret = hm
            .create_variable("DB_URI")
            .variable_type(VariableType::Secret)
            .value("postgres://db/main")
            .send()
            .await
            .expect("created");
        assert_eq!(secret.value, Some(SecretValue::Masked));
        let region = hm
            .create_variable("REGION")
            .variable_type("env".parse().expect("any case"))
            .value("eu")
            .send()
            .await
            .expect("created");
        let updated = hm
            .update_variable(&secret.id)
            .value("postgres://db/other")
            .send()
            .await
            .expect("updated");
        assert_eq!(updated, secret, "the 204, then the list: still masked");
        assert_eq!(
            fake.variable_value(secret.id.as_str()).as_deref(),
            Some("postgres://db/other")
        );
        let updated = hm
            .update_variable(&region.id)
            .value("us")
            .send()
            .await
            .expect("updated");
        assert_eq!(
            (updated.id, updated.value),
            (region.id.clone(), Some(SecretValue::new("us")))
        );
        let listed = hm.list_variables().all().await.expect("listed");
        let values: Vec<Option<&str>> = listed
            .iter()
            .map(|v| v.value.as_ref().and_then(SecretValue::expose))
            .collect();
        assert_eq!(listed.len(), 2);
        assert!(values.contains(&None) && values.contains(&Some("us")));
        hm.delete_variable(&region.id).await.expect("deleted");
        assert!(hm
            .update_variable(&region.id)
            .value("x")
            .send()
            .await
            .unwrap_err()
            .is_not_found());

        let resource = hm
            .create_resource("errorLogs")
            .uri("https://api.example.com/logs")
            .size(10)
            .send()
            .await
            .expect("created");
        let updated = hm
            .update_resource(&resource.id)
            .size(20)
            .mime_type("text/plain")
            .send()
            .await
            .expect("updated");
        assert_eq!(
            (updated.size, updated.mime_type.as_deref()),
            (Some(20), Some("text/plain"))
        );
        assert_eq!(updated.name.as_deref(), Some("errorLogs"));
        assert_eq!(
            hm.list_resources().all().await.expect("listed"),
            vec![updated]
        );
        hm.delete_resource(&resource.id).await.expect("deleted");
        let missing = hm
            .update_resource(&resource.id)
            .size(1)
            .send()
            .await
            .unwrap_err();
        assert!(
            missing.is_not_found(),
            "204 for the unknown id, then the read's 404"
        );

        let prompt = hm
            .create_prompt("greeting")
            .messages([mcp_admin::hasmcp::PromptMessage::user("Hi")])
            .send()
            .await
            .expect("created");
        let updated = hm
            .update_prompt(&prompt.id)
            .description("Says hi")
            .send()
            .await
            .expect("updated");
        assert_eq!(updated.description.as_deref(), Some("Says hi"));
        assert_eq!(updated.messages, prompt.messages);
        assert_eq!(
            prompt.messages,
            vec![mcp_admin::hasmcp::PromptMessage::user("Hi")]
        );

        assert_eq!(hm.get_prompt(&prompt.id).await.expect("read"), updated);
        assert_eq!(hm.list_prompts().all().await.expect("listed").len(), 1);
        let argument = mcp_admin::hasmcp::PromptArgument::new("who").required(true);
        let with_argument = hm
            .update_prompt(&prompt.id)
            .arguments([argument.clone()])
            .send()
            .await
            .expect("updated");
        assert_eq!(with_argument.arguments, vec![argument]);
        let cleared = hm
            .update_prompt(&prompt.id)
            .clear_arguments()
            .send()
            .await
            .expect("updated");
        assert!(cleared.arguments.is_empty());
        assert_eq!(
            fake.prompt(prompt.id.as_str()).expect("stored")["arguments"],
            json!([])
        );
    }
}

// ---------------------------------------------------------------- the fake over plain HTTP

mod fake_rules {
    use mcp_admin::testing::FakeHasMcp;
    use serde_json::{json, Value};

    /// Sends `verb path` with `body` (none when `Null`) and returns the status and the
    /// body (`Null` when empty).
    async fn call(fake: &FakeHasMcp, verb: &str, path: &str, body: Value) -> (u16, Value) {
        #[cfg(feature = "rustls")]
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("client");
        let method = reqwest::Method::from_bytes(verb.as_bytes()).expect("method");
        let mut req = http
            .request(method, format!("{}/api/v1{path}", fake.uri()))
            .bearer_auth(fake.token());
        if !body.is_null() {
            req = req.body(body.to_string());
        }
        let res = req.send().await.expect("sent");
        let status = res.status().as_u16();
        let text = res.text().await.expect("body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).expect("JSON")
        };
        (status, body)
    }

    fn error(code: u16, message: &str, data: Option<Value>) -> Value {
        let mut e = json!({"code": code, "message": message});
        if let Some(data) = data {
            e["data"] = data;
        }
        json!({ "error": e })
    }

    #[tokio::test]
    async fn empty_lists_are_empty_objects_except_variables() {
        let fake = FakeHasMcp::start().await;
        assert_eq!(
            call(&fake, "GET", "/providers", Value::Null).await,
            (200, json!({}))
        );
        let provider = fake.seed_provider("GitHub");
        for path in [
            "/resources",
            "/prompts",
            &format!("/providers/{provider}/tools"),
        ] {
            assert_eq!(
                call(&fake, "GET", path, Value::Null).await,
                (200, json!({})),
                "{path}"
            );
        }
        assert_eq!(
            call(&fake, "GET", "/variables", Value::Null).await,
            (200, json!({"variables": []}))
        );
    }

    #[tokio::test]
    async fn provider_validation_is_a_500_with_the_reason_and_undecodable_is_422() {
        let fake = FakeHasMcp::start().await;
        let good = json!({"apiType": "rest", "visibilityType": "public",
            "baseURL": "https://api.example.com", "name": "ex", "description": "d"});
        for (edit, reason) in [
            (json!({"apiType": "GRAPHQL"}), "invalid API type"),
            (json!({"visibilityType": ""}), "invalid visibility type"),
            (json!({"baseURL": "ftp://x"}), "URL must be http or https"),
            (
                json!({"documentURL": "https://"}),
                "URL must have a valid hostname",
            ),
            // Go's url.Parse refuses these; the service says only "invalid URL".
            (json!({"baseURL": "http://a b.com"}), "invalid URL"),
            (
                json!({"baseURL": "https://x.example.com:abc"}),
                "invalid URL",
            ),
            (json!({"baseURL": "http://x/%zz"}), "invalid URL"),
            (
                json!({"iconURL": "http://ex%41mple.com/i.png"}),
                "invalid URL",
            ),
            (
                json!({"baseURL": "http:/x"}),
                "URL must have a valid hostname",
            ),
            (
                json!({"name": "a_b"}),
                "invalid provider name must be `[a-zA-Z0-9]{1,16}`",
            ),
            (json!({"description": ""}), "description is required"),
        ] {
            let mut body = good.clone();
            for (k, v) in edit.as_object().expect("object") {
                body[k] = v.clone();
            }
            assert_eq!(
                call(&fake, "POST", "/providers", json!({"provider": body})).await,
                (
                    500,
                    error(
                        500,
                        "internal server error",
                        Some(json!({"reason": reason}))
                    )
                ),
                "{reason}"
            );
        }
        let (status, _) = call(
            &fake,
            "POST",
            "/providers",
            json!({"provider": {"name": 5}}),
        )
        .await;
        assert_eq!(status, 422);
        let (status, created) = call(&fake, "POST", "/providers", json!({"provider": good})).await;
        assert_eq!(status, 201);
        assert_eq!(created["provider"]["apiType"], "REST");
        assert_eq!(created["provider"]["visibilityType"], "PUBLIC");
        let id = created["provider"]["id"].as_str().expect("id").to_owned();
        assert_eq!(
            call(
                &fake,
                "PATCH",
                &format!("/providers/{id}"),
                json!({"provider": {"name": ""}})
            )
            .await,
            (
                400,
                error(400, "no changes provided for provider update", None)
            )
        );
    }

    #[tokio::test]
    async fn a_masked_or_partial_oauth2_client_does_not_replace_the_stored_one() {
        let fake = FakeHasMcp::start().await;
        let oauth2 = |id: &str, secret: &str| {
            json!({"clientID": id, "clientSecret": secret,
                "authURL": "https://a.example/auth", "tokenURL": "https://a.example/token"})
        };
        let body = json!({"provider": {"apiType": "REST", "visibilityType": "INTERNAL",
            "baseURL": "https://api.example.com", "name": "ex", "description": "d",
            "oauth2Config": oauth2("first", "s1")}});
        let (_, created) = call(&fake, "POST", "/providers", body).await;
        let id = created["provider"]["id"].as_str().expect("id").to_owned();
        assert_eq!(created["provider"]["oauth2Config"], oauth2("first", "***"));
        let at = format!("/providers/{id}");
        let (status, kept) = call(
            &fake,
            "PATCH",
            &at,
            json!({"provider": {"oauth2Config": oauth2("second", "***")}}),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(kept["provider"]["oauth2Config"]["clientID"], "first");
        assert_eq!(
            kept["provider"]["version"], 2,
            "accepted, so bumped, though nothing changed"
        );
        let (_, replaced) = call(
            &fake,
            "PATCH",
            &at,
            json!({"provider": {"oauth2Config": oauth2("third", "s3")}}),
        )
        .await;
        assert_eq!(replaced["provider"]["oauth2Config"], oauth2("third", "***"));
        assert_eq!(
            call(
                &fake,
                "PATCH",
                "/providers/00000000077",
                json!({"provider": {"name": "x"}})
            )
            .await,
            (
                500,
                error(
                    500,
                    "failed to get provider", // 77 in base62 is 441
                    Some(json!({"attrs": {"name": "x"}, "reason": "record not found",
                                "providerID": 441}))
                )
            ),
        );
    }

    #[tokio::test]
    async fn tool_rules() {
        let fake = FakeHasMcp::start().await;
        let provider = fake.seed_provider("GitHub");
        let tools = format!("/providers/{provider}/tools");
        let new = json!({"tool": {"method": "get", "path": "/repos", "name": "listRepos",
            "headers": [{"key": "X-A", "value": "1"}]}});
        let (status, created) = call(&fake, "POST", &tools, new.clone()).await;
        assert_eq!(status, 201);
        assert_eq!(
            created["tool"],
            json!({"id": created["tool"]["id"], "providerID": provider, "method": "GET",
                "path": "/repos", "name": "listRepos", "headers": [{"key": "X-A", "value": "1"}],
                "oauth2Scopes": [""]})
        );
        let (status, dup) = call(&fake, "POST", &tools, new).await;
        assert_eq!(
            (status, &dup["error"]["message"]),
            (500, &json!("failed to create provider tool"))
        );
        for (body, message) in [
            (
                json!({"method": "QUERY", "path": "/x"}),
                "invalid method type: ",
            ),
            (
                json!({"method": "GET", "path": ""}),
                "path must be at least 1 characters",
            ),
            (
                json!({"method": "GET", "path": "/x", "name": "Bad"}),
                "name must be 1-20 chars and start with smallcaps",
            ),
            (
                json!({"method": "GET", "path": "/x", "queryArgsJSONSchema": "str"}),
                "invalid query arguments JSON schema for provider tool",
            ),
        ] {
            let (status, refused) = call(&fake, "POST", &tools, json!({"tool": body})).await;
            assert_eq!(
                (status, refused["error"]["message"].as_str()),
                (400, Some(message))
            );
        }
        let one = format!("{tools}/{}", created["tool"]["id"].as_str().expect("id"));
        for body in [
            json!({"name": "findRepos"}),
            json!({"headers": [{"key": "X-B", "value": "2"}]}),
            json!({"oauth2Scopes": ["repo"]}),
        ] {
            assert_eq!(
                call(&fake, "PATCH", &one, json!({"tool": body})).await,
                (
                    400,
                    error(400, "no changes provided for provider tool update", None)
                )
            );
        }
        let (_, updated) = call(&fake, "PATCH", &one, json!({"tool": {"title": "List"}})).await;
        assert!(
            updated["tool"].get("headers").is_none(),
            "every update replaces the headers"
        );
        assert_eq!(
            call(&fake, "GET", &format!("{tools}/00000000077"), Value::Null).await,
            (
                500,
                error(
                    500,
                    "internal server error",
                    Some(json!({"reason": "record not found"}))
                )
            )
        );
        assert_eq!(fake.provider(&provider).expect("provider")["version"], 3);
    }

    #[tokio::test]
    async fn variable_rules() {
        let fake = FakeHasMcp::start().await;
        for (body, message) in [
            (
                json!({"name": "db", "type": "ENV", "value": "v"}),
                "invalid varible name must be `[A-Z0-9_]{1,128}`",
            ),
            (
                json!({"name": "DB", "type": "FILE", "value": "v"}),
                "invalid variable type",
            ),
            (json!({"name": "DB", "type": "ENV"}), "value is required"),
        ] {
            assert_eq!(
                call(&fake, "POST", "/variables", json!({"variable": body})).await,
                (400, error(400, message, None))
            );
        }
        let body = json!({"variable": {"name": "DB", "type": "secret", "value": "v"}});
        let (status, created) = call(&fake, "POST", "/variables", body.clone()).await;
        assert_eq!(status, 201);
        let id = created["variable"]["id"].as_str().expect("id").to_owned();
        assert_eq!(
            created["variable"],
            json!({"id": id, "type": "SECRET", "name": "DB", "value": "***"})
        );
        assert_eq!(
            call(&fake, "POST", "/variables", body).await.0,
            201,
            "duplicate names are stored"
        );
        let at = format!("/variables/{id}");
        assert_eq!(
            call(
                &fake,
                "PATCH",
                &at,
                json!({"variable": {"value": "w", "name": "X"}})
            )
            .await,
            (204, Value::Null)
        );
        assert_eq!(fake.variable_value(&id).as_deref(), Some("w"));
        assert_eq!(fake.variable(&id).expect("kept")["name"], "DB");
        assert_eq!(
            call(
                &fake,
                "PATCH",
                "/variables/00000000077",
                json!({"variable": {"value": "w"}})
            )
            .await,
            (
                404,
                error(
                    404,
                    "failed to fetch updated variable",
                    Some(json!({"reason": "record not found", "variableId": 441}))
                )
            )
        );
        assert_eq!(
            call(&fake, "DELETE", "/variables/00000000077", Value::Null).await,
            (204, Value::Null)
        );
    }

    /// The open-source edition keeps `arguments` and `messages` as raw JSON: any shape
    /// is stored and answered as sent (a list, the vendor document's object, `null`),
    /// only a missing `messages` is refused, and an update's `[]` empties a list.
    #[tokio::test]
    async fn prompt_arguments_and_messages_are_stored_as_sent() {
        let fake = FakeHasMcp::start().await;
        let message = json!({"role": "user", "content": {"type": "text", "text": "Hi"}});
        for (arguments, messages) in [
            (json!([{"name": "pr", "required": true}]), json!([message])),
            (json!({"pr": {"required": true}}), message.clone()),
            (Value::Null, Value::Null),
            (json!("pr"), json!(5)),
        ] {
            let body =
                json!({"prompt": {"name": "p", "arguments": arguments, "messages": messages}});
            let (status, created) = call(&fake, "POST", "/prompts", body).await;
            assert_eq!(status, 201, "{created}");
            let prompt = &created["prompt"];
            assert_eq!(
                (&prompt["arguments"], &prompt["messages"]),
                (&arguments, &messages)
            );
            let id = prompt["id"].as_str().expect("id");
            let (_, read) = call(&fake, "GET", &format!("/prompts/{id}"), Value::Null).await;
            assert_eq!(&read["prompt"], prompt);
        }
        let body = json!({"prompt": {"name": "p", "arguments": [{"name": "pr"}]}});
        assert_eq!(
            call(&fake, "POST", "/prompts", body).await,
            (400, error(400, "prompt messages are required", None))
        );
        let body =
            json!({"prompt": {"name": "p", "arguments": [{"name": "pr"}], "messages": [message]}});
        let (_, created) = call(&fake, "POST", "/prompts", body).await;
        let at = format!("/prompts/{}", created["prompt"]["id"].as_str().expect("id"));
        let empty = json!({"prompt": {"arguments": []}});
        assert_eq!(call(&fake, "PATCH", &at, empty).await, (204, Value::Null));
        let (_, read) = call(&fake, "GET", &at, Value::Null).await;
        assert_eq!(read["prompt"]["arguments"], json!([]));
        assert_eq!(read["prompt"]["messages"], json!([message]));
    }

    #[tokio::test]
    async fn resource_and_prompt_rules() {
        let fake = FakeHasMcp::start().await;
        assert_eq!(
            call(
                &fake,
                "POST",
                "/resources",
                json!({"resource": {"name": "n"}})
            )
            .await,
            (400, error(400, "resource URI is required", None))
        );
        assert_eq!(
            call(&fake, "POST", "/prompts", json!({"prompt": {"name": "n"}})).await,
            (400, error(400, "prompt messages are required", None))
        );
        let resource = fake.seed_resource("readme", "file:///README.md");
        let at = format!("/resources/{resource}");
        assert_eq!(
            call(
                &fake,
                "PATCH",
                &at,
                json!({"resource": {"size": 0, "name": ""}})
            )
            .await
            .0,
            400
        );
        assert_eq!(
            call(
                &fake,
                "PATCH",
                "/resources/00000000077",
                json!({"resource": {"size": 3}})
            )
            .await,
            (204, Value::Null),
            "an unknown id is a success"
        );
        assert_eq!(
            call(&fake, "GET", "/resources/00000000077", Value::Null).await,
            (
                404,
                error(404, "server resource not found", Some(json!({"id": 441})))
            )
        );
        assert_eq!(
            call(
                &fake,
                "PATCH",
                "/prompts/00000000000",
                json!({"prompt": {"name": "x"}})
            )
            .await,
            (400, error(400, "prompt ID is required", None))
        );
        assert_eq!(
            call(&fake, "GET", "/prompts/00000000000", Value::Null)
                .await
                .0,
            422
        );
    }
}

#[test]
fn a_variable_builders_debug_never_shows_the_value() {
    let hm = Client::builder().token("tok").build().unwrap();
    let create = hm
        .create_variable("DB_URI")
        .variable_type(VariableType::Secret)
        .value("postgres://u:hunter2@db");
    let update = hm.update_variable(VARIABLE).value("sk_live_hunter2");
    for shown in [format!("{create:?}"), format!("{update:?}")] {
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("[redacted]"), "{shown}");
    }
}

/// A 200 with no body says no more than a 204: the update is read back, as after a 204.
#[tokio::test]
async fn an_empty_200_to_a_variable_or_resource_patch_is_read_back() {
    let at = format!("/api/v1/variables/{VARIABLE}");
    let mock = MockServer::start().await;
    answer(&mock, "PATCH", &at, 200, Value::Null, 1).await;
    let listed = json!({"variables": [variable_json("us")]});
    answer(&mock, "GET", "/api/v1/variables", 200, listed, 1).await;
    let updated = client_for(&mock)
        .update_variable(VARIABLE)
        .value("us")
        .send()
        .await
        .expect("updated");
    assert_eq!(serde_json::to_value(&updated).unwrap(), variable_json("us"));

    let one = format!("/api/v1/resources/{RESOURCE}");
    let mock = MockServer::start().await;
    answer(&mock, "PATCH", &one, 200, Value::Null, 1).await;
    answer(
        &mock,
        "GET",
        &one,
        200,
        json!({"resource": resource_json()}),
        1,
    )
    .await;
    let updated = client_for(&mock)
        .update_resource(RESOURCE)
        .size(1)
        .send()
        .await
        .expect("updated");
    assert_eq!(serde_json::to_value(&updated).unwrap(), resource_json());
}
