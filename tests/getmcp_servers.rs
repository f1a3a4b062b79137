//! GetMCP server list, create, delete, toggle and duplicate: the exact request each sends
//! (wiremock), what each refuses before sending, what answers it refuses, the paging
//! walks and what they guarantee, and the same operations against the fake, including a
//! walk of 1,000 servers that holds one page at a time.

mod getmcp_support;

use std::{collections::HashSet, pin::pin, time::Instant};

use futures_util::TryStreamExt;
use getmcp_support::{
    answering, assert_request, client, decode_reason, fake_client, invalid_field, only_request,
    query, silent, uuid_ref, KEY, SERVERS, UUID,
};
use mcp_admin::{
    getmcp::{
        AuthType, RateLimit, Server, ServerOrderBy, ServerStatus, SortOrder, TestAuthCredentials,
        MAX_INSTRUCTIONS_BYTES,
    },
    testing::FakeGetMcp,
};
use serde_json::{json, Value};
use wiremock::{
    matchers::{any, method, path, query_param},
    Mock, MockServer, ResponseTemplate,
};

fn server_json(id: u64) -> Value {
    json!({"id": id, "uuid": format!("00000000-0000-4000-8000-{id:012}"), "name": format!("S{id}"), "status": "active"})
}

fn server(id: u64) -> Server {
    serde_json::from_value(server_json(id)).expect("a server")
}

// ---------------------------------------------------------------- list: the wire

#[tokio::test]
async fn list_servers_sends_every_filter_set_and_reads_the_totals() {
    let mock = answering(
        200,
        Some(json!([server_json(21), server_json(22)])),
        &[("X-WP-Total", "120"), ("X-WP-TotalPages", "3")],
    )
    .await;
    let page = client(&mock)
        .list_servers()
        .status(ServerStatus::Paused)
        .search("git hub")
        .orderby(ServerOrderBy::CreatedAt)
        .order(SortOrder::Asc)
        .per_page(50)
        .page(2)
        .send()
        .await
        .expect("200");

    assert_eq!(page.items, [server(21), server(22)]);
    assert_eq!(
        (page.page, page.total, page.total_pages, page.next_page()),
        (2, Some(120), Some(3), Some(3))
    );
    assert_request(
        &only_request(&mock).await,
        "GET",
        SERVERS,
        &[
            ("status", "paused"),
            ("search", "git hub"),
            ("orderby", "created_at"),
            ("order", "ASC"),
            ("per_page", "50"),
            ("page", "2"),
        ],
        None,
    );
}

/// A page led by a UTF-8 byte order mark (some WordPress hosts put one before every
/// answer) decodes, and keeps the totals its headers report.
#[tokio::test]
async fn a_page_after_a_byte_order_mark_keeps_its_totals() {
    let mock = MockServer::start().await;
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend_from_slice(json!([server_json(21)]).to_string().as_bytes());
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(body, "application/json")
                .insert_header("X-WP-Total", "41")
                .insert_header("X-WP-TotalPages", "3"),
        )
        .mount(&mock)
        .await;
    let page = client(&mock)
        .list_servers()
        .per_page(20)
        .send()
        .await
        .expect("200");
    assert_eq!(page.items, [server(21)]);
    assert_eq!((page.total, page.total_pages), (Some(41), Some(3)));
}

#[tokio::test]
async fn list_servers_with_nothing_set_sends_no_query() {
    let mock = answering(
        200,
        Some(json!([])),
        &[("X-WP-Total", "0"), ("X-WP-TotalPages", "0")],
    )
    .await;
    let page = client(&mock).list_servers().send().await.expect("200");
    assert_eq!((page.items.len(), page.page, page.total), (0, 1, Some(0)));
    assert_eq!(page.next_page(), None);
    let req = only_request(&mock).await;
    assert_eq!(req.url.query(), None);
    assert_request(&req, "GET", SERVERS, &[], None);
}

#[tokio::test]
async fn every_sort_key_and_status_goes_out_as_the_site_spells_it() {
    let cases = [
        (ServerOrderBy::Id, "id"),
        (ServerOrderBy::Name, "name"),
        (ServerOrderBy::Slug, "slug"),
        (ServerOrderBy::Status, "status"),
        (ServerOrderBy::UpdatedAt, "updated_at"),
        (ServerOrderBy::LastUsedAt, "last_used_at"),
    ];
    for (key, wire) in cases {
        let mock = answering(200, Some(json!([])), &[]).await;
        client(&mock)
            .list_servers()
            .orderby(key)
            .order(SortOrder::Desc)
            .status(ServerStatus::Draft)
            .send()
            .await
            .expect("200");
        let req = only_request(&mock).await;
        assert_request(
            &req,
            "GET",
            SERVERS,
            &[("orderby", wire), ("order", "DESC"), ("status", "draft")],
            None,
        );
    }
}

