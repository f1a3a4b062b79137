//! When a failed attempt is tried again: the policy, and [`decide`], a pure function of
//! the policy, the attempt and its outcome that the send loop asks after every attempt.

use std::{
    hash::{BuildHasher, Hasher},
    time::{Duration, Instant, SystemTime},
};

use reqwest::{
    header::{HeaderMap, RETRY_AFTER},
    StatusCode,
};

use super::failure::FailureKind;

/// When and how often a failed request is tried again.
///
/// Retried: connection failures (refused, or not established within the connect
/// timeout: nothing was sent), a read whose connection was closed or reset before any
/// answer, the statuses 429 and 503, and 502 and 504 except for a `POST` that creates
/// something (a server, a link, a token: behind a proxy's 502 or 504 it may exist
/// already, and a second attempt would make a second one). Never retried: any other status, a
/// write whose connection was lost after sending (it may have been applied: see
/// [`Error::may_have_applied`](crate::Error::may_have_applied)), an answer that is not
/// valid HTTP, timeouts (the limit covers the request and its retries), a request whose
/// body cannot be replayed. [`Error::is_retryable`](crate::Error::is_retryable) reads the
/// same classification. Waits grow exponentially with jitter, each capped by
/// [`RetryPolicy::max_backoff`]; a `Retry-After` longer than the cap is not waited for:
/// the error is returned with [`Error::retry_after`](crate::Error::retry_after) set.
///
/// ```
/// use std::time::Duration;
/// use mcp_admin::RetryPolicy;
///
/// let policy = RetryPolicy::default().max_attempts(5).max_backoff(Duration::from_secs(2));
/// assert_eq!(policy.attempts(), 5);
/// assert_eq!(RetryPolicy::none().attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// 3 attempts, 250 ms initial backoff doubling each time, no single wait over 10 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Total attempts including the first (at least 1).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// The wait before the first retry; later waits double it.
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The longest single wait, including a server's `Retry-After`.
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// The number of attempts this policy allows.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether attempt `attempt` (1-based) may be followed by another.
    pub(super) fn allows_after(&self, attempt: u32) -> bool {
        attempt < self.max_attempts
    }

    /// The wait after failed attempt `attempt` (1-based), or `None` when the server asked
    /// for longer than the cap. `jitter` is a random sample that spreads the wait.
    fn backoff(
        &self,
        attempt: u32,
        retry_after: Option<Duration>,
        jitter: u64,
    ) -> Option<Duration> {
        if let Some(wait) = retry_after {
            return (wait <= self.max_backoff).then_some(wait);
        }
        let exp = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(attempt.saturating_sub(1)))
            .min(self.max_backoff);
        // Equal jitter: half fixed, half random, so concurrent clients spread out.
        let half = exp / 2;
        let nanos = u64::try_from(half.as_nanos()).unwrap_or(u64::MAX);
        let jitter = if nanos == 0 { 0 } else { jitter % nanos };
        Some(half + Duration::from_nanos(jitter))
    }
}

/// What one attempt came to, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// The server answered with this status (and perhaps a `Retry-After`).
    Answered {
        status: StatusCode,
        retry_after: Option<Duration>,
    },
    /// No complete answer, for this reason.
    Failed(FailureKind),
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Decision {
    /// Wait this long, then send again.
    Retry(Duration),
    /// Keep this attempt's outcome.
    Stop,
}

/// The time a retry must fit in: from `now` until the call's deadline (`None`: none).
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    pub(super) now: Instant,
    pub(super) deadline: Option<Instant>,
}

