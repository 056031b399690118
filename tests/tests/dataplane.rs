//! End-to-end tests of the generated DevCenter data-plane client
//! (`devcenter-dataplane-client`, API version 2025-02-01) against the live
//! local HTTPS server from `support/`: long-running PUT and DELETE, paging
//! across `nextLink`s, request bodies as the server receives them, and a
//! `text/plain` reply.
//!
//! Every status reply (and every first reply of a long-running operation)
//! carries `retry-after-ms: 1`, so the poller never waits for its 30 s
//! default frequency; every test runs under [`guarded`] so that a poller
//! that does wait fails instead of stalling the suite.

mod support;

use std::{future::IntoFuture, time::Duration as StdDuration};

use azure_core::http::pager::PagerOptions;
use azure_core::http::{Response, StatusCode, headers::HeaderName, poller::Poller};
use devcenter_dataplane_client::{
    DevCenterClient, DevCenterClientOptions, DevCenterDevBoxesClientListDevBoxesByUserOptions,
    OperationFailure, OperationProgress, TextFormat,
    models::{
        DevBox, DevBoxOperation, DevBoxProvisioningState, Environment,
        EnvironmentProvisioningState, LocalAdminStatus, OperationState, OperationStatus, OsType,
        PagedDevBox, PowerState,
    },
};
use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use support::{RecordedRequest, Reply, TEST_TOKEN, TestCredential, TestServer, client_options};
use time::macros::datetime;

const API_VERSION: &str = "2025-02-01";
const PROJECT: &str = "myProject";
const USER: &str = "me";
const DEV_BOX: &str = "MyDevBox";
const POOL: &str = "LargeDevWorkStationPool";
const ENVIRONMENT: &str = "mydevenv";
const OPERATION_ID: &str = "3f9c2a71-5b8e-4d06-a1c4-7e2d9b0f6a13";
const USER_OBJECT_ID: &str = "b08e39b4-2ac6-4465-a35e-48322efb0f98";

/// The wire target of the dev box's PUT, DELETE and final GET.
const DEV_BOX_TARGET: &str =
    "/projects/myProject/users/me/devboxes/MyDevBox?api-version=2025-02-01";
/// The wire target of the environment's PUT and final GET.
const ENVIRONMENT_TARGET: &str =
    "/projects/myProject/users/me/environments/mydevenv?api-version=2025-02-01";
/// The wire target of every status request (the `Operation-Location` named).
const STATUS_TARGET: &str = "/projects/myProject/operationstatuses/3f9c2a71-5b8e-4d06-a1c4-7e2d9b0f6a13?api-version=2025-02-01";

/// Upper bound for any one test: far above what a passing test needs, far
/// below the 30 s default frequency a missed retry-after header would cost.
const GUARD: StdDuration = StdDuration::from_secs(10);

/// Runs `future`, failing the test if it takes longer than [`GUARD`].
async fn guarded<F: IntoFuture>(future: F) -> F::Output {
    tokio::time::timeout(GUARD, future)
        .await
        .expect("timed out: the client hangs or waited for its default polling frequency")
}

/// A client for `server` (no retries, 10 s timeout) with the default API version.
fn client(server: &TestServer) -> DevCenterClient {
    let options = DevCenterClientOptions {
        client_options: client_options(server),
        ..Default::default()
    };
    DevCenterClient::new(&server.url(), TestCredential::new(), Some(options))
        .expect("create client")
}

/// The absolute `Operation-Location` URL the server names for [`OPERATION_ID`].
fn status_url(server: &TestServer) -> String {
    format!("{}{STATUS_TARGET}", server.url())
}

/// A status body in `state`.
fn status_json(state: &str) -> serde_json::Value {
    json!({
        "id": format!("/projects/{PROJECT}/operationstatuses/{OPERATION_ID}"),
        "name": OPERATION_ID,
        "status": state,
        "startTime": "2025-02-01T10:00:00Z",
    })
}

/// A 200 status reply in a non-terminal `state`, asking to poll again after 1 ms.
fn in_progress(state: &str) -> Reply {
    Reply::json(200, status_json(state)).header("retry-after-ms", "1")
}

/// A 200 status reply in a terminal `state`.
fn terminal(state: &str) -> Reply {
    let mut body = status_json(state);
    body["endTime"] = json!("2025-02-01T10:05:00Z");
    body["percentComplete"] = json!(100.0);
    Reply::json(200, body)
}

