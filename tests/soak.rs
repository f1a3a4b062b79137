//! Model-based soak against the fakes: random operations, each with a random fault
//! aimed at one of its requests (or none), a seeded random number generator, retries on
//! and off. After each operation the fake's state is read directly and checked:
//!
//! - every `Ok` is in the state (the change asked for is there);
//! - every error whose `may_have_applied()` is `false` left the state as it was.
//!
//! `cargo test --test soak` runs a bounded number of operations. A longer run:
//! `MCP_ADMIN_SOAK_OPS=20000 cargo test --release --test soak -- --nocapture`
//! (`MCP_ADMIN_SOAK_SEED` picks another first seed).

use std::time::{Duration, Instant};

use mcp_admin::{
    getmcp::{self, AuthType, KeyLocation, OutboundAuth, ServerStatus, TestAuthCredentials},
    hasmcp::{self, ToolMethod, VisibilityType},
    testing::{Edition, FakeGetMcp, FakeHasMcp, Fault},
    Error, RetryPolicy,
};
use serde_json::{json, Value};

/// Operations per platform and retry mode in the bounded run.
const BOUNDED_OPS: usize = 120;

/// How long the client waits for an answer, and how late a delayed answer comes.
const TIMEOUT: Duration = Duration::from_millis(400);
const LATE: Duration = Duration::from_millis(600);

/// SplitMix64: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn ops() -> usize {
    std::env::var("MCP_ADMIN_SOAK_OPS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(BOUNDED_OPS)
}

