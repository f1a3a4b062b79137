//! MCP client tokens: `POST /servers/{id}/tokens` as the open-source edition mints
//! them, and the list and revoke routes only the vendor's knowledge base describes
//! (`GET /servers/{id}/tokens`, `DELETE /servers/{id}/tokens/{tokenID}`).
//!
//! The open-source edition stores no tokens; the fake keeps what the list shows (id,
//! server, name, scope, expiry, creation time), never the value.

use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, Utc};
use serde_json::{json, Value};

use super::{
    emulation::{
        self, canonical_id, decode, decode_id, field, text, undecodable, SERVER_TOKEN_BODY,
    },
    servers,
    state::State,
};
use crate::testing::{mix, rfc3339, shell::Reply};

/// The scope a token gets when none is asked for.
const DEFAULT_SCOPE: &str = "session:create session:call session:delete session:stream";

/// One minted token, as the list shows it.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) id: String,
    pub(super) server: String,
    name: String,
    scope: String,
    expires_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
}

/// `POST /servers/{id}/tokens`: checks the server id and that `expiresAt` is in the
/// future (a missing or unreadable one is the zero time, so it is not), then mints a
/// JWT. The answer has no `createdAt` and no `name`, as the open-source edition's.
pub(super) fn create(st: &mut State, server: &str, body: &[u8]) -> Reply {
    let Some(value) = decode(body, SERVER_TOKEN_BODY) else {
        return undecodable();
    };
    let token = field(&value, "token");
    let server_n = decode_id(server);
    if server_n <= 0 {
        return emulation::error(
            400,
            "server ID must be greater than 0",
            json!({ "serverID": server_n }),
        );
    }
    let expires_at = go_parse_rfc3339(text(token, "expiresAt"));
    // Checked against the real clock, as the service does: an expiry is about now.
    let now = DateTime::<Utc>::from(SystemTime::now());
    let sent = match expires_at {
        Some(t) if t >= now => t,
        _ => {
            return emulation::error(
                400,
                &format!("expires at ({}) must be in the future", go_time(expires_at)),
                json!({ "serverID": server_n }),
            )
        }
    };
    if let Err(reply) = servers::lookup(st, server) {
        return reply;
    }
    let scope = match field(token, "scope").as_str() {
        Some(scope) if !scope.is_empty() => scope.to_owned(),
        _ => DEFAULT_SCOPE.to_owned(),
    };
    // The service ignores a name; the fake keeps it for the list the knowledge base
    // describes.
    let name = text(token, "name").to_owned();
    let expires_at = sent.with_timezone(&Utc);
    let id = st.new_id();
    let server = canonical_id(server);
    // The JWT's `jti` is an id of its own, not the answer's `id` (L3).
    let jti = st.new_id();
    let value = jwt(&jti, &server, &scope, expires_at, now);
    let answer = json!({ "token": {
        "id": id,
        "serverID": server,
        // Go's `time.RFC3339` again: the offset sent, no fraction (L2).
        "expiresAt": go_format_rfc3339(sent),
        "scope": scope,
        "value": value,
    }});
    let created_at = st.clock.tick();
    st.tokens.push(Token {
        id,
        server,
        name,
        scope,
        expires_at,
        created_at,
    });
    emulation::json(201, answer.to_string())
}

/// `GET /servers/{id}/tokens` (knowledge base only): the server's tokens without
/// values, in id order; `{}` when there is none.
pub(super) fn list(st: &State, server: &str) -> Reply {
    if let Err(reply) = servers::lookup(st, server) {
        return reply;
    }
    let server = canonical_id(server);
    let mut tokens: Vec<&Token> = st.tokens.iter().filter(|t| t.server == server).collect();
    tokens.sort_by(|a, b| a.id.cmp(&b.id));
    let tokens: Vec<Value> = tokens
        .into_iter()
        .map(|t| {
            let mut v = json!({
                "id": t.id,
                "serverID": t.server,
                "scope": t.scope,
                "expiresAt": rfc3339(t.expires_at),
                "createdAt": rfc3339(t.created_at),
            });
            if !t.name.is_empty() {
                v["name"] = t.name.clone().into();
            }
            v
        })
        .collect();
    let body = if tokens.is_empty() {
        json!({})
    } else {
        json!({ "tokens": tokens })
    };
    emulation::json(200, body.to_string())
}

/// `DELETE /servers/{id}/tokens/{tokenID}` (knowledge base only): 204, also for a
/// token that does not exist; a 404 for an unknown server.
pub(super) fn revoke(st: &mut State, server: &str, token: &str) -> Reply {
    if let Err(reply) = servers::lookup(st, server) {
        return reply;
    }
    let (server, token) = (canonical_id(server), canonical_id(token));
    st.tokens.retain(|t| !(t.server == server && t.id == token));
    Reply::new(204, "application/json", "")
}

/// Go's `time.Parse(time.RFC3339, s)`: `YYYY-MM-DDTHH:MM:SS`, an optional fraction
/// (after a point or a comma), then `Z` or `±hh:mm`, nothing else (no lower-case `t`
/// or `z`, no space, no leap second); `None` where Go fails, which the service reads as
/// the zero time.
fn go_parse_rfc3339(s: &str) -> Option<DateTime<FixedOffset>> {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let shape = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && b.get(10) == Some(&b'T')
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && b.get(16) == Some(&b':')
        && digits(17..19)
        && b.get(17) != Some(&b'6');
    let mut rest = b.get(19..).unwrap_or_default();
    // Go's parser also takes a comma before the fraction.
    if matches!(rest.first(), Some(b'.' | b',')) {
        let fraction = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if fraction == 0 {
            return None;
        }
        rest = &rest[1 + fraction..];
    }
    let zone = rest == b"Z"
        || (rest.len() == 6
            && matches!(rest[0], b'+' | b'-')
            && rest[3] == b':'
            && [1, 2, 4, 5].iter().all(|&i| rest[i].is_ascii_digit()));
    if !(shape && zone) {
        return None;
    }
    DateTime::parse_from_rfc3339(&s.replacen(',', ".", 1)).ok()
}

