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
})();
