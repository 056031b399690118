//! The command installs as a user installs it (`cargo install --path cli`), generates a crate
//! from a document, and that crate builds on its own.

use std::path::Path;
use std::process::Command;

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
}

fn run(command: &mut Command) -> std::process::Output {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn the_installed_command_writes_a_crate_that_builds() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let scratch = std::env::temp_dir().join(format!("install-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    // Its own target directories under the workspace's, so that a second run reuses them
    // (and the crate's dependencies are those CI's standalone crates build).
    let target = workspace.join("target");
    run(cargo()
        .args(["install", "--quiet", "--debug", "--locked", "--path"])
        .arg(workspace.join("cli"))
        .arg("--root")
        .arg(&scratch)
        .arg("--target-dir")
        .arg(target.join("install-test")));
    let command = scratch.join("bin/azure-openapi-rust");
    let help = run(Command::new(&command).arg("--help"));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes:"));

    let out = scratch.join("widgets-client");
    let generated = run(Command::new(&command)
        .arg(workspace.join("tests/fixtures/query-objects.yaml"))
        .arg("--out")
        .arg(&out));
    assert!(String::from_utf8_lossy(&generated.stdout).starts_with("widgets-client: 3 types"));
    let refused = Command::new(&command)
        .arg(workspace.join("tests/fixtures/errors/paths-not-a-map.yaml"))
        .arg("--out")
        .arg(scratch.join("refused"))
        .output()
        .expect("the command runs");
    assert_eq!(refused.status.code(), Some(1));
    assert!(!scratch.join("refused").exists());

    std::fs::copy(workspace.join("Cargo.lock"), out.join("Cargo.lock")).expect("the lockfile");
    run(cargo()
        .args(["build", "--quiet", "--manifest-path"])
        .arg(out.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target.join("standalone")));
    let _ = std::fs::remove_dir_all(&scratch);
}
