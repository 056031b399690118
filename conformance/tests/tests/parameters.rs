//! parameters/*, special-headers/*, server/*, authentication/*, payload/head, payload/json-merge-patch, payload/media-type

mod support;

/// What the authentication tests need: a credential whose token is the scope it is asked
/// for (what Spector's OAuth2 scenarios expect), and a transport that lets a client built
/// on an `https://` endpoint (azure_core's bearer policy refuses plain http) reach the
/// mock server over plain http.
mod auth_support {
    use azure_core::credentials::{AccessToken, TokenCredential, TokenRequestOptions};
    use azure_core::http::{AsyncRawResponse, ClientOptions, HttpClient, Request, Transport, Url};
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::Arc;

    type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

    /// A credential whose token is the requested scopes, joined by spaces.
    #[derive(Debug)]
    pub struct ScopeCredential;

    // The desugared form of `#[async_trait]`, which this test crate does not depend on.
    impl TokenCredential for ScopeCredential {
        fn get_token<'life0, 'life1, 'life2, 'life3, 'async_trait>(
            &'life0 self,
            scopes: &'life1 [&'life2 str],
            _options: Option<TokenRequestOptions<'life3>>,
        ) -> BoxFuture<'async_trait, azure_core::Result<AccessToken>>
        where
            'life0: 'async_trait,
            'life1: 'async_trait,
            'life2: 'async_trait,
            'life3: 'async_trait,
            Self: 'async_trait,
        {
            let token = AccessToken::new(
                scopes.join(" "),
                time::OffsetDateTime::now_utc() + time::Duration::hours(1),
            );
            Box::pin(std::future::ready(Ok(token)))
        }
    }

    /// Sends every request to the mock server over plain http, whatever the request's
    /// scheme, host and port.
    #[derive(Debug)]
    struct PlainHttp {
        target: Url,
        inner: Arc<dyn HttpClient>,
    }

    impl HttpClient for PlainHttp {
        fn execute_request<'life0, 'life1, 'async_trait>(
            &'life0 self,
            request: &'life1 Request,
        ) -> BoxFuture<'async_trait, azure_core::Result<AsyncRawResponse>>
        where
            'life0: 'async_trait,
            'life1: 'async_trait,
            Self: 'async_trait,
        {
            Box::pin(async move {
                let mut request = request.clone();
                let url = request.url_mut();
                url.set_scheme(self.target.scheme())
                    .expect("http and https are interchangeable");
                url.set_host(self.target.host_str())
                    .expect("the mock server's host");
                url.set_port(self.target.port())
                    .expect("the mock server's port");
                self.inner.execute_request(&request).await
            })
        }
    }

    /// An `https://` endpoint standing for the mock server, and client options whose
    /// transport takes the requests to it over plain http.
    pub fn https_endpoint_and_options() -> (String, ClientOptions) {
        let target = Url::parse(&crate::support::endpoint()).expect("SPECTOR_ENDPOINT");
        let mut https = target.clone();
        https
            .set_scheme("https")
            .expect("http and https are interchangeable");
        let client = PlainHttp {
            target,
            inner: azure_core::http::new_http_client(None),
        };
        let options = ClientOptions {
            transport: Some(Transport::new(Arc::new(client))),
            ..Default::default()
        };
        (https.to_string(), options)
    }

    /// The credential to hand to clients.
    pub fn credential() -> Arc<dyn TokenCredential> {
        Arc::new(ScopeCredential)
    }
}

