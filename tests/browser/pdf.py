"""The book offline: mdBook's print page turned into a PDF by headless
Chromium, and checked as a reader would check it.

Called by check_site.py, which has built the site and started the browser.
The PDF is written to target/browser-check/parallel-processing-in-rust.pdf
(the publish workflow puts it beside the site, at PUBLISHED + NAME, where
the introduction links to it). It opens with a title page that names the
commit it was built from, which every page's footer names too; it has
bookmarks, one per heading; a link to a page of the book goes to that place
in the PDF. Checks, with Poppler's pdftotext and pdftoppm (Debian's
poppler-utils):

- its bookmarks are the page's headings, and the top ones the pages of
  SUMMARY.md; every exercise's solution is in it (theme/print.js unfolds
  them);
- no line of a Rust listing wraps, no table is wider than the page, every
  figure loaded and fits, and no listing is an editor (whose box a page break
  cuts through);
- no figure is on another page than its caption, and no page ends with a
  caption;
- links to the book's pages stay in the PDF, and none points at the local
  server it was printed from;
- a few pages are rendered to PNG (target/browser-check/pdf-pages/) to be
  looked at.
"""

import re
import shutil
import subprocess
import zlib
from urllib.parse import urljoin

NAME = "parallel-processing-in-rust.pdf"
# Where the publish workflow puts the site (GitHub Pages of book.toml's
# git-repository-url).
PUBLISHED = "https://parallel-processing-in-rust.github.io/book/"
# A4, with 15 mm margins at the sides: the text is 180 mm wide, 680 CSS px.
MARGIN = {"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
TEXT_WIDTH_PX = 680

# Before printing: the title page, links kept inside the PDF, outputs wider
# than the page set smaller.
PREPARE_JS = r"""
([title, description, builtFrom, repository, published, chapters]) => {
  const main = document.querySelector('main');
  const cover = document.createElement('section');
  cover.style.cssText = 'break-after: page; padding-top: 35vh; text-align: center';
  const line = (text, style, href) => {
    const p = document.createElement(href ? 'a' : 'p');
    p.textContent = text;
    p.style.cssText = style;
    if (href) { p.href = href; p.style.display = 'block'; }
    cover.append(p);
  };
  line(title, 'font-size: 2.4em; font-weight: bold; margin-bottom: 0.4em');
  line(description, 'font-size: 1.1em; max-width: 32em; margin: 0 auto 3em');
  line('Built from commit ' + builtFrom + ' of', 'font-size: 0.9em; margin: 0');
  line(repository, 'font-size: 0.9em; white-space: nowrap', repository);
  line('The book online, with its quizzes and a ▶ on its listings:', 'font-size: 0.9em; margin: 1em 0 0');
  line(published, 'font-size: 0.9em; white-space: nowrap', published);
  main.prepend(cover);
  const folded = [...main.querySelectorAll('details')].filter((d) => !d.open).length;
  // A link to a page of the book goes to that place in the PDF: the print
  // page holds every chapter, in SUMMARY.md's order, each from its <h1>.
  const firstHeading = new Map();
  const headings = [...main.querySelectorAll('h1')].filter((h) => !cover.contains(h));
  chapters.forEach((page, i) => { if (headings[i]) firstHeading.set(page, headings[i].id); });
  const unique = (id) => id && document.querySelectorAll('[id="' + CSS.escape(id) + '"]').length === 1;
  let internal = 0, external = 0;
  for (const a of main.querySelectorAll('a[href]')) {
    // A heading's link to itself is no link to a page.
    if (cover.contains(a) || a.classList.contains('header')) continue;
    const url = new URL(a.href);
    if (url.origin !== window.location.origin) continue;
    const page = url.pathname.replace(/^.*\//, '');
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (page === 'print.html' || page === '') {
      if (unique(fragment)) { a.href = '#' + fragment; internal++; continue; }
    } else if (unique(fragment)) {
      a.href = '#' + fragment; internal++; continue;
    } else if (firstHeading.has(page)) {
      a.href = '#' + firstHeading.get(page); internal++; continue;
    }
    a.href = new URL(url.pathname.replace(/^\//, '') + url.hash, published).href;
    external++;
  }
  // A block that is not Rust (an output, a Python listing) wider than the
  // page is set smaller until it fits (down to 7 px): its lines would wrap,
  // and a drawing of columns with them.
  const canvas = document.createElement('canvas').getContext('2d');
  for (const code of main.querySelectorAll('pre > code:not(.language-rust)')) {
    const style = getComputedStyle(code);
    const room = code.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    canvas.font = style.font;
    const widest = Math.max(...code.textContent.split('\n').map((l) => canvas.measureText(l).width));
    if (widest > room) {
      code.style.fontSize = Math.max(7, parseFloat(style.fontSize) * room / widest - 0.1) + 'px';
    }
  }
  const captions = [...main.querySelectorAll('.caption')].map((c) => c.innerText);
  return { internal, external, folded, captions };
}
"""

# In the print page, laid out for paper.
LAYOUT_JS = """
() => {
  const main = document.querySelector('main');
  const right = main.getBoundingClientRect().right;
  const first = (el) => el.innerText.split('\\n')[0].slice(0, 80);
  const wide = [...main.querySelectorAll('table')]
    .filter((el) => el.getBoundingClientRect().right > right + 1 || el.scrollWidth > el.clientWidth + 1)
    .map((el) => ({ text: first(el), overflow: el.getBoundingClientRect().right - right }));
  const editors = [...main.querySelectorAll('.ace_editor')].map(first);
  // A line wraps if it is wider, in the code's font, than the code's box.
  const canvas = document.createElement('canvas').getContext('2d');
  let wrapped = 0;
  const rustWrapped = [];
  for (const code of main.querySelectorAll('pre > code')) {
    const style = getComputedStyle(code);
    canvas.font = style.font;
    const room = code.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // Hidden lines (mdBook's `boring` spans) are not printed.
    const shown = code.cloneNode(true);
    for (const hidden of shown.querySelectorAll('.boring')) hidden.remove();
    for (const line of shown.textContent.split('\\n')) {
      if (canvas.measureText(line).width > room + 0.5) {
        wrapped += 1;
        if (code.classList.contains('language-rust')) rustWrapped.push(line.slice(0, 100));
      }
    }
  }
  const figures = [...main.querySelectorAll('img[src$=".svg"]')].map((img) => ({
    src: img.getAttribute('src'),
    loaded: img.complete && img.naturalWidth > 0,
    fits: img.getBoundingClientRect().right <= right + 1,
  }));
  return { wide, editors, wrapped, rustWrapped, figures };
}
"""


def tool(name):
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"browser check: the PDF check needs `{name}`: install Debian's "
                         "poppler-utils (apt-get install poppler-utils)")
    return path


