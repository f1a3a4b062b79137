//! MCP client tokens: the bearer tokens MCP clients use to reach one server. Minting
//! one shows its value once; the list and revoke routes are described only by the
//! vendor's knowledge base.

use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    hasmcp::{
        servers::{check_answer_id, wrong_answer},
        Client, InvalidId, ServerId, TokenId,
    },
    id::{self, IntoId},
    paging::List,
    raw::types::{HasmcpCreateServerTokenRequest, HasmcpServerTokenCreate},
    transport::{
        self,
        ops::{self, Operation},
    },
    wire::timestamp,
    Error, Redacted,
};

/// An MCP client token of one server.
///
/// `value`, the token itself, is only in the answer to
/// [`Client::create_server_token`], and only that once: keep it then. It is a
/// [`Redacted`] string, so `Debug` and logs never show it; read it with
/// [`Redacted::expose`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ServerToken {
    /// The token's id, for [`Client::revoke_server_token`].
    pub id: TokenId,
    /// The server it opens.
    #[serde(default, rename = "serverID", skip_serializing_if = "Option::is_none")]
    pub server_id: Option<ServerId>,
    /// Its name (the open-source edition neither stores nor returns it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Space-separated scopes, e.g. `session:create session:call`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// When it stops working.
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was made (not in the open-source edition's answer).
    #[serde(default, with = "timestamp", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// The token itself: only in the creation answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Redacted<String>>,
}

/// A new MCP client token for one server (`POST /api/v1/servers/{id}/tokens`), from
/// [`Client::create_server_token`].
///
/// [`expires_at`](Self::expires_at) is required and must be in the future (checked
/// before sending, against this machine's clock; the server checks again against its
/// own). The sources disagree: the vendor's knowledge base calls the expiry optional
/// and the name mandatory, the open-source edition requires the expiry and ignores the
/// name. So set both. Without a [`scope`](Self::scope), the server grants
/// `session:create session:call session:delete session:stream`. Confidence: code and
/// spec for minting.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), mcp_admin::Error> {
/// use std::time::{Duration, SystemTime};
/// use chrono::{DateTime, Utc};
/// use mcp_admin::{hasmcp, testing::FakeHasMcp};
///
/// let fake = FakeHasMcp::start().await;
/// let server = fake.seed_server("GitHubTools", "");
/// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
///
/// let in_a_month = DateTime::<Utc>::from(SystemTime::now() + Duration::from_secs(30 * 86_400));
/// let token = hm.create_server_token(&server).expires_at(in_a_month).name("ci").send().await?;
/// let value = token.value.as_ref().map(|v| v.expose().as_str());
/// assert!(value.is_some_and(|v| v.split('.').count() == 3)); // a JWT
/// assert!(!format!("{token:?}").contains(value.unwrap())); // never in Debug
/// # Ok(()) }
/// ```
#[must_use = "a token is made only when `.send()` is awaited"]
#[derive(Debug, Clone)]
pub struct CreateServerToken {
    client: Client,
    server: Result<ServerId, InvalidId>,
    expires_at: Option<DateTime<Utc>>,
    name: Option<String>,
    scope: Option<String>,
}

impl CreateServerToken {
    /// When the token stops working; required, and in the future.
    pub fn expires_at(self, when: DateTime<Utc>) -> Self {
        self.set_expires_at(Some(when))
    }

