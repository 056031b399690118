//! versioning/added, versioning/madeOptional, versioning/removed, versioning/renamedFrom,
//! versioning/returnTypeChangedFrom, versioning/typeChangedFrom, type/union, server/path/multiple,
//! authentication/http/custom, type/file, payload/content-negotiation

mod support;

mod versioning_added {
    use spector_versioning_added::{
        TitleClient,
        models::{EnumV1, EnumV2, ModelV1, ModelV2, UnionV1, UnionV2},
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn model_v2() -> ModelV2 {
        ModelV2 {
            prop: Some("foo".to_string()),
            enum_prop: Some(EnumV2::EnumMember),
            union_prop: Some(UnionV2::String("bar".to_string())),
        }
    }

    #[tokio::test]
    async fn v1() {
        let model = ModelV1 {
            prop: Some("foo".to_string()),
            enum_prop: Some(EnumV1::EnumMemberV2),
            union_prop: Some(UnionV1::Integer(10)),
        };
        let returned = client()
            .v1("bar", model.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model);
    }

    #[tokio::test]
    async fn v2() {
        let returned = client()
            .v2(model_v2(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model_v2());
    }

    #[tokio::test]
    async fn interface_v2() {
        let returned = client()
            .interface_v2_client()
            .v2_in_interface(model_v2(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model_v2());
    }
}

mod versioning_made_optional {
    use spector_versioning_madeoptional::{TitleClient, models::TestModel};

    #[tokio::test]
    async fn test() {
        let model = TestModel {
            prop: Some("foo".to_string()),
            ..Default::default()
        };
        let returned = TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .test(model.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model);
    }
}

mod versioning_removed {
    use spector_versioning_removed::{
        TitleClient, TitleClientOptions,
        models::{EnumV2, EnumV3, ModelV2, ModelV3, UnionV2},
    };

    fn client(api_version: &str) -> TitleClient {
        TitleClient::new(
            &crate::support::endpoint(),
            Some(TitleClientOptions {
                api_version: api_version.to_string(),
                ..Default::default()
            }),
        )
        .expect("client")
    }

    #[tokio::test]
    async fn v2() {
        let model = ModelV2 {
            prop: Some("foo".to_string()),
            enum_prop: Some(EnumV2::EnumMemberV2),
            union_prop: Some(UnionV2::String("bar".to_string())),
        };
        let client = TitleClient::new(&crate::support::endpoint(), None).expect("client");
        assert_eq!(client.api_version(), "v2");
        let returned = client
            .v2(model.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model);
    }

    async fn model_v3(api_version: &str, model: ModelV3) {
        let returned = client(api_version)
            .model_v3(model.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model);
    }

    fn model_v3_with_enum() -> ModelV3 {
        ModelV3 {
            id: Some("123".to_string()),
            enum_prop: Some(EnumV3::EnumMemberV1),
        }
    }

    #[tokio::test]
    async fn model_v3_v1() {
        model_v3("v1", model_v3_with_enum()).await;
    }

    #[tokio::test]
    async fn model_v3_v2() {
        model_v3("v2", model_v3_with_enum()).await;
    }

    #[tokio::test]
    async fn model_v3_v2preview() {
        let model = ModelV3 {
            id: Some("123".to_string()),
            enum_prop: None,
        };
        model_v3("v2preview", model).await;
    }
}

mod versioning_renamed_from {
    use spector_versioning_renamedfrom::{
        TitleClient,
        models::{NewEnum, NewModel, NewUnion},
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn model() -> NewModel {
        NewModel {
            new_prop: Some("foo".to_string()),
            enum_prop: Some(NewEnum::NewEnumMember),
            union_prop: Some(NewUnion::Integer(10)),
        }
    }

    #[tokio::test]
    async fn new_op() {
        let returned = client()
            .new_op("bar", model(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model());
    }

    #[tokio::test]
    async fn new_interface() {
        let returned = client()
            .new_interface_client()
            .new_op_in_new_interface(model(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model());
    }
}

mod versioning_return_type_changed_from {
    use spector_versioning_returntypechangedfrom::TitleClient;

    #[tokio::test]
    async fn test() {
        let returned = TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .test("test".to_string(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, "test");
    }
}

mod versioning_type_changed_from {
    use spector_versioning_typechangedfrom::{TitleClient, models::TestModel};

    #[tokio::test]
    async fn test() {
        let model = TestModel {
            prop: Some("foo".to_string()),
            changed_prop: Some("bar".to_string()),
        };
        let returned = TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .test("baz", model.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(returned, model);
    }
}

mod type_union {
    use spector_type_union::{TitleClient, models::*};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn strings_only_get() {
        let response = client()
            .strings_only_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(StringsOnlyGetResponseProp::B));
    }

    #[tokio::test]
    async fn strings_only_send() {
        client()
            .strings_only_client()
            .send(
                StringsOnlySendBody {
                    prop: Some(StringsOnlySendBodyProp::B),
                },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn string_extensible_get() {
        let response = client()
            .string_extensible_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            response.prop,
            Some(StringExtensibleGetResponseProp::UnknownValue(
                "custom".to_string()
            ))
        );
    }

    #[tokio::test]
    async fn string_extensible_send() {
        client()
            .string_extensible_client()
            .send(
                StringExtensibleSendBody {
                    prop: Some(StringExtensibleSendBodyProp::UnknownValue(
                        "custom".to_string(),
                    )),
                },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn string_extensible_named_get() {
        let response = client()
            .string_extensible_named_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            response.prop,
            Some(StringExtensibleNamedUnion::UnknownValue(
                "custom".to_string()
            ))
        );
    }

    #[tokio::test]
    async fn string_extensible_named_send() {
        client()
            .string_extensible_named_client()
            .send(
                StringExtensibleNamedSendBody {
                    prop: Some(StringExtensibleNamedUnion::UnknownValue(
                        "custom".to_string(),
                    )),
                },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn ints_only_get() {
        let response = client()
            .ints_only_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(2.0));
    }

    #[tokio::test]
    async fn ints_only_send() {
        client()
            .ints_only_client()
            .send(IntsOnlySendBody { prop: Some(2.0) }, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn floats_only_get() {
        let response = client()
            .floats_only_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(2.2));
    }

    #[tokio::test]
    async fn floats_only_send() {
        client()
            .floats_only_client()
            .send(FloatsOnlySendBody { prop: Some(2.2) }, None)
            .await
            .unwrap();
    }

    fn cat() -> Cat {
        Cat {
            name: Some("test".to_string()),
        }
    }

    #[tokio::test]
    async fn models_only_get() {
        let response = client()
            .models_only_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(ModelsOnlyGetResponseProp::Cat(cat())));
    }

    #[tokio::test]
    async fn models_only_send() {
        client()
            .models_only_client()
            .send(
                ModelsOnlySendBody {
                    prop: Some(ModelsOnlySendBodyProp::Cat(cat())),
                },
                None,
            )
            .await
            .unwrap();
    }

    fn enums_only_cases() -> EnumsOnlyCases {
        EnumsOnlyCases {
            lr: Some(EnumsOnlyCasesLr::Lr(Lr::Right)),
            ud: Some(EnumsOnlyCasesUd::Ud(Ud::Up)),
        }
    }

    #[tokio::test]
    async fn enums_only_get() {
        let response = client()
            .enums_only_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(enums_only_cases()));
    }

    #[tokio::test]
    async fn enums_only_send() {
        client()
            .enums_only_client()
            .send(
                EnumsOnlySendBody {
                    prop: Some(enums_only_cases()),
                },
                None,
            )
            .await
            .unwrap();
    }

    fn string_and_array_cases() -> StringAndArrayCases {
        StringAndArrayCases {
            string: Some(StringAndArrayCasesString::String("test".to_string())),
            array: Some(StringAndArrayCasesArray::List(vec![
                "test1".to_string(),
                "test2".to_string(),
            ])),
        }
    }

    #[tokio::test]
    async fn string_and_array_get() {
        let response = client()
            .string_and_array_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(string_and_array_cases()));
    }

    #[tokio::test]
    async fn string_and_array_send() {
        client()
            .string_and_array_client()
            .send(
                StringAndArraySendBody {
                    prop: Some(string_and_array_cases()),
                },
                None,
            )
            .await
            .unwrap();
    }

    fn mixed_literals_cases() -> MixedLiteralsCases {
        MixedLiteralsCases {
            string_literal: Some(MixedLiteralsCasesStringLiteral::Variant1(
                MixedLiteralsCasesStringLiteralVariant1::A,
            )),
            int_literal: Some(MixedLiteralsCasesIntLiteral::Number(2.0)),
            float_literal: Some(MixedLiteralsCasesFloatLiteral::Number(3.3)),
            boolean_literal: Some(MixedLiteralsCasesBooleanLiteral::Boolean(true)),
        }
    }

    #[tokio::test]
    async fn mixed_literals_get() {
        let response = client()
            .mixed_literals_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(mixed_literals_cases()));
    }

    #[tokio::test]
    async fn mixed_literals_send() {
        client()
            .mixed_literals_client()
            .send(
                MixedLiteralsSendBody {
                    prop: Some(mixed_literals_cases()),
                },
                None,
            )
            .await
            .unwrap();
    }

    fn mixed_types_cases() -> MixedTypesCases {
        MixedTypesCases {
            model: Some(MixedTypesCasesModel::Cat(cat())),
            literal: Some(MixedTypesCasesLiteral::Variant2(
                MixedTypesCasesLiteralVariant2::A,
            )),
            int: Some(MixedTypesCasesInt::Integer(2)),
            boolean: Some(MixedTypesCasesBoolean::Boolean(true)),
            array: Some(vec![
                MixedTypesCasesArrayItem::Cat(cat()),
                MixedTypesCasesArrayItem::Variant2(MixedTypesCasesArrayItemVariant2::A),
                MixedTypesCasesArrayItem::Integer(2),
                MixedTypesCasesArrayItem::Boolean(true),
            ]),
        }
    }

    #[tokio::test]
    async fn mixed_types_get() {
        let response = client()
            .mixed_types_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(response.prop, Some(mixed_types_cases()));
    }

    #[tokio::test]
    async fn mixed_types_send() {
        client()
            .mixed_types_client()
            .send(
                MixedTypesSendBody {
                    prop: Some(mixed_types_cases()),
                },
                None,
            )
            .await
            .unwrap();
    }
}

mod server_path_multiple {
    use spector_server_path_multiple::ServerPathMultipleClient;

    fn client() -> ServerPathMultipleClient {
        let client =
            ServerPathMultipleClient::new(&crate::support::endpoint(), None).expect("client");
        assert_eq!(client.api_version(), "v1.0");
        client
    }

    #[tokio::test]
    async fn no_operation_params() {
        let response = client().no_operation_params(None).await.unwrap();
        assert_eq!(u16::from(response.status()), 204);
    }

    #[tokio::test]
    async fn with_operation_path_param() {
        let response = client()
            .with_operation_path_param("test", None)
            .await
            .unwrap();
        assert_eq!(u16::from(response.status()), 204);
    }
}

mod authentication_http_custom {
    use azure_core::credentials::Secret;
    use spector_authentication_http_custom::{TitleClient, models::InvalidAuth};

    fn client(key: &'static str) -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), Secret::from(key), None).expect("client")
    }

    #[tokio::test]
    async fn valid() {
        let response = client("valid-key").valid(None).await.unwrap();
        assert_eq!(u16::from(response.status()), 204);
    }

    #[tokio::test]
    async fn invalid() {
        let error = client("invalid-key").invalid(None).await.unwrap_err();
        assert_eq!(error.http_status().map(u16::from), Some(403));
        let body = InvalidAuth::from_error(&error).expect("an InvalidAuth body");
        assert_eq!(body.error.as_deref(), Some("invalid-api-key"));
    }
}

mod type_file {
    use crate::support::PNG;
    use azure_core::Bytes;
    use spector_type_file::{TitleBodyClient, TitleClient};

    const JSON_FILE: &str = r#"{"message":"test file content"}"#;

    fn client() -> TitleBodyClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .body_client()
    }

    #[tokio::test]
    async fn upload_file_specific_content_type() {
        client()
            .upload_file_specific_content_type(Bytes::from_static(PNG), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn upload_file_json_content_type() {
        client()
            .upload_file_json_content_type(JSON_FILE.into(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn download_file_json_content_type() {
        let file = client()
            .download_file_json_content_type(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(file, JSON_FILE.as_bytes());
    }

    #[tokio::test]
    async fn download_file_specific_content_type() {
        let file = client()
            .download_file_specific_content_type(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(file.as_ref(), PNG);
    }

    #[tokio::test]
    async fn upload_file_multiple_content_types() {
        client()
            .upload_file_multiple_content_types(Bytes::from_static(PNG), "image/png", None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn download_file_multiple_content_types() {
        let file = client()
            .download_file_multiple_content_types(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(file.as_ref(), PNG);
    }

    #[tokio::test]
    async fn upload_file_default_content_type() {
        client()
            .upload_file_default_content_type(Bytes::from_static(PNG), "image/png", None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn download_file_default_content_type() {
        let file = client()
            .download_file_default_content_type(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(file.as_ref(), PNG);
    }
}

mod payload_content_negotiation {
    use crate::support::{JPG, PNG};
    use spector_payload_content_negotiation::{
        TitleClient,
        models::{
            DifferentBodyGetAvatarAsPngDifferentBodyGetAvatarAsJsonAccept as DifferentAccept,
            SameBodyGetAvatarAsPngSameBodyGetAvatarAsJpegAccept as SameAccept,
        },
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn same_body_png() {
        let image = client()
            .same_body_client()
            .get_avatar_as_png_same_body_get_avatar_as_jpeg(&SameAccept::ImagePng, None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(image.as_ref(), PNG);
    }

    #[tokio::test]
    async fn same_body_jpeg() {
        let image = client()
            .same_body_client()
            .get_avatar_as_png_same_body_get_avatar_as_jpeg(&SameAccept::ImageJpeg, None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(image.as_ref(), JPG);
    }

    #[tokio::test]
    async fn different_body_png() {
        let response = client()
            .different_body_client()
            .get_avatar_as_png_different_body_get_avatar_as_json(&DifferentAccept::ImagePng, None)
            .await
            .unwrap();
        assert_eq!(
            response.headers().get_optional_str(&"content-type".into()),
            Some("image/png")
        );
        assert_eq!(response.into_body().as_ref(), PNG);
    }

    #[tokio::test]
    async fn different_body_json() {
        let model = client()
            .different_body_client()
            .get_avatar_as_png_different_body_get_avatar_as_json(
                &DifferentAccept::ApplicationJson,
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(model.content.as_deref(), Some(PNG));
    }
}
