//! Running commands: echo them, stop on failure, say which one failed.

use std::path::Path;
use std::process::{Command, Output};

use anyhow::Context as _;

/// `cargo`, the one that runs this xtask, in the workspace root.
pub(crate) fn cargo(root: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root);
    command
}

/// `cargo test --quiet -p package`: the checks of one exercise crate.
pub(crate) fn cargo_test(root: &Path, package: &str) -> Command {
    let mut command = cargo(root);
    command.args(["test", "--quiet", "-p", package]);
    command
}

/// `cargo test -p package -- --exact check`: one check of one exercise crate.
pub(crate) fn cargo_test_one(root: &Path, package: &str, check: &str) -> Command {
    let mut command = cargo_test(root, package);
    command.args(["--", "--exact", check]);
    command
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs `command` with its output on the terminal; fails if it fails.
pub(crate) fn run(command: &mut Command) -> anyhow::Result<()> {
    let shown = describe(command);
    println!("$ {shown}");
    let status = command
        .status()
        .with_context(|| format!("starting `{shown}`"))?;
    anyhow::ensure!(status.success(), "`{shown}` failed ({status})");
    Ok(())
}

/// What a finished command printed, standard output then standard error, as one text.
pub(crate) fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn captured(command: &mut Command) -> anyhow::Result<Output> {
    let shown = describe(command);
    command
        .output()
        .with_context(|| format!("starting `{shown}`"))
}

/// Runs `command` and returns what it printed; fails, with its stderr, if it fails.
pub(crate) fn output_of(command: &mut Command) -> anyhow::Result<String> {
    let output = captured(command)?;
    anyhow::ensure!(
        output.status.success(),
        "`{}` failed ({}):\n{}",
        describe(command),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(String::from_utf8(output.stdout)?)
}

/// Runs a command that is expected to fail (a starter's tests) and returns its stdout.
pub(crate) fn stdout_of_failing(command: &mut Command) -> anyhow::Result<String> {
    let output = captured(command)?;
    anyhow::ensure!(
        !output.status.success(),
        "`{}` passed, but it should fail",
        describe(command)
    );
    Ok(String::from_utf8(output.stdout)?)
}
