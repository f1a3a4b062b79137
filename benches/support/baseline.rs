//! The baselines: hand-written HTTP with `reqwest`, putting on the wire exactly the
//! bytes the SDK sends (checked before measuring).

use std::{sync::Arc, time::Duration};

use bytes::Bytes;
use reqwest::{
    header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE},
    Method,
};
use serde::{de::DeserializeOwned, Serialize};

/// The SDK's defaults, copied: the same connection settings on both sides.
const TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const USER_AGENT: &str = concat!("mcp-admin/", env!("CARGO_PKG_VERSION"));

/// A `reqwest::Client` built like the SDK builds its own (timeouts, user agent, no
/// redirects, default pool), plus the bearer header. Cheap to clone.
#[derive(Clone)]
pub struct RawClient {
    http: reqwest::Client,
    auth: HeaderValue,
}

/// How a baseline request gets its body.
#[derive(Clone)]
pub enum Body {
    /// No body (a GET).
    None,
    /// Serialized once, before measuring: the transport floor.
    Prebuilt(Bytes),
    /// Serialized on every request, as hand-written code does.
    PerRequest(Arc<dyn Fn() -> Vec<u8> + Send + Sync>),
}

impl Body {
    /// A body serialized from `value` on every request.
    pub fn per_request<T: Serialize + Send + Sync + 'static>(value: T) -> Body {
        Body::PerRequest(Arc::new(move || {
            serde_json::to_vec(&value).expect("the body serializes")
        }))
    }

    /// A body serialized from `value` once, now.
    pub fn prebuilt<T: Serialize>(value: &T) -> Body {
        Body::Prebuilt(
            serde_json::to_vec(value)
                .expect("the body serializes")
                .into(),
        )
    }
}

impl RawClient {
    /// A client sending `Authorization: Bearer <token>`.
    pub fn new(token: &str) -> RawClient {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(TIMEOUT)
            .user_agent(USER_AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a reqwest client");
        let mut auth =
            HeaderValue::from_str(&format!("Bearer {token}")).expect("a header-safe token");
        auth.set_sensitive(true);
        RawClient { http, auth }
    }
}

impl RawClient {
    /// Reads every page of a WordPress-paged list at `origin` + `path` the way
    /// hand-written code does: `?page=N&per_page=…` from 1 (the order the SDK's
    /// generated operation writes them in), each page checked and
    /// decoded into `Vec<T>`, until the page `X-WP-TotalPages` names. Each item is
    /// handed to `each`, then dropped with its page; returns how many there were.
    pub async fn get_pages<T: DeserializeOwned>(
        &self,
        origin: &str,
        path: &str,
        per_page: u32,
        mut each: impl FnMut(T),
    ) -> usize {
        let mut seen = 0;
        let mut page = 1u64;
        loop {
            let url = format!("{origin}{path}?page={page}&per_page={per_page}");
            let response = self
                .http
                .get(url)
                .header(ACCEPT, HeaderValue::from_static("application/json"))
                .header(AUTHORIZATION, self.auth.clone())
                .send()
                .await
                .expect("the baseline request");
            assert!(
                response.status().is_success(),
                "baseline: {}",
                response.status()
            );
            let total_pages: u64 = response
                .headers()
                .get("x-wp-totalpages")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let bytes = response.bytes().await.expect("the baseline response body");
            let items: Vec<T> = serde_json::from_slice(&bytes).expect("the page decodes");
            seen += items.len();
            items.into_iter().for_each(&mut each);
            if page >= total_pages {
                return seen;
            }
            page += 1;
        }
    }
}

/// One baseline request, ready to be sent any number of times. Cheap to clone.
#[derive(Clone)]
pub struct RawRequest {
    /// The client.
    pub client: RawClient,
    /// The method.
    pub method: Method,
    /// The origin, e.g. `http://127.0.0.1:8080`.
    pub origin: Arc<str>,
    /// The path, e.g. `/api/v1/servers/kSuB9Gf6aD4`.
    pub path: Arc<str>,
    /// The body.
    pub body: Body,
}

impl RawRequest {
    /// Sends the request with the SDK's headers, checks for a 2xx, reads the body and
    /// decodes it into `T`: everything hand-written code has to do too. The URL is
    /// formatted per request, as the SDK does.
    pub async fn send<T: DeserializeOwned>(&self) -> T {
        let url = format!("{}{}", self.origin, self.path);
        let mut request = self
            .client
            .http
            .request(self.method.clone(), url)
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(AUTHORIZATION, self.client.auth.clone());
        let body = match &self.body {
            Body::None => None,
            Body::Prebuilt(bytes) => Some(bytes.clone()),
            Body::PerRequest(serialize) => Some(Bytes::from(serialize())),
        };
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body);
        }
        let response = request.send().await.expect("the baseline request");
        assert!(
            response.status().is_success(),
            "baseline: {}",
            response.status()
        );
        let bytes = response.bytes().await.expect("the baseline response body");
        serde_json::from_slice(&bytes).expect("the baseline response decodes")
    }
}
