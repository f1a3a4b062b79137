//! A GetMCP server's tools, resources and prompts: the exact request of every list, get,
//! create, update and delete (wiremock), the inputs refused before sending, the answers
//! refused for being about another item or server, secrets kept out of `Debug`, and the
//! same operations against the fake.

mod getmcp_support;

use getmcp_support::{
    answering, assert_request, client, decode_reason, fake_client, invalid_field, only_request,
    silent, uuid_ref, SERVERS, TOOL_UUID, UUID,
};
use mcp_admin::{
    getmcp::{
        DataSourceType, HttpMethod, ParameterMapping, ParameterTarget, PromptArgument,
        RetryBackoff, Tool, ToolRef, ToolStatus,
    },
    testing::FakeGetMcp,
    Patch,
};
use serde_json::{json, Value};

fn tools_path() -> String {
    format!("{SERVERS}/{UUID}/tools")
}

/// A tool of server 3 (the documented UUID) as the create page shows it.
fn tool_json() -> Value {
    json!({
        "id": 5, "uuid": TOOL_UUID, "server_id": 3, "server_uuid": UUID,
        "name": "create_customer", "http_method": "POST",
        "endpoint_url": "https://api.stripe.com/v1/customers",
        "headers": {"Authorization": "Bearer sk_live_SECRET"},
        "parameter_mapping": {"email": {"target": "body", "key": "email"}},
        "retry_count": 2, "retry_backoff": "exponential", "status": "active",
        "created_at": "2025-03-18T10:00:00", "updated_at": "2025-03-18T10:00:00Z"
    })
}

// ---------------------------------------------------------------- tools: the wire

#[tokio::test]
async fn list_tools_sends_the_status_and_paging_and_reads_the_total() {
    let mock = answering(200, Some(json!([tool_json()])), &[("X-WP-Total", "51")]).await;
    let page = client(&mock)
        .list_tools(uuid_ref())
        .status(ToolStatus::Paused)
        .per_page(50)
        .page(1)
        .send()
        .await
        .expect("200");
    assert_eq!(page.items.len(), 1);
    assert_eq!((page.total, page.total_pages), (Some(51), None));
    // No X-WP-TotalPages: 50 of 51 read, so there is a page 2.
    assert_eq!(page.next_page(), Some(2));
    assert_request(
        &only_request(&mock).await,
        "GET",
        &tools_path(),
        &[("status", "paused"), ("per_page", "50"), ("page", "1")],
        None,
    );
}

#[tokio::test]
async fn a_listed_tool_of_another_server_is_refused() {
    let mut other = tool_json();
    other["server_id"] = json!(9);
    other["server_uuid"] = json!("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    let mock = answering(200, Some(json!([other])), &[("X-WP-Total", "1")]).await;
    let e = client(&mock)
        .list_tools(uuid_ref())
        .all()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_list_tools",
            200,
            format!(
                "asked for a tool of server {UUID}, the answer's belongs to server 9 \
                 (f47ac10b-58cc-4372-a567-0e02b2c3d479)"
            )
        )
    );
}

#[tokio::test]
async fn get_tool_reads_the_documented_shape_and_checks_the_ids() {
    let mock = answering(200, Some(tool_json()), &[]).await;
    let tool_ref: ToolRef = TOOL_UUID.parse().expect("a UUID");
    let tool = client(&mock)
        .get_tool(uuid_ref(), tool_ref)
        .await
        .expect("200");
    assert_eq!(tool.http_method, Some(HttpMethod::Post));
    assert_eq!(tool.retry_backoff, Some(RetryBackoff::Exponential));
    assert_eq!(
        tool.parameter_mapping["email"],
        ParameterMapping::new(ParameterTarget::Body).key("email")
    );
    assert_eq!(tool.created_at, tool.updated_at, "with or without Z: UTC");
    assert_eq!(
        tool.headers["Authorization"].expose(),
        "Bearer sk_live_SECRET"
    );
    let shown = format!("{tool:?}");
    assert!(!shown.contains("SECRET"), "{shown}");
    assert!(
        shown.contains(r#"headers: {"Authorization": "[redacted]"}"#),
        "{shown}"
    );
    assert_request(
        &only_request(&mock).await,
        "GET",
        &format!("{}/{TOOL_UUID}", tools_path()),
        &[],
        None,
    );

    // Asked for tool 6, answered tool 5.
    let mock = answering(200, Some(tool_json()), &[]).await;
    let e = client(&mock).get_tool(3u64, 6u64).await.unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_get_tool",
            200,
            format!("asked for tool 6, the answer is tool 5 ({TOOL_UUID})")
        )
    );
}

