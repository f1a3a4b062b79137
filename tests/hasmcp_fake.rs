//! The fake HasMCP over plain HTTP, for what the open-source edition does beyond
//! `GET`/`PATCH /servers/{id}`: the body limit and rate limiter in front of every
//! route, Go's decoding of repeated keys, a version at the end of the int32 range,
//! attachments in id order, `405` with `Allow`, and the lifecycle, link and token
//! routes with their exact statuses and bodies.

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use mcp_admin::{
    hasmcp,
    testing::{Edition, FakeHasMcp},
    Error, RetryPolicy,
};
use serde_json::{json, Value};

/// What a test looks at in an answer.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    text: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

thread_local! {
    /// One client per test thread: building one loads the system's certificates.
    static CLIENT: reqwest::Client = {
        #[cfg(feature = "rustls")]
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::Client::builder().no_proxy().build().unwrap()
    };
}

fn http() -> reqwest::Client {
    CLIENT.with(reqwest::Client::clone)
}

/// Sends `verb path` with `body`, with the fake's token when `auth`.
async fn call(
    fake: &FakeHasMcp,
    verb: &str,
    path: &str,
    body: Option<Vec<u8>>,
    auth: bool,
) -> Reply {
    let verb = reqwest::Method::from_bytes(verb.as_bytes()).unwrap();
    let mut req = http().request(verb, format!("{}{path}", fake.uri()));
    if auth {
        req = req.bearer_auth(fake.token());
    }
    if let Some(body) = body {
        req = req.header("content-type", "application/json").body(body);
    }
    let res = req.send().await.unwrap();
    Reply {
        status: res.status().as_u16(),
        headers: res.headers().clone(),
        text: res.text().await.unwrap(),
    }
}

async fn api(fake: &FakeHasMcp, verb: &str, path: &str, body: Option<Value>) -> Reply {
    let body = body.map(|b| b.to_string().into_bytes());
    call(fake, verb, &format!("/api/v1{path}"), body, true).await
}

fn client(fake: &FakeHasMcp) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn error(code: u16, message: &str, data: Value) -> Value {
    json!({"error": {"code": code, "message": message, "data": data}})
}

