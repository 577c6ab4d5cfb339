// The ▶ of a listing marked `release` (```rust,release) asks the Rust
// Playground for a release build. mdBook's book.js asks for a debug build of
// every listing (`optimize: '0'`); a listing that times work prints the
// book's numbers only when optimised, as `cargo run --release` builds it.
//
// book.js posts the code to evaluate.json with `fetch`: this wraps `fetch`,
// and for a request whose code is that of a `release` block, it asks for
// `optimize: '2'` (the Playground's release mode) instead. `playground_text`
// is book.js's own: the code a block sends, hidden lines and edits included.
(function askForReleaseBuilds() {
    'use strict';
    const evaluate = 'https://play.rust-lang.org/evaluate.json';
    const originalFetch = window.fetch;

    function isReleaseCode(code) {
        return Array.from(document.querySelectorAll('pre.playground > code.release'))
            .some(block => playground_text(block.parentElement) === code);
    }

    window.fetch = function(resource, options) {
        if (resource === evaluate && options && typeof options.body === 'string') {
            const params = JSON.parse(options.body);
            if (isReleaseCode(params.code)) {
                params.optimize = '2';
                options = Object.assign({}, options, {body: JSON.stringify(params)});
            }
        }
        return originalFetch.call(this, resource, options);
    };
})();
