//! WordPress paging, for every list route: `page` and `per_page` read from the query
//! string and checked like the plugin's collection parameters (a 400
//! `rest_invalid_param` out of bounds), one page of a bare JSON array, the totals in
//! headers, and an empty array past the last page.

use serde_json::Value;

use super::emulation::{args, query_params, wp_json, Arg};
use crate::testing::{shell::Reply, RecordedRequest};

/// The paging arguments, as the collection parameters declare them.
const PAGING: [(&str, Arg); 2] = [
    ("page", Arg::Int { minimum: 1 }),
    ("per_page", Arg::IntIn(1, 100)),
];

/// Which total headers a list sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Totals {
    /// `X-WP-Total` and `X-WP-TotalPages`, as the server list sends them (plugin code).
    Both,
    /// `X-WP-Total` only, as the tool and resource list pages document (vendor docs).
    TotalOnly,
}

/// The filters a list request gave, validated and sanitized.
pub(super) type Filters = Vec<(&'static str, Value)>;

/// One page of a list: which one, and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Window {
    page: u64,
    per_page: u64,
}

/// Reads a list request's query arguments: the route's own `filters` and the paging
/// ones, all validated together. Returns the page asked for (`default_per_page` when
/// `per_page` is absent) and the filters given.
pub(super) fn read(
    req: &RecordedRequest,
    filters: &[(&'static str, Arg)],
    default_per_page: u64,
) -> Result<(Window, Filters), Reply> {
    let schema: Vec<(&'static str, Arg)> = filters.iter().chain(&PAGING).copied().collect();
    let mut given = args(&query_params(req), &schema)?;
    let mut take = |key: &str| {
        let at = given.iter().position(|(k, _)| *k == key)?;
        given.remove(at).1.as_u64()
    };
    let window = Window {
        page: take("page").unwrap_or(1),
        per_page: take("per_page").unwrap_or(default_per_page),
    };
    Ok((window, given))
}

/// The answer: the window's items of `all`, with the totals of `all`.
pub(super) fn reply(all: Vec<Value>, window: Window, totals: Totals) -> Reply {
    let total = all.len() as u64;
    let pages = total.div_ceil(window.per_page);
    let start = (window.page - 1).saturating_mul(window.per_page);
    let items: Vec<Value> = all
        .into_iter()
        .skip(usize::try_from(start).unwrap_or(usize::MAX))
        .take(usize::try_from(window.per_page).unwrap_or(usize::MAX))
        .collect();
    let reply = wp_json(200, &Value::Array(items)).header("X-WP-Total", total.to_string());
    match totals {
        Totals::Both => reply.header("X-WP-TotalPages", pages.to_string()),
        Totals::TotalOnly => reply,
    }
}