    /// The expiry, or `None` (which [`send`](Self::send) refuses).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server_token("ASuB9Gf6aD4").set_expires_at(None);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_expires_at(mut self, when: Option<DateTime<Utc>>) -> Self {
        self.expires_at = when;
        self
    }

    /// A name for the token, e.g. the client it is for (not empty). Sent, but the
    /// service ignores it: the token it answers and lists carries no name.
    pub fn name(self, name: impl Into<String>) -> Self {
        self.set_name(Some(name.into()))
    }

    /// The name, or `None` to send none.
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server_token("ASuB9Gf6aD4").set_name(std::env::var("CLIENT").ok());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_name(mut self, name: Option<String>) -> Self {
        self.name = name;
        self
    }

    /// The scopes, space-separated (not empty), e.g. `session:create session:call`.
    pub fn scope(self, scope: impl Into<String>) -> Self {
        self.set_scope(Some(scope.into()))
    }

    /// The scopes, or `None` for the server's default (every session scope).
    ///
    /// ```
    /// # let hm = mcp_admin::hasmcp::Client::builder().token("t").build()?;
    /// let create = hm.create_server_token("ASuB9Gf6aD4").set_scope(None);
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn set_scope(mut self, scope: Option<String>) -> Self {
        self.scope = scope;
        self
    }

    /// Checks every input against `now` and builds the body.
    fn body(&self, now: DateTime<Utc>) -> Result<HasmcpCreateServerTokenRequest, Error> {
        let Some(expires_at) = self.expires_at else {
            return Err(Error::invalid(
                "expires_at",
                "required: the time the token stops working",
            ));
        };
        if expires_at <= now {
            return Err(Error::invalid(
                "expires_at",
                format!("{expires_at} is not in the future"),
            ));
        }
        for (field, text) in [("name", &self.name), ("scope", &self.scope)] {
            if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                return Err(Error::invalid(field, "empty: leave it unset instead"));
            }
        }
        Ok(HasmcpCreateServerTokenRequest {
            token: HasmcpServerTokenCreate {
                expires_at,
                name: self.name.clone(),
                scope: self.scope.clone(),
            },
        })
    }

    /// Mints the token and returns it with its value, which the server shows this once.
    /// An answer about another server, or without a value, is an [`Error::Decode`]
    /// (on the hosted service the token may exist all the same: revoke it by id if the
    /// answer named one; the open-source server keeps no tokens, and its answer's `id`
    /// is not the token's `jti`, so nothing there revokes it before it expires).
    pub async fn send(self) -> Result<ServerToken, Error> {
        self.send_unstamped()
            .await
            .map_err(|e| e.at(&ops::HASMCP_CREATE_SERVER_TOKEN))
    }

    async fn send_unstamped(self) -> Result<ServerToken, Error> {
        const OP: &Operation = &ops::HASMCP_CREATE_SERVER_TOKEN;
        let server = self.server.clone().map_err(|e| e.for_field("server_id"))?;
        let body = self.body(DateTime::<Utc>::from(SystemTime::now()))?;
        let raw = self.client.raw();
        let fut = raw
            .hasmcp_create_server_token()
            .id(server.clone())
            .body(body);
        let token = transport::call(raw, OP, move || fut.send()).await?.token;
        let answered = token.server_id.as_ref().map(ServerId::as_str);
        check_answer_id(OP, 201, "serverID", server.as_str(), answered)?;
        if token.value.as_ref().is_none_or(|v| v.expose().is_empty()) {
            return Err(wrong_answer(
                OP,
                201,
                format!("token {} was answered without its value", token.id),
            ));
        }
        Ok(token)
    }
}

impl Client {
    /// Starts minting an MCP client token for a server; see [`CreateServerToken`]. The
    /// server id is checked when sent.
    pub fn create_server_token(&self, server_id: impl IntoId<ServerId>) -> CreateServerToken {
        CreateServerToken {
            client: self.clone(),
            server: id::keep(server_id),
            expires_at: None,
            name: None,
            scope: None,
        }
    }

