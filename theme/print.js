// print.html?instructor prints an instructor's notes: every hint, solution and "For
// instructors" block, expanded. Without it, theme/workbook.css prints an attendee's book, which
// leaves the solutions and the instructor blocks out. book.toml loads this file after mdBook's
// own scripts, before print.html opens the print dialog.
(function () {
    'use strict';
    if (new URLSearchParams(window.location.search).has('instructor')) {
        document.documentElement.classList.add('instructor-print');
    }
})();