impl Window {
    /// Whether a wait of `wait` from `now` ends before the deadline.
    fn fits(self, wait: Duration) -> bool {
        match (self.now.checked_add(wait), self.deadline) {
            (Some(end), Some(deadline)) => end < deadline,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

/// What sending a request twice may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Repeat {
    /// A read (`GET`, `HEAD`): repeating it changes nothing.
    Read,
    /// A write whose repetition lands on the same state (`PATCH`, `PUT`, `DELETE`): a
    /// proxy's 502 or 504 may hide that it was applied, and applying it again is harmless
    /// (a versioned HasMCP PATCH is then refused as stale, a conflict).
    Idempotent,
    /// A `POST` that creates something (a server, a link, a token): after a 502 or 504 it
    /// may exist already, and a repeat would make a second one.
    Once,
}

/// Whether attempt `attempt` (1-based), which ended in `outcome`, is tried again and
/// after what wait, for a request that `repeat` says may or may not be sent twice.
/// Pure: the clock and the random `jitter` are inputs, asked for only when a retry is
/// possible (most attempts end in an answer that is kept, and need neither).
pub(super) fn decide(
    policy: &RetryPolicy,
    attempt: u32,
    outcome: Outcome,
    window: impl FnOnce() -> Window,
    jitter: impl FnOnce() -> u64,
    repeat: Repeat,
) -> Decision {
    if !policy.allows_after(attempt) {
        return Decision::Stop;
    }
    let retry_after = match outcome {
        Outcome::Answered {
            status,
            retry_after,
        } if retryable_status(status, repeat) => retry_after,
        Outcome::Failed(kind) if kind.is_retried(repeat == Repeat::Read) => None,
        Outcome::Answered { .. } | Outcome::Failed(_) => return Decision::Stop,
    };
    match policy.backoff(attempt, retry_after, jitter()) {
        Some(wait) if window().fits(wait) => Decision::Retry(wait),
        _ => Decision::Stop,
    }
}

/// 429 and 503 say the request was not handled; a 502 or 504 from a proxy does not say
/// whether the server behind it applied the request, so only what may be repeated is.
fn retryable_status(status: StatusCode, repeat: Repeat) -> bool {
    match status.as_u16() {
        429 | 503 => true,
        502 | 504 => repeat != Repeat::Once,
        _ => false,
    }
}

/// Whether an answer with `status` may be retried for some request: only then is its
/// `Retry-After` worth reading.
pub(super) fn may_retry(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// The wait before round `round` (1-based) of a caller's own retry loop, such as a
/// re-read after a lost race: `client`'s policy's backoff for that attempt, jittered and
/// capped like the waits between attempts of one request.
pub(crate) fn round_backoff(client: &crate::raw::Client, round: u32) -> Duration {
    use progenitor_client::ClientInfo;
    let policy = &client.inner().inner.retry;
    policy
        .backoff(round, None, jitter())
        .unwrap_or(policy.max_backoff)
}

/// A random sample for [`decide`]'s jitter.
pub(super) fn jitter() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos().into()),
    );
    h.finish()
}

