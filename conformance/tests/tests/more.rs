//! azure/encode/duration, azure/payload/pageable, azure/special-headers/*, azure/versioning/previewVersion,
//! response/body-or-no-content, serialization/encoded-name/json.

mod support;

use support::{collect, header};

mod azure_encode_duration {
    //! azure/encode/duration: a duration sent in the `duration-constant` encoding.

    use spector_azure_encode_duration::{TitleClient, models::DurationModel};

    #[tokio::test]
    async fn duration_constant() {
        let body = DurationModel {
            input: Some("1.02:59:59.5000000".to_string()),
        };
        let response = TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .duration_constant(body, None)
            .await
            .unwrap();
        assert_eq!(response.status(), azure_core::http::StatusCode::NoContent);
    }
}

mod azure_payload_pageable {
    //! azure/payload/pageable: a list of two pages, the second found by `nextLink`.

    use spector_azure_payload_pageable::{
        TitleClient, TitleClientListOptions,
        models::{PagedUser, User},
    };

    fn user(name: &str) -> User {
        let mut user = User::default();
        user.name = Some(name.to_string());
        user
    }

    fn list() -> azure_core::http::pager::Pager<PagedUser> {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .list(Some(TitleClientListOptions {
                maxpagesize: Some(3),
                ..Default::default()
            }))
            .unwrap()
    }

    #[tokio::test]
    async fn list_items() {
        let users = crate::collect(list()).await.unwrap();
        assert_eq!(
            users,
            vec![user("user5"), user("user6"), user("user7"), user("user8")]
        );
    }

    #[tokio::test]
    async fn list_pages() {
        let pages: Vec<_> = futures::TryStreamExt::try_collect(list().into_pages())
            .await
            .unwrap();
        let pages: Vec<PagedUser> = pages
            .into_iter()
            .map(|page| page.into_model().unwrap())
            .collect();
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages[0].value,
            Some(vec![user("user5"), user("user6"), user("user7")])
        );
        assert!(
            pages[0]
                .next_link
                .as_deref()
                .unwrap()
                .ends_with("/azure/payload/pageable?skipToken=name-user7&maxpagesize=3")
        );
        assert_eq!(pages[1].value, Some(vec![user("user8")]));
        assert_eq!(pages[1].next_link, None);
    }
}

mod azure_special_headers_client_request_id {
    //! azure/special-headers/client-request-id: `x-ms-client-request-id`, a UUID the
    //! service echoes.

    use spector_azure_special_headers_client_request_id::{TitleClient, TitleClientGetOptions};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// azure_core's pipeline sets a fresh UUID when the caller gives none.
    #[tokio::test]
    async fn get_sets_a_uuid() {
        let response = client().get(None).await.unwrap();
        assert_eq!(response.status(), azure_core::http::StatusCode::NoContent);
        let echoed = crate::header(response.headers(), "x-ms-client-request-id")
            .expect("x-ms-client-request-id in the reply");
        assert!(
            azure_core::Uuid::parse_str(&echoed).is_ok(),
            "not a UUID: {echoed}"
        );
    }

    #[tokio::test]
    async fn get_with_given_id() {
        let id = "123e4567-e89b-12d3-a456-426614174000";
        let response = client()
            .get(Some(TitleClientGetOptions {
                x_ms_client_request_id: Some(id.to_string()),
                ..Default::default()
            }))
            .await
            .unwrap();
        assert_eq!(response.status(), azure_core::http::StatusCode::NoContent);
        assert_eq!(
            crate::header(response.headers(), "x-ms-client-request-id").as_deref(),
            Some(id)
        );
    }
}

mod azure_special_headers_conditional_request {
    //! azure/special-headers/conditional-request: `If-Match`, `If-None-Match` and custom
    //! names for them, carrying quoted ETags.

