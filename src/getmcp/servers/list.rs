//! The server list: its filters and sort keys, paged by [`List`].

use crate::{
    getmcp::{Client, Server, ServerStatus},
    paging::{self, with_paging, List, Page, Paged, Paging, Query},
    transport::ops,
    wire::wire_enum,
    Error,
};

wire_enum! {
    /// The sort key of the server list (`orderby`); the site's default is
    /// [`LastUsedAt`](Self::LastUsedAt).
    pub enum ServerOrderBy {
        /// `id`: creation order, stable while others write.
        Id = "id",
        /// `name`
        Name = "name",
        /// `slug`
        Slug = "slug",
        /// `status`
        Status = "status",
        /// `created_at`
        CreatedAt = "created_at",
        /// `updated_at`
        UpdatedAt = "updated_at",
        /// `last_used_at`: most recently used first by default; a server that was never
        /// used sorts by `created_at`.
        LastUsedAt = "last_used_at",
    }
}

wire_enum! {
    /// Sort direction (`order`); the site's default is [`Desc`](Self::Desc).
    pub enum SortOrder {
        /// `ASC`
        Asc = "ASC",
        /// `DESC`
        Desc = "DESC",
    }
}

/// What the server list asks for besides paging: its filters and order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServersQuery {
    status: Option<ServerStatus>,
    search: Option<String>,
    orderby: Option<ServerOrderBy>,
    order: Option<SortOrder>,
}

/// `GET /servers`: see [`List`] for paging, and the setters below for the filters.
pub type ListServers = List<ServersQuery>;

impl List<ServersQuery> {
    /// Only servers with this status.
    pub fn status(self, status: ServerStatus) -> Self {
        self.set_status(Some(status))
    }

    /// The status filter, or `None` for every server.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let list = gm.list_servers().set_status(Some(mcp_admin::getmcp::ServerStatus::Draft));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_status(mut self, status: Option<ServerStatus>) -> Self {
        self.query.status = status;
        self
    }

    /// Only servers whose name or slug contains `text` (SQL `LIKE`, so case-insensitive
    /// on the usual MySQL collations).
    pub fn search(self, text: impl Into<String>) -> Self {
        self.set_search(Some(text.into()))
    }

    /// The search text, or `None` for no search.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let list = gm.list_servers().set_search(Some("github".into()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_search(mut self, text: Option<String>) -> Self {
        self.query.search = text;
        self
    }

    /// The sort key.
    pub fn orderby(self, key: ServerOrderBy) -> Self {
        self.set_orderby(Some(key))
    }

    /// The sort key, or `None` for the site's default (`last_used_at`).
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let list = gm.list_servers().set_orderby(Some(mcp_admin::getmcp::ServerOrderBy::Id));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_orderby(mut self, key: Option<ServerOrderBy>) -> Self {
        self.query.orderby = key;
        self
    }

    /// The sort direction.
    pub fn order(self, order: SortOrder) -> Self {
        self.set_order(Some(order))
    }

    /// The sort direction, or `None` for the site's default (descending).
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let list = gm.list_servers().set_order(Some(mcp_admin::getmcp::SortOrder::Asc));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_order(mut self, order: Option<SortOrder>) -> Self {
        self.query.order = order;
        self
    }
}

impl Paged for ServersQuery {}

impl Query for ServersQuery {
    type Item = Server;
    type Client = Client;
    const OPERATION: &'static str = ops::GETMCP_LIST_SERVERS.id;

    async fn fetch(&self, client: &Client, paging: Paging) -> Result<Page<Server>, Error> {
        let mut op = with_paging!(client.raw().getmcp_list_servers(), paging);
        if let Some(status) = &self.status {
            op = op.status(status.clone());
        }
        if let Some(search) = &self.search {
            op = op.search(search.clone());
        }
        if let Some(key) = &self.orderby {
            op = op.orderby(key.clone());
        }
        if let Some(order) = &self.order {
            op = op.order(order.clone());
        }
        paging::fetch(
            client,
            &ops::GETMCP_LIST_SERVERS,
            paging,
            move || op.send(),
            |_| Ok(()),
        )
        .await
    }
}

impl Client {
    /// Lists servers, a page at a time: [`send`](List::send) one page,
    /// [`all`](List::all) of them, or [`into_stream`](List::into_stream). With the
    /// extensions add-on active, the site lists only its native servers.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use mcp_admin::{getmcp::{self, ServerOrderBy, ServerStatus, SortOrder}, testing::FakeGetMcp};
    ///
    /// let fake = FakeGetMcp::start().await;
    /// for name in ["GitHub Tools", "Stripe", "GitLab Tools"] {
    ///     fake.seed_server(name);
    /// }
    /// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
    ///
    /// let page = gm.list_servers().search("tools").orderby(ServerOrderBy::Name).order(SortOrder::Asc).send().await?;
    /// let names: Vec<_> = page.items.iter().map(|s| s.name.as_str()).collect();
    /// assert_eq!(names, ["GitHub Tools", "GitLab Tools"]);
    ///
    /// let all = gm.list_servers().status(ServerStatus::Active).per_page(2).all().await?;
    /// assert_eq!(all.len(), 3);
    /// # Ok(()) }
    /// ```
    pub fn list_servers(&self) -> ListServers {
        List::new(self.clone(), ServersQuery::default())
    }
}
