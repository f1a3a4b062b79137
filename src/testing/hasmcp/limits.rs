//! What the service checks before any route: the body size (the web framework's
//! limit, for every path) and, under `/api/v1`, the per-client rate limiter.

use std::time::{Duration, Instant};

use crate::testing::shell::Reply;

/// The largest body the service reads: its default `maxBodySizeInBytes`.
pub(super) const MAX_BODY_BYTES: usize = 10_000_000;

/// The 413 of a body over [`MAX_BODY_BYTES`], as the framework's error handler sends it
/// (no content type of its own, so `text/plain`).
pub(super) fn body_too_large() -> Reply {
    Reply::text(413, r#"{"error": {"message":"max body size", "code":413}}"#)
}

/// The default limit: 1,000 requests per client in a 60-second window.
pub(super) const DEFAULT_LIMIT: Limit = Limit {
    max: 1000,
    window: Duration::from_secs(60),
};

/// A fixed-window limit: `max` requests, counted from the first one, per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Limit {
    pub(super) max: u32,
    pub(super) window: Duration,
}

/// The rate limiter in front of `/api/v1`. The service keys it by client address;
/// every client of a fake is on loopback, so they share one window.
#[derive(Debug)]
pub(super) struct RateLimiter {
    limit: Option<Limit>,
    /// When the current window ends, and the requests counted in it.
    window: Option<(Instant, u32)>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter {
            limit: Some(DEFAULT_LIMIT),
            window: None,
        }
    }
}

/// What the limiter made of a request.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    /// Let through; these headers go on its answer, whatever it is.
    Pass(Vec<(&'static str, String)>),
    /// Answered with this 429.
    Limited(Reply),
    /// No limit is set.
    Off,
}

impl RateLimiter {
    /// Sets the limit (`None`: off) and starts a new window.
    pub(super) fn set(&mut self, limit: Option<Limit>) {
        self.limit = limit;
        self.window = None;
    }

    /// Counts one request at `now`. As the framework's limiter: the window starts at
    /// the first request; request `max + 1` and later get a 429 with `Retry-After`
    /// (the seconds left in the window) and the service's own body; those let
    /// through carry `X-RateLimit-Limit`, `-Remaining` and `-Reset`.
    pub(super) fn check(&mut self, now: Instant) -> Verdict {
        let Some(limit) = self.limit else {
            return Verdict::Off;
        };
        let (end, hits) = match self.window {
            Some((end, hits)) if now < end => (end, hits + 1),
            _ => (now + limit.window, 1),
        };
        self.window = Some((end, hits));
        let left = end.saturating_duration_since(now);
        let reset = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        if hits > limit.max {
            return Verdict::Limited(
                Reply::text(429, r#"{"error": {"message":"ratelimited", "code":429}}"#)
                    .header("retry-after", reset.to_string()),
            );
        }
        Verdict::Pass(vec![
            ("x-ratelimit-limit", limit.max.to_string()),
            ("x-ratelimit-remaining", (limit.max - hits).to_string()),
            ("x-ratelimit-reset", reset.to_string()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_window_from_the_first_request() {
        let mut limiter = RateLimiter::default();
        limiter.set(Some(Limit {
            max: 2,
            window: Duration::from_secs(60),
        }));
        let start = Instant::now();
        let pass = |remaining: &str, reset: &str| {
            Verdict::Pass(vec![
                ("x-ratelimit-limit", "2".to_owned()),
                ("x-ratelimit-remaining", remaining.to_owned()),
                ("x-ratelimit-reset", reset.to_owned()),
            ])
        };
        assert_eq!(limiter.check(start), pass("1", "60"));
        assert_eq!(
            limiter.check(start + Duration::from_millis(30_500)),
            pass("0", "30")
        );
        let limited = Reply::text(429, r#"{"error": {"message":"ratelimited", "code":429}}"#)
            .header("retry-after", "20");
        assert_eq!(
            limiter.check(start + Duration::from_secs(40)),
            Verdict::Limited(limited)
        );
        assert_eq!(
            limiter.check(start + Duration::from_secs(60)),
            pass("1", "60")
        );
        limiter.set(None);
        assert_eq!(limiter.check(start), Verdict::Off);
    }
}
