//! Go's `net/url.Parse` and `URL.Hostname`, as far as HasMCP's provider URL check reads
//! them: the client refuses exactly the URLs the service refuses, and the fake answers
//! them as the service does.
//!
//! The service (`validateURL`) parses the URL, wants `http` or `https` (read in any
//! case), and a non-empty host name. Go differs from the WHATWG parser browsers and
//! `reqwest` use: a bad `%` escape anywhere but the query is an error, a host may not
//! hold `%` escapes of ASCII bytes or characters such as a space or `^`, a port is any
//! run of digits (`:99999` passes), and `http:/x` parses with an empty host.

/// Why the service refuses a URL, with the text it reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `url.Parse` failed; Go's own error text.
    Invalid(String),
    /// The scheme is not `http` or `https`.
    Scheme,
    /// Parsed, but the host name is empty.
    NoHostname,
}

impl Refusal {
    /// What the service reports (`data.reason` of its 500).
    pub(crate) fn service_text(&self) -> &'static str {
        match self {
            Refusal::Invalid(_) => "invalid URL",
            Refusal::Scheme => "URL must be http or https",
            Refusal::NoHostname => "URL must have a valid hostname",
        }
    }
}

/// The service's check: Go's parse, an http(s) scheme, a host name. Returns the host
/// name (`URL.Hostname()`: unescaped, without port or brackets).
pub(crate) fn check(raw: &str) -> Result<String, Refusal> {
    let (scheme, host) = parse(raw).map_err(Refusal::Invalid)?;
    if !matches!(scheme.as_str(), "http" | "https") {
        return Err(Refusal::Scheme);
    }
    let hostname = hostname(&host);
    if hostname.is_empty() {
        return Err(Refusal::NoHostname);
    }
    Ok(hostname)
}

/// `url.Parse(raw)`: the lower-case scheme and the unescaped host, or Go's error.
fn parse(raw: &str) -> Result<(String, String), String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let (raw, fragment) = raw.split_once('#').unwrap_or((raw, ""));
    let (scheme, rest) = scheme(raw)?;
    let rest = match rest.strip_suffix('?') {
        Some(forced) if !forced.contains('?') => forced,
        _ => rest.split_once('?').map_or(rest, |(before, _)| before),
    };
    let mut host = String::new();
    let path = if !rest.starts_with('/') {
        if !scheme.is_empty() {
            // A rootless path is opaque: no host, no path check.
            unescape(fragment, Mode::Other)?;
            return Ok((scheme, host));
        }
        let segment = rest.split('/').next().unwrap_or_default();
        if segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
        rest
    } else if let Some(after) = rest
        .strip_prefix("//")
        .filter(|_| !scheme.is_empty() || !rest.starts_with("///"))
    {
        let (authority, path) = after.split_at(after.find('/').unwrap_or(after.len()));
        host = parse_authority(authority)?;
        path
    } else {
        rest
    };
    unescape(path, Mode::Other)?;
    unescape(fragment, Mode::Other)?;
    Ok((scheme, host))
}

/// `getScheme`: letters first, then letters, digits, `+`, `-`, `.` up to a `:`.
fn scheme(raw: &str) -> Result<(String, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return Err("missing protocol scheme".into()),
            b':' => return Ok((raw[..i].to_ascii_lowercase(), &raw[i + 1..])),
            _ => return Ok((String::new(), raw)),
        }
    }
    Ok((String::new(), raw))
}

/// `parseAuthority`: user info before the last `@`, checked; the host after it.
fn parse_authority(authority: &str) -> Result<String, String> {
    let Some(at) = authority.rfind('@') else {
        return parse_host(authority);
    };
    let userinfo = &authority[..at];
    let valid = userinfo
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&b));
    if !valid {
        return Err("net/url: invalid userinfo".into());
    }
    unescape(userinfo, Mode::Other)?;
    parse_host(&authority[at + 1..])
}

