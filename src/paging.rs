//! Lists: one [`List`] builder serves every list of both platforms; [`Page`] is one page
//! of any of them.
//!
//! GetMCP pages (WordPress offset paging); HasMCP does not, and its lists answer the
//! whole list as one page (`total_pages: Some(1)`), so a walk stops after one request.
//! The paging setters ([`List::per_page`], [`List::page`]) exist only on the paged
//! lists ([`Paged`]).

use std::{
    collections::HashSet,
    future::Future,
    hash::{BuildHasher, Hash, Hasher, RandomState},
    pin::Pin,
    task::{ready, Context, Poll},
    vec,
};

use futures_util::stream::{self, Stream, TryStreamExt};
use reqwest::header::HeaderMap;

use crate::{
    getmcp::{self, shared::wrong_answer},
    hasmcp,
    transport::{self, ops::Operation, PageLimit},
    Error, Platform,
};

/// The largest `per_page` WordPress accepts.
pub const MAX_PER_PAGE: u64 = 100;

/// One page of a list, with the totals the site reported.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), mcp_admin::Error> {
/// use mcp_admin::{getmcp, testing::FakeGetMcp};
///
/// let fake = FakeGetMcp::start().await;
/// for name in ["A", "B", "C"] {
///     fake.seed_server(name);
/// }
/// let gm = getmcp::Client::builder(fake.uri()).api_key(fake.api_key()).build()?;
/// let page = gm.list_servers().per_page(2).send().await?;
/// assert_eq!((page.items.len(), page.total, page.total_pages), (2, Some(3), Some(2)));
/// assert_eq!(page.next_page(), Some(2));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items, in the list's order.
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub page: u64,
    /// `X-WP-Total`: items in the whole list, or `None` when the site did not say.
    pub total: Option<u64>,
    /// `X-WP-TotalPages`: `ceil(total / per_page)`, or `None` when the site did not say.
    pub total_pages: Option<u64>,
    /// The `per_page` that was sent, if any.
    per_page: Option<u64>,
}

impl<T> Page<T> {
    /// A list the platform does not page: all of it, as the one and only page.
    pub(crate) fn whole(items: Vec<T>) -> Self {
        let total = items.len() as u64;
        Page {
            items,
            page: 1,
            total: Some(total),
            total_pages: Some(1),
            per_page: None,
        }
    }

