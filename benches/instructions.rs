//! Instructions per request on the client side, counted by callgrind: exact and
//! unmoved by other load on the machine, unlike wall time.
//!
//! `cargo bench --bench instructions` needs `valgrind` on the `PATH`. For each variant
//! it runs this binary again under `valgrind --tool=callgrind`, with collection on only
//! while `callgrind_measured` is on the stack of the client's thread: the loopback
//! server's thread, start-up and the warm-up requests are not counted. Each request
//! variant sends [`REQUESTS`] sequential requests over one kept-alive connection; each
//! `list_` variant reads a [`LIST_PAGES`]-page list [`WALKS`] times and counts per page;
//! each `micro/` variant runs one piece of the request path [`REQUESTS`] times, with no I/O.
//! A filter argument (`cargo bench --bench instructions -- getmcp`) runs the variants
//! whose names contain it. The callgrind profiles stay in `target/callgrind/` for
//! `callgrind_annotate`.

#[allow(dead_code)] // Shared with the criterion benchmark, which uses the rest.
mod support;

use futures_util::StreamExt;
use std::{
    future::Future,
    hint::black_box,
    path::{Path, PathBuf},
    pin::Pin,
    process::Command,
    time::Duration,
};

use mcp_admin::{
    getmcp::{self, AuthType, ServerStatus},
    hasmcp::ServerEnvelope,
    raw::ClientInfo,
    Patch,
};
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE,
};
use tokio::runtime::Runtime;

use support::{
    baseline::RawClient,
    fixtures::{self, GETMCP_UUID},
    server::{RequestParts, Server},
    updates::{
        getmcp_update, getmcp_update_without_origins, hasmcp_exact_update, GetmcpUpdate,
        HasmcpUpdate, GETMCP_KEY,
    },
};

/// Requests (or repetitions of a `micro/` variant) counted per variant.
const REQUESTS: u64 = 500;
/// Requests sent before counting: the connection, the pool and lazy statics are set up.
const WARM_UP: u64 = 20;
/// Pages in the list the `list_` variants read, and servers per page.
const LIST_PAGES: u64 = 10;
const LIST_PER_PAGE: u64 = 100;
/// Whole lists read per `list_` variant, after [`LIST_WARM_UP`] uncounted ones.
const WALKS: u64 = 10;
const LIST_WARM_UP: u64 = 2;
/// The child process runs the variant this variable names.
const VARIANT_VAR: &str = "MCP_ADMIN_CALLGRIND_VARIANT";
/// The function whose time on the stack callgrind counts.
const MEASURED: &str = "*callgrind_measured*";

struct Variant {
    name: &'static str,
    run: fn(),
    /// What the count is divided by, and its name in the table.
    per: Unit,
}

#[derive(Clone, Copy)]
enum Unit {
    /// One of [`REQUESTS`] requests.
    Request,
    /// One of [`REQUESTS`] repetitions of a `micro/` variant.
    Repetition,
    /// One of [`WALKS`] × [`LIST_PAGES`] pages (a request and [`LIST_PER_PAGE`] servers).
    Page,
}

