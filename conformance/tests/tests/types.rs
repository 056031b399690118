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