fn in_an_hour() -> String {
    let t = DateTime::<Utc>::from(SystemTime::now() + Duration::from_secs(3600));
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The int64 the service reports for an id in error data.
fn numeric(id: &str) -> i64 {
    id.chars().fold(0, |n, c| {
        let digit = match c {
            '0'..='9' => c as i64 - '0' as i64,
            'A'..='Z' => c as i64 - 'A' as i64 + 10,
            _ => c as i64 - 'a' as i64 + 36,
        };
        n * 62 + digit
    })
}

// ---------------------------------------------------------------- in front of every route

#[tokio::test]
async fn a_body_over_ten_million_bytes_is_413_before_authentication() {
    let fake = FakeHasMcp::start().await;
    let too_large = call(
        &fake,
        "POST",
        "/api/v1/servers",
        Some(vec![b' '; 10_000_001]),
        false,
    )
    .await;
    assert_eq!(too_large.status, 413);
    assert_eq!(
        too_large.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(
        too_large.text,
        r#"{"error": {"message":"max body size", "code":413}}"#
    );
    // At the limit the body is read, and then it does not decode.
    let at_limit = call(
        &fake,
        "POST",
        "/api/v1/servers",
        Some(vec![b' '; 10_000_000]),
        true,
    )
    .await;
    assert_eq!(at_limit.status, 422);
    assert_eq!(
        at_limit.json(),
        json!({"error": {"message": "invalid request payload", "code": 400}})
    );
}

#[tokio::test]
async fn the_rate_limit_counts_every_api_request_and_says_when_to_come_back() {
    let fake = FakeHasMcp::start().await;
    fake.set_rate_limit(2, Duration::from_secs(60));
    let first = call(&fake, "GET", "/api/v1/servers", None, true).await;
    assert_eq!(first.status, 200);
    assert_eq!(
        (
            first.header("x-ratelimit-limit"),
            first.header("x-ratelimit-remaining")
        ),
        (Some("2"), Some("1"))
    );
    let reset: u64 = first.header("x-ratelimit-reset").unwrap().parse().unwrap();
    assert!((59..=60).contains(&reset), "{reset}");
    // Unauthenticated requests count too: the limiter runs before authentication.
    let anonymous = call(&fake, "GET", "/api/v1/servers", None, false).await;
    assert_eq!(
        (anonymous.status, anonymous.header("x-ratelimit-remaining")),
        (401, Some("0"))
    );
    let limited = call(&fake, "GET", "/api/v1/servers", None, true).await;
    assert_eq!(limited.status, 429);
    assert_eq!(
        limited.text,
        r#"{"error": {"message":"ratelimited", "code":429}}"#
    );
    let wait: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((59..=60).contains(&wait), "{wait}");
    assert_eq!(limited.header("x-ratelimit-limit"), None);
    // Outside the API there is no limiter: the web page.
    assert_eq!(
        call(&fake, "GET", "/elsewhere", None, true).await.status,
        200
    );

    let err = client(&fake).list_servers().all().await.unwrap_err();
    assert!(err.is_rate_limited(), "{err}");
    assert_eq!(err.retry_after().map(|d| d.as_secs() >= 59), Some(true));
}

#[tokio::test]
async fn the_default_limit_is_a_thousand_requests_a_minute_and_can_be_turned_off() {
    let fake = FakeHasMcp::start().await;
    for n in 0..1000 {
        let reply = call(&fake, "GET", "/api/v1/servers", None, true).await;
        assert_eq!(reply.status, 200, "request {n}");
    }
    let limited = call(&fake, "GET", "/api/v1/servers", None, true).await;
    assert_eq!(limited.status, 429);
    fake.without_rate_limit();
    let free = call(&fake, "GET", "/api/v1/servers", None, true).await;
    assert_eq!((free.status, free.header("x-ratelimit-limit")), (200, None));
}

#[tokio::test]
async fn go_takes_the_last_of_repeated_keys_and_fails_on_any_wrong_type() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let patch = |body: &'static str| {
        let fake = &fake;
        let id = id.clone();
        async move {
            call(
                fake,
                "PATCH",
                &format!("/api/v1/servers/{id}"),
                Some(body.as_bytes().to_vec()),
                true,
            )
            .await
        }
    };
    let bad_name = patch(r#"{"server":{"name":"Good","NAME":"bad name!","version":1}}"#).await;
    assert_eq!(bad_name.status, 400);
    assert_eq!(
        bad_name.json(),
        error(
            400,
            "name must be `[a-zA-Z0-9]{1,16}",
            json!({"name": "bad name!"})
        )
    );
    let typed = patch(r#"{"server":{"name":"Good","version":"x","version":1}}"#).await;
    assert_eq!(typed.status, 422);
    assert_eq!(
        typed.json(),
        json!({"error": {"message": "invalid request payload", "code": 400}})
    );
    let null_keeps = patch(r#"{"server":{"name":"Good","version":1,"name":null}}"#).await;
    assert_eq!(null_keeps.status, 200);
    assert_eq!(null_keeps.json()["server"]["name"], "Good");
}

#[tokio::test]
async fn a_version_at_the_end_of_int32_goes_up_and_then_no_read_succeeds() {
    let fake = FakeHasMcp::start().await;
    let id = fake.insert_server(json!({"name": "Old", "version": 2_147_483_647}));
    let reason = "sql: Scan error on column index 6, name \"version\": converting driver.Value \
                  type int64 (\"2147483648\") to a int32: value out of range";
    let unreadable = error(
        500,
        "failed to get server",
        json!({"reason": reason, "serverID": numeric(&id)}),
    );
    let body = json!({"server": {"name": "New", "version": 2_147_483_647}});
    let patched = api(&fake, "PATCH", &format!("/servers/{id}"), Some(body)).await;
    assert_eq!((patched.status, patched.json()), (500, unreadable.clone()));
    // The write landed.
    let stored = fake.server(&id).unwrap();
    assert_eq!(
        (stored["name"].clone(), stored["version"].clone()),
        (json!("New"), json!(2_147_483_648i64))
    );
    let read = api(&fake, "GET", &format!("/servers/{id}"), None).await;
    assert_eq!((read.status, read.json()), (500, unreadable));
    let list = api(&fake, "GET", "/servers", None).await;
    assert_eq!(
        (list.status, list.json()),
        (
            500,
            error(500, "failed to list servers", json!({"reason": reason}))
        )
    );
    // Through the client: the server's own message.
    let err = client(&fake).get_server(&id).await.unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(
        err.to_string(),
        format!("HasMCP hasmcp_get_server: HTTP 500: failed to get server (reason: {reason})")
    );
}

#[tokio::test]
async fn attachments_come_back_in_id_order() {
    let fake = FakeHasMcp::start().await;
    let provider = fake.new_id();
    let mut tools: Vec<String> = (0..5).map(|_| fake.new_id()).collect();
    let mut resources: Vec<String> = (0..3).map(|_| fake.new_id()).collect();
    tools.sort_by(|a, b| b.cmp(a));
    resources.sort_by(|a, b| b.cmp(a));
    let id = fake.insert_server(json!({
        "name": "Docs",
        "providers": [{"id": provider, "tools": tools.iter().map(|t| json!({"id": t})).collect::<Vec<_>>()}],
        "resources": resources.iter().map(|r| json!({"id": r})).collect::<Vec<_>>(),
    }));
    tools.sort();
    resources.sort();
    let server = api(&fake, "GET", &format!("/servers/{id}"), None)
        .await
        .json();
    let listed: Vec<&str> = server["server"]["providers"][0]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, tools);
    let listed: Vec<&str> = server["server"]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, resources);
}

#[tokio::test]
async fn a_method_a_path_does_not_serve_is_405_with_allow() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    for (verb, path, allow) in [
        (
            "PUT",
            format!("/api/v1/servers/{id}"),
            "GET, HEAD, DELETE, PATCH",
        ),
        ("DELETE", "/api/v1/servers".to_owned(), "GET, HEAD, POST"),
        (
            "POST",
            format!("/api/v1/servers/{id}/tools/{id}"),
            "GET, HEAD, DELETE",
        ),
        ("POST", "/api/v1/nothing".to_owned(), "GET, HEAD"),
        ("DELETE", "/elsewhere".to_owned(), "GET, HEAD"),
    ] {
        let reply = call(&fake, verb, &path, None, true).await;
        assert_eq!(
            (reply.status, reply.text.as_str()),
            (405, "Method Not Allowed"),
            "{verb} {path}"
        );
        assert_eq!(reply.header("allow"), Some(allow), "{verb} {path}");
    }
    let get = call(&fake, "GET", "/api/v1/nothing", None, true).await;
    assert_eq!(get.status, 200);
    assert!(get.text.starts_with("<!doctype html>"), "{}", get.text);
}