def commit(root):
    """The commit the book is built from, and whether the tree differs from it."""
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root,
                          capture_output=True, text=True)
    if head.returncode != 0:
        raise SystemExit("browser check: the PDF names the commit it is built from, "
                         "and this is no git checkout")
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                           capture_output=True, text=True).stdout.strip()
    return head.stdout.strip() + (" with uncommitted changes" if dirty else "")


def footer(title, built_from):
    return (
        '<div style="font-size: 8px; width: 100%; margin: 0 15mm; color: #555; '
        'font-family: sans-serif; display: flex; justify-content: space-between">'
        f'<span>{title}, built from commit {built_from}</span>'
        '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
    )


def page_texts(pdf):
    text = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def link_targets(pdf):
    """Every URI a link of the PDF points at (in its objects, compressed or not)."""
    data = pdf.read_bytes()
    chunks = [data]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            pass
    uris = []
    for chunk in chunks:
        uris += [u.decode("latin-1") for u in re.findall(rb"/URI\s*\(([^)]*)\)", chunk)]
    return uris


def outline(pdf):
    """The PDF's bookmarks, as (depth, title) in order."""
    data = pdf.read_bytes()
    objects = {int(m.group(1)): m.group(2) for m in
               re.finditer(rb"(?s)(\d+) 0 obj(.*?)endobj", data)}

    def ref(body, key):
        found = re.search(rb"/" + key + rb"\s+(\d+) 0 R", body)
        return int(found.group(1)) if found else None

    def title(body):
        found = re.search(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)", body, re.S)
        if not found:
            return ""
        raw = found.group(1)
        if raw.startswith(b"<"):
            return bytes.fromhex(raw[1:-1].decode()).decode("utf-16-be").lstrip("\ufeff")
        text = re.sub(rb"\\([()\\])", rb"\1", raw[1:-1])
        text = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8)]), text)
        if text.startswith(b"\xfe\xff"):
            return text[2:].decode("utf-16-be")
        return text.decode("latin-1")

    catalog = next((body for body in objects.values() if b"/Type /Catalog" in body
                    or b"/Type/Catalog" in body), b"")
    root = ref(catalog, b"Outlines")
    found = []

    def walk(number, depth):
        while number is not None and number in objects:
            body = objects[number]
            found.append((depth, title(body)))
            walk(ref(body, b"First"), depth + 1)
            number = ref(body, b"Next")

    if root is not None:
        walk(ref(objects[root], b"First"), 0)
    return found


