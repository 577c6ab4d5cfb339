"""The published site, checked in a real browser (headless Chromium).

Builds the book with the pinned mdBook tools in `.tools/bin` (the README's
first command installs them) and serves it on 127.0.0.1. Then, on every page
of SUMMARY.md and on the print page:

- no console error, uncaught exception or failed request. The Rust
  Playground is on the internet and this check is offline: its requests are
  answered here, in the Playground's format, and checked;
- every admonition the page's source declares is rendered with its kind's
  colour and icon (the `gil` box in #3776ab with its own icon), and every
  admonition kind the book uses is one it defines or mdbook-admonish has;
- every editable listing became an editor;
- a ▶ is shown on exactly the listings whose fence allows one (not
  `noplayground`, not `no_run`), and pressing it sends what the Playground
  needs: the listing's code, which the Playground check passed (its report,
  target/playground-check/report.json, must be there), edition 2024, and a
  release build for a listing marked `release`, a debug build otherwise;
- every image loaded, with alt text, its marks in contrast with what is
  behind them;
- in the `navy` theme, code stays readable (contrast with its background),
  and a figure looks as it does in the light theme (it brings its own
  background);
- the search finds `Mutex`, and its results link to pages that say it;
- the print page holds every chapter, and becomes the PDF (see pdf.py).

Screenshots of every page, in the light and the navy theme, are kept in
`target/browser-check/` (override with BROWSER_CHECK_DIR).

Needs Python's `playwright` package (no browser download: it drives the
Chromium at /usr/bin/chromium, or CHROMIUM). Without a browser it fails; it
never skips. Exit code 0 when every check passed, 1 otherwise.
"""

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pdf

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("BROWSER_CHECK_DIR", ROOT / "target" / "browser-check"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MDBOOK = ROOT / ".tools" / "bin" / "mdbook"
PLAYGROUND = "play.rust-lang.org"
PLAYGROUND_REPORT = ROOT / "target" / "playground-check" / "report.json"
PLAYGROUND_REPLY = "Hello from the Playground (answered by the browser check)"
SEARCH_WORD = "Mutex"

# mdbook-admonish 1.20.0's built-in directives, each with its aliases
# (https://tommilligan.github.io/mdbook-admonish/ "Directives"); the HTML
# class is the first name.
BUILTIN_KINDS = [
    ["note"],
    ["abstract", "summary", "tldr"],
    ["info", "todo"],
    ["tip", "hint", "important"],
    ["success", "check", "done"],
    ["question", "help", "faq"],
    ["warning", "caution", "attention"],
    ["failure", "fail", "missing"],
    ["danger", "error"],
    ["bug"],
    ["example"],
    ["quote", "cite"],
]

failures = []
# The colour behind each figure in the light theme, by its address.
figure_backgrounds = {}
# What was checked, per theme: a check that finds nothing to check is no check.
seen = {}


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}", flush=True)


def die(message):
    print(f"browser check: {message}", file=sys.stderr)
    sys.exit(1)


def admonition_kinds():
    """Every name an admonition may use, mapped to the kind it renders as."""
    import tomllib
    kinds = {name: names[0] for names in BUILTIN_KINDS for name in names}
    config = tomllib.loads((ROOT / "book.toml").read_text())
    custom = config["preprocessor"]["admonish"].get("directive", {}).get("custom", {})
    for name, directive in custom.items():
        kinds[name] = name
        for alias in directive.get("aliases", []):
            kinds[alias] = name
    return kinds, {name: d["color"] for name, d in custom.items()}


FENCE = re.compile(r"^[ \t>*+\-\d.]*(```+|~~~+)[ \t]*(\S[^\n]*)$", re.M)


