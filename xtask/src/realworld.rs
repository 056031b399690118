//! `cargo xtask bench-realworld`: each public document of `tests/fixtures/realworld/` as a whole
//! generation process with a release build, beside oxide.json (the baseline of
//! `bench-compare`) in the same run; then each crate's own build once its dependencies are built,
//! with rustc's peak memory. Prints the Markdown table of BENCHMARKS.md.

use crate::bench::{cargo, median, millis, ours_command, peak_memory_kib, timed};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const BASELINE: &str = "tests/fixtures/corpus/oxide.json";

/// Runs the benchmark; `args` are what follows `bench-realworld`.
pub fn run(args: &[String]) -> Result<(), String> {
    let runs = match args {
        [] => 5,
        [flag, n] if flag == "--runs" => n
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or("--runs needs a positive number")?,
        _ => return Err(format!("unknown arguments `{}`", args.join(" "))),
    };
    let root = crate::workspace_root();
    let work = std::env::temp_dir().join("xtask-bench-realworld");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    eprintln!("building this generator in release mode…");
    cargo(
        &root,
        &["build", "--release", "--quiet", "--package", "xtask"],
        None,
    )?;
    let ours = root.join("target/release/xtask");

    let mut documents: Vec<PathBuf> = fs::read_dir(root.join("tests/fixtures/realworld"))
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml" || e == "json"))
        .collect();
    documents.sort();

    // Generation, alternating each document with the baseline so both see the same machine.
    let baseline = root.join(BASELINE);
    let mut baseline_times = Vec::new();
    let mut rows = Vec::new();
    for document in &documents {
        let out = work.join(stem(document));
        let mut times = Vec::new();
        for _ in 0..runs {
            times.push(timed(ours_command(&ours, document, &out))?.ok_or("generation failed")?);
            let scratch = work.join("baseline");
            baseline_times.push(timed(ours_command(&ours, &baseline, &scratch))?.ok_or("oxide")?);
        }
        let summary = summary_of(document)?;
        let _ = fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock"));
        rows.push((
            document.clone(),
            out,
            median(&times).unwrap_or_default(),
            summary,
        ));
    }
    let baseline_time = median(&baseline_times).unwrap_or_default();

    // The crates' own builds: dependencies first, built once with a crate of their own (the
    // smallest document's, again), untimed; then each crate alone.
    let target = work.join("target");
    let smallest = documents
        .iter()
        .min_by_key(|document| fs::metadata(document).map_or(0, |m| m.len()))
        .ok_or("no documents")?;
    let warm_up = work.join("warm-up");
    // A name of its own: cargo reuses a crate of the same name and sources wherever it is.
    let mut warm_up_command = ours_command(&ours, smallest, &warm_up);
    warm_up_command.args(["--name", "warm-up-client"]);
    timed(warm_up_command)?.ok_or("generation failed")?;
    let _ = fs::copy(root.join("Cargo.lock"), warm_up.join("Cargo.lock"));
    build(&warm_up, &target)?;
    println!(
        "## The real documents of tests/fixtures/realworld/ ({runs} runs each, alternating with \
         oxide.json; medians)\n"
    );
    println!(
        "oxide.json, the baseline of the same run: {:.1} ms.\n",
        millis(baseline_time)
    );
    println!(
        "| document | methods | types | warnings by kind | generation | ÷ oxide.json | crate build | rustc peak |"
    );
    println!("|---|---:|---:|---|---:|---:|---:|---:|");
    for (document, out, time, summary) in &rows {
        let started = Instant::now();
        let peak = peak_memory_kib(&mut build_command(out, &target));
        // GNU time ran the build; without it, the build runs here.
        if peak.is_none() {
            build(out, &target)?;
        }
        let built = started.elapsed();
        println!(
            "| {} | {} | {} | {} | {:.0} ms | {:.2} | {:.1} s | {} |",
            document.file_name().unwrap_or_default().to_string_lossy(),
            summary.methods,
            summary.types,
            summary.warnings,
            millis(*time),
            time.as_secs_f64() / baseline_time.as_secs_f64(),
            built.as_secs_f64(),
            peak.map_or("?".to_string(), |kib| format!("{} MiB", kib / 1024)),
        );
    }
    Ok(())
}

/// What the generator makes of a document, read from the library (the timed runs are whole
/// processes; this is what they wrote).
struct Summary {
    methods: usize,
    types: usize,
    /// e.g. `AsJson 17, Unused 7`.
    warnings: String,
}

fn summary_of(document: &Path) -> Result<Summary, String> {
    let text = fs::read_to_string(document).map_err(|e| format!("{}: {e}", document.display()))?;
    let output = generator::generate(&text)
        .map_err(|problems| format!("{}: {} problem(s)", document.display(), problems.len()))?;
    let mut counts: BTreeMap<generator::WarningKind, usize> = BTreeMap::new();
    for warning in &output.warnings {
        *counts.entry(warning.kind).or_default() += 1;
    }
    let warnings: Vec<String> = counts
        .iter()
        .map(|(kind, count)| format!("{kind:?} {count}"))
        .collect();
    Ok(Summary {
        methods: output.operation_count,
        types: output.type_count,
        warnings: if warnings.is_empty() {
            "none".to_string()
        } else {
            warnings.join(", ")
        },
    })
}

fn build_command(krate: &Path, target: &Path) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command
        .args(["build", "--quiet", "--manifest-path"])
        .arg(krate.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target);
    command
}

fn build(krate: &Path, target: &Path) -> Result<(), String> {
    let status = build_command(krate, target)
        .status()
        .map_err(|e| e.to_string())?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("{} does not build", krate.display()))
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or("document".into(), |s| s.to_string_lossy().into_owned())
}
