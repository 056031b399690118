//! `azure-openapi-rust`: an OpenAPI 3.0 document in, a Rust client crate built on `azure_core`
//! out. The same code as the maintainers' `cargo xtask codegen`, for any document.

use clap::Parser;
use generator::write::{self, Status};
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  the crate was written (or, with --check, is fresh)
  1  the document cannot be read as an API description, or --deny-warnings refused it;
     or, with --check, some file is stale. Nothing was written
  2  the command line is wrong
  3  a file could not be read or written";

/// Generates a Rust client crate, built on azure_core, from an OpenAPI 3.0 document.
///
/// Writes a complete crate (Cargo.toml and src/) into the output directory; it builds on its own
/// with `cargo build --manifest-path DIR/Cargo.toml`. What the generator does not model, or a
/// broken corner of the document, is a warning on stderr with its fallback.
#[derive(Parser)]
#[command(version, after_help = EXIT_CODES)]
struct Arguments {
    /// The OpenAPI 3.0 document, YAML or JSON
    document: PathBuf,
    /// Where to write the crate
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    /// The crate's package name [default: from the document's title]
    #[arg(long)]
    name: Option<String>,
    /// Change nothing: list every stale file, and exit 1 if there is one
    #[arg(long)]
    check: bool,
    /// Refuse the document, writing nothing, for any warning but unused schemas
    #[arg(long)]
    deny_warnings: bool,
    /// List every warning [default: a count per kind and a few examples]
    #[arg(long)]
    all_warnings: bool,
}

fn main() -> ExitCode {
    let arguments = Arguments::parse();
    let settings = generator::Settings {
        crate_name: arguments.name,
        deny_warnings: arguments.deny_warnings,
    };
    let outcome = write::run(
        &arguments.document,
        &arguments.out,
        &settings,
        arguments.check,
        arguments.all_warnings,
    );
    outcome.stderr.iter().for_each(|line| eprintln!("{line}"));
    outcome.stdout.iter().for_each(|line| println!("{line}"));
    match outcome.status {
        Status::Done => ExitCode::SUCCESS,
        Status::Refused | Status::Stale => ExitCode::from(1),
        Status::Io => ExitCode::from(3),
    }
}
