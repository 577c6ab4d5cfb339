"""Pins playground/Cargo.toml to the Rust Playground's crates.

    python3 playground/pin.py PLAYGROUND/compiler/base/Cargo.toml

takes the manifest of a checkout of rust-lang/rust-playground and rewrites the
dependencies of playground/Cargo.toml: the crates the listings use (ROOTS) and
every crate they depend on, each with the Playground's exact version and
features, as the Playground's own manifest lists them. Then it updates
Cargo.lock. Say in the manifest's first lines which commit it came from.
"""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "Cargo.toml"
# The crates the listings name (listings/Cargo.toml, without loom).
ROOTS = ["tokio", "rayon", "crossbeam", "futures", "rand", "tokio-util", "tracing",
         "tracing-subscriber", "serde", "serde_json"]
MARK = "# The Playground's entries, written by pin.py: do not edit by hand.\n"


def entry(name, spec, yanked):
    """A dependency table for `spec`, named as the Playground names it. A
    release yanked since the Playground pinned it cannot be required exactly:
    its requirement is a minimum, and Cargo.lock holds the exact version."""
    lines = [f"\n[dependencies.{name}]"]
    for key in ["package", "version", "features", "default-features"]:
        if key in spec:
            value = spec[key]
            if key == "version" and name in yanked:
                value = value.lstrip("=")
            lines.append(f"{key} = {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def cargo(*args):
    return subprocess.run(["cargo", *args, "--manifest-path", str(MANIFEST)],
                          capture_output=True, text=True)


def write(specs, yanked):
    head = MANIFEST.read_text().split(MARK)[0]
    MANIFEST.write_text(head + MARK + "".join(entry(n, s, yanked) for n, s in sorted(specs.items())))


def lock(specs, yanked):
    """Writes the manifest and a Cargo.lock for it; returns cargo's metadata."""
    while True:
        write(specs, yanked)
        run = cargo("generate-lockfile")
        if run.returncode == 0:
            break
        found = re.search(r"requirement `(\S+) = \"=[^\"]+\"`\s+version \S+ is yanked", run.stderr)
        if not found:
            sys.exit(run.stderr)
        yanked.add(found.group(1))
    for name in yanked:
        spec = specs[name]
        run = cargo("update", "-p", spec["package"], "--precise", spec["version"].lstrip("="))
        if run.returncode != 0:
            sys.exit(run.stderr)
    return json.loads(cargo("metadata", "--format-version", "1").stdout)


def main():
    playground = tomllib.loads(Path(sys.argv[1]).read_text())["dependencies"]
    by_package = {}
    for name, spec in playground.items():
        by_package[(spec["package"], spec["version"].lstrip("="))] = (name, spec)
    newest = {}
    for name, spec in playground.items():
        if name == spec["package"].replace("-", "_"):
            newest[spec["package"]] = (name, spec)
    chosen = {newest[root][0]: newest[root][1] for root in ROOTS}
    yanked = set()
    while True:
        meta = lock(chosen, yanked)
        resolved = {node["id"] for node in meta["resolve"]["nodes"]}
        added = False
        for package in meta["packages"]:
            if package["id"] not in resolved or package["name"] == "playground":
                continue
            found = by_package.get((package["name"], package["version"])) or newest.get(package["name"])
            if found and found[0] not in chosen:
                chosen[found[0]] = found[1]
                added = True
        if not added:
            break
    # Every crate built for Linux at the Playground's version, and the
    # profiles the Playground's.
    wanted = {(spec["package"], spec["version"].lstrip("=")) for spec in playground.values()}
    locked = tomllib.loads((HERE / "Cargo.lock").read_text())["package"]
    others = [f"{p['name']} {p['version']}" for p in locked
              if p["name"] != "playground" and (p["name"], p["version"]) not in wanted]
    if others:
        print("not the Playground's versions (crates the Playground does not list, such as "
              "another platform's): " + ", ".join(others))
    ours = tomllib.loads(MANIFEST.read_text())["profile"]
    theirs = tomllib.loads(Path(sys.argv[1]).read_text())["profile"]
    if ours != theirs:
        sys.exit(f"the profiles of {MANIFEST} are not the Playground's: {theirs}")
    print(f"{len(chosen)} crates pinned to the Playground's versions")


if __name__ == "__main__":
    main()