/// A dev box as the service describes it.
fn dev_box_json(provisioning_state: &str, power_state: &str) -> serde_json::Value {
    json!({
        "uri": "https://contoso.devcenter.azure.com/projects/myProject/users/me/devboxes/MyDevBox",
        "name": DEV_BOX,
        "projectName": PROJECT,
        "poolName": POOL,
        "hibernateSupport": "Enabled",
        "provisioningState": provisioning_state,
        "actionState": "Unknown",
        "powerState": power_state,
        "uniqueId": "7b3e1a52-0c9d-4f6e-8a21-5d4c3b2a1f09",
        "location": "centralus",
        "osType": "Windows",
        "user": USER_OBJECT_ID,
        "hardwareProfile": {
            "skuName": "general_i_8c32gb256ssd_v2",
            "vCPUs": 8,
            "memoryGB": 32
        },
        "storageProfile": { "osDisk": { "diskSizeGB": 256 } },
        "createdTime": "2025-02-01T10:00:00Z",
        "localAdministrator": "Enabled"
    })
}

/// A dev box list item named `name`.
fn dev_box_item(name: &str) -> serde_json::Value {
    let mut item = dev_box_json("Succeeded", "Running");
    item["name"] = json!(name);
    item["uri"] = json!(format!(
        "https://contoso.devcenter.azure.com/projects/myProject/users/me/devboxes/{name}"
    ));
    item
}

/// An environment as the service describes it.
fn environment_json(provisioning_state: &str) -> serde_json::Value {
    json!({
        "uri": "https://contoso.devcenter.azure.com/projects/myProject/users/me/environments/mydevenv",
        "name": ENVIRONMENT,
        "environmentType": "DevTest",
        "user": USER_OBJECT_ID,
        "provisioningState": provisioning_state,
        "resourceGroupId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff/resourceGroups/myProject-mydevenv",
        "catalogName": "main",
        "environmentDefinitionName": "helloworld",
        "parameters": { "functionAppRuntime": "node", "storageAccountType": "Standard_LRS" }
    })
}

/// The 201 that starts a long-running PUT: `body`, the status URL to poll,
/// and a 1 ms wait before the first status request.
fn created(server: &TestServer, body: serde_json::Value, location_target: &str) -> Reply {
    let location = format!(
        "{}{}",
        server.url(),
        location_target.split_once('?').unwrap().0
    );
    Reply::json(201, body)
        .header("operation-location", status_url(server))
        .header("location", location)
        .header("retry-after-ms", "1")
}

/// Asserts that the server saw exactly `expected` (method, target) in order,
/// each with the test credential's bearer token.
fn assert_requests(server: &TestServer, expected: &[(&str, &str)]) -> Vec<RecordedRequest> {
    let requests = server.requests();
    let seen: Vec<(&str, &str)> = requests
        .iter()
        .map(|r| (r.method.as_str(), r.target.as_str()))
        .collect();
    assert_eq!(seen, expected, "requests as the server saw them");
    let bearer = format!("Bearer {TEST_TOKEN}");
    for request in &requests {
        assert_eq!(
            request.header("authorization"),
            Some(bearer.as_str()),
            "{} {} must carry the bearer token",
            request.method,
            request.target
        );
    }
    requests
}

/// The dev box the tests ask to create: its one writable field, plus
/// read-only ones that must never reach the wire.
fn dev_box_request() -> DevBox {
    DevBox {
        pool_name: Some(POOL.into()),
        // Read-only (in 2025-02-01): set by the service, never sent.
        local_administrator: Some(LocalAdminStatus::Enabled),
        name: Some("ShouldNotBeSent".into()),
        uri: Some("https://example.invalid/devboxes/x".into()),
        project_name: Some("otherProject".into()),
        provisioning_state: Some(DevBoxProvisioningState::Failed),
        power_state: Some(PowerState::Hibernated),
        user: Some(USER_OBJECT_ID.into()),
        location: Some("westeurope".into()),
        os_type: Some(OsType::Windows),
        action_state: Some("Stopped".into()),
        unique_id: Some("00000000-0000-0000-0000-000000000000".into()),
        created_time: Some(datetime!(2020-01-01 00:00 UTC)),
        ..Default::default()
    }
}