    use spector_azure_special_headers_conditional_request::{
        TitleClient, TitleClientPostCustomIfMatchOptions, TitleClientPostCustomIfNoneMatchOptions,
        TitleClientPostIfMatchOptions, TitleClientPostIfNoneMatchOptions,
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    const VALID: &str = "\"valid\"";
    const INVALID: &str = "\"invalid\"";

    #[tokio::test]
    async fn post_if_match() {
        client()
            .post_if_match(Some(TitleClientPostIfMatchOptions {
                if_match: Some(VALID.to_string()),
                ..Default::default()
            }))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn post_if_none_match() {
        client()
            .post_if_none_match(Some(TitleClientPostIfNoneMatchOptions {
                if_none_match: Some(INVALID.to_string()),
                ..Default::default()
            }))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn post_custom_if_match() {
        client()
            .post_custom_if_match(Some(TitleClientPostCustomIfMatchOptions {
                x_ms_blob_if_match: Some(VALID.to_string()),
                ..Default::default()
            }))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn post_custom_if_none_match() {
        client()
            .post_custom_if_none_match(Some(TitleClientPostCustomIfNoneMatchOptions {
                x_ms_blob_if_none_match: Some(INVALID.to_string()),
                ..Default::default()
            }))
            .await
            .unwrap();
    }
}

mod azure_versioning_preview_version {
    //! azure/versioning/previewVersion: the preview api-version by default, a stable one
    //! chosen through the client options.

    use spector_azure_versioning_previewversion::{
        TitleClient, TitleClientListWidgetsOptions, TitleClientOptions,
        models::{ListWidgetsResponse, UpdateWidgetColorRequest, Widget},
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn widget(id: &str, name: &str, color: Option<&str>) -> Widget {
        let mut widget = Widget::default();
        widget.id = Some(id.to_string());
        widget.name = Some(name.to_string());
        widget.color = color.map(str::to_string);
        widget
    }

    #[tokio::test]
    async fn default_api_version() {
        assert_eq!(client().api_version(), "2024-12-01-preview");
    }

    #[tokio::test]
    async fn get_widget() {
        let widget_got = client()
            .get_widget("widget-123", None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            widget_got,
            widget("widget-123", "Sample Widget", Some("blue"))
        );
    }

    #[tokio::test]
    async fn update_widget_color() {
        let body = UpdateWidgetColorRequest {
            color: Some(Some("red".to_string())),
        };
        let widget_got = client()
            .update_widget_color("widget-123", body, None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            widget_got,
            widget("widget-123", "Sample Widget", Some("red"))
        );
    }

    #[tokio::test]
    async fn list_widgets() {
        let client = TitleClient::new(
            &crate::support::endpoint(),
            Some(TitleClientOptions {
                api_version: "2024-06-01".to_string(),
                ..Default::default()
            }),
        )
        .expect("client");
        let list: ListWidgetsResponse = client
            .list_widgets(Some(TitleClientListWidgetsOptions {
                name: Some("test".to_string()),
                ..Default::default()
            }))
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(list.widgets, Some(vec![widget("widget-1", "test", None)]));
    }
}

mod response_body_or_no_content {
    //! response/body-or-no-content: an operation declaring both a 200 with a body and a
    //! 204 without one.

    use azure_core::http::StatusCode;
    use spector_response_body_or_no_content::{TitleClient, models::BlobLayout};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn get_body() {
        let response = client().get_body(None).await.unwrap();
        assert_eq!(response.status(), StatusCode::Ok);
        assert_eq!(
            crate::header(response.headers(), "x-ms-request-id").as_deref(),
            Some("body-request")
        );
        let layout: BlobLayout = response.into_model().unwrap();
        let mut expected = BlobLayout::default();
        expected.content = Some("hello".to_string());
        assert_eq!(layout, expected);
    }

    /// The 204 is a success; its (empty) body is never parsed.
    #[tokio::test]
    async fn get_no_content() {
        let response = client().get_no_content(None).await.unwrap();
        assert_eq!(response.status(), StatusCode::NoContent);
        assert_eq!(
            crate::header(response.headers(), "x-ms-request-id").as_deref(),
            Some("no-content-request")
        );
        assert!(response.into_body().is_empty());
    }
}

mod serialization_encoded_name_json {
    //! serialization/encoded-name/json: a property whose JSON name (`wireName`) differs
    //! from its Rust name.

    use spector_serialization_encoded_name_json::{
        TitleClient, TitlePropertyClient, models::JsonEncodedNameModel,
    };

    fn client() -> TitlePropertyClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .property_client()
    }

    #[tokio::test]
    async fn property_send() {
        let body = JsonEncodedNameModel {
            wire_name: Some(true),
        };
        client().send(body, None).await.unwrap();
    }

    #[tokio::test]
    async fn property_get() {
        let model = client().get(None).await.unwrap().into_model().unwrap();
        assert_eq!(
            model,
            JsonEncodedNameModel {
                wire_name: Some(true)
            }
        );
    }
}
