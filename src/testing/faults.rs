//! Fault injection shared by both fakes: a queue of faults, each answering the next
//! requests that bear the token, before any other processing.

use std::{collections::VecDeque, time::Duration};

use super::shell::{Platform, Reply};

/// A failure the next requests to a fake meet, queued with
/// [`FakeHasMcp::inject`](super::FakeHasMcp::inject) or
/// [`FakeGetMcp::inject`](super::FakeGetMcp::inject).
///
/// Faults are meant for the client under test: a request without the fake's token
/// (a stray probe, a misconfigured client) is answered as unauthenticated and uses
/// none. A request that bears it meets the next fault before anything else, the way a
/// rate limiter or proxy in front of the application answers. A request answered by
/// `RateLimited`, `Unavailable`, `UnavailableFor`, `HtmlPage` or `InternalError` never
/// reaches the fake's state.
///
/// ```
/// # async fn demo() {
/// use std::time::Duration;
/// use mcp_admin::testing::{FakeHasMcp, Fault};
///
/// let hm = FakeHasMcp::start().await;
/// hm.inject(Fault::RateLimited { retry_after: 1 }, 2); // the next 2 requests: 429
/// hm.inject(Fault::Delay(Duration::from_millis(50)), 1); // then one slow answer
/// hm.inject(Fault::InternalError { reason: "database is locked".into() }, 1); // then a 500
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// `429 Too Many Requests` with `Retry-After: <retry_after>` (seconds). HasMCP's
    /// body is its own `{"error": {"message":"ratelimited", "code":429}}` (as
    /// `text/plain`); GetMCP's is a host's plain-text page.
    RateLimited {
        /// The `Retry-After` value, in seconds.
        retry_after: u64,
    },
    /// `503 Service Unavailable` with a plain-text body and no `Retry-After`.
    Unavailable,
    /// `503 Service Unavailable` with a plain-text body and
    /// `Retry-After: <retry_after>` (seconds): a service down for maintenance that says
    /// when to come back.
    UnavailableFor {
        /// The `Retry-After` value, in seconds.
        retry_after: u64,
    },
    /// `500` with an HTML error page (`text/html`): what a PHP fatal error, a proxy or
    /// a security plugin sends instead of JSON.
    HtmlPage,
    /// `500` in the platform's own JSON, as the application answers an unexpected
    /// failure (a database error, say). HasMCP sends
    /// `{"error":{"code":500,"message":"internal server error","data":{"reason":<reason>}}}`;
    /// GetMCP sends WordPress's answer to a PHP fatal error in a REST request, code
    /// `internal_server_error`, which keeps the reason to the server's log.
    InternalError {
        /// What failed, as the service reports it (HasMCP's `data.reason`).
        reason: String,
    },
    /// The request is handled only after this long, like a slow server: a write lands
    /// then, and lands even when the client has given up waiting.
    Delay(Duration),
}

/// Faults waiting for requests, first in first out, each with how many requests it
/// still answers.
#[derive(Debug, Default)]
/// `None` lets a request through untouched: how a fault is aimed at a later request.
pub(crate) struct FaultQueue(VecDeque<(Option<Fault>, usize)>);

impl FaultQueue {
    /// Queues `fault` for the next `times` requests after those already queued.
    pub(crate) fn push(&mut self, fault: Fault, times: usize) {
        self.push_entry(Some(fault), times);
    }

    /// Queues `skip` requests that pass untouched, then `fault` for `times` requests.
    pub(crate) fn push_after(&mut self, skip: usize, fault: Fault, times: usize) {
        self.push_entry(None, skip);
        self.push_entry(Some(fault), times);
    }

    fn push_entry(&mut self, fault: Option<Fault>, times: usize) {
        if times > 0 {
            self.0.push_back((fault, times));
        }
    }

    /// Forgets every queued fault.
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    /// The fault for the request being handled, if any is left.
    pub(crate) fn take(&mut self) -> Option<Fault> {
        let (fault, left) = self.0.front_mut()?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.0.pop_front();
        }
        fault
    }
}

const HTML_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n\
<meta charset=\"UTF-8\">\n<title>Internal Server Error</title>\n</head>\n<body>\n\
<p>There has been a critical error on this website.</p>\n</body>\n</html>\n";

/// What a fault does to the request it meets.
#[derive(Debug)]
pub(crate) enum Effect {
    /// The request is answered with this instead of being served.
    Answer(Reply),
    /// The request is served, this much later.
    Delay(Duration),
}

/// How a request meets `fault`, in platform `P`'s flavour.
pub(crate) fn apply<P: Platform>(fault: &Fault) -> Effect {
    let answer = match fault {
        Fault::RateLimited { retry_after } => {
            Reply::text(429, P::RATE_LIMITED).header("retry-after", retry_after.to_string())
        }
        Fault::Unavailable => Reply::text(503, "Service Unavailable"),
        Fault::UnavailableFor { retry_after } => {
            Reply::text(503, "Service Unavailable").header("retry-after", retry_after.to_string())
        }
        Fault::HtmlPage => Reply::new(500, "text/html; charset=UTF-8", HTML_PAGE),
        Fault::InternalError { reason } => P::internal_error(reason),
        Fault::Delay(delay) => return Effect::Delay(*delay),
    };
    Effect::Answer(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_serves_each_fault_its_count_in_order() {
        let mut q = FaultQueue::default();
        q.push(Fault::Unavailable, 2);
        q.push(Fault::HtmlPage, 0);
        q.push(Fault::HtmlPage, 1);
        assert_eq!(q.take(), Some(Fault::Unavailable));
        assert_eq!(q.take(), Some(Fault::Unavailable));
        assert_eq!(q.take(), Some(Fault::HtmlPage));
        assert_eq!(q.take(), None);
    }

    #[test]
    fn a_fault_aimed_after_some_requests_lets_those_through() {
        let mut q = FaultQueue::default();
        q.push_after(2, Fault::Unavailable, 1);
        assert_eq!(q.take(), None);
        assert_eq!(q.take(), None);
        assert_eq!(q.take(), Some(Fault::Unavailable));
        assert_eq!(q.take(), None);
        q.push_after(1, Fault::HtmlPage, 1);
        q.clear();
        assert_eq!(q.take(), None);
    }
}
