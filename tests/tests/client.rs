//! Tests of the generated DevCenter client against the live local HTTPS
//! server from `support/`.

mod support;

use std::sync::Arc;

use azure_core::{error::ErrorKind, http::StatusCode};
use devcenter_client::{
    DevCenterClient, DevCenterClientOptions,
    models::{ErrorResponse, OperationState, OperationStatus},
};
use serde_json::json;
use support::{RecordedRequest, Reply, TEST_TOKEN, TestCredential, TestServer, client_options};
use time::macros::datetime;

const PROJECT: &str = "myProject";
const OPERATION_ID: &str = "fa067167-e49d-41bd-8dd8-de719b9de3b3";
const DEFAULT_API_VERSION: &str = "2025-02-01";
const SCOPE: &str = "https://devcenter.azure.com/.default";

/// The wire target of `GET operationstatuses` for `PROJECT`/`OPERATION_ID`
/// under `base` (a path prefix such as `""` or `"/base"`).
fn expected_target(base: &str, api_version: &str) -> String {
    format!("{base}/projects/{PROJECT}/operationstatuses/{OPERATION_ID}?api-version={api_version}")
}

/// The example reply from the document.
fn example_status() -> serde_json::Value {
    json!({
        "id": format!("/projects/{PROJECT}/operationStatuses/{OPERATION_ID}"),
        "name": OPERATION_ID,
        "status": "Running",
        "startTime": "2024-01-24T21:14:58.472Z"
    })
}

/// A client for `endpoint` that talks to `server` with the harness options
/// (no retries) and the default API version.
fn client_for(
    endpoint: &str,
    server: &TestServer,
    credential: Arc<TestCredential>,
) -> DevCenterClient {
    let options = DevCenterClientOptions {
        client_options: client_options(server),
        ..Default::default()
    };
    DevCenterClient::new(endpoint, credential, Some(options)).expect("create client")
}

/// A client for `server.url()`.
fn client(server: &TestServer) -> DevCenterClient {
    client_for(&server.url(), server, TestCredential::new())
}

/// Sends `GET` for `PROJECT`/`OPERATION_ID` and expects an HTTP error.
async fn get_error(client: &DevCenterClient) -> azure_core::Error {
    client
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect_err("a non-2xx reply must be an error")
}

/// Every value of header `name` in `request`.
fn header_values<'r>(request: &'r RecordedRequest, name: &str) -> Vec<&'r str> {
    request
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The only request `server` received.
fn only_request(server: &TestServer) -> RecordedRequest {
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        1,
        "expected exactly one request, got {requests:#?}"
    );
    requests.into_iter().next().unwrap()
}

// 1. The request on the wire.
#[tokio::test]
async fn sends_exact_request_with_bearer_token_and_scope() {
    let server = TestServer::start(vec![Reply::json(200, example_status())]).await;
    let credential = TestCredential::new();
    let client = client_for(&server.url(), &server, credential.clone());

    let response = client
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("request succeeds");
    assert_eq!(response.status(), StatusCode::Ok);

    let request = only_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        "/projects/myProject/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3?api-version=2025-02-01"
    );
    assert_eq!(request.target, expected_target("", DEFAULT_API_VERSION));
    assert_eq!(
        header_values(&request, "authorization"),
        [format!("Bearer {TEST_TOKEN}").as_str()]
    );
    assert_eq!(
        header_values(&request, "authorization"),
        ["Bearer test-token-123"]
    );
    assert_eq!(header_values(&request, "accept"), ["application/json"]);
    assert!(
        request.body.is_empty(),
        "GET sent a body: {:?}",
        request.body
    );
    assert_eq!(credential.scopes_requested(), vec![vec![SCOPE.to_string()]]);
}

