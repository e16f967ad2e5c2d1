//! `cargo xtask serve [--port N] [--open]`: builds the book, serves it on localhost from this
//! process, and builds it again when a page, the theme, book.toml or an exercise is saved.
//!
//! The server lives and dies with the xtask: however the xtask stops (Ctrl-C, an editor's
//! stop button, `timeout`), nothing is left holding the port. In the offline bundle the book
//! is built already, and the bundle vendors mdBook with every other dependency, so serving it
//! needs no network and no tool beyond Rust.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Context as _;
use notify::{RecursiveMode, Watcher as _};

use crate::book;

/// Localhost only: the book is for the reader at this machine.
const HOST: &str = "127.0.0.1";
/// The port mdBook serves on, so bookmarks from earlier versions still work.
pub(crate) const DEFAULT_PORT: u16 = 3000;
/// Requests answered at once: a page asks for a dozen files as it loads.
const WORKERS: usize = 4;
/// How long the sources must stay quiet before a burst of saves counts as one change.
const QUIET: Duration = Duration::from_millis(200);
/// What the book is built from, relative to the root: pages include the exercises' files.
const SOURCES: [&str; 4] = ["book.toml", "chapters", "theme", "exercises"];

/// `serve`'s options: `--port N` and `--open`, in any order.
#[derive(Debug, PartialEq)]
pub(crate) struct Options {
    pub(crate) port: u16,
    pub(crate) open: bool,
}

impl Options {
    pub(crate) fn parse(args: &[&str]) -> anyhow::Result<Options> {
        let mut options = Options {
            port: DEFAULT_PORT,
            open: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match *arg {
                "--open" => options.open = true,
                "--port" => {
                    options.port = args
                        .next()
                        .and_then(|port| port.parse().ok())
                        .filter(|port| *port != 0)
                        .context("--port takes a port number from 1 to 65535, such as 3001")?;
                }
                other => anyhow::bail!(
                    "serve takes --port N and --open, not {other:?}: `cargo xtask serve \
                     --port 3001 --open`"
                ),
            }
        }
        Ok(options)
    }
}

/// Takes the port first (so a busy one is reported before any work), builds the book, and
/// serves it until the process ends.
pub(crate) fn serve(root: &Path, options: &Options) -> anyhow::Result<()> {
    let address = format!("{HOST}:{}", options.port);
    let server = tiny_http::Server::http(&address).map_err(|error| {
        let taken = error
            .downcast_ref::<std::io::Error>()
            .is_some_and(|error| error.kind() == ErrorKind::AddrInUse);
        if taken {
            anyhow::anyhow!(
                "port {} is taken: another program (an earlier `cargo xtask serve`, or \
                 `mdbook serve`) listens on {address}. Stop it, or serve on another port: \
                 `cargo xtask serve --port {}`",
                options.port,
                options.port.wrapping_add(1).max(1024)
            )
        } else {
            anyhow::anyhow!("could not listen on {address}: {error}")
        }
    })?;
    book::build(root)?;
    // The sidebar shows the reader's progress: keep book/progress.json across rebuilds.
    crate::progress::keep_served(root);

    let url = format!("http://{address}/");
    println!(
        "Serving the book at {url} (Ctrl-C stops it). Saving a page, the theme or an \
         exercise rebuilds it: reload the page to see the change."
    );
    // Kept alive for as long as the server runs: dropping it stops the watching.
    let _watcher = rebuild_on_change(root)?;
    if options.open
        && let Err(error) = opener::open_browser(&url)
    {
        eprintln!("warning: could not open a browser ({error}): open {url} yourself");
    }

    let server = Arc::new(server);
    let site = Arc::new(root.join(book::OUTPUT));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let site = Arc::clone(&site);
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    answer(&site, request);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    Ok(())
}

/// Watches the book's sources and rebuilds it, with its checks, once per burst of saves. A
/// broken build is reported and the last good book stays served.
fn rebuild_on_change(root: &Path) -> anyhow::Result<notify::RecommendedWatcher> {
    let (sender, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender).context("starting the file watcher")?;
    for source in SOURCES {
        let path = root.join(source);
        if path.exists() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("watching {}", path.display()))?;
        }
    }
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        while let Ok(first) = events.recv() {
            let mut changed = matters(&first);
            // Editors save in bursts (a temporary file, a rename): wait for quiet.
            while let Ok(next) = events.recv_timeout(QUIET) {
                changed |= matters(&next);
            }
            if changed {
                println!("A source of the book changed: building it again");
                if let Err(error) = book::build(&root) {
                    eprintln!("xtask serve: {error:#}\n(the book served is the last good one)");
                }
            }
        }
    });
    Ok(watcher)
}

/// A change that can change the book: not a read, and not an event of the watcher itself.
fn matters(event: &notify::Result<notify::Event>) -> bool {
    event.as_ref().is_ok_and(|event| {
        !matches!(event.kind, notify::EventKind::Access(_))
            && event.paths.iter().all(|path| !is_editor_scratch(path))
    })
}

