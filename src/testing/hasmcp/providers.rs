//! The provider routes, `/api/v1/providers[/{id}]`, as the open-source edition answers
//! them: validation failures are plain Go errors (HTTP 500 with `data.reason`), the
//! list leaves out tools and OAuth2 clients, a read masks the client secret, an update
//! applies only non-empty fields, and a delete takes the provider's tools and their
//! server links with it.

use serde_json::{json, Map, Value};

use super::{
    catalog::Record,
    emulation::{
        self, canonical_id, decode_body, decode_id, field, internal, text, undecodable,
        PROVIDER_BODY,
    },
    state::State,
    tools,
};
use crate::{
    hasmcp::go_url,
    testing::{rfc3339, shell::Reply, FakeHasMcp},
};

/// `GET /providers`: every provider, without its tools or OAuth2 client (the list
/// preloads neither); `{}` when there are none. Query parameters are ignored.
pub(super) fn list(st: &State) -> Reply {
    let providers = st
        .catalog
        .providers
        .values()
        .map(|p| {
            let mut p = p.clone();
            p.remove("oauth2Config");
            Value::Object(p)
        })
        .collect();
    emulation::list("providers", providers)
}

/// `POST /providers`.
pub(super) fn create(st: &mut State, body: &[u8]) -> Reply {
    let Some(p) = decode_body(body, PROVIDER_BODY, "provider") else {
        return undecodable();
    };
    if let Err(reason) = check_create(&p) {
        return internal(reason);
    }
    let base_url = text(&p, "baseURL");
    let mut fields = json!({
        "version": 1,
        "apiType": text(&p, "apiType").to_ascii_uppercase(),
        "visibilityType": text(&p, "visibilityType").to_ascii_uppercase(),
        "baseURL": base_url,
        "secretPrefix": secret_prefix(base_url),
        "name": text(&p, "name"),
        "description": text(&p, "description"),
    });
    for key in ["documentURL", "iconURL"] {
        if !text(&p, key).is_empty() {
            fields[key] = text(&p, key).into();
        }
    }
    let oauth2 = field(&p, "oauth2Config");
    if !oauth2.is_null() {
        fields["oauth2Config"] = oauth2_record(oauth2);
    }
    let id = st.add_record(|c| &mut c.providers, fields, true);
    answer(st, 201, &id)
}

/// `GET /providers/{id}`: with its tools and its OAuth2 client, the secret masked.
pub(super) fn get(st: &State, id: &str) -> Reply {
    if !st.provider_exists(id) {
        return emulation::error(
            404,
            "provider not found",
            json!({ "reason": "record not found", "providerID": decode_id(id) }),
        );
    }
    answer(st, 200, id)
}

/// `PATCH /providers/{id}`: only non-empty fields are applied; the OAuth2 client only
/// when all four fields come and the secret is not `***`. Every accepted update adds 1
/// to the version, even one that changes nothing. An unknown id is only found missing
/// when the provider is read back: a 500.
pub(super) fn patch(st: &mut State, id: &str, body: &[u8]) -> Reply {
    let Some(p) = decode_body(body, PROVIDER_BODY, "provider") else {
        return undecodable();
    };
    match check_update(&p, id) {
        Err(Check::Plain(reason)) => return internal(reason),
        Err(Check::NoChanges) => {
            return emulation::error(400, "no changes provided for provider update", Value::Null)
        }
        Ok(()) => {}
    }
    let now = rfc3339(st.clock.tick());
    let Some(record) = st.catalog.providers.get_mut(&canonical_id(id)) else {
        // The update touched no row; the read after it fails, and the error shows the
        // columns it would have set (the OAuth2 client was taken out of them) (L4).
        let mut attrs = Map::new();
        for (key, column) in [
            ("name", "name"),
            ("description", "description"),
            ("documentURL", "document_url"),
            ("iconURL", "icon_url"),
        ] {
            if !text(&p, key).is_empty() {
                attrs.insert(column.into(), text(&p, key).into());
            }
        }
        return emulation::error(
            500,
            "failed to get provider",
            json!({ "attrs": attrs, "providerID": decode_id(id), "reason": "record not found" }),
        );
    };
    for key in ["name", "description", "documentURL", "iconURL"] {
        if !text(&p, key).is_empty() {
            record.insert(key.into(), text(&p, key).into());
        }
    }
    let oauth2 = field(&p, "oauth2Config");
    let complete = ["clientID", "clientSecret", "authURL", "tokenURL"]
        .iter()
        .all(|k| !text(oauth2, k).is_empty());
    if complete && text(oauth2, "clientSecret") != "***" {
        record.insert("oauth2Config".into(), oauth2_record(oauth2));
    }
    bump(record, now);
    answer(st, 200, id)
}

