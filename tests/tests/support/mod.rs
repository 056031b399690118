// Shared by several test binaries via `mod support;`; each uses only part of it.
#![allow(dead_code)]

//! Test support: a scripted HTTPS server, a client that trusts only that
//! server's certificate, and a recording token credential.
//!
//! ```ignore
//! let server = TestServer::start(vec![Reply::json(200, json!({"ok": true}))]).await;
//! let options = client_options(&server); // no retries, 10 s timeout
//! // ... point a client at `server.url()` with `options`, send a request ...
//! assert_eq!(server.requests()[0].target, "/things?api-version=1");
//! ```

use std::{
    collections::VecDeque,
    convert::Infallible,
    fmt,
    net::{Ipv4Addr, SocketAddr},
    pin::Pin,
    sync::{Arc, Mutex, Once},
    task::{Context, Poll},
    time::Duration,
};

use async_trait::async_trait;
use azure_core::{
    credentials::{AccessToken, TokenCredential, TokenRequestOptions},
    http::{
        ClientOptions, RetryOptions, StatusCode, Transport,
        headers::{RETRY_AFTER, RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS},
        policies::{RetryHeaders, RetryPolicy},
    },
};
use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::{
    Request, Response,
    body::{Body, Frame, Incoming, SizeHint},
    server::conn::http1,
    service::service_fn,
};
use hyper_util::rt::TokioIo;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::{net::TcpListener, task::JoinSet};
use tokio_rustls::TlsAcceptor;

/// Client timeout used by [`client_options`] and [`http_client`], so that a
/// broken test fails instead of hanging.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The token [`TestCredential::new`] hands out.
pub const TEST_TOKEN: &str = "test-token-123";

/// Installs rustls' ring provider as the process default (once).
///
/// azure_core's default features also compile in aws-lc-rs; with two
/// providers rustls cannot pick one, so reqwest needs this explicit default.
pub fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Err means some other code already installed a default: fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

// ---------------------------------------------------------------------------
// Scripted replies
// ---------------------------------------------------------------------------

/// One scripted response. Build with [`Reply::new`] / [`Reply::json`] and
/// the builder methods.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
    /// Wait this long before sending anything (a slow server).
    pub delay: Option<Duration>,
    /// Send `Content-Length: body.len()` but only this many body bytes, then
    /// drop the connection (a reset mid-body).
    pub truncate_after: Option<usize>,
}

impl Reply {
    /// A reply with `status`, no extra headers and an empty body.
    pub fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Bytes::new(),
            delay: None,
            truncate_after: None,
        }
    }

    /// A reply with a JSON body and `content-type: application/json`.
    pub fn json(status: u16, value: serde_json::Value) -> Self {
        Self::new(status)
            .header("content-type", "application/json")
            .body(serde_json::to_vec(&value).expect("serialize JSON reply"))
    }

    /// Adds a response header (repeat for multi-valued headers).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the response body.
    pub fn body(mut self, body: impl Into<Bytes>) -> Self {
        self.body = body.into();
        self
    }

    /// Waits `delay` before answering.
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Announces the full body length but sends only the first `sent` bytes,
    /// then closes the connection. `sent` must be less than the body length.
    pub fn truncate_after(mut self, sent: usize) -> Self {
        assert!(
            sent < self.body.len(),
            "truncate_after({sent}) needs a body longer than {sent} bytes (set the body first)"
        );
        self.truncate_after = Some(sent);
        self
    }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// e.g. `"GET"`.
    pub method: String,
    /// The request target exactly as sent on the wire (path and query, not
    /// percent-decoded), e.g. `"/a%2Fb?x=1"`.
    pub target: String,
    /// Header names are lower-case (hyper normalises them); values are lossy UTF-8.
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

impl RecordedRequest {
    /// First value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The target before `?`.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The raw query string after `?`, if any.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, q)| q)
    }

    /// The body as UTF-8 (panics if it is not).
    pub fn body_str(&self) -> &str {
        std::str::from_utf8(&self.body).expect("request body is not UTF-8")
    }

    /// The body parsed as JSON (panics if it is not).
    pub fn body_json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is not JSON")
    }
}

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

#[derive(Default)]
struct State {
    script: VecDeque<Reply>,
    requests: Vec<RecordedRequest>,
}