#[tokio::test]
async fn create_tool_sends_every_field_set() {
    for status in [200, 201] {
        let mock = answering(status, Some(tool_json()), &[]).await;
        let tool = client(&mock)
            .create_tool(uuid_ref(), "create_customer")
            .description("Create a customer")
            .endpoint_url("https://api.stripe.com/v1/customers/{id}")
            .http_method(HttpMethod::Post)
            .input_schema(json!({"type": "object", "properties": {"email": {"type": "string"}}}))
            .parameter("email", ParameterMapping::new(ParameterTarget::Body))
            .parameter("id", ParameterMapping::new(ParameterTarget::Path))
            .header("Authorization", "Bearer sk_live_SECRET")
            .header("Stripe-Version", "2024-06-20")
            .cache_ttl(0)
            .timeout(15)
            .retry_count(5)
            .retry_backoff(RetryBackoff::Linear)
            .status(ToolStatus::Active)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{status}: {e}"));
        assert_eq!(tool.id, 5);
        assert_request(
            &only_request(&mock).await,
            "POST",
            &tools_path(),
            &[],
            Some(json!({
                "name": "create_customer",
                "description": "Create a customer",
                "endpoint_url": "https://api.stripe.com/v1/customers/{id}",
                "http_method": "POST",
                "input_schema": {"type": "object", "properties": {"email": {"type": "string"}}},
                "parameter_mapping": {"email": {"target": "body"}, "id": {"target": "path"}},
                "headers": {"Authorization": "Bearer sk_live_SECRET", "Stripe-Version": "2024-06-20"},
                "cache_ttl": 0,
                "timeout": 15,
                "retry_count": 5,
                "retry_backoff": "linear",
                "status": "active"
            })),
        );
    }
}

#[tokio::test]
async fn tool_writes_refuse_bad_input_before_sending() {
    let mock = silent().await;
    let gm = client(&mock);
    let cases = [
        (gm.update_tool(3u64, 5u64).retry_count(6), "retry_count"),
        (gm.update_tool(3u64, 5u64).name(""), "name"),
        (
            gm.update_tool(3u64, 5u64).endpoint_url("api.example.com/x"),
            "endpoint_url",
        ),
        (
            gm.update_tool(3u64, 5u64).input_schema(json!([])),
            "input_schema",
        ),
        (
            gm.update_tool(3u64, 5u64)
                .input_schema(json!({"type": "string"})),
            "input_schema",
        ),
        (
            gm.update_tool(3u64, 5u64).header("Bad Name", "v"),
            "headers",
        ),
        (
            gm.update_tool(3u64, 5u64).header("X-Key", "a\nb"),
            "headers",
        ),
        (
            gm.update_tool(3u64, 5u64)
                .parameter(" ", ParameterMapping::new(ParameterTarget::Query)),
            "parameter_mapping",
        ),
        (gm.update_tool(3u64, 5u64), "update"),
    ];
    for (write, field) in cases {
        assert_eq!(invalid_field(write.send().await.unwrap_err()), field);
    }
    let e = gm
        .create_tool(3u64, "x")
        .set_name(None)
        .send()
        .await
        .unwrap_err();
    assert_eq!(invalid_field(e), "name");
    let e = "get_weather".parse::<ToolRef>().unwrap_err();
    assert_eq!(invalid_field(e), "tool");
    // A refused header value never shows in the error.
    let e = gm
        .update_tool(3u64, 5u64)
        .header("X-Key", "SECRET\r\n")
        .send()
        .await
        .unwrap_err();
    assert!(!e.to_string().contains("SECRET"), "{e}");
}