#[tokio::test]
async fn missing_total_headers_are_none_and_malformed_ones_are_refused() {
    let mock = answering(200, Some(json!([server_json(1)])), &[]).await;
    let page = client(&mock).list_servers().send().await.expect("200");
    assert_eq!((page.total, page.total_pages), (None, None));
    // Without totals or a page size set, only an empty page can end a walk.
    assert_eq!(page.next_page(), Some(2));

    for (header, value) in [
        ("X-WP-Total", "abc"),
        ("X-WP-TotalPages", "-1"),
        ("X-WP-Total", "1.5"),
    ] {
        let mock = answering(200, Some(json!([server_json(1)])), &[(header, value)]).await;
        let e = client(&mock).list_servers().send().await.unwrap_err();
        assert_eq!(
            decode_reason(e),
            (
                "getmcp_list_servers",
                200,
                format!("header {} is not a count", header.to_ascii_lowercase())
            )
        );
    }
}

#[tokio::test]
async fn page_bounds_are_refused_before_sending() {
    let mock = silent().await;
    let gm = client(&mock);
    for n in [0, 101, 1000] {
        let e = gm.list_servers().per_page(n).send().await.unwrap_err();
        assert_eq!(invalid_field(e), "per_page");
        let e = gm.list_servers().per_page(n).all().await.unwrap_err();
        assert_eq!(invalid_field(e), "per_page");
    }
    let e = gm.list_servers().page(0).send().await.unwrap_err();
    assert_eq!(invalid_field(e), "page");
    let mut stream = pin!(gm.list_servers().page(0).into_stream());
    let first = stream.try_next().await.unwrap_err();
    assert_eq!(invalid_field(first), "page");
    assert!(stream.try_next().await.expect("ended").is_none());
}

#[tokio::test]
async fn a_list_error_is_the_api_error() {
    let body = json!({"code": "rest_forbidden", "message": "Sorry, you are not allowed to do that.", "data": {"status": 403}});
    let mock = answering(403, Some(body), &[]).await;
    let e = client(&mock).list_servers().send().await.unwrap_err();
    assert!(e.is_unauthorized());
    assert_eq!(e.code(), Some("rest_forbidden"));
}

// ---------------------------------------------------------------- list: walks

/// A wiremock serving `pages` (1-based) of servers with these totals, and an empty
/// array for any other page.
async fn paged(pages: &[Vec<u64>], totals: Option<(u64, u64)>) -> MockServer {
    let mock = MockServer::start().await;
    for (i, ids) in pages.iter().enumerate() {
        let page = (i + 1).to_string();
        let items: Vec<Value> = ids.iter().map(|id| server_json(*id)).collect();
        let mut answer = ResponseTemplate::new(200).set_body_json(items);
        if let Some((total, pages)) = totals {
            answer = answer
                .insert_header("X-WP-Total", total.to_string())
                .insert_header("X-WP-TotalPages", pages.to_string());
        }
        let matcher = Mock::given(method("GET")).and(path(SERVERS));
        let matcher = if i == 0 {
            matcher.and(wiremock::matchers::query_param_is_missing("page"))
        } else {
            matcher.and(query_param("page", page.as_str()))
        };
        matcher.respond_with(answer).mount(&mock).await;
    }
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&mock)
        .await;
    mock
}

async fn pages_asked(mock: &MockServer) -> Vec<Option<String>> {
    mock.received_requests()
        .await
        .expect("recording")
        .iter()
        .map(|r| {
            query(r)
                .into_iter()
                .find(|(k, _)| k == "page")
                .map(|(_, v)| v)
        })
        .collect()
}

fn ids(servers: &[Server]) -> Vec<u64> {
    servers.iter().map(|s| s.id.0).collect()
}

#[tokio::test]
async fn a_walk_stops_at_the_last_page_by_total_pages() {
    let mock = paged(&[vec![1, 2], vec![3, 4], vec![5]], Some((5, 3))).await;
    let all = client(&mock)
        .list_servers()
        .per_page(2)
        .all()
        .await
        .expect("walk");
    assert_eq!(ids(&all), [1, 2, 3, 4, 5]);
    // No request past page 3.
    assert_eq!(
        pages_asked(&mock).await,
        [None, Some("2".into()), Some("3".into())]
    );
}

#[tokio::test]
async fn a_walk_starts_at_the_page_set() {
    let mock = paged(&[vec![1, 2], vec![3, 4], vec![5]], Some((5, 3))).await;
    let all = client(&mock)
        .list_servers()
        .per_page(2)
        .page(2)
        .all()
        .await
        .expect("walk");
    assert_eq!(ids(&all), [3, 4, 5]);
    assert_eq!(
        pages_asked(&mock).await,
        [Some("2".into()), Some("3".into())]
    );
}

