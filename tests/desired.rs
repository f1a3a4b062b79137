//! Desired state against the fakes: convergence, idempotence, a concurrent writer, a
//! failure part way, a property over random states, and bad input refused before any
//! request.

use mcp_admin::{
    desired::{
        self, ApplyOptions, Clients, Desired, NotApplied, Outcome, PlanError, PlanOptions, Target,
    },
    getmcp, hasmcp,
    testing::{FakeGetMcp, FakeHasMcp, Fault},
    RetryPolicy,
};
use serde_json::{json, Value};

struct World {
    hm: FakeHasMcp,
    gm: FakeGetMcp,
    clients: Clients,
}

impl World {
    async fn new() -> Self {
        let hm = FakeHasMcp::start().await;
        hm.without_rate_limit();
        let gm = FakeGetMcp::start().await;
        let hc = hasmcp::Client::builder()
            .base_url(hm.uri())
            .token(hm.token())
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        let gc = getmcp::Client::builder(gm.uri())
            .api_key(gm.api_key())
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        let clients = Clients::new().hasmcp(hc).getmcp(gm.uri(), gc);
        World { hm, gm, clients }
    }

    fn site(&self) -> String {
        self.gm.uri()
    }

    /// Every request both fakes received, as `METHOD path`.
    async fn requests(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .hm
            .requests()
            .await
            .into_iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect();
        all.extend(
            self.gm
                .requests()
                .await
                .into_iter()
                .map(|r| format!("{} {}", r.method, r.path)),
        );
        all
    }

    async fn writes(&self) -> Vec<String> {
        self.requests()
            .await
            .into_iter()
            .filter(|r| !r.starts_with("GET "))
            .collect()
    }

    /// Applies one server at a time, so the order of writes is the plan's.
    async fn apply_in_order(&self, plan: &desired::Plan) -> desired::Report {
        desired::apply_with(&self.clients, plan, &ApplyOptions::new().concurrency(1)).await
    }

    async fn plan(&self, desired: &Desired) -> desired::Plan {
        desired::plan(&self.clients, desired).await.unwrap()
    }

    async fn plan_pruning(&self, desired: &Desired) -> desired::Plan {
        desired::plan_with(&self.clients, desired, &PlanOptions::new().prune(true))
            .await
            .unwrap()
    }
}

/// Sets a variable the descriptions refer to (each always to the same value).
fn set_test_env(name: &str, value: &str) {
    // SAFETY: Rust's own reads of the environment are locked against this write, and
    // nothing in this binary reads it from C (the fakes are reached by IP literal, with
    // no name resolution).
    unsafe { std::env::set_var(name, value) };
}

fn described(v: Value) -> Desired {
    Desired::from_value(v).unwrap()
}

/// A step refused because `field` moved from `planned` to `current`.
fn stale(field: &str, planned: &str, current: &str) -> Outcome {
    Outcome::NotApplied {
        why: NotApplied::Stale {
            field: field.into(),
            planned: json!(planned),
            current: json!(current),
        },
    }
}

fn has(name: &str) -> Target {
    Target::Hasmcp { name: name.into() }
}

/// A description touching every field, with a catalog to attach from.
fn full_description(w: &World) -> Desired {
    let github = w.hm.seed_provider("GitHub");
    w.hm.seed_tool(&github, "repos");
    let issues = w.hm.seed_tool(&github, "issues");
    w.hm.seed_resource("readme", "file:///README.md");
    let prompt = w.hm.seed_prompt("summarize");
    set_test_env("DESIRED_TEST_TOKEN", "canary-7f3a9b");
    described(json!({
        "hasmcp": {"servers": [
            {"name": "GitHubTools", "instructions": "Use these tools for GitHub",
             "request_headers_proxy_enabled": true,
             "tools": [{"provider": "GitHub", "method": "get", "path": "/repos"}, {"id": issues}],
             "resources": [{"name": "readme"}], "prompts": [{"id": prompt}]},
            {"name": "Docs", "instructions": ""},
        ]},
        "getmcp": [{"site": w.site(), "servers": [
            {"slug": "github-tools", "name": "GitHub Tools", "description": "Tools for GitHub",
             "status": "active", "auth_type": "bearer",
             "test_credentials": {"type": "bearer", "token": "${env:DESIRED_TEST_TOKEN}"},
             "credentials_version": 1,
             "cors_origins": ["https://b.example", "https://a.example"], "rate_limit_per_min": -1},
            {"slug": "docs", "name": "Docs", "status": "draft"},
        ]}],
    }))
}

#[tokio::test]
async fn converges_from_empty_and_prints_a_diff() {
    let w = World::new().await;
    let desired = full_description(&w);
    let plan = w.plan(&desired).await;
    assert_eq!(
        plan.summary(),
        "Plan: 4 to create, 0 to update, 4 to attach, 0 to detach, 0 to delete."
    );
    let shown = plan.to_string();
    assert!(
        shown.contains("+ hasmcp server \"GitHubTools\"\n"),
        "{shown}"
    );
    assert!(
        shown.contains("    + attach tool GitHub/GET /repos\n"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("+ getmcp {}/github-tools\n", w.site())),
        "{shown}"
    );
    assert!(
        shown.contains(
            "    test_credentials: (sensitive) from ${env:DESIRED_TEST_TOKEN} (new server)"
        ),
        "{shown}"
    );
    // Reading the state: the HasMCP list, the catalog, the site's one page. No write.
    assert!(w.writes().await.is_empty());

    let report = desired::apply(&w.clients, &plan).await;
    assert!(report.all_applied(), "{report}");
    assert_eq!(report.summary(), "Applied 8 of 8.");
    assert_eq!(
        report
            .credentials_sent
            .get(&format!("{}/github-tools", w.site())),
        Some(&1)
    );
    let again = w.plan(&desired).await;
    assert!(again.is_empty(), "{again}");
    assert_eq!(
        again.to_string(),
        "No changes. The live servers match the description.\n\n\
         Plan: 0 to create, 0 to update, 0 to attach, 0 to detach, 0 to delete."
    );
}

#[tokio::test]
async fn secrets_never_appear_in_plan_report_or_json() {
    let w = World::new().await;
    let desired = full_description(&w);
    let plan = w.plan(&desired).await;
    let report = desired::apply(&w.clients, &plan).await;
    for text in [
        plan.to_string(),
        format!("{plan:?}"),
        serde_json::to_string(&plan).unwrap(),
        report.to_string(),
        format!("{report:?}"),
        serde_json::to_string(&report).unwrap(),
    ] {
        assert!(!text.contains("canary-7f3a9b"), "{text}");
    }
    // The site did store it.
    let (id, _) = (w.gm.server(1u64).unwrap()["id"].as_u64().unwrap(), ());
    assert_eq!(
        w.gm.test_credentials(id),
        Some(json!({"token": "canary-7f3a9b"}))
    );
}

