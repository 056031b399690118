//! `cargo xtask bench-compare`: this generator against cargo-progenitor, as whole processes on
//! the same documents, alternating the two, with medians and ratios; then the generated crates'
//! lines of code and the time to rebuild each crate alone once its dependencies are built, for
//! the `spec/` document and, with `--large`, for oxide.json.
//!
//! Needs `cargo-progenitor` 0.15 (`cargo install cargo-progenitor --version 0.15.0 --locked`)
//! on the PATH or given with `--progenitor PATH`. Prints Markdown tables (BENCHMARKS.md).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One document both tools are fed.
struct Document {
    name: &'static str,
    path: &'static str,
    /// progenitor panics on a `200` + `default` response pair (its issue #950): its copy of the
    /// document says `'4XX'` instead of `default`, a one-line edit.
    progenitor_edit: Option<(&'static str, &'static str)>,
}

const DOCUMENTS: &[Document] = &[
    Document {
        name: "operation status (spec/)",
        path: "spec/devcenter-operation-status.yaml",
        progenitor_edit: Some(("        default:\n", "        '4XX':\n")),
    },
    Document {
        name: "DevCenter 2024-10-01-preview",
        path: "spec/devcenter-2024-10-01-preview.yaml",
        progenitor_edit: None,
    },
    // Swagger 2.0, as Azure publishes it: progenitor reads OpenAPI 3.0 only.
    Document {
        name: "DevCenter 2025-02-01 (Swagger 2.0)",
        path: "spec/devcenter-2025-02-01.json",
        progenitor_edit: None,
    },
    Document {
        name: "oxide.json",
        path: "tests/fixtures/corpus/oxide.json",
        progenitor_edit: None,
    },
];

