//! payload/xml, payload/pageable and payload/multipart.

mod support;

mod payload_xml {
    //! payload/xml: models sent and read as XML (renamed elements, attributes, wrapped and
    //! unwrapped arrays, namespaces, dictionaries, dates) and an XML error reply.

    use azure_core::error::ErrorKind;
    use azure_core::http::StatusCode;
    use spector_payload_xml::{TitleClient, models::*};
    use std::collections::HashMap;
    use time::macros::datetime;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn simple(name: &str, age: i32) -> SimpleModel {
        SimpleModel {
            name: Some(name.to_string()),
            age: Some(age),
        }
    }

    fn strings(values: &[&str]) -> Option<Vec<String>> {
        Some(values.iter().map(|value| value.to_string()).collect())
    }

    /// A GET test comparing the typed reply with `$value` and a PUT test sending `$value`
    /// (the mock compares the XML it receives with the scenario's).
    macro_rules! get_put {
        ($(#[$attr:meta])* $get:ident, $put:ident, $sub:ident, $value:expr) => {
            $(#[$attr])*
            #[tokio::test]
            async fn $get() {
                let value = client().$sub().get(None).await.unwrap().into_model().unwrap();
                assert_eq!(value, $value);
            }

            $(#[$attr])*
            #[tokio::test]
            async fn $put() {
                client().$sub().put($value, None).await.unwrap();
            }
        };
    }

    // §1 — Primitive properties

    get_put!(
        simple_model_get,
        simple_model_put,
        simple_model_value_client,
        simple("foo", 123)
    );

    get_put!(
        model_with_renamed_property_get,
        model_with_renamed_property_put,
        model_with_renamed_property_value_client,
        ModelWithRenamedProperty {
            title: Some("foo".to_string()),
            author: Some("bar".to_string()),
        }
    );

    get_put!(
        model_with_renamed_fields_get,
        model_with_renamed_fields_put,
        model_with_renamed_fields_value_client,
        ModelWithRenamedFields {
            input_data: Some(simple("foo", 123)),
            output_data: Some(simple("bar", 456)),
        }
    );

    // §2 — Nested models

    get_put!(
        model_with_nested_model_get,
        model_with_nested_model_put,
        model_with_nested_model_value_client,
        ModelWithNestedModel {
            nested: Some(simple("foo", 123)),
        }
    );

    get_put!(
        model_with_renamed_nested_model_get,
        model_with_renamed_nested_model_put,
        model_with_renamed_nested_model_value_client,
        ModelWithRenamedNestedModel {
            author: Some(Author {
                name: Some("foo".to_string()),
            }),
        }
    );

    // §3 — Arrays of primitive types

    get_put!(
        #[ignore = "openapi: `colors` and `counts` have no `xml.wrapped` (OpenAPI's default is unwrapped), the scenario wraps them (`<colors><string>red</string>…</colors>`, `<counts><int32>1</int32>…</counts>`)"]
        model_with_simple_arrays_get,
        model_with_simple_arrays_put,
        model_with_simple_arrays_value_client,
        ModelWithSimpleArrays {
            colors: strings(&["red", "green", "blue"]),
            counts: Some(vec![1, 2]),
        }
    );

    get_put!(
        model_with_unwrapped_array_get,
        model_with_unwrapped_array_put,
        model_with_unwrapped_array_value_client,
        ModelWithUnwrappedArray {
            colors: strings(&["red", "green", "blue"]),
            counts: Some(vec![1, 2]),
        }
    );

    get_put!(
        model_with_renamed_arrays_get,
        model_with_renamed_arrays_put,
        model_with_renamed_arrays_value_client,
        ModelWithRenamedArrays {
            colors: strings(&["red", "green", "blue"]),
            counts: Some(vec![1, 2]),
        }
    );

    get_put!(
        model_with_wrapped_primitive_custom_item_names_get,
        model_with_wrapped_primitive_custom_item_names_put,
        model_with_wrapped_primitive_custom_item_names_value_client,
        ModelWithWrappedPrimitiveCustomItemNames {
            tags: strings(&["fiction", "classic"]),
        }
    );

    // §4 — Arrays of models

    get_put!(
        #[ignore = "openapi: `items` has no `xml.wrapped` (OpenAPI's default is unwrapped), the scenario wraps it (`<items><SimpleModel>…</SimpleModel>…</items>`)"]
        model_with_array_of_model_get,
        model_with_array_of_model_put,
        model_with_array_of_model_value_client,
        ModelWithArrayOfModel {
            items: Some(vec![simple("foo", 123), simple("bar", 456)]),
        }
    );

    get_put!(
        model_with_unwrapped_model_array_get,
        model_with_unwrapped_model_array_put,
        model_with_unwrapped_model_array_value_client,
        ModelWithUnwrappedModelArray {
            items: Some(vec![simple("foo", 123), simple("bar", 456)]),
        }
    );

    get_put!(
        model_with_renamed_wrapped_model_array_get,
        model_with_renamed_wrapped_model_array_put,
        model_with_renamed_wrapped_model_array_value_client,
        ModelWithRenamedWrappedModelArray {
            items: Some(vec![simple("foo", 123), simple("bar", 456)]),
        }
    );

    get_put!(
        model_with_renamed_unwrapped_model_array_get,
        model_with_renamed_unwrapped_model_array_put,
        model_with_renamed_unwrapped_model_array_value_client,
        ModelWithRenamedUnwrappedModelArray {
            items: Some(vec![simple("foo", 123), simple("bar", 456)]),
        }
    );

    get_put!(
        model_with_renamed_wrapped_and_item_model_array_get,
        model_with_renamed_wrapped_and_item_model_array_put,
        model_with_renamed_wrapped_and_item_model_array_value_client,
        ModelWithRenamedWrappedAndItemModelArray {
            books: Some(vec![
                Book {
                    title: Some("The Great Gatsby".to_string()),
                },
                Book {
                    title: Some("Les Miserables".to_string()),
                },
            ]),
        }
    );

    // §5 — Attributes

    get_put!(
        model_with_attributes_get,
        model_with_attributes_put,
        model_with_attributes_value_client,
        ModelWithAttributes {
            id1: Some(123),
            id2: Some("foo".to_string()),
            enabled: Some(true),
        }
    );

    get_put!(
        model_with_renamed_attribute_get,
        model_with_renamed_attribute_put,
        model_with_renamed_attribute_value_client,
        ModelWithRenamedAttribute {
            id: Some(123),
            title: Some("The Great Gatsby".to_string()),
            author: Some("F. Scott Fitzgerald".to_string()),
        }
    );

    // §6/§7 — Namespaces and prefixes

    get_put!(
        model_with_namespace_get,
        model_with_namespace_put,
        model_with_namespace_value_client,
        ModelWithNamespace {
            id: Some(123),
            title: Some("The Great Gatsby".to_string()),
        }
    );

    fn model_with_namespace_on_properties() -> ModelWithNamespaceOnProperties {
        ModelWithNamespaceOnProperties {
            id: Some(123),
            title: Some("The Great Gatsby".to_string()),
            author: Some("F. Scott Fitzgerald".to_string()),
        }
    }

    #[tokio::test]
    async fn model_with_namespace_on_properties_get() {
        let value = client()
            .model_with_namespace_on_properties_value_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, model_with_namespace_on_properties());
    }

    #[tokio::test]
    async fn model_with_namespace_on_properties_put() {
        client()
            .model_with_namespace_on_properties_value_client()
            .put(model_with_namespace_on_properties(), None)
            .await
            .unwrap();
    }

    // §8 — Text content

    get_put!(
        #[ignore = "openapi: OpenAPI 3.0 cannot mark `content` as the element's text, so it is a `<content>` child; the scenario has `<ModelWithText language=\"foo\">This is some text.</ModelWithText>`"]
        model_with_text_get,
        model_with_text_put,
        model_with_text_value_client,
        ModelWithText {
            language: Some("foo".to_string()),
            content: Some("This is some text.".to_string()),
        }
    );

    // Additional scenarios

    get_put!(
        model_with_optional_field_get,
        model_with_optional_field_put,
        model_with_optional_field_value_client,
        ModelWithOptionalField {
            item: Some("widget".to_string()),
            value: None,
        }
    );

    get_put!(
        #[ignore = "openapi: `items` has no `xml.wrapped` (OpenAPI's default is unwrapped), so an empty list has no element; the scenario sends and expects the wrapper `<items />`"]
        model_with_empty_array_get,
        model_with_empty_array_put,
        model_with_empty_array_value_client,
        ModelWithEmptyArray {
            items: Some(Vec::new()),
        }
    );

    get_put!(
        model_with_dictionary_get,
        model_with_dictionary_put,
        model_with_dictionary_value_client,
        ModelWithDictionary {
            metadata: Some(HashMap::from([
                ("Color".to_string(), "blue".to_string()),
                ("Count".to_string(), "123".to_string()),
                ("Enabled".to_string(), "false".to_string()),
            ])),
        }
    );

    get_put!(
        model_with_encoded_names_get,
        model_with_encoded_names_put,
        model_with_encoded_names_value_client,
        ModelWithEncodedNames {
            model_data: Some(simple("foo", 123)),
            colors: strings(&["red", "green", "blue"]),
        }
    );

    get_put!(
        model_with_enum_get,
        model_with_enum_put,
        model_with_enum_value_client,
        ModelWithEnum {
            status: Some(Status::Success),
        }
    );

    fn model_with_datetime() -> ModelWithDatetime {
        ModelWithDatetime {
            rfc3339: Some(datetime!(2022-08-26 18:38:00 UTC)),
            rfc7231: Some("Fri, 26 Aug 2022 14:38:00 GMT".to_string()),
        }
    }

    #[tokio::test]
    async fn model_with_datetime_get() {
        let value = client()
            .model_with_datetime_value_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, model_with_datetime());
    }

    #[tokio::test]
    async fn model_with_datetime_put() {
        client()
            .model_with_datetime_value_client()
            .put(model_with_datetime(), None)
            .await
            .unwrap();
    }

    /// `GET /payload/xml/error` answers 400 with an XML error body.
    #[tokio::test]
    async fn xml_error_get() {
        let error = client()
            .xml_error_value_client()
            .get(None)
            .await
            .expect_err("the service answers 400");
        let ErrorKind::HttpResponse {
            status,
            raw_response,
            ..
        } = error.kind()
        else {
            panic!("not an HTTP error: {error:?}");
        };
        assert_eq!(*status, StatusCode::BadRequest);
        let raw_response = raw_response.as_ref().expect("the error keeps the reply");
        let body = String::from_utf8_lossy(raw_response.body().as_ref()).into_owned();
        assert!(
            body.contains("<message>Something went wrong</message>")
                && body.contains("<code>400</code>"),
            "unexpected error body: {body}"
        );
    }
}

mod payload_pageable {
    //! payload/pageable: lists split into pages. The document has no paging metadata
    //! (OpenAPI 3.0 cannot say which field or header continues a list), so the client
    //! returns one page per call; the tests walk the pages with the continuation
    //! options the operations offer.

