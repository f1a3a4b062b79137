//! Creating and updating a tool: [`CreateTool`] and [`UpdateTool`], the same setters
//! (written once, in `tool_setters!`), and the bodies they send.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{expect_tool, HttpMethod, ParameterMapping, RetryBackoff, Tool, ToolRef, ToolStatus};
use crate::{
    getmcp::shared::{self, changing, require_object, require_text},
    transport::{self, ops},
    Error, Patch, Redacted,
};

/// The most retries a tool may make (vendor docs).
pub const MAX_RETRY_COUNT: u8 = 5;

/// The PATCH body of a tool: only the fields that are `Some` are sent.
///
/// Built by [`UpdateTool`]; public for the raw client. Header values are [`Redacted`].
///
/// ```
/// use mcp_admin::getmcp::UpdateToolBody;
///
/// let body = UpdateToolBody { timeout: Some(15), ..Default::default() };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"timeout":15}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateToolBody {
    /// `name`: required on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `endpoint_url`, with its path placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    /// `http_method`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_method: Option<HttpMethod>,
    /// `input_schema`: a JSON Schema object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_schema: Option<Map<String, Value>>,
    /// `parameter_mapping`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_mapping: Option<BTreeMap<String, ParameterMapping>>,
    /// `headers`; `{}` removes them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, Redacted<String>>>,
    /// `cache_ttl`, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_ttl: Option<u64>,
    /// `timeout`, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    /// `retry_count`, 0–5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_count: Option<u8>,
    /// `retry_backoff`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_backoff: Option<RetryBackoff>,
    /// `status`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ToolStatus>,
}

/// The create body: the update's fields, with `name` always set (a create takes no field
/// an update does not).
///
/// Built by [`CreateTool`]; public for the raw client.
///
/// ```
/// use mcp_admin::getmcp::{CreateToolBody, UpdateToolBody};
///
/// let body = CreateToolBody {
///     fields: UpdateToolBody { name: Some("get_weather".into()), ..Default::default() },
/// };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"get_weather"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateToolBody {
    /// What an update can send too, with the update's wire rules.
    #[serde(flatten)]
    pub fields: UpdateToolBody,
}

/// What the caller set. Fields the API can empty are `Patch`es.
#[derive(Debug, Clone, Default, PartialEq)]
struct Changes {
    name: Option<String>,
    description: Patch<String>,
    endpoint_url: Option<String>,
    http_method: Option<HttpMethod>,
    input_schema: Option<Value>,
    parameter_mapping: Option<BTreeMap<String, ParameterMapping>>,
    headers: Patch<BTreeMap<String, Redacted<String>>>,
    cache_ttl: Option<u64>,
    timeout: Option<u64>,
    retry_count: Option<u8>,
    retry_backoff: Option<RetryBackoff>,
    status: Option<ToolStatus>,
}

impl Changes {
    /// Checks every field set and builds the body of exactly those.
    fn body(&self) -> Result<UpdateToolBody, Error> {
        let c = self;
        require_text("name", c.name.as_deref())?;
        if let Some(url) = &c.endpoint_url {
            check_endpoint_url(url)?;
        }
        require_object("input_schema", c.input_schema.as_ref())?;
        let input_schema = match &c.input_schema {
            Some(Value::Object(schema)) => {
                if let Some(ty) = schema.get("type").filter(|t| *t != "object") {
                    return Err(Error::invalid(
                        "input_schema",
                        format!("a tool's arguments are an object; the schema's type is {ty}"),
                    ));
                }
                Some(schema.clone())
            }
            _ => None,
        };
        if c.parameter_mapping
            .as_ref()
            .is_some_and(|m| m.keys().any(|k| k.trim().is_empty()))
        {
            return Err(Error::invalid(
                "parameter_mapping",
                "an argument name is empty",
            ));
        }
        if let Patch::Set(headers) = &c.headers {
            check_headers(headers)?;
        }
        if let Some(n) = c.retry_count.filter(|n| *n > MAX_RETRY_COUNT) {
            return Err(Error::invalid(
                "retry_count",
                format!("{n} is above {MAX_RETRY_COUNT}"),
            ));
        }
        Ok(UpdateToolBody {
            name: c.name.clone(),
            description: c.description.clone().into_wire(String::new),
            endpoint_url: c.endpoint_url.clone(),
            http_method: c.http_method.clone(),
            input_schema,
            parameter_mapping: c.parameter_mapping.clone(),
            headers: c.headers.clone().into_wire(BTreeMap::new),
            cache_ttl: c.cache_ttl,
            timeout: c.timeout,
            retry_count: c.retry_count,
            retry_backoff: c.retry_backoff.clone(),
            status: c.status.clone(),
        })
    }
}