#[tokio::test]
async fn without_totals_a_short_page_ends_the_walk_and_else_an_empty_one() {
    let mock = paged(&[vec![1, 2], vec![3]], None).await;
    let all = client(&mock)
        .list_servers()
        .per_page(2)
        .all()
        .await
        .expect("walk");
    assert_eq!(ids(&all), [1, 2, 3]);
    assert_eq!(pages_asked(&mock).await, [None, Some("2".into())]);

    // No page size set: the walk cannot tell a short page, so it asks once more.
    let mock = paged(&[vec![1, 2], vec![3]], None).await;
    let all = client(&mock).list_servers().all().await.expect("walk");
    assert_eq!(ids(&all), [1, 2, 3]);
    assert_eq!(
        pages_asked(&mock).await,
        [None, Some("2".into()), Some("3".into())]
    );
}

#[tokio::test]
async fn a_site_that_ignores_page_and_sends_no_totals_is_refused() {
    let mock = answering(200, Some(json!([server_json(1), server_json(2)])), &[]).await;
    let e = client(&mock).list_servers().all().await.unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_list_servers",
            200,
            "page 2 holds only items already walked: the site ignores `page` or changes the \
             order between pages"
                .into()
        )
    );
}

#[tokio::test]
async fn a_refused_page_is_the_last_item_of_the_stream() {
    let mock = answering(200, Some(json!([server_json(1), server_json(2)])), &[]).await;
    let stream = client(&mock).list_servers().per_page(2).into_stream();
    assert_send_static(&stream);
    let mut stream = pin!(stream);
    assert_eq!(stream.try_next().await.expect("1").map(|s| s.id.0), Some(1));
    assert_eq!(stream.try_next().await.expect("2").map(|s| s.id.0), Some(2));
    let e = stream.try_next().await.unwrap_err();
    assert_eq!(decode_reason(e).2, "page 2 holds only items already walked: the site ignores `page` or changes the order between pages");
    assert!(stream.try_next().await.expect("ended").is_none());
    assert!(stream.try_next().await.expect("still ended").is_none());
    assert_eq!(pages_asked(&mock).await, [None, Some("2".into())]);
}

/// A stream that can move to another task and outlive the client's borrow.
fn assert_send_static<S: Send + 'static>(_: &S) {}

