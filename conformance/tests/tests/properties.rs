//! type/property/optionality, type/property/value-types, type/property/nullable, type/property/additional-properties

mod support;

mod type_property_optionality {

    use spector_type_property_optionality::{TitleClient, models::*};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// One module per property type: `getAll`/`putAll` with the property set to
    /// `$all`, `getDefault`/`putDefault` with the empty model.
    macro_rules! all_and_default {
        ($name:ident, $sub:ident, $model:ident, $all:expr) => {
            mod $name {
                use super::*;

                #[tokio::test]
                async fn get_all() {
                    let got = client()
                        .$sub()
                        .get_all(None)
                        .await
                        .unwrap()
                        .into_model()
                        .unwrap();
                    assert_eq!(
                        got,
                        $model {
                            property: Some($all)
                        }
                    );
                }

                #[tokio::test]
                async fn put_all() {
                    client()
                        .$sub()
                        .put_all(
                            $model {
                                property: Some($all),
                            },
                            None,
                        )
                        .await
                        .unwrap();
                }

                #[tokio::test]
                async fn get_default() {
                    let got = client()
                        .$sub()
                        .get_default(None)
                        .await
                        .unwrap()
                        .into_model()
                        .unwrap();
                    assert_eq!(got, $model { property: None });
                }

                #[tokio::test]
                async fn put_default() {
                    client()
                        .$sub()
                        .put_default($model { property: None }, None)
                        .await
                        .unwrap();
                }
            }
        };
    }

    const BYTES: &str = "aGVsbG8sIHdvcmxkIQ==";

    all_and_default!(string, string_client, StringProperty, "hello".to_string());
    all_and_default!(
        bytes,
        bytes_client,
        BytesProperty,
        b"hello, world!".to_vec()
    );
    all_and_default!(
        datetime,
        datetime_client,
        DatetimeProperty,
        time::macros::datetime!(2022-08-26 18:38:00 UTC)
    );
    all_and_default!(
        duration,
        duration_client,
        DurationProperty,
        "P123DT22H14M12.011S".to_string()
    );
    all_and_default!(
        plain_date,
        plain_date_client,
        PlainDateProperty,
        "2022-12-12".to_string()
    );
    all_and_default!(
        plain_time,
        plain_time_client,
        PlainTimeProperty,
        "13:06:12".to_string()
    );
    all_and_default!(
        collections_byte,
        collections_byte_client,
        CollectionsByteProperty,
        vec![BYTES.to_string(), BYTES.to_string()]
    );
    all_and_default!(
        collections_model,
        collections_model_client,
        CollectionsModelProperty,
        vec![
            StringProperty {
                property: Some("hello".to_string()),
            },
            StringProperty {
                property: Some("world".to_string()),
            },
        ]
    );
    all_and_default!(
        string_literal,
        string_literal_client,
        StringLiteralProperty,
        StringLiteralPropertyProperty::Hello
    );
    all_and_default!(int_literal, int_literal_client, IntLiteralProperty, 1.0);
    all_and_default!(
        float_literal,
        float_literal_client,
        FloatLiteralProperty,
        1.25
    );
    all_and_default!(
        boolean_literal,
        boolean_literal_client,
        BooleanLiteralProperty,
        true
    );
    all_and_default!(
        union_string_literal,
        union_string_literal_client,
        UnionStringLiteralProperty,
        UnionStringLiteralPropertyProperty::World
    );
    all_and_default!(
        union_int_literal,
        union_int_literal_client,
        UnionIntLiteralProperty,
        2.0
    );
    all_and_default!(
        union_float_literal,
        union_float_literal_client,
        UnionFloatLiteralProperty,
        2.375
    );

    mod required_and_optional {
        use super::*;

        fn all() -> RequiredAndOptionalProperty {
            RequiredAndOptionalProperty {
                optional_property: Some("hello".to_string()),
                required_property: Some(42),
            }
        }

        fn required_only() -> RequiredAndOptionalProperty {
            RequiredAndOptionalProperty {
                optional_property: None,
                required_property: Some(42),
            }
        }

        #[tokio::test]
        async fn get_all() {
            let got = client()
                .required_and_optional_client()
                .get_all(None)
                .await
                .unwrap()
                .into_model()
                .unwrap();
            assert_eq!(got, all());
        }

