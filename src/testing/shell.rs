//! What both fakes share: an HTTP server on loopback, the bearer check, the fault
//! queue, the write hooks, the request log and a `Debug` without the secret. A
//! platform plugs in its state machine through [`Platform`].

use std::{
    collections::VecDeque,
    convert::Infallible,
    fmt,
    net::{Ipv4Addr, SocketAddr, TcpListener as StdListener},
    panic::AssertUnwindSafe,
    sync::{Arc, Mutex},
    time::Duration,
};

use bytes::Bytes;
use http::{header::CONTENT_TYPE, HeaderName, HeaderValue, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::{body::Incoming, server::conn::http1, service::service_fn};
use hyper_util::rt::TokioIo;
use tokio::{net::TcpListener, runtime::Runtime, sync::oneshot};

use super::{
    faults::{self, Effect, FaultQueue},
    lock, Fault, RecordedRequest,
};

/// A platform's state machine: everything a fake knows, and how it answers a request
/// that got past the injected faults.
pub(crate) trait Platform: Sized + Send + 'static {
    /// The public fake, which write hooks are given.
    type Fake: From<FakeServer<Self>>;
    /// The public fake's name, for `Debug`.
    const NAME: &'static str;
    /// The body of an injected `429`, sent as `text/plain`.
    const RATE_LIMITED: &'static str;
    /// The `Server` header the service's framework puts on every answer, if any.
    const SERVER: Option<&'static str> = None;

    /// The answer to an injected [`Fault::InternalError`].
    fn internal_error(reason: &str) -> Reply;

    /// Whether `req` may change state: write hooks run just before such a request is
    /// handled.
    fn is_write(req: &RecordedRequest) -> bool;

    /// Answers `req`. `authorized` says whether it carried `Bearer <secret>`; where
    /// that is checked, and what a refusal looks like, is the platform's.
    fn handle(&mut self, req: &RecordedRequest, authorized: bool) -> Reply;
}

/// Runs once, just before a write is handled, with no lock held.
type Hook<P> = Box<dyn FnOnce(&<P as Platform>::Fake) + Send>;

/// A fake server: the shared half of [`FakeHasMcp`](super::FakeHasMcp) and
/// [`FakeGetMcp`](super::FakeGetMcp).
pub(crate) struct FakeServer<P: Platform> {
    shared: Arc<Shared<P>>,
    /// Stops the server thread when dropped; `None` in the copy a write hook is lent.
    _stop: Option<oneshot::Sender<()>>,
}

struct Shared<P: Platform> {
    uri: String,
    secret: String,
    inner: Mutex<Inner<P>>,
}

struct Inner<P: Platform> {
    state: P,
    faults: FaultQueue,
    hooks: VecDeque<Hook<P>>,
    /// Faults waiting for a write: how many more writes pass first, and the fault.
    write_faults: Vec<(usize, Fault)>,
    requests: Vec<RecordedRequest>,
}

impl<P: Platform> fmt::Debug for FakeServer<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(P::NAME)
            .field("uri", &self.shared.uri)
            .finish_non_exhaustive()
    }
}

impl<P: Platform> FakeServer<P> {
    /// Starts serving on a random loopback port, from a thread of its own, with the
    /// state `init` builds from the server's origin.
    ///
    /// Panics when the machine cannot give it a port, a runtime or a thread: a test
    /// cannot run without them.
    pub(crate) fn start(secret: String, init: impl FnOnce(&str) -> P) -> Self {
        let (runtime, listener, addr) = match bind() {
            Ok(bound) => bound,
            Err(e) => panic!("{}: cannot start a server on loopback: {e}", P::NAME),
        };
        let uri = format!("http://{addr}");
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                state: init(&uri),
                faults: FaultQueue::default(),
                hooks: VecDeque::new(),
                write_faults: Vec::new(),
                requests: Vec::new(),
            }),
            uri,
            secret,
        });
        let (stop, stopped) = oneshot::channel();
        let serving = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name(format!("{} {addr}", P::NAME))
            .spawn(move || {
                runtime.spawn(accept(listener, serving));
                // Either a send or the sender's drop ends the wait; dropping the runtime
                // then closes every connection.
                let _ = runtime.block_on(stopped);
            });
        if let Err(e) = thread {
            panic!("{}: cannot start the server thread: {e}", P::NAME);
        }
        FakeServer {
            shared,
            _stop: Some(stop),
        }
    }

    pub(crate) fn uri(&self) -> &str {
        &self.shared.uri
    }

    pub(crate) fn secret(&self) -> &str {
        &self.shared.secret
    }

    /// Runs `f` on the state, under the lock.
    pub(crate) fn with_state<R>(&self, f: impl FnOnce(&mut P) -> R) -> R {
        f(&mut lock(&self.shared.inner).state)
    }

    pub(crate) fn inject(&self, fault: Fault, times: usize) {
        lock(&self.shared.inner).faults.push(fault, times);
    }

    pub(crate) fn inject_after(&self, skip: usize, fault: Fault) {
        lock(&self.shared.inner).faults.push_after(skip, fault, 1);
    }

    pub(crate) fn clear_faults(&self) {
        let mut inner = lock(&self.shared.inner);
        inner.faults.clear();
        inner.write_faults.clear();
    }

    pub(crate) fn inject_on_write(&self, nth: usize, fault: Fault) {
        if nth > 0 {
            lock(&self.shared.inner).write_faults.push((nth - 1, fault));
        }
    }

    pub(crate) fn before_next_write(&self, hook: impl FnOnce(&P::Fake) + Send + 'static) {
        lock(&self.shared.inner).hooks.push_back(Box::new(hook));
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.inner).requests.clone()
    }
}

