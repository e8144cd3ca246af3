"""Loaded once in the ingest's forkserver: the extractor every worker starts with.

Workers are forked from the forkserver, so an extractor built here (gazetteer automaton, foreign
names, model: ~3 s and ~300 MB) is inherited by every worker instead of being built again in each
one: a worker starts at once (a replaced pool too). Python's reference counts soon copy the
shared pages, so this saves start-up time, not memory. The database to build it from comes in
``KOOPATLAS_INGEST_PRELOAD`` (set by :func:`koopatlas.ingest.outcomes` before the forkserver
starts); a worker uses it only when the fingerprint of the extractor's tables matches its own
database's.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "KOOPATLAS_INGEST_PRELOAD"

extractor = None
fingerprint: str | None = None


def fingerprint_of(con) -> str:
    from koopatlas import queries

    return str(queries.run(con, "extractor_fingerprint")["fingerprint"][0])


def _load(db: Path) -> None:
    global extractor, fingerprint
    import duckdb

    from koopatlas.extract import Extractor

    # one thread: the forkserver forks workers later, and must hold no other threads then
    con = duckdb.connect(str(db), read_only=True, config={"threads": 1})
    try:
        extractor, fingerprint = Extractor.from_db(con), fingerprint_of(con)
    finally:
        con.close()
    # the word frequencies the linker reads for common-word names load on first use (0.5 s):
    # loaded here, every worker inherits them instead of paying it on its first document
    extractor.linker.is_common_word("und")


def _exit_with_parent(done) -> None:
    """The forkserver notices a killed ingest only in its serve loop: during the load it must
    watch for itself, or it would outlive a `kill -9` of the ingest by the seconds of the load."""
    import time

    parent = os.getppid()
    while not done.is_set():
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(0.1)


if os.environ.get(ENV):
    import threading

    loaded = threading.Event()
    watcher = threading.Thread(target=_exit_with_parent, args=(loaded,), daemon=True)
    watcher.start()
    try:
        _load(Path(os.environ[ENV]))
    except Exception:  # noqa: BLE001 - the workers then build their own, and say what is wrong
        extractor, fingerprint = None, None
    finally:
        loaded.set()
        watcher.join()  # no thread may run when the forkserver starts forking workers
