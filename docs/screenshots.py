"""Look at peelkit's notebook output in a real browser (not run in CI).

Builds one HTML page of representative notebook outputs from the bundled data (a
judgments table, a history, the grids of 2018/19 and 2023/25, areas for
improvement), the way Jupyter's HTML export embeds ``_repr_html_``, and takes a
headless-Chromium screenshot of it at 1400 px, a laptop's width::

    python docs/screenshots.py OUT_DIR          # writes OUT_DIR/outputs.html and .png

With ``--notebook docs/walkthrough.ipynb`` it executes the notebook (nbclient),
exports it to HTML (nbconvert) and screenshots that; ``--save`` also writes the
executed notebook back, which is how the outputs shown in the docs are refreshed.
Needs ``chromium`` on the PATH (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
from pathlib import Path

from peelkit.datasets import load_bundled


def outputs_page() -> str:
    """The HTML page: each output under the code that made it."""
    corpus = load_bundled()
    shown = [
        (
            'corpus.judgments(force="Kent", cycle="2018/19")',
            corpus.judgments(force="Kent", cycle="2018/19"),
        ),
        ('corpus.history("Kent", "efficiency")', corpus.history("Kent", "efficiency")),
        ('corpus.grid("2018/19")', corpus.grid("2018/19")),
        ('corpus.grid("2023/25")', corpus.grid("2023/25")),
        ('corpus.grid("2017")', corpus.grid("2017")),
        ("corpus.areas_for_improvement()", corpus.areas_for_improvement()),
    ]
    parts = [
        '<!doctype html><html><head><meta charset="utf-8"><title>peelkit outputs</title>',
        '</head><body style="font-family:sans-serif;margin:8px 24px;width:1330px">',
    ]
    for code, value in shown:
        parts.append(f"<pre>In: {html.escape(code)}</pre>")
        parts.append(value._repr_html_())
    parts.append("</body></html>")
    return "".join(parts)


def screenshot(page: Path, png: Path, height: int = 6000) -> None:
    """A headless-Chromium screenshot of ``page`` at 1400 px wide."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={png}",
            f"--window-size=1400,{height}",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
    )


def executed_notebook(path: Path, out: Path, *, save: bool) -> Path:
    """Execute the notebook at ``path``, export it to ``out/<name>.html``; return that."""
    import nbclient
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=60, kernel_name="python3").execute(
        cwd=str(path.parent)
    )
    if save:
        for cell in notebook.cells:
            cell.get("metadata", {}).pop("execution", None)
        nbformat.write(notebook, path)
    body, _ = HTMLExporter().from_notebook_node(notebook)
    page = out / (path.stem + ".html")
    page.write_text(body, encoding="utf-8")
    return page


def chart_images(folder: Path) -> None:
    """The guide's chart: Kent's efficiency grades by cycle, as a small PNG."""
    import matplotlib

    matplotlib.use("Agg")
    figure = load_bundled().history("Kent", "efficiency").plot()
    figure.savefig(folder / "kent-efficiency.png", dpi=72)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--notebook", type=Path, help="a notebook to execute and export")
    parser.add_argument("--save", action="store_true", help="write the executed notebook back")
    parser.add_argument("--height", type=int, default=6000)
    parser.add_argument("--charts", type=Path, help="write the guide's chart images here")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    if arguments.charts:
        chart_images(arguments.charts)
    if arguments.notebook:
        page = executed_notebook(arguments.notebook, arguments.out, save=arguments.save)
    else:
        page = arguments.out / "outputs.html"
        page.write_text(outputs_page(), encoding="utf-8")
    png = arguments.out / (page.stem + ".png")
    screenshot(page, png, arguments.height)
    print(png)


if __name__ == "__main__":
    main()
