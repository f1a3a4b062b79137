//! What the generated operations call instead of progenitor-client's helpers (the
//! generator rewrites the calls): the same results, without the copies those make on
//! every request.
//!
//! - [`decode`] and [`empty`] move the response's headers into the `ResponseValue`
//!   (progenitor-client clones them), and [`decode`] reads JSON after a UTF-8 byte order
//!   mark, which some WordPress sites put before every answer, and reads an empty
//!   success body as `null` where the type takes it (for the HasMCP PATCHes answered
//!   200 with a body, 200 without one, or 204).
//! - [`PathSegment`] percent-encodes a path parameter while the URL is formatted
//!   (`encode_path(&id.to_string())` builds two strings first).

use std::fmt::{self, Write as _};

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use progenitor_client::{Error, ResponseValue};
use serde::de::DeserializeOwned;

use super::{
    body::{skip_space, walk_container, without_bom},
    page_limit, PageLimit,
};

/// The body as JSON `T`, with the response's status and headers.
///
/// A body that is not `T` is `Error::InvalidResponsePayload` with the bytes as they
/// came (the mark included), as progenitor-client reports it.
pub(crate) async fn decode<T: DeserializeOwned, E>(
    mut response: reqwest::Response,
) -> Result<ResponseValue<T>, Error<E>> {
    let status = response.status();
    // Moved, not cloned: reading the body does not need them.
    let headers = std::mem::take(response.headers_mut());
    let full = response.bytes().await.map_err(Error::ResponseBodyError)?;
    if let Some(PageLimit { page, most }) = page_limit() {
        let len = array_len(without_bom(&full));
        if len as u64 > most {
            let reason =
                format!("page {page} holds {len} items, more than the {most} a page may hold");
            return Err(Error::InvalidResponsePayload(
                full,
                serde::de::Error::custom(reason),
            ));
        }
    }
    // A success without a body (a 204, or a 200 that carries none) reads as `null`
    // where the type takes it: the HasMCP PATCH answers, 200 with the item or without
    // a body. Any other type keeps the empty body's own error.
    let json = without_bom(&full);
    if json.is_empty()
        && status.is_success()
        && let Ok(inner) = serde_json::from_slice(b"null")
    {
        return Ok(ResponseValue::new(inner, status, headers));
    }
    match serde_json::from_slice(json) {
        Ok(inner) => Ok(ResponseValue::new(inner, status, headers)),
        Err(e) => Err(Error::InvalidResponsePayload(full, e)),
    }
}

/// The number of items in `json` when it is an array, read without decoding them (0
/// when it is not one); a body cut short counts what it holds.
fn array_len(json: &[u8]) -> usize {
    let start = skip_space(json, 0);
    if json.get(start) != Some(&b'[') {
        return 0;
    }
    let (mut commas, mut any) = (0usize, false);
    walk_container(json, start, |b| match b {
        b',' => commas += 1,
        b if !b.is_ascii_whitespace() => any = true,
        _ => {}
    });
    if any {
        commas + 1
    } else {
        0
    }
}

/// An answer without a body (a 204), with its status and headers.
pub(crate) fn empty(mut response: reqwest::Response) -> ResponseValue<()> {
    let status = response.status();
    ResponseValue::new((), status, std::mem::take(response.headers_mut()))
}

/// A parameter `send` found unset or unconvertible, as the generated code reports it:
/// a required parameter starts out as an empty error (no message is allocated for
/// every request), which means "never set".
pub(crate) fn invalid_request<E>(error: String, unset: &'static str) -> Error<E> {
    Error::InvalidRequest(if error.is_empty() {
        unset.to_owned()
    } else {
        error
    })
}

/// The characters a path segment percent-encodes: progenitor-client's `encode_path`
/// set (the URL standard's path-segment set, plus `%`), so the bytes on the wire do not
/// change.
const PATH_SET: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'/')
    .add(b'%');

/// A path parameter as it goes into the URL: its `Display` form, percent-encoded piece
/// by piece as it is written (percent-encoding works byte by byte, so the pieces encode
/// to what the whole would).
pub(crate) struct PathSegment<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: fmt::Display + ?Sized> fmt::Display for PathSegment<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Encoding(f), "{}", self.0)
    }
}

/// The bytes an id is made of, which no path segment encodes: ASCII letters, digits and
/// `-` (a table: one load a byte).
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        plain[b] = c.is_ascii_alphanumeric() || c == b'-';
        b += 1;
    }
    plain
};

