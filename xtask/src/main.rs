//! The workbook's chores: `cargo xtask <command>`. Run `cargo xtask help` for the list.

mod book;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

  serve [--open]   install the pinned mdbook tools if needed, build the book, serve it on localhost
  book             build the book and check it: admonitions rendered, internal links whole
  help             this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["serve", rest @ ..] => book::ensure_tools().and_then(|tools| {
            book::serve(&root(), &tools, rest.contains(&"--open"))
        }),
        ["book"] => book::ensure_tools().and_then(|tools| book::build(&root(), &tools)),
        [] | ["help" | "--help" | "-h"] => {
            print!("{HELP}");
            Ok(())
        }
        _ => Err(anyhow::anyhow!("unknown command {args:?}\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the folder above xtask/.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}
