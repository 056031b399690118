//! Tests for the shared test harness in `support/`.

mod support;

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use azure_core::{
    error::ErrorKind,
    http::{
        ClientOptions, Context, Method, Pipeline, RawResponse, Request, RetryOptions, StatusCode,
        Url, policies::auth::BearerTokenAuthorizationPolicy,
    },
};
use serde_json::json;
use support::{
    Reply, TEST_TOKEN, TestCredential, TestServer, client_options, client_options_with,
    fast_retries, http_client,
};

/// Upper bound for any single test step, so a broken fault mode fails fast.
const GUARD: Duration = Duration::from_secs(5);

fn url(server: &TestServer, target: &str) -> Url {
    Url::parse(&format!("{}{target}", server.url())).unwrap()
}

/// A pipeline with only the bearer-token policy on top of `options`.
fn pipeline(options: ClientOptions, credential: Arc<TestCredential>) -> Pipeline {
    let auth = BearerTokenAuthorizationPolicy::new(credential, ["scope/.default"]);
    Pipeline::new(None, None, options, vec![], vec![Arc::new(auth)], None)
}

/// `error` and all its sources, joined with " | ".
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(inner) = source {
        parts.push(inner.to_string());
        source = inner.source();
    }
    parts.join(" | ")
}

async fn get(pipeline: &Pipeline, url: Url) -> azure_core::Result<RawResponse> {
    let mut request = Request::new(url, Method::Get);
    tokio::time::timeout(GUARD, pipeline.send(&Context::new(), &mut request, None))
        .await
        .expect("pipeline hung")
}

#[tokio::test]
async fn reqwest_client_gets_scripted_reply_and_request_is_recorded() {
    let server = TestServer::start(vec![
        Reply::json(201, json!({"id": 7})).header("x-test", "yes"),
    ])
    .await;
    assert!(server.url().starts_with("https://localhost:"));

    let response = http_client(&server)
        .post(format!("{}/items?api-version=2024-01-01", server.url()))
        .header("x-custom", "abc")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.headers()["x-test"], "yes");
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body, json!({"id": 7}));

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/items?api-version=2024-01-01");
    assert_eq!(request.path(), "/items");
    assert_eq!(request.query(), Some("api-version=2024-01-01"));
    assert_eq!(request.header("X-Custom"), Some("abc"));
    assert_eq!(
        request.header("host"),
        Some(&server.url()["https://".len()..])
    );
    assert_eq!(request.body_str(), "hello");
}