/// `Retry-After` as seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    const MS: Duration = Duration::from_millis(1);
    const CONNECT: Outcome = Outcome::Failed(FailureKind::Connect);

    fn policy() -> RetryPolicy {
        RetryPolicy::default()
            .initial_backoff(100 * MS)
            .max_backoff(300 * MS)
    }

    fn status(code: u16, retry_after: Option<Duration>) -> Outcome {
        Outcome::Answered {
            status: StatusCode::from_u16(code).unwrap(),
            retry_after,
        }
    }

    /// A window with no deadline.
    /// [`super::decide`] with the clock and the jitter given.
    fn decide(
        policy: &RetryPolicy,
        attempt: u32,
        outcome: Outcome,
        window: Window,
        jitter: u64,
        repeat: Repeat,
    ) -> Decision {
        super::decide(policy, attempt, outcome, || window, || jitter, repeat)
    }

    #[test]
    fn a_kept_answer_reads_neither_the_clock_nor_the_jitter() {
        let p = policy();
        for outcome in [
            status(200, None),
            status(404, None),
            status(503, None),
            Outcome::Failed(FailureKind::Timeout),
        ] {
            // The last attempt, or an answer no retry follows.
            let attempt = if outcome == status(503, None) { 3 } else { 1 };
            assert_eq!(
                super::decide(
                    &p,
                    attempt,
                    outcome,
                    || panic!("the clock was read"),
                    || panic!("the jitter was drawn"),
                    Repeat::Once,
                ),
                Decision::Stop,
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn only_retryable_statuses_have_their_retry_after_read() {
        for code in [429, 502, 503, 504] {
            assert!(may_retry(StatusCode::from_u16(code).unwrap()), "{code}");
        }
        for code in [200, 204, 400, 401, 404, 409, 422, 500, 501] {
            assert!(!may_retry(StatusCode::from_u16(code).unwrap()), "{code}");
        }
    }

    fn open() -> Window {
        Window {
            now: Instant::now(),
            deadline: None,
        }
    }

    #[test]
    fn retryable_outcomes_wait_half_fixed_half_jitter() {
        let p = policy().max_attempts(9);
        for code in [429, 502, 503, 504] {
            assert_eq!(
                decide(&p, 1, status(code, None), open(), 0, Repeat::Idempotent),
                Decision::Retry(50 * MS)
            );
        }
        assert_eq!(
            decide(&p, 1, CONNECT, open(), 0, Repeat::Idempotent),
            Decision::Retry(50 * MS)
        );
        // The random half: jitter modulo half the backoff, in nanoseconds.
        assert_eq!(
            decide(&p, 1, CONNECT, open(), 7, Repeat::Idempotent),
            Decision::Retry(50 * MS + Duration::from_nanos(7))
        );
        assert_eq!(
            decide(&p, 2, CONNECT, open(), 100_000_001, Repeat::Idempotent),
            Decision::Retry(100 * MS + Duration::from_nanos(1))
        );
    }

    #[test]
    fn a_create_is_not_repeated_after_a_proxy_error_but_is_after_429_and_503() {
        let p = policy().max_attempts(9);
        for code in [502, 504] {
            assert_eq!(
                decide(&p, 1, status(code, None), open(), 0, Repeat::Once),
                Decision::Stop,
                "{code}"
            );
        }
        for code in [429, 503] {
            assert_eq!(
                decide(&p, 1, status(code, None), open(), 0, Repeat::Once),
                Decision::Retry(50 * MS),
                "{code}"
            );
        }
        // Nothing was sent: a refused connection is tried again whatever the method.
        assert_eq!(
            decide(&p, 1, CONNECT, open(), 0, Repeat::Once),
            Decision::Retry(50 * MS)
        );
    }

    #[test]
    fn a_lost_connection_is_retried_for_reads_only() {
        let lost = Outcome::Failed(FailureKind::Lost);
        let p = policy();
        assert_eq!(
            decide(&p, 1, lost, open(), 0, Repeat::Read),
            Decision::Retry(50 * MS)
        );
        assert_eq!(
            decide(&p, 1, lost, open(), 0, Repeat::Idempotent),
            Decision::Stop
        );
        assert_eq!(
            decide(&p, 1, CONNECT, open(), 0, Repeat::Idempotent),
            Decision::Retry(50 * MS)
        );
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = policy().max_attempts(9);
        let fixed: Vec<Decision> = (1..6)
            .map(|attempt| decide(&p, attempt, CONNECT, open(), 0, Repeat::Idempotent))
            .collect();
        assert_eq!(
            fixed,
            [50u32, 100, 150, 150, 150].map(|ms| Decision::Retry(ms * MS))
        );
    }

    #[test]
    fn other_outcomes_and_the_last_attempt_stop() {
        let p = policy();
        for code in [200, 301, 400, 401, 404, 409, 500, 501] {
            assert_eq!(
                decide(&p, 1, status(code, None), open(), 0, Repeat::Idempotent),
                Decision::Stop
            );
        }
        for kind in [
            FailureKind::Timeout,
            FailureKind::Lost,
            FailureKind::Malformed,
            FailureKind::Body,
            FailureKind::Other,
        ] {
            let outcome = Outcome::Failed(kind);
            assert_eq!(
                decide(&p, 1, outcome, open(), 0, Repeat::Idempotent),
                Decision::Stop
            );
        }
        for kind in [
            FailureKind::Timeout,
            FailureKind::Malformed,
            FailureKind::Other,
        ] {
            let outcome = Outcome::Failed(kind);
            assert_eq!(
                decide(&p, 1, outcome, open(), 0, Repeat::Read),
                Decision::Stop
            );
        }
        assert_eq!(
            decide(&p, 3, CONNECT, open(), 0, Repeat::Idempotent),
            Decision::Stop
        );
        assert_eq!(
            decide(
                &RetryPolicy::none(),
                1,
                status(503, None),
                open(),
                0,
                Repeat::Idempotent
            ),
            Decision::Stop
        );
    }

    #[test]
    fn retry_after_is_waited_unless_over_the_cap() {
        let p = policy();
        assert_eq!(
            decide(
                &p,
                1,
                status(429, Some(200 * MS)),
                open(),
                12_345,
                Repeat::Idempotent
            ),
            Decision::Retry(200 * MS)
        );
        assert_eq!(
            decide(
                &p,
                1,
                status(503, Some(Duration::from_secs(1))),
                open(),
                0,
                Repeat::Idempotent
            ),
            Decision::Stop
        );
    }

    #[test]
    fn waits_past_the_deadline_stop() {
        let now = Instant::now();
        let window = Window {
            now,
            deadline: now.checked_add(Duration::from_secs(1)),
        };
        let p = policy().max_backoff(Duration::from_secs(5));
        assert_eq!(
            decide(
                &p,
                1,
                status(503, Some(999 * MS)),
                window,
                0,
                Repeat::Idempotent
            ),
            Decision::Retry(999 * MS)
        );
        assert_eq!(
            decide(
                &p,
                1,
                status(503, Some(Duration::from_secs(1))),
                window,
                0,
                Repeat::Idempotent
            ),
            Decision::Stop
        );
        assert!(window.fits(MS));
        assert!(!window.fits(Duration::from_secs(2)));
        assert!(open().fits(Duration::from_secs(2)));
        assert!(!open().fits(Duration::MAX));
    }

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(120);
        h.insert(
            RETRY_AFTER,
            HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap(),
        );
        let got = retry_after(&h).unwrap();
        assert!(got > Duration::from_secs(100) && got <= Duration::from_secs(120));
        h.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
    }
}