    /// The number of the page after this one, or `None` when this is the last one by
    /// the rules a walk stops by (see [`List`]).
    pub fn next_page(&self) -> Option<u64> {
        let len = self.items.len() as u64;
        let last = match (self.total_pages, self.total) {
            _ if len == 0 => true,
            (Some(pages), _) => self.page >= pages,
            (None, Some(total)) => {
                let before = (self.page - 1).saturating_mul(self.per_page.unwrap_or(len));
                before.saturating_add(len) >= total
            }
            (None, None) => self.per_page.is_some_and(|n| len < n),
        };
        if last {
            None
        } else {
            self.page.checked_add(1)
        }
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The paging a request sends: only what the caller set (and, on a walk, the pages
/// after the first).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Paging {
    pub(crate) per_page: Option<u64>,
    pub(crate) page: Option<u64>,
}

/// Sets `per_page` and `page` on a generated list operation, where given.
macro_rules! with_paging {
    ($op:expr, $paging:expr) => {{
        let (op, paging) = ($op, $paging);
        let op = match paging.per_page {
            Some(n) => op.per_page(n),
            None => op,
        };
        match paging.page {
            Some(n) => op.page(n),
            None => op,
        }
    }};
}
pub(crate) use with_paging;

/// An item of a paged list as a walk tells it from the others: by its id alone, so that
/// what a walk remembers stays small (one hash an item, never the item).
///
/// Any item a [`List`] walks implements it; a new list's item only names its id.
pub trait Listed {
    /// Feeds the item's id, and nothing else of it, to `state`.
    fn hash_id<H: Hasher>(&self, state: &mut H);
}

/// Items told apart by their `id` field.
macro_rules! listed_by_id {
    ($($item:ty),*) => {$(
        impl Listed for $item {
            fn hash_id<H: Hasher>(&self, state: &mut H) {
                self.id.hash(state);
            }
        }
    )*};
}
listed_by_id!(
    getmcp::Server,
    getmcp::Tool,
    getmcp::Resource,
    getmcp::Prompt,
    hasmcp::Server,
    hasmcp::Provider,
    hasmcp::Tool,
    hasmcp::Resource,
    hasmcp::Prompt,
    hasmcp::Variable,
    hasmcp::ServerToken
);

/// A server's links, told apart by what they link to.
macro_rules! listed_by_target {
    ($($item:ty => $target:ident),*) => {$(
        impl Listed for $item {
            fn hash_id<H: Hasher>(&self, state: &mut H) {
                self.$target.hash(state);
            }
        }
    )*};
}
listed_by_target!(
    hasmcp::ServerToolLink => tool_id,
    hasmcp::ServerResourceLink => resource_id,
    hasmcp::ServerPromptLink => prompt_id
);

/// What a list asks for besides paging, and how it fetches one page: the servers' filters,
/// or the server whose tools, resources or prompts are listed. Implemented by this crate
/// for each list ([`getmcp::ServersQuery`], [`crate::hasmcp::ServersQuery`], …).
pub trait Query: Clone + Send + Sync + 'static {
    /// What the list holds.
    type Item: Listed + Clone + PartialEq + Send + 'static;

    /// The platform client the list fetches with.
    type Client: Clone + Send + Sync + std::fmt::Debug + 'static;

    /// The list operation's id, for errors.
    const OPERATION: &'static str;

    /// Checks what the query holds before anything is sent (an id given as text).
    fn check(&self) -> Result<(), Error> {
        Ok(())
    }

    /// Fetches one page.
    fn fetch(
        &self,
        client: &Self::Client,
        paging: Paging,
    ) -> impl Future<Output = Result<Page<Self::Item>, Error>> + Send;
}

/// A list the platform pages: [`List`] offers `per_page` and `page` on it.
pub trait Paged: Query {}

/// Fetches one page with a generated GetMCP list operation: the items, each passing `check`
/// (an item about something else refuses the page), and the totals from the answer's
/// headers.
pub(crate) async fn fetch<T: serde::de::DeserializeOwned, E, F>(
    client: &getmcp::Client,
    operation: &'static Operation,
    paging: Paging,
    make: impl FnOnce() -> F,
    check: impl Fn(&T) -> Result<(), String>,
) -> Result<Page<T>, Error>
where
    F: Future<
        Output = Result<progenitor_client::ResponseValue<Vec<T>>, progenitor_client::Error<E>>,
    >,
{
    // A page over `per_page` is refused before its items are decoded.
    let limit = PageLimit {
        page: paging.page.unwrap_or(1),
        most: paging.per_page.unwrap_or(MAX_PER_PAGE),
    };
    let answer = transport::call_page(client.raw(), operation, limit, make).await?;
    let status = answer.status().as_u16();
    let refuse = |reason| wrong_answer(operation.id, status, reason);
    let count = |name: &str| count_header(answer.headers(), name).map_err(refuse);
    let (total, total_pages) = (count("x-wp-total")?, count("x-wp-totalpages")?);
    let items = answer.into_inner();
    items.iter().try_for_each(&check).map_err(refuse)?;
    Ok(Page {
        total,
        total_pages,
        items,
        page: paging.page.unwrap_or(1),
        per_page: paging.per_page,
    })
}

/// A count header: `None` when absent, an error when present but not a count.
fn count_header(headers: &HeaderMap, name: &str) -> Result<Option<u64>, String> {
    let Some(value) = headers.get(name) else {
        return Ok(None);
    };
    let text = value.to_str().unwrap_or("").trim();
    if !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = text.parse()
    {
        return Ok(Some(n));
    }
    // The value is not quoted: an error never shows what a response held.
    Err(format!("header {name} is not a count"))
}

/// A list, on either platform: set the filters (and, where the platform pages, the
/// paging), then take one page ([`send`](Self::send)), all of them ([`all`](Self::all))
/// or a stream ([`into_stream`](Self::into_stream)).
///
/// A HasMCP list is not paged: `send()` returns the whole list as one page
/// (`total_pages: Some(1)`), and `all()` and the stream make that one request.
///
/// GetMCP (WordPress) pages by offset: `page` (from 1) and `per_page` (1–100, both checked before
/// anything is sent; unset, the site's defaults apply: 20 servers a page, 50 tools),
/// answers a bare JSON array, puts the totals in the `X-WP-Total` and `X-WP-TotalPages`
/// headers, and answers an empty array past the last page.
///
/// # What a walk guarantees
///
/// [`all`](Self::all) and [`into_stream`](Self::into_stream) fetch page after page,
/// starting at the page set (default 1), and stop after the first of:
///
/// - an empty page;
/// - the last page by `X-WP-TotalPages`, as the latest page reported it;
/// - without that header, the last page by `X-WP-Total` (the items up to this page
///   reach the total, counting every earlier page as full);
/// - without either header, a page shorter than the `per_page` set.
///
/// Offset paging is not a snapshot. An item that exists for the whole walk and keeps its
/// place in the order is yielded exactly once; but an item created or deleted ahead of
/// the walk's position shifts the rest by one, so a later item can be yielded twice (a
/// create) or skipped (a delete), and an update that changes an item's sort key moves
/// it. The servers' default order, most recently used first, moves whenever a server is
/// used: for a stable walk, order by id ascending
/// ([`ServerOrderBy::Id`](crate::getmcp::ServerOrderBy::Id),
/// [`SortOrder::Asc`](crate::getmcp::SortOrder::Asc)), where new servers land at the
/// end and only a concurrent delete can cause a skip. Deduplicate by `id` if a
/// duplicate matters to you.
///
/// A missing total header (some caches and proxies drop them) is `None` in [`Page`], and
/// the walk goes on to an empty page; a header that is present but not a count is an
/// [`Error::Decode`].
///
/// # A walk always ends
///
/// A site that ignores `page` (a cache in front of WordPress, a broken plugin), or that
/// orders each page differently, would be walked forever. Whatever its totals say, the
/// walk ends with an [`Error::Decode`] naming the page at the first page whose items were
/// all walked already, the first page past the last one its own `X-WP-TotalPages` gives,
/// and the first page that brings the items walked past its `X-WP-Total`. One item seen
/// again (a concurrent create) is not a loop; a whole page of them is. A walk remembers
/// one hash of each item's id, never the items it has yielded. Every page is refused
/// when it holds more items than the `per_page` sent (or [`MAX_PER_PAGE`] when none was).
///
/// ```no_run
/// # async fn demo(gm: mcp_admin::getmcp::Client) -> Result<(), mcp_admin::Error> {
/// use futures_util::TryStreamExt;
/// use mcp_admin::getmcp::{ServerOrderBy, SortOrder};
///
/// let mut servers =
///     gm.list_servers().orderby(ServerOrderBy::Id).order(SortOrder::Asc).per_page(100).into_stream();
/// while let Some(server) = servers.try_next().await? {
///     println!("{} {}", server.id, server.name);
/// }
/// # Ok(()) }
/// ```
#[must_use = "a list does nothing until `.send()`, `.all()` or `.into_stream()`"]
#[derive(Debug, Clone)]
pub struct List<Q: Query> {
    client: Q::Client,
    pub(crate) query: Q,
    paging: Paging,
}

impl<Q: Query> List<Q> {
    pub(crate) fn new(client: Q::Client, query: Q) -> Self {
        List {
            client,
            query,
            paging: Paging::default(),
        }
    }

