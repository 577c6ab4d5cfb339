"""The book offline: mdBook's print page turned into a PDF by headless
Chromium, and checked as a reader would check it.

Called by check_site.py, which has built the site and started the browser.
The PDF is written to target/browser-check/parallel-processing-in-rust.pdf
(the publish workflow puts it beside the site, at PUBLISHED + NAME, where
the introduction links to it). It opens with a title page that names the
commit it was built from, which every page's footer names too; it has
bookmarks, one per heading; its links point at the published site. Checks,
with Poppler's pdftotext and pdftoppm (Debian's poppler-utils):

- every chapter is in it, and every exercise's solution (folded away on the
  site);
- no line of a Rust listing wraps, no table is wider than the page, every
  figure loaded and fits, and no listing is an editor (whose box a page break
  cuts through);
- no figure is on another page than its caption, and no page holds a caption
  alone;
- no link points at the local server it was printed from;
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

# Before printing: the title page, every <details> open (the exercises'
# solutions), links to the published site.
PREPARE_JS = """
([title, description, builtFrom, published]) => {
  const cover = document.createElement('section');
  cover.className = 'pdf-cover';
  cover.style.cssText = 'break-after: page; padding-top: 35vh; text-align: center';
  const line = (tag, text, style) => {
    const el = document.createElement(tag);
    el.textContent = text;
    el.style.cssText = style;
    cover.append(el);
  };
  line('h1', title, 'font-size: 2.4em; margin-bottom: 0.4em');
  line('p', description, 'font-size: 1.1em; max-width: 32em; margin: 0 auto 3em');
  line('p', 'Built from the book\\'s repository at commit ' + builtFrom + '.', 'font-size: 0.9em');
  line('p', 'The book online, with its quizzes and a ▶ on its listings: ' + published, 'font-size: 0.9em');
  document.querySelector('main').prepend(cover);
  for (const details of document.querySelectorAll('main details')) details.open = true;
  for (const a of document.querySelectorAll('main a[href]')) {
    const url = new URL(a.href);
    if (url.origin === window.location.origin) {
      a.href = new URL(url.pathname.replace(/^\\//, '') + url.search + url.hash, published).href;
    }
  }
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
    for (const line of code.textContent.split('\\n')) {
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

CAPTION_START = re.compile(r"^(Listing \d+-\d+|Figure \d+-\d+|Output of|Exercise \d+-\d+|The tests)")


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


def svg_words(svg):
    """The labels a figure draws, as pdftotext extracts them from the page."""
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    return {t.strip() for t in texts if len(t.strip()) >= 4 and not re.fullmatch(r"[\d.\s]+", t)}


def flat(text):
    return re.sub(r"\s+", " ", text)


def make_pdf(browser, base, root, out, route, titles, fail):
    """Prints the print page to out/NAME and checks it. `titles` are the
    chapters' first lines, which the PDF must hold."""
    import tomllib
    book = tomllib.loads((root / "book.toml").read_text())["book"]
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
    page.evaluate(PREPARE_JS, [book["title"], book["description"], built_from, PUBLISHED])
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
    for chapter in titles:
        if flat(chapter) not in text:
            fail(f"PDF: the chapter {chapter!r} is missing")
    for solution in sorted((root / "listings" / "exercises").glob("*/solution.rs")):
        first = flat(solution.read_text().splitlines()[0])
        if first not in text:
            fail(f"PDF: the solution {solution.relative_to(root)} is missing (its first line "
                 f"{first!r})")
    unnamed = [i + 1 for i, p in enumerate(pages) if built_from.split()[0] not in p]
    if unnamed:
        fail(f"PDF: pages {unnamed[:10]} do not name the commit {built_from}")
    local = [uri for uri in link_targets(pdf) if "127.0.0.1" in uri or "localhost" in uri]
    if local:
        fail(f"PDF: {len(local)} links point at the server it was printed from, such as {local[0]}")
    for number, p in enumerate(pages, 1):
        lines = [line.strip() for line in p.splitlines()
                 if line.strip() and "built from commit" not in line]
        if lines and len(lines) <= 2 and CAPTION_START.match(lines[0]):
            fail(f"PDF: page {number} holds only a caption, away from what it captions: "
                 f"{lines[0]!r}")

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
    print(f"PDF: {pdf}, {len(pages)} pages built from {built_from}, {len(titles)} chapters, "
          f"{captions} figures each on its caption's page, {layout['wrapped']} lines of "
          f"outputs and Python wrap; pages to look at in {shots}", flush=True)
    return pdf