#[tokio::test]
async fn second_apply_sends_no_write_and_an_empty_plan_no_request() {
    let w = World::new().await;
    let desired = full_description(&w);
    let plan = w.plan(&desired).await;
    assert!(desired::apply(&w.clients, &plan).await.all_applied());
    let writes = w.writes().await.len();
    let before = w.requests().await.len();

    let again = w.plan(&desired).await;
    assert!(again.is_empty(), "{again}");
    let planned = w.requests().await.len();
    let report = desired::apply(&w.clients, &again).await;
    assert!(report.steps.is_empty());
    assert_eq!(
        w.requests().await.len(),
        planned,
        "an empty plan sends nothing"
    );
    assert_eq!(
        w.writes().await.len(),
        writes,
        "the second round wrote nothing"
    );
    assert!(planned > before);
}

#[tokio::test]
async fn converges_from_a_drifted_state() {
    let w = World::new().await;
    let provider = w.hm.seed_provider("GitHub");
    let repos = w.hm.seed_tool(&provider, "repos");
    let stray = w.hm.seed_tool(&provider, "stray");
    let id = w.hm.seed_server("GitHubTools", "drifted text");
    w.hm.link_tool(&id, &stray);
    let (gid, _) = w.gm.seed_server("GitHub Tools");
    let desired = described(json!({
        "hasmcp": {"servers": [{"name": "GitHubTools", "instructions": "Use these tools",
                                "tools": [{"id": repos}]}]},
        "getmcp": [{"site": w.site(), "servers": [
            {"slug": "github-tools", "description": "Tools for GitHub", "rate_limit_per_min": 0}]}],
    }));
    let plan = w.plan(&desired).await;
    let shown = plan.to_string();
    assert!(
        shown.contains(&format!("~ hasmcp server \"GitHubTools\" (id {id}, version 1)\n    instructions: \"drifted text\" -> \"Use these tools\"\n")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!(
            "    + attach tool {repos}\n    - detach tool {stray}\n"
        )),
        "{shown}"
    );
    assert!(
        shown.contains("    rate_limit_per_min: 60 -> 0\n"),
        "{shown}"
    );
    assert!(
        shown.contains("    description: \"\" -> \"Tools for GitHub\"\n"),
        "{shown}"
    );
    assert_eq!(plan.changes[0].read.as_ref().unwrap().version, Some(1));
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["format_version"], 2);
    assert_eq!(json["changes"][0]["read"]["version"], 1);
    assert!(json["changes"][1]["read"]["updated_at"].is_string());

    let report = desired::apply(&w.clients, &plan).await;
    assert!(report.all_applied(), "{report}");
    assert!(w.plan(&desired).await.is_empty());
    assert_eq!(w.hm.attached_tools(&id), [repos]);
    assert_eq!(w.gm.server(gid).unwrap()["rate_limit_per_min"], 0);
    // Names and instructions went in their own PATCH, links through the link routes.
    let writes = w.writes().await;
    assert_eq!(
        writes,
        [
            format!("PATCH /api/v1/servers/{id}"),
            format!("POST /api/v1/servers/{id}/tools"),
            format!("DELETE /api/v1/servers/{id}/tools/{stray}"),
            format!("PATCH /wp-json/getmcp/v1/servers/{gid}"),
        ]
    );
}

#[tokio::test]
async fn extra_servers_are_listed_and_deleted_only_when_pruning_what_is_owned() {
    let w = World::new().await;
    let keep = w.hm.seed_server("Keep", "");
    let extra = w.hm.seed_server("Extra", "");
    let (other, _) = w.gm.seed_server("Other");
    let (mine, _) = w.gm.seed_server("Mine");
    let desired = described(json!({
        "hasmcp": {"owns": "all", "servers": [{"name": "Keep"}]},
        "getmcp": [{"site": w.site(), "owns": ["mine"], "servers": []}],
    }));
    let plan = w.plan(&desired).await;
    assert!(plan.is_empty());
    assert_eq!(
        plan.unmanaged,
        [
            has("Extra"),
            Target::Getmcp {
                site: w.site(),
                slug: "other".into()
            },
            Target::Getmcp {
                site: w.site(),
                slug: "mine".into()
            },
        ]
    );
    assert!(plan
        .to_string()
        .contains("# not managed by this description (3):\n"));
    assert!(desired::apply(&w.clients, &plan).await.steps.is_empty());
    assert!(w.writes().await.is_empty(), "no DELETE without prune");

    let plan = w.plan_pruning(&desired).await;
    assert_eq!(
        plan.summary(),
        "Plan: 0 to create, 0 to update, 0 to attach, 0 to detach, 2 to delete."
    );
    assert_eq!(
        plan.unmanaged,
        [Target::Getmcp {
            site: w.site(),
            slug: "other".into()
        }]
    );
    let report = desired::apply(&w.clients, &plan).await;
    assert!(report.all_applied(), "{report}");
    assert_eq!(
        w.writes().await,
        [
            format!("DELETE /api/v1/servers/{extra}"),
            format!("DELETE /wp-json/getmcp/v1/servers/{mine}"),
        ]
    );
    assert!(w.hm.server(&keep).is_some() && w.gm.server(other).is_some());
    assert!(w.plan_pruning(&desired).await.is_empty());
}

#[tokio::test]
async fn a_concurrent_writer_makes_the_step_stale_and_the_replan_shows_the_rest() {
    let w = World::new().await;
    let alpha = w.hm.seed_server("Alpha", "");
    let desired = described(json!({"hasmcp": {"servers": [
        {"name": "First"},
        {"name": "Beta", "renamed_from": "Alpha", "instructions": "renamed"},
    ]}}));
    let plan = w.plan(&desired).await;
    assert!(
        plan.to_string()
            .contains("    name: \"Alpha\" -> \"Beta\"\n"),
        "{plan}"
    );
    let other = alpha.clone();
    // Just before the first write (creating First), someone renames Alpha.
    w.hm.before_next_write(move |fake| {
        fake.rename_server(&other, "Gamma");
    });
    let report = w.apply_in_order(&plan).await;
    assert_eq!(report.steps[0].outcome, Outcome::Applied);
    assert_eq!(report.steps[1].outcome, stale("name", "Alpha", "Gamma"));
    assert_eq!(
        serde_json::to_value(&report.steps[1]).unwrap(),
        json!({
            "target": {"platform": "hasmcp", "name": "Beta"},
            "step": "update",
            "outcome": {
                "outcome": "not_applied",
                "reason": "stale",
                "field": "name",
                "planned": "Alpha",
                "current": "Gamma",
            },
        })
    );
    assert!(report.to_string().contains(
        "hasmcp server \"Beta\": update: not applied, stale: name was \"Alpha\" when planned, is \"Gamma\" now"
    ));
    // Nothing of the other writer's change was lost.
    assert_eq!(w.hm.server(&alpha).unwrap()["name"], "Gamma");
    assert_eq!(w.hm.server(&alpha).unwrap()["version"], 2);
    let replan = w.plan(&desired).await;
    assert_eq!(
        replan.summary(),
        "Plan: 1 to create, 0 to update, 0 to attach, 0 to detach, 0 to delete."
    );
    assert_eq!(replan.changes[0].target, has("Beta"));
    assert_eq!(replan.unmanaged, [has("Gamma")]);
}

