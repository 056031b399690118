//! The constructs of real documents that reach the wire, sent and read by the generated client
//! (`generated/wire/`, from `tests/fixtures/wire.yaml`) against the live local HTTPS server of
//! `support/`: every request's exact bytes, and what the client makes of exact reply bytes.

mod support;

use serde_json::json;
use support::{RecordedRequest, Reply, TestServer, client_options};
use time::macros::datetime;
use wire_test_client::models::{Filter, Finish, Sort, Stamp, Thing};
use wire_test_client::{
    WireClient, WireClientOptions, WireStampsClientPutOptions, WireThingsClientSearchOptions,
};

fn client(server: &TestServer) -> WireClient {
    let options = WireClientOptions {
        client_options: client_options(server),
        ..Default::default()
    };
    WireClient::new(&server.url(), Some(options)).expect("create client")
}

/// The only request `server` received.
fn only_request(server: &TestServer) -> RecordedRequest {
    let mut requests = server.requests();
    assert_eq!(requests.len(), 1, "{requests:#?}");
    requests.remove(0)
}

/// An object query parameter is one pair per property (`form`, exploded), a `deepObject` one is
/// `name[property]`, absent properties are left out, and a cookie is a `Cookie` header pair.
#[tokio::test]
async fn object_query_parameters_and_cookies_are_sent_as_their_styles_say() {
    let server = TestServer::start(vec![Reply::json(200, json!([]))]).await;
    let filter = Filter {
        color: Some("dark red".to_string()),
        min_size: Some(3),
    };
    let options = WireThingsClientSearchOptions {
        sort: Some(Sort {
            field: Some("name".to_string()),
            descending: None,
        }),
        session: Some("s3ss10n".to_string()),
        ..Default::default()
    };
    let things = client(&server)
        .things_client()
        .search(&filter, Some(options))
        .await
        .expect("the search succeeds")
        .into_model()
        .expect("an empty list reads");
    assert!(things.is_empty());
    let request = only_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        "/things?color=dark+red&minSize=3&sort%5Bfield%5D=name"
    );
    assert_eq!(request.header("cookie"), Some("session=s3ss10n"));
}

/// Without the optional object and cookie, only the required object is sent, and no `Cookie`.
#[tokio::test]
async fn absent_optional_objects_and_cookies_send_nothing() {
    let server = TestServer::start(vec![Reply::json(200, json!([]))]).await;
    let filter = Filter {
        color: None,
        min_size: Some(0),
    };
    client(&server)
        .things_client()
        .search(&filter, None)
        .await
        .expect("the search succeeds");
    let request = only_request(&server);
    assert_eq!(request.target, "/things?minSize=0");
    assert_eq!(request.header("cookie"), None);
}

/// An enum that includes `null` reads `null` as absent and its values as variants, and sends
/// its variants as their wire values.
#[tokio::test]
async fn an_enum_with_null_reads_null_as_absent_and_sends_its_values() {
    let reply = r#"[{"name":"a","finish":null},{"name":"b","finish":"gloss"},{"name":"c"}]"#;
    let server = TestServer::start(vec![
        Reply::new(200)
            .header("content-type", "application/json")
            .body(reply),
        Reply::new(200)
            .header("content-type", "application/json")
            .body(r#"{"name":"x","finish":null}"#),
    ])
    .await;
    let filter = Filter {
        color: None,
        min_size: None,
    };
    let things = client(&server)
        .things_client()
        .search(&filter, None)
        .await
        .expect("the search succeeds")
        .into_model()
        .expect("the things read");
    let finishes: Vec<Option<Finish>> = things.iter().map(|t| t.finish).collect();
    assert_eq!(finishes, [None, Some(Finish::Gloss), None]);

    let thing = Thing {
        name: Some("x".to_string()),
        finish: Some(Finish::Matte),
    };
    let stored = client(&server)
        .things_client()
        .put("x", thing, None)
        .await
        .expect("the put succeeds")
        .into_model()
        .expect("the thing reads");
    assert_eq!(stored.finish, None);
    let put = &server.requests()[1];
    assert_eq!(
        (put.method.as_str(), put.target.as_str()),
        ("PUT", "/things/x")
    );
    assert_eq!(put.header("content-type"), Some("application/json"));
    assert_eq!(put.body_str(), r#"{"name":"x","finish":"matte"}"#);
}

/// A reply of a media type the client does not model (`application/zip`) is its exact bytes,
/// asked for with that media type, whose `Content-Type` the response keeps.
#[tokio::test]
async fn a_bytes_reply_is_returned_byte_for_byte() {
    let zip: &[u8] = b"PK\x03\x04\x14\x00\x00\x00\xff\xfe\x00\r\n";
    let server = TestServer::start(vec![
        Reply::new(200)
            .header("content-type", "application/zip")
            .body(zip.to_vec()),
    ])
    .await;
    let response = client(&server)
        .things_client()
        .get_archive("a b", None)
        .await
        .expect("the archive is sent");
    assert_eq!(
        response
            .headers()
            .get_optional_str(&azure_core::http::headers::CONTENT_TYPE),
        Some("application/zip")
    );
    let bytes = response.into_model().expect("bytes read");
    assert_eq!(&bytes[..], zip);
    let request = only_request(&server);
    assert_eq!(request.target, "/things/a%20b/archive");
    assert_eq!(request.header("accept"), Some("application/zip"));
}

/// Bytes and date-times are typed, and go on the wire in their formats: base64 and base64url
/// text (`Vec<u8>`), HTTP dates and unix times (`OffsetDateTime`), in a body, a query and a
/// header; the reply reads back into the same values.
#[tokio::test]
async fn bytes_and_dates_go_on_the_wire_in_their_formats() {
    let reply = json!({
        "seal": "3q2+7w==",
        "token": "3q2-7w",
        "issued": "Fri, 26 Aug 2022 14:38:00 GMT",
        "expires": 1686566864,
        "history": [1686566864, 1686734256],
    });
    let server = TestServer::start(vec![Reply::json(200, reply)]).await;
    let issued = datetime!(2022-08-26 14:38:00 UTC);
    let expires = datetime!(2023-06-12 10:47:44 UTC);
    let stamp = Stamp {
        seal: Some(vec![0xde, 0xad, 0xbe, 0xef]),
        token: Some(vec![0xde, 0xad, 0xbe, 0xef]),
        issued: Some(issued),
        expires: Some(expires),
        history: None,
    };
    let options = WireStampsClientPutOptions {
        since: Some(expires),
        ..Default::default()
    };
    let stored = client(&server)
        .stamps_client()
        .put("s", &issued, &[0xfb, 0xff], stamp.clone(), Some(options))
        .await
        .expect("the put succeeds")
        .into_model()
        .expect("the stamp reads");
    assert_eq!(
        Stamp {
            history: Some(vec![1686566864, 1686734256]),
            ..stamp
        },
        stored
    );
    let request = only_request(&server);
    assert_eq!(
        request.target,
        "/stamps/s?at=Fri%2C+26+Aug+2022+14%3A38%3A00+GMT&since=1686566864"
    );
    assert_eq!(request.header("x-signature"), Some("-_8"));
    assert_eq!(
        request.body_json(),
        json!({
            "seal": "3q2+7w==",
            "token": "3q2-7w",
            "issued": "Fri, 26 Aug 2022 14:38:00 GMT",
            "expires": 1686566864,
        })
    );
}