    use azure_core::http::headers::HeaderName;
    use spector_payload_pageable::{TitleClient, models::*};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// `(id, name)` of each pet, to compare with the scenario's pages.
    fn pets(pets: Option<Vec<Pet>>) -> Vec<(String, String)> {
        pets.expect("pets")
            .into_iter()
            .map(|pet| (pet.id.expect("id"), pet.name.expect("name")))
            .collect()
    }

    fn xml_pets(pets: Option<Vec<XmlPet>>) -> Vec<(String, String)> {
        pets.expect("pets")
            .into_iter()
            .map(|pet| (pet.id.expect("id"), pet.name.expect("name")))
            .collect()
    }

    fn expected(values: &[(&str, &str)]) -> Vec<(String, String)> {
        values
            .iter()
            .map(|(id, name)| (id.to_string(), name.to_string()))
            .collect()
    }

    fn first_page() -> Vec<(String, String)> {
        expected(&[("1", "dog"), ("2", "cat")])
    }

    fn second_page() -> Vec<(String, String)> {
        expected(&[("3", "bird"), ("4", "fish")])
    }

    fn all_pets() -> Vec<(String, String)> {
        expected(&[("1", "dog"), ("2", "cat"), ("3", "bird"), ("4", "fish")])
    }

    const NEXT_TOKEN: HeaderName = HeaderName::from_static("next-token");