def svg_words(svg):
    """The labels a figure draws, as pdftotext extracts them from the page."""
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    return {t.strip() for t in texts if len(t.strip()) >= 4 and not re.fullmatch(r"[\d.\s]+", t)}


def flat(text):
    return re.sub(r"\s+", " ", text)


def make_pdf(browser, base, root, out, route, chapters, fail):
    """Prints the print page to out/NAME and checks it. `chapters` are the
    pages of SUMMARY.md, in order, as (html file, title)."""
    import tomllib
    config = tomllib.loads((root / "book.toml").read_text())
    book = config["book"]
    repository = config["output"]["html"]["git-repository-url"]
    intro = (root / "src" / "introduction.md").read_text()
    if PUBLISHED + NAME not in intro:
        fail(f"PDF: src/introduction.md does not link to it at {PUBLISHED + NAME}")
    built_from = commit(root)
    context = browser.new_context(viewport={"width": TEXT_WIDTH_PX, "height": 1000})
    context.set_default_timeout(120_000)
    context.route("**/*", route)
    # The print page opens the browser's print dialog as it loads: here the
    # PDF is printed below instead.
    context.add_init_script("window.print = () => {};")
    page = context.new_page()
    page.goto(urljoin(base, "print.html"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    links = page.evaluate(PREPARE_JS, [book["title"], book["description"], built_from,
                                       repository, PUBLISHED, [html for html, _ in chapters]])
    if links["folded"]:
        fail(f"PDF: {links['folded']} solutions are folded away on the print page "
             "(theme/print.js unfolds them)")
    if links["internal"] == 0 or links["external"]:
        fail(f"PDF: {links['external']} links to the book's pages found no place in the PDF "
             f"({links['internal']} did)")
    headings = page.evaluate("() => [...document.querySelectorAll('main h1, main h2, main h3, "
                             "main h4, main h5, main h6')].filter((h) => h.getClientRects().length)"
                             ".map((h) => h.innerText.trim())")
    layout = page.evaluate(LAYOUT_JS)
    for table in layout["wide"]:
        fail(f"PDF: a table is {table['overflow']:.0f} px wider than the page, so its right "
             f"edge is cut off: {table['text']!r}")
    for editor in layout["editors"][:5]:
        fail(f"PDF: a listing is still an editor, whose box a page break cuts through: {editor!r}")
    for line in layout["rustWrapped"][:10]:
        fail(f"PDF: a line of a Rust listing is wider than the page and wraps: {line!r}")
    if not layout["figures"]:
        fail("PDF: the print page has no figure")
    for figure in layout["figures"]:
        if not figure["loaded"]:
            fail(f"PDF: figure {figure['src']} did not load")
        if not figure["fits"]:
            fail(f"PDF: figure {figure['src']} is wider than the page")
    pdf = out / NAME
    page.pdf(path=str(pdf), format="A4", margin=MARGIN, print_background=True,
             display_header_footer=True, header_template="<div></div>",
             footer_template=footer(book["title"], built_from), outline=True, tagged=True)
    context.close()

    pages = page_texts(pdf)
    text = flat("\n".join(pages))
    # The bookmarks: one per heading, as the page titles it; the top ones are
    # the chapters, in SUMMARY.md's order.
    marks = outline(pdf)
    top = [title for depth, title in marks if depth == 0]
    if top != [title for _, title in chapters]:
        fail(f"PDF: its top bookmarks are not the chapters of SUMMARY.md: {top[:8]}...")
    for (_, mark), heading in zip(marks, headings):
        if flat(mark) != flat(heading):
            fail(f"PDF: the bookmark {mark!r} is not the heading {heading!r}")
    if len(marks) != len(headings):
        fail(f"PDF: {len(marks)} bookmarks for {len(headings)} headings")
    # A line of each solution that no other listing has.
    solutions = sorted((root / "listings" / "exercises").glob("*/solution.rs"))
    lines_of = {path: {flat(line).strip() for line in path.read_text().splitlines()}
                for path in (root / "listings").rglob("*.rs")}
    for solution in solutions:
        others = set().union(*(lines for path, lines in lines_of.items() if path != solution))
        own = next((flat(line).strip() for line in solution.read_text().splitlines()
                    if len(line.strip()) > 25 and flat(line).strip() not in others), None)
        if own is None or own not in text:
            fail(f"PDF: the solution {solution.relative_to(root)} is missing (its line {own!r})")
    unnamed = [i + 1 for i, p in enumerate(pages) if built_from.split()[0] not in p]
    if unnamed:
        fail(f"PDF: pages {unnamed[:10]} do not name the commit {built_from}")
    local = [uri for uri in link_targets(pdf) if "127.0.0.1" in uri or "localhost" in uri]
    if local:
        fail(f"PDF: {len(local)} links point at the server it was printed from, such as {local[0]}")
    # A page that ends with a caption, or a part of one, has left what it
    # captions to the next page.
    for number, p in enumerate(pages, 1):
        # Compared without any white space: pdftotext spaces code apart.
        body = re.sub(r"\s+", "", "".join(line for line in p.splitlines()
                                           if "built from commit" not in line))
        for caption in links["captions"]:
            caption = re.sub(r"\s+", "", caption)
            start = body.rfind(caption[:30])
            if start >= 0 and caption.startswith(body[start:]):
                fail(f"PDF: page {number} ends with a caption, and what it captions starts on "
                     f"the next page: {caption[:60]!r}")

    # A figure follows its caption (`Figure N-M: ...`): both on one page.
    figure_page = None
    captions = 0
    for svg in sorted((root / "src" / "img").glob("*.svg")):
        number = None
        for md in (root / "src").glob("*.md"):
            source = md.read_text()
            at = source.find(f"](img/{svg.name})")
            if at >= 0:
                above = list(re.finditer(r'<p class="caption">(Figure \d+-\d+):', source[:at]))
                number = above[-1].group(1) if above else None
        if number is None:
            fail(f"PDF: src/img/{svg.name} has no caption `Figure N-M:` right above it")
            continue
        captions += 1
        on = [i for i, p in enumerate(pages) if re.search(re.escape(number) + r":", p)]
        if len(on) != 1:
            fail(f"PDF: {number}'s caption is on {len(on)} pages")
            continue
        words = svg_words(svg.read_text())
        here = sum(w in pages[on[0]] for w in words)
        after = sum(w in pages[on[0] + 1] for w in words) if on[0] + 1 < len(pages) else 0
        if words and (here == 0 or after > here):
            fail(f"PDF: {number} is not on the page of its caption (page {on[0] + 1}): "
                 f"{here} of its {len(words)} labels there, {after} on the next page")
        figure_page = figure_page or on[0] + 1

    # To look at: the title page, the first page of text, the first page with
    # a figure, a page of the appendix's tables, and the last page.
    appendix = next((i + 1 for i, p in enumerate(pages) if "Appendix A" in p and "| " not in p
                     and i > len(pages) // 2), len(pages))
    shots = out / "pdf-pages"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    for number in sorted({1, 2, figure_page or 1, appendix, len(pages)}):
        subprocess.run([tool("pdftoppm"), "-png", "-r", "80", "-f", str(number), "-l", str(number),
                        str(pdf), str(shots / f"page-{number:03}")], check=True)
    print(f"PDF: {pdf}, {len(pages)} pages built from {built_from}, {len(top)} pages of "
          f"SUMMARY.md and {len(marks)} bookmarks, {links['internal']} links to the book's "
          f"pages kept within it, {captions} figures "
          f"each on its caption's page, {layout['wrapped']} lines of outputs and Python "
          f"wrap; pages to look at in {shots}", flush=True)
    return pdf