mod parameters_basic {
    use spector_parameters_basic::{
        TitleClient,
        models::{ImplicitBodySimpleBody, User},
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn explicit_body_simple() {
        client()
            .explicit_body_client()
            .simple(
                User {
                    name: Some("foo".to_string()),
                },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn implicit_body_simple() {
        client()
            .implicit_body_client()
            .simple(
                ImplicitBodySimpleBody {
                    name: Some("foo".to_string()),
                },
                None,
            )
            .await
            .unwrap();
    }
}

mod parameters_body_optionality {
    use spector_parameters_body_optionality::{TitleClient, models::BodyModel};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn named_foo() -> BodyModel {
        BodyModel {
            name: Some("foo".to_string()),
        }
    }

    #[tokio::test]
    async fn required_explicit() {
        client().required_explicit(named_foo(), None).await.unwrap();
    }

    #[tokio::test]
    async fn required_implicit() {
        client().required_implicit(named_foo(), None).await.unwrap();
    }

    #[tokio::test]
    async fn optional_explicit() {
        let optional = client().optional_explicit_client();
        optional.set(Some(named_foo()), None).await.unwrap();
        optional.omit(None, None).await.unwrap();
    }
}

mod parameters_body_root {
    use spector_parameters_body_root::{TitleClient, models::BodyRootModel};

    #[tokio::test]
    async fn nested() {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .nested(
                BodyRootModel {
                    category: Some("widget".to_string()),
                    link_type: Some("hard".to_string()),
                    was_successful: Some(true),
                },
                None,
            )
            .await
            .unwrap();
    }
}

mod parameters_collection_format {
    use spector_parameters_collection_format::TitleClient;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn colors() -> Vec<String> {
        ["blue", "red", "green"].map(String::from).to_vec()
    }

    #[tokio::test]
    async fn query_multi() {
        client()
            .query_client()
            .multi(&colors(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn query_csv() {
        client().query_client().csv(&colors(), None).await.unwrap();
    }

    #[tokio::test]
    async fn query_ssv() {
        client().query_client().ssv(&colors(), None).await.unwrap();
    }

    #[tokio::test]
    async fn query_pipes() {
        client()
            .query_client()
            .pipes(&colors(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn header_csv() {
        client().header_client().csv(&colors(), None).await.unwrap();
    }
}

mod parameters_path {
    use spector_parameters_path::TitleClient;

    // `optional{name}` is TypeSpec's optional path parameter (`{/name}`), which OpenAPI does not
    // have: the generator makes it required and glues it to `optional`, so that scenario cannot
    // be sent; `normal` can.
    #[tokio::test]
    async fn normal() {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .normal("foo", None)
            .await
            .unwrap();
    }
}

mod parameters_query {
    use spector_parameters_query::TitleClient;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// A required query parameter of one value is a constant: the method sends it.
    #[tokio::test]
    async fn constant_post() {
        client().constant_client().post(None).await.unwrap();
    }

    #[tokio::test]
    async fn special_char_dollar_sign() {
        client()
            .special_char_client()
            .dollar_sign("status eq 'active'", None)
            .await
            .unwrap();
    }
}

mod parameters_spread {
    use spector_parameters_spread::{
        TitleAliasClient, TitleClient, TitleModelClient,
        models::{
            AliasSpreadAsRequestBodyBody, AliasSpreadAsRequestParameterBody,
            AliasSpreadParameterWithInnerAliasBody, AliasSpreadWithMultipleParametersBody,
            BodyParameter, CompositeRequestMix, InnerModel,
        },
    };

    fn model() -> TitleModelClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .model_client()
    }

    fn alias() -> TitleAliasClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .alias_client()
    }

    fn some_foo() -> Option<String> {
        Some("foo".to_string())
    }

    #[tokio::test]
    async fn model_spread_as_request_body() {
        model()
            .spread_as_request_body(BodyParameter { name: some_foo() }, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn model_spread_composite_request_only_with_body() {
        model()
            .spread_composite_request_only_with_body(BodyParameter { name: some_foo() }, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn model_spread_composite_request_without_body() {
        model()
            .spread_composite_request_without_body("foo", "bar", None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn model_spread_composite_request() {
        model()
            .spread_composite_request("foo", "bar", BodyParameter { name: some_foo() }, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn model_spread_composite_request_mix() {
        model()
            .spread_composite_request_mix(
                "foo",
                "bar",
                CompositeRequestMix { prop: some_foo() },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn alias_spread_as_request_body() {
        alias()
            .spread_as_request_body(AliasSpreadAsRequestBodyBody { name: some_foo() }, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn alias_spread_as_request_parameter() {
        alias()
            .spread_as_request_parameter(
                "1",
                "bar",
                AliasSpreadAsRequestParameterBody { name: some_foo() },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn alias_spread_with_multiple_parameters() {
        alias()
            .spread_with_multiple_parameters(
                "1",
                "bar",
                AliasSpreadWithMultipleParametersBody {
                    required_string: some_foo(),
                    optional_int: Some(1),
                    required_int_list: Some(vec![1, 2]),
                    optional_string_list: Some(vec!["foo".to_string(), "bar".to_string()]),
                },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn alias_spread_parameter_with_inner_model() {
        alias()
            .spread_parameter_with_inner_model("1", "bar", InnerModel { name: some_foo() }, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn alias_spread_parameter_with_inner_alias() {
        alias()
            .spread_parameter_with_inner_alias(
                "1",
                "bar",
                AliasSpreadParameterWithInnerAliasBody {
                    name: some_foo(),
                    age: Some(1),
                },
                None,
            )
            .await
            .unwrap();
    }
}

mod special_headers_conditional_request {
    use spector_special_headers_conditional_request::{
        TitleClient, TitleClientHeadIfModifiedSinceOptions, TitleClientPostIfMatchOptions,
        TitleClientPostIfNoneMatchOptions, TitleClientPostIfUnmodifiedSinceOptions,
    };

    /// Fri, 26 Aug 2022 14:38:00 GMT, sent in RFC 7231 form.
    const DATE: time::OffsetDateTime = time::macros::datetime!(2022-08-26 14:38:00 UTC);

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn post_if_match() {
        client()
            .post_if_match(Some(TitleClientPostIfMatchOptions {
                if_match: Some("\"valid\"".to_string()),
                ..Default::default()
            }))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn post_if_none_match() {
        client()
            .post_if_none_match(Some(TitleClientPostIfNoneMatchOptions {
                if_none_match: Some("\"invalid\"".to_string()),
                ..Default::default()
            }))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn head_if_modified_since() {
        client()
            .head_if_modified_since(Some(TitleClientHeadIfModifiedSinceOptions {
                if_modified_since: Some(DATE),
                ..Default::default()
            }))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn post_if_unmodified_since() {
        client()
            .post_if_unmodified_since(Some(TitleClientPostIfUnmodifiedSinceOptions {
                if_unmodified_since: Some(DATE),
                ..Default::default()
            }))
            .await
            .unwrap();
    }
}

mod special_headers_repeatability {
    use azure_core::http::headers::HeaderName;
    use spector_special_headers_repeatability::TitleClient;

    #[tokio::test]
    async fn immediate_success() {
        let request_id = azure_core::Uuid::new_v4().to_string();
        let first_sent = time::OffsetDateTime::now_utc();
        let response = TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .immediate_success(&request_id, &first_sent, None)
            .await
            .unwrap();
        assert_eq!(
            response
                .headers()
                .get_optional_str(&HeaderName::from_static("repeatability-result")),
            Some("accepted")
        );
    }
}

mod server_endpoint_not_defined {
    use spector_server_endpoint_not_defined::TestserverWithoutAnyEndpointClient;

    #[tokio::test]
    async fn valid() {
        let response = TestserverWithoutAnyEndpointClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .valid(None)
            .await
            .unwrap();
        assert_eq!(u16::from(response.status()), 200);
    }
}

mod server_path_single {
    use spector_server_path_single::TitleClient;

    #[tokio::test]
    async fn my_op() {
        let response = TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .my_op(None)
            .await
            .unwrap();
        assert_eq!(u16::from(response.status()), 200);
    }
}

mod server_versions_not_versioned {
    use spector_server_versions_not_versioned::{TitleClient, TitleClientOptions};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn without_api_version() {
        client().without_api_version(None).await.unwrap();
    }

    #[tokio::test]
    async fn with_path_api_version() {
        client().with_path_api_version("v1.0", None).await.unwrap();
    }

    #[tokio::test]
    async fn with_query_api_version() {
        TitleClient::new(
            &crate::support::endpoint(),
            Some(TitleClientOptions {
                api_version: "v1.0".to_string(),
                ..Default::default()
            }),
        )
        .expect("client")
        .with_query_api_version(None)
        .await
        .unwrap();
    }
}

mod server_versions_versioned {
    use spector_server_versions_versioned::{TitleClient, TitleClientOptions};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn without_api_version() {
        client().without_api_version(None).await.unwrap();
    }

    #[tokio::test]
    async fn with_path_api_version() {
        let client = client();
        assert_eq!(client.api_version(), "2022-12-01-preview");
        client
            .with_path_api_version(client.api_version(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn with_query_api_version() {
        client().with_query_api_version(None).await.unwrap();
    }

    #[tokio::test]
    async fn with_query_old_api_version() {
        TitleClient::new(
            &crate::support::endpoint(),
            Some(TitleClientOptions {
                api_version: "2021-01-01-preview".to_string(),
                ..Default::default()
            }),
        )
        .expect("client")
        .with_query_old_api_version(None)
        .await
        .unwrap();
    }
}

mod authentication_api_key {
    use azure_core::credentials::Secret;
    use spector_authentication_api_key::{TitleClient, models::InvalidAuth};

    fn client(key: &'static str) -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), Secret::from(key), None).expect("client")
    }

    #[tokio::test]
    async fn valid() {
        client("valid-key").valid(None).await.unwrap();
    }

    #[tokio::test]
    async fn invalid() {
        let error = client("invalid-key").invalid(None).await.unwrap_err();
        assert_eq!(error.http_status().map(u16::from), Some(403));
        let body = InvalidAuth::from_error(&error).expect("an InvalidAuth body");
        assert_eq!(body.error.as_deref(), Some("invalid-api-key"));
    }
}

mod authentication_noauth_union {
    use crate::auth_support::{credential, https_endpoint_and_options};
    use spector_authentication_noauth_union::{TitleClient, TitleClientOptions};

    // The document's `security` is `{}` (no credential) first, then OAuth2: `new` takes
    // nothing, `with_token_credential` a token credential.
    #[tokio::test]
    async fn valid_no_auth() {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .valid_no_auth(None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn valid_token() {
        let (endpoint, client_options) = https_endpoint_and_options();
        let options = TitleClientOptions {
            client_options,
            ..Default::default()
        };
        TitleClient::with_token_credential(&endpoint, credential(), Some(options))
            .expect("client")
            .valid_token(None)
            .await
            .unwrap();
    }
}

mod authentication_oauth2 {
    use crate::auth_support::{credential, https_endpoint_and_options};
    use spector_authentication_oauth2::{TitleClient, TitleClientOptions, models::InvalidAuth};

    fn client() -> TitleClient {
        let (endpoint, client_options) = https_endpoint_and_options();
        TitleClient::new(
            &endpoint,
            credential(),
            Some(TitleClientOptions {
                client_options,
                ..Default::default()
            }),
        )
        .expect("client")
    }

    #[tokio::test]
    async fn valid() {
        client().valid(None).await.unwrap();
    }

    #[tokio::test]
    async fn invalid() {
        let error = client().invalid(None).await.unwrap_err();
        assert_eq!(error.http_status().map(u16::from), Some(403));
        let body = InvalidAuth::from_error(&error).expect("an InvalidAuth body");
        assert_eq!(body.error.as_deref(), Some("invalid-grant"));
    }
}

mod authentication_union {
    use crate::auth_support::{credential, https_endpoint_and_options};
    use azure_core::credentials::Secret;
    use spector_authentication_union::{TitleClient, TitleClientOptions};

    #[tokio::test]
    async fn valid_key() {
        TitleClient::new(&crate::support::endpoint(), Secret::from("valid-key"), None)
            .expect("client")
            .valid_key(None)
            .await
            .unwrap();
    }

    // The document offers an API key or an OAuth2 token: `with_token_credential` takes the
    // token credential, whose token for the scope goes as `Authorization: Bearer`.
    #[tokio::test]
    async fn valid_token() {
        let (endpoint, client_options) = https_endpoint_and_options();
        let options = TitleClientOptions {
            client_options,
            ..Default::default()
        };
        TitleClient::with_token_credential(&endpoint, credential(), Some(options))
            .expect("client")
            .valid_token(None)
            .await
            .unwrap();
    }
}

mod payload_head {
    use azure_core::http::headers::HeaderName;
    use spector_payload_head::TitleClient;

    #[tokio::test]
    async fn content_type_header_in_response() {
        let response = TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .content_type_header_in_response(None)
            .await
            .unwrap();
        assert_eq!(u16::from(response.status()), 200);
        let headers = response.headers();
        assert_eq!(
            headers.get_optional_str(&HeaderName::from_static("content-type")),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(
            headers.get_optional_str(&HeaderName::from_static("x-ms-meta")),
            Some("hello")
        );
    }
}

mod payload_json_merge_patch {
    use spector_payload_json_merge_patch::{
        TitleClient,
        models::{InnerModel, Resource, ResourcePatch},
    };
    use std::collections::HashMap;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn inner() -> InnerModel {
        InnerModel {
            name: Some(Some("InnerMadge".to_string())),
            description: Some(Some("innerDesc".to_string())),
        }
    }

    fn created() -> Resource {
        Resource {
            name: Some("Madge".to_string()),
            description: Some("desc".to_string()),
            map: Some(HashMap::from([("key".to_string(), inner())])),
            array: Some(vec![inner()]),
            int_value: Some(1),
            float_value: Some(1.25),
            inner_model: Some(inner()),
            int_array: Some(vec![1, 2, 3]),
        }
    }

    /// The reply to both updates.
    fn updated() -> Resource {
        Resource {
            name: Some("Madge".to_string()),
            map: Some(HashMap::from([(
                "key".to_string(),
                InnerModel {
                    name: Some(Some("InnerMadge".to_string())),
                    description: None,
                },
            )])),
            ..Default::default()
        }
    }

    /// `{"description": null, "map": {"key": {"description": null}, "key2": null},
    /// "array": null, "intValue": null, "floatValue": null, "innerModel": null,
    /// "intArray": null}`.
    fn patch() -> ResourcePatch {
        ResourcePatch {
            description: Some(None),
            map: Some(Some(HashMap::from([
                (
                    "key".to_string(),
                    Some(InnerModel {
                        name: None,
                        description: Some(None),
                    }),
                ),
                ("key2".to_string(), None),
            ]))),
            array: Some(None),
            int_value: Some(None),
            float_value: Some(None),
            inner_model: Some(None),
            int_array: Some(None),
        }
    }

    #[tokio::test]
    async fn create_resource() {
        let resource = client()
            .create_resource(created(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(resource, created());
    }

    #[tokio::test]
    async fn update_resource() {
        let resource = client()
            .update_resource(patch(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(resource, updated());
    }

    #[tokio::test]
    async fn update_optional_resource() {
        let resource = client()
            .update_optional_resource(Some(patch()), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(resource, updated());
    }
}

mod payload_media_type {
    use spector_payload_media_type::{TitleClient, TitleStringBodyClient};

    fn client() -> TitleStringBodyClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .string_body_client()
    }

    #[tokio::test]
    async fn send_as_text() {
        client()
            .send_as_text("{cat}".to_string(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn get_as_text() {
        let text = client()
            .get_as_text(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(text, "{cat}");
    }

    #[tokio::test]
    async fn send_as_json() {
        client()
            .send_as_json("foo".to_string(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn get_as_json() {
        let text = client()
            .get_as_json(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(text, "foo");
    }
}