// ---------------------------------------------------------------- lifecycle

#[tokio::test]
async fn servers_are_created_listed_without_resources_and_deleted_twice() {
    let fake = FakeHasMcp::start().await;
    assert_eq!(api(&fake, "GET", "/servers", None).await.text, "{}");
    let (provider, tool, resource) = (fake.new_id(), fake.new_id(), fake.new_id());
    let body = json!({"server": {
        "name": "Docs", "instructions": "Read", "version": 9, "requestHeadersProxyEnabled": true,
        "providers": [{"id": provider, "tools": [{"id": tool}]}], "resources": [{"id": resource}],
    }});
    let created = api(&fake, "POST", "/servers", Some(body)).await;
    assert_eq!(created.status, 201);
    let server = created.json()["server"].clone();
    let id = server["id"].as_str().unwrap().to_owned();
    assert_eq!(
        server,
        json!({
            "id": id, "createdAt": server["createdAt"], "updatedAt": server["createdAt"],
            "requestHeadersProxyEnabled": true, "name": "Docs", "instructions": "Read", "version": 1,
            "providers": [{"id": provider, "tools": [{"id": tool, "providerID": "00000000000"}]}],
            "resources": [{"id": resource}],
        })
    );
    let listed = api(&fake, "GET", "/servers", None).await.json();
    let mut expected = server.clone();
    expected.as_object_mut().unwrap().remove("resources");
    assert_eq!(listed, json!({"servers": [expected]}));

    let refused = api(
        &fake,
        "POST",
        "/servers",
        Some(json!({"server": {"name": "no spaces"}})),
    )
    .await;
    assert_eq!(
        (refused.status, refused.json()),
        (
            400,
            error(
                400,
                "name must be `[a-zA-Z0-9]{1,16}",
                json!({"name": "no spaces"})
            )
        )
    );

    for _ in 0..2 {
        let deleted = api(&fake, "DELETE", &format!("/servers/{id}"), None).await;
        assert_eq!((deleted.status, deleted.text.as_str()), (204, ""));
    }
    assert_eq!(
        api(&fake, "GET", &format!("/servers/{id}/resources"), None)
            .await
            .text,
        "{}"
    );
    assert!(fake.server(&id).is_none());
}

// ---------------------------------------------------------------- links

#[tokio::test]
async fn tool_links_have_their_own_statuses() {
    let fake = FakeHasMcp::start().await;
    let server = fake.seed_server("Docs", "");
    let provider = fake.seed_provider("GitHub");
    let tool = fake.seed_tool(&provider, "listRepos");
    let unknown = fake.new_id();
    let link = |t: &str| Some(json!({"tool": {"toolID": t}}));
    let path = format!("/servers/{server}/tools");
    let ids = |t: &str| json!({"serverID": numeric(&server), "toolID": numeric(t)});
    let with_reason = |reason: &str, t: &str| {
        let mut data = ids(t);
        data["reason"] = json!(reason);
        data
    };

    let made = api(&fake, "POST", &path, link(&tool)).await;
    assert_eq!(
        (made.status, made.json()),
        (
            201,
            json!({"tool": {"serverID": "00000000000", "providerID": "00000000000", "toolID": "00000000000"}})
        )
    );
    let again = api(&fake, "POST", &path, link(&tool)).await;
    assert_eq!(
        (again.status, again.json()),
        (
            409,
            error(
                409,
                "server tool already exists",
                with_reason("duplicated key not allowed", &tool)
            )
        )
    );
    let missing = api(&fake, "POST", &path, link(&unknown)).await;
    assert_eq!(
        (missing.status, missing.json()),
        (
            409,
            error(
                409,
                "tool does not exist",
                with_reason("record not found", &unknown)
            )
        )
    );
    let no_tool = api(&fake, "POST", &path, Some(json!({"tool": {}}))).await;
    assert_eq!(
        (no_tool.status, no_tool.json()),
        (
            500,
            error(
                500,
                "internal server error",
                json!({"reason": "tool ID must be greater than 0"})
            )
        )
    );
    let listed = api(&fake, "GET", &path, None).await.json();
    assert_eq!(
        listed,
        json!({"tools": [{"serverID": server, "providerID": provider, "toolID": tool}]})
    );

    let nobody = fake.new_id();
    let gone = api(
        &fake,
        "DELETE",
        &format!("/servers/{nobody}/tools/{tool}"),
        None,
    )
    .await;
    assert_eq!(gone.status, 404);
    for _ in 0..2 {
        let unlinked = api(&fake, "DELETE", &format!("{path}/{tool}"), None).await;
        assert_eq!(unlinked.status, 204);
    }
    assert_eq!(api(&fake, "GET", &path, None).await.text, "{}");
}