/// The script of a dev box creation: 201 Creating, Running, Succeeded and,
/// for `.await`, the dev box read again.
fn create_dev_box_script(server: &TestServer, with_final_get: bool) -> Vec<Reply> {
    let mut script = vec![
        created(server, dev_box_json("Creating", "Unknown"), DEV_BOX_TARGET),
        in_progress("Running"),
        terminal("Succeeded"),
    ];
    if with_final_get {
        script.push(Reply::json(200, dev_box_json("Succeeded", "Running")));
    }
    script
}

// ---------------------------------------------------------------------------
// 1. Creating a dev box
// ---------------------------------------------------------------------------

#[tokio::test]
async fn create_dev_box_await_gives_the_dev_box_read_again_after_success() {
    let server = TestServer::start(Vec::new()).await;
    server.push(create_dev_box_script(&server, true));
    let client = client(&server);

    let poller: Poller<OperationProgress<OperationStatus, DevBox>> = client
        .dev_boxes_client()
        .begin_create_dev_box(PROJECT, USER, DEV_BOX, dev_box_request(), None)
        .expect("start the creation");
    let response: Response<DevBox> = guarded(poller).await.expect("the creation succeeds");

    assert_eq!(response.status(), StatusCode::Ok);
    let dev_box = response.into_model().expect("the dev box parses");
    assert_eq!(dev_box.name.as_deref(), Some(DEV_BOX));
    assert_eq!(dev_box.project_name.as_deref(), Some(PROJECT));
    assert_eq!(dev_box.pool_name.as_deref(), Some(POOL));
    assert_eq!(
        dev_box.provisioning_state,
        Some(DevBoxProvisioningState::Succeeded)
    );
    assert_eq!(dev_box.power_state, Some(PowerState::Running));
    assert_eq!(dev_box.local_administrator, Some(LocalAdminStatus::Enabled));
    assert_eq!(dev_box.user.as_deref(), Some(USER_OBJECT_ID));
    assert_eq!(dev_box.os_type, Some(OsType::Windows));
    assert_eq!(dev_box.created_time, Some(datetime!(2025-02-01 10:00 UTC)));
    assert_eq!(
        dev_box.hardware_profile.as_ref().and_then(|h| h.memory_gb),
        Some(32)
    );
    assert_eq!(
        dev_box
            .storage_profile
            .as_ref()
            .and_then(|s| s.os_disk.as_ref())
            .and_then(|d| d.disk_size_gb),
        Some(256)
    );

    let requests = assert_requests(
        &server,
        &[
            ("PUT", DEV_BOX_TARGET),
            ("GET", STATUS_TARGET),
            ("GET", STATUS_TARGET),
            ("GET", DEV_BOX_TARGET),
        ],
    );
    assert_eq!(server.remaining_replies(), 0);

    // The PUT carries exactly the writable fields, as JSON.
    let put = &requests[0];
    assert_eq!(put.header("content-type"), Some("application/json"));
    assert_eq!(put.header("accept"), Some("application/json"));
    assert_eq!(
        put.body_json(),
        json!({ "poolName": POOL }),
        "read-only fields must not be sent; body was {}",
        put.body_str()
    );
    // Nothing but the PUT has a body.
    for request in &requests[1..] {
        assert!(
            request.body.is_empty(),
            "{} {} has a body: {:?}",
            request.method,
            request.target,
            request.body
        );
        assert_eq!(request.header("accept"), Some("application/json"));
    }
}

