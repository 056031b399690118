//! encode/*

mod support;

mod encode_boolean {
    //! `@encode(string) boolean`: the document states a plain string, so the model holds the text.

    use spector_encode_boolean::{TitleClient, TitlePropertyClient, models::BoolAsStringProperty};

    fn client() -> TitlePropertyClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .property_client()
    }

    fn body(value: &str) -> BoolAsStringProperty {
        BoolAsStringProperty {
            value: Some(value.to_string()),
        }
    }

    #[tokio::test]
    async fn true_lower() {
        let reply = client()
            .true_lower(body("true"), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply, body("true"));
    }

    #[tokio::test]
    async fn false_lower() {
        let reply = client()
            .false_lower(body("false"), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply, body("false"));
    }

    #[tokio::test]
    async fn true_upper() {
        let reply = client()
            .true_upper(body("true"), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply, body("TRUE"));
    }

    #[tokio::test]
    async fn false_mixed() {
        let reply = client()
            .false_mixed(body("false"), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply, body("FaLsE"));
    }
}

mod encode_numeric {
    //! Integers encoded as JSON strings.

    use spector_encode_numeric::{
        TitleClient, TitlePropertyClient,
        models::{SafeintAsStringProperty, Uint8AsStringProperty, Uint32AsStringProperty},
    };

    fn client() -> TitlePropertyClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .property_client()
    }

    #[tokio::test]
    async fn safeint_as_string() {
        let body = SafeintAsStringProperty {
            value: Some(10_000_000_000_i64.to_string()),
        };
        let reply = client()
            .safeint_as_string(body.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value.as_deref(), Some("10000000000"));
        assert_eq!(reply, body);
    }

    #[tokio::test]
    async fn uint32_as_string_optional() {
        let body = Uint32AsStringProperty {
            value: Some(1_u32.to_string()),
        };
        let reply = client()
            .uint32_as_string_optional(body.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value.as_deref(), Some("1"));
        assert_eq!(reply, body);
    }

    #[tokio::test]
    async fn uint8_as_string() {
        let body = Uint8AsStringProperty {
            value: Some(u8::MAX.to_string()),
        };
        let reply = client()
            .uint8_as_string(body.clone(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value.as_deref(), Some("255"));
        assert_eq!(reply, body);
    }
}

mod encode_array {
    //! Lists of strings sent as one delimited string; the document states a plain string.

    use spector_encode_array::{TitleClient, TitlePropertyClient, models};

    const COLORS: [&str; 3] = ["blue", "red", "green"];

    fn client() -> TitlePropertyClient {
        TitleClient::new(&crate::support::endpoint(), None)
            .expect("client")
            .property_client()
    }

    fn joined(delimiter: &str) -> Option<String> {
        Some(COLORS.join(delimiter))
    }

    /// Sends `COLORS` joined by `$delimiter` as the model's `value` and expects it back.
    macro_rules! delimited {
        ($method:ident, $model:ident, $delimiter:literal, $expected:literal) => {
            #[tokio::test]
            async fn $method() {
                let body = models::$model {
                    value: joined($delimiter),
                };
                let reply = client()
                    .$method(body, None)
                    .await
                    .unwrap()
                    .into_model()
                    .unwrap();
                assert_eq!(reply.value.as_deref(), Some($expected));
            }
        };
    }

    delimited!(
        comma_delimited,
        CommaDelimitedArrayProperty,
        ",",
        "blue,red,green"
    );
    delimited!(
        space_delimited,
        SpaceDelimitedArrayProperty,
        " ",
        "blue red green"
    );
    delimited!(
        pipe_delimited,
        PipeDelimitedArrayProperty,
        "|",
        "blue|red|green"
    );
    delimited!(
        newline_delimited,
        NewlineDelimitedArrayProperty,
        "\n",
        "blue\nred\ngreen"
    );
    delimited!(
        enum_comma_delimited,
        CommaDelimitedEnumArrayProperty,
        ",",
        "blue,red,green"
    );
    delimited!(
        enum_space_delimited,
        SpaceDelimitedEnumArrayProperty,
        " ",
        "blue red green"
    );
    delimited!(
        enum_pipe_delimited,
        PipeDelimitedEnumArrayProperty,
        "|",
        "blue|red|green"
    );
    delimited!(
        enum_newline_delimited,
        NewlineDelimitedEnumArrayProperty,
        "\n",
        "blue\nred\ngreen"
    );
    delimited!(
        extensible_enum_comma_delimited,
        CommaDelimitedExtensibleEnumArrayProperty,
        ",",
        "blue,red,green"
    );
    delimited!(
        extensible_enum_space_delimited,
        SpaceDelimitedExtensibleEnumArrayProperty,
        " ",
        "blue red green"
    );
    delimited!(
        extensible_enum_pipe_delimited,
        PipeDelimitedExtensibleEnumArrayProperty,
        "|",
        "blue|red|green"
    );
    delimited!(
        extensible_enum_newline_delimited,
        NewlineDelimitedExtensibleEnumArrayProperty,
        "\n",
        "blue\nred\ngreen"
    );
}

