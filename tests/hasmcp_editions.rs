//! The two HasMCP editions, through the SDK and through raw requests against
//! `FakeHasMcp` started as each: resources and prompts under a provider (hosted, the
//! vendor's document) or at the top level (the open-source server), each family
//! `is_unsupported()` on the other edition; PATCH answers, the token list and revoke, and
//! server export and import per edition.

use mcp_admin::{
    hasmcp::{self, ServerExport},
    testing::{Edition, FakeHasMcp, RecordedRequest},
    Error, RetryPolicy,
};
use serde_json::{json, Value};

async fn fake(edition: Edition) -> FakeHasMcp {
    FakeHasMcp::builder().edition(edition).start().await
}

fn client(fake: &FakeHasMcp) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

/// What a raw request got back.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    allow: Option<String>,
    text: String,
}

/// Sends `verb /api/v1{path}` with the fake's token and `body` as JSON.
async fn raw(fake: &FakeHasMcp, verb: &str, path: &str, body: Option<Value>) -> Reply {
    #[cfg(feature = "rustls")]
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let verb = reqwest::Method::from_bytes(verb.as_bytes()).unwrap();
    let mut req = http
        .request(verb, format!("{}/api/v1{path}", fake.uri()))
        .bearer_auth(fake.token());
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (content_type, allow) = (header("content-type").unwrap_or_default(), header("allow"));
    Reply {
        status: res.status().as_u16(),
        content_type,
        allow,
        text: res.text().await.unwrap(),
    }
}

/// The method, path and JSON body of every request the fake received from `from` on.
async fn sent(fake: &FakeHasMcp, from: usize) -> Vec<(String, String, Option<Value>)> {
    fake.requests()
        .await
        .into_iter()
        .skip(from)
        .map(|r: RecordedRequest| {
            let body = r.body_json();
            (r.method, r.path, body)
        })
        .collect()
}

fn req(method: &str, path: &str, body: Option<Value>) -> (String, String, Option<Value>) {
    (method.to_owned(), format!("/api/v1{path}"), body)
}

fn unsupported(e: &Error, op: &str) {
    assert!(e.is_unsupported(), "{op}: {e:?}");
    assert!(!e.is_not_found() && !e.may_have_applied(), "{op}: {e:?}");
    assert!(e.to_string().starts_with(&format!("HasMCP {op}: ")), "{e}");
}

// ---------------------------------------------------------------- resources