#[tokio::test]
async fn create_dev_box_as_stream_yields_initial_reply_then_each_status() {
    let server = TestServer::start(Vec::new()).await;
    server.push(create_dev_box_script(&server, false));
    let client = client(&server);

    let poller = client
        .dev_boxes_client()
        .begin_create_dev_box(PROJECT, USER, DEV_BOX, dev_box_request(), None)
        .expect("start the creation");
    let items: Vec<Response<OperationProgress<OperationStatus, DevBox>>> =
        guarded(poller.try_collect())
            .await
            .expect("every reply reads");

    assert_eq!(items.len(), 3, "initial reply, Running, Succeeded");
    let codes: Vec<StatusCode> = items.iter().map(|item| item.status()).collect();
    assert_eq!(codes, [StatusCode::Created, StatusCode::Ok, StatusCode::Ok]);

    // The first item is the reply to the PUT itself: the dev box, Creating.
    let initial: DevBox = items[0].body().json().expect("the 201 body is a dev box");
    assert_eq!(initial.name.as_deref(), Some(DEV_BOX));
    assert_eq!(
        initial.provisioning_state,
        Some(DevBoxProvisioningState::Creating)
    );
    assert_eq!(
        items[0]
            .headers()
            .get_optional_str(&HeaderName::from_static("operation-location")),
        Some(status_url(&server).as_str())
    );

    // The others are statuses, read through `OperationProgress`'s deref.
    let mut items = items.into_iter();
    let _initial = items.next();
    let statuses: Vec<OperationProgress<OperationStatus, DevBox>> = items
        .map(|item| item.into_model().expect("a status parses"))
        .collect();
    let states: Vec<Option<OperationState>> = statuses.iter().map(|s| s.status.clone()).collect();
    assert_eq!(
        states,
        [
            Some(OperationState::Running),
            Some(OperationState::Succeeded)
        ]
    );
    assert!(
        statuses
            .iter()
            .all(|s| s.name.as_deref() == Some(OPERATION_ID))
    );
    assert_eq!(statuses[1].operation.percent_complete, Some(100.0));

    // Reading as a stream does not fetch the result.
    assert_requests(
        &server,
        &[
            ("PUT", DEV_BOX_TARGET),
            ("GET", STATUS_TARGET),
            ("GET", STATUS_TARGET),
        ],
    );
    assert_eq!(
        server.requests()[0].body_json(),
        json!({ "poolName": POOL })
    );
}

// ---------------------------------------------------------------------------
// 2. Deleting a dev box that fails
// ---------------------------------------------------------------------------

#[tokio::test]
async fn delete_dev_box_failure_is_an_operation_failure_with_the_service_error() {
    let server = TestServer::start(Vec::new()).await;
    let mut failed = status_json("Failed");
    failed["endTime"] = json!("2025-02-01T10:05:00Z");
    failed["error"] = json!({
        "code": "DevBoxDeletionFailed",
        "message": "The dev box could not be deleted.",
        "target": "MyDevBox"
    });
    server.push([
        Reply::json(202, status_json("NotStarted"))
            .header("operation-location", status_url(&server))
            .header(
                "location",
                format!(
                    "{}/projects/myProject/users/me/devboxes/MyDevBox",
                    server.url()
                ),
            )
            .header("retry-after-ms", "1"),
        Reply::json(200, failed),
    ]);
    let client = client(&server);

    let poller: Poller<OperationProgress<OperationStatus, OperationStatus>> = client
        .dev_boxes_client()
        .begin_delete_dev_box(PROJECT, USER, DEV_BOX, None)
        .expect("start the deletion");
    let error = guarded(poller)
        .await
        .expect_err("a failed deletion must be an error");

    let failure = OperationFailure::<OperationStatus>::from_error(&error)
        .expect("the error carries an OperationFailure");
    let OperationFailure::Failed(status) = failure else {
        panic!("expected Failed, got {failure:?}");
    };
    assert_eq!(status.status, Some(OperationState::Failed));
    assert_eq!(status.name.as_deref(), Some(OPERATION_ID));
    let sent = status.error.as_ref().expect("the status carries the error");
    assert_eq!(sent.code.as_deref(), Some("DevBoxDeletionFailed"));
    assert_eq!(
        sent.message.as_deref(),
        Some("The dev box could not be deleted.")
    );
    assert_eq!(sent.target.as_deref(), Some("MyDevBox"));
    let display = error.to_string();
    assert!(display.contains("DevBoxDeletionFailed"), "{display}");

    let requests = assert_requests(
        &server,
        &[("DELETE", DEV_BOX_TARGET), ("GET", STATUS_TARGET)],
    );
    assert!(requests[0].body.is_empty(), "a DELETE has no body");
    assert_eq!(server.remaining_replies(), 0);
}

// ---------------------------------------------------------------------------
// 3. Paging across three pages
// ---------------------------------------------------------------------------

/// Where page 2 is: absolute, with an older api-version the client must replace.
const PAGE_2_LINK: &str =
    "/projects/myProject/users/me/devboxes?api-version=2023-04-01&$skipToken=abc";
/// Where page 3 is: relative, already with the client's api-version (must not be doubled).
const PAGE_3_LINK: &str =
    "/projects/myProject/users/me/devboxes?$skipToken=def&api-version=2025-02-01&$top=2";

const PAGE_NAMES: [&str; 5] = ["devbox-1", "devbox-2", "devbox-3", "devbox-4", "devbox-5"];