    /// The checks made before sending: the paging (set only on a [`Paged`] list) and
    /// what the query holds.
    fn check(&self) -> Result<(), Error> {
        self.check_paging()
            .and_then(|()| self.query.check())
            .map_err(|e| e.at_named(Platform::of_operation(Q::OPERATION), Q::OPERATION))
    }
}

impl<Q: Paged> List<Q> {
    /// Items per page, 1–100 ([`MAX_PER_PAGE`]); checked before sending.
    pub fn per_page(self, per_page: u64) -> Self {
        self.set_per_page(Some(per_page))
    }

    /// Items per page, or `None` for the site's default.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let list = gm.list_servers().set_per_page(Some(100));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_per_page(mut self, per_page: Option<u64>) -> Self {
        self.paging.per_page = per_page;
        self
    }

    /// The page to fetch, from 1; a walk starts there. Checked before sending.
    pub fn page(self, page: u64) -> Self {
        self.set_page(Some(page))
    }

    /// The page, or `None` for the first.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let list = gm.list_servers().set_page(Some(2));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_page(mut self, page: Option<u64>) -> Self {
        self.paging.page = page;
        self
    }
}

impl<Q: Query> List<Q> {
    fn check_paging(&self) -> Result<(), Error> {
        if let Some(n) = self
            .paging
            .per_page
            .filter(|n| !(1..=MAX_PER_PAGE).contains(n))
        {
            return Err(Error::invalid(
                "per_page",
                format!("{n} is outside 1–{MAX_PER_PAGE}"),
            ));
        }
        if self.paging.page == Some(0) {
            return Err(Error::invalid("page", "pages are numbered from 1"));
        }
        Ok(())
    }

