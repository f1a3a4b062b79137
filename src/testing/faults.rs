//! Fault injection shared by both fakes: a queue of faults, each answering the next
//! requests before any other processing.

use std::{collections::VecDeque, time::Duration};

use wiremock::ResponseTemplate;

/// A failure the next requests to a fake meet, queued with
/// [`FakeHasMcp::inject`](super::FakeHasMcp::inject) or
/// [`FakeGetMcp::inject`](super::FakeGetMcp::inject).
///
/// Faults are checked before anything else, authentication included, the way a rate
/// limiter or proxy in front of the application answers. A request answered by
/// `RateLimited`, `Unavailable` or `HtmlPage` never reaches the fake's state.
///
/// ```
/// # async fn demo() {
/// use std::time::Duration;
/// use mcp_admin::testing::{FakeHasMcp, Fault};
///
/// let hm = FakeHasMcp::start().await;
/// hm.inject(Fault::RateLimited { retry_after: 1 }, 2); // the next 2 requests: 429
/// hm.inject(Fault::Delay(Duration::from_millis(50)), 1); // then one slow answer
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
    /// `503 Service Unavailable` with a plain-text body.
    Unavailable,
    /// `500` with an HTML error page (`text/html`): what a PHP fatal error, a proxy or
    /// a security plugin sends instead of JSON.
    HtmlPage,
    /// The request is served normally, only late. Like a slow server, it applies the
    /// change even when the client has given up waiting.
    Delay(Duration),
}

/// Which platform's flavour an error fault answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavour {
    HasMcp,
    GetMcp,
}

/// Faults waiting for requests, first in first out, each with how many requests it
/// still answers.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue(VecDeque<(Fault, usize)>);

impl FaultQueue {
    /// Queues `fault` for the next `times` requests after those already queued.
    pub(crate) fn push(&mut self, fault: Fault, times: usize) {
        if times > 0 {
            self.0.push_back((fault, times));
        }
    }

    /// The fault for the request being handled, if any is left.
    pub(crate) fn take(&mut self) -> Option<Fault> {
        let (fault, left) = self.0.front_mut()?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.0.pop_front();
        }
        Some(fault)
    }
}

const HTML_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n\
<meta charset=\"UTF-8\">\n<title>Internal Server Error</title>\n</head>\n<body>\n\
<p>There has been a critical error on this website.</p>\n</body>\n</html>\n";

/// HasMCP's rate-limit body, byte for byte as the open-source edition sends it.
const HASMCP_RATELIMITED: &str = r#"{"error": {"message":"ratelimited", "code":429}}"#;

/// What a fault does to the request it meets.
#[derive(Debug)]
pub(crate) enum Effect {
    /// The request is answered with this instead of being served.
    Answer(ResponseTemplate),
    /// The request is served, this much later.
    Delay(Duration),
}

/// How a request meets `fault`, in the platform's flavour.
pub(crate) fn apply(fault: &Fault, flavour: Flavour) -> Effect {
    const PLAIN: &str = "text/plain; charset=utf-8";
    match fault {
        Fault::RateLimited { retry_after } => {
            let body = match flavour {
                Flavour::HasMcp => HASMCP_RATELIMITED,
                Flavour::GetMcp => "Too Many Requests",
            };
            Effect::Answer(
                ResponseTemplate::new(429)
                    .insert_header("retry-after", retry_after.to_string().as_str())
                    .set_body_raw(body, PLAIN),
            )
        }
        Fault::Unavailable => {
            Effect::Answer(ResponseTemplate::new(503).set_body_raw("Service Unavailable", PLAIN))
        }
        Fault::HtmlPage => Effect::Answer(
            ResponseTemplate::new(500).set_body_raw(HTML_PAGE, "text/html; charset=UTF-8"),
        ),
        Fault::Delay(delay) => Effect::Delay(*delay),
    }
}

/// Serves `req` with `handle`, after the next queued fault, if any, had its effect.
pub(crate) fn serve<S>(
    state: &mut S,
    queue: impl FnOnce(&mut S) -> &mut FaultQueue,
    flavour: Flavour,
    handle: impl FnOnce(&mut S) -> ResponseTemplate,
) -> ResponseTemplate {
    match queue(state).take().map(|fault| apply(&fault, flavour)) {
        None => handle(state),
        Some(Effect::Answer(answer)) => answer,
        Some(Effect::Delay(delay)) => handle(state).set_delay(delay),
    }
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
}
