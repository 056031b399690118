//! `cargo xtask codegen [--check] [--spec FILE --out DIR]`
//!
//! Without `--spec`, generates every default document in `spec/` into its crate.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask codegen [--check] [--deny-warnings] [--all-warnings]
                           [--spec FILE --out DIR [--name NAME] [--ref-root DIR]]
       cargo xtask bench-compare [--runs N] [--large] [--progenitor PATH]
       cargo xtask bench-realworld [--runs N]

  --check       change nothing; list every stale file and fail if there is one
  --deny-warnings  refuse a document, writing nothing, for any warning but unused schemas and ignored statements
  --all-warnings   list every warning (by default: a count per kind and a few examples)
  --spec FILE   the OpenAPI (3.0-3.2) or Swagger 2.0 document to read (default: those in spec/)
  --out DIR     where to write the crate (Cargo.toml and src/); required with --spec
  --name NAME   the crate's package name (default: from the document's title)
  --ref-root DIR  the directory the document's `$ref`s to other files may read
                (default: the document's)
  --runs N      bench-compare, bench-realworld: rounds of each measurement (default 7, 5)
  --large       bench-compare: also compare the crates generated from oxide.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("codegen") => {}
        Some("bench-compare") => {
            let rest: Vec<String> = args.cloned().collect();
            xtask::bench::run(&rest)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some("bench-realworld") => {
            let rest: Vec<String> = args.cloned().collect();
            xtask::realworld::run(&rest)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some("--help" | "-h") | None => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(format!("unknown command `{other}`")),
    }
    let (mut check, mut spec, mut out, mut name) = (false, None, None, None);
    let (mut deny_warnings, mut all_warnings, mut ref_root) = (false, false, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--deny-warnings" => deny_warnings = true,
            "--all-warnings" => all_warnings = true,
            "--name" => name = Some(args.next().ok_or("--name needs a package name")?.clone()),
            "--spec" => spec = Some(PathBuf::from(args.next().ok_or("--spec needs a file")?)),
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a directory")?)),
            "--ref-root" => {
                let dir = args.next().ok_or("--ref-root needs a directory")?;
                ref_root = Some(PathBuf::from(dir));
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let root = xtask::workspace_root();
    let targets: Vec<(PathBuf, PathBuf, Option<String>)> = match (spec, out) {
        (Some(spec), Some(out)) => vec![(spec, out, name)],
        (None, None) if name.is_none() => xtask::DEFAULT_TARGETS
            .iter()
            .map(|t| {
                (
                    root.join(t.spec),
                    root.join(t.out),
                    t.crate_name.map(String::from),
                )
            })
            .collect(),
        (None, None) => return Err("--name goes with --spec and --out".to_string()),
        _ => return Err("--spec and --out go together".to_string()),
    };

    let mut failed = false;
    for (spec, out, crate_name) in targets {
        let settings = generator::Settings {
            crate_name,
            deny_warnings,
            ref_root: ref_root.clone(),
        };
        let outcome = generator::write::run(&spec, &out, &settings, check, all_warnings);
        outcome.stderr.iter().for_each(|line| eprintln!("{line}"));
        outcome.stdout.iter().for_each(|line| println!("{line}"));
        failed |= outcome.status != generator::write::Status::Done;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