#[tokio::test]
async fn a_getmcp_change_made_since_the_plan_is_stale_on_its_field() {
    let w = World::new().await;
    let (id, _) = w.gm.seed_server("Docs");
    w.hm.seed_server("Unused", "");
    let desired = described(json!({"getmcp": [{"site": w.site(), "servers": [
        {"slug": "docs", "name": "docs"}, {"slug": "new-one", "name": "New One"}]}]}));
    let plan = w.plan(&desired).await;
    // Between plan and apply another client renames the server to the same slug.
    w.gm.rename_server(id, "DOCS");
    let report = w.apply_in_order(&plan).await;
    assert_eq!(report.steps[0].outcome, stale("name", "Docs", "DOCS"));
    assert_eq!(report.steps[1].outcome, Outcome::Applied);
    assert_eq!(w.gm.server(id).unwrap()["name"], "DOCS");
}

#[tokio::test]
async fn a_fault_on_the_fourth_write_is_reported_exactly() {
    let w = World::new().await;
    let provider = w.hm.seed_provider("GitHub");
    let tool = w.hm.seed_tool(&provider, "repos");
    let desired = described(json!({"hasmcp": {"servers": [
        {"name": "A", "tools": [{"id": tool}]},
        {"name": "B", "tools": [{"id": tool}]},
        {"name": "C", "tools": [{"id": tool}]},
    ]}}));
    let plan = w.plan(&desired).await;
    w.hm.inject_on_write(
        4,
        Fault::InternalError {
            reason: "disk full".into(),
        },
    );
    let report = w.apply_in_order(&plan).await;
    let outcomes: Vec<(String, String, &str)> = report
        .steps
        .iter()
        .map(|s| {
            let outcome = match &s.outcome {
                Outcome::Applied => "applied",
                Outcome::Failed { .. } => "failed",
                Outcome::MayHaveApplied { .. } => "may have applied",
                Outcome::NotApplied {
                    why: NotApplied::AfterFailure,
                } => "after failure",
                _ => "not applied",
            };
            (s.target.to_string(), s.step.clone(), outcome)
        })
        .collect();
    let step =
        |t: &str, s: &str, o: &'static str| (format!("hasmcp server \"{t}\""), s.to_string(), o);
    assert_eq!(
        outcomes,
        [
            step("A", "create", "applied"),
            step("A", &format!("attach tool {tool}"), "applied"),
            step("B", "create", "applied"),
            step("B", &format!("attach tool {tool}"), "failed"),
            step("C", "create", "after failure"),
            step("C", &format!("attach tool {tool}"), "after failure"),
        ]
    );
    let Outcome::Failed { error } = &report.steps[3].outcome else {
        unreachable!()
    };
    assert!(error.contains("500"), "{error}");
    assert_eq!(
        report.summary(),
        "Applied 3 of 6; 1 failed; 0 may have applied; 2 not applied; the servers are partially changed: plan again."
    );
    // The re-plan shows exactly the remainder, and applying it creates no duplicate.
    let replan = w.plan(&desired).await;
    assert_eq!(
        replan.summary(),
        "Plan: 1 to create, 0 to update, 2 to attach, 0 to detach, 0 to delete."
    );
    assert!(desired::apply(&w.clients, &replan).await.all_applied());
    assert!(w.plan(&desired).await.is_empty());
    let names: Vec<String> = mcp_admin::hasmcp::Client::builder()
        .base_url(w.hm.uri())
        .token(w.hm.token())
        .build()
        .unwrap()
        .list_servers()
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[tokio::test]
async fn a_taken_slug_on_create_fails_naming_the_twin() {
    let w = World::new().await;
    // Another client creates a server with the slug between plan and apply: the site
    // de-duplicates the new one to `tools-2-1` without a word.
    let desired = described(json!({"getmcp": [{"site": w.site(), "servers": [
        {"slug": "tools-2", "name": "Tools 2"}]}]}));
    let plan = w.plan(&desired).await;
    w.gm.seed_server("Tools 2");
    let report = desired::apply(&w.clients, &plan).await;
    let Outcome::Failed { error } = &report.steps[0].outcome else {
        panic!("{report}")
    };
    assert!(
        error.contains("another server holds the slug \"tools-2\""),
        "{error}"
    );
    assert!(error.contains("\"tools-2-1\""), "{error}");
}

#[tokio::test]
async fn bad_input_is_refused_before_any_request() {
    let w = World::new().await;
    let err = Desired::from_value(json!({"hasmcp": {"servers": [
        {"name": "Ok"}, {"name": "Typo", "tools": [{"id": "x", "methd": "GET"}]}]}}))
    .unwrap_err();
    let PlanError::Invalid { path, reason } = &err else {
        panic!("{err}")
    };
    assert_eq!(path, "hasmcp.servers[1].tools[0]");
    assert!(reason.contains("unknown field `methd`"), "{reason}");

    let err = Desired::from_value(
        json!({"getmcp": [{"site": "s", "servers": [{"slug": "a", "colour": 1}]}]}),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid description at getmcp[0].servers[0]: unknown field `colour`"),
        "{err}"
    );

    let cases = [
        (
            json!({"hasmcp": {"servers": [{"name": "Same"}, {"name": "Same"}]}}),
            "hasmcp.servers[1]",
            "the server key \"Same\" is also used by hasmcp.servers[0]",
        ),
        (
            json!({"getmcp": [{"site": w.site(), "servers": [
                {"slug": "s", "auth_type": "bearer",
                 "test_credentials": {"type": "bearer", "token": "${env:DESIRED_TEST_UNSET_VARIABLE}"}}]}]}),
            "getmcp[0].servers[0].test_credentials",
            "the environment variable DESIRED_TEST_UNSET_VARIABLE is not set",
        ),
        (
            json!({"getmcp": [{"site": w.site(), "servers": [{"slug": "Café Tools"}]}]}),
            "getmcp[0].servers[0].slug",
            "is not a slug WordPress keeps as is",
        ),
        (
            json!({"getmcp": [{"site": w.site(), "servers": [{"slug": "a", "name": "<b>A</b>"}]}]}),
            "getmcp[0].servers[0].name",
            "tags are stripped",
        ),
        (
            json!({"hasmcp": {"servers": [{"name": "has space"}]}}),
            "hasmcp.servers[0].name",
            "HasMCP names are 1–16 of [A-Za-z0-9]",
        ),
    ];
    for (description, want_path, want_reason) in cases {
        let err = desired::plan(&w.clients, &described(description))
            .await
            .unwrap_err();
        let PlanError::Invalid { path, reason } = &err else {
            panic!("{err}")
        };
        assert_eq!(path, want_path);
        assert!(reason.contains(want_reason), "{reason}");
    }
    let err = Desired::from_value(json!({"getmcp": [{"site": "s", "servers": [
        {"slug": "a", "test_credentials": {"type": "bearer", "token": "ghp_literal"}}]}]}))
    .unwrap_err();
    assert!(err.to_string().contains("${env:NAME}"), "{err}");
    assert!(!err.to_string().contains("ghp_literal"), "{err}");
    assert!(w.requests().await.is_empty(), "nothing was sent");

    // A tool the catalog does not have: found by reading the catalog, before any write.
    w.hm.seed_provider("GitHub");
    let err = desired::plan(
        &w.clients,
        &described(json!({"hasmcp": {"servers": [
            {"name": "A", "tools": [{"provider": "GitHub", "method": "GET", "path": "/nope"}]}]}})),
    )
    .await
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid description at hasmcp.servers[0].tools[0]: the provider \"GitHub\" has no tool GET /nope"
    );
    assert!(w.writes().await.is_empty());
}

