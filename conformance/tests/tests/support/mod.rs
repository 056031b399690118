//! What every scenario test needs: the mock server's address.

/// Where `conformance/run test` started Spector's mock server.
pub fn endpoint() -> String {
    std::env::var("SPECTOR_ENDPOINT").unwrap_or_else(|_| "http://localhost:3000".to_string())
}
