//! The hooks progenitor calls for every request: the headers the platforms need, the
//! send loop with its retries and trace spans, and reading bodies within the limit.

use std::{future::Future, time::Instant};

use bytes::{Bytes, BytesMut};
use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};
use reqwest::{
    header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, LOCATION},
    Method, Request, Response, ResponseBuilderExt, StatusCode, Url,
};
use tracing::{field::Empty, Instrument, Span};

use super::{
    body::bounded,
    check_operation,
    failure::classify,
    ops,
    outcome::Answer,
    record_answer, record_sent_body,
    retry::{self, decide, Decision, Outcome, Repeat, Window},
    Transport, TransportInner,
};
use crate::error::BODY_SNIPPET_LIMIT;

const METHOD_OVERRIDE: HeaderName = HeaderName::from_static("x-http-method-override");

impl ClientHooks<Transport> for crate::raw::Client {
    async fn pre<E>(
        &self,
        request: &mut Request,
        _info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        let t = &self.inner().inner;
        request.headers_mut().insert(AUTHORIZATION, t.auth.clone());
        if request.body().is_some() && !request.headers().contains_key(CONTENT_TYPE) {
            // WordPress silently ignores a body without the JSON content type.
            request
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        if t.method_override && request.method() == Method::PATCH {
            *request.method_mut() = Method::POST;
            request
                .headers_mut()
                .insert(METHOD_OVERRIDE, HeaderValue::from_static("PATCH"));
        }
        Ok(())
    }

    // `execute`'s future itself, not one more layer around it.
    fn exec(
        &self,
        request: Request,
        info: &OperationInfo,
    ) -> impl Future<Output = reqwest::Result<Response>> {
        check_operation(info.operation_id);
        execute(&self.inner().inner, self.client(), request, info)
    }
}

/// Sends `request`, retrying per the policy within the whole-request deadline, and
/// returns the last response with its body read (bounded) into memory.
async fn execute(
    t: &TransportInner,
    client: &reqwest::Client,
    request: Request,
    info: &OperationInfo,
) -> reqwest::Result<Response> {
    // `None`: a limit too large to represent, i.e. no limit.
    let deadline = Instant::now().checked_add(t.timeout);
    // A read may be sent again after its connection was lost; a write may have been
    // applied. A POST carrying a method override is the PATCH it stands for.
    let repeat = match *request.method() {
        Method::GET | Method::HEAD => Repeat::Read,
        Method::POST if !request.headers().contains_key(METHOD_OVERRIDE) => Repeat::Once,
        _ => Repeat::Idempotent,
    };
    let mut current = request;
    let mut attempt = 1u32;
    loop {
        let retry_copy = prepare_attempt(t, &mut current, attempt, deadline);
        let span = attempt_span(t, info, &current, attempt);
        let result = send_attempt(client, current, &span).await;

        let decision = decide(
            &t.retry,
            attempt,
            observe(&result, &span),
            || Window {
                now: Instant::now(),
                deadline,
            },
            retry::jitter,
            repeat,
        );
        match (decision, retry_copy) {
            (Decision::Retry(wait), Some(next)) => {
                span.in_scope(|| tracing::debug!(wait_ms = wait.as_millis() as u64, "retrying"));
                drop(result);
                tokio::time::sleep(wait).await;
                current = next;
                attempt += 1;
            }
            (_, copy) => {
                if let Some(body) = copy.and_then(|mut copy| copy.body_mut().take()) {
                    record_sent_body(body);
                }
                return finish(result, span, t.max_response_bytes).await;
            }
        }
    }
}

/// Readies `current` for its attempt: returns the copy to send again should it be
/// retried, keeps the body sent where there is none, and gives a retry what is left of
/// the deadline.
fn prepare_attempt(
    t: &TransportInner,
    current: &mut Request,
    attempt: u32,
    deadline: Option<Instant>,
) -> Option<Request> {
    let retry_copy = if t.retry.allows_after(attempt) {
        copy_for_retry(current)
    } else {
        None
    };
    if retry_copy.is_none() {
        // Whatever the server echoes of the credentials sent must not reach an
        // error; where there is a copy, its body is kept instead (below).
        if let Some(body) = current.body().and_then(reqwest::Body::as_bytes) {
            record_sent_body(Bytes::copy_from_slice(body).into());
        }
    }
    // The first attempt runs under the client's own timeout, which is the whole
    // request's; a retry gets what is left of it. (Setting it gives the request an
    // extension map, so only retries pay for that.)
    if attempt > 1 {
        *current.timeout_mut() = deadline.map(|d| d.saturating_duration_since(Instant::now()));
    }
    retry_copy
}

/// Sends one attempt, inside its span and timed when tracing listens.
async fn send_attempt(
    client: &reqwest::Client,
    current: Request,
    span: &Span,
) -> reqwest::Result<Response> {
    if span.is_disabled() {
        client.execute(current).await
    } else {
        let started = Instant::now();
        let result = client.execute(current).instrument(span.clone()).await;
        span.record("elapsed_ms", started.elapsed().as_millis() as u64);
        result
    }
}

/// A copy of `request` to send again, or `None` for a streamed body (which cannot be
/// sent twice). `Request::try_clone` would also give the copy a timeout extension (an
/// allocated map) that a retry sets anyway.
fn copy_for_retry(request: &Request) -> Option<Request> {
    let body = match request.body() {
        Some(body) => Some(Bytes::copy_from_slice(body.as_bytes()?)),
        None => None,
    };
    let mut copy = Request::new(request.method().clone(), request.url().clone());
    *copy.headers_mut() = request.headers().clone();
    *copy.version_mut() = request.version();
    *copy.body_mut() = body.map(reqwest::Body::from);
    Some(copy)
}

/// The span of one attempt; the path is the spec's template, without the caller's ids.
fn attempt_span(t: &TransportInner, info: &OperationInfo, request: &Request, attempt: u32) -> Span {
    tracing::debug_span!(
        "mcp_admin.request",
        platform = %t.platform,
        operation = info.operation_id,
        method = %request.method(),
        path = ops::by_id(info.operation_id).map(|op| op.path),
        attempt,
        status = Empty,
        elapsed_ms = Empty,
    )
}

/// Traces an attempt's response and says what it came to for the retry decision.
fn observe(result: &reqwest::Result<Response>, span: &Span) -> Outcome {
    match result {
        Ok(response) => {
            let status = response.status();
            span.record("status", status.as_u16());
            span.in_scope(|| tracing::debug!("response"));
            Outcome::Answered {
                status,
                retry_after: retry::may_retry(status)
                    .then(|| retry::retry_after(response.headers()))
                    .flatten(),
            }
        }
        Err(e) => Outcome::Failed(classify(e)),
    }
}

/// The last attempt's result, its body buffered within the limit.
async fn finish(
    result: reqwest::Result<Response>,
    span: Span,
    limit: usize,
) -> reqwest::Result<Response> {
    match result {
        Ok(response) if span.is_disabled() => buffer(response, limit).await,
        Ok(response) => buffer(response, limit).instrument(span).await,
        Err(e) => {
            span.in_scope(|| tracing::debug!(error = %e, "request failed"));
            Err(e)
        }
    }
}

/// Reads the body into memory, stopping at `limit`; records what `call` needs to map
/// an error.
async fn buffer(mut response: Response, limit: usize) -> reqwest::Result<Response> {
    let status = response.status();
    // The common success: a 200 whose declared length fits. hyper reads no more than
    // that length, so the generated code may read it directly; should it not decode,
    // progenitor hands the bytes back with the error.
    if status == StatusCode::OK && response.content_length().is_some_and(|n| n <= limit as u64) {
        record_answer(Answer::status_only(status));
        return Ok(response);
    }
    let declared_too_large = response.content_length().is_some_and(|n| n > limit as u64);
    // Moved, not copied: the rebuilt response takes them over.
    let headers = std::mem::take(response.headers_mut());
    let answer = |body: Bytes, too_large: bool| Answer {
        status,
        retry_after: retry::retry_after(&headers),
        // Bounded here, masked when it makes an error.
        location: headers.get(LOCATION).map(|v| {
            bounded(
                &String::from_utf8_lossy(v.as_bytes()),
                2 * BODY_SNIPPET_LIMIT,
            )
        }),
        body,
        too_large,
    };
    let read = if declared_too_large {
        Ok(None)
    } else {
        read_bounded(&mut response, limit).await
    };
    let body = match read {
        Ok(Some(body)) => body,
        Ok(None) => {
            tracing::debug!(limit, "response body over the limit; not read further");
            record_answer(answer(Bytes::new(), true));
            return Ok(rebuild(&response, status, headers, Bytes::new()));
        }
        Err((e, partial)) => {
            // Cut short: the status and what arrived still make the error.
            record_answer(answer(partial, false));
            return Err(e);
        }
    };
    record_answer(answer(body.clone(), false));
    Ok(rebuild(&response, status, headers, body))
}

/// The body, read up to `limit` bytes: `Ok(None)` when it is larger. A read that
/// fails midway returns the error with what had arrived.
async fn read_bounded(
    response: &mut Response,
    limit: usize,
) -> Result<Option<Bytes>, (reqwest::Error, Bytes)> {
    let mut body = BytesMut::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) if body.len() + chunk.len() > limit => return Ok(None),
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) => return Ok(Some(body.freeze())),
            Err(e) => return Err((e, body.freeze())),
        }
    }
}

/// A response like `original` but with `headers` and the buffered `body`.
fn rebuild(original: &Response, status: StatusCode, headers: HeaderMap, body: Bytes) -> Response {
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = status;
    *rebuilt.headers_mut() = headers;
    *rebuilt.version_mut() = original.version();
    set_url(&mut rebuilt, original.url().clone());
    Response::from(rebuilt)
}

/// Without its URL, reqwest would parse a placeholder URL for every response.
fn set_url(response: &mut http::Response<Bytes>, url: Url) {
    if let Ok(with_url) = http::Response::builder().url(url).body(()) {
        *response.extensions_mut() = with_url.into_parts().0.extensions;
    }
}