#[tokio::test]
async fn a_name_matching_two_live_servers_is_refused() {
    let w = World::new().await;
    let a = w.hm.seed_server("Twin", "");
    let b = w.hm.seed_server("Twin", "");
    let err = desired::plan(
        &w.clients,
        &described(json!({"hasmcp": {"servers": [{"name": "Twin"}]}})),
    )
    .await
    .unwrap_err();
    let PlanError::Ambiguous { key, ids } = &err else {
        panic!("{err}")
    };
    assert_eq!(key, "hasmcp server \"Twin\"");
    assert_eq!(ids, &[a, b]);
}

mod property {
    use super::*;
    use proptest::prelude::*;

    const NAMES: [&str; 4] = ["Alpha", "Beta", "Gamma", "Delta"];
    const TEXTS: [&str; 3] = ["", "one", "two"];

    #[derive(Debug, Clone)]
    struct LiveServer {
        name: usize,
        text: usize,
        tools: Vec<bool>,
    }

    #[derive(Debug, Clone)]
    struct Wanted {
        name: usize,
        text: Option<usize>,
        tools: Option<Vec<bool>>,
        site_status: Option<usize>,
        /// The site server's tools `a`, `b`, `c`: absent or a timeout each.
        site_tools: Option<Vec<Option<u64>>>,
    }

    fn live() -> impl Strategy<Value = Vec<LiveServer>> {
        proptest::sample::subsequence(vec![0usize, 1, 2, 3], 0..=4).prop_flat_map(|names| {
            let n = names.len();
            (
                Just(names),
                proptest::collection::vec(
                    (0..3usize, proptest::collection::vec(any::<bool>(), 3)),
                    n,
                ),
            )
                .prop_map(|(names, rest)| {
                    names
                        .into_iter()
                        .zip(rest)
                        .map(|(name, (text, tools))| LiveServer { name, text, tools })
                        .collect()
                })
        })
    }

    fn wanted() -> impl Strategy<Value = Vec<Wanted>> {
        proptest::sample::subsequence(vec![0usize, 1, 2, 3], 0..=4).prop_flat_map(|names| {
            let n = names.len();
            (
                Just(names),
                proptest::collection::vec(
                    (
                        proptest::option::of(0..3usize),
                        proptest::option::of(proptest::collection::vec(any::<bool>(), 3)),
                        proptest::option::of(0..3usize),
                        proptest::option::of(proptest::collection::vec(
                            proptest::option::of(prop_oneof![Just(15u64), Just(30)]),
                            3,
                        )),
                    ),
                    n,
                ),
            )
                .prop_map(|(names, rest)| {
                    names
                        .into_iter()
                        .zip(rest)
                        .map(|(name, (text, tools, site_status, site_tools))| Wanted {
                            name,
                            text,
                            tools,
                            site_status,
                            site_tools,
                        })
                        .collect()
                })
        })
    }

    async fn converge(live: Vec<LiveServer>, wanted: Vec<Wanted>, prune: bool) {
        let w = World::new().await;
        let provider = w.hm.seed_provider("GitHub");
        let tools: Vec<String> = ["a", "b", "c"]
            .iter()
            .map(|t| w.hm.seed_tool(&provider, t))
            .collect();
        for s in &live {
            let id = w.hm.seed_server(NAMES[s.name], TEXTS[s.text]);
            for (t, on) in tools.iter().zip(&s.tools) {
                if *on {
                    w.hm.link_tool(&id, t);
                }
            }
            let (server, _) = w.gm.seed_server(NAMES[s.name]);
            // The live site server has the tools its HasMCP twin has attached.
            for (t, on) in ["a", "b", "c"].iter().zip(&s.tools) {
                if *on {
                    w.gm.seed_tool(server, t);
                }
            }
        }
        let statuses = ["active", "paused", "draft"];
        let servers: Vec<Value> = wanted
            .iter()
            .map(|d| {
                let mut s = json!({"name": NAMES[d.name]});
                if let Some(t) = d.text {
                    s["instructions"] = json!(TEXTS[t]);
                }
                if let Some(on) = &d.tools {
                    let ids: Vec<Value> = tools
                        .iter()
                        .zip(on)
                        .filter(|(_, on)| **on)
                        .map(|(t, _)| json!({"id": t}))
                        .collect();
                    s["tools"] = json!(ids);
                }
                s
            })
            .collect();
        let site: Vec<Value> = wanted
            .iter()
            .map(|d| {
                let mut s = json!({"slug": NAMES[d.name].to_lowercase(), "name": NAMES[d.name]});
                if let Some(st) = d.site_status {
                    s["status"] = json!(statuses[st]);
                }
                if let Some(tools) = &d.site_tools {
                    let tools: Vec<Value> = ["a", "b", "c"]
                        .iter()
                        .zip(tools)
                        .filter_map(|(name, t)| t.map(|t| json!({"name": name, "timeout": t})))
                        .collect();
                    s["tools"] = json!(tools);
                    s["owns"] = json!("all");
                }
                s
            })
            .collect();
        let desired = described(json!({
            "hasmcp": {"owns": "all", "servers": servers},
            "getmcp": [{"site": w.site(), "owns": "all", "servers": site}],
        }));
        let options = PlanOptions::new().prune(prune);
        let plan = desired::plan_with(&w.clients, &desired, &options)
            .await
            .unwrap();
        let report =
            desired::apply_with(&w.clients, &plan, &ApplyOptions::new().concurrency(3)).await;
        assert!(report.all_applied(), "{plan}\n{report}");
        let writes = w.writes().await.len();
        let again = desired::plan_with(&w.clients, &desired, &options)
            .await
            .unwrap();
        assert!(again.is_empty(), "{plan}\n---\n{again}");
        assert!(desired::apply(&w.clients, &again).await.steps.is_empty());
        assert_eq!(w.writes().await.len(), writes);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
        #[test]
        fn apply_then_plan_is_empty(live in live(), wanted in wanted(), prune in any::<bool>()) {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(converge(live, wanted, prune));
        }
    }
}

#[tokio::test]
async fn a_create_with_an_unknown_outcome_is_found_by_its_key_on_the_next_plan() {
    let w = World::new().await;
    let provider = w.hm.seed_provider("GitHub");
    let tool = w.hm.seed_tool(&provider, "repos");
    let slow = hasmcp::Client::builder()
        .base_url(w.hm.uri())
        .token(w.hm.token())
        .retry(RetryPolicy::none())
        .timeout(std::time::Duration::from_millis(200))
        .build()
        .unwrap();
    let clients = Clients::new().hasmcp(slow);
    let desired =
        described(json!({"hasmcp": {"servers": [{"name": "Late", "tools": [{"id": tool}]}]}}));
    let plan = desired::plan(&clients, &desired).await.unwrap();
    // The create lands, but only after the client stopped waiting.
    w.hm.inject_on_write(1, Fault::Delay(std::time::Duration::from_millis(600)));
    let report = desired::apply(&clients, &plan).await;
    assert!(
        matches!(report.steps[0].outcome, Outcome::MayHaveApplied { .. }),
        "{report}"
    );
    assert_eq!(
        report.steps[1].outcome,
        Outcome::NotApplied {
            why: NotApplied::AfterFailure
        }
    );
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    // The next plan finds the server by its name: no second create, only the link.
    let replan = w.plan(&desired).await;
    assert_eq!(
        replan.summary(),
        "Plan: 0 to create, 0 to update, 1 to attach, 0 to detach, 0 to delete."
    );
}

