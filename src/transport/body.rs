//! Text an error keeps of a response: the platforms' error JSON read, every kept piece
//! bounded, and secrets masked.
//!
//! Two kinds of masking, applied to everything kept: the values this client knows to be
//! secret for the call (its token, the credentials in the request body), wherever they
//! appear and however the server escaped them; and anything under a secret-named key
//! (`password`, `clientSecret`, `Authorization`, `X-Api-Key`, a `headers` object, …),
//! in parsed JSON at any depth and, when the body does not parse, in the text as it is.

use std::{borrow::Cow, time::Duration};

use serde_json::{Map, Value};

use crate::error::{ApiError, Platform, BODY_SNIPPET_LIMIT};

/// What stands in for a secret wherever the transport shows a value it must not.
pub(crate) use crate::secret::REDACTED;

/// Known secrets shorter than this are not masked in free text: a short value would
/// mask common words and numbers all over a message, and hides next to nothing.
const MIN_SECRET_LEN: usize = 4;

/// A UTF-8 byte order mark. Tolerated before JSON: some WordPress hosts' PHP files
/// carry one, and it says nothing about the body.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `body` without a leading byte order mark: where its JSON starts.
pub(crate) fn without_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(BOM).unwrap_or(body)
}

/// Secret-named keys, compared lower-case with `-` and `_` removed.
const SECRET_NAMES: &[&str] = &[
    "authorization",
    "proxyauthorization",
    "cookie",
    "setcookie",
    "authconfig",
    "outboundauthconfig",
    "credentials",
    "authcredentials",
    "testauthcredentials",
    "outboundauthcredentials",
    "privatekey",
    "passphrase",
    "bearer",
];

/// Endings that make a key secret-named (`clientSecret`, `db_password`, `access_token`,
/// `X-Api-Key`).
const SECRET_ENDINGS: &[&str] = &["secret", "password", "passwd", "token", "apikey"];

/// Keys of a credential object that describe it rather than hold it.
const DESCRIPTIVE: &[&str] = &["location", "type", "name", "key", "in", "scheme"];

fn normalized(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether values under `key` are secrets.
pub(crate) fn is_secret_key(key: &str) -> bool {
    let key = normalized(key);
    SECRET_NAMES.contains(&key.as_str()) || SECRET_ENDINGS.iter().any(|end| key.ends_with(end))
}

fn is_headers_key(key: &str) -> bool {
    key.eq_ignore_ascii_case("headers")
}

/// The masking for one call: the values known to be secret, each with the forms a
/// server may echo it in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mask {
    /// Longest first, so that a secret containing another is masked whole.
    known: Vec<String>,
}

impl Mask {
    /// The length of the longest form of a known secret.
    fn longest(&self) -> usize {
        self.known.first().map_or(0, String::len)
    }

    /// A mask for `secrets`; short ones are left out (see [`MIN_SECRET_LEN`]).
    pub(crate) fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Self {
        let mut mask = Mask::default();
        for secret in secrets {
            mask.add(secret);
        }
        mask
    }

    /// Adds `secret` in every spelling a server may echo it in: as sent, upper- and
    /// lower-cased, JSON-escaped (also with PHP's `\/`), `\uXXXX`-escaped (every
    /// character, or only the non-ASCII ones as PHP's `json_encode` writes them),
    /// percent-encoded (upper- and lower-case hex) and HTML-escaped (named, decimal and
    /// hex entities).
    pub(crate) fn add(&mut self, secret: &str) {
        if secret.len() < MIN_SECRET_LEN {
            return;
        }
        let json = serde_json::to_string(secret).unwrap_or_default();
        let json = json
            .strip_prefix('"')
            .and_then(|j| j.strip_suffix('"'))
            .unwrap_or(secret);
        let php = json.replace('/', "\\/");
        let percent = percent_encoded(secret);
        let mut forms = vec![
            secret.to_owned(),
            secret.to_uppercase(),
            secret.to_lowercase(),
            json.to_owned(),
            unicode_escaped(&php, false),
            unicode_escaped(json, false),
            unicode_escaped(secret, true),
            php,
            percent.to_ascii_lowercase(),
            percent,
            html_escaped(secret, |c| {
                "&<>\"'".contains(c).then(|| format!("&#{};", u32::from(c)))
            }),
            html_escaped(secret, |c| {
                "&<>\"'"
                    .contains(c)
                    .then(|| format!("&#x{:x};", u32::from(c)))
            }),
        ];
        // `'` as HTML 5 writes it, and as PHP's htmlspecialchars and WordPress's
        // esc_html do.
        for apostrophe in ["&#39;", "&#039;"] {
            forms.push(html_escaped(secret, |c| match c {
                '&' => Some("&amp;".into()),
                '<' => Some("&lt;".into()),
                '>' => Some("&gt;".into()),
                '"' => Some("&quot;".into()),
                '\'' => Some(apostrophe.into()),
                _ => None,
            }));
        }
        for form in forms {
            if form.len() >= MIN_SECRET_LEN && !self.known.contains(&form) {
                self.known.push(form);
            }
        }
        self.known.sort_by_key(|s| std::cmp::Reverse(s.len()));
    }