/// The setters [`CreateTool`] and [`UpdateTool`] share, and the body of what was set:
/// one definition for both builders, each a struct with `refused` and `changes`.
macro_rules! tool_setters {
    () => {
        /// The name AI clients call the tool by; snake_case is the convention
        /// (`get_weather`).
        pub fn name(self, name: impl Into<String>) -> Self {
            self.set_name(Some(name.into()))
        }

        /// The name, or `None` to leave it (a create needs one).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_name(Some("get_forecast".into())).body()?;
        /// assert_eq!(body.name.as_deref(), Some("get_forecast"));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_name(mut self, name: Option<String>) -> Self {
            self.changes.name = name;
            self
        }

        /// What the tool does: AI clients read it to choose a tool.
        pub fn description(self, description: impl Into<String>) -> Self {
            self.set_description(Patch::Set(description.into()))
        }

        /// Sets, empties ([`Patch::Clear`] sends `""`) or keeps the description.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_description(mcp_admin::Patch::Clear).body()?;
        /// assert_eq!(body.description.as_deref(), Some(""));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_description(mut self, description: Patch<String>) -> Self {
            self.changes.description = description;
            self
        }

        /// The URL called, `http(s)://…`, with path placeholders for the `path` arguments.
        /// The docs disagree on their form: `{city}` on the create page, `{{city}}` on the
        /// update page; the URL is sent as given.
        pub fn endpoint_url(self, url: impl Into<String>) -> Self {
            self.set_endpoint_url(Some(url.into()))
        }

        /// The URL, or `None` to leave it.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// assert!(gm.update_tool(3u64, 5u64).set_endpoint_url(Some("ftp://x".into())).body().is_err());
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_endpoint_url(mut self, url: Option<String>) -> Self {
            self.changes.endpoint_url = url;
            self
        }

        /// The HTTP method called.
        pub fn http_method(self, method: HttpMethod) -> Self {
            self.set_http_method(Some(method))
        }

        /// The method, or `None` to leave it (`GET` on a create).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_http_method(Some(mcp_admin::getmcp::HttpMethod::Put)).body()?;
        /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"http_method":"PUT"}"#);
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_http_method(mut self, method: Option<HttpMethod>) -> Self {
            self.changes.http_method = method;
            self
        }

        /// The JSON Schema of the arguments: a JSON object, `"type": "object"` if it says.
        pub fn input_schema(self, schema: Value) -> Self {
            self.set_input_schema(Some(schema))
        }

        /// The schema, or `None` to leave it.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let array = serde_json::json!({"type": "array"});
        /// assert!(gm.update_tool(3u64, 5u64).set_input_schema(Some(array)).body().is_err());
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_input_schema(mut self, schema: Option<Value>) -> Self {
            self.changes.input_schema = schema;
            self
        }

        /// Adds where the argument `name` goes, to the mapping this write sends. The whole
        /// mapping is sent: on an update it replaces the stored one.
        pub fn parameter(mut self, name: impl Into<String>, mapping: ParameterMapping) -> Self {
            self.changes
                .parameter_mapping
                .get_or_insert_with(BTreeMap::new)
                .insert(name.into(), mapping);
            self
        }

        /// The whole mapping, argument name to its place.
        pub fn parameter_mapping<I, S>(self, mapping: I) -> Self
        where
            I: IntoIterator<Item = (S, ParameterMapping)>,
            S: Into<String>,
        {
            let mapping = mapping.into_iter().map(|(k, v)| (k.into(), v)).collect();
            self.set_parameter_mapping(Some(mapping))
        }

        /// The mapping, or `None` to leave it.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_parameter_mapping(Some(Default::default())).body()?;
        /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"parameter_mapping":{}}"#);
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_parameter_mapping(
            mut self,
            mapping: Option<BTreeMap<String, ParameterMapping>>,
        ) -> Self {
            self.changes.parameter_mapping = mapping;
            self
        }

        /// Adds a header sent with every call. The whole header map is sent: on an update it
        /// replaces the stored one. Values are held as [`Redacted`].
        pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
            let mut headers = match std::mem::take(&mut self.changes.headers) {
                Patch::Set(headers) => headers,
                Patch::Keep | Patch::Clear => BTreeMap::new(),
            };
            headers.insert(name.into(), Redacted::new(value.into()));
            self.set_headers(Patch::Set(headers))
        }

        /// Every header sent with each call.
        pub fn headers<I, K, V>(self, headers: I) -> Self
        where
            I: IntoIterator<Item = (K, V)>,
            K: Into<String>,
            V: Into<String>,
        {
            let headers = headers
                .into_iter()
                .map(|(k, v)| (k.into(), Redacted::new(v.into())))
                .collect();
            self.set_headers(Patch::Set(headers))
        }

        /// Sets, empties ([`Patch::Clear`] sends `{}`) or keeps the headers.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_headers(mcp_admin::Patch::Clear).body()?;
        /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"headers":{}}"#);
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_headers(mut self, headers: Patch<BTreeMap<String, Redacted<String>>>) -> Self {
            self.changes.headers = headers;
            self
        }

        /// Seconds an answer is cached; 0 turns the cache off.
        pub fn cache_ttl(self, seconds: u64) -> Self {
            self.set_cache_ttl(Some(seconds))
        }

        /// The cache time, or `None` to leave it (0 on a create).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_cache_ttl(Some(300)).body()?;
        /// assert_eq!(body.cache_ttl, Some(300));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_cache_ttl(mut self, seconds: Option<u64>) -> Self {
            self.changes.cache_ttl = seconds;
            self
        }

        /// Seconds before a call times out.
        pub fn timeout(self, seconds: u64) -> Self {
            self.set_timeout(Some(seconds))
        }

        /// The timeout, or `None` to leave it (30 on a create).
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_timeout(Some(10)).body()?;
        /// assert_eq!(body.timeout, Some(10));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_timeout(mut self, seconds: Option<u64>) -> Self {
            self.changes.timeout = seconds;
            self
        }

        /// Retries on connection errors and 408, 429, 500, 502, 503, 504: 0–5
        /// ([`MAX_RETRY_COUNT`]), checked before sending.
        pub fn retry_count(self, retries: u8) -> Self {
            self.set_retry_count(Some(retries))
        }

        /// The retries, or `None` to leave them.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_retry_count(Some(5)).body()?;
        /// assert_eq!(body.retry_count, Some(5));
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_retry_count(mut self, retries: Option<u8>) -> Self {
            self.changes.retry_count = retries;
            self
        }

        /// The delay between retries.
        pub fn retry_backoff(self, backoff: RetryBackoff) -> Self {
            self.set_retry_backoff(Some(backoff))
        }

        /// The backoff, or `None` to leave it.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_retry_backoff(Some(mcp_admin::getmcp::RetryBackoff::Linear)).body()?;
        /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"retry_backoff":"linear"}"#);
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_retry_backoff(mut self, backoff: Option<RetryBackoff>) -> Self {
            self.changes.retry_backoff = backoff;
            self
        }

        /// `active` or `paused`.
        pub fn status(self, status: ToolStatus) -> Self {
            self.set_status(Some(status))
        }

        /// The status, or `None` to leave it.
        ///
        /// ```
        /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
        /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
        /// #     .build()?;
        /// let body = gm.update_tool(3u64, 5u64).set_status(Some(mcp_admin::getmcp::ToolStatus::Paused)).body()?;
        /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"status":"paused"}"#);
        /// # Ok::<(), mcp_admin::Error>(())
        /// ```
        pub fn set_status(mut self, status: Option<ToolStatus>) -> Self {
            self.changes.status = status;
            self
        }
    };
}