#[tokio::test]
async fn an_error_ends_the_stream_after_the_items_before_it() {
    let mock = MockServer::start().await;
    Mock::given(wiremock::matchers::query_param_is_missing("page"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("X-WP-Total", "4")
                .insert_header("X-WP-TotalPages", "2")
                .set_body_json(json!([server_json(1), server_json(2)])),
        )
        .mount(&mock)
        .await;
    Mock::given(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(500).set_body_json(
            json!({"code": "internal_server_error", "message": "boom", "data": {"status": 500}}),
        ))
        .mount(&mock)
        .await;
    let mut stream = pin!(client(&mock).list_servers().per_page(2).into_stream());
    assert_eq!(stream.try_next().await.expect("1").map(|s| s.id.0), Some(1));
    assert_eq!(stream.try_next().await.expect("2").map(|s| s.id.0), Some(2));
    let e = stream.try_next().await.unwrap_err();
    assert_eq!(e.status(), Some(500));
    assert!(stream.try_next().await.expect("ended").is_none());
}

// ---------------------------------------------------------------- the 1,000-server walk

/// Walks 1,000 servers 100 a page through `into_stream`, and measures what the stream
/// holds from the outside: when item `n` arrives, the fake's log says how many pages were
/// fetched, so `fetched - (n - 1)` items were in the stream's hands at that moment.
#[tokio::test]
async fn a_walk_of_1000_servers_loses_none_repeats_none_and_holds_one_page() {
    const SERVERS_SEEDED: usize = 1000;
    const PER_PAGE: usize = 100;
    let fake = FakeGetMcp::start().await;
    for i in 0..SERVERS_SEEDED {
        fake.seed_server(&format!("server {i:04}"));
    }
    let gm = fake_client(&fake);

    let started = Instant::now();
    let mut stream = pin!(gm
        .list_servers()
        .orderby(ServerOrderBy::Id)
        .order(SortOrder::Asc)
        .per_page(PER_PAGE as u64)
        .into_stream());
    let mut seen = HashSet::new();
    let mut order = Vec::new();
    let mut peak_held = 0;
    while let Some(server) = stream.try_next().await.expect("every page") {
        let n = order.len() + 1;
        let pages = fake.requests().await.len();
        // Page k+1 is asked for only once page k's last item was taken.
        assert_eq!(
            pages,
            n.div_ceil(PER_PAGE),
            "pages fetched when item {n} arrived"
        );
        let fetched = (pages * PER_PAGE).min(SERVERS_SEEDED);
        peak_held = peak_held.max(fetched - (n - 1));
        assert!(seen.insert(server.id), "server {} repeated", server.id);
        order.push(server.id);
    }
    let elapsed = started.elapsed();

    assert_eq!(order, (1..=SERVERS_SEEDED as u64).collect::<Vec<_>>());
    assert_eq!(peak_held, PER_PAGE, "the stream holds at most one page");
    let requests = fake.requests().await;
    assert_eq!(
        requests.len(),
        SERVERS_SEEDED / PER_PAGE,
        "no request past the last page"
    );
    for (k, req) in requests.iter().enumerate() {
        let mut expected = format!("order=ASC&orderby=id&per_page={PER_PAGE}");
        if k > 0 {
            expected = format!("order=ASC&orderby=id&page={}&per_page={PER_PAGE}", k + 1);
        }
        assert_eq!(req.query.as_deref(), Some(expected.as_str()));
    }

    // The same walk without reading the log after every item.
    let started = Instant::now();
    let all = gm
        .list_servers()
        .per_page(PER_PAGE as u64)
        .all()
        .await
        .expect("walk");
    let plain = started.elapsed();
    assert_eq!(all.len(), SERVERS_SEEDED);
    println!(
        "walked {SERVERS_SEEDED} servers, {PER_PAGE} a page: {elapsed:?} through into_stream \
         (reading the fake's log at every item), {plain:?} through all(); peak items held \
         by the stream: {peak_held}"
    );
}

// ---------------------------------------------------------------- what a walk guarantees while others write

async fn fake_with(n: usize) -> FakeGetMcp {
    let fake = FakeGetMcp::start().await;
    for i in 1..=n {
        fake.seed_server(&format!("S{i}"));
    }
    fake
}

#[tokio::test]
async fn by_id_ascending_a_concurrent_create_is_seen_once_at_the_end() {
    let fake = fake_with(6).await;
    let gm = fake_client(&fake);
    let mut stream = pin!(gm
        .list_servers()
        .orderby(ServerOrderBy::Id)
        .order(SortOrder::Asc)
        .per_page(3)
        .into_stream());
    let mut got = Vec::new();
    while let Some(s) = stream.try_next().await.expect("walk") {
        got.push(s.id);
        if got.len() == 3 {
            fake.seed_server("New");
        }
    }
    assert_eq!(got, [1, 2, 3, 4, 5, 6, 7]);
}

#[tokio::test]
async fn a_concurrent_delete_ahead_of_the_walk_skips_one_server() {
    let fake = fake_with(6).await;
    let gm = fake_client(&fake);
    let mut stream = pin!(gm
        .list_servers()
        .orderby(ServerOrderBy::Id)
        .order(SortOrder::Asc)
        .per_page(3)
        .into_stream());
    let mut got = Vec::new();
    while let Some(s) = stream.try_next().await.expect("walk") {
        got.push(s.id);
        if got.len() == 3 {
            assert!(fake.remove_server(1u64));
        }
    }
    // Page 2 now starts at server 5: server 4 moved onto page 1, which was already read.
    assert_eq!(got, [1, 2, 3, 5, 6]);
}

#[tokio::test]
async fn in_the_default_order_a_concurrent_create_repeats_one_server() {
    let fake = fake_with(6).await;
    let gm = fake_client(&fake);
    let mut stream = pin!(gm.list_servers().per_page(3).into_stream());
    let mut got = Vec::new();
    while let Some(s) = stream.try_next().await.expect("walk") {
        got.push(s.id);
        if got.len() == 3 {
            fake.seed_server("New");
        }
    }
    // Newest first: the new server pushes server 4 onto page 2 a second time.
    assert_eq!(got, [6, 5, 4, 4, 3, 2, 1]);
}

// ---------------------------------------------------------------- list: the fake's WordPress paging

#[tokio::test]
async fn the_fake_pages_like_wordpress() {
    let fake = fake_with(5).await;
    let http = reqwest::Client::new();
    let get = |q: &str| {
        http.get(format!("{}{SERVERS}?{q}", fake.uri()))
            .bearer_auth(fake.api_key())
            .send()
    };

    let r = get("per_page=2&page=3&orderby=id&order=ASC")
        .await
        .expect("answer");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-wp-total"], "5");
    assert_eq!(r.headers()["x-wp-totalpages"], "3");
    let body: Value = r.json().await.expect("JSON");
    assert_eq!(body.as_array().map(|a| a.len()), Some(1));
    assert_eq!(body[0]["id"], 5);

    // Past the last page: an empty array, with the totals.
    let r = get("per_page=2&page=4").await.expect("answer");
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["x-wp-total"].to_str().unwrap()
        ),
        (200, "5")
    );
    assert_eq!(r.json::<Value>().await.expect("JSON"), json!([]));

    // Out of bounds, before the key is even checked.
    let r = http
        .get(format!("{}{SERVERS}?per_page=101&page=0", fake.uri()))
        .send()
        .await
        .expect("answer");
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.expect("JSON"),
        json!({
            "code": "rest_invalid_param",
            "message": "Invalid parameter(s): page, per_page",
            "data": {
                "status": 400,
                "params": {
                    "page": "page must be greater than or equal to 1",
                    "per_page": "per_page must be between 1 (inclusive) and 100 (inclusive)"
                },
                "details": {
                    "page": {"code": "rest_out_of_bounds", "message": "page must be greater than or equal to 1", "data": null},
                    "per_page": {"code": "rest_out_of_bounds", "message": "per_page must be between 1 (inclusive) and 100 (inclusive)", "data": null}
                }
            }
        })
    );
    // `status`, `orderby` and `order` are sanitized, never validated: an unknown value
    // is a 200, a status nothing has, or the default order (most recently used first).
    let ids = |body: Value| -> Vec<u64> {
        body.as_array()
            .expect("a list")
            .iter()
            .filter_map(|s| s["id"].as_u64())
            .collect()
    };
    let r = get("status=bogus").await.expect("answer");
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["x-wp-total"].to_str().unwrap()
        ),
        (200, "0")
    );
    assert_eq!(r.json::<Value>().await.expect("JSON"), json!([]));
    for q in [
        "orderby=bogus",
        "order=sideways",
        "order=asc",
        "orderby=bogus&order=ASC&per_page=5",
    ] {
        let r = get(q).await.expect("answer");
        assert_eq!(r.status(), 200, "{q}");
        let expected = if q.contains("order=ASC") {
            vec![1, 2, 3, 4, 5]
        } else {
            vec![5, 4, 3, 2, 1]
        };
        let got = ids(r.json::<Value>().await.expect("JSON"));
        assert_eq!(got[..got.len().min(5)], expected[..got.len().min(5)], "{q}");
    }
}