def declared_admonitions(markdown, kinds, where):
    """The kinds of the admonitions a page's source declares, in order."""
    found = []
    for match in FENCE.finditer(markdown):
        info = match.group(2)
        if not info.startswith("admonish"):
            continue
        words = info[len("admonish"):].split()
        name = words[0] if words and "=" not in words[0] else "note"
        if name not in kinds:
            fail(f"{where}: admonition kind `{name}` is neither the book's "
                 f"(book.toml) nor mdbook-admonish's: {sorted(kinds)}")
            continue
        found.append(kinds[name])
    return found


def summary_pages():
    """(source path, html path) of every chapter in SUMMARY.md, in order."""
    text = (ROOT / "src" / "SUMMARY.md").read_text()
    pages = []
    for target in re.findall(r"\]\(([^)]+\.md)\)", text):
        pages.append((target, target[:-3] + ".html"))
    return pages


def build_site():
    if not MDBOOK.exists():
        die(f"{MDBOOK} is missing: install the pinned tools with the README's "
            "first command (cargo install --locked --root .tools ...)")
    site = OUT / "site"
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, PATH=f"{MDBOOK.parent}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run([str(MDBOOK), "build", "--dest-dir", str(site)], cwd=ROOT,
                         env=env, capture_output=True, text=True)
    print(run.stderr, end="")
    if run.returncode != 0:
        die("mdbook build failed")
    if re.search(r"warn", run.stdout + run.stderr, re.I):
        fail("mdbook build printed a warning (see above)")
    html = site / "html" if (site / "html" / "index.html").exists() else site
    return html