    /// Fetches the one page set (default the first).
    pub async fn send(self) -> Result<Page<Q::Item>, Error> {
        self.check()?;
        self.query.fetch(&self.client, self.paging).await
    }

    /// Fetches every page from the one set, and returns all their items in order; the
    /// first error ends it. Holds the whole list: for a large one, prefer
    /// [`into_stream`](Self::into_stream).
    pub async fn all(self) -> Result<Vec<Q::Item>, Error> {
        self.into_stream().try_collect().await
    }

    /// The items of every page from the one set, one at a time. It holds at most one
    /// page: the next page is fetched only once the last item of the current one was
    /// taken. An error is the stream's last item.
    ///
    /// The stream is `Send`, `Unpin` and `'static`: call `next()` / `try_next()` on it
    /// directly, move it into a task; no pinning needed.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use futures_util::TryStreamExt;
    /// use mcp_admin::{hasmcp, testing::FakeHasMcp};
    ///
    /// let fake = FakeHasMcp::start().await;
    /// fake.seed_server("GitHubTools", "");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let mut servers = hm.list_servers().into_stream();
    /// while let Some(server) = servers.try_next().await? {
    ///     println!("{}", server.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn into_stream(
        self,
    ) -> impl Stream<Item = Result<Q::Item, Error>> + Send + Unpin + 'static {
        Items {
            items: Vec::new().into_iter(),
            pages: Some(Box::pin(stream::unfold(Walk::new(self), Walk::page))),
        }
    }
}

/// A walk's items: the current page's, then the next page's. The walk state moves once a
/// page (through [`Walk::page`]); an item moves only out of its page's buffer, once
/// fewer than through `try_flatten` (about 110 instructions an item less, counted).
struct Items<T> {
    items: vec::IntoIter<T>,
    /// The pages still to fetch; `None` once they ended or failed.
    pages: Option<Pages<T>>,
}

/// A walk's pages, each one's items or the error that ends the walk.
type Pages<T> = Pin<Box<dyn Stream<Item = Result<Vec<T>, Error>> + Send>>;

// Nothing in it is ever pinned: the items are moved out, the pages are boxed.
impl<T> Unpin for Items<T> {}

impl<T> Stream for Items<T> {
    type Item = Result<T, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            let Some(pages) = this.pages.as_mut() else {
                return Poll::Ready(None);
            };
            // The emptied page goes before the next one is fetched.
            this.items = Vec::new().into_iter();
            match ready!(pages.as_mut().poll_next(cx)) {
                Some(Ok(items)) => this.items = items.into_iter(),
                Some(Err(e)) => {
                    this.pages = None;
                    return Poll::Ready(Some(Err(e)));
                }
                None => {
                    this.pages = None;
                    return Poll::Ready(None);
                }
            }
        }
    }
}

/// Where a walk is: the page to fetch next (`Some(None)`: the first, without sending
/// `page`; `None`: done), and what it has seen, to end a walk the site would make endless.
struct Walk<Q: Query> {
    list: List<Q>,
    next: Option<Option<u64>>,
    /// The ids of the items walked, hashed: one `u64` an item.
    seen: HashSet<u64>,
    /// The hashing of those ids, keyed afresh for each walk.
    ids: RandomState,
    /// The items walked.
    walked: u64,
}

impl<Q: Query> Walk<Q> {
    fn new(list: List<Q>) -> Self {
        Walk {
            next: Some(list.paging.page),
            list,
            seen: HashSet::new(),
            ids: RandomState::new(),
            walked: 0,
        }
    }

