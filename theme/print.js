// On the print page, which a reader prints and the book's PDF is made from,
// every editable listing becomes text, highlighted like the other listings:
// an editor draws its lines in one box that wraps no long line and that a
// page break cuts through, line and all. (A chapter page, printed, keeps its
// editors: the print page is the one to print.)
(function editableListingsAsText() {
    'use strict';
    if (!/\/print\.html$/.test(window.location.pathname)) {
        return;
    }
    for (const editor of window.editors || []) {
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
    if (window.editors) {
        window.editors.length = 0;
    }
    // A name in a table's code may break after `.`, `::`, `(` and `,` (a
    // table cannot scroll sideways on paper, and a cell is as wide as its
    // longest unbreakable name).
    for (const code of document.querySelectorAll('main table code')) {
        const text = code.textContent;
        code.textContent = '';
        for (const part of text.split(/(?<=\.|::|\(|,)/)) {
            code.append(part, document.createElement('wbr'));
        }
    }
    // The solutions folded away in <details> are shown on the print page.
    for (const details of document.querySelectorAll('main details')) {
        details.open = true;
    }
    // On paper, the page is printed in the light theme: a dark one's pale
    // text on the paper's white would be unreadable (browsers leave
    // backgrounds out). The theme is switched as the reader switches it,
    // with the theme menu's buttons (which also switch the highlighting's
    // colours), and switched back afterwards, to what the reader had chosen:
    // a theme, or none (the system's).
    const choose = theme => {
        const button = document.getElementById(theme);
        if (button) {
            button.click();
        }
    };
    let chosen;
    window.addEventListener('beforeprint', () => {
        const dark = ['coal', 'navy', 'ayu']
            .some(theme => document.documentElement.classList.contains(theme));
        let saved = null;
        try {
            saved = localStorage.getItem('mdbook-theme');
        } catch (e) {
            // Storage is blocked: give back the theme itself.
            saved = ['coal', 'navy', 'ayu']
                .find(theme => document.documentElement.classList.contains(theme));
        }
        chosen = dark ? saved || 'default_theme' : undefined;
        if (chosen) {
            choose('light');
        }
    });
    window.addEventListener('afterprint', () => {
        if (chosen) {
            choose(chosen);
            chosen = undefined;
        }
    });
})();