/// An HTTPS (HTTP/1.1) server on 127.0.0.1 with a fresh self-signed
/// certificate for `localhost` and `127.0.0.1`. Each request gets the next
/// scripted [`Reply`]; once the script is used up it answers 500.
/// The server stops when this value is dropped.
pub struct TestServer {
    addr: SocketAddr,
    cert: CertificateDer<'static>,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl TestServer {
    /// Binds an ephemeral port and starts serving `script`.
    /// Must be called inside a tokio runtime.
    pub async fn start(script: Vec<Reply>) -> TestServer {
        install_crypto_provider();
        let generated =
            rcgen::generate_simple_self_signed(vec!["localhost".into(), "127.0.0.1".into()])
                .expect("generate test certificate");
        let cert = generated.cert.der().clone();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            generated.signing_key.serialize_der(),
        ));

        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut tls = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(vec![cert.clone()], key)
            .expect("server certificate");
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let acceptor = TlsAcceptor::from(Arc::new(tls));

        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .await
            .expect("bind test server");
        let addr = listener.local_addr().expect("local addr");
        let state = Arc::new(Mutex::new(State {
            script: script.into(),
            requests: Vec::new(),
        }));

        let task = tokio::spawn(accept_loop(listener, acceptor, state.clone()));
        TestServer {
            addr,
            cert,
            state,
            task,
        }
    }

    /// Base URL, `https://localhost:PORT` (no trailing slash).
    pub fn url(&self) -> String {
        format!("https://localhost:{}", self.addr.port())
    }

    /// The socket address the server listens on (always 127.0.0.1).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// DER of the server's self-signed certificate (the only one to trust).
    pub fn certificate_der(&self) -> &[u8] {
        &self.cert
    }

    /// All requests received so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Appends replies to the end of the script.
    pub fn push(&self, replies: impl IntoIterator<Item = Reply>) {
        self.state.lock().unwrap().script.extend(replies);
    }

    /// Number of scripted replies not yet used.
    pub fn remaining_replies(&self) -> usize {
        self.state.lock().unwrap().script.len()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // Aborting the accept loop drops its JoinSet, which aborts every
        // connection task too.
        self.task.abort();
    }
}

impl fmt::Debug for TestServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestServer")
            .field("url", &self.url())
            .finish_non_exhaustive()
    }
}

async fn accept_loop(listener: TcpListener, acceptor: TlsAcceptor, state: Arc<Mutex<State>>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((tcp, _)) = accepted else { continue };
                connections.spawn(serve_connection(tcp, acceptor.clone(), state.clone()));
            }
            // Reap finished connections so the set does not grow forever.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve_connection(
    tcp: tokio::net::TcpStream,
    acceptor: TlsAcceptor,
    state: Arc<Mutex<State>>,
) {
    // A failed handshake (e.g. the client rejected our certificate) just ends
    // this connection.
    let Ok(tls) = acceptor.accept(tcp).await else {
        return;
    };
    let service = service_fn(move |req| handle(req, state.clone()));
    // Errors here are expected for fault replies (truncated bodies, clients
    // that time out); the test observes them on the client side.
    let _ = http1::Builder::new()
        .serve_connection(TokioIo::new(tls), service)
        .await;
}

async fn handle(
    req: Request<Incoming>,
    state: Arc<Mutex<State>>,
) -> Result<Response<ReplyBody>, Infallible> {
    let method = req.method().to_string();
    // For origin-form targets (what clients send to a non-proxy server) the
    // Uri keeps the bytes from the request line unmodified.
    let target = req.uri().to_string();
    let headers = req
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = match req.into_body().collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => Bytes::new(),
    };

    let (reply, number) = {
        let mut state = state.lock().unwrap();
        state.requests.push(RecordedRequest {
            method: method.clone(),
            target: target.clone(),
            headers,
            body,
        });
        (state.script.pop_front(), state.requests.len())
    };
    let reply =
        reply.unwrap_or_else(|| {
            Reply::new(500).header("content-type", "text/plain").body(format!(
            "TestServer: script exhausted, no reply for request #{number} ({method} {target})"
        ))
        });

    if let Some(delay) = reply.delay {
        tokio::time::sleep(delay).await;
    }

    let mut response = Response::builder().status(reply.status);
    for (name, value) in &reply.headers {
        response = response.header(name.as_str(), value.as_str());
    }
    let body = match reply.truncate_after {
        None => ReplyBody::full(reply.body),
        Some(sent) => {
            response = response.header("content-length", reply.body.len().to_string());
            ReplyBody::truncated(reply.body.slice(..sent))
        }
    };
    Ok(response.body(body).expect("invalid scripted reply"))
}

/// Response body: either the whole payload, or a prefix followed by an
/// error (which makes hyper abort the connection).
struct ReplyBody {
    data: Option<Bytes>,
    truncated: bool,
    /// Pause before failing so hyper flushes the headers and the prefix.
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl ReplyBody {
    fn full(data: Bytes) -> Self {
        Self {
            data: Some(data),
            truncated: false,
            pause: None,
        }
    }

    fn truncated(prefix: Bytes) -> Self {
        Self {
            data: Some(prefix),
            truncated: true,
            pause: Some(Box::pin(tokio::time::sleep(Duration::from_millis(20)))),
        }
    }
}

impl Body for ReplyBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        if let Some(data) = self.data.take()
            && !data.is_empty()
        {
            return Poll::Ready(Some(Ok(Frame::data(data))));
        }
        if !self.truncated {
            return Poll::Ready(None);
        }
        if let Some(pause) = self.pause.as_mut() {
            std::task::ready!(pause.as_mut().poll(cx));
            self.pause = None;
        }
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "TestServer: truncated reply",
        ))))
    }

    fn is_end_stream(&self) -> bool {
        !self.truncated && self.data.as_ref().is_none_or(Bytes::is_empty)
    }

    fn size_hint(&self) -> SizeHint {
        match (&self.data, self.truncated) {
            // Exact length lets hyper send Content-Length for normal replies.
            (Some(data), false) => SizeHint::with_exact(data.len() as u64),
            (None, false) => SizeHint::with_exact(0),
            (_, true) => SizeHint::default(),
        }
    }
}