        #[tokio::test]
        async fn put_all() {
            client()
                .required_and_optional_client()
                .put_all(all(), None)
                .await
                .unwrap();
        }

        #[tokio::test]
        async fn get_required_only() {
            let got = client()
                .required_and_optional_client()
                .get_required_only(None)
                .await
                .unwrap()
                .into_model()
                .unwrap();
            assert_eq!(got, required_only());
        }

        #[tokio::test]
        async fn put_required_only() {
            client()
                .required_and_optional_client()
                .put_required_only(required_only(), None)
                .await
                .unwrap();
        }
    }
}

mod type_property_value_types {

    use spector_type_property_value_types::{TitleClient, models::*};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// One module per property type: `get` must return `$model`, `put` sends it.
    macro_rules! get_put {
        ($name:ident, $sub:ident, $model:expr) => {
            mod $name {
                use super::*;

                #[tokio::test]
                async fn get() {
                    let got = client()
                        .$sub()
                        .get(None)
                        .await
                        .unwrap()
                        .into_model()
                        .unwrap();
                    assert_eq!(got, $model);
                }

                #[tokio::test]
                async fn put() {
                    client().$sub().put($model, None).await.unwrap();
                }
            }
        };
    }

    fn inner(property: &str) -> InnerModel {
        InnerModel {
            property: Some(property.to_string()),
        }
    }

    get_put!(
        boolean,
        boolean_client,
        BooleanProperty {
            property: Some(true)
        }
    );
    get_put!(
        string,
        string_client,
        StringProperty {
            property: Some("hello".to_string())
        }
    );
    get_put!(
        bytes,
        bytes_client,
        BytesProperty {
            property: Some(b"hello, world!".to_vec())
        }
    );
    get_put!(int, int_client, IntProperty { property: Some(42) });
    get_put!(
        float,
        float_client,
        FloatProperty {
            property: Some(43.125)
        }
    );
    get_put!(
        decimal,
        decimal_client,
        DecimalProperty {
            property: Some("0.33333".parse().expect("a decimal"))
        }
    );
    get_put!(
        decimal128,
        decimal128_client,
        Decimal128Property {
            property: Some("0.33333".parse().expect("a decimal"))
        }
    );
    get_put!(
        datetime,
        datetime_client,
        DatetimeProperty {
            property: Some(time::macros::datetime!(2022-08-26 18:38:00 UTC))
        }
    );
    get_put!(
        duration,
        duration_client,
        DurationProperty {
            property: Some("P123DT22H14M12.011S".to_string())
        }
    );
    get_put!(
        enum_,
        enum_client,
        EnumProperty {
            property: Some(FixedInnerEnum::ValueOne)
        }
    );
    get_put!(
        extensible_enum,
        extensible_enum_client,
        ExtensibleEnumProperty {
            property: Some(InnerEnum::UnknownValue("UnknownValue".to_string()))
        }
    );
    get_put!(
        model,
        model_client,
        ModelProperty {
            property: Some(inner("hello"))
        }
    );
    get_put!(
        collections_string,
        collections_string_client,
        CollectionsStringProperty {
            property: Some(vec!["hello".to_string(), "world".to_string()])
        }
    );
    get_put!(
        collections_int,
        collections_int_client,
        CollectionsIntProperty {
            property: Some(vec![1, 2])
        }
    );
    get_put!(
        collections_model,
        collections_model_client,
        CollectionsModelProperty {
            property: Some(vec![inner("hello"), inner("world")])
        }
    );
    get_put!(
        dictionary_string,
        dictionary_string_client,
        DictionaryStringProperty {
            property: Some(
                [("k1", "hello"), ("k2", "world")]
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            )
        }
    );
    // `NeverProperty` has no properties: the body is `{}` both ways.
    get_put!(never, never_client, serde_json::json!({}));
    get_put!(
        unknown_string,
        unknown_string_client,
        UnknownStringProperty {
            property: Some(serde_json::json!("hello"))
        }
    );
    get_put!(
        unknown_int,
        unknown_int_client,
        UnknownIntProperty {
            property: Some(serde_json::json!(42))
        }
    );
    get_put!(
        unknown_dict,
        unknown_dict_client,
        UnknownDictProperty {
            property: Some(serde_json::json!({ "k1": "hello", "k2": 42 }))
        }
    );
    get_put!(
        unknown_array,
        unknown_array_client,
        UnknownArrayProperty {
            property: Some(serde_json::json!(["hello", "world"]))
        }
    );
    get_put!(
        string_literal,
        string_literal_client,
        StringLiteralProperty {
            property: Some(StringLiteralPropertyProperty::Hello)
        }
    );
    get_put!(
        int_literal,
        int_literal_client,
        IntLiteralProperty {
            property: Some(42.0)
        }
    );
    get_put!(
        float_literal,
        float_literal_client,
        FloatLiteralProperty {
            property: Some(43.125)
        }
    );
    get_put!(
        boolean_literal,
        boolean_literal_client,
        BooleanLiteralProperty {
            property: Some(true)
        }
    );
    get_put!(
        union_string_literal,
        union_string_literal_client,
        UnionStringLiteralProperty {
            property: Some(UnionStringLiteralPropertyProperty::World)
        }
    );
    get_put!(
        union_int_literal,
        union_int_literal_client,
        UnionIntLiteralProperty {
            property: Some(42.0)
        }
    );
    get_put!(
        union_float_literal,
        union_float_literal_client,
        UnionFloatLiteralProperty {
            property: Some(46.875)
        }
    );
    get_put!(
        union_enum_value,
        union_enum_value_client,
        UnionEnumValueProperty {
            property: Some(UnionEnumValuePropertyProperty::Value2)
        }
    );
}