impl Unit {
    fn count(self) -> u64 {
        match self {
            Unit::Request | Unit::Repetition => REQUESTS,
            Unit::Page => WALKS * LIST_PAGES,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Unit::Request => "request",
            Unit::Repetition => "repetition",
            Unit::Page => "page",
        }
    }
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "getmcp/sdk_send",
        run: getmcp_sdk,
        per: Unit::Request,
    },
    Variant {
        name: "getmcp/sdk_send_without_origins",
        run: getmcp_sdk_without_origins,
        per: Unit::Request,
    },
    Variant {
        name: "getmcp/generated",
        run: getmcp_generated,
        per: Unit::Request,
    },
    Variant {
        name: "getmcp/raw_reqwest",
        run: getmcp_raw,
        per: Unit::Request,
    },
    Variant {
        name: "getmcp/raw_reqwest_prebuilt",
        run: getmcp_raw_prebuilt,
        per: Unit::Request,
    },
    Variant {
        name: "hasmcp/sdk_send_exact",
        run: hasmcp_sdk_exact,
        per: Unit::Request,
    },
    Variant {
        name: "hasmcp/generated",
        run: hasmcp_generated,
        per: Unit::Request,
    },
    Variant {
        name: "hasmcp/raw_reqwest_patch",
        run: hasmcp_raw,
        per: Unit::Request,
    },
    Variant {
        name: "hasmcp/raw_reqwest_patch_prebuilt",
        run: hasmcp_raw_prebuilt,
        per: Unit::Request,
    },
    Variant {
        name: "getmcp/list_stream",
        run: getmcp_list_stream,
        per: Unit::Page,
    },
    Variant {
        name: "getmcp/list_raw_pages",
        run: getmcp_list_raw_pages,
        per: Unit::Page,
    },
    Variant {
        name: "micro/getmcp_body",
        run: micro_getmcp_body,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/getmcp_body_without_origins",
        run: micro_getmcp_body_without_origins,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/origins_url_parse",
        run: micro_origins_url_parse,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/origins_light_parse",
        run: micro_origins_light_parse,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/getmcp_body_field_clones",
        run: micro_getmcp_field_clones,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/hasmcp_update_clone",
        run: micro_hasmcp_update_clone,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/hasmcp_client_clone",
        run: micro_hasmcp_client_clone,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/request_build_with_api_version",
        run: micro_request_with_api_version,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/request_build_without_api_version",
        run: micro_request_without_api_version,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/request_try_clone",
        run: micro_request_try_clone,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/pre_hook_headers",
        run: micro_pre_hook_headers,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/pre_hook_remove_api_version",
        run: micro_pre_hook_remove_api_version,
        per: Unit::Repetition,
    },
    Variant {
        name: "micro/response_headers_clone",
        run: micro_response_headers_clone,
        per: Unit::Repetition,
    },
];

/// The counted region: everything `f` runs on this thread, and nothing else.
#[inline(never)]
fn callgrind_measured<R>(f: impl FnOnce() -> R) -> R {
    black_box(f())
}

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

/// Sends [`WARM_UP`] requests, then counts [`REQUESTS`] more, one at a time.
fn requests<F, Fut>(rt: &Runtime, send: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    runs(rt, WARM_UP, REQUESTS, send);
}

/// Runs `run` `warm_up` times, then counts `counted` more runs, one at a time.
fn runs<F, Fut>(rt: &Runtime, warm_up: u64, counted: u64, run: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    rt.block_on(async {
        for _ in 0..warm_up {
            run().await;
        }
    });
    callgrind_measured(|| {
        rt.block_on(async {
            for _ in 0..counted {
                run().await;
            }
        })
    });
}

/// Runs `f` [`REQUESTS`] times in the counted region.
fn repeat<R>(mut f: impl FnMut() -> R) {
    callgrind_measured(|| {
        for _ in 0..REQUESTS {
            black_box(f());
        }
    });
}

/// What `server` received while `send` ran once.
fn captured<Fut: Future<Output = ()>>(rt: &Runtime, server: &Server, send: Fut) -> RequestParts {
    server.start_capture();
    rt.block_on(send);
    let requests = server.stop_capture();
    assert_eq!(requests.len(), 1, "one request");
    RequestParts::parse(&requests[0])
}

/// Checks that every side of a comparison sends the request `expected` sends.
fn assert_same_requests<Fut: Future<Output = ()>>(
    rt: &Runtime,
    server: &Server,
    expected: Fut,
    others: Vec<std::pin::Pin<Box<dyn Future<Output = ()> + '_>>>,
) {
    let expected = captured(rt, server, expected);
    for other in others {
        assert_eq!(
            captured(rt, server, other),
            expected,
            "the sides of the comparison send different requests"
        );
    }
}