crate::getmcp::shared::item_builders! {
    /// A new tool: `name` is required (given to
    /// [`Client::create_tool`](crate::getmcp::Client::create_tool)), every other field
    /// optional and sent only when set.
    ///
    /// Checked before anything is sent ([`Error::InvalidInput`]), here and by [`UpdateTool`]:
    /// a blank name, an `endpoint_url` that is not `http(s)://…`, an `input_schema` that is
    /// not a JSON object (or whose `type` is not `"object"`), a header name or value HTTP
    /// does not allow, a `retry_count` above 5, an empty argument name in the mapping.
    ///
    /// Left out on a create, the site fills in `http_method` `GET`, `cache_ttl` 0 and
    /// `timeout` 30 (vendor docs).
    ///
    /// ```
    /// use mcp_admin::getmcp::{HttpMethod, ParameterMapping, ParameterTarget, RetryBackoff};
    ///
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm
    ///     .create_tool(3u64, "get_weather")
    ///     .endpoint_url("https://api.example.com/weather")
    ///     .parameter("city", ParameterMapping::new(ParameterTarget::Query).key("q"))
    ///     .retry_count(2)
    ///     .retry_backoff(RetryBackoff::Exponential)
    ///     .body()?;
    /// assert_eq!(
    ///     serde_json::to_value(&body).unwrap(),
    ///     serde_json::json!({
    ///         "name": "get_weather",
    ///         "endpoint_url": "https://api.example.com/weather",
    ///         "parameter_mapping": {"city": {"target": "query", "key": "q"}},
    ///         "retry_count": 2,
    ///         "retry_backoff": "exponential"
    ///     })
    /// );
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    create CreateTool;
    /// A partial update of a tool: only the fields set are sent, with the checks of
    /// [`CreateTool`]; an update with nothing set is refused before sending.
    ///
    /// ```
    /// let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    ///     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    ///     .build()?;
    /// let body = gm.update_tool(3u64, 5u64).timeout(15).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"timeout":15}"#);
    /// assert!(gm.update_tool(3u64, 5u64).retry_count(6).body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    update UpdateTool(tool: ToolRef);
    body UpdateToolBody;
    setters tool_setters;
}