/// A runtime for the server thread and a listener on a free loopback port, registered
/// with it.
fn bind() -> std::io::Result<(Runtime, TcpListener, SocketAddr)> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let listener = StdListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let listener = {
        let _in_runtime = runtime.enter();
        TcpListener::from_std(listener)?
    };
    Ok((runtime, listener, addr))
}

/// Serves every connection until the runtime is dropped.
async fn accept<P: Platform>(listener: TcpListener, shared: Arc<Shared<P>>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, say: wait for connections to close.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(respond(shared, req).await) }
            });
            // A client that hangs up ends its connection; nothing to report.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Records `req`, then answers it: with the next queued fault, or by the state
/// machine (after the fault's delay, if it is one). The token is checked first: a
/// request without it is answered by the state machine as unauthenticated, and
/// consumes neither a fault nor a write hook, which are meant for the client's own
/// requests.
async fn respond<P: Platform>(
    shared: Arc<Shared<P>>,
    req: hyper::Request<Incoming>,
) -> Response<Full<Bytes>> {
    let req = record(req).await;
    let authorized = req.bears(&shared.secret);
    let fault = {
        let mut inner = lock(&shared.inner);
        inner.requests.push(req.clone());
        if !authorized {
            return answer::<P>(inner.state.handle(&req, false));
        }
        let on_write = if P::is_write(&req) {
            take_write_fault(&mut inner.write_faults)
        } else {
            None
        };
        on_write.or_else(|| inner.faults.take())
    };
    let reply = match fault.map(|fault| faults::apply::<P>(&fault)) {
        None => serve(&shared, &req),
        Some(Effect::Answer(reply)) => reply,
        Some(Effect::Delay(delay)) => {
            // A task of its own, which the connection does not own: the request is
            // handled, and a write lands, even when the client has stopped waiting.
            let late = tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                serve(&shared, &req)
            });
            late.await.unwrap_or_else(|_| panicked())
        }
    };
    answer::<P>(reply)
}

/// The response for `reply`, with what the platform adds to every answer.
fn answer<P: Platform>(reply: Reply) -> Response<Full<Bytes>> {
    match P::SERVER {
        Some(server) => reply.header("server", server).into_response(),
        None => reply.into_response(),
    }
}

/// Counts one write against every fault waiting for a write; returns the first that is
/// due.
fn take_write_fault(waiting: &mut Vec<(usize, Fault)>) -> Option<Fault> {
    let due = waiting.iter().position(|(left, _)| *left == 0);
    let fault = due.map(|i| waiting.remove(i).1);
    for (left, _) in waiting.iter_mut() {
        *left = left.saturating_sub(1);
    }
    fault
}

/// Runs the next write hook, if `req` is a write, then the state machine, for a
/// request that bears the token. A panic in
/// either (a test's assertion in a hook, say) is printed as usual and answered with a
/// 500 that says so, rather than a closed connection.
fn serve<P: Platform>(shared: &Arc<Shared<P>>, req: &RecordedRequest) -> Reply {
    std::panic::catch_unwind(AssertUnwindSafe(|| hook_then_handle(shared, req)))
        .unwrap_or_else(|_| panicked())
}

fn panicked() -> Reply {
    Reply::text(500, "the fake panicked while serving this request")
}

fn hook_then_handle<P: Platform>(shared: &Arc<Shared<P>>, req: &RecordedRequest) -> Reply {
    if P::is_write(req) {
        // Taken out first: the hook runs without the lock, so it can use the fake.
        let hook = lock(&shared.inner).hooks.pop_front();
        if let Some(hook) = hook {
            let fake = P::Fake::from(FakeServer {
                shared: Arc::clone(shared),
                _stop: None,
            });
            hook(&fake);
        }
    }
    lock(&shared.inner).state.handle(req, true)
}

/// Reads the whole request.
async fn record(req: hyper::Request<Incoming>) -> RecordedRequest {
    let (parts, body) = req.into_parts();
    // A body cut short is recorded as far as it came.
    let body = body
        .collect()
        .await
        .map(|collected| collected.to_bytes().to_vec())
        .unwrap_or_default();
    RecordedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect(),
        body,
    }
}

/// An answer: status, content type, other headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reply {
    status: u16,
    content_type: &'static str,
    headers: Vec<(&'static str, String)>,
    body: String,
}

impl Reply {
    pub(crate) fn new(status: u16, content_type: &'static str, body: impl Into<String>) -> Self {
        Reply {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A reply in the frameworks' default `text/plain; charset=utf-8`.
    pub(crate) fn text(status: u16, body: impl Into<String>) -> Self {
        Reply::new(status, "text/plain; charset=utf-8", body)
    }

    /// Adds a header.
    pub(crate) fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The status code.
    pub(crate) fn status(&self) -> u16 {
        self.status
    }

    fn into_response(self) -> Response<Full<Bytes>> {
        let mut res = Response::new(Full::new(Bytes::from(self.body)));
        *res.status_mut() =
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = res.headers_mut();
        let content_type = (CONTENT_TYPE.as_str(), self.content_type.to_owned());
        for (name, value) in std::iter::once(content_type).chain(self.headers) {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(&value),
            ) {
                headers.append(name, value);
            }
        }
        res
    }
}