// ---------------------------------------------------------------------------
// Client side
// ---------------------------------------------------------------------------

/// A reqwest client that trusts only `server`'s certificate, resolves
/// `localhost` to 127.0.0.1, ignores proxy env vars, and has `timeout` as
/// its whole-request timeout.
pub fn http_client_with_timeout(server: &TestServer, timeout: Duration) -> reqwest::Client {
    install_crypto_provider();
    let cert = reqwest::Certificate::from_der(server.certificate_der()).expect("certificate");
    reqwest::Client::builder()
        .tls_certs_only([cert])
        .resolve("localhost", SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .no_proxy()
        .timeout(timeout)
        .build()
        .expect("build reqwest client")
}

/// [`http_client_with_timeout`] with [`DEFAULT_TIMEOUT`].
pub fn http_client(server: &TestServer) -> reqwest::Client {
    http_client_with_timeout(server, DEFAULT_TIMEOUT)
}

/// Client options for talking to `server`: the trusting reqwest transport,
/// no retries, [`DEFAULT_TIMEOUT`]. Override fields with struct update
/// syntax, e.g. `ClientOptions { retry: fast_retries(3), ..client_options(&s) }`.
pub fn client_options(server: &TestServer) -> ClientOptions {
    client_options_with(server, RetryOptions::none(), DEFAULT_TIMEOUT)
}

/// Like [`client_options`] with explicit retry options and request timeout.
pub fn client_options_with(
    server: &TestServer,
    retry: RetryOptions,
    timeout: Duration,
) -> ClientOptions {
    let client = http_client_with_timeout(server, timeout);
    ClientOptions {
        transport: Some(Transport::new(Arc::new(client))),
        retry,
        ..Default::default()
    }
}

/// Retry up to `max_retries` times with a 1 ms pause (no jitter), honouring
/// the same retry-after headers as azure_core. Retries azure_core's default
/// status codes (408, 429, 500, 502, 503, 504) and I/O or connection errors.
///
/// (`RetryOptions::fixed` would add up to 256 ms of random jitter per try.)
pub fn fast_retries(max_retries: u32) -> RetryOptions {
    RetryOptions::custom(Arc::new(FastRetry {
        max_retries,
        headers: RetryHeaders {
            retry_headers: vec![X_MS_RETRY_AFTER_MS, RETRY_AFTER_MS, RETRY_AFTER],
        },
    }))
}

#[derive(Debug)]
struct FastRetry {
    max_retries: u32,
    headers: RetryHeaders,
}

impl RetryPolicy for FastRetry {
    fn is_expired(&self, _elapsed: azure_core::time::Duration, retry_count: u32) -> bool {
        retry_count >= self.max_retries
    }

    fn retry_headers(&self) -> Option<&RetryHeaders> {
        Some(&self.headers)
    }

    fn retry_status_codes(&self) -> &[StatusCode] {
        // Empty means azure_core's defaults.
        &[]
    }

    fn sleep_duration(&self, _retry_count: u32) -> azure_core::time::Duration {
        azure_core::time::Duration::milliseconds(1)
    }
}

// ---------------------------------------------------------------------------
// Credential
// ---------------------------------------------------------------------------

/// A [`TokenCredential`] returning a fixed token valid for one hour and
/// recording the scopes of every `get_token` call. Debug hides the token.
pub struct TestCredential {
    token: String,
    scopes: Mutex<Vec<Vec<String>>>,
}

impl TestCredential {
    /// A credential handing out [`TEST_TOKEN`].
    pub fn new() -> Arc<Self> {
        Self::with_token(TEST_TOKEN)
    }

    /// A credential handing out `token`.
    pub fn with_token(token: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            token: token.into(),
            scopes: Mutex::new(Vec::new()),
        })
    }

    /// The scopes of each `get_token` call, in call order.
    pub fn scopes_requested(&self) -> Vec<Vec<String>> {
        self.scopes.lock().unwrap().clone()
    }
}

impl fmt::Debug for TestCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestCredential")
            .field("token", &"<redacted>")
            .field("calls", &self.scopes.lock().unwrap().len())
            .finish()
    }
}

#[async_trait]
impl TokenCredential for TestCredential {
    async fn get_token(
        &self,
        scopes: &[&str],
        _options: Option<TokenRequestOptions<'_>>,
    ) -> azure_core::Result<AccessToken> {
        self.scopes
            .lock()
            .unwrap()
            .push(scopes.iter().map(|s| s.to_string()).collect());
        Ok(AccessToken::new(
            self.token.clone(),
            azure_core::time::OffsetDateTime::now_utc() + azure_core::time::Duration::hours(1),
        ))
    }
}
