//! What the scenario tests share: the mock server's address, its files, and ways to read replies.
// Each test binary uses only part of this module.
#![allow(dead_code)]

/// Where `conformance/run test` started Spector's mock server.
pub fn endpoint() -> String {
    std::env::var("SPECTOR_ENDPOINT").unwrap_or_else(|_| "http://localhost:3000".to_string())
}

/// The files Spector's mock server sends and expects (`pngFile`, `jpgFile` in http-specs).
pub const PNG: &[u8] =
    include_bytes!("../../../node_modules/@typespec/http-specs/assets/image.png");
pub const JPG: &[u8] =
    include_bytes!("../../../node_modules/@typespec/http-specs/assets/image.jpg");

/// Every item of `pager`, page after page.
pub async fn collect<P>(
    pager: azure_core::http::ItemIterator<P>,
) -> azure_core::Result<Vec<P::Item>>
where
    P: azure_core::http::pager::Page + Send,
{
    futures::TryStreamExt::try_collect(pager).await
}

/// The value of the reply header `name`, if present.
pub fn header(headers: &azure_core::http::headers::Headers, name: &'static str) -> Option<String> {
    headers
        .get_optional_str(&azure_core::http::headers::HeaderName::from_static(name))
        .map(str::to_string)
}