// 2. The document's example reply parses into every field.
#[tokio::test]
async fn parses_example_reply() {
    let server = TestServer::start(vec![Reply::json(200, example_status())]).await;
    let status: OperationStatus = client(&server)
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("request succeeds")
        .into_model()
        .expect("body parses");

    assert_eq!(
        status.id.as_deref(),
        Some("/projects/myProject/operationStatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3")
    );
    assert_eq!(status.name.as_deref(), Some(OPERATION_ID));
    assert_eq!(status.status, Some(OperationState::Running));
    assert_eq!(
        status.start_time,
        Some(datetime!(2024-01-24 21:14:58.472 UTC))
    );
    assert_eq!(
        status.start_time,
        Some(azure_core::time::parse_rfc3339("2024-01-24T21:14:58.472Z").unwrap())
    );
    assert_eq!(status.resource_id, None);
    assert_eq!(status.end_time, None);
    assert_eq!(status.percent_complete, None);
    assert_eq!(status.properties, None);
    assert_eq!(status.error, None);
    assert_eq!(
        only_request(&server).target,
        expected_target("", DEFAULT_API_VERSION)
    );
}

// 3. Unknown enum values and unknown properties.
#[tokio::test]
async fn keeps_unknown_status_and_ignores_unknown_properties() {
    let server = TestServer::start(vec![Reply::json(
        200,
        json!({
            "id": format!("/projects/{PROJECT}/operationStatuses/{OPERATION_ID}"),
            "name": OPERATION_ID,
            "status": "Deleting",
            "percentComplete": 42.5,
            "futureField": {"nested": [1, 2, {"deeper": true}], "flag": null},
            "anotherNewThing": "x"
        }),
    )])
    .await;
    let status: OperationStatus = client(&server)
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("request succeeds")
        .into_model()
        .expect("body with unknown properties parses");

    let state = status.status.clone().expect("status is present");
    assert_eq!(state, OperationState::UnknownValue("Deleting".into()));
    assert_eq!(state.as_str(), "Deleting");
    assert_eq!(serde_json::to_value(&state).unwrap(), json!("Deleting"));
    assert_eq!(status.name.as_deref(), Some(OPERATION_ID));
    assert_eq!(status.percent_complete, Some(42.5));
    assert_eq!(status.start_time, None);
    // Re-serializing the whole model writes the unknown value back too.
    assert_eq!(
        serde_json::to_value(&status).unwrap()["status"],
        json!("Deleting")
    );
}

// 4a. A 404 with x-ms-error-code and a nested error body.
#[tokio::test]
async fn not_found_error_carries_code_message_and_typed_body() {
    let message = format!("Operation {OPERATION_ID} was not found.");
    let server = TestServer::start(vec![
        Reply::json(
            404,
            json!({
                "error": {
                    "code": "OperationNotFound",
                    "message": message,
                    "target": "operationId",
                    "details": [{"code": "Detail", "message": "d"}],
                    "innererror": {"code": "Level1", "innererror": {"code": "Level2"}}
                }
            }),
        )
        .header("x-ms-error-code", "OperationNotFound"),
    ])
    .await;
    let err = get_error(&client(&server)).await;

    match err.kind() {
        ErrorKind::HttpResponse {
            status,
            error_code,
            raw_response,
        } => {
            assert_eq!(*status, StatusCode::NotFound);
            assert_eq!(u16::from(*status), 404);
            assert_eq!(error_code.as_deref(), Some("OperationNotFound"));
            assert!(raw_response.is_some(), "the raw response is kept");
        }
        other => panic!("expected an HttpResponse error, got {other:?}: {err}"),
    }
    assert!(
        err.to_string().contains(&message),
        "Display `{err}` lacks `{message}`"
    );

    let body = ErrorResponse::from_error(&err).expect("typed error body");
    let error = body.error.expect("error object");
    assert_eq!(error.code.as_deref(), Some("OperationNotFound"));
    assert_eq!(error.message.as_deref(), Some(message.as_str()));
    assert_eq!(error.target.as_deref(), Some("operationId"));
    let details = error.details.expect("details");
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].code.as_deref(), Some("Detail"));
    assert_eq!(details[0].message.as_deref(), Some("d"));
    assert_eq!(details[0].target, None);
    assert_eq!(details[0].details, None);
    assert_eq!(details[0].innererror, None);
    let level1 = error.innererror.expect("first innererror");
    assert_eq!(level1.code.as_deref(), Some("Level1"));
    let level2: Box<_> = level1.innererror.expect("second innererror");
    assert_eq!(level2.code.as_deref(), Some("Level2"));
    assert_eq!(level2.innererror, None);

    // Exactly one request: no retries hid anything.
    assert_eq!(
        only_request(&server).target,
        expected_target("", DEFAULT_API_VERSION)
    );
}