/// A time as Go's `Format(time.RFC3339)` writes it: whole seconds, then `Z` for a zero
/// offset, else the offset (`2099-01-01T10:00:00+02:00`).
fn go_format_rfc3339(t: DateTime<FixedOffset>) -> String {
    if t.offset().local_minus_utc() == 0 {
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// A time as Go's `time.Time.String` prints it in the service's message:
/// `2024-01-01 00:00:00 +0000 UTC`; the zero time when there is none.
fn go_time(t: Option<DateTime<FixedOffset>>) -> String {
    let Some(t) = t else {
        return "0001-01-01 00:00:00 +0000 UTC".to_owned();
    };
    let mut text = t.format("%Y-%m-%d %H:%M:%S").to_string();
    let nanos = t.timestamp_subsec_nanos();
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        text.push('.');
        text.push_str(fraction.trim_end_matches('0'));
    }
    let offset = t.format("%z").to_string();
    let zone = if t.offset().local_minus_utc() == 0 {
        "UTC".to_owned()
    } else {
        offset.clone()
    };
    format!("{text} {offset} {zone}")
}

/// A JWT-shaped token: the service's claims (server, scope, issuer, expiry, issue time,
/// its own id), a signature from the fake's sequence. Nothing checks it.
fn jwt(
    id: &str,
    server: &str,
    scope: &str,
    expires_at: DateTime<Utc>,
    issued_at: DateTime<Utc>,
) -> String {
    let header = json!({ "alg": "HS256", "typ": "JWT" });
    let claims = json!({
        "serverID": server,
        "scope": scope,
        "iss": "HasMCP",
        "exp": expires_at.timestamp(),
        "iat": issued_at.timestamp(),
        "jti": id,
    });
    let signature = mix(u64::try_from(decode_id(id)).unwrap_or(0)).to_le_bytes();
    format!(
        "{}.{}.{}",
        base64url(header.to_string().as_bytes()),
        base64url(claims.to_string().as_bytes()),
        base64url(&signature)
    )
}

/// Unpadded base64url, as JWTs are written.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            let sextet = usize::try_from((n >> (18 - 6 * i)) & 0x3f).unwrap_or(0);
            out.push(char::from(ALPHABET[sextet]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jwt_has_its_own_id_and_an_issue_time() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let token = jwt(
            "0000000jti1",
            "00000000001",
            "",
            t("2099-01-01T00:00:00Z"),
            t("2026-12-05T00:00:00Z"),
        );
        let claims = token.split('.').nth(1).unwrap();
        let expected = json!({"serverID": "00000000001", "scope": "", "iss": "HasMCP",
            "exp": 4070908800_i64, "iat": 1796428800_i64, "jti": "0000000jti1"});
        assert_eq!(claims, base64url(expected.to_string().as_bytes()));
    }

    #[test]
    fn expiry_reads_and_echoes_as_gos_rfc3339() {
        let echo = |s: &str| go_parse_rfc3339(s).map(go_format_rfc3339);
        for (sent, echoed) in [
            ("2099-01-01T10:00:00.5+02:00", "2099-01-01T10:00:00+02:00"),
            ("2099-01-01T10:00:00.999999999Z", "2099-01-01T10:00:00Z"),
            ("2099-01-01T10:00:00+00:00", "2099-01-01T10:00:00Z"),
            ("2099-01-01T10:00:00-00:30", "2099-01-01T10:00:00-00:30"),
            ("2099-01-01T10:00:00,25+01:00", "2099-01-01T10:00:00+01:00"),
        ] {
            assert_eq!(echo(sent).as_deref(), Some(echoed), "{sent}");
        }
        for refused in [
            "2099-01-01t10:00:00Z",
            "2099-01-01 10:00:00Z",
            "2099-01-01T10:00:00z",
            "2099-01-01T10:00:60Z",
            "2099-01-01T10:00:00.Z",
            "2099-01-01T10:00:00",
            "2099-01-01T10:00:00+0200",
            "2099-02-30T10:00:00Z",
            "99-01-01T10:00:00Z",
        ] {
            assert_eq!(echo(refused), None, "{refused}");
        }
    }

    #[test]
    fn go_prints_times_like_this() {
        let t = |s: &str| Some(DateTime::parse_from_rfc3339(s).unwrap());
        assert_eq!(
            go_time(t("2024-01-01T00:00:00Z")),
            "2024-01-01 00:00:00 +0000 UTC"
        );
        assert_eq!(
            go_time(t("2024-01-01T10:00:00.5+02:00")),
            "2024-01-01 10:00:00.5 +0200 +0200"
        );
        assert_eq!(go_time(None), "0001-01-01 00:00:00 +0000 UTC");
    }

    #[test]
    fn base64url_without_padding() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(
            base64url(br#"{"alg":"HS256","typ":"JWT"}"#),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        );
    }
}