    // Server-driven pagination with next links

    #[ignore = "openapi: nothing marks `next` as the next page's link (no paging metadata in OpenAPI 3.0), so the client has no pager and no call that GETs the link"]
    #[tokio::test]
    async fn server_driven_pagination_link() {
        let page = client()
            .server_driven_pagination_client()
            .link(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pets(page.pets), first_page());
        let next = page.next.expect("next link");
        assert!(
            next.ends_with("/payload/pageable/server-driven-pagination/link/nextPage"),
            "{next}"
        );
        unimplemented!("follow `{next}` to the second page: {:?}", second_page());
    }

    #[ignore = "openapi: nothing marks `next` as the next page's link (no paging metadata in OpenAPI 3.0), so the client has no pager and no call that GETs the link"]
    #[tokio::test]
    async fn server_driven_pagination_link_string() {
        let page = client()
            .server_driven_pagination_client()
            .link_string(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pets(page.pets), first_page());
        let next = page.next.expect("next link");
        assert!(
            next.ends_with("/payload/pageable/server-driven-pagination/link-string/nextPage"),
            "{next}"
        );
        unimplemented!("follow `{next}` to the second page: {:?}", second_page());
    }

    #[ignore = "openapi: nothing marks `nestedNext.next` as the next page's link (no paging metadata in OpenAPI 3.0), so the client has no pager and no call that GETs the link"]
    #[tokio::test]
    async fn server_driven_pagination_nested_link() {
        let page = client()
            .server_driven_pagination_client()
            .nested_link(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            pets(page.nested_items.expect("nestedItems").pets),
            first_page()
        );
        let next = page
            .nested_next
            .and_then(|next| next.next)
            .expect("next link");
        assert!(
            next.ends_with("/payload/pageable/server-driven-pagination/nested-link/nextPage"),
            "{next}"
        );
        unimplemented!("follow `{next}` to the second page: {:?}", second_page());
    }