#[tokio::test]
async fn the_servers_normal_forms_compare_equal() {
    let w = World::new().await;
    set_test_env("DESIRED_TEST_KEY", "k");
    // HasMCP leaves empty instructions out of its answers.
    w.hm.seed_server("Quiet", "");
    // A real WordPress renders empty settings as `[]`; origins keep the order sent.
    w.gm.insert_server(json!({
        "name": "Docs", "slug": "docs", "status": "active", "settings": [],
        "cors_origins": "https://b.example,https://a.example", "rate_limit_per_min": -1,
        "auth_type": "api-key",
        "test_auth_credentials": "{\"name\":\"X-Key\",\"value\":\"k\",\"location\":\"header\"}",
    }));
    let desired = described(json!({
        "hasmcp": {"servers": [{"name": "Quiet", "instructions": "", "tools": [], "resources": []}]},
        "getmcp": [{"site": w.site(), "servers": [{
            "slug": "docs", "name": "Docs", "description": "", "rate_limit_per_min": -1,
            "cors_origins": ["https://a.example", "https://b.example"],
            "auth_type": "api-key",
            "test_credentials": {"type": "api-key", "name": "X-Key", "value": "${env:DESIRED_TEST_KEY}", "location": "header"},
        }]}],
    }));
    let plan = w.plan(&desired).await;
    assert!(plan.is_empty(), "{plan}");
    // A bumped credentials_version, against the version last sent, sends them again.
    let key = format!("{}/docs", w.site());
    let mut bumped = desired.clone();
    bumped.getmcp[0].servers[0].credentials_version = Some(2);
    let options = PlanOptions::new().credentials_sent(key.clone(), 1);
    let plan = desired::plan_with(&w.clients, &bumped, &options)
        .await
        .unwrap();
    assert_eq!(
        plan.changes[0]
            .credentials
            .as_ref()
            .map(|c| c.reason.as_str()),
        Some("credentials_version 1 -> 2")
    );
    assert!(plan.changes[0].fields.is_empty());
    let report = desired::apply(&w.clients, &plan).await;
    assert!(report.all_applied(), "{report}");
    assert_eq!(report.credentials_sent.get(&key), Some(&2));
    let options = PlanOptions::new().credentials_sent(key, 2);
    assert!(desired::plan_with(&w.clients, &bumped, &options)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_saved_plan_reads_back_and_one_of_another_format_version_is_refused() {
    let w = World::new().await;
    let desired = full_description(&w);
    let plan = w.plan(&desired).await;
    let saved = serde_json::to_string(&plan).unwrap();
    assert_eq!(desired::Plan::from_json(&saved).unwrap(), plan);

    let mut value: Value = serde_json::from_str(&saved).unwrap();
    value["format_version"] = json!(1);
    let err = desired::Plan::from_json(&value.to_string()).unwrap_err();
    let PlanError::FormatVersion { found, expected } = &err else {
        panic!("{err}")
    };
    assert_eq!((found, *expected), (&json!(1), 2));
    assert_eq!(
        err.to_string(),
        "the saved plan has format_version 1; this version of mcp-admin applies only format_version 2: plan again"
    );
    value.as_object_mut().unwrap().remove("format_version");
    assert!(matches!(
        desired::Plan::from_json(&value.to_string()),
        Err(PlanError::FormatVersion {
            found: Value::Null,
            ..
        })
    ));
    // Read with serde directly, another version fails as well.
    let err = serde_json::from_value::<desired::Plan>(json!({
        "format_version": 1, "planned_at": "2026-12-05T10:00:00Z", "changes": []
    }))
    .unwrap_err();
    assert!(err.to_string().contains("format_version 1"), "{err}");
    let err = desired::Plan::from_json(r#"{"format_version": 2, "changes": 3}"#).unwrap_err();
    assert!(matches!(err, PlanError::SavedPlan { .. }), "{err}");
    assert!(desired::Plan::from_json("not json").is_err());
}

#[tokio::test]
async fn a_plan_older_than_the_maximum_age_is_refused_before_any_request() {
    let w = World::new().await;
    let desired = described(json!({"hasmcp": {"servers": [{"name": "Docs"}]}}));
    let mut plan = w.plan(&desired).await;
    plan.planned_at -= chrono::Duration::hours(2);
    let sent = w.requests().await.len();

    let report = desired::apply(&w.clients, &plan).await;
    assert_eq!(
        report.steps[0].outcome,
        Outcome::NotApplied {
            why: NotApplied::PlanTooOld {
                planned_at: plan.planned_at,
                max_age_secs: 3600
            }
        }
    );
    assert_eq!(
        report.summary(),
        "Applied 0 of 1: the plan is older than the maximum age and nothing was sent; plan again."
    );
    assert_eq!(w.requests().await.len(), sent, "nothing was sent");
    assert_eq!(desired::DEFAULT_MAX_AGE.as_secs(), 3600);

    // A shorter maximum refuses a younger plan; allowing any age applies it.
    plan.planned_at += chrono::Duration::minutes(110);
    let short = ApplyOptions::new().max_age(std::time::Duration::from_secs(300));
    let report = desired::apply_with(&w.clients, &plan, &short).await;
    assert!(!report.all_applied());
    assert_eq!(w.requests().await.len(), sent);
    let any = ApplyOptions::new().set_max_age(None);
    plan.planned_at -= chrono::Duration::days(30);
    let report = desired::apply_with(&w.clients, &plan, &any).await;
    assert!(report.all_applied(), "{report}");
}

#[tokio::test]
async fn a_server_of_the_same_name_created_since_the_plan_is_not_duplicated() {
    let w = World::new().await;
    let existing = w.hm.seed_server("Existing", "old");
    let desired = described(json!({"hasmcp": {"servers": [
        {"name": "Existing", "instructions": "new"},
        {"name": "Fresh", "instructions": "mine"},
    ]}}));
    let plan = w.plan(&desired).await;
    assert_eq!(plan.changes[1].action, desired::Action::Create);
    // Another writer creates `Fresh` while the first step writes.
    let twin = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let made = twin.clone();
    w.hm.before_next_write(move |fake| {
        *made.lock().unwrap() = fake.seed_server("Fresh", "theirs");
    });
    let report = w.apply_in_order(&plan).await;
    let twin = twin.lock().unwrap().clone();
    assert_eq!(report.steps[0].outcome, Outcome::Applied);
    assert_eq!(
        report.steps[1].outcome,
        Outcome::NotApplied {
            why: NotApplied::Stale {
                field: "name".into(),
                planned: Value::Null,
                current: json!(twin),
            }
        }
    );
    assert!(report.to_string().contains(&format!(
        "hasmcp server \"Fresh\": create: not applied, stale: nothing had this name when planned; \"{twin}\" has it now"
    )));
    // The create was checked with one list read and never sent.
    assert_eq!(
        w.writes().await,
        [format!("PATCH /api/v1/servers/{existing}")]
    );
    assert_eq!(w.hm.server(&twin).unwrap()["instructions"], "theirs");
    // The re-plan shows what still differs, on the other writer's server.
    let replan = w.plan(&desired).await;
    assert_eq!(
        replan.summary(),
        "Plan: 0 to create, 1 to update, 0 to attach, 0 to detach, 0 to delete."
    );
}

/// A GetMCP server with a tool, a resource and a prompt, and a description that
/// changes one field of each, adds one of each, and leaves out `old_tool`.
fn site_with_items(w: &World) -> (u64, Desired) {
    let (server, _) = w.gm.seed_server("Weather");
    w.gm.insert_tool(
        server,
        json!({"name": "get_forecast", "endpoint_url": "https://api.example.com/{city}",
               "parameter_mapping": {"city": {"target": "path"}}}),
    );
    w.gm.seed_tool(server, "old_tool");
    w.gm.seed_resource(server, "docs://guide", "Guide");
    w.gm.seed_prompt(server, "summarize", "Summarize: {{text}}");
    let desired = described(json!({"getmcp": [{"site": w.site(), "servers": [{
        "slug": "weather", "owns": ["old_tool"],
        "tools": [
            {"name": "get_forecast", "timeout": 15, "endpoint_url": "https://api.example.com/{city}",
             "parameter_mapping": {"city": {"target": "path"}}, "status": "active"},
            {"name": "get_alerts", "http_method": "POST", "input_schema": {"type": "object"},
             "parameter_mapping": {"region": {"target": "query", "key": "r"}}, "retry_count": 2},
        ],
        "resources": [
            {"uri": "docs://guide", "name": "Guide v2", "mime_type": "text/plain"},
            {"uri": "docs://faq", "name": "FAQ", "data_source_type": "static",
             "data_source_config": {"content": "# FAQ"}, "template_uri": ""},
        ],
        "prompts": [
            {"name": "summarize", "template_content": "Summarize: {{text}}",
             "arguments": [{"name": "text", "required": true}], "description": ""},
            {"name": "translate", "template_content": "Translate {{text}}"},
        ],
    }]}]}));
    (server, desired)
}

#[tokio::test]
async fn a_getmcp_servers_tools_resources_and_prompts_converge_by_key() {
    let w = World::new().await;
    let (server, desired) = site_with_items(&w);
    let tools = w.gm.tools(server);
    let forecast = tools[0]["id"].as_u64().unwrap();
    let old_tool = tools[1]["id"].as_u64().unwrap();
    let guide = w.gm.resources(server)[0]["id"].as_u64().unwrap();
    let summarize = w.gm.prompts(server)[0]["id"].as_u64().unwrap();

    // Without pruning, the tool the description leaves out is listed, not deleted.
    let plan = w.plan(&desired).await;
    assert_eq!(
        plan.summary(),
        "Plan: 3 to create, 3 to update, 0 to attach, 0 to detach, 0 to delete."
    );
    assert_eq!(plan.changes[0].action, desired::Action::Attachments);
    let shown = plan.to_string();
    assert!(
        shown.contains(&format!(
            "~ getmcp {}/weather (id {server})\n    ~ tool \"get_forecast\" (id {forecast})\n        timeout: 30 -> 15\n        (3 unchanged fields hidden)\n    + tool \"get_alerts\"\n        name: \"get_alerts\"\n        http_method: \"POST\"\n",
            w.site()
        )),
        "{shown}"
    );
    assert!(
        shown.contains(&format!(
            "    ~ resource \"docs://guide\" (id {guide})\n        name: \"Guide\" -> \"Guide v2\"\n"
        )),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("    ~ prompt \"summarize\" (id {summarize})\n        arguments: [] -> [{{\"name\":\"text\",\"required\":true}}]\n")),
        "{shown}"
    );
    assert_eq!(
        plan.unmanaged,
        [Target::GetmcpItem {
            site: w.site(),
            slug: "weather".into(),
            kind: desired::ItemKind::Tool,
            key: "old_tool".into()
        }]
    );
    // Reads: the server list, then one list of each kind described.
    assert_eq!(
        w.requests().await,
        [
            "GET /wp-json/getmcp/v1/servers".to_string(),
            format!("GET /wp-json/getmcp/v1/servers/{server}/tools"),
            format!("GET /wp-json/getmcp/v1/servers/{server}/resources"),
            format!("GET /wp-json/getmcp/v1/servers/{server}/prompts"),
        ]
    );

    let plan = w.plan_pruning(&desired).await;
    assert_eq!(
        plan.summary(),
        "Plan: 3 to create, 3 to update, 0 to attach, 0 to detach, 1 to delete."
    );
    let report = w.apply_in_order(&plan).await;
    assert!(report.all_applied(), "{report}");
    let steps: Vec<&str> = report.steps.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(
        steps,
        [
            "update tool \"get_forecast\"",
            "create tool \"get_alerts\"",
            "delete tool \"old_tool\"",
            "update resource \"docs://guide\"",
            "create resource \"docs://faq\"",
            "update prompt \"summarize\"",
            "create prompt \"translate\"",
        ]
    );
    // Each field in the item's own PATCH or POST, nothing else.
    let writes: Vec<(String, Option<Value>)> =
        w.gm.requests()
            .await
            .into_iter()
            .filter(|r| r.method != "GET")
            .map(|r| (format!("{} {}", r.method, r.path), r.body_json()))
            .collect();
    let base = format!("/wp-json/getmcp/v1/servers/{server}");
    assert_eq!(
        writes,
        [
            (
                format!("PATCH {base}/tools/{forecast}"),
                Some(json!({"timeout": 15}))
            ),
            (
                format!("POST {base}/tools"),
                Some(json!({"name": "get_alerts", "http_method": "POST",
                            "input_schema": {"type": "object"},
                            "parameter_mapping": {"region": {"target": "query", "key": "r"}},
                            "retry_count": 2}))
            ),
            (format!("DELETE {base}/tools/{old_tool}"), None),
            (
                format!("PATCH {base}/resources/{guide}"),
                Some(json!({"name": "Guide v2"}))
            ),
            (
                format!("POST {base}/resources"),
                Some(
                    json!({"uri": "docs://faq", "name": "FAQ", "data_source_type": "static",
                            "data_source_config": {"content": "# FAQ"}, "template_uri": ""})
                )
            ),
            (
                format!("PATCH {base}/prompts/{summarize}"),
                Some(json!({"arguments": [{"name": "text", "required": true}]}))
            ),
            (
                format!("POST {base}/prompts"),
                Some(json!({"name": "translate", "template_content": "Translate {{text}}"}))
            ),
        ]
    );
    let again = w.plan_pruning(&desired).await;
    assert!(again.is_empty(), "{again}");
    let writes = w.writes().await.len();
    assert!(desired::apply(&w.clients, &again).await.steps.is_empty());
    assert_eq!(
        w.writes().await.len(),
        writes,
        "the second apply wrote nothing"
    );
}

#[tokio::test]
async fn a_new_getmcp_server_is_created_with_its_items() {
    let w = World::new().await;
    let desired = described(json!({"getmcp": [{"site": w.site(), "servers": [{
        "slug": "fresh", "name": "Fresh",
        "tools": [{"name": "ping", "endpoint_url": "https://example.com/ping"}],
        "prompts": [{"name": "hello", "template_content": "Hello {{name}}"}],
    }]}]}));
    let plan = w.plan(&desired).await;
    assert_eq!(
        plan.summary(),
        "Plan: 3 to create, 0 to update, 0 to attach, 0 to detach, 0 to delete."
    );
    assert_eq!(
        w.requests().await.len(),
        1,
        "a new server's items need no read"
    );
    let report = desired::apply(&w.clients, &plan).await;
    assert!(report.all_applied(), "{report}");
    let again = w.plan(&desired).await;
    assert!(again.is_empty(), "{again}");
    let id = w.gm.server(1u64).unwrap()["id"].as_u64().unwrap();
    assert_eq!(
        w.gm.tools(id)[0]["endpoint_url"],
        "https://example.com/ping"
    );
}

#[tokio::test]
async fn item_changes_made_since_the_plan_are_stale_and_a_fault_stops_the_rest() {
    let w = World::new().await;
    let (server, desired) = site_with_items(&w);
    let plan = w.plan_pruning(&desired).await;
    let forecast = w.gm.tools(server)[0]["id"].as_u64().unwrap();
    // Between plan and apply another client changes the tool's timeout and creates a
    // resource with the URI the plan creates.
    let gc = getmcp::Client::builder(w.gm.uri())
        .api_key(w.gm.api_key())
        .build()
        .unwrap();
    gc.update_tool(server, forecast)
        .timeout(20)
        .send()
        .await
        .unwrap();
    let faq = gc
        .create_resource(server, "Theirs")
        .uri("docs://faq")
        .send()
        .await
        .unwrap()
        .id
        .0;
    // The second write (the delete) fails.
    w.gm.inject_on_write(
        2,
        Fault::InternalError {
            reason: "disk full".into(),
        },
    );
    let report = w.apply_in_order(&plan).await;
    let outcomes: Vec<(&str, &Outcome)> = report
        .steps
        .iter()
        .map(|s| (s.step.as_str(), &s.outcome))
        .collect();
    assert_eq!(
        outcomes[0],
        (
            "update tool \"get_forecast\"",
            &stale_value("timeout", json!(30), json!(20))
        )
    );
    assert_eq!(outcomes[1].0, "create tool \"get_alerts\"");
    assert_eq!(outcomes[1].1, &Outcome::Applied);
    assert_eq!(outcomes[2].0, "delete tool \"old_tool\"");
    assert!(matches!(outcomes[2].1, Outcome::Failed { .. }), "{report}");
    for (_, outcome) in &outcomes[3..] {
        assert_eq!(
            **outcome,
            Outcome::NotApplied {
                why: NotApplied::AfterFailure
            }
        );
    }
    // Nothing of the other writer's was lost; the re-plan shows what still differs,
    // and the resource it created now blocks nothing: it is updated, not twinned.
    assert_eq!(w.gm.tool(forecast).unwrap()["timeout"], 20);
    let replan = w.plan_pruning(&desired).await;
    assert_eq!(
        replan.summary(),
        "Plan: 1 to create, 4 to update, 0 to attach, 0 to detach, 1 to delete."
    );
    let report = desired::apply(&w.clients, &replan).await;
    assert!(report.all_applied(), "{report}");
    assert!(w.plan_pruning(&desired).await.is_empty());
    assert_eq!(w.gm.resources(server).len(), 2);
    assert_eq!(w.gm.resource(faq).unwrap()["name"], "FAQ");
}

#[tokio::test]
async fn an_item_created_since_the_plan_is_not_twinned() {
    let w = World::new().await;
    let (server, _) = w.gm.seed_server("Weather");
    let desired = described(json!({"getmcp": [{"site": w.site(), "servers": [{
        "slug": "weather", "tools": [{"name": "ping"}]}]}]}));
    let plan = w.plan(&desired).await;
    let (theirs, _) = w.gm.seed_tool(server, "ping");
    let report = desired::apply(&w.clients, &plan).await;
    assert_eq!(
        report.steps[0].outcome,
        stale_value("name", Value::Null, json!(theirs.to_string()))
    );
    assert!(w.writes().await.is_empty());
    assert_eq!(w.gm.tools(server).len(), 1);
}

#[tokio::test]
async fn bad_item_descriptions_are_refused_with_their_path() {
    let w = World::new().await;
    let err = Desired::from_value(json!({"getmcp": [{"site": "s", "servers": [{"slug": "a",
        "tools": [{"name": "ok"}, {"name": "b", "timout": 3}]}]}]}))
    .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "invalid description at getmcp[0].servers[0].tools[1]: unknown field `timout`"
        ),
        "{err}"
    );
    let err = Desired::from_value(json!({"getmcp": [{"site": "s", "servers": [{"slug": "a",
        "tools": [{"name": "b", "parameter_mapping": {"city": {"target": "path", "kye": "c"}}}]}]}]}))
    .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "invalid description at getmcp[0].servers[0].tools[0].parameter_mapping.city: unknown field `kye`"
        ),
        "{err}"
    );
    let err = Desired::from_value(json!({"getmcp": [{"site": "s", "servers": [{"slug": "a",
        "prompts": [{"name": "p", "arguments": [{"name": "x", "optional": true}]}]}]}]}))
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid description at getmcp[0].servers[0].prompts[0].arguments[0]"),
        "{err}"
    );
    let (server, _) = w.gm.seed_server("Docs");
    let cases = [
        (
            json!({"tools": [{"name": "a"}, {"name": "a"}]}),
            "getmcp[0].servers[0].tools[1]",
            "the tool name \"a\" is also used by getmcp[0].servers[0].tools[0]",
        ),
        (
            json!({"resources": [{"uri": "docs://x", "name": "X"}, {"uri": "docs://x", "name": "Y"}]}),
            "getmcp[0].servers[0].resources[1]",
            "the resource uri \"docs://x\" is also used by getmcp[0].servers[0].resources[0]",
        ),
        (
            json!({"resources": [{"uri": "guide", "name": "X"}]}),
            "getmcp[0].servers[0].resources[0].uri",
            "has no scheme",
        ),
        (
            json!({"tools": [{"name": "a", "http_method": "get"}]}),
            "getmcp[0].servers[0].tools[0].http_method",
            "\"get\" is not one of",
        ),
    ];
    for (items, want_path, want_reason) in cases {
        let mut server = json!({"slug": "docs"});
        server
            .as_object_mut()
            .unwrap()
            .extend(items.as_object().unwrap().clone());
        let description = described(json!({"getmcp": [{"site": w.site(), "servers": [server]}]}));
        let err = desired::plan(&w.clients, &description).await.unwrap_err();
        let PlanError::Invalid { path, reason } = &err else {
            panic!("{err}")
        };
        assert_eq!(path, want_path);
        assert!(reason.contains(want_reason), "{reason}");
    }
    assert!(w.requests().await.is_empty(), "nothing was sent");

    // Found after the reads, before any write: a new item missing what a create needs,
    // and a key two live items share.
    let err = desired::plan(
        &w.clients,
        &described(json!({"getmcp": [{"site": w.site(), "servers": [
            {"slug": "docs", "prompts": [{"name": "p"}]}]}]})),
    )
    .await
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid description at getmcp[0].servers[0].prompts[0].template_content: a new prompt needs a template_content"
    );
    let (a, _) = w.gm.seed_tool(server, "twin");
    let (b, _) = w.gm.seed_tool(server, "twin");
    let err = desired::plan(
        &w.clients,
        &described(json!({"getmcp": [{"site": w.site(), "servers": [
            {"slug": "docs", "tools": [{"name": "twin"}]}]}]})),
    )
    .await
    .unwrap_err();
    let PlanError::Ambiguous { key, ids } = &err else {
        panic!("{err}")
    };
    assert_eq!(key, &format!("getmcp {}/docs tool \"twin\"", w.site()));
    assert_eq!(ids, &[a.to_string(), b.to_string()]);
    assert!(w.writes().await.is_empty());
}