def serve(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser hangs up on requests it no longer needs (it moved on
        # to the next page): not the site's fault.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Playground:
    """Answers the Rust Playground's two endpoints as the Playground would, and
    keeps what book.js sent to evaluate.json."""

    def __init__(self):
        import tomllib
        manifest = tomllib.loads((ROOT / "playground" / "Cargo.toml").read_text())
        self.crates = [{"name": spec["package"], "version": spec["version"].lstrip("="), "id": name}
                       for name, spec in manifest["dependencies"].items()]
        self.evaluated = []

    def route(self, route):
        request = route.request
        host = urlparse(request.url).hostname
        if host == "127.0.0.1":
            return route.continue_()
        if host != PLAYGROUND:
            return route.abort()
        # Playwright answers the CORS preflight of a routed request itself.
        cors = {"Access-Control-Allow-Origin": "*"}
        path = urlparse(request.url).path
        if path == "/meta/crates":
            body = {"crates": self.crates}
        elif path == "/evaluate.json":
            self.evaluated.append(json.loads(request.post_data))
            body = {"result": PLAYGROUND_REPLY + "\n", "error": None}
        else:
            return route.fulfill(status=404, headers=cors)
        return route.fulfill(status=200, headers=cors, content_type="application/json",
                             body=json.dumps(body))


def passed_by_playground_check():
    """The code of every listing the Playground check passed."""
    if not PLAYGROUND_REPORT.exists():
        die(f"{PLAYGROUND_REPORT} is missing: run the Playground check first "
            "(cargo test -p book-tests --test playground, see README.md)")
    report = json.loads(PLAYGROUND_REPORT.read_text())
    return {entry["code"].rstrip(): entry for entry in report["listings"] if entry["passed"]}


RUST_FENCE = re.compile(r"^[ \t>]*(?:```+|~~~+)[ \t]*rust([^\n]*)$", re.M)


def expected_run_buttons(markdown):
    """For each block mdBook gives a ▶ to (every Rust block but `ignore` and
    `noplayground` ones), in page order: whether it is shown (book.js hides
    a `no_run` block's)."""
    shown = []
    for match in RUST_FENCE.finditer(markdown):
        attributes = {a.strip() for a in match.group(1).split(",")}
        if not attributes & {"ignore", "noplayground", "noplaypen"}:
            shown.append("no_run" not in attributes)
    return shown


def check_run_buttons(page, name, source, playground, passed, edition):
    """Presses every ▶ of the page and checks what it sent and showed."""
    problems = []
    buttons = page.locator("main pre.playground .play-button")
    # Shown: not hidden by book.js (its `hidden` class). The buttons of a block
    # appear when the pointer is over it.
    shown = [buttons.nth(i).evaluate("(b) => getComputedStyle(b).display") != "none"
             for i in range(buttons.count())]
    expected = expected_run_buttons(source)
    if shown != expected:
        problems.append(f"the blocks show a ▶ as {shown}, the source asks for {expected}")
    visible = [i for i, is_shown in enumerate(shown) if is_shown]
    for i in visible:
        button = buttons.nth(i)
        block = button.locator("xpath=ancestor::pre[1]")
        release = "release" in (block.locator("code").first.get_attribute("class") or "").split()
        before = len(playground.evaluated)
        # A solution is folded away in a <details>: open it, as a reader would.
        block.evaluate("(pre) => { const folded = pre.closest('details'); if (folded) folded.open = true; }")
        block.hover()
        button.click()
        result = block.locator("code.result")
        result.wait_for()
        page.wait_for_function("(el) => el.innerText.includes(%s)" % json.dumps(PLAYGROUND_REPLY),
                               arg=result.element_handle())
        if len(playground.evaluated) != before + 1:
            problems.append(f"▶ {i + 1} sent {len(playground.evaluated) - before} requests, not one")
            continue
        sent = playground.evaluated[-1]
        what = f"▶ {i + 1}"
        own = block.evaluate("(pre) => playground_text(pre)")
        if sent.get("code") != own:
            problems.append(f"{what} sent other code than its own block's")
        entry = passed.get(sent.get("code", "").rstrip())
        if entry is None:
            first = next((line for line in sent.get("code", "").splitlines()
                          if line.strip() and not line.startswith("//")), "")
            problems.append(f"{what} sends code the Playground check did not pass "
                            f"(it starts {first!r}): run the check again, or take the ▶ away")
        want = {"version": "stable", "edition": edition, "optimize": "2" if release else "0"}
        got = {key: sent.get(key) for key in want}
        if got != want:
            problems.append(f"{what} ({entry['file'] if entry else '?'}) asked for {got}, not {want}")
        if entry is not None and entry["release"] != release:
            problems.append(f"{what} ({entry['file']}): the Playground check built it as "
                            f"{'release' if entry['release'] else 'debug'}, the page asks for "
                            f"{'release' if release else 'debug'}")
    for p in problems:
        fail(f"{name}: {p}")
    return len(visible)


def check_print_page_release(page, playground):
    """The print page's listings are text (theme/print.js), and a `release`
    one's ▶ still asks for a release build."""
    block = page.locator("main pre.playground:has(> code.release)").first
    if block.count() == 0:
        fail("print.html: no listing marked release")
        return
    before = len(playground.evaluated)
    block.hover()
    block.locator(".play-button").click()
    block.locator("code.result").wait_for()
    sent = playground.evaluated[before:] if len(playground.evaluated) > before else [{}]
    if sent[-1].get("optimize") != "2" or page.locator("main .ace_editor").count():
        fail(f"print.html: a release listing's ▶ asked for optimize {sent[-1].get('optimize')!r}, "
             f"or a listing is still an editor")


def check_printed_in_light(page, theme):
    """theme/print.js prints the print page in the light theme, and gives the
    reader's dark theme back afterwards, saved as it was."""
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    during = page.evaluate("() => document.documentElement.className")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    after = page.evaluate("() => [document.documentElement.className, "
                          "localStorage.getItem('mdbook-theme')]")
    if "light" not in during.split() or theme not in after[0].split() or after[1] != theme:
        fail(f"print.html ({theme}): printing switched the theme to {during!r}, then back to "
             f"{after[0]!r}, saved {after[1]!r}")


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b):
    la, lb = sorted([luminance(a), luminance(b)], reverse=True)
    return (la + 0.05) / (lb + 0.05)


# In-page helpers: colours as [r, g, b, a], computed styles, image pixels.
PAGE_JS = """
() => {
  const rgba = (css) => {
    const m = css.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  // The colour behind an element: the first opaque background up the tree.
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const admonitions = [...document.querySelectorAll('main .admonition')].map((a) => {
    const title = a.querySelector('.admonition-title');
    const icon = title ? getComputedStyle(title, '::before') : null;
    const kind = [...a.classList].find((c) => c.startsWith('admonish-'));
    return {
      kind: kind ? kind.slice('admonish-'.length) : null,
      border: rgba(getComputedStyle(a).borderLeftColor),
      borderWidth: parseFloat(getComputedStyle(a).borderLeftWidth),
      title: title ? title.innerText.trim() : null,
      iconMask: icon ? (icon.maskImage || icon.webkitMaskImage || 'none') : 'none',
      iconColour: icon ? rgba(icon.backgroundColor) : null,
      iconWidth: icon ? parseFloat(icon.width) : 0,
    };
  });
  const editors = [...document.querySelectorAll('main code.editable')].map((c) => ({
    ace: c.classList.contains('ace_editor') || !!c.closest('.ace_editor'),
  }));
  const images = [...document.querySelectorAll('main img')].map((img) => {
    let pixels = null;
    if (img.complete && img.naturalWidth > 0) {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      // Composited on the page's background, as the reader sees it.
      const bg = background(img);
      const counts = new Map();
      for (let i = 0; i < data.length; i += 4 * 7) {
        const a = data[i + 3] / 255;
        const px = [0, 1, 2].map((k) => Math.round(data[i + k] * a + bg[k] * (1 - a)));
        const key = px.join(',');
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      pixels = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([k, n]) => [k.split(',').map(Number), n]);
    }
    const box = img.getBoundingClientRect();
    return {
      src: img.getAttribute('src'), alt: img.alt, loaded: img.complete && img.naturalWidth > 0, pixels,
      naturalWidth: img.naturalWidth, shownWidth: box.width,
      right: box.right, pageWidth: document.documentElement.clientWidth,
    };
  });
  const code = [...document.querySelectorAll('main pre > code')].slice(0, 20).map((c) => {
    const colours = [rgba(getComputedStyle(c).color)];
    for (const span of c.querySelectorAll('span[class^="hljs-"]')) {
      if (colours.length > 12) break;
      colours.push(rgba(getComputedStyle(span).color));
    }
    return { colours, background: background(c) };
  });
  return {
    theme: document.documentElement.className,
    title: (document.querySelector('main h1') || {}).innerText || '',
    text: document.querySelector('main') ? document.querySelector('main').innerText : '',
    admonitions, editors, images, code,
  };
}
"""


def check_page(page, url, name, source, kinds, colours, theme):
    """Loads one page and checks it; returns what the page shows."""
    problems = []

    def on_console(msg):
        if msg.type == "error":
            problems.append(f"console error: {msg.text}")

    def on_error(error):
        problems.append(f"uncaught exception: {error}")

    def on_failed(request):
        problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", on_error)
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        if source is not None and "editable" in source:
            page.wait_for_selector("main .ace_editor")
        shown = page.evaluate(PAGE_JS)
        shot = OUT / "screenshots" / theme / (name.replace("/", "_") + ".png")
        shot.parent.mkdir(parents=True, exist_ok=True)
        # The print page is the whole book, taller than Chromium can capture
        # in one image: its first screen stands for it (the PDF shows it all).
        page.screenshot(path=str(shot), full_page=name != "print.html")
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)
        page.remove_listener("requestfailed", on_failed)
        page.remove_listener("response", on_response)

    if theme not in shown["theme"].split():
        problems.append(f"rendered in theme {shown['theme']!r}, not {theme!r}")

    # Admonitions: the ones the source declares, each in its kind's colour,
    # with an icon painted in that colour.
    if source is not None:
        declared = declared_admonitions(source, kinds, f"src/{name[:-len('.html')]}.md")
        rendered = [a["kind"] for a in shown["admonitions"]]
        if sorted(declared) != sorted(rendered):
            problems.append(f"admonitions: the source declares {declared}, the page shows {rendered}")
    for a in shown["admonitions"]:
        what = f"admonition {a['kind']} {a['title']!r}"
        if not a["border"] or a["border"][3] == 0 or a["borderWidth"] < 1:
            problems.append(f"{what} has no coloured border")
        if "url(" not in a["iconMask"] or a["iconWidth"] < 8:
            problems.append(f"{what} has no icon")
        if a["iconColour"] != a["border"]:
            problems.append(f"{what}: icon colour {a['iconColour']} is not its border's {a['border']}")
        expected = colours.get(a["kind"])
        if expected:
            rgb = [int(expected[i:i + 2], 16) for i in (1, 3, 5)]
            if a["border"] is None or a["border"][:3] != rgb:
                problems.append(f"{what}: colour {a['border']}, book.toml says {expected}")

    if source is not None:
        editable = len(re.findall(r"^[ \t>*+\-\d.]*(?:```+|~~~+)[ \t]*rust\S*editable", source, re.M))
        if len(shown["editors"]) != editable:
            problems.append(f"{editable} editable listings in the source, {len(shown['editors'])} on the page")
    for i, e in enumerate(shown["editors"]):
        if not e["ace"]:
            problems.append(f"editable listing {i + 1} is not an editor")

    for img in shown["images"]:
        if not img["loaded"]:
            problems.append(f"image {img['src']} did not load")
            continue
        if not img["alt"]:
            problems.append(f"image {img['src']} has no alt text")
        # Readable: its most common colour (the background the reader sees)
        # and some of its marks (text, lines) stand apart.
        pixels = img["pixels"]
        base = pixels[0][0]
        best = max(contrast(base, colour) for colour, _ in pixels)
        if best < 4.5:
            problems.append(f"image {img['src']} is unreadable in {theme}: best contrast {best:.1f}")
        # Drawn for a light page, a figure reads the same in a dark theme only
        # if it brings its own background: the colour behind its marks must
        # not change with the theme.
        key = img["src"].rsplit("/", 1)[-1]
        if theme == "light":
            figure_backgrounds[key] = base
        elif key in figure_backgrounds and contrast(figure_backgrounds[key], base) > 1.1:
            problems.append(f"image {img['src']} has no background of its own: behind it is "
                            f"{base} in {theme}, {figure_backgrounds[key]} in light, so its "
                            "marks may vanish")

    for i, c in enumerate(shown["code"]):
        for colour in c["colours"]:
            if colour and contrast(colour, c["background"]) < 3:
                problems.append(f"code block {i + 1}: colour {colour} on {c['background']} "
                                f"(contrast {contrast(colour, c['background']):.1f})")
                break

    counts = seen.setdefault(theme, {"pages": 0, "admonitions": 0, "gil": 0, "editors": 0,
                                      "images": 0, "code blocks": 0})
    counts["pages"] += 1
    counts["admonitions"] += len(shown["admonitions"])
    counts["gil"] += sum(a["kind"] == "gil" for a in shown["admonitions"])
    counts["editors"] += len(shown["editors"])
    counts["images"] += len(shown["images"])
    counts["code blocks"] += len(shown["code"])
    for p in problems:
        fail(f"{name} ({theme}): {p}")
    return shown


