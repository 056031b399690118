//! Tests of `DevCenterOperationStatusesClient::poll_get` (azure_core's
//! `Poller`) against the live local HTTPS server from `support/`.
//!
//! In-progress replies carry `retry-after-ms: 1` so that the suite does not
//! wait for the poller's frequency (30 s by default, at least 1 s), except in
//! the tests of the waiting itself. Every test runs under [`guarded`], so a
//! poller that hangs or ignores a retry-after header fails instead of
//! stalling the suite.

mod support;

use std::{
    future::IntoFuture,
    io,
    sync::{Arc, Mutex, OnceLock},
    time::{Duration as StdDuration, Instant},
};

use azure_core::{
    error::ErrorKind,
    http::{
        Context, RetryOptions, StatusCode,
        poller::{Poller, PollerOptions},
    },
    time::Duration,
};
use devcenter_client::{
    DevCenterClient, DevCenterClientOptions, DevCenterOperationStatusesClientPollGetOptions,
    OperationFailure,
    models::{ErrorResponse, OperationState, OperationStatus},
};
use futures::StreamExt;
use serde_json::json;
use support::{
    Reply, TEST_TOKEN, TestCredential, TestServer, client_options, client_options_with,
    fast_retries,
};
use tracing_subscriber::{filter::LevelFilter, fmt::MakeWriter, util::SubscriberInitExt};

const PROJECT: &str = "p";
const OPERATION_ID: &str = "fa067167-e49d-41bd-8dd8-de719b9de3b3";

/// The wire target of every status request.
const TARGET: &str =
    "/projects/p/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3?api-version=2025-02-01";

/// Upper bound for any one test: far above what a passing test needs, far
/// below the 30 s default frequency a missed retry-after header would cost.
const GUARD: StdDuration = StdDuration::from_secs(10);

/// Runs `future`, failing the test if it takes longer than [`GUARD`].
async fn guarded<F: IntoFuture>(future: F) -> F::Output {
    tokio::time::timeout(GUARD, future)
        .await
        .expect("timed out: the poller hangs or waited for its default frequency")
}

/// A status body in `state`, with `percentComplete` if given.
fn status_json(state: &str, percent: Option<f64>) -> serde_json::Value {
    let mut body = json!({
        "id": format!("/projects/{PROJECT}/operationStatuses/{OPERATION_ID}"),
        "name": OPERATION_ID,
        "status": state,
        "startTime": "2024-01-24T21:14:58.472Z",
    });
    if let Some(percent) = percent {
        body["percentComplete"] = json!(percent);
    }
    body
}

/// A 200 reply in a non-terminal `state` that asks to poll again after 1 ms.
fn in_progress(state: &str, percent: Option<f64>) -> Reply {
    Reply::json(200, status_json(state, percent)).header("retry-after-ms", "1")
}

/// A 200 reply in a terminal `state`.
fn terminal(state: &str) -> Reply {
    Reply::json(200, status_json(state, Some(100.0)))
}

fn client_with(server: &TestServer, options: azure_core::http::ClientOptions) -> DevCenterClient {
    let options = DevCenterClientOptions {
        client_options: options,
        ..Default::default()
    };
    DevCenterClient::new(&server.url(), TestCredential::new(), Some(options))
        .expect("create client")
}

/// A client for `server` without retries.
fn client(server: &TestServer) -> DevCenterClient {
    client_with(server, client_options(server))
}

fn poll_options(frequency: Duration) -> DevCenterOperationStatusesClientPollGetOptions<'static> {
    DevCenterOperationStatusesClientPollGetOptions {
        method_options: PollerOptions {
            frequency,
            context: Context::new(),
        },
    }
}

/// A poller with the default options (frequency 30 s).
fn poller(client: &DevCenterClient) -> Poller<OperationStatus> {
    client
        .operation_statuses_client()
        .poll_get(PROJECT, OPERATION_ID, None)
        .expect("create poller")
}

/// A poller with `frequency`.
fn poller_every(client: &DevCenterClient, frequency: Duration) -> Poller<OperationStatus> {
    client
        .operation_statuses_client()
        .poll_get(PROJECT, OPERATION_ID, Some(poll_options(frequency)))
        .expect("create poller")
}

