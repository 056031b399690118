//! `azure-openapi-rust`: an OpenAPI (3.0, 3.1, 3.2) or Swagger 2.0 document (or TypeSpec,
//! compiled to OpenAPI 3.0) in, a Rust client crate built on `azure_core` out. The same code as
//! the maintainers' `cargo xtask codegen`, for any document.

mod typespec;

use clap::Parser;
use generator::write::{self, Status};
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  the crate was written (or, with --check, is fresh)
  1  the document cannot be read as an API description (or TypeSpec input does not
     compile), or --deny-warnings refused it; or, with --check, some file is stale.
     Nothing was written
  2  the command line is wrong
  3  a file could not be read or written";

/// Generates a Rust client crate, built on azure_core, from an OpenAPI or Swagger 2.0 document.
///
/// Writes a complete crate (Cargo.toml and src/) into the output directory; it builds on its own
/// with `cargo build --manifest-path DIR/Cargo.toml`. What the generator does not model, or a
/// broken corner of the document, is a warning on stderr with its fallback.
///
/// TypeSpec input (a .tsp file, or a folder with main.tsp) is compiled to OpenAPI 3.0 first,
/// with the pinned TypeSpec toolchain, which npm installs on first use (Node.js with npm is
/// needed for this only); the emitted document is kept as DIR/openapi.yaml.
#[derive(Parser)]
#[command(version, after_help = EXIT_CODES)]
struct Arguments {
    /// The OpenAPI (3.0, 3.1, 3.2) or Swagger 2.0 document, YAML or JSON; or TypeSpec: a .tsp file or a folder
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
    /// Refuse the document, writing nothing, for any warning but unused schemas and ignored statements
    #[arg(long)]
    deny_warnings: bool,
    /// List every warning [default: a count per kind and a few examples]
    #[arg(long)]
    all_warnings: bool,
    /// The directory the document's `$ref`s to other files may read [default: the document's]
    #[arg(long, value_name = "DIR")]
    ref_root: Option<PathBuf>,
}

fn main() -> ExitCode {
    let arguments = Arguments::parse();
    let settings = generator::Settings {
        crate_name: arguments.name,
        deny_warnings: arguments.deny_warnings,
        ref_root: arguments.ref_root,
    };
    let document = if typespec::is_typespec(&arguments.document) {
        // With --check nothing is written, the compiled document included.
        let keep = match arguments.check {
            true => std::env::temp_dir().join(format!("azure-openapi-rust-{}", std::process::id())),
            false => arguments.out.clone(),
        };
        match typespec::compile(&arguments.document, &keep) {
            Ok(document) => document,
            Err(why) => {
                eprintln!("error: {why}");
                return ExitCode::from(1);
            }
        }
    } else {
        arguments.document
    };
    let outcome = write::run(
        &document,
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
