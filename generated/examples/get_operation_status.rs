//! Reads the status of a DevCenter operation.
//!
//! ```text
//! cargo run --example get_operation_status -- https://<tenant>-<devcenter>.<region>.devcenter.azure.com/ <project> <operation-id>
//! ```
//!
//! Signs in with the Azure CLI or the Azure Developer CLI (`az login` or `azd auth login`).
//! Written by hand: the generator owns only `Cargo.toml`, `src/lib.rs` and `src/generated/`.

use azure_identity::DeveloperToolsCredential;
use devcenter_client::{DevCenterClient, models::ErrorResponse};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(endpoint), Some(project), Some(operation_id)) =
        (args.next(), args.next(), args.next())
    else {
        eprintln!("usage: get_operation_status <endpoint> <project> <operation-id>");
        std::process::exit(2);
    };

    let credential = DeveloperToolsCredential::new(None)?;
    let client = DevCenterClient::new(&endpoint, credential, None)?;
    match client
        .operation_statuses_client()
        .get(&project, &operation_id, None)
        .await
    {
        Ok(response) => {
            let status = response.into_model()?;
            println!("{}: {:?}", operation_id, status.status);
            if let Some(percent) = status.percent_complete {
                println!("{percent:.0}% complete");
            }
        }
        Err(error) => {
            // The service's own error body, when it sent one.
            if let Some(body) = ErrorResponse::from_error(&error) {
                eprintln!("service error: {body:?}");
            }
            return Err(error.into());
        }
    }
    Ok(())
}