    /// A server's MCP client tokens, without their values
    /// (`GET /api/v1/servers/{id}/tokens`).
    ///
    /// Per edition:
    /// - hosted service: **knowledge base only** (the vendor's page describes the list;
    ///   the vendor's OpenAPI document has no such route);
    /// - open-source server: **no such route, from its code**. It keeps no tokens at
    ///   all (each is a signed JWT, valid until its `exp`); its catch-all web page
    ///   answers this `GET`, which reads as [`Error::is_unsupported`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), mcp_admin::Error> {
    /// use std::time::{Duration, SystemTime};
    /// use mcp_admin::{hasmcp, testing::{Edition, FakeHasMcp}};
    ///
    /// let fake = FakeHasMcp::builder().edition(Edition::Hosted).start().await;
    /// let server = fake.seed_server("GitHubTools", "");
    /// let hm = hasmcp::Client::builder().base_url(fake.uri()).token(fake.token()).build()?;
    /// let when = (SystemTime::now() + Duration::from_secs(3600)).into();
    /// let made = hm.create_server_token(&server).expires_at(when).name("ci").send().await?;
    ///
    /// let tokens = hm.list_server_tokens(&server).all().await?;
    /// assert_eq!(tokens[0].id, made.id);
    /// assert!(tokens[0].value.is_none());
    /// hm.revoke_server_token(&server, &made.id).await?;
    /// assert!(hm.list_server_tokens(&server).all().await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn list_server_tokens(&self, server_id: impl IntoId<ServerId>) -> ListServerTokens {
        let server = id::keep(server_id);
        List::new(self.clone(), ServerTokensQuery { server })
    }

    /// A server's tokens, one request.
    async fn all_server_tokens(&self, q: &ServerTokensQuery) -> Result<Vec<ServerToken>, Error> {
        const OP: &Operation = &ops::HASMCP_LIST_SERVER_TOKENS;
        let server = q.server.clone().map_err(|e| e.for_field("id").at(OP))?;
        let raw = self.raw();
        let fut = raw.hasmcp_list_server_tokens().id(server.clone());
        let tokens = transport::call(raw, OP, move || fut.send()).await?.tokens;
        for token in &tokens {
            let answered = token.server_id.as_ref().map(ServerId::as_str);
            check_answer_id(OP, 200, "serverID", server.as_str(), answered)?;
        }
        Ok(tokens)
    }

    /// Revokes one MCP client token (`DELETE /api/v1/servers/{id}/tokens/{tokenID}`).
    ///
    /// Per edition:
    /// - hosted service: **knowledge base only** (the vendor's page says the token
    ///   stops working at once; the vendor's OpenAPI document has no such route);
    /// - open-source server: **nothing can be revoked, from its code**. It stores no
    ///   tokens, the `id` its create answer names is not the token's `jti`, and a token
    ///   stays valid until it expires: give tokens short expiries there. The route is
    ///   missing: a `405`, which reads as [`Error::is_unsupported`].
    ///
    /// ```no_run
    /// # async fn demo(hm: mcp_admin::hasmcp::Client) -> Result<(), mcp_admin::Error> {
    /// match hm.revoke_server_token("Abc12345678", "tQ9pV1mN8xK").await {
    ///     Err(e) if e.is_unsupported() => eprintln!("not revocable here: wait for its expiry"),
    ///     other => other?,
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn revoke_server_token(
        &self,
        server_id: impl IntoId<ServerId>,
        token_id: impl IntoId<TokenId>,
    ) -> Result<(), Error> {
        const OP: &Operation = &ops::HASMCP_REVOKE_SERVER_TOKEN;
        let server = id::take(server_id, "id", OP)?;
        let token: TokenId = id::take(token_id, "token_id", OP)?;
        let raw = self.raw();
        let fut = raw.hasmcp_revoke_server_token().id(server).token_id(token);
        transport::call(raw, OP, move || fut.send()).await
    }
}

whole_list! {
    /// What [`Client::list_server_tokens`] asks for: a server's tokens, all of them.
    ServerTokensQuery {
        /// The server, or why the id given is not one.
        server: Result<ServerId, InvalidId>,
    } => ServerToken, HASMCP_LIST_SERVER_TOKENS, |client, query| client.all_server_tokens(query).await
}

/// The list [`Client::list_server_tokens`] returns.
pub type ListServerTokens = List<ServerTokensQuery>;