#[tokio::test]
async fn resource_and_prompt_links_answer_400_404_409_and_list_prompts_under_prompt() {
    let fake = FakeHasMcp::start().await;
    let server = fake.seed_server("Docs", "");
    let resource = fake.seed_resource("readme", "file:///README.md");
    let prompt = fake.seed_prompt("summarize");
    let unknown = fake.new_id();

    let path = format!("/servers/{server}/resources");
    let made = api(
        &fake,
        "POST",
        &path,
        Some(json!({"resource": {"resourceID": resource}})),
    )
    .await;
    assert_eq!(
        (made.status, made.json()),
        (
            201,
            json!({"resource": {"serverID": "00000000000", "resourceID": "00000000000"}})
        )
    );
    let again = api(
        &fake,
        "POST",
        &path,
        Some(json!({"resource": {"resourceID": resource}})),
    )
    .await;
    assert_eq!(
        again.json(),
        error(
            409,
            "server resource association already exists",
            json!({"serverID": numeric(&server), "resourceID": numeric(&resource)})
        )
    );
    let missing = api(
        &fake,
        "POST",
        &path,
        Some(json!({"resource": {"resourceID": unknown}})),
    )
    .await;
    assert_eq!(
        (missing.status, missing.json()),
        (
            404,
            error(
                404,
                "resource not found",
                json!({"resourceID": numeric(&unknown)})
            )
        )
    );
    let zero = api(&fake, "POST", &path, Some(json!({"resource": {}}))).await;
    assert_eq!(
        (zero.status, zero.json()),
        (
            400,
            json!({"error": {"code": 400, "message": "resource ID must be greater than 0"}})
        )
    );

    let path = format!("/servers/{server}/prompts");
    assert_eq!(api(&fake, "GET", &path, None).await.text, "{}");
    let made = api(
        &fake,
        "POST",
        &path,
        Some(json!({"prompt": {"promptID": prompt}})),
    )
    .await;
    assert_eq!(made.status, 201);
    let listed = api(&fake, "GET", &path, None).await.json();
    assert_eq!(
        listed,
        json!({"prompt": [{"serverID": server, "promptID": prompt}]})
    );
    let client_view = client(&fake)
        .list_server_prompts(&server)
        .all()
        .await
        .unwrap();
    assert_eq!(
        client_view[0].prompt_id.as_ref().map(|p| p.as_str()),
        Some(prompt.as_str())
    );
    // Unlinking checks no server.
    let nobody = fake.new_id();
    assert_eq!(
        api(
            &fake,
            "DELETE",
            &format!("/servers/{nobody}/prompts/{prompt}"),
            None
        )
        .await
        .status,
        204
    );
}

// ---------------------------------------------------------------- tokens

