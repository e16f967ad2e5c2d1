// Each diagram opens full size, alone in the browser, when a reader taps or clicks it: on a
// phone the page shows it scrolled sideways (theme/workbook.css), and alone it can be zoomed.
// book.toml loads this file after mdBook's own scripts.
(function () {
    'use strict';
    for (const img of document.querySelectorAll('.content main img[src$=".svg"]')) {
        if (img.closest('a')) {
            continue;
        }
        const link = document.createElement('a');
        link.href = img.getAttribute('src');
        link.className = 'diagram';
        link.title = 'Open the diagram full size';
        img.replaceWith(link);
        link.append(img);
    }

    // A diagram wider than the screen scrolls sideways, which a phone does not show: say so
    // under it, and take the cue away once the screen is wide enough.
    const CUE = 'This diagram is wider than the screen: scroll it sideways, or tap it to open it full size.';
    function cue() {
        for (const paragraph of document.querySelectorAll('.content main p:has(> a.diagram)')) {
            const next = paragraph.nextElementSibling;
            let note = next && next.classList.contains('diagram-cue') ? next : null;
            const scrolls = paragraph.scrollWidth > paragraph.clientWidth + 1;
            if (scrolls && !note) {
                note = document.createElement('p');
                note.className = 'diagram-cue';
                note.textContent = CUE;
                paragraph.after(note);
            }
            if (note) {
                note.hidden = !scrolls;
            }
        }
    }
    for (const img of document.querySelectorAll('.content main a.diagram > img')) {
        img.addEventListener('load', cue);
    }
    window.addEventListener('resize', cue);
    window.addEventListener('load', cue);
    cue();
})();
