//! A server's prompts: their arguments, defaults and list rules, and the fake's public
//! seeds and reads. The handlers are `children`'s.

use serde_json::{json, Map, Value};

use super::{
    children::{fields, Kind},
    emulation::Arg,
    paging::Totals,
    FakeGetMcp,
};
use crate::getmcp::ServerRef;

/// How prompts are stored and checked: `name` and `template_content` required (vendor docs),
/// numeric ids only. The list and the delete have no vendor page: they behave as the
/// resources' do (inferred).
pub(super) static PROMPTS: Kind = Kind {
    name: "prompt",
    not_found: "Prompt not found.",
    count_key: "prompt_count",
    uuid: false,
    args: &[
        ("name", Arg::Str),
        ("description", Arg::Str),
        ("arguments", Arg::Array),
        ("template_content", Arg::Str),
    ],
    required: &["name", "template_content"],
    filters: &[],
    default_per_page: 50,
    totals: Totals::TotalOnly,
    defaults,
    sort_key: None,
    table: |st| &st.prompts,
    table_mut: |st| &mut st.prompts,
};

/// A new prompt's fields before the body's.
fn defaults() -> Map<String, Value> {
    fields(json!({
        "name": "",
        "description": "",
        "arguments": [],
        "template_content": "",
    }))
}

impl FakeGetMcp {
    /// Adds a prompt without arguments to a server and returns its numeric id; the
    /// server's `prompt_count` follows.
    ///
    /// # Panics
    ///
    /// When there is no such server: seeding a missing server is a bug in the test.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// let (server, _) = fake.seed_server("Writing");
    /// let id = fake.seed_prompt(server, "summarize", "Summarize: {{text}}");
    /// assert_eq!(fake.prompt(id).unwrap()["template_content"], "Summarize: {{text}}");
    /// assert_eq!(fake.prompts(server).len(), 1);
    /// # }
    /// ```
    pub fn seed_prompt(&self, server: impl Into<ServerRef>, name: &str, template: &str) -> u64 {
        let row = self.seed_row(
            &PROMPTS,
            server.into(),
            fields(json!({ "name": name, "template_content": template })),
        );
        row["id"].as_u64().unwrap_or_default()
    }

    /// The prompt with numeric id `id` as `GET` returns it, on any server, or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// assert!(fake.prompt(1).is_none());
    /// # }
    /// ```
    pub fn prompt(&self, id: u64) -> Option<Value> {
        self.row(&PROMPTS, id)
    }

    /// A server's prompts in id order; empty when it has none or does not exist.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeGetMcp::start().await;
    /// assert!(fake.prompts(1u64).is_empty());
    /// # }
    /// ```
    pub fn prompts(&self, server: impl Into<ServerRef>) -> Vec<Value> {
        self.rows(&PROMPTS, server.into())
    }
}