#[tokio::test]
async fn update_tool_sends_only_what_was_set_and_clears_by_name() {
    let mock = answering(200, Some(tool_json()), &[]).await;
    client(&mock)
        .update_tool(uuid_ref(), 5u64)
        .clear_description()
        .clear_headers()
        .set_parameter_mapping(None)
        .timeout(10)
        .send()
        .await
        .expect("200");
    assert_request(
        &only_request(&mock).await,
        "PATCH",
        &format!("{}/5", tools_path()),
        &[],
        Some(json!({"description": "", "headers": {}, "timeout": 10})),
    );

    let mock = silent().await;
    let body = client(&mock)
        .update_tool(3u64, 5u64)
        .set_description(Patch::Keep)
        .set_headers(Patch::Keep)
        .set_status(Some(ToolStatus::Paused))
        .body()
        .expect("body");
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"status": "paused"})
    );
    let shown = format!(
        "{:?}",
        client(&mock)
            .update_tool(3u64, 5u64)
            .header("X-Key", "HIDDEN")
    );
    assert!(!shown.contains("HIDDEN"), "{shown}");
}

#[tokio::test]
async fn delete_tool_takes_any_2xx() {
    for (status, body) in [(200, Some(json!({"deleted": true}))), (204, None)] {
        let mock = answering(status, body, &[]).await;
        let tool: ToolRef = TOOL_UUID.parse().expect("a UUID");
        client(&mock)
            .delete_tool(uuid_ref(), tool)
            .await
            .unwrap_or_else(|e| panic!("{status}: {e}"));
        assert_request(
            &only_request(&mock).await,
            "DELETE",
            &format!("{}/{TOOL_UUID}", tools_path()),
            &[],
            None,
        );
    }
    let gone =
        json!({"code": "getmcp_not_found", "message": "Tool not found.", "data": {"status": 404}});
    let mock = answering(404, Some(gone), &[]).await;
    assert!(client(&mock)
        .delete_tool(3u64, 5u64)
        .await
        .is_err_and(|e| e.is_not_found()));
}

// ---------------------------------------------------------------- resources: the wire

fn resource_json() -> Value {
    json!({"id": 1, "server_id": 3, "uri": "docs://guide", "name": "Guide",
           "mime_type": "text/markdown", "data_source_type": "static",
           "data_source_config": {"content": "# Guide"}, "template_uri": null})
}

#[tokio::test]
async fn resource_operations_on_the_wire() {
    let path = format!("{SERVERS}/3/resources");

    let mock = answering(200, Some(json!([resource_json()])), &[("X-WP-Total", "1")]).await;
    let all = client(&mock)
        .list_resources(3u64)
        .per_page(10)
        .all()
        .await
        .expect("200");
    assert_eq!(all[0].data_source_type, Some(DataSourceType::Static));
    assert_request(
        &only_request(&mock).await,
        "GET",
        &path,
        &[("per_page", "10")],
        None,
    );

    let mock = answering(200, Some(resource_json()), &[]).await;
    let got = client(&mock).get_resource(3u64, 1).await.expect("200");
    assert_eq!(got.data_source_config["content"], "# Guide");
    assert_request(
        &only_request(&mock).await,
        "GET",
        &format!("{path}/1"),
        &[],
        None,
    );

    let mock = answering(201, Some(resource_json()), &[]).await;
    client(&mock)
        .create_resource(3u64, "Guide")
        .uri("docs://guide")
        .description("How to")
        .mime_type("text/markdown")
        .url_source("https://example.com/guide.md", 300)
        .template_uri("docs://guide/{section}")
        .send()
        .await
        .expect("201");
    assert_request(
        &only_request(&mock).await,
        "POST",
        &path,
        &[],
        Some(json!({
            "uri": "docs://guide", "name": "Guide", "description": "How to",
            "mime_type": "text/markdown", "data_source_type": "url",
            "data_source_config": {"url": "https://example.com/guide.md", "cache_ttl": 300},
            "template_uri": "docs://guide/{section}"
        })),
    );

    let mock = answering(200, Some(resource_json()), &[]).await;
    client(&mock)
        .update_resource(3u64, 1)
        .clear_template_uri()
        .static_content("# New")
        .send()
        .await
        .expect("200");
    assert_request(
        &only_request(&mock).await,
        "PATCH",
        &format!("{path}/1"),
        &[],
        Some(
            json!({"data_source_type": "static", "data_source_config": {"content": "# New"}, "template_uri": ""}),
        ),
    );

    let mock = answering(200, Some(json!({"deleted": true})), &[]).await;
    client(&mock).delete_resource(3u64, 1).await.expect("2xx");
    assert_request(
        &only_request(&mock).await,
        "DELETE",
        &format!("{path}/1"),
        &[],
        None,
    );

    // Asked for resource 2, answered resource 1.
    let mock = answering(200, Some(resource_json()), &[]).await;
    let e = client(&mock).get_resource(3u64, 2).await.unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_get_resource",
            200,
            "asked for resource 2, the answer is resource 1".into()
        )
    );
}