/// Runs the comparison; `args` are what follows `bench-compare`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut runs = 7;
    let mut large = false;
    let mut progenitor = PathBuf::from("cargo-progenitor");
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--runs needs a positive number")?;
            }
            "--large" => large = true,
            "--progenitor" => {
                progenitor = PathBuf::from(args.next().ok_or("--progenitor needs a path")?)
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let root = crate::workspace_root();
    // Outside the workspace: cargo would take the generated crates for unlisted members.
    let work = std::env::temp_dir().join("xtask-bench-compare");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    eprintln!("building this generator in release mode…");
    cargo(
        &root,
        &["build", "--release", "--quiet", "--package", "xtask"],
        None,
    )?;
    let ours = root.join("target/release/xtask");

    println!("## Generation, whole process ({runs} runs each, alternating; medians)\n");
    println!(
        "| document | this generator | progenitor 0.15 | ratio | peak memory (this / progenitor) |"
    );
    println!("|---|---|---|---|---|");
    for document in DOCUMENTS {
        let input = root.join(document.path);
        let progenitor_input = progenitor_input(&work, &input, document)?;
        let ours_out = work.join("ours");
        let theirs_out = work.join("progenitor");
        let ours_cmd = |out: &Path| ours_command(&ours, &input, out);
        let theirs_cmd = |out: &Path| progenitor_command(&progenitor, &progenitor_input, out);
        let mut mine = Vec::new();
        let mut theirs = Vec::new();
        let mut theirs_failed = false;
        for _ in 0..runs {
            mine.push(timed(ours_cmd(&ours_out))?.ok_or("this generator failed")?);
            match timed(theirs_cmd(&theirs_out))? {
                Some(time) => theirs.push(time),
                None => theirs_failed = true,
            }
        }
        let memory = |mut command: Command| peak_memory_kib(&mut command);
        let (m, t) = (median(&mine), median(&theirs));
        let ratio = match (theirs_failed, t) {
            (false, Some(t)) => format!("{:.2}", seconds(m.unwrap_or_default()) / seconds(t)),
            _ => "-".to_string(),
        };
        let theirs_text = if theirs_failed {
            "fails on this document".to_string()
        } else {
            format!("{:.1} ms", millis(t.unwrap_or_default()))
        };
        println!(
            "| {} | {:.1} ms | {} | {} | {} / {} |",
            document.name,
            millis(m.unwrap_or_default()),
            theirs_text,
            ratio,
            memory(ours_cmd(&ours_out)).map_or("?".into(), |k| format!("{} MiB", k / 1024)),
            if theirs_failed {
                "-".to_string()
            } else {
                memory(theirs_cmd(&theirs_out)).map_or("?".into(), |k| format!("{} MiB", k / 1024))
            },
        );
    }

    // The generated crates for the one document both tools read as written.
    let document = &DOCUMENTS[0];
    let (ours_crate, theirs_crate) = generate_both(&root, &work, &ours, &progenitor, document)?;
    // progenitor's crate has reqwest without TLS; reaching an https endpoint takes this edit.
    let theirs_tls_crate = work.join("crate-progenitor-rustls");
    copy_crate(&theirs_crate, &theirs_tls_crate)?;
    let manifest = theirs_tls_crate.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
    let (from, to) = PROGENITOR_TLS_EDIT;
    if !text.contains(from) {
        return Err(format!(
            "progenitor's manifest has no `{from}` to add TLS to"
        ));
    }
    fs::write(&manifest, text.replacen(from, to, 1)).map_err(|e| e.to_string())?;
    // Ours without its default features and with azure_core's reqwest client: plain http, as
    // progenitor's crate is. A copy, so that each build keeps its own fingerprints.
    let ours_http_crate = work.join("crate-ours-http");
    copy_crate(&ours_crate, &ours_http_crate)?;

    let variants = [
        Variant {
            name: "this generator (default features: rustls, gzip, deflate)",
            dir: ours_crate,
            features: &[],
        },
        Variant {
            name: "progenitor 0.15 as generated (no TLS)",
            dir: theirs_crate,
            features: &[],
        },
        Variant {
            name: "this generator, http only (`--no-default-features --features azure_core/reqwest`)",
            dir: ours_http_crate,
            features: &["--no-default-features", "--features", "azure_core/reqwest"],
        },
        Variant {
            name: "progenitor 0.15 with reqwest's `rustls` feature",
            dir: theirs_tls_crate,
            features: &[],
        },
    ];
    let medians = crate_table(&root, document, &variants, runs)?;
    if let [ours, theirs, ours_http, theirs_tls] = medians[..] {
        for (column, what) in [(0, "Rebuild after a touch"), (1, "Compile from scratch")] {
            println!(
                "\n{what}, ratios: as generated {:.2}; both over http only {:.2}; both with TLS {:.2}.",
                ours[column] / theirs[column],
                ours_http[column] / theirs[column],
                ours[column] / theirs_tls[column]
            );
        }
    }

    if large {
        // The crates of a large document, where cargo's own work no longer matters.
        let document = &DOCUMENTS[2];
        let (ours_crate, theirs_crate) = generate_both(&root, &work, &ours, &progenitor, document)?;
        let variants = [
            Variant {
                name: "this generator",
                dir: ours_crate,
                features: &[],
            },
            Variant {
                name: "progenitor 0.15",
                dir: theirs_crate,
                features: &[],
            },
        ];
        let runs = runs.min(LARGE_RUNS);
        if let [ours, theirs] = crate_table(&root, document, &variants, runs)?[..] {
            println!(
                "\nRatios: rebuild after a touch {:.2}; compile from scratch {:.2}.",
                ours[0] / theirs[0],
                ours[1] / theirs[1]
            );
        }
    }
    Ok(())
}

/// Rounds for the large document's crates, whose compiles take seconds.
const LARGE_RUNS: usize = 3;