fn three_pages(server: &TestServer) -> Vec<Reply> {
    vec![
        Reply::json(
            200,
            json!({
                "value": [dev_box_item(PAGE_NAMES[0]), dev_box_item(PAGE_NAMES[1])],
                "nextLink": format!("{}{PAGE_2_LINK}", server.url()),
            }),
        ),
        Reply::json(
            200,
            json!({
                "value": [dev_box_item(PAGE_NAMES[2]), dev_box_item(PAGE_NAMES[3])],
                "nextLink": PAGE_3_LINK,
            }),
        ),
        Reply::json(200, json!({ "value": [dev_box_item(PAGE_NAMES[4])] })),
    ]
}

/// Decoded query pairs of `target`, in order.
fn query_pairs(target: &str) -> Vec<(String, String)> {
    let url = azure_core::http::Url::parse(&format!("https://localhost{target}")).unwrap();
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Asserts the three page requests: the first exactly as the client builds
/// it; the other two on the nextLink's path with the nextLink's other query
/// parameters kept (same names, values and order) and exactly one
/// `api-version`, the client's.
fn assert_page_requests(server: &TestServer) {
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "three page requests: {requests:#?}");
    let bearer = format!("Bearer {TEST_TOKEN}");
    for request in &requests {
        assert_eq!(request.method, "GET");
        assert_eq!(request.path(), "/projects/myProject/users/me/devboxes");
        assert_eq!(request.header("authorization"), Some(bearer.as_str()));
        assert_eq!(request.header("accept"), Some("application/json"));
        let api_versions: Vec<String> = query_pairs(&request.target)
            .into_iter()
            .filter(|(k, _)| k == "api-version")
            .map(|(_, v)| v)
            .collect();
        assert_eq!(
            api_versions,
            [API_VERSION],
            "exactly one api-version, the client's, in {}",
            request.target
        );
    }
    assert_eq!(
        requests[0].target,
        "/projects/myProject/users/me/devboxes?api-version=2025-02-01"
    );

    let others = |target: &str| -> Vec<(String, String)> {
        query_pairs(target)
            .into_iter()
            .filter(|(k, _)| k != "api-version")
            .collect()
    };
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(others(&requests[1].target), [pair("$skipToken", "abc")]);
    assert_eq!(
        others(&requests[2].target),
        [pair("$skipToken", "def"), pair("$top", "2")]
    );
}

#[tokio::test]
async fn list_dev_boxes_by_user_follows_next_links_across_three_pages() {
    let server = TestServer::start(Vec::new()).await;
    server.push(three_pages(&server));
    let client = client(&server);

    let pager = client
        .dev_boxes_client()
        .list_dev_boxes_by_user(PROJECT, USER, None)
        .expect("create the pager");
    let dev_boxes: Vec<DevBox> = guarded(pager.try_collect())
        .await
        .expect("every page reads");

    let names: Vec<&str> = dev_boxes
        .iter()
        .map(|d| d.name.as_deref().expect("every item has a name"))
        .collect();
    assert_eq!(names, PAGE_NAMES);
    assert!(
        dev_boxes
            .iter()
            .all(|d| d.provisioning_state == Some(DevBoxProvisioningState::Succeeded))
    );
    assert_page_requests(&server);
    assert_eq!(server.remaining_replies(), 0);
}