// 4b. Without x-ms-error-code the body's error.code is the error code.
#[tokio::test]
async fn not_found_error_code_falls_back_to_body_code() {
    let server = TestServer::start(vec![Reply::json(
        404,
        json!({"error": {"code": "BodyCode", "message": "Body message."}}),
    )])
    .await;
    let err = get_error(&client(&server)).await;

    match err.kind() {
        ErrorKind::HttpResponse {
            status, error_code, ..
        } => {
            assert_eq!(*status, StatusCode::NotFound);
            assert_eq!(error_code.as_deref(), Some("BodyCode"));
        }
        other => panic!("expected an HttpResponse error, got {other:?}: {err}"),
    }
    assert!(err.to_string().contains("Body message."), "Display: {err}");
    let body = ErrorResponse::from_error(&err).expect("typed error body");
    let error = body.error.expect("error object");
    assert_eq!(error.code.as_deref(), Some("BodyCode"));
    assert_eq!(error.innererror, None);
    assert_eq!(
        only_request(&server).target,
        expected_target("", DEFAULT_API_VERSION)
    );
}

// 5. Path parameters stay inside one segment.
#[tokio::test]
async fn path_parameter_stays_in_one_segment() {
    let server = TestServer::start(vec![
        Reply::json(200, example_status()),
        Reply::json(200, example_status()),
    ])
    .await;
    let client = client(&server);

    client
        .operation_statuses_client()
        .get("a/../b?x=1#y", OPERATION_ID, None)
        .await
        .expect("request succeeds");
    // Already percent-encoded input is taken literally: `%` is encoded too.
    client
        .operation_statuses_client()
        .get("%2e%2e", OPERATION_ID, None)
        .await
        .expect("request succeeds");

    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");

    assert_eq!(
        requests[0].path(),
        format!("/projects/a%2F..%2Fb%3Fx=1%23y/operationstatuses/{OPERATION_ID}")
    );
    assert_eq!(requests[0].query(), Some("api-version=2025-02-01"));
    assert_eq!(
        requests[0].target,
        format!(
            "/projects/a%2F..%2Fb%3Fx=1%23y/operationstatuses/{OPERATION_ID}?api-version=2025-02-01"
        )
    );
    // The value is one segment, and no fragment or second `?` reached the wire.
    let segments: Vec<&str> = requests[0].path().split('/').collect();
    assert_eq!(
        segments,
        [
            "",
            "projects",
            "a%2F..%2Fb%3Fx=1%23y",
            "operationstatuses",
            OPERATION_ID
        ]
    );
    assert_eq!(requests[0].target.matches('?').count(), 1);
    assert!(!requests[0].target.contains('#'));

    assert_eq!(
        requests[1].target,
        format!("/projects/%252e%252e/operationstatuses/{OPERATION_ID}?api-version=2025-02-01")
    );
}

// 6. `.`, `..` and empty path parameters are refused before sending.
#[tokio::test]
async fn dot_and_empty_path_parameters_are_refused_before_sending() {
    let server = TestServer::start(vec![Reply::json(200, example_status())]).await;
    let credential = TestCredential::new();
    let client = client_for(&server.url(), &server, credential.clone());

    let cases = [
        ("projectName", ".", OPERATION_ID),
        ("projectName", "..", OPERATION_ID),
        ("projectName", "", OPERATION_ID),
        ("operationId", PROJECT, "."),
        ("operationId", PROJECT, ".."),
        ("operationId", PROJECT, ""),
    ];
    for (parameter, project, operation) in cases {
        let err = client
            .operation_statuses_client()
            .get(project, operation, None)
            .await
            .expect_err(&format!(
                "project `{project}`, operation `{operation}` must be refused"
            ));
        let text = err.to_string();
        assert!(
            text.contains(parameter),
            "error `{text}` does not name `{parameter}`"
        );
        assert!(
            !matches!(err.kind(), ErrorKind::HttpResponse { .. }),
            "refused locally, not by the server: {err:?}"
        );
        assert!(
            ErrorResponse::from_error(&err).is_none(),
            "no error body for a local refusal"
        );
        assert!(
            server.requests().is_empty(),
            "project `{project}`, operation `{operation}` reached the server: {:#?}",
            server.requests()
        );
    }
    assert!(
        credential.scopes_requested().is_empty(),
        "no token should be fetched for refused calls"
    );

    // The server and client work: a valid call is recorded.
    client
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("valid call succeeds");
    assert_eq!(
        only_request(&server).target,
        expected_target("", DEFAULT_API_VERSION)
    );
}