/// Starts the GetMCP server and checks that the SDK, the generated operation and
/// both baselines send the same request.
fn getmcp_setup(rt: &Runtime) -> GetmcpUpdate {
    let setup = GetmcpUpdate::start(Duration::ZERO);
    assert_same_requests(
        rt,
        &setup.server,
        async {
            getmcp_update(&setup.client).send().await.expect("SDK");
        },
        vec![
            Box::pin(async {
                setup.send_generated().await;
            }),
            Box::pin(async {
                setup.raw.send::<getmcp::Server>().await;
            }),
            Box::pin(async {
                setup.raw_prebuilt.send::<getmcp::Server>().await;
            }),
        ],
    );
    setup
}

fn getmcp_sdk() {
    let rt = runtime();
    let setup = getmcp_setup(&rt);
    requests(&rt, || async {
        black_box(getmcp_update(&setup.client).send().await.expect("SDK"));
    });
}

fn getmcp_sdk_without_origins() {
    let rt = runtime();
    let setup = getmcp_setup(&rt);
    requests(&rt, || async {
        let update = getmcp_update_without_origins(&setup.client);
        black_box(update.send().await.expect("SDK"));
    });
}

fn getmcp_generated() {
    let rt = runtime();
    let setup = getmcp_setup(&rt);
    requests(&rt, || async {
        black_box(setup.send_generated().await);
    });
}

fn getmcp_raw() {
    let rt = runtime();
    let setup = getmcp_setup(&rt);
    requests(&rt, || async {
        black_box(setup.raw.send::<getmcp::Server>().await);
    });
}

fn getmcp_raw_prebuilt() {
    let rt = runtime();
    let setup = getmcp_setup(&rt);
    requests(&rt, || async {
        black_box(setup.raw_prebuilt.send::<getmcp::Server>().await);
    });
}

/// Starts the HasMCP server and checks that `send_exact()`, the generated operation
/// and both baselines send the same request.
fn hasmcp_setup(rt: &Runtime) -> HasmcpUpdate {
    let setup = HasmcpUpdate::start(Duration::ZERO);
    assert_same_requests(
        rt,
        &setup.server,
        async {
            hasmcp_exact_update(&setup.client)
                .send_exact()
                .await
                .expect("SDK");
        },
        vec![
            Box::pin(async {
                setup.send_generated().await;
            }),
            Box::pin(async {
                setup.raw_exact.send::<ServerEnvelope>().await;
            }),
            Box::pin(async {
                setup.raw_exact_prebuilt.send::<ServerEnvelope>().await;
            }),
        ],
    );
    setup
}

fn hasmcp_sdk_exact() {
    let rt = runtime();
    let setup = hasmcp_setup(&rt);
    requests(&rt, || async {
        let update = hasmcp_exact_update(&setup.client);
        black_box(update.send_exact().await.expect("SDK"));
    });
}

fn hasmcp_generated() {
    let rt = runtime();
    let setup = hasmcp_setup(&rt);
    requests(&rt, || async {
        black_box(setup.send_generated().await);
    });
}

fn hasmcp_raw() {
    let rt = runtime();
    let setup = hasmcp_setup(&rt);
    requests(&rt, || async {
        black_box(setup.raw_exact.send::<ServerEnvelope>().await);
    });
}

fn hasmcp_raw_prebuilt() {
    let rt = runtime();
    let setup = hasmcp_setup(&rt);
    requests(&rt, || async {
        black_box(setup.raw_exact_prebuilt.send::<ServerEnvelope>().await);
    });
}

/// The paged GetMCP list both `list_` variants read: a loopback server answering
/// [`LIST_PAGES`] pages of [`LIST_PER_PAGE`] servers with both total headers, an SDK
/// client and a raw one.
struct ListSetup {
    server: Server,
    gm: getmcp::Client,
    raw: RawClient,
}