mod encode_datetime {
    //! Date-times as RFC 3339 (`date-time`), RFC 7231 (`http-date`) and unix timestamps
    //! (`unixtime`), each an `OffsetDateTime`, in queries, headers, bodies and reply headers; in
    //! a list of a body, unix timestamps stay `i64`.

    use azure_core::http::headers::HeaderName;
    use azure_core::time::{OffsetDateTime, parse_rfc3339, parse_rfc7231, to_rfc7231};
    use spector_encode_datetime::{
        TitleClient, TitleHeaderClient, TitlePropertyClient, TitleQueryClient,
        TitleResponseHeaderClient, models,
    };
    use time::macros::datetime;

    /// 2022-08-26T18:38:00Z, the instant every RFC 3339 scenario uses.
    const RFC3339: OffsetDateTime = datetime!(2022-08-26 18:38:00 UTC);
    /// Fri, 26 Aug 2022 14:38:00 GMT, the instant every RFC 7231 scenario uses.
    const RFC7231: OffsetDateTime = datetime!(2022-08-26 14:38:00 UTC);
    const UNIX: i64 = 1_686_566_864;
    const UNIX_ARRAY: [i64; 2] = [1_686_566_864, 1_686_734_256];

    fn unix(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(seconds).expect("a unix time")
    }

    fn unix_array() -> Vec<OffsetDateTime> {
        UNIX_ARRAY.into_iter().map(unix).collect()
    }

    fn title() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn query() -> TitleQueryClient {
        title().query_client()
    }

    fn header() -> TitleHeaderClient {
        title().header_client()
    }

    fn property() -> TitlePropertyClient {
        title().property_client()
    }

    fn response_header() -> TitleResponseHeaderClient {
        title().response_header_client()
    }

    #[test]
    fn rfc7231_text() {
        assert_eq!(to_rfc7231(&RFC7231), "Fri, 26 Aug 2022 14:38:00 GMT");
    }

    // Query

    #[tokio::test]
    async fn query_default() {
        query().default(&RFC3339, None).await.unwrap();
    }

    #[tokio::test]
    async fn query_rfc3339() {
        query().rfc3339(&RFC3339, None).await.unwrap();
    }

    #[tokio::test]
    async fn query_rfc7231() {
        query().rfc7231(&RFC7231, None).await.unwrap();
    }

    #[tokio::test]
    async fn query_unix_timestamp() {
        query().unix_timestamp(&unix(UNIX), None).await.unwrap();
    }

    #[tokio::test]
    async fn query_unix_timestamp_array() {
        query()
            .unix_timestamp_array(&unix_array(), None)
            .await
            .unwrap();
    }

    // Body property