// 7. Invalid endpoints are errors naming the endpoint.
#[tokio::test]
async fn invalid_endpoint_is_an_error() {
    // Not parseable as an absolute URL: the message quotes the input as given.
    for endpoint in [
        "not a url",
        "",
        "/relative/path",
        "https://",
        "http://exa mple.com",
    ] {
        let err = new_client_error(endpoint);
        assert_eq!(*err.kind(), ErrorKind::Other, "{err:?}");
        let text = err.to_string();
        assert!(
            text.contains(&format!("endpoint `{endpoint}` is not a valid URL")),
            "error `{text}` does not name endpoint `{endpoint}`"
        );
    }

    // Absolute URLs of another scheme: the message quotes the endpoint as the caller wrote it.
    for endpoint in [
        "ftp://x",
        "mailto:someone@example.com",
        "file:///etc/passwd",
    ] {
        let err = new_client_error(endpoint);
        assert_eq!(*err.kind(), ErrorKind::Other, "{err:?}");
        let text = err.to_string();
        assert!(
            text.contains(&format!(
                "endpoint `{endpoint}` must be an http or https URL"
            )),
            "error `{text}` does not name endpoint `{endpoint}`"
        );
    }

    // Bearer tokens go only over https: azure_core would refuse each request, in an error
    // that names the reason only in its source.
    for endpoint in ["http://localhost:8080/base/", "HTTP://example.com"] {
        let err = new_client_error(endpoint);
        assert_eq!(*err.kind(), ErrorKind::Other, "{err:?}");
        assert!(
            err.to_string().contains(&format!(
                "endpoint `{endpoint}` is http: azure_core sends bearer tokens only over https"
            )),
            "{err}"
        );
    }

    // Valid endpoints are accepted (so the checks above are not vacuous).
    for endpoint in ["https://example.com", "https://localhost:8080/base/"] {
        DevCenterClient::new(endpoint, TestCredential::new(), None)
            .unwrap_or_else(|err| panic!("endpoint `{endpoint}` refused: {err}"));
    }
}

/// `DevCenterClient::new(endpoint, ..)`, which must fail.
fn new_client_error(endpoint: &str) -> azure_core::Error {
    match DevCenterClient::new(endpoint, TestCredential::new(), None) {
        Ok(client) => panic!(
            "endpoint `{endpoint}` was accepted as {}",
            client.endpoint()
        ),
        Err(err) => err,
    }
}

// 8a. The API version option.
#[tokio::test]
async fn api_version_option_is_sent() {
    let server = TestServer::start(vec![
        Reply::json(200, example_status()),
        Reply::json(200, example_status()),
    ])
    .await;

    let custom = DevCenterClient::new(
        &server.url(),
        TestCredential::new(),
        Some(DevCenterClientOptions {
            api_version: "2099-01-01".into(),
            client_options: client_options(&server),
        }),
    )
    .expect("create client");
    assert_eq!(custom.api_version(), "2099-01-01");
    custom
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("request succeeds");

    let default = client(&server);
    assert_eq!(default.api_version(), DEFAULT_API_VERSION);
    assert_eq!(DevCenterClientOptions::default().api_version, "2025-02-01");
    default
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("request succeeds");

    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:#?}");
    assert_eq!(requests[0].target, expected_target("", "2099-01-01"));
    assert_eq!(requests[0].query(), Some("api-version=2099-01-01"));
    assert_eq!(requests[1].target, expected_target("", "2025-02-01"));
    assert_eq!(requests[1].query(), Some("api-version=2025-02-01"));
}