#[tokio::test]
async fn list_dev_boxes_by_user_into_pages_yields_three_pages() {
    let server = TestServer::start(Vec::new()).await;
    server.push(three_pages(&server));
    let client = client(&server);

    let pages = client
        .dev_boxes_client()
        .list_dev_boxes_by_user(PROJECT, USER, None)
        .expect("create the pager")
        .into_pages();
    let pages: Vec<_> = guarded(pages.try_collect::<Vec<_>>())
        .await
        .expect("every page reads");

    assert_eq!(pages.len(), 3);
    let mut per_page = Vec::new();
    let mut next_links = Vec::new();
    for page in pages {
        assert_eq!(page.status(), StatusCode::Ok);
        let page = page.into_model().expect("a page parses");
        next_links.push(page.next_link.clone());
        per_page.push(
            page.value
                .expect("every page has a value")
                .into_iter()
                .map(|d| d.name.expect("every item has a name"))
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(
        per_page,
        [
            vec![PAGE_NAMES[0], PAGE_NAMES[1]],
            vec![PAGE_NAMES[2], PAGE_NAMES[3]],
            vec![PAGE_NAMES[4]],
        ]
    );
    assert_eq!(
        next_links,
        [
            Some(format!("{}{PAGE_2_LINK}", server.url())),
            Some(PAGE_3_LINK.to_string()),
            None,
        ]
    );
    assert_page_requests(&server);
}

/// A list stopped after its first page resumes in a new pager, from the first pager's
/// continuation (azure_core's `PagerOptions`): the new pager asks for page 2 and page 3 only,
/// on the next links the service gave, with the client's api-version.
#[tokio::test]
async fn a_list_stopped_after_page_1_resumes_in_a_new_pager() {
    let server = TestServer::start(Vec::new()).await;
    server.push(three_pages(&server));
    let client = client(&server);

    let mut first = client
        .dev_boxes_client()
        .list_dev_boxes_by_user(PROJECT, USER, None)
        .expect("create the pager")
        .into_pages();
    let page_1 = guarded(first.try_next())
        .await
        .expect("page 1 reads")
        .expect("a page 1");
    let names = |page: Response<PagedDevBox>| -> Vec<String> {
        let page = page.into_model().expect("a page parses");
        page.value
            .expect("a value")
            .into_iter()
            .map(|d| d.name.expect("a name"))
            .collect()
    };
    assert_eq!(names(page_1), [PAGE_NAMES[0], PAGE_NAMES[1]]);
    let continuation = first.into_continuation().expect("more pages to come");
    assert_eq!(server.requests().len(), 1);

    let options = DevCenterDevBoxesClientListDevBoxesByUserOptions {
        method_options: PagerOptions {
            continuation: Some(continuation),
            ..Default::default()
        },
    };
    let resumed = client
        .dev_boxes_client()
        .list_dev_boxes_by_user(PROJECT, USER, Some(options))
        .expect("create the pager")
        .into_pages();
    let rest: Vec<_> = guarded(resumed.try_collect::<Vec<_>>())
        .await
        .expect("the other pages read");
    let rest: Vec<Vec<String>> = rest.into_iter().map(names).collect();
    assert_eq!(
        rest,
        [vec![PAGE_NAMES[2], PAGE_NAMES[3]], vec![PAGE_NAMES[4]]]
    );
    assert_page_requests(&server);
}

/// An opaque continuation token with percent-encoded `+`, `/`, `=` and `&`,
/// and another parameter with encoded spaces and quotes, survive the
/// api-version replacement with their decoded values unchanged (an encoded
/// `&` must not split the token into two parameters).
#[tokio::test]
async fn list_all_dev_boxes_by_user_keeps_encoded_next_link_values() {
    let server = TestServer::start(Vec::new()).await;
    let next_link = format!(
        "{}/users/me/devboxes?$skipToken=eyJh%2Bb%2Fc%3D%3D%26x%3Dy&api-version=2023-04-01&$filter=poolName%20eq%20%27Large%27",
        server.url()
    );
    server.push([
        Reply::json(
            200,
            json!({
                "value": [dev_box_item("first")],
                "nextLink": next_link,
            }),
        ),
        Reply::json(200, json!({ "value": [dev_box_item("second")] })),
    ]);
    let client = client(&server);

    let pager = client
        .dev_boxes_client()
        .list_all_dev_boxes_by_user(USER, None)
        .expect("create the pager");
    let names: Vec<String> = guarded(pager.try_collect::<Vec<_>>())
        .await
        .expect("every page reads")
        .into_iter()
        .map(|d| d.name.expect("every item has a name"))
        .collect();
    assert_eq!(names, ["first", "second"]);

    let requests = server.requests();
    assert_eq!(requests.len(), 2, "two page requests: {requests:#?}");
    assert_eq!(
        requests[0].target,
        "/users/me/devboxes?api-version=2025-02-01"
    );
    assert_eq!(requests[1].path(), "/users/me/devboxes");
    let pairs = query_pairs(&requests[1].target);
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    let mut without_version: Vec<_> = pairs
        .iter()
        .filter(|(k, _)| k != "api-version")
        .cloned()
        .collect();
    without_version.sort();
    assert_eq!(
        without_version,
        [
            pair("$filter", "poolName eq 'Large'"),
            pair("$skipToken", "eyJh+b/c==&x=y"),
        ],
        "target was {}",
        requests[1].target
    );
    assert_eq!(
        pairs.iter().filter(|(k, _)| k == "api-version").count(),
        1,
        "target was {}",
        requests[1].target
    );
    assert!(pairs.contains(&pair("api-version", API_VERSION)));
    // The rest of the query is kept byte for byte, so a token is sent exactly as received.
    assert_eq!(
        requests[1].target,
        "/users/me/devboxes?$skipToken=eyJh%2Bb%2Fc%3D%3D%26x%3Dy&$filter=poolName%20eq%20%27Large%27&api-version=2025-02-01"
    );
    for request in &requests {
        assert_eq!(request.method, "GET");
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {TEST_TOKEN}").as_str())
        );
    }
}

// ---------------------------------------------------------------------------
// 4. Creating an environment: the body as received
// ---------------------------------------------------------------------------

#[tokio::test]
async fn create_environment_sends_exact_body_and_reads_back_the_environment() {
    let server = TestServer::start(Vec::new()).await;
    server.push([
        created(&server, environment_json("Creating"), ENVIRONMENT_TARGET),
        terminal("Succeeded"),
        Reply::json(200, environment_json("Succeeded")),
    ]);
    let client = client(&server);

    let parameters = json!({
        "functionAppRuntime": "node",
        "storageAccountType": "Standard_LRS",
        "instances": 2,
        "tags": { "team": "dev", "cost-center": null },
        "regions": ["westus", "eastus"],
        "enableLogs": true
    });
    let body = Environment {
        parameters: Some(parameters.clone()),
        environment_type: Some("DevTest".into()),
        catalog_name: Some("main".into()),
        environment_definition_name: Some("helloworld".into()),
        expiration_date: Some(datetime!(2024-12-31 23:30 UTC)),
        // Read-only: set by the service, never sent.
        uri: Some("https://example.invalid/environments/x".into()),
        name: Some("ShouldNotBeSent".into()),
        user: Some(USER_OBJECT_ID.into()),
        provisioning_state: Some(EnvironmentProvisioningState::Failed),
        resource_group_id: Some("/subscriptions/x/resourceGroups/y".into()),
        error: Some(Default::default()),
    };

    let poller: Poller<OperationProgress<OperationStatus, Environment>> = client
        .environments_client()
        .begin_create_or_replace_environment(PROJECT, USER, ENVIRONMENT, body, None)
        .expect("start the creation");
    let response = guarded(poller).await.expect("the creation succeeds");

    assert_eq!(response.status(), StatusCode::Ok);
    let environment = response.into_model().expect("the environment parses");
    assert_eq!(environment.name.as_deref(), Some(ENVIRONMENT));
    assert_eq!(
        environment.provisioning_state,
        Some(EnvironmentProvisioningState::Succeeded)
    );
    assert_eq!(environment.environment_type.as_deref(), Some("DevTest"));
    assert_eq!(environment.catalog_name.as_deref(), Some("main"));
    assert_eq!(
        environment.environment_definition_name.as_deref(),
        Some("helloworld")
    );
    assert_eq!(
        environment.parameters,
        Some(json!({ "functionAppRuntime": "node", "storageAccountType": "Standard_LRS" }))
    );

    let requests = assert_requests(
        &server,
        &[
            ("PUT", ENVIRONMENT_TARGET),
            ("GET", STATUS_TARGET),
            ("GET", ENVIRONMENT_TARGET),
        ],
    );
    let put = &requests[0];
    assert_eq!(put.header("content-type"), Some("application/json"));
    assert_eq!(
        put.body_json(),
        json!({
            "expirationDate": "2024-12-31T23:30:00Z",
            "parameters": parameters,
            "environmentType": "DevTest",
            "catalogName": "main",
            "environmentDefinitionName": "helloworld"
        }),
        "read-only fields must not be sent; body was {}",
        put.body_str()
    );
    assert_eq!(server.remaining_replies(), 0);
}

// ---------------------------------------------------------------------------
// 5. A text/plain reply
// ---------------------------------------------------------------------------

#[tokio::test]
async fn get_logs_by_operation_returns_the_plain_text_as_sent() {
    let server = TestServer::start(vec![
        Reply::new(200)
            .header("content-type", "text/plain; charset=utf-8")
            .body("line 1\nline 2"),
    ])
    .await;
    let client = client(&server);

    let response: Response<String, TextFormat> =
        guarded(client.environments_client().get_logs_by_operation(
            PROJECT,
            USER,
            ENVIRONMENT,
            OPERATION_ID,
            None,
        ))
        .await
        .expect("the logs read");
    assert_eq!(response.status(), StatusCode::Ok);
    assert_eq!(
        response.into_model().expect("the text reads"),
        "line 1\nline 2"
    );

    let requests = assert_requests(
        &server,
        &[(
            "GET",
            "/projects/myProject/users/me/environments/mydevenv/operations/3f9c2a71-5b8e-4d06-a1c4-7e2d9b0f6a13/logs?api-version=2025-02-01",
        )],
    );
    assert_eq!(requests[0].header("accept"), Some("text/plain"));
    assert!(requests[0].body.is_empty());
}

/// A body that is not valid JSON (so a JSON parser would refuse it) still
/// arrives as the exact text.
#[tokio::test]
async fn get_logs_by_operation_keeps_text_that_is_not_json() {
    let text = "{\"half\": json\n\t  trailing spaces  \n\u{00e9}\u{1F600} done";
    let server = TestServer::start(vec![
        Reply::new(200)
            .header("content-type", "text/plain")
            .body(text),
    ])
    .await;
    let client = client(&server);

    let logs = guarded(client.environments_client().get_logs_by_operation(
        PROJECT,
        USER,
        ENVIRONMENT,
        OPERATION_ID,
        None,
    ))
    .await
    .expect("the logs read")
    .into_model()
    .expect("the text reads");
    assert_eq!(logs, text);
    assert_eq!(server.requests().len(), 1);
}

/// Item by item: the stream ends after the terminal status and never asks
/// for the result (a reply for it stays unused).
#[tokio::test]
async fn create_dev_box_stream_ends_after_the_terminal_status() {
    let server = TestServer::start(Vec::new()).await;
    server.push(create_dev_box_script(&server, false));
    // A reply that must never be asked for: the stream ends at Succeeded.
    server.push([Reply::json(200, dev_box_json("Succeeded", "Running"))]);
    let client = client(&server);

    let mut poller = client
        .dev_boxes_client()
        .begin_create_dev_box(PROJECT, USER, DEV_BOX, dev_box_request(), None)
        .expect("start the creation");
    let mut count = 0;
    while let Some(item) = guarded(poller.next()).await {
        item.expect("every reply reads");
        count += 1;
    }
    assert_eq!(count, 3);
    assert_eq!(server.requests().len(), 3);
    assert_eq!(server.remaining_replies(), 1);
}

// ---------------------------------------------------------------------------
// 6. A discriminated value of a kind the client does not know
// ---------------------------------------------------------------------------

/// `DevBoxOperation` is discriminated by `kind`: a known kind reads as its struct, an unknown
/// one is kept whole as JSON and written back unchanged.
#[tokio::test]
async fn an_operation_of_unknown_kind_is_kept_whole() {
    let unknown = json!({
        "kind": "Hibernate",
        "uri": "/projects/myProject/users/me/devboxes/MyDevBox/operations/2",
        "operationId": "00000000-0000-0000-0000-000000000002",
        "status": "Running",
        "hibernateMode": {"depth": "Deep", "resumeBy": "2025-01-01T00:00:00Z"},
    });
    let server = TestServer::start(vec![Reply::json(
        200,
        json!({"value": [
            {
                "kind": "Start",
                "uri": "/projects/myProject/users/me/devboxes/MyDevBox/operations/1",
                "operationId": "00000000-0000-0000-0000-000000000001",
                "status": "Succeeded",
            },
            unknown,
        ]}),
    )])
    .await;
    let client = client(&server);
    let operations: Vec<DevBoxOperation> = guarded(
        client
            .dev_boxes_client()
            .list_operations(PROJECT, USER, DEV_BOX, None)
            .expect("create the pager")
            .try_collect::<Vec<_>>(),
    )
    .await
    .expect("the page reads");

    assert_eq!(operations.len(), 2);
    let DevBoxOperation::Start(start) = &operations[0] else {
        panic!("the first operation is a Start: {:?}", operations[0]);
    };
    assert_eq!(start.status, Some(OperationState::Succeeded));
    assert_eq!(
        start.operation_id.as_deref(),
        Some("00000000-0000-0000-0000-000000000001")
    );
    let DevBoxOperation::UnknownKind(kept) = &operations[1] else {
        panic!(
            "`Hibernate` is not a kind this client knows: {:?}",
            operations[1]
        );
    };
    assert_eq!(kept, &unknown);
    assert_eq!(
        serde_json::to_value(&operations[1]).expect("serializes"),
        unknown
    );
    assert_eq!(
        server.requests()[0].target,
        "/projects/myProject/users/me/devboxes/MyDevBox/operations?api-version=2025-02-01"
    );
}
