//! What an attempt without a complete answer came to: one classification that the
//! retry loop, [`Error::is_retryable`](crate::Error::is_retryable) and
//! [`Error::may_have_applied`](crate::Error::may_have_applied) all read, so they agree.

use std::{error::Error as StdError, io};

/// Why no complete answer arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailureKind {
    /// No connection was made (refused, unreachable, name not found, TLS handshake,
    /// connect timeout): nothing was sent.
    Connect,
    /// The time ran out after the connection was made.
    Timeout,
    /// The connection was closed or reset before any answer arrived: the request may
    /// have been received.
    Lost,
    /// The server answered with something that is not HTTP (a garbage status line, a
    /// header too large or invalid, two lengths).
    Malformed,
    /// The head arrived, then reading the body failed.
    Body,
    /// The request could not be built: nothing was sent.
    Refused,
    /// Anything else.
    Other,
}

/// hyper's own words for an answer that is not valid HTTP. hyper's error type is not
/// a dependency of this crate, so its messages are what identifies these.
const MALFORMED: &[&str] = &[
    "invalid HTTP",
    "invalid content-length",
    "unexpected transfer-encoding",
    "invalid transfer-encoding",
    "message head is too large",
    "invalid URI",
    "received unexpected message",
];

/// hyper's message for a connection closed before the answer's head was complete.
const INCOMPLETE: &str = "connection closed before message completed";

impl FailureKind {
    /// Trying again later may succeed: no connection, the time ran out, or the
    /// connection was lost before any answer. A malformed answer will come again.
    pub(crate) fn is_transient(self) -> bool {
        matches!(
            self,
            FailureKind::Connect | FailureKind::Timeout | FailureKind::Lost
        )
    }

    /// The send loop tries again: when nothing was sent, or when the connection was
    /// lost and the request is a read (`safe_to_repeat`). A write that was lost may have
    /// been applied, and a timeout has used up the call's time.
    pub(crate) fn is_retried(self, safe_to_repeat: bool) -> bool {
        match self {
            FailureKind::Connect => true,
            FailureKind::Lost => safe_to_repeat,
            _ => false,
        }
    }

    /// Nothing reached the server.
    pub(crate) fn nothing_sent(self) -> bool {
        matches!(self, FailureKind::Connect | FailureKind::Refused)
    }

    /// What happened, in words, for error messages.
    pub(crate) fn summary(self) -> &'static str {
        match self {
            FailureKind::Connect => "could not connect",
            FailureKind::Timeout => "timed out",
            FailureKind::Lost => "the connection closed before any answer",
            FailureKind::Malformed => "the answer is not valid HTTP",
            FailureKind::Body => "reading the response body failed",
            FailureKind::Refused => "the request could not be built",
            FailureKind::Other => "request failed",
        }
    }
}

/// Classifies a failed attempt.
pub(crate) fn classify(error: &reqwest::Error) -> FailureKind {
    if error.is_builder() {
        return FailureKind::Refused;
    }
    // A connect that timed out is a connect failure: nothing was sent.
    if error.is_connect() {
        return FailureKind::Connect;
    }
    if error.is_timeout() {
        return FailureKind::Timeout;
    }
    let mut cause: Option<&(dyn StdError + 'static)> = error.source();
    while let Some(e) = cause {
        if let Some(io) = e.downcast_ref::<io::Error>()
            && matches!(
                io.kind(),
                io::ErrorKind::ConnectionReset
                    | io::ErrorKind::ConnectionAborted
                    | io::ErrorKind::BrokenPipe
                    | io::ErrorKind::UnexpectedEof
                    | io::ErrorKind::NotConnected
            )
        {
            return FailureKind::Lost;
        }
        let text = e.to_string();
        if text == INCOMPLETE {
            return FailureKind::Lost;
        }
        if MALFORMED.iter().any(|m| text.starts_with(m)) {
            return FailureKind::Malformed;
        }
        cause = e.source();
    }
    if error.is_body() || error.is_decode() {
        return FailureKind::Body;
    }
    FailureKind::Other
}

/// The innermost cause of `error`: the words that say what really went wrong
/// ("Connection refused (os error 111)"), not the wrappers around it.
pub(crate) fn root_cause(error: &reqwest::Error) -> String {
    let mut last: &(dyn StdError + 'static) = error;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_connect_timeout_and_lost_are_transient() {
        use FailureKind::*;
        let all = [Connect, Timeout, Lost, Malformed, Body, Refused, Other];
        let transient: Vec<_> = all.into_iter().filter(|k| k.is_transient()).collect();
        assert_eq!(transient, [Connect, Timeout, Lost]);
        let retried_read: Vec<_> = all.into_iter().filter(|k| k.is_retried(true)).collect();
        assert_eq!(retried_read, [Connect, Lost]);
        let retried_write: Vec<_> = all.into_iter().filter(|k| k.is_retried(false)).collect();
        assert_eq!(retried_write, [Connect]);
        // Everything the loop retries is transient: the two never disagree.
        assert!(all
            .into_iter()
            .filter(|k| k.is_retried(true))
            .all(FailureKind::is_transient));
        let unsent: Vec<_> = all.into_iter().filter(|k| k.nothing_sent()).collect();
        assert_eq!(unsent, [Connect, Refused]);
    }

    #[test]
    fn a_request_that_cannot_be_built_is_refused() {
        let e = reqwest::Client::new().get("not a url").build().unwrap_err();
        assert_eq!(classify(&e), FailureKind::Refused);
        assert!(!root_cause(&e).is_empty());
    }
}