/// Files editors write beside the one being saved: `.index.md.swp`, `index.md~`, `4913`.
fn is_editor_scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("");
    name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name == "4913"
}

/// Answers one request with a file of the built book, or its 404 page.
fn answer(site: &Path, request: tiny_http::Request) {
    let response = match file_for(site, request.url()) {
        Some(path) => match std::fs::File::open(&path) {
            Ok(file) => with_headers(tiny_http::Response::from_file(file), &path, 200),
            Err(_) => not_found(site),
        },
        None => not_found(site),
    };
    // A reader who closed the tab mid-answer is no error of ours.
    let _ = request.respond(response);
}

/// The book's own 404 page, with status 404.
fn not_found(site: &Path) -> tiny_http::ResponseBox {
    let page = site.join("404.html");
    match std::fs::File::open(&page) {
        Ok(file) => with_headers(tiny_http::Response::from_file(file), &page, 404),
        Err(_) => tiny_http::Response::from_string("not found")
            .with_status_code(404)
            .boxed(),
    }
}

/// The type of `path`, and no caching: pages change with every rebuild and progress.json
/// with every check.
fn with_headers(
    response: tiny_http::Response<std::fs::File>,
    path: &Path,
    status: u16,
) -> tiny_http::ResponseBox {
    let header = |name: &str, value: &str| {
        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
            .expect("a header of plain ASCII")
    };
    response
        .with_status_code(status)
        .with_header(header("Content-Type", content_type(path)))
        .with_header(header("Cache-Control", "no-store"))
        .boxed()
}

/// The file under `site` that `url` names: its path percent-decoded, without its query or
/// fragment, `index.html` for a folder; `None` for a path that leaves `site` or names
/// nothing.
fn file_for(site: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decoded(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if !relative
        .components()
        .all(|part| matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let mut file = site.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// `%20` as a space; `None` if the result is not UTF-8.
fn percent_decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes
            .get(i + 1..i + 3)
            .filter(|_| bytes[i] == b'%')
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match byte {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

/// The `Content-Type` of the files mdBook writes, by extension.
fn content_type(path: &Path) -> &'static str {
    let types: HashMap<&str, &str> = [
        ("html", "text/html; charset=utf-8"),
        ("css", "text/css; charset=utf-8"),
        ("js", "text/javascript; charset=utf-8"),
        ("json", "application/json"),
        ("svg", "image/svg+xml"),
        ("png", "image/png"),
        ("jpg", "image/jpeg"),
        ("ico", "image/x-icon"),
        ("woff", "font/woff"),
        ("woff2", "font/woff2"),
        ("ttf", "font/ttf"),
        ("txt", "text/plain; charset=utf-8"),
        ("md", "text/plain; charset=utf-8"),
    ]
    .into_iter()
    .collect();
    path.extension()
        .and_then(|ext| ext.to_str())
        .and_then(|ext| types.get(ext).copied())
        .unwrap_or("application/octet-stream")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_take_a_port_and_open_in_any_order() {
        assert_eq!(
            Options::parse(&[]).unwrap(),
            Options {
                port: DEFAULT_PORT,
                open: false
            }
        );
        assert_eq!(
            Options::parse(&["--open", "--port", "3001"]).unwrap(),
            Options {
                port: 3001,
                open: true
            }
        );
        assert!(Options::parse(&["--port"]).is_err());
        assert!(Options::parse(&["--port", "0"]).is_err());
        assert!(Options::parse(&["--port", "70000"]).is_err());
        assert!(Options::parse(&["--prot", "3001"]).is_err());
    }

    #[test]
    fn urls_name_files_inside_the_book_only() {
        let site = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(site.join("01-malloc and free")).unwrap();
        std::fs::write(site.join("index.html"), "home").unwrap();
        std::fs::write(site.join("01-malloc and free/index.html"), "page").unwrap();
        assert_eq!(file_for(&site, "/"), Some(site.join("index.html")));
        assert_eq!(
            file_for(&site, "/01-malloc%20and%20free/?x=1#top"),
            Some(site.join("01-malloc and free/index.html"))
        );
        assert_eq!(file_for(&site, "/../Cargo.toml"), None);
        assert_eq!(file_for(&site, "/%2e%2e/Cargo.toml"), None);
        assert_eq!(file_for(&site, "/missing.html"), None);
        std::fs::remove_dir_all(&site).unwrap();
    }

    #[test]
    fn types_follow_the_extension() {
        assert_eq!(content_type(Path::new("a/b.svg")), "image/svg+xml");
        assert!(content_type(Path::new("index.html")).starts_with("text/html"));
        assert_eq!(
            content_type(Path::new("x.unknown")),
            "application/octet-stream"
        );
    }
}