/// Reads the poller as a stream to its end: every item must be `Ok`.
async fn collect_statuses(mut poller: Poller<OperationStatus>) -> Vec<OperationStatus> {
    let mut statuses = Vec::new();
    while let Some(item) = poller.next().await {
        let response = item.expect("every status reply reads");
        assert_eq!(response.status(), StatusCode::Ok);
        statuses.push(response.into_model().expect("status parses"));
    }
    statuses
}

/// Asserts that `server` saw exactly `count` GETs of [`TARGET`].
fn assert_status_gets(server: &TestServer, count: usize) {
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        count,
        "expected {count} requests, got {requests:#?}"
    );
    for request in &requests {
        assert_eq!(request.method, "GET");
        assert_eq!(request.target, TARGET);
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {TEST_TOKEN}").as_str())
        );
    }
}

/// The error's message and those of all its sources, joined by ` <- `.
fn error_chain(error: &azure_core::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        text.push_str(" <- ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

fn failed_error_json() -> serde_json::Value {
    json!({
        "code": "DeploymentFailed",
        "message": "The environment deployment failed.",
        "target": "environments/dev-box",
        "details": [{
            "code": "QuotaExceeded",
            "message": "The cores quota is exceeded.",
            "target": "cores"
        }],
        "innererror": {
            "code": "ArmDeploymentFailed",
            "innererror": { "code": "ResourceQuotaExceeded" }
        }
    })
}

/// Running, then Failed with [`failed_error_json`].
fn failed_script() -> Vec<Reply> {
    let mut failed = status_json("Failed", Some(100.0));
    failed["error"] = failed_error_json();
    vec![in_progress("Running", Some(50.0)), Reply::json(200, failed)]
}

// 1. Progress as a stream, then the final status.
#[tokio::test]
async fn stream_yields_every_status_in_order_then_ends() {
    let server = TestServer::start(vec![
        in_progress("NotStarted", None),
        in_progress("Running", Some(30.0)),
        in_progress("Running", Some(70.0)),
        terminal("Succeeded"),
    ])
    .await;
    let client = client(&server);

    let statuses = guarded(collect_statuses(poller(&client))).await;

    let seen: Vec<_> = statuses
        .iter()
        .map(|s| (s.status.clone(), s.percent_complete))
        .collect();
    assert_eq!(
        seen,
        [
            (Some(OperationState::NotStarted), None),
            (Some(OperationState::Running), Some(30.0)),
            (Some(OperationState::Running), Some(70.0)),
            (Some(OperationState::Succeeded), Some(100.0)),
        ]
    );
    assert!(
        statuses
            .iter()
            .all(|s| s.name.as_deref() == Some(OPERATION_ID))
    );
    assert_status_gets(&server, 4);
    assert_eq!(server.remaining_replies(), 0);
}

#[tokio::test]
async fn await_gives_final_succeeded_status() {
    let server = TestServer::start(vec![
        in_progress("NotStarted", None),
        in_progress("Running", Some(30.0)),
        in_progress("Running", Some(70.0)),
        terminal("Succeeded"),
    ])
    .await;
    let client = client(&server);

    let response = guarded(poller(&client)).await.expect("operation succeeds");
    assert_eq!(response.status(), StatusCode::Ok);
    let status = response.into_model().expect("final status parses");
    assert_eq!(status.status, Some(OperationState::Succeeded));
    assert_eq!(status.percent_complete, Some(100.0));
    assert_eq!(status.name.as_deref(), Some(OPERATION_ID));
    assert_status_gets(&server, 4);
}

// 2. Failed: an error carrying the last status and the service's error.
#[tokio::test]
async fn failed_operation_is_an_error_carrying_the_status() {
    let server = TestServer::start(failed_script()).await;
    let client = client(&server);

    let error = guarded(poller(&client))
        .await
        .expect_err("a failed operation must be an error");
    eprintln!("observed Failed error: {error} / {:?}", error.kind());

    let failure = OperationFailure::<OperationStatus>::from_error(&error)
        .expect("the error carries an OperationFailure");
    let OperationFailure::Failed(status) = failure else {
        panic!("expected Failed, got {failure:?}");
    };
    assert_eq!(failure.status(), status);
    assert_eq!(status.status, Some(OperationState::Failed));
    let sent = status.error.as_ref().expect("the status carries the error");
    assert_eq!(sent.code.as_deref(), Some("DeploymentFailed"));
    assert_eq!(
        sent.message.as_deref(),
        Some("The environment deployment failed.")
    );
    assert_eq!(sent.target.as_deref(), Some("environments/dev-box"));
    let details = sent.details.as_ref().expect("details");
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].code.as_deref(), Some("QuotaExceeded"));
    assert_eq!(
        details[0].message.as_deref(),
        Some("The cores quota is exceeded.")
    );
    assert_eq!(details[0].target.as_deref(), Some("cores"));
    assert_eq!(details[0].details, None);
    assert_eq!(details[0].innererror, None);
    let inner = sent.innererror.as_ref().expect("innererror");
    assert_eq!(inner.code.as_deref(), Some("ArmDeploymentFailed"));
    let inner_inner = inner.innererror.as_ref().expect("nested innererror");
    assert_eq!(inner_inner.code.as_deref(), Some("ResourceQuotaExceeded"));
    assert_eq!(inner_inner.innererror, None);
    // Every field as sent, nothing more.
    assert_eq!(
        serde_json::to_value(sent).expect("serialize error"),
        failed_error_json()
    );

    let display = error.to_string();
    assert!(display.contains("DeploymentFailed"), "{display}");
    assert!(
        display.contains("The environment deployment failed."),
        "{display}"
    );
    assert_status_gets(&server, 2);
}