/// Generates `document`'s crate with both tools, into `crate-ours-…` and `crate-progenitor-…`
/// (progenitor reading its edited copy where it needs one).
fn generate_both(
    root: &Path,
    work: &Path,
    ours: &Path,
    progenitor: &Path,
    document: &Document,
) -> Result<(PathBuf, PathBuf), String> {
    let stem = Path::new(document.path)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("document");
    let ours_crate = work.join(format!("crate-ours-{stem}"));
    let theirs_crate = work.join(format!("crate-progenitor-{stem}"));
    let input = root.join(document.path);
    timed(ours_command(ours, &input, &ours_crate))?.ok_or("this generator failed")?;
    let progenitor_input = progenitor_input(work, &input, document)?;
    timed(progenitor_command(
        progenitor,
        &progenitor_input,
        &theirs_crate,
    ))?
    .ok_or("progenitor failed")?;
    // Our crate takes the workspace's dependency versions, as CI builds it.
    let _ = fs::copy(root.join("Cargo.lock"), ours_crate.join("Cargo.lock"));
    Ok((ours_crate, theirs_crate))
}

/// This generator's command for `input`, writing into `out`.
pub(crate) fn ours_command(ours: &Path, input: &Path, out: &Path) -> Command {
    let mut command = Command::new(ours);
    command
        .args(["codegen", "--spec"])
        .arg(input)
        .arg("--out")
        .arg(out);
    command
}

/// progenitor's command for `input`, writing into `out`.
fn progenitor_command(progenitor: &Path, input: &Path, out: &Path) -> Command {
    let mut command = Command::new(progenitor);
    command
        .args(["progenitor", "-i"])
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(["-n", "bench-client", "-v", "0.1.0"]);
    command
}

/// The document progenitor reads: `input`, or its copy with the document's one-line edit.
fn progenitor_input(work: &Path, input: &Path, document: &Document) -> Result<PathBuf, String> {
    let Some((from, to)) = document.progenitor_edit else {
        return Ok(input.to_path_buf());
    };
    let text = fs::read_to_string(input).map_err(|e| e.to_string())?;
    let edited = work.join("progenitor-input.yaml");
    fs::write(&edited, text.replacen(from, to, 1)).map_err(|e| e.to_string())?;
    Ok(edited)
}

/// Times the crates' builds, alternating them, and prints their table; the medians of each
/// crate's rebuild after a touch and compile from scratch, in seconds.
fn crate_table(
    root: &Path,
    document: &Document,
    variants: &[Variant],
    runs: usize,
) -> Result<Vec<[f64; 2]>, String> {
    println!(
        "\n## The generated crates for {} ({runs} rounds, alternating; medians)\n",
        document.name
    );
    let mut times: Vec<[Vec<Duration>; 3]> = Vec::new();
    for variant in variants {
        eprintln!("building {}'s dependencies once…", variant.name);
        variant.build(root)?;
        times.push(Default::default());
    }
    // Each round: a rebuild after a touch, which incremental compilation mostly reuses; a
    // no-op build, which is cargo checking the dependency tree; and a compile of the crate
    // from scratch (its incremental cache removed), as after regenerating it.
    for _ in 0..runs {
        for (variant, [rebuilds, no_ops, scratches]) in variants.iter().zip(&mut times) {
            touch(&variant.dir.join("src/lib.rs"))?;
            rebuilds.push(timed_build(variant, root)?);
            no_ops.push(timed_build(variant, root)?);
            let incremental = variant.target(root).join("debug/incremental");
            fs::remove_dir_all(&incremental)
                .map_err(|e| format!("{}: {e}", incremental.display()))?;
            touch(&variant.dir.join("src/lib.rs"))?;
            scratches.push(timed_build(variant, root)?);
        }
    }
    println!(
        "| crate | lines of Rust | rebuild after a touch | no-op build | rebuild minus no-op | compile from scratch |"
    );
    println!("|---|---|---|---|---|---|");
    let mut medians = Vec::new();
    for (variant, [rebuilds, no_ops, scratches]) in variants.iter().zip(&times) {
        let [rebuild, no_op, scratch] =
            [rebuilds, no_ops, scratches].map(|times| median(times).unwrap_or_default());
        medians.push([seconds(rebuild), seconds(scratch)]);
        println!(
            "| {} | {} | {:.3} s | {:.3} s | {:.3} s | {:.3} s |",
            variant.name,
            rust_lines(&variant.dir.join("src")),
            seconds(rebuild),
            seconds(no_op),
            seconds(rebuild.saturating_sub(no_op)),
            seconds(scratch)
        );
    }
    Ok(medians)
}