#[tokio::test]
async fn resource_writes_refuse_bad_input_before_sending() {
    let mock = silent().await;
    let gm = client(&mock);
    let cases = [
        (gm.create_resource(3u64, "Guide").uri("guide"), "uri"),
        // The URI is a setter, required: a create without one is refused.
        (gm.create_resource(3u64, "Guide"), "uri"),
        (gm.create_resource(3u64, " ").uri("docs://g"), "name"),
        (
            gm.create_resource(3u64, "G")
                .uri("docs://g")
                .mime_type("markdown"),
            "mime_type",
        ),
        (
            gm.create_resource(3u64, "G")
                .uri("docs://g")
                .data_source_config(json!("x")),
            "data_source_config",
        ),
        (
            gm.create_resource(3u64, "G").uri("docs://g").set_uri(None),
            "uri",
        ),
    ];
    for (write, field) in cases {
        assert_eq!(invalid_field(write.send().await.unwrap_err()), field);
    }
    let e = gm.update_resource(3u64, 1).send().await.unwrap_err();
    assert_eq!(invalid_field(e), "update");
}

// ---------------------------------------------------------------- prompts: the wire

fn prompt_json() -> Value {
    json!({"id": 2, "server_id": 3, "server_uuid": UUID, "name": "summarize",
           "arguments": [{"name": "text", "required": true}],
           "template_content": "Summarize: {{text}}"})
}

