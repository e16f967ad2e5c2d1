// Shows, beside each chapter in the sidebar, its state from the reader's last check: solved,
// over budget, wrong, does not compile, or not started.
//
// Every build of the book holds chapters/progress.json, which lists no chapter, so that this
// script never asks for a file that is not there. `cargo xtask progress` and `cargo xtask
// watch` overwrite it in the built book with the reader's states, and `cargo xtask serve` keeps
// them across mdbook's rebuilds. The script polls the file only where `serve` runs, on this
// machine, so the sidebar follows the reader's work without a reload; a published book reads
// the empty file once and stays as it is.
(function () {
    "use strict";

    var POLL_MS = 2000;
    var MARKS = {
        solved: { text: "\u2713", color: "#2e7d32" },
        over_budget: { text: "\u25B2", color: "#e07b00" },
        wrong: { text: "\u2717", color: "#c62828" },
        does_not_compile: { text: "!", color: "#c62828" },
        not_started: { text: "\u25CB", color: "#888888" },
        grading_changed: { text: "?", color: "#c62828" },
    };
    var last = null;
    var stopped = false;

    function root() {
        return typeof path_to_root === "string" ? path_to_root : "";
    }

    function clear() {
        var old = document.querySelectorAll(".sd-progress");
        for (var i = 0; i < old.length; i++) {
            old[i].remove();
        }
    }

    function decorate(chapters) {
        clear();
        var links = document.querySelectorAll(".sidebar a, mdbook-sidebar-scrollbox a");
        for (var i = 0; i < links.length; i++) {
            var href = links[i].getAttribute("href") || "";
            for (var j = 0; j < chapters.length; j++) {
                var chapter = chapters[j];
                var mark = MARKS[chapter.state];
                if (!mark || !href.endsWith(chapter.slug + "/index.html")) {
                    continue;
                }
                var span = document.createElement("span");
                span.className = "sd-progress sd-progress-" + chapter.state;
                span.textContent = " " + mark.text;
                span.style.color = mark.color;
                span.style.fontWeight = "bold";
                var title = chapter.label + (chapter.detail ? ": " + chapter.detail : "");
                span.title = title;
                span.setAttribute("aria-label", title);
                links[i].appendChild(span);
            }
        }
    }

    function poll() {
        if (stopped || location.protocol === "file:") {
            return;
        }
        fetch(root() + "progress.json", { cache: "no-store" })
            .then(function (response) {
                // Only `cargo xtask serve`, on this machine, changes the file.
                if (!/^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname)) {
                    stopped = true;
                }
                return response.ok ? response.text() : null;
            })
            .then(function (text) {
                if (text === null || text === last) {
                    return;
                }
                last = text;
                var data = JSON.parse(text);
                decorate(data.chapters || []);
            })
            .catch(function () {
                // The server went away (serve stopped) or the file is half written: try again.
            })
            .then(function () {
                if (!stopped) {
                    setTimeout(poll, POLL_MS);
                }
            });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", poll);
    } else {
        poll();
    }
})();
