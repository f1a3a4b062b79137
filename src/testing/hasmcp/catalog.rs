//! The catalog a server draws from (providers and their tools, resources, prompts,
//! variables) and the link store that attaches its items to servers.
//!
//! Catalog items are kept in wire form, the JSON object the API renders (`id`
//! included), so a handler renders one as stored and a new field is one more key. Maps
//! are keyed by canonical id (see `emulation::canonical_id`), so iteration is in id
//! order, which is the order the server answers in.
//!
//! Links are rows, as the database holds them, keyed by all their ids:
//! `(server, provider, tool)`, `(server, resource)`, `(server, prompt)`. `GET /servers/{id}` renders a server's
//! attachments from them, the link endpoints add and remove single rows, and a PATCH
//! replaces a server's rows. Deleting a catalog item removes its rows
//! ([`State::unlink_tool`], …), as the server's delete does.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::{emulation::canonical_id, state::State, tools, FakeHasMcp};
use crate::testing::rfc3339;

/// A catalog item in wire form: the JSON object the API renders, `id` included.
pub(super) type Record = Map<String, Value>;

/// Providers, tools, resources, prompts and variables, each keyed by canonical id.
#[derive(Debug, Default)]
pub(super) struct Catalog {
    pub(super) providers: BTreeMap<String, Record>,
    /// Every provider's tools; each record's `providerID` names its provider.
    pub(super) tools: BTreeMap<String, Record>,
    pub(super) resources: BTreeMap<String, Record>,
    pub(super) prompts: BTreeMap<String, Record>,
    pub(super) variables: BTreeMap<String, Record>,
}

impl Catalog {
    /// Whether any item of any kind has this (canonical) id.
    pub(super) fn holds(&self, id: &str) -> bool {
        self.providers.contains_key(id)
            || self.tools.contains_key(id)
            || self.resources.contains_key(id)
            || self.prompts.contains_key(id)
            || self.variables.contains_key(id)
    }
}

/// The rows attaching catalog items to servers, by canonical ids.
#[derive(Debug, Default)]
pub(super) struct Links {
    /// `(server, provider, tool)`: the provider is part of the key, so a tool can be
    /// linked under two providers (a PATCH takes any provider id; the link endpoint
    /// uses the tool's own).
    tools: BTreeSet<(String, String, String)>,
    resources: BTreeSet<(String, String)>,
    prompts: BTreeSet<(String, String)>,
}

/// A server's attachments, each list in id order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Attachments {
    /// `(provider, tool)` rows, by provider id then tool id.
    pub(super) tools: Vec<(String, String)>,
    pub(super) resources: Vec<String>,
    pub(super) prompts: Vec<String>,
}

impl Links {
    /// Adds a `(server, provider, tool)` row; false when it exists.
    pub(super) fn link_tool(&mut self, server: &str, provider: &str, tool: &str) -> bool {
        self.tools.insert((
            canonical_id(server),
            canonical_id(provider),
            canonical_id(tool),
        ))
    }

    /// Removes a server's rows for a tool, under any provider; false when there were
    /// none.
    pub(super) fn unlink_server_tool(&mut self, server: &str, tool: &str) -> bool {
        let (server, tool) = (canonical_id(server), canonical_id(tool));
        let before = self.tools.len();
        self.tools.retain(|(s, _, t)| !(*s == server && *t == tool));
        self.tools.len() != before
    }

    /// Adds a `(server, resource)` row; false when it exists.
    pub(super) fn link_resource(&mut self, server: &str, resource: &str) -> bool {
        self.resources
            .insert((canonical_id(server), canonical_id(resource)))
    }

    /// Removes a `(server, resource)` row; false when there was none.
    pub(super) fn unlink_server_resource(&mut self, server: &str, resource: &str) -> bool {
        self.resources
            .remove(&(canonical_id(server), canonical_id(resource)))
    }

    /// Adds a `(server, prompt)` row; false when it exists.
    pub(super) fn link_prompt(&mut self, server: &str, prompt: &str) -> bool {
        self.prompts
            .insert((canonical_id(server), canonical_id(prompt)))
    }

    /// Removes a `(server, prompt)` row; false when there was none.
    pub(super) fn unlink_server_prompt(&mut self, server: &str, prompt: &str) -> bool {
        self.prompts
            .remove(&(canonical_id(server), canonical_id(prompt)))
    }

    /// A server's attachments, in id order.
    pub(super) fn of(&self, server: &str) -> Attachments {
        let server = canonical_id(server);
        let tools = self
            .tools
            .iter()
            .filter(|(s, _, _)| *s == server)
            .map(|(_, provider, tool)| (provider.clone(), tool.clone()))
            .collect();
        let pick = |rows: &BTreeSet<(String, String)>| -> Vec<String> {
            rows.iter()
                .filter(|(s, _)| *s == server)
                .map(|(_, id)| id.clone())
                .collect()
        };
        Attachments {
            tools,
            resources: pick(&self.resources),
            prompts: pick(&self.prompts),
        }
    }

