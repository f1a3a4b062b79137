//! The same shapes on both platforms: ids through `IntoId`, every list a `List`, errors
//! that name the platform and the operation called. Each test here failed before the
//! API pass that made them hold.

use futures_util::TryStreamExt;
use mcp_admin::{
    getmcp, hasmcp,
    testing::{FakeGetMcp, FakeHasMcp},
    Error,
};

fn hm_for(fake: &FakeHasMcp) -> hasmcp::Client {
    hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .build()
        .expect("client")
}

fn gm_for(fake: &FakeGetMcp) -> getmcp::Client {
    getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .build()
        .expect("client")
}

#[tokio::test]
async fn hasmcp_takes_the_model_and_lists_are_builders() {
    let fake = FakeHasMcp::start().await;
    fake.seed_server("GitHubTools", "");
    let hm = hm_for(&fake);
    // An unpaged list is one page with totals, so a walk makes one request.
    let page = hm.list_servers().send().await.expect("page");
    assert_eq!(
        (
            page.items.len(),
            page.total,
            page.total_pages,
            page.next_page()
        ),
        (1, Some(1), Some(1), None)
    );
    let server = hm.list_servers().all().await.expect("all").remove(0);
    let mut stream = hm.list_servers().into_stream();
    assert_eq!(
        stream.try_next().await.expect("item").map(|s| s.id),
        Some(server.id.clone())
    );
    assert!(stream.try_next().await.expect("end").is_none());
    // The model names its own id.
    let renamed = hm
        .update_server(&server)
        .name("Renamed")
        .send()
        .await
        .expect("updated");
    assert_eq!(renamed.name, "Renamed");
    hm.delete_server(&renamed).await.expect("deleted");
}

#[tokio::test]
async fn hasmcp_providers_can_come_with_their_tools() {
    let fake = FakeHasMcp::start().await;
    let github = fake.seed_provider("GitHub");
    let tool = fake.seed_tool(&github, "listRepos");
    fake.seed_provider("Stripe");
    let hm = hm_for(&fake);
    let bare = hm.list_providers().all().await.expect("listed");
    assert!(bare.iter().all(|p| p.tools.is_empty()));
    let filled = hm
        .list_providers()
        .with_tools(2)
        .all()
        .await
        .expect("listed");
    let github = filled
        .iter()
        .find(|p| p.id.as_str() == github)
        .expect("GitHub listed");
    assert_eq!(github.tools.len(), 1);
    assert_eq!(github.tools[0].id.as_str(), tool);
    let e = hm
        .list_providers()
        .with_tools(0)
        .send()
        .await
        .expect_err("0 at a time");
    assert_eq!(
        e.to_string(),
        "HasMCP hasmcp_list_providers: invalid input for `with_tools`: at least 1 request at a time"
    );
}

#[tokio::test]
async fn getmcp_takes_text_prompts_and_resources_by_model() {
    let fake = FakeGetMcp::start().await;
    let (server_no, uuid) = fake.seed_server("Writing");
    let prompt_no = fake.seed_prompt(server_no, "summarize", "Summarize: {{text}}");
    let gm = gm_for(&fake);
    let text = uuid.hyphenated().to_string();
    let server = gm.get_server(text.as_str()).await.expect("by text");
    assert_eq!(server.id, server_no);
    let prompt = gm.get_prompt(&server, prompt_no).await.expect("prompt");
    gm.delete_prompt(&server, &prompt).await.expect("deleted");
    assert!(gm
        .list_prompts(&server)
        .all()
        .await
        .expect("listed")
        .is_empty());
}

#[tokio::test]
async fn getmcp_text_that_is_no_server_id_is_refused_in_the_call() {
    let fake = FakeGetMcp::start().await;
    let gm = gm_for(&fake);
    let e = gm.get_server("../admin").await.expect_err("not an id");
    match &e {
        Error::InvalidInput {
            platform,
            operation,
            field,
            ..
        } => assert_eq!(
            (*platform, *operation, *field),
            (mcp_admin::Platform::GetMcp, "getmcp_get_server", "server")
        ),
        other => panic!("{other:?}"),
    }
    // A builder keeps the refusal and reports it when sent; a list when fetched.
    let e = gm.update_server("nope").name("x").send().await.unwrap_err();
    assert!(e
        .to_string()
        .starts_with("GetMCP getmcp_update_server: invalid input for `server`: "));
    let e = gm.list_tools("nope").send().await.unwrap_err();
    assert!(e
        .to_string()
        .starts_with("GetMCP getmcp_list_tools: invalid input for `server`: "));
}