def check_search(page, base, texts):
    page.goto(urljoin(base, "index.html"))
    page.click("#search-toggle")
    # Typed key by key: mdBook searches on key presses.
    page.locator("#searchbar").press_sequentially(SEARCH_WORD, delay=50)
    page.wait_for_selector("#searchresults li a")
    page.screenshot(path=str(OUT / "screenshots" / "search.png"))
    links = page.eval_on_selector_all("#searchresults li a", "els => els.map(a => a.href)")
    results = {urlparse(link).path.lstrip("/") for link in links}
    mentions = {name for name, text in texts.items() if SEARCH_WORD.lower() in text.lower()}
    print(f"search {SEARCH_WORD!r}: {len(links)} results on {len(results)} pages; "
          f"{len(mentions)} pages mention it", flush=True)
    if not results:
        fail(f"search for {SEARCH_WORD!r} found nothing")
    for page_path in sorted(results):
        if page_path not in mentions:
            fail(f"search for {SEARCH_WORD!r} links to {page_path}, which does not mention it")
    most = max(mentions, key=lambda n: texts[n].lower().count(SEARCH_WORD.lower()), default=None)
    if most and most not in results:
        fail(f"search for {SEARCH_WORD!r} misses {most}, the page that says it most")
    for link in links:
        fragment = urlparse(link).fragment
        if fragment:
            page.goto(link)
            if page.locator(f"[id='{fragment}']").count() == 0:
                fail(f"search result {link} points at no anchor")