impl CreateTool {
    /// The body this create sends, after checking every input; no I/O.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.create_tool(3u64, "get_weather").body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"name":"get_weather"}"#);
    /// assert!(gm.create_tool(3u64, "x").set_name(None).body().is_err());
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<CreateToolBody, Error> {
        let fields = self.fields_for(&ops::GETMCP_CREATE_TOOL)?;
        if fields.name.is_none() {
            return Err(Error::required("name").at(&ops::GETMCP_CREATE_TOOL));
        }
        Ok(CreateToolBody { fields })
    }

    /// Checks the inputs, creates the tool, and returns it as the site stored it. The
    /// status code is not documented: 200 and 201 are both taken.
    pub async fn send(self) -> Result<Tool, Error> {
        let body = self.body()?;
        let op = self
            .client
            .raw()
            .getmcp_create_tool()
            .server_id(self.server);
        shared::call(&self.client, &ops::GETMCP_CREATE_TOOL, move || {
            op.body(body).send()
        })
        .await?
        .checked(&ops::GETMCP_CREATE_TOOL, |t| {
            expect_tool(self.server, None, t)
        })
    }
}

impl UpdateTool {
    /// Empties the description: sends `"description": ""`.
    pub fn clear_description(self) -> Self {
        self.set_description(Patch::Clear)
    }