#[tokio::test]
async fn a_refusal_before_sending_names_platform_and_operation() {
    let fake = FakeHasMcp::start().await;
    let hm = hm_for(&fake);
    let e = hm.delete_server("short").await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "HasMCP hasmcp_delete_server: invalid input for `id`: \"short\" is not a HasMCP id \
         (11 characters A-Z, a-z, 0-9)"
    );
    let e = hm.create_server("not valid!").send().await.unwrap_err();
    assert!(
        e.to_string()
            .starts_with("HasMCP hasmcp_create_server: invalid input for `name`: "),
        "{e}"
    );
}

#[tokio::test]
async fn getmcp_models_carry_typed_ids_that_name_their_kind() {
    let fake = FakeGetMcp::start().await;
    let (server_no, _) = fake.seed_server("Weather");
    fake.seed_tool(server_no, "get_forecast");
    fake.seed_resource(server_no, "docs://guide", "Guide");
    fake.seed_prompt(server_no, "summarize", "Summarize: {{text}}");
    let gm = gm_for(&fake);
    let server = gm.get_server(server_no).await.expect("server");
    let id: getmcp::ServerId = server.id;
    assert_eq!(id, server_no);
    // The 16-hex public id is a field of its own, not the numeric id children name.
    let public = server.public_id.clone().expect("public id");
    assert_eq!(public.len(), 16);

    let tool = gm.list_tools(id).all().await.expect("tools").remove(0);
    let (tool_id, parent): (getmcp::ToolId, Option<getmcp::ServerId>) = (tool.id, tool.server_id);
    assert_eq!(parent, Some(id));
    assert_eq!(tool.server_public_id.as_deref(), Some(public.as_str()));
    // Each id is taken where its kind is named.
    assert_eq!(gm.get_tool(id, tool_id).await.expect("tool").id, tool_id);

    let resource = gm
        .list_resources(id)
        .all()
        .await
        .expect("resources")
        .remove(0);
    let resource_id: getmcp::ResourceId = resource.id;
    assert_eq!(resource.server_id, Some(id));
    gm.delete_resource(id, resource_id).await.expect("deleted");

    let prompt = gm.list_prompts(id).all().await.expect("prompts").remove(0);
    let prompt_id: getmcp::PromptId = prompt.id;
    assert_eq!(prompt.server_id, Some(id));
    gm.delete_prompt(id, prompt_id).await.expect("deleted");
}

#[tokio::test]
async fn hasmcp_attachments_take_typed_ids_and_models() {
    let fake = FakeHasMcp::start().await;
    let server = fake.seed_server("GitHubTools", "");
    let provider_id = fake.seed_provider("GitHub");
    let tool_id = fake.seed_tool(&provider_id, "listRepos");
    let resource_id = fake.seed_resource("errorLogs", "https://api.example.com/logs");
    let hm = hm_for(&fake);
    let provider = hm.get_provider(&provider_id).await.expect("provider");
    let resource = hm.get_resource(&resource_id).await.expect("resource");
    // The models and their typed ids, where text was the only way before.
    let updated = hm
        .update_server(&server)
        .attach_tools(&provider, [&provider.tools[0]])
        .attach_resources([&resource])
        .send()
        .await
        .expect("attached");
    assert_eq!(updated.providers[0].tools[0].id.as_str(), tool_id);
    assert_eq!(updated.resources[0].id, resource.id);
    let replaced = hm
        .update_server(&server)
        .providers([hasmcp::ProviderRef::new(&provider.id).tools([&provider.tools[0].id])])
        .resources(Vec::<hasmcp::ResourceId>::new())
        .send()
        .await
        .expect("replaced");
    assert!(replaced.resources.is_empty());
    // Text that is no id is refused when sent, naming the setter; nothing is sent.
    let before = fake.requests().await.len();
    let e = hm
        .update_server(&server)
        .attach_resources(["short"])
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "HasMCP hasmcp_update_server: invalid input for `attach_resources`: \"short\" is not \
         a HasMCP id (11 characters A-Z, a-z, 0-9)"
    );
    assert_eq!(fake.requests().await.len(), before);
}

#[tokio::test]
async fn a_failed_tool_list_inside_the_provider_list_names_the_list_called() {
    let fake = FakeHasMcp::start().await;
    fake.seed_provider("GitHub");
    let hm = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(mcp_admin::RetryPolicy::none())
        .build()
        .expect("client");
    // The providers' list passes; the one provider's tool list meets a 500.
    fake.inject_after(
        1,
        mcp_admin::testing::Fault::InternalError {
            reason: "boom".into(),
        },
    );
    let e = hm.list_providers().with_tools(1).all().await.unwrap_err();
    let api = e.as_api().expect("an answer");
    assert_eq!(
        (api.operation, api.step, api.status),
        (
            "hasmcp_list_providers",
            Some("listing a provider's tools"),
            500
        )
    );
    assert!(
        e.to_string().starts_with("HasMCP hasmcp_list_providers: ")
            && e.to_string().ends_with(" (listing a provider's tools)"),
        "{e}"
    );
}
