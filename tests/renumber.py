"""Numbers the book's listings and figures in reading order.

    python3 tests/renumber.py [--dry-run]

Captions are numbered chapter by chapter in the order of src/SUMMARY.md
(tests/book.rs checks it); this rewrites every caption and every mention of
one ("Listing 3-8", "Listings 3-8 and 3-9", "Figure 1-2") across the
repository's tracked files, except the listings' outputs. A new listing's
caption may say `Listing 3-@slug` (and its mentions the same) until this runs.
--dry-run prints the changes only."""
import re, subprocess, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
src = root / "src"
pages = re.findall(r"\]\((ch\d+-[^)]+\.md)\)", (src / "SUMMARY.md").read_text())
caption = re.compile(r'<p class="caption">(Listing|Figure) (\d+)-([^:\s]+):')
mapping = {}
counts = {}
for page in pages:
    chapter = int(re.match(r"ch(\d+)-", page).group(1))
    for m in caption.finditer((src / page).read_text()):
        kind = m.group(1)
        counts[kind, chapter] = counts.get((kind, chapter), 0) + 1
        old = f"{m.group(2)}-{m.group(3)}"
        new = f"{chapter}-{counts[kind, chapter]}"
        if (kind, old) in mapping:
            sys.exit(f"{page}: {kind} {old} appears twice")
        mapping[(kind, old)] = new
changed = {k: v for k, v in mapping.items() if k[1] != v}
for k, v in changed.items():
    print(f"{k[0]} {k[1]} -> {v}")
tok = r"\d+-(?:\d+|@[\w-]+)"
mention = re.compile(rf"\b(Listing|Figure)(s?)(\s+)({tok})((?:(?:,|,?\s+and|\s+to|\s+or)\s+{tok})*)")
def fix(m):
    kind = m.group(1)
    first = mapping.get((kind, m.group(4)), m.group(4))
    rest = re.sub(tok, lambda t: mapping.get((kind, t.group(0)), t.group(0)), m.group(5))
    return f"{kind}{m.group(2)}{m.group(3)}{first}{rest}"
EXAMPLES_ONLY = {"README.md", "tests/renumber.py", "tests/tests/book.rs"}
files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=root,
                       capture_output=True, text=True).stdout.split()
if "--dry-run" in sys.argv:
    sys.exit()
for name in files:
    path = root / name
    if path.suffix not in {".md", ".toml", ".rs", ".py", ".diff", ".txt", ".sh"} or not path.is_file():
        continue
    # Outputs are what the listings printed; these three only give examples.
    if name.startswith("listings/output/") or name in EXAMPLES_ONLY:
        continue
    text = path.read_text()
    new = mention.sub(fix, text)
    if new != text:
        path.write_text(new)
        print("rewrote", name)