#[tokio::test]
async fn recorded_target_keeps_percent_encoding() {
    let server = TestServer::start(vec![Reply::new(200), Reply::new(200)]).await;
    let client = http_client(&server);
    for target in ["/a%2Fb?x=1", "/p%20q/r?filter=a%20eq%20%27b%27&x=%2F"] {
        let response = client
            .get(format!("{}{target}", server.url()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
    }
    let targets: Vec<_> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        ["/a%2Fb?x=1", "/p%20q/r?filter=a%20eq%20%27b%27&x=%2F"]
    );
}

#[tokio::test]
async fn replies_in_order_then_500_when_script_exhausted() {
    let server = TestServer::start(vec![Reply::new(200).body("one"), Reply::new(204)]).await;
    let client = http_client(&server);
    let mut seen = Vec::new();
    for _ in 0..3 {
        let response = client.get(server.url()).send().await.unwrap();
        let status = response.status().as_u16();
        seen.push((status, response.text().await.unwrap()));
    }
    assert_eq!(seen[0], (200, "one".to_string()));
    assert_eq!(seen[1], (204, String::new()));
    assert_eq!(seen[2].0, 500);
    assert!(seen[2].1.contains("script exhausted"), "{}", seen[2].1);
    assert_eq!(server.remaining_replies(), 0);
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn client_trusts_only_its_own_server_certificate() {
    let trusted = TestServer::start(vec![]).await;
    let other = TestServer::start(vec![Reply::new(200)]).await;
    let error = http_client(&trusted)
        .get(other.url())
        .send()
        .await
        .unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    let chain = error_chain(&error);
    assert!(chain.contains("invalid peer certificate"), "{chain}");
    assert!(other.requests().is_empty());
}

#[tokio::test]
async fn pipeline_sends_bearer_token_and_credential_records_scopes() {
    let server = TestServer::start(vec![Reply::json(200, json!({"ok": true}))]).await;
    let credential = TestCredential::new();
    let pipeline = pipeline(client_options(&server), credential.clone());

    let response = get(&pipeline, url(&server, "/things/1?api-version=1"))
        .await
        .unwrap();
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(response.body()).unwrap(),
        json!({"ok": true})
    );

    let request = &server.requests()[0];
    assert_eq!(request.target, "/things/1?api-version=1");
    assert_eq!(
        request.header("authorization"),
        Some(&*format!("Bearer {TEST_TOKEN}"))
    );
    assert_eq!(credential.scopes_requested(), [["scope/.default"]]);

    let debug = format!("{credential:?}");
    assert!(!debug.contains(TEST_TOKEN), "{debug}");
}

#[tokio::test]
async fn no_retries_by_default_and_fast_retries_are_injectable() {
    let server = TestServer::start(vec![Reply::new(503), Reply::new(503), Reply::new(200)]).await;

    let plain = pipeline(client_options(&server), TestCredential::new());
    let error = get(&plain, url(&server, "/r")).await.unwrap_err();
    assert_eq!(error.http_status(), Some(StatusCode::ServiceUnavailable));
    assert_eq!(server.requests().len(), 1);

    let options = ClientOptions {
        retry: fast_retries(3),
        ..client_options(&server)
    };
    let retrying = pipeline(options, TestCredential::new());
    let started = Instant::now();
    let response = get(&retrying, url(&server, "/r")).await.unwrap();
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(server.requests().len(), 3);
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn slow_server_produces_timeout_error() {
    let server = TestServer::start(vec![Reply::new(200).delay(Duration::from_secs(30))]).await;
    let options = client_options_with(&server, RetryOptions::none(), Duration::from_millis(200));
    let pipeline = pipeline(options, TestCredential::new());

    let started = Instant::now();
    let error = get(&pipeline, url(&server, "/slow")).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    let source = error.downcast_ref::<reqwest::Error>();
    assert!(
        source.is_some_and(reqwest::Error::is_timeout),
        "expected a timeout, got {error:?}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn truncated_body_produces_client_error() {
    let body = vec![b'x'; 1000];
    let server = TestServer::start(vec![
        Reply::new(200).body(body.clone()).truncate_after(10),
        Reply::new(200).body(body).truncate_after(10),
    ])
    .await;

    // Headers and the first 10 body bytes arrive, then the connection drops.
    let mut response = http_client(&server).get(server.url()).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.content_length(), Some(1000));
    let mut received = Vec::new();
    let error = loop {
        match tokio::time::timeout(GUARD, response.chunk())
            .await
            .expect("body read hung")
        {
            Ok(Some(chunk)) => received.extend_from_slice(&chunk),
            Ok(None) => panic!("body ended cleanly after {} bytes", received.len()),
            Err(error) => break error,
        }
    };
    assert_eq!(received, b"x".repeat(10));
    assert!(error.is_body() || error.is_decode(), "{error:?}");

    // Through azure_core (which buffers the body) it is an I/O error.
    let pipeline = pipeline(client_options(&server), TestCredential::new());
    let error = get(&pipeline, url(&server, "/")).await.unwrap_err();
    assert_eq!(*error.kind(), ErrorKind::Io, "{error:?}");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn server_stops_when_dropped() {
    let server = TestServer::start(vec![]).await;
    let client = http_client(&server);
    let url = server.url();
    drop(server);
    // Give the runtime a moment to run the cancellation and close the socket.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let error = client.get(url).send().await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
}