/// A step refused because `field` moved from `planned` to `current`, any JSON.
fn stale_value(field: &str, planned: Value, current: Value) -> Outcome {
    Outcome::NotApplied {
        why: NotApplied::Stale {
            field: field.into(),
            planned,
            current,
        },
    }
}

#[tokio::test]
async fn an_item_changed_since_the_plan_is_not_deleted() {
    let w = World::new().await;
    let (server, _) = w.gm.seed_server("Weather");
    let (old, _) = w.gm.seed_tool(server, "old_tool");
    let desired = described(json!({"getmcp": [{"site": w.site(), "servers": [{
        "slug": "weather", "owns": "all", "tools": []}]}]}));
    let plan = w.plan_pruning(&desired).await;
    assert_eq!(plan.changes[0].items[0].action, desired::Action::Delete);
    let planned = w.gm.tool(old).unwrap()["updated_at"].clone();
    // Someone edits the tool between plan and apply: it is no longer the one planned.
    let gc = getmcp::Client::builder(w.gm.uri())
        .api_key(w.gm.api_key())
        .build()
        .unwrap();
    gc.update_tool(server, old).timeout(5).send().await.unwrap();
    let now = w.gm.tool(old).unwrap()["updated_at"].clone();
    assert_ne!(planned, now);
    let report = desired::apply(&w.clients, &plan).await;
    let Outcome::NotApplied {
        why: NotApplied::Stale { field, .. },
    } = &report.steps[0].outcome
    else {
        panic!("{report}")
    };
    assert_eq!(field, "updated_at");
    assert!(w.gm.tool(old).is_some(), "not deleted");
    // A tool already gone counts as converged.
    let plan = w.plan_pruning(&desired).await;
    gc.delete_tool(server, old).await.unwrap();
    assert!(desired::apply(&w.clients, &plan).await.all_applied());
}