#[tokio::test]
async fn prompt_operations_on_the_wire() {
    let path = format!("{SERVERS}/{UUID}/prompts");

    let mock = answering(200, Some(json!([prompt_json()])), &[]).await;
    let page = client(&mock)
        .list_prompts(uuid_ref())
        .send()
        .await
        .expect("200");
    assert_eq!(
        page.items[0].arguments,
        [PromptArgument::new("text").required(true)]
    );
    assert_request(&only_request(&mock).await, "GET", &path, &[], None);

    let mock = answering(200, Some(prompt_json()), &[]).await;
    client(&mock).get_prompt(uuid_ref(), 2).await.expect("200");
    assert_request(
        &only_request(&mock).await,
        "GET",
        &format!("{path}/2"),
        &[],
        None,
    );

    let mock = answering(201, Some(prompt_json()), &[]).await;
    client(&mock)
        .create_prompt(uuid_ref(), "summarize")
        .template_content("Summarize in {{style}}: {{text}}")
        .description("Summaries")
        .argument(
            PromptArgument::new("text")
                .description("The text")
                .required(true),
        )
        .argument(PromptArgument::new("style"))
        .send()
        .await
        .expect("201");
    assert_request(
        &only_request(&mock).await,
        "POST",
        &path,
        &[],
        Some(json!({
            "name": "summarize", "description": "Summaries",
            "arguments": [{"name": "text", "description": "The text", "required": true}, {"name": "style"}],
            "template_content": "Summarize in {{style}}: {{text}}"
        })),
    );

    let mock = answering(200, Some(prompt_json()), &[]).await;
    client(&mock)
        .update_prompt(uuid_ref(), 2)
        .clear_arguments()
        .clear_description()
        .send()
        .await
        .expect("200");
    assert_request(
        &only_request(&mock).await,
        "PATCH",
        &format!("{path}/2"),
        &[],
        Some(json!({"description": "", "arguments": []})),
    );

    let mock = answering(204, None, &[]).await;
    client(&mock)
        .delete_prompt(uuid_ref(), 2)
        .await
        .expect("2xx");
    assert_request(
        &only_request(&mock).await,
        "DELETE",
        &format!("{path}/2"),
        &[],
        None,
    );

    // A prompt answered for another server.
    let mut other = prompt_json();
    other["server_uuid"] = json!("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    let mock = answering(201, Some(other), &[]).await;
    let e = client(&mock)
        .create_prompt(uuid_ref(), "summarize")
        .template_content("t")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_create_prompt",
            201,
            format!(
                "asked for a prompt of server {UUID}, the answer's belongs to server 3 \
                 (f47ac10b-58cc-4372-a567-0e02b2c3d479)"
            )
        )
    );
}

#[tokio::test]
async fn prompt_writes_refuse_bad_input_before_sending() {
    let mock = silent().await;
    let gm = client(&mock);
    let twice = [PromptArgument::new("a"), PromptArgument::new("a")];
    let cases = [
        (
            gm.create_prompt(3u64, "p").template_content(" "),
            "template_content",
        ),
        // The template is a setter, required: a create without one is refused.
        (gm.create_prompt(3u64, "p"), "template_content"),
        (gm.create_prompt(3u64, "").template_content("t"), "name"),
        (
            gm.create_prompt(3u64, "p")
                .template_content("t")
                .arguments(twice),
            "arguments",
        ),
        (
            gm.create_prompt(3u64, "p")
                .template_content("t")
                .argument(PromptArgument::new("")),
            "arguments",
        ),
        (
            gm.create_prompt(3u64, "p")
                .template_content("t")
                .set_template_content(None),
            "template_content",
        ),
    ];
    for (write, field) in cases {
        assert_eq!(invalid_field(write.send().await.unwrap_err()), field);
    }
    let e = gm.update_prompt(3u64, 2).send().await.unwrap_err();
    assert_eq!(invalid_field(e), "update");
}

// ---------------------------------------------------------------- against the fake

