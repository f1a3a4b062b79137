//! Server export and import: the hosted service's document of a whole server
//! (`GET /servers/{id}/export`, `POST /servers/import`). Only the vendor's document has
//! them; the open-source edition answers neither (see [`Client::export_server`]).

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{
    hasmcp::{Client, Server, ServerId},
    id::{self, IntoId},
    transport::{self, ops},
    Error,
};

/// A server's export document: what [`Client::export_server`] answers and
/// [`Client::import_server`] sends back.
///
/// The vendor's document calls it "ExportServer JSON schema spec" and declares only that
/// it is a JSON object, so the crate keeps it as one: it decodes from an object (never a
/// list, text or `null`) and is sent exactly as it was read. Its keys may change with
/// the service; read them with [`as_object`](Self::as_object).
///
/// It may carry configuration the service would mask elsewhere, so `Debug` shows its
/// top-level keys only.
///
/// ```
/// use mcp_admin::hasmcp::ServerExport;
/// use serde_json::json;
///
/// let doc: ServerExport = serde_json::from_value(json!({"server": {"name": "Docs"}})).unwrap();
/// assert_eq!(doc.as_object()["server"]["name"], "Docs");
/// assert_eq!(serde_json::to_value(&doc).unwrap(), json!({"server": {"name": "Docs"}}));
/// assert_eq!(format!("{doc:?}"), r#"ServerExport { keys: ["server"] }"#);
/// assert!(serde_json::from_value::<ServerExport>(json!([1])).is_err());
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServerExport(Map<String, Value>);

impl ServerExport {
    /// A document from a JSON object, e.g. one read from a file a Git push wrote.
    ///
    /// ```
    /// let doc = mcp_admin::hasmcp::ServerExport::new(serde_json::Map::new());
    /// assert!(doc.as_object().is_empty());
    /// ```
    pub fn new(object: Map<String, Value>) -> Self {
        ServerExport(object)
    }

    /// The document's JSON object.
    pub fn as_object(&self) -> &Map<String, Value> {
        &self.0
    }

    /// The document's JSON object, owned.
    pub fn into_object(self) -> Map<String, Value> {
        self.0
    }
}

impl From<Map<String, Value>> for ServerExport {
    fn from(object: Map<String, Value>) -> Self {
        ServerExport(object)
    }
}

impl fmt::Debug for ServerExport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerExport")
            .field("keys", &self.0.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Client {
    /// Exports server `id` as one document (`GET /api/v1/servers/{id}/export`), which
    /// [`Client::import_server`] takes back.
    ///
    /// **Hosted service only** (the vendor's document). The open-source edition has no
    /// such route: its web app answers this `GET` with a page, which reads as
    /// [`Error::is_unsupported`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{hasmcp, testing::{Edition, FakeHasMcp}};
    ///
    /// let fake = FakeHasMcp::builder().edition(Edition::Hosted).start().await;
    /// let id = fake.seed_server("GitHubTools", "Use these tools for GitHub");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let doc = hm.export_server(&id).await?;
    /// let copy = hm.import_server(doc).await?;
    /// assert_ne!(copy.id.as_str(), id);
    /// assert_eq!(copy.name, "GitHubTools");
    /// # Ok(()) }
    /// ```
    pub async fn export_server(&self, id: impl IntoId<ServerId>) -> Result<ServerExport, Error> {
        let id = id::take(id, "id", &ops::HASMCP_EXPORT_SERVER)?;
        let raw = self.raw();
        let op = raw.hasmcp_export_server().id(id);
        transport::call(raw, &ops::HASMCP_EXPORT_SERVER, move || op.send()).await
    }

    /// Creates a server from an export document (`POST /api/v1/servers/import`, 201) and
    /// returns it. The document is sent as given, without an envelope.
    ///
    /// **Hosted service only** (the vendor's document). The open-source edition has no
    /// such route and answers 405, which reads as [`Error::is_unsupported`] (nothing was
    /// created).
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// let text = std::fs::read_to_string("GitHubTools/export.json").expect("the file");
    /// let doc: mcp_admin::hasmcp::ServerExport = serde_json::from_str(&text).expect("an object");
    /// let server = hm.import_server(doc).await?;
    /// println!("imported as {}", server.id);
    /// # Ok(()) }
    /// ```
    pub async fn import_server(&self, export: ServerExport) -> Result<Server, Error> {
        const OP: &ops::Operation = &ops::HASMCP_IMPORT_SERVER;
        let raw = self.raw();
        let op = raw.hasmcp_import_server().body(export);
        Ok(transport::call(raw, OP, move || op.send()).await?.server)
    }
}