#[tokio::test]
async fn hosted_provider_resources_work_end_to_end() {
    let fake = fake(Edition::Hosted).await;
    let hm = client(&fake);
    let provider = fake.seed_provider("GitHub");
    let server = fake.seed_server("Docs", "");

    let made = hm
        .create_provider_resource(&provider, "errorLogs")
        .uri("https://api.example.com/logs")
        .mime_type("text/plain")
        .size(2048)
        .send()
        .await
        .unwrap();
    assert_eq!(made.name.as_deref(), Some("errorLogs"));
    assert_eq!(made.size, Some(2048));
    let id = made.id.as_str().to_owned();
    assert_eq!(
        sent(&fake, 0).await,
        [req(
            "POST",
            &format!("/providers/{provider}/resources"),
            Some(json!({"resource": {"name": "errorLogs",
                "uri": "https://api.example.com/logs", "mimeType": "text/plain", "size": 2048}}))
        )]
    );

    let listed = hm.list_provider_resources(&provider).all().await.unwrap();
    assert_eq!(listed, std::slice::from_ref(&made));
    assert_eq!(
        hm.get_provider_resource(&provider, &id).await.unwrap(),
        made
    );

    let before = fake.requests().await.len();
    let updated = hm
        .update_provider_resource(&provider, &id)
        .description("Today's errors")
        .send()
        .await
        .unwrap();
    assert_eq!(updated.description.as_deref(), Some("Today's errors"));
    assert_eq!(updated.name.as_deref(), Some("errorLogs"));
    let item = format!("/providers/{provider}/resources/{id}");
    // The hosted PATCH answers 200 with the item: no read after it.
    assert_eq!(
        sent(&fake, before).await,
        [req(
            "PATCH",
            &item,
            Some(json!({"resource": {"description": "Today's errors"}}))
        )]
    );
    assert_eq!(fake.resource(&id).unwrap()["description"], "Today's errors");

    // The same record as every other resource: a server attaches it by id.
    hm.attach_resource(&server, &id).await.unwrap();
    assert_eq!(
        fake.server(&server).unwrap()["resources"],
        json!([{"id": id}])
    );

    hm.delete_provider_resource(&provider, &id).await.unwrap();
    assert!(fake.resource(&id).is_none());
    assert!(fake.server(&server).unwrap().get("resources").is_none());
    assert!(hm
        .list_provider_resources(&provider)
        .all()
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn the_hosted_resource_patch_answers_200_with_the_resource() {
    let fake = fake(Edition::Hosted).await;
    let provider = fake.seed_provider("GitHub");
    let id = fake.seed_provider_resource(&provider, "readme", "file:///README.md");
    let path = format!("/providers/{provider}/resources/{id}");
    let reply = raw(
        &fake,
        "PATCH",
        &path,
        Some(json!({"resource": {"size": 7}})),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text);
    let answer: Value = serde_json::from_str(&reply.text).unwrap();
    assert_eq!(answer["resource"]["id"], id.as_str());
    assert_eq!(answer["resource"]["size"], 7);
    // The prompt's PATCH stays a 204, as the vendor's document has it.
    let prompt = fake.seed_provider_prompt(&provider, "summarize");
    let path = format!("/providers/{provider}/prompts/{prompt}");
    let reply = raw(
        &fake,
        "PATCH",
        &path,
        Some(json!({"prompt": {"description": "d"}})),
    )
    .await;
    assert_eq!((reply.status, reply.text.as_str()), (204, ""));
}

#[tokio::test]
async fn hosted_items_belong_to_their_provider_and_go_with_it() {
    let fake = fake(Edition::Hosted).await;
    let hm = client(&fake);
    let (github, stripe) = (fake.seed_provider("GitHub"), fake.seed_provider("Stripe"));
    let resource = fake.seed_provider_resource(&github, "readme", "file:///README.md");
    let prompt = fake.seed_provider_prompt(&github, "summarize");
    let server = fake.seed_server("Docs", "");
    hm.attach_resource(&server, &resource).await.unwrap();
    hm.attach_prompt(&server, &prompt).await.unwrap();

    // Another provider has neither.
    assert!(hm
        .list_provider_resources(&stripe)
        .all()
        .await
        .unwrap()
        .is_empty());
    let e = hm
        .get_provider_resource(&stripe, &resource)
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    let e = hm
        .update_provider_prompt(&stripe, &prompt)
        .name("other")
        .send()
        .await
        .unwrap_err();
    assert!(e.is_not_found() && !e.may_have_applied(), "{e:?}");
    assert_eq!(fake.prompt(&prompt).unwrap()["name"], "summarize");
    hm.delete_provider_resource(&stripe, &resource)
        .await
        .unwrap();
    assert!(
        fake.resource(&resource).is_some(),
        "another provider's delete"
    );

    // Creating under an unknown provider is a 404; nothing is stored.
    let nobody = fake.new_id();
    let e = hm
        .create_provider_prompt(&nobody, "x")
        .messages([])
        .send()
        .await
        .unwrap_err();
    assert!(e.is_not_found(), "{e}");
    assert!(hm
        .list_provider_prompts(&nobody)
        .all()
        .await
        .unwrap()
        .is_empty());

    // Deleting the provider deletes its resources and prompts and their links.
    hm.delete_provider(&github).await.unwrap();
    assert!(fake.resource(&resource).is_none() && fake.prompt(&prompt).is_none());
    let server = fake.server(&server).unwrap();
    assert!(server.get("resources").is_none() && server.get("prompts").is_none());
}

#[tokio::test]
async fn open_source_top_level_resources_work_and_the_provider_family_is_unsupported() {
    let fake = fake(Edition::OpenSource).await;
    let hm = client(&fake);
    let provider = fake.seed_provider("GitHub");
    let made = hm
        .create_resource("readme")
        .uri("file:///README.md")
        .send()
        .await
        .unwrap();
    let id = made.id.as_str().to_owned();
    assert_eq!(
        hm.list_resources().all().await.unwrap(),
        std::slice::from_ref(&made)
    );
    let updated = hm.update_resource(&id).size(3).send().await.unwrap();
    assert_eq!(updated.size, Some(3));

    let before = fake.requests().await.len();
    unsupported(
        &hm.list_provider_resources(&provider)
            .all()
            .await
            .unwrap_err(),
        "hasmcp_list_provider_resources",
    );
    unsupported(
        &hm.get_provider_resource(&provider, &id).await.unwrap_err(),
        "hasmcp_get_provider_resource",
    );
    unsupported(
        &hm.create_provider_resource(&provider, "x")
            .uri("file:///x")
            .send()
            .await
            .unwrap_err(),
        "hasmcp_create_provider_resource",
    );
    unsupported(
        &hm.update_provider_resource(&provider, &id)
            .size(9)
            .send()
            .await
            .unwrap_err(),
        "hasmcp_update_provider_resource",
    );
    unsupported(
        &hm.delete_provider_resource(&provider, &id)
            .await
            .unwrap_err(),
        "hasmcp_delete_provider_resource",
    );
    // One request each (the update reads nothing back after the 405), and no change.
    let item = format!("/providers/{provider}/resources/{id}");
    let list = format!("/providers/{provider}/resources");
    let methods: Vec<(String, String)> = sent(&fake, before)
        .await
        .into_iter()
        .map(|(m, p, _)| (m, p))
        .collect();
    let want: Vec<(String, String)> = [
        ("GET", &list),
        ("GET", &item),
        ("POST", &list),
        ("PATCH", &item),
        ("DELETE", &item),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), format!("/api/v1{p}")))
    .collect();
    assert_eq!(methods, want);
    assert_eq!(hm.list_resources().all().await.unwrap(), [updated]);

    hm.delete_resource(&id).await.unwrap();
    assert!(fake.resource(&id).is_none());
}

