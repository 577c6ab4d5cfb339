"""The book offline: mdBook's print page turned into a PDF by headless
Chromium, and checked as a reader would check it.

Called by check_site.py, which has built the site and started the browser.
The PDF is written to target/browser-check/parallel-processing-in-rust.pdf
(the publish workflow puts it beside the site), with the commit it was built
from in every page's footer. Checks, with Poppler's pdftotext and pdftoppm
(Debian's poppler-utils):

- every chapter is in it, and every page names the commit;
- no code block or table is wider than the page (a line cut off at the
  right edge), and every figure loaded and fits;
- no figure is on another page than its caption;
- some pages are rendered to PNG (target/browser-check/pdf-pages/) to be
  looked at.
"""

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

NAME = "parallel-processing-in-rust.pdf"
# A4, with 15 mm margins at the sides: the text is 180 mm wide, 680 CSS px.
MARGIN = {"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
TEXT_WIDTH_PX = 680
# The pages rendered to PNG, to be looked at: the title page, a page with a
# listing and its output, a page with a figure (found below), the last page.
LOOK_AT = [1, 2]

# In the print page, laid out for paper: what would be cut off at the right
# edge, and every figure with its caption.
LAYOUT_JS = """
() => {
  const main = document.querySelector('main');
  const width = main.getBoundingClientRect().right;
  const wide = [...main.querySelectorAll('pre, table')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > width + 1)
    .map((el) => ({ tag: el.tagName, text: el.innerText.split('\\n')[0].slice(0, 80),
                    overflow: Math.max(el.scrollWidth - el.clientWidth, el.getBoundingClientRect().right - width) }));
  // A box that scrolls, or an editor, cannot be split across pages: one cut
  // by a page break loses the line under the break.
  const unsplittable = [...main.querySelectorAll('pre, pre > code, .ace_editor')]
    .filter((el) => el.classList.contains('ace_editor')
      || !['visible', 'clip'].includes(getComputedStyle(el).overflowY)
      || !['visible', 'clip'].includes(getComputedStyle(el).overflowX))
    .map((el) => ({ tag: el.tagName, text: el.innerText.split('\\n')[0].slice(0, 80) }));
  const figures = [...main.querySelectorAll('img[src$=".svg"]')].map((img) => ({
    src: img.getAttribute('src'),
    loaded: img.complete && img.naturalWidth > 0,
    fits: img.getBoundingClientRect().right <= width + 1,
  }));
  return { wide, unsplittable, figures };
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
    return text.split("\f")


def svg_words(svg):
    """The words a figure draws, as pdftotext extracts them from the page."""
    texts = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    return {t.strip() for t in texts if len(t.strip()) >= 4 and not re.fullmatch(r"[\d.\s]+", t)}


def make_pdf(browser, base, root, out, route, titles, fail):
    """Prints the print page to out/NAME and checks it. `titles` are the
    chapters' first lines, which the PDF must hold."""
    built_from = commit(root)
    context = browser.new_context(viewport={"width": TEXT_WIDTH_PX, "height": 1000})
    context.set_default_timeout(120_000)
    context.route("**/*", route)
    # The print page opens the browser's print dialog as it loads: here the
    # PDF is printed below instead.
    context.add_init_script("window.print = () => {};")
    # Without the editor, book.js highlights an editable listing as it does
    # any other: an editor's lines are drawn in a box that cannot be split
    # across pages, so a page break would cut a line in half.
    context.route(re.compile(r".*/(ace|editor|mode-rust|theme-[a-z_]+)\.js$"),
                  lambda r: r.fulfill(status=200, content_type="text/javascript", body=""))
    page = context.new_page()
    page.goto(urljoin(base, "print.html"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    layout = page.evaluate(LAYOUT_JS)
    for element in layout["wide"]:
        fail(f"PDF: a {element['tag'].lower()} is {element['overflow']:.0f} px wider than the "
             f"page, so its right edge is cut off: {element['text']!r}")
    for element in layout["unsplittable"][:10]:
        fail(f"PDF: a {element['tag'].lower()} scrolls or is an editor, so a page break "
             f"would cut a line of it in half: {element['text']!r}")
    if not layout["figures"]:
        fail("PDF: the print page has no figure")
    for figure in layout["figures"]:
        if not figure["loaded"]:
            fail(f"PDF: figure {figure['src']} did not load")
        if not figure["fits"]:
            fail(f"PDF: figure {figure['src']} is wider than the page")
    title = page.title().split(" - ")[-1] if " - " in page.title() else page.title()
    pdf = out / NAME
    page.pdf(path=str(pdf), format="A4", margin=MARGIN, print_background=True,
             display_header_footer=True, header_template="<div></div>",
             footer_template=footer(title, built_from))
    context.close()

    pages = page_texts(pdf)
    if pages and not pages[-1].strip():
        pages.pop()
    text = "\n".join(pages)
    flat = re.sub(r"\s+", " ", text)
    for chapter in titles:
        if re.sub(r"\s+", " ", chapter) not in flat:
            fail(f"PDF: the chapter {chapter!r} is missing")
    unnamed = [i + 1 for i, p in enumerate(pages) if built_from.split()[0] not in p]
    if unnamed:
        fail(f"PDF: pages {unnamed[:10]} do not name the commit {built_from}")

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

    shots = out / "pdf-pages"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    for number in sorted(set(LOOK_AT + [figure_page or 1, len(pages)])):
        subprocess.run([tool("pdftoppm"), "-png", "-r", "80", "-f", str(number), "-l", str(number),
                        str(pdf), str(shots / f"page-{number:03}")], check=True)
    print(f"PDF: {pdf}, {len(pages)} pages built from {built_from}, {len(titles)} chapters, "
          f"{captions} figures each on its caption's page; pages to look at in {shots}",
          flush=True)
    return pdf