mod type_property_nullable {

    use spector_type_property_nullable::{TitleClient, models::*};

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    /// One module per property type. `non-null`: `{requiredProperty: "foo",
    /// nullableProperty: $value}` both ways. `null`: the service returns
    /// `nullableProperty: null`, and the merge-patch body must carry an explicit
    /// `"nullableProperty": null`.
    macro_rules! nullable {
        ($(#[$non_null_attr:meta])* $name:ident, $sub:ident, $model:ident, $value:expr) => {
            mod $name {
                use super::*;

                fn non_null() -> $model {
                    $model {
                        required_property: Some(Some("foo".to_string())),
                        nullable_property: Some(Some($value)),
                    }
                }

                fn null() -> $model {
                    $model {
                        required_property: Some(Some("foo".to_string())),
                        nullable_property: Some(None),
                    }
                }

                $(#[$non_null_attr])*
                #[tokio::test]
                async fn get_non_null() {
                    let got = client()
                        .$sub()
                        .get_non_null(None)
                        .await
                        .unwrap()
                        .into_model()
                        .unwrap();
                    assert_eq!(got, non_null());
                }

                $(#[$non_null_attr])*
                #[tokio::test]
                async fn patch_non_null() {
                    client()
                        .$sub()
                        .patch_non_null(non_null(), None)
                        .await
                        .unwrap();
                }

                #[tokio::test]
                async fn get_null() {
                    let got = client()
                        .$sub()
                        .get_null(None)
                        .await
                        .unwrap()
                        .into_model()
                        .unwrap();
                    assert_eq!(got, null());
                }

                #[tokio::test]
                async fn patch_null() {
                    // Sends `{"requiredProperty":"foo","nullableProperty":null}`.
                    client().$sub().patch_null(null(), None).await.unwrap();
                }
            }
        };
    }

    const BYTES: &str = "aGVsbG8sIHdvcmxkIQ==";

    nullable!(string, string_client, StringProperty, "hello".to_string());
    nullable!(bytes, bytes_client, BytesProperty, BYTES.to_string());
    nullable!(
        datetime,
        datetime_client,
        DatetimeProperty,
        time::macros::datetime!(2022-08-26 18:38:00 UTC)
    );
    nullable!(
        duration,
        duration_client,
        DurationProperty,
        "P123DT22H14M12.011S".to_string()
    );
    nullable!(
        collections_byte,
        collections_byte_client,
        CollectionsByteProperty,
        vec![BYTES.to_string(), BYTES.to_string()]
    );
    nullable!(
        collections_model,
        collections_model_client,
        CollectionsModelProperty,
        vec![
            InnerModel {
                property: Some(Some("hello".to_string())),
            },
            InnerModel {
                property: Some(Some("world".to_string())),
            },
        ]
    );
    nullable!(
        collections_string,
        collections_string_client,
        CollectionsStringProperty,
        vec!["hello".to_string(), "world".to_string()]
    );
}

mod type_property_additional_properties {

    use serde_json::json;
    use spector_type_property_additional_properties::{TitleClient, models::*};
    use std::collections::HashMap;

    fn client() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn map<V>(entries: impl IntoIterator<Item = (&'static str, V)>) -> HashMap<String, V> {
        entries
            .into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect()
    }

    fn ok() -> ModelForRecord {
        ModelForRecord {
            state: Some("ok".to_string()),
        }
    }

    /// One module per scenario pair: `get` must return `$model`, `put` sends it.
    macro_rules! get_put {
        ($name:ident, $sub:ident, $model:expr) => {
            mod $name {
                use super::*;

                #[tokio::test]
                async fn get() {
                    let got = client()
                        .$sub()
                        .get(None)
                        .await
                        .unwrap()
                        .into_model()
                        .unwrap();
                    assert_eq!(got, $model);
                }

                #[tokio::test]
                async fn put() {
                    client().$sub().put($model, None).await.unwrap();
                }
            }
        };
    }

    // --- `is Record<T>`: properties beside `additionalProperties` ---

    get_put!(
        is_unknown,
        is_unknown_client,
        IsUnknownAdditionalProperties {
            name: Some("IsUnknownAdditionalProperties".to_string()),
            additional_properties: map([
                ("prop1", json!(32)),
                ("prop2", json!(true)),
                ("prop3", json!("abc")),
            ]),
        }
    );
    get_put!(
        is_string,
        is_string_client,
        IsStringAdditionalProperties {
            name: Some("IsStringAdditionalProperties".to_string()),
            additional_properties: map([("prop", "abc".to_string())]),
        }
    );
    get_put!(
        is_float,
        is_float_client,
        IsFloatAdditionalProperties {
            id: Some(43.125),
            additional_properties: map([("prop", 43.125)]),
        }
    );
    get_put!(
        is_model,
        is_model_client,
        IsModelAdditionalProperties {
            known_prop: Some(ok()),
            additional_properties: map([("prop", ok())]),
        }
    );
    get_put!(
        is_model_array,
        is_model_array_client,
        IsModelArrayAdditionalProperties {
            known_prop: Some(vec![ok(), ok()]),
            additional_properties: map([("prop", vec![ok(), ok()])]),
        }
    );

    // --- `...Record<T>` spread into a model ---

    get_put!(
        spread_string,
        spread_string_client,
        SpreadStringRecord {
            name: Some("SpreadSpringRecord".to_string()),
            additional_properties: map([("prop", "abc".to_string())]),
        }
    );
    get_put!(
        spread_float,
        spread_float_client,
        SpreadFloatRecord {
            id: Some(43.125),
            additional_properties: map([("prop", 43.125)]),
        }
    );
    get_put!(
        spread_model,
        spread_model_client,
        SpreadModelRecord {
            known_prop: Some(ok()),
            additional_properties: map([("prop", ok())]),
        }
    );
    get_put!(
        spread_model_array,
        spread_model_array_client,
        SpreadModelArrayRecord {
            known_prop: Some(vec![ok(), ok()]),
            additional_properties: map([("prop", vec![ok(), ok()])]),
        }
    );
    get_put!(
        spread_different_string,
        spread_different_string_client,
        DifferentSpreadStringRecord {
            id: Some(43.125),
            additional_properties: map([("prop", "abc".to_string())]),
        }
    );
    get_put!(
        spread_different_float,
        spread_different_float_client,
        DifferentSpreadFloatRecord {
            name: Some("abc".to_string()),
            additional_properties: map([("prop", 43.125)]),
        }
    );
    get_put!(
        spread_different_model,
        spread_different_model_client,
        DifferentSpreadModelRecord {
            known_prop: Some("abc".to_string()),
            additional_properties: map([("prop", ok())]),
        }
    );
    get_put!(
        spread_different_model_array,
        spread_different_model_array_client,
        DifferentSpreadModelArrayRecord {
            known_prop: Some("abc".to_string()),
            additional_properties: map([("prop", vec![ok(), ok()])]),
        }
    );
    get_put!(
        multiple_spread,
        multiple_spread_client,
        MultipleSpreadRecord {
            flag: Some(true),
            additional_properties: map([
                (
                    "prop1",
                    MultipleSpreadRecordValue::String("abc".to_string())
                ),
                ("prop2", MultipleSpreadRecordValue::Number(43.125)),
            ]),
        }
    );
    get_put!(
        spread_record_union,
        spread_record_union_client,
        SpreadRecordForUnion {
            flag: Some(true),
            additional_properties: map([
                (
                    "prop1",
                    SpreadRecordForUnionValue::String("abc".to_string())
                ),
                ("prop2", SpreadRecordForUnionValue::Number(43.125)),
            ]),
        }
    );

    fn widget1_full() -> WidgetData1 {
        WidgetData1 {
            kind: Some(WidgetData1Kind::Kind1),
            start: Some(time::macros::datetime!(2021-01-01 00:00:00 UTC)),
            end: Some(time::macros::datetime!(2021-01-02 00:00:00 UTC)),
        }
    }

    fn widget2() -> WidgetData2 {
        WidgetData2 {
            kind: Some(WidgetData2Kind::Kind1),
            start: Some("2021-01-01T00:00:00Z".to_string()),
        }
    }

    get_put!(
        spread_record_non_discriminated_union,
        spread_record_non_discriminated_union_client,
        SpreadRecordForNonDiscriminatedUnion {
            name: Some("abc".to_string()),
            additional_properties: map([
                (
                    "prop1",
                    SpreadRecordForNonDiscriminatedUnionValue::Kind0(WidgetData0 {
                        kind: Some(WidgetData0Kind::Kind0),
                        foo_prop: Some("abc".to_string()),
                    }),
                ),
                (
                    "prop2",
                    SpreadRecordForNonDiscriminatedUnionValue::Kind1(widget1_full()),
                ),
            ]),
        }
    );
    mod spread_record_non_discriminated_union2 {
        use super::*;

        fn expected() -> SpreadRecordForNonDiscriminatedUnion2 {
            SpreadRecordForNonDiscriminatedUnion2 {
                name: Some("abc".to_string()),
                additional_properties: map([
                    (
                        "prop1",
                        SpreadRecordForNonDiscriminatedUnion2Value::WidgetData2(widget2()),
                    ),
                    (
                        "prop2",
                        SpreadRecordForNonDiscriminatedUnion2Value::WidgetData1(widget1_full()),
                    ),
                ]),
            }
        }

        #[tokio::test]
        async fn get() {
            let got = client()
                .spread_record_non_discriminated_union2_client()
                .get(None)
                .await
                .unwrap()
                .into_model()
                .unwrap();
            // `prop1` fits both models; it is read as the one with more fields, which keeps
            // it whole (`end` absent).
            let mut whole = expected();
            whole.additional_properties.insert(
                "prop1".to_string(),
                SpreadRecordForNonDiscriminatedUnion2Value::WidgetData1(WidgetData1 {
                    end: None,
                    ..widget1_full()
                }),
            );
            assert_eq!(got, whole);
        }

        #[tokio::test]
        async fn put() {
            client()
                .spread_record_non_discriminated_union2_client()
                .put(expected(), None)
                .await
                .unwrap();
        }
    }
    get_put!(
        spread_record_non_discriminated_union3,
        spread_record_non_discriminated_union3_client,
        SpreadRecordForNonDiscriminatedUnion3 {
            name: Some("abc".to_string()),
            additional_properties: map([
                (
                    "prop1",
                    SpreadRecordForNonDiscriminatedUnion3Value::List(vec![widget2(), widget2()]),
                ),
                (
                    "prop2",
                    SpreadRecordForNonDiscriminatedUnion3Value::WidgetData1(widget1_full()),
                ),
            ]),
        }
    );

    // --- `extends Record<T>`: the record is an `allOf` member ---

    fn unknown_props() -> HashMap<String, serde_json::Value> {
        map([
            ("prop1", json!(32)),
            ("prop2", json!(true)),
            ("prop3", json!("abc")),
        ])
    }

    get_put!(
        extends_unknown,
        extends_unknown_client,
        ExtendsUnknownAdditionalProperties {
            name: Some("ExtendsUnknownAdditionalProperties".to_string()),
            additional_properties: unknown_props(),
        }
    );
    get_put!(
        extends_unknown_derived,
        extends_unknown_derived_client,
        ExtendsUnknownAdditionalPropertiesDerived {
            name: Some("ExtendsUnknownAdditionalProperties".to_string()),
            index: Some(314),
            age: Some(2.71875),
            additional_properties: unknown_props(),
        }
    );
    // A discriminated base that TypeSpec writes with `allOf` is read as a plain struct: the
    // derived type's fields arrive among the additional properties.
    get_put!(
        extends_unknown_discriminated,
        extends_unknown_discriminated_client,
        ExtendsUnknownAdditionalPropertiesDiscriminated {
            name: Some("Derived".to_string()),
            kind: Some("derived".to_string()),
            additional_properties: map([
                ("index", json!(314)),
                ("age", json!(2.71875)),
                ("prop1", json!(32)),
                ("prop2", json!(true)),
                ("prop3", json!("abc")),
            ]),
        }
    );
    get_put!(
        extends_string,
        extends_string_client,
        ExtendsStringAdditionalProperties {
            name: Some("ExtendsStringAdditionalProperties".to_string()),
            additional_properties: map([("prop", "abc".to_string())]),
        }
    );
    get_put!(
        extends_float,
        extends_float_client,
        ExtendsFloatAdditionalProperties {
            id: Some(43.125),
            additional_properties: map([("prop", 43.125)]),
        }
    );
    get_put!(
        extends_model,
        extends_model_client,
        ExtendsModelAdditionalProperties {
            known_prop: Some(ok()),
            additional_properties: map([("prop", ok())]),
        }
    );
    get_put!(
        extends_model_array,
        extends_model_array_client,
        ExtendsModelArrayAdditionalProperties {
            known_prop: Some(vec![ok(), ok()]),
            additional_properties: map([("prop", vec![ok(), ok()])]),
        }
    );

    // --- a model derived (allOf $ref) from a model with additionalProperties ---

    get_put!(
        is_unknown_derived,
        is_unknown_derived_client,
        IsUnknownAdditionalPropertiesDerived {
            name: Some("IsUnknownAdditionalProperties".to_string()),
            index: Some(314),
            age: Some(2.71875),
            additional_properties: unknown_props(),
        }
    );
    get_put!(
        is_unknown_discriminated,
        is_unknown_discriminated_client,
        IsUnknownAdditionalPropertiesDiscriminated::Derived(
            IsUnknownAdditionalPropertiesDiscriminatedDerived {
                name: Some("Derived".to_string()),
                kind: Some(IsUnknownAdditionalPropertiesDiscriminatedDerivedKind::Derived),
                index: Some(314),
                age: Some(2.71875),
                additional_properties: unknown_props(),
            }
        )
    );
    get_put!(
        extends_different_spread_string,
        extends_different_spread_string_client,
        DifferentSpreadStringDerived {
            id: Some(43.125),
            derived_prop: Some("abc".to_string()),
            additional_properties: map([("prop", "abc".to_string())]),
        }
    );
    get_put!(
        extends_different_spread_float,
        extends_different_spread_float_client,
        DifferentSpreadFloatDerived {
            name: Some("abc".to_string()),
            derived_prop: Some(43.125),
            additional_properties: map([("prop", 43.125)]),
        }
    );
    get_put!(
        extends_different_spread_model,
        extends_different_spread_model_client,
        DifferentSpreadModelDerived {
            known_prop: Some("abc".to_string()),
            derived_prop: Some(ok()),
            additional_properties: map([("prop", ok())]),
        }
    );
    get_put!(
        extends_different_spread_model_array,
        extends_different_spread_model_array_client,
        DifferentSpreadModelArrayDerived {
            known_prop: Some("abc".to_string()),
            derived_prop: Some(vec![ok(), ok()]),
            additional_properties: map([("prop", vec![ok(), ok()])]),
        }
    );
}