#[tokio::test]
async fn hosted_top_level_resources_and_prompts_are_unsupported() {
    let fake = fake(Edition::Hosted).await;
    let hm = client(&fake);
    let provider = fake.seed_provider("GitHub");
    let resource = fake.seed_provider_resource(&provider, "readme", "file:///README.md");
    let prompt = fake.seed_provider_prompt(&provider, "summarize");

    unsupported(
        &hm.list_resources().all().await.unwrap_err(),
        "hasmcp_list_resources",
    );
    unsupported(
        &hm.get_resource(&resource).await.unwrap_err(),
        "hasmcp_get_resource",
    );
    unsupported(
        &hm.create_resource("x")
            .uri("file:///x")
            .send()
            .await
            .unwrap_err(),
        "hasmcp_create_resource",
    );
    unsupported(
        &hm.update_resource(&resource)
            .size(1)
            .send()
            .await
            .unwrap_err(),
        "hasmcp_update_resource",
    );
    unsupported(
        &hm.delete_resource(&resource).await.unwrap_err(),
        "hasmcp_delete_resource",
    );
    unsupported(
        &hm.list_prompts().all().await.unwrap_err(),
        "hasmcp_list_prompts",
    );
    unsupported(
        &hm.get_prompt(&prompt).await.unwrap_err(),
        "hasmcp_get_prompt",
    );
    unsupported(
        &hm.create_prompt("x").messages([]).send().await.unwrap_err(),
        "hasmcp_create_prompt",
    );
    unsupported(
        &hm.update_prompt(&prompt)
            .name("y")
            .send()
            .await
            .unwrap_err(),
        "hasmcp_update_prompt",
    );
    unsupported(
        &hm.delete_prompt(&prompt).await.unwrap_err(),
        "hasmcp_delete_prompt",
    );
    assert_eq!(fake.resource(&resource).unwrap()["name"], "readme");
    assert_eq!(fake.prompt(&prompt).unwrap()["name"], "summarize");
}