/// Servers with the same `created_at` (never used) keep the table's order, whichever
/// the direction: the database's order for ties, not the id's.
#[tokio::test]
async fn the_fake_breaks_ties_in_insertion_order() {
    let fake = FakeGetMcp::start().await;
    for (id, name) in [(8, "Eight"), (3, "Three"), (5, "Five")] {
        fake.insert_server(json!({
            "id": id, "name": name, "slug": name.to_lowercase(), "status": "active",
            "created_at": "2025-03-18T10:00:00Z", "updated_at": "2025-03-18T10:00:00Z"
        }));
    }
    let gm = fake_client(&fake);
    let listed: Vec<u64> = gm
        .list_servers()
        .all()
        .await
        .expect("list")
        .into_iter()
        .map(|s| s.id.0)
        .collect();
    assert_eq!(listed, [8, 3, 5]);
}

/// `status` of an unknown value through the client: the site's 200 with nothing.
#[tokio::test]
async fn an_unknown_status_filter_is_an_empty_list_like_the_site() {
    let fake = FakeGetMcp::start().await;
    fake.seed_server("Docs");
    let gm = fake_client(&fake);
    let found = gm
        .list_servers()
        .status("bogus".parse().expect("any status parses"))
        .all()
        .await
        .expect("the site does not validate the filter");
    assert!(found.is_empty());
}

#[tokio::test]
async fn the_fake_filters_searches_and_sorts() {
    let fake = FakeGetMcp::start().await;
    let gm = fake_client(&fake);
    for name in ["GitHub Tools", "Stripe", "GitLab Tools", "Docs"] {
        fake.seed_server(name);
    }
    gm.toggle_server(2u64).await.expect("toggled");

    let names = |servers: Vec<Server>| servers.into_iter().map(|s| s.name).collect::<Vec<_>>();
    let found = gm.list_servers().search("TOOLS").all().await.expect("list");
    assert_eq!(names(found), ["GitLab Tools", "GitHub Tools"]);
    let paused = gm
        .list_servers()
        .status(ServerStatus::Paused)
        .all()
        .await
        .expect("list");
    assert_eq!(names(paused), ["Stripe"]);
    let by_name = gm
        .list_servers()
        .orderby(ServerOrderBy::Name)
        .order(SortOrder::Asc)
        .all()
        .await
        .expect("list");
    assert_eq!(
        names(by_name),
        ["Docs", "GitHub Tools", "GitLab Tools", "Stripe"]
    );
    // Default: most recently used first, which falls back to the newest created.
    let default = gm.list_servers().send().await.expect("list");
    assert_eq!(default.items[0].name, "Docs");
    assert_eq!((default.total, default.total_pages), (Some(4), Some(1)));
}

// ---------------------------------------------------------------- create