/// Forwards whatever is written to it, percent-encoded.
struct Encoding<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for Encoding<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        // The crate's ids are letters, digits and hyphens: nothing to encode.
        if s.bytes().all(|b| PLAIN[usize::from(b)]) {
            return self.0.write_str(s);
        }
        utf8_percent_encode(s, PATH_SET).try_for_each(|piece| self.0.write_str(piece))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_patch_answers_take_a_missing_body_as_null() {
        use crate::{getmcp, hasmcp};
        fn takes_null<T: DeserializeOwned>() -> bool {
            serde_json::from_slice::<T>(b"null").is_ok()
        }
        assert!(takes_null::<hasmcp::UpdatedVariable>());
        assert!(takes_null::<hasmcp::UpdatedResource>());
        // Every other answer type the raw client decodes still needs its body.
        for (name, takes) in [
            ("ServerEnvelope", takes_null::<hasmcp::ServerEnvelope>()),
            ("ServerExport", takes_null::<hasmcp::ServerExport>()),
            ("PromptEnvelope", takes_null::<hasmcp::PromptEnvelope>()),
            ("PromptList", takes_null::<hasmcp::PromptList>()),
            ("ProviderEnvelope", takes_null::<hasmcp::ProviderEnvelope>()),
            ("ProviderList", takes_null::<hasmcp::ProviderList>()),
            ("ResourceEnvelope", takes_null::<hasmcp::ResourceEnvelope>()),
            ("ResourceList", takes_null::<hasmcp::ResourceList>()),
            ("ToolEnvelope", takes_null::<hasmcp::ToolEnvelope>()),
            ("ToolList", takes_null::<hasmcp::ToolList>()),
            ("VariableEnvelope", takes_null::<hasmcp::VariableEnvelope>()),
            ("VariableList", takes_null::<hasmcp::VariableList>()),
            ("Server", takes_null::<getmcp::Server>()),
            ("Servers", takes_null::<Vec<getmcp::Server>>()),
            ("Tool", takes_null::<getmcp::Tool>()),
            ("Resource", takes_null::<getmcp::Resource>()),
            ("Prompt", takes_null::<getmcp::Prompt>()),
            (
                "CredentialsStatus",
                takes_null::<getmcp::CredentialsStatus>(),
            ),
            (
                "HasmcpServerList",
                takes_null::<crate::raw::types::HasmcpServerList>(),
            ),
            (
                "HasmcpServerTokenEnvelope",
                takes_null::<crate::raw::types::HasmcpServerTokenEnvelope>(),
            ),
            (
                "HasmcpServerTokenList",
                takes_null::<crate::raw::types::HasmcpServerTokenList>(),
            ),
            (
                "HasmcpServerToolLinkList",
                takes_null::<crate::raw::types::HasmcpServerToolLinkList>(),
            ),
            (
                "HasmcpServerPromptLinkList",
                takes_null::<crate::raw::types::HasmcpServerPromptLinkList>(),
            ),
            (
                "GetmcpDeleted",
                takes_null::<crate::raw::types::GetmcpDeleted>(),
            ),
        ] {
            assert!(!takes, "{name} takes null");
        }
    }

    #[test]
    fn array_items_are_counted_without_decoding() {
        for (json, len) in [
            ("[]", 0),
            (" [ ] ", 0),
            ("[1]", 1),
            (r#"[{"a": [1, 2], "b": "x,]}"}, 2, "3"]"#, 3),
            (r#"{"a": [1, 2]}"#, 0),
            ("[1, 2, [3", 3),
            ("null", 0),
        ] {
            assert_eq!(array_len(json.as_bytes()), len, "{json}");
        }
    }

    /// Writes its text in pieces of `n` characters, as a `Display` made of several
    /// `write_str` calls does.
    struct Pieces<'a>(&'a str, usize);

    impl fmt::Display for Pieces<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let chars: Vec<char> = self.0.chars().collect();
            for piece in chars.chunks(self.1) {
                f.write_str(&piece.iter().collect::<String>())?;
            }
            Ok(())
        }
    }

    #[test]
    fn path_segments_encode_as_progenitor_does() {
        let inputs = [
            "kSuB9Gf6aD4",
            "-_.~!$&'()*+,;=:@",
            "42",
            "0f8fad5b-d9cb-469f-a165-70867728950e",
            "a/b?c#d e%f",
            "{x}<y>\"z\"`",
            "naïve ünïcödé/✓",
            "\u{0}\u{1f}\u{7f}",
            "",
            "%2F",
        ];
        for input in inputs {
            let expected = progenitor_client::encode_path(input);
            assert_eq!(PathSegment(input).to_string(), expected, "{input:?}");
            for n in 1..4 {
                assert_eq!(
                    PathSegment(&Pieces(input, n)).to_string(),
                    expected,
                    "{input:?} in pieces of {n}"
                );
            }
        }
    }
}