/// The hosted service keeps resources and prompts under their providers and has no
/// top-level list: named ones are found through every provider's list, and the plan
/// converges as it does on the open-source edition.
#[tokio::test]
async fn hosted_resources_and_prompts_named_in_the_description_are_found_under_providers() {
    let fake = FakeHasMcp::builder()
        .edition(mcp_admin::testing::Edition::Hosted)
        .start()
        .await;
    fake.without_rate_limit();
    let github = fake.seed_provider("GitHub");
    let docs = fake.seed_provider("Docs");
    fake.seed_provider_resource(&docs, "readme", "file:///README.md");
    let prompt = fake.seed_provider_prompt(&github, "summarize");
    let hm = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let clients = Clients::new().hasmcp(hm.clone());
    let desired = described(json!({
        "hasmcp": {"servers": [
            {"name": "Docs", "resources": [{"name": "readme"}], "prompts": [{"name": "summarize"}]},
        ]},
    }));
    let plan = desired::plan(&clients, &desired).await.unwrap();
    assert_eq!(
        plan.summary(),
        "Plan: 1 to create, 0 to update, 2 to attach, 0 to detach, 0 to delete."
    );
    let paths: Vec<String> = fake
        .requests()
        .await
        .into_iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(
        paths.contains(&"GET /api/v1/resources".to_owned())
            && paths.contains(&format!("GET /api/v1/providers/{docs}/resources"))
            && paths.contains(&format!("GET /api/v1/providers/{github}/prompts")),
        "{paths:?}"
    );

    let report = desired::apply(&clients, &plan).await;
    assert!(report.all_applied(), "{report}");
    let listed = hm.list_servers().all().await.unwrap();
    let server = fake.server(listed[0].id.as_str()).unwrap();
    assert_eq!(server["prompts"], json!([{"id": prompt}]));
    assert_eq!(server["resources"].as_array().map(Vec::len), Some(1));
    assert!(desired::plan(&clients, &desired).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_hand_edited_item_value_that_does_not_fit_names_the_platform_call_and_field() {
    let w = World::new().await;
    let (server, desired) = site_with_items(&w);
    let plan = w.plan(&desired).await;
    let forecast = w.gm.tools(server)[0]["id"].as_u64().unwrap();
    // The saved plan, edited by hand: the new timeout is no number of seconds.
    let mut saved: Value = serde_json::to_value(&plan).unwrap();
    let update = &mut saved["changes"][0]["items"][0];
    assert_eq!(update["fields"][0]["field"], "timeout");
    update["fields"][0]["new"] = json!(-1);
    let edited = desired::Plan::from_json(&saved.to_string()).unwrap();

    let report = w.apply_in_order(&edited).await;
    let Outcome::Failed { error } = &report.steps[0].outcome else {
        panic!("{report}")
    };
    assert!(
        error.starts_with("GetMCP getmcp_update_tool: invalid input for `timeout`: -1: "),
        "{error}"
    );
    assert_eq!(
        w.gm.tool(forecast).unwrap()["timeout"],
        30,
        "nothing was sent"
    );
}

#[tokio::test]
async fn a_saved_plan_dated_at_either_end_of_the_calendar_is_judged_by_its_age() {
    let w = World::new().await;
    let desired = described(json!({"hasmcp": {"servers": [{"name": "Docs"}]}}));
    let plan = w.plan(&desired).await;
    let mut saved: Value = serde_json::to_value(&plan).unwrap();
    // Dates no `SystemTime` holds on every platform: refused as old, applied as new.
    saved["planned_at"] = json!("1000-01-01T00:00:00Z");
    let ancient = desired::Plan::from_json(&saved.to_string()).unwrap();
    let report = desired::apply(&w.clients, &ancient).await;
    assert!(
        matches!(
            report.steps[0].outcome,
            Outcome::NotApplied {
                why: NotApplied::PlanTooOld { .. }
            }
        ),
        "{report}"
    );
    let forever = ApplyOptions::new().max_age(std::time::Duration::MAX);
    saved["planned_at"] = json!("+40000-01-01T00:00:00Z");
    let future = desired::Plan::from_json(&saved.to_string()).unwrap();
    let report = desired::apply_with(&w.clients, &future, &forever).await;
    assert!(report.all_applied(), "{report}");
}
