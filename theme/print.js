// On the print page, which a reader prints and the book's PDF is made from,
// every editable listing becomes text, highlighted like the other listings:
// an editor draws its lines in one box that wraps no long line and that a
// page break cuts through, line and all.
(function editableListingsAsText() {
    'use strict';
    if (!/\/print\.html$/.test(window.location.pathname) || !window.editors) {
        return;
    }
    for (const editor of window.editors) {
        const box = editor.container;
        const code = document.createElement('code');
        // The editor took the block's `language-rust` away; every editor is Rust.
        code.className = Array.from(box.classList)
            .filter(name => !name.startsWith('ace') && name !== 'editable' && name !== 'hljs')
            .concat(['language-rust'])
            .join(' ');
        code.textContent = editor.originalCode;
        editor.destroy();
        box.replaceWith(code);
        hljs.highlightBlock(code);
        // Its undo button would turn it back into an editor.
        const undo = code.parentElement.querySelector('.reset-button');
        if (undo) {
            undo.remove();
        }
    }
    window.editors.length = 0;
})();