/// `DELETE /providers/{id}`: the provider, its tools, and every server link made with
/// it; 204 whether or not it existed.
pub(super) fn delete(st: &mut State, id: &str) -> Reply {
    let id = canonical_id(id);
    st.catalog.providers.remove(&id);
    st.catalog
        .tools
        .retain(|_, t| t.get("providerID").and_then(Value::as_str) != Some(id.as_str()));
    st.unlink_provider(&id);
    Reply::new(204, "application/json", "")
}

/// Adds 1 to a provider's version and moves its `updatedAt`: what every provider
/// update and every tool write does.
pub(super) fn bump(provider: &mut Record, now: String) {
    let version = provider.get("version").and_then(Value::as_i64).unwrap_or(0);
    provider.insert("version".into(), (version + 1).into());
    provider.insert("updatedAt".into(), now.into());
}

/// The provider as a read renders it: its tools, and its OAuth2 client when the id and
/// both URLs are set, with the secret as `***`.
fn render(st: &State, provider: &Record) -> Value {
    let mut p = provider.clone();
    if let Some(oauth2) = p.remove("oauth2Config") {
        let shown = ["clientID", "authURL", "tokenURL"]
            .iter()
            .all(|k| !text(&oauth2, k).is_empty());
        if shown {
            let mut oauth2 = oauth2;
            oauth2["clientSecret"] = "***".into();
            p.insert("oauth2Config".into(), oauth2);
        }
    }
    let id = p.get("id").and_then(Value::as_str).unwrap_or("");
    let tools: Vec<Value> = st.tools_of(id).into_iter().map(tools::render).collect();
    if !tools.is_empty() {
        p.insert("tools".into(), tools.into());
    }
    Value::Object(p)
}

fn answer(st: &State, status: u16, id: &str) -> Reply {
    let provider = st
        .catalog
        .providers
        .get(&canonical_id(id))
        .map_or(Value::Null, |p| render(st, p));
    emulation::json(status, json!({ "provider": provider }).to_string())
}

/// The stored OAuth2 client: the four fields as sent (the secret kept, never shown).
fn oauth2_record(oauth2: &Value) -> Value {
    let mut m = Map::new();
    for key in ["clientID", "clientSecret", "authURL", "tokenURL"] {
        m.insert(key.into(), text(oauth2, key).into());
    }
    Value::Object(m)
}

/// Why an update is refused: a plain Go error (500), or the typed 400.
enum Check {
    Plain(&'static str),
    NoChanges,
}

/// The create checks, in the service's order; each failure is a plain error.
fn check_create(p: &Value) -> Result<(), &'static str> {
    if !text(p, "apiType").eq_ignore_ascii_case("REST") {
        return Err("invalid API type");
    }
    if !matches!(
        text(p, "visibilityType").to_ascii_uppercase().as_str(),
        "INTERNAL" | "PUBLIC"
    ) {
        return Err("invalid visibility type");
    }
    let base = text(p, "baseURL");
    if base.is_empty() {
        return Err("base URL is required");
    }
    if base.len() > 255 {
        return Err("base URL exceeds maximum length");
    }
    check_url(base)?;
    check_optional_url(p, "documentURL", "document URL exceeds maximum length")?;
    check_optional_url(p, "iconURL", "icon URL exceeds maximum length")?;
    let name = text(p, "name");
    if name.is_empty() {
        return Err("name is required");
    }
    check_name(name)?;
    let description = text(p, "description");
    if description.is_empty() {
        return Err("description is required");
    }
    if description.len() > 4096 {
        return Err("description exceeds maximum length");
    }
    check_oauth2_urls(p).map(|_| ())
}