def check_quizzes(page, base, pages):
    """Every page whose source has a quiz shows it; one quiz is answered to
    the end, and its feedback and explanations are shown."""
    quiz_pages = [html for source_path, html in pages
                  if "{{#quiz " in (ROOT / "src" / source_path).read_text()]
    if not quiz_pages:
        fail("no page has a quiz to check")
        return
    for html in quiz_pages:
        page.goto(urljoin(base, html))
        if page.locator(".mdbook-quiz").count() == 0:
            page.wait_for_timeout(2000)
        if page.locator(".mdbook-quiz").count() == 0:
            fail(f"{html}: its quiz is not shown")
    html = quiz_pages[0]
    page.goto(urljoin(base, html))
    quiz = page.locator(".mdbook-quiz").first
    quiz.get_by_text("Start").click()
    answered = 0
    while quiz.locator("input[type=submit]").count() > 0 and answered < 10:
        # Any answer will do: the first option, and some text where text is asked.
        labels = quiz.locator("label")
        if labels.count() > 0:
            labels.first.click()
        for field in quiz.locator("textarea, input[type=text]").all():
            field.fill("1")
        quiz.locator("input[type=submit]").first.click()
        answered += 1
    feedback = quiz.get_by_text("see the correct answers")
    if answered == 0 or feedback.count() == 0:
        fail(f"{html}: the quiz did not finish after {answered} answers")
        return
    feedback.first.click()
    page.wait_for_timeout(500)
    quiz.screenshot(path=str(OUT / "screenshots" / "quiz.png"))
    text = quiz.inner_text()
    if not re.search(r"You answered \d+/\d+ questions? correctly", text) or "Context:" not in text:
        fail(f"{html}: the answered quiz shows no feedback or no explanation")
        return
    print(f"quizzes: shown on {len(quiz_pages)} pages; {html}'s answered "
          f"({answered} questions), feedback shown", flush=True)