fn timed_build(variant: &Variant, root: &Path) -> Result<Duration, String> {
    let started = Instant::now();
    variant.build(root)?;
    Ok(started.elapsed())
}

/// progenitor's reqwest dependency, and the same with rustls (reqwest's own TLS feature).
const PROGENITOR_TLS_EDIT: (&str, &str) = (
    r#"features = ["json", "query", "stream"]"#,
    r#"features = ["json", "query", "stream", "rustls"]"#,
);

/// One generated crate, built with some features.
struct Variant {
    name: &'static str,
    dir: PathBuf,
    features: &'static [&'static str],
}

impl Variant {
    /// `cargo build` of the crate.
    fn build(&self, root: &Path) -> Result<(), String> {
        let manifest = self.dir.join("Cargo.toml");
        let manifest = manifest.to_str().ok_or("a path that is not UTF-8")?;
        let mut args = vec!["build", "--quiet", "--manifest-path", manifest];
        args.extend(self.features);
        cargo(root, &args, Some(&self.target(root)))
    }

    /// The crate's own target directory, kept between runs so that its dependencies build
    /// once per machine.
    fn target(&self, root: &Path) -> PathBuf {
        let crate_dir = self
            .dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("crate");
        root.join("target/bench-compare").join(crate_dir)
    }
}

/// Copies a generated crate (its manifest, lockfile and sources).
fn copy_crate(from: &Path, to: &Path) -> Result<(), String> {
    let mut dirs = vec![PathBuf::new()];
    while let Some(relative) = dirs.pop() {
        fs::create_dir_all(to.join(&relative)).map_err(|e| format!("{}: {e}", to.display()))?;
        let entries = fs::read_dir(from.join(&relative)).map_err(|e| e.to_string())?;
        for entry in entries.flatten() {
            let relative = relative.join(entry.file_name());
            if entry.path().is_dir() {
                dirs.push(relative);
            } else {
                fs::copy(entry.path(), to.join(&relative)).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// Runs `command` quietly; its wall time, or `None` when it failed.
pub(crate) fn timed(mut command: Command) -> Result<Option<Duration>, String> {
    command.stdout(Stdio::null()).stderr(Stdio::null());
    let started = Instant::now();
    let status = command.status().map_err(|e| format!("{command:?}: {e}"))?;
    Ok(status.success().then(|| started.elapsed()))
}

/// Peak resident memory of one run, read by GNU time where the machine has it.
pub(crate) fn peak_memory_kib(command: &mut Command) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let mut timed = Command::new(time);
    timed
        .args(["-f", "%M"])
        .arg(command.get_program())
        .args(command.get_args())
        .stdout(Stdio::null());
    // The command's own environment (a target directory, say) and directory go with it.
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => timed.env(key, value),
            None => timed.env_remove(key),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        timed.current_dir(dir);
    }
    let output = timed.output().ok()?;
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

pub(crate) fn cargo(root: &Path, args: &[&str], target: Option<&Path>) -> Result<(), String> {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.args(args).current_dir(root);
    if let Some(target) = target {
        command.env("CARGO_TARGET_DIR", target);
    }
    let status = command.status().map_err(|e| format!("cargo: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("cargo {} failed", args.join(" ")))
}

/// Marks a file as changed, so that cargo rebuilds its crate.
fn touch(path: &Path) -> Result<(), String> {
    let text = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Non-empty lines of the `.rs` files under `dir`.
fn rust_lines(dir: &Path) -> usize {
    let mut count = 0;
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap_or_default();
                count += text.lines().filter(|l| !l.trim().is_empty()).count();
            }
        }
    }
    count
}

pub(crate) fn median(times: &[Duration]) -> Option<Duration> {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied()
}

pub(crate) fn millis(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

fn seconds(time: Duration) -> f64 {
    time.as_secs_f64()
}
