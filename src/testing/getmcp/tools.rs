//! A server's tools: their arguments, defaults and list rules, and the fake's public
//! seeds and reads. The handlers are `children`'s.

use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::{
    children::{fields, Kind},
    emulation::Arg,
    paging::Totals,
    FakeGetMcp,
};
use crate::getmcp::ServerRef;

/// How tools are stored and checked (vendor docs): the create and update arguments, `name`
/// required, 50 a page ordered by `sort_order`, `X-WP-Total` only. Nested values
/// (`parameter_mapping` entries, `input_schema`) are stored as given.
pub(super) static TOOLS: Kind = Kind {
    name: "tool",
    not_found: "Tool not found.",
    count_key: "tool_count",
    uuid: true,
    args: &[
        ("name", Arg::Str),
        ("description", Arg::Str),
        ("endpoint_url", Arg::Str),
        (
            "http_method",
            Arg::Enum(&["GET", "POST", "PUT", "PATCH", "DELETE"]),
        ),
        ("input_schema", Arg::Object),
        ("parameter_mapping", Arg::Object),
        ("headers", Arg::Object),
        ("cache_ttl", Arg::Int { minimum: 0 }),
        ("timeout", Arg::Int { minimum: 0 }),
        ("retry_count", Arg::IntIn(0, 5)),
        (
            "retry_backoff",
            Arg::Enum(&["none", "linear", "exponential"]),
        ),
        ("status", Arg::Enum(&["active", "paused"])),
    ],
    required: &["name"],
    filters: &[("status", Arg::Enum(&["", "active", "paused"]))],
    default_per_page: 50,
    totals: Totals::TotalOnly,
    defaults,
    sort_key: Some("sort_order"),
    table: |st| &st.tools,
    table_mut: |st| &mut st.tools,
};

/// A new tool's fields before the body's, as the docs show them.
fn defaults() -> Map<String, Value> {
    fields(json!({
        "name": "",
        "description": "",
        "endpoint_url": "",
        "http_method": "GET",
        "input_schema": [],
        "parameter_mapping": [],
        "response_mapping": {"selector": "", "format": "json", "template": ""},
        "headers": null,
        "cache_ttl": 0,
        "timeout": 30,
        "rate_limit_per_min": 60,
        "retry_count": 0,
        "retry_backoff": "none",
        "status": "active",
        "tags": [],
        "last_tested_at": null,
        "last_test_response_ms": null,
    }))
}

impl FakeGetMcp {
    /// Adds an active `GET` tool named `name` to a server and returns its numeric id
    /// and UUID; the server's `tool_count` follows.
    ///
    /// # Panics
    ///
    /// When there is no such server: seeding a missing server is a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Weather");
    /// let (id, uuid) = fake.seed_tool(server, "get_forecast");
    /// let tool = fake.tool(id).unwrap();
    /// assert_eq!(tool["uuid"], uuid.to_string());
    /// assert_eq!(fake.server(server).unwrap()["tool_count"], 1);
    /// # }
    /// ```
    pub fn seed_tool(&self, server: impl Into<ServerRef>, name: &str) -> (u64, Uuid) {
        self.insert_tool(server, json!({ "name": name }))
    }

    /// Adds a tool with `fields` over the defaults (any field, stored as given) and
    /// returns its numeric id and UUID. Use it to start from any state, such as a tool
    /// in a status the API does not take (`"status": "draft"`).
    ///
    /// # Panics
    ///
    /// When there is no such server, or `fields` is not an object.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use serde_json::json;
    ///
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Weather");
    /// let (id, _) = fake.insert_tool(server, json!({"name": "imported", "status": "draft"}));
    /// assert_eq!(fake.tool(id).unwrap()["status"], "draft");
    /// # }
    /// ```
    pub fn insert_tool(&self, server: impl Into<ServerRef>, fields: Value) -> (u64, Uuid) {
        let Value::Object(fields) = fields else {
            panic!("FakeGetMcp::insert_tool: a tool is a JSON object, got {fields}");
        };
        let row = self.seed_row(&TOOLS, server.into(), fields);
        let id = row["id"].as_u64().unwrap_or_default();
        let uuid = row["uuid"].as_str().and_then(|u| u.parse().ok());
        (id, uuid.unwrap_or_default())
    }

    /// The tool with numeric id `id` as `GET` returns it, on any server, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// assert!(fake.tool(1).is_none());
    /// # }
    /// ```
    pub fn tool(&self, id: u64) -> Option<Value> {
        self.row(&TOOLS, id)
    }

    /// A server's tools in the list's order (`sort_order`); empty when it has none or
    /// does not exist.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Weather");
    /// fake.seed_tool(server, "a");
    /// fake.seed_tool(server, "b");
    /// let names: Vec<_> = fake.tools(server).iter().map(|t| t["name"].clone()).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// # }
    /// ```
    pub fn tools(&self, server: impl Into<ServerRef>) -> Vec<Value> {
        self.rows(&TOOLS, server.into())
    }
}
