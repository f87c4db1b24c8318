"""First use from many threads at once: everything lazy is built once, and safely.

Each run is a fresh interpreter (nothing generated yet) whose eight threads wait at
a barrier, with a tiny switch interval so they interleave as much as they can, then
all make their first call: ``to_json``, ``from_json`` or a first query on one
shared corpus. ``benchmarks/probe_first_use.py`` runs the same script 40 times.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import peelkit
import peelkit.datasets
from peelkit import _index

SCRIPT = """
import json, pickle, sys, threading
sys.setswitchinterval(1e-6)
import peelkit
from peelkit import _index

text = open(sys.argv[1], encoding="utf-8").read()
with open(sys.argv[2], "rb") as file:
    corpus = pickle.load(file)  # no converter, encoder or index made yet
barrier = threading.Barrier(8)
failures = []

def work(n):
    barrier.wait()
    try:
        if n % 3 == 0:
            assert peelkit.to_json(corpus) == text
        elif n % 3 == 1:
            assert len(corpus.judgments()) > 0
        else:
            assert peelkit.from_json(text) == corpus
    except BaseException as exc:
        failures.append(repr(exc))

threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"failures": failures, "index_builds": _index.Index.built}))
"""


EXAMPLE = Path(peelkit.datasets.__file__).parent / "kent-2018-effectiveness.json"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    example = peelkit.from_json(EXAMPLE.read_bytes(), peelkit.Assessment)
    corpus = peelkit.Corpus([example] * 30)
    folder = tmp_path_factory.mktemp("first-use")
    (folder / "corpus.json").write_text(peelkit.to_json(corpus), encoding="utf-8")
    (folder / "corpus.pickle").write_bytes(pickle.dumps(corpus))
    return folder / "corpus.json"


def run_first_use(document: Path) -> dict[str, object]:
    """One fresh interpreter's verdict: its failures and how many indexes it built."""
    pickled = document.with_suffix(".pickle")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(document), str(pickled)],
        capture_output=True,
        text=True,
        check=False,
        cwd=document.parent,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("run", range(10))
def test_eight_threads_at_first_use_all_succeed_and_share_one_index(
    document: Path, run: int
) -> None:
    result = run_first_use(document)
    assert result == {"failures": [], "index_builds": 1}


def test_a_corpus_builds_its_index_once_for_queries_resolution_and_validation() -> None:
    corpus = peelkit.Corpus([peelkit.from_json(EXAMPLE.read_bytes(), peelkit.Assessment)])
    before = _index.Index.built
    corpus.judgments()
    corpus.areas_for_improvement()
    peelkit.validate(corpus)
    assert corpus.query_index is corpus.query_index
    assert _index.Index.built - before == 1