#[tokio::test]
async fn tokens_need_a_future_expiry_and_show_their_value_once() {
    let fake = FakeHasMcp::builder()
        .edition(Edition::Hosted) // the open-source server keeps no token list
        .start()
        .await;
    let server = fake.seed_server("Docs", "");
    let path = format!("/servers/{server}/tokens");
    let expires = in_an_hour();
    let made = api(
        &fake,
        "POST",
        &path,
        Some(json!({"token": {"expiresAt": expires, "name": "ci"}})),
    )
    .await;
    assert_eq!(made.status, 201);
    let token = made.json()["token"].clone();
    let id = token["id"].as_str().unwrap().to_owned();
    let value = token["value"].as_str().unwrap().to_owned();
    assert_eq!(value.split('.').count(), 3, "a JWT: {value}");
    assert!(
        value.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."),
        "{value}"
    );
    assert_eq!(
        token,
        json!({"id": id, "serverID": server, "expiresAt": expires,
               "scope": "session:create session:call session:delete session:stream", "value": value})
    );

    for (body, shown) in [
        (
            json!({"token": {"expiresAt": "2020-01-01T00:00:00Z"}}),
            "2020-01-01 00:00:00 +0000 UTC",
        ),
        (json!({"token": {}}), "0001-01-01 00:00:00 +0000 UTC"),
    ] {
        let refused = api(&fake, "POST", &path, Some(body)).await;
        assert_eq!(
            (refused.status, refused.json()),
            (
                400,
                error(
                    400,
                    &format!("expires at ({shown}) must be in the future"),
                    json!({"serverID": numeric(&server)})
                )
            )
        );
    }

    let listed = api(&fake, "GET", &path, None).await.json();
    let listed = &listed["tokens"][0];
    assert_eq!(
        (listed["id"].as_str(), listed["name"].as_str()),
        (Some(id.as_str()), Some("ci"))
    );
    assert!(listed.get("value").is_none() && listed.get("createdAt").is_some());
    assert_eq!(
        api(&fake, "DELETE", &format!("{path}/{id}"), None)
            .await
            .status,
        204
    );
    assert_eq!(api(&fake, "GET", &path, None).await.text, "{}");
    let nobody = fake.new_id();
    let unknown = api(
        &fake,
        "POST",
        &format!("/servers/{nobody}/tokens"),
        Some(json!({"token": {"expiresAt": expires}})),
    )
    .await;
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn the_clients_token_value_is_the_one_the_fake_minted_and_debug_hides_it() {
    let fake = FakeHasMcp::builder()
        .edition(Edition::Hosted) // the open-source server keeps no token list
        .start()
        .await;
    let server = fake.seed_server("Docs", "");
    let hm = client(&fake);
    let when = DateTime::<Utc>::from(SystemTime::now() + Duration::from_secs(600));
    let token = hm
        .create_server_token(&server)
        .expires_at(when)
        .name("ci")
        .send()
        .await
        .unwrap();
    let value = token.value.as_ref().unwrap().expose().clone();
    let debug = format!(
        "{token:?} {:?}",
        hm.list_server_tokens(&server).all().await.unwrap()
    );
    assert!(!debug.contains(&value), "{debug}");
    let err = hm
        .create_server_token(fake.new_id())
        .expires_at(when)
        .send()
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    assert!(matches!(err, Error::Api(_)));
}

/// H3 and M2: a schema keyword of the wrong JSON type fails the schema compiler (400);
/// a `null` schema compiles and is stored. Through raw requests and the client.
#[tokio::test]
async fn tool_schemas_are_compiled_like_the_service_compiles_them() {
    let fake = FakeHasMcp::start().await;
    let provider = fake.seed_provider("Stripe");
    let tools = format!("/api/v1/providers/{provider}/tools");
    let post = |n: usize, schema: Value| {
        let body = json!({"tool": {"method": "GET", "path": format!("/v1/t{n}"), "pathArgsJSONSchema": schema}});
        call(
            &fake,
            "POST",
            &tools,
            Some(body.to_string().into_bytes()),
            true,
        )
    };
    for (n, bad) in [
        json!({"type": 5}),
        json!({"required": "x"}),
        json!({"properties": {"a": {"minLength": "1"}}}),
        json!({"allOf": {"type": "string"}}),
        json!([1]),
    ]
    .into_iter()
    .enumerate()
    {
        let reply = post(n, bad.clone()).await;
        assert_eq!(reply.status, 400, "{bad}: {}", reply.text);
        let body: Value = serde_json::from_str(&reply.text).unwrap();
        assert_eq!(
            body["error"]["message"], "invalid path arguments JSON schema for provider tool",
            "{bad}"
        );
    }
    let null = post(10, Value::Null).await;
    assert_eq!(null.status, 201, "{}", null.text);
    let body: Value = serde_json::from_str(&null.text).unwrap();
    assert_eq!(body["tool"]["pathArgsJSONSchema"], Value::Null);
    let fine = post(
        11,
        json!({"type": ["string", "null"], "required": ["a"], "properties": {"a": true}}),
    )
    .await;
    assert_eq!(fine.status, 201, "{}", fine.text);

    let e = client(&fake)
        .create_provider_tool(&provider, hasmcp::ToolMethod::Get, "/v1/typo")
        .path_args_json_schema(json!({"type": 5}))
        .send()
        .await
        .unwrap_err();
    assert_eq!((e.status(), e.is_validation()), (Some(400), true), "{e}");
}

/// H4: the token request view declares `name` a string: another type does not decode.
#[tokio::test]
async fn a_token_name_that_is_not_a_string_is_a_422() {
    let fake = FakeHasMcp::start().await;
    let server = fake.seed_server("Docs", "");
    let path = format!("/api/v1/servers/{server}/tokens");
    for (name, status) in [(json!(5), 422), (json!(["ci"]), 422), (json!("ci"), 201)] {
        let body = json!({"token": {"expiresAt": "2099-01-01T00:00:00Z", "name": name}});
        let reply = call(
            &fake,
            "POST",
            &path,
            Some(body.to_string().into_bytes()),
            true,
        )
        .await;
        assert_eq!(reply.status, status, "{name}: {}", reply.text);
    }
}

/// L5 and L6: a provider PATCH of an id that reads as −1 is the service's plain
/// "invalid provider ID"; a duplicate tool's reason is what the SQLite dialect says.
#[tokio::test]
async fn provider_id_minus_one_and_duplicate_tools_answer_as_the_service() {
    let fake = FakeHasMcp::start().await;
    let body = json!({"provider": {"name": "Other"}})
        .to_string()
        .into_bytes();
    let reply = call(
        &fake,
        "PATCH",
        "/api/v1/providers/zzzzzzzzzzz",
        Some(body),
        true,
    )
    .await;
    let answer: Value = serde_json::from_str(&reply.text).unwrap();
    assert_eq!(reply.status, 500, "{}", reply.text);
    assert_eq!(answer["error"]["data"]["reason"], "invalid provider ID");
    let provider = fake.seed_provider("Stripe");
    let tools = format!("/api/v1/providers/{provider}/tools");
    let tool = json!({"tool": {"method": "GET", "path": "/v1/a"}})
        .to_string()
        .into_bytes();
    let first = call(&fake, "POST", &tools, Some(tool.clone()), true).await;
    assert_eq!(first.status, 201, "{}", first.text);
    let again = call(&fake, "POST", &tools, Some(tool), true).await;
    let answer: Value = serde_json::from_str(&again.text).unwrap();
    assert_eq!(again.status, 500);
    assert_eq!(
        answer["error"]["data"]["reason"],
        "duplicated key not allowed"
    );
}

// ---------------------------------------------------------------- fidelity, round 3

/// A create body whose unknown key `x` nests `levels` levels deep, counting the body's
/// own object.
fn nested_body(levels: usize) -> Vec<u8> {
    let mut body = br#"{"server": {"name": "Deep", "x": "#.to_vec();
    body.extend(std::iter::repeat_n(b'[', levels - 2));
    body.extend(std::iter::repeat_n(b']', levels - 2));
    body.extend_from_slice(b"}}");
    body
}

/// G5a: Go's decoder takes nesting to 10,000 levels and skips unknown members without
/// reading their numbers; deeper is the 422 of a body that does not decode, and even a
/// body far deeper than any stack is answered, not a crash.
#[tokio::test]
async fn bodies_nest_to_ten_thousand_levels_and_unknown_numbers_are_not_read() {
    let fake = FakeHasMcp::start().await;
    let post = |body: Vec<u8>| call(&fake, "POST", "/api/v1/servers", Some(body), true);
    let deep = post(nested_body(10_000)).await;
    assert_eq!(deep.status, 201, "{}", deep.text);
    assert_eq!(deep.json()["server"]["name"], "Deep");
    let undecodable = json!({"error": {"message": "invalid request payload", "code": 400}});
    for levels in [10_001, 1_000_000] {
        let too_deep = post(nested_body(levels)).await;
        assert_eq!(
            (too_deep.status, too_deep.json()),
            (422, undecodable.clone())
        );
    }
    let huge = br#"{"server": {"name": "Huge", "x": 1e400, "y": [-1e400, {"z": 1e999999}]}}"#;
    let created = post(huge.to_vec()).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert_eq!(created.json()["server"]["name"], "Huge");
    // A known field is still typed: a number out of its range fails the body.
    let known = post(br#"{"server": {"name": "Huge", "version": 1e400}}"#.to_vec()).await;
    assert_eq!(known.status, 422, "{}", known.text);
    assert_eq!(api(&fake, "GET", "/servers", None).await.status, 200);
}

/// M1: a provider's tools come as SQLite returns them through the unique index: by
/// the method's number (GET 1 … PATCH 5, DELETE 6), then by path, in both reads and
/// through the client.
#[tokio::test]
async fn provider_tools_come_in_the_order_of_the_databases_index() {
    let fake = FakeHasMcp::start().await;
    let provider = fake.seed_provider("Stripe");
    let tools = format!("/providers/{provider}/tools");
    let mut made = Vec::new();
    for (method, path) in [
        ("POST", "/b"),
        ("GET", "/z"),
        ("DELETE", "/a"),
        ("GET", "/a"),
        ("PATCH", "/a"),
        ("GET", "/B"),
        ("HEAD", "/a"),
    ] {
        let body = json!({"tool": {"method": method, "path": path}});
        let reply = api(&fake, "POST", &tools, Some(body)).await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        made.push((
            reply.json()["tool"]["id"].as_str().unwrap().to_owned(),
            method,
            path,
        ));
    }
    let expected = [
        ("GET", "/B"),
        ("GET", "/a"),
        ("GET", "/z"),
        ("HEAD", "/a"),
        ("POST", "/b"),
        ("PATCH", "/a"),
        ("DELETE", "/a"),
    ];
    made.sort();
    let by_id: Vec<(&str, &str)> = made.iter().map(|(_, m, p)| (*m, *p)).collect();
    assert_ne!(
        by_id, expected,
        "the test needs ids out of the index's order"
    );
    let order = |tools: &Value| -> Vec<(String, String)> {
        tools
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["method"].as_str().unwrap().to_owned(),
                    t["path"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    let listed = api(&fake, "GET", &tools, None).await.json();
    assert_eq!(order(&listed["tools"]), expected);
    let read = api(&fake, "GET", &format!("/providers/{provider}"), None)
        .await
        .json();
    assert_eq!(order(&read["provider"]["tools"]), expected);

    let hm = client(&fake);
    let sdk = |tools: Vec<hasmcp::Tool>| -> Vec<(String, String)> {
        tools
            .iter()
            .map(|t| {
                let method = serde_json::to_value(t.method.as_ref().unwrap()).unwrap();
                (method.as_str().unwrap().to_owned(), t.path.clone().unwrap())
            })
            .collect()
    };
    let listed = hm.list_provider_tools(&provider).all().await.unwrap();
    assert_eq!(sdk(listed), expected);
    assert_eq!(
        sdk(hm.get_provider(&provider).await.unwrap().tools),
        expected
    );
}

/// L1: the create answer is built from the request, attachments in the order sent and
/// repeats kept; the stored rows are each kept once, so a read shows them once, in
/// id order. Through raw requests and the client.
#[tokio::test]
async fn a_create_answers_attachments_as_sent_and_stores_them_once() {
    let fake = FakeHasMcp::start().await;
    let mut ids: Vec<String> = (0..5).map(|_| fake.new_id()).collect();
    ids.sort();
    let [provider, t1, t2, r1, r2] = [0, 1, 2, 3, 4].map(|i| ids[i].clone());
    let body = json!({"server": {
        "name": "Docs",
        "providers": [{"id": provider, "tools": [{"id": t2}, {"id": t1}, {"id": t2}]}],
        "resources": [{"id": r2}, {"id": r1}, {"id": r2}],
        "prompts": [{"id": r1}, {"id": r1}],
    }});
    let created = api(&fake, "POST", "/servers", Some(body)).await;
    assert_eq!(created.status, 201, "{}", created.text);
    let server = created.json()["server"].clone();
    let zero = "00000000000";
    assert_eq!(
        server["providers"],
        json!([{"id": provider, "tools": [
            {"id": t2, "providerID": zero}, {"id": t1, "providerID": zero}, {"id": t2, "providerID": zero}
        ]}])
    );
    assert_eq!(
        server["resources"],
        json!([{"id": r2}, {"id": r1}, {"id": r2}])
    );
    assert_eq!(server["prompts"], json!([{"id": r1}, {"id": r1}]));
    let id = server["id"].as_str().unwrap();
    let read = api(&fake, "GET", &format!("/servers/{id}"), None)
        .await
        .json();
    assert_eq!(
        read["server"]["providers"],
        json!([{"id": provider, "tools": [{"id": t1, "providerID": zero}, {"id": t2, "providerID": zero}]}])
    );
    assert_eq!(read["server"]["resources"], json!([{"id": r1}, {"id": r2}]));
    assert_eq!(read["server"]["prompts"], json!([{"id": r1}]));

    let made = client(&fake)
        .create_server("Docs2")
        .resources([r2.as_str(), r1.as_str(), r2.as_str()])
        .send()
        .await
        .unwrap();
    let ids: Vec<&str> = made.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [r2.as_str(), r1.as_str(), r2.as_str()]);
    let stored = fake.server(made.id.as_str()).unwrap();
    assert_eq!(stored["resources"], json!([{"id": r1}, {"id": r2}]));
}

/// L2: the token's `expiresAt` is Go's RFC 3339 again: the offset sent, no fraction.
#[tokio::test]
async fn a_tokens_expiry_keeps_its_offset_and_drops_its_fraction() {
    let fake = FakeHasMcp::start().await;
    let server = fake.seed_server("Docs", "");
    let path = format!("/servers/{server}/tokens");
    for (sent, echoed) in [
        ("2099-01-01T10:00:00.5+02:00", "2099-01-01T10:00:00+02:00"),
        ("2099-01-01T10:00:00.999Z", "2099-01-01T10:00:00Z"),
        ("2099-01-01T10:00:00+00:00", "2099-01-01T10:00:00Z"),
    ] {
        let body = json!({"token": {"expiresAt": sent}});
        let made = api(&fake, "POST", &path, Some(body)).await;
        assert_eq!(made.status, 201, "{}", made.text);
        assert_eq!(made.json()["token"]["expiresAt"], echoed, "{sent}");
    }
    // Go's RFC 3339 wants an upper-case `T`: anything else is the zero time.
    let body = json!({"token": {"expiresAt": "2099-01-01t10:00:00Z"}});
    let refused = api(&fake, "POST", &path, Some(body)).await;
    assert_eq!(
        (refused.status, refused.json()["error"]["message"].as_str()),
        (
            400,
            Some("expires at (0001-01-01 00:00:00 +0000 UTC) must be in the future")
        )
    );

    let when = DateTime::parse_from_rfc3339("2099-01-01T08:00:00.5Z")
        .unwrap()
        .to_utc();
    let token = client(&fake)
        .create_server_token(&server)
        .expires_at(when)
        .send()
        .await
        .unwrap();
    assert_eq!(
        token.expires_at,
        Some(
            DateTime::parse_from_rfc3339("2099-01-01T08:00:00Z")
                .unwrap()
                .to_utc()
        )
    );
}

/// L4: a PATCH of an unknown provider fails at the read after the update, and its
/// `data` shows the columns the update would have set (without the OAuth2 client).
#[tokio::test]
async fn a_provider_patch_of_an_unknown_id_shows_the_attributes_it_tried() {
    let fake = FakeHasMcp::start().await;
    let nobody = fake.new_id();
    let body = json!({"provider": {
        "name": "Other",
        "documentURL": "https://docs.example.com",
        "oauth2Config": {"clientID": "c", "clientSecret": "s",
                         "authURL": "https://a.example.com", "tokenURL": "https://t.example.com"},
    }});
    let reply = api(&fake, "PATCH", &format!("/providers/{nobody}"), Some(body)).await;
    assert_eq!(
        (reply.status, reply.json()),
        (
            500,
            error(
                500,
                "failed to get provider",
                json!({"attrs": {"name": "Other", "document_url": "https://docs.example.com"},
                       "providerID": numeric(&nobody), "reason": "record not found"})
            )
        )
    );
    let err = client(&fake)
        .update_provider(&nobody)
        .name("Other")
        .send()
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (api.status, api.data.clone()),
        (
            500,
            Some(
                json!({"attrs": {"name": "Other"}, "providerID": numeric(&nobody),
                        "reason": "record not found"})
            )
        )
    );
}

/// G5b: `oauth2Config` is a pointer in the service's request type, so a later `null`
/// drops an object sent before it.
#[tokio::test]
async fn a_null_after_an_oauth2_config_drops_it() {
    let fake = FakeHasMcp::start().await;
    let body = br#"{"provider": {"apiType": "REST", "visibilityType": "INTERNAL",
        "baseURL": "https://api.example.com", "name": "Api", "description": "An API",
        "oauth2Config": {"clientID": "c", "clientSecret": "s",
                         "authURL": "https://a.example.com", "tokenURL": "https://t.example.com"},
        "oauth2Config": null}}"#;
    let created = call(
        &fake,
        "POST",
        "/api/v1/providers",
        Some(body.to_vec()),
        true,
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let provider = created.json()["provider"].clone();
    assert!(provider.get("oauth2Config").is_none(), "{provider}");
    let id = provider["id"].as_str().unwrap();
    assert!(fake.provider(id).unwrap().get("oauth2Config").is_none());
}

/// G7b: the router's corners: every trailing slash stripped, the API's middleware on
/// the prefix (`/api/v1foo` needs the token), a method the framework does not know is
/// a 400 before anything else, and `OPTIONS` passes authentication (a 405) or is a
/// CORS preflight (a 204).
#[tokio::test]
async fn routing_corners_answer_as_the_framework_does() {
    let fake = FakeHasMcp::start().await;
    let id = fake.seed_server("Docs", "");
    let slashes = call(&fake, "GET", &format!("/api/v1/servers/{id}//"), None, true).await;
    assert_eq!(slashes.status, 200, "{}", slashes.text);
    assert_eq!(slashes.json()["server"]["id"], id.as_str());

    let prefix = call(&fake, "GET", "/api/v1foo", None, false).await;
    assert_eq!(
        (prefix.status, prefix.text.as_str()),
        (
            401,
            r#"{"error": {"message":"authentication failed", "code":401}}"#
        )
    );
    let page = call(&fake, "GET", "/api/v1foo", None, true).await;
    assert_eq!(
        (page.status, page.header("content-type")),
        (200, Some("text/html; charset=utf-8"))
    );

    for (path, auth) in [
        ("/api/v1/servers", true),
        ("/api/v1/servers", false),
        ("/", false),
    ] {
        let odd = call(&fake, "FOO", path, None, auth).await;
        assert_eq!(
            (odd.status, odd.text.as_str(), odd.header("content-type")),
            (
                400,
                "Invalid http method",
                Some("text/plain; charset=utf-8")
            ),
            "{path}"
        );
    }

    let options = call(&fake, "OPTIONS", "/api/v1/servers", None, false).await;
    assert_eq!(
        (options.status, options.header("allow")),
        (405, Some("GET, HEAD, POST"))
    );
    assert!(options.header("x-ratelimit-limit").is_some());
    let preflight = http()
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/api/v1/servers/{id}", fake.uri()),
        )
        .header("origin", "http://localhost:3000")
        .header("access-control-request-method", "PATCH")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 204);
    assert!(preflight.headers().get("x-ratelimit-limit").is_none());
    assert!(fake.requests().await.iter().all(|r| r.method != "PATCH"));
}