    /// Adds the secrets a JSON request body carries: values under secret-named keys at
    /// any depth (a credential held as a JSON string is read inside), header values, and
    /// the value of a `SECRET` variable.
    pub(crate) fn add_body(&mut self, body: &[u8]) {
        if let Some(value) = parse(body) {
            let mut found = Vec::new();
            collect(&value, &mut found);
            for secret in found {
                self.add(&secret);
            }
        }
    }

    /// `text` with every known secret, secret-named key's value and bearer credential
    /// masked.
    pub(crate) fn text(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.known {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), REDACTED);
            }
        }
        let out = mask_pairs(&out);
        let mut out = mask_bearer(&out).into_owned();
        self.mask_cut_tail(&mut out);
        out
    }

    /// A body cut short may end in the first part of a secret: mask that too.
    fn mask_cut_tail(&self, text: &mut String) {
        if text.len() < MIN_SECRET_LEN {
            return;
        }
        for secret in &self.known {
            let from = text.len().saturating_sub(secret.len() - 1);
            let tail = (from..=text.len().saturating_sub(MIN_SECRET_LEN))
                .filter(|&at| text.is_char_boundary(at))
                .find(|&at| secret.starts_with(&text[at..]));
            if let Some(at) = tail {
                text.truncate(at);
                text.push_str(REDACTED);
            }
        }
    }

    /// Masks `value` in place: secret-named keys at any depth, `headers` objects and
    /// lists, and every string (and key) as [`Mask::text`] does. Returns whether
    /// anything changed.
    pub(crate) fn value(&self, value: &mut Value) -> bool {
        match value {
            Value::Object(map) => self.object(map),
            Value::Array(items) => items
                .iter_mut()
                .fold(false, |changed, item| self.value(item) | changed),
            Value::String(s) => {
                let masked = self.text(s);
                let changed = masked != *s;
                *s = masked;
                changed
            }
            _ => false,
        }
    }

    fn object(&self, map: &mut Map<String, Value>) -> bool {
        let secret_variable = map
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case("secret"));
        let mut changed = false;
        for (key, child) in map.iter_mut() {
            changed |= if is_secret_key(key) || (secret_variable && key == "value") {
                redact(child)
            } else if is_headers_key(key) {
                redact_headers(child) | self.value(child)
            } else if key == "params" || key == "details" {
                // WordPress argument errors: the keys name arguments (`token`), the
                // values are messages about them, not their values.
                match child {
                    Value::Object(args) => args
                        .values_mut()
                        .fold(false, |changed, arg| self.value(arg) | changed),
                    other => self.value(other),
                }
            } else {
                self.value(child)
            };
        }
        if map.keys().any(|k| self.text(k) != *k) {
            let old = std::mem::take(map);
            *map = old.into_iter().map(|(k, v)| (self.text(&k), v)).collect();
            changed = true;
        }
        changed
    }
}

/// Replaces a secret value; `null` and booleans say nothing and are kept.
fn redact(value: &mut Value) -> bool {
    if matches!(value, Value::Null | Value::Bool(_)) || value == REDACTED {
        return false;
    }
    *value = Value::String(REDACTED.into());
    true
}