const SERVERS_PATH: &str = "/wp-json/getmcp/v1/servers";

impl ListSetup {
    fn start() -> ListSetup {
        let pages = fixtures::getmcp_pages(LIST_PAGES as usize, LIST_PER_PAGE as usize);
        let server = Server::start_paged(&pages, (LIST_PAGES * LIST_PER_PAGE) as usize);
        let gm = support::updates::getmcp_client(&server.url());
        ListSetup {
            server,
            gm,
            raw: RawClient::new(GETMCP_KEY),
        }
    }

    /// The whole list through `into_stream()`, each server taken and dropped; returns
    /// how many there were. `page(1)` makes the first request name its page, as the
    /// baseline's does.
    async fn stream(&self) -> u64 {
        let stream = self
            .gm
            .list_servers()
            .per_page(LIST_PER_PAGE)
            .page(1)
            .into_stream();
        let mut stream = std::pin::pin!(stream);
        let mut seen = 0;
        while let Some(server) = stream.next().await {
            black_box(server.expect("a server"));
            seen += 1;
        }
        seen
    }

    /// The whole list through the hand-written paging loop; returns how many servers.
    async fn raw_pages(&self) -> u64 {
        let origin = self.server.url();
        let each = |server: getmcp::Server| {
            black_box(server);
        };
        let seen = self
            .raw
            .get_pages(&origin, SERVERS_PATH, LIST_PER_PAGE as u32, each)
            .await;
        seen as u64
    }
}

/// Starts the paged server and checks that the stream and the paging loop read every
/// server and send the same requests, page after page.
fn list_setup(rt: &Runtime) -> ListSetup {
    let setup = ListSetup::start();
    let walk = |read: Pin<Box<dyn Future<Output = u64> + '_>>| {
        setup.server.start_capture();
        let seen = rt.block_on(read);
        let sent: Vec<RequestParts> = setup
            .server
            .stop_capture()
            .iter()
            .map(|r| RequestParts::parse(r))
            .collect();
        (seen, sent)
    };
    let (streamed, from_sdk) = walk(Box::pin(setup.stream()));
    let (read, from_raw) = walk(Box::pin(setup.raw_pages()));
    assert_eq!(
        (streamed, read),
        (LIST_PAGES * LIST_PER_PAGE, LIST_PAGES * LIST_PER_PAGE)
    );
    assert_eq!(from_sdk.len() as u64, LIST_PAGES, "one request a page");
    assert_eq!(
        from_sdk, from_raw,
        "the sides of the comparison send different requests"
    );
    setup
}

fn getmcp_list_stream() {
    let rt = runtime();
    let setup = list_setup(&rt);
    runs(&rt, LIST_WARM_UP, WALKS, || async {
        black_box(setup.stream().await);
    });
}

fn getmcp_list_raw_pages() {
    let rt = runtime();
    let setup = list_setup(&rt);
    runs(&rt, LIST_WARM_UP, WALKS, || async {
        black_box(setup.raw_pages().await);
    });
}

/// A client for the `micro/` variants: never sends.
fn idle_getmcp_client() -> getmcp::Client {
    support::updates::getmcp_client("http://127.0.0.1:9")
}

fn micro_getmcp_body() {
    let gm = idle_getmcp_client();
    repeat(|| getmcp_update(&gm).body().expect("a valid update"));
}

fn micro_getmcp_body_without_origins() {
    let gm = idle_getmcp_client();
    repeat(|| {
        getmcp_update_without_origins(&gm)
            .body()
            .expect("a valid update")
    });
}

const ORIGINS: [&str; 2] = ["https://a.example", "https://b.example"];

/// The part of the GetMCP origin check that parses: `Url::parse` (with IDNA) and the
/// serialized origin compared with the input, for both origins of the update.
fn micro_origins_url_parse() {
    repeat(|| {
        ORIGINS
            .iter()
            .all(|origin| match reqwest::Url::parse(origin) {
                Ok(url) if url.host_str().is_some_and(|h| !h.is_empty()) => {
                    url.origin().ascii_serialization() == *origin
                }
                _ => false,
            })
    });
}