# A phone: figures are scaled down to the page's width, and must stay legible.
PHONE = {"width": 375, "height": 812}
SMALLEST_TEXT_PX = 8.5


def check_phone(page, base, pages):
    """Each page that shows a figure, at a phone's width: every figure fits the
    page, and its smallest text is still at least SMALLEST_TEXT_PX."""
    checked = 0
    for source_path, html in pages:
        if "](img/" not in (ROOT / "src" / source_path).read_text():
            continue
        page.goto(urljoin(base, html), wait_until="load")
        page.wait_for_load_state("networkidle")
        shot = OUT / "screenshots" / "phone" / (html.replace("/", "_") + ".png")
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
        for img in page.evaluate(PAGE_JS)["images"]:
            if not img["src"].endswith(".svg"):
                continue
            checked += 1
            svg = (ROOT / "src" / img["src"]).read_text()
            sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]
            smallest = min(sizes) * img["shownWidth"] / img["naturalWidth"]
            if img["right"] > img["pageWidth"] + 0.5:
                fail(f"{html} (phone): {img['src']} is wider than the page")
            if smallest < SMALLEST_TEXT_PX:
                fail(f"{html} (phone): {img['src']} is shown at {img['shownWidth']:.0f} px of "
                     f"{img['naturalWidth']} and its smallest text at {smallest:.1f} px, under "
                     f"{SMALLEST_TEXT_PX}: draw it narrower")
    if checked == 0:
        fail("phone: no figure found to check")
    print(f"phone: {checked} figures at {PHONE['width']} px")