/// Through raw requests: the family an edition lacks is the web page for a `GET` and a
/// 405 for anything else, with the `Allow` of the catch-all.
#[tokio::test]
async fn each_edition_answers_the_other_family_as_a_missing_route() {
    let open = fake(Edition::OpenSource).await;
    let hosted = fake(Edition::Hosted).await;
    for (fake, paths) in [
        (
            &open,
            [
                "/providers/00000000001/resources",
                "/providers/00000000001/resources/00000000002",
                "/providers/00000000001/prompts",
                "/providers/00000000001/prompts/00000000002",
            ],
        ),
        (
            &hosted,
            [
                "/resources",
                "/resources/00000000002",
                "/prompts",
                "/prompts/00000000002",
            ],
        ),
    ] {
        for path in paths {
            let page = raw(fake, "GET", path, None).await;
            assert_eq!(page.status, 200, "{path}");
            assert!(page.content_type.starts_with("text/html"), "{path}");
            assert!(page.text.starts_with("<!doctype html>"), "{path}");
            for verb in ["POST", "PATCH", "DELETE"] {
                let reply = raw(fake, verb, path, Some(json!({}))).await;
                assert_eq!(
                    (reply.status, reply.allow.as_deref(), reply.text.as_str()),
                    (405, Some("GET, HEAD"), "Method Not Allowed"),
                    "{verb} {path}"
                );
            }
        }
    }
    assert!(open
        .requests()
        .await
        .iter()
        .all(|r| r.path.starts_with("/api/v1/")));
}

// ---------------------------------------------------------------- prompts

