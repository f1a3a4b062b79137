//! A server's resources: their arguments, defaults and list rules, and the fake's public
//! seeds and reads. The handlers are `children`'s.

use serde_json::{json, Map, Value};

use super::{
    children::{fields, Kind},
    emulation::Arg,
    paging::Totals,
    FakeGetMcp,
};
use crate::getmcp::ServerRef;

/// How resources are stored and checked (vendor docs): `uri` and `name` required, numeric ids
/// only, `X-WP-Total` only. Paging is not documented for this list; it pages like the
/// tools, 50 by default (inferred).
pub(super) static RESOURCES: Kind = Kind {
    name: "resource",
    not_found: "Resource not found.",
    count_key: "resource_count",
    uuid: false,
    args: &[
        ("uri", Arg::Str),
        ("name", Arg::Str),
        ("description", Arg::Str),
        ("mime_type", Arg::Str),
        (
            "data_source_type",
            Arg::Enum(&["static", "url", "wp_query", "callback"]),
        ),
        ("data_source_config", Arg::Object),
        ("template_uri", Arg::Str),
    ],
    required: &["uri", "name"],
    filters: &[],
    default_per_page: 50,
    totals: Totals::TotalOnly,
    defaults,
    sort_key: None,
    table: |st| &st.resources,
    table_mut: |st| &mut st.resources,
};

/// A new resource's fields before the body's: `text/plain`, `static` (vendor docs).
fn defaults() -> Map<String, Value> {
    fields(json!({
        "uri": "",
        "name": "",
        "description": "",
        "mime_type": "text/plain",
        "data_source_type": "static",
        "data_source_config": [],
        "template_uri": null,
    }))
}

impl FakeGetMcp {
    /// Adds a static resource to a server and returns its numeric id; the server's
    /// `resource_count` follows.
    ///
    /// # Panics
    ///
    /// When there is no such server: seeding a missing server is a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Docs");
    /// let id = fake.seed_resource(server, "docs://guide", "Guide");
    /// assert_eq!(fake.resource(id).unwrap()["mime_type"], "text/plain");
    /// assert_eq!(fake.resources(server).len(), 1);
    /// # }
    /// ```
    pub fn seed_resource(&self, server: impl Into<ServerRef>, uri: &str, name: &str) -> u64 {
        let row = self.seed_row(
            &RESOURCES,
            server.into(),
            fields(json!({ "uri": uri, "name": name })),
        );
        row["id"].as_u64().unwrap_or_default()
    }

    /// The resource with numeric id `id` as `GET` returns it, on any server, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// assert!(fake.resource(1).is_none());
    /// # }
    /// ```
    pub fn resource(&self, id: u64) -> Option<Value> {
        self.row(&RESOURCES, id)
    }

    /// A server's resources in id order; empty when it has none or does not exist.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// assert!(fake.resources(1u64).is_empty());
    /// # }
    /// ```
    pub fn resources(&self, server: impl Into<ServerRef>) -> Vec<Value> {
        self.rows(&RESOURCES, server.into())
    }
}