/// The update checks, in the service's order: an id that decodes to 0 or less (an id
/// above the stored range is −1), then each non-empty field; an update where none
/// counts as a change is the typed 400.
fn check_update(p: &Value, id: &str) -> Result<(), Check> {
    if decode_id(id) <= 0 {
        return Err(Check::Plain("invalid provider ID"));
    }
    let name = text(p, "name");
    if !name.is_empty() {
        check_name(name).map_err(Check::Plain)?;
    }
    if text(p, "description").len() > 4096 {
        return Err(Check::Plain("description exceeds maximum length"));
    }
    check_optional_url(p, "documentURL", "document URL exceeds maximum length")
        .map_err(Check::Plain)?;
    check_optional_url(p, "iconURL", "icon URL exceeds maximum length").map_err(Check::Plain)?;
    let oauth2_urls = check_oauth2_urls(p).map_err(Check::Plain)?;
    let changes = ["name", "description", "documentURL", "iconURL"]
        .iter()
        .any(|k| !text(p, k).is_empty());
    if changes || oauth2_urls {
        Ok(())
    } else {
        Err(Check::NoChanges)
    }
}

fn check_name(name: &str) -> Result<(), &'static str> {
    if name.len() > 16 {
        return Err("name exceeds maximum length");
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err("invalid provider name must be `[a-zA-Z0-9]{1,16}`");
    }
    Ok(())
}

fn check_optional_url(p: &Value, key: &str, too_long: &'static str) -> Result<(), &'static str> {
    let url = text(p, key);
    if url.is_empty() {
        return Ok(());
    }
    if url.len() > 255 {
        return Err(too_long);
    }
    check_url(url)
}

/// Checks the OAuth2 URLs that are set; `true` when any is (each counts as a change).
fn check_oauth2_urls(p: &Value) -> Result<bool, &'static str> {
    let oauth2 = field(p, "oauth2Config");
    let mut any = false;
    for key in ["authURL", "tokenURL"] {
        let url = text(oauth2, key);
        if !url.is_empty() {
            check_url(url)?;
            any = true;
        }
    }
    Ok(any)
}

/// The service's URL check: Go's `url.Parse`, an http(s) scheme, a host name; a refusal
/// is its plain error (a 500 with that reason).
fn check_url(url: &str) -> Result<(), &'static str> {
    go_url::check(url)
        .map(drop)
        .map_err(|refusal| refusal.service_text())
}

/// The variable prefix the service derives from a base URL: the host without `www.`,
/// dots as underscores, upper case (`api.stripe.com` → `API_STRIPE_COM`).
fn secret_prefix(base_url: &str) -> String {
    let host = go_url::check(base_url).unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    host.replace('.', "_").to_ascii_uppercase()
}

impl FakeHasMcp {
    /// The provider with this id as `GET /providers/{id}` returns it inside
    /// `{"provider": …}` (its tools included, the OAuth2 secret as `***`), or `None`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = mcp_admin::testing::FakeHasMcp::start().await;
    /// let id = fake.seed_provider("GitHub");
    /// fake.seed_tool(&id, "listRepos");
    /// let provider = fake.provider(&id).unwrap();
    /// assert_eq!(provider["baseURL"], "https://github.example.com");
    /// assert_eq!(provider["tools"][0]["name"], "listRepos");
    /// # }
    /// ```
    pub fn provider(&self, id: &str) -> Option<Value> {
        self.0.with_state(|st| {
            st.catalog
                .providers
                .get(&canonical_id(id))
                .map(|p| render(st, p))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{check_url, secret_prefix};

    #[test]
    fn urls_read_like_gos_url_parse() {
        assert_eq!(check_url("https://api.stripe.com/v1"), Ok(()));
        assert_eq!(check_url("HTTP://user@localhost:8080/x"), Ok(()));
        assert_eq!(check_url("http://[::1]:80"), Ok(()));
        assert_eq!(
            check_url("api.stripe.com/v1"),
            Err("URL must be http or https")
        );
        assert_eq!(
            check_url("localhost:8080"),
            Err("URL must be http or https")
        );
        assert_eq!(check_url("https://"), Err("URL must have a valid hostname"));
        assert_eq!(
            check_url("https:api"),
            Err("URL must have a valid hostname")
        );
        assert_eq!(
            secret_prefix("https://www.api.stripe.com:443/v1"),
            "API_STRIPE_COM"
        );
    }
}