    #[ignore = "openapi: nothing marks `next` as the next page's link (no paging metadata in OpenAPI 3.0), so the client has no pager and no call that GETs the link after the initial POST"]
    #[tokio::test]
    async fn server_driven_pagination_alternate_initial_verb_post() {
        let page = client()
            .alternate_initial_verb_client()
            .post(
                Filter {
                    filter: Some("foo eq bar".to_string()),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pets(page.pets), first_page());
        let next = page.next.expect("next link");
        assert!(
            next.ends_with(
                "/payload/pageable/server-driven-pagination/link/initial-post/nextPage?token=abc"
            ),
            "{next}"
        );
        unimplemented!("follow `{next}` to the second page: {:?}", second_page());
    }

    // Server-driven pagination with continuation tokens

    /// The options every continuation-token operation takes: the token, `foo` and `bar`.
    macro_rules! token_options {
        ($options:ident, $token:expr) => {
            spector_payload_pageable::$options {
                token: $token,
                foo: Some("foo".to_string()),
                bar: Some("bar".to_string()),
                ..Default::default()
            }
        };
    }

    /// A continuation token the reply's body carries (`nextToken`), sent back by `$method`
    /// (as a query parameter or a header).
    macro_rules! token_in_body {
        ($name:ident, $method:ident, $options:ident) => {
            #[tokio::test]
            async fn $name() {
                let client = client().continuation_token_client();
                let page = client
                    .$method(Some(token_options!($options, None)))
                    .await
                    .unwrap()
                    .into_model()
                    .unwrap();
                assert_eq!(pets(page.pets), first_page());
                let token = page.next_token.expect("nextToken");
                assert_eq!(token, "page2");
                let page = client
                    .$method(Some(token_options!($options, Some(token))))
                    .await
                    .unwrap()
                    .into_model()
                    .unwrap();
                assert_eq!(pets(page.pets), second_page());
                assert_eq!(page.next_token, None);
            }
        };
    }

    /// A continuation token in the reply's `next-token` header.
    macro_rules! token_in_header {
        ($name:ident, $method:ident, $options:ident) => {
            #[tokio::test]
            async fn $name() {
                let client = client().continuation_token_client();
                let response = client
                    .$method(Some(token_options!($options, None)))
                    .await
                    .unwrap();
                let token = response
                    .headers()
                    .get_optional_string(&NEXT_TOKEN)
                    .expect("next-token header");
                assert_eq!(token, "page2");
                assert_eq!(pets(response.into_model().unwrap().pets), first_page());
                let response = client
                    .$method(Some(token_options!($options, Some(token))))
                    .await
                    .unwrap();
                assert_eq!(response.headers().get_optional_string(&NEXT_TOKEN), None);
                assert_eq!(pets(response.into_model().unwrap().pets), second_page());
            }
        };
    }

    /// A continuation token nested in the reply's body (`nestedNext.nextToken`), beside
    /// nested items.
    macro_rules! token_in_nested_body {
        ($name:ident, $method:ident, $options:ident) => {
            #[tokio::test]
            async fn $name() {
                let client = client().continuation_token_client();
                let page = client
                    .$method(Some(token_options!($options, None)))
                    .await
                    .unwrap()
                    .into_model()
                    .unwrap();
                assert_eq!(
                    pets(page.nested_items.expect("nestedItems").pets),
                    first_page()
                );
                let token = page
                    .nested_next
                    .and_then(|next| next.next_token)
                    .expect("nestedNext.nextToken");
                assert_eq!(token, "page2");
                let page = client
                    .$method(Some(token_options!($options, Some(token))))
                    .await
                    .unwrap()
                    .into_model()
                    .unwrap();
                assert_eq!(
                    pets(page.nested_items.expect("nestedItems").pets),
                    second_page()
                );
                assert_eq!(page.nested_next.and_then(|next| next.next_token), None);
            }
        };
    }

    token_in_body!(
        continuation_token_request_query_response_body,
        request_query_response_body,
        TitleContinuationTokenClientRequestQueryResponseBodyOptions
    );
    token_in_body!(
        continuation_token_request_header_response_body,
        request_header_response_body,
        TitleContinuationTokenClientRequestHeaderResponseBodyOptions
    );
    token_in_header!(
        continuation_token_request_query_response_header,
        request_query_response_header,
        TitleContinuationTokenClientRequestQueryResponseHeaderOptions
    );
    token_in_header!(
        continuation_token_request_header_response_header,
        request_header_response_header,
        TitleContinuationTokenClientRequestHeaderResponseHeaderOptions
    );
    token_in_nested_body!(
        continuation_token_request_query_nested_response_body,
        request_query_nested_response_body,
        TitleContinuationTokenClientRequestQueryNestedResponseBodyOptions
    );
    token_in_nested_body!(
        continuation_token_request_header_nested_response_body,
        request_header_nested_response_body,
        TitleContinuationTokenClientRequestHeaderNestedResponseBodyOptions
    );

    // Page size

    #[tokio::test]
    async fn page_size_list_without_continuation() {
        let page = client()
            .page_size_client()
            .list_without_continuation(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pets(page.pets), all_pets());
    }

    #[tokio::test]
    async fn page_size_list_with_page_size() {
        let client = client().page_size_client();
        for (size, expected) in [(2, first_page()), (4, all_pets())] {
            let page = client
                .list_with_page_size(Some(
                    spector_payload_pageable::TitlePageSizeClientListWithPageSizeOptions {
                        page_size: Some(size),
                        ..Default::default()
                    },
                ))
                .await
                .unwrap()
                .into_model()
                .unwrap();
            assert_eq!(pets(page.pets), expected, "pageSize={size}");
        }
    }

    // XML pagination

    #[tokio::test]
    async fn xml_pagination_list_with_continuation() {
        let client = client().xml_pagination_client();
        let page = client
            .list_with_continuation(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(xml_pets(page.pets), first_page());
        let marker = page.next_marker.expect("NextMarker");
        assert_eq!(marker, "page2");
        let page = client
            .list_with_continuation(Some(
                spector_payload_pageable::TitleXmlPaginationClientListWithContinuationOptions {
                    marker: Some(marker),
                    ..Default::default()
                },
            ))
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(xml_pets(page.pets), second_page());
        assert_eq!(page.next_marker, None);
    }

    #[ignore = "openapi: nothing marks `NextLink` as the next page's link (no paging metadata in OpenAPI 3.0), so the client has no pager and no call that GETs the link"]
    #[tokio::test]
    async fn xml_pagination_list_with_next_link() {
        let page = client()
            .xml_pagination_client()
            .list_with_next_link(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(xml_pets(page.pets), first_page());
        let next = page.next_link.expect("NextLink");
        assert!(
            next.ends_with("/payload/pageable/xml/list-with-next-link/nextPage"),
            "{next}"
        );
        unimplemented!("follow `{next}` to the second page: {:?}", second_page());
    }
}

mod payload_multipart {
    //! payload/multipart: `multipart/form-data` bodies mixing text parts, JSON parts and file
    //! parts (single and repeated), with default and explicit file names and content types.
    //! The mock parses the body with multer and checks each part's name, bytes, file name and
    //! media type.

    use azure_core::Bytes;
    use spector_payload_multipart::{TitleClient, models::*};

    use crate::support::{JPG, PNG};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// `image.jpg` with the default file name and content type.
    fn jpg() -> FilePart {
        FilePart::from(Bytes::from_static(JPG))
    }

    /// `image.png` with the default file name and content type.
    fn png() -> FilePart {
        FilePart::from(Bytes::from_static(PNG))
    }

    /// A file with an explicit name and, optionally, an explicit content type.
    fn named(contents: &'static [u8], filename: &str, content_type: Option<&str>) -> FilePart {
        FilePart {
            contents: Bytes::from_static(contents),
            filename: Some(filename.to_string()),
            content_type: content_type.map(str::to_string),
        }
    }

    fn city(name: &str) -> Address {
        Address {
            city: Some(name.to_string()),
        }
    }

    // §1 — FormData

    #[tokio::test]
    async fn form_data_basic() {
        let body = MultiPartRequest {
            id: Some("123".to_string()),
            profile_image: Some(jpg()),
        };
        client().form_data_client().basic(body, None).await.unwrap();
    }

    #[tokio::test]
    async fn form_data_with_wire_name() {
        let body = MultiPartRequestWithWireName {
            id: Some("123".to_string()),
            profile_image: Some(jpg()),
        };
        client()
            .form_data_client()
            .with_wire_name(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_optional_parts_id_only() {
        let body = MultiPartOptionalRequest {
            id: Some("123".to_string()),
            profile_image: None,
        };
        client()
            .form_data_client()
            .optional_parts(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_optional_parts_profile_image_only() {
        let body = MultiPartOptionalRequest {
            id: None,
            profile_image: Some(jpg()),
        };
        client()
            .form_data_client()
            .optional_parts(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_optional_parts_both() {
        let body = MultiPartOptionalRequest {
            id: Some("123".to_string()),
            profile_image: Some(jpg()),
        };
        client()
            .form_data_client()
            .optional_parts(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_file_array_and_basic() {
        let body = ComplexPartsRequest {
            id: Some("123".to_string()),
            address: Some(city("X")),
            profile_image: Some(jpg()),
            pictures: Some(vec![png(), png()]),
        };
        client()
            .form_data_client()
            .file_array_and_basic(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_json_part() {
        let body = JsonPartRequest {
            address: Some(city("X")),
            profile_image: Some(jpg()),
        };
        client()
            .form_data_client()
            .json_part(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_binary_array_parts() {
        let body = BinaryArrayPartsRequest {
            id: Some("123".to_string()),
            pictures: Some(vec![png(), png()]),
        };
        client()
            .form_data_client()
            .binary_array_parts(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_multi_binary_parts_profile_image() {
        let body = MultiBinaryPartsRequest {
            profile_image: Some(jpg()),
            picture: None,
        };
        client()
            .form_data_client()
            .multi_binary_parts(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_multi_binary_parts_profile_image_and_picture() {
        let body = MultiBinaryPartsRequest {
            profile_image: Some(jpg()),
            picture: Some(png()),
        };
        client()
            .form_data_client()
            .multi_binary_parts(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_check_file_name_and_content_type() {
        let body = MultiPartRequest {
            id: Some("123".to_string()),
            profile_image: Some(named(JPG, "hello.jpg", Some("image/jpg"))),
        };
        client()
            .form_data_client()
            .check_file_name_and_content_type(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn form_data_anonymous_model() {
        let body = FormDataAnonymousModelBody {
            profile_image: Some(jpg()),
        };
        client()
            .form_data_client()
            .anonymous_model(body, None)
            .await
            .unwrap();
    }

    // §2 — HttpParts.ContentType

    /// `image/jpg` comes from the document's `encoding.profileImage.contentType`.
    #[tokio::test]
    async fn http_parts_content_type_image_jpeg_content_type() {
        let body = FileWithHttpPartSpecificContentTypeRequest {
            profile_image: Some(named(JPG, "hello.jpg", None)),
        };
        client()
            .content_type_client()
            .image_jpeg_content_type(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn http_parts_content_type_required_content_type() {
        let body = FileWithHttpPartRequiredContentTypeRequest {
            profile_image: Some(named(JPG, "image.jpg", Some("application/octet-stream"))),
        };
        client()
            .content_type_client()
            .required_content_type(body, None)
            .await
            .unwrap();
    }

    /// The scenario asks for two sends: without a content type (the client then sends the
    /// default, `application/octet-stream`) and with `application/octet-stream`.
    #[tokio::test]
    async fn http_parts_content_type_optional_content_type() {
        for content_type in [None, Some("application/octet-stream")] {
            let body = FileWithHttpPartOptionalContentTypeRequest {
                profile_image: Some(named(JPG, "image.jpg", content_type)),
            };
            client()
                .content_type_client()
                .optional_content_type(body, None)
                .await
                .unwrap();
        }
    }

    // §3 — HttpParts

    #[tokio::test]
    async fn http_parts_json_array_and_file_array() {
        let body = ComplexHttpPartsModelRequest {
            id: Some("123".to_string()),
            address: Some(city("X")),
            profile_image: Some(jpg()),
            previous_addresses: Some(vec![city("Y"), city("Z")]),
            pictures: Some(vec![png(), png()]),
        };
        client()
            .http_parts_client()
            .json_array_and_file_array(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn http_parts_non_string_float() {
        let body = NonStringFloatBody {
            temperature: Some(0.5),
        };
        client()
            .non_string_client()
            .float(body, None)
            .await
            .unwrap();
    }

    // §4 — File (`image/png` comes from the document's `encoding.<part>.contentType`)

    #[tokio::test]
    async fn file_upload_file_specific_content_type() {
        let body = FileUploadFileSpecificContentTypeBody {
            file: Some(named(PNG, "image.png", None)),
        };
        client()
            .file_client()
            .upload_file_specific_content_type(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn file_upload_file_required_filename() {
        let body = FileUploadFileRequiredFilenameBody {
            file: Some(named(PNG, "image.png", None)),
        };
        client()
            .file_client()
            .upload_file_required_filename(body, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn file_upload_file_array() {
        let body = FileUploadFileArrayBody {
            files: Some(vec![
                named(PNG, "image1.png", None),
                named(PNG, "image2.png", None),
            ]),
        };
        client()
            .file_client()
            .upload_file_array(body, None)
            .await
            .unwrap();
    }
}