/// A `headers` object has every value masked; a list of `{key, value}` entries has
/// each `value` masked.
fn redact_headers(headers: &mut Value) -> bool {
    match headers {
        Value::Object(map) => map
            .values_mut()
            .fold(false, |changed, v| redact(v) | changed),
        Value::Array(entries) => entries
            .iter_mut()
            .filter_map(|e| e.get_mut("value"))
            .fold(false, |changed, v| redact(v) | changed),
        _ => false,
    }
}

/// Collects the secret values of a request body (see [`Mask::add_body`]).
fn collect(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            let secret_variable = map
                .get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.eq_ignore_ascii_case("secret"));
            for (key, child) in map {
                if is_secret_key(key) || (secret_variable && key == "value") {
                    collect_credential(child, out);
                } else if is_headers_key(key) {
                    match child {
                        Value::Object(headers) => {
                            headers.values().for_each(|v| collect_credential(v, out))
                        }
                        Value::Array(entries) => entries
                            .iter()
                            .filter_map(|e| e.get("value"))
                            .for_each(|v| collect_credential(v, out)),
                        _ => {}
                    }
                } else {
                    collect(child, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect(item, out)),
        _ => {}
    }
}

/// Every secret part of a credential: a plain string, a number, or an object (perhaps
/// JSON-encoded in a string, as GetMCP's `test_auth_credentials`) whose values are
/// secrets except those that only describe it (`location`, `name`, …).
fn collect_credential(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => match serde_json::from_str::<Value>(s) {
            Ok(inner @ (Value::Object(_) | Value::Array(_))) => collect_credential(&inner, out),
            _ => out.push(s.clone()),
        },
        Value::Number(n) => out.push(n.to_string()),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !DESCRIPTIVE.iter().any(|d| k.eq_ignore_ascii_case(d)))
            .for_each(|(_, v)| collect_credential(v, out)),
        Value::Array(items) => items.iter().for_each(|v| collect_credential(v, out)),
        Value::Null | Value::Bool(_) => {}
    }
}