    /// Removes every header: sends `"headers": {}`.
    pub fn clear_headers(self) -> Self {
        self.set_headers(Patch::Clear)
    }

    /// The body this update sends, after checking every input; no I/O.
    ///
    /// ```
    /// # let gm = mcp_admin::getmcp::Client::builder("https://yoursite.com")
    /// #     .api_key("gmcp_0123456789abcdef0123456789abcdef")
    /// #     .build()?;
    /// let body = gm.update_tool(3u64, 5u64).clear_headers().timeout(15).body()?;
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"headers":{},"timeout":15}"#);
    /// assert!(gm.update_tool(3u64, 5u64).body().is_err_and(|e| e.is_invalid_input()));
    /// # Ok::<(), mcp_admin::Error>(())
    /// ```
    pub fn body(&self) -> Result<UpdateToolBody, Error> {
        changing(self.fields_for(&ops::GETMCP_UPDATE_TOOL)?)
            .map_err(|e| e.at(&ops::GETMCP_UPDATE_TOOL))
    }

    /// Checks the inputs, sends the PATCH with exactly the fields set, and returns the
    /// tool as the site reports it afterwards.
    pub async fn send(self) -> Result<Tool, Error> {
        let body = self.body()?;
        let (server, tool) = (self.server, self.tool);
        let op = self.client.raw().getmcp_update_tool().server_id(server);
        shared::call(&self.client, &ops::GETMCP_UPDATE_TOOL, move || {
            op.id(tool).body(body).send()
        })
        .await?
        .checked(&ops::GETMCP_UPDATE_TOOL, |t| {
            expect_tool(server, Some(tool), t)
        })
    }
}

/// An `http(s)://` URL without whitespace; placeholders in braces are allowed.
fn check_endpoint_url(url: &str) -> Result<(), Error> {
    let scheme_ok = ["http://", "https://"].iter().any(|s| {
        url.len() > s.len()
            && url
                .get(..s.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(s))
    });
    if !scheme_ok {
        return Err(Error::invalid(
            "endpoint_url",
            format!("{url:?}: expected an http:// or https:// URL"),
        ));
    }
    if url.chars().any(char::is_whitespace) {
        return Err(Error::invalid(
            "endpoint_url",
            format!("{url:?}: contains whitespace"),
        ));
    }
    Ok(())
}

/// Header names and values HTTP allows; the value is never part of the error.
fn check_headers(headers: &BTreeMap<String, Redacted<String>>) -> Result<(), Error> {
    headers
        .iter()
        .try_for_each(|(name, value)| transport::check_header(name, value.expose()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls() {
        for ok in [
            "https://api.example.com/forecast/{city}",
            "http://localhost:8080/x/{{id}}",
            "HTTPS://A.EXAMPLE",
        ] {
            assert!(check_endpoint_url(ok).is_ok(), "{ok}");
        }
        for bad in ["", "https://", "ftp://a", "/relative", "https://a b"] {
            assert!(check_endpoint_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn endpoint_url_with_a_character_across_the_scheme_length_is_refused_not_a_panic() {
        // `é` takes bytes 6–7 and 7–8 here: the scheme check must not cut it.
        for bad in ["abcdefé", "abcdefgé", "ééééé"] {
            assert!(check_endpoint_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn header_errors_never_show_the_value() {
        let mut headers = BTreeMap::new();
        headers.insert("X-Key".to_owned(), Redacted::new("SECRET\n".to_owned()));
        let e = check_headers(&headers).unwrap_err();
        assert!(!e.to_string().contains("SECRET"), "{e}");
        headers.clear();
        headers.insert("Bad Name".to_owned(), Redacted::new("v".to_owned()));
        assert!(check_headers(&headers).is_err());
    }
}