// 8b. Trailing slashes and base paths in the endpoint.
#[tokio::test]
async fn endpoint_trailing_slash_and_base_path() {
    let cases = [
        ("/", ""),
        ("/base", "/base"),
        ("/base/", "/base"),
        ("/a/b/", "/a/b"),
    ];
    let server = TestServer::start(
        cases
            .iter()
            .map(|_| Reply::json(200, example_status()))
            .collect(),
    )
    .await;

    for (suffix, _) in cases {
        let endpoint = format!("{}{suffix}", server.url());
        client_for(&endpoint, &server, TestCredential::new())
            .operation_statuses_client()
            .get(PROJECT, OPERATION_ID, None)
            .await
            .unwrap_or_else(|err| panic!("endpoint `{endpoint}`: {err}"));
    }

    let requests = server.requests();
    assert_eq!(requests.len(), cases.len(), "{requests:#?}");
    for ((suffix, base), request) in cases.iter().zip(&requests) {
        assert_eq!(
            request.target,
            expected_target(base, DEFAULT_API_VERSION),
            "endpoint suffix `{suffix}`"
        );
        assert!(
            !request.target.contains("//"),
            "double slash: {}",
            request.target
        );
    }
    assert_eq!(
        requests[2].target,
        "/base/projects/myProject/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3?api-version=2025-02-01"
    );
}

// 9. A deadline on the call's future bounds it, retries and all (the README's advice): the
// retry policy alone would go on for as long as it allows.
#[tokio::test]
async fn a_deadline_on_the_future_bounds_the_whole_call() {
    let failing = (0..20).map(|_| Reply::new(503).delay(std::time::Duration::from_millis(200)));
    let server = TestServer::start(failing.collect()).await;
    let options = DevCenterClientOptions {
        client_options: support::client_options_with(
            &server,
            support::fast_retries(19),
            support::DEFAULT_TIMEOUT,
        ),
        ..Default::default()
    };
    let client = DevCenterClient::new(&server.url(), TestCredential::new(), Some(options))
        .expect("create client");
    let statuses = client.operation_statuses_client();
    let call = statuses.get(PROJECT, OPERATION_ID, None);
    let outcome = tokio::time::timeout(std::time::Duration::from_millis(700), call).await;
    assert!(outcome.is_err(), "the call ended before its deadline");
    let sent = server.requests().len();
    assert!(
        (1..20).contains(&sent),
        "{sent} requests: the deadline did not stop the retries"
    );
}

// 10. Models and options keep their values out of `Debug` (azure_core's `SafeDebug`), so that
// logging a reply does not log what it holds; the crates' `debug` feature shows them.
#[tokio::test]
async fn models_and_options_keep_their_values_out_of_debug() {
    let server = TestServer::start(vec![Reply::json(200, example_status())]).await;
    let status = client(&server)
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("status")
        .into_model()
        .expect("model");
    assert_eq!(status.name.as_deref(), Some(OPERATION_ID));
    assert_eq!(format!("{status:?}"), "OperationStatus { .. }");
    let options = DevCenterClientOptions {
        api_version: "2099-01-01-secret".to_string(),
        ..Default::default()
    };
    let printed = format!("{options:?}");
    assert!(!printed.contains("secret"), "{printed}");
}

// 11. A reply body the model cannot read is an error of the call that names the status, the
// model and the start of the body, not serde's bare message when `into_model` runs later.
#[tokio::test]
async fn an_unreadable_reply_names_the_status_the_model_and_the_body() {
    let body = r#"{"id":"/projects/myProject/operationStatuses/1","status":"Runn"#;
    let server = TestServer::start(vec![
        Reply::new(200)
            .header("content-type", "application/json")
            .body(body),
    ])
    .await;
    let error = client(&server)
        .operation_statuses_client()
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect_err("the reply cannot be read");
    assert_eq!(*error.kind(), ErrorKind::DataConversion, "{error:?}");
    let message = error.to_string();
    assert!(
        message.starts_with(
            "the service's 200 reply is not a valid OperationStatus (EOF while parsing a string"
        ),
        "{message}"
    );
    assert!(
        message.ends_with(&format!("the body starts with: {body}")),
        "{message}"
    );
}