    #[tokio::test]
    async fn property_default() {
        let reply = property()
            .default(
                models::DefaultDatetimeProperty {
                    value: Some(RFC3339),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value, Some(RFC3339));
    }

    #[tokio::test]
    async fn property_rfc3339() {
        let reply = property()
            .rfc3339(
                models::Rfc3339DatetimeProperty {
                    value: Some(RFC3339),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value, Some(RFC3339));
    }

    #[tokio::test]
    async fn property_rfc7231() {
        let reply = property()
            .rfc7231(
                models::Rfc7231DatetimeProperty {
                    value: Some(RFC7231),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value, Some(RFC7231));
    }

    #[tokio::test]
    async fn property_unix_timestamp() {
        let reply = property()
            .unix_timestamp(
                models::UnixTimestampDatetimeProperty {
                    value: Some(unix(UNIX)),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value, Some(unix(UNIX)));
    }

    #[tokio::test]
    async fn property_unix_timestamp_array() {
        let reply = property()
            .unix_timestamp_array(
                models::UnixTimestampArrayDatetimeProperty {
                    value: Some(UNIX_ARRAY.to_vec()),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value, Some(UNIX_ARRAY.to_vec()));
    }

    // Request header

    #[tokio::test]
    async fn header_default() {
        header().default(&RFC7231, None).await.unwrap();
    }

    #[tokio::test]
    async fn header_rfc3339() {
        header().rfc3339(&RFC3339, None).await.unwrap();
    }

    #[tokio::test]
    async fn header_rfc7231() {
        header().rfc7231(&RFC7231, None).await.unwrap();
    }

    #[tokio::test]
    async fn header_unix_timestamp() {
        header().unix_timestamp(&unix(UNIX), None).await.unwrap();
    }

    #[tokio::test]
    async fn header_unix_timestamp_array() {
        header()
            .unix_timestamp_array(&unix_array(), None)
            .await
            .unwrap();
    }

    // Reply header: the client has no typed accessor, so the raw `value` header is read.

    const VALUE: HeaderName = HeaderName::from_static("value");

    #[tokio::test]
    async fn response_header_default() {
        let response = response_header().default(None).await.unwrap();
        let value = response.headers().get_str(&VALUE).unwrap();
        assert_eq!(parse_rfc7231(value).unwrap(), RFC7231);
    }

    #[tokio::test]
    async fn response_header_rfc3339() {
        let response = response_header().rfc3339(None).await.unwrap();
        let value = response.headers().get_str(&VALUE).unwrap();
        assert_eq!(parse_rfc3339(value).unwrap(), RFC3339);
    }

    #[tokio::test]
    async fn response_header_rfc7231() {
        let response = response_header().rfc7231(None).await.unwrap();
        let value = response.headers().get_str(&VALUE).unwrap();
        assert_eq!(parse_rfc7231(value).unwrap(), RFC7231);
    }

    #[tokio::test]
    async fn response_header_unix_timestamp() {
        let response = response_header().unix_timestamp(None).await.unwrap();
        let value = response.headers().get_str(&VALUE).unwrap();
        assert_eq!(value.parse::<i64>().unwrap(), UNIX);
    }
}

mod encode_duration {
    //! Durations as ISO 8601 text (`format: duration`, `String`) or as int/float seconds or
    //! milliseconds (plain `i32`/`f32`/`f64`: the document keeps only the number type).

    use spector_encode_duration::TitleClient;

    fn title() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    mod property {
        use spector_encode_duration::{TitlePropertyClient, models};

        fn client() -> TitlePropertyClient {
            super::title().property_client()
        }

        /// Sends `{"value": $value}` and expects the same body back.
        macro_rules! round_trip {
            ($name:ident, $model:ident, $value:expr) => {
                #[tokio::test]
                async fn $name() {
                    let body = models::$model {
                        value: Some($value),
                    };
                    let reply = client()
                        .$name(body.clone(), None)
                        .await
                        .unwrap()
                        .into_model()
                        .unwrap();
                    assert_eq!(reply, body);
                }
            };
        }

        round_trip!(default, DefaultDurationProperty, "P40D".to_string());
        round_trip!(iso8601, Iso8601DurationProperty, "P40D".to_string());
        round_trip!(int32_seconds, Int32SecondsDurationProperty, 36);
        round_trip!(float_seconds, FloatSecondsDurationProperty, 35.625);
        round_trip!(float64_seconds, Float64SecondsDurationProperty, 35.625);
        round_trip!(
            float_seconds_array,
            FloatSecondsDurationArrayProperty,
            vec![35.625, 46.75]
        );
        round_trip!(int32_milliseconds, Int32MillisecondsDurationProperty, 36000);
        round_trip!(
            float_milliseconds,
            FloatMillisecondsDurationProperty,
            35625.0
        );
        round_trip!(
            float64_milliseconds,
            Float64MillisecondsDurationProperty,
            35625.0
        );
        round_trip!(
            float_milliseconds_array,
            FloatMillisecondsDurationArrayProperty,
            vec![35625.0, 46750.0]
        );
        round_trip!(
            int32_seconds_larger_unit,
            Int32SecondsLargerUnitDurationProperty,
            120
        );
        round_trip!(
            float_seconds_larger_unit,
            FloatSecondsLargerUnitDurationProperty,
            150.0
        );
        round_trip!(
            int32_milliseconds_larger_unit,
            Int32MillisecondsLargerUnitDurationProperty,
            180000
        );
        round_trip!(
            float_milliseconds_larger_unit,
            FloatMillisecondsLargerUnitDurationProperty,
            210000.0
        );
    }

    mod query {
        use spector_encode_duration::TitleQueryClient;

        fn client() -> TitleQueryClient {
            super::title().query_client()
        }

        /// Sends `?input=$value`; the server checks it.
        macro_rules! send {
            ($name:ident, $value:expr) => {
                #[tokio::test]
                async fn $name() {
                    client().$name($value, None).await.unwrap();
                }
            };
        }

        send!(default, "P40D");
        send!(iso8601, "P40D");
        send!(int32_seconds, 36);
        send!(int32_seconds_array, &[36, 47]);
        send!(float_seconds, 35.625);
        send!(float64_seconds, 35.625);
        send!(int32_milliseconds, 36000);
        send!(float_milliseconds, 35625.0);
        send!(float64_milliseconds, 35625.0);
        send!(int32_milliseconds_array, &[36000, 47000]);
        send!(int32_seconds_larger_unit, 120);
        send!(float_seconds_larger_unit, 150.0);
        send!(int32_milliseconds_larger_unit, 180000);
        send!(float_milliseconds_larger_unit, 210000.0);
    }

    mod header {
        use spector_encode_duration::TitleHeaderClient;

        fn client() -> TitleHeaderClient {
            super::title().header_client()
        }

        /// Sends `duration: $value`; the server checks it.
        macro_rules! send {
            ($name:ident, $value:expr) => {
                #[tokio::test]
                async fn $name() {
                    client().$name($value, None).await.unwrap();
                }
            };
        }

        send!(default, "P40D");
        send!(iso8601, "P40D");
        send!(iso8601_array, &["P40D".to_string(), "P50D".to_string()]);
        send!(int32_seconds, 36);
        send!(float_seconds, 35.625);
        send!(float64_seconds, 35.625);
        send!(int32_milliseconds, 36000);
        send!(float_milliseconds, 35625.0);
        send!(float64_milliseconds, 35625.0);
        send!(int32_milliseconds_array, &[36000, 47000]);
        send!(int32_seconds_larger_unit, 120);
        send!(float_seconds_larger_unit, 150.0);
        send!(int32_milliseconds_larger_unit, 180000);
        send!(float_milliseconds_larger_unit, 210000.0);
    }

    mod lossy {
        //! The client takes an `i32`, so dropping the fraction is the caller's job.

        use time::Duration;

        #[tokio::test]
        async fn int_seconds() {
            let duration = Duration::seconds_f64(36.25);
            let seconds = i32::try_from(duration.whole_seconds()).unwrap();
            assert_eq!(seconds, 36);
            super::title()
                .lossy_client()
                .int_seconds(seconds, None)
                .await
                .unwrap();
        }

        #[tokio::test]
        async fn int_milliseconds() {
            let duration = Duration::microseconds(36_250_250);
            let milliseconds = i32::try_from(duration.whole_milliseconds()).unwrap();
            assert_eq!(milliseconds, 36250);
            super::title()
                .lossy_client()
                .int_milliseconds(milliseconds, None)
                .await
                .unwrap();
        }
    }
}

mod encode_bytes {
    //! Bytes as base64 / base64url text (`format: byte|base64|base64url`, `Vec<u8>`, which the
    //! client encodes) in queries, headers and JSON, and raw bodies (`format: binary`, `Bytes`); in
    //! a list of a body, the caller's base64url text.

    use azure_core::Bytes;
    use azure_core::base64::{decode, decode_url_safe, encode, encode_url_safe};
    use spector_encode_bytes::{
        TitleClient, TitleHeaderClient, TitlePropertyClient, TitleQueryClient,
        TitleRequestBodyClient, TitleResponseBodyClient, models,
    };

    use crate::support::PNG;
    const DATA: &[u8] = b"test";
    /// `test` in base64, padded.
    const BASE64: &str = "dGVzdA==";
    /// `test` in base64url, unpadded.
    const BASE64URL: &str = "dGVzdA";

    fn title() -> TitleClient {
        TitleClient::new(&crate::support::endpoint(), None).expect("client")
    }

    fn query() -> TitleQueryClient {
        title().query_client()
    }

    fn header() -> TitleHeaderClient {
        title().header_client()
    }

    fn property() -> TitlePropertyClient {
        title().property_client()
    }

    fn request_body() -> TitleRequestBodyClient {
        title().request_body_client()
    }

    fn response_body() -> TitleResponseBodyClient {
        title().response_body_client()
    }

    #[test]
    fn encodings() {
        assert_eq!(encode(DATA), BASE64);
        assert_eq!(encode_url_safe(DATA), BASE64URL);
    }

    // Query

    #[tokio::test]
    async fn query_default() {
        query().default(DATA, None).await.unwrap();
    }

    #[tokio::test]
    async fn query_base64() {
        query().base64(DATA, None).await.unwrap();
    }

    #[tokio::test]
    async fn query_base64url() {
        query().base64url(DATA, None).await.unwrap();
    }

    #[tokio::test]
    async fn query_base64url_array() {
        query()
            .base64url_array(&[DATA.to_vec(), DATA.to_vec()], None)
            .await
            .unwrap();
    }

    // Body property

    #[tokio::test]
    async fn property_default() {
        let reply = property()
            .default(
                models::DefaultBytesProperty {
                    value: Some(DATA.to_vec()),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value.as_deref(), Some(DATA));
    }

    #[tokio::test]
    async fn property_base64() {
        let reply = property()
            .base64(
                models::Base64BytesProperty {
                    value: Some(DATA.to_vec()),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value.as_deref(), Some(DATA));
    }

    #[tokio::test]
    async fn property_base64url() {
        let reply = property()
            .base64url(
                models::Base64urlBytesProperty {
                    value: Some(DATA.to_vec()),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(reply.value.as_deref(), Some(DATA));
    }

    #[tokio::test]
    async fn property_base64url_array() {
        let reply = property()
            .base64url_array(
                models::Base64urlArrayBytesProperty {
                    value: Some(vec![encode_url_safe(DATA), encode_url_safe(DATA)]),
                },
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let values = reply.value.expect("value");
        assert_eq!(values.len(), 2);
        for value in values {
            assert_eq!(decode_url_safe(value).unwrap(), DATA);
        }
    }

    // Request header

    #[tokio::test]
    async fn header_default() {
        header().default(DATA, None).await.unwrap();
    }

    #[tokio::test]
    async fn header_base64() {
        header().base64(DATA, None).await.unwrap();
    }

    #[tokio::test]
    async fn header_base64url() {
        header().base64url(DATA, None).await.unwrap();
    }

    #[tokio::test]
    async fn header_base64url_array() {
        header()
            .base64url_array(&[DATA.to_vec(), DATA.to_vec()], None)
            .await
            .unwrap();
    }

    // Request body

    #[tokio::test]
    async fn request_body_default() {
        request_body()
            .default(Bytes::from_static(PNG), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn request_body_octet_stream() {
        request_body()
            .octet_stream(Bytes::from_static(PNG), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn request_body_custom_content_type() {
        request_body()
            .custom_content_type(Bytes::from_static(PNG), None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn request_body_base64() {
        request_body().base64(encode(DATA), None).await.unwrap();
    }

    #[tokio::test]
    async fn request_body_base64url() {
        request_body()
            .base64url(encode_url_safe(DATA), None)
            .await
            .unwrap();
    }

    // Response body

    #[tokio::test]
    async fn response_body_default() {
        let file = response_body()
            .default(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(file.as_ref(), PNG);
    }

    #[tokio::test]
    async fn response_body_octet_stream() {
        let file = response_body()
            .octet_stream(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(file.as_ref(), PNG);
    }

    #[tokio::test]
    async fn response_body_custom_content_type() {
        let file = response_body()
            .custom_content_type(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(file.as_ref(), PNG);
    }

    #[tokio::test]
    async fn response_body_base64() {
        let text = response_body()
            .base64(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(text, BASE64);
        assert_eq!(decode(text).unwrap(), DATA);
    }

    #[tokio::test]
    async fn response_body_base64url() {
        let text = response_body()
            .base64url(None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(text, BASE64URL);
        assert_eq!(decode_url_safe(text).unwrap(), DATA);
    }
}