#[tokio::test]
async fn failed_operation_as_stream_ends_with_failed_status() {
    let server = TestServer::start(failed_script()).await;
    let client = client(&server);

    let statuses = guarded(collect_statuses(poller(&client))).await;

    let states: Vec<_> = statuses.iter().map(|s| s.status.clone()).collect();
    assert_eq!(
        states,
        [Some(OperationState::Running), Some(OperationState::Failed)]
    );
    let last = statuses.last().unwrap();
    assert_eq!(
        last.error.as_ref().and_then(|e| e.code.as_deref()),
        Some("DeploymentFailed")
    );
    assert_status_gets(&server, 2);
}

// 3. Canceled: distinguishable from Failed.
#[tokio::test]
async fn canceled_operation_is_a_canceled_error() {
    let server = TestServer::start(vec![
        in_progress("Running", Some(10.0)),
        terminal("Canceled"),
    ])
    .await;
    let client = client(&server);

    let error = guarded(poller(&client))
        .await
        .expect_err("a canceled operation must be an error");
    eprintln!("observed Canceled error: {error} / {:?}", error.kind());

    let failure = OperationFailure::<OperationStatus>::from_error(&error)
        .expect("the error carries an OperationFailure");
    assert!(
        !matches!(failure, OperationFailure::Failed(_)),
        "a cancellation must not read as a failure: {failure:?}"
    );
    let OperationFailure::Canceled(status) = failure else {
        panic!("expected Canceled, got {failure:?}");
    };
    assert_eq!(status.status, Some(OperationState::Canceled));
    let display = error.to_string();
    assert!(display.contains("canceled"), "{display}");
    assert_status_gets(&server, 2);
}

// 4. A state the client does not know keeps polling.
#[tokio::test]
async fn unknown_state_keeps_polling() {
    let server = TestServer::start(vec![
        // The other millisecond header, to cover it too.
        Reply::json(200, status_json("Provisioning", None)).header("x-ms-retry-after-ms", "1"),
        terminal("Succeeded"),
    ])
    .await;
    let client = client(&server);

    let response = guarded(poller(&client)).await.expect("operation succeeds");
    let status = response.into_model().expect("final status parses");
    assert_eq!(status.status, Some(OperationState::Succeeded));
    assert_status_gets(&server, 2);
}

// 5. Throttling and unavailability are retried by the client's retry policy.
#[tokio::test]
async fn throttled_and_unavailable_replies_are_retried() {
    let server = TestServer::start(vec![
        Reply::new(429).header("retry-after-ms", "1"),
        Reply::json(
            503,
            json!({"error": {"code": "ServiceUnavailable", "message": "busy"}}),
        )
        .header("Retry-After", "0"),
        terminal("Succeeded"),
    ])
    .await;
    let client = client_with(
        &server,
        client_options_with(&server, fast_retries(3), support::DEFAULT_TIMEOUT),
    );

    let response = guarded(poller(&client)).await.expect("operation succeeds");
    let status = response.into_model().expect("final status parses");
    assert_eq!(status.status, Some(OperationState::Succeeded));
    assert_status_gets(&server, 3);
}