/// `parseHost`: a bracketed IPv6 literal or a name, then an optional `:digits` port.
fn parse_host(host: &str) -> Result<String, String> {
    let port_at = if host.starts_with('[') {
        let Some(close) = host.rfind(']') else {
            return Err("missing ']' in host".into());
        };
        Some(close + 1)
    } else {
        host.rfind(':')
    };
    if let Some(at) = port_at {
        let port = &host[at..];
        if !valid_optional_port(port) {
            return Err(format!("invalid port {port:?} after host"));
        }
    }
    unescape(host, Mode::Host)
}

/// `validOptionalPort`: empty, or `:` and digits only.
fn valid_optional_port(port: &str) -> bool {
    match port.strip_prefix(':') {
        _ if port.is_empty() => true,
        Some(digits) => digits.bytes().all(|b| b.is_ascii_digit()),
        None => false,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Host,
    Other,
}

/// `unescape`: every `%` must start two hex digits; in a host, an escape must stand for
/// a non-ASCII byte (or be `%25`), and only some ASCII characters may appear.
fn unescape(s: &str, mode: Mode) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
            let Some(hex) = hex else {
                let end = (i + 3).min(bytes.len());
                return Err(format!(
                    "invalid URL escape {:?}",
                    String::from_utf8_lossy(&bytes[i..end])
                ));
            };
            let value = (hex_value(hex[0]) << 4) | hex_value(hex[1]);
            if mode == Mode::Host && value < 0x80 && &bytes[i..i + 3] != b"%25" {
                return Err(format!(
                    "invalid URL escape {:?}",
                    String::from_utf8_lossy(&bytes[i..i + 3])
                ));
            }
            out.push(value);
            i += 3;
            continue;
        }
        if mode == Mode::Host && b < 0x80 && !host_byte(b) {
            return Err(format!(
                "invalid character {:?} in host name",
                char::from(b).to_string()
            ));
        }
        out.push(b);
        i += 1;
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn hex_value(h: u8) -> u8 {
    match h {
        b'0'..=b'9' => h - b'0',
        b'a'..=b'f' => h - b'a' + 10,
        _ => h - b'A' + 10,
    }
}

/// The ASCII bytes Go's `shouldEscape` lets stand in a host.
fn host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.~!$&'()*+,;=:[]<>\"".contains(&b)
}

/// `URL.Hostname()`: the host without a valid `:port`, and without IPv6 brackets.
fn hostname(host: &str) -> String {
    let mut name = host;
    if let Some(colon) = name.rfind(':')
        && valid_optional_port(&name[colon..])
    {
        name = &name[..colon];
    }
    if let Some(inner) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        name = inner;
    }
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::{check, Refusal};

    #[test]
    fn what_go_and_the_service_refuse() {
        let invalid = |url: &str| matches!(check(url), Err(Refusal::Invalid(_)));
        for url in [
            "http://a b.com",
            "https://x.example.com:abc",
            "http://x/%zz",
            "http://x/#%z",
            "http://ex%41mple.com",
            "http://a^b.com",
            "http://[::1",
            "http://us er@x.com",
            "http://x\u{7f}.com",
            ":foo",
        ] {
            assert!(invalid(url), "{url}: {:?}", check(url));
        }
        assert_eq!(check("http:/x"), Err(Refusal::NoHostname));
        assert_eq!(check("http:x"), Err(Refusal::NoHostname));
        assert_eq!(check("https://:443/v1"), Err(Refusal::NoHostname));
        assert_eq!(check("ftp://x.example"), Err(Refusal::Scheme));
        assert_eq!(check("api.stripe.com"), Err(Refusal::Scheme));
        assert_eq!(check(""), Err(Refusal::Scheme));
    }

    #[test]
    fn what_go_accepts_and_the_host_name_it_reads() {
        for (url, host) in [
            ("https://api.stripe.com/v1", "api.stripe.com"),
            ("HTTP://localhost:8080", "localhost"),
            ("http://x:99999", "x"),
            ("http://user:p%40ss@h.example:1/p?q=%zz", "h.example"),
            ("http://[::1]:80/", "::1"),
            ("http://caf%C3%A9.example", "café.example"),
            ("http://under_score.example?", "under_score.example"),
            ("http://x/a%20b#frag", "x"),
        ] {
            assert_eq!(check(url).as_deref(), Ok(host), "{url}");
        }
    }
}