    /// Fetches the next page's items, or ends the walk; an error ends it too. An empty
    /// page is not yielded: it is the last one.
    async fn page(mut self) -> Option<(Result<Vec<Q::Item>, Error>, Self)> {
        let page = self.next.take()?;
        let paging = Paging {
            page,
            ..self.list.paging
        };
        let fetched = match self.list.check() {
            Ok(()) => self.list.query.fetch(&self.list.client, paging).await,
            Err(e) => Err(e),
        };
        let page = match fetched.and_then(|page| self.admit(page)) {
            Ok(page) => page,
            Err(e) => return Some((Err(e), self)),
        };
        if page.items.is_empty() {
            return None;
        }
        self.next = page.next_page().map(Some);
        Some((Ok(page.items), self))
    }

    /// Refuses a page that would make the walk endless or that its totals contradict:
    /// one whose items were all walked already (the site ignores `page`, or pages in
    /// an unstable order), one past the last page its own `X-WP-TotalPages` gives, or
    /// one that brings the items walked past its `X-WP-Total`. A single item seen
    /// again is let through: a concurrent create shifts the list by one.
    fn admit(&mut self, page: Page<Q::Item>) -> Result<Page<Q::Item>, Error> {
        if page.items.is_empty() {
            return Ok(page);
        }
        let n = page.page;
        let mut new = 0usize;
        for item in &page.items {
            let mut state = self.ids.build_hasher();
            item.hash_id(&mut state);
            new += usize::from(self.seen.insert(state.finish()));
        }
        self.walked = self.walked.saturating_add(page.items.len() as u64);
        let reason = if new == 0 {
            format!(
                "page {n} holds only items already walked: the site ignores `page` or \
                 changes the order between pages"
            )
        } else if let Some(pages) = page.total_pages.filter(|&pages| n > pages) {
            format!("page {n} holds items, but X-WP-TotalPages says there are {pages}")
        } else if let Some(total) = page.total.filter(|&total| self.walked > total) {
            format!(
                "page {n} brings the items walked to {}, but X-WP-Total says there are {total}",
                self.walked
            )
        } else {
            return Ok(page);
        };
        Err(Error::Decode {
            platform: Platform::of_operation(Q::OPERATION),
            operation: Q::OPERATION,
            status: 200,
            reason,
            body: String::new(),
            step: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(
        len: usize,
        page: u64,
        per_page: Option<u64>,
        totals: (Option<u64>, Option<u64>),
    ) -> Page<u8> {
        Page {
            items: vec![0; len],
            page,
            total: totals.0,
            total_pages: totals.1,
            per_page,
        }
    }

    #[test]
    fn the_last_page_by_each_rule() {
        // X-WP-TotalPages, as the latest page reports it.
        assert_eq!(
            page(100, 1, Some(100), (Some(250), Some(3))).next_page(),
            Some(2)
        );
        assert_eq!(
            page(50, 3, Some(100), (Some(250), Some(3))).next_page(),
            None
        );
        assert_eq!(page(100, 3, Some(100), (None, Some(2))).next_page(), None);
        // X-WP-Total only: earlier pages count as full.
        assert_eq!(page(50, 1, None, (Some(120), None)).next_page(), Some(2));
        assert_eq!(page(20, 3, Some(50), (Some(120), None)).next_page(), None);
        assert_eq!(
            page(50, 2, Some(50), (Some(120), None)).next_page(),
            Some(3)
        );
        // No totals: a short page ends it, or an empty one.
        assert_eq!(page(10, 1, Some(20), (None, None)).next_page(), None);
        assert_eq!(page(20, 1, Some(20), (None, None)).next_page(), Some(2));
        assert_eq!(page(20, 1, None, (None, None)).next_page(), Some(2));
        assert_eq!(page(0, 4, None, (Some(900), Some(9))).next_page(), None);
        assert_eq!(page(1, u64::MAX, None, (None, None)).next_page(), None);
    }

    #[test]
    fn count_headers() {
        let mut headers = HeaderMap::new();
        assert_eq!(count_header(&headers, "x-wp-total"), Ok(None));
        headers.insert("x-wp-total", "42".parse().unwrap());
        assert_eq!(count_header(&headers, "x-wp-total"), Ok(Some(42)));
        for bad in ["-1", "", "4 2", "1e3", "99999999999999999999999"] {
            headers.insert("x-wp-total", bad.parse().unwrap());
            assert_eq!(
                count_header(&headers, "x-wp-total"),
                Err("header x-wp-total is not a count".to_owned()),
                "{bad}"
            );
        }
    }
}