    /// Replaces a server's rows with `new`, as a PATCH does (delete all, insert the
    /// body's; a repeated row is kept once).
    pub(super) fn replace(&mut self, server: &str, new: &Attachments) {
        self.remove_server(server);
        for (provider, tool) in &new.tools {
            self.link_tool(server, provider, tool);
        }
        for resource in &new.resources {
            self.link_resource(server, resource);
        }
        for prompt in &new.prompts {
            self.link_prompt(server, prompt);
        }
    }

    /// Removes every row of a server.
    pub(super) fn remove_server(&mut self, server: &str) {
        let server = canonical_id(server);
        self.tools.retain(|(s, _, _)| *s != server);
        self.resources.retain(|(s, _)| *s != server);
        self.prompts.retain(|(s, _)| *s != server);
    }
}

impl State {
    /// The tool with this id, in any provider.
    pub(super) fn tool(&self, id: &str) -> Option<&Record> {
        self.catalog.tools.get(&canonical_id(id))
    }

    /// The id of the provider a tool belongs to.
    pub(super) fn tool_provider(&self, id: &str) -> Option<String> {
        let tool = self.tool(id)?;
        tool.get("providerID")
            .and_then(Value::as_str)
            .map(canonical_id)
    }

    /// Whether a provider with this id exists.
    pub(super) fn provider_exists(&self, id: &str) -> bool {
        self.catalog.providers.contains_key(&canonical_id(id))
    }

    /// Whether a resource with this id exists.
    pub(super) fn resource_exists(&self, id: &str) -> bool {
        self.catalog.resources.contains_key(&canonical_id(id))
    }

    /// Whether a prompt with this id exists.
    pub(super) fn prompt_exists(&self, id: &str) -> bool {
        self.catalog.prompts.contains_key(&canonical_id(id))
    }

    /// Removes every link of a server, as deleting the server does.
    pub(super) fn remove_server_links(&mut self, server: &str) {
        self.links.remove_server(server);
    }

    /// Stores a new catalog record in `kind`'s map under a fresh id, with `fields` and
    /// the `id` (and `createdAt`/`updatedAt` when `timestamps`); returns the id.
    pub(super) fn add_record(
        &mut self,
        kind: fn(&mut Catalog) -> &mut BTreeMap<String, Record>,
        fields: Value,
        timestamps: bool,
    ) -> String {
        let id = self.new_id();
        let mut record = Record::new();
        record.insert("id".into(), id.clone().into());
        if timestamps {
            let now = rfc3339(self.clock.tick());
            record.insert("createdAt".into(), now.clone().into());
            record.insert("updatedAt".into(), now.into());
        }
        if let Value::Object(fields) = fields {
            record.extend(fields);
        }
        kind(&mut self.catalog).insert(id.clone(), record);
        id
    }
}

// What the catalog's own handlers use: listing a provider's tools, and removing the
// links of a provider, tool, resource or prompt they delete (as the service does).
impl State {
    /// The tools of one provider, in the order the database returns them: the query has
    /// no `ORDER BY`, and SQLite reads the rows through the unique index on (provider,
    /// method number, path), so by the method's number (`GET` 1, `HEAD` 2, `POST` 3,
    /// `PUT` 4, `PATCH` 5, `DELETE` 6, `CONNECT` 7, `OPTIONS` 8, `TRACE` 9), then by the
    /// path's bytes (M1; predicted from SQLite's plan, not settled for Postgres).
    pub(super) fn tools_of(&self, provider: &str) -> Vec<&Record> {
        let provider = canonical_id(provider);
        let mut tools: Vec<&Record> = self
            .catalog
            .tools
            .values()
            .filter(|t| t.get("providerID").and_then(Value::as_str) == Some(provider.as_str()))
            .collect();
        fn key(tool: &Record) -> (Option<usize>, &str) {
            let text = |key| tool.get(key).and_then(Value::as_str).unwrap_or("");
            let method = text("method");
            (
                tools::METHODS.iter().position(|m| *m == method),
                text("path"),
            )
        }
        tools.sort_by(|a, b| key(a).cmp(&key(b)));
        tools
    }

    /// Removes every server's link to a tool, as deleting the tool does.
    pub(super) fn unlink_tool(&mut self, tool: &str) {
        let tool = canonical_id(tool);
        self.links.tools.retain(|(_, _, t)| *t != tool);
    }

    /// Removes every server's link to any tool of a provider (by the provider the link
    /// was made with), as deleting the provider does.
    pub(super) fn unlink_provider(&mut self, provider: &str) {
        let provider = canonical_id(provider);
        self.links.tools.retain(|(_, p, _)| *p != provider);
    }

    /// Removes every server's link to a resource, as deleting the resource does.
    pub(super) fn unlink_resource(&mut self, resource: &str) {
        let resource = canonical_id(resource);
        self.links.resources.retain(|(_, r)| *r != resource);
    }