def main():
    if sys.version_info < (3, 11):
        die("needs Python 3.11 or newer (for tomllib)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        die("Python's playwright package is missing: see README.md, 'The site in a browser'")
    if not (Path(CHROMIUM).exists() and os.access(CHROMIUM, os.X_OK)):
        die(f"no browser at {CHROMIUM}: install Debian's chromium "
            "(apt-get install chromium), or set CHROMIUM to a Chromium binary")

    kinds, colours = admonition_kinds()
    for md in sorted((ROOT / "src").rglob("*.md")):
        declared_admonitions(md.read_text(), kinds, md.relative_to(ROOT))
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(OUT / "screenshots", ignore_errors=True)
    import tomllib
    edition = tomllib.loads((ROOT / "book.toml").read_text())["rust"]["edition"]
    passed = passed_by_playground_check()
    playground = Playground()
    run_buttons = 0
    site = build_site()
    server, base = serve(site)
    pages = summary_pages()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ])
        texts = {}
        for theme in ["light", "navy"]:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            # Generous: a loaded 2-core machine is slow; a broken page still fails.
            context.set_default_timeout(120_000)
            # Offline, like the machine this runs on: only the local server,
            # and the Playground's answers.
            context.route("**/*", playground.route)
            context.add_init_script(f"localStorage.setItem('mdbook-theme', '{theme}')")
            page = context.new_page()
            for source_path, html in pages:
                source = (ROOT / "src" / source_path).read_text()
                shown = check_page(page, urljoin(base, html), html, source, kinds, colours, theme)
                texts[html] = shown["text"]
                if theme == "light":
                    run_buttons += check_run_buttons(page, html, source, playground, passed, edition)
            shown = check_page(page, urljoin(base, "print.html"), "print.html", None, kinds, colours, theme)
            if theme != "light":
                check_printed_in_light(page, theme)
            if theme == "light":
                check_print_page_release(page, playground)
                for _, html in pages:
                    title = texts[html].strip().splitlines()[0] if texts[html].strip() else ""
                    if not title or title not in shown["text"]:
                        fail(f"print.html does not hold {html} (its first line {title!r})")
                check_search(page, base, texts)
                check_quizzes(page, base, pages)
            context.close()
            if theme == "light":
                chapters = [(html, texts[html].strip().splitlines()[0]) for _, html in pages]
                pdf.make_pdf(browser, base, ROOT, OUT, playground.route, chapters, fail)
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        context.set_default_timeout(120_000)
        context.route("**/*", playground.route)
        check_phone(context.new_page(), base, pages)
        context.close()
        browser.close()
    server.shutdown()
    for theme, counts in seen.items():
        print(f"{theme}: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
        for what, n in counts.items():
            if n == 0:
                fail(f"{theme}: no {what} found to check")
    print(f"▶: {run_buttons} pressed, each sent a listing the Playground check passed")
    if run_buttons == 0:
        fail("no ▶ found to press")
    print(f"screenshots: {OUT / 'screenshots'}")
    if failures:
        print(f"{len(failures)} failed: the site is broken in a browser (see above)")
        sys.exit(1)
    print(f"browser check: {len(pages) + 1} pages in 2 themes, search and print page: all passed")


if __name__ == "__main__":
    main()