/// A light check of the same two origins: accepts exactly `http(s)://` and a canonical
/// lower-case DNS name with an optional non-default port, and would leave anything else
/// (IP literals, `xn--` labels, a trailing dot, upper case) to `Url::parse`.
fn micro_origins_light_parse() {
    assert_light_parse_is_sound();
    repeat(|| ORIGINS.iter().all(|origin| canonical_dns_origin(origin)));
}

/// Every origin the light check accepts is one `Url::parse` serializes unchanged.
fn assert_light_parse_is_sound() {
    let samples = [
        "https://a.example",
        "http://localhost:8080",
        "https://sub.a-b.example:8443",
        "https://A.example",
        "https://a.example:443",
        "http://a.example:80",
        "https://a.example:08443",
        "https://a..example",
        "https://a.example.",
        "http://127.0.0.1",
        "http://0x7f.1",
        "https://xn--bcher-kva.example",
        "https://bücher.example",
        "https://a.example:99999",
        "ftp://a.example",
    ];
    for origin in samples {
        if canonical_dns_origin(origin) {
            let url = reqwest::Url::parse(origin).expect("an accepted origin parses");
            assert_eq!(url.origin().ascii_serialization(), origin, "{origin}");
        }
    }
}

fn canonical_dns_origin(origin: &str) -> bool {
    let (authority, default_port) = if let Some(rest) = origin.strip_prefix("https://") {
        (rest, 443)
    } else if let Some(rest) = origin.strip_prefix("http://") {
        (rest, 80)
    } else {
        return false;
    };
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host.as_bytes(), Some(port)),
        None => (authority.as_bytes(), None),
    };
    let port_ok = port
        .is_none_or(|p| !p.starts_with('0') && p.parse::<u16>().is_ok_and(|n| n != default_port));
    // One pass over the host: labels of [a-z0-9-], none empty, none `xn--`, the last
    // not all digits (that would be an IPv4 address).
    let mut label_start = 0;
    let mut all_digits = true;
    for (i, &b) in host.iter().enumerate() {
        match b {
            b'.' => {
                if i == label_start || host[label_start..].starts_with(b"xn--") {
                    return false;
                }
                label_start = i + 1;
                all_digits = true;
            }
            b'a'..=b'z' | b'-' => all_digits = false,
            b'0'..=b'9' => {}
            _ => return false,
        }
    }
    let last_ok =
        label_start < host.len() && !all_digits && !host[label_start..].starts_with(b"xn--");
    port_ok && last_ok
}

/// What the GetMCP `body()` clones from the builder: name, description, status and
/// auth type (a consuming `body` would move them).
fn micro_getmcp_field_clones() {
    let fields = (
        Some(String::from("GitHub Tools v2")),
        Patch::Set(String::from("Updated tools for GitHub")),
        Some(ServerStatus::Active),
        Some(AuthType::Bearer),
    );
    repeat(|| black_box(&fields).clone());
}

/// A whole HasMCP `send_exact()` builder cloned: its changes as `exact_body()` clones
/// them, plus the client (see `micro/hasmcp_client_clone` for that part).
fn micro_hasmcp_update_clone() {
    let hm = support::updates::hasmcp_client("http://127.0.0.1:9");
    let update = hasmcp_exact_update(&hm);
    repeat(|| black_box(&update).clone());
}

fn micro_hasmcp_client_clone() {
    let hm = support::updates::hasmcp_client("http://127.0.0.1:9");
    repeat(|| black_box(&hm).clone());
}

const API_VERSION: HeaderName = HeaderName::from_static("api-version");