    /// Removes every server's link to a prompt, as deleting the prompt does.
    pub(super) fn unlink_prompt(&mut self, prompt: &str) {
        let prompt = canonical_id(prompt);
        self.links.prompts.retain(|(_, p)| *p != prompt);
    }
}

impl FakeHasMcp {
    /// Adds a provider as `POST /providers` would create it (version 1, `REST`,
    /// `INTERNAL`, a base URL made from the name, no tools) and returns its id.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let provider = fake.seed_provider("GitHub");
    /// let tool = fake.seed_tool(&provider, "listRepos");
    /// assert!(provider != tool && tool.len() == 11);
    /// # }
    /// ```
    pub fn seed_provider(&self, name: &str) -> String {
        let fields = json!({
            "version": 1,
            "apiType": "REST",
            "visibilityType": "INTERNAL",
            "baseURL": format!("https://{}.example.com", name.to_ascii_lowercase()),
            "name": name,
        });
        self.0
            .with_state(|st| st.add_record(|c| &mut c.providers, fields, true))
    }

    /// Adds a tool to a provider (`GET /{name}`) and returns its id: a tool
    /// [`hasmcp::Client::attach_tool`](crate::hasmcp::Client::attach_tool) can link.
    ///
    /// # Panics
    ///
    /// When the provider does not exist: a tool without one is a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let provider = fake.seed_provider("GitHub");
    /// let (a, b) = (fake.seed_tool(&provider, "listRepos"), fake.seed_tool(&provider, "getRepo"));
    /// assert_ne!(a, b);
    /// # }
    /// ```
    pub fn seed_tool(&self, provider_id: &str, name: &str) -> String {
        self.0.with_state(|st| {
            if !st.provider_exists(provider_id) {
                panic!("FakeHasMcp::seed_tool: no provider has id {provider_id}");
            }
            let fields = json!({
                "providerID": canonical_id(provider_id),
                "method": "GET",
                "path": format!("/{name}"),
                "name": name,
            });
            st.add_record(|c| &mut c.tools, fields, false)
        })
    }

    /// Adds a resource and returns its id.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_resource("readme", "file:///README.md");
    /// assert_eq!(id.len(), 11);
    /// # }
    /// ```
    pub fn seed_resource(&self, name: &str, uri: &str) -> String {
        let fields = json!({ "name": name, "uri": uri });
        self.0
            .with_state(|st| st.add_record(|c| &mut c.resources, fields, true))
    }

    /// Adds a prompt and returns its id.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_prompt("summarize");
    /// assert_eq!(id.len(), 11);
    /// # }
    /// ```
    pub fn seed_prompt(&self, name: &str) -> String {
        let fields = json!({ "name": name });
        self.0
            .with_state(|st| st.add_record(|c| &mut c.prompts, fields, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_rows_listed_in_id_order() {
        let mut links = Links::default();
        assert!(links.link_tool("S", "P2", "T2"));
        assert!(links.link_tool("S", "P1", "T9"));
        assert!(links.link_tool("S", "P2", "T1"));
        assert!(!links.link_tool("S", "P2", "T1"), "one row per key");
        assert!(
            links.link_tool("S", "P1", "T1"),
            "the provider is in the key"
        );
        assert!(links.link_resource("S", "R2") && links.link_resource("S", "R1"));
        assert!(!links.link_resource("S", "R1"));
        assert!(links.link_prompt("X", "Q1"));
        let rows = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(p, t)| (canonical_id(p), canonical_id(t)))
                .collect()
        };
        let of = links.of("S");
        assert_eq!(
            of.tools,
            rows(&[("P1", "T1"), ("P1", "T9"), ("P2", "T1"), ("P2", "T2")])
        );
        assert_eq!(of.resources, vec![canonical_id("R1"), canonical_id("R2")]);
        assert!(of.prompts.is_empty());
        assert!(links.unlink_server_tool("S", "T1"));
        assert!(!links.unlink_server_tool("S", "T1"));
        assert_eq!(links.of("S").tools, rows(&[("P1", "T9"), ("P2", "T2")]));
        links.replace("S", &Attachments::default());
        assert_eq!(links.of("S"), Attachments::default());
        assert_eq!(links.of("X").prompts, vec![canonical_id("Q1")]);
    }

    #[test]
    fn deleting_a_catalog_item_removes_its_links_on_every_server() {
        let mut st = State::default();
        for server in ["S1", "S2"] {
            st.links.link_tool(server, "P1", "T1");
            st.links.link_tool(server, "P2", "T2");
            st.links.link_resource(server, "R1");
            st.links.link_prompt(server, "Q1");
        }
        st.unlink_tool("T1");
        st.unlink_resource("R1");
        assert_eq!(
            st.links.of("S2").tools,
            vec![(canonical_id("P2"), canonical_id("T2"))]
        );
        st.unlink_provider("P2");
        st.unlink_prompt("Q1");
        assert_eq!(st.links.of("S1"), Attachments::default());
        assert_eq!(st.links.of("S2"), Attachments::default());
    }
}