fn first_seed() -> u64 {
    std::env::var("MCP_ADMIN_SOAK_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(24)
}

fn retry_policies() -> [(&'static str, RetryPolicy); 2] {
    [
        ("retries off", RetryPolicy::none()),
        (
            "retries on",
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(1))
                .max_backoff(Duration::from_millis(5)),
        ),
    ]
}

/// A fault before 40 % of the operations, aimed at one of their first four requests.
/// Returns when a late answer's write will have landed, if the fault delays one.
fn maybe_fault(rng: &mut Rng, inject: impl FnOnce(usize, Fault)) -> Option<Instant> {
    if !rng.chance(40) {
        return None;
    }
    let skip = rng.below(4);
    let fault = match rng.below(20) {
        0..=4 => Fault::Unavailable,
        5..=9 => Fault::HtmlPage,
        10..=14 => Fault::InternalError {
            reason: "database is locked".into(),
        },
        15..=18 => Fault::RateLimited { retry_after: 0 },
        _ => Fault::Delay(LATE),
    };
    let late = matches!(fault, Fault::Delay(_)).then(|| Instant::now() + LATE * 2);
    inject(skip, fault);
    late
}

/// What one operation came to, for the tally and the failure message.
#[derive(Default)]
struct Tally {
    ok: usize,
    errors: usize,
    said_applied: usize,
    violations: Vec<String>,
}

impl Tally {
    fn check<T>(
        &mut self,
        what: &str,
        outcome: &Result<T, Error>,
        in_state: bool,
        unchanged: bool,
    ) {
        match outcome {
            Ok(_) => {
                self.ok += 1;
                if !in_state {
                    self.violations
                        .push(format!("{what}: Ok, but the change is not in the state"));
                }
            }
            Err(e) => {
                self.errors += 1;
                if e.may_have_applied() {
                    self.said_applied += 1;
                } else if !unchanged {
                    self.violations.push(format!(
                        "{what}: may_have_applied() == false, but the state changed: {e}"
                    ));
                }
            }
        }
    }

    fn finish(self, label: &str) {
        println!(
            "{label}: {} Ok, {} errors ({} may have applied)",
            self.ok, self.errors, self.said_applied
        );
        assert!(
            self.violations.is_empty(),
            "{label}: {} violations, first: {:#?}",
            self.violations.len(),
            &self.violations[..self.violations.len().min(5)]
        );
        assert!(
            self.ok > 0 && self.errors > 0,
            "{label}: the mix exercised both outcomes"
        );
    }
}

async fn settle(late: Option<Instant>) {
    if let Some(until) = late {
        tokio::time::sleep_until(until.into()).await;
    }
}

// ---------------------------------------------------------------- GetMCP

/// Whether the change an operation asked for is in the server and its stored
/// credentials (test, inbound, outbound).
type InState = Box<dyn Fn(&Value, &[Option<Value>; 3]) -> bool>;

/// A server's stored credentials: test, inbound, outbound.
fn stored(fake: &FakeGetMcp, id: u64) -> [Option<Value>; 3] {
    [
        fake.test_credentials(id),
        fake.inbound_credentials(id),
        fake.outbound_credentials(id),
    ]
}

/// The credentials for `auth_type`, and what the fake stores for them.
fn credentials_for(auth_type: &AuthType, n: usize) -> (TestAuthCredentials, Value) {
    let token = format!("tok-{n}");
    match auth_type {
        AuthType::ApiKey => (
            TestAuthCredentials::api_key("X-Key", &token, KeyLocation::Header),
            json!({"name": "X-Key", "value": token, "location": "header"}),
        ),
        AuthType::Basic => (
            TestAuthCredentials::basic("me", &token),
            json!({"username": "me", "password": token}),
        ),
        _ => (TestAuthCredentials::bearer(&token), json!({"token": token})),
    }
}

fn wire(auth_type: &AuthType) -> String {
    auth_type.to_string()
}

async fn soak_getmcp(seed: u64, policy: RetryPolicy, label: &str) {
    let mut rng = Rng(seed);
    let fake = FakeGetMcp::start().await;
    let gm = getmcp::Client::builder(fake.uri())
        .api_key(fake.api_key())
        .retry(policy)
        .timeout(TIMEOUT)
        .build()
        .expect("client builds");
    let servers: Vec<u64> = (0..3)
        .map(|i| fake.seed_server(&format!("Soak {i}")).0)
        .collect();
    let types = [AuthType::Bearer, AuthType::ApiKey, AuthType::Basic];
    let mut tally = Tally::default();
    for n in 0..ops() {
        let id = servers[rng.below(servers.len())];
        let before = (fake.server(id), stored(&fake, id));
        let op = rng.below(9);
        let late = maybe_fault(&mut rng, |skip, fault| fake.inject_after(skip, fault));
        let update = gm.update_server(id);
        // (what, outcome, whether the change asked for is in the state afterwards)
        let (what, outcome, expect): (String, _, InState) = match op {
            0 => {
                let name = format!("Renamed {n}");
                let outcome = update.name(&name).send().await;
                (
                    format!("rename to {name}"),
                    outcome,
                    Box::new(move |s, _| s["name"] == name.as_str()),
                )
            }
            1 => {
                let status = [
                    ServerStatus::Active,
                    ServerStatus::Paused,
                    ServerStatus::Draft,
                ][rng.below(3)]
                .clone();
                let want = status.to_string();
                let outcome = update.status(status).send().await;
                (
                    format!("status {want}"),
                    outcome,
                    Box::new(move |s, _| s["status"] == want.as_str()),
                )
            }
            2 => {
                let auth_type = types[rng.below(3)].clone();
                let (credentials, stored) = credentials_for(&auth_type, n);
                let want = wire(&auth_type);
                let outcome = update
                    .auth_type(auth_type)
                    .test_auth_credentials(credentials)
                    .send()
                    .await;
                (
                    format!("auth_type {want} with credentials"),
                    outcome,
                    Box::new(move |s, c| {
                        s["auth_type"] == want.as_str() && c[0] == Some(stored.clone())
                    }),
                )
            }
            3 => {
                let current = before
                    .0
                    .as_ref()
                    .and_then(|s| s["auth_type"].as_str().map(str::to_owned));
                let auth_type: AuthType = current
                    .as_deref()
                    .unwrap_or("bearer")
                    .parse()
                    .expect("never fails");
                let (credentials, stored) = credentials_for(&auth_type, n);
                let outcome = update.test_auth_credentials(credentials).send().await;
                (
                    "credentials alone".into(),
                    outcome,
                    Box::new(move |_, c| c[0] == Some(stored.clone())),
                )
            }
            4 => {
                let outcome = update.clear_test_auth_credentials().send().await;
                (
                    "clear credentials".into(),
                    outcome,
                    Box::new(|_, c| c[0].is_none()),
                )
            }
            5 => {
                let token = format!("up-{n}");
                let want = json!({"token": token});
                let outcome = update
                    .outbound_auth(OutboundAuth::bearer(&token))
                    .send()
                    .await;
                (
                    "outbound auth".into(),
                    outcome,
                    Box::new(move |s, c| {
                        s["outbound_auth_type"] == "bearer" && c[2] == Some(want.clone())
                    }),
                )
            }
            6 => {
                let outcome = update.clear_outbound_auth().send().await;
                (
                    "clear outbound auth".into(),
                    outcome,
                    Box::new(|s, c| s["outbound_auth_type"] == "none" && c[2].is_none()),
                )
            }
            7 => {
                let auth_type = types[rng.below(3)].clone();
                let (credentials, stored) = credentials_for(&auth_type, n);
                let want = wire(&auth_type);
                let outcome = update
                    .auth_type(auth_type)
                    .auth_credentials(credentials)
                    .send()
                    .await;
                (
                    format!("auth_type {want} with inbound credentials"),
                    outcome,
                    Box::new(move |s, c| {
                        s["auth_type"] == want.as_str() && c[1] == Some(stored.clone())
                    }),
                )
            }
            _ => {
                // Refused before sending: a shape the new type cannot take.
                let outcome = update
                    .auth_type(AuthType::ApiKey)
                    .test_auth_credentials(TestAuthCredentials::bearer("tok"))
                    .send()
                    .await;
                if !outcome.as_ref().is_err_and(Error::is_invalid_input) {
                    tally.violations.push(format!(
                        "mismatched credentials were not refused: {outcome:?}"
                    ));
                }
                (
                    "mismatched credentials".into(),
                    outcome,
                    Box::new(|_, _| false),
                )
            }
        };
        settle(late).await;
        fake.clear_faults();
        let after = (fake.server(id), stored(&fake, id));
        let in_state = after.0.as_ref().is_some_and(|s| expect(s, &after.1));
        tally.check(
            &format!("#{n} server {id}: {what}"),
            &outcome,
            in_state,
            after == before,
        );
    }
    tally.finish(label);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn getmcp_soak_every_outcome_says_what_is_in_the_state() {
    for (i, (mode, policy)) in retry_policies().into_iter().enumerate() {
        let seed = first_seed() + i as u64;
        soak_getmcp(seed, policy, &format!("GetMCP, {mode}, seed {seed}")).await;
    }
}

// ---------------------------------------------------------------- HasMCP

struct Catalog {
    provider: String,
    tools: Vec<String>,
    resources: Vec<String>,
    prompts: Vec<String>,
}

/// The catalog the soak works on; with `hosted`, resources and prompts are made under
/// the provider, where the hosted service keeps them.
async fn catalog(hm: &hasmcp::Client, hosted: bool) -> Catalog {
    let provider = hm
        .create_provider("Soak")
        .visibility(VisibilityType::Public)
        .base_url("https://api.example.com")
        .description("Soak")
        .send()
        .await
        .expect("provider")
        .id
        .to_string();
    let mut tools = Vec::new();
    for i in 0..4 {
        let tool = hm
            .create_provider_tool(&provider, ToolMethod::Get, format!("/v1/items/{i}"))
            .send()
            .await
            .expect("tool");
        tools.push(tool.id.to_string());
    }
    let mut resources = Vec::new();
    let mut prompts = Vec::new();
    for i in 0..2 {
        let r = if hosted {
            hm.create_provider_resource(&provider, format!("r{i}"))
                .uri("README.md")
        } else {
            hm.create_resource(format!("r{i}")).uri("README.md")
        };
        let r = r.send().await.expect("resource");
        resources.push(r.id.to_string());
        let p = if hosted {
            hm.create_provider_prompt(&provider, format!("p{i}"))
                .messages([])
        } else {
            hm.create_prompt(format!("p{i}")).messages([])
        };
        let p = p.send().await.expect("prompt");
        prompts.push(p.id.to_string());
    }
    Catalog {
        provider,
        tools,
        resources,
        prompts,
    }
}

/// What an operation on `item` may change, read with no fault queued (under
/// `provider` when the items were made under one).
async fn read_item(
    fake: &FakeHasMcp,
    hm: &hasmcp::Client,
    kind: &str,
    item: &str,
    provider: Option<&str>,
) -> Option<Value> {
    match (kind, provider) {
        ("resource", None) => hm.get_resource(item).await.ok().map(|r| json!(r.name)),
        ("resource", Some(p)) => hm
            .get_provider_resource(p, item)
            .await
            .ok()
            .map(|r| json!(r.name)),
        ("prompt", None) => hm.get_prompt(item).await.ok().map(|p| json!(p.name)),
        ("prompt", Some(p)) => hm
            .get_provider_prompt(p, item)
            .await
            .ok()
            .map(|p| json!(p.name)),
        ("variable", _) => fake.variable_value(item).map(Value::String),
        _ => fake.server(item),
    }
}

async fn soak_hasmcp(seed: u64, policy: RetryPolicy, label: &str, edition: Edition) {
    let mut rng = Rng(seed);
    let fake = FakeHasMcp::builder().edition(edition).start().await;
    fake.without_rate_limit();
    let hm = hasmcp::Client::builder()
        .base_url(fake.uri())
        .token(fake.token())
        .retry(policy)
        .timeout(TIMEOUT)
        .build()
        .expect("client builds");
    let hosted = edition == Edition::Hosted;
    let c = catalog(&hm, hosted).await;
    let under = hosted.then_some(c.provider.as_str());
    let variable = fake.seed_variable("SOAK", "ENV", "v0");
    let servers: Vec<String> = (0..2)
        .map(|i| fake.seed_server(&format!("Soak{i}"), ""))
        .collect();
    let mut tally = Tally::default();
    for n in 0..ops() {
        let server = servers[rng.below(servers.len())].clone();
        let op = rng.below(5);
        let (item_kind, item) = match op {
            2 => ("resource", c.resources[rng.below(2)].clone()),
            3 => ("prompt", c.prompts[rng.below(2)].clone()),
            4 => ("variable", variable.clone()),
            _ => ("server", server.clone()),
        };
        let before = read_item(&fake, &hm, item_kind, &item, under).await;
        let late = maybe_fault(&mut rng, |skip, fault| fake.inject_after(skip, fault));
        let name = format!("n{n}");
        let (what, outcome) = match op {
            0 => {
                // Links only: detach some tools, attach others.
                let mut attach = Vec::new();
                let mut detach = Vec::new();
                for tool in &c.tools {
                    match rng.below(3) {
                        0 => attach.push(tool.clone()),
                        1 => detach.push(tool.clone()),
                        _ => {}
                    }
                }
                if attach.is_empty() && detach.is_empty() {
                    attach.push(c.tools[0].clone());
                }
                let outcome = hm
                    .update_server(&server)
                    .attach_tools(&c.provider, attach.clone())
                    .detach_tools(detach.clone())
                    .send()
                    .await
                    .map(drop);
                (format!("links +{attach:?} -{detach:?}"), outcome)
            }
            1 => {
                let outcome = hm.update_server(&server).name(&name).send().await.map(drop);
                (format!("rename to {name}"), outcome)
            }
            2 => {
                let update = match under {
                    Some(provider) => hm.update_provider_resource(provider, &item),
                    None => hm.update_resource(&item),
                };
                let outcome = update.name(&name).send().await.map(drop);
                (format!("rename resource to {name}"), outcome)
            }
            3 => {
                let update = match under {
                    Some(provider) => hm.update_provider_prompt(provider, &item),
                    None => hm.update_prompt(&item),
                };
                let outcome = update.name(&name).send().await.map(drop);
                (format!("rename prompt to {name}"), outcome)
            }
            _ => (
                format!("set variable to {name}"),
                hm.update_variable(&item)
                    .value(&name)
                    .send()
                    .await
                    .map(drop),
            ),
        };
        settle(late).await;
        fake.clear_faults();
        let after = read_item(&fake, &hm, item_kind, &item, under).await;
        let in_state = match op {
            0 => {
                let linked = fake.attached_tools(&server);
                let (plus, minus) = what.split_once(" -").expect("the description has both");
                c.tools.iter().all(|t| {
                    let asked_on = plus.contains(t.as_str());
                    let asked_off = minus.contains(t.as_str());
                    (!asked_on || linked.contains(t)) && (!asked_off || !linked.contains(t))
                })
            }
            1 => after.as_ref().is_some_and(|s| s["name"] == name.as_str()),
            _ => after == Some(json!(name)),
        };
        tally.check(
            &format!("#{n} {item_kind} {item}: {what}"),
            &outcome,
            in_state,
            after == before,
        );
    }
    tally.finish(label);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hasmcp_soak_every_outcome_says_what_is_in_the_state() {
    for (i, (mode, policy)) in retry_policies().into_iter().enumerate() {
        // Both editions: resources and prompts at the top level or under the provider.
        for (edition, offset) in [(Edition::OpenSource, 100), (Edition::Hosted, 200)] {
            let seed = first_seed() + offset + i as u64;
            let label = format!("HasMCP {edition:?}, {mode}, seed {seed}");
            soak_hasmcp(seed, policy.clone(), &label, edition).await;
        }
    }
}
