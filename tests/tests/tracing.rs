//! Distributed tracing, as Azure's crates do it: a client given a tracer provider (in
//! `ClientOptions::instrumentation`; `azure_core_opentelemetry` makes one for OpenTelemetry)
//! makes one span per call, named `Namespace.operation` with the service's `az.namespace`, and
//! the HTTP request's span inside it; a call that fails has the error type on its span. The
//! provider here keeps the spans in memory, and the client talks to the live local server.

mod support;

use azure_core::http::Request;
use azure_core::http::{Context, InstrumentationOptions};
use azure_core::tracing::{
    AsAny, Attribute, AttributeValue, Span, SpanGuard, SpanKind, SpanStatus, Tracer, TracerProvider,
};
use devcenter_client::{DevCenterClient, DevCenterClientOptions};
use serde_json::json;
use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use support::{Reply, TestCredential, TestServer, client_options};

/// Every span started, in order.
#[derive(Debug, Default)]
struct Recorder {
    spans: Mutex<Vec<Arc<RecordedSpan>>>,
    next_id: AtomicU8,
}

#[derive(Debug)]
struct RecordedSpan {
    id: [u8; 8],
    parent: Option<[u8; 8]>,
    name: String,
    kind: SpanKind,
    attributes: Mutex<Vec<(String, AttributeValue)>>,
    status: Mutex<Option<String>>,
    ended: AtomicBool,
}

impl RecordedSpan {
    fn attribute(&self, key: &str) -> Option<AttributeValue> {
        let attributes = self.attributes.lock().unwrap();
        attributes
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

#[derive(Debug)]
struct RecordingTracer {
    recorder: Arc<Recorder>,
    namespace: Option<&'static str>,
}

/// The provider a user would configure; each client asks it for a tracer.
#[derive(Debug)]
struct RecordingProvider(Arc<Recorder>);

impl TracerProvider for RecordingProvider {
    fn get_tracer(
        &self,
        namespace: Option<&'static str>,
        _crate_name: &'static str,
        _crate_version: Option<&'static str>,
    ) -> Arc<dyn Tracer> {
        Arc::new(RecordingTracer {
            recorder: self.0.clone(),
            namespace,
        })
    }
}

impl RecordingTracer {
    fn start(
        &self,
        name: Cow<'static, str>,
        kind: SpanKind,
        attributes: Vec<Attribute>,
        parent: Option<[u8; 8]>,
    ) -> Arc<dyn Span> {
        let id = [self.recorder.next_id.fetch_add(1, Ordering::SeqCst) + 1; 8];
        let span = Arc::new(RecordedSpan {
            id,
            parent,
            name: name.into_owned(),
            kind,
            attributes: Mutex::new(
                attributes
                    .into_iter()
                    .map(|a| (a.key.into_owned(), a.value))
                    .collect(),
            ),
            status: Mutex::new(None),
            ended: AtomicBool::new(false),
        });
        self.recorder.spans.lock().unwrap().push(span.clone());
        span
    }
}

impl Tracer for RecordingTracer {
    fn start_span(
        &self,
        name: Cow<'static, str>,
        kind: SpanKind,
        attributes: Vec<Attribute>,
    ) -> Arc<dyn Span> {
        self.start(name, kind, attributes, None)
    }

    fn start_span_with_parent(
        &self,
        name: Cow<'static, str>,
        kind: SpanKind,
        attributes: Vec<Attribute>,
        parent: Arc<dyn Span>,
    ) -> Arc<dyn Span> {
        self.start(name, kind, attributes, Some(parent.span_id()))
    }

    fn namespace(&self) -> Option<&'static str> {
        self.namespace
    }
}

struct NoGuard;

impl SpanGuard for NoGuard {
    fn end(self) {}
}

impl AsAny for RecordedSpan {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Span for RecordedSpan {
    fn is_recording(&self) -> bool {
        true
    }

    fn span_id(&self) -> [u8; 8] {
        self.id
    }

    fn end(&self) {
        self.ended.store(true, Ordering::SeqCst);
    }

    fn set_status(&self, status: SpanStatus) {
        *self.status.lock().unwrap() = Some(format!("{status:?}"));
    }

    fn set_attribute(&self, key: &'static str, value: AttributeValue) {
        self.attributes
            .lock()
            .unwrap()
            .push((key.to_string(), value));
    }

    fn record_error(&self, error: &dyn std::error::Error) {
        self.set_attribute("exception.message", error.to_string().into());
    }

    fn set_current(&self, _context: &Context) -> Box<dyn SpanGuard> {
        Box::new(NoGuard)
    }

    fn propagate_headers(&self, _request: &mut Request) {}
}

const PROJECT: &str = "myProject";
const OPERATION_ID: &str = "fa067167-e49d-41bd-8dd8-de719b9de3b3";

#[tokio::test]
async fn each_call_is_one_span_named_for_its_operation_with_the_error_type_on_failure() {
    let server = TestServer::start(vec![
        Reply::json(200, json!({"id": "x", "status": "Running"})),
        Reply::json(
            404,
            json!({"error": {"code": "NotFound", "message": "no such operation"}}),
        )
        .header("x-ms-error-code", "NotFound"),
    ])
    .await;
    let recorder = Arc::new(Recorder::default());
    let options = DevCenterClientOptions {
        client_options: azure_core::http::ClientOptions {
            instrumentation: InstrumentationOptions {
                tracer_provider: Some(Arc::new(RecordingProvider(recorder.clone()))),
            },
            ..client_options(&server)
        },
        ..Default::default()
    };
    let client = DevCenterClient::new(&server.url(), TestCredential::new(), Some(options))
        .expect("create client");
    let statuses = client.operation_statuses_client();
    statuses
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect("the first call succeeds");
    statuses
        .get(PROJECT, OPERATION_ID, None)
        .await
        .expect_err("the second call fails");

    let spans = recorder.spans.lock().unwrap().clone();
    let calls: Vec<&Arc<RecordedSpan>> = spans
        .iter()
        .filter(|span| span.name == "DevCenter.OperationStatuses.get")
        .collect();
    assert_eq!(calls.len(), 2, "one span per call: {spans:#?}");
    for call in &calls {
        assert_eq!(call.kind, SpanKind::Internal);
        assert_eq!(call.parent, None);
        assert!(call.ended.load(Ordering::SeqCst));
        assert_eq!(call.attribute("az.namespace"), Some("DevCenter".into()));
        // Inside it, the HTTP request's span.
        let requests: Vec<&Arc<RecordedSpan>> = spans
            .iter()
            .filter(|span| span.parent == Some(call.id))
            .collect();
        assert_eq!(requests.len(), 1, "{spans:#?}");
        assert_eq!(requests[0].name, "GET");
        assert_eq!(requests[0].kind, SpanKind::Client);
    }
    assert_eq!(calls[0].attribute("error.type"), None);
    assert_eq!(calls[1].attribute("error.type"), Some("404".into()));
    assert_eq!(spans.len(), 4, "{spans:#?}");
}
