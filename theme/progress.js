// Shows, beside each chapter in the sidebar, its state from the reader's last check: solved,
// over budget, wrong, does not compile, or not started.
//
// `cargo xtask progress` and `cargo xtask watch` write progress.json into the built book, and
// `cargo xtask serve` keeps it there across mdbook's rebuilds. This script polls that file, so
// the sidebar follows the reader's work without a reload. The published book has no such file:
// the request fails quietly and the sidebar stays as it is.
(function () {
    "use strict";

    var POLL_MS = 2000;
    var MARKS = {
        solved: { text: "\u2713", color: "#2e7d32" },
        over_budget: { text: "\u25B2", color: "#e07b00" },
        wrong: { text: "\u2717", color: "#c62828" },
        does_not_compile: { text: "!", color: "#c62828" },
        not_started: { text: "\u25CB", color: "#888888" },
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
                if (response.status === 404) {
                    // No progress file: a published book, or no check run yet. Keep polling
                    // only while served by `cargo xtask serve` on this machine.
                    if (!/^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname)) {
                        stopped = true;
                    }
                    return null;
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