/// G2: answers are written as Go's `json.Marshal` writes them, with `<`, `>`, `&`,
/// U+2028 and U+2029 escaped, in bodies and in error data alike.
#[tokio::test]
async fn answers_escape_html_characters_as_go_does() {
    let fake = FakeHasMcp::start().await;
    let text = "<b>&</b>\u{2028}\u{2029}";
    let body = json!({"server": {"name": "Docs", "instructions": text}});
    let created = api(&fake, "POST", "/servers", Some(body)).await;
    assert_eq!(created.status, 201, "{}", created.text);
    assert!(
        created
            .text
            .contains(r#""instructions":"\u003cb\u003e\u0026\u003c/b\u003e\u2028\u2029""#),
        "{}",
        created.text
    );
    assert_eq!(created.json()["server"]["instructions"], text);
    let refused = api(
        &fake,
        "POST",
        "/servers",
        Some(json!({"server": {"name": "<x>"}})),
    )
    .await;
    assert_eq!(refused.status, 400);
    assert!(
        refused.text.contains(r#""name":"\u003cx\u003e""#),
        "{}",
        refused.text
    );

    let made = client(&fake)
        .create_server("Docs2")
        .instructions(text)
        .send()
        .await
        .unwrap();
    assert_eq!(made.instructions.as_deref(), Some(text));
}

/// G3: the framework names the service in a `Server` header on every answer,
/// refusals and injected faults included.
#[tokio::test]
async fn every_answer_names_the_server() {
    let fake = FakeHasMcp::start().await;
    fake.inject(mcp_admin::testing::Fault::Unavailable, 1);
    let faulted = call(&fake, "GET", "/api/v1/servers", None, true).await;
    let answers = [
        faulted,
        call(&fake, "GET", "/api/v1/servers", None, true).await,
        call(&fake, "GET", "/api/v1/servers", None, false).await,
        call(&fake, "POST", "/api/v1/servers", Some(b"{".to_vec()), true).await,
        call(&fake, "FOO", "/", None, false).await,
        call(&fake, "GET", "/", None, false).await,
    ];
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [503, 200, 401, 422, 400, 200]);
    for answer in &answers {
        assert_eq!(
            answer.header("server"),
            Some("hasmcp-ce v0.2.2"),
            "{answer:?}"
        );
    }
}
