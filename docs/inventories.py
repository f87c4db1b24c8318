"""Write the offline inventories that intersphinx falls back on (``docs/_inventories``).

The docs link to Python, attrs, cattrs and hypothesis through intersphinx. ``conf.py``
gives each project its real inventory first and the small file written here second,
so a build with network uses the real one and a build without still resolves every
external name our docs use. Each file holds only those names, at their real
addresses under the project's base URL (the same as in ``conf.py``).

When the docs come to use another external name (a nitpicky build without network
says ``reference target not found``), add it to :data:`NAMES` and run::

    python docs/inventories.py            # rewrite docs/_inventories/*.inv
    python docs/inventories.py --check    # needs network: every name and address
                                          # here is as in the real inventories
"""

from __future__ import annotations

import argparse
import sys
import urllib.request
import zlib
from pathlib import Path

HERE = Path(__file__).parent / "_inventories"

#: Per project: its base URL, and the names our docs reference as
#: ``(name, "domain:role", address below the base, text shown)``.
NAMES: dict[str, tuple[str, list[tuple[str, str, str, str]]]] = {
    "python": (
        "https://docs.python.org/3/",
        [
            ("collections.abc.Callable", "py:class", "library/collections.abc.html#$", "-"),
            ("collections.abc.Iterable", "py:class", "library/collections.abc.html#$", "-"),
            ("collections.abc.Iterator", "py:class", "library/collections.abc.html#$", "-"),
            ("collections.abc.Mapping", "py:class", "library/collections.abc.html#$", "-"),
            ("collections.abc.Sequence", "py:class", "library/collections.abc.html#$", "-"),
            ("datetime.date", "py:class", "library/datetime.html#$", "-"),
            ("difflib", "py:module", "library/difflib.html#module-$", "-"),
            ("html.parser", "py:module", "library/html.parser.html#module-$", "-"),
            ("json.dumps", "py:function", "library/json.html#$", "-"),
            ("importlib.resources", "py:module", "library/importlib.resources.html#module-$", "-"),
            ("os.PathLike", "py:class", "library/os.html#$", "-"),
            ("pathlib.Path", "py:class", "library/pathlib.html#$", "-"),
            ("typing.Protocol", "py:class", "library/typing.html#$", "-"),
        ],
    ),
    "attrs": (
        "https://www.attrs.org/en/stable/",
        [
            ("attrs.evolve", "py:function", "api.html#$", "-"),
            ("attrs.frozen", "py:function", "api.html#$", "-"),
            ("index", "std:doc", "index.html", "attrs"),
        ],
    ),
    "cattrs": (
        "https://catt.rs/en/stable/",
        [
            ("cattrs.Converter", "py:class", "cattrs.html#$", "-"),
            ("index", "std:doc", "index.html", "cattrs"),
        ],
    ),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/latest/",
        [
            (
                "hypothesis.strategies.SearchStrategy",
                "py:class",
                "reference/api.html#$",
                "-",
            ),
        ],
    ),
}


def inventory(project: str, entries: list[tuple[str, str, str, str]]) -> bytes:
    """An ``objects.inv`` (version 2) holding ``entries``."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        "# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(f"{name} {role} 1 {uri} {text}\n" for name, role, uri, text in sorted(entries))
    return header.encode() + zlib.compress(lines.encode(), 9)


def _real(base: str) -> dict[tuple[str, str], str]:
    """The real inventory at ``base``: ``(name, role)`` to its address, ``$`` expanded."""
    with urllib.request.urlopen(base + "objects.inv", timeout=30) as response:
        data = response.read()
    body = data.split(b"\n", 4)[4]
    found = {}
    for line in zlib.decompress(body).decode().splitlines():
        name, role, _, uri, *_ = line.split(" ")
        found[name, role] = uri.replace("$", name) if uri.endswith("$") else uri
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the real ones")
    check = parser.parse_args(argv).check
    wrong = 0
    for project, (base, entries) in NAMES.items():
        if check:
            real = _real(base)
            for name, role, uri, _ in entries:
                ours = uri.replace("$", name)
                if real.get((name, role)) != ours:
                    print(f"{project}: {role} {name} is {real.get((name, role))}, not {ours}")
                    wrong += 1
        else:
            HERE.mkdir(exist_ok=True)
            (HERE / f"{project}.inv").write_bytes(inventory(project, entries))
            print(f"wrote {HERE / f'{project}.inv'}: {len(entries)} names")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