#[tokio::test]
async fn hosted_provider_prompts_work_end_to_end() {
    let fake = fake(Edition::Hosted).await;
    let hm = client(&fake);
    let provider = fake.seed_provider("GitHub");
    let messages = json!([{"role": "user", "content": {"type": "text", "text": "Hi"}}]);
    let made = hm
        .create_provider_prompt(&provider, "greeting")
        .messages([hasmcp::PromptMessage::user("Hi")])
        .description("Says hi")
        .send()
        .await
        .unwrap();
    let id = made.id.as_str().to_owned();
    assert_eq!(
        sent(&fake, 0).await,
        [req(
            "POST",
            &format!("/providers/{provider}/prompts"),
            Some(json!({"prompt": {"name": "greeting", "messages": messages,
                "description": "Says hi"}}))
        )]
    );
    assert_eq!(
        hm.list_provider_prompts(&provider).all().await.unwrap(),
        std::slice::from_ref(&made)
    );
    assert_eq!(hm.get_provider_prompt(&provider, &id).await.unwrap(), made);

    let before = fake.requests().await.len();
    let updated = hm
        .update_provider_prompt(&provider, &id)
        .name("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("hello"));
    let item = format!("/providers/{provider}/prompts/{id}");
    assert_eq!(
        sent(&fake, before).await,
        [
            req("PATCH", &item, Some(json!({"prompt": {"name": "hello"}}))),
            req("GET", &item, None),
        ]
    );

    hm.delete_provider_prompt(&provider, &id).await.unwrap();
    assert!(fake.prompt(&id).is_none());
}

#[tokio::test]
async fn open_source_top_level_prompts_work_and_the_provider_family_is_unsupported() {
    let fake = fake(Edition::OpenSource).await;
    let hm = client(&fake);
    let provider = fake.seed_provider("GitHub");
    let made = hm
        .create_prompt("greeting")
        .messages([])
        .send()
        .await
        .unwrap();
    let id = made.id.as_str().to_owned();
    let updated = hm.update_prompt(&id).name("hello").send().await.unwrap();
    assert_eq!(updated.name.as_deref(), Some("hello"));
    assert_eq!(
        hm.list_prompts().all().await.unwrap(),
        std::slice::from_ref(&updated)
    );

    unsupported(
        &hm.list_provider_prompts(&provider).all().await.unwrap_err(),
        "hasmcp_list_provider_prompts",
    );
    unsupported(
        &hm.get_provider_prompt(&provider, &id).await.unwrap_err(),
        "hasmcp_get_provider_prompt",
    );
    unsupported(
        &hm.create_provider_prompt(&provider, "x")
            .messages([])
            .send()
            .await
            .unwrap_err(),
        "hasmcp_create_provider_prompt",
    );
    unsupported(
        &hm.update_provider_prompt(&provider, &id)
            .name("y")
            .send()
            .await
            .unwrap_err(),
        "hasmcp_update_provider_prompt",
    );
    unsupported(
        &hm.delete_provider_prompt(&provider, &id).await.unwrap_err(),
        "hasmcp_delete_provider_prompt",
    );
    assert_eq!(hm.get_prompt(&id).await.unwrap(), updated);
}

#[tokio::test]
async fn a_bad_provider_id_is_refused_before_anything_is_sent() {
    let fake = fake(Edition::Hosted).await;
    let hm = client(&fake);
    let refused = [
        hm.list_provider_resources("no!").all().await.unwrap_err(),
        hm.create_provider_resource("no!", "x")
            .uri("file:///x")
            .send()
            .await
            .unwrap_err(),
        hm.update_provider_resource("no!", "00000000001")
            .size(1)
            .send()
            .await
            .unwrap_err(),
        hm.get_provider_prompt("no!", "00000000001")
            .await
            .unwrap_err(),
        hm.delete_provider_prompt("00000000001", "no!")
            .await
            .unwrap_err(),
    ];
    let ops = [
        ("hasmcp_list_provider_resources", "provider_id"),
        ("hasmcp_create_provider_resource", "provider_id"),
        ("hasmcp_update_provider_resource", "provider_id"),
        ("hasmcp_get_provider_prompt", "provider_id"),
        ("hasmcp_delete_provider_prompt", "prompt_id"),
    ];
    for (e, (op, field)) in refused.iter().zip(ops) {
        match e {
            Error::InvalidInput {
                operation,
                field: f,
                ..
            } => assert_eq!((*operation, *f), (op, field), "{e}"),
            other => panic!("{op}: {other:?}"),
        }
    }
    let body = hm
        .create_provider_resource("no!", "x")
        .uri("file:///x")
        .body()
        .unwrap_err();
    assert!(
        body.to_string()
            .starts_with("HasMCP hasmcp_create_provider_resource: "),
        "{body}"
    );
    assert!(fake.requests().await.is_empty());
}

// ---------------------------------------------------------------- PATCH answers, tokens

#[tokio::test]
async fn a_variable_patch_answers_per_edition_and_the_client_takes_both() {
    for (edition, status) in [(Edition::OpenSource, 204), (Edition::Hosted, 200)] {
        let fake = fake(edition).await;
        let id = fake.seed_variable("REGION", "SECRET", "eu-west-1");
        let reply = raw(
            &fake,
            "PATCH",
            &format!("/variables/{id}"),
            Some(json!({"variable": {"value": "us-east-1"}})),
        )
        .await;
        assert_eq!(reply.status, status, "{edition:?}");
        if edition == Edition::Hosted {
            let answer: Value = serde_json::from_str(&reply.text).unwrap();
            assert_eq!(
                answer,
                json!({"variable": {"id": id, "type": "SECRET", "name": "REGION", "value": "***"}})
            );
        } else {
            assert_eq!(reply.text, "");
        }
        client(&fake)
            .update_variable(&id)
            .value("ap-south-1")
            .send()
            .await
            .unwrap();
        assert_eq!(fake.variable_value(&id).as_deref(), Some("ap-south-1"));
    }
}

#[tokio::test]
async fn the_open_source_edition_has_no_token_list_and_no_revoke() {
    let fake = fake(Edition::OpenSource).await;
    let server = fake.seed_server("Docs", "");
    let hm = client(&fake);
    let page = raw(&fake, "GET", &format!("/servers/{server}/tokens"), None).await;
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    let revoke = raw(
        &fake,
        "DELETE",
        &format!("/servers/{server}/tokens/00000000001"),
        None,
    )
    .await;
    assert_eq!(
        (revoke.status, revoke.allow.as_deref()),
        (405, Some("GET, HEAD"))
    );
    unsupported(
        &hm.list_server_tokens(&server).all().await.unwrap_err(),
        "hasmcp_list_server_tokens",
    );
    unsupported(
        &hm.revoke_server_token(&server, "00000000001")
            .await
            .unwrap_err(),
        "hasmcp_revoke_server_token",
    );
    // Minting is there in both.
    let when = chrono::DateTime::<chrono::Utc>::from(
        std::time::SystemTime::now() + std::time::Duration::from_secs(3600),
    );
    hm.create_server_token(&server)
        .expires_at(when)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn the_default_edition_is_the_open_source_one() {
    assert_eq!(FakeHasMcp::start().await.edition(), Edition::OpenSource);
    let fake = FakeHasMcp::with_token("t").await;
    assert_eq!((fake.edition(), fake.token()), (Edition::OpenSource, "t"));
    assert_eq!(Edition::default(), Edition::OpenSource);
}

// ---------------------------------------------------------------- export and import

#[tokio::test]
async fn hosted_export_and_import_make_a_copy() {
    let fake = fake(Edition::Hosted).await;
    let hm = client(&fake);
    let provider = fake.seed_provider("GitHub");
    let tool = fake.seed_tool(&provider, "listRepos");
    let resource = fake.seed_provider_resource(&provider, "readme", "file:///README.md");
    let server = hm
        .create_server("Docs")
        .instructions("Read the docs")
        .providers([hasmcp::ProviderRef::new(provider.as_str()).tools([tool.as_str()])])
        .send()
        .await
        .unwrap();
    hm.attach_resource(&server.id, &resource).await.unwrap();

    let before = fake.requests().await.len();
    let doc = hm.export_server(&server.id).await.unwrap();
    assert_eq!(doc.as_object()["server"]["name"], "Docs");
    let copy = hm.import_server(doc.clone()).await.unwrap();
    assert_ne!(copy.id, server.id);
    assert_eq!(
        (copy.name.as_str(), copy.instructions_text(), copy.version),
        ("Docs", "Read the docs", Some(1))
    );
    assert_eq!(copy.resources.len(), 1);
    assert_eq!(copy.providers[0].tools[0].id.as_str(), tool);
    let sent = sent(&fake, before).await;
    assert_eq!(
        sent,
        [
            req("GET", &format!("/servers/{}/export", server.id), None),
            req(
                "POST",
                "/servers/import",
                Some(serde_json::to_value(&doc).unwrap())
            ),
        ]
    );

    // An unknown server is not found; a document the service cannot read is refused.
    let e = hm.export_server(fake.new_id()).await.unwrap_err();
    assert!(e.is_not_found(), "{e}");
    let empty = ServerExport::new(serde_json::Map::new());
    let e = hm.import_server(empty).await.unwrap_err();
    assert_eq!((e.status(), e.is_validation()), (Some(400), true), "{e}");
    let reply = raw(&fake, "POST", "/servers/import", Some(json!([1]))).await;
    assert_eq!(reply.status, 422);
}

#[tokio::test]
async fn the_open_source_edition_has_no_export_or_import() {
    let fake = fake(Edition::OpenSource).await;
    let hm = client(&fake);
    let server = fake.seed_server("Docs", "");
    unsupported(
        &hm.export_server(&server).await.unwrap_err(),
        "hasmcp_export_server",
    );
    let doc: ServerExport = serde_json::from_value(json!({"server": {"name": "Copy"}})).unwrap();
    unsupported(
        &hm.import_server(doc).await.unwrap_err(),
        "hasmcp_import_server",
    );
    let reply = raw(&fake, "POST", "/servers/import", Some(json!({}))).await;
    assert_eq!(
        (reply.status, reply.allow.as_deref()),
        (405, Some("GET, HEAD, DELETE, PATCH"))
    );
    assert_eq!(hm.list_servers().all().await.unwrap().len(), 1);
}