#[tokio::test]
async fn tools_against_the_fake() {
    let fake = FakeGetMcp::start().await;
    let (server, server_uuid) = fake.seed_server("Stripe");
    let gm = fake_client(&fake);

    let created = gm
        .create_tool(server_uuid, "create_customer")
        .endpoint_url("https://api.stripe.com/v1/customers")
        .http_method(HttpMethod::Post)
        .header("Authorization", "Bearer sk_test")
        .parameter_mapping([("email", ParameterMapping::new(ParameterTarget::Body))])
        .retry_count(2)
        .send()
        .await
        .expect("created");
    assert_eq!(created.server_id, Some(server.into()));
    assert_eq!(created.server_uuid, Some(server_uuid));
    assert_eq!((created.timeout, created.cache_ttl), (Some(30), Some(0)));
    assert_eq!(created.status, Some(ToolStatus::Active));
    assert_eq!(fake.server(server).unwrap()["tool_count"], 1);

    let by_uuid = gm.get_tool(server, &created).await.expect("read");
    assert_eq!(by_uuid, created);
    let updated = gm
        .update_tool(server, created.id)
        .timeout(5)
        .status(ToolStatus::Paused)
        .clear_headers()
        .send()
        .await
        .expect("updated");
    assert_eq!(
        (updated.timeout, updated.status),
        (Some(5), Some(ToolStatus::Paused))
    );
    assert!(updated.headers.is_empty(), "PHP's [] reads as no headers");
    assert_eq!(fake.tool(created.id.0).unwrap()["headers"], json!([]));

    fake.seed_tool(server, "list_customers");
    let paused = gm
        .list_tools(server)
        .status(ToolStatus::Paused)
        .all()
        .await
        .expect("list");
    assert_eq!(
        paused.iter().map(|t| t.id).collect::<Vec<_>>(),
        [created.id]
    );
    let all: Vec<Tool> = gm.list_tools(server).per_page(1).all().await.expect("list");
    assert_eq!(all.len(), 2);

    // The site's own bounds: a retry count beyond 5, sent around the typed check.
    let refused = gm
        .raw()
        .getmcp_update_tool()
        .server_id(server)
        .id(created.id)
        .body(mcp_admin::getmcp::UpdateToolBody {
            retry_count: Some(9),
            ..Default::default()
        })
        .send()
        .await;
    match refused {
        Err(mcp_admin::raw::Error::ErrorResponse(r)) => {
            assert_eq!(
                (r.status().as_u16(), r.code.as_str()),
                (400, "rest_invalid_param")
            )
        }
        other => panic!("not refused: {other:?}"),
    }

    gm.delete_tool(server, created.id).await.expect("deleted");
    assert_eq!(fake.server(server).unwrap()["tool_count"], 1);
    let again = gm.delete_tool(server, created.id).await.unwrap_err();
    assert!(again.is_not_found());
    // A tool asked for through another server is not found.
    let (other, _) = fake.seed_server("Other");
    let (listing, _) = fake.seed_tool(server, "find");
    assert!(gm
        .get_tool(other, listing)
        .await
        .is_err_and(|e| e.is_not_found()));
    assert!(gm
        .get_tool(999u64, listing)
        .await
        .is_err_and(|e| e.is_not_found() && e.code() == Some("getmcp_not_found")));
}

#[tokio::test]
async fn resources_and_prompts_against_the_fake() {
    let fake = FakeGetMcp::start().await;
    let (server, _) = fake.seed_server("Docs");
    let gm = fake_client(&fake);

    let r = gm
        .create_resource(server, "Guide")
        .uri("docs://guide")
        .static_content("# Guide")
        .send()
        .await
        .expect("created");
    assert_eq!(r.mime_type.as_deref(), Some("text/plain"));
    let r2 = gm
        .update_resource(server, r.id)
        .mime_type("text/markdown")
        .send()
        .await
        .expect("updated");
    assert_eq!(r2.mime_type.as_deref(), Some("text/markdown"));
    assert_eq!(r2.data_source_config["content"], "# Guide");
    assert_eq!(
        gm.list_resources(server).all().await.expect("list"),
        std::slice::from_ref(&r2)
    );
    gm.delete_resource(server, r.id).await.expect("deleted");
    assert!(gm
        .get_resource(server, r.id)
        .await
        .is_err_and(|e| e.is_not_found()));
    assert_eq!(fake.server(server).unwrap()["resource_count"], 0);

    let p = gm
        .create_prompt(server, "summarize")
        .template_content("Summarize: {{text}}")
        .argument(PromptArgument::new("text").required(true))
        .send()
        .await
        .expect("created");
    assert_eq!(p.arguments, [PromptArgument::new("text").required(true)]);
    let p2 = gm
        .update_prompt(server, p.id)
        .template_content("Briefly: {{text}}")
        .send()
        .await
        .expect("updated");
    assert_eq!(
        (p2.template_content.as_str(), p2.arguments.len()),
        ("Briefly: {{text}}", 1)
    );
    assert_eq!(gm.get_prompt(server, p.id).await.expect("read"), p2);
    assert_eq!(gm.list_prompts(server).all().await.expect("list"), [p2]);
    gm.delete_prompt(server, p.id).await.expect("deleted");
    assert!(gm
        .list_prompts(server)
        .all()
        .await
        .expect("list")
        .is_empty());
}