/// `text` with its characters written `\uXXXX` (lower-case hex, UTF-16 as JSON has
/// it): every character when `all`, else only the non-ASCII ones.
fn unicode_escaped(text: &str, all: bool) -> String {
    let mut out = String::with_capacity(text.len() * 6);
    let mut units = [0u16; 2];
    for c in text.chars() {
        if all || !c.is_ascii() {
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with each character `entity` names written as that entity.
fn html_escaped(text: &str, entity: impl Fn(char) -> Option<String>) -> String {
    text.chars().fold(String::new(), |mut out, c| {
        match entity(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
        out
    })
}

/// `text` percent-encoded as in a URL query (everything but unreserved characters).
fn percent_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Parses a body as JSON, tolerating a leading byte order mark.
pub(crate) fn parse(body: &[u8]) -> Option<Value> {
    serde_json::from_slice(without_bom(body)).ok()
}

/// The largest body parsed whole only to show its start: a larger one is shown as
/// text (masked all the same), so that a page of many tiny items is never built into
/// a tree many times its size.
pub(crate) const PARSED_SNIPPET_LIMIT: usize = 64 * 1024;

/// [`parse`] for a body of at most [`PARSED_SNIPPET_LIMIT`] bytes; `None` for a larger.
pub(crate) fn parse_small(body: &[u8]) -> Option<Value> {
    (body.len() <= PARSED_SNIPPET_LIMIT)
        .then(|| parse(body))
        .flatten()
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

pub(super) fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The index just past the JSON string starting at `start` (a `"`), or the end of the
/// text when it is never closed.
pub(super) fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The index just past the object or array starting at `start`, or the end of the text.
fn container_end(b: &[u8], start: usize) -> usize {
    walk_container(b, start, |_| {})
}

/// Walks the object or array starting at `start`, telling `top` every byte directly
/// inside it (strings are skipped whole, their opening quote told), and returns the
/// index just past it, or the end of the text.
pub(super) fn walk_container(b: &[u8], start: usize, mut top: impl FnMut(u8)) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        if depth == 1 && c != b'}' && c != b']' {
            top(c);
        }
        match c {
            b'"' => {
                i = string_end(b, i);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// The index just past a bare value (`Bearer abc` after `Authorization:`, `abc` after
/// `token=`): up to the end of the line or a delimiter.
fn bare_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < b.len() && !b"\r\n,;&\"'<>{}[]()".contains(&b[i]) {
        i += 1;
    }
    while i > start && b[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    i
}

/// Masks the value after every secret-named key in text that is not (or not only)
/// JSON: `"token": "…"` in a body cut short, `X-Api-Key: …` in an HTML page,
/// `access_token=…` in a URL. Keys are JSON strings or bare words before `:` or `=`.
fn mask_pairs(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let (key_end, key, quoted) = if b[i] == b'"' {
            let end = string_end(b, i);
            if end < i + 2 || b[end - 1] != b'"' {
                i += 1;
                continue;
            }
            (end, &text[i + 1..end - 1], true)
        } else if is_word(b[i]) && (i == 0 || !is_word(b[i - 1])) {
            let mut end = i;
            while end < b.len() && is_word(b[end]) {
                end += 1;
            }
            (end, &text[i..end], false)
        } else {
            i += 1;
            continue;
        };
        let sep = skip_space(b, key_end);
        let separated = sep < b.len() && (b[sep] == b':' || (!quoted && b[sep] == b'='));
        if !separated || !(is_secret_key(key) || (quoted && is_headers_key(key))) {
            i = if quoted { i + 1 } else { key_end };
            continue;
        }
        let start = skip_space(b, sep + 1);
        let (end, replacement) = match masked_value(text, start, key_end) {
            Ok(found) => found,
            Err(next) => {
                i = next;
                continue;
            }
        };
        out.push_str(&text[copied..start]);
        out.push_str(replacement);
        copied = end;
        i = end;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Where the value at `start` (after a secret key ending at `key_end`) ends, and what
/// replaces it; `Err(next)`: nothing to mask (a literal such as `null`, an empty value,
/// the end of the text), scanning goes on at `next`.
fn masked_value(text: &str, start: usize, key_end: usize) -> Result<(usize, &'static str), usize> {
    let b = text.as_bytes();
    match b.get(start) {
        Some(b'"') => {
            let end = string_end(b, start);
            let closed = end > start + 1 && b[end - 1] == b'"';
            Ok((
                end,
                if closed {
                    "\"[redacted]\""
                } else {
                    "\"[redacted]"
                },
            ))
        }
        Some(b'{' | b'[') => Ok((container_end(b, start), "\"[redacted]\"")),
        Some(_) => {
            let end = bare_end(b, start);
            let literal = &text[start..end];
            if end == start || ["null", "true", "false", REDACTED].contains(&literal) {
                return Err(end.max(key_end));
            }
            Ok((end, REDACTED))
        }
        None => Err(start),
    }
}

/// Masks the credential after every `Bearer ` (any case): a page quoting the request's
/// `Authorization` header.
fn mask_bearer(text: &str) -> Cow<'_, str> {
    const WORD: &[u8] = b"bearer";
    let b = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i + WORD.len() < b.len() {
        let at_word = b[i..i + WORD.len()].eq_ignore_ascii_case(WORD)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if !at_word {
            i += 1;
            continue;
        }
        let start = skip_space(b, i + WORD.len());
        if start == i + WORD.len() {
            i += 1;
            continue;
        }
        let mut end = start;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b"-._~+/=".contains(&b[end])) {
            end += 1;
        }
        if end > start {
            out.push_str(&text[copied..start]);
            out.push_str(REDACTED);
            copied = end;
        }
        i = end.max(i + 1);
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// `text` cut to at most `limit` bytes on a character boundary, `…` marking a cut.
pub(crate) fn bounded(text: &str, limit: usize) -> String {
    if text.len() <= limit {
        return text.to_owned();
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut s = text[..cut].to_owned();
    s.push('…');
    s
}

/// A copy of `value` that fits in about `budget` bytes of JSON: strings cut, and
/// entries past the budget replaced by one `"…"`.
fn bounded_value(value: &Value, budget: &mut usize) -> Value {
    const MORE: &str = "…";
    match value {
        // Each piece costs its JSON text and a separator.
        Value::String(s) => {
            let kept = bounded(s, budget.saturating_sub(3));
            *budget = budget.saturating_sub(kept.len() + 3);
            Value::String(kept)
        }
        Value::Array(items) => {
            *budget = budget.saturating_sub(2);
            let mut out = Vec::new();
            for item in items {
                if *budget == 0 {
                    out.push(Value::String(MORE.into()));
                    break;
                }
                out.push(bounded_value(item, budget));
            }
            Value::Array(out)
        }
        Value::Object(map) => {
            *budget = budget.saturating_sub(2);
            let mut out = Map::new();
            for (key, item) in map {
                if *budget == 0 {
                    out.insert(MORE.into(), Value::String(MORE.into()));
                    break;
                }
                let key = bounded(key, budget.saturating_sub(4));
                *budget = budget.saturating_sub(key.len() + 4);
                out.insert(key, bounded_value(item, budget));
            }
            Value::Object(out)
        }
        other => {
            *budget = budget.saturating_sub(other.to_string().len() + 1);
            other.clone()
        }
    }
}

/// How much more than the limit is read before masking: any known secret that starts
/// within the limit is whole in it, and masked whole.
fn window(mask: &Mask) -> usize {
    BODY_SNIPPET_LIMIT + mask.longest() + 16
}

/// `text` cut to at most `limit` bytes on a character boundary, with no mark.
fn prefix(text: &str, limit: usize) -> &str {
    let mut cut = limit.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// A piece of text from a response, masked and bounded. Only its start is masked, so a
/// huge message costs no more than a short one.
pub(crate) fn kept_text(mask: &Mask, text: &str) -> String {
    let start = prefix(text, window(mask));
    let mut kept = bounded(&mask.text(start), BODY_SNIPPET_LIMIT);
    if start.len() < text.len() && !kept.ends_with('…') {
        kept.push('…');
    }
    kept
}

/// A JSON value from a response, masked and bounded to `budget` bytes or so.
fn kept_value(mask: &Mask, value: &Value, budget: &mut usize) -> Value {
    let mut value = bounded_value(value, &mut (*budget + window(mask)));
    mask.value(&mut value);
    bounded_value(&value, budget)
}

/// The start of a body as text, at most [`BODY_SNIPPET_LIMIT`] bytes, masked. `parsed`
/// is `body` as JSON, or `None` when it is not JSON; it is not parsed a second time. A
/// JSON body with secret-named keys is shown re-serialized, with them masked.
pub(crate) fn snippet(mask: &Mask, body: &[u8], parsed: Option<&Value>) -> String {
    let masked = parsed.and_then(|value| {
        let mut value = bounded_value(value, &mut window(mask));
        mask.value(&mut value)
            .then(|| serde_json::to_string(&value).unwrap_or_default())
    });
    match masked {
        Some(masked) => bounded(&masked, BODY_SNIPPET_LIMIT),
        None => {
            let start = &body[..body.len().min(window(mask))];
            let mut kept = kept_text(mask, &String::from_utf8_lossy(start));
            if start.len() < body.len() && !kept.ends_with('…') {
                kept.push('…');
            }
            kept
        }
    }
}

impl ApiError {
    /// Builds an error from a response's parts, masking with `mask`. Never fails:
    /// whatever the body is, the status is kept.
    pub(crate) fn from_response(
        platform: Platform,
        operation: &'static str,
        status: u16,
        retry_after: Option<Duration>,
        body: &[u8],
        mask: &Mask,
    ) -> Self {
        let parsed = parse(body);
        let mut err = ApiError {
            platform,
            operation,
            status,
            code: None,
            message: None,
            data: None,
            additional_errors: Vec::new(),
            retry_after,
            body: String::new(),
            step: None,
        };
        if let Some(Value::Object(obj)) = &parsed {
            match obj.get("error") {
                // HasMCP: {"error": {"code": 404, "message": …, "data": …}}
                Some(Value::Object(inner)) => err.read_fields(inner, mask),
                // WordPress WP_Error: {"code", "message", "data", "additional_errors"}
                _ => {
                    err.read_fields(obj, mask);
                    if let Some(Value::Array(more)) = obj.get("additional_errors") {
                        let mut budget = BODY_SNIPPET_LIMIT;
                        for more in more {
                            if budget == 0 {
                                break;
                            }
                            err.additional_errors
                                .push(kept_value(mask, more, &mut budget));
                        }
                    }
                }
            }
        }
        err.body = snippet(mask, body, parsed.as_ref());
        err
    }

    /// `code`, `message` and `data` (null read as absent) from an error object.
    fn read_fields(&mut self, obj: &Map<String, Value>, mask: &Mask) {
        self.code = obj
            .get("code")
            .and_then(code_text)
            .map(|c| kept_text(mask, &c));
        self.message = obj
            .get("message")
            .and_then(Value::as_str)
            .map(|m| kept_text(mask, m));
        self.data = obj
            .get("data")
            .filter(|d| !d.is_null())
            .map(|d| kept_value(mask, d, &mut { BODY_SNIPPET_LIMIT }));
    }
}

fn code_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> Mask {
        Mask::default()
    }

    fn from(status: u16, body: &[u8]) -> ApiError {
        ApiError::from_response(Platform::GetMcp, "op", status, None, body, &plain())
    }

    #[test]
    fn wp_error_fields() {
        let body = br#"{"code":"rest_invalid_param","message":"Invalid parameter(s): status","data":{"status":400,"params":{"status":"bad"},"details":{"status":{"code":"rest_not_in_enum"}}},"additional_errors":[{"code":"x","message":"y","data":null}]}"#;
        let e = ApiError::from_response(
            Platform::GetMcp,
            "getmcp_update_server",
            400,
            None,
            body,
            &plain(),
        );
        assert_eq!(e.code.as_deref(), Some("rest_invalid_param"));
        assert_eq!(e.message.as_deref(), Some("Invalid parameter(s): status"));
        assert_eq!(e.params().map(|p| p.len()), Some(1));
        assert_eq!(
            e.details().and_then(|d| d["status"]["code"].as_str()),
            Some("rest_not_in_enum")
        );
        assert_eq!(e.additional_errors.len(), 1);
        assert_eq!(
            e.to_string(),
            "GetMCP getmcp_update_server: HTTP 400 rest_invalid_param: Invalid parameter(s): status [invalid: status]"
        );
    }

    #[test]
    fn hasmcp_error_status_wins() {
        let body = br#"{"error":{"code":400,"message":"invalid body"}}"#;
        let e = ApiError::from_response(
            Platform::HasMcp,
            "hasmcp_update_server",
            422,
            None,
            body,
            &plain(),
        );
        assert_eq!(e.status, 422);
        assert_eq!(e.code.as_deref(), Some("400"));
        assert_eq!(e.message.as_deref(), Some("invalid body"));
    }

    #[test]
    fn null_data_and_non_text_fields_read_as_absent() {
        let body = br#"{"code":true,"message":7,"data":null}"#;
        let e = from(500, body);
        assert_eq!((e.code, e.message, e.data), (None, None, None));
        assert_eq!(e.body, r#"{"code":true,"message":7,"data":null}"#);
    }

    #[test]
    fn html_keeps_status_and_bounded_snippet() {
        let page = format!("<html>{}</html>", "x".repeat(10_000));
        let e = from(502, page.as_bytes());
        assert_eq!(e.status, 502);
        assert!(e.code.is_none());
        assert_eq!(e.body, format!("<html>{}…", "x".repeat(2042)));
    }

    #[test]
    fn a_byte_order_mark_before_json_is_tolerated() {
        let e = from(
            404,
            b"\xEF\xBB\xBF{\"code\":\"getmcp_not_found\",\"message\":\"No\"}",
        );
        assert_eq!(e.code.as_deref(), Some("getmcp_not_found"));
        let notice = from(
            500,
            b"<b>Notice</b>: x in y.php\n{\"code\":\"c\",\"message\":\"m\"}",
        );
        assert_eq!(notice.code, None);
    }

    #[test]
    fn snippets_mask_secrets_in_json_bodies() {
        let body = br#"{"server":{"id":"kSuB9Gf6aD4","size":"12kB","providers":[{"id":"p","oauth2Config":{"clientID":"c","clientSecret":"TOPSECRET"},"tools":[{"id":"t","headers":[{"key":"X-Key","value":"HEADERSECRET"}]}]}]}}"#;
        let s = snippet(&plain(), body, parse(body).as_ref());
        assert_eq!(
            s,
            r#"{"server":{"id":"kSuB9Gf6aD4","providers":[{"id":"p","oauth2Config":{"clientID":"c","clientSecret":"[redacted]"},"tools":[{"headers":[{"key":"X-Key","value":"[redacted]"}],"id":"t"}]}],"size":"12kB"}}"#
        );
        // Nothing to mask: the body is kept byte for byte.
        let plain_body = br#"{ "code": "x",  "message": "y" }"#;
        assert_eq!(
            snippet(&plain(), plain_body, parse(plain_body).as_ref()),
            String::from_utf8_lossy(plain_body)
        );
    }

    #[test]
    fn secret_named_keys_are_masked_at_any_depth() {
        let mut v = serde_json::json!({
            "data": {"headers": {"Authorization": "Bearer T", "Accept": "x"},
                     "request": {"X-Api-Key": "K", "db_password": "P", "access_token": "A",
                                 "has_credentials": true, "token": null}},
            "params": {"token": "token is not of type string."},
            "variable": {"name": "N", "type": "SECRET", "value": "V"}
        });
        assert!(plain().value(&mut v));
        assert_eq!(
            v,
            serde_json::json!({
                "data": {"headers": {"Authorization": REDACTED, "Accept": REDACTED},
                         "request": {"X-Api-Key": REDACTED, "db_password": REDACTED,
                                     "access_token": REDACTED, "has_credentials": true, "token": null}},
                "params": {"token": "token is not of type string."},
                "variable": {"name": "N", "type": "SECRET", "value": REDACTED}
            })
        );
        for key in [
            "clientSecret",
            "client_secret",
            "Authorization",
            "X-API-KEY",
            "apiKey",
            "password",
            "auth_config",
            "test_auth_credentials",
            "refreshToken",
            "Set-Cookie",
        ] {
            assert!(is_secret_key(key), "{key}");
        }
        for key in [
            "id",
            "name",
            "key",
            "tokenId",
            "tokens",
            "secretPrefix",
            "message",
            "value",
        ] {
            assert!(!is_secret_key(key), "{key}");
        }
    }

    #[test]
    fn text_that_is_not_json_has_its_secret_pairs_masked() {
        let cases = [
            (
                r#"{"name":"x","token":"T"#,
                r#"{"name":"x","token":"[redacted]"#,
            ),
            (
                r#"{"id":3,"clientSecret":"S"} trailing"#,
                r#"{"id":3,"clientSecret":"[redacted]"} trailing"#,
            ),
            (
                r#"{"auth_config":{"token":"T","x":[1]},"id":3}junk"#,
                r#"{"auth_config":"[redacted]","id":3}junk"#,
            ),
            (
                r#"{"headers":[{"key":"A","value":"B"}]"#,
                r#"{"headers":"[redacted]""#,
            ),
            (
                "<pre>Authorization: Bearer abc.def\nX-Api-Key: k123\n</pre>",
                "<pre>Authorization: [redacted]\nX-Api-Key: [redacted]\n</pre>",
            ),
            (
                "<td>bearer  abc-def_ghi</td>",
                "<td>bearer  [redacted]</td>",
            ),
            (
                "/login?access_token=abc&next=1",
                "/login?access_token=[redacted]&next=1",
            ),
            (
                r#"{"token": null, "password": true}x"#,
                r#"{"token": null, "password": true}x"#,
            ),
            ("Missing parameter(s): token", "Missing parameter(s): token"),
            ("a bearer of bad news", "a bearer [redacted] bad news"),
        ];
        for (text, want) in cases {
            assert_eq!(plain().text(text), want, "{text}");
        }
    }

    #[test]
    fn known_secrets_are_masked_in_every_form() {
        let mask = Mask::new(["s3cr\"et/value", "abc"]);
        let text = r#"raw s3cr"et/value json s3cr\"et/value php s3cr\"et\/value url s3cr%22et%2Fvalue short abc"#;
        assert_eq!(
            mask.text(text),
            "raw [redacted] json [redacted] php [redacted] url [redacted] short abc"
        );
        // Cut short in the middle of the secret.
        assert_eq!(mask.text("echo: s3cr\"e"), "echo: [redacted]");
        assert_eq!(mask.text("echo: s3c"), "echo: s3c");
        let forms = [
            "s3cr%22et%2fvalue",
            "S3CR\"ET/VALUE",
            "s3cr&quot;et/value",
            "s3cr&#34;et/value",
            "s3cr&#x22;et/value",
            "\\u0073\\u0033\\u0063\\u0072\\u0022\\u0065\\u0074\\u002f\\u0076\\u0061\\u006c\\u0075\\u0065",
        ];
        for form in forms {
            assert_eq!(mask.text(&format!("<{form}>")), "<[redacted]>", "{form}");
        }
        let accented = Mask::new(["pässwörd-1"]);
        assert_eq!(
            accented.text("p\\u00e4ssw\\u00f6rd-1 P\u{c4}SSW\u{d6}RD-1 p%C3%A4ssw%C3%B6rd-1"),
            "[redacted] [redacted] [redacted]"
        );
    }

    #[test]
    fn request_bodies_give_up_their_secrets() {
        let body = br#"{"name":"n","test_auth_credentials":"{\"name\":\"X-API-Key\",\"value\":\"upstream-key\",\"location\":\"header\"}","server":{"headers":[{"key":"X-H","value":"hval-1"}],"oauth2Config":{"clientSecret":"cs-123"}},"variable":{"type":"secret","value":"var-secret"}}"#;
        let mut mask = Mask::default();
        mask.add_body(body);
        let text = mask.text("upstream-key hval-1 cs-123 var-secret X-API-Key header n");
        assert_eq!(
            text,
            "[redacted] [redacted] [redacted] [redacted] X-API-Key header n"
        );
        let mut basic = Mask::default();
        basic.add_body(
            br#"{"test_auth_credentials":"{\"username\":\"admin\",\"password\":\"pw-9876\"}"}"#,
        );
        assert_eq!(basic.text("admin pw-9876"), "[redacted] [redacted]");
    }

    #[test]
    fn every_kept_field_is_bounded() {
        let huge = "m".repeat(1 << 20);
        let body = serde_json::json!({
            "code": huge, "message": huge,
            "data": {"status": 400, "reason": huge, "params": {"a": huge}, "list": vec![1; 100_000]},
            "additional_errors": [{"message": huge}, vec![serde_json::json!({"code": "c"}); 10_000]],
        });
        let e = from(400, body.to_string().as_bytes());
        let limit = BODY_SNIPPET_LIMIT + '…'.len_utf8();
        assert!(e.code.as_ref().unwrap().len() <= limit);
        assert!(e.message.as_ref().unwrap().len() <= limit);
        assert!(e.body.len() <= limit);
        let data = serde_json::to_string(&e.data).unwrap();
        assert!(data.len() <= BODY_SNIPPET_LIMIT + 16, "{}", data.len());
        let more = serde_json::to_string(&e.additional_errors).unwrap();
        assert!(more.len() <= BODY_SNIPPET_LIMIT + 16, "{}", more.len());
        assert!(e.to_string().len() < 4 * BODY_SNIPPET_LIMIT);
        assert!(format!("{e:?}").len() < 12 * BODY_SNIPPET_LIMIT);
    }

    #[test]
    fn snippets_cut_on_a_character_boundary() {
        let body = format!("{}é", "a".repeat(BODY_SNIPPET_LIMIT - 1));
        let s = snippet(&plain(), body.as_bytes(), None);
        assert_eq!(s, format!("{}…", "a".repeat(BODY_SNIPPET_LIMIT - 1)));
        let body = "é".repeat(BODY_SNIPPET_LIMIT);
        assert!(snippet(&plain(), body.as_bytes(), None).ends_with('…'));
    }
}