#[tokio::test]
async fn create_server_sends_exactly_the_fields_set() {
    let answer =
        json!({"id": 3, "uuid": UUID, "name": "GitHub Tools", "slug": "gh", "status": "draft"});
    let mock = answering(201, Some(answer), &[]).await;
    let created = client(&mock)
        .create_server("GitHub Tools")
        .slug("gh")
        .description("Tools for GitHub")
        .instructions("Use for GitHub")
        .status(ServerStatus::Draft)
        .auth_type(AuthType::Bearer)
        .test_auth_credentials(TestAuthCredentials::bearer("tok"))
        .cors_origins(["https://a.example", "https://b.example"])
        .rate_limit(RateLimit::Unlimited)
        .send()
        .await
        .expect("201");
    assert_eq!((created.id.0, created.slug.as_deref()), (3, Some("gh")));
    assert_request(
        &only_request(&mock).await,
        "POST",
        SERVERS,
        &[],
        Some(json!({
            "name": "GitHub Tools",
            "slug": "gh",
            "description": "Tools for GitHub",
            "instructions": "Use for GitHub",
            "status": "draft",
            "auth_type": "bearer",
            "test_auth_credentials": "{\"token\":\"tok\"}",
            "cors_origins": "https://a.example,https://b.example",
            "rate_limit_per_min": -1
        })),
    );
}

#[tokio::test]
async fn create_server_with_a_name_only_sends_the_name() {
    let mock = answering(201, Some(json!({"id": 4, "name": "Docs"})), &[]).await;
    client(&mock)
        .create_server("Docs")
        .send()
        .await
        .expect("201");
    assert_request(
        &only_request(&mock).await,
        "POST",
        SERVERS,
        &[],
        Some(json!({"name": "Docs"})),
    );
    // Setters given `None` send nothing.
    let mock = answering(201, Some(json!({"id": 4, "name": "Docs"})), &[]).await;
    client(&mock)
        .create_server("Docs")
        .set_slug(None)
        .set_instructions(None)
        .set_description(None)
        .set_status(None)
        .set_auth_type(None)
        .set_test_auth_credentials(None)
        .set_cors_origins(None)
        .set_rate_limit_per_min(None)
        .send()
        .await
        .expect("201");
    assert_request(
        &only_request(&mock).await,
        "POST",
        SERVERS,
        &[],
        Some(json!({"name": "Docs"})),
    );
}

#[tokio::test]
async fn create_server_refuses_bad_input_before_sending() {
    let mock = silent().await;
    let gm = client(&mock);
    let cases = [
        (gm.create_server(" "), "name"),
        (gm.create_server("A").slug("Not A Slug"), "slug"),
        (gm.create_server("A").slug(""), "slug"),
        (
            gm.create_server("A")
                .instructions("x".repeat(MAX_INSTRUCTIONS_BYTES + 1)),
            "instructions",
        ),
        (
            gm.create_server("A").cors_origins(["https://a.example/"]),
            "cors_origins",
        ),
        (
            gm.create_server("A").rate_limit_per_min(-2),
            "rate_limit_per_min",
        ),
        (
            gm.create_server("A")
                .test_auth_credentials(TestAuthCredentials::bearer("")),
            "test_auth_credentials",
        ),
    ];
    for (create, field) in cases {
        assert_eq!(invalid_field(create.send().await.unwrap_err()), field);
    }
    // Exactly the limit is fine.
    let body = gm
        .create_server("A")
        .instructions("x".repeat(MAX_INSTRUCTIONS_BYTES))
        .body()
        .expect("at the limit");
    assert_eq!(
        body.instructions.map(|i| i.len()),
        Some(MAX_INSTRUCTIONS_BYTES)
    );
}

#[tokio::test]
async fn create_server_debug_hides_the_credentials() {
    let mock = silent().await;
    let create = client(&mock)
        .create_server("A")
        .auth_type(AuthType::Basic)
        .test_auth_credentials(TestAuthCredentials::basic("me", "PW-SECRET"));
    let shown = format!("{create:?}");
    assert!(!shown.contains("PW-SECRET"), "{shown}");
    assert!(
        shown.starts_with("CreateServer { body: Ok(CreateServerBody {"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_plan_limit_on_create_is_an_api_error_not_an_auth_one() {
    let body = json!({"code": "tier_limit_auth_method", "message": "Upgrade.", "data": {"status": 403, "tier": "free"}});
    let mock = answering(403, Some(body), &[]).await;
    let e = client(&mock)
        .create_server("A")
        .auth_type(AuthType::OAuth)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        (e.status(), e.code()),
        (Some(403), Some("tier_limit_auth_method"))
    );
    assert!(!e.is_unauthorized());
}

// ---------------------------------------------------------------- delete, toggle, duplicate

#[tokio::test]
async fn delete_server_sends_a_bare_delete_and_needs_deleted_true() {
    let mock = answering(200, Some(json!({"deleted": true})), &[]).await;
    client(&mock)
        .delete_server(uuid_ref())
        .await
        .expect("deleted");
    assert_request(
        &only_request(&mock).await,
        "DELETE",
        &format!("{SERVERS}/{UUID}"),
        &[],
        None,
    );

    let mock = answering(200, Some(json!({"deleted": false})), &[]).await;
    let e = client(&mock).delete_server(7u64).await.unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_delete_server",
            200,
            "the site answered `deleted: false`".into()
        )
    );

    let not_found = json!({"code": "getmcp_not_found", "message": "Server not found.", "data": {"status": 404}});
    let mock = answering(404, Some(not_found), &[]).await;
    let e = client(&mock).delete_server(7u64).await.unwrap_err();
    assert!(e.is_not_found());
    assert_eq!(e.code(), Some("getmcp_not_found"));
}