/// Builds the GetMCP update's `reqwest::Request` the way the generated operation does:
/// URL, `Accept`, the JSON body, and with `api_version` the extra header map merged in.
fn generated_request(http: &reqwest::Client, body: &getmcp::UpdateServerBody, api_version: bool) {
    let url = format!("http://127.0.0.1:9/wp-json/getmcp/v1/servers/{GETMCP_UUID}");
    let request = http
        .patch(url)
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .json(body);
    let request = if api_version {
        let mut header_map = HeaderMap::with_capacity(1);
        header_map.append(API_VERSION, HeaderValue::from_static("1.0.0"));
        request.headers(header_map)
    } else {
        request
    };
    black_box(request.build().expect("a request"));
}

/// The `reqwest` client inside an SDK client (building one installs the crypto provider).
fn sdk_http_client(gm: &getmcp::Client) -> reqwest::Client {
    gm.raw().client().clone()
}

fn micro_request(api_version: bool) {
    let gm = idle_getmcp_client();
    let http = sdk_http_client(&gm);
    let body = getmcp_update(&gm).body().expect("a valid update");
    repeat(|| generated_request(&http, &body, api_version));
}

fn micro_request_with_api_version() {
    micro_request(true);
}

fn micro_request_without_api_version() {
    micro_request(false);
}

/// The retry copy the transport takes of each request before sending it while
/// retries remain (`Request::try_clone`), and its drop.
fn micro_request_try_clone() {
    let gm = idle_getmcp_client();
    let http = sdk_http_client(&gm);
    let body = getmcp_update(&gm).body().expect("a valid update");
    let url = format!("http://127.0.0.1:9/wp-json/getmcp/v1/servers/{GETMCP_UUID}");
    let request = http
        .patch(url)
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .json(&body)
        .build()
        .expect("a request");
    repeat(|| black_box(&request).try_clone());
}

/// The header work of the `pre` hook on a built request: remove `api-version`, insert
/// the bearer header, check for a content type.
fn micro_pre_hook_headers() {
    let mut request = built_request();
    let mut auth = HeaderValue::from_str(&format!("Bearer {GETMCP_KEY}")).expect("a header");
    auth.set_sensitive(true);
    callgrind_measured(|| {
        for _ in 0..REQUESTS {
            let headers = black_box(&mut request).headers_mut();
            headers.remove(API_VERSION);
            headers.insert(AUTHORIZATION, auth.clone());
            black_box(headers.contains_key(CONTENT_TYPE));
        }
    });
}

/// A request with the headers the generated code sets before the `pre` hook.
fn built_request() -> reqwest::Request {
    let http = sdk_http_client(&idle_getmcp_client());
    http.patch("http://127.0.0.1:9/")
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
        .build()
        .expect("a request")
}

/// The `pre` hook's removal of `api-version`, which nothing adds any more.
fn micro_pre_hook_remove_api_version() {
    let mut request = built_request();
    repeat(|| black_box(&mut request).headers_mut().remove(API_VERSION));
}

/// What `ResponseValue::from_response` does with the benchmark server's response
/// headers: clones them.
fn micro_response_headers_clone() {
    let mut headers = HeaderMap::new();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(CONTENT_LENGTH, HeaderValue::from(624u64));
    repeat(|| black_box(&headers).clone());
}

/// Where the callgrind profiles go: `target/callgrind`, beside the profile directory
/// this binary was built into.
fn out_dir(exe: &Path) -> PathBuf {
    exe.ancestors()
        .nth(3)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("callgrind")
}

/// The `summary:` (events counted) of a callgrind profile.
fn counted(profile: &Path) -> u64 {
    let text = std::fs::read_to_string(profile).expect("a callgrind profile");
    text.lines()
        .find_map(|l| {
            l.strip_prefix("summary:")
                .or_else(|| l.strip_prefix("totals:"))
        })
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .expect("a summary line in the profile")
}

