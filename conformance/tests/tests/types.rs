//! type/*: enums, models, arrays, dictionaries, scalars, discriminated unions.

mod support;

mod type_enum_extensible {

    use spector_type_enum_extensible::{TitleClient, models::DaysOfWeekExtensibleEnum};

    fn client() -> spector_type_enum_extensible::TitleStringClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .string_client()
    }

    #[tokio::test]
    async fn get_known_value() {
        let day = client()
            .get_known_value(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(day, DaysOfWeekExtensibleEnum::Monday);
    }

    #[tokio::test]
    async fn put_known_value() {
        client()
            .put_known_value(DaysOfWeekExtensibleEnum::Monday, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn get_unknown_value() {
        let day = client()
            .get_unknown_value(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            day,
            DaysOfWeekExtensibleEnum::UnknownValue("Weekend".to_string())
        );
    }

    #[tokio::test]
    async fn put_unknown_value() {
        client()
            .put_unknown_value(
                DaysOfWeekExtensibleEnum::UnknownValue("Weekend".to_string()),
                None,
            )
            .await
            .unwrap();
    }
}

mod type_array {
    //! type/array: arrays of scalars, models and nullable items, read and sent.

    use serde_json::{Value, json};
    use spector_type_array::{TitleClient, models::InnerModel};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// A GET test comparing the typed reply with `$value` and a PUT test sending `$value`.
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

    fn inner(property: &str) -> InnerModel {
        InnerModel {
            property: Some(property.to_string()),
            children: None,
        }
    }

    get_put!(int32_get, int32_put, int32_value_client, vec![1, 2]);
    get_put!(
        int64_get,
        int64_put,
        int64_value_client,
        vec![9_007_199_254_740_991_i64, -9_007_199_254_740_991]
    );
    get_put!(
        boolean_get,
        boolean_put,
        boolean_value_client,
        vec![true, false]
    );
    get_put!(
        string_get,
        string_put,
        string_value_client,
        vec!["hello".to_string(), String::new()]
    );
    get_put!(
        float32_get,
        float32_put,
        float32_value_client,
        vec![43.125_f32]
    );
    get_put!(
        datetime_get,
        datetime_put,
        datetime_value_client,
        vec!["2022-08-26T18:38:00Z".to_string()]
    );
    get_put!(
        duration_get,
        duration_put,
        duration_value_client,
        vec!["P123DT22H14M12.011S".to_string()]
    );
    get_put!(
        unknown_get,
        unknown_put,
        unknown_value_client,
        vec![json!(1), json!("hello"), Value::Null]
    );
    get_put!(
        model_get,
        model_put,
        model_value_client,
        vec![inner("hello"), inner("world")]
    );
    get_put!(
        nullable_float_get,
        nullable_float_put,
        nullable_float_value_client,
        vec![Some(1.25_f32), None, Some(3.0)]
    );
    get_put!(
        nullable_boolean_get,
        nullable_boolean_put,
        nullable_boolean_value_client,
        vec![Some(true), None, Some(false)]
    );
    get_put!(
        nullable_int32_get,
        nullable_int32_put,
        nullable_int32_value_client,
        vec![Some(1), None, Some(3)]
    );
    get_put!(
        nullable_string_get,
        nullable_string_put,
        nullable_string_value_client,
        vec![Some("hello".to_string()), None, Some("world".to_string())]
    );
    get_put!(
        nullable_model_get,
        nullable_model_put,
        nullable_model_value_client,
        vec![Some(inner("hello")), None, Some(inner("world"))]
    );
}

mod type_dictionary {
    //! type/dictionary: string-keyed maps of scalars, models and nullable values.

    use serde_json::json;
    use spector_type_dictionary::{TitleClient, models::InnerModel};
    use std::collections::HashMap;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// A GET test comparing the typed reply with `$value` and a PUT test sending `$value`.
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

    fn map<V, const N: usize>(entries: [(&str, V); N]) -> HashMap<String, V> {
        entries
            .into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect()
    }

    fn inner(property: &str, children: Option<HashMap<String, InnerModel>>) -> InnerModel {
        InnerModel {
            property: Some(property.to_string()),
            children,
        }
    }

    get_put!(
        int32_get,
        int32_put,
        int32_value_client,
        map([("k1", 1), ("k2", 2)])
    );
    get_put!(
        int64_get,
        int64_put,
        int64_value_client,
        map([
            ("k1", 9_007_199_254_740_991_i64),
            ("k2", -9_007_199_254_740_991)
        ])
    );
    get_put!(
        boolean_get,
        boolean_put,
        boolean_value_client,
        map([("k1", true), ("k2", false)])
    );
    get_put!(
        string_get,
        string_put,
        string_value_client,
        map([("k1", "hello".to_string()), ("k2", String::new())])
    );
    get_put!(
        float32_get,
        float32_put,
        float32_value_client,
        map([("k1", 43.125_f32)])
    );
    get_put!(
        datetime_get,
        datetime_put,
        datetime_value_client,
        map([("k1", "2022-08-26T18:38:00Z".to_string())])
    );
    get_put!(
        duration_get,
        duration_put,
        duration_value_client,
        map([("k1", "P123DT22H14M12.011S".to_string())])
    );
    get_put!(
        unknown_get,
        unknown_put,
        unknown_value_client,
        json!({ "k1": 1, "k2": "hello", "k3": null })
    );
    get_put!(
        model_get,
        model_put,
        model_value_client,
        map([("k1", inner("hello", None)), ("k2", inner("world", None))])
    );
    get_put!(
        recursive_model_get,
        recursive_model_put,
        recursive_model_value_client,
        map([
            ("k1", inner("hello", Some(HashMap::new()))),
            (
                "k2",
                inner("world", Some(map([("k2.1", inner("inner world", None))])))
            ),
        ])
    );
    get_put!(
        nullable_float_get,
        nullable_float_put,
        nullable_float_value_client,
        map([("k1", Some(1.25_f32)), ("k2", Some(0.5)), ("k3", None)])
    );
}

mod type_scalar {
    //! type/scalar: string, boolean, unknown and decimal values (`rust_decimal::Decimal`, exact:
    //! `0.1 + 0.1 + 0.1` is sent as `0.3`).

    use rust_decimal::Decimal;
    use serde_json::json;
    use spector_type_scalar::TitleClient;

    fn dec(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn string_get() {
        let value = client()
            .string_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, "test");
    }

    #[tokio::test]
    async fn string_put() {
        client()
            .string_client()
            .put("test".to_string(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn boolean_get() {
        let value = client()
            .boolean_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert!(value);
    }

    #[tokio::test]
    async fn boolean_put() {
        client().boolean_client().put(true, None).await.unwrap();
    }

    #[tokio::test]
    async fn unknown_get() {
        let value = client()
            .unknown_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, json!("test"));
    }

    #[tokio::test]
    async fn unknown_put() {
        client()
            .unknown_client()
            .put(json!("test"), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn decimal_response_body() {
        let value = client()
            .decimal_type_client()
            .response_body(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, dec("0.33333"));
    }

    #[tokio::test]
    async fn decimal_request_body() {
        client()
            .decimal_type_client()
            .request_body(dec("0.33333"), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn decimal_request_parameter() {
        client()
            .decimal_type_client()
            .request_parameter(dec("0.33333"), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn decimal128_response_body() {
        let value = client()
            .decimal128_type_client()
            .response_body(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, dec("0.33333"));
    }

    #[tokio::test]
    async fn decimal128_request_body() {
        client()
            .decimal128_type_client()
            .request_body(dec("0.33333"), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn decimal128_request_parameter() {
        client()
            .decimal128_type_client()
            .request_parameter(dec("0.33333"), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn decimal_prepare_verify() {
        let values = client()
            .decimal_verify_client()
            .prepare_verify(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(values, vec![dec("0.1"); 3]);
    }

    /// The sum of the prepared values must be exactly 0.3.
    #[tokio::test]
    async fn decimal_verify() {
        let client = client().decimal_verify_client();
        let values = client
            .prepare_verify(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let total: Decimal = values.into_iter().sum();
        assert_eq!(total, dec("0.3"));
        client.verify(total, None).await.unwrap();
    }

    #[tokio::test]
    async fn decimal128_prepare_verify() {
        let values = client()
            .decimal128_verify_client()
            .prepare_verify(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(values, vec![dec("0.1"); 3]);
    }

    /// The sum of the prepared values must be exactly 0.3.
    #[tokio::test]
    async fn decimal128_verify() {
        let client = client().decimal128_verify_client();
        let values = client
            .prepare_verify(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let total: Decimal = values.into_iter().sum();
        assert_eq!(total, dec("0.3"));
        client.verify(total, None).await.unwrap();
    }
}

mod type_enum_fixed {
    //! type/enum/fixed: a closed string enum.

    use spector_type_enum_fixed::{TitleClient, models::DaysOfWeekEnum};

    fn client() -> spector_type_enum_fixed::TitleStringClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .string_client()
    }

    #[tokio::test]
    async fn get_known_value() {
        let day = client()
            .get_known_value(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(day, DaysOfWeekEnum::Monday);
    }

    #[tokio::test]
    async fn put_known_value() {
        client()
            .put_known_value(DaysOfWeekEnum::Monday, None)
            .await
            .unwrap();
    }

    /// Sends "Weekend", which is not a member: the service answers 500.
    #[tokio::test]
    #[ignore = "generator: a fixed enum cannot hold the unknown value \"Weekend\" (by design?)"]
    async fn put_unknown_value() {
        let body = serde_json::from_value(serde_json::json!("Weekend"))
            .expect("the body type holds an unknown value");
        let error = client().put_unknown_value(body, None).await.unwrap_err();
        assert_eq!(
            error.http_status(),
            Some(azure_core::http::StatusCode::InternalServerError)
        );
    }
}

mod type_model_empty {
    //! type/model/empty: a model with no properties.

    use serde_json::json;
    use spector_type_model_empty::TitleClient;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn put_empty() {
        client().put_empty(json!({}), None).await.unwrap();
    }

    #[tokio::test]
    async fn get_empty() {
        let value = client()
            .get_empty(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, json!({}));
    }

    #[tokio::test]
    async fn post_round_trip_empty() {
        let value = client()
            .post_round_trip_empty(json!({}), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(value, json!({}));
    }
}

mod type_model_inheritance_enum_discriminator {
    //! type/model/inheritance/enum-discriminator: discriminators typed by extensible and fixed enums.

    use serde_json::json;
    use spector_type_model_inheritance_enum_discriminator::TitleClient;
    use spector_type_model_inheritance_enum_discriminator::models::{
        Cobra, CobraKind, Dog, Golden, GoldenKind, Snake,
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn golden() -> Dog {
        Dog::Golden(Golden {
            kind: Some(GoldenKind::Golden),
            weight: Some(10),
        })
    }

    fn cobra() -> Snake {
        Snake::Cobra(Cobra {
            kind: Some(CobraKind::Cobra),
            length: Some(10),
        })
    }

    #[tokio::test]
    async fn get_extensible_model() {
        let dog = client()
            .get_extensible_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(dog, golden());
    }

    #[tokio::test]
    async fn put_extensible_model() {
        client().put_extensible_model(golden(), None).await.unwrap();
    }

    #[tokio::test]
    async fn get_extensible_model_missing_discriminator() {
        let dog = client()
            .get_extensible_model_missing_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(dog, Dog::UnknownKind(json!({ "weight": 10 })));
    }

    #[tokio::test]
    async fn get_extensible_model_wrong_discriminator() {
        let dog = client()
            .get_extensible_model_wrong_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            dog,
            Dog::UnknownKind(json!({ "weight": 8, "kind": "wrongKind" }))
        );
    }

    #[tokio::test]
    async fn get_fixed_model() {
        let snake = client()
            .get_fixed_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(snake, cobra());
    }

    #[tokio::test]
    async fn put_fixed_model() {
        client().put_fixed_model(cobra(), None).await.unwrap();
    }

    #[tokio::test]
    async fn get_fixed_model_missing_discriminator() {
        let snake = client()
            .get_fixed_model_missing_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(snake, Snake::UnknownKind(json!({ "length": 10 })));
    }

    #[tokio::test]
    async fn get_fixed_model_wrong_discriminator() {
        let snake = client()
            .get_fixed_model_wrong_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            snake,
            Snake::UnknownKind(json!({ "length": 8, "kind": "wrongKind" }))
        );
    }
}

mod type_model_inheritance_nested_discriminator {
    //! type/model/inheritance/nested-discriminator: two levels of discriminators.

    use serde_json::json;
    use spector_type_model_inheritance_nested_discriminator::TitleClient;
    use spector_type_model_inheritance_nested_discriminator::models::{
        Fish, Salmon, SalmonKind, Shark, SharkKind,
    };
    use std::collections::HashMap;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn shark(age: i32, sharktype: &str) -> Fish {
        Fish::Shark(Shark {
            age: Some(age),
            kind: Some(SharkKind::Shark),
            sharktype: Some(sharktype.to_string()),
        })
    }

    fn salmon(age: i32) -> Salmon {
        Salmon {
            age: Some(age),
            kind: Some(SalmonKind::Salmon),
            ..Salmon::default()
        }
    }

    fn hate<const N: usize>(entries: [(&str, Fish); N]) -> Option<HashMap<String, Fish>> {
        Some(
            entries
                .into_iter()
                .map(|(key, fish)| (key.to_string(), fish))
                .collect(),
        )
    }

    /// The scenario's `validRecursiveBody`.
    fn recursive() -> Fish {
        Fish::Salmon(Salmon {
            partner: Some(Box::new(shark(2, "saw"))),
            friends: Some(vec![
                Fish::Salmon(Salmon {
                    partner: Some(Box::new(Fish::Salmon(salmon(3)))),
                    hate: hate([
                        ("key1", Fish::Salmon(salmon(4))),
                        ("key2", shark(2, "goblin")),
                    ]),
                    ..salmon(2)
                }),
                shark(3, "goblin"),
            ]),
            hate: hate([
                ("key3", shark(3, "saw")),
                (
                    "key4",
                    Fish::Salmon(Salmon {
                        friends: Some(vec![Fish::Salmon(salmon(1)), shark(4, "goblin")]),
                        ..salmon(2)
                    }),
                ),
            ]),
            ..salmon(1)
        })
    }

    #[tokio::test]
    async fn get_model() {
        let fish = client()
            .get_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(fish, shark(1, "goblin"));
    }

    #[tokio::test]
    async fn put_model() {
        client().put_model(shark(1, "goblin"), None).await.unwrap();
    }

    #[tokio::test]
    async fn get_recursive_model() {
        let fish = client()
            .get_recursive_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(fish, recursive());
    }

    #[tokio::test]
    async fn put_recursive_model() {
        client()
            .put_recursive_model(recursive(), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn get_missing_discriminator() {
        let fish = client()
            .get_missing_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(fish, Fish::UnknownKind(json!({ "age": 1 })));
    }

    #[tokio::test]
    async fn get_wrong_discriminator() {
        let fish = client()
            .get_wrong_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            fish,
            Fish::UnknownKind(json!({ "age": 1, "kind": "wrongKind" }))
        );
    }
}

mod type_model_inheritance_not_discriminated {
    //! type/model/inheritance/not-discriminated: plain inheritance, flattened.

    use spector_type_model_inheritance_not_discriminated::{TitleClient, models::Siamese};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn siamese() -> Siamese {
        Siamese {
            name: Some("abc".to_string()),
            age: Some(32),
            smart: Some(true),
        }
    }

    #[tokio::test]
    async fn post_valid() {
        client().post_valid(siamese(), None).await.unwrap();
    }

    #[tokio::test]
    async fn get_valid() {
        let cat = client()
            .get_valid(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(cat, siamese());
    }

    #[tokio::test]
    async fn put_valid() {
        let cat = client()
            .put_valid(siamese(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(cat, siamese());
    }
}

mod type_model_inheritance_recursive {
    //! type/model/inheritance/recursive: a model whose base refers to the model itself.

    use spector_type_model_inheritance_recursive::{TitleClient, models::Extension};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn extension(level: i64, extension: Option<Vec<Extension>>) -> Extension {
        Extension {
            extension,
            level: Some(level),
        }
    }

    fn body() -> Extension {
        extension(
            0,
            Some(vec![
                extension(1, Some(vec![extension(2, None)])),
                extension(1, None),
            ]),
        )
    }

    #[tokio::test]
    async fn put() {
        client().put(body(), None).await.unwrap();
    }

    #[tokio::test]
    async fn get() {
        let value = client().get(None).await.unwrap().into_model().unwrap();
        assert_eq!(value, body());
    }
}

mod type_model_inheritance_single_discriminator {
    //! type/model/inheritance/single-discriminator: one level of discriminated subtypes.

    use serde_json::json;
    use spector_type_model_inheritance_single_discriminator::TitleClient;
    use spector_type_model_inheritance_single_discriminator::models::{
        Bird, Dinosaur, Eagle, EagleKind, Fish, Goose, GooseKind, SeaGull, SeaGullKind, Sparrow,
        SparrowKind, TRexKind,
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn sparrow() -> Bird {
        Bird::Sparrow(Sparrow {
            kind: Some(SparrowKind::Sparrow),
            wingspan: Some(1),
        })
    }

    /// The scenario's `validRecursiveBody`.
    fn eagle() -> Bird {
        Bird::Eagle(Eagle {
            kind: Some(EagleKind::Eagle),
            wingspan: Some(5),
            partner: Some(Box::new(Bird::Goose(Goose {
                kind: Some(GooseKind::Goose),
                wingspan: Some(2),
            }))),
            friends: Some(vec![Bird::Seagull(SeaGull {
                kind: Some(SeaGullKind::Seagull),
                wingspan: Some(2),
            })]),
            hate: Some([("key3".to_string(), sparrow())].into_iter().collect()),
        })
    }

    #[tokio::test]
    async fn get_model() {
        let bird = client()
            .get_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(bird, sparrow());
    }

    #[tokio::test]
    async fn put_model() {
        client().put_model(sparrow(), None).await.unwrap();
    }

    #[tokio::test]
    async fn get_recursive_model() {
        let bird = client()
            .get_recursive_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(bird, eagle());
    }

    #[tokio::test]
    async fn put_recursive_model() {
        client().put_recursive_model(eagle(), None).await.unwrap();
    }

    #[tokio::test]
    async fn get_missing_discriminator() {
        let bird = client()
            .get_missing_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(bird, Bird::UnknownKind(json!({ "wingspan": 1 })));
    }

    #[tokio::test]
    async fn get_wrong_discriminator() {
        let bird = client()
            .get_wrong_discriminator(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            bird,
            Bird::UnknownKind(json!({ "wingspan": 1, "kind": "wrongKind" }))
        );
    }

    #[tokio::test]
    async fn get_legacy_model() {
        let dinosaur = client()
            .get_legacy_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let Dinosaur::TRex(t_rex) = dinosaur else {
            panic!("expected a t-rex, got {dinosaur:?}");
        };
        assert_eq!(t_rex.size, Some(20));
        assert_eq!(t_rex.kind, Some(TRexKind::TRex));
    }

    #[tokio::test]
    async fn get_no_subtypes_model() {
        let fish = client()
            .get_no_subtypes_model(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(fish, salmon());
    }

    /// The model without subtypes is a plain struct: its discriminator is a field.
    fn salmon() -> Fish {
        Fish {
            kind: Some("salmon".to_string()),
            size: Some(10),
        }
    }

    #[tokio::test]
    async fn put_no_subtypes_model() {
        client()
            .put_no_subtypes_model(salmon(), None)
            .await
            .unwrap();
    }
}

mod type_model_usage {
    //! type/model/usage: models used only as input, only as output, or both.

    use spector_type_model_usage::TitleClient;
    use spector_type_model_usage::models::{InputOutputRecord, InputRecord};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    #[tokio::test]
    async fn input() {
        client()
            .input(
                InputRecord {
                    required_prop: Some("example-value".to_string()),
                },
                None,
            )
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn output() {
        let record = client().output(None).await.unwrap().into_model().unwrap();
        assert_eq!(record.required_prop.as_deref(), Some("example-value"));
    }

    #[tokio::test]
    async fn input_and_output() {
        let record = InputOutputRecord {
            required_prop: Some("example-value".to_string()),
        };
        let reply = client()
            .input_and_output(record.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply, record);
    }
}

mod type_model_visibility {
    //! type/model/visibility: properties present only for some operations.

    use azure_core::http::StatusCode;
    use spector_type_model_visibility::TitleClient;
    use spector_type_model_visibility::models::{
        ReadOnlyModel, VisibilityModel, VisibilityModelCreate, VisibilityModelCreateOrUpdate,
        VisibilityModelDelete, VisibilityModelUpdate,
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn create_prop() -> Option<Vec<String>> {
        Some(vec!["foo".to_string(), "bar".to_string()])
    }

    #[tokio::test]
    async fn get_model() {
        let model = client()
            .get_model(123, VisibilityModel::default(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(
            model,
            VisibilityModel {
                read_prop: Some("abc".to_string())
            }
        );
    }

    #[tokio::test]
    async fn head_model() {
        let response = client()
            .head_model(123, VisibilityModel::default(), None)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::Ok);
    }

    #[tokio::test]
    async fn put_model() {
        let body = VisibilityModelCreateOrUpdate {
            create_prop: create_prop(),
            update_prop: Some(vec![1, 2]),
        };
        client().put_model(body, None).await.unwrap();
    }

    #[tokio::test]
    async fn patch_model() {
        let body = VisibilityModelUpdate {
            update_prop: Some(vec![1, 2]),
        };
        client().patch_model(body, None).await.unwrap();
    }

    #[tokio::test]
    async fn post_model() {
        let body = VisibilityModelCreate {
            create_prop: create_prop(),
        };
        client().post_model(body, None).await.unwrap();
    }

    #[tokio::test]
    async fn delete_model() {
        let body = VisibilityModelDelete {
            delete_prop: Some(true),
        };
        client().delete_model(body, None).await.unwrap();
    }

    #[tokio::test]
    async fn put_read_only_model() {
        let model = client()
            .put_read_only_model(ReadOnlyModel::default(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let expected = ReadOnlyModel {
            optional_nullable_int_list: Some(vec![1, 2, 3]),
            optional_string_record: Some(
                [("k1", "value1"), ("k2", "value2")]
                    .into_iter()
                    .map(|(key, value)| (key.to_string(), value.to_string()))
                    .collect(),
            ),
        };
        assert_eq!(model, expected);
    }
}

mod type_union_discriminated {
    //! type/union/discriminated: discriminated unions with and without an envelope.

    use spector_type_union_discriminated::models::{
        Cat, Dog, PetInline, PetInlineWithCustomDiscriminator, PetWithCustomNames,
        PetWithCustomNamesCat, PetWithCustomNamesCatPetType, PetWithCustomNamesDog,
        PetWithCustomNamesDogPetType, PetWithEnvelope, PetWithEnvelopeCat, PetWithEnvelopeCatKind,
        PetWithEnvelopeDog, PetWithEnvelopeDogKind,
    };
    use spector_type_union_discriminated::{
        TitleClient, TitleCustomDiscriminatorClientGetOptions,
        TitleCustomPropertiesClientGetOptions, TitleDefaultClientGet2Options,
        TitleDefaultClientGetOptions,
    };

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn cat() -> Cat {
        Cat {
            name: Some("Whiskers".to_string()),
            meow: Some(true),
        }
    }

    fn dog() -> Dog {
        Dog {
            name: Some("Rex".to_string()),
            bark: Some(false),
        }
    }

    fn envelope_cat() -> PetWithEnvelope {
        PetWithEnvelope::Cat(PetWithEnvelopeCat {
            kind: Some(PetWithEnvelopeCatKind::Cat),
            value: Some(cat()),
        })
    }

    fn custom_names_cat() -> PetWithCustomNames {
        PetWithCustomNames::Cat(PetWithCustomNamesCat {
            pet_type: Some(PetWithCustomNamesCatPetType::Cat),
            pet_data: Some(cat()),
        })
    }

    #[tokio::test]
    async fn envelope_default_get() {
        let pet = client()
            .default_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, envelope_cat());
    }

    #[tokio::test]
    async fn envelope_default_get_dog() {
        let options = TitleDefaultClientGetOptions {
            kind: Some("dog".to_string()),
            ..Default::default()
        };
        let pet = client()
            .default_client()
            .get(Some(options))
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let expected = PetWithEnvelope::Dog(PetWithEnvelopeDog {
            kind: Some(PetWithEnvelopeDogKind::Dog),
            value: Some(dog()),
        });
        assert_eq!(pet, expected);
    }

    #[tokio::test]
    async fn envelope_default_put() {
        let pet = client()
            .default_client()
            .put(envelope_cat(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, envelope_cat());
    }

    #[tokio::test]
    async fn envelope_custom_properties_get() {
        let pet = client()
            .custom_properties_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, custom_names_cat());
    }

    #[tokio::test]
    async fn envelope_custom_properties_get_dog() {
        let options = TitleCustomPropertiesClientGetOptions {
            pet_type: Some("dog".to_string()),
            ..Default::default()
        };
        let pet = client()
            .custom_properties_client()
            .get(Some(options))
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let expected = PetWithCustomNames::Dog(PetWithCustomNamesDog {
            pet_type: Some(PetWithCustomNamesDogPetType::Dog),
            pet_data: Some(dog()),
        });
        assert_eq!(pet, expected);
    }

    #[tokio::test]
    async fn envelope_custom_properties_put() {
        let pet = client()
            .custom_properties_client()
            .put(custom_names_cat(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, custom_names_cat());
    }

    #[tokio::test]
    async fn no_envelope_default_get() {
        let pet = client()
            .default_client()
            .get_2(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, PetInline::Cat(cat()));
    }

    #[tokio::test]
    async fn no_envelope_default_get_dog() {
        let options = TitleDefaultClientGet2Options {
            kind: Some("dog".to_string()),
            ..Default::default()
        };
        let pet = client()
            .default_client()
            .get_2(Some(options))
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, PetInline::Dog(dog()));
    }

    /// Sends `{"kind": "cat", "name": "Whiskers", "meow": true}`.
    #[tokio::test]
    async fn no_envelope_default_put() {
        let pet = client()
            .default_client()
            .put_2(PetInline::Cat(cat()), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, PetInline::Cat(cat()));
    }

    #[tokio::test]
    async fn no_envelope_custom_discriminator_get() {
        let pet = client()
            .custom_discriminator_client()
            .get(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, PetInlineWithCustomDiscriminator::Cat(cat()));
    }

    #[tokio::test]
    async fn no_envelope_custom_discriminator_get_dog() {
        let options = TitleCustomDiscriminatorClientGetOptions {
            r#type: Some("dog".to_string()),
            ..Default::default()
        };
        let pet = client()
            .custom_discriminator_client()
            .get(Some(options))
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, PetInlineWithCustomDiscriminator::Dog(dog()));
    }

    /// Sends `{"type": "cat", "name": "Whiskers", "meow": true}`.
    #[tokio::test]
    async fn no_envelope_custom_discriminator_put() {
        let pet = client()
            .custom_discriminator_client()
            .put(PetInlineWithCustomDiscriminator::Cat(cat()), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(pet, PetInlineWithCustomDiscriminator::Cat(cat()));
    }
}