#[tokio::test]
async fn toggle_server_patches_the_toggle_route_without_a_body() {
    let answer = json!({"id": 3, "uuid": UUID, "name": "GitHub Tools", "status": "paused"});
    let mock = answering(200, Some(answer), &[]).await;
    let toggled = client(&mock).toggle_server(uuid_ref()).await.expect("200");
    assert_eq!(toggled.status, Some(ServerStatus::Paused));
    assert_request(
        &only_request(&mock).await,
        "PATCH",
        &format!("{SERVERS}/{UUID}/toggle"),
        &[],
        None,
    );
}

#[tokio::test]
async fn an_answer_about_another_server_is_refused() {
    let other =
        json!({"id": 9, "uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479", "status": "paused"});
    let mock = answering(200, Some(other.clone()), &[]).await;
    let e = client(&mock).toggle_server(uuid_ref()).await.unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_toggle_server",
            200,
            format!("asked for server {UUID}, the answer is server 9 (f47ac10b-58cc-4372-a567-0e02b2c3d479)")
        )
    );
    let mock = answering(200, Some(other), &[]).await;
    let e = client(&mock).toggle_server(3u64).await.unwrap_err();
    assert_eq!(
        decode_reason(e).2,
        "asked for server 3, the answer is server 9 (f47ac10b-58cc-4372-a567-0e02b2c3d479)"
    );
}

#[tokio::test]
async fn duplicate_server_posts_without_a_body_and_refuses_the_source_as_the_copy() {
    let copy = json!({"id": 4, "name": "GitHub Tools (Copy)", "status": "draft"});
    let mock = answering(201, Some(copy), &[]).await;
    let duplicated = client(&mock).duplicate_server(3u64).await.expect("201");
    assert_eq!(
        (duplicated.id.0, duplicated.status),
        (4, Some(ServerStatus::Draft))
    );
    assert_request(
        &only_request(&mock).await,
        "POST",
        &format!("{SERVERS}/3/duplicate"),
        &[],
        None,
    );

    let mock = answering(201, Some(json!({"id": 3, "name": "GitHub Tools"})), &[]).await;
    let e = client(&mock).duplicate_server(3u64).await.unwrap_err();
    assert_eq!(
        decode_reason(e),
        (
            "getmcp_duplicate_server",
            201,
            "the copy of server 3 is that server itself".into()
        )
    );
}

// ---------------------------------------------------------------- the life cycle against the fake

#[tokio::test]
async fn create_toggle_duplicate_and_delete_against_the_fake() {
    let fake = FakeGetMcp::start().await;
    let gm = fake_client(&fake);

    let first = gm
        .create_server("GitHub Tools")
        .description("Tools for GitHub")
        .instructions("Use\u{7} for GitHub")
        .auth_type(AuthType::Bearer)
        .test_auth_credentials(TestAuthCredentials::bearer("tok"))
        .rate_limit_per_min(30)
        .send()
        .await
        .expect("created");
    assert_eq!(first.slug.as_deref(), Some("github-tools"));
    assert_eq!(first.status, Some(ServerStatus::Active));
    assert_eq!(first.rate_limit_per_min, Some(30));
    assert_eq!(first.created_at, first.updated_at);
    assert_eq!(
        first.settings.clone(),
        json!({"instructions": "Use for GitHub", "description": "Tools for GitHub"})
    );
    assert_eq!(
        fake.test_credentials(first.id),
        Some(json!({"token": "tok"}))
    );
    // The same name again: the derived slug is de-duplicated.
    let second = gm
        .create_server("GitHub Tools")
        .send()
        .await
        .expect("created");
    assert_eq!(second.slug.as_deref(), Some("github-tools-1"));

    let tool = fake.seed_tool(first.id, "list_repos").0;
    fake.seed_resource(first.id, "docs://guide", "Guide");
    fake.seed_prompt(first.id, "review", "Review {{pr}}");

    assert_eq!(
        gm.toggle_server(&first).await.expect("toggled").status,
        Some(ServerStatus::Paused)
    );
    assert_eq!(
        gm.toggle_server(first.id).await.expect("toggled").status,
        Some(ServerStatus::Active)
    );

    let copy = gm.duplicate_server(&first).await.expect("copied");
    assert_eq!(copy.name, "GitHub Tools (Copy)");
    assert_eq!(copy.slug.as_deref(), Some("github-tools-copy"));
    assert_eq!(copy.status, Some(ServerStatus::Draft));
    assert_ne!((copy.id, copy.uuid), (first.id, first.uuid));
    assert_eq!(
        (copy.tool_count, copy.resource_count, copy.prompt_count),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(
        fake.test_credentials(copy.id),
        None,
        "no credentials on a copy"
    );
    assert_eq!(fake.tools(copy.id)[0]["name"], "list_repos");
    assert_ne!(fake.tools(copy.id)[0]["id"], tool);

    gm.delete_server(&first).await.expect("deleted");
    assert!(fake.server(first.id).is_none());
    assert!(fake.tools(first.id).is_empty() && fake.tool(tool).is_none());
    assert!(fake.resources(first.id).is_empty() && fake.prompts(first.id).is_empty());
    assert_eq!(fake.tools(copy.id).len(), 1, "the copy keeps its own");
    let again = gm.delete_server(&first).await.unwrap_err();
    assert!(again.is_not_found());
    assert_eq!(again.code(), Some("getmcp_not_found"));
}

#[tokio::test]
async fn the_fake_checks_a_create_like_wordpress() {
    let fake = FakeGetMcp::start().await;
    let http = reqwest::Client::new();
    let post = |body: Value| {
        http.post(format!("{}{SERVERS}", fake.uri()))
            .bearer_auth(KEY)
            .json(&body)
            .send()
    };
    let r = post(json!({"description": "no name"}))
        .await
        .expect("answer");
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.expect("JSON"),
        json!({"code": "rest_missing_callback_param", "message": "Missing parameter(s): name",
               "data": {"status": 400, "params": ["name"]}})
    );
    let r = post(json!({"name": "A", "auth_type": "bearer", "test_auth_credentials": "not json"}))
        .await
        .expect("answer");
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.expect("JSON")["code"],
        "getmcp_invalid_credentials"
    );
    assert!(fake.servers().is_empty(), "a refused create stores nothing");
}