/// Runs `variant` under callgrind and returns the instructions it counted.
fn measure(exe: &Path, dir: &Path, variant: &Variant) -> u64 {
    let file = variant.name.replace('/', "-");
    let profile = dir.join(format!("{file}.out"));
    let log = dir.join(format!("{file}.log"));
    let status = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--toggle-collect={MEASURED}"))
        .arg(format!("--callgrind-out-file={}", profile.display()))
        .arg(format!("--log-file={}", log.display()))
        .arg(exe)
        .env(VARIANT_VAR, variant.name)
        .status()
        .expect("valgrind runs");
    assert!(
        status.success(),
        "{}: valgrind failed, see {}",
        variant.name,
        log.display()
    );
    counted(&profile)
}

/// The comparisons printed after the table: (subject, baseline, held to [`TARGET`]).
/// Both sides of each count the same unit.
const RATIOS: &[(&str, &str, bool)] = &[
    ("getmcp/sdk_send", "getmcp/raw_reqwest", true),
    ("getmcp/sdk_send", "getmcp/raw_reqwest_prebuilt", false),
    ("getmcp/generated", "getmcp/raw_reqwest", false),
    ("getmcp/sdk_send", "getmcp/generated", false),
    ("getmcp/sdk_send", "getmcp/sdk_send_without_origins", false),
    ("hasmcp/sdk_send_exact", "hasmcp/raw_reqwest_patch", true),
    (
        "hasmcp/sdk_send_exact",
        "hasmcp/raw_reqwest_patch_prebuilt",
        false,
    ),
    ("hasmcp/generated", "hasmcp/raw_reqwest_patch", false),
    ("hasmcp/sdk_send_exact", "hasmcp/generated", false),
    ("getmcp/list_stream", "getmcp/list_raw_pages", false),
];

/// The target for SDK/raw in instructions per request.
const TARGET: f64 = 1.10;

fn main() {
    if let Ok(name) = std::env::var(VARIANT_VAR) {
        let variant = VARIANTS
            .iter()
            .find(|v| v.name == name)
            .expect("a known variant");
        return (variant.run)();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        // `cargo test --benches`: nothing to check without valgrind.
        println!("instructions: run with `cargo bench --bench instructions`");
        return;
    }
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let version = Command::new("valgrind").arg("--version").output();
    if !version.is_ok_and(|o| o.status.success()) {
        eprintln!("instructions: needs valgrind on the PATH (Debian: apt-get install valgrind)");
        std::process::exit(1);
    }
    let exe = std::env::current_exe().expect("this binary's path");
    let dir = out_dir(&exe);
    std::fs::create_dir_all(&dir).expect("create the profile directory");
    let mut counts = Vec::new();
    println!("| variant | instructions | per |");
    println!("|---|---:|---|");
    for variant in VARIANTS {
        if !filters.is_empty() && !filters.iter().any(|f| variant.name.contains(f.as_str())) {
            continue;
        }
        let per_unit = measure(&exe, &dir, variant) as f64 / variant.per.count() as f64;
        println!(
            "| {} | {per_unit:.0} | {} |",
            variant.name,
            variant.per.name()
        );
        counts.push((variant.name, per_unit));
    }
    let count = |name: &str| counts.iter().find(|(n, _)| *n == name).map(|(_, c)| *c);
    println!();
    println!("| subject | baseline | instructions ratio | target | met |");
    println!("|---|---|---:|---:|:---:|");
    for (subject, baseline, held) in RATIOS {
        let (Some(s), Some(b)) = (count(subject), count(baseline)) else {
            continue;
        };
        let ratio = s / b;
        let (target, met) = if *held {
            (
                format!("≤ {TARGET:.2}"),
                if ratio <= TARGET { "yes" } else { "NO" },
            )
        } else {
            ("–".to_owned(), "–")
        };
        println!("| {subject} | {baseline} | {ratio:.3} | {target} | {met} |");
    }
    println!("\n(profiles in {})", dir.display());
}