// 6. A server error that persists: bounded retries, then the HTTP error.
#[tokio::test]
async fn persistent_server_error_is_retried_a_bounded_number_of_times() {
    let server_error = || {
        Reply::json(
            500,
            json!({"error": {"code": "InternalError", "message": "boom"}}),
        )
    };
    let server = TestServer::start((0..6).map(|_| server_error()).collect()).await;
    let client = client_with(
        &server,
        client_options_with(&server, fast_retries(2), support::DEFAULT_TIMEOUT),
    );

    let error = guarded(poller(&client))
        .await
        .expect_err("a persistent 500 must be an error");
    eprintln!("observed 500 error: {error} / {:?}", error.kind());

    assert_eq!(error.http_status(), Some(StatusCode::InternalServerError));
    let body = ErrorResponse::from_error(&error).expect("the error keeps the body");
    assert_eq!(
        body.error.and_then(|e| e.code).as_deref(),
        Some("InternalError")
    );
    assert!(OperationFailure::<OperationStatus>::from_error(&error).is_none());
    assert_status_gets(&server, 3);
    assert_eq!(server.remaining_replies(), 3);
}

// 7. Truncated JSON with a consistent Content-Length.
#[tokio::test]
async fn truncated_json_is_a_data_conversion_error_quoting_the_body() {
    let body = r#"{"id": "x", "status": "Runn"#;
    let server = TestServer::start(vec![
        Reply::new(200)
            .header("content-type", "application/json")
            .body(body),
    ])
    .await;
    let client = client(&server);

    let error = guarded(poller(&client))
        .await
        .expect_err("truncated JSON must be an error");
    eprintln!(
        "observed truncated-JSON error: {error} / {:?}",
        error.kind()
    );

    assert_eq!(*error.kind(), ErrorKind::DataConversion);
    let message = error.to_string();
    assert!(message.contains("200"), "{message}");
    assert!(message.contains(r#""status": "Runn"#), "{message}");
    assert_status_gets(&server, 1);
}

// 8. An empty 200 body.
#[tokio::test]
async fn empty_body_is_a_clear_error() {
    let server = TestServer::start(vec![Reply::new(200)]).await;
    let client = client(&server);

    let error = guarded(poller(&client))
        .await
        .expect_err("an empty body must be an error");
    eprintln!("observed empty-body error: {error} / {:?}", error.kind());

    assert_eq!(*error.kind(), ErrorKind::DataConversion);
    let message = error.to_string();
    assert!(message.contains("empty"), "{message}");
    assert!(message.contains("200"), "{message}");
    assert_status_gets(&server, 1);
}

// 9. A 10 MB status parses completely.
#[tokio::test]
async fn ten_megabyte_status_parses() {
    const LEN: usize = 10 * 1024 * 1024;
    let blob: String = "0123456789abcdef".repeat(LEN / 16);
    assert_eq!(blob.len(), LEN);
    let mut body = status_json("Succeeded", Some(100.0));
    body["properties"] = json!({ "blob": blob });
    let server = TestServer::start(vec![Reply::json(200, body)]).await;
    let client = client(&server);

    let response = guarded(poller(&client)).await.expect("operation succeeds");
    let status = response.into_model().expect("final status parses");
    assert_eq!(status.status, Some(OperationState::Succeeded));
    let received = status
        .properties
        .as_ref()
        .and_then(|p| p["blob"].as_str())
        .expect("properties.blob is a string");
    assert_eq!(received.len(), LEN);
    assert!(
        received == blob,
        "properties.blob differs from what was sent"
    );
    assert_status_gets(&server, 1);
}

// 10. A server slower than the client's timeout.
#[tokio::test]
async fn slow_server_times_out() {
    let server =
        TestServer::start(vec![terminal("Succeeded").delay(StdDuration::from_secs(2))]).await;
    let client = client_with(
        &server,
        client_options_with(&server, RetryOptions::none(), StdDuration::from_millis(200)),
    );

    let started = Instant::now();
    let result = tokio::time::timeout(StdDuration::from_millis(1500), poller(&client))
        .await
        .expect("the poll must end within 1.5 s of a 200 ms timeout");
    let elapsed = started.elapsed();
    let error = result.expect_err("a timed-out request must be an error");
    eprintln!(
        "observed timeout error after {elapsed:?}: {} / {:?}",
        error_chain(&error),
        error.kind()
    );

    assert_eq!(*error.kind(), ErrorKind::Io);
    let chain = error_chain(&error);
    assert!(chain.contains("timed out"), "{chain}");
    assert_status_gets(&server, 1);
}

// 11. The connection drops in the middle of the body.
#[tokio::test]
async fn connection_reset_mid_body_is_an_error() {
    let server = TestServer::start(vec![terminal("Succeeded").truncate_after(12)]).await;
    let client = client(&server);

    let error = guarded(poller(&client))
        .await
        .expect_err("a reset mid-body must be an error");
    eprintln!(
        "observed mid-body reset error: {} / {:?}",
        error_chain(&error),
        error.kind()
    );

    assert_eq!(*error.kind(), ErrorKind::Io);
    assert!(OperationFailure::<OperationStatus>::from_error(&error).is_none());
    assert_status_gets(&server, 1);
}

// 12. Waiting between polls.
/// Polls an operation whose first status is Running (sent as `first`) and whose second is
/// Succeeded, with `frequency`; returns how long `.await` took, after checking both requests.
async fn time_one_wait(first: Reply, frequency: Duration) -> StdDuration {
    let server = TestServer::start(vec![first, terminal("Succeeded")]).await;
    let client = client(&server);
    let poller = poller_every(&client, frequency);

    let started = Instant::now();
    guarded(poller).await.expect("operation succeeds");
    let elapsed = started.elapsed();
    assert_status_gets(&server, 2);
    elapsed
}

#[tokio::test]
async fn waits_for_retry_after_seconds() {
    // A frequency far above the header's 1 s: the header must win.
    let running = Reply::json(200, status_json("Running", None)).header("Retry-After", "1");
    let elapsed = time_one_wait(running, Duration::seconds(5)).await;
    eprintln!("observed Retry-After: 1 poll time {elapsed:?}");

    assert!(elapsed >= StdDuration::from_millis(900), "{elapsed:?}");
    assert!(elapsed < StdDuration::from_secs(4), "{elapsed:?}");
}

#[tokio::test]
async fn retry_after_date_in_the_past_means_no_wait() {
    let running = Reply::json(200, status_json("Running", None))
        .header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    let elapsed = time_one_wait(running, Duration::seconds(1)).await;
    eprintln!("observed past-date Retry-After poll time {elapsed:?}");

    assert!(elapsed < StdDuration::from_millis(900), "{elapsed:?}");
}

#[tokio::test]
async fn waits_for_frequency_without_retry_after() {
    let running = Reply::json(200, status_json("Running", None));
    let elapsed = time_one_wait(running, Duration::seconds(1)).await;
    eprintln!("observed no-header 1 s frequency poll time {elapsed:?}");

    assert!(elapsed >= StdDuration::from_millis(900), "{elapsed:?}");
    assert!(elapsed < StdDuration::from_secs(4), "{elapsed:?}");
}

// 13. Dropping the poller stops polling.
#[tokio::test]
async fn dropping_the_poller_stops_polling() {
    const SCRIPTED: usize = 20;
    let server = TestServer::start(
        (0..SCRIPTED)
            .map(|_| in_progress("Running", Some(1.0)))
            .collect(),
    )
    .await;
    let client = client(&server);

    let mut first = poller(&client);
    let item = guarded(first.next())
        .await
        .expect("a first item")
        .expect("first status reads");
    assert_eq!(
        item.into_model().expect("status parses").status,
        Some(OperationState::Running)
    );
    drop(first);
    tokio::time::sleep(StdDuration::from_millis(100)).await;
    assert_status_gets(&server, 1);
    assert_eq!(server.remaining_replies(), SCRIPTED - 1);

    // Control: a poller that is kept and read does go on polling this script.
    let mut second = poller(&client);
    for _ in 0..2 {
        guarded(second.next())
            .await
            .expect("an item")
            .expect("status reads");
    }
    assert_status_gets(&server, 3);
}

// 14. A frequency under one second is refused before anything is sent.
#[tokio::test]
async fn frequency_under_one_second_is_refused_at_once() {
    let server = TestServer::start(vec![terminal("Succeeded")]).await;
    let client = client(&server);

    for frequency in [
        Duration::milliseconds(999),
        Duration::ZERO,
        Duration::seconds(-1),
    ] {
        let error = client
            .operation_statuses_client()
            .poll_get(PROJECT, OPERATION_ID, Some(poll_options(frequency)))
            .expect_err("a frequency under 1 s must be refused");
        eprintln!(
            "observed frequency {frequency} error: {error} / {:?}",
            error.kind()
        );
        assert_eq!(*error.kind(), ErrorKind::Other);
        let message = error.to_string();
        assert!(message.contains("at least one second"), "{message}");
    }
    tokio::time::sleep(StdDuration::from_millis(50)).await;
    assert!(server.requests().is_empty(), "{:#?}", server.requests());
    assert_eq!(server.remaining_replies(), 1);
}

// 15. The bearer token never leaks into Debug, errors or logs.

/// A tracing writer appending to a shared buffer.
#[derive(Clone, Default)]
struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl CapturedLog {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for CapturedLog {
    type Writer = CapturedLog;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

fn assert_no_token(what: &str, text: &str) {
    assert!(
        !text.contains(TEST_TOKEN),
        "the bearer token leaked into {what}: {text}"
    );
}

/// A process-wide subscriber: tracing caches per call site whether anyone listens, so a
/// thread-local one misses events while other tests run in parallel. Every test here uses
/// the same token, so the whole captured log must be free of it.
fn captured_log() -> CapturedLog {
    static LOG: OnceLock<CapturedLog> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = CapturedLog::default();
        tracing_subscriber::fmt()
            .with_max_level(LevelFilter::TRACE)
            .with_writer(log.clone())
            .finish()
            .init();
        log
    })
    .clone()
}

#[tokio::test]
async fn bearer_token_never_leaks() {
    let log = captured_log();

    let server = TestServer::start(vec![
        in_progress("Running", Some(50.0)),
        terminal("Succeeded"),
        Reply::json(
            401,
            json!({"error": {"code": "Unauthorized", "message": "The token is not valid."}}),
        )
        .header("www-authenticate", "Bearer realm=\"devcenter\""),
        Reply::json(
            404,
            json!({"error": {"code": "NotFound", "message": "No such operation."}}),
        ),
    ])
    .await;
    let client = client(&server);
    assert_no_token(
        "the client's Debug before any request",
        &format!("{client:?}"),
    );

    guarded(poller(&client)).await.expect("operation succeeds");
    // The token was really sent (and so was held by the client).
    assert_status_gets(&server, 2);
    assert_no_token(
        "the client's Debug with a cached token",
        &format!("{client:?} {client:#?}"),
    );

    let poller_401 = poller(&client);
    assert_no_token("the poller's Debug", &format!("{poller_401:?}"));
    let unauthorized = guarded(poller_401).await.expect_err("401 is an error");
    assert_eq!(unauthorized.http_status(), Some(StatusCode::Unauthorized));
    let not_found = guarded(poller(&client)).await.expect_err("404 is an error");
    assert_eq!(not_found.http_status(), Some(StatusCode::NotFound));
    assert_status_gets(&server, 4);
    for (what, error) in [("401", &unauthorized), ("404", &not_found)] {
        assert_no_token(
            &format!("the {what} error's Display"),
            &format!("{error} {}", error_chain(error)),
        );
        assert_no_token(
            &format!("the {what} error's Debug"),
            &format!("{error:?} {error:#?}"),
        );
    }
    assert_no_token("the client's Debug at the end", &format!("{client:#?}"));

    let text = log.text();
    eprintln!("captured log ({} bytes):\n{text}", text.len());
    assert!(!text.is_empty(), "nothing was logged");
    // The subscriber really records at TRACE (e.g. azure_core's poller and
    // hyper-util's connection pool log there).
    assert!(text.contains("TRACE"), "{text}");
    // azure_core's logging policy logs each request with its headers, the
    // authorization header redacted.
    assert!(text.contains("==> Request"), "{text}");
    assert!(text.contains("authorization"), "{text}");
    assert!(text.contains("REDACTED"), "{text}");
    assert_no_token("the log", &text);
}