#[tokio::test]
async fn a_create_refuses_test_credentials_the_site_would_drop() {
    let fake = FakeGetMcp::start().await;
    let gm = fake_client(&fake);
    for auth_type in [None, Some(AuthType::NoAuth), Some(AuthType::OAuth)] {
        let e = gm
            .create_server("Tools")
            .set_auth_type(auth_type.clone())
            .test_auth_credentials(TestAuthCredentials::bearer("tok"))
            .send()
            .await
            .expect_err("refused before sending");
        match e {
            mcp_admin::Error::InvalidInput { field, reason, .. } => {
                assert_eq!(field, "test_auth_credentials", "{auth_type:?}");
                assert!(
                    reason.contains("none") || reason.contains("oauth"),
                    "{reason}"
                );
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }
    assert!(fake.requests().await.is_empty(), "nothing was sent");
}

/// A taken `slug` on create: the site appends `-1` (`generate_unique_slug`); the fake
/// does the same, through raw requests and through the client.
#[tokio::test]
async fn the_fake_makes_an_explicit_slug_unique_like_the_site() {
    let fake = FakeGetMcp::start().await;
    fake.seed_server("GitHub Tools");
    let http = reqwest::Client::new();
    let created: Value = http
        .post(format!("{}{SERVERS}", fake.uri()))
        .bearer_auth(fake.api_key())
        .json(&json!({"name": "Other", "slug": "github-tools"}))
        .send()
        .await
        .expect("answer")
        .json()
        .await
        .expect("JSON");
    assert_eq!(created["slug"], "github-tools-1");
    assert_eq!(
        created["endpoint_url"],
        format!("{}/mcp/github-tools-1", fake.uri())
    );
    let gm = fake_client(&fake);
    let again = gm
        .create_server("Third")
        .slug("github-tools")
        .send()
        .await
        .expect("a taken slug is still a created server");
    assert_eq!(again.slug.as_deref(), Some("github-tools-2"));
    let free = gm
        .create_server("Fourth")
        .slug("fourth-slug")
        .send()
        .await
        .expect("created");
    assert_eq!(free.slug.as_deref(), Some("fourth-slug"));
}

/// The counts are the rows a server has, never a seed's literal.
#[tokio::test]
async fn the_fake_counts_children_from_their_rows() {
    let fake = FakeGetMcp::start().await;
    let (id, _) = fake.insert_server(json!({
        "name": "Seeded", "slug": "seeded", "status": "active",
        "tool_count": 7, "resource_count": 3, "prompt_count": 2
    }));
    let counts = |fake: &FakeGetMcp| {
        let s = fake.server(id).expect("exists");
        (
            s["tool_count"].clone(),
            s["resource_count"].clone(),
            s["prompt_count"].clone(),
        )
    };
    assert_eq!(counts(&fake), (json!(0), json!(0), json!(0)));
    fake.seed_tool(id, "search");
    fake.seed_resource(id, "file:///a.md", "a");
    assert_eq!(counts(&fake), (json!(1), json!(1), json!(0)));
    let listed = fake_client(&fake).get_server(id).await.expect("read");
    assert_eq!(listed.tool_count, Some(1));
}
